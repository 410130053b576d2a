//! Small hand-written tables (demonyms, abbreviations, context cues, stop words), embedded from
//! `data/gazetteer/*.tsv` and parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::norm::fold;

static DEMONYMS: &str = include_str!("../../../data/gazetteer/demonyms.tsv");
static ABBREVIATIONS: &str = include_str!("../../../data/gazetteer/abbreviations.tsv");
static CUES: &str = include_str!("../../../data/gazetteer/cues.tsv");
static STOPWORDS: &str = include_str!("../../../data/gazetteer/stopwords.tsv");
static ALIASES: &str = include_str!("../../../data/gazetteer/aliases.tsv");
static RESPELLINGS: &str = include_str!("../../../data/gazetteer/respellings.tsv");

/// FNV-1a: the tables are keyed by short folded words looked up for most tokens of a text, where
/// the default (DoS-resistant) hasher dominated the cost; the keys are our own data.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_continue(if self.0 == 0 { FNV_BASIS } else { self.0 }, bytes);
    }
}

/// Hash map with the [`Fnv`] hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Hasher of keys that are already 64-bit hashes: one multiply spreads a key over the table
/// (the key's bits mixed into the high and the low half), where [`Fnv`] would multiply once per
/// byte of it.
#[derive(Default, Clone, Copy)]
pub struct HashKey(u64);

impl Hasher for HashKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // (Keys other than `u64`: as [`Fnv`].)
        self.0 = fnv_continue(if self.0 == 0 { FNV_BASIS } else { self.0 }, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        let p = u128::from(n ^ self.0) * 0x9e37_79b9_7f4a_7c15;
        self.0 = (p as u64) ^ ((p >> 64) as u64);
    }
}

/// Hash map from 64-bit hashes, with the [`HashKey`] hasher.
pub type HashKeyedMap<V> = HashMap<u64, V, BuildHasherDefault<HashKey>>;
/// Hash set with the [`Fnv`] hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// FNV-1a of `bytes` continued from state `h` (the offset basis for a fresh hash): the hash of
/// a phrase can be computed word by word, without joining the words.
/// (A `const fn`, so tables of hashes can be built at compile time.)
#[inline]
pub const fn fnv_continue(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// FNV-1a offset basis (the hash of the empty string).
pub const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a prime (64 bits).
pub const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Hash of a folded word or phrase as [`WordMap`] keys it ([`crate::norm::key_hash`]: a
/// phrase's hash continues its words' hashes, as the tagger computes it from its tokens).
#[inline]
pub fn word_hash(s: &str) -> u64 {
    crate::norm::key_hash(s)
}

/// A read-only map from folded words or phrases, looked up with a hash the caller has already
/// computed (each token of a text is hashed once; a phrase hash continues its first word's).
/// Keys are compared in full on a hash match, so a look-up answers exactly as a `HashMap` would.
pub struct WordMap<V> {
    /// One bit per key, indexed by the high bits of its hash: most look-ups of words that are
    /// not keys end here.
    bits: [u64; BLOOM_WORDS],
    /// Slot → entry index + 1 (0: empty); open addressing, linear probing.
    slots: Vec<u32>,
    entries: Vec<(u64, Box<str>, V)>,
}

/// 64-bit words of a [`WordMap`]'s filter (16,384 bits: recognition asks the cues, stop words
/// and demonyms of nearly every capitalised word, and a larger filter lets fewer words that
/// are no key through to a probe of the table: with 4096 bits, a fifth more words reached it).
const BLOOM_WORDS: usize = 256;

/// Bits of a [`WordMap`]'s filter, indexed by a hash's top [`FILTER_LOG2`] bits
/// ([`filter_index`]).
pub const FILTER_BITS: usize = BLOOM_WORDS * 64;

/// Log2 of [`FILTER_BITS`].
const FILTER_LOG2: u32 = FILTER_BITS.trailing_zeros();

/// The index of a hash's bit in every [`WordMap`]'s filter (its top [`FILTER_LOG2`] bits):
/// tables of several maps' bits, one entry per index, test them all with one load.
#[inline(always)]
pub fn filter_index(hash: u64) -> usize {
    (hash >> (64 - FILTER_LOG2)) as usize
}

/// The filter bit of a hash: (word, mask).
#[inline]
fn bloom_bit(hash: u64) -> (usize, u64) {
    let b = filter_index(hash);
    (b / 64 % BLOOM_WORDS, 1u64 << (b % 64))
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { bits: [0; BLOOM_WORDS], slots: vec![0; 1], entries: Vec::new() }
    }
}

impl<V> WordMap<V> {
    /// Builds the map from distinct keys.
    pub fn new(items: impl IntoIterator<Item = (String, V)>) -> WordMap<V> {
        let entries: Vec<(u64, Box<str>, V)> =
            items.into_iter().map(|(k, v)| (word_hash(&k), k.into_boxed_str(), v)).collect();
        let cap = (entries.len() * 2 + 1).next_power_of_two().max(2);
        let mut slots = vec![0u32; cap];
        let mut bits = [0u64; BLOOM_WORDS];
        for (i, e) in entries.iter().enumerate() {
            let (w, m) = bloom_bit(e.0);
            bits[w] |= m;
            let mut at = e.0 as usize & (cap - 1);
            while slots[at] != 0 {
                at = (at + 1) & (cap - 1);
            }
            slots[at] = i as u32 + 1;
        }
        WordMap { bits, slots, entries }
    }

    /// [`WordMap::may_contain`] for the hashes whose filter index ([`filter_index`]) is `b`.
    pub fn may_contain_at(&self, b: usize) -> bool {
        self.may_contain((b as u64) << (64 - FILTER_LOG2))
    }

    /// Whether a key may have this hash (`false`: certainly none has).
    #[inline]
    pub fn may_contain(&self, hash: u64) -> bool {
        let (w, m) = bloom_bit(hash);
        self.bits[w] & m != 0
    }

    /// The value of the key whose hash is `hash` and for which `is_key` holds.
    #[inline]
    pub fn get_by(&self, hash: u64, is_key: impl Fn(&str) -> bool) -> Option<&V> {
        if !self.may_contain(hash) {
            return None;
        }
        self.probe(hash, is_key)
    }

    /// [`WordMap::get_by`] for a hash whose filter bit the caller has found set
    /// ([`WordMap::may_contain`]): the table searched without testing the bit again.
    #[inline]
    pub fn probe(&self, hash: u64, is_key: impl Fn(&str) -> bool) -> Option<&V> {
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let e = *self.slots.get(at)?;
            if e == 0 {
                return None;
            }
            let (h, k, v) = self.entries.get(e as usize - 1)?;
            if *h == hash && is_key(k) {
                return Some(v);
            }
            at = (at + 1) & mask;
        }
    }

    /// The value of a key given as a string.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.get_by(word_hash(key), |k| k == key)
    }

    /// Whether the key is present.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Role of a context cue (see `cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Facility word before the name.
    HeadBefore,
    /// Facility word after the name.
    HeadAfter,
    /// Division word before the name.
    AdminBefore,
    /// Division word after the name.
    AdminAfter,
    /// Title before a person's name.
    PersonBefore,
    /// Speech verb after a person's name.
    PersonAfter,
    /// Border word.
    Border,
}

