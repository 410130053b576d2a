//! From sentences to event mentions ("drafts"): one per clause with a
//! trigger, or one per coordinated target when a clause lists several
//! ("X, Y et Z ont été prises pour cible" is three attacks).

use chrono::NaiveDate;
use sitrep_model::{Analysis, EntityKind, EventDate, Location, Party, Place, Span};
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

use sitrep_quantify::{find_casualties, find_dates, Casualty, CasualtyKind, DateKind, DateMention};

use crate::clause::{clauses, conjuncts, words, words_before, DETERMINERS};
use crate::code::{family, trigger_rank};
use crate::cues::cues;
use crate::fold::Folded;
use crate::lexicon::{Hit, PartyClass, Trigger, LEXICON};
use crate::roles::{roles, Role};

/// One mention of an event, before merging.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The deciding trigger.
    pub trig: &'static Trigger,
    /// Its span.
    pub trigger: Span,
    /// The triggers of every mention merged into this one, in text order.
    pub triggers: Vec<Span>,
    /// Index of the sentence.
    pub sentence: usize,
    /// Weapons named, in text order, without repeats.
    pub weapons: Vec<String>,
    /// Actor.
    pub actor: Option<Party>,
    /// Class of the actor.
    pub actor_class: Option<PartyClass>,
    /// Target.
    pub target: Option<Party>,
    /// Class of the target.
    pub target_class: Option<PartyClass>,
    /// Where, with a rank (lower is more precise).
    pub location: Option<(Location, u8)>,
    /// When.
    pub date: EventDate,
    /// Killed.
    pub killed: Option<u32>,
    /// Injured.
    pub injured: Option<u32>,
    /// Modality.
    pub modality: String,
    /// Who reports or claims it.
    pub attributed_to: Option<String>,
    /// Loaded words.
    pub framing: Vec<String>,
    /// Evidence spans.
    pub evidence: Vec<Span>,
    /// Only a cue or a generic reference ("les attaques"): merged or dropped.
    pub weak: bool,
    /// The bare noun phrase before the trigger ("medical interns" in "On 9
    /// May, medical interns protested"), for crowds no actor entry names.
    pub subject: Option<Span>,
    /// A plural reference or indefinite plural ("des frappes … ces derniers
    /// jours"): an umbrella over the attacks told after it.
    pub umbrella: bool,
    /// Means inferred from the attacks told just before (for coding only:
    /// the text does not name them for this event).
    pub means: Vec<String>,
    /// A definite singular noun ("L'attaque", "the blast", "cette
    /// explosion"): a reference back to an incident already told.
    pub anaphoric: bool,
    /// Done by "the attackers", "les assaillants", "the gunmen": the
    /// perpetrators of an incident already told, going on with it.
    pub continued: bool,
    /// Its date is only the day the incident was told ("residents said on Tuesday").
    pub date_told: bool,
    /// Named as another incident ("Une autre frappe a détruit une maison", "a second
    /// blast") or told apart ("Par ailleurs, …"): never a retelling of the one before.
    pub another: bool,
    /// Told apart from the incidents before ("Separately, …", "Par ailleurs, …"): by no hand
    /// named for them.
    pub apart: bool,
    /// An attack told inside a speaker's direct quote (see [`quoted_attack`]).
    pub quoted: bool,
    /// Its toll is only one a party claims ("L'attaque a été revendiquée par le GSIM, qui
    /// affirme avoir tué 50 soldats"): it does not raise the toll the text tells.
    pub toll_claimed: bool,
}

impl Draft {
    /// Merge family. A state's forces attacking a crowd ("la police tire sur des
    /// manifestants") are the protest's story (ACLED codes it so).
    pub fn family(&self) -> &'static str {
        let f = family(self.kind());
        if f == "attack" && self.by_state_force() && self.target_class == Some(PartyClass::Crowd) {
            "protest"
        } else if self.trig.sub_event_type.ends_with("territory") {
            // Territory taken is taken in a fight: "Les combats ont fait six morts" after it is
            // its toll.
            "attack"
        } else {
            f
        }
    }
    /// Done by a state's forces: its police, military or government.
    pub fn by_state_force(&self) -> bool {
        matches!(self.actor_class, Some(PartyClass::Police))
            || self
                .actor
                .as_ref()
                .is_some_and(|p| matches!(p.kind.as_str(), "military" | "state" | "government"))
    }
    /// The party named as its actor, if a definite one (not "Unidentified Armed Group").
    pub fn named_actor(&self) -> Option<&str> {
        self.actor
            .as_ref()
            .and_then(|p| p.canonical.as_deref())
            .filter(|c| !c.starts_with(crate::roles::UNIDENTIFIED))
    }
    /// The fine kind before coding (threats to attack are threats).
    pub fn kind(&self) -> &str {
        if self.modality == "threatened" && family(&self.trig.kind) == "attack" {
            "threat"
        } else {
            &self.trig.kind
        }
    }
    /// First evidence byte.
    pub fn first(&self) -> usize {
        self.evidence.iter().map(|s| s.start).min().unwrap_or(self.trigger.start)
    }
}

/// Precision rank of a place (lower is more precise).
pub fn rank(p: &Place) -> u8 {
    match &*p.feature {
        // An airport named by its town's name alone ("Mithi town (Tharparkar, Sindh)") is
        // the town or district.
        "airport" if !facility_named(&p.text) => 1,
        "airport" | "military_base" | "oil_field" | "site" => 0,
        "city" => 1,
        "admin2" => 2,
        "admin1" => 3,
        "border" | "water" => 4,
        "region" => 5,
        "country" => 6,
        _ => match &*p.precision {
            "site" => 0,
            "city" => 1,
            "admin2" => 2,
            "admin1" => 3,
            "region" => 5,
            _ => 6,
        },
    }
}

/// True when a mention's own words name a facility ("Erbil airport", "base
/// aérienne d'Aïn al-Asad", "Ain al-Asad air base").
fn facility_named(text: &str) -> bool {
    let t = text.to_lowercase();
    // ("base" covers "air base" and "airbase".)
    ["airport", "aéroport", "aeroport", "airfield", "base", "aérodrome"]
        .iter()
        .any(|w| t.contains(w))
}

/// A place as an event location (its division's seat looked up once per document, see
/// [`Facts::seat`]).
pub fn location_of(p: &Place, x: &Facts<'_>) -> Location {
    let (lat, lon) = x.seat(p).unwrap_or((p.lat, p.lon));
    Location {
        text: p.text.clone(),
        name: p.name.to_string(),
        geonameid: p.geonameid,
        country: p.country.as_deref().map(String::from),
        admin1: p.admin1.as_deref().map(String::from),
        lat,
        lon,
        precision: p.precision.to_string(),
    }
}

/// The point of the town a first-level division is named after, where it has one (Hajjah
/// governorate, Odesa oblast, Kerman province): an event the text places only in the division
/// is pinned there, as event coders do, while its precision stays `admin1`.
fn division_seat(p: &Place) -> Option<Point> {
    if p.feature != "admin1" {
        return None;
    }
    let cc = p.country.as_deref()?;
    let key = sitrep_gazetteer::norm::skeleton(&p.name);
    sitrep_gazetteer::geocode(&p.name, Some(cc))
        .into_iter()
        .find(|c| {
            c.feature == "city"
                && c.admin1.as_deref() == p.admin1.as_deref()
                && sitrep_gazetteer::norm::skeleton(&c.name) == key
                && c.lat.is_some()
        })
        .map(|c| (c.lat, c.lon))
}

const PASSIVE_AUX: [&str; 11] =
    ["ete", "was", "were", "been", "being", "is", "are", "sont", "est", "fut", "get"];
const PLURAL_DETS: [&str; 9] =
    ["les", "ces", "aux", "des", "the", "these", "those", "such", "leurs"];

/// True when one of the two words before the trigger is an auxiliary
/// written in capitals ("IS militants attacked": "IS" names the Islamic
/// State, it is not "is").
fn shouted_aux(text: &str, cl: Span, t: Span) -> bool {
    let head = text.get(cl.start..t.start).unwrap_or("");
    head.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(2).any(|w| {
        w.len() >= 2
            && w.chars().all(|c| c.is_ascii_uppercase())
            && PASSIVE_AUX.contains(&w.to_ascii_lowercase().as_str())
    })
}

/// What a document states once, computed at most once per sentence and
/// shared by all the event mentions in it: dates, casualty counts, the
/// country the story is in.
pub struct Facts<'a> {
    dates: Vec<OnceCell<Vec<DateMention>>>,
    casualties: Vec<OnceCell<Vec<Casualty>>>,
    /// The country most of the document's places lie in.
    pub home: Option<&'a str>,
    /// Per sentence: it tells of an answer to fire ("responded", "fired
    /// back", "exchanged fire", "échange de tirs").
    pub answered: Vec<bool>,
    /// The wire dateline that opens the text ("BAMAKO, 12 mars 2024 (AFP) -"), and the date
    /// it gives: the day of the report, the anchor of "lundi" when the document has no
    /// publication date, never an event's date.
    dateline: Option<(Span, Option<NaiveDate>)>,
    /// Namesakes looked up for a place inside a container, by the two places' first bytes.
    rereads: RefCell<Vec<((usize, usize), Within)>>,
    /// [`division_seat`]s looked up, by division (name, country, division name).
    seats: RefCell<Vec<(SeatKey, Option<Point>)>>,
}

/// What [`division_seat`] reads of a place: its name, country and division name.
type SeatKey = (Cow<'static, str>, Option<Cow<'static, str>>, Option<Cow<'static, str>>);

/// A point (lat, lon), either part possibly unknown.
type Point = (Option<f64>, Option<f64>);

impl Facts<'_> {
    /// Whether `sp` lies in the wire dateline that opens the text.
    pub fn in_dateline(&self, sp: Span) -> bool {
        self.dateline.is_some_and(|(d, _)| d.contains(&sp))
    }

    /// [`division_seat`] of a place, looked up once per division in a document (every draft
    /// that the division locates asks for it).
    fn seat(&self, p: &Place) -> Option<Point> {
        if p.feature != "admin1" {
            return None;
        }
        let key = (p.name.clone(), p.country.clone(), p.admin1.clone());
        if let Some((_, s)) = self.seats.borrow().iter().find(|(k, _)| *k == key) {
            return *s;
        }
        let s = division_seat(p);
        self.seats.borrow_mut().push((key, s));
        s
    }
}

/// The dateline that opens a wire report: a capitalised place, then a date or an agency in
/// brackets, then a dash, all within the first 120 bytes ("BAMAKO, 12 mars 2024 (AFP) - ",
/// "KYIV, Jan 3 (Reuters) - ").
fn dateline(a: &Analysis<'_>) -> Option<(Span, Option<NaiveDate>)> {
    let text = a.text();
    // At the start of the text or of one of its first lines (after a headline).
    let mut starts = vec![0];
    let mut limit = text.len().min(600);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    starts.extend(text[..limit].match_indices('\n').map(|(i, _)| i + 1));
    starts.into_iter().find_map(|at| {
        let at = at + (text[at..].len() - text[at..].trim_start().len());
        let mut n = (at + 120).min(text.len());
        while !text.is_char_boundary(n) {
            n -= 1;
        }
        let head = &text[at..n];
        let end = [" - ", " — ", " – ", " -- "].iter().filter_map(|d| head.find(d)).min()?;
        let prefix = &head[..end];
        let first = prefix.split([' ', ',']).next()?;
        let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && first.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        // "May 12 (Reuters) -", "Feb 11 (Reuters) -": a dateline without its town, a date and
        // the agency in brackets.
        let agency =
            prefix.trim_end().strip_suffix(')').and_then(|p| p.rsplit_once('(')).is_some_and(
                |(before, name)| {
                    name.len() <= 12
                        && name.chars().all(|c| c.is_alphabetic() || c == ' ')
                        && before.contains(char::is_numeric)
                        && before.len() <= 24
                },
            );
        if !(caps || agency)
            || prefix.contains(['.', '\n'])
            || !(prefix.contains(')') || prefix.contains(char::is_numeric))
        {
            return None;
        }
        let span = Span::new(at, at + end);
        let date = find_dates(text, span, a.lang, None)
            .into_iter()
            .find(|d| d.kind == DateKind::Explicit && d.start.is_some())
            .and_then(|d| d.start);
        Some((span, date))
    })
}

