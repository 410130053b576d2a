//! The data tables of `data/events/` and a word-boundary matcher over folded text.
//!
//! Every table is a TSV file embedded with `include_str!` and parsed once.
//! A term is folded (see [`crate::fold`]); a trailing `*` makes it a prefix
//! that matches any word ending. All terms of a table go into one
//! Aho-Corasick automaton; a document is searched once per table.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use sitrep_model::Lang;

use crate::fold::{key, Folded};

/// Which languages a table line applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Langs {
    /// French only.
    Fr,
    /// English only.
    En,
    /// Both.
    Any,
}

impl Langs {
    fn parse(s: &str) -> Langs {
        match s {
            "fr" => Langs::Fr,
            "en" => Langs::En,
            _ => Langs::Any,
        }
    }
    fn allows(self, lang: Lang) -> bool {
        match self {
            Langs::Any => true,
            Langs::Fr => lang == Lang::Fr,
            Langs::En => lang != Lang::Fr,
        }
    }
}

/// A term found in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Folded start (first byte of the first word).
    pub fstart: usize,
    /// Folded end (the space after the last word).
    pub fend: usize,
    /// Original byte start.
    pub start: usize,
    /// Original byte end.
    pub end: usize,
    /// Index of the table entry.
    pub entry: usize,
}

/// Ids of the tables, for the per-document hit cache of [`Folded`].
static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Terms of one table, compiled.
#[derive(Debug)]
pub struct Matcher<T> {
    /// Slot of this table's hits in a [`Folded`] text's cache.
    id: usize,
    /// One leftmost-longest automaton for French, one for the other
    /// languages, with the entry index of each of their keys.
    fr: Option<(AhoCorasick, Vec<usize>)>,
    en: Option<(AhoCorasick, Vec<usize>)>,
    prefix: Vec<bool>,
    /// Entry values, by entry index.
    pub values: Vec<T>,
}

impl<T> Matcher<T> {
    /// Compiles `(term, langs, value)` entries.
    pub fn new(entries: Vec<(String, Langs, T)>) -> Matcher<T> {
        let mut keys = Vec::new();
        let mut prefix = Vec::new();
        let mut langs = Vec::new();
        let mut values = Vec::new();
        for (term, l, v) in entries {
            let p = term.ends_with('*');
            let k = key(term.trim_end_matches('*'));
            if k.is_empty() {
                continue;
            }
            keys.push(k);
            prefix.push(p);
            langs.push(l);
            values.push(v);
        }
        // Leftmost-longest, the longest term at the first start: a plain
        // forward search. A whole-word key ends with its space.
        let build = |lang: Lang| {
            let mut ks = Vec::new();
            let mut ids = Vec::new();
            for (e, k) in keys.iter().enumerate() {
                if langs[e].allows(lang) {
                    ks.push(if prefix[e] { k.clone() } else { format!("{k} ") });
                    ids.push(e);
                }
            }
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                // Every key starts with a space: a start-byte prefilter
                // would stop at every word.
                .prefilter(false)
                .build(&ks)
                .ok()?;
            Some((ac, ids))
        };
        let (fr, en) = (build(Lang::Fr), build(Lang::En));
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Matcher { id, fr, en, prefix, values }
    }

    /// Non-overlapping hits in folded bytes `[from, to)`, longest first at
    /// each start, in text order.
    ///
    /// The whole document is searched once per table (the hits are kept in
    /// `f`); a range is then a slice of them.
    pub fn find(&self, f: &Folded, from: usize, to: usize, lang: Lang) -> Vec<Hit> {
        if let Some(cell) = f.hits.get(self.id) {
            let (l, all) = cell.get_or_init(|| (lang, self.scan(f, 0, f.text.len(), lang)));
            if *l == lang {
                let to = to.min(f.text.len());
                let from = from.min(to);
                let i = all.partition_point(|h| h.fstart < from);
                return all[i..]
                    .iter()
                    .take_while(|h| h.fstart < to)
                    .filter(|h| h.fend <= to)
                    .copied()
                    .collect();
            }
        }
        self.scan(f, from, to, lang)
    }

