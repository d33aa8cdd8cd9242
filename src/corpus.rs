//! The corpus: the collection that owns entities, sources and claims, and
//! its versioned JSON format.
//!
//! | type | what it is |
//! |---|---|
//! | [`Corpus`] | checked entities, sources and claims, with article texts |
//! | [`Limits`] | the bounds that keep hostile input from exhausting memory or time |
//!
//! The format is described in `data/README.md`. This module is the thin
//! loading layer: it is the only place besides the example binary that
//! reads files.

use crate::id::{ClaimIndex, Declared, HashMap, Lent};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, FirstAt};
use crate::id::{ClaimId, EntityId, SourceId};
use crate::model::{Claim, Entity, Source, SourceKind, Value};
use crate::report::Diagnostic;

/// The format tag this version of the crate reads and writes.
pub const FORMAT: &str = "corroborate/1";

/// The file a corpus folder holds its JSON in.
pub const CORPUS_FILE_NAME: &str = "corpus.json";

/// Documented bounds on input. Crossing one is an error that names the
/// limit, never a crash or a hang.
///
/// | limit | default | checked by |
/// |---|---|---|
/// | [`max_input_len`](Limits::max_input_len) | 4 GiB | the corpus file, or the string or bytes given |
/// | [`max_article_len`](Limits::max_article_len) | 10 MB | each article text, inline or `text_file` |
/// | [`max_text_len`](Limits::max_text_len) | 100,000 bytes | every other text field: title, names, aliases, notes, quote, evidence, unit, verb, population, … |
/// | [`max_chain_depth`](Limits::max_chain_depth) | 32 links | each attribution chain |
/// | JSON nesting depth | 128 (fixed) | serde_json's recursion limit; deeper input is an error, not a stack overflow |
///
/// The format itself never nests deeper than seven levels, so deeply
/// nested input is usually rejected earlier, as a value of the wrong type.
///
/// Every entry point that checks a limit takes one: the readers'
/// `_with_limits` forms ([`Corpus::from_path_with_limits`] and the
/// others), [`StreamReader::with_limits`](crate::StreamReader::with_limits),
/// and [`Corpus::new_with_limits`] for a corpus built in code.
///
/// There is no limit on the number of claims in a topic: every check the
/// engine runs over a topic is n log n, except quote clustering and
/// misattribution, which compare quotes that share their first or last
/// words pairwise within windows of [`MAX_QUOTE_BLOCK`](crate::MAX_QUOTE_BLOCK)
/// (256); quote clustering compares each distinct printed text once,
/// however many claims print it. A larger block is compared window by
/// window, and the report carries a diagnostic that says so; no claim is
/// dropped.
///
/// ```
/// use corroborate::Limits;
/// let limits = Limits::default().with_max_chain_depth(4);
/// assert_eq!(limits.max_chain_depth(), 4);
/// assert_eq!(Limits::default().max_text_len(), 100_000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    max_text_len: usize,
    max_article_len: usize,
    max_chain_depth: usize,
    max_input_len: usize,
}

impl Default for Limits {
    /// 100,000 bytes for one text field, 10 MB for one article, 32 links
    /// in an attribution chain, 4 GiB of input.
    fn default() -> Limits {
        Limits {
            max_text_len: 100_000,
            max_article_len: 10_000_000,
            max_chain_depth: 32,
            max_input_len: 4 << 30,
        }
    }
}

impl Limits {
    /// The longest text field (name, evidence, quote, note), in bytes.
    pub fn max_text_len(&self) -> usize {
        self.max_text_len
    }

    /// The longest article text, in bytes.
    pub fn max_article_len(&self) -> usize {
        self.max_article_len
    }

    /// The most links in one attribution chain.
    pub fn max_chain_depth(&self) -> usize {
        self.max_chain_depth
    }

    /// The largest input file, in bytes.
    pub fn max_input_len(&self) -> usize {
        self.max_input_len
    }

    /// The longest claim line of JSON Lines, or row of a table (with its
    /// quoted line breaks), in bytes: room for 64 text fields of
    /// [`Limits::max_text_len`] (6.4 MB by default), since a claim holds
    /// a few texts and JSON escapes can take six bytes a character. A
    /// longer claim line or row is skipped with a diagnostic; a JSON Lines
    /// line is read through without being kept, and a table row over
    /// twice the limit stops the read with an error rather than be held
    /// whole. A JSON Lines header line, which may hold article texts, is
    /// bounded by the input's size alone.
    ///
    /// ```
    /// use corroborate::Limits;
    /// assert_eq!(Limits::default().max_line_len(), 6_400_000);
    /// assert_eq!(Limits::default().with_max_text_len(10).max_line_len(), 640);
    /// ```
    pub fn max_line_len(&self) -> usize {
        self.max_text_len.saturating_mul(64)
    }

    /// Sets the longest text field.
    pub fn with_max_text_len(mut self, bytes: usize) -> Limits {
        self.max_text_len = bytes;
        self
    }

    /// Sets the longest article text.
    pub fn with_max_article_len(mut self, bytes: usize) -> Limits {
        self.max_article_len = bytes;
        self
    }

    /// Sets the most links in one attribution chain.
    pub fn with_max_chain_depth(mut self, links: usize) -> Limits {
        self.max_chain_depth = links;
        self
    }

    /// Sets the largest input file.
    pub fn with_max_input_len(mut self, bytes: usize) -> Limits {
        self.max_input_len = bytes;
        self
    }
}

const CORPUS_EXPECTED: &str = r#"a JSON object such as {"format": "corroborate/1", "claims": []}"#;

/// The JSON document, as read and written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct Document {
    format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    claims: Vec<Claim>,
}

object_only!(Document, "struct Document", serialize);

