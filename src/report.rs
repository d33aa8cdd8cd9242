//! The cross-reference report: a typed, serializable value.
//!
//! | type | what it is |
//! |---|---|
//! | [`Report`] | every topic with its verdict, plus misattributions, name merges and diagnostics |
//! | [`Topic`] | one subject and property: scope groups of positions, relations, relay findings |
//! | [`Verdict`] | contested, differing in scope, superseded, corroborated, single-origin |
//! | [`Position`] | claims that can all hold together, with their combined value and independent origins |
//! | [`Diagnostic`] | something the engine skipped or could not compare, and why |
//!
//! Report types are plain data with public fields, marked
//! `#[non_exhaustive]` so that fields can be added without breaking users.
//! Their order is stable: the same claims in any order give the same
//! report.

use std::sync::Arc;

use serde::Serialize;

use crate::id::{ClaimId, EntityId, HashSet, Property, SourceId};
use crate::model::Claim;
use crate::model::Modality;
use crate::period::Period;
use crate::quantity::Interval;
use crate::relation::{Relation, RelationKind};
use crate::resolve::NameMerge;

/// The verdict on one topic. Ordered as the report lists them.
///
/// ```
/// use corroborate::Verdict;
/// assert!(Verdict::Contested < Verdict::Corroborated);
/// assert_eq!(Verdict::SingleOrigin.as_str(), "single-origin");
/// assert_eq!(Verdict::SingleOrigin.to_string(), "single-origin");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Positions within one scope conflict, and nothing supersedes them.
    Contested,
    /// The claims hold in different scopes (a projection against an
    /// estimate, other periods, other populations) and do not conflict.
    DifferentScope,
    /// A later report or an explicit correction replaces earlier ones.
    Superseded,
    /// At least two independent origins support one position, and nothing
    /// conflicts.
    Corroborated,
    /// No position has two independent origins behind it, and nothing
    /// conflicts: a topic of one origin, or of origins that each stand
    /// behind a position of their own that could not be compared with
    /// the others (a vague phrase the vocabulary lacks, "a slew"). A
    /// warning in the diagnostics names a claim that was not compared.
    SingleOrigin,
}

impl Verdict {
    /// The kebab-case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Contested => "contested",
            Verdict::DifferentScope => "different-scope",
            Verdict::Superseded => "superseded",
            Verdict::Corroborated => "corroborated",
            Verdict::SingleOrigin => "single-origin",
        }
    }
}

/// One claim as a position lists it: the claim itself, borrowed from the
/// corpus, with what the analysis found of it (its value as shown, when
/// it was reported, what supersedes it).
///
/// Borrowing rather than copying keeps a report of a million claims from
/// holding a second copy of each claim's id, chain, verb and evidence. The
/// value as shown is written when asked for ([`ClaimEntry::value`]), from
/// the claim; only a statement's, which names its object as the analysis
/// resolved it, is kept.
///
/// Serialised flat: `id`, `value` (as [`ClaimEntry::value`] shows it),
/// then `estimates` (a quantity's best, low and high, those given) when
/// present, `publication` (the chain's first link), `chain`, `modality`,
/// then `verb`, `occasion` (a quote's), `evidence`, `as_of`, `reported`
/// and `superseded_by` when present.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ClaimEntry<'c> {
    /// The claim, as the corpus holds it.
    pub claim: &'c Claim,
    /// The value as shown, where the claim alone cannot say it (a
    /// statement's object by its resolved name).
    pub(crate) resolved_value: Option<Box<str>>,
    /// In a series (a cumulative or current property), the day (or finer
    /// time) the claim's figure is given "as of", where that is not the
    /// day it was reported: the series orders the claim by it.
    pub as_of: Option<Period>,
    /// When it was reported (said, or else published), if known.
    pub reported: Option<Period>,
    /// The claim that explicitly corrects this one, or the later report
    /// that supersedes it.
    pub superseded_by: Option<ClaimId>,
}

