//! `sitrep eval`: scores sitrep's reports against hand-annotated gold readings.
//!
//! Reads the same gold formats as the project's scoring script: the seed format
//! (`NAME.txt` + `NAME.gold.json` with events carrying `kind`, `location{lat,lon}`
//! and `evidence_lines`) and the flat format (events with `type`, `location`,
//! `country`, `killed`, `evidence` sentence). Events pair up when they share a
//! family (attack, statement, arrest, protest…) and a place or evidence span;
//! the scores are event precision/recall/F1, geocoding within 25 km, actor
//! agreement, exact fatalities, quote F1 and claim recall.

use serde_json::Value;
use sitrep_model::Report;
use std::fmt;

/// Running totals over documents.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Totals {
    /// Documents scored.
    pub docs: usize,
    gold_events: usize,
    pred_events: usize,
    matched: usize,
    geo_ok: usize,
    geo_n: usize,
    actor_ok: usize,
    actor_n: usize,
    fatal_ok: usize,
    fatal_n: usize,
    gold_quotes: usize,
    pred_quotes: usize,
    matched_quotes: usize,
    gold_claims: usize,
    matched_claims: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl std::ops::AddAssign for Totals {
    /// Adds another run's counts (one document's score into the running totals).
    fn add_assign(&mut self, o: Totals) {
        self.docs += o.docs;
        self.gold_events += o.gold_events;
        self.pred_events += o.pred_events;
        self.matched += o.matched;
        self.geo_ok += o.geo_ok;
        self.geo_n += o.geo_n;
        self.actor_ok += o.actor_ok;
        self.actor_n += o.actor_n;
        self.fatal_ok += o.fatal_ok;
        self.fatal_n += o.fatal_n;
        self.gold_quotes += o.gold_quotes;
        self.pred_quotes += o.pred_quotes;
        self.matched_quotes += o.matched_quotes;
        self.gold_claims += o.gold_claims;
        self.matched_claims += o.matched_claims;
    }
}

impl Totals {
    /// Event precision.
    pub fn event_p(&self) -> f64 {
        ratio(self.matched, self.pred_events)
    }
    /// Event recall.
    pub fn event_r(&self) -> f64 {
        ratio(self.matched, self.gold_events)
    }
    /// Event F1.
    pub fn event_f1(&self) -> f64 {
        f1(self.event_p(), self.event_r())
    }
    /// Share of matched events with coordinates within 25 km of gold.
    pub fn geo25(&self) -> f64 {
        ratio(self.geo_ok, self.geo_n)
    }
    /// Share of matched events whose actor agrees with gold.
    pub fn actor(&self) -> f64 {
        ratio(self.actor_ok, self.actor_n)
    }
    /// Share of matched events with gold fatalities whose count is exact.
    pub fn fatal(&self) -> f64 {
        ratio(self.fatal_ok, self.fatal_n)
    }
    /// Quote F1.
    pub fn quote_f1(&self) -> f64 {
        f1(
            ratio(self.matched_quotes, self.pred_quotes),
            ratio(self.matched_quotes, self.gold_quotes),
        )
    }
    /// Claim recall.
    pub fn claim_r(&self) -> f64 {
        ratio(self.matched_claims, self.gold_claims)
    }
}

impl fmt::Display for Totals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "score: docs={} event_p={:.2} event_r={:.2} event_f1={:.2} geo25={:.2} geo_n={} actor={:.2} fatal={:.2} quote_f1={:.2} claim_r={:.2}",
            self.docs,
            self.event_p(),
            self.event_r(),
            self.event_f1(),
            self.geo25(),
            self.geo_n,
            self.actor(),
            self.fatal(),
            self.quote_f1(),
            self.claim_r()
        )
    }
}

const ATTACK: &[&str] = &[
    "attack",
    "airstrike",
    "drone_strike",
    "rocket_attack",
    "shelling",
    "bombing",
    "armed_clash",
    "assault",
    "ambush",
    "suicide_bombing",
    "ied",
    "missile_attack",
    "raid",
    "assassination",
    "abduction",
    "battle",
    "clash",
    "strike",
];
const STATEMENT: &[&str] = &[
    "statement",
    "threat",
    "ceasefire",
    "declaration",
    "announcement",
    "warning",
    "ultimatum",
    "claim_of_responsibility",
];

fn family(kind: &str) -> String {
    let k = kind.to_lowercase().replace(['-', ' '], "_");
    let fam = if ATTACK.contains(&k.as_str()) {
        "attack"
    } else if STATEMENT.contains(&k.as_str()) {
        "statement"
    } else if k == "arrest" || k == "detention" {
        "arrest"
    } else if ["protest", "riot", "demonstration"].contains(&k.as_str()) {
        "protest"
    } else if k.is_empty() {
        "other"
    } else {
        return k;
    };
    fam.to_string()
}

