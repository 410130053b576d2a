//! The page and its vendored assets, embedded in the binary.

use crate::api::AppError;
use axum::extract::Path;
use axum::http::header;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

const INDEX: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const APP_CSS: &str = include_str!("../web/app.css");

/// Vendored third-party files: path under `/vendor/`, MIME type, bytes.
const VENDOR: &[(&str, &str, &[u8])] = &[
    ("leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../web/vendor/leaflet.js")),
    ("leaflet.css", "text/css; charset=utf-8", include_bytes!("../web/vendor/leaflet.css")),
    (
        "countries.geojson",
        "application/geo+json",
        include_bytes!("../web/vendor/countries.geojson"),
    ),
    ("images/layers.png", "image/png", include_bytes!("../web/vendor/images/layers.png")),
    ("images/layers-2x.png", "image/png", include_bytes!("../web/vendor/images/layers-2x.png")),
    ("images/marker-icon.png", "image/png", include_bytes!("../web/vendor/images/marker-icon.png")),
    (
        "images/marker-icon-2x.png",
        "image/png",
        include_bytes!("../web/vendor/images/marker-icon-2x.png"),
    ),
    (
        "images/marker-shadow.png",
        "image/png",
        include_bytes!("../web/vendor/images/marker-shadow.png"),
    ),
];

fn asset(mime: &'static str, body: &'static [u8]) -> Response {
    ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

pub(crate) async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX.as_bytes())
}

pub(crate) async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS.as_bytes())
}

pub(crate) async fn app_css() -> Response {
    asset("text/css; charset=utf-8", APP_CSS.as_bytes())
}

pub(crate) async fn vendor(Path(file): Path<String>) -> Response {
    match VENDOR.iter().find(|(name, _, _)| *name == file) {
        Some((_, mime, body)) => asset(mime, body),
        None => AppError::new(StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_has_no_inline_script_or_remote_asset() {
        assert!(!INDEX.contains("<script>"), "inline script would break the CSP");
        let handler = INDEX.split(" on").skip(1).any(|rest| {
            let name: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            !name.is_empty() && rest[name.len()..].starts_with('=')
        });
        assert!(!handler, "no inline event handlers");
        for page in [INDEX, APP_JS, APP_CSS] {
            assert!(!page.contains("http://") && !page.contains("https://"), "no remote asset");
        }
        assert!(!APP_JS.contains("innerHTML"), "text goes into the DOM with textContent");
    }

    #[test]
    fn basemap_is_small_geojson() {
        let (_, _, body) = VENDOR.iter().find(|(n, _, _)| *n == "countries.geojson").unwrap();
        assert!(body.len() < 2 * 1024 * 1024);
        let value: serde_json::Value = serde_json::from_slice(body).unwrap();
        assert_eq!(value["type"], "FeatureCollection");
        assert!(value["features"].as_array().unwrap().len() > 150);
    }
}
