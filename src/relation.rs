//! The relation between two claims, with its evidence and a sentence.
//!
//! | type | what it is |
//! |---|---|
//! | [`Relation`] | kind, evidence, explanation |
//! | [`RelationKind`] | agree, compatible, refines, conflict, supersedes, different scope, not compared, and the quote relations |
//! | [`RelationEvidence`] | the intervals, periods, similarity, scope and modalities that decided it |
//! | [`ScopeDifference`] | how two scopes differ |
//! | [`WordChange`] | one step of a word-level diff between two quote wordings |

use serde::Serialize;

use crate::analyze::Analyzer;
use crate::model::{
    Claim, Modality, Polarity, Scope, Status, Value, normalize_text, split_words, text_key,
};
use crate::period::Period;
use crate::policy::Similarity;
use crate::quantity::{Interval, just_past, just_under, push_number};
use crate::vocab::Vocabulary;

/// What one claim is to another.
///
/// Relations come in converse pairs: if `a` refines `b`, `b` is refined by
/// `a`; if `a` supersedes `b`, `b` is superseded by `a`. The others are
/// symmetric.
///
/// ```
/// use corroborate::RelationKind;
/// assert_eq!(RelationKind::Refines.converse(), RelationKind::RefinedBy);
/// assert_eq!(RelationKind::Conflict.converse(), RelationKind::Conflict);
/// assert!(RelationKind::Verbatim.is_agreement());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// The same value: the same interval, the same date at the same
    /// precision, the same statement with the same polarity.
    Agree,
    /// The values overlap and neither contains the other.
    Compatible,
    /// This value lies inside the other and is narrower.
    Refines,
    /// The other value lies inside this one and is narrower.
    RefinedBy,
    /// The values cannot both hold.
    Conflict,
    /// This is a later report of a changing count, or an explicit
    /// correction of the other.
    Supersedes,
    /// The other is a later report or a correction of this one.
    SupersededBy,
    /// Related, but not the same fact: a projection against an estimate,
    /// another period, another population.
    DifferentScope,
    /// The same words, as normalized.
    Verbatim,
    /// Nearly the same words: a variant wording of one quote. (Nearly
    /// the same words where one negates the other are a [`Conflict`].)
    ///
    /// [`Conflict`]: RelationKind::Conflict
    Variant,
    /// Different words by the same speaker.
    DifferentQuote,
    /// The same or nearly the same words given to different speakers.
    Misattributed,
    /// About different subjects or properties.
    Unrelated,
    /// Not compared: one of the values is not in the vocabulary (a vague
    /// phrase or hedge it lacks, "umpteen", "give or take 40"; a bound
    /// whose phrase ends elsewhere), so nothing is said of whether they
    /// agree. Symmetric.
    NotCompared,
}

impl RelationKind {
    /// The relation seen from the other claim.
    pub fn converse(self) -> RelationKind {
        match self {
            RelationKind::Refines => RelationKind::RefinedBy,
            RelationKind::RefinedBy => RelationKind::Refines,
            RelationKind::Supersedes => RelationKind::SupersededBy,
            RelationKind::SupersededBy => RelationKind::Supersedes,
            other => other,
        }
    }

    /// True for agree and verbatim.
    pub fn is_agreement(self) -> bool {
        matches!(self, RelationKind::Agree | RelationKind::Verbatim)
    }

    /// The snake-case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Agree => "agree",
            RelationKind::Compatible => "compatible",
            RelationKind::Refines => "refines",
            RelationKind::RefinedBy => "refined_by",
            RelationKind::Conflict => "conflict",
            RelationKind::Supersedes => "supersedes",
            RelationKind::SupersededBy => "superseded_by",
            RelationKind::DifferentScope => "different_scope",
            RelationKind::Verbatim => "verbatim",
            RelationKind::Variant => "variant",
            RelationKind::DifferentQuote => "different_quote",
            RelationKind::Misattributed => "misattributed",
            RelationKind::Unrelated => "unrelated",
            RelationKind::NotCompared => "not_compared",
        }
    }
}

/// How two scopes differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScopeDifference {
    /// One is a projection, the other is not.
    Projection {
        /// The status of each claim.
        statuses: [Status; 2],
        /// The projection's horizon, if given.
        horizon: Option<String>,
    },
    /// They count different populations.
    Population {
        /// Each claim's population.
        populations: [String; 2],
    },
    /// They hold at disjoint times.
    Time {
        /// Each claim's time.
        times: [Period; 2],
    },
}

/// One step of a word-level diff from the first wording to the second.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "op", content = "words")]
pub enum WordChange {
    /// Words in both.
    Same(String),
    /// Words only in the first.
    Removed(String),
    /// Words only in the second.
    Added(String),
}

/// What decided a relation.
///
/// The dates, scope difference and report times are boxed: each decides
/// few relations, and a report of a million claims holds some two hundred
/// thousand relations.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RelationEvidence {
    /// The quantities' intervals under the vocabulary in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intervals: Option<[Interval; 2]>,
    /// The dates compared, with their precisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub periods: Option<Box<[Period; 2]>>,
    /// The similarity of two quote wordings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<Similarity>,
    /// The threshold the similarity was held to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Similarity>,
    /// How the scopes differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Box<ScopeDifference>>,
    /// Each claim's modality.
    pub modalities: [Modality; 2],
    /// When each claim was reported, for supersession.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported: Option<Box<[Option<Period>; 2]>>,
    /// The word diff of two quote wordings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<WordChange>,
}

/// The relation between two claims: a machine-readable kind, the evidence
/// that decided it, and one sentence a person can read.
///
/// ```
/// use corroborate::{Analyzer, Corpus, Policy, RelationKind};
/// let corpus = Corpus::from_json_str(r#"{
///   "format": "corroborate/1",
///   "entities": [{"id": "isis-k", "name": "ISIS-K"}],
///   "sources": [{"id": "a1", "kind": "publication", "name": "A"},
///               {"id": "a2", "kind": "publication", "name": "B"}],
///   "claims": [
///     {"id": "c1", "subject": "isis-k", "property": "founded", "value": {"date": "2014-10"},
///      "assertion": {"chain": ["a1"]}},
///     {"id": "c2", "subject": "isis-k", "property": "founded", "value": {"date": "2015"},
///      "assertion": {"chain": ["a2"]}}
///   ]
/// }"#)?;
/// let policy = Policy::default();
/// let analyzer = Analyzer::new(&corpus, &policy);
/// let relation = analyzer.relate(&corpus.claims()[0], &corpus.claims()[1]);
/// assert_eq!(relation.kind(), RelationKind::Conflict);
/// assert_eq!(
///     relation.explanation(),
///     "c1 gives 2014-10 (month) and c2 gives 2015 (year): the periods do not overlap, so the claims conflict"
/// );
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Relation {
    kind: RelationKind,
    evidence: RelationEvidence,
    explanation: String,
}

impl Relation {
    pub(crate) fn new(
        kind: RelationKind,
        evidence: RelationEvidence,
        explanation: String,
    ) -> Relation {
        Relation {
            kind,
            evidence,
            explanation,
        }
    }

    /// The kind of relation.
    pub fn kind(&self) -> RelationKind {
        self.kind
    }

    /// What decided it.
    pub fn evidence(&self) -> &RelationEvidence {
        &self.evidence
    }

    /// One sentence a person can read.
    pub fn explanation(&self) -> &str {
        &self.explanation
    }
}

/// How two intervals (of counts or of time) relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Overlap {
    Equal,
    Disjoint,
    Inside,
    Contains,
    Overlaps,
}

pub(crate) fn overlap_of<T: PartialOrd>(a: (T, T), b: (T, T), half_open: bool) -> Overlap {
    let disjoint = if half_open {
        a.1 <= b.0 || b.1 <= a.0
    } else {
        a.1 < b.0 || b.1 < a.0
    };
    if a.0 == b.0 && a.1 == b.1 {
        Overlap::Equal
    } else if disjoint {
        Overlap::Disjoint
    } else if b.0 <= a.0 && a.1 <= b.1 {
        Overlap::Inside
    } else if a.0 <= b.0 && b.1 <= a.1 {
        Overlap::Contains
    } else {
        Overlap::Overlaps
    }
}

/// Word-level similarity of two normalized wordings, in `[0, 1]`:
/// one minus the word edit distance over the longer length. Very long
/// quotes (over 2,000 words each side) use the overlap of their word sets
/// instead, which is linear.
pub(crate) fn word_similarity(a: &[&str], b: &[&str]) -> Similarity {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return Similarity::clamped(1.0);
    }
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        let sa: std::collections::HashSet<&str> = a.iter().copied().collect();
        let sb: std::collections::HashSet<&str> = b.iter().copied().collect();
        let shared = sa.intersection(&sb).count() as f64;
        return Similarity::clamped(2.0 * shared / (sa.len() + sb.len()) as f64);
    }
    let distance = word_edit_distance(a, b);
    Similarity::clamped(1.0 - distance as f64 / longest as f64)
}

/// The [`word_similarity`] of `a` and `b` when it reaches `threshold`. The
/// edit distance is at least the difference in length, so pairs whose
/// lengths differ too much are turned away without computing it.
pub(crate) fn words_reach(a: &[&str], b: &[&str], threshold: Similarity) -> Option<Similarity> {
    reach_by(a, b, threshold, |x, y| x == y)
}

