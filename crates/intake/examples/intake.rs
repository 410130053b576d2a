//! Reads inputs as `sitrep` would and prints one line per item, then totals.
//!
//! `cargo run -p sitrep-intake --example intake -- FILE_OR_DIR... [-]`
use std::time::Instant;

use sitrep_intake::{read_inputs, Input, Item, Options};

fn main() {
    let inputs: Vec<Input> = std::env::args().skip(1).map(|a| Input::parse(&a)).collect();
    let quiet = std::env::var_os("QUIET").is_some();
    let start = Instant::now();
    let (mut docs, mut errors, mut warnings, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    for item in read_inputs(inputs, Options::default()) {
        match item {
            Item::Doc(d) => {
                docs += 1;
                bytes += d.text.len();
                if !quiet {
                    let head: String = d.text.chars().take(80).collect();
                    println!(
                        "doc {} | {:?} | {:?} | {:?} | {head:?}",
                        d.id, d.title, d.published, d.source
                    );
                }
            }
            Item::Error(e) => {
                errors += 1;
                eprintln!("error: {e}");
            }
            Item::Warning(e) => {
                warnings += 1;
                eprintln!("warning: {e}");
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{docs} documents, {errors} errors, {warnings} warnings, {bytes} text bytes in {secs:.2}s"
    );
}