impl<'c> ClaimEntry<'c> {
    /// The value as a reader would say it: `500–1,500 fighters`,
    /// `2014-10 (month)`, a quote in quotation marks, a statement's object
    /// by its resolved name. A quantity's best, low and high estimates
    /// follow it, where given: `1,200 fighters (low 1,000, high 2,000)`
    /// ([`ClaimEntry::estimates`]).
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/scenarios/two-articles-one-origin.json"))?;
    /// let report = analyze(&corpus, &Policy::default());
    /// let entry = &report.topics[0].scopes[0].positions[0].claims[0];
    /// assert!(!entry.value().is_empty());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn value(&self) -> std::borrow::Cow<'_, str> {
        match &self.resolved_value {
            Some(shown) => std::borrow::Cow::Borrowed(shown),
            None => {
                let mut shown =
                    crate::relation::show_plain_value(&self.claim.value).unwrap_or_default();
                if let crate::model::Value::Quantity(q) = &self.claim.value {
                    let _ = q.write_estimates(&mut shown);
                }
                std::borrow::Cow::Owned(shown)
            }
        }
    }

    /// A quantity's best, low and high estimates, where the claim gives
    /// any (UCDP-style: `best`, `low`, `high` in the corpus format).
    /// They are shown after the value ([`ClaimEntry::value`]) and carried
    /// by the JSON report, but not compared: the stated amount is.
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, Policy};
    /// let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1",
    ///   "entities": [{"id": "g", "name": "G"}],
    ///   "sources": [{"id": "ucdp", "kind": "publication", "name": "Dataset"}],
    ///   "claims": [{"id": "u1", "subject": "g", "property": "fighter_strength",
    ///     "value": {"quantity": {"exact": 1200, "low": 1000, "high": 2000, "unit": "fighters"}},
    ///     "assertion": {"chain": ["ucdp"]}}]}"#)?;
    /// let report = analyze(&corpus, &Policy::default());
    /// let entry = &report.topics[0].scopes[0].positions[0].claims[0];
    /// assert_eq!(entry.value(), "1,200 fighters (low 1,000, high 2,000)");
    /// let estimates = entry.estimates().unwrap();
    /// assert_eq!((estimates.low, estimates.high), (Some(1000.0), Some(2000.0)));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn estimates(&self) -> Option<Estimates> {
        let crate::model::Value::Quantity(q) = &self.claim.value else {
            return None;
        };
        let estimates = Estimates {
            best: q.best(),
            low: q.low(),
            high: q.high(),
        };
        (estimates != Estimates::default()).then_some(estimates)
    }

    /// The claim's id.
    pub fn id(&self) -> &'c ClaimId {
        &self.claim.id
    }

    /// The publication that carries the claim: the chain's first link.
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/scenarios/two-articles-one-origin.json"))?;
    /// let report = analyze(&corpus, &Policy::default());
    /// let entry = &report.topics[0].scopes[0].positions[0].claims[0];
    /// assert_eq!(entry.publication(), &entry.chain()[0]);
    /// assert_eq!(entry.id(), &entry.claim.id);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn publication(&self) -> &'c SourceId {
        &self.claim.assertion.chain[0]
    }

    /// The attribution chain, publication first. Never empty.
    pub fn chain(&self) -> &'c [SourceId] {
        &self.claim.assertion.chain
    }

    /// Certainty and polarity.
    pub fn modality(&self) -> Modality {
        self.claim.assertion.modality
    }

    /// The verb of attribution.
    pub fn verb(&self) -> Option<&'c str> {
        self.claim.assertion.verb.as_deref()
    }

    /// The occasion a quote was said on ("press briefing, 9 March"), as
    /// the claim gives it; `None` for a claim that is not a quote or
    /// gives none. The reports show it on the claim's line, and a quote's
    /// relation to its negation names it when the two were said apart.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy};
    /// let corpus = Corpus::from_json_str(r#"{
    ///   "format": "corroborate/1",
    ///   "entities": [{"id": "mayor", "name": "The mayor"}],
    ///   "sources": [{"id": "a1", "kind": "publication", "name": "Daily"},
    ///               {"id": "p-mayor", "kind": "person", "name": "The mayor"}],
    ///   "claims": [{"id": "q1", "subject": "mayor", "property": "said",
    ///               "value": {"quote": {"text": "The dam will hold.",
    ///                                   "occasion": "press briefing"}},
    ///               "assertion": {"chain": ["a1", "p-mayor"]}}]
    /// }"#)?;
    /// let report = Analyzer::new(&corpus, &Policy::default()).report();
    /// let entry = &report.topics[0].scopes[0].positions[0].claims[0];
    /// assert_eq!(entry.occasion(), Some("press briefing"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn occasion(&self) -> Option<&'c str> {
        match &self.claim.value {
            crate::model::Value::Quote(quote) => quote.occasion(),
            _ => None,
        }
    }

    /// The exact evidence text.
    pub fn evidence(&self) -> Option<&'c str> {
        self.claim.assertion.evidence.as_ref().map(|e| &*e.text)
    }
}

