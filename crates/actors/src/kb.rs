//! The actor knowledge base: loading the TSV tables and compiling the matcher.
//!
//! Tables (all under `data/actors/`, embedded with `include_str!`):
//!
//! * `states.tsv` — generated from ISO 3166-1 and its French/Arabic
//!   translations (`scripts/actors/gen_states.py`): one state per row.
//! * `countries.tsv` — hand-written: ACLED-style English name, English and
//!   French adjectives (demonyms), Arabic names, capital metonyms.
//! * `templates.tsv` — per-state organs (military, police, government,
//!   protesters…) as name templates filled with each state's adjectives.
//! * `curated/*.tsv` — hand-written actors: organs, armed groups, media,
//!   organisations, generic actors.
//! * `acled_names.tsv` — actor names from ACLED training rows
//!   (`scripts/actors/gen_acled_names.py`).
//!
//! Rows naming the same canonical actor are merged, so a later table may add
//! aliases to an earlier actor.

use crate::fold;
use crate::matcher::{put_u32s, Matcher, Reader};
use sitrep_model::EntityKind;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// A fast non-cryptographic hasher for the word and alias maps (the keys are
/// our own table entries and text words; no adversary picks them).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxBuild;

/// The hasher of [`FxBuild`] (the rustc "Fx" multiply-rotate hash).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const FX_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(FX_K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(FX_K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl BuildHasher for FxBuild {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

/// A hash map with [`FxBuild`].
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// Errors found while loading the actor tables.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A row has a malformed field.
    #[error("{table}:{line}: {message}")]
    Row {
        /// Table name.
        table: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The alias matcher could not be built.
    #[error("cannot build the alias matcher: {0}")]
    Build(String),
}

/// What the knowledge base knows about one actor.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorInfo {
    /// Canonical name.
    pub canonical: String,
    /// Entity kind.
    pub kind: EntityKind,
    /// ISO 3166 alpha-2 country, when the actor belongs to one.
    pub country: Option<String>,
    /// ACLED actor type ("State forces", "Rebel group"…).
    pub acled_type: Option<String>,
    /// Canonical name of the umbrella organisation.
    pub part_of: Option<String>,
    /// All names the actor is known by (canonical first), as written in the tables.
    pub aliases: Vec<String>,
}

/// How one word of an alias must be written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WordCase {
    /// Any case ("américains", "armée").
    Any,
    /// First letter upper case ("Hamas", "Washington").
    Initial,
    /// Exactly these letters (acronyms: "US", "FAMa", "M23").
    Exact(String),
}

/// One alias of one actor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alias {
    /// Index into [`ActorKb::actors`].
    pub actor: u32,
    /// Demonym or adjective ("américains", "Iraqi").
    pub adjectival: bool,
    /// A state's own name or capital: a place after a locative preposition.
    pub toponym: bool,
    /// Index of the alias text in the actor's `aliases` (its case rules are
    /// derived from it when a hit is checked, see [`rules`]).
    pub text: u32,
    /// Number of words with a case rule stricter than [`WordCase::Any`].
    pub strict: u8,
    /// Bytes of folded proclitic before the alias proper (Arabic "و", "ب"…).
    pub proclitic: usize,
    /// The case rule of each word, two bits a word from the low bits
    /// ([`CASE_ANY`], [`CASE_INITIAL`], [`CASE_EXACT`]; 0 after the last
    /// word); [`CASE_UNPACKED`]
    /// when the alias has too many words to pack (the tagger then derives
    /// the rules from the text). Computed by the build script.
    pub case: u32,
}

/// Word case rule codes packed in [`Alias::case`].
pub(crate) const CASE_INITIAL: u32 = 1;
pub(crate) const CASE_EXACT: u32 = 2;
pub(crate) const CASE_ANY: u32 = 3;
/// [`Alias::case`] of an alias whose rules do not fit in 32 bits.
pub(crate) const CASE_UNPACKED: u32 = u32::MAX;

