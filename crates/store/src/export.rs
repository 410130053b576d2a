//! Exports: ACLED-style CSV, JSON Lines of reports, GeoJSON of events.
//!
//! The CSV uses the column names and codes of ACLED's classic export, so it
//! loads in tools built for ACLED data. Country names and ISO codes come from
//! `data/web/countries.tsv` (ISO 3166-1, names spelt as ACLED spells them).

use crate::query::EventFilter;
use crate::{Error, Result, Store};
use rusqlite::params_from_iter;
use serde_json::{json, Map, Value};
use sitrep_model::Event;
use std::collections::HashMap;
use std::io::Write;
use std::str::FromStr;
use std::sync::LazyLock;

/// Output formats of [`export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One CSV row per event, ACLED's columns ([`ACLED_COLUMNS`]).
    AcledCsv,
    /// One v1 report per line, with the document text (`text` field).
    Jsonl,
    /// An RFC 7946 FeatureCollection of the events that have coordinates
    /// (`[lon, lat]` order).
    GeoJson,
}

impl ExportFormat {
    /// The MIME type to serve the export with.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::AcledCsv => "text/csv; charset=utf-8",
            ExportFormat::Jsonl => "application/x-ndjson",
            ExportFormat::GeoJson => "application/geo+json",
        }
    }

    /// A file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::AcledCsv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::GeoJson => "geojson",
        }
    }
}

impl FromStr for ExportFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<ExportFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "acled-csv" | "acled" | "csv" => Ok(ExportFormat::AcledCsv),
            "jsonl" | "ndjson" => Ok(ExportFormat::Jsonl),
            "geojson" => Ok(ExportFormat::GeoJson),
            other => Err(Error::Invalid(format!(
                "unknown export format {other:?}: use acled-csv, jsonl or geojson"
            ))),
        }
    }
}

/// The CSV header, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "data_id",
    "iso",
    "event_id_cnty",
    "event_id_no_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "timestamp",
    "iso3",
];

/// An ISO 3166-1 country.
struct Country {
    alpha3: &'static str,
    numeric: u16,
    name: &'static str,
}

static COUNTRIES: LazyLock<HashMap<&'static str, Country>> = LazyLock::new(|| {
    include_str!("../../../data/web/countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("alpha2"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let a2 = f.next()?;
            let alpha3 = f.next()?;
            let numeric = f.next()?.parse().ok()?;
            let name = f.next()?;
            Some((a2, Country { alpha3, numeric, name }))
        })
        .collect()
});

/// Writes the store (events matching `filter`, for the event formats; every
/// document for JSONL) to `out` in `format`. Returns the number of records.
///
/// # Errors
///
/// [`Error::Sqlite`], [`Error::Json`], [`Error::Csv`] or [`Error::Io`].
pub fn export(
    store: &Store,
    format: ExportFormat,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<u64> {
    match format {
        ExportFormat::Jsonl => export_jsonl(store, out),
        ExportFormat::AcledCsv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(ACLED_COLUMNS)?;
            let n = for_each_event(store, filter, &mut |x| {
                w.write_record(acled_record(x))?;
                Ok(())
            })?;
            w.flush()?;
            Ok(n)
        }
        ExportFormat::GeoJson => {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
            let mut first = true;
            let n = for_each_event(store, filter, &mut |x| {
                let Some(feature) = geojson_feature(x) else { return Ok(()) };
                if !first {
                    out.write_all(b",\n")?;
                }
                first = false;
                serde_json::to_writer(&mut *out, &feature)?;
                Ok(())
            })?;
            out.write_all(b"\n]}\n")?;
            out.flush()?;
            Ok(n)
        }
    }
}

/// `sitrep export`: writes all of `db` in `format` to the file `out`, or to
/// stdout when `out` is `None`. Returns the number of records.
///
/// # Errors
///
/// [`Error::Missing`] when `db` does not exist, else as [`Store::open`] and
/// [`export`].
pub fn export_db(
    db: &std::path::Path,
    format: ExportFormat,
    out: Option<&std::path::Path>,
) -> Result<u64> {
    let store = Store::open_existing(db)?;
    let filter = EventFilter::default();
    match out {
        Some(path) => {
            let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
            let n = export(&store, format, &filter, &mut w)?;
            w.flush()?;
            Ok(n)
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let n = export(&store, format, &filter, &mut w)?;
            w.flush()?;
            Ok(n)
        }
    }
}