/// For each sentence, true when it tells of fire answered by the other side.
pub fn answered(a: &Analysis<'_>, f: &Folded) -> Vec<bool> {
    a.seg
        .sentences
        .iter()
        .map(|s| {
            let body = f.text.get(f.folded_at(s.span.start)..f.folded_at(s.span.end)).unwrap_or("");
            cues().answered.iter().any(|c| body.contains(c))
        })
        .collect()
}

impl Facts<'_> {
    /// True when the other side answered in sentence `si` or the next one.
    pub fn two_sided(&self, si: usize) -> bool {
        (si..=si + 1).any(|i| self.answered.get(i).copied().unwrap_or(false))
    }
}

impl<'a> Facts<'a> {
    /// Empty caches for `a`.
    pub fn new(a: &Analysis<'a>) -> Self {
        let n = a.seg.sentences.len();
        Facts {
            dates: (0..n).map(|_| OnceCell::new()).collect(),
            casualties: (0..n).map(|_| OnceCell::new()).collect(),
            home: home_country(a),
            answered: Vec::new(),
            dateline: dateline(a),
            rereads: RefCell::new(Vec::new()),
            seats: RefCell::new(Vec::new()),
        }
    }

    /// The date relative dates are resolved against: the publication date, else the
    /// dateline's.
    pub fn anchor(&self, a: &Analysis<'_>) -> Option<NaiveDate> {
        a.doc.published.or(self.dateline.and_then(|d| d.1))
    }

    /// The date expressions of sentence `si`.
    pub fn dates(&self, a: &Analysis<'_>, si: usize) -> &[DateMention] {
        match (self.dates.get(si), a.seg.sentences.get(si)) {
            (Some(c), Some(s)) => c.get_or_init(|| {
                let anchor = self.anchor(a);
                let mut v = find_dates(a.text(), s.span, a.lang, anchor);
                if let Some((d, _)) = self.dateline {
                    v.retain(|m| !d.contains(&m.span));
                }
                v
            }),
            _ => &[],
        }
    }

    /// The casualty statements of sentence `si`.
    pub fn casualties(&self, a: &Analysis<'_>, si: usize) -> &[Casualty] {
        match (self.casualties.get(si), a.seg.sentences.get(si)) {
            (Some(c), Some(s)) => c.get_or_init(|| find_casualties(a.text(), s.span, a.lang)),
            _ => &[],
        }
    }
}

/// Every draft of the document, in text order.
pub fn drafts(a: &Analysis<'_>, f: &Folded, x: &Facts<'_>) -> Vec<Draft> {
    let text = a.text();
    let mut out = Vec::new();
    for (si, s) in a.seg.sentences.iter().enumerate() {
        if a.seg.paragraphs.get(s.paragraph).is_some_and(|p| p.boilerplate) {
            continue;
        }
        for cl in clauses(text, f, s.span) {
            let mut hits =
                LEXICON.triggers.find(f, f.folded_at(cl.start), f.folded_at(cl.end), a.lang);
            towns_taken(a, f, cl, &mut hits);
            if !hits.is_empty() {
                clause_drafts(a, f, x, si, cl, &hits, &mut out);
            }
        }
    }
    out
}

/// "seized Goma", "ont pris Kidal", "s'est emparé de Boulkessi": a verb of taking right before a
/// place's name other than a country's (past a French "de"/"d'") tells territory taken; not
/// "seized weapons". Adds a hit of territory taken over the verb where no trigger covers it.
fn towns_taken(a: &Analysis<'_>, f: &Folded, cl: Span, hits: &mut Vec<Hit>) {
    let text = a.text();
    // Where a taken place's name starts: the clause's places other than countries, and the
    // word after "le contrôle de", "control of" even where the gazetteer lacks the place
    // ("ont pris samedi le contrôle de Masisi-centre").
    let (fs, fe) = (f.folded_at(cl.start), f.folded_at(cl.end));
    let body = f.text.get(fs..fe).unwrap_or("");
    let mut starts: Vec<usize> = a
        .places
        .iter()
        .filter(|p| cl.start < p.start && p.start < cl.end && p.precision != "country")
        .map(|p| p.start)
        .collect();
    for pat in [" controle de ", " controle d ", " controle du ", " control of "] {
        for (i, _) in body.match_indices(pat) {
            let at = f.orig(fs + i + pat.len());
            // (A name: "control of the situation" takes nothing.)
            let name =
                text.get(at..).and_then(|t| t.chars().next()).is_some_and(char::is_uppercase);
            if at < cl.end && name && !starts.contains(&at) {
                starts.push(at);
            }
        }
    }
    starts.sort_unstable();
    for start_of_place in starts {
        let mut before = text[cl.start..start_of_place].trim_end();
        for de in [" de", " du", " d'", " d’", " of", " of the"] {
            if let Some(b) = before.strip_suffix(de) {
                before = b.trim_end();
            }
        }
        let Some(word) = before.rsplit(char::is_whitespace).next().filter(|w| !w.is_empty()) else {
            continue;
        };
        let end = cl.start + before.len();
        let mut start = end - word.len();
        let folded = words(f, f.folded_at(start), f.folded_at(end));
        let mut regained = false;
        if !folded.last().is_some_and(|w| cues().taking_verbs.contains(w)) {
            // "ont pris jeudi le contrôle de Sake", "took full control of": a verb of taking
            // a few words before "control of" the place.
            if !folded.last().is_some_and(|w| matches!(*w, "controle" | "control")) {
                continue;
            }
            let from = cl.start.max(start.saturating_sub(40));
            let ws = words_before(f, from, start, 4);
            let Some(k) = ws.iter().rposition(|w| {
                cues().taking_verbs.contains(w)
                    || matches!(*w, "gained" | "taken" | "repris" | "retook" | "regained")
            }) else {
                continue;
            };
            regained = matches!(ws[k], "repris" | "retook" | "regained");
            // (The verb's byte start: words back from the control word.)
            let back: usize = ws[k..].iter().map(|w| w.len() + 1).sum();
            let fstart = f.folded_at(start).saturating_sub(back);
            start = f.orig(fstart).max(cl.start);
        }
        let sub = if regained {
            "Government regains territory"
        } else {
            "Non-state actor overtakes territory"
        };
        let Some(entry) = LEXICON
            .triggers
            .values
            .iter()
            .position(|t| t.sub_event_type == sub && !t.noun && !t.weak)
        else {
            return;
        };
        // (The verb alone may be a trigger of its own, "seized" of goods: here it takes a town.)
        if let Some(h) = hits.iter_mut().find(|h| h.start < end && start < h.end) {
            if start <= h.start && h.end <= end {
                h.entry = entry;
            }
            continue;
        }
        let at = hits.partition_point(|h| h.start < start);
        let (fstart, fend) = (f.folded_at(start), f.folded_at(end));
        hits.insert(at, Hit { fstart, fend, start, end, entry });
    }
}

/// How a nominal trigger is determined: `Some(true)` for a definite or
/// demonstrative plural ("les attaques", "ces frappes": a reference back, not
/// a new incident), `Some(false)` for an indefinite plural ("des frappes"),
/// `None` otherwise.
fn plural_reference(a: &Analysis<'_>, f: &Folded, cl: Span, h: &Hit) -> Option<bool> {
    let before = words_before(f, cl.start, h.start, 2);
    let det = before.last()?;
    let w = &a.text()[h.start..h.end];
    let plural = w.split_whitespace().next().is_some_and(|x| x.ends_with('s') || x.ends_with('x'));
    // "des centaines de frappes", "dozens of strikes": a count of many, as
    // indefinite as "des frappes".
    let many = before.len() == 2
        && cues().quantity.contains(&before[0])
        && matches!(*det, "de" | "d" | "of");
    // "similar attacks in the past", "de nombreuses attaques": attacks in general.
    let kind_of = before.last().is_some_and(|w| cues().generic_adj.contains(w));
    if plural && (many || kind_of) {
        return Some(false);
    }
    if !plural || !PLURAL_DETS.contains(det) {
        return None;
    }
    Some(!matches!(*det, "des"))
}

/// Rank of a trigger: specificity, then a fixed ACLED code over "from context".
fn rank_of(t: &Trigger) -> (u8, bool) {
    (trigger_rank(&t.kind, &t.sub_event_type), !t.sub_event_type.is_empty())
}

/// True when `h` names the reason or the consequence of another event of
/// its clause ("arrested for participating in protests", "…, sparking
/// protests").
fn subordinate(f: &Folded, cl: Span, h: &Hit) -> bool {
    let w: Vec<&str> = words_before(f, cl.start, h.start, 5)
        .into_iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let reason = w
        .iter()
        .rposition(|x| cues().reason_heads.contains(x))
        .is_some_and(|i| w[i + 1..].iter().any(|x| cues().reason_verbs.contains(x)));
    let consequence = w.iter().rev().take(3).any(|x| cues().consequence_verbs.contains(x));
    // "threatened to close the strait if the United States carried out further strikes": the
    // condition of another event of its clause.
    let condition = words(f, f.folded_at(cl.start), f.folded_at(h.start))
        .iter()
        .rev()
        .take(8)
        .any(|x| matches!(*x, "if" | "si" | "unless"));
    // "un commandant responsable de tirs de roquettes": what someone is held responsible for
    // describes them. "…during an operation to arrest suspects": an aim, not the deed.
    reason
        || consequence
        || condition
        || held_responsible(f, cl, h)
        || purpose(f, cl, Span::new(h.start, h.end))
}

/// "un commandant responsable de tirs de roquettes", "a commander responsible for attacks":
/// what someone is held responsible for describes them, it is no incident of the text.
fn held_responsible(f: &Folded, cl: Span, h: &Hit) -> bool {
    words_before(f, cl.start, h.start, 3)
        .iter()
        .any(|x| matches!(*x, "responsable" | "responsables" | "responsible"))
}

/// "Al Shabaab, the al Qaeda-linked group fighting to topple the government, claimed…", "le
/// groupe qui combat le pouvoir": a participle right after a group noun describes the group,
/// it tells no incident.
fn describes_group(f: &Folded, cl: Span, h: &Hit) -> bool {
    let t = f.text.get(h.fstart..h.fend).unwrap_or("");
    if !matches!(t.trim(), "fighting" | "waging" | "battling" | "combattant" | "qui combat") {
        return false;
    }
    words_before(f, cl.start, h.start, 2).iter().any(|w| {
        matches!(
            *w,
            "group"
                | "movement"
                | "militia"
                | "insurgency"
                | "organisation"
                | "organization"
                | "groupe"
                | "mouvement"
                | "milice"
        )
    })
}

/// "The war between the army and the RSF, which erupted in April 2023, has killed tens of
/// thousands", "le conflit a fait des dizaines de milliers de morts": a war that has killed,
/// told as background, is no incident (read in the words of `cl` before byte `at`, a trigger's
/// or a toll's).
pub(crate) fn war_told(f: &Folded, cl: Span, at: usize) -> bool {
    let w = words(f, f.folded_at(cl.start), f.folded_at(at));
    let Some(k) = w.iter().take(4).position(|x| cues().war_nouns.contains(x)) else {
        return false;
    };
    // The noun is the subject ("the war", "la guerre", not "during the war"), and the verb is
    // a perfect ("has killed", "a fait").
    let det = k == 0 || matches!(w[k - 1], "the" | "this" | "la" | "le" | "l" | "ce" | "cette");
    let lead = w[..k].iter().all(|x| {
        !matches!(*x, "during" | "in" | "pendant" | "dans" | "lors" | "amid" | "since" | "depuis")
    });
    let perfect =
        w[k + 1..].iter().rev().take(2).any(|x| matches!(*x, "has" | "have" | "a" | "ont"));
    det && lead && perfect
}

