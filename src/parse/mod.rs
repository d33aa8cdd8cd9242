//! English value parsers: quantities and dates the way news writes them.
//!
//! | item | what it is |
//! |---|---|
//! | [`parse_quantity`] | one quantity expression → [`Quantity`] |
//! | [`parse_date`] | one date expression → [`Period`] |
//! | [`scan`] | every quantity and date [`Mention`] in free text |
//! | [`ScanOptions`] | the vocabulary and reference date a scan uses |
//! | [`Mention`], [`MentionKind`] | one mention: byte span, text, value |
//! | [`MentionRecord`] | a mention as the JSON record of the `parse` subcommand |
//!
//! The text is cut into tokens once (`token.rs`); at each token that can
//! start an expression (a digit, or a word from the tables), the date
//! grammar (`date.rs`) and the quantity grammar (`quantity.rs`) are tried,
//! and the longest match wins, a date on a tie. A match moves the scan
//! past it, so mentions never overlap.
//!
//! **Invariant:** parsing and scanning never panic, and every span lies on
//! char boundaries of the input.

mod date;
mod number;
mod quantity;
mod token;
mod words;

/// The scale words the number words read ("million"), for vocabulary
/// checks.
pub(crate) use number::scale_word;

/// Whether `word` (lower case) may be part of a number written in
/// words: a word that starts one ("three", "twenty", "half") or a scale
/// word ("hundred", "thousand", "dozen"). For a quick look at a text's
/// words before reading them with [`leading_number`].
pub(crate) fn may_be_number_word(word: &str) -> bool {
    number::starts_number_word(word) || scale_word(word).is_some()
}

/// Whether `word` (lower case) is an ordinal ("third", "twenty-first"):
/// a place in a sequence, no figure, though its first part may be a
/// number word ("twenty"). See [`words::ORDINALS`].
pub(crate) fn is_ordinal_word(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    words::ORDINALS.contains(&last)
}

/// Whether `word` (lower case), a part of a whole ("quarter", "half"),
/// names a period or a place after `before`, the word before it (lower
/// case): an ordinal ("the third quarter", "the first half") or a word
/// of [`words::PLACE_WORDS`] ("the last quarter"). A cardinal after
/// them ("the first three") is a figure still.
pub(crate) fn is_part_after_place(before: &str, word: &str) -> bool {
    words::PART_WORDS.contains(&word)
        && (is_ordinal_word(before) || words::PLACE_WORDS.contains(&before))
}

/// The number that opens `text`, as the scan reads one: in words ("three
/// hundred", "twenty five", "a dozen", "half a million") or in digits,
/// with a scale word after them ("3 million"). Its value, the bytes of
/// `text` it takes, and whether it is a lone "one", which is a
/// determiner or a pronoun more often than a count. `None` when no
/// number opens the text. Currency signs and scale abbreviations of a
/// vocabulary are not read.
pub(crate) fn leading_number(text: &str) -> Option<(f64, usize, bool)> {
    let tokens = Tokens::new(text);
    let read = number::number_at(&tokens, &number::Notation::NONE, 0)?;
    Some((read.value, tokens.span(0, read.end).end, read.determiner))
}

use std::fmt;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::error::{Error, ErrorKind};
use crate::model::Status;
use crate::period::Period;
use crate::quantity::{Amount, Quantity, just_past, just_under};
use crate::vocab::Vocabulary;

use self::quantity::Lexicon;
use self::token::Tokens;

/// What a scan uses: the vocabulary of hedges and vague phrases, and the
/// reference date that relative dates resolve against.
///
/// ```
/// use corroborate::{ScanOptions, Vocabulary};
/// use corroborate::chrono::NaiveDate;
/// let options = ScanOptions::new()
///     .with_reference_date(NaiveDate::from_ymd_opt(2021, 8, 25).unwrap())
///     .with_vocabulary(Vocabulary::acled());
/// assert_eq!(options.vocabulary().name(), "acled");
/// ```
#[derive(Clone, Debug)]
pub struct ScanOptions {
    vocabulary: Vocabulary,
    lexicon: Lexicon,
    reference: Option<NaiveDate>,
}

impl Default for ScanOptions {
    fn default() -> ScanOptions {
        ScanOptions::new()
    }
}

impl ScanOptions {
    /// The default vocabulary and no reference date: relative dates such
    /// as "Tuesday" or "last year" are not reported.
    pub fn new() -> ScanOptions {
        let vocabulary = Vocabulary::default();
        ScanOptions {
            lexicon: Lexicon::new(&vocabulary),
            vocabulary,
            reference: None,
        }
    }

    /// Sets the date relative expressions resolve against, usually the
    /// publication date.
    pub fn with_reference_date(mut self, date: NaiveDate) -> ScanOptions {
        self.reference = Some(date);
        self
    }

    /// Sets the vocabulary: its hedge words and vague phrases are what the
    /// scan recognizes, and its intervals are what records report.
    pub fn with_vocabulary(mut self, vocabulary: Vocabulary) -> ScanOptions {
        self.lexicon = Lexicon::new(&vocabulary);
        self.vocabulary = vocabulary;
        self
    }

    /// The vocabulary.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The reference date, if set.
    pub fn reference_date(&self) -> Option<NaiveDate> {
        self.reference
    }
}

/// The value a mention carries.
#[derive(Clone, Debug)]
pub enum MentionKind {
    /// A count: "between 500 and 1,500 fighters".
    Quantity(Quantity),
    /// A date or period: "Aug. 26", "the first four months of 2021".
    Date(Period),
}

/// A quantity or date found in text, with its byte span.
///
/// ```
/// use corroborate::{scan, MentionKind, ScanOptions};
/// let mentions = scan("Up to 700 fighters left in 2015.", &ScanOptions::new());
/// assert_eq!(mentions.len(), 2);
/// assert_eq!(mentions[0].text(), "Up to 700 fighters");
/// assert_eq!(mentions[1].span(), 27..31);
/// assert!(matches!(mentions[1].kind(), MentionKind::Date(_)));
/// ```
#[derive(Clone, Debug)]
pub struct Mention {
    span: Range<usize>,
    text: String,
    kind: MentionKind,
    status: Status,
    horizon: Option<String>,
}

impl Mention {
    /// The byte range of the mention in the scanned text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The text of the mention, as it stands in the input.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The value.
    pub fn kind(&self) -> &MentionKind {
        &self.kind
    }

    /// Whether the figure is projected or estimated, as the corpus format's
    /// `scope.status` says and a table cell so written is read: `Projected`
    /// after the words of a projection, an opener and a verb ("could reach
    /// 10,000", "expected to double to 4,000", "may top 10,000") or
    /// "projected"; `Estimated` for a figure that opens with "an estimated"
    /// or "estimated", where the vocabulary lists neither as a hedge;
    /// `Unspecified` for any other mention and every date.
    ///
    /// ```
    /// use corroborate::{scan, ScanOptions, Status};
    /// let mentions = scan("Cases could reach 10,000 by March.", &ScanOptions::new());
    /// assert_eq!(mentions[0].text(), "10,000");
    /// assert_eq!(mentions[0].status(), Status::Projected);
    /// assert_eq!(mentions[0].horizon(), Some("by March"));
    /// let mentions = scan("10,000 cases by March.", &ScanOptions::new());
    /// assert_eq!(mentions[0].status(), Status::Unspecified);
    /// assert_eq!(mentions[0].horizon(), None);
    /// ```
    pub fn status(&self) -> Status {
        self.status
    }

    /// A projection's horizon, as written after its figure ("by March",
    /// "over the medium term", "next month", "in 2030"), as the corpus
    /// format's `scope.horizon`: only for a projected mention
    /// ([`Mention::status`]). A date in it is a mention of its own too.
    pub fn horizon(&self) -> Option<&str> {
        self.horizon.as_deref()
    }

    /// The quantity, if the mention is one.
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.kind {
            MentionKind::Quantity(q) => Some(q),
            MentionKind::Date(_) => None,
        }
    }

    /// The period, if the mention is a date.
    pub fn period(&self) -> Option<&Period> {
        match &self.kind {
            MentionKind::Date(p) => Some(p),
            MentionKind::Quantity(_) => None,
        }
    }

    /// The record the `parse` subcommand prints for this mention, with the
    /// intervals of the default vocabulary. See [`MentionRecord`].
    ///
    /// ```
    /// use corroborate::{scan, ScanOptions};
    /// let mentions = scan("more than 90 fighters", &ScanOptions::new());
    /// let json = mentions[0].to_json_record(0).to_json_line();
    /// assert_eq!(
    ///     json,
    ///     r#"{"input":0,"text":"more than 90 fighters","span":[0,21],"kind":"quantity","min":90,"max":null,"min_inclusive":false,"max_inclusive":false,"form":"at_least","unit":"fighters"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_json_record(&self, input_index: usize) -> MentionRecord {
        self.to_json_record_with(input_index, &Vocabulary::default())
    }

    /// The record for this mention, with the intervals of `vocabulary`.
    pub fn to_json_record_with(
        &self,
        input_index: usize,
        vocabulary: &Vocabulary,
    ) -> MentionRecord {
        let value = match &self.kind {
            MentionKind::Quantity(q) => {
                let interval = q.interval(vocabulary);
                let (min, min_inclusive, max, max_inclusive) = match q.amount() {
                    Amount::AtLeast { value, strict } => (Some(*value), !*strict, None, false),
                    Amount::AtMost { value, strict } => (None, false, Some(*value), !*strict),
                    // An end that leaves its stated number out, of a
                    // figure that is not a count ("nearly 6 metres",
                    // "more than 2 and less than 3 metres"), lies just
                    // past it: written as the number, exclusive, not as
                    // the float beside it (5.999999999999999).
                    _ => {
                        let (min, min_inclusive) = match just_past(interval.min()) {
                            Some(number) => (number, false),
                            None => (interval.min(), true),
                        };
                        let (max, max_inclusive) = match just_under(interval.max()) {
                            Some(number) => (Some(number), false),
                            None => (
                                interval.max().is_finite().then_some(interval.max()),
                                interval.max().is_finite(),
                            ),
                        };
                        (Some(min), min_inclusive, max, max_inclusive)
                    }
                };
                RecordValue::Quantity {
                    min,
                    max,
                    min_inclusive,
                    max_inclusive,
                    form: q.form().as_str(),
                    unit: q.unit().map(str::to_string),
                    rounded_to: q.rounded_to(),
                }
            }
            MentionKind::Date(p) => RecordValue::Date {
                from: p.format_instant(p.start()),
                to: p.format_instant(p.end()),
                precision: p.precision().as_str(),
            },
        };
        MentionRecord {
            input: input_index,
            text: self.text.clone(),
            span: [self.span.start, self.span.end],
            value,
            status: self.status,
            horizon: self.horizon.clone(),
        }
    }
}

