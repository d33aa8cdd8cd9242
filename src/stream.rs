//! Streaming readers for large inputs: JSON Lines and flat tables.
//!
//! | item | what it is |
//! |---|---|
//! | [`StreamReader`] | the options (limits, vocabulary, a side header) and the readers |
//! | [`TableFormat`] | a flat table's dialect: comma- or tab-separated |
//! | [`JSONL_FORMAT`] | the format tag of a JSON Lines header |
//!
//! Both formats are read one record at a time from a buffered reader, so
//! the text is never held whole in memory. A record that cannot be used
//! (a malformed line, a row of the wrong width, an unknown reference, a
//! duplicate claim id, a bad value) is skipped and listed in
//! [`Corpus::skipped`] with its `file:line` and what was wrong (a row
//! kept but warned about, in [`Corpus::warnings`]); problems
//! with the file itself (it cannot be read, it is empty, its header is
//! bad) are errors. The formats are described in `data/README.md`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::id::{ClaimHasher, ClaimIndex, HashMap, HashSet as FastSet};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::corpus::{Corpus, Header, Limits, from_json_str, json_error_kind};
use crate::error::{Error, ErrorKind};
use crate::id::{ClaimId, EntityId, Property, SourceId};
use crate::model::{Assertion, Claim, Entity, Quote, Scope, Source, SourceKind, Status, Value};
use crate::parse::{QuantityParser, Unread, parse_date};
use crate::period::Period;
use crate::report::{Diagnostic, Severity};
use crate::vocab::Vocabulary;

/// Claim lines parsed and checked together, at least: enough to share
/// out over cores, few enough that the batch's text stays small.
const BATCH_LINES: usize = 4096;

/// The most claim lines in a batch, reached in large inputs (see
/// [`batch_lines`]).
const MAX_BATCH_LINES: usize = 16_384;

/// How many claim lines the next batch takes, once `read` lines have been
/// read: a thirty-second of them, within [`BATCH_LINES`] and
/// [`MAX_BATCH_LINES`]. With `parallel`, each batch wakes the pool's
/// threads, and on a virtual machine a wake-up (an interrupt between
/// processors) is slow enough that with batches of 4,096 lines the two
/// cores sat idle 10–20% of the time while reading a million claims;
/// batches four times as large read them about a twentieth faster. Tying
/// the size to what has been read keeps the batches in flight (three of
/// them, text and parsed claims) a small part of the corpus, as the
/// memory target needs at 100k claims: there the batches stay at 4,096.
fn batch_lines(read: u64) -> usize {
    usize::try_from(read / 32)
        .unwrap_or(MAX_BATCH_LINES)
        .clamp(BATCH_LINES, MAX_BATCH_LINES)
}

/// Batches of claim lines parsed ahead of the one being kept, with the
/// `parallel` feature: enough that the cores have work queued while the
/// reading thread keeps one batch and reads the next.
#[cfg(feature = "parallel")]
const PIPELINE_DEPTH: usize = 2;

/// Claim lines waiting to be parsed together: their texts one after
/// another in one string, so that a batch makes no allocation per line
/// once the string has grown to a batch's size.
#[derive(Default)]
struct LineBatch {
    text: String,
    /// Each line's number and where its text ends in `text`.
    lines: Vec<(u64, usize)>,
}

impl LineBatch {
    fn push(&mut self, line: u64, text: &str) {
        self.text.push_str(text);
        self.lines.push((line, self.text.len()));
    }

    fn len(&self) -> usize {
        self.lines.len()
    }

    /// Each line's number and text, in order.
    fn lines(&self) -> impl Iterator<Item = (u64, &str)> + '_ {
        self.lines
            .iter()
            .enumerate()
            .map(|(k, &(line, _))| (line, self.text(k)))
    }

    /// The text of the `k`th line, or "" past the last: what a parallel
    /// iterator over the batch's lines reads by index.
    fn text(&self, k: usize) -> &str {
        let start = match k.checked_sub(1) {
            Some(before) => self.lines.get(before).map_or(0, |&(_, end)| end),
            None => 0,
        };
        let end = self.lines.get(k).map_or(start, |&(_, end)| end);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Empties the batch, keeping its room.
    fn clear(&mut self) {
        self.text.clear();
        self.lines.clear();
    }
}

/// The bytes of a line over the limit kept to name its claim.
const LONG_LINE_PREFIX: usize = 256;

/// Reads one line (through its `\n`) into `buffer`, or, when it is longer
/// than `limit` bytes, reads through it keeping only its first
/// [`LONG_LINE_PREFIX`] bytes (at most `limit`). Returns the bytes read;
/// a return larger than `buffer`'s length means the line was too long.
fn read_line_within(
    reader: &mut impl BufRead,
    buffer: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<usize> {
    let mut read = 0usize;
    let mut over = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (take, ends) = match memchr::memchr(b'\n', available) {
            Some(at) => (at + 1, true),
            None => (available.len(), false),
        };
        if !over && read + take <= limit {
            buffer.extend_from_slice(&available[..take]);
        } else if !over {
            over = true;
            // The line's first bytes are kept, to name its claim.
            let prefix = LONG_LINE_PREFIX.min(limit);
            let more = prefix.saturating_sub(buffer.len()).min(take);
            buffer.extend_from_slice(&available[..more]);
            buffer.truncate(prefix);
            buffer.shrink_to(limit.min(1 << 20));
        }
        reader.consume(take);
        read += take;
        if ends {
            break;
        }
    }
    Ok(read)
}

/// A line's number, and its text or why it is not text.
type NumberedLine<'a> = (u64, Result<&'a str, Error>);

/// The lines of a JSON Lines input that are not blank, read one at a
/// time into one buffer, with their numbers and the input's size limit.
struct JsonLines<R> {
    reader: R,
    buffer: Vec<u8>,
    /// The number of the last line read.
    line: u64,
    /// Bytes read so far.
    total: usize,
    limit: usize,
    /// The longest line kept in memory; set once the header is read.
    line_limit: usize,
}

impl<R: BufRead> JsonLines<R> {
    fn new(reader: R, limit: usize) -> JsonLines<R> {
        JsonLines {
            reader,
            buffer: Vec::new(),
            line: 0,
            total: 0,
            limit,
            line_limit: usize::MAX,
        }
    }

    /// The next line that is not blank: its number, and its text or why
    /// it is not text; `None` at the end of the input.
    fn next(&mut self) -> Result<Option<NumberedLine<'_>>, Error> {
        loop {
            self.buffer.clear();
            let read = read_line_within(&mut self.reader, &mut self.buffer, self.line_limit)
                .map_err(|e| Error::io("read the input", e).with_position(self.line + 1, None))?;
            if read == 0 {
                return Ok(None);
            }
            self.line += 1;
            self.total = self.total.saturating_add(read);
            if self.total > self.limit {
                return Err(Error::new(ErrorKind::Limit {
                    what: "input size in bytes",
                    found: self.total,
                    limit: self.limit,
                })
                .with_position(self.line, None));
            }
            if read > self.buffer.len() {
                // Over the line limit: read through, not kept.
                let error = Error::new(ErrorKind::Limit {
                    what: "line length in bytes",
                    found: read,
                    limit: self.line_limit,
                });
                let error = match crate::corpus::leading_id(&self.buffer) {
                    Some(id) => error.in_claim(id),
                    None => error,
                };
                return Ok(Some((self.line, Err(error))));
            }
            let start = if self.line == 1 && self.buffer.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            let blank = self.buffer.iter().skip(start).all(u8::is_ascii_whitespace);
            if blank {
                continue;
            }
            let bytes = self.buffer.get(start..).unwrap_or_default();
            let text = std::str::from_utf8(bytes).map_err(|e| {
                Error::new(ErrorKind::NotUtf8 {
                    offset: e.valid_up_to(),
                    byte: bytes.get(e.valid_up_to()).copied(),
                })
            });
            return Ok(Some((self.line, text)));
        }
    }

    /// Fills `batch` with the next claim lines, up to [`batch_lines`]; a
    /// line that is not UTF-8 is skipped into `loaded`. True when the
    /// input has ended.
    fn next_batch(
        &mut self,
        batch: &mut LineBatch,
        loaded: &mut Loaded,
        name: &str,
    ) -> Result<bool, Error> {
        let size = batch_lines(self.line);
        while batch.len() < size {
            match self.next()? {
                None => return Ok(true),
                Some((line, Ok(text))) => batch.push(line, text),
                Some((line, Err(error))) => loaded.skip(name, line, error.to_string()),
            }
        }
        Ok(false)
    }

    /// Gives back the buffer's room: the next lines grow it anew.
    fn release(&mut self) {
        self.buffer = Vec::new();
    }
}

/// A claim line parsed and checked against the header: the claim and its
/// check, or why the line is not a claim.
type CheckedLine = Result<(Claim, Result<(), Error>), Error>;

/// Parses and checks a batch of claim lines into `results` (emptied
/// first), on all cores with the `parallel` feature; the results are in
/// line order.
///
/// `results` is handed back batch after batch, so that its room is
/// reused: a fresh vector a batch (16,384 claims of about 300 bytes at
/// most) was new memory each time, a page fault every 4 KB, 110 MB of
/// them in a 1M-claim read.
fn check_batch(
    header: &Header,
    batch: &LineBatch,
    limits: &Limits,
    results: &mut Vec<CheckedLine>,
) {
    let check = |text: &str| -> CheckedLine {
        let mut claim = parse_claim(text)?;
        let checked = header.check_claim(&mut claim, None, limits);
        Ok((claim, checked))
    };
    // The declared ids are lent to the deserializers of each thread that
    // parses lines (once a task, not once a line), so that references
    // are read as shared ids, not copied then replaced.
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        (0..batch.len())
            .into_par_iter()
            .map_init(|| header.lend_ids(), |_, k| check(batch.text(k)))
            .collect_into_vec(results);
    }
    #[cfg(not(feature = "parallel"))]
    {
        let _lent = header.lend_ids();
        results.clear();
        results.extend(batch.lines().map(|(_, text)| check(text)));
    }
    // Texts are shared within the batch, here rather than as the batch is
    // kept: with `parallel` this runs beside the other batches, where
    // sharing across the whole corpus ran on the reading thread alone.
    let mut sharing = Sharing::default();
    for (claim, _) in results.iter_mut().flatten().filter(|(_, c)| c.is_ok()) {
        sharing.share_texts(claim);
    }
}

/// The format tag on the first line of a JSON Lines corpus.
pub const JSONL_FORMAT: &str = "corroborate-jsonl/1";

/// A flat table's dialect.
///
/// ```
/// use corroborate::TableFormat;
/// assert_eq!(TableFormat::from_path("claims.tsv"), Some(TableFormat::Tsv));
/// assert_eq!(TableFormat::from_path("claims.json"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableFormat {
    /// Comma-separated, with `"` quoting as in RFC 4180.
    Csv,
    /// Tab-separated, without quoting of its own: a `"` inside a cell is
    /// an ordinary character, and a cell wrapped whole in double quotes,
    /// as a spreadsheet exports one (`"12"`), is read without them.
    Tsv,
}

impl TableFormat {
    /// The dialect a file name's extension (`.csv`, `.tsv`, any case)
    /// names, if any.
    pub fn from_path(path: impl AsRef<Path>) -> Option<TableFormat> {
        let extension = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(TableFormat::Csv),
            "tsv" => Some(TableFormat::Tsv),
            _ => None,
        }
    }
}

/// Reads the streaming formats: JSON Lines and CSV/TSV tables.
///
/// Builder-lite: `StreamReader::new()` reads with the default
/// [`Limits`] and [`Vocabulary`]; `with_*` methods change them.
///
/// ```
/// use corroborate::{StreamReader, TableFormat};
/// let table = "source,subject,property,value\n\
///              AP,ISIS-K,fighter_strength,\"about 2,000\"\n\
///              Reuters,ISIS-K\n";
/// let corpus = StreamReader::new().read_table(table.as_bytes(), "inline.csv", TableFormat::Csv)?;
/// assert_eq!(corpus.claims().len(), 1);
/// assert_eq!(corpus.skipped().len(), 1);
/// assert_eq!(corpus.skipped()[0].location, "inline.csv:3");
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct StreamReader {
    limits: Limits,
    vocabulary: Vocabulary,
    header: Option<Box<Corpus>>,
    /// The side header's file name, for errors that name it.
    header_name: Option<String>,
}

/// The first line of a JSON Lines corpus.
#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(deny_unknown_fields, remote = "Self")]
struct JsonlHeader {
    format: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    sources: Vec<Source>,
}

object_only!(JsonlHeader, "struct JsonlHeader");

/// Shares the texts that many claims repeat, as claims arrive: claims
/// with the same verb, property, unit, population or horizon get one copy
/// of that text (chain links
/// are made the declared ids when each claim is checked). Sharing each
/// claim as it is read, rather than all at the end, lets the next claim
/// reuse the memory of the copy just freed.
///
/// Chains themselves are not shared: most chains of a large corpus are
/// distinct (an article and an origin), and looking each up cost more
/// time (about 1 s at 1M claims) than the memory it saved.
#[derive(Default)]
struct Sharing {
    verbs: FastSet<Arc<str>>,
    properties: FastSet<Property>,
    /// Units, populations and horizons: short phrases a corpus repeats.
    phrases: FastSet<Arc<str>>,
}

/// Makes `text` the copy kept in `set`, keeping it there if it is new.
fn share_text(set: &mut FastSet<Arc<str>>, text: &mut Arc<str>) {
    match set.get(&**text) {
        Some(existing) => *text = Arc::clone(existing),
        None => {
            set.insert(Arc::clone(text));
        }
    }
}

impl Sharing {
    /// Gives a checked claim shared copies of its verb, unit, population
    /// and horizon.
    fn share_texts(&mut self, claim: &mut Claim) {
        if let Some(verb) = &mut claim.assertion.verb {
            share_text(&mut self.verbs, verb);
        }
        if let Value::Quantity(quantity) = &mut claim.value
            && let Some(unit) = quantity.unit_mut()
        {
            share_text(&mut self.phrases, unit);
        }
        for phrase in [&mut claim.scope.population, &mut claim.scope.horizon]
            .into_iter()
            .flatten()
        {
            share_text(&mut self.phrases, phrase);
        }
    }

    /// Gives a kept claim the shared copy of its property. Properties are
    /// shared across the whole corpus, not only within a batch: grouping
    /// claims by topic finds a topic by the addresses of its subject's
    /// and property's texts, and falls back to hashing the texts for
    /// every new pair of addresses.
    fn share_property(&mut self, claim: &mut Claim) {
        match self.properties.get(&claim.property) {
            Some(existing) => claim.property = existing.clone(),
            None => {
                self.properties.insert(claim.property.clone());
            }
        }
    }
}

/// Claims read so far, with the line each came from.
///
/// Repeated ids are found once every line is read, when the claims'
/// index is built from the hashes of their ids (taken as each claim is
/// kept, while it is in cache): every kept claim whose id another line
/// gives too is then dropped and reported as a duplicate, whatever the
/// order of the lines. See [`ClaimIndex`] for why.
struct Loaded {
    claims: Vec<Claim>,
    lines: Vec<u64>,
    /// The hash of each kept claim's id, for the index.
    hashes: Vec<u64>,
    hasher: ClaimHasher,
    /// Claims that failed their check, with the line and the error: each
    /// is reported with its error, and its id makes a kept claim with
    /// that id a duplicate.
    failed: Vec<(u64, ClaimId, Error)>,
    /// Claim lines that could not be read but name an id, with their line.
    unread: Vec<(u64, String)>,
    skipped: Vec<(u64, Diagnostic)>,
    /// Records kept, with a warning about each, by line.
    warnings: Vec<(u64, Diagnostic)>,
    /// One shared copy of each distinct property; for the table readers,
    /// of each verb, unit, population and horizon too (JSON Lines
    /// batches share those themselves, in `check_batch`).
    sharing: Sharing,
}

impl Loaded {
    fn new() -> Loaded {
        Loaded {
            claims: Vec::new(),
            lines: Vec::new(),
            hashes: Vec::new(),
            hasher: ClaimHasher::default(),
            failed: Vec::new(),
            unread: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
            sharing: Sharing::default(),
        }
    }

    /// Skips a claim line that could not be read, noting its id when the
    /// line gives one, for the corrections that name it.
    fn skip_claim(&mut self, name: &str, line: u64, error: Error) {
        if let Some(id) = error.claim() {
            self.unread.push((line, id.to_owned()));
        }
        self.skip(name, line, error.to_string());
    }

    fn skip(&mut self, name: &str, line: u64, message: impl Into<String>) {
        self.skipped.push((
            line,
            Diagnostic::at_line(Severity::Skipped, name, line, message),
        ));
    }

    /// Warns about a record that is kept.
    fn warn(&mut self, name: &str, line: u64, message: impl Into<String>) {
        self.warnings.push((
            line,
            Diagnostic::at_line(Severity::Warning, name, line, message),
        ));
    }

    /// Checks a claim against the header and keeps it, or skips it.
    fn push(&mut self, header: &Header, mut claim: Claim, line: u64, name: &str, limits: &Limits) {
        let checked = header.check_claim(&mut claim, None, limits);
        self.keep_sharing(claim, checked, line, name);
    }

    /// Keeps a checked claim, with its texts shared if it passed, or
    /// skips it.
    fn keep_sharing(
        &mut self,
        mut claim: Claim,
        checked: Result<(), Error>,
        line: u64,
        name: &str,
    ) {
        if checked.is_ok() {
            self.sharing.share_texts(&mut claim);
        }
        self.keep(claim, checked, line, name);
    }

    /// Keeps or skips the claims of a batch, in line order.
    /// `results` is left empty, its room kept for the next batch.
    fn keep_batch(&mut self, batch: &LineBatch, results: &mut Vec<CheckedLine>, name: &str) {
        for ((line, _), result) in batch.lines().zip(results.drain(..)) {
            match result {
                Ok((claim, checked)) => self.keep(claim, checked, line, name),
                Err(error) => self.skip_claim(name, line, error),
            }
        }
    }

    /// Keeps a claim that passed its check against the header, until
    /// [`Loaded::finish`] tells whether another line gives its id;
    /// keeps a claim that failed it aside, with its error, for the same.
    fn keep(&mut self, mut claim: Claim, checked: Result<(), Error>, line: u64, name: &str) {
        match checked {
            Err(error) => self.failed.push((line, claim.id, error)),
            Ok(()) if self.claims.len() >= ClaimIndex::MAX_CLAIMS => {
                let error = Error::new(ErrorKind::Limit {
                    what: "number of claims",
                    found: self.claims.len() + 1,
                    limit: ClaimIndex::MAX_CLAIMS,
                })
                .in_claim(&claim.id);
                self.skip(name, line, error.to_string());
            }
            Ok(()) => {
                if let Some(warning) = crate::corpus::claim_warning(&claim) {
                    self.warn(name, line, format!("claim {}: {warning}", claim.id));
                }
                self.hashes.push(self.hasher.hash(claim.id.as_str()));
                self.sharing.share_property(&mut claim);
                self.claims.push(claim);
                self.lines.push(line);
            }
        }
    }

    /// Drops the claims marked in `drop` (with their lines).
    fn drop_claims(&mut self, drop: &[bool]) {
        let claims = std::mem::take(&mut self.claims);
        let lines = std::mem::take(&mut self.lines);
        for ((claim, line), &dropped) in claims.into_iter().zip(lines).zip(drop) {
            if !dropped {
                self.claims.push(claim);
                self.lines.push(line);
            }
        }
    }

    /// The index of the claims kept after some were dropped, their ids
    /// hashed again (the hashes taken while reading are gone by then).
    fn index_again(&self) -> ClaimIndex {
        ClaimIndex::of_with(self.hasher.clone(), &self.claims).0
    }

    /// Drops the claims whose id another line gives too, reports the
    /// claims that failed their check, then skips claims that
    /// correct a claim the corpus does not hold (or themselves),
    /// repeating until none is left: skipping a claim can leave another
    /// claim's correction without its target.
    fn finish(mut self, header: Header, name: &str) -> Corpus {
        let hashes = std::mem::take(&mut self.hashes);
        let (mut index, repeats) = ClaimIndex::build(self.hasher.clone(), hashes, &self.claims);
        // Each id that a kept claim has and another line gives too: the
        // kept claims with it, by position, and every line that gives it,
        // the kept claims' and those of lines skipped for their own
        // error. None of those claims is kept: which one the id names
        // cannot be told, and keeping the first made the outcome depend
        // on the order of the lines (seventeenth audit, D12).
        let mut given: HashMap<String, (Vec<usize>, Vec<u64>)> = HashMap::default();
        for &k in &repeats {
            let id = self.claims[k].id.as_str();
            // The index holds the first claim of each id.
            let (kept, lines) =
                given
                    .entry(id.to_owned())
                    .or_insert_with(|| match index.get(&self.claims, id) {
                        Some(first) => (vec![first], vec![self.lines[first]]),
                        None => (Vec::new(), Vec::new()),
                    });
            kept.push(k);
            lines.push(self.lines[k]);
        }
        let failed = self.failed.iter().map(|(line, id, _)| (*line, id.as_str()));
        let unread = self.unread.iter().map(|(line, id)| (*line, id.as_str()));
        for (line, id) in failed.chain(unread) {
            if let Some((_, lines)) = given.get_mut(id) {
                lines.push(line);
            } else if let Some(first) = index.get(&self.claims, id) {
                given.insert(id.to_owned(), (vec![first], vec![self.lines[first], line]));
            }
        }
        // Claims skipped, by id (the first line of each), for the
        // corrections that name them.
        let mut skipped_ids: HashMap<String, u64> = HashMap::default();
        let mut note_skipped = |id: &str, line: u64| {
            skipped_ids
                .entry(id.to_owned())
                .and_modify(|first| *first = (*first).min(line))
                .or_insert(line);
        };
        // The lines of each repeated id, for the failed claims' messages.
        let mut repeated: HashMap<String, Vec<u64>> = HashMap::default();
        if !given.is_empty() {
            let mut drop = vec![false; self.claims.len()];
            for (id, (kept, mut lines)) in given {
                lines.sort_unstable();
                for &k in &kept {
                    drop[k] = true;
                    let line = self.lines[k];
                    note_skipped(&id, line);
                    let message = repeated_id(&self.claims[k].id, line, &lines).to_string();
                    self.skip(name, line, message);
                }
                if lines.len() > kept.len() {
                    repeated.insert(id, lines);
                }
            }
            self.drop_claims(&drop);
            // No id repeats now.
            index = self.index_again();
        }
        for (line, id) in std::mem::take(&mut self.unread) {
            note_skipped(&id, line);
        }
        // A claim that failed its check is skipped with its own error;
        // its id, if a kept claim had it, skipped that claim above.
        for (line, id, error) in std::mem::take(&mut self.failed) {
            note_skipped(id.as_str(), line);
            let mut message = error.to_string();
            if let Some(lines) = repeated.get(id.as_str()) {
                message.push_str(&format!(
                    " (its id is a duplicate too, also on {})",
                    other_lines(line, lines)
                ));
            }
            self.skip(name, line, message);
        }
        // Corrections that go round in a cycle: none of the claims on it
        // can be told to be the latest, so all are skipped.
        let cycles = Header::correction_cycles(&self.claims, &index);
        if !cycles.is_empty() {
            let mut drop = vec![false; self.claims.len()];
            for cycle in &cycles {
                for i in 0..cycle.len() {
                    let k = cycle[i];
                    drop[k] = true;
                    let message = Header::cycle_error(&self.claims, cycle, i).to_string();
                    let line = self.lines[k];
                    skipped_ids.insert(self.claims[k].id.as_str().to_owned(), line);
                    self.skip(name, line, message);
                }
            }
            self.drop_claims(&drop);
            index = self.index_again();
        }
        loop {
            let mut bad = Vec::new();
            for (k, claim) in self.claims.iter().enumerate() {
                let found = claim
                    .corrects
                    .as_ref()
                    .is_none_or(|id| index.contains(&self.claims, id.as_str()));
                let skipped_target = claim
                    .corrects
                    .as_ref()
                    .filter(|_| !found)
                    .and_then(|id| Some((id, *skipped_ids.get(id.as_str())?)));
                let checked = match skipped_target {
                    Some((id, line)) => Err(Error::invalid_value(
                        format!("{:?}", id.as_str()),
                        format!("is a claim skipped on line {line}"),
                        "the id of a claim that is kept",
                    )
                    .in_field("corrects")
                    .in_claim(&claim.id)),
                    None => Header::check_corrects(claim, found),
                };
                if let Err(error) = checked {
                    bad.push((k, error));
                }
            }
            if bad.is_empty() {
                break;
            }
            let mut drop = vec![false; self.claims.len()];
            for (k, error) in bad {
                drop[k] = true;
                let line = self.lines[k];
                skipped_ids.insert(self.claims[k].id.as_str().to_owned(), line);
                self.skip(name, line, error.to_string());
            }
            self.drop_claims(&drop);
            index = self.index_again();
        }
        // Stable: two problems on one line keep the order they were found in.
        self.skipped.sort_by_key(|(line, _)| *line);
        let skipped = self.skipped.into_iter().map(|(_, d)| d).collect();
        // A record warned about and then skipped is listed once, skipped.
        // Kept claims are in line order.
        let lines = &self.lines;
        let warnings = self
            .warnings
            .into_iter()
            .filter(|(line, _)| lines.binary_search(line).is_ok())
            .map(|(_, d)| d)
            .collect();
        header.into_corpus(self.claims, index, skipped, warnings)
    }
}

