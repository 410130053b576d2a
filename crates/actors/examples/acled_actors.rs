//! Checks actor naming against ACLED's actor1 on the TRAINING rows of an ACLED
//! export (data_id not divisible by 5; held-out rows are skipped unread).
//!
//! For each note, a prediction is the canonical name plus the mention text;
//! it matches when it covers at least half of the tokens of ACLED's actor1
//! with parenthesised parts removed. Reports the oracle (some mention
//! matches) and a naive pick (the first non-adjectival, non-person mention).
//!
//! Usage: `cargo run --release -p sitrep-actors --example acled_actors -- ACLED.csv [--misses]`

use sitrep_actors::tag_actors;
use sitrep_model::{ActorMention, EntityKind, Lang, Segmented};
use std::collections::{BTreeMap, HashSet};

fn tokens(s: &str) -> Vec<String> {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn matches(gold: &[String], m: &ActorMention, text: &str, country: &str) -> bool {
    // A generic actor gets the event's country, as the event stage does
    // ("Police Forces" in the Philippines → "Police Forces of the Philippines").
    let canonical = m.canonical.as_deref().unwrap_or("");
    let name = sitrep_actors::localize(canonical, country).unwrap_or_else(|| canonical.to_string());
    let pred: HashSet<String> =
        tokens(&format!("{name} {}", m.span.slice(text))).into_iter().collect();
    let hit = gold.iter().filter(|t| pred.contains(*t)).count();
    !gold.is_empty() && hit * 2 >= gold.len()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: acled_actors ACLED.csv")?;
    let show = std::env::args().any(|a| a == "--misses");
    let mut rdr = csv::Reader::from_path(path)?;
    let h = rdr.headers()?.clone();
    let col = |n: &str| h.iter().position(|x| x == n).ok_or(format!("no column {n}"));
    let (id, notes, actor1) = (col("data_id")?, col("notes")?, col("actor1")?);
    let country_col = col("country")?;
    let (mut n, mut oracle, mut naive) = (0, 0, 0);
    let (mut n_named, mut oracle_named) = (0, 0);
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    for r in rdr.records() {
        let r = r?;
        let data_id: u64 = r.get(id).unwrap_or("0").parse().unwrap_or(0);
        if data_id % 5 == 0 {
            continue;
        }
        let text = r.get(notes).unwrap_or("");
        let gold = tokens(r.get(actor1).unwrap_or(""));
        let ms = tag_actors(text, &Segmented::default(), Lang::En);
        let country = r.get(country_col).unwrap_or("");
        let a1 = r.get(actor1).unwrap_or("");
        let named = !a1.starts_with("Protesters") && !a1.starts_with("Rioters");
        n += 1;
        n_named += usize::from(named);
        if ms.iter().any(|m| matches(&gold, m, text, country)) {
            oracle += 1;
            oracle_named += usize::from(named);
        } else {
            *misses.entry(r.get(actor1).unwrap_or("").to_string()).or_default() += 1;
            if std::env::args().any(|a| a == "--show-rows") && named && !ms.is_empty() {
                let found: Vec<String> = ms
                    .iter()
                    .map(|m| {
                        format!("{}={}", m.span.slice(text), m.canonical.as_deref().unwrap_or("-"))
                    })
                    .collect();
                println!("MISS {a1} || {} || {}", found.join("; "), &text[..text.len().min(160)]);
            }
        }
        let first = ms.iter().find(|m| !m.adjectival && m.kind != EntityKind::Person);
        if first.is_some_and(|m| matches(&gold, m, text, country)) {
            naive += 1;
        }
    }
    println!(
        "training rows: {n}; oracle {:.3}; first-mention {:.3}; \
         oracle without protester/rioter rows ({n_named}): {:.3}",
        oracle as f64 / n as f64,
        naive as f64 / n as f64,
        oracle_named as f64 / n_named as f64
    );
    if show {
        let mut v: Vec<_> = misses.into_iter().collect();
        v.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
        for (a, c) in v.iter().take(60) {
            println!("{c}\t{a}");
        }
    }
    Ok(())
}
