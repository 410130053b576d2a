//! Compiles the gazetteer sources in `data/gazetteer/` into binary tables in `OUT_DIR`:
//! fixed-width place records, a string pool, and two FST maps (folded key and skeleton key to
//! a posting list of record indices). The runtime opens them without parsing (see `src/store.rs`).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

#[path = "src/norm.rs"]
#[allow(dead_code)]
mod norm;

/// Flag bit on a posting: the key is the record's own name (not an alternate).
const PRIMARY: u32 = 1 << 31;

/// Bits of the first-word filter, as a power of two (`store.rs` mirrors it).
const FIRST_WORD_BITS: u32 = 21;

/// Bits of `pairs.bin` (mirrors `store::PAIR_BITS`).
const PAIR_BITS: u32 = 21;

/// Flag on the length of a skeleton name's entry in `skel_name_refs.bin`: the name is its own
/// core (mirrors `store::OWN_CORE`).
const OWN_CORE: u16 = 1 << 15;

/// Bits of `skel_filter.bin` (mirrors `store::SKELETON_FILTER_BITS`).
const SKELETON_FILTER_BITS: u32 = 20;

/// Bits of `common_filter.bin` (mirrors `store::COMMON_FILTER_BITS`).
const COMMON_FILTER_BITS: u32 = 18;

/// Top bits of a hash that `common_index.bin` indexes (mirrors `store::COMMON_INDEX_BITS`).
const COMMON_INDEX_BITS: u32 = 12;

/// A one-bit filter of `1 << log2` bits with the bit of each hash (its top `log2` bits) set, as
/// `store::filter_bit` reads it.
fn bit_filter(log2: u32, hashes: impl IntoIterator<Item = u64>) -> Vec<u8> {
    let mut bits = vec![0u8; 1 << (log2 - 3)];
    for h in hashes {
        let i = (h >> (64 - log2)) as usize;
        bits[i >> 3] |= 1 << (i & 7);
    }
    bits
}