/// The lines of `lines` (distinct, `line` among them) but `line`, the
/// first few named: "line 3", "lines 2, 4 and 5", "lines 2, 3, 4, 5, 6
/// and 9 more". Only those named are read, so that each of many lines
/// with one id costs little.
fn other_lines(line: u64, lines: &[u64]) -> String {
    const NAMED: usize = 5;
    let others = lines.len().saturating_sub(1);
    let mut list: Vec<String> = lines
        .iter()
        .filter(|&&l| l != line)
        .take(NAMED)
        .map(u64::to_string)
        .collect();
    if others > NAMED {
        list.push(format!("{} more", others - NAMED));
    }
    let last = list.pop().unwrap_or_default();
    let word = if others == 1 { "line" } else { "lines" };
    if list.is_empty() {
        format!("{word} {last}")
    } else {
        format!("{word} {} and {last}", list.join(", "))
    }
}

/// The error of the claim on line `line` whose id `id` other lines give
/// too: `lines` are all the lines that give it, in order, its own among
/// them; the first few others are named.
fn repeated_id(id: &ClaimId, line: u64, lines: &[u64]) -> Error {
    Error::invalid_value(
        format!("{:?}", id.as_str()),
        format!(
            "is a duplicate claim id, also on {}: which claim it names cannot be told, so every line with it is skipped",
            other_lines(line, lines)
        ),
        "each claim id once",
    )
    .in_claim(id)
    .in_field("id")
}

/// Why a file that failed to read as a JSON corpus (`error`) looks like
/// JSON Lines, if it does: its first line is a JSON Lines header (an
/// object whose `format` is [`JSONL_FORMAT`]) or a claim (an object with
/// an `id` and an `assertion`), or the error is malformed JSON at the
/// start of line 2, after a first line that is one whole JSON object. Only a failed read gets here, so the first line (at most the
/// input length `limits` allow) is read a second time.
fn looks_like_jsonl(path: &Path, error: &Error, limits: &Limits) -> Option<&'static str> {
    if !(error.is_syntax() || error.is_invalid()) {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let mut first = Vec::new();
    BufReader::new(file)
        .take(limits.max_input_len() as u64)
        .read_until(b'\n', &mut first)
        .ok()?;
    let first = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&first);
    let serde_json::Value::Object(header) = serde_json::from_slice(first).ok()? else {
        return None;
    };
    if header.get("format").and_then(|f| f.as_str()) == Some(JSONL_FORMAT) {
        Some("its first line is a corroborate-jsonl/1 header")
    } else if header.contains_key("id") && header.contains_key("assertion") {
        // A corpus document has neither at its top: a file of claims
        // alone, as JSON Lines read with a side header is.
        Some("its first line is one whole claim")
    } else if error.is_syntax() && error.line() == Some(2) && error.column() == Some(1) {
        Some("its first line is one whole JSON object, and line 2 begins another")
    } else {
        None
    }
}

/// The columns of a flat table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Source,
    Subject,
    Property,
    Value,
    Date,
    Speaker,
    Origin,
    Occasion,
}

const COLUMNS: [(&str, Column); 8] = [
    ("source", Column::Source),
    ("subject", Column::Subject),
    ("property", Column::Property),
    ("value", Column::Value),
    ("date", Column::Date),
    ("speaker", Column::Speaker),
    ("origin", Column::Origin),
    ("occasion", Column::Occasion),
];

const COLUMNS_EXPECTED: &str =
    "the columns source, subject, property, value and optionally date, speaker, origin, occasion";

/// The characters a table may be found split by, each as a message names
/// it: the two the readers use, and two that spreadsheets write.
const DELIMITERS: [(u8, &str); 4] = [
    (b',', "commas"),
    (b'\t', "tabs"),
    (b';', "\";\""),
    (b'|', "\"|\""),
];

/// The delimiter a table of this kind is split by (TSV is the table
/// whose cells are unquoted), as [`DELIMITERS`] holds it.
fn own_delimiter(tsv: bool) -> (u8, &'static str) {
    DELIMITERS[usize::from(tsv)]
}

/// For a header of one cell, `cell`, that names the table's columns split
/// by a character other than `format`'s delimiter (";", "|", a tab, or a
/// comma in a TSV table), the error that says so.
///
/// The cells split so need only include the required columns: an empty
/// cell (a trailing delimiter, "source;subject;property;value;") and a
/// column the reader does not know ("…;value;notes") do not make the
/// header less plainly split by that character.
fn other_delimiter(cell: &str, format: TableFormat) -> Option<Error> {
    let tsv = matches!(format, TableFormat::Tsv);
    let (own, own_name) = own_delimiter(tsv);
    let expected = if tsv {
        "a TSV table, its cells split by tabs (a table split by commas is read as CSV, from a .csv file)"
    } else {
        "a CSV table, its cells split by commas (a table split by tabs is read as TSV, from a .tsv file)"
    };
    let (_, name) = DELIMITERS
        .into_iter()
        .filter(|&(c, _)| c != own)
        .find(|&(c, _)| {
            let names: Vec<&str> = cell
                .split(char::from(c))
                .map(|n| n.trim().trim_matches('"'))
                .collect();
            COLUMNS[..4]
                .iter()
                .all(|(column, _)| names.iter().any(|n| column.eq_ignore_ascii_case(n)))
        })?;
    Some(Error::invalid_value(
        format!("the header {cell:?}"),
        format!("is one cell: its column names are split by {name}, not by {own_name}"),
        expected,
    ))
}

/// Ids made from names: lower-case ASCII letters and digits (a Latin
/// letter without its diacritics: "Jacmél" gives `jacmel`), apostrophes,
/// dots and ʿayn and hamza marks dropped inside a word ("Saʿid" gives
/// `said`), other runs of characters as `-`, a numeric suffix where two
/// names give one id. A name with no Latin letter or digit has the
/// fallback (`entity`, `source`) for its slug.
struct Ids {
    by_name: HashMap<String, usize>,
    used: FastSet<String>,
    /// The next suffix to try per base, so that many names with one slug
    /// (names in a non-Latin script all fall back to one word) cost one
    /// step each rather than a scan over the suffixes taken.
    next: HashMap<String, usize>,
}

impl Ids {
    fn new() -> Ids {
        Ids {
            by_name: HashMap::default(),
            used: FastSet::default(),
            next: HashMap::default(),
        }
    }

    fn slug(name: &str, fallback: &str) -> String {
        let name = crate::resolve::composed(name);
        let mut slug = String::with_capacity(name.len());
        let mut folded = String::new();
        for ch in name.chars() {
            if slug.len() >= 100 {
                break;
            }
            if ch.is_ascii_alphanumeric() {
                slug.push(ch.to_ascii_lowercase());
                continue;
            }
            // Dropped inside a word, as in name keys: "Sa'id", "Saʿid".
            if (crate::resolve::is_in_word_mark(ch) || crate::resolve::is_loose_mark(ch))
                && slug.ends_with(|c: char| c != '-')
            {
                continue;
            }
            if ch.is_alphanumeric() {
                folded.clear();
                crate::resolve::push_folded(ch, &mut folded);
                if folded.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    slug.push_str(&folded);
                    continue;
                }
            }
            if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        slug.truncate(100);
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.is_empty() {
            slug.push_str(fallback);
        }
        slug
    }

    /// A fresh id for `name` in this namespace, unused so far.
    fn fresh(&mut self, name: &str, fallback: &str) -> String {
        let base = Ids::slug(name, fallback);
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// Extends a table row's chain through the publication it cites: a row
/// of BBC citing Reuters for 23 killed, where every row of Reuters giving
/// 23 killed for that subject cites IGSU, is BBC via Reuters from IGSU,
/// not Reuters' own reporting. A table has one origin cell, so the wire a
/// row names stands where a corpus would write the whole chain; without
/// this, BBC and Reuters counted as two independent origins of IGSU's
/// figure. Rows are matched on the publication, the subject (by the
/// entity `resolution` merges it into, so "Brăila" and "Braila" are one,
/// and so are "run-off" and "runoff"), the property and the value's
/// anchor ([`relay_anchor`]: the number stated, whatever the
/// hedge, so a relay that dropped "at least" still matches). Where the
/// cited publication gives that value itself (a row with no origin), or
/// from more than one origin, the chain is left as the table gives it.
/// Repeated while chains grow (a wire citing a wire), at most eight
/// times, never through a source the chain holds already, and never past
/// `max_links` links (the corpus's chain limit): a chain that would grow
/// past it stops where it is, and the rows it stopped are returned (by
/// position, with the length it would have had) to be warned about,
/// rather than built too long and skipped.
fn link_relays(
    claims: &mut [(Claim, u64)],
    cited: &FastSet<&str>,
    resolution: &crate::resolve::Resolution,
    max_links: usize,
) -> BTreeMap<usize, usize> {
    let mut stopped: BTreeMap<usize, usize> = BTreeMap::new();
    // Each claim that may take part (its chain starts or ends at a cited
    // publication): its subject's key and its value's anchor, made once.
    let keys: Vec<Option<(String, String)>> = claims
        .iter()
        .map(|(claim, _)| {
            let chain = claim.assertion.chain.as_slice();
            let involved = cited.contains(chain[0].as_str())
                || chain.len() > 1 && chain.last().is_some_and(|l| cited.contains(l.as_str()));
            involved.then(|| {
                (
                    resolution.canonical(&claim.subject).to_string(),
                    relay_anchor(&claim.value),
                )
            })
        })
        .collect();
    // For each (publication, subject, property, anchor): the one chain its
    // rows go on by after it, or `None` once it gives the value itself or
    // goes on by two.
    type Key<'a> = (&'a str, &'a str, &'a str, &'a str);
    for _ in 0..8 {
        let mut tails: HashMap<Key<'_>, Option<Vec<SourceId>>> = HashMap::default();
        for ((claim, _), key) in claims.iter().zip(&keys) {
            let chain = claim.assertion.chain.as_slice();
            let Some((subject, anchor)) =
                key.as_ref().filter(|_| cited.contains(chain[0].as_str()))
            else {
                continue;
            };
            let key = (
                chain[0].as_str(),
                subject.as_str(),
                claim.property.as_str(),
                anchor.as_str(),
            );
            let tail = Some(&chain[1..]).filter(|tail| !tail.is_empty());
            tails
                .entry(key)
                .and_modify(|seen| {
                    if seen.as_deref() != tail {
                        *seen = None;
                    }
                })
                .or_insert_with(|| tail.map(<[SourceId]>::to_vec));
        }
        let mut extended: Vec<(usize, Vec<SourceId>)> = Vec::new();
        for (k, ((claim, _), key)) in claims.iter().zip(&keys).enumerate() {
            let chain = claim.assertion.chain.as_slice();
            let (Some(relayed), Some((subject, anchor))) = (
                chain
                    .last()
                    .filter(|end| chain.len() > 1 && cited.contains(end.as_str())),
                key,
            ) else {
                continue;
            };
            let key = (
                relayed.as_str(),
                subject.as_str(),
                claim.property.as_str(),
                anchor.as_str(),
            );
            if let Some(Some(tail)) = tails.get(&key)
                && !tail.iter().any(|link| chain.contains(link))
            {
                if chain.len() + tail.len() > max_links {
                    stopped.insert(k, chain.len() + tail.len());
                } else {
                    extended.push((k, [chain, tail].concat()));
                }
            }
        }
        drop(tails);
        if extended.is_empty() {
            return stopped;
        }
        for (k, links) in extended {
            stopped.remove(&k);
            claims[k].0.assertion.chain = crate::model::Chain::from(links);
        }
    }
    stopped
}

/// What a relayed value keeps of its origin's, for [`link_relays`]: the
/// numbers a quantity states (a relay may drop its hedge or bound, not
/// its number), a vague phrase, a date, an object, a text's key
/// (`model::text_key`) or a quote's normalized words.
fn relay_anchor(value: &Value) -> String {
    use crate::quantity::{Amount, format_number};
    match value {
        Value::Quantity(q) => match q.amount() {
            Amount::Exact(v)
            | Amount::AtLeast { value: v, .. }
            | Amount::AtMost { value: v, .. }
            | Amount::Approximate { value: v, .. } => format_number(*v),
            Amount::Range { min, max } => {
                format!("{}-{}", format_number(*min), format_number(*max))
            }
            Amount::Vague { phrase } => phrase.to_string(),
        },
        Value::Date(period) => period.to_string(),
        Value::Statement(statement) => statement.object.to_string(),
        Value::Text(text) => crate::model::text_key(text).collect(),
        Value::Quote(quote) => crate::model::normalize_text(quote.text()),
    }
}

/// Ids handed out afresh from names, to records taken in order (each its
/// index, name and current id), none of them one of `taken` (declared in
/// a side header): the index and new id of each record whose id changes.
fn reissued<'a>(
    records: impl Iterator<Item = (usize, &'a str, &'a str)>,
    fallback: &str,
    taken: impl Iterator<Item = &'a str>,
) -> Vec<(usize, String)> {
    let mut ids = Ids::new();
    ids.used.extend(taken.map(str::to_string));
    records
        .filter_map(|(k, name, id)| {
            let fresh = ids.fresh(name, fallback);
            (fresh != id).then_some((k, fresh))
        })
        .collect()
}

/// The key a table's source names are matched by: the name's key, as
/// entity names are keyed, or with no letter or digit to match by, the
/// text itself.
fn source_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    crate::resolve::push_name_key(name, &mut key);
    if key.is_empty() {
        key.push_str(name);
    }
    key
}

/// The column a source was named in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Publication,
    Origin,
    Speaker,
}

/// The table reader's state: the entities and sources made so far.
struct TableBuilder {
    entities: Vec<Entity>,
    /// Rows naming each entity, by position (a source's are the sum of
    /// its `spellings`' counts).
    entity_rows: Vec<u32>,
    entity_ids: Ids,
    sources: Vec<Source>,
    /// Each source by the exact text of a cell that named it, and which
    /// of its spellings that text is: most rows repeat a text already
    /// seen, found without making its key.
    source_texts: HashMap<String, (usize, usize)>,
    /// Each source by its name's key (as entity names are keyed: case,
    /// Latin diacritics, punctuation and "the", "al", "el" aside): a name
    /// in the `source` column and in the `origin` column, spelled either
    /// way, is one source.
    source_keys: HashMap<String, usize>,
    /// Each source's spellings, with the rows that give each: the name
    /// shown is the spelling of the most rows, then the first in text
    /// order, whatever the order of the rows.
    spellings: Vec<Vec<(String, u32)>>,
    /// Whether each source was named in the `source` column: a
    /// publication, which a chain may start at; a source named only as
    /// an `origin` is a group.
    published: Vec<bool>,
    /// Whether each source was named in the `origin` column.
    cited: Vec<bool>,
    /// Whether each source was named in the `speaker` column: a person,
    /// unless the `source` column named it too.
    spoke: Vec<bool>,
    /// How many of `sources`, and of `entities`, come first from a side
    /// header: their ids, names and kinds are declared, not made.
    declared_sources: usize,
    declared_entities: usize,
    source_ids: Ids,
    /// Names a side header gives to several of its entities and that is
    /// not one's own name alone, by key ([`source_key`]): a cell giving
    /// one names none of them, and its row is skipped.
    shared_entities: HashMap<String, SharedName>,
    /// The same for the side header's sources.
    shared_sources: HashMap<String, SharedName>,
}

/// A name a side header gives to several entities (or sources), none of
/// which, or more than one, has it as its own name: name resolution
/// joins none of them through an alias they share
/// ([`crate::resolve::Resolution`]), so a cell that gives it cannot be
/// told to name one of them.
struct SharedName {
    /// The name as declared (the first in text order of its spellings).
    text: String,
    /// The entities (or sources) that give it, by position.
    givers: Vec<usize>,
    /// How many of them have it as their own name.
    owners: usize,
}

/// How a side header's names fall to its entities or sources: `names`
/// gives each name with the position of the one that gives it and
/// whether it is that one's own name. For each key ([`source_key`])
/// that two or more give, `Ok` with the one whose own name it is, where
/// exactly one has it as its name (the others list it as an alias, and
/// name resolution joins them through it), or else `Err` with all that
/// give it.
fn shared_names<'n>(
    names: impl Iterator<Item = (usize, bool, &'n str)>,
) -> HashMap<String, Result<usize, SharedName>> {
    // Each key's givers, with whether it is their own name, and its
    // first spelling in text order.
    type Givers<'n> = (Vec<(usize, bool)>, &'n str);
    let mut by_key: HashMap<String, Givers<'n>> = HashMap::default();
    for (k, own, name) in names {
        let (givers, text) = by_key.entry(source_key(name)).or_insert((Vec::new(), name));
        match givers.iter_mut().find(|(giver, _)| *giver == k) {
            Some(giver) => giver.1 |= own,
            None => givers.push((k, own)),
        }
        if name < *text {
            *text = name;
        }
    }
    by_key
        .into_iter()
        .filter(|(_, (givers, _))| givers.len() > 1)
        .map(|(key, (givers, text))| {
            let owners: Vec<usize> = givers.iter().filter(|g| g.1).map(|g| g.0).collect();
            let shared = match owners[..] {
                [owner] => Ok(owner),
                _ => Err(SharedName {
                    text: text.to_string(),
                    owners: owners.len(),
                    givers: givers.into_iter().map(|g| g.0).collect(),
                }),
            };
            (key, shared)
        })
        .collect()
}

impl SharedName {
    /// The error of a cell (`value`, in `field`) that gives this name:
    /// `kind` is "entity" or "source", `named` the id and name of each
    /// entity or source by position.
    fn error<'s>(
        &self,
        value: &str,
        field: &'static str,
        kind: &str,
        named: impl Fn(usize) -> (&'s str, &'s str),
    ) -> Error {
        let mut givers: Vec<(&str, &str)> = self.givers.iter().map(|&k| named(k)).collect();
        givers.sort_unstable();
        // A generic alias may be given to many: the first few say enough.
        const NAMED: usize = 5;
        let mut list: Vec<String> = givers
            .iter()
            .take(NAMED)
            .map(|(id, name)| format!("{id} ({name:?})"))
            .collect();
        if givers.len() > NAMED {
            list.push(format!("{} more", givers.len() - NAMED));
        }
        let last = list.pop().unwrap_or_default();
        let list = if list.is_empty() {
            last
        } else {
            format!("{} and {last}", list.join(", "))
        };
        let plural = if kind == "entity" {
            "entities"
        } else {
            "sources"
        };
        let n = self.givers.len();
        let text = &self.text;
        // Matched by its key, the cell may be spelled otherwise.
        let (alias, name) = if value == text {
            ("is an alias".to_string(), "is a name".to_string())
        } else {
            (
                format!("reads as the alias {text:?}"),
                format!("reads as the name {text:?}"),
            )
        };
        let problem = if self.owners == 0 {
            format!(
                "{alias} that {n} {plural} of the side header share, {list}, and none has as its name, so the row cannot be given to one of them"
            )
        } else {
            format!(
                "{name} that {n} {plural} of the side header share, {list}, and {} of them have as their own, so the row cannot be given to one of them",
                self.owners
            )
        };
        Error::invalid_value(
            format!("{value:?}"),
            problem,
            format!(
                "the name or an alias of one {kind} of the side header (its name, or an alias given to it alone)"
            ),
        )
        .in_field(field)
    }
}

/// One row's fields, by column: borrowed from the record, unless a TSV
/// cell's quotes were taken off ([`unquoted`]) and a doubled quote in it
/// read as one.
struct Row<'a> {
    source: Cow<'a, str>,
    subject: Cow<'a, str>,
    property: Cow<'a, str>,
    value: Cow<'a, str>,
    date: Option<Cow<'a, str>>,
    speaker: Option<Cow<'a, str>>,
    origin: Option<Cow<'a, str>>,
    occasion: Option<Cow<'a, str>>,
}

impl TableBuilder {
    fn new() -> TableBuilder {
        TableBuilder {
            entities: Vec::new(),
            entity_rows: Vec::new(),
            entity_ids: Ids::new(),
            sources: Vec::new(),
            source_texts: HashMap::default(),
            source_keys: HashMap::default(),
            spellings: Vec::new(),
            published: Vec::new(),
            cited: Vec::new(),
            spoke: Vec::new(),
            declared_sources: 0,
            declared_entities: 0,
            source_ids: Ids::new(),
            shared_entities: HashMap::default(),
            shared_sources: HashMap::default(),
        }
    }

