//! Renderers for [`Report`]: plain text for a terminal, Markdown, JSON.
//!
//! | item | what it is |
//! |---|---|
//! | [`Report::render_text`] | plain text wrapped to a width |
//! | [`Report::render_text_with`] | plain text with [`TextOptions`] (width, colour) |
//! | [`Report::render_markdown`] | Markdown |
//! | [`Report::to_json_string`] | pretty JSON of the typed report |
//! | [`Analyzer::write_text`], [`Analyzer::write_markdown`] and their `_where` forms | the same text and Markdown, written while the topics are analysed, the text held by verdict in memory |
//! | [`Analyzer::write_text_with_scratch`], [`Analyzer::write_markdown_with_scratch`], [`Analyzer::write_json_with_scratch`] | the same bytes, the text held in a scratch the caller gives |

use std::fmt::Write as _;
use std::io::{self, Read, Seek, SeekFrom, Write};

use crate::analyze::Analyzer;
use crate::model::Polarity;
use crate::report::{Position, Report, Summary, Topic, Verdict};

/// Options for the plain-text report.
///
/// ```
/// use corroborate::TextOptions;
/// let options = TextOptions::new().with_width(100).with_color(true);
/// assert_eq!(options.width(), 100);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextOptions {
    width: usize,
    color: bool,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions::new()
    }
}

impl TextOptions {
    /// 80 columns, no colour.
    pub fn new() -> TextOptions {
        TextOptions {
            width: 80,
            color: false,
        }
    }

    /// Sets the width lines wrap at (at least 40).
    pub fn with_width(mut self, width: usize) -> TextOptions {
        self.width = width.max(40);
        self
    }

    /// Turns ANSI colour on or off.
    pub fn with_color(mut self, color: bool) -> TextOptions {
        self.color = color;
        self
    }

    /// The width.
    pub fn width(&self) -> usize {
        self.width
    }

    /// True when colour is on.
    pub fn color(&self) -> bool {
        self.color
    }
}

/// Whether `c` would act on a terminal or reorder text rather than show:
/// a control character (an escape that clears the screen or recolours
/// it, a bell) or a bidirectional embedding, override or isolate. Names
/// refuse these; other text from a corpus (units, verbs, evidence) may
/// hold them. The implicit marks (U+200E, U+200F, U+061C) are not among
/// them: text copied from a right-to-left page holds them, they override
/// nothing, and shown as escapes they were noise in Arabic names (the
/// eleventh audit, F9).
pub(crate) fn acts(c: char) -> bool {
    // The control characters (Unicode's Cc), and the embeddings,
    // overrides and isolates.
    matches!(
        c,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether a byte of UTF-8 text may begin a character that [`acts`]: an
/// ASCII control, or the lead byte of a C1 control (0xC2) or of the
/// embeddings, overrides and isolates (0xE2). Text is scanned for these
/// bytes first, a scan the compiler vectorises, and decoded only where
/// one is found: most words hold none.
fn may_act(byte: u8) -> bool {
    byte < 0x20 || matches!(byte, 0x7f | 0xC2 | 0xE2)
}

/// The length in bytes of the character at `bytes[i]` if it [`acts`],
/// told from its UTF-8 bytes without decoding: most text that has a
/// lead byte [`may_act`] looks for has it for a curly quote or a dash.
fn acting_at(bytes: &[u8], i: usize) -> Option<usize> {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        0..=0x1f | 0x7f => Some(1),
        // U+0080 to U+009F.
        0xC2 if matches!(next(1), 0x80..=0x9f) => Some(2),
        // U+202A to U+202E; U+2066 to U+2069.
        0xE2 => match (next(1), next(2)) {
            (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9) => Some(3),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a byte is one that every character that [`acts`] has among
/// its UTF-8 bytes: an ASCII control, the lead byte of a C1 control
/// (0xC2), or the last byte of an embedding, override or isolate (0xA6
/// to 0xAE; also of the separators U+2028 and U+2029, 0xA8 and 0xA9,
/// that JSON escapes too, [`json_escaped_at`]). Unlike [`may_act`] it
/// passes over the 0xE2 that begins every curly quote, dash and arrow,
/// so that the blocks of ordinary text that [`holds_acting`] looks at
/// closely are few.
fn in_acting(byte: u8) -> bool {
    byte < 0x20 || matches!(byte, 0x7f | 0xC2 | 0xA6..=0xAE)
}

/// Whether `text` holds a character that [`acts`]. Its bytes are first
/// tested 32 at a time for any [`in_acting`], with no early exit within
/// a block, which the compiler vectorises; only a block that has one is
/// looked at byte by byte (from two bytes before it, where a mark's
/// first byte may lie).
fn holds_acting(text: &str) -> bool {
    holds(text, acting_at)
}

/// The length in bytes of the character at `bytes[i]` if JSON writes it
/// as a `\uXXXX` escape beyond the ones serde_json writes: a character
/// that [`acts`] ([`acting_at`]), or the line and paragraph separators
/// U+2028 and U+2029, which JavaScript before ES2019 read as line ends
/// inside a string and which some terminals and editors break lines at.
/// Both reach the JSON reports from corpus text as the text report's
/// escapes do; DESIGN.md, "Why is corpus text escaped in the Markdown
/// and text reports?", says why JSON escapes them too.
pub(crate) fn json_escaped_at(bytes: &[u8], i: usize) -> Option<usize> {
    acting_at(bytes, i).or_else(|| {
        // U+2028 and U+2029.
        (bytes[i] == 0xE2
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|b| matches!(b, [0x80, 0xa8 | 0xa9])))
        .then_some(3)
    })
}

/// Whether `text` holds a character that JSON escapes beyond
/// serde_json's escapes ([`json_escaped_at`]), tested as
/// [`holds_acting`] tests: every such character has a byte that
/// [`in_acting`] finds.
pub(crate) fn holds_json_escaped(text: &str) -> bool {
    holds(text, json_escaped_at)
}

/// Whether `text` holds a character that `at` finds (its length, if
/// any, at a byte), where each such character has a byte that
/// [`in_acting`] finds: blocks of 32 bytes without one are passed over.
#[inline]
fn holds(text: &str, at: fn(&[u8], usize) -> Option<usize>) -> bool {
    let bytes = text.as_bytes();
    let block_in_acting = |block: &[u8]| {
        block
            .iter()
            .fold(0u8, |any, &b| any | u8::from(in_acting(b)))
            != 0
    };
    let acting_from =
        |from: usize, to: usize| (from.saturating_sub(2)..to).any(|i| at(bytes, i).is_some());
    let mut start = 0;
    for block in bytes.chunks_exact(32) {
        if block_in_acting(block) && acting_from(start, start + 32) {
            return true;
        }
        start += 32;
    }
    block_in_acting(&bytes[start..]) && acting_from(start, bytes.len())
}

/// A character that [`acts`] as it is shown instead: its escape,
/// `\u{1b}`, the one form the reports and error messages use.
pub(crate) struct Escaped(pub(crate) char);

impl std::fmt::Display for Escaped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\\u{{{:x}}}", u32::from(self.0))
    }
}

/// Pushes `word`, each character that [`acts`] shown as its escape
/// (`\u{1b}`) rather than sent to the terminal; returns the characters
/// pushed.
fn push_shown(out: &mut String, word: &str) -> usize {
    if !holds_acting(word) {
        out.push_str(word);
        return word.chars().count();
    }
    let start = out.len();
    for c in word.chars() {
        if acts(c) {
            let _ = write!(out, "{}", Escaped(c));
        } else {
            out.push(c);
        }
    }
    out[start..].chars().count()
}

/// Wraps `text` at `width` columns: the first line starts with `first`, the
/// rest with `indent` spaces. Words longer than a line are not broken.
/// Characters that would act on a terminal are shown as escapes
/// ([`push_shown`]).
///
/// Written straight into `out`, word by word: no line is built apart.
/// Words hold no whitespace, so a line can end in spaces only when
/// `text` has no word at all, and then the prefix's trailing spaces are
/// trimmed, as they are from every line.
fn wrap(out: &mut String, text: &str, width: usize, first: &str, indent: usize) {
    let start = out.len();
    out.push_str(first);
    let mut line = Line {
        len: first.chars().count(),
        empty: true,
        width,
        indent,
    };
    if holds_acting(text) {
        for word in text.split_whitespace() {
            if holds_acting(word) {
                let len = push_shown(&mut String::new(), word);
                line.place(out, len);
                push_shown(out, word);
            } else {
                line.place(out, word.chars().count());
                out.push_str(word);
            }
        }
    } else if let Some(ascii) = single_spaced(text) {
        // A text of words between single spaces is its own layout: each
        // line is a slice of it, found by where its room ends.
        let bytes = text.as_bytes();
        // Every bound below is a space or an end: whole characters.
        let chars = |from: usize, to: usize| {
            if ascii {
                to - from
            } else {
                text[from..to].chars().count()
            }
        };
        let mut i = 0;
        while i < bytes.len() {
            let word_end = memchr::memchr(b' ', &bytes[i..]).map_or(bytes.len(), |at| i + at);
            // The first word of the slice goes where `place` puts it
            // (on this line, or the next); the words after it follow as
            // long as they fit. A text has at least as many bytes as
            // characters, so the words within `room` bytes fit; where
            // characters of several bytes leave room for another word,
            // `place` puts it on this line next time round.
            line.place(out, chars(i, word_end));
            let room = line.width.saturating_sub(line.len);
            let reach = bytes.len().min(word_end + room);
            let end = if reach == bytes.len() || bytes[reach] == b' ' {
                reach
            } else {
                // `bytes[word_end]` is a space: one is always found.
                memchr::memrchr(b' ', &bytes[word_end..reach]).map_or(word_end, |at| word_end + at)
            };
            out.push_str(&text[i..end]);
            line.len += chars(word_end, end);
            i = end + 1;
        }
    } else {
        // Most texts hold no character that acts, and then the space is
        // their only ASCII whitespace (the others are controls): they are
        // split at spaces in one pass over their bytes, and a piece of
        // ASCII is one word as long as its bytes. Only a piece with other
        // bytes is decoded, for the whitespace it may hold (a no-break
        // space, U+3000) and to count its characters.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b' ' {
                i += 1;
                continue;
            }
            let start = i;
            let mut ascii = true;
            while i < bytes.len() && bytes[i] != b' ' {
                ascii &= bytes[i].is_ascii();
                i += 1;
            }
            // A space, or the end, on both sides: whole characters.
            let piece = &text[start..i];
            if ascii {
                line.place(out, piece.len());
                out.push_str(piece);
            } else {
                for word in piece.split_whitespace() {
                    line.place(out, word.chars().count());
                    out.push_str(word);
                }
            }
        }
    }
    if line.empty {
        out.truncate(start + first.trim_end().len());
    }
    out.push('\n');
}