/// The packed case rules of an alias text (see [`Alias::case`]).
pub(crate) fn case_mask(alias: &str) -> u32 {
    let mut mask = 0u32;
    for (i, w) in fold::words(alias).enumerate() {
        if i >= 15 {
            return CASE_UNPACKED;
        }
        let code = match word_case(w) {
            WordCase::Any => CASE_ANY,
            WordCase::Initial => CASE_INITIAL,
            WordCase::Exact(_) => CASE_EXACT,
        };
        mask |= code << (2 * i);
    }
    mask
}

/// The actor table compiled for tagging.
pub struct ActorKb {
    pub(crate) actors: Vec<ActorInfo>,
    pub(crate) aliases: Vec<Alias>,
    /// Alias ids of pattern `p` (sharing its folded key, best first):
    /// `pattern_ids[pattern_start[p]..pattern_start[p + 1]]`.
    pattern_start: Vec<u32>,
    pattern_ids: Vec<u32>,
    /// The folded keys as a word trie, to pattern ids.
    pub(crate) matcher: Matcher,
    by_canonical: FxMap<String, u32>,
    /// ISO2 → index of the state actor.
    pub(crate) states: FxMap<String, u32>,
    /// ISO2 → canonical name of its military.
    pub(crate) militaries: HashMap<String, String>,
    /// ISO2 → canonical name of its government.
    pub(crate) governments: HashMap<String, String>,
    /// (template role, ISO2) → canonical name ("protesters", "IN" → "Protesters (India)").
    pub(crate) roles: HashMap<(String, String), String>,
    /// Actors of the generic table (no country of their own).
    pub(crate) generics: std::collections::HashSet<u32>,
    alias_total: usize,
}

impl std::fmt::Debug for ActorKb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorKb")
            .field("actors", &self.actors.len())
            .field("aliases", &self.alias_total)
            .finish()
    }
}

/// Parses an entity kind as spelled in the v1 contract.
pub(crate) fn parse_kind(s: &str) -> Option<EntityKind> {
    Some(match s {
        "person" => EntityKind::Person,
        "armed_group" => EntityKind::ArmedGroup,
        "state" => EntityKind::State,
        "military" => EntityKind::Military,
        "government" => EntityKind::Government,
        "organization" => EntityKind::Organization,
        "media" => EntityKind::Media,
        "place" => EntityKind::Place,
        "other" => EntityKind::Other,
        _ => return None,
    })
}

/// Generic actors whose country-specific form comes from a template role
/// (`templates.tsv`); other generics get "<name> (<State>)".
const GENERIC_ROLES: [(&str, &str); 8] = [
    ("Military Forces", "military"),
    ("Police Forces", "police"),
    ("Security Forces", "security"),
    ("Government", "government"),
    ("Protesters", "protesters"),
    ("Rioters", "rioters"),
    ("Civilians", "civilians"),
    ("Unidentified Armed Group", "unidentified"),
];

const ACLED_TYPES: [&str; 8] = [
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
];

fn word_case(w: &str) -> WordCase {
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    let digit = w.chars().any(|c| c.is_ascii_digit());
    if upper >= 2 || (upper >= 1 && digit) {
        WordCase::Exact(w.to_string())
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        WordCase::Initial
    } else {
        WordCase::Any
    }
}

/// The case rules of an alias text, one per word (the tagger checks the
/// same rules without building them; its tests compare the two).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn rules(alias: &str) -> Vec<WordCase> {
    fold::words(alias).map(word_case).collect()
}

/// Number of words of `alias` whose case rule is not [`WordCase::Any`].
pub(crate) fn strictness(alias: &str) -> u8 {
    let n = fold::words(alias).filter(|w| word_case(w) != WordCase::Any).count();
    u8::try_from(n).unwrap_or(u8::MAX)
}