/// [`words_reach`] with words matched by `same`; over the size where the
/// edit distance is computed, [`word_similarity`]'s overlap of word
/// sets, which matches words exactly.
fn reach_by(
    a: &[&str],
    b: &[&str],
    threshold: Similarity,
    same: impl Fn(&str, &str) -> bool,
) -> Option<Similarity> {
    let longest = a.len().max(b.len());
    if longest == 0 || a.len().saturating_mul(b.len()) > 4_000_000 {
        return Some(word_similarity(a, b)).filter(|s| *s >= threshold);
    }
    let best = Similarity::clamped(1.0 - a.len().abs_diff(b.len()) as f64 / longest as f64);
    if best < threshold {
        return None;
    }
    let distance = word_edit_distance_by(a, b, same);
    Some(Similarity::clamped(1.0 - distance as f64 / longest as f64)).filter(|s| *s >= threshold)
}

/// Whether a running total fell: the `later` interval wholly below the
/// `earlier` one, both known.
pub(crate) fn fell(earlier: &Interval, later: &Interval) -> bool {
    earlier.is_known() && later.is_known() && later.max() < earlier.min()
}

/// Appends the sentence for a running total that fell: the `new` (later)
/// and `old` figures' labels, each one's report time, and what they are
/// ("claims", "positions").
pub(crate) fn push_fall(
    text: &mut String,
    [new, old]: [&dyn std::fmt::Display; 2],
    [reported_new, reported_old]: [&dyn std::fmt::Display; 2],
    what: &str,
) {
    push_fall_of(
        text,
        &format_args!("{new}, reported later ({reported_new})"),
        &format_args!("{old} ({reported_old})"),
        what,
    );
}

/// [`push_fall`] with each side already described: the `later` figure
/// with when it was reported ("P2, reported later (2026-03-14)", or a
/// correction's "P2, a correction of k2, which was reported later (…)"),
/// and the `earlier` one ("P1 (2026-03-12)").
pub(crate) fn push_fall_of(
    text: &mut String,
    later: &dyn std::fmt::Display,
    earlier: &dyn std::fmt::Display,
    what: &str,
) {
    use std::fmt::Write;
    let _ = write!(
        text,
        ": the property is cumulative, but {later}, is lower than {earlier}; a running total does not fall, so the {what} conflict unless one is marked as correcting the other"
    );
}

/// English words that negate what follows: "not", "never", "no" and their
/// kin, and any contraction ending in "n't" ("won't", "can't"), except
/// where [`each_negator`] reads them otherwise. A contraction written
/// without its apostrophe ("didnt", "wont") or with a look-alike of it
/// ("didn´t") is one too: normalizing spells it with "n't"
/// ([`UNMARKED_NEGATIONS`], [`normalize_text`]).
const NEGATORS: &[&str] = &[
    "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere",
];

/// The negative contractions of English's auxiliaries written without
/// their apostrophe, as transcripts, social media, OCR and ASCII-only
/// wire feeds print them: "didnt" for "didn't", "wont" for "won't". A
/// closed list, each the auxiliary's "n't" form with the apostrophe
/// left out, so that [`normalize_text`] spells it with the apostrophe
/// and [`each_negator`] counts it as the "n't" contraction it is.
/// "cant" and "wont" are also rare English nouns ("as was his wont"):
/// they are read as negators all the same, since a negation missed
/// counts a speaker's denial as support for what they deny, while a noun
/// read as one at worst makes two wordings of one quote a conflict, with
/// the word diff showing the word.
pub(crate) const UNMARKED_NEGATIONS: &[&str] = &[
    "aint", "arent", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt", "hasnt",
    "havent", "isnt", "mightnt", "mustnt", "neednt", "oughtnt", "shant", "shouldnt", "wasnt",
    "werent", "wont", "wouldnt",
];

/// Calls `f` with the index of each word of a wording (its normalized
/// `words`, of the text as printed, `text`) that negates what follows.
/// Not counted: a "No" that opens the text before a comma or a stop ("No,
/// we will not…"), which answers; "not only", "not just", "not merely"
/// and "not simply" with a "but" or "also" after them ("not only… but
/// also"), which stress; "no doubt" opening the wording ("No doubt the
/// cargo was…") or set off by commas ("will, no doubt, hold"), which
/// asserts; and a "nor" after a negation ("neither…
/// nor", "not… nor"), which goes on with it rather than negating again;
/// and a "never" said again right after itself ("never, never") or as the
/// wording's last word ("we have never seen this, never"), which
/// emphasises. Elsewhere those words negate: "it was not just a mistake",
/// "there is no doubt".
fn each_negator(words: &[&str], text: &str, mut f: impl FnMut(usize)) {
    // "No," answers, and so does "No, no,": each "no" the text opens with
    // that a stop or a comma follows (not the "no" of "No, no one was
    // hurt").
    let mut opening = text
        .trim_start()
        .trim_start_matches(['"', '“', '‘', '\'', '«']);
    let mut answers = 0;
    while opening
        .get(..2)
        .is_some_and(|w| w.eq_ignore_ascii_case("no"))
        && opening
            .get(2..)
            .is_some_and(|rest| rest.starts_with([',', '.', '!', ';', ':', '—', '–']))
    {
        answers += 1;
        opening = opening[2..]
            .trim_start_matches([',', '.', '!', ';', ':', '—', '–'])
            .trim_start();
    }
    let skip = words
        .iter()
        .take(answers)
        .take_while(|w| **w == "no")
        .count();
    // "no doubt" set off by commas ("The dam will, no doubt, hold") is an
    // aside that asserts, as it does opening a wording.
    let aside_no_doubt = || {
        text.to_lowercase()
            .split(',')
            .any(|part| part.trim() == "no doubt")
    };
    let mut negated = false;
    // The last negator counted, and where.
    let mut last: Option<(usize, &str)> = None;
    for (i, &word) in words.iter().enumerate().skip(skip) {
        let next = words.get(i + 1).copied();
        // "never" said again right after itself ("never, never") or as
        // the wording's last word ("…like this, never") is emphasis: it
        // negates once. (A second "not" is no such tag: "some were not
        // evacuated, some were not" negates twice.)
        let again = word == "never"
            && last.is_some_and(|(at, said)| said == word && (at + 1 == i || i + 1 == words.len()));
        let counts = !again
            && match word {
                "not" => {
                    !(matches!(next, Some("only" | "just" | "merely" | "simply"))
                        && words[i + 1..].iter().any(|w| matches!(*w, "but" | "also")))
                }
                "no" => !(next == Some("doubt") && (i == skip || aside_no_doubt())),
                "nor" => !negated,
                _ => NEGATORS.contains(&word) || word.ends_with("n't"),
            };
        if counts {
            negated = true;
            last = Some((i, word));
            f(i);
        }
    }
}

/// The words before a lone "one" that make it a pronoun, not a count:
/// "no one", "the one who", "any one of them", "this one". A closed list
/// of determiners, as data; a "one" followed by "another" ("one
/// another") is a pronoun too. Elsewhere a lone "one" is a figure ("one
/// person died"), as the other number words are.
const ONE_AS_PRONOUN_AFTER: &[&str] = &[
    "any", "each", "every", "no", "some", "that", "the", "this", "which",
];

/// The most words a figure in words is read from ("one hundred and
/// twenty three thousand four hundred and fifty six" is twelve).
const LONGEST_FIGURE_IN_WORDS: usize = 16;

/// A figure that a quote's normalized words state (see
/// [`figures_differ`]): a word with a digit ("3000", "6.8", "5:30"), or
/// a number the crate's number reader read from words ("three
/// hundred") or from digits with a scale word ("3 million"), by value.
/// Shown as the word, or as the value written as the crate writes
/// numbers ("3,000").
#[derive(Clone, Copy, Debug)]
pub(crate) enum Figure<'w> {
    /// A word with a digit, as normalized.
    Digits(&'w str),
    /// The value of a number read from words, or from digits and a
    /// scale word.
    Read(f64),
}

impl Figure<'_> {
    /// The figure's value: a word with digits that is no plain number
    /// ("5:30") has none.
    fn value(self) -> Option<f64> {
        match self {
            Figure::Digits(word) => word.parse().ok().filter(|v: &f64| v.is_finite()),
            Figure::Read(value) => Some(value),
        }
    }

    /// Whether two figures state the same: the same value, or, where
    /// either has none, the same word.
    fn same(self, other: Figure<'_>) -> bool {
        match (self.value(), other.value(), self, other) {
            (Some(x), Some(y), ..) => x == y,
            (_, _, Figure::Digits(x), Figure::Digits(y)) => x == y,
            _ => false,
        }
    }
}

/// The order of two wordings' figures ([`read_figures`]), figure by
/// figure: by value where both have one, else by the word as printed
/// (a figure without a value, "5:30", after one with); then the fewer
/// figures first. Quotes that state different figures in the same
/// words are related in this order, as a scope's figures are.
pub(crate) fn cmp_figures(a: &[Figure<'_>], b: &[Figure<'_>]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        let order = match (x.value(), y.value()) {
            (Some(p), Some(q)) => p.total_cmp(&q),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => x.to_string().cmp(&y.to_string()),
        };
        if order.is_ne() {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

impl std::fmt::Display for Figure<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Figure::Digits(word) => f.write_str(word),
            Figure::Read(value) => crate::quantity::write_number(f, *value),
        }
    }
}

