//! Unit tests: real-style sentences through the whole stage, with the
//! project's segmenter and hand-built actor mentions.

use super::*;
use sitrep_model::{ActorMention, Document, Entity, EntityKind, Lang, Segmented};

/// A hand-built actor mention: (surface text, kind, canonical).
type Act<'s> = (&'s str, EntityKind, Option<&'s str>);

fn mentions(text: &str, acts: &[Act]) -> Vec<ActorMention> {
    let mut out = Vec::new();
    for (name, kind, canonical) in acts {
        for (i, _) in text.match_indices(name) {
            out.push(ActorMention {
                span: Span::new(i, i + name.len()),
                canonical: canonical.map(String::from),
                kind: *kind,
                country: None,
                acled_type: None,
                part_of: None,
                adjectival: false,
                affiliation: None,
            });
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

fn entities(text: &str, actors: &[ActorMention]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for m in actors {
        let key = m.canonical.clone().unwrap_or_else(|| m.span.slice(text).to_string());
        match out.iter_mut().find(|e| e.canonical.clone().unwrap_or_else(|| e.text.clone()) == key)
        {
            Some(e) => e.mentions.push(m.span),
            None => out.push(Entity {
                id: format!("n{}", out.len() + 1),
                text: m.span.slice(text).to_string(),
                canonical: m.canonical.clone(),
                kind: m.kind,
                country: None,
                mentions: vec![m.span],
            }),
        }
    }
    out
}

pub(crate) fn run(text: &str, lang: Lang, acts: &[Act]) -> (Vec<Quote>, Vec<Claim>) {
    let doc = Document { text: text.to_string(), ..Document::default() };
    let seg: Segmented = sitrep_text::segment(text, lang);
    let actors = mentions(text, acts);
    let ents = entities(text, &actors);
    let a = Analysis {
        doc: &doc,
        lang,
        seg: &seg,
        places: &[],
        actors: &actors,
        entities: &ents,
        quotes: &[],
        claims: &[],
    };
    let out = attribute(&a);
    for q in &out.0 {
        assert_eq!(&text[q.start..q.end], q.text);
    }
    for c in &out.1 {
        assert_eq!(&text[c.start..c.end], c.text);
    }
    out
}

/// (quote text, speaker text, verb)
fn quotes_of(text: &str, lang: Lang) -> Vec<(String, String, Option<String>)> {
    run(text, lang, &[]).0.into_iter().map(|q| (q.text, q.speaker.text, q.verb)).collect()
}

#[test]
fn speaker_fallback_needs_no_tagger() {
    assert_eq!(name_ref("X").text, "X");
    let q = quotes_of(
        "\"Nous ne céderons pas\", a déclaré Saad al-Saadi, membre du bureau politique.",
        Lang::Fr,
    );
    assert_eq!(
        q,
        vec![("Nous ne céderons pas".into(), "Saad al-Saadi".into(), Some("a déclaré".into()))]
    );
}
