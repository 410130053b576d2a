//! sitrep-attrib: quotes, claims and who said them.
//!
//! [`attribute`] reads an [`Analysis`] (segments, actor mentions, entities) and
//! returns the document's direct quotes and its reported claims, each with a
//! speaker ([`SourceRef`](sitrep_model::SourceRef)) linked to an entity when the actor tagger found one.
//!
//! # Design
//!
//! The stage is a set of small, readable rules over tokens, not a parser:
//!
//! 1. **Quote marks** are paired per paragraph (`marks`): « », “ ”, " " (mixed
//!    pairs such as `"…”` included) and ‘ ’ (never an apostrophe).
//! 2. **Verb groups** (`grammar`) come from a reporting-verb lexicon
//!    (`data/attrib/verbs.tsv`: lemmas plus a conjugation class, expanded to every
//!    form): `[aux] [clitic] [adverbs] verb [clitic]` covers "a déclaré",
//!    "a-t-il affirmé", "poursuit-il", "a récemment déclaré", "has said".
//! 3. **A quote's speaker** is read, in order, from the verb group right after the
//!    closing mark (`"…", a déclaré X` / `"…", X said` / `"…," he told Reuters`),
//!    else from the reporting verb before the quote in the same sentence
//!    (`X a déclaré : « … »`, `X a déclaré qu'il était "…"`), else from a later
//!    incise (`…, rappelle le site web`) or a marker (`selon X`). When a quote has
//!    both a speaker before it and a relaying incise after it, the incise names the
//!    `via` source (provenance chain), as do `quoted by X` / `cité par X`. A quote
//!    with no speaker is dropped, except one opening a sentence after `X a
//!    déclaré :` or continuing the previous speaker's words. A short capitalised
//!    quote inside a sentence is a name or a title, not speech, unless a verb of
//!    saying introduces it.
//! 4. **Claims** are reported clauses without quote marks: markers (`selon X,` /
//!    `, according to X`), reporting verbs followed by que/that, participles
//!    continuing the sentence's speaker (`notant que`, `adding that`) and incises
//!    (`…, officials said.`; `Toutefois, poursuit-il, …`; `…, the governor,
//!    William Villamizar, said`; `…, a local group and residents said`). A
//!    reporting verb with an infinitive claims what the infinitive says (`affirme
//!    avoir tué`, `claimed to have shot down`), and a claim of responsibility
//!    claims its object (`claimed responsibility for the attack`, `a revendiqué
//!    les attaques`) or, in the passive, its subject (`L'attaque a été revendiquée
//!    par le JNIM`), never when negated. A claim's span is the reported clause
//!    alone, trimmed of marker, source and final punctuation.
//! 5. **Speakers** (`speaker`) are actor mentions when the tagger found them,
//!    else capitalised names (with particles: al-Saadi, de Jong); a role phrase
//!    followed by a name in apposition is the name ("le porte-parole, Olivier
//!    Véran"). Pronouns (a-t-il, he) resolve to a person named earlier in the same
//!    sentence, else to the most recent speaker, actor or name of a compatible
//!    class; a bare definite role noun (le responsable irakien, le site web, the
//!    spokesman) does the same, while role phrases with a complement or a name
//!    inside ("le chef de l'Etat", "the Israeli army") stand for themselves. A
//!    pronoun is never a speaker: unresolved, the quote or claim is dropped.
//!
//! Everything is byte offsets into the document text; nothing panics on odd input.
#![deny(missing_docs)]

mod grammar;
mod lexicon;
mod marks;
mod speaker;

use grammar::{Grammar, Tok, VerbGroup};
use lexicon::{cls, Lexicon};
use marks::QuoteMarks;
#[cfg(test)]
use sitrep_model::SourceRef;
use sitrep_model::{Analysis, Claim, Quote, Span, TokenKind};
use speaker::{Memory, Resolver, Speaker};
use std::ops::Range;

/// Finds the quotes and claims of an analysed document, in text order.
pub fn attribute(a: &Analysis) -> (Vec<Quote>, Vec<Claim>) {
    let lex = Lexicon::global().lang(a.lang);
    let toks = grammar::tokens(a, lex);
    let g = Grammar { toks: &toks, lex };
    let r = Resolver { a, g: &g };
    let mut run = Run {
        a,
        g: &g,
        r: &r,
        mem: Memory::default(),
        quotes: Vec::new(),
        claims: Vec::new(),
        masks: Vec::new(),
        said: Vec::new(),
        last_quote: None,
    };
    run.document();
    let Run { mut quotes, mut claims, .. } = run;
    quotes.sort_by_key(|q| (q.start, q.end));
    claims.sort_by_key(|c| (c.start, c.end));
    (quotes, claims)
}

/// A speaker found for a quote or claim, with the verb group that names it.
struct Found {
    speaker: Speaker,
    verb: Option<VerbGroup>,
    /// Token where the attribution stands (for "notant que" continuations).
    at: usize,
}

struct Run<'a, 'g, 't> {
    a: &'a Analysis<'a>,
    g: &'g Grammar<'g, 't>,
    r: &'g Resolver<'a, 'g, 't>,
    mem: Memory,
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
    /// Byte ranges of the quotes of the current paragraph, marks included.
    masks: Vec<Span>,
    /// Attributions of the current sentence: (token, speaker).
    said: Vec<(usize, Speaker)>,
    /// Paragraph and speaker of the last quote.
    last_quote: Option<(usize, Speaker)>,
}