/// Whether a normalized word is a figure's or may be part of one: it has
/// a digit, or it may be a number word ("three", "hundred").
fn figure_word(word: &str) -> bool {
    word.bytes().any(|byte| byte.is_ascii_digit()) || crate::parse::may_be_number_word(word)
}

/// The figures in digits of normalized words: each word with a digit.
fn digit_figures<'w>(words: &[&'w str]) -> impl Iterator<Item = Figure<'w>> {
    words
        .iter()
        .copied()
        .filter(|word| word.bytes().any(|byte| byte.is_ascii_digit()))
        .map(Figure::Digits)
}

/// The figures of normalized words, in words and in digits, in order,
/// as the crate's number reader reads them
/// ([`crate::parse::leading_number`]): "three hundred" is 300, "3
/// million" 3,000,000, "half a million" 500,000. A lone "one" after a
/// word of [`ONE_AS_PRONOUN_AFTER`], or before "another", is no figure.
/// A word with a digit that does not read as a number ("5:30") is a
/// figure by its word.
pub(crate) fn read_figures<'w>(words: &[&'w str]) -> Vec<Figure<'w>> {
    let is_digits = |word: &str| word.bytes().any(|byte| byte.is_ascii_digit());
    let mut figures = Vec::new();
    let mut run = String::new();
    let mut i = 0;
    while let Some(&word) = words.get(i) {
        let next = words.get(i + 1).copied();
        let digits = is_digits(word);
        // Where a number may start: digits with a number word after
        // them ("3 million"), a number word, or "a" or "an" before a
        // scale word ("a hundred").
        let starts = if digits {
            next.is_some_and(crate::parse::may_be_number_word)
        } else {
            crate::parse::may_be_number_word(word)
                || (matches!(word, "a" | "an")
                    && next.is_some_and(|w| crate::parse::scale_word(w).is_some()))
        };
        if !starts {
            if digits {
                figures.push(Figure::Digits(word));
            }
            i += 1;
            continue;
        }
        run.clear();
        let end = words.len().min(i + LONGEST_FIGURE_IN_WORDS);
        for (k, part) in words[i..end].iter().enumerate() {
            if k > 0 {
                run.push(' ');
            }
            run.push_str(part);
        }
        // How many words the number read takes: it must end where a
        // word does.
        let read = crate::parse::leading_number(&run).and_then(|(value, len, lone_one)| {
            let rest = run.get(len..)?;
            if !(rest.is_empty() || rest.starts_with(' ')) || len == 0 {
                return None;
            }
            Some((value, run[..len].split(' ').count(), lone_one))
        });
        match read {
            Some((_, 1, _)) if digits => {
                figures.push(Figure::Digits(word));
                i += 1;
            }
            Some((value, taken, lone_one)) => {
                let pronoun = lone_one
                    && (i > 0 && ONE_AS_PRONOUN_AFTER.contains(&words[i - 1])
                        || next == Some("another"));
                if !pronoun {
                    figures.push(Figure::Read(value));
                }
                i += taken;
            }
            None => {
                if digits {
                    figures.push(Figure::Digits(word));
                }
                i += 1;
            }
        }
    }
    figures
}

/// The first figure two wordings state differently ("300" and "3000"):
/// each states as many figures, in order, and a pair of them differ. A
/// wording that drops or adds a figure states no other figure, so this
/// is `None` for it.
///
/// A figure in digits is a word with a digit; where the two wordings
/// differ in their number words (the words that may be part of a number
/// written in words, "three", "hundred", "million", in order), the
/// figures are read with the crate's number reader ([`read_figures`]),
/// so that "three hundred" against "three thousand" differ (300 and
/// 3,000), while "three hundred" against "300", "five dogs" against "5
/// dogs" and "3 million" against "3,000,000" state the same figure
/// (seventeenth audit, C4). Where both write the same number words in
/// the same order, those state the same figures, and the digits alone
/// are compared, without the reading: quote comparison is a hot path.
/// Figures are the same when their values are ("3000" and "3000.0"),
/// or, for a word with digits that reads as no plain number ("5:30"),
/// their words.
pub(crate) fn figures_differ<'w>(a: &[&'w str], b: &[&'w str]) -> Option<(Figure<'w>, Figure<'w>)> {
    fn number_words<'v>(words: &'v [&'v str]) -> impl Iterator<Item = &'v str> {
        words
            .iter()
            .copied()
            .filter(|word| crate::parse::may_be_number_word(word))
    }
    // The words the two share at their start and end are the same
    // number words on both sides: only those between can differ, and
    // two wordings of one quote mostly differ in a few words.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (middle_a, middle_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if number_words(middle_a).eq(number_words(middle_b)) {
        if digit_figures(a).count() != digit_figures(b).count() {
            return None;
        }
        return digit_figures(a)
            .zip(digit_figures(b))
            .find(|(x, y)| !x.same(*y));
    }
    let (fa, fb) = (read_figures(a), read_figures(b));
    if fa.len() != fb.len() {
        return None;
    }
    fa.into_iter().zip(fb).find(|(x, y)| !x.same(*y))
}

/// A figure of a quote's normalized words (see [`figures_differ`]) as
/// `text`, the quote as printed, writes it: "3,000" where the words say
/// "3000", since normalizing drops a separator and a reader checks the
/// figure against the article. For a word with digits, the first run of
/// digits, separators and decimal points in `text` that is the figure
/// without its separators; the figure itself where none is, and for a
/// figure read from words ("three hundred", shown as its value, 300).
pub(crate) fn printed_figure<'t>(text: &'t str, figure: Figure<'t>) -> Figure<'t> {
    let Figure::Digits(word) = figure else {
        return figure;
    };
    let in_run = |ch: char| ch.is_ascii_digit() || matches!(ch, ',' | '.');
    let mut rest = text;
    while let Some(start) = rest.find(|ch: char| ch.is_ascii_digit()) {
        let run = &rest[start..];
        let len = run.find(|ch: char| !in_run(ch)).unwrap_or(run.len());
        let printed = run[..len].trim_end_matches([',', '.']);
        if printed.chars().filter(|&ch| ch != ',').eq(word.chars()) {
            return Figure::Digits(printed);
        }
        rest = &run[len..];
    }
    figure
}

/// Whether two wordings are the same words but for figures: once each
/// run of figure words ([`figure_skeleton`]) stands as one, they are the
/// same, so a figure may take a different number of words on each side
/// ("three hundred" and "3000", "8 billion" and "800 million", "800
/// million" and "eight billion dollars"; twentieth audit, G2). Such
/// wordings are one quote's wording with a figure changed, however short
/// ("we rescued 300" and "we rescued 3000", "we rescued twenty" and "we
/// rescued thirty" score below the threshold).
pub(crate) fn same_but_figures(a: &[&str], b: &[&str], vocabulary: &Vocabulary) -> bool {
    figure_skeleton(a, vocabulary).eq(figure_skeleton(b, vocabulary))
}

/// Whether two wordings are one quote's words with a figure written
/// otherwise ("$8 billion" and "eight billion dollars", "three hundred
/// and twenty" and "320"): the same words but for their runs of figure
/// words ([`same_but_figures`]), not the same words, the same figures
/// ([`same_figures`]), and no sign that differs ([`measures_differ`]:
/// "$8 billion" and "8 billion euros" conflict). `a` and `b` are the
/// normalized words of `a_text` and `b_text`, as printed. Such wordings
/// are a variant of one quote, however short (twentieth audit, G2, left
/// "different quotes" before).
pub(crate) fn figures_written_otherwise(
    (a, a_text): (&[&str], &str),
    (b, b_text): (&[&str], &str),
    vocabulary: &Vocabulary,
) -> bool {
    a != b
        && same_but_figures(a, b, vocabulary)
        && same_figures(a, b)
        && measures_differ((a, a_text), (b, b_text), vocabulary).is_none()
}

/// Whether two wordings state as many figures, at least one, each of
/// the same value, read in words and digits alike ("three hundred" and
/// "300").
pub(crate) fn same_figures(a: &[&str], b: &[&str]) -> bool {
    let (fa, fb) = (read_figures(a), read_figures(b));
    !fa.is_empty() && fa.len() == fb.len() && fa.iter().zip(&fb).all(|(x, y)| x.same(*y))
}

/// The measures two wordings' signs state ([`stated_measures`]), joined
/// with "and" ("US dollars" and "euros"), where both state some and they
/// differ: a figure in another currency is another figure. A sign that
/// one wording drops ("$8 billion", "8 billion") is no difference.
pub(crate) fn measures_differ(
    (a, a_text): (&[&str], &str),
    (b, b_text): (&[&str], &str),
    vocabulary: &Vocabulary,
) -> Option<(String, String)> {
    measures_apart(
        &stated_measures(a, a_text, vocabulary),
        &stated_measures(b, b_text, vocabulary),
    )
}

/// Whether a word added or removed in `diff` is one for a sign
/// ([`in_figure_run`]: "dollars", "percent"): near-same wordings whose
/// changed words hold none state their figures' measures alike, as far
/// as their words tell, and [`measures_differ`] is not asked of them
/// (quote relations are a hot path).
fn sign_word_changed(diff: &[WordChange], vocabulary: &Vocabulary) -> bool {
    diff.iter().any(|change| match change {
        WordChange::Added(text) | WordChange::Removed(text) => text.split(' ').any(|word| {
            matches!(word, "percent" | "pct" | "per" | "cent") || vocabulary.is_currency_word(word)
        }),
        WordChange::Same(_) => false,
    })
}

