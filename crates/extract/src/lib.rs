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
mod cues;
pub mod fold;
pub mod lexicon;
pub mod mention;
pub mod merge;
pub mod report;
pub mod roles;

use sitrep_model::{AcledCode, Analysis, EntityKind, Event, Party, Place, PloverCode, Span};

use crate::cues::cues;
use crate::lexicon::PartyClass;

use crate::code::{code, family, Context};
use crate::lexicon::LEXICON;
use crate::mention::{location_of, rank, Draft};

/// Whether the document opens with a headline: a first paragraph of one short line without
/// a sentence's final stop ("Liban : deux morts dans une frappe israélienne dans le sud"),
/// before the story.
fn headline(a: &Analysis<'_>) -> bool {
    let (Some(first), true) = (a.seg.paragraphs.first(), a.seg.paragraphs.len() > 1) else {
        return false;
    };
    let t = first.span.slice(a.text()).trim();
    t.len() <= 200 && !t.contains('\n') && !t.ends_with(['.', '!', '?', '»', '"', '”'])
}

/// The events of a document, in order of first evidence span, ids `e1`, `e2`, ….
pub fn extract_events(a: &Analysis<'_>) -> Vec<Event> {
    let f = fold::fold(a.text());
    let mut x = mention::Facts::new(a);
    x.answered = mention::answered(a, &f);
    let mut drafts = mention::drafts(a, &f, &x);
    mention::share_context(a, &f, &mut drafts);
    let mut events = merge::merge(drafts, a.seg.paragraphs.len() > 1, headline(a));
    // An incident or a statement dated months before the report ("le cessez-le-feu conclu en
    // novembre 2024" in a story of October 2026) is background, not news.
    if let Some(p) = x.anchor(a) {
        events.retain(|d| !stale(d, p));
        // "Le cessez-le-feu doit entrer en vigueur mercredi": what is dated after the report
        // has not happened yet.
        for d in events.iter_mut().filter(|d| ahead(d, p)) {
            if matches!(d.modality.as_str(), "asserted" | "reported") {
                d.modality = "planned".to_string();
            }
        }
    }
    let mut events = per_town(a, &x, events);
    casualty_sentences(a, &f, &x, &mut events);
    let protest = protest_class(a, &f);
    let demands = makes_demands(a, &f);
    let protest_doc = events.iter().any(|e| e.trig.kind == "protest" && !e.weak) || demands;
    events
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            // "Des manifestations ont également eu lieu à Mombasa, sans incident majeur".
            let calm = d.evidence.iter().any(|ev| {
                LEXICON
                    .protest
                    .find(&f, f.folded_at(ev.start), f.folded_at(ev.end), a.lang)
                    .iter()
                    .any(|h| LEXICON.protest.values[h.entry] == "peaceful")
            });
            finish(a, &x, i, d, if calm { None } else { protest }, (protest_doc, demands))
        })
        .collect()
}

/// "Des manifestations ont eu lieu à Mombasa et à Kisumu", "protests in Lagos, Abuja and
/// Kano": a protest told in towns listed in its sentence is one protest a town (ACLED codes
/// one event a place). The copies keep the telling's evidence, date and parties.
fn per_town(a: &Analysis<'_>, x: &mention::Facts<'_>, events: Vec<Draft>) -> Vec<Draft> {
    let mut out = Vec::with_capacity(events.len());
    // (One protest a town and sentence, however many mentions told it there.)
    let mut told: Vec<(usize, Span)> = Vec::new();
    for d in events {
        let list = (d.family() == "protest")
            .then(|| a.seg.sentences.get(d.sentence))
            .flatten()
            .map(|s| listed_towns(a, s.span))
            .unwrap_or_default();
        let at = |p: &&Place| {
            d.location.as_ref().is_some_and(|(l, _)| l.text == p.text && l.name == *p.name)
        };
        if list.len() < 2 || !list.iter().any(at) {
            out.push(d);
            continue;
        }
        for p in list {
            let key = (d.sentence, Span::new(p.start, p.end));
            if told.contains(&key) {
                continue;
            }
            told.push(key);
            let mut c = d.clone();
            c.location = Some((location_of(p, x), rank(p)));
            out.push(c);
        }
    }
    out
}

/// The longest list of towns of one country in `sentence` joined only by commas and "and"/"et"
/// ("à Mombasa et à Kisumu", "in Lagos, Abuja and Kano").
fn listed_towns<'p>(a: &'p Analysis<'_>, sentence: Span) -> Vec<&'p Place> {
    let towns: Vec<&Place> = a
        .places
        .iter()
        .filter(|p| sentence.contains(&Span::new(p.start, p.end)) && rank(p) == 1)
        .collect();
    let joined = |x: &Place, y: &Place| {
        let gap = a.text().get(x.end..y.start).unwrap_or("").to_lowercase();
        let words: Vec<&str> =
            gap.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
        x.country == y.country
            && gap.len() <= 12
            && matches!(words.as_slice(), [] | ["and"] | ["et"] | ["et", "à"] | ["and", "in"])
    };
    let mut best: Vec<&Place> = Vec::new();
    let mut run: Vec<&Place> = Vec::new();
    for p in towns {
        if run.last().is_some_and(|q| !joined(q, p)) {
            run.clear();
        }
        run.push(p);
        if run.len() > best.len() {
            best = run.clone();
        }
    }
    // (A list closes with "and"/"et": "Chechi, Daquq, Kirkuk" is a chain of containers. It
    // follows a preposition of place: "residents from Barquisimeto and Cabudare" came from
    // there.)
    let closed = best.windows(2).last().is_some_and(|w| {
        let gap = a.text().get(w[0].end..w[1].start).unwrap_or("").to_lowercase();
        gap.contains("and") || gap.contains("et")
    });
    let placed = best.first().is_some_and(|p| {
        let before = a.text().get(sentence.start..p.start).unwrap_or("").to_lowercase();
        let w = before.split_whitespace().last().unwrap_or("");
        matches!(w, "in" | "at" | "across" | "à" | "a" | "dans" | "au" | "en")
    });
    if closed && placed {
        best
    } else {
        Vec::new()
    }
}

/// Days before the report's date after which a told event is background.
const STALE_DAYS: i64 = 90;

