//! Date expressions in French and English, resolved against the publication
//! date.
//!
//! Semantics:
//! * **Explicit** dates: "le 5 août 2023", "5 août", "1er mai", "août 2023",
//!   "Jan. 3", "January 3, 2024", "3 January 2024", "the 9th of May",
//!   "2024-01-03", "03/01/2024", "du 5 au 7 août", "5-7 May", "en août",
//!   "in 2023". A date without a year takes the year that puts it on or before
//!   the publication date. Slashed dates are day/month in French; in English
//!   they resolve only when one part is above 12 (otherwise the mention is
//!   kept with no range: US and British usage disagree).
//! * **Weekdays** ("lundi", "mardi soir", "dimanche dernier", "Tuesday night",
//!   "last Friday"): the most recent such day on or before the publication
//!   date, or on or before the day before it when the text says "last" /
//!   "dernier". "next"/"prochain" look forward. "dans la nuit de lundi à
//!   mardi" spans both days.
//! * **Relative** phrases come from `data/quantify/relative_dates.tsv`
//!   ("hier", "la semaine dernière" = Monday..Sunday of the previous week,
//!   "ces derniers jours" = P-7..P, "au cours des dernières 24 heures" =
//!   P-1..P, "last month", "in the past 3 days"…).
//! * **Vague** ones ("récemment", "précédemment", "recently") keep their text
//!   and have no range.
//!
//! Without a publication date, only dates that carry their year get a range.

use chrono::{Datelike, Days, Months, NaiveDate};
use sitrep_model::{Lang, Span};

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon::{langs, rows, L, LEXICON, MONTHS};
use crate::memo::{cached, Memo};
use crate::number::number_at;
use crate::token::{clamp, tokenize, Kind, Tok};

/// What kind of expression a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateKind {
    /// A calendar date, month or year written out ("5 août 2023").
    Explicit,
    /// A day of the week ("mardi soir", "last Friday").
    Weekday,
    /// A phrase relative to the publication date ("hier", "last week").
    Relative,
    /// A phrase that places the event only loosely ("récemment").
    Vague,
}

/// A date expression and the range of days it denotes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateMention {
    /// Bytes of the expression.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// First day, inclusive (`None` when nothing anchors it).
    pub start: Option<NaiveDate>,
    /// Last day, inclusive.
    pub end: Option<NaiveDate>,
    /// What kind of expression it is.
    pub kind: DateKind,
}

/// How a relative phrase resolves (see `data/quantify/relative_dates.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    Day(i64),
    Days(i64, i64),
    Week(i64),
    Weekend(i64),
    Month(i32),
    Year(i32),
    PastHours,
    PastDays,
    PastWeeks,
    PastMonths,
    AgoDays,
    AgoWeeks,
    AgoMonths,
    Vague,
}

impl Rule {
    /// Parse a rule cell ("day -1", "days -7 0", "vague").
    pub(crate) fn parse(s: &str) -> Option<Rule> {
        let mut it = s.split_whitespace();
        let name = it.next()?;
        let a: Option<i64> = it.next().and_then(|x| x.parse().ok());
        let b: Option<i64> = it.next().and_then(|x| x.parse().ok());
        let small = |x: i64| i32::try_from(x).ok();
        Some(match name {
            "day" => Rule::Day(a?),
            "days" => Rule::Days(a?, b?),
            "week" => Rule::Week(a?),
            "weekend" => Rule::Weekend(a?),
            "month" => Rule::Month(small(a?)?),
            "year" => Rule::Year(small(a?)?),
            "past_hours" => Rule::PastHours,
            "past_days" => Rule::PastDays,
            "past_weeks" => Rule::PastWeeks,
            "past_months" => Rule::PastMonths,
            "ago_days" => Rule::AgoDays,
            "ago_weeks" => Rule::AgoWeeks,
            "ago_months" => Rule::AgoMonths,
            "vague" => Rule::Vague,
            _ => return None,
        })
    }
}

type Range = (Option<NaiveDate>, Option<NaiveDate>);

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn month_range(y: i32, m: u32) -> Range {
    let first = NaiveDate::from_ymd_opt(y, m, 1);
    let last = first.and_then(|f| add_months(f, 1)).and_then(|n| add_days(n, -1));
    (first, last)
}

fn year_range(y: i32) -> Range {
    (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31))
}

fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

impl Rule {
    fn resolve(self, p: NaiveDate, n: Option<u32>) -> Range {
        let n = i64::from(n.unwrap_or(1));
        let single = |d: Option<NaiveDate>| (d, d);
        match self {
            Rule::Day(k) => single(add_days(p, k)),
            Rule::Days(a, b) => (add_days(p, a), add_days(p, b)),
            Rule::Week(k) => {
                let mon = monday_of(p).and_then(|m| add_days(m, 7 * k));
                let sun = mon.and_then(|m| add_days(m, 6));
                (mon, if k == 0 { Some(p) } else { sun })
            }
            Rule::Weekend(k) => {
                let sat = monday_of(p).and_then(|m| add_days(m, 7 * k + 5));
                (sat, sat.and_then(|s| add_days(s, 1)))
            }
            Rule::Month(k) => {
                let Some(d) = add_months(p, k) else { return (None, None) };
                let (first, last) = month_range(d.year(), d.month());
                (first, if k == 0 { Some(p) } else { last })
            }
            Rule::Year(k) => {
                let (first, last) = year_range(p.year() + k);
                (first, if k == 0 { Some(p) } else { last })
            }
            Rule::PastHours => (add_days(p, -((n + 23) / 24)), Some(p)),
            Rule::PastDays => (add_days(p, -n), Some(p)),
            Rule::PastWeeks => (add_days(p, -7 * n), Some(p)),
            Rule::PastMonths => (i32::try_from(n).ok().and_then(|n| add_months(p, -n)), Some(p)),
            Rule::AgoDays => single(add_days(p, -n)),
            Rule::AgoWeeks => {
                let mon = add_days(p, -7 * n).and_then(monday_of);
                (mon, mon.and_then(|m| add_days(m, 6)))
            }
            Rule::AgoMonths => {
                let d = i32::try_from(n).ok().and_then(|n| add_months(p, -n));
                d.map_or((None, None), |d| month_range(d.year(), d.month()))
            }
            Rule::Vague => (None, None),
        }
    }
}

