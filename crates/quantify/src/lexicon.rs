//! The word lists of this crate, read once from the TSV files embedded from
//! `data/quantify/`, and a longest-match phrase table over tokens.
//!
//! Every file has one entry per line, tab-separated, `#` starts a comment
//! line. A malformed line is skipped (the unit tests check that every line of
//! the shipped files parses, so a typo cannot go unnoticed).

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use sitrep_model::Lang;

use crate::token::{phrase_norms, Tok, NO_ID};

/// FNV-1a: the keys are short words, for which it beats the default
/// SipHash by far (hashing was most of the run time).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

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
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// The languages with rule tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum L {
    Fr,
    En,
}

impl L {
    fn parse(s: &str) -> Option<L> {
        match s {
            "fr" => Some(L::Fr),
            "en" => Some(L::En),
            _ => None,
        }
    }
}

/// The rule languages to use for a document language: French or English
/// alone, both for any other language (best effort).
pub(crate) fn langs(lang: Lang) -> &'static [L] {
    match lang {
        Lang::Fr => &[L::Fr],
        Lang::En => &[L::En],
        _ => &[L::En, L::Fr],
    }
}

/// The placeholder for a number inside a phrase (`<n>` in the TSV files).
pub(crate) const SLOT: &str = "<n>";

/// Rows of a TSV file: non-empty, non-comment lines split on tabs.
pub(crate) fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Normalised tokens of a phrase, with `<n>` kept as one element.
fn pattern(phrase: &str) -> Vec<String> {
    let raw = phrase_norms(phrase);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == "<"
            && raw.get(i + 1).is_some_and(|n| n == "n")
            && raw.get(i + 2).is_some_and(|g| g == ">")
        {
            out.push(SLOT.to_string());
            i += 3;
        } else if raw.get(i + 1).is_some_and(|a| a == "'")
            && raw[i].chars().all(char::is_alphabetic)
        {
            // A final elision ("plus d'"): the text tokenizer keeps "d'" whole.
            out.push(format!("{}'", raw[i]));
            i += 2;
        } else {
            out.push(raw[i].clone());
            i += 1;
        }
    }
    out
}

/// The words of all phrase tables, numbered: tokens carry the number of
/// their normalised form ([`Tok::id`]), so matching a phrase compares
/// integers and finds the phrases that start with a word by indexing.
#[derive(Debug, Default)]
pub(crate) struct Vocab(HashMap<String, u32, FnvBuild>);

impl Vocab {
    /// The id of `w`, or [`NO_ID`].
    pub fn id(&self, w: &str) -> u32 {
        self.0.get(w).copied().unwrap_or(NO_ID)
    }

    fn intern(&mut self, w: &str) -> u32 {
        let next = u32::try_from(self.0.len()).unwrap_or(NO_ID - 2).min(NO_ID - 2);
        *self.0.entry(w.to_string()).or_insert(next)
    }
}

/// The id of the number slot in a pattern (no token has it).
const SLOT_ID: u32 = NO_ID - 1;

/// A set of phrases with a value each, matched longest-first on tokens.
#[derive(Debug)]
pub(crate) struct PhraseTable<T> {
    /// (language, word ids with [`SLOT_ID`] for `<n>`, value), longest first.
    entries: Vec<(L, Vec<u32>, T)>,
    /// Word id → entries that start with it.
    by_first: Vec<Vec<usize>>,
    /// Entries that start with a number slot.
    slot_first: Vec<usize>,
}

/// What a slot reader returns: (index after the number, value).
type SlotRead = Option<(usize, u32)>;

/// A successful phrase match.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseMatch<'a, T> {
    /// Index one past the last matched token.
    pub end: usize,
    /// The entry's value.
    pub value: &'a T,
    /// The number that filled the `<n>` slot, if any.
    pub slot: Option<u32>,
}