    /// A builder that starts from a side header's entities and sources:
    /// a cell that gives one's name or an alias (as written, or for a
    /// source by its name's key) is that one, with its declared id and
    /// kind; other names are made as without a header. A name that
    /// several give ([`shared_names`]) is the one's whose own name it is,
    /// where exactly one has it as its name; otherwise it names none of
    /// them, and a cell that gives it (by its key) skips its row.
    fn with_header(header: &Corpus) -> TableBuilder {
        let mut builder = TableBuilder::new();
        let shared = shared_names(
            header
                .entities()
                .iter()
                .enumerate()
                .flat_map(|(k, entity)| {
                    entity
                        .names()
                        .enumerate()
                        .map(move |(n, name)| (k, n == 0, name))
                }),
        );
        for entity in header.entities() {
            let k = builder.entities.len();
            for name in entity.names() {
                let by_name = &mut builder.entity_ids.by_name;
                match shared.get(&source_key(name)) {
                    None => {
                        by_name.entry(name.to_string()).or_insert(k);
                    }
                    Some(Ok(owner)) => {
                        by_name.insert(name.to_string(), *owner);
                    }
                    Some(Err(_)) => {}
                }
            }
            builder
                .entity_ids
                .used
                .insert(entity.id.as_str().to_string());
            builder.entities.push(entity.clone());
            builder.entity_rows.push(0);
        }
        builder.declared_entities = builder.entities.len();
        builder.shared_entities = shared
            .into_iter()
            .filter_map(|(key, shared)| Some((key, shared.err()?)))
            .collect();
        fn source_names(source: &Source) -> impl Iterator<Item = &str> {
            std::iter::once(source.name.as_str()).chain(source.aliases.iter().map(String::as_str))
        }
        let shared = shared_names(
            header
                .sources()
                .iter()
                .enumerate()
                .flat_map(|(k, source)| source_names(source).map(move |name| (k, name)))
                .map(|(k, name)| (k, name == header.sources()[k].name, name)),
        );
        for source in header.sources() {
            let k = builder.sources.len();
            let mut spellings = Vec::new();
            for name in source_names(source) {
                // A name another source has as its own is that one's; one
                // that several give and no one source has is none's.
                match shared.get(&source_key(name)) {
                    Some(Ok(owner)) if *owner != k => continue,
                    Some(Err(_)) => continue,
                    _ => {}
                }
                if !builder.source_texts.contains_key(name) {
                    builder
                        .source_texts
                        .insert(name.to_string(), (k, spellings.len()));
                    spellings.push((name.to_string(), 0));
                }
                builder.source_keys.entry(source_key(name)).or_insert(k);
            }
            builder
                .source_ids
                .used
                .insert(source.id.as_str().to_string());
            builder.sources.push(source.clone());
            builder.spellings.push(spellings);
            builder.published.push(false);
            builder.cited.push(false);
            builder.spoke.push(false);
        }
        builder.declared_sources = builder.sources.len();
        builder.shared_sources = shared
            .into_iter()
            .filter_map(|(key, shared)| Some((key, shared.err()?)))
            .collect();
        builder
    }

    /// Why a row's names cannot be given their entity and sources: a cell
    /// gives a name the side header shares among several
    /// ([`SharedName`]). Checked before any is made or counted.
    fn shared_name(&self, row: &ParsedRow<'_>) -> Option<Error> {
        if !self.shared_entities.is_empty()
            && !self.entity_ids.by_name.contains_key(row.entity.as_ref())
            && let Some(shared) = self.shared_entities.get(&source_key(&row.entity))
        {
            let field = if row.speaker.is_some() {
                "speaker"
            } else {
                "subject"
            };
            return Some(shared.error(&row.entity, field, "entity", |k| {
                let entity = &self.entities[k];
                (entity.id.as_str(), entity.name.as_str())
            }));
        }
        if self.shared_sources.is_empty() {
            return None;
        }
        let names = [
            (Some(&row.source), "source"),
            (row.origin.as_ref(), "origin"),
            (row.speaker.as_ref(), "speaker"),
        ];
        names.into_iter().find_map(|(name, field)| {
            let name = name?;
            if self.source_texts.contains_key(name.as_ref()) {
                return None;
            }
            let shared = self.shared_sources.get(&source_key(name))?;
            Some(shared.error(name, field, "source", |k| {
                let source = &self.sources[k];
                (source.id.as_str(), source.name.as_str())
            }))
        })
    }

    fn entity(&mut self, name: &str) -> Result<EntityId, Error> {
        if let Some(&k) = self.entity_ids.by_name.get(name) {
            self.entity_rows[k] = self.entity_rows[k].saturating_add(1);
            return Ok(self.entities[k].id.clone());
        }
        let id = EntityId::new(&self.entity_ids.fresh(name, "entity"))?;
        self.entity_ids
            .by_name
            .insert(name.to_string(), self.entities.len());
        self.entities.push(Entity::new(id.clone(), name));
        self.entity_rows.push(1);
        Ok(id)
    }

    /// The source `name` stands for, made on first sight, named in the
    /// column of `role`.
    fn source(&mut self, name: &str, role: Role) -> Result<SourceId, Error> {
        let (k, spelling) = match self.source_texts.get(name) {
            Some(&found) => found,
            None => {
                let key = source_key(name);
                let k = match self.source_keys.get(&key) {
                    Some(&k) => k,
                    None => {
                        let id = SourceId::new(&self.source_ids.fresh(name, "source"))?;
                        let k = self.sources.len();
                        self.sources.push(Source::new(id, SourceKind::Group, name));
                        self.spellings.push(Vec::new());
                        self.published.push(false);
                        self.cited.push(false);
                        self.spoke.push(false);
                        self.source_keys.insert(key, k);
                        k
                    }
                };
                let spelling = self.spellings[k].len();
                self.spellings[k].push((name.to_string(), 0));
                self.source_texts.insert(name.to_string(), (k, spelling));
                (k, spelling)
            }
        };
        let count = &mut self.spellings[k][spelling].1;
        *count = count.saturating_add(1);
        self.published[k] |= role == Role::Publication;
        self.cited[k] |= role == Role::Origin;
        self.spoke[k] |= role == Role::Speaker;
        Ok(self.sources[k].id.clone())
    }

    /// Gives each source its name, the spelling of the most rows (then
    /// the first in text order); its kind, a publication (speaking for
    /// itself as its own outlet) when the `source` column named it, or
    /// else a group; and its id, made from that name, handed out in the
    /// order of rows (most first), then name, so that neither the name
    /// nor the id depends on which spelling came first. Returns the ids
    /// that changed, old to new.
    fn settle_sources(&mut self) -> Result<HashMap<String, SourceId>, Error> {
        let declared = self.declared_sources;
        for (k, source) in self.sources.iter_mut().enumerate().skip(declared) {
            if let Some((name, _)) = self.spellings[k]
                .iter()
                .max_by(|(a, n), (b, m)| n.cmp(m).then_with(|| b.cmp(a)))
            {
                source.name.clone_from(name);
            }
            if self.published[k] {
                source.kind = SourceKind::Publication;
                source.outlet = Some(source.name.clone());
            } else if self.spoke[k] {
                source.kind = SourceKind::Person;
            } else {
                source.plural = true;
            }
        }
        let rows: Vec<u32> = self
            .spellings
            .iter()
            .map(|spellings| {
                spellings
                    .iter()
                    .fold(0u32, |n, (_, m)| n.saturating_add(*m))
            })
            .collect();
        let mut order: Vec<usize> = (self.declared_sources..self.sources.len()).collect();
        order.sort_by(|&a, &b| {
            rows[b]
                .cmp(&rows[a])
                .then_with(|| self.sources[a].name.cmp(&self.sources[b].name))
                .then_with(|| self.published[b].cmp(&self.published[a]))
        });
        let moves = reissued(
            order.into_iter().map(|k| {
                let source = &self.sources[k];
                (k, source.name.as_str(), source.id.as_str())
            }),
            "source",
            self.sources[..self.declared_sources]
                .iter()
                .map(|s| s.id.as_str()),
        );
        let mut renames = HashMap::default();
        for (k, id) in moves {
            let id = SourceId::new(&id)?;
            let old = std::mem::replace(&mut self.sources[k].id, id.clone());
            renames.insert(old.as_str().to_owned(), id);
        }
        Ok(renames)
    }

    /// Gives entity names that share a slug ("ISIS-K" and "ISIS K", both
    /// `isis-k`) their ids by how many rows name them, most first, then by
    /// name, so that which spelling takes the bare id (and is shown once
    /// name resolution merges them) does not depend on which row came
    /// first; and renames the claims' subjects to match, and their chains'
    /// links by `source_renames` ([`TableBuilder::settle_sources`]).
    /// Entity ids are handed out as rows come. When no two names wanted
    /// one slug, each has its bare slug whatever the order; otherwise
    /// every id is handed out again in that order, as sources' are: a
    /// suffixed id can be another name's bare slug ("entity 2" and the
    /// second name with no Latin letter both want `entity-2`), so
    /// permuting each group among its own ids would not be enough.
    fn settle_ids(
        &mut self,
        claims: &mut [(Claim, u64)],
        source_renames: &HashMap<String, SourceId>,
    ) -> Result<(), Error> {
        // `next` holds the slugs that two names wanted: none, no group.
        let mut entity_renames: HashMap<String, EntityId> = HashMap::default();
        if !self.entity_ids.next.is_empty() {
            let mut order: Vec<usize> = (self.declared_entities..self.entities.len()).collect();
            order.sort_by(|&a, &b| {
                self.entity_rows[b]
                    .cmp(&self.entity_rows[a])
                    .then_with(|| self.entities[a].name.cmp(&self.entities[b].name))
            });
            let moves = reissued(
                order.into_iter().map(|k| {
                    let entity = &self.entities[k];
                    (k, entity.name.as_str(), entity.id.as_str())
                }),
                "entity",
                self.entities[..self.declared_entities]
                    .iter()
                    .map(|e| e.id.as_str()),
            );
            for (k, id) in moves {
                let id = EntityId::new(&id)?;
                let old = std::mem::replace(&mut self.entities[k].id, id.clone());
                entity_renames.insert(old.as_str().to_owned(), id);
            }
        }
        if entity_renames.is_empty() && source_renames.is_empty() {
            return Ok(());
        }
        for (claim, _) in claims.iter_mut() {
            if let Some(id) = entity_renames.get(claim.subject.as_str()) {
                claim.subject = id.clone();
            }
            let chain = &claim.assertion.chain;
            if chain
                .iter()
                .any(|link| source_renames.contains_key(link.as_str()))
            {
                claim.assertion.chain = chain
                    .iter()
                    .map(|link| source_renames.get(link.as_str()).unwrap_or(link).clone())
                    .collect();
            }
        }
        Ok(())
    }

    /// The claim of a parsed row: its entity and sources, made on first
    /// sight in row order, and its id from its line.
    fn claim(&mut self, row: ParsedRow<'_>, line: u64) -> Result<Claim, Error> {
        if let Some(error) = self.shared_name(&row) {
            return Err(error);
        }
        let subject_id = self.entity(&row.entity)?;
        let mut chain = vec![self.source(&row.source, Role::Publication)?];
        // A source that is its own origin reports itself: no link. A
        // quote's words are its speaker's: the chain ends at the speaker,
        // as a corpus writes it, so that two outlets printing one quote
        // are one origin, not two.
        let links = [
            row.origin.as_deref().map(|name| (name, Role::Origin)),
            row.speaker.as_deref().map(|name| (name, Role::Speaker)),
        ];
        for (name, role) in links.into_iter().flatten() {
            let link = self.source(name, role)?;
            if !chain.contains(&link) {
                chain.push(link);
            }
        }
        let mut assertion = Assertion::new(chain);
        if let Some(said) = row.said {
            assertion = assertion.with_said(said);
        }
        let id = ClaimId::new(&format!("line-{line}"))?;
        let claim = Claim::new(id, subject_id, row.property, row.value, assertion);
        let mut scope = None;
        if let Some(population) = row.population {
            scope = Some(Scope::default().with_population(population));
        }
        if let Some(status) = row.status {
            scope = Some(scope.unwrap_or_default().with_status(status));
        }
        if let Some(horizon) = row.horizon {
            scope = Some(scope.unwrap_or_default().with_horizon(horizon));
        }
        Ok(match scope {
            Some(scope) => claim.with_scope(scope),
            None => claim,
        })
    }
}

/// What reading a table's rows found beside their records, kept by the
/// reading so that each row's cells can be judged when its batch is
/// kept: with `parallel`, batches are read ahead of the ones kept.
#[derive(Default)]
struct RowMarks {
    /// Rows that run over several lines (a quoted cell with line breaks),
    /// by first line: their skips say so.
    spans: Vec<(u64, u64)>,
    /// Rows over the line limit, by first line, with their length:
    /// skipped whatever their cells.
    long_rows: Vec<(u64, u64)>,
    /// Rows over several lines whose quoted cell closed with text after
    /// it, or that hold a line that reads as a row, by first line: a
    /// stray `"` took the rows between into one cell. Skipped whatever
    /// their width, so that rows are never lost into a cell unsaid.
    stray_rows: Vec<(u64, Swallowed)>,
    /// The lines after the first of rows that a stray `"` may have taken
    /// them into ([`taken_lines`]), by first line: the stray rows, and
    /// rows read while the input was inside a quoted cell (the last, if
    /// its quote is never closed). Each is skipped with its row, so that
    /// the count of rows skipped says what was lost.
    taken: Vec<(u64, Vec<(u64, String)>)>,
    /// The last row read.
    last_row: Option<crate::lines::RowLines>,
    /// The first line of the last row read (the header's, before any).
    last: u64,
    /// The longest row kept, in bytes (`Limits::max_line_len`).
    line_limit: usize,
}

impl RowMarks {
    /// The lines taken into the cell of the row whose first line is
    /// `line`, if a stray `"` took any.
    fn taken(&self, line: u64) -> &[(u64, String)] {
        let stray = self
            .stray_rows
            .binary_search_by_key(&line, |(first, _)| *first)
            .is_ok();
        match self.taken.binary_search_by_key(&line, |(first, _)| *first) {
            Ok(k) if stray => &self.taken[k].1,
            _ => &[],
        }
    }

    /// Why the row whose first line is `line` is skipped whatever its
    /// cells, if it is: it is over the line limit, or a stray `"` most
    /// likely took other rows into one of its cells.
    fn refused(&self, line: u64) -> Option<Error> {
        if let Ok(k) = self
            .long_rows
            .binary_search_by_key(&line, |&(first, _)| first)
        {
            return Some(Error::new(ErrorKind::Limit {
                what: "row length in bytes",
                found: usize::try_from(self.long_rows[k].1).unwrap_or(usize::MAX),
                limit: self.line_limit,
            }));
        }
        let k = self
            .stray_rows
            .binary_search_by_key(&line, |(first, _)| *first)
            .ok()?;
        Some(Error::invalid_value(
            match &self.stray_rows[k].1 {
                Swallowed::ClosedWithText(at) => {
                    format!("quoted cell closing on line {at} with text after its \"")
                }
                Swallowed::RowInCell(text) => {
                    format!("quoted cell holding a line that reads as a row, {text:?}")
                }
            },
            "(a stray \" most likely opened it, taking the rows between into one cell)",
            "each quoted cell closed by a \" right before a delimiter or the end of a line",
        ))
    }
}

/// Why a row that runs over several lines most likely holds rows that a
/// stray `"` took into one of its cells.
enum Swallowed {
    /// The quoted cell closed, on this line, with text after its `"`.
    ClosedWithText(u64),
    /// A line inside a cell that has as many delimiters as a row.
    RowInCell(String),
}

/// A line inside one of `record`'s cells (after a line break in it) with
/// as many delimiters as the record has between its cells: a row taken
/// into the cell, shown cut to 60 characters. A quote with line breaks
/// in it holds sentences, which seldom have that many commas; TSV
/// (`None`) has no quoted cells.
fn row_in_cell(record: &csv::ByteRecord, delimiter: Option<u8>) -> Option<String> {
    let delimiter = delimiter?;
    let wanted = record.len().saturating_sub(1).max(1);
    record.iter().find_map(|cell| {
        let line = cell
            .split(|&b| b == b'\n' || b == b'\r')
            .skip(1)
            .find(|line| line.iter().filter(|&&b| b == delimiter).count() >= wanted)?;
        Some(shown_line(line))
    })
}

/// A line of a row as read, shown cut to 60 characters.
fn shown_line(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.into_owned(),
    }
}

/// The lines after the first of a row that runs over lines `first` to
/// `last`, as read into `record`'s cells (joined by `delimiter`), each
/// with its number and its text ([`shown_line`]), blank lines left out:
/// the lines a stray `"` took into one cell, each most likely a row.
/// A row's line breaks are all inside its quoted cells, kept as they
/// are, so the cells give one stretch of text a line; should they not,
/// every line is listed, with no text.
fn taken_lines(
    record: &csv::ByteRecord,
    delimiter: u8,
    first: u64,
    last: u64,
) -> Vec<(u64, String)> {
    let mut text = Vec::new();
    for (k, cell) in record.iter().enumerate() {
        if k > 0 {
            text.push(delimiter);
        }
        text.extend_from_slice(cell);
    }
    let mut lines: Vec<&[u8]> = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < text.len() {
        let len = match (text[at], text.get(at + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\r' | b'\n', _) => 1,
            _ => {
                at += 1;
                continue;
            }
        };
        lines.push(&text[start..at]);
        at += len;
        start = at;
    }
    // A quote never closed takes in the input's last line break too.
    if start < text.len() || u64::try_from(lines.len()).ok() != Some(last - first + 1) {
        lines.push(&text[start..]);
    }
    if u64::try_from(lines.len()).ok() != Some(last - first + 1) {
        return (first + 1..=last)
            .map(|line| (line, String::new()))
            .collect();
    }
    (first..=last)
        .zip(lines)
        .skip(1)
        .filter(|(_, line)| !line.iter().all(|&b| b == b' ' || b == b'\t'))
        .map(|(number, line)| (number, shown_line(line)))
        .collect()
}

/// Lines of `taken`, skipped with the row on line `row`, said of it in
/// its message: how many, and that each is listed. `of` is the number of
/// lines after the row's first (blank ones among them are not counted).
fn taken_said(taken: &[(u64, String)], of: u64) -> String {
    let n = taken.len();
    let all = u64::try_from(n).ok() == Some(of);
    match (n, all) {
        (1, true) => "the line it took in is skipped with it, and listed".to_string(),
        (1, false) => {
            "the one line it took in that is not blank is skipped with it, and listed".to_string()
        }
        (_, true) => format!("the {n} lines it took in are skipped with it, each listed"),
        (_, false) => {
            format!("the {n} lines it took in that are not blank are skipped with it, each listed")
        }
    }
}

/// A line taken into the quoted cell of the row on line `row` (`how`
/// says what opened or left open the cell), skipped with that row.
fn taken_error(text: &str, row: u64, how: &str) -> Error {
    Error::invalid_value(
        if text.is_empty() {
            "the line".to_string()
        } else {
            format!("{text:?}")
        },
        format!(
            "is taken into a quoted cell of the row on line {row} ({how}), and skipped with that row"
        ),
        "each quoted cell closed by a \" right before a delimiter or the end of a line",
    )
}

/// One row read and checked, before its entity and sources are made: all
/// that can be done for a row without the rows before it, so that rows
/// are parsed on all cores with the `parallel` feature.
struct ParsedRow<'a> {
    /// The publication's name.
    source: Cow<'a, str>,
    /// The entity's name: the speaker's for a quote, else the subject's.
    entity: Cow<'a, str>,
    /// The origin's name, if any.
    origin: Option<Cow<'a, str>>,
    /// The speaker's name, for a quote.
    speaker: Option<Cow<'a, str>>,
    property: Property,
    value: Value,
    said: Option<Period>,
    /// Who is counted, when the value's counted noun says it
    /// ([`population_of`]).
    population: Option<Arc<str>>,
    /// The claim's status where the value opens with words that say it:
    /// `estimated` ("an estimated 7,000 to 11,000"), `projected` ("could
    /// rise to 4,000").
    status: Option<Status>,
    /// A projection's horizon, where words of one follow its figure
    /// ("by March" in "could reach 10,000 by March").
    horizon: Option<Arc<str>>,
    /// Why the row is kept but warned about: a value that begins with a
    /// quantity, kept as text ([`kept_as_text`]).
    warning: Option<Error>,
}

/// `parse` as it is: a closure whose row borrows from the record it is
/// given, which a closure's signature cannot say without help.
fn row_parser<F>(parse: F) -> F
where
    F: for<'r> Fn(&'r csv::ByteRecord) -> Result<ParsedRow<'r>, Error>,
{
    parse
}

#[cfg(feature = "parallel")]
impl ParsedRow<'_> {
    /// The row with its own copy of the names it borrowed from its
    /// record, so that the record can be reused before the row is kept.
    fn detached(self) -> ParsedRow<'static> {
        let own = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        ParsedRow {
            source: own(self.source),
            entity: own(self.entity),
            origin: self.origin.map(own),
            speaker: self.speaker.map(own),
            property: self.property,
            value: self.value,
            said: self.said,
            population: self.population,
            status: self.status,
            horizon: self.horizon,
            warning: self.warning,
        }
    }
}

/// The columns of a table's header, by position.
struct TableColumns {
    columns: Vec<Column>,
    source: usize,
    subject: usize,
    property: usize,
    value: usize,
    date: Option<usize>,
    speaker: Option<usize>,
    origin: Option<usize>,
    occasion: Option<usize>,
    /// Whether a cell wrapped whole in double quotes is read without
    /// them ([`unquoted`]): in TSV, which has no quoting of its own.
    unquote: bool,
}

impl TableColumns {
    /// Reads one record's fields as a row and checks them: its width, its
    /// text and every field, before any entity or source is made, so
    /// that a skipped row leaves nothing behind.
    fn parse<'a>(
        &self,
        record: &'a csv::ByteRecord,
        parser: &QuantityParser,
        vocabulary: &Vocabulary,
        limits: &Limits,
    ) -> Result<ParsedRow<'a>, Error> {
        if record.len() != self.columns.len() {
            // A row of one cell that holds another delimiter as many times
            // as the header has delimiters: a row written with ";" in a
            // table of commas (a copy from another file).
            let (own, own_name) = own_delimiter(self.unquote);
            let split = match (record.len(), record.get(0)) {
                (1, Some(cell)) => DELIMITERS
                    .into_iter()
                    .filter(|&(c, _)| c != own)
                    .find(|&(c, _)| cell.iter().filter(|&&b| b == c).count() + 1 == self.columns.len())
                    .map(|(_, name)| {
                        format!(
                            " (its one cell is split by {name} where the header is split by {own_name})"
                        )
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            return Err(Error::new(ErrorKind::RowWidth {
                found: record.len(),
                expected: self.columns.len(),
                split,
            }));
        }
        let mut fields: Vec<&str> = Vec::with_capacity(self.columns.len());
        for (k, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(text) => fields.push(text),
                Err(e) => {
                    let column = COLUMNS
                        .iter()
                        .find(|(_, c)| *c == self.columns[k])
                        .map_or("?", |(n, _)| *n);
                    return Err(Error::new(ErrorKind::NotUtf8 {
                        offset: e.valid_up_to(),
                        byte: field.get(e.valid_up_to()).copied(),
                    })
                    .in_field(column));
                }
            }
        }
        let cell = |k: usize| -> Cow<'a, str> {
            if self.unquote {
                unquoted(fields[k])
            } else {
                Cow::Borrowed(fields[k])
            }
        };
        let row = Row {
            source: cell(self.source),
            subject: cell(self.subject),
            property: cell(self.property),
            value: cell(self.value),
            date: self.date.map(cell),
            speaker: self.speaker.map(cell),
            origin: self.origin.map(cell),
            occasion: self.occasion.map(cell),
        };
        parse_row(row, parser, vocabulary, limits)
    }
}

