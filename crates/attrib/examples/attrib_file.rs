//! Prints the quotes and claims found in a text file (no actor tagger):
//! `cargo run -p sitrep-attrib --example attrib_file -- FILE [fr|en] [--json] [--actors]`.

use sitrep_model::{Analysis, Document, Lang};

fn main() {
    let mut args = std::env::args().skip(1);
    // FILE, then an optional language code, then --json and/or --actors (run the actor tagger).
    let Some(path) = args.next() else {
        eprintln!("usage: attrib_file FILE [fr|en]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let lang =
        args.next().and_then(|c| Lang::from_code(&c)).unwrap_or_else(|| sitrep_text::detect(&text));
    let doc = Document { text, ..Document::default() };
    let seg = sitrep_text::segment(&doc.text, lang);
    let flags: Vec<String> = args.collect();
    let actors = if flags.iter().any(|x| x == "--actors") {
        sitrep_actors::tag_actors(&doc.text, &seg, lang)
    } else {
        Vec::new()
    };
    let a = Analysis {
        doc: &doc,
        lang,
        seg: &seg,
        places: &[],
        actors: &actors,
        entities: &[],
        quotes: &[],
        claims: &[],
    };
    let (quotes, claims) = sitrep_attrib::attribute(&a);
    if flags.iter().any(|x| x == "--json") {
        let out = serde_json::json!({ "quotes": quotes, "claims": claims });
        println!("{out}");
        return;
    }
    for q in quotes {
        let via = q.via.map(|v| format!(" via {}", v.text)).unwrap_or_default();
        println!("Q [{}]{} ({}): {}", q.speaker.text, via, q.verb.unwrap_or_default(), q.text);
    }
    for c in claims {
        println!("C [{}] ({}): {}", c.source.text, c.marker.unwrap_or_default(), c.text);
    }
}
