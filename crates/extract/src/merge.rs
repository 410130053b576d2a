//! One incident, one event: merging the drafts of a document.
//!
//! * Drafts of the same family merge when they share a place (same GeoNames
//!   id or name) and their targets do not conflict, or when the later one
//!   names no place of its own ("…, qui a entraîné le martyre de quatre
//!   membres" after the strike it refers to).
//! * Statements merge when their actors agree or one has none.
//! * Weak drafts (casualty words alone, generic plurals like "les attaques")
//!   add their casualties to the last event of their family, or are dropped;
//!   they become an event only when the document has no stronger mention.
//! * Casualties never add up across mentions: the same dead are often told
//!   twice, so the larger count stands.

use crate::code::trigger_rank;
use crate::mention::Draft;
use sitrep_model::Location;

fn place_key(d: &Draft) -> Option<String> {
    d.location
        .as_ref()
        .map(|(l, _)| l.geonameid.map_or_else(|| l.name.to_lowercase(), |g| g.to_string()))
}

fn targets_conflict(a: &Draft, b: &Draft) -> bool {
    let c = |d: &Draft| d.target.as_ref().and_then(|t| t.canonical.clone());
    // A generic party not yet given its country ("Military Forces") is the same as the
    // country's ("Military Forces of Burkina Faso").
    use crate::generic;
    matches!((c(a), c(b)), (Some(x), Some(y))
        if x != y && !(generic(&x) && y.starts_with(x.as_str()))
            && !(generic(&y) && x.starts_with(y.as_str())))
}

/// Whether `coarse` is a country or first-level division that holds `fine`, a more precise
/// place ("Liban" and "Bint Jbeil", "l'Est" and "Diapaga").
fn holds(coarse: &Location, fine: &Location) -> bool {
    coarse.country.is_some()
        && coarse.country == fine.country
        && match coarse.precision.as_str() {
            "country" => fine.precision != "country",
            "admin1" => {
                coarse.admin1.is_some()
                    && coarse.admin1 == fine.admin1
                    && fine.precision != "admin1"
            }
            _ => false,
        }
}

/// Whether the two drafts' places lie within `km` of each other ("Jenin" and "the Jenin
/// refugee camp" are one spot).
fn within_km(e: &Draft, d: &Draft, km: f64) -> bool {
    let point = |x: &Draft| {
        let l = &x.location.as_ref()?.0;
        Some((l.lat?, l.lon?))
    };
    match (point(e), point(d)) {
        (Some(a), Some(b)) => sitrep_gazetteer::km(a, b) <= km,
        _ => false,
    }
}

/// A headline's incident told again in the story ("Liban : deux morts dans une frappe
/// israélienne dans le sud", then "Une frappe de drone israélienne a visé samedi une voiture à
/// Bint Jbeil…, tuant deux personnes"): the headline names the place less precisely, and the
/// kinds and tolls agree.
fn retold_headline(e: &Draft, d: &Draft) -> bool {
    // (A town named in the headline near the story's: "near Kirkuk", then "near Daquq, south
    // of Kirkuk", with the same toll told.)
    // (Or within 25 km, a suburb of the headline's city: "autour de Paris", then "à Rungis".)
    let near = || {
        within_km(e, d, 25.0)
            || (within_km(e, d, 60.0) && e.killed.is_some() && e.killed == d.killed)
    };
    (nested(e, d) || near()) && told_alike(e, d) && tolls_agree(e, d)
}

/// Whether one draft's place holds the other's ([`holds`], either way round).
fn nested(e: &Draft, d: &Draft) -> bool {
    match (&e.location, &d.location) {
        (Some((le, _)), Some((ld, _))) => holds(le, ld) || holds(ld, le),
        _ => false,
    }
}

/// Two dates told for two mentions that do not overlap: two incidents ("on Monday … fired
/// missiles at a ship", "on Sunday … carried out strikes").
fn dates_conflict(e: &Draft, d: &Draft) -> bool {
    // (The day an incident was told still sets it apart from an incident of another day: "said
    // on Monday they had fired missiles", "on Sunday … carried out strikes".)
    let span = |x: &Draft| Some((x.date.start.clone()?, x.date.end.clone()?));
    matches!((span(e), span(d)), (Some((s1, e1)), Some((s2, e2))) if e1 < s2 || e2 < s1)
}

