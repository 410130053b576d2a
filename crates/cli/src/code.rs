//! `sitrep code`, `sitrep geocode`, `sitrep actors`.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use sitrep::Pipeline;
use sitrep_intake::{Input, Item, Options};
use sitrep_model::{Document, Lang, Report};
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Output formats of `sitrep code`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    /// One pretty-printed JSON object per document.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// Flags of `sitrep code`.
#[derive(Args, Debug)]
pub struct CodeArgs {
    /// Files, directories (walked recursively) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_parser = parse_day)]
    pub published: Option<NaiveDate>,
    /// Add the document text to each report.
    #[arg(long)]
    pub with_text: bool,
    /// Force the language (ISO 639-1) instead of detecting it.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Print documents, bytes, seconds and MB/s to stderr.
    #[arg(long)]
    pub stats: bool,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 10_000_000)]
    pub max_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    pub jobs: Option<usize>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("expected YYYY-MM-DD, got {s:?}"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language code {s:?}"))
}

/// How many documents are coded between two writes; bounds memory.
const BATCH: usize = 256;

/// Runs `sitrep code`.
pub fn run(args: CodeArgs) -> Result<ExitCode> {
    let mut pipeline = Pipeline::new();
    pipeline.lang(args.lang).with_text(args.with_text);
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let inputs = args.paths.iter().map(|p| Input::parse(p)).collect();
    let opts = Options { max_bytes: args.max_bytes, ..Options::default() };
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut docs_n, mut bytes, mut failed) = (0usize, 0usize, 0usize);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<Document>, out: &mut BufWriter<_>| -> Result<()> {
        for report in code_batch(&pipeline, batch, jobs) {
            write_report(out, &report, args.format)?;
        }
        batch.clear();
        Ok(())
    };
    for item in sitrep_intake::read_inputs(inputs, opts) {
        match item {
            Item::Doc(mut doc) => {
                if doc.published.is_none() {
                    doc.published = args.published;
                }
                docs_n += 1;
                bytes += doc.text.len();
                batch.push(doc);
                if batch.len() == BATCH {
                    flush(&mut batch, &mut out)?;
                }
            }
            Item::Error(e) => {
                failed += 1;
                eprintln!("sitrep: {e}");
            }
            Item::Warning(w) => eprintln!("sitrep: warning: {w}"),
        }
    }
    flush(&mut batch, &mut out)?;
    out.flush().context("writing output")?;
    if args.stats {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "documents={docs_n} failed={failed} bytes={bytes} seconds={secs:.3} MB/s={:.2}",
            bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Codes a batch on `jobs` threads; reports come back in input order.
fn code_batch(pipeline: &Pipeline, docs: &[Document], jobs: usize) -> Vec<Report> {
    if jobs <= 1 || docs.len() <= 1 {
        return docs.iter().map(|d| pipeline.code(d)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<Report>> = vec![None; docs.len()];
    let results = std::sync::Mutex::new(&mut slots);
    std::thread::scope(|s| {
        for _ in 0..jobs.min(docs.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(doc) = docs.get(i) else { break };
                let report = pipeline.code(doc);
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(report);
                }
            });
        }
    });
    slots.into_iter().flatten().collect()
}

fn write_report(out: &mut impl Write, report: &Report, format: OutputFormat) -> Result<()> {
    match format {
        OutputFormat::Json => serde_json::to_writer_pretty(&mut *out, report)?,
        OutputFormat::Jsonl => serde_json::to_writer(&mut *out, report)?,
    }
    out.write_all(b"\n")?;
    Ok(())
}

/// Flags of `sitrep geocode`.
#[derive(Args, Debug)]
pub struct GeocodeArgs {
    /// The place name.
    pub name: String,
    /// Restrict to a country (ISO 3166 alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    /// How many candidates to print.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

/// Runs `sitrep geocode`.
pub fn geocode(args: GeocodeArgs) -> Result<ExitCode> {
    let cands = sitrep_gazetteer::geocode(&args.name, args.country.as_deref());
    let mut out = std::io::stdout().lock();
    for c in cands.iter().take(args.limit) {
        serde_json::to_writer(&mut out, c)?;
        out.write_all(b"\n")?;
    }
    Ok(if cands.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Flags of `sitrep actors`.
#[derive(Args, Debug)]
pub struct ActorsArgs {
    /// The actor name or alias.
    pub name: String,
}

/// Runs `sitrep actors`.
pub fn actors(args: ActorsArgs) -> Result<ExitCode> {
    let found = sitrep_actors::lookup(&args.name);
    let mut out = std::io::stdout().lock();
    for a in &found {
        serde_json::to_writer(&mut out, a)?;
        out.write_all(b"\n")?;
    }
    Ok(if found.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
