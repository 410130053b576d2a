//! Language detection and segmentation: no panic, and every paragraph,
//! sentence and token a valid, nested byte range.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let text = sitrep_fuzz::text_of(body);
    let _ = sitrep_text::detect(&text);
    let seg = sitrep_text::segment(&text, sitrep_fuzz::lang_of(sel));
    sitrep_fuzz::check_segmented(&text, &seg);
});
