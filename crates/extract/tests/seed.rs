//! Regression test on the seed report (issue 5): the six events of its
//! reference reading, run through the real upstream stages.

use sitrep_model::{Analysis, Document, Event, Lang};

fn run(text: &str) -> Vec<Event> {
    let doc = Document {
        id: "seed".into(),
        published: chrono::NaiveDate::from_ymd_opt(2023, 11, 20),
        text: text.to_string(),
        ..Default::default()
    };
    let seg = sitrep_text::segment(text, Lang::Fr);
    let places = sitrep_gazetteer::tag_places(text, &seg, Lang::Fr);
    let actors = sitrep_actors::tag_actors(text, &seg, Lang::Fr);
    let mut a = Analysis {
        doc: &doc,
        lang: Lang::Fr,
        seg: &seg,
        places: &places,
        actors: &actors,
        entities: &[],
        quotes: &[],
        claims: &[],
    };
    if std::env::var("SEED_DUMP").is_ok() {
        for p in &places {
            eprintln!("PLACE {:?} {}..{} {} {}", p.text, p.start, p.end, p.feature, p.name);
        }
        for m in &actors {
            eprintln!(
                "ACTOR {:?} {:?} adj={} {:?}",
                m.span.slice(text),
                m.span,
                m.adjectival,
                m.canonical
            );
        }
    }
    let (quotes, claims) = sitrep_attrib::attribute(&a);
    a.quotes = &quotes;
    a.claims = &claims;
    sitrep_extract::extract_events(&a)
}

fn line_of(text: &str, off: usize) -> usize {
    text[..off.min(text.len())].matches('\n').count() + 1
}

#[test]
fn issue5_seed_report_has_its_six_events() {
    let text = include_str!("fixtures/fr-iraq-ceasefire.txt");
    let ev = run(text);
    let summary: Vec<(String, Vec<usize>)> = ev
        .iter()
        .map(|e| {
            let mut lines: Vec<usize> = e.evidence.iter().map(|s| line_of(text, s.start)).collect();
            lines.dedup();
            (e.kind.clone(), lines)
        })
        .collect();
    if std::env::var("SEED_DUMP").is_ok() {
        for e in &ev {
            let ev: Vec<&str> = e.evidence.iter().map(|s| s.slice(text)).collect();
            eprintln!(
                "{} {:?} {:?}\n   actor={:?}\n   target={:?}\n   loc={:?}\n   ev={ev:?}",
                e.kind,
                e.acled.sub_event_type,
                e.weapons,
                e.actor,
                e.target,
                e.location.as_ref().map(|l| (&l.text, &l.precision))
            );
        }
    }
    assert_eq!(ev.len(), 6, "{summary:?}");
    assert_eq!(ev[0].kind, "statement");
    assert_eq!(ev[0].plover.kind, "THREATEN");
    assert_eq!(ev[0].acled.sub_event_type, "Other");
    assert_eq!(summary[0].1[0], 1);
    for e in &ev[1..5] {
        assert_eq!(sitrep_extract::code::family(&e.kind), "attack", "{summary:?}");
        assert_eq!(line_of(text, e.evidence[0].start), 6);
        assert_eq!(e.actor.as_ref().map(|p| p.kind.as_str()), Some("unknown"));
        assert_eq!(e.fatalities, None);
    }
    assert_eq!(ev[1].weapons, ["rocket", "drone"]);
    // The bases targeted "en outre" are hit by the same means: remote
    // violence, not armed clashes, within the umbrella's "ces derniers jours".
    for e in &ev[1..5] {
        assert_eq!(e.acled.event_type, "Explosions/Remote violence", "{summary:?}");
    }
    assert_eq!(ev[1].date.text.as_deref(), Some("la semaine dernière"));
    for e in &ev[2..5] {
        assert_eq!(e.date.text.as_deref(), Some("ces derniers jours"), "{:?}", e.location);
        assert!(e.weapons.is_empty(), "the text names no weapon for {:?}", e.location);
    }
    let strike = &ev[5];
    assert_eq!(strike.kind, "airstrike");
    assert_eq!(strike.acled.sub_event_type, "Air/drone strike");
    assert_eq!(strike.fatalities, Some(4));
    assert_eq!(summary[5].1, [7, 9]);
    assert!(strike.framing.iter().any(|f| f == "martyre"));
    assert!(strike.framing.iter().any(|f| f == "invasion"));
    let actor = strike.actor.as_ref().and_then(|p| p.country.clone());
    assert_eq!(actor.as_deref(), Some("US"));
}
