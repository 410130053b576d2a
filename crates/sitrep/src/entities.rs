//! Grouping actor mentions and places into the contract's `entities`.
//!
//! Mentions with the same canonical name (or, without one, the same folded
//! text) and kind are one entity. Places group by resolved name and country.
//! Ids `n1`, `n2`, … follow the order of first mention, so they are stable for
//! a given text.

use sitrep_model::{ActorMention, Entity, EntityKind, Place, Span};
use std::collections::hash_map::Entry;
use std::collections::HashMap;

struct Group {
    first: Span,
    text: String,
    canonical: Option<String>,
    kind: EntityKind,
    country: Option<String>,
    mentions: Vec<Span>,
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else {
            out.extend(c.to_lowercase().filter(|c| c.is_alphanumeric()));
        }
    }
    out
}

/// Groups mentions into entities ordered by first mention.
pub fn group(text: &str, actors: &[ActorMention], places: &[Place]) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(String, EntityKind), usize> = HashMap::new();
    // The text of a group is set once its mentions are all known.
    let mut add =
        |key: (String, EntityKind), span, canonical: Option<&str>, country: Option<&str>| {
            let kind = key.1;
            match index.entry(key) {
                Entry::Occupied(o) => groups[*o.get()].mentions.push(span),
                Entry::Vacant(v) => {
                    v.insert(groups.len());
                    groups.push(Group {
                        first: span,
                        text: String::new(),
                        canonical: canonical.map(str::to_string),
                        kind,
                        country: country.map(str::to_string),
                        mentions: vec![span],
                    });
                }
            }
        };
    for m in actors {
        let key = m.canonical.as_deref().map(fold).unwrap_or_else(|| fold(m.span.slice(text)));
        if key.is_empty() {
            continue;
        }
        add((key, m.kind), m.span, m.canonical.as_deref(), m.country.as_deref());
    }
    for p in places {
        let key = format!("{}|{}", fold(&p.name), p.country.as_deref().unwrap_or(""));
        let span = Span::new(p.start, p.end);
        add((key, EntityKind::Place), span, Some(&p.name), p.country.as_deref());
    }
    for g in &mut groups {
        g.mentions.sort();
        g.mentions.dedup();
        g.first = g.mentions[0];
        g.text = g.first.slice(text).to_string();
    }
    groups.sort_by_key(|g| (g.first, g.kind));
    groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| Entity {
            id: format!("n{}", i + 1),
            text: g.text,
            canonical: g.canonical,
            kind: g.kind,
            country: g.country,
            mentions: g.mentions,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, canonical: &str, kind: EntityKind) -> ActorMention {
        ActorMention {
            span: Span::new(start, end),
            canonical: Some(canonical.into()),
            kind,
            country: Some("US".into()),
            acled_type: None,
            part_of: None,
            adjectival: false,
            affiliation: None,
        }
    }

    #[test]
    fn groups_by_canonical_in_order_of_first_mention() {
        let text = "Washington and the United States; the Pentagon.";
        let actors = [
            mention(0, 10, "United States", EntityKind::State),
            mention(15, 32, "United States", EntityKind::State),
            mention(38, 46, "US Department of Defense", EntityKind::Military),
        ];
        let e = group(text, &actors, &[]);
        assert_eq!(e.len(), 2);
        assert_eq!((e[0].id.as_str(), e[0].text.as_str()), ("n1", "Washington"));
        assert_eq!(e[0].mentions.len(), 2);
        assert_eq!(e[1].canonical.as_deref(), Some("US Department of Defense"));
    }
}
