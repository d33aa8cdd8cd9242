//! Cross-reference claims from many sources about one event: where they
//! agree, where they conflict, which figure is newer, and how many
//! independent origins stand behind each one.
//!
//! ```
//! use corroborate::{analyze, Corpus, Policy, Verdict};
//!
//! // Two outlets relay one UN estimate; a third source projects a larger
//! // figure "over the medium term".
//! let corpus = Corpus::from_json_str(r#"{
//!   "format": "corroborate/1",
//!   "entities": [{"id": "isis-k", "name": "ISIS-K", "aliases": ["ISIL-K"]}],
//!   "sources": [
//!     {"id": "a1", "kind": "publication", "name": "Outlet one"},
//!     {"id": "a2", "kind": "publication", "name": "Outlet two"},
//!     {"id": "un-report", "kind": "report", "name": "UN Monitoring Team report"},
//!     {"id": "state-a", "kind": "group", "name": "one member state", "anonymous": true},
//!     {"id": "state-b", "kind": "group", "name": "another member state", "anonymous": true}
//!   ],
//!   "claims": [
//!     {"id": "c1", "subject": "isis-k", "property": "fighter_strength",
//!      "value": {"quantity": {"range": [500, 1500], "unit": "fighters"}},
//!      "scope": {"status": "estimated"},
//!      "assertion": {"chain": ["a1", "un-report", "state-a"], "verb": "estimated"}},
//!     {"id": "c2", "subject": "isis-k", "property": "fighter_strength",
//!      "value": {"quantity": {"range": [500, 1500], "unit": "fighters"}},
//!      "scope": {"status": "estimated"},
//!      "assertion": {"chain": ["a2", "un-report"]}},
//!     {"id": "c3", "subject": "isis-k", "property": "fighter_strength",
//!      "value": {"quantity": {"at_most": 10000}},
//!      "scope": {"status": "projected", "horizon": "over the medium term"},
//!      "assertion": {"chain": ["a1", "un-report", "state-b"], "modality": {"certainty": "possible"}}}
//!   ]
//! }"#)?;
//!
//! let report = analyze(&corpus, &Policy::default());
//! let topic = &report.topics[0];
//! // An estimate against a projection: a difference of scope, not a conflict.
//! assert_eq!(topic.verdict, Verdict::DifferentScope);
//! // Two articles, one independent origin: the UN report counts once.
//! let estimate = &topic.scopes[0].positions[0];
//! assert_eq!((estimate.publications.len(), estimate.origins.len()), (2, 1));
//! println!("{}", report.render_text(100));
//! # Ok::<(), corroborate::Error>(())
//! ```
//!
//! # Overview
//!
//! | type | role |
//! |---|---|
//! | [`Corpus`] | entities, sources and claims, checked; read from the JSON format (`data/README.md`) |
//! | [`Claim`] | content (subject, [`Property`], [`Value`], [`Scope`]) plus [`Assertion`] ([`Chain`], verb, [`Modality`], evidence) |
//! | [`Quantity`], [`Period`], [`Quote`], [`Statement`] | values with their uncertainty: intervals with a form, dates at a [`Precision`] |
//! | [`Vocabulary`] | the swappable table that gives "dozens" or "about" its interval, and coding profiles such as ACLED's |
//! | [`Policy`] | thresholds, vocabulary, cumulative, current and single-valued properties |
//! | [`analyze`](fn@analyze), [`Analyzer`] | the engine: topics, positions, relations, verdicts, relay checks |
//! | [`Report`] | the typed result, rendered as text, Markdown or JSON |
//! | [`scan`], [`parse_quantity`], [`parse_date`] | read quantities and dates out of English news text |
//! | [`Error`] | the one error type, naming file, line, claim and field |
//!
//! # Cookbook
//!
//! **Relate two claims.** [`Analyzer::relate`] gives the [`Relation`] of one
//! claim to another, with its evidence and a sentence.
//!
//! **Code vague quantities as numbers.** [`Vocabulary::acled`] records
//! "dozens" as 12 and "hundreds" as 100: `Vocabulary::acled().code(&q)`.
//! Comparisons always use intervals.
//!
//! **Swap the vocabulary.** Read one with [`Vocabulary::from_json_str`] and
//! pass it with [`Policy::with_vocabulary`].
//!
//! **Give a date.** Dates and times in the API are [`chrono`]'s
//! (`NaiveDate` for [`ScanOptions::with_reference_date`], [`parse_date`]
//! and [`Period::from_date`]; `NaiveDateTime` for [`Period::containing`]
//! and [`Period::start`]). The crate re-exports the chrono it is built
//! with, so `corroborate::chrono` needs no dependency of your own, and
//! its types are always the ones the API takes:
//!
//! ```
//! use corroborate::chrono::NaiveDate;
//! use corroborate::{Period, ScanOptions};
//! let date = NaiveDate::from_ymd_opt(2021, 8, 25).unwrap();
//! let options = ScanOptions::new().with_reference_date(date);
//! assert_eq!(Period::from_date(date).start_date(), date);
//! assert_eq!(options.vocabulary().name(), "default");
//! ```
//!
//! **Read numbers out of text.**
//!
//! ```
//! use corroborate::{scan, ScanOptions};
//! let mentions = scan("it may rise to as many as 10,000 over the medium term", &ScanOptions::new());
//! assert_eq!(mentions[0].text(), "as many as 10,000");
//! // A projection, to its horizon, as the corpus format's scope says.
//! assert_eq!(mentions[0].status(), corroborate::Status::Projected);
//! assert_eq!(mentions[0].horizon(), Some("over the medium term"));
//! ```
//!
//! **Mark a property as a running toll.** [`Policy::with_cumulative`]: a
//! later report then supersedes an earlier one instead of conflicting.
//!
//! **Read large inputs as a stream.** A newsroom archive or a
//! truth-discovery dataset with a million assertions is read as a stream
//! by [`StreamReader`]: JSON
//! Lines (a header line, then one claim per line) or a CSV/TSV table with
//! one assertion per row. Records that cannot be used are skipped and
//! listed, with `file:line`, in [`Corpus::skipped`] and in the report's
//! diagnostics; records kept but warned about (a table cell that begins
//! with a number but is kept as text), in [`Corpus::warnings`]:
//!
//! ```
//! use corroborate::{Policy, StreamReader, analyze};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stream/claims.csv");
//! let corpus = StreamReader::new().read_path(path)?;
//! let report = analyze(&corpus, &Policy::default());
//! assert_eq!(report.summary.skipped, corpus.skipped().len());
//! assert_eq!(report.summary.warned, corpus.warnings().len());
//! # Ok::<(), corroborate::Error>(())
//! ```
//!
//! **Write a large report as a stream.** The full [`Report`] holds every
//! topic; [`Analyzer::write_jsonl`] writes each topic as JSON Lines as
//! soon as it is analysed and keeps none ([`Analyzer::report_each`] hands
//! them to your code instead). [`Analyzer::write_text`] and
//! [`Analyzer::write_markdown`] keep the readable report's verdict order
//! and hold only each topic's text until the summary at its head is
//! known; [`Analyzer::write_text_with_scratch`],
//! [`Analyzer::write_markdown_with_scratch`] and
//! [`Analyzer::write_json_with_scratch`] hold that text in a scratch
//! file you give them instead, so that memory stays flat:
//!
//! ```
//! use corroborate::{Analyzer, Policy, StreamReader};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stream/claims.csv");
//! let corpus = StreamReader::new().read_path(path)?;
//! let policy = Policy::default();
//! let mut out = Vec::new();
//! let summary = Analyzer::new(&corpus, &policy).write_jsonl(&mut out)?;
//! assert_eq!(summary.claims, corpus.claims().len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Derives `Deserialize` (and, with `serialize`, `Serialize`) for a
/// record struct whose derive is `#[serde(remote = "Self")]`, so that it
/// is read from a JSON object only. serde's derive also takes a struct
/// written as an array of its fields in order (`["t", "Town"]` for an
/// entity), which no corpus, policy or vocabulary means: a record whose
/// fields are unnamed is one whose fields cannot be checked (fourteenth
/// audit, M2). `$expecting` is what an error says was expected, as the
/// derive says it ("struct Claim").
macro_rules! object_only {
    ($t:ident, $expecting:literal) => {
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Object;
                impl<'de> serde::de::Visitor<'de> for Object {
                    type Value = $t;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        map: A,
                    ) -> Result<$t, A::Error> {
                        $t::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(Object)
            }
        }
    };
    ($t:ident, $expecting:literal, serialize) => {
        object_only!($t, $expecting);
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $t::serialize(self, serializer)
            }
        }
    };
}