/// Entities, sources and claims whose references have been checked.
///
/// Every subject and statement object names a declared entity, every
/// attribution chain runs from a publication through declared sources with
/// no source twice, every correction names a declared claim, ids are
/// unique, and every evidence text is found verbatim in its publication
/// when that publication's text is known (its span is then filled in).
///
/// ```
/// use corroborate::Corpus;
/// let corpus = Corpus::from_json_str(r#"{
///   "format": "corroborate/1",
///   "entities": [{"id": "isis-k", "name": "ISIS-K", "aliases": ["ISIL-K"]}],
///   "sources": [
///     {"id": "a1", "kind": "publication", "name": "Example article",
///      "text": "The report said ISIL-K had between 500 and 1,500 fighters."}
///   ],
///   "claims": [{
///     "id": "c1", "subject": "isis-k", "property": "fighter_strength",
///     "value": {"quantity": {"range": [500, 1500], "unit": "fighters"}},
///     "assertion": {"chain": ["a1"], "evidence": {"text": "between 500 and 1,500 fighters"}}
///   }]
/// }"#)?;
/// assert_eq!(corpus.claims().len(), 1);
/// let evidence = corpus.claims()[0].assertion.evidence.as_ref().unwrap();
/// assert_eq!(evidence.span, Some([27, 57]));
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Corpus {
    /// Title, entities, sources, article texts and their indexes.
    header: Header,
    claims: Vec<Claim>,
    claim_index: ClaimIndex,
    skipped: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// serde_json's fixed nesting limit: arrays and objects nested deeper are
/// rejected before they can exhaust the stack.
pub(crate) const MAX_JSON_DEPTH: usize = 128;

/// Turns a serde_json error, with the JSON path where it happened, into
/// the crate's error. `json` is the text that was read, to quote a bad
/// number and to say what a non-object document is; `expected` names the
/// document ("a corpus object such as ...").
pub(crate) fn json_error(
    json: &str,
    path: String,
    error: serde_json::Error,
    expected: &str,
) -> Error {
    use serde_json::error::Category;
    let line = error.line() as u64;
    let column = error.column() as u64;
    let mut message = error.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    // serde_path_to_error writes `?` for a place it cannot name.
    let mut path = path;
    while path.ends_with('?') {
        path.pop();
        if path.ends_with('.') {
            path.pop();
        }
    }
    let offset = byte_offset(json, line, column);
    // The document as a JSON value, parsed once and only on the paths
    // that look into it (a value's keys, a claim's id).
    let parsed: std::cell::OnceCell<Option<serde_json::Value>> = std::cell::OnceCell::new();
    let out_of_range = message == "number out of range";
    let root = || {
        parsed
            .get_or_init(|| {
                if !out_of_range {
                    return serde_json::from_str(json).ok();
                }
                // A number too large for a float makes the document
                // unreadable as a value too: read with 0 in its place,
                // so that its claim is still named by its id.
                let (start, end) = number_span(json, offset);
                let patched = [&json[..start], "0", &json[end..]].concat();
                serde_json::from_str(&patched).ok()
            })
            .as_ref()
    };
    let kind = match error.classify() {
        _ if message == "recursion limit exceeded" => ErrorKind::DepthLimit {
            limit: MAX_JSON_DEPTH,
        },
        _ if out_of_range => ErrorKind::InvalidValue {
            value: number_at(json, offset).unwrap_or_else(|| "the number".to_string()),
            problem: "is not a finite number".to_string(),
            expected: "a number of at most 10^15".to_string(),
        },
        Category::Data => {
            if let Some(found) = top_level_kind(json) {
                return Error::new(ErrorKind::Schema {
                    message: format!("the document is {found}; expected {expected}"),
                })
                .with_position(1, Some(1));
            }
            // A value the crate's own rules refused keeps its kind, and
            // a number it wrote in exponent form is quoted as the text
            // wrote it.
            match crate::error::take_handed(&message) {
                Some(ErrorKind::InvalidValue {
                    value,
                    problem,
                    expected,
                }) => ErrorKind::InvalidValue {
                    value: literal_before(json, offset, &value).unwrap_or(value),
                    problem,
                    expected,
                },
                Some(kind) => kind,
                None => ErrorKind::Schema {
                    message: data_message(message),
                },
            }
        }
        Category::Eof if line == 0 => ErrorKind::Empty {
            expected: "a JSON document",
        },
        Category::Eof => {
            let inside = where_input_ends(&message);
            ErrorKind::Syntax {
                message: format!(
                    "malformed JSON: the input ends {inside}; expected the rest of the document (is the file truncated?)"
                ),
            }
        }
        // A bad `\u` escape is inside a string that skipping reads as
        // well formed: serde's message says what is wrong, with a hint.
        Category::Syntax if message.contains("hex escape") || message.contains("surrogate") => {
            ErrorKind::Syntax {
                message: format!(
                    "malformed JSON: {message}; expected a \\u escape of four hex digits, and surrogates (\\ud800 to \\udfff) only in pairs"
                ),
            }
        }
        Category::Syntax if is_well_formed(json) => {
            // serde_json reports a shape it did not expect inside a
            // well-formed document (two keys where an enum wants one) as
            // a syntax error; it is a schema error.
            let found = json
                .get(offset..)
                .and_then(|rest| rest.chars().next())
                .map_or_else(|| "the end".to_string(), |c| format!("{c:?}"));
            const ONE_VALUE: &str =
                "an object with exactly one of quantity, date, quote, statement, text";
            // A value of two kinds is named by its keys.
            let keys =
                path.ends_with("value")
                    .then(root)
                    .flatten()
                    .and_then(|root| match value_at(root, &path)? {
                        serde_json::Value::Object(map) if map.len() > 1 => {
                            Some(map.keys().map(|k| format!("{k:?}")).collect::<Vec<_>>())
                        }
                        _ => None,
                    });
            // A range of more than two numbers is named by its length, as
            // serde names one of fewer.
            let range_len = path
                .ends_with("range")
                .then(root)
                .flatten()
                .and_then(|root| match value_at(root, &path)? {
                    serde_json::Value::Array(items) => Some(items.len()),
                    _ => None,
                });
            ErrorKind::Schema {
                message: match (keys, range_len) {
                    (Some(keys), _) => format!(
                        "the value has {} keys ({}); expected {ONE_VALUE}",
                        keys.len(),
                        keys.join(", ")
                    ),
                    (None, Some(len)) => {
                        format!("the range has {len} numbers; expected two, [min, max]")
                    }
                    (None, None) => format!(
                        "unexpected {found} here; expected {}",
                        if path.ends_with("value") {
                            ONE_VALUE
                        } else {
                            "the shape data/README.md gives this field"
                        }
                    ),
                },
            }
        }
        _ => ErrorKind::Syntax {
            message: format!(
                "malformed JSON: {}",
                match message.as_str() {
                    "expected ident" =>
                        "expected a JSON value (an object, array, string, number, true, false or null)",
                    "expected value" => "expected a JSON value",
                    "trailing characters" =>
                        "trailing characters after the document; expected the end of the input",
                    other => other,
                }
            ),
        },
    };
    let mut error = Error::new(kind);
    if line > 1 && column == 0 {
        // serde_json's column 0 is the start of a line it has not read
        // into, after a final line break: named as just past the end of
        // the line before, a place an editor shows.
        let before = json.split('\n').nth(line as usize - 2).unwrap_or("");
        let width = before.trim_end_matches('\r').chars().count() as u64;
        error = error.with_position(line - 1, Some(width + 1));
    } else if line > 0 {
        error = error.with_position(line, Some(column));
    }
    // A claim of a corpus document is named by its id too, when the
    // document is well formed and the claim has one.
    if path.starts_with("claims[")
        && let Some(root) = root()
        && let Some(id) = path
            .split('.')
            .next()
            .and_then(|claim| value_at(root, claim))
            .and_then(|claim| claim.get("id")?.as_str())
        && !id.trim().is_empty()
    {
        error = error.in_claim(id);
    }
    if !path.is_empty() && path != "." {
        error = error.in_field(path);
    }
    error
}

/// Why a claim that passed its checks is still warned about, as a
/// message that names the field, the value and what was expected (its
/// claim is named by the caller): a unit that opens with a scale word
/// ("12" with the unit "thousand arrivals" reads as 12 thousand but is
/// compared as 12), or a share over 100 percent (a share of a whole is
/// at most all of it, though a rise or a growth rate in percent may be
/// more, so this is a warning, not a refusal). `None` for almost every
/// claim, found with a few byte comparisons and no allocation.
pub(crate) fn claim_warning(claim: &Claim) -> Option<String> {
    use crate::quantity::Amount;
    let Value::Quantity(quantity) = &claim.value else {
        return None;
    };
    let unit = quantity.unit()?;
    // The largest number stated, which a share must not pass.
    let largest = match quantity.amount() {
        Amount::Exact(value)
        | Amount::AtLeast { value, .. }
        | Amount::AtMost { value, .. }
        | Amount::Approximate { value, .. } => Some(*value),
        Amount::Range { max, .. } => Some(*max),
        Amount::Vague { .. } => None,
    };
    if quantity.is_share() {
        let value = largest.filter(|&value| value > 100.0)?;
        return Some(format!(
            "field value.quantity: {value} percent is over 100 percent; expected at most 100 percent for a share of a whole (a rise or a rate of growth may be more)"
        ));
    }
    let (word, factor) = crate::parse::leading_scale_word(unit)?;
    let rest = unit[word.len()..].trim_start();
    let scaled = |value: f64| value * factor;
    let form = match quantity.amount() {
        Amount::Exact(value) => format!("exact {}", scaled(*value)),
        Amount::Range { min, max } => format!("range [{}, {}]", scaled(*min), scaled(*max)),
        Amount::AtLeast { value, strict } => format!(
            "{} {}",
            if *strict { "more_than" } else { "at_least" },
            scaled(*value)
        ),
        Amount::AtMost { value, strict } => format!(
            "{} {}",
            if *strict { "fewer_than" } else { "at_most" },
            scaled(*value)
        ),
        Amount::Approximate { value, .. } => format!("approximately {}", scaled(*value)),
        Amount::Vague { phrase } => format!("vague \"{phrase} {word}\""),
    };
    let unit_expected = if rest.is_empty() {
        "no unit".to_string()
    } else {
        format!("the unit {rest:?}")
    };
    Some(format!(
        "field value.quantity.unit: {unit:?} opens with the scale word {word:?}, but the number is compared without it; expected the number with its scale, {form}, and {unit_expected}"
    ))
}

/// Where a JSON text cut short ends, from serde_json's message for it
/// ("EOF while parsing a string"): "inside a string", "inside an
/// object", "inside an array" or "where a value is expected".
pub(crate) fn where_input_ends(message: &str) -> &'static str {
    match message.strip_prefix("EOF while parsing ") {
        Some(rest) if rest.starts_with("a list") => "inside an array",
        Some(rest) if rest.starts_with("an object") => "inside an object",
        Some(rest) if rest.starts_with("a string") => "inside a string",
        _ => "where a value is expected",
    }
}

/// The value at a serde_path_to_error path (`claims[3].value`) in `root`.
fn value_at<'v>(root: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    let mut at = root;
    for segment in path.split('.') {
        let (key, mut indices) = match segment.find('[') {
            Some(open) => (&segment[..open], &segment[open..]),
            None => (segment, ""),
        };
        if !key.is_empty() {
            at = at.get(key)?;
        }
        while let Some(rest) = indices.strip_prefix('[') {
            let close = rest.find(']')?;
            at = at.get(rest[..close].parse::<usize>().ok()?)?;
            indices = &rest[close + 1..];
        }
    }
    Some(at)
}

/// Rewords serde's data messages into the crate's vocabulary.
fn data_message(message: String) -> String {
    let message = match message.strip_prefix("missing field ") {
        Some(field) => format!("missing required field {field}"),
        None => with_expected(message),
    };
    message
        .replace(", expected f64", ", expected a number")
        .replace(
            ", expected usize",
            ", expected a byte offset (an integer of zero or more)",
        )
        .replace(", expected a boolean", ", expected true or false")
}

/// serde's message with what was expected, where serde gives none: a
/// field given twice in one object ("duplicate field `exact`") had been
/// reported without it (seventeenth audit, D8).
fn with_expected(message: String) -> String {
    if message.starts_with("duplicate field ") && !message.contains("; expected") {
        format!("{message}; expected each field once in an object")
    } else {
        message
    }
}

/// The byte offset of serde_json's 1-based line and column (column 0 is
/// the line's start), clamped to the text and to a char boundary.
fn byte_offset(json: &str, line: u64, column: u64) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match json[start..].find('\n') {
            Some(at) => start += at + 1,
            None => break,
        }
    }
    let mut offset =
        (start + usize::try_from(column.saturating_sub(1)).unwrap_or(0)).min(json.len());
    while !json.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The number literal around `offset`, if there is one.
fn number_at(json: &str, offset: usize) -> Option<String> {
    let (start, end) = number_span(json, offset);
    let literal = &json[start..end];
    if literal.len() > 40 {
        return Some(format!("{}…", &literal[..40]));
    }
    (!literal.is_empty()).then(|| literal.to_string())
}