impl Serialize for ClaimEntry<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("ClaimEntry", 12)?;
        out.serialize_field("id", self.id())?;
        match &self.resolved_value {
            Some(shown) => out.serialize_field("value", &**shown)?,
            // Written straight into the output, without a string of its own.
            None => out.serialize_field("value", &Shown(&self.claim.value))?,
        }
        if let Some(estimates) = self.estimates() {
            out.serialize_field("estimates", &estimates)?;
        }
        out.serialize_field(
            "publication",
            self.chain().first().map(SourceId::as_str).unwrap_or(""),
        )?;
        out.serialize_field("chain", self.chain())?;
        out.serialize_field("modality", &self.modality())?;
        if let Some(verb) = self.verb() {
            out.serialize_field("verb", verb)?;
        }
        if let Some(occasion) = self.occasion() {
            out.serialize_field("occasion", occasion)?;
        }
        if let Some(evidence) = self.evidence() {
            out.serialize_field("evidence", evidence)?;
        }
        if let Some(as_of) = &self.as_of {
            out.serialize_field("as_of", as_of)?;
        }
        if let Some(reported) = &self.reported {
            out.serialize_field("reported", reported)?;
        }
        if let Some(superseded_by) = &self.superseded_by {
            out.serialize_field("superseded_by", superseded_by)?;
        }
        out.end()
    }
}

/// A quantity's best, low and high estimates as a claim gives them
/// ([`ClaimEntry::estimates`]); in JSON, an object with those given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Estimates {
    /// The best estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best: Option<f64>,
    /// The lowest estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// The highest estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
}

/// A value the claim alone can show, as a claim's line shows it: a
/// quantity with its estimates after it ("1,200 fighters (low 1,000,
/// high 2,000)"). Serialised as a string, gathered in the compact
/// writer's scratch string rather than a string of its own.
struct Shown<'v>(&'v crate::model::Value);

impl Shown<'_> {
    /// Writes the value as [`ClaimEntry::value`] shows it.
    fn write_to<W: std::fmt::Write>(&self, out: &mut W) -> std::fmt::Result {
        crate::relation::PlainValue(self.0).write_to(out)?;
        match self.0 {
            crate::model::Value::Quantity(q) => q.write_estimates(out),
            _ => Ok(()),
        }
    }
}

impl Serialize for Shown<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::compact::serialize_text(serializer, |text| self.write_to(text))
    }
}

/// An independent origin: the end of one or more attribution chains.
///
/// A publication that speaks for itself (its chain ends at it) is its
/// outlet's reporting: the articles of one outlet are one origin, listed
/// under the first article's id in natural id order (`p2` before `p10`),
/// however many of them carry the figure. A publication with no outlet stands for itself.
///
/// Borrowed from the corpus, as the claims are: a position's origins are
/// copied from no text and counted by no reference, which both cores
/// would otherwise update for the origins that many positions share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct Origin<'c> {
    /// The source's id.
    pub id: &'c SourceId,
    /// Its readable name.
    pub name: OriginName<'c>,
}

/// How a report names an origin: by the source's name, or, for a
/// publication that speaks for itself (a chain of one link), by its outlet
/// or else its name, as "own reporting". Written (`Display`, and in JSON) as
/// one string: `UN Monitoring Team`, `AP (own reporting)`.
///
/// ```
/// use corroborate::OriginName;
/// assert_eq!(OriginName::Named("UN Monitoring Team").to_string(), "UN Monitoring Team");
/// assert_eq!(OriginName::OwnReporting("AP").to_string(), "AP (own reporting)");
/// assert_eq!(
///     OriginName::Untraced("AP").to_string(),
///     "AP (circular citation: origin untraced)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OriginName<'c> {
    /// The source's own name.
    Named(&'c str),
    /// A publication's own reporting: its outlet, or else its name.
    OwnReporting(&'c str),
    /// Sources whose citations go round (A via B, B via A), so where the
    /// figure began cannot be traced: one origin, named by the first of
    /// them in id order (an outlet's name for a publication).
    Untraced(&'c str),
}

impl OriginName<'_> {
    /// The name and what it adds, as written: the name, then
    /// " (own reporting)" or " (circular citation: origin untraced)".
    fn parts(&self) -> [&str; 2] {
        match self {
            OriginName::Named(name) => [name, ""],
            OriginName::OwnReporting(outlet) => [outlet, " (own reporting)"],
            OriginName::Untraced(name) => [name, " (circular citation: origin untraced)"],
        }
    }

    /// Appends the name as [`Display`](std::fmt::Display) writes it,
    /// without the formatting machinery: sentences name origins by the
    /// hundred thousand.
    pub(crate) fn push_to(&self, out: &mut String) {
        let [name, added] = self.parts();
        out.push_str(name);
        out.push_str(added);
    }
}

impl std::fmt::Display for OriginName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [name, added] = self.parts();
        f.write_str(name)?;
        f.write_str(added)
    }
}

impl Serialize for OriginName<'_> {
    /// The [`Display`](std::fmt::Display) form, as a string: a name
    /// with nothing added is written as it is.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.parts() {
            [name, ""] => serializer.serialize_str(name),
            _ => crate::compact::serialize_text(serializer, |text| {
                self.push_to(text);
                Ok(())
            }),
        }
    }
}

