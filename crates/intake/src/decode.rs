//! Byte-to-text decoding: BOMs, binary detection, declared charsets and the
//! Windows-1252 fallback.
//!
//! Order of decisions, so that text is never mojibake:
//! 1. A BOM (UTF-8, UTF-16 LE/BE) decides; the BOM is removed and nothing else.
//! 2. Without a BOM, NUL bytes in the first KiB or a high share of control bytes
//!    mean binary.
//! 3. Valid UTF-8 is UTF-8 (even when a page declares another charset: valid
//!    multi-byte UTF-8 is practically never legacy text).
//! 4. For HTML and feeds, a declared charset (`<meta charset>`, `http-equiv`,
//!    `<?xml encoding>`) is honoured when the bytes decode cleanly with it.
//! 5. Otherwise Windows-1252 (which WHATWG also uses for "Latin-1") is tried and
//!    accepted only when the result looks like Western text: no C1 controls,
//!    nearly all non-ASCII characters letters or common typographic signs, and
//!    few words made only of accented letters (Cyrillic or Arabic bytes read as
//!    Windows-1252 give such words).
//! 6. Otherwise `chardetng` (Firefox's detector) guesses a legacy encoding
//!    (Windows-1251, -1256, ISO-8859-x…), accepted when it decodes cleanly to
//!    text without control characters. Anything else is an error, never mojibake.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::error::ErrorKind;

/// How many leading bytes are checked for NUL bytes.
const NUL_WINDOW: usize = 1024;
/// How many leading bytes are checked for control bytes.
const CONTROL_WINDOW: usize = 8192;
/// Largest share of control bytes tolerated in text.
const MAX_CONTROL_SHARE: f64 = 0.10;
/// Smallest share of "good" non-ASCII characters for Windows-1252 to be plausible.
const MIN_PLAUSIBLE_1252: f64 = 0.90;
/// Fewest non-ASCII letters for a detected (non-Latin) legacy encoding to be trusted.
const MIN_DETECTED_LETTERS: usize = 16;
/// How far declarations (`<meta charset>`, `<?xml encoding>`) are looked for.
const DECLARATION_WINDOW: usize = 4096;

/// Which declarations may be honoured while decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// Plain text or JSON: no declaration is read.
    None,
    /// HTML or XML: `<meta charset>` and `<?xml encoding>` are honoured.
    Declared,
}

/// The BOM's encoding and length, if `bytes` starts with one.
pub(crate) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// True when the bytes (which carry no UTF-16 BOM) look binary.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if bytes[..bytes.len().min(NUL_WINDOW)].contains(&0) {
        return true;
    }
    let window = &bytes[..bytes.len().min(CONTROL_WINDOW)];
    if window.is_empty() {
        return false;
    }
    let controls = window.iter().filter(|&&b| is_control_byte(b)).count();
    controls as f64 / window.len() as f64 > MAX_CONTROL_SHARE
}

fn is_control_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// Decodes a whole document. The BOM, if any, is removed; nothing else changes.
pub(crate) fn decode(bytes: &[u8], markup: Markup) -> Result<String, ErrorKind> {
    if let Some((enc, len)) = bom(bytes) {
        return decode_strict(enc, &bytes[len..]).ok_or_else(|| {
            ErrorKind::Undecodable(format!("invalid {} after its byte order mark", enc.name()))
        });
    }
    if looks_binary(bytes) {
        return Err(ErrorKind::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    if markup == Markup::Declared {
        if let Some(enc) = declared_encoding(bytes) {
            if enc != UTF_8 {
                if let Some(s) = decode_strict(enc, bytes) {
                    return Ok(s);
                }
            }
        }
    }
    decode_1252(bytes).or_else(|| decode_detected(bytes)).ok_or_else(|| {
        ErrorKind::Undecodable("neither UTF-8 nor plausible legacy-encoded text".into())
    })
}

/// Decodes without BOM sniffing and without replacement characters.
fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes).map(|c| c.into_owned())
}

