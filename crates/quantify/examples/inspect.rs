//! Print the dates, numbers and casualties found in each line of stdin.
//!
//! ```text
//! echo "Trois soldats ont été tués mardi soir." |
//!   cargo run -p sitrep-quantify --example inspect -- fr 2024-03-14
//! ```
//!
//! Arguments: language (`fr`, `en`, anything else tries both) and an
//! optional publication date.

use std::io::BufRead;

use sitrep_model::{Lang, Span};
use sitrep_quantify::{find_casualties, find_dates, find_numbers, parse_date_field};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = match args.first().map(String::as_str) {
        Some("fr") => Lang::Fr,
        Some("en") | None => Lang::En,
        Some(_) => Lang::Und,
    };
    let published = args.get(1).and_then(|s| parse_date_field(s));
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let span = Span::new(0, line.len());
        println!("{line}");
        for d in find_dates(&line, span, lang, published) {
            println!("  date     {:?} {:?}..{:?} {:?}", d.text, d.start, d.end, d.kind);
        }
        for n in find_numbers(&line, span, lang) {
            let flags = format!("approx={} lower_bound={}", n.approx, n.lower_bound);
            println!("  number   {:?} = {:?} {flags}", n.span.slice(&line), n.value);
        }
        for c in find_casualties(&line, span, lang) {
            println!(
                "  casualty {:?} {:?} lower_bound={} approx={} toll={} who={:?} evidence={:?}",
                c.kind,
                c.count,
                c.lower_bound,
                c.approx,
                c.toll,
                c.who.map(|w| w.slice(&line)),
                c.span.slice(&line)
            );
        }
    }
    Ok(())
}
