//! Property tests of the whole pipeline (`Pipeline::code`) on generated text.
//!
//! Inputs are short documents built from a vocabulary of French and English
//! conflict-news words, names, numbers and dates, quotes and reporting verbs,
//! mixed with hostile pieces (Arabic, emoji, bidi marks, combining accents,
//! NUL, lone punctuation), plus arbitrary Unicode strings. For every input:
//!
//! * coding never panics;
//! * every offset of the report (places, entity mentions, event evidence,
//!   quotes, claims) is a byte range `start <= end <= len` on char
//!   boundaries, and a place's `text` is the text its span points at;
//! * list orders promised by the v1 contract hold (places, quotes and claims
//!   in text order, entity mentions sorted, events in order of their first
//!   evidence span, ids `n1…`/`e1…` in sequence, parties point at entities
//!   that exist);
//! * every event has evidence and at least one trigger (the `triggers`
//!   extension of the report); every trigger is a word inside one of its
//!   event's evidence spans, and every evidence span holds a trigger or is
//!   the list item before a shared one ("X, Y et Z ont été prises pour
//!   cible"); the same holds on the seed report and real ACLED notes;
//! * coding is deterministic: coding twice gives byte-identical JSON.

use proptest::prelude::*;
use sitrep::Pipeline;
use sitrep_model::{Document, Lang, Report, Span};

/// Words and phrases inputs are built from.
const VOCAB: &[&str] = &[
    // French conflict news.
    "Selon",
    "l'armée",
    "les Unités de mobilisation populaire",
    "Asaïb Ahl al-Haq",
    "a revendiqué",
    "l'attaque",
    "une frappe de drone",
    "a tué",
    "quatre combattants",
    "ont été tués",
    "blessés",
    "à Bagdad",
    "près d'Erbil",
    "mardi soir",
    "la semaine dernière",
    "le 5 août 2023",
    "a-t-il affirmé",
    "« Il n'y a pas de cessez-le-feu »",
    "des roquettes",
    "au moins 12",
    // English conflict news.
    "According to",
    "police said",
    "gunmen",
    "attacked",
    "a checkpoint",
    "in Mosul",
    "Kyiv",
    "killing",
    "two soldiers and a civilian",
    "an airstrike",
    "on Monday",
    "9 May 2020",
    "\"We will respond,\" he said",
    "Houthi forces",
    "protesters",
    "were arrested",
    "more than 20",
    // Digits, numbers, punctuation.
    "2020",
    "1,500",
    "3.5",
    "0",
    "4294967296",
    "99999999999999999999",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "…",
    "«",
    "»",
    "\"",
    "'",
    "’",
    "“",
    "”",
    "(",
    ")",
    "-",
    "—",
    // Hostile pieces.
    "بغداد",
    "قتل",
    "💥",
    "🇮🇶",
    "\u{200F}",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "e\u{301}",
    "\0",
    "\r\n",
    "\t",
    "Ω",
    "日本",
];

/// Separators between vocabulary items.
const SEPS: &[&str] = &[" ", " ", " ", "\n", "\n\n", ". ", ", ", "", "\u{A0}"];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..VOCAB.len(), 0..SEPS.len()), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (w, sep) in parts {
            s.push_str(VOCAB[w]);
            s.push_str(SEPS[sep]);
        }
        s
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => vocab_text(),
        1 => "\\PC{0,80}",
        1 => any::<String>().prop_map(|s| s.chars().take(120).collect()),
    ]
}

fn lang() -> impl Strategy<Value = Option<Lang>> {
    prop_oneof![Just(None), Just(Some(Lang::Fr)), Just(Some(Lang::En)), Just(Some(Lang::Ar))]
}

fn check_range(text: &str, start: usize, end: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(start <= end, "{}: start {} > end {}", what, start, end);
    prop_assert!(end <= text.len(), "{}: end {} past {}", what, end, text.len());
    prop_assert!(text.is_char_boundary(start), "{}: start {} inside a char", what, start);
    prop_assert!(text.is_char_boundary(end), "{}: end {} inside a char", what, end);
    Ok(())
}

