//! The compiled actor table: what [`crate::tables`] reads from the TSV
//! sources, flattened to one record a line so that loading it is a single
//! pass with no template expansion, merging or alias checks.
//!
//! The build script runs [`crate::tables`] on the embedded sources and writes
//! [`write`]'s output to `OUT_DIR`; [`read`] turns it back into the same
//! builder state at run time. Records (tab-separated):
//!
//! * `A canonical kind country acled_type part_of` — an actor (empty = none);
//! * `R actor flags alias` — an alias of actor number `actor` (flags: `a`
//!   for adjectival, `t` for toponym, `-` for neither), in the order the
//!   tables added them (the matcher's tie-breaking depends on that order);
//!   the folded keys and case rules are in the compiled matcher (see
//!   `matcher.rs`, [`Builder::finish`]);
//! * `S iso actor`, `M iso name`, `G iso name`, `O role iso name`, `N actor` —
//!   states, militaries, governments, template roles and generic actors.

use crate::kb::{parse_kind, Builder, KbError};
use sitrep_model::EntityKind;
use std::fmt::Write as _;

// The library only reads; the build script (and the tests) write.
#[cfg_attr(not(test), allow(dead_code))]
const KINDS: [&str; 9] = [
    "person",
    "armed_group",
    "state",
    "military",
    "government",
    "organization",
    "media",
    "place",
    "other",
];

#[cfg_attr(not(test), allow(dead_code))]
fn kind_name(kind: EntityKind) -> &'static str {
    KINDS.iter().find(|k| parse_kind(k) == Some(kind)).copied().unwrap_or("other")
}

/// Serialises the builder state (sorted where it comes from hash maps, so the
/// output is reproducible).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn write(b: &Builder) -> String {
    let mut out = String::with_capacity(2 << 20);
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    for a in &b.actors {
        let _ = writeln!(
            out,
            "A\t{}\t{}\t{}\t{}\t{}",
            a.canonical,
            kind_name(a.kind),
            o(&a.country),
            o(&a.acled_type),
            o(&a.part_of)
        );
    }
    for &(actor, index, adjectival, toponym) in &b.raw {
        let text = &b.actors[actor as usize].aliases[index as usize];
        let flags = match (adjectival, toponym) {
            (true, true) => "at",
            (true, false) => "a",
            (false, true) => "t",
            (false, false) => "-",
        };
        let _ = writeln!(out, "R\t{actor}\t{flags}\t{text}");
    }
    let mut states: Vec<_> = b.states.iter().collect();
    states.sort();
    for (iso, id) in states {
        let _ = writeln!(out, "S\t{iso}\t{id}");
    }
    for (tag, map) in [("M", &b.militaries), ("G", &b.governments)] {
        let mut v: Vec<_> = map.iter().collect();
        v.sort();
        for (iso, name) in v {
            let _ = writeln!(out, "{tag}\t{iso}\t{name}");
        }
    }
    let mut roles: Vec<_> = b.roles.iter().collect();
    roles.sort();
    for ((role, iso), name) in roles {
        let _ = writeln!(out, "O\t{role}\t{iso}\t{name}");
    }
    let mut generics: Vec<_> = b.generics.iter().collect();
    generics.sort();
    for id in generics {
        let _ = writeln!(out, "N\t{id}");
    }
    out
}

