//! Writing a [`Report`] as pretty JSON to an [`io::Write`], topic by
//! topic, and streaming the report as JSON Lines.
//!
//! [`Report::write_json`] writes the bytes `serde_json::to_string_pretty`
//! makes of a report, without holding them in memory: each topic is
//! serialised on its own, by [`crate::compact`]'s pretty layout, and
//! indented to its place. With the `parallel` feature, topics
//! are serialised on all cores in batches of 64 topics (fewer when they
//! hold over 20,000 claims) and written in order, so
//! the output is the same bytes either way (tested).
//!
//! [`Analyzer::write_jsonl`] writes one record a line as each topic is
//! analysed, in compact JSON made by [`crate::compact`]: serde_json's
//! bytes, with less work per field name and plain string.
//!
//! Every JSON the crate writes escapes, beyond serde_json's escapes, each
//! character that acts on a terminal and the separators U+2028 and
//! U+2029 ([`crate::render::json_escaped_at`]) as `\u0085`: serde_json
//! escapes only U+0000 to U+001F, and a report printed on a terminal must
//! not let corpus text recolour it or reverse a line. The strings parse
//! back unchanged. [`write_fragment`] writes them, for [`Escaping`] (the
//! formatter with which serde_json's own serializer writes numbers and
//! strings that need escapes for the crate) and for [`crate::compact`]'s
//! writer, compact and pretty.

use std::io::{self, Read, Seek, Write};

use serde::Serialize;

use crate::analyze::Analyzer;
#[cfg(feature = "parallel")]
use crate::render::Made;
use crate::render::{Streamed, holds_json_escaped, json_escaped_at};
use crate::report::{Diagnostic, Misattribution, Report, Settings, Summary, Topic, Verdict};
use crate::resolve::NameMerge;

/// The claims from which a topic of the streamed JSON Lines report, with
/// `parallel`, is handed to the writer whole and serialised straight into
/// the output, as on one core, instead of into a line that waits for its
/// turn: the largest topics' lines (6 MB at 100k synthetic claims) were
/// most of what streaming held. Smaller topics are serialised on the
/// cores that analyse them. 4,096 is the stream window's least width.
#[cfg(feature = "parallel")]
const WRITTEN_WHOLE: usize = 4096;

/// Topics serialised together, with the `parallel` feature, before they
/// are written: bounds the memory the writer holds.
#[cfg(feature = "parallel")]
const JSON_BATCH: usize = 64;

/// Claims a batch of topics holds at most, unless one topic alone has
/// more: about ten megabytes of JSON.
#[cfg(feature = "parallel")]
const BATCH_CLAIMS: usize = 20_000;

/// Writes a fragment of a string that serde_json leaves as it is (it
/// holds no quote, backslash or character below U+0020), with each
/// character that [`json_escaped_at`] finds written as a JSON escape of
/// four lowercase hex digits, as serde_json writes `\u001b`: `\u0085`,
/// `\u202e`, `\u2028`. Every such character lies in the Basic
/// Multilingual Plane, so one escape holds it. A fragment without one is
/// written in one piece, after a test of its bytes eight at a time for
/// any that may begin one (`compact::plain`), and, where one is found
/// (most often for a curly quote or a dash), a closer look.
#[inline]
pub(crate) fn write_fragment<W: ?Sized + Write>(out: &mut W, fragment: &str) -> io::Result<()> {
    if crate::compact::plain(fragment) || !holds_json_escaped(fragment) {
        return out.write_all(fragment.as_bytes());
    }
    write_escaped(out, fragment)
}

/// [`write_fragment`] for a fragment that holds an escape, out of line.
#[cold]
#[inline(never)]
fn write_escaped<W: ?Sized + Write>(out: &mut W, fragment: &str) -> io::Result<()> {
    let bytes = fragment.as_bytes();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        // A continuation byte (0x80 to 0xBF) starts no character found.
        let Some(len) = json_escaped_at(bytes, at) else {
            at += 1;
            continue;
        };
        out.write_all(&bytes[start..at])?;
        let c = fragment[at..].chars().next().unwrap_or_default();
        write!(out, "\\u{:04x}", u32::from(c))?;
        at += len;
        start = at;
    }
    out.write_all(&bytes[start..])
}

/// serde_json's compact layout (its `CompactFormatter`), with the
/// escapes of [`write_fragment`]: the formatter for every compact JSON
/// that serde_json writes for the crate.
pub(crate) struct Escaping;

impl serde_json::ser::Formatter for Escaping {
    #[inline]
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_fragment(out, fragment)
    }
}