/// A TSV cell wrapped whole in double quotes, as a spreadsheet exports a
/// cell (`"12"`, `"He said ""no"""`): the text inside, each doubled
/// quote in it read as one. TSV has no quoting of its own, so a cell
/// whose inside holds a quote that is not doubled (`"Derna" and
/// "Sousse"`) was not quoted whole, and is read as written, quotes and
/// all. Borrowed, with no allocation, unless a doubled quote is undone.
fn unquoted(cell: &str) -> Cow<'_, str> {
    let trimmed = cell.trim();
    let Some(inside) = trimmed
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return Cow::Borrowed(cell);
    };
    if !inside.contains('"') {
        return Cow::Borrowed(inside);
    }
    let mut text = String::with_capacity(inside.len());
    let mut chars = inside.chars();
    while let Some(c) = chars.next() {
        if c == '"' && chars.next() != Some('"') {
            return Cow::Borrowed(cell);
        }
        text.push(c);
    }
    Cow::Owned(text)
}

/// A cell trimmed of spaces, borrowed as it came or owned.
fn trimmed(cell: Cow<'_, str>) -> Cow<'_, str> {
    match cell {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_string()),
    }
}

/// Checks a row's fields and reads its value and date.
fn parse_row<'a>(
    row: Row<'a>,
    parser: &QuantityParser,
    vocabulary: &Vocabulary,
    limits: &Limits,
) -> Result<ParsedRow<'a>, Error> {
    let name = |text: Cow<'a, str>, field, expected| -> Result<Cow<'a, str>, Error> {
        let text = required_field(text, field, expected, limits)?;
        crate::corpus::check_name(&text)
            .map_err(|e| e.in_field(field))
            .map(|()| text)
    };
    let optional_name = |text: Option<Cow<'a, str>>, field, expected| match text.map(trimmed) {
        None => Ok(None),
        Some(text) if text.is_empty() || is_missing_marker(&text) => Ok(None),
        Some(text) => name(text, field, expected).map(Some),
    };
    let source = name(row.source, "source", "the name of a publication")?;
    let subject = name(row.subject, "subject", "the name of an entity")?;
    let property_text = required_field(row.property, "property", "a property name", limits)?;
    // A spreadsheet capitalises cells: "Killed" is the property "killed",
    // not a second topic beside it (`Property::new` lower-cases it, as
    // every reader does).
    let property = Property::new(&property_text).map_err(|e| e.in_field("property"))?;
    let value_text = required_field(
        row.value,
        "value",
        "a quantity, a date, a quote or other text",
        limits,
    )?;
    let speaker = optional_name(row.speaker, "speaker", "the name of who said the quote")?;
    let origin = optional_name(row.origin, "origin", "the name of the source it cites")?;
    let said = match row
        .date
        .map(trimmed)
        .filter(|date| !date.is_empty() && !is_missing_marker(date))
    {
        Some(date) => {
            let date = required_field(date, "date", "a date", limits)?;
            Some(read_date(&date).map_err(|e| e.in_field("date"))?)
        }
        None => None,
    };
    // When or where a quote was said ("at the White House"), as the
    // corpus format's `occasion`: only a quote has one.
    let occasion = match row.occasion.map(trimmed) {
        Some(text) if !text.is_empty() && !is_missing_marker(&text) => {
            let text =
                required_field(text, "occasion", "when or where the quote was said", limits)?;
            if speaker.is_none() {
                return Err(Error::invalid_value(
                    format!("{text:?}"),
                    "is an occasion, which only a quote has, but the row names no speaker",
                    "a speaker for the quote, or no occasion",
                )
                .in_field("occasion"));
            }
            Some(text.into_owned())
        }
        _ => None,
    };
    let mut population = None;
    let mut status = None;
    let mut horizon = None;
    let mut warning = None;
    let value = match &speaker {
        // The speaker is the subject of a quote claim, as in the corpus
        // format. The quote's occasion is the `occasion` cell, never the
        // subject: the subject cell says what the quote is about, not
        // when or where it was said. (It had been made the occasion,
        // "about {subject}", which the reports then showed as if the
        // source had named an occasion, and which called two quotes about
        // two subjects "said on different occasions".)
        Some(_) => {
            let quote = Quote::new(value_text.into_owned()).map_err(|e| e.in_field("value"))?;
            Value::Quote(match occasion {
                Some(occasion) => quote.with_occasion(occasion),
                None => quote,
            })
        }
        None => {
            // Fullwidth digits and signs ("３００") read as the ASCII
            // ones, a line break inside the cell as a space ("about⏎
            // 2,000"), and a full stop that ends the cell as a sentence
            // ("300 fighters.") is not read; a cell kept as text keeps
            // its characters.
            let read = fullwidth_as_ascii(&value_text);
            let read = line_breaks_as_spaces(&read);
            let read = without_final_full_stop(&read);
            // A projection ("could rise to 4,000"): the figure after its
            // words, in a scope of its own, with its horizon where words
            // of one follow the figure ("could reach 10,000 by March",
            // twentieth audit, G8). Where the rest is no figure, the cell
            // is read whole, as any other.
            let projected =
                crate::parse::after_projection_marker(read).and_then(|(rest, passes)| {
                    // The horizon is looked for first: the parser reads a
                    // year after a figure as its context ("10,000 in
                    // 2030"), which would drop it.
                    let split = crate::parse::horizon_splits(rest).find_map(|(figure, horizon)| {
                        Some((parser.parse(figure).ok()?, Some(horizon)))
                    });
                    let (quantity, horizon) = match split {
                        Some(read) => read,
                        None => (parser.parse(rest).ok()?, None),
                    };
                    if !passes {
                        return Some((quantity, horizon));
                    }
                    // "may exceed 4,000": more than it.
                    let crate::quantity::Amount::Exact(value) = *quantity.amount() else {
                        return None;
                    };
                    let passed = crate::Quantity::new(crate::quantity::Amount::AtLeast {
                        value,
                        strict: true,
                    })
                    .ok()?;
                    Some((
                        match quantity.unit() {
                            Some(unit) => passed.with_unit(unit),
                            None => passed,
                        },
                        horizon,
                    ))
                });
            if let Some((quantity, stated_horizon)) = projected {
                population = population_of(&quantity, vocabulary);
                status = Some(Status::Projected);
                horizon = stated_horizon.map(Arc::from);
                Value::Quantity(quantity)
            } else {
                match parser.parse(read) {
                    // A bare span of two years ("2016–2018") is those years,
                    // as the date column and running text read it, not a
                    // count of 2,016 to 2,018: a count is written with its
                    // noun, or with a thousands separator.
                    Ok(quantity)
                        if quantity.unit().is_none()
                            && matches!(
                                quantity.amount(),
                                crate::quantity::Amount::Range { .. }
                            )
                            && let Ok(period) = read_date(read) =>
                    {
                        Value::Date(period)
                    }
                    Ok(quantity) => {
                        population = population_of(&quantity, vocabulary);
                        if crate::parse::opens_with_estimate_marker(read, vocabulary) {
                            status = Some(Status::Estimated);
                        }
                        Value::Quantity(quantity)
                    }
                    Err(Unread {
                        error: not_quantity,
                        quantity: began,
                    }) => match read_date(read) {
                        Ok(period) => Value::Date(period),
                        // An ISO week or ordinal date that does not exist is
                        // named as a date, not as a range ("2026-400").
                        Err(not_date) if crate::period::iso_week_or_ordinal(read).is_some() => {
                            return Err(not_date.in_field("value"));
                        }
                        // A number or an ISO date written wrong, or a quantity
                        // read but impossible (an inverted range), is a mistake
                        // to name, not text to compare.
                        Err(_) if !not_quantity.is_syntax() => {
                            return Err(not_quantity.in_field("value"));
                        }
                        // A date that reads but is wrong ("Monday, August 14,
                        // 2025", a Thursday).
                        Err(not_date) if !not_date.is_syntax() => {
                            return Err(not_date.in_field("value"));
                        }
                        Err(not_date) if iso_shaped(read) || slashed_date(read) => {
                            return Err(not_date.in_field("value"));
                        }
                        // A date relative to the row's is tried before a
                        // cell of digits and number signs is refused: "17:00"
                        // is a time on the row's date, as "04:11 PM" is (it
                        // had been refused as a number written wrong,
                        // eighteenth audit, E4).
                        Err(_) => match relative_date(read, said) {
                            Some(Ok(period)) => Value::Date(period),
                            Some(Err(unread)) => {
                                warning = Some(unread);
                                Value::Text(value_text.into_owned())
                            }
                            None if numeric_shaped(read) => {
                                return Err(unreadable_number(read, not_quantity).in_field("value"));
                            }
                            None => {
                                if let Some(open) = open_period_kept_as_text(read) {
                                    warning = Some(open);
                                } else if let Some(time) = time_of_day_in(read, began.as_ref()) {
                                    warning = Some(time_kept_as_text(read, time));
                                } else if let Some((quantity, after)) = began {
                                    warning = Some(kept_as_text(read, quantity, after));
                                } else if let Some(date) =
                                    crate::parse::date_holding_every_number(read)
                                {
                                    warning = Some(date_kept_as_text(read, date));
                                } else if let Some(figure) = figure_in(read) {
                                    warning = Some(figure_kept_as_text(read, figure, vocabulary));
                                }
                                Value::Text(value_text.into_owned())
                            }
                        },
                    },
                }
            }
        }
    };
    // A unit one slip of a letter from a unit of the vocabulary or a
    // share's word ("53 percnt") reads as a count of it, in the scope of
    // counts: warned about, naming the unit (twentieth audit, G10).
    if warning.is_none()
        && let Value::Quantity(quantity) = &value
        && let Some(written) = quantity.unit()
        && let Some(known) = crate::parse::near_miss_unit(written, vocabulary)
    {
        warning = Some(near_miss_unit_warning(
            &quantity.to_string(),
            written,
            known,
        ));
    }
    Ok(ParsedRow {
        source,
        entity: speaker.clone().unwrap_or(subject),
        origin,
        speaker,
        property,
        value,
        said,
        population,
        status,
        horizon,
        warning,
    })
}

/// A value cell that is a date relative to when it was reported ("August
/// 26", "Thursday", "yesterday"), read against the row's date as an
/// article's relative dates are read against its publication date,
/// looking back: `None` for a cell that is no such date, and the
/// warning for one whose row has no single day (or finer) to read it
/// against, or that English gives two readings said on the row's day
/// ("next Tuesday" said on a Sunday, "next September" said in August),
/// which is kept as text.
fn relative_date(text: &str, said: Option<Period>) -> Option<Result<Period, Error>> {
    let day = said
        .filter(|said| said.is_single_unit() && said.precision() <= crate::period::Precision::Day)
        .map(|said| said.start_date());
    if let Some(day) = day {
        if let Ok(period) = parse_date(text, Some(day)) {
            return Some(Ok(period));
        }
        // A date that gives none said on this day but one said on
        // another: a date ahead (or back) that English gives two
        // readings for, kept as text with the reason. (Only the six days
        // after had been tried, which told a weekday's two readings but a
        // month's only in a month's last six days, eighteenth audit, E3.)
        let other = crate::parse::date_unresolved_on(text, day)
            .then(|| read_on_another_day(text, day))
            .flatten()?;
        // The way to write it at the cell's own precision: a month that
        // reads two ways ("next September") is offered a month, not a
        // day finer than the cell gives (nineteenth audit, inputs 4).
        let expected = match other.precision() {
            crate::period::Precision::Month => "a month with its year (\"September 2021\")",
            crate::period::Precision::Year => "a year (\"2022\")",
            _ => "a date with its year (\"August 31, 2021\")",
        };
        return Some(Err(Error::invalid_value(
            format!("{:?}", text.trim()),
            format!(
                "is a date relative to when it was reported that reads two ways said on {day}, a {}, so the cell is kept as text and not compared as a date",
                day.format("%A")
            ),
            expected,
        )
        .in_field("value")));
    }
    // Relative if it reads against some day: any will do to tell, or, where
    // it reads two ways on that one, another.
    let probe = chrono::NaiveDate::from_ymd_opt(2000, 6, 15)?;
    if parse_date(text, Some(probe)).is_err()
        && !(crate::parse::date_unresolved_on(text, probe)
            && read_on_another_day(text, probe).is_some())
    {
        return None;
    }
    Some(Err(Error::invalid_value(
        format!("{:?}", text.trim()),
        format!(
            "is a date relative to when it was reported, and the row's date is {}, so the cell is kept as text and not compared as a date",
            match said {
                Some(said) => format!("{said}, not one day"),
                None => "missing".to_string(),
            }
        ),
        "a date with its year (\"August 26, 2021\"), or the day the row was reported in its date column",
    )
    .in_field("value")))
}

/// The date `text` reads as said on some day in the year after `day`,
/// if it reads as one: on one of the six days after it (a weekday's
/// other reading, "next Tuesday" said on a Sunday) or on the same day of
/// one of the twelve months after it (a month's, "next September" said
/// in August). The first found; its precision is the cell's.
fn read_on_another_day(text: &str, day: chrono::NaiveDate) -> Option<Period> {
    let days = (1..7).filter_map(|n| day.checked_add_days(chrono::Days::new(n)));
    let months = (1..13).filter_map(|n| day.checked_add_months(chrono::Months::new(n)));
    days.chain(months)
        .find_map(|other| parse_date(text, Some(other)).ok())
}

/// The warning for a value cell that begins with a quantity but goes on
/// with words that cannot follow one ("9 old cases", "5,300 dead, 10,000
/// missing"): it is kept as text, and compared only as text, so the
/// figure in it is never compared as a number. `quantity` and `after`
/// are the byte ranges of the quantity read and of the token after it.
fn kept_as_text(
    text: &str,
    quantity: std::ops::Range<usize>,
    after: std::ops::Range<usize>,
) -> Error {
    let part = |range: std::ops::Range<usize>| text.get(range).unwrap_or_default();
    Error::invalid_value(
        format!("{:?}", text.trim()),
        format!(
            "begins with the quantity {:?} but goes on with {:?}, which cannot follow it, so the cell is kept as text and not compared as a number",
            part(quantity),
            part(after)
        ),
        "a quantity alone, with its counted noun (\"40,000 displaced people\") or with what befell the counted (\"about 300 killed\"), to compare it as a number",
    )
    .in_field("value")
}

/// The time of day in a value cell kept as text that reads as one, but
/// not alone: "5 pm" in "about 5 pm" and "between 4 and 5 pm" (a
/// quantity, `began`, that a word of a time of day follows), "17:00" in
/// "around 17:00" (a time that holds every number of the cell, and no
/// day). A cell reads a time of day alone or after "at", on the row's
/// date ([`relative_date`]); such a cell is named as a time, not as a
/// quantity that "pm" cannot follow (nineteenth audit, inputs 3).
fn time_of_day_in<'t>(
    text: &'t str,
    began: Option<&(std::ops::Range<usize>, std::ops::Range<usize>)>,
) -> Option<&'t str> {
    if let Some((quantity, after)) = began {
        if !text
            .get(after.clone())
            .is_some_and(crate::parse::is_meridiem)
        {
            return None;
        }
        // From the last word of the quantity, its number, to the mark.
        let before = text.get(quantity.start..after.start)?.trim_end();
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(quantity.start, |(k, c)| quantity.start + k + c.len_utf8());
        return text.get(start..after.end);
    }
    let time = crate::parse::date_holding_every_number(text)?;
    let probe = chrono::NaiveDate::from_ymd_opt(2000, 6, 15)?;
    (parse_date(time, None).is_err()
        && parse_date(time, Some(probe))
            .is_ok_and(|period| period.precision() < crate::period::Precision::Day))
    .then_some(time)
}

/// The warning for a value cell kept as text that holds a time of day
/// not alone ([`time_of_day_in`]: "about 5 pm"), naming the time.
fn time_kept_as_text(text: &str, time: &str) -> Error {
    Error::invalid_value(
        format!("{:?}", text.trim()),
        format!(
            "reads as the time of day {time:?} with words a cell's time is not read with, so the cell is kept as text and not compared as a date"
        ),
        format!(
            "a time of day alone ({time:?}, {:?}), read on the row's date, to compare it as a date",
            format!("at {time}")
        ),
    )
    .in_field("value")
}

/// The warning for a value cell that bounds a date ("since 2021", "by
/// 2015", "until March 2021"): an open-ended period, which a value cannot
/// hold ([`parse_date`] refuses it), kept as text and compared only as
/// text. `None` when the cell is not a bound word and a date.
fn open_period_kept_as_text(text: &str) -> Option<Error> {
    let trimmed = text.trim();
    let (bound, rest) = trimmed.split_once(char::is_whitespace)?;
    let bound = bound.to_ascii_lowercase();
    if !crate::parse::DATE_BOUNDS.contains(&bound.as_str()) {
        return None;
    }
    let date = parse_date(rest, None).ok()?;
    Some(
        Error::invalid_value(
            format!("{trimmed:?}"),
            format!(
                "is an open-ended period ({bound:?} {date}), which a value cannot hold, so the cell is kept as text and not compared as a date"
            ),
            "one date (\"2021\", \"October 2014\") or a span (\"2019/2021\"), to compare it as a date",
        )
        .in_field("value"),
    )
}

/// The first word of `text` that holds a digit (of any script), if one
/// does: "$1.2" in "$1.2 billion", "1.2bn" in "1.2bn dollars"; else the
/// first number in words, "seven" in "all seven counts", or word of one,
/// "half" in "more than half" (a lone "one",
/// which is a determiner or a pronoun more often than a count, "the one
/// who left", is none: twentieth audit, G10; nor is an ordinal,
/// "twenty-first", or a part after one, "the third quarter", "the first
/// half", which name a place or a period: [`crate::parse::is_part_after_place`]).
fn figure_in(text: &str) -> Option<&str> {
    text.split_whitespace()
        .find(|word| word.chars().any(char::is_numeric))
        .or_else(|| number_word_in(text))
}

/// The first number in words in `text` ([`figure_in`]).
fn number_word_in(text: &str) -> Option<&str> {
    let starts = std::iter::once(0).chain(
        text.char_indices()
            .filter(|&(_, c)| !c.is_alphanumeric() && c != '-')
            .map(|(k, c)| k + c.len_utf8()),
    );
    starts.into_iter().find_map(|k| {
        let rest = &text[k..];
        let word: String = rest
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '-')
            .flat_map(char::to_lowercase)
            .collect();
        if word.is_empty() || !crate::parse::may_be_number_word(&word) {
            return None;
        }
        // An ordinal ("twenty-first"), and a part after one or after a
        // word that places it ("the third quarter", "the last half"),
        // name a place in a sequence or a period, not a figure (twentieth
        // audit, G10, leftover).
        let before: String = text[..k]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if crate::parse::is_ordinal_word(&word) || crate::parse::is_part_after_place(&before, &word)
        {
            return None;
        }
        // The number the words open, or else the word alone, a part of
        // one that does not read alone ("half" in "more than half",
        // "two-thirds").
        match crate::parse::leading_number(rest) {
            Some((_, len, lone_one)) => (!lone_one && len > 0).then(|| rest[..len].trim_end()),
            None => rest.get(..word.len()),
        }
    })
}

/// The warning for a value cell kept as text that holds a figure but does
/// not begin with a quantity the parser reads ("$1.2 billion", "1.2bn
/// dollars", "police estimated 2,000 people", "all seven counts"): its
/// figure is compared only as text, so a cell with a figure in it is
/// never kept as text silently (the twelfth audit found such cells
/// reported as compared). Where the words after the figure are one slip
/// of a letter from a unit ("52.7 per cnet"), the warning names the unit.
fn figure_kept_as_text(text: &str, figure: &str, vocabulary: &Vocabulary) -> Error {
    let after = text
        .find(figure)
        .map_or("", |at| &text[at + figure.len()..]);
    if let Some(known) = crate::parse::near_miss_unit(after, vocabulary) {
        let written: String = after
            .split_whitespace()
            .take(known.split(' ').count())
            .collect::<Vec<_>>()
            .join(" ");
        return Error::invalid_value(
            format!("{:?}", text.trim()),
            format!(
                "holds the figure {figure:?} and {written:?}, one slip of a letter from the unit {known:?}, so the cell is kept as text and not compared as a number"
            ),
            format!("the unit spelled {known:?}, to compare the figure in it"),
        )
        .in_field("value");
    }
    Error::invalid_value(
        format!("{:?}", text.trim()),
        format!(
            "holds the figure {figure:?} but does not read as a quantity, so the cell is kept as text and not compared as a number"
        ),
        "a quantity with its counted noun or unit (\"1.2 billion US dollars\", \"40,000 displaced people\"), to compare it as a number",
    )
    .in_field("value")
}

/// The warning for a value cell read as a count of a unit one slip of a
/// letter from a unit of the vocabulary or a share's word
/// ([`crate::parse::near_miss_unit`]: "about 53 percnt"): kept, as a
/// count of what it says, but in the scope of counts, apart from the
/// figures in the unit it was most likely meant to be. `text` is the
/// quantity as read.
fn near_miss_unit_warning(text: &str, written: &str, known: &str) -> Error {
    Error::invalid_value(
        format!("{:?}", text.trim()),
        format!(
            "counts {written:?}, one slip of a letter from the unit {known:?}, so the figure is compared as a count of {written:?}, apart from figures in {known:?}"
        ),
        format!("the unit spelled {known:?}, to compare the figure in it"),
    )
    .in_field("value")
}

/// The warning for a value cell kept as text whose figures are all in a
/// date it holds ("sometime around March 9, 2023"), which does not read
/// as one date: named as a date that could not be read, not as a figure
/// that does not read as a quantity (seventeenth audit, C9).
fn date_kept_as_text(text: &str, date: &str) -> Error {
    Error::invalid_value(
        format!("{:?}", text.trim()),
        format!(
            "holds the date {date:?} but does not read as one date, so the cell is kept as text and not compared as a date"
        ),
        "one date (\"March 9, 2023\", \"on or about March 9, 2023\") or a span (\"the week of March 6, 2023\", \"2023-03-06/2023-03-12\"), to compare it as a date",
    )
    .in_field("value")
}

/// Who a table row's quantity counts, when its counted noun says it: a
/// noun with words before it that set it apart ("suspected cases",
/// "40,000 displaced people", "missing fishermen"). A table has no
/// population column, and the counted noun is the only place a row
/// says who is counted: "1,962 suspected cases" and "171 confirmed
/// cases" are two populations, not a conflict, as two claims with those
/// populations are in the corpus format. A bare noun ("people",
/// "cases"), what befell the counted ("killed", "people killed or
/// injured") and a unit of measure ("square kilometres") name none, and
/// are compared with the topic's other figures. The noun's own text is
/// shared, not copied, when it is the whole unit.
fn population_of(
    quantity: &crate::quantity::Quantity,
    vocabulary: &Vocabulary,
) -> Option<Arc<str>> {
    let unit = quantity.unit_shared()?;
    // Most units are one word: no population, found without a look
    // at the words.
    if !unit.contains(' ') || vocabulary.measure(unit).is_some() {
        return None;
    }
    // The noun phrase ends where what befell the counted begins: its
    // words, and the byte where the last of them ends.
    let words = unit
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty());
    let (mut nouns, mut end) = (0, 0);
    for (start, word) in words {
        let rest = unit[start..].split(' ').filter(|word| !word.is_empty());
        if crate::parse::is_participle_caption(rest) {
            break;
        }
        nouns += 1;
        end = start + word.len();
    }
    match nouns {
        0 | 1 => None,
        _ if end == unit.len() => Some(Arc::clone(unit)),
        _ => Some(Arc::from(&unit[..end])),
    }
}