/// A cue: its role and the feature it selects (`airport`, `admin1`…, empty when none).
#[derive(Debug, Clone)]
pub struct Cue {
    /// Role.
    pub role: Role,
    /// Selected feature, possibly empty.
    pub value: String,
}

/// All tables.
pub struct Lexicon {
    /// Folded English demonym (one or two words) → target (ISO2 or a GeoNames id).
    pub demonym_en: FastMap<String, String>,
    /// Folded French adjective → country code.
    pub adjective_fr: FastMap<String, [u8; 2]>,
    /// Last bytes of the folded French adjectives (a cheap pre-filter before hashing).
    pub adjective_last: [bool; 256],
    /// Folded French compound prefix (irako) → country code.
    pub prefix_fr: FastMap<String, [u8; 2]>,
    /// Abbreviation as written ("Ky.") → target (`US.KY`, a GeoNames id, or ISO2).
    pub abbreviations: Vec<(String, String)>,
    /// Forms read only right after a place name and a comma ("LOUISVILLE, KY", "EDMONTON, Ky"):
    /// the USPS codes and the single-part abbreviations without their period → target.
    pub postal: FastMap<String, String>,
    /// Folded cue phrase → cues.
    pub cues: FastMap<String, Vec<Cue>>,
    /// Longest cue length in tokens.
    pub max_cue_tokens: usize,
    /// Folded one-word stop names.
    pub stopwords: FastSet<String>,
    /// Aliases exactly as written in `aliases.tsv` (case-sensitive: "US" passes, "us" does not).
    pub verbatim_aliases: FastSet<String>,
    /// Forms of the words of Arabic place names that transliteration spells several ways
    /// (`respellings.tsv`): one list per word ("ain", "ayn", "ein").
    pub respellings: Vec<Vec<String>>,
    /// The same tables, looked up by a token's precomputed hash (see [`WordMap`]).
    pub(crate) fast: FastTables,
}

