//! Measures tagging throughput (MB/s, one thread) on a text file.
//!
//! Usage: `cargo run --release -p sitrep-actors --example actors_throughput -- FILE [ROUNDS]`
//! The table is loaded before timing starts.

use sitrep_actors::{tag_actors, ActorKb};
use sitrep_model::{Lang, Segmented};
use std::time::Instant;

/// CPU seconds used by this (single-threaded) process so far, if known: the
/// nanosecond run time of `/proc/thread-self/schedstat`, else the 10 ms ticks
/// of `/proc/self/stat` (Linux). The machine is shared, so CPU time is a
/// fairer measure than wall time.
fn cpu_seconds() -> Option<f64> {
    if let Some(ns) = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
    {
        return Some(ns / 1e9);
    }
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit(')').next()?;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: actors_throughput FILE [ROUNDS]")?;
    let rounds: usize = args.find_map(|r| r.parse().ok()).unwrap_or(3).max(1);
    let text = std::fs::read_to_string(path)?;
    let t0 = Instant::now();
    let c0 = cpu_seconds().unwrap_or(0.0);
    let kb = ActorKb::global();
    let load = t0.elapsed();
    let c1 = cpu_seconds().unwrap_or(0.0);
    let arabic = kb
        .actors()
        .iter()
        .flat_map(|a| &a.aliases)
        .filter(|s| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
        .count();
    println!("Arabic-script aliases: {arabic}");
    println!(
        "table: {} actors, {} aliases, {} keys, loaded in {:.2?} wall, {:.1} ms CPU",
        kb.len(),
        kb.alias_count(),
        kb.pattern_count(),
        load,
        (c1 - c0) * 1e3
    );
    // Tag paragraph by paragraph, as the pipeline tags documents, or the
    // whole file as one text with `--whole`.
    let whole = std::env::args().any(|a| a == "--whole");
    let docs: Vec<&str> = if whole { vec![text.as_str()] } else { text.split("\n\n").collect() };
    let seg = Segmented::default();
    let mut mentions = 0;
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            mentions += tag_actors(d, &seg, Lang::En).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(0.0) - c1;
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!(
        "{} docs, {:.2} MB x {rounds}: {:.1} MB/s wall, {:.1} MB/s per CPU second, {} mentions/round",
        docs.len(),
        text.len() as f64 / 1e6,
        mb / secs,
        mb / cpu.max(1e-9),
        mentions / rounds
    );
    Ok(())
}
