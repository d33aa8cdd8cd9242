//! Loading, name resolution, preparing an analysis (name resolution,
//! sources and topics' pairs), cross-referencing (held and streamed, as
//! JSON Lines, as text, and as text and JSON held in a scratch file) and
//! rendering at 10k, 100k and 1M synthetic
//! claims (benches/common/mod.rs), plus one topic of 100,000 claims,
//! topics of 20,000 claims of as many scopes, times or units, 100,000
//! distinct names, 20,000 names told apart by their numbers, and 1,000
//! names of over 64 characters.
//!
//! `cargo bench --bench corpus` runs everything; `cargo bench -- --test`
//! (the CI smoke test) runs each benchmark once and skips the 1M sizes.

mod common;

use std::hint::black_box;
use std::io::Seek;
use std::time::Duration;

use common::Synth;
use corroborate::{
    Amount, Analyzer, Assertion, Claim, ClaimId, Corpus, Entity, EntityId, Period, Policy,
    Property, Quantity, Quote, Resolution, Scope, Similarity, Source, SourceId, SourceKind, Status,
    StreamReader, TableFormat, TextOptions, Value,
};
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, measurement::WallTime,
};
use criterion::{criterion_group, criterion_main};

const SEED: u64 = 1;

/// The sizes to run: 1M only outside the `--test` smoke run.
fn sizes() -> Vec<usize> {
    let smoke = std::env::args().any(|a| a == "--test");
    let mut sizes = vec![10_000, 100_000];
    if !smoke {
        sizes.push(1_000_000);
    }
    sizes
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>, n: usize) {
    group.throughput(Throughput::Elements(n as u64));
    if n >= 100_000 {
        // One run per sample: big inputs take long enough each.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 20 } else { 5 }));
    } else {
        group.sample_size(20);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(3));
    }
}

fn bytes(write: impl Fn(&mut Vec<u8>) -> std::io::Result<()>) -> Vec<u8> {
    let mut out = Vec::new();
    write(&mut out).expect("writing to memory");
    out
}

fn load(c: &mut Criterion) {
    for n in sizes() {
        let synth = Synth::new(SEED, n);
        let json = bytes(|o| synth.write_json(o));
        let jsonl = bytes(|o| synth.write_jsonl(o));
        let csv = bytes(|o| synth.write_table(o, b','));
        // The claims alone, as one JSON array: what serde_json takes to
        // deserialise them, the yardstick for cross-referencing.
        let claims_json = serde_json::to_vec(&synth.parts().claims).expect("claims serialise");

        let mut group = c.benchmark_group("load");
        configure(&mut group, n);
        group.bench_function(BenchmarkId::new("json", n), |b| {
            b.iter(|| {
                let corpus = Corpus::from_json_slice(black_box(&json)).expect("valid corpus");
                assert_eq!(corpus.claims().len(), n);
                corpus
            })
        });
        group.bench_function(BenchmarkId::new("jsonl", n), |b| {
            b.iter(|| {
                let corpus = StreamReader::new()
                    .read_jsonl(black_box(&jsonl[..]), "bench.jsonl")
                    .expect("valid corpus");
                assert_eq!(corpus.claims().len(), n);
                corpus
            })
        });
        group.bench_function(BenchmarkId::new("table", n), |b| {
            b.iter(|| {
                let corpus = StreamReader::new()
                    .read_table(black_box(&csv[..]), "bench.csv", TableFormat::Csv)
                    .expect("valid table");
                assert_eq!(corpus.claims().len(), n);
                corpus
            })
        });
        // Freed outside the timed region, as the cross-referencing
        // benches free their reports (`iter_with_large_drop`): the
        // yardstick is the parse, and freeing a million claims is neither
        // side's work. Until 2026-12-07 this bench freed its claims inside
        // the timed region, which added 0.1-0.27 s at 1M to the yardstick
        // alone (BENCHMARKS.md, "Targets, 2026-12-07, sixth session").
        group.bench_function(BenchmarkId::new("serde_json_claims", n), |b| {
            b.iter_with_large_drop(|| {
                let claims: Vec<Claim> =
                    serde_json::from_slice(black_box(&claims_json)).expect("claims parse");
                assert_eq!(claims.len(), n);
                claims
            })
        });
        group.finish();
    }
}

