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

/// One word of the text: a word of the folded text mapped back.
#[derive(Debug, Clone, Copy)]
struct Word<'f> {
    span: Span,
    /// The folded word (lowercase, no accents).
    folded: &'f str,
    /// Byte range in the folded text.
    frange: (usize, usize),
    /// Capitalised name part ("Saad", "Al-Sudani").
    name: bool,
    /// Starts with a lowercase letter (a possible particle: "bin", "al").
    lower: bool,
    /// Starts with a capital letter.
    cap: bool,
    /// Inside a known actor mention.
    actor: bool,
}

fn is_name_part(w: &str, cues: &Cues, folded: &str) -> bool {
    let Some(first) = w.chars().next() else { return false };
    // Capitalised, not an acronym (some lowercase letter), not a stop word.
    first.is_uppercase() && w.chars().any(char::is_lowercase) && !cues.stop.contains(folded)
}

/// The words of the folded text, mapped back to the original.
fn words<'f>(
    text: &str,
    folded: &'f Folded,
    actors: &[ActorMention],
    cues: &Cues,
) -> Vec<Word<'f>> {
    let mut out: Vec<Word<'f>> = Vec::with_capacity(text.len() / 6 + 1);
    let ft = folded.text.as_str();
    let mut actor_i = 0;
    // The folder recorded the spaces; word `k` lies between two of them.
    for pair in folded.spaces.windows(2) {
        let (fs, fe) = (pair[0] as usize + 1, pair[1] as usize);
        let Some(f) = ft.get(fs..fe) else { continue };
        let (s, e) = (folded.orig(fs), folded.orig(fe));
        // "Mu'ayid", "Rabi'a": a lowercase piece after an inner apostrophe
        // belongs to the word before.
        // (Only a name part takes the piece: test that first.)
        if let Some(prev) = out.last_mut().filter(|p| p.name) {
            let gap = || text.get(prev.span.end..s).unwrap_or("");
            let lower_next = || {
                let piece = text.get(s..e).unwrap_or("");
                piece.chars().next().is_some_and(char::is_lowercase) && piece != "s"
            };
            if matches!(gap(), "'" | "’")
                && lower_next()
                && !matches!(prev.folded, "l" | "d" | "j" | "n" | "s" | "c" | "m" | "t" | "qu")
            {
                prev.span = Span::new(prev.span.start, e);
                prev.frange.1 = fe;
                prev.folded = &ft[prev.frange.0..fe];
                continue;
            }
        }
        if s < e && !f.is_empty() {
            let w = text.get(s..e).unwrap_or("");
            while actor_i < actors.len() && actors[actor_i].span.end <= s {
                actor_i += 1;
            }
            let actor = actors.get(actor_i).is_some_and(|a| a.span.start < e);
            let (lower, cap) = match w.as_bytes().first() {
                Some(&b) if b < 0x80 => (b.is_ascii_lowercase(), b.is_ascii_uppercase()),
                _ => {
                    let c = w.chars().next();
                    (c.is_some_and(char::is_lowercase), c.is_some_and(char::is_uppercase))
                }
            };
            out.push(Word {
                span: Span::new(s, e),
                folded: f,
                frange: (fs, fe),
                // Only a capitalised word can be a name part.
                name: cap && is_name_part(w, cues, f),
                lower,
                cap,
                actor,
            });
        }
    }
    out
}

/// True when word `i` may start a name: a name part, or a particle glued to
/// a name part by a hyphen ("al-Saadi").
fn starts_name(ws: &[Word], text: &str, i: usize) -> bool {
    let w = &ws[i];
    if w.actor {
        return false;
    }
    w.name
        || (w.lower
            && ws.get(i + 1).is_some_and(|n| {
                n.name && !n.actor && text.get(w.span.end..n.span.start) == Some("-")
            })
            && is_particle(w))
}

