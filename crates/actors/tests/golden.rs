//! Golden sentences (written for these tests, French and English): the
//! mentions the tagger must find, with kind, canonical name and affiliation.

use sitrep_actors::tag_actors;
use sitrep_model::{EntityKind, Lang};

/// (mention text, kind, canonical or "" for none, affiliation or "").
type Want = (&'static str, EntityKind, &'static str, &'static str);

fn check(text: &str, lang: Lang, want: &[Want]) {
    let seg = sitrep_text::segment(text, lang);
    let got = tag_actors(text, &seg, lang);
    for (t, kind, canonical, aff) in want {
        let m = got
            .iter()
            .find(|m| m.span.slice(text) == *t)
            .unwrap_or_else(|| panic!("{t:?} not found in {text:?}: {got:#?}"));
        assert_eq!(m.kind, *kind, "{t}");
        assert_eq!(m.canonical.as_deref().unwrap_or(""), *canonical, "{t}");
        assert_eq!(m.affiliation.as_deref().unwrap_or(""), *aff, "{t}");
    }
}

use EntityKind::*;

#[test]
fn french_sahel() {
    check(
        "Des hommes armés non identifiés ont tué trois civils dans le nord du Burkina Faso. \
         L'armée malienne et les FAMa ont repoussé une attaque du JNIM près de Mopti. \
         Le porte-parole de l'armée, le colonel Souleymane Dembélé, a confirmé le bilan.",
        Lang::Fr,
        &[
            ("hommes armés non identifiés", Other, "Unidentified Armed Group", ""),
            ("civils", Other, "Civilians", ""),
            ("armée malienne", Military, "Military Forces of Mali", ""),
            ("FAMa", Military, "Military Forces of Mali", ""),
            ("JNIM", ArmedGroup, "JNIM: Group for Support of Islam and Muslims", ""),
            ("Souleymane Dembélé", Person, "", "Military Forces"),
        ],
    );
}

#[test]
fn french_levant() {
    check(
        "Le Hezbollah a tiré des roquettes sur Israël, a indiqué Tsahal. Le chef du Hezbollah, \
         Hassan Nasrallah, a menacé Tel-Aviv. Ansar Allah a revendiqué l'attaque, a déclaré \
         Yahya Saree, porte-parole militaire des Houthis.",
        Lang::Fr,
        &[
            ("Hezbollah", ArmedGroup, "Hezbollah", ""),
            ("Tsahal", Military, "Israel Defense Forces", ""),
            ("Hassan Nasrallah", Person, "", "Hezbollah"),
            ("Tel-Aviv", State, "Israel", ""),
            (
                "Yahya Saree",
                Person,
                "",
                "Military Forces of Yemen - Supreme Political Council (Houthis)",
            ),
        ],
    );
}

#[test]
fn english_wire() {
    check(
        "US Central Command said its forces struck Iran-backed militias in Syria. Defense \
         Secretary Lloyd Austin said the strikes were defensive. Al-Shabaab militants attacked \
         an AMISOM base, killing two Ugandan soldiers, according to Reuters. Gunmen abducted 20 \
         villagers in Zamfara State, police spokesman Mohammed Shehu said.",
        Lang::En,
        &[
            ("US Central Command", Military, "US Central Command", ""),
            ("Iran-backed militias", ArmedGroup, "Iran-backed militias", ""),
            ("Lloyd Austin", Person, "", "US Department of Defense"),
            ("Al-Shabaab militants", ArmedGroup, "Al Shabaab", ""),
            ("AMISOM", Military, "African Union Mission in Somalia", ""),
            ("Ugandan soldiers", Military, "Military Forces of Uganda", ""),
            ("Reuters", Media, "Reuters", ""),
            ("Gunmen", Other, "Unidentified Armed Group", ""),
            ("villagers", Other, "Civilians", ""),
            ("Mohammed Shehu", Person, "", "Police Forces"),
        ],
    );
}

#[test]
fn lowercase_words_never_match_acronyms() {
    let text = "tell us what is going on, said the man; it is all over the news.";
    let got = tag_actors(text, &sitrep_text::segment(text, Lang::En), Lang::En);
    assert!(got.is_empty(), "{got:#?}");
}
