//! Who did it, and to whom: actor and target from the clause.
//!
//! * Active voice: the actor is the nearest actor mention before the
//!   trigger, the target the first one after it.
//! * Passive voice ("Y a été la cible de…", "Y was targeted by X"): the
//!   target stands before the trigger, the actor after "par"/"by".
//! * Nominal triggers ("des frappes américaines", "attack by X on Y"): a
//!   demonym right after the noun or a "par/by" phrase names the actor,
//!   "contre/sur/visant/against/on/targeting" the target.
//!
//! A demonym inside a noun phrase stands for its whole phrase: "des avions de
//! chasse américains" is the US military, "une base militaire américaine" a
//! US military target. When the text names no perpetrator the actor is
//! unknown; it is never guessed.

use sitrep_model::{ActorMention, Analysis, EntityKind, Party, Span};

use crate::clause::{words, words_before, DETERMINERS};
use crate::cues::cues;
use crate::fold::Folded;
use crate::lexicon::{PartyClass, LEXICON};

const AGENT: [&str; 2] = ["par", "by"];
/// Words after which a noun phrase is a complement, not the head of its clause.
pub(crate) const PREPOSITIONS: [&str; 16] = [
    "de", "d", "du", "des", "dans", "a", "en", "pres", "in", "of", "near", "at", "from", "au",
    "aux", "with",
];

/// A resolved party with its class for coding.
#[derive(Debug, Clone, Default)]
pub struct Role {
    /// The party.
    pub party: Option<Party>,
    /// Its class, when known.
    pub class: Option<PartyClass>,
    /// The span that names it.
    pub span: Option<Span>,
}

