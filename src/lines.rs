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

/// A line break: its offset in the input and its length (2 for `\r\n`).
#[derive(Clone, Copy, Debug)]
struct Break {
    at: u64,
    len: u8,
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
    /// The cell delimiter, for CSV, where `"` opens quoted cells; `None`
    /// where quotes are text.
    delimiter: Option<u8>,
    /// Whether the input has ended inside a quoted cell so far.
    in_quotes: bool,
    /// The offset of the `"` that last closed a quoted cell: a `"` right
    /// after it is an escaped quote, and the cell goes on.
    closed_at: Option<u64>,
    /// The last byte passed through, which a `"` at the start of the next
    /// read follows.
    last_byte: Option<u8>,
    /// The offset of the last `\r` seen, which a `\n` right after joins.
    last_cr: Option<u64>,
    /// The longest row let through, in bytes, beyond the `csv` reader's
    /// read-ahead (see [`Lines::with_limit`]).
    limit: u64,
    /// Where the last numbered row ended (0 before any).
    row_end: u64,
    /// Set when a row ran over `limit`: the bytes read of it.
    over: Option<u64>,
    /// Offsets of `"`s that closed a quoted cell with text after them
    /// (`"20,000` … `"about 30000"`), not yet claimed by a row: a mark
    /// of a stray `"` that took the lines after it into one cell.
    strays: VecDeque<u64>,
    /// Whether the last byte read closed a quoted cell, so that the
    /// first byte of the next read tells whether text follows it.
    closed_last: bool,
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
    /// The offset of the row's first byte.
    pub(crate) start: u64,
}

