//! # dyad-page — the page stage
//!
//! Turns one input — a saved HTML page in any encoding, text that another scraper
//! produced, or plain article text — into one clean [`Article`]: title, section
//! path, byline, dates, images with captions and credits, and body paragraphs, with
//! navigation, widgets, comment boxes and repeated captions dropped.
//!
//! ```
//! use dyad_page::{read_article, InputFormat, Options};
//!
//! let html = b"<html><head><title>Talks resume | Meridian</title></head><body>\
//!   <nav><a href='/'>Home</a></nav><article><h1>Talks resume</h1>\
//!   <p>Delegations from both countries met in Geneva on Tuesday, the first talks in a year.</p>\
//!   <p>Another round is planned for next month, according to the foreign ministry.</p>\
//!   </article></body></html>";
//! let article = read_article(html, &Options::default()).unwrap();
//! assert_eq!(article.title, "Talks resume");
//! assert_eq!(article.paragraphs.len(), 2);
//! ```
//!
//! Modules, in the order data flows through them: [`decode`] (bytes to text),
//! [`dom`] (tokenizer and compact tree), [`meta`] (metadata), [`content`] (body),
//! [`scraped`] (line-based reading of scraped text).

#![warn(missing_docs)]

pub mod content;
pub mod date;
pub mod decode;
pub mod dom;
pub mod error;
pub mod http;
pub mod meta;
pub mod rules;
pub mod scraped;
pub mod text;
pub mod tokenizer;

use serde::Serialize;

pub use error::PageError;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide from the content.
    #[default]
    Auto,
    /// A saved HTML page.
    Html,
    /// Text produced by another scraper: article plus page chrome, one block per line.
    Scraped,
    /// Article text to take verbatim: no chrome removal; paragraphs are split at blank lines.
    Text,
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(InputFormat::Auto),
            "html" => Ok(InputFormat::Html),
            "scraped" => Ok(InputFormat::Scraped),
            "text" => Ok(InputFormat::Text),
            other => Err(format!(
                "unknown input format '{other}' (auto, html, scraped, text)"
            )),
        }
    }
}

/// Options for reading one input.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How to read the input.
    pub format: InputFormat,
    /// Where the page came from (used for dates, section, publisher).
    pub url: Option<String>,
    /// Publication date (`YYYY-MM-DD`), overriding what the page says.
    pub published: Option<String>,
    /// Charset from outside the page (an HTTP header), if known.
    pub charset: Option<String>,
}

/// An image of the article, with its caption and credit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Image {
    /// Image address as written in the page (may be relative); empty when unknown.
    pub src: String,
    /// Caption without the credit.
    pub caption: String,
    /// Credit (agency or photographer), without brackets or "Photo:" labels.
    pub credit: String,
}

/// One clean article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Headline, once, without the site name.
    pub title: String,
    /// Section path, outermost first, "Home" left out.
    pub section: Vec<String>,
    /// Byline names.
    pub authors: Vec<String>,
    /// Byline e-mail addresses.
    pub author_emails: Vec<String>,
    /// The outlet.
    pub publisher: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Last modification date, `YYYY-MM-DD`.
    pub modified: Option<String>,
    /// Canonical URL (or the URL given).
    pub url: Option<String>,
    /// Language tag, when the page declares one.
    pub language: Option<String>,
    /// Distinct images with caption and credit.
    pub images: Vec<Image>,
    /// Body paragraphs in order (headings, list items and quotes each one paragraph).
    pub paragraphs: Vec<String>,
    /// Kind of each paragraph (same length as `paragraphs`).
    pub blocks: Vec<content::BlockKind>,
    /// Encoding the input was decoded from.
    pub encoding: String,
    /// How the input was read (`html`, `scraped`, `text`).
    pub input_format: String,
    /// With [`InputFormat::Text`], the input itself: offsets index it verbatim.
    #[serde(skip)]
    pub verbatim: Option<String>,
}

impl Article {
    /// The article text that offsets of later stages index: paragraphs joined by a blank line.
    pub fn text(&self) -> String {
        match &self.verbatim {
            Some(v) => v.clone(),
            None => self.paragraphs.join("\n\n"),
        }
    }
}

/// Reads one input (raw bytes: HTML, text, or gzip of either) into an article.
pub fn read_article(bytes: &[u8], opts: &Options) -> Result<Article, PageError> {
    read_article_owned(bytes.to_vec(), opts)
}

