//! parse_quantity, parse_date and scan on the same input: never a panic,
//! and every mention's span lies on char boundaries of the input.
#![no_main]

use std::sync::OnceLock;

use corroborate::{ScanOptions, Vocabulary, parse_date, parse_quantity, scan};
use libfuzzer_sys::fuzz_target;

fn options() -> &'static (Vocabulary, ScanOptions, ScanOptions) {
    static OPTIONS: OnceLock<(Vocabulary, ScanOptions, ScanOptions)> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let reference = chrono::NaiveDate::from_ymd_opt(2021, 8, 25).unwrap();
        (
            Vocabulary::default(),
            ScanOptions::new(),
            ScanOptions::new().with_reference_date(reference),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (vocabulary, plain, dated) = options();
    let _ = parse_quantity(text, vocabulary);
    let _ = parse_date(text, None);
    let _ = parse_date(text, dated.reference_date());
    for options in [plain, dated] {
        for mention in scan(text, options) {
            let span = mention.span();
            assert!(text.get(span.clone()).is_some(), "span {span:?} off char boundaries");
        }
    }
});