/// The number literal, as written, that the crate's error showed as
/// `shown` in exponent form ("1.2345678901234568e29" for
/// 123456789012345678901234567890): the nearest literal before `offset`
/// (where serde stopped, at the end of the value that holds it) that
/// reads as the same float. `None` when `shown` is not such a number or
/// no literal is found within 4 KB. Only on the path of an error.
fn literal_before(json: &str, offset: usize, shown: &str) -> Option<String> {
    if !shown.contains('e') {
        return None;
    }
    let target: f64 = shown.parse().ok()?;
    let bytes = json.as_bytes();
    let floor = offset.saturating_sub(4096);
    let mut end = offset.min(bytes.len());
    while end > floor {
        let (start, stop) = number_span(json, end);
        if stop > start && start > 0 && !bytes[start - 1].is_ascii_alphanumeric() {
            let literal = &json[start..stop];
            if literal.parse::<f64>().ok() == Some(target) && literal != shown {
                return Some(if literal.len() > 40 {
                    format!("{}…", &literal[..40])
                } else {
                    literal.to_string()
                });
            }
        }
        if start == 0 {
            break;
        }
        end = start.min(end) - 1;
    }
    None
}

/// The byte range of the number literal that ends at or spans `offset`
/// (empty when there is none).
fn number_span(json: &str, offset: usize) -> (usize, usize) {
    let is_number = |b: u8| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E');
    let bytes = json.as_bytes();
    let mut start = offset.min(bytes.len());
    while start > 0 && is_number(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = start;
    while end < bytes.len() && is_number(bytes[end]) {
        end += 1;
    }
    (start, end)
}

/// What a document that is not an object is: "an array", "a string", ….
fn top_level_kind(json: &str) -> Option<&'static str> {
    Some(match json.trim_start().bytes().next()? {
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'-' | b'0'..=b'9' => "a number",
        _ => return None,
    })
}

/// True when `json` is one well-formed JSON document.
fn is_well_formed(json: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(json).is_ok()
}

fn input_too_long(found: usize, limits: &Limits) -> Error {
    Error::new(ErrorKind::Limit {
        what: "input size in bytes",
        found,
        limit: limits.max_input_len,
    })
}

/// Reads a JSON object into a map, refusing a key given twice: serde's
/// own maps keep the last value silently, which would drop an entry of a
/// vocabulary or policy without a word.
pub(crate) fn unique_keys<'de, D, K, V>(
    deserializer: D,
) -> Result<std::collections::BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord + std::fmt::Display,
    V: serde::Deserialize<'de>,
{
    struct Keys<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for Keys<K, V>
    where
        K: serde::Deserialize<'de> + Ord + std::fmt::Display,
        V: serde::Deserialize<'de>,
    {
        type Value = std::collections::BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = std::collections::BTreeMap::new();
            while let Some(key) = map.next_key::<K>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the key \"{key}\" is given twice; expected each key once"
                    )));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Keys(std::marker::PhantomData))
}

/// [`unique_keys`] for an optional field.
pub(crate) fn unique_keys_opt<'de, D, K, V>(
    deserializer: D,
) -> Result<Option<std::collections::BTreeMap<K, V>>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord + std::fmt::Display,
    V: serde::Deserialize<'de>,
{
    unique_keys(deserializer).map(Some)
}

/// Reads a settings document (a vocabulary, a policy, name tables) into
/// its raw form: a leading byte-order mark is dropped, blank text is
/// refused as `Empty` with `document` ("a JSON policy document"), and a
/// JSON error names its path and `expected`, the document's shape.
/// Settings files are small, so the path is tracked on the one parse.
pub(crate) fn settings_from_json<T: serde::de::DeserializeOwned>(
    json: &str,
    document: &'static str,
    expected: &str,
) -> Result<T, Error> {
    let json = strip_bom(json);
    if json.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty { expected: document }));
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let raw: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| json_error(json, e.path().to_string(), e.into_inner(), expected))?;
    de.end()
        .map_err(|e| json_error(json, String::new(), e, expected))?;
    Ok(raw)
}

/// Reads a settings file (no larger than
/// [`Limits::max_input_len`](crate::Limits::max_input_len), as UTF-8) and
/// parses its text with `parse`; an error names the file, as a corpus
/// file's do.
pub(crate) fn read_settings_file<T>(
    path: &Path,
    parse: impl FnOnce(&str) -> Result<T, Error>,
) -> Result<T, Error> {
    let bytes = read_file(
        path,
        crate::Limits::default().max_input_len(),
        SETTINGS_FILE_SIZE,
    )?;
    decode_utf8(&bytes)
        .and_then(parse)
        .map_err(|e| e.with_file(path))
}

/// Drops one leading byte-order mark.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Deserializes a whole JSON text, and on failure the path to the value
/// that failed (`""` when the text is whole but followed by more). The
/// text is read with serde_json alone first, and again with
/// serde_path_to_error only when that fails: tracking the path costs about
/// a third of the parse (the 21 MB header line of a million-claim stream:
/// 187–272 ms with it, 123–167 ms without), and most input is good. The
/// error is the same either way.
pub(crate) fn from_json_str<T: serde::de::DeserializeOwned>(
    json: &str,
) -> Result<T, (String, serde_json::Error)> {
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| (e.path().to_string(), e.into_inner()))?;
    de.end().map_err(|e| (String::new(), e))?;
    Ok(value)
}

/// The kind of a serde_json error, its message without serde_json's own
/// " at line … column …" suffix.
pub(crate) fn json_error_kind(error: &serde_json::Error) -> ErrorKind {
    let mut message = error.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    match error.classify() {
        serde_json::error::Category::Data => {
            crate::error::take_handed(&message).unwrap_or_else(|| ErrorKind::Schema {
                message: with_expected(message),
            })
        }
        serde_json::error::Category::Eof if error.line() == 0 => ErrorKind::Empty {
            expected: "a JSON document",
        },
        _ => ErrorKind::Syntax { message },
    }
}

/// Checks that `bytes` are UTF-8, dropping a leading byte-order mark.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<&str, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = line_at(bytes, offset);
        let byte = e.error_len().map(|_| bytes[offset]);
        Error::new(ErrorKind::NotUtf8 { offset, byte }).with_position(line, None)
    })
}

/// The 1-based line on which the value at `path` (a field path such as
/// `sources[4].id`, as errors give it) starts in `json`, a document that
/// has parsed. Used for errors found after parsing, which know the path
/// but not the place. A key written with escapes is not matched.
pub(crate) fn line_of_path(json: &str, path: &str) -> Option<u64> {
    let bytes = json.as_bytes();
    let mut at = skip_space(bytes, 0);
    for part in path.split('.') {
        let (key, indexes) = match part.find('[') {
            Some(open) => (&part[..open], &part[open..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            at = member(bytes, at, key)?;
        }
        for index in indexes.split('[').skip(1) {
            let index: usize = index.strip_suffix(']')?.parse().ok()?;
            at = element(bytes, at, index)?;
        }
    }
    Some(line_at(bytes, at))
}

/// The 1-based line of byte `offset` in `bytes`.
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The end of the JSON value starting at `at` (the document is known to
/// be well formed).
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    match *bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut k = at;
            loop {
                match *bytes.get(k)? {
                    b'"' => k = skip_string(bytes, k)?,
                    b'{' | b'[' => {
                        depth += 1;
                        k += 1;
                    }
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        k += 1;
                        if depth == 0 {
                            return Some(k);
                        }
                    }
                    _ => k += 1,
                }
            }
        }
        _ => {
            let mut k = at;
            while bytes
                .get(k)
                .is_some_and(|&b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                k += 1;
            }
            Some(k)
        }
    }
}

/// The end of the JSON string starting at `at`.
fn skip_string(bytes: &[u8], at: usize) -> Option<usize> {
    let mut k = at + 1;
    while *bytes.get(k)? != b'"' {
        k += if bytes[k] == b'\\' { 2 } else { 1 };
    }
    Some(k + 1)
}

/// The start of member `key`'s value in the object at `at`.
fn member(bytes: &[u8], at: usize, key: &str) -> Option<usize> {
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut k = skip_space(bytes, at + 1);
    while bytes.get(k) == Some(&b'"') {
        let name_end = skip_value(bytes, k)?;
        let value = skip_space(bytes, skip_space(bytes, name_end) + 1);
        if bytes.get(k + 1..name_end - 1) == Some(key.as_bytes()) {
            return Some(value);
        }
        k = skip_space(bytes, skip_value(bytes, value)?);
        if bytes.get(k) != Some(&b',') {
            return None;
        }
        k = skip_space(bytes, k + 1);
    }
    None
}

/// The claim id a JSON Lines claim line gives, read from `prefix`, the
/// first bytes of a line too long to be kept: the `id` member of the
/// object, if it comes before the prefix ends and is a valid id. A limit
/// error names the claim by it (seventeenth audit, D8).
pub(crate) fn leading_id(prefix: &[u8]) -> Option<ClaimId> {
    let value = member(prefix, skip_space(prefix, 0), "id")?;
    if prefix.get(value) != Some(&b'"') {
        return None;
    }
    let end = skip_string(prefix, value)?;
    let text = std::str::from_utf8(prefix.get(value + 1..end - 1)?).ok()?;
    ClaimId::new(text).ok()
}

/// The start of element `index` of the array at `at`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let mut k = skip_space(bytes, at + 1);
    for _ in 0..index {
        k = skip_space(bytes, skip_value(bytes, k)?);
        if bytes.get(k) != Some(&b',') {
            return None;
        }
        k = skip_space(bytes, k + 1);
    }
    (bytes.get(k) != Some(&b']')).then_some(k)
}