mod analyze;
mod compact;
mod corpus;
mod error;
mod id;
mod json;
mod lines;
mod model;
mod names;
mod parse;
mod period;
mod policy;
#[cfg(feature = "parallel")]
mod pool;
mod quantity;
mod relation;
mod render;
mod report;
mod resolve;
mod stream;
mod vocab;

/// The chrono crate, whose `NaiveDate` and `NaiveDateTime` the API
/// takes and returns, re-exported so that a user's dates are of the
/// version this crate is built with (0.4).
pub use chrono;

pub use analyze::{
    Analyzer, MAX_DENIAL_PAIRS, MAX_DENIAL_SCAN, MAX_NAMED_ORIGINS, MAX_NAMED_POSITIONS,
    MAX_QUOTE_BLOCK, MIN_MISATTRIBUTION_WORDS, analyze,
};
pub use corpus::{CORPUS_FILE_NAME, Corpus, FORMAT, Limits};
pub use error::{Error, ErrorCategory};
pub use id::{ClaimId, EntityId, MAX_ID_LEN, Property, SourceId};
pub use json::REPORT_JSONL_FORMAT;
pub use model::{
    Assertion, Certainty, Chain, Claim, Entity, Evidence, Modality, Polarity, Quote, Scope, Source,
    SourceKind, Statement, Status, Value,
};
pub use names::NameTables;
pub use parse::{
    Mention, MentionKind, MentionRecord, ScanOptions, parse_date, parse_quantity, scan, scan_each,
};
pub use period::{Period, Precision};
pub use policy::{Policy, Similarity};
pub use quantity::{Amount, Interval, MAX_AMOUNT, Quantity, QuantityForm};
pub use relation::{Relation, RelationEvidence, RelationKind, ScopeDifference, WordChange};
pub use render::TextOptions;
pub use report::{
    ClaimEntry, Diagnostic, Dropped, Estimates, Misattribution, Origin, OriginName, Position,
    PositionRelation, RelayFinding, Report, ScopeGroup, Settings, Severity, Summary, Topic,
    Verdict, Wording,
};
pub use resolve::{MergeRule, NameMerge, Resolution, SharedAlias, name_key};
pub use stream::{JSONL_FORMAT, StreamReader, TableFormat};
pub use vocab::{CodingRule, Tolerance, VagueEntry, Vocabulary};

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
