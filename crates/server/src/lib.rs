//! The sitrep analyst's workbench: a JSON API and a map page over a store.
//!
//! # Design
//!
//! * **`fn app(state) -> Router`.** The whole HTTP surface is one axum
//!   router built from an [`AppState`], so tests drive it with
//!   `Router::oneshot` and the binary serves it with [`serve`] / [`run`].
//! * **SQLite off the async threads.** Every query runs in
//!   `spawn_blocking` on a read-only connection taken from a small pool (WAL
//!   lets readers run while a writer commits); writes go through one
//!   writer connection behind a mutex.
//! * **Safe by default.** The server binds to loopback unless told
//!   otherwise; writes (`POST /api/documents`) need the bearer token given at
//!   start and are refused when none was given; request bodies are capped
//!   (413); every error is JSON `{"error": "..."}`; every response carries a
//!   strict Content-Security-Policy (no inline script, no third-party
//!   origin except the tile server when `--tiles` is given).
//! * **Offline page.** The page, Leaflet and a world outline map are embedded
//!   in the binary (`include_str!`/`include_bytes!`); nothing is fetched from
//!   a CDN. The page puts document text into the DOM with `textContent`
//!   only.
//!
//! # API
//!
//! | route | what |
//! | --- | --- |
//! | `GET /api/events?from&to&bbox&kind&type&actor&country&source&q&limit&offset` | events, newest first (`{total, limit, offset, items}`) |
//! | `GET /api/events/{id}` | one event with its evidence and document |
//! | `GET /api/days?…` | events per day (same filters, without the date range) |
//! | `GET /api/documents/{id}` | a document with its text and coded spans (report) |
//! | `POST /api/documents` | code and store `{id, text, title, url, source, published, language}` (bearer token) |
//! | `GET /api/quotes?speaker&limit&offset` | quotes |
//! | `GET /api/claims?source&limit&offset` | claims |
//! | `GET /api/export?format=acled-csv\|jsonl\|geojson&…` | an export (event filters apply) |
//! | `GET /api/config` | what the page needs (tile URL, writable) |
#![deny(missing_docs)]

mod api;
mod assets;

pub use api::app;

use sitrep_model::{Document, Report};
use sitrep_store::Store;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The coder the server applies to posted documents.
pub type Coder = Arc<dyn Fn(&Document) -> Report + Send + Sync>;

/// Default request body limit: 2 MiB.
pub const DEFAULT_MAX_BODY: usize = 2 * 1024 * 1024;

/// Errors of the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] sitrep_store::Error),
    /// Binding or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A bad option (tile URL…).
    #[error("{0}")]
    Invalid(String),
}

/// Options of [`run`].
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub addr: SocketAddr,
    /// Bearer token required for writes; writes are refused without one.
    pub token: Option<String>,
    /// Tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`) for a
    /// background map; without it the page shows the embedded outlines.
    pub tiles: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
}

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        ServeOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            tiles: None,
            max_body: DEFAULT_MAX_BODY,
        }
    }
}

/// Shared state of the router: the database, the coder, the options.
pub struct AppState {
    db: PathBuf,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Store>,
    coder: Option<Coder>,
    token: Option<String>,
    tiles: Option<String>,
    max_body: usize,
    csp: String,
    /// Bounds the queries running at once: SQLite work is CPU-bound, so more
    /// queries than cores only add latency to all of them.
    permits: tokio::sync::Semaphore,
    /// When serving on loopback: the `Host` values accepted (defeats DNS
    /// rebinding, where a web page's own host name points at 127.0.0.1).
    hosts: std::sync::OnceLock<Vec<String>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("db", &self.db)
            .field("writable", &self.token.is_some())
            .field("tiles", &self.tiles)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Opens (or creates) the database `db` and prepares the state.
    ///
    /// `coder` codes posted documents; without it, posts are refused.
    ///
    /// # Errors
    ///
    /// [`ServerError::Store`] when the database cannot be opened,
    /// [`ServerError::Invalid`] for a bad tile URL.
    pub fn new(
        db: &Path,
        coder: Option<Coder>,
        opts: &ServeOptions,
    ) -> Result<Arc<AppState>, ServerError> {
        let writer = Store::open_existing(db)?;
        let tile_origin = opts.tiles.as_deref().map(tile_origin).transpose()?;
        Ok(Arc::new(AppState {
            db: db.to_path_buf(),
            readers: Mutex::new(Vec::new()),
            writer: Mutex::new(writer),
            coder,
            token: opts.token.clone().filter(|t| !t.is_empty()),
            tiles: opts.tiles.clone(),
            max_body: opts.max_body,
            csp: content_security_policy(tile_origin.as_deref()),
            permits: tokio::sync::Semaphore::new(query_slots()),
            hosts: std::sync::OnceLock::new(),
        }))
    }

