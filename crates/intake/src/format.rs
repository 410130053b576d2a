//! Input formats: chosen by extension, or sniffed from the first bytes.

use std::path::Path;

/// The container format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: the content (minus a leading BOM) is the document text.
    Text,
    /// An HTML page: the article body is extracted.
    Html,
    /// JSON Lines: one document per line.
    Jsonl,
    /// An RSS (0.9x/1.0/2.0) or Atom feed: one document per item.
    Feed,
}

impl Format {
    /// The format a file extension stands for (case-insensitive); `None` when
    /// the extension says nothing (then the content is sniffed).
    ///
    /// `.xml` is sniffed too, as feeds and XHTML pages share it.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "rss" | "atom" => Some(Format::Feed),
            _ => None,
        }
    }

    /// The format an HTTP `Content-Type` stands for (parameters such as
    /// `; charset=` ignored); `None` for generic types (then the content is sniffed).
    pub fn from_mime(content_type: &str) -> Option<Format> {
        let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        match mime.as_str() {
            "text/plain" => Some(Format::Text),
            "text/html" | "application/xhtml+xml" => Some(Format::Html),
            "application/x-ndjson"
            | "application/jsonl"
            | "application/x-jsonlines"
            | "application/json" => Some(Format::Jsonl),
            "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/xml"
            | "text/xml" => Some(Format::Feed),
            _ => None,
        }
    }

    /// True when a directory walk should read a file with this path: a known
    /// extension other than `.json`, `.xml`, or none at all (other files, such as
    /// `.json` gold readings or images, are skipped in walks but read when named).
    pub fn walk_wants(path: &Path) -> bool {
        match path.extension().and_then(|e| e.to_str()) {
            None => true,
            Some(e) if e.eq_ignore_ascii_case("json") => false,
            Some(e) => Format::from_extension(path).is_some() || e.eq_ignore_ascii_case("xml"),
        }
    }

    /// Guesses the format from the first bytes of a document (BOM already removed,
    /// ASCII-compatible encoding).
    pub fn sniff(head: &[u8]) -> Format {
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        let head = &head[start..head.len().min(start + 4096)];
        let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
        match lower.first() {
            Some(b'{') => Format::Jsonl,
            Some(b'[') if lower[1..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') => {
                Format::Jsonl
            }
            Some(b'<') => {
                let feed = first_of(&lower, &[b"<rss", b"<feed", b"<rdf:rdf"]);
                let html = first_of(
                    &lower,
                    &[
                        b"<!doctype html",
                        b"<html",
                        b"<head",
                        b"<body",
                        b"<p>",
                        b"<p ",
                        b"<div",
                        b"<article",
                    ],
                );
                match (feed, html) {
                    (Some(f), Some(h)) if f < h => Format::Feed,
                    (Some(_), None) => Format::Feed,
                    (_, Some(_)) => Format::Html,
                    (None, None) if lower.starts_with(b"<?xml") => Format::Feed,
                    (None, None) => Format::Text,
                }
            }
            _ => Format::Text,
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// Parses a format name as a command line gives it: `text`/`txt`, `html`,
    /// `jsonl`/`ndjson`, `feed`/`rss`/`atom` (case-insensitive).
    fn from_str(s: &str) -> Result<Format, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "jsonl" | "ndjson" | "json-lines" => Ok(Format::Jsonl),
            "feed" | "rss" | "atom" => Ok(Format::Feed),
            other => {
                Err(format!("unknown input format {other:?} (expected text, html, jsonl or feed)"))
            }
        }
    }
}

/// The smallest position at which one of `needles` occurs.
fn first_of(hay: &[u8], needles: &[&[u8]]) -> Option<usize> {
    needles.iter().filter_map(|n| crate::decode::find(hay, n)).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_table() {
        let cases: [(&str, Format); 11] = [
            ("[\n  {\"text\": \"x\"}]", Format::Jsonl),
            ("[1] est une note", Format::Text),
            ("Le cessez-le-feu a été rompu.", Format::Text),
            ("  {\"id\": 1, \"text\": \"x\"}\n", Format::Jsonl),
            ("<!DOCTYPE html><html><body><p>x</p></body></html>", Format::Html),
            ("<p>Un paragraphe.</p>", Format::Html),
            ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>", Format::Feed),
            ("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", Format::Feed),
            ("<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>", Format::Html),
            ("<rdf:RDF><item></item></rdf:RDF>", Format::Feed),
            ("", Format::Text),
        ];
        for (text, want) in cases {
            assert_eq!(Format::sniff(text.as_bytes()), want, "{text:?}");
        }
    }

    #[test]
    fn mime_types() {
        let cases = [
            ("text/html; charset=ISO-8859-1", Some(Format::Html)),
            ("application/rss+xml", Some(Format::Feed)),
            ("Application/Atom+XML", Some(Format::Feed)),
            ("application/x-ndjson", Some(Format::Jsonl)),
            ("text/plain;charset=utf-8", Some(Format::Text)),
            ("application/octet-stream", None),
        ];
        for (mime, want) in cases {
            assert_eq!(Format::from_mime(mime), want, "{mime}");
        }
    }

    #[test]
    fn names() {
        for (name, want) in [
            ("TXT", Ok(Format::Text)),
            ("html", Ok(Format::Html)),
            ("ndjson", Ok(Format::Jsonl)),
            ("atom", Ok(Format::Feed)),
        ] {
            assert_eq!(name.parse::<Format>(), want);
        }
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn extensions() {
        let cases = [
            ("a/b.TXT", Some(Format::Text), true),
            ("b.htm", Some(Format::Html), true),
            ("c.ndjson", Some(Format::Jsonl), true),
            ("d.atom", Some(Format::Feed), true),
            ("e.xml", None, true),
            ("f", None, true),
            ("g.gold.json", Some(Format::Jsonl), false),
            ("h.png", None, false),
        ];
        for (p, fmt, walk) in cases {
            assert_eq!(Format::from_extension(Path::new(p)), fmt, "{p}");
            assert_eq!(Format::walk_wants(Path::new(p)), walk, "{p}");
        }
    }
}
