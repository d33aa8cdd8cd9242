//! Physical line numbers for the flat-table reader.
//!
//! The `csv` crate counts lines by `\n` alone and dates a record from
//! where its parser started reading it: after a CRLF row that is the row's
//! own `\n`, after blank lines the first blank line, and a file with CR
//! line endings is all line 1. Table rows take their claim ids from their
//! lines (`line-N`), so a wrong number made two rows one id and skipped
//! the second as a duplicate. [`Lines`] sits between the input and the
//! `csv` reader, notes where every line break is (`\n`, `\r\n` or a lone
//! `\r`) as the bytes pass, and turns the `csv` reader's byte offsets
//! into the lines a text editor shows.

use std::collections::VecDeque;
use std::io::{self, Read};

/// A line break: its offset in the input, its length (2 for `\r\n`), and
/// the number of `"` in the input before it.
#[derive(Clone, Copy, Debug)]
struct Break {
    at: u64,
    len: u8,
    quotes: u64,
}

impl Break {
    fn end(&self) -> u64 {
        self.at + u64::from(self.len)
    }
}

/// A reader that passes its input through and keeps the line breaks that
/// the rows not yet numbered may need (see the module doc).
pub(crate) struct Lines<R> {
    inner: R,
    /// Bytes passed through so far.
    read: u64,
    /// Breaks from the last numbered row's start on, in order.
    breaks: VecDeque<Break>,
    /// Breaks dropped from the front of `breaks`.
    dropped: u64,
    /// `"` seen so far, when counted.
    quotes: u64,
    count_quotes: bool,
    /// The offset of the last `\r` seen, which a `\n` right after joins.
    last_cr: Option<u64>,
    /// The longest row let through, in bytes, beyond the `csv` reader's
    /// read-ahead (see [`Lines::with_limit`]).
    limit: u64,
    /// Where the last numbered row ended (0 before any).
    row_end: u64,
    /// Set when a row ran over `limit`: the bytes read of it.
    over: Option<u64>,
}

/// How far the `csv` reader reads ahead of the row it parses: the buffer
/// the table reader gives it.
pub(crate) const READ_AHEAD: usize = 1 << 16;

/// Where a row lies: its first and last physical lines (more than one
/// when a quoted cell holds line breaks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RowLines {
    pub(crate) first: u64,
    pub(crate) last: u64,
    /// The offset of the row's first byte, for [`Lines::odd_quotes_from`].
    pub(crate) start: u64,
}

impl<R: Read> Lines<R> {
    /// Wraps `inner`; `count_quotes` for CSV, where `"` opens quoted cells.
    pub(crate) fn new(inner: R, count_quotes: bool) -> Lines<R> {
        Lines {
            inner,
            read: 0,
            breaks: VecDeque::new(),
            dropped: 0,
            quotes: 0,
            count_quotes,
            last_cr: None,
            limit: u64::MAX,
            row_end: 0,
            over: None,
        }
    }

    /// Stops the input with an error once a row (from the end of the last
    /// numbered one) runs over `limit` bytes and the reader's
    /// [`READ_AHEAD`], so that one enormous row is not read into memory.
    /// [`Lines::over_limit`] then tells where.
    pub(crate) fn with_limit(mut self, limit: usize) -> Lines<R> {
        self.limit = u64::try_from(limit).unwrap_or(u64::MAX);
        self
    }

    /// The line a row that ran over the limit starts on, and the bytes
    /// read of it, once the input has stopped for it.
    pub(crate) fn over_limit(&self) -> Option<(u64, u64)> {
        let read = self.over?;
        let (_, k) = self.skip_breaks(self.row_end);
        Some((1 + self.dropped + k as u64, read))
    }

    /// The first byte at or after `from` that is not a line break (the
    /// `csv` parser starts a row before the `\n` of a CRLF and before
    /// blank lines), and the number of kept breaks before it.
    fn skip_breaks(&self, from: u64) -> (u64, usize) {
        let mut k = 0;
        while self.breaks.get(k).is_some_and(|b| b.end() <= from) {
            k += 1;
        }
        let mut first = from;
        while let Some(b) = self.breaks.get(k).filter(|b| b.at <= first) {
            first = b.end();
            k += 1;
        }
        (first, k)
    }

    fn note(&mut self, at: u64, byte: u8) {
        match byte {
            b'"' => self.quotes += 1,
            b'\n' if at > 0 && self.last_cr == Some(at - 1) => {
                // The `\r` before it is the back break (it is kept until
                // a row starts after it; see `number`).
                if let Some(last) = self.breaks.back_mut()
                    && last.at + 1 == at
                {
                    last.len = 2;
                }
            }
            _ => {
                if byte == b'\r' {
                    self.last_cr = Some(at);
                }
                self.breaks.push_back(Break {
                    at,
                    len: 1,
                    quotes: self.quotes,
                });
            }
        }
    }

