//! Language identification and segmentation.
//!
//! Two stages of the pipeline live here because both read raw text and nothing
//! else:
//!
//! * [`lang`]: which language a document is written in. Script decides first
//!   (Arabic, Cyrillic, Hebrew, Han); among Latin-script languages a profile of
//!   frequent function words decides. News paragraphs are long enough for that to
//!   be reliable, and it needs no model file.
//! * [`segment`](mod@segment): paragraphs (newlines are hard boundaries), sentences and
//!   tokens, every one as UTF-8 byte offsets into the original text. The rules
//!   know French elision (l', qu’), inverted verbs (a-t-il), hyphenated Arabic
//!   names (al-Haq, Aïn al-Asad), guillemets, abbreviations (M., U.S.) and
//!   numbers with thousands separators (1 000, 1,000).
//!
//! Both scan bytes and decode only non-ASCII chars, and allocate nothing per
//! word: about 150–200 MB/s per core on English and French news (ACLED notes,
//! TR-News, CLEF-HIPE; `benches/segment.rs`, and `examples/text_throughput.rs` for
//! CPU-time figures on a busy machine). The straightforward char-by-char
//! versions they replaced live on as test oracles (`oracle`, test builds
//! only): property tests hold the fast code to their exact output.
#![deny(missing_docs)]

mod chars;
pub mod lang;
pub mod segment;

pub use lang::{detect, LanguageDetector, StopwordDetector};
pub use segment::{segment, Segmenter};

#[cfg(test)]
mod oracle;