/// [`measures_differ`] of two wordings' [`stated_measures`].
pub(crate) fn measures_apart(a: &[&str], b: &[&str]) -> Option<(String, String)> {
    (!a.is_empty() && !b.is_empty() && a != b).then(|| (a.join(" and "), b.join(" and ")))
}

/// The measures a wording's signs state, sorted and each once: those of
/// the currency signs printed in `text` (the longest sign at each place:
/// "US$" is one sign), of the words for them beside a figure in its
/// normalized `words` ("dollars"), and "percent" for a "%" printed or a
/// word for it ("percent", "pct", "per cent"). Normalizing drops a sign,
/// so two wordings are held to state the same signs by these.
pub(crate) fn stated_measures<'v>(
    words: &[&str],
    text: &str,
    vocabulary: &'v Vocabulary,
) -> Vec<&'v str> {
    const PERCENT: &str = "percent";
    let mut measures: Vec<&'v str> = Vec::new();
    // A sign goes with a figure: a wording without one states none (most
    // quotes, told at one look a word).
    if !has_figure(words) {
        return measures;
    }
    // The bytes a sign may open with, either case: most bytes open none.
    let mut opens = [false; 256];
    for (sign, ..) in vocabulary.currency_signs() {
        if let Some(&byte) = sign.as_bytes().first() {
            opens[usize::from(byte)] = true;
            opens[usize::from(byte.to_ascii_uppercase())] = true;
        }
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            measures.push(PERCENT);
        }
        let sign = opens[usize::from(bytes[i])]
            .then(|| {
                vocabulary
                    .currency_signs()
                    .filter(|(sign, ..)| {
                        text.get(i..i + sign.len())
                            .is_some_and(|at| at.eq_ignore_ascii_case(sign))
                    })
                    .max_by_key(|(sign, ..)| sign.len())
            })
            .flatten();
        match sign {
            Some((sign, measure, _)) => {
                measures.push(measure);
                i += sign.len();
            }
            None => i += 1,
        }
    }
    for (i, &word) in words.iter().enumerate() {
        if !in_figure_run(words, i, vocabulary) || in_number(words, i) {
            continue;
        }
        match word {
            "percent" | "pct" | "per" => measures.push(PERCENT),
            "cent" => {}
            word => measures.extend(vocabulary.measure(word)),
        }
    }
    measures.sort_unstable();
    measures.dedup();
    measures
}

/// Whether the word at `i` of normalized `words` is a number's: a figure
/// word ([`figure_word`]: a word with a digit, or one that may be part
/// of a number in words), an "a" or "an" before a scale word ("a
/// hundred", "half a million"), or an "and" between two figure words
/// ("three hundred and twenty"), as the number reader reads them.
fn in_number(words: &[&str], i: usize) -> bool {
    let Some(&word) = words.get(i) else {
        return false;
    };
    let next = words.get(i + 1).copied();
    figure_word(word)
        || (matches!(word, "a" | "an")
            && next.is_some_and(|w| crate::parse::scale_word(w).is_some()))
        || (word == "and" && i > 0 && figure_word(words[i - 1]) && next.is_some_and(figure_word))
}

/// Whether the word at `i` of normalized `words` is part of a run of
/// figure words: a number's ([`in_number`]), or, next to one, a word
/// for a sign that normalizing drops: a unit word of a measure the
/// vocabulary's currency signs stand for ("dollars" for "$": "$8
/// billion" is "8 billion", "8 billion dollars" keeps its word), or a
/// word for the percent sign ("percent", "pct", "per cent").
fn in_figure_run(words: &[&str], i: usize, vocabulary: &Vocabulary) -> bool {
    let Some(&word) = words.get(i) else {
        return false;
    };
    if in_number(words, i) {
        return true;
    }
    let beside = |k: usize| (k > 0 && in_number(words, k - 1)) || in_number(words, k + 1);
    match word {
        "percent" | "pct" => beside(i),
        "per" => words.get(i + 1) == Some(&"cent") && i > 0 && in_number(words, i - 1),
        "cent" => i > 1 && words[i - 1] == "per" && in_number(words, i - 2),
        // The neighbours first: most words stand beside no number.
        word => beside(i) && vocabulary.is_currency_word(word),
    }
}

/// Whether any word of normalized `words` is a number's ([`in_number`]):
/// a wording with none has no figure run ([`figure_skeleton`] gives its
/// words), which this tells at one look a word.
pub(crate) fn has_figure(words: &[&str]) -> bool {
    (0..words.len()).any(|i| in_number(words, i))
}

/// A wording's words with each run of figure words ([`in_figure_run`])
/// as one `None`: "we lost 8 billion of customer money" is `we lost _
/// of customer money`, as are "we lost 800 million of customer money"
/// and "we lost eight billion dollars of customer money". Two wordings
/// with the same skeleton are the same words but for their figures
/// ([`same_but_figures`]), and quote blocking keys wordings by it, so
/// that such wordings always meet.
pub(crate) fn figure_skeleton<'v, 'w>(
    words: &'v [&'w str],
    vocabulary: &'v Vocabulary,
) -> impl Iterator<Item = Option<&'w str>> + 'v {
    let mut i = 0;
    std::iter::from_fn(move || {
        let word = *words.get(i)?;
        if in_figure_run(words, i, vocabulary) {
            while in_figure_run(words, i, vocabulary) {
                i += 1;
            }
            Some(None)
        } else {
            i += 1;
            Some(Some(word))
        }
    })
}

/// Whether a wording negates an odd number of times ([`each_negator`]):
/// two wordings of one statement, one of which negates it, differ in this.
pub(crate) fn negates_oddly(words: &[&str], text: &str) -> bool {
    let mut odd = false;
    each_negator(words, text, |_| odd = !odd);
    odd
}

/// True when one wording negates once more or once less than the other
/// (counted in normalized words, `a` and `b`, of the texts as printed,
/// `a_text` and `b_text`, by [`each_negator`]): "we will raise taxes"
/// against "we will not raise taxes", but not "will not" against "won't",
/// nor "we will not only rebuild" against "we will rebuild".
pub(crate) fn negation_differs(a: &[&str], a_text: &str, b: &[&str], b_text: &str) -> bool {
    negates_oddly(a, a_text) != negates_oddly(b, b_text)
}

/// The words of a wording with its negation taken out: the negators that
/// [`each_negator`] counts dropped, a contraction in "n't" read as its
/// verb ("won't" as "will", "can't" as "can"), "neither… nor" read as
/// "either… or", the "do" that English negates a verb with dropped
/// before the verb ("we did not fire" as "we fire", "we didn't detain" as
/// "we detain"), which [`negation_reach`] matches with its inflected
/// form ("we fired"), and the "any" a negation brings dropped after it
/// ("anyone" as "someone"). A "did not" that ends the wording keeps its
/// "did".
pub(crate) fn without_negation<'w>(words: &[&'w str], text: &str) -> Vec<&'w str> {
    // A "nor" that is not counted goes on with a negation: "or" once the
    // negation is gone. After a negation, "any" is there for it ("we
    // didn't detain any journalists"): the affirmative has none ("we
    // detained journalists"), or "some" ("anyone" is "someone").
    let copy = |out: &mut Vec<&'w str>, kept: &[&'w str], negated: bool| {
        out.extend(kept.iter().filter_map(|&w| match w {
            "nor" => Some("or"),
            "any" if negated => None,
            "anyone" if negated => Some("someone"),
            "anybody" if negated => Some("somebody"),
            "anything" if negated => Some("something"),
            "anywhere" if negated => Some("somewhere"),
            w => Some(w),
        }));
    };
    let mut out: Vec<&'w str> = Vec::with_capacity(words.len());
    let mut from = 0;
    let is_do = |w: &str| matches!(w, "do" | "does" | "did");
    each_negator(words, text, |i| {
        copy(&mut out, &words[from..i], from > 0);
        from = i + 1;
        // A verb follows: the "do" is only the negation's.
        let verb_follows = words.get(i + 1).is_some();
        if words[i] == "neither" {
            out.push("either");
        } else if let Some(verb) = words[i].strip_suffix("n't") {
            match verb {
                "wo" => out.push("will"),
                "ca" => out.push("can"),
                "sha" => out.push("shall"),
                verb if is_do(verb) && verb_follows => {}
                verb => out.push(verb),
            }
        } else if words[i] == "not" && verb_follows && out.last().is_some_and(|w| is_do(w)) {
            out.pop();
        }
    });
    copy(&mut out, &words[from..], from > 0);
    out
}

/// The similarity of two wordings (normalized words and printed text of
/// each) once their negation is taken out ([`without_negation`]), when it
/// reaches `threshold`: for wordings that differ in negation
/// ([`negation_differs`]), whether they are one statement and its
/// negation even where the negation alone puts them below the threshold
/// ("we will win" and "we will not win", 0.75).
pub(crate) fn negation_reach(
    (a, a_text): (&[&str], &str),
    (b, b_text): (&[&str], &str),
    threshold: Similarity,
    vocabulary: &Vocabulary,
) -> Option<Similarity> {
    denied_reach(
        &without_negation(a, a_text),
        &without_negation(b, b_text),
        threshold,
        vocabulary,
    )
}

