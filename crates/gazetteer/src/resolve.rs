//! Resolution: ranks each mention's candidates by prior (feature, population), by the cues found
//! around it (facility heads, division words, "province syrienne de") and by agreement with the
//! document's other places, then reports the winner with an honest precision.

use std::borrow::Cow;

use sitrep_model::Place;

use crate::lexicon::HashKeyedMap;
use crate::store::{is_primary, Kind, Rec};
use crate::tagger::{Hint, Mention, Toks};
use crate::Gazetteer;

/// A small map kept as a vector sorted by key: a document names few countries and divisions,
/// and a binary search over one contiguous run costs less than a tree's nodes (and their
/// allocations). Iterates in key order, as a `BTreeMap`.
pub(crate) struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<K: Ord + Copy, V: Copy + Default> SortedMap<K, V> {
    fn get(&self, k: &K) -> Option<&V> {
        self.0.binary_search_by(|e| e.0.cmp(k)).ok().map(|i| &self.0[i].1)
    }

    /// The value of `k`, inserted as the default when absent.
    fn slot(&mut self, k: K) -> &mut V {
        let i = match self.0.binary_search_by(|e| e.0.cmp(&k)) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (k, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    fn remove(&mut self, k: &K) {
        if let Ok(i) = self.0.binary_search_by(|e| e.0.cmp(k)) {
            self.0.remove(i);
        }
    }

    fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|e| &e.0)
    }
}

/// Document context: how strongly each country and division is present.
#[derive(Default)]
pub(crate) struct Context {
    countries: SortedMap<[u8; 2], f64>,
    total: f64,
    admin1: SortedMap<u32, f64>,
    admin1_total: f64,
    /// Countries the text names as such ("Canada"), not only through their places: how many
    /// times.
    named: SortedMap<[u8; 2], u32>,
}

impl Context {
    /// Empties the context, keeping its lists' room for the next text.
    fn clear(&mut self) {
        self.countries.0.clear();
        self.total = 0.0;
        self.admin1.0.clear();
        self.admin1_total = 0.0;
        self.named.0.clear();
    }

    fn add(&mut self, c: &Contribution) {
        if c.cc == [0, 0] {
            return;
        }
        *self.countries.slot(c.cc) += c.weight;
        self.total += c.weight;
        if c.named {
            *self.named.slot(c.cc) += 1;
        }
        if let Some((a, w)) = c.admin1 {
            self.admin1_total += w;
            let e = self.admin1.slot(a);
            *e += w;
            if *e <= 1e-9 {
                self.admin1.remove(&a);
            }
        }
    }
}

/// The document context without one name's own contributions (leave-one-out): the whole
/// context plus the few countries and divisions that name changes, so that building it costs
/// the name's contributions, not the size of the document's context.
pub(crate) struct Loo<'a> {
    all: &'a Context,
    /// Countries whose weight differs from `all`, with their weight.
    countries: &'a [([u8; 2], f64)],
    /// Divisions whose weight differs from `all`, with their weight (`None`: left out).
    admin1: &'a [(u32, Option<f64>)],
    total: f64,
    admin1_total: f64,
    /// Countries named by the left-out contributions, once per naming.
    unnamed: &'a [[u8; 2]],
}

impl<'a> Loo<'a> {
    fn of(all: &'a Context) -> Loo<'a> {
        Loo {
            all,
            countries: &[],
            admin1: &[],
            total: all.total,
            admin1_total: all.admin1_total,
            unnamed: &[],
        }
    }

    /// Weight of a country (left out when it falls to zero).
    fn weight(&self, cc: [u8; 2]) -> Option<f64> {
        let w = match self.countries.iter().find(|e| e.0 == cc) {
            Some(e) => Some(e.1),
            None => self.all.countries.get(&cc).copied(),
        };
        w.filter(|w| *w > 1e-9)
    }

    fn country(&self, cc: [u8; 2]) -> f64 {
        if self.total <= 1e-9 {
            return 0.0;
        }
        self.weight(cc).unwrap_or(0.0) / self.total
    }

    /// Whether the text names the country as such.
    fn named(&self, cc: [u8; 2]) -> bool {
        let left_out = self.unnamed.iter().filter(|&&c| c == cc).count() as u32;
        self.all.named.get(&cc).is_some_and(|&n| n > left_out)
    }

    /// Share of the leading country in the context (0 when there is none).
    fn dominant_share(&self) -> f64 {
        if self.total <= 1e-9 {
            return 0.0;
        }
        // A name's countries are all in the whole context.
        self.all.countries.keys().filter_map(|&cc| self.weight(cc)).fold(0.0f64, f64::max)
            / self.total
    }

    /// Weight of a division (`None` when absent or left out).
    fn admin1_weight(&self, a: u32) -> Option<f64> {
        match self.admin1.iter().find(|e| e.0 == a) {
            Some(e) => e.1,
            None => self.all.admin1.get(&a).copied(),
        }
    }

    /// Share of a division in the places the document names (0 when absent): against all
    /// places, so one division named once among many foreign places stays a small share.
    fn admin1_share(&self, a: u32) -> f64 {
        let total = self.admin1_total.max(self.total);
        match self.admin1_weight(a) {
            Some(w) if total > 1e-9 => (w / total).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }
}

/// What the leave-one-out contexts ([`Loo`]) of a text's names differ by, all names' in one set
/// of lists (kept from one text to the next): the names' spans of each list, in name order.
#[derive(Default)]
struct LooLists {
    countries: Vec<([u8; 2], f64)>,
    admin1: Vec<(u32, Option<f64>)>,
    unnamed: Vec<[u8; 2]>,
    /// Per name: where its entries of each list end, its total and its divisions' total.
    ends: Vec<([u32; 3], f64, f64)>,
}

impl LooLists {
    fn clear(&mut self) {
        self.countries.clear();
        self.admin1.clear();
        self.unnamed.clear();
        self.ends.clear();
    }

    /// Adds the next name's context: `all` without its contributions `cs`.
    fn push<'c>(&mut self, all: &Context, cs: impl Iterator<Item = &'c Contribution>) {
        let from = [self.countries.len(), self.admin1.len()];
        let (mut total, mut admin1_total) = (all.total, all.admin1_total);
        for c in cs {
            if c.cc == [0, 0] {
                continue;
            }
            let i = match self.countries[from[0]..].iter().position(|e| e.0 == c.cc) {
                Some(i) => from[0] + i,
                None => {
                    let w = all.countries.get(&c.cc).copied().unwrap_or(0.0);
                    self.countries.push((c.cc, w));
                    self.countries.len() - 1
                }
            };
            self.countries[i].1 -= c.weight;
            total -= c.weight;
            if c.named {
                self.unnamed.push(c.cc);
            }
            if let Some((a, w)) = c.admin1 {
                admin1_total -= w;
                let i = match self.admin1[from[1]..].iter().position(|e| e.0 == a) {
                    Some(i) => from[1] + i,
                    None => {
                        self.admin1.push((a, all.admin1.get(&a).copied()));
                        self.admin1.len() - 1
                    }
                };
                let v = self.admin1[i].1.unwrap_or(0.0) - w;
                self.admin1[i].1 = (v > 1e-9).then_some(v);
            }
        }
        let ends = [self.countries.len(), self.admin1.len(), self.unnamed.len()];
        self.ends.push((ends.map(|e| e as u32), total, admin1_total));
    }

    /// The context of name `id`.
    fn loo<'a>(&'a self, all: &'a Context, id: u32) -> Loo<'a> {
        let id = id as usize;
        let from = match id.checked_sub(1) {
            Some(before) => self.ends[before].0,
            None => [0; 3],
        };
        let (ends, total, admin1_total) = self.ends[id];
        let [c, a, u] = [0, 1, 2].map(|k| from[k] as usize..ends[k] as usize);
        Loo {
            all,
            countries: &self.countries[c],
            admin1: &self.admin1[a],
            total,
            admin1_total,
            unnamed: &self.unnamed[u],
        }
    }
}

/// Prior score of a record for a bare name (no context).
pub(crate) fn prior(r: &Rec) -> f64 {
    // (Most villages have no population: log10(1) is 0, with no call to `log10`.)
    let lp = if r.population == 0 { 0.0 } else { (r.population as f64 + 1.0).log10() };
    match r.kind {
        Kind::Country => 3.2,
        Kind::Continent => 2.8,
        Kind::Admin1 => 0.9 + 0.15 * lp,
        // Below a town of the same size: a bare name ("Cairns", "Essex") usually means the
        // town; a county's own full name ("Metcalfe County") has no town rival.
        Kind::Admin2 => 0.1 * lp,
        Kind::Capital => 0.8 + 0.25 * lp,
        Kind::City => 0.25 * lp,
        // A curated airport is one the news names by itself ("Heathrow", "Orly").
        Kind::Airport if r.curated => 2.5,
        Kind::Airport => 1.2,
        _ if r.curated => 2.5,
        _ => 0.5,
    }
}

/// Largest same-named city population per division, among one name's candidates (built once
/// per candidate list, so ranking stays linear in the number of candidates).
pub(crate) struct CityPops(Vec<(u32, u32)>);

/// [`CityPops`]' key of a country's capital (above every record number).
fn capital_key(cc: [u8; 2]) -> u32 {
    1 << 31 | (cc[0] as u32) << 8 | cc[1] as u32
}

/// [`CityPops`]' key of the largest town bearing the name as its own (above every other key).
const OWN_KEY: u32 = u32::MAX;

impl CityPops {
    /// Of a name's candidates (record, primary), into `buf` (a buffer handed back by an earlier
    /// table, or a new one).
    pub(crate) fn of(all: &[(Rec, bool)], mut buf: Vec<(u32, u32)>) -> CityPops {
        buf.clear();
        // The largest town bearing the name as its own (see [`CityPops::exonym`]).
        let own = all
            .iter()
            .filter(|(r, p)| *p && matches!(r.kind, Kind::City | Kind::Capital))
            .map(|(r, _)| r.population)
            .max();
        if let Some(pop) = own {
            buf.push((OWN_KEY, pop));
        }
        if all.iter().any(|(r, _)| r.kind == Kind::Admin1) {
            buf.extend(
                all.iter()
                    .filter(|(r, _)| matches!(r.kind, Kind::City | Kind::Capital))
                    .map(|(r, _)| (r.admin1, r.population)),
            );
            // A capital may be a division of its own, outside the same-named one around it
            // (Kyiv and Kyiv Oblast, Sanaa and Sanaa governorate): counted for its country.
            buf.extend(
                all.iter()
                    .filter(|(r, _)| r.kind == Kind::Capital)
                    .map(|(r, _)| (capital_key(r.cc), r.population)),
            );
            buf.sort_unstable();
        }
        CityPops(buf)
    }

    /// Whether a city of half a million people or more that bears the name only as an alias
    /// is fifty times bigger than every town bearing it as its own: the name is its exonym
    /// ("Cologne" is Köln, not the Italian village of 7,000).
    fn exonym(&self, r: &Rec) -> bool {
        matches!(r.kind, Kind::City | Kind::Capital)
            && r.population >= 500_000
            && self.max_in(OWN_KEY).is_some_and(|p| (p as u64) * 50 <= r.population as u64)
    }

    /// The same-named capital's population in country `cc`, if any.
    fn capital_of(&self, cc: [u8; 2]) -> Option<u32> {
        self.max_in(capital_key(cc))
    }

