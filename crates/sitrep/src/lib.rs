//! sitrep: from a news report to trustworthy event data.
//!
//! This facade runs the pipeline stages in order and assembles the v1 report:
//!
//! ```text
//! Document ─► language (sitrep-text) ─► segments (sitrep-text)
//!          ─► places (sitrep-gazetteer) ─► actor mentions (sitrep-actors)
//!          ─► entities (grouped here) ─► quotes & claims (sitrep-attrib)
//!          ─► events (sitrep-extract) ─► Report (sitrep-model, contract v1)
//! ```
//!
//! Each stage is a plain function over borrowed text and earlier results; every
//! span is a UTF-8 byte offset into [`Document::text`]. [`Pipeline::code`] is
//! deterministic: the same document always gives the same report.
#![deny(missing_docs)]

mod entities;
pub mod eval;

pub use sitrep_model as model;
pub use sitrep_text as text;

use sha2::{Digest, Sha256};
use sitrep_model::{Analysis, DocMeta, Document, Lang, Report, CONTRACT_VERSION};
use std::time::{Duration, Instant};

/// The whole pipeline, configured once and shared across threads.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    forced_lang: Option<Lang>,
    with_text: bool,
}

/// Time spent in each stage, summed over the documents a caller coded.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    /// Language identification.
    pub lang: Duration,
    /// Segmentation.
    pub segment: Duration,
    /// Toponym recognition and resolution.
    pub places: Duration,
    /// Actor tagging and entity grouping.
    pub actors: Duration,
    /// Quotes and claims.
    pub attrib: Duration,
    /// Event extraction.
    pub events: Duration,
}

impl StageTimes {
    /// Adds another set of timings to this one.
    pub fn add(&mut self, o: &StageTimes) {
        self.lang += o.lang;
        self.segment += o.segment;
        self.places += o.places;
        self.actors += o.actors;
        self.attrib += o.attrib;
        self.events += o.events;
    }
    /// Named stages with their durations, in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 6] {
        [
            ("lang", self.lang),
            ("segment", self.segment),
            ("places", self.places),
            ("actors", self.actors),
            ("attrib", self.attrib),
            ("events", self.events),
        ]
    }
}

impl Pipeline {
    /// A pipeline with default settings (language detected per document).
    pub fn new() -> Pipeline {
        Pipeline::default()
    }
    /// Forces the language of every document (`--lang`).
    pub fn lang(&mut self, lang: Option<Lang>) -> &mut Pipeline {
        self.forced_lang = lang;
        self
    }
    /// Adds the document text to every report (`--with-text`).
    pub fn with_text(&mut self, yes: bool) -> &mut Pipeline {
        self.with_text = yes;
        self
    }
    /// Loads the gazetteer and actor tables now rather than on first use.
    pub fn warm_up(&self) {
        let _ = sitrep_gazetteer::Gazetteer::global();
        let _ = sitrep_actors::ActorKb::global();
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document) -> Report {
        self.code_timed(doc).0
    }

    /// Codes one document and reports the time spent in each stage.
    pub fn code_timed(&self, doc: &Document) -> (Report, StageTimes) {
        let mut times = StageTimes::default();
        let text = doc.text.as_str();
        let mut clock = Instant::now();
        let mut lap = |slot: &mut Duration| {
            let now = Instant::now();
            *slot += now - clock;
            clock = now;
        };
        let lang = self.forced_lang.or(doc.language).unwrap_or_else(|| sitrep_text::detect(text));
        lap(&mut times.lang);
        let rules = if lang == Lang::Fr { Lang::Fr } else { Lang::En };
        let seg = sitrep_text::segment(text, rules);
        lap(&mut times.segment);
        let places = sitrep_gazetteer::tag_places(text, &seg, rules);
        lap(&mut times.places);
        let actors = sitrep_actors::tag_actors(text, &seg, rules);
        let entities = entities::group(text, &actors, &places);
        lap(&mut times.actors);
        let mut analysis = Analysis {
            doc,
            lang: rules,
            seg: &seg,
            places: &places,
            actors: &actors,
            entities: &entities,
            quotes: &[],
            claims: &[],
        };
        let (quotes, claims) = sitrep_attrib::attribute(&analysis);
        lap(&mut times.attrib);
        analysis.quotes = &quotes;
        analysis.claims = &claims;
        let events = sitrep_extract::extract_events(&analysis);
        lap(&mut times.events);
        let report = Report {
            sitrep: CONTRACT_VERSION.to_string(),
            doc: DocMeta {
                id: doc.id.clone(),
                source: doc.source.clone(),
                url: doc.url.clone(),
                title: doc.title.clone(),
                published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
                language: lang.code().to_string(),
                text_sha256: sha256_hex(text),
            },
            entities,
            places,
            events,
            quotes,
            claims,
            text: self.with_text.then(|| doc.text.clone()),
        };
        (report, times)
    }
}

/// Lowercase hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        s.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_empty_text() {
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn pipeline_is_send_sync() {
        fn is<T: Send + Sync>() {}
        is::<Pipeline>();
    }

    #[test]
    fn empty_document_gives_empty_report() {
        let doc = Document { id: "x".into(), ..Default::default() };
        let r = Pipeline::new().code(&doc);
        assert_eq!(r.sitrep, "1");
        assert_eq!(r.doc.language, "und");
        assert!(r.events.is_empty() && r.places.is_empty() && r.entities.is_empty());
    }
}