impl<T> PhraseTable<T> {
    /// Build from (language, phrase, value) triples, numbering the words in
    /// `vocab`.
    pub fn new(
        items: impl IntoIterator<Item = (L, String, T)>,
        vocab: &mut Vocab,
    ) -> PhraseTable<T> {
        let mut entries: Vec<(L, Vec<u32>, T)> = items
            .into_iter()
            .map(|(l, p, v)| {
                let ids: Vec<u32> = pattern(&p)
                    .iter()
                    .map(|w| if w == SLOT { SLOT_ID } else { vocab.intern(w) })
                    .collect();
                (l, ids, v)
            })
            .filter(|e| !e.1.is_empty())
            .collect();
        // Longest phrases first, so the first hit at a position is the longest.
        entries.sort_by_key(|e| std::cmp::Reverse(e.1.len()));
        let mut by_first: Vec<Vec<usize>> = Vec::new();
        let mut slot_first = Vec::new();
        for (i, (_, p, _)) in entries.iter().enumerate() {
            if p[0] == SLOT_ID {
                slot_first.push(i);
            } else {
                let w = p[0] as usize;
                if by_first.len() <= w {
                    by_first.resize(w + 1, Vec::new());
                }
                by_first[w].push(i);
            }
        }
        PhraseTable { entries, by_first, slot_first }
    }

    /// Number of phrases.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when some phrase starts with word `id` itself (not with a number slot).
    #[inline]
    pub fn word_starts(&self, id: u32) -> bool {
        self.by_first.get(id as usize).is_some_and(|v| !v.is_empty())
    }

    /// True when some phrase starts with a number slot.
    #[inline]
    pub fn slot_starts(&self) -> bool {
        !self.slot_first.is_empty()
    }

    /// False when no phrase can start with word `id` (a cheap test before
    /// [`PhraseTable::match_at`]).
    #[inline]
    pub fn may_start(&self, id: u32) -> bool {
        self.slot_starts() || self.word_starts(id)
    }

    /// The longest phrase of one of `langs` starting at token `i`. `slot`
    /// reads a number at a token index and returns (index after it, value).
    #[inline]
    pub fn match_at(
        &self,
        toks: &[Tok],
        i: usize,
        langs: &[L],
        slot: &dyn Fn(usize) -> Option<(usize, u32)>,
    ) -> Option<PhraseMatch<'_, T>> {
        // Most words start no phrase: answer without setting up the search.
        if !self.may_start(toks.get(i)?.id) {
            return None;
        }
        self.search_at(toks, i, langs, slot)
    }

    fn search_at(
        &self,
        toks: &[Tok],
        i: usize,
        langs: &[L],
        slot: &dyn Fn(usize) -> Option<(usize, u32)>,
    ) -> Option<PhraseMatch<'_, T>> {
        let first = toks.get(i)?;
        // Phrases that share a prefix read the same slot: read it once.
        let memo: Cell<Option<(usize, SlotRead)>> = Cell::new(None);
        let slot = |j: usize| match memo.get() {
            Some((k, r)) if k == j => r,
            _ => {
                let r = slot(j);
                memo.set(Some((j, r)));
                r
            }
        };
        let mut best: Option<PhraseMatch<'_, T>> = None;
        let direct = self.by_first.get(first.id as usize).map_or(&[][..], Vec::as_slice);
        // Every phrase of `slot_first` starts by reading a number at `i`:
        // without one, none of them can match.
        let by_slot = if !self.slot_first.is_empty() && slot(i).is_some() {
            &self.slot_first[..]
        } else {
            &[][..]
        };
        for ids in [direct, by_slot] {
            for &id in ids {
                let (l, pat, value) = &self.entries[id];
                if !langs.contains(l) {
                    continue;
                }
                if let Some((end, n)) = match_pattern(pat, toks, i, &slot) {
                    if best.as_ref().is_none_or(|b| end > b.end) {
                        best = Some(PhraseMatch { end, value, slot: n });
                    }
                }
            }
        }
        best
    }
}

fn match_pattern(
    pat: &[u32],
    toks: &[Tok],
    i: usize,
    slot: &dyn Fn(usize) -> Option<(usize, u32)>,
) -> Option<(usize, Option<u32>)> {
    let mut j = i;
    let mut n = None;
    for &p in pat {
        if p == SLOT_ID {
            let (next, v) = slot(j)?;
            n = Some(v);
            j = next;
        } else {
            if toks.get(j)?.id != p {
                return None;
            }
            j += 1;
        }
    }
    Some((j, n))
}

