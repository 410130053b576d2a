//! Writing documents and their codings.

use crate::{text_sha256, Result, Store};
use rusqlite::{params, Connection, OptionalExtension};
use sitrep_model::{Document, Event, Lang, Report, Span};

/// What storing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// The id was new: the document and its codings were inserted.
    New,
    /// The id existed with another text: text and codings were replaced.
    Updated,
    /// The id existed with the same text SHA-256: nothing was written.
    Unchanged,
}

/// What [`Store::recode`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecodeSummary {
    /// Documents whose codings were replaced.
    pub recoded: usize,
    /// Events stored before the recode.
    pub events_before: u64,
    /// Events stored after the recode.
    pub events_after: u64,
    /// Documents that could not be recoded (they keep their old codings).
    pub failed: Vec<crate::Failure>,
}

impl Store {
    /// Stores one document with its report, in one transaction.
    ///
    /// Same id and same text SHA-256 as stored: [`PutOutcome::Unchanged`],
    /// nothing written. Same id, other text: document and codings replaced.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Sqlite`] on a database error (nothing is written).
    pub fn put(&mut self, doc: &Document, report: &Report) -> Result<PutOutcome> {
        let tx = self.conn.transaction()?;
        let outcome = put_in(&tx, doc, report)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// The stored text SHA-256 of document `id`, if stored.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Sqlite`] on a database error.
    pub fn stored_sha256(&self, id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT sha256 FROM documents WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    /// Re-runs `coder` on every stored document and replaces its codings.
    ///
    /// Each document is recoded in its own transaction: a reader sees the old
    /// codings or the new ones, never a mix, and a document whose new codings
    /// cannot be written keeps its old ones (listed in
    /// [`RecodeSummary::failed`]).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Sqlite`] when the documents cannot be listed.
    pub fn recode(&mut self, coder: &dyn Fn(&Document) -> Report) -> Result<RecodeSummary> {
        let mut summary =
            RecodeSummary { events_before: self.event_count()?, ..Default::default() };
        let keys: Vec<i64> = {
            let mut stmt = self.conn.prepare("SELECT pk FROM documents ORDER BY pk")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for pk in keys {
            let Some(doc) = self.load_document(pk)? else { continue };
            let report = coder(&doc);
            match self.recode_one(pk, &doc, &report) {
                Ok(()) => summary.recoded += 1,
                Err(e) => summary
                    .failed
                    .push(crate::Failure { id: doc.id.clone(), reason: e.to_string() }),
            }
        }
        summary.events_after = self.event_count()?;
        Ok(summary)
    }

    fn recode_one(&mut self, pk: i64, doc: &Document, report: &Report) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE documents SET language = ?2, report = ?3, coded_at = ?4 WHERE pk = ?1",
            params![pk, report.doc.language, serde_json::to_string(report)?, now()],
        )?;
        replace_codings(&tx, pk, doc, report)?;
        tx.commit()?;
        Ok(())
    }

    /// Rebuilds the [`Document`] stored under key `pk`.
    pub(crate) fn load_document(&self, pk: i64) -> Result<Option<Document>> {
        let sql = "SELECT id, source, url, title, published, input_lang, text \
                   FROM documents WHERE pk = ?1";
        Ok(self
            .conn
            .query_row(sql, [pk], |r| {
                let published: Option<String> = r.get(4)?;
                let lang: Option<String> = r.get(5)?;
                Ok(Document {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    url: r.get(2)?,
                    title: r.get(3)?,
                    published: published.and_then(|p| p.parse().ok()),
                    language: lang.as_deref().and_then(Lang::from_code),
                    text: r.get(6)?,
                })
            })
            .optional()?)
    }
}

/// `sitrep recode`: re-runs `coder` over every document of the existing
/// database `db` (see [`Store::recode`]).
///
/// # Errors
///
/// [`crate::Error::Missing`] when `db` does not exist, else as
/// [`Store::recode`].
pub fn recode_db(
    db: &std::path::Path,
    coder: &dyn Fn(&Document) -> Report,
) -> Result<RecodeSummary> {
    Store::open_existing(db)?.recode(coder)
}

/// UTC now, RFC 3339 to the second.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Stores one document inside an open transaction.
pub(crate) fn put_in(tx: &Connection, doc: &Document, report: &Report) -> Result<PutOutcome> {
    let sha = text_sha256(&doc.text);
    let existing: Option<(i64, String)> = tx
        .query_row("SELECT pk, sha256 FROM documents WHERE id = ?1", [&doc.id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let json = serde_json::to_string(report)?;
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    let input_lang = doc.language.map(Lang::code);
    let now = now();
    // One parameter list for both statements: ?1..?11 the document, ?12 the row.
    let (sql, row, outcome) = match existing {
        Some((_, stored)) if stored == sha => return Ok(PutOutcome::Unchanged),
        Some((pk, _)) => (
            "UPDATE documents SET source = ?2, url = ?3, title = ?4, published = ?5, \
             language = ?6, input_lang = ?7, text = ?8, sha256 = ?9, report = ?10, \
             ingested_at = ?11, coded_at = ?11 WHERE pk = ?12",
            Some(pk),
            PutOutcome::Updated,
        ),
        None => (
            // ?12 is NULL: SQLite picks the new row's key.
            "INSERT INTO documents (pk, id, source, url, title, published, language, \
             input_lang, text, sha256, report, ingested_at, coded_at) \
             VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            None,
            PutOutcome::New,
        ),
    };
    tx.execute(
        sql,
        params![
            doc.id,
            doc.source,
            doc.url,
            doc.title,
            published,
            report.doc.language,
            input_lang,
            doc.text,
            sha,
            json,
            now,
            row
        ],
    )?;
    let pk = row.unwrap_or_else(|| tx.last_insert_rowid());
    replace_codings(tx, pk, doc, report)?;
    Ok(outcome)
}

/// Deletes a document's codings and writes those of `report`.
fn replace_codings(tx: &Connection, pk: i64, doc: &Document, report: &Report) -> Result<()> {
    for table in ["entities", "places", "events", "quotes", "claims"] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc = ?1"), [pk])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO entities (doc, eid, text, canonical, kind, country, mentions) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for e in &report.entities {
        let mentions = serde_json::to_string(&e.mentions)?;
        st.execute(params![pk, e.id, e.text, e.canonical, e.kind.as_str(), e.country, mentions])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO places (doc, seq, text, start_byte, end_byte, name, geonameid, feature, \
         country, admin1, lat, lon, precision, score) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (i, p) in report.places.iter().enumerate() {
        st.execute(params![
            pk,
            i,
            p.text,
            p.start,
            p.end,
            p.name,
            p.geonameid,
            p.feature,
            p.country,
            p.admin1,
            p.lat,
            p.lon,
            p.precision,
            p.score
        ])?;
    }
    for e in &report.events {
        insert_event(tx, pk, doc, e)?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quotes (doc, seq, speaker, speaker_canonical, speaker_entity, text, \
         start_byte, end_byte, verb, direct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, q) in report.quotes.iter().enumerate() {
        st.execute(params![
            pk,
            i,
            q.speaker.text,
            q.speaker.canonical,
            q.speaker.entity,
            q.text,
            q.start,
            q.end,
            q.verb,
            q.direct
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO claims (doc, seq, source, source_canonical, source_entity, text, \
         start_byte, end_byte, marker) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, c) in report.claims.iter().enumerate() {
        st.execute(params![
            pk,
            i,
            c.source.text,
            c.source.canonical,
            c.source.entity,
            c.text,
            c.start,
            c.end,
            c.marker
        ])?;
    }
    Ok(())
}

/// The evidence sentences of an event, joined by a space.
pub(crate) fn evidence_text(text: &str, evidence: &[Span]) -> String {
    let parts: Vec<&str> =
        evidence.iter().map(|s| s.slice(text).trim()).filter(|s| !s.is_empty()).collect();
    parts.join(" ")
}

fn insert_event(tx: &Connection, pk: i64, doc: &Document, e: &Event) -> Result<()> {
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    let day = e.date.start.clone().or_else(|| published.clone());
    let day_end = e.date.end.clone().or_else(|| day.clone());
    let loc = e.location.as_ref();
    let first = e.evidence.first();
    let mut st = tx.prepare_cached(
        "INSERT INTO events (doc, eid, kind, event_type, sub_event_type, plover_type, actor, \
         actor_canonical, target, target_canonical, location, country, admin1, lat, lon, \
         precision, day, day_end, fatalities, modality, source, notes, ev_start, ev_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    )?;
    st.execute(params![
        pk,
        e.id,
        e.kind,
        e.acled.event_type,
        e.acled.sub_event_type,
        e.plover.kind,
        e.actor.as_ref().and_then(|p| p.text.clone()),
        e.actor.as_ref().and_then(|p| p.canonical.clone()),
        e.target.as_ref().and_then(|p| p.text.clone()),
        e.target.as_ref().and_then(|p| p.canonical.clone()),
        loc.map(|l| l.name.clone()),
        loc.and_then(|l| l.country.clone()),
        loc.and_then(|l| l.admin1.clone()),
        loc.and_then(|l| l.lat),
        loc.and_then(|l| l.lon),
        loc.map(|l| l.precision.clone()),
        day,
        day_end,
        e.fatalities,
        e.modality,
        doc.source,
        evidence_text(&doc.text, &e.evidence),
        first.map(|s| s.start),
        first.map(|s| s.end),
    ])?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use sitrep_model::*;

    /// A document about an airstrike, for tests across the crate.
    pub(crate) fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            source: Some("Test Wire".into()),
            url: Some(format!("https://example.org/{id}")),
            title: Some(format!("Title of {id}")),
            published: chrono::NaiveDate::from_ymd_opt(2021, 7, 8),
            language: None,
            text: text.to_string(),
        }
    }

    /// A hand-made coder: one event per sentence containing "strike", located
    /// in Erbil, one quote and one claim per document.
    pub(crate) fn code(doc: &Document) -> Report {
        let text = &doc.text;
        let mut events = Vec::new();
        let mut start = 0;
        for sentence in text.split_inclusive('.') {
            let end = start + sentence.len();
            if sentence.contains("strike") {
                events.push(Event {
                    id: format!("e{}", events.len() + 1),
                    kind: "airstrike".into(),
                    acled: AcledCode {
                        event_type: "Explosions/Remote violence".into(),
                        sub_event_type: "Air/drone strike".into(),
                    },
                    plover: PloverCode { kind: "ASSAULT".into(), mode: Some("aerial".into()) },
                    actor: Some(Party {
                        text: Some("US forces".into()),
                        canonical: Some("United States military".into()),
                        kind: "military".into(),
                        country: Some("US".into()),
                        entity: None,
                    }),
                    target: None,
                    location: Some(Location {
                        text: "Erbil".into(),
                        name: "Erbil".into(),
                        geonameid: Some(95446),
                        country: Some("IQ".into()),
                        admin1: Some("Erbil".into()),
                        lat: Some(36.19),
                        lon: Some(44.01),
                        precision: "city".into(),
                    }),
                    date: EventDate::default(),
                    fatalities: Some(2),
                    injured: None,
                    weapons: vec!["drone".into()],
                    modality: "asserted".into(),
                    attributed_to: None,
                    framing: vec![],
                    evidence: vec![Span::new(start, end)],
                    triggers: vec![Span::new(start, end)],
                });
            }
            start = end;
        }
        let len = text.len();
        Report {
            sitrep: "1".into(),
            doc: DocMeta {
                id: doc.id.clone(),
                source: doc.source.clone(),
                url: doc.url.clone(),
                title: doc.title.clone(),
                published: doc.published.map(|d| d.to_string()),
                language: "en".into(),
                text_sha256: text_sha256(text),
            },
            entities: vec![Entity {
                id: "n1".into(),
                text: "US forces".into(),
                canonical: Some("United States military".into()),
                kind: EntityKind::Military,
                country: Some("US".into()),
                mentions: vec![Span::new(0, 0)],
            }],
            places: vec![],
            events,
            quotes: vec![Quote {
                speaker: SourceRef { text: "Saad al-Saadi".into(), canonical: None, entity: None },
                text: text.to_string(),
                start: 0,
                end: len,
                verb: Some("said".into()),
                direct: true,
                via: None,
            }],
            claims: vec![Claim {
                source: SourceRef { text: "The Arab Weekly".into(), canonical: None, entity: None },
                text: text.to_string(),
                start: 0,
                end: len,
                marker: Some("according to".into()),
            }],
            text: None,
        }
    }

    const TEXT: &str = "A drone strike hit a base near Erbil. Nobody was hurt.";

    #[test]
    fn put_is_idempotent_and_replaces_changed_text() {
        let mut store = Store::open_in_memory().unwrap();
        let d = doc("a", TEXT);
        assert_eq!(store.put(&d, &code(&d)).unwrap(), PutOutcome::New);
        assert_eq!(store.put(&d, &code(&d)).unwrap(), PutOutcome::Unchanged);
        assert_eq!(store.document_count().unwrap(), 1);
        assert_eq!(store.event_count().unwrap(), 1);
        let d2 = doc("a", "One strike. Another strike.");
        assert_eq!(store.put(&d2, &code(&d2)).unwrap(), PutOutcome::Updated);
        assert_eq!(store.document_count().unwrap(), 1);
        assert_eq!(store.event_count().unwrap(), 2);
        assert_eq!(store.stored_sha256("a").unwrap(), Some(text_sha256(&d2.text)));
    }

    #[test]
    fn recode_replaces_codings() {
        let mut store = Store::open_in_memory().unwrap();
        for i in 0..3 {
            let d = doc(&format!("d{i}"), TEXT);
            store.put(&d, &code(&d)).unwrap();
        }
        // The "new rules" find no event at all.
        let summary = store
            .recode(&|d: &Document| {
                let mut r = code(d);
                r.events.clear();
                r
            })
            .unwrap();
        assert_eq!(summary.recoded, 3);
        assert_eq!(summary.events_before, 3);
        assert_eq!(summary.events_after, 0);
        assert!(summary.failed.is_empty());
        let report: String = store
            .conn
            .query_row("SELECT report FROM documents WHERE id = 'd0'", [], |r| r.get(0))
            .unwrap();
        let report: Report = serde_json::from_str(&report).unwrap();
        assert!(report.events.is_empty());
    }

    #[test]
    fn recode_is_atomic_per_document() {
        let mut store = Store::open_in_memory().unwrap();
        let d = doc("a", TEXT);
        store.put(&d, &code(&d)).unwrap();
        // These codings fail half-way (two events with the same id violate
        // UNIQUE(doc, eid) after the old rows were deleted): nothing of the
        // recode may remain.
        let summary = store
            .recode(&|d: &Document| {
                let mut r = code(d);
                r.quotes.clear();
                let e = r.events[0].clone();
                r.events.push(e);
                r
            })
            .unwrap();
        assert_eq!(summary.recoded, 0);
        assert_eq!(summary.failed.len(), 1);
        assert_eq!(summary.failed[0].id, "a");
        assert_eq!(store.event_count().unwrap(), 1);
        let quotes: i64 =
            store.conn.query_row("SELECT count(*) FROM quotes", [], |r| r.get(0)).unwrap();
        assert_eq!(quotes, 1, "old quotes must survive the failed recode");
        let report: String = store
            .conn
            .query_row("SELECT report FROM documents WHERE id = 'a'", [], |r| r.get(0))
            .unwrap();
        assert!(report.contains("Saad al-Saadi"));
    }

    #[test]
    fn load_document_round_trips() {
        let mut store = Store::open_in_memory().unwrap();
        let mut d = doc("x", "Texte en français, avec accents: é à ü.");
        d.language = Some(Lang::Fr);
        store.put(&d, &code(&d)).unwrap();
        let back = store.load_document(1).unwrap().unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn evidence_text_joins_and_skips_bad_spans() {
        let text = "One. Two. Three.";
        assert_eq!(evidence_text(text, &[Span::new(0, 4), Span::new(10, 16)]), "One. Three.");
        assert_eq!(evidence_text(text, &[Span::new(0, 99)]), "");
    }
}