/// Hash of two consecutive words from their hashes (`norm::word_bytes_hash`; mirrors
/// `store::pair_hash`).
fn pair_hash(a: u64, b: u64) -> u64 {
    (a.rotate_left(29) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Candidates kept per key.
const MAX_POSTINGS: usize = 40;

/// Countries whose place names carry the Arabic article (al-, ar-, as-…).
const ARABIC_ARTICLE_COUNTRIES: &[u8] = b"IQSYLBJOPSILYESAAEKWQABHOMEGLYTNDZMASDMRSODJTDMLNEIR";

/// Record kinds; the runtime mirrors this table in `store.rs`.
fn kind_code(k: &str) -> Option<u8> {
    Some(match k {
        "CONT" => 0,
        "PCLI" | "country" => 1,
        "ADM1" | "admin1" => 2,
        "ADM2" | "admin2" => 3,
        "PPLC" => 4,
        "PPL" | "city" => 5,
        "AIRP" | "airport" => 6,
        "military_base" => 7,
        "oil_field" => 8,
        "border" => 9,
        "site" => 10,
        "region" => 11,
        "water" => 12,
        _ => return None,
    })
}

struct Rec {
    id: u32,
    lat: f32,
    lon: f32,
    pop: u32,
    name: String,
    cc: [u8; 2],
    admin1_code: String,
    kind: u8,
    flags: u8,
    names: Vec<String>,
}

/// Whether a record is indexed by skeleton (see the tagger's transliteration fallback).
fn skeleton_worthy(r: &Rec) -> bool {
    r.flags & 1 == 1 || matches!(r.kind, 0..=4) || r.pop >= 20_000
}

fn cc_bytes(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 {
        [b[0], b[1]]
    } else {
        [0, 0]
    }
}

fn read_geonames(path: &Path, recs: &mut Vec<Rec>) {
    let f = std::fs::File::open(path).expect("geonames.tsv.gz");
    let rd = BufReader::new(flate2::read::GzDecoder::new(f));
    for (i, line) in rd.lines().enumerate() {
        let line = line.expect("utf-8 line");
        if i == 0 {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 9 {
            continue;
        }
        let Some(kind) = kind_code(c[1]) else { continue };
        let mut names = vec![c[2].to_string()];
        names.extend(c[8].split('|').filter(|s| !s.is_empty()).map(String::from));
        recs.push(Rec {
            id: c[0].parse().unwrap_or(0),
            lat: c[5].parse().unwrap_or(0.0),
            lon: c[6].parse().unwrap_or(0.0),
            pop: c[7].parse().unwrap_or(0),
            name: c[2].to_string(),
            cc: cc_bytes(c[3]),
            admin1_code: c[4].to_string(),
            kind,
            flags: 0,
            names,
        });
    }
}

/// Curated sites: see the header of `sites.tsv` for the columns.
fn read_sites(path: &Path, recs: &mut Vec<Rec>) {
    let text = std::fs::read_to_string(path).expect("sites.tsv");
    for line in text.lines().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert!(c.len() >= 13, "sites.tsv: 13 columns expected: {line}");
        let kind = kind_code(c[3]).unwrap_or_else(|| panic!("sites.tsv: bad feature {}", c[3]));
        let mut names = vec![c[1].to_string()];
        for col in &c[9..12] {
            names.extend(col.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from));
        }
        recs.push(Rec {
            id: c[8].trim().parse().unwrap_or(0),
            lat: c[6].parse().unwrap_or(f32::NAN),
            lon: c[7].parse().unwrap_or(f32::NAN),
            pop: 0,
            name: c[1].to_string(),
            cc: cc_bytes(c[4]),
            admin1_code: c[5].to_string(),
            kind,
            flags: 1,
            names,
        });
    }
}

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let data = dir.join("../../data/gazetteer");
    for f in ["geonames.tsv.gz", "sites.tsv", "aliases.tsv", "common_en.txt"] {
        println!("cargo:rerun-if-changed={}", data.join(f).display());
    }
    println!("cargo:rerun-if-changed=src/norm.rs");
    let mut recs = Vec::new();
    read_geonames(&data.join("geonames.tsv.gz"), &mut recs);
    // A continent's names are its own: a town's alternate name that is one ("Africa", an old
    // name of Mahdia) is not indexed (a town's own name stays: África, Mexico).
    let continents: std::collections::HashSet<String> = recs
        .iter()
        .filter(|r| r.kind == 0)
        .flat_map(|r| r.names.iter().map(|n| norm::fold(n)))
        .collect();
    for r in recs.iter_mut().filter(|r| r.kind != 0) {
        let own = norm::fold(&r.name);
        let mut first = true;
        r.names.retain(|n| {
            std::mem::take(&mut first) || {
                let f = norm::fold(n);
                f == own || !continents.contains(&f)
            }
        });
    }
    read_sites(&data.join("sites.tsv"), &mut recs);

    // Lookup tables for admin1 and alias targets.
    let mut by_id: HashMap<u32, usize> = HashMap::new();
    let mut country: HashMap<[u8; 2], usize> = HashMap::new();
    let mut admin1: HashMap<([u8; 2], String), usize> = HashMap::new();
    for (i, r) in recs.iter().enumerate() {
        if r.flags & 1 == 0 && r.id != 0 {
            by_id.entry(r.id).or_insert(i);
        }
        match r.kind {
            1 => {
                country.insert(r.cc, i);
            }
            2 => {
                admin1.insert((r.cc, r.admin1_code.clone()), i);
                admin1.insert((r.cc, norm::fold(&r.name)), i);
                if let Some(a) = r.names.get(1) {
                    admin1.insert((r.cc, norm::fold(a)), i);
                }
            }
            _ => {}
        }
    }
    // Hand aliases: alias, target (GeoNames id, ISO2 country or CC.ADMIN1 code), note.
    let aliases = std::fs::read_to_string(data.join("aliases.tsv")).expect("aliases.tsv");
    for line in aliases.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 2 || line.starts_with('#') {
            continue;
        }
        let t = c[1].trim();
        let target = if let Ok(id) = t.parse::<u32>() {
            by_id.get(&id).copied()
        } else if let Some((cc, code)) = t.split_once('.') {
            admin1.get(&(cc_bytes(cc), code.to_string())).copied()
        } else {
            country.get(&cc_bytes(t)).copied()
        };
        let i = target.unwrap_or_else(|| panic!("aliases.tsv: unknown target {t}"));
        recs[i].names.push(c[0].trim().to_string());
    }

    let mut exact: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut skel: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut records = Vec::with_capacity(recs.len() * 32);
    let mut strings = Vec::new();
    for (i, r) in recs.iter().enumerate() {
        let i = i as u32;
        // Curated rows list their spellings explicitly ("al-Omar" must not become "Omar").
        let arabic = r.flags & 1 == 0 && ARABIC_ARTICLE_COUNTRIES.chunks(2).any(|c| c == r.cc);
        let mut keys: Vec<(String, &String)> = Vec::new();
        for n in &r.names {
            let k = norm::fold(n);
            // "Al Anbar" is also written "Anbar": index the name without its article.
            if arabic {
                if let Some((first, rest)) = k.split_once(' ') {
                    if norm::is_article(first) && rest.len() >= 4 {
                        keys.push((rest.to_string(), n));
                    }
                }
            }
            keys.push((k, n));
        }
        for (k, n) in keys {
            if k.is_empty() {
                continue;
            }
            let flagged = if norm::fold(&r.name) == k { i | PRIMARY } else { i };
            let e = exact.entry(k).or_default();
            if let Some(last) = e.last_mut().filter(|l| **l & !PRIMARY == i) {
                *last |= flagged;
            } else {
                e.push(flagged);
            }
            // Only names worth a transliteration guess get a skeleton key (the runtime keeps no
            // other candidate): curated sites, countries, divisions, capitals, towns ≥ 20k.
            let s = if skeleton_worthy(r) { norm::skeleton(n) } else { String::new() };
            if s.len() >= 3 {
                let e = skel.entry(s).or_default();
                if e.last() != Some(&i) {
                    e.push(i);
                }
            }
        }
        let adm = if r.kind == 2 || r.cc == [0, 0] {
            None
        } else {
            admin1
                .get(&(r.cc, r.admin1_code.clone()))
                .or_else(|| admin1.get(&(r.cc, norm::fold(&r.admin1_code))))
                .copied()
        };
        let off = strings.len() as u32;
        strings.extend_from_slice(r.name.as_bytes());
        records.extend_from_slice(&r.id.to_le_bytes());
        records.extend_from_slice(&r.lat.to_le_bytes());
        records.extend_from_slice(&r.lon.to_le_bytes());
        records.extend_from_slice(&r.pop.to_le_bytes());
        records.extend_from_slice(&off.to_le_bytes());
        records.extend_from_slice(&(r.name.len() as u16).to_le_bytes());
        records.extend_from_slice(&r.cc);
        records.extend_from_slice(&adm.map_or(u32::MAX, |a| a as u32).to_le_bytes());
        records.push(r.kind);
        records.push(r.flags);
        records.extend_from_slice(&[0, 0]);
    }
    // Best candidates first, at most MAX_POSTINGS per key: a name shared by hundreds of hamlets
    // keeps its curated, country, division and most populous readings.
    let rank = |x: &u32| {
        let r = &recs[(*x & !PRIMARY) as usize];
        let class = match (r.flags & 1, r.kind) {
            (1, _) => 0,
            (_, 0..=2) => 1,
            _ => 2,
        };
        (class, std::cmp::Reverse(r.pop), *x & PRIMARY == 0)
    };
    for v in exact.values_mut().chain(skel.values_mut()) {
        v.sort_by_key(rank);
        v.truncate(MAX_POSTINGS);
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut postings = Vec::new();
    // Where the skeleton map's postings start in `postings.bin` (they follow the folded map's).
    let mut skel_start = 0u32;
    for (map, name) in [(&exact, "exact.fst"), (&skel, "skel.fst")] {
        if name == "skel.fst" {
            skel_start = (postings.len() / 4) as u32;
        }
        let mut b = fst::MapBuilder::memory();
        for (k, v) in map.iter() {
            let off = (postings.len() / 4) as u64;
            for x in v {
                postings.extend_from_slice(&x.to_le_bytes());
            }
            b.insert(k, (off << 20) | v.len().min(0xFFFFF) as u64).expect("sorted keys");
        }
        std::fs::write(out.join(name), b.into_inner().expect("fst")).expect("write fst");
    }
    // The folded names of the skeleton postings' records (`norm::fold` of each record's own
    // name, which a transliteration guess compares; each record's once, in `skel_names.bin`),
    // and per skeleton posting, in the order of `postings.bin` from `skel_start`, where its
    // record's folded name lies: offset (u32), length (u16, its top bit `OWN_CORE` set when the
    // name is its own core, `norm::is_own_core`), initial (`norm::initial`, 0 for
    // none) and its chars compared by a spelling distance (`norm::core_len`, 255 for that many
    // or more). The header is `skel_start` (see `Store::skeleton_name`).
    let mut skel_names = String::new();
    let mut skel_refs = skel_start.to_le_bytes().to_vec();
    let mut placed: HashMap<u32, [u8; 8]> = HashMap::new();
    for x in skel.values().flatten() {
        let entry = *placed.entry(*x & !PRIMARY).or_insert_with(|| {
            let f = norm::fold(&recs[(*x & !PRIMARY) as usize].name);
            let off = skel_names.len() as u32;
            skel_names.push_str(&f);
            let len = u16::try_from(f.len()).ok().filter(|&l| l < OWN_CORE);
            let len = len.expect("folded name under 32 KB")
                | if norm::is_own_core(&f) { OWN_CORE } else { 0 };
            let mut e = [0u8; 8];
            e[..4].copy_from_slice(&off.to_le_bytes());
            e[4..6].copy_from_slice(&len.to_le_bytes());
            e[6] = norm::initial(&f).unwrap_or(0);
            e[7] = u8::try_from(norm::core_len(&f)).unwrap_or(u8::MAX);
            e
        });
        skel_refs.extend_from_slice(&entry);
    }
    std::fs::write(out.join("skel_names.bin"), &skel_names).expect("write");
    // The skeleton keys: one bit per key, at the top bits of its hash
    // (`norm::word_bytes_hash`). A skeleton whose bit is clear is no key, so a transliteration
    // guess looks it up in no map (see `Store::skeleton_value`).
    let skel_hashes = skel.keys().map(|k| norm::word_bytes_hash(k.as_bytes()));
    std::fs::write(out.join("skel_filter.bin"), bit_filter(SKELETON_FILTER_BITS, skel_hashes))
        .expect("write");
    std::fs::write(out.join("skel_name_refs.bin"), &skel_refs).expect("write");
    // First words of the folded keys (each key up to its first space): one bit per word, at the
    // top bits of its hash (`norm::word_bytes_hash`, as the tagger hashes its tokens). A word
    // whose bit is clear starts no key, so the tagger walks nothing from it (see
    // `Store::may_start_key`).
    // Consecutive words of the folded keys ("new york city": "new york", "york city"): one bit
    // per pair, at the top bits of `pair_hash`. A pair whose bit is clear is in no key, so the
    // tagger walks no further (see `Store::may_continue`).
    let (mut firsts, mut pairs) = (Vec::new(), Vec::new());
    for k in exact.keys() {
        let mut words = k.split(' ').map(|w| norm::word_bytes_hash(w.as_bytes()));
        let Some(mut prev) = words.next() else { continue };
        firsts.push(prev);
        for h in words {
            pairs.push(pair_hash(prev, h));
            prev = h;
        }
    }
    std::fs::write(out.join("first_words.bin"), bit_filter(FIRST_WORD_BITS, firsts))
        .expect("write");
    std::fs::write(out.join("pairs.bin"), bit_filter(PAIR_BITS, pairs)).expect("write");
    // Common words that collide with a place name or a skeleton key: sorted hashes of their
    // folded forms (`norm::key_hash`; the runtime binary-searches them, see
    // `Store::is_common_word`).
    let common = std::fs::read_to_string(data.join("common_en.txt")).expect("common_en.txt");
    let mut hashes: Vec<u64> = common
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|w| norm::fold(w.trim()))
        .filter(|f| exact.contains_key(f) || skel.contains_key(&norm::skeleton(f)))
        .map(|f| norm::key_hash(&f))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let common_bin: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    std::fs::write(out.join("common.bin"), &common_bin).expect("write");
    // Where each run of hashes with the same top `COMMON_INDEX_BITS` bits starts in that list
    // (one entry more for the end): the runtime reads a few hashes, not the whole list's
    // binary search.
    let mut at = 0usize;
    let mut index = Vec::with_capacity(((1usize << COMMON_INDEX_BITS) + 1) * 4);
    for b in 0..=(1u64 << COMMON_INDEX_BITS) {
        while at < hashes.len() && hashes[at] >> (64 - COMMON_INDEX_BITS) < b {
            at += 1;
        }
        index.extend_from_slice(&(at as u32).to_le_bytes());
    }
    std::fs::write(out.join("common_index.bin"), &index).expect("write");
    // Their one-bit filter: a clear bit is an exact "not common" (see `Store::is_common_hash`).
    std::fs::write(out.join("common_filter.bin"), bit_filter(COMMON_FILTER_BITS, hashes.clone()))
        .expect("write");
    std::fs::write(out.join("records.bin"), &records).expect("write");
    std::fs::write(out.join("strings.bin"), &strings).expect("write");
    std::fs::write(out.join("postings.bin"), &postings).expect("write");
    let mut f = std::fs::File::create(out.join("counts.txt")).expect("counts");
    writeln!(
        f,
        "{} records, {} keys, {} skeletons, {} common words",
        recs.len(),
        exact.len(),
        skel.len(),
        hashes.len()
    )
    .expect("write");
}
