//! Compiles the actor tables once, at build time.
//!
//! Runs the crate's own table reader (`src/tables.rs`, with `src/kb.rs` and
//! `src/fold.rs`) on the TSV sources in `data/actors/` and writes the result,
//! flattened by `src/compiled.rs`, to `OUT_DIR/actors.tsv`, which the library
//! embeds. Loading that file at run time skips template expansion, merging
//! and alias checks. The compiled matcher (aliases, patterns and the key
//! trie of `src/matcher.rs`) goes to `OUT_DIR/actors.bin`, so the run time
//! neither folds nor keys any alias.
#![allow(dead_code)]

#[path = "src/compiled.rs"]
mod compiled;
#[path = "src/fold.rs"]
mod fold;
#[path = "src/kb.rs"]
mod kb;
#[path = "src/matcher.rs"]
mod matcher;
#[path = "src/tables.rs"]
mod tables;

/// Unused here; `kb.rs` refers to it.
static GLOBAL: std::sync::LazyLock<kb::ActorKb> = std::sync::LazyLock::new(kb::ActorKb::empty);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=../../data/actors");
    for f in ["compiled.rs", "fold.rs", "kb.rs", "matcher.rs", "tables.rs"] {
        println!("cargo:rerun-if-changed=src/{f}");
    }
    let builder = tables::read_all()?;
    let dir = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(dir.join("actors.tsv"), compiled::write(&builder))?;
    std::fs::write(dir.join("actors.bin"), builder.build()?.write_matcher())?;
    Ok(())
}
