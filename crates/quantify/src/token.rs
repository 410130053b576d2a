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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, digits or punctuation.
    pub kind: Kind,
    /// Lowercase, accent-folded form.
    pub norm: &'a str,
    /// The first character is uppercase.
    pub cap: bool,
    /// Whitespace (or the span start) separates it from the previous token.
    pub space_before: bool,
    /// The number of `norm` in the lexicon's vocabulary ([`NO_ID`] when no
    /// phrase uses the word), so phrase tables compare integers.
    pub id: u32,
}

/// The id of a word that no phrase table uses.
pub(crate) const NO_ID: u32 = u32::MAX;

impl Tok<'_> {
    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.norm == c
    }
}

/// A token before its normalised form is borrowed: where that form lives.
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    kind: Kind,
    cap: bool,
    space_before: bool,
    /// The normalised form is `buf[norm.0..norm.1]`; `None` when it is the
    /// token's own text (already lowercase and unaccented, the usual case).
    norm: Option<(usize, usize)>,
}

/// The tokens of a text: spans and flags, with the normalised forms that
/// differ from the text kept in one buffer (no allocation per token).
#[derive(Debug)]
pub(crate) struct Tokens<'t> {
    text: &'t str,
    buf: String,
    raw: Vec<Raw>,
    /// Word ids of `raw`, when already looked up (one per token), else empty.
    ids: Vec<u32>,
}

impl Tokens<'_> {
    /// The tokens, borrowing their normalised forms, with their word ids.
    pub fn toks(&self) -> Vec<Tok<'_>> {
        if self.ids.len() == self.raw.len() {
            let mut ids = self.ids.iter();
            return self.with_ids(|_| ids.next().copied().unwrap_or(NO_ID));
        }
        let vocab = &crate::lexicon::LEXICON.vocab;
        self.with_ids(|w| vocab.id(w))
    }

    /// The tokens without word ids (for building the lexicon itself).
    pub fn toks_without_ids(&self) -> Vec<Tok<'_>> {
        self.with_ids(|_| NO_ID)
    }

    /// The normalised form of a token.
    fn norm_of(&self, r: &Raw) -> &str {
        let norm = match r.norm {
            Some((a, b)) => self.buf.get(a..b),
            None => self.text.get(r.start..r.end),
        };
        norm.unwrap_or("")
    }

    fn with_ids(&self, mut id: impl FnMut(&str) -> u32) -> Vec<Tok<'_>> {
        self.raw
            .iter()
            .map(|r| {
                let norm = self.norm_of(r);
                Tok {
                    start: r.start,
                    end: r.end,
                    kind: r.kind,
                    norm,
                    cap: r.cap,
                    space_before: r.space_before,
                    id: id(norm),
                }
            })
            .collect()
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind, space_before: bool) {
        let raw = self.text.get(start..end).unwrap_or("");
        let cap = raw.chars().next().is_some_and(char::is_uppercase);
        let norm = if is_normal(raw) {
            None
        } else {
            let a = self.buf.len();
            normalize_into(raw, &mut self.buf);
            if self.buf.get(a..) == Some(raw) {
                self.buf.truncate(a);
                None
            } else {
                Some((a, self.buf.len()))
            }
        };
        self.raw.push(Raw { start, end, kind, cap, space_before, norm });
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

/// True when `s` is its own normalised form for sure: ASCII without capitals.
fn is_normal(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Append the lowercase, accent-folded form of `s` to `out`.
fn normalize_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                fold_into(l, out);
            }
        }
    }
}

/// Lowercase and fold accents of a whole string.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
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

/// The last sentence tokenized by [`tokenize_shared`]: its start, its
/// text, and its tokens' forms, flags and word ids.
type LastTokens = Option<(usize, String, String, Vec<Raw>, Vec<u32>)>;

thread_local! {
    static LAST: std::cell::RefCell<LastTokens> = const { std::cell::RefCell::new(None) };
}

/// [`tokenize`] with word ids looked up, remembering the last span: the
/// readers of dates and of casualties go over the same sentence one after
/// the other. A span is the same when it starts at the same byte with the
/// same text, so the tokens are exactly those a new reading would give.
pub(crate) fn tokenize_shared(text: &str, span: Span) -> Tokens<'_> {
    let span = clamp(text, span);
    let body = &text[span.start..span.end];
    let hit = LAST.with(|c| {
        c.borrow().as_ref().and_then(|(start, b, buf, raw, ids)| {
            (*start == span.start && b == body).then(|| Tokens {
                text,
                buf: buf.clone(),
                raw: raw.clone(),
                ids: ids.clone(),
            })
        })
    });
    if let Some(t) = hit {
        return t;
    }
    let mut t = tokenize(text, span);
    let vocab = &crate::lexicon::LEXICON.vocab;
    t.ids = t.raw.iter().map(|r| vocab.id(t.norm_of(r))).collect();
    LAST.with(|c| {
        *c.borrow_mut() =
            Some((span.start, body.to_string(), t.buf.clone(), t.raw.clone(), t.ids.clone()));
    });
    t
}

/// Tokenize the part of `text` that `span` covers.
pub(crate) fn tokenize(text: &str, span: Span) -> Tokens<'_> {
    let span = clamp(text, span);
    let slice = &text[span.start..span.end];
    let mut out = Tokens {
        text,
        buf: String::new(),
        raw: Vec::with_capacity(slice.len() / 4 + 1),
        ids: Vec::new(),
    };
    let mut word = String::new();
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
            out.push(start, end, Kind::Num, space);
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
                    word.clear();
                    normalize_into(&text[start..end], &mut word);
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
            out.push(start, end, Kind::Word, space);
        } else {
            out.push(start, start + c.len_utf8(), Kind::Punct, space);
        }
        space = false;
    }
    out
}

/// Normalised token forms of a lexicon phrase.
pub(crate) fn phrase_norms(phrase: &str) -> Vec<String> {
    tokenize(phrase, Span::new(0, phrase.len()))
        .toks_without_ids()
        .into_iter()
        .map(|t| t.norm.to_string())
        .collect()
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
            for t in tokenize(text, span).toks() {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                assert!(t.start < t.end);
            }
        }
        let t = tokenize(text, Span::new(0, text.len()));
        let t = t.toks();
        assert!(t[0].cap && t[0].norm == "emeute");
        assert!(t[0].space_before && !t[1].space_before);
    }
}
