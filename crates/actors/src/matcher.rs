//! The alias matcher: a trie over the *words* of the folded keys.
//!
//! Every folded key is `" " + words joined by single spaces`, and every hit
//! starts at a word and ends at a word end, so the keys form a trie whose
//! edges are whole words. Words are interned once: a text word is hashed
//! once, checked against a small bit set of key-starting words, and only then
//! looked up in the open-addressing word table; the walk along the trie is
//! integer comparisons. The same walk over the old map of keys and word
//! prefixes gave the same hits (the tests keep that map as a reference).
//!
//! The matcher is plain arrays of integers, built by the build script and
//! embedded in the binary ([`Matcher::write`], [`Matcher::read`]), so loading
//! it is a copy, not a rebuild.

use std::collections::HashMap;

/// No node / no pattern / no word.
pub(crate) const NONE: u32 = u32::MAX;

const K1: u64 = 0x51_7c_c1_b7_27_22_0a_95;
const K2: u64 = 0x9e_37_79_b9_7f_4a_7c_15;

/// Hash of one folded word (the table and the text use the same).
#[inline]
pub(crate) fn word_hash(w: &[u8]) -> u64 {
    let mut h = (w.len() as u64).wrapping_mul(K2);
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K1);
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        h = (h.rotate_left(5) ^ tail(r)).wrapping_mul(K1);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(K2);
    h ^ (h >> 29)
}

/// The bytes of a slice of one to seven bytes as one integer, without a
/// variable-length copy: two overlapping 4-byte reads, or the first, middle
/// and last byte (with the length mixed in by the caller, this tells the
/// slices apart well enough for a hash).
#[inline]
fn tail(r: &[u8]) -> u64 {
    let n = r.len();
    if n >= 4 {
        let a = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
        let b = u32::from_le_bytes([r[n - 4], r[n - 3], r[n - 2], r[n - 1]]);
        u64::from(a) | u64::from(b) << 32
    } else if n > 0 {
        u64::from(r[0]) | u64::from(r[n / 2]) << 8 | u64::from(r[n - 1]) << 16
    } else {
        0
    }
}

/// Bits of the first-word filter (16 KB, cache-resident).
const FIRST_BITS: u32 = 17;

/// The compiled key trie.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Matcher {
    /// Word table: `tag << 32 | (word + 1)`, 0 for an empty slot; the
    /// length is a power of two.
    slots: Vec<u64>,
    /// `64 - log2(slots.len())`.
    shift: u32,
    /// Word `w` is `word_bytes[word_start[w]..word_start[w + 1]]`.
    word_start: Vec<u32>,
    word_bytes: Vec<u8>,
    /// Node reached from the root by word `w` ([`NONE`] if no key starts with it).
    root: Vec<u32>,
    /// Bit set over the hashes of words that start a key.
    first: Vec<u64>,
    /// Pattern id of each node ([`NONE`] for a word prefix that is not a key).
    pattern: Vec<u32>,
    /// Children of node `n`: `child_word/child_node[child_start[n]..child_start[n + 1]]`,
    /// sorted by word.
    child_start: Vec<u32>,
    child_word: Vec<u32>,
    child_node: Vec<u32>,
}

