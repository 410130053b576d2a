//! Coding: fine kind, ACLED event type and sub-event type, PLOVER type and mode.
//!
//! A trigger line either fixes the ACLED codes or leaves them to context
//! (`-`). Context decides in this order, following ACLED's codebook:
//! the weapons named (aircraft → Air/drone strike; rockets, missiles,
//! artillery, mortars → Shelling/artillery/missile attack; IEDs and car bombs
//! → Remote explosive/landmine/IED; …), then who attacked whom (a crowd →
//! Mob violence; civilians as targets → Violence against civilians/Attack;
//! armed or police targets → Battles/Armed clash).

use crate::lexicon::PartyClass;

/// The weapon names of the contract.
pub const WEAPONS: [&str; 14] = [
    "rocket",
    "drone",
    "missile",
    "artillery",
    "mortar",
    "aircraft",
    "ied",
    "car_bomb",
    "suicide_vest",
    "firearm",
    "grenade",
    "knife",
    "chemical",
    "other",
];

/// The internal weapon word for heavy guns (heavy machine guns, armoured
/// vehicles' guns, "heavy weapons"): coded like artillery, reported as
/// `firearm` (see [`contract_weapons`]).
pub const HEAVY_GUN: &str = "heavy_gun";

/// The internal weapon word for "small arms" named as such: with heavy
/// weapons, the sign of a clash at close range; reported as `firearm`.
pub const SMALL_ARMS: &str = "small_arms";