/// The 1-based line on which `"id": "<id>"` first stands in `json`.
fn line_of_id(json: &str, id: &str) -> Option<u64> {
    let needle = format!("\"{id}\"");
    let mut from = 0;
    while let Some(found) = json[from..].find(&needle) {
        let at = from + found;
        let before = json[..at].trim_end();
        if let Some(before) = before.strip_suffix(':')
            && before.trim_end().ends_with("\"id\"")
        {
            return Some(line_at(json.as_bytes(), at));
        }
        from = at + needle.len();
    }
    None
}

impl Corpus {
    /// Checks and assembles a corpus from its parts. Article texts are
    /// taken from each source's inline `text`. The texts are held to the
    /// default [`Limits`]; to raise one, as a crossed limit's message
    /// advises, use [`Corpus::new_with_limits`].
    ///
    /// # Errors
    ///
    /// Fails on a duplicate id, an unknown reference, a chain that does not
    /// start at a publication or names a source twice, corrections that go
    /// round in a cycle, a crossed limit, or evidence not found in its
    /// publication.
    pub fn new(
        entities: Vec<Entity>,
        sources: Vec<Source>,
        claims: Vec<Claim>,
    ) -> Result<Corpus, Error> {
        Corpus::new_with_limits(entities, sources, claims, &Limits::default())
    }

    /// As [`Corpus::new`], with explicit [`Limits`]: those on a text
    /// field, an article and an attribution chain apply
    /// ([`Limits::max_input_len`] bounds only what is read).
    ///
    /// ```
    /// use corroborate::{Corpus, Entity, EntityId, Limits, Source, SourceId, SourceKind};
    /// let parts = || -> Result<_, corroborate::Error> {
    ///     let storm = Entity::new(EntityId::new("storm")?, "Storm");
    ///     let paper = Source::new(SourceId::new("a")?, SourceKind::Publication, "Paper A")
    ///         .with_text("The storm killed 95 people.");
    ///     Ok((vec![storm], vec![paper]))
    /// };
    /// let (entities, sources) = parts()?;
    /// let tight = Limits::default().with_max_article_len(10);
    /// let err = Corpus::new_with_limits(entities, sources, vec![], &tight).unwrap_err();
    /// assert!(err.is_limit());
    /// assert!(err.to_string().ends_with("Limits::with_max_article_len raises it"));
    ///
    /// let (entities, sources) = parts()?;
    /// let raised = tight.with_max_article_len(1_000);
    /// let corpus = Corpus::new_with_limits(entities, sources, vec![], &raised)?;
    /// assert_eq!(corpus.sources().len(), 1);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Corpus::new`], with the limits given.
    pub fn new_with_limits(
        entities: Vec<Entity>,
        sources: Vec<Source>,
        claims: Vec<Claim>,
        limits: &Limits,
    ) -> Result<Corpus, Error> {
        Corpus::assemble(
            None,
            None,
            entities,
            sources,
            claims,
            HashMap::default(),
            limits,
        )
    }

    /// Reads a corpus from JSON text. Sources with a `text_file` are kept
    /// without their text; use [`Corpus::from_path`] to read those.
    ///
    /// # Errors
    ///
    /// Fails on malformed JSON (with line and column), an unknown, missing
    /// or mistyped field (with its path), a wrong `format` tag, or any
    /// error of [`Corpus::new`].
    pub fn from_json_str(json: &str) -> Result<Corpus, Error> {
        Corpus::from_json_str_with_limits(json, &Limits::default())
    }

    /// As [`Corpus::from_json_str`], with explicit [`Limits`]. A leading
    /// byte-order mark is accepted.
    ///
    /// ```
    /// use corroborate::{Corpus, Limits};
    /// let json = r#"{"format": "corroborate/1", "title": "a title longer than ten bytes"}"#;
    /// let err = Corpus::from_json_str_with_limits(json, &Limits::default().with_max_text_len(10))
    ///     .unwrap_err();
    /// assert!(err.is_limit());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Corpus::from_json_str`], and fails when the input or one of
    /// its texts is larger than its limit.
    pub fn from_json_str_with_limits(json: &str, limits: &Limits) -> Result<Corpus, Error> {
        Corpus::read(strip_bom(json), None, limits)
    }

    /// Reads a corpus from JSON bytes, accepting a UTF-8 byte-order mark.
    ///
    /// # Errors
    ///
    /// As [`Corpus::from_json_str`], and fails on bytes that are not UTF-8.
    pub fn from_json_slice(bytes: &[u8]) -> Result<Corpus, Error> {
        Corpus::from_json_slice_with_limits(bytes, &Limits::default())
    }

    /// As [`Corpus::from_json_slice`], with explicit [`Limits`].
    ///
    /// # Errors
    ///
    /// As [`Corpus::from_json_slice`], and fails when the input or one of
    /// its texts is larger than its limit.
    pub fn from_json_slice_with_limits(bytes: &[u8], limits: &Limits) -> Result<Corpus, Error> {
        if bytes.len() > limits.max_input_len {
            return Err(input_too_long(bytes.len(), limits));
        }
        Corpus::read(decode_utf8(bytes)?, None, limits)
    }

