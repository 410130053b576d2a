//! A token view of the document and the few phrase shapes attribution needs:
//! verb groups ("a-t-il affirmé", "a récemment déclaré", "has said") and speaker
//! noun phrases before or after them.

use crate::lexicon::{cls, norm_word, LangLexicon, VerbFlags};
use sitrep_model::{Analysis, Span, TokenKind};
use std::borrow::Cow;

/// One token with its lowercased form.
#[derive(Debug, Clone)]
pub struct Tok<'t> {
    /// Byte range.
    pub span: Span,
    /// Token kind from the segmenter.
    pub kind: TokenKind,
    /// Lowercase form, apostrophes as `'`.
    pub w: Cow<'t, str>,
    /// True when the token starts with an uppercase letter.
    pub cap: bool,
    /// True when the token looks like part of a name: capitalised, or a
    /// lowercase particle glued to a capitalised word ("al-Saadi", "ez-Zor").
    pub name: bool,
    /// Closed word classes ([`cls`] bits).
    pub bits: u32,
    /// Reporting-verb flags when the token is a reporting verb form.
    pub verb: Option<VerbFlags>,
}

impl Tok<'_> {
    /// True when the token belongs to one of the classes in `bits`.
    pub fn is(&self, bits: u32) -> bool {
        self.bits & bits != 0
    }
}

/// Builds the token view of `a`.
pub fn tokens<'t>(a: &Analysis<'t>, lex: &LangLexicon) -> Vec<Tok<'t>> {
    let text = a.text();
    a.seg
        .tokens
        .iter()
        .map(|t| {
            let s = t.span.slice(text);
            let plain = !s.chars().any(|c| c.is_uppercase() || c == '’' || c == 'ʼ');
            let w = if plain { Cow::Borrowed(s) } else { Cow::Owned(norm_word(s)) };
            let cap = s.chars().next().is_some_and(char::is_uppercase);
            let glued = s.contains('-')
                && s.split('-').skip(1).any(|p| p.chars().next().is_some_and(char::is_uppercase));
            let (bits, verb) =
                if t.kind == TokenKind::Punct { (0, None) } else { (lex.bits(&w), lex.verb(&w)) };
            Tok { span: t.span, kind: t.kind, w, cap, name: cap || glued, bits, verb }
        })
        .collect()
}

/// A reporting verb group: `[aux] [clitic] [adverbs] verb [clitic]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The inverted subject clitic ("-t-il", "-il"), if any.
    pub clitic: Option<usize>,
    /// What the verb allows.
    pub flags: VerbFlags,
    /// True for a present participle ("notant", "adding").
    pub participle: bool,
}

/// Grammar helpers over the token view.
pub struct Grammar<'a, 't> {
    /// Tokens.
    pub toks: &'a [Tok<'t>],
    /// Word lists.
    pub lex: &'a LangLexicon,
}