/// A group of claims that can all hold together.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Position<'c> {
    /// `P1`, `P2`, … in report order within the topic. Shared with the
    /// relations that name the position. Quote positions, which have no
    /// value to order them, are numbered in the order of their first
    /// claims in natural id order (as `claims` is ordered).
    pub label: Arc<str>,
    /// The combined value: what every claim of the position allows. For
    /// quantities, the claims' distinct values and, after an arrow, the
    /// interval they share, in the unit of measure (or `percent`) they
    /// are all in: "1,150,000,000 US dollars / 1.2 billion US dollars →
    /// 1,150,000,000 US dollars". For dates, likewise, the claims'
    /// distinct values and, where they differ, the period they agree on:
    /// "2015 (year) / 2015-01 (month) / 2015-01-10 (day) → 2015-01-10".
    pub value: String,
    /// For quantities: the intersection of the claims' intervals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// For dates: the period the claims agree on, the narrowest among
    /// them (which every other holds); of two spanning one time, the
    /// more precise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The claims, in natural id order: runs of digits compare as
    /// numbers, so a table's `line-2` comes before `line-10` (ids with
    /// no digits, or digits of one length, are in text order).
    pub claims: Vec<ClaimEntry<'c>>,
    /// The publications that carry them, deduplicated, in natural id
    /// order as the claims are (`p2` before `p10`).
    pub publications: Vec<&'c SourceId>,
    /// The independent origins: chain ends, deduplicated, without those
    /// that other claims of the position reach through a longer chain,
    /// and with one publication per outlet (see [`Origin`]); in natural
    /// id order of their ids, as the claims are.
    pub origins: Vec<Origin<'c>>,
    /// True when every claim of the position is superseded.
    pub superseded: bool,
    /// For a value that fits several other positions ("2025-03" beside
    /// "2025-03-09" and "2025-03-10", "hundreds" beside 300 and 800): how
    /// many it fits. Such a position stands apart and supports none of
    /// them. 0, and left out of JSON, for every other position.
    #[serde(skip_serializing_if = "is_zero")]
    pub fits: usize,
    /// True for a position of values the vocabulary cannot place (a
    /// vague phrase or hedge it lacks, "umpteen", "give or take 40"; a
    /// bound whose phrase ends elsewhere): shown, but compared with no
    /// other position, and its relations are
    /// [`NotCompared`](RelationKind::NotCompared). A warning in the
    /// diagnostics names each of its claims. False, and left out of
    /// JSON, for every other position.
    #[serde(skip_serializing_if = "is_false")]
    pub not_compared: bool,
    /// For quotes: how each other wording relates to the first claim's
    /// (verbatim, or a variant with its word diff).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wordings: Vec<Wording>,
}

/// How one wording of a quote relates to the position's first wording.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Wording {
    /// The claim whose wording is compared.
    pub claim: ClaimId,
    /// The position's first claim, which it is compared with.
    pub with: ClaimId,
    /// Verbatim or variant, with the similarity, threshold and word diff.
    pub relation: Relation,
}

/// Claims of a topic that share one scope.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct ScopeGroup<'c> {
    /// The scope in words: "projected over the medium term; U.S. service
    /// members; 2021-08", or "as stated" for a scope with nothing to
    /// name. In a topic that mixes kinds of value, the kind comes first
    /// ("quantity; projected", "text").
    pub label: String,
    /// The positions, in value order.
    pub positions: Vec<Position<'c>>,
}

/// The relation between two positions of a topic.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PositionRelation {
    /// The first position's label.
    pub from: Arc<str>,
    /// The second position's label.
    pub to: Arc<str>,
    /// The relation of representative claims, with its sentence.
    pub relation: Relation,
}

/// What a relay dropped from its origin's wording.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
pub enum Dropped {
    /// The origin hedged ("may", "possibly"); the relay states it as
    /// certain. Detail: the two certainties.
    Hedge(String),
    /// The origin gave a bound or an approximation ("as many as"); the
    /// relay gives the bare number, or the range without the hedge over
    /// it. Detail: the origin's form (`approximate range` for a hedged
    /// range). The finding's sentence names an approximation ("about
    /// 10,000") as one: "dropping the approximation", not a bound.
    Bound(String),
    /// The origin projected; the relay does not say so. Detail: the
    /// horizon.
    Projection(String),
}

impl Dropped {
    /// 0 for a hedge, 1 for a bound, 2 for a projection.
    pub(crate) fn kind_index(&self) -> usize {
        match self {
            Dropped::Hedge(_) => 0,
            Dropped::Bound(_) => 1,
            Dropped::Projection(_) => 2,
        }
    }
}

