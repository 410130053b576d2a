//! Prints gazetteer load time, resident memory with the gazetteer loaded, and place tagging
//! throughput (one core) over the given text files or JSON Lines documents: `perf [--warm FILE…] FILE…`
//! (figures, not assertions). With `--warm`, the warm-up corpus is tagged first, so the first pass
//! over FILE measures text the tagger has not seen with caches already in use, as in a long run.

use std::time::Instant;

/// The allocator the `sitrep` binary ships with, so the figures are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Lang, Segmented};

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// CPU time of this thread so far in seconds: from /proc/self/schedstat (nanoseconds of
/// running time), else user time from /proc/self/stat (clock ticks of 1/100 s, too coarse for
/// a first pass of a few tens of milliseconds).
fn cpu_secs() -> f64 {
    let ns = std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok());
    if let Some(ns) = ns {
        return ns as f64 / 1e9;
    }
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1;
            after.split_whitespace().nth(11)?.parse::<f64>().ok()
        })
        .map_or(0.0, |t| t / 100.0)
}

/// Minor page faults of this process so far (from /proc): first touches of the embedded
/// tables' pages, which a pass over unseen text pays for.
fn minor_faults() -> u64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| s.rsplit_once(')')?.1.split_whitespace().nth(7)?.parse().ok())
        .unwrap_or(0)
}

/// Tags every text once; the number of places found.
#[inline(never)]
fn pass(texts: &[String], seg: &Segmented) -> usize {
    texts.iter().map(|t| sitrep_gazetteer::tag_places(t, seg, Lang::En).len()).sum()
}

/// [`pass`] with cold caches (a function of its own, left out of `--toggle-collect=perf::pass`).
#[inline(never)]
fn first_pass(texts: &[String], seg: &Segmented) -> usize {
    // (Not folded into `pass` by the linker: the code differs.)
    texts
        .iter()
        .map(|t| std::hint::black_box(sitrep_gazetteer::tag_places(t, seg, Lang::En)).len())
        .sum()
}

/// The warm-up of `--warm` (a function of its own, so `--toggle-collect=perf::first_pass` counts
/// the unseen text only).
#[inline(never)]
fn warm_pass(texts: &[String], seg: &Segmented) -> usize {
    texts
        .iter()
        .map(|t| std::hint::black_box(sitrep_gazetteer::tag_places(t, seg, Lang::En)).len() + 1)
        .sum::<usize>()
        - texts.len()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let before = rss_kb();
    let t = Instant::now();
    let g = Gazetteer::global();
    let load = t.elapsed();
    println!("load: {:.1} ms, {} records", load.as_secs_f64() * 1e3, g.len());
    let (mut texts, mut warm) = (Vec::new(), Vec::new());
    let mut warming = false;
    for p in std::env::args().skip(1) {
        if p == "--warm" {
            warming = true;
            continue;
        }
        let into = if warming { &mut warm } else { &mut texts };
        warming = false;
        let body = std::fs::read_to_string(&p)?;
        if p.ends_with(".jsonl") {
            // One document per line (`{"text": ...}`), as `sitrep code --format jsonl` reads.
            for line in body.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line)?;
                into.push(v["text"].as_str().unwrap_or("").to_string());
            }
        } else {
            into.push(body);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let seg = Segmented::default();
    if !warm.is_empty() {
        let n = warm_pass(&warm, &seg);
        println!("warm-up: {} texts, {n} places", warm.len());
    }
    // One pass with cold caches first (every name seen for the first time), reported on its own.
    let t = Instant::now();
    let (cpu0, faults0) = (cpu_secs(), minor_faults());
    let mut n = first_pass(&texts, &seg);
    let (cold, cold_cpu) = (t.elapsed().as_secs_f64(), cpu_secs() - cpu0);
    let cold_faults = minor_faults() - faults0;
    let t = Instant::now();
    let cpu0 = cpu_secs();
    let mut rounds = 0;
    // `PERF_ROUNDS=n` runs exactly n more rounds (for instruction counts, collected under
    // `--toggle-collect=perf::pass`), otherwise three seconds.
    let fixed: Option<usize> = std::env::var("PERF_ROUNDS").ok().and_then(|v| v.parse().ok());
    while bytes > 0 && fixed.map_or(t.elapsed().as_secs_f64() < 3.0, |n| rounds < n) {
        n += pass(&texts, &seg);
        rounds += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_secs() - cpu0;
    println!("rss: {} MB (before load {} MB)", rss_kb() / 1024, before / 1024);
    if bytes > 0 {
        let mb = bytes as f64 / 1e6;
        println!(
            "first pass (cold caches): {:.1} MB/s wall, {:.1} MB/s per CPU second, {} minor faults",
            mb / cold,
            mb / cold_cpu.max(1e-6),
            cold_faults
        );
    }
    if rounds > 0 {
        let mb = (bytes * rounds) as f64 / 1e6;
        println!(
            "tagging: {:.1} MB/s wall, {:.1} MB/s per CPU second ({} bytes x {} rounds, {} places)",
            mb / secs,
            mb / cpu.max(1e-6),
            bytes,
            rounds,
            n
        );
    }
    Ok(())
}
