//! Word lists compiled into the binary: reporting verbs, source markers, role
//! nouns and closed word classes (`data/attrib/*.tsv`).
//!
//! Verbs are stored as lemmas plus a conjugation class; [`Lexicon`] expands them
//! into every inflected form once, at first use.

use sitrep_model::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

const VERBS: &str = include_str!("../../../data/attrib/verbs.tsv");
const MARKERS: &str = include_str!("../../../data/attrib/markers.tsv");
const ROLES: &str = include_str!("../../../data/attrib/roles.tsv");
const WORDS: &str = include_str!("../../../data/attrib/words.tsv");

/// Closed word classes as bits, cached on every token.
pub mod cls {
    /// Pronoun referring to a person.
    pub const HE: u32 = 1;
    /// Pronoun referring to an organisation.
    pub const IT: u32 = 1 << 1;
    /// Pronoun referring to a group.
    pub const THEY: u32 = 1 << 2;
    /// Pronoun that never names a speaker.
    pub const NONE: u32 = 1 << 3;
    /// Definite determiner.
    pub const DEF: u32 = 1 << 4;
    /// Indefinite determiner.
    pub const INDEF: u32 = 1 << 5;
    /// Auxiliary.
    pub const AUX: u32 = 1 << 6;
    /// Adverb allowed inside a verb group.
    pub const ADV: u32 = 1 << 7;
    /// Word ending a speaker phrase.
    pub const STOP: u32 = 1 << 8;
    /// Name particle.
    pub const PARTICLE: u32 = 1 << 9;
    /// Clause opener (que, that).
    pub const CONJ: u32 = 1 << 10;
    /// Time word.
    pub const TIME: u32 = 1 << 11;
    /// Preposition ending a role head.
    pub const PREP: u32 = 1 << 12;
    /// First word of a source marker.
    pub const MARKER: u32 = 1 << 13;
    /// First word of a multi-word reporting verb.
    pub const PHRASE: u32 = 1 << 14;
    /// Possessive determiner.
    pub const POSS: u32 = 1 << 15;
    /// Word that denies a claim of responsibility in its clause.
    pub const NEG: u32 = 1 << 16;
    /// Noun of a deed a group claims ("attack", "attentat").
    pub const DEED: u32 = 1 << 17;
    /// Any pronoun.
    pub const PRONOUN: u32 = HE | IT | THEY | NONE;

    /// The bit of a class named in `words.tsv`.
    pub fn bit(name: &str) -> u32 {
        match name {
            "he" => HE,
            "it" => IT,
            "they" => THEY,
            "none" => NONE,
            "def" => DEF,
            "indef" => INDEF,
            "aux" => AUX,
            "adv" => ADV,
            "stop" => STOP,
            "particle" => PARTICLE,
            "conj" => CONJ,
            "time" => TIME,
            "prep" => PREP,
            "poss" => POSS,
            "neg" => NEG,
            "deed" => DEED,
            _ => 0,
        }
    }
}

/// FNV-1a: word lookups hash short keys, where SipHash's setup dominates.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A map keyed by words, hashed with [`Fnv`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// What a reporting verb allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerbFlags {
    /// The subject may follow the verb ("said Smith").
    pub inverted: bool,
    /// The noun phrase after the verb is the hearer ("told Reuters").
    pub hearer: bool,
    /// The verb introduces a reported clause (a claim).
    pub clause: bool,
}

/// The class of thing a pronoun or role noun refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A person.
    Person,
    /// A news outlet.
    Media,
    /// An organisation, state, group or body.
    Org,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        match s {
            "person" => Some(Class::Person),
            "media" => Some(Class::Media),
            "org" => Some(Class::Org),
            _ => None,
        }
    }
}

/// A source marker ("selon", "according to").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The marker's words, lowercase.
    pub words: Vec<String>,
    /// True when the marker relays another source ("cité par").
    pub via: bool,
    /// True when the source must be a name or a role noun ("pour").
    pub named: bool,
}