/// True when the original words `text` satisfy the case rules.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn case_ok(rules: &[WordCase], text: &str) -> bool {
    let mut ws = fold::words(text);
    for rule in rules {
        let Some(w) = ws.next() else { return false };
        let ok = match rule {
            WordCase::Any => true,
            WordCase::Initial => w.chars().next().is_some_and(char::is_uppercase),
            WordCase::Exact(e) => e == w,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Mutable builder state while the tables are read.
#[derive(Default)]
pub(crate) struct Builder {
    pub actors: Vec<ActorInfo>,
    /// (actor, index in the actor's aliases, adjectival, toponym)
    pub raw: Vec<(u32, u32, bool, bool)>,
    pub by_canonical: FxMap<String, u32>,
    pub states: FxMap<String, u32>,
    pub militaries: HashMap<String, String>,
    pub governments: HashMap<String, String>,
    pub roles: HashMap<(String, String), String>,
    pub generics: std::collections::HashSet<u32>,
    /// Lowercased alias → first actor that has it.
    pub by_alias: FxMap<String, u32>,
}

impl Builder {
    /// Adds or merges an actor; returns its index.
    pub fn actor(
        &mut self,
        canonical: &str,
        kind: EntityKind,
        country: Option<&str>,
        acled_type: Option<&str>,
        part_of: Option<&str>,
    ) -> u32 {
        let k = canonical.to_lowercase();
        if let Some(&i) = self.by_canonical.get(&k) {
            let a = &mut self.actors[i as usize];
            if a.country.is_none() {
                a.country = country.map(str::to_string);
            }
            if a.acled_type.is_none() {
                a.acled_type = acled_type.map(str::to_string);
            }
            if a.part_of.is_none() {
                a.part_of = part_of.map(str::to_string);
            }
            return i;
        }
        let i = self.actors.len() as u32;
        self.actors.push(ActorInfo {
            canonical: canonical.to_string(),
            kind,
            country: country.map(str::to_string),
            acled_type: acled_type.map(str::to_string),
            part_of: part_of.map(str::to_string),
            aliases: Vec::new(),
        });
        self.by_canonical.insert(k, i);
        self.alias(i, canonical, false, false);
        i
    }

    /// Adds an alias (ignored when empty or already present for that actor).
    pub fn alias(&mut self, actor: u32, text: &str, adjectival: bool, toponym: bool) {
        let t = strip_article(text.trim());
        // Every alphanumeric char folds to something: the key is not empty.
        if t.contains(',') || !t.chars().any(char::is_alphanumeric) {
            return;
        }
        let a = &mut self.actors[actor as usize];
        if a.aliases.iter().any(|x| x == t) {
            return;
        }
        let index = a.aliases.len() as u32;
        a.aliases.push(t.to_string());
        self.by_alias.entry(t.to_lowercase()).or_insert(actor);
        self.raw.push((actor, index, adjectival, toponym));
    }

    /// Index of the actor with this canonical name.
    pub fn find(&self, canonical: &str) -> Option<u32> {
        self.by_canonical.get(&canonical.to_lowercase()).copied()
    }

    /// Index of the first actor having this alias (case-insensitive).
    pub fn find_alias(&self, alias: &str) -> Option<u32> {
        self.by_alias.get(&alias.to_lowercase()).copied()
    }

    /// Compiles the matcher.
    pub fn build(self) -> Result<ActorKb, KbError> {
        let alias_total = self.raw.len();
        let mut by_key: FxMap<Cow<'static, str>, u32> = FxMap::default();
        by_key.reserve(alias_total * 2);
        let mut pattern_aliases: Vec<Vec<u32>> = Vec::with_capacity(alias_total);
        let mut aliases = Vec::with_capacity(alias_total + alias_total / 8);
        for &(actor, index, adjectival, toponym) in &self.raw {
            let text = &self.actors[actor as usize].aliases[index as usize];
            let (base, strict) = (Cow::<str>::Owned(fold::key(text)), strictness(text));
            let case = case_mask(text);
            let mut keys = Vec::new();
            if is_arabic(text) {
                for p in ["و", "ب", "ل"] {
                    keys.push((Cow::Owned(format!(" {p}{}", &base[1..])), p.len()));
                }
                if let Some(rest) = base.strip_prefix(" ال") {
                    keys.push((Cow::Owned(format!(" لل{rest}")), "ل".len()));
                }
            }
            keys.insert(0, (base, 0usize));
            for (k, proclitic) in keys {
                let id = aliases.len() as u32;
                aliases.push(Alias {
                    actor,
                    adjectival,
                    toponym,
                    text: index,
                    strict,
                    proclitic,
                    case,
                });
                let p = match by_key.get(k.as_ref()) {
                    Some(&p) => p,
                    None => {
                        let p = pattern_aliases.len() as u32;
                        pattern_aliases.push(Vec::new());
                        by_key.insert(k, p);
                        p
                    }
                };
                pattern_aliases[p as usize].push(id);
            }
        }
        if pattern_aliases.len() >= u32::MAX as usize {
            return Err(KbError::Build("too many keys".into()));
        }
        // Within one key, stricter case rules first, then earlier tables.
        for ids in &mut pattern_aliases {
            ids.sort_by_key(|&i| std::cmp::Reverse(aliases[i as usize].strict));
        }
        let mut keys: Vec<(&str, u32)> = by_key.iter().map(|(k, &p)| (k.as_ref(), p)).collect();
        keys.sort_unstable_by_key(|&(_, p)| p);
        let matcher = Matcher::build(keys);
        let mut pattern_start = Vec::with_capacity(pattern_aliases.len() + 1);
        pattern_start.push(0);
        let mut pattern_ids = Vec::with_capacity(aliases.len());
        for ids in &pattern_aliases {
            pattern_ids.extend_from_slice(ids);
            pattern_start.push(pattern_ids.len() as u32);
        }
        Ok(self.into_kb(aliases, pattern_start, pattern_ids, matcher, alias_total))
    }
}

impl Builder {
    /// The knowledge base from the builder's actors and state maps and the
    /// matcher compiled by the build script ([`ActorKb::write_matcher`]),
    /// without folding or keying any alias.
    pub fn finish(self, blob: &[u8]) -> Result<ActorKb, KbError> {
        let bad = || KbError::Build("malformed compiled matcher".into());
        let mut r = Reader(blob);
        let head = r.u32s().ok_or_else(bad)?;
        let [alias_total, n_aliases] = head[..] else { return Err(bad()) };
        let packed = r.u32s().ok_or_else(bad)?;
        if alias_total as usize != self.raw.len() || packed.len() != n_aliases as usize * 4 {
            return Err(bad());
        }
        let mut aliases = Vec::with_capacity(n_aliases as usize);
        for a in packed.chunks_exact(4) {
            let (actor, text, f, case) = (a[0], a[1], a[2], a[3]);
            let known =
                self.actors.get(actor as usize).is_some_and(|x| (text as usize) < x.aliases.len());
            if !known {
                return Err(bad());
            }
            aliases.push(Alias {
                actor,
                text,
                adjectival: f & 1 != 0,
                toponym: f & 2 != 0,
                strict: (f >> 8) as u8,
                proclitic: (f >> 16) as usize,
                case,
            });
        }
        let pattern_start = r.u32s().ok_or_else(bad)?;
        let pattern_ids = r.u32s().ok_or_else(bad)?;
        let matcher = Matcher::read(&mut r).ok_or_else(bad)?;
        let ok = !pattern_start.is_empty()
            && pattern_start.windows(2).all(|w| w[0] <= w[1])
            && pattern_start.last().is_some_and(|&e| e as usize == pattern_ids.len())
            && pattern_ids.iter().all(|&i| i < n_aliases)
            && matcher.max_pattern().is_none_or(|p| (p as usize) < pattern_start.len() - 1)
            && r.0.is_empty();
        if !ok {
            return Err(bad());
        }
        Ok(self.into_kb(aliases, pattern_start, pattern_ids, matcher, alias_total as usize))
    }

    /// The knowledge base from the builder's actors and state maps and a
    /// matcher with its alias tables (built here or read from the build script's blob).
    fn into_kb(
        self,
        aliases: Vec<Alias>,
        pattern_start: Vec<u32>,
        pattern_ids: Vec<u32>,
        matcher: Matcher,
        alias_total: usize,
    ) -> ActorKb {
        ActorKb {
            actors: self.actors,
            aliases,
            pattern_start,
            pattern_ids,
            matcher,
            by_canonical: self.by_canonical,
            states: self.states,
            militaries: self.militaries,
            governments: self.governments,
            roles: self.roles,
            generics: self.generics,
            alias_total,
        }
    }
}

impl ActorKb {
    /// Serialises the aliases, patterns and matcher for [`Builder::finish`].
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn write_matcher(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_u32s(&mut out, &[self.alias_total as u32, self.aliases.len() as u32]);
        let mut packed = Vec::with_capacity(self.aliases.len() * 4);
        for a in &self.aliases {
            let f = u32::from(a.adjectival)
                | u32::from(a.toponym) << 1
                | u32::from(a.strict) << 8
                | (a.proclitic as u32) << 16;
            packed.extend_from_slice(&[a.actor, a.text, f, a.case]);
        }
        put_u32s(&mut out, &packed);
        put_u32s(&mut out, &self.pattern_start);
        put_u32s(&mut out, &self.pattern_ids);
        self.matcher.write(&mut out);
        out
    }
}

/// Drops a lowercase leading article ("le Pentagone" → "Pentagone", "the
/// Taliban" → "Taliban"): mentions never include it. A capitalised article is
/// part of a name ("The Arab Weekly", "Le Monde") and stays.
fn strip_article(s: &str) -> &str {
    for a in ["le ", "la ", "les ", "l'", "l’", "the ", "des ", "un ", "une ", "a ", "an "] {
        if let Some(rest) = s.strip_prefix(a) {
            if !rest.trim().is_empty() {
                return rest.trim_start();
            }
        }
    }
    s
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Splits a TSV table into (line number, fields), skipping comments and blanks.
pub(crate) fn rows(table: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    table.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        (!l.trim().is_empty() && !l.starts_with('#'))
            .then(|| (i + 1, l.split('\t').map(str::trim).collect()))
    })
}

/// Splits a `|`-separated list, dropping empty items.
pub(crate) fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

/// Checks and converts an optional cell.
pub(crate) fn opt(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then_some(s)
}

/// Validates an ACLED type cell.
pub(crate) fn acled_type(
    table: &'static str,
    line: usize,
    s: &str,
) -> Result<Option<&'static str>, KbError> {
    match opt(s) {
        None => Ok(None),
        Some(t) => ACLED_TYPES.iter().find(|x| **x == t).copied().map(Some).ok_or_else(|| {
            KbError::Row { table, line, message: format!("unknown ACLED type {t:?}") }
        }),
    }
}