    /// Runs `f` on a pooled read-only connection.
    fn read<T>(
        &self,
        f: impl FnOnce(&Store) -> sitrep_store::Result<T>,
    ) -> sitrep_store::Result<T> {
        let pooled = self.readers.lock().ok().and_then(|mut pool| pool.pop());
        let store = match pooled {
            Some(store) => store,
            None => Store::open_read_only(&self.db)?,
        };
        let out = f(&store);
        if let Ok(mut pool) = self.readers.lock() {
            if pool.len() < 2 * query_slots() {
                pool.push(store);
            }
        }
        out
    }
}

/// Queries allowed to run at once: twice the cores, at least 4.
fn query_slots() -> usize {
    std::thread::available_parallelism().map_or(4, |n| 2 * n.get()).max(4)
}

/// The scheme and host of a tile URL template, for the CSP (`{s}`
/// subdomains become a `*.` wildcard).
///
/// # Errors
///
/// [`ServerError::Invalid`] unless the template is an `http(s)://` URL with
/// a plain host.
pub fn tile_origin(template: &str) -> Result<String, ServerError> {
    let bad = || {
        ServerError::Invalid(format!(
            "bad --tiles URL {template:?}: want https://host/{{z}}/{{x}}/{{y}}.png"
        ))
    };
    let (scheme, rest) = template.split_once("://").ok_or_else(bad)?;
    if scheme != "https" && scheme != "http" {
        return Err(bad());
    }
    let host = rest.split('/').next().unwrap_or("");
    let host = host.replace("{s}.", "*.");
    let ok = !host.is_empty()
        && !host.starts_with('.')
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'))
        && host.matches('*').count() <= usize::from(host.starts_with("*."));
    if ok {
        Ok(format!("{scheme}://{host}"))
    } else {
        Err(bad())
    }
}

/// The Content-Security-Policy of every response.
fn content_security_policy(tile_origin: Option<&str>) -> String {
    let tiles = tile_origin.map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Serves `state` on an already bound listener until the process ends (or
/// Ctrl-C).
///
/// # Errors
///
/// [`ServerError::Io`] when serving fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
) -> Result<(), ServerError> {
    let addr = listener.local_addr()?;
    if addr.ip().is_loopback() {
        let port = addr.port();
        let names =
            ["127.0.0.1".to_string(), "localhost".into(), "[::1]".into(), addr.ip().to_string()];
        let hosts = names.iter().flat_map(|n| [n.clone(), format!("{n}:{port}")]).collect();
        let _ = state.hosts.set(hosts);
    }
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// `sitrep serve`: opens `db`, binds `opts.addr` and serves until Ctrl-C.
/// Blocks; builds its own Tokio runtime. Prints the URL on stderr.
///
/// # Errors
///
/// As [`AppState::new`], or [`ServerError::Io`] when the address cannot be
/// bound.
pub fn run(db: &Path, opts: &ServeOptions, coder: Coder) -> Result<(), ServerError> {
    let state = AppState::new(db, Some(coder), opts)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(opts.addr).await?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!("warning: listening on {addr}, reachable from other machines");
        }
        eprintln!("sitrep: serving {} on http://{addr}/", db.display());
        serve(listener, state).await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_origins() {
        let cases = [
            (
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                Some("https://tile.openstreetmap.org"),
            ),
            ("https://{s}.tile.example.org/{z}/{x}/{y}.png", Some("https://*.tile.example.org")),
            ("http://127.0.0.1:8081/{z}/{x}/{y}.png", Some("http://127.0.0.1:8081")),
            ("javascript:alert(1)", None),
            ("https://evil.org; script-src *", None),
            ("https:///{z}", None),
            ("ftp://tiles.example.org/{z}", None),
            ("https://a*b.org/{z}", None),
        ];
        for (template, want) in cases {
            assert_eq!(tile_origin(template).ok().as_deref(), want, "{template}");
        }
    }

    #[test]
    fn csp_allows_the_tile_host_only_when_given() {
        let plain = content_security_policy(None);
        assert!(plain.contains("img-src 'self' data:;"), "{plain}");
        assert!(!plain.contains("unsafe-inline"));
        let tiles = content_security_policy(Some("https://tile.example.org"));
        assert!(tiles.contains("img-src 'self' data: https://tile.example.org;"), "{tiles}");
    }

    #[test]
    fn state_is_send_sync() {
        fn both<T: Send + Sync>() {}
        both::<AppState>();
        both::<ServerError>();
    }
}