impl StreamReader {
    /// A reader with the default limits and vocabulary and no side header.
    pub fn new() -> StreamReader {
        StreamReader::default()
    }

    /// A reader for a corpus that will be analysed with `policy`: the
    /// default limits, no side header, and the policy's vocabulary, so
    /// that a table's cells are read with the phrases the analysis
    /// knows. The same as
    /// `StreamReader::new().with_vocabulary(policy.vocabulary().clone())`;
    /// a reader made with [`StreamReader::new`] reads cells with the
    /// default vocabulary whatever the policy, and a phrase only the
    /// policy's vocabulary holds is then read as text.
    ///
    /// ```
    /// use corroborate::{Policy, StreamReader, TableFormat, VagueEntry, Value};
    /// let mut vocabulary = Policy::default().vocabulary().clone();
    /// vocabulary.insert_vague("a smattering", VagueEntry::new(2.0, 12.0)?);
    /// let policy = Policy::default().with_vocabulary(vocabulary);
    /// let table = "source,subject,property,value\nP,Town,protesters,a smattering\n";
    ///
    /// let corpus = StreamReader::for_policy(&policy)
    ///     .read_table(table.as_bytes(), "t.csv", TableFormat::Csv)?;
    /// assert!(matches!(corpus.claims()[0].value, Value::Quantity(_)));
    ///
    /// // With the default vocabulary, the phrase is text.
    /// let corpus = StreamReader::new().read_table(table.as_bytes(), "t.csv", TableFormat::Csv)?;
    /// assert!(matches!(corpus.claims()[0].value, Value::Text(_)));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn for_policy(policy: &crate::Policy) -> StreamReader {
        StreamReader::new().with_vocabulary(policy.vocabulary().clone())
    }

    /// Sets the limits: text lengths, chain depth, input size.
    pub fn with_limits(mut self, limits: Limits) -> StreamReader {
        self.limits = limits;
        self
    }

    /// Sets the vocabulary tables use to read vague and hedged
    /// quantities ("dozens", "about 2,000"). Give it the vocabulary of
    /// the [`Policy`](crate::Policy) the corpus will be analysed with
    /// (or make the reader with [`StreamReader::for_policy`]): a cell
    /// whose phrase this one lacks is read as text, and compared as
    /// text.
    pub fn with_vocabulary(mut self, vocabulary: Vocabulary) -> StreamReader {
        self.vocabulary = vocabulary;
        self
    }

    /// Takes the entities and sources of a JSON Lines corpus from
    /// `header`, usually a corpus file with no claims read with
    /// [`Corpus::from_path`]. The JSON Lines file may then hold claims
    /// only; if it has a header line too, the two headers' entities and
    /// sources are joined (an id declared in both is an error).
    ///
    /// For a table, the header declares entities and sources that cells
    /// are matched to: a cell giving an entity's name or alias, or a
    /// source's name or alias (also by its name's key: case, Latin
    /// diacritics and punctuation aside), is that entity or source, with
    /// its declared id and kind. So "CEC" in one row and "Central
    /// Electoral Commission" in another are one origin when the header
    /// gives the one as the other's alias. Other names are made as
    /// without a header. A name several entities (or sources) give is
    /// the one's whose own name it is, where exactly one has it as its
    /// name; otherwise ("the attack", an alias of two attacks) it names
    /// none of them, and a row with a cell that gives it, also by its
    /// key, is skipped, naming the entities or sources that share it.
    ///
    /// ```
    /// use corroborate::{Corpus, StreamReader};
    /// let side = Corpus::from_json_str(r#"{"format": "corroborate/1",
    ///   "entities": [{"id": "e", "name": "E"}],
    ///   "sources": [{"id": "p", "kind": "publication", "name": "P"}]}"#)?;
    /// let claims = r#"{"id": "c1", "subject": "e", "property": "founded", "value": {"date": "2015"}, "assertion": {"chain": ["p"]}}"#;
    /// let corpus = StreamReader::new().with_header(side).read_jsonl(claims.as_bytes(), "claims.jsonl")?;
    /// assert_eq!(corpus.claims().len(), 1);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn with_header(mut self, header: Corpus) -> StreamReader {
        self.header = Some(Box::new(header));
        self
    }

    /// As [`StreamReader::with_header`], naming the side header (its file
    /// name) in errors: an id declared both in it and in the JSON Lines
    /// header line is reported in both places, this name given to the
    /// first.
    ///
    /// ```
    /// use corroborate::{Corpus, StreamReader};
    /// let side = Corpus::from_json_str(r#"{"format": "corroborate/1",
    ///   "entities": [{"id": "e", "name": "E"}]}"#)?;
    /// let lines = r#"{"format": "corroborate-jsonl/1", "entities": [{"id": "e", "name": "E"}]}"#;
    /// let err = StreamReader::new()
    ///     .with_header_named(side, "side.json")
    ///     .read_jsonl(lines.as_bytes(), "claims.jsonl")
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("in the side header side.json (entities[0]) and on line 1"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn with_header_named(self, header: Corpus, name: impl Into<String>) -> StreamReader {
        let mut reader = self.with_header(header);
        reader.header_name = Some(name.into());
        reader
    }

    /// Reads a corpus from a path, choosing the format by extension:
    /// `.jsonl` is JSON Lines, `.csv` and `.tsv` are tables, anything
    /// else (`.json`) is the corpus format of
    /// [`Corpus::from_path_with_limits`]. A folder, whatever its name
    /// (`exports.csv/`), is a corpus folder holding `corpus.json`. A file of another extension that
    /// is not a JSON corpus gets an error that says it was read as one,
    /// and a file read as a JSON corpus that looks like JSON Lines (its
    /// first line a JSON Lines header, even one with no claims after it,
    /// or a claim) gets an error that says so and names the extension
    /// that reads it as JSON Lines.
    ///
    /// ```
    /// use corroborate::StreamReader;
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stream/claims.csv");
    /// let corpus = StreamReader::new().read_path(path)?;
    /// assert!(!corpus.claims().is_empty());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As the reader of the chosen format.
    pub fn read_path(&self, path: impl AsRef<Path>) -> Result<Corpus, Error> {
        let path = path.as_ref();
        // A folder's name is no file's extension.
        let folder = path.is_dir();
        let jsonl = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
        if jsonl && !folder {
            self.read_jsonl_path(path)
        } else if let Some(format) = TableFormat::from_path(path).filter(|_| !folder) {
            self.read_table_path(path, format)
        } else {
            let json = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                || folder;
            // A file of another extension is read as a JSON corpus; if it
            // is not one, the error says why it was read so, and a file
            // that looks like JSON Lines says which name would read it so.
            Corpus::from_path_with_limits(path, &self.limits).map_err(|e| {
                if let Some(why) = looks_like_jsonl(path, &e, &self.limits) {
                    e.noting(&format!(
                        " (read as a JSON corpus, but {why}: the file looks like JSON Lines, which is read from a file whose name ends in .jsonl)"
                    ))
                } else if json {
                    e
                } else {
                    e.noting(" (read as a JSON corpus: the file name ends in none of .json, .jsonl, .csv, .tsv)")
                }
            })
        }
    }

    /// Reads a JSON Lines corpus from a file.
    ///
    /// # Errors
    ///
    /// As [`StreamReader::read_jsonl`]; the error names the file. A
    /// folder is refused as one.
    pub fn read_jsonl_path(&self, path: impl AsRef<Path>) -> Result<Corpus, Error> {
        let path = path.as_ref();
        refuse_folder(path, "a JSON Lines file")?;
        let file =
            std::fs::File::open(path).map_err(|e| Error::io("open the file", e).with_file(path))?;
        let name = path.display().to_string();
        self.read_jsonl(BufReader::with_capacity(1 << 16, file), &name)
            .map_err(|e| e.with_file(path))
    }

    /// Reads a JSON Lines corpus: a header line, then one claim per line.
    /// `name` is the file name diagnostics give as their location.
    ///
    /// ```
    /// use corroborate::StreamReader;
    /// let jsonl = concat!(
    ///     r#"{"format": "corroborate-jsonl/1", "entities": [{"id": "e", "name": "E"}], "sources": [{"id": "p", "kind": "publication", "name": "P"}]}"#, "\n",
    ///     "\n",
    ///     r#"{"id": "c1", "subject": "e", "property": "killed", "value": {"quantity": {"exact": 3}}, "assertion": {"chain": ["p"]}}"#, "\n",
    ///     "not json\n",
    /// );
    /// let corpus = StreamReader::new().read_jsonl(jsonl.as_bytes(), "x.jsonl")?;
    /// assert_eq!(corpus.claims().len(), 1);
    /// assert_eq!(corpus.skipped()[0].location, "x.jsonl:4");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when the input cannot be read, is larger than
    /// [`Limits::max_input_len`], has no line that is not blank, or when
    /// its header is not UTF-8, not JSON, lacks the format tag
    /// `corroborate-jsonl/1`, or declares entities and sources that do not
    /// fit together (as [`Corpus::new`]). Bad claim lines are not errors:
    /// they are skipped and listed in [`Corpus::skipped`].
    pub fn read_jsonl(&self, reader: impl BufRead, name: &str) -> Result<Corpus, Error> {
        self.jsonl(reader, name).map_err(|e| e.with_file(name))
    }

    fn jsonl(&self, reader: impl BufRead, name: &str) -> Result<Corpus, Error> {
        let mut lines = JsonLines::new(reader, self.limits.max_input_len());
        let mut loaded = Loaded::new();
        let side = self.header.clone();
        // The header: the first line that is not blank.
        let header = match lines.next()? {
            Some((line, text)) => {
                let text = text.map_err(|e| e.with_position(line, None))?;
                let (header, claim) = self.read_header(text, side.as_deref().cloned(), line)?;
                match claim {
                    Some(Ok(claim)) => loaded.push(&header, claim, line, name, &self.limits),
                    Some(Err(error)) => loaded.skip_claim(name, line, error),
                    None => {}
                }
                header
            }
            None => match side {
                Some(side) => self.side_header(*side, None, lines.line)?,
                None => {
                    return Err(Error::new(ErrorKind::Empty {
                        expected: "a header line with format \"corroborate-jsonl/1\", then one claim per line",
                    }));
                }
            },
        };
        // The header line can be the longest by far (every entity and
        // source: 21 MB for a million claims); the claim lines after it do
        // not need its room, and are bounded.
        lines.release();
        lines.line_limit = self.limits.max_line_len();
        self.claim_lines(&mut lines, &header, &mut loaded, name)?;
        Ok(loaded.finish(header, name))
    }

    /// Reads the claim lines after the header, a batch at a time: each
    /// batch is parsed and checked, then its claims are kept or skipped in
    /// line order, so that duplicates and messages are those of a
    /// line-by-line read.
    #[cfg(not(feature = "parallel"))]
    fn claim_lines(
        &self,
        lines: &mut JsonLines<impl BufRead>,
        header: &Header,
        loaded: &mut Loaded,
        name: &str,
    ) -> Result<(), Error> {
        let mut batch = LineBatch::default();
        let mut results = Vec::new();
        loop {
            let end = lines.next_batch(&mut batch, loaded, name)?;
            check_batch(header, &batch, &self.limits, &mut results);
            loaded.keep_batch(&batch, &mut results, name);
            batch.clear();
            if end {
                return Ok(());
            }
        }
    }

    /// As the one-core reader, with each batch parsed and checked on all
    /// cores while this thread keeps the batches before it and reads the
    /// lines of the batch after it: a pipeline [`PIPELINE_DEPTH`] batches
    /// deep, whose batches are kept in line order.
    #[cfg(feature = "parallel")]
    fn claim_lines(
        &self,
        lines: &mut JsonLines<impl BufRead>,
        header: &Header,
        loaded: &mut Loaded,
        name: &str,
    ) -> Result<(), Error> {
        use std::collections::VecDeque;
        use std::sync::mpsc::{Receiver, sync_channel};
        type Done = (LineBatch, Vec<CheckedLine>);
        let limits = &self.limits;
        rayon::in_place_scope(|scope| {
            let mut waiting: VecDeque<Receiver<Done>> = VecDeque::new();
            // Batches kept, and their emptied results, for reuse.
            let mut spare: Vec<Done> = Vec::new();
            // Keeps the oldest batch in flight, waiting for it if need be,
            // and keeps its room for reuse unless the last batch has been
            // read (then it is freed at once). A worker that panicked
            // sends nothing: its batch is not kept, and the scope resumes
            // the panic when it ends.
            let keep_oldest = |waiting: &mut VecDeque<Receiver<Done>>,
                               spare: &mut Vec<Done>,
                               loaded: &mut Loaded,
                               reuse: bool| {
                if let Some(Some((mut done, mut results))) =
                    waiting.pop_front().map(|r| crate::pool::wait_for(&r))
                {
                    loaded.keep_batch(&done, &mut results, name);
                    if reuse {
                        done.clear();
                        spare.push((done, results));
                    }
                }
            };
            loop {
                let (mut batch, mut results) = spare.pop().unwrap_or_default();
                // On an error, the batches in flight are of no use: the
                // scope waits for them, and their results go nowhere.
                let end = lines.next_batch(&mut batch, loaded, name)?;
                let (send, receive) = sync_channel(1);
                scope.spawn(move |_| {
                    check_batch(header, &batch, limits, &mut results);
                    // The receiver is gone only if reading failed.
                    let _ = send.send((batch, results));
                });
                waiting.push_back(receive);
                // The newest batches, up to PIPELINE_DEPTH, stay in flight
                // while this thread keeps the ones before them and reads
                // the next; at the end, every batch is kept.
                while waiting.len() > PIPELINE_DEPTH || (end && !waiting.is_empty()) {
                    keep_oldest(&mut waiting, &mut spare, loaded, !end);
                }
                if end {
                    return Ok(());
                }
            }
        })
    }

    /// Reads the first line that is not blank: the header, or with a side
    /// header, possibly a claim (returned to be pushed).
    #[allow(clippy::type_complexity)]
    fn read_header(
        &self,
        text: &str,
        side: Option<Corpus>,
        line: u64,
    ) -> Result<(Header, Option<Result<Claim, Error>>), Error> {
        // Read without its line break, so that a header cut short inside
        // a string ends there (see `parse_claim`).
        let body = text.trim_end_matches(['\n', '\r']);
        let at = |path: String, e: serde_json::Error| header_json_error(path, e, line);
        if let Some(side) = side {
            let is_header =
                serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
                    .is_ok_and(|object| object.contains_key("format"));
            if !is_header {
                let header = self.side_header(side, None, line)?;
                return Ok((header, Some(parse_claim(text))));
            }
            let first: JsonlHeader = from_json_str(body).map_err(|(path, e)| at(path, e))?;
            return Ok((self.side_header(side, Some(first), line)?, None));
        }
        let first = match read_wide_header(body) {
            Some(first) => first,
            None => from_json_str(body).map_err(|(path, e)| {
                // A claim where the header should be: the header was left out.
                let object =
                    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text);
                match object {
                    Ok(object) if !object.contains_key("format") && object.contains_key("id") => {
                        Error::invalid_value(
                            "a claim",
                            "stands where the header should be",
                            HEADER_FIRST,
                        )
                        .with_position(line, None)
                    }
                    // An object that is no claim but lacks the format tag: a
                    // header written without it.
                    Ok(object) if !object.contains_key("format") => Error::invalid_value(
                        "the header line",
                        "lacks the field \"format\"",
                        HEADER_FIRST,
                    )
                    .with_position(line, None),
                    _ => match odd_line(text) {
                        Some(odd) => odd.in_field("header").with_position(line, None),
                        None => at(path, e),
                    },
                }
            })?,
        };
        check_format(&first.format, line)?;
        let header = Header::new(
            first.title,
            first.description,
            first.entities,
            first.sources,
            HashMap::default(),
            &self.limits,
        )
        .map_err(|e| e.with_position(line, None))?;
        Ok((header, None))
    }

    /// The side header, joined with the file's own header line if any.
    fn side_header(
        &self,
        side: Corpus,
        first: Option<JsonlHeader>,
        line: u64,
    ) -> Result<Header, Error> {
        let (title, description, mut entities, mut sources, texts, claims) =
            side.into_header_parts();
        if claims > 0 {
            return Err(Error::invalid_value(
                format!(
                    "a side header with {claims} claim{}",
                    if claims == 1 { "" } else { "s" }
                ),
                "was given",
                "a side header with entities and sources only, its claims in the JSON Lines",
            ));
        }
        let (mut title, mut description) = (title, description);
        let side_name = match &self.header_name {
            Some(name) => format!("the side header {name}"),
            None => "the side header".to_string(),
        };
        let (side_entities, side_sources) = (entities.len(), sources.len());
        if let Some(first) = first {
            check_format(&first.format, line)?;
            // An id in both: named in both places, not at its index in
            // the joined list, which neither file has.
            let declared_twice = |(kind, list): (&'static str, &str), (id, index, at)| {
                Error::new(ErrorKind::DuplicateAcross {
                    kind,
                    id,
                    first: format!("in {side_name} ({list}[{at}])"),
                    second: format!("on line {line}"),
                })
                .in_field(format!("{list}[{index}].id"))
                .with_position(line, None)
            };
            if let Some(twice) = declared_in_both(
                entities.iter().map(|e| e.id.as_str()),
                first.entities.iter().map(|e| e.id.as_str()),
            ) {
                return Err(declared_twice(("entity", "entities"), twice));
            }
            if let Some(twice) = declared_in_both(
                sources.iter().map(|s| s.id.as_str()),
                first.sources.iter().map(|s| s.id.as_str()),
            ) {
                return Err(declared_twice(("source", "sources"), twice));
            }
            entities.extend(first.entities);
            sources.extend(first.sources);
            title = title.or(first.title);
            description = description.or(first.description);
        }
        Header::new(title, description, entities, sources, texts, &self.limits).map_err(|e| {
            // The joined lists' indexes: those past the side header's are
            // the header line's, the others the side header's.
            e.map_field(|field| {
                for (list, offset) in [("entities[", side_entities), ("sources[", side_sources)] {
                    let Some(rest) = field.strip_prefix(list) else {
                        continue;
                    };
                    let Some((index, rest)) = rest.split_once(']') else {
                        continue;
                    };
                    let Ok(index) = index.parse::<usize>() else {
                        continue;
                    };
                    return match index.checked_sub(offset) {
                        Some(own) => format!("{list}{own}]{rest}"),
                        None => format!("{field} of {side_name}"),
                    };
                }
                field.to_string()
            })
            .with_position(line, None)
        })
    }

    /// Reads a flat table from a file.
    ///
    /// # Errors
    ///
    /// As [`StreamReader::read_table`]; the error names the file. A
    /// folder is refused as one.
    pub fn read_table_path(
        &self,
        path: impl AsRef<Path>,
        format: TableFormat,
    ) -> Result<Corpus, Error> {
        let path = path.as_ref();
        refuse_folder(path, "a table file")?;
        let file =
            std::fs::File::open(path).map_err(|e| Error::io("open the file", e).with_file(path))?;
        let name = path.display().to_string();
        self.read_table(file, &name, format)
            .map_err(|e| e.with_file(path))
    }

    /// Reads a flat table, one claim per row, under a header naming the
    /// columns `source`, `subject`, `property`, `value` and optionally
    /// `date`, `speaker`, `origin` and `occasion`, in any order. `name` is
    /// the file name diagnostics give as their location.
    ///
    /// Each distinct `source` becomes a publication and each distinct
    /// `origin` an originator of kind `group`; each distinct `subject`
    /// (or `speaker`) becomes an entity with an id made from its name, and
    /// name resolution then merges spelling variants. A value is read as
    /// a quantity, else as a date, else as text; with a `speaker` it is a
    /// quote whose subject is the speaker, and whose chain ends at the
    /// speaker (a source of kind `person`), so that outlets printing one
    /// quote are one origin, and whose occasion, when or where it was
    /// said, is the `occasion` cell (a row with an occasion but no
    /// speaker is skipped: only a quote has one). Claim ids are `line-N`.
    ///
    /// ```
    /// use corroborate::{StreamReader, TableFormat, Value};
    /// let tsv = "subject\tproperty\tvalue\tsource\tdate\n\
    ///            Kabul attack\tkilled\tat least 170\tAP\tAugust 27, 2021\n";
    /// let corpus = StreamReader::new().read_table(tsv.as_bytes(), "x.tsv", TableFormat::Tsv)?;
    /// assert_eq!(corpus.claims()[0].id.as_str(), "line-2");
    /// assert_eq!(corpus.claims()[0].subject.as_str(), "kabul-attack");
    ///
    /// // A quote, with when or where it was said.
    /// let csv = "source,subject,property,value,speaker,occasion\n\
    ///            AP,Dam,said,The dam will hold.,Mayor Okafor,press briefing\n";
    /// let corpus = StreamReader::new().read_table(csv.as_bytes(), "x.csv", TableFormat::Csv)?;
    /// let Value::Quote(quote) = &corpus.claims()[0].value else { panic!() };
    /// assert_eq!(quote.occasion(), Some("press briefing"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when the input cannot be read or is larger than
    /// [`Limits::max_input_len`], when it is empty, or when the header is
    /// not UTF-8, names a column twice, names an unknown column, or lacks
    /// a required one. Bad rows are not errors: they are skipped and
    /// listed in [`Corpus::skipped`].
    pub fn read_table(
        &self,
        reader: impl Read,
        name: &str,
        format: TableFormat,
    ) -> Result<Corpus, Error> {
        self.table(reader, name, format)
            .map_err(|e| e.with_file(name))
    }

    fn table(&self, reader: impl Read, name: &str, format: TableFormat) -> Result<Corpus, Error> {
        let mut builder = csv::ReaderBuilder::new();
        builder
            .flexible(true)
            .has_headers(false)
            .buffer_capacity(crate::lines::READ_AHEAD);
        match format {
            TableFormat::Csv => builder.delimiter(b','),
            TableFormat::Tsv => builder.delimiter(b'\t').quoting(false),
        };
        // Rows are numbered by `Lines`, not by `csv` (see `lines.rs`).
        let quoting = matches!(format, TableFormat::Csv);
        let line_limit = self.limits.max_line_len();
        let stop_at = line_limit.saturating_mul(2);
        let mut table = builder.from_reader(
            crate::lines::Lines::new(reader, quoting.then_some(b',')).with_limit(stop_at),
        );
        // A row over the line limit is skipped; one over twice the limit
        // stops the input (`Lines` refuses to pass more of it), so that
        // no row is read whole into memory however long it is. The error
        // says so, where `csv` would say only that reading failed.
        let too_long = |lines: &crate::lines::Lines<_>| {
            lines.over_limit().map(|(line, found)| {
                Error::new(ErrorKind::Limit {
                    what: "length in bytes of the row read so far",
                    found: usize::try_from(found).unwrap_or(usize::MAX),
                    limit: stop_at,
                })
                .with_position(line, None)
            })
        };
        let mut record = csv::ByteRecord::new();
        let csv_error = |e: csv::Error, line: u64| -> Error {
            match e.into_kind() {
                csv::ErrorKind::Io(e) => Error::io("read the input", e).with_position(line, None),
                other => Error::new(ErrorKind::Syntax {
                    message: format!("{other:?}"),
                })
                .with_position(line, None),
            }
        };
        // The header.
        let read = table
            .read_byte_record(&mut record)
            .map_err(|e| too_long(table.get_ref()).unwrap_or_else(|| csv_error(e, 1)))?;
        if !read {
            return Err(Error::new(ErrorKind::Empty {
                expected: "a header row naming the columns source, subject, property, value",
            }));
        }
        let start = record.position().map_or(0, |p| p.byte());
        let end = table.position().byte();
        let header_line = table.get_mut().number(start, end).first;
        let mut columns: Vec<Column> = Vec::with_capacity(record.len());
        let mut unknown: Vec<String> = Vec::new();
        for (k, field) in record.iter().enumerate() {
            let mut field = field;
            if k == 0 {
                field = field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field);
            }
            let text = std::str::from_utf8(field).map_err(|e| {
                Error::new(ErrorKind::NotUtf8 {
                    offset: e.valid_up_to(),
                    byte: field.get(e.valid_up_to()).copied(),
                })
                .with_position(header_line, None)
                .in_field(format!("column {}", k + 1))
            })?;
            // A TSV's column names are unquoted as its cells are
            // (`"source"`, as R's `write.table` and quote-all exports
            // write them).
            let text = if matches!(format, TableFormat::Tsv) {
                unquoted(text.trim())
            } else {
                Cow::Borrowed(text)
            };
            let text = text.trim();
            // A column name never spans lines: a quote opened in the
            // header and never closed took the rows below into this cell.
            if let Some(cut) = text.find(['\n', '\r']) {
                return Err(Error::invalid_value(
                    format!("{:?}…", &text[..cut]),
                    "runs past the end of the header line: a quote opened in it is never closed",
                    "a header of column names on one line, each quote closed",
                )
                .with_position(header_line, None)
                .in_field(format!("column {}", k + 1)));
            }
            match COLUMNS
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(text))
            {
                Some((column_name, column)) => {
                    if columns.contains(column) {
                        return Err(Error::invalid_value(
                            format!("column {column_name:?}"),
                            "is named twice",
                            "each column once",
                        )
                        .with_position(header_line, None));
                    }
                    columns.push(*column);
                }
                None => {
                    unknown.push(format!("{text:?}"));
                    columns.push(Column::Value);
                }
            }
        }
        // A header of one cell that is the column names split by another
        // character (";" in a .csv, as spreadsheets write for locales with
        // a decimal comma): the file's delimiter is not the reader's.
        if let (1, Some(cell)) = (record.len(), record.get(0))
            && let Some(error) = std::str::from_utf8(cell)
                .ok()
                .and_then(|cell| other_delimiter(cell.trim_start_matches('\u{feff}'), format))
        {
            return Err(error.with_position(header_line, None));
        }
        if !unknown.is_empty() {
            // A wide table of other data would name thousands of columns:
            // the first few say enough.
            const NAMED: usize = 8;
            let mut names = unknown[..unknown.len().min(NAMED)].join(", ");
            if unknown.len() > NAMED {
                names.push_str(&format!(" and {} more", unknown.len() - NAMED));
            }
            return Err(Error::invalid_value(
                format!(
                    "{} {}",
                    if unknown.len() == 1 {
                        "column"
                    } else {
                        "columns"
                    },
                    names
                ),
                if unknown.len() == 1 {
                    "is unknown"
                } else {
                    "are unknown"
                },
                COLUMNS_EXPECTED,
            )
            .with_position(header_line, None));
        }
        let missing: Vec<&str> = COLUMNS[..4]
            .iter()
            .filter(|(_, column)| !columns.contains(column))
            .map(|(name, _)| *name)
            .collect();
        if !missing.is_empty() {
            return Err(Error::invalid_value(
                format!(
                    "the header lacks {} {}",
                    if missing.len() == 1 {
                        "column"
                    } else {
                        "columns"
                    },
                    missing.join(", ")
                ),
                "so rows cannot be read",
                COLUMNS_EXPECTED,
            )
            .with_position(header_line, None));
        }
        let find = |wanted: Column| columns.iter().position(|&c| c == wanted);
        let at = |wanted: Column| find(wanted).unwrap_or(0);
        let layout = TableColumns {
            source: at(Column::Source),
            subject: at(Column::Subject),
            property: at(Column::Property),
            value: at(Column::Value),
            date: find(Column::Date),
            speaker: find(Column::Speaker),
            origin: find(Column::Origin),
            occasion: find(Column::Occasion),
            columns,
            unquote: matches!(format, TableFormat::Tsv),
        };

        let mut builder = match &self.header {
            Some(header) => TableBuilder::with_header(header),
            None => TableBuilder::new(),
        };
        let parser = QuantityParser::new(&self.vocabulary);
        let mut claims: Vec<(Claim, u64)> = Vec::new();
        let mut skipped = Loaded::new();
        let mut marks = RowMarks {
            last: header_line,
            line_limit,
            ..RowMarks::default()
        };
        // Reads the next batch of rows into `records`, their first lines
        // into `lines`, and what their reading found into `marks`; true
        // at the end of the input.
        let mut read_batch = |records: &mut Vec<csv::ByteRecord>,
                              lines: &mut Vec<u64>,
                              marks: &mut RowMarks|
         -> Result<bool, Error> {
            lines.clear();
            while lines.len() < batch_lines(marks.last) {
                let k = lines.len();
                if k == records.len() {
                    records.push(csv::ByteRecord::new());
                }
                let record = &mut records[k];
                let read = table.read_byte_record(record).map_err(|e| {
                    too_long(table.get_ref()).unwrap_or_else(|| csv_error(e, marks.last + 1))
                })?;
                if !read {
                    return Ok(true);
                }
                // A line of spaces alone is a blank line, as an empty one
                // is to the csv crate and one of spaces to JSON Lines: no
                // row to read or to count (a table has four columns at
                // least, so it is never a row of one empty cell).
                if record.len() == 1 && record[0].iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let offset = record.position().map_or(0, |p| p.byte());
                let end = table.position().byte();
                let row = table.get_mut().number(offset, end);
                let line = row.first;
                // Marks before this row are let go whatever its span.
                let stray = table.get_mut().stray_close(row.start, end);
                if row.last > row.first {
                    marks.spans.push((row.first, row.last));
                    let swallowed = match stray {
                        Some(at) => Some(Swallowed::ClosedWithText(at)),
                        None => {
                            row_in_cell(record, quoting.then_some(b',')).map(Swallowed::RowInCell)
                        }
                    };
                    // The lines taken in, for a stray row, and for a row
                    // whose quote may never close (known at the end).
                    if quoting && (swallowed.is_some() || table.get_ref().ends_in_quotes()) {
                        let taken = taken_lines(record, b',', row.first, row.last);
                        marks.taken.push((line, taken));
                    }
                    if let Some(swallowed) = swallowed {
                        marks.stray_rows.push((line, swallowed));
                    }
                }
                if end - row.start > line_limit as u64 {
                    marks.long_rows.push((line, end - row.start));
                    record.clear();
                }
                marks.last_row = Some(row);
                if usize::try_from(offset).unwrap_or(usize::MAX) > self.limits.max_input_len() {
                    return Err(Error::new(ErrorKind::Limit {
                        what: "input size in bytes",
                        found: usize::try_from(offset).unwrap_or(usize::MAX),
                        limit: self.limits.max_input_len(),
                    })
                    .with_position(line, None));
                }
                marks.last = line;
                lines.push(line);
            }
            Ok(false)
        };
        let parse =
            row_parser(|record| layout.parse(record, &parser, &self.vocabulary, &self.limits));
        // Gives a batch's parsed rows their entities and sources, in row
        // order, so that ids are those of a row-by-row read.
        let mut keep = |parsed: Vec<Result<ParsedRow<'_>, Error>>,
                        lines: &[u64],
                        marks: &RowMarks| {
            for (row, &line) in parsed.into_iter().zip(lines) {
                let row = marks.refused(line).map_or(row, Err);
                let row = row.map(|mut row| {
                    if let Some(warning) = row.warning.take() {
                        skipped.warn(name, line, warning.to_string());
                    }
                    row
                });
                match row.and_then(|row| builder.claim(row, line)) {
                    Ok(claim) => claims.push((claim, line)),
                    Err(error) => {
                        let mut message = error.to_string();
                        let taken = marks.taken(line);
                        if let Ok(k) = marks.spans.binary_search_by_key(&line, |&(first, _)| first)
                        {
                            let (first, last) = marks.spans[k];
                            message.push_str(&format!(
                                " (the row runs over lines {first}-{last}: a quoted cell holds line breaks"
                            ));
                            // The rows a stray quote took in are lost
                            // with it: each is counted, and listed.
                            if !taken.is_empty() {
                                message.push_str("; ");
                                message.push_str(&taken_said(taken, last - first));
                            }
                            message.push(')');
                        }
                        skipped.skip(name, line, message);
                        for (at, text) in taken {
                            let error = taken_error(text, line, "a stray \" most likely opened it");
                            skipped.skip(name, *at, error.to_string());
                        }
                    }
                }
            }
        };
        // Rows are read a batch at a time; each batch's rows are parsed,
        // then kept in row order. On one core, each batch in turn.
        #[cfg(not(feature = "parallel"))]
        {
            let mut records: Vec<csv::ByteRecord> = Vec::new();
            let mut lines: Vec<u64> = Vec::new();
            loop {
                let end = read_batch(&mut records, &mut lines, &mut marks)?;
                let parsed = records[..lines.len()].iter().map(parse).collect();
                keep(parsed, &lines, &marks);
                if end {
                    break;
                }
            }
        }
        // With `parallel`, a pipeline as the JSON Lines reader's
        // (`claim_lines`): each batch is parsed by a pool thread while
        // this one keeps the batches before it and reads the rows of the
        // batch after it, [`PIPELINE_DEPTH`] batches deep. Parsing each
        // batch on all cores in turn left the cores idle while this
        // thread read and kept, a third of the work at 100k rows. A
        // parsed row leaves its batch's records, which are reused, with
        // its own copy of its names ([`ParsedRow::detached`]).
        #[cfg(feature = "parallel")]
        rayon::in_place_scope(|scope| -> Result<(), Error> {
            use std::collections::VecDeque;
            use std::sync::mpsc::{Receiver, sync_channel};
            type Parsed = Vec<Result<ParsedRow<'static>, Error>>;
            type Done = (Vec<csv::ByteRecord>, Vec<u64>, Parsed);
            let parse = &parse;
            let mut waiting: VecDeque<Receiver<Done>> = VecDeque::new();
            // Batches kept, with their records and lines, for reuse.
            let mut spare: Vec<(Vec<csv::ByteRecord>, Vec<u64>)> = Vec::new();
            loop {
                let (mut records, mut lines) = spare.pop().unwrap_or_default();
                // On an error, the batches in flight are of no use: the
                // scope waits for them, and their results go nowhere.
                let end = read_batch(&mut records, &mut lines, &mut marks)?;
                let (send, receive) = sync_channel(1);
                scope.spawn(move |_| {
                    let parsed: Parsed = records[..lines.len()]
                        .iter()
                        .map(|record| parse(record).map(ParsedRow::detached))
                        .collect();
                    // The receiver is gone only if reading failed.
                    let _ = send.send((records, lines, parsed));
                });
                waiting.push_back(receive);
                // A worker that panicked sends nothing: its batch is not
                // kept, and the scope resumes the panic when it ends.
                while waiting.len() > PIPELINE_DEPTH || (end && !waiting.is_empty()) {
                    if let Some(Some((records, lines, parsed))) =
                        waiting.pop_front().map(|r| crate::pool::wait_for(&r))
                    {
                        keep(parsed, &lines, &marks);
                        if !end {
                            spare.push((records, lines));
                        }
                    }
                }
                if end {
                    return Ok(());
                }
            }
        })?;
        let last_row = marks.last_row;
        // A quote opened in the last row and never closed: `csv` read the
        // rest of the input into its cell, rows and all. Skip the row,
        // naming the lines it swallowed.
        if let Some(row) = last_row
            && table.get_ref().ends_in_quotes()
        {
            if claims.last().is_some_and(|&(_, line)| line == row.first) {
                claims.pop();
            }
            // The row's skip, and those of the lines it took in, if it
            // was skipped as a stray row: said again, as never closed.
            skipped
                .skipped
                .retain(|(line, _)| !(row.first..=row.last).contains(line));
            let taken: Vec<(u64, String)> = match marks
                .taken
                .binary_search_by_key(&row.first, |(first, _)| *first)
            {
                Ok(k) => std::mem::take(&mut marks.taken[k].1),
                Err(_) => (row.first + 1..=row.last)
                    .map(|line| (line, String::new()))
                    .collect(),
            };
            skipped.skip(
                name,
                row.first,
                if row.last > row.first {
                    let mut read = format!(
                        "a quoted cell opened in this row is never closed, so lines {}-{} were read as one row",
                        row.first, row.last
                    );
                    if !taken.is_empty() {
                        read.push_str(", and ");
                        read.push_str(&taken_said(&taken, row.last - row.first));
                    }
                    format!("{read}; expected a closing \" before the end of the input")
                } else {
                    "a quoted cell opened in this row is never closed; expected a closing \" before the end of the input".to_string()
                },
            );
            for (at, text) in taken {
                let error = taken_error(&text, row.first, "which is never closed");
                skipped.skip(name, at, error.to_string());
            }
        }
        let source_renames = builder.settle_sources()?;
        builder.settle_ids(&mut claims, &source_renames)?;
        // Only a publication that a row names as its origin can be
        // relayed through: most tables have none.
        let cited: FastSet<&str> = (0..builder.sources.len())
            .filter(|&k| builder.published[k] && builder.cited[k])
            .map(|k| builder.sources[k].id.as_str())
            .collect();
        if !cited.is_empty() {
            // The subjects as name resolution merges them whatever the
            // policy's threshold: by one key, or one key but for spaces
            // ("run-off", "runoff"), as declared aliases and kinds allow
            // (twentieth audit, G5). Merges by similarity alone wait for
            // the analysis, whose threshold the reader does not know.
            let resolution = crate::resolve::Resolution::new(
                &builder.entities,
                crate::policy::Similarity::clamped(1.0),
            );
            let stopped = link_relays(
                &mut claims,
                &cited,
                &resolution,
                self.limits.max_chain_depth(),
            );
            for (k, links) in stopped {
                let (claim, line) = &claims[k];
                let chain = &claim.assertion.chain;
                let last = chain.last().map_or("", |id| id.as_str());
                skipped.warn(
                    name,
                    *line,
                    format!(
                        "field origin: following the origin cells from {last} would make a chain of {links} links, over the limit of {}; the chain built so far stops there (raise the limit, or give the origin itself)",
                        self.limits.max_chain_depth()
                    ),
                );
            }
        }
        let side = self.header.as_deref();
        let header = Header::new(
            side.and_then(Corpus::title).map(str::to_string),
            side.and_then(Corpus::description).map(str::to_string),
            builder.entities,
            builder.sources,
            HashMap::default(),
            &self.limits,
        )?;
        let mut loaded = Loaded::new();
        loaded.skipped = skipped.skipped;
        loaded.warnings = skipped.warnings;
        loaded.claims.reserve(claims.len());
        // Each claim is checked against the header on all cores with
        // `parallel`, then kept in row order.
        let limits = &self.limits;
        let check = |(claim, _): &mut (Claim, u64)| header.check_claim(claim, None, limits);
        #[cfg(feature = "parallel")]
        let checked: Vec<Result<(), Error>> = {
            use rayon::prelude::*;
            claims.par_iter_mut().map(check).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let checked: Vec<Result<(), Error>> = claims.iter_mut().map(check).collect();
        for ((claim, line), checked) in claims.into_iter().zip(checked) {
            loaded.keep_sharing(claim, checked, line, name);
        }
        Ok(loaded.finish(header, name))
    }
}