/// A relay that dropped a hedge, bound or projection present at its origin.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RelayFinding {
    /// The claim that relays.
    pub claim: ClaimId,
    /// The version nearest what the shared origin said among those that
    /// keep what `claim` dropped: the most hedged of the lineage and
    /// anchor, then the one with the longest chain. Never a relay of
    /// `claim` (a version whose chain passes through its publication or
    /// newsroom): a mark such a version keeps was added after `claim`.
    /// Nor, for a kind of mark, a version whose chain passes through a
    /// source whose own versions of the figure, of those reported before
    /// the version's report ended, all lack it; a claim passed through
    /// such a source (as of its own report) dropped nothing of that kind.
    /// Each
    /// kind of mark a claim dropped is reported once, against the nearest
    /// version that keeps it, so a claim that dropped one version's hedge
    /// and another's bound has a finding against each.
    pub origin_claim: ClaimId,
    /// What was dropped.
    pub dropped: Vec<Dropped>,
    /// One sentence a person can read.
    pub explanation: String,
}

/// One subject and property, after resolving aliases, with its verdict.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Topic<'c> {
    /// The canonical subject.
    pub subject: EntityId,
    /// The subject's canonical name.
    pub subject_name: String,
    /// The canonical property.
    pub property: Property,
    /// The verdict.
    pub verdict: Verdict,
    /// One sentence that explains the verdict.
    pub explanation: String,
    /// Number of claims.
    pub claim_count: usize,
    /// The scope groups, each with its positions.
    pub scopes: Vec<ScopeGroup<'c>>,
    /// Relations between neighbouring positions and scope groups.
    pub relations: Vec<PositionRelation>,
    /// Relays that dropped a hedge, bound or projection, in natural
    /// order of the relaying claim's id, then the version's (as a
    /// position's claims).
    pub relay_findings: Vec<RelayFinding>,
}

impl<'c> Topic<'c> {
    /// Every position of the topic, scope group after scope group, in
    /// report order.
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let report = analyze(&corpus, &Policy::default());
    /// let topic = &report.topics[0];
    /// let n: usize = topic.scopes.iter().map(|s| s.positions.len()).sum();
    /// assert_eq!(topic.positions().count(), n);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn positions(&self) -> impl Iterator<Item = &Position<'c>> + '_ {
        self.scopes.iter().flat_map(|s| s.positions.iter())
    }

    /// The positions that stand: those not wholly superseded (by a later
    /// report in a series, or by a correction).
    pub fn current(&self) -> impl Iterator<Item = &Position<'c>> + '_ {
        self.positions().filter(|p| !p.superseded)
    }

    /// The newest figure: among the claims that nothing supersedes, the
    /// one reported last (by [`ClaimEntry::reported`], then the smallest
    /// id), with its position. `None` when no such claim has a report
    /// time. In a series this is the figure that stands; in a contested
    /// topic it is only the latest word, not a verdict on who is right.
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, Policy};
    /// let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1",
    ///   "entities": [{"id": "flood", "name": "Flood"}],
    ///   "sources": [{"id": "a", "kind": "publication", "name": "A", "published": "2024-05-11"},
    ///               {"id": "b", "kind": "publication", "name": "B", "published": "2024-05-12"}],
    ///   "claims": [
    ///     {"id": "c1", "subject": "flood", "property": "killed",
    ///      "value": {"quantity": {"exact": 40}}, "assertion": {"chain": ["a"]}},
    ///     {"id": "c2", "subject": "flood", "property": "killed",
    ///      "value": {"quantity": {"exact": 55}}, "assertion": {"chain": ["b"]}}]}"#)?;
    /// let report = analyze(&corpus, &Policy::default());
    /// let (position, claim) = report.topics[0].latest().unwrap();
    /// assert_eq!(claim.id().as_str(), "c2");
    /// assert_eq!(position.value, "55");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn latest(&self) -> Option<(&Position<'c>, &ClaimEntry<'c>)> {
        self.positions()
            .flat_map(|p| p.claims.iter().map(move |c| (p, c)))
            .filter(|(_, c)| c.superseded_by.is_none())
            .filter_map(|(p, c)| c.reported.map(|r| (r, p, c)))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.2.id().cmp(a.2.id())))
            .map(|(_, p, c)| (p, c))
    }
}

