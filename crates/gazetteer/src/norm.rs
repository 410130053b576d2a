//! Name normalisation shared by the build script and the runtime.
//!
//! Two keys are derived from a name:
//! * the **folded key**: the name's word tokens (maximal runs of letters and digits),
//!   lower-cased and stripped of diacritics, joined by one space. "Aïn al-Asad" and
//!   "AIN AL ASAD" both give `ain al asad`; "d'Erbil" gives `d erbil`.
//! * the **skeleton**: the folded tokens without Arabic articles (al-, el-, ad-, ash-, az-…),
//!   with transliteration digraphs merged (sh/ch, kh, gh, th, dh, dj, ou, q/k…) and vowels,
//!   `h`, `w`, `y` and doubled letters dropped. "Ayn al Asad" and "Aïn el-Assad" share `nsd`;
//!   "Deir ez-Zor" and "Dayr az Zawr" share `drzr`. It is a fallback key only, used when the
//!   folded key finds nothing.
//!
//! This file is included by `build.rs` as well, so it uses only `std` and
//! `unicode-normalization`.

use unicode_normalization::char::decompose_canonical;

/// Byte ranges of the word tokens of `s` (maximal runs of alphanumeric chars).
pub fn token_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut start: Option<usize> = None;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // ASCII fast path: one byte, no char decoding.
        let (alnum, len) = if b[i] < 0x80 {
            (b[i].is_ascii_alphanumeric(), 1)
        } else {
            match s[i..].chars().next() {
                Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                None => break,
            }
        };
        if alnum {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push((st, i));
        }
        i += len;
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Reference implementation of [`token_ranges`] (char by char), for tests.
#[cfg(test)]
fn token_ranges_slow(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push((st, i));
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Appends the folded form of one token (lower case, no diacritics) to `out`.
pub fn fold_token_into(tok: &str, out: &mut String) {
    if tok.is_ascii() {
        let at = out.len();
        out.push_str(tok);
        if let Some(tail) = out.get_mut(at..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for c in tok.chars() {
        fold_char_into(c, out);
    }
}

/// Appends the folded form of one char of a token to `out` (see [`fold_token_into`], which
/// folds a token char by char).
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ı' => out.push('i'),
        'þ' | 'Þ' => out.push_str("th"),
        'ə' | 'Ə' => out.push('e'),
        _ => {
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            let b = base.unwrap_or(c);
            for l in b.to_lowercase() {
                if l.is_alphanumeric() {
                    out.push(l);
                }
            }
        }
    }
}

/// Folded key of a whole name: folded tokens joined by single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into `out` (emptied first), its tokens cut as [`token_ranges`] cuts them but
/// without their list: for names folded one after another into one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    fold_onto(s, out);
}

/// [`fold`] appended to `out` (what it holds is kept): for names folded one after another into
/// one buffer, each at its own offset.
pub fn fold_onto(s: &str, out: &mut String) {
    let at = out.len();
    let b = s.as_bytes();
    if b.is_ascii() {
        // (Most names: their letters and digits lower-cased byte by byte, one space for each
        // run of other bytes between two tokens; no token cut out and scanned again.)
        let mut gap = false;
        for &c in b {
            if c.is_ascii_alphanumeric() {
                if gap && out.len() > at {
                    out.push(' ');
                }
                gap = false;
                out.push(char::from(c.to_ascii_lowercase()));
            } else {
                gap = true;
            }
        }
        return;
    }
    // Char by char: each token's chars folded as they come (a space first when something was
    // written before it), Latin letters with diacritics through a table.
    let mut in_token = false;
    for c in s.chars() {
        let latin = latin_char(c);
        let alnum = match latin {
            Some(l) => l.alnum,
            None if c.is_ascii() => c.is_ascii_alphanumeric(),
            None => c.is_alphanumeric(),
        };
        if !alnum {
            in_token = false;
            continue;
        }
        if !in_token && out.len() > at {
            out.push(' ');
        }
        in_token = true;
        match latin {
            Some(l) => out.push_str(l.folded()),
            None => fold_char_into(c, out),
        }
    }
}