/// Two parties named as the actors of two mentions, neither the other's target: two incidents
/// ("Houthi rebels fired missiles at a ship", "the United States carried out strikes").
fn actors_conflict(e: &Draft, d: &Draft) -> bool {
    let c = |p: &Option<sitrep_model::Party>| p.as_ref().and_then(|p| p.canonical.clone());
    match (e.named_actor(), d.named_actor()) {
        (Some(x), Some(y)) => {
            !one_side(x, y)
                && c(&e.target).as_deref() != Some(y)
                && c(&d.target).as_deref() != Some(x)
                && !crate::generic(x)
                && !crate::generic(y)
        }
        _ => false,
    }
}

/// Whether two named actors are one side: the same party, a state and its forces ("Myanmar",
/// "Military Forces of Myanmar"), or a party not yet given its country and the country's
/// ("Military Forces", "Military Forces of Mali").
fn one_side(x: &str, y: &str) -> bool {
    use crate::generic;
    x == y
        || x.ends_with(y)
        || y.ends_with(x)
        || (generic(x) && y.starts_with(x))
        || (generic(y) && x.starts_with(y))
}

fn same_incident(e: &Draft, d: &Draft, paragraphs: bool, headline: bool) -> bool {
    if e.family() != d.family() {
        return false;
    }
    if e.family() == "statement" {
        let c = |x: &Draft| x.actor.as_ref().and_then(|p| p.canonical.clone());
        let t = |x: &Draft| x.target.as_ref().and_then(|p| p.canonical.clone());
        let same_target = t(e).is_some() && t(e) == t(d);
        return same_target
            || matches!((c(e), c(d)), (None, _) | (_, None))
            || c(e).zip(c(d)).is_some_and(|(x, y)| one_side(&x, &y));
    }
    // A definite noun of another kind ("the kidnapping" after a bombing)
    // names an incident of its own, as does "another strike".
    // (A headline's parties are read from a few words: its target sets it apart from no
    // telling of the same kind in the story's lead.)
    let retold = story_of_headline(e, d, headline);
    let same_kind = retold && d.sentence == 1 && told_alike(e, d);
    if (targets_conflict(e, d) && !same_kind) || d.another || (d.anaphoric && !told_alike(e, d)) {
        return false;
    }
    // (In a story of several paragraphs: a one-paragraph note tells one incident, whose two
    // sides each act: "X fired at Y. Y responded to the fire".)
    let clash = e.kind() == "armed_clash" || d.kind() == "armed_clash";
    if dates_conflict(e, d) || (paragraphs && !clash && !retold && actors_conflict(e, d)) {
        return false;
    }
    match (place_key(e), place_key(d)) {
        (Some(x), Some(y)) => {
            x == y || within_km(e, d, 5.0) || (retold && retold_headline(e, d)) || refined(e, d)
        }
        (_, None) => d.sentence > e.sentence,
        // A headline that names no place ("Myanmar junta air strike on village kills 20").
        (None, Some(_)) => retold && tolls_agree(e, d),
    }
}

/// The same party's incident of one kind told again with a place inside the first one's, or
/// around it ("une opération aérienne dans la région de Tombouctou", then "des frappes
/// aériennes près de Léré"), the tolls agreeing: one incident, told more or less precisely.
fn refined(e: &Draft, d: &Draft) -> bool {
    // (Or, in the next sentence, undated and by no party named: "A military airstrike on a
    // village in Sagaing region killed 17 civilians on Saturday", then "Junta jets bombed Kanan
    // village in Tamu township".)
    let next = d.sentence == e.sentence + 1 && d.date.start.is_none() && d.named_actor().is_none();
    nested(e, d)
        && told_alike(e, d)
        && tolls_agree(e, d)
        && (next || e.named_actor().zip(d.named_actor()).is_some_and(|(x, y)| one_side(x, y)))
}

/// Whether `e` is told in the document's headline and `d` in its story.
fn story_of_headline(e: &Draft, d: &Draft, headline: bool) -> bool {
    headline && e.sentence == 0 && d.sentence > 0
}

/// Whether two mentions tell the same tolls where both tell one.
fn tolls_agree(e: &Draft, d: &Draft) -> bool {
    // (A round count is often a headline's rounding of the story's: "une vingtaine de
    // soldats", then "vingt-deux soldats".)
    let near = |x: u32, y: u32| {
        let (lo, hi) = (x.min(y), x.max(y));
        (x % 10 == 0 || y % 10 == 0) && hi - lo <= hi / 4
    };
    let same = |x: Option<u32>, y: Option<u32>| match (x, y) {
        (Some(x), Some(y)) => x == y || near(x, y),
        _ => true,
    };
    same(e.killed, d.killed) && same(e.injured, d.injured)
}

