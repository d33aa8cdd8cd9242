//! A JSON serializer for the reports: the bytes `serde_json::to_writer`
//! writes for the streamed report's lines, and those of
//! `serde_json::to_writer_pretty` for the JSON document (both with the
//! escapes of [`crate::json::write_fragment`] for characters that act
//! on a terminal), with the structure (braces, commas, new lines and
//! indents, field names) and plain strings written straight into the
//! output. The two layouts differ only in what goes between elements
//! ([`Layout`]).
//!
//! A struct's field names are `&'static str`s that need no escape, yet
//! serde_json sends each through its map-key serializer and string
//! escape, a dozen calls for a few bytes; the report writes more field
//! names than values (1.85 million of 3.4 million strings at 100k
//! claims). Here a field name known to need no escape is copied as it
//! is, and so is any string that a check of eight bytes at a time finds
//! needs none. Numbers, booleans, escapes and map keys are still written
//! by serde_json itself (through [`Escaping`]), so that their formats are
//! serde_json's by construction. DESIGN.md, "Why does the streamed
//! report have a serializer of its own?", gives the measurements; the
//! tests below, and every corpus `tests/it/invariants.rs` checks, compare
//! the bytes with serde_json's with the same escapes.

use std::fmt::Display;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde::ser;
use serde_json::Error;

use crate::json::Escaping;

/// Writes `value` as compact JSON into `out`: the same bytes as
/// `serde_json::to_writer(out, value)` with the escapes of
/// [`crate::json::write_fragment`], that is, as serde_json's own
/// serializer writes with the formatter [`Escaping`].
pub(crate) fn to_writer<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> Result<(), Error> {
    value.serialize(Compact { out, layout: Flat })
}

/// Writes `value` as pretty JSON into `out`, as it stands `level` levels
/// deep in a pretty document (its lines after the first indented by two
/// spaces a level more): the bytes serde_json's `PrettyFormatter` writes
/// there, with the escapes of [`crate::json::write_fragment`]. At level
/// 0, the bytes of `serde_json::to_writer_pretty` with those escapes.
pub(crate) fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    level: usize,
) -> Result<(), Error> {
    value.serialize(Compact {
        out,
        layout: Pretty { level },
    })
}

/// Where arrays and objects put their elements: all on one line
/// ([`Flat`]), or each on a line of its own, indented ([`Pretty`]). A
/// layout is the one of a value; [`Layout::inner`] is the one of the
/// elements of an array or object that the value opens. Everything but
/// what goes between the elements (numbers, strings, brackets) is the
/// same in both.
trait Layout: Copy {
    /// The layout of the elements of an array or object opened here.
    fn inner(self) -> Self;

    /// Writes what goes before an element: a comma unless `first`, and
    /// in the pretty layout a new, indented line.
    fn element<W: Write>(self, out: &mut W, first: bool) -> Result<(), Error>;

    /// Writes what goes before a struct's field, then its name and the
    /// colon: `,"key":` in the compact layout.
    fn key<W: Write>(self, out: &mut W, first: bool, key: &'static str) -> Result<(), Error>;

    /// Writes what goes between a map's key and its value.
    fn colon<W: Write>(self, out: &mut W) -> Result<(), Error>;

    /// Closes an array or object whose elements were laid out in `self`
    /// (`any` when it had one), and for a variant the object around it.
    fn close<W: Write>(self, out: &mut W, any: bool, close: Close) -> Result<(), Error>;
}

/// serde_json's compact layout: no space anywhere.
#[derive(Clone, Copy)]
struct Flat;

impl Layout for Flat {
    #[inline(always)]
    fn inner(self) -> Flat {
        Flat
    }

    #[inline(always)]
    fn element<W: Write>(self, out: &mut W, first: bool) -> Result<(), Error> {
        if first {
            Ok(())
        } else {
            out.write_all(b",").map_err(Error::io)
        }
    }

    #[inline(always)]
    fn key<W: Write>(self, out: &mut W, first: bool, key: &'static str) -> Result<(), Error> {
        write_key(out, !first, key)
    }

    #[inline(always)]
    fn colon<W: Write>(self, out: &mut W) -> Result<(), Error> {
        out.write_all(b":").map_err(Error::io)
    }

    /// Each closing written as a constant, which the compiler stores
    /// without a call to copy it.
    #[inline(always)]
    fn close<W: Write>(self, out: &mut W, _any: bool, close: Close) -> Result<(), Error> {
        match close {
            Close::Array => out.write_all(b"]"),
            Close::Object => out.write_all(b"}"),
            Close::ArrayVariant => out.write_all(b"]}"),
            Close::ObjectVariant => out.write_all(b"}}"),
        }
        .map_err(Error::io)
    }
}

/// serde_json's pretty layout (its `PrettyFormatter`): each element on a
/// line of its own, indented two spaces a level, `": "` after a key, and
/// the closing bracket of an array or object that is not empty on a
/// line of its own, at the indent of the line that opened it.
#[derive(Clone, Copy)]
struct Pretty {
    /// The levels of indent of the lines this value's elements begin on,
    /// less one: the level of the line the value begins on.
    level: usize,
}

/// `,\n` and the spaces of 32 levels of indent: a new line and its indent
/// are one slice of it, without the comma for a first element.
const NEW_LINE: &[u8; 66] = b",\n                                                                ";

/// Writes a new line (after a comma unless `first`) and `level` levels
/// of indent, in one write for the levels a report reaches, which
/// [`write_bytes`] copies without a call up to level 7; deeper than 32
/// levels, the rest of the indent follows in more writes.
#[inline(always)]
fn new_line<W: Write>(out: &mut W, first: bool, level: usize) -> Result<(), Error> {
    // The first write apart from the rest: one loop for both measured
    // 0.5% more instructions for the JSON document.
    let mut width = 2 * level;
    let step = width.min(NEW_LINE.len() - 2);
    write_bytes(out, &NEW_LINE[usize::from(first)..2 + step])?;
    width -= step;
    while width > 0 {
        let step = width.min(NEW_LINE.len() - 2);
        out.write_all(&NEW_LINE[2..2 + step]).map_err(Error::io)?;
        width -= step;
    }
    Ok(())
}

impl Layout for Pretty {
    #[inline(always)]
    fn inner(self) -> Pretty {
        Pretty {
            level: self.level + 1,
        }
    }

