//! Throughput of the three readers on real text, sentence by sentence as the
//! events stage calls them.
//!
//! * English: the `notes` of the ACLED training rows (data_id not divisible
//!   by 5) in shared/bench (`SITREP_BENCH_DIR` overrides its location; the
//!   default is next to the repository). Skipped when the file is missing.
//! * French: the seed report of `examples/`.
//!
//! ```text
//! cargo bench -p sitrep-quantify --bench quantify
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sitrep_model::{Lang, Span};
use sitrep_quantify::{find_casualties, find_dates, find_numbers};

fn bench_dir() -> PathBuf {
    std::env::var_os("SITREP_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench"))
}

/// The notes of the ACLED training rows (empty when the file is missing).
fn acled_notes() -> Vec<String> {
    let path = bench_dir().join("acled-2020-05/acled.csv");
    let Ok(mut r) = csv::Reader::from_path(path) else { return Vec::new() };
    let Ok(head) = r.headers().cloned() else { return Vec::new() };
    let col = |n: &str| head.iter().position(|h| h == n);
    let (Some(id), Some(notes)) = (col("data_id"), col("notes")) else { return Vec::new() };
    r.records()
        .filter_map(Result::ok)
        .filter(|row| row.get(id).and_then(|i| i.parse::<u64>().ok()).is_some_and(|i| i % 5 != 0))
        .filter_map(|row| row.get(notes).map(str::to_owned))
        .collect()
}

fn seed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/fr-iraq-ceasefire.txt");
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Sentence spans: after `.`, `!` or `?` and a space, or at a line break.
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end = (matches!(c, '.' | '!' | '?') && b.get(i + 1) == Some(&b' ')) || c == '\n';
        if end {
            out.push(Span::new(start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn corpus(c: &mut Criterion, name: &str, docs: &[String], lang: Lang) {
    if docs.is_empty() {
        eprintln!("{name}: no text, skipped");
        return;
    }
    let split: Vec<(&str, Vec<Span>)> = docs.iter().map(|d| (d.as_str(), sentences(d))).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let p = chrono::NaiveDate::from_ymd_opt(2020, 5, 10);
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    g.bench_function("find_casualties", |b| {
        b.iter(|| {
            for (t, ss) in &split {
                for s in ss {
                    black_box(find_casualties(t, *s, lang));
                }
            }
        })
    });
    g.bench_function("find_dates", |b| {
        b.iter(|| {
            for (t, ss) in &split {
                for s in ss {
                    black_box(find_dates(t, *s, lang, p));
                }
            }
        })
    });
    g.bench_function("find_numbers", |b| {
        b.iter(|| {
            for (t, ss) in &split {
                for s in ss {
                    black_box(find_numbers(t, *s, lang));
                }
            }
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    corpus(c, "acled_en", &acled_notes(), Lang::En);
    corpus(c, "seed_fr", &[seed()], Lang::Fr);
}

criterion_group!(quantify, benches);
criterion_main!(quantify);