/// Actor and target of one trigger in `region` (a clause or conjunct).
pub fn roles(
    a: &Analysis<'_>,
    f: &Folded,
    clause: Span,
    region: Span,
    trigger: Span,
    passive: bool,
    noun: bool,
) -> (Role, Role) {
    // The party that tells the event ("…, a annoncé l'armée malienne") takes
    // no part in it.
    let told_by = crate::report::around(a, f, clause, trigger);
    // A mention that begins inside the trigger and runs past it ("une attaque de [drones
    // russes]", "a [drone strike by Russia]" is not one): the armed party the trigger names.
    let tails = |m: &ActorMention| {
        m.span.start > trigger.start
            && m.span.start < trigger.end
            && m.span.end > trigger.end
            && matches!(m.kind, EntityKind::Military | EntityKind::State | EntityKind::ArmedGroup)
    };
    let inside: Vec<&ActorMention> = a
        .actors
        .iter()
        .filter(|m| {
            // A mention the trigger ends ("Saudi-led coalition airstrikes") names its actor.
            let heads = m.span.start < trigger.start && m.span.end <= trigger.end;
            clause.contains(&m.span)
                && (heads || tails(m) || !m.span.overlaps(&trigger))
                && !in_place(a, f, m)
                && !at_border(f, clause, m)
                && !place_descriptor(f, clause, m)
                && !told_by.iter().any(|r| r.span.contains(&m.span))
                && !heads_label(a, f, clause, m)
                && !gloss(a, m)
                && !kin_only(a, f, clause, m)
                && !verifier(f, clause, m)
                && !public_facility(f, clause, m)
        })
        .collect();
    // "Al Shabaab, the al Qaeda-linked group fighting to topple the government, claimed…": a
    // party named inside an apposition before the trigger describes the subject.
    let appositive = apposition(a.text(), clause.start, trigger.start);
    let before: Vec<&ActorMention> = inside
        .iter()
        .copied()
        .filter(|m| m.span.start < trigger.start)
        .filter(|m| appositive.is_none_or(|(s, e)| m.span.end <= s || m.span.start >= e))
        .collect();
    // (Not past a reporting clause after the trigger: "un cessez-le-feu …, a annoncé le
    // président américain, au terme de négociations menées par les États-Unis" names no
    // party of the ceasefire there.)
    let past_report = |m: &ActorMention| {
        told_by.iter().any(|r| r.span.start >= trigger.end && r.span.end <= m.span.start)
    };
    let after: Vec<&ActorMention> =
        inside.iter().copied().filter(|m| m.span.start >= trigger.end && !past_report(m)).collect();
    let prev_word = |m: &ActorMention| word_before_np(f, clause.start, m.span.start);
    // ("la capitale contrôlée par les rebelles houthis", "a Kyiv-controlled town", "backed by":
    // the agent of a participle describing a place or a party, not of the trigger.)
    let describing = |m: &ActorMention| {
        let w = words_before(f, clause.start, m.span.start, 4);
        let p = w.iter().rposition(|w| AGENT.contains(w));
        p.and_then(|p| p.checked_sub(1)).is_some_and(|k| cues().describing.contains(&w[k]))
    };
    let agent = after
        .iter()
        .copied()
        .find(|m| AGENT.contains(&prev_word(m).as_str()) && !describing(m))
        .or_else(|| {
            // "par des combattants du Tehreek-e-Taliban Pakistan", "by fighters of the X": the
            // common noun is no mention of its own, the group it belongs to is the agent.
            after.iter().copied().find(|m| {
                m.kind == EntityKind::ArmedGroup && !m.adjectival && {
                    let ws = words_before(f, clause.start, m.span.start, 6);
                    ws.iter().rposition(|w| AGENT.contains(w)).is_some_and(|p| {
                        let rest = &ws[p + 1..];
                        rest.iter().any(|w| cues().member_nouns.contains(w))
                            && rest.iter().all(|w| {
                                cues().member_nouns.contains(w) || cues().member_of.contains(w)
                            })
                    })
                }
            })
        });
    // "par des jihadistes présumés de Boko Haram", "by gunmen of the X": the
    // named group the common noun belongs to is the agent.
    let named = agent.and_then(|g| member_of(a, f, g, &after));
    let after: Vec<&ActorMention> = match named {
        Some(_) => after.into_iter().filter(|m| Some(*m) != agent).collect(),
        None => after,
    };
    let agent = named.or(agent);
    let against = after.iter().copied().find(|m| cues().against.contains(&prev_word(m).as_str()));
    let in_region = |m: &&ActorMention| region.contains(&m.span) || region == clause;
    // The objects of an active verb split into conjuncts ("bombed X, Y and Z") share the
    // verb's subject.
    let subject_in_region = |m: &&ActorMention| in_region(m) || region.start >= trigger.end;
    // ("des frappes américaines": a French adjective follows its noun; an English one right
    // after the trigger belongs to the next noun, "drone attack hits Saudi oil facility".)
    let reach = if a.lang == sitrep_model::Lang::Fr { 2 } else { 0 };
    let near_after = inside.iter().copied().find(|m| tails(m)).or_else(|| {
        after.iter().copied().find(|m| {
            m.adjectival
                && words(f, f.folded_at(trigger.end), f.folded_at(m.span.start)).len() <= reach
        })
    });
    // The subject: the nearest mention before the trigger that is neither a
    // complement ("of X", "in X") nor a second conjunct ("X and Y clashed").
    let subject = before
        .iter()
        .copied()
        .rfind(|m| {
            let w = prev_word(m);
            let w = w.as_str();
            !cues().against.contains(&w)
                && !PREPOSITIONS.contains(&w)
                && !COORD.contains(&w)
                && !in_parens(a.text(), clause.start, m.span.start)
                && subject_in_region(m)
        })
        .or_else(|| {
            before
                .iter()
                .copied()
                .rfind(|m| !cues().against.contains(&prev_word(m).as_str()) && subject_in_region(m))
        });
    // "clashes between X and Y": X acts, Y is the other side.
    let between = between_pair(f, clause, trigger, &after);
    let bg = noun && background(a, f, clause, trigger);
    let suspect = |m: &ActorMention| crate::author_cued(a, clause.start, m.span);
    let head = before
        .iter()
        .copied()
        .filter(in_region)
        .find(|m| !PREPOSITIONS.contains(&prev_word(m).as_str()))
        .or_else(|| before.iter().copied().rfind(in_region));
    // "Gunmen kill 12 worshippers in mosque attack", "killed 30 militants in a series of
    // raids": a noun in a complement of the clause's verb is done by the clause's subject.
    let complement_noun = noun && {
        let prep = |w: &str| matches!(w, "in" | "during" | "dans" | "lors" | "with" | "avec");
        prep(word_before_np(f, clause.start, trigger.start).as_str())
            || words_before(f, clause.start, trigger.start, 4).iter().any(|w| prep(w))
    };
    let participle = !noun && !passive && {
        let t = f.text.get(f.folded_at(trigger.start)..f.folded_at(trigger.end)).unwrap_or("");
        let w = t.split_whitespace().next().unwrap_or("");
        (w.ends_with("ing") || w.ends_with("ant"))
            && a.text().get(clause.start..trigger.start).is_some_and(|b| b.contains(','))
    };
    // ("Sudan's paramilitary Rapid Support Forces killed…": the possessor of the subject is
    // not it.)
    let possessor = |m: &ActorMention| {
        let rest = a.text().get(m.span.end..).unwrap_or("");
        (rest.starts_with("'s ") || rest.starts_with("’s "))
            && before.iter().any(|n| n.span.start > m.span.end && n.span.start <= m.span.end + 24)
    };
    let first_subject = before.iter().copied().find(|m| {
        let w = prev_word(m);
        !PREPOSITIONS.contains(&w.as_str())
            && !cues().against.contains(&w.as_str())
            && in_region(m)
            && !possessor(m)
    });
    let (actor, target) = if let Some((x, y)) = between {
        (Some(x), y)
    } else if passive {
        (agent, head)
    } else if noun {
        // "GNA air force killed six civilians in an airstrike": the noun is a
        // complement; its actor is the clause's subject, not the nearest name.
        let complement = complement_noun;
        let first = first_subject;
        let subject = if complement { first.or(subject) } else { subject };
        // "le gouvernement a décrété un couvre-feu après l'enlèvement de…":
        // an event named as the background of another verb is not done by
        // that verb's subject.
        let subject = if bg { None } else { subject };
        // "un bombardement de l'armée syrienne sur la ville d'Ariha": an armed party in the
        // genitive right after the noun does it ("the shelling of the town" names no party).
        // (An adjective may come first: "une frappe aérienne de l'armée".)
        let genitive = after.first().copied().filter(|m| {
            let between = words(f, f.folded_at(trigger.end), f.folded_at(m.span.start));
            let k = between.iter().take(2).position(|w| matches!(*w, "de" | "du" | "des" | "d"));
            k.is_some_and(|k| {
                between.len() <= k + 2
                    && (k == 0 || !cues().against.contains(&between[0]))
                    && between[k + 1..].iter().all(|w| matches!(*w, "l" | "la" | "le" | "les"))
            }) && (matches!(class_of(m), Some(PartyClass::Armed) | Some(PartyClass::Police))
                || outlaws(m))
        });
        // "une attaque du gang Gran Grif": the name right after the group's noun is the group.
        let genitive = genitive.map(|g| {
            after
                .iter()
                .copied()
                .find(|m| {
                    m.span.start > g.span.end
                        && a.text()
                            .get(g.span.end..m.span.start)
                            .is_some_and(|b| b.trim().is_empty())
                        && m.kind == EntityKind::ArmedGroup
                })
                .unwrap_or(g)
        });
        let named_by = |m: &ActorMention| {
            genitive.is_some_and(|g| {
                m.span.end <= g.span.start
                    && a.text().get(m.span.end..g.span.start).is_some_and(|b| b.trim().is_empty())
            })
        };
        (
            agent.or(near_after).or(genitive).or(subject),
            against.or_else(|| {
                after.iter().copied().find(|m| {
                    Some(*m) != agent
                        && Some(*m) != near_after
                        && Some(*m) != genitive
                        && !named_by(m)
                        && !m.adjectival
                        && !suspect(m)
                })
            }),
        )
    } else {
        // "Gunmen attacked a mosque…, killing 12 worshippers and abducting several others": a
        // participle after a comma is done by the clause's subject, not the nearest noun.
        let subject = if participle { first_subject.or(subject) } else { subject };
        (subject.or(agent), after.iter().copied().find(|m| Some(*m) != agent && !suspect(m)))
    };
    // A group the text names as the suspected author ("bore the hallmarks
    // of X") is not the target.
    let target = target.filter(|m| !suspect(m));
    // "L'armée a attribué l'attaque aux ADF", "blamed the attack on X": the party the event is
    // laid at is its author, not its target.
    let laid =
        words_before(f, clause.start, trigger.start, 3).iter().any(|w| cues().accuse.contains(w))
            && target
                .is_some_and(|m| matches!(prev_word(m).as_str(), "aux" | "au" | "a" | "to" | "on"));
    let (actor, target) = if laid { (target, None) } else { (actor, target) };
    // "Israel and Hamas have agreed to a ceasefire", "X and Y clashed": the second of two
    // coordinated subjects is the other party.
    // (Only for a verb two sides do together: allies who "fired at" a third party both act.)
    let mutual = || {
        let t = f.text.get(f.folded_at(trigger.start)..f.folded_at(trigger.end)).unwrap_or("");
        t.split_whitespace().any(|w| cues().mutual.iter().any(|m| w.starts_with(m)))
    };
    let target = target.or_else(|| {
        let x = actor.filter(|_| !passive && mutual())?;
        before.iter().copied().find(|m| {
            m.span.start > x.span.end
                && a.text().get(x.span.end..m.span.start).is_some_and(|g| {
                    // ("Israël et le Hezbollah": an article may lead the second.)
                    let ws: Vec<&str> = g.split_whitespace().collect();
                    matches!(ws.first(), Some(&("and" | "et" | "&")))
                        && ws[1..].iter().all(|w| matches!(*w, "le" | "la" | "les" | "the"))
                        && ws.len() <= 2
                })
        })
    });
    // "X repelled an attack by Y", "X repelled a Y attack", "Y were killed
    // when X repulsed their attack": the attack is Y's; Y started the fight.
    let (actor, target) =
        match repelled_attacker(a, f, clause, trigger, &after, actor.map(|m| m.span)) {
            Some(y) if actor.is_some_and(|x| x.span != y.span) => (Some(y), actor),
            Some(y) if actor.is_none() => (Some(y), target),
            _ => (actor, target),
        };
    let actor = actor.filter(|m| !witness_only(f, clause, m, trigger, noun));
    // "Yemen's Houthi rebels said on Monday they had fired missiles at a ship", "les
    // rebelles ont affirmé qu'ils avaient tiré": a pronoun subject after an armed party's
    // reporting verb is that party, telling what it did itself.
    // So is the teller of an infinitive ("la police a indiqué avoir neutralisé trois membres
    // du gang lors d'un échange de tirs", "the army said it had…").
    let actor = actor.or_else(|| {
        if passive {
            return None;
        }
        let r = told_by.iter().rev().find(|r| r.span.end <= trigger.start)?;
        let next = words(f, f.folded_at(r.span.end), f.folded_at(trigger.start));
        let infinitive = next.first().is_some_and(|w| *w == "avoir")
            || next.starts_with(&["to", "have"])
            || next.first().is_some_and(|w| *w == "having");
        let w = words_before(f, clause.start, trigger.start, 3);
        let pronoun = !noun
            && w.iter().take(2).any(|w| {
                matches!(*w, "they" | "it" | "we" | "ils" | "elles" | "nous" | "qu'ils" | "quils")
            });
        if !(pronoun || infinitive) {
            return None;
        }
        a.actors
            .iter()
            .find(|m| {
                r.span.contains(&m.span)
                    && !m.adjectival
                    && !kin_only(a, f, clause, m)
                    && (matches!(class_of(m), Some(PartyClass::Armed) | Some(PartyClass::Police))
                        || matches!(m.kind, EntityKind::Military | EntityKind::ArmedGroup))
            })
            // "The al Qaeda-linked group said it had…": the group named before.
            .or_else(|| the_group(a, f, clause, Span::new(r.span.end, r.span.end)))
    });
    let actor_role = actor.map(|m| party_of(a, f, clause, m)).unwrap_or_else(|| {
        // A party noun before an active trigger ("residents beat…").
        if passive || bg {
            return Role::default();
        }
        // After the reporting clause, if one leads ("According to the police, …").
        let from = told_by
            .iter()
            .map(|r| r.span.end)
            .filter(|e| *e <= trigger.start)
            .max()
            .unwrap_or(clause.start)
            .max(clause.start);
        let r = noun_role(a, f, Span::new(from, trigger.start), !complement_noun && !participle);
        // "a man was shot and killed in a drive-by shooting": the victim.
        let victim = r.span.is_some_and(|sp| {
            words(f, f.folded_at(sp.end), f.folded_at(trigger.start))
                .iter()
                .any(|w| VICTIM_AUX.contains(w) || cues().died.contains(w))
        });
        if victim {
            Role::default()
        } else {
            r
        }
    });
    // "…said that the group would continue to attack ships", "le groupe a revendiqué": a
    // definite group noun as the subject names the armed group told just before.
    let actor_role = match actor_role.party {
        None if !passive && !bg => the_group(a, f, clause, trigger)
            .map(|m| party_of(a, f, clause, m))
            .unwrap_or(actor_role),
        _ => actor_role,
    };
    // "l'attaque jihadiste", "a militant attack": the armed noun right after
    // (or before) the attack noun names who attacked.
    let descriptor = (noun && target.is_none())
        .then(|| {
            let r = noun_role(a, f, Span::new(trigger.end, clause.end), false);
            let adjacent = r.span.is_some_and(|sp| {
                words(f, f.folded_at(trigger.end), f.folded_at(sp.start)).is_empty()
                    && words(f, f.folded_at(sp.start), f.folded_at(sp.end)).len() == 1
            });
            (adjacent && r.class == Some(PartyClass::Armed)).then_some(r)
        })
        .flatten();
    let (actor_role, descriptor) = match descriptor {
        Some(mut d) if actor_role.party.is_none() => {
            // Fighters named by a common noun only: an unidentified armed group.
            if let Some(p) = d.party.as_mut() {
                p.canonical = Some(UNIDENTIFIED.to_string());
                p.kind = "armed_group".to_string();
            }
            (d, true)
        }
        Some(_) => (actor_role, true),
        None => (actor_role, false),
    };
    let target_role = target.map(|m| party_of(a, f, clause, m)).unwrap_or_else(|| {
        if descriptor {
            return Role::default();
        }
        let r = if passive {
            // After the reporting clause, if one leads.
            let start = told_by
                .iter()
                .map(|r| r.span.end)
                .filter(|e| *e <= trigger.start)
                .max()
                .unwrap_or(0)
                .max(region.start.min(trigger.start));
            Span::new(start, trigger.start)
        } else {
            // Up to the reporting clause, if one follows.
            let end = told_by
                .iter()
                .map(|r| r.span.start)
                .filter(|s| *s >= trigger.end)
                .min()
                .unwrap_or(clause.end)
                .min(clause.end);
            Span::new(trigger.end, end)
        };
        noun_role(a, f, r, false)
    });
    // One phrase never names both sides ("tué par un policier": the police officer acts).
    // (A target inside the actor's phrase may be its second conjunct: "Burundian and Rwandan
    // soldiers clashed".)
    let same = matches!((actor_role.span, target_role.span),
        (Some(x), Some(y)) if y.start <= x.start && x.end <= y.end);
    let target_role = if same { Role::default() } else { target_role };
    (actor_role, target_role)
}

