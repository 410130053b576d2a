//! Rival armed groups are distinct actors: an alias of one never names its rival
//! (Comando Vermelho is not the PCC; Barrio 18 is not MS-13; Los Rastrojos are not
//! the Clan del Golfo; Venezuela's colectivos are not the Tren de Aragua).

use sitrep_actors::tag_actors;
use sitrep_model::Lang;

fn canonical_of(text: &str, name: &str) -> Option<String> {
    let ms = tag_actors(text, &sitrep_text::segment(text, Lang::En), Lang::En);
    let start = text.find(name)?;
    ms.into_iter().find(|m| m.span.start == start).and_then(|m| m.canonical)
}

#[test]
fn issue4_rival_groups_are_not_merged() {
    let cases = [
        (
            "Members of Comando Vermelho clashed with the PCC in Manaus.",
            "Comando Vermelho",
            "CV: Red Command",
        ),
        (
            "Members of Comando Vermelho clashed with the PCC in Manaus.",
            "PCC",
            "Primeiro Comando da Capital",
        ),
        ("Barrio 18 members attacked MS-13 members in San Salvador.", "Barrio 18", "Barrio 18"),
        ("Barrio 18 members attacked MS-13 members in San Salvador.", "MS-13", "MS-13"),
        ("Los Rastrojos fought the Clan del Golfo near Cucuta.", "Los Rastrojos", "Los Rastrojos"),
        (
            "Los Rastrojos fought the Clan del Golfo near Cucuta.",
            "Clan del Golfo",
            "Clan del Golfo",
        ),
    ];
    for (text, name, want) in cases {
        assert_eq!(canonical_of(text, name).as_deref(), Some(want), "{name} in {text:?}");
    }
    let colectivos = "Armed colectivos fired on protesters in Caracas.";
    assert_ne!(canonical_of(colectivos, "colectivos").as_deref(), Some("Tren de Aragua"));
}