/// `value` as pretty JSON: the bytes of `serde_json::to_string_pretty`,
/// with the escapes of [`write_fragment`].
pub(crate) fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::with_capacity(128);
    write_nested(&mut bytes, value, 0).map_err(serde_json::Error::io)?;
    // serde_json writes UTF-8, and so do the escapes; were it not so, an
    // error rather than an empty document.
    String::from_utf8(bytes).map_err(<serde_json::Error as serde::ser::Error>::custom)
}

/// Writes `value` in the pretty layout, `level` levels deep: what
/// `to_writer_pretty` would write for it in place, without serialising
/// the whole report at once, with the escapes of [`write_fragment`].
/// [`crate::compact`] writes it, as it writes the compact layout.
fn write_nested<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    level: usize,
) -> io::Result<()> {
    crate::compact::to_writer_pretty(out, value, level).map_err(io::Error::from)
}

/// Writes `"key": value` at the first level of the report object.
fn field<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    key: &str,
    value: &T,
    last: bool,
) -> io::Result<()> {
    write!(out, "  \"{key}\": ")?;
    write_nested(out, value, 1)?;
    out.write_all(if last { b"\n" } else { b",\n" })
}

/// Writes one topic as it stands in the report's `topics` array: pretty,
/// two levels deep.
fn write_topic<W: Write>(out: &mut W, topic: &Topic<'_>) -> io::Result<()> {
    out.write_all(b"    ")?;
    write_nested(out, topic, 2)
}

/// Room for a topic's pretty JSON, made at once rather than grown by
/// doubling: at 100k synthetic claims, a topic's JSON took a median of
/// 620 to 1,190 bytes a claim (more for topics of fewer claims, which
/// carry the topic's own fields), so a kilobyte a claim and one for the
/// topic hold most topics without a copy.
fn topic_room(topic: &Topic<'_>) -> usize {
    topic.claim_count.saturating_add(1).saturating_mul(1024)
}

/// The topics, separated by commas, each written straight to `out`.
#[cfg(not(feature = "parallel"))]
fn write_topics<W: Write>(out: &mut W, topics: &[Topic<'_>]) -> io::Result<()> {
    for (i, topic) in topics.iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        write_topic(out, topic)?;
    }
    Ok(())
}

/// The topics, separated by commas: each batch serialised on all cores
/// into buffers that are reused from batch to batch, then written in
/// order.
#[cfg(feature = "parallel")]
fn write_topics<W: Write>(out: &mut W, topics: &[Topic<'_>]) -> io::Result<()> {
    use rayon::prelude::*;
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); JSON_BATCH.min(topics.len())];
    let mut rest = topics;
    let mut b = 0;
    while !rest.is_empty() {
        // Up to JSON_BATCH topics and about BATCH_CLAIMS claims (at least
        // one topic): a few large topics fill a batch.
        let take = crate::pool::batch_len(rest, JSON_BATCH, BATCH_CLAIMS, |t| t.claim_count);
        let (batch, after) = rest.split_at(take);
        rest = after;
        let buffers = &mut buffers[..batch.len()];
        buffers
            .par_iter_mut()
            .zip(batch.par_iter())
            .try_for_each(|(buffer, topic)| {
                buffer.clear();
                write_topic(buffer, topic)
            })?;
        for (k, buffer) in buffers.iter_mut().enumerate() {
            if b > 0 || k > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(buffer)?;
            // A very large topic does not keep its room for the rest.
            if buffer.capacity() > 1 << 20 {
                *buffer = Vec::new();
            }
        }
        b += 1;
    }
    Ok(())
}

impl Report<'_> {
    /// Writes the report as pretty JSON: the bytes of
    /// `serde_json::to_string_pretty`, without a final newline, written
    /// topic by topic instead of held as one string, except that
    /// characters that act on a terminal (control characters,
    /// bidirectional embeddings, overrides and isolates) and U+2028 and
    /// U+2029 are written as JSON escapes, `\u0085`: the strings parse
    /// back unchanged. With the `parallel`
    /// feature, topics are serialised on all cores.
    /// [`to_json_string`](Report::to_json_string) collects these bytes.
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write.
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/scenarios/two-articles-one-origin.json"))?;
    /// let report = analyze(&corpus, &Policy::default());
    /// let mut bytes = Vec::new();
    /// report.write_json(&mut bytes)?;
    /// assert_eq!(String::from_utf8(bytes)?, serde_json::to_string_pretty(&report)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_json<W: Write>(&self, mut out: W) -> io::Result<()> {
        let topics = !self.topics.is_empty();
        json_head(&mut out, self, topics)?;
        write_topics(&mut out, &self.topics)?;
        json_tail(&mut out, self, topics)
    }
}