/// Like [`read_article`], taking the bytes by value: no copy of a large page is
/// made, and each intermediate form is dropped as soon as the next one exists.
pub fn read_article_owned(bytes: Vec<u8>, opts: &Options) -> Result<Article, PageError> {
    if bytes.is_empty() {
        return Err(PageError::Empty);
    }
    if bytes.len() > decode::MAX_INPUT_BYTES {
        return Err(PageError::TooLarge {
            bytes: bytes.len(),
            limit: decode::MAX_INPUT_BYTES,
        });
    }
    let raw = decode::gunzip_if_needed(bytes)?;
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(PageError::Empty);
    }
    if let Some(kind) = binary_kind(&raw) {
        return Err(PageError::Binary(kind));
    }
    let decoded = decode::decode_owned(raw, opts.charset.as_deref());
    let encoding = decoded.encoding;
    let format = match opts.format {
        InputFormat::Auto => sniff_format(&decoded.text),
        f => f,
    };
    let mut article = match format {
        InputFormat::Html | InputFormat::Auto => {
            let dom = dom::Dom::parse(&decoded.text);
            drop(decoded);
            article_from_dom(&dom, opts)
        }
        InputFormat::Scraped => scraped::read_scraped(&decoded.text, opts),
        InputFormat::Text => scraped::read_text(&decoded.text, opts),
    };
    article.encoding = encoding.to_string();
    if let Some(p) = &opts.published {
        article.published = Some(p.clone());
    }
    if article.paragraphs.is_empty() && article.title.is_empty() {
        return Err(PageError::NoText);
    }
    Ok(article)
}

/// Reads an HTML page that is already text.
pub fn read_html(html: &str, opts: &Options) -> Article {
    article_from_dom(&dom::Dom::parse(html), opts)
}

fn article_from_dom(dom: &dom::Dom, opts: &Options) -> Article {
    let m = meta::read_meta(dom, opts.url.as_deref());
    let body = content::extract_body(dom, m.title.as_deref());
    let title = m
        .title
        .clone()
        .or_else(|| body.blocks.first().map(|b| b.text.clone()))
        .unwrap_or_default();
    Article {
        title,
        section: m.section,
        authors: m.authors,
        author_emails: m.author_emails,
        publisher: m.publisher,
        published: m.published,
        modified: m.modified,
        url: opts.url.clone().or(m.url),
        language: m.language,
        blocks: body.blocks.iter().map(|b| b.kind).collect(),
        paragraphs: body.blocks.into_iter().map(|b| b.text).collect(),
        images: body.images,
        encoding: String::new(),
        input_format: "html".into(),
        verbatim: None,
    }
}

/// Decides whether decoded input is HTML or scraped text.
pub fn sniff_format(text: &str) -> InputFormat {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || head.starts_with("<!--")
        || head.starts_with("<head")
        || head.starts_with("<meta")
    {
        return InputFormat::Html;
    }
    // Markup density: many tags of known elements mean HTML.
    let tags = [
        "<p>", "<p ", "<div", "<br", "<a href", "<span", "<body", "<title", "<script", "<table",
    ]
    .iter()
    .map(|t| head.matches(t).count())
    .sum::<usize>();
    if head.starts_with('<') && tags >= 1 || tags >= 3 {
        InputFormat::Html
    } else {
        InputFormat::Scraped
    }
}

/// Names the kind of a binary input (by magic bytes or control characters), if it is one.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "ELF executable"),
        (b"RIFF", "RIFF media"),
        (b"BZh", "bzip2 data"),
        (b"\xfd7zXZ", "xz data"),
        (b"\x28\xb5\x2f\xfd", "zstd data"),
    ];
    for (m, name) in MAGIC {
        if bytes.starts_with(m) {
            return Some(name);
        }
    }
    // UTF-16 text has many NULs but a BOM; anything else with NULs or many
    // control bytes in its head is binary.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)))
        .count();
    if controls * 20 > head.len().max(1) || head.contains(&0) && controls * 100 > head.len() {
        return Some("control bytes");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff_format("<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(
            sniff_format("Headline\n\nHome > World\n\nBody text here."),
            InputFormat::Scraped
        );
        assert_eq!(sniff_format("<div><p>x</p></div>"), InputFormat::Html);
    }

    #[test]
    fn bad_inputs_are_errors() {
        let o = Options::default();
        assert!(matches!(read_article(b"", &o), Err(PageError::Empty)));
        assert!(matches!(read_article(b"  \n ", &o), Err(PageError::Empty)));
        assert!(matches!(
            read_article(b"\x89PNG\r\n\x1a\n\0\0", &o),
            Err(PageError::Binary(_))
        ));
        assert!(matches!(
            read_article(&[0u8; 100], &o),
            Err(PageError::Binary(_))
        ));
        assert!(matches!(
            read_article(b"\x1f\x8b\x08\x00trunc", &o),
            Err(PageError::Gzip(_))
        ));
    }

    #[test]
    fn text_mode_is_verbatim() {
        let o = Options {
            format: InputFormat::Text,
            ..Options::default()
        };
        let a = read_article(b"First para.\n\nSecond  para.\n", &o).unwrap();
        assert_eq!(a.paragraphs, vec!["First para.", "Second  para."]);
    }
}
