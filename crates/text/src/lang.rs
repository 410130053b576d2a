//! Language identification.
//!
//! [`StopwordDetector`] decides by script first, then, for Latin script, by
//! counting frequent function words of each language among the first words of
//! the text. Function words are the most frequent words of every language and
//! barely overlap between French, English, Spanish, German, Italian,
//! Portuguese, Dutch and Turkish, so a few dozen words of running text settle
//! the question. Too little evidence gives [`Lang::Und`].

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
const SAMPLE_BYTES: usize = 20_000;

const PROFILES: &[(Lang, &[&str])] = &[
    (
        Lang::Fr,
        &[
            "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "dans", "pour", "que",
            "qui", "sur", "au", "aux", "pas", "par", "avec", "ont", "sont", "été", "il", "elle",
            "ils", "ce", "cette", "ces", "mais", "ou", "selon", "leur", "plus", "a", "l", "d",
            "qu", "n", "s", "c", "contre", "après", "lors", "depuis", "entre",
        ],
    ),
    (
        Lang::En,
        &[
            "the", "and", "of", "to", "in", "is", "was", "were", "for", "on", "that", "with", "by",
            "at", "from", "he", "she", "it", "they", "have", "has", "had", "been", "are", "an",
            "a", "this", "which", "said", "who", "after", "their", "his", "her", "not", "against",
            "during", "would", "will",
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
fn count_scripts(text: &str) -> ScriptCounts {
    let mut c = ScriptCounts::default();
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
    c
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
        let text = sample(text);
        let s = count_scripts(text);
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
        latin_by_function_words(text)
    }
}

const _: () = assert!(PROFILES.len() <= 8, "profile sets are stored in a u8");

/// Longest function word in bytes (after lowercasing); longer words are
/// counted but never looked up.
const MAX_WORD: usize = 16;
/// Slots of the function-word table (a power of two, well above the number
/// of distinct words so that probe chains stay short).
const SLOTS: usize = 1024;

/// An open-addressing hash table from lowercase function word to the set of
/// profiles (bit i = `PROFILES[i]`) that list it, built once.
struct WordTable {
    slots: Vec<([u8; MAX_WORD], u8, u8)>,
}

fn hash(word: &[u8]) -> usize {
    let mut h: u64 = word.len() as u64;
    for &b in word {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    (h >> 32) as usize
}

impl WordTable {
    fn build() -> WordTable {
        let mut t = WordTable { slots: vec![([0; MAX_WORD], 0, 0); SLOTS] };
        for (p, (_, list)) in PROFILES.iter().enumerate() {
            for w in list.iter() {
                t.insert(w.as_bytes(), 1 << p);
            }
        }
        t
    }

    fn insert(&mut self, word: &[u8], bit: u8) {
        debug_assert!(word.len() <= MAX_WORD && !word.is_empty());
        let mut i = hash(word) % SLOTS;
        loop {
            let slot = &mut self.slots[i];
            if slot.1 == 0 {
                slot.0[..word.len()].copy_from_slice(word);
                slot.1 = word.len() as u8;
            }
            if &slot.0[..usize::from(slot.1)] == word {
                slot.2 |= bit;
                return;
            }
            i = (i + 1) % SLOTS;
        }
    }

    /// Profiles listing `word` (already lowercase), as a bit set.
    fn get(&self, word: &[u8]) -> u8 {
        if word.is_empty() || word.len() > MAX_WORD {
            return 0;
        }
        let mut i = hash(word) % SLOTS;
        loop {
            let (key, len, bits) = &self.slots[i];
            if *len == 0 {
                return 0;
            }
            if usize::from(*len) == word.len() && &key[..word.len()] == word {
                return *bits;
            }
            i = (i + 1) % SLOTS;
        }
    }
}

fn word_table() -> &'static WordTable {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(WordTable::build)
}

/// The next maximal run of alphabetic chars at or after byte `i`: its range
/// and whether it is all ASCII.
fn next_word(text: &str, mut i: usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    // Skip separators.
    loop {
        let &b = bytes.get(i)?;
        if b.is_ascii_alphabetic() {
            break;
        }
        if b.is_ascii() {
            i += 1;
            continue;
        }
        let ch = text.get(i..)?.chars().next()?;
        if ch.is_alphabetic() {
            break;
        }
        i += ch.len_utf8();
    }
    let start = i;
    let mut ascii = true;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b.is_ascii() {
            break;
        } else {
            let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else { break };
            if !ch.is_alphabetic() {
                break;
            }
            ascii = false;
            i += ch.len_utf8();
        }
    }
    Some((start, i, ascii))
}

fn latin_by_function_words(text: &str) -> Lang {
    let table = word_table();
    let mut scores = [0usize; PROFILES.len()];
    let mut words = 0usize;
    let mut lower = [0u8; MAX_WORD];
    let mut unicode = String::new();
    let mut i = 0;
    while let Some((start, end, ascii)) = next_word(text, i) {
        i = end;
        words += 1;
        let word = &text[start..end];
        let bits = if ascii {
            // Lowercasing keeps ASCII length, so long words cannot match.
            if word.len() > MAX_WORD {
                0
            } else {
                let buf = &mut lower[..word.len()];
                buf.copy_from_slice(word.as_bytes());
                buf.make_ascii_lowercase();
                table.get(buf)
            }
        } else {
            // Full Unicode lowercasing never yields fewer chars than it reads.
            if word.chars().count() > MAX_WORD {
                0
            } else {
                unicode.clear();
                unicode.extend(word.chars().flat_map(char::to_lowercase));
                table.get(unicode.as_bytes())
            }
        };
        let mut rest = bits;
        while rest != 0 {
            scores[rest.trailing_zeros() as usize] += 1;
            rest &= rest - 1;
        }
        if words >= 600 {
            break;
        }
    }
    let (best, &best_score) =
        scores.iter().enumerate().max_by_key(|&(i, s)| (*s, usize::MAX - i)).unwrap_or((0, &0));
    // A single short headline may hold only one or two function words.
    if best_score == 0 || (words >= 8 && best_score * 20 < words) {
        return Lang::Und;
    }
    PROFILES[best].0
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

    #[test]
    fn samples_on_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(sample(&text).len() <= SAMPLE_BYTES);
        assert_eq!(detect(&text), Lang::Und);
    }
}