/// [`words_reach`] for two wordings with their negation taken out
/// ([`without_negation`]), where a word matches its regular inflections
/// ([`inflects`]) and the irregular forms the vocabulary lists
/// ([`Vocabulary::is_verb_form`]): taking out "did not" leaves the bare
/// verb ("we fire tear gas", "we shoot") where the affirmative has it
/// inflected ("we fired", "we shot").
pub(crate) fn denied_reach(
    a: &[&str],
    b: &[&str],
    threshold: Similarity,
    vocabulary: &Vocabulary,
) -> Option<Similarity> {
    reach_by(a, b, threshold, |x, y| {
        x == y
            || inflects(x, y)
            || inflects(y, x)
            || vocabulary.is_verb_form(x, y)
            || vocabulary.is_verb_form(y, x)
    })
}

/// Whether `form` is a regular inflection of the verb or noun `base`:
/// "fire" / "fires", "fired"; "detain" / "detained"; "stop" / "stopped";
/// "deny" / "denied", "denies"; "push" / "pushes". Irregular forms
/// ("shoot" / "shot") are the vocabulary's ([`denied_reach`]).
fn inflects(base: &str, form: &str) -> bool {
    if base.len() < 2 {
        return false;
    }
    let Some(rest) = form.strip_prefix(base) else {
        // "deny" / "denied", "denies".
        return base.strip_suffix('y').is_some_and(|stem| {
            form.strip_prefix(stem)
                .is_some_and(|end| matches!(end, "ied" | "ies"))
        });
    };
    match rest {
        "s" | "es" | "d" | "ed" => true,
        // A doubled final consonant: "stop" / "stopped".
        _ => {
            rest.len() == 3
                && rest.ends_with("ed")
                && base.ends_with(&rest[..1])
                && !rest.starts_with(['a', 'e', 'i', 'o', 'u', 'y'])
        }
    }
}

/// Levenshtein distance over words, in two rows of memory.
fn word_edit_distance(a: &[&str], b: &[&str]) -> usize {
    word_edit_distance_by(a, b, |x, y| x == y)
}

/// [`word_edit_distance`] with words matched by `same`.
///
/// The words the two share at their start and at their end are matched
/// and left out: the distance is that of what lies between (for any
/// `same`: dropping a word from one side changes a distance by at most
/// one, so matching two words that match is always as good as any other
/// step). Near-verbatim wordings differ in a few words, and the table
/// is then a few words wide rather than the whole of both.
fn word_edit_distance_by(a: &[&str], b: &[&str], same: impl Fn(&str, &str) -> bool) -> usize {
    let start = a.iter().zip(b).take_while(|(x, y)| same(x, y)).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    let (a, b) = (&a[..a.len() - end], &b[..b.len() - end]);
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    edit_distance_table(a, b, same)
}

/// Levenshtein distance over words matched by `same`, by the whole
/// table, two rows at a time.
fn edit_distance_table(a: &[&str], b: &[&str], same: impl Fn(&str, &str) -> bool) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, wa) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, wb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(!same(wa, wb));
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

pub(crate) fn word_diff(a: &[&str], b: &[&str]) -> Vec<WordChange> {
    let mut out: Vec<WordChange> = Vec::new();
    for (tag, words) in similar::utils::diff_slices(similar::Algorithm::Myers, a, b) {
        let text = words.join(" ");
        let change = match tag {
            similar::ChangeTag::Equal => WordChange::Same(text),
            similar::ChangeTag::Delete => WordChange::Removed(text),
            similar::ChangeTag::Insert => WordChange::Added(text),
        };
        out.push(change);
    }
    out
}

/// Renders a diff compactly: `… [-that-] we know {+that+} …`, keeping
/// three words of context around each change.
pub(crate) fn render_diff(diff: &[WordChange]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let last = diff.len().saturating_sub(1);
    for (i, change) in diff.iter().enumerate() {
        match change {
            WordChange::Same(text) => {
                let words: Vec<&str> = text.split(' ').collect();
                let (n, k) = (words.len(), 3);
                if diff.len() == 1 || (i != 0 && i != last && n <= 2 * k) {
                    parts.push(text.clone());
                } else if i == 0 {
                    if n > k {
                        parts.push("…".to_string());
                    }
                    parts.push(words[n.saturating_sub(k)..].join(" "));
                } else if i == last {
                    parts.push(words[..k.min(n)].join(" "));
                    if n > k {
                        parts.push("…".to_string());
                    }
                } else {
                    parts.push(words[..k].join(" "));
                    parts.push("…".to_string());
                    parts.push(words[n - k..].join(" "));
                }
            }
            WordChange::Removed(text) => parts.push(format!("[-{text}-]")),
            WordChange::Added(text) => parts.push(format!("{{+{text}+}}")),
        }
    }
    parts.join(" ")
}

/// The differences of scope between two claims, if any.
pub(crate) fn scope_difference(a: &Scope, b: &Scope) -> Option<ScopeDifference> {
    let projected = |s: &Scope| s.status == Status::Projected;
    if projected(a) != projected(b) {
        return Some(ScopeDifference::Projection {
            statuses: [a.status, b.status],
            horizon: a
                .horizon
                .as_deref()
                .or(b.horizon.as_deref())
                .map(str::to_string),
        });
    }
    if let (Some(pa), Some(pb)) = (&a.population, &b.population)
        && normalize_text(pa) != normalize_text(pb)
    {
        return Some(ScopeDifference::Population {
            populations: [pa.to_string(), pb.to_string()],
        });
    }
    if let (Some(ta), Some(tb)) = (a.time, b.time)
        && !ta.overlaps(&tb)
    {
        return Some(ScopeDifference::Time { times: [ta, tb] });
    }
    None
}

/// Words a horizon written to follow "a projection" begins with: "over
/// the medium term", "by 2025", "within a year".
const HORIZON_LEADS: &[&str] = &[
    "after",
    "at",
    "before",
    "beyond",
    "by",
    "during",
    "for",
    "from",
    "in",
    "into",
    "over",
    "through",
    "throughout",
    "till",
    "to",
    "until",
    "within",
];

/// Appends a projection's horizon: after a space when it reads on ("a
/// projection over the medium term"), else in parentheses ("a projection
/// (final result)").
pub(crate) fn push_horizon(out: &mut String, horizon: &str) {
    let reads_on = horizon.split_whitespace().next().is_some_and(|w| {
        HORIZON_LEADS
            .iter()
            .any(|lead| w.eq_ignore_ascii_case(lead))
    });
    if reads_on {
        out.push(' ');
        push_scope_text(out, horizon);
    } else {
        out.push_str(" (");
        push_scope_text(out, horizon);
        out.push(')');
    }
}

/// Appends a scope's own text (a population, a horizon, a unit of
/// measure) as written, or quoted as Rust writes a string's debug form
/// when it holds a character that gives a scope label or a sentence its
/// shape: `;`, which parts a label ("projected; 2024-03") and a
/// sentence's clauses, or a bracket, which closes a label in a verdict
/// (`conflict [children]`). A population "men; women" would otherwise
/// read as two parts, and a crafted one as a clause of its own (tenth
/// audit, F9).
pub(crate) fn push_scope_text(out: &mut String, text: &str) {
    if text.contains([';', '[', ']']) {
        use std::fmt::Write;
        let _ = write!(out, "{text:?}");
    } else {
        out.push_str(text);
    }
}

fn describe_scope(difference: &ScopeDifference) -> String {
    match difference {
        ScopeDifference::Projection { statuses, horizon } => {
            let which = if statuses[0] == Status::Projected {
                "the first"
            } else {
                "the second"
            };
            let mut text = format!("{which} is a projection");
            if let Some(h) = horizon {
                push_horizon(&mut text, h);
            }
            text
        }
        ScopeDifference::Population { populations } => {
            let mut text = String::from("they count different populations (");
            push_scope_text(&mut text, &populations[0]);
            text.push_str(" and ");
            push_scope_text(&mut text, &populations[1]);
            text.push(')');
            text
        }
        ScopeDifference::Time { times } => format!(
            "they hold at different times ({} and {})",
            times[0], times[1]
        ),
    }
}

/// Whether two occasions are one: the same text, or the same once
/// normalized (case, punctuation and spacing aside).
fn same_occasion(x: &str, y: &str) -> bool {
    x == y || normalize_text(x) == normalize_text(y)
}

/// The end of the sentence of two quotes of one speaker, one negating
/// the other, when their claims show them said apart: each side's claims
/// all give a `said` date and the dates of one side all end before those
/// of the other begin, or each side's claims all give one occasion and
/// the two sides' occasions differ once normalized. It names each side's
/// occasion (where the occasions differ) and dates, in the order given,
/// and says that the speaker may have changed position: "; they were said
/// on different occasions (c1: press briefing, 9 March, 2026-03-09; c2:
/// radio interview, 12 March, 2026-03-12): the speaker may have changed
/// position rather than been misquoted", or "on different dates (c1:
/// 2026-03-09; c2: 2026-03-12)" where the dates alone differ. Written as
/// nothing otherwise. It reads the model's
/// fields alone, never the words; the relation stays a conflict
/// (DESIGN.md, "Why do negated quotes said apart still conflict?").
pub(crate) struct SaidApart<'c>(Option<([SaidSide<'c>; 2], bool)>);

/// When and where one side of a [`SaidApart`] was said.
struct SaidSide<'c> {
    label: &'c str,
    /// The occasion all the side's claims give, if they give one.
    occasion: Option<&'c str>,
    /// The `said` dates that start first and end last, if every claim
    /// of the side gives one.
    said: Option<(&'c Period, &'c Period)>,
}

