//! Bounded load test of the workbench API, on loopback only.
//!
//! ```text
//! cargo run -p sitrep-server --example loadtest -- [EVENTS] [REQUESTS] [CONCURRENCY]
//! ```
//!
//! 1. Ingests synthetic documents (3 events each, spread over the globe and
//!    over a year) until the store holds `EVENTS` events (default 100,000);
//!    reports documents/s and database size per 1,000 documents.
//! 2. Serves the store on `127.0.0.1:0` in this process and sends `REQUESTS`
//!    (default 20,000) requests from `CONCURRENCY` (default 100) keep-alive
//!    connections, a mix of filtered lists and single events; reports
//!    latency percentiles. Stops after 60 s whatever happens.

use sitrep_model::*;
use sitrep_server::{AppState, ServeOptions};
use sitrep_store::{IngestOptions, Store};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

const EVENTS_PER_DOC: usize = 3;
const TYPES: &[(&str, &str, &str)] = &[
    ("airstrike", "Explosions/Remote violence", "Air/drone strike"),
    ("armed_clash", "Battles", "Armed clash"),
    ("protest", "Protests", "Peaceful protest"),
    ("attack", "Violence against civilians", "Attack"),
    ("agreement", "Strategic developments", "Agreement"),
];
const COUNTRIES: &[&str] = &["IQ", "SY", "UA", "ML", "CD", "YE", "SO", "NG", "AF", "MX"];
const WORDS: &[&str] = &["base", "market", "convoy", "village", "checkpoint", "airport", "camp"];

/// A tiny deterministic generator (no dependency needed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

fn document(i: usize) -> Document {
    let mut rng = Lcg(i as u64 + 1);
    let mut text = String::new();
    for k in 0..EVENTS_PER_DOC {
        let word = WORDS[rng.below(WORDS.len())];
        text.push_str(&format!(
            "In report {i}, event {k} struck the {word} near the town after dawn, witnesses said. "
        ));
    }
    text.push_str("Officials gave no further details about the incident.");
    let day = chrono::NaiveDate::from_ymd_opt(2021, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.below(365) as u64)));
    Document {
        id: format!("load/{i:06}"),
        source: Some(format!("Outlet {}", rng.below(20))),
        url: Some(format!("https://news.example.org/{i}")),
        title: Some(format!("Synthetic report {i}")),
        published: day,
        language: Some(Lang::En),
        text,
    }
}

fn code(doc: &Document) -> Report {
    let seed =
        doc.id.bytes().fold(0x9e37_79b9_u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let mut rng = Lcg(seed);
    rng.next();
    let mut events = Vec::new();
    let mut start = 0;
    for (k, sentence) in doc.text.split_inclusive(". ").take(EVENTS_PER_DOC).enumerate() {
        let end = start + sentence.trim_end().len();
        let (kind, ty, sub) = TYPES[rng.below(TYPES.len())];
        events.push(Event {
            id: format!("e{}", k + 1),
            kind: kind.into(),
            acled: AcledCode { event_type: ty.into(), sub_event_type: sub.into() },
            plover: PloverCode { kind: "ASSAULT".into(), mode: None },
            actor: Some(Party {
                text: Some("gunmen".into()),
                canonical: Some(format!("Armed group {}", rng.below(50))),
                kind: "armed_group".into(),
                country: None,
                entity: None,
            }),
            target: None,
            location: Some(Location {
                text: "the town".into(),
                name: format!("Town {}", rng.below(500)),
                geonameid: None,
                country: Some(COUNTRIES[rng.below(COUNTRIES.len())].into()),
                admin1: None,
                lat: Some(rng.unit() * 120.0 - 50.0),
                lon: Some(rng.unit() * 340.0 - 170.0),
                precision: "city".into(),
            }),
            date: EventDate::default(),
            fatalities: Some(rng.below(10) as u32),
            injured: None,
            weapons: vec![],
            modality: "reported".into(),
            attributed_to: None,
            framing: vec![],
            evidence: vec![Span::new(start, end)],
            triggers: vec![Span::new(start, end)],
        });
        start += sentence.len();
    }
    Report {
        sitrep: "1".into(),
        doc: DocMeta {
            id: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            published: doc.published.map(|d| d.to_string()),
            language: "en".into(),
            text_sha256: sitrep_store::text_sha256(&doc.text),
        },
        entities: vec![],
        places: vec![],
        events,
        quotes: vec![],
        claims: vec![],
        text: None,
    }
}

fn size_of(db: &std::path::Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", db.display())).ok())
        .map(|m| m.len())
        .sum()
}

/// One keep-alive HTTP/1.1 GET; returns the status code.
async fn get(reader: &mut BufReader<tokio::net::TcpStream>, path: &str) -> std::io::Result<u16> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    reader.get_mut().write_all(request.as_bytes()).await?;
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).await?;
    Ok(status)
}

