//! Every intake format, chosen by the first byte: 0 text, 1 HTML, 2 JSON
//! Lines, 3 RSS/Atom; any other value lets intake sniff the format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_intake::{read_bytes, Format, Item, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let format = match sel {
        0 => Some(Format::Text),
        1 => Some(Format::Html),
        2 => Some(Format::Jsonl),
        3 => Some(Format::Feed),
        _ => None,
    };
    let opts = Options { max_bytes: sitrep_fuzz::MAX_BYTES, format };
    for item in read_bytes("fuzz", body, &opts) {
        if let Item::Doc(doc) = item {
            // Documents carry valid text; touching it must be safe.
            let _ = doc.text.chars().count();
        }
    }
});