/// A lowercase name particle ("bin", "de", the "al" of "al-Saadi").
fn is_particle(w: &Word) -> bool {
    w.lower && w.folded.len() <= 5 && CUES.particle.contains(w.folded)
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
fn joined<'f>(ws: &[Word<'f>], folded: &'f Folded) -> &'f str {
    match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => folded.text.get(a.frange.0..b.frange.1).unwrap_or(""),
        _ => "",
    }
}

/// True when the last one to three words before index `i` form a cue of `set`.
fn cue_before(ws: &[Word], f: &Folded, text: &str, i: usize, set: &WordSet) -> bool {
    let last = i.checked_sub(1).and_then(|l| ws.get(l)).map(|w| w.folded.rsplit(' ').next());
    if !last.flatten().is_some_and(|w| CUES.last_words.contains(w)) {
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
    let gap = text.get(end..ws.get(i).map(|w| w.span.start).unwrap_or(end)).unwrap_or(",");
    if !gap.chars().all(char::is_whitespace) {
        return false;
    }
    let first = ws.get(i).map(|w| w.folded.split(' ').next());
    if !first.flatten().is_some_and(|w| CUES.first_words.contains(w)) {
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
        let g = text.get(a.span.end..b.span.start).unwrap_or("!");
        g.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
            || (abbrev && g.trim() == "." && a.span.len() <= 3)
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
    let gap = text.get(end..w.span.start).unwrap_or("");
    if gap.trim() != "," && gap.trim() != "(" {
        return false;
    }
    let mut j = i;
    if ws.get(j).is_some_and(|w| {
        matches!(
            w.folded,
            "le" | "la" | "l" | "the" | "a" | "an" | "un" | "une" | "lui" | "himself"
        )
    }) {
        j += 1;
    }
    let at = ws.get(j).map(|w| w.span.start).unwrap_or(end);
    cue_after(ws, f, text, j, at, &cues.role) || cue_after(ws, f, text, j, at, &cues.title)
}

/// Name runs: (first word index, one past the last word index).
fn runs(ws: &[Word], text: &str, out: &mut Vec<(usize, usize)>) {
    let mut i = 0;
    while i < ws.len() {
        if !starts_name(ws, text, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last = i;
        while j < ws.len() && gap_ok(text, &ws[j - 1..=j], None, false) && !ws[j].actor {
            if ws[j].name {
                last = j;
            } else if !is_particle(&ws[j]) {
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
    let ws = words(text, folded, actors, cues);
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
    runs(&ws, text, &mut all);
    for &(a, b) in &all {
        let end = ws[b - 1].span.end;
        let single_initial = || b - a == 1 && is_initial(text, seg, ws[a].span.start);
        let after_place = a >= 1
            && (cues.place_noun.contains(ws[a - 1].folded)
                || (a >= 2
                    && matches!(ws[a - 1].folded, "d" | "de" | "du" | "of")
                    && cues.place_noun.contains(ws[a - 2].folded)));
        // "General Command of…", "Trump Administration": an institution name.
        let institution = ws.get(b).is_some_and(|n| {
            n.cap
                && !n.name
                && cues.stop.contains(n.folded)
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
            let last = ws[b - 1].folded;
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
            span: Span::new(ws[a].span.start, ws[b - 1].span.end),
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
    persons
}

/// A title or role, then an actor, then the name: "le président américain
/// Joe Biden", "le chef du Hezbollah, Hassan Nasrallah", "Hamas spokesman X".
fn title_before_adjective(ws: &[Word], f: &Folded, text: &str, a: usize) -> bool {
    let mut i = a;
    // An apposition comma right before the name is allowed.
    let comma = a > 0 && text.get(ws[a - 1].span.end..ws[a].span.start).map(str::trim) == Some(",");
    while i > 0 && ws[i - 1].actor && a - i < 4 {
        i -= 1;
    }
    if i == a {
        return false;
    }
    if comma && !cue_before(ws, f, text, i, &CUES.title) {
        // "le chef du Hezbollah, X": skip one connector before the actor.
        let conn = i > 0 && matches!(ws[i - 1].folded, "de" | "du" | "des" | "d" | "of" | "the");
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