    /// Reads a corpus from a JSON file, or from a folder holding
    /// `corpus.json`, reading article texts named by `text_file` from
    /// beside the JSON file.
    ///
    /// # Errors
    ///
    /// Fails when a file cannot be read, and as
    /// [`Corpus::from_json_slice`]; every error names the file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Corpus, Error> {
        Corpus::from_path_with_limits(path, &Limits::default())
    }

    /// As [`Corpus::from_path`], with explicit [`Limits`].
    ///
    /// # Errors
    ///
    /// As [`Corpus::from_path`], and fails when the file is larger than
    /// [`Limits::max_input_len`].
    pub fn from_path_with_limits(path: impl AsRef<Path>, limits: &Limits) -> Result<Corpus, Error> {
        let path = path.as_ref();
        let file: PathBuf = if path.is_dir() {
            let file = path.join(CORPUS_FILE_NAME);
            if !file.exists() {
                return Err(Error::invalid_value(
                    "the folder",
                    format!("holds no {CORPUS_FILE_NAME}"),
                    format!("a folder holding {CORPUS_FILE_NAME} (its article texts beside it), or the path of a corpus file"),
                )
                .with_file(path));
            }
            file
        } else {
            // A table or JSON Lines file is no corpus document: say which
            // reader reads it, rather than that it is malformed JSON.
            let other = crate::stream::TableFormat::from_path(path)
                .map(|_| "a table")
                .or_else(|| {
                    path.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
                        .then_some("JSON Lines")
                });
            if let Some(what) = other {
                return Err(Error::invalid_value(
                    "the file",
                    format!("is {what}, by its extension, not a corpus document"),
                    "a JSON corpus file here; read tables and JSON Lines with StreamReader::read_path",
                )
                .with_file(path));
            }
            path.to_path_buf()
        };
        let bytes = read_file(&file, limits.max_input_len, FILE_SIZE)?;
        let text = decode_utf8(&bytes).map_err(|e| e.with_file(&file))?;
        let folder = file.parent().unwrap_or(Path::new("."));
        Corpus::read(text, Some(folder), limits).map_err(|e| e.with_file(&file))
    }

    /// Reads a corpus document; an error found after parsing (which knows
    /// the claim or the field but not the place) is given the line of
    /// the claim or field, and a repeated id the line of its first.
    fn read(json: &str, folder: Option<&Path>, limits: &Limits) -> Result<Corpus, Error> {
        Corpus::read_document(json, folder, limits)
            .map_err(|e| Corpus::placed(json, e))
            .map_err(|e| {
                // A repeated id names its first by path, and by its line
                // too where that is not the repeat's.
                let first = e.first_path().and_then(|path| line_of_path(json, path));
                match first {
                    Some(line) if e.line() != Some(line) => e.with_first_line(line),
                    _ => e,
                }
            })
    }

    /// An error found after parsing (which knows the claim or the field
    /// but not the place), given the line of the claim or field.
    fn placed(json: &str, e: Error) -> Error {
        if e.line().is_some() {
            return e;
        }
        // A path from the top of the document names the place exactly (a
        // repeated id is at its repeat); else the claim's first line, or
        // the field's.
        let line = match (e.claim(), e.field()) {
            (_, Some(path)) if path.starts_with("claims[") => {
                line_of_path(json, path).or_else(|| e.claim().and_then(|id| line_of_id(json, id)))
            }
            (Some(id), _) => line_of_id(json, id),
            (None, path) => path.and_then(|path| line_of_path(json, path)),
        };
        match line {
            Some(line) => e.with_position(line, None),
            None => e,
        }
    }

    fn read_document(json: &str, folder: Option<&Path>, limits: &Limits) -> Result<Corpus, Error> {
        if json.len() > limits.max_input_len {
            return Err(input_too_long(json.len(), limits));
        }
        if json.trim().is_empty() {
            return Err(Error::new(ErrorKind::Empty {
                expected: "a JSON corpus document",
            }));
        }
        let document: Document =
            from_json_str(json).map_err(|(path, e)| json_error(json, path, e, CORPUS_EXPECTED))?;
        if document.format != FORMAT {
            return Err(Error::invalid_value(
                format!("{:?}", document.format),
                "is not a format this version reads",
                format!("{FORMAT:?}"),
            )
            .in_field("format"));
        }
        let mut texts = HashMap::default();
        if let Some(folder) = folder {
            for (index, source) in document.sources.iter().enumerate() {
                let Some(name) = &source.text_file else {
                    continue;
                };
                let field = || format!("sources[{index}].text_file");
                // An empty name is refused as empty, as the text fields
                // are, before it is read as the folder itself
                // (seventeenth audit, D8).
                check_len(name, field(), limits)?;
                let relative = Path::new(name);
                if relative.is_absolute()
                    || relative
                        .components()
                        .any(|c| matches!(c, std::path::Component::ParentDir))
                {
                    return Err(Error::invalid_value(
                        format!("{name:?}"),
                        "leaves the corpus folder",
                        "a file name relative to the corpus folder, without ..",
                    )
                    .in_field(field()));
                }
                let path = folder.join(relative);
                // A symbolic link can lead out of the folder as `..` does;
                // it is refused the same way. (A file that cannot be
                // resolved is left to `read_file`, which says why.)
                if let (Ok(real), Ok(root)) = (path.canonicalize(), folder.canonicalize())
                    && !real.starts_with(&root)
                {
                    return Err(Error::invalid_value(
                        format!("{name:?}"),
                        format!("leads out of the corpus folder, to {}", real.display()),
                        "a file in the corpus folder (a link may not lead out of it)",
                    )
                    .in_field(field()));
                }
                let bytes = read_file(&path, limits.max_article_len, ARTICLE_LENGTH)
                    .map_err(|e| e.about_named_file(name).in_field(field()))?;
                let text = decode_utf8(&bytes)
                    .map_err(|e| e.about_named_file(name).in_field(field()))?
                    .to_string();
                texts.insert(source.id.clone(), text);
            }
        }
        Corpus::assemble(
            document.title,
            document.description,
            document.entities,
            document.sources,
            document.claims,
            texts,
            limits,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        title: Option<String>,
        description: Option<String>,
        entities: Vec<Entity>,
        sources: Vec<Source>,
        mut claims: Vec<Claim>,
        texts: HashMap<SourceId, String>,
        limits: &Limits,
    ) -> Result<Corpus, Error> {
        let header = Header::new(title, description, entities, sources, texts, limits)?;
        if claims.len() > ClaimIndex::MAX_CLAIMS {
            let last = &claims[ClaimIndex::MAX_CLAIMS].id;
            return Err(Error::new(ErrorKind::Limit {
                what: "number of claims",
                found: claims.len(),
                limit: ClaimIndex::MAX_CLAIMS,
            })
            .in_claim(last)
            .in_field("id"));
        }
        let (claim_index, repeats) = ClaimIndex::of(&claims);
        if let Some(&k) = repeats.first() {
            // Placed at the repeat (`claims[k]`), not at the first claim
            // of that id, which is the one to keep; the index holds that
            // one, and the message names its place, as JSON Lines names
            // its line.
            let id = &claims[k].id;
            let first = claim_index.get(&claims, id.as_str());
            return Err(Error::new(ErrorKind::Duplicate {
                kind: "claim",
                id: id.to_string(),
                first: first.map(|f| FirstAt::Path(format!("claims[{f}]"), None)),
            })
            .in_claim(id)
            .in_field(format!("claims[{k}].id")));
        }
        // Whether each claim's correction names a claim of the corpus,
        // found before the claims are borrowed to be checked.
        let found: Vec<bool> = claims
            .iter()
            .map(|c| {
                c.corrects
                    .as_ref()
                    .is_none_or(|id| claim_index.contains(&claims, id.as_str()))
            })
            .collect();
        // Claims given whole do not have their verbs and properties
        // shared (as the stream readers' `Sharing` does): all of them
        // exist already, so dropping the repeated copies now would leave
        // a million scattered holes in the heap, which measurably slows
        // every allocation of the analysis that follows (glibc's malloc,
        // 1M claims: about 0.5 s of 4.5 s). The stream readers share each
        // claim as it is parsed, when the freed copy is reused at once.
        let mut warnings = Vec::new();
        for (k, (claim, found)) in claims.iter_mut().zip(found).enumerate() {
            // The field's path from the top of the document, as the JSON
            // reader gives it: `claims[3].subject`, not `subject`.
            header
                .check_claim(claim, Some(found), limits)
                .map_err(|e| e.in_field(format_args!("claims[{k}]")))?;
            if let Some(warning) = claim_warning(claim) {
                warnings.push(Diagnostic::new(
                    crate::report::Severity::Warning,
                    claim.id.as_str(),
                    warning,
                ));
            }
        }
        if let Some(cycle) = Header::correction_cycles(&claims, &claim_index).first() {
            let k = cycle[0];
            return Err(
                Header::cycle_error(&claims, cycle, 0).in_field(format_args!("claims[{k}]"))
            );
        }
        Ok(header.into_corpus(claims, claim_index, Vec::new(), warnings))
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Corpus {
        self.header.title = Some(title.into());
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Corpus {
        self.header.description = Some(description.into());
        self
    }

    /// The corpus's title, if it has one.
    pub fn title(&self) -> Option<&str> {
        self.header.title.as_deref()
    }

    /// The corpus's description, if it has one.
    pub fn description(&self) -> Option<&str> {
        self.header.description.as_deref()
    }

    /// The entities, in file order.
    pub fn entities(&self) -> &[Entity] {
        &self.header.entities
    }

    /// The sources, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.header.sources
    }

    /// The claims, in file order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The entity with this id.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.header
            .declared
            .entities
            .get(id)
            .map(|&i| &self.header.entities[i])
    }

    /// The source with this id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.header
            .declared
            .sources
            .get(id)
            .map(|&i| &self.header.sources[i])
    }

    /// The index in [`Corpus::sources`] of the source with this id.
    pub(crate) fn source_position(&self, id: &SourceId) -> Option<usize> {
        self.header.declared.sources.get(id).copied()
    }

    /// The claim with this id.
    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claim_index
            .get(&self.claims, id.as_str())
            .map(|i| &self.claims[i])
    }

    /// The records a streaming reader skipped (a malformed line, a row of
    /// the wrong width, an unknown reference, a duplicate id, a bad
    /// value), each with its `file:line` and what was wrong. Empty for a
    /// corpus read from the JSON format, which fails on the first bad
    /// record instead. [`analyze`](fn@crate::analyze) copies these into the
    /// report's diagnostics.
    ///
    /// ```
    /// use corroborate::{Corpus, StreamReader};
    /// let jsonl = concat!(
    ///     r#"{"format": "corroborate-jsonl/1", "entities": [{"id": "e", "name": "E"}], "sources": [{"id": "p", "kind": "publication", "name": "P"}]}"#, "\n",
    ///     r#"{"id": "c1", "subject": "e", "property": "killed", "value": {"quantity": {"exact": 3}}, "assertion": {"chain": ["p"]}}"#, "\n",
    ///     r#"{"id": "c2", "subject": "nobody", "property": "killed", "value": {"quantity": {"exact": 4}}, "assertion": {"chain": ["p"]}}"#, "\n",
    /// );
    /// let corpus = StreamReader::new().read_jsonl(jsonl.as_bytes(), "inline.jsonl")?;
    /// assert_eq!(corpus.claims().len(), 1);
    /// assert_eq!(corpus.skipped()[0].location, "inline.jsonl:3");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn skipped(&self) -> &[Diagnostic] {
        &self.skipped
    }

    /// The records a streaming reader kept but warns about, each with
    /// its `file:line` and why: a table's value cell that begins with a
    /// quantity but is kept as text ("9 old cases"), so that its figure
    /// is compared only as text, never as a number; a quantity whose unit
    /// opens with a scale word ("thousand arrivals"), compared without
    /// it; a share over 100 percent. A corpus read from the JSON format
    /// has only the last two, located at the claim's id.
    /// [`analyze`](fn@crate::analyze) copies
    /// these into the report's diagnostics, and counts them in
    /// [`Summary::warned`](crate::Summary::warned).
    ///
    /// ```
    /// use corroborate::{Severity, StreamReader, TableFormat};
    /// let csv = "source,subject,property,value\nAP,Derna,displaced,\"5,300 dead, 10,000 missing\"\n";
    /// let corpus = StreamReader::new().read_table(csv.as_bytes(), "t.csv", TableFormat::Csv)?;
    /// assert_eq!(corpus.claims().len(), 1);
    /// let warning = &corpus.warnings()[0];
    /// assert_eq!((warning.severity, warning.location.as_str()), (Severity::Warning, "t.csv:2"));
    /// assert!(warning.message.contains("not compared as a number"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Rewrites the message of each skipped record ([`Corpus::skipped`])
    /// and warning ([`Corpus::warnings`]) with `rephrase`, which is given
    /// the message and returns it as it should read. For a program whose
    /// user makes no library calls: a crossed limit's message names the
    /// [`Limits`] setter that raises it, which such a program tells its
    /// user in its own terms (the example binary says the limit is the
    /// library's). The records, their order and their locations do not
    /// change.
    ///
    /// ```
    /// use corroborate::{Limits, StreamReader, TableFormat};
    /// let csv = "source,subject,property,value\nAP,Town,note,a long text\n";
    /// let mut corpus = StreamReader::new()
    ///     .with_limits(Limits::default().with_max_text_len(5))
    ///     .read_table(csv.as_bytes(), "t.csv", TableFormat::Csv)?;
    /// assert!(corpus.skipped()[0].message.contains("Limits::with_max_text_len raises it"));
    /// corpus.rephrase_diagnostics(|message| message.replace("Limits::with_max_text_len", "--max-text"));
    /// assert!(corpus.skipped()[0].message.contains("--max-text raises it"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn rephrase_diagnostics(&mut self, mut rephrase: impl FnMut(&str) -> String) {
        for diagnostic in self.skipped.iter_mut().chain(self.warnings.iter_mut()) {
            diagnostic.message = rephrase(&diagnostic.message);
        }
    }

    /// The text of a publication, when the corpus has it.
    pub fn text(&self, publication: &SourceId) -> Option<&str> {
        self.header.texts.get(publication).map(String::as_str)
    }

    /// Takes the corpus apart into what a header holds: title,
    /// description, entities, sources, texts; and the number of claims.
    #[allow(clippy::type_complexity)]
    pub(crate) fn into_header_parts(
        self,
    ) -> (
        Option<String>,
        Option<String>,
        Vec<Entity>,
        Vec<Source>,
        HashMap<SourceId, String>,
        usize,
    ) {
        (
            self.header.title,
            self.header.description,
            self.header.entities,
            self.header.sources,
            self.header.texts,
            self.claims.len(),
        )
    }

    /// Writes the corpus in its JSON format, pretty-printed. Article texts
    /// stay where they were: inline ones inline, `text_file` ones named.
    ///
    /// Characters that act on a terminal (control characters, bidirectional
    /// embeddings, overrides and isolates) and U+2028 and U+2029 are written
    /// as JSON escapes, `\u0085`: the strings parse back unchanged.
    pub fn to_json_string(&self) -> String {
        let document = DocumentRef {
            format: FORMAT,
            title: self.header.title.as_deref(),
            description: self.header.description.as_deref(),
            entities: &self.header.entities,
            sources: &self.header.sources,
            claims: &self.claims,
        };
        // Serializing these types cannot fail: every map key is a string.
        crate::json::to_string_pretty(&document).unwrap_or_default()
    }
}

