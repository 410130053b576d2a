//! Reference implementations (test only): the straightforward char-by-char
//! code the optimised stages replaced. Property and regression tests compare
//! the optimised output with these, byte for byte.

pub mod lang_v0;
pub mod segment_v0;

/// Fragments that exercise every rule (elision, clitics, initialisms,
/// abbreviations, numbers, ordinals, quotes, non-ASCII letters and spaces),
/// concatenated at random by the property tests.
pub const PIECES: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\t",
    "\u{A0}",
    "\u{202F}",
    "\u{200B}",
    "\u{FEFF}",
    "l'",
    "L’",
    "qu’",
    "jusqu'",
    "d'",
    "a-t-il",
    "-t-elle",
    "dit-elle",
    "-ELLE",
    "-on",
    "cessez-le-feu",
    "al-Haq",
    "aujourd'hui",
    "U.S.",
    "U.",
    "N.",
    "u.s.",
    "M.",
    "Mme.",
    "Dr.",
    "etc.",
    "No.",
    "no",
    "art.",
    "p.",
    "n°",
    "1",
    "000",
    "1 000",
    "1,000",
    "2.5",
    "25\u{A0}000",
    "1er",
    "2e",
    "3ème",
    "3rd",
    "th",
    "ère",
    ".",
    "...",
    "..",
    "!",
    "?",
    "…",
    "؟",
    ",",
    ";",
    ":",
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "›",
    "‹",
    "-",
    "‐",
    "‑",
    "—",
    "–",
    "é",
    "É",
    "Aïn",
    "États-Unis",
    "İ",
    "\u{212A}",
    "ß",
    "e\u{301}",
    "ء",
    "عصائب",
    "Россия",
    "中国",
    "😀",
    "$",
    "Lire aussi",
    "READ MORE",
    "À lire également",
    "Le",
    "the",
    "la",
    "de",
    "Il",
    "and",
    "x",
    "Z",
    "a",
    "b",
    "9",
];

/// Real text from shared/bench when it is next to the repository (ACLED rows
/// and HIPE tokens, raw): more variety for the oracle comparisons. Empty,
/// with a note on stderr, when the folder is absent.
pub fn bench_samples() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench");
    let files = ["acled-2020-05/acled.csv", "hipe2020-fr/HIPE-data-v1.4-dev-fr.tsv"];
    let mut out = Vec::new();
    for f in files {
        match std::fs::read_to_string(root.join(f)) {
            // The first 200 kB of each: enough variety, fast in debug builds.
            Ok(s) => {
                let mut end = s.len().min(200_000);
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                out.push(s[..end].to_owned());
            }
            Err(e) => eprintln!("bench text {f} not found ({e}); comparing on the seed only"),
        }
    }
    out
}
