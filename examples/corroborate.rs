//! The `corroborate` command: cross-reference a corpus and print the
//! report, or read quantities and dates out of text.
//!
//! ```text
//! cargo run --example corroborate                      # the bundled corpus in data/
//! cargo run --example corroborate -- path/to/corpus    # a file or a folder
//! cargo run --example corroborate -- --format json
//! cargo run --example corroborate -- big.jsonl --format jsonl  # streamed report
//! cargo run --example corroborate -- claims.jsonl     # JSON Lines
//! cargo run --example corroborate -- claims.csv       # a flat table (.csv or .tsv)
//! ```
//!
//! When stderr is a terminal, runs longer than two seconds show progress
//! on it. When stdout is a terminal too (most often the same one), the
//! bar is taken down before the report's first byte is written, and not
//! drawn again, so that it never lands inside the report; with stdout
//! sent to a file or a pipe, it stays until the work is done. When
//! stderr is not a terminal, nothing is drawn.

use std::io::{BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use corroborate::{
    Analyzer, Corpus, NameTables, Policy, ScanOptions, StreamReader, TableFormat, TextOptions,
    Topic, Vocabulary, scan_each,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Cross-reference claims from many sources: where they agree, conflict,
/// differ in scope, and how many independent origins stand behind each.
#[derive(Parser, Debug)]
#[command(name = "corroborate", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// A corpus: a JSON file, a folder holding corpus.json, JSON Lines
    /// (.jsonl) or a flat table (.csv, .tsv). Defaults to the bundled
    /// corpus in data/.
    path: Option<PathBuf>,

    /// Paths after the first: refused by name in `main`, where clap would
    /// take the second for a subcommand's name.
    #[arg(hide = true)]
    more_paths: Vec<PathBuf>,

    /// For JSON Lines: a corpus file whose entities and sources stand in
    /// for (or add to) the header line. For a table: entities and sources
    /// (with their aliases) that cells naming them are matched to
    /// ("CEC" and "Central Electoral Commission" one source)
    #[arg(long)]
    header: Option<PathBuf>,

    /// Output format. Every format is written as the topics are
    /// analysed, and no report is held: text, Markdown and JSON wait in a
    /// temporary file until the summary that opens them is known; `jsonl`
    /// writes each topic at once, in subject and property order, with
    /// the summary last.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Show only topics whose subject, subject name or property contains
    /// this text (case-insensitive), or contains it as names are matched,
    /// diacritics and particles aside ("tiraspole" finds "Tiraspolé");
    /// the id, name or alias of an entity merged into the subject counts
    /// too
    #[arg(long)]
    topic: Option<String>,

    /// A policy file: thresholds, vocabulary, cumulative, current and
    /// single-valued properties, property aliases (the format in
    /// data/README.md, "Policy").
    #[arg(long)]
    policy: Option<PathBuf>,

    /// A vocabulary file for vague and hedged quantities (the format of
    /// data/vocabulary/default.json); replaces the policy's vocabulary.
    #[arg(long)]
    vocabulary: Option<PathBuf>,

    /// Name tables: the legal suffixes left out of names and the gendered
    /// endings that tell two people apart (the format of
    /// data/vocabulary/names.json); replace the bundled ones.
    #[arg(long)]
    names: Option<PathBuf>,

    /// Colour: auto uses colour only when stdout is a terminal.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,

    /// Wrap text at this width, at least 40 (default: $COLUMNS on a
    /// terminal, or 80 where it is unset; 100 when stdout is not a
    /// terminal).
    #[arg(long, value_parser = parse_width)]
    width: Option<usize>,

    /// Print how long reading, cross-referencing and writing took, on
    /// stderr.
    #[arg(long)]
    timings: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read quantities and dates out of text; prints JSON Lines.
    Parse {
        /// Resolve relative dates ("on Tuesday") against this date, YYYY-MM-DD.
        #[arg(long)]
        reference_date: Option<String>,
        /// Texts to read; with none, each line of standard input.
        texts: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    if let Some(message) = more_paths_refused(&cli) {
        Cli::command()
            .error(clap::error::ErrorKind::TooManyValues, message)
            .exit();
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Why a command line with more than one corpus path is refused: the
/// second path named, the first beside it, and one PATH expected. A
/// subcommand's name there (`x.csv parse`) is said to be one, given
/// first. `None` for one path or none.
fn more_paths_refused(cli: &Cli) -> Option<String> {
    let second = cli.more_paths.first()?;
    let first = cli.path.as_deref().unwrap_or(Path::new(""));
    let others = cli.more_paths.len() - 1;
    let others = match others {
        0 => String::new(),
        n => format!(" (and {n} more after it)"),
    };
    let subcommand = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .find(|name| second.as_os_str() == name.as_str())
        .map(|name| {
            format!(
                "; `{name}` is a subcommand, given first and without a PATH: corroborate {name} ..."
            )
        })
        .unwrap_or_default();
    Some(format!(
        "{}: a second corpus path, after {}{others}; expected one PATH (a corpus file, or a folder holding corpus.json){subcommand}",
        second.display(),
        first.display(),
    ))
}

/// Tunes glibc's allocator for this program: at most one arena per
/// thread, and a fixed threshold for mapping large blocks on their own.
///
/// **Arenas.** glibc gives threads their own arenas, up to eight per core
/// by default: room for servers with many short-lived threads. This
/// program runs one thread per core (with `parallel`) beside the thread
/// that reads and writes, and memory freed in one arena is not reused by
/// the others, so every arena beyond one per thread holds freed memory
/// that no thread will take again. Measured on two cores: the 100k-claim
/// JSON Lines run's peak fell by about 3 MB, and the 1M run kept its time;
/// one arena for all threads cost a quarter more time (see BENCHMARKS.md,
/// 2026-12-02, second session). One arena per core, without the extra
/// one, left a thread to share an arena with another, and which it
/// shared with was chance: when the two pool threads shared one, each
/// waited on the other's lock, 45,000 sleeps a run instead of 3,000, and
/// cross-referencing 1M claims took 3.5–3.8 s instead of 2.5–2.9 s, in
/// about a third of the runs (BENCHMARKS.md, 2026-12-02, fourth
/// session).
///
/// **Large blocks.** glibc maps a block of 128 KiB or more on its own and
/// unmaps it when freed, but each time such a block is freed it raises
/// that threshold to the block's size (up to 32 MiB) and the heap's trim
/// threshold to twice it. This program frees many such blocks: batches of
/// claim lines while reading, a large topic's lines and vectors while
/// writing. After the first, later ones come from the arenas' heaps and
/// stay there when freed, in three arenas with `parallel`, so the peak
/// grew by megabytes that no allocation needed at once. Holding the
/// threshold at glibc's own starting value (setting it turns the raising
/// off) took the 100k JSON Lines run's peak from 71.4 MB to 63.8 MB, under
/// three times its input again, and the 1M run's from 544–557 MB to
/// 516–519 MB, for about 44,000 more page faults at 1M, a tenth or two
/// of a second of system time (BENCHMARKS.md, 2026-12-07).
///
/// A limit the user set (`MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`,
/// `MALLOC_TRIM_THRESHOLD_`, or their names in `GLIBC_TUNABLES`) is left
/// as it is. Elsewhere than glibc this does nothing.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    use std::ffi::c_int;
    let set_by_user = |variable: &str, tunable: &str| {
        std::env::var_os(variable).is_some()
            || std::env::var("GLIBC_TUNABLES").is_ok_and(|t| t.contains(tunable))
    };
    unsafe extern "C" {
        /// glibc's `mallopt(3)`.
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }
    /// `M_ARENA_MAX` from glibc's `malloc.h`.
    const M_ARENA_MAX: c_int = -8;
    /// `M_MMAP_THRESHOLD` from glibc's `malloc.h`.
    const M_MMAP_THRESHOLD: c_int = -3;
    /// glibc's starting threshold for mapping a block on its own.
    const MMAP_THRESHOLD: c_int = 128 * 1024;
    if !set_by_user("MALLOC_ARENA_MAX", "arena_max") {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let threads = cores.saturating_add(1);
        let arenas = c_int::try_from(threads).unwrap_or(c_int::MAX);
        // SAFETY: `mallopt` is glibc's documented call for tuning its
        // allocator; it takes two integers and only sets a limit, which
        // holds for arenas made after the call (no thread has been
        // started yet). Its return value (1 on success) needs no check:
        // on failure the default limit stays.
        unsafe {
            mallopt(M_ARENA_MAX, arenas);
        }
    }
    if !set_by_user("MALLOC_MMAP_THRESHOLD_", "mmap_threshold")
        && !set_by_user("MALLOC_TRIM_THRESHOLD_", "trim_threshold")
    {
        // SAFETY: as above; the threshold is a size in bytes within the
        // range glibc accepts (at most 32 MiB on 64-bit systems). On
        // failure glibc's default, raised as blocks are freed, stays.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        }
    }
}

/// Elsewhere than glibc, the allocator is left as it is.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn run(cli: Cli) -> Result<(), String> {
    // Before anything keys a name: the tables are the process's.
    if let Some(file) = &cli.names {
        NameTables::from_path(file)
            .and_then(NameTables::install)
            .map_err(|e| e.to_string())?;
    }
    if let Some(Command::Parse {
        reference_date,
        texts,
    }) = cli.command
    {
        return parse_command(reference_date.as_deref(), texts);
    }
    let path = cli
        .path
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data")));
    let mut policy = match &cli.policy {
        Some(file) => Policy::from_path(file).map_err(|e| e.to_string())?,
        None => Policy::default(),
    };
    if let Some(file) = &cli.vocabulary {
        policy = policy.with_vocabulary(Vocabulary::from_path(file).map_err(|e| e.to_string())?);
    }
    let mut reader = StreamReader::for_policy(&policy);
    if let Some(header) = &cli.header {
        if matches!(input_kind(&path), Input::Document) {
            return Err(format!(
                "--header {}: a side header is for JSON Lines (.jsonl) or table (.csv, .tsv) input; {} is {}",
                header.display(),
                path.display(),
                if path.is_dir() { "a folder" } else { "neither" }
            ));
        }
        // The library's message suits a caller of `Corpus::from_path`,
        // and names the library call that reads the file; here the file
        // came from `--header`, which the message names.
        let other = match input_kind(header) {
            Input::Jsonl => Some("JSON Lines"),
            Input::Table(_) => Some("a table"),
            Input::Document => None,
        };
        if let Some(other) = other {
            return Err(format!(
                "--header {}: is {other}, by its extension; expected a JSON corpus file (.json) of the entities and sources the input's claims name",
                header.display()
            ));
        }
        let side = Corpus::from_path(header).map_err(|e| format!("--header {e}"))?;
        if !side.claims().is_empty() {
            return Err(format!(
                "{}: holds {} claim{}; expected a side header of entities and sources only (its claims belong in the JSON Lines)",
                header.display(),
                side.claims().len(),
                if side.claims().len() == 1 { "" } else { "s" }
            ));
        }
        reader = reader.with_header_named(side, header.display().to_string());
    }
    let started = Instant::now();
    // The process ends after printing: freeing a million claims one by
    // one would only delay the exit, so the corpus is never dropped.
    let mut corpus = load(&reader, &path).map_err(|e| for_the_command_line(&e.to_string()))?;
    // A record skipped for a crossed limit is told of as an error is.
    corpus.rephrase_diagnostics(for_the_command_line);
    let corpus = std::mem::ManuallyDrop::new(corpus);
    let loaded = started.elapsed();
    let needle = cli
        .topic
        .as_deref()
        .map(|t| (t.to_lowercase(), corroborate::name_key(t)));
    let analyzer = Analyzer::new(&corpus, &policy);
    // The canonical entities one of whose merged entities has an id, name
    // or alias that matches: "antakya" finds the topic of "Antakiya",
    // which name resolution merged it into.
    let merged: std::collections::HashSet<&corroborate::EntityId> = match &needle {
        Some(needle) => corpus
            .entities()
            .iter()
            .filter(|e| {
                std::iter::once(e.id.as_str())
                    .chain(e.names())
                    .any(|text| text_matches(text, needle))
            })
            .map(|e| analyzer.resolution().canonical(&e.id))
            .collect(),
        None => std::collections::HashSet::new(),
    };
    // Topics kept, counted so that a filter that matched none says so.
    let kept = std::sync::atomic::AtomicUsize::new(0);
    let keep = |t: &Topic<'_>| {
        let shown = needle
            .as_ref()
            .is_none_or(|needle| matches_topic(t, needle) || merged.contains(&t.subject));
        if shown {
            kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        shown
    };
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let printed = match cli.format {
        // Streamed: each topic is written (JSON Lines) or rendered (text,
        // Markdown, JSON) as it is analysed, and no report is held.
        Format::Jsonl => print_jsonl(&analyzer, keep),
        Format::Text => {
            let width = cli.width.unwrap_or_else(|| {
                if stdout_is_terminal {
                    std::env::var("COLUMNS")
                        .ok()
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(80)
                } else {
                    100
                }
            });
            let color = match cli.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => stdout_is_terminal && std::env::var_os("NO_COLOR").is_none(),
            };
            let options = TextOptions::new().with_width(width).with_color(color);
            print_streamed(
                &analyzer,
                |out, scratch, keep| match scratch {
                    Some(scratch) => analyzer.write_text_with_scratch(out, scratch, &options, keep),
                    None => analyzer.write_text_where(out, &options, keep),
                },
                keep,
            )
        }
        Format::Markdown => print_streamed(
            &analyzer,
            |out, scratch, keep| match scratch {
                Some(scratch) => analyzer.write_markdown_with_scratch(out, scratch, keep),
                None => analyzer.write_markdown_where(out, keep),
            },
            keep,
        ),
        // The JSON document's topics are grouped by verdict, and its
        // summary comes first: each topic's JSON waits in the scratch, as
        // text does, and is followed by a newline. Without a scratch, it
        // is written from the report held whole.
        Format::Json => print_streamed(
            &analyzer,
            |out, scratch, keep| {
                let summary = match scratch {
                    Some(scratch) => analyzer.write_json_with_scratch(&mut *out, scratch, keep)?,
                    None => {
                        let mut report = analyzer.report();
                        report.retain_topics(keep);
                        report.write_json(&mut *out)?;
                        let summary = report.summary.clone();
                        // Freeing the report topic by topic would only
                        // delay the exit.
                        std::mem::forget(report);
                        summary
                    }
                };
                out.write_all(b"\n")?;
                out.flush()?;
                Ok(summary)
            },
            keep,
        ),
    };
    if let Some(topic) = &cli.topic
        && printed.is_ok()
        && kept.load(std::sync::atomic::Ordering::Relaxed) == 0
    {
        eprintln!(
            "corroborate: no topic matches --topic {topic:?} (by subject, subject name, property, \
             or the id, name or alias of an entity merged into the subject); the report lists none"
        );
    }
    if cli.timings {
        eprintln!(
            "read {:.3} s, cross-reference and write {:.3} s, total {:.3} s",
            loaded.as_secs_f64(),
            (started.elapsed() - loaded).as_secs_f64(),
            started.elapsed().as_secs_f64()
        );
    }
    printed
}

/// When the progress bars are drawn, from whether stderr and stdout are
/// terminals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drawing {
    /// stderr is not a terminal: no bar, and quiet runs stay quiet.
    Never,
    /// stderr is a terminal and stdout is not (the report goes to a file
    /// or a pipe): the bar is drawn until the work is done.
    Throughout,
    /// Both are terminals, most often the same one: the bar is drawn
    /// only until the report's first byte reaches stdout, and then taken
    /// down for good, so that no redraw (`\r`, erase line) lands inside
    /// the report.
    UntilReport,
}