/// A trigger that tells no incident of the text: a participle describing a group, what someone
/// is held responsible for, a fight's end.
fn tells_no_incident(text: &str, f: &Folded, cl: Span, h: &Hit) -> bool {
    describes_group(f, cl, h)
        || held_responsible(f, cl, h)
        || ended(f, cl, h)
        || sought(f, cl, h)
        || protest_incise(text, f, cl, h)
        || denied_noun(f, cl, h)
        || vehicles_stopped(f, cl, h)
        || situation_controlled(f, cl, h)
}

/// "Police took control of the situation", "ont repris le contrôle de la situation": order
/// restored, no territory taken.
fn situation_controlled(f: &Folded, cl: Span, h: &Hit) -> bool {
    LEXICON.triggers.values[h.entry].sub_event_type.ends_with("territory")
        && words(f, h.fend.min(f.text.len()), f.folded_at(cl.end))
            .iter()
            .take(4)
            .any(|w| *w == "situation")
}

/// True when a trigger noun is denied by the word before it ("Aucune interpellation n'a eu
/// lieu", "no arrests were made"): nothing happened.
fn denied_noun(f: &Folded, cl: Span, h: &Hit) -> bool {
    words_before(f, cl.start, h.start, 1)
        .last()
        .is_some_and(|w| matches!(*w, "aucun" | "aucune" | "no"))
}

/// True when a verb of arresting has vehicles for its object ("ont arrêté des camions",
/// "stopped buses"): vehicles stopped, not people arrested.
fn vehicles_stopped(f: &Folded, cl: Span, h: &Hit) -> bool {
    LEXICON.triggers.values[h.entry].kind == "arrest"
        && words(f, h.fend.min(f.text.len()), f.folded_at(cl.end))
            .iter()
            .take(3)
            .any(|w| cues().vehicles.contains(w))
}

/// True when a protest verb tells who told the clause, in an incise at its end ("…, ont
/// protesté ses partisans", "…, protested his lawyer"): a way of saying, not a protest.
fn protest_incise(text: &str, f: &Folded, cl: Span, h: &Hit) -> bool {
    if family(&LEXICON.triggers.values[h.entry].kind) != "protest" {
        return false;
    }
    // (The clause may begin at the comma or after it.)
    let head = text.get(cl.start.saturating_sub(2)..h.start).unwrap_or("");
    let Some(comma) = head.rfind(',') else { return false };
    let between: Vec<String> =
        head[comma + 1..].split_whitespace().map(|w| w.to_lowercase()).collect();
    let between: Vec<&str> = between.iter().map(String::as_str).collect();
    let after = words(f, h.fend.min(f.text.len()), f.folded_at(cl.end));
    // (Its subject after it: "ses partisans", "his lawyer", "the party".)
    let subject = after.first().is_some_and(|w| {
        matches!(*w, "ses" | "son" | "sa" | "leur" | "leurs" | "le" | "la" | "les" | "l")
            || matches!(*w, "his" | "her" | "their" | "the")
    });
    matches!(between.as_slice(), [] | ["a"] | ["ont"] | ["has"] | ["have"])
        && (1..=4).contains(&after.len())
        && subject
}

/// True when the trigger is a truce sought, called for or proposed, not one reached ("ceasefire
/// talks were due to resume", "The UN called for an immediate ceasefire"), unless a party
/// accepts it ("a accepté une proposition de cessez-le-feu").
fn sought(f: &Folded, cl: Span, h: &Hit) -> bool {
    if LEXICON.triggers.values[h.entry].kind != "ceasefire" {
        return false;
    }
    let before = words_before(f, cl.start, h.start, 5);
    let after = words(f, h.fend.min(f.text.len()), f.folded_at(cl.end));
    let accepted = before.iter().any(|w| w.starts_with("accept") || w.starts_with("agree"));
    !accepted
        && (after.first().is_some_and(|w| cues().sought_after.contains(w))
            || before.iter().any(|w| cues().sought_before.iter().any(|s| w.starts_with(s))))
}

/// True when the trigger is what a word of ending or preventing names ("raising hopes of an end
/// to fighting"): no incident.
fn ended(f: &Folded, cl: Span, h: &Hit) -> bool {
    let w = words_before(f, cl.start, h.start, 3);
    w.iter().any(|x| cues().ending.contains(x))
        && matches!(w.last(), Some(&("to" | "des" | "du" | "de" | "the" | "les" | "aux" | "of")))
}

/// True when a verb of condemning stands among the three words before the trigger.
fn condemned(f: &Folded, cl: Span, h: &Hit) -> bool {
    words_before(f, cl.start, h.start, 3)
        .iter()
        .any(|w| cues().condemn.iter().any(|c| w.starts_with(c)))
}

/// "Plateau has been plagued by clashes between farmers and herders", "une région en proie
/// aux violences": a lasting state the background tells, not an incident.
fn chronic(f: &Folded, cl: Span, h: &Hit) -> bool {
    words_before(f, cl.start, h.start, 4).iter().any(|w| cues().chronic.contains(w))
        || since_year(f, cl)
        || habitual(f, cl)
        || since_long(f, cl)
}

/// "The Houthis have launched dozens of attacks on shipping since November", "les jihadistes
/// ont tué des centaines de civils depuis le coup d'État": what a party has done since a month
/// or a turning point, told in the perfect, is the background's (not "have killed 80 people
/// since Thursday").
fn since_long(f: &Folded, cl: Span) -> bool {
    let w = words(f, f.folded_at(cl.start), f.folded_at(cl.end));
    since_period(&w) && w.iter().any(|x| matches!(*x, "has" | "have" | "ont"))
}

/// True when "since"/"depuis" stands among the words `w` with a word `what` accepts among the
/// three after it.
fn since(w: &[&str], what: impl Fn(&str) -> bool) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        matches!(*x, "since" | "depuis") && w[i + 1..].iter().take(3).any(|y| what(y))
    })
}

/// "since November", "depuis le 8 octobre", "since the coup": since a month or a turning point.
fn since_period(w: &[&str]) -> bool {
    since(w, |y| month(y) || cues().turning_points.contains(&y))
}

/// True when the clause tells a habit or the past at large ("bandits frequently carry out
/// kidnappings", "has targeted mosques in the past"; see `habitual` in the cue lists).
fn habitual(f: &Folded, cl: Span) -> bool {
    let w = words(f, f.folded_at(cl.start), f.folded_at(cl.end));
    (0..w.len()).any(|i| cues().habitual.iter().any(|p| opens_with(&w[i..], p))) || years_long(&w)
}

/// "has fought the government for more than 15 years", "depuis plus de dix ans": a fight told
/// over years, the background's.
/// (In English only with a present perfect before it, "has fought … for", not "where he had
/// lived for two decades"; the French "depuis" tells a state still going on.)
fn years_long(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let lead = match *x {
            "depuis" => true,
            "for" => {
                w[..i].iter().any(|y| matches!(*y, "has" | "have"))
                    && w.get(i + 1).is_some_and(|y| !matches!(*y, "the" | "these" | "those"))
            }
            _ => false,
        };
        lead && w[i + 1..]
            .iter()
            .take(4)
            .any(|y| matches!(*y, "years" | "ans" | "annees" | "decades" | "decennies"))
    })
}

/// True when the words `w` begin with the words of `phrase`.
fn opens_with(w: &[&str], phrase: &str) -> bool {
    phrase.split(' ').enumerate().all(|(n, p)| w.get(n) == Some(&p))
}

/// "More than 250 people have been killed in ethnic violence … since May 2023", "depuis
/// 2017": a count since a year, the background's.
pub(crate) fn since_year(f: &Folded, cl: Span) -> bool {
    since(&words(f, f.folded_at(cl.start), f.folded_at(cl.end)), year)
}

/// True for a folded word that is a year ("2024").
fn year(y: &str) -> bool {
    y.len() == 4
        && (y.starts_with("19") || y.starts_with("20"))
        && y.bytes().all(|b| b.is_ascii_digit())
}

/// True for a folded month name, French or English.
fn month(y: &str) -> bool {
    cues().months.contains(&y)
}

/// "Last year was the deadliest, with more than 1,600 people killed", "Plus de 5.600 personnes
/// ont été tuées en 2024", "Last June, more than 60 people were killed", "since the coup",
/// "Depuis le 8 octobre": a toll over a year, a month or weeks, or since a month's day or a
/// turning point, told with no incident, is the background's.
pub(crate) fn long_toll(f: &Folded, cl: Span) -> bool {
    let w = words(f, f.folded_at(cl.start), f.folded_at(cl.end));
    since_period(&w)
        || (0..w.len()).any(|i| cues().long_periods.iter().any(|p| opens_with(&w[i..], p)))
        || w.windows(2).any(|p| {
            (matches!(p[0], "in" | "en" | "during" | "durant" | "pendant")
                && (year(p[1]) || month(p[1])))
                || (matches!(p[0], "last" | "since") && month(p[1]))
                || (month(p[0]) && matches!(p[1], "dernier" | "passe"))
        })
}

/// True when hit `h` lies in a label that heads the clause ("Looting: On 9
/// May, rebels looted…"): a category named before a colon, not the telling.
fn in_label(a: &Analysis<'_>, cl: Span, h: &Hit) -> bool {
    let head = a.text().get(cl.start..(cl.start + 40).min(cl.end)).unwrap_or("");
    let Some(colon) = head.find(':') else { return false };
    let label = &head[..colon];
    h.end <= cl.start + colon
        && label.split_whitespace().count() <= 4
        && !label.chars().any(|c| c.is_ascii_digit())
        && cl.end > cl.start + colon + 10
}

fn main_hit(a: &Analysis<'_>, f: &Folded, cl: Span, hits: &[Hit]) -> (Hit, bool) {
    let t = |h: &Hit| &LEXICON.triggers.values[h.entry];
    // (A participle that describes a group tells nothing: "the group fighting to topple…".)
    let told: Vec<&Hit> = hits
        .iter()
        .filter(|h| !in_label(a, cl, h) && !tells_no_incident(a.text(), f, cl, h))
        .collect();
    let strong: Vec<&Hit> = if told.iter().any(|h| !t(h).weak) {
        told.into_iter().filter(|h| !t(h).weak).collect()
    } else {
        hits.iter().filter(|h| !t(h).weak).collect()
    };
    let main: Vec<&Hit> = strong.iter().copied().filter(|h| !subordinate(f, cl, h)).collect();
    let strong = if main.is_empty() { strong } else { main };
    let specific: Vec<&Hit> =
        strong.iter().copied().filter(|h| plural_reference(a, f, cl, h).is_none()).collect();
    let strong = if specific.is_empty() { strong } else { specific };
    // "X took control of Y after clashes with Z": the fight told after the
    // change of hands, as its background, is not the event; the change is.
    let territory = strong.iter().find(|h| t(h).sub_event_type.ends_with("territory"));
    let strong: Vec<&Hit> = match territory {
        Some(g) => strong
            .iter()
            .copied()
            .filter(|h| {
                h.start < g.end
                    || !words_before(f, cl.start, h.start, 3)
                        .iter()
                        .any(|w| cues().background_event.contains(w))
            })
            .collect(),
        None => strong,
    };
    // "un rassemblement de combattants", "a gathering of suspected militants", "un
    // rassemblement présumé de jihadistes": fighters gathered are a target, not a protest.
    let fighters = |h: &Hit| {
        let w = words(f, f.folded_at(h.end), f.folded_at(cl.end));
        let of = w.iter().take(2).position(|w| matches!(*w, "de" | "d" | "des" | "du" | "of"));
        of.is_some_and(|k| w.iter().skip(k + 1).take(2).any(|w| cues().armed_nouns.contains(w)))
    };
    let strong: Vec<&Hit> = if strong.iter().any(|h| family(&t(h).kind) != "protest") {
        strong.into_iter().filter(|h| family(&t(h).kind) != "protest" || !fighters(h)).collect()
    } else {
        strong
    };
    // "A suicide bomber blew himself up at a rally", "une bombe a explosé lors d'un meeting":
    // a gathering that is only where a blast struck is its setting, not the event.
    let blast = strong.iter().any(|h| {
        matches!(
            t(h).kind.as_str(),
            "suicide_bombing"
                | "bombing"
                | "airstrike"
                | "drone_strike"
                | "shelling"
                | "rocket_attack"
                | "missile_attack"
        )
    });
    let setting = |h: &Hit| {
        blast
            && family(&t(h).kind) == "protest"
            && words_before(f, cl.start, h.start, 3)
                .iter()
                .any(|w| cues().protest_setting.contains(w))
    };
    let strong: Vec<&Hit> = if strong.iter().any(|h| setting(h)) {
        strong.into_iter().filter(|h| !setting(h)).collect()
    } else {
        strong
    };
    let protest = strong
        .iter()
        .find(|h| family(&t(h).kind) == "protest" && t(h).sub_event_type != "Mob violence");
    if let Some(h) = protest {
        return (**h, false);
    }
    let best = highest(strong.iter().copied());
    // "affirme avoir tué 50 soldats et saisi des armes", "killed five militants and seized
    // weapons": arms taken in a killing are its spoils, not an incident of their own.
    let folded = |h: &Hit| f.text.get(h.fstart..h.fend).unwrap_or("").trim();
    let killing_before =
        |b: &Hit| hits.iter().find(|h| h.end <= b.start && t(h).weak && killing(folded(h)));
    let taken = |b: &Hit| t(b).mode == "seize" && taking(folded(b));
    let spoils = best.filter(|b| taken(b)).and_then(killing_before);
    // "killed two gendarmes and burned a police post": the killing is the incident, the
    // burning its aftermath.
    let burnt = best
        .filter(|b| t(b).sub_event_type == "Looting/property destruction")
        .and_then(killing_before);
    if let Some(k) = burnt {
        return (*k, true);
    }
    if let Some(k) = spoils {
        let other = highest(strong.iter().copied().filter(|h| !taken(h)));
        return other.map_or((*k, true), |h| (*h, false));
    }
    match best {
        Some(h) => (*h, false),
        // Only cues: the first that is no consequence of another ("un drone a touché le port,
        // provoquant un incendie": the drone's hit, not the fire).
        None => (*hits.iter().find(|h| !subordinate(f, cl, h)).unwrap_or(&hits[0]), true),
    }
}

