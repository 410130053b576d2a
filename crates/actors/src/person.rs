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

use crate::fold;
use crate::kb::ActorKb;
use crate::{is_organisation, tables};
use sitrep_model::{ActorMention, EntityKind, Segmented, Span};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The cue word lists, folded.
#[derive(Debug, Default)]
pub(crate) struct Cues {
    title: HashSet<String>,
    role: HashSet<String>,
    speech_before: HashSet<String>,
    speech_after: HashSet<String>,
    particle: HashSet<String>,
    stop: HashSet<String>,
    place_noun: HashSet<String>,
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
    c
});

/// One word of the text.
#[derive(Debug, Clone)]
struct Word {
    span: Span,
    folded: String,
    /// Capitalised name part ("Saad", "Al-Sudani") or prefixed ("al-Saadi").
    name: bool,
    /// Lowercase name particle ("bin", "de").
    particle: bool,
    /// Inside a known actor mention.
    actor: bool,
    /// First word of its sentence.
    initial: bool,
}

const PREFIXES: [&str; 14] = [
    "al-", "el-", "ad-", "ash-", "as-", "az-", "at-", "ar-", "an-", "ez-", "bin-", "ben-", "abu-",
    "ibn-",
];

fn is_name_part(w: &str, cues: &Cues, folded: &str) -> bool {
    if cues.stop.contains(folded) {
        return false;
    }
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    if first.is_uppercase() {
        // Not an acronym: some lowercase letter, or a single capital initial.
        return w.chars().any(char::is_lowercase);
    }
    let lower = w.to_lowercase();
    PREFIXES.iter().any(|p| {
        lower.starts_with(p) && w[p.len()..].chars().next().is_some_and(char::is_uppercase)
    })
}

