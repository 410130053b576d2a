//! Person names and their affiliations.
//!
//! A *name run* is a sequence of capitalised words ("Saad", "Hassan") and
//! prefixed words ("al-Saadi", "el-Sisi"), possibly joined by lowercase
//! particles ("bin", "de", "van"), separated only by spaces. A run becomes a
//! person when a cue from `data/actors/person_cues.tsv` supports it:
//!
//! * a title right before it ("M.", "President", "le porte-parole");
//! * a speech verb right before or after it ("a déclaré X", "X said");
//! * an apposition after it (", membre du bureau politique…").
//!
//! Runs never cross a known actor mention, and a single capitalised word at
//! the start of a sentence is not a name on its own. Once a person is found,
//! later runs equal to the full name or to its last word are the same person.

use crate::fold::{self, Folded};
use crate::kb::ActorKb;
use crate::kb::FxBuild;
use crate::{is_organisation, tables};
use sitrep_model::{ActorMention, EntityKind, Segmented, Span};
use std::collections::HashSet as StdSet;

type HashSet<T> = StdSet<T, FxBuild>;
use std::sync::LazyLock;

/// A set of folded words or phrases with a 4096-bit filter on (length,
/// first byte, last byte) in front of the hash set: most words of a text are
/// in no cue list and leave after one bit test, without hashing the word.
#[derive(Debug)]
pub(crate) struct WordSet {
    set: HashSet<String>,
    filter: Box<[u64; 64]>,
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet { set: HashSet::default(), filter: Box::new([0; 64]) }
    }
}

impl WordSet {
    #[inline]
    fn bit(w: &str) -> usize {
        let b = w.as_bytes();
        let (Some(&f), Some(&l)) = (b.first(), b.last()) else { return 0 };
        let x = (b.len() as u32 & 0xff) | u32::from(f) << 8 | u32::from(l) << 16;
        (x.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    fn insert(&mut self, w: String) {
        let b = Self::bit(&w);
        self.filter[b >> 6] |= 1 << (b & 63);
        self.set.insert(w);
    }

    #[inline]
    fn contains(&self, w: &str) -> bool {
        let b = Self::bit(w);
        self.filter[b >> 6] & (1 << (b & 63)) != 0 && self.set.contains(w)
    }
}

/// The cue word lists, folded.
#[derive(Debug, Default)]
pub(crate) struct Cues {
    title: WordSet,
    role: WordSet,
    speech_before: WordSet,
    speech_after: WordSet,
    particle: WordSet,
    stop: WordSet,
    place_noun: WordSet,
    /// First and last words of the title, role and speech cues: a word
    /// sequence whose edge word is in neither is no such cue, without a
    /// lookup of each of its one to three word spans.
    first_words: WordSet,
    last_words: WordSet,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut c = Cues::default();
    for (_, f) in crate::kb::rows(tables::PERSON_CUES) {
        let set = match f.first().copied() {
            Some("title") => &mut c.title,
            Some("role") => &mut c.role,
            Some("speech_before") => &mut c.speech_before,
            Some("speech_after") => &mut c.speech_after,
            Some("particle") => &mut c.particle,
            Some("stop") => &mut c.stop,
            Some("place_noun") => &mut c.place_noun,
            _ => continue,
        };
        for w in crate::kb::list(f.get(1).copied().unwrap_or("")) {
            set.insert(fold::key(w).trim().to_string());
        }
    }
    let (mut first, mut last) = (WordSet::default(), WordSet::default());
    for set in [&c.title, &c.role, &c.speech_before, &c.speech_after] {
        for k in &set.set {
            first.insert(k.split(' ').next().unwrap_or("").to_string());
            last.insert(k.rsplit(' ').next().unwrap_or("").to_string());
        }
    }
    (c.first_words, c.last_words) = (first, last);
    c
});

/// One word of the text: a word of the folded text mapped back, in 17
/// bytes (byte offsets fit in `u32`: the folder's map holds them so).
#[derive(Debug, Clone, Copy)]
struct Word {
    /// Byte range in the original text.
    s: u32,
    e: u32,
    /// Byte range in the folded text (lowercase, no accents).
    fs: u32,
    fe: u32,
    /// [`NAME`], [`LOWER`], [`CAP`] and [`ACTOR`].
    flags: u8,
}

/// Capitalised name part ("Saad", "Al-Sudani").
const NAME: u8 = 1;
/// Starts with a lowercase letter (a possible particle: "bin", "al").
const LOWER: u8 = 2;
/// Starts with a capital letter.
const CAP: u8 = 4;
/// Inside a known actor mention.
const ACTOR: u8 = 8;

impl Word {
    #[inline]
    fn start(&self) -> usize {
        self.s as usize
    }
    #[inline]
    fn end(&self) -> usize {
        self.e as usize
    }
    #[inline]
    fn len(&self) -> usize {
        (self.e - self.s) as usize
    }
    #[inline]
    fn name(&self) -> bool {
        self.flags & NAME != 0
    }
    #[inline]
    fn lower(&self) -> bool {
        self.flags & LOWER != 0
    }
    #[inline]
    fn cap(&self) -> bool {
        self.flags & CAP != 0
    }
    #[inline]
    fn actor(&self) -> bool {
        self.flags & ACTOR != 0
    }
    /// The folded word.
    #[inline]
    fn fo<'f>(&self, f: &'f Folded) -> &'f str {
        f.text.get(self.fs as usize..self.fe as usize).unwrap_or("")
    }
}

