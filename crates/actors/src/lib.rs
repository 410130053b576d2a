//! Actor knowledge base and tagger for sitrep.
//!
//! Finds who is named in a conflict report: states (by name, demonym or
//! capital metonym), state organs (armies, police, ministries, named units),
//! armed groups, organisations, media outlets, generic actors ("des hommes
//! armés non identifiés", "protesters") and persons.
//!
//! # Design
//!
//! * **Data, not code.** Every name lives in readable TSV tables under
//!   `data/actors/` (see [`tables`] for the formats). States come from ISO
//!   3166 with French and Arabic names (generated), demonyms and per-state
//!   organs from a hand-written table plus templates ("armée {fs}" → "armée
//!   irakienne"), groups and media from curated tables, and ACLED's own actor
//!   names (training rows only) are merged in.
//! * **Compiled at build time.** The build script runs the table reader
//!   ([`tables`]) once and embeds its result: the actors and aliases one
//!   record a line (`compiled.rs`) and the matcher (folded keys as a word
//!   trie, patterns, case-rule strictness) as arrays of integers
//!   (`matcher.rs`). At run time the [`ActorKb`] is built lazily from them
//!   in one pass: no template expansion, merging, folding or hashing of
//!   aliases, a few milliseconds.
//!   [`tables::load`] still reads the TSV sources directly (the tests check
//!   both paths give the same table).
//! * **Canonical names follow ACLED** where ACLED has one: "Military Forces of
//!   Iraq", "Police Forces of India", "Protesters (India)", "Unidentified Armed
//!   Group (Mexico)". The plain forms ("Iraqi military", "United States
//!   military") are aliases; [`military_of`] returns a state's canonical military.
//!   Where ACLED's name is opaque, the common name follows in parentheses:
//!   "Military Forces of Yemen - Supreme Political Council (Houthis)",
//!   "Operation Restoring Hope (Saudi-led Coalition)". Generic actors have no
//!   country ("Unidentified Armed Group", "Protesters", "Military Forces",
//!   "Police Forces", "Civilians"); the event stage adds it.
//! * **One folded search.** Text and aliases are folded the same way
//!   (lowercase, accents removed, punctuation runs → one space, see [`fold`]).
//!   Every folded key starts at a word and ends at a word end, so instead of
//!   a byte automaton (a double-array Aho-Corasick took ~0.25 s and ~60 MB to
//!   build) the keys form a trie over interned words (`matcher.rs`, built by
//!   the build script); the tagger walks the folded text word by word,
//!   extends a candidate while the word prefix is in the trie and keeps the
//!   longest key (leftmost-longest, the same result as the automaton). Each hit maps back to original byte offsets,
//!   then passes the alias's case rule: acronyms must match exactly ("US"
//!   never matches "us"), capitalised words need a capital ("Washington",
//!   "Hamas"), lowercase aliases match any case ("américains"). When the
//!   longest hit fails, shorter keys at the same start are tried.
//! * **States as places.** A state's name or capital right after a locative
//!   preposition ("en Irak", "in Baghdad") is a place, not an actor, and is not
//!   reported; the gazetteer stage owns it.
//! * **Persons** are capitalised word sequences (with name particles such as
//!   al-, bin, de) that a cue makes a person: a title before ("M.",
//!   "President"), an apposition after (", membre du bureau politique…"), or a
//!   speech verb next to it ("a déclaré X", "X said"). Known actors and places
//!   are never persons. An apposition or a role phrase linking the person to a
//!   known organisation fills `ActorMention::affiliation`.
#![deny(missing_docs)]

mod compiled;
pub mod fold;
mod kb;
mod matcher;
mod person;
pub mod tables;
mod tag;

/// Test-only pseudo-random numbers (xorshift64): reproducible generated texts.
#[cfg(test)]
pub(crate) fn xorshift(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x
}

pub use kb::{ActorInfo, ActorKb, KbError};
pub use tag::tag_actors;

use sitrep_model::EntityKind;
use std::sync::LazyLock;

/// The actor table compiled by the build script (see `compiled.rs`).
pub(crate) const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/actors.tsv"));

/// The matcher compiled by the build script (see `matcher.rs`).
pub(crate) const COMPILED_MATCHER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/actors.bin"));

/// The global knowledge base (empty if the embedded table is broken, which
/// the crate's tests rule out).
pub(crate) static GLOBAL: LazyLock<ActorKb> =
    LazyLock::new(|| ActorKb::load_embedded().unwrap_or_else(|_| ActorKb::empty()));