/// Splits the text into words, with French elisions ("d'", "l'") apart.
fn words(text: &str, seg: &Segmented, actors: &[ActorMention], cues: &Cues) -> Vec<Word> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut prev_word_char = false;
    let mut spans = Vec::new();
    while let Some((i, c)) = it.next() {
        let next_is_word = it.peek().is_some_and(|&(_, n)| fold::is_word_char(n));
        let joiner = matches!(c, '-' | '\'' | '’') && prev_word_char && next_is_word;
        if fold::is_word_char(c) || joiner {
            if start.is_none() {
                start = Some(i);
            }
            prev_word_char = !joiner;
        } else {
            if let Some(s) = start.take() {
                spans.push((s, i));
            }
            prev_word_char = false;
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    let mut actor_i = 0;
    for (s, e) in spans {
        for (s, e) in split_elision(text, s, e) {
            let w = &text[s..e];
            let folded = fold::key(w).trim().to_string();
            while actor_i < actors.len() && actors[actor_i].span.end <= s {
                actor_i += 1;
            }
            let actor = actors.get(actor_i).is_some_and(|a| a.span.start < e);
            out.push(Word {
                span: Span::new(s, e),
                name: is_name_part(w, cues, &folded),
                particle: cues.particle.contains(&folded) && w.chars().all(char::is_lowercase),
                actor,
                initial: is_initial(text, seg, s),
                folded,
            });
        }
    }
    out
}

/// Splits "d'Irak" into "d'" and "Irak" (elided articles and pronouns).
fn split_elision(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let w = &text[s..e];
    for (i, c) in w.char_indices().take(4) {
        if matches!(c, '\'' | '’') {
            let head = &w[..i];
            if matches!(
                head.to_lowercase().as_str(),
                "l" | "d"
                    | "qu"
                    | "j"
                    | "n"
                    | "s"
                    | "c"
                    | "m"
                    | "t"
                    | "jusqu"
                    | "lorsqu"
                    | "puisqu"
            ) {
                let cut = s + i + c.len_utf8();
                return vec![(s, cut), (cut, e)];
            }
        }
    }
    vec![(s, e)]
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

/// Joins the folded words `ws` with spaces.
fn joined(ws: &[Word]) -> String {
    ws.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ")
}

/// True when the last one to three words before index `i` form a cue of `set`.
fn cue_before(ws: &[Word], text: &str, i: usize, set: &HashSet<String>) -> bool {
    (1..=3).any(|n| {
        i >= n && {
            let seq = &ws[i - n..i];
            gap_ok(text, seq, ws.get(i), true) && set.contains(&joined(seq))
        }
    })
}

/// True when the one to three words from index `i` form a cue of `set`.
fn cue_after(ws: &[Word], text: &str, i: usize, end: usize, set: &HashSet<String>) -> bool {
    let gap = text.get(end..ws.get(i).map(|w| w.span.start).unwrap_or(end)).unwrap_or(",");
    if !gap.chars().all(char::is_whitespace) {
        return false;
    }
    (1..=3).any(|n| {
        i + n <= ws.len() && {
            let seq = &ws[i..i + n];
            gap_ok(text, seq, None, false) && set.contains(&joined(seq))
        }
    })
}

/// The words of `seq` (and `next`) are separated by spaces, hyphens or
/// apostrophes only; a trailing "." is allowed after an abbreviation title.
fn gap_ok(text: &str, seq: &[Word], next: Option<&Word>, abbrev: bool) -> bool {
    let mut all: Vec<&Word> = seq.iter().collect();
    if let Some(n) = next {
        all.push(n);
    }
    all.windows(2).all(|p| {
        let g = text.get(p[0].span.end..p[1].span.start).unwrap_or("!");
        g.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
            || (abbrev && g.trim() == "." && p[0].span.len() <= 3)
    })
}

/// True when the text after `end` is ", <role…>" (an apposition).
fn apposition_after(ws: &[Word], text: &str, i: usize, end: usize, cues: &Cues) -> bool {
    let Some(w) = ws.get(i) else { return false };
    let gap = text.get(end..w.span.start).unwrap_or("");
    if gap.trim() != "," && gap.trim() != "(" {
        return false;
    }
    let mut j = i;
    if ws.get(j).is_some_and(|w| {
        matches!(
            w.folded.as_str(),
            "le" | "la" | "l" | "the" | "a" | "an" | "un" | "une" | "lui" | "himself"
        )
    }) {
        j += 1;
    }
    cue_after(ws, text, j, ws.get(j).map(|w| w.span.start).unwrap_or(end), &cues.role)
        || cue_after(ws, text, j, ws.get(j).map(|w| w.span.start).unwrap_or(end), &cues.title)
}

/// Name runs: (first word index, one past the last word index).
fn runs(ws: &[Word], text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].name || ws[i].actor {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last = i;
        while j < ws.len() && gap_ok(text, &ws[j - 1..=j], None, false) && !ws[j].actor {
            if ws[j].name {
                last = j;
            } else if !ws[j].particle {
                break;
            }
            j += 1;
        }
        out.push((i, last + 1));
        i = last + 1;
    }
    out
}

/// Person mentions in the text (not overlapping `actors`).
pub(crate) fn find_persons(
    _kb: &ActorKb,
    text: &str,
    seg: &Segmented,
    actors: &[ActorMention],
) -> Vec<ActorMention> {
    let cues = &*CUES;
    let ws = words(text, seg, actors, cues);
    let mut known_full: HashSet<String> = HashSet::new();
    let mut known_last: HashSet<String> = HashSet::new();
    let mut found: Vec<(usize, usize)> = Vec::new();
    let all = runs(&ws, text);
    for &(a, b) in &all {
        let end = ws[b - 1].span.end;
        let single_initial = b - a == 1 && ws[a].initial;
        let after_place = a >= 1
            && (cues.place_noun.contains(&ws[a - 1].folded)
                || (a >= 2
                    && matches!(ws[a - 1].folded.as_str(), "d" | "de" | "du" | "of")
                    && cues.place_noun.contains(&ws[a - 2].folded)));
        if after_place {
            continue;
        }
        let titled = cue_before(&ws, text, a, &cues.title) || title_before_adjective(&ws, text, a);
        let spoken = cue_before(&ws, text, a, &cues.speech_before)
            || cue_after(&ws, text, b, end, &cues.speech_after);
        let appos = apposition_after(&ws, text, b, end, cues);
        if titled || ((spoken || appos) && !single_initial) {
            found.push((a, b));
            known_full.insert(joined(&ws[a..b]));
            if b - a > 1 {
                let last = &ws[b - 1].folded;
                if last.len() >= 4 {
                    known_last.insert(last.clone());
                }
            }
        }
    }
    for &(a, b) in &all {
        if found.contains(&(a, b)) {
            continue;
        }
        let full = joined(&ws[a..b]);
        if known_full.contains(&full) || (b - a == 1 && known_last.contains(&full)) {
            found.push((a, b));
        }
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(a, b)| ActorMention {
            span: Span::new(ws[a].span.start, ws[b - 1].span.end),
            canonical: None,
            kind: EntityKind::Person,
            country: None,
            acled_type: None,
            part_of: None,
            adjectival: false,
            affiliation: None,
        })
        .collect()
}

/// "le président américain Joe Biden": a title, then an adjectival actor.
fn title_before_adjective(ws: &[Word], text: &str, a: usize) -> bool {
    let mut i = a;
    while i > 0 && ws[i - 1].actor && a - i < 3 {
        i -= 1;
    }
    i < a && cue_before(ws, text, i, &CUES.title)
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
    let ws: Vec<String> = fold::key(s).split_whitespace().map(str::to_string).collect();
    (0..ws.len()).any(|i| {
        (1..=2).any(|n| {
            i + n <= ws.len() && {
                let k = ws[i..i + n].join(" ");
                cues.role.contains(&k) || cues.title.contains(&k)
            }
        })
    })
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