/// The same words given to different speakers: one finding for each
/// set of alike wordings, however many claims repeat them and however
/// many speakers they are given to (one wording given to a minister by
/// three outlets, to a spokesman by one and to a general by one is one
/// misattribution, not three, and not five).
///
/// A finding has at least two sides, one per speaker: `claims[k]` gives
/// the words to `speakers[k]`. Claims are joined into one finding where
/// their words reach the quote threshold and their speakers differ,
/// directly or through other claims of the finding; each claim is in at
/// most one finding.
///
/// ```
/// use corroborate::{analyze, Corpus, Policy};
/// let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1",
///   "entities": [{"id": "a", "name": "Ann Lee"}, {"id": "b", "name": "Bo Ray"},
///                {"id": "c", "name": "Cy Roe"}],
///   "sources": [{"id": "p", "kind": "publication", "name": "P"}],
///   "claims": [
///     {"id": "q1", "subject": "a", "property": "said",
///      "value": {"quote": {"text": "We will rebuild every house on this street"}},
///      "assertion": {"chain": ["p"]}},
///     {"id": "q2", "subject": "b", "property": "said",
///      "value": {"quote": {"text": "We will rebuild every house on this street"}},
///      "assertion": {"chain": ["p"]}},
///     {"id": "q3", "subject": "c", "property": "said",
///      "value": {"quote": {"text": "We will rebuild every house on this street."}},
///      "assertion": {"chain": ["p"]}}]}"#)?;
/// let report = analyze(&corpus, &Policy::default());
/// assert_eq!(report.misattributions.len(), 1);
/// let m = &report.misattributions[0];
/// assert_eq!(m.speakers.len(), 3);
/// assert_eq!(m.claims[2][0].as_str(), "q3");
/// assert!(m.relation.explanation().ends_with("all but one of them are misattributed"));
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Misattribution {
    /// The claims that give the words to each speaker, one list per
    /// side, at least two sides. Each side is in natural id order (as a
    /// position's claims: `line-2` before `line-10`); the sides are in
    /// the order of their smallest id in text order, so the first side
    /// holds the finding's smallest id.
    pub claims: Vec<Vec<ClaimId>>,
    /// The speakers (canonical entity ids, after name resolution), in
    /// the order of `claims`; no two the same.
    pub speakers: Vec<EntityId>,
    /// The relation of the most alike pair of claims of two sides (its
    /// evidence gives their similarity), with a sentence about the whole
    /// finding.
    pub relation: Relation,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was left out: a record skipped, a block not compared.
    Skipped,
    /// Something could not be compared fully, but nothing was left out.
    Warning,
}

/// Something the engine or a loader skipped or could not compare.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Where: a claim id, a file and line, or a topic.
    pub location: String,
    /// What happened and why.
    pub message: String,
    /// For a record a reader skipped, the 1-based line of the input it
    /// starts on (the location is then `file:line`); `None` otherwise,
    /// and then left out of JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

impl Diagnostic {
    /// A diagnostic at a location.
    pub fn new(
        severity: Severity,
        location: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            location: location.into(),
            message: message.into(),
            line: None,
        }
    }

    /// A diagnostic about line `line` of the input `file`: its location
    /// is `file:line`, and [`Diagnostic::line`] and
    /// [`Diagnostic::file`] give the two parts.
    ///
    /// ```
    /// use corroborate::{Diagnostic, Severity};
    /// let d = Diagnostic::at_line(Severity::Skipped, "fire.csv", 11, "bad date");
    /// assert_eq!(d.location, "fire.csv:11");
    /// assert_eq!((d.file(), d.line), (Some("fire.csv"), Some(11)));
    /// ```
    pub fn at_line(
        severity: Severity,
        file: &str,
        line: u64,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            location: format!("{file}:{line}"),
            message: message.into(),
            line: Some(line),
        }
    }

    /// The input file (or stream name) of a diagnostic about a line of
    /// it; `None` for a diagnostic about a claim or a topic.
    pub fn file(&self) -> Option<&str> {
        let line = self.line?;
        let file = self.location.strip_suffix(&line.to_string())?;
        file.strip_suffix(':')
    }
}

