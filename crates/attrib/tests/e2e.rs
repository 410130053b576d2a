//! End to end with the real segmenter and actor tagger: speakers are linked to
//! the entities the pipeline groups from actor mentions.

use sitrep_model::{ActorMention, Analysis, Claim, Document, Entity, Lang, Quote, Span};

const SEED: &str = include_str!("fixtures/fr-iraq-ceasefire.txt");

/// Groups mentions by canonical name (else text) and kind, as the pipeline does.
fn group(text: &str, actors: &[ActorMention]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for m in actors {
        let key = m.canonical.clone().unwrap_or_else(|| m.span.slice(text).to_lowercase());
        let found = out.iter_mut().find(|e| {
            e.kind == m.kind && e.canonical.clone().unwrap_or_else(|| e.text.to_lowercase()) == key
        });
        match found {
            Some(e) => e.mentions.push(m.span),
            None => out.push(Entity {
                id: format!("n{}", out.len() + 1),
                text: m.span.slice(text).to_string(),
                canonical: m.canonical.clone(),
                kind: m.kind,
                country: m.country.clone(),
                mentions: vec![m.span],
            }),
        }
    }
    out
}

fn run(text: &str, lang: Lang) -> (Vec<Quote>, Vec<Claim>, Vec<Entity>) {
    let doc = Document { text: text.to_string(), ..Document::default() };
    let seg = sitrep_text::segment(text, lang);
    let actors = sitrep_actors::tag_actors(text, &seg, lang);
    let entities = group(text, &actors);
    let a = Analysis {
        doc: &doc,
        lang,
        seg: &seg,
        places: &[],
        actors: &actors,
        entities: &entities,
        quotes: &[],
        claims: &[],
    };
    let (q, c) = sitrep_attrib::attribute(&a);
    (q, c, entities)
}

fn entity<'e>(entities: &'e [Entity], id: Option<&str>) -> Option<&'e Entity> {
    entities.iter().find(|e| Some(e.id.as_str()) == id)
}

#[test]
fn seed_speakers_link_to_entities() {
    let (quotes, claims, entities) = run(SEED, Lang::Fr);
    let speakers: Vec<&str> = quotes.iter().map(|q| q.speaker.text.as_str()).collect();
    assert_eq!(
        speakers,
        ["Saad al-Saadi", "Saad al-Saadi", "The Arab Weekly", "Pentagone"],
        "{quotes:#?}"
    );
    // Both Saad al-Saadi quotes point to one entity; "le site web" resolves to the outlet.
    assert_eq!(quotes[0].speaker.entity, quotes[1].speaker.entity);
    let outlet = entity(&entities, quotes[2].speaker.entity.as_deref()).map(|e| e.text.as_str());
    assert_eq!(outlet, Some("The Arab Weekly"));
    let pentagon =
        entity(&entities, quotes[3].speaker.entity.as_deref()).and_then(|e| e.canonical.as_deref());
    assert_eq!(pentagon, Some("US Department of Defense"));
    assert_eq!(quotes[3].via.as_ref().and_then(|v| v.entity.clone()), quotes[2].speaker.entity);
    let selon = claims.iter().find(|c| c.marker.as_deref() == Some("Selon")).expect("Selon claim");
    assert_eq!(selon.source.entity, quotes[2].speaker.entity);
    for q in &quotes {
        assert_eq!(&SEED[q.start..q.end], q.text);
        assert!(!Span::new(q.start, q.end).is_empty());
    }
}

#[test]
fn english_report_with_tagger() {
    let text = "Hezbollah said on Sunday it had fired rockets at an Israeli position. \
                \"We will respond to every attack,\" the group said in a statement.";
    let (quotes, claims, entities) = run(text, Lang::En);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    let speaker = entity(&entities, quotes[0].speaker.entity.as_deref()).map(|e| e.text.as_str());
    assert_eq!(speaker, Some("Hezbollah"));
    assert_eq!(
        claims.first().map(|c| c.text.as_str()),
        Some("it had fired rockets at an Israeli position")
    );
}

#[test]
fn tagged_names_qualify_or_head_role_phrases() {
    let text = "\"Initial reports indicate minor injuries,\" Pentagon spokesman Brigadier General Pat Ryder told reporters.\n\
                The Islamic Resistance in Iraq claimed the attack on Telegram. \
                The group said it would continue to target \"occupation forces\" until all U.S. troops leave.";
    let (quotes, _, _) = run(text, Lang::En);
    let got: Vec<(&str, Option<&str>)> =
        quotes.iter().map(|q| (q.speaker.text.as_str(), q.verb.as_deref())).collect();
    assert_eq!(got, [("Pat Ryder", Some("told")), ("Islamic Resistance in Iraq", Some("said"))]);
}
