//! Tags the places of JSON Lines documents, as the benchmark driver calls the full tool:
//! `tag_jsonl code --format jsonl FILE` (each line `{"id", "text", "published"}`), printing
//! `{"doc": {"id"}, "places": [...]}` per line.

use std::io::{BufRead, Write};

use sitrep_model::{Lang, Segmented};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().next_back().ok_or("usage: tag_jsonl code --format jsonl FILE")?;
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)?;
        let text = doc["text"].as_str().unwrap_or("");
        let places = sitrep_gazetteer::tag_places(text, &Segmented::default(), Lang::En);
        let o = serde_json::json!({"doc": {"id": doc["id"]}, "places": places});
        writeln!(out, "{o}")?;
    }
    Ok(())
}
