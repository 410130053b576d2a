//! Dates, numbers and casualty counts in French and English sentences.
//!
//! The events stage calls these functions once per sentence or clause, with
//! the sentence's byte span into the document text:
//!
//! * [`find_dates`]: date expressions resolved against the publication date
//!   into a range of days ([`DateMention`]); [`parse_date_field`] reads dates
//!   from metadata.
//! * [`find_numbers`] / [`parse_number`]: cardinal numbers in digits or words,
//!   with approximate and lower-bound flags ([`NumberMention`]).
//! * [`find_casualties`]: killed and injured counts with the phrase that
//!   states them and the noun phrase counted ([`Casualty`]).
//!
//! # Design
//!
//! Everything runs on one small tokenizer (words, digit runs, punctuation,
//! with byte offsets and a lowercase accent-folded form) and longest-match
//! phrase tables. The word lists are data, not code: `data/quantify/*.tsv`
//! (month and weekday names, number words, number modifiers, relative date
//! phrases, casualty triggers, "no casualties" phrases), embedded with
//! `include_str!` and parsed once into a `LazyLock`. Adding a phrase to a
//! language means adding a line to a TSV file; a unit test checks that every
//! line parses. No regular expressions: the rules are small hand-written
//! readers over tokens (a sentence takes tens of microseconds).
//!
//! Speed: a text is tokenized once per call and no token allocates (its
//! normalised form borrows from the text, or from one buffer when folding
//! changes it). Every word of the phrase tables gets a number when the
//! tables are built and every token carries the number of its form, so a
//! table lookup is an index and a phrase match compares integers; a number
//! slot shared by phrases of one table is read once per position. The events
//! stage asks about the same clause several times: each reader keeps its
//! last few answers per thread, keyed by the exact text of the span (see
//! `memo.rs`), so a repeated question costs a string comparison.
//!
//! # Adding a phrase or a language
//!
//! A new phrase is one line in the right TSV file (for example
//! `en<TAB>gunned down<TAB>killed<TAB>verb<TAB>0` in `casualty_triggers.tsv`),
//! plus a line in the table-driven tests of the module that reads it; the
//! lexicon tests check that the line parses and that the phrase matches its
//! own text. A new language needs a variant of the internal `L` enum
//! (`lexicon.rs`), its code in `L::parse` and in `langs`, and rows with that
//! code in every TSV file; the word sets of `casualty_words.tsv` are shared
//! and take its auxiliaries and determiners too.
//!
//! # Semantics in short
//!
//! * Dates: explicit dates, weekdays and relative phrases become a range of
//!   days (`start..=end`) resolved against the publication date; a date
//!   without a year takes the year that puts it on or before publication;
//!   without a publication date only dates with a year get a range. Vague
//!   phrases ("récemment") keep their text with no range. See [`find_dates`].
//! * Numbers: lower bounds ("at least 20", "plus de 20") give the stated
//!   number flagged `lower_bound`; ranges ("3 à 5") the lower end flagged
//!   `approx` and `lower_bound`; vague quantities ("dozens", "plusieurs")
//!   no value. See [`find_numbers`].
//! * Casualties: one [`Casualty`] per statement, with the counted noun
//!   phrase; parts ("including 2 women") are not added, the same number is
//!   never counted twice for a kind, "no casualties" gives 0, vague counts
//!   give `None`, and `toll` marks totals ("20 fatalities", "death toll",
//!   "1 killed") so a caller can prefer them over a sum across sentences.
//!   See [`find_casualties`].
//!
//! # Measured
//!
//! `examples/acled_fatalities.rs` compares note-level killed counts with
//! ACLED's coded `fatalities` on the training rows of the bundled benchmark
//! (data_id not divisible by 5): 0.963 agreement over 4,043 notes (0.873 on
//! notes with at least one death; most remaining differences are ACLED coding
//! conventions such as fatalities split between events or "coded as 10"). The
//! first written date of a note equals `event_date` on 4,027 of 4,043 notes
//! (the rest are typos in the notes). On GTD Iraq summaries (incident totals
//! that often include attackers): 0.757 for killed, 0.930 for wounded.
//! Throughput on one core, sentence by sentence (`benches/quantify.rs`, on
//! a shared, busy machine): ACLED notes about 9–16 MB/s for casualties,
//! 25 MB/s for dates, 45 MB/s for numbers (6–8, 9 and 19 before the changes
//! above); the French seed report 24–28, 44 and 60 MB/s (10, 17 and 15).
//!
//! Rules exist for French and English; for other languages both rule sets
//! are tried (best effort). Every span returned is a byte range, end
//! exclusive, into the text given, on `char` boundaries and inside the span
//! given; no input makes these functions panic.
#![deny(missing_docs)]