fn path_for(i: usize, docs: usize) -> String {
    let mut rng = Lcg(i as u64 * 7919 + 3);
    match i % 6 {
        0 => "/api/events?limit=100".into(),
        1 => format!("/api/events?country={}&limit=100", COUNTRIES[rng.below(COUNTRIES.len())]),
        2 => {
            let (lon, lat) = (rng.unit() * 300.0 - 150.0, rng.unit() * 100.0 - 50.0);
            format!("/api/events?bbox={lon},{lat},{},{}&limit=100", lon + 20.0, lat + 10.0)
        }
        3 => format!("/api/events?q={}&limit=50", WORDS[rng.below(WORDS.len())]),
        4 => format!("/api/events/{}-e{}", 1 + rng.below(docs), 1 + rng.below(EVENTS_PER_DOC)),
        _ => format!(
            "/api/events?from=2021-0{m}-01&to=2021-0{m}-28&type=Battles&limit=100",
            m = 1 + rng.below(9)
        ),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let events = args.next().transpose()?.unwrap_or(100_000);
    let requests = args.next().transpose()?.unwrap_or(20_000);
    let concurrency = args.next().transpose()?.unwrap_or(100).max(1);
    let docs = events.div_ceil(EVENTS_PER_DOC);

    // SITREP_LOADTEST_DB keeps the database (a rerun then finds it ingested).
    let keep = std::env::var_os("SITREP_LOADTEST_DB").map(std::path::PathBuf::from);
    let dir = std::env::temp_dir().join(format!("sitrep-loadtest-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = keep.clone().unwrap_or_else(|| dir.join("load.db"));
    let mut store = Store::open(&db)?;
    let started = Instant::now();
    let opts = IngestOptions { progress: false, batch_size: 500, ..Default::default() };
    let summary = store.ingest(
        (0..docs).map(|i| Ok::<_, String>(document(i))),
        &code,
        &opts,
        &mut |_, _| {},
    )?;
    let secs = started.elapsed().as_secs_f64();
    store.checkpoint()?;
    let size = size_of(&db);
    println!(
        "ingest: {} documents ({} already stored), {} events in {secs:.1} s = {:.0} documents/s; database {:.1} MB = {:.2} MB per 1,000 documents",
        summary.new,
        summary.unchanged,
        store.event_count()?,
        summary.new as f64 / secs,
        size as f64 / 1e6,
        size as f64 / 1e6 / (docs as f64 / 1000.0)
    );
    drop(store);

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let state = AppState::new(&db, None, &ServeOptions::default())?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let server = tokio::spawn(sitrep_server::serve(listener, state));
        let next = Arc::new(AtomicUsize::new(0));
        let deadline = Instant::now() + Duration::from_secs(60);
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..concurrency {
            let next = next.clone();
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut errors = 0usize;
                let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
                    return (latencies, 1);
                };
                let mut reader = BufReader::new(stream);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests || Instant::now() > deadline {
                        break;
                    }
                    let t = Instant::now();
                    match get(&mut reader, &path_for(i, docs)).await {
                        Ok(200) => latencies.push((i % 6, t.elapsed())),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            break;
                        }
                    }
                }
                (latencies, errors)
            }));
        }
        let mut all = Vec::new();
        let mut errors = 0;
        for task in tasks {
            let (l, e) = task.await?;
            all.extend(l);
            errors += e;
        }
        let wall = started.elapsed().as_secs_f64();
        let mut kinds = String::new();
        for (k, name) in ["newest", "country", "bbox", "text", "one event", "type+dates"].iter().enumerate() {
            let mut l: Vec<Duration> = all.iter().filter(|(kind, _)| *kind == k).map(|(_, d)| *d).collect();
            l.sort();
            if let Some(mid) = l.get(l.len() / 2) {
                kinds.push_str(&format!(" {name} {:.1},", mid.as_secs_f64() * 1000.0));
            }
        }
        let mut all: Vec<Duration> = all.into_iter().map(|(_, d)| d).collect();
        all.sort();
        let pct = |p: f64| {
            all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        println!(
            "api: {} requests ({errors} errors) from {concurrency} connections in {wall:.1} s = {:.0} req/s; latency ms p50 {:.1}, p90 {:.1}, p99 {:.1}, max {:.1}",
            all.len(),
            all.len() as f64 / wall,
            pct(0.50),
            pct(0.90),
            pct(0.99),
            all.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        );
        println!("api: median ms by query:{}", kinds.trim_end_matches(','));
        server.abort();
        Ok::<_, Box<dyn std::error::Error>>(())
    })?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