fn export_jsonl(store: &Store, out: &mut dyn Write) -> Result<u64> {
    let mut stmt = store.conn.prepare("SELECT report, text FROM documents ORDER BY pk")?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let report: String = row.get(0)?;
        let mut value: Value = serde_json::from_str(&report)?;
        if let Value::Object(map) = &mut value {
            map.insert("text".into(), Value::String(row.get(1)?));
        }
        serde_json::to_writer(&mut *out, &value)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

/// One event with what the exports need from its row and document.
struct Exported {
    pk: i64,
    api_id: String,
    event: Event,
    day: Option<String>,
    day_end: Option<String>,
    source: Option<String>,
    doc_id: String,
    title: Option<String>,
    notes: String,
    timestamp: i64,
}

fn for_each_event(
    store: &Store,
    filter: &EventFilter,
    each: &mut dyn FnMut(&Exported) -> Result<()>,
) -> Result<u64> {
    let (cond, params) = filter.where_clause(true);
    let sql = format!(
        "SELECT e.pk, e.doc, (SELECT j.value FROM json_each(d.report, '$.events') j \
         WHERE j.value ->> '$.id' = e.eid), e.day, e.day_end, e.source, d.id, d.title, e.notes, \
         CAST(strftime('%s', d.coded_at) AS INTEGER) \
         FROM events e JOIN documents d ON d.pk = e.doc{cond} ORDER BY e.day, e.pk"
    );
    let mut stmt = store.conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(params.iter()))?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let Some(json) = r.get::<_, Option<String>>(2)? else { continue };
        let event: Event = serde_json::from_str(&json)?;
        let key: i64 = r.get(1)?;
        let x = Exported {
            pk: r.get(0)?,
            api_id: format!("{key}-{}", event.id),
            event,
            day: r.get(3)?,
            day_end: r.get(4)?,
            source: r.get(5)?,
            doc_id: r.get(6)?,
            title: r.get(7)?,
            notes: r.get(8)?,
            timestamp: r.get::<_, Option<i64>>(9)?.unwrap_or(0),
        };
        each(&x)?;
        n += 1;
    }
    Ok(n)
}

/// ACLED `geo_precision`: 1 site or town, 2 district or region, 3 province or
/// country.
fn geo_precision(precision: &str) -> &'static str {
    match precision {
        "site" | "city" => "1",
        "admin2" | "region" => "2",
        "admin1" | "country" => "3",
        _ => "",
    }
}

/// ACLED `time_precision`: 1 the day is known, 2 within a week, 3 vaguer (or
/// only the publication date is known).
fn time_precision(x: &Exported) -> &'static str {
    let (Some(start), Some(day), Some(end)) = (&x.event.date.start, &x.day, &x.day_end) else {
        return "3";
    };
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    match (parse(start).or(parse(day)), parse(end)) {
        (Some(a), Some(b)) if (b - a).num_days() == 0 => "1",
        (Some(a), Some(b)) if (b - a).num_days() <= 7 => "2",
        _ => "3",
    }
}

/// ACLED actor type code (`inter1`/`inter2`) of a party of an event.
fn inter_code(kind: &str, event_type: &str, is_actor: bool) -> u8 {
    match (kind, event_type, is_actor) {
        (_, "Protests", true) => 6,
        (_, "Riots", true) => 5,
        (_, "Violence against civilians", false) => 7,
        ("military" | "state" | "government", _, _) => 1,
        ("armed_group", _, _) => 2,
        ("person" | "organization" | "media" | "other", _, _) => 8,
        _ => 0,
    }
}

fn party_name(p: Option<&sitrep_model::Party>) -> String {
    p.and_then(|p| p.canonical.clone().or_else(|| p.text.clone())).unwrap_or_default()
}

