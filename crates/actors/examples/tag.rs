//! Prints the actor mentions of a text file, one per line:
//! `start end kind canonical [adj] [affiliation] | text`.
//!
//! Usage: `cargo run -p sitrep-actors --example tag -- FILE [fr|en]`

use sitrep_actors::tag_actors;
use sitrep_model::{Lang, Segmented};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: tag FILE [LANG]")?;
    let lang = args.next().and_then(|l| Lang::from_code(&l)).unwrap_or(Lang::Fr);
    let text = std::fs::read_to_string(path)?;
    for m in tag_actors(&text, &Segmented::default(), lang) {
        println!(
            "{}\t{}\t{}\t{}\t{}{}\t| {}",
            m.span.start,
            m.span.end,
            m.kind.as_str(),
            m.canonical.as_deref().unwrap_or("-"),
            if m.adjectival { "adj " } else { "" },
            m.affiliation.as_deref().map(|a| format!("aff={a}")).unwrap_or_default(),
            m.span.slice(&text)
        );
    }
    Ok(())
}
