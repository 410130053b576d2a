//! Reading: filtered event lists, one event with its evidence, documents,
//! quotes and claims. These are the shapes the HTTP API serves.

use crate::{Error, Result, Store};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::Serialize;
use sitrep_model::{Event, Report};

/// ACLED's six event types (a `type` filter naming another value is taken as
/// a sub-event type).
const ACLED_EVENT_TYPES: [&str; 6] = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
];

/// Event counts stop here (see [`Page::total_capped`]).
pub const COUNT_CAP: u64 = 10_000;

/// Largest page any list query returns.
pub const MAX_LIMIT: usize = 10_000;

/// Filters of [`Store::events`]. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// First day, `YYYY-MM-DD`, inclusive (the event's first possible day,
    /// else its document's publication day, must be in `from..=to`).
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// `[min_lon, min_lat, max_lon, max_lat]`, degrees.
    pub bbox: Option<[f64; 4]>,
    /// Fine kind (`airstrike`…).
    pub kind: Option<String>,
    /// ACLED event type (`Battles`…) or sub-event type (`Armed clash`…).
    pub event_type: Option<String>,
    /// Substring of the actor or target (text or canonical), any case.
    pub actor: Option<String>,
    /// ISO 3166 alpha-2 country of the location.
    pub country: Option<String>,
    /// Outlet (document source), exact, any case.
    pub source: Option<String>,
    /// Full-text query over evidence, parties and place (all words, prefixes).
    pub q: Option<String>,
    /// Page size (capped at 10,000; 0 means 100).
    pub limit: usize,
    /// Rows to skip.
    pub offset: usize,
}

/// Parses a `min_lon,min_lat,max_lon,max_lat` bounding box (degrees).
///
/// # Errors
///
/// [`Error::Invalid`] unless there are four finite numbers with
/// `min <= max` and latitudes within ±90.
pub fn parse_bbox(s: &str) -> Result<[f64; 4]> {
    let nums: Vec<f64> = s.split(',').filter_map(|p| p.trim().parse().ok()).collect();
    let bad = || Error::Invalid(format!("bad bbox {s:?}: want min_lon,min_lat,max_lon,max_lat"));
    let [a, b, c, d] = <[f64; 4]>::try_from(nums).map_err(|_| bad())?;
    let ok = [a, b, c, d].iter().all(|v| v.is_finite())
        && a <= c
        && b <= d
        && (-90.0..=90.0).contains(&b)
        && (-90.0..=90.0).contains(&d);
    if ok {
        Ok([a, b, c, d])
    } else {
        Err(bad())
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    /// Rows matching the filter, all pages together (at most
    /// [`COUNT_CAP`] for events; see `total_capped`).
    pub total: u64,
    /// True when `total` stopped at [`COUNT_CAP`]: there may be more rows.
    pub total_capped: bool,
    /// The page size used.
    pub limit: usize,
    /// Rows skipped.
    pub offset: usize,
    /// This page's rows.
    pub items: Vec<T>,
}

/// An event as listed (flat, for maps and tables).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// API id `"{document key}-{event id}"`.
    pub id: String,
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: Option<String>,
    /// Fine kind.
    pub kind: String,
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// Actor (canonical, else text).
    pub actor: Option<String>,
    /// Target (canonical, else text).
    pub target: Option<String>,
    /// Location name.
    pub location: Option<String>,
    /// Country, ISO 3166 alpha-2.
    pub country: Option<String>,
    /// First-level division.
    pub admin1: Option<String>,
    /// Latitude, degrees.
    pub lat: Option<f64>,
    /// Longitude, degrees.
    pub lon: Option<f64>,
    /// Location precision (site|city|admin2|admin1|country|region).
    pub precision: Option<String>,
    /// Event day (`YYYY-MM-DD`): its date, else the publication date.
    pub date: Option<String>,
    /// Last possible day.
    pub date_end: Option<String>,
    /// Killed, when stated.
    pub fatalities: Option<u32>,
    /// asserted|reported|claimed|…
    pub modality: String,
    /// Outlet.
    pub source: Option<String>,
    /// The evidence sentences.
    pub notes: String,
}