/// When the progress bars are drawn: only on a terminal stderr, and,
/// when stdout is a terminal too, only until the report is written to it
/// (seventeenth audit, D3: the bar's redraws erased parts of JSON Lines
/// records and left its text inside them).
fn drawing(stderr_is_terminal: bool, stdout_is_terminal: bool) -> Drawing {
    match (stderr_is_terminal, stdout_is_terminal) {
        (false, _) => Drawing::Never,
        (true, false) => Drawing::Throughout,
        (true, true) => Drawing::UntilReport,
    }
}

/// A progress bar, drawn on stderr after the work has taken two seconds,
/// as [`Drawing`] allows.
#[derive(Clone)]
struct Progress {
    bar: ProgressBar,
    /// Set when the bar is taken down; the delayed showing looks at it
    /// under its lock, so that a bar taken down is never drawn again.
    down: Arc<Mutex<bool>>,
    drawing: Drawing,
}

impl Progress {
    /// A bar on this process's stderr, drawn as its terminals allow.
    fn new(bar: ProgressBar) -> Progress {
        let drawing = drawing(
            std::io::stderr().is_terminal(),
            std::io::stdout().is_terminal(),
        );
        Progress::drawn_on(
            bar,
            drawing,
            Duration::from_secs(2),
            ProgressDrawTarget::stderr,
        )
    }