fn check_spans(text: &str, spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    for s in spans {
        check_range(text, s.start, s.end, what)?;
    }
    prop_assert!(spans.windows(2).all(|w| w[0] <= w[1]), "{} spans not sorted: {:?}", what, spans);
    Ok(())
}

fn check_offsets(text: &str, r: &Report) -> Result<(), TestCaseError> {
    for p in &r.places {
        check_range(text, p.start, p.end, "place")?;
        prop_assert_eq!(text.get(p.start..p.end), Some(p.text.as_str()), "place text");
    }
    prop_assert!(r.places.windows(2).all(|w| w[0].start <= w[1].start), "places not in text order");
    for e in &r.entities {
        check_spans(text, &e.mentions, "entity mention")?;
        prop_assert!(!e.mentions.is_empty(), "entity {} without mentions", e.id);
    }
    for q in &r.quotes {
        check_range(text, q.start, q.end, "quote")?;
    }
    prop_assert!(r.quotes.windows(2).all(|w| w[0].start <= w[1].start), "quotes not in text order");
    for c in &r.claims {
        check_range(text, c.start, c.end, "claim")?;
    }
    prop_assert!(r.claims.windows(2).all(|w| w[0].start <= w[1].start), "claims not in text order");
    Ok(())
}

fn check_events(text: &str, r: &Report) -> Result<(), TestCaseError> {
    let entity_ids: Vec<&str> = r.entities.iter().map(|e| e.id.as_str()).collect();
    for (i, e) in r.entities.iter().enumerate() {
        prop_assert_eq!(&e.id, &format!("n{}", i + 1));
    }
    let mut last_first = 0;
    for (i, ev) in r.events.iter().enumerate() {
        prop_assert_eq!(&ev.id, &format!("e{}", i + 1));
        check_spans(text, &ev.evidence, "event evidence")?;
        let first = ev.evidence.first();
        prop_assert!(first.is_some(), "event {} without evidence", ev.id);
        let first = first.map_or(0, |s| s.start);
        prop_assert!(first >= last_first, "event {} out of evidence order", ev.id);
        last_first = first;
        check_spans(text, &ev.triggers, "event trigger")?;
        prop_assert!(!ev.triggers.is_empty(), "event {} without a trigger", ev.id);
        for t in &ev.triggers {
            let word = text.get(t.start..t.end).is_some_and(|w| w.chars().any(char::is_alphabetic));
            prop_assert!(word, "event {} trigger {:?} holds no word", ev.id, t);
            prop_assert!(
                ev.evidence.iter().any(|s| s.start <= t.start && t.end <= s.end),
                "event {} trigger {:?} lies outside its evidence {:?}",
                ev.id,
                t,
                ev.evidence
            );
        }
        // Every evidence span is there for a trigger: it holds one, or it is
        // the item of a list that shares a trigger with its neighbours ("X, Y
        // et Z ont été prises pour cible"), told in the same sentence.
        for s in &ev.evidence {
            let holds = ev.triggers.iter().any(|t| s.start <= t.start && t.end <= s.end);
            let item = ev.triggers.iter().any(|t| s.end <= t.start);
            prop_assert!(holds || item, "event {} evidence {:?} holds no trigger", ev.id, s);
        }
        for party in [&ev.actor, &ev.target].into_iter().flatten() {
            if let Some(id) = &party.entity {
                prop_assert!(
                    entity_ids.contains(&id.as_str()),
                    "party names missing entity {}",
                    id
                );
            }
        }
    }
    Ok(())
}

fn code(text: &str, lang: Option<Lang>) -> Report {
    let mut p = Pipeline::new();
    p.lang(lang);
    p.code(&Document { id: "prop".into(), text: text.to_string(), ..Document::default() })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn offsets_lie_on_char_boundaries(text in any_text(), lang in lang()) {
        let r = code(&text, lang);
        check_offsets(&text, &r)?;
    }

    #[test]
    fn events_have_ordered_evidence_with_a_trigger(text in vocab_text()) {
        let r = code(&text, None);
        check_events(&text, &r)?;
    }

    #[test]
    fn coding_is_deterministic(text in any_text()) {
        let a = serde_json::to_string(&code(&text, None)).expect("serialises");
        let b = serde_json::to_string(&code(&text, None)).expect("serialises");
        prop_assert_eq!(a, b);
    }
}

