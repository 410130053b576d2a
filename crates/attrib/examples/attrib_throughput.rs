//! Throughput of the attribution stage on a collection of articles.
//!
//! `cargo run --release -p sitrep-attrib --example attrib_throughput -- ARTICLES.xml [lang] [rounds]`
//!
//! Reads every `<text>` element (CDATA or plain) of the XML file, segments and
//! tags actors once, then times `attribute` alone and, for comparison, the
//! segmenter and the actor tagger, in MB of text per second of one thread.

use sitrep_model::{Analysis, Document, Lang};
use std::time::{Duration, Instant};

fn texts(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<text>") {
        rest = &rest[i + 6..];
        let Some(j) = rest.find("</text>") else { break };
        let body = rest[..j].trim();
        let body =
            body.strip_prefix("<![CDATA[").and_then(|b| b.strip_suffix("]]>")).unwrap_or(body);
        out.push(body.to_string());
        rest = &rest[j..];
    }
    out
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let lang = args.next().and_then(|c| Lang::from_code(&c)).unwrap_or(Lang::En);
    let xml = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let docs: Vec<Document> =
        texts(&xml).into_iter().map(|text| Document { text, ..Document::default() }).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let _ = sitrep_actors::ActorKb::global();
    let (mut t_seg, mut t_act, mut t_att) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut quotes, mut claims) = (0, 0);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    for _ in 0..rounds {
        for doc in &docs {
            let t0 = Instant::now();
            let seg = sitrep_text::segment(&doc.text, lang);
            let t1 = Instant::now();
            let actors = sitrep_actors::tag_actors(&doc.text, &seg, lang);
            let t2 = Instant::now();
            let a = Analysis {
                doc,
                lang,
                seg: &seg,
                places: &[],
                actors: &actors,
                entities: &[],
                quotes: &[],
                claims: &[],
            };
            let (q, c) = sitrep_attrib::attribute(&a);
            let t3 = Instant::now();
            t_seg += t1 - t0;
            t_act += t2 - t1;
            t_att += t3 - t2;
            quotes += q.len();
            claims += c.len();
        }
    }
    let total = bytes * rounds;
    println!("{} documents, {:.2} MB x {rounds} rounds", docs.len(), bytes as f64 / 1e6);
    println!("quotes {} claims {} per round", quotes / rounds, claims / rounds);
    println!("segment  {:8.2} MB/s", mbps(total, t_seg));
    println!("actors   {:8.2} MB/s", mbps(total, t_act));
    println!("attrib   {:8.2} MB/s", mbps(total, t_att));
}
