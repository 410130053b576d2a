//! Prints every actor mention found in a corpus, for comparing two versions
//! of the crate (the output must not change with a speed-up).
//!
//! ```text
//! cargo run --release -p sitrep-actors --example dump_tags -- DOCS > out.txt
//! ```
//!
//! `DOCS` holds texts separated by the ASCII record separator (0x1E). Each
//! text is tagged with and without sentence segmentation, in both languages.

use sitrep_actors::tag_actors;
use sitrep_model::{Lang, Segmented};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump_tags DOCS")?;
    let all = std::fs::read_to_string(path)?;
    for (d, text) in all.split('\x1e').enumerate() {
        for lang in [Lang::En, Lang::Fr] {
            let seg = sitrep_text::segment(text, lang);
            println!("{d} {lang:?}");
            for m in tag_actors(text, &seg, lang) {
                println!(" {m:?}");
            }
            println!(" --");
            for m in tag_actors(text, &Segmented::default(), lang) {
                println!(" {m:?}");
            }
        }
    }
    Ok(())
}
