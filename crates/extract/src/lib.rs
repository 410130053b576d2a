//! Events: who did what to whom, where, when, with what, and how many died.
//!
//! [`extract_events`] reads an [`Analysis`] (segments, places, actor
//! mentions, quotes and claims found by the earlier stages) and returns the
//! document's events in the v1 contract's shape. The flow:
//!
//! 1. **Triggers** (`data/events/triggers.tsv`): French and English verbs and
//!    nouns in all their forms ("frapp*", "pris pour cible", "a été la cible
//!    de", "shelled", "clashes"…), folded (lowercase, no accents) and compiled
//!    into one Aho-Corasick automaton. Each line carries its fine kind, ACLED
//!    and PLOVER codes (or `-` for "decided by context"), a weapon, and flags
//!    (passive form, noun, weak cue, statement).
//! 2. **Clauses** ([`clause`]): a sentence is cut at semicolons and clause
//!    connectives; each clause with a trigger gives one draft, or one per
//!    coordinated target ("X, Y et Z ont été prises pour cible").
//! 3. **Roles** ([`roles`]): actor and target from the clause's actor
//!    mentions, by voice (active, passive with "par/by", nominal with
//!    demonyms). No perpetrator named: the actor is unknown, never guessed.
//! 4. **Place, date, casualties, weapons, modality, framing**
//!    ([`mention`]): the most precise place of the clause (facilities first),
//!    dates and casualty counts from `sitrep-quantify`, weapon and loaded-word
//!    tables, modality cues and the claims and quotes the event sits in.
//! 5. **Merging** ([`merge`]): one incident, one event.
//! 6. **Coding** ([`code`]): ACLED type and sub-type with ACLED's spelling,
//!    PLOVER type and mode, and the fine kind.
//!
//! Everything is rules over data tables: no model, no network, a few
//! microseconds per sentence.
#![deny(missing_docs)]

pub mod clause;
pub mod code;
pub mod fold;
pub mod lexicon;
pub mod mention;
pub mod merge;
pub mod roles;

use sitrep_model::{AcledCode, Analysis, Event, PloverCode, Span};

use crate::code::{code, family, Context};
use crate::lexicon::LEXICON;
use crate::mention::{location_of, rank, Draft};

/// The events of a document, in order of first evidence span, ids `e1`, `e2`, ….
pub fn extract_events(a: &Analysis<'_>) -> Vec<Event> {
    let f = fold::fold(a.text());
    let drafts = mention::drafts(a, &f);
    let mut events = merge::merge(drafts);
    casualty_sentences(a, &f, &mut events);
    let protest = protest_class(a, &f);
    let protest_doc = events.iter().any(|e| e.trig.kind == "protest" && !e.weak);
    events.into_iter().enumerate().map(|(i, d)| finish(a, i, d, protest, protest_doc)).collect()
}

/// Casualty counts stated in sentences without a trigger ("Three officers
/// died.", "2 fatalities.") belong to the event told just before them; a
/// count the text says was settled ("fatalities coded as 3", "split across 2
/// events (4)") replaces the others.
fn casualty_sentences(a: &Analysis<'_>, f: &fold::Folded, events: &mut [Draft]) {
    let text = a.text();
    for s in &a.seg.sentences {
        if a.seg.in_boilerplate(s.span.start) {
            continue;
        }
        let told = events.iter().any(|e| e.evidence.iter().any(|ev| ev.overlaps(&s.span)));
        let Some(e) =
            events.iter_mut().rfind(|e| family(&e.kind()) == "attack" && e.first() < s.span.start)
        else {
            continue;
        };
        if let Some(n) = settled_count(text, f, s.span, a.lang) {
            e.killed = Some(n);
            continue;
        }
        if told {
            continue;
        }
        for c in sitrep_quantify::find_casualties(text, s.span, a.lang) {
            let (Some(n), sitrep_quantify::CasualtyKind::Killed) = (c.count, c.kind) else {
                continue;
            };
            e.killed = Some(e.killed.map_or(n, |k| k.max(n)));
        }
    }
}