/// The JSON document up to its first topic: `report`'s fields before
/// `topics`, and the array opened (or, with no topic, written whole).
fn json_head(mut out: &mut dyn Write, report: &Report<'_>, topics: bool) -> io::Result<()> {
    out.write_all(b"{\n")?;
    if let Some(title) = &report.title {
        field(&mut out, "title", title, false)?;
    }
    field(&mut out, "summary", &report.summary, false)?;
    field(&mut out, "settings", &report.settings, false)?;
    out.write_all(if topics {
        b"  \"topics\": [\n"
    } else {
        b"  \"topics\": [],\n"
    })
}

/// The JSON document after its last topic.
fn json_tail(mut out: &mut dyn Write, report: &Report<'_>, topics: bool) -> io::Result<()> {
    if topics {
        out.write_all(b"\n  ],\n")?;
    }
    field(&mut out, "misattributions", &report.misattributions, false)?;
    field(&mut out, "merges", &report.merges, false)?;
    field(&mut out, "diagnostics", &report.diagnostics, true)?;
    out.write_all(b"}")
}

/// The pretty JSON document's layout for a streaming writer: each topic
/// serialised where it is analysed, after the `,\n` that separates it
/// from the one before (left out of the first), and no section headings.
pub(crate) struct JsonDocument;

impl Streamed for JsonDocument {
    /// The serialiser's writes (some hundred and fifty a claim, most of
    /// a few bytes) go into a buffer of a type known here, copied
    /// inline, rather than each through `dyn Write`'s vtable; the
    /// buffer hands `out` 64 KiB at a time. Only a large topic
    /// ([`large_topic`](Streamed::large_topic)) is written this way.
    fn write_topic(&self, out: &mut dyn Write, topic: &Topic<'_>) -> io::Result<()> {
        let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
        buffered.write_all(b",\n")?;
        write_topic(&mut buffered, topic)?;
        buffered.flush()
    }

    /// The topic serialised straight into a vector, not through
    /// `dyn Write` (a call through the vtable for each of some hundred
    /// and fifty writes a claim), in room made for it at once.
    fn topic_bytes(&self, topic: &Topic<'_>) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(topic_room(topic));
        bytes.extend_from_slice(b",\n");
        write_topic(&mut bytes, topic)?;
        Ok(bytes)
    }

    fn write_head(&self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        json_head(out, report, report.summary.topics > 0)
    }

    fn write_section(&self, _out: &mut dyn Write, _verdict: Verdict) -> io::Result<()> {
        Ok(())
    }

    fn write_tail(&self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        json_tail(out, report, report.summary.topics > 0)
    }

    fn lead(&self) -> usize {
        2
    }

    /// Pretty JSON takes about a kilobyte a claim: the largest synthetic
    /// topic of a million claims is about 90 MB.
    fn large_topic(&self) -> usize {
        1024
    }
}

impl<'a> Analyzer<'a, '_> {
    /// Cross-references the corpus and writes the report as pretty JSON:
    /// the bytes of `report().write_json(..)` after
    /// [`Report::retain_topics`] with `keep`, made without holding the
    /// report. Each topic is serialised as soon as it is analysed (on
    /// all cores with the `parallel` feature), and its JSON waits in
    /// `scratch`, under its verdict, until the summary, which comes
    /// first, is known, as
    /// [`write_text_with_scratch`](Analyzer::write_text_with_scratch)
    /// holds text; a topic of 1,024 claims or more (about a megabyte of
    /// JSON) is serialised straight into `scratch` as it is handed on.
    /// The memory held is a few chunks of 256 KiB; at a million synthetic
    /// claims, 963 MB of JSON goes through `scratch`.
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write, or `scratch` to seek, write or
    /// read back; an error of `scratch` says so in its message.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let mut out = Vec::new();
    /// let scratch = std::io::Cursor::new(Vec::new());
    /// let summary = analyzer.write_json_with_scratch(&mut out, scratch, |_| true)?;
    /// let report = analyzer.report();
    /// assert_eq!(String::from_utf8(out)?, serde_json::to_string_pretty(&report)?);
    /// assert_eq!(summary, report.summary);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_json_with_scratch<W: Write, S: Read + Write + Seek>(
        &self,
        out: W,
        scratch: S,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
    ) -> io::Result<Summary> {
        self.write_with_scratch(out, scratch, &JsonDocument, keep)
    }
}

/// The format tag on the first line of a JSON Lines report.
pub const REPORT_JSONL_FORMAT: &str = "corroborate-report-jsonl/3";

/// The first line of a JSON Lines report.
#[derive(Serialize)]
struct Head<'r> {
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'r str>,
    settings: &'r Settings,
}