/// A date expression found at a token position.
struct Found {
    first: usize,
    end: usize,
    range: Range,
    kind: DateKind,
}

fn no_slot(_: usize) -> Option<(usize, u32)> {
    None
}

fn word(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    toks.get(i).is_some_and(|t| words.contains(&t.norm))
}

fn num_value(t: &Tok, max_len: usize) -> Option<u32> {
    if t.kind == Kind::Num && t.norm.len() <= max_len {
        t.norm.parse().ok()
    } else {
        None
    }
}

/// A day of the month at `i` ("5", "1er", "3rd", "premier"): (next, day).
fn day_at(toks: &[Tok], i: usize) -> Option<(usize, u32)> {
    let t = toks.get(i)?;
    if t.norm == "premier" {
        return Some((i + 1, 1));
    }
    let d = num_value(t, 2).filter(|d| (1..=31).contains(d))?;
    let mut j = i + 1;
    if toks.get(j).is_some_and(|s| {
        s.kind == Kind::Word
            && !s.space_before
            && ["er", "st", "nd", "rd", "th", "e"].contains(&s.norm)
    }) {
        j += 1;
    }
    // Not a day when digits or a decimal mark follow directly ("5.5", "5:30").
    if toks.get(j).is_some_and(|s| !s.space_before && (s.is_punct(":") || s.kind == Kind::Num)) {
        return None;
    }
    Some((j, d))
}

/// Month names that are a shorter form of another ("jan", "sept", "févr"):
/// only these take the period of an abbreviation.
static MONTH_ABBREVIATIONS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let words: Vec<String> =
        rows(MONTHS).filter_map(|r| r.get(1).map(|w| crate::token::normalize(w))).collect();
    words
        .iter()
        .filter(|w| words.iter().any(|o| o.len() > w.len() && o.starts_with(w.as_str())))
        .cloned()
        .collect()
});

/// A four-digit year at `i`.
fn year_at(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
    let t = toks.get(i)?;
    if t.norm.len() != 4 {
        return None;
    }
    let y = num_value(t, 4).filter(|y| (1900..=2100).contains(y))?;
    Some((i + 1, i32::try_from(y).ok()?))
}

/// A month name at `i`, with the period of an abbreviation: (next, month).
fn month_at(toks: &[Tok], i: usize, ls: &[L]) -> Option<(usize, u32)> {
    let m = LEXICON.months.match_at(toks, i, ls, &no_slot)?;
    // English capitalises month names ("may" is a verb); French does not.
    if ls == [L::En] && !toks[i].cap {
        return None;
    }
    let mut j = m.end;
    if toks.get(j).is_some_and(|t| t.is_punct(".") && !t.space_before)
        && MONTH_ABBREVIATIONS.contains(toks[i].norm)
    {
        j += 1;
    }
    Some((j, *m.value))
}

fn weekday_word(toks: &[Tok], i: usize, ls: &[L]) -> Option<(usize, u32)> {
    let m = LEXICON.weekdays.match_at(toks, i, ls, &no_slot)?;
    Some((m.end, *m.value))
}

/// The year that puts month/day on or before `p`.
fn infer_year(m: u32, d: u32, p: NaiveDate) -> Option<NaiveDate> {
    match NaiveDate::from_ymd_opt(p.year(), m, d) {
        Some(x) if x <= p => Some(x),
        _ => NaiveDate::from_ymd_opt(p.year() - 1, m, d),
    }
}

/// Day and month with an optional year: a range of one or more days.
fn days_range(d1: u32, d2: u32, m: u32, y: Option<i32>, p: Option<NaiveDate>) -> Option<Range> {
    // The date must exist in some year (allow 29 February).
    NaiveDate::from_ymd_opt(2024, m, d1.max(d2))?;
    let start = match y {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d1),
        None => p
            .and_then(|p| infer_year(m, d2, p))
            .and_then(|e| NaiveDate::from_ymd_opt(e.year(), m, d1)),
    };
    let end = start.and_then(|s| NaiveDate::from_ymd_opt(s.year(), m, d2));
    Some((start, end))
}

/// "le 5 août 2023", "August 5, 2023", "août 2023", "2024-01-03", "du 5 au 7 août"…
/// "du"/"from"/"between"/"entre" belong to the span only when a range follows.
fn explicit_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    ls: &[L],
    p: Option<NaiveDate>,
) -> Option<Found> {
    let mut f = explicit_inner(text, toks, i, ls, p)?;
    let is_range = f.range.0 != f.range.1;
    if word(toks, i, &["du", "from", "between", "entre"]) && !is_range && f.end > i + 1 {
        f.first = i + 1;
    }
    Some(f)
}