    fn max_in(&self, admin1: u32) -> Option<u32> {
        let hi = self.0.partition_point(|e| e.0 <= admin1);
        self.0[..hi].last().filter(|e| e.0 == admin1).map(|e| e.1)
    }
}

/// Prior of a record among the other candidates for the same name (see [`CityPops`]): feature
/// and population, the record's own name matching exactly, and cities that dominate a
/// same-named division.
pub(crate) fn prior_with(r: &Rec, primary: bool, cities: &CityPops) -> f64 {
    let mut s = prior(r);
    if primary || cities.exonym(r) {
        s += 0.6;
    }
    // A division named after the city that dominates it (Baghdad, Erbil): the bare name means
    // the city. Where the city is a small part of the division (Quebec, Idlib) it does not.
    if dominated(r, cities) {
        s -= 0.6;
    }
    s
}

/// Whether `r` is a division that a same-named city among the name's candidates (see
/// [`CityPops`]) dominates: a third of its people or more live in it.
fn dominated(r: &Rec, cities: &CityPops) -> bool {
    r.kind == Kind::Admin1
        && cities
            .max_in(r.idx)
            .max(cities.capital_of(r.cc))
            .is_some_and(|p| p as f64 >= r.population as f64 / 3.0)
}

/// Whether `big` is a name the document context alone must not take away from it in favour of
/// the smaller same-named `r`: a country against any town, district or airport; a
/// first-level division against a small town; a capital of a million people against a town of
/// a twentieth of its size ("China" is not China, Maine in a text about North America; "Paris"
/// is not Paris, Texas because the text is about the United States).
fn overshadows(big: &Rec, r: &Rec) -> bool {
    if r.curated || !matches!(r.kind, Kind::City | Kind::Admin2 | Kind::Airport) {
        return false;
    }
    let (pb, pr) = (big.population as f64, r.population as f64);
    match big.kind {
        Kind::Country => true,
        Kind::Admin1 => r.kind != Kind::Admin2 && pr < 50_000.0 && pr * 50.0 < pb,
        Kind::Capital => pb >= 1_000_000.0 && pr * 20.0 < pb,
        _ => false,
    }
}

/// How much the document context may add to a candidate.
#[derive(Clone, Copy, PartialEq)]
enum Say {
    /// Full agreement (country share and division share).
    Full,
    /// A bigger same-named place overshadows it: only a division that dominates the text
    /// counts, never the country share.
    Division,
    /// A country overshadows it: the context counts for nothing.
    Nothing,
}

/// Containment stated in the text (see [`Mention::within`]).
type Within = Option<([u8; 2], u32)>;

/// Marks a [`Within`] division as the division of a town the name lies near ("Kingston, south
/// of Brisbane"), not a stated container: a place across the division's border stays possible.
const NEAR_DIVISION: u32 = 1 << 31;

/// The part of a candidate's score that the document context does not change: prior among the
/// name's other candidates (see [`CityPops`]), the mention's cues and its stated containment.
/// [`context_score`] adds the rest, in the order the terms were always summed.
///
/// `aliased`: countries where a city bearing the name only as an alias is twenty times bigger
/// than every city there bearing it as its own.
fn base_score(
    m: &Mention,
    within: Within,
    (cities, aliased): (&CityPops, &[[u8; 2]]),
    r: &Rec,
    primary: bool,
) -> f64 {
    let mut s = prior_with(r, primary, cities);
    // A town that bears the name as its own does not take it from a town of the same country
    // twenty times bigger that bears it as an alias ("Newcastle" is Newcastle upon Tyne, not
    // Newcastle in County Down).
    if primary && r.kind == Kind::City && aliased.contains(&r.cc) {
        s -= 0.6;
    }
    if m.skeleton {
        s -= 0.4;
    }
    match m.hint {
        Some(Hint::Admin1) if r.kind == Kind::Admin1 => s += 2.5,
        Some(Hint::Admin2) if r.kind == Kind::Admin2 => s += 2.5,
        Some(Hint::Country) if r.kind == Kind::Country => s += 2.5,
        Some(Hint::City) if matches!(r.kind, Kind::City | Kind::Capital) => s += 1.0,
        Some(Hint::Facility(k)) if r.kind == k => s += 3.0,
        Some(Hint::Facility(_)) if r.curated => s += 1.0,
        _ => {}
    }
    if let Some(cc) = m.country_hint {
        s += if r.cc == cc { 2.5 } else { -1.0 };
    }
    if let Some((cc, a)) = within {
        if !matches!(r.kind, Kind::Country | Kind::Continent) {
            // Near a town (see `NEAR_DIVISION`): its division first, the rest of its country
            // without penalty.
            let near = a != u32::MAX && a & NEAR_DIVISION != 0;
            let inside = r.cc == cc && (a == u32::MAX || r.admin1 == a & !NEAR_DIVISION);
            s += if inside {
                2.0
            } else if near && r.cc == cc {
                0.0
            } else {
                -1.0
            };
        }
    }
    s
}

/// A candidate's score: its [`base_score`] plus what the document context adds. `key` is
/// the mention's name among the text's names, whose neighbours `near` holds (`u32::MAX`: no
/// neighbours count). `country`: the share of the candidate's country in the context and
/// whether the text names it, when the context has its full say (see [`CountryTerms`]).
fn context_score(
    c: &Cand,
    say: Say,
    country: Option<(f64, bool)>,
    (key, near): (u32, &Near),
    ctx: &Loo,
) -> f64 {
    let (mut s, r) = (c.base, &c.r);
    if let Some((share, named)) = country {
        s += 1.8 * share;
        if named {
            s += 0.4;
        }
    }
    // Other names of the text that can be places within a short drive of this one (Edmonton
    // with Enfield is the London district): local evidence for names that are towns only
    // (no country, division or capital of that name; `key` is `u32::MAX` then).
    if key != u32::MAX && matches!(r.kind, Kind::City | Kind::Capital | Kind::Admin2) && !r.curated
    {
        s += 0.9 * near.support(key, r, c.cell) as f64;
    }
    // Agreement with the divisions the text names, growing with how much of the text they
    // take (a division named a dozen times outweighs one named once).
    // (The context's divisions are first-level division records, and a record's `admin1` is
    // one or none: a division's own share, or its towns' division's, the other being 0.)
    let share = if r.kind == Kind::Admin1 {
        ctx.admin1_share(r.idx)
    } else if r.admin1 != u32::MAX {
        ctx.admin1_share(r.admin1)
    } else {
        0.0
    };
    if share > 0.0 && (say == Say::Full || (say == Say::Division && share >= 0.4)) {
        s += 0.4 + 2.0 * share;
    }
    s
}

/// How much the context may add to a candidate (see [`overshadows`]), given the name's
/// primary candidates that may overshadow others (countries, divisions, capitals): nothing
/// when a country overshadows it, only a dominant division when another place does.
///
/// A city of 100,000 people or more in a country the text names is not overshadowed by a
/// capital of a country nothing in the text points to ("London" in a text about Canada).
fn say(r: &Rec, bigs: &[Rec], ctx: &Loo) -> Say {
    say_with(r, bigs, |b| Some(ctx.named(r.cc) && ctx.country(b.cc) == 0.0)).unwrap_or(Say::Full)
}

/// [`say`], with whether a capital `b` that overshadows a city of 100,000 people or more
/// yields to it left to `capital_yields` (`None`: not known without the context, and then
/// neither is the answer, unless a country overshadows the city).
fn say_with(r: &Rec, bigs: &[Rec], capital_yields: impl Fn(&Rec) -> Option<bool>) -> Option<Say> {
    let mut say = Some(Say::Full);
    for b in bigs {
        if overshadows(b, r) {
            if b.kind == Kind::Country {
                return Some(Say::Nothing);
            }
            if b.kind == Kind::Capital && r.population >= 100_000 {
                match capital_yields(b) {
                    Some(true) => continue,
                    Some(false) => {}
                    None => {
                        say = None;
                        continue;
                    }
                }
            }
            if say.is_some() {
                say = Some(Say::Division);
            }
        }
    }
    say
}

/// The two best candidates: (record, score), best first.
#[derive(Clone, Copy)]
struct Ranked {
    first: Option<(Rec, f64)>,
    second: Option<(Rec, f64)>,
}

/// A mention's candidates as a cache key: its FST value when it has one (then the candidates
/// are exactly that value's posting list, see [`Mention::value`]), else the list itself.
#[derive(PartialEq)]
enum CandsKey {
    Value(u64),
    List(Vec<u32>),
}

/// What a mention's ranking depends on besides its name and the document: its candidates and
/// cues, and the containment it is ranked with.
#[derive(PartialEq)]
struct RankKey {
    cands: CandsKey,
    skeleton: bool,
    hint: Option<Hint>,
    country_hint: Option<[u8; 2]>,
    within: Within,
}

impl RankKey {
    fn matches(&self, m: &Mention, within: Within) -> bool {
        let cands = match (&self.cands, m.value) {
            (CandsKey::Value(v), Some(w)) => *v == w,
            (CandsKey::List(l), None) => *l == m.cands,
            _ => false,
        };
        cands
            && self.skeleton == m.skeleton
            && self.hint == m.hint
            && self.country_hint == m.country_hint
            && self.within == within
    }

    fn of(m: &Mention, within: Within) -> RankKey {
        RankKey {
            cands: match m.value {
                Some(v) => CandsKey::Value(v),
                None => CandsKey::List(m.cands.clone()),
            },
            skeleton: m.skeleton,
            hint: m.hint,
            country_hint: m.country_hint,
            within,
        }
    }