/// What [`fold_onto`] reads of a char of [`LATIN`]: whether it is alphanumeric, and its
/// folded form ([`fold_char_into`]), computed once by those functions.
#[derive(Clone, Copy)]
struct LatinChar {
    alnum: bool,
    len: u8,
    fold: [u8; 6],
}

impl LatinChar {
    fn folded(&self) -> &str {
        std::str::from_utf8(self.fold.get(..self.len as usize).unwrap_or(&[])).unwrap_or("")
    }
}

/// Chars held in [`latin_char`]'s table: Latin-1 and Latin Extended-A and -B, the letters with
/// diacritics of most place names, which [`fold_char_into`] would decompose one by one.
const LATIN: std::ops::Range<u32> = 0x80..0x250;

/// The table entry of a char of [`LATIN`] (`None` for other chars, and for one whose folded
/// form would not fit).
#[inline]
fn latin_char(c: char) -> Option<&'static LatinChar> {
    static TABLE: std::sync::OnceLock<Vec<Option<LatinChar>>> = std::sync::OnceLock::new();
    let i = (c as u32).checked_sub(LATIN.start)?;
    if c as u32 >= LATIN.end {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        let mut folded = String::new();
        LATIN
            .map(|u| {
                let c = char::from_u32(u)?;
                folded.clear();
                fold_char_into(c, &mut folded);
                let mut fold = [0; 6];
                fold.get_mut(..folded.len())?.copy_from_slice(folded.as_bytes());
                Some(LatinChar { alnum: c.is_alphanumeric(), len: folded.len() as u8, fold })
            })
            .collect()
    });
    table.get(i as usize)?.as_ref()
}

/// Arabic article forms as they appear in French and English transliterations.
pub const ARTICLES: &[&str] = &[
    "al", "el", "ul", "ad", "ed", "ud", "ash", "esh", "ach", "ech", "as", "es", "az", "ez", "ar",
    "er", "at", "et", "an", "en", "ath", "adh", "az",
];

/// Whether a folded token is an Arabic article.
pub fn is_article(t: &str) -> bool {
    is_article_bytes(t.as_bytes())
}

/// [`is_article`] of a token's bytes: [`ARTICLES`] written as a pattern of bytes (a test of
/// the length and a few bytes, no search of the list). Asked of every token of the names a
/// transliteration guess compares, and of most tokens by the tokenizer.
#[inline]
pub fn is_article_bytes(t: &[u8]) -> bool {
    matches!(
        t,
        [b'a' | b'e', b'l' | b'd' | b's' | b'z' | b'r' | b't' | b'n']
            | [b'u', b'l' | b'd']
            | [b'a' | b'e', b's' | b'c', b'h']
            | [b'a', b't' | b'd', b'h']
    )
}