/// Counts over the whole report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// Claims analysed.
    pub claims: usize,
    /// Topics formed.
    pub topics: usize,
    /// Topics contested.
    pub contested: usize,
    /// Topics differing in scope.
    pub different_scope: usize,
    /// Topics superseded.
    pub superseded: usize,
    /// Topics corroborated.
    pub corroborated: usize,
    /// Topics single-origin.
    pub single_origin: usize,
    /// Relay findings.
    pub relay_findings: usize,
    /// Misattributed quotes.
    pub misattributions: usize,
    /// Records a streaming reader skipped; each is listed in the
    /// diagnostics. Left out of JSON when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped: usize,
    /// Records a streaming reader kept but warns about (a table's value
    /// cell that begins with a number but is kept as text, see
    /// [`Corpus::warnings`](crate::Corpus::warnings)); each is listed in
    /// the diagnostics. Left out of JSON when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub warned: usize,
    /// Claims shown but not compared: those of the positions of the
    /// topics counted that the vocabulary cannot place
    /// ([`Position::not_compared`]); each is named by a warning in the
    /// diagnostics. Counted with the topics, as relay findings are, so a
    /// report kept to some topics counts theirs. Left out of JSON when
    /// zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_compared: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Summary {
    /// The counts of one topic: one topic, its verdict, its relay
    /// findings and its claims not compared.
    pub(crate) fn of_topic(topic: &Topic<'_>) -> Summary {
        let mut counts = Summary {
            topics: 1,
            ..Summary::default()
        };
        counts.count_topics(std::slice::from_ref(topic));
        counts
    }

    /// Adds the topic counts of `other` (topics, verdicts, relay
    /// findings, claims not compared) to these.
    pub(crate) fn add_topics(&mut self, other: &Summary) {
        self.topics += other.topics;
        self.contested += other.contested;
        self.different_scope += other.different_scope;
        self.superseded += other.superseded;
        self.corroborated += other.corroborated;
        self.single_origin += other.single_origin;
        self.relay_findings += other.relay_findings;
        self.not_compared += other.not_compared;
    }

    /// Adds the verdicts, relay findings and claims not compared of
    /// `topics` to the counts.
    pub(crate) fn count_topics(&mut self, topics: &[Topic<'_>]) {
        for topic in topics {
            self.relay_findings += topic.relay_findings.len();
            self.not_compared += topic
                .positions()
                .filter(|p| p.not_compared)
                .map(|p| p.claims.len())
                .sum::<usize>();
            match topic.verdict {
                Verdict::Contested => self.contested += 1,
                Verdict::DifferentScope => self.different_scope += 1,
                Verdict::Superseded => self.superseded += 1,
                Verdict::Corroborated => self.corroborated += 1,
                Verdict::SingleOrigin => self.single_origin += 1,
            }
        }
    }
}

/// The settings the report was made with, so that a reader can tell.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Settings {
    /// The vocabulary's name.
    pub vocabulary: String,
    /// The name of the name tables, when they were installed
    /// ([`NameTables::install`](crate::NameTables::install)) or are
    /// bundled tables that failed to load (the name then says so);
    /// `None` (and left out of JSON) for the bundled ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_tables: Option<String>,
    /// The quote similarity threshold.
    pub quote_threshold: f64,
    /// The name similarity threshold.
    pub name_threshold: f64,
}

