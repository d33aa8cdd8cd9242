//! The crate's one error type.
//!
//! [`Error`] is opaque: it wraps a private kind and the place where the
//! problem was found (file, line and column, claim, field). Its message
//! names all of them, the bad value and what was expected, in lower case
//! with no trailing period, for example:
//!
//! ```text
//! corpus.json:6:48: claim a004-strength: field claims[0].value.quantity: 500 is less than min 1500 (an inverted range); expected max >= min
//! ```

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::path::{Path, PathBuf};

/// An error from reading a corpus, parsing an expression, or building a
/// model value.
///
/// Analysis itself does not fail on messy data: it returns a
/// [`Report`](crate::Report) whose diagnostics say what was skipped. `Error`
/// is for input that cannot be read at all, or for API misuse such as a
/// reference to an unknown source.
///
/// ```
/// use corroborate::Corpus;
/// let err = Corpus::from_json_str(r#"{"format": "corroborate/1", "claims": [], "bogus": 1}"#)
///     .unwrap_err();
/// assert!(err.to_string().contains("unknown field `bogus`"));
/// assert_eq!(err.line(), Some(1));
/// ```
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    file: Option<PathBuf>,
    line: Option<u64>,
    column: Option<u64>,
    claim: Option<String>,
    field: Option<String>,
    /// Why the input was read as it was, after the message (see
    /// [`Error::noting`]).
    note: Option<String>,
}

/// Where the first of two claims, entities or sources of one id is, as
/// a duplicate's message names it.
#[derive(Debug)]
pub(crate) enum FirstAt {
    /// The path in a JSON document (`claims[3]`), with its line once
    /// known: `at claims[3], line 9`.
    Path(String, Option<u64>),
}

impl fmt::Display for FirstAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FirstAt::Path(path, None) => write!(f, "at {path}"),
            FirstAt::Path(path, Some(line)) => write!(f, "at {path}, line {line}"),
        }
    }
}

/// What went wrong; private so that variants can change without breaking
/// users. Users ask through [`Error`]'s predicates and accessors instead.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ErrorKind {
    #[error("cannot {action}: {source}")]
    Io {
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// An I/O error on a file a corpus file names (an article's
    /// `text_file`): the error's file is the corpus file, and this is
    /// the file named.
    #[error("cannot {action} {path:?}: {source}")]
    IoAt {
        action: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{message}")]
    Syntax { message: String },
    #[error("{message}")]
    Schema { message: String },
    #[error("{value:?} is not a valid {kind}; expected {expected}")]
    InvalidId {
        kind: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("{value} {problem}; expected {expected}")]
    InvalidValue {
        value: String,
        problem: String,
        expected: String,
    },
    #[error(
        "unknown {kind} {id:?}; expected the id of {} {kind} declared in the corpus",
        article(kind)
    )]
    UnknownReference { kind: &'static str, id: String },
    /// An id given twice; `first` is where the first is, where the
    /// message names it: its path in a JSON document (`claims[3]`).
    #[error("duplicate {kind} id {id:?}{}; expected each {kind} id once", match first {
        Some(first) => format!(" (first {first})"),
        None => String::new(),
    })]
    Duplicate {
        kind: &'static str,
        id: String,
        first: Option<FirstAt>,
    },
    /// An id declared in two documents joined into one header (a side
    /// header and a JSON Lines header line): `first` and `second` name
    /// the two places ("in the side header h.json (`entities[0]`)", "on
    /// line 1").
    #[error(
        "{kind} id {id:?} is declared both {first} and {second}; expected each {kind} id once, in one of them"
    )]
    DuplicateAcross {
        kind: &'static str,
        id: String,
        first: String,
        second: String,
    },
    #[error(
        "attribution chain names source {id:?} twice (a cycle); expected each source at most once from publication to origin"
    )]
    Cycle { id: String },
    #[error(
        "evidence text {text:?} is not found in the text of publication {source_id:?}; expected {EVIDENCE_FOUND}"
    )]
    EvidenceNotFound { text: String, source_id: String },
    #[error(
        "evidence span {start}..{end} does not hold {text:?} in publication {source_id:?}; {found}; expected {EVIDENCE_SPAN}"
    )]
    EvidenceSpan {
        start: usize,
        end: usize,
        text: String,
        source_id: String,
        found: String,
    },
    #[error("{}{}; expected UTF-8 text", match byte {
        Some(byte) => format!("byte 0x{byte:02x} at offset {offset} is not UTF-8"),
        None => format!("the input ends inside a UTF-8 sequence at byte offset {offset}"),
    }, utf16_hint(*offset, *byte))]
    NotUtf8 { offset: usize, byte: Option<u8> },
    /// Bytes that are not UTF-8 in a file a corpus file names.
    #[error("{} of {path:?} is not UTF-8{}; expected UTF-8 text", match byte {
        Some(byte) => format!("byte 0x{byte:02x} at offset {offset}"),
        None => format!("the end, inside a UTF-8 sequence at byte offset {offset},"),
    }, utf16_hint(*offset, *byte))]
    NotUtf8At {
        path: String,
        offset: usize,
        byte: Option<u8>,
    },
    #[error("the input is empty; expected {expected}")]
    Empty { expected: &'static str },
    #[error("cannot read {input:?} at byte {position}: {problem}; expected {expected}")]
    Expression {
        input: String,
        position: usize,
        problem: String,
        expected: String,
    },
    /// `split` names the character a row of one cell holds where the
    /// header's delimiter would be (" (its one cell holds 6 \";\" …)"),
    /// or is empty.
    #[error("row has {found} column{}{split}; expected {expected} as in the header", if *found == 1 { "" } else { "s" })]
    RowWidth {
        found: usize,
        expected: usize,
        split: String,
    },
    #[error(
        "JSON nesting depth is over the limit of {limit}; expected arrays and objects nested at most {limit} deep"
    )]
    DepthLimit { limit: usize },
    #[error("{what} is {found}, over the limit of {limit}; expected {}", limit_expected(what, *limit))]
    Limit {
        what: &'static str,
        found: usize,
        limit: usize,
    },
}