/// The hit of the highest-ranking trigger, the first of equals.
fn highest<'h>(hits: impl Iterator<Item = &'h Hit>) -> Option<&'h Hit> {
    let t = |h: &Hit| &LEXICON.triggers.values[h.entry];
    hits.fold(None, |b, h| match b {
        Some(b) if rank_of(t(b)) >= rank_of(t(h)) => Some(b),
        _ => Some(h),
    })
}

/// True for a folded word of killing ("tue", "tuant", "killed", "killing", "neutralises").
fn killing(w: &str) -> bool {
    ["tu", "kill", "neutralis"].iter().any(|p| w.starts_with(p))
}

/// True for a folded word of taking arms ("saisi des armes", "seized", "confiscated"), not of
/// stopping them ("shot down", "exploded prematurely").
fn taking(w: &str) -> bool {
    ["sais", "seiz", "confis", "recover", "empar"].iter().any(|p| w.starts_with(p))
}

/// A truce the clause says is over is a statement of its end (THREATEN), not an agreement.
fn ended_truce(f: &Folded, cl: Span, trig: &'static Trigger) -> Option<&'static Trigger> {
    if trig.kind != "ceasefire"
        || !words(f, f.folded_at(cl.start), f.folded_at(cl.end))
            .iter()
            .any(|w| cues().truce_ended.contains(w))
    {
        return None;
    }
    LEXICON.triggers.values.iter().find(|t| t.kind == "statement" && t.plover == "THREATEN")
}

/// "a abattu dans la nuit 45 des 60 drones": a verb of shooting dead whose object, a few words
/// on, is a drone, missile, rocket or aircraft tells a weapon disrupted, not an attack.
fn downed(
    a: &Analysis<'_>,
    f: &Folded,
    cl: Span,
    main: &Hit,
    trig: &'static Trigger,
) -> Option<&'static Trigger> {
    let folded = f.text.get(main.fstart..main.fend).unwrap_or("").trim();
    // "a neutralisé trois engins explosifs": any weapon made harmless.
    let neutralised = folded.starts_with("neutralis");
    // "its air defences had destroyed 41 Ukrainian drones": drones destroyed in flight.
    let destroyed = folded.starts_with("destroy") || folded.starts_with("detrui");
    let shot = trig.kind == "attack" && (folded.starts_with("abattu") || neutralised);
    if !(shot || destroyed) {
        return None;
    }
    // The first weapon within eight words after the verb; in the passive ("62 drones ont été
    // abattus"), the last within six words before it.
    let passive = words_before(f, cl.start, main.start, 2).contains(&"ete");
    let first = if passive {
        let from = f.folded_at(cl.start);
        let back =
            words(f, from, main.fstart).iter().rev().take(6).map(|w| w.len() + 1).sum::<usize>();
        LEXICON
            .weapons
            .find(f, main.fstart.saturating_sub(back).max(from), main.fstart, a.lang)
            .into_iter()
            .map(|h| LEXICON.weapons.values[h.entry].as_str())
            .rfind(|w| !w.is_empty())?
    } else {
        let reach = words(f, main.fend, f.folded_at(cl.end))
            .iter()
            .take(8)
            .map(|w| w.len() + 1)
            .sum::<usize>();
        LEXICON
            .weapons
            .find(f, main.fend, (main.fend + reach).min(f.folded_at(cl.end)), a.lang)
            .into_iter()
            .map(|h| LEXICON.weapons.values[h.entry].as_str())
            .find(|w| !w.is_empty())?
    };
    let downed = matches!(first, "drone" | "missile" | "rocket" | "aircraft");
    if !(downed || (neutralised && first != "firearm")) {
        return None;
    }
    LEXICON.triggers.values.iter().find(|t| t.sub_event_type == "Disrupted weapons use")
}

