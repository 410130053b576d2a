//! The whole `code` pipeline: no panic, every offset of the report a valid
//! byte range of the text, and the report serialisable as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep::Pipeline;
use sitrep_model::Document;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let text = sitrep_fuzz::text_of(body);
    let mut pipeline = Pipeline::new();
    if sel & 0x80 != 0 {
        pipeline.lang(Some(sitrep_fuzz::lang_of(sel)));
    }
    let doc = Document { id: "fuzz".into(), text, ..Document::default() };
    let report = pipeline.code(&doc);
    sitrep_fuzz::check_report(&doc.text, &report);
    serde_json::to_string(&report).expect("a report always serialises");
});