/// A date as the corpus format writes it (ISO 8601: `2014-10`,
/// `2016/2018`), or else as news prints it ("August 26, 2021"). Relative
/// dates ("on Tuesday") have nothing to resolve against and fail.
fn read_date(text: &str) -> Result<Period, Error> {
    // A spreadsheet's or a database's timestamp, to the second or with a
    // space for the "T": the minute it falls in (periods are read to the
    // minute).
    if let Some(minute) = timestamp_minute(text) {
        let minute = minute.map_err(|seconds| {
            Error::invalid_value(
                format!("{:?}", text.trim()),
                format!("has {seconds} seconds"),
                "a second from 00 to 59",
            )
        })?;
        return minute.parse::<Period>().map_err(|_| {
            Error::invalid_value(
                format!("{:?}", text.trim()),
                "is not a date and time that exists",
                "a date and time such as 2021-08-26T16:11 or 2021-08-26 16:11:00",
            )
        });
    }
    if let Some(read) = crate::period::iso_week_or_ordinal(text) {
        return read;
    }
    match text.parse::<Period>() {
        Ok(period) => Ok(period),
        Err(iso) => parse_date(text, None).or_else(|english| {
            if let Some(told) = told_slashed_date(text) {
                return told.map_err(|(problem, expected)| {
                    Error::invalid_value(format!("{:?}", text.trim()), problem, expected)
                });
            }
            // A cell written the ISO way ("2025-13-01", "2025-03-11T00:12Z")
            // is told what is wrong with it as ISO 8601.
            Err(if iso_shaped(text) {
                iso
            } else if slashed_date(text) {
                Error::invalid_value(
                    format!("{:?}", text.trim()),
                    "is a date with its day and month in an order that cannot be told (neither number is above 12)",
                    "an ISO 8601 date such as 2025-03-04, or one with the month named, \"4 March 2025\"",
                )
            } else {
                english
            })
        }),
    }
}

/// A date and time as spreadsheets and databases export it, to the
/// second ("2025-03-04T14:00:00", with any fraction of a second) or with a
/// space for the "T" ("2025-03-04 14:00", "2025-03-04 14:00:00"), as the
/// ISO 8601 minute it falls in, "2025-03-04T14:00"; its seconds, as
/// written, when they are 60 or more. `None` for any other text, the
/// plain ISO minute among them, which is read as it is.
fn timestamp_minute(text: &str) -> Option<Result<String, &str>> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    let minute = bytes.len() >= 16
        && matches!(bytes[10], b'T' | b' ')
        && bytes[13] == b':'
        && digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10)
        && digits(11..13)
        && digits(14..16);
    // Seconds, then perhaps a fraction.
    let (rest, seconds_ok) = match bytes.get(16..)? {
        [] => (bytes[10] == b' ', true),
        [b':', s1, s2, fraction @ ..] => (
            s1.is_ascii_digit()
                && s2.is_ascii_digit()
                && match fraction {
                    [] => true,
                    [b'.', rest @ ..] => !rest.is_empty() && rest.iter().all(u8::is_ascii_digit),
                    _ => false,
                },
            *s1 < b'6',
        ),
        _ => (false, true),
    };
    if !(minute && rest) {
        return None;
    }
    Some(if seconds_ok {
        Ok(format!("{}T{}", &text[..10], &text[11..16]))
    } else {
        Err(&text[17..19])
    })
}

/// A date written with slashes whose numbers tell its order: a day above
/// 12 cannot be a month, so "15/05/2025" and "5/15/2025" are both 15 May
/// 2025. "3/4/2025" tells nothing and is refused (`None`); "31/02/2025"
/// tells its order but is no date, "13/13/2025" has no month, and
/// "15/05/25" a year of no century (errors saying so).
fn told_slashed_date(text: &str) -> Option<Result<Period, (String, &'static str)>> {
    let [a, b, year] = slashed_parts(text)?;
    let two_digit_year = year.len() == 2;
    let (a, b, year): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, year.parse().ok()?);
    let (day, month) = match (a > 12, b > 12) {
        (true, true) => {
            return Some(Err((
                "has no month: both numbers are above 12".into(),
                "a day and a month of 12 or less",
            )));
        }
        (false, false) => return None,
        (true, false) => (a, b),
        (false, true) => (b, a),
    };
    if two_digit_year {
        return Some(Err((
            format!("has a two-digit year, {year:02}, which could be of any century"),
            "a four-digit year, \"15/05/2025\"",
        )));
    }
    Some(Period::day(year, month, day).map_err(|_| {
        (
            format!("would be day {day} of month {month}, {year}, which that month does not have"),
            "a day that its month has",
        )
    }))
}

/// Whether a cell is a date written with slashes, day and month first in
/// an order the cell does not tell ("3/4/2025", "03/04/25").
fn slashed_date(text: &str) -> bool {
    slashed_parts(text).is_some()
}

/// The three numbers of a date written with slashes, or with dots as
/// much of Europe writes it ("26.08.2021"), as written: one or two
/// digits, one or two, then two or four ("3/4/2025", "03/04/25"). The
/// two separators are read alike: by the numbers, never by a guess at the
/// writer's country.
fn slashed_parts(text: &str) -> Option<[&str; 3]> {
    let text = text.trim();
    let separator = if text.contains('/') { '/' } else { '.' };
    let mut parts = text.split(separator);
    let mut out = [""; 3];
    for part in &mut out {
        *part = parts
            .next()
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))?;
    }
    (parts.next().is_none()
        && out[0].len() <= 2
        && out[1].len() <= 2
        && matches!(out[2].len(), 2 | 4))
    .then_some(out)
}

/// Whether a cell is written the ISO 8601 way: four digits, then "-", "/"
/// or "T" ("2025-13-01", "2025-03-11T00:12Z").
fn iso_shaped(text: &str) -> bool {
    let bytes = text.trim().as_bytes();
    bytes.len() > 4
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && matches!(bytes[4], b'-' | b'/' | b'T')
        // Only the characters ISO 8601 writes: "1984-style" is text.
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || b"-/T:+Z.".contains(b))
}

/// Whether a cell is a number and nothing else: digits, of any script,
/// with only the signs, separators and marks numbers are written with
/// ("1,000,000,001", "-5", "−5" with U+2212, "12.5%", "3/4", "٣٠٠"),
/// Arabic script's own among them (the decimal separator U+066B, the
/// thousands separator U+066C and the percent sign U+066A: "٥٫٥",
/// "٥٬٣٠٠", "٥٪"), and perhaps control characters a broken export left
/// ("300\0"). Such a cell that reads as no quantity or date, nor as a
/// clock time on the row's date ("17:00"), is a number written wrong, and is skipped with the reason ([`unreadable_number`]),
/// never kept as text to compare.
fn numeric_shaped(text: &str) -> bool {
    text.chars().any(char::is_numeric)
        && text.chars().all(|c| {
            c.is_numeric()
                || c.is_whitespace()
                || c.is_control()
                || ",.-+/:%–—−\u{066A}\u{066B}\u{066C}".contains(c)
        })
}

