//! StreamReader::read_table on arbitrary bytes, as CSV and as TSV: Ok or
//! Err, never a panic.
#![no_main]

use corroborate::{StreamReader, TableFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = StreamReader::new();
    for format in [TableFormat::Csv, TableFormat::Tsv] {
        if let Ok(corpus) = reader.read_table(data, "fuzz.table", format) {
            let report = corroborate::analyze(&corpus, &corroborate::Policy::default());
            let _ = report.render_text(100);
        }
    }
});
