//! `kill -9` in the middle of an ingest loses no document that was reported
//! stored, and a rerun completes the rest.
//!
//! The test re-runs its own test binary as the child (`child_ingest`, which
//! does nothing unless `SITREP_STORE_CHILD_DB` is set), reads the ids it
//! reports on stdout, kills it with SIGKILL after a while, then checks the
//! database.

use sitrep_model::{DocMeta, Document, Report};
use sitrep_store::{ingest, IngestOptions, Store};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

const TOTAL: usize = 2_000;

fn docs() -> impl Iterator<Item = Result<Document, String>> {
    (0..TOTAL).map(|i| {
        Ok(Document {
            id: format!("doc-{i:05}"),
            text: format!("Document number {i}. {}", "Some words. ".repeat(20)),
            ..Default::default()
        })
    })
}

/// A coder slow enough that the parent can kill the child mid-way.
fn slow_coder(doc: &Document) -> Report {
    std::thread::sleep(Duration::from_micros(500));
    Report {
        sitrep: "1".into(),
        doc: DocMeta {
            id: doc.id.clone(),
            source: None,
            url: None,
            title: None,
            published: None,
            language: "en".into(),
            text_sha256: sitrep_store::text_sha256(&doc.text),
        },
        entities: vec![],
        places: vec![],
        events: vec![],
        quotes: vec![],
        claims: vec![],
        text: None,
    }
}

#[test]
fn child_ingest() {
    let Ok(db) = std::env::var("SITREP_STORE_CHILD_DB") else { return };
    let mut store = Store::open(db.as_ref()).unwrap();
    let opts = IngestOptions { batch_size: 25, progress: false, ..Default::default() };
    store.ingest(docs(), &slow_coder, &opts, &mut |id, _| println!("stored {id}")).unwrap();
}

#[test]
fn kill_9_mid_ingest_loses_nothing_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kill.db");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_ingest", "--exact", "--nocapture", "--test-threads=1"])
        .env("SITREP_STORE_CHILD_DB", &db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut reported = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(id) = line.strip_prefix("stored ") {
            reported.push(id.to_string());
            if reported.len() >= 300 {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(reported.len() >= 300, "child reported only {}", reported.len());

    let store = Store::open(&db).unwrap();
    let stored = store.document_count().unwrap() as usize;
    assert!(stored < TOTAL, "the child finished before it was killed");
    for id in &reported {
        assert!(store.stored_sha256(id).unwrap().is_some(), "{id} was reported but is lost");
    }
    drop(store);

    let opts = IngestOptions { progress: false, ..Default::default() };
    let summary = ingest(&db, docs(), &|d: &Document| slow_coder(d), &opts).unwrap();
    assert_eq!(summary.unchanged, stored);
    assert_eq!(summary.new, TOTAL - stored);
    assert!(summary.failed.is_empty());
    assert_eq!(Store::open(&db).unwrap().document_count().unwrap() as usize, TOTAL);
}
