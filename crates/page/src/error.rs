//! Errors of the page stage.

/// Why a page could not be turned into an article.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// The input had no bytes at all.
    #[error("empty input")]
    Empty,
    /// The input looks like binary data, not a page or text.
    #[error("binary data, not HTML or text ({0})")]
    Binary(&'static str),
    /// A gzip stream was corrupt or truncated.
    #[error("bad gzip data: {0}")]
    Gzip(String),
    /// The input is larger than the stage accepts.
    #[error("input too large: {bytes} bytes (limit {limit})")]
    TooLarge {
        /// Size seen (at least).
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Nothing that looks like article text was found.
    #[error("no article text found")]
    NoText,
}