/// A word-number entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumClass {
    /// Added: "deux", "twenty".
    Unit(u32),
    /// Multiplies: "cent", "thousand".
    Mul(u32),
    /// An approximate value: "une dizaine".
    Approx(u32),
    /// No value: "plusieurs".
    Vague,
}

/// What a modifier does to the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// "at least": a lower bound.
    Lower,
    /// "about": approximate.
    Approx,
    /// "a total of": nothing.
    Exact,
    /// "between": opens a range.
    Range,
}

/// How a casualty phrase finds what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The counted noun phrase comes before.
    Left,
    /// After.
    Right,
    /// A participle: depends on the auxiliary.
    Verb,
}

/// A casualty trigger entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Trigger {
    /// Killed or injured.
    pub killed: bool,
    /// Where to look for the count.
    pub reading: Reading,
    /// States a total ("fatalities", "death toll").
    pub toll: bool,
}

/// Zero-casualty phrase: which counts it sets to zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Zero {
    /// Sets killed to 0.
    pub killed: bool,
    /// Sets injured to 0.
    pub injured: bool,
}

/// A set of normalised words.
#[derive(Debug, Default)]
pub(crate) struct WordSet(HashSet<String, FnvBuild>);

impl WordSet {
    /// True when `w` is in the set.
    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// The word sets of the casualty reader (`casualty_words.tsv`); each field
/// is documented in the file.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub(crate) struct Words {
    pub left_skip: WordSet,
    pub adverbs: WordSet,
    pub passive: WordSet,
    pub active: WordSet,
    pub right_skip: WordSet,
    pub toll_skip: WordSet,
    pub stop: WordSet,
    pub left_boundary: WordSet,
    pub subset: WordSet,
    pub singular_det: WordSet,
    pub plural_det: WordSet,
    pub of: WordSet,
    pub no_count_before: WordSet,
    pub possessive: WordSet,
    pub one_pronoun: WordSet,
    pub many_pronoun: WordSet,
    pub irregular_plural: WordSet,
    pub units: WordSet,
    pub not_death_before: WordSet,
    pub not_death_after: WordSet,
    pub zero_det: WordSet,
    pub before_number: WordSet,
    pub not_people: WordSet,
    pub intent: WordSet,
}

impl Words {
    fn field(&mut self, name: &str) -> Option<&mut WordSet> {
        let w = self;
        match name {
            "left_skip" => Some(&mut w.left_skip),
            "adverbs" => Some(&mut w.adverbs),
            "passive" => Some(&mut w.passive),
            "active" => Some(&mut w.active),
            "right_skip" => Some(&mut w.right_skip),
            "toll_skip" => Some(&mut w.toll_skip),
            "stop" => Some(&mut w.stop),
            "left_boundary" => Some(&mut w.left_boundary),
            "subset" => Some(&mut w.subset),
            "singular_det" => Some(&mut w.singular_det),
            "plural_det" => Some(&mut w.plural_det),
            "of" => Some(&mut w.of),
            "no_count_before" => Some(&mut w.no_count_before),
            "possessive" => Some(&mut w.possessive),
            "one_pronoun" => Some(&mut w.one_pronoun),
            "many_pronoun" => Some(&mut w.many_pronoun),
            "irregular_plural" => Some(&mut w.irregular_plural),
            "units" => Some(&mut w.units),
            "not_death_before" => Some(&mut w.not_death_before),
            "not_death_after" => Some(&mut w.not_death_after),
            "zero_det" => Some(&mut w.zero_det),
            "before_number" => Some(&mut w.before_number),
            "not_people" => Some(&mut w.not_people),
            "intent" => Some(&mut w.intent),
            _ => None,
        }
    }

    fn parse(src: &str) -> (Words, Vec<String>) {
        let mut w = Words::default();
        let mut unknown = Vec::new();
        for r in rows(src) {
            let (Some(name), Some(list)) = (r.first(), r.get(1)) else { continue };
            match w.field(name) {
                Some(set) => set.0.extend(list.split_whitespace().map(str::to_string)),
                None => unknown.push((*name).to_string()),
            }
        }
        (w, unknown)
    }
}

/// The casualty word sets, parsed once.
pub(crate) static WORDS: LazyLock<Words> = LazyLock::new(|| Words::parse(WORDS_SRC).0);