/// The armed group "the group" before the trigger refers to: the last armed group named
/// before it, in its sentence or the one before.
pub(crate) fn the_group<'a>(
    a: &'a Analysis<'_>,
    f: &Folded,
    clause: Span,
    trigger: Span,
) -> Option<&'a ActorMention> {
    // (Up to three words between: "the al Qaeda-linked group".)
    let ws = words_before(f, clause.start, trigger.start, 8);
    let refers = ws.iter().enumerate().any(|(i, w)| {
        cues().group_nouns.contains(w)
            && ws[i.saturating_sub(4)..i].iter().any(|d| crate::mention::DEFINITE.contains(d))
    });
    if !refers {
        return None;
    }
    let si = a.seg.sentences.iter().position(|s| s.span.contains(&trigger))?;
    let from = a.seg.sentences[si.saturating_sub(1)].span.start;
    a.actors.iter().rev().find(|m| {
        m.span.start >= from
            && m.span.end <= trigger.start
            && m.kind == EntityKind::ArmedGroup
            && !kin_only(a, f, clause, m)
    })
}

/// The byte range of an apposition between a clause's start and its trigger: ", the … ," or
/// ", un … ," right after a name (a capitalised word), closed by a comma before the trigger.
fn apposition(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let s = text.get(from..to)?;
    let open = s.find(", ")?;
    let rest = &s[open + 2..];
    // A noun phrase, or a participle of support or allegiance ("Les rebelles du M23, soutenus
    // par le Rwanda, se sont emparés…", "the RSF, backed by the UAE, shelled…").
    let det = ["the ", "a ", "an ", "le ", "la ", "les ", "l'", "l’", "un ", "une "];
    if !det.iter().chain(cues().apposition.iter()).any(|d| rest.starts_with(d)) {
        return None;
    }
    // A name before it.
    let name = s[..open].split_whitespace().last()?;
    if !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let close = rest.find(',')?;
    Some((from + open + 2, from + open + 2 + close))
}