/// Windows-1252 decoding, accepted only when the result looks like text.
fn decode_1252(bytes: &[u8]) -> Option<String> {
    let s = decode_strict(WINDOWS_1252, bytes)?;
    plausible_legacy(&s).then_some(s)
}

/// Single-byte legacy encoding (Cyrillic, Arabic, Greek, Hebrew, Central
/// European…) guessed by `chardetng`, if the guess is confident and decodes to
/// letters. Multi-byte legacy encodings (GBK, Shift_JIS…) are not accepted: they
/// decode almost any bytes, garbage included.
fn decode_detected(bytes: &[u8]) -> Option<String> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let (enc, confident) = detector.guess_assess(None, false);
    if !confident || enc == WINDOWS_1252 || !enc.is_single_byte() {
        return None;
    }
    let s = decode_strict(enc, bytes)?;
    let controls = s.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'));
    let non_ascii: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
    let good = non_ascii.iter().filter(|c| c.is_alphabetic() || LEGACY_SIGNS.contains(**c)).count();
    let lettered = good as f64 >= non_ascii.len() as f64 * MIN_PLAUSIBLE_1252;
    // Enough letters to trust the guess, and mostly lowercase where the script has case.
    let letters = non_ascii.iter().filter(|c| c.is_alphabetic()).count();
    let upper = non_ascii.iter().filter(|c| c.is_uppercase()).count();
    let lower = non_ascii.iter().filter(|c| c.is_lowercase()).count();
    let enough = letters >= MIN_DETECTED_LETTERS && upper <= lower.max(letters - upper - lower);
    (!controls && lettered && enough).then_some(s)
}

/// Signs that legitimately appear in Western legacy text.
const LEGACY_SIGNS: &str = "\u{a0}’‘“”«»–—…€°§©®·•£¥´¨¿¡×ªº±²³µ¶½¼¾";

/// True when `s` reads as Western text: non-ASCII characters nearly all letters
/// or common signs, and accented letters mixed into ASCII words. Cyrillic,
/// Greek or Arabic bytes read as Windows-1252 give words made only of accented
/// letters ("Îáñòðåë"); French, Spanish or German words almost never are.
fn plausible_legacy(s: &str) -> bool {
    let (mut total, mut good) = (0usize, 0usize);
    for c in s.chars().filter(|c| !c.is_ascii()) {
        if ('\u{80}'..='\u{9f}').contains(&c) {
            return false;
        }
        total += 1;
        if c.is_alphabetic() || LEGACY_SIGNS.contains(c) {
            good += 1;
        }
    }
    let (mut accented_words, mut foreign_words) = (0usize, 0usize);
    for word in s.split(|c: char| !c.is_alphabetic()) {
        let non_ascii = word.chars().filter(|c| !c.is_ascii()).count();
        if non_ascii > 0 {
            accented_words += 1;
            if non_ascii == word.chars().count() && non_ascii >= 3 {
                foreign_words += 1;
            }
        }
    }
    let foreign = foreign_words > 0 && foreign_words * 4 >= accented_words;
    !foreign && (total == 0 || good as f64 / total as f64 >= MIN_PLAUSIBLE_1252)
}

/// The encoding declared in the first bytes of an HTML or XML document.
pub(crate) fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(pos) = find(&lower[from..], key) {
            let start = from + pos + key.len();
            if let Some(enc) = label_at(&lower[start..]) {
                return Some(enc);
            }
            from = start;
        }
    }
    None
}

