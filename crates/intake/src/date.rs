//! Publication dates as containers write them.
//!
//! Accepted: ISO 8601 / RFC 3339 (`2024-05-01`, `2024-05-01T10:00:00+02:00`:
//! the date as written, in its own offset), `YYYY/MM/DD`, `YYYYMMDD`, RFC 2822
//! (`Wed, 01 May 2024 10:00:00 +0200`), day-month-year with English or French
//! month names (`1 May 2024`, `1er mai 2024`, `May 1, 2024`), and `DD/MM/YYYY`
//! or `DD.MM.YYYY` when unambiguous (one part above 12, or both equal).
//! Everything else is `None`: a date is never guessed.

use chrono::{DateTime, NaiveDate};

/// English and French month names and abbreviations (lowercase, accents kept and folded).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("fev", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
];

/// Parses a publication date; `None` when the value is not a recognisable date.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    iso_prefix(s)
        .or_else(|| DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()))
        .or_else(|| compact(s))
        .or_else(|| numeric(s))
        .or_else(|| with_month_name(s))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, alone or followed by a time (`T`, space).
fn iso_prefix(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let b = head.as_bytes();
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep {
        return None;
    }
    let y = head.get(0..4)?.parse().ok()?;
    let m = head.get(5..7)?.parse().ok()?;
    let d = head.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `YYYYMMDD`.
fn compact(s: &str) -> Option<NaiveDate> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(s[0..4].parse().ok()?, s[4..6].parse().ok()?, s[6..8].parse().ok()?)
}

/// `DD/MM/YYYY`, `DD.MM.YYYY`, `DD-MM-YYYY` when the day/month order is unambiguous.
fn numeric(s: &str) -> Option<NaiveDate> {
    let date = s.split([' ', 'T']).next()?;
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let a: u32 = parts[0].parse().ok()?;
    let b: u32 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    let (d, m) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        (false, false) if a == b => (a, b),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `1 May 2024`, `1er mai 2024`, `May 1, 2024`, `Wednesday 1 May 2024 10:00`.
fn with_month_name(s: &str) -> Option<NaiveDate> {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_number(w) else { continue };
        let after = words.get(i + 1..).and_then(|rest| rest.iter().find_map(|w| year_of(w)));
        let year = after.or_else(|| words[..i].iter().rev().find_map(|w| year_of(w)));
        let day_before = i.checked_sub(1).and_then(|j| day_of(words[j]));
        let day_after = words.get(i + 1).and_then(|w| day_of(w));
        if let (Some(y), Some(d)) = (year, day_before.or(day_after)) {
            return NaiveDate::from_ymd_opt(y, month, d);
        }
    }
    None
}

fn month_number(w: &str) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
}

fn day_of(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4).then(|| w.parse().ok()).flatten().filter(|y| (1000..=2999).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            ("2024-05-01", d(2024, 5, 1)),
            ("2024-05-01T23:30:00-05:00", d(2024, 5, 1)),
            ("2024-05-01T10:00:00.000Z", d(2024, 5, 1)),
            ("2024-05-01 10:00", d(2024, 5, 1)),
            ("2024/05/01", d(2024, 5, 1)),
            ("20240501", d(2024, 5, 1)),
            ("Wed, 01 May 2024 10:00:00 +0200", d(2024, 5, 1)),
            ("Wed, 1 May 2024 10:00:00 GMT", d(2024, 5, 1)),
            ("Sat, 02 Mar 24 08:00:00 GMT", d(2024, 3, 2)),
            ("Mon, 02 Mar 2024 08:00:00 CET", d(2024, 3, 2)),
            ("1 May 2024", d(2024, 5, 1)),
            ("May 1, 2024", d(2024, 5, 1)),
            ("1er mai 2024", d(2024, 5, 1)),
            ("2016 Oct 10", d(2016, 10, 10)),
            ("4:58 PM ET, Wed November 16, 2016", d(2016, 11, 16)),
            ("mercredi 14 février 2024 à 10h", d(2024, 2, 14)),
            ("25/12/2023", d(2023, 12, 25)),
            ("12/25/2023", d(2023, 12, 25)),
            ("25.12.2023", d(2023, 12, 25)),
            ("05/05/2023", d(2023, 5, 5)),
            ("03/04/2023", None),
            ("yesterday", None),
            ("2024-13-01", None),
            ("2024-02-30", None),
            ("", None),
            ("é", None),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_date(raw), want, "{raw:?}");
        }
    }
}