/// Lowercased, accent-folded words of `s` (ASCII letters and digits only).
fn norm_words(s: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().map(str::to_string).collect()
}

fn norm(s: &str) -> String {
    norm_words(s).join(" ")
}

fn contains(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Share of gold text `b` covered by the longest common word run of `a`.
fn overlap(a: &str, b: &str) -> f64 {
    let (ta, tb) = (norm_words(a), norm_words(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let mut best = 0;
    let mut prev = vec![0usize; tb.len() + 1];
    for x in &ta {
        let mut cur = vec![0usize; tb.len() + 1];
        for (j, y) in tb.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best as f64 / tb.len() as f64
}

/// Great-circle distance in kilometres between two (lat, lon) points in degrees.
pub use sitrep_gazetteer::km;

#[derive(Debug, Default)]
struct Ev {
    fam: String,
    spans: Vec<(usize, usize)>,
    coords: Option<(f64, f64)>,
    place: Option<String>,
    country: Option<String>,
    actor: Option<String>,
    fatalities: Option<i64>,
}

fn s(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

/// Byte offsets of each line (start, end) of `text`.
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        out.push((pos, pos + line.len()));
        pos += line.len() + 1;
    }
    out
}

fn gold_events(g: &Value, text: &str) -> Vec<Ev> {
    let lines = line_spans(text);
    let mut out = Vec::new();
    for e in g.get("events").and_then(Value::as_array).into_iter().flatten() {
        let kind = s(e, "kind").or_else(|| s(e, "type")).unwrap_or_default();
        let mut ev = Ev { fam: family(&kind), country: s(e, "country"), ..Default::default() };
        match e.get("location") {
            Some(loc @ Value::Object(_)) => {
                if let (Some(la), Some(lo)) = (loc["lat"].as_f64(), loc["lon"].as_f64()) {
                    ev.coords = Some((la, lo));
                }
                ev.place = s(loc, "text").or_else(|| s(loc, "place"));
                ev.country = s(loc, "country").or(ev.country);
            }
            Some(Value::String(p)) => ev.place = Some(p.clone()),
            _ => {}
        }
        for ln in e.get("evidence_lines").and_then(Value::as_array).into_iter().flatten() {
            if let Some(&span) = ln.as_u64().and_then(|n| lines.get((n as usize).wrapping_sub(1))) {
                ev.spans.push(span);
            }
        }
        if let Some(evd) = e.get("evidence").and_then(Value::as_str).filter(|s| !s.is_empty()) {
            if let Some(i) = text.find(evd) {
                ev.spans.push((i, i + evd.len()));
            }
        }
        ev.actor = match e.get("actor") {
            Some(a @ Value::Object(_)) => s(a, "canonical").or_else(|| s(a, "text")),
            Some(Value::String(a)) => Some(a.clone()),
            _ => None,
        };
        ev.fatalities = e.get("fatalities").or_else(|| e.get("killed")).and_then(Value::as_i64);
        out.push(ev);
    }
    out
}

fn join(parts: &[Option<&str>]) -> String {
    parts.iter().flatten().copied().collect::<Vec<_>>().join(" ")
}

fn pred_events(p: &Report) -> Vec<Ev> {
    p.events
        .iter()
        .map(|e| {
            let loc = e.location.as_ref();
            let actor = e.actor.as_ref();
            Ev {
                fam: family(&e.kind),
                spans: e.evidence.iter().map(|s| (s.start, s.end)).collect(),
                coords: loc.and_then(|l| Some((l.lat?, l.lon?))),
                place: loc.map(|l| join(&[Some(&l.text), Some(&l.name)])),
                country: loc.and_then(|l| l.country.clone()),
                actor: actor.map(|a| join(&[a.canonical.as_deref(), a.text.as_deref()])),
                fatalities: e.fatalities.map(i64::from),
            }
        })
        .collect()
}

fn spans_meet(a: &[(usize, usize)], b: &[(usize, usize)]) -> bool {
    a.iter().any(|&(x0, x1)| b.iter().any(|&(y0, y1)| x0 < y1 && y0 < x1))
}

fn place_match(g: &Ev, p: &Ev) -> bool {
    if let (Some(a), Some(b)) = (g.coords, p.coords) {
        return km(a, b) <= 50.0;
    }
    if let (Some(gp), Some(pp)) = (&g.place, &p.place) {
        return overlap(pp, gp) >= 0.5 || contains(gp, pp);
    }
    g.country.is_some() && g.country == p.country
}

fn same_entity(g: Option<&str>, p: &str) -> bool {
    let unknown = |x: &str| {
        let n = norm(x);
        n.is_empty() || n.contains("unknown") || n.contains("unidentified")
    };
    match g {
        None => unknown(p),
        Some(g) if unknown(g) => unknown(p),
        Some(g) => contains(g, p) || overlap(p, g) >= 0.6,
    }
}

/// Scores one document's report against its gold reading and adds to `t`.
///
/// `text` is the document text (without BOM) that both offsets point into.
pub fn score_document(t: &mut Totals, text: &str, gold: &Value, pred: &Report) {
    let gs = gold_events(gold, text);
    let ps = pred_events(pred);
    let mut cands = Vec::new();
    for (gi, g) in gs.iter().enumerate() {
        for (pi, p) in ps.iter().enumerate() {
            if g.fam != p.fam {
                continue;
            }
            let score =
                2 * usize::from(place_match(g, p)) + usize::from(spans_meet(&g.spans, &p.spans));
            if score >= 1 {
                cands.push((std::cmp::Reverse(score), gi, pi));
            }
        }
    }
    cands.sort();
    let (mut ug, mut up) = (vec![false; gs.len()], vec![false; ps.len()]);
    t.docs += 1;
    t.gold_events += gs.len();
    t.pred_events += ps.len();
    for (_, gi, pi) in cands {
        if ug[gi] || up[pi] {
            continue;
        }
        ug[gi] = true;
        up[pi] = true;
        t.matched += 1;
        let (g, p) = (&gs[gi], &ps[pi]);
        if let (Some(a), Some(b)) = (g.coords, p.coords) {
            t.geo_n += 1;
            t.geo_ok += usize::from(km(a, b) <= 25.0);
        }
        t.actor_n += 1;
        t.actor_ok +=
            usize::from(same_entity(g.actor.as_deref(), p.actor.as_deref().unwrap_or("")));
        if let Some(f) = g.fatalities {
            t.fatal_n += 1;
            t.fatal_ok += usize::from(p.fatalities == Some(f));
        }
    }
    score_quotes(t, gold, pred);
}

fn score_quotes(t: &mut Totals, gold: &Value, pred: &Report) {
    let empty = Vec::new();
    let gq = gold.get("quotes").and_then(Value::as_array).unwrap_or(&empty);
    t.gold_quotes += gq.len();
    t.pred_quotes += pred.quotes.len();
    let mut used = vec![false; pred.quotes.len()];
    for q in gq {
        let (text, speaker) = (s(q, "text").unwrap_or_default(), s(q, "speaker"));
        for (i, r) in pred.quotes.iter().enumerate() {
            let spk = join(&[r.speaker.canonical.as_deref(), Some(&r.speaker.text)]);
            if !used[i] && overlap(&r.text, &text) >= 0.8 && same_entity(speaker.as_deref(), &spk) {
                used[i] = true;
                t.matched_quotes += 1;
                break;
            }
        }
    }
    let gc = gold.get("claims").and_then(Value::as_array).unwrap_or(&empty);
    t.gold_claims += gc.len();
    for c in gc {
        let (text, source) = (s(c, "claim").unwrap_or_default(), s(c, "source"));
        if pred.claims.iter().any(|r| {
            let src = join(&[r.source.canonical.as_deref(), Some(&r.source.text)]);
            overlap(&r.text, &text) >= 0.6 && same_entity(source.as_deref(), &src)
        }) {
            t.matched_claims += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_norm() {
        assert_eq!(family("airstrike"), "attack");
        assert_eq!(family("Threat"), "statement");
        assert_eq!(family("looting"), "looting");
        assert_eq!(norm("Aïn al-Asad’s"), "ain al asad s");
        assert!(
            (overlap("la base d'Aïn al-Asad", "base d'Ain al-Asad dans") - 5.0 / 6.0).abs() < 1e-9
        );
    }

    #[test]
    fn distance_in_km() {
        let d = km((36.2376, 43.9632), (36.19, 44.01));
        assert!(d > 5.0 && d < 8.0, "{d}");
    }

    #[test]
    fn unknown_actors_agree() {
        assert!(same_entity(None, "Unidentified Armed Group"));
        assert!(same_entity(Some("Unidentified armed group"), ""));
        assert!(!same_entity(Some("Popular Mobilization Forces"), "United States"));
        assert!(same_entity(Some("United States military"), "United States military des avions"));
    }

    #[test]
    fn per_document_scores_add_up_to_the_totals() {
        let text = "Une frappe a tué quatre membres.";
        let gold: Value = serde_json::json!({"events": [{"kind": "airstrike", "fatalities": 4,
            "evidence": [{"start": 0, "end": text.len()}]}]});
        let pred = crate::Pipeline::new().code(&sitrep_model::Document {
            id: "d".into(),
            text: text.into(),
            ..Default::default()
        });
        let mut once = Totals::default();
        score_document(&mut once, text, &gold, &pred);
        score_document(&mut once, text, &gold, &pred);
        let mut summed = Totals::default();
        for _ in 0..2 {
            let mut one = Totals::default();
            score_document(&mut one, text, &gold, &pred);
            summed += one;
        }
        assert_eq!(once, summed);
        assert_eq!(summed.docs, 2);
        assert_eq!(summed.gold_events, 2);
    }
}