/// Groups of kinds one anaphoric noun may refer back to: explosions from
/// afar, fights at close range; a generic "attack" names any of them.
fn kind_group(kind: &str) -> u8 {
    match kind {
        "bombing" | "suicide_bombing" | "airstrike" | "drone_strike" | "rocket_attack"
        | "missile_attack" | "shelling" => 1,
        "armed_clash" | "ambush" | "raid" => 2,
        "attack" => 0,
        _ => 3,
    }
}

/// True when two kinds are the same or of one group (see [`kind_group`]), a generic attack
/// agreeing with none in particular.
fn kinds_agree_strictly(ke: &str, kd: &str) -> bool {
    let (ge, gd) = (kind_group(ke), kind_group(kd));
    ke == kd || (ge == gd && ge != 3 && ge != 0)
}

/// True when two drafts' kinds can name one incident, or both tell a protest (a crowd fired on
/// is the protest's story).
fn told_alike(e: &Draft, d: &Draft) -> bool {
    kinds_agree(e.kind(), d.kind()) || (e.family() == "protest" && d.family() == "protest")
}

/// True when two kinds can name one incident: an abduction is not the
/// bombing told before it.
fn kinds_agree(ke: &str, kd: &str) -> bool {
    let (ge, gd) = (kind_group(ke), kind_group(kd));
    ke == kd || (gd == 0 && ge != 3) || (ge == 0 && gd != 3) || (ge == gd && ge != 3)
}

/// True when anaphoric draft `d` ("L'attaque…", "The blast…") refers back
/// to event `e`: an earlier incident of a kind the noun can name, at a
/// place the noun does not contradict.
fn refers_to(e: &Draft, d: &Draft) -> bool {
    if !d.anaphoric || e.family() != d.family() || e.first() >= d.first() {
        return false;
    }
    // (A kidnapping done in a raid: "A vice principal was killed during the raid", "lors de
    // l'attaque" after the abduction.)
    let kinds =
        told_alike(e, d) || (e.kind() == "abduction" && matches!(d.kind(), "attack" | "raid"));
    let place = match (&e.location, &d.location) {
        (_, None) => true,
        // (Or one inside the first's: "in Cabo Delgado", then "The attack took place … in
        // Mocimboa da Praia district".)
        (Some((le, re)), Some((ld, rd))) => {
            place_key(e) == place_key(d) || rd > re || holds(le, ld)
        }
        (None, Some(_)) => false,
    };
    kinds && place
}

/// True when `d` tells what the side `e` struck did to `e`'s own side: its actor is `e`'s
/// target and its target `e`'s actor ("the army said it killed 21 attackers" after the attack
/// that killed seven soldiers).
fn other_side(e: &Draft, d: &Draft) -> bool {
    let c = |p: &Option<sitrep_model::Party>| p.as_ref().and_then(|p| p.canonical.clone());
    let (Some(et), Some(da), Some(dt)) = (c(&e.target), c(&d.actor), c(&d.target)) else {
        return false;
    };
    // (Unnamed attackers: "une embuscade", then "21 assaillants" neutralised.)
    let attackers = match c(&e.actor) {
        Some(ea) => one_side(&dt, &ea) && !one_side(&ea, &et),
        None => dt.starts_with(crate::roles::UNIDENTIFIED),
    };
    one_side(&da, &et) && attackers
}