impl<'c> SaidSide<'c> {
    fn of(label: &'c str, claims: &[&'c Claim]) -> SaidSide<'c> {
        let occasion_of = |c: &'c Claim| match &c.value {
            Value::Quote(q) => q.occasion(),
            _ => None,
        };
        let occasion = claims.split_first().and_then(|(first, rest)| {
            let shared = occasion_of(first)?;
            rest.iter()
                .all(|c| occasion_of(c).is_some_and(|o| same_occasion(o, shared)))
                .then_some(shared)
        });
        let mut said: Option<(&Period, &Period)> = None;
        for claim in claims {
            let Some(when) = &claim.assertion.said else {
                said = None;
                break;
            };
            said = Some(match said {
                None => (when, when),
                Some((first, last)) => (
                    if when.start() < first.start() {
                        when
                    } else {
                        first
                    },
                    if when.end() > last.end() { when } else { last },
                ),
            });
        }
        SaidSide {
            label,
            occasion,
            said,
        }
    }
}

impl<'c> SaidApart<'c> {
    /// Two sides, each a label and its claims.
    pub(crate) fn of(a: (&'c str, &[&'c Claim]), b: (&'c str, &[&'c Claim])) -> SaidApart<'c> {
        let (a, b) = (SaidSide::of(a.0, a.1), SaidSide::of(b.0, b.1));
        let dates_apart = match (a.said, b.said) {
            (Some((a0, a1)), Some((b0, b1))) => a1.end() <= b0.start() || b1.end() <= a0.start(),
            _ => false,
        };
        let occasions_apart = match (a.occasion, b.occasion) {
            (Some(x), Some(y)) => !same_occasion(x, y),
            _ => false,
        };
        SaidApart((dates_apart || occasions_apart).then_some(([a, b], occasions_apart)))
    }
}

impl std::fmt::Display for SaidApart<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some((sides, occasions_apart)) = &self.0 else {
            return Ok(());
        };
        // The occasions are named where they differ; one occasion on
        // both sides, said on two dates, is said on different dates.
        f.write_str(if *occasions_apart {
            "; they were said on different occasions ("
        } else {
            "; they were said on different dates ("
        })?;
        for (i, side) in sides.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: ", side.label)?;
            let occasion = side.occasion.filter(|_| *occasions_apart);
            if let Some(occasion) = occasion {
                f.write_str(occasion)?;
            }
            if let Some((first, last)) = side.said {
                if occasion.is_some() {
                    f.write_str(", ")?;
                }
                if first == last {
                    write!(f, "{first}")?;
                } else {
                    write!(f, "{first} to {last}")?;
                }
            }
        }
        f.write_str("): the speaker may have changed position rather than been misquoted")
    }
}

fn modal_note(m: [Modality; 2]) -> String {
    if m[0].certainty == m[1].certainty {
        String::new()
    } else {
        format!(" (a {} claim against a {} one)", m[0], m[1])
    }
}

/// A value as a reader would say it, where the value alone says it: every
/// kind but a statement, whose object is shown by its resolved name.
pub(crate) fn show_plain_value(value: &Value) -> Option<String> {
    if matches!(value, Value::Statement(_)) {
        return None;
    }
    // Sized once: quotes are long, and growing the string costs copies.
    let room = match value {
        Value::Quote(q) => q.text().len() + 6,
        _ => 40,
    };
    let mut shown = String::with_capacity(room);
    let _ = PlainValue(value).write_to(&mut shown);
    Some(shown)
}

/// Displays a value as [`show_plain_value`] writes it, without making a
/// string: the JSON report writes every claim's value this way. A
/// statement displays as nothing; its shown value needs the resolution.
pub(crate) struct PlainValue<'v>(pub(crate) &'v Value);

impl PlainValue<'_> {
    /// Writes the value onto `out`, a quantity or a date without the
    /// formatting machinery: the reports show a value for every claim.
    pub(crate) fn write_to<W: std::fmt::Write>(&self, out: &mut W) -> std::fmt::Result {
        match self.0 {
            Value::Quantity(q) => q.write_shown(out),
            Value::Date(p) => {
                p.write_to(out)?;
                out.write_str(" (")?;
                out.write_str(p.precision().as_str())?;
                out.write_char(')')
            }
            Value::Quote(q) => {
                out.write_char('“')?;
                out.write_str(q.text())?;
                out.write_char('”')
            }
            Value::Text(t) => write!(out, "{t:?}"),
            Value::Statement(_) => Ok(()),
        }
    }
}

impl std::fmt::Display for PlainValue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

impl Analyzer<'_, '_> {
    /// The value of a claim as a reader would say it.
    pub(crate) fn show_value(&self, value: &Value) -> String {
        match value {
            // The resolved name is a string of its own already.
            Value::Statement(s) if s.polarity == Polarity::Positive => self.entity_name(&s.object),
            Value::Statement(_) => {
                let mut shown = String::new();
                self.push_value(&mut shown, value);
                shown
            }
            other => show_plain_value(other).unwrap_or_default(),
        }
    }

    /// Writes the value of a claim as [`show_value`](Self::show_value)
    /// says it onto `out`, without a string of its own: a relay finding's
    /// sentence names a value for each of a topic's thousands of relays.
    pub(crate) fn push_value(&self, out: &mut String, value: &Value) {
        match value {
            Value::Statement(s) => {
                if s.polarity == Polarity::Negative {
                    out.push_str("not ");
                }
                out.push_str(&self.entity_name(&s.object));
            }
            other => {
                let _ = PlainValue(other).write_to(out);
            }
        }
    }

    /// The relation of two quotes of different topics whose words reach
    /// the quote threshold (`similarity`) and whose speakers differ: what
    /// [`relate`](Analyzer::relate) returns for them, made without
    /// normalizing the words again.
    pub(crate) fn misattributed(&self, a: &Claim, b: &Claim, similarity: Similarity) -> Relation {
        let evidence = RelationEvidence {
            modalities: [a.assertion.modality, b.assertion.modality],
            similarity: Some(similarity),
            threshold: Some(self.policy().quote_threshold()),
            ..RelationEvidence::default()
        };
        let explanation = format!(
            "{} gives these words to {} and {} gives them to {} (similarity {similarity}): one of them is misattributed",
            a.id,
            self.entity_name(&a.subject),
            b.id,
            self.entity_name(&b.subject)
        );
        Relation {
            kind: RelationKind::Misattributed,
            evidence,
            explanation,
        }
    }

    /// Relates two claims. See [`Relation`].
    pub fn relate(&self, a: &Claim, b: &Claim) -> Relation {
        self.relate_with_words(a, b, None)
    }