    fn scan(&self, f: &Folded, from: usize, to: usize, lang: Lang) -> Vec<Hit> {
        let Some((ac, ids)) = (if lang == Lang::Fr { &self.fr } else { &self.en }) else {
            return Vec::new();
        };
        let bytes = f.text.as_bytes();
        let to = to.min(bytes.len());
        let from = from.min(to);
        // A key starts with the space before its first word and, when whole,
        // ends with the space after its last one (which may lie at `to`).
        let limit = (to + 1).min(bytes.len());
        let Some(hay) = f.text.get(..limit) else { return Vec::new() };
        let mut out: Vec<Hit> = Vec::new();
        let mut pos = from.saturating_sub(1);
        while pos < limit {
            let Some(m) = ac.find(aho_corasick::Input::new(hay).range(pos..limit)) else { break };
            let e = ids[m.pattern().as_usize()];
            let mut me = m.end();
            if self.prefix[e] {
                while me < bytes.len() && bytes[me] != b' ' {
                    me += 1;
                }
            } else {
                me -= 1;
            }
            if me > to {
                pos = m.start() + 1;
                continue;
            }
            let fstart = m.start() + 1;
            out.push(Hit { fstart, fend: me, start: f.orig(fstart), end: f.orig(me), entry: e });
            // The space that ends this term can start the next one.
            pos = me.max(pos + 1);
        }
        out
    }
}

/// One trigger line of `triggers.tsv`.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// Fine kind.
    pub kind: String,
    /// ACLED event type, empty for "from context".
    pub event_type: String,
    /// ACLED sub-event type, empty for "from context".
    pub sub_event_type: String,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode, empty for none.
    pub mode: String,
    /// Weapon the trigger names, empty for none.
    pub weapon: String,
    /// Passive form: subject is the target.
    pub passive: bool,
    /// Nominal trigger.
    pub noun: bool,
    /// Only a cue.
    pub weak: bool,
    /// A statement that is news in itself.
    pub stmt: bool,
    /// A verb of attack only where its clause names a weapon ("drones hit a depot", not
    /// "a man was hit by a car" or "inflation hit a record").
    pub armed: bool,
}

/// Class of a party noun (`parties.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyClass {
    /// Civilians.
    Civilian,
    /// Armed forces or groups, and their facilities.
    Armed,
    /// Police.
    Police,
    /// Protesters, crowds.
    Crowd,
}

/// One modality cue.
#[derive(Debug, Clone)]
pub struct Cue {
    /// Modality name (contract spelling).
    pub modality: String,
    /// The cue must stand before the trigger.
    pub before: bool,
}

/// All tables.
#[derive(Debug)]
pub struct Lexicon {
    /// Event triggers.
    pub triggers: Matcher<Trigger>,
    /// Weapon words.
    pub weapons: Matcher<String>,
    /// Loaded words.
    pub framing: Matcher<()>,
    /// Modality cues.
    pub modality: Matcher<Cue>,
    /// Party nouns.
    pub parties: Matcher<PartyClass>,
    /// Protest refinement cues.
    pub protest: Matcher<String>,
}

/// Table lines as `(fields)`, skipping comments and blank lines.
fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
}

fn dash(s: Option<&&str>) -> String {
    match s {
        Some(&"-") | None => String::new(),
        Some(s) => s.to_string(),
    }
}

fn parse_triggers(src: &str) -> Vec<(String, Langs, Trigger)> {
    rows(src)
        .filter(|r| r.len() >= 3)
        .map(|r| {
            let flags = dash(r.get(8));
            let has = |f: &str| flags.split(',').any(|x| x == f);
            let t = Trigger {
                kind: r[2].to_string(),
                event_type: dash(r.get(3)),
                sub_event_type: dash(r.get(4)),
                plover: dash(r.get(5)),
                mode: dash(r.get(6)),
                weapon: dash(r.get(7)),
                passive: has("pass"),
                noun: has("noun"),
                weak: has("weak"),
                stmt: has("stmt"),
                armed: has("armed"),
            };
            (r[0].to_string(), Langs::parse(r[1]), t)
        })
        .collect()
}

fn parse_pairs(src: &str) -> Vec<(String, Langs, String)> {
    rows(src)
        .filter(|r| r.len() >= 2)
        .map(|r| (r[0].to_string(), Langs::parse(r[1]), dash(r.get(2))))
        .collect()
}

