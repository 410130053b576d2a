//! Shared data types of the sitrep pipeline.
//!
//! Every stage reads and writes the types defined here, so the flow
//! `text → language → segments → places/actors → events/quotes → report`
//! stays visible in one place:
//!
//! * [`Document`]: one decoded input document (text plus metadata).
//! * [`Lang`]: the language a document is written in.
//! * [`Segmented`]: paragraphs, sentences and tokens with UTF-8 **byte** offsets
//!   into [`Document::text`].
//! * [`ActorMention`]: a mention of an actor (state, armed group, person, media…)
//!   found by the actor tagger.
//! * [`report`]: the v1 output contract (`shared/docs/output-v1.md`), serialised
//!   by `sitrep code`.
//!
//! Offsets are always byte offsets, end exclusive, into the document text exactly
//! as decoded. Every span type here upholds `start <= end <= text.len()` and lies
//! on `char` boundaries.
#![deny(missing_docs)]

pub mod report;
mod segment;

pub use report::*;
pub use segment::*;

use chrono::NaiveDate;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text this span covers (empty when out of range or off a char boundary).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A language sitrep knows by its ISO 639-1 code.
///
/// French and English have full rule sets; other languages are detected and
/// reported, and get the language-neutral parts of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
    /// Spanish.
    Es,
    /// German.
    De,
    /// Italian.
    It,
    /// Portuguese.
    Pt,
    /// Dutch.
    Nl,
    /// Arabic.
    Ar,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
    /// Turkish.
    Tr,
    /// Persian.
    Fa,
    /// Hebrew.
    He,
    /// Chinese.
    Zh,
    /// Undetermined (too little text, or no known language).
    Und,
}

impl Lang {
    /// All languages, in a fixed order.
    pub const ALL: [Lang; 15] = [
        Lang::Fr,
        Lang::En,
        Lang::Es,
        Lang::De,
        Lang::It,
        Lang::Pt,
        Lang::Nl,
        Lang::Ar,
        Lang::Ru,
        Lang::Uk,
        Lang::Tr,
        Lang::Fa,
        Lang::He,
        Lang::Zh,
        Lang::Und,
    ];

    /// The ISO 639-1 code (`und` for undetermined).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::It => "it",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
            Lang::Ar => "ar",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Tr => "tr",
            Lang::Fa => "fa",
            Lang::He => "he",
            Lang::Zh => "zh",
            Lang::Und => "und",
        }
    }

    /// Parses an ISO 639-1 code (case-insensitive); `None` when unknown.
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        let c = c.split(['-', '_']).next().unwrap_or("");
        Lang::ALL.iter().copied().find(|l| l.code() == c)
    }
}

/// One input document, decoded to UTF-8, with what its container told us.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Given id (JSONL, feed item) or the path it was read from.
    pub id: String,
    /// Outlet name or domain, when known.
    pub source: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// Publication date, from the input or `--published`; never guessed from the body.
    pub published: Option<NaiveDate>,
    /// Language given by the input (e.g. a JSONL `language` field), if any.
    pub language: Option<Lang>,
    /// The text every offset points into.
    pub text: String,
}

/// Kinds of named entity, as in the v1 contract.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A non-state armed group, militia or rebel movement.
    ArmedGroup,
    /// A state (country) as an actor.
    State,
    /// Armed forces, police, security services of a state.
    Military,
    /// Government bodies and officials' institutions.
    Government,
    /// Other organisations (NGOs, UN agencies, companies, parties).
    Organization,
    /// News outlets and websites.
    Media,
    /// Places.
    Place,
    /// Anything else (civilians, protesters, unknown groups).
    Other,
}

impl EntityKind {
    /// The contract's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::ArmedGroup => "armed_group",
            EntityKind::State => "state",
            EntityKind::Military => "military",
            EntityKind::Government => "government",
            EntityKind::Organization => "organization",
            EntityKind::Media => "media",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// A mention of an actor found by the actor tagger (`sitrep-actors`).
///
/// Several mentions of the same actor share `canonical`; the pipeline groups
/// them into [`report::Entity`] records.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Where the mention stands in the text.
    pub span: Span,
    /// Canonical name (e.g. "Popular Mobilization Forces"); `None` for a person
    /// or organisation not in the knowledge base.
    pub canonical: Option<String>,
    /// Entity kind.
    pub kind: EntityKind,
    /// ISO 3166 alpha-2 country the actor belongs to.
    pub country: Option<String>,
    /// ACLED actor type (e.g. "State forces", "Rebel group"), when known.
    pub acled_type: Option<String>,
    /// Canonical name of the umbrella organisation, when known.
    pub part_of: Option<String>,
    /// True when the mention is a demonym or adjective ("américains", "US")
    /// rather than a name.
    pub adjectival: bool,
    /// For a person: the canonical name of the organisation they speak for, if
    /// the text says so (apposition "membre du bureau politique de X").
    pub affiliation: Option<String>,
}

/// Everything the extraction stages know about one document, read-only.
///
/// Built by the pipeline (`sitrep` crate) in this order: segments → places →
/// actor mentions → entities → quotes and claims → events. A stage reads the
/// fields filled before it; later fields are empty slices when it runs.
#[derive(Debug, Clone, Copy)]
pub struct Analysis<'a> {
    /// The document (text and metadata; `published` anchors relative dates).
    pub doc: &'a Document,
    /// The language used for the rules.
    pub lang: Lang,
    /// Paragraphs, sentences and tokens.
    pub seg: &'a Segmented,
    /// Resolved toponym mentions, in text order.
    pub places: &'a [Place],
    /// Actor mentions, in text order.
    pub actors: &'a [ActorMention],
    /// Entities grouped from actor mentions and places.
    pub entities: &'a [Entity],
    /// Quotes found so far.
    pub quotes: &'a [Quote],
    /// Claims found so far.
    pub claims: &'a [Claim],
}

impl<'a> Analysis<'a> {
    /// The document text.
    pub fn text(&self) -> &'a str {
        &self.doc.text
    }
    /// The entity one of whose mentions is exactly `span`, or else overlaps it.
    pub fn entity_at(&self, span: Span) -> Option<&'a Entity> {
        self.entities
            .iter()
            .find(|e| e.mentions.contains(&span))
            .or_else(|| self.entities.iter().find(|e| e.mentions.iter().any(|m| m.overlaps(&span))))
    }
}
