//! Benchmark text from shared/bench, shared by the criterion bench and the
//! `throughput` example.
//!
//! * English: the `notes` column of the ACLED events (one note per line) and
//!   the article texts of TR-News.
//! * French: the seed report and the CLEF-HIPE-2020 French newspapers, their
//!   tokens joined back into running text (no space where the data says
//!   `NoSpaceAfter`, one line per document).
//!
//! `SITREP_BENCH_DIR` overrides the location of shared/bench (default: next
//! to the repository); the seed report is read from `../corpus/seed` beside it.
use std::path::{Path, PathBuf};

/// The benchmark texts.
pub struct Corpus {
    /// ACLED notes, one per entry.
    pub notes: Vec<String>,
    /// English running text (ACLED notes and TR-News articles, one per line).
    pub en: String,
    /// French running text (seed report and HIPE documents, one per line).
    pub fr: String,
    /// Short French documents: HIPE sentences longer than 40 bytes.
    pub fr_sentences: Vec<String>,
}

/// Reads the benchmark texts (empty parts when files are missing).
pub fn load() -> Corpus {
    let dir = bench_dir();
    let notes = acled_notes(&dir);
    let articles = tr_news(&dir);
    let hipe_docs = hipe(&dir);
    let en = [notes.join("\n"), articles.join("\n")].join("\n");
    let fr = [seed(&dir).unwrap_or_default(), hipe_docs.join("\n")].join("\n");
    let fr_sentences = hipe_docs
        .iter()
        .flat_map(|d| d.split(". "))
        .filter(|l| l.len() > 40)
        .take(5000)
        .map(str::to_owned)
        .collect();
    eprintln!(
        "bench text: {} ACLED notes + {} TR-News articles = {} bytes en; {} HIPE documents + seed = {} bytes fr",
        notes.len(),
        articles.len(),
        en.len(),
        hipe_docs.len(),
        fr.len()
    );
    Corpus { notes, en, fr, fr_sentences }
}

fn bench_dir() -> PathBuf {
    std::env::var_os("SITREP_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench"))
}

fn read(path: &Path) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("skipping {}: {e}", path.display());
            None
        }
    }
}

/// The fields of one CSV record starting at `i`; returns them and the next start.
fn csv_record(s: &str, mut i: usize) -> (Vec<String>, usize) {
    let b = s.as_bytes();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut start = i;
    while i < b.len() {
        match (b[i], quoted) {
            (b'"', true) if b.get(i + 1) == Some(&b'"') => {
                field.push_str(&s[start..=i]);
                i += 2;
                start = i;
                continue;
            }
            (b'"', _) => {
                field.push_str(&s[start..i]);
                quoted = !quoted;
                start = i + 1;
            }
            (b',', false) => {
                field.push_str(&s[start..i]);
                fields.push(std::mem::take(&mut field));
                start = i + 1;
            }
            (b'\n', false) => break,
            _ => {}
        }
        i += 1;
    }
    field.push_str(&s[start..i.min(b.len())]);
    fields.push(field);
    (fields, i + 1)
}

fn acled_notes(dir: &Path) -> Vec<String> {
    let Some(csv) = read(&dir.join("acled-2020-05/acled.csv")) else { return Vec::new() };
    let (header, mut i) = csv_record(&csv, 0);
    let Some(col) = header.iter().position(|h| h == "notes") else { return Vec::new() };
    let mut notes = Vec::new();
    while i < csv.len() {
        let (rec, next) = csv_record(&csv, i);
        i = next;
        if let Some(n) = rec.get(col).filter(|n| !n.is_empty()) {
            notes.push(n.replace('\n', " "));
        }
    }
    notes
}

fn tr_news(dir: &Path) -> Vec<String> {
    let Some(xml) = read(&dir.join("tr-news/TR-News.xml")) else { return Vec::new() };
    xml.split("<text><![CDATA[")
        .skip(1)
        .filter_map(|s| s.split("]]>").next())
        .map(str::to_owned)
        .collect()
}

/// HIPE documents as running text, one line per document.
fn hipe(dir: &Path) -> Vec<String> {
    let mut docs = Vec::new();
    for f in ["HIPE-data-v1.4-dev-fr.tsv", "HIPE-data-v1.4-test-fr.tsv"] {
        let Some(tsv) = read(&dir.join("hipe2020-fr").join(f)) else { continue };
        let mut doc = String::new();
        for line in tsv.lines() {
            if line.starts_with("# document_id") && !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            if line.starts_with('#') || line.starts_with("TOKEN\t") || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let tok = cols.next().unwrap_or("");
            doc.push_str(tok);
            if !cols.next_back().unwrap_or("").contains("NoSpaceAfter") {
                doc.push(' ');
            }
        }
        if !doc.is_empty() {
            docs.push(doc);
        }
    }
    docs
}

fn seed(dir: &Path) -> Option<String> {
    read(&dir.join("../corpus/seed/fr-iraq-ceasefire.txt"))
}
