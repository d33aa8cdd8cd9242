//! Scanning speed over the five seed articles bundled in data/.

use std::hint::black_box;

use chrono::NaiveDate;
use corroborate::{ScanOptions, scan};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn seeds() -> String {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    let mut text = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("data/ is part of the crate")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        text.push_str(&std::fs::read_to_string(path).expect("article text"));
        text.push('\n');
    }
    assert!(text.len() > 20_000, "the five articles are in data/");
    text
}

fn bench(c: &mut Criterion) {
    let text = seeds();
    let options =
        ScanOptions::new().with_reference_date(NaiveDate::from_ymd_opt(2021, 8, 26).unwrap());
    assert!(scan(&text, &options).len() > 50);
    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("seeds/5", |b| b.iter(|| scan(black_box(&text), &options)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
