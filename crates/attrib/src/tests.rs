//! Unit tests: real-style sentences through the whole stage, with the
//! project's segmenter and hand-built actor mentions.

use super::*;
use sitrep_model::{ActorMention, Document, Entity, EntityKind, Lang, Segmented};

/// A hand-built actor mention: (surface text, kind, canonical).
type Act<'s> = (&'s str, EntityKind, Option<&'s str>);

fn mentions(text: &str, acts: &[Act]) -> Vec<ActorMention> {
    let mut out = Vec::new();
    for (name, kind, canonical) in acts {
        for (i, _) in text.match_indices(name) {
            out.push(ActorMention {
                span: Span::new(i, i + name.len()),
                canonical: canonical.map(String::from),
                kind: *kind,
                country: None,
                acled_type: None,
                part_of: None,
                adjectival: false,
                affiliation: None,
            });
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

fn entities(text: &str, actors: &[ActorMention]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for m in actors {
        let key = m.canonical.clone().unwrap_or_else(|| m.span.slice(text).to_string());
        match out.iter_mut().find(|e| e.canonical.clone().unwrap_or_else(|| e.text.clone()) == key)
        {
            Some(e) => e.mentions.push(m.span),
            None => out.push(Entity {
                id: format!("n{}", out.len() + 1),
                text: m.span.slice(text).to_string(),
                canonical: m.canonical.clone(),
                kind: m.kind,
                country: None,
                mentions: vec![m.span],
            }),
        }
    }
    out
}

pub(crate) fn run(text: &str, lang: Lang, acts: &[Act]) -> (Vec<Quote>, Vec<Claim>) {
    let doc = Document { text: text.to_string(), ..Document::default() };
    let seg: Segmented = sitrep_text::segment(text, lang);
    let actors = mentions(text, acts);
    let ents = entities(text, &actors);
    let a = Analysis {
        doc: &doc,
        lang,
        seg: &seg,
        places: &[],
        actors: &actors,
        entities: &ents,
        quotes: &[],
        claims: &[],
    };
    let out = attribute(&a);
    for q in &out.0 {
        assert_eq!(&text[q.start..q.end], q.text);
    }
    for c in &out.1 {
        assert_eq!(&text[c.start..c.end], c.text);
    }
    out
}

/// (quote text, speaker text, verb)
fn quotes_of(text: &str, lang: Lang) -> Vec<(String, String, Option<String>)> {
    run(text, lang, &[]).0.into_iter().map(|q| (q.text, q.speaker.text, q.verb)).collect()
}

#[test]
fn speaker_fallback_needs_no_tagger() {
    assert_eq!(name_ref("X").text, "X");
    let q = quotes_of(
        "\"Nous ne céderons pas\", a déclaré Saad al-Saadi, membre du bureau politique.",
        Lang::Fr,
    );
    assert_eq!(
        q,
        vec![("Nous ne céderons pas".into(), "Saad al-Saadi".into(), Some("a déclaré".into()))]
    );
}

/// (text, [(quote text, speaker, verb)]) — English from real news articles
/// (TR-News), French in the style of agency copy.
type QuoteCase<'s> = (&'s str, &'s [(&'s str, &'s str, Option<&'s str>)]);

