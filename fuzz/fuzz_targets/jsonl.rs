//! StreamReader::read_jsonl on arbitrary bytes: Ok or Err, never a panic;
//! every claim line is either loaded or listed as skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = corroborate::StreamReader::new();
    if let Ok(corpus) = reader.read_jsonl(data, "fuzz.jsonl") {
        // Lines after the header that hold anything but white space.
        let records = data
            .split(|&b| b == b'\n')
            .filter(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
            .count()
            .saturating_sub(1);
        assert_eq!(
            corpus.claims().len() + corpus.skipped().len(),
            records,
            "a record was neither loaded nor reported"
        );
        let report = corroborate::analyze(&corpus, &corroborate::Policy::default());
        let _ = report.render_text(100);
    }
});