/// The weapons of the contract: internal words mapped, duplicates dropped.
pub fn contract_weapons(ws: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in ws {
        let w = if w == HEAVY_GUN || w == SMALL_ARMS { "firearm".to_string() } else { w };
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// ACLED's 6 event types and 25 sub-event types.
pub const ACLED: [(&str, &[&str]); 6] = [
    (
        "Battles",
        &["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    ),
    (
        "Explosions/Remote violence",
        &[
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
    ),
    (
        "Violence against civilians",
        &["Sexual violence", "Attack", "Abduction/forced disappearance"],
    ),
    (
        "Protests",
        &["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    ),
    ("Riots", &["Violent demonstration", "Mob violence"]),
    (
        "Strategic developments",
        &[
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
    ),
];

/// True when `sub` is one of `event_type`'s sub-event types.
pub fn is_acled_sub(event_type: &str, sub: &str) -> bool {
    ACLED.iter().any(|(t, subs)| *t == event_type && subs.contains(&sub))
}

/// The event type a sub-event type belongs to.
pub fn acled_type_of(sub: &str) -> &'static str {
    ACLED
        .iter()
        .find(|(_, subs)| subs.contains(&sub))
        .map(|(t, _)| *t)
        .unwrap_or("Strategic developments")
}

/// Family used when merging mentions (as in the scorer's families).
pub fn family(kind: &str) -> &'static str {
    match kind {
        "statement" | "threat" | "ceasefire" | "agreement" => "statement",
        "arrest" => "arrest",
        "protest" | "riot" => "protest",
        "other" => "other",
        _ => "attack",
    }
}

/// How specific a trigger is: the most specific trigger of a clause names
/// its event. Explicit clashes outrank the weapons used in them, and a
/// disrupted weapon (defused, shot down) outranks the weapon.
pub fn trigger_rank(kind: &str, sub: &str) -> u8 {
    match sub {
        // (Territory changes hands in a fight: ACLED codes the change.)
        s if s.ends_with("territory") => 13,
        "Disrupted weapons use" => 12,
        "Armed clash" if kind == "armed_clash" => 11,
        _ => specificity(kind),
    }
}

/// How specific a kind is.
pub fn specificity(kind: &str) -> u8 {
    match kind {
        "suicide_bombing" => 10,
        "airstrike" | "drone_strike" => 9,
        "rocket_attack" | "missile_attack" | "shelling" => 8,
        "bombing" => 7,
        "abduction" | "assassination" => 7,
        "ambush" => 6,
        "armed_clash" => 5,
        "riot" => 5,
        "protest" => 4,
        "arrest" => 3,
        "attack" | "raid" => 3,
        "other" => 2,
        _ => 1,
    }
}

/// A coded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    /// Fine kind.
    pub kind: String,
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub: String,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
}

/// What the context says about an event to code.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// Kind from the trigger.
    pub kind: &'a str,
    /// ACLED sub-event type fixed by the trigger (empty: from context).
    pub sub: &'a str,
    /// PLOVER type and mode from the trigger.
    pub plover: &'a str,
    /// PLOVER mode from the trigger.
    pub mode: &'a str,
    /// Weapons named.
    pub weapons: &'a [String],
    /// Class of the actor, when known.
    pub actor: Option<PartyClass>,
    /// Class of the target, when known.
    pub target: Option<PartyClass>,
    /// Protest refinement class from the document ("intervention", …).
    pub protest: Option<&'a str>,
    /// The text reports a crowd size ("[size=…]"): a crowd event.
    pub crowd: bool,
    /// The document tells of a protest.
    pub protest_doc: bool,
    /// The crowd voices a demand ("demanding rations"): its violence is a
    /// violent demonstration, even when the text calls it a mob.
    pub demands: bool,
    /// The other side answered ("responded", "fired back", "exchanged
    /// fire", "a riposté"): heavy weapons fired both ways are a clash.
    pub two_sided: bool,
    /// The actor is a state's force (military, police, state), not a group or a crowd.
    pub state_actor: bool,
}

fn c(kind: &str, sub: &str, plover: &str, mode: Option<&str>) -> Coding {
    Coding {
        kind: kind.to_string(),
        event_type: acled_type_of(sub).to_string(),
        sub: sub.to_string(),
        plover: plover.to_string(),
        mode: mode.map(str::to_string),
    }
}

/// Codes an event from its trigger and context.
pub fn code(x: &Context<'_>) -> Coding {
    let has = |w: &str| x.weapons.iter().any(|v| v == w || (w == "firearm" && v == SMALL_ARMS));
    let mode = (!x.mode.is_empty()).then_some(x.mode);
    if family(x.kind) == "protest" {
        return code_protest(x, mode);
    }
    // A crowd-size note on an arrest, looting or other development: the
    // crowd is the event (a protest, or a riot when the text says so).
    if x.crowd && matches!(family(x.kind), "arrest" | "other") {
        let p = if x.kind == "arrest" && x.protest.is_none() {
            Some("intervention")
        } else {
            x.protest
        };
        return code_protest(&Context { kind: "protest", protest: p, ..x.clone() }, Some("demo"));
    }
    // A state's forces firing live rounds on protesters ("opened fire on protesters, killing
    // one"): ACLED's excessive force against protesters, not an attack on civilians; tear gas
    // or batons: a protest with intervention.
    if x.state_actor
        && matches!(x.target, Some(PartyClass::Crowd))
        && family(x.kind) == "attack"
        && matches!(x.sub, "" | "Attack")
    {
        let class = if has("firearm") { "force" } else { "intervention" };
        return code_protest(&Context { protest: Some(class), ..x.clone() }, Some("demo"));
    }
    let crowd = x.crowd || matches!(x.actor, Some(PartyClass::Crowd));
    if !x.sub.is_empty() {
        // A crowd that attacks or fights is mob violence, whatever the verb.
        if crowd && matches!(x.sub, "Attack" | "Armed clash") {
            return mob(x);
        }
        // Small arms fired with the heavy weapons: the sides are in contact,
        // an armed clash (ACLED's codebook).
        let shelled = x.sub == "Shelling/artillery/missile attack";
        if shelled && (x.two_sided || (has(SMALL_ARMS) && x.kind == "shelling")) {
            return c("armed_clash", "Armed clash", "FIGHT", Some("heavy-weapons"));
        }
        return c(x.kind, x.sub, x.plover, mode);
    }
    // "militants armed with heavy weapons stormed a post": a raid at close range, whatever
    // the arms carried.
    let close = x.kind == "raid";
    let shelling = if close {
        None
    } else if has("missile") {
        Some("missile_attack")
    } else if has("rocket") {
        Some("rocket_attack")
    } else if has("artillery") || has("mortar") || has(HEAVY_GUN) {
        Some("shelling")
    } else {
        None
    };
    if has("chemical") {
        return c("attack", "Chemical weapon", "ASSAULT", Some("unconventional"));
    }
    if has("suicide_vest") {
        return c("suicide_bombing", "Suicide bomb", "ASSAULT", Some("suicide-attack"));
    }
    if has("aircraft") && !matches!(x.kind, "bombing") {
        return c("airstrike", "Air/drone strike", "ASSAULT", Some("aerial"));
    }
    let armed =
        |p: Option<PartyClass>| matches!(p, Some(PartyClass::Armed) | Some(PartyClass::Police));
    if armed(x.actor) && armed(x.target) && has("firearm") {
        return c(x.kind, "Armed clash", "FIGHT", Some("small-arms"));
    }
    if shelling.is_some() && x.two_sided {
        return c("armed_clash", "Armed clash", "FIGHT", Some("heavy-weapons"));
    }
    if let Some(k) = shelling {
        return c(k, "Shelling/artillery/missile attack", "ASSAULT", Some("heavy-weapons"));
    }
    // "pounded", "pilonné": heavy fire, from guns unless the clause names aircraft (above) or
    // drones.
    if x.kind == "shelling" && !has("drone") {
        if x.two_sided || has(SMALL_ARMS) {
            return c("armed_clash", "Armed clash", "FIGHT", Some("heavy-weapons"));
        }
        return c(
            "shelling",
            "Shelling/artillery/missile attack",
            "ASSAULT",
            Some("heavy-weapons"),
        );
    }
    if has("drone") {
        return c("drone_strike", "Air/drone strike", "ASSAULT", Some("drone"));
    }
    // "une frappe israélienne": a strike named as a noun, no other weapon said, is aerial.
    if x.kind == "airstrike" {
        return c("airstrike", "Air/drone strike", "ASSAULT", Some("aerial"));
    }
    if has("ied") || has("car_bomb") || x.kind == "bombing" {
        return c("bombing", "Remote explosive/landmine/IED", "ASSAULT", Some("explosives"));
    }
    if has("grenade") {
        return c(x.kind, "Grenade", "ASSAULT", Some("explosives"));
    }
    if crowd {
        return mob(x);
    }
    let armed_target = armed(x.target);
    let mode = mode.or(if has("firearm") { Some("firearms") } else { None });
    if armed_target || x.kind == "armed_clash" {
        return c(x.kind, "Armed clash", "FIGHT", Some("small-arms"));
    }
    c(x.kind, "Attack", "ASSAULT", mode)
}

/// Violence by a crowd: a violent demonstration when the story is a protest,
/// else mob violence.
fn mob(x: &Context<'_>) -> Coding {
    if x.protest_doc {
        c("riot", "Violent demonstration", "PROTEST", Some("riot"))
    } else {
        c("riot", "Mob violence", "ASSAULT", Some("beat"))
    }
}

fn code_protest(x: &Context<'_>, mode: Option<&str>) -> Coding {
    match (x.kind, x.protest) {
        ("riot", _) if x.sub == "Mob violence" && !x.demands => {
            c("riot", "Mob violence", "ASSAULT", Some("beat"))
        }
        (_, Some("force")) => {
            c("protest", "Excessive force against protesters", "PROTEST", Some("demo"))
        }
        ("riot", _) | (_, Some("violent")) => {
            c("riot", "Violent demonstration", "PROTEST", Some("riot"))
        }
        (_, Some("intervention")) => {
            c("protest", "Protest with intervention", "PROTEST", mode.or(Some("demo")))
        }
        _ => c("protest", "Peaceful protest", "PROTEST", mode.or(Some("demo"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_sub_types() {
        assert_eq!(ACLED.iter().map(|(_, s)| s.len()).sum::<usize>(), 25);
    }

    #[test]
    fn context_decides_codes() {
        let w = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let air = w(&["aircraft"]);
        let rd = w(&["rocket", "drone"]);
        let mortar = w(&["mortar"]);
        let cases: Vec<(Context, &str, &str)> = vec![
            (
                Context { kind: "attack", weapons: &air, ..Default::default() },
                "airstrike",
                "Air/drone strike",
            ),
            (
                Context { kind: "attack", weapons: &rd, ..Default::default() },
                "rocket_attack",
                "Shelling/artillery/missile attack",
            ),
            (
                Context {
                    kind: "attack",
                    target: Some(PartyClass::Civilian),
                    ..Default::default()
                },
                "attack",
                "Attack",
            ),
            (
                Context { kind: "attack", target: Some(PartyClass::Armed), ..Default::default() },
                "attack",
                "Armed clash",
            ),
            (
                Context { kind: "attack", actor: Some(PartyClass::Crowd), ..Default::default() },
                "riot",
                "Mob violence",
            ),
            (
                Context { kind: "bombing", ..Default::default() },
                "bombing",
                "Remote explosive/landmine/IED",
            ),
            (
                Context { kind: "protest", protest: Some("intervention"), ..Default::default() },
                "protest",
                "Protest with intervention",
            ),
            (Context { kind: "protest", ..Default::default() }, "protest", "Peaceful protest"),
            (
                Context {
                    kind: "shelling",
                    sub: "Shelling/artillery/missile attack",
                    two_sided: true,
                    ..Default::default()
                },
                "armed_clash",
                "Armed clash",
            ),
            (
                Context { kind: "attack", weapons: &mortar, two_sided: true, ..Default::default() },
                "armed_clash",
                "Armed clash",
            ),
            (
                Context { kind: "attack", weapons: &mortar, ..Default::default() },
                "shelling",
                "Shelling/artillery/missile attack",
            ),
        ];
        for (x, kind, sub) in cases {
            let got = code(&x);
            assert_eq!((got.kind.as_str(), got.sub.as_str()), (kind, sub), "{x:?}");
            assert!(is_acled_sub(&got.event_type, &got.sub));
        }
    }

    #[test]
    fn issue5_heavy_guns_one_sided_are_shelling_small_arms_make_a_clash() {
        let w = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let hmg = w(&[HEAVY_GUN, "artillery"]);
        let armed = Some(PartyClass::Armed);
        let x = Context {
            kind: "attack",
            weapons: &hmg,
            actor: armed,
            target: armed,
            ..Default::default()
        };
        assert_eq!(code(&x).sub, "Shelling/artillery/missile attack");
        let both = w(&[HEAVY_GUN, SMALL_ARMS]);
        let x = Context {
            kind: "attack",
            weapons: &both,
            actor: armed,
            target: armed,
            ..Default::default()
        };
        assert_eq!(code(&x).sub, "Armed clash");
        let sa = w(&[SMALL_ARMS]);
        let x = Context {
            kind: "shelling",
            sub: "Shelling/artillery/missile attack",
            weapons: &sa,
            ..Default::default()
        };
        assert_eq!(code(&x).sub, "Armed clash");
        assert_eq!(
            contract_weapons(w(&[HEAVY_GUN, SMALL_ARMS, "mortar"])),
            w(&["firearm", "mortar"])
        );
    }
}
