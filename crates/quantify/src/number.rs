//! Cardinal numbers in French and English: digits and number words, with
//! the words around them that qualify them.
//!
//! Semantics (one [`NumberMention`] per expression):
//! * digits with thousands separators: a space (also no-break and thin
//!   spaces) in both languages, `,` in English, `.` in French, each followed by
//!   exactly three digits; the decimal mark is `.` in English and `,` in
//!   French. A fraction is no count: value `None`, unless a multiplier makes
//!   it whole ("2.5 million" → 2 500 000).
//! * ordinals ("1er", "3rd") and values above `u32::MAX` are not counts.
//! * number words: "vingt-deux", "trente et un", "quatre-vingt-dix-sept",
//!   "deux cent mille", "twenty-one", "one hundred and five", "a thousand".
//! * "une dizaine", "une vingtaine", "a dozen", "a couple of": the value with
//!   `approx`.
//! * "at least 20", "plus de 20", "more than 20", "over 20": the stated number,
//!   `lower_bound` (ACLED codes "more than 20" as 20).
//! * "about", "environ", "près de", "nearly", "up to": `approx`.
//! * ranges "between 3 and 5", "entre 3 et 5", "3 à 5", "3 to 5", "3-5",
//!   "three or four": the lower end, `approx` and `lower_bound`.
//! * "plusieurs", "quelques", "des dizaines", "several", "some", "dozens",
//!   "scores", "hundreds": value `None`, `approx`.

use sitrep_model::{Lang, Span};

use crate::lexicon::{langs, Modifier, NumClass, L, LEXICON};
use crate::token::{clamp, tokenize, Kind, Tok};

/// A number expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMention {
    /// Bytes of the whole expression, modifiers included ("at least 20").
    pub span: Span,
    /// The value; `None` for vague quantities ("several", "des dizaines")
    /// and fractions.
    pub value: Option<u32>,
    /// The value is approximate ("une dizaine", "about 20", a range).
    pub approx: bool,
    /// The value is a lower bound ("at least 20", "plus de 20", a range).
    pub lower_bound: bool,
}

/// A number read at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumAt {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Value, if definite.
    pub value: Option<u32>,
    /// Approximate.
    pub approx: bool,
    /// Lower bound.
    pub lower_bound: bool,
}

/// Core of a number: value (as f64 to carry fractions until a multiplier),
/// end token, approximate/vague flags.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    value: Option<f64>,
    approx: bool,
    digits: bool,
}

const ORDINAL_SUFFIXES: &[&str] = &["er", "re", "e", "eme", "ieme", "st", "nd", "rd", "th"];

fn no_slot(_: usize) -> Option<(usize, u32)> {
    None
}

