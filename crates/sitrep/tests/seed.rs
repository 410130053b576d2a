//! The seed report, scored against its reference reading (tests/fixtures).

use sitrep::eval::{score_document, Totals};
use sitrep::Pipeline;
use sitrep_model::Document;

fn seed() -> (String, serde_json::Value) {
    let text = include_str!("fixtures/fr-iraq-ceasefire.txt").to_string();
    let gold = serde_json::from_str(include_str!("fixtures/fr-iraq-ceasefire.gold.json"))
        .expect("gold parses");
    (text, gold)
}

fn code(text: &str) -> sitrep_model::Report {
    let doc =
        Document { id: "fr-iraq-ceasefire.txt".into(), text: text.into(), ..Default::default() };
    Pipeline::new().code(&doc)
}

#[test]
fn seed_report_scores() {
    let (text, gold) = seed();
    let report = code(&text);
    let mut t = Totals::default();
    score_document(&mut t, &text, &gold, &report);
    eprintln!("{t}");
    assert_eq!(report.doc.language, "fr");
    assert!(t.event_f1() >= 0.9, "{t}");
    assert!((t.geo25() - 1.0).abs() < 1e-9, "{t}");
    assert!((t.fatal() - 1.0).abs() < 1e-9, "{t}");
    assert!((t.quote_f1() - 1.0).abs() < 1e-9, "{t}");
    assert!((t.claim_r() - 1.0).abs() < 1e-9, "{t}");
}

#[test]
fn seed_entities_have_the_right_kind_and_canonical_name() {
    let (text, _) = seed();
    let report = code(&text);
    let want = [
        ("Asaib Ahl al-Haq", "armed_group"),
        ("United States", "state"),
        ("US Department of Defense", "military"),
        ("Popular Mobilization Forces", "armed_group"),
    ];
    for (canonical, kind) in want {
        assert!(
            report
                .entities
                .iter()
                .any(|e| e.canonical.as_deref() == Some(canonical) && e.kind.as_str() == kind),
            "missing {canonical} ({kind})"
        );
    }
    let kind_of =
        |name: &str| report.entities.iter().find(|e| e.text == name).map(|e| e.kind.as_str());
    assert_eq!(kind_of("Saad al-Saadi"), Some("person"));
    assert_eq!(kind_of("The Arab Weekly"), Some("media"));
}

#[test]
fn every_offset_points_into_the_text() {
    let (text, _) = seed();
    let r = code(&text);
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    assert!(r.places.iter().all(|p| ok(p.start, p.end) && text[p.start..p.end] == p.text));
    assert!(r.entities.iter().flat_map(|e| &e.mentions).all(|m| ok(m.start, m.end)));
    assert!(r.events.iter().flat_map(|e| &e.evidence).all(|m| ok(m.start, m.end)));
    assert!(r.quotes.iter().all(|q| ok(q.start, q.end) && text[q.start..q.end] == q.text));
    assert!(r.claims.iter().all(|c| ok(c.start, c.end)));
}

#[test]
fn coding_is_deterministic() {
    let (text, _) = seed();
    let a = serde_json::to_string(&code(&text)).expect("json");
    let b = serde_json::to_string(&code(&text)).expect("json");
    assert_eq!(a, b);
}