    /// Numbers the row that the `csv` reader began reading at byte
    /// `start` (the record's position) and stopped after byte `end` (the
    /// reader's position after it): the row's first line is that of its
    /// first byte that is not a line break ([`Lines::skip_breaks`]), its
    /// last line that of its last such byte. Rows come in order, so the breaks
    /// before this one are dropped first (all but the last, which holds
    /// the `"` count before the row), and the rest are walked from the
    /// front: a few a row, whatever the reader has buffered.
    pub(crate) fn number(&mut self, start: u64, end: u64) -> RowLines {
        while self.breaks.len() > 1 && self.breaks[1].end() <= start {
            self.breaks.pop_front();
            self.dropped += 1;
        }
        let (first, k) = self.skip_breaks(start);
        self.row_end = end;
        // A line is one more than the breaks before its bytes.
        let line = |breaks_before: usize| 1 + self.dropped + breaks_before as u64;
        // The breaks inside the row, then back over its own terminator.
        let mut j = k;
        while self.breaks.get(j).is_some_and(|b| b.at < end) {
            j += 1;
        }
        let mut last = end.max(first);
        while j > k && self.breaks[j - 1].end() >= last {
            last = self.breaks[j - 1].at;
            j -= 1;
        }
        RowLines {
            start: first,
            first: line(k),
            last: line(j),
        }
    }

    /// Whether the row whose first byte is at `first` (as numbered by
    /// [`Lines::number`]) holds an odd number of `"`, counted to the end
    /// of the input: asked of the last row once the input has ended, an
    /// odd count means a quoted cell was opened and never closed, and the
    /// `csv` parser read the rest of the input into it.
    pub(crate) fn odd_quotes_from(&self, first: u64) -> bool {
        // The break that ends where the row starts is kept, and there
        // is no `"` between it and the row.
        let k = self.breaks.partition_point(|b| b.end() <= first);
        let before = match k {
            0 => 0,
            k => self.breaks[k - 1].quotes,
        };
        self.count_quotes && (self.quotes - before) % 2 == 1
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let row = (self.read + n as u64).saturating_sub(self.row_end);
        if row > self.limit.saturating_add(READ_AHEAD as u64) {
            self.over = Some(row);
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a row longer than the line limit",
            ));
        }
        let base = self.read;
        let bytes = &buf[..n];
        if self.count_quotes {
            for i in memchr::memchr3_iter(b'\n', b'\r', b'"', bytes) {
                self.note(base + i as u64, bytes[i]);
            }
        } else {
            for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
                self.note(base + i as u64, bytes[i]);
            }
        }
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row's cells and lines, read through `csv` as the table
    /// reader reads, and whether the last row holds an odd number of `"`.
    fn rows(input: &[u8], quoting: bool) -> (Vec<(Vec<String>, RowLines)>, bool) {
        let mut builder = csv::ReaderBuilder::new();
        builder.flexible(true).has_headers(false).quoting(quoting);
        // A small buffer, so breaks and `\r\n` pairs fall across reads.
        builder.buffer_capacity(3);
        let mut table = builder.from_reader(Lines::new(input, quoting));
        let mut record = csv::ByteRecord::new();
        let mut out = Vec::new();
        let mut last_first = 0;
        while table.read_byte_record(&mut record).unwrap() {
            let start = record.position().unwrap().byte();
            let end = table.position().byte();
            let lines = table.get_mut().number(start, end);
            last_first = lines.start;
            let cells = record
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            out.push((cells, lines));
        }
        let odd = table.get_ref().odd_quotes_from(last_first);
        (out, odd)
    }

    fn firsts(input: &[u8]) -> Vec<u64> {
        rows(input, true).0.iter().map(|(_, l)| l.first).collect()
    }

    #[test]
    fn rows_take_the_lines_an_editor_shows() {
        assert_eq!(firsts(b"h\na\nb\nc\n"), [1, 2, 3, 4]);
        assert_eq!(firsts(b"h\r\na\r\nb\r\nc"), [1, 2, 3, 4]);
        assert_eq!(firsts(b"h\ra\rb\rc\r"), [1, 2, 3, 4]);
        assert_eq!(firsts(b"h\na\r\nb\r\nc\n"), [1, 2, 3, 4]);
        assert_eq!(firsts(b"h\n\na\n\n\n\nb\nc\n"), [1, 3, 7, 8]);
        assert_eq!(firsts(b"h\r\n\r\na\r\n\r\nb"), [1, 3, 5]);
        assert_eq!(firsts(b"\n\nh\na\n"), [3, 4]);
    }

    #[test]
    fn a_quoted_cell_with_line_breaks_spans_its_lines() {
        let (rows, odd) = rows(b"h,v\na,\"x\ny\r\nz\"\nb,w\n", true);
        assert_eq!(rows[1].0, ["a", "x\ny\r\nz"]);
        assert_eq!((rows[1].1.first, rows[1].1.last), (2, 4));
        assert_eq!((rows[2].1.first, rows[2].1.last), (5, 5));
        assert!(!odd);
    }

    #[test]
    fn a_quote_left_open_runs_to_the_end_with_an_odd_count() {
        let (rows, odd) = rows(b"h,v\na,\"we will\nb,5\nc,6\n", true);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[1].1.first, rows[1].1.last), (2, 4));
        assert!(odd);
        // Escaped quotes pair up, and quotes in earlier rows do not count.
        let (_, odd) = super::tests::rows(b"h,v\n\"a\",\"b\nc\"\nd,\"say \"\"no\"\"\"\n", true);
        assert!(!odd);
        let (_, odd) = super::tests::rows(b"h,v\n\"a\",\"b\"\nd,\"say \"\"no", true);
        assert!(odd);
    }

    #[test]
    fn tabs_count_no_quotes() {
        let (rows, odd) = rows(b"h\tv\na\t\"x\nb\tw\n", false);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|(_, l)| l.first == l.last));
        assert_eq!(rows[2].1.first, 3);
        assert!(!odd);
    }
}
