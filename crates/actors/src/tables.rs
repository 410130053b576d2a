//! Reading the embedded TSV tables into an [`ActorKb`].
//!
//! Formats (tab-separated, `#` starts a comment line, `|` separates list
//! items, `-` or empty means "none"):
//!
//! * `countries.tsv`: iso2, English name (ACLED spelling, with a leading
//!   "the " when ACLED writes one), English adjectives, French names, French
//!   adjectives (masculine singular, or the four forms `ms/fs/mp/fp`), Arabic
//!   names, capital metonyms, extra aliases, Arabic adjective (masculine,
//!   with the article).
//! * `templates.tsv`: role, kind, ACLED type, canonical template, alias
//!   templates. Placeholders: `{the}` (ACLED's article), `{name}` (English
//!   names), `{adj}`, `{ms}`, `{fs}`, `{mp}`, `{fp}`, `{ar}` (Arabic names),
//!   `{arm}`/`{arf}` (Arabic adjective, masculine/feminine).
//! * `states.tsv` (generated): iso2, iso3, English, English ISO, English
//!   official, French, French official, Arabic, Arabic official.
//! * curated tables and `acled_names.tsv`: canonical, kind, ACLED type,
//!   country, part_of, aliases. An alias starting with `~` is adjectival.

use crate::kb::{acled_type, list, opt, parse_kind, rows, ActorKb, Builder, KbError};
use sitrep_model::EntityKind;

const COUNTRIES: &str = include_str!("../../../data/actors/countries.tsv");
const TEMPLATES: &str = include_str!("../../../data/actors/templates.tsv");
const STATES: &str = include_str!("../../../data/actors/states.tsv");
/// Person cue word lists (see `person.rs`).
pub(crate) const PERSON_CUES: &str = include_str!("../../../data/actors/person_cues.tsv");
const CURATED: [(&str, &str); 7] = [
    ("generic.tsv", include_str!("../../../data/actors/generic.tsv")),
    ("organs.tsv", include_str!("../../../data/actors/organs.tsv")),
    ("groups_mena.tsv", include_str!("../../../data/actors/groups_mena.tsv")),
    ("groups_world.tsv", include_str!("../../../data/actors/groups_world.tsv")),
    ("organizations.tsv", include_str!("../../../data/actors/organizations.tsv")),
    ("media.tsv", include_str!("../../../data/actors/media.tsv")),
    ("acled_names.tsv", include_str!("../../../data/actors/acled_names.tsv")),
];

/// Loads every embedded table from its TSV source.
///
/// [`ActorKb::global`] does not call this: the build script runs the same
/// code once and embeds its result (see `compiled.rs`).
pub fn load() -> Result<ActorKb, KbError> {
    read_all()?.build()
}

/// Reads every table into a builder (actors, aliases and state maps, before
/// the matcher is compiled).
pub(crate) fn read_all() -> Result<Builder, KbError> {
    let mut b = Builder::default();
    let countries = read_countries(&mut b)?;
    read_states(&mut b)?;
    read_templates(&mut b, &countries)?;
    for (name, table) in CURATED {
        read_curated(&mut b, name, table)?;
    }
    Ok(b)
}

/// What the templates need about one state.
#[derive(Debug, Default)]
struct Country {
    iso: String,
    the: String,
    names: Vec<String>,
    adj: Vec<String>,
    ms: Vec<String>,
    fs: Vec<String>,
    mp: Vec<String>,
    fp: Vec<String>,
    ar: Vec<String>,
    arm: Vec<String>,
    arf: Vec<String>,
}