/// Skeleton of a sequence of folded tokens (see the module docs). Empty when nothing is left.
pub fn skeleton_of<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    // The kept tokens joined into a buffer on the stack (a name's few words; a longer one on
    // the heap): no list of the tokens and no joined string allocated (a transliteration guess
    // makes a skeleton for every new capitalised name).
    let mut it = tokens.into_iter();
    let (first, second) = (it.next(), it.next());
    let several = second.is_some();
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut heap: Vec<u8> = Vec::new();
    for t in first.into_iter().chain(second).chain(it) {
        if several && is_article(t) {
            continue;
        }
        let t = t.as_bytes();
        match buf.get_mut(len..len + t.len()) {
            Some(dst) if heap.is_empty() => {
                dst.copy_from_slice(t);
                len += t.len();
            }
            _ => {
                if heap.is_empty() {
                    heap.extend_from_slice(&buf[..len]);
                }
                heap.extend_from_slice(t);
            }
        }
    }
    let b: &[u8] = if heap.is_empty() { &buf[..len] } else { &heap };
    let mut s = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let n = b.get(i + 1).copied().unwrap_or(0);
        let (mapped, step): (Option<u8>, usize) = match (c, n) {
            (b's', b'h') | (b'c', b'h') => (Some(b's'), 2),
            (b'k', b'h') => (Some(b'k'), 2),
            (b'g', b'h') => (Some(b'g'), 2),
            (b't', b'h') => (Some(b't'), 2),
            (b'd', b'h') => (Some(b'd'), 2),
            (b'p', b'h') => (Some(b'f'), 2),
            (b'd', b'j') => (Some(b'j'), 2),
            (b'q', _) | (b'c', _) => (Some(b'k'), 1),
            (b'z', _) => (Some(b'z'), 1),
            (b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'h', _) => (None, 1),
            (x, _) if x.is_ascii_alphanumeric() => (Some(x), 1),
            _ => (None, 1),
        };
        if let Some(m) = mapped {
            if s.as_bytes().last() != Some(&m) {
                s.push(m as char);
            }
        }
        i += step;
    }
    s
}

/// The tokens of a folded name without its Arabic articles (a one-token name keeps its token).
/// (Cut at its space bytes by a loop over the bytes: names are short, and a `str` searcher costs
/// more to set up than to run on them.)
fn core_tokens(s: &str) -> impl Iterator<Item = &str> {
    let single = !s.as_bytes().contains(&b' ');
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(k) => {
                rest = r.get(k + 1..);
                r.get(..k)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
    .filter(move |t| single || !is_article(t))
}

/// Whether two folded names may be transliterations of each other judging by their first
/// letter (articles skipped): the same letter, or both vowels (Erbil / Arbil / Irbil).
pub fn initials_compatible(a: &str, b: &str) -> bool {
    initials_agree(initial(a), initial(b))
}

/// The first letter of a folded name, articles skipped (see [`initials_compatible`]).
pub fn initial(s: &str) -> Option<u8> {
    core_tokens(s).next().and_then(|t| t.bytes().next())
}

/// [`initials_compatible`] of two names by their [`initial`]s.
pub fn initials_agree(a: Option<u8>, b: Option<u8>) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    match (a, b) {
        (Some(x), Some(y)) => {
            x == y
                || (vowel(x) && vowel(y))
                || matches!((x, y), (b'q', b'k') | (b'k', b'q') | (b'c', b'k') | (b'k', b'c'))
        }
        _ => false,
    }
}

/// Longest name (in chars, articles dropped) that [`distance_ratio`] compares; longer ones are
/// never transliteration variants worth the quadratic cost.
const MAX_RATIO_CHARS: usize = 64;

/// Chars of the core tokens joined by single spaces, into a stack buffer; `None` when too long.
fn core_chars(s: &str, buf: &mut [char; MAX_RATIO_CHARS]) -> Option<usize> {
    let mut n = 0;
    for (k, t) in core_tokens(s).enumerate() {
        for c in (k > 0).then_some(' ').into_iter().chain(t.chars()) {
            *buf.get_mut(n)? = c;
            n += 1;
        }
    }
    Some(n)
}

/// Whether a folded name is its own core: its core tokens joined by single spaces (what
/// [`distance_ratio`] compares) are the name itself, as for most names (one token, or no
/// Arabic article among several, each one space apart).
pub fn is_own_core(s: &str) -> bool {
    let mut joined = String::with_capacity(s.len());
    for (k, t) in core_tokens(s).enumerate() {
        if k > 0 {
            joined.push(' ');
        }
        joined.push_str(t);
    }
    joined == s
}

/// Chars of a folded name that [`distance_ratio`] compares: its core tokens' chars, and one
/// space between each two.
pub fn core_len(s: &str) -> usize {
    core_tokens(s).enumerate().map(|(k, t)| usize::from(k > 0) + t.chars().count()).sum()
}