    #[inline(always)]
    fn element<W: Write>(self, out: &mut W, first: bool) -> Result<(), Error> {
        new_line(out, first, self.level)
    }

    #[inline(always)]
    fn key<W: Write>(self, out: &mut W, first: bool, key: &'static str) -> Result<(), Error> {
        new_line(out, first, self.level)?;
        write_static(out, key, b"\": ")
    }

    #[inline(always)]
    fn colon<W: Write>(self, out: &mut W) -> Result<(), Error> {
        out.write_all(b": ").map_err(Error::io)
    }

    /// The bracket on a line of its own, one level out, unless nothing
    /// came before it; for a variant, the brace of the object that holds
    /// it one level further out, after its one element.
    fn close<W: Write>(self, out: &mut W, any: bool, close: Close) -> Result<(), Error> {
        let level = self.level.saturating_sub(1);
        if any {
            new_line(out, true, level)?;
        }
        let (bracket, variant): (&[u8], bool) = match close {
            Close::Array => (b"]", false),
            Close::Object => (b"}", false),
            Close::ArrayVariant => (b"]", true),
            Close::ObjectVariant => (b"}", true),
        };
        out.write_all(bracket).map_err(Error::io)?;
        if variant {
            new_line(out, true, level.saturating_sub(1))?;
            out.write_all(b"}").map_err(Error::io)?;
        }
        Ok(())
    }
}

/// The serializer: a borrowed writer, passed down by value, and the
/// layout of the value it writes.
struct Compact<'o, W, L> {
    out: &'o mut W,
    layout: L,
}

impl<'o, W: Write, L: Layout> Compact<'o, W, L> {
    /// serde_json's own compact serializer on the same writer, for the
    /// values that are not containers (which it writes the same in
    /// either layout).
    fn json(&mut self) -> serde_json::Serializer<&mut W, Escaping> {
        serde_json::Serializer::with_formatter(&mut *self.out, Escaping)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes).map_err(Error::io)
    }

    /// An array or object opened here, closed by `close`, its elements
    /// one level in.
    #[inline(always)]
    fn open(self, close: Close) -> Result<Compound<'o, W, L>, Error> {
        Compound::open(self.out, close, self.layout.inner())
    }

    /// `{"variant":`, the start of an externally tagged variant (in the
    /// pretty layout with a new line before the name and a space after
    /// the colon).
    fn open_variant(&mut self, variant: &'static str) -> Result<(), Error> {
        self.write(b"{")?;
        self.layout.inner().key(self.out, true, variant)
    }

    /// An externally tagged variant holding an array or an object:
    /// `{"variant":` and the bracket that `close` opens; `close` ends
    /// both.
    fn variant_compound(
        mut self,
        variant: &'static str,
        close: Close,
    ) -> Result<Compound<'o, W, L>, Error> {
        self.open_variant(variant)?;
        Compound::open(self.out, close, self.layout.inner().inner())
    }
}

/// True when `text` can be written between quotes as it is, as its bytes
/// show eight at a time: no quote, backslash or character below U+0020
/// (serde_json escapes those, and only those), and no byte that may
/// begin a character [`crate::json::write_fragment`] escapes (0x7F, 0xC2
/// or 0xE2). A text that holds 0xC2 or 0xE2 for something else (a
/// no-break space, a curly quote, a dash) is not plain but may still
/// need no escape: [`write_string`] looks closer.
#[inline]
pub(crate) fn plain(text: &str) -> bool {
    !any_word(text.as_bytes(), needs_escape)
}

/// True when `test` holds for a word of eight of `bytes`, little-endian,
/// all of them checked. The last (or only) bytes of a text of eight or
/// more are checked as the last eight, overlapping; a text of four to
/// seven bytes as its first four and last four; a shorter one with
/// spaces after it, which no test here looks for.
#[inline(always)]
fn any_word(bytes: &[u8], test: impl Fn(u64) -> bool) -> bool {
    let word = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    if bytes.len() < 8 {
        let half = |at: usize| {
            bytes
                .get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .map_or(0, u32::from_le_bytes)
        };
        return test(match bytes.len() {
            4.. => u64::from(half(0)) | u64::from(half(bytes.len() - 4)) << 32,
            _ => bytes
                .iter()
                .rev()
                .fold(ONES * u64::from(b' '), |w, &b| w << 8 | u64::from(b)),
        });
    }
    let mut at = 0;
    while at + 8 < bytes.len() {
        if test(word(at)) {
            return true;
        }
        at += 8;
    }
    test(word(bytes.len() - 8))
}

/// Eight bytes of one.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bits of eight bytes.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` below `n`: the bit trick that
/// finds a zero byte, or one below `n` (exact in whether any byte is
/// found, for `n` up to 0x80; bytes of 0x80 and above never match).
#[inline(always)]
fn below(word: u64, n: u64) -> u64 {
    word.wrapping_sub(ONES * n) & !word & HIGHS
}

/// The high bit of each byte of `word` equal to `byte`: one xored to
/// zero, found [`below`] one.
#[inline(always)]
fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ (ONES * u64::from(byte)), 1)
}