impl Run<'_, '_, '_> {
    fn toks(&self) -> &[Tok<'_>] {
        self.g.toks
    }

    /// Index of the first token starting at or after byte `b`.
    fn tok_at(&self, b: usize) -> usize {
        self.toks().partition_point(|t| t.span.start < b)
    }

    fn document(&mut self) {
        let seg = self.a.seg;
        let text = self.a.text();
        for (pi, par) in seg.paragraphs.iter().enumerate() {
            if par.boilerplate {
                continue;
            }
            let marks = marks::pair_quotes(text, par.span);
            self.masks = marks.iter().map(|q| Span::new(q.open, q.close_end)).collect();
            self.mem.quotes.clone_from(&self.masks);
            for si in par.sentences.clone() {
                let s = &seg.sentences[si];
                self.said.clear();
                for q in marks.iter().filter(|q| q.open >= s.span.start && q.open < s.span.end) {
                    self.quote(q, si, pi);
                }
                self.claims_in(s.tokens.clone());
            }
        }
    }

    fn masked(&self, i: usize) -> bool {
        self.toks().get(i).is_some_and(|t| self.masks.iter().any(|m| m.contains(&t.span)))
    }

    fn span_of(&self, lo: usize, hi: usize) -> Span {
        let t = self.toks();
        match (t.get(lo), hi.checked_sub(1).and_then(|h| t.get(h))) {
            (Some(a), Some(b)) if lo < hi => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    fn verb_text(&self, vg: &VerbGroup) -> String {
        self.span_of(vg.start, vg.end).slice(self.a.text()).to_string()
    }

    /// The speaker of the closest attribution before token `at` in this sentence.
    fn speaker_before(&self, at: usize) -> Option<Speaker> {
        self.said.iter().filter(|(t, _)| *t < at).max_by_key(|(t, _)| *t).map(|(_, s)| s.clone())
    }

    fn note(&mut self, at: usize, s: &Speaker) {
        let pos = self.toks().get(at).map_or(0, |t| t.span.start);
        self.mem.add(pos, s);
        self.said.push((at, s.clone()));
    }

    // ---------- quotes ----------

    fn quote(&mut self, q: &QuoteMarks, si: usize, pi: usize) {
        let seg = self.a.seg;
        let lo = seg.sentences[si].tokens.start;
        let t_open = self.tok_at(q.open);
        let t_after = self.tok_at(q.close_end);
        let hi = self.after_window_end(q.close, pi);
        let adjacent = self.adjacent_after(t_after, hi);
        if adjacent.is_none() && self.name_like(q, lo, t_open) {
            return;
        }
        let before = self.before(lo, t_open);
        let (found, via) = match (adjacent, before) {
            (Some(adj), Some((b, true))) => (Some(b), Some(adj)),
            (Some(adj), _) => {
                let after = adj.verb.map_or(t_after, |v| v.end);
                let via = self.via_marker(after, hi);
                (Some(adj), via)
            }
            (None, Some((b, _))) => {
                let relay = self.relay(t_after, hi);
                (Some(b), relay)
            }
            (None, None) => {
                (self.relay(t_after, hi).or_else(|| self.marker_source(lo, t_open)), None)
            }
        };
        let words = q.inner.slice(self.a.text()).split_whitespace().count();
        let found = found
            .or_else(|| self.introduced(si, lo, t_open))
            .or_else(|| self.continuation(q, lo, t_open, pi, words));
        let Some(found) = found else { return };
        let via = via.filter(|v| v.speaker.sref.text != found.speaker.sref.text);
        if let Some(v) = &via {
            self.note(v.at, &v.speaker);
        }
        self.note(found.at, &found.speaker);
        self.last_quote = Some((pi, found.speaker.clone()));
        self.quotes.push(Quote {
            speaker: found.speaker.sref,
            text: q.inner.slice(self.a.text()).to_string(),
            start: q.inner.start,
            end: q.inner.end,
            verb: found.verb.as_ref().map(|v| self.verb_text(v)),
            direct: true,
            via: via.map(|v| v.speaker.sref),
        });
    }

    /// A short capitalised quote inside a sentence is a name or a title
    /// (operation « Bouclier du Nord », the newspaper "Al-Akhbar"), not words
    /// someone said, unless a reporting verb follows it directly.
    fn name_like(&self, q: &QuoteMarks, lo: usize, t_open: usize) -> bool {
        let inner = q.inner.slice(self.a.text());
        let capital = inner.chars().next().is_some_and(char::is_uppercase);
        let sentence = inner.ends_with(['.', '!', '?', '…']);
        // ("le chef de gang Jimmy Chérizier, dit « Barbecue »", "alias « Barbecue »": a
        // nickname after "dit", "alias", "surnommé", "known as", not what was said.)
        let nickname = t_open > lo
            && t_open >= 2
            && matches!(
                self.g.w(t_open - 1).to_lowercase().as_str(),
                "dit" | "alias" | "surnommé" | "surnommée" | "as" | "aka"
            )
            && (self.g.w(t_open - 2) == "," || self.g.w(t_open - 1) != "dit");
        if nickname && capital && inner.split_whitespace().count() <= 3 {
            return true;
        }
        let introduced = t_open > lo
            && (matches!(self.g.w(t_open - 1), ":" | "," | "—" | "–")
                || self.toks()[t_open - 1].verb.is_some());
        capital && !sentence && t_open > lo && !introduced && inner.split_whitespace().count() <= 4
    }

    /// Token index ending the window after a closing mark: the end of its
    /// sentence, or of the next one when that starts in lowercase ("…!" he said).
    fn after_window_end(&self, close: usize, pi: usize) -> usize {
        let seg = self.a.seg;
        let Some(si) = seg.sentence_at(close) else { return self.tok_at(close) };
        let s = &seg.sentences[si];
        let ends_sentence = self
            .toks()
            .get(s.tokens.end.saturating_sub(1))
            .is_some_and(|t| t.span.end <= close + 4);
        if ends_sentence {
            if let Some(next) = seg.sentences.get(si + 1).filter(|n| n.paragraph == pi) {
                let first = self.toks().get(next.tokens.start);
                if first.is_some_and(|t| !t.cap && t.kind == TokenKind::Word) {
                    return next.tokens.end;
                }
            }
        }
        s.tokens.end
    }

    fn resolve_clitic(&self, c: usize) -> Option<Speaker> {
        let class = self.g.lex.pronoun(self.g.w(c))?;
        let pos = self.toks().get(c)?.span.start;
        self.r.resolve(&self.mem, class, pos)
    }

    /// The subject of verb group `vg` when it follows the verb (clitic or inverted NP).
    fn inverted_subject(&self, vg: &VerbGroup, hi: usize) -> Option<Speaker> {
        if let Some(c) = vg.clitic {
            if self.g.is(c, cls::NONE) {
                return self.impersonal_source(vg.end, hi);
            }
            return self.resolve_clitic(c);
        }
        if !vg.flags.inverted || vg.flags.hearer || self.base_form(vg) {
            return None;
        }
        let from = self.skip_hearer(self.skip_time(vg.end, hi), hi);
        let (s, e) = self.g.np_after(from, hi)?;
        self.apposed(s, e, hi).or_else(|| self.r.interpret(&self.mem, s, e))
    }

    /// An English verb group of one bare base form ("state" in "state media
    /// reported"): never an inverted incise, which takes "said", "says", "added".
    fn base_form(&self, vg: &VerbGroup) -> bool {
        let w = self.g.w(vg.end - 1);
        self.a.lang != sitrep_model::Lang::Fr
            && vg.clitic.is_none()
            && vg.end == vg.start + 1
            && !(w.ends_with("ed") || w.ends_with('s') || matches!(w, "said" | "told" | "wrote"))
    }

    /// "a-t-on appris de source sécuritaire", "indique-t-on auprès du ministère":
    /// the source after an impersonal "on", when it is a name or a role noun.
    fn impersonal_source(&self, from: usize, hi: usize) -> Option<Speaker> {
        let g = self.g;
        let mut j = self.skip_time(from, hi);
        if matches!(g.w(j), "de" | "d'" | "auprès") {
            j += 1;
            if matches!(g.w(j), "de" | "du" | "des" | "d'") {
                j += 1;
            }
        } else {
            return None;
        }
        let (s, e) = g.np_after(j, hi)?;
        (self.r.has_name(s, e) || self.r.has_role(s, e))
            .then(|| self.r.interpret(&self.mem, s, e))
            .flatten()
    }

    /// "le porte-parole du gouvernement, Olivier Véran": a role phrase followed by
    /// a name in apposition names the speaker by the name.
    fn apposed(&self, s: usize, e: usize, hi: usize) -> Option<Speaker> {
        // (A name in the role's complement does not count: "le gouverneur du
        // Nord-Kivu, Peter Cirimwami".)
        let head = (s + 1..e).find(|&i| self.g.is(i, cls::PREP)).unwrap_or(e);
        if self.g.w(e) != "," || self.r.has_name(s, head) {
            return None;
        }
        let (s2, e2) = self.g.np_after(e + 1, hi)?;
        let closes = e2 >= hi || matches!(self.g.w(e2), "," | "." | ";" | ")");
        (closes && self.r.has_name(s2, e2)).then(|| self.r.interpret(&self.mem, s2, e2)).flatten()
    }

    /// The subject before verb group `vg`: the noun phrase right before it, or a
    /// name in apposition ("Le ministre, Jean Dupont, a déclaré").
    fn subject_before(&self, vg: &VerbGroup, lo: usize) -> Option<Speaker> {
        let g = self.g;
        if vg.start > lo + 1 && g.w(vg.start - 1) == "," {
            if let Some((s, e)) = g.np_before(vg.start - 1, lo) {
                if s > lo && g.w(s - 1) == "," && self.r.has_name(s, e) {
                    return self.r.interpret(&self.mem, s, e);
                }
            }
            // "Mr Trump, who narrowly won the state, said" / "X, membre du
            // bureau politique, a déclaré": the name before the inserted phrase.
            let floor = lo.max(vg.start.saturating_sub(25));
            let k = (floor..vg.start - 1).rev().find(|&i| g.w(i) == ",")?;
            let (s, e) = g.np_before(k, lo)?;
            let opens = s == lo || matches!(g.w(s - 1), "," | ":" | ";");
            return (opens && self.r.has_name(s, e))
                .then(|| self.r.interpret(&self.mem, s, e))
                .flatten();
        }
        let (s, e) = g.np_before(vg.start, lo)?;
        // "The Syrian Observatory for Human Rights said": a role with its
        // complement is one subject.
        if s > lo + 1 && matches!(g.w(s - 1), "of" | "for") {
            if let Some((s2, e2)) = g.np_before(s - 1, lo) {
                let opens = s2 == lo || g.punct(s2 - 1);
                if opens && e2 == s - 1 && self.r.has_role(s2, e2) {
                    return self.r.interpret(&self.mem, s2, e);
                }
            }
        }
        self.r.interpret(&self.mem, s, e)
    }

    /// `"…", a déclaré X` / `"…", X said` right after the closing mark.
    fn adjacent_after(&self, t_after: usize, hi: usize) -> Option<Found> {
        let mut j = t_after;
        while j < hi && matches!(self.g.w(j), "," | "—" | "–" | "-" | "(") {
            j += 1;
        }
        if j >= hi {
            return None;
        }
        if let Some(vg) = self.g.verb_group_at(j, hi).filter(|v| !v.participle) {
            let speaker = self.inverted_subject(&vg, hi)?;
            return Some(Found { speaker, verb: Some(vg), at: vg.start });
        }
        let (s, e) = self.subject_then_verb(j, hi)?;
        Some(Found { at: e.start, speaker: s, verb: Some(e) })
    }

    /// `X said` / `Amy Smith, the university's vice president, said` from token `j`.
    fn subject_then_verb(&self, j: usize, hi: usize) -> Option<(Speaker, VerbGroup)> {
        let limit = hi.min(j + 25);
        let vg = self.g.first_verb_group(j, limit).filter(|v| !v.participle)?;
        if let Some(speaker) = self.apposed_subject(j, &vg) {
            return Some((speaker, vg));
        }
        let (s, e) = self.g.np_after(j, vg.start)?;
        // "a senior commander in Kataib Hezbollah told Reuters": a complement.
        let complement = self.g.is(e, cls::PREP)
            && vg.start - e <= 6
            && (e + 1..vg.start).all(|i| !self.g.punct(i) && !self.g.is(i, cls::CONJ));
        let e = if complement { vg.start } else { e };
        let reaches =
            e == vg.start || (self.g.w(e) == "," && self.commas_between(e, vg.start) <= 2);
        if !reaches || self.g.toks[s].w.starts_with('-') {
            return None;
        }
        let speaker = self.r.interpret(&self.mem, s, e)?;
        Some((speaker, vg))
    }

    fn commas_between(&self, lo: usize, hi: usize) -> usize {
        (lo..hi).filter(|&i| self.g.w(i) == ",").count()
    }

    /// The reporting verb before a quote in its sentence; the flag is true when
    /// the quote sits in a reported clause (que/that), so that a later incise
    /// is a relay rather than the speaker.
    fn before(&self, lo: usize, t_open: usize) -> Option<(Found, bool)> {
        // The closest verb group whose speaker resolves ("The group said it would
        // continue to target "…"": "it would continue" does not resolve).
        let groups = self.verb_groups(lo, t_open);
        groups.iter().rev().take(3).find_map(|vg| self.before_with(vg, lo, t_open))
    }

    fn before_with(&self, vg: &VerbGroup, lo: usize, t_open: usize) -> Option<(Found, bool)> {
        // "would continue to target", "a promis de": an infinitive, not speech.
        if matches!(self.g.w(vg.end), "to" | "à" | "de" | "d'") && vg.end + 1 < t_open {
            return None;
        }
        let gap = vg.end..t_open;
        if gap.clone().any(|i| matches!(self.g.w(i), "." | ";" | "!" | "?")) || gap.len() > 20 {
            return None;
        }
        let clause = gap.clone().any(|i| self.g.is(i, cls::CONJ))
            || !gap.clone().all(|i| self.g.punct(i) || vg.flags.hearer);
        let speaker = if vg.participle {
            self.speaker_before(vg.start)
        } else if let Some(c) = vg.clitic {
            self.resolve_clitic(c)
        } else {
            // "a déclaré le ministre : « … »": an inverted subject right before the quote.
            let inverted = || {
                let sp = self.inverted_subject(vg, t_open)?;
                let np_end = self
                    .g
                    .np_after(self.skip_hearer(self.skip_time(vg.end, t_open), t_open), t_open)?
                    .1;
                (np_end..t_open).all(|i| self.g.punct(i)).then_some(sp)
            };
            self.subject_before(vg, lo).or_else(inverted)
        }?;
        Some((Found { speaker, verb: Some(*vg), at: vg.start }, clause))
    }

    /// The verb groups in `[lo, hi)` outside quotes, in order.
    fn verb_groups(&self, lo: usize, hi: usize) -> Vec<VerbGroup> {
        let mut i = lo;
        let mut out = Vec::new();
        while i < hi {
            match self.g.verb_group_at(i, hi) {
                Some(vg) if !self.masked(i) => {
                    out.push(vg);
                    i = vg.end;
                }
                _ => i += 1,
            }
        }
        out
    }

    fn last_verb_group(&self, lo: usize, hi: usize) -> Option<VerbGroup> {
        self.verb_groups(lo, hi).pop()
    }

    /// A relaying incise later in the sentence: `, rappelle le site web` /
    /// `, selon X` / `, a-t-il ajouté`.
    fn relay(&self, from: usize, hi: usize) -> Option<Found> {
        (from..hi).filter(|&k| self.g.w(k) == "," && !self.masked(k)).find_map(|k| {
            if let Some(vg) = self.g.verb_group_at(k + 1, hi).filter(|v| !v.participle) {
                let speaker = self.inverted_subject(&vg, hi)?;
                return Some(Found { speaker, verb: Some(vg), at: vg.start });
            }
            let (n, _) = self.marker_at(k + 1)?;
            let (s, e) = self.g.np_after(k + 1 + n, hi)?;
            let speaker = self.r.interpret(&self.mem, s, e)?;
            Some(Found { speaker, verb: None, at: k + 1 })
        })
    }

    /// A relaying marker ("quoted by X", "cité par X") in `[from, hi)`.
    fn via_marker(&self, from: usize, hi: usize) -> Option<Found> {
        (from..hi).find_map(|k| {
            let (n, true) = self.marker_at(k)? else { return None };
            let (s, e) = self.g.np_after(k + n, hi)?;
            let speaker = self.r.interpret(&self.mem, s, e)?;
            Some(Found { speaker, verb: None, at: k })
        })
    }

    /// A marker source before the quote in the same sentence ("Selon X, « … »").
    fn marker_source(&self, lo: usize, hi: usize) -> Option<Found> {
        (lo..hi).find_map(|k| {
            let (n, _) = self.marker_at(k)?;
            let (s, e) = self.g.np_after(k + n, hi)?;
            let speaker = self.r.interpret(&self.mem, s, e)?;
            Some(Found { speaker, verb: None, at: k })
        })
    }

    /// A quote opening its sentence right after a sentence ending in a colon that
    /// introduces it: "Le ministre a déclaré : / « … »".
    fn introduced(&self, si: usize, lo: usize, t_open: usize) -> Option<Found> {
        if t_open != lo || si == 0 {
            return None;
        }
        let seg = self.a.seg;
        let prev = seg.sentences.get(si - 1)?;
        let last = prev.tokens.end.checked_sub(1)?;
        if self.g.w(last) != ":"
            || self.a.seg.paragraphs.get(prev.paragraph).is_none_or(|p| p.boilerplate)
        {
            return None;
        }
        self.before(prev.tokens.start, last).map(|(f, _)| f)
    }

    /// A whole-sentence quote with no verb continues the last quote's speaker
    /// (same or previous paragraph).
    fn continuation(
        &self,
        q: &QuoteMarks,
        lo: usize,
        t_open: usize,
        pi: usize,
        words: usize,
    ) -> Option<Found> {
        let (qp, speaker) = self.last_quote.as_ref()?;
        let starts_sentence = t_open == lo;
        (starts_sentence && words >= 4 && pi <= qp + 1 && q.inner.len() > 20).then(|| Found {
            speaker: speaker.clone(),
            verb: None,
            at: t_open,
        })
    }

    /// A source marker starting at token `k`: its length in tokens and whether it relays.
    fn marker_at(&self, k: usize) -> Option<(usize, bool)> {
        if !self.g.is(k, cls::MARKER) || self.masked(k) {
            return None;
        }
        self.g
            .lex
            .markers
            .iter()
            .find(|m| m.words.iter().enumerate().all(|(i, w)| self.g.w(k + i) == w))
            .filter(|m| !m.named || self.named_source_at(k + m.words.len()))
            .map(|m| (m.words.len(), m.via))
    }

    /// True when a name, a tagged actor or a role noun follows at `k` ("Pour
    /// Human Rights Watch", "Pour le ministre"), not "Pour la première fois".
    fn named_source_at(&self, k: usize) -> bool {
        let hi = self.toks().len();
        let Some((s, e)) = self.g.np_after(k, hi.min(k + 12)) else { return false };
        self.r.has_proper_name(s, e) || self.r.has_role(s, e)
    }

    // ---------- claims ----------

    fn claims_in(&mut self, range: Range<usize>) {
        let (lo, hi) = (range.start, range.end);
        self.marker_claims(lo, hi);
        // (Before the verbs: "ont revendiqué l'attentat, affirmant avoir tué" continues it.)
        self.responsibility_claims(lo, hi);
        self.verb_claims(lo, hi, false);
        self.incise_claims(lo, hi);
        // "…, the health ministry said, adding that …": the participle continues
        // the incise found after it.
        self.verb_claims(lo, hi, true);
    }

    fn push_claim(&mut self, speaker: &Speaker, lo: usize, hi: usize, marker: Option<String>) {
        self.push_claim_min(speaker, lo, hi, marker, 3);
    }

    /// [`Run::push_claim`] for a clause of at least `min` tokens.
    fn push_claim_min(
        &mut self,
        speaker: &Speaker,
        lo: usize,
        hi: usize,
        marker: Option<String>,
        min: usize,
    ) {
        let lo = self.skip_dateline(lo, hi);
        let (lo, hi) = self.trim_clause(lo, hi);
        if hi <= lo || hi - lo < min {
            return;
        }
        let span = self.span_of(lo, hi);
        if self.claims.iter().any(|c| Span::new(c.start, c.end).overlaps(&span)) {
            return;
        }
        // A clause that is only a direct quote is a quote, not a claim.
        if self.masks.iter().any(|m| m.contains(&span)) {
            return;
        }
        self.claims.push(Claim {
            source: speaker.sref.clone(),
            text: span.slice(self.a.text()).to_string(),
            start: span.start,
            end: span.end,
            marker,
        });
    }

    /// Skips a dateline opening a clause: "BAGHDAD (Reuters) -", "GAZA, 12 mars (AFP) –".
    fn skip_dateline(&self, lo: usize, hi: usize) -> usize {
        let g = self.g;
        let Some(dash) = (lo..hi.min(lo + 12)).find(|&i| matches!(g.w(i), "-" | "–" | "—"))
        else {
            return lo;
        };
        let shouting = |i: usize| {
            let t = self.a.text().get(g.toks[i].span.start..g.toks[i].span.end).unwrap_or("");
            t.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !t.chars().any(char::is_lowercase)
        };
        let dateline = dash > lo && (g.w(dash - 1) == ")" || (lo..dash).any(shouting));
        if dateline {
            dash + 1
        } else {
            lo
        }
    }

    fn trim_clause(&self, mut lo: usize, mut hi: usize) -> (usize, usize) {
        while lo < hi && self.g.punct(lo) && !is_quote_mark(self.g.w(lo)) {
            lo += 1;
        }
        while hi > lo && self.g.punct(hi - 1) && !is_quote_mark(self.g.w(hi - 1)) {
            hi -= 1;
        }
        (lo, hi)
    }

    /// Where a reported clause starting at `from` ends: the sentence end, a
    /// semicolon, or a comma opening an incise or a marker.
    fn clause_end(&self, from: usize, hi: usize) -> usize {
        (from..hi)
            .find(|&k| {
                !self.masked(k)
                    && (self.g.w(k) == ";"
                        || (self.g.w(k) == ","
                            && (self.incise_at(k + 1, hi) || self.marker_at(k + 1).is_some())))
            })
            .unwrap_or(hi)
    }

    fn incise_at(&self, k: usize, hi: usize) -> bool {
        self.g.verb_group_at(k, hi).is_some_and(|v| {
            v.clitic.is_some()
                || (v.participle && self.conj_after(&v, hi).is_some())
                || (v.flags.inverted && !v.flags.hearer && self.g.np_after(v.end, hi).is_some())
        })
    }

    /// `Selon X, …` / `…, according to X.`
    fn marker_claims(&mut self, lo: usize, hi: usize) {
        for k in lo..hi {
            let Some((n, false)) = self.marker_at(k) else { continue };
            let Some((s, e)) = self.g.np_after(k + n, hi) else { continue };
            let Some(speaker) = self.r.interpret(&self.mem, s, e) else { continue };
            let marker = Some(self.span_of(k, k + n).slice(self.a.text()).to_string());
            let opens =
                (lo..k).all(|i| self.g.punct(i) || self.g.is(i, cls::ADV) || self.toks()[i].cap);
            self.note(k, &speaker);
            // "D'après des témoins cités par Reuters, …": the clause starts after the comma.
            let comma = (e..hi.min(e + 12)).find(|&i| self.g.w(i) == "," || self.masked(i));
            if let (true, Some(c)) = (opens, comma.filter(|&c| self.g.w(c) == ",")) {
                let end = self.clause_end(c + 1, hi);
                self.push_claim(&speaker, c + 1, end, marker);
            } else if k > lo && self.g.w(k - 1) == "," {
                let start = self.clause_start(lo, k - 1);
                self.push_claim(&speaker, start, k - 1, marker);
            } else if k > lo + 2 && (e..hi).all(|i| self.g.punct(i)) {
                // "Douze civils ont été tués selon l'OSDH."
                let start = self.clause_start(lo, k);
                self.push_claim(&speaker, start, k, marker);
            }
        }
    }

    /// Start of the clause that ends at token `end`: after the last incise or
    /// semicolon before it, else the sentence start.
    fn clause_start(&self, lo: usize, end: usize) -> usize {
        (lo..end).rev().find(|&i| self.g.w(i) == ";").map_or(lo, |i| i + 1)
    }

    /// The que/that token after verb group `v`, allowing a short gap ("a déclaré
    /// mardi que", "said in a statement that").
    fn conj_after(&self, v: &VerbGroup, hi: usize) -> Option<usize> {
        let g = self.g;
        (v.end..hi.min(v.end + 6))
            .take_while(|&i| {
                !g.punct(i) && (i == v.end || g.verb_group_at(i, hi).is_none()) && g.w(i) != "en"
            })
            .find(|&i| g.is(i, cls::CONJ))
            .or_else(|| (g.punct(v.end) && g.is(v.end + 1, cls::CONJ)).then_some(v.end + 1))
            .filter(|&i| i == v.end || !g.punct(i - 1) || g.w(i - 1) == ",")
    }

    /// `X affirme que …`, `notant que …`, `X said (that) …` (only the
    /// participles with `continuing`).
    fn verb_claims(&mut self, lo: usize, hi: usize, continuing: bool) {
        let mut i = lo;
        while i < hi {
            let vg = match self.g.verb_group_at(i, hi) {
                Some(v) if v.flags.clause && !self.masked(i) => v,
                _ => {
                    i += 1;
                    continue;
                }
            };
            i = vg.end;
            if continuing && !vg.participle {
                continue;
            }
            let conj = self.conj_after(&vg, hi);
            let start = match conj {
                Some(c) => c + 1,
                None => match self.bare_clause(&vg, hi).or_else(|| self.infinitive_clause(&vg, hi))
                {
                    Some(s) => s,
                    None => continue,
                },
            };
            let speaker = if vg.participle {
                self.speaker_before(vg.start)
            } else if let Some(c) = vg.clitic {
                self.resolve_clitic(c)
            } else {
                self.subject_before(&vg, lo)
            };
            let Some(speaker) = speaker else { continue };
            let end = self.clause_end(start, hi);
            let span = self.span_of(start, end);
            if continuing && self.claims.iter().any(|c| Span::new(c.start, c.end).overlaps(&span)) {
                continue;
            }
            let mstart = if vg.participle && vg.start > lo && self.g.w(vg.start - 1) == "en" {
                vg.start - 1
            } else {
                vg.start
            };
            let marker_end = conj.filter(|&c| c == vg.end).map_or(vg.end, |c| c + 1);
            let marker = Some(self.span_of(mstart, marker_end).slice(self.a.text()).to_string());
            self.note(vg.start, &speaker);
            self.push_claim(&speaker, start, end, marker);
        }
    }

    /// English `said the attack was…` without "that": the clause starts right
    /// after the verb (or after the hearer of "told") when a determiner, pronoun
    /// or name follows.
    fn bare_clause(&self, vg: &VerbGroup, hi: usize) -> Option<usize> {
        let g = self.g;
        if !matches!(g.w(vg.end - 1), "said" | "says" | "say" | "told" | "tells") {
            return None;
        }
        let mut s = self.skip_time(vg.end, hi);
        if vg.flags.hearer {
            s = self.skip_time(g.np_after(s, hi)?.1, hi);
        }
        let t = g.toks.get(s).filter(|_| s < hi)?;
        let opens = t.cap || t.is(cls::DEF) || t.is(cls::INDEF) || g.lex.pronoun(&t.w).is_some();
        (opens && t.kind == TokenKind::Word && !t.is(cls::STOP) && hi - s > 3).then_some(s)
    }

    /// A claim made with an infinitive: "affirme avoir tué", "a dit n'avoir
    /// jamais", "claimed to have shot down": the clause starts at the infinitive.
    fn infinitive_clause(&self, vg: &VerbGroup, hi: usize) -> Option<usize> {
        let g = self.g;
        // "a affirmé à l'AFP avoir": past the hearer.
        let s = self.skip_hearer(self.skip_time(vg.end, hi), hi);
        let inf = |i: usize| matches!(g.w(i), "avoir" | "être");
        let fr = inf(s)
            || (matches!(g.w(s), "n'" | "ne")
                && (inf(s + 1)
                    || (matches!(g.w(s + 1), "pas" | "jamais" | "plus" | "rien") && inf(s + 2))));
        let en = g.w(vg.end - 1).starts_with("claim") && g.w(s) == "to" && g.w(s + 1) == "have";
        // "conditions which they claim to have deteriorated": the claim's subject
        // is the relative, outside the span.
        let relative = (vg.start.saturating_sub(3)..vg.start)
            .any(|i| matches!(g.w(i), "which" | "that" | "whom" | "que" | "qu'" | "dont"));
        ((fr || en) && hi > s + 2 && !relative && !self.passive(vg)).then_some(s)
    }

    /// A passive verb group ("was told", "were reported", "a été revendiquée"),
    /// whose subject is not the speaker.
    fn passive(&self, vg: &VerbGroup) -> bool {
        let g = self.g;
        let be = |i: usize| {
            matches!(g.w(i), "was" | "were" | "is" | "are" | "been" | "being" | "be" | "été")
        };
        be(vg.start) || (vg.start > 0 && be(vg.start - 1))
    }

    /// Skips the hearer before an inverted subject: "a indiqué à l'AFP une source".
    fn skip_hearer(&self, from: usize, hi: usize) -> usize {
        let g = self.g;
        if !matches!(g.w(from), "à" | "au" | "aux") {
            return from;
        }
        let mut j = from + 1;
        if g.is(j, cls::DEF) {
            j += 1;
        }
        // One word for the hearer ("l'AFP", "la presse"), and the name after a
        // common noun ("l'agence Reuters").
        if j < hi && !g.punct(j) {
            j += 1;
            if !g.toks[j - 1].cap {
                while j < hi && g.toks[j].cap {
                    j += 1;
                }
            }
        }
        self.skip_time(j, hi)
    }

    /// Skips time and channel adjuncts after a verb: "on Sunday", "late Monday",
    /// "yesterday", "in a statement".
    fn skip_time(&self, mut j: usize, hi: usize) -> usize {
        let g = self.g;
        let is_time = |i: usize| g.is(i, cls::TIME);
        while j < hi {
            if is_time(j) {
                j += 1;
            } else if matches!(g.w(j), "on" | "late" | "early" | "le") && is_time(j + 1) {
                j += 2;
            } else if matches!(g.w(j), "in" | "dans")
                && (g.is(j + 1, cls::DEF) || g.is(j + 1, cls::INDEF))
                && matches!(
                    g.w(j + 2),
                    "statement" | "interview" | "speech" | "address" | "communiqué" | "entretien"
                )
            {
                j += 3;
            } else {
                break;
            }
        }
        j
    }

    /// Claims of responsibility: "Al-Shabaab claimed responsibility for the
    /// attack", "La BLA a revendiqué les attaques" (the claim is the object), and
    /// "L'attaque a été revendiquée par le JNIM" (the claim is the subject).
    /// Never when negated ("no group has claimed", "n'a pas été revendiquée").
    fn responsibility_claims(&mut self, lo: usize, hi: usize) {
        let g = self.g;
        let claims = |i: usize| g.w(i).starts_with("revendiqu") || g.w(i).starts_with("claim");
        let negated = (lo..hi).any(|i| g.is(i, cls::NEG));
        if negated {
            return;
        }
        let mut i = lo;
        while i < hi {
            let Some(vg) = g.verb_group_at(i, hi).filter(|v| !self.masked(i) && claims(v.end - 1))
            else {
                // "L'attaque a été revendiquée par le JNIM."
                if claims(i) && i > lo && matches!(g.w(i - 1), "été" | "was" | "were" | "been") {
                    self.claimed_by(lo, i, hi);
                }
                i += 1;
                continue;
            };
            i = vg.end;
            if self.passive(&vg) {
                self.claimed_by(lo, vg.end - 1, hi);
                continue;
            }
            if vg.participle {
                continue;
            }
            let o = self.skip_time(vg.end, hi);
            let Some(end) = self.claimed_object(o, hi) else { continue };
            let speaker = match vg.clitic {
                Some(c) => self.resolve_clitic(c),
                None => self.subject_before(&vg, lo),
            };
            let Some(speaker) = speaker else { continue };
            let marker = Some(self.verb_text(&vg));
            self.note(vg.start, &speaker);
            self.push_claim_min(&speaker, o, end, marker, 1);
        }
    }

    /// The end of what a group claims, from token `o`: responsibility or an
    /// attack ("responsibility for the attack", "l'attentat de mardi"), cut
    /// before the channel ("in a statement", "through its Amaq news agency").
    fn claimed_object(&self, o: usize, hi: usize) -> Option<usize> {
        let g = self.g;
        let attack = |i: usize| g.is(i, cls::DEED);
        let head = if matches!(g.w(o), "responsibility" | "credit") {
            o
        } else {
            let det = g.is(o, cls::DEF) || g.is(o, cls::INDEF) || g.is(o, cls::POSS);
            (o + 1..hi.min(o + 4)).take_while(|&i| !g.punct(i)).find(|&i| attack(i))?;
            if !det {
                return None;
            }
            o
        };
        // (A full stop inside the sentence is an abbreviation: "for Dec. 10 bombings".)
        let cut = |i: usize| {
            (g.punct(i) && !(g.w(i) == "." && i + 1 < hi && !g.punct(i + 1)))
                || g.is(i, cls::CONJ)
                || g.verb_group_at(i, hi).is_some()
                // "on Monday", "on its Telegram channel", not "an attack on a ship".
                || (g.w(i) == "on"
                    && (g.is(i + 1, cls::TIME | cls::POSS) || matches!(g.w(i + 1), "telegram" | "social")))
                || matches!(
                    g.w(i),
                    "in" | "through"
                        | "via"
                        | "and"
                        | "but"
                        | "saying"
                        | "dans"
                        | "sur"
                        | "par"
                        | "et"
                        | "mais"
                        | "qui"
                        | "which"
                        | "who"
                        | "disant"
                        | "affirmant"
                )
        };
        Some((head + 1..hi).find(|&i| cut(i)).unwrap_or(hi))
    }

    /// "L'attaque a été revendiquée par le JNIM" / "The attack was claimed by
    /// Islamic State": the subject before the passive at `v` is the claim.
    fn claimed_by(&mut self, lo: usize, v: usize, hi: usize) {
        let g = self.g;
        if !matches!(g.w(v + 1), "par" | "by") {
            return;
        }
        let Some((s, e)) = g.np_after(v + 2, hi) else { return };
        if !(self.r.has_name(s, e) || self.r.has_role(s, e)) {
            return;
        }
        let Some(speaker) = self.r.interpret(&self.mem, s, e) else { return };
        // The auxiliaries before the participle: "a été", "has been", "was".
        let mut a = v;
        while a > lo && (g.lowercase_aux(a - 1) || g.w(a - 1) == "été" || g.w(a - 1) == "been") {
            a -= 1;
        }
        let Some((ss, se)) = g.np_before(a, lo) else { return };
        let nouny = (ss..se).all(|i| !g.is(i, cls::PRONOUN)) && se - ss >= 2;
        if !nouny || (ss > lo && !g.punct(ss - 1)) {
            return;
        }
        let marker = Some(self.span_of(v, v + 2).slice(self.a.text()).to_string());
        self.note(v, &speaker);
        self.push_claim_min(&speaker, ss, se, marker, 2);
    }

    /// `…, officials said.` / `…, a déclaré X.` / `Toutefois, poursuit-il, …`.
    fn incise_claims(&mut self, lo: usize, hi: usize) {
        for k in lo..hi {
            if self.g.w(k) != "," || self.masked(k) {
                continue;
            }
            let Some((found, tail_end)) = self.incise(k + 1, hi) else { continue };
            let marker = found.verb.as_ref().map(|v| self.verb_text(v));
            if self.g.w(tail_end) == "," && found.verb.is_some_and(|v| v.clitic.is_some()) {
                // Mid-sentence incise: the claim follows it.
                self.note(found.at, &found.speaker);
                let end = self.clause_end(tail_end + 1, hi);
                self.push_claim(&found.speaker, tail_end + 1, end, marker);
            } else if self.g.w(tail_end) == ","
                || self.trim_clause(tail_end, hi).0 >= self.trim_clause(tail_end, hi).1
            {
                // Final incise: the claim is what precedes it.
                let start = self.clause_start(lo, k);
                if (start..k).any(|i| self.masked(i))
                    || self.last_verb_group(start, k).is_some_and(|v| v.flags.clause)
                {
                    continue;
                }
                self.note(found.at, &found.speaker);
                self.push_claim(&found.speaker, start, k, marker);
            }
        }
    }

    /// An incise at token `j`: verb first (`a déclaré X`, `poursuit-il`) or subject
    /// first (`officials said on Wednesday`); returns it and the token after it.
    fn incise(&self, j: usize, hi: usize) -> Option<(Found, usize)> {
        if let Some(vg) =
            self.g.verb_group_at(j, hi).filter(|v| !v.participle && !self.base_form(v))
        {
            let speaker = self.inverted_subject(&vg, hi)?;
            if vg.clitic.is_none() {
                // "…, said the group had captured the district": the subject of a
                // reported clause; "…, claimed the attack": an object. Not incises.
                let from = self.skip_hearer(self.skip_time(vg.end, hi), hi);
                let (s, e) = self.g.np_after(from, hi)?;
                let pronoun = e == s + 1 && self.g.is(s, cls::PRONOUN);
                let named = self.r.has_name(s, e) || self.r.has_role(s, e);
                if self.g.lowercase_aux(e) || !(named || pronoun) {
                    return None;
                }
            }
            let end = if vg.clitic.is_some() {
                vg.end
            } else {
                self.g.np_after(vg.end, hi).map_or(vg.end, |n| n.1)
            };
            return Some((
                Found { speaker, verb: Some(vg), at: vg.start },
                self.skip_adjuncts(end, hi),
            ));
        }
        let g = self.g;
        if g.verb_group_at(j, hi).is_some_and(|v| !self.base_form(&v)) {
            return None;
        }
        let vg = g
            .first_verb_group(j + 1, hi.min(j + 20))
            .filter(|v| !v.participle && v.start > j && !self.passive(v))?;
        // "in Macuto, Vargas state, …": a state, not a verb.
        if self.base_form(&vg) && g.w(vg.start) == "state" {
            return None;
        }
        let (s, e) = g.np_after(j, vg.start)?;
        let speaker = if e == vg.start && e - j < 8 {
            self.r.interpret(&self.mem, s, e)?
        } else if matches!(g.w(e), "and" | "et") && e + 1 < vg.start {
            // "…, a local resistance group and residents said."
            let (s2, e2) = g.np_after(e + 1, vg.start)?;
            self.r.interpret(&self.mem, s, e)?;
            self.r.interpret(&self.mem, s2, e2)?;
            (e2 == vg.start).then(|| self.r.phrase(s, e2)).flatten()?
        } else {
            self.apposed_subject(j, &vg)?
        };
        Some((Found { speaker, verb: Some(vg), at: vg.start }, self.skip_adjuncts(vg.end, hi)))
    }

    /// A subject from token `j` to verb group `vg` made of a role and a name in
    /// apposition: "the governor of Norte de Santander, William Villamizar, said"
    /// (the name after the role) or "Ahmed Ali, a resident, said" (before it).
    fn apposed_subject(&self, j: usize, vg: &VerbGroup) -> Option<Speaker> {
        let g = self.g;
        if vg.start < j + 4 || g.w(vg.start - 1) != "," || self.commas_between(j, vg.start) != 2 {
            return None;
        }
        let inner = (j..vg.start).all(|i| {
            !g.is(i, cls::CONJ)
                && !g.is(i, cls::PRONOUN)
                && !g.lowercase_aux(i)
                && (!g.punct(i) || matches!(g.w(i), "," | "'s" | "'"))
        });
        let (s, e) = g.np_after(j, vg.start)?;
        let (ns, ne) = g.np_before(vg.start - 1, j)?;
        if !inner || ns <= j || g.w(ns - 1) != "," {
            return None;
        }
        // ("the Harakat Sawa'd Misr, or Hasam Movement, said": the first name.)
        let alias = matches!(g.w(ns), "or" | "ou");
        if self.r.has_name(ns, ne) && !alias {
            self.r.interpret(&self.mem, ns, ne)
        } else if g.w(e) == "," && (ns == e + 1 || alias) && self.r.has_name(s, e) {
            self.r.interpret(&self.mem, s, e)
        } else {
            None
        }
    }

    /// Skips a short time or channel adjunct after an incise ("on Wednesday",
    /// "in a statement", "mardi", "dans un communiqué").
    fn skip_adjuncts(&self, from: usize, hi: usize) -> usize {
        let mut j = from;
        while j < hi
            && j - from < 6
            && !self.g.punct(j)
            && !self.g.is(j, cls::CONJ)
            && self.g.verb_group_at(j, hi).is_none()
        {
            j += 1;
        }
        j
    }
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "”" | "“" | "«" | "»" | "‘" | "’")
}

/// A speaker reference for tests and callers that only have a name.
#[cfg(test)]
fn name_ref(text: &str) -> SourceRef {
    SourceRef { text: text.to_string(), canonical: None, entity: None }
}

#[cfg(test)]
mod tests;