    /// A bar drawn on `target` after `delay`, unless `drawing` is
    /// [`Drawing::Never`] or the bar is taken down first.
    fn drawn_on(
        bar: ProgressBar,
        drawing: Drawing,
        delay: Duration,
        target: impl FnOnce() -> ProgressDrawTarget + Send + 'static,
    ) -> Progress {
        bar.set_draw_target(ProgressDrawTarget::hidden());
        let down = Arc::new(Mutex::new(false));
        if drawing != Drawing::Never {
            bar.enable_steady_tick(Duration::from_millis(200));
            let (shown, taken_down) = (bar.clone(), Arc::clone(&down));
            std::thread::spawn(move || {
                std::thread::sleep(delay);
                let taken_down = taken_down.lock().unwrap_or_else(PoisonError::into_inner);
                if !*taken_down && !shown.is_finished() {
                    shown.set_draw_target(target());
                }
            });
        }
        Progress { bar, down, drawing }
    }

    /// Takes the bar down for good: cleared from the terminal if it was
    /// drawn, and never drawn again. When this returns, the bar draws
    /// nothing more.
    fn take_down(&self) {
        let mut down = self.down.lock().unwrap_or_else(PoisonError::into_inner);
        if !*down {
            *down = true;
            self.bar.finish_and_clear();
            self.bar.set_draw_target(ProgressDrawTarget::hidden());
        }
    }