impl fmt::Display for Mention {
    /// One readable line: `27..31 date "2015" = 2015 (year)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{} ", self.span.start, self.span.end)?;
        match &self.kind {
            MentionKind::Quantity(q) => {
                let interval = q.interval(&Vocabulary::default());
                write!(
                    f,
                    "quantity {:?} = {} ({}, {interval})",
                    self.text,
                    q,
                    q.form()
                )
            }
            MentionKind::Date(p) => {
                write!(f, "date {:?} = {} ({})", self.text, p, p.precision())
            }
        }
    }
}

/// One mention as the JSON record of the `parse` subcommand: a contract
/// other tools rely on.
///
/// Fields, in this order: `input` (index of the text, from 0), `text`,
/// `span` (`[start_byte, end_byte]`), `kind` (`"quantity"` or `"date"`),
/// then for a quantity `min`, `max` (a number, or null when unbounded),
/// `min_inclusive`, `max_inclusive`, `form` (exact, range, at_least,
/// at_most, approximate, vague) and `unit` (or null); for a date `from`
/// (included) and `to` (excluded) as ISO 8601 dates or date-times, and
/// `precision` (year, month, day, hour, minute). Whole numbers print
/// without a fraction. A hedge that leaves its number out ("nearly 6
/// metres", "nearly 40%") gives that number as `max` with
/// `max_inclusive` false, and so do two bounds that close a range of
/// such figures at either end ("more than 2 and less than 3 metres":
/// `min` 2 and `max` 3, both exclusive); for a count ("nearly 6 people")
/// `max` is the whole number below it, inclusive. A quantity whose
/// [`Mention::status`] is said then has `status` (`"projected"`,
/// `"estimated"`), and a projection with its horizon `horizon` ("by
/// March"); neither is written otherwise.
#[derive(Clone, Debug)]
pub struct MentionRecord {
    input: usize,
    text: String,
    span: [usize; 2],
    value: RecordValue,
    status: Status,
    horizon: Option<String>,
}

#[derive(Clone, Debug)]
enum RecordValue {
    Quantity {
        min: Option<f64>,
        max: Option<f64>,
        min_inclusive: bool,
        max_inclusive: bool,
        form: &'static str,
        unit: Option<String>,
        /// What an exact figure was rounded to, written only when it was.
        rounded_to: Option<f64>,
    },
    Date {
        from: String,
        to: String,
        precision: &'static str,
    },
}

fn json_number(value: Option<f64>) -> serde_json::Value {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => serde_json::Value::from(v as i64),
        Some(v) => serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into),
        None => serde_json::Value::Null,
    }
}

impl Serialize for MentionRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("input", &self.input)?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("span", &self.span)?;
        match &self.value {
            RecordValue::Quantity {
                min,
                max,
                min_inclusive,
                max_inclusive,
                form,
                unit,
                rounded_to,
            } => {
                map.serialize_entry("kind", "quantity")?;
                map.serialize_entry("min", &json_number(*min))?;
                map.serialize_entry("max", &json_number(*max))?;
                map.serialize_entry("min_inclusive", min_inclusive)?;
                map.serialize_entry("max_inclusive", max_inclusive)?;
                map.serialize_entry("form", form)?;
                map.serialize_entry("unit", unit)?;
                if rounded_to.is_some() {
                    map.serialize_entry("rounded_to", &json_number(*rounded_to))?;
                }
                if self.status != Status::Unspecified {
                    map.serialize_entry("status", self.status.as_str())?;
                }
                if let Some(horizon) = &self.horizon {
                    map.serialize_entry("horizon", horizon)?;
                }
            }
            RecordValue::Date {
                from,
                to,
                precision,
            } => {
                map.serialize_entry("kind", "date")?;
                map.serialize_entry("from", from)?;
                map.serialize_entry("to", to)?;
                map.serialize_entry("precision", precision)?;
            }
        }
        map.end()
    }
}

impl MentionRecord {
    /// The record as one line of compact JSON, without a line end, as the
    /// `parse` subcommand prints it: the bytes of `serde_json::to_string`,
    /// except that characters that act on a terminal (control characters,
    /// bidirectional embeddings, overrides and isolates) and U+2028 and
    /// U+2029 are written as JSON escapes, `\u0085`, as in every JSON the
    /// crate writes. The strings parse back unchanged.
    ///
    /// ```
    /// use corroborate::{scan, ScanOptions};
    /// let mentions = scan("20\u{85} fighters", &ScanOptions::new());
    /// let line = mentions[0].to_json_record(0).to_json_line();
    /// assert!(line.contains(r#""text":"20\u0085 fighters""#), "{line}");
    /// let parsed: serde_json::Value = serde_json::from_str(&line)?;
    /// assert_eq!(parsed["text"], "20\u{85} fighters");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_json_line(&self) -> String {
        let mut bytes = Vec::with_capacity(160);
        // A record serialises without failure (its map's keys are
        // strings), and writing to memory does not fail.
        let _ = crate::compact::to_writer(&mut bytes, self);
        // The compact writer writes UTF-8.
        String::from_utf8(bytes).unwrap_or_default()
    }
}

fn expression_error(
    input: &str,
    position: usize,
    problem: impl Into<String>,
    expected: impl Into<String>,
) -> Error {
    Error::new(ErrorKind::Expression {
        input: input.to_string(),
        position,
        problem: problem.into(),
        expected: expected.into(),
    })
}

const QUANTITY_EXPECTED: &str = "a number (\"1,500\", \"twelve\"), a range (\"500 to 1,500\"), a bound (\"at least 60\"), a hedged number (\"about 2,000\") or a vague phrase (\"dozens\"), optionally followed by the counted noun";

/// Reads one quantity expression, optionally followed by its counted
/// noun: "between 500 and 1,500 fighters", "more than 90", "dozens of
/// prisoners", "two to three thousand".
///
/// Hedge words and vague phrases are those of `vocabulary`. A whole
/// expression that ends in "%", "percent" or "per cent" is a share, read
/// with the unit `percent` ("about 41 percent", "62-65%"), as the
/// scanner reads one in running text ("turnout was 41.2%"), where what
/// follows is not its unit ("20% of 5" is a share and the count 5). A
/// whole expression may also end in what befell the counted,
/// as a table cell gives it: lower-case past participles joined by "and"
/// or "or" ("300 killed", "300 people killed or injured") are part of the
/// unit. A lower-case word ending in "-ed" or "-ly" before a plural noun
/// modifies it, and is part of the unit too ("40,000 displaced people",
/// "3 confirmed deaths"), here and in running text.
///
/// ```
/// use corroborate::{parse_quantity, Amount, Vocabulary};
/// let vocabulary = Vocabulary::default();
/// let q = parse_quantity("between 500 and 1,500 fighters", &vocabulary)?;
/// assert!(matches!(q.amount(), Amount::Range { min, max } if *min == 500.0 && *max == 1500.0));
/// assert_eq!(q.unit(), Some("fighters"));
/// let nearly = parse_quantity("nearly 200", &vocabulary)?;
/// assert_eq!(nearly.interval(&vocabulary).max(), 199.0);
/// let share = parse_quantity("41.2%", &vocabulary)?;
/// assert!(matches!(share.amount(), Amount::Exact(v) if *v == 41.2));
/// assert_eq!(share.unit(), Some("percent"));
/// let cell = parse_quantity("ca. 300 killed", &vocabulary)?;
/// assert!(matches!(cell.amount(), Amount::Approximate { value, .. } if *value == 300.0));
/// assert_eq!(cell.unit(), Some("killed"));
/// let displaced = parse_quantity("at least 38,640 displaced people", &vocabulary)?;
/// assert_eq!(displaced.unit(), Some("displaced people"));
/// // Two bounds close a range, the unit after both or after each.
/// let depth = parse_quantity("more than 2 metres and less than 3 metres", &vocabulary)?;
/// assert_eq!(depth.to_string(), "more than 2 and fewer than 3 metres");
/// # Ok::<(), corroborate::Error>(())
/// ```
///
/// # Errors
///
/// Fails when the text is not exactly one quantity expression; the error
/// names the byte where reading stopped and what was expected there.
pub fn parse_quantity(text: &str, vocabulary: &Vocabulary) -> Result<Quantity, Error> {
    parse_quantity_in(text, &Lexicon::new(vocabulary)).map_err(|unread| unread.error)
}

/// A whole expression that ends in a percent sign or word: the quantity
/// before it, with the unit `percent`. `None` when the text does not end
/// so, or what comes before is not a quantity without a unit.
fn percentage(text: &str, lexicon: &Lexicon) -> Option<Quantity> {
    let trimmed = text.trim_end();
    // Most values end in neither: tested on bytes, with no allocation.
    let ends_with = |word: &str| {
        trimmed.len() >= word.len()
            && trimmed.as_bytes()[trimmed.len() - word.len()..]
                .eq_ignore_ascii_case(word.as_bytes())
    };
    let before = if let Some(rest) = trimmed.strip_suffix('%') {
        rest
    } else if ends_with("per cent") {
        &trimmed[..trimmed.len() - 8]
    } else if ends_with("percent") {
        let rest = &trimmed[..trimmed.len() - 7];
        // "percent" as a word of its own, not the end of another.
        if !rest.ends_with(char::is_whitespace) {
            return None;
        }
        rest
    } else {
        return None;
    };
    // "5%%", "5 percent percent": a share marked twice, which
    // `repeated_share_error` refuses; not a share of "5%".
    if share_mark_before(before.trim_end()) {
        return None;
    }
    // "62%-65%": the first end's sign too.
    let before = before.replacen("%", "", 1);
    let tokens = Tokens::new(&before);
    let found = quantity::quantity_at(&tokens, lexicon, 0, true)?;
    (found.end == tokens.len() && found.quantity.unit().is_none() && found.ambiguous.is_none())
        .then(|| found.quantity.with_unit("percent"))
}

