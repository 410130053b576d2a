//! Regression test on the seed report: every gold quote and claim is found with
//! the right speaker, and no quote is invented.

use sitrep_model::{Analysis, Document, Lang};

const TEXT: &str = include_str!("fixtures/fr-iraq-ceasefire.txt");
const GOLD: &str = include_str!("fixtures/fr-iraq-ceasefire.gold.json");

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .filter(|c| c.is_alphanumeric() || *c == '\'')
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn seed_quotes_and_claims() {
    let doc = Document { text: TEXT.to_string(), ..Document::default() };
    let seg = sitrep_text::segment(TEXT, Lang::Fr);
    let a = Analysis {
        doc: &doc,
        lang: Lang::Fr,
        seg: &seg,
        places: &[],
        actors: &[],
        entities: &[],
        quotes: &[],
        claims: &[],
    };
    let (quotes, claims) = sitrep_attrib::attribute(&a);
    let gold: serde_json::Value = serde_json::from_str(GOLD).expect("gold json");
    let gq = gold["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), gq.len(), "{quotes:#?}");
    for (g, q) in gq.iter().zip(&quotes) {
        assert_eq!(fold(g["text"].as_str().unwrap_or("")), fold(&q.text));
        assert!(
            fold(&q.speaker.text).contains(&fold(g["speaker"].as_str().unwrap_or("-"))),
            "{q:?}"
        );
        assert_eq!(q.verb.as_deref(), g["verb"].as_str());
        assert_eq!(q.via.as_ref().map(|v| v.text.as_str()), g["reported_by"].as_str());
    }
    for g in gold["claims"].as_array().expect("claims") {
        let want = fold(g["claim"].as_str().unwrap_or("-"));
        let c = claims
            .iter()
            .find(|c| fold(&c.text).contains(&want))
            .unwrap_or_else(|| panic!("missing {want}"));
        assert_eq!(c.source.text, g["source"].as_str().unwrap_or("-"));
        assert_eq!(c.marker.as_deref(), g["marker"].as_str());
    }
}