/// Reads [`write`]'s output back into a builder.
pub(crate) fn read(text: &'static str) -> Result<Builder, KbError> {
    let mut b = Builder::default();
    b.actors.reserve(text.len() / 512);
    b.raw.reserve(text.len() / 48);
    // Lines and fields are short: plain byte scans (no memchr calls), with
    // the lines of `str::lines` and at most 7 fields a line.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while start < bytes.len() {
        let end =
            bytes[start..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |p| start + p);
        let raw_line = text.get(start..end).unwrap_or("");
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        start = end + 1;
        i += 1;
        let bad = |message: &str| KbError::Row {
            table: "compiled actor table",
            line: i,
            message: message.to_string(),
        };
        let mut f = [""; 7];
        let mut n = 0;
        let lb = line.as_bytes();
        let mut fs = 0;
        loop {
            let fe = lb[fs..].iter().position(|&c| c == b'\t').map_or(lb.len(), |p| fs + p);
            if n < f.len() {
                f[n] = line.get(fs..fe).unwrap_or("");
                n += 1;
            }
            if fe >= lb.len() {
                break;
            }
            fs = fe + 1;
        }
        let f = &f[..n];
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let id = |s: &str, n: usize| s.parse::<u32>().ok().filter(|&x| (x as usize) < n);
        match *f {
            ["A", canonical, kind, country, acled, part_of] => {
                let kind = parse_kind(kind).ok_or_else(|| bad("bad kind"))?;
                b.by_canonical.insert(canonical.to_lowercase(), b.actors.len() as u32);
                b.actors.push(crate::kb::ActorInfo {
                    canonical: canonical.to_string(),
                    kind,
                    country: opt(country),
                    acled_type: opt(acled),
                    part_of: opt(part_of),
                    aliases: Vec::new(),
                });
            }
            ["R", actor, flags, alias] => {
                let a = id(actor, b.actors.len()).ok_or_else(|| bad("bad actor"))?;
                let aliases = &mut b.actors[a as usize].aliases;
                let index = aliases.len() as u32;
                aliases.push(alias.to_string());
                b.raw.push((a, index, flags.contains('a'), flags.contains('t')));
            }
            ["S", iso, actor] => {
                let a = id(actor, b.actors.len()).ok_or_else(|| bad("bad actor"))?;
                b.states.insert(iso.to_string(), a);
            }
            ["M", iso, name] => {
                b.militaries.insert(iso.to_string(), name.to_string());
            }
            ["G", iso, name] => {
                b.governments.insert(iso.to_string(), name.to_string());
            }
            ["O", role, iso, name] => {
                b.roles.insert((role.to_string(), iso.to_string()), name.to_string());
            }
            ["N", actor] => {
                b.generics.insert(id(actor, b.actors.len()).ok_or_else(|| bad("bad actor"))?);
            }
            _ => return Err(bad("unknown record")),
        }
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_matches_the_sources() {
        let b = crate::tables::read_all().unwrap();
        let text = write(&b);
        let back = read(Box::leak(text.clone().into_boxed_str())).unwrap();
        assert_eq!(back.actors, b.actors);
        assert_eq!(back.raw, b.raw);
        assert_eq!(write(&back), text);
        // The embedded table is this very output.
        assert_eq!(crate::COMPILED, text);
        // The embedded matcher is the one compiled from the sources, and the
        // global table is read from it.
        let kb = back.build().unwrap();
        assert_eq!(kb.write_matcher(), crate::COMPILED_MATCHER);
        let global = crate::ActorKb::global();
        assert_eq!(global.write_matcher(), crate::COMPILED_MATCHER);
        assert_eq!(global.actors(), kb.actors());
        assert_eq!(global.matcher, kb.matcher);
    }

    #[test]
    fn rejects_a_bad_matcher() {
        let b = || read(crate::COMPILED).unwrap();
        let blob = crate::COMPILED_MATCHER;
        assert!(b().finish(blob).is_ok());
        for bad in [&blob[..blob.len() - 1], &blob[..10], &[][..]] {
            assert!(b().finish(bad).is_err());
        }
    }

    #[test]
    fn rejects_bad_records() {
        for bad in ["X\t1", "R\t0\t-\tHamas", "A\tHamas\tnope\t\t\t", "A\tHamas"] {
            assert!(read(bad).is_err(), "{bad:?}");
        }
        let b = read("A\tHamas\tarmed_group\tPS\t\t\nR\t0\ta\tHamas\nN\t0").unwrap();
        assert_eq!(b.actors[0].kind, EntityKind::ArmedGroup);
        assert_eq!(b.actors[0].country.as_deref(), Some("PS"));
        assert_eq!(b.raw, vec![(0, 0, true, false)]);
    }
}