/// Whether `text` ends in a percent sign or word ("5%", "5 percent", "5
/// per cent"), in any case.
fn share_mark_before(text: &str) -> bool {
    let ends_with = |word: &str| {
        text.len() >= word.len()
            && text.as_bytes()[text.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
    };
    text.ends_with('%') || ends_with("per cent") || ends_with("percent")
}

/// The tokens of a percent sign or word at token `k` ("%", "percent",
/// "per cent"): the token after it.
fn share_mark_at(tokens: &Tokens, k: usize) -> Option<usize> {
    if tokens.punct(k) == Some('%') || tokens.is(k, "percent") {
        return Some(k + 1);
    }
    (tokens.is(k, "per") && tokens.is(k + 1, "cent") && !tokens.breaks(k + 1)).then_some(k + 2)
}

/// The error for a whole value whose share is marked twice, a number
/// followed by two percent signs or words ("5%%", "5 % %", "5 percent
/// percent", "5% per cent"): a slip, or an escaping error ("%%" is how
/// printf writes one "%"), that had been read as a share of 5 percent
/// and corroborated "5%" (seventeenth audit, D6). The number reads, so
/// this is no syntax error: a table cell written so is skipped with the
/// reason, as "5%%%" was, rather than kept as text.
fn repeated_share_error(tokens: &Tokens) -> Option<Error> {
    let (at, first, second) = (1..tokens.len()).find_map(|k| {
        tokens.number(k - 1)?;
        let first = share_mark_at(tokens, k)?;
        if tokens.breaks(first) {
            return None;
        }
        Some((k - 1, first, share_mark_at(tokens, first)?))
    })?;
    Some(Error::invalid_value(
        format!("{:?}", tokens.raw_span(at, second)),
        "writes the percent sign twice",
        format!("the share with one sign, {:?}", tokens.raw_span(at, first)),
    ))
}

/// Whether tokens `start..` are past participles in lower case, joined
/// by "and" or "or": what befell the counted, as a table cell or a
/// caption gives it ("300 killed", "300 people killed or injured"),
/// perhaps after a passive's auxiliary ("300 people were killed"). The
/// counted noun stops before such a word, since in running text it
/// begins a clause of its own ("50 fighters killed two guards"), but
/// after a whole expression nothing follows it.
fn ends_in_participles(tokens: &Tokens, start: usize) -> bool {
    if (start..tokens.len()).any(|k| tokens.breaks(k) || tokens.word(k).is_none()) {
        return false;
    }
    is_participle_caption((start..tokens.len()).map(|k| tokens.raw(k)))
}

/// The figure after words that open `text` as a projection ("could
/// rise to 4,000", "is expected to reach 4,000", "expected to double to
/// 4,000", "projected 4,000": an opener of [`words::PROJECTION_OPENERS`]
/// and a verb of [`words::PROJECTION_VERBS`], or
/// [`words::PROJECTION_WORD`] alone), and whether they say it will be
/// passed ("may exceed 4,000", "may top 4,000").
pub(crate) fn after_projection_marker(text: &str) -> Option<(&str, bool)> {
    let text = text.trim_start();
    // The words after `head` at the start of `text`, if it opens with
    // them and a space.
    let after = |text: &'_ str, head: &str| -> Option<usize> {
        let start = text.get(..head.len())?;
        let rest = &text[head.len()..];
        (start.eq_ignore_ascii_case(head) && rest.starts_with(char::is_whitespace))
            .then(|| text.len() - rest.trim_start().len())
    };
    let opened = words::PROJECTION_OPENERS
        .iter()
        .find_map(|opener| after(text, opener));
    let Some(verb_at) = opened else {
        return after(text, words::PROJECTION_WORD).map(|at| (&text[at..], false));
    };
    let rest = &text[verb_at..];
    words::PROJECTION_VERBS
        .iter()
        .find_map(|&(verb, passes)| after(rest, verb).map(|at| (&rest[at..], passes)))
}

/// The ways to part `text`, the words after a projection's opener and
/// verb ("10,000 by March"), into a figure and the projection's horizon
/// after it ("by March", "over the medium term", "by the end of the
/// year", "in 2030"): at each word of [`words::HORIZON_OPENERS`] past
/// the first, from the right (the shortest horizon first), where the words from it to the end are a horizon, of
/// at most eight words ending in a date ("March", "2025") or a word of
/// [`words::HORIZON_TIME_WORDS`], with no comma, semicolon, "and" or
/// "or", which would make it a list that may hold a figure of its own
/// ("in 2025 and 12,000 in 2026"), and no other opener, which would put
/// words that are not time before the horizon ("in need by March").
/// Words of time the date grammar reads whole are a horizon without an
/// opener ("4,000 next month", "4,000 next year"), as they are no
/// counted noun. Words that are no horizon ("in Gaza") give none.
pub(crate) fn horizon_splits(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let text = text.trim();
    // The shortest horizon first: "by March" in "10,000 in need by
    // March", not "in need by March".
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .map(|(k, c)| k + c.len_utf8())
        .filter(|&k| !text[k..].starts_with(char::is_whitespace))
        .collect();
    starts.into_iter().rev().filter_map(move |k| {
        let horizon = &text[k..];
        let mut words = horizon.split_whitespace();
        let first = words.next()?.to_ascii_lowercase();
        if horizon.split_whitespace().count() > 8 {
            return None;
        }
        let probe = NaiveDate::from_ymd_opt(2000, 6, 15)?;
        if !words::HORIZON_OPENERS.contains(&first.as_str()) {
            // Words of time the date grammar reads whole, with no opener
            // ("next month", "next year"): a horizon too, as they
            // are no counted noun (twenty-first audit, leftover of the
            // twentieth's G8).
            let dated = !horizon.contains([',', ';'])
                && !horizon.split_whitespace().any(|word| {
                    let word = word.to_ascii_lowercase();
                    matches!(word.as_str(), "and" | "or")
                        || words::HORIZON_OPENERS.contains(&word.as_str())
                })
                && parse_date(horizon, Some(probe)).is_ok();
            return dated.then(|| (text[..k].trim_end(), horizon));
        }
        // One phrase of time, not a list or a clause that may hold a
        // figure of its own ("in 2025 and 12,000 in 2026"), nor words
        // before one ("in need by March").
        if horizon.contains([',', ';'])
            || horizon.split_whitespace().skip(1).any(|word| {
                let word = word.to_ascii_lowercase();
                matches!(word.as_str(), "and" | "or")
                    || words::HORIZON_OPENERS.contains(&word.as_str())
            })
        {
            return None;
        }
        let last = words.last()?;
        let last_lower = last.to_ascii_lowercase();
        // A date ahead ("2030") reads alone; one without its year
        // ("March") against some day.
        let ends_in_time = words::HORIZON_TIME_WORDS.contains(&last_lower.as_str())
            || parse_date(last, None).is_ok()
            || parse_date(last, Some(probe)).is_ok();
        ends_in_time.then(|| (text[..k].trim_end(), horizon))
    })
}

/// The unit of the vocabulary, or word of a share
/// ([`words::SHARE_WORDS`]), that `unit` is one edit from, as it opens
/// `unit` in one or two words ("percent" for "percnt", "per cent" for
/// "per cnet", "kilometres" for "kilometrs"): a letter added, dropped or
/// two neighbours swapped, or one changed in a long unit
/// ([`words::NEAR_MISS_MIN_LEN`], [`words::NEAR_MISS_MIN_LEN_CHANGED`]).
/// `None` for a unit that is one of them, or near none. The first of the
/// vocabulary's units in alphabetical order, then the share words'.
pub(crate) fn near_miss_unit<'v>(unit: &str, vocabulary: &'v Vocabulary) -> Option<&'v str> {
    let lower = unit.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let heads: Vec<String> = (1..=words.len().min(2))
        .map(|n| words[..n].join(" "))
        .collect();
    // A unit the vocabulary names is no slip: looked up, not listed.
    if heads
        .iter()
        .any(|head| vocabulary.is_measure_word(head) || words::SHARE_WORDS.contains(&head.as_str()))
    {
        return None;
    }
    let near = |head: &str, unit: &str| {
        let len = unit.chars().count();
        len >= words::NEAR_MISS_MIN_LEN
            && one_edit_apart(head, unit, len >= words::NEAR_MISS_MIN_LEN_CHANGED)
    };
    heads.iter().find_map(|head| {
        // One edit changes the length by one character at most, so only
        // units that long are held against it, and of those the first in
        // alphabetical order is named.
        let chars = head.chars().count();
        vocabulary
            .measure_words_of_length(chars.saturating_sub(1), chars + 1)
            .filter(|unit| near(head, unit))
            .min()
            .or_else(|| {
                words::SHARE_WORDS
                    .iter()
                    .copied()
                    .find(|unit| near(head, unit))
            })
    })
}

/// Whether `a` and `b` differ by one letter added or dropped, or two
/// neighbours swapped, or, where `changed` is allowed, one letter
/// changed.
fn one_edit_apart(a: &str, b: &str, changed: bool) -> bool {
    // Compared in place, without copying either into characters: every
    // quantity cell with a unit is held against the vocabulary's units of
    // about its length, and copies made that half the time of reading a
    // table.
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (short, long, added) = if la <= lb {
        (a, b, lb - la)
    } else {
        (b, a, la - lb)
    };
    if added > 1 {
        return false;
    }
    // The two past the letters they open with alike (a shared prefix of
    // equal characters ends at a character boundary of both).
    let common: usize = short
        .chars()
        .zip(long.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (short, long) = (&short[common..], &long[common..]);
    let mut long_rest = long.chars();
    let Some(long_first) = long_rest.next() else {
        return false;
    };
    if added == 1 {
        // A letter added: the rest of the shorter is the longer's past it.
        return short == long_rest.as_str();
    }
    let mut short_rest = short.chars();
    let Some(short_first) = short_rest.next() else {
        return false;
    };
    // A letter changed.
    if changed && short_rest.as_str() == long_rest.as_str() {
        return true;
    }
    // Two neighbours swapped.
    match (short_rest.next(), long_rest.next()) {
        (Some(short_second), Some(long_second)) => {
            short_first == long_second
                && short_second == long_first
                && short_rest.as_str() == long_rest.as_str()
        }
        _ => false,
    }
}

/// Whether `text` opens with words that mark an estimate ("an estimated
/// 7,000 to 11,000", "Estimated 300 homes") that `vocabulary` does not
/// list as a hedge: the quantity after them is read as printed, and a
/// table row gives its claim the status `estimated`.
pub(crate) fn opens_with_estimate_marker(text: &str, vocabulary: &Vocabulary) -> bool {
    let text = text.trim_start();
    // The words are looked for before the vocabulary: the scanner asks
    // this of every quantity it reads.
    words::ESTIMATE_MARKERS.iter().any(|marker| {
        text.get(..marker.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(marker))
            && text[marker.len()..].starts_with(char::is_whitespace)
            && vocabulary.approximation(marker).is_none()
    })
}

/// Whether `words`, as written, are what befell the counted: lower-case
/// past participles joined by "and" or "or", perhaps after a passive's
/// auxiliary ("killed", "killed or injured", "were killed", "have been
/// rescued"). The parser's rule for a whole expression's end, and the
/// display's for leaving "of" out after a number noun ("dozens killed").
pub(crate) fn is_participle_caption<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    enum Next {
        First,
        Been,
        Participle,
        Joiner,
    }
    let participle = |w: &str| w.len() > 3 && w.ends_with("ed");
    let mut next = Next::First;
    for word in words {
        if word.starts_with(char::is_uppercase) {
            return false;
        }
        next = match next {
            Next::First if matches!(word, "have" | "has" | "had") => Next::Been,
            Next::First if matches!(word, "was" | "were" | "are" | "is" | "been") => {
                Next::Participle
            }
            Next::First | Next::Participle if participle(word) => Next::Joiner,
            Next::Been if word == "been" => Next::Participle,
            Next::Joiner if matches!(word, "and" | "or") => Next::Participle,
            _ => return false,
        };
    }
    matches!(next, Next::Joiner)
}