/// A span of a document with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpanText {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text covered.
    pub text: String,
}

/// A stored document with its text and full report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    /// Document id.
    pub id: String,
    /// Internal key (the first part of event ids).
    pub key: i64,
    /// Outlet.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication day.
    pub published: Option<String>,
    /// Language code.
    pub language: String,
    /// Text SHA-256, hex.
    pub text_sha256: String,
    /// The text every offset points into.
    pub text: String,
    /// The v1 report (entities, places, events, quotes, claims with offsets).
    pub report: Report,
}

/// One event with its evidence and document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDetail {
    /// The flat row.
    #[serde(flatten)]
    pub row: EventRow,
    /// The event as coded (v1).
    pub event: Event,
    /// Evidence spans with their text.
    pub evidence: Vec<SpanText>,
    /// The document (text, report with quotes and claims).
    pub document: DocumentView,
}

/// Events on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Events that day.
    pub count: u64,
}

/// A stored quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: Option<String>,
    /// Publication day.
    pub published: Option<String>,
    /// Speaker as named in the text.
    pub speaker: String,
    /// Speaker's canonical name.
    pub speaker_canonical: Option<String>,
    /// The quoted words.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Reporting verb.
    pub verb: Option<String>,
    /// Direct quote?
    pub direct: bool,
}

/// A stored claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: Option<String>,
    /// Publication day.
    pub published: Option<String>,
    /// Source as named in the text.
    pub source: String,
    /// Source's canonical name.
    pub source_canonical: Option<String>,
    /// The claim.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The marker ("according to").
    pub marker: Option<String>,
}

const EVENT_COLUMNS: &str = "e.doc, e.eid, d.id, d.title, e.kind, e.event_type, \
    e.sub_event_type, coalesce(e.actor_canonical, e.actor), \
    coalesce(e.target_canonical, e.target), e.location, e.country, e.admin1, e.lat, e.lon, \
    e.precision, e.day, e.day_end, e.fatalities, e.modality, e.source, e.notes";

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let key: i64 = r.get(0)?;
    let eid: String = r.get(1)?;
    Ok(EventRow {
        id: format!("{key}-{eid}"),
        doc_id: r.get(2)?,
        title: r.get(3)?,
        kind: r.get(4)?,
        event_type: r.get(5)?,
        sub_event_type: r.get(6)?,
        actor: r.get(7)?,
        target: r.get(8)?,
        location: r.get(9)?,
        country: r.get(10)?,
        admin1: r.get(11)?,
        lat: r.get(12)?,
        lon: r.get(13)?,
        precision: r.get(14)?,
        date: r.get(15)?,
        date_end: r.get(16)?,
        fatalities: r.get(17)?,
        modality: r.get(18)?,
        source: r.get(19)?,
        notes: r.get(20)?,
    })
}

/// `LIKE` pattern matching `s` anywhere (with `\` as escape).
fn like(s: &str) -> Value {
    let escaped = s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Value::Text(format!("%{escaped}%"))
}

