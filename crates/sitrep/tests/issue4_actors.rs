//! Issue 4: the first event's actor is named as ACLED names it (actor1).
//! Texts written for these tests, not taken from any benchmark.

use sitrep::Pipeline;
use sitrep_model::Document;

/// Canonical name of the first event's actor.
fn first_actor(text: &str) -> Option<String> {
    let doc = Document { id: "t".into(), text: text.into(), ..Default::default() };
    let r = Pipeline::new().code(&doc);
    r.events.first().and_then(|e| e.actor.as_ref()).and_then(|a| a.canonical.clone())
}

#[test]
fn issue4_drive_by_killings_in_brazil_are_gang_or_police_militia() {
    let text = "On 3 June 2021, in Recife, Pernambuco, a man was killed in a drive-by shooting \
                by two armed men on a motorcycle. There are no reports on the identity of the \
                perpetrators.";
    assert_eq!(first_actor(text).as_deref(), Some("Unidentified Gang and/or Police Militia"));
    // Outside Brazil the convention does not apply.
    let text = "On 3 June 2021, in Culiacan, Sinaloa, a man was killed in a drive-by shooting \
                by two armed men on a motorcycle.";
    assert_ne!(first_actor(text).as_deref(), Some("Unidentified Gang and/or Police Militia"));
}

#[test]
fn issue4_unnamed_islamist_militants_are_an_islamist_militia_of_the_country() {
    let text = "On 4 June 2021, suspected Islamist militants attacked a village near Mocimboa da \
                Praia (Cabo Delgado) and killed two people.";
    assert_eq!(first_actor(text).as_deref(), Some("Islamist Militia (Mozambique)"));
}

#[test]
fn issue4_groups_take_acled_full_names() {
    let text = "On 5 June 2021, Imbonerakure beat up a member of the opposition in Ngozi.";
    assert_eq!(
        first_actor(text).as_deref(),
        Some(
            "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy \
             (Imbonerakure Faction)"
        )
    );
    // A national force on a named operation abroad is its state's military.
    let text = "On 6 June 2021, Operation Barkhane conducted an airstrike near Gao, killing \
                three militants.";
    let a = first_actor(text).unwrap_or_default();
    assert!(a.starts_with("Military Forces of France"), "{a}");
}

#[test]
fn issue4_groups_acled_names_from_its_training_rows() {
    let text = "On 7 June 2021, dahalo attacked a village near Ihosy and stole 40 cattle.";
    assert_eq!(first_actor(text).as_deref(), Some("Dahalo Militia"));
}