/// The word lists of one language.
#[derive(Debug, Default)]
pub struct LangLexicon {
    /// Reporting verb forms (single tokens) with their flags.
    pub verbs: WordMap<VerbFlags>,
    /// Multi-word reporting verbs ("point out", "mettre en garde"), as word lists.
    pub verb_phrases: Vec<(Vec<String>, VerbFlags)>,
    /// Source markers, longest first.
    pub markers: Vec<Marker>,
    /// Role nouns (possibly several words) with their class, longest first.
    pub roles: Vec<(Vec<String>, Class)>,
    /// Closed word classes of each word, as [`cls`] bits.
    pub bits: WordMap<u32>,
    /// Role nouns by their first word (the singular of a plural finds them too).
    pub roles_by_first: WordMap<Vec<(Vec<String>, Class)>>,
}

impl LangLexicon {
    /// The [`cls`] bits of `word` (lowercase).
    pub fn bits(&self, word: &str) -> u32 {
        self.bits.get(word).copied().unwrap_or(0)
    }
    /// True when `word` (lowercase) belongs to the closed class named `class`.
    pub fn is(&self, class: &str, word: &str) -> bool {
        self.bits(word) & cls::bit(class) != 0
    }
    /// Flags of a reporting verb form, if `word` is one.
    pub fn verb(&self, word: &str) -> Option<VerbFlags> {
        self.verbs.get(word).copied()
    }
    /// The class a pronoun refers to (`None` for a non-referring or unknown word).
    pub fn pronoun(&self, word: &str) -> Option<Class> {
        if self.is("he", word) {
            Some(Class::Person)
        } else if self.is("it", word) || self.is("they", word) {
            Some(Class::Org)
        } else {
            None
        }
    }
}

/// The word lists of all languages with rules (French and English).
#[derive(Debug)]
pub struct Lexicon {
    fr: LangLexicon,
    en: LangLexicon,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn global() -> &'static Lexicon {
        &LEXICON
    }

    /// The lists for `lang` (English rules for every language but French).
    pub fn lang(&self, lang: Lang) -> &LangLexicon {
        if lang == Lang::Fr {
            &self.fr
        } else {
            &self.en
        }
    }

    fn load() -> Lexicon {
        let mut lex = Lexicon { fr: LangLexicon::default(), en: LangLexicon::default() };
        for row in rows(VERBS) {
            let (Some(l), Some(lemma)) = (lex.by_code(row[0]), row.get(1)) else { continue };
            let conj = row.get(2).copied().unwrap_or("-");
            let flags = parse_flags(row.get(3).copied().unwrap_or(""));
            let extra = row.get(4).copied().unwrap_or("");
            let mut forms = inflect(lemma, conj);
            forms.extend(
                extra.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from),
            );
            for form in forms {
                let form = norm_word(&form);
                let words: Vec<String> = form.split(' ').map(String::from).collect();
                if let [w] = words.as_slice() {
                    let e = l.verbs.entry(w.clone()).or_default();
                    e.inverted |= flags.inverted;
                    e.hearer |= flags.hearer;
                    e.clause |= flags.clause;
                } else {
                    l.verb_phrases.push((words, flags));
                }
            }
        }
        for row in rows(MARKERS) {
            let (Some(l), Some(m)) = (lex.by_code(row[0]), row.get(1)) else { continue };
            let via = row.get(3).is_some_and(|v| *v == "via");
            let named = row.get(3).is_some_and(|v| *v == "named");
            l.markers.push(Marker { words: split_words(m), via, named });
        }
        for row in rows(ROLES) {
            let (Some(l), Some(noun), Some(class)) =
                (lex.by_code(row[0]), row.get(1), row.get(2).and_then(|c| Class::parse(c)))
            else {
                continue;
            };
            l.roles.push((split_words(noun), class));
        }
        for row in rows(WORDS) {
            let (Some(l), Some(class), Some(list)) = (lex.by_code(row[0]), row.get(1), row.get(2))
            else {
                continue;
            };
            let bit = cls::bit(class);
            for w in list.split(',').map(|w| norm_word(w.trim())).filter(|w| !w.is_empty()) {
                *l.bits.entry(w).or_default() |= bit;
            }
        }
        for l in [&mut lex.fr, &mut lex.en] {
            l.markers.sort_by_key(|m| std::cmp::Reverse(m.words.len()));
            l.roles.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
            for (words, class) in &l.roles {
                if let Some(first) = words.first() {
                    l.roles_by_first
                        .entry(first.clone())
                        .or_default()
                        .push((words.clone(), *class));
                }
            }
            for m in &l.markers {
                if let Some(w) = m.words.first() {
                    *l.bits.entry(w.clone()).or_default() |= cls::MARKER;
                }
            }
            for (words, _) in &l.verb_phrases {
                if let Some(w) = words.first() {
                    *l.bits.entry(w.clone()).or_default() |= cls::PHRASE;
                }
            }
        }
        lex
    }

    fn by_code(&mut self, code: &str) -> Option<&mut LangLexicon> {
        match code {
            "fr" => Some(&mut self.fr),
            "en" => Some(&mut self.en),
            _ => None,
        }
    }
}