fn explicit_inner(
    text: &str,
    toks: &[Tok],
    i: usize,
    ls: &[L],
    p: Option<NaiveDate>,
) -> Option<Found> {
    let mut j = i;
    if word(toks, j, &["le", "the", "du", "from", "between", "entre"]) {
        j += 1;
    }
    if let Some((next, _)) = weekday_word(toks, j, ls) {
        j = next;
        if toks.get(j).is_some_and(|t| t.is_punct(",")) {
            j += 1;
        }
    }
    let found =
        |end: usize, range: Range| Some(Found { first: i, end, range, kind: DateKind::Explicit });
    if let Some((end, range)) = part_of_month(toks, j, ls, p) {
        return found(end, range);
    }
    if let Some(f) = numeric_at(toks, j, ls, p) {
        return found(f.0, f.1);
    }
    // Day first: "5 août", "9th of May 2020", "5-7 May", "du 5 au 7 août".
    if let Some((k, d1)) = day_at(toks, j) {
        let mut k = k;
        let mut d2 = d1;
        if word(toks, k, &["-", "au", "to", "and", "et"]) {
            if let Some((k2, d)) = day_at(toks, k + 1).filter(|(_, d)| *d > d1) {
                d2 = d;
                k = k2;
            }
        }
        if word(toks, k, &["of"]) {
            k += 1;
        }
        if let Some((k, m)) = month_at(toks, k, ls) {
            if d1 == d2 {
                if let Some(f) = cross_month(toks, k, ls, p, (d1, m)) {
                    return found(f.0, f.1);
                }
            }
            let (mut end, mut year) = (k, None);
            let comma = usize::from(toks.get(k).is_some_and(|t| t.is_punct(",")));
            if let Some((e, y)) = year_at(toks, k + comma) {
                end = e;
                year = Some(y);
            }
            return found(end, days_range(d1, d2, m, year, p)?);
        }
    }
    // Month first: "January 3, 2024", "Jan. 3", "août 2023", "May of 2020".
    if let Some((k, m)) = month_at(toks, j, ls) {
        if let Some((k2, d)) = day_at(toks, k) {
            let comma = usize::from(toks.get(k2).is_some_and(|t| t.is_punct(",")));
            let (end, year) = match year_at(toks, k2 + comma) {
                Some((e, y)) => (e, Some(y)),
                None => (k2, None),
            };
            // "May 20" alone is read as a day only in English.
            if year.is_some() || ls.contains(&L::En) {
                return found(end, days_range(d, d, m, year, p)?);
            }
        }
        let k = if word(toks, k, &["de", "of"]) { k + 1 } else { k };
        if let Some((end, y)) = year_at(toks, k) {
            return found(end, month_range(y, m));
        }
        // "last June", "en juin dernier": the last such month before the publication's own.
        let before = j == i && i > 0 && word(toks, i - 1, &["last"]);
        let after = word(toks, k, LAST);
        if before || after {
            let range = p.map_or((None, None), |p| {
                let y = if m < p.month() { p.year() } else { p.year() - 1 };
                month_range(y, m)
            });
            return found(if after { k + 1 } else { k }, range);
        }
        // "en août", "in August": the last such month on or before publication.
        if j == i && i > 0 && word(toks, i - 1, &["en", "in"]) {
            let range = p.map_or((None, None), |p| {
                let y = if m <= p.month() { p.year() } else { p.year() - 1 };
                month_range(y, m)
            });
            return found(k, range);
        }
    }
    // "en 2023", "in 2023".
    if j == i && i > 0 && word(toks, i - 1, &["en", "in"]) {
        if let Some((end, y)) = year_at(toks, i) {
            let _ = text;
            return found(end, year_range(y));
        }
    }
    None
}

/// Words that join the two ends of a range of days.
const RANGE_JOINERS: &[&str] = &["-", "au", "to", "and", "et", "until", "jusqu'"];

/// "30 avril au 2 mai", "30 April - 2 May 2020": a range over two months,
/// after the first day and month. Returns (next token, range).
fn cross_month(
    toks: &[Tok],
    k: usize,
    ls: &[L],
    p: Option<NaiveDate>,
    (d1, m1): (u32, u32),
) -> Option<(usize, Range)> {
    if !word(toks, k, RANGE_JOINERS) {
        return None;
    }
    let (k2, d2) = day_at(toks, k + 1)?;
    let (k3, m2) = month_at(toks, k2, ls)?;
    if m2 == m1 {
        return None;
    }
    NaiveDate::from_ymd_opt(2024, m2, d2)?;
    NaiveDate::from_ymd_opt(2024, m1, d1)?;
    let comma = usize::from(toks.get(k3).is_some_and(|t| t.is_punct(",")));
    let (next, end) = match year_at(toks, k3 + comma) {
        Some((e, y)) => (e, NaiveDate::from_ymd_opt(y, m2, d2)),
        None => (k3, p.and_then(|p| infer_year(m2, d2, p))),
    };
    let start = end.and_then(|e| {
        let y = if m1 > m2 { e.year() - 1 } else { e.year() };
        NaiveDate::from_ymd_opt(y, m1, d1)
    });
    Some((next, (start, end)))
}

/// "début août", "mi-juillet 2021", "fin mai", "early May", "mid-July",
/// "late June": the first, middle or last ten days of the month.
fn part_of_month(toks: &[Tok], j: usize, ls: &[L], p: Option<NaiveDate>) -> Option<(usize, Range)> {
    let part = match toks.get(j)?.norm {
        "debut" | "early" => 0,
        "mi" | "mid" => 1,
        "fin" | "late" => 2,
        _ => return None,
    };
    let mut k = j + 1;
    if word(toks, k, &["-"]) || (word(toks, k, &["de"]) && part != 1) {
        k += 1;
    }
    let (k, m) = month_at(toks, k, ls)?;
    let (end, year) = match year_at(toks, k) {
        Some((e, y)) => (e, Some(y)),
        None => (k, p.map(|p| if m <= p.month() { p.year() } else { p.year() - 1 })),
    };
    let range = year.map_or((None, None), |y| {
        let (first, last) = month_range(y, m);
        let day = |d: u32| NaiveDate::from_ymd_opt(y, m, d);
        match part {
            0 => (first, day(10)),
            1 => (day(11), day(20)),
            _ => (day(21), last),
        }
    });
    Some((end, range))
}