fn clause_drafts(
    a: &Analysis<'_>,
    f: &Folded,
    x: &Facts<'_>,
    si: usize,
    cl: Span,
    hits: &[Hit],
    out: &mut Vec<Draft>,
) {
    let (main, weak) = main_hit(a, f, cl, hits);
    // A cue that only tells a consequence ("…, provoquant un incendie") is no event.
    if weak && subordinate(f, cl, &main) {
        return;
    }
    if war_told(f, cl, main.start)
        || chronic(f, cl, &main)
        || tells_no_incident(a.text(), f, cl, &main)
        || (weak
            && (family(&LEXICON.triggers.values[main.entry].kind) == "attack"
                || casualties(a, f, x, si, cl, None).0.is_some())
            && long_toll(f, a.seg.sentences.get(si).map_or(cl, |s| s.span)))
    {
        return;
    }
    // The label that heads the clause ("Arrests: …", "Weapons seizure: …")
    // is the reporter's own coding: its type stands; the roles come from the
    // telling after it.
    let label = hits.iter().find(|h| {
        let t = &LEXICON.triggers.values[h.entry];
        in_label(a, cl, h) && !t.sub_event_type.is_empty() && !t.weak
    });
    let trig: &'static Trigger = &LEXICON.triggers.values[label.unwrap_or(&main).entry];
    let trig = downed(a, f, cl, &main, trig).or_else(|| ended_truce(f, cl, trig)).unwrap_or(trig);
    // "debris from a downed missile fell on a building, killing two people": a weapon stopped
    // that still kills is its attack.
    // (And "a Houthi missile set fire to a fuel tanker": a fire a strike set is the strike.)
    let stopped = trig.sub_event_type == "Disrupted weapons use"
        && casualties(a, f, x, si, cl, None).0.is_some_and(|n| n > 0);
    let burnt = trig.sub_event_type == "Looting/property destruction";
    let weapons = LEXICON.weapons.find(f, f.folded_at(cl.start), f.folded_at(cl.end), a.lang);
    let trig = if stopped || burnt {
        let has = |w: &str| weapons.iter().any(|h| LEXICON.weapons.values[h.entry] == w);
        let kind = if has("missile") {
            Some("missile_attack")
        } else if has("rocket") {
            Some("rocket_attack")
        } else if has("drone") {
            Some("drone_strike")
        } else if burnt && has("aircraft") {
            Some("airstrike")
        } else {
            None
        };
        kind.and_then(|k| LEXICON.triggers.values.iter().find(|t| t.kind == k && !t.weak))
            .unwrap_or(trig)
    } else {
        trig
    };
    // A cue with a weapon named is an attack told ("fired 82mm mortars at").
    let armed_cue = family(&trig.kind) == "attack"
        && weapons.iter().any(|h| LEXICON.weapons.values[h.entry] != NO_WEAPON);
    if trig.armed && !armed_cue {
        return;
    }
    // "Le Hamas a dénoncé un « massacre »", "condemned the killing": an incident named as
    // what a party condemns is one told elsewhere (only a cue for it, which the condemning
    // party did not do).
    let condemned = condemned(f, cl, &main);
    let weak = (weak && !armed_cue) || condemned;
    let tspan = Span::new(main.start, main.end);
    let before = words_before(f, cl.start, tspan.start, 2);
    // (French "a" before a verb is the auxiliary: "l'aviation a bombardé".)
    let det =
        |w: &&str| DETERMINERS.contains(w) && !(*w == "a" && a.lang == sitrep_model::Lang::Fr);
    // (An adjective may stand between: "une double frappe", "une nouvelle attaque".)
    let nominal = trig.noun
        || before.last().is_some_and(det)
        || (before.len() == 2 && det(&before[0]) && cues().prenominal.contains(&before[1]));
    // "attacks by X", "soldiers ambushed by X", "attaqués par X": a trigger
    // whose next word is the agent's preposition is a noun or a reduced
    // passive; either way the "by" phrase names its actor.
    let agent_next = words(f, f.folded_at(tspan.end), f.folded_at(cl.end))
        .first()
        .is_some_and(|w| matches!(*w, "by" | "par"));
    let passive = trig.passive
        || (!nominal && agent_next)
        || (!nominal
            && before.iter().any(|w| PASSIVE_AUX.contains(w))
            && !shouted_aux(a.text(), cl, tspan));
    // Coordinated targets: the subject of a passive, or the object of an active verb.
    let region = if passive {
        Some(Span::new(cl.start, tspan.start))
    } else if !nominal {
        Some(Span::new(tspan.end, cl.end))
    } else {
        None
    };
    let all: Vec<Span> = region.map(|r| conjuncts(a.text(), f, r)).unwrap_or_default();
    // A conjunct that is a town or site by its bare name in a list that "and"/"et" closes
    // ("Kafr Nabl, Saraqeb et Maarat"; not the chain "Chechi, Daquq, Kirkuk"), unless it is
    // the division of the name before ("Hays, Al Hudaydah").
    let listed = region.is_some_and(|r| {
        let w = words(f, f.folded_at(r.start), f.folded_at(r.end));
        w.iter().any(|w| matches!(*w, "and" | "et"))
    });
    let bare_place = |k: usize| {
        if !listed {
            return false;
        }
        let c = all[k];
        let Some(p) = a.places.iter().find(|p| p.start == c.start && p.end <= c.end) else {
            return false;
        };
        let fold = sitrep_gazetteer::norm::fold;
        let holds = |q: &Place| q.admin1.as_deref().is_some_and(|d| fold(d) == fold(&p.name));
        // (A reading abroad is a stray, not one more town of the list.)
        let home = x.home.is_none_or(|h| p.country.as_deref() == Some(h));
        rank(p) <= 1
            && home
            && !(k > 0
                && a.places
                    .iter()
                    .filter(|q| all[k - 1].contains(&Span::new(q.start, q.end)))
                    .any(holds))
    };
    let parts: Vec<Span> = (0..all.len())
        .filter(|&k| {
            let c = all[k];
            let first =
                words(f, f.folded_at(c.start), f.folded_at(c.end)).first().copied().unwrap_or("");
            (DETERMINERS.contains(&first)
                && a.places.iter().any(|p| c.contains(&Span::new(p.start, p.end))))
                || bare_place(k)
        })
        .map(|k| all[k])
        .collect();
    let generic = plural_reference(a, f, cl, &main);
    if parts.len() >= 2 {
        let first = out.len();
        for p in parts {
            out.push(draft(
                a,
                f,
                x,
                si,
                cl,
                p,
                hits,
                trig,
                tspan,
                (passive, nominal),
                weak,
                generic,
            ));
        }
        // The dead and hurt the clause tells outside every conjunct ("bombed X, Y and Z,
        // killing a dozen people") are the list's: counted once, on its first event.
        if out[first..].iter().all(|d| d.killed.is_none() && d.injured.is_none()) {
            let (killed, injured, claimed) = casualties(a, f, x, si, cl, None);
            out[first].killed = killed;
            out[first].injured = injured;
            out[first].toll_claimed = claimed;
        }
    } else {
        out.push(draft(a, f, x, si, cl, cl, hits, trig, tspan, (passive, nominal), weak, generic));
    }
    if condemned {
        if let Some(d) = out.last_mut() {
            (d.actor, d.actor_class) = (None, None);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draft(
    a: &Analysis<'_>,
    f: &Folded,
    x: &Facts<'_>,
    si: usize,
    cl: Span,
    region: Span,
    hits: &[Hit],
    trig: &'static Trigger,
    tspan: Span,
    (passive, nominal): (bool, bool),
    weak: bool,
    generic: Option<bool>,
) -> Draft {
    let text = a.text();
    let split = region != cl;
    // (Weapons shot down name no weapon of the verb's: "abattus" is no firearm there.)
    let disrupted = trig.sub_event_type == "Disrupted weapons use";
    let weapons = weapons_in(a, f, cl, if disrupted { &[] } else { hits });
    // The wire dateline ("MOGADISHU, Nov 12 (Reuters) -") names where the reporter files from:
    // its capital is no party to the clause it opens.
    let past_dateline = |s: Span| match x.dateline {
        Some((d, _)) if s.start <= d.start && d.end < s.end && d.end <= tspan.start => {
            Span::new(d.end, s.end)
        }
        _ => s,
    };
    let (mut actor, mut target): (Role, Role) =
        roles(a, f, past_dateline(cl), past_dateline(region), tspan, passive, nominal);
    // "Les Brigades du Hezbollah ont annoncé la fin de la trêve": a statement that is news in
    // itself is made by the party that tells it.
    if trig.stmt && actor.party.is_none() {
        let teller = crate::report::around(a, f, cl, tspan)
            .iter()
            .find_map(|r| crate::report::speaker(a, f, r))
            .filter(|m| target.span.is_none_or(|t| !t.overlaps(&m.span)));
        if let Some(m) = teller {
            actor = crate::roles::party_of(a, f, cl, m);
        }
    }
    // "an army vehicle struck an IED", "a soldier stepped on a landmine":
    // the subject is the device's victim, its author is not named here.
    if trig.kind == "bombing" && nominal && struck_device(f, cl, tspan) {
        if actor.party.is_some() {
            target = std::mem::take(&mut actor);
        } else {
            actor = Role::default();
        }
    }
    // "a suspect was killed after exchanging fire with the police": the
    // side the clause names as the casualty is not told as acting; the side
    // it fought ("with Y") is.
    let casualty = actor.span.is_some_and(|sp| {
        sp.end <= tspan.start
            && words(f, f.folded_at(sp.end), f.folded_at(tspan.start)).iter().any(|w| {
                matches!(*w, "was" | "were" | "been" | "killed" | "died" | "ete" | "tues" | "tue")
            })
    });
    if trig.kind == "armed_clash" && (actor.party.is_none() || casualty) {
        // "with Y", "avec des combattants du Y".
        // Without a side named as acting, also "avec des combattants du Y".
        let with = target.span.is_some_and(|t| {
            matches!(crate::roles::word_before_np(f, cl.start, t.start).as_str(), "with" | "avec")
                || (actor.party.is_none()
                    && words_before(f, cl.start, t.start, 4)
                        .iter()
                        .any(|w| matches!(*w, "with" | "avec")))
        });
        if with {
            actor = std::mem::take(&mut target);
        }
    }
    // "30 soldats tués dans une attaque jihadiste", "five soldiers were killed in an attack":
    // the subject before a nominal attack is its victim, not its author.
    if nominal && family(&trig.kind) == "attack" && trig.kind != "armed_clash" {
        let victim = actor.span.is_some_and(|sp| {
            let ws = words(f, f.folded_at(sp.end), f.folded_at(tspan.start));
            let died = |w: &&str| {
                matches!(*w, "killed" | "died" | "wounded" | "injured" | "tues" | "tue" | "tuee")
                    || matches!(*w, "tuees" | "morts" | "blesses" | "blesse")
            };
            sp.end <= tspan.start
                && match ws.as_slice() {
                    [w, ..] if matches!(*w, "was" | "were" | "been" | "ete" | "sont" | "ont") => {
                        ws.iter().take(4).any(died)
                    }
                    [w, next, ..] if died(w) => matches!(
                        *next,
                        "in" | "on"
                            | "during"
                            | "when"
                            | "dans"
                            | "lors"
                            | "au"
                            | "en"
                            | "par"
                            | "by"
                    ),
                    _ => false,
                }
        });
        if victim {
            if target.party.is_none() {
                target = std::mem::take(&mut actor);
            } else {
                actor = Role::default();
            }
        }
    }
    if let Some(v) = victims(a, f, x, si, cl, if split { Some(region) } else { None }) {
        // (Protesters fired on stay the target: "opened fire on protesters, killing two".)
        let kept = matches!(target.class, Some(PartyClass::Armed) | Some(PartyClass::Crowd));
        if !kept || target.party.as_ref().is_none_or(|p| p.canonical.is_none()) {
            target = v;
        }
    }
    // ACLED's convention: soldiers or police attacked off duty are civilians.
    let cl_folded = f.text.get(f.folded_at(cl.start)..f.folded_at(cl.end)).unwrap_or("");
    let armed_target = matches!(target.class, Some(PartyClass::Armed) | Some(PartyClass::Police));
    if armed_target && cues().off_duty.iter().any(|c| cl_folded.contains(c)) {
        target.class = Some(PartyClass::Civilian);
    }
    let location = locate(a, f, x, cl, region, si, &[actor.span, target.span]);
    let (date, date_told) = date_of(a, f, x, cl, si, tspan);
    let (killed, injured, toll_claimed) =
        casualties(a, f, x, si, cl, if split { Some(region) } else { None });
    let (mut modality, attributed_to) = modality(a, f, cl, tspan);
    // "Yemen's Houthi movement said it had targeted a ship": told by its own author, a deed
    // is claimed (a statement told by its speaker is only reported).
    let own_author = actor.party.as_ref().and_then(|p| p.canonical.as_deref()).is_some_and(|c| {
        attributed_to.as_deref() == Some(c) && !c.starts_with(crate::roles::UNIDENTIFIED)
    });
    if modality == "reported" && own_author && family(&trig.kind) != "statement" {
        modality = "claimed".to_string();
    }
    let continued = continued(f, cl, &actor);
    let apart = a.seg.sentences.get(si).is_some_and(|s| told_apart(f, s.span, tspan));
    let quoted = quoted_attack(a, trig, tspan);
    let framing = LEXICON
        .framing
        .find(f, f.folded_at(cl.start), f.folded_at(cl.end), a.lang)
        .iter()
        .map(|h| text[h.start..h.end].to_lowercase())
        .collect();
    let vague = location.as_ref().is_none_or(|(_, r)| *r >= 5);
    // A listed target before its trigger (passive) is evidence with the
    // trigger; one after it (active) is told from the trigger on.
    let evidence = match split {
        false => vec![cl],
        true if region.start >= tspan.end => vec![Span::new(tspan.start, region.end)],
        true => vec![region, tspan],
    };
    // "Plus de 1.000 civils ont été tués … par les forces de sécurité": a toll with the party
    // that inflicted it named as the agent tells an incident, not a mere count.
    let by_named_agent = killed.is_some()
        && actor.span.is_some_and(|sp| {
            // Right after the verb: "tués depuis jeudi par les forces", "killed by police".
            let between = words(f, f.folded_at(tspan.end), f.folded_at(sp.start));
            sp.start >= tspan.end
                && between.len() <= 4
                && between.iter().any(|w| matches!(*w, "par" | "by"))
        })
        && actor
            .party
            .as_ref()
            .and_then(|p| p.canonical.as_deref())
            .is_some_and(|c| !c.starts_with(crate::roles::UNIDENTIFIED));
    Draft {
        trig,
        trigger: tspan,
        triggers: vec![tspan],
        sentence: si,
        weapons,
        actor: actor.party,
        actor_class: actor.class,
        target: target.party,
        target_class: target.class,
        location,
        date,
        killed,
        injured,
        modality,
        attributed_to,
        framing,
        evidence,
        subject: subject_np(a, f, cl, tspan, nominal),
        umbrella: generic.is_some(),
        means: Vec::new(),
        anaphoric: (nominal && anaphoric(f, cl, tspan, generic.is_some()))
            || repelled_told(f, cl, tspan),
        continued,
        date_told,
        another: another(f, cl, tspan) || apart,
        apart,
        toll_claimed,
        weak: (weak && !by_named_agent)
            || killed.is_none() && (generic == Some(true) || (generic == Some(false) && vague))
            || quoted,
        quoted,
    }
}

/// True when an attack's trigger lies inside a direct quote ("\"They beat peaceful people,\"
/// an opposition leader said"): a speaker's words retell or judge an incident; they add to one
/// the text tells, or stand alone only when the text tells no incident at all.
fn quoted_attack(a: &Analysis<'_>, trig: &Trigger, t: Span) -> bool {
    family(&trig.kind) == "attack" && a.quotes.iter().any(|q| q.start <= t.start && t.end <= q.end)
}

/// True when the actor is named by a definite plural common noun for
/// unnamed perpetrators ("Les assaillants, arrivés à moto, ont incendié…",
/// "The gunmen then fled"): those of the incident told before.
fn continued(f: &Folded, cl: Span, actor: &Role) -> bool {
    let (Some(sp), Some(p)) = (actor.span, actor.party.as_ref()) else { return false };
    let unnamed = match p.canonical.as_deref() {
        Some(c) => c.starts_with(crate::roles::UNIDENTIFIED),
        None => actor.class == Some(PartyClass::Armed),
    };
    let ws = words(f, f.folded_at(sp.start), f.folded_at(sp.end));
    let det = |w: &&str| matches!(*w, "les" | "the" | "ces" | "these");
    let definite = ws.first().is_some_and(det)
        || words_before(f, cl.start, sp.start, 1).first().is_some_and(det);
    unnamed && definite
}

/// Definite and demonstrative singular determiners (folded).
pub(crate) const DEFINITE: [&str; 8] = ["l", "le", "la", "the", "this", "cette", "cet", "ce"];

/// True when the trigger is a noun after a definite or demonstrative
/// singular determiner ("L'attaque, qui n'a pas été revendiquée…", "The
/// attack bore the hallmarks of…"): it names an incident the reader already
/// knows of, when the text told one before.
fn anaphoric(f: &Folded, cl: Span, t: Span, plural: bool) -> bool {
    let before = words_before(f, cl.start, t.start, 1);
    let w = f.text.get(f.folded_at(t.start)..f.folded_at(t.end)).unwrap_or("");
    let singular = w.split_whitespace().next().is_some_and(|x| !x.ends_with('s'));
    !plural && singular && before.first().is_some_and(|d| DEFINITE.contains(d))
}

/// True when the trigger (or one of the two words before it) names its incident as one more
/// than those told: "Une autre frappe a détruit une maison", "a second explosion" (not "the
/// second such demonstration in a week", which counts a series).
fn another(f: &Folded, cl: Span, t: Span) -> bool {
    let own = f.text.get(f.folded_at(t.start)..f.folded_at(t.end)).unwrap_or("");
    let before = words_before(f, cl.start, t.start, 2);
    !before.contains(&"such")
        && (own.split_whitespace().any(|w| cues().another.contains(&w))
            || before.iter().any(|w| cues().another.contains(w)))
}

/// True when the sentence opens by setting its incident apart ("Separately, security forces
/// killed…", "Meanwhile in Ituri…", "Par ailleurs, …", "In another incident, …").
fn told_apart(f: &Folded, sentence: Span, t: Span) -> bool {
    let w = words(f, f.folded_at(sentence.start), f.folded_at(t.start));
    let head = &w[..w.len().min(4)];
    head.iter().any(|w| cues().apart.contains(w))
        || head.windows(2).any(|p| matches!(p[0], "another" | "autre") && p[1] == "incident")
}

/// "The army said it repelled the attack", "a repoussé l'assaut": an attack fought off that
/// the text names with a definite noun is the one told before.
fn repelled_told(f: &Folded, cl: Span, t: Span) -> bool {
    let verb = f.text.get(f.folded_at(t.start)..f.folded_at(t.end)).unwrap_or("").trim();
    let repel = ["repelled", "repulsed", "repel", "repousse", "repoussee", "repousses"];
    if !repel.contains(&verb) {
        return false;
    }
    let after = words(f, f.folded_at(t.end), f.folded_at(cl.end));
    matches!(
        after.as_slice(),
        [d, n, ..] if DEFINITE.contains(d)
            && matches!(*n, "attack" | "assault" | "raid" | "offensive" | "attaque" | "assaut")
    )
}

/// True when the device noun at `t` is the object of a `struck` (cues.tsv) verb, with
/// only a determiner or "on/over/sur" between them.
fn struck_device(f: &Folded, cl: Span, t: Span) -> bool {
    let ws = words_before(f, cl.start, t.start, 4);
    let Some(k) = ws.iter().rposition(|w| cues().struck.contains(w)) else { return false };
    ws[k + 1..]
        .iter()
        .all(|w| DETERMINERS.contains(w) || matches!(*w, "on" | "over" | "upon" | "sur"))
}

/// Attacks told in a row share their context: an attack whose clause names
/// no date takes the date of the umbrella mention of its paragraph ("des
/// frappes … au cours de ces derniers jours; … En outre, X et Y ont été
/// prises pour cible"), and one that names no means is coded with the means
/// of the attack told just before it in the paragraph, when it names no
/// perpetrator of its own (not listed as its weapons: the text does not say
/// so).
///
/// A clash whose clause names no side takes as its actor the armed party
/// the sentence before set out with ("the Military Police carried out an
/// operation in X. A shoot-out broke out…").
pub fn share_context(a: &Analysis<'_>, f: &Folded, drafts: &mut [Draft]) {
    let para = |d: &Draft| a.seg.sentences.get(d.sentence).map(|s| s.paragraph);
    for d in drafts.iter_mut() {
        if d.actor.is_none() && d.trig.kind == "armed_clash" && d.sentence > 0 {
            if let Some(r) = previous_agent(a, f, d.sentence) {
                d.actor = r.party;
                d.actor_class = r.class;
            }
        }
    }
    // "Hours later, militants attacked…", "Le même jour, …": the day of the incident told just
    // before.
    for i in 1..drafts.len() {
        let Some(s) = a.seg.sentences.get(drafts[i].sentence) else { continue };
        // (A date of its own without a day, "le même jour" itself, gives way.)
        if drafts[i].date.start.is_none() && same_day_opening(f, s.span, drafts[i].trigger) {
            let (done, rest) = drafts.split_at_mut(i);
            if let Some(e) = done.iter().rev().find(|e| e.date.start.is_some()) {
                rest[0].date = e.date.clone();
            }
        }
    }
    for i in 1..drafts.len() {
        if drafts[i].family() != "attack" || drafts[i].weak {
            continue;
        }
        let p = para(&drafts[i]);
        let (done, rest) = drafts.split_at_mut(i);
        let d = &mut rest[0];
        let prev =
            done.iter().rev().take_while(|e| para(e) == p).filter(|e| e.family() == "attack");
        if d.date.text.is_none() {
            if let Some(u) = prev.clone().find(|e| e.umbrella && e.date.text.is_some()) {
                d.date = u.date.clone();
            }
        }
        // "Une autre frappe…" after "un drone israélien a frappé…": another strike by the same
        // hand, when the text names none.
        if d.another && !d.apart && d.named_actor().is_none() {
            if let Some(e) = prev.clone().find(|e| e.actor.is_some()) {
                (d.actor, d.actor_class) = (e.actor.clone(), e.actor_class);
            }
        }
        // (Not to an attack whose clause names its own perpetrator: "Hours later, militants
        // attacked a police checkpoint" after a suicide bombing is no suicide bombing.)
        if d.weapons.is_empty() && d.actor.is_none() {
            if let Some(e) = prev.clone().find(|e| !e.weapons.is_empty() || !e.means.is_empty()) {
                d.means = if e.weapons.is_empty() { e.means.clone() } else { e.weapons.clone() };
            }
        }
    }
}

/// True when the sentence opens, before the trigger, with words that date its incident by the
/// one told before ("Hours later, …", "Le même jour, …").
fn same_day_opening(f: &Folded, sentence: Span, t: Span) -> bool {
    let w = words(f, f.folded_at(sentence.start), f.folded_at(t.start));
    cues().same_day.iter().any(|p| opens_with(&w, p))
}

/// The armed subject of the sentence before `si`, in the same paragraph.
fn previous_agent(a: &Analysis<'_>, f: &Folded, si: usize) -> Option<Role> {
    let (s, p) = (a.seg.sentences.get(si)?, a.seg.sentences.get(si - 1)?);
    if s.paragraph != p.paragraph {
        return None;
    }
    let m = a.actors.iter().find(|m| {
        p.span.contains(&m.span)
            && matches!(m.kind, EntityKind::Military | EntityKind::ArmedGroup)
            && !crate::roles::PREPOSITIONS
                .contains(&crate::roles::word_before_np(f, p.span.start, m.span.start).as_str())
    })?;
    Some(crate::roles::party_of(a, f, p.span, m))
}

/// The bare noun phrase right before the trigger: from the last comma (or
/// the clause start) to the trigger, without a light verb and determiner
/// ("school workers staged a protest" → "school workers"). `None` when it
/// is empty, long, or starts with a preposition.
fn subject_np(a: &Analysis<'_>, f: &Folded, cl: Span, t: Span, nominal: bool) -> Option<Span> {
    let text = a.text();
    let head = text.get(cl.start..t.start)?;
    let from = head.rfind([',', ':', ';', ')']).map_or(cl.start, |i| cl.start + i + 1);
    let mut ws: Vec<&str> = words(f, f.folded_at(from), f.folded_at(t.start));
    if nominal {
        if ws.last().is_some_and(|w| DETERMINERS.contains(w)) {
            ws.pop();
        }
        if ws.last().is_some_and(|w| cues().light_verbs.contains(w)) {
            ws.pop();
        }
    }
    let first = *ws.first()?;
    if ws.len() > 7 || crate::roles::PREPOSITIONS.contains(&first) || first == "on" {
        return None;
    }
    // Map the kept words back to original offsets.
    let fs = f.folded_at(from);
    let body = f.text.get(fs..f.folded_at(t.start))?;
    let mut end = fs;
    let mut start = None;
    let mut seen = 0;
    for (i, w) in body.split(' ').scan(0usize, |off, w| {
        let at = *off;
        *off += w.len() + 1;
        Some((at, w))
    }) {
        if w.is_empty() {
            continue;
        }
        if seen == ws.len() {
            break;
        }
        if start.is_none() {
            start = Some(fs + i);
        }
        end = fs + i + w.len();
        seen += 1;
    }
    let sp = Span::new(f.orig(start?), f.orig(end));
    (sp.start < sp.end && text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end))
        .then_some(sp)
}

/// The weapon of words in the weapon table that name none (`-` in `data/events/weapons.tsv`,
/// read as empty).
const NO_WEAPON: &str = "";

fn weapons_in(a: &Analysis<'_>, f: &Folded, cl: Span, hits: &[Hit]) -> Vec<String> {
    let mut found: Vec<(usize, String)> = hits
        .iter()
        .map(|h| (h.start, LEXICON.triggers.values[h.entry].weapon.clone()))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for h in LEXICON.weapons.find(f, f.folded_at(cl.start), f.folded_at(cl.end), a.lang) {
        let w = &LEXICON.weapons.values[h.entry];
        // ("Selon l'armée de l'air ukrainienne", "according to the air force": the source's
        // name, no weapon.)
        let source = words_before(f, cl.start, h.start, 3)
            .iter()
            .any(|w| matches!(*w, "selon" | "according" | "apres"));
        // ("-": a facility's or civil aviation's words, "base aérienne", no weapon.)
        if w != NO_WEAPON && !source {
            found.push((h.start, w.clone()));
        }
    }
    found.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, w) in found {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// The most precise place of the region, else of the clause, else of the sentence.
fn locate(
    a: &Analysis<'_>,
    f: &Folded,
    x: &Facts<'_>,
    cl: Span,
    region: Span,
    si: usize,
    roles: &[Option<Span>],
) -> Option<(Location, u8)> {
    let usable = |p: &&Place| {
        let sp = Span::new(p.start, p.end);
        // A country named as a party ("les États-Unis ont frappé") is not where it happened.
        // So is a capital that stands for its state ("Ankara a répliqué").
        let metonym = a.actors.iter().any(|m| {
            m.span == sp
                && !m.adjectival
                && matches!(m.kind, EntityKind::State | EntityKind::Government)
        });
        // Nor one that speaks ("Moscow accused Kyiv of…", "Ankara a dénoncé…"), or that is the
        // subject of a verb in the active ("la Russie a lancé 140 drones", not "l'Ukraine a été
        // frappée").
        let speaks = metonym && {
            let w = words(f, f.folded_at(p.end), f.folded_at(a.text().len().min(p.end + 40)));
            let verb = |i: usize| w.get(i).is_some_and(|w| cues().speaking.contains(w));
            let fr = a.lang == sitrep_model::Lang::Fr;
            let aux = w.first().is_some_and(|w| match *w {
                "a" | "ont" => fr,
                "has" | "have" | "had" => !fr,
                _ => false,
            });
            let passive = w.get(1).is_some_and(|w| matches!(*w, "ete" | "been"));
            // ("as Kyiv hits Russian refinery", "Kiev frappe": a verb of attack right after it,
            // in the present, is its deed; "Minsk demonstration" is where.)
            let end = a.text().len().min(p.end + 24);
            let acts =
                LEXICON.triggers.find(f, f.folded_at(p.end), f.folded_at(end), a.lang).iter().any(
                    |h| {
                        let t = &LEXICON.triggers.values[h.entry];
                        let gap = a.text().get(p.end..h.start).unwrap_or("x");
                        let word = a.text().get(h.start..h.end).unwrap_or("");
                        !t.noun
                            && !gap.is_empty()
                            && gap.chars().all(char::is_whitespace)
                            && (fr || word.ends_with('s'))
                    },
                );
            verb(0) || (aux && (verb(1) || !passive)) || acts
        };
        // "artillery fire on southern Lebanon", "sur le sud du Liban": a part of the country,
        // where, whatever role it also plays.
        let part = words_before(f, p.start.saturating_sub(24), p.start, 2).iter().any(|w| {
            matches!(
                *w,
                "southern"
                    | "northern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "sud"
                    | "nord"
                    | "est"
                    | "ouest"
                    | "centre"
            )
        });
        let party =
            (p.feature == "country" && !part && roles.iter().flatten().any(|r| r.contains(&sp)))
                || (metonym && roles.first().copied().flatten().is_some_and(|r| r.contains(&sp)))
                || speaks;
        // A country that acts ("drones launched by Russia") is not where.
        let agent = p.feature == "country"
            && words_before(f, p.start.saturating_sub(20), p.start, 1)
                .first()
                .is_some_and(|w| matches!(*w, "by" | "par"));
        let party = party || agent;
        // "Yemen: Houthi drone attack hits Saudi oil facility": a place that heads a headline
        // before a colon is its label, not where.
        let label = words_before(f, 0, p.start, 1).is_empty()
            && a.text()
                .get(p.end..)
                .is_some_and(|t| t.trim_start_matches([' ', '\u{a0}']).starts_with(':'));
        let party = party || label;
        // The dateline's town abroad ("BEYROUTH, 9 mars (AFP)" on Syria) is where the reporter
        // files from, never where.
        let filed_abroad = x.in_dateline(sp) && x.home.is_some() && p.country.as_deref() != x.home;
        let party = party || filed_abroad;
        // "the governor of Norte de Santander said", "le gouverneur du Nord-Kivu": the seat of
        // an office its holder is named by, not where.
        let office = {
            let w = words_before(f, p.start.saturating_sub(40), p.start, 3);
            let n = w.len();
            n >= 2
                && matches!(w[n - 1], "of" | "de" | "du" | "d" | "des")
                && (cues().office_titles.contains(&w[n - 2])
                    || (n == 3
                        && matches!(w[n - 2], "la" | "l")
                        && cues().office_titles.contains(&w[n - 3])))
        };
        // (Only where the office holder tells the story: "the house of the Mayor of Tyr was
        // shot at" happened there.)
        let tells = office && {
            let end = a.text().len().min(p.end + 60);
            words(f, f.folded_at(p.end), f.folded_at(end))
                .iter()
                .take(8)
                .any(|w| cues().speaking.contains(w))
        };
        let party = party || tells;
        // "avant de se retirer vers les îles du lac Tchad", "fled towards the border": where
        // they went, not where the event happened.
        let heading = {
            let w = words_before(f, p.start.saturating_sub(80), p.start, 8);
            let k = w.iter().rposition(|w| matches!(*w, "vers" | "towards" | "toward"));
            // (Up to three words between, "vers les îles du lac Tchad"; after a verb of going
            // away: rockets "fired towards northern Israel" fell there.)
            const AWAY: [&str; 12] = [
                "retir", "repli", "fui", "enfui", "fled", "flee", "withdr", "retreat", "escap",
                "echapp", "dirig", "head",
            ];
            k.is_some_and(|k| {
                w.len() - k <= 4
                    && w[k.saturating_sub(3)..k]
                        .iter()
                        .any(|v| AWAY.iter().any(|a| v.starts_with(a)))
            })
        };
        let party = party || heading;
        // Nor is a name the actor tagger read as a group or person ("Taliban", "Boko Haram").
        let actor = a.actors.iter().any(|m| {
            m.span.overlaps(&sp)
                && !m.adjectival
                && !matches!(m.kind, EntityKind::State | EntityKind::Place)
                && m.span.len() >= sp.len()
        });
        !party && !actor
    };
    let home = x.home;
    let sentence = a.seg.sentences.get(si).map(|s| s.span).unwrap_or(cl);
    let fronted = fronted_place(a, f, sentence);
    let best = |within: Span| {
        let inside = |p: &&Place| within.contains(&Span::new(p.start, p.end));
        // "À Niamey, le gouvernement a décrété un couvre-feu dans la région
        // de Tillabéri…": a place set before the sentence frames its main
        // verb; a place the clause itself names wins over it.
        let framed = |p: &&Place| {
            Some(p.start) == fronted
                && a.places
                    .iter()
                    .filter(inside)
                    .filter(usable)
                    .any(|q| Some(q.start) != fronted && rank(q) <= 3 && q.country == p.country)
        };
        let cands: Vec<&Place> =
            a.places.iter().filter(inside).filter(usable).filter(|p| !framed(p)).collect();
        let nest = nesting(a.text(), &cands, x);
        cands
            .iter()
            .zip(&nest)
            .map(|(p, n)| (n.reread.as_ref().unwrap_or(p), n))
            .min_by_key(|(p, n)| {
                // A reading found inside the place the text sets it in is never a stray
                // abroad, whatever the other names say.
                // (A sea or a region of no country is nobody's abroad.)
                let foreign = home.is_some()
                    && p.country.is_some()
                    && p.country.as_deref() != home
                    && n.reread.is_none();
                // "in X", "near X", "à X": the place the clause sets the event in.
                let w = words_before(f, within.start.min(p.start), p.start, 1);
                let locative = w.first().is_some_and(|w| cues().locative.contains(w));
                // A town read with little confidence ranks after a surer district.
                let r = rank(p) + u8::from(p.score < 0.7 && rank(p) <= 1);
                let sub = sub_locality(a.text(), f, p);
                // The dateline's town is where the reporter files from: where only when the
                // text names no other place for the event.
                let filed = x.in_dateline(Span::new(p.start, p.end));
                // A place the text names inside a division still beats the country
                // ("Sadr City neighborhood, Baghdad city, Baghdad governorate, Iraq").
                let country = rank(p) >= 6;
                (
                    filed,
                    // A country named as an adjective ("Turkish forces") says whose, not where.
                    demonym(a, p),
                    foreign,
                    n.stray,
                    p.score < 0.5,
                    country,
                    sub,
                    n.outer,
                    r,
                    !locative,
                    p.start,
                )
            })
            .map(|(p, _)| p.clone())
    };
    let p = best(region).or_else(|| best(cl)).or_else(|| best(sentence))?;
    // The dateline's town alone ("JUBA, Nov 3 (Reuters) - Twenty people were killed in
    // clashes"): the reporter files from there, the event lies somewhere in its country.
    if x.in_dateline(Span::new(p.start, p.end)) && rank(&p) < 6 {
        if let Some(c) = p.country.as_deref().and_then(sitrep_gazetteer::country) {
            return Some((country_location(&p, &c), 6));
        }
    }
    Some((location_of(&p, x), rank(&p)))
}

/// The country of the dateline's town `p` (see [`locate`]), its evidence the town's words.
fn country_location(p: &Place, c: &sitrep_gazetteer::Candidate) -> Location {
    Location {
        text: p.text.clone(),
        name: c.name.clone(),
        geonameid: c.geonameid,
        country: c.country.clone(),
        admin1: None,
        lat: c.lat,
        lon: c.lon,
        precision: "country".to_string(),
    }
}

/// What the text says of a place against the place named right after it.
#[derive(Clone, Default)]
struct Nest {
    /// The text sets a more precise place inside this one ("Surobi district, Kabul",
    /// "Bouficha (Sousse)"): the smaller place is where.
    outer: bool,
    /// The text sets this place inside one its reading lies far from ("Castilla, Piura" read
    /// as Castilla in Spain): the reading is a namesake, the container is surer.
    stray: bool,
    /// The namesake of a stray place that does lie in its container: the reading the text
    /// asks for.
    reread: Option<Place>,
}

/// [`Nest`] of each place (in text order) against the next ones: a place followed within a
/// few containment words by another of the same country is inside it when its point lies
/// within reach of the container's (a division is wide, a town that names its district
/// less so), else it is a namesake read in the wrong place.
fn nesting(text: &str, places: &[&Place], x: &Facts<'_>) -> Vec<Nest> {
    let home = x.home;
    let mut out = vec![Nest::default(); places.len()];
    for i in 0..places.len() {
        let q = places[i];
        if rank(q) > 2 {
            continue;
        }
        let Some(j) = (i + 1..places.len()).find(|&j| places[j].start >= q.end) else {
            continue;
        };
        let p = places[j];
        // "an individual from Afrin in Idleb": where someone comes from is not where.
        let before = text.get(..q.start).unwrap_or("").trim_end();
        if before.ends_with(" from") || before.ends_with(" From") {
            continue;
        }
        let Some(gap) = text.get(q.end..p.start) else { continue };
        if gap.len() > 40
            || !gap.contains([',', '(']) && !gap.contains(" of ") && !gap.contains(" in ")
        {
            continue;
        }
        let words_ok = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| cues().nest_gap.contains(&w.to_lowercase().as_str()));
        if !words_ok || gap.contains([')', '.', ';']) {
            continue;
        }
        if rank(p) == 0 || rank(p) == 4 || rank(p) == 5 {
            continue;
        }
        if rank(p) == 6 {
            // "X, Iraq": a reading in another country is a namesake.
            out[i].stray |=
                q.country.is_some() && q.country != p.country && p.country.as_deref() == home;
            continue;
        }
        let (Some(a), Some(b)) = (q.lat.zip(q.lon), p.lat.zip(p.lon)) else { continue };
        let d = sitrep_gazetteer::km(a, b);
        let reach = if rank(p) >= 3 { 500.0 } else { 120.0 };
        // "Slavne, Donetsk" read as a Slavne of another province: the division the text
        // names says the reading is a namesake (a town just across a boundary is let be).
        let elsewhere = matches!(rank(p), 2 | 3)
            && q.admin1.is_some()
            && p.admin1.is_some()
            && q.admin1 != p.admin1
            && d > 50.0;
        if q.country == p.country && d <= reach && !elsewhere {
            out[j].outer = true;
            continue;
        }
        // Either reading may be the namesake; a town's point far from the town that
        // contains it in the same country is, and so is one abroad when the container is
        // in the country the text is about.
        let far = rank(p) <= 2
            && if q.country == p.country { d > 300.0 } else { p.country.as_deref() == home };
        if !far && !elsewhere && q.country == p.country {
            continue;
        }
        // A namesake of the name inside the container is the place the text means.
        let key = (q.start, p.start);
        let known = x.rereads.borrow().iter().find(|(k, _)| *k == key).map(|(_, r)| r.clone());
        let reread = known.unwrap_or_else(|| {
            let r = namesake_within(q, p);
            x.rereads.borrow_mut().push((key, r.clone()));
            r
        });
        if let Within::Namesake(r) = reread {
            out[i].reread = Some(*r);
            out[j].outer = true;
        } else if far || elsewhere && !verbatim(q) && !matches!(reread, Within::Known) {
            // A reading that keeps the text's own name stands against a division the text
            // may have wrong; a looser one does not.
            out[i].stray = true;
        }
    }
    out
}

/// True when a place's reading bears the name the text gives it, accents and case aside
/// ("Apodaca" read as "Ciudad Apodaca", not "Slavne" read as "Slavnoye").
fn verbatim(p: &Place) -> bool {
    let (t, n) = (sitrep_gazetteer::norm::fold(&p.text), sitrep_gazetteer::norm::fold(&p.name));
    !t.is_empty() && format!(" {n} ").contains(&format!(" {t} "))
}

/// What the gazetteer says of a place `q` the text sets inside a place `p` its reading lies
/// outside of.
#[derive(Clone)]
enum Within {
    /// A town or district of `q`'s name in `p`'s first-level division (and near `p` when `p`
    /// is a town): the reading the text asks for.
    Namesake(Box<Place>),
    /// `q`'s own reading is a town of some size: the text more likely names the division
    /// loosely (a town by a boundary, or moved to another division) than a hamlet namesake.
    Known,
    Nothing,
}

/// Population from which a town's reading stands against the division the text names.
const KNOWN_TOWN: u64 = 20_000;

fn namesake_within(q: &Place, p: &Place) -> Within {
    let (Some(cc), Some(a1)) = (p.country.as_deref(), p.admin1.as_deref()) else {
        return Within::Nothing;
    };
    let near = p.lat.zip(p.lon);
    let cands = sitrep_gazetteer::geocode(&q.text, Some(cc));
    let inside = cands.iter().find(|c| {
        matches!(c.feature.as_str(), "city" | "admin2")
            && c.admin1.as_deref() == Some(a1)
            && c.lat
                .zip(c.lon)
                .zip(near)
                .is_some_and(|(x, y)| rank(p) >= 2 || sitrep_gazetteer::km(x, y) <= 120.0)
    });
    let Some(c) = inside.cloned() else {
        let big = cands.iter().any(|c| {
            c.geonameid.is_some() && c.geonameid == q.geonameid && c.population >= KNOWN_TOWN
        });
        return if big { Within::Known } else { Within::Nothing };
    };
    let precision = if c.feature == "admin2" { "admin2" } else { "city" };
    Within::Namesake(Box::new(Place {
        name: c.name.into(),
        geonameid: c.geonameid,
        feature: c.feature.into(),
        country: c.country.map(Into::into),
        admin1: c.admin1.map(Into::into),
        lat: c.lat,
        lon: c.lon,
        precision: precision.into(),
        ..q.clone()
    }))
}

/// The start of the place a sentence opens with as its frame: "À Niamey,
/// …", "In Erbil, …" (a locative preposition, the name, a comma).
fn fronted_place(a: &Analysis<'_>, f: &Folded, s: Span) -> Option<usize> {
    let p = a.places.iter().find(|p| p.start >= s.start && p.start < s.end)?;
    let head = words_before(f, s.start, p.start, 3);
    let comma = a.text().get(p.end..s.end)?.trim_start().starts_with(',');
    (head.len() == 1 && matches!(head[0], "a" | "in" | "at" | "dans" | "en" | "au") && comma)
        .then_some(p.start)
}

/// True when the place is read inside a longer name of a part of a town:
/// the gazetteer's reading of it is likely a namesake elsewhere.
fn sub_locality(text: &str, f: &Folded, p: &Place) -> bool {
    let after = text.get(p.end..).unwrap_or("");
    let next: String = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let rest_words = words(f, f.folded_at(p.end), f.folded_at((p.end + 40).min(text.len())));
    // The name runs on ("Bat Galim Square"): one more capitalised word, then the part noun.
    let runs_on = after.trim_start().starts_with(|c: char| c.is_uppercase())
        && rest_words.get(1).is_some_and(|w| cues().part_after.contains(w));
    let before = words_before(f, p.start.saturating_sub(30), p.start, 1);
    cues().part_after.contains(&next.as_str())
        || runs_on
        || before.first().is_some_and(|w| cues().part_before.contains(w))
}

/// The country most of the document's places lie in, when one leads alone. A demonym
/// ("Turkish forces") says whose forces, not where, and has no vote.
pub(crate) fn home_country<'a>(a: &Analysis<'a>) -> Option<&'a str> {
    // (country, mentions)
    let mut votes: Vec<(&str, u32)> = Vec::new();
    for p in a.places {
        let Some(c) = p.country.as_deref() else { continue };
        if demonym(a, p) {
            continue;
        }
        match votes.iter_mut().find(|v| v.0 == c) {
            Some(v) => v.1 += 1,
            None => votes.push((c, 1)),
        }
    }
    let max = votes.iter().map(|v| v.1).max()?;
    let top: Vec<_> = votes.iter().filter(|v| v.1 == max).collect();
    (top.len() == 1).then(|| top[0].0)
}