impl<R: Read> Lines<R> {
    /// Wraps `inner`; `delimiter` for CSV, where `"` opens quoted cells,
    /// `None` where quotes are text (TSV).
    pub(crate) fn new(inner: R, delimiter: Option<u8>) -> Lines<R> {
        Lines {
            inner,
            read: 0,
            breaks: VecDeque::new(),
            dropped: 0,
            delimiter,
            in_quotes: false,
            closed_at: None,
            last_byte: None,
            last_cr: None,
            limit: u64::MAX,
            row_end: 0,
            over: None,
            strays: VecDeque::new(),
            closed_last: false,
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

    /// Follows a `"` at `at`, after the byte `before` (`None` at the
    /// start of the input), as the `csv` parser reads it: a `"` opens a
    /// quoted cell only where a cell starts, closes it inside one, and
    /// right after a closing `"` is an escaped quote that reopens it;
    /// anywhere else (`a 5" pipe`) it is text.
    fn quote(&mut self, at: u64, before: Option<u8>) {
        if self.in_quotes {
            self.in_quotes = false;
            self.closed_at = Some(at);
        } else if before.is_none_or(|b| b == b'\n' || b == b'\r' || Some(b) == self.delimiter)
            || (at > 0 && self.closed_at == Some(at - 1))
        {
            self.in_quotes = true;
        }
    }

    fn note(&mut self, at: u64, byte: u8) {
        match byte {
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
                self.breaks.push_back(Break { at, len: 1 });
            }
        }
    }

    /// Numbers the row that the `csv` reader began reading at byte
    /// `start` (the record's position) and stopped after byte `end` (the
    /// reader's position after it): the row's first line is that of its
    /// first byte that is not a line break ([`Lines::skip_breaks`]), its
    /// last line that of its last such byte. Rows come in order, so the breaks
    /// before this one are dropped first (all but the last), and the rest are walked from the
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

    /// Whether `byte`, right after a `"` that closed a quoted cell, is
    /// text: neither the delimiter, a line break, nor a `"` (an escaped
    /// quote).
    fn is_text_after_close(&self, byte: u8) -> bool {
        !(byte == b'\n' || byte == b'\r' || byte == b'"' || Some(byte) == self.delimiter)
    }

    /// The line of the byte at `offset`, which is at or after the start
    /// of the last numbered row (earlier breaks are dropped).
    fn line_at(&self, offset: u64) -> u64 {
        let before = self.breaks.iter().take_while(|b| b.at < offset).count();
        1 + self.dropped + before as u64
    }

    /// The line of the first `"` in `start..end` (a row's bytes) that
    /// closed a quoted cell with text right after it, if any; marks
    /// before `start` are let go. In a row that spans lines, such a
    /// close is the mark of a stray `"` that opened the cell and took the
    /// rows after it in, until a quote of theirs closed it.
    pub(crate) fn stray_close(&mut self, start: u64, end: u64) -> Option<u64> {
        while self.strays.front().is_some_and(|&at| at < start) {
            self.strays.pop_front();
        }
        let at = *self.strays.front().filter(|&&at| at < end)?;
        Some(self.line_at(at))
    }

    /// Whether the input, read to its end, ended inside a quoted cell:
    /// one opened in the last row and never closed, so that the `csv`
    /// parser read the rest of the input into it.
    pub(crate) fn ends_in_quotes(&self) -> bool {
        self.in_quotes
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
        if self.delimiter.is_some() {
            if self.closed_last
                && let Some(&first) = bytes.first()
            {
                self.closed_last = false;
                if self.is_text_after_close(first) {
                    self.strays.push_back(base - 1);
                }
            }
            for i in memchr::memchr3_iter(b'\n', b'\r', b'"', bytes) {
                if bytes[i] == b'"' {
                    let before = match i {
                        0 => self.last_byte,
                        i => Some(bytes[i - 1]),
                    };
                    let at = base + i as u64;
                    self.quote(at, before);
                    if !self.in_quotes && self.closed_at == Some(at) {
                        match bytes.get(i + 1) {
                            Some(&next) if self.is_text_after_close(next) => {
                                self.strays.push_back(at);
                            }
                            Some(_) => {}
                            None => self.closed_last = true,
                        }
                    }
                } else {
                    self.note(base + i as u64, bytes[i]);
                }
            }
            if let Some(&last) = bytes.last() {
                self.last_byte = Some(last);
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

    /// A row read by [`rows`]: its cells, its lines, and the line of its
    /// quote that closed with text after it, if any.
    type Row = (Vec<String>, RowLines, Option<u64>);

    /// Every row's cells and lines, read through `csv` as the table
    /// reader reads, and whether the last row holds an odd number of `"`.
    fn rows(input: &[u8], quoting: bool) -> (Vec<Row>, bool) {
        let mut builder = csv::ReaderBuilder::new();
        builder.flexible(true).has_headers(false).quoting(quoting);
        // A small buffer, so breaks and `\r\n` pairs fall across reads.
        builder.buffer_capacity(3);
        let mut table = builder.from_reader(Lines::new(input, quoting.then_some(b',')));
        let mut record = csv::ByteRecord::new();
        let mut out = Vec::new();
        while table.read_byte_record(&mut record).unwrap() {
            let start = record.position().unwrap().byte();
            let end = table.position().byte();
            let lines = table.get_mut().number(start, end);
            let stray = table.get_mut().stray_close(lines.start, end);
            let cells = record
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            out.push((cells, lines, stray));
        }
        let odd = table.get_ref().ends_in_quotes();
        (out, odd)
    }

    fn firsts(input: &[u8]) -> Vec<u64> {
        rows(input, true)
            .0
            .iter()
            .map(|(_, l, _)| l.first)
            .collect()
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

    /// A `"` inside a cell that did not start with one is text, as the
    /// `csv` parser reads it: it opens nothing, on the last row or any
    /// other, and the line breaks after it end rows.
    #[test]
    fn a_quote_inside_a_cell_is_text() {
        for input in [
            &b"h,v\nAP,a 5\" pipe"[..],
            b"h,v\nAP,a 5\" pipe\n",
            b"h,v\nAP,a 5\" pipe\nb,w\n",
            b"h,v\r\nAP,\"quoted\"x 5\" pipe\r\nb,w",
        ] {
            let (rows, odd) = rows(input, true);
            assert!(!odd, "{:?}", String::from_utf8_lossy(input));
            assert!(rows.iter().all(|(_, l, _)| l.first == l.last));
        }
        // Opened where a cell starts, after a delimiter or a line break.
        let (_, odd) = rows(b"h,v\nAP,\"a 5 pipe", true);
        assert!(odd);
        let (_, odd) = rows(b"h,v\n\"AP,a 5 pipe\n", true);
        assert!(odd);
    }

    /// The line of each row's quote that closed with text after it, read
    /// as [`rows`] reads (a 3-byte buffer, so that a closing `"` and the
    /// byte after it fall in different reads).
    fn strays(input: &[u8]) -> Vec<Option<u64>> {
        rows(input, true).0.into_iter().map(|(_, _, s)| s).collect()
    }

    #[test]
    fn a_quote_closed_with_text_after_it_is_marked_on_its_line() {
        assert_eq!(
            strays(b"h,v\na,\"x\nb,1\nc,\"y\",2\nd,3\n"),
            [None, Some(4), None]
        );
        // Escaped quotes, and quotes closed before a delimiter or a line
        // break, mark nothing.
        assert_eq!(
            strays(b"h,v\n\"a \"\"b\"\"\",\"c\"\r\nd,\"e\"\n"),
            [None, None, None]
        );
        // On one line, `"a"b`: marked, for the reader to judge.
        assert_eq!(strays(b"h,v\n\"a\"b,c\n"), [None, Some(2)]);
    }

    #[test]
    fn tabs_count_no_quotes() {
        let (rows, odd) = rows(b"h\tv\na\t\"x\nb\tw\n", false);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|(_, l, _)| l.first == l.last));
        assert_eq!(rows[2].1.first, 3);
        assert!(!odd);
    }
}