/// True when the nominal trigger at `t` is introduced as the background of
/// another verb: "after the kidnapping", "à la suite de l'attaque", "in the
/// wake of the attack".
fn background(a: &Analysis<'_>, f: &Folded, clause: Span, t: Span) -> bool {
    // Only when the clause tells no event before it ("conducted a raid …
    // after an exchange of fire" is the raid's own fight).
    let told = LEXICON.triggers.find(f, f.folded_at(clause.start), f.folded_at(t.start), a.lang);
    if told.iter().any(|h| {
        let tr = &LEXICON.triggers.values[h.entry];
        !tr.weak && matches!(crate::code::family(&tr.kind), "attack" | "protest" | "arrest")
    }) {
        return false;
    }
    let ws = words_before(f, clause.start, t.start, 4);
    let ws: Vec<&str> = ws.into_iter().filter(|w| !DETERMINERS.contains(w)).collect();
    let n = ws.len();
    let w1 = ws.last().copied().unwrap_or("");
    let w2 = if n >= 2 { ws[n - 2] } else { "" };
    cues().background_noun.contains(&w1)
        || (matches!(w1, "a" | "de" | "of" | "d") && matches!(w2, "suite" | "wake" | "lendemain"))
}

/// The attacker of an attack that the clause's subject beat off: "an
/// attack by Y" / "une attaque de Y", "a Y attack", or "their attack" with
/// Y the armed party named earlier in the sentence.
fn repelled_attacker<'m>(
    a: &'m Analysis<'_>,
    f: &Folded,
    clause: Span,
    t: Span,
    after: &[&'m ActorMention],
    subject: Option<Span>,
) -> Option<&'m ActorMention> {
    let verb = f.text.get(f.folded_at(t.start)..f.folded_at(t.end))?;
    if !cues().repel.iter().any(|r| verb.starts_with(r)) {
        return None;
    }
    let ws = words(f, f.folded_at(t.end), f.folded_at(clause.end));
    let k = ws.iter().take(5).position(|w| cues().attack_nouns.contains(w))?;
    let between = &ws[..k];
    if between.iter().any(|w| matches!(*w, "their" | "leur" | "leurs")) {
        let s = a.seg.sentences.iter().find(|s| s.span.contains(&clause))?;
        return a.actors.iter().find(|m| {
            m.span.start >= s.span.start
                && m.span.end <= t.start
                && subject.is_none_or(|x| !x.overlaps(&m.span))
                && matches!(m.kind, EntityKind::ArmedGroup | EntityKind::Military)
        });
    }
    // The mention inside the noun phrase before the attack noun ("a Y
    // attack"), or right after it as its agent ("by Y", "de Y").
    let dist = |m: &ActorMention| words(f, f.folded_at(t.end), f.folded_at(m.span.start)).len();
    after.iter().copied().find(|m| {
        let w = word_before_np(f, clause.start, m.span.start);
        dist(m) < k
            || (dist(m) <= k + 2
                && !m.adjectival
                && matches!(w.as_str(), "by" | "par" | "de" | "du" | "des" | "from"))
    })
}

