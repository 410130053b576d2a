//! Pairing quotation marks inside one paragraph.
//!
//! Openers are `«`, `“`, `„`, `‘` and a straight `"` that does not follow a
//! letter; closers are `»`, `”`, `’` (when no letter follows it, so that
//! apostrophes stay apostrophes) and `"`. Curly and straight double quotes close
//! each other, since real reports mix them (`"…”`). Guillemets nest other quotes.
//! A quote left open at the end of its paragraph counts only when it opened the
//! paragraph (the press convention for quotes running over several paragraphs).

use sitrep_model::Span;

/// One pair of quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMarks {
    /// Byte of the opening mark.
    pub open: usize,
    /// One past the closing mark (the paragraph end for a quote left open).
    pub close_end: usize,
    /// Byte of the closing mark (equal to `close_end` for a quote left open).
    pub close: usize,
    /// The quoted words, trimmed of white space and of a trailing comma.
    pub inner: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Guillemet,
    Double,
    Single,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// Finds the quotes of the paragraph `span` of `text`, in text order.
pub fn pair_quotes(text: &str, span: Span) -> Vec<QuoteMarks> {
    let par = span.slice(text);
    let bytes = par.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    let mut depth = 0usize;
    // Only '"' and the lead bytes of « » (C2) and “ ” „ ‘ ’ (E2) can start a mark.
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'"' && b != 0xC2 && b != 0xE2 {
            continue;
        }
        let Some(c) = par.get(i..).and_then(|r| r.chars().next()) else { continue };
        let prev = par.get(..i).and_then(|r| r.chars().next_back());
        let next = par.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        let at = span.start + i;
        let after_word = prev.is_some_and(|p| p.is_alphanumeric());
        let before_word = next.is_some_and(|n| n.is_alphanumeric());
        match open {
            None => {
                let kind = match c {
                    '«' => Some(Kind::Guillemet),
                    '“' | '„' => Some(Kind::Double),
                    '"' if !after_word => Some(Kind::Double),
                    '‘' if !after_word => Some(Kind::Single),
                    _ => None,
                };
                if let Some(k) = kind {
                    open = Some((at, k));
                    depth = 0;
                }
            }
            Some((start, kind)) => {
                let closes = match (kind, c) {
                    (Kind::Guillemet, '«') => {
                        depth += 1;
                        false
                    }
                    (Kind::Guillemet, '»') if depth > 0 => {
                        depth -= 1;
                        false
                    }
                    (Kind::Guillemet, '»') => true,
                    (Kind::Double, '”' | '"') => true,
                    (Kind::Single, '’') => !before_word,
                    _ => false,
                };
                if closes {
                    let close_end = at + c.len_utf8();
                    push(text, &mut out, start, at, close_end);
                    open = None;
                }
            }
        }
    }
    if let Some((start, _)) = open {
        if start == span.start {
            push(text, &mut out, start, span.end, span.end);
        }
    }
    out
}

fn push(text: &str, out: &mut Vec<QuoteMarks>, open: usize, close: usize, close_end: usize) {
    let mark_len = text.get(open..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8);
    let start = open + mark_len;
    let Some(inner) = text.get(start..close) else { return };
    let lead = inner.len() - inner.trim_start_matches(is_space).len();
    let body = inner.trim_matches(is_space);
    let body = body.trim_end_matches(',').trim_end_matches(is_space);
    if body.chars().any(char::is_alphanumeric) {
        out.push(QuoteMarks {
            open,
            close_end,
            close,
            inner: Span::new(start + lead, start + lead + body.len()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        pair_quotes(text, Span::new(0, text.len())).iter().map(|q| q.inner.slice(text)).collect()
    }

    #[test]
    fn pairs_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("« Nous ne céderons pas », a-t-il dit.", &["Nous ne céderons pas"]),
            (
                "\"Washington n'a pas encore adopté de stratégie”, indique le site web.",
                &["Washington n'a pas encore adopté de stratégie"],
            ),
            (
                "qu'il était \"profondément préoccupé\" par les attaques",
                &["profondément préoccupé"],
            ),
            (
                "\"They kept to themselves,\" Law said of the Faulkners.",
                &["They kept to themselves"],
            ),
            ("shouting ‘Don’t forget Aleppo!’ in the hall", &["Don’t forget Aleppo!"]),
            ("« Il a parlé de “trahison” hier », dit-elle.", &["Il a parlé de “trahison” hier"]),
            ("He said \"one\" and \"two\".", &["one", "two"]),
            ("L’armée n’a pas répondu.", &[]),
            (
                "\"The quote runs on to the next paragraph",
                &["The quote runs on to the next paragraph"],
            ),
            ("He said \"this never closes", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), *want, "{text}");
        }
    }
}