fn engine(c: &mut Criterion) {
    let policy = Policy::default();
    for n in sizes() {
        let corpus = Synth::new(SEED, n).corpus();
        // Name resolution alone, on the corpus's entities.
        let mut group = c.benchmark_group("resolve");
        configure(&mut group, n);
        group.bench_function(BenchmarkId::new("claims", n), |b| {
            b.iter(|| Resolution::new(black_box(corpus.entities()), policy.name_threshold()))
        });
        group.finish();

        // Everything `Analyzer::new` does: name resolution, beside (with
        // `parallel`) the source table and the claims' subject–property
        // pairs. Before 2026-12-04, night, this was `resolve/claims`.
        let mut group = c.benchmark_group("prepare");
        configure(&mut group, n);
        group.bench_function(BenchmarkId::new("claims", n), |b| {
            b.iter(|| Analyzer::new(black_box(&corpus), &policy))
        });
        group.finish();

        let analyzer = Analyzer::new(&corpus, &policy);
        let mut group = c.benchmark_group("crossref");
        configure(&mut group, n);
        // The report's drop is not cross-referencing: `iter_with_large_drop`
        // frees each report outside the timed region.
        group.bench_function(BenchmarkId::new("claims", n), |b| {
            b.iter_with_large_drop(|| {
                let report = black_box(&analyzer).report();
                assert_eq!(report.summary.claims, n);
                report
            })
        });
        group.finish();

        // The same analysis streamed (`report_each`): each topic dropped
        // as soon as it is made, nothing held; and streamed into a JSON
        // Lines report written to nowhere (analysis and writing together).
        let mut group = c.benchmark_group("stream");
        configure(&mut group, n);
        group.bench_function(BenchmarkId::new("crossref", n), |b| {
            b.iter(|| {
                let rest = black_box(&analyzer)
                    .report_each(|topic| {
                        drop(topic);
                        Ok::<(), std::convert::Infallible>(())
                    })
                    .unwrap_or_else(|never| match never {});
                assert_eq!(rest.summary.claims, n);
                rest.summary.topics
            })
        });
        group.bench_function(BenchmarkId::new("jsonl", n), |b| {
            b.iter(|| {
                let summary = black_box(&analyzer)
                    .write_jsonl(std::io::sink())
                    .expect("writing to nowhere");
                assert_eq!(summary.claims, n);
                summary
            })
        });
        // The text report rendered topic by topic as each is analysed
        // (`write_text`): the example's default output, held only as text.
        let options = TextOptions::new().with_width(100);
        group.bench_function(BenchmarkId::new("text", n), |b| {
            b.iter(|| {
                let summary = black_box(&analyzer)
                    .write_text(std::io::sink(), &options)
                    .expect("writing to nowhere");
                assert_eq!(summary.claims, n);
                summary
            })
        });
        // The same text, and the pretty JSON document, held in a scratch
        // file until the summary is known (`write_*_with_scratch`, what
        // the example does): the file is rewound and overwritten each
        // time.
        let mut scratch = tempfile::tempfile().expect("a temporary file");
        group.bench_function(BenchmarkId::new("text_scratch", n), |b| {
            b.iter(|| {
                scratch.rewind().expect("the scratch rewinds");
                let summary = black_box(&analyzer)
                    .write_text_with_scratch(std::io::sink(), &mut scratch, &options, |_| true)
                    .expect("writing to nowhere");
                assert_eq!(summary.claims, n);
                summary
            })
        });
        group.bench_function(BenchmarkId::new("json_scratch", n), |b| {
            b.iter(|| {
                scratch.rewind().expect("the scratch rewinds");
                let summary = black_box(&analyzer)
                    .write_json_with_scratch(std::io::sink(), &mut scratch, |_| true)
                    .expect("writing to nowhere");
                assert_eq!(summary.claims, n);
                summary
            })
        });
        group.finish();

        let report = analyzer.report();
        let mut group = c.benchmark_group("render");
        configure(&mut group, n);
        group.bench_function(BenchmarkId::new("text", n), |b| {
            b.iter(|| {
                let text = black_box(&report).render_text(100);
                assert!(text.len() > n);
                text
            })
        });
        group.bench_function(BenchmarkId::new("json", n), |b| {
            b.iter(|| {
                let json = black_box(&report).to_json_string();
                assert!(json.len() > n);
                json
            })
        });
        group.finish();
    }
}

fn one_topic(c: &mut Criterion) {
    let policy = Policy::default();
    let n = 100_000;
    let corpus = Synth::one_topic(SEED, n).corpus();
    let analyzer = Analyzer::new(&corpus, &policy);
    let mut group = c.benchmark_group("crossref");
    configure(&mut group, n);
    bench_one_topic(&mut group, "topic_size", n, &analyzer);
    group.finish();
}

