//! Scanning speed over the five seed articles (read from ../shared/seeds;
//! the bench does nothing, with a message, when they are absent).

use std::hint::black_box;

use chrono::NaiveDate;
use corroborate::{ScanOptions, scan};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn seeds() -> String {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            text.push_str(&std::fs::read_to_string(path).unwrap_or_default());
            text.push('\n');
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = seeds();
    if text.is_empty() {
        eprintln!("skipped: ../shared/seeds is absent");
        return;
    }
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