/// True when one of the eight bytes of `word` is one serde_json escapes:
/// below 0x20, a quote or a backslash.
#[inline(always)]
fn serde_json_escapes(word: u64) -> bool {
    // The masks are combined without branches.
    (below(word, 0x20) | equal(word, b'"') | equal(word, b'\\')) != 0
}

/// True when one of the eight bytes of `word` is one serde_json escapes
/// ([`serde_json_escapes`]) or one that may begin a character that
/// [`crate::json::write_fragment`] escapes: 0x7F, 0xC2 or 0xE2.
#[inline(always)]
fn needs_escape(word: u64) -> bool {
    (below(word, 0x20)
        | equal(word, b'"')
        | equal(word, b'\\')
        | equal(word, 0x7F)
        | equal(word, 0xC2)
        | equal(word, 0xE2))
        != 0
}

/// Field names seen to be [`plain`], by address and length: a struct's
/// field names are `&'static str`s, so an address and length once
/// checked name the same bytes for the rest of the program, and the
/// check is a load and a compare instead of a scan. Shared by all
/// threads, and written only into an empty slot, once: the cores read
/// it without ever taking a line from each other. A name whose two
/// slots are taken by others is checked every time, as any other text.
static PLAIN_KEYS: [AtomicU64; 512] = [const { AtomicU64::new(0) }; 512];

/// True when the static field name `key` needs no escape, from
/// [`PLAIN_KEYS`] when it was checked before. A name seen before costs
/// a multiplication, a load or two and a compare, inline; a name not
/// yet seen, or that has no slot, goes to [`plain_static_miss`].
#[inline(always)]
fn plain_static(key: &'static str) -> bool {
    let (tag, first) = key_tag(key);
    // A tag of an address or length out of range is never stored.
    (tag != 0
        && [first, first ^ 1]
            .iter()
            .any(|&slot| PLAIN_KEYS[slot].load(Ordering::Relaxed) == tag))
        || plain_static_miss(key)
}

/// The tag of a field name in [`PLAIN_KEYS`], and its first slot; the
/// second is the first's neighbour, in the same cache line. The tag is
/// the address in the low 48 bits (user-space addresses fit) and the
/// length above, or zero, never a key's tag (so empty slots never
/// match), for a name whose address or length does not fit.
#[inline(always)]
fn key_tag(key: &str) -> (u64, usize) {
    let address = key.as_ptr() as u64;
    let len = key.len() as u64;
    let tag = if (address >> 48) | (len >> 16) == 0 {
        address | len << 48
    } else {
        0
    };
    // Fibonacci hashing: the top nine bits of the tag times 2^64/φ.
    (
        tag,
        (tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize,
    )
}

/// [`plain_static`] for a name not found in [`PLAIN_KEYS`], out of line:
/// checks it, and keeps it in an empty slot of its two when it is plain.
#[cold]
#[inline(never)]
fn plain_static_miss(key: &'static str) -> bool {
    let plain = plain(key);
    let (tag, first) = key_tag(key);
    if plain && tag != 0 {
        for slot in [&PLAIN_KEYS[first], &PLAIN_KEYS[first ^ 1]] {
            let empty = slot.compare_exchange(0, tag, Ordering::Relaxed, Ordering::Relaxed);
            if empty.is_ok() || empty == Err(tag) {
                break;
            }
        }
    }
    plain
}

/// Writes `"text"`, escaped as serde_json escapes it with [`Escaping`]:
/// as it is when [`plain`] or when a closer look finds nothing to
/// escape, else by serde_json.
#[inline]
fn write_string<W: Write>(out: &mut W, text: &str) -> Result<(), Error> {
    if plain(text) || !needs_any_escape(text) {
        out.write_all(b"\"").map_err(Error::io)?;
        write_bytes(out, text.as_bytes())?;
        out.write_all(b"\"").map_err(Error::io)
    } else {
        ser::Serializer::serialize_str(
            &mut serde_json::Serializer::with_formatter(&mut *out, Escaping),
            text,
        )
    }
}

/// True when serde_json with [`Escaping`] writes `text` otherwise than as
/// it is: for a text that is not [`plain`], most often only for a dash or
/// an arrow (a position's value, an explanation). The bytes serde_json
/// escapes are looked for sixteen at a time ([`serde_json_escapes_any`]);
/// the characters [`crate::json::write_fragment`] escapes besides
/// ([`crate::render::json_escaped_at`]) each begin with 0x7F, 0xC2 or
/// 0xE2 (or a byte serde_json escapes), and only the places where
/// `memchr3` finds those bytes are looked at.
#[cold]
#[inline(never)]
fn needs_any_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    serde_json_escapes_any(bytes)
        || memchr::memchr3_iter(0x7F, 0xC2, 0xE2, bytes)
            .any(|at| crate::render::json_escaped_at(bytes, at).is_some())
}

/// True when one of `bytes` is one serde_json escapes: below 0x20, a
/// quote or a backslash. Sixteen bytes at a time, with no early exit
/// within them, which the compiler vectorises; the last sixteen may
/// overlap the ones before. Fewer than sixteen bytes are tested as
/// [`any_word`] tests them.
fn serde_json_escapes_any(bytes: &[u8]) -> bool {
    let escaped = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let block = |block: &[u8]| block.iter().fold(false, |any, &b| any | escaped(b));
    if bytes.len() < 16 {
        return any_word(bytes, serde_json_escapes);
    }
    let mut blocks = bytes.chunks_exact(16);
    blocks.any(block) || (!blocks.remainder().is_empty() && block(&bytes[bytes.len() - 16..]))
}