fn is_space_group_gap(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = text.get(a.end..b.start).unwrap_or("");
    let mut it = gap.chars();
    matches!((it.next(), it.next()), (Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'), None))
}

/// Digits with thousands separators and a decimal part.
fn digits_at(text: &str, toks: &[Tok], i: usize, fr: bool) -> Option<Core> {
    let first = toks.get(i)?;
    if first.kind != Kind::Num {
        return None;
    }
    if let Some(next) = toks.get(i + 1) {
        if next.kind == Kind::Word && !next.space_before && ORDINAL_SUFFIXES.contains(&next.norm) {
            return None;
        }
    }
    let mut int = std::borrow::Cow::Borrowed(first.norm);
    let mut end = i + 1;
    let (group_mark, decimal_mark) = if fr { (".", ",") } else { (",", ".") };
    if first.norm.len() <= 3 {
        while let Some(a) = toks.get(end) {
            let b = toks.get(end + 1);
            if a.kind == Kind::Num
                && a.norm.len() == 3
                && is_space_group_gap(text, &toks[end - 1], a)
            {
                int.to_mut().push_str(a.norm);
                end += 1;
            } else if a.is_punct(group_mark)
                && !a.space_before
                && b.is_some_and(|b| b.kind == Kind::Num && !b.space_before && b.norm.len() == 3)
                && toks.get(end + 2).is_none_or(|c| c.space_before || c.kind != Kind::Num)
            {
                if let Some(b) = b {
                    int.to_mut().push_str(b.norm);
                }
                end += 2;
            } else {
                break;
            }
        }
    }
    let mut value: f64 = int.parse().ok()?;
    if let (Some(a), Some(b)) = (toks.get(end), toks.get(end + 1)) {
        if a.is_punct(decimal_mark) && !a.space_before && b.kind == Kind::Num && !b.space_before {
            let frac: f64 = format!("0.{}", b.norm).parse().ok()?;
            value += frac;
            end += 2;
        }
    }
    Some(Core { end, value: Some(value), approx: false, digits: true })
}

/// Number words ("vingt-deux", "one hundred and five") and approximate or
/// vague quantity words.
fn words_at(toks: &[Tok], i: usize, ls: &[L]) -> Option<Core> {
    let lex = &LEXICON.numbers;
    let en = ls.contains(&L::En);
    let fr = ls.contains(&L::Fr);
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut prev: Option<NumClass> = None;
    let mut end = i;
    let mut j = i;
    // "a hundred", "a thousand".
    if en && toks.get(i).is_some_and(|t| t.norm == "a" || t.norm == "an") {
        if let Some(m) = lex.match_at(toks, i + 1, ls, &no_slot) {
            if let NumClass::Mul(_) = m.value {
                current = 1;
                prev = Some(NumClass::Unit(1));
                j = i + 1;
            }
        }
    }
    while let Some(m) = lex.match_at(toks, j, ls, &no_slot) {
        let class = *m.value;
        match class {
            NumClass::Approx(v) if prev.is_none() => {
                return Some(Core {
                    end: m.end,
                    value: Some(f64::from(v)),
                    approx: true,
                    digits: false,
                })
            }
            NumClass::Vague if prev.is_none() => {
                return Some(Core { end: m.end, value: None, approx: true, digits: false })
            }
            NumClass::Approx(_) | NumClass::Vague => break,
            NumClass::Unit(v) => {
                let v = u64::from(v);
                match prev {
                    None | Some(NumClass::Mul(_)) => current += v,
                    Some(NumClass::Unit(p)) => match add_unit(u64::from(p), v, current, fr) {
                        Some(c) => current = c,
                        None => break,
                    },
                    _ => break,
                }
            }
            NumClass::Mul(m) => {
                let m = u64::from(m);
                if m == 100 {
                    if current % 100 != 0 || current == 0 {
                        current = current.max(1) * 100;
                    } else {
                        break;
                    }
                } else {
                    total += current.max(1) * m;
                    current = 0;
                }
            }
        }
        prev = Some(class);
        end = m.end;
        j = m.end;
        // Connectors: "-" between words, "et" ("vingt et un"), "and" ("hundred and five").
        if let Some(c) = toks.get(j) {
            let next_is_number = lex
                .match_at(toks, j + 1, ls, &no_slot)
                .is_some_and(|n| matches!(n.value, NumClass::Unit(_)));
            let joins = (c.is_punct("-")
                && !c.space_before
                && toks.get(j + 1).is_some_and(|n| !n.space_before))
                || (fr
                    && c.norm == "et"
                    && toks.get(j + 1).is_some_and(|n| matches!(n.norm, "un" | "une" | "onze")))
                || (en && c.norm == "and" && matches!(prev, Some(NumClass::Mul(_))));
            if joins && next_is_number {
                j += 1;
            }
        }
    }
    if end == i || prev.is_none() {
        return None;
    }
    Some(Core { end, value: Some((total + current) as f64), approx: false, digits: false })
}

/// `current` after the unit `v` that follows the unit `p`, if they form one
/// number ("vingt-deux", "dix-sept", "quatre-vingt", "soixante-dix").
fn add_unit(p: u64, v: u64, current: u64, fr: bool) -> Option<u64> {
    let tens_then_unit = p % 10 == 0 && p >= 20 && v < 10 && current % 10 == 0;
    let ten_then_seven_to_nine = p == 10 && (7..=9).contains(&v) && current % 10 == 0;
    let fr_teens = fr && (p == 60 || p == 20 && current % 100 == 80) && (10..20).contains(&v);
    if fr && p == 4 && v == 20 && current % 100 == 4 {
        Some(current + 76)
    } else if tens_then_unit || ten_then_seven_to_nine || fr_teens {
        Some(current + v)
    } else {
        None
    }
}

fn core_at(text: &str, toks: &[Tok], i: usize, ls: &[L]) -> Option<Core> {
    let fr = ls == [L::Fr];
    let mut core = digits_at(text, toks, i, fr).or_else(|| words_at(toks, i, ls))?;
    // A multiplier after digits: "2.5 million", "3 000 milliers" is not handled.
    if core.digits {
        if let Some(m) = LEXICON.numbers.match_at(toks, core.end, ls, &no_slot) {
            if let (NumClass::Mul(f), Some(v)) = (m.value, core.value) {
                core.value = Some(v * f64::from(*f));
                core.end = m.end;
            }
        }
    }
    Some(core)
}

fn to_u32(v: Option<f64>) -> Option<u32> {
    let v = v?;
    (v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v)).then_some(v as u32)
}

/// A range after a first number: "3 à 5", "3-5", "between 3 and 5".
fn range_after(text: &str, toks: &[Tok], first: &Core, ls: &[L], opened: bool) -> Option<Core> {
    let c = toks.get(first.end)?;
    let ok = match c.norm {
        "-" => first.digits && !c.space_before,
        "to" | "or" => ls.contains(&L::En),
        "a" | "ou" => ls.contains(&L::Fr),
        "and" | "et" => opened,
        _ => false,
    };
    if !ok {
        return None;
    }
    let second = core_at(text, toks, first.end + 1, ls)?;
    let (a, b) = (to_u32(first.value)?, to_u32(second.value)?);
    (b > a).then_some(second)
}

/// False when no number expression can start with token `t`: it is not
/// digits, a number word, a modifier or the article of "a hundred".
pub(crate) fn may_open(t: &Tok) -> bool {
    t.kind == Kind::Num
        || matches!(t.norm, "a" | "an")
        || LEXICON.modifiers.may_start(t.id)
        || LEXICON.numbers.may_start(t.id)
}

/// The number expression starting at token `i`, if any.
pub(crate) fn number_at(text: &str, toks: &[Tok], i: usize, ls: &[L]) -> Option<NumAt> {
    // Most tokens start no number: digits, a number word, a modifier or the
    // article of "a hundred".
    if !may_open(toks.get(i)?) {
        return None;
    }
    if let Some(m) = LEXICON.modifiers.match_at(toks, i, ls, &no_slot) {
        if let Some(core) = core_at(text, toks, m.end, ls) {
            if core.value.is_some() {
                let modifier = *m.value;
                let opened = modifier == Modifier::Range;
                let range = range_after(text, toks, &core, ls, opened);
                if opened && range.is_none() {
                    return None;
                }
                let end = range.map_or(core.end, |r| r.end);
                return Some(NumAt {
                    first: i,
                    end,
                    value: to_u32(core.value),
                    approx: core.approx || range.is_some() || modifier == Modifier::Approx,
                    lower_bound: range.is_some() || modifier == Modifier::Lower,
                });
            }
        }
    }
    let core = core_at(text, toks, i, ls)?;
    let range = if core.value.is_some() { range_after(text, toks, &core, ls, false) } else { None };
    Some(NumAt {
        first: i,
        end: range.map_or(core.end, |r| r.end),
        value: to_u32(core.value),
        approx: core.approx || range.is_some(),
        lower_bound: range.is_some(),
    })
}

/// All number expressions of a token list, left to right, not overlapping.
pub(crate) fn numbers_in(text: &str, toks: &[Tok], ls: &[L]) -> Vec<NumAt> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match number_at(text, toks, i, ls) {
            Some(n) if n.end > i => {
                i = n.end;
                out.push(n);
            }
            _ => i += 1,
        }
    }
    out
}