/// True when the capitalised word `w` (whole characters) is a name part:
/// not an acronym (some lowercase letter), not a stop word.
fn is_name_part(w: &[u8], cues: &Cues, folded: &str) -> bool {
    // An ASCII lowercase byte is a lowercase letter; without one, only a
    // non-ASCII letter can be lowercase.
    let lower = w.iter().any(u8::is_ascii_lowercase)
        || (!w.is_ascii()
            && std::str::from_utf8(w).is_ok_and(|w| w.chars().any(char::is_lowercase)));
    lower && !cues.stop.contains(folded)
}

/// The words of the folded text, mapped back to the original, into `out`.
fn words(text: &str, folded: &Folded, actors: &[ActorMention], cues: &Cues, out: &mut Vec<Word>) {
    out.clear();
    out.reserve(folded.spaces.len());
    let ft = folded.text.as_str();
    let tb = text.as_bytes();
    let map = folded.map.as_slice();
    // The next actor mention not wholly before the current word.
    let mut next_actor = actors.iter().map(|a| (a.span.start, a.span.end));
    let (mut a_start, mut a_end) = next_actor.next().unwrap_or((usize::MAX, usize::MAX));
    // The folder recorded the spaces; word `k` lies between two of them
    // (both ends are character boundaries: after a space, at a space).
    for pair in folded.spaces.windows(2) {
        let (fs, fe) = (pair[0] as usize + 1, pair[1] as usize);
        // (`map` has one entry more than the folded text: `fe` is in it.)
        if fs > fe || fe > ft.len() {
            continue;
        }
        let (Some(&s), Some(&e)) = (map.get(fs), map.get(fe)) else { continue };
        let (s, e) = (s as usize, e as usize);
        // "Mu'ayid", "Rabi'a": a lowercase piece after an inner apostrophe
        // belongs to the word before.
        // (Only a name part takes the piece: test that first, and the gap's
        // length, one or three bytes.)
        if let Some(prev) =
            out.last_mut().filter(|p| p.name() && matches!(s.wrapping_sub(p.end()), 1 | 3))
        {
            let gap = || text.get(prev.end()..s).unwrap_or("");
            let lower_next = || {
                let piece = text.get(s..e).unwrap_or("");
                piece.chars().next().is_some_and(char::is_lowercase) && piece != "s"
            };
            if matches!(gap(), "'" | "’")
                && lower_next()
                && !matches!(
                    ft.get(prev.fs as usize..prev.fe as usize),
                    Some("l" | "d" | "j" | "n" | "s" | "c" | "m" | "t" | "qu")
                )
            {
                prev.e = e as u32;
                prev.fe = fe as u32;
                continue;
            }
        }
        if s < e && fs < fe {
            while a_end <= s {
                (a_start, a_end) = next_actor.next().unwrap_or((usize::MAX, usize::MAX));
            }
            let mut flags = 0;
            if a_start < e {
                flags |= ACTOR;
            }
            match tb.get(s) {
                Some(&b) if b < 0x80 => {
                    if b.is_ascii_lowercase() {
                        flags |= LOWER;
                    } else if b.is_ascii_uppercase() {
                        flags |= CAP;
                    }
                }
                _ => {
                    let c = text.get(s..).and_then(|r| r.chars().next());
                    if c.is_some_and(char::is_lowercase) {
                        flags |= LOWER;
                    }
                    if c.is_some_and(char::is_uppercase) {
                        flags |= CAP;
                    }
                }
            }
            // Only a capitalised word can be a name part.
            if flags & CAP != 0
                && is_name_part(tb.get(s..e).unwrap_or(&[]), cues, ft.get(fs..fe).unwrap_or(""))
            {
                flags |= NAME;
            }
            out.push(Word { s: s as u32, e: e as u32, fs: fs as u32, fe: fe as u32, flags });
        }
    }
}