fn acled_record(x: &Exported) -> Vec<String> {
    let e = &x.event;
    let loc = e.location.as_ref();
    let country = loc.and_then(|l| l.country.as_deref()).and_then(|c| COUNTRIES.get(c));
    let actor1 = party_name(e.actor.as_ref());
    let actor2 = party_name(e.target.as_ref());
    let inter = |p: Option<&sitrep_model::Party>, name: &str, is_actor: bool| {
        if name.is_empty() && !(is_actor && e.acled.event_type == "Protests") {
            return 0;
        }
        inter_code(p.map(|p| p.kind.as_str()).unwrap_or("unknown"), &e.acled.event_type, is_actor)
    };
    let inter1 = inter(e.actor.as_ref(), &actor1, true);
    let inter2 = inter(e.target.as_ref(), &actor2, false);
    let interaction = match (inter1.min(inter2), inter1.max(inter2)) {
        (0, 0) => String::new(),
        (0, b) => format!("{}", b * 10),
        (a, b) => format!("{a}{b}"),
    };
    let coord = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    let iso3 = country.map_or("UNK", |c| c.alpha3);
    vec![
        x.pk.to_string(),
        country.map(|c| c.numeric.to_string()).unwrap_or_default(),
        format!("{iso3}{}", x.pk),
        x.pk.to_string(),
        x.day.clone().unwrap_or_default(),
        x.day.as_deref().and_then(|d| d.get(..4)).unwrap_or_default().to_string(),
        time_precision(x).to_string(),
        e.acled.event_type.clone(),
        e.acled.sub_event_type.clone(),
        actor1,
        String::new(),
        inter1.to_string(),
        actor2,
        String::new(),
        inter2.to_string(),
        interaction,
        String::new(),
        country.map(|c| c.name.to_string()).unwrap_or_default(),
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        String::new(),
        String::new(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        coord(loc.and_then(|l| l.lat)),
        coord(loc.and_then(|l| l.lon)),
        geo_precision(loc.map(|l| l.precision.as_str()).unwrap_or("")).to_string(),
        x.source.clone().unwrap_or_default(),
        String::new(),
        x.notes.clone(),
        e.fatalities.unwrap_or(0).to_string(),
        x.timestamp.to_string(),
        country.map(|c| c.alpha3.to_string()).unwrap_or_default(),
    ]
}

fn geojson_feature(x: &Exported) -> Option<Value> {
    let e = &x.event;
    let loc = e.location.as_ref()?;
    let (lat, lon) = (loc.lat?, loc.lon?);
    if !(lat.is_finite() && lon.is_finite()) {
        return None;
    }
    let mut props = Map::new();
    let mut put = |k: &str, v: Value| {
        props.insert(k.to_string(), v);
    };
    put("id", json!(x.api_id));
    put("doc_id", json!(x.doc_id));
    put("title", json!(x.title));
    put("kind", json!(e.kind));
    put("event_type", json!(e.acled.event_type));
    put("sub_event_type", json!(e.acled.sub_event_type));
    put("actor", json!(party_name(e.actor.as_ref())));
    put("target", json!(party_name(e.target.as_ref())));
    put("location", json!(loc.name));
    put("country", json!(loc.country));
    put("admin1", json!(loc.admin1));
    put("precision", json!(loc.precision));
    put("date", json!(x.day));
    put("date_end", json!(x.day_end));
    put("fatalities", json!(e.fatalities));
    put("modality", json!(e.modality));
    put("source", json!(x.source));
    put("notes", json!(x.notes));
    Some(json!({
        "type": "Feature",
        "id": x.api_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::tests::{code, doc};
    use sitrep_model::Report;

    fn seeded() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let d = doc("a", "A drone strike hit the base, \"killing 2\". Calm.");
        store.put(&d, &code(&d)).unwrap();
        let mut d = doc("b", "A strike somewhere.");
        d.published = None;
        let mut r = code(&d);
        r.events[0].location = None;
        r.events[0].actor = None;
        store.put(&d, &r).unwrap();
        store
    }

    fn run(store: &Store, format: ExportFormat) -> String {
        let mut out = Vec::new();
        export(store, format, &EventFilter::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn acled_csv_has_acled_columns_and_codes() {
        let store = seeded();
        let text = run(&store, ExportFormat::AcledCsv);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, ACLED_COLUMNS);
        let rows: Vec<HashMap<String, String>> = reader.deserialize().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        // Undated, unlocated event first (NULL day sorts first).
        let (b, a) = (&rows[0], &rows[1]);
        let want_a = [
            ("iso", "368"),
            ("event_id_cnty", "IRQ1"),
            ("event_date", "2021-07-08"),
            ("year", "2021"),
            ("time_precision", "3"),
            ("event_type", "Explosions/Remote violence"),
            ("sub_event_type", "Air/drone strike"),
            ("actor1", "United States military"),
            ("inter1", "1"),
            ("inter2", "0"),
            ("interaction", "10"),
            ("country", "Iraq"),
            ("admin1", "Erbil"),
            ("location", "Erbil"),
            ("latitude", "36.1900"),
            ("longitude", "44.0100"),
            ("geo_precision", "1"),
            ("source", "Test Wire"),
            ("notes", "A drone strike hit the base, \"killing 2\"."),
            ("fatalities", "2"),
            ("iso3", "IRQ"),
        ];
        for (k, v) in want_a {
            assert_eq!(a[k], v, "{k}");
        }
        assert_eq!(b["event_id_cnty"], "UNK2");
        assert_eq!(b["country"], "");
        assert_eq!(b["latitude"], "");
        assert_eq!(b["event_date"], "");
    }

    #[test]
    fn geojson_is_lon_lat_and_skips_unlocated_events() {
        let store = seeded();
        let value: Value = serde_json::from_str(&run(&store, ExportFormat::GeoJson)).unwrap();
        assert_eq!(value["type"], "FeatureCollection");
        let features = value["features"].as_array().unwrap();
        assert_eq!(features.len(), 1);
        let f = &features[0];
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(f["geometry"]["coordinates"], json!([44.01, 36.19]));
        assert_eq!(f["properties"]["id"], "1-e1");
        assert_eq!(f["properties"]["country"], "IQ");
    }

    #[test]
    fn empty_geojson_is_valid() {
        let store = Store::open_in_memory().unwrap();
        let value: Value = serde_json::from_str(&run(&store, ExportFormat::GeoJson)).unwrap();
        assert_eq!(value["features"], json!([]));
    }

    #[test]
    fn jsonl_has_one_report_per_document_with_text() {
        let store = seeded();
        let text = run(&store, ExportFormat::Jsonl);
        let reports: Vec<Report> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(reports.len(), 2);
        assert_eq!(reports[0].doc.id, "a");
        assert_eq!(reports[1].text.as_deref(), Some("A strike somewhere."));
    }

    #[test]
    fn export_db_writes_a_file_and_needs_an_existing_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        let out = dir.path().join("out.geojson");
        let err = export_db(&db, ExportFormat::GeoJson, Some(&out)).unwrap_err();
        assert!(matches!(err, Error::Missing(_)), "{err}");
        assert!(!db.exists(), "export must not create a database");
        let mut store = Store::open(&db).unwrap();
        let d = doc("a", "A strike.");
        store.put(&d, &code(&d)).unwrap();
        drop(store);
        assert_eq!(export_db(&db, ExportFormat::GeoJson, Some(&out)).unwrap(), 1);
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(value["features"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn formats_parse() {
        let cases = [
            ("acled-csv", Some(ExportFormat::AcledCsv)),
            ("JSONL", Some(ExportFormat::Jsonl)),
            ("geojson", Some(ExportFormat::GeoJson)),
            ("xml", None),
        ];
        for (s, want) in cases {
            assert_eq!(s.parse::<ExportFormat>().ok(), want, "{s}");
        }
    }

    #[test]
    fn precision_and_inter_tables() {
        let geo = [
            ("site", "1"),
            ("city", "1"),
            ("admin2", "2"),
            ("region", "2"),
            ("admin1", "3"),
            ("country", "3"),
            ("", ""),
        ];
        for (p, want) in geo {
            assert_eq!(geo_precision(p), want, "{p}");
        }
        assert_eq!(inter_code("armed_group", "Battles", true), 2);
        assert_eq!(inter_code("other", "Violence against civilians", false), 7);
        assert_eq!(inter_code("unknown", "Protests", true), 6);
        assert_eq!(COUNTRIES.len(), 250);
    }
}