/// The embedded tables, parsed once.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let d = |s: &str| parse_pairs(s);
    Lexicon {
        triggers: Matcher::new(parse_triggers(include_str!("../../../data/events/triggers.tsv"))),
        weapons: Matcher::new(d(include_str!("../../../data/events/weapons.tsv"))),
        framing: Matcher::new(
            d(include_str!("../../../data/events/framing.tsv"))
                .into_iter()
                .map(|(t, l, _)| (t, l, ()))
                .collect(),
        ),
        modality: Matcher::new(
            rows(include_str!("../../../data/events/modality.tsv"))
                .filter(|r| r.len() >= 3)
                .map(|r| {
                    let cue =
                        Cue { modality: r[2].to_string(), before: r.get(3) == Some(&"before") };
                    (r[0].to_string(), Langs::parse(r[1]), cue)
                })
                .collect(),
        ),
        parties: Matcher::new(
            d(include_str!("../../../data/events/parties.tsv"))
                .into_iter()
                .map(|(t, l, c)| {
                    let c = match c.as_str() {
                        "civilian" => PartyClass::Civilian,
                        "police" => PartyClass::Police,
                        "crowd" => PartyClass::Crowd,
                        _ => PartyClass::Armed,
                    };
                    (t, l, c)
                })
                .collect(),
        ),
        protest: Matcher::new(d(include_str!("../../../data/events/protest_cues.tsv"))),
    }
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    #[test]
    fn every_table_line_parses() {
        let lex = &*LEXICON;
        let n = |src: &str| rows(src).count();
        assert_eq!(lex.triggers.values.len(), n(include_str!("../../../data/events/triggers.tsv")));
        assert_eq!(lex.weapons.values.len(), n(include_str!("../../../data/events/weapons.tsv")));
        assert_eq!(lex.parties.values.len(), n(include_str!("../../../data/events/parties.tsv")));
        let kinds = [
            "attack",
            "airstrike",
            "drone_strike",
            "rocket_attack",
            "missile_attack",
            "shelling",
            "bombing",
            "suicide_bombing",
            "armed_clash",
            "ambush",
            "raid",
            "assassination",
            "abduction",
            "arrest",
            "protest",
            "riot",
            "statement",
            "threat",
            "ceasefire",
            "agreement",
            "other",
        ];
        for t in &lex.triggers.values {
            assert!(kinds.contains(&t.kind.as_str()), "{}", t.kind);
            assert!(
                t.sub_event_type.is_empty()
                    || crate::code::is_acled_sub(&t.event_type, &t.sub_event_type)
            );
            assert!(!t.plover.is_empty());
        }
        for w in &lex.weapons.values {
            assert!(
                crate::code::WEAPONS.contains(&w.as_str())
                    || w.is_empty()
                    || w == crate::code::HEAVY_GUN
                    || w == crate::code::SMALL_ARMS,
                "{w}"
            );
        }
    }

    #[test]
    fn prefix_and_exact_terms() {
        let m = Matcher::new(vec![
            ("frapp*".to_string(), Langs::Any, 1),
            ("frappes aériennes".to_string(), Langs::Any, 2),
            ("raid".to_string(), Langs::Any, 3),
        ]);
        let f = fold("Des frappes aériennes et des raids, puis un raid.");
        let hits = m.find(&f, 0, f.text.len(), Lang::Fr);
        let got: Vec<i32> = hits.iter().map(|h| m.values[h.entry]).collect();
        assert_eq!(got, vec![2, 3]);
    }

    /// Adjacent terms are both found, a longer term is not cut short at a
    /// shorter word ("shot downward" is "shot"), ranges slice the cached
    /// whole-document hits, and each language sees its own terms.
    #[test]
    fn ranges_adjacency_and_languages() {
        let m = Matcher::new(vec![
            ("shot".to_string(), Langs::En, 1),
            ("shot down".to_string(), Langs::En, 2),
            ("killed".to_string(), Langs::Any, 3),
            ("tué*".to_string(), Langs::Fr, 4),
        ]);
        let t = "He was shot downward, killed killed; tués.";
        let f = fold(t);
        let vals = |hs: Vec<Hit>| hs.iter().map(|h| m.values[h.entry]).collect::<Vec<i32>>();
        assert_eq!(vals(m.find(&f, 0, f.text.len(), Lang::En)), [1, 3, 3]);
        let k = f.folded_at(t.find("killed;").unwrap_or(0));
        assert_eq!(vals(m.find(&f, k, f.text.len(), Lang::En)), [3]);
        let g = fold(t);
        assert_eq!(vals(m.find(&g, 0, g.text.len(), Lang::Fr)), [3, 3, 4]);
        let h = m.find(&f, 0, f.text.len(), Lang::En);
        assert_eq!(&t[h[0].start..h[0].end], "shot");
    }
}