/// What a crossed limit expected, with the [`Limits`](crate::Limits)
/// setter that raises it, by the limit's `what`: a limit message had said
/// only what was over (seventeenth audit, D8). A line or row is bounded by
/// 64 times the longest text field ([`Limits::max_line_len`](crate::Limits::max_line_len));
/// the number of claims is fixed.
fn limit_expected(what: &str, limit: usize) -> String {
    let raise = match what {
        "input size in bytes" | "file size in bytes" => "Limits::with_max_input_len",
        "article length in bytes" => "Limits::with_max_article_len",
        "text length in bytes" => "Limits::with_max_text_len",
        "attribution chain length" => "Limits::with_max_chain_depth",
        _ if what.contains("line") || what.contains("row") => {
            "Limits::with_max_text_len raises it, as a line or row may be 64 times the longest text field"
        }
        _ => return format!("at most {limit}, a fixed limit"),
    };
    if raise.contains(' ') {
        format!("at most {limit}; {raise}")
    } else {
        format!("at most {limit}; {raise} raises it")
    }
}

/// What evidence that is not found should have been.
const EVIDENCE_FOUND: &str = "words that the publication's text holds, written as it writes them";
/// What an evidence span that does not hold its text should have been.
const EVIDENCE_SPAN: &str = "the byte offsets of the evidence text in the publication's text";