/// True when the draft's date ends more than [`STALE_DAYS`] before `published`.
fn stale(d: &Draft, published: chrono::NaiveDate) -> bool {
    d.date
        .end
        .as_deref()
        .and_then(|e| chrono::NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
        .is_some_and(|end| (published - end).num_days() > STALE_DAYS)
}

/// True when the draft's date begins after `published`.
fn ahead(d: &Draft, published: chrono::NaiveDate) -> bool {
    d.date
        .start
        .as_deref()
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .is_some_and(|start| start > published)
}

/// Casualty counts stated in sentences without a trigger ("Three officers
/// died.", "2 fatalities.") belong to the event told just before them; a
/// count the text says was settled ("fatalities coded as 3", "split across 2
/// events (4)") replaces the others.
fn casualty_sentences(
    a: &Analysis<'_>,
    f: &fold::Folded,
    x: &mention::Facts<'_>,
    events: &mut [Draft],
) {
    let text = a.text();
    for (si, s) in a.seg.sentences.iter().enumerate() {
        if a.seg.in_boilerplate(s.span.start) {
            continue;
        }
        let told = events.iter().any(|e| e.evidence.iter().any(|ev| ev.overlaps(&s.span)));
        let Some(e) =
            events.iter_mut().rfind(|e| family(e.kind()) == "attack" && e.first() < s.span.start)
        else {
            continue;
        };
        if let Some(n) = settled_count(text, f, s.span, a.lang) {
            e.killed = Some(n);
            continue;
        }
        // A count a party claims ("le groupe affirme avoir tué plus de cinquante militaires")
        // does not replace the toll the text tells; alone, it is the only one there is.
        let claimed = || {
            LEXICON
                .modality
                .find(f, f.folded_at(s.span.start), f.folded_at(s.span.end), a.lang)
                .iter()
                .any(|h| LEXICON.modality.values[h.entry].modality == "claimed")
        };
        if told || (e.killed.is_some() && claimed()) {
            continue;
        }
        // ("Last year was the deadliest, with more than 1,600 people killed", "since the
        // coup": a toll over a long time is the background's; so is one told in a later
        // paragraph, more than two sentences after the event's last words.)
        let last = e.evidence.iter().map(|v| v.end).max().unwrap_or(0);
        // (The sentences from the event's last words up to this one.)
        let from = a.seg.sentences.partition_point(|t| t.span.start < last).min(si);
        let later = &a.seg.sentences[from..si];
        let paragraphs = later.iter().any(|t| t.paragraph != s.paragraph);
        if mention::long_toll(f, s.span) || (later.len() > 2 && paragraphs) {
            continue;
        }
        for c in x.casualties(a, si).iter().copied() {
            let (Some(n), sitrep_quantify::CasualtyKind::Killed) = (c.count, c.kind) else {
                continue;
            };
            // "Le conflit a fait plus de 6.000 morts depuis 2017": the war's toll, background.
            if mention::war_told(f, s.span, c.span.start) || mention::since_year(f, s.span) {
                continue;
            }
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
    let hits = LEXICON.protest.find(f, 0, f.text.len(), a.lang);
    // "dispersed without incident", "se sont dispersés dans le calme": no intervention.
    let calm = |h: &lexicon::Hit| {
        hits.iter().any(|p| {
            LEXICON.protest.values[p.entry] == "peaceful"
                && p.start >= h.end
                && p.start <= h.end + 4
        })
    };
    for h in hits.iter() {
        if a.seg.in_boilerplate(h.start) || calm(h) {
            continue;
        }
        let c: &'static str = match LEXICON.protest.values[h.entry].as_str() {
            "demand" | "peaceful" => continue,
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

/// True when the text says a crowd voiced a demand ("demanding rations",
/// "denouncing power cuts", "pour réclamer"): its violence is a violent
/// demonstration, not mob violence.
fn makes_demands(a: &Analysis<'_>, f: &fold::Folded) -> bool {
    LEXICON
        .protest
        .find(f, 0, f.text.len(), a.lang)
        .iter()
        .any(|h| LEXICON.protest.values[h.entry] == "demand" && !a.seg.in_boilerplate(h.start))
}

/// The document's most mentioned place, for events whose text names none; of places named as
/// often, one named before the event (at byte `at`), then the most precise.
fn dominant_place<'a>(
    a: &Analysis<'a>,
    x: &mention::Facts<'_>,
    at: usize,
) -> Option<&'a sitrep_model::Place> {
    // A country named as an adjective ("Afghan forces") says whose, not where; the dateline's
    // town, where the reporter files from ("PARIS, 12 avril (AFP)" on New Caledonia).
    let kept: Vec<&sitrep_model::Place> = a
        .places
        .iter()
        .filter(|p| !mention::demonym(a, p) && !x.in_dateline(Span::new(p.start, p.end)))
        .collect();
    let mut best: Option<((usize, bool), &sitrep_model::Place)> = None;
    for &p in &kept {
        if a.seg.in_boilerplate(p.start) {
            continue;
        }
        let n = (kept.iter().filter(|q| q.name == p.name).count(), p.start < at);
        if best.is_none_or(|(m, b)| n > m || (n == m && rank(p) < rank(b))) {
            best = Some((n, p));
        }
    }
    best.map(|(_, p)| p)
}

/// ACLED's convention: the actor of a protest is "Protesters (country)",
/// of a riot "Rioters (country)", whoever the text names in the crowd (a
/// named group or a noun phrase stays as the party's text). State forces in
/// the subject (police dispersing a protest) are not the crowd.
fn crowd_actor(
    a: &Analysis<'_>,
    kind: &str,
    named: Option<Party>,
    class: Option<PartyClass>,
    subject: Option<Span>,
    country: Option<&str>,
) -> Party {
    let generic = if kind == "riot" { "Rioters" } else { "Protesters" };
    let canonical = country
        .and_then(|c| sitrep_actors::localize(generic, c))
        .unwrap_or_else(|| generic.to_string());
    let armed = matches!(class, Some(PartyClass::Armed) | Some(PartyClass::Police))
        || named
            .as_ref()
            .is_some_and(|p| matches!(p.kind.as_str(), "state" | "military" | "government"));
    let (text, entity) = match named {
        _ if armed => (None, None),
        Some(p) => (p.text, p.entity),
        None => (subject.map(|s| s.slice(a.text()).to_string()), None),
    };
    Party {
        text,
        canonical: Some(canonical),
        kind: "other".to_string(),
        country: country.map(str::to_string),
        entity,
    }
}

/// An arrest the text gives no agent for ("55 people were arrested") is
/// made by the state's police: arresting is a state power, so this names
/// the institution, not a perpetrator (ACLED codes it the same way). The
/// party has no text: the report does not name it.
fn arresting_police() -> Party {
    Party {
        text: None,
        canonical: Some("Police Forces".to_string()),
        kind: "military".to_string(),
        country: None,
        entity: None,
    }
}

/// True for the kinds whose actor is a crowd.
fn crowd_kind(kind: &str) -> bool {
    family(kind) == "protest"
}

/// ACLED's convention: people who use violence and are named only by a
/// common noun ("two men opened fire", "a group of people attacked") are an
/// unidentified armed group; the noun phrase stays as the party's text.
fn unnamed_perpetrator(mut p: Party, class: Option<PartyClass>, violent: bool) -> Party {
    if violent && p.canonical.is_none() && p.text.is_some() && class == Some(PartyClass::Civilian) {
        p.canonical = Some(roles::UNIDENTIFIED.to_string());
        p.kind = "unknown".to_string();
    }
    p
}

/// ACLED's Brazil convention: an unidentified perpetrator of a killing with
/// the marks of an execution (drive-by shooting, bound or tortured body,
/// victim with a criminal past) is "Unidentified Gang and/or Police
/// Militia", since gangs and police militias both kill this way. The cue is
/// looked for in the event's sentence and the two before and after it.
fn execution_perpetrator(
    a: &Analysis<'_>,
    sentence: usize,
    mut p: Party,
    country: Option<&str>,
) -> Party {
    if country != Some("BR") || p.canonical.as_deref() != Some(roles::UNIDENTIFIED) {
        return p;
    }
    let ss = &a.seg.sentences;
    let (Some(first), Some(last)) = (
        ss.get(sentence.saturating_sub(2)),
        ss.get((sentence + 2).min(ss.len().saturating_sub(1))),
    ) else {
        return p;
    };
    let Some(body) = a.text().get(first.span.start..last.span.end) else { return p };
    let body = fold::fold(body).text;
    if cues().execution_cues.iter().any(|c| body.contains(c)) {
        p.canonical = Some("Unidentified Gang and/or Police Militia".to_string());
    }
    p
}

/// Determiners a cue may stand before the group's name with (folded).
const CUE_DETS: [&str; 5] = [" the", " l", " la", " le", " les"];

/// True when the text right before mention `m` (within `from..`) marks it
/// as the claimed or suspected author of an event ("bore the hallmarks of
/// X", "porte la marque du X", "attribué aux jihadistes liés à X"), or it
/// glosses such a mention in parentheses ("… du GSIM (JNIM)"): a named
/// suspect, not a target.
pub(crate) fn author_cued(a: &Analysis<'_>, from: usize, m: Span) -> bool {
    let text = a.text();
    let start = m.start.saturating_sub(60).max(from);
    let raw = text.get(start..m.start).unwrap_or("");
    if raw.trim_end().ends_with('(') {
        let open = start + raw.trim_end().len() - 1;
        let glossed = a.actors.iter().find(|n| {
            n.span.end <= open && text.get(n.span.end..open).is_some_and(|g| g.trim().is_empty())
        });
        return glossed.is_some_and(|n| n.span.start >= from && author_cued(a, from, n.span));
    }
    let before = fold::fold(raw).text;
    let b = before.trim_end();
    let b = CUE_DETS.iter().find_map(|d| b.strip_suffix(d)).unwrap_or(b);
    if cues().author_before.iter().any(|c| b.ends_with(c)) {
        return true;
    }
    // "attribué aux jihadistes liés à l'État islamique".
    let Some(rest) = cues().linked.iter().find_map(|c| b.strip_suffix(c)) else { return false };
    let ws: Vec<&str> = rest.rsplitn(3, ' ').collect();
    (1..ws.len()).any(|k| {
        let head =
            rest[..rest.len() - ws[..k].iter().map(|w| w.len() + 1).sum::<usize>()].trim_end();
        cues().author_before.iter().any(|c| head.ends_with(c))
    })
}

/// True for a generic actor name ("Military Forces", "Unidentified Armed
/// Group"): one that takes a country.
pub(crate) fn generic(canonical: &str) -> bool {
    sitrep_actors::localize(canonical, "US").is_some()
}

/// ACLED codes the claimed or suspected perpetrator of an attack whose
/// author the telling leaves unnamed: "an IED exploded … JNIM claimed
/// responsibility", "the device was likely planted by JNIM militants",
/// "Dyck Advisory Group are the suspected attackers". The named armed group
/// must stand next to a claim or suspicion cue in the event's sentence or the
/// two after it.
fn claimed_author(a: &Analysis<'_>, sentence: usize, p: Party) -> Party {
    let unknown =
        p.kind == "unknown" || p.canonical.as_deref().is_some_and(|c| c == roles::UNIDENTIFIED);
    if !unknown {
        return p;
    }
    let ss = &a.seg.sentences;
    let (Some(first), Some(last)) =
        (ss.get(sentence), ss.get((sentence + 2).min(ss.len().saturating_sub(1))))
    else {
        return p;
    };
    let text = a.text();
    for m in a.actors {
        if m.span.start < first.span.start || m.span.end > last.span.end || m.adjectival {
            continue;
        }
        if !matches!(m.kind, EntityKind::ArmedGroup | EntityKind::Military) {
            continue;
        }
        let Some(c) = m.canonical.as_deref() else { continue };
        if generic(c) {
            // "attribué aux jihadistes liés à l'État islamique": the group
            // the suspected fighters are linked to.
            if author_cued(a, first.span.start, m.span) {
                if let Some(g) = linked_group(a, m, last.span.end) {
                    return g;
                }
            }
            continue;
        }
        let after =
            fold::fold(text.get(m.span.end..(m.span.end + 40).min(last.span.end)).unwrap_or(""));
        let before_start = m.span.start.saturating_sub(30).max(first.span.start);
        let before = fold::fold(text.get(before_start..m.span.start).unwrap_or(""));
        // A group word between the name and the cue ("JNIM militants claimed").
        let after_t = after.text.trim_start();
        let after_t = ["militants ", "fighters ", "rebels ", "members ", "gunmen "]
            .iter()
            .find_map(|w| after_t.strip_prefix(w))
            .unwrap_or(after_t);
        let after_t = format!(" {after_t}");
        let b = before.text.trim_end();
        let b = b.strip_suffix(" the").unwrap_or(b);
        let hit = cues().author_after.iter().any(|c| after_t.starts_with(c))
            || cues().author_before.iter().any(|c| b.ends_with(c))
            || author_cued(a, first.span.start, m.span);
        if hit {
            return party_of_mention(a, m);
        }
    }
    p
}

/// A mention as a party.
fn party_of_mention(a: &Analysis<'_>, m: &sitrep_model::ActorMention) -> Party {
    Party {
        text: Some(m.span.slice(a.text()).to_string()),
        canonical: m.canonical.clone(),
        kind: m.kind.as_str().to_string(),
        country: m.country.clone(),
        entity: a.entity_at(m.span).map(|e| e.id.clone()),
    }
}

/// The named armed group that the fighters of mention `m` are said to be
/// linked to ("jihadistes liés à l'État islamique"), before `end`.
fn linked_group(a: &Analysis<'_>, m: &sitrep_model::ActorMention, end: usize) -> Option<Party> {
    let text = a.text();
    let g = a.actors.iter().find(|g| {
        g.span.start >= m.span.end
            && g.span.end <= end
            && g.span.start <= m.span.end + 40
            && g.kind == EntityKind::ArmedGroup
            && g.canonical.as_deref().is_some_and(|c| !generic(c))
    })?;
    let between = fold::fold(text.get(m.span.end..g.span.start).unwrap_or("")).text;
    let b = between.trim_end();
    let b = CUE_DETS.iter().find_map(|d| b.strip_suffix(d)).unwrap_or(b);
    cues().linked.iter().any(|c| b.ends_with(c)).then(|| party_of_mention(a, g))
}

/// ACLED's convention: armed kin groups fighting each other ("clashes broke
/// out between two families", "militiamen from the X clan exchanged fire")
/// are clan militias. Only an actor the text does not name otherwise (a
/// common noun, an unknown or generic armed group) takes the name.
fn kin_militia(a: &Analysis<'_>, sentence: usize, mut p: Party, clash: bool) -> Party {
    let plain = p.kind == "unknown"
        || p.canonical
            .as_deref()
            .map_or(p.kind != "military", |c| c == roles::UNIDENTIFIED || c == "Militia");
    let Some(s) = a.seg.sentences.get(sentence) else { return p };
    if !clash || !plain {
        return p;
    }
    let body = fold::fold(s.span.slice(a.text())).text;
    if cues().kin.iter().any(|k| body.contains(k)) {
        p.canonical = Some("Unidentified Clan Militia".to_string());
    }
    p
}

/// Coalitions ACLED codes in place of their members' forces in a theatre:
/// (member state, theatre, coalition).
const COALITIONS: [(&str, &str, &str); 2] = [
    ("SA", "YE", "Operation Restoring Hope (Saudi-led Coalition)"),
    ("AE", "YE", "Operation Restoring Hope (Saudi-led Coalition)"),
];

/// ACLED's convention: a member's forces fighting in a coalition's theatre
/// are the coalition ("Saudi forces shelled Saada" → Operation Restoring
/// Hope); the state's other organs stay themselves.
fn coalition_member(mut p: Party, country: Option<&str>, violent: bool) -> Party {
    let Some(theatre) = country else { return p };
    for (member, t, coalition) in COALITIONS {
        if t != theatre {
            continue;
        }
        let mil = sitrep_actors::military_of(member);
        // A state that acts by force acts through its forces ("Saudi shelling").
        let state = violent && p.kind == "state" && p.country.as_deref() == Some(member);
        if state || (mil.is_some() && p.canonical == mil) {
            p.canonical = Some(coalition.to_string());
        }
    }
    p
}

/// A state that acts by force acts through its forces: "Israël a mené des
/// frappes" is the Military Forces of Israel (ACLED names no state as the
/// actor of violence).
fn state_forces(a: &Analysis<'_>, mut p: Party, violent: bool) -> Party {
    if !violent || p.kind != "state" {
        return p;
    }
    // Only a state named as such: "a Palestinian" is a person, "Russian"
    // alone names no force.
    let named = a.actors.iter().any(|m| {
        m.kind == EntityKind::State
            && !m.adjectival
            && p.text.as_deref() == Some(m.span.slice(a.text()))
    });
    if !named {
        return p;
    }
    if let Some(mil) = p.country.as_deref().and_then(sitrep_actors::military_of) {
        p.canonical = Some(mil);
        p.kind = "military".to_string();
    }
    p
}

/// A generic actor ("Military Forces", "Police Forces", "Unidentified Armed
/// Group") takes the country of its own mention, else of the event: ACLED's
/// "Military Forces of Nigeria", "Unidentified Armed Group (Yemen)".
/// A generic state force ("Military Forces", "Police Forces") as the one of that kind the
/// text named last before byte `at` (the deciding trigger) with its state ("Israeli forces" → "Military Forces of
/// Israel"), when it named one.
fn the_forces_named_before(a: &Analysis<'_>, p: Party, at: usize) -> Party {
    let Some(c) = p.canonical.as_deref() else { return p };
    if p.country.is_some() || !matches!(c, "Military Forces" | "Police Forces" | "Security Forces")
    {
        return p;
    }
    let prefix = format!("{c} of ");
    let named = a.actors.iter().rev().find(|m| {
        m.span.end <= at && m.canonical.as_deref().is_some_and(|k| k.starts_with(&prefix))
    });
    match named {
        Some(m) => Party { canonical: m.canonical.clone(), country: m.country.clone(), ..p },
        None => p,
    }
}

fn localize(mut p: Party, country: Option<&str>) -> Party {
    let Some(c) = p.canonical.as_deref() else { return p };
    let Some(iso) = p.country.as_deref().or(country) else { return p };
    if let Some(l) = sitrep_actors::localize(c, iso) {
        if p.kind != "unknown" {
            p.country = Some(iso.to_string());
        }
        p.canonical = Some(l);
    }
    p
}

fn finish(
    a: &Analysis<'_>,
    x: &mention::Facts<'_>,
    i: usize,
    d: Draft,
    protest: Option<&str>,
    (protest_doc, demands): (bool, bool),
) -> Event {
    let mut kind = d.kind();
    // A state's forces fighting a crowd of protesters ("police clashed with demonstrators"):
    // the crowd's violence too, a violent demonstration (ACLED's riots), not a battle.
    let protesters = d
        .target
        .as_ref()
        .and_then(|p| p.canonical.as_deref())
        .is_some_and(|c| c.starts_with("Protesters") || c.starts_with("Rioters"));
    if kind == "armed_clash" && d.family() == "protest" && protesters {
        kind = "riot";
    }
    let means: Vec<String> = if d.weapons.is_empty() { d.means.clone() } else { d.weapons.clone() };
    let ctx = Context {
        kind,
        sub: if kind == "threat" { "Other" } else { &d.trig.sub_event_type },
        plover: if kind == "threat" { "THREATEN" } else { &d.trig.plover },
        mode: if kind == "threat" { "" } else { &d.trig.mode },
        weapons: &means,
        actor: d.actor_class,
        target: d.target_class,
        protest,
        crowd: a.text().contains("[size="),
        protest_doc,
        demands,
        two_sided: x.two_sided(d.sentence),
        state_actor: d.by_state_force(),
    };
    let mut c = code(&ctx);
    // Territory taken by a state's forces is territory regained (ACLED).
    let state_force =
        d.actor.as_ref().is_some_and(|p| matches!(p.kind.as_str(), "military" | "state"));
    if c.sub == "Non-state actor overtakes territory" && state_force {
        c.sub = "Government regains territory".to_string();
    }
    // Territory taken in a fight is one of ACLED's battles: its fine kind says so.
    if c.sub.ends_with("overtakes territory") || c.sub == "Government regains territory" {
        c.kind = "armed_clash".to_string();
    }
    // Destruction is done by someone: unnamed, the actor is unknown.
    let violent = family(&c.kind) == "attack" || c.sub == "Looting/property destruction";
    let peaceful = matches!(c.sub.as_str(), "Peaceful protest" | "Protest with intervention");
    let location = d
        .location
        .clone()
        .map(|(l, _)| l)
        .or_else(|| dominant_place(a, x, d.first()).map(|p| location_of(p, x)));
    let country =
        location.as_ref().and_then(|l| l.country.clone()).or_else(|| x.home.map(str::to_string));
    // An agreement is often signed abroad ("ont signé à Doha un accord"): the venue names no
    // party's country unless another place of the text is in it.
    let parties_country = if c.sub == "Agreement" {
        country.clone().filter(|cc| {
            a.places.iter().any(|p| {
                p.country.as_deref() == Some(cc.as_str())
                    && location
                        .as_ref()
                        .is_none_or(|l| l.text.to_lowercase() != p.text.to_lowercase())
                    && !x.in_dateline(Span::new(p.start, p.end))
            })
        })
    } else {
        country.clone()
    };
    let actor = if family(&c.kind) == "protest" {
        Some(crowd_actor(a, &c.kind, d.actor.clone(), d.actor_class, d.subject, country.as_deref()))
    } else {
        d.actor.clone().or_else(|| {
            if c.sub == "Arrests" {
                Some(arresting_police())
            } else {
                violent.then(|| roles::unknown_actor(true))
            }
        })
    };
    let actor =
        actor.map(|p| unnamed_perpetrator(p, d.actor_class, violent && !crowd_kind(&c.kind)));
    let actor = actor.map(|p| if violent { claimed_author(a, d.sentence, p) } else { p });
    let actor = actor.map(|p| execution_perpetrator(a, d.sentence, p, country.as_deref()));
    let actor = actor.map(|p| kin_militia(a, d.sentence, p, c.sub == "Armed clash"));
    // "The Israeli military said its troops had opened fire…", "The military also said it had
    // arrested…": a state's forces named without their state are the forces named before.
    let actor = actor.map(|p| the_forces_named_before(a, p, d.trigger.start));
    let actor = actor.map(|p| localize(p, parties_country.as_deref()));
    let actor = actor.map(|p| state_forces(a, p, violent));
    let actor = actor.map(|p| coalition_member(p, country.as_deref(), violent));
    // "Police opened fire on protesters": in a protest coded from the force's deed, the crowd
    // is the actor (ACLED's convention) and the force the other party.
    let intervener = family(&c.kind) == "protest" && d.by_state_force();
    let target = if intervener { d.actor.clone() } else { d.target };
    let target = target.map(|p| localize(p, parties_country.as_deref()));
    // A state's forces are not their own target ("Police used pepper spray …, and more than
    // 300 people were detained": the head of the sentence read twice).
    let state_kind = |p: &Party| matches!(p.kind.as_str(), "military" | "state" | "government");
    let target = target.filter(|t| {
        !(actor.as_ref().is_some_and(|a| a.canonical == t.canonical && state_kind(a))
            && state_kind(t))
    });
    let mut evidence: Vec<Span> = d.evidence.clone();
    evidence.sort();
    Event {
        id: format!("e{}", i + 1),
        kind: c.kind,
        acled: AcledCode { event_type: c.event_type, sub_event_type: c.sub },
        plover: PloverCode { kind: c.plover, mode: c.mode },
        actor,
        target,
        location,
        date: d.date,
        // Deaths named in a peaceful protest's story are its cause, not its toll.
        fatalities: if peaceful { None } else { d.killed },
        injured: d.injured,
        weapons: code::contract_weapons(d.weapons),
        modality: d.modality,
        attributed_to: d.attributed_to,
        framing: d.framing,
        evidence,
        triggers: d.triggers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{ActorMention, Document, EntityKind, Lang, Place};

    fn place(text: &str, doc: &str, name: &str, feature: &str, lat: f64) -> Place {
        let start = doc.find(text).unwrap_or(0);
        Place {
            text: text.to_string(),
            start,
            end: start + text.len(),
            name: name.to_string().into(),
            geonameid: None,
            feature: feature.to_string().into(),
            country: Some("SY".into()),
            admin1: None,
            lat: Some(lat),
            lon: Some(37.0),
            precision: if feature == "country" { "country" } else { "city" }.into(),
            score: 0.9,
        }
    }

    fn actor(
        text: &str,
        doc: &str,
        canonical: &str,
        kind: EntityKind,
        adjectival: bool,
    ) -> ActorMention {
        let start = doc.find(text).unwrap_or(0);
        ActorMention {
            span: Span::new(start, start + text.len()),
            canonical: Some(canonical.to_string()),
            kind,
            country: Some("US".to_string()),
            acled_type: None,
            part_of: None,
            adjectival,
            affiliation: None,
        }
    }

    fn run(text: &str, lang: Lang, places: &[Place], actors: &[ActorMention]) -> Vec<Event> {
        let doc = Document { text: text.to_string(), ..Default::default() };
        let seg = sitrep_text::segment(text, lang);
        let a = Analysis {
            doc: &doc,
            lang,
            seg: &seg,
            places,
            actors,
            entities: &[],
            quotes: &[],
            claims: &[],
        };
        extract_events(&a)
    }

    /// The reason or the consequence of an event is not the event: the
    /// arrest comes first, not the protests it punished or provoked.
    #[test]
    fn reasons_and_consequences_are_not_the_event() {
        let cases = [
            ("At least 55 people were arrested in Aleppo for participating in protests.", Lang::En),
            ("A blogger was arrested in Aleppo, sparking protests in several cities.", Lang::En),
            (
                "Dix personnes ont été arrêtées à Alep pour avoir participé à une manifestation.",
                Lang::Fr,
            ),
        ];
        for (text, lang) in cases {
            let kinds: Vec<String> =
                run(text, lang, &[], &[]).into_iter().map(|e| e.kind).collect();
            assert_eq!(kinds.first().map(String::as_str), Some("arrest"), "{text}: {kinds:?}");
        }
        // A protest told as the main event stays a protest.
        let e =
            run("Hundreds protested in Aleppo after the arrest of a blogger.", Lang::En, &[], &[]);
        assert_eq!(e.first().map(|e| e.kind.as_str()), Some("protest"));
    }

    /// (text, kind, ACLED sub-event type, fatalities, modality) for texts with
    /// one place ("Alep"/"Aleppo") and no actor.
    #[test]
    fn triggers_and_codes() {
        let cases = [
            (
                "Des frappes aériennes ont tué trois civils à Alep.",
                Lang::Fr,
                "airstrike",
                "Air/drone strike",
                Some(3),
                "asserted",
            ),
            (
                "Une voiture piégée a explosé à Alep, faisant 5 morts.",
                Lang::Fr,
                "bombing",
                "Remote explosive/landmine/IED",
                Some(5),
                "asserted",
            ),
            (
                "Rebels shelled Aleppo on Monday, killing two people.",
                Lang::En,
                "shelling",
                "Shelling/artillery/missile attack",
                Some(2),
                "asserted",
            ),
            (
                "Hundreds of people protested in Aleppo against the government.",
                Lang::En,
                "protest",
                "Peaceful protest",
                None,
                "asserted",
            ),
            (
                "Gunmen abducted two aid workers in Aleppo.",
                Lang::En,
                "abduction",
                "Abduction/forced disappearance",
                None,
                "asserted",
            ),
            (
                "The group threatened to attack Aleppo.",
                Lang::En,
                "threat",
                "Other",
                None,
                "threatened",
            ),
            (
                "Des affrontements ont éclaté à Alep. Aucune victime n'a été signalée.",
                Lang::Fr,
                "armed_clash",
                "Armed clash",
                Some(0),
                "asserted",
            ),
        ];
        for (text, lang, kind, sub, fat, modality) in cases {
            let name = if lang == Lang::Fr { "Alep" } else { "Aleppo" };
            let places = [place(name, text, "Aleppo", "city", 36.2)];
            let ev = run(text, lang, &places, &[]);
            assert!(!ev.is_empty(), "{text}");
            let e = &ev[0];
            assert_eq!((e.kind.as_str(), e.acled.sub_event_type.as_str()), (kind, sub), "{text}");
            assert!(code::is_acled_sub(&e.acled.event_type, &e.acled.sub_event_type), "{text}");
            assert_eq!(e.fatalities, fat, "{text}");
            assert_eq!(e.modality, modality, "{text}");
            assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Aleppo"), "{text}");
            assert_eq!(e.id, "e1");
        }
    }

    #[test]
    fn demonym_names_the_actor_and_unknown_is_never_guessed() {
        let text =
            "Des frappes américaines ont visé Alep. Une base a été prise pour cible à Alep hier.";
        let places = [place("Alep", text, "Aleppo", "city", 36.2)];
        let actors = [actor("américaines", text, "United States", EntityKind::State, true)];
        let ev = run(text, Lang::Fr, &places, &actors);
        assert_eq!(ev.len(), 1, "one incident at one place: {ev:?}");
        // A state's strikes are its forces' ("des frappes américaines").
        let a = ev[0].actor.as_ref().map(|p| (p.country.clone(), p.kind.clone()));
        assert_eq!(a, Some((Some("US".to_string()), "military".to_string())));
        let text = "Une base militaire a été prise pour cible à Alep.";
        let places = [place("Alep", text, "Aleppo", "city", 36.2)];
        let ev = run(text, Lang::Fr, &places, &[]);
        let a = ev[0].actor.clone().unwrap_or_default();
        assert_eq!((a.text, a.kind.as_str()), (None, "unknown"));
    }

    /// ACLED's Brazil convention: an unidentified killer with the marks of
    /// an execution is "Unidentified Gang and/or Police Militia"; without
    /// such marks, or outside Brazil, an unidentified armed group.
    #[test]
    fn issue5_arson_is_property_destruction_and_an_air_force_strikes_from_the_air() {
        let cases = [
            (
                "Militants carried out an arson attack targeting a factory in Aleppo.",
                Lang::En,
                "Looting/property destruction",
            ),
            (
                "Des inconnus ont commis un incendie criminel contre une usine à Aleppo.",
                Lang::Fr,
                "Looting/property destruction",
            ),
            ("The air force targeted rebel positions in Aleppo.", Lang::En, "Air/drone strike"),
            (
                "Militants fired heavy machine guns at army positions in Aleppo.",
                Lang::En,
                "Shelling/artillery/missile attack",
            ),
            (
                "Militants fired mortars and small arms at army positions in Aleppo.",
                Lang::En,
                "Armed clash",
            ),
        ];
        for (text, lang, sub) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let ev = run(text, lang, &places, &[]);
            let got = ev.first().map(|e| e.acled.sub_event_type.clone()).unwrap_or_default();
            assert_eq!(got, sub, "{text}");
        }
    }

    /// A change of hands told with the fight before it ("took control of X
    /// after clashes with Y") is the event; by a state's forces, territory
    /// regained.
    #[test]
    fn issue5_territory_taken_by_state_forces_is_regained() {
        let cases = [
            (
                "The army took control of a rebel stronghold in Aleppo after clashes with militants.",
                Lang::En,
                "army",
            ),
            (
                "L'armée a pris le contrôle d'un bastion rebelle à Alep après des affrontements avec les jihadistes.",
                Lang::Fr,
                "armée",
            ),
        ];
        for (text, lang, army) in cases {
            let city = if lang == Lang::Fr { "Alep" } else { "Aleppo" };
            let places = [place(city, text, "Aleppo", "city", 36.2)];
            let actors = [actor(army, text, "Military Forces", EntityKind::Military, false)];
            let ev = run(text, lang, &places, &actors);
            let got = ev.first().map(|e| e.acled.sub_event_type.clone()).unwrap_or_default();
            assert_eq!(got, "Government regains territory", "{text}");
        }
        let text = "Militants took control of an army base in Aleppo after clashes.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let actors = [actor("Militants", text, "Militants", EntityKind::ArmedGroup, false)];
        let ev = run(text, Lang::En, &places, &actors);
        let got = ev.first().map(|e| e.acled.sub_event_type.clone()).unwrap_or_default();
        assert_eq!(got, "Non-state actor overtakes territory");
    }

    #[test]
    fn issue4_execution_killings_in_brazil() {
        let cases = [
            ("In Recife, a man was killed in a drive-by shooting by armed men.", "BR", true),
            ("In Recife, the body of a man was found with his hands tied.", "BR", true),
            ("A Recife, un homme a été exécuté par des hommes armés.", "BR", true),
            ("In Recife, a man was shot to death by armed men.", "BR", false),
            ("In Recife, a man was killed in a drive-by shooting by armed men.", "MX", false),
        ];
        for (text, iso, militia) in cases {
            let lang = if text.starts_with("A ") { Lang::Fr } else { Lang::En };
            let mut p = place("Recife", text, "Recife", "city", -8.0);
            p.country = Some(iso.into());
            let ev = run(text, lang, &[p], &[]);
            let a = ev.first().and_then(|e| e.actor.clone()).unwrap_or_default();
            let c = a.canonical.unwrap_or_default();
            assert_eq!(c == "Unidentified Gang and/or Police Militia", militia, "{text}: {c}");
        }
    }

    /// A vehicle or a person that sets off a device is its victim; the group
    /// that claims it, or is said to have planted it, is its actor.
    #[test]
    fn issue4_claimed_or_suspected_author_of_an_unattributed_attack() {
        let cases = [
            ("An army vehicle struck an IED near Aleppo. Hurras claimed responsibility.", true),
            ("A soldier stepped on a landmine near Aleppo. The device was likely planted by Hurras militants.", true),
            ("Helicopters attacked a village near Aleppo. Hurras are the suspected attackers.", true),
            ("An IED exploded near Aleppo. Hurras denied any role.", false),
        ];
        for (text, claimed) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let mut actors =
                vec![actor("Hurras", text, "Hurras al-Din", EntityKind::ArmedGroup, false)];
            actors[0].country = Some("SY".to_string());
            let ev = run(text, Lang::En, &places, &actors);
            let a = ev.first().and_then(|e| e.actor.clone()).unwrap_or_default();
            let c = a.canonical.unwrap_or_default();
            assert_eq!(c == "Hurras al-Din", claimed, "{text}: {c}");
            if !claimed {
                assert_eq!(c, "Unidentified Armed Group (Syria)", "{text}");
            }
        }
        // The vehicle that struck the device is its target, not its actor.
        let text = "A soldier stepped on a landmine near Aleppo.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ev = run(text, Lang::En, &places, &[]);
        let e = &ev[0];
        assert_eq!(e.actor.as_ref().map(|a| a.kind.as_str()), Some("unknown"));
        assert_eq!(e.target.as_ref().and_then(|t| t.text.as_deref()), Some("A soldier"));
    }

    /// A label heading a note ("Looting: …") codes the event; the roles come
    /// from the telling after it.
    #[test]
    fn issue4_label_codes_and_telling_names_the_actor() {
        let text = "Looting: On 2 June 2021, rebels under Hurras looted shops in Aleppo.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let actors = [actor("Hurras", text, "Hurras al-Din", EntityKind::ArmedGroup, false)];
        let ev = run(text, Lang::En, &places, &actors);
        let e = &ev[0];
        assert_eq!(e.acled.sub_event_type, "Looting/property destruction");
        let a = e.actor.clone().unwrap_or_default();
        assert_eq!(a.canonical.as_deref(), Some("Hurras al-Din"), "{a:?}");
    }

    /// ACLED codes a member's forces in a coalition's theatre as the
    /// coalition; elsewhere they stay the state's forces.
    #[test]
    fn issue4_saudi_forces_in_yemen_are_the_coalition() {
        let p = Party {
            text: Some("Saudi forces".into()),
            canonical: sitrep_actors::military_of("SA"),
            kind: "military".into(),
            country: Some("SA".into()),
            entity: None,
        };
        let c = |iso| coalition_member(p.clone(), Some(iso), true).canonical;
        assert_eq!(c("YE").as_deref(), Some("Operation Restoring Hope (Saudi-led Coalition)"));
        assert_eq!(c("SA"), sitrep_actors::military_of("SA"));
        // "Saudi shelling": the state acting by force in the theatre.
        let state = Party { canonical: Some("Saudi Arabia".into()), kind: "state".into(), ..p };
        let c = coalition_member(state.clone(), Some("YE"), true).canonical;
        assert_eq!(c.as_deref(), Some("Operation Restoring Hope (Saudi-led Coalition)"));
        let c = coalition_member(state, Some("YE"), false).canonical;
        assert_eq!(c.as_deref(), Some("Saudi Arabia"));
    }

    /// "X was killed after exchanging fire with Y": X is told as the
    /// casualty, Y as the side that fought; Y is the clash's actor.
    #[test]
    fn issue4_casualty_of_an_exchange_of_fire_is_not_its_actor() {
        let text = "A suspect was killed after exchanging fire with police officers in Aleppo.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let actors = [actor("police officers", text, "Police Forces", EntityKind::Military, false)];
        let ev = run(text, Lang::En, &places, &actors);
        let e = &ev[0];
        assert_eq!(e.acled.sub_event_type, "Armed clash");
        let a = e.actor.clone().unwrap_or_default();
        assert_eq!(a.text.as_deref(), Some("police officers"), "{a:?}");
        // Also when the casualty side is a named party.
        let text =
            "Two gang members were killed after exchanging fire with police officers in Aleppo.";
        let actors = [
            actor("gang members", text, "Unidentified Gang", EntityKind::Other, false),
            actor("police officers", text, "Police Forces", EntityKind::Military, false),
        ];
        let ev = run(text, Lang::En, &places, &actors);
        let a = ev[0].actor.clone().unwrap_or_default();
        assert_eq!(a.text.as_deref(), Some("police officers"), "{a:?}");
    }

    /// Kin groups that fight each other are clan militias (ACLED).
    #[test]
    fn issue4_fights_between_families_or_clans_are_clan_militias() {
        let cases = [
            ("Clashes broke out between two families in Aleppo, leaving one dead.", "", true),
            ("Militiamen from two rival clans exchanged fire in Aleppo.", "Militiamen", true),
            ("Militiamen clashed with soldiers in Aleppo.", "Militiamen", false),
        ];
        for (text, militia, clan) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let actors: Vec<ActorMention> = if militia.is_empty() {
                vec![]
            } else {
                vec![actor(militia, text, "Militia", EntityKind::ArmedGroup, false)]
            };
            let ev = run(text, Lang::En, &places, &actors);
            let e = &ev[0];
            assert_eq!(e.acled.sub_event_type, "Armed clash", "{text}");
            let c = e.actor.clone().and_then(|a| a.canonical).unwrap_or_default();
            assert_eq!(c.starts_with("Unidentified Clan Militia"), clan, "{text}: {c}");
        }
    }

    /// ACLED's convention: a crowd is "Protesters (country)" or "Rioters
    /// (country)"; the phrase that names it is the party's text.
    #[test]
    fn crowds_are_protesters_or_rioters_of_the_country() {
        let cases = [
            (
                "On 9 May 2020, medical interns protested in Aleppo.",
                "Protesters (Syria)",
                Some("medical interns"),
            ),
            ("Residents staged a protest in Aleppo.", "Protesters (Syria)", Some("Residents")),
            ("On 2 May, a mob attacked a police post in Aleppo.", "Rioters (Syria)", None),
        ];
        for (text, canonical, phrase) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let ev = run(text, Lang::En, &places, &[]);
            let a = ev[0].actor.clone().unwrap_or_default();
            assert_eq!(a.canonical.as_deref(), Some(canonical), "{text}");
            if phrase.is_some() {
                assert_eq!(a.text.as_deref(), phrase, "{text}");
            }
            assert_eq!(a.country.as_deref(), Some("SY"), "{text}");
        }
    }

    /// Soldiers attacked off duty are civilians to ACLED: an attack, not a clash.
    #[test]
    fn off_duty_soldiers_are_attacked_not_fought() {
        let cases = [
            ("Gunmen shot and killed a soldier in Aleppo.", "Armed clash"),
            ("Gunmen shot and killed an off-duty soldier in Aleppo.", "Attack"),
        ];
        for (text, sub) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let ev = run(text, Lang::En, &places, &[]);
            assert_eq!(ev[0].acled.sub_event_type, sub, "{text}");
        }
    }

    /// An arrest with no agent named is the state police's; a named agent stays.
    #[test]
    fn unnamed_arrests_are_by_the_police() {
        let text = "On 3 May, two journalists were arrested in Aleppo.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ev = run(text, Lang::En, &places, &[]);
        let a = ev[0].actor.clone().unwrap_or_default();
        assert_eq!(ev[0].acled.sub_event_type, "Arrests");
        assert_eq!((a.text, a.canonical.as_deref()), (None, Some("Police Forces of Syria")));
        let text = "On 3 May, Hadi forces arrested two journalists in Aleppo.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ms = [actor("Hadi forces", text, "Hadi", EntityKind::Military, false)];
        let ev = run(text, Lang::En, &places, &ms);
        let got = ev[0].actor.as_ref().and_then(|p| p.canonical.as_deref());
        assert_eq!(got, Some("Hadi"));
    }

    /// A crowd's violence is a violent demonstration when the crowd voices a
    /// demand, mob violence otherwise.
    #[test]
    fn crowd_violence_with_a_demand_is_a_demonstration() {
        let cases = [
            ("On 2 May, a mob attacked a police post in Aleppo.", "Mob violence"),
            (
                "On 2 May, a mob attacked a police post in Aleppo, demanding rations.",
                "Violent demonstration",
            ),
        ];
        for (text, sub) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let ev = run(text, Lang::En, &places, &[]);
            assert_eq!(ev[0].acled.sub_event_type, sub, "{text}");
        }
    }

    /// Who acts: "between X and Y", a coordinated subject, "by presumed X",
    /// a mention the trigger ends, and a witness who is not the actor.
    #[test]
    fn actor_roles() {
        let m = |t: &str, c: &str| (t.to_string(), c.to_string());
        let cases = [
            (
                "Clashes erupted between Hadi forces and Houthi forces in Aleppo.",
                vec![m("Hadi forces", "Hadi"), m("Houthi forces", "Houthis")],
                Some("Hadi"),
            ),
            (
                "The Myanmar military and AA clashed in Aleppo.",
                vec![m("Myanmar military", "Tatmadaw"), m("AA", "Arakan Army")],
                Some("Tatmadaw"),
            ),
            (
                "Indiscriminate shells fired by presumed LNA forces fell in Aleppo.",
                vec![m("LNA forces", "LNA")],
                Some("LNA"),
            ),
            (
                "Saudi-led coalition airstrikes targeted Houthi forces in Aleppo.",
                vec![
                    m("Saudi-led coalition airstrikes", "Coalition"),
                    m("Houthi forces", "Houthis"),
                ],
                Some("Coalition"),
            ),
            (
                "The OSCE SMM observed 9 explosions near Aleppo.",
                vec![m("OSCE SMM", "OSCE")],
                Some("Unidentified Armed Group (Syria)"),
            ),
            (
                "A man was shot and killed in a drive-by shooting in Aleppo.",
                vec![],
                Some("Unidentified Armed Group (Syria)"),
            ),
            (
                "GNA forces killed six civilians in an airstrike near Aleppo.",
                vec![m("GNA forces", "GNA"), m("civilians", "Civilians")],
                Some("GNA"),
            ),
            (
                "Afghan forces repelled an attack by Taliban militants in Aleppo.",
                vec![m("Afghan forces", "Afghan forces"), m("Taliban militants", "Taliban")],
                Some("Taliban"),
            ),
            (
                "Two Taliban militants were killed when Afghan forces repulsed their attack in Aleppo.",
                vec![m("Taliban militants", "Taliban"), m("Afghan forces", "Afghan forces")],
                Some("Taliban"),
            ),
            (
                "IS militants attacked Iraqi forces in Aleppo.",
                vec![m("IS militants", "Islamic State"), m("Iraqi forces", "Iraqi forces")],
                Some("Islamic State"),
            ),
            (
                "Two men opened fire on a store in Aleppo.",
                vec![],
                Some("Unidentified Armed Group (Syria)"),
            ),
            (
                "Hadi forces (coded as Resistance) thwarted an attack in Aleppo.",
                vec![m("Hadi forces", "Hadi"), m("Resistance", "Resistance")],
                Some("Hadi"),
            ),
        ];
        for (text, ms, want) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let actors: Vec<ActorMention> =
                ms.iter().map(|(t, c)| actor(t, text, c, EntityKind::ArmedGroup, false)).collect();
            let ev = run(text, Lang::En, &places, &actors);
            assert!(!ev.is_empty(), "{text}");
            let got = ev[0].actor.as_ref().and_then(|p| p.canonical.as_deref());
            assert_eq!(got, want, "{text}");
        }
    }

    /// "N soldiers were killed following attacks by X": a trigger followed
    /// by its agent's preposition ("attacks by", "attaqués par") is a noun or
    /// a reduced passive, and the "by" phrase names the actor, not the victims.
    #[test]
    fn issue4_agent_after_plural_attacks_wins_over_victims() {
        let cases = [
            (
                "Two soldiers were killed following attacks by Taliban militants in Aleppo.",
                Lang::En,
                "soldiers",
                "Taliban militants",
            ),
            (
                "Deux soldats ont été tués dans des embuscades, attaqués par des jihadistes à Alep.",
                Lang::Fr,
                "soldats",
                "jihadistes",
            ),
        ];
        for (text, lang, victims, agent) in cases {
            let city = if lang == Lang::Fr { "Alep" } else { "Aleppo" };
            let places = [place(city, text, "Aleppo", "city", 36.2)];
            let actors = [
                actor(victims, text, "Military Forces of Syria", EntityKind::Military, false),
                actor(agent, text, "Jihadists", EntityKind::ArmedGroup, false),
            ];
            let ev = run(text, lang, &places, &actors);
            assert!(!ev.is_empty(), "{text}");
            let got = ev[0].actor.as_ref().and_then(|p| p.canonical.as_deref());
            assert_eq!(got, Some("Jihadists"), "{text}");
        }
    }

    /// A state names its forces: "Israeli airstrikes", "the military forces
    /// of Chile", "military forces of India and Pakistan".
    #[test]
    fn states_name_their_forces() {
        let cases = [
            ("Israeli airstrikes targeted Aleppo.", "Israeli", "Military Forces of Israel"),
            (
                "Members of the military forces of Chile opened fire in Aleppo.",
                "Chile",
                "Military Forces of Chile",
            ),
        ];
        for (text, state, want) in cases {
            let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
            let iso = if state == "Chile" { "CL" } else { "IL" };
            let mut m = actor(state, text, state, EntityKind::State, state == "Israeli");
            m.country = Some(iso.to_string());
            let ev = run(text, Lang::En, &places, &[m]);
            let got = ev[0].actor.as_ref().and_then(|p| p.canonical.clone());
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
        let text = "Military forces of India and Pakistan exchanged fire near Aleppo.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let mut ms =
            vec![actor("Military forces", text, "Military Forces", EntityKind::Military, false)];
        ms[0].country = None;
        for (s, iso) in [("India", "IN"), ("Pakistan", "PK")] {
            let mut m = actor(s, text, s, EntityKind::State, false);
            m.country = Some(iso.to_string());
            ms.push(m);
        }
        let ev = run(text, Lang::En, &places, &ms);
        let got = ev[0].actor.as_ref().and_then(|p| p.canonical.clone());
        assert_eq!(got.as_deref(), Some("Military Forces of India"));
    }

    /// A clash that names no side is fought by the armed party the sentence
    /// before set out with; a state after "to" is a place, not a party.
    #[test]
    fn clash_sides_from_the_story() {
        let text = "The Military Police carried out an operation in Aleppo. A shoot-out broke out.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ms = [actor("Military Police", text, "Military Police", EntityKind::Military, false)];
        let ev = run(text, Lang::En, &places, &ms);
        let got = ev.first().and_then(|e| e.actor.as_ref()).and_then(|p| p.canonical.clone());
        assert_eq!(got.as_deref(), Some("Military Police"));
        let text = "Reinforcements were sent to southern Syria amid clashes in Aleppo.";
        let places = [
            place("Aleppo", text, "Aleppo", "city", 36.2),
            place("Syria", text, "Syria", "country", 35.0),
        ];
        let ms = [actor("Syria", text, "Syria", EntityKind::State, false)];
        let ev = run(text, Lang::En, &places, &ms);
        let got = ev.first().and_then(|e| e.actor.as_ref()).and_then(|p| p.canonical.clone());
        assert_ne!(got.as_deref(), Some("Syria"));
    }

    /// The event's place among the clause's: a town read with little
    /// confidence yields to a surer district; "in X" beats a place named in
    /// passing; a country named in passing does not outvote the towns.
    #[test]
    fn event_place_choice() {
        let text = "Airstrikes targeted Majzar district (Marib).";
        let mut d = place("Majzar", text, "Majzar", "admin2", 35.0);
        d.score = 0.92;
        let mut c = place("Marib", text, "Marib", "city", 36.0);
        c.score = 0.63;
        let ev = run(text, Lang::En, &[d, c], &[]);
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Majzar"));
        let text = "Protesters angry at the US dollar rate blocked a road in Halba.";
        let mut us = place("US", text, "United States", "country", 38.0);
        us.country = Some("US".into());
        let halba = place("Halba", text, "Halba", "city", 34.5);
        let ev = run(text, Lang::En, &[us, halba], &[]);
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Halba"));
        // A name read inside a neighbourhood's name is likely a namesake elsewhere.
        let text = "Medical interns protested in Bat Galim Square of Haifa city.";
        let bat = place("Bat", text, "Bat", "city", 24.8);
        let haifa = place("Haifa", text, "Haifa", "city", 32.8);
        let ev = run(text, Lang::En, &[bat, haifa], &[]);
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Haifa"));
    }

    #[test]
    fn coordinated_targets_are_separate_attacks() {
        let text = "En outre, la base d'Alep, la base de Homs et la base de Hama ont été prises pour cible.";
        let places = [
            place("Alep", text, "Aleppo", "city", 36.2),
            place("Homs", text, "Homs", "city", 34.7),
            place("Hama", text, "Hama", "city", 35.1),
        ];
        let ev = run(text, Lang::Fr, &places, &[]);
        let names: Vec<&str> =
            ev.iter().filter_map(|e| e.location.as_ref()).map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Aleppo", "Homs", "Hama"]);
    }

    /// The smallest place the sentence supports: a district set inside the
    /// town that names its province is where ("Surobi district, Kabul"); a
    /// reading far from the place the text sets it in is a namesake, and the
    /// container is where ("Castilla, Piura" read as Castilla in Spain).
    /// An event placed only in a division named after its town is pinned on that town, its
    /// precision kept.
    #[test]
    fn issue5_a_division_named_after_its_town_is_pinned_on_the_town() {
        let text = "On 3 May 2020, protesters gathered in Kerman province against the water cuts.";
        let mut kerman = place("Kerman", text, "Kerman", "admin1", 29.5);
        kerman.country = Some("IR".into());
        kerman.admin1 = Some("Kerman".into());
        kerman.precision = "admin1".into();
        let ev = run(text, Lang::En, &[kerman], &[]);
        let loc = ev[0].location.as_ref().expect("location");
        assert_eq!(loc.precision, "admin1");
        assert!(loc.lat.is_some_and(|l| (l - 30.28).abs() < 0.05), "{loc:?}");
    }

    /// A chain of containers ending with the country: the country never beats the places the
    /// text sets inside it.
    #[test]
    fn issue5_nested_places_never_fall_back_to_the_country() {
        let text = "An explosive device detonated in Sadr city neighborhood, Baghdad city, \
                    Baghdad governorate, Syria. Eight people were killed.";
        let start = text.find("Baghdad governorate").unwrap_or(0);
        let mut gov = place("Baghdad", text, "Baghdad governorate", "admin1", 33.3);
        gov.start = start;
        gov.end = start + "Baghdad".len();
        gov.precision = "admin1".into();
        let places = [
            place("Sadr city", text, "Sadr City", "city", 33.4),
            place("Baghdad", text, "Baghdad", "city", 33.3),
            gov,
            place("Syria", text, "Syria", "country", 35.0),
        ];
        let ev = run(text, Lang::En, &places, &[]);
        let loc = ev[0].location.as_ref().map(|l| l.name.as_str());
        assert!(loc.is_some_and(|l| l != "Syria"), "{loc:?}");
    }

    #[test]
    fn issue_geo_nested_places() {
        let text =
            "On 2 May 2020, unknown gunmen shot and killed a judge in Surobi district, Kabul.";
        let mut surobi = place("Surobi", text, "Surobi", "admin2", 34.6);
        surobi.precision = "admin2".into();
        let places = [surobi, place("Kabul", text, "Kabul", "city", 34.5)];
        let ev = run(text, Lang::En, &places, &[]);
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Surobi"));

        let text = "On 2 May 2020, in Castilla, Piura, around 150 workers staged a protest.";
        let mut castilla = place("Castilla", text, "Castilla", "city", 40.5);
        castilla.country = Some("ES".into());
        let piura = place("Piura", text, "Piura", "city", -5.2);
        let ev = run(text, Lang::En, &[castilla.clone(), piura.clone()], &[]);
        // Two countries, one name each: nothing says which reading is the namesake.
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Castilla"));
        // One country, the town's point far from the province that holds it.
        let mut far = castilla;
        far.country = Some("SY".into());
        let ev = run(text, Lang::En, &[far, piura], &[]);
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Piura"));
    }

    /// "X, Province": a town read in another province than the one the text sets it in is
    /// a namesake. Its namesake inside the province is where, when the gazetteer has one;
    /// else the province is, unless the reading bears the text's very name (the text may
    /// have the province wrong).
    #[test]
    fn issue5_a_town_read_in_another_province_gives_way() {
        let province = |text: &str, name: &str, lat: f64, lon: f64| {
            let mut p = place(name, text, name, "admin1", lat);
            p.country = Some("IN".into());
            p.admin1 = Some(name.to_string().into());
            p.lon = Some(lon);
            p.precision = "admin1".into();
            p
        };
        let town = |text: &str, word: &str, name: &str, admin1: &str, lat: f64, lon: f64| {
            let mut p = place(word, text, name, "city", lat);
            p.country = Some("IN".into());
            p.admin1 = Some(admin1.to_string().into());
            p.lon = Some(lon);
            p
        };
        for (text, lang) in [
            ("Villagers clashed with the police in Rampur, Odisha, on Monday.", Lang::En),
            ("Des villageois ont affronté la police à Rampur, dans l'État d'Odisha.", Lang::Fr),
        ] {
            let places = [
                town(text, "Rampur", "Rāmpur", "Uttar Pradesh", 28.81, 79.03),
                province(text, "Odisha", 20.5, 84.4),
            ];
            let ev = run(text, lang, &places, &[]);
            let loc = ev[0].location.as_ref().expect("location");
            assert_eq!(loc.admin1.as_deref(), Some("Odisha"), "{text}");
            assert_eq!(loc.precision, "city", "{text}");
        }
        // No namesake in the province: a loose reading gives way to the province, the
        // text's own name stands.
        let text = "Rebels shelled army positions near Zorino, Kherbal.";
        let places = [
            town(text, "Zorino", "Zorinovo", "Alpha", 25.0, 80.0),
            province(text, "Kherbal", 20.0, 84.0),
        ];
        let ev = run(text, Lang::En, &places, &[]);
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Kherbal"));
        let places = [
            town(text, "Zorino", "Zorino", "Alpha", 25.0, 80.0),
            province(text, "Kherbal", 20.0, 84.0),
        ];
        let ev = run(text, Lang::En, &places, &[]);
        assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Zorino"));
    }

    /// A country named as an adjective ("Turkish forces", "les forces turques") says whose
    /// forces, not where: it does not make the town the text names a foreign namesake.
    #[test]
    fn issue5_demonyms_do_not_say_where_the_story_is() {
        for (text, lang, adj) in [
            (
                "Turkish forces shelled Zorino in Kherbal province from the Turkish side of \
                 the border, a Turkish source said.",
                Lang::En,
                "Turkish",
            ),
            (
                "Les forces turques ont bombardé Zorino, dans la province de Kherbal, depuis le \
                 côté turc de la frontière, selon une source turque.",
                Lang::Fr,
                "tur",
            ),
        ] {
            let mut places = Vec::new();
            for (start, _) in text.match_indices(adj) {
                let end = start + text[start..].find([' ', ',', '.']).unwrap_or(0);
                let mut p = place(&text[start..end], text, "Turkey", "country", 39.0);
                p.country = Some("TR".into());
                (p.start, p.end) = (start, end);
                places.push(p);
            }
            assert_eq!(places.len(), 3, "{text}");
            places.push(place("Zorino", text, "Zorino", "city", 36.5));
            let mut kherbal = place("Kherbal", text, "Kherbal", "admin1", 36.4);
            kherbal.precision = "admin1".into();
            places.push(kherbal);
            places.sort_by_key(|p| p.start);
            let ev = run(text, lang, &places, &[]);
            assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Zorino"), "{text}");
        }
        // Nor where, even against a town read with little confidence.
        for (text, lang, adj) in [
            (
                "Saudi forces brokered a truce between the two factions in Zorino.",
                Lang::En,
                "Saudi",
            ),
            (
                "Les forces saoudiennes ont négocié une trêve entre les deux factions à Zorino.",
                Lang::Fr,
                "saoudiennes",
            ),
        ] {
            let mut sa = place(adj, text, "Saudi Arabia", "country", 24.0);
            sa.country = Some("SA".into());
            let mut town = place("Zorino", text, "Zorino", "city", 36.5);
            town.score = 0.4;
            let ev = run(text, lang, &[sa, town], &[]);
            assert_eq!(ev[0].location.as_ref().map(|l| l.name.as_str()), Some("Zorino"), "{text}");
        }
    }

    /// A state named as the far side of a border is a place, not the
    /// target: "près de la frontière avec le Burkina Faso", "near the border
    /// with Saudi Arabia".
    #[test]
    fn issue5_border_state_is_not_the_target() {
        let cases = [
            (
                "Douze soldats maliens ont été tués dans une attaque à Alep, près de la frontière avec le Burkina Faso.",
                Lang::Fr,
                "soldats maliens",
                "Burkina Faso",
            ),
            (
                "Twelve Syrian soldiers were killed in an attack in Aleppo near the border with Saudi Arabia.",
                Lang::En,
                "Syrian soldiers",
                "Saudi Arabia",
            ),
        ];
        for (text, lang, victims, state) in cases {
            let city = if lang == Lang::Fr { "Alep" } else { "Aleppo" };
            let places = [place(city, text, "Aleppo", "city", 36.2)];
            let ms = [
                actor(victims, text, "Military Forces of Syria", EntityKind::Military, false),
                actor(state, text, state, EntityKind::State, false),
            ];
            let ev = run(text, lang, &places, &ms);
            let t = ev[0].target.as_ref().and_then(|p| p.canonical.as_deref());
            assert_eq!(t, Some("Military Forces of Syria"), "{text}");
        }
    }

    /// A reporting clause after the event ("…, a annoncé mardi l'armée
    /// malienne", "…, said the Syrian army", "…, the army said") attributes
    /// it; its speaker is neither actor nor target.
    #[test]
    fn issue5_reporting_clause_attributes_the_event() {
        let cases = [
            (
                "Deux civils ont été tués lundi à Alep, a annoncé mardi l'armée syrienne.",
                Lang::Fr,
                "armée syrienne",
            ),
            ("Two civilians were killed in Aleppo on Monday, said the Syrian army.", Lang::En, "Syrian army"),
            (
                "Two civilians were killed in Aleppo on Monday, the Syrian army said in a statement.",
                Lang::En,
                "Syrian army",
            ),
        ];
        for (text, lang, speaker) in cases {
            let city = if lang == Lang::Fr { "Alep" } else { "Aleppo" };
            let places = [place(city, text, "Aleppo", "city", 36.2)];
            let ms =
                [actor(speaker, text, "Military Forces of Syria", EntityKind::Military, false)];
            let ev = run(text, lang, &places, &ms);
            let e = &ev[0];
            assert_eq!(e.modality, "reported", "{text}");
            assert_eq!(e.attributed_to.as_deref(), Some("Military Forces of Syria"), "{text}");
            let t = e.target.as_ref().and_then(|p| p.canonical.as_deref());
            assert_ne!(t, Some("Military Forces of Syria"), "{text}");
            let a = e.actor.as_ref().and_then(|p| p.canonical.as_deref());
            assert_ne!(a, Some("Military Forces of Syria"), "{text}");
        }
    }

    /// "L'attaque, qui n'a pas été revendiquée, porte la marque du X" and
    /// "The attack bore the hallmarks of X" tell the incident before again:
    /// one event, with X as its suspected author, and no claim.
    #[test]
    fn issue5_anaphoric_attack_merges_and_names_the_suspect() {
        let cases = [
            (
                "Une attaque a tué trois soldats à Alep lundi. L'attaque, qui n'a pas été revendiquée, porte la marque du GSIM.",
                Lang::Fr,
            ),
            (
                "An attack killed three soldiers in Aleppo on Monday. The attack bore the hallmarks of GSIM, officials said.",
                Lang::En,
            ),
        ];
        for (text, lang) in cases {
            let city = if lang == Lang::Fr { "Alep" } else { "Aleppo" };
            let places = [place(city, text, "Aleppo", "city", 36.2)];
            let ms = [actor("GSIM", text, "JNIM", EntityKind::ArmedGroup, false)];
            let ev = run(text, lang, &places, &ms);
            assert_eq!(ev.len(), 1, "{text}: {ev:#?}");
            let e = &ev[0];
            assert_eq!(e.actor.as_ref().and_then(|p| p.canonical.as_deref()), Some("JNIM"));
            assert_ne!(e.target.as_ref().and_then(|p| p.canonical.as_deref()), Some("JNIM"));
            assert_ne!(e.modality, "claimed", "{text}");
            assert_eq!(e.fatalities, Some(3));
        }
        // A definite noun of another kind is another incident.
        let text = "A bomb exploded in Aleppo on Monday. The governor imposed a curfew after the kidnapping of a doctor.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ev = run(text, Lang::En, &places, &[]);
        assert!(ev.iter().any(|e| e.kind == "abduction"), "{ev:#?}");
    }

    /// An event named as the background of another verb ("après
    /// l'enlèvement de", "after the kidnapping of") is not done by that
    /// verb's subject; its place is the one its clause names, not a place
    /// the sentence is framed with ("À Niamey, …").
    #[test]
    fn issue5_background_event_has_no_borrowed_actor_or_frame_place() {
        let cases = [
            (
                "À Damas, le gouvernement a décrété un couvre-feu dans la région d'Alep après l'enlèvement de deux travailleurs humanitaires samedi.",
                Lang::Fr,
                "gouvernement",
                "Damas",
                "Alep",
            ),
            (
                "In Damascus, the authorities imposed a curfew in the Aleppo region after the kidnapping of two aid workers on Saturday.",
                Lang::En,
                "authorities",
                "Damascus",
                "Aleppo",
            ),
        ];
        for (text, lang, gov, capital, region) in cases {
            let mut r = place(region, text, "Aleppo", "admin1", 36.2);
            r.precision = "admin1".into();
            let places = [place(capital, text, "Damascus", "city", 33.5), r];
            let ms = [actor(gov, text, "Government of Syria", EntityKind::Government, false)];
            let ev = run(text, lang, &places, &ms);
            let e = &ev[0];
            assert_eq!(e.kind, "abduction", "{text}");
            let a = e.actor.as_ref().and_then(|p| p.canonical.as_deref());
            assert_ne!(a, Some("Government of Syria"), "{text}");
            assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Aleppo"), "{text}");
        }
    }

    /// "L'armée syrienne a accusé Israël d'avoir mené des frappes": the
    /// accuser tells the event, the accused state's forces did it; a count of
    /// "des centaines de frappes" over years is no incident of its own.
    #[test]
    fn issue5_accused_state_acts_through_its_forces() {
        let text = "L'armée syrienne a accusé Israël d'avoir mené des frappes aériennes près d'Alep, tuant deux soldats. Israël a mené des centaines de frappes en Syrie depuis 2011.";
        let mut syria = place("Syrie", text, "Syria", "country", 35.0);
        syria.precision = "country".into();
        let places = [place("Alep", text, "Aleppo", "city", 36.2), syria];
        let mut ms = vec![actor(
            "armée syrienne",
            text,
            "Military Forces of Syria",
            EntityKind::Military,
            false,
        )];
        let mut il = actor("Israël", text, "Israel", EntityKind::State, false);
        il.country = Some("IL".to_string());
        ms.push(il);
        let ev = run(text, Lang::Fr, &places, &ms);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        let e = &ev[0];
        let a = e.actor.as_ref().and_then(|p| p.canonical.as_deref());
        assert_eq!(a, Some("Military Forces of Israel"));
        assert_eq!(e.attributed_to.as_deref(), Some("Military Forces of Syria"));
        assert_eq!(e.modality, "reported");
        assert_eq!(e.fatalities, Some(2));
    }

    /// The aim of an undertaking is not a deed told: "an operation to arrest
    /// suspects" is planned, and the fire the troops came under is the event.
    #[test]
    fn issue5_an_aim_is_not_the_event() {
        let text =
            "Syrian troops came under fire in Aleppo during an operation to arrest suspects.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ev = run(text, Lang::En, &places, &[]);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_ne!(ev[0].kind, "arrest");
        let text = "Police launched an operation in Aleppo to arrest suspects.";
        let ev = run(text, Lang::En, &places, &[]);
        assert!(ev.iter().all(|e| e.modality == "planned"), "{ev:#?}");
    }

    /// "Les assaillants … ont incendié des maisons" after the killing: the
    /// same incident goes on, not a new one.
    #[test]
    fn issue5_the_attackers_going_on_is_the_same_incident() {
        let text = "Des hommes armés ont tué quinze villageois près d'Alep. Les assaillants ont ensuite incendié des maisons avant de prendre la fuite.";
        let places = [place("Alep", text, "Aleppo", "city", 36.2)];
        let ms = [
            actor("hommes armés", text, "Unidentified Armed Group", EntityKind::ArmedGroup, false),
            actor("assaillants", text, "Unidentified Armed Group", EntityKind::ArmedGroup, false),
        ];
        let ev = run(text, Lang::Fr, &places, &ms);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].fatalities, Some(15));
    }

    /// "l'attaque jihadiste" names who attacked, not whom; "similar attacks
    /// in the past" adds no perpetrator; "the Israeli port city of X" is a
    /// place, not the target.
    #[test]
    fn issue5_descriptors_of_attacks_and_places() {
        let text =
            "Vingt-cinq personnes ont péri dans l'attaque jihadiste qui a visé une église à Alep.";
        let places = [place("Alep", text, "Aleppo", "city", 36.2)];
        let ev = run(text, Lang::Fr, &places, &[]);
        let a = ev[0].actor.as_ref().and_then(|p| p.text.as_deref());
        assert_eq!(a, Some("jihadiste"));
        assert_ne!(ev[0].target.as_ref().and_then(|p| p.text.as_deref()), Some("jihadiste"));
        let text = "A suicide bombing killed 12 people in Aleppo. There was no claim, but IS has carried out similar attacks in the past.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ms = [actor("IS", text, "Islamic State", EntityKind::ArmedGroup, false)];
        let ev = run(text, Lang::En, &places, &ms);
        let a = ev[0].actor.as_ref().and_then(|p| p.canonical.as_deref());
        assert_ne!(a, Some("Islamic State"), "{ev:#?}");
        let text = "Rebels fired a missile at the Israeli port city of Aleppo.";
        let places = [place("Aleppo", text, "Aleppo", "city", 36.2)];
        let ms = [actor("Israeli", text, "Israel", EntityKind::State, true)];
        let ev = run(text, Lang::En, &places, &ms);
        assert_ne!(ev[0].target.as_ref().and_then(|p| p.canonical.as_deref()), Some("Israel"));
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in [
            "",
            "é",
            "frappes",
            ";;;",
            "attaque d'",
            "killed killed killed",
            "[size=",
            "les attaques, et",
        ] {
            for lang in [Lang::Fr, Lang::En, Lang::Ar] {
                let ev = run(text, lang, &[], &[]);
                for e in ev {
                    for s in e.evidence {
                        assert!(
                            s.end <= text.len()
                                && text.is_char_boundary(s.start)
                                && text.is_char_boundary(s.end)
                        );
                    }
                }
            }
        }
    }
}
