//! Long documents are coded in windows of whole sentences.
//!
//! The stages after segmentation compare mentions with mentions (an event's
//! actor with the document's entities, a place with the actors inside it…),
//! which is cheap on a news article and quadratic on a 50 MB scrape. A
//! document longer than [`WINDOW`] bytes is therefore cut at sentence ends
//! into windows of about [`WINDOW`] bytes; each window is coded as its own
//! document and the reports are joined: spans shifted back into the whole
//! text, entities with the same kind and name merged (ids renumbered in
//! order of first mention, and every reference rewritten), events renumbered.
//! An event of a later window that agrees with an earlier one on kind,
//! codes, parties, place and date is the same incident told again: its
//! evidence joins the earlier event (the extractor's own merging is finer,
//! but a window holds hundreds of sentences, so this only touches documents
//! far longer than any article).

use crate::Coded;
use sitrep_model::{Entity, Span};
use std::collections::HashMap;

/// Documents up to this many bytes are coded whole.
pub const WINDOW: usize = 128 * 1024;

/// Byte ranges of the windows of `text`, cut after sentence ends (`ends`, in
/// text order) once a window reaches `size` bytes; a sentence longer than
/// twice `size` is cut at the last white space (or char boundary) before.
pub fn cuts(text: &str, ends: &[usize], size: usize) -> Vec<(usize, usize)> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut ends = ends.iter().copied().filter(|&e| e <= text.len()).peekable();
    while start < text.len() {
        let want = start + size;
        // The first sentence end at or past the wanted size, if it is near.
        while ends.next_if(|&e| e < want).is_some() {}
        let limit = (start + 2 * size).min(text.len());
        let end = match ends.peek() {
            Some(&e) if e <= limit => e,
            _ if limit == text.len() => limit,
            _ => split_point(text, start, limit),
        };
        out.push((start, end));
        start = end;
    }
    out
}

/// The last white space in `text[start..limit]` past its middle, else the
/// last char boundary before `limit`.
fn split_point(text: &str, start: usize, limit: usize) -> usize {
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mid = start + (cut - start) / 2;
    let space = text.as_bytes()[mid..cut].iter().rposition(|b| b.is_ascii_whitespace());
    match space {
        Some(i) => mid + i + 1,
        None if cut > start => cut,
        // A window must advance: take one whole char.
        None => start + text[start..].chars().next().map_or(1, char::len_utf8),
    }
}

/// Joins what the stages found in each window (in text order).
#[derive(Default)]
pub struct Joiner {
    whole: Coded,
    by_key: HashMap<(String, String), usize>,
    incidents: HashMap<String, usize>,
}

/// What an event of one window must share with one of another to be the
/// same incident.
fn incident_key(e: &sitrep_model::Event) -> String {
    let party = |p: &Option<sitrep_model::Party>| {
        p.as_ref().map(|p| format!("{:?}/{:?}", p.canonical, p.text)).unwrap_or_default()
    };
    format!(
        "{}|{}|{}|{}|{}|{:?}|{:?}|{}",
        e.kind,
        e.acled.sub_event_type,
        party(&e.actor),
        party(&e.target),
        e.location.as_ref().map(|l| l.name.as_str()).unwrap_or(""),
        e.date.start,
        e.date.end,
        e.modality
    )
}

impl Joiner {
    /// Adds what was found in the window starting at byte `offset`.
    pub fn add(&mut self, part: Coded, offset: usize) {
        let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
        let mut ids: HashMap<String, String> = HashMap::new();
        for e in part.entities {
            let key =
                (format!("{:?}", e.kind), e.canonical.clone().unwrap_or(e.text.to_lowercase()));
            let mentions = e.mentions.iter().copied().map(shift);
            let i = match self.by_key.get(&key) {
                Some(&i) => {
                    self.whole.entities[i].mentions.extend(mentions);
                    i
                }
                None => {
                    let i = self.whole.entities.len();
                    self.whole.entities.push(Entity {
                        id: format!("n{}", i + 1),
                        mentions: mentions.collect(),
                        ..e.clone()
                    });
                    self.by_key.insert(key, i);
                    i
                }
            };
            ids.insert(e.id, self.whole.entities[i].id.clone());
        }
        let rename = |id: &mut Option<String>| {
            if let Some(new) = id.as_ref().and_then(|old| ids.get(old)) {
                *id = Some(new.clone());
            }
        };
        for mut p in part.places {
            p.start += offset;
            p.end += offset;
            self.whole.places.push(p);
        }
        for mut ev in part.events {
            ev.evidence.iter_mut().for_each(|s| *s = shift(*s));
            ev.triggers.iter_mut().for_each(|s| *s = shift(*s));
            for party in [&mut ev.actor, &mut ev.target].into_iter().flatten() {
                rename(&mut party.entity);
            }
            let key = incident_key(&ev);
            if let Some(&i) = self.incidents.get(&key) {
                let same = &mut self.whole.events[i];
                same.evidence.extend(ev.evidence);
                same.triggers.extend(ev.triggers);
                // The same dead are never counted twice.
                same.fatalities = same.fatalities.max(ev.fatalities);
                same.injured = same.injured.max(ev.injured);
                continue;
            }
            ev.id = format!("e{}", self.whole.events.len() + 1);
            self.incidents.insert(key, self.whole.events.len());
            self.whole.events.push(ev);
        }
        for mut q in part.quotes {
            q.start += offset;
            q.end += offset;
            rename(&mut q.speaker.entity);
            if let Some(v) = q.via.as_mut() {
                rename(&mut v.entity);
            }
            self.whole.quotes.push(q);
        }
        for mut c in part.claims {
            c.start += offset;
            c.end += offset;
            rename(&mut c.source.entity);
            self.whole.claims.push(c);
        }
    }

    /// The joined findings.
    pub fn finish(self) -> Coded {
        self.whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, ends: &[usize], size: usize) -> Vec<(usize, usize)> {
        let c = cuts(text, ends, size);
        // Windows tile the text, in order, on char boundaries.
        let mut at = 0;
        for &(s, e) in &c {
            assert_eq!(s, at);
            assert!(e > s && text.is_char_boundary(e), "{c:?}");
            at = e;
        }
        assert_eq!(at, text.len());
        c
    }

    #[test]
    fn windows_end_at_sentence_ends() {
        let text = "Aaaa. Bbbb. Cccc. Dddd.";
        assert_eq!(check(text, &[5, 11, 17, 23], 8), vec![(0, 11), (11, 23)]);
        assert_eq!(check(text, &[5, 11, 17, 23], 100), vec![(0, 23)]);
    }

    #[test]
    fn a_long_sentence_is_cut_at_white_space_or_a_char_boundary() {
        let text = "mot ".repeat(100);
        for (s, e) in check(&text, &[], 10) {
            assert!(e == text.len() || text[s..e].ends_with(' '), "{s}..{e}");
        }
        let text = "é".repeat(50);
        check(&text, &[], 7);
        check(&text, &[], 1);
    }
}
