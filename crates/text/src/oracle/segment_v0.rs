//! The segment implementation before the byte-level fast paths (issue 2), kept
//! as a test oracle: its own algorithm, the live word tables. The fast code
//! must give identical output.
#![allow(dead_code)]

use crate::segment::{
    ABBREVIATIONS, BOILERPLATE_PREFIXES, CLITICS, ELISIONS, NUMBER_ABBREVIATIONS,
};
use sitrep_model::{Lang, Paragraph, Segmented, Sentence, Span, Token, TokenKind};

/// A segmentation stage: one required method.
pub trait Segmenter: Send + Sync {
    /// Splits `text` into paragraphs, sentences and tokens.
    fn segment(&self, text: &str) -> Segmented;
}

/// The rule-based segmenter described in the module docs.
#[derive(Debug, Clone, Copy)]
pub struct RuleSegmenter {
    lang: Lang,
}

impl RuleSegmenter {
    /// A segmenter with the rules of `lang` (French elision and clitics only
    /// apply to French).
    pub fn new(lang: Lang) -> RuleSegmenter {
        RuleSegmenter { lang }
    }
}

impl Segmenter for RuleSegmenter {
    fn segment(&self, text: &str) -> Segmented {
        let mut out = Segmented::default();
        let mut line_start = 0;
        for line in text.split('\n') {
            let start = line_start;
            line_start += line.len() + 1;
            let Some(span) = trim_span(text, start, start + line.len()) else { continue };
            let first_token = out.tokens.len();
            tokenize(text, span, self.lang, &mut out.tokens);
            let first_sentence = out.sentences.len();
            let paragraph = out.paragraphs.len();
            split_sentences(text, first_token..out.tokens.len(), paragraph, &mut out);
            out.paragraphs.push(Paragraph {
                span,
                sentences: first_sentence..out.sentences.len(),
                boilerplate: is_boilerplate(span.slice(text)),
            });
        }
        out
    }
}

/// Segments `text` with the rules of `lang`.
pub fn segment(text: &str, lang: Lang) -> Segmented {
    RuleSegmenter::new(lang).segment(text)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trimmed = s.trim_matches(is_space);
    (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
}

fn is_boilerplate(par: &str) -> bool {
    let head: String = par.chars().take(24).flat_map(char::to_lowercase).collect();
    BOILERPLATE_PREFIXES.iter().any(|p| head.starts_with(p))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining diacritics and Arabic harakat.
    matches!(c, '\u{300}'..='\u{36F}' | '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{200C}' | '\u{200D}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn tokenize(text: &str, span: Span, lang: Lang, out: &mut Vec<Token>) {
    let mut i = span.start;
    while i < span.end {
        let Some(c) = char_at(text, i) else { break };
        if is_space(c) {
            i += c.len_utf8();
        } else if c.is_ascii_digit() {
            i = scan_number(text, i, span.end, out);
        } else if is_word_char(c) {
            i = scan_word(text, i, span.end, lang, out);
        } else if c == '.' && text[i..span.end].starts_with("...") {
            out.push(Token { span: Span::new(i, i + 3), kind: TokenKind::Punct });
            i += 3;
        } else {
            let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            out.push(Token { span: Span::new(i, i + c.len_utf8()), kind });
            i += c.len_utf8();
        }
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '«' | '»'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‹'
            | '›'
            | '…'
            | '–'
            | '—'
            | '‐'
            | '‑'
            | '·'
            | '¿'
            | '¡'
            | '،'
            | '؛'
            | '؟'
    )
}

/// Scans a word starting at `i`, pushing one or more tokens; returns the end.
fn scan_word(text: &str, start: usize, limit: usize, lang: Lang, out: &mut Vec<Token>) -> usize {
    let mut j = start;
    let mut hyphenated = false;
    loop {
        while let Some(c) = char_at(text, j).filter(|&c| j < limit && is_word_char(c)) {
            j += c.len_utf8();
        }
        let Some(c) = char_at(text, j).filter(|_| j < limit) else { break };
        let next = char_at(text, j + c.len_utf8()).filter(|_| j + c.len_utf8() < limit);
        let next_is_letter = next.is_some_and(char::is_alphabetic);
        if is_hyphen(c) && next_is_letter {
            hyphenated = true;
            j += c.len_utf8();
        } else if is_apostrophe(c) && next_is_letter {
            let word = &text[start..j];
            if lang == Lang::Fr && !hyphenated && is_elision(word) {
                let end = j + c.len_utf8();
                out.push(Token { span: Span::new(start, end), kind: TokenKind::Elision });
                return end;
            }
            j += c.len_utf8();
        } else if c == '.' && is_initialism_step(text, start, j, limit) {
            j += 1;
        } else {
            break;
        }
    }
    if lang == Lang::Fr && hyphenated {
        if let Some(k) = clitic_start(&text[start..j]) {
            if k > 0 {
                out.push(Token { span: Span::new(start, start + k), kind: TokenKind::Word });
                out.push(Token { span: Span::new(start + k, j), kind: TokenKind::Word });
                return j;
            }
        }
    }
    out.push(Token { span: Span::new(start, j), kind: TokenKind::Word });
    j
}

fn is_elision(word: &str) -> bool {
    word.len() <= 7 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// True when the '.' at `dot` continues a dotted initialism like "U.S." or
/// "U.N.": the token so far is single letters separated by dots, and the dot
/// is followed by another single letter and dot, or closes such a sequence.
fn is_initialism_step(text: &str, start: usize, dot: usize, limit: usize) -> bool {
    let so_far = &text[start..dot];
    let single_letters = so_far.split('.').all(|p| p.chars().count() == 1);
    if !single_letters || !so_far.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let after = &text[dot + 1..limit];
    let mut it = after.chars();
    match (it.next(), it.next()) {
        (Some(a), Some('.')) if a.is_uppercase() => true,
        // Closing dot of "U.S." (at least one inner dot already).
        _ => so_far.contains('.'),
    }
}

fn clitic_start(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    CLITICS.iter().find(|c| lower.ends_with(*c)).map(|c| word.len() - c.len())
}

fn scan_number(text: &str, start: usize, limit: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes[from..limit].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut j = start + digits(start);
    let first_group = j - start;
    while let Some(c) = char_at(text, j).filter(|_| j < limit) {
        let after = j + c.len_utf8();
        if after >= limit {
            break;
        }
        let n = digits(after);
        match c {
            ',' | '.' if n > 0 => j = after + n,
            ' ' | '\u{A0}' | '\u{202F}' if n == 3 && first_group <= 3 => j = after + n,
            _ => break,
        }
    }
    // Ordinal suffixes glued to the number: 1er, 2e, 3rd, 5th.
    let rest = &text[j..limit];
    for suffix in ["ème", "ère", "er", "e", "st", "nd", "rd", "th"] {
        if rest.starts_with(suffix)
            && !rest[suffix.len()..].chars().next().is_some_and(char::is_alphanumeric)
        {
            j += suffix.len();
            break;
        }
    }
    out.push(Token { span: Span::new(start, j), kind: TokenKind::Number });
    j
}

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "..." | "؟")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "»" | "”" | "’" | "'" | ")" | "]" | "›")
}

