//! Writes a deterministic synthetic corpus, for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example synth -- --seed 1 --claims 1000000 --format jsonl > big.jsonl
//! cargo run --release --example synth -- --claims 10000 --topics 100 --format csv > small.csv
//! cargo run --release --example synth -- --claims 1000000 --analyze   # time the engine in memory
//! ```
//!
//! The generator lives in benches/common/mod.rs and is shared with the
//! benchmarks and tests: the same seed and size give the same bytes.

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

/// Write a synthetic corpus to standard output.
#[derive(Parser, Debug)]
#[command(name = "synth")]
struct Cli {
    /// The generator's seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How many claims.
    #[arg(long, default_value_t = 10_000)]
    claims: usize,
    /// How many topics (default: one per ten claims).
    #[arg(long)]
    topics: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Instead of writing the corpus, build it in memory, cross-reference
    /// it, and print the time taken by name resolution and by
    /// cross-referencing on stderr.
    #[arg(long)]
    analyze: bool,
    /// With `--analyze`: cross-reference this many times and report the
    /// fastest run, which is steadier than one run on a busy machine.
    #[arg(long, default_value_t = 1)]
    repeat: u32,
    /// With --analyze: stream the topics (`Analyzer::report_each`),
    /// dropping each as it is made, instead of building the report.
    #[arg(long)]
    stream: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Csv,
    Tsv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut synth = common::Synth::new(cli.seed, cli.claims);
    if let Some(topics) = cli.topics {
        synth = synth.with_topics(topics);
    }
    if cli.analyze {
        let corpus = synth.corpus();
        let after_corpus = resident_mb();
        let policy = corroborate::Policy::default();
        let started = std::time::Instant::now();
        let analyzer = corroborate::Analyzer::new(&corpus, &policy);
        let resolved = started.elapsed();
        let mut fastest = std::time::Duration::MAX;
        for _ in 0..cli.repeat.max(1) {
            let started = std::time::Instant::now();
            let report = if cli.stream {
                analyzer
                    .report_each(|topic| {
                        drop(topic);
                        Ok::<(), std::convert::Infallible>(())
                    })
                    .unwrap_or_else(|never| match never {})
            } else {
                analyzer.report()
            };
            let took = started.elapsed();
            fastest = fastest.min(took);
            let memory = match (after_corpus, resident_mb()) {
                (Some(before), Some(now)) => {
                    format!("; resident {before} MB with the corpus, {now} MB with the report")
                }
                _ => String::new(),
            };
            eprintln!(
                "{} claims, {} topics: resolve {:.3} s, cross-reference {:.3} s{memory}",
                report.summary.claims,
                report.summary.topics,
                resolved.as_secs_f64(),
                took.as_secs_f64(),
            );
        }
        if cli.repeat > 1 {
            eprintln!(
                "fastest cross-reference of {}: {:.3} s",
                cli.repeat,
                fastest.as_secs_f64()
            );
        }
        return ExitCode::SUCCESS;
    }
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 20, stdout);
    let written = match cli.format {
        Format::Json => synth.write_json(&mut out),
        Format::Jsonl => synth.write_jsonl(&mut out),
        Format::Csv => synth.write_table(&mut out, b','),
        Format::Tsv => synth.write_table(&mut out, b'\t'),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the corpus: {e}");
            ExitCode::from(2)
        }
    }
}

/// This process's resident memory in MB, where /proc tells it (Linux).
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