thread_local! {
    /// Room for a `collect_str` value's text, kept between values: a
    /// `Display` writes a value in several pieces (a qualifier, digits, a
    /// unit), and gathering them first makes one check and one write.
    static SCRATCH: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// The most room [`SCRATCH`] keeps between values.
const KEPT_SCRATCH: usize = 4096;

/// Serialises, as one string, the text that `write` appends to an empty
/// string: what `collect_str` of a `Display` that wrote the same pieces
/// serialises (serde_json escapes a string piece by piece, character by
/// character, so the pieces' bounds do not show), without the formatting
/// machinery. A report writes a date, an origin's name or a claim's value
/// this way some thirty thousand times at 10k claims; `collect_str` spent
/// about 700 instructions on each. The text is gathered in [`SCRATCH`].
pub(crate) fn serialize_text<S: ser::Serializer>(
    serializer: S,
    write: impl FnOnce(&mut String) -> std::fmt::Result,
) -> Result<S::Ok, S::Error> {
    let mut text = SCRATCH.take();
    text.clear();
    let written = match write(&mut text) {
        Ok(()) => serializer.serialize_str(&text),
        Err(_) => Err(ser::Error::custom(
            "a Display implementation returned an error",
        )),
    };
    if text.capacity() <= KEPT_SCRATCH {
        SCRATCH.set(text);
    }
    written
}

/// Writes `"text` and then `close` (its closing quote and what follows
/// it, written together) for a static text: a variant's name, or a
/// field's in the pretty layout. The text is copied as it is when
/// [`plain_static`] finds it needs no escape.
#[inline(always)]
fn write_static<W: Write>(
    out: &mut W,
    text: &'static str,
    close: &'static [u8],
) -> Result<(), Error> {
    if !plain_static(text) {
        write_string(out, text)?;
        return out
            .write_all(close.get(1..).unwrap_or_default())
            .map_err(Error::io);
    }
    out.write_all(b"\"").map_err(Error::io)?;
    write_bytes(out, text.as_bytes())?;
    out.write_all(close).map_err(Error::io)
}

/// Writes `"key":` for a struct's field name, after a comma when
/// `comma`, copying the name when it needs no escape: the comma and the
/// opening quote in one write, and the closing quote and the colon in
/// another, each of a length known here, which the compiler writes
/// without a call.
#[inline(always)]
fn write_key<W: Write>(out: &mut W, comma: bool, key: &'static str) -> Result<(), Error> {
    if !plain_static(key) {
        return write_escaped_key(out, comma, key);
    }
    if comma {
        out.write_all(b",\"").map_err(Error::io)?;
    } else {
        out.write_all(b"\"").map_err(Error::io)?;
    }
    write_bytes(out, key.as_bytes())?;
    out.write_all(b"\":").map_err(Error::io)
}

/// [`write_key`] for a name that is not plain, out of line: the name
/// escaped as any string.
#[cold]
#[inline(never)]
fn write_escaped_key<W: Write>(out: &mut W, comma: bool, key: &str) -> Result<(), Error> {
    if comma {
        out.write_all(b",").map_err(Error::io)?;
    }
    write_string(out, key)?;
    out.write_all(b":").map_err(Error::io)
}

/// Writes `bytes`; sixteen or fewer (most field names, variant names
/// and ids) as an array of their length, which the compiler copies with
/// a move or two where a slice of a length not known would take a call
/// to `memcpy`: a report writes a few such bytes at a time, hundreds of
/// thousands of times.
#[inline(always)]
fn write_bytes<W: Write>(out: &mut W, bytes: &[u8]) -> Result<(), Error> {
    macro_rules! fixed {
        ($($n:literal)*) => {
            match bytes.len() {
                $($n => match <&[u8; $n]>::try_from(bytes) {
                    Ok(array) => out.write_all(array),
                    Err(_) => out.write_all(bytes),
                },)*
                _ => out.write_all(bytes),
            }
        };
    }
    fixed!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16).map_err(Error::io)
}

/// Writes a float that is the whole number `n` (below 10^15), negative
/// or not, as serde_json writes it: `-` when negative (`-0.0` too), the
/// digits, `.0`. Most floats a report holds are counts.
fn write_whole<W: Write>(out: &mut W, negative: bool, n: u64) -> Result<(), Error> {
    // A sign, fifteen digits at most, `.0`.
    let mut text = [0u8; 18];
    text[16..].copy_from_slice(b".0");
    let mut at = crate::quantity::decimal_digits_before(&mut text, 16, n);
    if negative {
        at -= 1;
        text[at] = b'-';
    }
    out.write_all(&text[at..]).map_err(Error::io)
}

/// What closes an array or object: its bracket, and for an externally
/// tagged variant the brace of `{"variant":` too.
#[derive(Clone, Copy)]
enum Close {
    /// `]`.
    Array,
    /// `}`.
    Object,
    /// `]}`.
    ArrayVariant,
    /// `}}`.
    ObjectVariant,
}

/// An array or object being written: whether an element came before,
/// what closes it, and the layout of its elements.
struct Compound<'o, W, L> {
    out: &'o mut W,
    first: bool,
    close: Close,
    layout: L,
}

impl<'o, W: Write, L: Layout> Compound<'o, W, L> {
    /// Writes the bracket that `close` closes; its elements are laid out
    /// in `layout`.
    fn open(out: &'o mut W, close: Close, layout: L) -> Result<Self, Error> {
        match close {
            Close::Array | Close::ArrayVariant => out.write_all(b"["),
            Close::Object | Close::ObjectVariant => out.write_all(b"{"),
        }
        .map_err(Error::io)?;
        Ok(Compound {
            out,
            first: true,
            close,
            layout,
        })
    }

