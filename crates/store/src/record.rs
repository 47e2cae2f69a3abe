//! What the store keeps of one analysed article: read from the JSON that
//! `dyad analyze` prints, so the store sees exactly what a user sees.

use serde::Deserialize;
use serde_json::Value;

use crate::Error;

/// A party of a claim or its attribution, as `analyze` prints it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct Party {
    /// Entity id (ISO 3166-1 alpha-3 for states).
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Entity kind (`state`, `person`, `organization`, …).
    #[serde(default)]
    pub kind: String,
    /// The state it belongs to, if any.
    #[serde(default)]
    pub state: Option<String>,
}

/// An entity named in the article.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EntityRecord {
    /// Entity id as the language stage gives it.
    pub id: String,
    /// Entity kind.
    #[serde(default)]
    pub kind: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// The state it belongs to.
    #[serde(default)]
    pub state: Option<String>,
    /// A person's role as the article gives it ("foreign minister").
    #[serde(default)]
    pub role: Option<String>,
    /// Whether the lexicon knows it (else the id is made from its name).
    #[serde(default)]
    pub known: bool,
    /// Its mentions in the article text (character offsets and text).
    #[serde(default)]
    pub mentions: Vec<Span>,
}

/// A stretch of text.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Span {
    /// Start (characters; absent for mentions in captions).
    #[serde(default)]
    pub start: usize,
    /// End (characters).
    #[serde(default)]
    pub end: usize,
    /// The text.
    #[serde(default)]
    pub text: String,
    /// The field it stands in when not in the article text (`images[0].caption`).
    #[serde(default)]
    pub field: Option<String>,
}

/// A claim's time.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Time {
    /// The time expression as written.
    #[serde(default)]
    pub text: String,
    /// Its normalised value (`2024-04-24`, `2024-04`, `2023-07/2024-02`).
    #[serde(default)]
    pub value: Option<String>,
}

/// A claim's quantity.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Quantity {
    /// The number.
    #[serde(default)]
    pub value: Option<f64>,
    /// "about", "more than", …
    #[serde(default)]
    pub qualifier: Option<String>,
    /// What is counted.
    #[serde(default)]
    pub unit: Option<String>,
}

/// One claim as `analyze` prints it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ClaimRecord {
    /// PLOVER type or relation.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    #[serde(default)]
    pub mode: Option<String>,
    /// CAMEO code.
    #[serde(default)]
    pub cameo: Option<String>,
    /// Who acts.
    #[serde(default)]
    pub source: Option<Party>,
    /// Who is acted on.
    #[serde(default)]
    pub target: Option<Party>,
    /// Source and target act on each other.
    #[serde(default)]
    pub symmetric: bool,
    /// fact, reported, suspected, possible or denied.
    #[serde(default)]
    pub certainty: String,
    /// Who says so.
    #[serde(default)]
    pub attribution: Option<Party>,
    /// When the event happened.
    #[serde(default)]
    pub time: Option<Time>,
    /// How much.
    #[serde(default)]
    pub quantity: Option<Quantity>,
    /// Weapon systems involved.
    #[serde(default)]
    pub items: Vec<String>,
    /// Hangs on a condition.
    #[serde(default)]
    pub conditional: bool,
    /// Said not to have happened.
    #[serde(default)]
    pub negated: bool,
    /// The text that carries the claim.
    #[serde(default)]
    pub evidence: Span,
}

/// The article fields the store keeps.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ArticleMeta {
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// The outlet's name, when the page gives it.
    #[serde(default)]
    pub publisher: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// Canonical URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Byline.
    #[serde(default)]
    pub authors: Vec<String>,
}

/// One analysed article, ready to store.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ArticleRecord {
    /// Article metadata.
    pub article: ArticleMeta,
    /// The article text the offsets index.
    #[serde(default)]
    pub text: String,
    /// Entities named.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// Claims coded.
    #[serde(default)]
    pub claims: Vec<ClaimRecord>,
    /// The article's sentences (character offsets).
    #[serde(default)]
    pub sentences: Vec<Span>,
}

impl ArticleRecord {
    /// Reads the object `dyad analyze` prints for one article.
    pub fn from_analysis(v: Value) -> Result<Self, Error> {
        serde_json::from_value(v).map_err(|e| Error::Record(e.to_string()))
    }
}