/// `Some(ascii)` when `text` is words between single spaces, with no
/// space at either end and no whitespace but the space (`ascii` when
/// all of it is ASCII): what [`wrap`] can lay out a line at a time, each
/// line a slice of the text, once [`holds_acting`] has found no control
/// in it. Each byte and the one after it are tested in one pass without
/// an early exit, which the compiler vectorises; in a text beyond ASCII,
/// only the characters that begin with a byte that whitespace beyond
/// ASCII begins with (0xC2, 0xE1, 0xE2, 0xE3: U+00A0, U+1680, U+2000 to
/// U+205F, U+3000) are decoded.
fn single_spaced(text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    let (wide, double) = bytes
        .iter()
        .zip(&bytes[1..])
        .fold((false, false), |(wide, double), (&b, &next)| {
            (wide | (b >= 0x80), double | ((b == b' ') & (next == b' ')))
        });
    // The last byte is tested only as a space: a character beyond ASCII
    // ending there began with a byte tested above.
    if first == b' ' || last == b' ' || double {
        return None;
    }
    if !wide {
        return Some(true);
    }
    let spaced = |at: usize| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_whitespace)
    };
    if memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).any(spaced)
        || memchr::memchr_iter(0xE1, bytes).any(spaced)
    {
        return None;
    }
    Some(false)
}

/// Where [`wrap`] stands in the line it is writing.
struct Line {
    /// The line's length so far, in characters.
    len: usize,
    /// Whether the text has had no word yet.
    empty: bool,
    width: usize,
    indent: usize,
}

impl Line {
    /// Makes room for a word of `len` characters, which the caller then
    /// pushes: a space before it, or a new line if it would pass the
    /// width (the first word stays on the first line whatever its
    /// length).
    fn place(&mut self, out: &mut String, len: usize) {
        if !self.empty {
            if self.len + 1 + len > self.width {
                out.push('\n');
                spaces(out, self.indent);
                self.len = self.indent;
            } else {
                out.push(' ');
                self.len += 1;
            }
        }
        self.len += len;
        self.empty = false;
    }
}

/// Pushes `n` spaces.
fn spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let step = n.min(SPACES.len());
        out.push_str(&SPACES[..step]);
        n -= step;
    }
}

fn heading(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Contested => "CONTESTED",
        Verdict::DifferentScope => "DIFFERENT SCOPE",
        Verdict::Superseded => "SUPERSEDED",
        Verdict::Corroborated => "CORROBORATED",
        Verdict::SingleOrigin => "SINGLE ORIGIN",
    }
}

fn paint(text: &str, verdict: Verdict, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let code = match verdict {
        Verdict::Contested => "1;31",
        Verdict::DifferentScope => "1;33",
        Verdict::Superseded => "1;35",
        Verdict::Corroborated => "1;32",
        Verdict::SingleOrigin => "1;36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} claim{} in {} topic{}: {} contested, {} differing in scope, {} superseded, {} corroborated, {} single-origin; {} relay finding{}, {} misattributed quote{}",
        s.claims,
        if s.claims == 1 { "" } else { "s" },
        s.topics,
        if s.topics == 1 { "" } else { "s" },
        s.contested,
        s.different_scope,
        s.superseded,
        s.corroborated,
        s.single_origin,
        s.relay_findings,
        if s.relay_findings == 1 { "" } else { "s" },
        s.misattributions,
        if s.misattributions == 1 { "" } else { "s" },
    );
    if s.skipped > 0 {
        line.push_str(&format!(
            "; {} record{} skipped",
            s.skipped,
            if s.skipped == 1 { "" } else { "s" }
        ));
    }
    if s.warned > 0 {
        line.push_str(&format!(
            "; {} record{} kept with a warning",
            s.warned,
            if s.warned == 1 { "" } else { "s" }
        ));
    }
    if s.not_compared > 0 {
        line.push_str(&format!(
            "; {} claim{} not compared",
            s.not_compared,
            if s.not_compared == 1 { "" } else { "s" }
        ));
    }
    line
}

fn settings_line(report: &Report) -> String {
    let settings = &report.settings;
    let tables = match &settings.name_tables {
        Some(name) => format!(", name tables {name}"),
        None => String::new(),
    };
    format!(
        "vocabulary {}{tables}, quote threshold {:.2}, name threshold {:.2}",
        settings.vocabulary, settings.quote_threshold, settings.name_threshold
    )
}

/// The modality of a claim as the report notes it: certainty, then
/// "negative", the verb, a quote's occasion, the day a figure of a series
/// is given "as of", when it was reported and what supersedes it,
/// separated by commas.
fn modality_note(out: &mut String, entry: &crate::report::ClaimEntry) {
    out.push_str(entry.modality().certainty.as_str());
    if entry.modality().polarity == Polarity::Negative {
        out.push_str(", negative");
    }
    if let Some(verb) = entry.verb() {
        let _ = write!(out, ", \"{verb}\"");
    }
    if let Some(occasion) = entry.occasion() {
        let _ = write!(out, ", occasion “{occasion}”");
    }
    if let Some(as_of) = entry.as_of {
        let _ = write!(out, ", as of {as_of}");
    }
    if let Some(reported) = entry.reported {
        let _ = write!(out, ", reported {reported}");
    }
    if let Some(by) = &entry.superseded_by {
        let _ = write!(out, ", superseded by {by}");
    }
}

/// A claim's attribution chain: `a > b > c`.
/// With `markdown`, each id escaped ([`Md`]): an id may hold `_`, and
/// `_afp_` would show as an italic "afp".
fn chain_text(out: &mut String, entry: &crate::report::ClaimEntry, markdown: bool) {
    for (i, source) in entry.chain().iter().enumerate() {
        if i > 0 {
            out.push_str(" > ");
        }
        push_id(out, source.as_str(), markdown);
    }
}

/// Pushes a source id, escaped for Markdown with `markdown`.
fn push_id(out: &mut String, id: &str, markdown: bool) {
    if markdown {
        let _ = write!(out, "{}", Md(id));
    } else {
        out.push_str(id);
    }
}

