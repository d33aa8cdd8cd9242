//! Writing a [`Report`] as pretty JSON to an [`io::Write`], topic by topic.
//!
//! [`Report::write_json`] writes the bytes [`Report::to_json_string`]
//! makes, without holding them in memory: each topic is serialised on
//! its own and indented to its place. With the `parallel` feature, topics
//! are serialised on all cores in batches of 64 and written in order, so
//! the output is the same bytes either way (tested).

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{Report, Topic};

/// Topics serialised together, with the `parallel` feature, before they
/// are written: bounds the memory the writer holds.
#[cfg(feature = "parallel")]
const JSON_BATCH: usize = 64;

/// Claims a batch of topics holds at most, unless one topic alone has
/// more: about ten megabytes of JSON.
#[cfg(feature = "parallel")]
const BATCH_CLAIMS: usize = 20_000;

/// serde_json's pretty layout (two spaces a level), for a value written
/// `level` levels deep: what `to_writer_pretty` would write for it in
/// place, without serialising the whole report at once.
struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    fn at(level: usize) -> Nested {
        Nested {
            level,
            has_value: false,
        }
    }

    /// Two spaces a level, in one write for the depths a report reaches.
    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        const SPACES: &[u8; 32] = b"                                ";
        let mut width = 2 * self.level;
        while width > 0 {
            let step = width.min(SPACES.len());
            out.write_all(&SPACES[..step])?;
            width -= step;
        }
        Ok(())
    }

    /// Opens an array or object one level deeper.
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// Closes an array or object, on a line of its own unless empty.
    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }

    /// Starts an element or a key on a new, indented line.
    fn next_line<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next_line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next_line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` in the pretty layout, `level` levels deep.
fn write_nested<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    level: usize,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Nested::at(level));
    value.serialize(&mut serializer).map_err(io::Error::from)
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
        let mut claims = 0;
        let take = rest
            .iter()
            .take(JSON_BATCH)
            .take_while(|t| {
                claims += t.claim_count;
                claims <= BATCH_CLAIMS
            })
            .count()
            .max(1);
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
    /// [`to_json_string`](Report::to_json_string), without a final
    /// newline, written topic by topic instead of held as one string.
    /// With the `parallel` feature, topics are serialised on all cores.
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
    /// assert_eq!(String::from_utf8(bytes).unwrap(), report.to_json_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_json<W: Write>(&self, mut out: W) -> io::Result<()> {
        out.write_all(b"{\n")?;
        if let Some(title) = &self.title {
            field(&mut out, "title", title, false)?;
        }
        field(&mut out, "summary", &self.summary, false)?;
        field(&mut out, "settings", &self.settings, false)?;
        if self.topics.is_empty() {
            out.write_all(b"  \"topics\": [],\n")?;
        } else {
            out.write_all(b"  \"topics\": [\n")?;
            write_topics(&mut out, &self.topics)?;
            out.write_all(b"\n  ],\n")?;
        }
        field(&mut out, "misattributions", &self.misattributions, false)?;
        field(&mut out, "merges", &self.merges, false)?;
        field(&mut out, "diagnostics", &self.diagnostics, true)?;
        out.write_all(b"}")
    }
}
