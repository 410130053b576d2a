//! Case and accent folding with a map back to original byte offsets.
//!
//! Both the alias table and the text go through [`fold`], so matching is a
//! plain byte search over the folded strings:
//!
//! * letters are lowercased, Latin diacritics are removed ("É" → "e",
//!   "œ" → "oe"), Arabic short vowels and tatweel are dropped and the
//!   hamza-carrying alefs are unified ("أ" → "ا");
//! * every run of non-word characters (spaces, punctuation, apostrophes,
//!   hyphens) becomes one ASCII space, and the folded text starts and ends
//!   with a space. An alias key is `" " + folded words`, so any match starts on
//!   a word start, and the byte after the match must be a space.
//!
//! [`Folded::map`] gives, for each folded byte, the offset of the original
//! character that produced it (one extra entry for the end).

use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// A folded text and its offset map.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// Folded text: lowercase, no diacritics, single spaces, leading and
    /// trailing space.
    pub text: String,
    /// `map[i]` = byte offset in the original text of the character that
    /// produced folded byte `i`; `map.len() == text.len() + 1`.
    pub map: Vec<u32>,
    /// Byte positions of the spaces of `text`, in order (filled only by
    /// [`fold`]): word `i` is `text[spaces[i] + 1..spaces[i + 1]]`.
    pub spaces: Vec<u32>,
}

impl Folded {
    /// Original byte offset of folded position `i` (clamped to the end).
    pub fn orig(&self, i: usize) -> usize {
        self.map.get(i).or(self.map.last()).copied().unwrap_or(0) as usize
    }
}

/// Fold table for U+0080..U+0250 (Latin-1 and Latin Extended-A/B):
/// the folded form of each char, empty for "not a word char".
static LATIN: LazyLock<Vec<String>> = LazyLock::new(|| {
    (0x80u32..0x250).map(|cp| char::from_u32(cp).map(fold_latin_char).unwrap_or_default()).collect()
});

fn fold_latin_char(c: char) -> String {
    match c {
        'œ' | 'Œ' => return "oe".into(),
        'æ' | 'Æ' => return "ae".into(),
        'ß' => return "ss".into(),
        'ø' | 'Ø' => return "o".into(),
        'đ' | 'Đ' | 'ð' | 'Ð' => return "d".into(),
        'ł' | 'Ł' => return "l".into(),
        'ı' => return "i".into(),
        'þ' | 'Þ' => return "th".into(),
        _ => {}
    }
    if !c.is_alphanumeric() {
        return String::new();
    }
    c.nfd().filter(|d| !is_combining(*d)).flat_map(char::to_lowercase).collect()
}

/// Combining marks that are dropped (Latin accents, Arabic vowel signs, tatweel).
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0610..=0x061A | 0x0640 | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F | 0x200C | 0x200D)
}

/// True for a character that belongs to a word (letters, digits, marks).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Pushes the folded form of a non-ASCII char; returns false when the char
/// is a separator.
fn push_folded(c: char, out: &mut Vec<u8>) -> bool {
    let cp = c as u32;
    if (0x80..0x250).contains(&cp) {
        let f = &LATIN[(cp - 0x80) as usize];
        out.extend_from_slice(f.as_bytes());
        return !f.is_empty();
    }
    if is_combining(c) {
        return true;
    }
    let mut buf = [0u8; 4];
    let mut push = |c: char| out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => push('ا'),
        'ى' => push('ي'),
        'ة' => push('ه'),
        'ؤ' => push('و'),
        'ئ' => push('ي'),
        _ if c.is_alphanumeric() => {
            for l in c.to_lowercase() {
                push(l);
            }
        }
        _ => return false,
    }
    true
}

/// Bytes that are ASCII letters or digits (their lowercase is `b | 0x20`).
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Folds `s` (see the module documentation).
pub fn fold(s: &str) -> Folded {
    fold_impl::<true>(s)
}

/// [`fold`], with the offset map and spaces only when `MAP` (keys need none).
fn fold_impl<const MAP: bool>(s: &str) -> Folded {
    let mut out = Folded::default();
    fold_into::<MAP>(s, &mut out, true);
    out
}

/// [`fold`] into `out`, reusing its buffers (the tagger keeps one per thread).
pub(crate) fn fold_reuse(s: &str, out: &mut Folded) {
    fold_into::<true>(s, out, true);
}