/// Reads quantities with one vocabulary's tables built once, for readers
/// that parse many values.
#[derive(Clone, Debug)]
pub(crate) struct QuantityParser {
    lexicon: Lexicon,
}

impl QuantityParser {
    pub(crate) fn new(vocabulary: &Vocabulary) -> QuantityParser {
        QuantityParser {
            lexicon: Lexicon::new(vocabulary),
        }
    }

    /// As [`parse_quantity`], saying also, when the text fails, how much
    /// of it read as a quantity ([`Unread::quantity`]).
    pub(crate) fn parse(&self, text: &str) -> Result<Quantity, Unread> {
        parse_quantity_in(text, &self.lexicon)
    }
}

/// Why a text is not one quantity expression.
#[derive(Debug)]
pub(crate) struct Unread {
    /// The error [`parse_quantity`] gives.
    pub(crate) error: Error,
    /// When the text begins with a quantity and goes on with words that
    /// cannot follow one ("9 old cases", "5,300 dead, 10,000 missing"):
    /// the byte range of that quantity, and of the first token after it.
    pub(crate) quantity: Option<(std::ops::Range<usize>, std::ops::Range<usize>)>,
}

impl From<Error> for Unread {
    fn from(error: Error) -> Unread {
        Unread {
            error,
            quantity: None,
        }
    }
}

/// The error for a figure that reads two ways: "5m", 5 million or 5
/// metres, written with a scale abbreviation of the vocabulary that is
/// also the symbol of a unit, and no currency sign or plural noun to say
/// which. Not a syntax error: a table cell is skipped with it, not kept
/// as text.
fn ambiguous_error(text: &str, ambiguous: &quantity::Ambiguous) -> Error {
    use crate::quantity::message_number;
    let scaled = message_number(ambiguous.base * ambiguous.factor);
    let measured = format!("{} {}", message_number(ambiguous.base), ambiguous.unit);
    Error::invalid_value(
        format!("{:?}", text.trim()),
        format!(
            "reads two ways: {:?} may be {scaled} or {measured}",
            ambiguous.written
        ),
        format!(
            "the figure written out, {scaled:?} or {measured:?}, or with a currency sign or a plural noun after it (\"{} people\")",
            ambiguous.written
        ),
    )
}

/// The error for a whole value with a bound or hedge after its figure
/// and words after that ([`quantity::Postfix`]): "300 max people" may be
/// at most 300 people or 300 "max people", so it names the word and the
/// two ways to write the bound that read ("at most 300 people", "300
/// people max"). Its quantity is the figure, so that a table cell
/// written so is kept as text with a warning naming the word, as one
/// with a qualifier no grammar reads is ("20 odd").
fn postfix_error(text: &str, tokens: &Tokens, postfix: &quantity::Postfix) -> Unread {
    let word = tokens.raw_span(postfix.at, postfix.after);
    let figure = tokens.raw_span(0, postfix.at);
    let rest = tokens.raw_span(postfix.after, tokens.len());
    let at = tokens.span(postfix.at, postfix.after);
    Unread {
        error: expression_error(
            text,
            at.start,
            format!(
                "{word:?} after {figure:?} is followed by {rest:?}: it may qualify the figure or describe what follows, so it is not read"
            ),
            format!(
                "the qualifier before the figure, \"{} {figure} {rest}\", or at the end, \"{figure} {rest} {word}\"",
                postfix.before
            ),
        ),
        quantity: Some((tokens.span(0, postfix.at), at)),
    }
}

/// The error for a whole expression that is a range written the wrong
/// way round ("between 1,500 and 500"): a bad value, not a syntax error.
fn inverted_range_error(text: &str, tokens: &Tokens, lexicon: &Lexicon) -> Option<Error> {
    let (high, low) = quantity::inverted_range_at(tokens, lexicon, 0)?;
    Some(Error::invalid_value(
        format!(
            "{:?} (a range from {} down to {})",
            text.trim(),
            crate::quantity::message_number(high),
            crate::quantity::message_number(low)
        ),
        "is inverted",
        "a range from the lower number to the higher",
    ))
}

fn parse_quantity_in(text: &str, lexicon: &Lexicon) -> Result<Quantity, Unread> {
    if let Some(share) = percentage(text, lexicon) {
        return Ok(share);
    }
    if let Some(error) = negative_error(text).or_else(|| exponent_error(text)) {
        return Err(error.into());
    }
    if let Some(number) = dot_grouped(text) {
        let grouped = grouped_reading(number);
        use crate::quantity::format_number;
        // One dot: a decimal in English ("20.000" is 20, written "20").
        let decimal = (number.matches('.').count() == 1)
            .then(|| number.parse::<f64>().ok())
            .flatten()
            .map(format_number);
        let (read, or) = match &decimal {
            Some(decimal) => (
                format!("{decimal} where a dot marks decimals, as in English, and "),
                format!(" (or {decimal:?} for the decimal)"),
            ),
            None => (String::new(), String::new()),
        };
        // Not a syntax error: the number reads, two ways, and a table
        // cell must not fall back to text for it.
        return Err(Error::invalid_value(
            format!("{number:?}"),
            format!("is {read}{grouped} where a dot groups thousands"),
            format!("the number as English writes it, {grouped:?}{or}"),
        )
        .into());
    }
    if let Some((written, english)) = dot_grouped_decimal_comma(text) {
        // Not a syntax error: the number reads one way, the European
        // way, which English does not write (eighteenth audit, E5).
        return Err(Error::invalid_value(
            format!("{written:?}"),
            format!(
                "is {english} where dots group thousands and a comma marks decimals, as much of Europe writes it and English does not"
            ),
            format!("the number as English writes it, {english:?}"),
        )
        .into());
    }
    let tokens = Tokens::new(text);
    if tokens.len() == 0 {
        return Err(expression_error(text, 0, "the input is empty", QUANTITY_EXPECTED).into());
    }
    if let Some(error) = decimal_comma_error(&tokens) {
        return Err(error.into());
    }
    if let Some(error) = decimal_comma_figure_error(text, &tokens, lexicon) {
        return Err(error.into());
    }
    if let Some(error) = grouping_error(text, &tokens, lexicon) {
        return Err(error.into());
    }
    if let Some(error) = repeated_share_error(&tokens) {
        return Err(error.into());
    }
    if let Some(error) = scale_chain_error(&tokens, &lexicon.notation) {
        return Err(error.into());
    }
    if let Some(error) = too_large_error(&tokens, &lexicon.notation) {
        return Err(error.into());
    }
    if let Some(error) = plain_space_grouped_error(&tokens) {
        return Err(error.into());
    }
    match quantity::quantity_at(&tokens, lexicon, 0, true) {
        Some(quantity::QuantityMatch {
            ambiguous: Some(ambiguous),
            ..
        }) => Err(ambiguous_error(text, &ambiguous).into()),
        // "20 odd", "300 perhaps": a figure qualified by a word that is
        // not read; a table cell written so is kept as text, naming it.
        Some(found) if found.qualified.is_some() => {
            let after = tokens.span(found.end, found.end + 1);
            Err(Unread {
                error: expression_error(
                    text,
                    after.start,
                    format!(
                        "unexpected {:?} after the quantity: it qualifies the figure in a way that is not read",
                        tokens.raw(found.end)
                    ),
                    "the end of the expression",
                ),
                quantity: Some((tokens.span(0, found.end), after)),
            })
        }
        // "300 max people", "300 approx. people": a bound or hedge after
        // the figure with words after it, which may bound the figure or
        // describe the noun ("300 maximum security prisoners"). Refused,
        // not read with the word in the counted noun and the bound lost;
        // a table cell written so is kept as text, naming the word.
        Some(quantity::QuantityMatch {
            postfix: Some(postfix),
            ..
        }) => Err(postfix_error(text, &tokens, &postfix)),
        Some(found) if found.end == tokens.len() => Ok(found.quantity),
        Some(found) if ends_in_participles(&tokens, found.end) => {
            let participles = tokens.raw_span(found.end, tokens.len());
            let unit = match found.quantity.unit() {
                Some(noun) => format!("{noun} {participles}"),
                None => participles.to_string(),
            };
            Ok(found.quantity.with_unit(unit))
        }
        Some(found) => {
            if let Some(inverted) = inverted_range_error(text, &tokens, lexicon) {
                return Err(inverted.into());
            }
            let after = tokens.span(found.end, found.end + 1);
            // "5 pm", "about 5 p.m.": a time of day, which the counted
            // noun does not take in (eighteenth audit, E4).
            let meridiem = tokens
                .word(found.end)
                .and_then(|word| words::lookup(words::MERIDIEM, word))
                .is_some();
            let problem = if meridiem {
                format!(
                    "unexpected {:?} after the quantity: with it the figure is a time of day, not a quantity",
                    tokens.raw(found.end)
                )
            } else {
                format!("unexpected {:?} after the quantity", tokens.raw(found.end))
            };
            Err(Unread {
                error: expression_error(text, after.start, problem, "the end of the expression"),
                quantity: Some((tokens.span(0, found.end), after)),
            })
        }
        None => {
            // Say that a bound or hedge has no number after it.
            if let Some(inverted) = inverted_range_error(text, &tokens, lexicon) {
                return Err(inverted.into());
            }
            let has_number = (0..tokens.len()).any(|k| tokens.number(k).is_some());
            if !has_number
                && tokens.word(0).is_some_and(|word| {
                    lexicon.may_start(word) && !number::starts_number_word(word)
                })
            {
                return Err(expression_error(
                    text,
                    text.len(),
                    format!("{:?} has no number", text.trim()),
                    "a number after the bound or hedge, such as \"at least 60\"",
                )
                .into());
            }
            let problem = format!("{:?} does not start a quantity", tokens.raw(0));
            Err(expression_error(text, 0, problem, QUANTITY_EXPECTED).into())
        }
    }
}

