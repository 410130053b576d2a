//! Compiles the actor tables once, at build time.
//!
//! Runs the crate's own table reader (`src/tables.rs`, with `src/kb.rs` and
//! `src/fold.rs`) on the TSV sources in `data/actors/` and writes the result,
//! flattened by `src/compiled.rs`, to `OUT_DIR/actors.tsv`, which the library
//! embeds. Loading that file at run time skips template expansion, merging
//! and alias checks.
#![allow(dead_code)]

#[path = "src/compiled.rs"]
mod compiled;
#[path = "src/fold.rs"]
mod fold;
#[path = "src/kb.rs"]
mod kb;
#[path = "src/tables.rs"]
mod tables;

/// Unused here; `kb.rs` refers to it.
static GLOBAL: std::sync::LazyLock<kb::ActorKb> = std::sync::LazyLock::new(kb::ActorKb::empty);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=../../data/actors");
    for f in ["compiled.rs", "fold.rs", "kb.rs", "tables.rs"] {
        println!("cargo:rerun-if-changed=src/{f}");
    }
    let builder = tables::read_all()?;
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?).join("actors.tsv");
    std::fs::write(out, compiled::write(&builder))?;
    Ok(())
}