    fn hash(m: &Mention, within: Within) -> u64 {
        use crate::lexicon::FNV_BASIS;
        // One multiply per candidate (a hash of the list, compared in full on a match), or
        // one for the value.
        let mut h = FNV_BASIS;
        match m.value {
            Some(v) => h = (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 1,
            None => {
                for &c in &m.cands {
                    h = (h ^ c as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                }
            }
        }
        let hint = match m.hint {
            None => 0,
            Some(Hint::Admin1) => 1,
            Some(Hint::Admin2) => 2,
            Some(Hint::City) => 3,
            Some(Hint::Country) => 254,
            Some(Hint::Facility(k)) => 4 + k as u8,
            Some(Hint::At) => 255,
        };
        let (cc, a) = within.unwrap_or(([0xff, 0xff], 0));
        let ch = m.country_hint.unwrap_or([0xff, 0xff]);
        let flags = [u8::from(m.skeleton), hint, ch[0], ch[1], cc[0], cc[1], 0, 0];
        // The flags and the division mixed in as two words (a multiply each, not one per byte:
        // a table's key is compared in full on a match, so the hash need only spread them).
        let h = (h ^ u64::from_le_bytes(flags)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h ^ a as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (h >> 29)
    }
}

/// One candidate of a [`Table`].
struct Cand {
    r: Rec,
    /// [`base_score`].
    base: f64,
    /// How much the context may add ([`say`]); `None` when that depends on the context.
    say: Option<Say>,
    /// [`Near::cell_of`] the record.
    cell: Option<(i32, i32)>,
}

/// Everything of a mention's ranking that does not depend on the document: its candidates'
/// records with their context-free scores, and the ranking without context. A pure function of
/// its [`RankKey`], kept across documents (the same names recur across a corpus).
struct Table {
    key: RankKey,
    cands: Vec<Cand>,
    /// The primary countries, divisions and capitals that may overshadow other candidates.
    bigs: Vec<Rec>,
    /// A country, division, capital or continent bears the name as its own, or there is one
    /// candidate: nearby names say nothing (see [`context_score`]).
    big_name: bool,
    /// [`Table::rank`] without context (no other names), once made.
    prior: Option<Ranked>,
}

impl Table {
    fn new(g: &Gazetteer, m: &Mention, within: Within, sc: &mut RankScratch) -> Table {
        let key = RankKey::of(m, within);
        if let [c] = m.cands[..] {
            // One candidate: nothing to rank, no per-name tables to build, and no score to
            // make (a lone candidate's is read by nothing: see `Table::rank`).
            let cands = g.store.rec(c).map(|r| Cand {
                r,
                base: 0.0,
                say: Some(Say::Full),
                cell: Near::cell_of(&r),
            });
            return Table {
                key,
                cands: cands.into_iter().collect(),
                bigs: Vec::new(),
                big_name: true,
                prior: None,
            };
        }
        sc.recs.clear();
        sc.recs.extend(m.cands.iter().filter_map(|&c| g.store.rec(c).map(|r| (r, is_primary(c)))));
        let recs = &sc.recs;
        // Whether a country, division or capital bears the name (then nearby names say
        // nothing, see `context_score`).
        let big_name = recs.iter().any(|&(r, p)| {
            p && matches!(r.kind, Kind::Country | Kind::Admin1 | Kind::Capital | Kind::Continent)
        });
        let cities = CityPops::of(recs, std::mem::take(&mut sc.cities));
        // Nothing limits a mention whose containment the text states; otherwise only primary
        // countries, divisions and capitals can overshadow a candidate, and a country by
        // another of its names where no city of 100,000 people bears it ("US" is not the
        // French village Us in a text about Paris; "Salvador" stays the Brazilian city).
        let mut bigs = Vec::new();
        if within.is_none() && m.country_hint.is_none() {
            let no_big_city =
                recs.iter().all(|(r, _)| r.kind == Kind::Country || r.population < 100_000);
            bigs.extend(
                recs.iter()
                    .filter(|&&(r, p)| {
                        (p || no_big_city && r.kind == Kind::Country)
                            && matches!(r.kind, Kind::Country | Kind::Admin1 | Kind::Capital)
                    })
                    .map(|&(r, _)| r),
            );
        }
        // Per country: the largest city bearing the name as an alias, and as its own.
        let towns = &mut sc.towns;
        towns.clear();
        for &(r, p) in recs {
            if matches!(r.kind, Kind::City | Kind::Capital) {
                let i = match towns.iter().position(|e| e.0 == r.cc) {
                    Some(i) => i,
                    None => {
                        towns.push((r.cc, 0, 0));
                        towns.len() - 1
                    }
                };
                let e = &mut towns[i];
                if p {
                    e.2 = e.2.max(r.population);
                } else {
                    e.1 = e.1.max(r.population);
                }
            }
        }
        sc.aliased.clear();
        sc.aliased.extend(towns.iter().filter(|e| e.1 as f64 > 20.0 * e.2 as f64).map(|e| e.0));
        let aliased = &sc.aliased;
        let mut cands: Vec<Cand> = recs
            .iter()
            .map(|&(r, p)| Cand {
                r,
                base: base_score(m, within, (&cities, aliased), &r, p),
                say: fixed_say(&r, &bigs),
                cell: Near::cell_of(&r),
            })
            .collect();
        // "à Odessa": at the city, not in the same-named division it dominates. The city takes
        // the division's standing, and the division falls below the city.
        if m.hint == Some(Hint::At) {
            for d in 0..cands.len() {
                if !dominated(&cands[d].r, &cities) {
                    continue;
                }
                let idx = cands[d].r.idx;
                let city = (0..cands.len())
                    .filter(|&c| {
                        let r = &cands[c].r;
                        matches!(r.kind, Kind::City | Kind::Capital) && r.admin1 == idx
                    })
                    .max_by_key(|&c| cands[c].r.population);
                if let Some(c) = city {
                    let (cb, db) = (cands[c].base, cands[d].base);
                    cands[c].base = cb.max(db + 0.1);
                    cands[d].base = db.min(cb - 0.1);
                }
            }
        }
        sc.cities = cities.0;
        Table { key, cands, bigs, big_name, prior: None }
    }

    /// Ranks the candidates in a document context: the two best (record, score), as a stable
    /// sort by score, then population, would put them (callers only read the first two).
    fn rank(&self, (key, near): (u32, &Near), ctx: &Loo) -> Ranked {
        if let [c] = &self.cands[..] {
            // One candidate is first whatever its score, and the score of a first reading
            // without a second is read by nothing (`confidence`, `place` and the context's
            // margin compare it with the second's): the context's terms are not summed.
            return Ranked { first: Some((c.r, c.base)), second: None };
        }
        let mut top = Ranked { first: None, second: None };
        let key = if self.big_name { u32::MAX } else { key };
        // `a` strictly before `b` in the ranking.
        let before = |a: &(Rec, f64), b: &(Rec, f64)| {
            b.1.total_cmp(&a.1).then(b.0.population.cmp(&a.0.population)).is_lt()
        };
        let mut terms = CountryTerms::default();
        for c in &self.cands {
            let say = c.say.unwrap_or_else(|| say(&c.r, &self.bigs, ctx));
            let country = (say == Say::Full).then(|| terms.of(c.r.cc, ctx));
            let c = (c.r, context_score(c, say, country, (key, near), ctx));
            match top.first {
                Some(f) if !before(&c, &f) => {
                    if top.second.is_none_or(|s| before(&c, &s)) {
                        top.second = Some(c);
                    }
                }
                _ => {
                    top.second = top.first;
                    top.first = Some(c);
                }
            }
        }
        top
    }
}

/// A country's terms of [`context_score`] (its share of the context, whether the text names
/// it), kept for the next candidate: a name's candidates come country by country.
#[derive(Default)]
struct CountryTerms(Option<([u8; 2], (f64, bool))>);

impl CountryTerms {
    fn of(&mut self, cc: [u8; 2], ctx: &Loo) -> (f64, bool) {
        match self.0 {
            Some((c, t)) if c == cc => t,
            _ => {
                let t = (ctx.country(cc), ctx.named(cc));
                self.0 = Some((cc, t));
                t
            }
        }
    }
}

/// [`say`] when the context cannot change it: `None` when a capital overshadows `r` that the
/// context may set aside (and no country does).
fn fixed_say(r: &Rec, bigs: &[Rec]) -> Option<Say> {
    say_with(r, bigs, |_| None)
}

/// Buffers [`Table::new`] reuses from one name to the next.
#[derive(Default)]
struct RankScratch {
    /// The candidates' records, decoded once, with their primary flag.
    recs: Vec<(Rec, bool)>,
    /// [`CityPops`] of the candidates.
    cities: Vec<(u32, u32)>,
    /// Per country: the largest city bearing the name as an alias, and as its own.
    towns: Vec<([u8; 2], u32, u32)>,
    aliased: Vec<[u8; 2]>,
}

/// Ways of a [`TableSet`].
const TABLE_WAYS: usize = 8;

/// Sets of a thread's [`Tables::index`] (a power of two; 512 KB, about one table in three
/// slots at [`TABLES_MAX`], so that a set overflows almost never).
const TABLE_SETS: usize = 1 << 13;

/// One set of the index of [`Tables`], on one cache line: the tables whose [`RankKey::hash`]
/// falls in the set, by the hash's low 32 bits (`tags`) and their number (`ids`, `u32::MAX`:
/// empty), the most recently built first. A look-up reads this one line where a hash map read
/// two (its control bytes, then its slot), then the key of each table whose tag matches, in
/// full: a tag says "maybe" only. A full set forgets its oldest table (then built again if its
/// name recurs, the same table: nothing changes but the work).
#[derive(Clone, Copy)]
#[repr(align(64))]
struct TableSet {
    tags: [u32; TABLE_WAYS],
    ids: [u32; TABLE_WAYS],
}

const EMPTY_TABLE_SET: TableSet = TableSet { tags: [0; TABLE_WAYS], ids: [u32::MAX; TABLE_WAYS] };

/// The [`Table`]s a thread has built, indexed by [`RankKey::hash`].
#[derive(Default)]
struct Tables {
    /// [`TABLE_SETS`] sets, allocated with the room of [`Tables::reserve_all`] (empty before:
    /// then nothing is indexed and every look-up builds its table).
    index: Vec<TableSet>,
    all: Vec<Table>,
    scratch: RankScratch,
    loo_lists: LooLists,
    /// (Boxed: handed to [`resolve_with`] and back as a pointer, not copied whole each text.)
    bufs: Option<Box<DocBufs>>,
}

/// Tables a thread holds before they are emptied (at the start of a document only, so that a
/// table's number stays valid while a document is resolved).
const TABLES_MAX: usize = 20_000;

thread_local! {
    static TABLES: std::cell::RefCell<Tables> = std::cell::RefCell::new(Tables::default());
}

impl Tables {
    /// Room for [`TABLES_MAX`] tables, taken once: the lists never grow by doubling, which
    /// would copy every table built so far into fresh memory (several megabytes, paid by the
    /// text that crosses each power of two), and never hold more room than the bound needs.
    /// Pages of the room are touched only as tables fill them.
    fn reserve_all(&mut self) {
        if self.all.capacity() < TABLES_MAX {
            self.all.reserve_exact(TABLES_MAX - self.all.len());
        }
        if self.index.is_empty() {
            self.index = vec![EMPTY_TABLE_SET; TABLE_SETS];
        }
    }

    /// Forgets every table (their numbers are given anew).
    fn clear(&mut self) {
        self.all.clear();
        self.index.fill(EMPTY_TABLE_SET);
    }

    /// The number of the table of a mention ranked with containment `within`, built if new.
    fn of(&mut self, g: &Gazetteer, m: &Mention, within: Within) -> u32 {
        let h = RankKey::hash(m, within);
        let tag = h as u32;
        let set = self.index.get_mut((h >> 40) as usize & (TABLE_SETS - 1));
        if let Some(set) = &set {
            for (&t, &id) in set.tags.iter().zip(&set.ids) {
                if t == tag && self.all.get(id as usize).is_some_and(|t| t.key.matches(m, within)) {
                    return id;
                }
            }
        }
        let t = Table::new(g, m, within, &mut self.scratch);
        let id = self.all.len() as u32;
        self.all.push(t);
        if let Some(set) = set {
            set.tags.copy_within(..TABLE_WAYS - 1, 1);
            set.ids.copy_within(..TABLE_WAYS - 1, 1);
            (set.tags[0], set.ids[0]) = (tag, id);
        }
        id
    }

    /// The ranking without context (no other names) of table `id`.
    fn prior(&mut self, id: u32) -> Ranked {
        let t = &mut self.all[id as usize];
        if let Some(r) = t.prior {
            return r;
        }
        let empty = Context::default();
        let r = t.rank((u32::MAX, &Near::default()), &Loo::of(&empty));
        t.prior = Some(r);
        r
    }
}

/// Candidate points of a text's names (towns and districts) on a grid of half-degree cells:
/// cell → (name number, lat, lon).
#[derive(Default)]
struct Near<'b> {
    cells: std::cell::OnceCell<NearCells>,
    build: Option<&'b dyn Fn() -> NearCells>,
}

/// Candidate points with their grid cell. A long list is sorted by cell, so that a row of three
/// cells is one contiguous run; a short one (most texts) is scanned whole.
#[derive(Default)]
/// The third list: where each name's points begin (its points are contiguous, in name order),
/// and where the last name's end, so that a name's own points are passed over in a scan.
struct NearCells(Vec<((i32, i32), NearPoint)>, bool, Vec<u32>);

/// Points up to which [`NearCells`] are scanned rather than sorted.
const NEAR_SCAN: usize = 512;

/// A candidate's point: (name number, lat, lon).
type NearPoint = (u32, f32, f32);

/// Kilometres per degree of latitude on the sphere [`km`] uses: no two points closer than
/// this times their latitude difference (the haversine distance is at least that arc).
const KM_PER_DEGREE: f64 = 6371.0 * std::f64::consts::PI / 180.0;

/// How close another name's candidate must be to support a candidate (km).
const NEAR_KM: f64 = 40.0;

/// Supporting names that count (see [`context_score`]).
const NEAR_MAX: usize = 2;

impl Near<'_> {
    fn cell(lat: f32, lon: f32) -> (i32, i32) {
        (floor(lat * 2.0), floor(lon * 2.0))
    }

    /// The cell of a town or district with a point (`None` for other records: they neither
    /// support nor are supported), decided once per candidate of a [`Table`].
    fn cell_of(r: &Rec) -> Option<(i32, i32)> {
        (matches!(r.kind, Kind::City | Kind::Capital | Kind::Admin2) && r.has_coords())
            .then(|| Near::cell(r.lat, r.lon))
    }

    fn add(cells: &mut NearCells, key: u32, c: &Cand) {
        if let Some(cell) = c.cell {
            cells.0.push((cell, (key, c.r.lat, c.r.lon)));
        }
    }

    /// Sorts the points by cell once all are added.
    fn finish(cells: &mut NearCells) {
        cells.1 = cells.0.len() > NEAR_SCAN;
        if cells.1 {
            cells.0.sort_by_key(|e| e.0);
        }
    }

    /// How many other names (not `key`) have a candidate within [`NEAR_KM`] of `r`, counted up
    /// to [`NEAR_MAX`] (more count no further). `cell`: [`Near::cell_of`] `r`.
    fn support(&self, key: u32, r: &Rec, cell: Option<(i32, i32)>) -> usize {
        let Some(build) = self.build else {
            return 0;
        };
        let Some((a, b)) = cell else {
            return 0;
        };
        let cells = self.cells.get_or_init(build);
        let p = (r.lat as f64, r.lon as f64);
        let mut seen = [u32::MAX; NEAR_MAX];
        let mut n = 0;
        // Counts a point; whether the count is full.
        let mut visit = |&(_, (k, la, lo)): &((i32, i32), NearPoint)| {
            // Farther in latitude alone than the radius (with a margin far above rounding
            // error): `km` would say so too.
            if (la as f64 - p.0).abs() * KM_PER_DEGREE > NEAR_KM + 1.0 {
                return false;
            }
            if k != key && !seen[..n].contains(&k) && km(p, (la as f64, lo as f64)) <= NEAR_KM {
                seen[n] = k;
                n += 1;
            }
            n == NEAR_MAX
        };
        if !cells.1 {
            // The 3 × 3 cells around the point, as the sorted runs below.
            // (|d| <= 1 as one unsigned comparison: d + 1 in 0..=2.)
            let near = |e: &&((i32, i32), NearPoint)| {
                (e.0 .0.wrapping_sub(a).wrapping_add(1) as u32) <= 2
                    && (e.0 .1.wrapping_sub(b).wrapping_add(1) as u32) <= 2
            };
            // (The name's own points are passed over: they never count.)
            let own = match (cells.2.get(key as usize), cells.2.get(key as usize + 1)) {
                (Some(&from), Some(&to)) => from as usize..to as usize,
                _ => 0..0,
            };
            let (before, rest) = cells.0.split_at(own.start.min(cells.0.len()));
            let after = rest.get(own.len()..).unwrap_or(&[]);
            let _ = before.iter().filter(near).any(&mut visit)
                || after.iter().filter(near).any(&mut visit);
            return n;
        }
        for da in -1..=1 {
            // Cells (a + da, b - 1..=b + 1) are one run of the sorted points.
            let from = cells.0.partition_point(|e| e.0 < (a + da, b - 1));
            let to = cells.0.partition_point(|e| e.0 <= (a + da, b + 1));
            if cells.0.get(from..to).unwrap_or(&[]).iter().any(&mut visit) {
                break;
            }
        }
        n
    }
}

/// `x.floor() as i32` for a coordinate (well within `i32`), without a call to the C library:
/// truncation toward zero, one less for a negative fraction.
fn floor(x: f32) -> i32 {
    let t = x as i32;
    if t as f32 > x {
        t - 1
    } else {
        t
    }
}

/// Great-circle distance in kilometres between two (lat, lon) points in degrees.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) =
        (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().min(1.0).asin()
}

fn coords(r: &Rec) -> Option<(f64, f64)> {
    r.has_coords().then_some((r.lat as f64, r.lon as f64))
}

/// What one mention adds to the document context.
struct Contribution {
    /// The mention's name number ([`NO_NAME`] for adjectives and country cues).
    key: u32,
    cc: [u8; 2],
    weight: f64,
    admin1: Option<(u32, f64)>,
    /// The mention names the country as such.
    named: bool,
}

/// Name number of a contribution that belongs to no name.
const NO_NAME: u32 = u32::MAX;

/// Numbers each distinct name (folded phrase) of the mentions in order of first mention:
/// (each mention's number, the first mention of each number).
fn name_ids(toks: &Toks, mentions: &[Mention], b: &mut NameBufs) {
    let same = |a: &Mention, b: &Mention| {
        a.t1 - a.t0 == b.t1 - b.t0
            && (0..a.t1 - a.t0).all(|k| toks.fb(a.t0 + k) == toks.fb(b.t0 + k))
    };
    let NameBufs { ids, firsts, hashes, before, by_hash } = b;
    ids.clear();
    firsts.clear();
    if mentions.len() <= NAME_SCAN {
        // Few names: each name's phrase hash, searched in order.
        hashes.clear();
        ids.extend(mentions.iter().enumerate().map(|(i, m)| {
            let h = toks.phrase_hash(m.t0, m.t1);
            let found =
                hashes.iter().zip(&*firsts).position(|(&g, &f)| g == h && same(&mentions[f], m));
            if let Some(id) = found {
                return id as u32;
            }
            firsts.push(i);
            hashes.push(h);
            firsts.len() as u32 - 1
        }));
        return;
    }
    // Phrase hash → the last name with that hash; each name → the one before it with the same
    // hash (names compared token by token).
    by_hash.clear();
    before.clear();
    ids.extend(mentions.iter().enumerate().map(|(i, m)| {
        let h = toks.phrase_hash(m.t0, m.t1);
        let last = by_hash.get(&h).copied().unwrap_or(u32::MAX);
        let mut at = last;
        while at != u32::MAX {
            if same(&mentions[firsts[at as usize]], m) {
                return at;
            }
            at = before[at as usize];
        }
        let id = firsts.len() as u32;
        firsts.push(i);
        before.push(last);
        by_hash.insert(h, id);
        id
    }));
}

/// [`name_ids`]' answers (each mention's name number, the first mention of each name) and its
/// working lists, kept from one text to the next.
#[derive(Default)]
struct NameBufs {
    ids: Vec<u32>,
    firsts: Vec<usize>,
    hashes: Vec<u64>,
    before: Vec<u32>,
    by_hash: HashKeyedMap<u32>,
}

/// The lists [`resolve_with`] fills for one text, kept (emptied) from one text to the next so
/// that a text costs no allocations but its places.
#[derive(Default)]
struct DocBufs {
    names: NameBufs,
    contribs: Vec<Contribution>,
    firsts: Vec<Option<Rec>>,
    tids: Vec<u32>,
    within: Vec<Within>,
    container: Vec<Option<Rec>>,
    /// The mention that states each mention's container (`u32::MAX`: none).
    container_by: Vec<u32>,
    held: Vec<Option<[u8; 2]>>,
    stated: Vec<Within>,
    by_key: Vec<(u32, usize)>,
    ranks: Vec<(u32, Ranked, u32)>,
    last_rank: Vec<u32>,
    near: Vec<((i32, i32), NearPoint)>,
    near_from: Vec<u32>,
    codes: Vec<u16>,
    /// Countries of the French adjectives ("syrienne"), in text order.
    adjectives: Vec<[u8; 2]>,
    /// The document context (emptied, its lists kept).
    context: Context,
}

/// Mentions up to which [`name_ids`] searches the names found so far rather than a hash map.
const NAME_SCAN: usize = 32;

/// Resolves all mentions into places, in text order.
pub(crate) fn resolve(
    g: &Gazetteer,
    toks: &Toks,
    mentions: &[Mention],
    hints: &[[u8; 2]],
) -> Vec<Place> {
    TABLES.with(|t| match t.try_borrow_mut() {
        Ok(mut t) => {
            // A text builds at most two tables per mention (with its own containment and with
            // the one it is ranked with): emptied before they could pass the bound.
            if t.all.len() + 2 * mentions.len() > TABLES_MAX {
                t.clear();
            }
            t.reserve_all();
            resolve_with(g, toks, mentions, hints, &mut t)
        }
        Err(_) => resolve_with(g, toks, mentions, hints, &mut Tables::default()),
    })
}

/// [`resolve`] with a thread's [`Tables`].
fn resolve_with(
    g: &Gazetteer,
    toks: &Toks,
    mentions: &[Mention],
    hints: &[[u8; 2]],
    tables: &mut Tables,
) -> Vec<Place> {
    let mut b = tables.bufs.take().unwrap_or_default();
    // Each name numbered once (its context and its neighbours are the same wherever it recurs).
    name_ids(toks, mentions, &mut b.names);
    let (keys, firsts_of_key) = (&b.names.ids, &b.names.firsts);
    // Pass 1: context from each mention's prior-best reading and from French adjectives.
    let contribs = &mut b.contribs;
    contribs.clear();
    let firsts = &mut b.firsts;
    firsts.clear();
    // Each mention's table with its own containment.
    let own = &mut b.tids;
    own.clear();
    for (m, &key) in mentions.iter().zip(keys) {
        let t = tables.of(g, m, m.within);
        own.push(t);
        let ranked = tables.prior(t);
        firsts.push(ranked.first.map(|x| x.0));
        if let Some((r, s)) = &ranked.first {
            let margin = ranked.second.map_or(3.0, |x| s - x.1);
            let sure = margin > 1.5;
            let weight = match r.kind {
                Kind::Country => 1.0,
                Kind::Admin1 if sure => 0.8,
                _ if r.curated => 0.8,
                _ if sure => 0.5,
                _ => 0.1,
            };
            let admin1 = if r.kind == Kind::Admin1 {
                Some((r.idx, weight))
            } else if r.admin1 != u32::MAX && sure {
                Some((r.admin1, 0.3))
            } else {
                None
            };
            let named = r.kind == Kind::Country;
            contribs.push(Contribution { key, cc: r.cc, weight, admin1, named });
        }
        if let Some(cc) = m.country_hint {
            contribs.push(Contribution {
                key: NO_NAME,
                cc,
                weight: 1.0,
                admin1: None,
                named: false,
            });
        }
    }
    // Telephone numbers and French adjectives, from the tokens the tokenizer marked (three
    // bytes long, or with an adjective's filter bit), in text order.
    let (codes, adjectives) = (&mut b.codes, &mut b.adjectives);
    codes.clear();
    adjectives.clear();
    let text = toks.text.as_bytes();
    for &i in &toks.marked {
        let i = i as usize;
        let t = &toks.toks[i];
        if let Some(code) = phone_area_code(text, t.start, t.end) {
            codes.push(code);
        }
        // The filter bit first: it needs only the token's hash.
        if !g.lexicon.fast.adjective_fr.may_contain(t.hash) {
            continue;
        }
        if !toks.fb(i).last().is_some_and(|&b| g.lexicon.adjective_last[b as usize]) {
            continue;
        }
        if let Some(cc) = toks.word(&g.lexicon.fast.adjective_fr, i) {
            adjectives.push(*cc);
        }
    }
    // North American telephone numbers name the division their area code serves ("call
    // 304-399-6500": West Virginia), as local news prints them.
    for &code in codes.iter() {
        if let Some((cc, a)) = g.area_code(code) {
            contribs.push(Contribution {
                key: NO_NAME,
                cc,
                weight: 0.5,
                admin1: Some((a, 0.5)),
                named: false,
            });
        }
    }
    for &cc in adjectives.iter().chain(hints) {
        contribs.push(Contribution { key: NO_NAME, cc, weight: 0.3, admin1: None, named: false });
    }
    // Pass 2: each mention is resolved against the context of the *other* names
    // (leave-one-out, so an ambiguous name does not vote for its own first reading).
    let cb = ContainBufs {
        container: &mut b.container,
        by: &mut b.container_by,
        held: &mut b.held,
        stated: &mut b.stated,
    };
    let within = &mut b.within;
    containment(g, toks, mentions, firsts, keys, firsts_of_key.len(), cb, within);
    // Each mention's table with the containment it is ranked with: `own` unless that differs.
    let tids = own;
    for ((t, m), &w) in tids.iter_mut().zip(mentions).zip(within.iter()) {
        if w != m.within && m.border.is_none() {
            *t = tables.of(g, m, w);
        }
    }
    let tables_all = &tables.all;
    let mut all = std::mem::take(&mut b.context);
    all.clear();
    // Contributions by name (in order), as one list sorted by name.
    let by_key = &mut b.by_key;
    by_key.clear();
    for (i, c) in contribs.iter().enumerate() {
        all.add(c);
        if c.key != NO_NAME {
            by_key.push((c.key, i));
        }
    }
    by_key.sort_unstable();
    // Each name's context, without its own contributions.
    let lists = &mut tables.loo_lists;
    lists.clear();
    let mut at = 0;
    for id in 0..firsts_of_key.len() as u32 {
        let from = at;
        while by_key.get(at).is_some_and(|e| e.0 == id) {
            at += 1;
        }
        lists.push(&all, by_key[from..at].iter().map(|&(_, c)| &contribs[c]));
    }
    let lists = &*lists;
    // Rankings already made: (table, ranking, the name's ranking before it), and each name's
    // last one.
    let ranks = &mut b.ranks;
    ranks.clear();
    let last_rank = &mut b.last_rank;
    last_rank.clear();
    last_rank.resize(firsts_of_key.len(), u32::MAX);
    // Points of every name's candidates, each name numbered once.
    // The grid is built on the first look-up only (most texts have no town-only ambiguous name).
    let spare =
        std::cell::Cell::new((std::mem::take(&mut b.near), std::mem::take(&mut b.near_from)));
    let tids = &*tids;
    let build = || {
        let (points, from) = spare.take();
        let mut near = NearCells(points, false, from);
        near.0.clear();
        near.2.clear();
        // (A table holds a name's records decoded, whatever its containment.)
        for (id, &i) in firsts_of_key.iter().enumerate() {
            near.2.push(near.0.len() as u32);
            for c in &tables_all[tids[i] as usize].cands {
                Near::add(&mut near, id as u32, c);
            }
        }
        near.2.push(near.0.len() as u32);
        Near::finish(&mut near);
        near
    };
    let near = Near { cells: std::cell::OnceCell::new(), build: Some(&build) };
    let mut out = Vec::with_capacity(mentions.len());
    for (i, (m, &id)) in mentions.iter().zip(keys).enumerate() {
        let ctx = &lists.loo(&all, id);
        let ranked = if m.border.is_some() {
            Ranked { first: None, second: None }
        } else {
            // The same name with the same candidates, cues and containment (the same table)
            // ranks the same.
            let t = tids[i];
            let mut at = last_rank[id as usize];
            let mut found = None;
            while let Some(e) = ranks.get(at as usize) {
                if e.0 == t {
                    found = Some(e.1);
                    break;
                }
                at = e.2;
            }
            match found {
                Some(r) => r,
                None => {
                    let r = tables_all[t as usize].rank((id, &near), ctx);
                    ranks.push((t, r, last_rank[id as usize]));
                    last_rank[id as usize] = ranks.len() as u32 - 1;
                    r
                }
            }
        };
        let container = (within[i], b.container[i], mentions.get(b.container_by[i] as usize));
        // (The words between the name and its container's, and a few after: "in Diyala
        // province".)
        let stated = container.2.map_or(("", ""), |by| {
            let to = (by.end + 24).min(toks.text.len());
            let after = toks.text.get(by.end..to).or_else(|| toks.text.get(by.end..));
            (toks.text.get(m.end..by.start).unwrap_or(""), after.unwrap_or(""))
        });
        if abroad_of_stated(g, ranked, container, stated, m.skeleton) {
            continue;
        }
        if let Some(p) = place(g, toks, m, ranked, ctx) {
            out.push(p);
        }
    }
    (b.near, b.near_from) = match near.cells.into_inner() {
        Some(cells) => (cells.0, cells.2),
        None => spare.take(),
    };
    b.context = all;
    tables.bufs = Some(b);
    out
}

/// Words that state containment between a name and the division or country that follows it.
fn containment_word(w: &str) -> bool {
    matches!(w, "," | "(" | "in" | "dans" | "de" | "of" | "en" | "province" | "governorate")
}

/// Words that may sit between a name and its container besides the containment words
/// ("in the countryside of", "dans la province de", "in the state of", "Hays city (Al
/// Hudaydah)").
fn container_gap_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "city"
            | "town"
            | "village"
            | "ville"
            | "area"
            | "la"
            | "le"
            | "les"
            | "l"
            | "du"
            | "des"
            | "d"
            | "countryside"
            | "campagne"
            | "state"
            | "etat"
            | "état"
            | "region"
            | "région"
            | "district"
            | "county"
            | "wilaya"
            | "gouvernorat"
            | "muhafazat"
            | "préfecture"
            | "prefecture"
            | "department"
            | "département"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "nord"
            | "sud"
            | "est"
            | "ouest"
            | "centre"
            | "-"
    )
}

