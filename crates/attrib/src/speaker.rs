//! Turning a speaker noun phrase into a [`SourceRef`], and resolving pronouns and
//! role nouns ("il", "le site web", "the spokesman") to the speaker they refer to.
//!
//! Resolution looks back through the speakers already found (most recent
//! first), then through the actor mentions before the phrase, for one of a
//! compatible class: a person for "a-t-il" or "le responsable", a news outlet for
//! "le site web", an organisation for "the group". A pronoun that resolves to
//! nothing is dropped: a pronoun is never a speaker.

use crate::grammar::Grammar;
use crate::lexicon::{cls, Class};
use sitrep_model::{ActorMention, Analysis, EntityKind, SourceRef, Span, TokenKind};

/// A speaker found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The reference written to the report.
    pub sref: SourceRef,
    /// What kind of speaker it is, when known.
    pub class: Option<Class>,
}

/// Speakers found so far, for resolving later references.
#[derive(Debug, Default)]
pub struct Memory {
    items: Vec<(usize, Speaker)>,
    /// Byte ranges of the quotes of the current paragraph (names inside a quote
    /// are not referents of a pronoun outside it).
    pub quotes: Vec<Span>,
}

impl Memory {
    /// Records a speaker found at byte `pos`.
    pub fn add(&mut self, pos: usize, s: &Speaker) {
        self.items.push((pos, s.clone()));
    }
}

fn class_of(kind: EntityKind) -> Option<Class> {
    match kind {
        EntityKind::Person => Some(Class::Person),
        EntityKind::Media => Some(Class::Media),
        EntityKind::Place => None,
        _ => Some(Class::Org),
    }
}

fn compatible(want: Class, got: Option<Class>) -> bool {
    match (want, got) {
        (w, Some(g)) => w == g,
        (_, None) => false,
    }
}

/// Resolution and interpretation of speaker phrases.
pub struct Resolver<'a, 'g, 't> {
    /// The analysis (text, actors, entities).
    pub a: &'a Analysis<'a>,
    /// Grammar over the tokens.
    pub g: &'g Grammar<'g, 't>,
}

