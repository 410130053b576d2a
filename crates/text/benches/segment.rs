//! Segmentation throughput on real text from shared/bench (MB/s, one core).
//!
//! Reads `SITREP_BENCH_TEXT` (a text file) if set, else the ACLED notes and
//! TR-News articles from `../shared/bench` next to the repository.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_model::Lang;
use std::path::Path;

fn corpus() -> Option<String> {
    if let Ok(p) = std::env::var("SITREP_BENCH_TEXT") {
        return std::fs::read_to_string(p).ok();
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench");
    let mut text = String::new();
    for f in
        ["acled-2020-05/acled.csv", "tr-news/TR-News.xml", "hipe2020-fr/HIPE-data-v1.4-dev-fr.tsv"]
    {
        text.push_str(&std::fs::read_to_string(root.join(f)).ok()?);
    }
    Some(text)
}

fn bench(c: &mut Criterion) {
    let Some(text) = corpus() else {
        eprintln!("no benchmark text found; set SITREP_BENCH_TEXT");
        return;
    };
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("en", |b| b.iter(|| sitrep_text::segment(&text, Lang::En)));
    g.bench_function("fr", |b| b.iter(|| sitrep_text::segment(&text, Lang::Fr)));
    g.bench_function("detect", |b| b.iter(|| sitrep_text::detect(&text)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