/// All tables.
pub(crate) struct Lexicon {
    /// The words of the phrase tables.
    pub vocab: Vocab,
    /// Month names.
    pub months: PhraseTable<u32>,
    /// Weekday names (1 = Monday).
    pub weekdays: PhraseTable<u32>,
    /// Number words.
    pub numbers: PhraseTable<NumClass>,
    /// Number modifiers.
    pub modifiers: PhraseTable<Modifier>,
    /// Relative date phrases with their rule text.
    pub relative: PhraseTable<crate::date::Rule>,
    /// Casualty triggers.
    pub triggers: PhraseTable<Trigger>,
    /// Zero-casualty phrases.
    pub zeros: PhraseTable<Zero>,
    /// Words that set a bare weekday in the future ("doit", "will").
    pub future: PhraseTable<()>,
}

pub(crate) const MONTHS: &str = include_str!("../../../data/quantify/months.tsv");
const WEEKDAYS: &str = include_str!("../../../data/quantify/weekdays.tsv");
const NUMBERS: &str = include_str!("../../../data/quantify/numbers.tsv");
const MODIFIERS: &str = include_str!("../../../data/quantify/modifiers.tsv");
const RELATIVE: &str = include_str!("../../../data/quantify/relative_dates.tsv");
const TRIGGERS: &str = include_str!("../../../data/quantify/casualty_triggers.tsv");
const WORDS_SRC: &str = include_str!("../../../data/quantify/casualty_words.tsv");
const ZEROS: &str = include_str!("../../../data/quantify/casualty_zero.tsv");
const FUTURE: &str = include_str!("../../../data/quantify/future_cues.tsv");

fn table<T>(src: &str, parse: impl Fn(&[&str]) -> Option<T>, vocab: &mut Vocab) -> PhraseTable<T> {
    let items = rows(src).filter_map(|r| {
        let l = L::parse(r.first()?)?;
        let phrase = r.get(1)?.to_string();
        Some((l, phrase, parse(r.get(2..)?)?))
    });
    PhraseTable::new(items, vocab)
}

pub(crate) fn parse_num_class(r: &[&str]) -> Option<NumClass> {
    let v: u32 = r.first()?.parse().ok()?;
    match *r.get(1)? {
        "unit" => Some(NumClass::Unit(v)),
        "mul" => Some(NumClass::Mul(v)),
        "approx" => Some(NumClass::Approx(v)),
        "vague" => Some(NumClass::Vague),
        _ => None,
    }
}

pub(crate) fn parse_modifier(r: &[&str]) -> Option<Modifier> {
    match *r.first()? {
        "lower" => Some(Modifier::Lower),
        "approx" => Some(Modifier::Approx),
        "exact" => Some(Modifier::Exact),
        "range" => Some(Modifier::Range),
        _ => None,
    }
}

pub(crate) fn parse_trigger(r: &[&str]) -> Option<Trigger> {
    let killed = match *r.first()? {
        "killed" => true,
        "injured" => false,
        _ => return None,
    };
    let reading = match *r.get(1)? {
        "left" => Reading::Left,
        "right" => Reading::Right,
        "verb" => Reading::Verb,
        _ => return None,
    };
    let toll = match *r.get(2)? {
        "1" => true,
        "0" => false,
        _ => return None,
    };
    Some(Trigger { killed, reading, toll })
}

pub(crate) fn parse_zero(r: &[&str]) -> Option<Zero> {
    match *r.first()? {
        "killed" => Some(Zero { killed: true, injured: false }),
        "injured" => Some(Zero { killed: false, injured: true }),
        "both" => Some(Zero { killed: true, injured: true }),
        "none" => Some(Zero { killed: false, injured: false }),
        _ => None,
    }
}

pub(crate) fn parse_future(r: &[&str]) -> Option<()> {
    (*r.first()? == "future").then_some(())
}

fn parse_u32(r: &[&str]) -> Option<u32> {
    r.first()?.parse().ok()
}

pub(crate) fn parse_rule(r: &[&str]) -> Option<crate::date::Rule> {
    crate::date::Rule::parse(r.first()?)
}

