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
mod window;

pub use sitrep_model as model;
pub use sitrep_text as text;

use sha2::{Digest, Sha256};
use sitrep_model::{
    ActorMention, Analysis, Claim, DocMeta, Document, Entity, Event, Lang, Place, Quote, Report,
    CONTRACT_VERSION,
};
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
    ///
    /// A document over 128 KiB is coded in windows of whole sentences (see
    /// `window.rs`), so that time stays linear in its length.
    pub fn code_timed(&self, doc: &Document) -> (Report, StageTimes) {
        let mut times = StageTimes::default();
        let clock = Instant::now();
        let lang =
            self.forced_lang.or(doc.language).unwrap_or_else(|| sitrep_text::detect(&doc.text));
        times.lang += clock.elapsed();
        let coded = if doc.text.len() <= window::WINDOW {
            self.stages(doc, lang, &mut times)
        } else {
            self.stages_in_windows(doc, lang, &mut times)
        };
        (self.report(doc, lang, coded), times)
    }

    /// The stages over a long document, window by window, joined.
    fn stages_in_windows(&self, doc: &Document, lang: Lang, times: &mut StageTimes) -> Coded {
        let clock = Instant::now();
        let ends: Vec<usize> = sitrep_text::segment(&doc.text, rules_for(lang))
            .sentences
            .iter()
            .map(|s| s.span.end)
            .collect();
        times.segment += clock.elapsed();
        let mut joiner = window::Joiner::default();
        for (start, end) in window::cuts(&doc.text, &ends, window::WINDOW) {
            let part = Document {
                id: doc.id.clone(),
                source: doc.source.clone(),
                url: doc.url.clone(),
                title: doc.title.clone(),
                published: doc.published,
                language: Some(lang),
                text: doc.text[start..end].to_string(),
            };
            joiner.add(self.stages(&part, lang, times), start);
        }
        joiner.finish()
    }

    /// The v1 report of `doc`: its metadata around what the stages found.
    fn report(&self, doc: &Document, lang: Lang, coded: Coded) -> Report {
        Report {
            sitrep: CONTRACT_VERSION.to_string(),
            doc: DocMeta {
                id: doc.id.clone(),
                source: doc.source.clone(),
                url: doc.url.clone(),
                title: doc.title.clone(),
                published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
                language: lang.code().to_string(),
                text_sha256: sha256_hex(&doc.text),
            },
            entities: coded.entities,
            places: coded.places,
            events: coded.events,
            quotes: coded.quotes,
            claims: coded.claims,
            text: self.with_text.then(|| doc.text.clone()),
        }
    }

    /// Runs the stages after language identification over `doc` in one piece.
    fn stages(&self, doc: &Document, lang: Lang, times: &mut StageTimes) -> Coded {
        let text = doc.text.as_str();
        let mut clock = Instant::now();
        let mut lap = |slot: &mut Duration| {
            let now = Instant::now();
            *slot += now - clock;
            clock = now;
        };
        let rules = rules_for(lang);
        let seg = sitrep_text::segment(text, rules);
        lap(&mut times.segment);
        let actors = sitrep_actors::tag_actors(text, &seg, rules);
        lap(&mut times.actors);
        let hints = group_countries(&actors);
        let mut places = sitrep_gazetteer::tag_places_hinted(text, &seg, rules, &hints);
        lap(&mut times.places);
        places.retain(|p| !named_actor(&actors, p));
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
        Coded { entities, places, events, quotes, claims }
    }
}

/// The home countries of the armed groups a text names ("AQAP": Yemen), once each, in text
/// order: hints for resolving its place names. (Not a state's forces, which act abroad too:
/// "US military forces" in a story of Yemen.)
fn group_countries(actors: &[ActorMention]) -> Vec<[u8; 2]> {
    let mut out: Vec<[u8; 2]> = Vec::new();
    for a in actors {
        if a.adjectival || a.kind != sitrep_model::EntityKind::ArmedGroup {
            continue;
        }
        let Some(cc) = a.country.as_deref().and_then(|c| <[u8; 2]>::try_from(c.as_bytes()).ok())
        else {
            continue;
        };
        if !out.contains(&cc) {
            out.push(cc);
        }
    }
    out
}