/// The scale word ("thousand", "million", "lakh", "dozen", or a plural of
/// one) that opens `text`, as the parser's number words read one after
/// digits, and its factor: for a unit written with the scale of its
/// number ("thousand arrivals"). A byte comparison and no allocation,
/// for a check on every claim.
pub(crate) fn leading_scale_word(text: &str) -> Option<(&str, f64)> {
    let word = text.split(char::is_whitespace).next()?;
    // The longest scale word or plural is "trillion"s: 9 bytes.
    if word.is_empty() || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let mut lower = [0u8; 9];
    lower[..word.len()].copy_from_slice(word.as_bytes());
    lower[..word.len()].make_ascii_lowercase();
    let lower = std::str::from_utf8(&lower[..word.len()]).ok()?;
    number::scale_or_plural(lower).map(|factor| (word, factor))
}

/// The error for a whole value that opens with a minus sign and a digit
/// ("-5", "−300" with U+2212, "–5" with an en dash as typeset text writes
/// a minus): a count is zero or more, so the number reads but is no
/// count. Not a syntax error, so that a table cell written so is
/// skipped, saying why, and never kept as text.
///
/// A currency sign before the minus ("$-5 million") does not change
/// that: the number after it is judged as it would be alone (thirteenth
/// audit, F15), and the error names both.
/// A minus sign as text writes one: the ASCII hyphen-minus, and the
/// characters typeset text writes a minus with, U+2212 (minus sign),
/// U+2012 (figure dash), U+2013 (en dash), U+FE63 (small hyphen-minus)
/// and U+FF0D (fullwidth hyphen-minus). A whole value is refused with
/// any of them (`negative_error`), and the scanner gives no mention for a
/// number after one (`quantity::signed`).
pub(crate) fn is_minus(ch: char) -> bool {
    matches!(
        ch,
        '-' | '\u{2212}' | '\u{2012}' | '\u{2013}' | '\u{fe63}' | '\u{ff0d}'
    )
}

fn negative_error(text: &str) -> Option<Error> {
    let whole = text.trim();
    let trimmed = whole.trim_start_matches(is_currency_sign);
    let signed = whole.len() - trimmed.len();
    let mut chars = trimmed.chars();
    let sign = chars.next()?;
    if !is_minus(sign) || !chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let number_end = trimmed[sign.len_utf8()..]
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.')))
        .map_or(trimmed.len(), |at| at + sign.len_utf8());
    // A share ("-5%", "-5 percent") is quoted with its sign or word, as
    // written, and is no count.
    let rest = &trimmed[number_end..];
    let share_len = if rest.starts_with('%') {
        Some(1)
    } else {
        let spaced = rest.len() - rest.trim_start().len();
        let word = &rest[spaced..];
        ["percent", "per cent"].iter().find_map(|w| {
            (word.len() >= w.len()
                && word.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                && !word[w.len()..].starts_with(|c: char| c.is_alphanumeric()))
            .then_some(spaced + w.len())
        })
    };
    Some(match share_len {
        Some(len) => Error::invalid_value(
            format!("{:?}", &whole[..signed + number_end + len]),
            "is a negative share",
            "a share of zero percent or more",
        ),
        None => Error::invalid_value(
            format!("{:?}", &whole[..signed + number_end]),
            "is a negative number",
            "a count, zero or more",
        ),
    })
}

/// A currency sign: `$`, `¢`, `£`, `¤`, `¥` and Unicode's block of
/// currency symbols (`€`, `₹`, `₩`, `₽`, ...). A sign before a number
/// does not change how the number is judged.
fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '¢' | '£' | '¤' | '¥' | '\u{20A0}'..='\u{20CF}')
}

/// The error for a whole value with a number in exponent notation
/// ("1e3", "1.5E+06", as spreadsheets export large numbers): English
/// prose never writes one, and reading it would take a convention the
/// parser has no other use for, so it is refused with its reading ("is
/// 1,000 in exponent notation"), not read, and not a syntax error, so
/// that a table cell written so is skipped rather than kept as text.
fn exponent_error(text: &str) -> Option<Error> {
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        let start = k;
        // A number of its own: at the start, after a space or after a
        // currency sign ("$1e3"), not the tail of a designator
        // ("COVID-19e3") or another number.
        let boundary = start == 0
            || bytes[start - 1].is_ascii_whitespace()
            || text
                .get(..start)
                .is_some_and(|before| before.ends_with(is_currency_sign));
        while k < bytes.len() && bytes[k].is_ascii_digit() {
            k += 1;
        }
        if k == start {
            k += 1;
            continue;
        }
        if bytes.get(k) == Some(&b'.') && bytes.get(k + 1).is_some_and(u8::is_ascii_digit) {
            k += 1;
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
        }
        if !boundary || !matches!(bytes.get(k), Some(b'e' | b'E')) {
            continue;
        }
        let mut end = k + 1;
        if matches!(bytes.get(end), Some(b'+' | b'-')) {
            end += 1;
        }
        let digits = end;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if end == digits || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            k = end;
            continue;
        }
        let written = &text[start..end];
        let value = written.parse::<f64>().ok().filter(|v| v.is_finite())?;
        // No count is over 10^15: say so, not the number in its digits.
        if value.abs() > crate::quantity::MAX_AMOUNT {
            return Some(Error::invalid_value(
                format!("{written:?}"),
                format!(
                    "is {} in exponent notation, over the largest count compared",
                    crate::quantity::message_number(value)
                ),
                "a count of at most 10^15",
            ));
        }
        let english = crate::quantity::format_number(value);
        return Some(Error::invalid_value(
            format!("{written:?}"),
            format!("is {english} in exponent notation"),
            format!("the number as English writes it, {english:?}"),
        ));
    }
    None
}

/// The error for a whole value with a decimal comma before a scale word
/// ("1,5 million", "2,5 millions"): read, English-first, as neither 1 and
/// 5 million nor 1.5 million (see [`number::decimal_comma_at`]), but not
/// a syntax error either, so that a table cell written so is skipped with
/// the reading rather than kept as text.
fn decimal_comma_error(tokens: &Tokens) -> Option<Error> {
    let at = (0..tokens.len()).find(|&k| number::decimal_comma_at(tokens, k))?;
    // The whole part, comma, fraction and scale word: four tokens.
    let written = tokens.raw_span(at, at + 4);
    // English writes the scale word singular after a number: "2.5
    // million" for "2,5 millions".
    let scale = tokens.raw(at + 3);
    let scale = match tokens.word(at + 3) {
        Some(word) if number::scale_word(word).is_none() => {
            scale.get(..scale.len() - 1).unwrap_or(scale)
        }
        _ => scale,
    };
    let english = format!("{}.{} {scale}", tokens.raw(at), tokens.raw(at + 2));
    Some(Error::invalid_value(
        format!("{written:?}"),
        format!("is {english} where a comma marks decimals, as much of Europe writes it"),
        format!("the number as English writes it, {english:?}"),
    ))
}

/// The error for a whole value with a decimal comma and no scale word
/// after it ("1,5", "12,50", "3,2%", "1,5 people", "about 1,5", "$1,5";
/// see [`number::decimal_comma_figure_at`]), where the value, read with
/// a decimal point instead, is a quantity that takes in that number: the
/// reading is named, as for "1,5 million", and it is a value error, so
/// that a table cell written so is skipped with it rather than refused
/// with the false reason that "1" starts no quantity, or kept as text
/// (seventeenth audit, D4). A comma between digits in words that are no
/// quantity either way ("chapters 3,4") is left to the other rules.
fn decimal_comma_figure_error(text: &str, tokens: &Tokens, lexicon: &Lexicon) -> Option<Error> {
    let at = (0..tokens.len()).find(|&k| number::decimal_comma_figure_at(tokens, k))?;
    let comma = tokens.span(at + 1, at + 2);
    let pointed = format!("{}.{}", &text[..comma.start], &text[comma.end..]);
    let read = Tokens::new(&pointed);
    // The tokens before the number are the same, and the number is one
    // token now: the reading must go past it.
    if quantity::quantity_at(&read, lexicon, 0, true).is_none_or(|found| found.end <= at) {
        return None;
    }
    // Written with a currency sign glued before it, and a percent sign
    // glued after it.
    let start = if at > 0 && tokens.joined(at) && tokens.punct(at - 1).is_some_and(is_currency_sign)
    {
        at - 1
    } else {
        at
    };
    let end = at + 3 + usize::from(tokens.joined(at + 3) && tokens.punct(at + 3) == Some('%'));
    let written = tokens.raw_span(start, end);
    let english = written.replacen(',', ".", 1);
    Some(Error::invalid_value(
        format!("{written:?}"),
        format!("is {english} where a comma marks decimals, as much of Europe writes it"),
        format!("the number as English writes it, {english:?}"),
    ))
}

/// The error for a whole value with digits grouped as English does not
/// group them ("1,2345", "1,234,5678", "12,34,567", "1,000,00",
/// "1\'234\'567"; see [`number::foreign_grouping_beside`]) where the value,
/// with the digits grouped by threes, is a quantity that takes in that
/// number: it names the group that is not of three (or the separator
/// English does not group with) and the number grouped as English
/// writes it, and, where the last separator is a comma after groups
/// that are right, the decimal the comma may mark ("1.2345"). A value
/// error, as for a decimal comma ("1,5", seventeenth audit, D4), so that
/// a table cell written so is skipped with it, not refused with the
/// false reason that "1" starts no quantity or kept as text (seventeenth
/// audit, inputs 3). Commas between digits in words that are no quantity
/// either way ("chapters 3,4") are left to the other rules.
fn grouping_error(text: &str, tokens: &Tokens, lexicon: &Lexicon) -> Option<Error> {
    let joined_separator = |k: usize| {
        tokens.joined(k)
            && number::is_group_separator(tokens.punct(k))
            && tokens.joined(k + 1)
            && tokens.number(k + 1).is_some()
    };
    // The first digits of the run, and the token after its last digits.
    let start = (0..tokens.len())
        .find(|&k| tokens.number(k).is_some() && number::foreign_grouping_beside(tokens, k))?;
    let mut end = start + 1;
    while joined_separator(end) {
        end += 2;
    }
    let written = tokens.raw_span(start, end);
    // A decimal point in the run ("1,234.5,67"): no one reading to offer.
    if !written
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '\'' | '’'))
    {
        return None;
    }
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let english = group_by_threes(&digits);
    // The value must read past the number with the digits so grouped.
    let span = tokens.span(start, end);
    let regrouped = format!("{}{english}{}", &text[..span.start], &text[span.end..]);
    let read = Tokens::new(&regrouped);
    if quantity::quantity_at(&read, lexicon, 0, true).is_none_or(|found| found.end <= start) {
        return None;
    }
    let groups: Vec<&str> = written.split([',', '\'', '’']).collect();
    let problem = match written.chars().find(|c| !c.is_ascii_digit() && *c != ',') {
        Some(separator) => {
            format!("groups its digits with \"{separator}\", which English does not group with")
        }
        None => {
            let odd = groups[1..]
                .iter()
                .find(|group| group.len() != 3)
                .unwrap_or(&groups[0]);
            format!(
                "groups its digits as English does not: {odd:?} after a comma is a group of {}, not of three",
                odd.len()
            )
        }
    };
    // "1,2345": the comma may mark decimals, where the groups before it
    // are right.
    let decimal = written.rsplit_once(',').and_then(|(before, last)| {
        let mut parts = before.split(',');
        let first = parts.next()?;
        ((1..=3).contains(&first.len())
            && parts.all(|part| part.len() == 3)
            && !before.contains(['\'', '’'])
            && last.len() != 3)
            .then(|| format!("{before}.{last}"))
    });
    let or = match decimal {
        Some(decimal) => format!(" (or {decimal:?} if the comma marks decimals)"),
        None => String::new(),
    };
    Some(Error::invalid_value(
        format!("{written:?}"),
        problem,
        format!("the number grouped by threes with commas, as English writes it, {english:?}{or}"),
    ))
}

