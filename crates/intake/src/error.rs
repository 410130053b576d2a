//! Intake errors and warnings.
//!
//! An [`IntakeError`] names where it happened (`origin`: a path, `path: line 2`,
//! `path: item 3`) and what went wrong ([`ErrorKind`]). The same type serves for
//! warnings (see [`crate::Item::Warning`]): a warning never stops a document.

use std::fmt;

/// What went wrong while reading one input, line or feed item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or stream could not be read.
    #[error("cannot read: {0}")]
    Io(String),
    /// The input looks binary (NUL bytes or mostly control bytes).
    #[error("binary file (not text)")]
    Binary,
    /// The input exceeds the per-document size limit.
    #[error("too large: {size} bytes (limit {limit} bytes)")]
    TooLarge {
        /// Size in bytes (at least this many when reading a stream).
        size: u64,
        /// The limit in force.
        limit: usize,
    },
    /// The bytes are neither valid UTF-8/UTF-16 nor plausible legacy text.
    #[error("cannot decode text: {0}")]
    Undecodable(String),
    /// A JSON Lines line is not a valid JSON object.
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    /// A JSON Lines record or feed item carries no text.
    #[error("no text: {0}")]
    NoText(String),
    /// A field has the wrong type or an unusable value.
    #[error("invalid field {field}: {message}")]
    InvalidField {
        /// The field's name.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The feed is not well-formed XML or not an RSS/Atom feed.
    #[error("malformed feed: {0}")]
    MalformedFeed(String),
    /// A date could not be parsed (a warning: the document keeps `published = None`).
    #[error("unparsable date {0:?}, published left empty")]
    BadDate(String),
    /// A language code is unknown (a warning: the document keeps `language = None`).
    #[error("unknown language code {0:?}, ignored")]
    BadLanguage(String),
    /// A feed without any item (a warning).
    #[error("feed has no items")]
    EmptyFeed,
}

/// An error (or warning) about one input, line or feed item.
///
/// `Display` prints `"<origin>: <message>"`, e.g.
/// `"news.jsonl: line 2: invalid JSON: expected value at line 1 column 1"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeError {
    /// Where: the path (or name) as given, with `": line N"` or `": item N"` when
    /// the problem concerns one record of a multi-document input.
    pub origin: String,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl IntakeError {
    /// A new error about `origin`.
    pub fn new(origin: impl Into<String>, kind: ErrorKind) -> IntakeError {
        IntakeError { origin: origin.into(), kind }
    }
}

impl fmt::Display for IntakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.kind)
    }
}

impl std::error::Error for IntakeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_origin_then_message() {
        let cases = [
            (
                IntakeError::new("a.jsonl: line 2", ErrorKind::InvalidJson("eof".into())),
                "a.jsonl: line 2: invalid JSON: eof",
            ),
            (IntakeError::new("x.bin", ErrorKind::Binary), "x.bin: binary file (not text)"),
            (
                IntakeError::new("big.txt", ErrorKind::TooLarge { size: 11, limit: 10 }),
                "big.txt: too large: 11 bytes (limit 10 bytes)",
            ),
        ];
        for (err, want) in cases {
            assert_eq!(err.to_string(), want);
        }
    }
}
