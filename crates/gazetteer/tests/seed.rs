//! The seed report (our own reference reading): every place resolves right, within 25 km where
//! the reading gives coordinates, the border as a region.

use sitrep_gazetteer::km;
use sitrep_model::{Lang, Place, Segmented};

const SEED: &str = include_str!("fixtures/fr-iraq-ceasefire.txt");

fn places() -> Vec<Place> {
    sitrep_gazetteer::tag_places(SEED, &Segmented::default(), Lang::Fr)
}

/// One expected place: text contains, feature, country, point or none, admin1 contains.
type Expected = (&'static str, &'static str, &'static str, Option<(f64, f64)>, &'static str);

const EXPECTED: &[Expected] = &[
    ("Erbil", "airport", "IQ", Some((36.2376, 43.9632)), ""),
    ("ambassade américaine à Bagdad", "site", "IQ", Some((33.2985, 44.3956)), "Baghdad"),
    ("Aïn al-Asad", "military_base", "IQ", Some((33.7856, 42.4412)), "Anbar"),
    ("al-Anbar", "admin1", "IQ", None, "Anbar"),
    ("al-Omar", "oil_field", "SY", Some((34.99, 40.56)), "Deir ez-Zor"),
    ("Deir ez-Zor", "admin1", "SY", None, "Deir ez-Zor"),
    ("frontière irako-syrienne", "border", "IQ", None, ""),
    ("Kurdistan", "region", "IQ", None, ""),
    ("Irak", "country", "IQ", None, ""),
    ("Syrie", "country", "SY", None, ""),
    ("États-Unis", "country", "US", None, ""),
];

#[test]
fn seed_places_resolve() {
    let ps = places();
    for (text, feature, cc, point, admin1) in EXPECTED {
        let p = ps
            .iter()
            .find(|p| p.text.contains(text))
            .unwrap_or_else(|| panic!("no place for {text}: {ps:#?}"));
        assert_eq!(&p.feature, feature, "{text}: {p:?}");
        assert_eq!(p.country.as_deref(), Some(*cc), "{text}: {p:?}");
        if let Some(pt) = point {
            let d = km(*pt, (p.lat.unwrap_or(0.0), p.lon.unwrap_or(0.0)));
            assert!(d <= 25.0, "{text}: {d:.1} km away: {p:?}");
        }
        if !admin1.is_empty() {
            assert!(p.admin1.as_deref().is_some_and(|a| a.contains(admin1)), "{text}: {p:?}");
        }
        assert!(SEED.get(p.start..p.end) == Some(p.text.as_str()));
    }
    let border = ps.iter().find(|p| p.feature == "border").map(|p| &*p.precision);
    assert_eq!(border, Some("region"));
}

#[test]
fn seed_has_no_false_places() {
    for p in places() {
        for bad in ["Haq", "Saadi", "Unités", "Chaabi", "Arab Weekly", "Pentagone", "Résistance"]
        {
            assert!(!p.text.contains(bad), "false place {p:?}");
        }
    }
}

#[test]
fn places_are_in_text_order() {
    let ps = places();
    assert!(ps.windows(2).all(|w| w[0].start < w[1].start || w[0].end <= w[1].start));
}