/// Reads an encoding label (optionally quoted) at the start of `rest`.
fn label_at(rest: &[u8]) -> Option<&'static Encoding> {
    let rest = match rest.first() {
        Some(b'"' | b'\'') => &rest[1..],
        _ => rest,
    };
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Position of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in s.encode_utf16() {
            let b = if big_endian { u.to_be_bytes() } else { u.to_le_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn decodes_table() {
        let cases: Vec<(&str, Vec<u8>, Markup, &str)> = vec![
            ("utf8", "Défense".as_bytes().to_vec(), Markup::None, "Défense"),
            (
                "utf8 bom",
                [&[0xEF, 0xBB, 0xBF][..], "Défense\n".as_bytes()].concat(),
                Markup::None,
                "Défense\n",
            ),
            ("utf16le bom", utf16("Défense à Bagdad", false), Markup::None, "Défense à Bagdad"),
            ("utf16be bom", utf16("Défense à Bagdad", true), Markup::None, "Défense à Bagdad"),
            (
                "windows-1252",
                b"D\xe9fense \x93arm\xe9e\x94".to_vec(),
                Markup::None,
                "Défense “armée”",
            ),
            ("latin-1 accents", b"Gr\xe8ve \xe0 Mossoul".to_vec(), Markup::None, "Grève à Mossoul"),
            (
                "meta charset iso-8859-15 euro",
                b"<meta charset=\"iso-8859-15\"><p>10 \xa4</p>".to_vec(),
                Markup::Declared,
                "<meta charset=\"iso-8859-15\"><p>10 €</p>",
            ),
            (
                "valid utf8 wins over a wrong declaration",
                "<meta charset=windows-1252><p>Défense</p>".as_bytes().to_vec(),
                Markup::Declared,
                "<meta charset=windows-1252><p>Défense</p>",
            ),
        ];
        for (name, bytes, markup, want) in cases {
            assert_eq!(decode(&bytes, markup).as_deref(), Ok(want), "{name}");
        }
    }

    #[test]
    fn legacy_non_latin_is_detected_not_mojibake() {
        let (cyr, _, _) =
            encoding_rs::WINDOWS_1251.encode("Ракетный удар по Харькову, есть погибшие и раненые.");
        assert_eq!(
            decode(&cyr, Markup::None).as_deref(),
            Ok("Ракетный удар по Харькову, есть погибшие и раненые.")
        );
        let (ar, _, _) = encoding_rs::WINDOWS_1256.encode("قصف مدفعي على مدينة الموصل صباح اليوم");
        assert_eq!(
            decode(&ar, Markup::None).as_deref(),
            Ok("قصف مدفعي على مدينة الموصل صباح اليوم")
        );
        let (fr, _, _) = WINDOWS_1252
            .encode("L’armée a démenti toute implication à Gaza, a précisé le ministère.");
        assert_eq!(
            decode(&fr, Markup::None).as_deref(),
            Ok("L’armée a démenti toute implication à Gaza, a précisé le ministère.")
        );
    }

    #[test]
    fn rejects_binary_and_garbage() {
        assert_eq!(decode(b"abc\0def", Markup::None), Err(ErrorKind::Binary));
        let controls: Vec<u8> = (0..200u8).map(|i| if i % 3 == 0 { 1 } else { b'a' }).collect();
        assert_eq!(decode(&controls, Markup::None), Err(ErrorKind::Binary));
        // C1 control from an undefined Windows-1252 byte.
        assert!(matches!(decode(b"ab\x81cd\xe9", Markup::None), Err(ErrorKind::Undecodable(_))));
        // Mostly symbols, not letters.
        assert!(matches!(
            decode(b"\xa6\xac\xb1\xa6\xac\xb1\xa6", Markup::None),
            Err(ErrorKind::Undecodable(_))
        ));
        // Invalid UTF-16 (lone surrogate) after a BOM.
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], Markup::None),
            Err(ErrorKind::Undecodable(_))
        ));
    }

    #[test]
    fn finds_declarations() {
        assert_eq!(
            declared_encoding(b"<?xml version='1.0' encoding='ISO-8859-1'?>"),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            declared_encoding(
                b"<meta http-equiv=Content-Type content=\"text/html; charset=windows-1251\">"
            )
            .map(|e| e.name()),
            Some("windows-1251")
        );
        assert_eq!(declared_encoding(b"<p>no declaration</p>"), None);
    }
}