fn sum_opt(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.saturating_add(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// Folds draft `d` into event `e`.
fn absorb(e: &mut Draft, d: Draft) {
    let other = other_side(e, &d);
    if !d.weak
        && trigger_rank(&d.trig.kind, &d.trig.sub_event_type)
            > trigger_rank(&e.trig.kind, &e.trig.sub_event_type)
    {
        let keep_sub = e.trig.sub_event_type.is_empty();
        if keep_sub || !d.trig.sub_event_type.is_empty() {
            e.trig = d.trig;
        }
    }
    if e.means.is_empty() {
        e.means = d.means;
    }
    for w in d.weapons {
        if !e.weapons.contains(&w) {
            e.weapons.push(w);
        }
    }
    // A named author ("L'attaque a été revendiquée par le JNIM") replaces a generic one
    // ("des terroristes").
    let generic = |p: &sitrep_model::Party| p.canonical.as_deref().is_none_or(crate::generic);
    if e.actor.as_ref().is_none_or(|p| p.text.is_none() || generic(p))
        && d.actor.as_ref().is_some_and(|p| p.text.is_some() && !generic(p))
    {
        e.actor = d.actor;
        e.actor_class = d.actor_class;
    }
    if e.target.is_none() && d.target.is_some() {
        e.target = d.target;
        e.target_class = d.target_class;
    }
    match (&e.location, &d.location) {
        (None, Some(_)) => e.location = d.location,
        (Some((_, r1)), Some((_, r2))) if r2 < r1 => e.location = d.location,
        _ => {}
    }
    if d.date.start.is_some() && (e.date.start.is_none() || (e.date_told && !d.date_told)) {
        e.date = d.date;
        e.date_told = d.date_told;
    }
    // A toll a party claims ("l'armée a affirmé avoir « neutralisé » une quarantaine
    // d'assaillants") does not raise the toll the text tells.
    if (d.modality == "claimed" || d.toll_claimed) && e.modality != "claimed" && e.killed.is_some()
    {
        e.injured = e.injured.or(d.injured);
    } else if other {
        // "Sept soldats ont été tués …", then "les forces armées ont neutralisé 21 assaillants":
        // the dead of each side, counted once each.
        e.killed = sum_opt(e.killed, d.killed);
        e.injured = sum_opt(e.injured, d.injured);
    } else {
        e.killed = max_opt(e.killed, d.killed);
        e.injured = max_opt(e.injured, d.injured);
    }
    for t in d.framing {
        if !e.framing.contains(&t) {
            e.framing.push(t);
        }
    }
    e.evidence.extend(d.evidence);
    e.evidence.sort();
    e.evidence.dedup();
    e.triggers.extend(d.triggers);
    e.triggers.sort();
    e.triggers.dedup();
}

/// Merges drafts (in text order) into incidents, in order of first evidence.
/// `paragraphs`: the document has several (a news story, not a one-paragraph note);
/// `headline`: its first sentence is a headline.
pub fn merge(drafts: Vec<Draft>, paragraphs: bool, headline: bool) -> Vec<Draft> {
    let (mut strong, weak): (Vec<Draft>, Vec<Draft>) = drafts.into_iter().partition(|d| !d.weak);
    // "Deux personnes ont été tuées … lorsque la police a ouvert le feu sur des manifestants":
    // the dead of a protest fired on in the same sentence are its toll.
    let mut rest = Vec::new();
    for mut d in weak {
        let toll = d.killed.is_some() || d.injured.is_some();
        // (Or just after it, told by no named party: "… to disperse the demonstrators. The
        // Interior Ministry said 12 police officers were injured.")
        let unnamed = d.named_actor().is_none();
        let protest = strong.iter_mut().find(|e| {
            toll && d.family() == "attack"
                && e.family() == "protest"
                && (e.sentence == d.sentence
                    || (unnamed && e.sentence < d.sentence && d.sentence <= e.sentence + 2))
        });
        match protest {
            Some(e) => {
                (d.actor, d.target) = (None, None);
                absorb(e, d);
            }
            None => rest.push(d),
        }
    }
    let weak = rest;
    let mut events: Vec<Draft> = Vec::new();
    for d in strong {
        if let Some(e) = events.iter_mut().rev().find(|e| refers_to(e, &d)) {
            // Only a named party of the retelling adds to the incident.
            let mut d = d;
            if d.actor.as_ref().is_some_and(|p| p.canonical.is_none()) {
                d.actor = None;
            }
            absorb(e, d);
            continue;
        }
        match events.iter_mut().rev().find(|e| same_incident(e, &d, paragraphs, headline)) {
            Some(e) => {
                // The story places its headline's incident at least as precisely.
                let story = story_of_headline(e, &d, headline);
                let place = d.location.clone();
                // (A headline's parties are read from a few words: the story's stand.)
                let parties = story
                    .then(|| (d.actor.clone(), d.actor_class, d.target.clone(), d.target_class));
                absorb(e, d);
                if let (true, Some((l, r))) = (story, place) {
                    if e.location.as_ref().is_none_or(|(_, re)| r <= *re) {
                        e.location = Some((l, r));
                    }
                }
                if let Some((actor, actor_class, target, target_class)) = parties {
                    // (A headline's "actor" that is a victim, "un journaliste arrêté", gives
                    // way even to none.)
                    let victim = e.actor_class == Some(crate::lexicon::PartyClass::Civilian)
                        || (e.actor.is_some()
                            && e.actor.as_ref().map(|p| &p.canonical)
                                == target.as_ref().map(|p| &p.canonical));
                    if actor.as_ref().is_some_and(|p| p.canonical.is_some()) || victim {
                        (e.actor, e.actor_class) = (actor, actor_class);
                    }
                    if target.as_ref().is_some_and(|p| p.canonical.is_some()) {
                        (e.target, e.target_class) = (target, target_class);
                    }
                }
            }
            None => events.push(d),
        }
    }
    let had: Vec<&'static str> = events.iter().map(|e| e.family()).collect();
    for mut d in weak {
        let fam = d.family();
        // "Russia pounds Kyiv…; at least 9 killed": a headline's bare toll, told by no party,
        // is the story's, which tells it again.
        let bare = d.named_actor().is_none() && (d.killed.is_some() || d.injured.is_some());
        if headline && d.sentence == 0 && bare && events.iter().any(|e| e.sentence > 0) {
            continue;
        }
        // (A speaker's words of an attack in a story of another incident: see `quoted`.)
        if d.quoted && !events.is_empty() && events.iter().all(|e| e.family() != fam) {
            continue;
        }
        // "l'armée a mené des frappes aériennes … tuant plusieurs dizaines de terroristes" after
        // the jihadists' attack, paragraphs later in a story: another party's strikes of
        // another kind are an incident of their own, not a retelling.
        // (Not a headline's: its parties are read from a few words.)
        let own = paragraphs
            && !(headline && d.sentence == 0)
            && d.named_actor().is_some_and(|x| {
                events.iter().filter(|e| e.family() == fam).all(|e| {
                    !kinds_agree_strictly(e.kind(), d.kind())
                        && e.named_actor().is_some_and(|c| !one_side(c, x))
                })
            });
        if had.contains(&fam) && own {
            d.weak = false;
            events.push(d);
            continue;
        }
        if had.contains(&fam) {
            // A count a party claims ("le groupe affirme avoir tué plus de cinquante
            // militaires") does not replace the one the text tells (alone, it stands).
            let claimed = d.modality == "claimed" || d.toll_claimed;
            if d.killed.is_some() || d.injured.is_some() {
                let last = events
                    .iter_mut()
                    .filter(|e| e.family() == fam && e.first() <= d.first())
                    .last();
                let told = last.as_ref().is_some_and(|e| e.killed.is_some());
                match last.filter(|e| !(claimed && e.killed.is_some())) {
                    Some(e) => absorb(e, d),
                    None if claimed && told => {}
                    // A toll told before the incident's telling ("Au moins cinquante civils
                    // ont été tués lundi par des jihadistes…", then what the assailants did):
                    // the next incident of its family in the same or the next paragraph.
                    None => {
                        let next = events.iter_mut().find(|e| {
                            e.family() == fam
                                && e.first() > d.first()
                                && e.sentence <= d.sentence + 2
                                && e.killed.is_none()
                                // (The dead of a clash may be of either side.)
                                && (e.kind() == "armed_clash" || !targets_conflict(e, &d))
                                && !e.another
                                && !dates_conflict(e, &d)
                        });
                        match next {
                            Some(e) => absorb(e, d),
                            // ("Douze soldats ont été tués dimanche à Andéramboukane", then
                            // "Par ailleurs, un engin explosif … samedi": a toll of its own.)
                            // (A party's claimed toll with none to join is no incident told.)
                            None if claimed => {}
                            None => {
                                d.weak = false;
                                events.push(d);
                            }
                        }
                    }
                }
            } else if d.date.start.is_some() || d.location.is_some() {
                // "Les heurts ont éclaté lundi soir dans le village d'al-Mazraa", "The clashes
                // erupted on Monday": a retelling of the incident just told that gives its day
                // or its place.
                let last = events.iter_mut().rfind(|e| {
                    e.family() == fam
                        && e.first() <= d.first()
                        && d.sentence == e.sentence + 1
                        && told_alike(e, &d)
                        && !dates_conflict(e, &d)
                });
                if let Some(e) = last {
                    d.actor = None;
                    absorb(e, d);
                }
            }
            continue;
        }
        // "Des membres du gang ont incendié mardi plusieurs maisons…", then "Au moins cinq
        // personnes ont été tuées": the dead, told by no party of their own within two
        // sentences of a burning a named party did, are that attack's toll.
        let burning = (fam == "attack"
            && d.killed.is_some()
            && d.named_actor().is_none()
            && d.modality != "claimed"
            && !d.toll_claimed)
            .then(|| {
                events.iter_mut().rfind(|e| {
                    e.trig.sub_event_type == "Looting/property destruction"
                        && e.sentence < d.sentence
                        && d.sentence <= e.sentence + 2
                        && e.named_actor().is_some()
                        && !dates_conflict(e, &d)
                })
            })
            .flatten();
        if let Some(e) = burning {
            // (A burning that kills is an attack.)
            let trig = d.trig;
            d.weak = false;
            absorb(e, d);
            e.trig = trig;
            continue;
        }
        match events.iter_mut().find(|e| e.family() == fam && e.weak) {
            Some(e) => absorb(e, d),
            None => events.push(d),
        }
    }
    events.sort_by_key(|e| e.first());
    told_in_detail(spoils(continuations(events)))
}

/// "Les bandits ont pillé les commerces et incendié des maisons" or "Des vitrines ont été
/// brisées … en marge du cortège" just after an attack or a protest told at the same place:
/// the destruction done in that incident (ACLED codes the attack or the riot), not a looting
/// of its own. Not one dated on its own, nor one by another named party.
fn spoils(events: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in events {
        let looting = d.trig.sub_event_type == "Looting/property destruction";
        let during = |e: &Draft| {
            matches!(e.family(), "attack" | "protest")
                && e.sentence < d.sentence
                && d.sentence <= e.sentence + 2
                && (d.location.is_none() || place_key(e) == place_key(&d) || within_km(e, &d, 5.0))
                && !actors_conflict(e, &d)
        };
        match out.iter_mut().rev().find(|e| looting && d.date.start.is_none() && during(e)) {
            Some(e) => {
                let mut d = d;
                d.trig = e.trig;
                (d.actor, d.target) = (None, None);
                absorb(e, d);
            }
            None => out.push(d),
        }
    }
    out
}

/// "Au moins sept personnes ont été tuées dans des frappes israéliennes", then each strike
/// told with its dead (two, then five): the plural summary's toll is the sum of the
/// incidents it sums up, so it is no incident of its own and its dead are not counted twice.
/// The incidents take the summary's date and author where they tell none.
fn told_in_detail(mut events: Vec<Draft>) -> Vec<Draft> {
    let mut i = 0;
    while i < events.len() {
        let u = &events[i];
        // (A plural summary, or one placed only in a country or a region: "Russian strikes
        // kill 9 across Ukraine", then five in Odesa and four in Kharkiv.)
        let coarse = u
            .location
            .as_ref()
            .is_some_and(|(l, _)| matches!(l.precision.as_str(), "country" | "admin1"));
        let Some(total) = u.killed.filter(|_| (u.umbrella || coarse) && u.family() == "attack")
        else {
            i += 1;
            continue;
        };
        let parts: Vec<usize> = (i + 1..events.len())
            .filter(|&j| {
                let e = &events[j];
                e.family() == "attack"
                    && !e.umbrella
                    && e.killed.is_some()
                    && match (&u.location, &e.location) {
                        (Some((lu, _)), Some((le, _))) => lu == le || holds(lu, le),
                        _ => true,
                    }
            })
            .collect();
        let sum: u32 = parts.iter().filter_map(|&j| events[j].killed).sum();
        if parts.len() < 2 || sum != total {
            i += 1;
            continue;
        }
        let u = events.remove(i);
        for j in parts {
            let e = &mut events[j - 1];
            if e.date.start.is_none() {
                e.date = u.date.clone();
            }
            if e.named_actor().is_none() && u.named_actor().is_some() {
                (e.actor, e.actor_class) = (u.actor.clone(), u.actor_class);
            }
        }
    }
    events
}

/// "Les assaillants … ont incendié des maisons" right after the attack: the
/// perpetrators going on with the incident told in the sentence before
/// add to it (its kind and actor stay).
fn continuations(events: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for mut d in events {
        let went_on = |e: &Draft| {
            d.continued
                && e.family() == "attack"
                && e.sentence < d.sentence
                && d.sentence <= e.sentence + 1
        };
        match out.iter_mut().rev().find(|e| went_on(e)) {
            Some(e) => {
                d.trig = e.trig;
                d.actor = None;
                absorb(e, d);
            }
            None => out.push(d),
        }
    }
    out
}
