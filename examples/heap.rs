//! Measures the live heap of a synthetic corpus and of its report, and how
//! many allocations cross-referencing makes, with a counting allocator.
//!
//! ```text
//! cargo run --release --example heap -- 1000000
//! cargo run --release --example heap -- --jsonl big.jsonl
//! cargo run --release --example heap -- --jsonl big.jsonl text
//! ```
//!
//! With `--jsonl FILE`, the corpus is read from a JSON Lines file as the
//! example binary reads it, and the report is streamed to nowhere: as
//! JSON Lines (`Analyzer::write_jsonl`), or, after the file, as `text`
//! or `json` held in a temporary file as the example binary holds them
//! (`write_text_with_scratch`, `write_json_with_scratch`). It prints the
//! live heap and its peak while reading and while streaming.
//!
//! Resident memory (what `/usr/bin/time` reports) also counts memory the
//! allocator keeps after it was freed; this counts only live bytes, so the
//! two together tell the report's own size from the allocator's slack.
//! The second part drops the report piece by piece and prints what each
//! piece held.

#[path = "../benches/common/mod.rs"]
mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting live bytes, their peak and calls.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters are only arithmetic on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        CALLS.fetch_add(1, Relaxed);
        // SAFETY: the caller upholds `alloc`'s contract, passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Forwarded as a realloc, so that a large vector grows in place as
        // it does without the counter (glibc moves its pages, not bytes).
        let live = if new_size >= layout.size() {
            LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size()
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed) - (layout.size() - new_size)
        };
        PEAK.fetch_max(live, Relaxed);
        CALLS.fetch_add(1, Relaxed);
        // SAFETY: the caller upholds `realloc`'s contract, passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The process's resident memory now and at its peak (`VmRSS`, `VmHWM`
/// in /proc/self/status), in MB, where Linux tells them.
fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
            .map_or_else(|| "?".to_string(), |kb| format!("{:.0}", kb / 1024.0))
    };
    format!(
        "resident {} MB, peak {} MB",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

fn positions<'r, 'c>(
    report: &'r mut corroborate::Report<'c>,
) -> impl Iterator<Item = &'r mut corroborate::Position<'c>> {
    report
        .topics
        .iter_mut()
        .flat_map(|t| t.scopes.iter_mut())
        .flat_map(|s| s.positions.iter_mut())
}

/// Reads `path` as JSON Lines and streams its report to nowhere in
/// `format` (`jsonl`, `text` or `json`), printing the live heap and its
/// peak at each step.
fn jsonl(path: &str, format: &str) {
    let file = std::fs::File::open(path).expect("the JSON Lines file opens");
    let reader = std::io::BufReader::with_capacity(1 << 16, file);
    let corpus = corroborate::StreamReader::new()
        .read_jsonl(reader, path)
        .expect("the JSON Lines file reads");
    let with_corpus = LIVE.load(Relaxed);
    let claims = corpus.claims();
    let inline = std::mem::size_of_val(claims);
    println!(
        "{} claims: corpus {:.0} MB live ({:.0} MB of it the claims' inline {} bytes each), \
         peak while reading {:.0} MB; {}",
        claims.len(),
        mb(with_corpus),
        mb(inline),
        std::mem::size_of::<corroborate::Claim>(),
        mb(PEAK.load(Relaxed)),
        resident(),
    );
    let policy = corroborate::Policy::default();
    let analyzer = corroborate::Analyzer::new(&corpus, &policy);
    let with_analyzer = LIVE.load(Relaxed);
    PEAK.store(with_analyzer, Relaxed);
    let scratch = || tempfile::tempfile().expect("a temporary file");
    let summary = match format {
        "jsonl" => analyzer.write_jsonl(std::io::sink()),
        "text" => {
            let options = corroborate::TextOptions::new();
            analyzer.write_text_with_scratch(std::io::sink(), scratch(), &options, |_| true)
        }
        "json" => analyzer.write_json_with_scratch(std::io::sink(), scratch(), |_| true),
        other => panic!("{other:?}: expected jsonl, text or json"),
    }
    .expect("writing to nowhere does not fail");
    println!(
        "{} topics streamed as {format}: name resolution {:.0} MB; peak while streaming {:.0} MB above \
         the corpus and resolution; {}",
        summary.topics,
        mb(with_analyzer - with_corpus),
        mb(PEAK.load(Relaxed) - with_analyzer),
        resident(),
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    if let Some("--jsonl") = args.next().as_deref() {
        let path = args.next().expect("--jsonl FILE");
        let format = args.next().unwrap_or_else(|| "jsonl".to_string());
        return jsonl(&path, &format);
    }
    let claims: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let corpus = common::Synth::new(1, claims).corpus();
    let with_corpus = LIVE.load(Relaxed);
    let policy = corroborate::Policy::default();
    let analyzer = corroborate::Analyzer::new(&corpus, &policy);
    let with_analyzer = LIVE.load(Relaxed);
    PEAK.store(with_analyzer, Relaxed);
    let calls = CALLS.load(Relaxed);
    let mut report = analyzer.report();
    let with_report = LIVE.load(Relaxed);
    println!(
        "{claims} claims: corpus {:.0} MB; name resolution {:.0} MB; report {:.0} MB \
         (peak while cross-referencing {:.0} MB above the corpus); {} allocations while cross-referencing",
        mb(with_corpus),
        mb(with_analyzer - with_corpus),
        mb(with_report - with_analyzer),
        mb(PEAK.load(Relaxed) - with_corpus),
        CALLS.load(Relaxed) - calls,
    );

    // What each part of the report holds, dropped one after another.
    let mut last = LIVE.load(Relaxed);
    let mut freed = |part: &str| {
        let now = LIVE.load(Relaxed);
        println!("  {part}: {:.0} MB", mb(last - now));
        last = now;
    };
    for topic in &mut report.topics {
        topic.relations = Vec::new();
    }
    freed("relations between positions");
    for topic in &mut report.topics {
        topic.relay_findings = Vec::new();
    }
    freed("relay findings");
    for topic in &mut report.topics {
        topic.explanation = String::new();
    }
    freed("verdict explanations");
    for position in positions(&mut report) {
        position.wordings = Vec::new();
    }
    freed("quote wordings");
    for position in positions(&mut report) {
        position.claims = Vec::new();
    }
    freed("claim entries");
    for position in positions(&mut report) {
        position.origins = Vec::new();
        position.publications = Vec::new();
    }
    freed("origins and publications");
    report.topics = Vec::new();
    freed("positions, scopes and topics");
    drop(report);
    freed("the rest");
}