/// French adjective forms from the masculine singular.
pub(crate) fn french_forms(ms: &str) -> [String; 4] {
    if let [a, b, c, d] = ms.split('/').collect::<Vec<_>>()[..] {
        return [a.into(), b.into(), c.into(), d.into()];
    }
    let fs = if ms.ends_with('e') {
        ms.to_string()
    } else if ms.ends_with("en") || ms.ends_with("on") {
        format!("{ms}ne")
    } else {
        format!("{ms}e")
    };
    let mp = if ms.ends_with('s') || ms.ends_with('x') { ms.to_string() } else { format!("{ms}s") };
    let fp = format!("{fs}s");
    [ms.to_string(), fs, mp, fp]
}

/// English plural of a demonym ("Iraqi" → "Iraqis"), if it has one.
pub(crate) fn english_plural(adj: &str) -> Option<String> {
    let no_plural = ["ese", "ish", "sh", "ch", "ss", "ss"];
    if adj.chars().filter(|c| c.is_uppercase()).count() > 1
        || no_plural.iter().any(|s| adj.ends_with(s))
    {
        return None;
    }
    Some(format!("{adj}s"))
}

fn arabic_feminine(m: &str) -> String {
    match m.strip_suffix('ي') {
        Some(stem) => format!("{stem}ية"),
        None => format!("{m}ة"),
    }
}

fn read_countries(b: &mut Builder) -> Result<Vec<Country>, KbError> {
    let mut out = Vec::new();
    for (line, f) in rows(COUNTRIES) {
        let cell = |i: usize| f.get(i).copied().unwrap_or("");
        let iso = cell(0).to_ascii_uppercase();
        if iso.len() != 2 {
            return Err(KbError::Row {
                table: "countries.tsv",
                line,
                message: format!("bad iso2 {iso:?}"),
            });
        }
        let (the, name) = match cell(1).strip_prefix("the ") {
            Some(n) => ("the ", n),
            None => ("", cell(1)),
        };
        let id = b.actor(name, EntityKind::State, Some(&iso), None, None);
        b.states.insert(iso.clone(), id);
        let mut c = Country {
            iso: iso.clone(),
            the: the.to_string(),
            names: vec![name.to_string()],
            ..Default::default()
        };
        for a in list(cell(2)) {
            b.alias(id, a, true, false);
            if let Some(p) = english_plural(a) {
                b.alias(id, &p, true, false);
            }
            c.adj.push(a.to_string());
        }
        for n in list(cell(3)) {
            b.alias(id, n, false, true);
        }
        for ms in list(cell(4)) {
            let forms = french_forms(ms);
            for x in &forms {
                b.alias(id, x, true, false);
            }
            let [ms, fs, mp, fp] = forms;
            c.ms.push(ms);
            c.fs.push(fs);
            c.mp.push(mp);
            c.fp.push(fp);
        }
        for n in list(cell(5)) {
            b.alias(id, n, false, true);
            c.ar.push(n.to_string());
        }
        for n in list(cell(6)) {
            b.alias(id, n, false, true);
        }
        for n in list(cell(7)) {
            match n.strip_prefix('~') {
                Some(adj) => b.alias(id, adj, true, false),
                None => {
                    b.alias(id, n, false, false);
                    if n.chars().all(|ch| ch.is_ascii_alphabetic()) && n.len() > 3 {
                        c.names.push(n.to_string());
                    }
                }
            }
        }
        for m in list(cell(8)) {
            b.alias(id, m, true, false);
            let fem = arabic_feminine(m);
            b.alias(id, &fem, true, false);
            c.arm.push(m.to_string());
            c.arf.push(fem);
        }
        out.push(c);
    }
    Ok(out)
}

fn read_states(b: &mut Builder) -> Result<(), KbError> {
    for (line, f) in rows(STATES) {
        if f.len() < 9 {
            return Err(KbError::Row {
                table: "states.tsv",
                line,
                message: "expected 9 columns".into(),
            });
        }
        let iso = f[0].to_string();
        let id = match b.states.get(&iso) {
            Some(&id) => id,
            None => {
                let id = b.actor(f[2], EntityKind::State, Some(&iso), None, None);
                b.states.insert(iso.clone(), id);
                id
            }
        };
        for n in &f[2..] {
            b.alias(id, n, false, true);
        }
    }
    Ok(())
}

