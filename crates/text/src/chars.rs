//! Char classes with a fast answer for the Latin letters of European
//! languages. The standard library answers U+00C0–U+024F (é, ç, ï, ş, ğ…)
//! from its general Unicode tables; in that block every char is a letter
//! except × and ÷, so a range check gives the same answer sooner.

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
}