/// Digits grouped by threes from the right with commas: "12345" is
/// "12,345".
fn group_by_threes(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, digit) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// The error for a whole value whose number goes on with a scale that
/// does not compose with the one before ("5 million million", "1.5
/// million thousand", "3 bn bn"; see [`number::ScaleChain`]): no one
/// reading, so, like a decimal comma, not a syntax error, and a table
/// cell written so is skipped with the reason rather than kept as text.
/// Scales that rise ("5 hundred thousand") compose and are read.
fn scale_chain_error(tokens: &Tokens, notation: &number::Notation) -> Option<Error> {
    let (at, end) = (0..tokens.len())
        .find_map(|k| Some((k, number::refused_scale_at(tokens, notation, k)?)))?;
    let written = tokens.raw_span(at, end);
    Some(Error::invalid_value(
        format!("{written:?}"),
        "has a scale that does not rise over the one before it, so the words make no one number (a \"million million\" was 10^12 in older British usage, and is a slip in most text)",
        "one scale after the number (\"5 million\"), or scales that rise as English compounds them (\"5 hundred thousand\", \"2 thousand million\")",
    ))
}

/// The error for a whole value with a number over the largest count
/// compared, 10^15 ([`crate::quantity::MAX_AMOUNT`]), its scale words
/// counted ("1200 trillion", "2000000000000000"): a number
/// that reads but is no count the crate compares, so, as a negative
/// number, not a syntax error, and a table cell written so is skipped,
/// saying why, not kept as text with a warning that it does not read
/// (thirteenth audit, F15).
fn too_large_error(tokens: &Tokens, notation: &number::Notation) -> Option<Error> {
    let (at, (total, end)) =
        (0..tokens.len()).find_map(|k| Some((k, number::over_largest_at(tokens, notation, k)?)))?;
    // The value is given where scale words make it ("1200 trillion").
    let problem = if end > at + 1 {
        format!(
            "is {}, over the largest count compared",
            crate::quantity::message_number(total)
        )
    } else {
        "is over the largest count compared".to_string()
    };
    Some(Error::invalid_value(
        format!("{:?}", tokens.raw_span(at, end)),
        problem,
        "a count of at most 10^15",
    ))
}

/// The error for a whole value whose digits are grouped by a plain space
/// ("1 500", "2 000 000 dead"): a no-break, narrow no-break or thin
/// space joins groups of three into one number (see `token.rs`), but a
/// plain space also stands between two numbers, so "1 500" may be 1,500
/// or 1 and 500; rather than guess, the value is refused with the
/// reading, as "20.000" is. Not a syntax error, so that a table cell
/// written so is skipped and not kept as text. Running text reads two
/// numbers, as it always has.
fn plain_space_grouped_error(tokens: &Tokens) -> Option<Error> {
    // Three digits after one plain space, right after the group before.
    let group = |k: usize| {
        tokens
            .number(k)
            .is_some_and(|(_, digits, grouped, decimal)| digits == 3 && !grouped && !decimal)
            && match (tokens.get(k - 1), tokens.get(k)) {
                (Some(before), Some(group)) => {
                    group.start == before.end + 1
                        && tokens.text.as_bytes().get(before.end) == Some(&b' ')
                }
                _ => false,
            }
    };
    let start = (0..tokens.len()).find(|&k| {
        tokens
            .number(k)
            .is_some_and(|(_, digits, grouped, decimal)| digits <= 3 && !grouped && !decimal)
            && !(k > 0 && tokens.number(k - 1).is_some())
            && group(k + 1)
    })?;
    let mut end = start + 2;
    while group(end) {
        end += 1;
    }
    let written = tokens.raw_span(start, end);
    let grouped = grouped_reading(written);
    Some(Error::invalid_value(
        format!("{written:?}"),
        format!(
            "is {grouped} where a space groups thousands, or {} numbers side by side",
            end - start
        ),
        format!("the number as English writes it, {grouped:?}, or one number"),
    ))
}

/// A number written with its digits in groups ("20.000", "1 500"), read
/// as the groups of one number and written as English writes it
/// ("20,000", "1,500"): the reading the refusals of such values give.
/// The digits are grouped as written, not through a float, whose digits
/// past the sixteenth are not the ones written.
fn grouped_reading(written: &str) -> String {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return "0".to_string();
    }
    group_by_threes(digits)
}