/// Marks each mention followed closely in the same sentence by a division or country that
/// contains it ("Zawiya in the countryside of Idleb", "Paris, Texas", "X dans la province de Y").
/// The words between must all be containment words: "China is Canada's partner, after the
/// U.S." states nothing about China. A country is contained in nothing.
///
/// The loop only records which mention contains which; the (country, division) pairs are built
/// afterwards from that mention's first reading. (Building the pair inside the loop, where its
/// two padding bytes are left undefined from one iteration to the next, was miscompiled by
/// rustc 1.95 / LLVM 22 in release builds: the division index came out OR-ed with stale stack
/// bits, different from build to build and run to run.)
#[allow(clippy::too_many_arguments)]
fn containment(
    g: &Gazetteer,
    toks: &Toks,
    mentions: &[Mention],
    firsts: &[Option<Rec>],
    keys: &[u32],
    names: usize,
    b: ContainBufs,
    out: &mut Vec<Within>,
) {
    let container = b.container;
    container.clear();
    container.resize(mentions.len(), None);
    let by = b.by;
    by.clear();
    by.resize(mentions.len(), u32::MAX);
    // The country where a container holds the name it follows, when its first reading is
    // in another.
    let held = b.held;
    held.clear();
    held.resize(mentions.len(), None);
    for i in 0..mentions.len() {
        if firsts[i].is_some_and(|r| r.kind == Kind::Country) {
            continue;
        }
        for j in i + 1..mentions.len().min(i + 4) {
            let gap = toks.text.get(mentions[i].end..mentions[j].start).unwrap_or("");
            // (Searched as bytes: these ASCII chars are never part of another char's bytes.)
            if gap.len() > 60 || gap.bytes().any(|b| matches!(b, b'.' | b'\n' | b';')) {
                break;
            }
            // "Kingston, south of Brisbane", "X, à 30 km au nord de Y": the next name is near,
            // so in its division (a nearby town across a border is rare next to namesakes
            // continents apart).
            if j == i + 1 && relative_gap(gap) {
                if let Some(r) = firsts[j].filter(|r| r.kind != Kind::Continent) {
                    container[i] = Some(r);
                    break;
                }
            }
            // Lower-cased words of the gap (ASCII ones in a stack buffer, no allocation).
            let mut only_gap_words = true;
            let mut stated = false;
            // A containment word ("in", "de", "province"), and whether the first word after
            // the comma is an article: "in Paris, the US Defense Secretary said" starts a new
            // clause, "Zawiya, in the countryside of Idleb" does not.
            let mut worded = false;
            let mut first: Option<bool> = None;
            for word in gap.split(|c: char| c.is_whitespace() || c == '\'' || c == '’') {
                if word.is_empty() {
                    continue;
                }
                let (mut buf, mut owned) = ([0u8; 32], String::new());
                let w = lowercase(word, &mut buf, &mut owned);
                let t = w.trim_matches(|c: char| c == ',' || c == '(');
                if !(t.is_empty() || containment_word(t) || container_gap_word(t)) {
                    only_gap_words = false;
                    break;
                }
                stated |= containment_word(w.trim_end_matches(','))
                    || w.starts_with('(')
                    || w.ends_with(',');
                if !t.is_empty() {
                    worded |= containment_word(t);
                    first.get_or_insert(matches!(t, "the" | "la" | "le" | "les" | "l"));
                }
            }
            if !only_gap_words {
                break;
            }
            let stated = (stated || gap.trim() == ",") && (worded || first != Some(true));
            // A demonym names no container ("tweeted about Aleppo in Turkish"), nor does a name
            // that a capitalised word continues ("in Beirut, Vladimir Isachenkov in Moscow").
            let continued = toks.gap_bytes(mentions[j].t1 - 1) == b" "
                && toks.toks.get(mentions[j].t1).is_some_and(|t| t.cap);
            let Some(r) = firsts[j].filter(|_| !mentions[j].demonym && !continued) else {
                continue;
            };
            if stated && matches!(r.kind, Kind::Admin1 | Kind::Country) {
                let d = container_reading(g, &mentions[i], &mentions[j], r);
                // The container read elsewhere than where it holds the name ("Valdivia (Los
                // Rios)" first read as Los Ríos in Ecuador): the text says which it is.
                if d.cc != r.cc {
                    held[j] = Some(d.cc);
                }
                container[i] = Some(d);
                by[i] = j as u32;
                break;
            }
            if stated && matches!(r.kind, Kind::City | Kind::Capital | Kind::Admin2) {
                // A town named as the container stands for its division ("Castilla, Piura",
                // "Hays city (Al Hudaydah)"), when that division holds one of the name's
                // readings. A name set in its own namesake ("San Juan (San Juan)") says
                // nothing of the country: that must come from another name of the text.
                let same = mentions[i].cands == mentions[j].cands;
                let elsewhere = |cc: [u8; 2]| {
                    (0..mentions.len()).any(|k| {
                        mentions[k].cands != mentions[i].cands
                            && firsts[k].is_some_and(|f| f.cc == cc)
                    })
                };
                if let Some(d) = town_container(g, &mentions[i], &mentions[j], r) {
                    if !same || elsewhere(d.cc) {
                        container[i] = Some(d);
                        by[i] = j as u32;
                        if d.cc != r.cc {
                            held[j] = Some(d.cc);
                        }
                    }
                }
                break;
            }
        }
    }
    out.clear();
    out.extend(mentions.iter().zip(&*container).zip(&*held).map(|((m, c), h)| match *c {
        Some(r) if r.kind == Kind::Admin1 => Some((r.cc, r.idx)),
        // A town the name lies near (see `relative_gap`): in its division.
        Some(r) if r.kind != Kind::Country && r.admin1 != u32::MAX => {
            Some((r.cc, r.admin1 | NEAR_DIVISION))
        }
        Some(r) => Some((r.cc, u32::MAX)),
        None => m.within.or(h.map(|cc| (cc, u32::MAX))),
    }));
    // One sense per discourse: a name whose containment the text states once ("London,
    // Ontario") keeps it where it recurs bare ("London police said").
    if out.iter().any(Option::is_some) {
        // By name number (the same folded phrase).
        let stated = b.stated;
        stated.clear();
        stated.resize(names, None);
        for (&k, w) in keys.iter().zip(&*out) {
            if let (Some(w), Some(s)) = (*w, stated.get_mut(k as usize)) {
                s.get_or_insert(w);
            }
        }
        for ((m, &k), w) in mentions.iter().zip(keys).zip(out.iter_mut()) {
            if w.is_none() && m.country_hint.is_none() {
                *w = stated.get(k as usize).copied().flatten();
            }
        }
    }
}