pub(crate) fn mention(toks: &[Tok], n: &NumAt) -> NumberMention {
    let start = toks.get(n.first).map_or(0, |t| t.start);
    let end = toks.get(n.end.saturating_sub(1)).map_or(start, |t| t.end);
    NumberMention {
        span: Span::new(start, end),
        value: n.value,
        approx: n.approx,
        lower_bound: n.lower_bound,
    }
}

/// The value of a single number expression ("vingt-deux", "1 000",
/// "at least 20", "une dizaine"), or `None` when `s` is not exactly one
/// number expression or states no definite value ("plusieurs").
///
/// ```
/// use sitrep_model::Lang;
/// use sitrep_quantify::parse_number;
/// assert_eq!(parse_number("quatre-vingt-dix-sept", Lang::Fr), Some(97));
/// assert_eq!(parse_number("1,000", Lang::En), Some(1000));
/// assert_eq!(parse_number("dozens", Lang::En), None);
/// ```
pub fn parse_number(s: &str, lang: Lang) -> Option<u32> {
    let toks = tokenize(s, Span::new(0, s.len()));
    let toks = toks.toks();
    let n = number_at(s, &toks, 0, langs(lang))?;
    (n.end == toks.len()).then_some(n.value).flatten()
}

/// Every number expression inside `span` of `text`, in text order.
///
/// French "un"/"une" are reported (value 1) since they often count ("un
/// soldat a été tué"); English "a"/"an" only inside "a dozen", "a hundred"…
pub fn find_numbers(text: &str, span: Span, lang: Lang) -> Vec<NumberMention> {
    let span = clamp(text, span);
    let toks = tokenize(text, span);
    let toks = toks.toks();
    numbers_in(text, &toks, langs(lang)).iter().map(|n| mention(&toks, n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_numbers() {
        let cases: &[(&str, Lang, Option<u32>)] = &[
            ("4", Lang::En, Some(4)),
            ("1 000", Lang::Fr, Some(1000)),
            ("1\u{a0}250\u{a0}000", Lang::Fr, Some(1_250_000)),
            ("1,000", Lang::En, Some(1000)),
            ("12,500,000", Lang::En, Some(12_500_000)),
            ("1.000", Lang::Fr, Some(1000)),
            ("2.5", Lang::En, None),
            ("2,5 millions", Lang::Fr, Some(2_500_000)),
            ("2.5 million", Lang::En, Some(2_500_000)),
            ("un", Lang::Fr, Some(1)),
            ("une", Lang::Fr, Some(1)),
            ("quatre", Lang::Fr, Some(4)),
            ("vingt-deux", Lang::Fr, Some(22)),
            ("trente et un", Lang::Fr, Some(31)),
            ("soixante-dix", Lang::Fr, Some(70)),
            ("dix-sept", Lang::Fr, Some(17)),
            ("soixante-dix-neuf", Lang::Fr, Some(79)),
            ("soixante et onze", Lang::Fr, Some(71)),
            ("quatre-vingts", Lang::Fr, Some(80)),
            ("quatre-vingt-dix-sept", Lang::Fr, Some(97)),
            ("cent", Lang::Fr, Some(100)),
            ("deux cents", Lang::Fr, Some(200)),
            ("deux cent mille", Lang::Fr, Some(200_000)),
            ("mille deux cents", Lang::Fr, Some(1200)),
            ("une dizaine", Lang::Fr, Some(10)),
            ("une centaine", Lang::Fr, Some(100)),
            ("plusieurs", Lang::Fr, None),
            ("des dizaines", Lang::Fr, None),
            ("au moins vingt", Lang::Fr, Some(20)),
            ("plus de 20", Lang::Fr, Some(20)),
            ("3 à 5", Lang::Fr, Some(3)),
            ("one", Lang::En, Some(1)),
            ("twenty-one", Lang::En, Some(21)),
            ("ninety nine", Lang::En, Some(99)),
            ("one hundred and five", Lang::En, Some(105)),
            ("a hundred", Lang::En, Some(100)),
            ("three thousand", Lang::En, Some(3000)),
            ("a dozen", Lang::En, Some(12)),
            ("dozens", Lang::En, None),
            ("scores", Lang::En, None),
            ("several", Lang::En, None),
            ("at least 20", Lang::En, Some(20)),
            ("more than 20", Lang::En, Some(20)),
            ("between 3 and 5", Lang::En, Some(3)),
            ("3-5", Lang::En, Some(3)),
            ("three or four", Lang::En, Some(3)),
            ("1st", Lang::En, None),
            ("1er", Lang::Fr, None),
            ("99999999999", Lang::En, None),
            ("deux trois", Lang::Fr, None),
            ("", Lang::En, None),
            ("a", Lang::En, None),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(s, lang, want)| {
                let got = parse_number(s, *lang);
                (got != *want).then(|| format!("{s:?} ({lang:?}): got {got:?}, want {want:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn finds_numbers_with_flags() {
        // (text, lang, [(mention text, value, approx, lower_bound)])
        type Want<'a> = &'a [(&'a str, Option<u32>, bool, bool)];
        let cases: &[(&str, Lang, Want)] = &[
            (
                "at least 20 killed and some 30 hurt",
                Lang::En,
                &[("at least 20", Some(20), false, true), ("some 30", Some(30), true, false)],
            ),
            (
                "une dizaine de morts et plusieurs blessés",
                Lang::Fr,
                &[("une dizaine", Some(10), true, false), ("plusieurs", None, true, false)],
            ),
            ("entre 3 et 5 soldats", Lang::Fr, &[("entre 3 et 5", Some(3), true, true)]),
            ("over the weekend 12 people", Lang::En, &[("12", Some(12), false, false)]),
            (
                "killed 1,200 and 3.5",
                Lang::En,
                &[("1,200", Some(1200), false, false), ("3.5", None, false, false)],
            ),
            ("nearly two dozen", Lang::En, &[("nearly two dozen", Some(24), true, false)]),
            (
                "plus d'une centaine de blessés",
                Lang::Fr,
                &[("plus d'une centaine", Some(100), true, true)],
            ),
            ("tens of thousands fled", Lang::En, &[("tens of thousands", None, true, false)]),
        ];
        for (text, lang, want) in cases {
            let got: Vec<_> = find_numbers(text, Span::new(0, text.len()), *lang)
                .into_iter()
                .map(|m| (m.span.slice(text), m.value, m.approx, m.lower_bound))
                .collect();
            let want: Vec<_> = want.to_vec();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn respects_the_span() {
        let text = "3 morts, puis 5 blessés";
        let got = find_numbers(text, Span::new(8, text.len()), Lang::Fr);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].value, Some(5));
        assert!(find_numbers(text, Span::new(100, 200), Lang::Fr).is_empty());
    }
}
