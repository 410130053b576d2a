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
//!   (`date` and `lang` are accepted as aliases of `published` and `language`),
//!   **streamed** line by line with a bounded line buffer. A `.json` file (or
//!   input starting with `[`) holding an array of such records, or one record
//!   spread over several lines, is read whole (within `max_bytes`).
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
///
/// ```
/// use sitrep_intake::{read_bytes, Item, Options};
///
/// // Plain text: only the BOM goes; offsets count from the first byte after it.
/// let items = read_bytes("note.txt", "\u{feff}Frappe à Erbil.\r\n".as_bytes(), &Options::default());
/// assert!(matches!(&items[..], [Item::Doc(d)] if d.text == "Frappe à Erbil.\r\n"));
///
/// // JSON Lines: a bad line is an error for that line only.
/// let jsonl = b"{\"id\":\"a\",\"text\":\"A\"}\n{oops\n{\"id\":7,\"text\":\"B\"}\n";
/// let items = read_bytes("batch.jsonl", jsonl, &Options::default());
/// assert!(matches!(&items[1], Item::Error(e) if e.to_string().starts_with("batch.jsonl: line 2: invalid JSON")));
/// assert!(matches!(&items[2], Item::Doc(d) if d.id == "7"));
/// ```
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
        if jsonl::is_whole_json(bytes) {
            return jsonl::parse_whole(name, bytes);
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
            let mut a = extract_html(&text);
            let mut warning = None;
            if a.text.trim().is_empty() {
                warning = Some(match a.description.take() {
                    Some(d) => {
                        a.text = d;
                        "no article text found in the page; its description is used"
                    }
                    None => "no article text found in the page",
                });
            }
            let doc = Document {
                id: name.to_owned(),
                source: a.source,
                url: a.url,
                title: a.title,
                published: a.published,
                language: a.lang,
                text: a.text,
            };
            let mut items = vec![Item::Doc(doc)];
            if let Some(message) = warning {
                items
                    .push(Item::Warning(IntakeError::new(name, ErrorKind::NoText(message.into()))));
            }
            items
        }
        Format::Feed => feed::parse_feed_text(name, &text, opts.max_bytes),
        Format::Jsonl if jsonl::is_whole_json(text.as_bytes()) => {
            jsonl::parse_whole(name, text.as_bytes())
        }
        Format::Jsonl => JsonlReader::new(name, text.as_bytes(), opts.max_bytes).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn one_doc(items: Vec<Item>) -> Document {
        match items.as_slice() {
            [Item::Doc(d)] => d.clone(),
            other => panic!("expected one document, got {other:?}"),
        }
    }

    #[test]
    fn read_bytes_by_name_hint_and_sniffing() {
        let opts = Options::default();
        let d = one_doc(read_bytes("a.txt", b"\xEF\xBB\xBF<p>kept as is</p>\r\n", &opts));
        assert_eq!(d.text, "<p>kept as is</p>\r\n");
        let d =
            one_doc(read_bytes("post", b"<html><body><p>Sniffed page.</p></body></html>", &opts));
        assert_eq!((d.id.as_str(), d.text.as_str()), ("post", "Sniffed page."));
        let html_1252 =
            b"<html><head><meta charset=\"windows-1252\"><title>D\xe9fense</title></head>\
            <body><p>Le minist\xe8re de la D\xe9fense a d\xe9menti.</p></body></html>";
        let d = one_doc(read_bytes("page.html", html_1252, &opts));
        assert_eq!(d.title.as_deref(), Some("Défense"));
        assert_eq!(d.text, "Le ministère de la Défense a démenti.");
        let forced = Options { format: Some(Format::Text), ..Options::default() };
        assert_eq!(one_doc(read_bytes("x.html", b"<p>raw</p>", &forced)).text, "<p>raw</p>");
    }

    #[test]
    fn utf16_inputs_of_every_format() {
        fn utf16le(s: &str) -> Vec<u8> {
            let mut out = vec![0xFF, 0xFE];
            out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
            out
        }
        let opts = Options::default();
        let d =
            one_doc(read_bytes("u", &utf16le("<html><body><p>Défense</p></body></html>"), &opts));
        assert_eq!(d.text, "Défense");
        let d = one_doc(read_bytes(
            "u.jsonl",
            &utf16le("{\"id\":\"x\",\"text\":\"Défense\"}\n"),
            &opts,
        ));
        assert_eq!((d.id.as_str(), d.text.as_str()), ("x", "Défense"));
        let rss = "<rss><channel><item><title>Défense</title><pubDate>2024-01-02</pubDate></item></channel></rss>";
        let d = one_doc(parse_feed("f", &utf16le(rss), &opts));
        assert_eq!(
            (d.text.as_str(), d.published),
            ("Défense", NaiveDate::from_ymd_opt(2024, 1, 2))
        );
    }

    #[test]
    fn declared_feed_encoding() {
        let rss = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item>\
            <title>Minist\xe8re de la D\xe9fense</title><description>Gr\xe8ve \xe0 Mossoul</description>\
            </item></channel></rss>";
        let d = one_doc(parse_feed("f.xml", rss, &Options::default()));
        assert_eq!(
            (d.title.as_deref(), d.text.as_str()),
            (Some("Ministère de la Défense"), "Grève à Mossoul")
        );
        // Only the declaration can tell these bytes are Cyrillic.
        let (title, _, _) = encoding_rs::WINDOWS_1251.encode("Обстрел Харькова");
        let head = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><item><title>";
        let rss = [&head[..], &title, b"</title></item></channel></rss>"].concat();
        let d = one_doc(parse_feed("f.xml", &rss, &Options::default()));
        assert_eq!(d.title.as_deref(), Some("Обстрел Харькова"));
        let undeclared =
            [&b"<rss><channel><item><title>"[..], &title, b"</title></item></channel></rss>"]
                .concat();
        assert!(matches!(
            &parse_feed("g.xml", &undeclared, &Options::default())[..],
            [Item::Error(_)]
        ));
    }

    #[test]
    fn size_limit_applies_per_document() {
        let opts = Options { max_bytes: 10, format: None };
        let items = read_bytes("a.txt", b"0123456789A", &opts);
        assert!(
            matches!(&items[..], [Item::Error(e)] if e.to_string() == "a.txt: too large: 11 bytes (limit 10 bytes)")
        );
        let items = read_bytes("a.txt", b"0123456789", &opts);
        assert!(matches!(&items[..], [Item::Doc(_)]));
    }

    #[test]
    fn reader_and_items_are_send() {
        fn send<T: Send>() {}
        send::<Reader>();
        send::<Item>();
    }

    #[test]
    fn input_parse() {
        assert_eq!(Input::parse("-"), Input::Stdin);
        assert_eq!(Input::parse("a/b.txt"), Input::Path(PathBuf::from("a/b.txt")));
    }

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    const SEEDS: [&str; 4] = [
        "<html><head><meta charset=utf-8><title>T</title><script type=\"application/ld+json\">{\"datePublished\":\"2024-01-01\"}</script></head><body><article><p>Une frappe a visé la base d'Aïn al-Asad.</p><p>Lire aussi : x</p></article></body></html>",
        "<?xml version=\"1.0\"?><rss><channel><title>F</title><item><title>a &amp; b</title><link>https://x.example/1</link><description><![CDATA[<p>Texte é</p>]]></description><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>",
        "{\"id\":1,\"text\":\"Défense\",\"published\":\"2024-01-01\",\"language\":\"fr\"}\n{\"html\":\"<p>x</p>\"}\n",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><content type=\"xhtml\"><div><p>x</p></div></content></entry></feed>",
    ];

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let formats =
            [None, Some(Format::Text), Some(Format::Html), Some(Format::Jsonl), Some(Format::Feed)];
        let mut docs = 0;
        // INTAKE_FUZZ_ROUNDS raises the count for a longer local run.
        let rounds =
            std::env::var("INTAKE_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(600);
        for round in 0..rounds {
            let bytes: Vec<u8> = if round % 2 == 0 {
                let len = rng.below(600);
                (0..len).map(|_| rng.next() as u8).collect()
            } else {
                // Mutated real-looking inputs: flipped, inserted and cut bytes.
                let mut b = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
                for _ in 0..=rng.below(4) {
                    let i = rng.below(b.len());
                    match rng.below(3) {
                        0 => b[i] = rng.next() as u8,
                        1 => b.insert(i, [b'<', b'&', b'"', b'\n', 0xC3, 0xE9, b'>'][rng.below(7)]),
                        _ => b.truncate(i.max(1)),
                    }
                }
                b
            };
            for format in formats {
                let opts = Options { max_bytes: 1000, format };
                for item in read_bytes("fuzz", &bytes, &opts) {
                    if let Item::Doc(d) = item {
                        docs += 1;
                        assert!(
                            !d.text.contains('\u{FFFD}')
                                || String::from_utf8_lossy(&bytes).contains('\u{FFFD}')
                        );
                    }
                }
            }
        }
        assert!(docs > 100, "fuzzing should also produce documents, got {docs}");
    }
}
