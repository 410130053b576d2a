//! Language identification.
//!
//! [`StopwordDetector`] decides by script first, then, for Latin script, by
//! counting frequent function words of each language among the first words of
//! the text. Function words are the most frequent words of every language and
//! barely overlap between French, English, Spanish, German, Italian,
//! Portuguese, Dutch and Turkish, so a few dozen words of running text settle
//! the question. Too little evidence gives [`Lang::Und`].
//!
//! One pass over the sample does both: ASCII bytes are classified without
//! decoding, and each word is lowercased into a 16-byte integer key (ASCII by
//! setting bit 5 of each byte, other letters by Unicode rules) and looked up
//! in an open-addressing table built once, whose value is the set of profiles
//! listing the word. No allocation per word or per call.

use sitrep_model::Lang;

/// A language detector: one required method.
pub trait LanguageDetector: Send + Sync {
    /// The language of `text`, or [`Lang::Und`] when it cannot tell.
    fn detect(&self, text: &str) -> Lang;
}

/// Script-then-function-word language detector (see the module docs).
#[derive(Debug, Default, Clone, Copy)]
pub struct StopwordDetector;

/// Detects the language of `text` with the default detector.
pub fn detect(text: &str) -> Lang {
    StopwordDetector.detect(text)
}

/// How many bytes of a document are looked at.
pub(crate) const SAMPLE_BYTES: usize = 20_000;

pub(crate) const PROFILES: &[(Lang, &[&str])] = &[
    (
        Lang::Fr,
        &[
            "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "dans", "pour", "que",
            "qui", "sur", "au", "aux", "pas", "par", "avec", "ont", "sont", "été", "il", "elle",
            "ils", "ce", "cette", "ces", "mais", "ou", "selon", "leur", "plus", "a", "l", "d",
            "qu", "n", "s", "c", "contre", "après", "lors", "depuis", "entre", "près", "vers",
            "chez", "aussi", "nous", "vous", "lui", "deux", "trois", "hier", "sous",
        ],
    ),
    (
        Lang::En,
        &[
            "the", "and", "of", "to", "in", "is", "was", "were", "for", "on", "that", "with", "by",
            "at", "from", "he", "she", "it", "they", "have", "has", "had", "been", "are", "an",
            "a", "this", "which", "said", "who", "after", "their", "his", "her", "not", "against",
            "during", "would", "will", "near", "into", "over", "its", "but", "or", "be", "up",
            "out", "about", "when", "there", "them", "we", "you", "since", "while", "amid",
            "where", "than", "also", "two", "three", "last",
        ],
    ),
    (
        Lang::Es,
        &[
            "el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "con", "para", "una",
            "un", "es", "fue", "se", "su", "sus", "al", "lo", "como", "más", "pero", "según",
            "han", "ha", "tras", "sobre", "entre",
        ],
    ),
    (
        Lang::De,
        &[
            "der", "die", "das", "und", "in", "den", "von", "zu", "mit", "ist", "des", "sich",
            "dem", "nicht", "ein", "eine", "auf", "für", "im", "auch", "wurde", "wurden", "bei",
            "nach", "sind", "hat", "haben", "aus", "einer", "werden",
        ],
    ),
    (
        Lang::It,
        &[
            "il", "la", "di", "che", "e", "è", "per", "un", "una", "del", "della", "dei", "delle",
            "nel", "nella", "con", "non", "sono", "gli", "le", "lo", "da", "alla", "al", "più",
            "ha", "hanno", "stato", "anche", "secondo",
        ],
    ),
    (
        Lang::Pt,
        &[
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "no", "na", "nos",
            "nas", "que", "um", "uma", "para", "com", "não", "por", "foi", "se", "mais", "ao",
            "pelo", "pela", "segundo", "são",
        ],
    ),
    (
        Lang::Nl,
        &[
            "de", "het", "een", "en", "van", "in", "is", "op", "dat", "te", "zijn", "met", "voor",
            "niet", "die", "aan", "er", "door", "ook", "werd", "worden", "naar", "bij", "uit",
            "wordt", "heeft", "hebben", "maar", "om", "tot",
        ],
    ),
    (
        Lang::Tr,
        &[
            "ve",
            "bir",
            "bu",
            "da",
            "de",
            "için",
            "ile",
            "olarak",
            "çok",
            "daha",
            "gibi",
            "en",
            "ne",
            "sonra",
            "kadar",
            "olan",
            "ancak",
            "ise",
            "göre",
            "tarafından",
            "değil",
            "her",
            "şekilde",
            "oldu",
            "yılında",
        ],
    ),
];