impl<'a, 't> Grammar<'a, 't> {
    /// Lowercase word at `i` ("" past the end or for punctuation).
    pub fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.w.as_ref())
    }

    /// True when token `i` exists and belongs to one of the classes in `bits`.
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(bits))
    }

    /// True when token `i` is punctuation (or does not exist).
    pub fn punct(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol))
    }

    fn is_clitic(&self, i: usize) -> bool {
        self.w(i).starts_with('-') && self.toks.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    /// The verb group starting exactly at token `i`, within `[i, hi)`.
    pub fn verb_group_at(&self, i: usize, hi: usize) -> Option<VerbGroup> {
        let mut j = i;
        let mut aux = false;
        // A reflexive pronoun opens the group: "s'est dit", "se félicite".
        if j + 1 < hi
            && matches!(self.w(j), "s'" | "se")
            && (self.is(j + 1, cls::AUX) || self.verb_at(j + 1).is_some())
        {
            j += 1;
        }
        if j < hi && self.is(j, cls::AUX) && !self.toks[j].cap {
            aux = true;
            j += 1;
        }
        let mut clitic = None;
        if j < hi && self.is_clitic(j) {
            clitic = Some(j);
            j += 1;
        }
        let mut adverbs = 0;
        while j < hi
            && adverbs < 3
            && (self.is(j, cls::ADV) || self.manner_adverb(j, aux || clitic.is_some()))
            && self.verb_at(j).is_none()
        {
            j += 1;
            adverbs += 1;
        }
        if j < hi && (self.w(j) == "s'" || self.w(j) == "se") {
            j += 1;
        }
        let (flags, len) = self.verb_at(j).filter(|_| j < hi)?;
        // "an impending recount", "a freshly written": after a determiner it is a noun or adjective.
        if i > 0 && self.is(i - 1, cls::DEF | cls::INDEF | cls::POSS) && !aux && clitic.is_none() {
            return None;
        }
        // A French past participle without auxiliary is passive or adjectival
        // ("se sentent menacés"), never an incise.
        if !aux
            && clitic.is_none()
            && ["é", "ée", "és", "ées"].iter().any(|e| self.w(j).ends_with(e))
        {
            return None;
        }
        let participle = !aux && (self.w(j).ends_with("ant") || self.w(j).ends_with("ing"));
        let mut end = j + len;
        if clitic.is_none() && end < hi && self.is_clitic(end) {
            clitic = Some(end);
            end += 1;
        }
        Some(VerbGroup { start: i, end, clitic, flags, participle })
    }

    /// A reporting verb (one or several words) at `j`: its flags and length in tokens.
    fn verb_at(&self, j: usize) -> Option<(VerbFlags, usize)> {
        let t = self.toks.get(j)?;
        if t.cap || t.kind != TokenKind::Word {
            return None;
        }
        if let Some(f) = t.verb {
            return Some((f, 1));
        }
        if !t.is(cls::PHRASE) {
            return None;
        }
        self.lex
            .verb_phrases
            .iter()
            .find(|(ws, _)| ws.iter().enumerate().all(|(k, w)| self.w(j + k) == w))
            .map(|(ws, f)| (*f, ws.len()))
    }

    /// The first verb group starting in `[lo, hi)`, not inside any of `masks`.
    pub fn first_verb_group(&self, lo: usize, hi: usize) -> Option<VerbGroup> {
        (lo..hi).find_map(|i| self.verb_group_at(i, hi))
    }

    /// The noun phrase right after token `i` (an inverted subject or a source
    /// after a marker): tokens up to punctuation or a stop word.
    pub fn np_after(&self, i: usize, hi: usize) -> Option<(usize, usize)> {
        let mut j = i;
        // (A line break ends it: "…, annonce Washington" closes a headline before the
        // dateline's "WASHINGTON".)
        let broken = |j: usize| j > i && self.toks[j].span.start > self.toks[j - 1].span.end + 1;
        while j < hi
            && j - i < 12
            && self.np_token(j, j == i)
            && !self.lowercase_aux(j)
            && !broken(j)
        {
            j += 1;
        }
        (j > i).then_some((i, j))
    }

    /// The noun phrase ending right before token `v` and starting no earlier than `lo`.
    pub fn np_before(&self, v: usize, lo: usize) -> Option<(usize, usize)> {
        let mut j = v;
        loop {
            // A parenthesised acronym: "L'Organisation mondiale de la santé (OMS)".
            if j > lo + 2 && self.w(j - 1) == ")" {
                if let Some(open) =
                    (j.saturating_sub(5).max(lo)..j - 1).rev().find(|&i| self.w(i) == "(")
                {
                    if open > lo {
                        j = open;
                        continue;
                    }
                }
            }
            break;
        }
        while j > lo
            && v - j < 12
            && self.np_token(j - 1, false)
            && self.verb_at(j - 1).is_none()
            && !self.lowercase_aux(j - 1)
        {
            j -= 1;
        }
        (j < v).then_some((j, v))
    }

    /// "subsequently", "a publiquement déclaré": a lowercase -ly word not after a
    /// determiner ("the daily" is a noun), or a French -ment word after an
    /// auxiliary ("le gouvernement" is a noun).
    fn manner_adverb(&self, j: usize, after_aux: bool) -> bool {
        let Some(t) = self.toks.get(j) else { return false };
        if t.cap || t.kind != TokenKind::Word || t.w.len() <= 5 {
            return false;
        }
        let ly = t.w.ends_with("ly") && !(j > 0 && self.is(j - 1, cls::DEF | cls::INDEF));
        ly || (after_aux && t.w.ends_with("ment"))
    }

    /// True when token `j` is a lowercase auxiliary.
    pub fn lowercase_aux(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| t.is(cls::AUX) && !t.cap)
    }

    fn np_token(&self, j: usize, first: bool) -> bool {
        let Some(t) = self.toks.get(j) else { return false };
        match t.kind {
            TokenKind::Word | TokenKind::Elision | TokenKind::Number => {}
            TokenKind::Punct => {
                // Possessive "'s" and the dot of "Mr." stay inside a name.
                return matches!(t.w.as_ref(), "'s" | "'") && !first;
            }
            _ => return false,
        }
        if t.name && !(t.cap && t.is(cls::TIME) && !first) {
            return true;
        }
        if t.is(cls::TIME) {
            return false;
        }
        if t.is(cls::PARTICLE) && self.toks.get(j + 1).is_some_and(|n| n.name) {
            return true;
        }
        !t.is(cls::STOP) && !t.is(cls::CONJ)
    }
}
