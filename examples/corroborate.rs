//! The `corroborate` command: cross-reference a corpus and print the
//! report, or read quantities and dates out of text.
//!
//! ```text
//! cargo run --example corroborate                      # the bundled corpus in data/
//! cargo run --example corroborate -- path/to/corpus    # a file or a folder
//! cargo run --example corroborate -- --format json
//! ```

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use corroborate::{Corpus, Policy, ScanOptions, TextOptions, Vocabulary, analyze, scan};

/// Cross-reference claims from many sources: where they agree, conflict,
/// differ in scope, and how many independent origins stand behind each.
#[derive(Parser, Debug)]
#[command(name = "corroborate", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// A corpus: a JSON file, or a folder holding corpus.json. Defaults to
    /// the bundled corpus in data/.
    path: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Show only topics whose subject, subject name or property contains
    /// this text (case-insensitive).
    #[arg(long)]
    topic: Option<String>,

    /// A vocabulary file for vague and hedged quantities (the format of
    /// data/vocabulary/default.json).
    #[arg(long)]
    vocabulary: Option<PathBuf>,

    /// Colour: auto uses colour only when stdout is a terminal.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,

    /// Wrap text at this width (default: $COLUMNS on a terminal, else 100).
    #[arg(long)]
    width: Option<usize>,
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
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
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
    let corpus = Corpus::from_path(&path).map_err(|e| e.to_string())?;
    let mut policy = Policy::default();
    if let Some(file) = &cli.vocabulary {
        let bytes = std::fs::read(file)
            .map_err(|e| format!("{}: cannot read the vocabulary: {e}", file.display()))?;
        let vocabulary =
            Vocabulary::from_json_slice(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
        policy = policy.with_vocabulary(vocabulary);
    }
    let mut report = analyze(&corpus, &policy);
    if let Some(filter) = &cli.topic {
        let needle = filter.to_lowercase();
        report.retain_topics(|t| {
            t.subject.as_str().to_lowercase().contains(&needle)
                || t.subject_name.to_lowercase().contains(&needle)
                || t.property.as_str().to_lowercase().contains(&needle)
        });
    }
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let output = match cli.format {
        Format::Json => report.to_json_string() + "\n",
        Format::Markdown => report.render_markdown(),
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
            report.render_text_with(&TextOptions::new().with_width(width).with_color(color))
        }
    };
    print_all(&output)
}

fn print_all(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

/// Prints one JSON Lines record per mention found in each text.
fn parse_command(reference_date: Option<&str>, texts: Vec<String>) -> Result<(), String> {
    use std::io::{BufRead, Write};
    let mut options = ScanOptions::new();
    if let Some(date) = reference_date {
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|e| {
            format!("--reference-date {date:?}: {e}; expected a date as YYYY-MM-DD")
        })?;
        options = options.with_reference_date(date);
    }
    let mut stdout = std::io::stdout().lock();
    let mut emit = |index: usize, text: &str| -> Result<(), String> {
        for mention in scan(text, &options) {
            let record = mention.to_json_record_with(index, options.vocabulary());
            let line = serde_json::to_string(&record).map_err(|e| e.to_string())?;
            match writeln!(stdout, "{line}") {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                Err(e) => return Err(format!("cannot write: {e}")),
            }
        }
        Ok(())
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
