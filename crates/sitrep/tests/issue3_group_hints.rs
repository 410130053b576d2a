//! Issue 3: the armed groups a text names tell in which country its ambiguous place names lie.
//! Texts written for these tests, not taken from any benchmark.

use sitrep::Pipeline;
use sitrep_model::Document;

fn place_country(text: &str, name: &str) -> Option<String> {
    let doc = Document { id: "t".into(), text: text.into(), ..Default::default() };
    let r = Pipeline::new().code(&doc);
    r.places.iter().find(|p| p.text == name).and_then(|p| p.country.as_deref().map(str::to_string))
}

#[test]
fn issue3_a_groups_home_country_resolves_an_ambiguous_name() {
    // Al Bayda is a governorate of Yemen and a city of Libya.
    let text = "Suspected AQAP militants detonated an explosive device on a road in Dhi Naim district (Al Bayda), killing an engineer.";
    assert_eq!(place_country(text, "Al Bayda").as_deref(), Some("YE"));
    // Without a group, the larger reading stands.
    let text = "An explosive device went off on a road near Al Bayda, killing an engineer.";
    assert_eq!(place_country(text, "Al Bayda").as_deref(), Some("LY"));
}
