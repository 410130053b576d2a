//! Schema, identification and migrations.
//!
//! Migrations are numbered from 1; migration `n` moves the database from
//! `PRAGMA user_version = n - 1` to `n`, inside one transaction with the
//! version bump, so an interrupted upgrade leaves the old version intact.
//! Never edit a released migration: append a new one.

use crate::{not_sitrep_on_notadb, Error, Result, APPLICATION_ID};
use rusqlite::Connection;
use std::path::Path;

/// The migrations, in order. Index `i` holds migration `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: documents, their codings, full-text index of events.
    r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('format', 'sitrep-store');

CREATE TABLE documents (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    source      TEXT,
    url         TEXT,
    title       TEXT,
    published   TEXT,
    language    TEXT NOT NULL,
    input_lang  TEXT,
    text        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    report      TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    coded_at    TEXT NOT NULL
);

CREATE TABLE entities (
    doc       INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    eid       TEXT NOT NULL,
    text      TEXT NOT NULL,
    canonical TEXT,
    kind      TEXT NOT NULL,
    country   TEXT,
    mentions  TEXT NOT NULL,
    PRIMARY KEY (doc, eid)
) WITHOUT ROWID;

CREATE TABLE places (
    doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    geonameid  INTEGER,
    feature    TEXT NOT NULL,
    country    TEXT,
    admin1     TEXT,
    lat        REAL,
    lon        REAL,
    precision  TEXT NOT NULL,
    score      REAL NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE events (
    pk               INTEGER PRIMARY KEY,
    doc              INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    eid              TEXT NOT NULL,
    kind             TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    sub_event_type   TEXT NOT NULL,
    plover_type      TEXT NOT NULL,
    actor            TEXT,
    actor_canonical  TEXT,
    target           TEXT,
    target_canonical TEXT,
    location         TEXT,
    country          TEXT,
    admin1           TEXT,
    lat              REAL,
    lon              REAL,
    precision        TEXT,
    day              TEXT,
    day_end          TEXT,
    fatalities       INTEGER,
    modality         TEXT NOT NULL,
    source           TEXT,
    notes            TEXT NOT NULL,
    ev_start         INTEGER,
    ev_end           INTEGER,
    UNIQUE (doc, eid)
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_lat ON events(lat, lon);
CREATE INDEX events_country ON events(country, day);
CREATE INDEX events_type ON events(event_type, day);
CREATE INDEX events_kind ON events(kind, day);
CREATE INDEX events_sub_type ON events(sub_event_type, day);

CREATE VIRTUAL TABLE events_fts USING fts5(
    notes, actors, place,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, notes, actors, place) VALUES (
        new.pk, new.notes,
        concat_ws(' ', new.actor, new.actor_canonical, new.target,
                  new.target_canonical),
        concat_ws(' ', new.location, new.admin1, new.country));
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_fts WHERE rowid = old.pk;
END;

CREATE TABLE quotes (
    doc               INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    seq               INTEGER NOT NULL,
    speaker           TEXT NOT NULL,
    speaker_canonical TEXT,
    speaker_entity    TEXT,
    text              TEXT NOT NULL,
    start_byte        INTEGER NOT NULL,
    end_byte          INTEGER NOT NULL,
    verb              TEXT,
    direct            INTEGER NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE claims (
    doc              INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    source           TEXT NOT NULL,
    source_canonical TEXT,
    source_entity    TEXT,
    text             TEXT NOT NULL,
    start_byte       INTEGER NOT NULL,
    end_byte         INTEGER NOT NULL,
    marker           TEXT,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
"#,
];

/// The newest schema version this build knows.
pub(crate) fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// Refuses foreign files, then brings the schema up to date.
pub(crate) fn check_and_migrate(conn: &mut Connection, path: &Path, writable: bool) -> Result<()> {
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| not_sitrep_on_notadb(e, path))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if app_id != 0 || tables != 0 || version != 0 || !writable {
            return Err(Error::NotSitrep(path.to_path_buf()));
        }
    }
    let known = latest_version();
    if version > known {
        return Err(Error::TooNew { path: path.to_path_buf(), found: version, known });
    }
    if writable {
        // WAL is a property of the file; an in-memory database ignores it.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL mode, NORMAL survives a crash of the process (kill -9): only
        // a power loss can roll back the last commits.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    } else if version < known {
        return Err(Error::Invalid(format!(
            "{} needs a schema upgrade; open it once for writing (e.g. sitrep ingest)",
            path.display()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(version).unwrap_or(0)) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        if i == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn fresh_database_gets_latest_version_and_id() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_version());
        let id: i32 = store.conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(id, APPLICATION_ID);
        let format: String = store
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(format, "sitrep-store");
    }

    #[test]
    fn reopening_keeps_data_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        {
            let store = Store::open(&path).unwrap();
            store.conn.execute("INSERT INTO meta VALUES ('probe', 'x')", []).unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_version());
        let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let probe: String = store
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'probe'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(probe, "x");
    }

    #[test]
    fn foreign_and_corrupt_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        // Not SQLite at all.
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "hello, this is plain text and no database\n".repeat(100)).unwrap();
        // SQLite, but another program's.
        let foreign = dir.path().join("other.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        // SQLite with another application id.
        let other_id = dir.path().join("other-id.db");
        Connection::open(&other_id).unwrap().execute_batch("PRAGMA application_id = 42;").unwrap();
        for path in [&text, &foreign, &other_id] {
            let err = Store::open(path).unwrap_err();
            assert!(matches!(err, Error::NotSitrep(_)), "{path:?}: {err:?}");
            assert_eq!(err.to_string(), format!("{} is not a sitrep database", path.display()));
        }
        // The foreign database was not touched.
        let n: i64 = Connection::open(&foreign)
            .unwrap()
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn damaged_database_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        {
            let mut store = Store::open(&path).unwrap();
            let d = crate::write::tests::doc("a", "A strike.");
            store.put(&d, &crate::write::tests::code(&d)).unwrap();
            store.checkpoint().unwrap();
        }
        // Keep the 100-byte header, scribble over the rest of the schema page.
        let mut bytes = std::fs::read(&path).unwrap();
        for b in &mut bytes[100..4096] {
            *b = 0xA5;
        }
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::Corrupt(_) | Error::NotSitrep(_)), "{err:?}");
        assert!(err.to_string().starts_with(&path.display().to_string()), "{err}");
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        drop(Store::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::TooNew { .. }), "{err:?}");
    }

    #[test]
    fn old_version_is_migrated_forward() {
        // A database at version 0 with the sitrep id (as left by an
        // interrupted first migration) is completed, not refused.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_version());
    }
}