/// Passive auxiliaries: a subject that underwent something before a
/// nominal trigger is not its actor.
const VICTIM_AUX: [&str; 6] = ["was", "were", "been", "ete", "fut", "furent"];
/// Words that join a second conjunct.
const COORD: [&str; 4] = ["and", "et", "ou", "or"];

/// True when mention `m` is only the witness or the victim of a nominal
/// trigger: a reporting verb or a passive stands between it and the trigger.
fn witness_only(f: &Folded, clause: Span, m: &ActorMention, t: Span, noun: bool) -> bool {
    if !noun || m.span.end > t.start {
        return false;
    }
    let ws = words(f, f.folded_at(m.span.end), f.folded_at(t.start));
    let _ = clause;
    // "X were killed when their vehicle hit a roadside bomb": a victim.
    ws.iter().any(|w| cues().witness.contains(w) || VICTIM_AUX.contains(w))
}

/// "between X and Y" (or "entre X et Y") right after the trigger: the
/// first mention after it acts, the next one is the other side.
fn between_pair<'m>(
    f: &Folded,
    clause: Span,
    t: Span,
    after: &[&'m ActorMention],
) -> Option<(&'m ActorMention, Option<&'m ActorMention>)> {
    let fs = f.folded_at(t.end);
    let fe = f.folded_at(clause.end);
    let ws = words(f, fs, fe);
    let k = ws.iter().take(5).position(|w| *w == "between" || *w == "entre")?;
    // Folded offset of that word.
    let mut at = fs;
    for w in ws.iter().take(k + 1) {
        at = f.text.get(at..)?.find(w).map(|i| at + i + w.len())?;
    }
    let from = f.orig(at);
    let mut it = after.iter().copied().filter(|m| m.span.start >= from && !m.adjectival);
    let x = it.next()?;
    Some((x, it.next()))
}

/// The word before the noun phrase at `off`, skipping determiners.
pub(crate) fn word_before_np(f: &Folded, from: usize, off: usize) -> String {
    let ws = words_before(f, from, off, 4);
    ws.iter()
        .rev()
        .find(|w| !DETERMINERS.contains(w) && !cues().hedges.contains(w))
        .map(|w| w.to_string())
        .unwrap_or_default()
}

/// True when a party is named only as kin of another ("the al Qaeda-linked group", "Rwandan-
/// backed rebels", "le groupe lié à Al-Qaïda", "proche de l'EI"): not a party to the event.
pub(crate) fn kin_only(a: &Analysis<'_>, f: &Folded, clause: Span, m: &ActorMention) -> bool {
    let after = a.text().get(m.span.end..).unwrap_or("");
    let suffix = cues().kin_suffixes.iter().any(|s| after.starts_with(s));
    let w = words_before(f, clause.start, m.span.start, 3);
    let tied = w.iter().rev().find(|w| !matches!(**w, "l" | "la" | "le" | "les" | "a"));
    // (Only where the text names another armed group the kin could be: "Islamic State-linked
    // insurgents" alone are that group's affiliate.)
    let kin = suffix || tied.is_some_and(|w| cues().kin_words.contains(w));
    // (The scan of the text's parties last: most mentions are no kin.)
    kin && a
        .actors
        .iter()
        .any(|o| o.kind == EntityKind::ArmedGroup && !o.adjectival && o.canonical != m.canonical)
}