/// Text from the corpus (names, values, evidence, sentences that quote
/// them), escaped for Markdown: each character that Markdown reads as
/// markup (emphasis, links, code, raw HTML, entities, strikethrough, and
/// the dollar signs that GitHub, GitLab and Pandoc read as TeX) is
/// written after a backslash, and a line break as a space, so that a
/// name like `*armed*` or `[x](http://e.com)` shows as written, and a
/// line break cannot start a heading or a list item. A backslash before
/// ASCII punctuation is CommonMark's escape: the text renders as it
/// reads in the plain report.
struct Md<'t>(&'t str);

impl std::fmt::Display for Md<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Bytes that are markup, or may begin a character that acts; the
        // text between them is written as it is.
        let marks = |b: u8| may_act(b) || is_markup(b);
        let text = self.0;
        let markup = |b: u8| is_markup(b) || b < 0x20;
        if text.bytes().fold(0u8, |any, b| any | u8::from(markup(b))) == 0 && !holds_acting(text) {
            return f.write_str(text);
        }
        let bytes = text.as_bytes();
        let mut written = 0;
        let mut at = 0;
        while let Some(found) = bytes[at..].iter().position(|&b| marks(b)) {
            at += found;
            // `at` is a character boundary: every byte `marks` matches
            // is ASCII or a lead byte. A lead byte of a character that
            // does not act (a curly quote) is passed over.
            let len = match acting_at(bytes, at) {
                Some(len) => len,
                None if bytes[at].is_ascii() => 1,
                None => {
                    at += 1;
                    continue;
                }
            };
            f.write_str(&text[written..at])?;
            let c = text[at..].chars().next().unwrap_or(' ');
            if matches!(c, '\n' | '\r' | '\t') {
                f.write_str(" ")?;
            } else if acts(c) {
                // The escape's backslash escaped for Markdown.
                write!(f, "\\{}", Escaped(c))?;
            } else {
                write!(f, "\\{c}")?;
            }
            at += len;
            written = at;
        }
        f.write_str(&text[written..])
    }
}

/// Whether `b` is an ASCII character that Markdown reads as markup, and
/// [`Md`] writes after a backslash.
fn is_markup(b: u8) -> bool {
    matches!(
        b,
        b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'~' | b'#' | b'|' | b'$'
    )
}

/// A line of corpus text that stands alone in Markdown (the title),
/// trimmed, escaped as [`Md`] and, where it opens as a list item, a numbered one,
/// a block quote or a rule would ("- ", "1. ", "+", "="), with its first
/// mark escaped too.
fn md_line(text: &str) -> String {
    // Trimmed first: a line that opens with spaces is a list item or a
    // code block after them (eleventh audit, F5).
    let escaped = Md(text.trim()).to_string();
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    let opens_list = matches!(escaped.as_bytes().get(digits), Some(b'.' | b')')) && digits > 0;
    if opens_list {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// A position's origins and publications: `2 independent origins: A
/// (a), B (b); 3 publications: x, y, z`; with `markdown`, the names and
/// ids escaped ([`Md`]).
fn origins_text(out: &mut String, position: &Position, markdown: bool) {
    let origins = position.origins.len();
    let _ = write!(
        out,
        "{origins} independent origin{}: ",
        if origins == 1 { "" } else { "s" }
    );
    for (i, o) in position.origins.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if markdown {
            let _ = write!(out, "{} ({})", Md(&o.name.to_string()), Md(o.id.as_str()));
        } else {
            let _ = write!(out, "{} ({})", o.name, o.id);
        }
    }
    let publications = position.publications.len();
    let _ = write!(
        out,
        "; {publications} publication{}: ",
        if publications == 1 { "" } else { "s" }
    );
    for (i, p) in position.publications.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_id(out, p.as_str(), markdown);
    }
}

