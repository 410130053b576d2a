//! Case and accent folding with a map back to original byte offsets.
//!
//! Lexicon entries and the document go through the same [`fold`], so a
//! lexicon lookup is a plain byte search: letters are lowercased, Latin
//! diacritics removed ("É" → "e", "œ" → "oe"), and every run of characters
//! that are not letters or digits (spaces, punctuation, apostrophes, hyphens)
//! becomes one ASCII space. The folded text starts and ends with a space, so
//! a key `" word word"` found in it always starts on a word start.

use std::cell::{OnceCell, RefCell};

use sitrep_model::Lang;
use unicode_normalization::UnicodeNormalization;

use crate::lexicon::Hit;
use crate::report::Report;
use sitrep_model::Span;

/// A folded text and its offset map.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// Folded text (lowercase, no diacritics, single spaces, leading and
    /// trailing space).
    pub text: String,
    /// `map[i]`: byte offset in the original text of the character that
    /// produced folded byte `i`; one extra entry for the end.
    pub map: Vec<usize>,
    /// Hits of each lexicon table over the whole text, computed on first
    /// use (by table id; tables past the last slot are not cached).
    pub(crate) hits: [OnceCell<(Lang, Vec<Hit>)>; HIT_SLOTS],
    /// The reporting clauses of the last sentence asked about (the clauses
    /// of one sentence are asked for by every event mention in it).
    pub(crate) reports: RefCell<Option<(Span, Vec<Report>)>>,
}

/// Lexicon tables whose hits a folded text keeps.
const HIT_SLOTS: usize = 8;

impl Folded {
    /// Original offset of folded byte `i` (clamped to the end).
    pub fn orig(&self, i: usize) -> usize {
        self.map.get(i).or(self.map.last()).copied().unwrap_or(0)
    }
    /// The first folded byte whose original offset is `>= off`.
    pub fn folded_at(&self, off: usize) -> usize {
        self.map.partition_point(|&m| m < off).min(self.text.len())
    }
}

fn push_folded(c: char, out: &mut String) -> bool {
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        _ if c.is_alphanumeric() => {
            let before = out.len();
            for d in c.nfd() {
                if !is_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
            if out.len() == before {
                return false;
            }
        }
        _ => return is_mark(c),
    }
    true
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF)
}

/// Folds `s` (see the module documentation).
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len() + 2);
    let mut map = Vec::with_capacity(s.len() + 3);
    text.push(' ');
    map.push(0);
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                text.push(c.to_ascii_lowercase());
                map.push(i);
            } else if !text.ends_with(' ') {
                text.push(' ');
                map.push(i);
            }
            continue;
        }
        let before = text.len();
        if push_folded(c, &mut text) {
            map.resize(text.len(), i);
        } else {
            text.truncate(before);
            if !text.ends_with(' ') {
                text.push(' ');
                map.push(i);
            }
        }
    }
    if !text.ends_with(' ') {
        text.push(' ');
        map.push(s.len());
    }
    map.push(s.len());
    Folded { text, map, hits: Default::default(), reports: RefCell::default() }
}

/// The match key of a lexicon entry: `" "` + its folded words.
pub fn key(entry: &str) -> String {
    fold(entry).text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let s = "L’aéroport d'Erbil, frappé!";
        let f = fold(s);
        assert_eq!(f.text, " l aeroport d erbil frappe ");
        let i = f.text.find("erbil").unwrap_or(0);
        assert_eq!(&s[f.orig(i)..f.orig(i + 5)], "Erbil");
        assert_eq!(f.map.len(), f.text.len() + 1);
    }

    #[test]
    fn keys() {
        for (e, k) in
            [("cessez-le-feu", " cessez le feu"), ("Pris pour cible", " pris pour cible"), ("", "")]
        {
            assert_eq!(key(e), k);
        }
    }

    #[test]
    fn folded_at_inverts_orig() {
        let s = "é à Bagdad";
        let f = fold(s);
        let i = f.folded_at(s.find("Bagdad").unwrap_or(0));
        assert_eq!(&f.text[i..i + 6], "bagdad");
    }
}
