//! Prints every date, number and casualty found in a corpus, for comparing
//! two versions of the crate (the output must not change with a speed-up).
//!
//! ```text
//! cargo run --release -p sitrep-quantify --example dump -- DOCS > out.txt
//! ```
//!
//! `DOCS` holds texts separated by the ASCII record separator (0x1E). Each
//! text is read whole, sentence by sentence, and over pseudo-random spans.

use sitrep_model::{Lang, Span};
use sitrep_quantify::{find_casualties, find_dates, find_numbers, parse_number};

fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | ';' | '\n') {
            out.push(Span::new(start, i + 1));
            start = i + 1;
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump DOCS")?;
    let all = std::fs::read_to_string(path)?;
    let p = chrono::NaiveDate::from_ymd_opt(2020, 5, 10);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (d, text) in all.split('\x1e').enumerate() {
        let mut spans = vec![Span::new(0, text.len())];
        spans.extend(sentences(text));
        for _ in 0..4 {
            let a = (next() % (text.len() as u64 + 1)) as usize;
            let b = a + (next() % 200) as usize;
            spans.push(Span::new(a, b));
        }
        for span in spans {
            for lang in [Lang::En, Lang::Fr, Lang::Ar] {
                println!("{d} {span:?} {lang:?}");
                println!(" D {:?}", find_dates(text, span, lang, p));
                println!(" d {:?}", find_dates(text, span, lang, None));
                println!(" N {:?}", find_numbers(text, span, lang));
                println!(" C {:?}", find_casualties(text, span, lang));
            }
        }
        for w in text.split(' ').take(60) {
            println!(" P {:?} {:?}", parse_number(w, Lang::En), parse_number(w, Lang::Fr));
        }
    }
    Ok(())
}