fn starts_sentence(text: &str, tok: &Token) -> bool {
    let s = tok.span.slice(text);
    let Some(c) = s.chars().next() else { return false };
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '(' | '[' | '-' | '—' | '–' | '‘' | '¿' | '¡')
        || !c.is_alphabetic() && tok.kind == TokenKind::Word
}

fn split_sentences(
    text: &str,
    tokens: std::ops::Range<usize>,
    paragraph: usize,
    out: &mut Segmented,
) {
    let toks = &out.tokens;
    let mut sentences = Vec::new();
    let mut first = tokens.start;
    let mut t = tokens.start;
    while t < tokens.end {
        let tok = toks[t];
        let s = tok.span.slice(text);
        if tok.kind == TokenKind::Punct
            && is_terminal(s)
            && !closes_abbreviation(text, toks, t, first)
        {
            // Glue closing quotes, brackets and repeated terminals.
            let mut last = t;
            while last + 1 < tokens.end {
                let next = toks[last + 1];
                let ns = next.span.slice(text);
                let adjacent = next.span.start == toks[last].span.end;
                if (is_closer(ns) && adjacent) || is_terminal(ns) {
                    last += 1;
                } else {
                    break;
                }
            }
            if last + 1 == tokens.end || starts_sentence(text, &toks[last + 1]) {
                sentences.push((first, last + 1));
                first = last + 1;
            }
            t = last + 1;
        } else {
            t += 1;
        }
    }
    if first < tokens.end {
        sentences.push((first, tokens.end));
    }
    for (a, b) in sentences {
        let span = Span::new(out.tokens[a].span.start, out.tokens[b - 1].span.end);
        out.sentences.push(Sentence { span, tokens: a..b, paragraph });
    }
}

fn closes_abbreviation(text: &str, toks: &[Token], t: usize, first: usize) -> bool {
    if toks[t].span.slice(text) != "." || t == first {
        return false;
    }
    let prev = toks[t - 1];
    if prev.span.end != toks[t].span.start || prev.kind != TokenKind::Word {
        return false;
    }
    let word = prev.span.slice(text);
    is_abbreviation(word)
        || (NUMBER_ABBREVIATIONS.contains(&word)
            && toks.get(t + 1).is_some_and(|n| n.kind == TokenKind::Number))
}