/// Template placeholders, in expansion order (earlier ones vary slowest).
const SLOTS: [&str; 11] = ["the", "name", "adj", "ms", "fs", "mp", "fp", "ar", "arm", "arf", "iso"];

impl Country {
    /// The values of placeholder `SLOTS[i]`.
    fn values(&self, i: usize) -> &[String] {
        match i {
            0 => std::slice::from_ref(&self.the),
            1 => &self.names,
            2 => &self.adj,
            3 => &self.ms,
            4 => &self.fs,
            5 => &self.mp,
            6 => &self.fp,
            7 => &self.ar,
            8 => &self.arm,
            9 => &self.arf,
            _ => std::slice::from_ref(&self.iso),
        }
    }
}

/// A template cut into literal text and placeholders (index into [`SLOTS`]).
enum Piece<'t> {
    Lit(&'t str),
    Slot(usize),
}

fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let slot = rest[open..].find('}').and_then(|close| {
            let name = &rest[open + 1..open + close];
            SLOTS.iter().position(|s| *s == name).map(|i| (i, open + close + 1))
        });
        match slot {
            Some((i, end)) => {
                out.push(Piece::Lit(&rest[..open]));
                out.push(Piece::Slot(i));
                rest = &rest[end..];
            }
            None => {
                out.push(Piece::Lit(&rest[..=open]));
                rest = &rest[open + 1..];
            }
        }
    }
    out.push(Piece::Lit(rest));
    out
}

/// Expands the placeholders of `template` with every combination of values
/// (a placeholder used twice takes the same value in both places; the first
/// placeholder of [`SLOTS`] varies slowest).
fn expand(template: &str, c: &Country) -> Vec<String> {
    let ps = pieces(template);
    let used: Vec<usize> = (0..SLOTS.len())
        .filter(|&i| ps.iter().any(|p| matches!(p, Piece::Slot(j) if *j == i)))
        .collect();
    let counts: Vec<usize> = used.iter().map(|&i| c.values(i).len()).collect();
    if counts.contains(&0) {
        return Vec::new();
    }
    let total: usize = counts.iter().product();
    let mut out = Vec::with_capacity(total);
    let mut choice = vec![0usize; used.len()];
    for _ in 0..total {
        let mut t = String::with_capacity(template.len() + 16);
        for p in &ps {
            match p {
                Piece::Lit(l) => t.push_str(l),
                Piece::Slot(i) => {
                    let k = used.iter().position(|u| u == i).unwrap_or(0);
                    t.push_str(c.values(*i).get(choice[k]).map_or("", String::as_str));
                }
            }
        }
        out.push(t);
        // Odometer: the last placeholder varies fastest.
        for k in (0..choice.len()).rev() {
            choice[k] += 1;
            if choice[k] < counts[k] {
                break;
            }
            choice[k] = 0;
        }
    }
    out
}

fn read_templates(b: &mut Builder, countries: &[Country]) -> Result<(), KbError> {
    for (line, f) in rows(TEMPLATES) {
        let cell = |i: usize| f.get(i).copied().unwrap_or("");
        let kind = parse_kind(cell(1)).ok_or_else(|| KbError::Row {
            table: "templates.tsv",
            line,
            message: format!("unknown kind {:?}", cell(1)),
        })?;
        let acled = acled_type("templates.tsv", line, cell(2))?;
        for c in countries {
            let Some(canonical) = expand(cell(3), c).into_iter().next() else { continue };
            let id = b.actor(&canonical, kind, Some(&c.iso), acled, None);
            b.roles.insert((cell(0).to_string(), c.iso.clone()), canonical.clone());
            match cell(0) {
                "military" => {
                    b.militaries.insert(c.iso.clone(), canonical.clone());
                }
                "government" => {
                    b.governments.insert(c.iso.clone(), canonical.clone());
                }
                _ => {}
            }
            for t in list(cell(4)) {
                let adjectival = false;
                for a in expand(t, c) {
                    b.alias(id, &a, adjectival, false);
                }
            }
        }
    }
    Ok(())
}