    /// True before the first element, and no longer.
    fn first(&mut self) -> bool {
        std::mem::replace(&mut self.first, false)
    }

    /// What goes before an element.
    fn separate(&mut self) -> Result<(), Error> {
        let first = self.first();
        self.layout.element(self.out, first)
    }

    /// The serializer of an element's value.
    #[inline(always)]
    fn value(&mut self) -> Compact<'_, W, L> {
        Compact {
            out: &mut *self.out,
            layout: self.layout,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate()?;
        value.serialize(self.value())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let first = self.first();
        self.layout.key(self.out, first, key)?;
        value.serialize(self.value())
    }

    fn close(self) -> Result<(), Error> {
        self.layout.close(self.out, !self.first, self.close)
    }
}

impl<'o, W: Write, L: Layout> ser::Serializer for Compact<'o, W, L> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'o, W, L>;
    type SerializeTuple = Compound<'o, W, L>;
    type SerializeTupleStruct = Compound<'o, W, L>;
    type SerializeTupleVariant = Compound<'o, W, L>;
    type SerializeMap = Compound<'o, W, L>;
    type SerializeStruct = Compound<'o, W, L>;
    type SerializeStructVariant = Compound<'o, W, L>;

    fn serialize_bool(mut self, v: bool) -> Result<(), Error> {
        self.json().serialize_bool(v)
    }
    fn serialize_i8(mut self, v: i8) -> Result<(), Error> {
        self.json().serialize_i8(v)
    }
    fn serialize_i16(mut self, v: i16) -> Result<(), Error> {
        self.json().serialize_i16(v)
    }
    fn serialize_i32(mut self, v: i32) -> Result<(), Error> {
        self.json().serialize_i32(v)
    }
    fn serialize_i64(mut self, v: i64) -> Result<(), Error> {
        self.json().serialize_i64(v)
    }
    fn serialize_i128(mut self, v: i128) -> Result<(), Error> {
        self.json().serialize_i128(v)
    }
    fn serialize_u8(mut self, v: u8) -> Result<(), Error> {
        self.json().serialize_u8(v)
    }
    fn serialize_u16(mut self, v: u16) -> Result<(), Error> {
        self.json().serialize_u16(v)
    }
    fn serialize_u32(mut self, v: u32) -> Result<(), Error> {
        self.json().serialize_u32(v)
    }
    fn serialize_u64(mut self, v: u64) -> Result<(), Error> {
        self.json().serialize_u64(v)
    }
    fn serialize_u128(mut self, v: u128) -> Result<(), Error> {
        self.json().serialize_u128(v)
    }
    fn serialize_f32(mut self, v: f32) -> Result<(), Error> {
        self.json().serialize_f32(v)
    }
    fn serialize_f64(mut self, v: f64) -> Result<(), Error> {
        // A whole number below 10^15 (below 2^53, so every one is exact,
        // and its digits are its shortest form): serde_json writes its
        // digits and `.0`, as here. NaN and the infinities fail the test.
        let whole = v as i64;
        if whole as f64 == v && whole.unsigned_abs() < 1_000_000_000_000_000 {
            return write_whole(self.out, v.is_sign_negative(), whole.unsigned_abs());
        }
        self.json().serialize_f64(v)
    }
    fn serialize_char(mut self, v: char) -> Result<(), Error> {
        self.json().serialize_char(v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_string(self.out, v)
    }
    /// An array of the bytes' numbers, as serde_json writes one (in its
    /// pretty layout, one number a line).
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut bytes = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            bytes.serialize_element(byte)?;
        }
        bytes.end()
    }
    fn serialize_none(mut self) -> Result<(), Error> {
        self.write(b"null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(mut self) -> Result<(), Error> {
        self.write(b"null")
    }
    fn serialize_unit_struct(mut self, _name: &'static str) -> Result<(), Error> {
        self.write(b"null")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        write_static(self.out, variant, b"\"")
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant)?;
        let inner = self.layout.inner();
        value.serialize(Compact {
            out: &mut *self.out,
            layout: inner,
        })?;
        // The object around the variant, which holds one element.
        inner.close(self.out, true, Close::Object)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'o, W, L>, Error> {
        self.open(Close::Array)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'o, W, L>, Error> {
        self.open(Close::Array)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'o, W, L>, Error> {
        self.open(Close::Array)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'o, W, L>, Error> {
        self.variant_compound(variant, Close::ArrayVariant)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'o, W, L>, Error> {
        self.open(Close::Object)
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'o, W, L>, Error> {
        self.open(Close::Object)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'o, W, L>, Error> {
        self.variant_compound(variant, Close::ObjectVariant)
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        use std::fmt::Write as _;
        let mut text = SCRATCH.take();
        text.clear();
        let written = write!(text, "{value}")
            .map_err(|_| ser::Error::custom("a Display implementation returned an error"))
            .and_then(|()| write_string(self.out, &text));
        if text.capacity() <= KEPT_SCRATCH {
            SCRATCH.set(text);
        }
        written
    }
}

/// The four kinds of JSON array serde has (sequences, tuples, tuple
/// structs and tuple variants), all elements between brackets.
macro_rules! array_impls {
    ($($kind:ident::$method:ident),* $(,)?) => {
        $(
            impl<W: Write, L: Layout> ser::$kind for Compound<'_, W, L> {
                type Ok = ();
                type Error = Error;
                fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                    self.element(value)
                }
                fn end(self) -> Result<(), Error> {
                    self.close()
                }
            }
        )*
    };
}