/// "… coded as N" / "split across K events (N)": the count a report settles on.
fn settled_count(text: &str, f: &fold::Folded, s: Span, lang: sitrep_model::Lang) -> Option<u32> {
    let (fs, fe) = (f.folded_at(s.start), f.folded_at(s.end));
    let body = f.text.get(fs..fe)?;
    if !body.contains("fatalit") {
        return None;
    }
    for cue in [" coded as ", " events "] {
        if let Some(i) = body.find(cue) {
            let from = f.orig(fs + i + cue.len());
            let rest = text.get(from..s.end)?;
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '('))
                .unwrap_or(rest.len());
            let words = rest[..end].trim_start_matches(['(', ' ']);
            let w = words.split([' ', '(', ')']).next().unwrap_or("");
            if let Some(n) = sitrep_quantify::parse_number(w, lang) {
                return Some(n);
            }
        }
    }
    None
}

/// How the document describes its protests: "force", "violent",
/// "intervention", or nothing (peaceful).
fn protest_class(a: &Analysis<'_>, f: &fold::Folded) -> Option<&'static str> {
    let mut best: Option<&'static str> = None;
    for h in LEXICON.protest.find(f, 0, f.text.len(), a.lang) {
        if a.seg.in_boilerplate(h.start) {
            continue;
        }
        let c: &'static str = match LEXICON.protest.values[h.entry].as_str() {
            "force" => "force",
            "violent" => "violent",
            _ => "intervention",
        };
        let r = |x: &str| ["intervention", "violent", "force"].iter().position(|y| *y == x);
        if best.is_none_or(|b| r(c) > r(b)) {
            best = Some(c);
        }
    }
    best
}

/// The document's most mentioned place, for events whose text names none.
fn dominant_place<'a>(a: &Analysis<'a>) -> Option<&'a sitrep_model::Place> {
    let mut best: Option<(usize, &sitrep_model::Place)> = None;
    for p in a.places {
        if a.seg.in_boilerplate(p.start) {
            continue;
        }
        let n = a.places.iter().filter(|q| q.name == p.name).count();
        if best.is_none_or(|(m, b)| n > m || (n == m && rank(p) < rank(b))) {
            best = Some((n, p));
        }
    }
    best.map(|(_, p)| p)
}

fn finish(a: &Analysis<'_>, i: usize, d: Draft, protest: Option<&str>, protest_doc: bool) -> Event {
    let kind = d.kind();
    let ctx = Context {
        kind: &kind,
        sub: if kind == "threat" { "Other" } else { &d.trig.sub_event_type },
        plover: if kind == "threat" { "THREATEN" } else { &d.trig.plover },
        mode: if kind == "threat" { "" } else { &d.trig.mode },
        weapons: &d.weapons,
        actor: d.actor_class,
        target: d.target_class,
        protest,
        crowd: a.text().contains("[size="),
        protest_doc,
    };
    let c = code(&ctx);
    let violent = family(&c.kind) == "attack";
    let peaceful = matches!(c.sub.as_str(), "Peaceful protest" | "Protest with intervention");
    let actor = d.actor.clone().or_else(|| violent.then(|| roles::unknown_actor(true)));
    let location = d.location.map(|(l, _)| l).or_else(|| dominant_place(a).map(location_of));
    let mut evidence: Vec<Span> = d.evidence.clone();
    evidence.sort();
    Event {
        id: format!("e{}", i + 1),
        kind: c.kind,
        acled: AcledCode { event_type: c.event_type, sub_event_type: c.sub },
        plover: PloverCode { kind: c.plover, mode: c.mode },
        actor,
        target: d.target,
        location,
        date: d.date,
        // Deaths named in a peaceful protest's story are its cause, not its toll.
        fatalities: if peaceful { None } else { d.killed },
        injured: d.injured,
        weapons: d.weapons,
        modality: d.modality,
        attributed_to: d.attributed_to,
        framing: d.framing,
        evidence,
    }
}
