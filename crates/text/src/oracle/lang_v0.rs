//! The lang implementation before the byte-level fast paths (issue 2), kept
//! as a test oracle: its own algorithm, the live word lists. The fast code
//! must give identical output.
#![allow(dead_code)]

use crate::lang::{PROFILES, SAMPLE_BYTES};
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

fn count_scripts(text: &str) -> ScriptCounts {
    let mut c = ScriptCounts::default();
    for ch in text.chars() {
        match ch {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => c.latin += 1,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FDFF}' => {
                c.arabic += 1;
                if matches!(ch, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی') {
                    c.persian_marks += 1;
                }
            }
            '\u{400}'..='\u{4FF}' => {
                c.cyrillic += 1;
                if matches!(ch, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ') {
                    c.ukrainian_marks += 1;
                }
            }
            '\u{590}'..='\u{5FF}' => c.hebrew += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => c.han += 1,
            _ => {}
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

fn latin_by_function_words(text: &str) -> Lang {
    let mut scores = [0usize; PROFILES.len()];
    let mut words = 0usize;
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        for (i, (_, list)) in PROFILES.iter().enumerate() {
            if list.contains(&buf.as_str()) {
                scores[i] += 1;
            }
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