/// What a rendered report is made of, in order: a head (title, summary,
/// settings), each verdict's section (a heading, then its topics in
/// subject and property order) and a tail (misattributions, merges,
/// diagnostics).
///
/// [`Report::render_text_with`] and [`Report::render_markdown`] lay out
/// the topics a report holds; [`Analyzer::write_text`] and
/// [`Analyzer::write_markdown`] the topics as they are analysed, each
/// rendered on its own and kept by verdict. Both go through these
/// methods, so they give the same bytes.
trait Layout: Sync {
    fn head(&self, out: &mut String, report: &Report<'_>);
    fn section(&self, out: &mut String, verdict: Verdict);
    /// Lays out one topic, calling `drain` between its positions,
    /// relations and relay findings: a large topic's text can be written
    /// out piece by piece (see [`Streamed::write_topic`]) instead of held
    /// whole. `drain` takes what is in `out` so far, or leaves it.
    fn topic(&self, out: &mut String, topic: &Topic<'_>, drain: &mut dyn FnMut(&mut String));
    fn tail(&self, out: &mut String, report: &Report<'_>);

    /// The whole report, from the topics it holds.
    fn render(&self, report: &Report<'_>) -> String {
        let mut out = String::new();
        self.head(&mut out, report);
        let mut current: Option<Verdict> = None;
        let mut section = |out: &mut String, verdict: Verdict| {
            if current != Some(verdict) {
                current = Some(verdict);
                self.section(out, verdict);
            }
        };
        // On one core, each topic straight into `out`.
        #[cfg(not(feature = "parallel"))]
        for topic in &report.topics {
            section(&mut out, topic.verdict);
            self.topic(&mut out, topic, &mut |_| {});
        }
        // On all cores, runs of topics rendered apart and appended in
        // order, a bounded number of claims ahead of the topic appended.
        #[cfg(feature = "parallel")]
        {
            let Ok(()) = crate::pool::in_order_window(
                &report.topics,
                |topic| topic.claim_count,
                RENDER_WINDOW,
                |topic| {
                    let mut text = String::with_capacity(topic_room(topic));
                    self.topic(&mut text, topic, &mut |_| {});
                    (topic.verdict, text)
                },
                |(verdict, text)| {
                    section(&mut out, verdict);
                    out.push_str(&text);
                    Ok::<(), std::convert::Infallible>(())
                },
            );
        }
        self.tail(&mut out, report);
        out
    }
}

/// What a writer that streams the topics asks of a layout: each topic's
/// bytes, made where it is analysed, and the parts around the topics,
/// written once the summary is known. Every [`Layout`] is one; so is
/// the JSON document's ([`crate::json::JsonDocument`]).
pub(crate) trait Streamed: Sync {
    /// Writes one topic as it stands in its section.
    fn write_topic(&self, out: &mut dyn Write, topic: &Topic<'_>) -> io::Result<()>;
    /// One topic's bytes as they stand in its section.
    fn topic_bytes(&self, topic: &Topic<'_>) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.write_topic(&mut bytes, topic)?;
        Ok(bytes)
    }
    /// The head: everything before the first section.
    fn write_head(&self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()>;
    /// A section's heading.
    fn write_section(&self, out: &mut dyn Write, verdict: Verdict) -> io::Result<()>;
    /// The tail: everything after the last section.
    fn write_tail(&self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()>;
    /// How many bytes of the first topic written are left out: a
    /// separator each topic's bytes start with, which only goes between
    /// topics.
    fn lead(&self) -> usize {
        0
    }
    /// The claims from which a topic's bytes (about a megabyte) are worth
    /// writing straight to a scratch rather than making where the topic
    /// is analysed, on all cores: text takes about 240 bytes a claim.
    fn large_topic(&self) -> usize {
        4096
    }
}

impl<L: Layout> Streamed for L {
    /// Writes the topic's text to `out` in pieces of about
    /// [`DRAIN_AT`] bytes as it is laid out: a large topic's text is
    /// not held whole (at 100k synthetic claims, the largest topic's
    /// text was 4.6 MB).
    fn write_topic(&self, out: &mut dyn Write, topic: &Topic<'_>) -> io::Result<()> {
        // Drained at `DRAIN_AT`, after the position that passes it.
        let mut text = String::with_capacity(topic_room(topic).min(2 * DRAIN_AT));
        let mut written = Ok(());
        self.topic(&mut text, topic, &mut |text: &mut String| {
            if text.len() >= DRAIN_AT {
                // After a failed write the rest is laid out and dropped:
                // the first error is the one returned.
                if written.is_ok() {
                    written = out.write_all(text.as_bytes());
                }
                text.clear();
            }
        });
        written?;
        out.write_all(text.as_bytes())
    }

    fn topic_bytes(&self, topic: &Topic<'_>) -> io::Result<Vec<u8>> {
        let mut text = String::with_capacity(topic_room(topic));
        self.topic(&mut text, topic, &mut |_| {});
        Ok(text.into_bytes())
    }

    fn write_head(&self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        write_text(out, |text| self.head(text, report))
    }

    fn write_section(&self, out: &mut dyn Write, verdict: Verdict) -> io::Result<()> {
        write_text(out, |text| self.section(text, verdict))
    }

    fn write_tail(&self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        write_text(out, |text| self.tail(text, report))
    }
}

/// The bytes of a topic's text [`Streamed::write_topic`] gathers before
/// it writes them out.
const DRAIN_AT: usize = 64 * 1024;

/// Room for a topic's text, made at once: grown from nothing by
/// doubling, the text of a topic of a few claims was copied some ten
/// times over (at 100k synthetic claims, making the room at once took
/// the text report from 3,826.2M to 3,782.0M instructions, −1.2%). The
/// text and Markdown reports take some 320 bytes a claim; room is made
/// for a little more, and for the topic's own lines.
fn topic_room(topic: &Topic<'_>) -> usize {
    topic.claim_count.saturating_mul(384).saturating_add(512)
}

/// Writes to `out` the text `fill` lays out.
fn write_text(out: &mut dyn Write, fill: impl FnOnce(&mut String)) -> io::Result<()> {
    let mut text = String::new();
    fill(&mut text);
    out.write_all(text.as_bytes())
}

/// A writer that drops the first `skip` bytes written to it.
struct Skip<'w> {
    out: &'w mut dyn Write,
    skip: usize,
}

impl Write for Skip<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.skip > 0 && !bytes.is_empty() {
            let n = self.skip.min(bytes.len());
            self.skip -= n;
            return Ok(n);
        }
        self.out.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Claims rendered ahead of the topic being appended, with the `parallel`
/// feature: their text waits to be appended (about 2 MB of text, at the
/// synthetic corpora's 232 bytes a claim).
#[cfg(feature = "parallel")]
const RENDER_WINDOW: usize = 8192;

/// The verdicts in the order of the report's sections, each at its own
/// index (`verdict as usize`, checked when compiling), which is also the
/// order `Verdict` sorts in.
const SECTIONS: [Verdict; 5] = [
    Verdict::Contested,
    Verdict::DifferentScope,
    Verdict::Superseded,
    Verdict::Corroborated,
    Verdict::SingleOrigin,
];

const _: () = {
    let mut i = 0;
    while i < SECTIONS.len() {
        assert!(SECTIONS[i] as usize == i, "SECTIONS out of verdict order");
        i += 1;
    }
};

impl Layout for TextOptions {
    fn head(&self, out: &mut String, report: &Report<'_>) {
        let title = match &report.title {
            Some(t) => format!("corroborate report: {t}"),
            None => "corroborate report".to_string(),
        };
        wrap(out, &title, self.width, "", 0);
        wrap(out, &summary_line(report), self.width, "", 0);
        wrap(out, &settings_line(report), self.width, "", 0);
    }

    fn section(&self, out: &mut String, verdict: Verdict) {
        out.push('\n');
        let text = format!("== {} ==", heading(verdict));
        out.push_str(&paint(&text, verdict, self.color));
        out.push('\n');
    }

    fn topic(&self, out: &mut String, topic: &Topic<'_>, drain: &mut dyn FnMut(&mut String)) {
        out.push('\n');
        text_topic(out, topic, self, drain);
    }

    fn tail(&self, out: &mut String, report: &Report<'_>) {
        let width = self.width;
        if !report.misattributions.is_empty() {
            out.push_str("\n== MISATTRIBUTED QUOTES ==\n\n");
            for m in &report.misattributions {
                wrap(out, m.relation.explanation(), width, "- ", 2);
            }
        }
        if !report.merges.is_empty() {
            out.push_str("\n== NAME MERGES ==\n\n");
            for m in &report.merges {
                let line = format!(
                    "{} ({:?}) merged with {} ({:?}): {}, similarity {} at threshold {}",
                    m.entity,
                    m.name,
                    m.with,
                    m.other_name,
                    match m.rule {
                        crate::resolve::MergeRule::SameName => "same normalized name",
                        crate::resolve::MergeRule::SpacingOnly => {
                            "same name but for spaces and hyphens"
                        }
                        crate::resolve::MergeRule::SimilarName => "similar names",
                    },
                    m.similarity,
                    m.threshold
                );
                wrap(out, &line, width, "- ", 2);
            }
        }
        out.push_str("\n== DIAGNOSTICS ==\n\n");
        if report.diagnostics.is_empty() {
            out.push_str("none: every claim was compared\n");
        }
        for d in &report.diagnostics {
            wrap(out, &d.to_string(), width, "- ", 2);
        }
    }
}

/// One topic as plain text, from its title line to its relay findings,
/// calling `drain` after each position, relation and finding.
fn text_topic(
    out: &mut String,
    topic: &Topic<'_>,
    options: &TextOptions,
    drain: &mut dyn FnMut(&mut String),
) {
    let width = options.width;
    let title = format!(
        "{} · {}  [{}, {} claim{}]",
        topic.subject_name,
        topic.property,
        topic.verdict.as_str(),
        topic.claim_count,
        if topic.claim_count == 1 { "" } else { "s" }
    );
    if options.color {
        let mut wrapped = String::new();
        wrap(&mut wrapped, &title, width, "", 2);
        for line in wrapped.lines() {
            let _ = writeln!(out, "\x1b[1m{line}\x1b[0m");
        }
    } else {
        wrap(out, &title, width, "", 2);
    }
    wrap(out, &topic.explanation, width, "  ", 2);
    // One buffer for the lines below, each built and then wrapped.
    let mut line = String::new();
    for scope in &topic.scopes {
        line.clear();
        let _ = write!(line, "scope: {}", scope.label);
        wrap(out, &line, width, "  ", 4);
        for position in &scope.positions {
            line.clear();
            let _ = write!(line, "{} {}", position.label, position.value);
            if position.superseded {
                line.push_str("  (superseded)");
            }
            if position.fits > 0 {
                let _ = write!(
                    line,
                    "  (fits {} position{}, supports none)",
                    position.fits,
                    if position.fits == 1 { "" } else { "s" }
                );
            }
            wrap(out, &line, width, "    ", 7);
            line.clear();
            origins_text(&mut line, position, false);
            wrap(out, &line, width, "       ", 7);
            for entry in &position.claims {
                line.clear();
                let _ = write!(line, "{}: {} [", entry.id(), entry.value());
                modality_note(&mut line, entry);
                line.push_str("] via ");
                chain_text(&mut line, entry, false);
                wrap(out, &line, width, "       - ", 9);
                if let Some(evidence) = entry.evidence() {
                    line.clear();
                    let _ = write!(line, "“{evidence}”");
                    wrap(out, &line, width, "         ", 9);
                }
            }
            for w in &position.wordings {
                line.clear();
                let _ = write!(
                    line,
                    "wording {}: {}",
                    w.relation.kind().as_str(),
                    w.relation.explanation()
                );
                wrap(out, &line, width, "       ~ ", 9);
            }
            drain(out);
        }
    }
    if !topic.relations.is_empty() {
        wrap(out, "relations:", width, "  ", 4);
        for r in &topic.relations {
            line.clear();
            let _ = write!(
                line,
                "{} – {} {}: {}",
                r.from,
                r.to,
                r.relation.kind().as_str(),
                r.relation.explanation()
            );
            wrap(out, &line, width, "    ", 6);
            drain(out);
        }
    }
    if !topic.relay_findings.is_empty() {
        wrap(out, "relay findings:", width, "  ", 4);
        for f in &topic.relay_findings {
            wrap(out, &f.explanation, width, "    ! ", 6);
            drain(out);
        }
    }
}

/// The Markdown layout.
struct Markdown;

impl Layout for Markdown {
    fn head(&self, out: &mut String, report: &Report<'_>) {
        let _ = writeln!(out, "# corroborate report");
        if let Some(t) = &report.title {
            let _ = writeln!(out, "\n{}", md_line(t));
        }
        let _ = writeln!(
            out,
            "\n{}\n\n{}",
            summary_line(report),
            Md(&settings_line(report))
        );
    }

    fn section(&self, out: &mut String, verdict: Verdict) {
        let mut name = heading(verdict).to_lowercase();
        if let Some(first) = name.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        let _ = writeln!(out, "\n## {name}");
    }

    fn topic(&self, out: &mut String, topic: &Topic<'_>, drain: &mut dyn FnMut(&mut String)) {
        let _ = writeln!(
            out,
            "\n### {} · `{}`\n\n**{}**, {} claim{}. {}\n",
            Md(&topic.subject_name),
            topic.property,
            topic.verdict.as_str(),
            topic.claim_count,
            if topic.claim_count == 1 { "" } else { "s" },
            Md(&topic.explanation)
        );
        for scope in &topic.scopes {
            // Emphasis does not open or close beside a space: the label
            // is trimmed (a population may be given with spaces around it).
            match scope.label.trim() {
                "" => out.push_str("Scope:\n\n"),
                label => {
                    let _ = writeln!(out, "Scope: *{}*\n", Md(label));
                }
            }
            for p in &scope.positions {
                let _ = write!(
                    out,
                    "- **{}** {}{}",
                    p.label,
                    Md(&p.value),
                    if p.superseded { " (superseded)" } else { "" },
                );
                if p.fits > 0 {
                    let _ = write!(
                        out,
                        " (fits {} position{}, supports none)",
                        p.fits,
                        if p.fits == 1 { "" } else { "s" }
                    );
                }
                out.push_str(" — ");
                origins_text(out, p, true);
                out.push('\n');
                for e in &p.claims {
                    let _ = write!(out, "  - `{}` {} [", e.id(), Md(&e.value()));
                    let mut note = String::new();
                    modality_note(&mut note, e);
                    let _ = write!(out, "{}] via ", Md(&note));
                    chain_text(out, e, true);
                    if let Some(evidence) = e.evidence() {
                        let _ = write!(out, ": “{}”", Md(evidence));
                    }
                    out.push('\n');
                }
                for w in &p.wordings {
                    let _ = writeln!(
                        out,
                        "  - wording `{}`: {}",
                        w.relation.kind().as_str(),
                        Md(w.relation.explanation())
                    );
                }
                drain(out);
            }
            out.push('\n');
        }
        if !topic.relations.is_empty() {
            let _ = writeln!(out, "Relations:\n");
            for r in &topic.relations {
                let _ = writeln!(
                    out,
                    "- {} – {} `{}`: {}",
                    r.from,
                    r.to,
                    r.relation.kind().as_str(),
                    Md(r.relation.explanation())
                );
                drain(out);
            }
            out.push('\n');
        }
        if !topic.relay_findings.is_empty() {
            let _ = writeln!(out, "Relay findings:\n");
            for f in &topic.relay_findings {
                let _ = writeln!(out, "- {}", Md(&f.explanation));
                drain(out);
            }
            out.push('\n');
        }
    }

    fn tail(&self, out: &mut String, report: &Report<'_>) {
        if !report.misattributions.is_empty() {
            let _ = writeln!(out, "\n## Misattributed quotes\n");
            for m in &report.misattributions {
                let _ = writeln!(out, "- {}", Md(m.relation.explanation()));
            }
        }
        if !report.merges.is_empty() {
            let _ = writeln!(out, "\n## Name merges\n");
            for m in &report.merges {
                let _ = writeln!(
                    out,
                    "- `{}` ({}) merged with `{}` ({}), similarity {} at threshold {}",
                    m.entity,
                    Md(&m.name),
                    m.with,
                    Md(&m.other_name),
                    m.similarity,
                    m.threshold
                );
            }
        }
        let _ = writeln!(out, "\n## Diagnostics\n");
        if report.diagnostics.is_empty() {
            let _ = writeln!(out, "None: every claim was compared.");
        }
        for d in &report.diagnostics {
            let _ = writeln!(
                out,
                "- {:?} at {}: {}",
                d.severity,
                Md(&d.location.to_string()),
                Md(&d.message)
            );
        }
    }
}

impl Report<'_> {
    /// The report as plain text wrapped at `width` columns, without colour.
    ///
    /// Contested topics come first, then differences of scope, superseded,
    /// corroborated and single-origin topics.
    pub fn render_text(&self, width: usize) -> String {
        self.render_text_with(&TextOptions::new().with_width(width))
    }

    /// The report as plain text with options. With the `parallel`
    /// feature, topics are rendered on all cores, a few thousand claims
    /// ahead of the one appended, and appended in order: the same bytes.
    ///
    /// [`Analyzer::write_text`] writes the same bytes without holding the
    /// report.
    pub fn render_text_with(&self, options: &TextOptions) -> String {
        options.render(self)
    }

    /// The report as Markdown, rendered as
    /// [`render_text_with`](Report::render_text_with) renders text.
    ///
    /// Text from the corpus (names, values, evidence, and the sentences
    /// that quote them) is escaped: each character Markdown reads as
    /// markup has a backslash before it, and a line break is a space, so
    /// that a name like `*armed*` shows as written; source ids in chains
    /// and origin lists are escaped too. Claim ids, properties and
    /// relation kinds stand in code spans as they are. Control characters
    /// and bidirectional overrides are shown as escapes (`\u{1b}`).
    ///
    /// [`Analyzer::write_markdown`] writes the same bytes without holding
    /// the report.
    ///
    /// ```
    /// # use corroborate::{analyze, Corpus, Policy};
    /// # let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1"}"#)?;
    /// let markdown = analyze(&corpus, &Policy::default()).render_markdown();
    /// assert!(markdown.starts_with("# corroborate report"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn render_markdown(&self) -> String {
        Markdown.render(self)
    }
}

impl<'a> Analyzer<'a, '_> {
    /// Cross-references the corpus and writes the report as plain text:
    /// the bytes of `report().render_text_with(options)`, made without
    /// holding the report. Each topic is rendered as soon as it is
    /// analysed (on all cores with the `parallel` feature) and only its
    /// text is kept, under its verdict, until every topic is done and the
    /// summary, which comes first, is known: the peak holds the text,
    /// not the [`Report`] (at a million synthetic claims, 232 MB of text
    /// against about 308 MB of report, which rendering a held report
    /// holds together with its text).
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy, TextOptions};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let options = TextOptions::new().with_width(100);
    /// let mut out = Vec::new();
    /// let summary = analyzer.write_text(&mut out, &options)?;
    /// assert_eq!(String::from_utf8(out)?, analyzer.report().render_text_with(&options));
    /// assert_eq!(summary.topics, analyzer.report().topics.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_text<W: Write>(&self, out: W, options: &TextOptions) -> io::Result<Summary> {
        self.write_text_where(out, options, |_| true)
    }