const EN_QUOTES: &[QuoteCase] = &[
    (
        "\"They kept to themselves, but when someone needed them, they were there,\" Law said of the Faulkners.",
        &[("They kept to themselves, but when someone needed them, they were there", "Law", Some("said"))],
    ),
    (
        "\"(Jerome Faulkner) and his wife were good, fine people,\" said Logan.",
        &[("(Jerome Faulkner) and his wife were good, fine people", "Logan", Some("said"))],
    ),
    (
        "\"In common with other airlines, we are experiencing some disruption to our flights,\" a BA spokesperson said.",
        &[("In common with other airlines, we are experiencing some disruption to our flights", "a BA spokesperson", Some("said"))],
    ),
    (
        "Anthony Levandowski defended the launch.\n\"You don't need a belt and suspenders if you're wearing a dress,\" he told reporters.",
        &[("You don't need a belt and suspenders if you're wearing a dress", "Anthony Levandowski", Some("told"))],
    ),
    (
        "\"They need to either stop talking about this or finally present some sort of proof,\" Mr Putin's spokesman said.",
        &[("They need to either stop talking about this or finally present some sort of proof", "Mr Putin's spokesman", Some("said"))],
    ),
    (
        "\"After giving treatment and going to the other wards the patients were left unattended,\" said Julius Ogato, Medical Superintendent of Mathari National Teaching and Referral Hospital.",
        &[("After giving treatment and going to the other wards the patients were left unattended", "Julius Ogato", Some("said"))],
    ),
    (
        "\"To be clear, Texas A&M University did not invite this speaker to our campus,\" Amy Smith, the university's senior vice president, said in a statement.",
        &[("To be clear, Texas A&M University did not invite this speaker to our campus", "Amy Smith", Some("said"))],
    ),
    (
        "\"All indications at present point to the PKK,\" he said. Turkish Deputy Prime Minister Numan Kurtulmus spoke earlier.",
        &[],
    ),
    (
        "\"We will not stop,\" a senior commander in Kataib Hezbollah told Reuters. \"The Americans must leave.\"",
        &[
            ("We will not stop", "a senior commander in Kataib Hezbollah", Some("told")),
            ("The Americans must leave.", "a senior commander in Kataib Hezbollah", None),
        ],
    ),
    (
        "\"We will respond,\" John Kirby said. Prime Minister Mohammed Shia al-Sudani condemned what he called \"reckless attacks\".",
        &[
            ("We will respond", "John Kirby", Some("said")),
            ("reckless attacks", "Prime Minister Mohammed Shia al-Sudani", Some("called")),
        ],
    ),
    (
        "Mr Trump, who narrowly won the state, said the results \"should be respected instead of being challenged\".",
        &[("should be respected instead of being challenged", "Trump", Some("said"))],
    ),
    (
        "Tanya Campbell, the emergency department's nurse leader, says the patients appear to be taking stronger drugs.\n\"We actually start them on a continuous drip of Narcan,\" she said.",
        &[("We actually start them on a continuous drip of Narcan", "Tanya Campbell", Some("said"))],
    ),
    (
        "The group said it would continue to target \"occupation forces\" until all U.S. troops leave.",
        &[("occupation forces", "The group", Some("said"))],
    ),
    (
        "Mayor Gregor Robertson said these were \"desperate times\" for the Canadian city.",
        &[("desperate times", "Gregor Robertson", Some("said"))],
    ),
    (
        "She said Hollywood had lost its way. \"It's hard to see any silver lining,\" she said, adding that more deaths were expected.",
        &[],
    ),
];