/// True when word `i` may start a name: a name part, or a particle glued to
/// a name part by a hyphen ("al-Saadi").
fn starts_name(ws: &[Word], f: &Folded, text: &str, i: usize) -> bool {
    let w = &ws[i];
    if w.actor() {
        return false;
    }
    w.name()
        || (w.lower()
            && ws.get(i + 1).is_some_and(|n| {
                n.name() && !n.actor() && text.get(w.end()..n.start()) == Some("-")
            })
            && is_particle(w, f))
}

/// A lowercase name particle ("bin", "de", the "al" of "al-Saadi").
fn is_particle(w: &Word, f: &Folded) -> bool {
    w.lower() && w.fo(f).len() <= 5 && CUES.particle.contains(w.fo(f))
}

/// True when byte `at` starts a sentence (from `seg`, or from punctuation).
fn is_initial(text: &str, seg: &Segmented, at: usize) -> bool {
    if !seg.sentences.is_empty() {
        return seg.sentence_at(at).is_some_and(|i| {
            let s = seg.sentences[i].span.start;
            text.get(s..at).is_some_and(|b| !b.chars().any(fold::is_word_char))
        });
    }
    let before = text.get(..at).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '«' | '“' | '\'' | '‘' | '(' | '-' | '–' | '—' | '*')
    });
    trimmed.is_empty()
        || trimmed.ends_with(['.', '!', '?', ':', ';', '\n', '…'])
        || before[trimmed.len()..].contains('\n')
}

/// The folded words `ws` joined by single spaces (a slice of the folded text).
fn joined<'f>(ws: &[Word], folded: &'f Folded) -> &'f str {
    match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => folded.text.get(a.fs as usize..b.fe as usize).unwrap_or(""),
        _ => "",
    }
}

/// The part of a folded word after its last space (a word joined over an
/// apostrophe holds one), by a byte scan: words are short.
#[inline]
fn last_piece(w: &str) -> &str {
    match w.as_bytes().iter().rposition(|&b| b == b' ') {
        Some(k) => w.get(k + 1..).unwrap_or(""),
        None => w,
    }
}

/// The part of a folded word before its first space.
#[inline]
fn first_piece(w: &str) -> &str {
    match w.as_bytes().iter().position(|&b| b == b' ') {
        Some(k) => w.get(..k).unwrap_or(""),
        None => w,
    }
}

/// True when the last one to three words before index `i` form a cue of `set`.
fn cue_before(ws: &[Word], f: &Folded, text: &str, i: usize, set: &WordSet) -> bool {
    let last = i.checked_sub(1).and_then(|l| ws.get(l)).map(|w| last_piece(w.fo(f)));
    if !last.is_some_and(|w| CUES.last_words.contains(w)) {
        return false;
    }
    (1..=3).any(|n| {
        i >= n && {
            let seq = &ws[i - n..i];
            set.contains(joined(seq, f)) && gap_ok(text, seq, ws.get(i), true)
        }
    })
}