    /// `out`, for the report: when the bar is drawn only until the
    /// report ([`Drawing::UntilReport`]), the bar is taken down before
    /// the first byte is handed to `out`.
    fn before_report<W: Write>(&self, out: W) -> ReportWriter<W> {
        ReportWriter {
            out,
            bar: (self.drawing == Drawing::UntilReport).then(|| self.clone()),
        }
    }
}

/// A writer that takes a progress bar down before the first byte it
/// writes (see [`Progress::before_report`]).
struct ReportWriter<W> {
    out: W,
    bar: Option<Progress>,
}

impl<W: Write> Write for ReportWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !buf.is_empty()
            && let Some(bar) = self.bar.take()
        {
            bar.take_down();
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// How a path given on the command line is read.
#[derive(Clone, Copy, Debug)]
enum Input {
    /// JSON Lines, by the extension `.jsonl`.
    Jsonl,
    /// A flat table, by the extension `.csv` or `.tsv`.
    Table(TableFormat),
    /// A JSON corpus document, or a folder holding `corpus.json`: a folder
    /// whatever its name (`exports.csv/`), as `StreamReader::read_path`
    /// reads it, and a file of any other extension.
    Document,
}

/// How `path` is read: a folder as a folder, a file by its extension.
fn input_kind(path: &Path) -> Input {
    if path.is_dir() {
        Input::Document
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
    {
        Input::Jsonl
    } else {
        TableFormat::from_path(path).map_or(Input::Document, Input::Table)
    }
}

/// What the library's messages say to a program, and what this command's
/// user gives instead: the library names its calls, the command its
/// flags, or, for a crossed limit, which it has no flag for, says the
/// limit is the library's and how it is met (the longer of two phrases
/// that begin alike first).
const LIBRARY_ADVICE: &[(&str, &str)] = &[
    (
        " (StreamReader::with_header; --header FILE in the example)",
        ": --header FILE, a JSON corpus file (.json) of the entities and sources the claims name",
    ),
    (
        "; Limits::with_max_text_len raises it, as a line or row may be 64 times the longest text field",
        "; a limit of the corroborate library (64 times its longest text field), which this command keeps: shorten the line or row, or read the file from a program that raises the library's limit (`Limits`)",
    ),
    (
        "; Limits::with_max_text_len raises it",
        "; a limit of the corroborate library, which this command keeps: shorten the text, or read the file from a program that raises the library's limit (`Limits`)",
    ),
    (
        "; Limits::with_max_article_len raises it",
        "; a limit of the corroborate library, which this command keeps: shorten the article, or read the file from a program that raises the library's limit (`Limits`)",
    ),
    (
        "; Limits::with_max_chain_depth raises it",
        "; a limit of the corroborate library, which this command keeps: shorten the chain, or read the file from a program that raises the library's limit (`Limits`)",
    ),
    (
        "; Limits::with_max_input_len raises it",
        "; a limit of the corroborate library, which this command keeps: split the input, or read it from a program that raises the library's limit (`Limits`)",
    ),
];

/// A library error's message as this command's user reads it: advice
/// to call the library ([`LIBRARY_ADVICE`]) given as the flag to use.
fn for_the_command_line(message: &str) -> String {
    LIBRARY_ADVICE
        .iter()
        .fold(message.to_string(), |message, (library, command)| {
            message.replace(library, command)
        })
}

/// Reads a corpus by extension (a folder as a folder), with a progress
/// bar over the bytes read for the streaming formats.
fn load(reader: &StreamReader, path: &Path) -> Result<Corpus, corroborate::Error> {
    let table = match input_kind(path) {
        Input::Jsonl => None,
        Input::Table(format) => Some(format),
        Input::Document => return reader.read_path(path),
    };
    // Open the file here only to measure and wrap it; errors opening it
    // come from the library, which names the file.
    let Ok(file) = std::fs::File::open(path) else {
        return reader.read_path(path);
    };
    let length = file.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = Progress::new(ProgressBar::new(length));
    let bar = &progress.bar;
    bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(format!("reading {}", path.display()));
    let name = path.display().to_string();
    let wrapped: Box<dyn Read> = Box::new(bar.wrap_read(file));
    let corpus = match table {
        Some(format) => reader.read_table(wrapped, &name, format),
        None => reader.read_jsonl(BufReader::with_capacity(1 << 16, wrapped), &name),
    };
    progress.take_down();
    corpus
}

/// Standard output for a large report, buffered in 64 KiB blocks; the
/// progress bar is taken down before the first block is written when it
/// is drawn only until the report ([`Progress::before_report`]).
///
/// `std::io::Stdout` is line-buffered: every block handed to it is
/// searched for its last newline and the rest copied into a second
/// buffer. On Unix the report goes to a duplicate of the descriptor
/// instead, which writes each block as it is; elsewhere, or if the
/// descriptor cannot be duplicated, through `Stdout` as before.
fn report_output(progress: &Progress) -> std::io::BufWriter<Box<dyn Write>> {
    const BLOCK: usize = 1 << 16;
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        // Nothing has been printed to stdout yet; flushed all the same, so
        // that nothing written before could come after the report.
        let duplicate = std::io::stdout()
            .flush()
            .and_then(|()| std::io::stdout().as_fd().try_clone_to_owned());
        if let Ok(fd) = duplicate {
            let out = progress.before_report(std::fs::File::from(fd));
            return std::io::BufWriter::with_capacity(BLOCK, Box::new(out));
        }
    }
    let out = progress.before_report(std::io::stdout().lock());
    std::io::BufWriter::with_capacity(BLOCK, Box::new(out))
}

/// True when `text` contains `needle` (lower case), ignoring case, or its
/// name key contains the needle's (`key`).
fn text_matches(text: &str, (needle, key): &(String, String)) -> bool {
    text.to_lowercase().contains(needle.as_str())
        || (!key.is_empty() && corroborate::name_key(text).contains(key.as_str()))
}

/// True when the topic's subject, subject name or property contains
/// `needle` (lower case), ignoring case, or its name key contains the
/// needle's (`key`): "tiraspole" finds "Port of Tiraspolé".
fn matches_topic(topic: &Topic<'_>, (needle, key): &(String, String)) -> bool {
    topic
        .subject
        .as_str()
        .to_lowercase()
        .contains(needle.as_str())
        || topic.subject_name.to_lowercase().contains(needle.as_str())
        || topic
            .property
            .as_str()
            .to_lowercase()
            .contains(needle.as_str())
        || (!key.is_empty()
            && (corroborate::name_key(&topic.subject_name).contains(key.as_str())
                || corroborate::name_key(topic.property.as_str()).contains(key.as_str())))
}

/// A progress bar over the claims analysed (see [`Progress`]).
fn claims_progress(analyzer: &Analyzer) -> Progress {
    let progress = Progress::new(ProgressBar::new(analyzer.corpus().claims().len() as u64));
    progress.bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} claims ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    progress.bar.set_message("cross-referencing");
    progress
}