impl ActorKb {
    /// A fresh knowledge base read from the embedded compiled table and
    /// matcher (what [`ActorKb::global`] does once; for load-time benches).
    pub fn load_embedded() -> Result<ActorKb, KbError> {
        compiled::read(COMPILED)?.finish(COMPILED_MATCHER)
    }
}

/// Matches for a name (for `sitrep actors NAME`), best first.
///
/// Exact alias matches come first (the actor whose canonical name it is before
/// others), then actors whose canonical name or an alias contains the name's
/// words.
pub fn lookup(name: &str) -> Vec<ActorInfo> {
    lookup_in(ActorKb::global(), name)
}

/// [`lookup`] against a given knowledge base.
pub fn lookup_in(kb: &ActorKb, name: &str) -> Vec<ActorInfo> {
    const MAX: usize = 25;
    let key = fold::key(name);
    if key.trim().is_empty() {
        return Vec::new();
    }
    let mut ids = kb.exact(name);
    ids.sort_by_key(|&i| fold::key(&kb.actors[i as usize].canonical) != key);
    let needle = format!("{key} ");
    for (i, a) in kb.actors.iter().enumerate() {
        if ids.len() >= MAX {
            break;
        }
        let i = i as u32;
        if ids.contains(&i) {
            continue;
        }
        let hit = |s: &str| format!("{} ", fold::key(s)).contains(&needle);
        if hit(&a.canonical) || a.aliases.iter().any(|x| hit(x)) {
            ids.push(i);
        }
    }
    ids.into_iter().map(|i| kb.actors[i as usize].clone()).collect()
}

/// The canonical military of a state given by ISO2 code or any of its names
/// ("US", "United States", "Irak"): ACLED's "Military Forces of X".
pub fn military_of(country: &str) -> Option<String> {
    ActorKb::global().military_of(country).map(str::to_string)
}

/// The country-specific name of a generic actor, as ACLED writes it
/// (`localize("Protesters", "IN")` → "Protesters (India)",
/// `localize("Unidentified Armed Group", "Irak")` → "Unidentified Armed Group
/// (Iraq)"); `None` for a named actor or an unknown country. The country is an
/// ISO2 code or any name of the state.
pub fn localize(canonical: &str, country: &str) -> Option<String> {
    ActorKb::global().localize(canonical, country)
}

/// The canonical government of a state ("Government of X").
pub fn government_of(country: &str) -> Option<String> {
    ActorKb::global().government_of(country).map(str::to_string)
}

/// True for kinds a person can speak for (used for affiliations).
pub(crate) fn is_organisation(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::ArmedGroup
            | EntityKind::Military
            | EntityKind::Government
            | EntityKind::Organization
            | EntityKind::Media
            | EntityKind::State
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_by_alias_and_words() {
        let r = lookup("Hachd al-Chaabi");
        assert_eq!(r.first().map(|a| a.canonical.as_str()), Some("Popular Mobilization Forces"));
        let r = lookup("AAH");
        assert_eq!(r.first().map(|a| a.canonical.as_str()), Some("Asaib Ahl al-Haq"));
        let r = lookup("Islamic State");
        assert_eq!(r.first().map(|a| a.canonical.as_str()), Some("Islamic State"));
        assert!(r.iter().any(|a| a.canonical == "Islamic State (West Africa)"));
        assert!(lookup("").is_empty());
        assert!(lookup("zzzz qqqq").is_empty());
    }

    #[test]
    fn militaries() {
        assert_eq!(military_of("US").as_deref(), Some("Military Forces of the United States"));
        assert_eq!(military_of("Irak").as_deref(), Some("Military Forces of Iraq"));
        assert_eq!(government_of("FR").as_deref(), Some("Government of France"));
        assert_eq!(military_of("Atlantis"), None);
    }

    #[test]
    fn localized_generics() {
        for (generic, country, want) in [
            ("Protesters", "IN", Some("Protesters (India)")),
            ("Military Forces", "US", Some("Military Forces of the United States")),
            ("Police Forces", "Philippines", Some("Police Forces of the Philippines")),
            ("Unidentified Armed Group", "Irak", Some("Unidentified Armed Group (Iraq)")),
            ("Unidentified Gang", "MX", Some("Unidentified Gang (Mexico)")),
            ("Unidentified Tribal Militia", "YE", Some("Unidentified Tribal Militia (Yemen)")),
            ("Hamas", "PS", None),
            ("Protesters", "Atlantis", None),
        ] {
            assert_eq!(localize(generic, country).as_deref(), want, "{generic} {country}");
        }
    }

    #[test]
    fn send_sync() {
        fn is<T: Send + Sync>() {}
        is::<ActorKb>();
        is::<ActorInfo>();
    }
}
