//! The synthetic corpus generator shared with the benches: deterministic,
//! and every form it writes loads without a skipped record.

use corroborate::{Policy, StreamReader, TableFormat, analyze};

use crate::common::Synth;

fn bytes(write: impl Fn(&mut Vec<u8>) -> std::io::Result<()>) -> Vec<u8> {
    let mut out = Vec::new();
    write(&mut out).unwrap();
    out
}

#[test]
fn same_seed_same_bytes() {
    let a = Synth::new(7, 2_000);
    let b = Synth::new(7, 2_000);
    assert_eq!(bytes(|o| a.write_jsonl(o)), bytes(|o| b.write_jsonl(o)));
    assert_eq!(bytes(|o| a.write_json(o)), bytes(|o| b.write_json(o)));
    assert_eq!(
        bytes(|o| a.write_table(o, b',')),
        bytes(|o| b.write_table(o, b','))
    );
    let other = Synth::new(8, 2_000);
    assert_ne!(bytes(|o| a.write_jsonl(o)), bytes(|o| other.write_jsonl(o)));
}

#[test]
fn every_form_loads_without_skips() {
    let synth = Synth::new(3, 3_000);
    let reader = StreamReader::new();
    let jsonl = reader
        .read_jsonl(&bytes(|o| synth.write_jsonl(o))[..], "synth.jsonl")
        .unwrap();
    assert!(jsonl.skipped().is_empty(), "{:?}", jsonl.skipped());
    let json = corroborate::Corpus::from_json_slice(&bytes(|o| synth.write_json(o))).unwrap();
    let csv = reader
        .read_table(
            &bytes(|o| synth.write_table(o, b','))[..],
            "synth.csv",
            TableFormat::Csv,
        )
        .unwrap();
    assert!(csv.skipped().is_empty(), "{:?}", csv.skipped());
    let tsv = reader
        .read_table(
            &bytes(|o| synth.write_table(o, b'\t'))[..],
            "synth.tsv",
            TableFormat::Tsv,
        )
        .unwrap();
    assert!(tsv.skipped().is_empty(), "{:?}", tsv.skipped());
    assert_eq!(csv.claims().len(), 3_000);
    assert_eq!(tsv.claims().len(), 3_000);
    // Each row's value is read as the kind of value it was written from
    // (a statement's object is written as its name, and read as text).
    let kinds: Vec<(&str, &str)> = synth
        .corpus()
        .claims()
        .iter()
        .zip(csv.claims())
        .map(|(written, read)| (written.value.kind(), read.value.kind()))
        .filter(|&(written, read)| written != read && (written, read) != ("statement", "text"))
        .collect();
    assert!(
        kinds.is_empty(),
        "{} misread: {:?}",
        kinds.len(),
        &kinds[..kinds.len().min(5)]
    );

    let policy = Policy::default();
    let from_memory = analyze(&synth.corpus(), &policy).to_json_string();
    assert_eq!(analyze(&jsonl, &policy).to_json_string(), from_memory);
    assert_eq!(analyze(&json, &policy).to_json_string(), from_memory);
    // The table has no ids, scopes or modalities, so its report differs;
    // CSV and TSV of one corpus agree with each other.
    assert_eq!(
        analyze(&csv, &policy).render_text(100),
        analyze(&tsv, &policy).render_text(100)
    );
}

#[test]
fn looks_like_the_real_thing() {
    let corpus = Synth::new(11, 5_000).corpus();
    let report = analyze(&corpus, &Policy::default());
    // Spelling variants are merged by name resolution.
    assert!(!report.merges.is_empty());
    // Topics are Zipf-sized: the largest holds many claims, most few.
    let largest = report.topics.iter().map(|t| t.claim_count).max().unwrap();
    assert!(largest > 200, "largest topic {largest}");
    // Conflicts, corroboration and relays all occur.
    assert!(report.summary.contested > 0);
    assert!(report.summary.corroborated > 0);
    assert!(report.summary.relay_findings > 0);
}
