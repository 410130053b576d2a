use sitrep_model::{Lang, Span};
fn main() {
    let p = chrono::NaiveDate::from_ymd_opt(2024, 3, 14);
    let cases = [
        (Lang::En, "At least 25 people were killed and more than 40 wounded when a suicide bomber blew himself up at a market in Baghdad on Thursday, officials said."),
        (Lang::En, "Israeli strikes killed at least 30 Palestinians overnight, including 12 children, the health ministry said."),
        (Lang::En, "The death toll from Monday's earthquake has risen to 1,200, with thousands more injured."),
        (Lang::En, "Three soldiers were wounded and one civilian died in the ambush on March 3."),
        (Lang::En, "A US drone strike in Baghdad killed a senior Kataib Hezbollah commander on Wednesday."),
        (Lang::En, "The militants, who attacked the checkpoint late on Sunday, killed two policemen and wounded three others before fleeing."),
        (Lang::En, "Dozens were killed and hundreds injured in the clashes that began last week."),
        (Lang::En, "Nobody was injured in the attack, which took place on 12 March 2024."),
        (Lang::En, "Police said 14 bodies had been recovered from the rubble."),
        (Lang::En, "An Iraqi soldier was killed and two others were injured in an IED blast in Kirkuk."),
        (Lang::Fr, "Au moins 25 personnes ont été tuées et plus de 40 blessées jeudi dans un attentat-suicide sur un marché de Bagdad, selon des responsables."),
        (Lang::Fr, "Des frappes israéliennes ont fait au moins 30 morts dans la nuit, dont 12 enfants, selon le ministère de la Santé."),
        (Lang::Fr, "Trois soldats ont été blessés et un civil a perdu la vie dans l'embuscade du 3 mars."),
        (Lang::Fr, "Une frappe de drone américaine a tué mardi soir un haut commandant du Kataeb Hezbollah à Bagdad."),
        (Lang::Fr, "L'attaque, survenue dimanche dernier, n'a fait aucun blessé."),
        (Lang::Fr, "Le bilan s'est alourdi à 112 morts et plus de 200 blessés, a annoncé mercredi le ministère."),
        (Lang::Fr, "Deux militaires français ont été tués le 2 janvier au Mali."),
        (Lang::Fr, "Les affrontements ont fait des dizaines de victimes ces derniers jours."),
        (Lang::Fr, "Un policier a été grièvement blessé lors de la manifestation de samedi."),
        (Lang::Fr, "Quatorze corps ont été retrouvés sous les décombres."),
    ];
    for (lang, s) in cases {
        let sp = Span::new(0, s.len());
        println!("{s}");
        for c in sitrep_quantify::find_casualties(s, sp, lang) {
            println!(
                "   {:?} {:?} lb={} toll={} who={:?}",
                c.kind,
                c.count,
                c.lower_bound,
                c.toll,
                c.who.map(|w| w.slice(s))
            );
        }
        for d in sitrep_quantify::find_dates(s, sp, lang, p) {
            println!("   date {:?} {:?}..{:?} {:?}", d.text, d.start, d.end, d.kind);
        }
    }
}