/// Minimised inputs that once made the pipeline panic, kept as regressions.
#[test]
fn former_panics_stay_fixed() {
    let cases = [
        // quantify: a comma as the first token before a casualty verb
        // ("then_some(m - 1)" computed m - 1 at m = 0).
        "Selon, ont été tués ",
        "à Bagdad, ont été tués ",
        ", were killed",
    ];
    for text in cases {
        for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
            let r = code(text, lang);
            assert!(check_offsets(text, &r).is_ok(), "{text:?}");
        }
    }
}

/// The checks themselves must catch a bad report: a place span inside a
/// multi-byte char and an event without evidence are both rejected.
#[test]
fn checks_reject_bad_offsets() {
    let text = "Bagdad é";
    let mut r = code(text, Some(Lang::Fr));
    r.places.clear();
    assert!(check_offsets(text, &r).is_ok());
    let mut bad = r.clone();
    bad.quotes.push(sitrep_model::Quote {
        speaker: Default::default(),
        text: String::new(),
        start: 8,
        end: 8,
        verb: None,
        direct: true,
        via: None,
    });
    assert!(check_offsets(text, &bad).is_err(), "offset inside 'é' must fail");
    let mut bad = r;
    bad.events.push(sitrep_model::Event {
        id: "e1".into(),
        kind: "attack".into(),
        acled: Default::default(),
        plover: Default::default(),
        actor: None,
        target: None,
        location: None,
        date: Default::default(),
        fatalities: None,
        injured: None,
        weapons: vec![],
        modality: "asserted".into(),
        attributed_to: None,
        framing: vec![],
        evidence: vec![],
        triggers: vec![],
    });
    assert!(check_events(text, &bad).is_err(), "an event without evidence must fail");
    let mut outside = bad.clone();
    outside.events[0].evidence = vec![sitrep_model::Span::new(0, 6)];
    outside.events[0].triggers = vec![sitrep_model::Span::new(7, text.len())];
    assert!(check_events(text, &outside).is_err(), "a trigger outside the evidence must fail");
}

/// A document that certainly yields events, places and quotes, so the
/// properties above are not vacuous on the pipeline as built.
#[test]
fn seed_like_text_exercises_every_list() {
    let text = "Selon l'armée irakienne, une frappe de drone a tué quatre combattants \
                d'Asaïb Ahl al-Haq mardi soir près d'Erbil. « Il n'y a pas de cessez-le-feu », \
                a affirmé Saad al-Saadi.";
    let r = code(text, None);
    assert!(check_offsets(text, &r).is_ok());
    assert!(check_events(text, &r).is_ok());
    assert!(!r.places.is_empty(), "Erbil is a place: {:?}", r.places);
    assert!(!r.events.is_empty(), "a drone strike that killed four is an event");
}

/// The event properties on real reports: the seed and, when the benchmark
/// data is present, the first 400 ACLED training notes.
#[test]
fn issue8_evidence_holds_the_trigger_on_real_reports() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut texts = vec![std::fs::read_to_string(root.join("examples/fr-iraq-ceasefire.txt"))
        .expect("the bundled example")];
    let acled = root.join("../shared/bench/acled-2020-05/acled.csv");
    if let Ok(mut r) = csv::Reader::from_path(acled) {
        let head = r.headers().expect("the ACLED header").clone();
        let col = |n: &str| head.iter().position(|h| h == n).expect("an ACLED column");
        let (id, notes) = (col("data_id"), col("notes"));
        // Training rows only (data_id not divisible by 5).
        let train = r.records().map(|row| row.expect("an ACLED row")).filter(|row| {
            row.get(id).and_then(|v| v.parse::<u64>().ok()).is_some_and(|v| v % 5 != 0)
        });
        texts.extend(train.filter_map(|row| row.get(notes).map(str::to_owned)).take(400));
        assert_eq!(texts.len(), 401, "the ACLED file parses");
    }
    let mut events = 0;
    for text in &texts {
        let r = code(text, None);
        events += r.events.len();
        if let Err(e) = check_events(text, &r) {
            panic!("{e}\n{text}");
        }
    }
    assert!(events >= texts.len() / 2, "{events} events in {} texts", texts.len());
}
