//! Prints every place of each given text file, one JSON object per line with every field of
//! `Place` (the whole file is one document, as `perf` tags it): `dump_places FILE…`. Used to
//! check that speed work leaves the output byte-identical.

use std::io::Write;

use sitrep_model::{Lang, Segmented};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for p in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&p)?;
        for place in sitrep_gazetteer::tag_places(&text, &Segmented::default(), Lang::En) {
            writeln!(out, "{}", serde_json::to_string(&place)?)?;
        }
    }
    Ok(())
}
