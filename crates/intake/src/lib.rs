//! Document intake for sitrep: paths, directories, standard input and in-memory
//! bytes become [`Document`]s.
//!
//! # Formats
//!
//! * **Plain text** (`.txt`, or sniffed): the text is the content after removing
//!   a leading BOM *and nothing else* — every offset in sitrep's output points
//!   into it, so it is never trimmed or normalised.
//! * **HTML** (`.html`, `.htm`, or sniffed): the article body and metadata are
//!   extracted by [`extract_html`] (see the `html` module for the rules).
//! * **JSON Lines** (`.jsonl`, `.ndjson`, or sniffed): one document per line,
//!   `{"id", "text" | "html", "title", "url", "source", "published", "language"}`,
//!   **streamed** line by line with a bounded line buffer.
//! * **RSS and Atom** (`.rss`, `.atom`, `.xml`, or sniffed): one document per item.
//!
//! # Encodings
//!
//! UTF-8 with or without BOM, UTF-16 LE/BE with BOM, a declared charset in HTML
//! and XML, and Windows-1252/Latin-1 accepted only when the decoded text looks
//! like text. Binary or undecodable input is an error naming the file; nothing
//! is ever decoded with replacement characters.
//!
//! # Errors never stop the run
//!
//! Intake yields a stream of [`Item`]s: documents, errors and warnings, in input
//! order. An error concerns one file, one JSON line (`"<path>: line 2: …"`) or one
//! feed item (`"<path>: item 3: …"`); every other document still comes through.
//! A warning (an unparsable date, an unknown language code) accompanies a
//! document that was kept with that field empty. No input makes intake panic.
//!
//! # Names
//!
//! A document read from a file has the path as given as its id (for a directory
//! walk: the directory joined with the file's relative path). Standard input is
//! named [`STDIN_NAME`]. A directory walk is recursive, sorted by file name,
//! skips hidden files and directories, and reads only files whose extension is
//! one of the above (or `.xml`, or none) unless a format is forced.
#![deny(missing_docs)]

mod date;
mod decode;
mod error;
mod feed;
mod format;
mod html;
mod jsonl;
mod reader;

use std::path::{Path, PathBuf};

use sitrep_model::Document;

pub use date::parse_date;
pub use error::{ErrorKind, IntakeError};
pub use format::Format;
pub use html::{extract_html, html_fragment_text, HtmlArticle};
pub use jsonl::JsonlReader;
pub use reader::Reader;

/// The name (id and error origin) of a document read from standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Default per-document size limit in bytes (10 MB).
pub const DEFAULT_MAX_BYTES: usize = 10_000_000;

/// Intake options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Largest document in bytes: a whole file (text, HTML, feed), one JSON line,
    /// or one feed item's body. Default [`DEFAULT_MAX_BYTES`].
    pub max_bytes: usize,
    /// Forces the format of every input instead of extension and sniffing.
    pub format: Option<Format>,
}

impl Default for Options {
    fn default() -> Options {
        Options { max_bytes: DEFAULT_MAX_BYTES, format: None }
    }
}

/// One input argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory.
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// `"-"` is standard input, anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// One item of intake: a document, a per-document error, or a warning.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A document.
    Doc(Document),
    /// A file, line or feed item that yielded no document.
    Error(IntakeError),
    /// A problem with a document that was still kept (e.g. an unparsable date).
    Warning(IntakeError),
}

impl Item {
    /// The document, if this item is one.
    pub fn doc(self) -> Option<Document> {
        match self {
            Item::Doc(d) => Some(d),
            _ => None,
        }
    }
}

/// Streams items from all inputs, in order.
pub fn read_inputs(inputs: Vec<Input>, opts: Options) -> Reader {
    Reader::new(inputs, opts)
}

/// Reads one in-memory input (a POSTed document, a fetched feed). `name` serves
/// as id and error origin and its extension, if any, as a format hint after
/// `opts.format`; otherwise the content is sniffed.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &Options) -> Vec<Item> {
    let format = opts
        .format
        .or_else(|| Format::from_extension(Path::new(name)))
        .unwrap_or_else(|| sniff_bytes(bytes));
    read_bytes_as(name, bytes, format, opts)
}

/// Parses an RSS or Atom feed held in memory (one document per item).
pub fn parse_feed(name: &str, bytes: &[u8], opts: &Options) -> Vec<Item> {
    read_bytes_as(name, bytes, Format::Feed, opts)
}

/// Sniffs the format of the first bytes of an input, BOM-aware.
pub(crate) fn sniff_bytes(bytes: &[u8]) -> Format {
    match decode::bom(bytes) {
        Some((enc, len)) if enc != encoding_rs::UTF_8 => {
            let head = &bytes[len..bytes.len().min(len + 16 * 1024)];
            let (text, _) = enc.decode_without_bom_handling(head);
            Format::sniff(text.as_bytes())
        }
        Some((_, len)) => Format::sniff(&bytes[len..]),
        None => Format::sniff(bytes),
    }
}

/// Reads one in-memory input in a known format.
pub(crate) fn read_bytes_as(name: &str, bytes: &[u8], format: Format, opts: &Options) -> Vec<Item> {
    let fail = |kind| vec![Item::Error(IntakeError::new(name, kind))];
    let utf16 = decode::bom(bytes).is_some_and(|(enc, _)| enc != encoding_rs::UTF_8);
    if format == Format::Jsonl && !utf16 {
        if decode::looks_binary(bytes) {
            return fail(ErrorKind::Binary);
        }
        return JsonlReader::new(name, bytes, opts.max_bytes).collect();
    }
    if bytes.len() > opts.max_bytes {
        return fail(ErrorKind::TooLarge { size: bytes.len() as u64, limit: opts.max_bytes });
    }
    let markup = match format {
        Format::Html | Format::Feed => decode::Markup::Declared,
        Format::Text | Format::Jsonl => decode::Markup::None,
    };
    let text = match decode::decode(bytes, markup) {
        Ok(t) => t,
        Err(kind) => return fail(kind),
    };
    match format {
        Format::Text => {
            vec![Item::Doc(Document { id: name.to_owned(), text, ..Document::default() })]
        }
        Format::Html => {
            let a = extract_html(&text);
            let doc = Document {
                id: name.to_owned(),
                source: a.source,
                url: a.url,
                title: a.title,
                published: a.published,
                language: a.lang,
                text: a.text,
            };
            vec![Item::Doc(doc)]
        }
        Format::Feed => feed::parse_feed_text(name, &text, opts.max_bytes),
        Format::Jsonl => JsonlReader::new(name, text.as_bytes(), opts.max_bytes).collect(),
    }
}
