//! Throughput per core, measured in CPU time rather than wall time, so that
//! other processes on a busy machine do not skew it:
//! `cargo run --release -p sitrep-text --example text_throughput [seconds]`.
//!
//! Reads the same texts as the criterion bench. CPU time comes from
//! `/proc/thread-self/schedstat` (Linux); elsewhere wall time is shown.
use sitrep_model::Lang;
use std::time::{Duration, Instant};

#[path = "../benches/corpus.rs"]
mod corpus;

/// Nanoseconds this thread has run on a CPU, if the OS tells.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn measure(name: &str, bytes: usize, budget: Duration, mut f: impl FnMut() -> usize) {
    if bytes == 0 {
        return;
    }
    let (wall, cpu) = (Instant::now(), cpu_ns());
    let mut runs = 0u64;
    let mut sink = 0usize;
    while runs < 3 || wall.elapsed() < budget {
        sink = sink.wrapping_add(std::hint::black_box(f()));
        runs += 1;
    }
    let mb = (bytes as f64) * (runs as f64) / 1e6;
    let wall_s = wall.elapsed().as_secs_f64();
    let cpu_s = cpu.zip(cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e9);

    println!(
        "{name:<20} {:>8.0} MB/s per CPU second  {:>8.0} MB/s wall  ({runs} runs, {sink})",
        cpu_s.map_or(f64::NAN, |s| mb / s),
        mb / wall_s
    );
}

fn main() {
    let secs = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2.0);
    let budget = Duration::from_secs_f64(secs);
    let c = corpus::load();
    measure("segment/en", c.en.len(), budget, || {
        sitrep_text::segment(&c.en, Lang::En).tokens.len()
    });
    measure("segment/fr", c.fr.len(), budget, || {
        sitrep_text::segment(&c.fr, Lang::Fr).tokens.len()
    });
    for (name, docs) in [("lang/acled-notes", &c.notes), ("lang/hipe-sentences", &c.fr_sentences)] {
        let bytes = docs.iter().map(String::len).sum();
        measure(name, bytes, budget, || docs.iter().map(|d| sitrep_text::detect(d) as usize).sum());
    }
}