impl Matcher {
    /// Builds the trie of `(folded key, pattern id)` pairs (keys start with a space).
    pub(crate) fn build<'k>(keys: impl IntoIterator<Item = (&'k str, u32)>) -> Matcher {
        let mut words: HashMap<&'k str, u32> = HashMap::new();
        let mut word_list: Vec<&'k str> = Vec::new();
        let mut root: Vec<u32> = Vec::new();
        let mut edges: HashMap<(u32, u32), u32> = HashMap::new();
        let mut pattern: Vec<u32> = Vec::new();
        for (key, p) in keys {
            let Some(body) = key.strip_prefix(' ') else { continue };
            let mut node = NONE;
            for w in body.split(' ') {
                let id = *words.entry(w).or_insert_with(|| {
                    word_list.push(w);
                    root.push(NONE);
                    (word_list.len() - 1) as u32
                });
                let next = if node == NONE {
                    root[id as usize]
                } else {
                    edges.get(&(node, id)).copied().unwrap_or(NONE)
                };
                node = if next == NONE {
                    let n = pattern.len() as u32;
                    pattern.push(NONE);
                    if node == NONE {
                        root[id as usize] = n;
                    } else {
                        edges.insert((node, id), n);
                    }
                    n
                } else {
                    next
                };
            }
            if node != NONE && pattern[node as usize] == NONE {
                pattern[node as usize] = p;
            }
        }
        let mut m = Matcher { root, pattern, ..Matcher::default() };
        // Word table.
        let cap = (word_list.len() * 2).next_power_of_two().max(16);
        m.shift = 64 - cap.trailing_zeros();
        m.slots = vec![0; cap];
        m.first = vec![0; 1 << (FIRST_BITS - 6)];
        m.word_start.push(0);
        for (id, w) in word_list.iter().enumerate() {
            m.word_bytes.extend_from_slice(w.as_bytes());
            m.word_start.push(m.word_bytes.len() as u32);
            let h = word_hash(w.as_bytes());
            let mut i = (h >> m.shift) as usize;
            while m.slots[i] != 0 {
                i = (i + 1) & (cap - 1);
            }
            m.slots[i] = (u64::from(h as u32) << 32) | (id as u64 + 1);
            if m.root[id] != NONE {
                let b = first_bit(h);
                m.first[b >> 6] |= 1 << (b & 63);
            }
        }
        // Children, sorted by (parent, word).
        let mut es: Vec<(u32, u32, u32)> = edges.into_iter().map(|((p, w), c)| (p, w, c)).collect();
        es.sort_unstable();
        m.child_start = vec![0; m.pattern.len() + 1];
        for &(p, _, _) in &es {
            m.child_start[p as usize + 1] += 1;
        }
        for i in 1..m.child_start.len() {
            m.child_start[i] += m.child_start[i - 1];
        }
        m.child_word = es.iter().map(|e| e.1).collect();
        m.child_node = es.iter().map(|e| e.2).collect();
        m
    }

    /// The largest pattern id.
    pub(crate) fn max_pattern(&self) -> Option<u32> {
        self.pattern.iter().copied().filter(|&p| p != NONE).max()
    }

    /// True when the trie holds no key.
    pub(crate) fn is_empty(&self) -> bool {
        self.pattern.is_empty()
    }

    /// False when no key starts with the word of hash `h` (may be true for others).
    #[inline]
    pub(crate) fn may_start(&self, h: u64) -> bool {
        let b = first_bit(h);
        self.first.get(b >> 6).is_some_and(|w| w & (1 << (b & 63)) != 0)
    }

    /// Id of the folded word `w` of hash `h`, if some key has it.
    #[inline]
    pub(crate) fn word(&self, w: &[u8], h: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = h as u32;
        let mut i = (h >> self.shift) as usize & mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if (s >> 32) as u32 == tag {
                let id = (s as u32).wrapping_sub(1);
                if self.word_text(id) == w {
                    return Some(id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    fn word_text(&self, id: u32) -> &[u8] {
        let (a, b) = (self.word_start[id as usize], self.word_start[id as usize + 1]);
        self.word_bytes.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// The node reached from the root by word `id`.
    #[inline]
    pub(crate) fn start(&self, id: u32) -> Option<u32> {
        self.root.get(id as usize).copied().filter(|&n| n != NONE)
    }

    /// The child of `node` by word `id`.
    #[inline]
    pub(crate) fn child(&self, node: u32, id: u32) -> Option<u32> {
        let (a, b) = (self.child_start[node as usize], self.child_start[node as usize + 1]);
        let words = &self.child_word[a as usize..b as usize];
        let i = if words.len() <= 8 {
            words.iter().position(|&w| w == id)?
        } else {
            words.binary_search(&id).ok()?
        };
        Some(self.child_node[a as usize + i])
    }

    /// The pattern id of `node`, if it ends a key.
    #[inline]
    pub(crate) fn pattern(&self, node: u32) -> Option<u32> {
        self.pattern.get(node as usize).copied().filter(|&p| p != NONE)
    }

    /// The pattern id of a folded key (`" word word"`).
    pub(crate) fn get(&self, key: &str) -> Option<u32> {
        let body = key.strip_prefix(' ')?;
        let mut node: Option<u32> = None;
        for w in body.split(' ') {
            let id = self.word(w.as_bytes(), word_hash(w.as_bytes()))?;
            node = Some(match node {
                None => self.start(id)?,
                Some(n) => self.child(n, id)?,
            });
        }
        self.pattern(node?)
    }

    /// Every key and word prefix of a key, with its pattern id ([`NONE`] for
    /// a prefix that is not a key).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn entries(&self) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        let mut stack: Vec<(u32, String)> = Vec::new();
        for (id, &n) in self.root.iter().enumerate() {
            if n != NONE {
                let w = String::from_utf8_lossy(self.word_text(id as u32)).into_owned();
                stack.push((n, format!(" {w}")));
            }
        }
        while let Some((n, k)) = stack.pop() {
            let (a, b) = (self.child_start[n as usize], self.child_start[n as usize + 1]);
            for i in a as usize..b as usize {
                let w = String::from_utf8_lossy(self.word_text(self.child_word[i])).into_owned();
                stack.push((self.child_node[i], format!("{k} {w}")));
            }
            out.push((k, self.pattern[n as usize]));
        }
        out.sort();
        out
    }

    /// Appends the matcher to `out` (little-endian arrays with their lengths).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        put_u64s(out, &self.slots);
        put_u32s(out, &[self.shift]);
        put_u32s(out, &self.word_start);
        put_u32s(out, &[self.word_bytes.len() as u32]);
        out.extend_from_slice(&self.word_bytes);
        put_u32s(out, &self.root);
        put_u64s(out, &self.first);
        put_u32s(out, &self.pattern);
        put_u32s(out, &self.child_start);
        put_u32s(out, &self.child_word);
        put_u32s(out, &self.child_node);
    }

    /// Reads [`Matcher::write`]'s output; `None` when it is malformed.
    pub(crate) fn read(r: &mut Reader<'_>) -> Option<Matcher> {
        let slots = r.u64s()?;
        let shift = *r.u32s()?.first()?;
        let word_start = r.u32s()?;
        let n = *r.u32s()?.first()? as usize;
        let word_bytes = r.bytes(n)?.to_vec();
        let m = Matcher {
            slots,
            shift,
            word_start,
            word_bytes,
            root: r.u32s()?,
            first: r.u64s()?,
            pattern: r.u32s()?,
            child_start: r.u32s()?,
            child_word: r.u32s()?,
            child_node: r.u32s()?,
        };
        m.valid().then_some(m)
    }

    /// Cheap consistency checks, so that lookups cannot index out of bounds.
    fn valid(&self) -> bool {
        let nodes = self.pattern.len();
        let words = self.root.len();
        self.slots.len().is_power_of_two()
            && self.shift == 64 - self.slots.len().trailing_zeros()
            && self.first.len() == 1 << (FIRST_BITS - 6)
            && self.word_start.len() == words + 1
            && self.word_start.windows(2).all(|w| w[0] <= w[1])
            && self.word_start.last().is_some_and(|&e| e as usize == self.word_bytes.len())
            && self.slots.iter().all(|&s| s == 0 || ((s as u32) as usize) <= words)
            && self.root.iter().all(|&n| n == NONE || (n as usize) < nodes)
            && self.child_start.len() == nodes + 1
            && self.child_start.windows(2).all(|w| w[0] <= w[1])
            && self.child_start.last().is_some_and(|&e| e as usize == self.child_word.len())
            && self.child_word.len() == self.child_node.len()
            && self.child_node.iter().all(|&n| (n as usize) < nodes)
    }
}

fn first_bit(h: u64) -> usize {
    ((h >> 8) & ((1 << FIRST_BITS) - 1)) as usize
}

/// Appends a length and the values.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    out.extend_from_slice(&(v.len() as u32).to_le_bytes());
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

#[cfg_attr(not(test), allow(dead_code))]
fn put_u64s(out: &mut Vec<u8>, v: &[u64]) {
    out.extend_from_slice(&(v.len() as u32).to_le_bytes());
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

/// A cursor over an embedded little-endian blob.
pub(crate) struct Reader<'a>(pub &'a [u8]);

impl<'a> Reader<'a> {
    pub(crate) fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }

    fn len(&mut self) -> Option<usize> {
        let b = self.bytes(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    pub(crate) fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len()?;
        let b = self.bytes(n.checked_mul(4)?)?;
        Some(b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }

    fn u64s(&mut self) -> Option<Vec<u64>> {
        let n = self.len()?;
        let b = self.bytes(n.checked_mul(8)?)?;
        Some(
            b.chunks_exact(8)
                .map(|c| {
                    let mut a = [0u8; 8];
                    a.copy_from_slice(c);
                    u64::from_le_bytes(a)
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trie_walks_keys_and_prefixes() {
        let m = Matcher::build([(" armee malienne", 0), (" hamas", 1), (" armee", 2)]);
        assert_eq!(m.get(" hamas"), Some(1));
        assert_eq!(m.get(" armee malienne"), Some(0));
        assert_eq!(m.get(" armee"), Some(2));
        assert_eq!(m.get(" malienne"), None);
        assert_eq!(m.get(" hamas x"), None);
        assert_eq!(m.get(""), None);
        let e = m.entries();
        assert_eq!(
            e,
            vec![(" armee".into(), 2), (" armee malienne".into(), 0), (" hamas".into(), 1)]
        );
        let mut blob = Vec::new();
        m.write(&mut blob);
        assert_eq!(Matcher::read(&mut Reader(&blob)), Some(m));
        assert_eq!(Matcher::read(&mut Reader(&blob[..blob.len() - 1])), None);
    }
}
