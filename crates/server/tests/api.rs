//! The HTTP API through `Router::oneshot`, and once over loopback TCP.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use sitrep_server::{app, AppState, Coder, ServeOptions};
use std::sync::Arc;
use tower::ServiceExt;

struct Fixture {
    _dir: tempfile::TempDir,
    app: Router,
}

fn fixture(opts: ServeOptions) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("api.db");
    let mut store = sitrep_store::Store::open(&db).unwrap();
    common::seed(&mut store);
    drop(store);
    let coder: Coder = Arc::new(common::toy_code);
    let state = AppState::new(&db, Some(coder), &opts).unwrap();
    Fixture { _dir: dir, app: app(state) }
}

fn plain() -> Fixture {
    fixture(ServeOptions::default())
}

fn with_token() -> Fixture {
    fixture(ServeOptions { token: Some("s3cret".into()), max_body: 4096, ..Default::default() })
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

async fn send(app: &Router, req: Request<Body>) -> Answer {
    let response = app.clone().oneshot(req).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer { status, headers, body }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, token: Option<&str>, body: impl Into<Body>) -> Answer {
    let mut req = Request::post("/api/documents").header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    send(app, req.body(body.into()).unwrap()).await
}

fn ids(v: &Value) -> Vec<String> {
    v["items"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn events_list_and_filters() {
    let f = plain();
    let all = get(&f.app, "/api/events").await;
    assert_eq!(all.status, StatusCode::OK);
    let all = all.json();
    assert_eq!(all["total"], 5);
    // Newest first.
    assert_eq!(all["items"][0]["doc_id"], "fr/kyiv-5");
    let cases: &[(&str, usize)] = &[
        ("country=iq", 2),
        ("type=Battles", 1),
        ("type=Air/drone%20strike", 2),
        ("kind=protest", 1),
        ("from=2021-07-08&to=2021-07-10", 2),
        ("bbox=40,30,50,40", 2),
        ("q=green%20zone", 1),
        ("q=erbil", 1),
        ("actor=unidentified", 5),
        ("source=sahel%20desk", 2),
        ("limit=2", 5),
    ];
    for (query, total) in cases {
        let a = get(&f.app, &format!("/api/events?{query}")).await;
        assert_eq!(a.status, StatusCode::OK, "{query}");
        assert_eq!(a.json()["total"], *total, "{query}");
    }
    let page = get(&f.app, "/api/events?limit=2&offset=1").await.json();
    assert_eq!(ids(&page).len(), 2);
    assert_eq!(page["items"][0]["doc_id"], "desk/goma-4");
}

#[tokio::test]
async fn bad_parameters_are_json_400() {
    let f = plain();
    for query in ["bbox=1,2,3", "limit=-1", "limit=ten", "from=yesterday", "bbox=0,-100,1,1"] {
        let a = get(&f.app, &format!("/api/events?{query}")).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(a.json()["error"].is_string(), "{query}");
    }
}

#[tokio::test]
async fn one_event_with_evidence_and_document() {
    let f = plain();
    let list = get(&f.app, "/api/events?q=green").await.json();
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    let a = get(&f.app, &format!("/api/events/{id}")).await;
    assert_eq!(a.status, StatusCode::OK);
    let d = a.json();
    assert_eq!(d["evidence"][0]["text"], "Three rockets hit the Green Zone in Baghdad.");
    assert_eq!(d["event"]["acled"]["sub_event_type"], "Shelling/artillery/missile attack");
    assert_eq!(d["document"]["id"], "wire/baghdad-2");
    assert_eq!(d["lat"], 33.34);
    let missing = get(&f.app, "/api/events/999-e1").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json(), json!({"error": "no such event"}));
}

#[tokio::test]
async fn documents_quotes_claims_days() {
    let f = plain();
    let d = get(&f.app, "/api/documents/wire/erbil-1").await;
    assert_eq!(d.status, StatusCode::OK);
    let d = d.json();
    assert_eq!(d["report"]["quotes"][0]["text"], "We will respond,");
    assert_eq!(d["report"]["events"][0]["evidence"][0], json!({"start": 0, "end": 56}));
    assert_eq!(get(&f.app, "/api/documents/nope").await.status, StatusCode::NOT_FOUND);
    let q = get(&f.app, "/api/quotes?speaker=spokes").await.json();
    assert_eq!(q["total"], 1);
    assert_eq!(q["items"][0]["doc_id"], "wire/erbil-1");
    let c = get(&f.app, "/api/claims?source=arab%20weekly").await.json();
    assert_eq!(c["total"], 1);
    assert_eq!(get(&f.app, "/api/claims").await.json()["total"], 2);
    let days = get(&f.app, "/api/days?country=IQ").await.json();
    assert_eq!(days, json!([{"day": "2021-07-06", "count": 1}, {"day": "2021-07-08", "count": 1}]));
}

#[tokio::test]
async fn exports() {
    let f = plain();
    let csv = get(&f.app, "/api/export?format=acled-csv&country=IQ").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header(header::CONTENT_TYPE).starts_with("text/csv"));
    let text = String::from_utf8(csv.body).unwrap();
    assert!(text.starts_with("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,"));
    assert_eq!(text.lines().count(), 3);
    let geo = get(&f.app, "/api/export?format=geojson").await;
    assert_eq!(geo.header(header::CONTENT_TYPE), "application/geo+json");
    let geo = geo.json();
    assert_eq!(geo["features"].as_array().unwrap().len(), 5);
    let jsonl = get(&f.app, "/api/export?format=jsonl").await;
    assert_eq!(String::from_utf8(jsonl.body).unwrap().lines().count(), 5);
    for bad in ["/api/export", "/api/export?format=xls"] {
        let a = get(&f.app, bad).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(a.json()["error"].is_string());
    }
}

#[tokio::test]
async fn writes_need_the_token() {
    let doc = json!({"id": "post-1", "text": "A rocket hit Erbil, 3 killed.", "title": "t",
                     "url": null, "source": "Poster", "published": "2021-08-01"});
    // No token configured: writes disabled.
    let f = plain();
    let a = post(&f.app, Some("anything"), doc.to_string()).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.json()["error"].as_str().unwrap().contains("--token"));

    let f = with_token();
    for token in [None, Some("wrong"), Some("s3cre"), Some("s3cret2")] {
        let a = post(&f.app, token, doc.to_string()).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert!(a.json()["error"].is_string());
    }
    let a = post(&f.app, Some("s3cret"), doc.to_string()).await;
    assert_eq!(a.status, StatusCode::CREATED);
    assert_eq!(a.json(), json!({"id": "post-1", "outcome": "new", "events": 1}));
    let again = post(&f.app, Some("s3cret"), doc.to_string()).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["outcome"], "unchanged");
    let stored = get(&f.app, "/api/events?source=poster").await.json();
    assert_eq!(stored["total"], 1);
    assert_eq!(stored["items"][0]["fatalities"], 3);
}

