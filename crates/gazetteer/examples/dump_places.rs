//! Prints every place of each given text file, one JSON object per line with every field of
//! `Place` (the whole file is one document, as `perf` tags it): `dump_places FILE…`. With
//! `--jsonl`, each line of the files is a JSON Lines document (`{"text": ...}`) tagged on its
//! own, and a `#doc N` line precedes each document's places. Used to check that speed work
//! leaves the output byte-identical.

use std::io::Write;

use sitrep_model::{Lang, Segmented};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut jsonl = false;
    for p in std::env::args().skip(1) {
        if p == "--jsonl" {
            jsonl = true;
            continue;
        }
        let text = std::fs::read_to_string(&p)?;
        let docs: Vec<String> = if jsonl {
            let mut v = Vec::new();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let d: serde_json::Value = serde_json::from_str(line)?;
                v.push(d["text"].as_str().unwrap_or("").to_string());
            }
            v
        } else {
            vec![text]
        };
        for (n, doc) in docs.iter().enumerate() {
            if jsonl {
                writeln!(out, "#doc {n}")?;
            }
            for place in sitrep_gazetteer::tag_places(doc, &Segmented::default(), Lang::En) {
                writeln!(out, "{}", serde_json::to_string(&place)?)?;
            }
        }
    }
    Ok(())
}
