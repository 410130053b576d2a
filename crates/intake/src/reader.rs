//! The streaming reader over files, directories and standard input.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use crate::decode::{bom, looks_binary};
use crate::error::{ErrorKind, IntakeError};
use crate::jsonl::JsonlReader;
use crate::{read_bytes_as, Format, Input, Item, Options, STDIN_NAME};

/// Bytes read before choosing how to read the rest (format sniffing).
const PREFIX: u64 = 8192;

type Walk = Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>;
type Lines = JsonlReader<Box<dyn BufRead + Send>>;

/// Streams [`Item`]s from inputs in order: directories are walked in sorted
/// order, JSON Lines are read line by line, other files one at a time.
pub struct Reader {
    inputs: VecDeque<Input>,
    opts: Options,
    walk: Option<(Walk, bool)>,
    lines: Option<Lines>,
    queue: VecDeque<Item>,
}

impl Reader {
    /// A reader over `inputs`; nothing is opened until iteration.
    pub fn new(inputs: Vec<Input>, opts: Options) -> Reader {
        Reader { inputs: inputs.into(), opts, walk: None, lines: None, queue: VecDeque::new() }
    }

    fn error(&mut self, origin: String, kind: ErrorKind) {
        self.queue.push_back(Item::Error(IntakeError::new(origin, kind)));
    }