/// Why a cell of digits and number signs (see [`numeric_shaped`]) reads
/// as no quantity: a control character in it, or a digit that is not
/// ASCII (Arabic-Indic "٣٠٠", a superscript "²"), which the parser does
/// not read and which no conversion here would read for sure; else what
/// the quantity parser said.
fn unreadable_number(text: &str, not_quantity: Error) -> Error {
    let trimmed = text.trim();
    if let Some((at, c)) = trimmed.char_indices().find(|&(_, c)| c.is_control()) {
        return Error::invalid_value(
            format!("{trimmed:?}"),
            format!(
                "has the control character U+{:04X} at byte {at}",
                u32::from(c)
            ),
            "a number without control characters",
        );
    }
    if let Some(c) = trimmed
        .chars()
        .find(|c| c.is_numeric() && !c.is_ascii_digit())
    {
        return Error::invalid_value(
            format!("{trimmed:?}"),
            format!(
                "has {c:?} (U+{:04X}), a numeral that is not an ASCII digit",
                u32::from(c)
            ),
            "the number in ASCII digits, 0 to 9",
        );
    }
    // "25:00", "17:75": written as a clock time, which a cell of a
    // time reads ("17:00"), but no time of day.
    if let Some((hour, minute)) = trimmed.split_once(':')
        && (1..=2).contains(&hour.len())
        && minute.len() == 2
        && format!("{hour}{minute}")
            .bytes()
            .all(|b| b.is_ascii_digit())
    {
        return Error::invalid_value(
            format!("{trimmed:?}"),
            "is written as a clock time, but is no time of day",
            "a time from 00:00 to 23:59 (read on the row's date), or a number",
        );
    }
    not_quantity
}

/// `text` with its fullwidth forms (U+FF01 to U+FF5E: "３００", "１，５００",
/// "－５") as the ASCII characters they are compatibility forms of, and
/// the ideographic space (U+3000) as a space, as Unicode's NFKC maps
/// them: East Asian text writes numbers so, and they are no other
/// number. Borrowed, with no allocation, when the text has none.
fn fullwidth_as_ascii(text: &str) -> std::borrow::Cow<'_, str> {
    let fullwidth = |c: char| matches!(c, '\u{ff01}'..='\u{ff5e}' | '\u{3000}');
    if !text.chars().any(fullwidth) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            c if fullwidth(c) => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .into()
}

/// `text` with each line break in it (`\n`, `\r\n` or `\r`) as one space.
/// A spreadsheet wraps a long cell with a line break (Alt+Enter), and
/// the CSV's quoting carries it into the file: between the words of a
/// value it is white space ("about⏎2,000" is "about 2,000"), where the
/// quantity parser, made for running text, reads a line break as the
/// end of a line that a figure does not cross. Borrowed, with no
/// allocation, when the text has none.
fn line_breaks_as_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push(' ');
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out.into()
}

/// `text` without a full stop that ends it as a sentence would ("300
/// fighters.", "about 300.", "August 26, 2021."): a cell typed as prose.
/// Kept where it ends an abbreviation written with stops ("5 p.m.",
/// "U.S."), or where a stop comes before it ("300.."), whose reading
/// is then refused as before.
fn without_final_full_stop(text: &str) -> &str {
    let trimmed = text.trim_end();
    let Some(rest) = trimmed.strip_suffix('.') else {
        return text;
    };
    let last_word = rest.rsplit(char::is_whitespace).next().unwrap_or_default();
    let dotted_abbreviation =
        last_word.contains('.') && last_word.chars().all(|c| c.is_alphabetic() || c == '.');
    if rest.ends_with(['.', ' ']) || rest.is_empty() || dotted_abbreviation {
        text
    } else {
        rest
    }
}

/// A required cell, trimmed: refused, naming its column (`field`) and
/// what it should hold (`expected`), when it is empty, holds only
/// characters that show nothing (a zero-width space left by a copy and
/// paste: the same as empty to a reader), or is over the length limit.
/// What spreadsheets, data frames and databases write in a cell that has
/// no value, compared without case: a dash, "N/A", "NaN", "null", "inf",
/// "#VALUE!" and the other spreadsheet errors. A required cell holding
/// one is missing (its row is skipped, with the reason); an optional one
/// (`date`, `speaker`, `origin`, `occasion`) is empty. "None" and "0" are not here:
/// they can be answers, and nor is "NA", which is also Namibia.
const MISSING_MARKERS: &[&str] = &[
    "-",
    "--",
    "–",
    "—",
    "?",
    "n/a",
    "n.a.",
    "nan",
    "null",
    "nil",
    "undefined",
    "inf",
    "-inf",
    "+inf",
    "infinity",
    "#n/a",
    "#value!",
    "#div/0!",
    "#ref!",
    "#num!",
    "#name?",
    "#null!",
];

/// Whether a trimmed cell is one of [`MISSING_MARKERS`].
fn is_missing_marker(text: &str) -> bool {
    text.len() <= 9
        && MISSING_MARKERS
            .iter()
            .any(|marker| marker.eq_ignore_ascii_case(text))
}

fn required_field<'a>(
    cell: Cow<'a, str>,
    field: &'static str,
    expected: &str,
    limits: &Limits,
) -> Result<Cow<'a, str>, Error> {
    let text = trimmed(cell.clone());
    if text.is_empty() {
        return Err(
            Error::invalid_value(format!("{cell:?}"), "is empty", expected).in_field(field),
        );
    }
    if is_missing_marker(&text) {
        return Err(Error::invalid_value(
            format!("{cell:?}"),
            "marks a missing value, as a spreadsheet or a data frame writes an empty cell",
            expected,
        )
        .in_field(field));
    }
    // Trimmed of spaces, a cell that shows nothing opens with an
    // invisible character: most cells are told apart by their first.
    if text.starts_with(crate::resolve::is_invisible)
        && text.chars().all(crate::resolve::shows_nothing)
    {
        return Err(Error::invalid_value(
            format!("{cell:?}"),
            "holds only characters that show nothing",
            if expected.is_empty() {
                "some text"
            } else {
                expected
            },
        )
        .in_field(field));
    }
    if text.len() > limits.max_text_len() {
        return Err(Error::new(ErrorKind::Limit {
            what: "text length in bytes",
            found: text.len(),
            limit: limits.max_text_len(),
        })
        .in_field(field));
    }
    Ok(text)
}

/// Refuses a folder where a stream reader reads a file: opening one
/// succeeds on Unix, and reading it then fails at "line 1" with the
/// system's words (seventeenth audit, D8).
fn refuse_folder(path: &Path, expected: &str) -> Result<(), Error> {
    if path.is_dir() {
        return Err(Error::invalid_value("the path", "is a folder", expected).with_file(path));
    }
    Ok(())
}

/// The first id of `line` that `side` declares too: the id, its index in
/// `line` and its index in `side`.
fn declared_in_both<'s>(
    side: impl Iterator<Item = &'s str>,
    line: impl Iterator<Item = &'s str>,
) -> Option<(String, usize, usize)> {
    let at: HashMap<&str, usize> = side.enumerate().map(|(k, id)| (id, k)).collect();
    line.enumerate()
        .find_map(|(index, id)| Some((id.to_string(), index, *at.get(id)?)))
}

/// What the first line of a JSON Lines file should be, when it is a claim
/// or an object without the format tag (the tag is [`JSONL_FORMAT`]).
const HEADER_FIRST: &str = concat!(
    "a header line with format \"corroborate-jsonl/1\" (and the entities and sources) first, ",
    "or a side header (StreamReader::with_header; --header FILE in the example)"
);

/// What a JSON Lines header line should be, for its errors.
const HEADER_EXPECTED: &str = r#"the header as one JSON object on one line, its keys and strings in double quotes, such as {"format": "corroborate-jsonl/1", "entities": […], "sources": […]}"#;

/// The error for a header line that does not read as its JSON object, at
/// `line`, in the field at `path`: a field's own error (an unknown field,
/// a wrong type) as serde_json words it; malformed JSON ("{format: …}")
/// and a line cut short with what a header is, in the field where
/// reading stopped (`header` when that is not in a field).
fn header_json_error(path: String, e: serde_json::Error, line: u64) -> Error {
    use serde_json::error::Category;
    let column = e.column() as u64;
    // serde_path_to_error writes `?` for a place it cannot name.
    let mut path = path.as_str();
    while let Some(rest) = path.strip_suffix('?') {
        path = rest.strip_suffix('.').unwrap_or(rest);
    }
    let field = if path.is_empty() { "header" } else { path };
    let kind = match e.classify() {
        Category::Syntax => {
            let mut message = e.to_string();
            if let Some(at) = message.rfind(" at line ") {
                message.truncate(at);
            }
            let problem = match message.as_str() {
                "key must be a string" => "a key is not a string in double quotes",
                "expected value" | "expected ident" => "a value is not JSON",
                other => other,
            };
            ErrorKind::Syntax {
                message: format!("malformed JSON: {problem}; expected {HEADER_EXPECTED}"),
            }
        }
        Category::Eof if e.line() > 0 => ErrorKind::Syntax {
            message: format!(
                "the line ends {} (cut short?); expected {HEADER_EXPECTED}",
                crate::corpus::where_input_ends(&e.to_string())
            ),
        },
        _ => {
            return at_field(
                Error::new(json_error_kind(&e)).with_position(line, Some(column)),
                path.to_string(),
            );
        }
    };
    Error::new(kind)
        .with_position(line, Some(column))
        .in_field(field)
}

fn at_field(error: Error, path: String) -> Error {
    if path.is_empty() || path == "." {
        error
    } else {
        error.in_field(path)
    }
}

/// With the `parallel` feature, a long header line read on all cores
/// (see the module `stream::wide_header`); `None` when serde_json is to
/// read it whole.
fn read_wide_header(body: &str) -> Option<JsonlHeader> {
    #[cfg(feature = "parallel")]
    if body.len() >= wide_header::SPLIT_FROM {
        return wide_header::read(body);
    }
    let _ = body;
    None
}

fn check_format(format: &str, line: u64) -> Result<(), Error> {
    if format != JSONL_FORMAT {
        return Err(Error::invalid_value(
            format!("{format:?}"),
            "is not a format this version reads",
            format!("{JSONL_FORMAT:?} on the first line"),
        )
        .in_field("format")
        .with_position(line, None));
    }
    Ok(())
}

/// One claim line. Parsed without path tracking first (the common case
/// is a good line); a bad line is parsed again to name the field, and
/// once more for its id alone, so that the error names the claim when the
/// line gives a valid id.
/// What makes a line that is not a claim's JSON unreadable, when it is
/// something a reader cannot see: a line of only spaces that are not
/// ASCII (a no-break space), a claim behind characters that show nothing
/// or a byte-order mark (named with the claim's id), or carriage returns
/// that end lines without a line feed (a file from a classic Mac
/// editor, read as one line). `None` for any other line.
fn odd_line(text: &str) -> Option<Error> {
    let name = |c: char| match c {
        '\u{feff}' => "U+FEFF, a byte-order mark".to_string(),
        '\u{a0}' => "U+00A0, a no-break space".to_string(),
        c => format!("U+{:04X}", u32::from(c)),
    };
    let odd = |c: char| !c.is_ascii_whitespace() && crate::resolve::shows_nothing(c);
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().all(crate::resolve::shows_nothing) {
        let first = trimmed.chars().find(|&c| odd(c))?;
        return Some(Error::invalid_value(
            format!("{:?}", text.trim_end_matches(['\n', '\r'])),
            format!("is blank but for {}", name(first)),
            "a claim object, or a blank line of spaces and tabs only",
        ));
    }
    if let Some(first) = trimmed.chars().next().filter(|&c| odd(c)) {
        let rest = trimmed.trim_start_matches(odd);
        let error = Error::invalid_value(
            "the line",
            format!("starts with {} before its claim", name(first)),
            "one claim object per line, with nothing before its `{`",
        );
        return Some(match serde_json::from_str::<Claim>(rest) {
            Ok(claim) => error.in_claim(&claim.id),
            Err(_) => error,
        });
    }
    // A `\r` that ends the text, as a last line may, is let be.
    let lone_return = text
        .as_bytes()
        .windows(2)
        .position(|pair| pair[0] == b'\r' && pair[1] != b'\n');
    lone_return.map(|at| {
        Error::invalid_value(
            format!("a carriage return (\\r) at byte {at} of the line"),
            "is not followed by a line feed: lines that end in \\r alone are read as one line",
            "lines that end in \\n or \\r\\n",
        )
    })
}

fn parse_claim(text: &str) -> Result<Claim, Error> {
    if let Some(claim) = quick::claim(text) {
        return Ok(claim);
    }
    let plain = match serde_json::from_str::<Claim>(text) {
        Ok(claim) => return Ok(claim),
        Err(plain) => plain,
    };
    /// A claim line's id, whatever else the line holds.
    #[derive(Deserialize)]
    struct IdOf {
        id: ClaimId,
    }
    // A line cut short is no whole object: its id is read where it
    // opens the line (`{"id": "a5", …`), as the first value after it.
    let leading_id = || -> Option<ClaimId> {
        let rest = text.trim_start().strip_prefix('{')?.trim_start();
        let rest = rest.strip_prefix("\"id\"")?.trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        let id = serde_json::Deserializer::from_str(rest)
            .into_iter::<String>()
            .next()?
            .ok()?;
        ClaimId::new(&id).ok()
    };
    let named = |error: Error| match serde_json::from_str::<IdOf>(text) {
        Ok(IdOf { id }) => error.in_claim(&id),
        Err(_) => match leading_id() {
            Some(id) => error.in_claim(&id),
            None => error,
        },
    };
    if let Some(error) = odd_line(text) {
        return Err(error);
    }
    // A header line after the first, as two files joined with `cat`
    // give: said so, not as a claim with an unknown field `format`
    // (seventeenth audit, D8). No claim has that field.
    #[derive(Deserialize)]
    struct FormatOf {
        format: String,
    }
    if let Ok(FormatOf { format }) = serde_json::from_str::<FormatOf>(text) {
        return Err(Error::invalid_value(
            format!("a line with format {format:?}"),
            "is a second header line (two files joined into one?); its entities and sources are not read",
            "one header line, the first, then claim lines: the files' entities and sources in one header",
        )
        .in_field("format"));
    }
    // Read without its line break: a line cut short inside a string
    // ends there, where serde_json would read the break as a control
    // character in the string.
    let body = text.trim_end_matches(['\n', '\r']);
    let mut de = serde_json::Deserializer::from_str(body);
    let (path, inner) = match serde_path_to_error::deserialize::<_, Claim>(&mut de) {
        Ok(_) => (String::new(), plain),
        Err(e) => (e.path().to_string(), e.into_inner()),
    };
    let path = if path == "?" { String::new() } else { path };
    if inner.classify() == serde_json::error::Category::Eof {
        return Err(named(at_field(
            Error::new(ErrorKind::Syntax {
                message: format!(
                    "the line ends {} (cut short?); expected one whole claim object per line",
                    crate::corpus::where_input_ends(&inner.to_string())
                ),
            }),
            path,
        )));
    }
    // The corpus reader's wording (values named, serde's types in the
    // crate's words), with the column in the line; the caller gives the
    // line.
    let expected = r#"one claim object per line, such as {"id": "c1", "subject": …, "property": …, "value": …, "assertion": …}"#;
    Err(named(
        crate::corpus::json_error(text, path, inner, expected).without_line(),
    ))
}

/// Where reading a line by hand has got to: the steps over JSON's
/// whitespace and punctuation that the claim line reader's fast path
/// ([`quick`]) and the header line's splitter (`wide_header`) share.
/// Each adds its own readings in an `impl` of its own.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    /// The next byte, if any.
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips JSON's whitespace: space, tab, line feed, carriage return.
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.at += 1;
        }
    }

    /// The next byte after any whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.byte()
    }

    /// Consumes `expected` after any whitespace, or fails.
    fn eat(&mut self, expected: u8) -> Option<()> {
        if self.peek()? != expected {
            return None;
        }
        self.at += 1;
        Some(())
    }
}

#[cfg(any(test, feature = "parallel"))]
mod wide_header;

/// The claim line reader's fast path: a line in the shape writers give
/// most often, read by hand, where serde_json's derived readers spent
/// about 6,900 instructions a claim (a tenth of them finding where each
/// string ends, the rest in the machinery between the parser and the
/// fields).
///
/// [`claim`](quick::claim) gives the claim serde_json would give, or `None` whenever the
/// line is anything it does not read by itself: a string with an escape
/// or a control character, a `null`, a number outside a quantity, an
/// unknown or repeated key, a missing field, a bad id or date, anything
/// after the object. The caller then reads the line with serde_json, which
/// gives the claim or the error it always gave. Each value is made by the
/// function serde's readers call ([`ClaimId::read`], [`Period`]'s
/// `FromStr`, [`crate::id::shared_text`], [`crate::id::gather_links`], a
/// quantity's `TryFrom<RawQuantity>` when its numbers are counts), and
/// other quantities, quotes, modalities and evidence are read by
/// serde_json itself from where they start in the line, so the values are
/// the same whichever path reads them (the property tests
/// `quick_claims_are_serde_claims` and
/// `quantities_read_by_hand_are_serde_quantities` hold the two to that).
mod quick {
    use std::sync::Arc;

    use serde::Deserialize;

    use crate::id::{ClaimId, EntityId, Property, SourceId};
    use crate::model::{Assertion, Chain, Claim, Scope, Statement, Value};
    use crate::quantity::{Quantity, RawQuantity};

    use super::Cursor;

    impl<'a> Cursor<'a> {
        /// A string, as the line holds it; `None` for any other value.
        /// (The line has no backslash or control character, see
        /// [`claim`], so a string ends at the next quote.)
        fn string(&mut self) -> Option<&'a str> {
            self.eat(b'"')?;
            let start = self.at;
            let len = quote_in(self.text.as_bytes().get(start..)?)?;
            self.at = start + len + 1;
            // Both ends are at ASCII quotes, so on character boundaries.
            self.text.get(start..start + len)
        }

        /// An object, each member's key handed to `member` to read its
        /// value; fails when `member` fails or the object is malformed.
        fn object(
            &mut self,
            mut member: impl FnMut(&mut Self, &'a str) -> Option<()>,
        ) -> Option<()> {
            self.eat(b'{')?;
            if self.peek()? == b'}' {
                self.at += 1;
                return Some(());
            }
            loop {
                let key = self.string()?;
                self.eat(b':')?;
                member(self, key)?;
                match self.peek()? {
                    b',' => self.at += 1,
                    b'}' => {
                        self.at += 1;
                        return Some(());
                    }
                    _ => return None,
                }
            }
        }

        /// A value read by serde_json from where it starts in the line:
        /// an object, which ends itself, so that serde_json reads no
        /// further than it.
        fn serde<T: Deserialize<'a>>(&mut self) -> Option<T> {
            if self.peek()? != b'{' {
                return None;
            }
            let rest = self.text.get(self.at..)?;
            let mut values = serde_json::Deserializer::from_str(rest).into_iter::<T>();
            let value = values.next()?.ok()?;
            self.at += values.byte_offset();
            Some(value)
        }

        /// A count: a number written as a whole number, `1500`, or with
        /// only zeros after its point, `1500.0` (as the crate's own
        /// writers write whole floats), fifteen digits at most; `None`
        /// for any other number (a sign, other decimals, an exponent, a
        /// leading zero), which serde_json reads. A count is a whole
        /// number below 2^53, which `as f64` gives exactly, as serde_json
        /// does (its significand of at most fifteen digits divided by an
        /// exact power of ten, the division exact), so both read it to
        /// the same float.
        fn count(&mut self) -> Option<f64> {
            self.skip_space();
            let bytes = self.text.as_bytes();
            let start = self.at;
            let mut n: u64 = 0;
            while let Some(&digit @ b'0'..=b'9') = bytes.get(self.at) {
                if self.at - start == 15 {
                    return None;
                }
                n = n * 10 + u64::from(digit - b'0');
                self.at += 1;
            }
            let whole = self.at - start;
            if whole == 0 || (whole > 1 && bytes[start] == b'0') {
                return None;
            }
            if bytes.get(self.at) == Some(&b'.') {
                self.at += 1;
                let zeros = self.at;
                while bytes.get(self.at) == Some(&b'0') {
                    self.at += 1;
                }
                if self.at == zeros || self.at - start - 1 > 15 {
                    return None;
                }
            }
            match bytes.get(self.at) {
                Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') => None,
                _ => Some(n as f64),
            }
        }