#[tokio::test]
async fn bad_and_oversized_bodies() {
    let f = with_token();
    let big = json!({"id": "big", "text": "x".repeat(10_000)}).to_string();
    let a = post(&f.app, Some("s3cret"), big).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json()["error"].as_str().unwrap().contains("larger than 4096"));
    let cases = [
        "not json",
        r#"{"text": "no id"}"#,
        r#"{"id": "", "text": "empty id"}"#,
        r#"{"id": "x", "text": "t", "published": "July"}"#,
        r#"{"id": "x", "text": "t", "language": "klingon"}"#,
        r#"{"id": "x", "text": "t", "extra": 1}"#,
    ];
    for body in cases {
        let a = post(&f.app, Some("s3cret"), body).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(a.json()["error"].is_string(), "{body}");
    }
}

#[tokio::test]
async fn page_assets_and_security_headers() {
    let f = fixture(ServeOptions {
        tiles: Some("https://tile.example.org/{z}/{x}/{y}.png".into()),
        ..Default::default()
    });
    let page = get(&f.app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header(header::CONTENT_TYPE).starts_with("text/html"));
    let csp = page.header(header::CONTENT_SECURITY_POLICY).to_string();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("script-src 'self';"), "{csp}");
    assert!(csp.contains("img-src 'self' data: https://tile.example.org;"), "{csp}");
    assert_eq!(page.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    for (uri, mime) in [
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/vendor/leaflet.js", "text/javascript"),
        ("/vendor/images/marker-icon.png", "image/png"),
        ("/vendor/countries.geojson", "application/geo+json"),
    ] {
        let a = get(&f.app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert!(a.header(header::CONTENT_TYPE).starts_with(mime), "{uri}");
    }
    let config = get(&f.app, "/api/config").await.json();
    assert_eq!(config["tiles"], "https://tile.example.org/{z}/{x}/{y}.png");
    let wrong_method =
        send(&f.app, Request::delete("/api/events").body(Body::empty()).unwrap()).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(wrong_method.json()["error"].is_string());
    let bad_path = get(&f.app, "/api/events/%FF%FE").await;
    assert_eq!(bad_path.status, StatusCode::BAD_REQUEST);
    assert!(bad_path.json()["error"].is_string());
    for missing in ["/vendor/../Cargo.toml", "/vendor/nope.js", "/etc/passwd"] {
        let a = get(&f.app, missing).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{missing}");
        assert!(a.json()["error"].is_string());
        assert!(!a.header(header::CONTENT_SECURITY_POLICY).is_empty());
    }
}

#[test]
fn foreign_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "plain text, not a database\n".repeat(200)).unwrap();
    let err = AppState::new(&path, None, &ServeOptions::default()).unwrap_err();
    assert_eq!(err.to_string(), format!("{} is not a sitrep database", path.display()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_over_loopback_tcp() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tcp.db");
    let mut store = sitrep_store::Store::open(&db).unwrap();
    common::seed(&mut store);
    drop(store);
    let state = AppState::new(&db, None, &ServeOptions::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(sitrep_server::serve(listener, state));
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request =
        format!("GET /api/events?country=ML HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    let body = response.split("\r\n\r\n").nth(1).unwrap();
    let value: Value = serde_json::from_str(body).unwrap();
    assert_eq!(value["total"], 1);
    assert_eq!(value["items"][0]["location"], "Bamako");
    // A foreign host name (DNS rebinding) is refused.
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = "GET /api/events HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n";
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 421"), "{response}");
    assert!(response.contains("loopback host names only"), "{response}");
    server.abort();
}
