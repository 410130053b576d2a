//! The seed reading: every non-place entity of the reference report is tagged
//! with the right kind and canonical name.

use sitrep_actors::{tag_actors, ActorKb};
use sitrep_model::{ActorMention, EntityKind, Lang, Segmented};

const TEXT: &str = include_str!("fixtures/fr-iraq-ceasefire.txt");

fn mentions() -> Vec<ActorMention> {
    tag_actors(TEXT, &sitrep_text::segment(TEXT, Lang::Fr), Lang::Fr)
}

#[test]
fn seed_same_without_segmentation() {
    // The tagger guesses sentence starts when given no segmentation.
    let bare = tag_actors(TEXT, &Segmented::default(), Lang::Fr);
    assert_eq!(bare, mentions());
}

fn find<'a>(ms: &'a [ActorMention], text: &str) -> Vec<&'a ActorMention> {
    ms.iter().filter(|m| m.span.slice(TEXT) == text).collect()
}

#[test]
fn seed_entities() {
    let ms = mentions();
    let table: &[(&str, EntityKind, Option<&str>, Option<&str>)] = &[
        ("Asaïb Ahl al-Haq", EntityKind::ArmedGroup, Some("Asaib Ahl al-Haq"), Some("IQ")),
        ("Saad al-Saadi", EntityKind::Person, None, None),
        ("États-Unis", EntityKind::State, Some("United States"), Some("US")),
        ("USA", EntityKind::State, Some("United States"), Some("US")),
        ("US", EntityKind::State, Some("United States"), Some("US")),
        ("Washington", EntityKind::State, Some("United States"), Some("US")),
        ("américain", EntityKind::State, Some("United States"), Some("US")),
        ("Pentagone", EntityKind::Military, Some("US Department of Defense"), Some("US")),
        (
            "Hachd al-Chaabi",
            EntityKind::ArmedGroup,
            Some("Popular Mobilization Forces"),
            Some("IQ"),
        ),
        (
            "Unités de mobilisation populaire irakiennes",
            EntityKind::ArmedGroup,
            Some("Popular Mobilization Forces"),
            Some("IQ"),
        ),
        ("The Arab Weekly", EntityKind::Media, Some("The Arab Weekly"), Some("GB")),
    ];
    for (text, kind, canonical, country) in table {
        let found = find(&ms, text);
        assert!(!found.is_empty(), "{text} not tagged; got {ms:#?}");
        for m in found {
            assert_eq!(m.kind, *kind, "{text}");
            assert_eq!(m.canonical.as_deref(), *canonical, "{text}");
            assert_eq!(m.country.as_deref(), *country, "{text}");
        }
    }
    let saadi = find(&ms, "Saad al-Saadi");
    assert_eq!(saadi[0].affiliation.as_deref(), Some("Asaib Ahl al-Haq"));
    let aah = find(&ms, "Asaïb Ahl al-Haq");
    assert_eq!(aah[0].part_of.as_deref(), Some("Popular Mobilization Forces"));
    // "des groupes inconnus" is the unidentified armed group.
    assert!(ms.iter().any(|m| m.canonical.as_deref() == Some("Unidentified Armed Group")));
}

#[test]
fn seed_no_false_persons() {
    let ms = mentions();
    let persons: Vec<&str> =
        ms.iter().filter(|m| m.kind == EntityKind::Person).map(|m| m.span.slice(TEXT)).collect();
    assert_eq!(persons, ["Saad al-Saadi"]);
    // Places named after a locative are not state actors.
    assert!(!ms.iter().any(|m| m.span.slice(TEXT) == "Irak"), "{ms:#?}");
}

#[test]
fn seed_mentions_are_ordered_and_disjoint() {
    let ms = mentions();
    for w in ms.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{:?} / {:?}", w[0], w[1]);
    }
    for m in &ms {
        assert!(TEXT.is_char_boundary(m.span.start) && TEXT.is_char_boundary(m.span.end));
    }
}

#[test]
fn table_size() {
    let kb = ActorKb::global();
    assert!(kb.len() >= 1500, "{} actors", kb.len());
    assert!(kb.alias_count() >= 8000, "{} aliases", kb.alias_count());
    let arabic = kb
        .actors()
        .iter()
        .flat_map(|a| &a.aliases)
        .filter(|s| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
        .count();
    assert!(arabic >= 800, "{arabic} Arabic aliases");
}
