//! HTML article extraction and fragment-to-text conversion.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = sitrep_fuzz::text_of(data);
    let article = sitrep_intake::extract_html(&html);
    let _ = article.text.len();
    let _ = sitrep_intake::html_fragment_text(&html);
});
