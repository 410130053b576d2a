//! A small tokenizer for the rules of this crate.
//!
//! Tokens are words (letters), digit runs and single punctuation characters,
//! each with its byte span in the original text and a normalised form
//! (lowercase, accents folded, curly apostrophes made straight). French
//! elisions are split after the apostrophe ("l'a" → "l'", "a"), except in
//! "aujourd'hui". Hyphens are tokens of their own, so "vingt-deux" and
//! "avant-hier" are three tokens; patterns go through the same tokenizer, so
//! they match the same way.

use sitrep_model::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and an elision apostrophe).
    Word,
    /// ASCII digits.
    Num,
    /// One other non-space character.
    Punct,
}

/// One token with its byte span and normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, digits or punctuation.
    pub kind: Kind,
    /// Lowercase, accent-folded form.
    pub norm: String,
    /// The first character is uppercase.
    pub cap: bool,
    /// Whitespace (or the span start) separates it from the previous token.
    pub space_before: bool,
}

impl Tok {
    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.norm == c
    }
}

/// Words that elide before a vowel in French ("l'", "qu'", "jusqu'").
const ELIDING: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// Fold one lowercase character to ASCII where it is a Latin letter with a
/// diacritic; other characters are kept.
fn fold_into(c: char, out: &mut String) {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        '’' | 'ʼ' | '‘' => "'",
        '–' | '—' | '‑' | '‐' => "-",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

/// Lowercase and fold accents of a whole string.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            fold_into(l, &mut out);
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Clamp `span` to `text` and move its ends inwards onto char boundaries.
pub(crate) fn clamp(text: &str, span: Span) -> Span {
    let mut end = span.end.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = span.start.min(end);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    Span::new(start, end)
}

/// Tokenize the part of `text` that `span` covers.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let span = clamp(text, span);
    let slice = &text[span.start..span.end];
    let mut toks: Vec<Tok> = Vec::with_capacity(slice.len() / 4 + 1);
    let mut chars = slice.char_indices().peekable();
    let mut space = true;
    while let Some((i, c)) = chars.next() {
        let start = span.start + i;
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = span.start + j + d.len_utf8();
                chars.next();
            }
            push(&mut toks, text, start, end, Kind::Num, space);
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = span.start + j + d.len_utf8();
                    chars.next();
                } else if is_apostrophe(d) {
                    // Look past the apostrophe: a letter must follow.
                    let after = span.start + j + d.len_utf8();
                    let next_alpha =
                        text[after..span.end].chars().next().is_some_and(char::is_alphabetic);
                    if !next_alpha {
                        break;
                    }
                    let word = normalize(&text[start..end]);
                    if word == "aujourd" {
                        end = after;
                        chars.next();
                    } else if ELIDING.contains(&word.as_str()) {
                        end = after;
                        chars.next();
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            push(&mut toks, text, start, end, Kind::Word, space);
        } else {
            push(&mut toks, text, start, start + c.len_utf8(), Kind::Punct, space);
        }
        space = false;
    }
    toks
}

fn push(toks: &mut Vec<Tok>, text: &str, start: usize, end: usize, kind: Kind, space: bool) {
    let raw = &text[start..end];
    let cap = raw.chars().next().is_some_and(char::is_uppercase);
    toks.push(Tok { start, end, kind, norm: normalize(raw), cap, space_before: space });
}

/// Normalised token forms of a lexicon phrase.
pub(crate) fn phrase_norms(phrase: &str) -> Vec<String> {
    tokenize(phrase, Span::new(0, phrase.len())).into_iter().map(|t| t.norm).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        phrase_norms(s)
    }

    #[test]
    fn splits_words_digits_and_elisions() {
        let cases: &[(&str, &[&str])] = &[
            ("l'armée a tué", &["l'", "armee", "a", "tue"]),
            ("aujourd’hui", &["aujourd'hui"]),
            ("vingt-deux", &["vingt", "-", "deux"]),
            ("1er août", &["1", "er", "aout"]),
            ("Jan. 3, 2024", &["jan", ".", "3", ",", "2024"]),
            ("the man's son", &["the", "man", "'", "s", "son"]),
            ("jusqu’à 5", &["jusqu'", "a", "5"]),
        ];
        for (input, want) in cases {
            assert_eq!(&norms(input), want, "{input}");
        }
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        let text = "Émeute: été 2023 — «tués»";
        for span in [Span::new(0, text.len()), Span::new(1, 9), Span::new(3, 100)] {
            for t in tokenize(text, span) {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                assert!(t.start < t.end);
            }
        }
        let t = tokenize(text, Span::new(0, text.len()));
        assert!(t[0].cap && t[0].norm == "emeute");
        assert!(t[0].space_before && !t[1].space_before);
    }
}