/// A full-text query: every word must occur (as a prefix), operators of the
/// FTS5 syntax in user input are neutralised by quoting each word.
fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn limit_of(limit: usize) -> usize {
    if limit == 0 {
        100
    } else {
        limit.min(MAX_LIMIT)
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl EventFilter {
    /// The `WHERE` clause and its parameters; `with_dates` false leaves the
    /// date range out (for the timeline histogram).
    pub(crate) fn where_clause(&self, with_dates: bool) -> (String, Vec<Value>) {
        let mut conds: Vec<&str> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        // Each `?` takes the next parameter; a value used n times is pushed n times.
        let mut add = |cond: &'static str, v: Value| {
            conds.push(cond);
            let uses = cond.matches('?').count();
            params.extend(std::iter::repeat_n(v, uses));
        };
        if with_dates {
            if let Some(from) = non_empty(&self.from) {
                add("e.day >= ?", Value::Text(from.into()));
            }
            if let Some(to) = non_empty(&self.to) {
                add("e.day <= ?", Value::Text(to.into()));
            }
        }
        if let Some(kind) = non_empty(&self.kind) {
            add("e.kind = ?", Value::Text(kind.into()));
        }
        if let Some(t) = non_empty(&self.event_type) {
            // One indexed column, not an OR over two.
            if ACLED_EVENT_TYPES.contains(&t) {
                add("e.event_type = ?", Value::Text(t.into()));
            } else {
                add("e.sub_event_type = ?", Value::Text(t.into()));
            }
        }
        if let Some(a) = non_empty(&self.actor) {
            add(
                "(e.actor LIKE ? ESCAPE '\\' OR e.actor_canonical LIKE ? ESCAPE '\\' \
                 OR e.target LIKE ? ESCAPE '\\' OR e.target_canonical LIKE ? ESCAPE '\\')",
                like(a),
            );
        }
        if let Some(c) = non_empty(&self.country) {
            add("e.country = ?", Value::Text(c.to_ascii_uppercase()));
        }
        if let Some(s) = non_empty(&self.source) {
            add("e.source = ? COLLATE NOCASE", Value::Text(s.into()));
        }
        if let Some(q) = non_empty(&self.q).and_then(fts_query) {
            add("e.pk IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", Value::Text(q));
        }
        if let Some([min_lon, min_lat, max_lon, max_lat]) = self.bbox {
            conds.push("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?");
            params.extend([min_lat, max_lat, min_lon, max_lon].map(Value::Real));
        }
        let sql = if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        };
        (sql, params)
    }
}