impl ActorKb {
    /// An empty knowledge base (tags nothing).
    pub fn empty() -> ActorKb {
        ActorKb {
            actors: Vec::new(),
            aliases: Vec::new(),
            pattern_start: vec![0],
            pattern_ids: Vec::new(),
            matcher: Matcher::default(),
            by_canonical: FxMap::default(),
            states: FxMap::default(),
            militaries: HashMap::new(),
            governments: HashMap::new(),
            roles: HashMap::new(),
            generics: std::collections::HashSet::new(),
            alias_total: 0,
        }
    }

    /// The knowledge base built from the embedded tables (loaded once).
    pub fn global() -> &'static ActorKb {
        &crate::GLOBAL
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// True when the table is empty (only if the embedded tables failed to load).
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// Number of distinct (actor, alias) pairs, canonical names included.
    pub fn alias_count(&self) -> usize {
        self.alias_total
    }

    /// Number of distinct folded search keys compiled into the matcher
    /// (Arabic aliases add variants with proclitics).
    pub fn pattern_count(&self) -> usize {
        self.pattern_start.len() - 1
    }

    /// The alias ids of pattern `p`, best first.
    #[inline]
    pub(crate) fn pattern_aliases(&self, p: u32) -> &[u32] {
        let a = self.pattern_start.get(p as usize).copied().unwrap_or(0) as usize;
        let b = self.pattern_start.get(p as usize + 1).copied().unwrap_or(0) as usize;
        self.pattern_ids.get(a..b).unwrap_or(&[])
    }