/// Whether a place mention is the whole name of a force or armed group instead ("Barkhane",
/// the French operation, is not Berkane in Morocco).
fn named_actor(actors: &[ActorMention], p: &Place) -> bool {
    use sitrep_model::EntityKind as K;
    actors.iter().any(|a| {
        !a.adjectival
            && matches!(a.kind, K::Military | K::ArmedGroup)
            && a.span.start == p.start
            && a.span.end == p.end
    })
}

/// The rule set for a language: French rules for French, English for all else.
fn rules_for(lang: Lang) -> Lang {
    if lang == Lang::Fr {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// What the stages find in a text (or a window of it), before the report's
/// metadata is added.
#[derive(Debug, Default)]
pub(crate) struct Coded {
    entities: Vec<Entity>,
    places: Vec<Place>,
    events: Vec<Event>,
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
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
    fn issue3_a_force_named_like_a_town_is_not_a_place() {
        let doc = Document {
            id: "x".into(),
            text: "On 5 May 2020, Barkhane soldiers killed five militants near Menaka.".into(),
            language: Some(Lang::En),
            ..Default::default()
        };
        let r = Pipeline::new().code(&doc);
        let places: Vec<&str> = r.places.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(places, ["Menaka"]);
    }

    #[test]
    fn empty_document_gives_empty_report() {
        let doc = Document { id: "x".into(), ..Default::default() };
        let r = Pipeline::new().code(&doc);
        assert_eq!(r.sitrep, "1");
        assert_eq!(r.doc.language, "und");
        assert!(r.events.is_empty() && r.places.is_empty() && r.entities.is_empty());
    }

    /// Regression (issue 8, pathological inputs): a document over the window
    /// size is coded in windows whose reports join into one valid report,
    /// with the same places and events per sentence as a short document.
    #[test]
    fn issue8_long_documents_are_coded_in_windows() {
        let sentence = "Une frappe de drone a tué quatre combattants près d'Erbil mardi soir, \
                        a affirmé Saad al-Saadi. ";
        let doc = |n: usize| Document {
            id: "long".into(),
            text: sentence.repeat(n),
            language: Some(Lang::Fr),
            ..Default::default()
        };
        let p = Pipeline::new();
        let one = p.code(&doc(1));
        assert!(!one.places.is_empty() && !one.events.is_empty() && !one.entities.is_empty());
        let n = 2 * window::WINDOW / sentence.len() + 7;
        let long = doc(n);
        let r = p.code(&long);
        let text = long.text.as_str();
        assert_eq!(r.places.len(), n * one.places.len());
        for (i, pl) in r.places.iter().enumerate() {
            assert_eq!(text.get(pl.start..pl.end), Some(pl.text.as_str()), "place {i}");
        }
        assert_eq!(r.entities.len(), one.entities.len(), "entities merge across windows");
        for (i, e) in r.entities.iter().enumerate() {
            assert_eq!(e.id, format!("n{}", i + 1));
            assert!(e.mentions.iter().all(|m| text.get(m.start..m.end).is_some()));
        }
        let mentions: usize = r.entities.iter().map(|e| e.mentions.len()).sum();
        let once: usize = one.entities.iter().map(|e| e.mentions.len()).sum();
        assert_eq!(mentions, n * once);
        let ids: Vec<&str> = r.entities.iter().map(|e| e.id.as_str()).collect();
        for (i, ev) in r.events.iter().enumerate() {
            assert_eq!(ev.id, format!("e{}", i + 1));
            for party in [&ev.actor, &ev.target].into_iter().flatten() {
                assert!(party.entity.as_deref().is_none_or(|id| ids.contains(&id)));
            }
            for t in &ev.triggers {
                assert!(ev.evidence.iter().any(|s| s.start <= t.start && t.end <= s.end));
            }
        }
        // One incident told again and again: one event, as in a short text.
        let twice = p.code(&doc(2));
        assert_eq!(r.events.len(), twice.events.len());
        let evidence: usize = r.events.iter().map(|e| e.evidence.len()).sum();
        assert!(evidence >= n, "every sentence is evidence: {evidence} spans for {n}");
        assert_eq!(r.quotes.len(), n * one.quotes.len());
        assert_eq!(r.doc.text_sha256, sha256_hex(text));
    }
}
