//! Batched, resumable ingest.
//!
//! Documents are coded outside any transaction, then written in batches (one
//! transaction per batch, one savepoint per document so that one bad report
//! does not sink its batch). A document is reported as stored only after its
//! batch has committed, so a `kill -9` at any moment loses no document that
//! was reported; re-running the same ingest skips what is stored
//! ("unchanged") and completes the rest.

use crate::write::put_in;
use crate::{text_sha256, PutOutcome, Result, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sitrep_model::{Document, Report};
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

/// A document (or input) that could not be stored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Document id or input name (may be empty when unknown).
    pub id: String,
    /// Why it failed.
    pub reason: String,
}

impl From<String> for Failure {
    fn from(reason: String) -> Failure {
        Failure { id: String::new(), reason }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.id, self.reason)
        }
    }
}

/// Options of [`ingest`].
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Documents per transaction (at least 1).
    pub batch_size: usize,
    /// Commit a partial batch when it is this old, so that a slow coder still
    /// makes steady, durable progress.
    pub batch_interval: Duration,
    /// Show a progress bar on stderr (it stays hidden when stderr is not a
    /// terminal).
    pub progress: bool,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions { batch_size: 200, batch_interval: Duration::from_secs(2), progress: true }
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Documents stored for the first time.
    pub new: usize,
    /// Documents whose text changed and were replaced.
    pub updated: usize,
    /// Documents already stored with the same text (nothing written).
    pub unchanged: usize,
    /// Inputs and documents that failed, with reasons.
    pub failed: Vec<Failure>,
}

impl Summary {
    fn count(&mut self, outcome: PutOutcome) {
        match outcome {
            PutOutcome::New => self.new += 1,
            PutOutcome::Updated => self.updated += 1,
            PutOutcome::Unchanged => self.unchanged += 1,
        }
    }
}

impl fmt::Display for Summary {
    /// `N new, N updated, N unchanged, N failed`, then one line per failure.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} new, {} updated, {} unchanged, {} failed",
            self.new,
            self.updated,
            self.unchanged,
            self.failed.len()
        )?;
        for failure in &self.failed {
            write!(f, "\n  failed: {failure}")?;
        }
        Ok(())
    }
}

/// Opens (or creates) the database `db` and ingests `docs` into it.
///
/// See [`Store::ingest`].
///
/// # Errors
///
/// As [`Store::open`] and [`Store::ingest`].
pub fn ingest<I, E>(
    db: &Path,
    docs: I,
    coder: &dyn Fn(&Document) -> Report,
    opts: &IngestOptions,
) -> Result<Summary>
where
    I: IntoIterator<Item = std::result::Result<Document, E>>,
    E: Into<Failure>,
{
    let mut store = Store::open(db)?;
    store.ingest(docs, coder, opts, &mut |_, _| {})
}

impl Store {
    /// Codes and stores `docs`, in batched transactions.
    ///
    /// Inputs that failed upstream (`Err`) and documents whose coder panicked
    /// or whose codings could not be written are listed in
    /// [`Summary::failed`]; the rest goes on. `stored(id, outcome)` is called
    /// for each document once its batch has committed.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Sqlite`] when a batch cannot commit (the disk is full,
    /// the file went away…); batches committed before stay stored.
    pub fn ingest<I, E>(
        &mut self,
        docs: I,
        coder: &dyn Fn(&Document) -> Report,
        opts: &IngestOptions,
        stored: &mut dyn FnMut(&str, PutOutcome),
    ) -> Result<Summary>
    where
        I: IntoIterator<Item = std::result::Result<Document, E>>,
        E: Into<Failure>,
    {
        let bar = progress_bar(opts.progress);
        let mut summary = Summary::default();
        let mut batch: Vec<(Document, Report)> = Vec::new();
        let mut started = Instant::now();
        for item in docs {
            bar.inc(1);
            let doc = match item {
                Ok(doc) => doc,
                Err(e) => {
                    summary.failed.push(e.into());
                    continue;
                }
            };
            if self.stored_sha256(&doc.id)?.is_some_and(|sha| sha == text_sha256(&doc.text)) {
                summary.unchanged += 1;
                stored(&doc.id, PutOutcome::Unchanged);
                continue;
            }
            match catch_unwind(AssertUnwindSafe(|| coder(&doc))) {
                Ok(report) => batch.push((doc, report)),
                Err(_) => {
                    summary.failed.push(Failure { id: doc.id, reason: "the coder panicked".into() })
                }
            }
            if batch.len() >= opts.batch_size.max(1) || started.elapsed() >= opts.batch_interval {
                self.commit_batch(&mut batch, &mut summary, stored)?;
                started = Instant::now();
            }
            bar.set_message(format!(
                "{} new, {} unchanged, {} failed",
                summary.new,
                summary.unchanged,
                summary.failed.len()
            ));
        }
        self.commit_batch(&mut batch, &mut summary, stored)?;
        bar.finish_and_clear();
        Ok(summary)
    }

