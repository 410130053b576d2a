//! The word lists of event detection (`data/events/cues.tsv`): French and English words, stems
//! and phrases that the rules of [`crate::mention`], [`crate::roles`], [`crate::report`],
//! [`crate::clause`] and the crate root look for. The file is embedded with `include_str!` and
//! parsed once; what each list means and how it is matched is told in the file.
//!
//! A row names its list and one entry (`list<TAB>word`); the rows of a list keep their order.
//! An entry in double quotes is taken as written, spaces included (a leading or trailing space
//! is a word boundary); others are trimmed. A row with an unknown list, a missing or empty
//! entry, a stray quote or a third column is a mistake in the file and panics on loading, naming
//! the file and line.

use std::sync::LazyLock;

const FILE: &str = "data/events/cues.tsv";
const SRC: &str = include_str!("../../../data/events/cues.tsv");

/// Declares [`Cues`], one field a list, and the list names of the file.
macro_rules! cue_lists {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// The word lists of `data/events/cues.tsv`, one field a list, each in file order.
        #[derive(Debug)]
        pub(crate) struct Cues {
            $($(#[$doc])* pub $field: &'static [&'static str],)*
        }

        /// The list names, in the order of [`Cues`]' fields.
        const NAMES: &[&str] = &[$(stringify!($field)),*];

        impl Cues {
            /// The lists from their entries, given in the order of [`NAMES`].
            fn from_lists(lists: Vec<Vec<&'static str>>) -> Cues {
                let mut it = lists.into_iter();
                Cues { $($field: it.next().unwrap_or_default().leak(),)* }
            }
        }
    };
}

cue_lists! {
    // mention.rs
    /// Cues of a soldier or police officer off duty; the target of an armed attack is then a
    /// civilian.
    off_duty,
    /// Cues of fire answered by the other side (an exchange of fire, not a one-sided attack).
    answered,
    /// Adjectives before a plural noun that make it a kind of event, not an incident ("similar
    /// attacks", "de nombreuses manifestations").
    generic_adj,
    /// Nouns for an indefinite great number ("des dizaines de manifestations", "hundreds of
    /// protests").
    quantity,
    /// Words that make a trigger after them the reason of the clause's event, not the event
    /// ("arrested for participating in protests"), with the verbs of reason_verbs.
    reason_heads,
    /// Verbs and nouns of taking part, after a word of reason_heads ("pour avoir participé à une
    /// manifestation").
    reason_verbs,
    /// Verbs that make a trigger after them the consequence of the clause's event, not the event
    /// ("…, sparking protests").
    consequence_verbs,
    /// Nouns of a whole war, whose toll is the war's story, not an incident's.
    war_nouns,
    /// Words that name a fight's end or its prevention, not the fight ("an end to fighting", "la
    /// fin des combats", "to halt hostilities").
    ending,
    /// Verbs and nouns of condemning: a trigger among the three words after them is what is
    /// condemned, not an incident told.
    condemn,
    /// Words that tell a lasting state a place is in ("plagued by", "en proie à").
    chronic,
    /// Words that tell what went before the clause's event ("after clashes"): a trigger just after
    /// them is not the clause's main event.
    background_event,
    /// Verbs of saying and accusing: after them a state's capital is its government, and a date is
    /// the day of telling ("said on Monday", "a annoncé mardi").
    speaking,
    /// Nouns for armed people: a gathering of them is no protest.
    armed_nouns,
    /// Prepositions that make a gathering a blast's setting ("blew himself up at a rally", "lors
    /// d'un meeting"), not the event.
    protest_setting,
    /// Nouns of vehicles: a verb of arresting with one for its object tells vehicles stopped.
    vehicles,
    /// Verbs of taking: right before a place's name they tell territory taken ("seized Goma").
    taking_verbs,
    /// Titles of an office held over a place ("the governor of X"): that place is no event's.
    office_titles,
    /// Adjectives that stand between a determiner and a trigger noun ("une double frappe").
    prenominal,
    /// Events that open a long period ("since the coup"): a toll since them is the background's.
    turning_points,
    /// Month names, French and English.
    months,
    /// Phrases of a long period ("last year", "l'an dernier"): a toll over it is the background's.
    long_periods,
    /// Words that say a truce is over ("its truce … was over", "la trêve a été rompue"); not
    /// "end"/"fin": "a truce to end the fighting" is an agreement.
    truce_ended,
    /// Words that name an incident as one more ("une autre frappe", "a second blast").
    another,
    /// Words that open a sentence telling an incident apart from those told before.
    apart,
    /// Verbs by which a vehicle or a person sets off a device it did not lay ("struck an IED",
    /// "stepped on a landmine", "a sauté sur une mine").
    struck,
    /// Verbs that open a nominal trigger's phrase ("staged a protest").
    light_verbs,
    /// Prepositions that set an event in a place.
    locative,
    /// Words that may stand between a place and the place that contains it: "X district of Y", "X
    /// village in the countryside of Y", "X dans la province de Y".
    nest_gap,
    /// Words after a name that make it a part of a town ("Jardim Laguna neighborhood", "Bat Galim
    /// Square").
    part_after,
    /// Words before a name that make it a part of a town ("Colonia Pemex", "Barangay Poblacion").
    part_before,
    /// Nouns of an undertaking whose aim an infinitive names ("an operation to arrest suspects",
    /// "une opération pour arrêter"); the entry "afin" is not taken before "to"/"pour" (the code
    /// reads "afin de" itself).
    undertakings,
    /// Forms of the verbs of a threat ("threatened", "a menacé", "vowed").
    threat_verbs,
    /// Words that deny what follows within three words ("n'a pas été revendiquée", "has not been
    /// claimed", "aucune revendication").
    negations,
    /// Phrases that tell what a party does habitually or did in the past, not an incident
    /// ("bandits frequently carry out kidnappings", "has targeted mosques in the past").
    habitual,
    /// Openings of a sentence that date its incident by the one told before ("Hours later",
    /// "Le même jour").
    same_day,
    /// Words after a truce's noun that make it one sought, not reached ("ceasefire talks").
    sought_after,
    /// Beginnings of words before a truce's noun that make it one sought, not reached ("called for
    /// a ceasefire", "négociations en vue d'un cessez-le-feu").
    sought_before,
    // roles.rs
    /// Beginnings of verbs of checking that a party could not do ("a claim Reuters could not
    /// independently verify", "que l'AFP n'a pas pu vérifier"): that party is no party of the
    /// event.
    unverified,
    /// Nouns of a public facility "government" qualifies ("a government secondary school"): the
    /// facility is meant, not the government.
    public_facilities,
    /// Prepositions and participles that introduce an event's target ("contre", "visant",
    /// "targeting").
    against,
    /// Head nouns that make a demonym stand for the country's armed forces ("Israeli strikes", "les
    /// frappes russes").
    military_heads,
    /// Nouns a definite article makes a reference to a group already named ("the group", "le
    /// mouvement").
    group_nouns,
    /// Participles whose "by"/"par" names who holds or backs a place or a party, not who did the
    /// event ("contrôlée par", "backed by", "led by").
    describing,
    /// Participles of support or allegiance that open an apposition after a name ("Les rebelles
    /// du M23, soutenus par le Rwanda, se sont emparés…"); matched on the original text.
    apposition,
    /// Words of a trigger two sides act on together (agreeing, signing, clashing, a ceasefire, a
    /// deal): there, a second coordinated subject is the other side.
    mutual,
    /// Words that set a noun as the background of the clause's verb ("after the kidnapping of",
    /// "après l'enlèvement de").
    background_noun,
    /// Verbs by which a side beats off the other's attack.
    repel,
    /// Nouns for the attack a side beats off (after a verb of repel).
    attack_nouns,
    /// Verbs by which the subject died (of the event after them).
    died,
    /// Nouns for a state's forces before "of <state>" ("forces of Mali").
    forces,
    /// Verbs by which a subject reports or witnesses an event it did not do ("the OSCE SMM observed
    /// explosions").
    witness,
    /// Hedges and descriptors between a preposition and its noun phrase ("by presumed LNA forces",
    /// "by the paramilitary Rapid Support Forces").
    hedges,
    /// Common nouns for the members of an armed group ("des combattants du X").
    member_nouns,
    /// Words between fighters named by a common noun and the group they belong to ("fighters of the
    /// X", "membres présumés du X").
    member_of,
    /// Words right before a party that name it only as kin of another group ("le groupe lié à
    /// Al-Qaïda", "proche de l'EI").
    kin_words,
    /// Endings glued to a party's name that make it only kin of another group ("the al
    /// Qaeda-linked group"); matched on the original text.
    kin_suffixes,
    /// Nouns for a kind of place ("the Israeli port city of Eilat").
    place_nouns,
    /// Nouns for a border.
    border,
    /// Prepositions of direction or extent before a place.
    place_preps,
    // lib.rs
    /// Cues of a killing with the marks of an execution: a drive-by shooting, a body found bound or
    /// tortured, a victim with a criminal past.
    execution_cues,
    /// Words after a named group that make it the claimed or suspected author of the event told
    /// near it ("JNIM claimed responsibility", "X are the suspected attackers", "an IS-planted
    /// landmine").
    author_after,
    /// Words before a named group that make it the claimed or suspected author ("likely planted by
    /// JNIM militants", "gunmen believed to belong to IS", "presumably IS").
    author_before,
    /// Words between a common noun for fighters and the group they belong to ("jihadistes liés à
    /// l'État islamique", "militants linked to al-Shabaab").
    linked,
    /// Words that tell a fight between kin groups (clans, families).
    kin,
    // report.rs
    /// English reporting verbs.
    en_verbs,
    /// French reporting verbs (participles and present forms).
    fr_verbs,
    /// Prepositions that introduce a source ("selon", "d'après", "according to").
    source_preps,
    /// Words that make a phrase before a verb a clause of its own, not a speaker's name.
    not_a_name,
    /// Words that may stand between an inverted reporting verb and its speaker: days, times,
    /// adverbs ("a déclaré mardi soir le ministre").
    skip,
    /// Words that end a speaker's noun phrase.
    np_end,
    /// Verbs by which a speaker lays an event at another's door ("L'armée a accusé Israël d'avoir
    /// mené des frappes", "officials blamed X for").
    accuse,
    // clause.rs
    /// Connectives that open a new clause.
    connectives,
}

/// The entry of a row: quoted and taken as written, or trimmed.
fn entry(raw: &'static str) -> Result<&'static str, &'static str> {
    let t = raw.trim();
    let w = match t.strip_prefix('"') {
        Some(q) => q.strip_suffix('"').ok_or("an opening quote without its closing one")?,
        None => t,
    };
    if w.contains('"') {
        return Err("a quote inside an entry");
    }
    if w.trim().is_empty() {
        return Err("an empty entry");
    }
    Ok(w)
}

/// Parses the text of `file`; panics on a malformed row or an empty list, naming the file and
/// the line.
fn parse(file: &str, src: &'static str) -> Cues {
    let mut lists: Vec<Vec<&'static str>> = vec![Vec::new(); NAMES.len()];
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |why: &str| -> ! { panic!("{file}:{}: {why}: {line:?}", n + 1) };
        let mut cols = line.splitn(3, '\t');
        let (Some(name), Some(raw), None) = (cols.next(), cols.next(), cols.next()) else {
            fail("a row is a list name and one entry, separated by one tab")
        };
        let Some(i) = NAMES.iter().position(|x| *x == name.trim()) else {
            fail("no such list in crates/extract/src/cues.rs")
        };
        match entry(raw) {
            Ok(w) => lists[i].push(w),
            Err(why) => fail(why),
        }
    }
    if let Some(i) = lists.iter().position(Vec::is_empty) {
        panic!("{file}: list {} has no entry", NAMES[i]);
    }
    Cues::from_lists(lists)
}

