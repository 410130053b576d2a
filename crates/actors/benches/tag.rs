//! Throughput of the tagger on real text, document by document with the
//! sentence segmentation the pipeline gives it.
//!
//! * English: the `notes` of the ACLED training rows (data_id not divisible
//!   by 5) in shared/bench (`SITREP_BENCH_DIR` overrides its location; the
//!   default is next to the repository). Skipped when the file is missing.
//! * French: the seed report of `examples/`, paragraph by paragraph.
//! * `kb_load`: reading the embedded compiled table and matcher (the cold
//!   start of [`ActorKb::global`]).
//!
//! ```text
//! cargo bench -p sitrep-actors --bench tag
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sitrep_actors::{tag_actors, ActorKb};
use sitrep_model::{Lang, Segmented};

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

fn seed_paragraphs() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/fr-iraq-ceasefire.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.split("\n\n").filter(|p| !p.trim().is_empty()).map(str::to_owned).collect()
}

fn corpus(c: &mut Criterion, name: &str, docs: &[String], lang: Lang) {
    if docs.is_empty() {
        eprintln!("{name}: no text, skipped");
        return;
    }
    let _ = ActorKb::global();
    let segs: Vec<(&str, Segmented)> =
        docs.iter().map(|d| (d.as_str(), sitrep_text::segment(d, lang))).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    g.bench_function("tag_actors", |b| {
        b.iter(|| {
            for (t, seg) in &segs {
                black_box(tag_actors(t, seg, lang));
            }
        })
    });
    g.finish();
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("kb_load");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    g.bench_function("load_embedded", |b| b.iter_with_large_drop(ActorKb::load_embedded));
    g.finish();
}

fn benches(c: &mut Criterion) {
    load(c);
    corpus(c, "acled_en", &acled_notes(), Lang::En);
    corpus(c, "seed_fr", &seed_paragraphs(), Lang::Fr);
}

criterion_group!(tag, benches);
criterion_main!(tag);