#[derive(Serialize)]
struct DocumentRef<'a> {
    format: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    entities: &'a [Entity],
    sources: &'a [Source],
    claims: &'a [Claim],
}

/// Checked entities and sources, with their indexes: the part of a
/// corpus that claims refer to. The streaming readers check the header
/// first and then each claim as it arrives.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    title: Option<String>,
    description: Option<String>,
    entities: Vec<Entity>,
    sources: Vec<Source>,
    /// Which sources are publications, by position: what checking a
    /// chain's first link reads, in 1 byte a source rather than in the
    /// source's own record (over 250 bytes), so that a large header's
    /// table stays in cache while a million chains are checked.
    publications: Vec<bool>,
    texts: HashMap<SourceId, String>,
    /// The declared ids, shared with the stream readers' threads, which
    /// lend them to the claim deserializers (see [`crate::id::lend`]).
    declared: Arc<Declared>,
}

/// Checks an optional text's length (see [`check_len`]).
fn check_opt<T: AsRef<str>>(
    text: &Option<T>,
    field: impl std::fmt::Display,
    limits: &Limits,
) -> Result<(), Error> {
    match text.as_ref().map(AsRef::as_ref) {
        Some(text) => check_len(text, field, limits),
        None => Ok(()),
    }
}

/// Checks a text's length, and that it is not empty, only spaces or only
/// characters that show nothing (a field with nothing in it names
/// nothing: leave it out). `field` names it in the error, and is written
/// only then, not for every text checked.
fn check_len(text: &str, field: impl std::fmt::Display, limits: &Limits) -> Result<(), Error> {
    if text.chars().all(crate::resolve::shows_nothing) {
        return Err(Error::invalid_value(
            format!("{text:?}"),
            if text.chars().any(crate::resolve::is_invisible) {
                "holds only characters that show nothing"
            } else {
                "is empty"
            },
            "some text, or no field at all where it is optional",
        )
        .in_field(field.to_string()));
    }
    if text.len() > limits.max_text_len {
        return Err(Error::new(ErrorKind::Limit {
            what: "text length in bytes",
            found: text.len(),
            limit: limits.max_text_len,
        })
        .in_field(field.to_string()));
    }
    Ok(())
}

/// Checks that a name (of an entity or a source, an alias, an outlet)
/// holds no control character (U+0000 to U+001F, U+007F, U+0080 to
/// U+009F): none has a meaning in a name, where a tab or line break
/// would break the report's lines and a NUL byte would be written into
/// it as it is. Nor may it hold a bidirectional embedding, override or
/// isolate (U+202A to U+202E, U+2066 to U+2069), which would make the
/// name print as another and reorder the rest of its line (see
/// `bidi_control`); quotes and other text keep them, as right-to-left
/// text copied from a page may carry them. The error names the character
/// and its byte, and the value escaped; the caller adds the field. A
/// name must also have a character of its own: one made only of
/// combining marks ("\u{301}\u{301}", with spaces or characters that
/// show nothing between them) marks nothing, prints as stray accents
/// or nothing at all, and keys as no name.
pub(crate) fn check_name(text: &str) -> Result<(), Error> {
    control_in_name(text, None)
}

/// As [`check_name`], with the id of whose name it is, when the error
/// names it (`entity "town"`).
fn control_in_name(text: &str, whose: Option<&dyn std::fmt::Display>) -> Result<(), Error> {
    let whose = || whose.map_or(String::new(), |whose| format!(" (the name of {whose})"));
    // Control characters are ASCII bytes, or U+0080 to U+009F, whose
    // UTF-8 starts with 0xC2; the bidirectional controls start with
    // 0xE2: most names are passed over on bytes.
    // Checked before the combining marks, so that a name of marks and
    // a tab is refused for the tab, the character the rule is about.
    let found = if text
        .bytes()
        .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2)
    {
        text.char_indices()
            .find(|&(_, c)| c.is_control() || bidi_control(c).is_some())
    } else {
        None
    };
    if let Some((at, c)) = found {
        return Err(match bidi_control(c) {
            Some(what) => Error::invalid_value(
                format!("{text:?}"),
                format!(
                    "has the bidirectional control U+{:04X} ({what}) at byte {at}{}",
                    u32::from(c),
                    whose()
                ),
                "a name without bidirectional overrides, embeddings or isolates, which reorder the text printed after them",
            ),
            None => Error::invalid_value(
                format!("{text:?}"),
                format!(
                    "has the control character U+{:04X} at byte {at}{}",
                    u32::from(c),
                    whose()
                ),
                "a name without control characters",
            ),
        });
    }
    // Combining marks are not ASCII; the first character of most names
    // is a letter of its own, where the search stops.
    if !text.is_ascii()
        && !text.chars().any(|c| {
            !crate::resolve::shows_nothing(c) && !unicode_normalization::char::is_combining_mark(c)
        })
    {
        return Err(Error::invalid_value(
            format!("{text:?}"),
            format!(
                "holds only combining marks, with no character for them to mark{}",
                whose()
            ),
            "a name with a letter, digit or other character of its own",
        ));
    }
    Ok(())
}

/// What a bidirectional embedding, override or isolate is (U+202A to
/// U+202E, U+2066 to U+2069): characters that show nothing but reorder
/// the text after them, so that a name holding one can print as another
/// ("Ministry" followed by a right-to-left override and "yrtsiniM"
/// prints as "Ministry Ministry"), and spill into the rest of a report's
/// line. `None` for any other character. The marks U+200E and U+200F,
/// which reorder nothing past a neutral character, are not among them.
fn bidi_control(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        _ => return None,
    })
}

/// Checks a name's length and text (see [`check_len`] and
/// [`check_name`]); `whose` says whose name it is in the error (`entity
/// "town"`), `field` names the field.
fn check_name_field(
    text: &str,
    whose: &dyn std::fmt::Display,
    field: impl std::fmt::Display,
    limits: &Limits,
) -> Result<(), Error> {
    check_len(text, &field, limits)?;
    control_in_name(text, Some(whose)).map_err(|e| e.in_field(field.to_string()))
}

impl Header {
    /// Checks ids, references between entities, and lengths.
    pub(crate) fn new(
        title: Option<String>,
        description: Option<String>,
        entities: Vec<Entity>,
        sources: Vec<Source>,
        mut texts: HashMap<SourceId, String>,
        limits: &Limits,
    ) -> Result<Header, Error> {
        check_opt(&title, "title", limits)?;
        check_opt(&description, "description", limits)?;
        let mut entity_index =
            HashMap::with_capacity_and_hasher(entities.len(), Default::default());
        for (index, entity) in entities.iter().enumerate() {
            if let Some(first) = entity_index.insert(entity.id.clone(), index) {
                return Err(Error::new(ErrorKind::Duplicate {
                    kind: "entity",
                    id: entity.id.to_string(),
                    first: Some(FirstAt::Path(format!("entities[{first}]"), None)),
                })
                .in_field(format!("entities[{index}].id")));
            }
            let whose = format_args!("entity {:?}", entity.id.as_str());
            check_name_field(
                &entity.name,
                &whose,
                format_args!("entities[{index}].name"),
                limits,
            )?;
            for (k, alias) in entity.aliases.iter().enumerate() {
                check_name_field(
                    alias,
                    &whose,
                    format_args!("entities[{index}].aliases[{k}]"),
                    limits,
                )?;
            }
            check_opt(&entity.kind, format_args!("entities[{index}].kind"), limits)?;
            check_opt(&entity.note, format_args!("entities[{index}].note"), limits)?;
        }
        for (index, entity) in entities.iter().enumerate() {
            for (k, other) in entity.distinct_from.iter().enumerate() {
                if !entity_index.contains_key(other) {
                    return Err(Error::new(ErrorKind::UnknownReference {
                        kind: "entity",
                        id: other.to_string(),
                    })
                    .in_field(format!("entities[{index}].distinct_from[{k}]")));
                }
            }
        }

        let mut source_index = HashMap::with_capacity_and_hasher(sources.len(), Default::default());
        for (index, source) in sources.iter().enumerate() {
            if let Some(first) = source_index.insert(source.id.clone(), index) {
                return Err(Error::new(ErrorKind::Duplicate {
                    kind: "source",
                    id: source.id.to_string(),
                    first: Some(FirstAt::Path(format!("sources[{first}]"), None)),
                })
                .in_field(format!("sources[{index}].id")));
            }
            let whose = format_args!("source {:?}", source.id.as_str());
            check_name_field(
                &source.name,
                &whose,
                format_args!("sources[{index}].name"),
                limits,
            )?;
            for (k, alias) in source.aliases.iter().enumerate() {
                check_name_field(
                    alias,
                    &whose,
                    format_args!("sources[{index}].aliases[{k}]"),
                    limits,
                )?;
            }
            if let Some(outlet) = &source.outlet {
                check_name_field(
                    outlet,
                    &whose,
                    format_args!("sources[{index}].outlet"),
                    limits,
                )?;
            }
            for (text, name) in [
                (&source.title, "title"),
                (&source.url, "url"),
                (&source.published_note, "published_note"),
                (&source.role, "role"),
                (&source.affiliation, "affiliation"),
                (&source.text_file, "text_file"),
            ] {
                check_opt(text, format_args!("sources[{index}].{name}"), limits)?;
            }
            if let Some(text) = &source.text {
                if text.len() > limits.max_article_len {
                    return Err(Error::new(ErrorKind::Limit {
                        what: "article length in bytes",
                        found: text.len(),
                        limit: limits.max_article_len,
                    })
                    .in_field(format!("sources[{index}].text")));
                }
                if source.text_file.is_some() {
                    return Err(Error::invalid_value(
                        "text and text_file",
                        "are both given",
                        "at most one of text and text_file",
                    )
                    .in_field(format!("sources[{index}]")));
                }
                texts.insert(source.id.clone(), text.clone());
            }
        }
        let publications = sources
            .iter()
            .map(|source| source.kind == SourceKind::Publication)
            .collect();
        Ok(Header {
            title,
            description,
            entities,
            sources,
            publications,
            texts,
            declared: Arc::new(Declared {
                entities: entity_index,
                sources: source_index,
            }),
        })
    }