const FR_QUOTES: &[QuoteCase] = &[
    (
        "« Nous ne négocierons pas sous la menace », a déclaré jeudi le porte-parole du gouvernement, Olivier Véran.",
        &[("Nous ne négocierons pas sous la menace", "Olivier Véran", Some("a déclaré"))],
    ),
    (
        "La ministre Catherine Colonna s'est rendue à Beyrouth. « La situation est très préoccupante », a-t-elle ajouté.",
        &[("La situation est très préoccupante", "Catherine Colonna", Some("a-t-elle ajouté"))],
    ),
    (
        "« Il n'y aura pas de retour en arrière », a martelé le chef de l'Etat.",
        &[("Il n'y aura pas de retour en arrière", "le chef de l'Etat", Some("a martelé"))],
    ),
    (
        "Le ministre des Affaires étrangères, Jean-Noël Barrot, a estimé que la trêve restait « fragile ».",
        &[("fragile", "Jean-Noël Barrot", Some("a estimé"))],
    ),
    (
        "« Nous allons riposter », a prévenu mardi soir Abou Obeida, le porte-parole des Brigades al-Qassam.",
        &[("Nous allons riposter", "Abou Obeida", Some("a prévenu"))],
    ),
    (
        "L'armée a publié une vidéo. « Les frappes visaient des dépôts d'armes », indique l'armée israélienne dans un communiqué.",
        &[("Les frappes visaient des dépôts d'armes", "armée israélienne", Some("indique"))],
    ),
    (
        "Le Premier ministre Benjamin Netanyahu a de nouveau assuré que la guerre continuerait « jusqu'à la victoire totale ». « Nous ne nous arrêterons pas », a-t-il insisté lors d'une conférence de presse.",
        &[
            ("jusqu'à la victoire totale", "Benjamin Netanyahu", Some("a de nouveau assuré")),
            ("Nous ne nous arrêterons pas", "Benjamin Netanyahu", Some("a-t-il insisté")),
        ],
    ),
    (
        "Le secrétaire général de l'ONU, Antonio Guterres, s'est dit « profondément alarmé » par l'escalade.",
        &[("profondément alarmé", "Antonio Guterres", Some("s'est dit"))],
    ),
    (
        "Le département d'Etat a estimé que « trop de civils » avaient été tués, a rapporté le quotidien Le Monde.",
        &[("trop de civils", "Le département d'Etat", Some("a estimé"))],
    ),
    (
        "Le président Emmanuel Macron a déclaré :\n« Nous serons aux côtés de nos alliés. »",
        &[("Nous serons aux côtés de nos alliés.", "Emmanuel Macron", Some("a déclaré"))],
    ),
    (
        "« La situation humanitaire est catastrophique », explique à l'AFP Jean Dupont, chercheur à l'Ifri. « Nous n'avons plus rien », souligne-t-il.",
        &[
            ("La situation humanitaire est catastrophique", "Jean Dupont", Some("explique")),
            ("Nous n'avons plus rien", "Jean Dupont", Some("souligne-t-il")),
        ],
    ),
    (
        "L'Organisation mondiale de la santé (OMS) a averti que le système de santé était « au bord de l'effondrement ».",
        &[("au bord de l'effondrement", "Organisation mondiale de la santé (OMS)", Some("a averti"))],
    ),
    (
        "« Ils ont tiré sans sommation », a affirmé un témoin, qui a requis l'anonymat. Le président Emmanuel Macron a appelé à « la retenue ». Il a par ailleurs jugé que la situation était « inacceptable ».",
        &[
            ("Ils ont tiré sans sommation", "un témoin", Some("a affirmé")),
            ("la retenue", "Emmanuel Macron", Some("a appelé")),
            ("inacceptable", "Emmanuel Macron", Some("a par ailleurs jugé")),
        ],
    ),
    (
        "Le ministre a déclaré que l'opération « Bouclier du Nord » se poursuivrait.",
        &[],
    ),
    (
        "« L'assaillant a été neutralisé », a-t-on appris de source sécuritaire.",
        &[("L'assaillant a été neutralisé", "source sécuritaire", Some("a-t-on appris"))],
    ),
    (
        "Le film est un « chef-d'œuvre » d'après la critique.",
        &[],
    ),
];

fn check_quotes(lang: Lang, cases: &[QuoteCase]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = quotes_of(text, lang);
        let want: Vec<(String, String, Option<String>)> = want
            .iter()
            .map(|(q, s, v)| (q.to_string(), s.to_string(), v.map(String::from)))
            .collect();
        if got != want {
            failures.push(format!("{text}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn relayed_quote_names_both_sources() {
    let text = "Le département d'Etat a estimé que « trop de civils » avaient été tués, a rapporté le quotidien Le Monde.";
    let (quotes, _) = run(text, Lang::Fr, &[]);
    assert_eq!(
        quotes.first().and_then(|q| q.via.as_ref()).map(|v| v.text.as_str()),
        Some("Le Monde")
    );
    let text = "\"Putin publicly blamed me,\" Mrs Clinton said, quoted by the Times.";
    let (quotes, _) = run(text, Lang::En, &[]);
    let got: Vec<_> = quotes
        .iter()
        .map(|q| (q.speaker.text.as_str(), q.via.as_ref().map(|v| v.text.as_str())))
        .collect();
    assert_eq!(got, [("Clinton", Some("the Times"))]);
}

#[test]
fn english_quotes() {
    check_quotes(Lang::En, EN_QUOTES);
}

#[test]
fn french_quotes() {
    check_quotes(Lang::Fr, FR_QUOTES);
}

/// (text, [(claim text, source, marker)]) — the complete list of claims expected.
type ClaimCase<'s> = (&'s str, &'s [(&'s str, &'s str, &'s str)]);

