//! A toy coder and seed documents for the server's tests and examples.
//!
//! The real coder is the `sitrep` pipeline; this one only knows a few words
//! and places, enough to give the API and the page something to show.
#![allow(dead_code)]

use sitrep_model::*;

/// Places the toy coder recognises: name, country, admin1, lat, lon.
const PLACES: &[(&str, &str, &str, f64, f64)] = &[
    ("Erbil", "IQ", "Erbil", 36.19, 44.01),
    ("Baghdad", "IQ", "Baghdad", 33.34, 44.40),
    ("Kyiv", "UA", "Kyiv City", 50.45, 30.52),
    ("Bamako", "ML", "Bamako", 12.65, -8.00),
    ("Gaza", "PS", "Gaza Strip", 31.50, 34.47),
    ("Goma", "CD", "North Kivu", -1.68, 29.23),
    ("Bagdad", "IQ", "Baghdad", 33.34, 44.40),
];

/// Trigger words: word, kind, ACLED type, ACLED sub-type.
const TRIGGERS: &[(&str, &str, &str, &str)] = &[
    ("strike", "airstrike", "Explosions/Remote violence", "Air/drone strike"),
    ("rocket", "rocket_attack", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("clash", "armed_clash", "Battles", "Armed clash"),
    ("protest", "protest", "Protests", "Peaceful protest"),
    ("ceasefire", "ceasefire", "Strategic developments", "Agreement"),
    (
        "roquette",
        "rocket_attack",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    ("frappe", "airstrike", "Explosions/Remote violence", "Air/drone strike"),
];

/// Sentences of `text` with their byte spans.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive(['.', '\n']) {
        let end = start + piece.len();
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if start + lead < end - trail {
            out.push((start + lead, end - trail));
        }
        start = end;
    }
    out
}

/// Codes `doc` with the toy rules.
pub fn toy_code(doc: &Document) -> Report {
    let text = &doc.text;
    let lower = text.to_lowercase();
    let mut events = Vec::new();
    let mut places = Vec::new();
    for (s, e) in sentences(text) {
        let sentence = &lower[s..e];
        let Some(&(_, kind, ty, sub)) = TRIGGERS.iter().find(|t| sentence.contains(t.0)) else {
            continue;
        };
        let place = PLACES.iter().find(|p| text[s..e].contains(p.0));
        let location = place.map(|&(name, country, admin1, lat, lon)| {
            if let Some(at) = text[s..e].find(name) {
                places.push(Place {
                    text: name.into(),
                    start: s + at,
                    end: s + at + name.len(),
                    name: name.into(),
                    geonameid: None,
                    feature: "city".into(),
                    country: Some(country.into()),
                    admin1: Some(admin1.into()),
                    lat: Some(lat),
                    lon: Some(lon),
                    precision: "city".into(),
                    score: 0.9,
                });
            }
            Location {
                text: name.into(),
                name: name.into(),
                geonameid: None,
                country: Some(country.into()),
                admin1: Some(admin1.into()),
                lat: Some(lat),
                lon: Some(lon),
                precision: "city".into(),
            }
        });
        let fatalities = sentence
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .find(|w| w[1].starts_with("killed") || w[1].starts_with("dead"))
            .and_then(|w| w[0].parse().ok());
        events.push(Event {
            id: format!("e{}", events.len() + 1),
            kind: kind.into(),
            acled: AcledCode { event_type: ty.into(), sub_event_type: sub.into() },
            plover: PloverCode { kind: "ASSAULT".into(), mode: None },
            actor: Some(Party {
                text: Some("gunmen".into()),
                canonical: Some("Unidentified armed group".into()),
                kind: "armed_group".into(),
                country: None,
                entity: None,
            }),
            target: None,
            location,
            date: EventDate::default(),
            fatalities,
            injured: None,
            weapons: vec![],
            modality: "asserted".into(),
            attributed_to: None,
            framing: vec![],
            evidence: vec![Span::new(s, e)],
            triggers: vec![Span::new(s, e)],
        });
    }
    let mut quotes = Vec::new();
    if let (Some(a), Some(b)) = (text.find('"'), text.rfind('"')) {
        if a < b {
            quotes.push(Quote {
                speaker: SourceRef { text: "a spokesman".into(), canonical: None, entity: None },
                text: text[a + 1..b].into(),
                start: a + 1,
                end: b,
                verb: Some("said".into()),
                direct: true,
                via: None,
            });
        }
    }
    let mut claims = Vec::new();
    if let Some(at) = lower.find("according to ") {
        let end = text[at..].find('.').map_or(text.len(), |i| at + i);
        let source = text[at + 13..end].split(',').next().unwrap_or("").trim().to_string();
        claims.push(Claim {
            source: SourceRef { text: source, canonical: None, entity: None },
            text: text[at..end].into(),
            start: at,
            end,
            marker: Some("according to".into()),
        });
    }
    Report {
        sitrep: "1".into(),
        doc: DocMeta {
            id: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
            language: doc.language.map_or("en", Lang::code).into(),
            text_sha256: sitrep_store::text_sha256(text),
        },
        entities: vec![],
        places,
        events,
        quotes,
        claims,
        text: None,
    }
}

/// Seed documents: (id, published, source, title, text).
pub const SEED: &[(&str, &str, &str, &str, &str)] = &[
    (
        "wire/erbil-1",
        "2021-07-06",
        "Test Wire",
        "Drone strike near Erbil airport",
        "A drone strike hit a base near Erbil airport on Tuesday. \"We will respond,\" a spokesman said. According to The Arab Weekly, unknown groups carried out some of the attacks.",
    ),
    (
        "wire/baghdad-2",
        "2021-07-08",
        "Test Wire",
        "Rockets fall on Baghdad",
        "Three rockets hit the Green Zone in Baghdad. 2 killed in the blast, police said.",
    ),
    (
        "desk/bamako-3",
        "2021-07-10",
        "Sahel Desk",
        "Protest in Bamako",
        "Thousands joined a protest in Bamako against the transition. The march was peaceful.",
    ),
    (
        "desk/goma-4",
        "2021-07-12",
        "Sahel Desk",
        "Clashes near Goma",
        "Heavy clashes near Goma left 5 dead, according to local officials.",
    ),
    (
        "fr/kyiv-5",
        "2021-07-14",
        "Agence Test",
        "Frappe sur Kyiv <script>alert(1)</script>",
        "Une frappe (strike) de drone a touché Kyiv dans la nuit. « Ce n'est pas fini », a-t-il déclaré <b>bold</b>.",
    ),
];

/// The seed documents as [`Document`]s.
pub fn seed_documents() -> Vec<Document> {
    SEED.iter()
        .map(|&(id, published, source, title, text)| Document {
            id: id.into(),
            source: Some(source.into()),
            url: Some(format!("https://news.example.org/{id}")),
            title: Some(title.into()),
            published: published.parse().ok(),
            language: None,
            text: text.into(),
        })
        .collect()
}

/// Stores the seed documents in `store`.
pub fn seed(store: &mut sitrep_store::Store) {
    for doc in seed_documents() {
        store.put(&doc, &toy_code(&doc)).expect("seed");
    }
}