    /// Lends the declared ids to the claim deserializers on this thread
    /// until the guard drops (see [`crate::id::lend`]).
    pub(crate) fn lend_ids(&self) -> Lent {
        crate::id::lend(&self.declared)
    }

    /// Checks one claim against the header: references, chain, lengths
    /// and evidence (whose span is filled in). Each reference found is
    /// replaced by the declared id, which shares its text. `corrects_found` tells
    /// whether the claim it corrects (if any) is in the corpus; with
    /// `None` the correction is left to [`Header::check_corrects`].
    pub(crate) fn check_claim(
        &self,
        claim: &mut Claim,
        corrects_found: Option<bool>,
        limits: &Limits,
    ) -> Result<(), Error> {
        // Each reference is looked up once: found, it is made the declared
        // id, so that a million claims share a few thousand id texts
        // instead of holding a million copies. (A reader that lent the
        // declared ids to the deserializer finds them shared already.)
        let entities = &self.declared.entities;
        let share_entity = |id: &mut EntityId, field: &str| -> Result<(), Error> {
            match entities.get_key_value(id.as_str()) {
                Some((declared, _)) => {
                    if !declared.same_text(id) {
                        *id = declared.clone();
                    }
                    Ok(())
                }
                None => Err(Error::new(ErrorKind::UnknownReference {
                    kind: "entity",
                    id: id.to_string(),
                })
                .in_field(field)),
            }
        };
        let claim_id = claim.id.clone();
        let in_claim = |e: Error| e.in_claim(&claim_id);
        share_entity(&mut claim.subject, "subject").map_err(in_claim)?;
        match &mut claim.value {
            Value::Statement(statement) => {
                share_entity(&mut statement.object, "value.statement.object").map_err(in_claim)?
            }
            Value::Quote(quote) => {
                check_len(quote.text(), "value.quote.text", limits).map_err(in_claim)?;
                if let Some(occasion) = quote.occasion() {
                    check_len(occasion, "value.quote.occasion", limits).map_err(in_claim)?;
                }
            }
            Value::Text(text) => check_len(text, "value.text", limits).map_err(in_claim)?,
            Value::Quantity(quantity) => {
                if let Some(unit) = quantity.unit() {
                    check_len(unit, "value.quantity.unit", limits).map_err(in_claim)?;
                }
                if let crate::quantity::Amount::Vague { phrase } = quantity.amount() {
                    check_len(phrase, "value.quantity.vague", limits).map_err(in_claim)?;
                }
                // An approximate amount's hedge, or a hedged range's.
                if let Some(qualifier) = quantity.qualifier() {
                    check_len(qualifier, "value.quantity.qualifier", limits).map_err(in_claim)?;
                }
            }
            Value::Date(_) => {}
        }
        check_opt(&claim.scope.population, "scope.population", limits).map_err(in_claim)?;
        check_opt(&claim.scope.horizon, "scope.horizon", limits).map_err(in_claim)?;
        // A horizon is read only for a projection: alone it would be lost.
        if let Some(horizon) = &claim.scope.horizon
            && claim.scope.status != crate::model::Status::Projected
        {
            return Err(in_claim(
                Error::invalid_value(
                    format!("{horizon:?}"),
                    format!(
                        "is a horizon of a claim whose status is {}",
                        claim.scope.status.as_str()
                    ),
                    "status \"projected\" beside a horizon",
                )
                .in_field("scope.horizon"),
            ));
        }
        check_opt(&claim.assertion.verb, "assertion.verb", limits).map_err(in_claim)?;
        if let Some(found) = corrects_found {
            Header::check_corrects(claim, found)?;
        }
        let chain_len = claim.assertion.chain.len();
        if chain_len == 0 {
            return Err(in_claim(
                Error::invalid_value(
                    "[]",
                    "is an empty chain",
                    "a chain starting at a publication",
                )
                .in_field("assertion.chain"),
            ));
        }
        if chain_len > limits.max_chain_depth {
            return Err(in_claim(
                Error::new(ErrorKind::Limit {
                    what: "attribution chain length",
                    found: chain_len,
                    limit: limits.max_chain_depth,
                })
                .in_field("assertion.chain"),
            ));
        }
        // Chains are short (at most `max_chain_depth`), so a linear
        // search for repeats is cheaper than a set.
        let mut seen: [usize; 8] = [usize::MAX; 8];
        let mut seen_more: Vec<usize> = Vec::new();
        // Checks link `k` and gives its declared id.
        let mut check_link = |k: usize, link: &SourceId| -> Result<&SourceId, Error> {
            let Some((declared, &source)) = self.declared.sources.get_key_value(link.as_str())
            else {
                return Err(Error::new(ErrorKind::UnknownReference {
                    kind: "source",
                    id: link.to_string(),
                })
                .in_field(format!("assertion.chain[{k}]")));
            };
            let repeated = seen[..k.min(8)].contains(&source) || seen_more.contains(&source);
            if repeated {
                return Err(Error::new(ErrorKind::Cycle {
                    id: link.to_string(),
                })
                .in_field(format!("assertion.chain[{k}]")));
            }
            if k < 8 {
                seen[k] = source;
            } else {
                seen_more.push(source);
            }
            if k == 0 && !self.publications[source] {
                return Err(Error::invalid_value(
                    format!(
                        "{:?} ({})",
                        link.as_str(),
                        self.sources[source].kind.as_str()
                    ),
                    "is not a publication",
                    "a chain whose first link is a source of kind publication",
                )
                .in_field("assertion.chain[0]"));
            }
            Ok(declared)
        };
        // A chain held in place, or shared with no other claim, has its
        // links replaced by the declared ids where they lie. A chain shared
        // with other claims is rebuilt only if a link is not the declared
        // text yet.
        match claim.assertion.chain.links_mut() {
            Some(links) => {
                for (k, link) in links.iter_mut().enumerate() {
                    let declared = check_link(k, link).map_err(in_claim)?;
                    if !declared.same_text(link) {
                        *link = declared.clone();
                    }
                }
            }
            None => {
                let mut shared = true;
                for (k, link) in claim.assertion.chain.iter().enumerate() {
                    shared &= check_link(k, link).map_err(in_claim)?.same_text(link);
                }
                if !shared {
                    claim.assertion.chain = claim
                        .assertion
                        .chain
                        .iter()
                        .map(|link| {
                            self.declared
                                .sources
                                .get_key_value(link)
                                .map_or(link, |(id, _)| id)
                                .clone()
                        })
                        .collect();
                }
            }
        }
        if let Some(evidence) = &mut claim.assertion.evidence {
            if evidence.text.trim().is_empty() {
                return Err(in_claim(
                    Error::invalid_value(
                        format!("{:?}", evidence.text),
                        "is empty evidence",
                        "the exact words of the publication that carry the claim",
                    )
                    .in_field("assertion.evidence.text"),
                ));
            }
            check_len(&evidence.text, "assertion.evidence.text", limits).map_err(in_claim)?;
            // A span that ends before it starts, or whose length is not
            // the text's, holds the text in no publication: refused
            // whether the publication's text is known or not
            // (seventeenth audit, D9).
            if let Some([start, end]) = evidence.span {
                let problem = if end < start {
                    Some((
                        "ends before it starts".to_string(),
                        "[start, end] with start <= end, the byte offsets of the evidence text in the publication's text".to_string(),
                    ))
                } else if end - start != evidence.text.len() {
                    Some((
                        format!(
                            "holds {} bytes, and the evidence text has {}",
                            end - start,
                            evidence.text.len()
                        ),
                        format!(
                            "[start, end] with end = start + {}, the byte offsets of the evidence text in the publication's text",
                            evidence.text.len()
                        ),
                    ))
                } else {
                    None
                };
                if let Some((problem, expected)) = problem {
                    return Err(in_claim(
                        Error::invalid_value(format!("span [{start}, {end}]"), problem, expected)
                            .in_field("assertion.evidence.span"),
                    ));
                }
            }
            let publication = &claim.assertion.chain[0];
            if let Some(text) = self.texts.get(publication) {
                locate_evidence(text, publication, evidence).map_err(in_claim)?;
            }
        }
        if let Some(note) = &claim.note {
            check_len(note, "note", limits).map_err(in_claim)?;
        }
        Ok(())
    }