/// The report of a corpus of one topic of `n` claims, as `name`; each
/// report freed outside the timed region, as `crossref/claims`'s.
fn bench_one_topic(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    n: usize,
    analyzer: &Analyzer<'_, '_>,
) {
    group.bench_function(BenchmarkId::new(name, n), |b| {
        b.iter_with_large_drop(|| {
            let report = black_box(analyzer).report();
            assert_eq!(report.topics.len(), 1);
            assert_eq!(report.topics[0].claim_count, n);
            report
        })
    });
}

/// One topic of 20,000 claims of as many scopes or units, as an
/// adversarial corpus may have: three shapes that were quadratic in the
/// topic's claims until the tenth session of 2026-12-07 (BENCHMARKS.md).
/// - `distinct_scopes`: projected claims, each with a horizon of its own
///   and one of 5,000 populations (each claim's horizon was looked for
///   in a list of the topic's: 676 ms).
/// - `distinct_times`: claims each of a day of its own (each time run's
///   label read every claim of its group: 2.7 s end to end).
/// - `distinct_units`: claims each with a unit of its own, over 50
///   figures (each conflict compared every unit of one side with every
///   unit of the other: 0.48 s end to end).
fn adversarial_topics(c: &mut Criterion) {
    let n = 20_000;
    fn day(k: usize) -> Period {
        Period::day(
            2000 + (k / 336) as i32,
            1 + (k / 28 % 12) as u32,
            1 + (k % 28) as u32,
        )
        .expect("a valid day")
    }
    fn figure(v: f64) -> Quantity {
        Quantity::new(Amount::Exact(v)).expect("a valid amount")
    }
    let shapes: [(&str, &MakeClaim); 3] = [
        ("distinct_scopes", &|k| {
            let scope = Scope::default()
                .with_status(Status::Projected)
                .with_horizon(format!("by year {k}"))
                .with_population(format!("group {}", k % 5_000));
            (figure(k as f64), scope)
        }),
        ("distinct_times", &|k| {
            (figure((k % 50) as f64), Scope::default().with_time(day(k)))
        }),
        ("distinct_units", &|k| {
            let quantity = figure((k % 50) as f64).with_unit(format!("widgets{k}"));
            (quantity, Scope::default())
        }),
    ];
    let policy = Policy::default();
    let mut group = c.benchmark_group("crossref");
    configure(&mut group, n);
    for (name, make) in shapes {
        let corpus = one_topic_of(n, make);
        let analyzer = Analyzer::new(&corpus, &policy);
        bench_one_topic(&mut group, name, n, &analyzer);
    }
    group.finish();
}

/// 20,000 quote claims of 100 wordings of twelve words, each wording
/// given by 200 claims to as many speakers: one misattribution per
/// wording. Until 2026-12-08 a finding was made for each pair of
/// speakers (19,900 per wording), and the check kept every pair it
/// found (BENCHMARKS.md).
fn misattributed_wordings(c: &mut Criterion) {
    let n = 20_000;
    let wordings = 100;
    /// A word of letters alone for `n` (digits in a quote are figures).
    fn letters(mut n: usize) -> String {
        let mut word = String::new();
        loop {
            word.push(char::from(b"bdfgklmnprstvz"[n % 14]));
            word.push(char::from(b"aeiou"[n / 14 % 5]));
            n /= 70;
            if n == 0 {
                return word;
            }
        }
    }
    let texts: Vec<String> = (0..wordings)
        .map(|j| {
            let words: Vec<String> = (0..12).map(|i| letters(1 + j * 12 + i)).collect();
            words.join(" ")
        })
        .collect();
    let speakers = n / wordings;
    let entities: Vec<Entity> = (0..speakers)
        .map(|k| {
            let id = EntityId::new(&format!("s{k}")).expect("a valid id");
            Entity::new(id, format!("Speaker {k}"))
        })
        .collect();
    let said: Vec<(EntityId, String)> = (0..n)
        .map(|k| {
            (
                entities[k / wordings].id.clone(),
                texts[k % wordings].clone(),
            )
        })
        .collect();
    let corpus = quote_corpus(entities, said);
    let policy = Policy::default();
    let analyzer = Analyzer::new(&corpus, &policy);
    let mut group = c.benchmark_group("crossref");
    configure(&mut group, n);
    group.bench_function(BenchmarkId::new("misattributed_wordings", n), |b| {
        b.iter_with_large_drop(|| {
            let report = black_box(&analyzer).report();
            assert_eq!(report.misattributions.len(), wordings);
            report
        })
    });
    group.finish();
}