/// The cross-reference report.
///
/// ```
/// use corroborate::{analyze, Corpus, Policy, Verdict};
/// let corpus = Corpus::from_json_str(r#"{
///   "format": "corroborate/1",
///   "entities": [{"id": "isis-k", "name": "ISIS-K"}],
///   "sources": [
///     {"id": "a1", "kind": "publication", "name": "A"},
///     {"id": "a2", "kind": "publication", "name": "B"},
///     {"id": "a3", "kind": "publication", "name": "C"},
///     {"id": "cnn", "kind": "outlet", "name": "CNN"},
///     {"id": "official", "kind": "group", "name": "a counterterrorism official", "anonymous": true}
///   ],
///   "claims": [
///     {"id": "c1", "subject": "isis-k", "property": "prisoners_escaped",
///      "value": {"quantity": {"vague": "dozens", "unit": "prisoners"}},
///      "assertion": {"chain": ["a1", "cnn"]}},
///     {"id": "c2", "subject": "isis-k", "property": "prisoners_escaped",
///      "value": {"quantity": {"vague": "hundreds", "unit": "prisoners"}},
///      "assertion": {"chain": ["a2", "cnn", "official"], "modality": {"certainty": "possible"}}}
///   ]
/// }"#)?;
/// let report = analyze(&corpus, &Policy::default());
/// assert_eq!(report.topics[0].verdict, Verdict::Contested);
/// assert!(report.render_text(80).contains("contested"));
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Report<'c> {
    /// The corpus title, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Counts.
    pub summary: Summary,
    /// The settings used.
    pub settings: Settings,
    /// The topics: contested first, then differing in scope, superseded,
    /// corroborated and single-origin; within each, by subject and
    /// property.
    pub topics: Vec<Topic<'c>>,
    /// The same words given to different speakers.
    pub misattributions: Vec<Misattribution>,
    /// The entity merges name resolution made.
    pub merges: Vec<NameMerge>,
    /// What was skipped or could not be compared, and why.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'c> Report<'c> {
    /// The report as pretty JSON: the bytes of
    /// `serde_json::to_string_pretty` (but for the escapes of characters
    /// that act on a terminal, as `\u0085`), made by
    /// [`write_json`](Report::write_json), topic by topic (on all cores
    /// with the `parallel` feature).
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, Policy};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let report = analyze(&corpus, &Policy::default());
    /// assert_eq!(report.to_json_string(), serde_json::to_string_pretty(&report)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json_string(&self) -> String {
        let mut bytes = Vec::new();
        // Report types serialize to JSON without failure (every key is a
        // string and every number is finite or written as null), and
        // writing to memory does not fail; serde_json writes UTF-8.
        let _ = self.write_json(&mut bytes);
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The topic of a subject and property, if the report has one.
    ///
    /// The subject may be any id of its group of merged entities, as the
    /// corpus declares it: a topic is held under the group's canonical
    /// (smallest) id, [`Topic::subject`], and the report's
    /// [`merges`](Report::merges) lead from the others to it. The
    /// property is the canonical one, [`Topic::property`]: a property
    /// alias is the policy's, not the report's, so look an alias up
    /// through [`Policy::canonical_property`](crate::Policy::canonical_property).
    ///
    /// ```
    /// use corroborate::{analyze, Corpus, EntityId, Policy, Property};
    /// let corpus = Corpus::from_json_str(r#"{
    ///   "format": "corroborate/1",
    ///   "entities": [
    ///     {"id": "isis-k", "name": "ISIS-K"},
    ///     {"id": "isis-khorasan", "name": "ISIS-K"}
    ///   ],
    ///   "sources": [{"id": "a1", "kind": "publication", "name": "A"}],
    ///   "claims": [{"id": "c1", "subject": "isis-khorasan", "property": "fighters",
    ///     "value": {"quantity": {"exact": 2000, "unit": "fighters"}},
    ///     "assertion": {"chain": ["a1"]}}]
    /// }"#)?;
    /// let policy = Policy::default()
    ///     .with_property_alias(Property::new("fighters")?, Property::new("fighter_strength")?);
    /// let report = analyze(&corpus, &policy);
    /// let alias = Property::new("fighters")?;
    /// let property = policy.canonical_property(&alias);
    /// let topic = report.topic(&EntityId::new("isis-khorasan")?, property).unwrap();
    /// assert_eq!(topic.subject.as_str(), "isis-k");
    /// assert!(report.topic(&EntityId::new("isis-k")?, property).is_some());
    /// assert!(report.topic(&EntityId::new("isis-k")?, &alias).is_none());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn topic(&self, subject: &EntityId, property: &Property) -> Option<&Topic<'c>> {
        let find = |subject: &EntityId| {
            self.topics
                .iter()
                .find(|t| &t.subject == subject && &t.property == property)
        };
        if let Some(topic) = find(subject) {
            return Some(topic);
        }
        // The subject's group, walked through the merges (a group's ids
        // share one canonical id, so at most one of them has the topic).
        let mut group: Vec<&EntityId> = vec![subject];
        let mut seen: HashSet<&EntityId> = [subject].into_iter().collect();
        let mut next = 0;
        while let Some(&id) = group.get(next) {
            next += 1;
            for merge in &self.merges {
                let other = if &merge.entity == id {
                    &merge.with
                } else if &merge.with == id {
                    &merge.entity
                } else {
                    continue;
                };
                if seen.insert(other) {
                    group.push(other);
                }
            }
        }
        group.into_iter().skip(1).find_map(find)
    }

    /// Keeps only the topics for which `keep` returns true, and recounts
    /// the summary's topic, verdict, relay finding and not-compared
    /// counts. The counts of claims,
    /// misattributions and skipped records stay the whole corpus's: every
    /// claim was analysed, and a misattribution spans topics.
    ///
    /// ```
    /// # use corroborate::{analyze, Corpus, Policy};
    /// # let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1"}"#)?;
    /// let mut report = analyze(&corpus, &Policy::default());
    /// report.retain_topics(|topic| topic.property.as_str() == "killed");
    /// assert_eq!(report.summary.topics, report.topics.len());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn retain_topics(&mut self, mut keep: impl FnMut(&Topic<'c>) -> bool) {
        self.topics.retain(|t| keep(t));
        let mut summary = Summary {
            claims: self.summary.claims,
            topics: self.topics.len(),
            misattributions: self.summary.misattributions,
            skipped: self.summary.skipped,
            warned: self.summary.warned,
            ..Summary::default()
        };
        summary.count_topics(&self.topics);
        self.summary = summary;
    }

    /// Every relation kind between positions of the report, for tests and
    /// summaries.
    pub fn relation_kinds(&self) -> impl Iterator<Item = RelationKind> + '_ {
        self.topics
            .iter()
            .flat_map(|t| t.relations.iter().map(|r| r.relation.kind()))
    }
}

impl std::fmt::Display for Verdict {
    /// The name [`Verdict::as_str`] gives: `contested`, `single-origin`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Severity {
    /// The lower-case name reports use: `skipped`, `warning`.
    ///
    /// ```
    /// use corroborate::Severity;
    /// assert_eq!(Severity::Skipped.to_string(), "skipped");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Skipped => "skipped",
            Severity::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Severity {
    /// The name [`Severity::as_str`] gives.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Diagnostic {
    /// `severity: location: message`, as the text report lists it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.severity, self.location, self.message)
    }
}
