//! JSON Lines: one document per line, streamed.
//!
//! Lines are read one at a time with a length bound (`max_bytes`), so neither a
//! million-line file nor one giant line is ever held in memory. A bad line is an
//! error for that line only; bad optional values (`published`, `language`) are
//! warnings and the document still comes through.

use std::collections::VecDeque;
use std::io::{self, BufRead};

use serde_json::{Map, Value};
use sitrep_model::{Document, Lang};

use crate::date::parse_date;
use crate::error::{ErrorKind, IntakeError};
use crate::html::{domain, extract_html};
use crate::Item;

/// Streams the items of a JSON Lines input, in input order.
pub struct JsonlReader<R> {
    name: String,
    reader: R,
    max_bytes: usize,
    line_no: usize,
    buf: Vec<u8>,
    pending: VecDeque<Item>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads JSON Lines from `reader`; `name` is the path (or name) used for
    /// default ids and error origins; a line longer than `max_bytes` is an error.
    pub fn new(name: impl Into<String>, reader: R, max_bytes: usize) -> JsonlReader<R> {
        JsonlReader {
            name: name.into(),
            reader,
            max_bytes,
            line_no: 0,
            buf: Vec::new(),
            pending: VecDeque::new(),
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            let read = read_line_bounded(&mut self.reader, &mut self.buf, self.max_bytes);
            self.line_no += 1;
            let origin = || format!("{}: line {}", self.name, self.line_no);
            match read {
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(size)) => {
                    let kind = ErrorKind::TooLarge { size, limit: self.max_bytes };
                    return Some(Item::Error(IntakeError::new(origin(), kind)));
                }
                Ok(Line::Complete) => {
                    let items = parse_line(&self.name, self.line_no, &self.buf);
                    self.pending.extend(items);
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Error(IntakeError::new(
                        origin(),
                        ErrorKind::Io(e.to_string()),
                    )));
                }
            }
        }
    }
}

/// What [`read_line_bounded`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// End of input, nothing read.
    Eof,
    /// A line (without its `\n`) is in the buffer.
    Complete,
    /// The line exceeded the bound; it was skipped. Holds its length.
    TooLong(u64),
}

/// Reads one line into `buf` (without the newline), never buffering more than `max` bytes.
fn read_line_bounded<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    let mut any = false;
    loop {
        let (used, found) = {
            let avail = match reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok(match (any, too_long) {
                    (false, _) => Line::Eof,
                    (true, true) => Line::TooLong(total),
                    (true, false) => Line::Complete,
                });
            }
            any = true;
            let (chunk, found) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (&avail[..i], true),
                None => (avail, false),
            };
            total += chunk.len() as u64;
            if !too_long {
                if buf.len() + chunk.len() > max {
                    too_long = true;
                    buf.clear();
                } else {
                    buf.extend_from_slice(chunk);
                }
            }
            (chunk.len() + usize::from(found), found)
        };
        reader.consume(used);
        if found {
            return Ok(if too_long { Line::TooLong(total) } else { Line::Complete });
        }
    }
}

/// Parses one line (1-based `line_no`) into zero (blank line) or more items.
pub(crate) fn parse_line(name: &str, line_no: usize, raw: &[u8]) -> Vec<Item> {
    let origin = || format!("{name}: line {line_no}");
    let err = |kind| vec![Item::Error(IntakeError::new(origin(), kind))];
    let mut raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if line_no == 1 {
        raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    }
    let Ok(line) = std::str::from_utf8(raw) else {
        return err(ErrorKind::Undecodable("line is not valid UTF-8".into()));
    };
    if line.trim().is_empty() {
        return vec![];
    }
    match serde_json::from_str::<Value>(line) {
        Ok(value) => value_items(&origin(), &format!("{name}:{line_no}"), value),
        Err(e) => err(ErrorKind::InvalidJson(e.to_string())),
    }
}