fn read_curated(b: &mut Builder, table: &'static str, text: &str) -> Result<(), KbError> {
    for (line, f) in rows(text) {
        let cell = |i: usize| f.get(i).copied().unwrap_or("");
        let kind = parse_kind(cell(1)).ok_or_else(|| KbError::Row {
            table,
            line,
            message: format!("unknown kind {:?}", cell(1)),
        })?;
        let acled = acled_type(table, line, cell(2))?;
        let country = opt(cell(3)).map(str::to_ascii_uppercase);
        if let Some(c) = &country {
            if c.len() != 2 {
                return Err(KbError::Row { table, line, message: format!("bad country {c:?}") });
            }
        }
        // ACLED rows join an actor already known by one of their long names.
        let known = (table == "acled_names.tsv" && b.find(cell(0)).is_none())
            .then(|| list(cell(5)).filter(|a| a.len() > 5).find_map(|a| b.find_alias(a)))
            .flatten();
        let id = match known {
            Some(id) => id,
            None => b.actor(cell(0), kind, country.as_deref(), acled, opt(cell(4))),
        };
        if table == "generic.tsv" {
            b.generics.insert(id);
        }
        for a in list(cell(5)) {
            match a.strip_prefix('~') {
                Some(adj) => b.alias(id, adj, true, false),
                None => b.alias(id, a, false, false),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_forms_table() {
        for (ms, want) in [
            ("américain", ["américain", "américaine", "américains", "américaines"]),
            ("irakien", ["irakien", "irakienne", "irakiens", "irakiennes"]),
            ("français", ["français", "française", "français", "françaises"]),
            ("russe", ["russe", "russe", "russes", "russes"]),
            ("turc/turque/turcs/turques", ["turc", "turque", "turcs", "turques"]),
        ] {
            assert_eq!(french_forms(ms), want.map(String::from), "{ms}");
        }
    }

    #[test]
    fn english_plurals() {
        assert_eq!(english_plural("Iraqi").as_deref(), Some("Iraqis"));
        assert_eq!(english_plural("American").as_deref(), Some("Americans"));
        assert_eq!(english_plural("French"), None);
        assert_eq!(english_plural("Chinese"), None);
        assert_eq!(english_plural("US"), None);
    }

    #[test]
    fn expand_combinations() {
        let c = Country {
            iso: "IQ".into(),
            the: String::new(),
            names: vec!["Iraq".into()],
            adj: vec!["Iraqi".into()],
            fs: vec!["irakienne".into()],
            mp: vec!["irakiens".into(), "iraquiens".into()],
            ..Default::default()
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        for (template, want) in [
            ("Military Forces of {the}{name}", s(&["Military Forces of Iraq"])),
            ("{adj} army", s(&["Iraqi army"])),
            ("armée {fs}", s(&["armée irakienne"])),
            ("soldats {mp} ({iso})", s(&["soldats irakiens (IQ)", "soldats iraquiens (IQ)"])),
            (
                "{mp} {fs} {mp}",
                s(&["irakiens irakienne irakiens", "iraquiens irakienne iraquiens"]),
            ),
            ("{ar} army", Vec::new()),
            ("{odd} {adj}", s(&["{odd} Iraqi"])),
            ("plain", s(&["plain"])),
        ] {
            assert_eq!(expand(template, &c), want, "{template}");
        }
    }

    #[test]
    fn arabic_feminine_forms() {
        assert_eq!(arabic_feminine("العراقي"), "العراقية");
    }

    #[test]
    fn tables_load() {
        // The global table falls back to an empty one on a load error.
        let kb = ActorKb::global();
        assert!(kb.len() > 100, "embedded tables failed to load");
    }
}
