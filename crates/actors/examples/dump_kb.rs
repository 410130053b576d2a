//! Prints the compiled actor table (one actor a line, then its aliases) and
//! the mentions found in a text file, to compare two builds of the table.
//!
//! Usage: `cargo run --release -p sitrep-actors --example dump_kb -- [FILE]`

use sitrep_actors::{tag_actors, ActorKb};
use sitrep_model::{Lang, Segmented};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let kb = ActorKb::global();
    for a in kb.actors() {
        println!(
            "{}\t{:?}\t{:?}\t{:?}\t{:?}\t{}",
            a.canonical,
            a.kind,
            a.country,
            a.acled_type,
            a.part_of,
            a.aliases.join("|")
        );
    }
    println!("{kb:?} keys={}", kb.pattern_count());
    if let Some(path) = std::env::args().nth(1) {
        let text = std::fs::read_to_string(path)?;
        let seg = Segmented::default();
        for d in text.split("\n\n") {
            for m in tag_actors(d, &seg, Lang::En) {
                println!("{}\t{m:?}", m.span.slice(d));
            }
        }
    }
    Ok(())
}