/// Items of one JSON record: its document and warnings, or one error.
/// `default_id` serves when the record has no `id`.
fn value_items(origin: &str, default_id: &str, value: Value) -> Vec<Item> {
    let err = |kind| vec![Item::Error(IntakeError::new(origin, kind))];
    let Value::Object(obj) = value else {
        return err(ErrorKind::InvalidJson("expected a JSON object".into()));
    };
    match record(default_id, &obj) {
        Ok((doc, warnings)) => {
            let mut items = vec![Item::Doc(doc)];
            items.extend(warnings.into_iter().map(|k| Item::Warning(IntakeError::new(origin, k))));
            items
        }
        Err(kind) => err(kind),
    }
}

/// True when `bytes` hold one JSON document rather than JSON Lines: an array,
/// or an object spread over several lines.
pub(crate) fn is_whole_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    match bytes.get(start) {
        Some(b'[') => true,
        Some(b'{') => {
            let first_line = bytes[start..].split(|&b| b == b'\n').next().unwrap_or(&[]);
            serde_json::from_slice::<serde::de::IgnoredAny>(first_line).is_err()
                && serde_json::from_slice::<serde::de::IgnoredAny>(&bytes[start..]).is_ok()
        }
        _ => false,
    }
}

/// True when a stream starting with `prefix` must be read whole rather than
/// line by line: it opens with `[`, or its first complete line is not JSON.
pub(crate) fn prefix_wants_whole(prefix: &[u8]) -> bool {
    let bytes = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let rest = &bytes[start..];
    match rest.first() {
        Some(b'[') => true,
        Some(b'{') => match rest.iter().position(|&b| b == b'\n') {
            Some(end) => serde_json::from_slice::<serde::de::IgnoredAny>(&rest[..end]).is_err(),
            None => false,
        },
        _ => false,
    }
}

/// Items of a whole JSON document: an array of records (`"<name>: record N"`,
/// default id `"<name>:N"`) or a single record.
pub(crate) fn parse_whole(name: &str, bytes: &[u8]) -> Vec<Item> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Array(records)) => records
            .into_iter()
            .enumerate()
            .flat_map(|(i, v)| {
                value_items(&format!("{name}: record {}", i + 1), &format!("{name}:{}", i + 1), v)
            })
            .collect(),
        Ok(v) => value_items(name, name, v),
        Err(e) => vec![Item::Error(IntakeError::new(name, ErrorKind::InvalidJson(e.to_string())))],
    }
}

/// Builds the document of one JSON object; returns it with its warnings.
fn record(
    default_id: &str,
    obj: &Map<String, Value>,
) -> Result<(Document, Vec<ErrorKind>), ErrorKind> {
    let mut warnings = Vec::new();
    let id = match obj.get("id") {
        None | Some(Value::Null) => default_id.to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(invalid("id", "expected a string or a number")),
    };
    let mut doc = Document { id, ..Document::default() };
    let mut field = |key: &str| -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                warnings.push(invalid(key, "expected a string, ignored"));
                None
            }
        }
    };
    let text = field("text");
    let html = field("html");
    doc.title = field("title");
    doc.url = field("url");
    doc.source = field("source");
    let published = field("published").or_else(|| field("date"));
    let language = field("language").or_else(|| field("lang"));
    let text = text.filter(|t| html.is_none() || !t.trim().is_empty());
    match (text, html) {
        (Some(t), _) => doc.text = t,
        (None, Some(h)) => {
            let a = extract_html(&h);
            doc.text = a.text;
            if doc.text.trim().is_empty() {
                if let Some(d) = a.description {
                    doc.text = d;
                    warnings.push(ErrorKind::NoText(
                        "no article text in \"html\"; its description is used".into(),
                    ));
                }
            }
            doc.title = doc.title.or(a.title);
            doc.url = doc.url.or(a.url);
            doc.source = doc.source.or(a.source);
            doc.published = a.published;
            doc.language = a.lang;
        }
        (None, None) => {
            return Err(ErrorKind::NoText("no \"text\" or \"html\" string field".into()))
        }
    }
    if let Some(p) = published.filter(|p| !p.trim().is_empty()) {
        match parse_date(&p) {
            Some(d) => doc.published = Some(d),
            None => warnings.push(ErrorKind::BadDate(p)),
        }
    }
    if let Some(l) = language.filter(|l| !l.trim().is_empty()) {
        match parse_lang(&l) {
            Some(lang) => doc.language = Some(lang),
            None => warnings.push(ErrorKind::BadLanguage(l)),
        }
    }
    if doc.source.is_none() {
        doc.source = doc.url.as_deref().and_then(domain);
    }
    Ok((doc, warnings))
}