/// True when the one to three words from index `i` form a cue of `set`.
fn cue_after(ws: &[Word], f: &Folded, text: &str, i: usize, end: usize, set: &WordSet) -> bool {
    let gap = text.get(end..ws.get(i).map(|w| w.start()).unwrap_or(end)).unwrap_or(",");
    if !gap.chars().all(char::is_whitespace) {
        return false;
    }
    let first = ws.get(i).map(|w| first_piece(w.fo(f)));
    if !first.is_some_and(|w| CUES.first_words.contains(w)) {
        return false;
    }
    (1..=3).any(|n| {
        i + n <= ws.len() && {
            let seq = &ws[i..i + n];
            set.contains(joined(seq, f)) && gap_ok(text, seq, None, false)
        }
    })
}

/// The words of `seq` (and `next`) are separated by spaces, hyphens or
/// apostrophes only; a trailing "." is allowed after an abbreviation title.
fn gap_ok(text: &str, seq: &[Word], next: Option<&Word>, abbrev: bool) -> bool {
    // Consecutive pairs of `seq` followed by `next`, without collecting them.
    let firsts = seq.iter();
    let seconds = seq.iter().skip(1).chain(next);
    firsts.zip(seconds).all(|(a, b)| {
        let g = text.get(a.end()..b.start()).unwrap_or("!");
        g.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
            || (abbrev && g.trim() == "." && a.len() <= 3)
    })
}

/// True when the text after `end` is ", <role…>" (an apposition).
fn apposition_after(
    ws: &[Word],
    f: &Folded,
    text: &str,
    i: usize,
    end: usize,
    cues: &Cues,
) -> bool {
    let Some(w) = ws.get(i) else { return false };
    let gap = text.get(end..w.start()).unwrap_or("");
    if !matches!(gap.trim(), "," | "(") {
        return false;
    }
    let mut j = i;
    if ws.get(j).is_some_and(|w| {
        matches!(w.fo(f), "le" | "la" | "l" | "the" | "a" | "an" | "un" | "une" | "lui" | "himself")
    }) {
        j += 1;
    }
    // ("Bamenda, chef-lieu de la région du Nord-Ouest": the seat of a division, a town.)
    if ws.get(j).is_some_and(|w| w.fo(f) == "chef")
        && ws.get(j + 1).is_some_and(|w| w.fo(f) == "lieu")
    {
        return false;
    }
    let at = ws.get(j).map(|w| w.start()).unwrap_or(end);
    cue_after(ws, f, text, j, at, &cues.role) || cue_after(ws, f, text, j, at, &cues.title)
}