/// `word.to_lowercase()`: an ASCII word without capitals itself (most words of a gap), any other
/// ASCII word of up to 32 bytes in `buf` (no allocation), any other in `owned`.
fn lowercase<'b>(word: &'b str, buf: &'b mut [u8; 32], owned: &'b mut String) -> &'b str {
    if !word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return word;
    }
    match buf.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or("")
        }
        _ => {
            *owned = word.to_lowercase();
            owned
        }
    }
}

/// The lists [`containment`] works in.
struct ContainBufs<'b> {
    container: &'b mut Vec<Option<Rec>>,
    by: &'b mut Vec<u32>,
    held: &'b mut Vec<Option<[u8; 2]>>,
    stated: &'b mut Vec<Within>,
}

/// The area code of the North American telephone number that the token at `s..e` of text `b`
/// starts, if it starts one ("304-399-6500", "(519) 661-5670", "1-806-423-1253").
#[inline]
fn phone_area_code(b: &[u8], s: usize, e: usize) -> Option<u16> {
    // (The length first: most tokens are not three bytes long.)
    if e != s + 3 {
        return None;
    }
    let digits = |from: usize, n: usize| {
        b.get(from..from + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !digits(s, 3) || !(b'2'..=b'9').contains(&b[s]) {
        return None;
    }
    // Before: not part of a longer number or word ("1-" and "+1 " prefixes allowed).
    if s > 0
        && (b[s - 1].is_ascii_alphanumeric() || (b[s - 1] == b'-' && s >= 2 && b[s - 2] != b'1'))
    {
        return None;
    }
    let mut k = e;
    k += match b.get(k..k + 2) {
        Some(b") ") if s > 0 && b[s - 1] == b'(' => 2,
        _ if matches!(b.get(k), Some(b'-' | b'.')) => 1,
        _ => return None,
    };
    if !digits(k, 3) || !matches!(b.get(k + 3), Some(b'-' | b'.')) || !digits(k + 4, 4) {
        return None;
    }
    if b.get(k + 8).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((b[s] - b'0') as u16 * 100 + (b[s + 1] - b'0') as u16 * 10 + (b[s + 2] - b'0') as u16)
}

/// Direction and nearness words of a relative location ("south of", "au nord de", "near").
const RELATIVE: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "nord",
    "sud",
    "est",
    "ouest",
    "nord-est",
    "nord-ouest",
    "sud-est",
    "sud-ouest",
    "near",
    "outside",
    "près",
    "pres",
    "proximité",
    "proximite",
    "suburb",
    "outskirts",
    "banlieue",
    "périphérie",
    "abords",
];

/// Words that may sit in a relative location besides [`RELATIVE`]: distances and linking words.
const RELATIVE_GAP: &[&str] = &[
    "of",
    "de",
    "d",
    "du",
    "the",
    "la",
    "le",
    "l",
    "a",
    "à",
    "au",
    "aux",
    "about",
    "some",
    "around",
    "roughly",
    "approximately",
    "environ",
    "quelque",
    "quelques",
    "km",
    "kilometres",
    "kilometers",
    "kilomètres",
    "kms",
    "mi",
    "miles",
    "mile",
    "just",
    "located",
    "situated",
    "situé",
    "située",
    "in",
    "dans",
    "on",
    "sur",
    "les",
    "des",
    "outer",
    "southern",
    "northern",
    "eastern",
    "western",
];

/// Whether the words between two names state that the first lies near the second: a comma,
/// then a direction or nearness word, with only distances and linking words besides
/// ("Kingston, south of Brisbane"; "Tessit, à 70 km au sud-ouest de Gao").
fn relative_gap(gap: &str) -> bool {
    let Some(rest) = gap.trim_start().strip_prefix(',') else {
        return false;
    };
    if rest.len() > 48 {
        return false;
    }
    let mut direction = false;
    for w in rest.split(|c: char| c.is_whitespace() || c == '\'' || c == '’') {
        if w.is_empty() || w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
            continue;
        }
        let (mut buf, mut owned) = ([0u8; 32], String::new());
        let w = lowercase(w, &mut buf, &mut owned);
        // "30km", "10-km"
        let w = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
        // ", dans le nord du Mali", ", in the north of Mali": inside, a stated container.
        if matches!(w, "dans" | "in") {
            return false;
        }
        if RELATIVE.contains(&w) {
            direction = true;
        } else if !w.is_empty() && !RELATIVE_GAP.contains(&w) {
            return false;
        }
    }
    direction
}

