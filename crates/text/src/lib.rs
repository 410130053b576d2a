//! Language identification and segmentation.
//!
//! Two stages of the pipeline live here because both read raw text and nothing
//! else:
//!
//! * [`lang`]: which language a document is written in. Script decides first
//!   (Arabic, Cyrillic, Hebrew, Han); among Latin-script languages a profile of
//!   frequent function words decides. News paragraphs are long enough for that to
//!   be reliable, it needs no model file, and it runs at hundreds of MB/s.
//! * [`segment`]: paragraphs (newlines are hard boundaries), sentences and
//!   tokens, every one as UTF-8 byte offsets into the original text. The rules
//!   know French elision (l', qu’), inverted verbs (a-t-il), hyphenated Arabic
//!   names (al-Haq, Aïn al-Asad), guillemets, abbreviations (M., U.S.) and
//!   numbers with thousands separators (1 000, 1,000).
#![deny(missing_docs)]

mod chars;
pub mod lang;
pub mod segment;

pub use lang::{detect, LanguageDetector, StopwordDetector};
pub use segment::{segment, Segmenter};

#[cfg(test)]
mod oracle;