array_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl<W: Write, L: Layout> ser::SerializeMap for Compound<'_, W, L> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separate()?;
        write_map_key(self.out, key)?;
        self.layout.colon(self.out)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(self.value())
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// The two kinds of JSON object with field names known in advance:
/// structs and struct variants.
macro_rules! object_impls {
    ($($kind:ident),* $(,)?) => {
        $(
            impl<W: Write, L: Layout> ser::$kind for Compound<'_, W, L> {
                type Ok = ();
                type Error = Error;
                fn serialize_field<T: Serialize + ?Sized>(
                    &mut self,
                    key: &'static str,
                    value: &T,
                ) -> Result<(), Error> {
                    self.field(key, value)
                }
                fn end(self) -> Result<(), Error> {
                    self.close()
                }
            }
        )*
    };
}

object_impls!(SerializeStruct, SerializeStructVariant);

/// Writes a map's key as serde_json writes it, quotes included: the key
/// of a one-entry map serialised by serde_json, copied from between the
/// `{` and the `:null}`. Which keys a map takes (strings, numbers,
/// booleans, unit variants) and how they are quoted stay serde_json's.
/// The report's types hold no maps; this is for completeness, not speed.
fn write_map_key<W: Write, T: Serialize + ?Sized>(out: &mut W, key: &T) -> Result<(), Error> {
    use ser::SerializeMap;
    let mut bytes = Vec::new();
    let mut json = serde_json::Serializer::with_formatter(&mut bytes, Escaping);
    let mut map = ser::Serializer::serialize_map(&mut json, Some(1))?;
    map.serialize_key(key)?;
    map.serialize_value(&())?;
    map.end()?;
    let key = bytes
        .get(1..bytes.len().saturating_sub(6))
        .unwrap_or_default();
    out.write_all(key).map_err(Error::io)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;

    /// The bytes of serde_json's own serializer with the crate's escapes
    /// ([`Escaping`](crate::json::Escaping)).
    fn serde_json_escaped<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut bytes,
            crate::json::Escaping,
        ))?;
        Ok(bytes)
    }

    /// serde_json's `PrettyFormatter` with the crate's escapes: every
    /// choice of layout is serde_json's, only the string fragments are
    /// written by [`crate::json::write_fragment`].
    struct PrettyEscaping(serde_json::ser::PrettyFormatter<'static>);

    /// Hands each call on to serde_json's pretty formatter.
    macro_rules! pretty_calls {
        ($($call:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
            $(
                fn $call<W: ?Sized + std::io::Write>(
                    &mut self,
                    out: &mut W,
                    $($arg: $ty),*
                ) -> std::io::Result<()> {
                    self.0.$call(out, $($arg),*)
                }
            )*
        };
    }

    impl serde_json::ser::Formatter for PrettyEscaping {
        pretty_calls!(
            begin_array(),
            end_array(),
            begin_array_value(first: bool),
            end_array_value(),
            begin_object(),
            end_object(),
            begin_object_key(first: bool),
            begin_object_value(),
            end_object_value(),
        );

        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            out: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            crate::json::write_fragment(out, fragment)
        }
    }

    /// The bytes of serde_json's own pretty serializer with the crate's
    /// escapes.
    fn serde_json_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        let pretty = PrettyEscaping(serde_json::ser::PrettyFormatter::new());
        value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut bytes, pretty,
        ))?;
        Ok(bytes)
    }

    /// The bytes of both serializers, which must be the same, in the
    /// compact layout and in the pretty one: at level 0, and at level
    /// 3, where each line after the first is indented by three levels
    /// more (a string holds no raw new line to be indented).
    #[track_caller]
    fn same<T: Serialize + ?Sized>(value: &T) -> String {
        let expected = serde_json_escaped(value).expect("serde_json serialises it");
        let mut ours = Vec::new();
        super::to_writer(&mut ours, value).expect("ours serialises it");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&expected)
        );
        let pretty = serde_json_pretty(value).expect("serde_json serialises it");
        let pretty = String::from_utf8(pretty).expect("JSON is UTF-8");
        for level in [0, 3] {
            let mut ours_pretty = Vec::new();
            super::to_writer_pretty(&mut ours_pretty, value, level).expect("ours serialises it");
            let indent = format!("\n{}", "  ".repeat(level));
            assert_eq!(
                String::from_utf8_lossy(&ours_pretty),
                pretty.replace('\n', &indent),
                "level {level}"
            );
        }
        String::from_utf8(ours).expect("JSON is UTF-8")
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Newtype(u8);

    #[derive(Serialize)]
    struct Pair(i32, &'static str);

    #[derive(Serialize)]
    enum External {
        Unit,
        #[serde(rename = "un\"it\u{1b}")]
        Escaped,
        Newtype(f64),
        Tuple(u8, bool),
        Struct {
            a: Option<u8>,
            b: Vec<u8>,
        },
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Internal {
        Plain,
        Fields { x: i64 },
        Inner(Inner),
    }

    #[derive(Serialize)]
    #[serde(tag = "op", content = "words")]
    enum Adjacent {
        Words(Vec<String>),
        Nothing,
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum Untagged {
        Number(u32),
        Text(String),
    }

    #[derive(Serialize)]
    struct Inner {
        #[serde(rename = "needs \"escape\"\n")]
        odd: char,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        #[serde(rename = "a_rather_long_field_name_of_many_bytes")]
        long: (),
    }

    /// Displays with pieces that need escapes, in several writes.
    struct Pieces;

    impl std::fmt::Display for Pieces {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let (number, word, letter) = (1_500, "quoted", 'é');
            write!(f, "{number} \"{word}\" \\ {letter}\t")
        }
    }

    /// Serialises through `collect_str`.
    struct Collected<T>(T);

    impl<T: std::fmt::Display> Serialize for Collected<T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&self.0)
        }
    }

    /// Serialises through `serialize_text`, the text in the pieces
    /// [`Pieces`] writes it in.
    struct Written<T>(T);

    impl<T: std::fmt::Display> Serialize for Written<T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            super::serialize_text(s, |text| {
                use std::fmt::Write as _;
                write!(text, "{}", self.0)
            })
        }
    }

    /// `serialize_text` writes what `collect_str` writes, in serde_json
    /// and here, in the pretty layout too.
    #[track_caller]
    fn written_as_collected<T: std::fmt::Display>(value: T) {
        let written = same(&Written(&value));
        assert_eq!(written, same(&Collected(&value)));
        assert_eq!(
            crate::json::to_string_pretty(&Written(&value)).expect("a string serialises"),
            crate::json::to_string_pretty(&Collected(&value)).expect("a string serialises")
        );
    }

    #[test]
    fn every_shape_is_written_as_serde_json_writes_it() {
        same(&Unit);
        same(&Newtype(7));
        same(&Pair(-3, "x"));
        same(&(1u8, "two", 3.5f32, [4u16; 2]));
        same(&External::Unit);
        same(&External::Escaped);
        same(&[External::Escaped, External::Unit]);
        same(&External::Newtype(1e21));
        same(&External::Tuple(0, true));
        same(&External::Struct { a: None, b: vec![] });
        same(&External::Struct {
            a: Some(1),
            b: vec![1, 2],
        });
        same(&Internal::Plain);
        same(&Internal::Fields { x: i64::MIN });
        let inner = || Inner {
            odd: '"',
            skipped: None,
            long: (),
        };
        same(&Internal::Inner(inner()));
        same(&inner());
        same(&Adjacent::Words(vec!["a".into(), "b\u{1}".into()]));
        same(&Adjacent::Nothing);
        same(&[Untagged::Number(1), Untagged::Text("t".into())]);
        same(&Some(Some(())));
        same(&Option::<u8>::None);
        same(&(u128::MAX, i128::MIN, u64::MAX, i8::MIN));
        same(&serde_bytes_like());
        same(&Collected(Pieces));
        same(&Collected(""));
        written_as_collected(Pieces);
        written_as_collected("");
        same(&Vec::<Vec<u8>>::new());
        same(&vec![Vec::<u8>::new(), vec![1]]);
    }

    /// Arrays and objects nested deeper than the indent [`super::new_line`]
    /// writes at once (32 levels), empty and not, and structs in arrays
    /// in structs, laid out as serde_json lays them out.
    #[test]
    fn nested_values_are_laid_out_as_serde_json_lays_them_out() {
        let mut deep = serde_json::json!([]);
        for depth in 0..40 {
            deep = if depth % 2 == 0 {
                serde_json::json!({ "k": deep, "e": {}, "n": depth })
            } else {
                serde_json::json!([deep, [], "s", [1, [2]]])
            };
        }
        same(&deep);
        let inner = || Inner {
            odd: 'x',
            skipped: Some(1),
            long: (),
        };
        same(&vec![
            External::Struct {
                a: Some(2),
                b: vec![3, 4],
            },
            External::Tuple(1, false),
            External::Newtype(0.5),
            External::Unit,
        ]);
        same(&(
            vec![inner(), inner()],
            Internal::Inner(inner()),
            [Pair(1, "p")],
        ));
        same(&Adjacent::Words(vec![]));
        same(&[[Some(External::Struct { a: None, b: vec![] })]]);
    }

    /// A byte string as serde sees one.
    fn serde_bytes_like() -> impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"\x00ab")
            }
        }
        Bytes
    }

    #[test]
    fn floats_are_serde_json_s_including_those_json_cannot_hold() {
        for x in [
            0.0,
            -0.0,
            1.0,
            0.1,
            1e16,
            1e-7,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            same(&x);
            same(&(x as f32));
        }
    }

    #[test]
    fn whole_floats_are_serde_json_s_at_every_power_of_ten() {
        for e in 0..=17 {
            let p = 10f64.powi(e);
            for x in [p, p - 1.0, p + 1.0, 2.0 * p, 9.0 * p, p / 2.0] {
                for x in [x, -x, x + 0.5, -(x + 0.5)] {
                    same(&x);
                }
            }
        }
        for x in [
            999_999_999_999_999.0,
            1e15,
            9_007_199_254_740_993.0,
            -0.0,
            0.0,
        ] {
            same(&x);
        }
    }

    proptest! {
        /// Whole numbers up to 2^54 and any float at all, as serde_json
        /// writes them.
        #[test]
        fn floats_are_written_as_serde_json_writes_them(
            whole in -(1i64 << 54)..(1i64 << 54),
            bits in any::<u64>(),
        ) {
            same(&(whole as f64));
            same(&f64::from_bits(bits));
        }
    }

    #[test]
    fn map_keys_follow_serde_json_s_rules() {
        same(&BTreeMap::from([("b\"", 1), ("a", 2), ("", 3)]));
        same(&BTreeMap::from([(1u32, "one"), (20, "twenty")]));
        same(&BTreeMap::from([(-1i64, ())]));
        same(&BTreeMap::from([(true, 1), (false, 0)]));
        same(&BTreeMap::from([('\n', 1)]));
        same(&BTreeMap::<String, u8>::new());
        // A key that is not a string or a number fails, in both.
        let bad = BTreeMap::from([(vec![1u8], 1)]);
        assert!(serde_json_escaped(&bad).is_err());
        assert!(super::to_writer(&mut Vec::new(), &bad).is_err());
    }

    #[test]
    fn plain_agrees_with_a_byte_by_byte_check_at_every_length_and_place() {
        let slow = |s: &str| {
            s.bytes()
                .all(|b| b >= 0x20 && !matches!(b, b'"' | b'\\' | 0x7f | 0xc2 | 0xe2))
        };
        for len in 0..=40 {
            let base = "é".repeat(len / 2) + &"a".repeat(len % 2);
            assert_eq!(super::plain(&base), slow(&base));
            for at in 0..base.len() {
                if !base.is_char_boundary(at) {
                    continue;
                }
                for special in [
                    "\"", "\\", "\u{0}", "\u{1f}", "\u{7f}", " ", "~", "\u{80}", "\u{a0}",
                    "\u{ff}", "\u{2028}", "\u{202e}", "’", "\u{3000}",
                ] {
                    let text = format!("{}{special}{}", &base[..at], &base[at..]);
                    assert_eq!(super::plain(&text), slow(&text), "{text:?}");
                }
            }
        }
    }

    /// `write_bytes` writes every length as it is, those it writes as
    /// arrays and those it does not.
    #[test]
    fn write_bytes_writes_each_length_whole() {
        let text: Vec<u8> = (0..40u8).map(|b| b'a' + b % 26).collect();
        for len in 0..=text.len() {
            let mut out = Vec::new();
            super::write_bytes(&mut out, &text[..len]).expect("a vector takes it");
            assert_eq!(out, &text[..len]);
        }
    }

    #[test]
    fn write_errors_are_returned() {
        struct Full;
        impl std::io::Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        assert!(
            super::to_writer(
                &mut Full,
                &Inner {
                    odd: 'x',
                    skipped: None,
                    long: ()
                }
            )
            .is_err()
        );
        assert!(super::to_writer(&mut Full, &Collected(Pieces)).is_err());
        assert!(super::to_writer(&mut Full, &"text").is_err());
    }

    /// Texts of up to 40 characters, many of them ones JSON escapes: those
    /// serde_json escapes, those that act on a terminal (C0 and C1
    /// controls, bidirectional embeddings, overrides and isolates), the
    /// separators U+2028 and U+2029, and their neighbours that are left
    /// as they are (U+00A0, the implicit mark U+200F, a curly quote, a
    /// dash).
    fn texts() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just('"'),
                Just('\\'),
                Just('\n'),
                Just('\u{0}'),
                Just('\u{1f}'),
                Just('\u{7f}'),
                Just('é'),
                Just('😀'),
                any::<char>(),
                Just('a'),
                Just('\u{85}'),
                Just('\u{9f}'),
                Just('\u{a0}'),
                Just('\u{1b}'),
                Just('\u{202a}'),
                Just('\u{202e}'),
                Just('\u{2066}'),
                Just('\u{2069}'),
                Just('\u{2028}'),
                Just('\u{2029}'),
                Just('\u{200f}'),
                Just('’'),
                Just('–'),
            ],
            0..40,
        )
        .prop_map(|c| c.into_iter().collect::<String>())
    }

    /// Whether JSON must not hold `c` raw: it acts on a terminal, or it
    /// is U+2028 or U+2029.
    fn escaped_in_json(c: char) -> bool {
        crate::render::acts(c) || matches!(c, '\u{2028}' | '\u{2029}')
    }

    /// serde_json's bytes for `text`, with each character that
    /// [`escaped_in_json`] left raw then replaced by its `\uXXXX` escape.
    fn serde_json_then_escaped(text: &str) -> String {
        let json = serde_json::to_string(text).expect("a string serialises");
        json.chars().fold(String::new(), |mut out, c| {
            if escaped_in_json(c) {
                out += &format!("\\u{:04x}", u32::from(c));
            } else {
                out.push(c);
            }
            out
        })
    }

    proptest! {
        /// The check that finds escapes by the bytes that may begin one
        /// agrees with a look at every byte, and with the check of the
        /// text report's escapes that it replaced.
        #[test]
        fn needs_any_escape_agrees_with_a_look_at_every_byte(text in texts()) {
            let bytes = text.as_bytes();
            let every_byte = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
                || (0..bytes.len()).any(|at| crate::render::json_escaped_at(bytes, at).is_some());
            prop_assert_eq!(super::needs_any_escape(&text), every_byte);
            prop_assert_eq!(
                super::needs_any_escape(&text),
                super::any_word(bytes, super::serde_json_escapes)
                    || crate::render::holds_json_escaped(&text)
            );
        }

        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(text in texts()) {
            same(&text);
            same(&Collected(&text));
            written_as_collected(&text);
            same(&BTreeMap::from([(text.as_str(), text.as_str())]));
            same(&Adjacent::Words(vec![text.clone(), text.clone()]));
        }

        /// The compact writer, serde_json with the crate's formatter and
        /// the pretty writer all write any text as serde_json does but for
        /// the escapes of the characters that act, as `\u0085`: the JSON
        /// holds none of them raw and parses back to the same text.
        #[test]
        fn escaped_json_parses_back_and_holds_nothing_that_acts(text in texts()) {
            let mut compact = Vec::new();
            super::to_writer(&mut compact, &text).expect("a string serialises");
            let compact = String::from_utf8(compact).expect("JSON is UTF-8");
            let through_serde_json =
                String::from_utf8(serde_json_escaped(&text).expect("a string serialises"))
                    .expect("JSON is UTF-8");
            let pretty = crate::json::to_string_pretty(&text).expect("a string serialises");
            for json in [&compact, &through_serde_json, &pretty] {
                prop_assert!(!json.chars().any(escaped_in_json), "{json:?}");
                let back: String = serde_json::from_str(json).expect("the JSON parses");
                prop_assert_eq!(&back, &text);
            }
            prop_assert_eq!(&compact, &serde_json_then_escaped(&text));
            prop_assert_eq!(&through_serde_json, &compact);
        }
    }
}
