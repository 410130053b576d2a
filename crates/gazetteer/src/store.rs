//! The compiled gazetteer: fixed-width records and FST name indexes, embedded in the binary by
//! `build.rs` and read in place (nothing is parsed at load time).

use fst::raw::Fst;
use fst::Map;

/// Size of one record in bytes (layout written by `build.rs`).
const REC: usize = 32;

static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/records.bin"));
/// The names, as one string (written by `build.rs` from Rust strings): checked as UTF-8 when
/// compiled, so a name is a slice, with no check of the 3 MB pool (and no read of all its
/// pages) when the first name is read.
static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/strings.bin"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
static EXACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/exact.fst"));
static SKEL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/skel.fst"));
static COMMON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common.bin"));
/// The folded names (`norm::fold`) of the records the skeleton map's postings hold, each
/// record's once (written by `build.rs` from Rust strings, so a name is a slice, as in
/// [`STRINGS`]).
static SKEL_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/skel_names.bin"));
/// One bit per skeleton key, indexed by the top [`SKELETON_FILTER_BITS`] bits of its hash
/// (`norm::word_bytes_hash`; see `build.rs`): about half the skeletons a transliteration guess
/// looks up are no key, and a clear bit says so without walking the skeleton map.
static SKEL_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/skel_filter.bin"));

/// Bits of [`SKEL_FILTER`] (128 KB, about one bit in sixteen set; `build.rs` mirrors it).
const SKELETON_FILTER_BITS: u32 = 20;

/// Where the skeleton map's postings start in [`POSTINGS`] (a little-endian `u32`), then per
/// skeleton posting, in [`POSTINGS`]' order, eight bytes: its record's folded name in
/// [`SKEL_NAMES`] (offset `u32`, length `u16` with [`OWN_CORE`]), the name's initial (`norm::initial`, 0 for
/// none) and its chars compared by a spelling distance (`norm::core_len`, 255 for that many or
/// more). See [`Store::skeleton_name`].
static SKEL_NAME_REFS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/skel_name_refs.bin"));

/// Flag on a name's length in [`SKEL_NAME_REFS`]: the name is its own core
/// (`norm::is_own_core`; `build.rs` mirrors it).
const OWN_CORE: u16 = 1 << 15;
/// One bit per first word of the folded keys, indexed by the top [`FIRST_WORD_BITS`] bits of
/// its hash (`norm::word_bytes_hash`; see `build.rs`).
static FIRST_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/first_words.bin"));

/// Bits of [`FIRST_WORDS`] (as a power of two; `build.rs` mirrors it).
const FIRST_WORD_BITS: u32 = 21;

/// One bit per pair of consecutive words of the folded keys, indexed by the top [`PAIR_BITS`]
/// bits of [`pair_hash`] (see `build.rs`).
static PAIRS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pairs.bin"));

/// Bits of [`PAIRS`] (256 KB, about one bit in ten set, so a pair of words in no key passes
/// one time in ten; at 128 KB one in five did, each walking the map for nothing; `build.rs`
/// mirrors it).
const PAIR_BITS: u32 = 21;