#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    arabic: usize,
    persian_marks: usize,
    cyrillic: usize,
    ukrainian_marks: usize,
    hebrew: usize,
    han: usize,
}

impl ScriptCounts {
    fn add(&mut self, ch: char) {
        match ch {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => self.latin += 1,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FDFF}' => {
                self.arabic += 1;
                if matches!(ch, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی') {
                    self.persian_marks += 1;
                }
            }
            '\u{400}'..='\u{4FF}' => {
                self.cyrillic += 1;
                if matches!(ch, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ') {
                    self.ukrainian_marks += 1;
                }
            }
            '\u{590}'..='\u{5FF}' => self.hebrew += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => self.han += 1,
            _ => {}
        }
    }
}

/// Counts letters per script. ASCII bytes are classified without decoding;
/// only non-ASCII runs are decoded.
/// Adds the letters of `text` to `c`, per script. Runs of ASCII are counted
/// without decoding.
fn count_scripts_into(text: &str, c: &mut ScriptCounts) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
        c.latin += bytes[i..i + run].iter().filter(|b| b.is_ascii_alphabetic()).count();
        i += run;
        if let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) {
            c.add(ch);
            i += ch.len_utf8();
        }
    }
}

fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl LanguageDetector for StopwordDetector {
    fn detect(&self, text: &str) -> Lang {
        let (s, votes) = scan(sample(text));
        let letters = s.latin + s.arabic + s.cyrillic + s.hebrew + s.han;
        if letters == 0 {
            return Lang::Und;
        }
        let top = *[s.latin, s.arabic, s.cyrillic, s.hebrew, s.han].iter().max().unwrap_or(&0);
        if top != s.latin {
            return if top == s.arabic {
                if s.persian_marks * 50 > s.arabic {
                    Lang::Fa
                } else {
                    Lang::Ar
                }
            } else if top == s.cyrillic {
                if s.ukrainian_marks * 100 > s.cyrillic {
                    Lang::Uk
                } else {
                    Lang::Ru
                }
            } else if top == s.hebrew {
                Lang::He
            } else {
                Lang::Zh
            };
        }
        votes.decide()
    }
}

const _: () = assert!(PROFILES.len() <= 8, "profile sets are stored in a u8");

/// Longest function word in bytes (after lowercasing); longer words are
/// counted but never looked up.
const MAX_WORD: usize = 16;
/// Slots of the function-word table (a power of two, well above the number
/// of distinct words so that probe chains stay short).
const SLOTS: usize = 1024;

/// A word of at most [`MAX_WORD`] bytes as one integer: its bytes in
/// little-endian order, zero-padded. Words hold no NUL byte, so the padding
/// keeps keys of different lengths apart.
type Key = u128;

fn key(bytes: &[u8]) -> Option<Key> {
    let mut buf = [0u8; MAX_WORD];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(Key::from_le_bytes(buf))
}

/// The key of the ASCII-letter word `bytes[start..end]`, lowercased (setting
/// bit 5 of every byte lowercases an ASCII letter and keeps a lowercase one);
/// `None` when it is empty or longer than [`MAX_WORD`]. When 16 bytes are
/// readable from `start` they are loaded at once and those past `end` masked off.
fn ascii_key_at(bytes: &[u8], start: usize, end: usize) -> Option<Key> {
    let len = end.checked_sub(start).filter(|&n| (1..=MAX_WORD).contains(&n))?;
    let mask = Key::MAX >> (128 - 8 * len);
    let k =
        match bytes.get(start..start + MAX_WORD).and_then(|b| <[u8; MAX_WORD]>::try_from(b).ok()) {
            Some(wide) => Key::from_le_bytes(wide) & mask,
            None => key(bytes.get(start..end)?)?,
        };
    Some(k | (mask & Key::from_le_bytes([0x20; MAX_WORD])))
}