impl Store {
    /// Events matching `filter`, most recent first.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn events(&self, filter: &EventFilter) -> Result<Page<EventRow>> {
        let (cond, params) = filter.where_clause(true);
        let limit = limit_of(filter.limit);
        let fts = filter.q.as_deref().and_then(fts_query);
        // Counting stops at COUNT_CAP: an exact count of a broad filter costs
        // a scan of the whole index, for a number nobody reads past "10,000+".
        // A text query alone is counted in the full-text index itself.
        let total: i64 = match (&fts, params.len()) {
            (Some(q), 1) => self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ?1 \
                     LIMIT {COUNT_CAP})"
                ))?
                .query_row([q], |r| r.get(0))?,
            _ => self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM (SELECT 1 FROM events e{cond} LIMIT {COUNT_CAP})"
                ))?
                .query_row(params_from_iter(params.iter()), |r| r.get(0))?,
        };
        let total = u64::try_from(total).unwrap_or(0);
        // With a text query, SQLite would fetch every match and sort them; walking
        // the day index newest first and probing the match set stops after one page.
        let hint = if fts.is_some() { " INDEXED BY events_day" } else { "" };
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e{hint} JOIN documents d ON d.pk = e.doc{cond} \
             ORDER BY e.day DESC, e.pk DESC LIMIT {limit} OFFSET {}",
            filter.offset
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let items = stmt
            .query_map(params_from_iter(params.iter()), event_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Page { total, total_capped: total >= COUNT_CAP, limit, offset: filter.offset, items })
    }

    /// Events per day matching `filter`, ignoring its date range, by day.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn day_counts(&self, filter: &EventFilter) -> Result<Vec<DayCount>> {
        let (cond, params) = filter.where_clause(false);
        let cond = if cond.is_empty() {
            " WHERE e.day IS NOT NULL".to_string()
        } else {
            format!("{cond} AND e.day IS NOT NULL")
        };
        let sql =
            format!("SELECT e.day, count(*) FROM events e{cond} GROUP BY e.day ORDER BY e.day");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
            let n: i64 = r.get(1)?;
            Ok(DayCount { day: r.get(0)?, count: u64::try_from(n).unwrap_or(0) })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One event by API id (`"12-e3"`), with evidence and document; `None`
    /// when there is no such event.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] / [`Error::Json`] on a database or stored-JSON error.
    pub fn event(&self, id: &str) -> Result<Option<EventDetail>> {
        let Some((key, eid)) = id.split_once('-') else { return Ok(None) };
        let Ok(key) = key.parse::<i64>() else { return Ok(None) };
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.pk = e.doc \
             WHERE e.doc = ?1 AND e.eid = ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let found = stmt.query_row(rusqlite::params![key, eid], event_row).optional()?;
        let Some(row) = found else { return Ok(None) };
        let Some(document) = self.document_by_key(key)? else { return Ok(None) };
        let Some(event) = document.report.events.iter().find(|e| e.id == eid).cloned() else {
            return Ok(None);
        };
        let evidence = event
            .evidence
            .iter()
            .map(|s| SpanText {
                start: s.start,
                end: s.end,
                text: s.slice(&document.text).to_string(),
            })
            .collect();
        Ok(Some(EventDetail { row, event, evidence, document }))
    }

    /// A document by id, with its text and report.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] / [`Error::Json`] on a database or stored-JSON error.
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>> {
        self.document_where("id = ?1", Value::Text(id.to_string()))
    }

    fn document_by_key(&self, key: i64) -> Result<Option<DocumentView>> {
        self.document_where("pk = ?1", Value::Integer(key))
    }

    fn document_where(&self, cond: &str, param: Value) -> Result<Option<DocumentView>> {
        let sql = format!(
            "SELECT id, pk, source, url, title, published, language, sha256, text, report \
             FROM documents WHERE {cond}"
        );
        let found = self
            .conn
            .query_row(&sql, [param], |r| {
                Ok((
                    DocumentView {
                        id: r.get(0)?,
                        key: r.get(1)?,
                        source: r.get(2)?,
                        url: r.get(3)?,
                        title: r.get(4)?,
                        published: r.get(5)?,
                        language: r.get(6)?,
                        text_sha256: r.get(7)?,
                        text: r.get(8)?,
                        report: empty_report(),
                    },
                    r.get::<_, String>(9)?,
                ))
            })
            .optional()?;
        let Some((mut view, json)) = found else { return Ok(None) };
        view.report = serde_json::from_str(&json)?;
        Ok(Some(view))
    }

    /// Quotes whose speaker (text or canonical) contains `speaker`, any case.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Page<QuoteRow>> {
        let table =
            StatementTable { table: "quotes", who: "speaker", last_column: "verb, q.direct" };
        self.statement_page(&table, speaker, limit, offset, |r| {
            Ok(QuoteRow {
                doc_id: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                speaker: r.get(3)?,
                speaker_canonical: r.get(4)?,
                text: r.get(5)?,
                start: r.get(6)?,
                end: r.get(7)?,
                verb: r.get(8)?,
                direct: r.get(9)?,
            })
        })
    }

    /// Claims whose source (text or canonical) contains `source`, any case.
    ///
    /// # Errors
    ///
    /// [`Error::Sqlite`] on a database error.
    pub fn claims(
        &self,
        source: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Page<ClaimRow>> {
        let table = StatementTable { table: "claims", who: "source", last_column: "marker" };
        self.statement_page(&table, source, limit, offset, |r| {
            Ok(ClaimRow {
                doc_id: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                source: r.get(3)?,
                source_canonical: r.get(4)?,
                text: r.get(5)?,
                start: r.get(6)?,
                end: r.get(7)?,
                marker: r.get(8)?,
            })
        })
    }

    /// One page of quotes or claims (aliased `q`) whose `who` column, or its
    /// canonical form, contains `who`, newest documents first: the count, the
    /// page, and each row mapped by `row`.
    fn statement_page<T>(
        &self,
        t: &StatementTable,
        who: Option<&str>,
        limit: usize,
        offset: usize,
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let (table, col) = (t.table, t.who);
        let cond = format!(
            "(?1 IS NULL OR q.{col} LIKE ?1 ESCAPE '\\' OR q.{col}_canonical LIKE ?1 ESCAPE '\\')"
        );
        let pattern = who.map(str::trim).filter(|s| !s.is_empty()).map(like).unwrap_or(Value::Null);
        let limit = limit_of(limit);
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM {table} q WHERE {cond}"),
            [&pattern],
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT d.id, d.title, d.published, q.{col}, q.{col}_canonical, q.text, \
             q.start_byte, q.end_byte, q.{last} FROM {table} q \
             JOIN documents d ON d.pk = q.doc WHERE {cond} \
             ORDER BY d.published DESC, q.doc, q.seq LIMIT {limit} OFFSET {offset}",
            last = t.last_column
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let items = stmt.query_map([&pattern], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Page {
            total: u64::try_from(total).unwrap_or(0),
            total_capped: false,
            limit,
            offset,
            items,
        })
    }
}