/// Hash of two consecutive words from their hashes (`build.rs` mirrors it).
fn pair_hash(a: u64, b: u64) -> u64 {
    (a.rotate_left(29) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Kind of a record (mirrors `kind_code` in `build.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Continent.
    Continent,
    /// Independent country.
    Country,
    /// First-level division.
    Admin1,
    /// Second-level division.
    Admin2,
    /// Capital city.
    Capital,
    /// Populated place.
    City,
    /// Airport or airfield.
    Airport,
    /// Military base.
    MilitaryBase,
    /// Oil or gas field.
    OilField,
    /// Border line or border area.
    Border,
    /// Other site (embassy, camp, dam, port, crossing…).
    Site,
    /// Named region.
    Region,
    /// Water body.
    Water,
}

impl Kind {
    fn from_code(c: u8) -> Kind {
        match c {
            0 => Kind::Continent,
            1 => Kind::Country,
            2 => Kind::Admin1,
            3 => Kind::Admin2,
            4 => Kind::Capital,
            5 => Kind::City,
            6 => Kind::Airport,
            7 => Kind::MilitaryBase,
            8 => Kind::OilField,
            9 => Kind::Border,
            11 => Kind::Region,
            12 => Kind::Water,
            _ => Kind::Site,
        }
    }

    /// The v1 contract's `feature` value.
    pub fn feature(self) -> &'static str {
        match self {
            Kind::Continent | Kind::Region => "region",
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Capital | Kind::City => "city",
            Kind::Airport => "airport",
            Kind::MilitaryBase => "military_base",
            Kind::OilField => "oil_field",
            Kind::Border => "border",
            Kind::Site => "site",
            Kind::Water => "water",
        }
    }

    /// The v1 contract's `precision` value.
    pub fn precision(self) -> &'static str {
        match self {
            Kind::Continent | Kind::Region | Kind::Border | Kind::Water => "region",
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Capital | Kind::City => "city",
            _ => "site",
        }
    }

    /// Whether this is a facility or site (a point smaller than a town).
    pub fn is_site(self) -> bool {
        matches!(
            self,
            Kind::Airport | Kind::MilitaryBase | Kind::OilField | Kind::Site | Kind::Border
        )
    }
}

/// One place record, decoded from the record table.
#[derive(Debug, Clone, Copy)]
pub struct Rec {
    /// Index in the record table.
    pub idx: u32,
    /// GeoNames id (0 when none).
    pub geonameid: u32,
    /// Latitude, degrees (NaN when unknown).
    pub lat: f32,
    /// Longitude, degrees (NaN when unknown).
    pub lon: f32,
    /// Population (0 when unknown).
    pub population: u32,
    /// ISO 3166 alpha-2 bytes (`[0, 0]` when none).
    pub cc: [u8; 2],
    /// Index of the first-level division record, `u32::MAX` when none.
    pub admin1: u32,
    /// Kind.
    pub kind: Kind,
    /// Curated (hand-sourced) record.
    pub curated: bool,
    name_off: u32,
    name_len: u16,
}

impl Rec {
    /// Display name.
    pub fn name(&self) -> &'static str {
        let a = self.name_off as usize;
        let b = a + self.name_len as usize;
        STRINGS.get(a..b).unwrap_or("")
    }

    /// Country code as a string, if any.
    pub fn country(&self) -> Option<&'static str> {
        if self.cc == [0, 0] {
            return None;
        }
        country_str(self.cc)
    }

    /// Whether the record has coordinates.
    pub fn has_coords(&self) -> bool {
        self.lat.is_finite() && self.lon.is_finite()
    }
}

/// Static string for a country code (from the country records), so records stay `Copy`.
fn country_str(cc: [u8; 2]) -> Option<&'static str> {
    // Indexed by the two letters: whether the pair is a code, and its text.
    let (a, b) = (cc[0].wrapping_sub(b'A') as usize, cc[1].wrapping_sub(b'A') as usize);
    if a >= 26 || b >= 26 || !IS_COUNTRY_CODE[a * 26 + b] {
        return None;
    }
    let i = (a * 26 + b) * 2;
    LETTER_PAIRS_TEXT.get(i..i + 2)
}

/// [`LETTER_PAIRS`] as text, checked as UTF-8 once when compiled (not at every look-up).
static LETTER_PAIRS_TEXT: &str = match std::str::from_utf8(&LETTER_PAIRS) {
    Ok(s) => s,
    Err(_) => "",
};

/// Every pair of capital letters, "AA" to "ZZ".
static LETTER_PAIRS: [u8; 26 * 26 * 2] = {
    let mut t = [0; 26 * 26 * 2];
    let mut i = 0;
    while i < 26 * 26 {
        t[i * 2] = b'A' + (i / 26) as u8;
        t[i * 2 + 1] = b'A' + (i % 26) as u8;
        i += 1;
    }
    t
};

/// Which pairs of capital letters are in [`COUNTRY_CODES_TEXT`].
static IS_COUNTRY_CODE: [bool; 26 * 26] = {
    let mut t = [false; 26 * 26];
    let mut i = 0;
    while i + 1 < COUNTRY_CODES_TEXT.len() {
        let (a, b) = (COUNTRY_CODES_TEXT[i], COUNTRY_CODES_TEXT[i + 1]);
        if a.is_ascii_uppercase() && b.is_ascii_uppercase() {
            t[(a - b'A') as usize * 26 + (b - b'A') as usize] = true;
        }
        i += 2;
    }
    t
};

/// ISO 3166 alpha-2 codes of the country records, sorted.
const COUNTRY_CODES_TEXT: &[u8] = b"ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCSCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

/// One bit per common word, indexed by the top [`COMMON_FILTER_BITS`] bits of its hash: a clear
/// bit is an exact "not common" (see `build.rs`).
static COMMON_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_filter.bin"));

/// Bits of [`COMMON_FILTER`] (as a power of two: 32 KB, about one bit in ten set; `build.rs`
/// mirrors it).
const COMMON_FILTER_BITS: u32 = 18;

/// Where the hashes of [`COMMON`] whose top [`COMMON_INDEX_BITS`] bits are `b` start (entry
/// `b`, a little-endian `u32`) and end (entry `b + 1`; see `build.rs`).
static COMMON_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_index.bin"));

/// Top bits of a hash that [`COMMON_INDEX`] indexes (4,096 runs of about seven hashes;
/// `build.rs` mirrors it).
const COMMON_INDEX_BITS: u32 = 12;

/// Whether the bit of `hash` (its top `log2` bits) is set in a one-bit filter written by
/// `build.rs` ([`FIRST_WORDS`], [`PAIRS`], [`COMMON_FILTER`]). A clear bit is an exact "no".
#[inline]
fn filter_bit(bits: &[u8], hash: u64, log2: u32) -> bool {
    let i = (hash >> (64 - log2)) as usize;
    bits.get(i >> 3).is_none_or(|b| b >> (i & 7) & 1 == 1)
}

/// Letters and digits that [`Store::exact_prefix`] knows the first two bytes of a key from:
/// `a` to `z`, then `0` to `9`.
const PREFIX_CLASSES: usize = 36;

/// [`PREFIX_CLASSES`]' number of an ASCII lower-case letter or digit.
#[inline]
fn prefix_class(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some((b - b'a') as usize),
        b'0'..=b'9' => Some(26 + (b - b'0') as usize),
        _ => None,
    }
}

/// The state of the folded map after two bytes walked from its root: the node reached and the
/// output added on the way, or `None` when no key starts with them.
pub type PrefixStep = Option<(fst::raw::CompiledAddr, u64)>;

/// A skeleton candidate's folded name, as [`Store::skeleton_name`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkeletonName {
    /// The folded name.
    pub name: &'static str,
    /// Whether it is its own core (`norm::is_own_core`): a spelling distance reads its chars
    /// as they stand.
    pub own_core: bool,
    /// Its initial (`norm::initial`).
    pub initial: Option<u8>,
    /// Its chars a spelling distance compares (`norm::core_len`; `usize::MAX` when 255 or
    /// more, which no distance compares).
    pub core_len: usize,
}

/// The compiled tables.
pub struct Store {
    exact: Map<&'static [u8]>,
    skel: Map<&'static [u8]>,
    /// [`Store::exact_prefix`]'s answers, per pair of [`prefix_class`]es (first byte major),
    /// walked once when the store is opened (1,296 pairs, 20 KB).
    prefixes: Vec<PrefixStep>,
}

/// Walks `bytes` from the folded map's root, adding outputs: the node reached and the output.
fn walk_from_root(fst: &Fst<&'static [u8]>, bytes: &[u8]) -> PrefixStep {
    let mut node = fst.root();
    let mut out = 0;
    for &b in bytes {
        let t = node.transition(node.find_input(b)?);
        out += t.out.value();
        node = fst.node(t.addr);
    }
    Some((node.addr(), out))
}

impl Store {
    /// Opens the embedded tables (validates the FST headers only).
    pub fn open() -> Result<Store, fst::Error> {
        let exact = Map::new(EXACT)?;
        let mut prefixes = Vec::with_capacity(PREFIX_CLASSES * PREFIX_CLASSES);
        let class_byte = |c: usize| if c < 26 { b'a' + c as u8 } else { b'0' + (c - 26) as u8 };
        for a in 0..PREFIX_CLASSES {
            for b in 0..PREFIX_CLASSES {
                prefixes.push(walk_from_root(exact.as_fst(), &[class_byte(a), class_byte(b)]));
            }
        }
        Ok(Store { exact, skel: Map::new(SKEL)?, prefixes })
    }

    /// The folded map's state after the first two bytes of `word` walked from its root, when
    /// both are ASCII lower-case letters or digits (`None` otherwise: the caller walks them).
    /// A word that starts a name is walked from the root byte by byte, decoding a node per
    /// byte; its first two bytes, shared by many words, are looked up here instead.
    #[inline]
    pub fn exact_prefix(&self, word: &[u8]) -> Option<PrefixStep> {
        let (a, b) = (prefix_class(*word.first()?)?, prefix_class(*word.get(1)?)?);
        self.prefixes.get(a * PREFIX_CLASSES + b).copied()
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        RECORDS.len() / REC
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Record by index (a posting's primary-name flag is ignored).
    pub fn rec(&self, idx: u32) -> Option<Rec> {
        let idx = idx & !PRIMARY;
        let a = idx as usize * REC;
        let b = RECORDS.get(a..a + REC)?;
        let u32_at = |o: usize| u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
        Some(Rec {
            idx,
            geonameid: u32_at(0),
            lat: f32::from_bits(u32_at(4)),
            lon: f32::from_bits(u32_at(8)),
            population: u32_at(12),
            name_off: u32_at(16),
            name_len: u16::from_le_bytes([b[20], b[21]]),
            cc: [b[22], b[23]],
            admin1: u32_at(24),
            kind: Kind::from_code(b[28]),
            curated: b[29] & 1 == 1,
        })
    }

    /// Whether a folded word is a common lower-case English word that is also a place name or a
    /// skeleton key ("later", "street", "senior"; see `data/gazetteer/common_en.txt`).
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.is_common_hash(crate::lexicon::word_hash(folded))
    }

    /// Whether a folded word (by its hash, `lexicon::word_hash`) may be the first
    /// word of a key of the folded map (the key itself, or the key up to its first space).
    /// `false` is exact: no key starts with that word.
    #[inline]
    pub fn may_start_key(&self, word_hash: u64) -> bool {
        filter_bit(FIRST_WORDS, word_hash, FIRST_WORD_BITS)
    }

    /// Whether two folded words (by their hashes, as [`Store::may_start_key`]) may follow one
    /// another in a key. `false` is exact: no key holds the one word right after the other, so
    /// a walk that has matched the first word as a whole word can go no further.
    #[inline]
    pub fn may_continue(&self, word_hash: u64, next_hash: u64) -> bool {
        filter_bit(PAIRS, pair_hash(word_hash, next_hash), PAIR_BITS)
    }

    /// [`Store::is_common_word`] for a word's precomputed hash ([`crate::lexicon::word_hash`]).
    pub fn is_common_hash(&self, key: u64) -> bool {
        // Most words are not common: one bit of a small filter says so without the search.
        if !filter_bit(COMMON_FILTER, key, COMMON_FILTER_BITS) {
            return false;
        }
        // Only the run of hashes that share the key's top bits, in order (about seven).
        let entry = |b: usize| {
            let e = COMMON_INDEX.get(b * 4..b * 4 + 4)?;
            Some(u32::from_le_bytes([e[0], e[1], e[2], e[3]]) as usize)
        };
        let b = (key >> (64 - COMMON_INDEX_BITS)) as usize;
        let (Some(from), Some(to)) = (entry(b), entry(b + 1)) else {
            return false;
        };
        let run = COMMON.get(from * 8..to * 8).unwrap_or(&[]);
        for h in run.chunks_exact(8) {
            let h = u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]]);
            if h >= key {
                return h == key;
            }
        }
        false
    }

    /// The raw FST of folded keys, for walking token by token.
    pub fn exact_fst(&self) -> &Fst<&'static [u8]> {
        self.exact.as_fst()
    }

    /// The posting list value of a folded key (see [`postings_iter`]).
    pub fn exact_value(&self, key: &str) -> Option<u64> {
        self.exact.get(key)
    }

    /// Records whose folded key is exactly `key`.
    pub fn lookup_exact(&self, key: &str) -> Vec<u32> {
        self.exact.get(key).map(postings).unwrap_or_default()
    }

    /// The posting list value of a skeleton key (see [`postings_iter`]).
    pub fn skeleton_value(&self, key: &str) -> Option<u64> {
        // (A clear filter bit is an exact "no such key".)
        let hash = crate::norm::word_bytes_hash(key.as_bytes());
        if !filter_bit(SKEL_FILTER, hash, SKELETON_FILTER_BITS) {
            return None;
        }
        self.skel.get(key)
    }

    /// Whether a skeleton may be a key of the skeleton map (`false` is exact: the filter of
    /// [`Store::skeleton_value`]).
    #[inline]
    pub fn may_be_skeleton(&self, key: &str) -> bool {
        filter_bit(SKEL_FILTER, crate::norm::word_bytes_hash(key.as_bytes()), SKELETON_FILTER_BITS)
    }

    /// The raw FST of skeleton keys, for walking through a cache of its transitions.
    pub fn skel_fst(&self) -> &Fst<&'static [u8]> {
        self.skel.as_fst()
    }

    /// The folded name (`norm::fold` of [`Rec::name`]) of the record of the `k`th posting of
    /// a skeleton key's value (see [`Store::skeleton_value`]), with what a transliteration
    /// guess reads of it, compiled with the tables: the guess compares its candidates' folded
    /// names, which would otherwise be read from the name pool and folded for every guess.
    /// `None` past the posting list or for a value of the other map.
    pub fn skeleton_name(&self, v: u64, k: usize) -> Option<SkeletonName> {
        if k >= (v & 0xFFFFF) as usize {
            return None;
        }
        let word =
            |at: usize| Some(u32::from_le_bytes(SKEL_NAME_REFS.get(at..at + 4)?.try_into().ok()?));
        let start = word(0)? as usize;
        let at = 4 + ((v >> 20) as usize + k).checked_sub(start)? * 8;
        let e = SKEL_NAME_REFS.get(at..at + 8)?;
        let off = u32::from_le_bytes([e[0], e[1], e[2], e[3]]) as usize;
        let len = u16::from_le_bytes([e[4], e[5]]);
        let name = SKEL_NAMES.get(off..off + usize::from(len & !OWN_CORE))?;
        Some(SkeletonName {
            name,
            own_core: len & OWN_CORE != 0,
            initial: (e[6] != 0).then_some(e[6]),
            core_len: if e[7] == u8::MAX { usize::MAX } else { usize::from(e[7]) },
        })
    }

    /// Records whose skeleton is exactly `key`.
    pub fn lookup_skeleton(&self, key: &str) -> Vec<u32> {
        self.skeleton_value(key).map(postings).unwrap_or_default()
    }

    /// Iterates over all records.
    pub fn iter(&self) -> impl Iterator<Item = Rec> + '_ {
        (0..self.len() as u32).filter_map(|i| self.rec(i))
    }
}

/// Flag bit on a posting: the key is the record's own name, not an alternate name.
pub const PRIMARY: u32 = 1 << 31;

/// Whether a posting carries the primary-name flag.
pub fn is_primary(posting: u32) -> bool {
    posting & PRIMARY != 0
}

/// Decodes a posting list value (offset << 20 | count).
pub fn postings(v: u64) -> Vec<u32> {
    postings_iter(v).collect()
}

/// The postings of a value, without collecting them.
pub fn postings_iter(v: u64) -> impl ExactSizeIterator<Item = u32> {
    let off = (v >> 20) as usize;
    let n = (v & 0xFFFFF) as usize;
    let list = POSTINGS.get(off * 4..).unwrap_or(&[]);
    list.chunks_exact(4).take(n).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_and_finds_baghdad() {
        let s = Store::open().expect("open");
        assert!(s.len() > 200_000);
        let ids: Vec<u32> = s
            .lookup_exact("bagdad")
            .iter()
            .filter_map(|&i| s.rec(i))
            .map(|r| r.geonameid)
            .collect();
        assert!(ids.contains(&98182), "{ids:?}");
        let iq = s.lookup_exact("irak");
        let r = iq.iter().filter_map(|&i| s.rec(i)).find(|r| r.kind == Kind::Country);
        assert_eq!(r.map(|r| r.geonameid), Some(99237));
        assert_eq!(r.and_then(|r| r.country()), Some("IQ"));
        // `country_str` answers as a search of the codes.
        for a in 0..=255u8 {
            for b in [b'A', b'Q', b'W', b'Z', 0, b'a'] {
                let cc = [a, b];
                let i = COUNTRY_CODES_TEXT.chunks(2).position(|c| c == cc);
                let want =
                    i.map(|i| std::str::from_utf8(&COUNTRY_CODES_TEXT[i * 2..i * 2 + 2]).unwrap());
                assert_eq!(country_str(cc), want);
            }
        }
        assert_eq!(country_str(*b"ZW"), Some("ZW"));
        assert_eq!(country_str(*b"AD"), Some("AD"));
        assert_eq!(country_str(*b"ZZ"), None);
        // Every key's first word passes the first-word filter.
        for k in ["bagdad", "irak", "ras", "tall", "new"] {
            assert!(s.may_start_key(crate::lexicon::word_hash(k)), "{k}");
        }
        assert_eq!(FIRST_WORDS.len(), 1 << (FIRST_WORD_BITS - 3));
        // Every pair of consecutive words of a key passes the pair filter.
        let h = crate::lexicon::word_hash;
        for (a, b) in [("new", "york"), ("ras", "al"), ("al", "ain"), ("ain", "al")] {
            assert!(s.may_continue(h(a), h(b)), "{a} {b}");
        }
        assert_eq!(PAIRS.len(), 1 << (PAIR_BITS - 3));
        let set: u32 = PAIRS.iter().map(|b| b.count_ones()).sum();
        assert!(set < 1 << (PAIR_BITS - 2), "the pair filter is too full: {set} bits set");
    }

    #[test]
    fn common_filter_never_hides_a_common_word() {
        let s = Store::open().expect("open");
        for b in COMMON.chunks_exact(8) {
            let h = u64::from_le_bytes(b.try_into().expect("8 bytes"));
            assert!(s.is_common_hash(h));
        }
        assert!(s.is_common_word("later"));
        assert!(!s.is_common_word("baghdad"));
    }

    #[test]
    fn skeleton_names_are_the_records_folded_names() {
        let s = Store::open().expect("open");
        let mut keys = s.skel.stream();
        let mut checked = 0;
        while let Some((key, v)) = fst::Streamer::next(&mut keys) {
            for (k, c) in postings_iter(v).enumerate() {
                let r = s.rec(c).expect("record");
                let folded = crate::norm::fold(r.name());
                let core_len = crate::norm::core_len(&folded);
                let got = s.skeleton_name(v, k).expect("skeleton name");
                assert_eq!(got.name, folded, "{:?}", std::str::from_utf8(key));
                assert_eq!(got.initial, crate::norm::initial(&folded));
                assert_eq!(got.own_core, crate::norm::is_own_core(&folded));
                assert_eq!(got.core_len, if core_len >= 255 { usize::MAX } else { core_len });
                checked += 1;
            }
            assert_eq!(s.skeleton_name(v, postings_iter(v).len()), None);
        }
        assert!(checked > 10_000, "{checked}");
        // Every skeleton key passes the skeleton filter, and is found through it.
        assert_eq!(SKEL_FILTER.len(), 1 << (SKELETON_FILTER_BITS - 3));
        let mut keys = s.skel.stream();
        while let Some((key, v)) = fst::Streamer::next(&mut keys) {
            let key = std::str::from_utf8(key).expect("skeletons are ASCII");
            assert_eq!(s.skeleton_value(key), Some(v), "{key}");
        }
        // A value of the folded map's postings (before the skeleton map's) holds none.
        let v = s.exact_value("bagdad").expect("bagdad");
        assert_eq!(s.skeleton_name(v, 0), None);
    }

    #[test]
    fn prefixes_are_the_walks_from_the_root() {
        let s = Store::open().expect("open");
        let fst = s.exact_fst();
        let mut n = 0;
        for a in (b'a'..=b'z').chain(b'0'..=b'9') {
            for b in (b'a'..=b'z').chain(b'0'..=b'9') {
                let want = walk_from_root(fst, &[a, b]);
                assert_eq!(s.exact_prefix(&[a, b, b'x']), Some(want));
                n += usize::from(want.is_some());
            }
        }
        // Most pairs of letters start some key ("ba", "qa"…).
        assert!(n > 500, "{n}");
        let (addr, out) = s.exact_prefix(b"ba").flatten().expect("ba");
        assert!(fst.node(addr).find_input(b'g').is_some());
        assert_eq!(walk_from_root(fst, b"ba"), Some((addr, out)));
        // Other bytes, and words of one byte, are left to the caller.
        for w in [&b"b"[..], b"", b"Ba", b"b ", b"\xc3\xa9a", b"a-"] {
            assert_eq!(s.exact_prefix(w), None, "{w:?}");
        }
    }

    #[test]
    fn out_of_range_record_is_none() {
        let s = Store::open().expect("open");
        assert!(s.rec(u32::MAX).is_none());
    }
}