/// One speaker's 2,000 quotes of one wording, each with a figure of its
/// own (a daily toll): until 2026-12-08 each two such quotes were
/// related (up to 256 a quote), since then each to its neighbours in
/// figure order and in id order (BENCHMARKS.md).
fn figure_quotes(c: &mut Criterion) {
    let n = 2_000;
    let entity = EntityId::new("spokesman").expect("a valid id");
    let said: Vec<(EntityId, String)> = (0..n)
        .map(|k| {
            let figure = (k * 7_919) % 100_003 + 1;
            let text = format!("Today {figure} people were killed in the strikes on the city.");
            (entity.clone(), text)
        })
        .collect();
    let corpus = quote_corpus(vec![Entity::new(entity, "Spokesman")], said);
    let policy = Policy::default();
    let analyzer = Analyzer::new(&corpus, &policy);
    let mut group = c.benchmark_group("crossref");
    configure(&mut group, n);
    bench_one_topic(&mut group, "figure_quotes", n, &analyzer);
    group.finish();
}

/// A corpus of `entities` and one source's quotes, the `k`th (`c{k}`)
/// giving its words to its speaker.
fn quote_corpus(entities: Vec<Entity>, said: Vec<(EntityId, String)>) -> Corpus {
    let source = SourceId::new("a").expect("a valid id");
    let claims: Vec<Claim> = said
        .into_iter()
        .enumerate()
        .map(|(k, (speaker, text))| {
            Claim::new(
                ClaimId::new(&format!("c{k}")).expect("a valid id"),
                speaker,
                Property::new("said").expect("a valid property"),
                Value::Quote(Quote::new(text).expect("a valid quote")),
                Assertion::new(vec![source.clone()]),
            )
        })
        .collect();
    Corpus::new(
        entities,
        vec![Source::new(source, SourceKind::Publication, "A")],
        claims,
    )
    .expect("a valid corpus")
}

/// A claim's value and scope, made from its number.
type MakeClaim = dyn Fn(usize) -> (Quantity, Scope);

/// A corpus of one topic of `n` claims, one source's, each claim's value
/// and scope made by `make` from its number.
fn one_topic_of(n: usize, make: &MakeClaim) -> Corpus {
    let entity = EntityId::new("e").expect("a valid id");
    let source = SourceId::new("a").expect("a valid id");
    let claims: Vec<Claim> = (0..n)
        .map(|k| {
            let (quantity, scope) = make(k);
            Claim::new(
                ClaimId::new(&format!("c{k}")).expect("a valid id"),
                entity.clone(),
                Property::new("p").expect("a valid property"),
                Value::Quantity(quantity),
                Assertion::new(vec![source.clone()]),
            )
            .with_scope(scope)
        })
        .collect();
    Corpus::new(
        vec![Entity::new(entity, "E")],
        vec![Source::new(source, SourceKind::Publication, "A")],
        claims,
    )
    .expect("a valid corpus")
}

fn names(c: &mut Criterion) {
    resolve_names(c, "names", Synth::names(SEED, 100_000));
}

/// 20,000 entities named as a table's subjects often are, "ent0" to
/// "ent19999": names of one block (their first three letters), which
/// their numbers split, since names whose numbers differ never merge.
/// Until the tenth session of 2026-12-07 the block was scored pair by
/// pair (BENCHMARKS.md).
fn numbered_names(c: &mut Criterion) {
    let n = 20_000;
    let entities: Vec<Entity> = (0..n)
        .map(|k| {
            let id = EntityId::new(&format!("e{k}")).expect("a valid id");
            Entity::new(id, format!("ent{k}"))
        })
        .collect();
    let threshold = Similarity::new(0.9).expect("a valid threshold");
    let mut group = c.benchmark_group("resolve");
    configure(&mut group, n);
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("numbered_names", n), |b| {
        b.iter(|| {
            let resolution = Resolution::new(black_box(&entities), threshold);
            assert!(resolution.merges().is_empty());
            resolution
        })
    });
    group.finish();
}

fn long_names(c: &mut Criterion) {
    resolve_names(c, "long_names", Synth::long_names(SEED, 1_000));
}

/// `Resolution::new` on `entities` alone, one run per sample, as for
/// the large corpora (a run takes tens to hundreds of milliseconds).
fn resolve_names(c: &mut Criterion, name: &str, entities: Vec<Entity>) {
    let n = entities.len();
    let threshold = Similarity::new(0.9).expect("a valid threshold");
    let mut group = c.benchmark_group("resolve");
    configure(&mut group, n);
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function(BenchmarkId::new(name, n), |b| {
        b.iter(|| {
            let resolution = Resolution::new(black_box(&entities), threshold);
            // About one name in ten is a variant of another.
            assert!(resolution.merges().len() > n / 50);
            resolution
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    load,
    engine,
    one_topic,
    adversarial_topics,
    misattributed_wordings,
    figure_quotes,
    names,
    numbered_names,
    long_names
);
criterion_main!(benches);