/// Name runs: (first word index, one past the last word index).
fn runs(ws: &[Word], f: &Folded, text: &str, out: &mut Vec<(usize, usize)>) {
    let mut i = 0;
    while i < ws.len() {
        if !starts_name(ws, f, text, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last = i;
        while j < ws.len() && gap_ok(text, &ws[j - 1..=j], None, false) && !ws[j].actor() {
            if ws[j].name() {
                last = j;
            } else if !is_particle(&ws[j], f) {
                break;
            }
            j += 1;
        }
        out.push((i, last + 1));
        i = last + 1;
    }
}

/// Person mentions in the text (not overlapping `actors`).
pub(crate) fn find_persons(
    text: &str,
    folded: &Folded,
    seg: &Segmented,
    actors: &[ActorMention],
) -> Vec<ActorMention> {
    let cues = &*CUES;
    thread_local! {
        static WORDS: std::cell::Cell<Vec<Word>> = std::cell::Cell::default();
    }
    let mut ws = WORDS.take();
    words(text, folded, actors, cues, &mut ws);
    let f = folded;
    let mut known_full: HashSet<&str> = HashSet::default();
    let mut known_last: HashSet<&str> = HashSet::default();
    // Run buffers, kept per thread.
    type Runs = Vec<(usize, usize)>;
    thread_local! {
        static RUNS: std::cell::Cell<(Runs, Runs)> = std::cell::Cell::default();
    }
    let (mut all, mut found) = RUNS.take();
    all.clear();
    found.clear();
    runs(&ws, f, text, &mut all);
    for &(a, b) in &all {
        let end = ws[b - 1].end();
        let single_initial = || b - a == 1 && is_initial(text, seg, ws[a].start());
        let after_place = a >= 1
            && (cues.place_noun.contains(ws[a - 1].fo(f))
                || (a >= 2
                    && matches!(ws[a - 1].fo(f), "d" | "de" | "du" | "of")
                    && cues.place_noun.contains(ws[a - 2].fo(f))));
        // "General Command of…", "Trump Administration": an institution name.
        let institution = ws.get(b).is_some_and(|n| {
            n.cap()
                && !n.name()
                && cues.stop.contains(n.fo(f))
                && gap_ok(text, &ws[b - 1..=b], None, false)
        });
        if after_place || institution {
            continue;
        }
        // Cheapest cues first; a lone sentence-initial word needs a title.
        let person = cue_before(&ws, f, text, a, &cues.title)
            || title_before_adjective(&ws, f, text, a)
            || (!single_initial()
                && (cue_before(&ws, f, text, a, &cues.speech_before)
                    || cue_after(&ws, f, text, b, end, &cues.speech_after)
                    || apposition_after(&ws, f, text, b, end, cues)));
        if person {
            found.push((a, b));
            known_full.insert(joined(&ws[a..b], f));
            let last = ws[b - 1].fo(f);
            if b - a > 1 && last.len() >= 4 {
                known_last.insert(last);
            }
        }
    }
    // The runs found so far, in text order: a sorted slice to search.
    let n_first = found.len();
    for &(a, b) in &all {
        if found[..n_first].binary_search_by_key(&a, |&(a, _)| a).is_ok() {
            continue;
        }
        let full = joined(&ws[a..b], f);
        if known_full.contains(full) || (b - a == 1 && known_last.contains(full)) {
            found.push((a, b));
        }
    }
    found.sort_unstable();
    let persons = found
        .iter()
        .map(|&(a, b)| ActorMention {
            span: Span::new(ws[a].start(), ws[b - 1].end()),
            canonical: None,
            kind: EntityKind::Person,
            country: None,
            acled_type: None,
            part_of: None,
            adjectival: false,
            affiliation: None,
        })
        .collect();
    RUNS.set((all, found));
    WORDS.set(ws);
    persons
}

/// A title or role, then an actor, then the name: "le président américain
/// Joe Biden", "le chef du Hezbollah, Hassan Nasrallah", "Hamas spokesman X".
fn title_before_adjective(ws: &[Word], f: &Folded, text: &str, a: usize) -> bool {
    let mut i = a;
    while i > 0 && ws[i - 1].actor() && a - i < 4 {
        i -= 1;
    }
    if i == a {
        return false;
    }
    // An apposition comma right before the name is allowed.
    let comma = text.get(ws[a - 1].end()..ws[a].start()).map(str::trim) == Some(",");
    if comma && !cue_before(ws, f, text, i, &CUES.title) {
        // "le chef du Hezbollah, X": skip one connector before the actor.
        let conn = i > 0 && matches!(ws[i - 1].fo(f), "de" | "du" | "des" | "d" | "of" | "the");
        let j = if conn { i - 1 } else { i };
        return cue_before(ws, f, text, j, &CUES.title) || cue_before(ws, f, text, j, &CUES.role);
    }
    cue_before(ws, f, text, i, &CUES.title)
}

/// Fills `affiliation` of person mentions from appositions and role phrases.
pub(crate) fn link_affiliations(kb: &ActorKb, text: &str, ms: &mut [ActorMention]) {
    let cues = &*CUES;
    for i in 0..ms.len() {
        if ms[i].kind != EntityKind::Person {
            continue;
        }
        let p = ms[i].span;
        // Forward: "X, membre du bureau politique du mouvement Y".
        let forward = ms[i + 1..].iter().take(3).find(|m| {
            is_organisation(m.kind) && {
                let gap = text.get(p.end..m.span.start).unwrap_or("");
                gap.trim_start().starts_with([',', '('])
                    && gap.len() <= 120
                    && clause(gap)
                    && has_role(gap, cues)
            }
        });
        // Backward: "le porte-parole du Hamas, X", "Hamas spokesman X".
        let backward = || {
            ms[..i].iter().rev().take(2).find(|m| {
                is_organisation(m.kind) && {
                    let gap = text.get(m.span.end..p.start).unwrap_or("");
                    let lead_start = m.span.start.saturating_sub(40);
                    let lead = text.get(floor(text, lead_start)..m.span.start).unwrap_or("");
                    gap.len() <= 60
                        && clause(gap)
                        && (has_role(gap, cues)
                            || has_role(last_words(lead, 3), cues)
                            || has_role(m.span.slice(text), cues))
                }
            })
        };
        let org = forward.or_else(backward).cloned();
        if let Some(org) = org {
            ms[i].affiliation = affiliation_name(kb, &org);
        }
    }
}

fn affiliation_name(kb: &ActorKb, org: &ActorMention) -> Option<String> {
    if org.kind == EntityKind::State {
        let c = org.country.as_deref()?;
        return kb.government_of(c).map(str::to_string).or_else(|| org.canonical.clone());
    }
    org.canonical.clone()
}

/// No sentence end, quote or line break in the gap.
fn clause(gap: &str) -> bool {
    !gap.contains(['.', '!', '?', '\n', '"', '«', '»', '“', '”', ';'])
}

fn has_role(s: &str, cues: &Cues) -> bool {
    // The key is " w1 w2 …": one word, or two joined by one space, is a
    // slice of it.
    let key = fold::key(s);
    let k = key.as_str();
    let mut starts = k.match_indices(' ').map(|(i, _)| i + 1);
    let Some(mut a) = starts.next() else { return false };
    let is_cue = |w: &str| cues.role.contains(w) || cues.title.contains(w);
    loop {
        let b = starts.next();
        let one = &k[a..b.map_or(k.len(), |b| b - 1)];
        if !one.is_empty() && is_cue(one) {
            return true;
        }
        let Some(b) = b else { return false };
        let c = k[b..].find(' ').map_or(k.len(), |i| b + i);
        if is_cue(&k[a..c]) {
            return true;
        }
        a = b;
    }
}

fn last_words(s: &str, n: usize) -> &str {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices().rev() {
        let w = fold::is_word_char(c);
        if w && !in_word {
            count += 1;
        }
        if !w && in_word && count == n {
            return &s[i + c.len_utf8()..];
        }
        in_word = w;
    }
    s
}

/// Largest char boundary at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use crate::tag_actors;
    use sitrep_model::{EntityKind, Lang, Segmented};

    fn persons(text: &str) -> Vec<(String, Option<String>)> {
        tag_actors(text, &Segmented::default(), Lang::Fr)
            .into_iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.span.slice(text).to_string(), m.affiliation))
            .collect()
    }

    #[test]
    fn persons_table() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            (
                "a déclaré Saad al-Saadi, membre du bureau politique du mouvement Asaïb Ahl al-Haq.",
                &[("Saad al-Saadi", Some("Asaib Ahl al-Haq"))],
            ),
            ("M. Macron a parlé.", &[("Macron", None)]),
            (
                "Hamas spokesman Abu Obeida said the attack failed.",
                &[("Abu Obeida", Some("Hamas"))],
            ),
            (
                "le président américain Joe Biden a appelé",
                &[("Joe Biden", Some("Government of the United States"))],
            ),
            ("Selon Ahmed Hassan, la situation est grave.", &[("Ahmed Hassan", None)]),
            ("Le mouvement a déclaré que Paris était loin.", &[]),
            ("Officials said nothing.", &[]),
            ("la base d'Aïn al-Asad a été visée.", &[]),
        ];
        for (text, want) in cases {
            let got = persons(text);
            let want: Vec<(String, Option<String>)> =
                want.iter().map(|(a, b)| (a.to_string(), b.map(str::to_string))).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn later_mentions_by_last_name() {
        let text = "Le chef Hassan Nasrallah a parlé. Nasrallah a ensuite menacé.";
        let got = persons(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "Nasrallah");
    }
}
