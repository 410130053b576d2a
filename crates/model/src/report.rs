//! The v1 output contract (`shared/docs/output-v1.md`).
//!
//! Field names and types here are the contract: add optional fields, never rename
//! or retype one. Optional values serialise as `null`, not as absent keys, except
//! for extensions of v1 (marked below), which are skipped when empty.

use crate::{EntityKind, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The contract's version string.
pub const CONTRACT_VERSION: &str = "1";

/// One coded document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always `"1"`.
    pub sitrep: String,
    /// Document metadata.
    pub doc: DocMeta,
    /// Named entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Every toponym mention, in text order.
    pub places: Vec<Place>,
    /// Events, in order of their first evidence span.
    pub events: Vec<Event>,
    /// Quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Reported statements that are not direct quotes, in text order.
    pub claims: Vec<Claim>,
    /// The document text (only with `--with-text`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
}

/// Document metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Given id, else the path.
    pub id: String,
    /// Outlet name or domain.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date `YYYY-MM-DD`.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: String,
    /// SHA-256 of the text, hex.
    pub text_sha256: String,
}

/// A named entity with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `n1`, `n2`, … in order of first mention.
    pub id: String,
    /// Text of the first mention.
    pub text: String,
    /// Canonical name, when known.
    pub canonical: Option<String>,
    /// Entity kind.
    pub kind: EntityKind,
    /// ISO 3166 alpha-2 country.
    pub country: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// A toponym mention, resolved.
///
/// The gazetteer's own words (name, feature, country, first-level division,
/// precision) are borrowed from its static tables when it made them; a
/// deserialised place owns them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Text as it stands in the document.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Resolved name.
    pub name: Cow<'static, str>,
    /// GeoNames id, when the resolved place has one.
    pub geonameid: Option<u64>,
    /// country|admin1|admin2|city|airport|military_base|oil_field|border|site|region|water
    pub feature: Cow<'static, str>,
    /// ISO 3166 alpha-2.
    pub country: Option<Cow<'static, str>>,
    /// First-level division name.
    pub admin1: Option<Cow<'static, str>>,
    /// Latitude, degrees (WGS84).
    pub lat: Option<f64>,
    /// Longitude, degrees (WGS84).
    pub lon: Option<f64>,
    /// site|city|admin2|admin1|country|region
    pub precision: Cow<'static, str>,
    /// Confidence in 0..=1.
    pub score: f64,
}

/// An actor or target of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Party {
    /// Text in the document, if the text names it.
    pub text: Option<String>,
    /// Canonical name.
    pub canonical: Option<String>,
    /// Entity kind, or `unknown`.
    pub kind: String,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// Entity id (`n1`…) when the party is a listed entity.
    pub entity: Option<String>,
}

/// An event's location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    /// Text in the document supporting the location.
    pub text: String,
    /// Resolved name.
    pub name: String,
    /// GeoNames id.
    pub geonameid: Option<u64>,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// First-level division.
    pub admin1: Option<String>,
    /// Latitude, degrees.
    pub lat: Option<f64>,
    /// Longitude, degrees.
    pub lon: Option<f64>,
    /// site|city|admin2|admin1|country|region
    pub precision: String,
}

/// When an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EventDate {
    /// The text that dates it ("la semaine dernière").
    pub text: Option<String>,
    /// First possible day, `YYYY-MM-DD`.
    pub start: Option<String>,
    /// Last possible day, `YYYY-MM-DD`.
    pub end: Option<String>,
}

/// ACLED coding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct AcledCode {
    /// One of ACLED's 6 event types.
    pub event_type: String,
    /// One of ACLED's 25 sub-event types.
    pub sub_event_type: String,
}

/// PLOVER coding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PloverCode {
    /// PLOVER event type (ASSAULT, COERCE, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode, when one applies.
    pub mode: Option<String>,
}

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `e1`, `e2`, … in order of first evidence.
    pub id: String,
    /// Fine kind (attack, airstrike, …).
    pub kind: String,
    /// ACLED coding.
    pub acled: AcledCode,
    /// PLOVER coding.
    pub plover: PloverCode,
    /// Who did it.
    pub actor: Option<Party>,
    /// To whom.
    pub target: Option<Party>,
    /// Where.
    pub location: Option<Location>,
    /// When.
    pub date: EventDate,
    /// Killed, when stated.
    pub fatalities: Option<u32>,
    /// Injured, when stated.
    pub injured: Option<u32>,
    /// Weapons named.
    pub weapons: Vec<String>,
    /// asserted|reported|claimed|denied|threatened|planned|hypothetical
    pub modality: String,
    /// Who reports or claims it.
    pub attributed_to: Option<String>,
    /// Loaded terms the text uses about this event.
    pub framing: Vec<String>,
    /// Supporting spans.
    pub evidence: Vec<Span>,
    /// Extension of v1: the trigger word or phrase of every mention merged
    /// into this event, in text order; each lies inside an evidence span.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub triggers: Vec<Span>,
}

/// A speaker or source reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SourceRef {
    /// Text naming the speaker.
    pub text: String,
    /// Canonical name.
    pub canonical: Option<String>,
    /// Entity id.
    pub entity: Option<String>,
}

/// A quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Who said it.
    pub speaker: SourceRef,
    /// The quoted words.
    pub text: String,
    /// First byte of the quoted words.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The reporting verb.
    pub verb: Option<String>,
    /// True for a direct quote.
    pub direct: bool,
    /// Extension of v1: the source that relays the speaker's words, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub via: Option<SourceRef>,
}

/// A reported statement that is not a direct quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Who claims it.
    pub source: SourceRef,
    /// The claim.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The marker ("Selon", "according to").
    pub marker: Option<String>,
}
