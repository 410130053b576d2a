//! Shared helpers of the sitrep fuzz targets: how a fuzz input is split into
//! parameters, and the invariants every target asserts on top of "no panic".
//!
//! The invariants are the ones the v1 contract promises downstream users:
//! every offset is a UTF-8 byte offset on a `char` boundary inside the text,
//! with `start <= end`. A violated invariant panics, which libFuzzer reports
//! as a crash with the input that caused it.
#![deny(missing_docs)]

use sitrep_model::{Lang, Report, Segmented, Span};

/// Largest document the intake targets accept (keeps each run fast).
pub const MAX_BYTES: usize = 1 << 20;

/// Languages a fuzz input can select with one byte.
const LANGS: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Ar, Lang::Es];

/// Picks a language from a selector byte.
pub fn lang_of(b: u8) -> Lang {
    LANGS[usize::from(b) % LANGS.len()]
}

/// Turns fuzz bytes into text: valid UTF-8 stays as is, anything else is
/// decoded lossily so that every target sees text of all shapes.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Asserts that `start..end` is a valid byte range of `text` on char
/// boundaries.
pub fn check_range(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what}: start {start} > end {end}");
    assert!(end <= text.len(), "{what}: end {end} past text length {}", text.len());
    assert!(text.is_char_boundary(start), "{what}: start {start} not on a char boundary");
    assert!(text.is_char_boundary(end), "{what}: end {end} not on a char boundary");
}

/// Asserts that a span is a valid byte range of `text`.
pub fn check_span(text: &str, span: Span, what: &str) {
    check_range(text, span.start, span.end, what);
}

/// Asserts that `inner` lies inside `outer`.
pub fn check_inside(inner: Span, outer: Span, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: {inner:?} outside {outer:?}"
    );
}

/// Asserts the invariants of a segmentation: every paragraph, sentence and
/// token is a valid range, sentences lie in their paragraph and tokens in
/// their sentence, all in text order.
pub fn check_segmented(text: &str, seg: &Segmented) {
    for (i, p) in seg.paragraphs.iter().enumerate() {
        check_span(text, p.span, "paragraph");
        assert!(
            p.sentences.end <= seg.sentences.len(),
            "paragraph {i}: sentence range out of bounds"
        );
    }
    let mut last_end = 0;
    for (i, s) in seg.sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        assert!(s.span.start >= last_end, "sentence {i} overlaps the previous one");
        last_end = s.span.end;
        let para = seg.paragraphs.get(s.paragraph).expect("sentence names a missing paragraph");
        check_inside(s.span, para.span, "sentence in paragraph");
        let toks = seg.tokens.get(s.tokens.clone()).expect("sentence token range out of bounds");
        for t in toks {
            check_span(text, t.span, "token");
            check_inside(t.span, s.span, "token in sentence");
        }
    }
    for t in &seg.tokens {
        check_span(text, t.span, "token");
    }
}

/// Asserts the offset invariants of a report coded from `text`: places,
/// entity mentions, event evidence, quotes and claims are valid ranges, and a
/// place's `text` is the text it points at.
pub fn check_report(text: &str, r: &Report) {
    for p in &r.places {
        check_range(text, p.start, p.end, "place");
        assert_eq!(
            text.get(p.start..p.end),
            Some(p.text.as_str()),
            "place text differs from its span"
        );
    }
    for e in &r.entities {
        for m in &e.mentions {
            check_span(text, *m, "entity mention");
        }
    }
    for ev in &r.events {
        for s in &ev.evidence {
            check_span(text, *s, "event evidence");
        }
    }
    for q in &r.quotes {
        check_range(text, q.start, q.end, "quote");
    }
    for c in &r.claims {
        check_range(text, c.start, c.end, "claim");
    }
}
