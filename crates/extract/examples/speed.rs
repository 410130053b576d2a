//! Throughput of the events stage alone: `cargo run --release --example
//! speed -p sitrep-extract -- FILE.jsonl [passes]` (one JSON object a line
//! with a "text" field). The upstream stages run once; only
//! `extract_events` is timed.

use std::time::Instant;

use sitrep_model::{Analysis, Document, Lang};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: speed FILE.jsonl [passes]");
        return;
    };
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(5);
    let Ok(body) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let docs: Vec<Document> = body
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .map(|text| Document { text, ..Default::default() })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            let lang = if sitrep_text::detect(&d.text) == Lang::Fr { Lang::Fr } else { Lang::En };
            let seg = sitrep_text::segment(&d.text, lang);
            let places = sitrep_gazetteer::tag_places(&d.text, &seg, lang);
            let actors = sitrep_actors::tag_actors(&d.text, &seg, lang);
            (lang, seg, places, actors)
        })
        .collect();
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..passes {
        let t = Instant::now();
        for (d, (lang, seg, places, actors)) in docs.iter().zip(&prepared) {
            let a = Analysis {
                doc: d,
                lang: *lang,
                seg,
                places,
                actors,
                entities: &[],
                quotes: &[],
                claims: &[],
            };
            n += sitrep_extract::extract_events(&a).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "docs={} bytes={bytes} events/pass={} best_s={best:.3} MB/s={:.1}",
        docs.len(),
        n / passes.max(1),
        bytes as f64 / best / 1e6
    );
}