/// A language code (ISO 639-1 or 639-2) or English/French/native name.
fn parse_lang(value: &str) -> Option<Lang> {
    const NAMES: &[(&str, Lang)] = &[
        ("fra", Lang::Fr),
        ("fre", Lang::Fr),
        ("french", Lang::Fr),
        ("français", Lang::Fr),
        ("francais", Lang::Fr),
        ("eng", Lang::En),
        ("english", Lang::En),
        ("anglais", Lang::En),
        ("ara", Lang::Ar),
        ("arabic", Lang::Ar),
        ("arabe", Lang::Ar),
        ("spa", Lang::Es),
        ("spanish", Lang::Es),
        ("espagnol", Lang::Es),
        ("español", Lang::Es),
        ("deu", Lang::De),
        ("ger", Lang::De),
        ("german", Lang::De),
        ("allemand", Lang::De),
        ("deutsch", Lang::De),
        ("rus", Lang::Ru),
        ("russian", Lang::Ru),
        ("russe", Lang::Ru),
        ("ukr", Lang::Uk),
        ("ukrainian", Lang::Uk),
        ("ukrainien", Lang::Uk),
    ];
    Lang::from_code(value).or_else(|| {
        let v = value.trim().to_lowercase();
        NAMES.iter().find(|(n, _)| *n == v).map(|&(_, l)| l)
    })
}