/// True when `m` is "government" used as an adjective before a public facility ("a government
/// secondary school", "the government hospital"): the facility, a civilian one, is meant.
fn public_facility(f: &Folded, clause: Span, m: &ActorMention) -> bool {
    let own = words(f, f.folded_at(m.span.start), f.folded_at(m.span.end));
    let next = words(f, f.folded_at(m.span.end), f.folded_at(clause.end));
    own.last().is_some_and(|w| *w == "government")
        && next.first().is_some_and(|w| cues().public_facilities.contains(w))
}

/// True when `m` is who could not verify what the clause tells ("a claim Reuters could not
/// independently verify", "ce que l'AFP n'a pas pu vérifier"): the teller's check, no party.
fn verifier(f: &Folded, clause: Span, m: &ActorMention) -> bool {
    let w = words(f, f.folded_at(m.span.end), f.folded_at(clause.end));
    let w = &w[..w.len().min(7)];
    let denied = w.iter().take(4).any(|x| {
        matches!(*x, "could" | "couldn" | "cannot" | "unable" | "pas" | "n" | "not" | "ne")
    });
    denied && w.iter().any(|x| cues().unverified.iter().any(|s| x.starts_with(s)))
}

/// True when `m` only glosses the mention before it in parentheses, as an acronym or a
/// translation does ("the Rapid Support Forces (RSF)", "des Forces de soutien rapide (FSR)"):
/// the same party, named twice, is never its own target.
fn gloss(a: &Analysis<'_>, m: &ActorMention) -> bool {
    let text = a.text();
    let opened = text.get(..m.span.start).is_some_and(|b| b.trim_end().ends_with('('));
    opened
        && m.canonical.is_some()
        && a.actors.iter().any(|p| {
            p.span.end <= m.span.start
                && p.canonical == m.canonical
                && text.get(p.span.end..m.span.start).is_some_and(|g| g.trim() == "(")
        })
}

/// True when `off` is inside parentheses opened after `from` (an aside:
/// "pro-Hadi forces (coded as Southern Resistance)").
fn in_parens(text: &str, from: usize, off: usize) -> bool {
    let body = text.get(from..off).unwrap_or("");
    body.matches('(').count() > body.matches(')').count()
}

/// True when a demonym is part of a place name ("la frontière irako-syrienne").
fn in_place(a: &Analysis<'_>, f: &Folded, m: &ActorMention) -> bool {
    a.places.iter().any(|p| {
        let ps = Span::new(p.start, p.end);
        if !ps.contains(&m.span) {
            return false;
        }
        // A name read both as a place and a party, after "to", "in",
        // "across"…, is where, not who ("reinforcements to southern Syria").
        let gone = || {
            let w = words_before(f, m.span.start.saturating_sub(40), m.span.start, 2);
            let n = w.len();
            // "a" two words back is the auxiliary of "a accusé Israël", not "à".
            w.iter().enumerate().any(|(i, w)| {
                (PREPOSITIONS.contains(w) && !(*w == "a" && i + 1 < n))
                    || cues().place_preps.contains(w)
            })
        };
        ps.len() > m.span.len() || (!m.adjectival && gone())
    })
}

/// The named armed group that generic mention `g` ("des jihadistes",
/// "gunmen") is said to belong to right after it ("présumés de Boko Haram",
/// "of the Islamic State").
fn member_of<'m>(
    a: &Analysis<'_>,
    f: &Folded,
    g: &ActorMention,
    after: &[&'m ActorMention],
) -> Option<&'m ActorMention> {
    let generic = g.canonical.as_deref().is_none_or(crate::generic);
    if !generic {
        return None;
    }
    let m = after.iter().copied().find(|m| m.span.start >= g.span.end)?;
    let named = m.kind == EntityKind::ArmedGroup
        && !m.adjectival
        && m.canonical.as_deref().is_some_and(|c| !crate::generic(c));
    let between = words(f, f.folded_at(g.span.end), f.folded_at(m.span.start));
    let _ = a;
    (named
        && !between.is_empty()
        && between.len() <= 4
        && between.iter().all(|w| cues().member_of.contains(w)))
    .then_some(m)
}

/// True when a demonym describes a place, not a party: "the Israeli port
/// city of Eilat", "la ville malienne de Gao".
fn place_descriptor(f: &Folded, clause: Span, m: &ActorMention) -> bool {
    let after = words(f, f.folded_at(m.span.end), f.folded_at(clause.end));
    // "in Bassa local government area": Nigeria's district, no government.
    if m.kind == EntityKind::Government
        && after.first().is_some_and(|w| matches!(*w, "area" | "areas" | "council"))
    {
        return true;
    }
    if !m.adjectival || m.kind != EntityKind::State {
        return false;
    }
    let before = words_before(f, clause.start, m.span.start, 1);
    after.first().is_some_and(|w| cues().place_nouns.contains(w))
        || before.first().is_some_and(|w| cues().place_nouns.contains(w))
}