/// What writing a report to stdout came to: a closed pipe (`| head`) is
/// not an error worth reporting.
fn written<T>(result: std::io::Result<T>) -> Result<(), String> {
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

/// Cross-references and writes the report as JSON Lines to stdout, topic
/// by topic, with a progress bar over the claims analysed.
fn print_jsonl(
    analyzer: &Analyzer,
    keep: impl Fn(&Topic<'_>) -> bool + Sync,
) -> Result<(), String> {
    let progress = claims_progress(analyzer);
    let result = analyzer.write_jsonl_where(report_output(&progress), |topic| {
        progress.bar.inc(topic.claim_count as u64);
        keep(topic)
    });
    progress.take_down();
    written(result)
}

/// Cross-references and writes a text, Markdown or JSON report to stdout
/// with `write` (an `Analyzer::write_*_with_scratch`, or `write_*_where`
/// without a scratch), rendering each topic as it is analysed, with a
/// progress bar over the claims analysed.
///
/// The topics' text waits in a temporary file until the summary, which
/// comes first, is known, so that memory stays flat however large the
/// report; the system deletes the file when it is closed, even if the
/// process is killed. Where no temporary file can be made, the text is
/// held in memory, and a warning says so.
fn print_streamed<'a>(
    analyzer: &Analyzer<'a, '_>,
    write: impl FnOnce(
        &mut dyn std::io::Write,
        Option<std::fs::File>,
        &(dyn Fn(&Topic<'a>) -> bool + Sync),
    ) -> std::io::Result<corroborate::Summary>,
    keep: impl Fn(&Topic<'_>) -> bool + Sync,
) -> Result<(), String> {
    let scratch = match tempfile::tempfile() {
        Ok(file) => Some(file),
        Err(e) => {
            eprintln!(
                "corroborate: warning: no temporary file for the report's text ({e}); \
                 holding it in memory"
            );
            None
        }
    };
    let progress = claims_progress(analyzer);
    let mut out = report_output(&progress);
    let result = write(&mut out, scratch, &|topic: &Topic<'a>| {
        progress.bar.inc(topic.claim_count as u64);
        keep(topic)
    });
    progress.take_down();
    written(result)
}

/// Prints one JSON Lines record per mention found in each text.
fn parse_command(reference_date: Option<&str>, texts: Vec<String>) -> Result<(), String> {
    use std::io::BufRead;
    let mut options = ScanOptions::new();
    if let Some(date) = reference_date {
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|e| {
            format!("--reference-date {date:?}: {e}; expected a date as YYYY-MM-DD")
        })?;
        options = options.with_reference_date(date);
    }
    let mut stdout = std::io::stdout().lock();
    // Each mention is written as it is read, not gathered for the line
    // first: a long line of figures gives a mention every few bytes.
    let mut emit = |index: usize, text: &str| -> Result<(), String> {
        let mut failed: Option<std::io::Error> = None;
        scan_each(text, &options, |mention| {
            if failed.is_some() {
                return;
            }
            let record = mention.to_json_record_with(index, options.vocabulary());
            // Characters in the text that act on a terminal are escaped.
            let line = record.to_json_line();
            if let Err(e) = writeln!(stdout, "{line}") {
                failed = Some(e);
            }
        });
        match failed {
            None => Ok(()),
            Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Some(e) => Err(format!("cannot write: {e}")),
        }
    };
    if texts.is_empty() {
        for (index, line) in std::io::stdin().lock().lines().enumerate() {
            let line = line.map_err(|e| format!("standard input, line {}: {e}", index + 1))?;
            emit(index, &line)?;
        }
    } else {
        for (index, text) in texts.iter().enumerate() {
            emit(index, text)?;
        }
    }
    Ok(())
}

/// `--width`: a whole number of columns, at least 40 (the narrowest the
/// text report wraps to).
fn parse_width(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(width) if width >= 40 => Ok(width),
        _ => Err(format!(
            "expected a whole number of columns, at least 40, not {text:?}"
        )),
    }
}

/// Run with `cargo test --example corroborate` (as `.ci/run` does): a
/// plain `cargo test` builds the example as the binary the integration
/// tests run, not as a test.
#[cfg(test)]
mod tests {
    use super::*;

    /// A terminal that records what is written to it: the bar's drawing
    /// and the report both, in the order they reach it.
    #[derive(Clone, Debug, Default)]
    struct Screen(Arc<Mutex<String>>);

    impl Screen {
        fn put(&self, text: &str) {
            self.0.lock().unwrap().push_str(text);
        }

        fn text(&self) -> String {
            self.0.lock().unwrap().clone()
        }
    }

    impl indicatif::TermLike for Screen {
        fn width(&self) -> u16 {
            80
        }
        fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
            self.put(&format!("\x1b[{n}A"));
            Ok(())
        }
        fn move_cursor_down(&self, n: usize) -> std::io::Result<()> {
            self.put(&format!("\x1b[{n}B"));
            Ok(())
        }
        fn move_cursor_right(&self, n: usize) -> std::io::Result<()> {
            self.put(&format!("\x1b[{n}C"));
            Ok(())
        }
        fn move_cursor_left(&self, n: usize) -> std::io::Result<()> {
            self.put(&format!("\x1b[{n}D"));
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.put(s);
            self.put("\n");
            Ok(())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.put(s);
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            self.put("\r\x1b[2K");
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Write for Screen {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.put(std::str::from_utf8(buf).unwrap());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// A bar drawn on `screen` at once, with the message "working", and
    /// shown there before this returns.
    fn drawn_bar(screen: &Screen, drawing: Drawing) -> Progress {
        let term = screen.clone();
        let progress = Progress::drawn_on(ProgressBar::new(100), drawing, Duration::ZERO, || {
            ProgressDrawTarget::term_like(Box::new(term))
        });
        progress
            .bar
            .set_style(ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len}").unwrap());
        progress.bar.set_message("working");
        let started = Instant::now();
        while !screen.text().contains("working") {
            assert!(started.elapsed() < Duration::from_secs(10), "never drawn");
            progress.bar.inc(1);
            std::thread::sleep(Duration::from_millis(10));
        }
        progress
    }

    /// The bar is drawn only on a terminal stderr, and only until the
    /// report when stdout is a terminal too.
    #[test]
    fn the_bar_is_drawn_as_the_terminals_allow() {
        assert_eq!(drawing(false, false), Drawing::Never);
        assert_eq!(drawing(false, true), Drawing::Never);
        assert_eq!(drawing(true, false), Drawing::Throughout);
        assert_eq!(drawing(true, true), Drawing::UntilReport);
    }

    /// With stdout on the bar's terminal, nothing of the bar reaches the
    /// terminal after the report's first byte, however long the report
    /// takes and however the bar moves meanwhile; before it, the bar was
    /// drawn (seventeenth audit, D3).
    #[test]
    fn no_bar_is_drawn_into_a_report_on_its_terminal() {
        let screen = Screen::default();
        let progress = drawn_bar(&screen, Drawing::UntilReport);
        let mut out = progress.before_report(screen.clone());
        for record in 0..8 {
            write!(out, "{{\"record\": {record}, ").unwrap();
            progress.bar.inc(5);
            // Longer than the steady tick (200 ms), twice in the run.
            std::thread::sleep(Duration::from_millis(if record % 4 == 0 { 250 } else { 5 }));
            writeln!(out, "\"end\": true}}").unwrap();
        }
        progress.take_down();
        let text = screen.text();
        let report = text.find("{\"record\": 0").unwrap();
        let (before, after) = text.split_at(report);
        assert!(before.contains("working"), "{text:?}");
        let expected: String = (0..8)
            .map(|record| format!("{{\"record\": {record}, \"end\": true}}\n"))
            .collect();
        assert_eq!(after, expected, "{text:?}");
    }

    /// With stdout elsewhere (a file, a pipe), the report does not take
    /// the bar down: it is drawn until the work is done. A bar never to
    /// be drawn is not drawn after its delay.
    #[test]
    fn the_bar_stays_while_the_report_goes_elsewhere() {
        let screen = Screen::default();
        let progress = drawn_bar(&screen, Drawing::Throughout);
        let mut file = Vec::new();
        let mut out = progress.before_report(&mut file);
        writeln!(out, "report").unwrap();
        assert!(!progress.bar.is_finished());
        progress.take_down();
        assert!(progress.bar.is_finished());
        assert_eq!(file, b"report\n");
        let quiet = Screen::default();
        let term = quiet.clone();
        let never =
            Progress::drawn_on(ProgressBar::new(10), Drawing::Never, Duration::ZERO, || {
                ProgressDrawTarget::term_like(Box::new(term))
            });
        never.bar.inc(5);
        std::thread::sleep(Duration::from_millis(300));
        never.bar.inc(5);
        assert_eq!(quiet.text(), "");
    }
}