/// The tables, parsed once.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut vocab = Vocab::default();
    let v = &mut vocab;
    Lexicon {
        months: table(MONTHS, parse_u32, v),
        weekdays: table(WEEKDAYS, parse_u32, v),
        numbers: table(NUMBERS, parse_num_class, v),
        modifiers: table(MODIFIERS, parse_modifier, v),
        relative: table(RELATIVE, parse_rule, v),
        triggers: table(TRIGGERS, parse_trigger, v),
        zeros: table(ZEROS, parse_zero, v),
        future: table(FUTURE, parse_future, v),
        vocab,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase, written as text, is matched whole by its own table (a
    /// phrase the tokenizer splits differently would never match).
    #[test]
    fn every_phrase_matches_itself() {
        use crate::token::tokenize;
        use sitrep_model::Span;
        let slot = |toks: &[Tok], k: usize| {
            toks.get(k).and_then(|t| t.norm.parse::<u32>().ok()).map(|v| (k + 1, v))
        };
        let files: [(&str, &str); 8] = [
            ("months", MONTHS),
            ("weekdays", WEEKDAYS),
            ("numbers", NUMBERS),
            ("modifiers", MODIFIERS),
            ("relative", RELATIVE),
            ("triggers", TRIGGERS),
            ("zeros", ZEROS),
            ("future", FUTURE),
        ];
        let mut failures = Vec::new();
        for (name, src) in files {
            for r in rows(src) {
                let (Some(l), Some(phrase)) = (L::parse(r[0]), r.get(1)) else { continue };
                // A final elision ("plus d'") needs a word after it in text.
                let elided = phrase.ends_with('\'');
                let text = phrase.replace(SLOT, "3") + if elided { "un" } else { "" };
                let toks = tokenize(&text, Span::new(0, text.len()));
                let toks = toks.toks();
                let want = toks.len() - usize::from(elided);
                let slot = |k: usize| slot(&toks, k);
                let end = match name {
                    "months" => LEXICON.months.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                    "weekdays" => LEXICON.weekdays.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                    "numbers" => LEXICON.numbers.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                    "modifiers" => LEXICON.modifiers.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                    "relative" => LEXICON.relative.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                    "triggers" => LEXICON.triggers.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                    "future" => LEXICON.future.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                    _ => LEXICON.zeros.match_at(&toks, 0, &[l], &slot).map(|m| m.end),
                };
                if end != Some(want) {
                    failures.push(format!("{name}: {phrase:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// Every data line must parse: a typo in a TSV file fails here.
    #[test]
    fn every_line_of_every_table_parses() {
        type Check = fn(&[&str]) -> bool;
        let files: &[(&str, &str, Check)] = &[
            ("months", MONTHS, |r| parse_u32(r).is_some_and(|m| (1..=12).contains(&m))),
            ("weekdays", WEEKDAYS, |r| parse_u32(r).is_some_and(|d| (1..=7).contains(&d))),
            ("numbers", NUMBERS, |r| parse_num_class(r).is_some()),
            ("modifiers", MODIFIERS, |r| parse_modifier(r).is_some()),
            ("relative", RELATIVE, |r| parse_rule(r).is_some()),
            ("triggers", TRIGGERS, |r| parse_trigger(r).is_some()),
            ("zeros", ZEROS, |r| parse_zero(r).is_some()),
            ("future", FUTURE, |r| parse_future(r).is_some()),
        ];
        for (name, src, check) in files {
            for r in rows(src) {
                assert!(r.len() >= 3, "{name}: short line {r:?}");
                assert!(L::parse(r[0]).is_some(), "{name}: bad language {r:?}");
                assert!(check(&r[2..]), "{name}: bad value {r:?}");
            }
        }
        assert!(LEXICON.months.len() > 40 && LEXICON.triggers.len() > 80);
        let (words, unknown) = Words::parse(WORDS_SRC);
        assert!(unknown.is_empty(), "unknown word sets {unknown:?}");
        assert!(words.stop.contains("in") && words.units.contains("km"));
        for r in rows(WORDS_SRC) {
            for w in r.get(1).map_or("", |l| l).split_whitespace() {
                assert_eq!(crate::token::normalize(w), w, "not normalised: {w}");
            }
        }
    }
}