static CUES: LazyLock<Cues> = LazyLock::new(|| parse(FILE, SRC));

/// The word lists, parsed on first use.
pub(crate) fn cues() -> &'static Cues {
    &CUES
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the file names a known list, every list has entries, and the entries are
    /// exactly the file's rows.
    #[test]
    fn every_list_loads() {
        let c = parse(FILE, SRC);
        let rows = SRC.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        let all = [
            c.off_duty,
            c.answered,
            c.generic_adj,
            c.quantity,
            c.reason_heads,
            c.reason_verbs,
            c.consequence_verbs,
            c.war_nouns,
            c.ending,
            c.condemn,
            c.chronic,
            c.background_event,
            c.speaking,
            c.armed_nouns,
            c.protest_setting,
            c.vehicles,
            c.taking_verbs,
            c.office_titles,
            c.prenominal,
            c.turning_points,
            c.months,
            c.long_periods,
            c.truce_ended,
            c.another,
            c.apart,
            c.struck,
            c.light_verbs,
            c.locative,
            c.nest_gap,
            c.part_after,
            c.part_before,
            c.undertakings,
            c.threat_verbs,
            c.negations,
            c.habitual,
            c.same_day,
            c.sought_after,
            c.sought_before,
            c.unverified,
            c.public_facilities,
            c.against,
            c.military_heads,
            c.group_nouns,
            c.describing,
            c.apposition,
            c.mutual,
            c.background_noun,
            c.repel,
            c.attack_nouns,
            c.died,
            c.forces,
            c.witness,
            c.hedges,
            c.member_nouns,
            c.member_of,
            c.kin_words,
            c.kin_suffixes,
            c.place_nouns,
            c.border,
            c.place_preps,
            c.execution_cues,
            c.author_after,
            c.author_before,
            c.linked,
            c.kin,
            c.en_verbs,
            c.fr_verbs,
            c.source_preps,
            c.not_a_name,
            c.skip,
            c.np_end,
            c.accuse,
            c.connectives,
        ];
        assert_eq!(all.len(), NAMES.len());
        assert!(all.iter().all(|l| !l.is_empty()));
        assert_eq!(all.iter().map(|l| l.len()).sum::<usize>(), rows);
        assert_eq!(cues().chronic[0], "plagued");
        assert!(cues().linked.starts_with(&[" of", " de"]));
        assert!(cues().connectives.contains(&" alors que "));
    }

    #[test]
    #[should_panic(expected = "x.tsv:2: no such list")]
    fn unknown_list_panics() {
        parse("x.tsv", "# c\nchronics\tplagued\n");
    }

    #[test]
    #[should_panic(expected = "x.tsv:1: an opening quote")]
    fn unclosed_quote_panics() {
        parse("x.tsv", "kin\t\" clan\n");
    }

    #[test]
    #[should_panic(expected = "x.tsv:1: a row is a list name and one entry")]
    fn missing_entry_panics() {
        parse("x.tsv", "kin\n");
    }

    #[test]
    #[should_panic(expected = "x.tsv: list ")]
    fn empty_list_panics() {
        parse("x.tsv", "kin\tclan\n");
    }
}