    /// The cycles of corrections among `claims` (c1 corrects c2, which
    /// corrects c1): each as positions in `claims`, in the order the
    /// corrections go, from its earliest claim; cycles in the order of
    /// their earliest claims. A claim that corrects itself is left to
    /// [`Header::check_corrects`]. A claim corrects at most one claim, so
    /// following the corrections from every claim, each claim once, finds
    /// them all in linear time.
    pub(crate) fn correction_cycles(claims: &[Claim], index: &ClaimIndex) -> Vec<Vec<usize>> {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            New,
            OnPath,
            Done,
        }
        let mut state = vec![State::New; claims.len()];
        let mut cycles = Vec::new();
        let mut path = Vec::new();
        for k in 0..claims.len() {
            path.clear();
            let mut at = k;
            let mut closed = None;
            loop {
                match state[at] {
                    State::OnPath => {
                        closed = Some(at);
                        break;
                    }
                    State::Done => break,
                    State::New => {}
                }
                state[at] = State::OnPath;
                path.push(at);
                let next = claims[at]
                    .corrects
                    .as_ref()
                    .and_then(|id| index.get(claims, id.as_str()));
                match next {
                    Some(next) => at = next,
                    None => break,
                }
            }
            if let Some(start) = closed
                && let Some(from) = path.iter().position(|&p| p == start)
                && path.len() - from > 1
            {
                let mut cycle = path[from..].to_vec();
                let earliest = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
                cycle.rotate_left(earliest);
                cycles.push(cycle);
            }
            for &p in &path {
                state[p] = State::Done;
            }
        }
        cycles.sort_by_key(|cycle| cycle[0]);
        cycles
    }

    /// The error for the claim at `cycle[i]`, whose correction closes or
    /// continues the cycle of corrections `cycle` (positions in `claims`).
    pub(crate) fn cycle_error(claims: &[Claim], cycle: &[usize], i: usize) -> Error {
        let claim = &claims[cycle[i]];
        let mut ids: Vec<&str> = cycle[i..]
            .iter()
            .chain(&cycle[..i])
            .map(|&k| claims[k].id.as_str())
            .collect();
        ids.push(claim.id.as_str());
        let corrected = claim.corrects.as_ref().map_or("", |id| id.as_str());
        Error::invalid_value(
            format!("{corrected:?}"),
            format!("makes a cycle of corrections ({})", ids.join(" → ")),
            "corrections that end at a claim correcting none",
        )
        .in_field("corrects")
        .in_claim(&claim.id)
    }

    /// Checks that the claim a claim corrects exists (`found`, when it
    /// corrects one) and is another claim.
    pub(crate) fn check_corrects(claim: &Claim, found: bool) -> Result<(), Error> {
        let Some(corrected) = &claim.corrects else {
            return Ok(());
        };
        if !found {
            return Err(Error::new(ErrorKind::UnknownReference {
                kind: "claim",
                id: corrected.to_string(),
            })
            .in_field("corrects")
            .in_claim(&claim.id));
        }
        if *corrected == claim.id {
            return Err(Error::invalid_value(
                format!("{:?}", corrected.as_str()),
                "is the claim itself",
                "the id of another claim",
            )
            .in_field("corrects")
            .in_claim(&claim.id));
        }
        Ok(())
    }

    /// Completes the corpus with checked claims, their index, and the
    /// records a streaming reader skipped.
    pub(crate) fn into_corpus(
        self,
        mut claims: Vec<Claim>,
        claim_index: ClaimIndex,
        skipped: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    ) -> Corpus {
        // The vector's spare room would stay for the corpus's life (up to
        // half of it, as it grew by doubling).
        claims.shrink_to_fit();
        Corpus {
            header: self,
            claims,
            claim_index,
            skipped,
            warnings,
        }
    }
}

/// A file read whole, as a limit's message names it: its size is
/// bounded by [`Limits::max_input_len`].
pub(crate) const FILE_SIZE: &str = "file size in bytes";
/// An article's text file, bounded by [`Limits::max_article_len`] as an
/// inline text is, and named so in a crossed limit's message.
pub(crate) const ARTICLE_LENGTH: &str = "article length in bytes";
/// A settings file (a policy, a vocabulary, name tables): read with the
/// default input limit by readers that take no [`Limits`], so its message
/// names the limit as fixed, not a setter they cannot take.
pub(crate) const SETTINGS_FILE_SIZE: &str = "settings file size in bytes";

/// The bytes of the file at `path`, refused before reading when its size
/// is over `limit`, with a message naming the limit as `what`
/// ([`FILE_SIZE`], [`ARTICLE_LENGTH`] or [`SETTINGS_FILE_SIZE`]).
pub(crate) fn read_file(path: &Path, limit: usize, what: &'static str) -> Result<Vec<u8>, Error> {
    let metadata = std::fs::metadata(path).map_err(|e| {
        let action = if e.kind() == std::io::ErrorKind::NotFound {
            "find the file"
        } else {
            "read the file's metadata"
        };
        Error::io(action, e).with_file(path)
    })?;
    if metadata.len() > limit as u64 {
        return Err(Error::new(ErrorKind::Limit {
            what,
            found: usize::try_from(metadata.len()).unwrap_or(usize::MAX),
            limit,
        })
        .with_file(path));
    }
    std::fs::read(path).map_err(|e| Error::io("read the file", e).with_file(path))
}

fn locate_evidence(
    text: &str,
    publication: &SourceId,
    evidence: &mut crate::model::Evidence,
) -> Result<(), Error> {
    let snippet = |s: &str| -> String {
        let mut out: String = s.chars().take(80).collect();
        if s.chars().count() > 80 {
            out.push('…');
        }
        out
    };
    if let Some([start, end]) = evidence.span {
        let found = text.get(start..end);
        if found == Some(&*evidence.text) {
            return Ok(());
        }
        return Err(Error::new(ErrorKind::EvidenceSpan {
            start,
            end,
            text: snippet(&evidence.text),
            source_id: publication.to_string(),
            found: match found {
                Some(other) => format!("the span holds {:?}", snippet(other)),
                None => format!(
                    "the span is not within the text's {} bytes at character boundaries",
                    text.len()
                ),
            },
        })
        .in_field("assertion.evidence.span"));
    }
    match text.find(&*evidence.text) {
        Some(start) if !evidence.text.is_empty() => {
            evidence.span = Some([start, start + evidence.text.len()]);
            Ok(())
        }
        _ => Err(Error::new(ErrorKind::EvidenceNotFound {
            text: snippet(&evidence.text),
            source_id: publication.to_string(),
        })
        .in_field("assertion.evidence.text")),
    }
}

#[cfg(test)]
mod tests {
    use super::line_of_path;

    /// Paths are followed through objects and arrays, past strings that
    /// hold brackets, commas, quotes and braces.
    #[test]
    fn line_of_path_finds_the_value() {
        let json = "{\"title\": \"a [b], {c} \\\"d\\\"\",\n \"sources\": [\n  {\"id\": \"a\"},\n  {\"name\": \"x,]}\",\n   \"id\": \"b\", \"n\": [1, [2, 3]]}\n ],\n \"format\": \"f\"}";
        assert_eq!(line_of_path(json, "title"), Some(1));
        assert_eq!(line_of_path(json, "sources"), Some(2));
        assert_eq!(line_of_path(json, "sources[0]"), Some(3));
        assert_eq!(line_of_path(json, "sources[1]"), Some(4));
        assert_eq!(line_of_path(json, "sources[1].id"), Some(5));
        assert_eq!(line_of_path(json, "sources[1].n[1][0]"), Some(5));
        assert_eq!(line_of_path(json, "format"), Some(7));
        assert_eq!(line_of_path(json, "sources[2]"), None);
        assert_eq!(line_of_path(json, "missing"), None);
        assert_eq!(line_of_path(json, "title[0]"), None);
    }

    /// A settings file over its limit is refused as over a fixed limit:
    /// `Policy::from_path` and the other settings readers take no
    /// `Limits`, so naming a setter would be advice no caller can follow.
    /// A corpus file names the setter that raises its limit.
    #[test]
    fn a_settings_file_limit_names_no_setter() {
        let path = std::env::temp_dir().join(format!(
            "corroborate-settings-limit-{}.json",
            std::process::id()
        ));
        std::fs::write(&path, "{\"vocabulary\": \"default\"}").unwrap();
        let settings = super::read_file(&path, 4, super::SETTINGS_FILE_SIZE).unwrap_err();
        let corpus = super::read_file(&path, 4, super::FILE_SIZE).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(settings.is_limit(), "{settings}");
        assert!(
            settings
                .to_string()
                .ends_with("settings file size in bytes is 25, over the limit of 4; expected at most 4, a fixed limit"),
            "{settings}"
        );
        assert!(
            corpus
                .to_string()
                .ends_with("Limits::with_max_input_len raises it"),
            "{corpus}"
        );
    }
}
