//! Reporting clauses: who tells the event, as opposed to who takes part in it.
//!
//! Wire reports wrap the event in a reporting clause: postposed ("…, the
//! Iraqi military said in a statement"), inverted ("…, a annoncé mardi
//! l'armée malienne dans un communiqué", "…, said the army"), introduced by
//! a source preposition ("selon une source sécuritaire", "according to
//! the ANI") or leading the sentence ("Police said two soldiers were
//! killed"). The party named in such a clause is the source of the telling:
//! it is neither the actor nor the target of the event, and the event is
//! attributed to it.

use sitrep_model::{ActorMention, Analysis, EntityKind, Span};

use crate::clause::{words, DETERMINERS};
use crate::cues::cues;
use crate::fold::Folded;

/// French auxiliaries before a reporting participle.
const FR_AUX: [&str; 4] = ["a", "ont", "avait", "avaient"];
/// The source prepositions with a space on each side, in one automaton: the
/// leftmost match is the first preposition of a segment.
static SOURCE_AC: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(cues().source_preps.iter().map(|p| format!(" {p} ")))
            .ok()
    });
/// Words after a leading reporting verb by which the speaker reports its
/// own deed ("the army said it killed", "l'armée a affirmé avoir visé").
const OWN_DEED: [&str; 10] =
    ["it", "they", "he", "she", "il", "ils", "elle", "elles", "avoir", "its"];

/// A reporting clause of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// The clause: from its comma, source preposition or the sentence start
    /// to its end.
    pub span: Span,
    /// Where the speaker's noun phrase starts when it follows the verb
    /// ("…, a annoncé mardi l'armée": after "annoncé").
    pub after_verb: Option<usize>,
}

fn is_verb(w: &str) -> bool {
    cues().en_verbs.contains(&w) || cues().fr_verbs.contains(&w)
}

/// Commas at parenthesis depth zero in `s`, as original offsets.
fn commas(text: &str, s: Span) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    for (i, c) in text.get(s.start..s.end).unwrap_or("").char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' | ';' | '\u{ab}' | '\u{bb}' | '"' if depth <= 0 => out.push(s.start + i),
            _ => {}
        }
    }
    out
}

/// The reporting clauses of sentence `s`.
pub fn reports(text: &str, f: &Folded, s: Span) -> Vec<Report> {
    let cuts = commas(text, s);
    let mut bounds: Vec<usize> = vec![s.start];
    bounds.extend(cuts.iter().copied());
    let mut out = Vec::new();
    for (k, &b) in bounds.iter().enumerate() {
        let e = bounds.get(k + 1).copied().unwrap_or(s.end);
        let seg_start = if k == 0 { b } else { b + 1 };
        let (fs, fe) = (f.folded_at(seg_start), f.folded_at(e));
        let ws = words(f, fs, fe);
        if ws.is_empty() {
            continue;
        }
        // "selon X", "according to X": from the preposition to the clause's end.
        let seg_f = f.text.get(fs.saturating_sub(1)..fe).unwrap_or("");
        let source = SOURCE_AC.as_ref().and_then(|ac| ac.find(seg_f)).map(|m| m.start());
        if let Some(i) = source {
            let from = f.orig(fs.saturating_sub(1) + i + 1);
            let after = f.orig(fs.saturating_sub(1) + i + 1 + p_len(seg_f, i));
            out.push(Report { span: Span::new(from, e), after_verb: Some(after) });
            continue;
        }
        if k > 0 {
            // Inverted: ", a annoncé mardi l'armée", ", said the army", ", a-t-on appris".
            let v = if FR_AUX.contains(&ws[0]) { ws.get(1).copied() } else { Some(ws[0]) };
            let v = if v == Some("t") && ws.get(2) == Some(&"on") { ws.get(3).copied() } else { v };
            if let Some(v) = v.filter(|v| is_verb(v)) {
                let at = f
                    .text
                    .get(fs..fe)
                    .and_then(|t| t.find(&format!(" {v} ")))
                    .map(|j| fs + j + 1 + v.len());
                out.push(Report { span: Span::new(b, e), after_verb: at.map(|j| f.orig(j)) });
                continue;
            }
            // Postposed: ", the Iraqi military said in a statement".
            if let Some(i) = ws.iter().take(7).position(|w| cues().en_verbs.contains(w)) {
                let name = &ws[..i];
                if !name.is_empty() && !name.iter().any(|w| cues().not_a_name.contains(w)) {
                    out.push(Report { span: Span::new(b, e), after_verb: None });
                    continue;
                }
            }
        } else {
            // Leading: "Police said two soldiers were killed…", "L'armée a annoncé que…".
            // An accuser may take up to eight words ("Le ministère syrien de la Défense a
            // accusé"), another speaker six.
            let i = ws
                .iter()
                .take(9)
                .position(|w| (is_verb(w) || cues().accuse.contains(w)) && !FR_AUX.contains(w))
                .filter(|&i| i < 7 || cues().accuse.contains(&ws[i]));
            let Some(i) = i.filter(|i| *i >= 1) else { continue };
            let name: Vec<&str> = ws[..i]
                .iter()
                .copied()
                .filter(|w| !DETERMINERS.contains(w) && !FR_AUX.contains(w))
                .collect();
            if name.is_empty() || name.iter().any(|w| cues().not_a_name.contains(w)) {
                continue;
            }
            // "said on Saturday (that) they had fired": within a few words.
            // An accuser speaks of another's deed ("a accusé Israël d'avoir…").
            let accuses = cues().accuse.contains(&ws[i]);
            if !accuses && ws.iter().skip(i + 1).take(5).any(|w| OWN_DEED.contains(w)) {
                continue;
            }
            // End of the verb, as an original offset.
            let mut at = fs;
            for w in ws.iter().take(i + 1) {
                match f.text.get(at..).and_then(|r| r.find(w)) {
                    Some(j) => at += j + w.len(),
                    None => break,
                }
            }
            out.push(Report { span: Span::new(b, f.orig(at)), after_verb: None });
        }
    }
    out
}

