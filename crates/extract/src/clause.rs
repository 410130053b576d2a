//! Clauses: a sentence cut at semicolons and at clause connectives
//! ("alors que", "tandis que", "while", "whereas", "but"), and a clause's
//! coordinated noun phrases ("X, Y et Z ont été prises pour cible").

use sitrep_model::Span;

use crate::cues::cues;
use crate::fold::Folded;

/// All connectives in one automaton: one pass a sentence.
static CONNECTIVE_AC: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(cues().connectives).ok());

/// Determiners that open a noun phrase (folded words).
pub const DETERMINERS: [&str; 16] = [
    "la", "le", "les", "l", "un", "une", "des", "du", "ces", "cette", "ce", "the", "a", "an",
    "these", "this",
];

/// Splits sentence `s` into clauses (original byte spans, trimmed).
pub fn clauses(text: &str, f: &Folded, s: Span) -> Vec<Span> {
    let mut cuts = vec![s.start];
    if let Some(body) = text.get(s.start..s.end) {
        for (i, _) in body.match_indices(';') {
            cuts.push(s.start + i + 1);
        }
    }
    let (fs, fe) = (f.folded_at(s.start), f.folded_at(s.end));
    if let Some(fb) = f.text.get(fs.saturating_sub(1)..fe) {
        let ac = CONNECTIVE_AC.as_ref();
        for m in ac.into_iter().flat_map(|ac| ac.find_overlapping_iter(fb)) {
            let (i, c) = (m.start(), cues().connectives[m.pattern().as_usize()]);
            // "while conducting an operation" is a participle, not a clause.
            let next = fb.get(m.end()..).and_then(|r| r.split(' ').next()).unwrap_or("");
            if c == " while " && next.ends_with("ing") {
                continue;
            }
            cuts.push(f.orig(fs.saturating_sub(1) + i + 1));
        }
    }
    cuts.push(s.end);
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2).filter_map(|w| trim(text, Span::new(w[0], w[1]))).collect()
}

/// Trims white space and `;,` from both ends; `None` when nothing is left.
pub fn trim(text: &str, sp: Span) -> Option<Span> {
    let t = sp.slice(text);
    let l =
        t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || c == ';' || c == ',').len();
    let r = t.trim_end_matches(|c: char| c.is_whitespace() || c == ';' || c == ',').len();
    (r > l).then(|| Span::new(sp.start + l, sp.start + r))
}

/// Splits a noun-phrase region at commas and "et"/"and"/"ainsi que" (original spans).
pub fn conjuncts(text: &str, f: &Folded, region: Span) -> Vec<Span> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    if let Some(body) = text.get(region.start..region.end) {
        let mut depth = 0i32;
        for (i, c) in body.char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ',' if depth == 0 => cuts.push((region.start + i, region.start + i + 1)),
                _ => {}
            }
        }
    }
    let (fs, fe) = (f.folded_at(region.start), f.folded_at(region.end));
    if let Some(fb) = f.text.get(fs.saturating_sub(1)..fe) {
        for w in [" et ", " and ", " ainsi que ", " as well as "] {
            for (i, _) in fb.match_indices(w) {
                let a = f.orig(fs.saturating_sub(1) + i + 1);
                let b = f.orig(fs.saturating_sub(1) + i + w.len() - 1);
                cuts.push((a, b));
            }
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut at = region.start;
    for (a, b) in cuts {
        if a >= at {
            if let Some(sp) = trim(text, Span::new(at, a)) {
                out.push(sp);
            }
            at = b;
        }
    }
    if let Some(sp) = trim(text, Span::new(at.min(region.end), region.end)) {
        out.push(sp);
    }
    out
}

/// The folded words of `[from, to)` (folded offsets).
pub fn words(f: &Folded, from: usize, to: usize) -> Vec<&str> {
    f.text
        .get(from.min(to)..to.min(f.text.len()))
        .unwrap_or("")
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect()
}

/// Most words [`words_before`] returns.
const MAX_BEFORE: usize = 6;

/// A few words in text order, kept inline (see [`words_before`]).
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    buf: [&'a str; MAX_BEFORE],
    len: usize,
}

impl<'a> std::ops::Deref for Words<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.buf[..self.len]
    }
}

impl<'a> IntoIterator for Words<'a> {
    type Item = &'a str;
    type IntoIter = std::iter::Take<std::array::IntoIter<&'a str, MAX_BEFORE>>;
    fn into_iter(self) -> Self::IntoIter {
        self.buf.into_iter().take(self.len)
    }
}

/// The last `n` folded words before original offset `off`, within `from..`
/// (at most six: the rules look a few words back).
pub fn words_before(f: &Folded, from: usize, off: usize, n: usize) -> Words<'_> {
    let (a, b) = (f.folded_at(from), f.folded_at(off));
    let s = f.text.get(a.min(b)..b.min(f.text.len())).unwrap_or("");
    let mut buf = [""; MAX_BEFORE];
    let mut len = 0;
    for w in s.rsplit(' ').filter(|w| !w.is_empty()).take(n.min(MAX_BEFORE)) {
        buf[len] = w;
        len += 1;
    }
    buf[..len].reverse();
    Words { buf, len }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    #[test]
    fn clauses_cut_at_semicolons_and_connectives() {
        let t = "Les propos interviennent alors que des frappes ont eu lieu; la semaine dernière, une base a été visée.";
        let f = fold(t);
        let got: Vec<&str> =
            clauses(t, &f, Span::new(0, t.len())).iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            got,
            [
                "Les propos interviennent",
                "alors que des frappes ont eu lieu",
                "la semaine dernière, une base a été visée."
            ]
        );
    }

    #[test]
    fn conjuncts_split_lists() {
        let t = "la base A à Bagdad, la base B dans la province (C, D) et la base E";
        let f = fold(t);
        let got: Vec<&str> =
            conjuncts(t, &f, Span::new(0, t.len())).iter().map(|s| s.slice(t)).collect();
        assert_eq!(got, ["la base A à Bagdad", "la base B dans la province (C, D)", "la base E"]);
    }
}
