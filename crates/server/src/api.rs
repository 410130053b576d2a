//! Routes, handlers and the JSON error type.

use crate::{assets, AppState};
use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use sitrep_model::{Document, Lang};
use sitrep_store::{export, parse_bbox, EventFilter, ExportFormat, PutOutcome};
use std::collections::HashMap;
use std::sync::Arc;

/// The router of the whole server.
pub fn app(state: Arc<AppState>) -> Router {
    let max_body = state.max_body;
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::app_js))
        .route("/app.css", get(assets::app_css))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/vendor/{*file}", get(assets::vendor))
        .route("/api/config", get(config))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/days", get(days))
        .route("/api/documents", axum::routing::post(post_document))
        .route("/api/documents/{*id}", get(document))
        .route("/api/quotes", get(quotes))
        .route("/api/claims", get(claims))
        .route("/api/export", get(export_handler))
        .fallback(|| async { AppError::new(StatusCode::NOT_FOUND, "no such route") })
        .method_not_allowed_fallback(|| async {
            AppError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed on this route")
        })
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn_with_state(state.clone(), security_headers))
        .with_state(state)
}

/// Adds the CSP and companion headers to every response.
async fn security_headers(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let host_ok = match (state.hosts.get(), req.headers().get(header::HOST)) {
        (Some(allowed), Some(host)) => {
            host.to_str().is_ok_and(|h| allowed.iter().any(|a| a.eq_ignore_ascii_case(h)))
        }
        _ => true,
    };
    let mut response = if host_ok {
        next.run(req).await
    } else {
        AppError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "this server answers to loopback host names only",
        )
        .into_response()
    };
    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&state.csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// An error answered as `{"error": "..."}`.
#[derive(Debug)]
pub(crate) struct AppError {
    status: StatusCode,
    message: String,
}

