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

/// FNV-1a: the tables are keyed by short folded words looked up for most tokens of a text, where
/// the default (DoS-resistant) hasher dominated the cost; the keys are our own data.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Hash map with the [`Fnv`] hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// Hash set with the [`Fnv`] hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

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
        lx
    }

    /// The cue of `role` for a folded phrase, if any.
    pub fn cue(&self, phrase: &str, role: Role) -> Option<&Cue> {
        self.cues.get(phrase)?.iter().find(|c| c.role == role)
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