    /// [`relate`](Analyzer::relate), given the normalized words of two
    /// quotes when the caller has them already (a position relates its
    /// first wording to each of the others).
    pub(crate) fn relate_with_words(
        &self,
        a: &Claim,
        b: &Claim,
        words: Option<(&[&str], &[&str])>,
    ) -> Relation {
        let modalities = [a.assertion.modality, b.assertion.modality];
        let mut evidence = RelationEvidence {
            modalities,
            ..RelationEvidence::default()
        };
        let (ia, ib) = (&a.id, &b.id);
        let same_topic = self.topic_key(a) == self.topic_key(b);

        if !same_topic {
            if let (Value::Quote(qa), Value::Quote(qb)) = (&a.value, &b.value) {
                let (na, nb) = (normalize_text(qa.text()), normalize_text(qb.text()));
                let (wa, wb) = (split_words(&na), split_words(&nb));
                let similarity = word_similarity(&wa, &wb);
                // A wording and its negation are opposite statements, not
                // one statement given to two speakers.
                if similarity >= self.policy().quote_threshold()
                    && !self.resolution().same(&a.subject, &b.subject)
                    && !negation_differs(&wa, qa.text(), &wb, qb.text())
                {
                    return self.misattributed(a, b, similarity);
                }
                evidence.similarity = Some(similarity);
                evidence.threshold = Some(self.policy().quote_threshold());
            }
            return Relation {
                kind: RelationKind::Unrelated,
                evidence,
                explanation: format!(
                    "{ia} is about {} {} and {ib} is about {} {}: they are unrelated",
                    self.entity_name(&a.subject),
                    self.policy().canonical_property(&a.property),
                    self.entity_name(&b.subject),
                    self.policy().canonical_property(&b.property),
                ),
            };
        }

        if b.corrects.as_ref() == Some(ia) || a.corrects.as_ref() == Some(ib) {
            let kind = if a.corrects.as_ref() == Some(ib) {
                RelationKind::Supersedes
            } else {
                RelationKind::SupersededBy
            };
            let (new, old) = if kind == RelationKind::Supersedes {
                (ia, ib)
            } else {
                (ib, ia)
            };
            return Relation {
                kind,
                evidence,
                explanation: format!(
                    "{new} is an explicit correction of {old}, so it supersedes it whatever the values"
                ),
            };
        }

        // Written only where a sentence uses it: quote relations do not.
        let show_values = || {
            format!(
                "{ia} gives {} and {ib} gives {}",
                self.show_value(&a.value),
                self.show_value(&b.value)
            )
        };

        if let Some(difference) = scope_difference(&a.scope, &b.scope) {
            let values = show_values();
            let overlap = self.value_overlap(a, b, &mut evidence);
            let how = describe_scope(&difference);
            let tail = match overlap {
                Some(Overlap::Disjoint) => {
                    "; they do not overlap, but this is a difference of scope, not a conflict"
                }
                _ => "; this is a difference of scope",
            };
            evidence.scope = Some(Box::new(difference));
            return Relation {
                kind: RelationKind::DifferentScope,
                evidence,
                explanation: format!("{values}: {how}{tail}"),
            };
        }

        if let (Value::Quote(qa), Value::Quote(qb)) = (&a.value, &b.value) {
            let normalized;
            let split;
            let (wa, wb) = match words {
                Some(given) => given,
                None => {
                    normalized = (normalize_text(qa.text()), normalize_text(qb.text()));
                    split = (split_words(&normalized.0), split_words(&normalized.1));
                    (&split.0[..], &split.1[..])
                }
            };
            let similarity = word_similarity(wa, wb);
            let threshold = self.policy().quote_threshold();
            evidence.similarity = Some(similarity);
            evidence.threshold = Some(threshold);
            // Two wordings that are one quote's words but for `what`
            // conflict: the sentence, with the word diff, which the
            // evidence keeps.
            let same_words_but = |evidence: &mut RelationEvidence, what: &str| {
                let diff = word_diff(wa, wb);
                let shown = render_diff(&diff);
                evidence.diff = diff;
                (
                    RelationKind::Conflict,
                    format!(
                        "{ia} and {ib} print the same words but for {what}, so they conflict: {shown}{}",
                        SaidApart::of((ia.as_str(), &[a]), (ib.as_str(), &[b]))
                    ),
                )
            };
            let (kind, explanation) = if wa == wb
                && qa.text() != qb.text()
                && let Some((x, y)) =
                    measures_differ((wa, qa.text()), (wb, qb.text()), self.policy().vocabulary())
            {
                // Normalizing drops a sign: "$8 billion", "€8 billion".
                (
                    RelationKind::Conflict,
                    format!(
                        "{ia} and {ib} print the same words, once normalized, but they state a figure in different measures ({x} and {y}), so they conflict{}",
                        SaidApart::of((ia.as_str(), &[a]), (ib.as_str(), &[b]))
                    ),
                )
            } else if wa == wb {
                (
                    RelationKind::Verbatim,
                    format!("{ia} and {ib} print the same words, once normalized: verbatim"),
                )
            } else if similarity >= threshold {
                let diff = word_diff(wa, wb);
                let shown = render_diff(&diff);
                evidence.diff = diff;
                let near = format!(
                    "{ia} and {ib} print near-same words (similarity {similarity}, threshold {threshold})"
                );
                if negation_differs(wa, qa.text(), wb, qb.text()) {
                    (
                        RelationKind::Conflict,
                        format!(
                            "{near}, but one negates what the other says, so they conflict: {shown}{}",
                            SaidApart::of((ia.as_str(), &[a]), (ib.as_str(), &[b]))
                        ),
                    )
                } else if let Some((x, y)) = figures_differ(wa, wb) {
                    let (x, y) = (printed_figure(qa.text(), x), printed_figure(qb.text(), y));
                    (
                        RelationKind::Conflict,
                        format!(
                            "{near}, but they state different figures ({x} and {y}), so they conflict: {shown}{}",
                            SaidApart::of((ia.as_str(), &[a]), (ib.as_str(), &[b]))
                        ),
                    )
                } else if sign_word_changed(&evidence.diff, self.policy().vocabulary())
                    && same_but_figures(wa, wb, self.policy().vocabulary())
                    && let Some((x, y)) = measures_differ(
                        (wa, qa.text()),
                        (wb, qb.text()),
                        self.policy().vocabulary(),
                    )
                {
                    (
                        RelationKind::Conflict,
                        format!(
                            "{near}, but they state a figure in different measures ({x} and {y}), so they conflict: {shown}{}",
                            SaidApart::of((ia.as_str(), &[a]), (ib.as_str(), &[b]))
                        ),
                    )
                } else {
                    (
                        RelationKind::Variant,
                        format!("{near}: a variant wording of one quote: {shown}"),
                    )
                }
            } else if negation_differs(wa, qa.text(), wb, qb.text())
                && let Some(without) = negation_reach(
                    (wa, qa.text()),
                    (wb, qb.text()),
                    threshold,
                    self.policy().vocabulary(),
                )
            {
                same_words_but(
                    &mut evidence,
                    &format!("a negation (similarity {without} without it, threshold {threshold})"),
                )
            } else if same_but_figures(wa, wb, self.policy().vocabulary())
                && let Some((x, y)) = figures_differ(wa, wb)
            {
                let (x, y) = (printed_figure(qa.text(), x), printed_figure(qb.text(), y));
                same_words_but(&mut evidence, &format!("a figure ({x} and {y})"))
            } else if same_but_figures(wa, wb, self.policy().vocabulary())
                && same_figures(wa, wb)
                && let Some((x, y)) =
                    measures_differ((wa, qa.text()), (wb, qb.text()), self.policy().vocabulary())
            {
                same_words_but(
                    &mut evidence,
                    &format!("the measure of a figure ({x} and {y})"),
                )
            } else if !negation_differs(wa, qa.text(), wb, qb.text())
                && figures_written_otherwise(
                    (wa, qa.text()),
                    (wb, qb.text()),
                    self.policy().vocabulary(),
                )
            {
                let diff = word_diff(wa, wb);
                let shown = render_diff(&diff);
                evidence.diff = diff;
                (
                    RelationKind::Variant,
                    format!(
                        "{ia} and {ib} print the same words and figures, a figure written otherwise: a variant wording of one quote: {shown}"
                    ),
                )
            } else {
                (
                    RelationKind::DifferentQuote,
                    format!(
                        "{ia} and {ib} print different words (similarity {similarity}, below {threshold}): different quotes"
                    ),
                )
            };
            return Relation {
                kind,
                evidence,
                explanation,
            };
        }

        let values = show_values();
        let overlap = self.value_overlap(a, b, &mut evidence);
        // A quantity the vocabulary cannot place is not compared, and
        // nothing is said of whether the two agree (seventeenth audit,
        // D5), as the report says of its position.
        if overlap.is_none()
            && matches!(
                (&a.value, &b.value),
                (Value::Quantity(_), Value::Quantity(_))
            )
        {
            return Relation {
                kind: RelationKind::NotCompared,
                evidence,
                explanation: format!(
                    "{values}: one is not in the vocabulary, so they cannot be compared"
                ),
            };
        }
        let (pa, pb) = (
            Analyzer::effective_polarity(a),
            Analyzer::effective_polarity(b),
        );
        let note = modal_note(modalities);

        // An assertion against a denial of the same value: they conflict
        // where the denial denies all the assertion allows (its value
        // lies within the denied one); where it denies only part, both
        // can hold (fifteenth audit, A4).
        if pa != pb {
            let asserted_within = if pa == Polarity::Positive {
                Overlap::Inside
            } else {
                Overlap::Contains
            };
            let all_denied =
                matches!(overlap, Some(o) if o == Overlap::Equal || o == asserted_within);
            let part_denied = matches!(
                overlap,
                Some(Overlap::Inside | Overlap::Contains | Overlap::Overlaps)
            );
            if part_denied && !all_denied {
                return Relation {
                    kind: RelationKind::Compatible,
                    evidence,
                    explanation: format!(
                        "{values}: one denies part of what the other allows, not all of it, so both can hold{note}"
                    ),
                };
            }
            if all_denied {
                let (yes, no) = if pa == Polarity::Positive {
                    (ia, ib)
                } else {
                    (ib, ia)
                };
                return Relation {
                    kind: RelationKind::Conflict,
                    evidence,
                    explanation: format!(
                        "{values}: {yes} asserts what {no} denies, so the claims conflict{note}"
                    ),
                };
            }
            return Relation {
                kind: RelationKind::Compatible,
                evidence,
                explanation: format!(
                    "{values}: one denies a value the other does not assert, so both can hold{note}"
                ),
            };
        }

        // A cumulative or current property: a later report is a newer
        // figure.
        let (series, cumulative) = self.policy().series(&a.property);
        if let Some(series) = series
            && overlap != Some(Overlap::Equal)
        {
            let (ra, rb) = (self.reported(a), self.reported(b));
            if let (Some(ra), Some(rb)) = (ra, rb)
                && (ra.end() <= rb.start() || rb.end() <= ra.start())
            {
                evidence.reported = Some(Box::new([Some(ra), Some(rb)]));
                let a_later = rb.end() <= ra.start();
                let (new, old, rn, ro) = if a_later {
                    (ia, ib, ra, rb)
                } else {
                    (ib, ia, rb, ra)
                };
                // A running total does not fall: a later figure wholly
                // below the earlier one contradicts it, unless it says it
                // corrects it (`corrects`, handled before this).
                if let Some([x, y]) = evidence.intervals
                    && cumulative
                {
                    let (later, earlier) = if a_later { (x, y) } else { (y, x) };
                    if fell(&earlier, &later) {
                        let mut explanation = values;
                        push_fall(&mut explanation, [new, old], [&rn, &ro], "claims");
                        return Relation {
                            kind: RelationKind::Conflict,
                            evidence,
                            explanation,
                        };
                    }
                }
                return Relation {
                    kind: if a_later {
                        RelationKind::Supersedes
                    } else {
                        RelationKind::SupersededBy
                    },
                    evidence,
                    explanation: format!(
                        "{values}: the property is {series} and {new} (reported {rn}) is later than {old} (reported {ro}), so {new} supersedes {old}"
                    ),
                };
            }
        }

        let (kind, why) = match overlap {
            Some(Overlap::Equal) => (
                RelationKind::Agree,
                "the values are the same, so the claims agree".to_string(),
            ),
            Some(Overlap::Disjoint) => (
                RelationKind::Conflict,
                match &a.value {
                    Value::Date(_) => "the periods do not overlap, so the claims conflict",
                    Value::Statement(_) => {
                        "the property takes one value, so different objects conflict"
                    }
                    Value::Text(_) => "the texts differ, so the claims conflict",
                    _ => "the intervals do not overlap, so the claims conflict",
                }
                .to_string(),
            ),
            Some(Overlap::Inside) => (
                RelationKind::Refines,
                format!("{ia} lies within {ib} and is narrower, so it refines it"),
            ),
            Some(Overlap::Contains) => (
                RelationKind::RefinedBy,
                format!("{ib} lies within {ia} and is narrower, so it refines it"),
            ),
            Some(Overlap::Overlaps) => (
                RelationKind::Compatible,
                match &a.value {
                    Value::Statement(_) => {
                        "the objects differ and the property can take several, so both can hold"
                            .to_string()
                    }
                    _ => "the values overlap and neither contains the other, so both can hold"
                        .to_string(),
                },
            ),
            None => (
                RelationKind::Compatible,
                "the values are of different kinds, so nothing contradicts".to_string(),
            ),
        };
        Relation {
            kind,
            evidence,
            explanation: format!("{values}: {why}{note}"),
        }
    }

