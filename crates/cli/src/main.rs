//! The `sitrep` command: a thin layer over the library crates.
//!
//! Each subcommand parses its flags with clap and calls one library entry
//! point; all errors become one line on stderr. Exit codes: 0 success, 1 when
//! any document or step failed (the others are still processed), 2 for usage
//! errors.

mod bench;
mod code;
mod eval;
mod workbench;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc: the pipeline allocates many small strings and vectors per document, which the
/// system allocator serves markedly slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// sitrep turns conflict news reports into event data (v1 JSON contract).
#[derive(Parser, Debug)]
#[command(name = "sitrep", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code documents (files, directories, `-` for stdin) into v1 JSON.
    Code(code::CodeArgs),
    /// Rank gazetteer candidates for a place name.
    Geocode(code::GeocodeArgs),
    /// Look an actor up in the actor knowledge base.
    Actors(code::ActorsArgs),
    /// Code gold-annotated reports and score them (event F1, geo, actors, quotes, claims).
    Eval(eval::EvalArgs),
    /// Measure speed per stage, cold start and peak memory on a corpus.
    Bench(bench::BenchArgs),
    /// Code documents and feeds (files or URLs) into a SQLite store.
    Ingest(workbench::IngestArgs),
    /// Re-run extraction on every stored document (after a rules or data update).
    Recode(workbench::RecodeArgs),
    /// Serve the JSON API and the web map over a store.
    Serve(workbench::ServeArgs),
    /// Export stored events as ACLED CSV, JSON Lines or GeoJSON.
    Export(workbench::ExportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Geocode(args) => code::geocode(args),
        Command::Actors(args) => code::actors(args),
        Command::Eval(args) => eval::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Ingest(args) => workbench::ingest(args),
        Command::Recode(args) => workbench::recode(args),
        Command::Serve(args) => workbench::serve(args),
        Command::Export(args) => workbench::export(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: {e:#}");
            ExitCode::from(1)
        }
    }
}