/// Lowercases a word and writes apostrophes as `'`.
pub fn norm_word(w: &str) -> String {
    w.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c })
        .collect()
}

/// Splits a phrase into tokens as the segmenter does: at spaces, and after the
/// apostrophe of an elision ("d'après" → "d'", "après").
fn split_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in norm_word(s).split(' ').filter(|w| !w.is_empty()) {
        match w.split_once('\'') {
            Some((head, tail)) if !tail.is_empty() && head.chars().count() <= 5 => {
                out.push(format!("{head}'"));
                out.push(tail.to_string());
            }
            _ => out.push(w.to_string()),
        }
    }
    out
}

fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn parse_flags(s: &str) -> VerbFlags {
    VerbFlags { inverted: s.contains('i'), hearer: s.contains('o'), clause: s.contains('c') }
}

/// Every form of a regular verb of conjugation class `conj` (plus the lemma).
fn inflect(lemma: &str, conj: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let mut add = |stem: &str, ends: &[&str]| out.extend(ends.iter().map(|e| format!("{stem}{e}")));
    match conj {
        "fr-er" => {
            if let Some(stem) = lemma.strip_suffix("er") {
                add(
                    stem,
                    &[
                        "e", "ent", "é", "ée", "és", "ées", "ait", "aient", "a", "èrent", "era",
                        "erait", "eront", "eraient", "ant",
                    ],
                );
            }
        }
        "fr-ir" => {
            if let Some(stem) = lemma.strip_suffix("ir") {
                add(
                    stem,
                    &[
                        "it", "issent", "i", "ie", "is", "issait", "issaient", "ira", "irait",
                        "issant",
                    ],
                );
            }
        }
        "en" => {
            if let Some(stem) = lemma.strip_suffix('e') {
                add(stem, &["es", "ed", "ing"]);
            } else if let Some(stem) =
                lemma.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
            {
                add(stem, &["ies", "ied"]);
                add(lemma, &["ing"]);
            } else {
                add(lemma, &["s", "ed", "ing"]);
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_verbs() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("déclarer", "fr-er", &["déclare", "déclaré", "déclarait", "déclarant", "déclara"]),
            ("avertir", "fr-ir", &["avertit", "averti", "avertissant"]),
            ("note", "en", &["notes", "noted", "noting"]),
            ("deny", "en", &["denies", "denied", "denying"]),
            ("add", "en", &["adds", "added", "adding"]),
        ];
        for (lemma, conj, forms) in cases {
            let got = inflect(lemma, conj);
            for f in *forms {
                assert!(got.iter().any(|g| g == f), "{lemma}: missing {f} in {got:?}");
            }
        }
    }

    #[test]
    fn lexicon_has_the_seed_forms() {
        let fr = Lexicon::global().lang(Lang::Fr);
        for w in ["déclaré", "affirmé", "indique", "rappelle", "poursuit", "notant", "soulignant"]
        {
            assert!(fr.verb(w).is_some(), "{w}");
        }
        let en = Lexicon::global().lang(Lang::En);
        assert!(en.verb("said").is_some_and(|f| f.inverted));
        assert!(en.verb("told").is_some_and(|f| f.hearer));
        assert!(fr.is("aux", "a") && fr.pronoun("-t-il") == Some(Class::Person));
        assert!(fr.markers.iter().any(|m| m.words == ["à", "en", "croire"]));
        assert!(fr.markers.iter().any(|m| m.words == ["d'", "après"]));
        assert_eq!(
            fr.roles.iter().find(|r| r.0 == ["site", "web"]).map(|r| r.1),
            Some(Class::Media)
        );
    }
}