/// Where quotes and claims differ: their table, the column naming who speaks,
/// and the trailing columns of a row.
struct StatementTable {
    table: &'static str,
    who: &'static str,
    last_column: &'static str,
}

fn empty_report() -> Report {
    Report {
        sitrep: sitrep_model::CONTRACT_VERSION.into(),
        doc: sitrep_model::DocMeta {
            id: String::new(),
            source: None,
            url: None,
            title: None,
            published: None,
            language: String::new(),
            text_sha256: String::new(),
        },
        entities: vec![],
        places: vec![],
        events: vec![],
        quotes: vec![],
        claims: vec![],
        text: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::tests::{code, doc};

    fn seeded() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let mut a = doc("a", "A drone strike hit the base. Later, another strike hit the depot.");
        a.source = Some("Wire A".into());
        let mut b = doc("b", "A strike on the market in Erbil.");
        b.published = chrono::NaiveDate::from_ymd_opt(2021, 7, 20);
        b.source = Some("Wire B".into());
        let c = doc("c", "Nothing happened here.");
        for d in [a, b, c] {
            let mut r = code(&d);
            if d.id == "b" {
                for e in &mut r.events {
                    e.kind = "shelling".into();
                    e.actor = None;
                    if let Some(l) = &mut e.location {
                        l.lat = Some(10.0);
                        l.lon = Some(20.0);
                        l.country = Some("SY".into());
                    }
                }
            }
            store.put(&d, &r).unwrap();
        }
        store
    }

    fn ids(page: &Page<EventRow>) -> Vec<&str> {
        page.items.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn event_filters() {
        let store = seeded();
        let f = |edit: &dyn Fn(&mut EventFilter)| {
            let mut filter = EventFilter::default();
            edit(&mut filter);
            store.events(&filter).unwrap()
        };
        let s = |v: &str| Some(v.to_string());
        type Edit = Box<dyn Fn(&mut EventFilter)>;
        let cases: Vec<(&str, Edit, Vec<&str>)> = vec![
            ("all, newest first", Box::new(|_| {}), vec!["2-e1", "1-e2", "1-e1"]),
            ("from", Box::new(move |f| f.from = s("2021-07-10")), vec!["2-e1"]),
            ("to", Box::new(move |f| f.to = s("2021-07-08")), vec!["1-e2", "1-e1"]),
            ("kind", Box::new(move |f| f.kind = s("shelling")), vec!["2-e1"]),
            (
                "type",
                Box::new(move |f| f.event_type = s("Air/drone strike")),
                vec!["2-e1", "1-e2", "1-e1"],
            ),
            ("actor any case", Box::new(move |f| f.actor = s("us FORCES")), vec!["1-e2", "1-e1"]),
            ("actor canonical", Box::new(move |f| f.actor = s("States mil")), vec!["1-e2", "1-e1"]),
            ("actor with LIKE metachar", Box::new(move |f| f.actor = s("%")), vec![]),
            ("country", Box::new(move |f| f.country = s("sy")), vec!["2-e1"]),
            ("source", Box::new(move |f| f.source = s("wire a")), vec!["1-e2", "1-e1"]),
            ("q", Box::new(move |f| f.q = s("depot")), vec!["1-e2"]),
            ("q prefix and accents", Box::new(move |f| f.q = s("márk")), vec!["2-e1"]),
            ("q syntax chars", Box::new(move |f| f.q = s("\"depot*) (")), vec!["1-e2"]),
            ("bbox", Box::new(|f| f.bbox = Some([19.0, 9.0, 21.0, 11.0])), vec!["2-e1"]),
            ("limit", Box::new(|f| f.limit = 1), vec!["2-e1"]),
            ("offset", Box::new(|f| f.offset = 2), vec!["1-e1"]),
            (
                "combined",
                Box::new(move |f| {
                    f.country = s("IQ");
                    f.q = s("base")
                }),
                vec!["1-e1"],
            ),
        ];
        for (name, edit, want) in cases {
            let page = f(&*edit);
            assert_eq!(ids(&page), want, "{name}");
        }
        let page = f(&|f| f.limit = 1);
        assert_eq!(page.total, 3);
    }

    #[test]
    fn event_detail_has_evidence_and_document() {
        let store = seeded();
        let detail = store.event("1-e2").unwrap().unwrap();
        assert_eq!(detail.evidence.len(), 1);
        assert_eq!(detail.evidence[0].text, " Later, another strike hit the depot.");
        assert_eq!(detail.row.notes, "Later, another strike hit the depot.");
        assert_eq!(detail.document.id, "a");
        assert_eq!(detail.document.report.quotes.len(), 1);
        for bad in ["", "1", "x-e1", "1-e9", "99-e1", "-e1"] {
            assert!(store.event(bad).unwrap().is_none(), "{bad:?}");
        }
    }

    #[test]
    fn documents_quotes_claims() {
        let store = seeded();
        let d = store.document("b").unwrap().unwrap();
        assert_eq!(d.report.events.len(), 1);
        assert!(store.document("zzz").unwrap().is_none());
        assert_eq!(store.quotes(Some("saadi"), 0, 0).unwrap().total, 3);
        assert_eq!(store.quotes(Some("nobody"), 0, 0).unwrap().total, 0);
        assert_eq!(store.quotes(None, 2, 0).unwrap().items.len(), 2);
        assert_eq!(store.claims(Some("arab weekly"), 0, 0).unwrap().total, 3);
        assert_eq!(store.claims(None, 0, 0).unwrap().items[0].doc_id, "b");
    }

    #[test]
    fn day_counts_ignore_the_date_range() {
        let store = seeded();
        let filter = EventFilter { from: Some("2030-01-01".into()), ..Default::default() };
        let days = store.day_counts(&filter).unwrap();
        let want = vec![
            DayCount { day: "2021-07-08".into(), count: 2 },
            DayCount { day: "2021-07-20".into(), count: 1 },
        ];
        assert_eq!(days, want);
    }

    #[test]
    fn bbox_parsing() {
        assert_eq!(parse_bbox("1,2,3,4").unwrap(), [1.0, 2.0, 3.0, 4.0]);
        assert_eq!(parse_bbox(" -10.5, -5 ,10,5").unwrap(), [-10.5, -5.0, 10.0, 5.0]);
        for bad in ["", "1,2,3", "1,2,3,4,5", "3,2,1,4", "0,-100,1,1", "a,b,c,d", "NaN,1,2,3"] {
            assert!(parse_bbox(bad).is_err(), "{bad:?}");
        }
    }
}
