//! RSS and Atom feeds held in memory, and metadata date parsing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_intake::{parse_feed, Options};

fuzz_target!(|data: &[u8]| {
    let opts = Options { max_bytes: sitrep_fuzz::MAX_BYTES, format: None };
    let _ = parse_feed("fuzz.xml", data, &opts);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = sitrep_intake::parse_date(s);
    }
});