    /// [`write_text`](Analyzer::write_text) with only the topics for which
    /// `keep` returns true: the text of a report after
    /// [`Report::retain_topics`]. With the `parallel` feature, `keep` is
    /// called on all cores, in no particular order.
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy, TextOptions, Verdict};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let mut out = Vec::new();
    /// let options = TextOptions::new();
    /// let summary = analyzer.write_text_where(&mut out, &options, |topic| {
    ///     topic.verdict == Verdict::Contested
    /// })?;
    /// assert_eq!(summary.topics, summary.contested);
    /// assert!(!String::from_utf8(out)?.contains("== CORROBORATED =="));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_text_where<W: Write>(
        &self,
        out: W,
        options: &TextOptions,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
    ) -> io::Result<Summary> {
        self.write_layout(out, options, keep, InMemory::default())
    }

    /// Cross-references the corpus and writes the report as Markdown: the
    /// bytes of `report().render_markdown()`, made as
    /// [`write_text`](Analyzer::write_text) makes its text.
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
    /// analyzer.write_markdown(&mut out)?;
    /// assert_eq!(String::from_utf8(out)?, analyzer.report().render_markdown());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_markdown<W: Write>(&self, out: W) -> io::Result<Summary> {
        self.write_markdown_where(out, |_| true)
    }

    /// [`write_markdown`](Analyzer::write_markdown) with only the topics
    /// for which `keep` returns true, as
    /// [`write_text_where`](Analyzer::write_text_where) keeps them.
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
    /// let summary = analyzer.write_markdown_where(std::io::sink(), |_| false)?;
    /// assert_eq!(summary.topics, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_markdown_where<W: Write>(
        &self,
        out: W,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
    ) -> io::Result<Summary> {
        self.write_layout(out, &Markdown, keep, InMemory::default())
    }

    /// [`write_text_where`](Analyzer::write_text_where) holding each
    /// section's text in `scratch` rather than in memory: the topics'
    /// text is gathered under its verdict in chunks of 256 KiB, each
    /// written to `scratch` when full, and read back in section order
    /// once the head is written; a topic of 4,096 claims or more (about
    /// a megabyte of text) is rendered straight into `scratch` as it is
    /// handed on. The memory held is then a few chunks, whatever the
    /// size of the report: at a million synthetic claims, 232 MB of text
    /// goes to `scratch` instead.
    ///
    /// `scratch` is anything that reads, writes and seeks: a temporary
    /// file (the example binary uses `tempfile::tempfile()`, which the
    /// system deletes when it is closed) or, in tests, an
    /// [`io::Cursor`]. It is written from its current position on, and
    /// what lies there is overwritten. A report shorter than a chunk a
    /// section never touches it. The bytes written to `out` are those of
    /// [`write_text_where`](Analyzer::write_text_where).
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write, or `scratch` to seek, write or
    /// read back; an error of `scratch` says so in its message.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy, TextOptions};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let options = TextOptions::new();
    /// let mut out = Vec::new();
    /// let scratch = std::io::Cursor::new(Vec::new());
    /// analyzer.write_text_with_scratch(&mut out, scratch, &options, |_| true)?;
    /// assert_eq!(String::from_utf8(out)?, analyzer.report().render_text_with(&options));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_text_with_scratch<W: Write, S: Read + Write + Seek>(
        &self,
        out: W,
        scratch: S,
        options: &TextOptions,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
    ) -> io::Result<Summary> {
        self.write_with_scratch(out, scratch, options, keep)
    }

    /// [`write_markdown_where`](Analyzer::write_markdown_where) holding
    /// each section's text in `scratch`, as
    /// [`write_text_with_scratch`](Analyzer::write_text_with_scratch)
    /// holds it.
    ///
    /// # Errors
    ///
    /// Fails when `out` fails to write, or `scratch` to seek, write or
    /// read back.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let mut out = Vec::new();
    /// let scratch = std::io::Cursor::new(Vec::new());
    /// analyzer.write_markdown_with_scratch(&mut out, scratch, |_| true)?;
    /// assert_eq!(String::from_utf8(out)?, analyzer.report().render_markdown());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_markdown_with_scratch<W: Write, S: Read + Write + Seek>(
        &self,
        out: W,
        scratch: S,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
    ) -> io::Result<Summary> {
        self.write_with_scratch(out, scratch, &Markdown, keep)
    }

    /// [`write_layout`](Analyzer::write_layout) holding the sections in
    /// `scratch`, in chunks of [`SPILL_CHUNK`] bytes, from the layout's
    /// [`large_topic`](Streamed::large_topic) on topics written whole.
    pub(crate) fn write_with_scratch<W: Write, S: Read + Write + Seek>(
        &self,
        out: W,
        scratch: S,
        layout: &impl Streamed,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
    ) -> io::Result<Summary> {
        let spill = Spill::new(scratch, SPILL_CHUNK, None).map_err(scratch_error)?;
        self.write_layout(out, layout, keep, spill)
    }

    /// The topics analysed in key order (subject, then property: the
    /// order within a verdict), each rendered by `layout` where it is
    /// made and handed to `hold` under its verdict; then the head, the
    /// sections in verdict order and the tail, written to `out`.
    fn write_layout<W: Write>(
        &self,
        mut out: W,
        layout: &impl Streamed,
        keep: impl Fn(&Topic<'a>) -> bool + Sync,
        mut hold: impl Hold,
    ) -> io::Result<Summary> {
        let shrink = hold.keeps_each_topic();
        let whole = hold.whole_from(layout.large_topic());
        let rest = self.stream(
            |topic| {
                keep(&topic).then(|| {
                    if topic.claim_count >= whole {
                        return (topic.verdict, Made::Whole(topic));
                    }
                    let bytes = layout.topic_bytes(&topic).map(|mut bytes| {
                        if shrink {
                            bytes.shrink_to_fit();
                        }
                        bytes
                    });
                    (topic.verdict, Made::Bytes(bytes))
                })
            },
            |(verdict, made)| match made {
                Made::Bytes(bytes) => hold.hold(verdict, bytes?),
                Made::Whole(topic) => {
                    hold.hold_written(verdict, &mut |out| layout.write_topic(out, &topic))
                }
            },
        )?;
        let out: &mut dyn Write = &mut out;
        layout.write_head(out, &rest)?;
        let mut lead = layout.lead();
        for verdict in SECTIONS {
            if hold.is_empty(verdict) {
                continue;
            }
            layout.write_section(out, verdict)?;
            let mut skip = Skip { out, skip: lead };
            hold.write_section(verdict, &mut skip)?;
            lead = 0;
        }
        layout.write_tail(out, &rest)?;
        out.flush()?;
        Ok(rest.summary)
    }
}

