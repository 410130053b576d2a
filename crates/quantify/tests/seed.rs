//! Golden test on the seed report (French): every date and casualty
//! mention found line by line.

use sitrep_model::{Lang, Span};
use sitrep_quantify::{find_casualties, find_dates, CasualtyKind, DateKind};

const SEED: &str = include_str!("../../../examples/fr-iraq-ceasefire.txt");

#[test]
fn seed_report_dates_and_casualties() {
    let mut dates = Vec::new();
    let mut casualties = Vec::new();
    let mut offset = 0;
    for (n, line) in SEED.split_inclusive('\n').enumerate() {
        let span = Span::new(offset, offset + line.trim_end().len());
        for d in find_dates(SEED, span, Lang::Fr, None) {
            dates.push((n + 1, d.text, d.kind));
        }
        for c in find_casualties(SEED, span, Lang::Fr) {
            casualties.push((n + 1, c.kind, c.count, c.who.map(|w| w.slice(SEED).to_string())));
        }
        offset += line.len();
    }
    let want_dates = vec![
        (6, "ces derniers jours".to_string(), DateKind::Relative),
        (6, "la semaine dernière".to_string(), DateKind::Relative),
        (7, "précédemment".to_string(), DateKind::Vague),
        (9, "récemment".to_string(), DateKind::Vague),
    ];
    assert_eq!(dates, want_dates);
    let want_casualties = vec![
        (
            7,
            CasualtyKind::Killed,
            Some(4),
            Some("quatre membres des Unités de mobilisation populaire irakiennes".to_string()),
        ),
        (9, CasualtyKind::Killed, Some(4), Some("quatre membres des Hachd al-Chaabi".to_string())),
    ];
    assert_eq!(casualties, want_casualties);
}
