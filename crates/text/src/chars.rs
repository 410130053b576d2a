//! Char classes with a fast answer for the Latin letters of European
//! languages. The standard library answers U+00C0–U+024F (é, ç, ï, ş, ğ…)
//! from its general Unicode tables; in that block every char is a letter
//! except × and ÷, so a range check gives the same answer sooner.
//!
//! Runs of ASCII letters (and digits) are measured eight bytes at a time:
//! byte-parallel range tests on a `u64` ("SWAR").

/// Same as [`char::is_alphabetic`].
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{C0}'..='\u{24F}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

/// Same as [`char::is_alphanumeric`] (no char of U+00C0–U+024F is numeric).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{C0}'..='\u{24F}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphanumeric()
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte of `x` (7-bit bytes) set iff lo <= byte <= hi: for a
/// 7-bit value v, v + (0x80 - lo) has its high bit set iff v >= lo, and no
/// byte carries into the next.
fn in_range(x: u64, lo: u64, hi: u64) -> u64 {
    x.wrapping_add((0x80 - lo) * ONES) & !x.wrapping_add((0x7F - hi) * ONES)
}

/// How many leading bytes of `chunk` (eight bytes read little-endian, so in
/// memory order) have their high bit set in `hits` or are not ASCII.
fn prefix(chunk: u64, hits: impl Fn(u64) -> u64) -> usize {
    let ascii = !chunk & HIGH;
    let stop = !hits(chunk & !HIGH) & ascii | !ascii & HIGH;
    (stop & HIGH).trailing_zeros() as usize / 8
}

/// How many leading bytes of `chunk` are ASCII letters or digits.
pub(crate) fn ascii_alnum_prefix(chunk: u64) -> usize {
    prefix(chunk, |x| in_range(x, 0x30, 0x39) | in_range(x | (0x20 * ONES), 0x61, 0x7A))
}

/// How many leading bytes of `chunk` are ASCII letters.
pub(crate) fn ascii_alpha_prefix(chunk: u64) -> usize {
    prefix(chunk, |x| in_range(x | (0x20 * ONES), 0x61, 0x7A))
}

/// Length of the run of ASCII letters at the start of `bytes`.
pub(crate) fn ascii_alpha_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(Ok(chunk)) = bytes.get(n..n + 8).map(<[u8; 8]>::try_from) {
        let k = ascii_alpha_prefix(u64::from_le_bytes(chunk));
        n += k;
        if k < 8 {
            return n;
        }
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_std_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn scalar(c: [u8; 8], alnum: bool) -> usize {
        let ok = |b: &&u8| if alnum { b.is_ascii_alphanumeric() } else { b.is_ascii_alphabetic() };
        c.iter().take_while(ok).count()
    }

    #[test]
    fn prefixes_agree_with_bytes() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut c = *b"aZ09mQzA";
                c[pos] = b;
                let k = u64::from_le_bytes(c);
                assert_eq!(ascii_alnum_prefix(k), scalar(c, true), "{c:?}");
                assert_eq!(ascii_alpha_prefix(k), scalar(c, false), "{c:?}");
            }
        }
        for text in ["", "a", "abcdefgh", "abcdefghijklmnopq", "Les États", "abcdefghi,j", "é"] {
            let want = text.bytes().take_while(u8::is_ascii_alphabetic).count();
            assert_eq!(ascii_alpha_run(text.as_bytes()), want, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn prefixes_agree_with_bytes_on_random_chunks(c in proptest::array::uniform8(0u8..)) {
            let k = u64::from_le_bytes(c);
            proptest::prop_assert_eq!(ascii_alnum_prefix(k), scalar(c, true));
            proptest::prop_assert_eq!(ascii_alpha_prefix(k), scalar(c, false));
        }
    }
}