/// True when a state is named as the far side of a border, a place and not
/// a party: "près de la frontière avec le Burkina Faso", "near the border
/// with Saudi Arabia", "la frontière malienne", "the Syrian border".
fn at_border(f: &Folded, clause: Span, m: &ActorMention) -> bool {
    if !matches!(m.kind, EntityKind::State | EntityKind::Place) {
        return false;
    }
    let before = words_before(f, clause.start, m.span.start, 3);
    let after = words(f, f.folded_at(m.span.end), f.folded_at(clause.end));
    // "the Myanmar border guard force", "la police des frontières": a force.
    let force = |i: usize| {
        after.get(i).is_some_and(|w| {
            matches!(*w, "guard" | "guards" | "police" | "force" | "forces" | "patrol" | "troops")
        })
    };
    if after.first().is_some_and(|w| cues().border.contains(w)) && force(1) {
        return false;
    }
    before.iter().any(|w| cues().border.contains(w))
        || after.first().is_some_and(|w| cues().border.contains(w))
        || (after.first().is_some_and(|w| COORD.contains(w))
            && after.iter().take(4).any(|w| cues().border.contains(w))
            && m.adjectival)
}

/// The party named inside `span` (e.g. the victims of a casualty phrase).
pub fn named_in(a: &Analysis<'_>, f: &Folded, clause: Span, span: Span) -> Option<Role> {
    let m =
        a.actors.iter().find(|m| span.contains(&m.span) && !m.adjectival && !in_place(a, f, m))?;
    Some(party_of(a, f, clause, m))
}

fn class_of(m: &ActorMention) -> Option<PartyClass> {
    match m.kind {
        EntityKind::Military | EntityKind::ArmedGroup | EntityKind::State => {
            if m.canonical.as_deref().is_some_and(|c| c.contains("Police")) {
                Some(PartyClass::Police)
            } else {
                Some(PartyClass::Armed)
            }
        }
        EntityKind::Government => Some(PartyClass::Armed),
        EntityKind::Person => Some(PartyClass::Civilian),
        EntityKind::Media | EntityKind::Organization => None,
        EntityKind::Other => {
            let c = m.canonical.as_deref().unwrap_or("").to_lowercase();
            if c.contains("protester") || c.contains("rioter") {
                Some(PartyClass::Crowd)
            } else if c.contains("civilian") {
                Some(PartyClass::Civilian)
            } else if c.starts_with("unidentified armed group") || c.contains("militia") {
                // "12 militants", "des jihadistes": fighters no name says whose.
                Some(PartyClass::Armed)
            } else {
                None
            }
        }
        EntityKind::Place => None,
    }
}

/// True for gangs and bandits, fighters outside any cause (kind "other" in the tables).
fn outlaws(m: &ActorMention) -> bool {
    m.canonical.as_deref().is_some_and(|c| c.contains("Gang") || c == "Bandits")
}

/// A name that opens its clause and a colon follows ("Burkina Faso : au moins 30 soldats
/// tués…", "Iraq: rockets hit…"): the headline's label, not a party.
fn heads_label(a: &Analysis<'_>, f: &Folded, clause: Span, m: &ActorMention) -> bool {
    words_before(f, clause.start, m.span.start, 1).is_empty()
        && a.text()
            .get(m.span.end..)
            .is_some_and(|t| t.trim_start_matches([' ', '\u{a0}']).starts_with(':'))
}

/// The party an actor mention names; a demonym names its noun phrase.
pub(crate) fn party_of(a: &Analysis<'_>, f: &Folded, clause: Span, m: &ActorMention) -> Role {
    let text = a.text();
    // "15 Palestinians", "des Palestiniens": a people named by its nationality are its
    // civilians. (A French demonym is capitalised only as a noun; an English one names people
    // in the plural.)
    if m.adjectival && m.kind == EntityKind::State {
        let t = m.span.slice(text);
        // Counted people ("15 Palestinians", "des Palestiniens", "plusieurs Irakiens"), not
        // "les Américains ont frappé", where the nation acts.
        let counted = words_before(f, clause.start, m.span.start, 1).first().is_some_and(|w| {
            w.bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    *w,
                    "des"
                        | "de"
                        | "d"
                        | "plusieurs"
                        | "dizaines"
                        | "centaines"
                        | "milliers"
                        | "several"
                        | "many"
                        | "dozens"
                        | "hundreds"
                        | "thousands"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "deux"
                        | "trois"
                        | "quatre"
                        | "cinq"
                )
        });
        let noun = counted
            && t.starts_with(char::is_uppercase)
            && match a.lang {
                sitrep_model::Lang::Fr => true,
                _ => t.ends_with('s') && noun_after(f, a, m.span.end, clause.end).is_none(),
            };
        let civilians =
            m.country.as_deref().and_then(|cc| sitrep_actors::localize("Civilians", cc));
        if let (true, Some(canonical)) = (noun, civilians) {
            let party = Party {
                text: Some(t.to_string()),
                canonical: Some(canonical),
                kind: "other".to_string(),
                country: m.country.clone(),
                entity: a.entity_at(m.span).map(|e| e.id.clone()),
            };
            return Role {
                party: Some(party),
                class: Some(PartyClass::Civilian),
                span: Some(m.span),
            };
        }
    }
    let mut span = m.span;
    let mut canonical = m.canonical.clone();
    let mut kind = m.kind.as_str().to_string();
    let mut class = class_of(m);
    if m.adjectival {
        // Walk back to the determiner of the phrase ("des avions de chasse américains").
        let ws_start = phrase_start(f, clause.start, m.span.start);
        span = Span::new(ws_start, m.span.end);
        let head = words(f, f.folded_at(ws_start), f.folded_at(m.span.start));
        let mut military = head.iter().any(|w| cues().military_heads.contains(w));
        if let Some(pc) = noun_class(f, a, Span::new(ws_start, m.span.start)) {
            class = Some(pc);
        }
        // English order: the noun follows ("Palestinian fishermen", "Israeli forces").
        if let Some(h) = noun_after(f, a, m.span.end, clause.end) {
            span = Span::new(m.span.start, h.end);
            class = Some(LEXICON.parties.values[h.entry]);
            military = matches!(class, Some(PartyClass::Armed));
            if !military {
                kind = "other".to_string();
                canonical = None;
            }
        }
        // "Israeli airstrikes", "Turkish shelling": a demonym before an
        // attack noun names the state's forces.
        let attack_after = LEXICON
            .triggers
            .find(f, f.folded_at(m.span.end), f.folded_at(clause.end), a.lang)
            .first()
            .is_some_and(|h| {
                words(f, f.folded_at(m.span.end), h.fstart).is_empty()
                    && crate::code::family(&LEXICON.triggers.values[h.entry].kind) == "attack"
            });
        military |= attack_after;
        if military && m.kind == EntityKind::State {
            if let Some(iso) = m.country.as_deref() {
                if let Some(mil) = sitrep_actors::ActorKb::global().military_of(iso) {
                    canonical = Some(mil.to_string());
                }
            }
            kind = "military".to_string();
            class = Some(PartyClass::Armed);
        }
    }
    let mut country = m.country.clone();
    if !m.adjectival {
        let w = words_before(f, clause.start, m.span.start, 2);
        let after: Vec<&str> = words(f, f.folded_at(m.span.end), f.folded_at(clause.end))
            .into_iter()
            .take(1)
            .collect();
        if m.kind == EntityKind::State
            && w.len() == 2
            && w[1] == "of"
            && cues().forces.contains(&w[0])
        {
            // "the military forces of Chile": the state's forces.
            if let Some(mil) = m.country.as_deref().and_then(sitrep_actors::military_of) {
                canonical = Some(mil);
                kind = "military".to_string();
                class = Some(PartyClass::Armed);
                span = Span::new(phrase_start(f, clause.start, m.span.start), m.span.end);
            }
        } else if m.country.is_none() && after.first() == Some(&"of") {
            // "military forces of India": a generic force takes the state after it.
            let state = a.actors.iter().find(|n| {
                n.kind == EntityKind::State
                    && n.span.start > m.span.end
                    && words(f, f.folded_at(m.span.end), f.folded_at(n.span.start)).len() <= 2
            });
            if let Some(n) = state {
                country = n.country.clone();
            }
        }
    }
    let party = Party {
        text: Some(span.slice(text).to_string()),
        canonical,
        kind,
        country,
        entity: a.entity_at(m.span).map(|e| e.id.clone()),
    };
    Role { party: Some(party), class, span: Some(span) }
}