/// True when a country's mention is an adjective ("Turkish forces", "the Afghan army", "the
/// US dollar", "les soldats maliens"): it says whose, not where.
pub(crate) fn demonym(a: &Analysis<'_>, p: &Place) -> bool {
    if p.feature != "country" {
        return false;
    }
    let sp = Span::new(p.start, p.end);
    let fold = sitrep_gazetteer::norm::fold;
    let adjective = fold(&p.text) != fold(&p.name)
        && a.text()
            .get(p.end..)
            .and_then(|t| t.strip_prefix(' '))
            .is_some_and(|t| t.starts_with(|c: char| c.is_lowercase()));
    // "Yemen's Houthi rebels": a possessive says whose, as an adjective does.
    let possessive =
        a.text().get(p.end..).is_some_and(|t| t.starts_with("'s ") || t.starts_with("’s "));
    adjective
        || possessive
        || a.actors.iter().any(|m| {
            m.span.overlaps(&sp)
                && (m.adjectival || (m.span.start == p.start && m.span.end > p.end))
        })
}

fn ymd(d: Option<NaiveDate>) -> Option<String> {
    use chrono::Datelike;
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// The event's date, and whether it is only the day it was told ("residents said on Tuesday",
/// "a annoncé mardi l'armée"): a date of telling stands only where the text dates the event no
/// other way (as ACLED dates an event by its report when nothing else dates it).
fn date_of(
    a: &Analysis<'_>,
    f: &Folded,
    x: &Facts<'_>,
    cl: Span,
    si: usize,
    t: Span,
) -> (EventDate, bool) {
    let all = x.dates(a, si);
    let mut ds: Vec<&DateMention> = all.iter().filter(|d| cl.contains(&d.span)).collect();
    if ds.is_empty() {
        ds = all.iter().collect();
    }
    let dist =
        |s: Span| if s.end <= t.start { t.start - s.end } else { s.start.saturating_sub(t.end) };
    let from = a.seg.sentences.get(si).map_or(cl.start, |s| s.span.start);
    let best = ds
        .iter()
        .filter(|d| d.kind != DateKind::Vague || d.start.is_some())
        .map(|d| (d, told_on(f, from, d.span)))
        .min_by_key(|(d, told)| (d.start.is_none(), *told, dist(d.span)))
        .or_else(|| ds.first().map(|d| (d, told_on(f, from, d.span))));
    match best {
        Some((d, told)) => {
            (EventDate { text: Some(d.text.clone()), start: ymd(d.start), end: ymd(d.end) }, told)
        }
        None => (EventDate::default(), false),
    }
}

/// True when the date at `d` follows a verb of telling (with "on" between in English).
fn told_on(f: &Folded, from: usize, d: Span) -> bool {
    let w = words_before(f, from, d.start, 2);
    let w: Vec<&str> = w.into_iter().filter(|w| *w != "on").collect();
    w.last().is_some_and(|w| cues().speaking.contains(w))
}

/// The victims named by a casualty phrase, as the target.
fn victims(
    a: &Analysis<'_>,
    f: &Folded,
    x: &Facts<'_>,
    si: usize,
    cl: Span,
    region: Option<Span>,
) -> Option<Role> {
    x.casualties(a, si)
        .iter()
        .filter(|c| cl.contains(&c.span))
        .filter(|c| region.is_none_or(|r| r.overlaps(&c.span)))
        .filter_map(|c| c.who)
        .find_map(|w| {
            crate::roles::named_in(a, f, cl, w).or_else(|| {
                let r = crate::roles::noun_role(a, f, w, false);
                r.party.is_some().then_some(r)
            })
        })
}

/// The dead and hurt the clause counts, and whether every count is one a party claims ("qui
/// affirme avoir tué 50 soldats": the toll is the infinitive of a verb of claiming).
fn casualties(
    a: &Analysis<'_>,
    f: &Folded,
    x: &Facts<'_>,
    si: usize,
    cl: Span,
    region: Option<Span>,
) -> (Option<u32>, Option<u32>, bool) {
    let mut killed: Option<u32> = None;
    let mut injured: Option<u32> = None;
    let mut claimed = None;
    for c in x.casualties(a, si).iter().filter(|c| cl.contains(&c.span)) {
        if region.is_some_and(|r| !r.overlaps(&c.span)) {
            continue;
        }
        let Some(n) = c.count else { continue };
        let by_claim = claim_infinitive(f, cl, c.span);
        claimed = Some(claimed.unwrap_or(true) && by_claim);
        let slot = match c.kind {
            CasualtyKind::Killed => &mut killed,
            CasualtyKind::Injured => &mut injured,
        };
        *slot = Some(match (*slot, c.toll) {
            (Some(x), true) => x.max(n),
            (Some(x), false) => x + n,
            (None, _) => n,
        });
    }
    (killed, injured, claimed.unwrap_or(false))
}

fn modality(a: &Analysis<'_>, f: &Folded, cl: Span, t: Span) -> (String, Option<String>) {
    let order = ["denied", "threatened", "planned", "hypothetical", "claimed", "reported"];
    let mut best: Option<usize> = None;
    for h in LEXICON.modality.find(f, f.folded_at(cl.start), f.folded_at(cl.end), a.lang) {
        let cue = &LEXICON.modality.values[h.entry];
        if cue.before && h.start >= t.start {
            continue;
        }
        // "n'a pas été revendiquée", "has not been claimed": no claim.
        if cue.modality == "claimed" && negated(f, cl, h.start) {
            continue;
        }
        if let Some(i) = order.iter().position(|m| *m == cue.modality) {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    // "threatened on Wednesday to strike", "a menacé mercredi de frapper": the fixed cues
    // above need the infinitive right after the threat.
    if threat_infinitive(f, cl, t) {
        best = Some(best.map_or(1, |b| b.min(1)));
    }
    // "a affirmé dans un communiqué avoir repoussé", "claimed on Monday to have downed": the
    // fixed cues above need the infinitive right after the claim.
    if claim_infinitive(f, cl, t) {
        best = Some(best.map_or(4, |b| b.min(4)));
    }
    let mut m = best.map_or("asserted", |i| order[i]).to_string();
    if m == "asserted" && purpose(f, cl, t) {
        m = "planned".to_string();
    }
    let mut by = None;
    if let Some(c) = a.claims.iter().find(|c| c.start <= t.start && t.end <= c.end) {
        if m == "asserted" {
            m = "reported".to_string();
        }
        by = Some(c.source.canonical.clone().unwrap_or_else(|| c.source.text.clone()));
    } else if let Some(q) = a.quotes.iter().find(|q| q.start <= t.start && t.end <= q.end) {
        by = Some(q.speaker.canonical.clone().unwrap_or_else(|| q.speaker.text.clone()));
    } else {
        // "…, a annoncé mardi l'armée malienne": told by the army.
        let reports = crate::report::around(a, f, cl, t);
        let who = reports
            .iter()
            .find_map(|r| crate::report::speaker(a, f, r))
            .map(|w| w.canonical.clone().unwrap_or_else(|| w.span.slice(a.text()).to_string()));
        let who = who
            .or_else(|| reports.iter().find_map(|r| crate::report::speaker_text(a.text(), f, r)));
        if who.is_some() {
            if m == "asserted" {
                m = "reported".to_string();
            }
            by = who;
        }
    }
    (m, by)
}

/// True when the trigger is the aim of an undertaking, not a deed told:
/// "came under fire during an operation to arrest suspects", "une
/// opération pour arrêter", "afin de neutraliser".
fn purpose(f: &Folded, cl: Span, t: Span) -> bool {
    let ws = words_before(f, cl.start, t.start, 5);
    let n = ws.len();
    if n < 2 {
        return false;
    }
    let (head, last) = (ws[n - 2], ws[n - 1]);
    match last {
        // "an operation (in Aleppo) to arrest".
        "to" | "pour" => {
            ws[..n - 1].iter().any(|w| cues().undertakings.contains(w) && *w != "afin")
        }
        "de" | "d" => head == "afin",
        _ => false,
    }
}

/// True when the trigger is the infinitive a threat names a few words earlier ("Iran
/// threatened on Wednesday to strike", "l'Iran a menacé mercredi de frapper").
fn threat_infinitive(f: &Folded, cl: Span, t: Span) -> bool {
    governed_infinitive(f, cl, t, &[&["to"], &["de"], &["d"]], |w| cues().threat_verbs.contains(&w))
}

/// True when a verb of claiming precedes the trigger's infinitive ("avoir", "to have") by a few
/// words: "a affirmé dans un communiqué avoir repoussé l'attaque".
fn claim_infinitive(f: &Folded, cl: Span, t: Span) -> bool {
    governed_infinitive(f, cl, t, &[&["to", "have"], &["avoir"]], |w| {
        ["affirm", "assur", "claim", "revendiqu", "indiqu", "annonc", "declar"]
            .iter()
            .any(|c| w.starts_with(c))
            || matches!(w, "dit" | "disent")
    })
}

/// True when the words before the trigger end with an infinitive's marker (one of `markers`)
/// and a verb `cue` accepts stands among the five words before that marker: the trigger is
/// what the verb threatens, claims… ("threatened on Wednesday to strike", "a affirmé dans un
/// communiqué avoir repoussé").
fn governed_infinitive(
    f: &Folded,
    cl: Span,
    t: Span,
    markers: &[&[&str]],
    cue: impl Fn(&str) -> bool,
) -> bool {
    let w = words(f, f.folded_at(cl.start), f.folded_at(t.start));
    let Some(m) = markers.iter().find(|m| w.ends_with(m)) else {
        return false;
    };
    let inf = w.len() - m.len();
    w[inf.saturating_sub(5)..inf].iter().any(|x| cue(x))
}

/// True when a negation stands in the three words before `off`.
fn negated(f: &Folded, cl: Span, off: usize) -> bool {
    words_before(f, cl.start, off, 4).iter().any(|w| cues().negations.contains(w))
}
