//! `sitrep bench`: speed and memory of the pipeline on a corpus.
//!
//! Codes every document of the corpus on one thread, twice (the first pass
//! warms caches), and prints the cold-start time (loading the gazetteer and
//! actor tables), MB/s per stage and end to end on one core, and the peak
//! resident memory of the process.

use anyhow::Result;
use clap::Args;
use sitrep::{Pipeline, StageTimes};
use sitrep_intake::{Input, Item, Options};
use std::process::ExitCode;
use std::time::Instant;

/// Flags of `sitrep bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Corpus: files, directories or JSON Lines, as for `sitrep code`.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Passes over the corpus (the best is reported).
    #[arg(long, default_value_t = 2)]
    pub passes: usize,
}

/// Peak resident set size of this process in kB (Linux), if known.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `sitrep bench`.
pub fn run(args: BenchArgs) -> Result<ExitCode> {
    let t0 = Instant::now();
    let pipeline = Pipeline::new();
    pipeline.warm_up();
    let cold = t0.elapsed();
    let inputs = args.paths.iter().map(|p| Input::parse(p)).collect();
    let docs: Vec<_> = sitrep_intake::read_inputs(inputs, Options::default())
        .filter_map(|i| match i {
            Item::Doc(d) => Some(d),
            _ => None,
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let mut best: Option<(f64, StageTimes)> = None;
    for _ in 0..args.passes.max(1) {
        let mut times = StageTimes::default();
        let start = Instant::now();
        for d in &docs {
            times.add(&pipeline.code_timed(d).1);
        }
        let secs = start.elapsed().as_secs_f64();
        if best.as_ref().is_none_or(|(b, _)| secs < *b) {
            best = Some((secs, times));
        }
    }
    let (secs, times) = best.unwrap_or_default();
    println!("corpus: documents={} bytes={bytes}", docs.len());
    println!("cold_start_ms={:.1}", cold.as_secs_f64() * 1e3);
    for (name, d) in times.stages() {
        let s = d.as_secs_f64();
        println!("stage {name:<8} seconds={s:.3} MB/s={:.1}", mb / s.max(1e-9));
    }
    println!("end_to_end seconds={secs:.3} MB/s_per_core={:.2}", mb / secs.max(1e-9));
    if let Some(kb) = peak_rss_kb() {
        println!("peak_rss_MB={:.1}", kb as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}