/// The first number in `text` written with dots between groups of three
/// digits ("20.000", "1.500.000"): English reads
/// "20.000" as 20 and much of Europe as 20,000, so a whole value written
/// so cannot be read without guessing (the sixth audit found "20.000
/// manifestantes" read as 20 and set against "20,000 protesters"). The
/// scanner of running text reads such a number the English way, as its
/// conformance suite does ("4.800" is 4.8); a value given whole is
/// refused instead. A number glued to other digits, dots or commas
/// ("192.168.1.2", "1.111,11") is not one of these.
fn dot_grouped(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if !bytes[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        let start = k;
        while k < bytes.len() && bytes[k].is_ascii_digit() {
            k += 1;
        }
        let lead = k - start;
        let glued_before = start > 0 && matches!(bytes[start - 1], b'.' | b',');
        let mut groups = 0;
        while bytes.get(k) == Some(&b'.')
            && bytes
                .get(k + 1..k + 4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !bytes.get(k + 4).is_some_and(u8::is_ascii_digit)
        {
            k += 4;
            groups += 1;
        }
        // "1.500.000,5" or "1.5.2": not dot groups alone.
        let glued_after = matches!(bytes.get(k), Some(b'.' | b','))
            && bytes.get(k + 1).is_some_and(u8::is_ascii_digit);
        if groups > 0 && (1..=3).contains(&lead) && !glued_before && !glued_after {
            return Some(&text[start..k]);
        }
        k = past_number(bytes, k);
    }
    None
}

/// Where the digits, dots and commas from `k` on end: the rest of a
/// number that [`dot_grouped`] and [`dot_grouped_decimal_comma`] passed
/// over, so that their next look starts past it.
fn past_number(bytes: &[u8], mut k: usize) -> usize {
    while k < bytes.len() && (bytes[k].is_ascii_digit() || matches!(bytes[k], b'.' | b',')) {
        k += 1;
    }
    k
}

/// The first number in `text` written with dots between groups of three
/// digits and a decimal comma after them ("1.234,5", "1.500.000,25"), as
/// much of Europe writes numbers, and the number as English writes it
/// ("1,234.5"). Unlike "20.000" ([`dot_grouped`]) it reads one way, but
/// English does not write it so, and a whole value is refused with its
/// reading, as "1,5" is, rather than with the false reason that "1.234"
/// starts no quantity (eighteenth audit, E5). A number glued to other
/// digits, dots or commas ("1.234,5,6", "1.234,5.6") is not one of these.
fn dot_grouped_decimal_comma(text: &str) -> Option<(&str, String)> {
    let bytes = text.as_bytes();
    let digits_from = |k: usize| bytes[k..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut k = 0;
    while k < bytes.len() {
        if !bytes[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        let start = k;
        let lead = digits_from(k);
        k += lead;
        let glued_before = start > 0 && matches!(bytes[start - 1], b'.' | b',');
        let mut groups = 0;
        while bytes.get(k) == Some(&b'.') && digits_from(k + 1) == 3 {
            k += 4;
            groups += 1;
        }
        let decimals = if bytes.get(k) == Some(&b',') {
            digits_from(k + 1)
        } else {
            0
        };
        let end = k + 1 + decimals;
        let glued_after = matches!(bytes.get(end), Some(b'.' | b','))
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if groups > 0 && (1..=3).contains(&lead) && decimals > 0 && !glued_before && !glued_after {
            let written = &text[start..end];
            let english = format!("{}.{}", grouped_reading(&text[start..k]), &text[k + 1..end]);
            return Some((written, english));
        }
        k = past_number(bytes, k);
    }
    None
}

const DATE_EXPECTED: &str = "a date such as \"August 26, 2021\", \"26 August 2021\", \"2021-08-26\", \"October 2014\", \"2015\", \"between 2016 and 2018\", \"mid-August\", \"on Tuesday\", \"last year\" or \"04:11 PM\"";

/// What [`DATE_EXPECTED`] offers that needs no reference date: without
/// one, "on Tuesday" and "last year" cannot be read, so they are not
/// offered.
const ABSOLUTE_DATE_EXPECTED: &str = "a date such as \"August 26, 2021\", \"26 August 2021\", \"2021-08-26\", \"October 2014\", \"2015\", \"between 2016 and 2018\" or \"mid-August 2021\"";

/// The first date expression in a whole value that does not read as one
/// date, when every number in the value is part of a date the grammar
/// reads ("sometime around March 9, 2023": "March 9, 2023"): a value
/// that names a date, which a table warns about as a date that could not
/// be read, not as a figure that does not read as a quantity (seventeenth
/// audit, C9). `None` when no number is in a date, or one is outside
/// them ("police estimated 2,000 people on March 9").
pub(crate) fn date_holding_every_number(text: &str) -> Option<&str> {
    let tokens = Tokens::new(text);
    let mut first = None;
    let mut i = 0;
    while i < tokens.len() {
        let may_date = match tokens.word(i) {
            Some(word) => date::may_start_date(word),
            None => tokens.number(i).is_some(),
        };
        if may_date
            && let Some(found) = date::date_at(&tokens, i, None, false)
            && found.end > i
        {
            if (i..found.end).any(|k| tokens.number(k).is_some()) {
                first.get_or_insert(tokens.span(i, found.end));
            }
            i = found.end;
            continue;
        }
        if tokens.number(i).is_some() {
            return None;
        }
        i += 1;
    }
    text.get(first?)
}

/// Words that bound a date at one end ("by 2015", "since 2021"): with a
/// date after them they make an open-ended period, which is no date
/// ([`parse_date`] refuses it; a table's value cell so written is kept
/// as text with a warning naming the word).
pub(crate) const DATE_BOUNDS: &[&str] = &["by", "since", "until", "till", "before", "after"];

/// Reads one date expression: "August 26, 2021", "Aug. 26", "October
/// 2014", "in 2020", "between 2016 and 2018", "the first four months of
/// 2021", "Q1 2026", "mid-August", "on Tuesday", "last year", "04:11 PM",
/// "on or about March 9, 2023" (the date), "the week of March 6, 2023"
/// (the seven days from a Sunday or a Monday).
///
/// Relative expressions ("Tuesday", "Aug. 26", "last week") resolve
/// against `reference` looking back: in an article dated Wednesday
/// 2021-08-25, "on Tuesday" is 2021-08-24. A day named ahead ("next
/// Tuesday", "this Friday", "this coming Tuesday", "next August")
/// resolves forward, and fails where English gives it two ("next
/// Friday" said on a Monday: this Friday or the one after). "This
/// December" is the reference year's, "last August" said in August the
/// year before's, "September next year" and "Monday last week" what they
/// say, and "last July" said in August fails (last month, or the July
/// of the year before).
///
/// ```
/// use corroborate::{parse_date, Precision};
/// use corroborate::chrono::NaiveDate;
/// let published = NaiveDate::from_ymd_opt(2021, 8, 25);
/// let tuesday = parse_date("on Tuesday", published)?;
/// assert_eq!(tuesday.to_string(), "2021-08-24");
/// assert_eq!(parse_date("October 2014", None)?.precision(), Precision::Month);
/// assert_eq!(parse_date("Q1 2026", None)?.to_string(), "2026-01/2026-03");
/// assert!(parse_date("last year", None).is_err());
/// // A bound makes an open-ended period, not a date; "in" places one.
/// assert!(parse_date("by 2015", None).is_err());
/// assert_eq!(parse_date("in 2015", None)?.to_string(), "2015");
/// # Ok::<(), corroborate::Error>(())
/// ```
///
/// # Errors
///
/// Fails when the text is not exactly one date expression (a date
/// bounded by "by", "since", "until", "till", "before" or "after" is an
/// open-ended period, not one), when it names
/// a date that does not exist, when it names a weekday the date does not
/// fall on ("Monday, August 14, 2025", a Thursday: a value error, not a
/// syntax error, naming both), when it names a week by a day in
/// mid-week ("the week of March 9, 2023", a Thursday: a value error
/// naming the week from the Sunday and the week from the Monday before
/// it), or when it is relative and `reference` is `None`.
pub fn parse_date(text: &str, reference: Option<NaiveDate>) -> Result<Period, Error> {
    let expected = if reference.is_some() {
        DATE_EXPECTED
    } else {
        ABSOLUTE_DATE_EXPECTED
    };
    let tokens = Tokens::new(text);
    if tokens.len() == 0 {
        return Err(expression_error(text, 0, "the input is empty", expected));
    }
    // A preposition that places a date ("in 2015", "on Tuesday") is
    // read past. One that bounds it ("by 2015", "since 2021", "until
    // 2021") makes an open-ended period, which a `Period` cannot hold:
    // read past, it left the bare year, so "by 2015" conflicted with
    // "October 2014" and "since 2021" corroborated "until 2021"
    // (fifteenth audit, B1). Such a text is no date, as "before 2015"
    // is not.
    if let Some(bound) = tokens.word(0).filter(|w| DATE_BOUNDS.contains(w))
        && tokens.len() > 1
    {
        return Err(expression_error(
            text,
            0,
            format!("\"{bound}\" makes an open-ended period, which is not one date"),
            expected,
        ));
    }
    // "on or about March 9, 2023" is the date, as "on March 9, 2023" is.
    let start = words::DATE_PLACES
        .iter()
        .find_map(|place| tokens.phrase(0, place))
        .filter(|&after| after < tokens.len())
        .unwrap_or(0);
    let at = |i: usize| tokens.span(i, i + 1).start;
    let found = date::date_at(&tokens, start, reference, true);
    if found.as_ref().is_none_or(|found| found.end < tokens.len())
        && let Some((_, day)) = date::impossible_date_at(&tokens, start)
    {
        // A value error, as an impossible ISO date is: the date reads,
        // and a table cell written so ("February 30, 2021", "30-31 April
        // 2025") is skipped, not kept as text.
        return Err(Error::invalid_value(
            format!("{day:?}"),
            "is not a date that exists",
            "a day that exists in its month and year",
        ));
    }
    match found {
        Some(found) if found.end == tokens.len() => match (found.period, found.wrong_weekday) {
            (Some(period), _) => Ok(period),
            // Not a syntax error: the date reads, and contradicts itself,
            // so a table cell written so is skipped and not kept as text.
            (None, Some((weekday, date))) => {
                let day = date.start_date();
                Err(Error::invalid_value(
                    format!("{:?}", text.trim()),
                    format!("names {weekday}, but {day} is a {}", day.format("%A")),
                    "a weekday that agrees with the date, or the date without one",
                ))
            }
            // "the week of March 9, 2023", a Thursday: a week that
            // starts on the Sunday or the Monday before it. A value
            // error, as a slashed date that reads two ways is.
            (None, None)
                if found.midweek.is_some()
                    && let Some(day) = found.midweek.map(|day| day.start_date()) =>
            {
                let back = i64::from(day.weekday().num_days_from_sunday());
                let sunday = day - chrono::Duration::days(back);
                let monday = sunday + chrono::Duration::days(1);
                let week = |from: NaiveDate| format!("{from}/{}", from + chrono::Duration::days(6));
                Err(Error::invalid_value(
                    format!("{:?}", text.trim()),
                    format!(
                        "names a week by a {}, {day}, which starts no week: it may be the week from Sunday {sunday} or the week from Monday {monday}",
                        day.format("%A")
                    ),
                    format!(
                        "the Sunday or Monday the week starts on, or its days ({:?} or {:?})",
                        week(sunday),
                        week(monday)
                    ),
                ))
            }
            // A range with an end that is a day that does not exist
            // ("from Aug. 15, 2019 to September 31, 2021"): named as
            // that day is alone.
            (None, None)
                if found.nonexistent
                    && let Some(day) = (start..tokens.len())
                        .find_map(|k| date::impossible_date_at(&tokens, k))
                        .map(|(_, day)| day) =>
            {
                Err(Error::invalid_value(
                    format!("{day:?}"),
                    "is not a date that exists",
                    "a day that exists in its month and year",
                ))
            }
            // A value error, as a day that does not exist is: the range
            // reads, and its first end takes a year that lacks its day.
            (None, None) if found.nonexistent => Err(Error::invalid_value(
                format!("{:?}", text.trim()),
                "names a day, written without its year, that does not exist within a year of its other end",
                "a day that exists in its month and year, or its year written",
            )),
            (None, None) if found.inverted => Err(expression_error(
                text,
                at(start),
                "the range ends before it starts",
                "a range from the earlier date to the later",
            )),
            (None, None) if reference.is_none() => Err(expression_error(
                text,
                at(start),
                "the date is relative and no reference date was given",
                "a reference date, or an absolute date",
            )),
            (None, None) => Err(expression_error(
                text,
                at(start),
                "the date does not resolve against the reference date",
                DATE_EXPECTED,
            )),
        },
        Some(found) => Err(expression_error(
            text,
            at(found.end),
            format!("unexpected {:?} after the date", tokens.raw(found.end)),
            "the end of the expression",
        )),
        None => Err(expression_error(
            text,
            at(start),
            format!("{:?} does not start a date", tokens.raw(start)),
            expected,
        )),
    }
}

/// True when `word` marks a time of day after a number ("pm", "a.m.",
/// in any case): "5 pm" is a time, not five of something.
pub(crate) fn is_meridiem(word: &str) -> bool {
    words::lookup(words::MERIDIEM, &word.to_lowercase()).is_some()
}

/// True when `text` is one date expression, relative to `reference`, that
/// gives no date said then, where [`parse_date`] fails with "the date does
/// not resolve against the reference date": a day or month named ahead
/// that English gives two readings ("next September" said in August),
/// or a range without its years that does not resolve. A date written
/// wrong (a day that does not exist, a weekday the date does not fall
/// on, a week named in mid-week, an inverted range) is not one.
pub(crate) fn date_unresolved_on(text: &str, reference: NaiveDate) -> bool {
    let tokens = Tokens::new(text);
    if tokens
        .word(0)
        .is_some_and(|word| DATE_BOUNDS.contains(&word))
    {
        return false;
    }
    let start = words::DATE_PLACES
        .iter()
        .find_map(|place| tokens.phrase(0, place))
        .filter(|&after| after < tokens.len())
        .unwrap_or(0);
    date::date_at(&tokens, start, Some(reference), true).is_some_and(|found| {
        found.end == tokens.len()
            && found.period.is_none()
            && found.wrong_weekday.is_none()
            && found.midweek.is_none()
            && !found.inverted
            && !found.nonexistent
    }) && date::impossible_date_at(&tokens, start).is_none()
}

/// The end of a rate at token `i`, "N in M" with whole numbers, N less
/// than M ("one in five people", "3 in 10 voters", "one in a hundred"):
/// a share the scanner does not read, whose numbers are not counts (the
/// thirteenth audit found "one in five people" read as 5 people, F10).
/// Not a rate: a count over a time ("12 in 24 hours"), or "in" before a
/// plain number that may be a year ("5 in 2020").
fn rate_at(tokens: &Tokens, notation: &number::Notation, i: usize) -> Option<usize> {
    const TIMES: &[&str] = &[
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "decade", "decades",
    ];
    // Most numbers have no "in" within a few tokens after them: told so
    // before the number is read.
    if !(i + 1..tokens.len().min(i + 6)).any(|k| tokens.is(k, "in")) {
        return None;
    }
    let first = number::number_at(tokens, notation, i)?;
    if !tokens.is(first.end, "in") {
        return None;
    }
    let second = number::number_at(tokens, notation, first.end + 1)?;
    let whole = |x: f64| x.fract() == 0.0 && x >= 1.0;
    if !(whole(first.value) && whole(second.value) && first.value < second.value)
        || first.percent
        || second.percent
        || second.plain_digits.is_some_and(|digits| digits == 4)
        || tokens
            .word(second.end)
            .is_some_and(|word| TIMES.contains(&word))
    {
        return None;
    }
    Some(second.end)
}

/// Finds every quantity and date mention in `text`: sorted by start,
/// non-overlapping, the longest match winning (a date on a tie).
///
/// Relative dates are reported only when `options` has a reference date.
/// A date whose weekday contradicts it ("Monday, August 14, 2025", a
/// Thursday) gives no mention: one of the two is wrong, and reporting
/// either would state a date the text does not.
/// A lone "one" or "a" is a determiner, not a count; a four-digit number
/// after a date word ("in 2015") is a year; times, designators
/// ("GBU-43") and sums of money are not counts; a percentage ("41.2%",
/// "2.1 per cent", "between 62 and 65 percent") is a quantity with the
/// unit `percent`, as a table cell's share is, and takes no counted
/// noun; a number with a decimal comma before a scale word ("1,5
/// million") gives no mention; nor does a day that does not exist ("April
/// 31, 2021", "30-31 April 2025"), whose numbers are not counts, nor a
/// rate ("one in five people", "3 in 10 voters"). Never panics; spans
/// lie on char boundaries.
///
/// ```
/// use corroborate::{scan, ScanOptions};
/// use corroborate::chrono::NaiveDate;
/// let options = ScanOptions::new().with_reference_date(NaiveDate::from_ymd_opt(2021, 8, 25).unwrap());
/// let text = "On Tuesday, dozens of prisoners escaped; the toll may rise.";
/// let found: Vec<String> = scan(text, &options).iter().map(|m| m.to_string()).collect();
/// assert_eq!(found, [
///     r#"3..10 date "Tuesday" = 2021-08-24 (day)"#,
///     r#"12..31 quantity "dozens of prisoners" = dozens of prisoners (vague, [24, 99])"#,
/// ]);
/// ```
pub fn scan(text: &str, options: &ScanOptions) -> Vec<Mention> {
    let mut mentions = Vec::new();
    scan_each(text, options, |mention| mentions.push(mention));
    mentions
}

/// Hands each mention that [`scan`] finds in `text` to `found`, in the
/// same order, as soon as it is read, and keeps none: for a long text
/// whose mentions would take many times its size if held together (a
/// mention holds its text, its span and its value; a line of numbers
/// gives one every few bytes). The text's tokens are still held while
/// it is read.
///
/// ```
/// use corroborate::{scan_each, ScanOptions};
/// let mut texts = Vec::new();
/// scan_each("500 fighters, then 1,500 fighters", &ScanOptions::new(), |mention| {
///     texts.push(mention.text().to_string());
/// });
/// assert_eq!(texts, ["500 fighters", "1,500 fighters"]);
/// ```
pub fn scan_each(text: &str, options: &ScanOptions, mut found: impl FnMut(Mention)) {
    let tokens = Tokens::new(text);
    let mut i = 0;
    while i < tokens.len() {
        // "1,5 million": a decimal comma, which English does not write;
        // no mention rather than a wrong one, and its scale word is not
        // a vague "millions" of its own.
        if tokens.number(i).is_some() && number::decimal_comma_at(&tokens, i) {
            i += 4;
            continue;
        }
        let (may_quantity, may_date) = match tokens.word(i) {
            Some(word) => {
                let head = word.split('-').next().unwrap_or(word);
                (options.lexicon.may_start(head), date::may_start_date(word))
            }
            None => match tokens.number(i) {
                Some(_) => (true, true),
                None => (
                    tokens
                        .punct(i)
                        .is_some_and(|c| options.lexicon.may_start_at_symbol(c)),
                    false,
                ),
            },
        };
        // "one in five people", "3 in 10 voters": a rate, which is not
        // read. No mention rather than counts of 1 and 5 people.
        if may_quantity && let Some(end) = rate_at(&tokens, &options.lexicon.notation, i) {
            i = end;
            continue;
        }
        // "2021-08-26T16:11Z": a timestamp with its zone, which the
        // table reader refuses; no mention rather than its time alone.
        if tokens.number(i).is_some()
            && let Some((end, None)) = date::iso_timestamp_at(&tokens, i)
        {
            i = end;
            continue;
        }
        let date = if may_date {
            date::date_at(&tokens, i, options.reference, false)
        } else {
            None
        };
        let quantity = if may_quantity {
            quantity::quantity_at(&tokens, &options.lexicon, i, false)
        } else {
            None
        };
        let date_end = date.as_ref().map_or(0, |d| d.end);
        // A day that does not exist ("April 31, 2021", "30-31 April
        // 2025"): no mention rather than a wrong one. Its numbers are not
        // counts, and its month alone would claim a date it does not give.
        if may_date
            && let Some((end, _)) = date::impossible_date_at(&tokens, i)
            && end > date_end
        {
            i = end;
            continue;
        }
        // "5m" alone: 5 million or 5 metres. No mention rather than a
        // guess, and its number is not a count of its own.
        if let Some(found) = &quantity
            && found.ambiguous.is_some()
            && found.end > date_end
        {
            i = found.end;
            continue;
        }
        // "20 odd", "300 perhaps": a figure qualified by a word that is
        // not read. No mention rather than an exact figure.
        if let Some(after) = quantity.as_ref().and_then(|found| found.qualified)
            && after > date_end
        {
            i = after;
            continue;
        }
        // "about 5 pm", "between 4 and 5 pm": a time of day, which no
        // date reads with its hedge or range. No mention rather than a
        // count of five (eighteenth audit, E4).
        if let Some(found) = &quantity
            && found.end > date_end
            && found.end > 0
            && tokens.number(found.end - 1).is_some()
            && tokens
                .word(found.end)
                .is_some_and(|word| words::lookup(words::MERIDIEM, word).is_some())
        {
            i = found.end + 1;
            continue;
        }
        let quantity_end = quantity.as_ref().map_or(0, |q| q.end);
        if date_end == 0 && quantity_end == 0 {
            // "5 million million", "3 bn bn": scales that do not make one
            // number, which is therefore not read; no mention, and the
            // last is not a vague "millions" of its own.
            i = match tokens.number(i) {
                Some(_) => number::refused_scale_at(&tokens, &options.lexicon.notation, i),
                None => None,
            }
            .unwrap_or(i + 1);
            continue;
        }
        let (end, kind) = if date_end >= quantity_end {
            (date_end, date.and_then(|d| d.period).map(MentionKind::Date))
        } else {
            (
                quantity_end,
                quantity.map(|q| MentionKind::Quantity(q.quantity)),
            )
        };
        if let Some(kind) = kind {
            let span = tokens.span(i, end);
            if let Some(slice) = text.get(span.clone()) {
                // A projection's figure, with its horizon, as a table
                // cell so written is read; an estimate's (twenty-first
                // audit, leftover of the twentieth's G8).
                let (status, horizon) = match kind {
                    MentionKind::Quantity(_) if quantity::projection_at(&tokens, i) => (
                        Status::Projected,
                        quantity::horizon_at(&tokens, end)
                            .and_then(|after| text.get(tokens.span(end, after)))
                            .map(str::to_string),
                    ),
                    MentionKind::Quantity(_)
                        if opens_with_estimate_marker(slice, &options.vocabulary) =>
                    {
                        (Status::Estimated, None)
                    }
                    _ => (Status::Unspecified, None),
                };
                found(Mention {
                    span,
                    text: slice.to_string(),
                    kind,
                    status,
                    horizon,
                });
            }
        }
        i = end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::{near_miss_unit, one_edit_apart, words};
    use crate::Vocabulary;

    proptest::proptest! {
        /// The length index finds what holding the unit against every
        /// unit of the vocabulary, in order, finds: a slip of a unit the
        /// vocabulary has, one of a share word, or none.
        #[test]
        fn near_miss_unit_is_the_first_unit_one_edit_away(
            pick: usize,
            edit in 0..4u8,
            at: usize,
            letter in "[a-zé ]",
            tail in "( of [a-z]+| [a-z]+)?",
        ) {
            // A unit of the vocabulary or a share word, with one edit or
            // none: a letter added, dropped, changed or swapped.
            let vocabulary = Vocabulary::default();
            let pool: Vec<&str> = vocabulary
                .measure_words()
                .chain(words::SHARE_WORDS.iter().copied())
                .collect();
            let mut chars: Vec<char> = pool[pick % pool.len()].chars().collect();
            let at = at % (chars.len() + 1);
            let letter = letter.chars().next().unwrap_or('a');
            match edit {
                0 => chars.insert(at, letter),
                1 if at < chars.len() => {
                    chars.remove(at);
                }
                2 if at < chars.len() => chars[at] = letter,
                3 if at + 1 < chars.len() => chars.swap(at, at + 1),
                _ => {}
            }
            let unit = format!("{}{tail}", chars.into_iter().collect::<String>());
            let vocabulary = Vocabulary::default();
            let lower = unit.to_lowercase();
            let words_of: Vec<&str> = lower.split_whitespace().collect();
            let heads: Vec<String> = (1..=words_of.len().min(2))
                .map(|n| words_of[..n].join(" "))
                .collect();
            let known: Vec<&str> = vocabulary
                .measure_words()
                .chain(words::SHARE_WORDS.iter().copied())
                .collect();
            let expected = if heads.iter().any(|head| known.contains(&head.as_str())) {
                None
            } else {
                heads.iter().find_map(|head| {
                    known.iter().copied().find(|unit| {
                        let len = unit.chars().count();
                        len >= words::NEAR_MISS_MIN_LEN
                            && one_edit_apart(head, unit, len >= words::NEAR_MISS_MIN_LEN_CHANGED)
                    })
                })
            };
            proptest::prop_assert_eq!(near_miss_unit(&unit, &vocabulary), expected);
        }

        /// One edit is what the optimal string alignment distance calls
        /// one (a letter added, dropped, changed, or two neighbours
        /// swapped), less a changed letter where that is not allowed;
        /// letters of several bytes included.
        #[test]
        fn one_edit_is_an_alignment_distance_of_one(
            a in "[abé]{0,6}",
            b in "[abé]{0,6}",
            changed: bool,
        ) {
            let substitution = a.chars().count() == b.chars().count()
                && strsim::hamming(&a, &b) == Ok(1);
            let expected =
                strsim::osa_distance(&a, &b) == 1 && (changed || !substitution);
            proptest::prop_assert_eq!(one_edit_apart(&a, &b, changed), expected);
        }
    }

    #[test]
    fn one_edit_is_a_letter_added_dropped_swapped_or_changed() {
        assert!(one_edit_apart("percnt", "percent", false));
        assert!(one_edit_apart("percent", "percnt", false));
        assert!(one_edit_apart("per cnet", "per cent", false));
        assert!(one_edit_apart("percentt", "percent", false));
        assert!(one_edit_apart("percemt", "percent", true));
        assert!(!one_edit_apart("percemt", "percent", false));
        assert!(!one_edit_apart("percent", "percent", true));
        assert!(!one_edit_apart("pecrnt", "percent", true));
        assert!(!one_edit_apart("prcnt", "percent", true));
        assert!(!one_edit_apart("", "ab", true));
        assert!(one_edit_apart("", "a", false));
    }
}