/// "2024-01-03", "03/01/2024", "3.1.2024".
fn numeric_at(toks: &[Tok], j: usize, ls: &[L], p: Option<NaiveDate>) -> Option<(usize, Range)> {
    let get = |k: usize| toks.get(k).filter(|t| k == j || !t.space_before);
    let (a, s1, b, s2, c) = (get(j)?, get(j + 1)?, get(j + 2)?, get(j + 3)?, get(j + 4)?);
    if s1.norm != s2.norm || !["-", "/", "."].contains(&s1.norm) {
        return None;
    }
    if toks.get(j + 5).is_some_and(|t| !t.space_before && t.kind == Kind::Num) {
        return None;
    }
    let single = |d: Option<NaiveDate>| Some((j + 5, (d, d)));
    if s1.norm == "-" && a.norm.len() == 4 {
        let (y, m, d) = (num_value(a, 4)?, num_value(b, 2)?, num_value(c, 2)?);
        return single(Some(NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?));
    }
    if s1.norm == "-" {
        return None;
    }
    let (x, y2) = (num_value(a, 2)?, num_value(b, 2)?);
    let year = match c.norm.len() {
        4 => i32::try_from(num_value(c, 4)?).ok()?,
        // "3.5.20" looks like a version number: dots need a full year.
        2 if s1.norm != "." => 2000 + i32::try_from(num_value(c, 2)?).ok()?,
        _ => return None,
    };
    let dm = NaiveDate::from_ymd_opt(year, y2, x);
    let md = NaiveDate::from_ymd_opt(year, x, y2);
    let fr = ls == [L::Fr] || s1.norm == ".";
    let _ = p;
    match (dm, md) {
        (Some(d), _) if fr => single(Some(d)),
        (None, None) => None,
        (Some(d), None) | (None, Some(d)) => single(Some(d)),
        (Some(a), Some(b)) if a == b => single(Some(a)),
        (Some(_), Some(_)) => Some((j + 5, (None, None))),
    }
}

const LAST: &[&str] = &["dernier", "derniere", "passe", "passee"];
const NEXT: &[&str] = &["prochain", "prochaine"];
const TIME_OF_DAY: &[&str] = &[
    "matin",
    "soir",
    "soiree",
    "nuit",
    "midi",
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
];

/// "mardi soir", "dimanche dernier", "last Friday", "dans la nuit de lundi à mardi".
fn weekday_at(toks: &[Tok], i: usize, ls: &[L], p: Option<NaiveDate>) -> Option<Found> {
    let mut j = i;
    let (mut last, mut next) = (false, false);
    let mut night = false;
    if word(toks, j, &["dans"]) && word(toks, j + 1, &["la"]) && word(toks, j + 2, &["nuit"]) {
        j += 3;
        night = true;
    } else if word(toks, j, &["la"]) && word(toks, j + 1, &["nuit"]) {
        j += 2;
        night = true;
    }
    if night {
        if !word(toks, j, &["de", "du"]) {
            return None;
        }
        j += 1;
    }
    // "late Tuesday", "early Monday": the day itself.
    if word(toks, j, &["late", "early"]) && weekday_word(toks, j + 1, ls).is_some() {
        j += 1;
    }
    if word(toks, j, &["last", "past"]) {
        last = true;
        j += 1;
    } else if word(toks, j, &["this"]) && word(toks, j + 1, &["past"]) {
        last = true;
        j += 2;
    } else if word(toks, j, &["next"]) {
        next = true;
        j += 1;
    } else if word(toks, j, &["ce", "this"]) {
        j += 1;
    }
    let (mut k, wd) = weekday_word(toks, j, ls)?;
    let mut wd_end = None;
    loop {
        if word(toks, k, LAST) {
            last = true;
            k += 1;
        } else if word(toks, k, NEXT) {
            next = true;
            k += 1;
        } else if word(toks, k, TIME_OF_DAY) {
            k += 1;
        } else if word(toks, k, &["apres"])
            && word(toks, k + 1, &["-"])
            && word(toks, k + 2, &["midi"])
        {
            k += 3;
        } else if night && wd_end.is_none() && word(toks, k, &["a", "au", "to"]) {
            let Some((k2, wd2)) = weekday_word(toks, k + 1, ls) else { break };
            wd_end = Some(wd2);
            k = k2;
        } else {
            break;
        }
    }
    // "doit entrer en vigueur mercredi", "will resume on Monday": the coming day.
    let ahead = !last && !next && told_ahead(toks, i, ls);
    let range = p.map_or((None, None), |p| {
        let day = if ahead { coming_weekday(p, wd) } else { resolve_weekday(p, wd, last, next) };
        let end = match wd_end {
            Some(w2) => day.and_then(|d| add_days(d, i64::from((w2 + 7 - wd) % 7))),
            None => day,
        };
        (day, end)
    });
    Some(Found { first: i, end: k, range, kind: DateKind::Weekday })
}

/// How far back from a weekday a word of the future is looked for (in its sentence).
const AHEAD_REACH: usize = 12;

/// True when a word of the future comes before token `i` in its clause (a comma ends the
/// search: "doivent reprendre, a indiqué mardi le ministre" tells when it was said): an auxiliary or a
/// phrase of planning of `future_cues.tsv`, or a French verb in the simple future.
fn told_ahead(toks: &[Tok], i: usize, ls: &[L]) -> bool {
    let from = i.saturating_sub(AHEAD_REACH);
    for k in (from..i).rev() {
        let t = &toks[k];
        if t.kind == Kind::Punct && matches!(t.norm, "." | "!" | "?" | ";" | ",") {
            return false;
        }
        if LEXICON.future.match_at(toks, k, ls, &no_slot).is_some_and(|m| m.end <= i)
            || (ls.contains(&L::Fr) && french_future(t))
        {
            return true;
        }
    }
    false
}

/// A French verb in the simple future: "entreront", "se tiendra", "reprendra", "entrera".
fn french_future(t: &Tok) -> bool {
    const NOT_VERBS: [&str; 6] = ["front", "affront", "camera", "cholera", "opera", "extra"];
    t.kind == Kind::Word
        && !t.cap
        && t.norm.len() >= 6
        && !NOT_VERBS.contains(&t.norm)
        && (t.norm.ends_with("ront")
            || ["era", "ira", "dra", "tra"].iter().any(|s| t.norm.ends_with(s)))
}