    fn open_input(&mut self, input: Input) {
        match input {
            Input::Stdin => {
                self.open_stream(STDIN_NAME.to_owned(), Box::new(io::stdin()), None, None)
            }
            Input::Path(path) => {
                let name = path.to_string_lossy().into_owned();
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        let forced = self.opts.format.is_some();
                        let walk = walkdir::WalkDir::new(&path)
                            .follow_links(true)
                            .sort_by_file_name()
                            .into_iter()
                            .filter_entry(|e| {
                                e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                            });
                        self.walk = Some((Box::new(walk), forced));
                    }
                    Ok(_) => self.open_file(&path),
                    Err(e) => self.error(name, ErrorKind::Io(e.to_string())),
                }
            }
        }
    }

    fn open_file(&mut self, path: &Path) {
        let name = path.to_string_lossy().into_owned();
        match File::open(path) {
            Ok(f) => {
                let len = f.metadata().ok().map(|m| m.len());
                let ext = Format::from_extension(path);
                self.open_stream(name, Box::new(f), len, ext);
            }
            Err(e) => self.error(name, ErrorKind::Io(e.to_string())),
        }
    }

    /// Reads the first bytes, picks the format, then streams (JSON Lines) or
    /// reads the rest within the size limit.
    fn open_stream(
        &mut self,
        name: String,
        mut src: Box<dyn Read + Send>,
        len: Option<u64>,
        ext: Option<Format>,
    ) {
        let max = self.opts.max_bytes;
        let mut prefix = Vec::new();
        if let Err(e) = src.by_ref().take(PREFIX).read_to_end(&mut prefix) {
            return self.error(name, ErrorKind::Io(e.to_string()));
        }
        let utf16 = bom(&prefix).is_some_and(|(enc, _)| enc != encoding_rs::UTF_8);
        if !utf16 && looks_binary(&prefix) {
            return self.error(name, ErrorKind::Binary);
        }
        let format = self.opts.format.or(ext).unwrap_or_else(|| crate::sniff_bytes(&prefix));
        if format == Format::Jsonl && !utf16 && !crate::jsonl::prefix_wants_whole(&prefix) {
            let rest: Box<dyn BufRead + Send> =
                Box::new(BufReader::with_capacity(64 * 1024, Cursor::new(prefix).chain(src)));
            self.lines = Some(JsonlReader::new(name, rest, max));
            return;
        }
        if let Some(size) = len.filter(|&l| l > max as u64) {
            return self.error(name, ErrorKind::TooLarge { size, limit: max });
        }
        let mut bytes = prefix;
        let room = (max as u64 + 1).saturating_sub(bytes.len() as u64);
        if let Err(e) = src.take(room).read_to_end(&mut bytes) {
            return self.error(name, ErrorKind::Io(e.to_string()));
        }
        if bytes.len() > max {
            return self.error(name, ErrorKind::TooLarge { size: bytes.len() as u64, limit: max });
        }
        self.queue.extend(read_bytes_as(&name, &bytes, format, &self.opts));
    }

    /// Next file from the directory walk; `false` when the walk is over.
    fn step_walk(&mut self) -> bool {
        let Some((walk, forced)) = self.walk.as_mut() else { return false };
        let forced = *forced;
        match walk.next() {
            None => {
                self.walk = None;
                false
            }
            Some(Err(e)) => {
                let origin = e.path().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                self.error(origin, ErrorKind::Io(e.to_string()));
                true
            }
            Some(Ok(entry)) => {
                if entry.file_type().is_file() && (forced || Format::walk_wants(entry.path())) {
                    self.open_file(entry.path());
                }
                true
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if let Some(lines) = self.lines.as_mut() {
                match lines.next() {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
                continue;
            }
            if self.step_walk() {
                continue;
            }
            let input = self.inputs.pop_front()?;
            self.open_input(input);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn summary(items: Vec<Item>) -> Vec<String> {
        items
            .into_iter()
            .map(|i| match i {
                Item::Doc(d) => format!("D {} {:?}", d.id, d.text),
                Item::Error(e) => format!("E {e}"),
                Item::Warning(e) => format!("W {e}"),
            })
            .collect()
    }

    #[test]
    fn walks_directories_sorted_skipping_hidden() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("corpus");
        for (rel, content) in [
            ("b.txt", "B"),
            ("a/z.txt", "AZ"),
            ("a/c.txt", "AC"),
            ("a.txt", "A"),
            (".hidden.txt", "H"),
            (".git/x.txt", "G"),
            ("x.gold.json", "{}"),
            ("d.jsonl", "{\"id\":\"j1\",\"text\":\"J\"}\n"),
            ("e", "<p>No extension, sniffed as HTML here.</p>"),
        ] {
            let p = root.join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, content).unwrap();
        }
        let got = summary(read_inputs_of(vec![Input::Path(root.clone())], Options::default()));
        let r = root.to_string_lossy();
        let want = [
            format!("D {r}/a/c.txt \"AC\""),
            format!("D {r}/a/z.txt \"AZ\""),
            format!("D {r}/a.txt \"A\""),
            format!("D {r}/b.txt \"B\""),
            "D j1 \"J\"".to_owned(),
            format!("D {r}/e \"No extension, sniffed as HTML here.\""),
        ];
        assert_eq!(got, want);
    }

    fn read_inputs_of(inputs: Vec<Input>, opts: Options) -> Vec<Item> {
        Reader::new(inputs, opts).collect()
    }

    #[test]
    fn per_file_errors_do_not_stop_the_run() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.join(name);
            fs::write(&p, bytes).unwrap();
            Input::Path(p)
        };
        let inputs = vec![
            write("bom.txt", b"\xEF\xBB\xBF  Texte avec BOM.\n"),
            write("big.txt", &[b'a'; 64]),
            write("bin.dat", b"\x7fELF\x02\x01\x01\0\0\0\0\0"),
            Input::Path(dir.join("missing.txt")),
            write("utf16.txt", &[0xFF, 0xFE, b'D', 0, 0xE9, 0, b'f', 0]),
            write("cp1252.txt", b"D\xe9fense"),
            write("late.jsonl", b"{\"text\":\"x\"}\n{bad\n"),
            write("arr.json", b"[{\"text\":\"a\"},\n {\"text\":\"b\"}]"),
        ];
        let got = summary(read_inputs_of(inputs, Options { max_bytes: 32, format: None }));
        let d = dir.to_string_lossy();
        assert_eq!(got[0], format!("D {d}/bom.txt \"  Texte avec BOM.\\n\""));
        assert_eq!(got[1], format!("E {d}/big.txt: too large: 64 bytes (limit 32 bytes)"));
        assert_eq!(got[2], format!("E {d}/bin.dat: binary file (not text)"));
        assert!(got[3].starts_with(&format!("E {d}/missing.txt: cannot read: ")), "{}", got[3]);
        assert_eq!(got[4], format!("D {d}/utf16.txt \"Déf\""));
        assert_eq!(got[5], format!("D {d}/cp1252.txt \"Défense\""));
        assert_eq!(got[6], format!("D {d}/late.jsonl:1 \"x\""));
        assert!(
            got[7].starts_with(&format!("E {d}/late.jsonl: line 2: invalid JSON")),
            "{}",
            got[7]
        );
        assert_eq!(got[8], format!("D {d}/arr.json:1 \"a\""));
        assert_eq!(got[9], format!("D {d}/arr.json:2 \"b\""));
        assert_eq!(got.len(), 10);
    }

    #[test]
    fn jsonl_streams_past_the_document_limit() {
        // The file is far larger than max_bytes; each line is small.
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("many.jsonl");
        let body: String =
            (0..2000).map(|i| format!("{{\"id\":{i},\"text\":\"doc {i}\"}}\n")).collect();
        fs::write(&p, body).unwrap();
        let mut reader =
            Reader::new(vec![Input::Path(p)], Options { max_bytes: 100, format: None });
        let first = reader.next().and_then(Item::doc).unwrap();
        assert_eq!(first.id, "0");
        let rest: Vec<Item> = reader.collect();
        assert_eq!(rest.len(), 1999);
        assert!(
            matches!(rest.last(), Some(Item::Doc(d)) if d.id == "1999" && d.text == "doc 1999")
        );
    }
}