/// A topic as the stream hands it to a writer: its bytes, made where it
/// was analysed, or the topic itself, written by the writer (a large
/// topic, whose bytes would wait in memory for their turn).
pub(crate) enum Made<'a> {
    /// The topic's bytes.
    Bytes(io::Result<Vec<u8>>),
    /// The topic, to be written where it is taken.
    Whole(Topic<'a>),
}

/// How many bytes of a section's text [`Spill`] gathers before writing
/// them to its scratch as one chunk.
const SPILL_CHUNK: usize = 256 * 1024;

/// Where a streaming writer keeps each topic's text, under its verdict,
/// until the summary is known and the head written.
trait Hold {
    /// True when each topic's bytes are kept as they were made, so that
    /// trimming their spare capacity is worth a reallocation.
    fn keeps_each_topic(&self) -> bool;
    /// The claims from which a topic is written by
    /// [`hold_written`](Hold::hold_written) rather than made into bytes
    /// where it is analysed, given the layout's
    /// [`large_topic`](Streamed::large_topic); `usize::MAX` for never.
    fn whole_from(&self, large_topic: usize) -> usize;
    /// Keeps one topic's bytes at the end of its verdict's section.
    fn hold(&mut self, verdict: Verdict, bytes: Vec<u8>) -> io::Result<()>;
    /// Keeps at the end of its verdict's section the bytes of one topic
    /// that `write` writes.
    fn hold_written(
        &mut self,
        verdict: Verdict,
        write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()>;
    /// True when the section holds no topic.
    fn is_empty(&self, verdict: Verdict) -> bool;
    /// Writes the section's topics, in the order held, to `out`.
    fn write_section(&mut self, verdict: Verdict, out: &mut dyn Write) -> io::Result<()>;
}

/// Each topic's text in memory, as rendered: appending it to one buffer
/// a section would copy every byte once more, into pages touched for the
/// first time.
#[derive(Default)]
struct InMemory {
    sections: [Vec<Vec<u8>>; SECTIONS.len()],
}

impl Hold for InMemory {
    fn keeps_each_topic(&self) -> bool {
        true
    }

    fn whole_from(&self, _large_topic: usize) -> usize {
        // Held in memory either way, a topic's bytes are best made on
        // all cores.
        usize::MAX
    }

    fn hold(&mut self, verdict: Verdict, bytes: Vec<u8>) -> io::Result<()> {
        self.sections[verdict as usize].push(bytes);
        Ok(())
    }

    fn hold_written(
        &mut self,
        verdict: Verdict,
        write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        bytes.shrink_to_fit();
        self.hold(verdict, bytes)
    }

    fn is_empty(&self, verdict: Verdict) -> bool {
        self.sections[verdict as usize].is_empty()
    }

    fn write_section(&mut self, verdict: Verdict, out: &mut dyn Write) -> io::Result<()> {
        for topic in std::mem::take(&mut self.sections[verdict as usize]) {
            out.write_all(&topic)?;
        }
        Ok(())
    }
}

/// Each section's text gathered in a buffer and written to `scratch`
/// in chunks of at least `chunk` bytes, appended one after another
/// whatever their section; read back chunk by chunk, in order, for the
/// section's turn. At most one buffer a section and one chunk read back
/// are held.
struct Spill<S> {
    scratch: S,
    chunk: usize,
    /// Claims from which a topic is written straight to `scratch`, if
    /// not the layout's [`large_topic`](Streamed::large_topic) (tests
    /// set it).
    large: Option<usize>,
    /// Where the next chunk goes in `scratch`.
    end: u64,
    /// Each section's text not yet written.
    pending: [Vec<u8>; SECTIONS.len()],
    /// Each section's chunks in `scratch`: where each starts, its length.
    chunks: [Vec<(u64, usize)>; SECTIONS.len()],
}

impl<S: Read + Write + Seek> Spill<S> {
    fn new(mut scratch: S, chunk: usize, large: Option<usize>) -> io::Result<Spill<S>> {
        let end = scratch.stream_position()?;
        Ok(Spill {
            scratch,
            chunk,
            large,
            end,
            pending: Default::default(),
            chunks: Default::default(),
        })
    }
}

impl<S: Write> Spill<S> {
    /// Appends `bytes` to the scratch as a chunk of section `v`.
    /// Chunks are appended one after another, so the scratch stays at
    /// `end` from one write to the next.
    fn write_chunk(&mut self, v: usize, bytes: &[u8]) -> io::Result<()> {
        self.scratch.write_all(bytes).map_err(scratch_error)?;
        self.chunks[v].push((self.end, bytes.len()));
        self.end += bytes.len() as u64;
        Ok(())
    }

