//! Seeds a database with a few hand-made reports and serves the workbench;
//! also mimics the `sitrep ingest` / `sitrep serve` command lines (with the
//! toy coder of the tests, not the sitrep pipeline), so that the page, the
//! API and `scripts/chromium-e2e.sh` can be tried before the CLI is wired.
//!
//! ```text
//! demo DB [ADDR] [TOKEN]                       seed DB and serve it
//! demo ingest PATH... --db DB                  ingest .txt files (or folders of them)
//! demo serve --db DB [--addr A] [--token T] [--tiles URL]
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use sitrep_model::Document;
use sitrep_server::{run, Coder, ServeOptions};
use sitrep_store::{Failure, IngestOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

type Error = Box<dyn std::error::Error>;

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn text_files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    }
}

fn read(path: &Path) -> Result<Document, Failure> {
    let id = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| Failure { id: id.clone(), reason: e.to_string() })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure { id: id.clone(), reason: "not UTF-8".into() })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Ok(Document { id, text, ..Default::default() })
}

fn ingest(args: &[String]) -> Result<(), Error> {
    let db = flag(args, "--db").ok_or("ingest needs --db FILE")?;
    let mut paths = Vec::new();
    let mut skip = false;
    for a in args {
        if skip || a == "--db" {
            skip = !skip;
            continue;
        }
        paths.extend(text_files(Path::new(a)));
    }
    let docs = paths.iter().map(|p| read(p));
    let summary =
        sitrep_store::ingest(db.as_ref(), docs, &common::toy_code, &IngestOptions::default())?;
    eprintln!("{summary}");
    Ok(())
}

fn serve(args: &[String]) -> Result<(), Error> {
    let db = flag(args, "--db").ok_or("serve needs --db FILE")?;
    let mut opts = ServeOptions::default();
    if let Some(addr) = flag(args, "--addr") {
        opts.addr = addr.parse()?;
    }
    opts.token = flag(args, "--token");
    opts.tiles = flag(args, "--tiles");
    let coder: Coder = Arc::new(common::toy_code);
    run(db.as_ref(), &opts, coder)?;
    Ok(())
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ingest") => return ingest(&args[1..]),
        Some("serve") => return serve(&args[1..]),
        _ => {}
    }
    let db = args.first().ok_or("usage: demo DB [ADDR] [TOKEN] | ingest … | serve …")?;
    let mut opts = ServeOptions::default();
    if let Some(addr) = args.get(1) {
        opts.addr = addr.parse()?;
    }
    opts.token = args.get(2).cloned();
    let mut store = sitrep_store::Store::open(db.as_ref())?;
    common::seed(&mut store);
    eprintln!("seeded {} documents, {} events", store.document_count()?, store.event_count()?);
    drop(store);
    let coder: Coder = Arc::new(common::toy_code);
    run(db.as_ref(), &opts, coder)?;
    Ok(())
}
