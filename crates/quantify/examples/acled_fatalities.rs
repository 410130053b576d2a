//! Agreement of `find_casualties` with coded fatality counts.
//!
//! ```text
//! cargo run -p sitrep-quantify --example acled_fatalities -- acled.csv [gtd.csv]
//! ```
//!
//! ACLED: for every training row (data_id not divisible by 5; the others are
//! held out and never read), the note's killed count is compared with the
//! `fatalities` column. The note count is the largest stated total ("6
//! fatalities") when the note has one (totals without a number are ignored), otherwise the sum of the killed counts
//! of its sentences, otherwise 0 (ACLED codes 0 when no death is reported).
//! GTD (optional second file): the same for `killed` and `wounded` against
//! the `summary`.
//!
//! It also reports how often the first written date of a note equals its
//! `event_date` (read with `parse_date_field`).
//!
//! Set `SHOW=n` to print the first n disagreements.

use std::error::Error;

use sitrep_model::{Lang, Span};
use sitrep_quantify::{find_casualties, find_dates, parse_date_field, CasualtyKind, DateKind};

/// Sentence spans: split after `.`, `!` or `?` followed by a space and an
/// uppercase letter or digit (good enough for coder notes).
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && b.get(i + 1) == Some(&b' ') {
            let next = text[i + 2..].chars().next();
            if next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit()) {
                out.push(Span::new(start, i + 1));
                start = i + 2;
            }
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// The note-level count of one kind.
fn note_count(text: &str, kind: CasualtyKind) -> u32 {
    let mut tolls: Vec<u32> = Vec::new();
    let mut sum = 0u32;
    for s in sentences(text) {
        for c in find_casualties(text, s, Lang::En) {
            if c.kind != kind {
                continue;
            }
            match (c.toll, c.count) {
                (true, Some(n)) => tolls.push(n),
                (false, Some(n)) => sum = sum.saturating_add(n),
                (_, None) => {}
            }
        }
    }
    tolls.into_iter().max().unwrap_or(sum)
}

fn gold(v: &str) -> Option<u32> {
    v.trim().parse::<f64>().ok().filter(|x| *x >= 0.0).map(|x| x as u32)
}

struct Score {
    rows: usize,
    agree: usize,
    gold_pos: usize,
    agree_pos: usize,
}

impl Score {
    fn new() -> Score {
        Score { rows: 0, agree: 0, gold_pos: 0, agree_pos: 0 }
    }
    fn add(&mut self, got: u32, want: u32) -> bool {
        self.rows += 1;
        let ok = got == want;
        self.agree += usize::from(ok);
        if want > 0 {
            self.gold_pos += 1;
            self.agree_pos += usize::from(ok);
        }
        ok
    }
    fn print(&self, name: &str) {
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{name}: {} rows, agreement {:.3} ({}), on rows with gold > 0: {:.3} ({}/{})",
            self.rows,
            pct(self.agree, self.rows),
            self.agree,
            pct(self.agree_pos, self.gold_pos),
            self.agree_pos,
            self.gold_pos
        );
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show: usize = std::env::var("SHOW").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let Some(acled) = args.first() else {
        return Err("usage: acled_fatalities ACLED.csv [GTD.csv]".into());
    };
    let mut rdr = csv::Reader::from_path(acled)?;
    let headers = rdr.headers()?.clone();
    let col =
        |name: &str| headers.iter().position(|h| h == name).ok_or(format!("no column {name}"));
    let (id_c, notes_c, fat_c) = (col("data_id")?, col("notes")?, col("fatalities")?);
    let date_c = col("event_date")?;
    let mut score = Score::new();
    let (mut dated, mut date_ok) = (0usize, 0usize);
    let mut shown = 0;
    let started = std::time::Instant::now();
    for row in rdr.records() {
        let row = row?;
        let Some(id) = row.get(id_c).and_then(|s| s.parse::<u64>().ok()) else { continue };
        if id % 5 == 0 {
            continue; // held-out test row: never read
        }
        let (Some(note), Some(want)) = (row.get(notes_c), row.get(fat_c).and_then(gold)) else {
            continue;
        };
        // The note's first written date against `event_date` ("9-May-20").
        if let Some(gold_date) = row.get(date_c).and_then(parse_date_field) {
            dated += 1;
            let first = find_dates(note, Span::new(0, note.len()), Lang::En, None)
                .into_iter()
                .find(|d| d.kind == DateKind::Explicit);
            let ok = first.as_ref().is_some_and(|d| d.start == Some(gold_date));
            date_ok += usize::from(ok);
            if !ok && std::env::var("SHOW_DATES").is_ok() {
                println!("  date {gold_date} got {first:?}: {note}");
            }
        }
        let got = note_count(note, CasualtyKind::Killed);
        if !score.add(got, want) && shown < show {
            shown += 1;
            println!("  got {got} want {want}: {note}");
        }
    }
    score.print("ACLED training fatalities");
    println!("ACLED training dates: first written date = event_date on {date_ok}/{dated} notes");
    println!("  ({:.2} s)", started.elapsed().as_secs_f64());

    if let Some(gtd) = args.get(1) {
        let mut rdr = csv::Reader::from_path(gtd)?;
        let headers = rdr.headers()?.clone();
        let col =
            |name: &str| headers.iter().position(|h| h == name).ok_or(format!("no column {name}"));
        let (sum_c, k_c, w_c) = (col("summary")?, col("killed")?, col("wounded")?);
        let (mut killed, mut wounded) = (Score::new(), Score::new());
        for row in rdr.records() {
            let row = row?;
            let Some(text) = row.get(sum_c) else { continue };
            if let Some(want) = row.get(k_c).and_then(gold) {
                let got = note_count(text, CasualtyKind::Killed);
                if !killed.add(got, want) && shown < show {
                    shown += 1;
                    println!("  killed got {got} want {want}: {text}");
                }
            }
            if let Some(want) = row.get(w_c).and_then(gold) {
                let got = note_count(text, CasualtyKind::Injured);
                if !wounded.add(got, want) && std::env::var("SHOW_WOUNDED").is_ok() {
                    println!("  wounded got {got} want {want}: {text}");
                }
            }
        }
        killed.print("GTD killed");
        wounded.print("GTD wounded");
    }
    Ok(())
}