/// Start of the noun phrase before `off`: the nearest determiner within six words.
fn phrase_start(f: &Folded, from: usize, off: usize) -> usize {
    let fs = f.folded_at(from);
    let fo = f.folded_at(off);
    let ws = words(f, fs, fo);
    let n = ws.len();
    for k in 1..=n.min(6) {
        let w = ws[n - k];
        if DETERMINERS.contains(&w) {
            // Find the folded offset of that word: count back k words.
            let mut pos = fo;
            for _ in 0..k {
                pos = f.text[..pos.saturating_sub(1)].rfind(' ').map_or(0, |p| p + 1);
            }
            return f.orig(pos);
        }
    }
    off
}

/// A party noun right after `off` (within one word).
fn noun_after(f: &Folded, a: &Analysis<'_>, off: usize, end: usize) -> Option<crate::lexicon::Hit> {
    let fs = f.folded_at(off);
    let fe = f.folded_at(end);
    let h = LEXICON.parties.find(f, fs, fe, a.lang).into_iter().next()?;
    let gap = words(f, fs, h.fstart);
    // "Burundian and Rwandan soldiers": a coordinated demonym shares the noun.
    (gap.len() <= 1 || (gap.len() == 2 && COORD.contains(&gap[0]))).then_some(h)
}

fn noun_class(f: &Folded, a: &Analysis<'_>, r: Span) -> Option<PartyClass> {
    LEXICON
        .parties
        .find(f, f.folded_at(r.start), f.folded_at(r.end), a.lang)
        .last()
        .map(|h| LEXICON.parties.values[h.entry])
}

/// A party named by a common noun ("des civils", "soldiers") in `r`.
pub(crate) fn noun_role(a: &Analysis<'_>, f: &Folded, r: Span, last: bool) -> Role {
    let hits = LEXICON.parties.find(f, f.folded_at(r.start), f.folded_at(r.end), a.lang);
    let h = if last { hits.last() } else { hits.first() };
    let Some(h) = h else { return Role::default() };
    let class = LEXICON.parties.values[h.entry];
    let start = phrase_start(f, r.start, h.start);
    let span = Span::new(start, h.end);
    let kind = match class {
        PartyClass::Armed | PartyClass::Police => "military",
        _ => "other",
    };
    let party = Party {
        text: Some(span.slice(a.text()).to_string()),
        canonical: None,
        kind: kind.to_string(),
        country: None,
        entity: None,
    };
    Role { party: Some(party), class: Some(class), span: Some(span) }
}

/// The generic name of an armed group nobody names (localized later: "Unidentified Armed Group
/// (Syria)").
pub(crate) const UNIDENTIFIED: &str = "Unidentified Armed Group";

/// The unknown actor of a violent event: named nowhere, never guessed.
pub fn unknown_actor(violent: bool) -> Party {
    Party {
        text: None,
        canonical: violent.then(|| UNIDENTIFIED.to_string()),
        kind: "unknown".to_string(),
        country: None,
        entity: None,
    }
}