fn invalid(field: &str, message: &str) -> ErrorKind {
    ErrorKind::InvalidField { field: field.into(), message: message.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::io::Cursor;

    fn items(input: &str, max: usize) -> Vec<Item> {
        JsonlReader::new("in.jsonl", Cursor::new(input.as_bytes().to_vec()), max).collect()
    }

    #[test]
    fn broken_line_two_only_fails_itself() {
        let input = "{\"id\":\"a\",\"text\":\"Un.\"}\n{\"id\": \"b\", \"text\": oops}\n{\"id\":3,\"text\":\"Trois.\"}\n";
        let got = items(input, 1000);
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[0], Item::Doc(d) if d.id == "a" && d.text == "Un."));
        match &got[1] {
            Item::Error(e) => {
                assert_eq!(e.origin, "in.jsonl: line 2");
                assert!(e.to_string().starts_with("in.jsonl: line 2: invalid JSON: "), "{e}");
            }
            other => panic!("expected an error, got {other:?}"),
        }
        assert!(matches!(&got[2], Item::Doc(d) if d.id == "3" && d.text == "Trois."));
    }

    #[test]
    fn fields_defaults_and_warnings() {
        let input = concat!(
            "\u{feff}{\"text\":\"  keep  spaces \",\"published\":\"2024-05-01T10:00:00Z\",\"language\":\"fr-FR\",\"url\":\"https://www.ex.org/a\"}\r\n",
            "\n",
            "   \n",
            "{\"id\":\"x\",\"text\":\"t\",\"date\":\"last tuesday\",\"lang\":\"klingon\",\"title\":5}\n",
            "{\"id\":\"h\",\"html\":\"<html><head><title>T</title></head><body><p>Corps.</p><script>x</script></body></html>\",\"source\":\"S\"}\n",
            "{\"id\":\"n\"}\n",
            "[1,2]",
        );
        let got = items(input, 1000);
        let Item::Doc(d) = &got[0] else { panic!("{:?}", got[0]) };
        assert_eq!(d.id, "in.jsonl:1");
        assert_eq!(d.text, "  keep  spaces ");
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2024, 5, 1));
        assert_eq!(d.language, Some(Lang::Fr));
        assert_eq!(d.source.as_deref(), Some("ex.org"));
        let Item::Doc(d) = &got[1] else { panic!("{:?}", got[1]) };
        assert_eq!(
            (d.id.as_str(), d.published, d.language, d.title.as_deref()),
            ("x", None, None, None)
        );
        let warnings: Vec<String> = got[2..5]
            .iter()
            .map(|i| match i {
                Item::Warning(w) => w.to_string(),
                other => panic!("expected a warning, got {other:?}"),
            })
            .collect();
        assert!(warnings[0].starts_with("in.jsonl: line 4: invalid field title"), "{warnings:?}");
        assert_eq!(
            warnings[1],
            "in.jsonl: line 4: unparsable date \"last tuesday\", published left empty"
        );
        assert!(warnings[2].contains("klingon"));
        let Item::Doc(d) = &got[5] else { panic!("{:?}", got[5]) };
        assert_eq!(
            (d.text.as_str(), d.title.as_deref(), d.source.as_deref()),
            ("Corps.", Some("T"), Some("S"))
        );
        assert!(
            matches!(&got[6], Item::Error(e) if e.origin == "in.jsonl: line 6" && matches!(e.kind, ErrorKind::NoText(_)))
        );
        assert!(matches!(&got[7], Item::Error(e) if e.origin == "in.jsonl: line 7"));
        assert_eq!(got.len(), 8);
    }

    #[test]
    fn whole_json_documents() {
        let array =
            b"[\n {\"id\": \"a\", \"text\": \"A\"},\n {\"text\": 1},\n {\"text\": \"C\"}\n]";
        assert!(is_whole_json(array));
        let got = parse_whole("in.json", array);
        assert!(matches!(&got[0], Item::Doc(d) if d.id == "a"));
        assert!(matches!(&got[1], Item::Error(e) if e.origin == "in.json: record 2"));
        assert!(matches!(&got[2], Item::Doc(d) if d.id == "in.json:3" && d.text == "C"));
        assert_eq!(got.len(), 3);
        let pretty = b"{\n  \"title\": \"T\",\n  \"text\": \"Corps\"\n}\n";
        assert!(is_whole_json(pretty));
        assert!(
            matches!(&parse_whole("p.json", pretty)[..], [Item::Doc(d)] if d.id == "p.json" && d.text == "Corps")
        );
        assert!(!is_whole_json(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n"));
        assert!(!is_whole_json(b"{\"text\":\n"));
    }

    #[test]
    fn long_line_is_skipped_not_buffered() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "x".repeat(500));
        let input =
            format!("{{\"id\":\"a\",\"text\":\"a\"}}\n{long}\n{{\"id\":\"c\",\"text\":\"c\"}}");
        let got = items(&input, 100);
        assert!(matches!(&got[0], Item::Doc(d) if d.id == "a"));
        assert!(
            matches!(&got[1], Item::Error(e) if e.origin == "in.jsonl: line 2" && matches!(e.kind, ErrorKind::TooLarge { .. }))
        );
        assert!(matches!(&got[2], Item::Doc(d) if d.id == "c"));
    }

    #[test]
    fn languages_and_empty_text_with_html() {
        let cases = [
            ("fr", Some(Lang::Fr)),
            ("EN-us", Some(Lang::En)),
            ("French", Some(Lang::Fr)),
            ("fra", Some(Lang::Fr)),
            ("xx", None),
        ];
        for (v, want) in cases {
            assert_eq!(parse_lang(v), want, "{v}");
        }
        let got = items("{\"id\":\"e\",\"text\":\"\",\"html\":\"<p>Du HTML.</p>\"}\n{\"id\":\"f\",\"text\":\"\"}", 1000);
        assert!(matches!(&got[0], Item::Doc(d) if d.text == "Du HTML."));
        assert!(matches!(&got[1], Item::Doc(d) if d.text.is_empty()));
    }

    #[test]
    fn bounded_reader_handles_small_buffers() {
        let data = b"abc\ndefgh\n\nij";
        let mut r = io::BufReader::with_capacity(2, &data[..]);
        let mut buf = Vec::new();
        let mut lines = vec![];
        loop {
            match read_line_bounded(&mut r, &mut buf, 4).unwrap() {
                Line::Eof => break,
                Line::Complete => lines.push(String::from_utf8(buf.clone()).unwrap()),
                Line::TooLong(n) => lines.push(format!("<{n}>")),
            }
        }
        assert_eq!(lines, ["abc", "<5>", "", "ij"]);
    }
}
