//! `sitrep eval`: code a folder of gold-annotated reports and score the result.

use anyhow::{Context, Result};
use clap::Args;
use sitrep::eval::{score_document, Totals};
use sitrep::Pipeline;
use sitrep_model::{Document, Report};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Flags of `sitrep eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Folder holding NAME.txt + NAME.gold.json pairs (any depth).
    pub gold: PathBuf,
    /// Score reports already written as PRED/NAME.json instead of coding the texts.
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Print one line per document.
    #[arg(long, short)]
    pub verbose: bool,
}

fn gold_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read folder", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            gold_files(&p, out)?;
        } else if p.to_string_lossy().ends_with(".gold.json") {
            out.push(p);
        }
    }
    Ok(())
}

/// Runs `sitrep eval`.
pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let mut files = Vec::new();
    gold_files(&args.gold, &mut files)?;
    let pipeline = Pipeline::new();
    let mut totals = Totals::default();
    let mut failed = false;
    for gold_path in files {
        let name = gold_path.file_name().map(|n| n.to_string_lossy().replace(".gold.json", ""));
        let name = name.unwrap_or_default();
        let txt = gold_path.with_file_name(format!("{name}.txt"));
        let result = (|| -> Result<()> {
            let raw = std::fs::read_to_string(&txt)
                .with_context(|| format!("{}: cannot read", txt.display()))?;
            let text = raw.strip_prefix('\u{FEFF}').unwrap_or(&raw).to_string();
            let gold: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(&gold_path)
                    .with_context(|| format!("{}: cannot read", gold_path.display()))?,
            )
            .with_context(|| format!("{}: invalid JSON", gold_path.display()))?;
            let report: Report = match &args.pred {
                Some(dir) => {
                    let p = dir.join(format!("{name}.json"));
                    let s = std::fs::read_to_string(&p)
                        .with_context(|| format!("{}: cannot read", p.display()))?;
                    serde_json::from_str(&s)
                        .with_context(|| format!("{}: not a v1 report", p.display()))?
                }
                None => pipeline.code(&Document {
                    id: name.clone(),
                    text: text.clone(),
                    ..Default::default()
                }),
            };
            let mut one = Totals::default();
            score_document(&mut one, &text, &gold, &report);
            totals += one;
            if args.verbose {
                println!("{name}: {one}");
            }
            Ok(())
        })();
        if let Err(e) = result {
            eprintln!("sitrep: {e:#}");
            failed = true;
        }
    }
    println!("{totals}");
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
