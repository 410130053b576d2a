//! Fetching feeds and pages over HTTP(S), with hard limits.
//!
//! `ureq` with `rustls` (no system TLS library). Every call has a total
//! deadline, a connect deadline, a redirect cap and a body size cap, so a
//! slow or hostile server cannot hang or exhaust an ingest.

use std::time::Duration;

/// Limits of [`fetch_url`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchLimits {
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    /// Deadline for the whole exchange (connect, headers, body).
    pub timeout: Duration,
    /// Deadline for the TCP and TLS handshakes.
    pub connect_timeout: Duration,
    /// Redirects followed at most.
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    /// 10 MiB, 30 s in all, 10 s to connect, 5 redirects.
    fn default() -> FetchLimits {
        FetchLimits {
            max_bytes: 10 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_redirects: 5,
        }
    }
}

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// Only `http://` and `https://` URLs are fetched.
    #[error("{0}: only http:// and https:// URLs can be fetched")]
    Scheme(String),
    /// The server answered with an error status.
    #[error("{url}: HTTP status {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// The body is larger than [`FetchLimits::max_bytes`].
    #[error("{url}: body larger than {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The limit.
        limit: u64,
    },
    /// A deadline passed.
    #[error("{url}: timed out ({detail})")]
    Timeout {
        /// The URL.
        url: String,
        /// Which deadline.
        detail: String,
    },
    /// Any other transport error (DNS, TLS, connection refused…).
    #[error("{url}: {detail}")]
    Transport {
        /// The URL.
        url: String,
        /// What went wrong.
        detail: String,
    },
}

/// Fetches `url` and returns the body bytes (undecoded; the caller parses the
/// feed or page).
///
/// # Errors
///
/// A [`FetchError`] for a non-HTTP URL, an error status, a body over the
/// limit, a timeout or a transport failure.
pub fn fetch_url(url: &str, limits: &FetchLimits) -> Result<Vec<u8>, FetchError> {
    let lower = url.trim().to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(FetchError::Scheme(url.to_string()));
    }
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .timeout_connect(Some(limits.connect_timeout))
        .max_redirects(limits.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("sitrep/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent();
    let mut response = agent.get(url.trim()).call().map_err(|e| convert(url, limits, e))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status { url: url.to_string(), status });
    }
    response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| convert(url, limits, e))
}

fn convert(url: &str, limits: &FetchLimits, e: ureq::Error) -> FetchError {
    let url = url.to_string();
    match e {
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { url, limit: limits.max_bytes },
        ureq::Error::Timeout(t) => FetchError::Timeout { url, detail: t.to_string() },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            FetchError::Timeout { url, detail: io.to_string() }
        }
        other => FetchError::Transport { url, detail: other.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// Serves `responses` (raw HTTP) to successive connections on 127.0.0.1.
    fn serve(responses: Vec<Vec<u8>>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for response in responses {
                let Ok((mut stream, _)) = listener.accept() else { return };
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                if response.is_empty() {
                    // Say nothing and hold the connection open.
                    std::thread::sleep(Duration::from_secs(3));
                    continue;
                }
                let _ = stream.write_all(&response);
            }
        });
        format!("http://{addr}")
    }

    fn ok(body: &str, content_type: &str) -> Vec<u8> {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes()
    }

    const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Strike near Erbil</title><link>https://example.org/1</link>
<description>A drone strike hit a base.</description></item></channel></rss>"#;

    #[test]
    fn fetches_a_feed_from_loopback() {
        let base = serve(vec![ok(FEED, "application/rss+xml")]);
        let body = fetch_url(&format!("{base}/feed.xml"), &FetchLimits::default()).unwrap();
        assert_eq!(body, FEED.as_bytes());
    }

    #[test]
    fn follows_a_redirect() {
        let listener_base = serve(vec![ok(FEED, "application/rss+xml")]);
        let redirect = format!(
            "HTTP/1.1 301 Moved\r\nLocation: {listener_base}/feed.xml\r\nContent-Length: 0\r\n\
             Connection: close\r\n\r\n"
        );
        let base = serve(vec![redirect.into_bytes()]);
        let body = fetch_url(&format!("{base}/old"), &FetchLimits::default()).unwrap();
        assert_eq!(body, FEED.as_bytes());
    }

    #[test]
    fn refuses_error_status_large_body_and_other_schemes() {
        let not_found = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        let base = serve(vec![not_found.to_vec(), ok(&"x".repeat(5000), "text/plain")]);
        let limits = FetchLimits { max_bytes: 1000, ..Default::default() };
        let err = fetch_url(&format!("{base}/missing"), &limits).unwrap_err();
        assert!(matches!(err, FetchError::Status { status: 404, .. }), "{err}");
        let err = fetch_url(&format!("{base}/big"), &limits).unwrap_err();
        assert!(matches!(err, FetchError::TooLarge { limit: 1000, .. }), "{err}");
        for url in ["file:///etc/passwd", "ftp://example.org/feed", "feed.xml"] {
            let err = fetch_url(url, &limits).unwrap_err();
            assert!(matches!(err, FetchError::Scheme(_)), "{url}: {err}");
        }
    }

    #[test]
    fn a_silent_server_times_out() {
        let base = serve(vec![Vec::new()]);
        let limits = FetchLimits { timeout: Duration::from_millis(300), ..Default::default() };
        let started = std::time::Instant::now();
        let err = fetch_url(&format!("{base}/slow"), &limits).unwrap_err();
        assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn connection_refused_is_a_transport_error() {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let err =
            fetch_url(&format!("http://127.0.0.1:{port}/"), &FetchLimits::default()).unwrap_err();
        assert!(matches!(err, FetchError::Transport { .. }), "{err}");
    }
}