/// The first `wd` (1 = Monday) on or after `p`.
fn coming_weekday(p: NaiveDate, wd: u32) -> Option<NaiveDate> {
    let cur = p.weekday().number_from_monday();
    add_days(p, i64::from((wd + 7 - cur) % 7))
}

/// The most recent `wd` (1 = Monday) on or before `p` (before `p` when
/// `last`), or the first after `p` when `next`.
fn resolve_weekday(p: NaiveDate, wd: u32, last: bool, next: bool) -> Option<NaiveDate> {
    let cur = p.weekday().number_from_monday();
    if next {
        let ahead = (wd + 7 - cur) % 7;
        return add_days(p, i64::from(if ahead == 0 { 7 } else { ahead }));
    }
    let base = if last { add_days(p, -1)? } else { p };
    let back = (base.weekday().number_from_monday() + 7 - wd) % 7;
    add_days(base, -i64::from(back))
}

/// Phrases of `relative_dates.tsv`.
fn relative_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    ls: &[L],
    p: Option<NaiveDate>,
) -> Option<Found> {
    let slot = |k: usize| number_at(text, toks, k, ls).and_then(|n| Some((n.end, n.value?)));
    let m = LEXICON.relative.match_at(toks, i, ls, &slot)?;
    let rule = *m.value;
    let range = p.map_or((None, None), |p| rule.resolve(p, m.slot));
    let kind = if rule == Rule::Vague { DateKind::Vague } else { DateKind::Relative };
    Some(Found { first: i, end: m.end, range, kind })
}

/// Words that may open a date expression besides digits and the first
/// words of the month, weekday and relative-date tables: articles and
/// prepositions of [`explicit_at`], parts of a month, "premier", and the
/// openers of [`weekday_at`].
const OPENERS: &[&str] = &[
    "le", "the", "du", "from", "between", "entre", "debut", "early", "mi", "mid", "fin", "late",
    "premier", "dans", "la", "last", "past", "this", "next", "ce",
];

/// False when no date expression can start with token `t` (a cheap test
/// that spares most words the readers of [`dates_in`]).
fn may_open(t: &Tok) -> bool {
    t.kind == Kind::Num
        || OPENERS.contains(&t.norm)
        || LEXICON.months.may_start(t.id)
        || LEXICON.weekdays.may_start(t.id)
        || LEXICON.relative.word_starts(t.id)
        || (LEXICON.relative.slot_starts() && crate::number::may_open(t))
}

pub(crate) fn dates_in(
    text: &str,
    toks: &[Tok],
    ls: &[L],
    p: Option<NaiveDate>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_open(&toks[i]) {
            i += 1;
            continue;
        }
        let best = [
            explicit_at(text, toks, i, ls, p),
            weekday_at(toks, i, ls, p),
            relative_at(text, toks, i, ls, p),
        ]
        .into_iter()
        .flatten()
        .filter(|f| f.end > f.first)
        .max_by_key(|f| (f.end, std::cmp::Reverse(f.kind as u8)));
        let Some(f) = best else {
            i += 1;
            continue;
        };
        let (start, end) = (toks[f.first].start, toks[f.end - 1].end);
        let (a, b) = f.range;
        out.push(DateMention {
            span: Span::new(start, end),
            text: text[start..end].to_string(),
            start: a,
            end: b,
            kind: f.kind,
        });
        i = f.end;
    }
    out
}

/// Every date expression inside `span` of `text`, in text order, resolved
/// against `published` (see the module notes for the semantics).
///
/// ```
/// use chrono::NaiveDate;
/// use sitrep_model::{Lang, Span};
/// use sitrep_quantify::find_dates;
/// let text = "la semaine dernière, une base a été visée";
/// let p = NaiveDate::from_ymd_opt(2021, 7, 8);
/// let d = &find_dates(text, Span::new(0, text.len()), Lang::Fr, p)[0];
/// assert_eq!(d.text, "la semaine dernière");
/// assert_eq!(d.start, NaiveDate::from_ymd_opt(2021, 6, 28));
/// assert_eq!(d.end, NaiveDate::from_ymd_opt(2021, 7, 4));
/// ```
pub fn find_dates(
    text: &str,
    span: Span,
    lang: Lang,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let span = clamp(text, span);
    let body = &text[span.start..span.end];
    cached(&MEMO, (span.start, lang, published), body, || {
        let toks = crate::token::tokenize_shared(text, span);
        let toks = toks.toks();
        join_ranges(text, dates_in(text, &toks, langs(lang), published))
    })
}