/// A hint for bytes that open a UTF-16 text (its byte-order mark, `FF
/// FE` or `FE FF`, whose bytes never occur in UTF-8): what a spreadsheet's
/// "Unicode text" export writes. Empty for any other bad byte.
fn utf16_hint(offset: usize, byte: Option<u8>) -> &'static str {
    match (offset, byte) {
        (0, Some(0xFF | 0xFE)) => {
            " (it looks like UTF-16, whose files open with the bytes FF FE or FE FF, as a spreadsheet's \"Unicode text\" export does: save it as UTF-8)"
        }
        _ => "",
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

thread_local! {
    /// The last error this thread handed to serde as a custom error, by
    /// its message: serde keeps only the text, and the error made from
    /// serde's (see [`take_handed`]) takes the kind back when the texts
    /// match, so that its value and expectation stay structured.
    static HANDED: RefCell<Option<(String, ErrorKind)>> = const { RefCell::new(None) };
}

/// The kind of the error handed to serde whose message is `message`, if
/// this thread handed it (and it was the last one handed).
pub(crate) fn take_handed(message: &str) -> Option<ErrorKind> {
    HANDED.with(|handed| match handed.borrow_mut().take() {
        Some((text, kind)) if text == message => Some(kind),
        _ => None,
    })
}

/// An error that a `Deserialize` impl hands to serde.
pub(crate) trait IntoSerde {
    /// The error as serde's custom error.
    fn into_serde<X: serde::de::Error>(self) -> X;
}

impl IntoSerde for Error {
    fn into_serde<X: serde::de::Error>(self) -> X {
        let message = self.to_string();
        let error = X::custom(&message);
        // Only a bare kind: a place or field would be in the message and
        // lost from the kind.
        let inner = *self.inner;
        if inner.file.is_none()
            && inner.line.is_none()
            && inner.column.is_none()
            && inner.claim.is_none()
            && inner.field.is_none()
        {
            HANDED.with(|handed| *handed.borrow_mut() = Some((message, inner.kind)));
        }
        error
    }
}

impl IntoSerde for std::convert::Infallible {
    fn into_serde<X: serde::de::Error>(self) -> X {
        match self {}
    }
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                file: None,
                line: None,
                column: None,
                claim: None,
                field: None,
                note: None,
            }),
        }
    }

    /// Drops the error's line, keeping its column: for an error found in
    /// one line of a file whose caller gives the line itself.
    pub(crate) fn without_line(mut self) -> Error {
        self.inner.line = None;
        self
    }

    /// Drops the error's line and column: for an error found in a part
    /// of a document read again on its own, whose places are the part's.
    pub(crate) fn without_position(mut self) -> Error {
        self.inner.line = None;
        self.inner.column = None;
        self
    }

    /// For a value read in parts (a date span's ends): the error names the
    /// whole value, and says which part (`part`, such as "an end") was bad.
    pub(crate) fn in_part_of(mut self, whole: &str, part: &str) -> Error {
        if let ErrorKind::InvalidValue { value, problem, .. } = &mut self.inner.kind {
            *problem = format!("has {part} {value} that {problem}");
            *value = format!("{whole:?}");
        }
        self
    }

    /// Appends `note` to the message of an error about what the input
    /// holds (malformed, or breaking the format's rules: a syntax or
    /// schema error, a bad id or value, such as a wrong `format` tag): why
    /// the input was read as it was. Other errors (I/O, limits, ids that
    /// do not fit together) are left as they are.
    pub(crate) fn noting(mut self, note: &str) -> Error {
        if matches!(
            self.inner.kind,
            ErrorKind::Syntax { .. }
                | ErrorKind::Schema { .. }
                | ErrorKind::InvalidId { .. }
                | ErrorKind::InvalidValue { .. }
        ) {
            self.inner.note.get_or_insert_default().push_str(note);
        }
        self
    }

    pub(crate) fn invalid_value(
        value: impl fmt::Display,
        problem: impl Into<String>,
        expected: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::InvalidValue {
            value: value.to_string(),
            problem: problem.into(),
            expected: expected.into(),
        })
    }

    pub(crate) fn io(action: &'static str, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Io { action, source })
    }

    /// An error reading `name`, a file the corpus file names: the file
    /// read is named in the message, and the error's file is left for
    /// the corpus file's, so that its line is the corpus file's line.
    pub(crate) fn about_named_file(mut self, name: &str) -> Error {
        self.inner.file = None;
        let kind = std::mem::replace(&mut self.inner.kind, ErrorKind::Empty { expected: "" });
        self.inner.kind = match kind {
            ErrorKind::Io { action, source } => ErrorKind::IoAt {
                action,
                path: name.to_string(),
                source,
            },
            ErrorKind::NotUtf8 { offset, byte } => ErrorKind::NotUtf8At {
                path: name.to_string(),
                offset,
                byte,
            },
            other => other,
        };
        self
    }

    pub(crate) fn with_file(mut self, file: impl AsRef<Path>) -> Error {
        if self.inner.file.is_none() {
            self.inner.file = Some(file.as_ref().to_path_buf());
        }
        self
    }

    /// For a duplicate id whose first is named by its path in a JSON
    /// document: that path, to find its line by.
    pub(crate) fn first_path(&self) -> Option<&str> {
        match &self.inner.kind {
            ErrorKind::Duplicate {
                first: Some(FirstAt::Path(path, None)),
                ..
            } => Some(path),
            _ => None,
        }
    }

    /// Gives a duplicate id's first, named by its path, its line.
    pub(crate) fn with_first_line(mut self, line: u64) -> Error {
        if let ErrorKind::Duplicate {
            first: Some(FirstAt::Path(_, at @ None)),
            ..
        } = &mut self.inner.kind
        {
            *at = Some(line);
        }
        self
    }

    pub(crate) fn with_position(mut self, line: u64, column: Option<u64>) -> Error {
        if self.inner.line.is_none() {
            self.inner.line = Some(line);
            self.inner.column = column;
        }
        self
    }

    pub(crate) fn in_claim(mut self, claim: impl fmt::Display) -> Error {
        if self.inner.claim.is_none() {
            self.inner.claim = Some(claim.to_string());
        }
        self
    }

    /// Sets the field, prefixing a field that is already set: calling
    /// `in_field("value")` on an error at `quantity.max` gives
    /// `value.quantity.max`.
    pub(crate) fn in_field(mut self, field: impl fmt::Display) -> Error {
        self.inner.field = Some(match self.inner.field.take() {
            None => field.to_string(),
            Some(inner) if inner.starts_with('[') => format!("{field}{inner}"),
            Some(inner) => format!("{field}.{inner}"),
        });
        self
    }

    /// Rewrites the error's field path, if it has one: for an error found
    /// in a list joined from two documents, whose indexes are the joined
    /// list's.
    pub(crate) fn map_field(mut self, map: impl FnOnce(&str) -> String) -> Error {
        if let Some(field) = &self.inner.field {
            self.inner.field = Some(map(field));
        }
        self
    }

    /// The file the error was found in, when it came from a file.
    pub fn file(&self) -> Option<&Path> {
        self.inner.file.as_deref()
    }

    /// The 1-based line the error was found on, when known.
    pub fn line(&self) -> Option<u64> {
        self.inner.line
    }

    /// The 1-based column the error was found at, when known.
    pub fn column(&self) -> Option<u64> {
        self.inner.column
    }

    /// The id of the claim the error concerns, when it concerns one.
    pub fn claim(&self) -> Option<&str> {
        self.inner.claim.as_deref()
    }

    /// The path of the field the error concerns, such as
    /// `claims[3].value.quantity.max` or `assertion.chain[1]`.
    pub fn field(&self) -> Option<&str> {
        self.inner.field.as_deref()
    }

    /// What kind of problem this is, to `match` on; the same answer as
    /// the `is_*` predicates.
    ///
    /// ```
    /// use corroborate::{Corpus, ErrorCategory};
    /// let err = Corpus::from_json_str(r#"{"format": "corroborate/1",
    ///   "claims": [{"id": "c1", "subject": "nobody", "property": "killed",
    ///     "value": {"quantity": {"exact": 3}}, "assertion": {"chain": ["x"]}}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.category(), ErrorCategory::Inconsistent);
    /// ```
    pub fn category(&self) -> ErrorCategory {
        if self.is_io() {
            ErrorCategory::Io
        } else if self.is_syntax() {
            ErrorCategory::Syntax
        } else if self.is_invalid() {
            ErrorCategory::Invalid
        } else if self.is_inconsistent() {
            ErrorCategory::Inconsistent
        } else {
            ErrorCategory::Limit
        }
    }

    /// The bad value, as the message shows it (an id or text in quotation
    /// marks, a number as written): `"500"` of "500 is less than min 1500
    /// (an inverted range)", the id of an unknown reference, the text of
    /// an expression that cannot be read, the count over a limit. `None`
    /// when the problem is not one value: an I/O error, malformed JSON,
    /// bytes that are not UTF-8, an empty input.
    ///
    /// ```
    /// use corroborate::{Corpus, Vocabulary, parse_quantity};
    /// let err = Corpus::from_json_str(r#"{"format": "corroborate/1",
    ///   "entities": [{"id": "e", "name": "E"}],
    ///   "sources": [{"id": "s", "kind": "publication", "name": "S"}],
    ///   "claims": [{"id": "c1", "subject": "e", "property": "killed",
    ///     "value": {"quantity": {"range": [1500, 500]}}, "assertion": {"chain": ["s"]}}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.value().as_deref(), Some("500"));
    /// assert_eq!(err.expected().as_deref(), Some("max >= min"));
    ///
    /// let err = parse_quantity("some fighters", &Vocabulary::default()).unwrap_err();
    /// assert_eq!(err.value().as_deref(), Some("\"some fighters\""));
    /// ```
    pub fn value(&self) -> Option<Cow<'_, str>> {
        Some(match &self.inner.kind {
            ErrorKind::InvalidId { value, .. } => Cow::Owned(format!("{value:?}")),
            ErrorKind::InvalidValue { value, .. } => Cow::Borrowed(value.as_str()),
            ErrorKind::UnknownReference { id, .. }
            | ErrorKind::Duplicate { id, .. }
            | ErrorKind::DuplicateAcross { id, .. }
            | ErrorKind::Cycle { id } => Cow::Owned(format!("{id:?}")),
            ErrorKind::EvidenceNotFound { text, .. } | ErrorKind::EvidenceSpan { text, .. } => {
                Cow::Owned(format!("{text:?}"))
            }
            ErrorKind::Expression { input, .. } => Cow::Owned(format!("{input:?}")),
            ErrorKind::RowWidth { found, .. } | ErrorKind::Limit { found, .. } => {
                Cow::Owned(found.to_string())
            }
            ErrorKind::Io { .. }
            | ErrorKind::IoAt { .. }
            | ErrorKind::Syntax { .. }
            | ErrorKind::Schema { .. }
            | ErrorKind::NotUtf8 { .. }
            | ErrorKind::NotUtf8At { .. }
            | ErrorKind::Empty { .. }
            | ErrorKind::DepthLimit { .. } => return None,
        })
    }

    /// What was expected instead, as the message says it after
    /// "expected": "max >= min", "the id of a source declared in the
    /// corpus", "UTF-8 text", "at most 1000000; Limits::with_max_input_len
    /// raises it" for a limit. `None` for an
    /// I/O error and for malformed JSON or a schema error, whose message
    /// (from the JSON reader) says it in its own words.
    pub fn expected(&self) -> Option<Cow<'_, str>> {
        Some(match &self.inner.kind {
            ErrorKind::InvalidId { expected, .. } | ErrorKind::Empty { expected } => {
                Cow::Borrowed(*expected)
            }
            ErrorKind::InvalidValue { expected, .. } | ErrorKind::Expression { expected, .. } => {
                Cow::Borrowed(expected.as_str())
            }
            ErrorKind::UnknownReference { kind, .. } => Cow::Owned(format!(
                "the id of {} {kind} declared in the corpus",
                article(kind)
            )),
            ErrorKind::Duplicate { kind, .. } => Cow::Owned(format!("each {kind} id once")),
            ErrorKind::DuplicateAcross { kind, .. } => {
                Cow::Owned(format!("each {kind} id once, in one of them"))
            }
            ErrorKind::Cycle { .. } => {
                Cow::Borrowed("each source at most once from publication to origin")
            }
            ErrorKind::EvidenceNotFound { .. } => Cow::Borrowed(EVIDENCE_FOUND),
            ErrorKind::EvidenceSpan { .. } => Cow::Borrowed(EVIDENCE_SPAN),
            ErrorKind::NotUtf8 { .. } | ErrorKind::NotUtf8At { .. } => Cow::Borrowed("UTF-8 text"),
            ErrorKind::RowWidth { expected, .. } => {
                Cow::Owned(format!("{expected} columns as in the header"))
            }
            ErrorKind::DepthLimit { limit } => {
                Cow::Owned(format!("arrays and objects nested at most {limit} deep"))
            }
            ErrorKind::Limit { what, limit, .. } => Cow::Owned(limit_expected(what, *limit)),
            ErrorKind::Io { .. }
            | ErrorKind::IoAt { .. }
            | ErrorKind::Syntax { .. }
            | ErrorKind::Schema { .. } => return None,
        })
    }

    /// True when a file or stream could not be read or written.
    pub fn is_io(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::Io { .. } | ErrorKind::IoAt { .. }
        )
    }

    /// True when the input is not well-formed: malformed JSON, bytes that
    /// are not UTF-8, an empty file, a table row of the wrong width, or an
    /// expression that cannot be read.
    pub fn is_syntax(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::Syntax { .. }
                | ErrorKind::NotUtf8 { .. }
                | ErrorKind::NotUtf8At { .. }
                | ErrorKind::Empty { .. }
                | ErrorKind::RowWidth { .. }
                | ErrorKind::Expression { .. }
        )
    }

    /// True when well-formed input breaks the format's rules: an unknown,
    /// missing or mistyped field, a document that is not an object, a bad
    /// identifier, or a bad value (an inverted range, a negative count, a
    /// non-finite or out-of-range number, an impossible date, an empty
    /// quote or evidence).
    pub fn is_invalid(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::Schema { .. } | ErrorKind::InvalidId { .. } | ErrorKind::InvalidValue { .. }
        )
    }

    /// True when the parts of a corpus do not fit together: an unknown
    /// reference, a duplicate id, a cycle in an attribution chain, or
    /// evidence that is not in its publication.
    pub fn is_inconsistent(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::UnknownReference { .. }
                | ErrorKind::Duplicate { .. }
                | ErrorKind::DuplicateAcross { .. }
                | ErrorKind::Cycle { .. }
                | ErrorKind::EvidenceNotFound { .. }
                | ErrorKind::EvidenceSpan { .. }
        )
    }

    /// True when the input crossed one of the documented
    /// [`Limits`](crate::Limits), including JSON nested deeper than 128
    /// levels.
    pub fn is_limit(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::Limit { .. } | ErrorKind::DepthLimit { .. }
        )
    }
}

