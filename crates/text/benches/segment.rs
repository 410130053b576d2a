//! Segmentation and language-detection throughput on real text from
//! shared/bench (criterion reports bytes per second; see `corpus.rs` for the
//! texts).
//!
//! `segment/*` segments the whole English or French text at once; `lang/*`
//! runs the detector once per short document (an ACLED note, a HIPE
//! sentence), which is how the pipeline calls it. Each is measured twice: in
//! wall time (`segment/en`…) and in CPU time of the benchmarking thread
//! (`cpu-segment/en`…), which is the per-core figure on a busy machine.
use criterion::measurement::Measurement;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_model::Lang;

mod corpus;
mod cpu;

fn bench<M: Measurement>(c: &mut Criterion<M>, prefix: &str) {
    let corpus = corpus::load();
    let mut g = c.benchmark_group(format!("{prefix}segment"));
    g.sample_size(10);
    for (name, text, lang) in [("en", &corpus.en, Lang::En), ("fr", &corpus.fr, Lang::Fr)] {
        if text.trim().is_empty() {
            continue;
        }
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| sitrep_text::segment(text, lang)));
    }
    g.finish();

    let mut g = c.benchmark_group(format!("{prefix}lang"));
    g.sample_size(10);
    for (name, docs) in [("acled-notes", &corpus.notes), ("hipe-sentences", &corpus.fr_sentences)] {
        let bytes: usize = docs.iter().map(String::len).sum();
        if bytes == 0 {
            continue;
        }
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(name, |b| {
            b.iter(|| docs.iter().map(|d| sitrep_text::detect(d) as usize).sum::<usize>())
        });
    }
    g.finish();
}

fn wall(c: &mut Criterion) {
    bench(c, "");
}

fn cpu(c: &mut Criterion<cpu::ThreadCpu>) {
    if cpu::ThreadCpu::available() {
        bench(c, "cpu-");
    }
}

criterion_group!(wall_time, wall);
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(cpu::ThreadCpu);
    targets = cpu
}
criterion_main!(wall_time, cpu_time);