impl AppError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> AppError {
        AppError { status, message: message.into() }
    }
    fn bad_request(message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::BAD_REQUEST, message)
    }
    fn not_found(what: &str) -> AppError {
        AppError::new(StatusCode::NOT_FOUND, format!("no such {what}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        (self.status, Json(serde_json::json!({ "error": self.message }))).into_response()
    }
}

impl From<sitrep_store::Error> for AppError {
    fn from(e: sitrep_store::Error) -> AppError {
        match e {
            sitrep_store::Error::Invalid(m) => AppError::bad_request(m),
            other => AppError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

impl From<QueryRejection> for AppError {
    fn from(e: QueryRejection) -> AppError {
        AppError::bad_request(e.body_text())
    }
}

type ApiResult<T> = Result<T, AppError>;
type Params = HashMap<String, String>;

/// Runs a store read on the blocking pool.
async fn read<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&sitrep_store::Store) -> sitrep_store::Result<T> + Send + 'static,
) -> ApiResult<T> {
    let _permit = state
        .permits
        .acquire()
        .await
        .map_err(|e| AppError::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string()))?;
    let state = state.clone();
    tokio::task::spawn_blocking(move || state.read(f))
        .await
        .map_err(|e| AppError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
        .map_err(AppError::from)
}

fn number(params: &Params, key: &str) -> ApiResult<usize> {
    match params.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(0),
        Some(v) => v.parse().map_err(|_| {
            AppError::bad_request(format!("{key} must be a non-negative integer, not {v:?}"))
        }),
    }
}

fn text(params: &Params, key: &str) -> Option<String> {
    params.get(key).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn date(params: &Params, key: &str) -> ApiResult<Option<String>> {
    match text(params, key) {
        None => Ok(None),
        Some(d) if chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").is_ok() => Ok(Some(d)),
        Some(d) => Err(AppError::bad_request(format!("{key} must be YYYY-MM-DD, not {d:?}"))),
    }
}

fn filter(params: &Params) -> ApiResult<EventFilter> {
    Ok(EventFilter {
        from: date(params, "from")?,
        to: date(params, "to")?,
        bbox: text(params, "bbox").map(|b| parse_bbox(&b)).transpose()?,
        kind: text(params, "kind"),
        event_type: text(params, "type").or_else(|| text(params, "event_type")),
        actor: text(params, "actor"),
        country: text(params, "country"),
        source: text(params, "source"),
        q: text(params, "q"),
        limit: number(params, "limit")?,
        offset: number(params, "offset")?,
    })
}

async fn config(State(state): State<Arc<AppState>>) -> Json<serde_json::Value> {
    Json(serde_json::json!({
        "tiles": state.tiles,
        "writable": state.token.is_some() && state.coder.is_some(),
    }))
}

async fn events(
    State(state): State<Arc<AppState>>,
    params: Result<Query<Params>, QueryRejection>,
) -> ApiResult<Response> {
    let f = filter(&params?.0)?;
    let page = read(&state, move |s| s.events(&f)).await?;
    Ok(Json(page).into_response())
}

async fn days(
    State(state): State<Arc<AppState>>,
    params: Result<Query<Params>, QueryRejection>,
) -> ApiResult<Response> {
    let f = filter(&params?.0)?;
    let days = read(&state, move |s| s.day_counts(&f)).await?;
    Ok(Json(days).into_response())
}

async fn event(
    State(state): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
) -> ApiResult<Response> {
    let Path(id) = id.map_err(|e| AppError::bad_request(e.body_text()))?;
    let found = read(&state, move |s| s.event(&id)).await?;
    found.map(|d| Json(d).into_response()).ok_or_else(|| AppError::not_found("event"))
}

async fn document(
    State(state): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
) -> ApiResult<Response> {
    let Path(id) = id.map_err(|e| AppError::bad_request(e.body_text()))?;
    let found = read(&state, move |s| s.document(&id)).await?;
    found.map(|d| Json(d).into_response()).ok_or_else(|| AppError::not_found("document"))
}

async fn quotes(
    State(state): State<Arc<AppState>>,
    params: Result<Query<Params>, QueryRejection>,
) -> ApiResult<Response> {
    let p = params?.0;
    let (speaker, limit, offset) =
        (text(&p, "speaker"), number(&p, "limit")?, number(&p, "offset")?);
    let page = read(&state, move |s| s.quotes(speaker.as_deref(), limit, offset)).await?;
    Ok(Json(page).into_response())
}

async fn claims(
    State(state): State<Arc<AppState>>,
    params: Result<Query<Params>, QueryRejection>,
) -> ApiResult<Response> {
    let p = params?.0;
    let (source, limit, offset) = (text(&p, "source"), number(&p, "limit")?, number(&p, "offset")?);
    let page = read(&state, move |s| s.claims(source.as_deref(), limit, offset)).await?;
    Ok(Json(page).into_response())
}

async fn export_handler(
    State(state): State<Arc<AppState>>,
    params: Result<Query<Params>, QueryRejection>,
) -> ApiResult<Response> {
    let p = params?.0;
    let format: ExportFormat = text(&p, "format")
        .ok_or_else(|| AppError::bad_request("format is required: acled-csv, jsonl or geojson"))?
        .parse()?;
    let f = filter(&p)?;
    let body = read(&state, move |s| {
        let mut out = Vec::new();
        export(s, format, &f, &mut out)?;
        Ok(out)
    })
    .await?;
    let disposition = format!("attachment; filename=\"sitrep-events.{}\"", format.extension());
    Ok((
        [
            (header::CONTENT_TYPE, format.mime().to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from(body),
    )
        .into_response())
}

/// A posted document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostedDocument {
    id: String,
    text: String,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

impl PostedDocument {
    fn into_document(self) -> ApiResult<Document> {
        if self.id.trim().is_empty() {
            return Err(AppError::bad_request("id must not be empty"));
        }
        let published = match self.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(p) => Some(chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").map_err(|_| {
                AppError::bad_request(format!("published must be YYYY-MM-DD, not {p:?}"))
            })?),
        };
        let language = match self.language.as_deref() {
            None => None,
            Some(code) => Some(
                Lang::from_code(code)
                    .ok_or_else(|| AppError::bad_request(format!("unknown language {code:?}")))?,
            ),
        };
        let text = self.text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(self.text);
        Ok(Document {
            id: self.id,
            source: self.source,
            url: self.url,
            title: self.title,
            published,
            language,
            text,
        })
    }
}

/// Constant-time comparison (the token must not leak through timing).
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn check_token(state: &AppState, headers: &HeaderMap) -> ApiResult<()> {
    let Some(token) = &state.token else {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start the server with --token",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(g) if same_secret(g.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(AppError::new(StatusCode::UNAUTHORIZED, "missing or wrong bearer token")),
    }
}

async fn post_document(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    check_token(&state, &headers)?;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body larger than {} bytes", state.max_body),
            )
        } else {
            AppError::new(e.status(), e.body_text())
        }
    })?;
    let posted: PostedDocument = serde_json::from_slice(&body)
        .map_err(|e| AppError::bad_request(format!("bad document JSON: {e}")))?;
    let doc = posted.into_document()?;
    let Some(coder) = state.coder.clone() else {
        return Err(AppError::new(StatusCode::FORBIDDEN, "this server has no coder"));
    };
    let st = state.clone();
    let (outcome, report) = tokio::task::spawn_blocking(move || {
        let report = coder(&doc);
        let mut writer = st
            .writer
            .lock()
            .map_err(|_| sitrep_store::Error::Invalid("writer lock poisoned".into()))?;
        let outcome = writer.put(&doc, &report)?;
        Ok::<_, sitrep_store::Error>((outcome, report))
    })
    .await
    .map_err(|e| AppError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??;
    let (status, word) = match outcome {
        PutOutcome::New => (StatusCode::CREATED, "new"),
        PutOutcome::Updated => (StatusCode::OK, "updated"),
        PutOutcome::Unchanged => (StatusCode::OK, "unchanged"),
    };
    let body =
        serde_json::json!({ "id": report.doc.id, "outcome": word, "events": report.events.len() });
    Ok((status, Json(body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
        assert!(!same_secret(b"", b"a"));
    }
}