fn slot_of(k: Key) -> usize {
    let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize % SLOTS
}

/// An open-addressing hash table from lowercase function word to the set of
/// profiles (bit i = `PROFILES[i]`) that list it, built once. An empty slot
/// has key 0. Keys and values are kept apart so that the keys (16 kB) stay
/// in the first-level cache.
struct WordTable {
    keys: Vec<Key>,
    bits: Vec<u8>,
}

impl WordTable {
    fn build() -> WordTable {
        let mut t = WordTable { keys: vec![0; SLOTS], bits: vec![0; SLOTS] };
        for (p, (_, list)) in PROFILES.iter().enumerate() {
            for w in list.iter() {
                // Profile words are short; a test checks they all fit.
                if let Some(k) = key(w.as_bytes()).filter(|&k| k != 0) {
                    t.insert(k, 1 << p);
                }
            }
        }
        t
    }

    fn insert(&mut self, k: Key, bit: u8) {
        let mut i = slot_of(k);
        loop {
            if self.keys[i] == 0 {
                self.keys[i] = k;
            }
            if self.keys[i] == k {
                self.bits[i] |= bit;
                return;
            }
            i = (i + 1) % SLOTS;
        }
    }

    /// Profiles listing the word with key `k` (already lowercase), as a bit set.
    fn get(&self, k: Key) -> u8 {
        let mut i = slot_of(k);
        loop {
            let key = self.keys[i];
            if key == k {
                return self.bits[i];
            }
            if key == 0 {
                return 0;
            }
            i = (i + 1) % SLOTS;
        }
    }
}

fn word_table() -> &'static WordTable {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(WordTable::build)
}

/// The key of the full Unicode lowercase of `word`; `None` when it is
/// longer than [`MAX_WORD`] bytes (then longer than every function word).
/// Latin-1 capitals are lowercased by offset, the rest by the standard tables.
fn unicode_key(word: &str) -> Option<Key> {
    let mut buf = [0u8; MAX_WORD];
    let mut n = 0;
    let mut put = |c: char| -> Option<()> {
        let len = c.len_utf8();
        c.encode_utf8(buf.get_mut(n..n + len)?);
        n += len;
        Some(())
    };
    for c in word.chars() {
        match c {
            'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => {
                put(char::from_u32(u32::from(c) + 32).unwrap_or(c))?
            }
            'a'..='z' | '\u{DF}'..='\u{FF}' => put(c)?,
            _ => {
                for l in c.to_lowercase() {
                    put(l)?;
                }
            }
        }
    }
    Some(Key::from_le_bytes(buf))
}

/// How many words of a document vote.
const MAX_WORDS: usize = 600;

/// Function-word votes: hits per profile among the words seen.
#[derive(Default)]
struct Votes {
    scores: [usize; PROFILES.len()],
    words: usize,
}