/// The reporting clauses of the sentence holding `clause` that do not hold
/// `trigger`.
pub fn around(a: &Analysis<'_>, f: &Folded, clause: Span, trigger: Span) -> Vec<Report> {
    let Some(s) = a.seg.sentences.iter().find(|s| s.span.contains(&clause)) else {
        return Vec::new();
    };
    let mut last = f.reports.borrow_mut();
    let all = match last.as_ref() {
        Some((sp, all)) if *sp == s.span => all,
        _ => &last.insert((s.span, reports(a.text(), f, s.span))).1,
    };
    all.iter().filter(|r| !r.span.overlaps(&trigger)).copied().collect()
}

/// Length of the source preposition found at folded offset `i` of `seg`.
fn p_len(seg: &str, i: usize) -> usize {
    cues()
        .source_preps
        .iter()
        .find(|p| seg.get(i + 1..).is_some_and(|r| r.starts_with(*p)))
        .map_or(0, |p| p.len())
}

/// The first party named in a reporting clause, not as the one told
/// ("a déclaré à l'AFP un officier"): its speaker.
pub fn speaker<'m>(a: &'m Analysis<'_>, f: &Folded, r: &Report) -> Option<&'m ActorMention> {
    let named = a.actors.iter().find(|m| {
        // "à" folds to "a", which the determiner list holds: look past
        // articles only.
        let ws = crate::clause::words_before(f, r.span.start, m.span.start, 3);
        let w = ws.iter().rev().find(|w| !matches!(**w, "l" | "la" | "le" | "les" | "the"));
        r.span.contains(&m.span)
            && m.kind != EntityKind::Place
            && !w.is_some_and(|w| matches!(*w, "a" | "au" | "aux" | "to" | "told"))
            && !crate::roles::kin_only(a, f, r.span, m)
    });
    // "The al Qaeda-linked group said…": the group named before.
    named.or_else(|| crate::roles::the_group(a, f, r.span, Span::new(r.span.end, r.span.end)))
}

/// The speaker's noun phrase after the verb when no party is named in it
/// ("…, ont indiqué dimanche des sources locales à l'AFP" → "des sources
/// locales").
pub fn speaker_text(text: &str, f: &Folded, r: &Report) -> Option<String> {
    let from = r.after_verb?;
    let (fs, fe) = (f.folded_at(from), f.folded_at(r.span.end));
    let ws = words(f, fs, fe);
    let start = ws.iter().position(|w| !cues().skip.contains(w))?;
    let len =
        ws[start..].iter().position(|w| cues().np_end.contains(w)).unwrap_or(ws.len() - start);
    if len == 0 || len > 8 {
        return None;
    }
    // Original offsets of the kept words.
    let mut at = fs;
    let mut bounds = Vec::new();
    for w in &ws[..start + len] {
        let j = at + f.text.get(at..)?.find(w)?;
        bounds.push((j, j + w.len()));
        at = j + w.len();
    }
    let (s, _) = bounds.get(start)?;
    let (_, e) = bounds.last()?;
    let t = text.get(f.orig(*s)..f.orig(*e))?.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn spans(t: &str) -> Vec<&str> {
        let f = fold(t);
        reports(t, &f, Span::new(0, t.len())).iter().map(|r| r.span.slice(t)).collect()
    }

    #[test]
    fn issue5_reporting_clauses_of_wire_reports() {
        let t = "Douze soldats ont été tués lundi, a annoncé mardi l'armée malienne dans un communiqué.";
        assert_eq!(spans(t), [", a annoncé mardi l'armée malienne dans un communiqué."]);
        let t = "Two soldiers were killed near Tarmiyah, the Iraqi military said in a statement.";
        assert_eq!(spans(t), [", the Iraqi military said in a statement."]);
        let t = "Two soldiers were killed near Tarmiyah, said the Iraqi military.";
        assert_eq!(spans(t), [", said the Iraqi military."]);
        let t = "Quatre personnes ont été blessées, selon l'Agence nationale d'information (ANI).";
        assert_eq!(spans(t), ["selon l'Agence nationale d'information (ANI)."]);
        let t = "Police said two soldiers were killed in Aleppo.";
        assert_eq!(spans(t), ["Police said"]);
        let t = "L'armée syrienne a accusé Israël d'avoir mené des frappes près de Damas.";
        assert_eq!(spans(t), ["L'armée syrienne a accusé"]);
        // The speaker of its own deed stays in the telling.
        assert!(spans("The army said it killed ten militants.").is_empty());
        assert!(spans("L'armée a affirmé avoir visé des terroristes.").is_empty());
        assert!(spans("Houthi rebels said on Saturday they had fired a missile.").is_empty());
        // A consequence clause is not a report.
        assert!(spans("Gunmen attacked a post, killing two soldiers.").is_empty());
    }
}