impl Resolver<'_, '_, '_> {
    /// The reference for actor mention `m`.
    pub fn speaker_of_mention(&self, m: &ActorMention) -> Speaker {
        let entity = self.a.entity_at(m.span);
        Speaker {
            sref: SourceRef {
                text: m.span.slice(self.a.text()).to_string(),
                canonical: m.canonical.clone().or_else(|| entity.and_then(|e| e.canonical.clone())),
                entity: entity.map(|e| e.id.clone()),
            },
            class: class_of(m.kind),
        }
    }

    /// The reference for a name at `span` that the actor tagger did not find.
    fn speaker_of_name(&self, span: Span, class: Option<Class>) -> Speaker {
        let entity = self.a.entity_at(span);
        Speaker {
            sref: SourceRef {
                text: span.slice(self.a.text()).to_string(),
                canonical: entity.and_then(|e| e.canonical.clone()),
                entity: entity.map(|e| e.id.clone()),
            },
            class: class.or_else(|| entity.and_then(|e| class_of(e.kind))),
        }
    }

    /// The most recent speaker or actor of class `want` before byte `pos`.
    pub fn resolve(&self, mem: &Memory, want: Class, pos: usize) -> Option<Speaker> {
        if let Some(s) = self.same_sentence(mem, want, pos) {
            return Some(s);
        }
        let spoke = mem.items.iter().rev().find(|(p, s)| *p < pos && compatible(want, s.class));
        let mention = self
            .a
            .actors
            .iter()
            .rev()
            .filter(|m| m.span.end <= pos && !m.adjectival && self.is_proper(m))
            .find(|m| compatible(want, class_of(m.kind)));
        // A person pronoun continues the last speaker; "the group", "le site web"
        // name the closest organisation or outlet, speaker or not.
        match (spoke, mention) {
            (Some((p, s)), Some(m)) if want != Class::Person && m.span.start > *p => {
                let _ = s;
                Some(self.speaker_of_mention(m))
            }
            (Some((_, s)), _) => Some(s.clone()),
            (None, Some(m)) => Some(self.speaker_of_mention(m)),
            (None, None) => self.recent_name(want, pos, 0, &mem.quotes),
        }
    }

    /// Interprets the noun phrase over tokens `[lo, hi)` as a speaker.
    pub fn interpret(&self, mem: &Memory, lo: usize, hi: usize) -> Option<Speaker> {
        let g = self.g;
        let toks = g.toks.get(lo..hi)?;
        let (first, last) = (toks.first()?, toks.last()?);
        let span = Span::new(first.span.start, last.span.end);
        if toks.len() == 1 && first.is(cls::PRONOUN) {
            let class = g.lex.pronoun(&first.w)?;
            return self.resolve(mem, class, span.start);
        }
        let role = self.role_in(lo, hi);
        // Actor mentions inside the phrase, not possessors ("Putin's spokesman").
        // A capitalised one is a name; a lowercase one ("site web") is a role.
        let mentions: Vec<&ActorMention> = self
            .a
            .actors
            .iter()
            .filter(|m| {
                span.contains(&m.span)
                    && !m.adjectival
                    && m.kind != EntityKind::Place
                    && !self.possessive_after(m.span.end)
            })
            .collect();
        let tok_of = |b: usize| g.toks.partition_point(|t| t.span.start < b);
        let no_prep = |a: usize, b: usize| !(a..b).any(|i| g.is(i, cls::PREP));
        let mut generic = mentions.first().map(|m| self.speaker_of_mention(m));
        match role {
            None => {
                if let Some(m) = mentions.iter().find(|m| self.is_proper(m)) {
                    return Some(self.speaker_of_mention(m));
                }
            }
            Some((rs, re, class)) => {
                // The name in apposition right after the head role noun ("spokesman
                // John Kirby", "le site web The Arab Weekly"), or a tagged name the
                // role noun is part of ("Organisation mondiale de la santé"). A name
                // before the role ("Pentagon spokesman") or in its complement ("the
                // commander in Kataib Hezbollah") only qualifies the role.
                let (rs_b, re_b) = (g.toks[rs].span.start, g.toks[re - 1].span.end);
                let named = mentions.iter().filter(|m| self.is_proper(m)).find(|m| {
                    let t = tok_of(m.span.start);
                    (t >= re && t <= re + 2 && no_prep(re, t))
                        || (m.span.start <= rs_b && m.span.end >= re_b)
                });
                if let Some(m) = named {
                    return Some(self.speaker_of_mention(m));
                }
                // (Not a complement: "la préfecture du Lot-et-Garonne".)
                if let Some((name, ns, _)) =
                    self.name_in(re, hi).filter(|n| n.1 <= re + 2 && no_prep(re, n.1 + 1))
                {
                    // "le quotidien Le Monde": a capitalised article belongs to the name.
                    let name = if ns == re + 1 && g.toks[re].cap && g.is(re, cls::DEF) {
                        Span::new(g.toks[re].span.start, name.end)
                    } else {
                        name
                    };
                    return Some(self.speaker_of_name(name, Some(class)));
                }
                // A common noun the tagger knows ("site web") stands for the role only
                // when it is the role noun itself.
                generic = mentions
                    .iter()
                    .find(|m| !self.is_proper(m) && m.span.start < re_b && m.span.end > rs_b)
                    .map(|m| self.speaker_of_mention(m));
            }
        }
        // A name run inside the role noun itself ("Premier ministre") is not the name.
        let name = match (self.name_in(lo, hi), role) {
            (Some((_, ns, _)), Some((rs, re, _))) if ns >= rs && ns < re => self.name_in(re, hi),
            (n, _) => n,
        };
        if let Some((name, name_start, name_end)) = name {
            // "the State Police lieutenant", "le chef de l'Etat": the role is the head.
            let head_is_role = role.is_some_and(|(_, role_end, _)| {
                role_end > name_end
                    || (role_end <= name_start
                        && (role_end..=name_start).any(|i| g.is(i, cls::PREP)))
            });
            if !head_is_role {
                let class = role.map(|r| r.2).unwrap_or_else(|| self.name_class(name));
                return Some(self.speaker_of_name(name, Some(class)));
            }
        }
        let Some((role_start, role_end, class)) = role else {
            return generic.or_else(|| self.descriptive(lo, hi, span));
        };
        // The phrase from the determiner (or adjectives) before the role noun.
        let mut from = role_start;
        while from > lo
            && !g.punct(from - 1)
            && !g.is(from - 1, cls::STOP)
            && g.toks[from - 1].kind == TokenKind::Word
        {
            from -= 1;
            if g.is(from, cls::DEF) || g.is(from, cls::INDEF) {
                break;
            }
        }
        // Only a singular role noun with no name inside refers back
        // ("le responsable irakien", not "the Israeli army" or "the rebels").
        let plural = g.toks.get(role_end - 1).is_some_and(|t| {
            !g.lex.roles.iter().any(|(w, _)| w.last().is_some_and(|l| *l == *t.w))
        });
        let named = (from + 1..role_end).any(|i| g.toks[i].cap);
        // An organisation is referred back to only by a bare "le groupe" / "the group".
        let bare = role_end == hi && from + 1 == role_start;
        let complement = (role_end..hi).any(|i| g.is(i, cls::PREP));
        let anaphoric = !plural && !named && !complement && (class != Class::Org || bare);
        if g.is(from, cls::DEF) && !g.is(from, cls::POSS) && anaphoric {
            if let Some(s) = self.resolve(mem, class, span.start) {
                return Some(s);
            }
        }
        if generic.is_some() {
            return generic;
        }
        let span = Span::new(g.toks[from].span.start, span.end);
        Some(self.speaker_of_name(span, Some(class)))
    }

    /// A short determined noun phrase with no known role noun ("the meeting's
    /// co-chairman", "le rapport"): its own text, class unknown.
    fn descriptive(&self, lo: usize, hi: usize, span: Span) -> Option<Speaker> {
        let g = self.g;
        let determined = g.is(lo, cls::DEF | cls::INDEF);
        let nouny = (lo..hi).all(|i| !g.is(i, cls::PRONOUN) && g.toks[i].kind != TokenKind::Number);
        (determined && nouny && (2..=6).contains(&(hi - lo)))
            .then(|| self.speaker_of_name(span, None))
    }

    /// A person named earlier in the same sentence, outside quotes: "X condemned
    /// what he called …" (only for persons; organisations are named again).
    fn same_sentence(&self, mem: &Memory, want: Class, pos: usize) -> Option<Speaker> {
        if want != Class::Person {
            return None;
        }
        let start = self.a.seg.sentence_at(pos).map(|s| self.a.seg.sentences[s].span.start)?;
        let outside = |sp: &Span| !mem.quotes.iter().any(|q| q.contains(sp));
        let mention = self.a.actors.iter().rev().find(|m| {
            m.span.start >= start
                && m.span.end <= pos
                && !m.adjectival
                && self.is_proper(m)
                && m.kind == EntityKind::Person
                && outside(&m.span)
        });
        if let Some(m) = mention {
            return Some(self.speaker_of_mention(m));
        }
        self.recent_name(want, pos, start, &mem.quotes)
    }

    /// True when a mention is a proper name (capitalised), not a common noun
    /// the tagger knows ("site web", "troupes").
    fn is_proper(&self, m: &ActorMention) -> bool {
        m.span.slice(self.a.text()).chars().next().is_some_and(char::is_uppercase)
    }

    /// The closest name of class `want` before byte `pos` and after byte `from`
    /// (at most ~120 tokens back), outside the spans `skip`, for texts where the
    /// tagger found no actor.
    fn recent_name(&self, want: Class, pos: usize, from: usize, skip: &[Span]) -> Option<Speaker> {
        let g = self.g;
        let end = g.toks.partition_point(|t| t.span.start < pos);
        let floor = end.saturating_sub(120).max(g.toks.partition_point(|t| t.span.start < from));
        let mut i = end;
        while i > floor {
            i -= 1;
            if !g.toks[i].name || skip.iter().any(|q| q.contains(&g.toks[i].span)) {
                continue;
            }
            let last = i + 1;
            let mut first = i;
            while first > floor
                && g.toks[first - 1].name
                && !g.is(first - 1, cls::DEF)
                && g.toks[first].span.start <= g.toks[first - 1].span.end + 1
            {
                first -= 1;
            }
            i = first;
            if last - first < 2 || !g.toks[first].cap || g.is(first, cls::PRONOUN) {
                continue;
            }
            let span = Span::new(g.toks[first].span.start, g.toks[last - 1].span.end);
            if self.name_class(span) == want && !self.is_place(span) {
                return Some(self.speaker_of_name(span, Some(want)));
            }
        }
        None
    }

    /// True when `span` overlaps a place the gazetteer or the tagger found
    /// ("Ankara", "In San Marcos"): a pronoun never refers back to it.
    fn is_place(&self, span: Span) -> bool {
        self.a.places.iter().any(|p| Span::new(p.start, p.end).overlaps(&span))
            || self.a.actors.iter().any(|m| m.kind == EntityKind::Place && m.span.overlaps(&span))
    }

    /// A guess at the class of a name the tagger did not know: an organisation
    /// when it is an acronym or starts with an article, else a person.
    fn name_class(&self, name: Span) -> Class {
        let text = name.slice(self.a.text());
        let acronym = text.len() <= 6 && text.chars().all(|c| c.is_uppercase() || c == '.');
        let article =
            ["The ", "Le ", "La ", "Les ", "L'", "L’"].iter().any(|a| text.starts_with(a));
        if acronym || article {
            Class::Org
        } else {
            Class::Person
        }
    }

    /// The bytes of tokens `[lo, hi)`.
    fn span_of(&self, lo: usize, hi: usize) -> Option<Span> {
        let t = self.g.toks.get(lo..hi)?;
        Some(Span::new(t.first()?.span.start, t.last()?.span.end))
    }

    /// True when `[lo, hi)` holds a role noun.
    pub fn has_role(&self, lo: usize, hi: usize) -> bool {
        self.role_in(lo, hi).is_some()
    }

    /// True when `[lo, hi)` holds a capitalised name or a proper tagged actor
    /// (not a common noun the tagger knows, such as "troupes").
    pub fn has_proper_name(&self, lo: usize, hi: usize) -> bool {
        let Some(span) = self.span_of(lo, hi) else { return false };
        self.name_in(lo, hi).is_some()
            || self
                .a
                .actors
                .iter()
                .any(|m| span.contains(&m.span) && !m.adjectival && self.is_proper(m))
    }

    /// A coordinated source ("a local resistance group and residents"): the
    /// whole phrase over tokens `[lo, hi)`, of no class (it never refers back).
    pub fn phrase(&self, lo: usize, hi: usize) -> Option<Speaker> {
        let toks = self.g.toks.get(lo..hi)?;
        let span = Span::new(toks.first()?.span.start, toks.last()?.span.end);
        Some(Speaker { class: None, ..self.speaker_of_name(span, None) })
    }

    /// True when `[lo, hi)` holds a name or a tagged actor (not only a role noun).
    pub fn has_name(&self, lo: usize, hi: usize) -> bool {
        let Some(span) = self.span_of(lo, hi) else { return false };
        self.name_in(lo, hi).is_some()
            || self.a.actors.iter().any(|m| span.contains(&m.span) && !m.adjectival)
    }

    fn possessive_after(&self, end: usize) -> bool {
        let rest = self.a.text().get(end..).unwrap_or("");
        ["'s", "’s", "' ", "’ "].iter().any(|p| rest.starts_with(p))
    }

    /// The last role noun in `[lo, hi)`: its first token, the token after it, and its class.
    fn role_in(&self, lo: usize, hi: usize) -> Option<(usize, usize, Class)> {
        let g = self.g;
        // The head of "le porte-parole du gouvernement" stands before the preposition.
        let hi = (lo + 1..hi).find(|&i| g.is(i, cls::PREP)).unwrap_or(hi);
        let mut found = None;
        let mut i = lo;
        while i < hi {
            let w = g.w(i);
            let keys = [Some(w), singular(w)];
            let cands =
                keys.iter().flatten().filter_map(|k| g.lex.roles_by_first.get(*k)).flatten();
            let hit = cands.into_iter().find(|(words, _)| {
                let n = words.len();
                i + n <= hi
                    && words.iter().enumerate().all(|(k, w)| {
                        let t = g.w(i + k);
                        t == w || (k + 1 == n && singular(t).is_some_and(|s| s == w))
                    })
            });
            match hit {
                Some((words, class)) => {
                    found = Some((i, i + words.len(), *class));
                    i += words.len();
                }
                None => i += 1,
            }
        }
        found
    }

    /// The first run of capitalised words (with name particles) in `[lo, hi)`
    /// that is not a possessor, skipping a phrase-initial determiner: its span and
    /// the token index after it.
    fn name_in(&self, lo: usize, hi: usize) -> Option<(Span, usize, usize)> {
        let g = self.g;
        let mut i = lo;
        while i < hi {
            let t = &g.toks[i];
            let sentence_cap = i == lo && (t.is(cls::DEF) || t.is(cls::INDEF));
            let particle_start = t.is(cls::PARTICLE)
                && !t.is(cls::DEF)
                && !t.is(cls::INDEF)
                && g.toks.get(i + 1).is_some_and(|n| n.name && n.cap);
            let skip =
                !t.cap || sentence_cap || t.is(cls::PRONOUN) || is_title(&t.w) || t.is(cls::STOP);
            if skip && !particle_start {
                i += 1;
                continue;
            }
            let start = i;
            while i < hi {
                let t = &g.toks[i];
                let particle = t.is(cls::PARTICLE) && i + 1 < hi && g.toks[i + 1].name;
                let stop = t.is(cls::STOP) && !particle;
                let link = matches!(t.w.as_ref(), "of" | "for" | "de" | "du" | "des")
                    && i > start
                    && g.toks.get(i + 1).is_some_and(|n| n.cap && !n.is(cls::STOP));
                if link {
                    i += 1;
                    continue;
                }
                // (A line break ends a name: "annonce Washington" closes a headline, the
                // dateline's "WASHINGTON" opens the story.)
                let broken = i > start && t.span.start > g.toks[i - 1].span.end + 1;
                if !(t.name || particle) || (stop && i > start) || broken {
                    break;
                }
                i += 1;
            }
            if self.possessive_after(g.toks[i - 1].span.end) || g.toks[i - 1].w.ends_with("'s") {
                continue;
            }
            let after_article = start == lo + 1 && g.is(lo, cls::DEF);
            if after_article && i < hi && !g.toks[i].cap && !g.is(i, cls::STOP) {
                // An organisation named by a phrase: the whole phrase is its name.
                return Some((
                    Span::new(g.toks[start].span.start, g.toks[hi - 1].span.end),
                    start,
                    hi,
                ));
            }
            return Some((Span::new(g.toks[start].span.start, g.toks[i - 1].span.end), start, i));
        }
        None
    }
}

fn is_title(w: &str) -> bool {
    matches!(w, "mr" | "mrs" | "ms" | "dr" | "m." | "mme" | "mr." | "mrs." | "ms." | "dr.")
}

/// The singular of a regular plural ("officials" → "official", "responsables").
fn singular(w: &str) -> Option<&str> {
    w.strip_suffix('s').or_else(|| w.strip_suffix('x'))
}