/// Whether names of `la` and `lb` chars ([`core_len`]) differ too much in length for their
/// [`distance_ratio`] to be at most `max`: the edit distance is at least the difference of
/// the lengths, so the ratio is at least that difference over the longer length. `false`
/// (the distance answers) when either is too long to compare or both are empty.
pub fn lengths_exceed(la: usize, lb: usize, max: f64) -> bool {
    let longer = la.max(lb);
    longer > 0 && longer <= MAX_RATIO_CHARS && la.abs_diff(lb) as f64 / longer as f64 > max
}

/// Levenshtein distance of two folded names, without their Arabic articles, divided by the
/// longer length (0 = equal, 1 = nothing in common). Allocation-free: it runs on every
/// transliteration candidate.
pub fn distance_ratio(a: &str, b: &str) -> f64 {
    let (mut ba, mut bb) = (['\0'; MAX_RATIO_CHARS], ['\0'; MAX_RATIO_CHARS]);
    let (Some(la), Some(lb)) = (core_chars(a, &mut ba), core_chars(b, &mut bb)) else {
        return 1.0;
    };
    if la == 0 && lb == 0 {
        return 0.0;
    }
    let (a, b) = (&ba[..la], &bb[..lb]);
    let mut prev = [0usize; MAX_RATIO_CHARS + 1];
    let mut cur = [0usize; MAX_RATIO_CHARS + 1];
    for (j, p) in prev.iter_mut().enumerate().take(lb + 1) {
        *p = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[lb] as f64 / la.max(lb) as f64
}

/// Whether [`distance_ratio`] of `a` and `b` is at most `max`, the same answer sooner: a row
/// of the edit-distance table bounds the distance from below, so a pair is given up as soon
/// as every cell of a row exceeds the bound.
pub fn distance_ratio_within(a: &str, b: &str, max: f64) -> bool {
    Probe::new(a).distance_ratio_within(b, max)
}

/// A folded name prepared once for [`initials_compatible`] and [`distance_ratio_within`]
/// against many others (a transliteration guess against its candidates' names).
pub struct Probe {
    chars: [char; MAX_RATIO_CHARS],
    /// Chars of the core tokens (`None`: too long to compare).
    len: Option<usize>,
    initial: Option<u8>,
    /// Per ASCII char, where the core chars are that char (bit `k`: the `k`th), for the
    /// bit-parallel edit distance (other chars are looked for in `chars`).
    ascii_at: [u64; 128],
}

impl Probe {
    /// Prepares the folded name `a`.
    pub fn new(a: &str) -> Probe {
        let mut chars = ['\0'; MAX_RATIO_CHARS];
        let len = core_chars(a, &mut chars);
        let mut ascii_at = [0u64; 128];
        for (k, &c) in chars.iter().enumerate().take(len.unwrap_or(0)) {
            if let Some(m) = ascii_at.get_mut(c as usize) {
                *m |= 1 << k;
            }
        }
        Probe { chars, len, initial: initial(a), ascii_at }
    }

    /// Where the core chars are `c` (bit `k`: the `k`th).
    #[inline]
    fn positions(&self, c: char) -> u64 {
        match self.ascii_at.get(c as usize) {
            Some(&m) => m,
            None => self.chars[..self.len.unwrap_or(0)]
                .iter()
                .enumerate()
                .filter(|&(_, &d)| d == c)
                .fold(0, |m, (k, _)| m | 1 << k),
        }
    }

    /// [`initials_compatible`] of the prepared name and `b`.
    pub fn initials_compatible(&self, b: &str) -> bool {
        initials_agree(self.initial, initial(b))
    }

    /// [`distance_ratio_within`] of the prepared name and `b`.
    ///
    /// The edit distance is computed a column at a time with the prepared name's chars as the
    /// bits of a word (Myers' bit-parallel algorithm, as Hyyrö states it for the distance of
    /// two whole strings): a few word operations per char of `b` where the table cost one cell
    /// per pair of chars. `b`'s core chars are read as they come, not copied.
    pub fn distance_ratio_within(&self, b: &str, max: f64) -> bool {
        let chars = core_tokens(b)
            .enumerate()
            .flat_map(|(k, t)| (k > 0).then_some(' ').into_iter().chain(t.chars()));
        self.distance_of_chars_within(chars, max)
    }

    /// [`Probe::distance_ratio_within`] of a name that is its own core ([`is_own_core`]: one
    /// token, or no Arabic article among its tokens), whose chars are read as they stand
    /// rather than cut into tokens first.
    pub fn own_core_distance_ratio_within(&self, b: &str, max: f64) -> bool {
        self.distance_of_chars_within(b.chars(), max)
    }

    /// [`Probe::distance_ratio_within`] of the name whose core chars are `chars`.
    #[inline]
    fn distance_of_chars_within(&self, chars: impl Iterator<Item = char>, max: f64) -> bool {
        let Some(la) = self.len else {
            return 1.0 <= max;
        };
        // Bits `la..` hold garbage that never reaches the bits below: they only carry upward.
        let top = if la == 0 { 0 } else { 1u64 << (la - 1) };
        // Vertical deltas of the current column (+1 and -1), and the last row's cell.
        let (mut plus, mut minus, mut dist) = (u64::MAX, 0u64, la);
        let mut lb = 0;
        for c in chars {
            lb += 1;
            if lb > MAX_RATIO_CHARS {
                return 1.0 <= max;
            }
            let eq = self.positions(c);
            let xv = eq | minus;
            let xh = ((eq & plus).wrapping_add(plus) ^ plus) | eq;
            let mut ph = minus | !(xh | plus);
            let mut mh = plus & xh;
            if ph & top != 0 {
                dist += 1;
            } else if mh & top != 0 {
                dist -= 1;
            }
            // The first row grows by one per char of `b`.
            ph = ph << 1 | 1;
            mh <<= 1;
            plus = mh | !(xv | ph);
            minus = ph & xv;
        }
        if la == 0 {
            // No column of bits: the distance is `b`'s length.
            dist = lb;
        }
        if la == 0 && lb == 0 {
            return 0.0 <= max;
        }
        dist as f64 / la.max(lb) as f64 <= max
    }
}

/// Skeleton of a whole name.
pub fn skeleton(s: &str) -> String {
    let f = fold(s);
    skeleton_of(f.split(' '))
}

/// Seed of [`word_bytes_hash`].
const WORD_SEED: u64 = 0x243f_6a88_85a3_08d3;
/// Multiplier of [`word_bytes_hash`]'s eight-byte words.
const WORD_MUL: u64 = 0x9e37_79b9_7f4a_7c15;
/// Constants of [`phrase_continue`]: one for the phrase so far, one for the next word.
const PHRASE_A: u64 = 0xa076_1d64_78bd_642f;
const PHRASE_B: u64 = 0xe703_7ed1_a0b4_28db;

/// The 128-bit product of `a` and `b`, its two halves folded together: every bit of either
/// factor reaches the high and the low bits (the tables read a hash's top bits, the maps its
/// low bits).
#[inline(always)]
pub fn fold_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Hash of one folded word (no space in it), as the tagger's tables key it: its bytes read
/// eight at a time as little-endian words (the last one padded with zero bytes), each folded
/// into the state by one multiply ([`word_hash_step`]), from a seed mixed with the length
/// ([`word_hash_start`]). A word of up to eight bytes (most words) costs one multiply, where
/// hashing byte by byte cost one per byte; the tokenizer computes the same value from the
/// word's bytes in place. Shared with the build script, whose filters must agree.
#[inline]
pub fn word_bytes_hash(b: &[u8]) -> u64 {
    let mut h = word_hash_start(b.len());
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = word_hash_step(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // (Byte by byte: a copy of a few bytes would call `memcpy`.)
        let x = rest.iter().rev().fold(0u64, |x, &b| x << 8 | u64::from(b));
        h = word_hash_step(h, x);
    }
    h
}

/// [`word_bytes_hash`]'s state before a word of `len` bytes.
#[inline(always)]
pub fn word_hash_start(len: usize) -> u64 {
    WORD_SEED ^ len as u64
}

/// [`word_bytes_hash`]'s state after the next eight bytes of a word, as the little-endian word
/// `x` (zero-padded past the word's end).
#[inline(always)]
pub fn word_hash_step(h: u64, x: u64) -> u64 {
    fold_mul(h ^ x, WORD_MUL)
}

/// The hash of a phrase continued with the next word's hash: a phrase's hash is its first
/// word's, continued word by word (so the tagger hashes a phrase of tokens from their hashes,
/// without joining them). Two independent factors: "Bora Bora" does not cancel out.
#[inline(always)]
pub fn phrase_continue(h: u64, word: u64) -> u64 {
    fold_mul(h ^ PHRASE_A, word ^ PHRASE_B)
}

/// Hash of a folded word or phrase (words joined by single spaces): the first word's
/// [`word_bytes_hash`] continued with each next word's ([`phrase_continue`]).
pub fn key_hash(s: &str) -> u64 {
    let mut words = s.as_bytes().split(|&b| b == b' ');
    let first = word_bytes_hash(words.next().unwrap_or(b""));
    words.fold(first, |h, w| phrase_continue(h, word_bytes_hash(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_pattern_is_the_article_list() {
        let letters = b"abcdehlnrstuz";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            words.extend(longer.into_iter().filter(|w| w.len() <= 4));
            words.sort();
            words.dedup();
        }
        for w in &words {
            let s = std::str::from_utf8(w).unwrap();
            assert_eq!(is_article_bytes(w), ARTICLES.contains(&s), "{s}");
        }
    }

    #[test]
    fn ascii_names_fold_as_tokens() {
        for s in
            ["", " ", "Al-Anbar", "  Ras al  Ain ", "Deir ez-Zor", "A1 b2", "x", "'s-Hertogenbosch"]
        {
            let want = folded_by_tokens(s);
            assert_eq!(fold(s), want, "{s:?}");
            let mut onto = String::from("kept");
            fold_onto(s, &mut onto);
            assert_eq!(onto, format!("kept{want}"), "{s:?}");
        }
    }

    #[test]
    fn names_fold_as_tokens() {
        // Every char of the Latin table and some beyond, in names of one and more tokens.
        let mut names: Vec<String> = (0x20..0x300u32)
            .filter_map(char::from_u32)
            .map(|c| format!("{c}a{c} b-{c}{c}"))
            .collect();
        names.extend(
            [
                "Al Fallūjah",
                "Ḩalab",
                "Dayr az Zawr",
                "İzmir",
                "Ærøskøbing",
                "São Tomé",
                "ß-ẞ",
                "Ω Ⅻ ǅ",
            ]
            .map(String::from),
        );
        for s in &names {
            assert_eq!(fold(s), folded_by_tokens(s), "{s:?}");
        }
    }

    /// The folding of `s` token by token, joined by spaces: what [`fold`] must equal.
    fn folded_by_tokens(s: &str) -> String {
        let mut want = String::new();
        for (a, b) in token_ranges(s) {
            if !want.is_empty() {
                want.push(' ');
            }
            fold_token_into(&s[a..b], &mut want);
        }
        want
    }

    #[test]
    fn core_tokens_cut_as_split() {
        for s in ["", " ", "al", "al anbar", "ras al ain", "a  b", " al", "al ", "x y z", "é al ü"]
        {
            let single = !s.contains(' ');
            let want: Vec<&str> = s.split(' ').filter(|t| single || !is_article(t)).collect();
            assert_eq!(core_tokens(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn word_hashes_agree() {
        for w in ["", "a", "al", "bagdad", "baghdadi", "kafrnabudah", "abcdefghijklmnopq"] {
            let b = w.as_bytes();
            if (1..=8).contains(&b.len()) {
                let x = b.iter().rev().fold(0u64, |x, &c| x << 8 | u64::from(c));
                assert_eq!(word_hash_step(word_hash_start(b.len()), x), word_bytes_hash(b));
            }
            assert_eq!(key_hash(w), word_bytes_hash(b), "{w}");
        }
        let h = |w: &str| word_bytes_hash(w.as_bytes());
        assert_eq!(
            key_hash("ras al ain"),
            phrase_continue(phrase_continue(h("ras"), h("al")), h("ain"))
        );
        assert_ne!(key_hash("bora bora"), key_hash("bora"));
        assert_ne!(key_hash("ab"), key_hash("ab\0"));
    }

    #[test]
    fn folds_names() {
        for (a, b) in [
            ("Aïn al-Asad", "ain al asad"),
            ("d’Erbil", "d erbil"),
            ("États-Unis", "etats unis"),
            ("U.S.", "u s"),
            ("Deir ez-Zor", "deir ez zor"),
            ("Şanlıurfa", "sanliurfa"),
            ("Œuvre", "oeuvre"),
            ("", ""),
        ] {
            assert_eq!(fold(a), b, "{a}");
        }
        // Folding into a buffer cuts the tokens as `token_ranges` does.
        let mut buf = String::from("stale");
        for s in ["", " ", "a", "--a--b--", "Aïn al-Asad ", "ﷺ x", "É", "1er mai", "d’Erbil"]
        {
            let mut want = String::new();
            for (a, b) in token_ranges(s) {
                if !want.is_empty() {
                    want.push(' ');
                }
                fold_token_into(&s[a..b], &mut want);
            }
            fold_into(s, &mut buf);
            assert_eq!(buf, want, "{s}");
        }
    }

    #[test]
    fn skeletons_survive_transliteration() {
        for (a, b) in [
            ("Ayn al Asad", "Aïn el-Assad"),
            ("Deir ez-Zor", "Dayr az Zawr"),
            ("Erbil", "Arbil"),
            ("Hachd al-Chaabi", "Hashd al-Shaabi"),
            ("Fallouja", "Fallujah"),
            ("Qaim", "Al-Kaïm"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
        assert_ne!(skeleton("Mosul"), skeleton("Basra"));
        assert!(initials_compatible("erbil", "arbil"));
        assert!(initials_compatible("al qaim", "kaim"));
        assert!(!initials_compatible("a turkish", "tsuruoka"));
        assert!(distance_ratio("militia", "malta") > 0.35);
        assert!(distance_ratio("fallouja", "fallujah") < 0.35);
        assert_eq!(distance_ratio("", ""), 0.0);
        assert_eq!(distance_ratio("al anbar", "anbar"), 0.0);
        assert!((distance_ratio("abc", "abd") - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(distance_ratio(&"x".repeat(200), "x"), 1.0);
        // The early-exit test answers as the full ratio.
        let names = [
            "",
            "x",
            "al anbar",
            "anbar",
            "fallouja",
            "fallujah",
            "militia",
            "malta",
            "mossoul",
            "mosul",
            "al mawsil",
            "deir ez zor",
            "dayr az zawr",
            "erbil",
            "arbil",
            "irbil",
            "ras al ain",
            "ras el ain",
            "tikrit",
            "tekrit",
            "abc",
            "abd",
            "ab",
            "xyzxyzxyz",
        ];
        for a in names {
            for b in names {
                for max in [0.0, 0.2, 0.35, 0.5, 1.0] {
                    assert_eq!(distance_ratio_within(a, b, max), distance_ratio(a, b) <= max);
                }
            }
        }
        assert!(!distance_ratio_within(&"x".repeat(200), "x", 0.35));
        assert!(!distance_ratio_within("x", &"x".repeat(200), 0.35));
        assert!(distance_ratio_within(&"x".repeat(64), &"x".repeat(64), 0.0));
        // Random names over a few letters, spaces, articles and wide chars, up to past the
        // longest compared: the bit-parallel distance answers as the table.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let parts = ["a", "b", "e", "l", "al", " ", "é", "ü", "ك", "r", "z"];
        for _ in 0..4000 {
            let mut name = || {
                let n = next(40) + if next(10) == 0 { 40 } else { 0 };
                (0..n).map(|_| parts[next(parts.len() as u64) as usize]).collect::<String>()
            };
            let (a, b) = (name(), name());
            for max in [0.0, 0.2, 0.35, 0.5, 1.0] {
                assert_eq!(
                    distance_ratio_within(&a, &b, max),
                    distance_ratio(&a, &b) <= max,
                    "{a:?} {b:?} {max}"
                );
            }
        }
        for a in names {
            for b in names {
                assert_eq!(Probe::new(a).initials_compatible(b), initials_compatible(a, b));
            }
        }
        // The length bound never rules out a pair the distance keeps, and rules out some.
        let mut ruled_out = 0;
        for _ in 0..4000 {
            let mut name = || {
                let n = next(12) + if next(10) == 0 { 60 } else { 0 };
                (0..n).map(|_| parts[next(parts.len() as u64) as usize]).collect::<String>()
            };
            let (a, b) = (name(), name());
            let mut chars = ['\0'; MAX_RATIO_CHARS];
            // `core_len` counts the chars `core_chars` lists.
            let n = core_len(&a);
            assert_eq!(core_chars(&a, &mut chars), (n <= MAX_RATIO_CHARS).then_some(n));
            for max in [0.0, 0.2, 0.35, 0.5, 1.0] {
                if lengths_exceed(core_len(&a), core_len(&b), max) {
                    assert!(!distance_ratio_within(&a, &b, max), "{a:?} {b:?} {max}");
                    ruled_out += 1;
                }
            }
        }
        assert!(ruled_out > 1000, "{ruled_out}");
        // A name that is its own core has the distance of its chars as they stand.
        let mut own = 0;
        for _ in 0..4000 {
            let mut name = || {
                let n = next(12) + if next(10) == 0 { 60 } else { 0 };
                (0..n).map(|_| parts[next(parts.len() as u64) as usize]).collect::<String>()
            };
            let (a, b) = (name(), name());
            if is_own_core(&b) {
                own += 1;
                for max in [0.0, 0.2, 0.35, 0.5, 1.0] {
                    let probe = Probe::new(&a);
                    assert_eq!(
                        probe.own_core_distance_ratio_within(&b, max),
                        probe.distance_ratio_within(&b, max),
                        "{a:?} {b:?} {max}"
                    );
                }
            }
        }
        assert!(own > 500, "{own}");
        assert!(is_own_core("mosul") && is_own_core("tall abyad") && is_own_core(""));
        assert!(!is_own_core("al anbar") && !is_own_core("ras el ain"));
        assert!(!lengths_exceed(0, 0, 0.0));
        assert!(!lengths_exceed(3, 200, 0.35));
    }

    #[test]
    fn token_ranges_are_char_boundaries() {
        let s = "l’aéroport d'Erbil, près";
        for (a, b) in token_ranges(s) {
            assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
        }
        assert_eq!(token_ranges(s).len(), 5);
        for t in [s, "", "a", "é", "U.S. and l'Irak — 12 km", "ﷺ x\u{0}y", "Ab\u{300}c d"] {
            assert_eq!(token_ranges(t), token_ranges_slow(t), "{t:?}");
        }
    }
}