const EN_CLAIMS: &[ClaimCase] = &[
    (
        "Portugal will support Turkey's efforts to become a full member of the European Community, Portuguese President Mario Soares said on Tuesday.",
        &[("Portugal will support Turkey's efforts to become a full member of the European Community", "Mario Soares", "said")],
    ),
    (
        "A Russian official offered concessions last November, according to a senator who acted as a go-between at the talks.",
        &[("A Russian official offered concessions last November", "a senator", "according to")],
    ),
    (
        "Hungary has said it will support a U.N. Security Council resolution that aims to tighten sanctions.",
        &[("it will support a U.N. Security Council resolution that aims to tighten sanctions", "Hungary", "has said")],
    ),
    (
        "Israel and the Palestinians reached a consensus to exchange information on water resources, the meeting's co-chairman said.",
        &[("Israel and the Palestinians reached a consensus to exchange information on water resources", "the meeting's co-chairman", "said")],
    ),
    (
        "Three other people were wounded in the attack, authorities said.",
        &[("Three other people were wounded in the attack", "authorities", "said")],
    ),
    (
        "Mayor Gregor Robertson said these were \"desperate times\" for the city, adding that more deaths were expected.",
        &[
            ("these were \"desperate times\" for the city", "Gregor Robertson", "said"),
            ("more deaths were expected", "Gregor Robertson", "adding that"),
        ],
    ),
    (
        "BAGHDAD (Reuters) - A drone attack wounded two service members on Tuesday, U.S. officials said, in the latest of a string of strikes.",
        &[("A drone attack wounded two service members on Tuesday", "U.S. officials", "said")],
    ),
    ("The weather was fine and the roads were open.", &[]),
];

const FR_CLAIMS: &[ClaimCase] = &[
    (
        "Selon l'Observatoire syrien des droits de l'homme, au moins douze civils ont été tués dans les frappes.",
        &[("au moins douze civils ont été tués dans les frappes", "Observatoire syrien des droits de l'homme", "Selon")],
    ),
    (
        "Au moins douze civils ont été tués, d'après un responsable de la sécurité irakienne.",
        &[("Au moins douze civils ont été tués", "un responsable de la sécurité irakienne", "d'après")],
    ),
    (
        "Le porte-parole de l'armée, Avichay Adraee, a déclaré mardi que les opérations se poursuivraient.",
        &[("les opérations se poursuivraient", "Avichay Adraee", "a déclaré")],
    ),
    (
        "Le Hamas assure que l'accord reste valable, ajoutant que les otages seront libérés samedi.",
        &[
            ("l'accord reste valable", "Hamas", "assure que"),
            ("les otages seront libérés samedi", "Hamas", "ajoutant que"),
        ],
    ),
    (
        "Les négociations reprendront la semaine prochaine, a indiqué à l'AFP une source diplomatique.",
        &[("Les négociations reprendront la semaine prochaine", "une source diplomatique", "a indiqué")],
    ),
    (
        "D'après des témoins cités par l'agence Reuters, les frappes ont visé plusieurs immeubles.",
        &[("les frappes ont visé plusieurs immeubles", "des témoins", "D'après")],
    ),
    (
        "Au moins douze civils ont été tués selon l'Observatoire syrien des droits de l'homme.",
        &[("Au moins douze civils ont été tués", "Observatoire syrien des droits de l'homme", "selon")],
    ),
    (
        "Le ministère a fait savoir que les écoles resteraient fermées.",
        &[("les écoles resteraient fermées", "Le ministère", "a fait savoir que")],
    ),
    (
        "Interrogé par l'AFP, le porte-parole de l'armée a indiqué que l'opération était terminée.",
        &[("l'opération était terminée", "le porte-parole de l'armée", "a indiqué que")],
    ),
    (
        "Pour Human Rights Watch, ces frappes pourraient constituer des crimes de guerre.",
        &[("ces frappes pourraient constituer des crimes de guerre", "Human Rights Watch", "Pour")],
    ),
    ("Pour la première fois, le convoi a quitté Gaza dans la matinée.", &[]),
];