/// `ascii_fast`: an all-ASCII text takes [`fold_ascii`] (tests turn it off to
/// compare both loops).
fn fold_into<const MAP: bool>(s: &str, out: &mut Folded, ascii_fast: bool) {
    let mut text: Vec<u8> = std::mem::take(&mut out.text).into_bytes();
    let mut map: Vec<u32> = std::mem::take(&mut out.map);
    let mut spaces: Vec<u32> = std::mem::take(&mut out.spaces);
    text.clear();
    map.clear();
    spaces.clear();
    if MAP && ascii_fast && s.is_ascii() {
        fold_ascii(s.as_bytes(), &mut text, &mut map, &mut spaces);
        // ASCII in, ASCII out: this never falls back.
        out.text = String::from_utf8(text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        out.map = map;
        out.spaces = spaces;
        return;
    }
    text.reserve(s.len() + 2);
    if MAP {
        map.reserve(s.len() + 3);
        spaces.reserve(s.len() / 5 + 2);
    }
    text.push(b' ');
    if MAP {
        map.push(0);
        spaces.push(0);
    }
    let bytes = s.as_bytes();
    let mut space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if MAP && b < 0x80 {
            // An ASCII stretch takes the indexed loop of all-ASCII texts.
            let run = bytes[i..].iter().position(|&b| b >= 0x80).unwrap_or(bytes.len() - i);
            fold_ascii_stretch(&bytes[i..i + run], i, &mut text, &mut map, &mut spaces, &mut space);
            i += run;
            continue;
        }
        if ASCII_WORD[b as usize] {
            // A run of ASCII letters and digits is copied lowercased at once
            // (setting bit 5 lowercases a letter and keeps a digit).
            let run =
                bytes[i..].iter().position(|&b| !ASCII_WORD[b as usize]).unwrap_or(bytes.len() - i);
            text.extend(bytes[i..i + run].iter().map(|&b| b | 0x20));
            if MAP {
                map.extend(i as u32..(i + run) as u32);
            }
            i += run;
            space = false;
            continue;
        }
        if b < 0x80 {
            if !space {
                if MAP {
                    spaces.push(text.len() as u32);
                    map.push(i as u32);
                }
                text.push(b' ');
                space = true;
            }
            i += 1;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        let before = text.len();
        if push_folded(c, &mut text) {
            if MAP {
                map.resize(text.len(), i as u32);
            }
            space = text.last() == Some(&b' ');
        } else {
            text.truncate(before);
            if !space {
                if MAP {
                    spaces.push(text.len() as u32);
                    map.push(i as u32);
                }
                text.push(b' ');
                space = true;
            }
        }
        i += c.len_utf8();
    }
    if !space {
        if MAP {
            spaces.push(text.len() as u32);
            map.push(s.len() as u32);
        }
        text.push(b' ');
    }
    if MAP {
        map.push(s.len() as u32);
    }
    // Only whole UTF-8 sequences were pushed, so this never falls back.
    let text = String::from_utf8(text)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    out.text = text;
    out.map = map;
    out.spaces = spaces;
}

/// The folding loop of [`fold_into`] for an all-ASCII text, writing by index
/// into buffers sized for the longest result (one folded byte per input
/// byte, plus the two edge spaces), then cut to length.
fn fold_ascii(bytes: &[u8], text: &mut Vec<u8>, map: &mut Vec<u32>, spaces: &mut Vec<u32>) {
    let n = bytes.len();
    text.resize(n + 2, 0);
    map.resize(n + 3, 0);
    let (t, m) = (&mut text[..], &mut map[..]);
    t[0] = b' ';
    m[0] = 0;
    spaces.push(0);
    let mut j = 1;
    let mut space = true;
    for (i, &b) in bytes.iter().enumerate() {
        if ASCII_WORD[b as usize] {
            t[j] = b | 0x20;
            m[j] = i as u32;
            j += 1;
            space = false;
        } else if !space {
            spaces.push(j as u32);
            t[j] = b' ';
            m[j] = i as u32;
            j += 1;
            space = true;
        }
    }
    if !space {
        spaces.push(j as u32);
        t[j] = b' ';
        m[j] = n as u32;
        j += 1;
    }
    m[j] = n as u32;
    text.truncate(j);
    map.truncate(j + 1);
}

/// [`fold_ascii`] for an ASCII stretch starting at byte `base` of a text
/// with other characters: appends to `text` and `map` (one entry per folded
/// byte so far) and `spaces`; `space` tells whether the folded text ends with
/// a space, before and after.
fn fold_ascii_stretch(
    bytes: &[u8],
    base: usize,
    text: &mut Vec<u8>,
    map: &mut Vec<u32>,
    spaces: &mut Vec<u32>,
    space: &mut bool,
) {
    let start = text.len();
    text.resize(start + bytes.len(), 0);
    map.resize(start + bytes.len(), 0);
    let (t, m) = (&mut text[..], &mut map[..]);
    let mut j = start;
    let mut sp = *space;
    for (i, &b) in bytes.iter().enumerate() {
        if ASCII_WORD[b as usize] {
            t[j] = b | 0x20;
            m[j] = (base + i) as u32;
            j += 1;
            sp = false;
        } else if !sp {
            spaces.push(j as u32);
            t[j] = b' ';
            m[j] = (base + i) as u32;
            j += 1;
            sp = true;
        }
    }
    *space = sp;
    text.truncate(j);
    map.truncate(j);
}

/// The match key of an alias: `" "` + its folded words, no trailing space.
pub fn key(alias: &str) -> String {
    let mut t = fold_impl::<false>(alias).text;
    let n = t.trim_end().len();
    t.truncate(n);
    t
}

/// The words of `s` as the folder splits them (original spelling).
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_loop_matches_general_loop() {
        for input in [
            "",
            " ",
            "Al-Shabaab militants killed 2 civilians in Mogadishu.",
            "  --Hello, WORLD!! x1 ",
            "a",
            "On 12 May 2024, (ACLED) reported: 'US' forces\n\nrepelled it",
        ] {
            let mut general = Folded::default();
            fold_into::<true>(input, &mut general, false);
            let fast = fold(input);
            assert_eq!(fast.text, general.text, "{input:?}");
            assert_eq!(fast.map, general.map, "{input:?}");
            assert_eq!(fast.spaces, general.spaces, "{input:?}");
        }
    }

    #[test]
    fn folds_table() {
        for (input, want) in [
            ("Asaïb Ahl al-Haq", " asaib ahl al haq "),
            ("États-Unis", " etats unis "),
            ("d’Irak", " d irak "),
            ("  L'ŒUVRE!! ", " l oeuvre "),
            ("الحشد الشعبي", " الحشد الشعبي "),
            ("أَهْل", " اهل "),
            ("", " "),
        ] {
            let f = fold(input);
            let spaces: Vec<u32> = want
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ')
                .map(|(i, _)| i as u32)
                .collect();
            assert_eq!(f.spaces, spaces, "{input}");
            assert_eq!(f.text, want, "{input}");
        }
    }

    #[test]
    fn map_points_back() {
        let s = "Les États-Unis, d’Irak";
        let f = fold(s);
        assert_eq!(f.map.len(), f.text.len() + 1);
        let at = f.text.find(" etats unis").unwrap() + 1;
        let end = at + "etats unis".len();
        assert_eq!(&s[f.orig(at)..f.orig(end)], "États-Unis");
        let at = f.text.find(" irak").unwrap() + 1;
        assert_eq!(&s[f.orig(at)..f.orig(at + 4)], "Irak");
    }

    /// ASCII text folds byte by byte: letters and digits lowercased, each
    /// run of other bytes one space, every folded byte mapped to its source.
    #[test]
    fn ascii_runs_fold_like_single_bytes() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let alphabet = b"aZ9 -.'Qm0\tx,(";
        for _ in 0..500 {
            crate::xorshift(&mut x);
            let s: String = (0..x % 30)
                .map(|k| alphabet[((x >> k) % alphabet.len() as u64) as usize] as char)
                .collect();
            let mut want = String::from(" ");
            let mut map = vec![0u32];
            for (i, b) in s.bytes().enumerate() {
                if b.is_ascii_alphanumeric() {
                    want.push(b.to_ascii_lowercase() as char);
                    map.push(i as u32);
                } else if !want.ends_with(' ') {
                    want.push(' ');
                    map.push(i as u32);
                }
            }
            if !want.ends_with(' ') {
                want.push(' ');
                map.push(s.len() as u32);
            }
            map.push(s.len() as u32);
            let f = fold(&s);
            let spaces: Vec<u32> = f
                .text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ')
                .map(|(i, _)| i as u32)
                .collect();
            assert_eq!(f.spaces, spaces, "{s:?}");
            assert_eq!((f.text, f.map), (want, map), "{s:?}");
        }
    }

    #[test]
    fn keys_and_words() {
        assert_eq!(key("U.S."), " u s");
        assert_eq!(key("Asa'ib Ahl al-Haq"), " asa ib ahl al haq");
        assert_eq!(words("al-Qaïda (AQ)").collect::<Vec<_>>(), ["al", "Qaïda", "AQ"]);
    }
}