/// The reading of a stated container that holds the contained name: its first reading when
/// that holds one of the name's candidates, else the first of its other divisions or countries
/// that does ("Atlanta, Georgia" is the US state, not the country), else its first reading.
fn container_reading(g: &Gazetteer, inner: &Mention, outer: &Mention, first: Rec) -> Rec {
    let holds = |c: &Rec| {
        inner.cands.iter().filter_map(|&i| g.store.rec(i)).any(|r| {
            !matches!(r.kind, Kind::Country | Kind::Continent)
                && r.cc == c.cc
                && (c.kind == Kind::Country || r.admin1 == c.idx)
        })
    };
    if holds(&first) {
        return first;
    }
    outer
        .cands
        .iter()
        .filter_map(|&i| g.store.rec(i))
        .filter(|c| matches!(c.kind, Kind::Admin1 | Kind::Country))
        .find(holds)
        .unwrap_or(first)
}

/// The division that a town named as a container stands for: one of the container's own
/// divisions (a same-named governorate among its readings) or the division of its first
/// reading, whichever holds one of the contained name's readings; `None` when none does.
fn town_container(g: &Gazetteer, inner: &Mention, outer: &Mention, first: Rec) -> Option<Rec> {
    let holds = |c: &Rec| {
        inner.cands.iter().filter_map(|&i| g.store.rec(i)).any(|r| {
            matches!(r.kind, Kind::City | Kind::Capital | Kind::Admin2 | Kind::Airport)
                && r.cc == c.cc
                && r.admin1 == c.idx
        })
    };
    let own = outer
        .cands
        .iter()
        .filter_map(|&i| g.store.rec(i))
        .filter(|c| c.kind == Kind::Admin1 && c.cc == first.cc);
    own.chain(g.store.rec(first.admin1).filter(|_| first.admin1 != u32::MAX)).find(holds)
}

/// Division words that, after "in"/"dans", state a name's container ("in Diyala province",
/// "in the Donetsk region", "dans la région de Sikasso").
const DIVISION_WORDS: [&str; 8] =
    ["province", "governorate", "gouvernorat", "wilaya", "oblast", "region", "région", "state"];

/// Whether a mention's best reading lies outside the container the text states right after
/// it, where none of that container's readings is: then the name is a local place the
/// gazetteer does not hold. A country rules readings out ("près de Boni, dans le centre du
/// Mali" is not Bonn), a division only a small town ("the town of Kelly in Idleb province" is
/// no Kelly of the United States): a division's name is less sure for a city ("Valdivia (Los
/// Rios)" is first read in Ecuador, whose Los Ríos is the only one the gazetteer names so).
/// A division named with its division word ("Abu Saida in Diyala province") rules out a city
/// too. Not a town it is only said to lie near (see [`NEAR_DIVISION`]). In the same country, a
/// small town of another division than the one stated with its division word is ruled out,
/// and so is a transliteration guess (`guess`) read outside the stated division.
///
/// The third argument: the mention's containment, its container's reading and the mention
/// that names the container; the last, the words between the mention and the container's
/// name and a few words after it.
fn abroad_of_stated(
    g: &Gazetteer,
    ranked: Ranked,
    (within, container, by): (Within, Option<Rec>, Option<&Mention>),
    stated: (&str, &str),
    guess: bool,
) -> bool {
    let (Some((best, _)), Some((cc, a)), Some(container), Some(by)) =
        (ranked.first, within, container, by)
    else {
        return false;
    };
    // (The tests that need no search first: most names are read where their container is.)
    let near = a != u32::MAX && a & NEAR_DIVISION != 0;
    if near || matches!(best.kind, Kind::Country | Kind::Continent) {
        return false;
    }
    // "in … province", never a comma alone ("Aleppo, Hatay province and Gaziantep" is a list).
    // (Compared without regard to ASCII case, as in lower-cased copies, which are not made.)
    let worded = || {
        let (between, after) = stated;
        let has = |s: &str, w: &str| {
            s.as_bytes().windows(w.len()).any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
        };
        between
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("dans"))
            && DIVISION_WORDS.iter().any(|w| has(between, w) || has(after, w))
    };
    if best.cc == cc {
        // "the village of Novopavlivka in the Donetsk region": a small town of another
        // division of the same country is a namesake; the village the text means is missing
        // from the gazetteer, and its division is where it surely lies.
        // (A transliteration guess outside the division stated with a comma alone too:
        // "Al-Saqlawiyah region, Al-Anbar governorate" is no Shaqlawah of Erbil.)
        return container.kind == Kind::Admin1
            && a != u32::MAX
            && best.admin1 != a
            && matches!(best.kind, Kind::City | Kind::Admin2)
            && !best.curated
            && (guess || (best.population < 50_000 && worded()));
    }
    let small = matches!(best.kind, Kind::City | Kind::Admin2)
        && (best.population < 50_000 || worded())
        && !best.curated;
    (container.kind == Kind::Country || (container.kind == Kind::Admin1 && small))
        && !by.cands.iter().filter_map(|&k| g.store.rec(k)).any(|r| r.cc == best.cc)
}

