//! The sitrep event store: one embedded SQLite file per corpus.
//!
//! # Design
//!
//! * **One file, no server.** The store is a SQLite database (compiled in by
//!   `rusqlite`'s `bundled` feature) in WAL mode, so one writer and many
//!   readers (the HTTP server's threads) work at once, and a crash never
//!   leaves a half-written transaction behind.
//! * **Recognisable and versioned.** Every sitrep database carries the SQLite
//!   `application_id` [`APPLICATION_ID`] and a `meta` table; schema changes are
//!   numbered migrations applied in order and recorded in
//!   `PRAGMA user_version` (see `schema.rs`). A file that is not SQLite, or a
//!   SQLite file of another program, is refused with
//!   [`Error::NotSitrep`] ("FILE is not a sitrep database") instead of being
//!   modified.
//! * **The report is the truth; tables are indexes.** Each document keeps its
//!   text, metadata, SHA-256 and the full v1 report JSON. Entities, places,
//!   events, quotes and claims are also written to their own tables, with
//!   byte offsets, so that the API can filter them without parsing JSON.
//! * **Idempotent, atomic writes.** A document is keyed by its id: storing the
//!   same id with the same text SHA-256 again is [`PutOutcome::Unchanged`] and
//!   writes nothing; a changed text replaces the old codings. Replacing a
//!   document's codings (ingest or [`Store::recode`]) happens in one
//!   transaction, so a reader sees either the old codings or the new ones.
//! * **No dependency on the pipeline.** The store takes a `&Document` and a
//!   `&Report`, or a coder closure `&dyn Fn(&Document) -> Report`; the CLI
//!   passes the real pipeline in.
//!
//! Event ids in the API are `"{document key}-{event id}"` (e.g. `"12-e3"`):
//! the document key is stable across recodes, so links stay valid as long as
//! the recoded report keeps its event numbering.
#![deny(missing_docs)]

mod export;
mod fetch;
mod ingest;
mod query;
mod schema;
mod write;

pub use export::{export, export_db, ExportFormat, ACLED_COLUMNS};
pub use fetch::{fetch_url, FetchError, FetchLimits};
pub use ingest::{ingest, Failure, IngestOptions, Summary};
pub use query::{
    parse_bbox, ClaimRow, DayCount, DocumentView, EventDetail, EventFilter, EventRow, Page,
    QuoteRow, SpanText, COUNT_CAP, MAX_LIMIT,
};
pub use write::{recode_db, PutOutcome, RecodeSummary};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The SQLite `application_id` of a sitrep database ("SiTr" in ASCII).
pub const APPLICATION_ID: i32 = 0x5369_5472;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file exists but is not a sitrep database (not SQLite, or SQLite
    /// written by another program).
    #[error("{0} is not a sitrep database")]
    NotSitrep(PathBuf),
    /// The file is a damaged SQLite database.
    #[error("{0} is corrupt (damaged database file); restore it from a copy or re-ingest")]
    Corrupt(PathBuf),
    /// The database file does not exist (and the operation does not create one).
    #[error("{0} does not exist")]
    Missing(PathBuf),
    /// The database was written by a newer sitrep (its schema is unknown).
    #[error(
        "{path} has schema version {found}, newer than this sitrep \
         (knows up to {known}); upgrade sitrep"
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// An SQLite error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored or given JSON value could not be (de)serialised.
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("write error: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("CSV error: {0}")]
    Csv(#[from] csv::Error),
    /// A caller-supplied value is invalid (bad filter, unknown format…).
    #[error("{0}")]
    Invalid(String),
}

/// Result type of the store.
pub type Result<T> = std::result::Result<T, Error>;

/// An open sitrep database.
///
/// A `Store` wraps one SQLite connection; it is `Send` but not `Sync`. Open
/// one per thread (WAL lets them read concurrently).
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database at `path`, checks that it is a sitrep
    /// database and applies pending migrations.
    ///
    /// # Errors
    ///
    /// [`Error::NotSitrep`] for a non-SQLite file or a foreign SQLite
    /// database, [`Error::TooNew`] for a newer schema, [`Error::Sqlite`]
    /// otherwise.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| not_sitrep_on_notadb(e, path))?;
        Store::init(conn, path.to_path_buf(), true)
    }

    /// Opens an existing database (as [`Store::open`], but never creates one).
    ///
    /// # Errors
    ///
    /// [`Error::Missing`] when there is no file at `path`, else as
    /// [`Store::open`].
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::Missing(path.to_path_buf()));
        }
        Store::open(path)
    }

    /// Opens an existing database read-only (for the HTTP server's readers).
    ///
    /// # Errors
    ///
    /// As [`Store::open`]; also fails when the file is missing or has pending
    /// migrations (open it once with [`Store::open`] first).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| not_sitrep_on_notadb(e, path))?;
        Store::init(conn, path.to_path_buf(), false)
    }

    /// A fresh in-memory database (tests, one-off runs).
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] when SQLite cannot allocate it.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Store::init(conn, PathBuf::from(":memory:"), true)
    }

    fn init(conn: Connection, path: PathBuf, writable: bool) -> Result<Store> {
        let mut store = Store { conn, path };
        store.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Memory-mapped reads share the OS page cache between connections
        // (the server keeps several) instead of a private cache in each.
        store.conn.query_row("PRAGMA mmap_size = 1073741824", [], |_| Ok(())).ok();
        let checked = schema::check_and_migrate(&mut store.conn, &store.path, writable)
            .and_then(|()| Ok(store.conn.pragma_update(None, "foreign_keys", true)?));
        match checked {
            Ok(()) => Ok(store),
            Err(Error::Sqlite(e)) => Err(not_sitrep_on_notadb(e, &store.path)),
            Err(e) => Err(e),
        }
    }

    /// The file this store was opened from (`:memory:` for an in-memory one).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version (`PRAGMA user_version`).
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Number of stored documents.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn document_count(&self) -> Result<u64> {
        self.count("SELECT count(*) FROM documents")
    }

    /// Number of stored events.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn event_count(&self) -> Result<u64> {
        self.count("SELECT count(*) FROM events")
    }

    /// Copies the write-ahead log into the main file and truncates it (after
    /// a large ingest, or before copying the file elsewhere).
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    fn count(&self, sql: &str) -> Result<u64> {
        let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

/// SQLite reports a non-database file as `SQLITE_NOTADB`, at open or at the
/// first read; both become [`Error::NotSitrep`].
fn not_sitrep_on_notadb(e: rusqlite::Error, path: &Path) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotSitrep(path.to_path_buf()),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => Error::Corrupt(path.to_path_buf()),
        _ => Error::Sqlite(e),
    }
}

/// SHA-256 of a text, lowercase hex (the contract's `text_sha256`).
pub fn text_sha256(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_texts() {
        let cases = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ];
        for (text, want) in cases {
            assert_eq!(text_sha256(text), want);
        }
    }

    #[test]
    fn store_is_send() {
        fn send<T: Send>() {}
        send::<Store>();
        send::<Error>();
    }
}