mod casualty;
mod date;
mod lexicon;
mod memo;
mod number;
mod token;

pub use casualty::{find_casualties, Casualty, CasualtyKind};
pub use date::{find_dates, parse_date_field, DateKind, DateMention};
pub use number::{find_numbers, parse_number, NumberMention};

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Lang, Span};

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<Casualty>();
        assert_send_sync::<DateMention>();
        assert_send_sync::<NumberMention>();
    }

    /// Arbitrary bytes, odd spans and hostile text never panic and give
    /// spans inside the requested span, on char boundaries.
    #[test]
    fn no_panic_on_odd_input() {
        let texts = [
            "",
            "é",
            "killed killed killed",
            "( ( ( 3 killed",
            ") ) 3 morts ,, , and and",
            "1 000 000 000 000 000 morts",
            "le 99/99/9999 à 25:61",
            "9999999999-99-99",
            "between and killed, including",
            "l'a tué l' l' les tuant",
            "dans la nuit de",
            "as well as as well as 2 were killed",
            "ça—tués—« 3 »—blessés’",
        ];
        let p = chrono::NaiveDate::from_ymd_opt(2021, 7, 8);
        for text in texts {
            for (a, b) in [(0, text.len()), (1, text.len()), (0, 3), (2, 1000), (500, 600)] {
                let span = Span { start: a.min(b), end: b };
                for lang in [Lang::Fr, Lang::En, Lang::Ar] {
                    for d in find_dates(text, span, lang, p) {
                        check(text, span, d.span);
                    }
                    for n in find_numbers(text, span, lang) {
                        check(text, span, n.span);
                    }
                    for c in find_casualties(text, span, lang) {
                        check(text, span, c.span);
                        if let Some(w) = c.who {
                            check(text, span, w);
                        }
                    }
                }
            }
        }
    }

    /// Random strings from a vocabulary of tricky pieces, random spans.
    #[test]
    fn no_panic_on_random_input() {
        const PIECES: &[&str] = &[
            "killed",
            "tués",
            " ",
            "  ",
            ",",
            ".",
            "(",
            ")",
            "-",
            "’",
            "'",
            "l'",
            "1",
            "000",
            "20",
            "2020",
            "/",
            "May",
            "mai",
            "lundi",
            "dernier",
            "last",
            "at least",
            "and",
            "et",
            "including",
            "dont",
            "a",
            "the",
            "un",
            "é",
            "€",
            "🙂",
            "\u{a0}",
            "dozens",
            "of",
            "de",
            "were",
            "ont été",
            "him",
            "Ahmed",
            "Ali",
            "no casualties",
            "aucune victime",
            "24",
            "heures",
            "il y a",
            "ago",
            "between",
            "entre",
            "à",
            "to death",
            "bilan",
            ":",
            "s",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let p = chrono::NaiveDate::from_ymd_opt(2021, 7, 8);
        for _ in 0..400 {
            let n = (next() % 30) as usize;
            let text: String =
                (0..n).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            let a = (next() % (text.len() as u64 + 3)) as usize;
            let b = a + (next() % (text.len() as u64 + 3)) as usize;
            let span = Span { start: a, end: b };
            for lang in [Lang::Fr, Lang::En] {
                for d in find_dates(&text, span, lang, p) {
                    check(&text, span, d.span);
                }
                for m in find_numbers(&text, span, lang) {
                    check(&text, span, m.span);
                }
                for c in find_casualties(&text, span, lang) {
                    check(&text, span, c.span);
                }
            }
            let _ = parse_date_field(&text);
            let _ = parse_number(&text, Lang::Fr);
        }
    }

    /// A whole long text as one span: every statement is still found (and
    /// the run stays linear: this takes milliseconds).
    #[test]
    fn long_input_as_one_span() {
        let sentence = "On 9 May 2020, militants killed 3 civilians (including 1 child) and wounded 2 others near the town. ";
        let text = sentence.repeat(400);
        let span = Span::new(0, text.len());
        let found = find_casualties(&text, span, Lang::En);
        assert_eq!(found.len(), 800);
        assert!(found.iter().all(|c| c.count == Some(3) || c.count == Some(2)));
        assert_eq!(find_dates(&text, span, Lang::En, None).len(), 400);
    }

    fn check(text: &str, span: Span, got: Span) {
        assert!(got.start <= got.end && got.end <= text.len(), "{text}: {got:?}");
        assert!(got.start >= span.start.min(text.len()) && got.end <= span.end, "{text}: {got:?}");
        assert!(text.is_char_boundary(got.start) && text.is_char_boundary(got.end));
    }
}