fn place(g: &Gazetteer, toks: &Toks, m: &Mention, ranked: Ranked, ctx: &Loo) -> Option<Place> {
    let text = toks.text;
    if let Some((a, b)) = m.border {
        return Some(border_place(g, text, m, a, b));
    }
    let (mut best, s) = ranked.first?;
    // A skeleton match far from everything else in the text is more likely a miss: small
    // places always, larger ones when the text is about other countries.
    // (A curated village is no landmark a guess may reach from afar: "Khutsong" is no
    // Kitshanga.)
    if m.skeleton
        && (!best.curated || best.kind == Kind::City)
        && best.kind != Kind::Country
        && ctx.country(best.cc) < 0.2
        && (best.population < 100_000 || ctx.total >= 0.5)
    {
        return None;
    }
    // A small place abroad in a text firmly about one other country ("Zari districts of Balkh"
    // is not Żary in Poland, "près de Léré" in a story of Mali is not Lere in Nigeria): most
    // likely a local name missing from the gazetteer.
    // (A town read by an alternate name only, "Kanan" for Kanō in Japan, as soon as the text
    // is mostly about one other country: "Kanan village in Tamu township, near the Indian
    // border" names Myanmar's.)
    let alternate =
        || !m.cands.iter().any(|&c| c & !crate::store::PRIMARY == best.idx && is_primary(c));
    if !best.curated
        && matches!(best.kind, Kind::City | Kind::Admin2)
        && best.population < 100_000
        && ctx.country(best.cc) == 0.0
        && ctx.total >= 1.5
        && (ctx.dominant_share() >= 0.75 || ctx.dominant_share() >= 0.5 && alternate())
    {
        return None;
    }
    let mut start = m.start;
    let mut score = confidence(&ranked);
    let mut precision = best.kind.precision();
    // Facility head without a facility candidate: the nearest facility of that kind. (Not for
    // a camp or another site: "Bureij camp" is at Bureij, not at the nearest camp the table
    // holds, Nuseirat's; an airport or a base is often named for the town it serves.)
    if let Some(Hint::Facility(k)) = m.hint {
        if best.kind != k && k != Kind::Site {
            if let Some(f) = coords(&best).and_then(|p| g.nearest_facility(k, p, 40.0)) {
                best = f;
                precision = f.kind.precision();
                start = head_start(toks, m).unwrap_or(m.start);
                score *= 0.9;
            }
        }
    }
    // Honest precision: two far-apart cities of near-equal score.
    if let Some((r2, s2)) = &ranked.second {
        let both_cities = matches!(best.kind, Kind::City | Kind::Capital)
            && matches!(r2.kind, Kind::City | Kind::Capital);
        // (The distance only where the rest holds.)
        let close_call = both_cities
            && s - s2 < 0.1
            && match (coords(&best), coords(r2)) {
                (Some(a), Some(b)) => km(a, b) > 100.0,
                _ => false,
            };
        // One far bigger than the other: the bigger one (the better-known place) rather than a
        // vaguer division or country.
        let (p1, p2) = (best.population as f64, r2.population as f64);
        let lopsided = p1 > 3.0 * p2 || p2 > 3.0 * p1;
        if close_call && lopsided {
            if p2 > p1 {
                best = *r2;
            }
            score = score.min(0.5);
        } else if close_call {
            // A one-word name shared by far-apart hamlets and nothing in the text to choose:
            // more often a surname ("Steele") than a place worth a country-level answer.
            if m.t1 - m.t0 == 1 && p1.max(p2) < 5_000.0 && !m.demonym {
                return None;
            }
            if best.admin1 == r2.admin1 && best.admin1 != u32::MAX {
                if let Some(a) = g.store.rec(best.admin1) {
                    best = a;
                    precision = "admin1";
                }
            } else if best.cc == r2.cc {
                if let Some(c) = g.country_index.get(&best.cc).and_then(|&c| g.store.rec(c)) {
                    best = c;
                    precision = "country";
                }
            }
            score = score.min(0.4);
        }
    }
    let admin1 = if best.kind == Kind::Admin1 {
        Some(Cow::Borrowed(best.name()))
    } else {
        g.store.rec(best.admin1).map(|a| Cow::Borrowed(a.name()))
    };
    let point = coords(&best);
    Some(Place {
        text: text[start..m.end].to_string(),
        start,
        end: m.end,
        name: Cow::Borrowed(best.name()),
        geonameid: (best.geonameid != 0).then_some(best.geonameid as u64),
        feature: Cow::Borrowed(best.kind.feature()),
        country: best.country().map(Cow::Borrowed),
        admin1,
        lat: point.map(|c| round(c.0)),
        lon: point.map(|c| round(c.1)),
        precision: Cow::Borrowed(precision),
        score: round2(score * if m.skeleton { 0.8 } else { 1.0 }),
    })
}

fn head_start(toks: &Toks, m: &Mention) -> Option<usize> {
    // The facility word sits up to four tokens before the name ("plate-forme pétrolière d'").
    let k = m.t0.saturating_sub(4);
    (k..m.t0)
        .find(|&i| {
            let f = toks.f(i);
            matches!(
                f,
                "aeroport"
                    | "aerodrome"
                    | "base"
                    | "champ"
                    | "plate"
                    | "gisement"
                    | "camp"
                    | "poste"
                    | "barrage"
                    | "port"
                    | "raffinerie"
            )
        })
        .map(|i| toks.toks[i].start)
}

fn confidence(ranked: &Ranked) -> f64 {
    match (ranked.first, ranked.second) {
        (None, _) => 0.0,
        (Some(_), None) => 0.95,
        (Some(a), Some(b)) => (0.5 + 0.45 * ((a.1 - b.1) / 1.5).tanh()).clamp(0.3, 0.95),
    }
}