/// The kind of an [`Error`], from [`Error::category`]. New categories
/// may be added.
///
/// ```
/// use corroborate::{parse_quantity, ErrorCategory, Vocabulary};
/// match parse_quantity("lots", &Vocabulary::default()).unwrap_err().category() {
///     ErrorCategory::Syntax => {}
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// A file or stream could not be read or written
    /// ([`Error::is_io`]).
    Io,
    /// The input is not well-formed ([`Error::is_syntax`]).
    Syntax,
    /// Well-formed input breaks the format's rules
    /// ([`Error::is_invalid`]).
    Invalid,
    /// The parts of a corpus do not fit together
    /// ([`Error::is_inconsistent`]).
    Inconsistent,
    /// The input crossed one of the [`Limits`](crate::Limits)
    /// ([`Error::is_limit`]).
    Limit,
}

/// A writer that passes text on to a formatter with each character that
/// would act on a terminal (a control character, a bidirectional
/// override) written as its escape, `\u{1b}`: a message names the bad
/// value, and a value that holds an escape sequence must not clear the
/// screen of the person reading why it was refused (eleventh audit, F6:
/// serde's own messages quote an unknown field as it is).
struct Shown<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for Shown<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(crate::render::acts) {
            self.0.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or(' ');
            write!(self.0, "{}", crate::render::Escaped(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        let inner = &self.inner;
        let f = &mut Shown(f);
        if let Some(file) = &inner.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = inner.line {
                write!(f, ":{line}")?;
                if let Some(column) = inner.column {
                    write!(f, ":{column}")?;
                }
            }
            f.write_str(": ")?;
        } else if let Some(line) = inner.line {
            write!(f, "line {line}")?;
            if let Some(column) = inner.column {
                write!(f, " column {column}")?;
            }
            f.write_str(": ")?;
        } else if let Some(column) = inner.column {
            write!(f, "column {column}: ")?;
        }
        if let Some(claim) = &inner.claim {
            write!(f, "claim {claim}: ")?;
        }
        if let Some(field) = &inner.field {
            write!(f, "field {field}: ")?;
        }
        write!(f, "{}", inner.kind)?;
        if let Some(note) = &inner.note {
            f.write_str(note)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug shows the same message so that `main() -> Result` and
        // `unwrap` print something a person can act on.
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
