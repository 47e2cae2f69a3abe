//! # dyad-language — the language stage
//!
//! Reads the article text that the page stage produced and finds what later
//! stages build on: sentences, tokens, time expressions normalised against the
//! publication date, and (as the lexicon grows) entities and quantities. All
//! spans are byte ranges into the text; [`text::CharIndex`] converts them to
//! the character offsets of the output contract.
//!
//! ```
//! let a = dyad_language::annotate("North Korea sent a delegation to Iran on Tuesday.", Some("2024-04-24"));
//! assert_eq!(a.sentences.len(), 1);
//! assert_eq!(a.times[0].value.as_deref(), Some("2024-04-23"));
//! ```

#![warn(missing_docs)]

pub mod calendar;
pub mod datafile;
pub mod entities;
pub mod lexicon;
pub mod quantities;
pub mod sentences;
pub mod text;
pub mod times;
pub mod tokens;

pub use entities::{Entity, Mention, Reference};
pub use lexicon::{FormClass, Kind, Lexicon};
pub use quantities::Quantity;
pub use text::{CharIndex, Span};
pub use times::{TimeExpr, TimeMod, TimeType};
pub use tokens::{Token, TokenKind};

/// The language stage's reading of one text.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Sentence spans in order.
    pub sentences: Vec<Span>,
    /// Time expressions in order.
    pub times: Vec<TimeExpr>,
    /// Entities with their mentions.
    pub entities: Vec<Entity>,
    /// Quantities in order.
    pub quantities: Vec<Quantity>,
    /// Back-references to states ("the two nations").
    pub references: Vec<Reference>,
    /// The publication date the times were read against (`YYYY-MM-DD`).
    pub published: Option<String>,
}

/// Annotates a text; `published` (`YYYY-MM-DD`) anchors relative times.
pub fn annotate(text: &str, published: Option<&str>) -> Annotated {
    let tokens = tokens::tokenize(text);
    let sentences = sentences::split(text, &tokens);
    let dct = published.and_then(calendar::Date::parse);
    let times = times::find_times(text, &tokens, &sentences, dct);
    let taken: Vec<Span> = times.iter().map(|t| t.span).collect();
    let mut entities = entities::find_entities(
        text,
        &tokens,
        &sentences,
        &taken,
        published,
        Lexicon::builtin(),
    );
    let references = entities::references(text, &tokens, &sentences, &mut entities);
    let quantities = quantities::find_quantities(text, &tokens, &taken);
    Annotated {
        tokens,
        sentences,
        times,
        entities,
        quantities,
        references,
        published: dct.map(|d| d.iso()),
    }
}