    /// Writes what section `v` has gathered as a chunk, if anything.
    fn flush(&mut self, v: usize) -> io::Result<()> {
        if self.pending[v].is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending[v]);
        let written = self.write_chunk(v, &pending);
        // The buffer keeps its room for the section's next chunk.
        self.pending[v] = pending;
        self.pending[v].clear();
        written
    }
}

/// The scratch, counting the bytes written to it, its errors told apart.
struct Counted<'s, S> {
    scratch: &'s mut S,
    written: usize,
}

impl<S: Write> Write for Counted<'_, S> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.scratch.write(bytes).map_err(scratch_error)?;
        self.written += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.scratch.flush().map_err(scratch_error)
    }
}

/// An error of the scratch, told apart from the output's.
fn scratch_error(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("the scratch holding the report's text: {e}"),
    )
}

impl<S: Read + Write + Seek> Hold for Spill<S> {
    fn keeps_each_topic(&self) -> bool {
        false
    }

    fn whole_from(&self, large_topic: usize) -> usize {
        self.large.unwrap_or(large_topic)
    }

    fn hold_written(
        &mut self,
        verdict: Verdict,
        write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let v = verdict as usize;
        self.flush(v)?;
        // Serialisers write a few bytes at a time.
        let mut buffered = io::BufWriter::with_capacity(
            1 << 16,
            Counted {
                scratch: &mut self.scratch,
                written: 0,
            },
        );
        write(&mut buffered)?;
        buffered.flush()?;
        let written = buffered.get_ref().written;
        drop(buffered);
        if written > 0 {
            self.chunks[v].push((self.end, written));
            self.end += written as u64;
        }
        Ok(())
    }

    fn hold(&mut self, verdict: Verdict, bytes: Vec<u8>) -> io::Result<()> {
        let v = verdict as usize;
        if bytes.len() >= self.chunk {
            // A topic of a chunk or more is a chunk of its own, written
            // as it is, after what its section had gathered: copied into
            // the buffer, a large topic would be held twice.
            self.flush(v)?;
            self.write_chunk(v, &bytes)?;
        } else {
            self.pending[v].extend_from_slice(&bytes);
            if self.pending[v].len() >= self.chunk {
                self.flush(v)?;
            }
        }
        Ok(())
    }

    fn is_empty(&self, verdict: Verdict) -> bool {
        self.pending[verdict as usize].is_empty() && self.chunks[verdict as usize].is_empty()
    }