    /// How the two values relate as intervals, filling in the evidence.
    fn value_overlap(
        &self,
        a: &Claim,
        b: &Claim,
        evidence: &mut RelationEvidence,
    ) -> Option<Overlap> {
        match (&a.value, &b.value) {
            (Value::Quantity(qa), Value::Quantity(qb)) => {
                let vocabulary = self.policy().vocabulary();
                let (x, y) = (qa.interval(vocabulary), qb.interval(vocabulary));
                evidence.intervals = Some([x, y]);
                if !x.is_known() || !y.is_known() {
                    return None;
                }
                Some(overlap_of((x.min(), x.max()), (y.min(), y.max()), false))
            }
            (Value::Date(pa), Value::Date(pb)) => {
                evidence.periods = Some(Box::new([*pa, *pb]));
                let overlap = overlap_of(pa.interval(), pb.interval(), true);
                if overlap == Overlap::Equal && pa.precision() != pb.precision() {
                    // The same span at different precisions: the finer one
                    // says more.
                    return Some(if pa.precision() < pb.precision() {
                        Overlap::Inside
                    } else {
                        Overlap::Contains
                    });
                }
                Some(overlap)
            }
            (Value::Statement(sa), Value::Statement(sb)) => {
                if self.resolution().same(&sa.object, &sb.object) {
                    Some(Overlap::Equal)
                } else if self.policy().is_single_valued(&a.property) {
                    Some(Overlap::Disjoint)
                } else {
                    Some(Overlap::Overlaps)
                }
            }
            (Value::Text(ta), Value::Text(tb)) => {
                if text_key(ta).eq(text_key(tb)) {
                    Some(Overlap::Equal)
                } else {
                    Some(Overlap::Disjoint)
                }
            }
            _ => None,
        }
    }
}

/// Appends an interval as a sentence shows it: `500–1,500`, `at least 91`.
///
/// An end just past or just short of a stated number is a bound that
/// excludes it ("more than 2.5 metres" starts just past 2.5): it is said
/// so, "more than 2.5", "less than 2.5", since at ten digits the end
/// itself reads as the number, and "at least 2.5" would say the figure
/// may be 2.5 (fourteenth audit, G7). Counts have no such ends: "more
/// than 90" people is at least 91.
pub(crate) fn push_interval(out: &mut String, interval: &Interval) {
    let (min, max) = (interval.min(), interval.max());
    // A whole number is never an end just past another (counts, most
    // intervals): only a fraction is looked at.
    let open = |x: f64, look: fn(f64) -> Option<f64>| {
        if x.is_finite() && x.fract() != 0.0 {
            look(x)
        } else {
            None
        }
    };
    let (past, under) = (open(min, just_past), open(max, just_under));
    if !interval.is_known() {
        out.push_str("unknown");
    } else if min == max {
        push_number(out, min);
    } else if max.is_infinite() {
        out.push_str(if past.is_some() {
            "more than "
        } else {
            "at least "
        });
        push_number(out, past.unwrap_or(min));
    } else if min == 0.0 {
        out.push_str(if under.is_some() {
            "less than "
        } else {
            "at most "
        });
        push_number(out, under.unwrap_or(max));
    } else if past.is_some() || under.is_some() {
        out.push_str(if past.is_some() {
            "more than "
        } else {
            "at least "
        });
        push_number(out, past.unwrap_or(min));
        out.push_str(if under.is_some() {
            " and less than "
        } else {
            " and at most "
        });
        push_number(out, under.unwrap_or(max));
    } else {
        push_number(out, min);
        out.push('–');
        push_number(out, max);
    }
}

impl std::fmt::Display for RelationKind {
    /// The name [`RelationKind::as_str`] gives: `conflict`, `different_quote`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn regular_inflections_match_their_base() {
        use super::inflects;
        for (base, form) in [
            ("fire", "fired"),
            ("fire", "fires"),
            ("detain", "detained"),
            ("push", "pushes"),
            ("stop", "stopped"),
            ("deny", "denied"),
            ("deny", "denies"),
        ] {
            assert!(inflects(base, form), "{base} / {form}");
            assert!(!inflects(form, base), "{form} / {base}");
        }
        for (base, form) in [
            ("shoot", "shot"),
            ("fire", "firearm"),
            ("a", "as"),
            ("see", "seen"),
            ("stop", "stopsed"),
        ] {
            assert!(!inflects(base, form), "{base} / {form}");
        }
    }

    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Leaving out the words both share at their start and end gives
        /// the distance of the whole table: for words matched exactly,
        /// and matched by a relation that is not transitive (words of
        /// neighbouring letters).
        #[test]
        fn shared_ends_leave_the_distance_as_it_is(
            shared in proptest::collection::vec("[abcd]", 0..5),
            a in proptest::collection::vec("[abcd]", 0..8),
            b in proptest::collection::vec("[abcd]", 0..8),
            tail in proptest::collection::vec("[abcd]", 0..5),
        ) {
            let join = |middle: &[String]| -> Vec<String> {
                shared.iter().chain(middle).chain(&tail).cloned().collect()
            };
            let (a, b) = (join(&a), join(&b));
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            let exact = |x: &str, y: &str| x == y;
            let near = |x: &str, y: &str| x.as_bytes()[0].abs_diff(y.as_bytes()[0]) <= 1;
            proptest::prop_assert_eq!(
                word_edit_distance_by(&a, &b, exact),
                edit_distance_table(&a, &b, exact)
            );
            proptest::prop_assert_eq!(
                word_edit_distance_by(&a, &b, near),
                edit_distance_table(&a, &b, near)
            );
        }

        /// The length bound never turns away a pair that reaches the
        /// threshold, nor lets through one that does not.
        #[test]
        fn words_reach_agrees_with_word_similarity(
            a in proptest::collection::vec("[abc]", 0..12),
            b in proptest::collection::vec("[abc]", 0..12),
            t in 0.0f64..=1.0,
        ) {
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            let threshold = Similarity::clamped(t);
            let similarity = word_similarity(&a, &b);
            proptest::prop_assert_eq!(
                words_reach(&a, &b, threshold),
                Some(similarity).filter(|s| *s >= threshold)
            );
        }
    }

    #[test]
    fn word_similarity_is_edit_based() {
        let (na, nb) = (
            normalize_text("another day that we know ISIS-K is seeking"),
            normalize_text("another day we know that ISIS-K is seeking"),
        );
        let (a, b) = (split_words(&na), split_words(&nb));
        let s = word_similarity(&a, &b);
        assert!(s.value() > 0.7 && s.value() < 1.0, "{s}");
        assert_eq!(word_similarity(&a, &a).value(), 1.0);
    }

    #[test]
    fn diff_renders_changes() {
        let na = normalize_text("every day we are on the ground is another day that we know isis");
        let nb = normalize_text("every day we are on the ground is another day we know that isis");
        let (a, b) = (split_words(&na), split_words(&nb));
        let shown = render_diff(&word_diff(&a, &b));
        assert_eq!(shown, "… is another day [-that-] we know {+that+} isis");
    }
}

#[cfg(test)]
mod printed_figure_tests {
    use super::{Figure, printed_figure};

    fn shown(text: &str, word: &str) -> String {
        printed_figure(text, Figure::Digits(word)).to_string()
    }

    #[test]
    fn a_figure_is_shown_as_the_quote_prints_it() {
        let text = "We rescued 3,000 people, not 300, in 2021; 1.5 million fled.";
        assert_eq!(shown(text, "3000"), "3,000");
        assert_eq!(shown(text, "300"), "300");
        assert_eq!(shown(text, "2021"), "2021");
        assert_eq!(shown(text, "1.5"), "1.5");
        // Not printed as digits: the word as it is.
        assert_eq!(shown(text, "5000"), "5000");
        assert_eq!(shown("", "7"), "7");
        // Read from words: the value.
        assert_eq!(
            printed_figure(text, Figure::Read(3000.0)).to_string(),
            "3,000"
        );
    }
}