        /// A unit variant of an enum (a status, a polarity) named by a
        /// string, read by the enum's own deserializer.
        fn variant<T: Deserialize<'a>>(&mut self) -> Option<T> {
            let name = self.string()?;
            T::deserialize(serde::de::value::BorrowedStrDeserializer::<
                serde::de::value::Error,
            >::new(name))
            .ok()
        }
    }

    /// Where the first `"` in `bytes` is, looked for eight bytes at a
    /// time (most strings of a claim line are a few bytes, keys and ids,
    /// where `memchr`'s set-up cost more than the search, and a byte at a
    /// time cost more again over quotes).
    fn quote_in(bytes: &[u8]) -> Option<usize> {
        const ONES: u64 = u64::MAX / 255;
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0;
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            // Zero where a byte is a quote; the lowest byte marked below
            // is the first zero (a borrow marks only bytes above it).
            let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b'"'));
            let zero = x.wrapping_sub(ONES) & !x & (ONES << 7);
            if zero != 0 {
                return Some(at + (zero.trailing_zeros() / 8) as usize);
            }
            at += 8;
        }
        let tail = chunks.remainder().iter().position(|&b| b == b'"')?;
        Some(at + tail)
    }

    /// Fills an empty `slot`; fails on a key given twice.
    fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
        if slot.is_some() {
            return None;
        }
        *slot = Some(value);
        Some(())
    }

    /// The claim on `text`, when the fast path reads it; see the module.
    pub(super) fn claim(text: &str) -> Option<Claim> {
        // A line with an escape or a control character (but its line
        // break) is left to serde_json: without them, every string ends
        // at its next quote, and is the text serde_json would give.
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        let odd = |b: u8| b < 0x20 || b == b'\\';
        // A fold, not `any`: with no early exit, the loop is vectorized.
        if text.bytes().fold(false, |seen, b| seen | odd(b)) {
            return None;
        }
        let mut c = Cursor { text, at: 0 };
        let (mut id, mut subject, mut property, mut value) = (None, None, None, None);
        let (mut scope, mut assertion, mut corrects, mut note) = (None, None, None, None);
        c.object(|c, key| match key {
            "id" => set(&mut id, ClaimId::read(c.string()?).ok()?),
            "subject" => set(&mut subject, EntityId::read(c.string()?).ok()?),
            "property" => set(&mut property, Property::read(c.string()?).ok()?),
            "value" => set(&mut value, read_value(c)?),
            "scope" => set(&mut scope, read_scope(c)?),
            "assertion" => set(&mut assertion, read_assertion(c)?),
            "corrects" => set(&mut corrects, ClaimId::read(c.string()?).ok()?),
            "note" => set(&mut note, c.string()?.to_owned()),
            _ => None,
        })?;
        c.skip_space();
        if c.at != text.len() {
            return None;
        }
        Some(Claim {
            id: id?,
            subject: subject?,
            property: property?,
            value: value?,
            scope: scope.unwrap_or_default(),
            assertion: assertion?,
            corrects,
            note,
        })
    }

    /// A value: an object of one key, its kind.
    fn read_value(c: &mut Cursor<'_>) -> Option<Value> {
        let mut value = None;
        c.object(|c, key| {
            let read = match key {
                "quantity" => Value::Quantity(read_quantity(c)?),
                "date" => Value::Date(c.string()?.parse().ok()?),
                "quote" => Value::Quote(c.serde()?),
                "statement" => Value::Statement(read_statement(c)?),
                "text" => Value::Text(c.string()?.to_owned()),
                _ => return None,
            };
            set(&mut value, read)
        })?;
        value
    }

    /// A quantity: read by hand when it is a flat object whose numbers
    /// are counts (see [`Cursor::count`]) and whose strings are plain,
    /// and by serde_json from where it starts otherwise. Either way the
    /// fields go through `Quantity`'s own `TryFrom<RawQuantity>`, so a
    /// quantity read by hand is the one serde_json reads.
    fn read_quantity(c: &mut Cursor<'_>) -> Option<Quantity> {
        let start = c.at;
        if let Some(quantity) = quantity_by_hand(c) {
            return Some(quantity);
        }
        c.at = start;
        c.serde()
    }

    /// A quantity's fields read by hand, or `None` for any other shape (a
    /// number that is not a count, a `null`, an unknown or repeated key)
    /// or a quantity its checks refuse.
    fn quantity_by_hand(c: &mut Cursor<'_>) -> Option<Quantity> {
        let mut raw = RawQuantity::default();
        c.object(|c, key| match key {
            "exact" => set(&mut raw.exact, c.count()?),
            "range" => {
                c.eat(b'[')?;
                let min = c.count()?;
                c.eat(b',')?;
                let max = c.count()?;
                c.eat(b']')?;
                set(&mut raw.range, [min, max])
            }
            "at_least" => set(&mut raw.at_least, c.count()?),
            "more_than" => set(&mut raw.more_than, c.count()?),
            "at_most" => set(&mut raw.at_most, c.count()?),
            "fewer_than" => set(&mut raw.fewer_than, c.count()?),
            "approximately" => set(&mut raw.approximately, c.count()?),
            "qualifier" => set(&mut raw.qualifier, c.string()?.to_owned()),
            "vague" => set(&mut raw.vague, c.string()?.to_owned()),
            "unit" => set(&mut raw.unit, shared(c)?),
            "best" => set(&mut raw.best, c.count()?),
            "low" => set(&mut raw.low, c.count()?),
            "high" => set(&mut raw.high, c.count()?),
            "rounded_to" => set(&mut raw.rounded_to, c.count()?),
            "phrase" => set(&mut raw.phrase, c.string()?.to_owned()),
            _ => None,
        })?;
        Quantity::try_from(raw).ok()
    }

    /// A statement: its object, and its polarity if given.
    fn read_statement(c: &mut Cursor<'_>) -> Option<Statement> {
        let (mut object, mut polarity) = (None, None);
        c.object(|c, key| match key {
            "object" => set(&mut object, EntityId::read(c.string()?).ok()?),
            "polarity" => set(&mut polarity, c.variant()?),
            _ => None,
        })?;
        Some(Statement {
            object: object?,
            polarity: polarity.unwrap_or_default(),
        })
    }

    /// A scope: each of its fields optional.
    fn read_scope(c: &mut Cursor<'_>) -> Option<Scope> {
        let (mut time, mut population, mut status, mut horizon) = (None, None, None, None);
        c.object(|c, key| match key {
            "time" => set(&mut time, c.string()?.parse().ok()?),
            "population" => set(&mut population, shared(c)?),
            "status" => set(&mut status, c.variant()?),
            "horizon" => set(&mut horizon, shared(c)?),
            _ => None,
        })?;
        Some(Scope {
            time,
            population,
            status: status.unwrap_or_default(),
            horizon,
        })
    }

    /// A shared text (a verb, a population, a horizon), as
    /// `deserialize_shared_text` reads it from a string.
    fn shared(c: &mut Cursor<'_>) -> Option<Arc<str>> {
        Some(crate::id::shared_text(c.string()?))
    }

    /// An assertion: its chain, and its other fields if given.
    fn read_assertion(c: &mut Cursor<'_>) -> Option<Assertion> {
        let (mut chain, mut verb, mut modality, mut said, mut evidence) =
            (None, None, None, None, None);
        c.object(|c, key| match key {
            "chain" => set(&mut chain, read_chain(c)?),
            "verb" => set(&mut verb, shared(c)?),
            "modality" => set(&mut modality, c.serde()?),
            "said" => set(&mut said, c.string()?.parse().ok()?),
            "evidence" => set(&mut evidence, c.serde()?),
            _ => None,
        })?;
        Some(Assertion {
            chain: chain?,
            verb,
            modality: modality.unwrap_or_default(),
            said,
            evidence,
        })
    }

    /// A chain: a list of source ids.
    fn read_chain(c: &mut Cursor<'_>) -> Option<Chain> {
        c.eat(b'[')?;
        let mut first = true;
        crate::id::gather_links(|| {
            let end = match c.peek() {
                Some(b']') => true,
                Some(b',') if !first => {
                    c.at += 1;
                    false
                }
                _ if first => false,
                _ => return Err(()),
            };
            if end {
                c.at += 1;
                return Ok(None);
            }
            first = false;
            let text = c.string().ok_or(())?;
            SourceId::read(text).map(Some).map_err(|_| ())
        })
        .ok()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Quantities whose numbers are counts are read by hand, to what
        /// serde_json reads; any other number leaves the quantity to it.
        #[test]
        fn counts_are_read_by_hand_and_other_numbers_are_not() {
            for text in [
                r#"{"range":[500.0,1500.0],"unit":"fighters"}"#,
                r#"{ "exact" : 0 }"#,
                r#"{"exact":999999999999999,"unit":"x"}"#,
                r#"{"exact":99999999999999.0}"#,
                r#"{"approximately":300,"qualifier":"some","unit":"families"}"#,
                r#"{"at_least":3,"unit":"people","phrase":"at least three people"}"#,
                r#"{"exact":120,"best":120,"low":100,"high":150,"rounded_to":10}"#,
            ] {
                let by_hand = quantity_by_hand(&mut Cursor { text, at: 0 });
                let serde = serde_json::from_str::<Quantity>(text).expect("a quantity");
                assert_eq!(by_hand, Some(serde), "{text}");
            }
            for number in [
                "9999999999999999",
                "999999999999999.00",
                "12.50",
                "1.",
                "007",
                "-0",
                "-1",
                "1e3",
                "1.0E3",
                "null",
                "\"5\"",
            ] {
                let text = format!(r#"{{"exact":{number}}}"#);
                let by_hand = quantity_by_hand(&mut Cursor { text: &text, at: 0 });
                assert_eq!(by_hand, None, "{text}");
            }
        }

        /// The keys of a quantity, and whether each takes a number, two
        /// numbers or a string.
        const KEYS: [(&str, u8); 16] = [
            ("exact", 1),
            ("range", 2),
            ("at_least", 1),
            ("more_than", 1),
            ("at_most", 1),
            ("fewer_than", 1),
            ("approximately", 1),
            ("qualifier", 0),
            ("vague", 0),
            ("unit", 0),
            ("best", 1),
            ("low", 1),
            ("high", 1),
            ("rounded_to", 1),
            ("phrase", 0),
            ("colour", 0),
        ];

        proptest::proptest! {
            /// A quantity read by hand is the quantity serde_json reads,
            /// over numbers written every way JSON allows and some it
            /// does not, and members in any order, repeated or unknown.
            #[test]
            fn quantities_read_by_hand_are_serde_quantities(
                members in proptest::collection::vec(
                    (
                        0..KEYS.len(),
                        "-?[0-9]{1,17}(\\.[0-9]{0,3})?([eE][+-]?[0-9]{1,2})?",
                        "-?[0-9]{1,3}(\\.0{0,2})?",
                        proptest::sample::select(vec!["about", "dozens", "people", "at least 5", "null"]),
                        0..3usize,
                    ),
                    0..4,
                ),
            ) {
                let spaces = ["", " ", " \t"];
                let members: Vec<String> = members
                    .iter()
                    .map(|(key, number, other, word, space)| {
                        let (name, takes) = KEYS[*key];
                        let space = spaces[*space];
                        let value = match takes {
                            1 => number.clone(),
                            2 => format!("[{space}{other},{number}{space}]"),
                            _ if *word == "null" => "null".to_string(),
                            _ => format!("\"{word}\""),
                        };
                        format!("{space}\"{name}\"{space}:{space}{value}")
                    })
                    .collect();
                let text = format!("{{{}}}", members.join(","));
                if let Some(by_hand) = quantity_by_hand(&mut Cursor { text: &text, at: 0 }) {
                    let serde = serde_json::from_str::<Quantity>(&text);
                    proptest::prop_assert!(serde.is_ok(), "{}: {:?}", text, serde);
                    proptest::prop_assert_eq!(Some(by_hand), serde.ok(), "{}", text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The other lines of a repeated id are named, the first five of
    /// them, and the rest counted.
    #[test]
    fn other_lines_name_the_first_five() {
        assert_eq!(other_lines(3, &[2, 3]), "line 2");
        assert_eq!(other_lines(3, &[2, 3, 9]), "lines 2 and 9");
        assert_eq!(
            other_lines(3, &[2, 3, 4, 5, 6, 7, 8, 9]),
            "lines 2, 4, 5, 6, 7 and 2 more"
        );
    }

    /// Lines are read through their `\n` across buffer refills; a line
    /// over the limit is read through, only its first bytes (at most the
    /// limit) kept to name its claim, and the next line is read whole.
    #[test]
    fn lines_are_read_within_the_limit() {
        let input: &[u8] = b"ab\nabcdefgh\nabcd\nxyz";
        let mut reader = std::io::BufReader::with_capacity(3, input);
        let mut buffer = Vec::new();
        let mut lines = Vec::new();
        loop {
            buffer.clear();
            let read = read_line_within(&mut reader, &mut buffer, 5).unwrap();
            if read == 0 {
                break;
            }
            lines.push((read, String::from_utf8(buffer.clone()).unwrap()));
        }
        let want = [(3, "ab\n"), (9, "abcde"), (5, "abcd\n"), (3, "xyz")];
        let got: Vec<(usize, &str)> = lines.iter().map(|(n, t)| (*n, t.as_str())).collect();
        assert_eq!(got, want);
    }

    /// Batches start at 4,096 lines, stay there up to 131,072 lines read
    /// (so a 100k-claim corpus reads as before), then grow with the input
    /// to 16,384.
    #[test]
    fn batches_grow_with_what_has_been_read() {
        assert_eq!(batch_lines(0), BATCH_LINES);
        assert_eq!(batch_lines(100_000), BATCH_LINES);
        assert_eq!(batch_lines(131_072), 4_096);
        assert_eq!(batch_lines(262_144), 8_192);
        assert_eq!(batch_lines(524_288), MAX_BATCH_LINES);
        assert_eq!(batch_lines(u64::MAX), MAX_BATCH_LINES);
        let sizes: Vec<usize> = (0..40).map(|k| batch_lines(k * 25_000)).collect();
        assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
    }

    #[test]
    fn slashed_dates_are_three_parts_of_digits() {
        for (text, slashed) in [
            ("11/03/2025", true),
            (" 1/3/25 ", true),
            ("3/4", false),
            ("1/2/3/4", false),
            ("111/03/2025", false),
            ("11/03/202", false),
            ("11//2025", false),
            ("a/b/2025", false),
        ] {
            assert_eq!(super::slashed_date(text), slashed, "{text:?}");
        }
    }

    #[test]
    fn ids_from_names() {
        let mut ids = Ids::new();
        assert_eq!(
            ids.fresh("Shahab al-Muhajir", "entity"),
            "shahab-al-muhajir"
        );
        assert_eq!(
            ids.fresh("Shahab Al Muhajir", "entity"),
            "shahab-al-muhajir-2"
        );
        // Latin letters lose their diacritics; other scripts have no slug.
        assert_eq!(ids.fresh("Jacmél", "entity"), "jacmel");
        assert_eq!(ids.fresh("Jacmel", "entity"), "jacmel-2");
        // Typed with a combining accent: the same slug, not "jacme-l".
        assert_eq!(ids.fresh("Jacme\u{301}l", "entity"), "jacmel-3");
        assert_eq!(ids.fresh("Jacx\u{301}l", "entity"), "jacxl");
        assert_eq!(ids.fresh("Łódź Straße", "entity"), "lodz-strasse");
        assert_eq!(ids.fresh("Київ", "entity"), "entity");
        assert_eq!(ids.fresh("Saʿid Nuri", "entity"), "said-nuri");
        assert_eq!(ids.fresh("U.S. Navy", "entity"), "us-navy");
        assert_eq!(ids.fresh("'Quoted'", "entity"), "quoted");
        assert_eq!(ids.fresh(&format!("{}ß", "a".repeat(99)), "x").len(), 100);
        let mut ids = Ids::new();
        assert_eq!(ids.fresh("الشباب", "entity"), "entity");
        assert_eq!(ids.fresh("طالبان", "entity"), "entity-2");
        assert_eq!(ids.fresh("entity 2", "entity"), "entity-2-2");
        assert_eq!(ids.fresh("داعش", "entity"), "entity-3");
        // Ten thousand more names in Arabic-Indic digits: one slug each.
        for k in 0..10_000u32 {
            let name: String = k
                .to_string()
                .chars()
                .filter_map(|d| char::from_u32(0x0660 + d.to_digit(10).unwrap_or(0)))
                .collect();
            ids.fresh(&name, "entity");
        }
        assert_eq!(ids.fresh("---", "entity"), "entity-10004");
    }

    /// Members a claim line's object is made of in
    /// `quick_claims_are_serde_claims`: each field with good and bad
    /// values (escapes, nulls, wrong types, bad ids and dates, extra or
    /// missing keys, spaces inside), and keys no claim has.
    const QUICK_MEMBERS: &[(&str, &[&str])] = &[
        (
            "id",
            &[
                r#""c1""#,
                r#""c 1""#,
                r#""c\u0031""#,
                "null",
                "5",
                r#""c-2.x:y/z""#,
            ],
        ),
        (
            "subject",
            &[
                r#""e0""#,
                r#""e1""#,
                r#""E0""#,
                r#""bad id""#,
                "null",
                r#""""#,
            ],
        ),
        (
            "property",
            &[
                r#""killed""#,
                r#""Deaths""#,
                r#""x y""#,
                r#""fighter_strength""#,
            ],
        ),
        (
            "value",
            &[
                r#"{"quantity":{"exact":95076.0,"unit":"civilians"}}"#,
                r#"{"quantity": {"range": [1, 2e3], "unit": "people"} }"#,
                r#"{"quantity":{"approximately":1000,"qualifier":"about","unit":"fighters"}}"#,
                r#"{"quantity":{"exact":-1}}"#,
                r#"{"quantity":{"vague":"dozens","unit":"prisoners"}}"#,
                r#"{"quantity":{"exact":1,"at_most":2}}"#,
                // Counts read by hand, and numbers left to serde_json.
                r#"{"quantity":{"range":[500.0,1500.0],"unit":"fighters"}}"#,
                r#"{"quantity":{ "range" : [ 0 , 10000 ] }}"#,
                r#"{"quantity":{"exact":999999999999999,"unit":"x"}}"#,
                r#"{"quantity":{"exact":99999999999999.0}}"#,
                r#"{"quantity":{"exact":9999999999999999}}"#,
                r#"{"quantity":{"exact":999999999999999.00}}"#,
                r#"{"quantity":{"exact":12.50}}"#,
                r#"{"quantity":{"exact":1.}}"#,
                r#"{"quantity":{"exact":007}}"#,
                r#"{"quantity":{"exact":0.000}}"#,
                r#"{"quantity":{"exact":-0}}"#,
                r#"{"quantity":{"exact":1e3}}"#,
                r#"{"quantity":{"exact":1.0E3}}"#,
                r#"{"quantity":{"exact":"5"}}"#,
                r#"{"quantity":{"exact":null,"at_least":3}}"#,
                r#"{"quantity":{"range":[2,1]}}"#,
                r#"{"quantity":{"range":[1]}}"#,
                r#"{"quantity":{"range":[1,2,3]}}"#,
                r#"{"quantity":{"more_than":10.0,"fewer_than":20.0}}"#,
                r#"{"quantity":{"at_least":3,"unit":"people","unit":"people"}}"#,
                r#"{"quantity":{"approximately":300,"unit":"families"}}"#,
                r#"{"quantity":{"qualifier":"some","unit":"people"}}"#,
                r#"{"quantity":{"range":[10,20],"qualifier":"roughly"}}"#,
                r#"{"quantity":{"vague":"scores","unit":"people","phrase":"scores of people"}}"#,
                r#"{"quantity":{"vague":"dozens","unit":null}}"#,
                r#"{"quantity":{"exact":120,"best":120,"low":100,"high":150,"rounded_to":10}}"#,
                r#"{"quantity":{"exact":5,"colour":"red"}}"#,
                r#"{"quantity":{}}"#,
                r#"{"date":"2017-01"}"#,
                r#"{ "date" : "1999-09-03" }"#,
                r#"{"date":"not a date"}"#,
                r#"{"quote":{"text":"Hi there."}}"#,
                r#"{"quote":{"text":"Say \"hi\"."}}"#,
                r#"{"statement":{"object":"e1"}}"#,
                r#"{"statement":{"object":"e1","polarity":"negative"}}"#,
                r#"{"statement":{"polarity":"sideways","object":"e1"}}"#,
                r#"{"statement":{"object":"e1","object":"e2"}}"#,
                r#"{"text":"Pakistani"}"#,
                r#"{"text":"ünïcode — text"}"#,
                r#"{"text":"a","date":"2017"}"#,
                "{}",
                r#"{"text":null}"#,
                r#""text""#,
                r#"{"number":5}"#,
            ],
        ),
        (
            "scope",
            &[
                r#"{"status":"estimated"}"#,
                r#"{"status":"projected","horizon":"over the next year"}"#,
                r#"{ "population" : "people" , "time" : "2019" }"#,
                r#"{"status":"bogus"}"#,
                r#"{"time":null}"#,
                "{}",
                r#"{"extra":1}"#,
                r#"{"status":"observed","status":"observed"}"#,
            ],
        ),
        (
            "assertion",
            &[
                r#"{"chain":["a1063"],"verb":"estimated"}"#,
                r#"{"chain":["a1","o2","o3","o4"],"verb":"said","said":"2017-08"}"#,
                r#"{ "chain" : [ "a1" , "o2" ] , "verb" : "claimed" }"#,
                r#"{"chain":[],"modality":{"certainty":"probable"}}"#,
                r#"{"chain":["a1",]}"#,
                r#"{"chain":[,"a1"]}"#,
                r#"{"chain":["a1" "b2"]}"#,
                r#"{"chain":["a1"],"evidence":{"text":"x y","span":[0,3]}}"#,
                r#"{"chain":["a1"],"modality":{"certainty":"probable","polarity":"negative"}}"#,
                r#"{"chain":["a1"],"modality":{"certainty":"sure"}}"#,
                r#"{"verb":"said"}"#,
                r#"{"chain":["a 1"]}"#,
                r#"{"chain":["a1"],"said":null}"#,
                r#"{"chain":["a1"],"said":"yesterday"}"#,
                r#"{"chain":"a1"}"#,
            ],
        ),
        ("corrects", &[r#""c0""#, r#""bad id""#, "null"]),
        (
            "note",
            &[
                r#""a note""#,
                "\"tab\there\"",
                r#""tab\there""#,
                r#""ünïcode""#,
                "null",
            ],
        ),
        ("format", &[r#""corroborate-jsonl/1""#]),
        ("extra", &["1", "{}"]),
    ];

    proptest::proptest! {
        /// The fast path gives the claim serde_json gives, or leaves the
        /// line to it: over lines of good and bad members, in any order,
        /// repeated or missing, with any spacing and anything after.
        #[test]
        fn quick_claims_are_serde_claims(
            members in proptest::collection::vec((0..QUICK_MEMBERS.len(), 0..64usize, 0..8usize), 0..4),
            required in proptest::option::of((0..64usize, 0..64usize)),
            before in 0..3usize,
            after in 0..7usize,
        ) {
            // Mostly spaces: a tab or line break in a line leaves it to
            // serde_json, and the fast path is to be tried too.
            const SPACES: [&str; 8] = ["", " ", "  ", "", " ", "\t", "\n", "\r\n"];
            let mut line = String::from(["", " ", "\u{feff}"][before]);
            line.push('{');
            let mut fields: Vec<(usize, usize, usize)> = members;
            if let Some((value, assertion)) = required {
                // The five fields a claim needs, first, so that most lines
                // are claims or near misses: a good id, subject and
                // property, and any of the values and assertions.
                fields.splice(0..0, [(0, 0, 0), (1, 0, 0), (2, 0, 0), (3, value, 1), (5, assertion, 0)]);
            }
            for (k, &(key, value, space)) in fields.iter().enumerate() {
                let (name, values) = QUICK_MEMBERS[key];
                if k > 0 {
                    line.push(',');
                }
                line.push_str(SPACES[space]);
                line.push_str(&format!("\"{name}\"{}:{}", SPACES[(space + k) % 3], values[value % values.len()]));
            }
            line.push('}');
            line.push_str(["", "\n", "\r\n", " x", "}", " \n", "\r"][after]);
            if let Some(quick) = quick::claim(&line) {
                let serde = serde_json::from_str::<Claim>(&line);
                proptest::prop_assert!(serde.is_ok(), "{line}: {serde:?}");
                proptest::prop_assert_eq!(format!("{:?}", Some(quick)), format!("{:?}", serde.ok()), "{}", line);
            }
        }
    }

    /// The fast path reads the lines a synthetic corpus has (without it,
    /// `quick_claims_are_serde_claims` would hold of a path that reads
    /// nothing), as `parse_claim` does.
    #[test]
    fn quick_claims_read_common_lines() {
        for line in [
            r#"{"id":"c0","subject":"e0","property":"killed","value":{"quantity":{"exact":95076.0,"unit":"civilians"}},"scope":{"status":"estimated"},"assertion":{"chain":["a1063"],"verb":"estimated"}}"#,
            "{\"id\":\"c4\",\"subject\":\"e1\",\"property\":\"founded\",\"value\":{\"date\":\"2017-01\"},\"assertion\":{\"chain\":[\"a1004\",\"outlet-7\",\"origin-7\"],\"verb\":\"claimed\"}}\r\n",
            r#"{"id":"c15","subject":"e5","property":"said","value":{"quote":{"text":"Country never we attacks."}},"assertion":{"chain":["a1106","origin-0"],"verb":"reported","said":"2017-08","modality":{"certainty":"probable"}}}"#,
            r#" { "id" : "c9" , "subject" : "e3" , "property" : "Operating_Mode" , "value" : { "text" : "Pakistani" } , "assertion" : { "chain" : [ "a1917" , "origin-13" ] } , "note" : "n" , "corrects" : "c8" } "#,
            r#"{"id":"c7","subject":"e3","property":"enemy_of","value":{"statement":{"object":"e4","polarity":"negative"}},"scope":{"population":"people","horizon":"soon","time":"2019"},"assertion":{"chain":["a1","b","c","d","e"],"evidence":{"text":"x"}}}"#,
        ] {
            let quick = quick::claim(line).expect(line);
            let serde = parse_claim(line).expect(line);
            assert_eq!(format!("{quick:?}"), format!("{serde:?}"), "{line}");
        }
    }
}