/// "entre jeudi et samedi", "between Thursday and Saturday", "du 3 au 5": two dates joined as
/// the bounds of one range become one mention of the whole range.
fn join_ranges(text: &str, dates: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::with_capacity(dates.len());
    for d in dates {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.span.end..d.span.start).unwrap_or("").trim().to_lowercase();
            let lead_of = |s: &str| {
                let w = s.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
                matches!(w.to_lowercase().as_str(), "entre" | "between" | "from" | "du")
            };
            let lead = lead_of(text.get(..prev.span.start).unwrap_or(""))
                || prev.text.split_whitespace().next().is_some_and(lead_of);
            let ordered = matches!((prev.start, d.end), (Some(a), Some(b)) if a < b);
            if lead && ordered && matches!(gap.as_str(), "et" | "and" | "to" | "au" | "à" | "until")
            {
                prev.span = Span::new(prev.span.start, d.span.end);
                prev.text = text[prev.span.start..prev.span.end].to_string();
                prev.end = d.end;
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// The key of a date reading besides the span's text.
type DateKey = (usize, Lang, Option<NaiveDate>);

thread_local! {
    static MEMO: RefCell<Memo<DateKey, Vec<DateMention>>> = RefCell::new(Memo::default());
}

/// A date from a metadata field, leniently.
///
/// Accepted: `YYYY-MM-DD` and anything starting with it (RFC 3339,
/// `2020-05-09 10:00`), `YYYY/MM/DD`, `YYYYMMDD`, RFC 2822 (the date as
/// written, in its own offset), `9-May-20` / `09-May-2020` (ACLED),
/// `M/D/YYYY` (US order, as in GTD summaries; read as D/M/YYYY when the first
/// part is above 12), `D.M.YYYY`, and written dates in French or English
/// ("9 May 2020", "May 9, 2020", "le 5 août 2023"). Returns `None` otherwise.
pub fn parse_date_field(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(head) = s.get(..10) {
        for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
            if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
                return Some(d);
            }
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for fmt in ["%Y%m%d", "%d-%b-%y", "%d-%b-%Y", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    if let Some(d) = us_slashed(s) {
        return Some(d);
    }
    let toks = tokenize(s, Span::new(0, s.len()));
    let toks = toks.toks();
    let dates = dates_in(s, &toks, &[L::En, L::Fr], None);
    match dates.as_slice() {
        [d] if d.kind == DateKind::Explicit && d.start.is_some() && d.start == d.end => d.start,
        _ => None,
    }
}

fn us_slashed(s: &str) -> Option<NaiveDate> {
    let mut it = s.split('/');
    let (a, b, c) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || c.len() != 4 {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    if a > 12 {
        NaiveDate::from_ymd_opt(y, b, a)
    } else {
        NaiveDate::from_ymd_opt(y, a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// (sentence, lang, published, expected mention text, start, end, kind)
    type Case = (
        &'static str,
        Lang,
        Option<NaiveDate>,
        &'static str,
        Option<NaiveDate>,
        Option<NaiveDate>,
        DateKind,
    );

    #[test]
    #[rustfmt::skip]
    fn finds_and_resolves_dates() {
        use DateKind::*;
        // Thursday 8 July 2021.
        let p = ymd(2021, 7, 8);
        let cases: Vec<Case> = vec![
            ("late Tuesday", Lang::En, p, "late Tuesday", ymd(2021, 7, 6), ymd(2021, 7, 6), Weekday),
            ("la veille", Lang::Fr, p, "la veille", None, None, Vague),
            ("la semaine prochaine", Lang::Fr, p, "la semaine prochaine", ymd(2021, 7, 12), ymd(2021, 7, 18), Relative),
            ("l'année dernière", Lang::Fr, p, "l'année dernière", ymd(2020, 1, 1), ymd(2020, 12, 31), Relative),
            ("il y a trois jours", Lang::Fr, p, "il y a trois jours", ymd(2021, 7, 5), ymd(2021, 7, 5), Relative),
            ("dans l'embuscade du 3 mars.", Lang::Fr, p, "3 mars", ymd(2021, 3, 3), ymd(2021, 3, 3), Explicit),
            ("le 3 janv. 2021", Lang::Fr, p, "le 3 janv. 2021", ymd(2021, 1, 3), ymd(2021, 1, 3), Explicit),
            ("la semaine dernière, une base", Lang::Fr, p, "la semaine dernière", ymd(2021, 6, 28), ymd(2021, 7, 4), Relative),
            ("au cours de ces derniers jours;", Lang::Fr, p, "ces derniers jours", ymd(2021, 7, 1), p, Relative),
            ("ont précédemment ciblé", Lang::Fr, p, "précédemment", None, None, Vague),
            ("a récemment déclaré", Lang::Fr, p, "récemment", None, None, Vague),
            ("Hier, trois obus", Lang::Fr, p, "Hier", ymd(2021, 7, 7), ymd(2021, 7, 7), Relative),
            ("avant-hier soir", Lang::Fr, p, "avant-hier", ymd(2021, 7, 6), ymd(2021, 7, 6), Relative),
            ("aujourd’hui", Lang::Fr, p, "aujourd’hui", p, p, Relative),
            ("ce matin", Lang::Fr, p, "ce matin", p, p, Relative),
            ("cette semaine", Lang::Fr, p, "cette semaine", ymd(2021, 7, 5), p, Relative),
            ("le mois dernier", Lang::Fr, p, "le mois dernier", ymd(2021, 6, 1), ymd(2021, 6, 30), Relative),
            ("au cours des dernières 24 heures", Lang::Fr, p, "au cours des dernières 24 heures", ymd(2021, 7, 7), p, Relative),
            ("le 5 août", Lang::Fr, p, "le 5 août", ymd(2020, 8, 5), ymd(2020, 8, 5), Explicit),
            ("le 5 juillet", Lang::Fr, p, "le 5 juillet", ymd(2021, 7, 5), ymd(2021, 7, 5), Explicit),
            ("le 5 août 2023", Lang::Fr, None, "le 5 août 2023", ymd(2023, 8, 5), ymd(2023, 8, 5), Explicit),
            ("le 5 août", Lang::Fr, None, "le 5 août", None, None, Explicit),
            ("le 1er mai", Lang::Fr, p, "le 1er mai", ymd(2021, 5, 1), ymd(2021, 5, 1), Explicit),
            ("en août 2023", Lang::Fr, None, "août 2023", ymd(2023, 8, 1), ymd(2023, 8, 31), Explicit),
            ("du 5 au 7 juin", Lang::Fr, p, "du 5 au 7 juin", ymd(2021, 6, 5), ymd(2021, 6, 7), Explicit),
            ("le 03/01/2024", Lang::Fr, None, "le 03/01/2024", ymd(2024, 1, 3), ymd(2024, 1, 3), Explicit),
            ("lundi", Lang::Fr, p, "lundi", ymd(2021, 7, 5), ymd(2021, 7, 5), Weekday),
            ("mardi soir", Lang::Fr, p, "mardi soir", ymd(2021, 7, 6), ymd(2021, 7, 6), Weekday),
            ("jeudi", Lang::Fr, p, "jeudi", p, p, Weekday),
            ("jeudi dernier", Lang::Fr, p, "jeudi dernier", ymd(2021, 7, 1), ymd(2021, 7, 1), Weekday),
            ("dimanche dernier", Lang::Fr, p, "dimanche dernier", ymd(2021, 7, 4), ymd(2021, 7, 4), Weekday),
            ("dans la nuit de lundi à mardi", Lang::Fr, p, "dans la nuit de lundi à mardi", ymd(2021, 7, 5), ymd(2021, 7, 6), Weekday),
            ("lundi 5 juillet 2021", Lang::Fr, None, "lundi 5 juillet 2021", ymd(2021, 7, 5), ymd(2021, 7, 5), Explicit),
            ("On 9 May 2020, militants", Lang::En, None, "9 May 2020", ymd(2020, 5, 9), ymd(2020, 5, 9), Explicit),
            ("Around 8 May 2020 (as reported)", Lang::En, None, "8 May 2020", ymd(2020, 5, 8), ymd(2020, 5, 8), Explicit),
            ("on Jan. 3 the army", Lang::En, p, "Jan. 3", ymd(2021, 1, 3), ymd(2021, 1, 3), Explicit),
            ("January 3, 2024", Lang::En, None, "January 3, 2024", ymd(2024, 1, 3), ymd(2024, 1, 3), Explicit),
            ("3 January 2024", Lang::En, None, "3 January 2024", ymd(2024, 1, 3), ymd(2024, 1, 3), Explicit),
            ("on 2024-01-03.", Lang::En, None, "2024-01-03", ymd(2024, 1, 3), ymd(2024, 1, 3), Explicit),
            ("on 03/01/2024", Lang::En, None, "03/01/2024", None, None, Explicit),
            ("on 13/01/2024", Lang::En, None, "13/01/2024", ymd(2024, 1, 13), ymd(2024, 1, 13), Explicit),
            ("the 9th of May", Lang::En, p, "the 9th of May", ymd(2021, 5, 9), ymd(2021, 5, 9), Explicit),
            ("in 2019", Lang::En, None, "2019", ymd(2019, 1, 1), ymd(2019, 12, 31), Explicit),
            ("between 30 April and 2 May", Lang::En, p, "between 30 April and 2 May", ymd(2021, 4, 30), ymd(2021, 5, 2), Explicit),
            ("du 28 décembre au 3 janvier 2021", Lang::Fr, None, "du 28 décembre au 3 janvier 2021", ymd(2020, 12, 28), ymd(2021, 1, 3), Explicit),
            ("à la mi-juin", Lang::Fr, p, "mi-juin", ymd(2021, 6, 11), ymd(2021, 6, 20), Explicit),
            ("début août 2020", Lang::Fr, None, "début août 2020", ymd(2020, 8, 1), ymd(2020, 8, 10), Explicit),
            ("in late May", Lang::En, p, "late May", ymd(2021, 5, 21), ymd(2021, 5, 31), Explicit),
            ("en août", Lang::Fr, p, "août", ymd(2020, 8, 1), ymd(2020, 8, 31), Explicit),
            ("on Tuesday", Lang::En, p, "Tuesday", ymd(2021, 7, 6), ymd(2021, 7, 6), Weekday),
            ("Tuesday night", Lang::En, p, "Tuesday night", ymd(2021, 7, 6), ymd(2021, 7, 6), Weekday),
            ("last Friday", Lang::En, p, "last Friday", ymd(2021, 7, 2), ymd(2021, 7, 2), Weekday),
            ("last Thursday", Lang::En, p, "last Thursday", ymd(2021, 7, 1), ymd(2021, 7, 1), Weekday),
            ("on Monday morning", Lang::En, p, "Monday morning", ymd(2021, 7, 5), ymd(2021, 7, 5), Weekday),
            ("next Monday", Lang::En, p, "next Monday", ymd(2021, 7, 12), ymd(2021, 7, 12), Weekday),
            ("yesterday", Lang::En, p, "yesterday", ymd(2021, 7, 7), ymd(2021, 7, 7), Relative),
            ("at the weekend", Lang::En, p, "at the weekend", ymd(2021, 7, 3), ymd(2021, 7, 4), Relative),
            ("au cours du week-end", Lang::Fr, p, "au cours du week-end", ymd(2021, 7, 3), ymd(2021, 7, 4), Relative),
            ("today", Lang::En, p, "today", p, p, Relative),
            ("last week", Lang::En, p, "last week", ymd(2021, 6, 28), ymd(2021, 7, 4), Relative),
            ("earlier this month", Lang::En, p, "earlier this month", ymd(2021, 7, 1), p, Relative),
            ("this week", Lang::En, p, "this week", ymd(2021, 7, 5), p, Relative),
            ("in recent days", Lang::En, p, "in recent days", ymd(2021, 7, 1), p, Relative),
            ("overnight", Lang::En, p, "overnight", ymd(2021, 7, 7), p, Relative),
            ("last month", Lang::En, p, "last month", ymd(2021, 6, 1), ymd(2021, 6, 30), Relative),
            ("in the past three days", Lang::En, p, "in the past three days", ymd(2021, 7, 5), p, Relative),
            ("two weeks ago", Lang::En, p, "two weeks ago", ymd(2021, 6, 21), ymd(2021, 6, 27), Relative),
            ("recently", Lang::En, p, "recently", None, None, Vague),
            ("yesterday", Lang::En, None, "yesterday", None, None, Relative),
        ];
        for (text, lang, p, want, start, end, kind) in cases {
            let got = find_dates(text, Span::new(0, text.len()), lang, p);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            let d = &got[0];
            assert_eq!(
                (d.text.as_str(), d.start, d.end, d.kind),
                (want, start, end, kind),
                "{text}"
            );
            assert_eq!(d.span.slice(text), d.text);
        }
    }

    /// Issue 5: a weekday after a word of the future is the coming day, not the last one.
    #[test]
    fn issue5_weekday_told_ahead_is_the_coming_day() {
        // Thursday 8 July 2021.
        let p = ymd(2021, 7, 8);
        let cases = [
            ("Le cessez-le-feu doit entrer en vigueur mercredi.", Lang::Fr, ymd(2021, 7, 14)),
            ("L'accord entrera en vigueur lundi.", Lang::Fr, ymd(2021, 7, 12)),
            ("Les pourparlers se tiendront jeudi à Doha.", Lang::Fr, p),
            ("Talks will resume in Geneva on Monday.", Lang::En, ymd(2021, 7, 12)),
            ("The vote is scheduled for Saturday.", Lang::En, ymd(2021, 7, 10)),
            // A comma or a full stop ends the search: these weekdays are past.
            (
                "Les discussions doivent reprendre, a indiqué mardi le ministre.",
                Lang::Fr,
                ymd(2021, 7, 6),
            ),
            ("Talks will resume. Rebels attacked a base on Monday.", Lang::En, ymd(2021, 7, 5)),
            ("Une caméra a filmé l'attaque lundi.", Lang::Fr, ymd(2021, 7, 5)),
            // A call to gather is for a coming day.
            (
                "Students have called for a mass rally in Belgrade on Saturday.",
                Lang::En,
                ymd(2021, 7, 10),
            ),
            ("Les syndicats appellent à manifester samedi à Paris.", Lang::Fr, ymd(2021, 7, 10)),
            ("Thousands protested on Saturday and called for change.", Lang::En, ymd(2021, 7, 3)),
        ];
        for (text, lang, want) in cases {
            let got = find_dates(text, Span::new(0, text.len()), lang, p);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].start, want, "{text}");
        }
    }

    /// Issue 5: "last June" said in June is a year before.
    #[test]
    fn issue5_last_month_named_is_before_the_publications_month() {
        let p = ymd(2025, 6, 26);
        for (text, lang) in [
            ("Last June, more than 60 people were killed.", Lang::En),
            ("En juin dernier, plus de 60 personnes ont été tuées.", Lang::Fr),
        ] {
            let got = find_dates(text, Span::new(0, text.len()), lang, p);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!((got[0].start, got[0].end), (ymd(2024, 6, 1), ymd(2024, 6, 30)), "{text}");
        }
        let text = "Last March, rebels took the town.";
        let got = find_dates(text, Span::new(0, text.len()), Lang::En, p);
        assert_eq!(got[0].start, ymd(2025, 3, 1));
    }

    /// Issue 5: two weekdays as the bounds of a range are one mention of the range.
    #[test]
    fn issue5_weekdays_between_bounds_make_one_range() {
        // Monday 29 July 2024.
        let p = ymd(2024, 7, 29);
        for (text, lang) in [
            ("Des combats ont eu lieu entre jeudi et samedi près de Tinzaouatène.", Lang::Fr),
            ("Fighting raged between Thursday and Saturday near the border.", Lang::En),
        ] {
            let got = find_dates(text, Span::new(0, text.len()), lang, p);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!((got[0].start, got[0].end), (ymd(2024, 7, 25), ymd(2024, 7, 27)));
        }
        // Not a list of two days.
        let text = "Rebels attacked on Thursday and Saturday.";
        assert_eq!(find_dates(text, Span::new(0, text.len()), Lang::En, p).len(), 2);
    }

    #[test]
    fn ignores_non_dates() {
        let cases = [
            ("May God protect them", Lang::En),
            ("il y a 5 ans de cela, 12 soldats", Lang::Fr),
            ("They may 20 times", Lang::En),
            ("le 5 et le 6", Lang::Fr),
            ("31 février", Lang::Fr),
            ("3.5 km", Lang::En),
            ("version 1.2.10 was released", Lang::En),
        ];
        for (text, lang) in cases {
            let got = find_dates(text, Span::new(0, text.len()), lang, ymd(2021, 7, 8));
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn seed_report_dates() {
        let text = "Les propos interviennent alors que des frappes ont été signalées à plusieurs reprises au cours de ces derniers jours; la semaine dernière, une base militaire américaine a été la cible de roquettes. Les frappes surviennent alors que des avions de chasse américains ont précédemment ciblé des zones à la frontière.";
        let got: Vec<_> = find_dates(text, Span::new(0, text.len()), Lang::Fr, None)
            .into_iter()
            .map(|d| (d.text, d.kind, d.start))
            .collect();
        let want = vec![
            ("ces derniers jours".to_string(), DateKind::Relative, None),
            ("la semaine dernière".to_string(), DateKind::Relative, None),
            ("précédemment".to_string(), DateKind::Vague, None),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn parses_date_fields() {
        let cases = [
            ("2020-05-09", ymd(2020, 5, 9)),
            ("2021-07-08T10:00:00+02:00", ymd(2021, 7, 8)),
            ("Tue, 1 Jul 2003 10:52:37 +0200", ymd(2003, 7, 1)),
            ("9-May-20", ymd(2020, 5, 9)),
            ("09-May-2020", ymd(2020, 5, 9)),
            ("05/01/2012", ymd(2012, 5, 1)),
            ("25/01/2012", ymd(2012, 1, 25)),
            ("20200509", ymd(2020, 5, 9)),
            ("9 May 2020", ymd(2020, 5, 9)),
            ("May 9, 2020", ymd(2020, 5, 9)),
            ("le 5 août 2023", ymd(2023, 8, 5)),
            ("5 août", None),
            ("yesterday", None),
            ("", None),
            ("2020-13-45", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date_field(s), want, "{s}");
        }
    }
}
