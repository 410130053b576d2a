//! Prints the actor mentions the tagger finds in a file (debugging aid).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let lang = sitrep_text::detect(&text);
    let seg = sitrep_text::segment(&text, lang);
    for m in sitrep_actors::tag_actors(&text, &seg, lang) {
        println!(
            "{:?} {:?} {:?} adj={} aff={:?}",
            m.span.slice(&text),
            m.kind,
            m.canonical,
            m.adjectival,
            m.affiliation
        );
    }
}