/// [`Lexicon`] tables as [`WordMap`]s, built from the hash maps once loaded.
#[derive(Default)]
pub(crate) struct FastTables {
    pub adjective_fr: WordMap<[u8; 2]>,
    pub prefix_fr: WordMap<[u8; 2]>,
    pub cues: WordMap<Vec<Cue>>,
    /// First words of the cue phrases of several words: a phrase whose first word is not
    /// one is no cue (see `tagger::cue_phrase`).
    pub cue_firsts: WordMap<()>,
    pub stopwords: WordMap<()>,
    /// Folded form → its list in [`Lexicon::respellings`].
    pub respell: WordMap<u16>,
    /// The verbatim aliases folded: a token whose folded form is not one is no verbatim alias
    /// (tested before the alias set, which hashes the token's text).
    pub verbatim_folded: WordMap<()>,
}

fn cc(s: &str) -> Option<[u8; 2]> {
    let b = s.as_bytes();
    (b.len() == 2).then(|| [b[0], b[1]])
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| {
        let v: Vec<&str> = l.split('\t').collect();
        v
    })
}

impl Lexicon {
    /// Parses the embedded tables.
    pub fn load() -> Lexicon {
        let mut lx = Lexicon {
            demonym_en: FastMap::default(),
            adjective_fr: FastMap::default(),
            adjective_last: [false; 256],
            prefix_fr: FastMap::default(),
            abbreviations: Vec::new(),
            postal: FastMap::default(),
            cues: FastMap::default(),
            max_cue_tokens: 1,
            stopwords: FastSet::default(),
            verbatim_aliases: FastSet::default(),
            respellings: Vec::new(),
            fast: FastTables::default(),
        };
        for r in rows(DEMONYMS) {
            let Some(target) = r.first() else { continue };
            for w in r.get(1).unwrap_or(&"").split('|').filter(|w| !w.is_empty()) {
                lx.demonym_en.insert(fold(w), target.to_string());
            }
            let Some(c) = cc(target) else { continue };
            for w in r.get(2).unwrap_or(&"").split('|').filter(|w| !w.is_empty()) {
                let f = fold(w);
                if let Some(&b) = f.as_bytes().last() {
                    lx.adjective_last[b as usize] = true;
                }
                lx.adjective_fr.insert(f, c);
            }
            if let Some(p) = r.get(3).filter(|p| !p.is_empty()) {
                lx.prefix_fr.insert(fold(p), c);
            }
        }
        for r in rows(ABBREVIATIONS) {
            if r.len() < 2 {
                continue;
            }
            match r[0].strip_suffix('.') {
                Some(bare) => {
                    lx.abbreviations.push((r[0].to_string(), r[1].to_string()));
                    if !bare.contains('.') {
                        lx.postal.entry(bare.to_string()).or_insert_with(|| r[1].to_string());
                    }
                }
                None => {
                    lx.postal.insert(r[0].to_string(), r[1].to_string());
                }
            }
        }
        // Longest first, so "W.Va." wins over "Va.".
        lx.abbreviations.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
        for r in rows(CUES) {
            if r.len() < 3 {
                continue;
            }
            let role = match r[2] {
                "head_before" => Role::HeadBefore,
                "head_after" => Role::HeadAfter,
                "admin_before" => Role::AdminBefore,
                "admin_after" => Role::AdminAfter,
                "person_before" => Role::PersonBefore,
                "person_after" => Role::PersonAfter,
                "border" => Role::Border,
                _ => continue,
            };
            let key = fold(r[1]);
            lx.max_cue_tokens = lx.max_cue_tokens.max(key.split(' ').count());
            let value = r.get(3).unwrap_or(&"").to_string();
            lx.cues.entry(key).or_default().push(Cue { role, value });
        }
        for r in rows(STOPWORDS) {
            if let Some(w) = r.first() {
                lx.stopwords.insert(fold(w));
            }
        }
        for r in rows(ALIASES) {
            if let Some(w) = r.first() {
                lx.verbatim_aliases.insert(w.trim().to_string());
            }
        }
        for r in rows(RESPELLINGS) {
            let forms: Vec<String> =
                r[0].split('|').map(fold).filter(|f| !f.is_empty() && !f.contains(' ')).collect();
            if forms.len() > 1 {
                lx.respellings.push(forms);
            }
        }
        lx.fast = FastTables {
            adjective_fr: WordMap::new(lx.adjective_fr.iter().map(|(k, v)| (k.clone(), *v))),
            prefix_fr: WordMap::new(lx.prefix_fr.iter().map(|(k, v)| (k.clone(), *v))),
            cues: WordMap::new(lx.cues.iter().map(|(k, v)| (k.clone(), v.clone()))),
            cue_firsts: WordMap::new(
                lx.cues
                    .keys()
                    .filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_string()))
                    .collect::<FastSet<String>>()
                    .into_iter()
                    .map(|k| (k, ())),
            ),
            stopwords: WordMap::new(lx.stopwords.iter().map(|k| (k.clone(), ()))),
            respell: WordMap::new(
                lx.respellings
                    .iter()
                    .enumerate()
                    .flat_map(|(k, forms)| forms.iter().map(move |f| (f.clone(), k as u16))),
            ),
            verbatim_folded: WordMap::new(
                lx.verbatim_aliases
                    .iter()
                    .map(|k| fold(k))
                    .collect::<FastSet<String>>()
                    .into_iter()
                    .map(|k| (k, ())),
            ),
        };
        lx
    }

    /// The cue of `role` for a folded phrase, if any.
    pub fn cue(&self, phrase: &str, role: Role) -> Option<&Cue> {
        self.cues.get(phrase)?.iter().find(|c| c.role == role)
    }

    /// The cue of `role` among a phrase's cues (see [`FastTables::cues`]).
    pub(crate) fn cue_in(cues: Option<&Vec<Cue>>, role: Role) -> Option<&Cue> {
        cues?.iter().find(|c| c.role == role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse() {
        let lx = Lexicon::load();
        assert_eq!(lx.demonym_en.get("iraqi").map(String::as_str), Some("IQ"));
        assert_eq!(lx.adjective_fr.get("syrienne"), Some(b"SY"));
        assert_eq!(lx.prefix_fr.get("irako"), Some(b"IQ"));
        assert!(lx.cue("aeroport", Role::HeadBefore).is_some());
        assert!(lx.cue("plate forme petroliere", Role::HeadBefore).is_some());
        assert!(lx.stopwords.contains("said"));
        assert!(lx.verbatim_aliases.contains("US"));
        assert_eq!(lx.abbreviations.first().map(|a| a.0.len()), Some(6));
        // The tagger only tries abbreviations on a token followed by a period.
        assert!(lx.abbreviations.iter().all(|(a, _)| a.ends_with('.')));
        assert_eq!(lx.postal.get("KY").map(String::as_str), Some("US.KY"));
        assert_eq!(lx.postal.get("Ky").map(String::as_str), Some("US.KY"));
        assert_eq!(lx.postal.get("OH").map(String::as_str), Some("US.OH"));
        assert!(lx.postal.keys().all(|k| !k.contains('.')));
    }

    #[test]
    fn word_maps_answer_as_hash_maps() {
        let lx = Lexicon::load();
        for (k, v) in &lx.cues {
            assert_eq!(lx.fast.cues.get(k).map(Vec::len), Some(v.len()), "{k}");
        }
        for k in &lx.stopwords {
            assert!(lx.fast.stopwords.contains(k));
        }
        for w in ["", "x", "qqqq", "the said", "baghdad"] {
            assert_eq!(lx.fast.stopwords.contains(w), lx.stopwords.contains(w), "{w}");
            assert_eq!(lx.fast.cues.contains(w), lx.cues.contains_key(w), "{w}");
        }
        let phrase = crate::norm::phrase_continue(word_hash("a"), word_hash("b"));
        assert_eq!(word_hash("a b"), phrase);
        let m: WordMap<u8> = WordMap::new((0..500u32).map(|i| (format!("w{i}"), i as u8)));
        assert_eq!(m.len(), 500);
        assert!((0..500u32).all(|i| m.get(&format!("w{i}")) == Some(&(i as u8))));
        assert!(m.get("w500").is_none() && WordMap::<u8>::default().get("").is_none());
    }

    #[test]
    fn respellings_name_each_form_once() {
        let lx = Lexicon::load();
        let mut seen = FastSet::default();
        for (k, forms) in lx.respellings.iter().enumerate() {
            for f in forms {
                assert!(seen.insert(f.clone()), "{f} is in two lists");
                assert_eq!(lx.fast.respell.get(f), Some(&(k as u16)), "{f}");
            }
        }
        assert!(lx.fast.respell.get("ayn").is_some() && lx.fast.respell.get("baghdad").is_none());
    }

    #[test]
    fn fnv_matches_reference_vectors() {
        for (input, want) in
            [(&b"a"[..], 0xaf63_dc4c_8601_ec8c_u64), (b"foobar", 0x8594_4171_f739_67e8)]
        {
            let mut h = Fnv::default();
            h.write(input);
            assert_eq!(h.finish(), want);
        }
    }
}
