//! Dates, numbers and casualty counts over an arbitrary span of arbitrary
//! text: no panic, and every span returned inside the span given.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use sitrep_fuzz::{check_inside, check_span, lang_of, text_of};
use sitrep_model::Span;

fuzz_target!(|data: &[u8]| {
    let [sel, a, b, body @ ..] = data else { return };
    let text = text_of(body);
    let lang = lang_of(*sel);
    // A span from two bytes, snapped to char boundaries (the contract of
    // the quantify functions is to accept any span and clamp it).
    let mut start = usize::from(*a) * text.len() / 256;
    let mut end = text.len() - usize::from(*b) * text.len() / 256;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let span = if start <= end { Span::new(start, end) } else { Span::new(end, start) };
    let published = NaiveDate::from_ymd_opt(2000 + i32::from(*sel), 1 + u32::from(*a % 12), 1);
    for d in sitrep_quantify::find_dates(&text, span, lang, published) {
        check_span(&text, d.span, "date");
        check_inside(d.span, span, "date in span");
    }
    for n in sitrep_quantify::find_numbers(&text, span, lang) {
        check_span(&text, n.span, "number");
        check_inside(n.span, span, "number in span");
    }
    for c in sitrep_quantify::find_casualties(&text, span, lang) {
        check_span(&text, c.span, "casualty");
        check_inside(c.span, span, "casualty in span");
        if let Some(who) = c.who {
            check_span(&text, who, "casualty who");
        }
    }
    if body.len() <= 256 {
        let _ = sitrep_quantify::parse_number(&text, lang);
        let _ = sitrep_quantify::parse_date_field(&text);
    }
    // Unsnapped spans (past the end, inside a char, reversed) must be
    // clamped, not trusted.
    let raw = Span { start: usize::from(*a), end: usize::from(*b) };
    let _ = sitrep_quantify::find_dates(&text, raw, lang, published);
    let _ = sitrep_quantify::find_numbers(&text, raw, lang);
    let _ = sitrep_quantify::find_casualties(&text, raw, lang);
});