fn border_place(g: &Gazetteer, text: &str, m: &Mention, a: [u8; 2], b: [u8; 2]) -> Place {
    let ra = g.country_index.get(&a).and_then(|&i| g.store.rec(i));
    let rb = g.country_index.get(&b).and_then(|&i| g.store.rec(i));
    let name = format!("{}–{} border", ra.map_or("?", |r| r.name()), rb.map_or("?", |r| r.name()));
    let mid = match (ra.as_ref().and_then(coords), rb.as_ref().and_then(coords)) {
        (Some(p), Some(q)) => Some(((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0)),
        _ => None,
    };
    Place {
        text: text[m.start..m.end].to_string(),
        start: m.start,
        end: m.end,
        name: Cow::Owned(name),
        geonameid: None,
        feature: Cow::Borrowed("border"),
        // The country record's own code text, so nothing is copied.
        country: match ra.and_then(|r| r.country()) {
            Some(c) if c.as_bytes() == a => Some(Cow::Borrowed(c)),
            _ => std::str::from_utf8(&a).ok().map(|c| Cow::Owned(c.to_string())),
        },
        admin1: None,
        lat: mid.map(|p| round(p.0)),
        lon: mid.map(|p| round(p.1)),
        precision: Cow::Borrowed("region"),
        score: 0.6,
    }
}

fn round(x: f64) -> f64 {
    round_half_away(x * 1e4) / 1e4
}

fn round2(x: f64) -> f64 {
    round_half_away(x * 100.0) / 100.0
}

/// `y.round()` (half away from zero, the sign kept) without a call to the C library: the
/// truncation by an integer conversion, and the fraction it leaves (exact below 2^52).
fn round_half_away(y: f64) -> f64 {
    if y.is_nan() || y.abs() >= 4_503_599_627_370_496.0 {
        // Not a number, or too large for a fraction.
        return y.round();
    }
    let t = y as i64 as f64;
    let d = y - t;
    let r = if d >= 0.5 {
        t + 1.0
    } else if d <= -0.5 {
        t - 1.0
    } else {
        t
    };
    r.copysign(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_agrees_with_the_library() {
        let mut x = -200.0f64;
        while x < 200.0 {
            for y in [x, x + 0.5, x - 0.5, x + 1e-9, -x, x * 1e4 + 0.49999999999999994] {
                assert_eq!(round_half_away(y).to_bits(), y.round().to_bits(), "{y}");
            }
            x += 0.013_7;
        }
        for y in [0.0, -0.0, 0.3, -0.3, 0.5, -0.5, 2.5, -2.5, 1e300, -1e300, f64::NAN] {
            assert_eq!(round_half_away(y).to_bits(), y.round().to_bits(), "{y}");
        }
    }

    #[test]
    fn coordinate_floor() {
        for x in [-360.0f32, -179.5, -0.7, -0.5, -0.0, 0.0, 0.3, 1.0, 33.99, 179.9, 360.0] {
            assert_eq!(floor(x), x.floor() as i32, "{x}");
        }
    }

    #[test]
    fn distance_is_sane() {
        let d = km((33.3406, 44.4009), (36.1912, 44.0094));
        assert!((d - 318.0).abs() < 10.0, "{d}");
        assert_eq!(km((0.0, 0.0), (0.0, 0.0)), 0.0);
    }
}

#[cfg(test)]
mod issue3 {
    use sitrep_model::{Lang, Segmented};

    fn tag(text: &str) -> Vec<sitrep_model::Place> {
        crate::tag_places(text, &Segmented::default(), Lang::En)
    }

    fn reading<'p>(
        places: &'p [sitrep_model::Place],
        text: &str,
    ) -> Vec<(&'p str, Option<&'p str>)> {
        places.iter().filter(|p| p.text == text).map(|p| (&*p.name, p.country.as_deref())).collect()
    }

    #[test]
    fn issue3_country_name_is_not_a_village_of_the_text_country() {
        let t = "Lobster prices fell in Portland, Maine and Bangor, Maine. China is the largest \
                 buyer of lobster from Maine.";
        let p = tag(t);
        assert_eq!(reading(&p, "China"), [("China", Some("CN"))], "{p:?}");
    }

    #[test]
    fn issue3_containment_needs_containment_words() {
        let t =
            "Trade grew. China is Canada's second largest trading partner, after the U.S. today.";
        let p = tag(t);
        assert_eq!(reading(&p, "China"), [("China", Some("CN"))], "{p:?}");
    }

    #[test]
    fn issue3_major_capital_keeps_its_prior_against_the_country_share() {
        let t = "Officials in Chicago, Denver and Seattle said the Paris talks had failed.";
        let p = tag(t);
        assert_eq!(reading(&p, "Paris"), [("Paris", Some("FR"))], "{p:?}");
    }

    #[test]
    fn issue3_stated_containment_holds_for_the_whole_text() {
        let t = "A man was stabbed in London, Ontario on Sunday. London police said two men were \
                 arrested. The London coroner will report.";
        let p = tag(t);
        let r = reading(&p, "London");
        assert_eq!(r.len(), 3, "{p:?}");
        assert!(r.iter().all(|x| x.1 == Some("CA")), "{p:?}");
    }

    #[test]
    fn issue3_a_division_the_text_is_about_outweighs_a_division_named_once() {
        let t = "Missouri lawmakers met in Jefferson City, Missouri. Farmers across Missouri and \
                 in Springfield, Missouri, welcomed it. Texas did not comment. \
                 Farmers in Joplin, Missouri, agreed. Columbia residents were divided.";
        let p = tag(t);
        let col: Vec<_> = p.iter().filter(|x| x.text == "Columbia").collect();
        assert_eq!(col.len(), 1, "{p:?}");
        assert_eq!(col[0].admin1.as_deref(), Some("Missouri"), "{p:?}");
    }

    #[test]
    fn issue3_containment_within_keeps_the_division_record() {
        // The stated division must reach the scoring intact (it once came out of a
        // miscompiled release build OR-ed with stale bits: "Oxford, North Carolina" in Ohio).
        let t = "That's how Judy Law of Oxford, North Carolina, described her neighbors. \
                 Oxford police said the house burned. Ohio and Mississippi reported storms.";
        let p = tag(t);
        let ox: Vec<_> = p.iter().filter(|x| x.text == "Oxford").collect();
        assert_eq!(ox.len(), 2, "{p:?}");
        assert!(ox.iter().all(|x| x.admin1.as_deref() == Some("North Carolina")), "{p:?}");
    }

    #[test]
    fn issue_geo_town_named_as_container_stands_for_its_division() {
        // Al-Hasakeh is read as the town; the governorate it stands for holds the Syrian Ras
        // al-Ain, not the Moroccan one.
        let t = "Shells hit the village of Dardara in the countryside of Ras Al Ain in Al-Hasakeh.";
        let p = tag(t);
        assert_eq!(reading(&p, "Ras Al Ain").first().and_then(|r| r.1), Some("SY"), "{p:?}");
        // A name set in its own namesake says nothing of the country by itself.
        let t = "Prisoners demonstrated in San Juan (San Juan), setting fire to mattresses.";
        let p = tag(t);
        let r = reading(&p, "San Juan");
        assert_eq!(r.len(), 2, "{p:?}");
    }

    #[test]
    fn issue3_nearby_names_choose_among_towns_of_one_name() {
        // Edmonton is a town name only (no country, division or capital of that name): the
        // neighbouring Enfield makes it the London district, not the Canadian city.
        let t = "Pupils from a school in Hertford Road, Enfield, won the prize. The people of \
                 Edmonton were consulted on the design.";
        let p = tag(t);
        assert_eq!(reading(&p, "Edmonton"), [("Edmonton", Some("GB"))], "{p:?}");
        // A country, division or capital of the name keeps its weight.
        let t = "Officials in Paris, Kentucky and Lexington met. Paris talks failed.";
        let p = tag(t);
        assert!(reading(&p, "Paris").contains(&("Paris", Some("US"))), "{p:?}");
    }

    #[test]
    fn issue3_countries_and_divisions_have_geonames_own_point() {
        let near = |name: &str, cc: Option<&str>, lat: f64, lon: f64| {
            let c = crate::geocode(name, cc);
            let (la, lo) = (c[0].lat.unwrap_or(0.0), c[0].lon.unwrap_or(0.0));
            assert!((la - lat).abs() < 0.01 && (lo - lon).abs() < 0.01, "{name}: {la},{lo}");
        };
        near("Canada", None, 60.10867, -113.64258);
        near("Alberta", Some("CA"), 52.28333, -117.469);
        // GeoNames' current points, not older rounded ones (30 S 26 E lay 223 km off).
        near("South Africa", None, -29.0, 24.0);
        near("Zambia", None, -14.33333, 28.5);
        near("Mali", None, 18.0, -2.0);
    }
}

#[cfg(test)]
mod issue3_session4 {
    use sitrep_model::{Lang, Segmented};

    fn tag(text: &str) -> Vec<sitrep_model::Place> {
        crate::tag_places(text, &Segmented::default(), Lang::En)
    }

    fn admin1_of(places: &[sitrep_model::Place], text: &str) -> Vec<Option<String>> {
        places
            .iter()
            .filter(|p| p.text == text)
            .map(|p| p.admin1.as_deref().map(String::from))
            .collect()
    }

    #[test]
    fn issue3_stated_container_is_the_reading_that_holds_the_name() {
        // "Georgia" first reads as the country; only the US state holds an Atlanta.
        let t = "The company has offices in Indianapolis, Indiana and Atlanta, Georgia.";
        let p = tag(t);
        assert_eq!(admin1_of(&p, "Atlanta"), [Some("Georgia".to_string())], "{p:?}");
    }

    #[test]
    fn issue3_postal_code_states_containment() {
        let t = "LOUISVILLE, KY--(Marketwire) - The company opened a store in Lexington, KY.";
        let p = tag(t);
        assert_eq!(admin1_of(&p, "Lexington"), [Some("Kentucky".to_string())], "{p:?}");
    }
}

#[cfg(test)]
mod issue3_alias_of_a_bigger_town {
    use sitrep_model::{Lang, Segmented};

    #[test]
    fn issue3_a_much_bigger_town_bearing_the_name_as_alias_wins_in_its_country() {
        let t = "Britain's regulator approved the technique, developed by doctors in Newcastle.";
        let p = crate::tag_places(t, &Segmented::default(), Lang::En);
        let n: Vec<_> = p.iter().filter(|x| x.text == "Newcastle").collect();
        assert_eq!(n.len(), 1, "{p:?}");
        assert_eq!(n[0].name, "Newcastle upon Tyne", "{p:?}");
    }
}

#[cfg(test)]
mod issue3_named_country {
    use sitrep_model::{Lang, Segmented};

    fn countries(text: &str, name: &str) -> Vec<Option<String>> {
        crate::tag_places(text, &Segmented::default(), Lang::En)
            .into_iter()
            .filter(|p| p.text == name)
            .map(|p| p.country.map(std::borrow::Cow::into_owned))
            .collect()
    }

    #[test]
    fn issue3_a_big_city_of_a_named_country_is_not_overshadowed_by_a_foreign_capital() {
        let t = "Organizers of a London rally in support of Aleppo said Canada's stand was weak. \
                 Canada must do more, a London doctor said. Canada can help Syria.";
        assert_eq!(countries(t, "London"), [Some("CA".into()), Some("CA".into())]);
        // A small namesake stays overshadowed, and the capital keeps its prior where the text
        // points to its country.
        let t = "U.S. officials said the Paris talks failed. The United States will leave.";
        assert_eq!(countries(t, "Paris"), [Some("FR".into())]);
        let t = "Canada and Britain met in London. Canada said the London talks went well.";
        assert_eq!(countries(t, "London"), [Some("GB".into()), Some("GB".into())]);
    }
}

#[cfg(test)]
mod issue3_county_before {
    use sitrep_model::{Lang, Segmented};

    #[test]
    fn issue3_county_before_the_name_selects_the_county() {
        let p = crate::tag_places(
            "He lives in the County of Brant, near the river.",
            &Segmented::default(),
            Lang::En,
        );
        let b: Vec<_> = p.iter().filter(|x| x.text == "Brant").collect();
        assert_eq!(b.len(), 1, "{p:?}");
        assert_eq!(b[0].feature, "admin2", "{p:?}");
    }
}

#[cfg(test)]
mod issue3_article_spelling {
    use sitrep_model::{Lang, Segmented};

    #[test]
    fn issue3_a_name_is_found_with_another_spelling_of_its_article() {
        // The gazetteer holds "Ras el Ain"; the text writes "Ras al Ain" (not "Ras" alone).
        let t = "A patrol passed through Ras al Ain on Monday.";
        let p = crate::tag_places(t, &Segmented::default(), Lang::En);
        let texts: Vec<&str> = p.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["Ras al Ain"], "{p:?}");
    }

    #[test]
    fn issue3_a_relative_location_puts_the_name_near_the_next_one() {
        let tag = |t: &str| crate::tag_places(t, &Segmented::default(), Lang::En);
        let p = tag("A boy was hit by a car in Kingston, south of Brisbane, on Sunday.");
        let k = p.iter().find(|x| x.text == "Kingston").expect("Kingston");
        assert_eq!((k.country.as_deref(), k.admin1.as_deref()), (Some("AU"), Some("Queensland")));
        let p = tag("Des jihadistes ont attaqué Tessit, à 70 km au sud-ouest de Gao.");
        let t = p.iter().find(|x| x.text == "Tessit").expect("Tessit");
        assert_eq!(t.country.as_deref(), Some("ML"));
        // Without the relation the capital keeps its prior.
        let p = tag("A boy was hit by a car in Kingston on Sunday. Brisbane was calm.");
        let k = p.iter().find(|x| x.text == "Kingston").expect("Kingston");
        assert_eq!(k.country.as_deref(), Some("JM"));
    }

    #[test]
    fn issue3_a_curated_airport_outranks_a_small_namesake_town() {
        let tag = |t: &str| crate::tag_places(t, &Segmented::default(), Lang::En);
        let p = tag("Cabin crew based at Heathrow said they would strike.");
        assert_eq!(p[0].feature, "airport", "{p:?}");
        assert_eq!(p[0].country.as_deref(), Some("GB"));
    }

    #[test]
    fn issue3_a_local_telephone_number_names_the_division() {
        let tag = |t: &str| crate::tag_places(t, &Segmented::default(), Lang::En);
        let p = tag("A man died in London. Call London police at 519-661-5670.");
        assert!(p.iter().all(|x| x.country.as_deref() == Some("CA")), "{p:?}");
        let p = tag("A man died in London. Call the police at 1-800-222-8477.");
        assert!(p.iter().all(|x| x.country.as_deref() == Some("GB")), "{p:?}");
    }

    #[test]
    fn phone_numbers() {
        let codes = |t: &str| {
            let toks =
                crate::tagger::Toks::new(t, &Segmented::default(), crate::Gazetteer::global());
            let b = t.as_bytes();
            toks.toks
                .iter()
                .filter_map(|t| super::phone_area_code(b, t.start, t.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes("call 304-399-6500 or (304) 766-3413, or 1-806-423-1253."),
            [304, 304, 806]
        );
        assert_eq!(codes("call 519.661.5670 now"), [519]);
        // Not telephone numbers: dates, prices, longer digit runs, letters attached.
        assert!(codes("in 2016-2017, $304-399, 12304-399-6500, A304-399-6500").is_empty());
    }

    #[test]
    fn issue3_a_comma_and_an_article_start_a_new_clause_not_a_container() {
        let tag = |t: &str| crate::tag_places(t, &Segmented::default(), Lang::En);
        let p =
            tag("After talks in Paris, the US Defense Secretary said the operation would go on.");
        let got: Vec<(&str, Option<&str>)> =
            p.iter().map(|x| (x.text.as_str(), x.country.as_deref())).collect();
        assert_eq!(got, [("Paris", Some("FR")), ("US", Some("US"))], "{p:?}");
        let p = tag("He was in Paris. The US said no.");
        assert_eq!(p[1].feature, "country", "{p:?}");
    }

    #[test]
    fn issue3_divisions_have_their_english_names() {
        let tag = |t: &str| crate::tag_places(t, &Segmented::default(), Lang::En);
        let p = tag("Floods hit Rhineland-Palatinate and Lower Saxony on Monday.");
        let got: Vec<(&str, &str, Option<&str>)> =
            p.iter().map(|x| (x.text.as_str(), &*x.feature, x.country.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Rhineland-Palatinate", "admin1", Some("DE")),
                ("Lower Saxony", "admin1", Some("DE"))
            ],
            "{p:?}"
        );
    }

    #[test]
    fn relative_gaps() {
        assert!(super::relative_gap(", south of "));
        assert!(super::relative_gap(", some 30 km north-east of "));
        assert!(super::relative_gap(", à 70 km au sud-ouest de "));
        assert!(super::relative_gap(", near "));
        assert!(!super::relative_gap(" and "));
        assert!(!super::relative_gap(", then south to "));
        assert!(!super::relative_gap(", "));
        // Inside, not beside: a stated container.
        assert!(!super::relative_gap(", dans le nord du "));
        assert!(!super::relative_gap(", in the north of "));
    }
}