fn check_claims(lang: Lang, cases: &[ClaimCase]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<(String, String, String)> = run(text, lang, &[])
            .1
            .into_iter()
            .map(|c| (c.text, c.source.text, c.marker.unwrap_or_default()))
            .collect();
        let want: Vec<(String, String, String)> =
            want.iter().map(|(c, s, m)| (c.to_string(), s.to_string(), m.to_string())).collect();
        if got != want {
            failures.push(format!("{text}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_claims() {
    check_claims(Lang::En, EN_CLAIMS);
}

#[test]
fn french_claims() {
    check_claims(Lang::Fr, FR_CLAIMS);
}

#[test]
fn odd_inputs_never_panic_and_offsets_hold() {
    let pieces = [
        "« ",
        " »",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        ", ",
        ". ",
        "\n",
        "a-t-il",
        " a déclaré ",
        " said ",
        "selon ",
        "According to ",
        "Le site web ",
        "il ",
        "he ",
        "The Arab Weekly",
        "Saad al-Saadi",
        "que ",
        "that ",
        "é",
        "🙂",
        "  ",
        "-t-elle",
        "notant que ",
        ": ",
        "; ",
        "Lire aussi : ",
        "M.",
        "U.S.",
        "(",
        ")",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..(round % 40) {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for lang in [Lang::Fr, Lang::En] {
            // `run` asserts that every offset slices back to the reported text.
            let (quotes, claims) = run(&text, lang, &[]);
            assert!(quotes.windows(2).all(|w| w[0].start <= w[1].start));
            assert!(claims.windows(2).all(|w| w[0].start <= w[1].start));
            assert!(quotes.iter().all(|q| !q.speaker.text.is_empty()));
        }
    }
    for text in [
        "",
        "\"",
        "« »",
        "\"\"",
        "‘",
        "a-t-il affirmé",
        "\"x\", a-t-il",
        ", said",
        "selon",
        "Selon X,",
    ] {
        let _ = run(text, Lang::Fr, &[]);
        let _ = run(text, Lang::En, &[]);
    }
}

#[test]
fn pronouns_never_stand_as_speakers() {
    for (text, lang) in [
        ("\"We will not stop,\" he said.", Lang::En),
        ("« Nous ne céderons pas », a-t-il affirmé.", Lang::Fr),
        ("« Rien ne change », dit-on à Bagdad.", Lang::Fr),
        ("Selon lui, la situation est grave.", Lang::Fr),
    ] {
        let (quotes, claims) = run(text, lang, &[]);
        assert!(quotes.is_empty() && claims.is_empty(), "{text}: {quotes:?} {claims:?}");
    }
}

#[test]
fn issue5_a_name_never_runs_across_a_line_break() {
    // The headline ends with its source; the dateline's capital opens the story.
    let text = "Le Hezbollah et Israël acceptent un cessez-le-feu, annonce Washington\n\nWASHINGTON, 20 janvier (AFP) - Israël et le Hezbollah ont accepté un cessez-le-feu, a annoncé mardi le président américain.";
    let (_, claims) = run(text, Lang::Fr, &[]);
    assert!(!claims.is_empty(), "{claims:?}");
    assert!(claims.iter().all(|c| !c.source.text.contains('\n')), "{claims:?}");
}

#[test]
fn issue5_a_verb_of_saying_with_an_infinitive_makes_a_claim() {
    check_claims(
        Lang::Fr,
        &[
            (
                "L'armée somalienne affirme avoir tué 35 combattants shebab lors d'une opération.",
                &[(
                    "avoir tué 35 combattants shebab lors d'une opération",
                    "armée somalienne",
                    "affirme",
                )],
            ),
            (
                "Les rebelles houthis ont affirmé lundi avoir attaqué un navire en mer Rouge.",
                &[("avoir attaqué un navire en mer Rouge", "Les rebelles houthis", "ont affirmé")],
            ),
            (
                "Le groupe a dit n'avoir jamais visé de civils.",
                &[("n'avoir jamais visé de civils", "Le groupe", "a dit")],
            ),
            // An infinitive that is not a claim: "a promis de".
            ("Le ministre a promis de reconstruire les écoles.", &[]),
        ],
    );
    check_claims(
        Lang::En,
        &[
            (
                "The rebels claimed to have shot down a helicopter near the border.",
                &[("to have shot down a helicopter near the border", "The rebels", "claimed")],
            ),
            // The claim's subject is the relative, outside any span.
            ("They protested working conditions which they claim to have deteriorated.", &[]),
        ],
    );
}

#[test]
fn issue5_an_incise_names_common_sources() {
    check_claims(
        Lang::En,
        &[
            ("Seven people were killed, medics said.", &[("Seven people were killed", "medics", "said")]),
            (
                "Two bodies were pulled from the rubble, rescuers said.",
                &[("Two bodies were pulled from the rubble", "rescuers", "said")],
            ),
            (
                "Soldiers torched the village, a local resistance group and residents said.",
                &[("Soldiers torched the village", "a local resistance group and residents", "said")],
            ),
            (
                "Fighting continued overnight, the governor of Norte de Santander, William Villamizar, said on Sunday.",
                &[("Fighting continued overnight", "William Villamizar", "said")],
            ),
            (
                "Fighting continued overnight, Ahmed Ali, a resident, said.",
                &[("Fighting continued overnight", "Ahmed Ali", "said")],
            ),
            // "state" is no verb here: the source is "state media".
            (
                "At least two people died in a gas explosion, state media reported.",
                &[("At least two people died in a gas explosion", "state media", "reported")],
            ),
        ],
    );
    check_claims(
        Lang::Fr,
        &[
            (
                "Deux civils ont été tués, ont indiqué les secouristes.",
                &[("Deux civils ont été tués", "les secouristes", "ont indiqué")],
            ),
            (
                "Le convoi a été attaqué près de Gao, a indiqué à l'AFP un responsable militaire.",
                &[("Le convoi a été attaqué près de Gao", "un responsable militaire", "a indiqué")],
            ),
        ],
    );
}

#[test]
fn issue5_a_source_is_never_a_place_nor_a_common_noun_after_pour() {
    check_claims(
        Lang::Fr,
        &[
            (
                "Les gendarmes ont interpellé deux suspects, a précisé la préfecture du Lot-et-Garonne.",
                &[(
                    "Les gendarmes ont interpellé deux suspects",
                    "la préfecture du Lot-et-Garonne",
                    "a précisé",
                )],
            ),
            ("L'armée a repoussé l'attaque, sans donner de bilan pour ses propres troupes.", &[]),
        ],
    );
    // With the tagger's common-noun mention "troupes".
    let text = "L'armée a repoussé l'attaque, sans donner de bilan pour ses propres troupes.";
    let (_, claims) = run(text, Lang::Fr, &[("troupes", EntityKind::Military, None)]);
    assert!(claims.is_empty(), "{claims:?}");
}

#[test]
fn issue5_claims_of_responsibility() {
    check_claims(
        Lang::En,
        &[
            (
                "Al-Shabaab claimed responsibility in a statement.",
                &[("responsibility", "Al-Shabaab", "claimed")],
            ),
            (
                "The Islamic State group claimed the attack through its Amaq news agency.",
                &[("the attack", "Islamic State group", "claimed")],
            ),
            (
                "Kurdish militants claimed responsibility for Dec. 10 bombings in Istanbul.",
                &[("responsibility for Dec. 10 bombings", "Kurdish militants", "claimed")],
            ),
            ("No group has claimed responsibility for the attack.", &[]),
            ("The blast claimed the lives of 20 people.", &[]),
        ],
    );
    check_claims(
        Lang::Fr,
        &[
            ("La BLA a revendiqué les attaques.", &[("les attaques", "BLA", "a revendiqué")]),
            (
                "L'attaque a été revendiquée par le JNIM.",
                &[("L'attaque", "JNIM", "revendiquée par")],
            ),
            ("L'attaque n'a pas été revendiquée.", &[]),
        ],
    );
}

#[test]
fn issue5_a_place_never_stands_for_a_speaker() {
    // "Vargas state" is no subject and verb.
    check_claims(
        Lang::En,
        &[("On 5 May 2020, in Macuto, Vargas state, armed men tried to land.", &[])],
    );
    // "she" never refers back to a place.
    let text = "In San Marcos, sellers attacked a policewoman when she said they were not allowed to work in the market.";
    let (_, claims) = run(text, Lang::En, &[("San Marcos", EntityKind::Place, None)]);
    assert!(claims.iter().all(|c| !c.source.text.contains("San Marcos")), "{claims:?}");
}

#[test]
fn issue5_a_name_in_apposition_after_a_role_speaks() {
    check_quotes(
        Lang::En,
        &[
            (
                "\"We will not allow this violence to continue,\" the governor of Norte de Santander, William Villamizar, said on Sunday.",
                &[("We will not allow this violence to continue", "William Villamizar", Some("said"))],
            ),
            (
                "\"Nobody came,\" the Harakat Sawa'd Misr, or Hasam Movement, said in a statement.",
                &[("Nobody came", "Harakat Sawa'd Misr", Some("said"))],
            ),
        ],
    );
    check_quotes(
        Lang::Fr,
        &[(
            "« Nous ne céderons pas », a déclaré le gouverneur du Nord-Kivu, Peter Cirimwami, dimanche.",
            &[("Nous ne céderons pas", "Peter Cirimwami", Some("a déclaré"))],
        )],
    );
}

#[test]
fn issue5_claims_after_a_hearer_or_a_claim_of_responsibility() {
    check_claims(
        Lang::Fr,
        &[
            (
                "Le chef rebelle a affirmé à l'AFP avoir repoussé l'offensive.",
                &[("avoir repoussé l'offensive", "Le chef rebelle", "a affirmé")],
            ),
            (
                "Les shebab ont revendiqué l'attentat, affirmant avoir tué des soldats.",
                &[
                    ("l'attentat", "Les shebab", "ont revendiqué"),
                    ("avoir tué des soldats", "Les shebab", "affirmant"),
                ],
            ),
        ],
    );
    check_claims(
        Lang::En,
        &[(
            "Houthi rebels claimed an attack on a ship in the Red Sea.",
            &[("an attack on a ship", "Houthi rebels", "claimed")],
        )],
    );
}

#[test]
fn issue5_a_participle_continues_the_incise_before_it() {
    check_claims(
        Lang::En,
        &[(
            "Six people were killed, the health ministry said, adding that the toll could rise.",
            &[
                ("Six people were killed", "the health ministry", "said"),
                ("the toll could rise", "the health ministry", "adding that"),
            ],
        )],
    );
    check_claims(
        Lang::Fr,
        &[(
            "Deux soldats ont été tués, a indiqué le ministère, précisant que l'attaque avait eu lieu à l'aube.",
            &[
                ("Deux soldats ont été tués", "le ministère", "a indiqué"),
                ("l'attaque avait eu lieu à l'aube", "le ministère", "précisant que"),
            ],
        )],
    );
}

#[test]
fn issue5_a_verb_before_a_clause_or_an_object_is_no_incise() {
    check_claims(
        Lang::En,
        &[
            (
                "A spokesman for the Taliban, Zabihullah Mujahid, said the group had captured the district.",
                &[("the group had captured the district", "Zabihullah Mujahid", "said")],
            ),
            (
                "Al-Shabaab, which is linked to al-Qaeda, claimed the attack.",
                &[("the attack", "Al-Shabaab", "claimed")],
            ),
        ],
    );
}

#[test]
fn issue5_a_role_with_its_complement_is_one_subject() {
    check_claims(
        Lang::En,
        &[
            (
                "The Syrian Observatory for Human Rights reported that 12 fighters were killed.",
                &[(
                    "12 fighters were killed",
                    "Syrian Observatory for Human Rights",
                    "reported that",
                )],
            ),
            (
                "The mayor of the town noted that salaries could not be paid.",
                &[("salaries could not be paid", "The mayor of the town", "noted that")],
            ),
        ],
    );
}

#[test]
fn issue5_a_nickname_after_dit_or_alias_is_no_quote() {
    let q = quotes_of(
        "Dans une vidéo, le chef de gang Jimmy Chérizier, dit « Barbecue », a revendiqué l'attaque.",
        Lang::Fr,
    );
    assert!(q.is_empty(), "{q:?}");
    let q = quotes_of("« Nous ne reculerons pas », a dit Ali Musa.", Lang::Fr);
    assert_eq!(q.len(), 1, "{q:?}");
}