impl Votes {
    /// Counts the word `text[start..end]` (`ascii` when it is all ASCII).
    fn add(&mut self, text: &str, start: usize, end: usize, ascii: bool, table: &WordTable) {
        self.words += 1;
        let k = if ascii {
            ascii_key_at(text.as_bytes(), start, end)
        } else {
            text.get(start..end).and_then(unicode_key)
        };
        let mut bits = k.map_or(0, |k| table.get(k));
        while bits != 0 {
            self.scores[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }

    /// The Latin-script language with most votes, if the votes are enough.
    fn decide(&self) -> Lang {
        let (best, &best_score) = self
            .scores
            .iter()
            .enumerate()
            .max_by_key(|&(i, s)| (*s, usize::MAX - i))
            .unwrap_or((0, &0));
        // A single short headline may hold only one or two function words.
        if best_score == 0 || (self.words >= 8 && best_score * 20 < self.words) {
            return Lang::Und;
        }
        PROFILES[best].0
    }
}

/// One pass over the sample: letters per script over all of it, and the
/// votes of its first [`MAX_WORDS`] words (maximal runs of alphabetic chars).
/// Only non-ASCII bytes are decoded.
fn scan(text: &str) -> (ScriptCounts, Votes) {
    let bytes = text.as_bytes();
    let table = word_table();
    let mut counts = ScriptCounts::default();
    let mut votes = Votes::default();
    // Start of the current word and whether it is all ASCII so far.
    let mut word: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            let n = crate::chars::ascii_alpha_run(&bytes[i..]);
            counts.latin += n;
            word.get_or_insert((i, true));
            i += n;
            continue;
        }
        let (letter, len) = if b.is_ascii() {
            let letter = b.is_ascii_alphabetic();
            counts.latin += usize::from(letter);
            (letter, 1)
        } else {
            let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else { break };
            counts.add(ch);
            (crate::chars::is_alphabetic(ch), ch.len_utf8())
        };
        if letter {
            let w = word.get_or_insert((i, true));
            w.1 &= b.is_ascii();
        } else if let Some((start, ascii)) = word.take() {
            votes.add(text, start, i, ascii, table);
            if votes.words >= MAX_WORDS {
                count_scripts_into(text.get(i + len..).unwrap_or(""), &mut counts);
                return (counts, votes);
            }
        }
        i += len;
    }
    if let Some((start, ascii)) = word {
        votes.add(text, start, bytes.len(), ascii, table);
    }
    (counts, votes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_real_sentences() {
        let cases: &[(&str, Lang)] = &[
            ("Le mouvement irakien Asaïb Ahl al-Haq déclare que suite à l’annonce de la fin du cessez-le-feu avec les États-Unis", Lang::Fr),
            ("On 9 May 2020, medical interns protested in Bat Galim Square of Haifa city, demanding shorter shifts.", Lang::En),
            ("The US warplanes pounded the village of Kashkash in the Southern parts of al-Shadadi city", Lang::En),
            ("Des hommes armés ont attaqué un poste de police dans la région de Mopti", Lang::Fr),
            ("Los manifestantes se reunieron frente al palacio de gobierno para exigir la renuncia del ministro", Lang::Es),
            ("Die Polizei hat am Montag in der Stadt mehrere Demonstranten festgenommen, die sich", Lang::De),
            ("Il governo ha annunciato che le truppe della missione sono state ritirate dalla città", Lang::It),
            ("O governo anunciou que as tropas foram retiradas da cidade depois dos ataques", Lang::Pt),
            ("أعلنت حركة عصائب أهل الحق انتهاء الهدنة مع الولايات المتحدة", Lang::Ar),
            ("Российские войска нанесли удар по городу", Lang::Ru),
            ("Російські війська завдали удару по місту і знищили", Lang::Uk),
            ("", Lang::Und),
            ("12345 !!! ---", Lang::Und),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), *want, "{text}");
        }
    }

    /// Short English reports whose only shared function word is "a" are not French.
    #[test]
    fn issue5_a_short_english_report_is_english() {
        for (text, want) in [
            ("A strike hit a base near Erbil.", Lang::En),
            ("A rocket hit a military base near Erbil last Friday.", Lang::En),
            ("A strike hit a base near Erbil two days ago.", Lang::En),
            ("Une frappe a visé une base près d'Erbil.", Lang::Fr),
            ("Un drone a frappé hier un véhicule à Gao.", Lang::Fr),
        ] {
            assert_eq!(detect(text), want, "{text}");
        }
    }

    #[test]
    fn samples_on_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(sample(&text).len() <= SAMPLE_BYTES);
        assert_eq!(detect(&text), Lang::Und);
    }

    #[test]
    fn table_holds_every_function_word() {
        let table = word_table();
        // Load factor at most 3/5, so that probe chains stay short.
        let used = table.keys.iter().filter(|&&k| k != 0).count();
        assert!(used * 5 <= SLOTS * 3, "{used} words in {SLOTS} slots");
        for (p, (_, list)) in PROFILES.iter().enumerate() {
            for w in list.iter() {
                assert!(w.len() <= MAX_WORD && w.to_lowercase() == *w, "{w}");
                assert_eq!(unicode_key(w), key(w.as_bytes()), "{w}");
                let bits = key(w.as_bytes()).map_or(0, |k| table.get(k));
                assert!(bits & (1 << p) != 0, "{w}");
            }
        }
        for w in ["th", "thee", "leś", "zzzz", "tarafındanx", "dies", "x"] {
            assert_eq!(unicode_key(w).map_or(0, |k| table.get(k)), 0, "{w}");
        }
        // "la" is French, Spanish and Italian.
        assert_eq!(table.get(Key::from(u16::from_le_bytes(*b"la"))).count_ones(), 3);
    }

    #[test]
    fn keys_lowercase_like_std() {
        let cases = [
            "THE",
            "The",
            "a",
            "ABCDEFGHIJKLMNOP",
            "ÉTÉ",
            "İÇİN",
            "ÀÖØÞßÿ",
            "\u{212A}ELVIN",
            "ΣΟΦΊΑ",
        ];
        for w in cases {
            let lower = w.to_lowercase();
            assert_eq!(unicode_key(w), key(lower.as_bytes()), "{w}");
            if w.is_ascii() {
                assert_eq!(ascii_key_at(w.as_bytes(), 0, w.len()), key(lower.as_bytes()), "{w}");
            }
        }
        assert_eq!(unicode_key(&"Ä".repeat(9)), None);
        // Words inside a longer text: the wide load masks what follows.
        let text = b"xx The Lorem ipsum dolor sit amet, tarafindan";
        assert_eq!(ascii_key_at(text, 3, 6), key(b"the"));
        let at = text.len() - "tarafindan".len();
        assert_eq!(ascii_key_at(text, at, at + 9), key(b"tarafinda"));
        assert_eq!(ascii_key_at(text, 3, 3), None);
        assert_eq!(ascii_key_at(b"ABCDEFGHIJKLMNOPQ", 0, 17), None);
    }

    fn assert_same_as_reference(text: &str) {
        assert_eq!(detect(text), crate::oracle::lang_v0::detect(text), "{text:?}");
    }

    /// Issue 2: the hash-table lookup and byte-level scanning decide exactly
    /// like the char-by-char detector, on real notes and sentences.
    #[test]
    fn issue2_fast_detector_matches_reference_on_real_text() {
        let seed = include_str!("../../../examples/fr-iraq-ceasefire.txt");
        assert_same_as_reference(seed);
        for line in seed.lines() {
            assert_same_as_reference(line);
        }
        for text in crate::oracle::bench_samples() {
            assert_same_as_reference(&text);
            for line in text.lines().take(3000) {
                assert_same_as_reference(line);
            }
        }
    }

    /// Votes stop after [`MAX_WORDS`] words while script counts go on.
    #[test]
    fn issue2_long_documents_match_reference() {
        let cases = [
            ("the ".repeat(599) + "le la les " + &"де ".repeat(900), Lang::En),
            ("the ".repeat(599) + "le la les " + &"де ".repeat(1200), Lang::Ru),
            ("x ".repeat(600) + &"le ".repeat(100), Lang::Und),
            // 30 votes in 600 words is the least that decides.
            ("x ".repeat(570) + &"le ".repeat(30), Lang::Fr),
            ("x ".repeat(571) + &"le ".repeat(29), Lang::Und),
        ];
        for (text, want) in cases {
            assert_same_as_reference(&text);
            assert_eq!(detect(&text), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn issue2_fast_detector_matches_reference_on_random_text(s in "\\PC{0,200}") {
            assert_same_as_reference(&s);
        }

        #[test]
        fn issue2_fast_detector_matches_reference_on_mixed_pieces(
            pieces in proptest::collection::vec(
                proptest::sample::select(crate::oracle::PIECES.to_vec()), 0..80)
        ) {
            assert_same_as_reference(&pieces.concat());
        }
    }
}
