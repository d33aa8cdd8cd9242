//! Cross-reference claims from many sources about one event: where they
//! agree, where they conflict, which figure is newer, and how many
//! independent origins stand behind each one.
//!
//! Large inputs, a newsroom archive or a truth-discovery dataset with a
//! million assertions, are read as a stream by [`StreamReader`]: JSON
//! Lines (a header line, then one claim per line) or a CSV/TSV table with
//! one assertion per row. Records that cannot be used are skipped and
//! listed, with `file:line`, in [`Corpus::skipped`] and in the report's
//! diagnostics:
//!
//! ```
//! use corroborate::{Policy, StreamReader, analyze};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stream/claims.csv");
//! let corpus = StreamReader::new().read_path(path)?;
//! let report = analyze(&corpus, &Policy::default());
//! assert_eq!(report.summary.skipped, corpus.skipped().len());
//! # Ok::<(), corroborate::Error>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod analyze;
mod corpus;
mod error;
mod id;
mod model;
mod parse;
mod period;
mod policy;
mod quantity;
mod relation;
mod render;
mod report;
mod resolve;
mod stream;
mod vocab;

pub use analyze::{Analyzer, MAX_QUOTE_BLOCK, analyze};
pub use corpus::{CORPUS_FILE_NAME, Corpus, FORMAT, Limits};
pub use error::Error;
pub use id::{ClaimId, EntityId, MAX_ID_LEN, Property, SourceId};
pub use model::{
    Assertion, Certainty, Claim, Entity, Evidence, Modality, Polarity, Quote, Scope, Source,
    SourceKind, Statement, Status, Value,
};
pub use parse::{
    Mention, MentionKind, MentionRecord, ScanOptions, parse_date, parse_quantity, scan,
};
pub use period::{Period, Precision};
pub use policy::{Policy, Similarity};
pub use quantity::{Amount, Interval, MAX_AMOUNT, Quantity, QuantityForm};
pub use relation::{Relation, RelationEvidence, RelationKind, ScopeDifference, WordChange};
pub use render::TextOptions;
pub use report::{
    ClaimEntry, Diagnostic, Dropped, Misattribution, Origin, Position, PositionRelation,
    RelayFinding, Report, ScopeGroup, Settings, Severity, Summary, Topic, Verdict,
};
pub use resolve::{MergeRule, NameMerge, Resolution};
pub use stream::{JSONL_FORMAT, StreamReader, TableFormat};
pub use vocab::{CodingRule, Tolerance, VagueEntry, Vocabulary};
