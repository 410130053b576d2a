//! `sitrep ingest`, `sitrep recode`, `sitrep serve`, `sitrep export`: the
//! analyst's workbench over the SQLite store.

use anyhow::{bail, Result};
use clap::Args;
use sitrep::Pipeline;
use sitrep_intake::{Input, Item, Options};
use sitrep_model::Document;
use sitrep_store::{ExportFormat, FetchLimits, IngestOptions};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Flags of `sitrep ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, directories, `-`, or http(s) URLs of RSS/Atom feeds.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// The database file (created when missing).
    #[arg(long)]
    pub db: PathBuf,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 10_000_000)]
    pub max_bytes: usize,
    /// Hide the progress bar.
    #[arg(long)]
    pub quiet: bool,
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// Runs `sitrep ingest`.
pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let opts = Options { max_bytes: args.max_bytes, ..Options::default() };
    let (urls, paths): (Vec<String>, Vec<String>) =
        args.inputs.into_iter().partition(|s| is_url(s));
    let mut fetched: Vec<Item> = Vec::new();
    let limits = FetchLimits { max_bytes: args.max_bytes as u64, ..FetchLimits::default() };
    for url in &urls {
        match sitrep_store::fetch_url(url, &limits) {
            Ok(bytes) => fetched.extend(sitrep_intake::parse_feed(url, &bytes, &opts)),
            Err(e) => fetched.push(Item::Error(sitrep_intake::IntakeError::new(
                url.clone(),
                sitrep_intake::ErrorKind::Io(e.to_string()),
            ))),
        }
    }
    let inputs = paths.iter().map(|p| Input::parse(p)).collect();
    let items = fetched.into_iter().chain(sitrep_intake::read_inputs(inputs, opts));
    let docs = items.filter_map(|item| match item {
        Item::Doc(d) => Some(Ok::<Document, String>(d)),
        Item::Error(e) => Some(Err(e.to_string())),
        Item::Warning(w) => {
            eprintln!("sitrep: warning: {w}");
            None
        }
    });
    let pipeline = Pipeline::new();
    let coder = |d: &Document| pipeline.code(d);
    let iopts = IngestOptions { progress: !args.quiet, ..IngestOptions::default() };
    let summary = sitrep_store::ingest(&args.db, docs, &coder, &iopts)?;
    eprintln!("{summary}");
    Ok(if summary.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Flags of `sitrep recode`.
#[derive(Args, Debug)]
pub struct RecodeArgs {
    /// The database file.
    #[arg(long)]
    pub db: PathBuf,
}

/// Runs `sitrep recode`: re-runs extraction on every stored document.
pub fn recode(args: RecodeArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::new();
    let summary = sitrep_store::recode_db(&args.db, &|d: &Document| pipeline.code(d))?;
    eprintln!("{summary:?}");
    Ok(ExitCode::SUCCESS)
}

/// Flags of `sitrep serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The database file.
    #[arg(long)]
    pub db: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bearer token that allows POSTing documents (default: `SITREP_TOKEN`).
    #[arg(long, env = "SITREP_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Tile URL template for a background map (offline outlines otherwise).
    #[arg(long)]
    pub tiles: Option<String>,
}

/// Runs `sitrep serve`.
pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    if !args.addr.ip().is_loopback() {
        eprintln!("sitrep: warning: serving on {} (not loopback)", args.addr);
    }
    let opts = sitrep_server::ServeOptions {
        addr: args.addr,
        token: args.token,
        tiles: args.tiles,
        ..sitrep_server::ServeOptions::default()
    };
    let pipeline = Pipeline::new();
    let coder: sitrep_server::Coder = Arc::new(move |d: &Document| pipeline.code(d));
    eprintln!("sitrep: serving {} on http://{}", args.db.display(), opts.addr);
    sitrep_server::run(&args.db, &opts, coder)?;
    Ok(ExitCode::SUCCESS)
}

/// Flags of `sitrep export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The database file.
    #[arg(long)]
    pub db: PathBuf,
    /// acled-csv, jsonl or geojson.
    #[arg(long)]
    pub format: String,
    /// Output file (default: stdout).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Runs `sitrep export`.
pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let Ok(format) = args.format.parse::<ExportFormat>() else {
        bail!("unknown export format {:?} (acled-csv, jsonl, geojson)", args.format);
    };
    let n = sitrep_store::export_db(&args.db, format, args.out.as_deref())?;
    eprintln!("sitrep: exported {n} records");
    Ok(ExitCode::SUCCESS)
}