/// Every further line of a JSON Lines report: an object with one key,
/// the record's kind.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Line<'r, 'c> {
    Topic(&'r Topic<'c>),
    Misattribution(&'r Misattribution),
    Merge(&'r NameMerge),
    Diagnostic(&'r Diagnostic),
    Summary(&'r Summary),
}

/// Writes one record on its own line.
fn write_line<W: Write, T: Serialize + ?Sized>(out: &mut W, value: &T) -> io::Result<()> {
    crate::compact::to_writer(out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

impl<'a> Analyzer<'a, '_> {
    /// Cross-references the corpus and writes the report as JSON Lines,
    /// one topic at a time as it is analysed, holding none of them: the
    /// report for corpora whose full [`Report`] would not fit in memory
    /// beside them. With the `parallel` feature, topics are analysed and
    /// serialised on all cores and written in order: the same bytes.
    /// Characters that act on a terminal are written as JSON escapes, as
    /// by [`Report::write_json`].
    ///
    /// The layout (described in `data/README.md`):
    ///
    /// * line 1: `{"format": "corroborate-report-jsonl/3", "title": …,
    ///   "settings": {…}}` (no `title` when the corpus has none);
    /// * one line per topic, `{"topic": {…}}`, in the order of their
    ///   subject's and property's ids (not grouped by verdict as in
    ///   [`Report::topics`], which needs every topic first); each topic is
    ///   the one [`report`](Analyzer::report) gives, in compact JSON;
    /// * then a line per misattribution (`{"misattribution": {…}}`), per
    ///   name merge (`{"merge": {…}}`) and per diagnostic
    ///   (`{"diagnostic": {…}}`), in the report's order;
    /// * last, `{"summary": {…}}`, which is also returned.
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let mut out = Vec::new();
    /// let summary = analyzer.write_jsonl(&mut out)?;
    /// let text = String::from_utf8(out)?;
    /// let lines: Vec<&str> = text.lines().collect();
    /// assert!(lines[0].starts_with(r#"{"format":"corroborate-report-jsonl/3""#));
    /// let topics = lines.iter().filter(|l| l.starts_with(r#"{"topic":"#)).count();
    /// assert_eq!(topics, summary.topics);
    /// assert!(lines.last().unwrap().starts_with(r#"{"summary":"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_jsonl<W: Write>(&self, out: W) -> io::Result<Summary> {
        self.write_jsonl_where(out, |_| true)
    }

    /// [`write_jsonl`](Analyzer::write_jsonl) with only the topics for
    /// which `keep` returns true; the summary counts only those, as
    /// [`Report::retain_topics`] does. With the `parallel` feature, `keep`
    /// is called on all cores, in no particular order.
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let summary = analyzer.write_jsonl_where(std::io::sink(), |topic| {
    ///     topic.property.as_str() == "fighter_strength"
    /// })?;
    /// assert_eq!(summary.topics, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_jsonl_where<W: Write>(
        &self,
        mut out: W,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
    ) -> io::Result<Summary> {
        let settings = self.settings();
        write_line(
            &mut out,
            &Head {
                format: REPORT_JSONL_FORMAT,
                title: self.corpus().title(),
                settings: &settings,
            },
        )?;
        // On one core, each topic is serialised straight into `out`: no
        // topic's JSON is held (the largest synthetic topic at 1M claims
        // writes 77 MB).
        #[cfg(not(feature = "parallel"))]
        let rest = self.stream(
            |topic| keep(&topic).then_some(topic),
            |topic| write_line(&mut out, &Line::Topic(&topic)),
        )?;
        // With `parallel`, topics are serialised on the cores that
        // analyse them, and the lines written in order.
        #[cfg(feature = "parallel")]
        let rest = self.stream(
            |topic| {
                keep(&topic).then(|| {
                    if topic.claim_count >= WRITTEN_WHOLE {
                        return Made::Whole(topic);
                    }
                    let mut line = Vec::with_capacity(512 * topic.claim_count);
                    // Topics serialise without failure, as in
                    // `Report::to_json_string`.
                    let _ = write_line(&mut line, &Line::Topic(&topic));
                    // The estimate is 15–20% over in the synthetic corpora:
                    // the room left over would wait in the window too.
                    line.shrink_to_fit();
                    Made::Bytes(Ok(line))
                })
            },
            |made| match made {
                Made::Bytes(line) => out.write_all(&line?),
                Made::Whole(topic) => write_line(&mut out, &Line::Topic(&topic)),
            },
        )?;
        for m in &rest.misattributions {
            write_line(&mut out, &Line::Misattribution(m))?;
        }
        for m in &rest.merges {
            write_line(&mut out, &Line::Merge(m))?;
        }
        for d in &rest.diagnostics {
            write_line(&mut out, &Line::Diagnostic(d))?;
        }
        write_line(&mut out, &Line::Summary(&rest.summary))?;
        out.flush()?;
        Ok(rest.summary)
    }
}
