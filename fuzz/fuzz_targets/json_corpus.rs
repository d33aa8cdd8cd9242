//! Corpus::from_json_slice on arbitrary bytes: Ok or Err, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(corpus) = corroborate::Corpus::from_json_slice(data) {
        // A corpus that loads also analyzes and writes without panicking.
        let report = corroborate::analyze(&corpus, &corroborate::Policy::default());
        let _ = report.render_text(100);
        let _ = corpus.to_json_string();
    }
});
