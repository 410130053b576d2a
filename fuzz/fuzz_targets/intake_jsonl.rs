//! The streaming JSON Lines reader, with a small line limit so that the
//! too-long-line path is exercised too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_intake::JsonlReader;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let limit = if sel & 1 == 0 { sitrep_fuzz::MAX_BYTES } else { 64 };
    for item in JsonlReader::new("fuzz.jsonl", body, limit) {
        let _ = item;
    }
});