    /// The actor with this canonical name (case-insensitive).
    pub fn get(&self, canonical: &str) -> Option<&ActorInfo> {
        self.by_canonical.get(&canonical.to_lowercase()).map(|&i| &self.actors[i as usize])
    }

    /// The actors whose alias folds exactly like `name`.
    pub(crate) fn exact(&self, name: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        if let Some(p) = self.matcher.get(&fold::key(name)) {
            for &a in self.pattern_aliases(p) {
                let actor = self.aliases[a as usize].actor;
                if !out.contains(&actor) {
                    out.push(actor);
                }
            }
        }
        out
    }

    /// All actors, in table order.
    pub fn actors(&self) -> &[ActorInfo] {
        &self.actors
    }

    /// The canonical military of a state given by ISO2 code or name.
    pub fn military_of(&self, country: &str) -> Option<&str> {
        let iso = self.iso2(country)?;
        self.militaries.get(&iso).map(String::as_str)
    }

    /// The canonical government of a state given by ISO2 code or name.
    pub fn government_of(&self, country: &str) -> Option<&str> {
        let iso = self.iso2(country)?;
        self.governments.get(&iso).map(String::as_str)
    }

    /// The country-specific name of a generic actor, as ACLED writes it:
    /// ("Protesters", "IN") → "Protesters (India)", ("Military Forces", "US")
    /// → "Military Forces of the United States", ("Unidentified Gang", "MX") →
    /// "Unidentified Gang (Mexico)". `None` when `canonical` is not a generic
    /// actor or the country is unknown.
    pub fn localize(&self, canonical: &str, country: &str) -> Option<String> {
        let id = *self.by_canonical.get(&canonical.to_lowercase())?;
        if !self.generics.contains(&id) {
            return None;
        }
        let iso = self.iso2(country)?;
        let generic = &self.actors[id as usize].canonical;
        let role = GENERIC_ROLES.iter().find(|(g, _)| g == generic).map(|(_, r)| *r);
        if let Some(name) = role.and_then(|r| self.roles.get(&(r.to_string(), iso.clone()))) {
            return Some(name.clone());
        }
        let state = &self.actors[*self.states.get(&iso)? as usize].canonical;
        Some(format!("{generic} ({state})"))
    }