    fn commit_batch(
        &mut self,
        batch: &mut Vec<(Document, Report)>,
        summary: &mut Summary,
        stored: &mut dyn FnMut(&str, PutOutcome),
    ) -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut done = Vec::with_capacity(batch.len());
        let mut tx = self.conn.transaction()?;
        for (doc, report) in batch.drain(..) {
            let sp = tx.savepoint()?;
            match put_in(&sp, &doc, &report) {
                Ok(outcome) => {
                    sp.commit()?;
                    done.push((doc.id, outcome));
                }
                Err(e) => {
                    drop(sp); // rolls back this document only
                    summary.failed.push(Failure { id: doc.id, reason: e.to_string() });
                }
            }
        }
        tx.commit()?;
        for (id, outcome) in done {
            summary.count(outcome);
            stored(&id, outcome);
        }
        Ok(())
    }
}

fn progress_bar(enabled: bool) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos} documents read ({per_sec}, {elapsed}) {msg}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::tests::{code, doc};

    fn docs(n: usize) -> Vec<std::result::Result<Document, Failure>> {
        (0..n)
            .map(|i| Ok(doc(&format!("doc{i}"), &format!("A strike, number {i}. End."))))
            .collect()
    }

    fn quiet() -> IngestOptions {
        IngestOptions { batch_size: 7, progress: false, ..Default::default() }
    }

    #[test]
    fn ingest_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("i.db");
        let first = ingest(&db, docs(20), &code, &quiet()).unwrap();
        assert_eq!((first.new, first.updated, first.unchanged), (20, 0, 0));
        assert!(first.failed.is_empty());
        let again = ingest(&db, docs(25), &code, &quiet()).unwrap();
        assert_eq!((again.new, again.updated, again.unchanged), (5, 0, 20));
        let store = Store::open(&db).unwrap();
        assert_eq!(store.document_count().unwrap(), 25);
        assert_eq!(store.event_count().unwrap(), 25);
    }

    #[test]
    fn failures_are_listed_and_do_not_stop_the_rest() {
        let mut store = Store::open_in_memory().unwrap();
        let mut input = docs(3);
        input.insert(1, Err(Failure { id: "broken.html".into(), reason: "not UTF-8".into() }));
        input.push(Ok(doc("panics", "x")));
        input.push(Ok(doc("duplicate-events", "A strike.")));
        let coder = |d: &Document| {
            assert_ne!(d.id, "panics", "coder bug");
            let mut r = code(d);
            if d.id == "duplicate-events" {
                let e = r.events[0].clone();
                r.events.push(e);
            }
            r
        };
        let mut seen = Vec::new();
        let summary =
            store.ingest(input, &coder, &quiet(), &mut |id, _| seen.push(id.to_string())).unwrap();
        assert_eq!(summary.new, 3);
        let ids: Vec<&str> = summary.failed.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["broken.html", "panics", "duplicate-events"]);
        assert_eq!(seen, ["doc0", "doc1", "doc2"]);
        assert_eq!(store.document_count().unwrap(), 3);
        let text = summary.to_string();
        assert!(text.starts_with("3 new, 0 updated, 0 unchanged, 3 failed"), "{text}");
        assert!(text.contains("failed: broken.html: not UTF-8"), "{text}");
    }

    #[test]
    fn progress_bar_on_a_non_terminal_is_harmless() {
        let mut store = Store::open_in_memory().unwrap();
        let opts = IngestOptions { progress: true, batch_size: 2, ..Default::default() };
        let summary = store.ingest(docs(5), &code, &opts, &mut |_, _| {}).unwrap();
        assert_eq!(summary.new, 5);
    }

    #[test]
    fn same_id_twice_in_one_batch() {
        let mut store = Store::open_in_memory().unwrap();
        let input: Vec<std::result::Result<Document, Failure>> = vec![
            Ok(doc("a", "One strike.")),
            Ok(doc("a", "One strike.")),
            Ok(doc("a", "Changed.")),
        ];
        let summary = store.ingest(input, &code, &quiet(), &mut |_, _| {}).unwrap();
        assert_eq!((summary.new, summary.updated, summary.unchanged), (1, 1, 1));
        assert_eq!(store.event_count().unwrap(), 0);
    }
}