    fn write_section(&mut self, verdict: Verdict, out: &mut dyn Write) -> io::Result<()> {
        // Read back in pieces: a large topic is one chunk.
        let mut buffer = Vec::new();
        for &(start, len) in &self.chunks[verdict as usize] {
            self.scratch
                .seek(SeekFrom::Start(start))
                .map_err(scratch_error)?;
            let mut left = len;
            while left > 0 {
                let piece = left.min(SPILL_CHUNK);
                buffer.resize(piece, 0);
                self.scratch
                    .read_exact(&mut buffer)
                    .map_err(scratch_error)?;
                out.write_all(&buffer)?;
                left -= piece;
            }
        }
        out.write_all(&std::mem::take(&mut self.pending[verdict as usize]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wrapping as it was first written, a line built apart and trimmed:
    /// the reference for [`wrap`].
    fn wrap_by_lines(out: &mut String, text: &str, width: usize, first: &str, indent: usize) {
        let pad = " ".repeat(indent);
        let mut line = String::from(first);
        let mut line_len = first.chars().count();
        let mut empty = true;
        for word in text.split_whitespace() {
            let len = word.chars().count();
            if !empty && line_len + 1 + len > width {
                out.push_str(line.trim_end());
                out.push('\n');
                line = pad.clone();
                line_len = indent;
                empty = true;
            }
            if !empty {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += len;
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }

    proptest::proptest! {
        #[test]
        fn wrap_is_the_line_by_line_wrap(
            text in "[a-zé“” \t\n\u{a0}\u{3000}-]{0,120}",
            width in 0usize..50,
            first in "[ a-]{0,6}",
            indent in 0usize..40,
        ) {
            let (fast, reference) = both_wraps(&text, width, &first, indent);
            proptest::prop_assert_eq!(fast, reference);
        }

        /// The same for texts with no character that acts, which `wrap`
        /// splits at spaces byte by byte: runs of spaces, spaces at either
        /// end, and whitespace other than the space (a no-break space,
        /// U+3000, the line separator) inside pieces of other characters.
        #[test]
        fn wrap_splits_texts_without_controls_as_the_line_by_line_wrap(
            text in "([a-z]{1,9}|[a-zé“”–\u{a0}\u{3000}\u{2028}]{1,6}| {1,3}){0,40}",
            width in 0usize..50,
            first in "[ a-]{0,6}",
            indent in 0usize..12,
        ) {
            let (fast, reference) = both_wraps(&text, width, &first, indent);
            proptest::prop_assert_eq!(fast, reference);
        }

        /// The same for texts of words between single spaces, which
        /// `wrap` lays out a line at a time: words longer than a line,
        /// lines that end exactly at the width, a first line already
        /// past it; ASCII, and with characters of two and three bytes.
        #[test]
        fn wrap_lays_out_single_spaced_words_as_the_line_by_line_wrap(
            ascii in "[a-z]{1,12}( [a-z.,]{1,12}){0,30}",
            wide in "[a-zé’–→·]{1,12}( [a-z.,é’–→·]{1,12}){0,30}",
            width in 0usize..50,
            first in "[ a-]{0,6}",
            indent in 0usize..12,
        ) {
            proptest::prop_assert_eq!(single_spaced(&ascii), Some(true));
            proptest::prop_assert!(single_spaced(&wide).is_some());
            for text in [&ascii, &wide] {
                let (fast, reference) = both_wraps(text, width, &first, indent);
                proptest::prop_assert_eq!(fast, reference);
            }
        }
    }

    /// The line-at-a-time layout takes only words between single
    /// spaces: whitespace beyond ASCII, a run of spaces or a space at an
    /// end sends the text to the word-by-word layout, at every place in
    /// the text; other characters beyond ASCII are taken, and counted
    /// as characters. (A control goes to the layout that shows it
    /// before this is asked.)
    #[test]
    fn only_single_spaced_words_are_laid_out_a_line_at_a_time() {
        let words = "thirty one words of plain text, fit for slicing.";
        assert_eq!(single_spaced(words), Some(true));
        assert_eq!(single_spaced("x"), Some(true));
        assert_eq!(single_spaced(""), None);
        for at in 0..=words.len() {
            for space in ["\u{a0}", "\u{3000}", "\u{1680}", "\u{2009}", "\u{205f}"] {
                let text = format!("{}{space}{}", &words[..at], &words[at..]);
                assert_eq!(single_spaced(&text), None, "{text:?}");
            }
            for letter in ["é", "’", "→", "·", "\u{1681}", "\u{3001}"] {
                let text = format!("{}{letter}{}", &words[..at], &words[at..]);
                assert_eq!(single_spaced(&text), Some(false), "{text:?}");
            }
            // A space splits a word in two, unless it doubles one or
            // stands at an end.
            let text = format!("{} {}", &words[..at], &words[at..]);
            let (before, after) = (words[..at].ends_with(' '), words[at..].starts_with(' '));
            let split = at > 0 && at < words.len() && !before && !after;
            assert_eq!(single_spaced(&text).is_some(), split, "{text:?}");
        }
    }

    /// `text` wrapped by [`wrap`] and by the reference, each after a line
    /// already in its output.
    fn both_wraps(text: &str, width: usize, first: &str, indent: usize) -> (String, String) {
        let (mut fast, mut reference) = (String::from("before\n"), String::from("before\n"));
        wrap(&mut fast, text, width, first, indent);
        wrap_by_lines(&mut reference, text, width, first, indent);
        (fast, reference)
    }

    /// Text held in a scratch in chunks of any size, down to one byte (a
    /// chunk a topic), with topics written to it whole or not, is the
    /// text held in memory; the JSON document so held is the held
    /// report's.
    #[test]
    fn any_chunk_size_gives_the_held_text() {
        let corpus =
            crate::Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).unwrap();
        let policy = crate::Policy::default();
        let analyzer = Analyzer::new(&corpus, &policy);
        let options = TextOptions::new().with_width(70);
        let mut held = Vec::new();
        analyzer.write_text(&mut held, &options).unwrap();
        let mut held_markdown = Vec::new();
        analyzer.write_markdown(&mut held_markdown).unwrap();
        let held_json = analyzer.report().to_json_string().into_bytes();
        // Chunks of one byte (a chunk a topic) to larger than any
        // section; topics made into bytes where analysed, or from one
        // claim on (every topic) or from five written whole.
        for (chunk, large) in [
            (1, None),
            (100, Some(1)),
            (2_000, Some(usize::MAX)),
            (30_000, Some(5)),
            (usize::MAX, Some(usize::MAX)),
            (usize::MAX, Some(1)),
            (SPILL_CHUNK, None),
        ] {
            let mut out = Vec::new();
            let mut scratch = io::Cursor::new(Vec::new());
            let spill = Spill::new(&mut scratch, chunk, large).unwrap();
            analyzer
                .write_layout(&mut out, &options, |_| true, spill)
                .unwrap();
            assert!(out == held, "chunks of {chunk} bytes, whole from {large:?}");
            // Every byte of the topics went through the scratch unless a
            // chunk is larger than a section and no topic is whole.
            let spilled = scratch.into_inner().len();
            if chunk == 1 || large == Some(1) {
                assert!(spilled > held.len() / 2, "{spilled} of {}", held.len());
            } else if chunk == usize::MAX && large == Some(usize::MAX) {
                assert_eq!(spilled, 0);
            }
            let mut out = Vec::new();
            let spill = Spill::new(io::Cursor::new(Vec::new()), chunk, large).unwrap();
            analyzer
                .write_layout(&mut out, &Markdown, |_| true, spill)
                .unwrap();
            assert!(out == held_markdown, "Markdown, {chunk} bytes, {large:?}");
            let mut out = Vec::new();
            let spill = Spill::new(io::Cursor::new(Vec::new()), chunk, large).unwrap();
            analyzer
                .write_layout(&mut out, &crate::json::JsonDocument, |_| true, spill)
                .unwrap();
            assert!(out == held_json, "JSON, {chunk} bytes, {large:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Any chunk size and any size of topic written whole, a topic's
        /// boundaries falling anywhere in a chunk, give the held text and
        /// JSON, with any subset of the topics kept.
        #[test]
        fn any_spill_gives_the_held_bytes(
            chunk in 1usize..40_000,
            large in 1usize..40,
            kept in proptest::collection::vec(proptest::prelude::any::<bool>(), 8),
        ) {
            let (corpus, policy) = bundled();
            let analyzer = Analyzer::new(corpus, policy);
            let keep = |topic: &Topic<'_>| kept[topic.claim_count % kept.len()];
            let options = TextOptions::new();
            let mut held = Vec::new();
            analyzer.write_text_where(&mut held, &options, keep).unwrap();
            let mut out = Vec::new();
            let spill = Spill::new(io::Cursor::new(Vec::new()), chunk, Some(large)).unwrap();
            analyzer.write_layout(&mut out, &options, keep, spill).unwrap();
            proptest::prop_assert!(out == held);
            let mut report = analyzer.report();
            report.retain_topics(keep);
            let mut out = Vec::new();
            let spill = Spill::new(io::Cursor::new(Vec::new()), chunk, Some(large)).unwrap();
            analyzer
                .write_layout(&mut out, &crate::json::JsonDocument, keep, spill)
                .unwrap();
            proptest::prop_assert!(out == report.to_json_string().into_bytes());
        }
    }

    /// A topic whose text is many times [`DRAIN_AT`] is written out in
    /// pieces of at least that many bytes (the last aside), and the
    /// pieces are its text; a write that fails stops the writing, and
    /// its error is returned.
    #[test]
    fn a_large_topic_is_written_in_pieces() {
        // 1,200 claims, each from its own article with its own figure: a
        // position each, about 150 kB of text and 120 kB of Markdown.
        let claims: Vec<String> = (0..1200)
            .map(|i| {
                format!(
                    r#"{{"id": "c{i}", "subject": "x", "property": "killed",
                        "value": {{"quantity": {{"exact": {}, "unit": "people"}}}},
                        "assertion": {{"chain": ["a{i}"]}}}}"#,
                    1000 + 7 * i
                )
            })
            .collect();
        let sources: Vec<String> = (0..1200)
            .map(|i| format!(r#"{{"id": "a{i}", "kind": "publication", "name": "Article {i}"}}"#))
            .collect();
        let json = format!(
            r#"{{"format": "corroborate/1", "entities": [{{"id": "x", "name": "X"}}],
                "sources": [{}], "claims": [{}]}}"#,
            sources.join(","),
            claims.join(",")
        );
        let corpus = crate::Corpus::from_json_str(&json).unwrap();
        let policy = crate::Policy::default();
        let analyzer = Analyzer::new(&corpus, &policy);
        let report = analyzer.report();
        let topic = &report.topics[0];

        /// Keeps each write apart; fails from the `fail_at`th on.
        struct Pieces {
            pieces: Vec<Vec<u8>>,
            fail_at: usize,
        }
        impl Write for Pieces {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.pieces.len() >= self.fail_at {
                    return Err(io::Error::other("full"));
                }
                self.pieces.push(buf.to_vec());
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let layouts: [&dyn Streamed; 2] = [&TextOptions::new(), &Markdown];
        for layout in layouts {
            let whole = layout.topic_bytes(topic).unwrap();
            assert!(whole.len() > 4 * DRAIN_AT, "{} bytes", whole.len());
            let mut out = Pieces {
                pieces: Vec::new(),
                fail_at: usize::MAX,
            };
            layout.write_topic(&mut out, topic).unwrap();
            assert!(out.pieces.concat() == whole);
            let (last, rest) = out.pieces.split_last().unwrap();
            assert!(rest.len() >= 4, "{} pieces", out.pieces.len());
            assert!(rest.iter().all(|piece| piece.len() >= DRAIN_AT));
            assert!(last.len() < whole.len() / 2);

            let mut failing = Pieces {
                pieces: Vec::new(),
                fail_at: 2,
            };
            let error = layout.write_topic(&mut failing, topic).unwrap_err();
            assert_eq!(error.to_string(), "full");
            assert_eq!(failing.pieces.len(), 2);
        }
    }

    /// The bundled corpus and the default policy, read once.
    fn bundled() -> &'static (crate::Corpus, crate::Policy) {
        static BUNDLED: std::sync::OnceLock<(crate::Corpus, crate::Policy)> =
            std::sync::OnceLock::new();
        BUNDLED.get_or_init(|| {
            let corpus =
                crate::Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).unwrap();
            (corpus, crate::Policy::default())
        })
    }

    #[test]
    fn wrap_keeps_width_and_indent() {
        let mut out = String::new();
        wrap(
            &mut out,
            "one two three four five six seven eight nine ten",
            20,
            "- ",
            2,
        );
        for line in out.lines() {
            assert!(line.chars().count() <= 20, "{line}");
        }
        assert!(out.starts_with("- one two three four"));
        assert!(out.lines().skip(1).all(|l| l.starts_with("  ")));
    }

    proptest::proptest! {
        /// The byte-level search finds a character that acts exactly
        /// where decoding every character would, at any place in the
        /// 32-byte blocks, among characters that share its bytes
        /// (curly quotes, an ellipsis, "é", "£").
        #[test]
        fn acting_characters_are_found_as_decoding_finds_them(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "bc", "é", "£", "“", "”", "…", "–", "→", "ا", "\u{1b}", "\u{7}",
                    "\u{7f}", "\u{85}", "\u{9b}", "\u{61c}", "\u{200e}", "\u{200f}",
                    "\u{202a}", "\u{202e}", "\u{2066}", "\u{2069}", "\u{200d}", "\u{2065}",
                    "\u{a0}", "\u{ad}",
                ]),
                0..80,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(holds_acting(&text), text.chars().any(acts));
            let mut shown = String::new();
            push_shown(&mut shown, &text);
            proptest::prop_assert!(!shown.chars().any(acts));
            let escaped = Md(&text).to_string();
            proptest::prop_assert!(!escaped.chars().any(acts));
        }
    }
}