    /// ISO2 code of a state given by code or any of its names.
    pub fn iso2(&self, country: &str) -> Option<String> {
        let c = country.trim();
        if c.len() == 2 && self.states.contains_key(&c.to_ascii_uppercase()) {
            return Some(c.to_ascii_uppercase());
        }
        self.exact(c).into_iter().find_map(|i| {
            let a = &self.actors[i as usize];
            (a.kind == EntityKind::State).then(|| a.country.clone()).flatten()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_case_rules() {
        for (w, want) in [
            ("US", WordCase::Exact("US".into())),
            ("FAMa", WordCase::Exact("FAMa".into())),
            ("M23", WordCase::Exact("M23".into())),
            ("Hamas", WordCase::Initial),
            ("américains", WordCase::Any),
            ("الحشد", WordCase::Any),
        ] {
            assert_eq!(word_case(w), want, "{w}");
        }
    }

    #[test]
    fn case_checks() {
        let rules: Vec<WordCase> = fold::words("US forces").map(word_case).collect();
        assert!(case_ok(&rules, "US Forces"));
        assert!(!case_ok(&rules, "us forces"));
        let rules: Vec<WordCase> = fold::words("Washington").map(word_case).collect();
        assert!(case_ok(&rules, "WASHINGTON"));
        assert!(!case_ok(&rules, "washington"));
    }

    #[test]
    fn builder_merges_and_matches() {
        let mut b = Builder::default();
        let a = b.actor("Hamas", EntityKind::ArmedGroup, Some("PS"), None, None);
        let a2 = b.actor("hamas", EntityKind::ArmedGroup, None, Some("Rebel group"), None);
        assert_eq!(a, a2);
        b.alias(a, "حماس", false, false);
        b.alias(a, "Hamas", false, false);
        let kb = b.build().unwrap();
        assert_eq!(kb.len(), 1);
        assert_eq!(kb.alias_count(), 2);
        assert_eq!(kb.actors[0].acled_type.as_deref(), Some("Rebel group"));
        assert_eq!(kb.exact("HAMAS"), vec![0]);
    }
}
