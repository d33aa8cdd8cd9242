//! The cross-reference engine: group claims into topics, form positions,
//! relate them, and give each topic a verdict.
//!
//! | item | what it is |
//! |---|---|
//! | [`analyze`] | corpus and policy in, [`Report`] out |
//! | [`Analyzer`] | the engine with its name resolution, for pairwise [`Analyzer::relate`] too |
//!
//! Analysing one topic is a pure function of that topic's claims plus the
//! shared provenance graph (sources and the entity resolution), so topics
//! are independent: with the `parallel` feature they are analysed on all
//! cores. Within a topic, positions come from
//! sorting intervals and sweeping them once: a topic of n claims costs
//! O(n log n), never n² pairwise comparisons.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::id::{HashMap, HashSet};

use crate::corpus::Corpus;
use crate::id::{ClaimId, EntityId, Property, SourceId};
use crate::model::{
    Certainty, Claim, Polarity, Status, Value, normalize_text, split_words, text_key,
};
use crate::period::Period;
use crate::policy::Policy;
use crate::quantity::{Amount, Interval, Quantity, QuantityForm};
use crate::relation::{
    Relation, RelationEvidence, RelationKind, negates_oddly, negation_reach, push_horizon,
    push_interval, push_scope_text, render_diff, word_diff, words_reach,
};
use crate::report::{
    ClaimEntry, Diagnostic, Dropped, Misattribution, Origin, OriginName, Position,
    PositionRelation, RelayFinding, Report, ScopeGroup, Settings, Severity, Summary, Topic,
    Verdict, Wording,
};
use crate::resolve::Resolution;
use crate::vocab::Vocabulary;

/// The most assertion positions one denial is related to.
pub const MAX_DENIAL_PAIRS: usize = 8;

/// The most assertion positions examined for one denial, nearest first.
pub const MAX_DENIAL_SCAN: usize = 64;

/// The most origins a verdict's explanation names for one position; the
/// rest are counted ("and 33 more") and listed in the position.
pub const MAX_NAMED_ORIGINS: usize = 5;

/// The most positions a verdict's explanation names in one list (the
/// conflicting positions, the superseded, the current, a scope's): those
/// with the most origins, the first in position order among equals, in
/// position order. The rest are counted ("… and 130 other positions
/// conflict"); every position is still listed in its scope, with its
/// relations. A different-scope sentence names as many scopes, the
/// first in scope order.
///
/// ```
/// assert_eq!(corroborate::MAX_NAMED_POSITIONS, 5);
/// ```
pub const MAX_NAMED_POSITIONS: usize = 5;

/// The largest block of quotes compared pairwise, for variant clustering
/// and misattribution. A larger block is compared in windows of this
/// size, and a diagnostic says so. Variant clustering counts a block in
/// distinct printed texts: copies of one text are compared once.
pub const MAX_QUOTE_BLOCK: usize = 256;

/// The fewest words a quote's wording needs for the same words given to
/// two speakers to be called a misattribution. "No comment." and "We are
/// investigating the incident." are said by many: two speakers giving
/// them tell nothing of which outlet erred. Shorter wordings are left out
/// of the misattribution check, and a diagnostic counts them; they are
/// compared within their topic as any quote is.
///
/// ```
/// assert_eq!(corroborate::MIN_MISATTRIBUTION_WORDS, 6);
/// ```
pub const MIN_MISATTRIBUTION_WORDS: usize = 6;

/// Cross-references a corpus under a policy.
///
/// Does no IO and does not fail: what it cannot compare is listed in the
/// report's diagnostics.
///
/// ```
/// use corroborate::{analyze, Corpus, Policy};
/// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/scenarios/two-articles-one-origin.json"))?;
/// let report = analyze(&corpus, &Policy::default());
/// let topic = &report.topics[0];
/// // Two articles relay one UN report: one independent origin, not two.
/// assert_eq!(topic.scopes[0].positions[0].publications.len(), 2);
/// assert_eq!(topic.scopes[0].positions[0].origins.len(), 1);
/// # Ok::<(), corroborate::Error>(())
/// ```
pub fn analyze<'c>(corpus: &'c Corpus, policy: &Policy) -> Report<'c> {
    Analyzer::new(corpus, policy).report()
}

/// The engine, holding a corpus, a policy and the entity resolution
/// computed from them.
///
/// ```
/// use corroborate::{Analyzer, Corpus, Policy};
/// # let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1"}"#)?;
/// let policy = Policy::default();
/// let analyzer = Analyzer::new(&corpus, &policy);
/// let report = analyzer.report();
/// assert!(report.topics.is_empty());
/// # Ok::<(), corroborate::Error>(())
/// ```
pub struct Analyzer<'a, 'p> {
    corpus: &'a Corpus,
    policy: &'p Policy,
    resolution: Resolution,
    sources: SourceTable,
    pairs: TextPairs,
    /// Originator sources that are one origin (sources of one person,
    /// originators of one kind and name key), by id, to the one that
    /// stands for them all (see [`same_origins`]); empty for most corpora.
    persons: HashMap<&'a str, &'a SourceId>,
    /// The ids among those that stand for originators of one kind and
    /// name (see [`same_origins`]), which a position lists under the
    /// first id it holds of the group.
    of_one_name: HashSet<&'a str>,
    /// The entity whose name titles each merged group, by the group's
    /// canonical id (see [`titles`]); empty when no names merged.
    titles: HashMap<&'a str, &'a str>,
    /// Outlet spellings that name one outlet, each to the spelling that
    /// stands for them (see [`outlet_spellings`]); empty when no outlet
    /// is spelled two ways.
    outlets: HashMap<&'a str, &'a str>,
    /// Offices and groups named as an outlet is, by id, to that outlet's
    /// spelling (see [`outlet_spellings`]): a ministry cited by one
    /// article and the ministry's own release are one newsroom. Empty
    /// for most corpora.
    named_outlets: HashMap<&'a str, &'a str>,
    /// Each declared source's voice as the relay check hears it, by its
    /// position in [`Corpus::sources`]: sources of one newsroom, or of
    /// one person, share a number (see [`Voice`]). Numbered once here, so
    /// that the check looks each link up and compares integers.
    voices: Vec<u32>,
    /// Whether each declared source, by its position in
    /// [`Corpus::sources`], is an end a relay may cite on through
    /// ([`relay_end`](Self::relay_end)): a publication or a newsroom.
    /// Told once here, as the relay check asks it of every claim.
    cites_on: Vec<bool>,
    /// The name each source stands under as an origin (a publication's
    /// outlet, or else its own name), as the check for one body under two
    /// names reads it ([`TwinKey`]), made once, at the first position of
    /// two origins or more: origins recur from position to position.
    twin_keys: std::sync::OnceLock<HashMap<&'a str, Option<TwinKey>>>,
}

/// Outlets spelled more than one way that are one outlet as names are
/// matched ("Al Jazeera", "Al-Jazeera", "al jazeera": one key), each
/// spelling but the first in source order to the first. An outlet's
/// articles that speak for themselves are one origin, and a second
/// spelling is not a second newsroom. The names of sources of kind
/// `outlet` are spellings too: a relayed "Reuters" is the newsroom whose
/// articles' `outlet` is "Reuters". The distinct spellings are keyed,
/// not every source.
///
/// Also returns the offices and groups whose names have an outlet's key,
/// by id, each to the outlet's first spelling: a ministry that publishes
/// its own releases (a publication whose `outlet` is "Ministry of
/// Health") and the office "Ministry of Health" that another article
/// cites are one newsroom, so one origin (fifteenth audit, A1). Persons
/// and reports are not matched: a person is not the outlet that shares
/// their name.
fn outlet_spellings(corpus: &Corpus) -> (HashMap<&str, &str>, HashMap<&str, &str>) {
    use crate::model::SourceKind;
    let mut seen: HashSet<&str> = HashSet::default();
    let mut by_key: HashMap<String, &str> = HashMap::default();
    let mut spellings: HashMap<&str, &str> = HashMap::default();
    for outlet in corpus.sources().iter().filter_map(outlet_of) {
        if !seen.insert(outlet) {
            continue;
        }
        let first = *by_key
            .entry(crate::resolve::name_key(outlet))
            .or_insert(outlet);
        if first != outlet {
            spellings.insert(outlet, first);
        }
    }
    let mut named: HashMap<&str, &str> = HashMap::default();
    if !by_key.is_empty() {
        for source in corpus.sources() {
            if matches!(source.kind, SourceKind::Office | SourceKind::Group)
                && let Some(&outlet) = by_key.get(&crate::resolve::name_key(&source.name))
            {
                named.insert(source.id.as_str(), outlet);
            }
        }
    }
    (spellings, named)
}

/// The newsroom a source is, or is an article of: a publication's
/// `outlet`, or the name of a source of kind `outlet`.
fn outlet_of(source: &crate::model::Source) -> Option<&str> {
    match source.kind {
        crate::model::SourceKind::Outlet => Some(&source.name),
        _ => source.outlet.as_deref(),
    }
}

/// The name that titles each group of merged entities: the name of the
/// member that the most publications make claims about, then the most
/// claims, then the smaller id. A misspelling that one outlet uses then
/// does not title topics that most outlets spell the usual way. (A claim
/// with no publication counts as one of its own.) Only the claims of
/// subject–property pairs whose subject is in a merge are looked at.
fn titles<'a>(
    corpus: &'a Corpus,
    resolution: &Resolution,
    pairs: &TextPairs,
    sources: &SourceTable,
) -> HashMap<&'a str, &'a str> {
    if resolution.merges().is_empty() {
        return HashMap::default();
    }
    // Each merged entity's slot, and each subject–property pair's.
    let mut slots: HashMap<&str, u32> = HashMap::default();
    for merge in resolution.merges() {
        for id in [&merge.entity, &merge.with] {
            let next = slots.len() as u32;
            slots.entry(id.as_str()).or_insert(next);
        }
    }
    let claims = corpus.claims();
    let pair_slot: Vec<Option<u32>> = pairs
        .pairs
        .iter()
        .map(|&(first, _)| slots.get(claims[first as usize].subject.as_str()).copied())
        .collect();
    // Each slot's claims and claims with no publication, and its
    // publications as (slot, the source's position in the corpus) in one
    // integer each, sorted and deduplicated: no text is hashed or
    // compared, which at a million claims, most of them about merged
    // entities, cost a third of a second.
    let mut counts = vec![(0usize, 0usize); slots.len()];
    let mut published: Vec<u64> = Vec::new();
    for (k, &pair) in pairs.of_claim.iter().enumerate() {
        let Some(slot) = pair_slot[pair as usize] else {
            continue;
        };
        counts[slot as usize].0 += 1;
        let position = claims[k]
            .assertion
            .publication()
            .and_then(|publication| sources.position(corpus, publication));
        match position {
            Some(position) => published.push(u64::from(slot) << 32 | position as u64),
            None => counts[slot as usize].1 += 1,
        }
    }
    sort_unstable_on_all_cores(&mut published, u64::cmp);
    published.dedup();
    let mut outlets = vec![0usize; slots.len()];
    for key in published {
        outlets[(key >> 32) as usize] += 1;
    }
    // The most publications, then claims, then the smaller id, per group.
    let mut best: BTreeMap<&EntityId, ((usize, usize), &'a EntityId)> = BTreeMap::new();
    for entity in corpus.entities() {
        let Some(&slot) = slots.get(entity.id.as_str()) else {
            continue;
        };
        let (claims, unpublished) = counts[slot as usize];
        let count = (outlets[slot as usize] + unpublished, claims);
        let group = resolution.canonical(&entity.id);
        let slot = best.entry(group).or_insert((count, &entity.id));
        if count > slot.0 || (count == slot.0 && entity.id < *slot.1) {
            *slot = (count, &entity.id);
        }
    }
    best.into_iter()
        .filter_map(|(group, (_, id))| {
            let name = corpus.entity(id)?.name.as_str();
            let group = corpus.entity(group)?.id.as_str();
            Some((group, name))
        })
        .collect()
}

/// Originator sources that are one origin, each to the one that stands
/// for its group; a source alone in its group is left out.
///
/// Person sources whose names are names of one entity, after name
/// resolution: a speaker whose name two outlets spell apart ("Sylvia" and
/// "Silvia Masebo"), or give with and without a title the entity lists
/// as an alias, is one person, so one origin, not two independent ones.
/// Each maps to the one of its group named as the entity is, or else to
/// the smallest id. A person source matches the entity whose name or
/// alias has the key ([`crate::name_key`]) of its name or one of its
/// aliases; publications and groups are never matched, as an outlet or a
/// ministry is not the entity that shares its name.
///
/// Other originators of one kind whose names have one key ("Ministry of
/// Health" declared twice, for two articles), and person sources that
/// match no entity, are one origin too, the smallest id standing for
/// them: the key folds case, punctuation and diacritics, never
/// similarity.
/// Publications are left to their outlet, and anonymous sources, whose
/// names describe rather than name them ("a senior official"), stay
/// apart.
///
/// Also returns the ids that stand for a group of one name: a position
/// lists such an origin under the first id of the group it holds
/// (`Analyzer::firsts_of_name`).
fn same_origins<'a>(corpus: &'a Corpus, resolution: &Resolution) -> SameOrigins<'a> {
    use crate::model::{Source, SourceKind};
    use crate::resolve::name_key;
    // Each person source with its names' keys, its name's first.
    let persons: Vec<(&'a Source, Vec<String>)> = corpus
        .sources()
        .iter()
        .filter(|s| s.kind == SourceKind::Person)
        .map(|s| {
            let names = std::iter::once(&s.name).chain(&s.aliases);
            (s, names.map(|name| name_key(name)).collect())
        })
        .collect();
    let mut entity_of: HashMap<&str, Option<&EntityId>> = persons
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|key| (key.as_str(), None)))
        .collect();
    // Entities in corpus order; a key two entities share is one entity
    // after resolution ("same normalized name"), so either is its own.
    if persons.len() > 1 {
        for entity in corpus.entities() {
            for name in entity.names() {
                if let Some(slot) = entity_of.get_mut(name_key(name).as_str())
                    && slot.is_none()
                {
                    *slot = Some(resolution.canonical(&entity.id));
                }
            }
        }
    }
    // Each entity's person sources, with whether the source's name is
    // the entity's; and the other originators by kind and name key.
    let mut groups: BTreeMap<&EntityId, Vec<(bool, &'a SourceId)>> = BTreeMap::new();
    let mut by_name: HashMap<(SourceKind, Cow<'_, str>), Vec<&'a SourceId>> = HashMap::default();
    for (source, keys) in &persons {
        if let Some(entity) = keys.iter().find_map(|key| entity_of[key.as_str()]) {
            let named = corpus
                .entity(entity)
                .is_some_and(|e| name_key(&e.name) == keys[0]);
            groups.entry(entity).or_default().push((named, &source.id));
        } else if !source.anonymous && !keys[0].is_empty() {
            by_name
                .entry((SourceKind::Person, Cow::Borrowed(keys[0].as_str())))
                .or_default()
                .push(&source.id);
        }
    }
    for source in corpus.sources() {
        if matches!(source.kind, SourceKind::Publication | SourceKind::Person) || source.anonymous {
            continue;
        }
        let key = name_key(&source.name);
        if !key.is_empty() {
            by_name
                .entry((source.kind, Cow::Owned(key)))
                .or_default()
                .push(&source.id);
        }
    }
    let mut origin_of = HashMap::default();
    for members in groups.values().filter(|members| members.len() > 1) {
        // The source named as the entity stands for the group; else the
        // smallest id.
        let first = members
            .iter()
            .filter(|(named, _)| *named)
            .map(|&(_, id)| id)
            .min()
            .or_else(|| members.iter().map(|&(_, id)| id).min());
        if let Some(first) = first {
            for &(_, id) in members {
                if id != first {
                    origin_of.insert(id.as_str(), first);
                }
            }
        }
    }
    let mut of_name = HashSet::default();
    for members in by_name.values().filter(|members| members.len() > 1) {
        if let Some(&first) = members.iter().min() {
            of_name.insert(first.as_str());
            for &id in members {
                if id != first {
                    origin_of.insert(id.as_str(), first);
                }
            }
        }
    }
    (origin_of, of_name)
}

/// Sorts `items` by `order` without keeping equal items' order: on all
/// cores with the `parallel` feature (rayon's `par_sort_unstable_by`),
/// else `sort_unstable_by`. For the large sorts of the whole corpus
/// (topics, their groups, publication keys, quote blocks), where one
/// order is given either way.
fn sort_unstable_on_all_cores<T: Send>(
    items: &mut [T],
    order: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) {
    #[cfg(feature = "parallel")]
    rayon::slice::ParallelSliceMut::par_sort_unstable_by(items, order);
    #[cfg(not(feature = "parallel"))]
    items.sort_unstable_by(order);
}

/// Sorts `items` by `order`, keeping equal items in their order: on all
/// cores with the `parallel` feature (the same order either way).
fn sort_on_all_cores<T: Send>(
    items: &mut [T],
    order: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) {
    #[cfg(feature = "parallel")]
    rayon::slice::ParallelSliceMut::par_sort_by(items, order);
    #[cfg(not(feature = "parallel"))]
    items.sort_by(order);
}

/// What [`same_origins`] finds: each source that another stands for, to
/// that one; and the ids that stand for originators of one name.
type SameOrigins<'a> = (HashMap<&'a str, &'a SourceId>, HashSet<&'a str>);

/// Words that join the significant words of a body's name ("Ministry
/// *of* Health", "Office *for* the Coordination *of* Humanitarian
/// Affairs"): left out where two origins' names are compared for one
/// body under two names ([`TwinKey`]). "the" is one of the
/// particles name keys leave out already.
const JOINING_WORDS: [&str; 4] = ["of", "the", "for", "and"];

/// How many pairs of origins that may be one body under two names one
/// topic names, each in a warning of its own; the rest are counted in
/// one more warning ([`Analyzer::twin_origin_warnings`]).
const MAX_TWIN_ORIGIN_WARNINGS: usize = 5;

/// How many origins of a position that hold a name's rarest word one
/// origin's name is compared with ([`Analyzer::twin_origin_warnings`]):
/// bounds the work of a position of thousands of origins whose names
/// share all their words but their numbers.
const MAX_TWIN_CANDIDATES: usize = 64;

/// How many names one name is held against when the names origins stand
/// under are marked for the check for one body under two names
/// ([`TwinKey::mark_pairs`]): a name that more hold its rarest word is
/// marked without the check.
const MAX_TWIN_MARK_CANDIDATES: usize = 4096;

/// Up to how many origins a position's origins are compared pair by
/// pair for one body under two names ([`Analyzer::twin_origin_warnings`]);
/// more are looked up by their words and initials.
const TWIN_ALL_PAIRS: usize = 16;

/// Where a warning of two origins that may be one body is located,
/// before the two names: warnings of one pair in several topics are
/// folded into one ([`fold_twin_origin_warnings`]).
const TWIN_ORIGINS_LOCATION: &str = "origins ";

/// An origin's name as the check for one body under two names reads it
/// ([`Analyzer::twin_origin_warnings`]): its significant words, sorted
/// without repeats and joined by spaces, and, for two words or more,
/// their initials in the name's order. The significant words are its
/// name key's words ([`crate::resolve::name_key`]: case, punctuation,
/// diacritics, the particles "al", "el" and "the" aside), with a
/// possessive "'s" dropped first ("Sudan's Ministry of Health" is
/// "health ministry sudan") and [`JOINING_WORDS`] left out.
struct TwinKey {
    words: String,
    /// How many words `words` holds.
    count: usize,
    /// A bit for each word (of 64, by a hash of the word): a name whose
    /// bits are not all among another's has a word the other lacks, told
    /// without comparing words.
    mask: u64,
    initials: Option<String>,
    /// Whether the name may be one body's with another keyed name
    /// ([`TwinKey::may_pair`]), as [`TwinKey::mark_pairs`] finds over
    /// all the names origins stand under: only such names are compared
    /// at a position.
    paired: bool,
}

/// Keys of names ([`TwinKey`]) indexed by their words and their
/// initials: sorted lists, one allocation each, looked up by halving.
/// Every name a name may pair with ([`TwinKey::may_pair`]) holds its
/// rarest word, or has it as initials ([`TwinIndex::candidates`]).
struct TwinIndex<'k> {
    by_word: Vec<Held<'k>>,
    by_initials: Vec<Held<'k>>,
}

/// A word, or initials, with the place of a key that holds it
/// ([`TwinIndex`]).
type Held<'k> = (&'k str, usize);

impl<'k> TwinIndex<'k> {
    /// The index of `keys`, each known by its place.
    fn new(keys: impl Iterator<Item = &'k TwinKey>) -> TwinIndex<'k> {
        let mut by_word: Vec<Held<'k>> = Vec::new();
        let mut by_initials: Vec<Held<'k>> = Vec::new();
        for (k, key) in keys.enumerate() {
            by_word.extend(key.words.split(' ').map(|w| (w, k)));
            if let Some(initials) = &key.initials {
                by_initials.push((initials, k));
            }
        }
        by_word.sort_unstable();
        by_initials.sort_unstable();
        TwinIndex {
            by_word,
            by_initials,
        }
    }

    /// The places of the keys `key` may pair with: those whose initials
    /// its one word is, then those that hold its rarest word (itself
    /// among them), each in place order.
    fn candidates(&self, key: &TwinKey) -> (&[Held<'k>], &[Held<'k>]) {
        let holders = |index: &[Held<'k>], word: &str| {
            let from = index.partition_point(|&(w, _)| w < word);
            from..from + index[from..].partition_point(|&(w, _)| w == word)
        };
        let longer = if key.count == 1 {
            &self.by_initials[holders(&self.by_initials, &key.words)]
        } else {
            &[]
        };
        let rarest = key
            .words
            .split(' ')
            .map(|w| holders(&self.by_word, w))
            .min_by_key(|range| range.len())
            .map_or(&[][..], |range| &self.by_word[range]);
        (longer, rarest)
    }
}

impl TwinKey {
    /// Whether `self`'s name may be `of`'s: a single word (two letters or
    /// more) that is its initials, or words all among its words.
    fn may_pair(&self, of: &TwinKey) -> bool {
        (self.count == 1
            && of.initials.as_deref() == Some(self.words.as_str())
            && self.words.chars().count() >= 2)
            || (self.mask & !of.mask == 0
                && self.count <= of.count
                && is_sorted_subset(&self.words, &of.words))
    }

    /// Marks each key of `keys` that may pair with another
    /// ([`TwinKey::may_pair`]) either way. A name is held against the
    /// names that hold its rarest word, and, for one word, the names whose
    /// initials it is: every name it may pair with is among those. One
    /// with more than [`MAX_TWIN_MARK_CANDIDATES`] such names is marked
    /// unchecked, which only leaves its positions to be compared.
    fn mark_pairs(keys: &mut [&mut TwinKey]) {
        let paired = {
            let index = TwinIndex::new(keys.iter().map(|key| &**key));
            let mut paired = vec![false; keys.len()];
            for (i, key) in keys.iter().enumerate() {
                let (longer, rarest) = index.candidates(key);
                if longer.len() + rarest.len() > MAX_TWIN_MARK_CANDIDATES {
                    paired[i] = true;
                    continue;
                }
                for &(_, j) in longer.iter().chain(rarest) {
                    if j != i && key.may_pair(keys[j]) {
                        paired[i] = true;
                        paired[j] = true;
                    }
                }
            }
            paired
        };
        for (key, paired) in keys.iter_mut().zip(paired) {
            key.paired = paired;
        }
    }

    /// The key of `name`, made in `scratch` (a buffer kept from name to
    /// name); `None` for a name with no significant word.
    fn of(name: &str, scratch: &mut String) -> Option<TwinKey> {
        let possessive = |c: char| matches!(c, '\'' | '\u{2019}' | '\u{2bc}');
        let plain: Cow<'_, str> = if name.contains(possessive) {
            let mut plain = String::with_capacity(name.len());
            let mut chars = name.chars().peekable();
            while let Some(c) = chars.next() {
                if possessive(c) && matches!(chars.peek(), Some('s' | 'S')) {
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek().is_none_or(|n| !n.is_alphanumeric()) {
                        chars.next();
                        continue;
                    }
                }
                plain.push(c);
            }
            Cow::Owned(plain)
        } else {
            Cow::Borrowed(name)
        };
        scratch.clear();
        crate::resolve::push_name_key(&plain, scratch);
        let mut set: smallvec::SmallVec<[&str; 8]> = scratch
            .split(' ')
            .filter(|w| !w.is_empty() && !JOINING_WORDS.contains(w))
            .collect();
        if set.is_empty() {
            return None;
        }
        let initials =
            (set.len() >= 2).then(|| set.iter().filter_map(|w| w.chars().next()).collect());
        set.sort_unstable();
        set.dedup();
        let mut words = String::with_capacity(scratch.len());
        let mut mask = 0u64;
        for w in &set {
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(w);
            // FNV-1a, folded to a bit.
            let hash = w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            mask |= 1 << (hash % 64);
        }
        Some(TwinKey {
            words,
            count: set.len(),
            mask,
            initials,
            paired: false,
        })
    }
}

/// Whether every word of `words` is in `of`, both sorted without
/// repeats.
fn is_sorted_subset(words: &str, of: &str) -> bool {
    let mut rest = of.split(' ');
    words.split(' ').all(|w| rest.any(|o| o == w))
}

/// Folds the warnings of one pair of origins that may be one body
/// (located [`TWIN_ORIGINS_LOCATION`] and the two names) found in
/// several topics into the first, in the sorted order of `diagnostics`,
/// which then says in how many other topics the two are counted apart
/// too: a corpus that cites "WHO" and "World Health Organization" on a
/// thousand topics gets one warning, not a thousand.
fn fold_twin_origin_warnings(diagnostics: &mut Vec<Diagnostic>) {
    let twin = |d: &Diagnostic| {
        d.severity == Severity::Warning && d.location.starts_with(TWIN_ORIGINS_LOCATION)
    };
    if !diagnostics.iter().any(twin) {
        return;
    }
    let mut folded: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len());
    // Where in `folded` the current pair's first warning is, and how
    // many more were folded into it.
    let mut run: Option<(usize, usize)> = None;
    let close = |folded: &mut Vec<Diagnostic>, run: Option<(usize, usize)>| {
        if let Some((at, more)) = run
            && more > 0
        {
            let topics = if more == 1 { "topic" } else { "topics" };
            folded[at].message.push_str(&format!(
                " (the two are counted apart in {more} other {topics} too)"
            ));
        }
    };
    for d in diagnostics.drain(..) {
        if twin(&d) {
            if let Some((at, more)) = run.as_mut()
                && folded[*at].location == d.location
            {
                *more += 1;
                continue;
            }
            close(&mut folded, run);
            run = Some((folded.len(), 0));
        } else {
            close(&mut folded, run);
            run = None;
        }
        folded.push(d);
    }
    close(&mut folded, run);
    *diagnostics = folded;
}

/// The claims grouped by their subject's and property's texts, as
/// written: the first step of grouping them by topic, which needs neither
/// the resolution nor the policy, and so is taken while the names are
/// resolved (on another core, with `parallel`). There are about as many
/// pairs as topics, fewer where names are resolved together.
///
/// Claims of one pair mostly share those texts (a reader shares each
/// claim's subject with the declared entity and its property with the
/// other claims'), so the pair of the texts' addresses finds its group
/// with one integer hash; the texts are hashed only for a pair of
/// addresses not seen before, so that claims built with copies of the
/// texts (`Corpus::new` shares none) still fall in one pair. The claims
/// keep their texts alive, so an address stands for one text while the
/// pairs are made.
struct TextPairs {
    /// Each claim's pair, in corpus order.
    of_claim: Vec<u32>,
    /// Each pair's first claim (its position in the corpus) and its
    /// number of claims, in order of first appearance.
    pairs: Vec<(u32, usize)>,
}

impl TextPairs {
    fn new(claims: &[Claim]) -> TextPairs {
        let mut numbers: TextNumbers<(usize, usize), (&str, &str)> = TextNumbers::default();
        let mut of_claim = Vec::with_capacity(claims.len());
        let mut pairs: Vec<(u32, usize)> = Vec::new();
        // A corpus holds at most 2^32 claims (its index keeps 4-byte
        // positions), so positions and pair numbers fit in a `u32`.
        for (position, claim) in claims.iter().enumerate() {
            let addresses = (claim.subject.text_address(), claim.property.text_address());
            let pair = numbers.number(addresses, || {
                (claim.subject.as_str(), claim.property.as_str())
            });
            if pair == pairs.len() {
                pairs.push((position as u32, 0));
            }
            pairs[pair].1 += 1;
            of_claim.push(pair as u32);
        }
        TextPairs { of_claim, pairs }
    }
}

/// What the engine asks of a source for every claim (when it was
/// published) and for every origin (its position in the corpus, whose
/// record an [`OriginName`] borrows). Looked up by the
/// address of the id's shared text, which every checked claim's chain
/// points at, so a lookup hashes one integer instead of the id's bytes;
/// an id with its own copy of the text falls back to the corpus's index.
///
/// The table is open addressing with linear probing, and each slot holds
/// all the engine asks: the address, the source's position, and its date
/// of publication as a 4-byte index into the distinct dates. A claim's
/// date is then one cache line away. (A hash map from address to
/// position, with the dates in a vector beside it, read three lines in
/// three places: its control bytes, its bucket and the date's index; at
/// 1M claims and 202,010 sources, none of them in cache.) A 1M-claim
/// corpus has a few thousand distinct dates, so they stay in cache.
struct SourceTable {
    /// A power of two of slots, at most four fifths full, so that a
    /// probe always ends at an empty slot.
    slots: Vec<SourceSlot>,
    dates: Vec<Period>,
    /// Each source's place in natural id order ([`natural_cmp`]) among
    /// all the corpus's sources, by its position in [`Corpus::sources`]:
    /// a position's publications and origins are listed in that order,
    /// and sorting them by these numbers compares no text (see
    /// [`Analyzer::sort_sources_natural`]).
    ranks: Vec<u32>,
}

/// One source in [`SourceTable`]: the address of its id's text (0 in an
/// empty slot, which no text has), its position in
/// [`Corpus::sources`], and the index of its date in
/// [`SourceTable::dates`], or [`NO_DATE`].
#[derive(Clone, Copy, Default)]
struct SourceSlot {
    address: usize,
    position: u32,
    date: u32,
}

/// A source with no date of publication, in [`SourceSlot::date`].
const NO_DATE: u32 = u32::MAX;

/// How many corrections back a correction's place in a series is looked
/// for (corrections form no cycle; this bounds the walk all the same).
const MAX_CORRECTION_CHAIN: usize = 64;

/// How many figures a series' stated-again join keeps standing through
/// reports that replace none of them, before it lets them go.
const MAX_STANDING_FIGURES: usize = 32;

/// How many standing figures of a running total one later figure that
/// allows them without reaching them keeps under it ([`Standing`]);
/// past the bound, the highest are let go as if reached, so that a
/// series of such reports costs time linear in its figures. Only which
/// figures a vague value fits can change: whether a figure fell is
/// judged apart, over every report.
const MAX_COVERED_FIGURES: usize = 32;

impl SourceTable {
    fn new(corpus: &Corpus) -> SourceTable {
        let sources = corpus.sources();
        let capacity = crate::id::table_capacity(sources.len());
        let mut table = SourceTable {
            slots: vec![SourceSlot::default(); capacity],
            dates: Vec::new(),
            ranks: natural_ranks(sources),
        };
        let mut date_index: HashMap<Period, u32> = HashMap::default();
        for (k, source) in sources.iter().enumerate() {
            // More than 4 billion sources or distinct dates would be over
            // a terabyte in memory; a source past that is found through
            // the corpus's index instead.
            let Ok(position) = u32::try_from(k) else {
                break;
            };
            let date = match source.published {
                Some(date) => *date_index.entry(date).or_insert_with(|| {
                    table.dates.push(date);
                    u32::try_from(table.dates.len() - 1).unwrap_or(NO_DATE)
                }),
                None => NO_DATE,
            };
            // `source.id` is the declared id whose text checked claims
            // share. Ids are unique, so each address is new.
            let address = source.id.text_address();
            let mut at = table.home(address);
            while table.slots[at].address != 0 {
                at = (at + 1) & (capacity - 1);
            }
            table.slots[at] = SourceSlot {
                address,
                position,
                date,
            };
        }
        table
    }

    /// The first slot to probe for `address`: Fibonacci hashing of the
    /// address without its alignment bits, taking the product's top bits.
    fn home(&self, address: usize) -> usize {
        let product = ((address as u64) >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        crate::id::top_bits(product, self.slots.len().trailing_zeros())
    }

    /// The source whose declared id's text is at `address`.
    /// The source's position in `corpus`: found by the address of its
    /// id's text, or else by the corpus's index.
    fn position(&self, corpus: &Corpus, id: &SourceId) -> Option<usize> {
        match self.find(id.text_address()) {
            Some(slot) => Some(slot.position as usize),
            None => corpus.source_position(id),
        }
    }

    fn find(&self, address: usize) -> Option<SourceSlot> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = self.home(address);
        loop {
            let slot = *self.slots.get(at)?;
            if slot.address == address {
                return Some(slot);
            }
            if slot.address == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// A source's place in natural id order among the corpus's sources,
    /// if `id` is one of them.
    fn natural_rank(&self, corpus: &Corpus, id: &SourceId) -> Option<u32> {
        let position = self.position(corpus, id)?;
        self.ranks.get(position).copied()
    }

    /// The date with this index, if it is one.
    fn date(&self, index: u32) -> Option<Period> {
        // `NO_DATE` is past the end of `dates`.
        self.dates.get(index as usize).copied()
    }
}

/// Each source's place in natural id order ([`natural_cmp`]), by its
/// position in `sources`; sources past `u32::MAX` get none. Ids are
/// unique and natural order is total, so the places are too. Sources
/// declared in natural order, as generators and most annotators write
/// them, are numbered as they stand.
fn natural_ranks(sources: &[crate::model::Source]) -> Vec<u32> {
    let count = sources.len().min(u32::MAX as usize);
    let sources = &sources[..count];
    let mut order: Vec<u32> = (0..count as u32).collect();
    let in_order = sources
        .windows(2)
        .all(|w| natural_cmp(w[0].id.as_str(), w[1].id.as_str()) != std::cmp::Ordering::Greater);
    if in_order {
        return order;
    }
    // Stable, though ids are unique, because a stable sort merges runs:
    // sources declared kind by kind are a few runs in natural order.
    order.sort_by(|&a, &b| {
        natural_cmp(
            sources[a as usize].id.as_str(),
            sources[b as usize].id.as_str(),
        )
    });
    let mut ranks = vec![0; count];
    for (rank, &position) in order.iter().enumerate() {
        // `rank` < `count` ≤ `u32::MAX`.
        ranks[position as usize] = rank as u32;
    }
    ranks
}

type TopicKey<'a> = (&'a EntityId, &'a Property);

/// A topic's key and its claims, in id order.
type TopicClaims<'k, 'm, 'a> = (TopicKey<'k>, &'m [&'a Claim]);

/// The claims of every topic, as [`Analyzer::topic_groups`] finds them:
/// each topic's key and number of claims, and in `members` each topic's
/// claims in id order, one topic after another in the order of `keys`.
struct TopicGroups<'k, 'a> {
    keys: Vec<(TopicKey<'k>, usize)>,
    members: Vec<&'a Claim>,
}

impl<'k, 'a> TopicGroups<'k, 'a> {
    /// Each topic's key with its claims.
    fn groups(&self) -> Vec<TopicClaims<'k, '_, 'a>> {
        let mut rest = &self.members[..];
        self.keys
            .iter()
            .map(|&(key, n)| {
                let (claims, after) = rest.split_at(n);
                rest = after;
                (key, claims)
            })
            .collect()
    }
}

/// Quote claims with their normalized wordings, as the topics' quote
/// clustering made them: the misattribution check across topics reads
/// them instead of normalizing every quote again.
type Quotes<'a> = Vec<(&'a Claim, String)>;

/// What analysing the topics gives: the topics, their diagnostics, and
/// every quote's normalized wording.
type Analysed<'a> = (Vec<Topic<'a>>, Vec<Diagnostic>, Quotes<'a>);

/// How many claims, beside the oldest task's, the streamed analysis works
/// on ahead of the topic it hands on next: a thirty-second of the corpus,
/// between 4,096 and 32,768. Their results wait to be handed on, so the
/// window bounds what streaming holds beyond the corpus; it is wide
/// enough that a large topic is analysed beside the topics after it. (A
/// sixteenth held 1–1.5 MB more at the 100k peak for no measurable speed;
/// at 1M the cap decides either way.)
#[cfg(feature = "parallel")]
fn stream_window(claims: usize) -> usize {
    (claims / 32).clamp(4096, 32_768)
}

/// A topic as diagnostics name it, "subject property", written only when
/// a diagnostic is.
#[derive(Clone, Copy)]
struct TopicName<'a>(&'a EntityId, &'a Property);

impl std::fmt::Display for TopicName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

impl<'a, 'p> Analyzer<'a, 'p> {
    /// Resolves entity names and prepares to analyse.
    pub fn new(corpus: &'a Corpus, policy: &'p Policy) -> Analyzer<'a, 'p> {
        let resolve = || Resolution::new(corpus.entities(), policy.name_threshold());
        let tabulate = || SourceTable::new(corpus);
        let pair = || TextPairs::new(corpus.claims());
        // Three independent steps, each a pass over its part of the
        // corpus: on all cores with `parallel`.
        #[cfg(feature = "parallel")]
        let (resolution, (sources, pairs)) = rayon::join(resolve, || rayon::join(tabulate, pair));
        #[cfg(not(feature = "parallel"))]
        let (resolution, sources, pairs) = (resolve(), tabulate(), pair());
        let origins = || (same_origins(corpus, &resolution), outlet_spellings(corpus));
        let title = || titles(corpus, &resolution, &pairs, &sources);
        // Two more independent steps, beside each other with `parallel`
        // (at 1M synthetic claims, `titles` took 60–80 ms, the other two
        // 20 ms).
        #[cfg(feature = "parallel")]
        let (((persons, of_one_name), (outlets, named_outlets)), titles) =
            rayon::join(origins, title);
        #[cfg(not(feature = "parallel"))]
        let (((persons, of_one_name), (outlets, named_outlets)), titles) = (origins(), title());
        let mut analyzer = Analyzer {
            corpus,
            policy,
            resolution,
            sources,
            pairs,
            persons,
            of_one_name,
            titles,
            outlets,
            named_outlets,
            voices: Vec::new(),
            cites_on: Vec::new(),
            twin_keys: std::sync::OnceLock::new(),
        };
        analyzer.voices = analyzer.number_voices();
        analyzer.cites_on = corpus
            .sources()
            .iter()
            .map(|source| {
                source.kind == crate::model::SourceKind::Publication
                    || analyzer.newsroom(&source.id).is_some()
            })
            .collect();
        analyzer
    }

    /// Numbers each declared source's voice ([`Analyzer::voices`]): the
    /// same number for the same newsroom, or the same person.
    fn number_voices(&self) -> Vec<u32> {
        let mut numbers: HashMap<(bool, &str), u32> = HashMap::default();
        self.corpus
            .sources()
            .iter()
            .map(|source| {
                // Fewer than 4 billion voices: the sources would not fit
                // in memory otherwise.
                let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
                *numbers.entry(self.voice_text(&source.id)).or_insert(next)
            })
            .collect()
    }

    /// A source's voice in words: its newsroom (`true`), or else the
    /// source that stands for it as an origin (`false`).
    fn voice_text<'s>(&self, id: &'s SourceId) -> (bool, &'s str)
    where
        'a: 's,
    {
        match self.newsroom(id) {
            Some(newsroom) => (true, newsroom),
            None => (false, self.person(id).as_str()),
        }
    }

    /// A source's voice as the relay check hears it ([`Voice`]).
    fn voice<'s>(&self, id: &'s SourceId) -> Voice<'s>
    where
        'a: 's,
    {
        match self.source_slot(id).and_then(|k| self.voices.get(k)) {
            Some(&number) => Voice::Declared(number),
            None => {
                let (newsroom, text) = self.voice_text(id);
                Voice::Named(newsroom, text)
            }
        }
    }

    /// The corpus analysed.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy};
    /// # let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1", "title": "T"}"#)?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// assert_eq!(analyzer.corpus().title(), Some("T"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn corpus(&self) -> &'a Corpus {
        self.corpus
    }

    /// The policy in force.
    pub fn policy(&self) -> &Policy {
        self.policy
    }

    /// The entity resolution.
    pub fn resolution(&self) -> &Resolution {
        &self.resolution
    }

    /// The name an entity is shown by: for a group of merged entities,
    /// the name of the member most claims are about (see [`titles`]).
    pub(crate) fn entity_name(&self, id: &EntityId) -> String {
        let canonical = self.resolution.canonical(id);
        if let Some(title) = self.titles.get(canonical.as_str()) {
            return (*title).to_string();
        }
        match self.corpus.entity(canonical) {
            Some(entity) => entity.name.clone(),
            None => canonical.to_string(),
        }
    }

    /// The source's position in the corpus, if the corpus declares it.
    fn source_slot(&self, id: &SourceId) -> Option<usize> {
        self.sources.position(self.corpus, id)
    }

    /// A source's readable name; a publication speaking for itself is
    /// named by its outlet, or else its name, as "own reporting".
    fn source_name<'s>(&self, id: &'s SourceId) -> OriginName<'s>
    where
        'a: 's,
    {
        self.origin_name(id).0
    }

    /// A source's readable name, and for a publication with an outlet,
    /// the outlet: whose reporting it is when it speaks for itself; for
    /// a source of kind `outlet`, its own name, the same newsroom; for an
    /// office or group named as an outlet is, that outlet.
    fn origin_name<'s>(&self, id: &'s SourceId) -> (OriginName<'s>, Option<&'s str>)
    where
        'a: 's,
    {
        let Some(k) = self.source_slot(id) else {
            return (OriginName::Named(id.as_str()), None);
        };
        let source: &'a crate::model::Source = &self.corpus.sources()[k];
        match source.kind {
            crate::model::SourceKind::Publication => {
                let outlet = source.outlet.as_deref();
                (
                    OriginName::OwnReporting(outlet.unwrap_or(&source.name)),
                    outlet,
                )
            }
            // An outlet speaking in its own name is its newsroom, as its
            // articles that speak for themselves are.
            crate::model::SourceKind::Outlet => {
                (OriginName::Named(&source.name), Some(&source.name))
            }
            // (Most corpora name no office as an outlet: no lookup.)
            _ if !self.named_outlets.is_empty() => (
                OriginName::Named(&source.name),
                self.named_outlets.get(id.as_str()).copied(),
            ),
            _ => (OriginName::Named(&source.name), None),
        }
    }

    /// The newsroom a source is, or is an article of, as origins are
    /// counted: its outlet (see [`origin_name`](Self::origin_name)), in
    /// the spelling that stands for the outlet's spellings.
    fn newsroom<'s>(&self, id: &'s SourceId) -> Option<&'s str>
    where
        'a: 's,
    {
        self.origin_name(id)
            .1
            .map(|outlet| self.outlet_spelling(outlet))
    }

    /// The spelling that stands for an outlet's spellings.
    fn outlet_spelling<'s>(&self, outlet: &'s str) -> &'s str
    where
        'a: 's,
    {
        // (Most corpora spell each outlet one way: no lookup.)
        if self.outlets.is_empty() {
            outlet
        } else {
            self.outlets.get(outlet).copied().unwrap_or(outlet)
        }
    }

    pub(crate) fn topic_key<'b>(&'b self, claim: &'b Claim) -> TopicKey<'b> {
        (
            self.resolution.canonical(&claim.subject),
            self.policy.canonical_property(&claim.property),
        )
    }

    /// When a claim was reported: when it was said, or else when its
    /// publication was published.
    pub(crate) fn reported(&self, claim: &Claim) -> Option<Period> {
        claim.assertion.said.or_else(|| self.published(claim))
    }

    /// When a claim's publication was published, if known.
    fn published(&self, claim: &Claim) -> Option<Period> {
        let publication = claim.assertion.publication()?;
        match self.sources.find(publication.text_address()) {
            Some(slot) => self.sources.date(slot.date),
            None => {
                let k = self.corpus.source_position(publication)?;
                self.corpus.sources()[k].published
            }
        }
    }

    /// Analyses every topic and assembles the report.
    pub fn report(&self) -> Report<'a> {
        self.report_with(Self::analyze_topics)
    }

    /// The report made one topic after another, whatever the cargo
    /// features: the reference that the `parallel` feature's output is
    /// tested against. Not part of the stable API.
    #[doc(hidden)]
    pub fn report_sequential(&self) -> Report<'a> {
        self.report_with(Self::analyze_topics_sequentially)
    }

    /// The claims of each topic, sorted by id. Topics are found with a
    /// hash map rather than by sorting every claim on its topic key: the
    /// order topics are analysed in does not matter, since the report
    /// sorts them afterwards.
    fn topic_groups(&self) -> TopicGroups<'_, 'a> {
        let claims = self.corpus.claims();
        let TextPairs { of_claim, pairs } = &self.pairs;
        // Each pair's topic, resolved (on all cores with `parallel`) and
        // hashed once per pair, and each topic's size, so that every
        // topic's vector is allocated once at its size. Most pairs are
        // topics of their own: the index is made at that size.
        let key_of = |&(first, _): &(u32, usize)| self.topic_key(&claims[first as usize]);
        #[cfg(feature = "parallel")]
        let keys: Vec<TopicKey<'_>> = {
            use rayon::prelude::*;
            pairs.par_iter().map(key_of).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let keys: Vec<TopicKey<'_>> = pairs.iter().map(key_of).collect();
        // The index and the prefixes are allocated here, on the calling
        // thread, and filled in place: made on the pool's threads they
        // would go to glibc's per-thread arenas, which raise the peak.
        let mut index: HashMap<TopicKey<'_>, u32> =
            HashMap::with_capacity_and_hasher(pairs.len(), Default::default());
        let mut prefixes: Vec<u64> = Vec::with_capacity(claims.len());
        let mut topic_of_pair: Vec<u32> = Vec::with_capacity(pairs.len());
        let index_topics = || {
            let mut topics: Vec<TopicKey<'_>> = Vec::new();
            let mut sizes: Vec<usize> = Vec::new();
            topic_of_pair.extend(pairs.iter().zip(keys).map(|(&(_, n), key)| {
                let next = topics.len() as u32;
                let slot = *index.entry(key).or_insert(next);
                if slot == next {
                    topics.push(key);
                    sizes.push(0);
                }
                sizes[slot as usize] += n;
                slot
            }));
            (topics, sizes)
        };
        // Each claim's id prefix is read in corpus order, where the claims
        // and their ids' texts lie one after another, rather than while
        // sorting, in topic order, scattered: at 1M claims that took about
        // a sixth off grouping. With `parallel` they are read on all
        // cores while the topics are indexed on one, which at 1M claims
        // took some 12 ms (105,203 pairs hashed into 79,525 topics).
        #[cfg(feature = "parallel")]
        let (topics, sizes) = {
            use rayon::prelude::*;
            rayon::join(index_topics, || {
                prefixes.par_extend(claims.par_iter().map(|c| id_prefix(&c.id)));
            })
            .0
        };
        #[cfg(not(feature = "parallel"))]
        let (topics, sizes) = {
            prefixes.extend(claims.iter().map(|c| id_prefix(&c.id)));
            index_topics()
        };
        drop(index);
        // The keyed claims are laid out group after group in one buffer,
        // freed as a whole once the groups are sorted.
        let Some(first) = claims.first() else {
            return TopicGroups {
                keys: Vec::new(),
                members: Vec::new(),
            };
        };
        let mut next: Vec<usize> = sizes
            .iter()
            .scan(0, |start, &n| {
                let here = *start;
                *start += n;
                Some(here)
            })
            .collect();
        let mut keyed: Vec<(u64, &'a Claim)> = vec![(0, first); claims.len()];
        for ((claim, &pair), prefix) in claims.iter().zip(of_claim).zip(prefixes) {
            let slot = topic_of_pair[pair as usize] as usize;
            keyed[next[slot]] = (prefix, claim);
            next[slot] += 1;
        }
        // Each group's claims are a run of one vector, made once they are
        // sorted: one vector of each topic's, allocated and freed on this
        // thread, took about a sixth of grouping at 1M claims (79,525
        // topics), and as much again to free once the report was made.
        let mut parts: Vec<&mut [(u64, &'a Claim)]> = Vec::with_capacity(sizes.len());
        let mut rest = &mut keyed[..];
        for &n in &sizes {
            let (part, after) = rest.split_at_mut(n);
            parts.push(part);
            rest = after;
        }
        #[cfg(feature = "parallel")]
        let members: Vec<&'a Claim> = {
            use rayon::prelude::*;
            parts.into_par_iter().for_each(sort_keyed);
            keyed.par_iter().map(|&(_, claim)| claim).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let members: Vec<&'a Claim> = {
            parts.into_iter().for_each(sort_keyed);
            keyed.iter().map(|&(_, claim)| claim).collect()
        };
        TopicGroups {
            keys: topics.into_iter().zip(sizes).collect(),
            members,
        }
    }

    fn analyze_topics_sequentially(&self, groups: &[TopicClaims<'_, '_, 'a>]) -> Analysed<'a> {
        let mut diagnostics = Vec::new();
        let mut quotes = Vec::new();
        let topics = groups
            .iter()
            .map(|(key, claims)| self.analyze_topic(*key, claims, &mut diagnostics, &mut quotes))
            .collect();
        (topics, diagnostics, quotes)
    }

    #[cfg(not(feature = "parallel"))]
    fn analyze_topics(&self, groups: &[TopicClaims<'_, '_, 'a>]) -> Analysed<'a> {
        self.analyze_topics_sequentially(groups)
    }

    /// Topics are independent: each is a pure function of its claims and
    /// the shared resolution, so they are analysed on all cores. The
    /// report sorts topics and diagnostics, so it is the same as the
    /// sequential one.
    #[cfg(feature = "parallel")]
    fn analyze_topics(&self, groups: &[TopicClaims<'_, '_, 'a>]) -> Analysed<'a> {
        use rayon::prelude::*;
        // The streamed window's runs (`pool::runs`: a few topics or a few
        // hundred claims, a larger topic alone), largest topics first: a
        // fixed number of topics a task put several of the largest in one
        // task, which one core then worked through alone for over a
        // second at 1M claims. The order of the results does not matter:
        // the report sorts its topics and diagnostics, and the
        // misattribution check its pairs.
        let mut order: Vec<&TopicClaims<'_, '_, 'a>> = groups.iter().collect();
        order.sort_by_key(|(_, claims)| std::cmp::Reverse(claims.len()));
        let analysed: Vec<(Topic<'a>, Vec<Diagnostic>, Quotes<'a>)> =
            crate::pool::runs(&order, |(_, claims)| claims.len())
                .par_iter()
                .flat_map_iter(|run| {
                    run.iter().map(|(key, claims)| {
                        let mut diagnostics = Vec::new();
                        let mut quotes = Vec::new();
                        let topic = self.analyze_topic(*key, claims, &mut diagnostics, &mut quotes);
                        (topic, diagnostics, quotes)
                    })
                })
                .collect();
        let mut topics = Vec::with_capacity(analysed.len());
        let mut diagnostics = Vec::new();
        let mut quotes = Vec::new();
        for (topic, found, wordings) in analysed {
            topics.push(topic);
            diagnostics.extend(found);
            quotes.extend(wordings);
        }
        (topics, diagnostics, quotes)
    }

    fn report_with(
        &self,
        analyze_topics: impl Fn(&Self, &[TopicClaims<'_, '_, 'a>]) -> Analysed<'a>,
    ) -> Report<'a> {
        let grouped = self.topic_groups();
        let groups = grouped.groups();
        let (mut topics, diagnostics, quotes) = analyze_topics(self, &groups);
        drop(groups);
        drop(grouped);
        // (subject, property) is unique per topic: an unstable sort gives
        // the one order, on all cores with `parallel`.
        let order = |a: &Topic<'a>, b: &Topic<'a>| {
            a.verdict
                .cmp(&b.verdict)
                .then_with(|| a.subject.cmp(&b.subject))
                .then_with(|| a.property.cmp(&b.property))
        };
        sort_unstable_on_all_cores(&mut topics, order);

        let mut counted = Summary {
            topics: topics.len(),
            ..Summary::default()
        };
        counted.count_topics(&topics);
        self.assemble(topics, counted, diagnostics, quotes)
    }

    /// The report around its topics: the misattributions across topics,
    /// the diagnostics in order, the merges, and the summary, whose topic
    /// counts come in `counted`.
    fn assemble(
        &self,
        topics: Vec<Topic<'a>>,
        counted: Summary,
        mut diagnostics: Vec<Diagnostic>,
        quotes: Quotes<'a>,
    ) -> Report<'a> {
        let misattributions = self.misattributions(&quotes, &mut diagnostics);
        // An alias that several entities give joins none of them: said,
        // as the annotation is then at odds with itself.
        for shared in self.resolution.shared_aliases() {
            let ids: Vec<&str> = shared.entities.iter().map(EntityId::as_str).collect();
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                format!("entities {}", ids.join(", ")),
                format!(
                    "the alias {:?} is given to {} entities and is none's name, so it tells them apart from nothing and joins none of them; expected it given to one entity, or an entity named by it",
                    shared.alias,
                    ids.len()
                ),
            ));
        }
        diagnostics.extend(self.lone_surname_warnings());
        diagnostics.extend(self.corpus.skipped().iter().cloned());
        diagnostics.extend(self.corpus.warnings().iter().cloned());
        // Natural order, so that file:9 comes before file:10 (on all
        // cores with `parallel`: at 1M claims, some 25,000 diagnostics).
        sort_on_all_cores(&mut diagnostics, |a, b| {
            a.severity
                .cmp(&b.severity)
                .then_with(|| natural_cmp(&a.location, &b.location))
                .then_with(|| a.message.cmp(&b.message))
        });
        diagnostics.dedup();
        fold_twin_origin_warnings(&mut diagnostics);

        let summary = Summary {
            claims: self.corpus.claims().len(),
            misattributions: misattributions.len(),
            skipped: self.corpus.skipped().len(),
            warned: self.corpus.warnings().len(),
            ..counted
        };
        Report {
            title: self.corpus.title().map(str::to_string),
            summary,
            settings: self.settings(),
            topics,
            misattributions,
            merges: self.resolution.merges().to_vec(),
            diagnostics,
        }
    }

    /// A warning for each surname alone beside a full name that name
    /// resolution found ("Milanović", "Zoran Milanović"; twentieth audit,
    /// G3) where the two have a property in common: not merged, since
    /// two people can share a surname, so their claims are compared
    /// apart, and the warning says how to make them one. Claims are read
    /// only when there is such a pair.
    fn lone_surname_warnings(&self) -> Vec<Diagnostic> {
        let lone = self.resolution.lone_surnames();
        if lone.is_empty() {
            return Vec::new();
        }
        let wanted: HashSet<&EntityId> = lone.iter().flat_map(|l| [&l.surname, &l.full]).collect();
        let mut properties: HashMap<&EntityId, BTreeSet<&Property>> = HashMap::default();
        for claim in self.corpus.claims() {
            let (subject, property) = self.topic_key(claim);
            if let Some(&subject) = wanted.get(subject) {
                properties.entry(subject).or_default().insert(property);
            }
        }
        let mut warnings = Vec::new();
        for l in lone {
            let (Some(short), Some(full)) = (properties.get(&l.surname), properties.get(&l.full))
            else {
                continue;
            };
            let shared: Vec<&str> = short.intersection(full).map(|p| p.as_str()).collect();
            let Some(first) = shared.first() else {
                continue;
            };
            let also = match shared.len() - 1 {
                0 => String::new(),
                1 => " and 1 other property".to_string(),
                n => format!(" and {n} other properties"),
            };
            let (x, y) = (l.surname.as_str(), l.full.as_str());
            warnings.push(Diagnostic::new(
                Severity::Warning,
                format!("entities {}, {}", x.min(y), x.max(y)),
                format!(
                    "{:?} is the last word of {:?}, most likely a surname alone, and claims about both give {first}{also}; two people can share a surname, so the two are not merged and their claims are not compared with each other (list {:?} as an alias of {:?} if it is the same person)",
                    l.surname_name, l.full_name, l.surname_name, l.full_name
                ),
            ));
        }
        warnings
    }

    /// Warnings for pairs of origins counted together in one position
    /// whose names may be one body's under two names (twentieth audit,
    /// G6): one name is the other's initials ("WHO", "World Health
    /// Organization"), or the significant words of one are all among the
    /// other's ("the CGT", "CGT union"; "Sudan's Ministry of Health",
    /// "Ministry of Health of Sudan"), as [`TwinKey`] reads them.
    /// They are not merged: origins are matched by name key, never by
    /// likeness (DESIGN.md, "Why are two sources of one kind and one name
    /// one origin?"); the warning says they are counted as two and how to
    /// make them one. Anonymous sources, whose names describe rather
    /// than name, are left out.
    ///
    /// The names origins stand under are keyed once per analyzer, and
    /// those that may pair with another name anywhere in the corpus are
    /// marked ([`TwinKey::mark_pairs`]); a position compares only its
    /// origins so marked (and any no source's name), so a corpus without
    /// such names pays a lookup per origin. A position of a few
    /// ([`TWIN_ALL_PAIRS`]) compares them
    /// pair by pair; one of more indexes them by their words and their
    /// initials, and each origin looks up the others that hold its
    /// rarest word and those whose initials it is (at most
    /// [`MAX_TWIN_CANDIDATES`] of each), so a position of many origins is
    /// not compared pair by pair. A pair is named once per topic, at its
    /// first position, and at most [`MAX_TWIN_ORIGIN_WARNINGS`] pairs per
    /// topic are named, the rest counted.
    fn twin_origin_warnings(
        &self,
        topic: TopicName<'_>,
        scopes: &[ScopeGroup<'_>],
    ) -> Vec<Diagnostic> {
        /// How one name may be the other's.
        #[derive(Clone, Copy)]
        enum Twin {
            /// The first is the second's initials.
            Initials,
            /// The first's words are all among the second's, which has
            /// more.
            Within,
            /// The two have the same words.
            Same,
        }
        // Each pair, by its two names as shown in text order: how one
        // may be the other's, the two names in the order the rule reads
        // them, the first and the last position that count both, and
        // how many do.
        struct Pair<'p> {
            twin: Twin,
            names: [String; 2],
            first: &'p Position<'p>,
            last: &'p str,
            positions: usize,
        }
        let mut found: BTreeMap<(String, String), Pair<'_>> = BTreeMap::new();
        for position in scopes.iter().flat_map(|s| s.positions.iter()) {
            if position.origins.len() < 2 {
                continue;
            }
            // Each named origin with its significant words sorted without
            // repeats, and the initials of two words or more.
            let keys = self.twin_keys.get_or_init(|| {
                let mut keys: HashMap<&'a str, Option<TwinKey>> = HashMap::default();
                let mut scratch = String::new();
                // The name each source stands under as an origin
                // ([`Analyzer::origin_name`]): a publication's outlet, or
                // else its own name. Most sources are articles of a few
                // outlets, so few names are keyed.
                for source in self.corpus.sources() {
                    let name = match source.kind {
                        crate::model::SourceKind::Publication => {
                            source.outlet.as_deref().unwrap_or(&source.name)
                        }
                        _ => &source.name,
                    };
                    keys.entry(name)
                        .or_insert_with(|| TwinKey::of(name, &mut scratch));
                }
                // Most corpora have no two names that may be one body's:
                // their positions are then passed over at a look a name.
                let mut marked: Vec<&mut TwinKey> = keys.values_mut().flatten().collect();
                TwinKey::mark_pairs(&mut marked);
                keys
            });
            // Each origin's key, looked up once; a name no source has (an
            // undeclared source's id) is keyed here.
            fn name_of<'n>(o: &Origin<'n>) -> &'n str {
                match o.name {
                    OriginName::Named(n)
                    | OriginName::OwnReporting(n)
                    | OriginName::Untraced(n) => n,
                }
            }
            // Mostly a few origins, and mostly no pair to compare: held
            // inline, not allocated.
            let listed: smallvec::SmallVec<[Option<Option<&TwinKey>>; 8]> = position
                .origins
                .iter()
                .map(|o| {
                    keys.get(name_of(o))
                        .map(|key| key.as_ref().filter(|k| k.paired))
                })
                .collect();
            // Two names are compared only where each may pair with some
            // name (or is no source's name, and so was not marked).
            if listed
                .iter()
                .filter(|key| !matches!(key, Some(None)))
                .count()
                < 2
            {
                continue;
            }
            let unlisted: Vec<Option<TwinKey>> = position
                .origins
                .iter()
                .zip(&listed)
                .filter(|(_, key)| key.is_none())
                .map(|(o, _)| TwinKey::of(name_of(o), &mut String::new()))
                .collect();
            let mut unlisted = unlisted.iter();
            let named: Vec<(&OriginName<'_>, &TwinKey)> = position
                .origins
                .iter()
                .zip(listed)
                .filter_map(|(o, key)| {
                    let key = match key {
                        Some(key) => key,
                        None => unlisted.next().and_then(Option::as_ref),
                    };
                    let anonymous = || self.corpus.source(o.id).is_some_and(|s| s.anonymous);
                    key.filter(|_| !anonymous()).map(|key| (&o.name, key))
                })
                .collect();
            if named.len() < 2 {
                continue;
            }
            // How `i`'s name may be `j`'s: a single word that is its
            // initials, or words all among its words.
            let twin = |i: usize, j: usize| {
                let (words, of) = (named[i].1, named[j].1);
                words
                    .may_pair(of)
                    .then_some(if words.count == 1 && words.count < of.count {
                        if of.initials.as_deref() == Some(words.words.as_str())
                            && words.words.chars().count() >= 2
                        {
                            Twin::Initials
                        } else {
                            Twin::Within
                        }
                    } else if words.count == of.count {
                        Twin::Same
                    } else {
                        Twin::Within
                    })
            };
            let mut pairs: Vec<(usize, usize, Twin)> = Vec::new();
            if named.len() <= TWIN_ALL_PAIRS {
                // A few origins, as most positions have: each pair.
                for i in 0..named.len() {
                    for j in 0..named.len() {
                        if let Some(how) = (named[i].0 != named[j].0).then(|| twin(i, j)).flatten()
                        {
                            pairs.push((i, j, how));
                        }
                    }
                }
            } else {
                // Many: each origin against those that hold its rarest
                // word or whose initials it is.
                let index = TwinIndex::new(named.iter().map(|(_, key)| *key));
                for (i, (_, key)) in named.iter().enumerate() {
                    let (longer, rarest) = index.candidates(key);
                    let candidates = longer.iter().map(|&(_, k)| k).take(MAX_TWIN_CANDIDATES);
                    for j in
                        candidates.chain(rarest.iter().map(|&(_, k)| k).take(MAX_TWIN_CANDIDATES))
                    {
                        if let Some(how) = (named[i].0 != named[j].0).then(|| twin(i, j)).flatten()
                        {
                            pairs.push((i, j, how));
                        }
                    }
                }
            }
            for (i, j, twin) in pairs {
                let (a, b) = (named[i].0.to_string(), named[j].0.to_string());
                if a == b {
                    continue;
                }
                let key = if a < b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                match found.get_mut(&key) {
                    // Counted once per position: a pair is found from
                    // both sides where the words are the same, and
                    // twice where it is found both ways.
                    Some(pair) => {
                        if pair.last != &*position.label {
                            pair.positions += 1;
                            pair.last = &position.label;
                        }
                    }
                    None => {
                        found.insert(
                            key,
                            Pair {
                                twin,
                                names: [a, b],
                                first: position,
                                last: &position.label,
                                positions: 1,
                            },
                        );
                    }
                }
            }
        }
        let mut warnings = Vec::new();
        let more = found.len().saturating_sub(MAX_TWIN_ORIGIN_WARNINGS);
        for ((x, y), pair) in found.into_iter().take(MAX_TWIN_ORIGIN_WARNINGS) {
            let [a, b] = &pair.names;
            let how = match pair.twin {
                Twin::Initials => format!("{a:?} is the initials of {b:?}"),
                Twin::Within => format!("the words of {a:?} are all in {b:?}"),
                Twin::Same => format!("{x:?} and {y:?} have the same words"),
            };
            let others = match pair.positions - 1 {
                0 => String::new(),
                1 => " and of 1 other position".to_string(),
                n => format!(" and of {n} other positions"),
            };
            warnings.push(Diagnostic::new(
                Severity::Warning,
                format!("{TWIN_ORIGINS_LOCATION}{x:?}, {y:?}"),
                format!(
                    "{how}: perhaps one body under two names, yet counted as two independent origins of {} {} in topic {topic}{others}; origins are matched by name, never by likeness, so if the two are one body, cite one source for both or give both one name (in a table, a side header's source of one name with the other among its aliases)",
                    pair.first.label, pair.first.value
                ),
            ));
        }
        if more > 0 {
            let (pairs, are) = if more == 1 {
                ("pair", "is")
            } else {
                ("pairs", "are")
            };
            warnings.push(Diagnostic::new(
                Severity::Warning,
                format!("topic {topic}"),
                format!(
                    "{more} more {pairs} of independent origins whose names may be one body's (one the other's initials, or its words all among the other's) {are} not named"
                ),
            ));
        }
        warnings
    }

    /// A warning for a contested topic of a property the policy lists
    /// neither as `cumulative` nor as `current` where a conflict is
    /// between figures one origin gave at different report times (29.7
    /// percent turnout at 16:30 and 44.2 percent at 23:30, from one
    /// commission; twentieth audit, G7): most likely an update of a
    /// figure that changes over time, which only a listed property's
    /// reports are read as. The verdict is not changed: the warning says
    /// to list the property if it changes over time. The first such
    /// conflict, in relation order, is named: two figures of a standing
    /// position each, of quantities with known intervals that do not
    /// overlap, from one origin (as [`Analyzer::person`] counts it), at
    /// report times that do not overlap. Each position's figures are
    /// sorted by origin once, and each figure of the other side looks
    /// its origin up.
    fn unlisted_series_warning<'c>(
        &self,
        topic: TopicName<'_>,
        scopes: &[ScopeGroup<'c>],
        relations: &[PositionRelation],
    ) -> Option<Diagnostic>
    where
        'a: 'c,
    {
        let conflicts: Vec<&PositionRelation> = relations
            .iter()
            .filter(|r| r.relation.kind() == RelationKind::Conflict)
            .collect();
        if conflicts.is_empty() {
            return None;
        }
        let positions: HashMap<&str, &Position<'c>> = scopes
            .iter()
            .flat_map(|s| s.positions.iter())
            .map(|p| (&*p.label, p))
            .collect();
        let vocabulary = self.policy.vocabulary();
        // A standing position's dated figures, sorted by origin: the
        // origin, the report time, the interval.
        let figures = |p: &Position<'c>| -> Vec<(&'c SourceId, Period, Interval)> {
            let mut found: Vec<(&'c SourceId, Period, Interval)> = p
                .claims
                .iter()
                .filter(|e| e.superseded_by.is_none())
                .filter_map(|e| {
                    let Value::Quantity(q) = &e.claim.value else {
                        return None;
                    };
                    let interval = q.interval(vocabulary);
                    let origin = self.person(e.claim.assertion.origin()?);
                    (interval.is_known()).then_some((origin, e.reported?, interval))
                })
                .collect();
            // Stable: one origin's figures stay in claim order, which
            // the input's order does not change.
            found.sort_by(|a, b| a.0.cmp(b.0));
            found
        };
        let mut cached: HashMap<&str, Vec<(&'c SourceId, Period, Interval)>> = HashMap::default();
        for r in conflicts {
            let (Some(a), Some(b)) = (positions.get(&*r.from), positions.get(&*r.to)) else {
                continue;
            };
            if a.superseded || b.superseded {
                continue;
            }
            for p in [a, b] {
                cached.entry(&p.label).or_insert_with(|| figures(p));
            }
            let (of_a, of_b) = (&cached[&*a.label], &cached[&*b.label]);
            let pair = of_b.iter().find_map(|&(origin, when, interval)| {
                let first = of_a.partition_point(|&(o, _, _)| o < origin);
                of_a[first..]
                    .iter()
                    .take_while(|&&(o, _, _)| o == origin)
                    .find(|&&(_, t, i)| !t.overlaps(&when) && !i.overlaps(&interval))
                    .map(|&(_, t, _)| (origin, t, when))
            });
            let Some((origin, t, u)) = pair else {
                continue;
            };
            let (earlier, later) = if t.start() <= u.start() {
                (t, u)
            } else {
                (u, t)
            };
            let property = topic.1;
            return Some(Diagnostic::new(
                Severity::Warning,
                format!("topic {topic}"),
                format!(
                    "{} – {} conflict, and one origin, {}, gives both, reported at different times ({earlier} and {later}); property {property} is listed in the policy neither as cumulative nor as current, so its dated reports are not read as a series, in which a later figure replaces an earlier one: if it changes over time, list it as cumulative or current in the policy (its `cumulative` or `current` list)",
                    r.from,
                    r.to,
                    self.source_name(origin)
                ),
            ));
        }
        None
    }

    /// The settings the report names.
    pub(crate) fn settings(&self) -> Settings {
        Settings {
            vocabulary: self.policy.vocabulary().name().to_string(),
            name_tables: crate::names::installed_name().map(str::to_string),
            quote_threshold: self.policy.quote_threshold().value(),
            name_threshold: self.policy.name_threshold().value(),
        }
    }

    /// Analyses the topics one after another, in subject and property
    /// order, hands each to `visit` as soon as it is made, and keeps
    /// none of them: the report without its topics.
    ///
    /// This is [`report`](Analyzer::report) for corpora whose report
    /// would not fit in memory beside them: at any moment only the topic
    /// being handed over is held (with the `parallel` feature, the
    /// topics analysed on all cores ahead of it, within a window of a
    /// thirty-second of the claims, 4,096 to 32,768). Topics come in the order of
    /// their subject's and property's ids, not grouped by verdict as in
    /// [`Report::topics`]: that order needs every topic first. Each topic
    /// is the one [`report`](Analyzer::report) would give.
    ///
    /// The returned report has no topics; its summary counts the topics
    /// that were handed over, and its misattributions, merges and
    /// diagnostics are those of the whole report.
    ///
    /// # Errors
    ///
    /// Stops at the first error `visit` returns, and returns it.
    ///
    /// ```
    /// use corroborate::{Analyzer, Corpus, Policy, Verdict};
    /// let corpus = Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))?;
    /// let policy = Policy::default();
    /// let analyzer = Analyzer::new(&corpus, &policy);
    /// let mut contested = Vec::new();
    /// let rest = analyzer.report_each(|topic| {
    ///     if topic.verdict == Verdict::Contested {
    ///         contested.push(topic.property.to_string());
    ///     }
    ///     Ok::<(), std::convert::Infallible>(())
    /// })?;
    /// assert!(rest.topics.is_empty());
    /// assert_eq!(rest.summary.contested, contested.len());
    /// assert_eq!(rest.summary.topics, analyzer.report().topics.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report_each<E>(
        &self,
        visit: impl FnMut(Topic<'a>) -> Result<(), E>,
    ) -> Result<Report<'a>, E> {
        self.stream(Some, visit)
    }

    /// The engine of [`report_each`](Analyzer::report_each): each topic,
    /// in key order, goes through `make` (on all cores with `parallel`;
    /// `None` leaves it out of the report and its counts) and then, in
    /// order, to `take`.
    pub(crate) fn stream<T: Send, E>(
        &self,
        make: impl Fn(Topic<'a>) -> Option<T> + Sync,
        mut take: impl FnMut(T) -> Result<(), E>,
    ) -> Result<Report<'a>, E> {
        let grouped = self.topic_groups();
        let mut groups = grouped.groups();
        // Subject, then property: the order of `Report::topics` within a
        // verdict. Keys are unique, so an unstable sort gives one order,
        // on all cores with `parallel`.
        sort_unstable_on_all_cores(&mut groups, |a, b| a.0.cmp(&b.0));
        // One topic analysed, made into what `take` receives, with its
        // counts, diagnostics and quote wordings: on all cores with the
        // `parallel` feature. The rest happens in key order.
        let analyse = |(key, claims): &TopicClaims<'_, '_, 'a>| {
            let mut found = Vec::new();
            let mut wordings = Vec::new();
            let topic = self.analyze_topic(*key, claims, &mut found, &mut wordings);
            let counts = Summary::of_topic(&topic);
            (make(topic).map(|made| (made, counts)), found, wordings)
        };
        let mut counted = Summary::default();
        let mut diagnostics = Vec::new();
        let mut quotes = Vec::new();
        let mut hand_on = |(made, found, wordings): (Option<(T, Summary)>, _, _)| {
            diagnostics.extend(found);
            quotes.extend(wordings);
            match made {
                Some((made, counts)) => {
                    counted.add_topics(&counts);
                    take(made)
                }
                None => Ok(()),
            }
        };
        #[cfg(not(feature = "parallel"))]
        for group in &groups {
            hand_on(analyse(group))?;
        }
        #[cfg(feature = "parallel")]
        crate::pool::in_order_window(
            &groups,
            |(_, claims)| claims.len(),
            stream_window(self.corpus.claims().len()),
            analyse,
            &mut hand_on,
        )?;
        drop(groups);
        drop(grouped);
        Ok(self.assemble(Vec::new(), counted, diagnostics, quotes))
    }

    /// A claim's polarity once a statement's own polarity and the
    /// assertion's (a denial) are combined.
    pub(crate) fn effective_polarity(claim: &Claim) -> Polarity {
        let statement = match &claim.value {
            Value::Statement(s) => s.polarity,
            _ => Polarity::Positive,
        };
        statement.combine(claim.assertion.modality.polarity)
    }

    fn analyze_topic(
        &self,
        key: TopicKey<'_>,
        claims: &[&'a Claim],
        diagnostics: &mut Vec<Diagnostic>,
        quotes: &mut Quotes<'a>,
    ) -> Topic<'a> {
        let (subject, property) = key;
        // The topic as diagnostics name it, written only for one.
        let topic_name = TopicName(subject, property);

        // Supersession by explicit correction, within the topic. The
        // claims are in id order, so a corrected id is found by binary
        // search.
        let mut superseded_by: HashMap<&ClaimId, ClaimId> = HashMap::default();
        for claim in claims {
            if let Some(corrected) = &claim.corrects {
                if let Some(k) = place_of(claims, corrected) {
                    superseded_by.insert(corrected, claim.id.clone());
                    // A correction reported before what it corrects is
                    // most likely a date written wrong: it is applied,
                    // and said.
                    if let (Some(by), Some(of)) = (self.reported(claim), self.reported(claims[k]))
                        && by.end() <= of.start()
                    {
                        diagnostics.push(Diagnostic::new(
                            Severity::Warning,
                            format!("claim {}", claim.id),
                            format!(
                                "corrects {corrected} but is reported before it ({by}, against {of}); the correction is applied whatever the dates"
                            ),
                        ));
                    }
                } else {
                    diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        format!("claim {}", claim.id),
                        format!(
                            "corrects {corrected}, which is in another topic; the correction is not applied across topics"
                        ),
                    ));
                }
            }
        }

        // Restatements of a corrected figure, each with the corrected
        // claim (its place in `claims`).
        let restated = if superseded_by.is_empty() {
            HashMap::default()
        } else {
            self.withdraw_restatements(claims, &mut superseded_by)
        };

        // What the policy says of the property, looked up once for the
        // topic: cumulative or current, dated reports form a series.
        let (series_word, cumulative) = self.policy.series(property);

        // 1. Scope groups.
        let groups = self.scope_groups(claims, series_word.is_some());
        if groups.iter().any(|g| g.kind != groups[0].kind) {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                format!("topic {topic_name}"),
                "mixes values of different kinds; each kind is shown as its own scope".to_string(),
            ));
        }

        // Where a claim stands in a series: its report time, but for a
        // correction the time of the figure it replaces (followed back
        // through a chain of corrections to the first that has one). A
        // correction gives that figure again, right; a later report
        // supersedes it as it would have superseded the figure, and a
        // correction printed days later does not stand over the reports
        // made in between. Corrections form no cycle (the corpus refuses
        // one); the walk is bounded all the same. (With no report in
        // between, a report of the correction's own time is one report
        // with it: `place_corrections_at_own_time`.)
        // The claim whose report time is a claim's place: its own, or
        // the corrected claim's.
        let series_place = |c: &'a Claim| -> &'a Claim {
            if superseded_by.is_empty() {
                return c;
            }
            // A restatement of a corrected figure stands where that
            // figure stood, with it and its correction: withdrawn, it
            // makes no later report of the series.
            let c = restated.get(&c.id).map_or(c, |&k| claims[k]);
            let mut place = c;
            let mut at = c;
            for _ in 0..MAX_CORRECTION_CHAIN {
                let Some(corrected) = at.corrects.as_ref().and_then(|id| claim_at(claims, id))
                else {
                    break;
                };
                at = corrected;
                if self.series_own_time(at).is_some() {
                    place = at;
                }
            }
            place
        };
        // A claim's own time in a series: the day it is given "as of",
        // where that is not its report's, or else its report time
        // (twentieth audit, G4).
        let series_time =
            |c: &'a Claim| -> Option<Period> { self.series_own_time(series_place(c)) };

        // 2. Positions within each group, per polarity.
        let series_of = SeriesOf {
            property,
            word: series_word,
            cumulative,
        };
        // Sized to fit: a report keeps these vectors, so room left over
        // from growing them is memory held until the report is dropped.
        let mut scopes = Vec::with_capacity(groups.len());
        let mut relations = Vec::new();
        let mut label_counter = 0;
        // Each group's labels, in one vector for the topic's groups (kept
        // in place for a few positions, as most groups have).
        let mut labels: smallvec::SmallVec<[Arc<str>; 4]> = smallvec::SmallVec::new();
        let mut conflict = false;
        // A conflict between claims about two entities that name matching
        // merged (two subject ids, one on each side): the first found.
        let merged = self.titles.contains_key(subject.as_str());
        let mut merged_conflict: Option<(&EntityId, &EntityId)> = None;
        let mut any_superseded = !superseded_by.is_empty();
        // Each group's first claim, for the relation of neighbouring
        // groups: kept only where there are two groups or more (most
        // topics have one, and would allocate for nothing).
        let several_groups = groups.len() > 1;
        // (With its scope's place in `scopes`, whose label names it.)
        let mut first_claims: Vec<(&Claim, Arc<str>, usize)> =
            Vec::with_capacity(if several_groups { groups.len() } else { 0 });
        // Each group is taken as it goes, so that its label moves to its
        // scope rather than being copied.
        for group in groups {
            // A cumulative count whose reports are all dated is a series:
            // claims are bucketed by report time, and every bucket is
            // superseded by the latest one.
            // Each claim carries its place in the group (which is in id
            // order), so that sorting back to id order compares integers.
            let mut dated: Vec<(Span, usize, &Claim)> =
                if series_word.is_some() && matches!(group.kind, "quantity" | "share") {
                    group
                        .claims
                        .iter()
                        .enumerate()
                        .filter_map(|(k, c)| series_time(c).map(|p| (p.interval(), k, *c)))
                        .collect()
                } else {
                    Vec::new()
                };
            // A correction that stands where its figure stood moves to its
            // own report time where a report of that time is in the series
            // and none came between (seventeenth audit, C3b).
            if !superseded_by.is_empty() && !dated.is_empty() {
                self.place_corrections_at_own_time(&mut dated, &superseded_by);
            }
            let series = !dated.is_empty();
            // A claim said after its publication was published is most
            // likely a date written wrong (a typo of the day or month),
            // and its place in the series, which follows it, with it: a
            // warning names it, so that a fall it makes is checked.
            if series {
                diagnostics.extend(first_after(
                    &group.claims,
                    |c| Some((c.assertion.said?, self.published(c)?)),
                    topic_name,
                    |c, said, published, more| {
                        format!(
                            "said {said}, after its publication {} was published ({published}){more}: the series places it by the date said; check that date",
                            c.assertion.chain[0]
                        )
                    },
                ));
                // So is a figure given "as of" a day after it was
                // reported, or a projection not marked as one: the
                // series places it by that day (twentieth audit, G4).
                diagnostics.extend(first_after(
                    &group.claims,
                    |c| Some((self.as_of_time(c)?, self.reported(c)?)),
                    topic_name,
                    |_, as_of, reported, more| {
                        format!(
                            "is given as of {as_of}, after it was reported ({reported}){more}: the series places it by that day; check the time, or give a projection the status \"projected\""
                        )
                    },
                ));
            }
            // Claims with no report time cannot be placed in the series:
            // they are compared with its latest report, as if they were of
            // it (so they are never superseded, and agree or conflict with
            // the figure that stands), and a diagnostic says so.
            let mut undated: Vec<(usize, &Claim)> = if series && dated.len() < group.claims.len() {
                let mut is_dated = vec![false; group.claims.len()];
                for &(_, k, _) in &dated {
                    is_dated[k] = true;
                }
                group
                    .claims
                    .iter()
                    .zip(is_dated)
                    .enumerate()
                    .filter(|(_, (_, dated))| !dated)
                    .map(|(k, (c, _))| (k, *c))
                    .collect()
            } else {
                Vec::new()
            };
            if !undated.is_empty() {
                let ids: Vec<&str> = undated.iter().map(|(_, c)| c.id.as_str()).take(5).collect();
                let more = undated.len().saturating_sub(ids.len());
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    format!("topic {topic_name}"),
                    format!(
                        "{} claim{} of a {} property {} no report time ({}{}): {} compared with the latest dated report, as if of it",
                        undated.len(),
                        if undated.len() == 1 { "" } else { "s" },
                        if cumulative { "cumulative" } else { "current" },
                        if undated.len() == 1 { "has" } else { "have" },
                        ids.join(", "),
                        if more > 0 { format!(" and {more} more") } else { String::new() },
                        if undated.len() == 1 { "it is" } else { "they are" },
                    ),
                ));
            }
            // A report time that meets two runs of report times that do
            // not meet each other (a monthly review dated "September
            // 2023" beside reports of the 11th and of the 12th) cannot be
            // placed between them: joining them through it would make
            // one report of the whole series, whose figures would then
            // "conflict". Its claims are compared with the latest report,
            // as undated ones are, and a warning names them.
            let mut unplaced: Vec<&ClaimId> = Vec::new();
            if series {
                dated.sort_unstable_by_key(|&(span, k, _)| (span, k));
                let (fine, coarse) = split_coarse(
                    sweep_times(std::mem::take(&mut dated), |m| m.0),
                    |m| m.0,
                    spans_meet,
                    |_| true,
                    |items| sweep_times(items, |m| m.0),
                );
                let flat = |runs: Runs<Span, (Span, usize, &'a Claim)>| {
                    runs.into_iter().flat_map(|(_, m)| m).collect::<Vec<_>>()
                };
                dated = flat(fine);
                let coarse = flat(coarse);
                if dated.is_empty() {
                    dated = coarse;
                } else if let Some(&(span, _, first)) = coarse.first() {
                    let more = coarse.len() - 1;
                    diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        format!("claim {}", first.id),
                        format!(
                            "reported {}, a time that holds reports of the series at times that do not meet: it cannot be placed among them, so it is compared with the latest report, as if of it{}",
                            shown_report_time(span),
                            more_claims(more, topic_name)
                        ),
                    ));
                    for (_, k, c) in coarse {
                        undated.push((k, c));
                        unplaced.push(&c.id);
                    }
                    undated.sort_unstable_by_key(|&(k, _)| k);
                    unplaced.sort_unstable();
                }
            }
            let any_undated = !undated.is_empty();
            // Buckets are runs of overlapping report times, so a report
            // dated to the day and one dated to the minute of that day
            // fall in one bucket.
            // A group that is not a series is one bucket: the group's own
            // claims, borrowed rather than copied.
            // (Kept in place for a group that is not a series: one
            // bucket, as most groups are.)
            let mut bucket_list: smallvec::SmallVec<[Bucket<'_, '_>; 1]> =
                smallvec::SmallVec::new();
            // The claim that earlier reports are superseded by: the first,
            // in id order, that the latest report states.
            let mut latest_claim = None;
            if series {
                dated.sort_unstable_by_key(|&(span, k, _)| (span, k));
                let mut runs = overlapping_runs(&dated);
                // The first claim of the latest report that its source did
                // not withdraw (or, if it withdrew them all, the first).
                // For a running total, its highest such figure, then the
                // first: a lower figure of that report contradicts the
                // earlier ones rather than replacing them, and which claim
                // is named must not hang on ids.
                let vocabulary = self.policy.vocabulary();
                let top = |c: &Claim| match &c.value {
                    Value::Quantity(q) => {
                        let i = q.interval(vocabulary);
                        if i.is_known() {
                            i.max()
                        } else {
                            f64::NEG_INFINITY
                        }
                    }
                    _ => f64::NEG_INFINITY,
                };
                latest_claim = runs.last().and_then(|(_, members)| {
                    let standing = || {
                        members
                            .iter()
                            .map(|&(_, c)| c)
                            .filter(|c| !superseded_by.contains_key(&c.id))
                    };
                    let pick = if cumulative {
                        standing()
                            .max_by(|a, b| top(a).total_cmp(&top(b)).then_with(|| b.id.cmp(&a.id)))
                    } else {
                        standing().min_by(|a, b| a.id.cmp(&b.id))
                    };
                    pick.map(|c| &c.id)
                        .or_else(|| members.iter().map(|(_, c)| &c.id).min())
                        .cloned()
                });
                // A figure that a later report states again is not
                // replaced by it: the later report confirms it. An earlier
                // claim with the interval and polarity of a claim of the
                // next later report that states that figure joins that
                // report, as long as no report in between gave another
                // figure: one more origin behind the figure (its own
                // report time is kept and shown). So 50, 50, 50 over three
                // days is one figure of three reports, and 3,459 at 11:00
                // and 13:00 then 5,434 the next day is one 3,459 replaced
                // once. A corrected claim neither confirms nor is
                // confirmed: its source withdrew it.
                if runs.len() > 1 {
                    let vocabulary = self.policy.vocabulary();
                    // A claim's figure: its interval and whether it denies
                    // (corrected claims have none). Units are not compared,
                    // as positions do not compare them: "50 killed" and
                    // "50 people killed" are one figure.
                    type Figure = (Interval, bool);
                    let figure = |c: &'a Claim| -> Option<Figure> {
                        match &c.value {
                            Value::Quantity(q) if !superseded_by.contains_key(&c.id) => {
                                let i = q.interval(vocabulary);
                                i.is_known()
                                    .then(|| (i, Self::effective_polarity(c) == Polarity::Negative))
                            }
                            _ => None,
                        }
                    };
                    let same = |s: &Figure, f: &Figure| {
                        s.0.min() == f.0.min() && s.0.max() == f.0.max() && s.1 == f.1
                    };
                    // Going back in time: the figures that later reports
                    // state, each with the run of the earliest report that
                    // states it since it was last replaced.
                    let mut standing: Vec<(Figure, usize)> = Vec::new();
                    // Another figure, which replaced those standing: an
                    // assertion whose interval holds none of the asserted
                    // standing figures, or a denial of one of them ("not
                    // 50"). A denial of another figure, a coarser figure
                    // that holds one ("dozens" for 50), or an unknown
                    // phrase replaces nothing.
                    let replaces = |f: &Figure, standing: &[(Figure, usize)]| {
                        let mut asserted = standing.iter().filter(|(s, _)| !s.1);
                        if f.1 {
                            asserted.any(|(s, _)| s.0.overlaps(&f.0))
                        } else {
                            !asserted.any(|(s, _)| f.0.min() <= s.0.min() && s.0.max() <= f.0.max())
                        }
                    };
                    let mut joining: Vec<(usize, usize, &Claim)> = Vec::new();
                    for i in (0..runs.len()).rev() {
                        let mut replaced = false;
                        runs[i].1.retain(|&(k, c)| {
                            let Some(f) = figure(c) else {
                                return true;
                            };
                            if let Some(&(_, target)) = standing.iter().find(|(s, _)| same(s, &f)) {
                                joining.push((target, k, c));
                                return false;
                            }
                            replaced |= replaces(&f, &standing);
                            true
                        });
                        for (target, k, c) in joining.drain(..) {
                            runs[target].1.push((k, c));
                        }
                        // A long run of reports that replace nothing
                        // (coarse figures, denials of others) would make
                        // this list long: past a bound it is dropped, and
                        // earlier reports are left superseded, as they
                        // would be with no join.
                        if replaced || standing.len() > MAX_STANDING_FIGURES {
                            standing.clear();
                        }
                        for &(_, c) in &runs[i].1 {
                            if let Some(f) = figure(c)
                                && !standing.iter().any(|(s, _)| same(s, &f))
                            {
                                standing.push((f, i));
                            }
                        }
                    }
                    runs.retain(|(_, members)| !members.is_empty());
                }
                if let Some((_, last)) = runs.last_mut() {
                    last.extend(undated);
                }
                // Within a bucket, back to id order: positions expect it.
                bucket_list.reserve_exact(runs.len());
                for (span, mut members) in runs {
                    members.sort_unstable_by_key(|&(k, _)| k);
                    bucket_list.push((
                        Some(span),
                        Cow::Owned(members.into_iter().map(|(_, c)| c).collect()),
                    ));
                }
            } else {
                bucket_list.push((None, Cow::Borrowed(&group.claims[..])));
            }
            let latest = bucket_list.last().and_then(|(span, _)| *span);

            let mut built: Vec<Built<'_>> = Vec::new();
            // The positions of each bucket and polarity, a run of `built`
            // each, sorted by value: where a coarse position finds those it
            // fits.
            // Most groups have one or two (a bucket and polarity each),
            // kept inline rather than allocated.
            let mut sweeps: smallvec::SmallVec<[std::ops::Range<usize>; 4]> =
                smallvec::SmallVec::new();
            // Where the latest report's positions begin, and, of each
            // polarity, the figures of earlier reports that stand when
            // it comes (a running total's figures that no later report
            // reached): a figure of a report that fits several standing
            // figures, its own report's or these, is coarse (thirteenth
            // audit, F3). Every dated report of a running total is
            // checked against the figures standing when it comes, an
            // intermediate report as the latest.
            let mut latest_start = usize::MAX;
            let mut before_latest: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
            let mut standing = Standing::default();
            // Each coarse position of an intermediate report, with how
            // many of the earlier figures standing when it came it fits,
            // and the lowest and highest of them.
            let mut fits_standing: Vec<(usize, usize, usize, usize)> = Vec::new();
            for (time, bucket) in bucket_list {
                let in_series = cumulative && time.is_some();
                if in_series && time == latest {
                    latest_start = built.len();
                    before_latest = standing.ascending();
                }
                let bucket_start = built.len();
                // Most buckets assert and deny nothing: their claims are
                // the positive members as they are.
                let all_positive = bucket
                    .iter()
                    .all(|c| Self::effective_polarity(c) == Polarity::Positive);
                for polarity in [Polarity::Positive, Polarity::Negative] {
                    let members: Cow<'_, [&Claim]> = match (all_positive, polarity) {
                        (true, Polarity::Positive) => Cow::Borrowed(&bucket[..]),
                        (true, Polarity::Negative) => continue,
                        (false, _) => Cow::Owned(
                            bucket
                                .iter()
                                .copied()
                                .filter(|c| Self::effective_polarity(c) == polarity)
                                .collect(),
                        ),
                    };
                    if members.is_empty() {
                        continue;
                    }
                    let start = built.len();
                    let slot = usize::from(polarity == Polarity::Negative);
                    let stand: &[Interval] = if in_series {
                        &standing.intervals[slot]
                    } else {
                        &[]
                    };
                    let found =
                        self.positions(&members, &superseded_by, stand, diagnostics, topic_name);
                    // The first bucket's positions are `built` as they
                    // came; a later one's are moved on at once, rather
                    // than one by one growing by doubling (`built` is
                    // consumed below, so no room is kept).
                    if built.is_empty() {
                        built = found;
                    } else {
                        built.extend(found);
                    }
                    for position in &mut built[start..] {
                        position.polarity = polarity;
                        position.reported = time;
                        position.as_of = time.is_some()
                            && position.claims.iter().any(|c| self.as_of_time(c).is_some());
                        // A position of undated claims alone has no report
                        // time: it is compared by value.
                        if any_undated
                            && position.claims.iter().all(|c| {
                                self.series_own_time(c).is_none()
                                    || unplaced.binary_search(&&c.id).is_ok()
                            })
                        {
                            position.reported = None;
                            continue;
                        }
                        // A position none of whose claims was reported at
                        // its report time stands there as a correction:
                        // the sentences name the claim whose time it is.
                        if let Some(span) = time
                            && !superseded_by.is_empty()
                        {
                            let within = |t: Period| {
                                let (start, end) = t.interval();
                                span.0 <= start && end <= span.1
                            };
                            if !position
                                .claims
                                .iter()
                                .any(|c| self.series_own_time(c).is_some_and(within))
                            {
                                position.placed = position.claims.iter().find_map(|&c| {
                                    let at = series_place(c);
                                    (at.id != c.id && self.series_own_time(at).is_some_and(within))
                                        .then(|| at.id.clone())
                                });
                            }
                        }
                        // An earlier report, a correction among them (it
                        // stands where the figure it corrects stood), is
                        // superseded by the latest.
                        if let (Some(time), Some(latest)) = (time, latest)
                            && time.1 <= latest.0
                        {
                            position.superseded_by = latest_claim.clone();
                        }
                    }
                    for position in &mut built[start..] {
                        for negation in &mut position.negations {
                            negation.0 += start;
                        }
                    }
                    sweeps.push(start..built.len());
                }
                if in_series {
                    // An intermediate report's coarse figures fit the
                    // figures standing when it comes, as the latest
                    // report's do (below): found now, before the report
                    // takes off those it reaches.
                    // Those it fits are a run of the stack, found by two
                    // binary searches and never walked: a long series of
                    // coarse reports costs no more than its length.
                    if time != latest {
                        for i in bucket_start..built.len() {
                            let b = &built[i];
                            let Some((low, high)) = value_span(b).filter(|_| b.coarse) else {
                                continue;
                            };
                            let list = &standing.at[usize::from(b.polarity == Polarity::Negative)];
                            let span = |j: usize| value_span(&built[j]);
                            let mut from = list.partition_point(|&j| {
                                span(j).is_some_and(|(start, _)| start > high)
                            });
                            let mut to = list
                                .partition_point(|&j| span(j).is_some_and(|(_, end)| end >= low));
                            // The ends as `same_value` judges them.
                            while from < to && !self.same_value(b, &built[list[from]]) {
                                from += 1;
                            }
                            while to > from && !self.same_value(b, &built[list[to - 1]]) {
                                to -= 1;
                            }
                            if to > from {
                                fits_standing.push((i, to - from, list[to - 1], list[from]));
                            }
                        }
                    }
                    standing.report(&built, bucket_start, &superseded_by);
                }
            }

            // A running total does not fall: an earlier position wholly
            // above every position of the latest report is not replaced by
            // it. `fallen` keeps those positions, each to be related to the
            // latest report (its neighbour alone may be an intermediate,
            // superseded figure), where the relation says they conflict.
            // Only figures that stand are compared: not a coarse position
            // ("at least 20" beside 20 and 23), which supports none of
            // those it fits and reaches no figure either (it allows a
            // higher one but says none), and not a withdrawn figure. With
            // no such figure in the latest report, nothing is said to have
            // fallen. Assertions and denials are judged apart, each
            // against the figures of its own polarity: a denial ("not 30")
            // says nothing of how high the toll is.
            let mut fallen: Vec<usize> = Vec::new();
            // Of each polarity, the report whose figures judged the fall
            // (`None` for the latest report's undated figures).
            let mut judges: [Option<Span>; 2] = [latest; 2];
            if let Some(latest) = latest.filter(|_| cumulative) {
                // A position's claim with the highest lower end, then the
                // latest reported, then the smallest id: "130" before "more
                // than 120", and the later report's own claim before an
                // earlier one that joined its figure, which had been named
                // as what superseded a claim reported after it (fifteenth
                // audit, B3).
                let vocabulary = self.policy.vocabulary();
                let low = |c: &Claim| match &c.value {
                    Value::Quantity(q) => q.interval(vocabulary).min(),
                    _ => f64::NEG_INFINITY,
                };
                let reported_end = |c: &Claim| self.series_own_time(c).map(|p| p.end());
                // A claim its source withdrew (corrected) is never named:
                // its figure does not stand, though others of its position
                // may.
                let surest = |b: &Built<'_>| -> Option<ClaimId> {
                    b.claims
                        .iter()
                        .filter(|c| !superseded_by.contains_key(&c.id))
                        .max_by(|x, y| {
                            low(x)
                                .total_cmp(&low(y))
                                .then_with(|| reported_end(x).cmp(&reported_end(y)))
                                .then_with(|| y.id.cmp(&x.id))
                        })
                        .map(|c| c.id.clone())
                };
                for polarity in [Polarity::Positive, Polarity::Negative] {
                    let stands = |b: &Built<'_>| {
                        !b.coarse && b.polarity == polarity && !b.all_corrected(&superseded_by)
                    };
                    let highest = |of: &dyn Fn(&Built<'_>) -> bool| {
                        built
                            .iter()
                            .filter(|b| of(b) && stands(b))
                            .map(|b| b.interval.filter(Interval::is_known).map(|i| i.max()))
                            .try_fold(None, |max: Option<f64>, x| {
                                x.map(|x| Some(max.map_or(x, |max| max.max(x))))
                            })
                            .flatten()
                    };
                    // Which figures judge the fall: the latest report's
                    // dated figures that stand. With none, but a coarse
                    // one that fits a figure standing before it, the
                    // latest report's undated figures, compared with it as
                    // if of it (a dated range made coarse by an earlier
                    // figure and an undated one leaves the undated one to
                    // judge it); and with none of those either, the latest
                    // report says no toll: the last earlier report with a
                    // figure that stands judges the fall, and its figures
                    // stand beside the coarse ones ("dozens" after 66 and
                    // 68 replaces neither). Thirteenth audit, F3. Without
                    // such a coarse figure, no fall is judged, as before.
                    let slot = usize::from(polarity == Polarity::Negative);
                    let from = latest_start.min(built.len());
                    let dated = highest(&|b| b.reported == Some(latest));
                    let fits_earlier = || {
                        let list = &before_latest[slot];
                        built[from..].iter().any(|b| {
                            b.coarse
                                && b.polarity == polarity
                                && b.interval.is_some_and(|i| {
                                    let at = list.partition_point(|&k| {
                                        built[k].interval.is_none_or(|e| e.max() < i.min())
                                    });
                                    list.get(at).is_some_and(|&k| {
                                        built[k].interval.is_some_and(|e| e.min() <= i.max())
                                    })
                                })
                        })
                    };
                    let latest_max = match dated {
                        Some(max) => max,
                        None if !fits_earlier() => continue,
                        None => match highest(&|b| b.reported.is_none()) {
                            Some(max) => {
                                judges[slot] = None;
                                max
                            }
                            None => {
                                let earlier = built[..from]
                                    .iter()
                                    .rev()
                                    .find(|b| stands(b) && b.reported.is_some())
                                    .and_then(|b| b.reported);
                                let Some(earlier) = earlier else {
                                    continue;
                                };
                                let Some(max) = highest(&|b| b.reported == Some(earlier)) else {
                                    continue;
                                };
                                for b in &mut built[..from] {
                                    if b.reported == Some(earlier)
                                        && b.polarity == polarity
                                        && !b.all_corrected(&superseded_by)
                                    {
                                        b.superseded_by = None;
                                    }
                                }
                                judges[slot] = Some(earlier);
                                max
                            }
                        },
                    };
                    // A figure that a later report, before the latest,
                    // reached (100, then 200, then 50) rose to it and is
                    // replaced: by the highest later figure, which is the
                    // one that fell. A later figure reaches it where its
                    // low end does: "about 600" (540–660) the day after
                    // 620 allows 620 but does not say the toll reached
                    // it, so 620 still stands when 545 comes, and fell to
                    // it (twentieth audit, G1: the high end had been
                    // taken, and 620 named "superseded by" the 545). So,
                    // from the end, for each position the reports after
                    // it: the figure surest to be highest, the highest
                    // lower end ("at least 60" allows any figure, but
                    // says only 60), which says whether one reached it and
                    // names what replaced it. Only figures that stand
                    // count; built is in report order.
                    let top = |b: &Built<'_>| -> Option<f64> {
                        b.interval
                            .filter(|i| i.is_known() && stands(b))
                            .map(|i| i.min())
                    };
                    // The highest lower end of some reports' figures,
                    // with its position (the later on a tie).
                    type Highest = Option<(f64, usize)>;
                    let mut later: Vec<Highest> = vec![None; built.len()];
                    let mut after: Highest = None;
                    let mut report: Option<(Option<Span>, Highest)> = None;
                    for k in (0..built.len()).rev() {
                        let reported = built[k].reported;
                        match report {
                            Some((time, _)) if time == reported => {}
                            _ => {
                                // A new report: the reports after it are
                                // those seen so far.
                                if let Some((_, highest)) = report {
                                    after = highest;
                                }
                                report = Some((reported, after));
                            }
                        }
                        later[k] = after;
                        if let (Some(min), Some(_)) = (top(&built[k]), reported)
                            && let Some((_, highest)) = report.as_mut()
                        {
                            *highest = Some(match *highest {
                                Some((low, j)) if min <= low => (low, j),
                                _ => (min, k),
                            });
                        }
                    }
                    for k in 0..built.len() {
                        // A withdrawn figure (every claim corrected, the
                        // correction perhaps corrected in turn) did not fall.
                        let b = &built[k];
                        if b.polarity != polarity || b.all_corrected(&superseded_by) {
                            continue;
                        }
                        // A coarse figure of the latest report neither fell
                        // nor was replaced: it fits those that stand.
                        if b.coarse && k >= latest_start {
                            continue;
                        }
                        if !b
                            .interval
                            .is_some_and(|i| i.is_known() && i.min() > latest_max)
                        {
                            // An earlier report is superseded by the
                            // highest later figure too, which the chain of
                            // relations reaches it by, rather than by the
                            // latest report's figure when a later report
                            // fell below another (4,100, then 3,500).
                            if b.superseded_by.is_some()
                                && let Some((_, j)) = later[k]
                            {
                                built[k].superseded_by = surest(&built[j]);
                            }
                            continue;
                        }
                        let min = b.interval.map_or(f64::NAN, |i| i.min());
                        match later[k].filter(|&(low, _)| low >= min) {
                            Some((_, j)) => {
                                built[k].superseded_by = surest(&built[j]);
                            }
                            None => {
                                built[k].superseded_by = None;
                                fallen.push(k);
                            }
                        }
                    }
                }
            }

            // Relations: neighbouring positions of one polarity and report
            // time, and denials against the assertions they touch.
            let mut group_positions: Vec<Position> = Vec::with_capacity(built.len());
            // One text per label, shared by the position and its relations.
            labels.clear();
            labels.reserve(built.len());
            for _ in &built {
                label_counter += 1;
                labels.push(position_label(label_counter));
            }
            // Mostly a pair for each position but the first: sized so,
            // rather than grown by doubling from four.
            let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(built.len().saturating_sub(1));
            // The chain of neighbours, one per polarity. A position of
            // undated claims alone (only ever in the latest report) is not
            // a link of it: an earlier report is paired with the latest
            // report's first dated position, which supersedes it, and an
            // undated position with its neighbours in the latest report.
            let undated_only = |b: &Built<'_>| latest.is_some() && b.reported.is_none();
            // The previous dated position, and the previous position of
            // any kind, of each polarity.
            let mut previous_dated: [Option<usize>; 2] = [None, None];
            let mut previous_any: [Option<usize>; 2] = [None, None];
            // A withdrawn position (every claim corrected) is no link of
            // the chain either: its figure was taken back, so it neither
            // rose nor fell to its neighbours. It is paired with the
            // position of the claim that corrects it, wherever that is.
            let mut withdrawn: Vec<usize> = Vec::new();
            for (i, b) in built.iter().enumerate() {
                if !superseded_by.is_empty() && b.all_corrected(&superseded_by) {
                    withdrawn.push(i);
                    continue;
                }
                if b.coarse {
                    continue;
                }
                let slot = usize::from(b.polarity == Polarity::Negative);
                let any = previous_any[slot]
                    .filter(|&p| undated_only(&built[p]) || built[p].reported == latest);
                if undated_only(b) {
                    // Its neighbour in the latest report, if any.
                    if let Some(p) = any {
                        pairs.push((p, i));
                    }
                } else {
                    if let Some(p) = previous_dated[slot] {
                        pairs.push((p, i));
                    }
                    // An undated neighbour just below, in the same report.
                    if let Some(p) = any.filter(|&p| undated_only(&built[p])) {
                        pairs.push((p, i));
                    }
                    previous_dated[slot] = Some(i);
                }
                previous_any[slot] = Some(i);
            }
            // A coarse position against the first and the last position of
            // its sweep that it fits, told how many it fits. The others are
            // disjoint and in order, so those it fits are one run, found by
            // binary search.
            // A coarse position of the latest report fits the earlier
            // figures that still stand too (a fall leaves them standing,
            // and a report of coarse figures alone replaces none that
            // they fit): of each polarity, in value order, disjoint.
            let mut standing_earlier: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
            if latest_start < built.len() {
                for (k, b) in built[..latest_start].iter().enumerate() {
                    if b.superseded_by.is_none()
                        && !b.coarse
                        && !b.all_corrected(&superseded_by)
                        && b.interval.is_some_and(|i| i.is_known())
                    {
                        standing_earlier[usize::from(b.polarity == Polarity::Negative)].push(k);
                    }
                }
                for list in &mut standing_earlier {
                    list.sort_by(|&x, &y| {
                        let (x, y) = (value_span(&built[x]), value_span(&built[y]));
                        x.map(|s| s.0)
                            .unwrap_or(f64::NAN)
                            .total_cmp(&y.map(|s| s.0).unwrap_or(f64::NAN))
                    });
                }
            }
            let mut fitted: Vec<(usize, usize)> = Vec::new();
            for range in sweeps
                .into_iter()
                .filter(|r| built[r.clone()].iter().any(|b| b.coarse))
            {
                // A withdrawn figure is no position a value fits.
                let fine: Vec<usize> = range
                    .clone()
                    .filter(|&j| !built[j].coarse && !built[j].all_corrected(&superseded_by))
                    .collect();
                for i in range.clone().filter(|&i| built[i].coarse) {
                    let Some((low, high)) = value_span(&built[i]) else {
                        continue;
                    };
                    let within = |list: &[usize]| {
                        let from = list.partition_point(|&j| {
                            value_span(&built[j]).is_some_and(|(_, end)| end < low)
                        });
                        list[from..]
                            .iter()
                            .copied()
                            .take_while(|&j| {
                                value_span(&built[j]).is_some_and(|(start, _)| start <= high)
                            })
                            .filter(|&j| self.same_value(&built[i], &built[j]))
                            .collect::<Vec<usize>>()
                    };
                    let mut fit = within(&fine);
                    // Earlier figures it fits beyond those in `fit`: an
                    // intermediate report's are counted, and only the
                    // lowest and highest listed.
                    let mut unlisted = 0;
                    let earlier = if range.start >= latest_start {
                        within(
                            &standing_earlier[usize::from(built[i].polarity == Polarity::Negative)],
                        )
                    } else if let Ok(at) = fits_standing.binary_search_by_key(&i, |f| f.0) {
                        let (_, count, lowest, highest) = fits_standing[at];
                        let ends = if lowest == highest {
                            vec![lowest]
                        } else {
                            vec![lowest, highest]
                        };
                        unlisted = count - ends.len();
                        ends
                    } else {
                        Vec::new()
                    };
                    if !earlier.is_empty() {
                        fit.extend(earlier);
                        fit.sort_by(|&x, &y| {
                            let (x, y) = (value_span(&built[x]), value_span(&built[y]));
                            x.map(|s| s.0)
                                .unwrap_or(f64::NAN)
                                .total_cmp(&y.map(|s| s.0).unwrap_or(f64::NAN))
                        });
                    }
                    if let (Some(&first), Some(&last)) = (fit.first(), fit.last()) {
                        pairs.push((i.min(first), i.max(first)));
                        pairs.push((i.min(last), i.max(last)));
                        fitted.push((i, fit.len() + unlisted));
                    }
                }
            }
            for (i, count) in fitted {
                built[i].fits = count;
            }
            if !withdrawn.is_empty() {
                let by_of = |i: usize| {
                    built[i]
                        .claims
                        .first()
                        .and_then(|c| superseded_by.get(&c.id))
                };
                let holders =
                    Holders::of(&built, claims, withdrawn.iter().filter_map(|&i| by_of(i)));
                for i in withdrawn {
                    let by = by_of(i).and_then(|by| holders.get(by));
                    if let Some(j) = by.filter(|&j| j != i) {
                        pairs.push((i.min(j), i.max(j)));
                    }
                }
            }
            // Quote positions whose wordings negate each other, wherever
            // they fall in id order.
            for (i, b) in built.iter().enumerate() {
                pairs.extend(b.negations.iter().map(|n| (i, n.0)));
            }
            // A figure above the latest report, against that report's
            // highest position of its polarity (positions of one report
            // and polarity are in value order): even the highest later
            // figure is lower. (`fallen` is empty unless there is a latest
            // report.)
            if !fallen.is_empty() {
                // Or of the figures that judged the fall in its place: its
                // undated ones, or an earlier report's.
                let highest_latest = |polarity: Polarity| {
                    let judge = judges[usize::from(polarity == Polarity::Negative)];
                    built.iter().rposition(|b| {
                        b.reported == judge
                            && b.polarity == polarity
                            && !b.coarse
                            && !b.all_corrected(&superseded_by)
                    })
                };
                let targets = [
                    highest_latest(Polarity::Positive),
                    highest_latest(Polarity::Negative),
                ];
                for i in fallen {
                    let target = targets[usize::from(built[i].polarity == Polarity::Negative)];
                    if let Some(j) = target.filter(|&j| j != i) {
                        pairs.push((i.min(j), i.max(j)));
                    }
                }
            }
            let negatives: Vec<usize> = (0..built.len())
                .filter(|&i| built[i].polarity == Polarity::Negative)
                .collect();
            if !negatives.is_empty() {
                self.denial_pairs(&built, &negatives, &mut pairs);
            }
            pairs.sort_unstable();
            pairs.dedup();
            // A claim is said superseded by what finally stands: where the
            // figure named (the surest highest later figure, or the latest
            // report's) was itself replaced later, by what replaced it.
            // Positions are in report order, so from the last, what a
            // later position names is already final.
            let named_any = built.iter().any(|b| b.superseded_by.is_some());
            // Updating a name only copies another position's, so every
            // name looked up below is among those found here.
            let holders = if named_any {
                Holders::of(
                    &built,
                    claims,
                    built.iter().filter_map(|b| b.superseded_by.as_ref()),
                )
            } else {
                Holders::default()
            };
            if named_any {
                for p in (0..built.len()).rev() {
                    let Some(q) = built[p].superseded_by.as_ref().and_then(|c| holders.get(c))
                    else {
                        continue;
                    };
                    if q > p
                        && let Some(last) = built[q].superseded_by.clone()
                    {
                        built[p].superseded_by = Some(last);
                    }
                }
            }
            let relate = |i: usize, j: usize| {
                let (a, b) = (&built[i], &built[j]);
                let negation = a.negations.iter().find(|n| n.0 == j).map(|n| (n.1, n.2));
                self.position_relation(
                    a,
                    b,
                    [&labels[i], &labels[j]],
                    &series_of,
                    &superseded_by,
                    negation,
                )
            };
            // Sized for every pair, which almost every pair makes: a
            // `filter_map` collected grows from four by doubling, and a
            // relation is large to copy.
            let mut found: Vec<(usize, usize, Relation)> = Vec::with_capacity(pairs.len());
            found.extend(
                pairs
                    .into_iter()
                    .filter_map(|(i, j)| relate(i, j).map(|r| (i, j, r))),
            );
            // The relations of a superseded position reach the figure its
            // claims are said superseded by, so that the two give one
            // answer. The chain of neighbours links an earlier report to
            // the next report's lowest figure, and a position to the next
            // of its own report; where the supersessions from a position
            // do not lead to the figure it is named superseded by (a
            // report of 38 and 41, or one whose lowest figure fell), the
            // position is related to that figure directly, in place of
            // its own supersession if it has one (naming another figure).
            if named_any {
                let supersession = |r: &Relation| {
                    matches!(
                        r.kind(),
                        RelationKind::SupersededBy | RelationKind::Supersedes
                    )
                };
                // Each position's supersession: the later position and the
                // relation's place in `found`.
                let mut step: Vec<Option<(usize, usize)>> = vec![None; built.len()];
                for (r, (i, j, relation)) in found.iter().enumerate() {
                    let (old, new) = match relation.kind() {
                        RelationKind::SupersededBy => (*i, *j),
                        RelationKind::Supersedes => (*j, *i),
                        _ => continue,
                    };
                    step[old].get_or_insert((new, r));
                }
                let mut related: HashSet<(usize, usize)> =
                    found.iter().map(|&(i, j, _)| (i, j)).collect();
                // Where the supersessions from each position end, from the
                // last position back (a supersession goes to a later one).
                let mut end: Vec<usize> = (0..built.len()).collect();
                for p in (0..built.len()).rev() {
                    if let Some((n, _)) = step[p]
                        && n > p
                    {
                        end[p] = end[n];
                    }
                    let b = &built[p];
                    let Some(q) = b.superseded_by.as_ref().and_then(|c| holders.get(c)) else {
                        continue;
                    };
                    if q <= p
                        || end[p] == q
                        || related.contains(&(p, q))
                        || b.all_corrected(&superseded_by)
                    {
                        continue;
                    }
                    let Some(relation) = relate(p, q).filter(supersession) else {
                        continue;
                    };
                    match step[p] {
                        Some((_, r)) => {
                            related.remove(&(found[r].0, found[r].1));
                            found[r] = (p, q, relation);
                        }
                        None => found.push((p, q, relation)),
                    }
                    related.insert((p, q));
                    end[p] = end[q];
                }
                found.sort_unstable_by_key(|&(i, j, _)| (i, j));
            }
            // Room for the group's relations at once (trimmed to fit
            // after the last group).
            relations.reserve(found.len());
            for (i, j, relation) in found {
                let (a, b) = (&built[i], &built[j]);
                if relation.kind() == RelationKind::Conflict
                    && a.superseded_by.is_none()
                    && b.superseded_by.is_none()
                    && !a.all_corrected(&superseded_by)
                    && !b.all_corrected(&superseded_by)
                {
                    conflict = true;
                    if merged && merged_conflict.is_none() {
                        merged_conflict = merged_sides(a, b);
                    }
                }
                relations.push(PositionRelation {
                    from: labels[i].clone(),
                    to: labels[j].clone(),
                    relation,
                });
            }
            if several_groups
                && let Some(first) = built.first()
                && let Some(claim) = first.claims.first()
            {
                first_claims.push((claim, labels[0].clone(), scopes.len()));
            }
            for (b, label) in built.into_iter().zip(&labels) {
                let position = self.finish_position(b, label, &superseded_by, quotes);
                if let Some(circle) = &position.1 {
                    let names: Vec<&str> = circle.iter().map(|id| id.as_str()).collect();
                    diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        format!("topic {topic_name}"),
                        format!(
                            "{label}: the citations go round ({}), so where the figure began cannot be traced; they are counted as one origin, {}",
                            names.join(" > "),
                            // The circle's origin, named after where
                            // the circle starts; other origins may be
                            // listed before it.
                            position
                                .0
                                .origins
                                .iter()
                                .find(|o| Some(&o.id) == circle.first())
                                .unwrap_or(&position.0.origins[0])
                                .name
                        ),
                    ));
                }
                let position = position.0;
                any_superseded |= position.superseded
                    || position.claims.iter().any(|c| c.superseded_by.is_some());
                group_positions.push(position);
            }
            scopes.push(ScopeGroup {
                label: group.label,
                positions: group_positions,
            });
        }
        // Neighbouring scope groups: a difference of scope.
        // The scopes were told apart by kind, projection, population or
        // time; a claim with no time beside timed ones is told apart too,
        // which the pairwise relation alone does not do.
        relations.reserve(first_claims.len().saturating_sub(1));
        for pair in first_claims.windows(2) {
            let mut relation = self.relate(pair[0].0, pair[1].0);
            if relation.kind() != RelationKind::DifferentScope {
                let explanation = format!(
                    "{} and {} are in different scopes ({} and {}); they are shown side by side, not compared",
                    pair[0].1, pair[1].1, scopes[pair[0].2].label, scopes[pair[1].2].label
                );
                relation = Relation::new(
                    RelationKind::DifferentScope,
                    relation.evidence().clone(),
                    explanation,
                );
            }
            relations.push(PositionRelation {
                from: pair[0].1.clone(),
                to: pair[1].1.clone(),
                relation,
            });
        }

        relations.shrink_to_fit();
        let (relay_findings, carried) = self.relay_findings(claims);
        // A conflict that only a relay's distortion makes ("10,000" for a
        // projection of up to 10,000) is said to be one.
        let from_drops = if conflict && !relay_findings.is_empty() {
            conflicts_from_drops(&scopes, &mut relations, &relay_findings, &carried)
        } else {
            Vec::new()
        };
        for (from, to, _, detail) in &from_drops {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                format!("topic {topic_name}"),
                format!(
                    "{from} – {to}: the conflict rests on relays that dropped what their origin said ({detail}); as the origin gave them, the figures do not conflict"
                ),
            ));
        }
        // A merge that made a conflict is said: two people with near
        // names ("Ivan Petrov", "Ivana Petrova") merged would contest.
        if let Some((x, y)) = merged_conflict {
            let name = |id: &EntityId| {
                self.corpus
                    .entity(id)
                    .map_or_else(|| id.to_string(), |e| e.name.clone())
            };
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                format!("topic {topic_name}"),
                format!(
                    "the conflict is between claims about {:?} ({x}) and {:?} ({y}), which name matching merged into one entity; if they are two, list one in the other's distinct_from",
                    name(x),
                    name(y)
                ),
            ));
        }
        diagnostics.extend(self.twin_origin_warnings(topic_name, &scopes));
        if conflict && series_word.is_none() {
            diagnostics.extend(self.unlisted_series_warning(topic_name, &scopes, &relations));
        }
        let verdict = if conflict {
            Verdict::Contested
        } else if any_superseded {
            Verdict::Superseded
        } else if scopes.len() > 1 {
            Verdict::DifferentScope
        } else if scopes
            .iter()
            .flat_map(|s| &s.positions)
            .any(|p| p.origins.len() >= 2)
        {
            Verdict::Corroborated
        } else {
            Verdict::SingleOrigin
        };
        let mut explanation = self.explain_verdict(verdict, &scopes, &relations);
        for (from, to, what, _) in &from_drops {
            use std::fmt::Write;
            let _ = write!(
                explanation,
                " The conflict of {from} and {to} rests on relays that dropped their origin's {what}."
            );
        }
        // The verdict is of the positions compared: those the vocabulary
        // cannot place are said to stand outside it (seventeenth audit,
        // D5).
        push_not_compared(&mut explanation, &scopes);
        Topic {
            subject: subject.clone(),
            subject_name: self.entity_name(subject),
            property: property.clone(),
            verdict,
            explanation,
            claim_count: claims.len(),
            scopes,
            relations,
            relay_findings,
        }
    }

    fn explain_verdict(
        &self,
        verdict: Verdict,
        scopes: &[ScopeGroup<'_>],
        relations: &[PositionRelation],
    ) -> String {
        // Written into one string: a report explains every topic, and
        // joining a string per position made most of its allocations.
        use std::fmt::Write;
        // Kept in place for a few, as most topics have; sized once for
        // more (collected from a `flat_map`, the list grew by doubling
        // from four).
        let mut positions: smallvec::SmallVec<[&Position<'_>; 8]> =
            smallvec::SmallVec::with_capacity(scopes.iter().map(|s| s.positions.len()).sum());
        positions.extend(scopes.iter().flat_map(|s| &s.positions));
        let mut out = String::with_capacity(128);
        // "P1 500–1,500 fighters (2 origins: UN, AP (own reporting))"
        let describe = |out: &mut String, p: &Position<'_>| {
            let n = p.origins.len();
            let plural = if n == 1 { "" } else { "s" };
            // Pushed, not `write!`: every topic's explanation describes
            // its positions, and the formatting machinery cost several
            // times the copies.
            out.push_str(&p.label);
            out.push(' ');
            out.push_str(&p.value);
            out.push_str(" (");
            push_decimal(out, n);
            out.push_str(" origin");
            out.push_str(plural);
            out.push_str(": ");
            push_origin_names(out, &p.origins);
            out.push(')');
        };
        // At most [`MAX_NAMED_POSITIONS`] of `items` (the most supported),
        // each written by `write`, separated by `separator`; the rest
        // counted.
        fn push_named<'p, 'c: 'p>(
            out: &mut String,
            items: &[&'p Position<'c>],
            separator: &str,
            mut write: impl FnMut(&mut String, &Position<'c>),
        ) {
            let named = most_supported(items, MAX_NAMED_POSITIONS);
            for (i, p) in named.iter().enumerate() {
                if i > 0 {
                    out.push_str(separator);
                }
                write(out, p);
            }
            let more = items.len() - named.len();
            if more > 0 {
                let plural = if more == 1 { "" } else { "s" };
                out.push_str(" and ");
                push_decimal(out, more);
                out.push_str(" other position");
                out.push_str(plural);
            }
        }
        // Pushed, not `write!`, as `describe` is.
        let label_value = |out: &mut String, p: &Position<'_>| {
            out.push_str(&p.label);
            out.push(' ');
            out.push_str(&p.value);
        };
        match verdict {
            Verdict::Contested => {
                // The figures that stand contest the topic; a conflict
                // with a figure since replaced is history, named after,
                // as a superseded topic names it.
                // Sets asked only whether they hold a label: hashed, as a
                // topic of 10,000 claims asks 20,000 times.
                let replaced: HashSet<&str> = positions
                    .iter()
                    .filter(|p| p.superseded)
                    .map(|p| &*p.label)
                    .collect();
                let (current, earlier): (Vec<&PositionRelation>, Vec<&PositionRelation>) =
                    relations
                        .iter()
                        .filter(|r| r.relation.kind() == RelationKind::Conflict)
                        .partition(|r| !replaced.contains(&*r.from) && !replaced.contains(&*r.to));
                // Never expected empty (the verdict comes from a conflict
                // between figures that stand), but never an empty list.
                let (current, earlier) = if current.is_empty() {
                    (earlier, Vec::new())
                } else {
                    (current, earlier)
                };
                let conflicting: HashSet<&str> =
                    current.iter().flat_map(|r| [&*r.from, &*r.to]).collect();
                // The conflicting positions of each scope: positions of
                // different scopes are not compared, so one list across
                // scopes would read as if 23 killed conflicted with 6
                // children (ninth audit, B2).
                let by_scope: Vec<(&str, Vec<&Position<'_>>)> = scopes
                    .iter()
                    .map(|scope| {
                        let listed: Vec<&Position<'_>> = scope
                            .positions
                            .iter()
                            .filter(|p| conflicting.contains(&*p.label))
                            .collect();
                        (scope.label.as_str(), listed)
                    })
                    .filter(|(_, listed)| !listed.is_empty())
                    .collect();
                // A scope's conflicting positions, each set that the
                // conflicts join written as one: "P1 against P2 conflict,
                // and P3 against P4 conflict", where P2 and P3 do not
                // conflict (two quotes that differ in a figure, two that
                // differ in a negation, and different quotes between
                // them: fourteenth audit, G8). Figures of one scope are
                // one set, as their conflicts chain through neighbours.
                let push_conflicts = |out: &mut String, listed: &[&Position<'_>]| {
                    // Each listed position's place by its label: a hash
                    // map, as a large topic lists thousands.
                    let places: HashMap<&str, usize> = listed
                        .iter()
                        .enumerate()
                        .map(|(k, p)| (&*p.label, k))
                        .collect();
                    let at = |label: &str| places.get(label).copied();
                    let mut root: Vec<usize> = (0..listed.len()).collect();
                    for r in &current {
                        if let (Some(a), Some(b)) = (at(&r.from), at(&r.to)) {
                            union(&mut root, a, b);
                        }
                    }
                    // Sets are mostly a pair or a few: held inline, not
                    // allocated each.
                    let mut sets: Vec<smallvec::SmallVec<[&Position<'_>; 4]>> = Vec::new();
                    let mut set_of: Vec<Option<usize>> = vec![None; listed.len()];
                    // Each listed position's set.
                    let mut in_set: Vec<usize> = Vec::with_capacity(listed.len());
                    for (k, p) in listed.iter().enumerate() {
                        let r = union_root(&mut root, k);
                        let set = match set_of[r] {
                            Some(s) => {
                                sets[s].push(p);
                                s
                            }
                            None => {
                                set_of[r] = Some(sets.len());
                                sets.push(smallvec::smallvec![*p]);
                                sets.len() - 1
                            }
                        };
                        in_set.push(set);
                    }
                    // A set two of whose positions can both hold is not
                    // written as one chain, which reads as each against
                    // each (fifteenth audit, A6): its conflicts are
                    // named, each position against those it conflicts
                    // with. So it is for a set of more than two that
                    // holds a denial (a denial conflicts only with what
                    // it denies: "led by Shahab" and "not led by
                    // Farooqi" both hold), and for one with a relation
                    // that is no conflict (two quotes of one sense). The
                    // assertions of one scope's figures or one
                    // single-valued property conflict each with each, as
                    // the chain says, whether or not they are neighbours.
                    let mut mixed: Vec<bool> = sets
                        .iter()
                        .map(|set| {
                            set.len() > 2
                                && set.iter().any(|p| {
                                    p.claims.first().is_some_and(|c| {
                                        Self::effective_polarity(c.claim) == Polarity::Negative
                                    })
                                })
                        })
                        .collect();
                    // (A set of two is one conflict, written alike either
                    // way: its relations are not looked at.)
                    let unsettled = |set: usize, mixed: &[bool]| sets[set].len() > 2 && !mixed[set];
                    if (0..sets.len()).any(|set| unsettled(set, &mixed)) {
                        for r in relations
                            .iter()
                            .filter(|r| r.relation.kind() != RelationKind::Conflict)
                        {
                            if let (Some(a), Some(b)) = (at(&r.from), at(&r.to))
                                && in_set[a] == in_set[b]
                                && unsettled(in_set[a], &mixed)
                            {
                                mixed[in_set[a]] = true;
                            }
                        }
                    }
                    let named = sets.len().min(MAX_NAMED_POSITIONS);
                    for (i, set) in sets[..named].iter().enumerate() {
                        if i > 0 {
                            out.push_str(", and ");
                        }
                        if mixed[i] && set.len() > MAX_NAMED_POSITIONS {
                            // Too many to name each conflict: the most
                            // supported named, the relations telling which
                            // conflict.
                            out.push_str("conflicts among ");
                            push_named(out, set, ", ", describe);
                            continue;
                        }
                        if mixed[i] {
                            let pairs: Vec<(usize, usize)> = current
                                .iter()
                                .filter_map(|r| Some((at(&r.from)?, at(&r.to)?)))
                                .filter(|&(a, _)| in_set[a] == i)
                                .collect();
                            push_conflict_stars(out, listed, &pairs, describe);
                        } else {
                            push_named(out, set, " against ", describe);
                        }
                        out.push_str(" conflict");
                    }
                    let more = sets.len() - named;
                    if more > 0 {
                        let plural = if more == 1 { "" } else { "s" };
                        let _ = write!(out, ", and {more} other conflicting set{plural}");
                    }
                };
                out.push_str("Contested: ");
                // In a topic of one scope the scope goes without saying;
                // beside other scopes, even one scope's conflict is named
                // with its scope, so that it does not read as the whole
                // topic's (tenth audit).
                if let ([(_, conflicting)], [_]) = (&by_scope[..], scopes) {
                    push_conflicts(&mut out, conflicting);
                } else {
                    // Each scope's conflict with its scope named, as many
                    // scopes as positions are named in a list.
                    for (i, (label, listed)) in
                        by_scope.iter().take(MAX_NAMED_POSITIONS).enumerate()
                    {
                        if i > 0 {
                            out.push_str("; ");
                        }
                        push_conflicts(&mut out, listed);
                        let _ = write!(out, " [{label}]");
                    }
                    let more = by_scope.len().saturating_sub(MAX_NAMED_POSITIONS);
                    if more > 0 {
                        let plural = if more == 1 { "" } else { "s" };
                        let _ = write!(out, "; and in {more} other scope{plural}");
                    }
                }
                out.push_str("; the policy does not pick a winner");
                push_earlier_conflicts(&mut out, earlier.into_iter());
                out.push('.');
            }
            Verdict::Superseded => {
                if positions.iter().all(|p| !p.superseded) {
                    out.push_str("Superseded: a correction replaces an earlier claim; current: ");
                    push_named(&mut out, &positions, "; ", describe);
                } else {
                    // A figure is replaced within its scope: the positions
                    // of scopes with nothing superseded are named apart.
                    let (replacing, other): (Vec<_>, Vec<_>) = scopes
                        .iter()
                        .partition(|s| s.positions.iter().any(|p| p.superseded));
                    let (old, current): (Vec<_>, Vec<_>) = replacing
                        .iter()
                        .flat_map(|s| s.positions.iter())
                        .partition(|p| p.superseded);
                    let others: Vec<_> = other.iter().flat_map(|s| s.positions.iter()).collect();
                    out.push_str("Superseded: ");
                    push_named(&mut out, &old, "; ", label_value);
                    out.push_str(" replaced by ");
                    if current.is_empty() && others.is_empty() {
                        // Never expected (a correction stands whatever the
                        // dates), but never a sentence that stops short.
                        out.push_str("no figure that stands");
                    } else if current.is_empty() {
                        // Replaced from another scope, by a correction.
                        push_named(&mut out, &others, "; ", describe);
                    } else {
                        push_named(&mut out, &current, "; ", describe);
                        if !other.is_empty() {
                            out.push_str("; in other scopes: ");
                            push_named(&mut out, &others, "; ", describe);
                        }
                    }
                }
                // Conflicts between figures since replaced do not contest
                // the topic, but a reader should not find them only in
                // the relations: a toll that fell and rose again.
                push_earlier_conflicts(
                    &mut out,
                    relations
                        .iter()
                        .filter(|r| r.relation.kind() == RelationKind::Conflict),
                );
                out.push('.');
            }
            Verdict::DifferentScope => {
                out.push_str("Different scope: ");
                // The first scopes, as many as positions are named in a
                // list; the rest counted.
                for (i, scope) in scopes.iter().take(MAX_NAMED_POSITIONS).enumerate() {
                    if i > 0 {
                        out.push_str(" and ");
                    }
                    let listed: Vec<_> = scope.positions.iter().collect();
                    push_named(&mut out, &listed, ", ", label_value);
                    let _ = write!(out, " [{}]", scope.label);
                }
                let more = scopes.len().saturating_sub(MAX_NAMED_POSITIONS);
                if more > 0 {
                    let plural = if more == 1 { "" } else { "s" };
                    let _ = write!(out, " and {more} other scope{plural}");
                }
                out.push_str(" hold in different scopes, side by side, not in conflict.");
            }
            Verdict::Corroborated => {
                // The most origins; on a tie, the smallest label.
                let best = positions.iter().max_by(|a, b| {
                    a.origins
                        .len()
                        .cmp(&b.origins.len())
                        .then_with(|| b.label.cmp(&a.label))
                });
                match best {
                    Some(p) => {
                        let _ = write!(
                            out,
                            "Corroborated: {} independent origins support {} {} (",
                            p.origins.len(),
                            p.label,
                            p.value,
                        );
                        push_origin_names(&mut out, &p.origins);
                        out.push_str(").");
                    }
                    None => out.push_str("Corroborated."),
                }
            }
            Verdict::SingleOrigin => {
                // A position's publications are distinct already: most
                // topics have one position, and are counted with no list.
                let publications = match positions[..] {
                    [only] => only.publications.len(),
                    _ => sorted_unique_sources(
                        positions
                            .iter()
                            .flat_map(|p| p.publications.iter().copied())
                            .collect(),
                    )
                    .len(),
                };
                out.push_str("Single origin: ");
                push_named(&mut out, &positions, "; ", describe);
                let _ = write!(
                    out,
                    "; carried by {publications} publication{}.",
                    if publications == 1 { "" } else { "s" }
                );
            }
        }
        out
    }
}

/// Joins the sets of `a` and `b` in the union–find forest `parent`, the
/// smaller root kept as the set's root.
fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (union_root(parent, a), union_root(parent, b));
    parent[ra.max(rb)] = ra.min(rb);
}

/// The root of `x`'s set in a union-find forest (`parent[k] == k` at a
/// root), halving the path on the way: the one lookup of the engine's
/// groupings (quote blocks, relay lineages, misattribution groups, a
/// contested sentence's conflicting sets).
fn union_root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// An id's first eight bytes as an integer that orders like the text
/// (ids are ASCII without NUL, so a shorter id padded with zeros sorts
/// first, as it should). `topic_groups` reads each claim's once, in
/// corpus order, and sorts each topic on them: following every id's
/// shared pointer at every comparison cost more.
fn id_prefix(id: &ClaimId) -> u64 {
    let mut bytes = [0u8; 8];
    let text = id.as_bytes();
    let n = text.len().min(8);
    bytes[..n].copy_from_slice(&text[..n]);
    u64::from_be_bytes(bytes)
}

/// Sorts claims keyed by [`id_prefix`] by id: on the integers, and on the
/// ids' texts only where they share their first eight bytes.
fn sort_keyed(keyed: &mut [(u64, &Claim)]) {
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
}

/// Appends, to the sentence of two quantity positions that conflict,
/// that their figures are in different units when every claim of each
/// names one and no unit is on both sides: "68 passengers" against "72 people"
/// from one airline read as the airline contradicting itself, where the
/// two may count different groups (thirteenth audit, F19); "46.2 degrees
/// Celsius" against "115 degrees Fahrenheit", units the vocabulary does
/// not list as measures, conflict as numbers. Units are compared by
/// their last word in lower case, the noun a phrase counts:
/// "ISIS-K prisoners" and "prisoners" count prisoners, which the scope's
/// population already tells apart. Units of measure never meet here
/// (two measures are two scopes). Nothing is appended when a side has a
/// claim without a noun: a bare figure counts whatever the property
/// does.
fn push_different_units(text: &mut String, a: &Built<'_>, b: &Built<'_>) {
    use std::fmt::Write;
    fn unit(c: &Claim) -> Option<&str> {
        match &c.value {
            Value::Quantity(q) => q.unit().map(unit_head),
            _ => None,
        }
    }
    // Most conflicts are of one unit: the first claim of one side finds
    // its unit on the other without a list being made.
    let Some(first) = a.claims.first().and_then(|c| unit(c)) else {
        return;
    };
    if b.claims
        .iter()
        .any(|c| unit(c).is_none_or(|u| u.eq_ignore_ascii_case(first)))
    {
        return;
    }
    let (Some(x), Some(y)) = (units_of(a), units_of(b)) else {
        return;
    };
    if share_a_head(&x, &y) {
        return;
    }
    let _ = write!(
        text,
        "; their figures are in different units ({} against {}), so they may not count or measure the same thing",
        x.join(", "),
        y.join(", ")
    );
}

/// Whether a unit of `x` and one of `y` have one head (last word, up to
/// ASCII case). Each side's heads are sorted, then walked together, so
/// that two positions of thousands of units each are not compared pair
/// by pair: that was quadratic, 1.43 s for one topic of 40,000 claims of
/// as many units in 50 positions.
fn share_a_head(x: &[&str], y: &[&str]) -> bool {
    fn heads<'u>(units: &[&'u str]) -> Vec<&'u str> {
        let mut heads: Vec<&str> = units.iter().map(|u| unit_head(u)).collect();
        heads.sort_unstable_by(|a, b| cmp_ignore_ascii_case(a, b));
        heads
    }
    let (x, y) = (heads(x), heads(y));
    let (mut i, mut j) = (0, 0);
    while let (Some(u), Some(v)) = (x.get(i), y.get(j)) {
        match cmp_ignore_ascii_case(u, v) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// A position's units as written, distinct up to ASCII case and sorted
/// so, or `None` when a claim has none (or is not a quantity). Most
/// positions hold a claim or two.
fn units_of<'c>(built: &Built<'c>) -> Option<Vec<&'c str>> {
    let mut units = Vec::with_capacity(built.claims.len());
    for claim in &built.claims {
        match &claim.value {
            Value::Quantity(q) => units.push(q.unit()?),
            _ => return None,
        }
    }
    units.sort_unstable_by(|x, y| cmp_ignore_ascii_case(x, y));
    units.dedup_by(|x, y| x.eq_ignore_ascii_case(y));
    Some(units)
}

/// `a` against `b` as their ASCII lower case would compare: equal
/// exactly when `eq_ignore_ascii_case` says so.
fn cmp_ignore_ascii_case(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The last word of a unit: the noun a phrase counts ("prisoners" of
/// "ISIS-K prisoners").
fn unit_head(unit: &str) -> &str {
    unit.rsplit(' ').next().unwrap_or(unit)
}

/// The distinct values of quantity or date claims as shown, in text order,
/// joined with " / ", and how many there are. Every value is written into
/// one buffer and compared as a slice of it: one allocation for the
/// position rather than one per claim. A quantity equal to one of the
/// last few written is not written again: its text would be the same.
fn distinct_values(claims: &[&Claim]) -> (String, usize) {
    // Room for a short value and the interval a quantity position
    // appends after it ("about 1,200 → 1,000–1,400"), which a lone
    // claim's 24 bytes mostly are not.
    let mut buffer = String::with_capacity((claims.len() * 24).max(48));
    // Mostly one span, or a few: held inline, not allocated.
    let mut spans: smallvec::SmallVec<[(usize, usize); 4]> = smallvec::SmallVec::new();
    // The claims of a position mostly state one value: a quantity equal
    // to one of the last few written is shown as it was, and is not
    // written again (a position of a large topic holds hundreds).
    let mut recent: [Option<&Quantity>; 4] = [None; 4];
    let mut next = 0;
    for claim in claims {
        let start = buffer.len();
        match &claim.value {
            Value::Quantity(q) if recent.iter().flatten().any(|&seen| seen == q) => continue,
            // The common case, without the formatting machinery.
            Value::Quantity(q) => {
                q.push_shown(&mut buffer);
                recent[next] = Some(q);
                next = (next + 1) % recent.len();
            }
            other => {
                let _ = crate::relation::PlainValue(other).write_to(&mut buffer);
            }
        }
        spans.push((start, buffer.len()));
    }
    let text = |&(a, b): &(usize, usize)| &buffer[a..b];
    spans.sort_unstable_by(|x, y| text(x).cmp(text(y)));
    spans.dedup_by(|x, y| text(x) == text(y));
    if let [(start, end)] = spans[..] {
        // One value: the buffer, cut down to it, is the answer.
        buffer.truncate(end);
        buffer.drain(..start);
        return (buffer, 1);
    }
    let mut joined = String::with_capacity(spans.iter().map(|s| s.1 - s.0 + 3).sum::<usize>() + 32);
    for (i, span) in spans.iter().enumerate() {
        if i > 0 {
            joined.push_str(" / ");
        }
        joined.push_str(text(span));
    }
    (joined, spans.len())
}

/// Numbers for texts (or tuples of them), one per distinct value, in
/// order of first appearance. Copies of one id mostly share their text
/// (the corpus shares chain links with the declared sources, a reader
/// each claim's subject and property), so a value is looked up by the
/// addresses of its texts first, hashing integers; the texts are read,
/// hashed and compared only for addresses not seen before, which are then
/// remembered. At 1M claims, hashing every chain end's text read a cache
/// line per claim that nothing else needed. The texts must outlive the
/// numbers, so that an address stands for one text.
struct TextNumbers<A, T> {
    by_address: HashMap<A, usize>,
    by_text: HashMap<T, usize>,
}

impl<A, T> Default for TextNumbers<A, T> {
    fn default() -> Self {
        TextNumbers {
            by_address: HashMap::default(),
            by_text: HashMap::default(),
        }
    }
}

impl<A: std::hash::Hash + Eq, T: std::hash::Hash + Eq> TextNumbers<A, T> {
    /// No numbers yet, with room for `capacity` values without growing:
    /// a topic numbers at most one end a claim, and a map grown from
    /// empty rehashed every entry at each doubling.
    fn with_capacity(capacity: usize) -> Self {
        TextNumbers {
            by_address: HashMap::with_capacity_and_hasher(capacity, Default::default()),
            by_text: HashMap::with_capacity_and_hasher(capacity, Default::default()),
        }
    }

    /// How many distinct values have numbers.
    fn len(&self) -> usize {
        self.by_text.len()
    }

    /// The number of the value at `address`, which is `text()`, given it
    /// (the next number, [`len`](Self::len)) if it has none.
    fn number(&mut self, address: A, text: impl FnOnce() -> T) -> usize {
        if let Some(&number) = self.by_address.get(&address) {
            return number;
        }
        let next = self.by_text.len();
        let number = *self.by_text.entry(text()).or_insert(next);
        self.by_address.insert(address, number);
        number
    }

    /// The number of the value at `address`, which is `text()`, if it
    /// has one.
    fn known(&mut self, address: A, text: impl FnOnce() -> T) -> Option<usize> {
        if let Some(&number) = self.by_address.get(&address) {
            return Some(number);
        }
        let number = *self.by_text.get(&text())?;
        self.by_address.insert(address, number);
        Some(number)
    }
}

/// Numbers for source ids, as the relay check's lineages use them.
type SourceNumbers<'c> = TextNumbers<usize, &'c str>;

impl<'c> SourceNumbers<'c> {
    /// The number of `id`, given it if it has none.
    fn insert(&mut self, id: &'c SourceId) -> usize {
        self.number(id.text_address(), || id.as_str())
    }

    /// The number of `id`, if it has one.
    fn get(&mut self, id: &'c SourceId) -> Option<usize> {
        self.known(id.text_address(), || id.as_str())
    }
}

/// The positions that hold some named claims (those a position is said
/// superseded by), by the named claims' ids, sorted. Made with no hash
/// map, reading only the ids that a binary search for each named claim
/// passes: a map of every claim of a group keyed by id read each id's
/// text, scattered in memory at a million claims, for the few names
/// looked up. Looked up by the named ids themselves, which are few (most
/// positions of a series are superseded by one claim), not by finding
/// the claim among the topic's again: a topic of 10,000 claims asked
/// 7,700 times, each a dozen id comparisons over claims in memory.
#[derive(Default)]
struct Holders(Vec<(ClaimId, usize)>);

impl Holders {
    /// The positions of `built` holding the claims `named`, found in
    /// `claims` (the topic's claims, in id order).
    fn of<'i>(
        built: &[Built<'_>],
        claims: &[&Claim],
        named: impl Iterator<Item = &'i ClaimId>,
    ) -> Holders {
        let mut wanted: Vec<(usize, &ClaimId)> = named
            .filter_map(|id| claim_at(claims, id))
            .map(|c| (claim_address(c), &c.id))
            .collect();
        wanted.sort_unstable_by_key(|&(at, _)| at);
        wanted.dedup_by_key(|&mut (at, _)| at);
        let mut found = Vec::with_capacity(wanted.len());
        for (j, b) in built.iter().enumerate() {
            found.extend(b.claims.iter().filter_map(|&c| {
                let at = claim_address(c);
                let k = wanted.binary_search_by_key(&at, |&(a, _)| a).ok()?;
                Some((at, k, j))
            }));
        }
        // A claim held twice is held by the later position, as a map
        // filled in position order would keep it.
        found.sort_unstable_by_key(|&(at, _, j)| (at, std::cmp::Reverse(j)));
        found.dedup_by_key(|&mut (at, _, _)| at);
        let mut by_id: Vec<(ClaimId, usize)> = found
            .into_iter()
            .map(|(_, k, j)| (wanted[k].1.clone(), j))
            .collect();
        // Ids are unique among a topic's claims.
        by_id.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Holders(by_id)
    }

    /// The position holding the claim `id`, if it is one of those named.
    fn get(&self, id: &ClaimId) -> Option<usize> {
        let k = self.0.binary_search_by(|(named, _)| named.cmp(id)).ok()?;
        Some(self.0[k].1)
    }
}

/// The claim `id` among `claims` (in id order), by binary search.
fn claim_at<'c>(claims: &[&'c Claim], id: &ClaimId) -> Option<&'c Claim> {
    Some(claims[place_of(claims, id)?])
}

/// Where the claim `id` is among `claims` (in id order), by binary
/// search.
fn place_of(claims: &[&Claim], id: &ClaimId) -> Option<usize> {
    claims.binary_search_by(|c| c.id.cmp(id)).ok()
}

/// Where a claim lies in memory: one claim's identity within a corpus.
fn claim_address(claim: &Claim) -> usize {
    std::ptr::from_ref(claim) as usize
}

/// Sorts source ids and removes repeats. Copies of one source id mostly
/// share their text (the corpus shares chain links with the declared
/// sources), so repeats are first removed by the address of their text,
/// comparing integers; only the distinct addresses left are sorted by
/// text, and any equal texts at different addresses removed then.
fn sorted_unique_sources(mut ids: Vec<&SourceId>) -> Vec<&SourceId> {
    let distinct = sort_unique_sources(&mut ids);
    ids.truncate(distinct);
    ids
}

/// The steps of [`sorted_unique_sources`] on a slice, for either kind of
/// list: sorts `ids`, moves the distinct ones, in order, to the front,
/// and returns how many there are (the caller truncates there).
fn sort_unique_sources(ids: &mut [&SourceId]) -> usize {
    if ids.len() < 2 {
        return ids.len();
    }
    ids.sort_unstable_by_key(|id| id.text_address());
    let distinct = keep_first_of_runs(ids, |a, b| a.text_address() == b.text_address());
    let ids = &mut ids[..distinct];
    ids.sort_unstable();
    keep_first_of_runs(ids, |a, b| a == b)
}

/// Moves the first item of each run of `same` items to the front, in
/// order, and returns how many there are: `Vec::dedup_by` on a slice.
fn keep_first_of_runs<T: Copy>(items: &mut [T], same: impl Fn(&T, &T) -> bool) -> usize {
    let Some(&first) = items.first() else {
        return 0;
    };
    let mut last = first;
    let mut kept = 1;
    for k in 1..items.len() {
        let item = items[k];
        if !same(&last, &item) {
            items[kept] = item;
            kept += 1;
            last = item;
        }
    }
    kept
}

/// Source ids as a position's origins are counted: a few, mostly, so
/// kept in place up to four ([`sorted_unique_few_sources`]).
type FewSources<'c> = smallvec::SmallVec<[&'c SourceId; 4]>;

/// [`sorted_unique_sources`] for [`FewSources`]: the same steps, with the
/// same result, but with no allocation for four sources or fewer, which
/// most positions' ends and intermediates are.
fn sorted_unique_few_sources(mut ids: FewSources<'_>) -> FewSources<'_> {
    let distinct = sort_unique_sources(&mut ids);
    ids.truncate(distinct);
    ids
}

/// A scope group's key as ranks ([`Analyzer::scope_groups`]): the
/// value's kind, whether projected, and the ranks of the projection's
/// horizon, the population and the unit of measure among the topic's
/// (each normalized; none ranks as an empty text).
type RankedKey = (u32, bool, u32, u32, u32);

/// A scope group keyed by its ranks: its kind, its unit of measure, and
/// its claims, in id order.
type RankedGroup<'v, 'c> = (&'static str, &'v str, Vec<&'c Claim>);

/// How many of a topic's first distinct scope texts [`Interned::id`]
/// compares a text with before hashing it.
const SHARED_TEXTS_SCANNED: usize = 8;

/// The distinct texts of one part of a topic's scope keys, numbered as
/// first seen. Texts are mostly shared (`Arc<str>`), so the last one
/// looked up is known again by its address without hashing it.
#[derive(Default)]
struct Interned<'v> {
    index: HashMap<&'v str, u32>,
    texts: Vec<&'v str>,
    last: Option<((usize, usize), u32)>,
}

impl<'v> Interned<'v> {
    /// The number of `text`: a text seen before keeps its number.
    fn id(&mut self, text: &'v str) -> u32 {
        let at = (text.as_ptr() as usize, text.len());
        if let Some((seen, id)) = self.last
            && seen == at
        {
            return id;
        }
        // The first few texts are compared without hashing: a topic
        // mostly has that few, and they alternate.
        let known = self
            .texts
            .iter()
            .take(SHARED_TEXTS_SCANNED)
            .position(|&t| t == text);
        if let Some(id) = known {
            let id = id as u32;
            self.last = Some((at, id));
            return id;
        }
        let next = self.texts.len() as u32;
        let id = *self.index.entry(text).or_insert(next);
        if id == next {
            self.texts.push(text);
        }
        self.last = Some((at, id));
        id
    }

    /// Each number's rank among the texts as `normalize` makes them
    /// (see [`rank_texts`]).
    fn ranks(&self, normalize: impl Fn(&'v str) -> Cow<'v, str>) -> Vec<u32> {
        rank_texts(&self.texts, normalize)
    }
}

/// Each of `texts`' rank among them as `normalize` makes them: texts
/// that normalize alike share a rank, and ranks are in the order of the
/// normalized texts, so that comparing ranks compares those texts.
fn rank_texts<'v>(texts: &[&'v str], normalize: impl Fn(&'v str) -> Cow<'v, str>) -> Vec<u32> {
    let normalized: Vec<Cow<'v, str>> = texts.iter().map(|t| normalize(t)).collect();
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_unstable_by(|&a, &b| normalized[a].cmp(&normalized[b]));
    let mut ranks = vec![0; texts.len()];
    let mut rank = 0;
    for (k, &at) in order.iter().enumerate() {
        if k > 0 && normalized[order[k - 1]] != normalized[at] {
            rank += 1;
        }
        ranks[at] = rank;
    }
    ranks
}

/// The kind of value a scope holds: [`Value::kind`], but a share (a
/// quantity in `percent`) is a kind of its own, never compared with a
/// count: "30%" of a port's capacity and "30" berths are not one figure.
fn scope_kind(value: &Value) -> &'static str {
    match value {
        Value::Quantity(q) if q.is_share() => "share",
        other => other.kind(),
    }
}

/// The `most` positions of `positions` with the most origins, the first
/// among equals, in their order in `positions`.
/// Writes conflicts between `listed` positions, given as `pairs` of
/// their places, as stars: the position with the most conflicts left
/// against those it conflicts with ("P1 … against P2 … and P3 …"), then
/// the next, each position described (`describe`) where first named and
/// by its label after. At most [`MAX_NAMED_POSITIONS`] stars and as many
/// positions in each; the conflicts left over are counted.
fn push_conflict_stars(
    out: &mut String,
    listed: &[&Position<'_>],
    pairs: &[(usize, usize)],
    describe: impl Fn(&mut String, &Position<'_>),
) {
    use std::fmt::Write;
    let mut left: Vec<(usize, usize)> = pairs
        .iter()
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .filter(|(a, b)| a != b)
        .collect();
    left.sort_unstable();
    left.dedup();
    let mut described: HashSet<usize> = HashSet::default();
    let mut name = |out: &mut String, k: usize| {
        if described.insert(k) {
            describe(out, listed[k]);
        } else {
            out.push_str(&listed[k].label);
        }
    };
    let mut stars = 0;
    while !left.is_empty() && stars < MAX_NAMED_POSITIONS {
        // The position in the most conflicts left, the first listed of
        // those tied.
        let mut degree: HashMap<usize, usize> = HashMap::default();
        for &(a, b) in &left {
            *degree.entry(a).or_default() += 1;
            *degree.entry(b).or_default() += 1;
        }
        let Some(center) = degree
            .iter()
            .max_by_key(|&(&k, &n)| (n, std::cmp::Reverse(k)))
            .map(|(&k, _)| k)
        else {
            break;
        };
        let mut others: Vec<usize> = left
            .iter()
            .filter_map(|&(a, b)| match (a == center, b == center) {
                (true, _) => Some(b),
                (_, true) => Some(a),
                _ => None,
            })
            .collect();
        others.sort_unstable();
        left.retain(|&(a, b)| a != center && b != center);
        if stars > 0 {
            out.push_str(", ");
        }
        name(out, center);
        out.push_str(" against ");
        let shown = others.len().min(MAX_NAMED_POSITIONS);
        for (i, &k) in others[..shown].iter().enumerate() {
            if i > 0 {
                out.push_str(if i + 1 == shown && shown == others.len() {
                    " and "
                } else {
                    ", "
                });
            }
            name(out, k);
        }
        let more = others.len() - shown;
        if more > 0 {
            let plural = if more == 1 { "" } else { "s" };
            let _ = write!(out, " and {more} other position{plural}");
        }
        stars += 1;
    }
    if !left.is_empty() {
        let plural = if left.len() == 1 { "" } else { "s" };
        let _ = write!(out, ", and {} other conflicting pair{plural}", left.len());
    }
}

fn most_supported<'s, 'p, 'c>(
    positions: &'s [&'p Position<'c>],
    most: usize,
) -> Cow<'s, [&'p Position<'c>]> {
    // Few enough (most lists are): all of them, borrowed, not copied.
    if positions.len() <= most {
        return Cow::Borrowed(positions);
    }
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(positions[k].origins.len()), k));
    order.truncate(most);
    order.sort_unstable();
    Cow::Owned(order.into_iter().map(|k| positions[k]).collect())
}

/// Names the first [`MAX_NAMED_ORIGINS`] origins and counts the rest: a
/// sentence names a few; the position lists them all.
fn push_origin_names(out: &mut String, origins: &[Origin<'_>]) {
    use std::fmt::Write;
    for (i, origin) in origins.iter().take(MAX_NAMED_ORIGINS).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        origin.name.push_to(out);
    }
    let more = origins.len().saturating_sub(MAX_NAMED_ORIGINS);
    if more > 0 {
        let _ = write!(out, " and {more} more");
    }
}

/// The diagnostic's words for a block of `size` quotes, compared in
/// windows of [`MAX_QUOTE_BLOCK`]; `figures` where the blocks include
/// [`QuoteKey::Figures`] (a topic's, not the misattribution check's).
fn windowed_note(size: usize, figures: bool) -> String {
    let shared = if figures {
        "their first or last words, all their words but one, or all their words but their figures"
    } else {
        "their first or last words, or all their words but one"
    };
    format!("{size} quotes share {shared}; they were compared in windows of {MAX_QUOTE_BLOCK}")
}

/// The most words a wording may have to be blocked also by its near
/// neighbours ([`QuoteKey::Near`]): up to here its first and last four
/// words overlap, so one changed word can break both.
const SHORT_QUOTE: usize = 8;

/// What blocks quote wordings together: their first four words, their
/// last four, or, for a short wording, the hash of its words with one
/// word left out or none ([`SHORT_QUOTE`]). Two short wordings one word
/// edit apart (a word changed, added or dropped) share a `Near` key,
/// which the first and last words miss when the edit is in the middle
/// ("the cargo was stored legally", "the cargo was not stored
/// legally"). A hash that collides only adds a pair, which is then
/// scored like any other.
///
/// A wording that states a figure is also blocked by its words with each
/// run of figure words as one ([`figure_key`]): two wordings that differ
/// only in their figures always share that block, however many words the
/// figures take ("$8 billion", "$800 million"; "three hundred", "3,000")
/// and wherever they stand.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum QuoteKey<'w> {
    Head(&'w [&'w str]),
    Tail(&'w [&'w str]),
    Near(u64),
    Figures(u64),
}

/// Blocks of quote wordings that share a [`QuoteKey`], by index: the
/// only pairs variant clustering and the misattribution check compare.
/// Empty wordings are in no block.
///
/// Keyed by the words themselves, not a joined copy. The blocks come in
/// no particular order, which is harmless: the pairs compared are the same
/// whatever the order, clustering keeps the smallest index of each
/// cluster as its root, and misattributions are keyed by claim ids.
/// `vocabulary` gives the words for a currency sign that belong to a
/// figure's run ([`figure_key`]).
fn quote_blocks<'w>(
    wordings: impl Iterator<Item = (usize, &'w [&'w str])>,
    vocabulary: &Vocabulary,
) -> HashMap<QuoteKey<'w>, Vec<usize>> {
    blocks_of(wordings.map(|(i, words)| {
        let keys = near_keys(words)
            .map(QuoteKey::Near)
            .chain(figure_key(words, vocabulary).map(QuoteKey::Figures));
        (i, words, keys)
    }))
}

/// [`quote_blocks`] with each wording's keys besides its first and last
/// words given ([`near_keys`], [`figure_key`]). (The misattribution check,
/// across a whole corpus, finds its blocks by sorting [`numbered_keys`]
/// instead.)
fn blocks_of<'w, N: IntoIterator<Item = QuoteKey<'w>>>(
    wordings: impl Iterator<Item = (usize, &'w [&'w str], N)>,
) -> HashMap<QuoteKey<'w>, Vec<usize>> {
    let mut blocks: HashMap<QuoteKey<'w>, Vec<usize>> = HashMap::default();
    // An index is pushed once to each block: a wording given twice (as
    // printed and without its negation) is in a block once, and so is
    // one with a word repeated ("no no"), which leaves out the same
    // words twice.
    let mut push = |key, i| {
        let block: &mut Vec<usize> = blocks.entry(key).or_default();
        if block.last() != Some(&i) {
            block.push(i);
        }
    };
    for (i, words, near) in wordings {
        if words.is_empty() {
            continue;
        }
        let head = &words[..words.len().min(4)];
        let tail = &words[words.len().saturating_sub(4)..];
        push(QuoteKey::Head(head), i);
        push(QuoteKey::Tail(tail), i);
        for key in near {
            push(key, i);
        }
    }
    blocks
}

/// The [`QuoteKey::Near`] keys of a wording of at most [`SHORT_QUOTE`]
/// words (none for a longer one): a hash of its words with each one
/// left out in turn, and of all of them.
fn near_keys<'w>(words: &'w [&'w str]) -> impl Iterator<Item = u64> + 'w {
    use std::hash::{BuildHasher, Hasher};
    // A fixed seed: the same words give the same key in every run.
    let state = foldhash::fast::FixedState::default();
    // `left_out` is past the end for the whole wording. A one-word
    // wording does not leave its word out: every such wording would
    // share the empty key, and one word is near another only if it is
    // that word (its Head block).
    let first = usize::from(words.len() == 1);
    let last = if words.len() <= SHORT_QUOTE {
        words.len() + 1
    } else {
        first
    };
    (first..last).map(move |left_out| {
        let mut hasher = state.build_hasher();
        for (k, word) in words.iter().enumerate() {
            if k != left_out {
                hasher.write(word.as_bytes());
                hasher.write_u8(0xff);
            }
        }
        hasher.finish()
    })
}

/// The [`QuoteKey::Figures`] key of a wording that states a figure: a
/// hash of its [`figure_skeleton`](crate::relation::figure_skeleton),
/// its words with each run of figure words as one mark. `None` for a
/// wording with no figure word, whose skeleton is its words: a wording
/// printed alike is joined before blocking, and one a word apart shares
/// its other blocks. `None` too for a wording that is figures alone
/// ("300", "word0"): every such wording would share the one key, as
/// every one-word wording would share the empty [`near_keys`] key. A key
/// for every other wording with a figure, not only
/// short ones: a long wording with a figure changed near each end ("In
/// 2020 … in 12 towns", "In 2021 … in 13 towns") shares neither its
/// first nor its last four words.
fn figure_key(words: &[&str], vocabulary: &Vocabulary) -> Option<u64> {
    use std::hash::{BuildHasher, Hasher};
    // Most wordings state no figure: told at one look a word.
    if !crate::relation::has_figure(words) {
        return None;
    }
    let mut hasher = foldhash::fast::FixedState::default().build_hasher();
    let (mut figures, mut others) = (false, false);
    for part in crate::relation::figure_skeleton(words, vocabulary) {
        match part {
            Some(word) => {
                others = true;
                hasher.write(word.as_bytes());
                hasher.write_u8(0xff);
            }
            None => {
                figures = true;
                hasher.write_u8(0xfe);
            }
        }
    }
    (figures && others).then(|| hasher.finish())
}

/// A wording's block keys as numbers, for the misattribution check: its
/// first and last four words hashed (tags 0 and 1, as [`QuoteKey::Head`]
/// and [`QuoteKey::Tail`]) and its [`near_keys`] (tag 2), but not its
/// [`figure_key`]. That key is there for a topic's rule that wordings
/// the same but for their figures conflict however unlike they score;
/// the check looks for one remark given to two speakers, wordings alike
/// at the threshold, and two that state different figures are at most
/// two statements (twentieth audit, G2): the key would add a hash for
/// every quote with a figure of the whole corpus for pairs the check
/// mostly turns away. Numbers let the
/// blocks of a whole corpus be found by sorting, on all cores, rather
/// than in a hash map on one; a hash that collides only adds pairs to
/// score, as a near key's does. None for an empty wording.
fn numbered_keys(words: &[&str]) -> Vec<(u8, u64)> {
    use std::hash::{BuildHasher, Hasher};
    if words.is_empty() {
        return Vec::new();
    }
    let state = foldhash::fast::FixedState::default();
    let hash = |part: &[&str]| {
        let mut hasher = state.build_hasher();
        for word in part {
            hasher.write(word.as_bytes());
            hasher.write_u8(0xff);
        }
        hasher.finish()
    };
    let head = &words[..words.len().min(4)];
    let tail = &words[words.len().saturating_sub(4)..];
    let mut keys = vec![(0, hash(head)), (1, hash(tail))];
    keys.extend(near_keys(words).map(|key| (2, key)));
    keys
}

/// A half-open span of time, `[start, end)`.
type Span = (chrono::NaiveDateTime, chrono::NaiveDateTime);

/// One report time's claims of a scope group, as positions are made from
/// them: the time's span (none for a group that is not a series), and the
/// claims, borrowed where they are the group's own.
type Bucket<'g, 'c> = (Option<Span>, Cow<'g, [&'c Claim]>);

/// A scope group under construction. A topic of one scope (most are)
/// borrows the topic's claims, in `'s`, rather than copying them.
struct Group<'s, 'c> {
    kind: &'static str,
    label: String,
    claims: Cow<'s, [&'c Claim]>,
}

/// A bucket's report time as a sentence shows it: the date, month or
/// minute it is exactly ("2025-03", "2025-03-12T09:00"), or else the day it
/// starts on (a run of overlapping report times).
fn shown_report_time(span: Span) -> Period {
    use chrono::{Datelike, Timelike};
    let start = span.0;
    let whole_minute = start.second() == 0 && start.nanosecond() == 0;
    // The common case, a report time of one whole day, without building
    // the periods that a span of one day cannot be (a year or a month is
    // longer, an hour or a minute shorter): most report times are days.
    // Years outside 1..=9998 are no periods of theirs and go the long way.
    if whole_minute
        && start.hour() == 0
        && start.minute() == 0
        && (1..=9998).contains(&start.year())
        && span.1 == start + chrono::Duration::days(1)
    {
        return Period::from_date(start.date());
    }
    report_time_by_units(span)
}

/// [`shown_report_time`] without its shortcut for a whole day: the first
/// unit aligned at the span's start (a year, a month, a day, an hour, a
/// minute) that is the span, or else the day the span begins in.
fn report_time_by_units(span: Span) -> Period {
    use crate::period::Precision;
    use chrono::{Datelike, Timelike};
    // Only a precision whose unit begins at the span's start can be the
    // span: the others are not built (a period is made through chrono's
    // calendar).
    let start = span.0;
    let (month, day, hour, minute) = (start.month(), start.day(), start.hour(), start.minute());
    let whole_minute = start.second() == 0 && start.nanosecond() == 0;
    [
        (
            Precision::Year,
            month == 1 && day == 1 && hour == 0 && minute == 0,
        ),
        (Precision::Month, day == 1 && hour == 0 && minute == 0),
        (Precision::Day, hour == 0 && minute == 0),
        (Precision::Hour, minute == 0),
        (Precision::Minute, true),
    ]
    .into_iter()
    .filter(|&(_, aligned)| aligned && whole_minute)
    .map(|(precision, _)| Period::containing(start, precision))
    .find(|period| period.interval() == span)
    .unwrap_or_else(|| Period::containing(start, Precision::Day))
}

/// Two quote clusters kept apart because a wording of one negates a
/// wording of the other: (cluster, its wording, other cluster, its
/// wording), the first cluster the earlier.
type QuoteNegation = (usize, usize, usize, usize);

/// Relates quote clusters that state different figures in the same
/// words ("12 people were killed", "15 people were killed", "9 people
/// were killed") to their neighbours in the order of their figures
/// (`cmp_figures`), as a scope's figures are, rather than each to each.
/// All such clusters conflict with each other, and the verdict names
/// them as one set either way; but a spokesman's daily statement quoted
/// with a new figure each day made k(k − 1)/2 relations of k clusters
/// (up to `MAX_QUOTE_BLOCK` a cluster), each with its sentence and diff:
/// 1,000 such quotes wrote 143 MB of JSON Lines. They make k − 1.
///
/// `negations` are the clusters' pairs, in (cluster, cluster, wording,
/// wording) order, each with whether it is for a figure alone. A set is
/// the clusters of such pairs that have one figure skeleton
/// (`figure_skeleton`, every wording of each cluster of it, with the
/// same figures); its pairs for a figure alone are replaced by the
/// chain, each link between the clusters' first wordings, and by links
/// between clusters of the set that are neighbours in cluster order (as
/// positions, they are related as neighbours too). A set of two
/// keeps its pair; a set in which two neighbours do not differ by
/// `figures_differ` (two clusters of one figure written otherwise,
/// never compared because their block was compared in windows) keeps
/// its pairs as found.
fn chain_figure_conflicts<'t>(
    negations: Vec<(QuoteNegation, bool)>,
    clusters: &'t [(Vec<&Claim>, Vec<String>)],
    vocabulary: &Vocabulary,
) -> Vec<QuoteNegation> {
    let mut candidates: Vec<usize> = negations
        .iter()
        .filter(|(_, figure)| *figure)
        .flat_map(|&((a, _, b, _), _)| [a, b])
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    if candidates.len() < 3 {
        return negations.into_iter().map(|(n, _)| n).collect();
    }
    // Each candidate's skeleton (its words, each figure run as `None`)
    // and first wording's words, where all its wordings share them and
    // their figures.
    let skeleton = |words: &[&'t str]| -> Vec<Option<&'t str>> {
        crate::relation::figure_skeleton(words, vocabulary).collect()
    };
    // (skeleton, cluster, first wording's words)
    type Keyed<'w> = (Vec<Option<&'w str>>, usize, Vec<&'w str>);
    let mut keyed: Vec<Keyed<'_>> = Vec::new();
    for &c in &candidates {
        let texts = &clusters[c].1;
        let Some(first) = texts.first() else {
            continue;
        };
        let words = split_words(first);
        let key = skeleton(&words);
        let uniform = texts[1..].iter().filter(|t| *t != first).all(|t| {
            let other = split_words(t);
            skeleton(&other) == key && crate::relation::same_figures(&other, &words)
        });
        if uniform {
            keyed.push((key, c, words));
        }
    }
    let figures: Vec<Vec<crate::relation::Figure<'_>>> = keyed
        .iter()
        .map(|(_, _, words)| crate::relation::read_figures(words))
        .collect();
    let mut order: Vec<usize> = (0..keyed.len()).collect();
    order.sort_by(|&x, &y| {
        keyed[x]
            .0
            .cmp(&keyed[y].0)
            .then_with(|| crate::relation::cmp_figures(&figures[x], &figures[y]))
            .then_with(|| keyed[x].1.cmp(&keyed[y].1))
    });
    // Each chained cluster's set, and the links.
    let mut set_of: HashMap<usize, usize> = HashMap::default();
    let mut links: Vec<QuoteNegation> = Vec::new();
    for (set, run) in order
        .chunk_by(|&x, &y| keyed[x].0 == keyed[y].0)
        .enumerate()
    {
        let apart = run.windows(2).all(|pair| {
            crate::relation::figures_differ(&keyed[pair[0]].2, &keyed[pair[1]].2).is_some()
        });
        if run.len() < 3 || !apart {
            continue;
        }
        for pair in run.windows(2) {
            let (x, y) = (keyed[pair[0]].1, keyed[pair[1]].1);
            links.push((x.min(y), 0, x.max(y), 0));
        }
        set_of.extend(run.iter().map(|&k| (keyed[k].1, set)));
    }
    if links.is_empty() {
        return negations.into_iter().map(|(n, _)| n).collect();
    }
    // Positions are related to their neighbours in cluster order too,
    // and two of one set conflict there as well: linked, so that the
    // relation says so (not "different quotes").
    for (&c, set) in &set_of {
        if set_of.get(&(c + 1)) == Some(set) {
            links.push((c, 0, c + 1, 0));
        }
    }
    let mut out: Vec<QuoteNegation> = negations
        .into_iter()
        .filter(|&((a, _, b, _), figure)| {
            !(figure && set_of.get(&a).is_some_and(|s| set_of.get(&b) == Some(s)))
        })
        .map(|(n, _)| n)
        .chain(links)
        .collect();
    out.sort_unstable_by_key(|&(ca, wa, cb, wb)| (ca, cb, wa, wb));
    out.dedup_by_key(|n| (n.0, n.2));
    out
}

/// Quote clusters, each with its members and their normalized wordings,
/// and the pairs of them that negate each other.
type QuoteClusters<'c> = (Vec<(Vec<&'c Claim>, Vec<String>)>, Vec<QuoteNegation>);

/// A sweep's runs: each run's running span, and its members.
type Runs<S, T> = Vec<(S, Run<T>)>;

/// A run's members: most runs hold one or two, kept inline.
type Run<T> = smallvec::SmallVec<[T; 2]>;

/// Takes out of a sweep's runs the members that fit a neighbouring run
/// too (a month beside two of its days, "hundreds" beside 300 and 800),
/// and sweeps the rest and those apart: the runs of values that fit one
/// position, and the runs of those that fit several. A value that fits a
/// run two away spans the one between, so the neighbours are enough.
/// A run none of whose members `counts` (a figure its source withdrew) is
/// no neighbour: fitting it does not make a value coarse, and the next
/// run that counts is the neighbour in its place. When no member
/// fits two runs, the runs are returned as they are.
fn split_coarse<T, S: Copy>(
    runs: Runs<S, T>,
    span: impl Fn(&T) -> S,
    overlaps: impl Fn(S, S) -> bool,
    counts: impl Fn(&T) -> bool,
    sweep: impl Fn(Vec<T>) -> Runs<S, T>,
) -> (Runs<S, T>, Runs<S, T>) {
    // A lone run has no neighbour for a member to fit: as below, where
    // no member fits two runs, without the spans looked at.
    if runs.len() < 2 {
        return (runs, Vec::new());
    }
    let spans: Vec<Option<S>> = runs
        .iter()
        .map(|(s, members)| members.iter().any(&counts).then_some(*s))
        .collect();
    // Each run's nearest neighbours that count, before and after: a run
    // that does not count is passed over, not taken as the end of the
    // line. A value that fits 66 and 68 spans a withdrawn 67 between
    // them, and still fits both (thirteenth audit, F3). Most sweeps have
    // no such run, and look at the runs beside.
    let skipped = spans.iter().any(Option::is_none).then(|| {
        let mut before: Vec<Option<S>> = Vec::with_capacity(spans.len());
        let mut last = None;
        for s in &spans {
            before.push(last);
            if s.is_some() {
                last = *s;
            }
        }
        let mut after: Vec<Option<S>> = vec![None; spans.len()];
        let mut next = None;
        for (i, s) in spans.iter().enumerate().rev() {
            after[i] = next;
            if s.is_some() {
                next = *s;
            }
        }
        (before, after)
    });
    let near = |s: S, n: Option<S>| n.is_some_and(|n| overlaps(s, n));
    let fits_another = |i: usize, member: &T| {
        let s = span(member);
        match &skipped {
            Some((before, after)) => near(s, before[i]) || near(s, after[i]),
            None => {
                (i > 0 && near(s, spans[i - 1])) || near(s, spans.get(i + 1).copied().flatten())
            }
        }
    };
    let any = runs
        .iter()
        .enumerate()
        .any(|(i, (_, members))| members.iter().any(|m| fits_another(i, m)));
    if !any {
        return (runs, Vec::new());
    }
    // Members stay in sweep order, which both sweeps need.
    let (mut fine, mut coarse) = (Vec::new(), Vec::new());
    for (i, (_, members)) in runs.into_iter().enumerate() {
        for member in members {
            if fits_another(i, &member) {
                coarse.push(member);
            } else {
                fine.push(member);
            }
        }
    }
    (sweep(fine), sweep(coarse))
}

/// How the shorter of two speakers' names given the same words relates
/// to the longer, where the misattribution check takes them for one
/// speaker ([`Analyzer::titled_names`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ShortName {
    /// The longer is the shorter with words before it, a title ("Chief
    /// Joe Tyler", "Joe Tyler").
    Title,
    /// The shorter is a declared person's surname alone ("Vasquez").
    Surname,
    /// The shorter gives a declared person's given names as initials
    /// ("E. Vasquez").
    Initials,
}

/// Whether name key `short` is name key `long` with one or more of its
/// words before the last given as initials, the first letter alone, and
/// the others the same: "e vasquez" and "elena vasquez", "j r smith"
/// and "john robert smith". The last word, the surname, is whole in
/// both.
fn initials_of(long: &str, short: &str) -> bool {
    let (l, s): (Vec<&str>, Vec<&str>) = (long.split(' ').collect(), short.split(' ').collect());
    let (Some(last_l), Some(last_s)) = (l.last(), s.last()) else {
        return false;
    };
    if l.len() != s.len() || l.len() < 2 || last_l != last_s || last_l.chars().nth(1).is_none() {
        return false;
    }
    let mut initials = 0;
    for (full, given) in l.iter().zip(&s) {
        if full == given {
            continue;
        }
        let mut letters = given.chars();
        let (Some(first), None) = (letters.next(), letters.next()) else {
            return false;
        };
        if !full.starts_with(first) || full.chars().nth(1).is_none() {
            return false;
        }
        initials += 1;
    }
    initials > 0
}

/// A claim of a quantity with its interval and its place in id order.
type Valued<'c> = (Interval, usize, &'c Claim);

/// An origin as the relay check hears its own words: by its newsroom
/// (the outlet's spelling), or else by its source (a person's sources as
/// one). A declared source's voice is a number ([`Analyzer::voices`]),
/// so that comparing two compares no text; an id the corpus does not
/// declare is heard by its text: `true` and a newsroom, or `false` and
/// the source's id. Voices are compared for equality and kept sorted for
/// lookups only: their order is in no output.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Voice<'c> {
    Declared(u32),
    Named(bool, &'c str),
}

/// Sorts voices with the marks (hedge, bound, projection) of one of
/// their versions each, and merges each voice's entries into one, with
/// every mark any of them keeps: what a voice said in all its versions.
fn merge_marks(marks: &mut Vec<(Voice<'_>, [bool; 3])>) {
    marks.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    marks.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            for (mark, used) in kept.1.iter_mut().zip(later.1) {
                *mark |= used;
            }
        }
        same
    });
}

/// When a source first gave a version of a figure that keeps each kind
/// of mark (hedge, bound, projection), and first gave one at all: the
/// earliest report start, [`chrono::NaiveDateTime::MIN`] for a version
/// with no report time, `None` for never.
type Said = [Option<chrono::NaiveDateTime>; 4];

/// A drop a claim with no finding of its own carries: (the claim, the
/// version whose drop it carries, whether a projection, else a bound).
type Carried<'c> = (&'c ClaimId, &'c ClaimId, bool);

/// The kinds of mark that source `v` had not used in its versions of a
/// run (`said`, sorted by voice) reported before `end` (with no end,
/// in any), or `None` where it had given no version by then.
fn unused<'v>(
    said: &[(Voice<'v>, Said)],
    v: Voice<'v>,
    end: Option<chrono::NaiveDateTime>,
) -> Option<[bool; 3]> {
    let k = said.binary_search_by(|e| e.0.cmp(&v)).ok()?;
    let before =
        |start: Option<chrono::NaiveDateTime>| start.is_some_and(|s| end.is_none_or(|e| s < e));
    let first = &said[k].1;
    before(first[3]).then(|| [!before(first[0]), !before(first[1]), !before(first[2])])
}

/// Sorts `said` by voice and merges each voice's entries into one, the
/// earliest of each.
fn merge_said(said: &mut Vec<(Voice<'_>, Said)>) {
    said.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    said.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            for (first, other) in kept.1.iter_mut().zip(later.1) {
                *first = match (*first, other) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        same
    });
}

/// What a sweep's run is keyed on: a figure's interval, or a date's
/// span of time. [`split_unstated`] asks these three questions of both.
trait Extent: Copy + PartialEq {
    /// Orders by width, then by the lower end, then by the upper: the
    /// least wide first.
    fn narrower(&self, other: &Self) -> std::cmp::Ordering;
    /// True when `other` lies within this one.
    fn holds(&self, other: &Self) -> bool;
    /// True when the two share a value (or a moment).
    fn meets(&self, other: &Self) -> bool;
}

impl Extent for Interval {
    fn narrower(&self, other: &Self) -> std::cmp::Ordering {
        self.width()
            .total_cmp(&other.width())
            .then(self.min().total_cmp(&other.min()))
            .then(self.max().total_cmp(&other.max()))
    }
    fn holds(&self, other: &Self) -> bool {
        self.contains(other)
    }
    fn meets(&self, other: &Self) -> bool {
        self.overlaps(other)
    }
}

/// A span of time, from its start to its end (excluded).
impl Extent for Span {
    fn narrower(&self, other: &Self) -> std::cmp::Ordering {
        (self.1 - self.0)
            .cmp(&(other.1 - other.0))
            .then(self.0.cmp(&other.0))
            .then(self.1.cmp(&other.1))
    }
    fn holds(&self, other: &Self) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }
    fn meets(&self, other: &Self) -> bool {
        spans_meet(*self, *other)
    }
}

/// Keeps, of each run whose value none of its members states, only its
/// narrowest members, and returns the others, to stand apart as coarse
/// values do. A run's value is the intersection of its members': where
/// every member is wider ("more than 20,000" and "up to 50,000" make
/// 20,001–50,000), that value is a figure no source gave, and crediting
/// it with every member's origin counts a corroboration nobody made
/// (seventeenth audit, C1). The narrowest member states a value of its
/// own, and those that contain it support it ("up to 50,000" beside
/// "about 30,000"); each other one only overlaps it, and is counted
/// apart, in support of none. The narrowest is the least wide, then the
/// lowest, then the lowest top: an order of extents, not of claims.
/// Dates are split the same way: "2014/2016" and "2015/2017" share
/// 2015–2016, a span neither gave.
///
/// Runs stay disjoint and in order only if no kept extent reaches a
/// neighbour's; where one would, the runs are returned as they are.
fn split_unstated<S: Extent, T: Copy>(
    runs: Runs<S, T>,
    extent: impl Fn(&T) -> S,
) -> (Runs<S, T>, Vec<T>) {
    let unstated =
        |(running, members): &(S, Run<T>)| !members.iter().any(|m| extent(m) == *running);
    if !runs.iter().any(unstated) {
        return (runs, Vec::new());
    }
    let mut kept: Runs<S, T> = Vec::with_capacity(runs.len());
    let mut taken = Vec::new();
    for run in &runs {
        if !unstated(run) {
            kept.push(run.clone());
            continue;
        }
        let Some(narrowest) = run.1.iter().map(&extent).min_by(S::narrower) else {
            kept.push(run.clone());
            continue;
        };
        let mut keep: Run<T> = Run::new();
        for &member in &run.1 {
            if extent(&member).holds(&narrowest) {
                keep.push(member);
            } else {
                taken.push(member);
            }
        }
        kept.push((narrowest, keep));
    }
    if kept.windows(2).any(|w| w[0].0.meets(&w[1].0)) {
        return (runs, Vec::new());
    }
    (kept, taken)
}

/// Takes out of a report's runs of a running total the values that fit
/// several standing figures, counting the figures of earlier reports
/// that still stand beside it (`standing`: disjoint, by low end, highest
/// first, as [`Standing`] keeps them). A value fits its own run when
/// another member of it counts, and an earlier figure when it overlaps
/// it and the report's other figures do not reach it: the highest of
/// them, without this value, is
/// below its low end, so the total fell from it and it stands. "Dozens"
/// beside 66, after 67 and 68, fits three standing figures; beside 70,
/// which replaces 67 and 68, it fits 70 alone. Each value costs a binary
/// search in `standing` (thirteenth audit, F3).
fn split_beside_standing<'c>(
    runs: Runs<Interval, Valued<'c>>,
    coarse: Runs<Interval, Valued<'c>>,
    standing: &[Interval],
    counts: impl Fn(&Valued<'c>) -> bool,
    sweep: impl Fn(Vec<Valued<'c>>) -> Runs<Interval, Valued<'c>>,
) -> (Runs<Interval, Valued<'c>>, Runs<Interval, Valued<'c>>) {
    // The two highest ends of the runs that count, with their run.
    let mut top: [Option<(f64, usize)>; 2] = [None, None];
    // Kept beside the locals for the few runs most sweeps have.
    let counted: smallvec::SmallVec<[usize; 8]> = runs
        .iter()
        .map(|(_, members)| members.iter().filter(|m| counts(m)).count())
        .collect();
    for (r, (span, _)) in runs.iter().enumerate() {
        if counted[r] == 0 {
            continue;
        }
        let high = span.max();
        if top[0].is_none_or(|(t, _)| high > t) {
            top[1] = top[0];
            top[0] = Some((high, r));
        } else if top[1].is_none_or(|(t, _)| high > t) {
            top[1] = Some((high, r));
        }
    }
    let fits_several = |r: usize, member: &Valued<'c>| {
        let value = member.0;
        // Another member of its run that counts: the run is a figure
        // it fits, and the run's end is among the others'.
        let own = counted[r] > usize::from(counts(member));
        let reach = if own {
            top[0].map(|(t, _)| t)
        } else {
            match top {
                [Some((_, t)), second] if t == r => second.map(|(h, _)| h),
                [first, _] => first.map(|(h, _)| h),
            }
        };
        // Standing figures above `reach` that overlap the value: after
        // those wholly above it, and before those wholly below it or
        // reached.
        let from = standing.partition_point(|e| e.min() > value.max());
        let to = standing.partition_point(|e| e.max() >= value.min());
        let to = reach.map_or(to, |h| to.min(standing.partition_point(|e| e.min() > h)));
        let fits = to.saturating_sub(from);
        usize::from(own) + fits >= 2
    };
    let any = runs
        .iter()
        .enumerate()
        .any(|(r, (_, members))| members.iter().any(|m| fits_several(r, m)));
    if !any {
        return (runs, coarse);
    }
    let mut fine = Vec::new();
    let mut wide: Vec<Valued<'c>> = coarse.into_iter().flat_map(|(_, m)| m).collect();
    for (r, (_, members)) in runs.iter().enumerate() {
        for member in members {
            if fits_several(r, member) {
                wide.push(*member);
            } else {
                fine.push(*member);
            }
        }
    }
    // Back to sweep order.
    wide.sort_unstable_by(|a, b| {
        a.0.min()
            .total_cmp(&b.0.min())
            .then(a.0.max().total_cmp(&b.0.max()))
            .then(a.1.cmp(&b.1))
    });
    (
        sweep(fine),
        wide.into_iter()
            .map(|m| (m.0, smallvec::smallvec![m]))
            .collect(),
    )
}

/// Of each polarity, the figures of a running total's reports so far
/// that stand: figures (not coarse, not withdrawn, dated) that no later
/// report reached, as a total does not fall. A later figure reaches an
/// earlier one where its low end does: "about 600" (540–660) the day
/// after 620 allows 620 but does not say the toll reached it (twentieth
/// audit, G1). So a figure that a later one allows without reaching
/// still stands, under the later one: the two agree, and a value that
/// fits both fits one figure, not several ("hundreds" after 620 and
/// "about 600" replaces them, the sixth audit's B6). When a later
/// report reaches the figure over it (545 reaches "about 600") and not
/// the figure itself, it comes out again: 620 fell to 545, and a
/// "hundreds" after them fits both.
///
/// The figures out in the open, from the earliest report to the latest,
/// are disjoint and descend: each report takes off the top those its
/// highest low end reaches (bringing out those they held under them),
/// puts under each of its own figures those it overlaps (at most
/// [`MAX_COVERED_FIGURES`]), and puts its own on top. A figure taken off
/// brings out only those under it, so a series costs time linear in its
/// figures.
#[derive(Default)]
struct Standing {
    /// Each polarity's standing figures in the open, their intervals, by
    /// low end, highest first.
    intervals: [Vec<Interval>; 2],
    /// Their positions in `built`, beside `intervals`.
    at: [Vec<usize>; 2],
    /// The standing figures under each, beside `intervals`: those it
    /// overlapped when it came, as places in `covered`.
    under: [Vec<Vec<usize>>; 2],
    /// Every figure that went under another: its interval, its position
    /// in `built`, and those under it in turn (places here). A list, not
    /// a tree of boxes, so that a long chain of figures each under the
    /// next is let go without a recursion as deep as the chain.
    covered: Vec<(Interval, usize, Vec<usize>)>,
    /// A report's figures, kept to be reused from report to report.
    figures: Vec<(Interval, usize)>,
}

impl Standing {
    /// Takes in the report whose positions are `built[from..]`.
    fn report(&mut self, built: &[Built<'_>], from: usize, corrected: &HashMap<&ClaimId, ClaimId>) {
        for slot in 0..2 {
            let figures = &mut self.figures;
            figures.clear();
            figures.extend(built[from..].iter().enumerate().filter_map(|(k, b)| {
                let i = b.interval.filter(Interval::is_known)?;
                let stands = !b.coarse
                    && b.reported.is_some()
                    && usize::from(b.polarity == Polarity::Negative) == slot
                    && !b.all_corrected(corrected);
                stands.then_some((i, from + k))
            }));
            let Some(reach) = figures.iter().map(|(i, _)| i.min()).reduce(f64::max) else {
                continue;
            };
            let (intervals, at, under, covered) = (
                &mut self.intervals[slot],
                &mut self.at[slot],
                &mut self.under[slot],
                &mut self.covered,
            );
            // Those the report reaches are replaced; those under them
            // come out, and are taken off in turn if it reaches them.
            while intervals.last().is_some_and(|e| e.min() <= reach) {
                intervals.pop();
                at.pop();
                for c in under.pop().into_iter().flatten() {
                    let (i, k, below) = &mut covered[c];
                    intervals.push(*i);
                    at.push(*k);
                    under.push(std::mem::take(below));
                }
            }
            figures.sort_by(|a, b| b.0.min().total_cmp(&a.0.min()));
            for &(i, k) in figures.iter() {
                // Those it allows and does not reach go under it (the
                // lowest of them, past the bound).
                let cut = intervals.partition_point(|e| e.min() > i.max());
                let keep = cut.max(intervals.len().saturating_sub(MAX_COVERED_FIGURES));
                intervals.drain(cut..keep);
                at.drain(cut..keep);
                under.drain(cut..keep);
                let first = covered.len();
                covered.extend(
                    intervals
                        .drain(cut..)
                        .zip(at.drain(cut..))
                        .zip(under.drain(cut..))
                        .map(|((e, j), below)| (e, j, below)),
                );
                intervals.push(i);
                at.push(k);
                under.push((first..covered.len()).collect());
            }
        }
    }

    /// Each polarity's standing figures' positions, by low end, lowest
    /// first.
    fn ascending(&self) -> [Vec<usize>; 2] {
        self.at.clone().map(|mut at| {
            at.reverse();
            at
        })
    }
}

/// The conflicts of `relations` that rest on relays which dropped what
/// their origin said: every claim of one side relays, without it, a
/// projection (kept, the claim would stand in another scope) or a bound
/// of a version that does not conflict with the other side (kept, it
/// would give that version's figure: on the other side, or beside it).
/// A claim carries the drops that `carried` gives it (claim, version
/// whose drop of a projection, or else of a bound, it carries): a claim
/// that relayed faithfully a relay that dropped the mark (nineteenth
/// audit, F4). Such a relation's explanation says so, and each is
/// returned as (from, to, the kind dropped, what was dropped, for a
/// warning), in relation order.
///
/// The relations stay conflicts: the figures as printed do conflict, and
/// a reader of the relay's article sees that figure. What the report
/// adds is where the conflict comes from.
fn conflicts_from_drops<'f>(
    scopes: &[ScopeGroup<'_>],
    relations: &mut [PositionRelation],
    findings: &'f [RelayFinding],
    carried: &[Carried<'f>],
) -> Vec<(Arc<str>, Arc<str>, &'static str, String)> {
    use std::fmt::Write;
    // (relaying claim, version it dropped from, whether a projection was
    // dropped, the claim whose drop it carries if not its own), sorted by
    // claim: only findings that can move a claim. (Claim ids are short
    // texts held in place: comparing them reads no other memory.)
    let mut drops: Vec<(&ClaimId, &ClaimId, bool, Option<&ClaimId>)> = findings
        .iter()
        .filter_map(|f| {
            let projection = f
                .dropped
                .iter()
                .any(|d| matches!(d, Dropped::Projection(_)));
            let bound = f.dropped.iter().any(|d| matches!(d, Dropped::Bound(_)));
            (projection || bound).then_some((&f.claim, &f.origin_claim, projection, None))
        })
        .collect();
    if drops.is_empty()
        || !relations
            .iter()
            .any(|r| r.relation.kind() == RelationKind::Conflict)
    {
        return Vec::new();
    }
    drops.sort_unstable();
    // Each carried drop, from the relayed version's own: a binary search
    // for each.
    let own = drops.len();
    for &(claim, via, projection) in carried {
        let mut k = drops[..own].partition_point(|d| d.0 < via);
        while k < own && drops[k].0 == via {
            let d = drops[k];
            if d.2 == projection {
                drops.push((claim, d.1, projection, Some(via)));
            }
            k += 1;
        }
    }
    if drops.len() > own {
        drops.sort_unstable();
        drops.dedup();
    }
    let positions: Vec<&Position<'_>> = scopes.iter().flat_map(|s| s.positions.iter()).collect();
    // Each claim's drops: a slice of `drops`, empty for most, found by
    // hash. (A binary search compared ids a dozen times for each claim of
    // every position: a tenth of a large topic's time.)
    let mut runs: HashMap<&ClaimId, (usize, usize)> = HashMap::default();
    let mut start = 0;
    for run in drops.chunk_by(|a, b| a.0 == b.0) {
        runs.insert(run[0].0, (start, start + run.len()));
        start += run.len();
    }
    let drops_of = |id: &ClaimId| runs.get(id).map_or(&drops[..0], |&(a, b)| &drops[a..b]);
    // The positions every claim of which has a drop: most have a claim
    // with none, and are passed over at their first such claim.
    let candidates: Vec<usize> = (0..positions.len())
        .filter(|&p| {
            !positions[p].claims.is_empty()
                && positions[p]
                    .claims
                    .iter()
                    .all(|entry| !drops_of(&entry.claim.id).is_empty())
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let candidate = |p: usize| candidates.binary_search(&p).is_ok();
    let index: HashMap<&str, usize> = positions
        .iter()
        .enumerate()
        .map(|(p, position)| (&*position.label, p))
        .collect();
    // Each position's scope group.
    let scope_of: Vec<usize> = scopes
        .iter()
        .enumerate()
        .flat_map(|(g, scope)| std::iter::repeat_n(g, scope.positions.len()))
        .collect();
    // Whether a claim that gave position `q`'s figure would stand clear
    // of position `o`: in another scope, or with a figure that meets
    // `o`'s (a bound that fits it). Judged from the figures, not from
    // the relations, which join only neighbouring positions.
    let clear_of = |q: usize, o: usize| {
        scope_of[q] != scope_of[o]
            || match (&positions[q].interval, &positions[o].interval) {
                (Some(a), Some(b)) => a.is_known() && b.is_known() && a.overlaps(b),
                _ => match (&positions[q].period, &positions[o].period) {
                    (Some(a), Some(b)) => a.overlaps(b),
                    _ => false,
                },
            }
    };
    // The position of each version whose bound a candidate side's claim
    // dropped, found in one pass over the claims (first position holding
    // it), not by a scan of the positions for each drop and relation.
    let mut versions: HashMap<&ClaimId, usize> = candidates
        .iter()
        .flat_map(|&p| &positions[p].claims)
        .flat_map(|entry| drops_of(&entry.claim.id))
        .filter(|d| !d.2)
        .map(|d| (d.1, usize::MAX))
        .collect();
    // The pass stops once every version is placed.
    let mut unplaced = versions.len();
    'positions: for (p, position) in positions.iter().enumerate() {
        for entry in &position.claims {
            if unplaced == 0 {
                break 'positions;
            }
            if let Some(at) = versions.get_mut(&entry.claim.id)
                && *at == usize::MAX
            {
                *at = p;
                unplaced -= 1;
            }
        }
    }
    let holding = |id: &ClaimId| versions.get(id).copied().filter(|&p| p != usize::MAX);
    // For each claim of side `s` (its index), a drop that, undone, takes
    // it out of the conflict with `o`: a dropped projection (kept, the
    // claim stands in another scope), or a dropped bound of a version
    // whose figure stands clear of `o` (kept, the claim gives that
    // version's figure: a version in `o`, or one that fits it, as "at
    // least 20" fits 23). `None` unless every claim has one. Linear in the
    // side's claims, with a binary search for each: a topic can hold
    // thousands.
    let rests = |s: usize, o: usize| {
        positions[s]
            .claims
            .iter()
            .map(|entry| {
                drops_of(&entry.claim.id).iter().copied().find(|d| {
                    // A position's claims are in natural id order.
                    d.2 || positions[o]
                        .claims
                        .binary_search_by(|c| natural_cmp(c.claim.id.as_str(), d.1.as_str()))
                        .is_ok()
                        || holding(d.1).is_some_and(|q| q != s && clear_of(q, o))
                })
            })
            .collect::<Option<Vec<_>>>()
    };
    let mut found = Vec::new();
    for relation in relations
        .iter_mut()
        .filter(|r| r.relation.kind() == RelationKind::Conflict)
    {
        let (Some(&a), Some(&b)) = (index.get(&*relation.from), index.get(&*relation.to)) else {
            continue;
        };
        let Some((side, dropped)) = candidate(a)
            .then(|| rests(a, b).map(|d| (positions[a], d)))
            .flatten()
            .or_else(|| {
                candidate(b)
                    .then(|| rests(b, a).map(|d| (positions[b], d)))
                    .flatten()
            })
        else {
            continue;
        };
        // At most three named; the relay findings list them all.
        let mut detail = String::new();
        for (k, (claim, reference, projection, via)) in dropped.iter().take(3).enumerate() {
            if k > 0 {
                detail.push_str(", ");
            }
            let what = if *projection { "projection" } else { "bound" };
            match via {
                None => {
                    let _ = write!(detail, "{claim} drops the {what} of {reference}");
                }
                Some(via) => {
                    let _ = write!(
                        detail,
                        "{claim} repeats {via}'s drop of the {what} of {reference}"
                    );
                }
            }
        }
        if dropped.len() > 3 {
            let _ = write!(detail, ", and {} more", dropped.len() - 3);
        }
        let what = match (dropped.iter().any(|d| d.2), dropped.iter().any(|d| !d.2)) {
            (true, true) => "projection or bound",
            (true, false) => "projection",
            _ => "bound",
        };
        let explanation = format!(
            "{}; {} rests on relays that dropped their origin's {what}: {detail}",
            relation.relation.explanation(),
            side.label
        );
        relation.relation = Relation::new(
            RelationKind::Conflict,
            relation.relation.evidence().clone(),
            explanation,
        );
        found.push((relation.from.clone(), relation.to.clone(), what, detail));
    }
    found
}

/// "; N more claims of topic T too" for a warning that names the first
/// of `more` + 1 claims, or nothing when it names them all.
/// A warning, located at the claim, for the first of `claims` whose
/// time starts at or after another time of it ends (`times` gives the
/// two: a date said and its publication's, an as-of day and its report's),
/// the other such claims counted ([`more_claims`]); `text` writes it from
/// the claim, its two times and that count.
fn first_after(
    claims: &[&Claim],
    times: impl Fn(&Claim) -> Option<(Period, Period)>,
    topic_name: TopicName<'_>,
    text: impl Fn(&Claim, Period, Period, &str) -> String,
) -> Option<Diagnostic> {
    let mut late = claims.iter().filter_map(|&c| {
        let (time, bound) = times(c)?;
        (time.start() >= bound.end()).then_some((c, time, bound))
    });
    let (c, time, bound) = late.next()?;
    let more = more_claims(late.count(), topic_name);
    Some(Diagnostic::new(
        Severity::Warning,
        format!("claim {}", c.id),
        text(c, time, bound, &more),
    ))
}

fn more_claims(more: usize, topic_name: TopicName<'_>) -> String {
    if more == 0 {
        return String::new();
    }
    format!(
        "; {more} more claim{} of topic {topic_name} too",
        if more == 1 { "" } else { "s" }
    )
}

/// The subjects of two conflicting positions when they share none (the
/// smallest of each side): the two entities a merge joined into the
/// topic, whose claims conflict.
fn merged_sides<'c>(a: &Built<'c>, b: &Built<'c>) -> Option<(&'c EntityId, &'c EntityId)> {
    let sides = |p: &Built<'c>| -> Vec<&'c EntityId> {
        let mut ids: Vec<&'c EntityId> = p.claims.iter().map(|c| &c.subject).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let (x, y) = (sides(a), sides(b));
    let shared = x.iter().any(|id| y.binary_search(id).is_ok());
    (!shared).then(|| (x[0].min(y[0]), x[0].max(y[0])))
}

/// Coarse values, out of their runs, in runs of one value each: those of
/// one `key` together, under the `span` of the first, in key order (ties
/// in sweep order).
fn apart<T, S, K: PartialOrd + Copy>(
    runs: Runs<S, T>,
    key: impl Fn(&T) -> K,
    span: impl Fn(&T) -> S,
) -> Runs<S, T> {
    let mut members: Vec<T> = runs.into_iter().flat_map(|(_, m)| m).collect();
    // A stable sort: members keep sweep order within a key.
    members.sort_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Runs<S, T> = Vec::new();
    for member in members {
        match out.last_mut() {
            Some((_, run)) if run.first().is_some_and(|f| key(f) == key(&member)) => {
                run.push(member);
            }
            _ => out.push((span(&member), smallvec::smallvec![member])),
        }
    }
    out
}

/// Writes "; earlier, P1 and P2 conflict (and N more pairs)" for the
/// conflicts of a topic with figures since replaced, if any: history a
/// reader should find in the verdict's sentence, not only in the
/// relations.
fn push_earlier_conflicts<'r>(
    out: &mut String,
    mut earlier: impl Iterator<Item = &'r PositionRelation>,
) {
    use std::fmt::Write;
    if let Some(first) = earlier.next() {
        let more = earlier.count();
        let _ = write!(out, "; earlier, {} and {} conflict", first.from, first.to);
        if more > 0 {
            let _ = write!(
                out,
                " (and {more} more pair{})",
                if more == 1 { "" } else { "s" }
            );
        }
    }
}

/// Times sorted by start (scope times, or a series' report times), in
/// runs that share a moment: each run's common part (the latest start,
/// the earliest end) and its members. A time joins the run when it starts
/// before that part ends; sorted by start, it then meets every member.
fn sweep_times<T>(items: Vec<T>, span: impl Fn(&T) -> Span) -> Runs<Meet, T> {
    let mut runs: Runs<Meet, T> = Vec::new();
    for item in items {
        let (start, end) = span(&item);
        match runs.last_mut() {
            Some((meet, run)) if start < meet.1 => {
                meet.0 = meet.0.max(start);
                meet.1 = meet.1.min(end);
                run.push(item);
            }
            _ => runs.push(((start, end), smallvec::smallvec![item])),
        }
    }
    runs
}

/// True when two spans `[start, end)` share a moment.
fn spans_meet(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The moment that a run of scope times share: from its latest start to
/// its earliest end.
type Meet = (chrono::NaiveDateTime, chrono::NaiveDateTime);

/// The runs of `dated` (sorted by span) whose spans overlap, each with its
/// running span (its first start to its latest end) and its members'
/// places and claims, in `dated`'s order. Each run is a stretch of
/// `dated`, found before its members are copied out, at their number: a
/// run grown a claim at a time was copied at each doubling.
fn overlapping_runs<T: Copy>(dated: &[(Span, usize, T)]) -> Vec<(Span, Vec<(usize, T)>)> {
    let mut runs = Vec::new();
    let mut from = 0;
    while let Some(&(mut run, _, _)) = dated.get(from) {
        let mut to = from + 1;
        while let Some(&(span, _, _)) = dated.get(to)
            && span.0 < run.1
        {
            run.1 = run.1.max(span.1);
            to += 1;
        }
        let members = dated[from..to].iter().map(|&(_, k, c)| (k, c)).collect();
        runs.push((run, members));
        from = to;
    }
    runs
}

/// Refills `words` with the words of `normalized`, as [`split_words`]
/// splits them: one list for a position's wordings, not one each.
fn fill_words<'t>(words: &mut Vec<&'t str>, normalized: &'t str) {
    words.clear();
    words.extend(crate::model::words(normalized));
}

/// The label of the `n`th position of a topic, "P" and its number, made
/// straight into the text the position and its relations share: written
/// in a buffer on the stack, not first into a string of its own.
fn position_label(n: usize) -> Arc<str> {
    let mut buffer = [b'P'; 21];
    let start = crate::quantity::decimal_digits_before(&mut buffer, 21, n as u64);
    // A "P" and ASCII digits: always UTF-8.
    Arc::from(std::str::from_utf8(&buffer[start - 1..]).unwrap_or_default())
}

/// Writes `n` in decimal digits onto `out`, without the formatting
/// machinery: every position's label is "P" and its number.
fn push_decimal(out: &mut String, n: usize) {
    let mut buffer = [0u8; 20];
    let start = crate::quantity::decimal_digits_before(&mut buffer, 20, n as u64);
    for &digit in &buffer[start..] {
        out.push(char::from(digit));
    }
}

/// One side of two positions ordered in time, as a relation's sentence
/// names it: "P1 (2015-01-01)" or "P3 (2015-01-01), which P1 corrects"
/// for the earlier; "P2, reported later (2015-01-02)" or "P2, a correction
/// of c7, which was reported later (2015-01-02)" for the later. Written
/// into the sentence, not into a string of its own: a topic of 10,000
/// claims orders some 10,000 pairs so.
struct InTime<'l> {
    label: &'l str,
    /// The claim a correction stands for, whose time is shown.
    placed: Option<&'l ClaimId>,
    time: Period,
    later: bool,
    /// The time is when the figure held, "as of" it, not when it was
    /// reported: "P1 (as of 2024-02-28)", "P2, as of a later time
    /// (2024-03-07)" (twentieth audit, G4).
    as_of: bool,
}

impl InTime<'_> {
    /// Writes the side piece by piece, without the formatting machinery:
    /// the pieces before its time, the time, and the pieces after.
    fn write_to<W: std::fmt::Write>(&self, out: &mut W) -> std::fmt::Result {
        let Self {
            label,
            placed,
            time,
            later,
            as_of,
        } = self;
        let (open, later_open, correction_later) = if *as_of {
            (
                " (as of ",
                ", as of a later time (",
                ", which is as of a later time (",
            )
        } else {
            (" (", ", reported later (", ", which was reported later (")
        };
        let (before, after): ([&str; 4], [&str; 3]) = match (placed.map(ClaimId::as_str), later) {
            (None, false) => ([label, open, "", ""], [")", "", ""]),
            (Some(k), false) => ([k, open, "", ""], ["), which ", label, " corrects"]),
            (None, true) => ([label, later_open, "", ""], [")", "", ""]),
            (Some(k), true) => (
                [label, ", a correction of ", k, correction_later],
                [")", "", ""],
            ),
        };
        for piece in before {
            out.write_str(piece)?;
        }
        time.write_to(out)?;
        for piece in after {
            out.write_str(piece)?;
        }
        Ok(())
    }
}

impl std::fmt::Display for InTime<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

/// The relation of a coarse position to one it fits, which overlaps it:
/// refined by it (or refining it) when one lies within the other, else
/// compatible, with the number of positions the coarse one fits.
fn coarse_relation(
    a: &Built<'_>,
    b: &Built<'_>,
    [la, lb]: [&str; 2],
    evidence: RelationEvidence,
    mut text: String,
) -> Relation {
    use std::fmt::Write;
    let spans = value_span(a)
        .zip(value_span(b))
        .map(|((a0, a1), (b0, b1))| (a0, a1, b0, b1));
    let (coarse, other, count) = if a.coarse {
        (la, lb, a.fits)
    } else {
        (lb, la, b.fits)
    };
    let (kind, inside) = match spans {
        Some((a0, a1, b0, b1)) if a0 <= b0 && b1 <= a1 && a.coarse => {
            (RelationKind::RefinedBy, true)
        }
        Some((a0, a1, b0, b1)) if b0 <= a0 && a1 <= b1 && b.coarse => (RelationKind::Refines, true),
        _ => (RelationKind::Compatible, false),
    };
    let within = if inside { "lies within" } else { "overlaps" };
    if count == 1 {
        // A wider value beside one it fits, whose shared value it does
        // not state (`split_unstated`).
        let _ = write!(
            text,
            ": {other} {within} {coarse}, which fits it without stating it, so {coarse} is counted apart, not in support of it"
        );
    } else {
        let _ = write!(
            text,
            ": {other} {within} {coarse}, which fits {count} positions, so {coarse} is counted apart, in support of none of them"
        );
    }
    Relation::new(kind, evidence, text)
}

/// A position's value as a closed numeric span, for ordering: its
/// interval, or its period in seconds.
fn value_span(b: &Built<'_>) -> Option<(f64, f64)> {
    let seconds = |t: chrono::NaiveDateTime| t.and_utc().timestamp() as f64;
    match (b.interval, b.period) {
        (Some(i), _) => Some((i.min(), i.max())),
        (_, Some(p)) => Some((seconds(p.start()), seconds(p.end()))),
        _ => None,
    }
}

/// When one origin's own two claims, one on each side of a conflict,
/// are at odds ([`Analyzer::push_shared_origin`]).
#[derive(Clone, Copy)]
enum AtOdds {
    /// Their intervals (both known) or periods do not overlap.
    Apart,
    /// The second, reported later, is a running total wholly below the
    /// first.
    Fell,
    /// Always: different texts or statements.
    Differ,
}

/// A position under construction.
/// A topic's property and what the policy says of it, looked up once
/// for the topic rather than for each pair of positions.
struct SeriesOf<'p> {
    property: &'p Property,
    /// The word of [`Policy::series`].
    word: Option<&'static str>,
    /// [`Policy::is_cumulative`].
    cumulative: bool,
}

struct Built<'c> {
    claims: Vec<&'c Claim>,
    /// For a quote position, each member's normalized wording, as the
    /// clustering found it; else empty.
    quote_texts: Vec<String>,
    polarity: Polarity,
    interval: Option<Interval>,
    period: Option<Period>,
    value: String,
    comparable: bool,
    superseded_by: Option<ClaimId>,
    reported: Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
    /// In a series, whether a claim of the position is given "as of" a
    /// day that is not its report's: the position's time is when its
    /// figure held, and the sentences say "as of" it rather than
    /// "reported" (twentieth audit, G4).
    as_of: bool,
    /// For a position of a series none of whose claims was reported at
    /// its report time: the claim whose time that is, which a claim of
    /// the position corrects (followed back through a chain of
    /// corrections). A correction stands where the figure it corrects
    /// stood, and the sentences say so rather than give that time as
    /// the correction's own.
    placed: Option<ClaimId>,
    /// True for a position of values that fit more than one of the
    /// others ("March" beside "March 9" and "March 10"): it stands apart,
    /// related to the first and last position it fits, so that it
    /// supports none.
    coarse: bool,
    /// For a coarse position, how many positions it fits.
    fits: usize,
    /// Later quote positions with a wording that negates one of this
    /// position's: (position, this position's wording, its wording).
    negations: Vec<(usize, usize, usize)>,
}

impl Built<'_> {
    fn all_corrected(&self, corrected: &HashMap<&ClaimId, ClaimId>) -> bool {
        self.claims.iter().all(|c| corrected.contains_key(&c.id))
    }
}

/// Whether a time is one day or a finer time within it (an hour, a
/// minute): in a series, a figure's time so fine is when it held, "as
/// of" it, and no period of its own.
fn day_or_finer(time: &Period) -> bool {
    time.is_single_unit() && time.precision() <= crate::period::Precision::Day
}

impl<'a, 'p> Analyzer<'a, 'p> {
    fn scope_groups<'s, 'c>(
        &self,
        claims: &'s [&'c Claim],
        // Whether the topic's property is cumulative or current
        // ([`Policy::series`]).
        series_property: bool,
    ) -> smallvec::SmallVec<[Group<'s, 'c>; 1]> {
        // Key: value kind, projected or not, a projection's horizon,
        // population, unit of measure (12,000 acres and 12,000 hectares
        // are two figures, not one). A projection "by 2030" and one "by
        // 2050" are two facts, as two populations are: they had shared
        // one scope, labelled with the first horizon, and conflicted
        // (fifteenth audit, A3). As with populations, a projection whose
        // horizon is not stated stands apart from those whose is.
        let vocabulary = self.policy.vocabulary();
        // The last unit looked up, by its text's address and length:
        // units are shared texts, and most topics have one or two.
        type Looked<'v> = Option<((usize, usize), Option<&'v str>)>;
        let last: std::cell::Cell<Looked<'_>> = std::cell::Cell::new(None);
        let measure = |c: &Claim| match &c.value {
            Value::Quantity(q) => q.unit().and_then(|unit| {
                let key = (unit.as_ptr() as usize, unit.len());
                match last.get() {
                    Some((seen, found)) if seen == key => found,
                    _ => {
                        let found = vocabulary.measure(unit);
                        last.set(Some((key, found)));
                        found
                    }
                }
            }),
            _ => None,
        };
        // Most topics hold one kind of value, no population, no unit of
        // measure and one sense of projection: one key, found without
        // building a key per claim.
        fn horizon(c: &Claim) -> Option<&str> {
            c.scope
                .horizon
                .as_deref()
                .filter(|_| c.scope.status == Status::Projected)
        }
        let plain_key = |c: &Claim| {
            (c.scope.population.is_none() && horizon(c).is_none() && measure(c).is_none())
                .then(|| (scope_kind(&c.value), c.scope.status == Status::Projected))
        };
        let first_key = claims.first().and_then(|c| plain_key(c));
        let one_key = first_key.filter(|_| claims.iter().all(|c| plain_key(c) == first_key));
        // That one key's group is the topic's claims, borrowed: neither
        // copied nor put in a map of its own.
        let one_group =
            one_key.map(|(kind, projected)| (kind, projected, "", Cow::Borrowed(claims)));
        // A figure given with no unit of measure is in the topic's one
        // measure, if it has one ("12,000" beside "15,000 acres"); beside
        // two measures it cannot be placed, and stands apart.
        let mut only_measure: Option<Option<&str>> = None;
        if one_key.is_none() {
            for claim in claims {
                if let Some(m) = measure(claim) {
                    only_measure = match only_measure {
                        None => Some(Some(m)),
                        Some(Some(seen)) if seen == m => Some(Some(m)),
                        Some(_) => Some(None),
                    };
                }
            }
        }
        let only_measure = only_measure.flatten().unwrap_or("");
        // Claims of several keys are grouped by their keys' ranks: each
        // part of a key is numbered once for each distinct text (a
        // topic's claims share a few populations, horizons and measures,
        // as `Arc<str>` texts), normalized once, and ranked among the
        // others, so that grouping compares integers. The groups come in
        // the order of the keys themselves, part by part. (A map keyed by
        // the texts, with a population normalized for every claim, was
        // the topic's costliest line at 1M claims.)
        let mut keyed: BTreeMap<RankedKey, RankedGroup<'_, 'c>> = BTreeMap::new();
        if one_key.is_none() {
            let mut kinds: Interned<'static> = Interned::default();
            let mut horizons = Interned::default();
            let mut populations = Interned::default();
            let mut measures = Interned::default();
            let numbered: Vec<(RankedKey, &'c Claim)> = claims
                .iter()
                .map(|claim| {
                    let measure = measure(claim).unwrap_or(match claim.value {
                        Value::Quantity(_) => only_measure,
                        _ => "",
                    });
                    let key = (
                        kinds.id(scope_kind(&claim.value)),
                        claim.scope.status == Status::Projected,
                        horizons.id(horizon(claim).unwrap_or("")),
                        populations.id(claim.scope.population.as_deref().unwrap_or("")),
                        measures.id(measure),
                    );
                    (key, *claim)
                })
                .collect();
            let kind_ranks = kinds.ranks(Cow::Borrowed);
            let horizon_ranks = horizons.ranks(|h| Cow::Owned(normalize_text(h)));
            let population_ranks = populations.ranks(|p| Cow::Owned(normalize_text(p)));
            let measure_ranks = measures.ranks(Cow::Borrowed);
            for ((kind, projected, horizon, population, measure), claim) in numbered {
                let ranked = (
                    kind_ranks[kind as usize],
                    projected,
                    horizon_ranks[horizon as usize],
                    population_ranks[population as usize],
                    measure_ranks[measure as usize],
                );
                keyed
                    .entry(ranked)
                    .or_insert_with(|| {
                        (
                            kinds.texts[kind as usize],
                            measures.texts[measure as usize],
                            Vec::new(),
                        )
                    })
                    .2
                    .push(claim);
            }
        }
        // A topic that mixes kinds of value names each group's kind, so
        // that its scopes are told apart ("quantity" and "text", not "as
        // stated" twice).
        let mixed_kinds = keyed
            .keys()
            .zip(keyed.keys().skip(1))
            .any(|(a, b)| a.0 != b.0);
        // Mostly one group: held inline, not allocated.
        let mut groups = smallvec::SmallVec::new();
        let keyed = keyed
            .into_iter()
            .map(|((_, projected, _, _, _), (kind, measure, members))| {
                (kind, projected, measure, Cow::Owned(members))
            });
        for (kind, projected, measure, members) in one_group.into_iter().chain(keyed) {
            // Split by time: runs of scope times that share a moment. A
            // time that spans two runs (a month beside two of its weeks)
            // stands apart, as a coarse value does among positions: it
            // must not join two weeks that do not meet into one scope,
            // where their counts would conflict. A span written as one
            // ("2023-10-09/2023-10-15") is a period a figure covers, so it
            // is compared only with times of the same extent: a week's
            // count and the month's total are different periods, however
            // many other weeks the topic holds.
            // In a series (a running total, a current value), a figure's
            // time that is the day it was reported, or a finer time of
            // it, says "as of its report": the series orders it by that
            // report, and it is no scope of its own. Tolls given "as of"
            // each day had stood in scopes of their own, side by side,
            // so that 3,400 then 3,100 was "not a conflict" and nothing
            // was superseded (seventeenth audit, C2). So too a day that
            // is not its report's: a running total is given "as of" a
            // day, most often a data cut-off a day or two before the
            // report, and it held then; the series orders it by that day
            // (`as_of_time`). Each such day had been a scope of its own,
            // and a total that fell was "a difference of scope"
            // (twentieth audit, G4). A month or a year is still a period
            // of its own: a monthly count is that month's figure.
            let series = series_property && matches!(kind, "quantity" | "share");
            let scope_time = |c: &Claim| c.scope.time.filter(|t| !(series && day_or_finer(t)));
            let (mut spans, mut timed): (Vec<(Period, usize, &Claim)>, Vec<_>) = members
                .iter()
                .enumerate()
                .filter_map(|(k, c)| scope_time(c).map(|t| (t, k, *c)))
                .partition(|(t, _, _)| !t.is_single_unit());
            // `members` is in id order and each claim carries its place
            // there: ties stay in id order without comparing ids.
            timed.sort_unstable_by_key(|&(t, k, _)| (t.start(), t.end(), k));
            spans.sort_unstable_by_key(|&(t, k, _)| (t.start(), t.end(), k));
            let runs = split_coarse(
                sweep_times(timed, |m| m.0.interval()),
                |m| m.0.interval(),
                spans_meet,
                |_| true,
                |items| sweep_times(items, |m| m.0.interval()),
            );
            let mut same_extent: Runs<Meet, (Period, usize, &Claim)> = Vec::new();
            for span in spans {
                let extent = (span.0.start(), span.0.end());
                match same_extent.last_mut() {
                    Some((last, run)) if *last == extent => run.push(span),
                    _ => same_extent.push((extent, smallvec::smallvec![span])),
                }
            }
            let mut runs: Vec<(Vec<&Claim>, Period, usize)> = runs
                .0
                .into_iter()
                .chain(runs.1)
                .chain(same_extent)
                .filter_map(|(_, run)| {
                    let (first, _, _) = *run.first()?;
                    let span = run
                        .iter()
                        .fold(first, |span, m| Period::span(span, m.0).unwrap_or(span));
                    let place = run.iter().map(|m| m.1).min().unwrap_or(0);
                    Some((run.into_iter().map(|m| m.2).collect(), span, place))
                })
                .collect();
            runs.sort_unstable_by_key(|&(_, span, place)| (span.start(), span.end(), place));
            let first = &members[0];
            // "estimated or observed; civilians; 2021-08", written into one
            // string: parts joined with "; ", or "as stated" for none. In a
            // topic of mixed kinds the kind comes first ("quantity; 2021").
            // The named statuses present among the group's members, in
            // `Status` order: found once for the group, not for each of
            // its runs' labels (a group of a run per claim had read every
            // member's status for every run, quadratic in the group).
            const NAMED: [Status; 3] = [Status::Observed, Status::Estimated, Status::Projected];
            let mut named = [false; 3];
            if !projected {
                for claim in members.iter() {
                    if let Some(k) = NAMED.iter().position(|&s| s == claim.scope.status) {
                        named[k] = true;
                    }
                }
            }
            let base_label = |time: Option<Period>| -> String {
                use std::fmt::Write;
                let mut label = String::with_capacity(32);
                let next_part = |label: &mut String| {
                    if !label.is_empty() {
                        label.push_str("; ");
                    }
                };
                if mixed_kinds {
                    label.push_str(kind);
                }
                if projected {
                    next_part(&mut label);
                    label.push_str("projected");
                    // One horizon, as normalized, for the group: the first
                    // member's wording of it.
                    if let Some(h) = first.scope.horizon.as_deref() {
                        push_horizon(&mut label, h);
                    }
                } else {
                    // The named statuses present, in `Status` order.
                    let mut first_named = true;
                    for (status, present) in NAMED.into_iter().zip(named) {
                        if present {
                            if first_named {
                                next_part(&mut label);
                            } else {
                                label.push_str(" or ");
                            }
                            first_named = false;
                            label.push_str(status.as_str());
                        }
                    }
                }
                if let Some(population) = &first.scope.population {
                    next_part(&mut label);
                    push_scope_text(&mut label, population);
                }
                if !measure.is_empty() {
                    next_part(&mut label);
                    label.push_str("in ");
                    push_scope_text(&mut label, measure);
                }
                if let Some(time) = time {
                    next_part(&mut label);
                    let _ = write!(label, "{time}");
                }
                if label.is_empty() {
                    label.push_str("as stated");
                }
                label
            };
            // A figure "as of" its report is no claim without a time: it
            // is of its report's day, not of the one run's. Beside a
            // figure of another day ("1,500 died on the first day"), the
            // running total's "as of" figures had joined that day's scope,
            // and the first day's count read as the total fallen
            // (nineteenth audit, F2); they stand apart, as beside two runs.
            let as_of_any = series
                && members
                    .iter()
                    .any(|c| c.scope.time.is_some() && scope_time(c).is_none());
            if runs.is_empty() || (runs.len() == 1 && !as_of_any) {
                // One run or none: the group is every member, in id order.
                // Claims with no scope time join the one run of times
                // there is (most topics give a time in one claim or none,
                // and the others are about the same moment), and the label
                // says they are there: it had given them the run's time,
                // "2019" for a figure that gives none (fifteenth audit,
                // A5).
                // Figures "as of" their reports that all give one day
                // are labelled with it.
                let time = runs.first().map(|&(_, span, _)| span).or_else(|| {
                    let first = members.first()?.scope.time?;
                    members
                        .iter()
                        .all(|c| c.scope.time == Some(first))
                        .then_some(first)
                });
                let mut label = base_label(time);
                if time.is_some() && members.iter().any(|c| c.scope.time.is_none()) {
                    label.push_str("; or time not given");
                }
                groups.push(Group {
                    kind,
                    label,
                    claims: members,
                });
            } else {
                for (mut run, span, _) in runs {
                    run.sort_by(|a, b| a.id.cmp(&b.id));
                    groups.push(Group {
                        kind,
                        label: base_label(Some(span)),
                        claims: Cow::Owned(run),
                    });
                }
                let untimed: Vec<&Claim> = members
                    .iter()
                    .copied()
                    .filter(|c| scope_time(c).is_none())
                    .collect();
                if !untimed.is_empty() {
                    let as_of = untimed.iter().filter(|c| c.scope.time.is_some()).count();
                    // A day other than its report's is named on the
                    // claim's line (`ClaimEntry::as_of`).
                    let own_day = untimed.iter().any(|c| self.as_of_time(c).is_some());
                    let which = match (as_of, own_day) {
                        (0, _) => "time not given",
                        (n, false) if n == untimed.len() => "as of each report",
                        (n, true) if n == untimed.len() => "as of each claim's day or report",
                        (_, false) => "time not given, or as of each report",
                        (_, true) => "time not given, or as of each claim's day or report",
                    };
                    groups.push(Group {
                        kind,
                        label: format!("{}; {which}", base_label(None)),
                        claims: Cow::Owned(untimed),
                    });
                }
            }
        }
        groups
    }

    /// Marks as corrected, with the correction, each restatement of a
    /// corrected figure: a claim of the same value as the corrected one,
    /// from the same one origin, reported from the corrected figure's report
    /// on and before the correction was. A
    /// correction withdraws its origin's figure wherever it was printed
    /// by then; an outlet's later restatement of the agency's 250 had
    /// stood over the agency's correction to 220, as a later report, and
    /// brought the withdrawn figure back (seventeenth audit, C3). The
    /// claims of a value are found by their interval, so the cost is the
    /// corrections' and their values' claims, not a pass per correction.
    /// Returns each restatement with the corrected claim's place in
    /// `claims`: in a series it stands where that claim stood.
    fn withdraw_restatements<'c>(
        &self,
        claims: &[&'c Claim],
        superseded_by: &mut HashMap<&'c ClaimId, ClaimId>,
    ) -> HashMap<&'c ClaimId, usize>
    where
        'a: 'c,
    {
        let mut restated = HashMap::default();
        let vocabulary = self.policy.vocabulary();
        // A figure is keyed by the number it gives, whatever bound or
        // hedge is written over it, as the relay check anchors it: an
        // outlet's "at least 7,200" citing the agency restates the
        // agency's 7,200, with a bound added on the way, and is withdrawn
        // with it (nineteenth audit, F5). A range is keyed by its ends; a
        // vague phrase by its interval.
        let key = |c: &Claim| match &c.value {
            Value::Quantity(q) => match q.amount() {
                Amount::Exact(v)
                | Amount::AtLeast { value: v, .. }
                | Amount::AtMost { value: v, .. }
                | Amount::Approximate { value: v, .. } => {
                    let bits = crate::quantity::signless(*v).to_bits();
                    Some((bits, bits))
                }
                Amount::Range { min, max } => Some((
                    crate::quantity::signless(*min).to_bits(),
                    crate::quantity::signless(*max).to_bits(),
                )),
                Amount::Vague { .. } => {
                    let i = q.interval(vocabulary);
                    i.is_known().then(|| (i.min().to_bits(), i.max().to_bits()))
                }
            },
            _ => None,
        };
        let mut by_value: HashMap<(u64, u64), Vec<&'c Claim>> = HashMap::default();
        for &claim in claims {
            if let Some(k) = key(claim) {
                by_value.entry(k).or_default().push(claim);
            }
        }
        for &correction in claims {
            let Some(place) = correction
                .corrects
                .as_ref()
                .and_then(|id| place_of(claims, id))
            else {
                continue;
            };
            let corrected = claims[place];
            let (Some(value), Some(by)) = (key(corrected), self.reported(correction)) else {
                continue;
            };
            // Restatements come between the figure and its correction: the
            // same value given before the corrected figure was that day's
            // own figure, which the correction does not take back (a
            // current count may come back to an earlier value; nineteenth
            // audit, F6).
            let from = self.reported(corrected).map(|p| p.start());
            for &other in by_value.get(&value).into_iter().flatten() {
                if other.id == corrected.id
                    || other.id == correction.id
                    || other.corrects.is_some()
                    || superseded_by.contains_key(&other.id)
                    || self.reported(other).is_none_or(|at| {
                        at.start() >= by.start() || from.is_some_and(|from| at.start() < from)
                    })
                    || self.origins(&[corrected, other]).0.len() != 1
                {
                    continue;
                }
                superseded_by.insert(&other.id, correction.id.clone());
                restated.insert(&other.id, place);
            }
        }
        restated
    }

    /// Places at its own report time each correction of `dated` (a scope
    /// group's dated claims, each with its span in the series) that
    /// stands where the figure it corrects stood, earlier, where a report
    /// of the series meets the correction's own time and none stands
    /// between the two. A report of a correction's own time is not later
    /// than the correction and does not supersede it: the agency's 6,900
    /// of the 10th, correcting the 9th's 7,200, and WHO's "about 7,000"
    /// of the 10th agree, and had read as a replacement (seventeenth
    /// audit, C3b). A correction stands where its figure stood so as not
    /// to override the reports made between (`series_place`); with none,
    /// it overrides nothing at its own time. It stays where its figure
    /// stood if the reports of its own time do not all meet one another
    /// (hours of its day): there it could not be placed among them.
    /// Withdrawn claims are no report. The reports are sorted once, so
    /// each correction costs a few binary searches.
    fn place_corrections_at_own_time<'c>(
        &self,
        dated: &mut [(Span, usize, &'c Claim)],
        superseded_by: &HashMap<&ClaimId, ClaimId>,
    ) {
        // A correction's own report time, if it is later than its place.
        let own_time = |&(place, _, c): &(Span, usize, &'c Claim)| -> Option<Span> {
            if c.corrects.is_none() || superseded_by.contains_key(&c.id) {
                return None;
            }
            let own = self.series_own_time(c)?.interval();
            (place.1 <= own.0).then_some(own)
        };
        if !dated.iter().any(|d| own_time(d).is_some()) {
            return;
        }
        // The reports that stand, by end (then start), and their starts
        // in order.
        let mut by_end: Vec<Span> = dated
            .iter()
            .filter(|(_, _, c)| !superseded_by.contains_key(&c.id))
            .map(|&(span, _, _)| span)
            .collect();
        by_end.sort_unstable_by_key(|&(start, end)| (end, start));
        let mut starts: Vec<chrono::NaiveDateTime> = by_end.iter().map(|s| s.0).collect();
        starts.sort_unstable();
        // The latest start of the reports ending by each one's end, and
        // the earliest of those ending from it on.
        let mut latest_start = Vec::with_capacity(by_end.len());
        for &(start, _) in &by_end {
            let latest = latest_start
                .last()
                .map_or(start, |&l: &chrono::NaiveDateTime| l.max(start));
            latest_start.push(latest);
        }
        let mut earliest_start = vec![chrono::NaiveDateTime::MAX; by_end.len()];
        for k in (0..by_end.len()).rev() {
            let later = earliest_start
                .get(k + 1)
                .copied()
                .unwrap_or(chrono::NaiveDateTime::MAX);
            earliest_start[k] = later.min(by_end[k].0);
        }
        // The reports that stand, by the voice of their origin and then
        // by start: where the correction's own origin reported at its own
        // time, the correction is of an earlier time than that report.
        // An agency's release that gives today's toll and corrects
        // yesterday's had set the correction against the new toll, one
        // origin "contesting" itself (nineteenth audit, F1).
        let mut by_voice: Vec<(Voice<'_>, Span)> = dated
            .iter()
            .filter(|(_, _, c)| !superseded_by.contains_key(&c.id))
            .filter_map(|&(span, _, c)| Some((self.voice(c.assertion.origin()?), span)))
            .collect();
        by_voice.sort_unstable();
        let own_voice_reported = |c: &'c Claim, own: Span| {
            let Some(voice) = c.assertion.origin().map(|o| self.voice(o)) else {
                return false;
            };
            let first = by_voice.partition_point(|e| e.0 < voice);
            by_voice[first..]
                .iter()
                .take_while(|e| e.0 == voice && e.1.0 < own.1)
                .any(|e| e.1.1 > own.0)
        };
        for entry in dated.iter_mut() {
            let Some(own) = own_time(entry) else {
                continue;
            };
            let place = entry.0;
            if own_voice_reported(entry.2, own) {
                continue;
            }
            // The reports that end by the correction's own time.
            let ended = by_end.partition_point(|s| s.1 <= own.0);
            // One of them began once its figure's time was over: a report
            // between the two.
            if ended > 0 && latest_start[ended - 1] >= place.1 {
                continue;
            }
            // None of the others begins before its own time ends: no
            // report of its time.
            if earliest_start
                .get(ended)
                .is_none_or(|&start| start >= own.1)
            {
                continue;
            }
            // Reports of its time that do not all meet: one ends by the
            // latest start among them.
            let within = starts.partition_point(|&start| start < own.1);
            let latest = starts[..within]
                .last()
                .map_or(own.0, |&start| start.max(own.0));
            if by_end.partition_point(|s| s.1 <= latest) > ended {
                continue;
            }
            entry.0 = own;
        }
    }

    /// Whether `time`, a claim's scope time, is the day the claim was
    /// reported or a finer time within it: a figure "as of" its report.
    ///
    /// A correction's time may also be the day of the report it corrects:
    /// it stands where its figure stood (`series_place`), so its figure
    /// is "as of" that report. An agency's correction of its Feb 9 toll,
    /// issued on the 10th and dated the 9th, had been a scope of its own,
    /// related to nothing it corrects (nineteenth audit, F9).
    fn as_of_report(&self, claim: &Claim, time: &Period) -> bool {
        let a_day = day_or_finer;
        let of_its_day = |c: &Claim| {
            self.reported(c).is_some_and(|report| {
                a_day(&report) && report.start().date() == time.start().date()
            })
        };
        a_day(time)
            && (of_its_day(claim)
                || claim
                    .corrects
                    .as_ref()
                    .and_then(|id| self.corpus.claim(id))
                    .is_some_and(of_its_day))
    }

    /// In a series, the day (or finer time) a figure is given "as of",
    /// where it is not the day of its report: its scope time, of a day
    /// or finer. A situation report's running total is "as of" a data
    /// cut-off a day or two before it is published, and it holds then,
    /// not when it was printed (twentieth audit, G4). A time of the
    /// claim's report day (or, for a correction, of the day of the
    /// report it corrects) gives none: the claim is ordered by its
    /// report, a finer time where it has one. Only for the claims of a
    /// series (a cumulative or current quantity or share).
    fn as_of_time(&self, claim: &Claim) -> Option<Period> {
        claim
            .scope
            .time
            .filter(|t| day_or_finer(t) && !self.as_of_report(claim, t))
    }

    /// Where a claim of a series stands in it, of its own: the day it is
    /// given "as of" ([`Analyzer::as_of_time`]), or else its report time.
    fn series_own_time(&self, claim: &Claim) -> Option<Period> {
        self.as_of_time(claim).or_else(|| self.reported(claim))
    }

    /// Forms positions from claims of one scope group and one polarity,
    /// given in id order. Each position's claims come out in natural id
    /// order ([`natural_cmp`]: `line-2` before `line-10`), the order the
    /// report lists them in; the grouping itself works on id order.
    /// `standing` holds, for a dated report of a running total, the
    /// figures of earlier reports that stand when it comes ([`Standing`],
    /// highest first): a value that fits several of them and its own
    /// report's figures is coarse.
    fn positions<'c>(
        &self,
        claims: &[&'c Claim],
        corrected: &HashMap<&ClaimId, ClaimId>,
        standing: &[Interval],
        diagnostics: &mut Vec<Diagnostic>,
        topic_name: TopicName<'_>,
    ) -> Vec<Built<'c>> {
        let vocabulary = self.policy.vocabulary();
        // The caller gives claims of one polarity.
        let denial = Self::effective_polarity(claims[0]) == Polarity::Negative;
        let new = |claims: Vec<&'c Claim>, value: String| Built {
            claims,
            quote_texts: Vec::new(),
            polarity: Polarity::Positive,
            interval: None,
            period: None,
            value,
            comparable: true,
            superseded_by: None,
            reported: None,
            as_of: false,
            placed: None,
            coarse: false,
            fits: 0,
            negations: Vec::new(),
        };
        let mut out = Vec::new();
        match &claims[0].value {
            Value::Quantity(_) => {
                // Claims carry their place in `claims` (id order): ties and
                // the members' order are settled on integers, not ids.
                let mut known: Vec<(Interval, usize, &'c Claim)> = Vec::with_capacity(claims.len());
                let mut unknown: BTreeMap<String, Vec<&'c Claim>> = BTreeMap::new();
                for (k, claim) in claims.iter().enumerate() {
                    let Value::Quantity(q) = &claim.value else {
                        continue;
                    };
                    let interval = q.interval(vocabulary);
                    if interval.is_known() {
                        // A hedged amount's best estimate is checked here,
                        // against the interval the vocabulary gives the
                        // hedge: loading has no vocabulary to say.
                        if let Some(best) = q.best().filter(|_| q.qualifier().is_some())
                            && !(interval.min()..=interval.max()).contains(&best)
                        {
                            let mut shown = String::with_capacity(16);
                            push_interval(&mut shown, &interval);
                            diagnostics.push(Diagnostic::new(
                                Severity::Warning,
                                format!("claim {}", claim.id),
                                format!(
                                    "best estimate {} lies outside {} ({shown} in vocabulary {:?}); the interval is compared, and the best estimate is not",
                                    crate::quantity::format_number(best),
                                    q,
                                    vocabulary.name()
                                ),
                            ));
                        }
                        known.push((interval, k, claim));
                    } else {
                        // A bound over a phrase whose end is not the
                        // bound, or that the vocabulary lacks, says so
                        // (seventeenth audit, D2).
                        let message = match q.check_bound_phrase(vocabulary) {
                            Err(error) => format!("{error}; the claim is shown but not compared"),
                            Ok(()) => format!(
                                "{:?} is not in vocabulary {:?}; the claim is shown but not compared",
                                q.to_string(),
                                vocabulary.name()
                            ),
                        };
                        diagnostics.push(Diagnostic::new(
                            Severity::Warning,
                            format!("claim {}", claim.id),
                            message,
                        ));
                        unknown.entry(q.to_string()).or_default().push(claim);
                    }
                }
                known.sort_unstable_by(|a, b| {
                    a.0.min()
                        .total_cmp(&b.0.min())
                        .then(a.0.max().total_cmp(&b.0.max()))
                        .then(a.1.cmp(&b.1))
                });
                // Sweep with the running intersection of the intervals.
                type Member<'c> = (Interval, usize, &'c Claim);
                let sweep = |items: Vec<Member<'c>>| {
                    let mut runs: Runs<Interval, Member<'c>> = Vec::new();
                    for item in items {
                        match runs.last_mut() {
                            Some((running, members)) if running.overlaps(&item.0) => {
                                *running = running.intersect(&item.0).unwrap_or(*running);
                                members.push(item);
                            }
                            _ => runs.push((item.0, smallvec::smallvec![item])),
                        }
                    }
                    runs
                };
                let (runs, coarse) = if denial {
                    // Denials are not narrowed to what they share: each
                    // denies all of its interval, so a position of them
                    // holds one interval ("more than 100,000" and "more
                    // than 50,000" denied are two denials, and the second
                    // still denies 70,000). None is coarse.
                    let alone = known
                        .into_iter()
                        .map(|m| (m.0, smallvec::smallvec![m]))
                        .collect();
                    (
                        apart(alone, |m| (m.0.min(), m.0.max()), |m| m.0),
                        Vec::new(),
                    )
                } else {
                    let (runs, mut coarse) = split_coarse(
                        sweep(known),
                        |m| m.0,
                        |a, b| a.overlaps(&b),
                        |m| !corrected.contains_key(&m.2.id),
                        sweep,
                    );
                    let (runs, unstated) = split_unstated(runs, |m| m.0);
                    if !unstated.is_empty() {
                        coarse.extend(unstated.into_iter().map(|m| (m.0, smallvec::smallvec![m])));
                    }
                    let (runs, coarse) = if standing.is_empty() {
                        (runs, coarse)
                    } else {
                        split_beside_standing(
                            runs,
                            coarse,
                            standing,
                            |m| !corrected.contains_key(&m.2.id),
                            sweep,
                        )
                    };
                    // Each coarse value stands alone, with those of the
                    // same interval: two that overlap ("more than 500",
                    // "up to 1,200") are not joined into one nobody
                    // stated.
                    (runs, apart(coarse, |m| (m.0.min(), m.0.max()), |m| m.0))
                };
                let first = out.len();
                out.reserve(runs.len() + coarse.len() + unknown.len());
                for (runs, coarse) in [(runs, false), (coarse, true)] {
                    for (interval, mut members) in runs {
                        members.sort_unstable_by_key(|&(_, k, _)| k);
                        let members: Vec<&'c Claim> =
                            members.into_iter().map(|(_, _, c)| c).collect();
                        let value = self.quantity_value(&members, &interval, denial);
                        let mut built = new(members, value);
                        built.interval = Some(interval);
                        built.coarse = coarse;
                        out.push(built);
                    }
                }
                // Runs are disjoint and in order; a coarse run goes where
                // its interval begins.
                let key = |b: &Built<'_>| b.interval.map_or((0.0, 0.0), |i| (i.min(), i.max()));
                out[first..].sort_by(|a, b| {
                    let (x, y) = (key(a), key(b));
                    x.0.total_cmp(&y.0)
                        .then(x.1.total_cmp(&y.1))
                        .then(a.coarse.cmp(&b.coarse))
                });
                for (display, members) in unknown {
                    let mut built = new(members, format!("{display} (not in the vocabulary)"));
                    built.comparable = false;
                    out.push(built);
                }
            }
            Value::Date(_) => {
                // With each claim's place in `claims` (id order), as for
                // quantities.
                let mut dated: Vec<(Period, &'c Claim, usize)> = claims
                    .iter()
                    .enumerate()
                    .filter_map(|(k, c)| match &c.value {
                        Value::Date(p) => Some((*p, *c, k)),
                        _ => None,
                    })
                    .collect();
                dated.sort_unstable_by_key(|&(p, _, k)| (p.start(), p.end(), p.precision(), k));
                // Sweep with the running intersection of the periods.
                type Member<'c> = (Period, &'c Claim, usize);
                let sweep = |items: Vec<Member<'c>>| sweep_times(items, |m| m.0.interval());
                let (runs, coarse) = if denial {
                    // Denials stand apart unless they deny one period,
                    // as for quantities.
                    let alone = dated
                        .into_iter()
                        .map(|m| (m.0.interval(), smallvec::smallvec![m]))
                        .collect();
                    (
                        apart(alone, |m| m.0.interval(), |m| m.0.interval()),
                        Vec::new(),
                    )
                } else {
                    let (runs, mut coarse) = split_coarse(
                        sweep(dated),
                        |m| m.0.interval(),
                        spans_meet,
                        |m| !corrected.contains_key(&m.1.id),
                        sweep,
                    );
                    // Spans that only overlap support neither, as for
                    // quantities (`split_unstated`).
                    let (runs, unstated) = split_unstated(runs, |m| m.0.interval());
                    coarse.extend(
                        unstated
                            .into_iter()
                            .map(|m| (m.0.interval(), smallvec::smallvec![m])),
                    );
                    (runs, apart(coarse, |m| m.0.interval(), |m| m.0.interval()))
                };
                let mut placed: Vec<(Span, Built<'c>)> = Vec::new();
                for (runs, coarse) in [(runs, false), (coarse, true)] {
                    for (span, mut members) in runs {
                        members.sort_unstable_by_key(|&(_, _, k)| k);
                        // The period the members agree on: the narrowest,
                        // which every other holds (`split_unstated`), of
                        // two spanning one time the more precise. Not the
                        // most precise first: a span of days around a month
                        // agrees with it on the month.
                        let finest = members
                            .iter()
                            .map(|(p, _, _)| *p)
                            .min_by_key(|p| (p.end() - p.start(), p.precision(), p.start()));
                        let claims: Vec<&'c Claim> =
                            members.into_iter().map(|(_, c, _)| c).collect();
                        let (mut value, distinct) = distinct_values(&claims);
                        // Claims that differ ("2015 (year) / 2015-01-10
                        // (day)") are followed by the period they agree
                        // on, as a quantity position's values are by
                        // their interval: a relation's "lies within" is
                        // about that period (nineteenth audit, F10).
                        if let (true, Some(period)) = (distinct > 1, finest) {
                            use std::fmt::Write as _;
                            value.push_str(if denial { " → not " } else { " → " });
                            let _ = write!(value, "{period}");
                        }
                        if denial {
                            value.insert_str(0, "not ");
                        }
                        let mut built = new(claims, value);
                        built.period = finest;
                        built.coarse = coarse;
                        placed.push((span, built));
                    }
                }
                placed.sort_by_key(|(span, b)| (*span, b.coarse));
                out.extend(placed.into_iter().map(|(_, built)| built));
            }
            Value::Statement(_) => {
                let mut by_object: BTreeMap<&EntityId, Vec<&'c Claim>> = BTreeMap::new();
                for claim in claims {
                    if let Value::Statement(s) = &claim.value {
                        by_object
                            .entry(self.resolution.canonical(&s.object))
                            .or_default()
                            .push(claim);
                    }
                }
                for (object, members) in by_object {
                    let mut name = self.entity_name(object);
                    if Self::effective_polarity(members[0]) == Polarity::Negative {
                        name = format!("not {name}");
                    }
                    out.push(new(members, name));
                }
            }
            Value::Text(_) => {
                let mut by_text: BTreeMap<String, Vec<&'c Claim>> = BTreeMap::new();
                // Each claim's key is made in one buffer and looked up as
                // it is; only a key not seen before is copied into the map.
                let mut key = String::new();
                for claim in claims {
                    if let Value::Text(t) = &claim.value {
                        key.clear();
                        key.extend(text_key(t));
                        match by_text.get_mut(key.as_str()) {
                            Some(members) => members.push(claim),
                            None => {
                                by_text.insert(key.clone(), vec![claim]);
                            }
                        }
                    }
                }
                for members in by_text.into_values() {
                    let not = if denial { "not " } else { "" };
                    // Shown by the spelling most members give, then the
                    // first in text order, as a table's entity and source
                    // names are: not by the first claim's, whose id may be
                    // its row's line (seventeenth audit, D12).
                    let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
                    for claim in &members {
                        if let Value::Text(t) = &claim.value {
                            *spellings.entry(t.as_str()).or_default() += 1;
                        }
                    }
                    let shown = spellings
                        .into_iter()
                        .max_by(|(a, n), (b, m)| n.cmp(m).then_with(|| b.cmp(a)))
                        .map(|(t, _)| t);
                    let value = shown.map_or_else(String::new, |t| format!("{not}{t:?}"));
                    out.push(new(members, value));
                }
            }
            Value::Quote(_) => {
                let (clusters, negations) = self.quote_clusters(claims, diagnostics, topic_name);
                for (members, texts) in clusters {
                    let value = format!("“{}”", representative_wording(&members, &texts));
                    let mut built = new(members, value);
                    built.quote_texts = texts;
                    out.push(built);
                }
                // Indices within this call's output; the caller makes them
                // indices of its own list.
                for (ca, wa, cb, wb) in negations {
                    out[ca].negations.push((cb, wa, wb));
                }
            }
        }
        // Quote clusters come out in natural order already, with their
        // wordings beside them.
        for built in &mut out {
            if built.quote_texts.is_empty() {
                sort_natural(&mut built.claims);
            }
        }
        out
    }

    /// Appends, after a space, the unit of measure a quantity position's
    /// combined value is in: the one measure of the vocabulary all its
    /// members' units are in ("US dollars", for "1.2 billion dollars"
    /// beside "1,150,000,000 US dollars"), or `percent` for shares.
    /// Nothing for counted nouns ("fighters"), which the values before
    /// the arrow name, and which need not agree to be compared.
    fn push_common_unit(&self, out: &mut String, members: &[&Claim]) {
        fn unit_of<'a>(claim: &&'a Claim) -> Option<&'a str> {
            match &claim.value {
                Value::Quantity(q) => q.unit(),
                _ => None,
            }
        }
        let Some(first) = members.first().and_then(unit_of) else {
            return;
        };
        let vocabulary = self.policy.vocabulary();
        let unit = if first == "percent" {
            members
                .iter()
                .all(|c| unit_of(c) == Some("percent"))
                .then_some("percent")
        } else {
            vocabulary.measure(first).filter(|&measure| {
                members
                    .iter()
                    .all(|c| unit_of(c).and_then(|u| vocabulary.measure(u)) == Some(measure))
            })
        };
        if let Some(unit) = unit {
            out.push(' ');
            out.push_str(unit);
        }
    }

    /// A quantity position's combined value: its members' distinct
    /// values, and the interval they share unless one plain value says it.
    fn quantity_value(&self, members: &[&Claim], interval: &Interval, denial: bool) -> String {
        // Plain: exact figures and ranges, which say their interval (a
        // rounded figure's is shown only beside other values, where it
        // is what joins them: "5,700,000 / 5,714,034 → 5,714,034").
        let plain = members.iter().all(|c| {
            matches!(&c.value, Value::Quantity(q) if matches!(q.form(), QuantityForm::Exact | QuantityForm::Range))
        });
        let (mut joined, distinct) = distinct_values(members);
        // One plain value says its interval: nothing more is written.
        if !(distinct == 1 && plain) {
            // The arrow and the interval are written after the values, in
            // the one string, and cut off again where one value already
            // begins with the interval: no second string for it.
            let values = joined.len();
            // A denial's values and interval are each said as denied:
            // "not more than 50,000 → not at least 50,001".
            joined.push_str(if denial { " → not " } else { " → " });
            let start = joined.len();
            push_interval(&mut joined, interval);
            // The combined value in the members' unit: their one measure
            // ("US dollars", for "1.2 billion dollars" beside "1,150,000,000
            // US dollars"), or the unit they all give.
            self.push_common_unit(&mut joined, members);
            if distinct == 1 && joined[..values].starts_with(&joined[start..]) {
                joined.truncate(values);
            }
        }
        if denial {
            joined.insert_str(0, "not ");
        }
        joined
    }

    /// Clusters quote wordings into variants of one quote: wordings are
    /// blocked ([`QuoteKey`]: by their first and by their last four words,
    /// a short one by its words but one, one with a figure by its words
    /// but its figures), compared within blocks, and joined when similar
    /// at the threshold; a pair that differs in a negation or a figure is
    /// kept apart, to conflict.
    fn quote_clusters<'c>(
        &self,
        claims: &[&'c Claim],
        diagnostics: &mut Vec<Diagnostic>,
        topic_name: TopicName<'_>,
    ) -> QuoteClusters<'c> {
        let text = |k: usize| quote_text(claims[k]);
        // The claims in natural id order (`line-2` before `line-10`): the
        // order a position lists them in.
        let order = natural_order(claims);
        // Wordings printed alike (one remark relayed word for word by many
        // outlets) are one variant: each is joined to the first of them in
        // natural id order, and only those firsts are blocked and compared.
        // Everything compared is a function of the printed text, so this
        // changes no comparison, and a block of copies is never compared
        // in windows. The first in natural order stands for the copies, so
        // the pair a negation is shown with is the one a comparison of
        // every copy would give.
        let mut first_of: HashMap<&str, usize> = HashMap::default();
        let mut same_as: Vec<usize> = (0..claims.len()).collect();
        for &k in &order {
            if matches!(claims[k].value, Value::Quote(_)) {
                same_as[k] = *first_of.entry(text(k)).or_insert(k);
            }
        }
        drop(first_of);
        let distinct = |k: &usize| same_as[*k] == *k;
        // Each wording normalized, and its words, made once per printed
        // text: a copy's are its first's, which is all that is compared
        // (its normalized text is copied from the first's once the words
        // are no longer needed, below).
        let mut normalized: Vec<String> = (0..claims.len())
            .map(|k| match &claims[k].value {
                Value::Quote(q) if distinct(&k) => normalize_text(q.text()),
                _ => String::new(),
            })
            .collect();
        let words: Vec<Vec<&str>> = normalized.iter().map(|n| split_words(n)).collect();
        // Whether each wording negates an odd number of times, and its
        // words without the negation, made once rather than for every
        // pair it is compared in (the latter only where some wordings
        // negate and others do not: only such pairs need it). A copy
        // negates as its first does; its words without the negation are
        // never looked at, as only firsts are blocked.
        let mut odd: Vec<bool> = (0..claims.len())
            .map(|k| distinct(&k) && negates_oddly(&words[k], text(k)))
            .collect();
        for k in 0..claims.len() {
            odd[k] = odd[same_as[k]];
        }
        let denied: Vec<Vec<&str>> = if odd.contains(&true) && odd.contains(&false) {
            (0..claims.len())
                .map(|k| {
                    if distinct(&k) {
                        crate::relation::without_negation(&words[k], text(k))
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        // The measures each wording's signs state, made once and only for
        // the wordings a pair needs them of.
        let stated: Vec<std::cell::OnceCell<Vec<&str>>> = (0..claims.len())
            .map(|_| std::cell::OnceCell::new())
            .collect();
        let measures = |k: usize| {
            stated[k].get_or_init(|| {
                crate::relation::stated_measures(&words[k], text(k), self.policy.vocabulary())
            })
        };
        let mut parent: Vec<usize> = (0..claims.len()).collect();
        // Wordings that negate are blocked without their negation too:
        // "we did not fire tear gas" and "we fired tear gas" share no
        // block as printed (two words apart), but do as "we fire tear
        // gas". (A wording that does not negate is the same either way.)
        let blocks = quote_blocks(
            words
                .iter()
                .map(Vec::as_slice)
                .enumerate()
                .filter(|(k, _)| distinct(k))
                .chain(
                    denied
                        .iter()
                        .enumerate()
                        .filter(|&(k, _)| odd[k] && distinct(&k))
                        .map(|(k, d)| (k, d.as_slice())),
                ),
            self.policy.vocabulary(),
        );
        let threshold = self.policy.quote_threshold();
        // Pairs of wordings (claim indices, lower first) kept apart because
        // one negates the other, or states another figure or measure;
        // each with whether it is for a figure alone (same parity, same
        // measures), which `chain_figure_conflicts` may relate otherwise.
        let mut negated: Vec<(usize, usize, bool)> = Vec::new();
        // The sizes of the blocks compared in windows, each named once
        // (one set of quotes can fill a block of each kind).
        let mut windowed: BTreeSet<usize> = BTreeSet::new();
        for members in blocks.values() {
            if members.len() > MAX_QUOTE_BLOCK {
                windowed.insert(members.len());
            }
            for (k, &a) in members.iter().enumerate() {
                for &b in members.iter().skip(k + 1).take(MAX_QUOTE_BLOCK) {
                    if union_root(&mut parent, a) == union_root(&mut parent, b) {
                        continue;
                    }
                    // A wording that negates the other is not a variant
                    // of it, however alike ("will" / "will not"): the two
                    // are kept apart, to be related as a conflict; nor is
                    // it a different quote where the negation alone puts
                    // it below the threshold ("we will win" / "we will
                    // not win").
                    let negates = odd[a] != odd[b];
                    let alike = words[a] == words[b]
                        || words_reach(&words[a], &words[b], threshold).is_some();
                    // Nor is a wording that states another figure ("300"
                    // and "3,000"): a misquoted figure is the costliest
                    // misquote, and conflicts as a negation does.
                    if !alike {
                        let opposed = if negates {
                            crate::relation::denied_reach(
                                &denied[a],
                                &denied[b],
                                threshold,
                                self.policy.vocabulary(),
                            )
                            .is_some()
                        } else if crate::relation::same_but_figures(
                            &words[a],
                            &words[b],
                            self.policy.vocabulary(),
                        ) {
                            let differ =
                                crate::relation::figures_differ(&words[a], &words[b]).is_some();
                            if !differ && crate::relation::same_figures(&words[a], &words[b]) {
                                // The same figures: written otherwise ("$8
                                // billion", "eight billion dollars"), one
                                // quote, unless in another measure ("8
                                // billion euros").
                                if crate::relation::measures_apart(measures(a), measures(b))
                                    .is_none()
                                {
                                    union(&mut parent, a, b);
                                    continue;
                                }
                                true
                            } else {
                                differ
                            }
                        } else {
                            false
                        };
                        if opposed {
                            // A figure alone: not for a negation, nor for
                            // the same figures in another measure.
                            let figure = !negates
                                && crate::relation::figures_differ(&words[a], &words[b]).is_some();
                            negated.push((a.min(b), a.max(b), figure));
                        }
                        continue;
                    }
                    // Nor one that states a figure in another measure ("$8
                    // billion", "8 billion euros").
                    let other_measure = || {
                        crate::relation::measures_apart(measures(a), measures(b)).is_some()
                            && crate::relation::same_but_figures(
                                &words[a],
                                &words[b],
                                self.policy.vocabulary(),
                            )
                    };
                    let figure =
                        !negates && crate::relation::figures_differ(&words[a], &words[b]).is_some();
                    if negates || figure || other_measure() {
                        negated.push((a.min(b), a.max(b), figure));
                    } else {
                        union(&mut parent, a, b);
                    }
                }
            }
        }
        for size in windowed {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                format!("topic {topic_name}"),
                windowed_note(size, true),
            ));
        }
        drop(blocks);
        drop(words);
        for (k, &first) in same_as.iter().enumerate() {
            if first != k {
                union(&mut parent, k, first);
                // The same printed text normalizes the same.
                normalized[k] = normalized[first].clone();
            }
        }
        // Each cluster with its wordings' normalized texts, which the
        // position's wordings are compared with. The claims are visited
        // in natural id order: each cluster's members come out in it, and
        // the clusters in the order of their first members.
        let mut clusters: Vec<(Vec<&'c Claim>, Vec<String>)> = Vec::new();
        // Roots to the clusters' places in the output.
        let mut place: HashMap<usize, usize> = HashMap::default();
        // Each claim's cluster and place among its cluster's wordings.
        let mut slot: Vec<(usize, usize)> = vec![(0, 0); claims.len()];
        for i in order {
            let root = union_root(&mut parent, i);
            let cluster = *place.entry(root).or_insert_with(|| {
                clusters.push((Vec::new(), Vec::new()));
                clusters.len() - 1
            });
            let (members, texts) = &mut clusters[cluster];
            slot[i] = (cluster, members.len());
            members.push(claims[i]);
            texts.push(std::mem::take(&mut normalized[i]));
        }
        // One pair of wordings per pair of clusters: the first in claim
        // order, whatever order the blocks were visited in.
        let mut negations: Vec<(QuoteNegation, bool)> = negated
            .into_iter()
            .filter_map(|(a, b, figure)| {
                let ((ca, wa), (cb, wb)) = (slot[a], slot[b]);
                (ca != cb).then_some((
                    if ca < cb {
                        (ca, wa, cb, wb)
                    } else {
                        (cb, wb, ca, wa)
                    },
                    figure,
                ))
            })
            .collect();
        negations.sort_unstable_by_key(|&((ca, wa, cb, wb), _)| (ca, cb, wa, wb));
        negations.dedup_by_key(|n| (n.0.0, n.0.2));
        let negations = chain_figure_conflicts(negations, &clusters, self.policy.vocabulary());
        (clusters, negations)
    }

    /// The source that stands for `id` as an origin: itself, or for a
    /// person named by several sources, or an originator declared twice
    /// under one name, the first of them ([`same_origins`]).
    fn person<'c>(&self, id: &'c SourceId) -> &'c SourceId
    where
        'a: 'c,
    {
        if self.persons.is_empty() {
            return id;
        }
        self.persons.get(id.as_str()).copied().unwrap_or(id)
    }

    fn origins<'c>(&self, claims: &[&'c Claim]) -> (Vec<Origin<'c>>, Option<Vec<&'c SourceId>>)
    where
        'a: 'c,
    {
        // Sorted, deduplicated vectors rather than sets: positions are
        // many and mostly small, and a vector is one allocation, or none
        // for a few sources, kept in place.
        let sorted = sorted_unique_few_sources;
        let intermediates = sorted(
            claims
                .iter()
                .flat_map(|c| {
                    let chain: &'c [SourceId] = &c.assertion.chain;
                    chain.get(1..chain.len().saturating_sub(1)).unwrap_or(&[])
                })
                .map(|id| self.person(id))
                .collect(),
        );
        let mut ends = sorted(
            claims
                .iter()
                .filter_map(|c| c.assertion.origin())
                .map(|id| self.person(id))
                .collect(),
        );
        // An end that cites on in another chain of the position is not an
        // origin: it is another chain's intermediate, or, unless it also
        // speaks for itself (a chain of one link), the publication of a
        // chain that goes on ("BBC via AFP" beside "AFP via the ministry":
        // the figure is the ministry's). Only ends that are publications
        // can be the latter, and most positions have none, so the claims
        // are looked at only for those.
        let relays = self.relaying_ends(claims, &ends);
        let through = |end: &&SourceId| {
            intermediates.binary_search(end).is_ok() || relays.binary_search(end).is_ok()
        };
        // When every end cites on, the citations go round (A via B, B via
        // A): where the figure began cannot be traced. The circle is one
        // origin, not several independent ones, named as untraced and
        // returned with the circle for a warning. (Every end citing on,
        // the walk from any end never stops, so it goes round; and each
        // circle passes through an end, as every chain it follows ends
        // at one.)
        if !ends.is_empty() && ends.iter().all(through) {
            let found = ends
                .iter()
                .find_map(|&end| Some((end, self.citation_circle(claims, end)?)));
            if let Some((id, circle)) = found {
                return (vec![self.untraced_origin(id)], Some(circle));
            }
        } else if !intermediates.is_empty() || !relays.is_empty() {
            // Ends that cite on, but only round among themselves, never
            // reaching an end that is an origin, are a circle beside the
            // origins (two outlets citing each other beside a third
            // source): one untraced origin, as a circle alone is, not
            // none.
            let through_ends: Vec<&'c SourceId> = ends.iter().copied().filter(through).collect();
            let circle = if through_ends.is_empty() {
                None
            } else {
                self.circle_beside_origins(claims, &through_ends, |end| {
                    ends.binary_search(&end).is_ok() && !through(&end)
                })
            };
            ends.retain(|end| !through(&*end));
            if let Some((id, circle)) = circle {
                let mut origins = self.origins_of_ends(claims, ends);
                let at = origins.partition_point(|o| {
                    natural_cmp(o.id.as_str(), id.as_str()) == std::cmp::Ordering::Less
                });
                origins.insert(at, self.untraced_origin(id));
                return (origins, Some(circle));
            }
        }
        (self.origins_of_ends(claims, ends), None)
    }

    /// A circle of citations among `through_ends` (ends that cite on)
    /// from which no citation leads to an end that `is_origin`: the first
    /// such end in id order, with the circle for a warning, or `None`.
    /// Reached only when some end cites on; the links are sorted once.
    fn circle_beside_origins<'c>(
        &self,
        claims: &[&'c Claim],
        through_ends: &[&'c SourceId],
        is_origin: impl Fn(&'c SourceId) -> bool,
    ) -> Option<(&'c SourceId, Vec<&'c SourceId>)>
    where
        'a: 'c,
    {
        // Most ends that cite on do so in a chain that goes on to an
        // origin ("BBC via AFP" beside "AFP via the ministry"): those are
        // told in one pass over the chains, and the links are sorted only
        // when some end is left.
        let mut left: Vec<&'c SourceId> = through_ends.to_vec();
        for claim in claims {
            let chain: &'c [SourceId] = &claim.assertion.chain;
            let Some(last) = chain.last().map(|id| self.person(id)) else {
                continue;
            };
            if left.is_empty() {
                break;
            }
            if chain.len() < 2 || !is_origin(last) {
                continue;
            }
            for link in &chain[..chain.len() - 1] {
                let link = self.person(link);
                if let Ok(k) = left.binary_search(&link) {
                    left.remove(k);
                }
            }
        }
        if left.is_empty() {
            return None;
        }
        let links = self.citation_links(claims);
        for &end in &left {
            // Everything `end` cites, directly or on.
            let mut seen: BTreeSet<&'c SourceId> = BTreeSet::from([end]);
            let mut queue = vec![end];
            let mut reaches_origin = false;
            while let Some(at) = queue.pop() {
                let first = links.partition_point(|link| link.0 < at);
                for &(_, next) in links[first..].iter().take_while(|link| link.0 == at) {
                    if is_origin(next) {
                        reaches_origin = true;
                        break;
                    }
                    if seen.insert(next) {
                        queue.push(next);
                    }
                }
                if reaches_origin {
                    break;
                }
            }
            if !reaches_origin && let Some(circle) = self.citation_circle(claims, end) {
                return Some((end, circle));
            }
        }
        None
    }

    /// The origins that `ends` (sorted, none citing on) stand for, in
    /// natural id order ([`natural_cmp`]: `p2` before `p10`), the order
    /// a position lists them in.
    fn origins_of_ends<'c>(&self, claims: &[&'c Claim], mut ends: FewSources<'c>) -> Vec<Origin<'c>>
    where
        'a: 'c,
    {
        // Put in the order the report shows, so that an outlet is named
        // by the article listed first. The ends are few; the engine's
        // searches over them are done.
        self.sort_sources_natural(&mut ends, |id| id);
        // A publication that is an origin speaks for its outlet: the
        // articles of one outlet are one origin, listed under the first
        // article's id in natural id order, never several independent
        // ones, however the outlet is spelled. A publication with no
        // outlet stands alone.
        // The outlets named so far. Most positions have a few origins: a
        // vector searched end to end, not a hash set made per position;
        // a set for many, so that the search stays linear in the ends.
        let few = ends.len() <= 16;
        // (At most sixteen: on the stack.)
        let mut listed: smallvec::SmallVec<[&str; 16]> = smallvec::SmallVec::new();
        let mut outlets: HashSet<&str> = HashSet::default();
        let mut first_of_outlet = |outlet: &'c str| {
            if few {
                let new = !listed.contains(&outlet);
                if new {
                    listed.push(outlet);
                }
                new
            } else {
                outlets.insert(outlet)
            }
        };
        let firsts = self.firsts_of_name(claims);
        // Room for every end, so that the vector does not grow.
        let mut origins: Vec<Origin<'c>> = Vec::with_capacity(ends.len());
        origins.extend(ends.into_iter().filter_map(|id| {
            // (Most corpora declare each originator once: no lookup.)
            let id = if firsts.is_empty() {
                id
            } else {
                firsts.get(id.as_str()).copied().unwrap_or(id)
            };
            let (name, outlet) = self.origin_name(id);
            match outlet.map(|o| self.outlet_spelling(o)) {
                Some(outlet) if !first_of_outlet(outlet) => None,
                _ => Some(Origin { id, name }),
            }
        }));
        if !firsts.is_empty() {
            self.sort_sources_natural(&mut origins, |o| o.id);
        }
        origins
    }

    /// The distinct sources of `ids`, in natural id order
    /// ([`natural_cmp`]: `p2` before `p10`): [`sorted_unique_sources`]
    /// then [`sort_sources_natural`](Self::sort_sources_natural), with the
    /// same result. Repeats are removed by the address of their text,
    /// comparing integers; when every source left is one of the corpus's,
    /// they are sorted by their places in natural order
    /// ([`SourceTable::ranks`]), and copies of one source at different
    /// addresses removed by place. A position's publications are mostly
    /// distinct: sorting them by text read each one's text, scattered in
    /// memory at a million claims, a dozen times. A source the corpus
    /// does not declare sends the whole list the text's way.
    fn natural_unique_sources<'c>(&self, mut ids: Vec<&'c SourceId>) -> Vec<&'c SourceId> {
        if ids.len() < 2 {
            return ids;
        }
        ids.sort_unstable_by_key(|id| id.text_address());
        let distinct = keep_first_of_runs(&mut ids, |a, b| a.text_address() == b.text_address());
        ids.truncate(distinct);
        // (Kept in place for a few, as most positions have.)
        let ranked: Option<smallvec::SmallVec<[(u32, &'c SourceId); 8]>> = ids
            .iter()
            .map(|&id| Some((self.sources.natural_rank(self.corpus, id)?, id)))
            .collect();
        let Some(mut ranked) = ranked else {
            let mut ids = sorted_unique_sources(ids);
            self.sort_sources_natural(&mut ids, |id| id);
            return ids;
        };
        // Places are unique to a source, whatever copy of its id.
        ranked.sort_unstable_by_key(|&(rank, _)| rank);
        let distinct = keep_first_of_runs(&mut ranked, |a, b| a.0 == b.0);
        ids.clear();
        ids.extend(ranked[..distinct].iter().map(|&(_, id)| id));
        ids
    }

    /// Sorts `items`, given in id order, into natural id order
    /// ([`natural_cmp`]: `p2` before `p10`) of the sources `id_of` gives:
    /// a position's publications and origins, as a reader sees them. The
    /// sources' places in that order are numbered once for the corpus
    /// ([`SourceTable::ranks`]), so this compares numbers, not text; an
    /// id that is not one of the corpus's sources sorts the items by
    /// their text ([`sort_natural_by`]). Either way the result is the
    /// same and does not depend on the order the items came in.
    fn sort_sources_natural<T>(&self, items: &mut [T], id_of: impl Fn(&T) -> &SourceId) {
        if items.len() < 2 {
            return;
        }
        let rank = |item: &T| self.sources.natural_rank(self.corpus, id_of(item));
        // Mostly in order already: one pass tells.
        let mut in_order = true;
        let mut last = 0;
        for (k, item) in items.iter().enumerate() {
            let Some(r) = rank(item) else {
                return sort_natural_by(items, |item| id_of(item).as_str());
            };
            in_order &= k == 0 || last <= r;
            last = r;
        }
        if !in_order {
            // Stable, and every item has a place.
            items.sort_by_cached_key(rank);
        }
    }

    /// The ids a position lists its origins of one name under: for
    /// originators of one kind and name declared several times, the id
    /// that stands for them all (see [`same_origins`]) to the first of
    /// them in id order that ends a chain of the position's claims, as an
    /// outlet's origin is listed under its first article there. Empty,
    /// without allocating, when the corpus declares no originator twice.
    fn firsts_of_name<'c>(&self, claims: &[&'c Claim]) -> HashMap<&'c str, &'c SourceId>
    where
        'a: 'c,
    {
        let mut firsts: HashMap<&'c str, &'c SourceId> = HashMap::default();
        if self.of_one_name.is_empty() {
            return firsts;
        }
        for origin in claims.iter().filter_map(|c| c.assertion.origin()) {
            let stands_for = self.person(origin);
            if self.of_one_name.contains(stands_for.as_str()) {
                let first = firsts.entry(stands_for.as_str()).or_insert(origin);
                if origin < *first {
                    *first = origin;
                }
            }
        }
        firsts
    }

    /// The ends (sorted) that are the publication of a chain of the
    /// claims that goes on, and of none of one link: ends that cite on.
    /// Only a publication is a chain's first link, and most ends are not
    /// publications, so only when some are are the claims looked at.
    ///
    /// An end that is a newsroom rather than an article (a source of kind
    /// `outlet`, or an office named as an outlet is) cites on in the same
    /// way through its articles: "BBC via Reuters" beside Reuters' own
    /// article "via the ministry" gives the ministry's figure, unless an
    /// article of Reuters' also speaks for itself in the position
    /// (fifteenth audit, A1: the figure had been counted as Reuters' and
    /// the ministry's, two independent origins, where a table of the same
    /// rows gave one).
    fn relaying_ends<'c>(&self, claims: &[&'c Claim], ends: &[&'c SourceId]) -> Vec<&'c SourceId>
    where
        'a: 'c,
    {
        use crate::model::SourceKind;
        let sources = self.corpus.sources();
        // Publication ends: (end, its place in the corpus, goes on,
        // speaks alone). Kept in place for a few, as most positions have.
        let mut both: smallvec::SmallVec<[(&'c SourceId, usize, bool, bool); 4]> =
            smallvec::SmallVec::new();
        // Newsroom ends, with their newsroom: (newsroom, end, goes on,
        // speaks alone).
        let mut rooms: smallvec::SmallVec<[(&'c str, &'c SourceId, bool, bool); 2]> =
            smallvec::SmallVec::new();
        for &end in ends {
            let Some(k) = self.source_slot(end) else {
                continue;
            };
            let source: &'a crate::model::Source = &sources[k];
            let room = match source.kind {
                SourceKind::Publication => {
                    both.push((end, k, false, false));
                    continue;
                }
                SourceKind::Outlet => source.name.as_str(),
                SourceKind::Office | SourceKind::Group if !self.named_outlets.is_empty() => {
                    match self.named_outlets.get(end.as_str()) {
                        Some(&outlet) => outlet,
                        None => continue,
                    }
                }
                _ => continue,
            };
            rooms.push((self.outlet_spelling(room), end, false, false));
        }
        if both.is_empty() && rooms.is_empty() {
            return Vec::new();
        }
        // Many are looked up by their places in the corpus, integers:
        // a binary search by text read a dozen ids' texts, scattered in
        // memory, for each claim. Only the corpus's sources are ends
        // here, and a source has one place, whatever copy of its id.
        let by_place: Vec<(usize, usize)> = if both.len() <= 8 {
            Vec::new()
        } else {
            let mut by_place: Vec<(usize, usize)> =
                both.iter().enumerate().map(|(i, b)| (b.1, i)).collect();
            by_place.sort_unstable();
            by_place
        };
        // Whether each goes on in a chain, and whether it speaks alone.
        for claim in claims {
            let chain: &'c [SourceId] = &claim.assertion.chain;
            let first = self.person(&chain[0]);
            let found = if both.len() <= 8 {
                both.iter().position(|b| b.0 == first)
            } else {
                self.source_slot(first).and_then(|k| {
                    let at = by_place
                        .binary_search_by_key(&k, |&(place, _)| place)
                        .ok()?;
                    Some(by_place[at].1)
                })
            };
            if let Some(k) = found {
                if chain.len() > 1 {
                    both[k].2 = true;
                } else {
                    both[k].3 = true;
                }
            }
            if rooms.is_empty() {
                continue;
            }
            let Some(room) = self.newsroom(first) else {
                continue;
            };
            for entry in rooms.iter_mut().filter(|r| r.0 == room) {
                if chain.len() > 1 {
                    entry.2 = true;
                } else {
                    entry.3 = true;
                }
            }
        }
        let mut relaying: Vec<&'c SourceId> = both
            .into_iter()
            .filter(|&(_, _, goes_on, own)| goes_on && !own)
            .map(|(end, _, _, _)| end)
            .collect();
        if !rooms.is_empty() {
            relaying.extend(
                rooms
                    .into_iter()
                    .filter(|&(_, _, goes_on, own)| goes_on && !own)
                    .map(|(_, end, _, _)| end),
            );
            relaying.sort_unstable();
        }
        relaying
    }

    /// A circle of citations as one origin, named after `id`, its first
    /// source in id order, as untraced.
    fn untraced_origin<'c>(&self, id: &'c SourceId) -> Origin<'c>
    where
        'a: 'c,
    {
        let name = match self.origin_name(id).0 {
            OriginName::Named(name)
            | OriginName::OwnReporting(name)
            | OriginName::Untraced(name) => name,
        };
        Origin {
            id,
            name: OriginName::Untraced(name),
        }
    }

    /// Every citation in the claims' chains (each link cites the next),
    /// as (citing, cited), sources standing for their person
    /// ([`Analyzer::person`]); sorted and without repeats.
    fn citation_links<'c>(&self, claims: &[&'c Claim]) -> Vec<(&'c SourceId, &'c SourceId)>
    where
        'a: 'c,
    {
        let mut links: Vec<(&'c SourceId, &'c SourceId)> = claims
            .iter()
            .flat_map(|c| {
                let chain: &'c [SourceId] = &c.assertion.chain;
                chain.windows(2)
            })
            .map(|pair| (self.person(&pair[0]), self.person(&pair[1])))
            .collect();
        links.sort_unstable();
        links.dedup();
        links
    }

    /// A circle of citations through `start` among the links of the
    /// claims' chains (each link cites the next): the sources from
    /// `start` round to it again, or `None`. Sources stand for their
    /// person ([`Analyzer::person`]). Made only when every origin of a
    /// position cites on, which is rare; linear in the links, with the
    /// links sorted once.
    fn citation_circle<'c>(
        &self,
        claims: &[&'c Claim],
        start: &'c SourceId,
    ) -> Option<Vec<&'c SourceId>>
    where
        'a: 'c,
    {
        let links = self.citation_links(claims);
        // Breadth first from `start`, each source with the one it was
        // reached from; the first link back to `start` closes the circle.
        let mut from: BTreeMap<&'c SourceId, &'c SourceId> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(at) = queue.pop_front() {
            let first = links.partition_point(|link| link.0 < at);
            for &(_, next) in links[first..].iter().take_while(|link| link.0 == at) {
                if next == start {
                    let mut circle = vec![start, at];
                    let mut back = at;
                    while back != start {
                        back = from[back];
                        circle.push(back);
                    }
                    circle.reverse();
                    return Some(circle);
                }
                if !from.contains_key(next) {
                    from.insert(next, at);
                    queue.push_back(next);
                }
            }
        }
        None
    }

    fn finish_position(
        &self,
        built: Built<'a>,
        label: &Arc<str>,
        corrected: &HashMap<&ClaimId, ClaimId>,
        quotes: &mut Quotes<'a>,
    ) -> (Position<'a>, Option<Vec<&'a SourceId>>) {
        // Values the claim alone can say are written when asked for.
        let claims: Vec<ClaimEntry<'a>> = built
            .claims
            .iter()
            .map(|c| ClaimEntry {
                claim: c,
                resolved_value: match c.value {
                    Value::Statement(_) => Some(self.show_value(&c.value).into_boxed_str()),
                    _ => None,
                },
                // A position with a report time is a series'.
                as_of: built.reported.and_then(|_| self.as_of_time(c)),
                reported: self.reported(c),
                superseded_by: if corrected.is_empty() {
                    None
                } else {
                    corrected.get(&c.id).cloned()
                }
                .or_else(|| built.superseded_by.clone()),
            })
            .collect();
        // Listed as the claims are, in natural id order: `p2` before `p10`.
        let mut publications = self
            .natural_unique_sources(built.claims.iter().map(|c| &c.assertion.chain[0]).collect());
        publications.shrink_to_fit();
        let superseded = claims.iter().all(|c| c.superseded_by.is_some());
        // Quote wordings against the first: verbatim, or a variant with
        // its word diff. Linear in the position's claims.
        let wordings = match built.claims.split_first() {
            Some((first, rest)) if matches!(first.value, Value::Quote(_)) => {
                // The wordings as the clustering normalized them; the
                // first's words are split once for all the others.
                let texts = &built.quote_texts;
                let first_words = texts.first().map(|t| split_words(t));
                // Each other wording's words, in one list refilled for
                // each: a list each was most of a quote position's
                // allocations.
                let mut words: Vec<&str> = Vec::new();
                rest.iter()
                    .enumerate()
                    .map(|(k, c)| {
                        let given = match (first_words.as_deref(), texts.get(k + 1)) {
                            (Some(first_words), Some(text)) => {
                                fill_words(&mut words, text);
                                Some((first_words, &words[..]))
                            }
                            _ => None,
                        };
                        Wording {
                            claim: c.id.clone(),
                            with: first.id.clone(),
                            relation: self.relate_with_words(first, c, given),
                        }
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        // The wordings go on to the misattribution check across topics.
        quotes.extend(built.claims.iter().copied().zip(built.quote_texts));
        let (origins, circle) = self.origins(&built.claims);
        let position = Position {
            label: Arc::clone(label),
            value: built.value,
            interval: built.interval,
            period: built.period,
            claims,
            publications,
            origins,
            superseded,
            fits: built.fits,
            not_compared: !built.comparable,
            wordings,
        };
        (position, circle)
    }

    /// Pairs each denial position with the assertion positions it touches,
    /// through an index rather than a scan of every assertion: by value
    /// for statements, texts and quotes; for intervals and periods, by
    /// binary search over assertions sorted by start, looking back from
    /// the last one that starts before the denial ends. A denial is
    /// related to at most [`MAX_DENIAL_PAIRS`] positions, and at most
    /// [`MAX_DENIAL_SCAN`] candidates are examined for each.
    fn denial_pairs(
        &self,
        built: &[Built<'_>],
        negatives: &[usize],
        pairs: &mut Vec<(usize, usize)>,
    ) {
        let positives: Vec<usize> = (0..built.len())
            .filter(|&i| built[i].polarity == Polarity::Positive)
            .collect();
        // A text by its key, as `same_value` compares it: "Kabul airport"
        // and a denial of "kabul airport." are one text.
        let key = |b: &Built<'_>| match &b.claims[0].value {
            Value::Text(t) => text_key(t).collect(),
            _ => b.value.trim_start_matches("not ").to_string(),
        };
        let mut by_value: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_start: Vec<(f64, usize)> = Vec::new();
        let mut by_time: Vec<(chrono::NaiveDateTime, usize)> = Vec::new();
        for &p in &positives {
            match (built[p].interval, built[p].period) {
                (Some(i), _) => by_start.push((i.min(), p)),
                (_, Some(t)) => by_time.push((t.start(), p)),
                _ => by_value.entry(key(&built[p])).or_default().push(p),
            }
        }
        by_start.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        by_time.sort();
        for &n in negatives {
            let negative = &built[n];
            let candidates: Vec<usize> = match (negative.interval, negative.period) {
                (Some(i), _) => {
                    let end = by_start.partition_point(|(start, _)| *start <= i.max());
                    by_start[..end]
                        .iter()
                        .rev()
                        .take(MAX_DENIAL_SCAN)
                        .map(|(_, p)| *p)
                        .collect()
                }
                (_, Some(t)) => {
                    let end = by_time.partition_point(|(start, _)| *start < t.end());
                    by_time[..end]
                        .iter()
                        .rev()
                        .take(MAX_DENIAL_SCAN)
                        .map(|(_, p)| *p)
                        .collect()
                }
                _ => by_value.get(&key(negative)).cloned().unwrap_or_default(),
            };
            let mut touched = 0;
            for p in candidates {
                if touched == MAX_DENIAL_PAIRS {
                    break;
                }
                if self.same_value(&built[p], negative) {
                    pairs.push((p.min(n), p.max(n)));
                    touched += 1;
                }
            }
        }
    }

    /// True when a claim carries a hedge (probable or possible), a bound or
    /// approximation, or a projection: what a relay can drop.
    fn is_hedged(c: &Claim) -> bool {
        let (hedged, bounded, projected) = Self::hedge_marks(c);
        hedged || bounded || projected
    }

    /// What a relay can drop from a claim: (a probable or possible
    /// modality, a bound or approximation, a projection).
    fn hedge_marks(c: &Claim) -> (bool, bool, bool) {
        let hedged = matches!(
            c.assertion.modality.certainty,
            Certainty::Probable | Certainty::Possible
        );
        let bounded = matches!(&c.value, Value::Quantity(q) if matches!(q.form(), QuantityForm::AtMost | QuantityForm::AtLeast) || q.qualifier().is_some());
        let projected = c.scope.status == Status::Projected;
        (hedged, bounded, projected)
    }

    /// True when two positions speak of one value: a denial and what it
    /// denies, or a coarse position and one it fits.
    fn same_value(&self, a: &Built<'_>, b: &Built<'_>) -> bool {
        match (a.interval, b.interval, a.period, b.period) {
            (Some(x), Some(y), _, _) => x.overlaps(&y),
            (_, _, Some(x), Some(y)) => x.overlaps(&y),
            _ => match (&a.claims[0].value, &b.claims[0].value) {
                // One text however written: the shown value is the first
                // claim's own spelling ("Kabul airport", "kabul airport.").
                (Value::Text(x), Value::Text(y)) => text_key(x).eq(text_key(y)),
                _ => a.value.trim_start_matches("not ") == b.value.trim_start_matches("not "),
            },
        }
    }

    /// Whether `denial` denies all that `assertion` allows: the
    /// assertion's interval or period lies within the denied one, or the
    /// two are one text. Only then do they conflict: organisers' 80,000
    /// to 120,000 and the police's "not more than 100,000" can both hold,
    /// at 90,000, as can "dozens" and "not 30", or "May 2024" and "not
    /// 11 May" (fifteenth audit, A4).
    fn denies_all_of(&self, denial: &Built<'_>, assertion: &Built<'_>) -> bool {
        match (
            denial.interval,
            assertion.interval,
            denial.period,
            assertion.period,
        ) {
            (Some(x), Some(y), _, _) => x.contains(&y),
            (_, _, Some(x), Some(y)) => x.contains(&y),
            _ => self.same_value(denial, assertion),
        }
    }

    /// The relation between two positions of one scope group, from their
    /// combined values.
    fn position_relation(
        &self,
        a: &Built<'_>,
        b: &Built<'_>,
        [la, lb]: [&str; 2],
        series_of: &SeriesOf<'_>,
        corrections: &HashMap<&ClaimId, ClaimId>,
        negation: Option<(usize, usize)>,
    ) -> Option<Relation> {
        let property = series_of.property;
        let modalities = [
            a.claims[0].assertion.modality,
            b.claims[0].assertion.modality,
        ];
        let mut evidence = RelationEvidence {
            modalities,
            ..RelationEvidence::default()
        };
        // The sentence is written into one string, begun with its head:
        // a report of a million claims holds some 150,000 of them.
        use std::fmt::Write;
        // (Pushed, not `write!`: some 20,000 sentences at 30k claims, and
        // the formatting machinery cost several times the copies.)
        // Room for 95% of them (half are longer than 160 bytes, 5%
        // longer than 256): a sentence that outgrows its room is copied,
        // and the room over is about what doubling 160 left.
        let mut text = String::with_capacity(256);
        for (k, (label, value)) in [(la, &a.value), (lb, &b.value)].into_iter().enumerate() {
            if k > 0 {
                text.push_str(" and ");
            }
            text.push_str(label);
            text.push_str(" (");
            text.push_str(value);
            text.push(')');
        }
        // The certainties of each side, as sets in `Certainty` order (a
        // bit each), told only when they differ.
        const CERTAINTIES: [Certainty; 4] = [
            Certainty::Certain,
            Certainty::Probable,
            Certainty::Possible,
            Certainty::Unknown,
        ];
        let mask = |built: &Built<'_>| {
            built.claims.iter().fold(0u8, |m, c| {
                let k = CERTAINTIES
                    .iter()
                    .position(|x| *x == c.assertion.modality.certainty)
                    .unwrap_or(0);
                m | (1 << k)
            })
        };
        let (ma, mb) = (mask(a), mask(b));
        let push_certainty_note = |text: &mut String| {
            if ma != mb {
                let push_set = |text: &mut String, m: u8| {
                    let mut first = true;
                    for (k, certainty) in CERTAINTIES.iter().enumerate() {
                        if m & (1 << k) != 0 {
                            if !first {
                                text.push('/');
                            }
                            first = false;
                            text.push_str(certainty.as_str());
                        }
                    }
                };
                text.push_str(" (");
                push_set(text, ma);
                text.push_str(" against ");
                push_set(text, mb);
                text.push(')');
            }
        };
        if !a.comparable || !b.comparable {
            // Not compared, so not said to be compatible (seventeenth
            // audit, D5).
            text.push_str(": one is not in the vocabulary, so they cannot be compared");
            return Some(Relation::new(RelationKind::NotCompared, evidence, text));
        }
        match (a.interval, b.interval, a.period, b.period) {
            (Some(x), Some(y), _, _) => evidence.intervals = Some([x, y]),
            (_, _, Some(x), Some(y)) => evidence.periods = Some(Box::new([x, y])),
            _ => {}
        }
        // An explicit correction: every claim of one position is corrected,
        // and the first by a claim of the other.
        // Named: the claim the correction names, if the position holds
        // it, else its first; and the position's restatements of the
        // corrected figure that the correction withdraws with it
        // (`withdraw_restatements`).
        let corrected_by = |x: &Built<'_>, y: &Built<'_>| {
            if corrections.is_empty() {
                return None;
            }
            let first = x.claims.first()?;
            let by = corrections.get(&first.id)?;
            let correction = y.claims.iter().find(|c| &c.id == by)?;
            if !x.all_corrected(corrections) {
                return None;
            }
            let named = correction
                .corrects
                .as_ref()
                .filter(|&target| x.claims.iter().any(|c| &c.id == target))
                .unwrap_or(&first.id);
            let restated: Vec<ClaimId> = x
                .claims
                .iter()
                .filter(|c| &c.id != named && corrections.get(&c.id) == Some(by))
                .map(|c| c.id.clone())
                .collect();
            Some((named.clone(), by.clone(), restated))
        };
        for (kind, old, new, [lo, ln]) in [
            (RelationKind::SupersededBy, a, b, [la, lb]),
            (RelationKind::Supersedes, b, a, [lb, la]),
        ] {
            if let Some((corrected, by, restated)) = corrected_by(old, new) {
                let _ = write!(
                    text,
                    ": {by} is an explicit correction of {corrected}, so {ln} supersedes {lo} whatever the values"
                );
                if !restated.is_empty() {
                    text.push_str("; ");
                    push_listed_ids(&mut text, &restated, ClaimId::as_str);
                    let _ = write!(
                        text,
                        ", which gave {corrected}'s figure from the same origin before the correction, {} withdrawn with it",
                        if restated.len() == 1 { "is" } else { "are" }
                    );
                }
                return Some(Relation::new(kind, evidence, text));
            }
        }
        if a.polarity == Polarity::Negative && b.polarity == Polarity::Negative {
            // Two denials never contradict each other: denying 50,000 and
            // denying 100,000 can both hold, whatever the values.
            text.push_str(": both are denials, and two denials can both hold");
            return Some(Relation::new(RelationKind::Compatible, evidence, text));
        }
        if a.polarity != b.polarity {
            if !self.same_value(a, b) {
                return None;
            }
            let (denial, assertion) = if a.polarity == Polarity::Negative {
                (a, b)
            } else {
                (b, a)
            };
            if !self.denies_all_of(denial, assertion) {
                text.push_str(
                    ": one denies part of what the other allows, not all of it, so both can hold",
                );
                push_certainty_note(&mut text);
                return Some(Relation::new(RelationKind::Compatible, evidence, text));
            }
            text.push_str(": one asserts what the other denies, so the positions conflict");
            push_certainty_note(&mut text);
            return Some(Relation::new(RelationKind::Conflict, evidence, text));
        }
        // Positions have report times and `superseded_by` only in a series
        // (a cumulative or current property).
        let series = series_of.word.unwrap_or("cumulative");
        // A position of a series' undated claims beside a dated one: not
        // ordered in time, compared by value alone.
        let undated = a.reported.is_some() != b.reported.is_some();
        if undated {
            // Why the one is not placed: no report time, or a time that
            // holds reports of the series at times that do not meet (a
            // day beside two hours of it), which is compared with the
            // latest report as if of it. Its times are given: it has them.
            let (x, lx) = if a.reported.is_none() {
                (a, la)
            } else {
                (b, lb)
            };
            let mut times: Vec<Period> = x
                .claims
                .iter()
                .filter_map(|c| self.series_own_time(c))
                .collect();
            times.sort_unstable();
            times.dedup();
            text.push_str(": ");
            if times.is_empty() {
                text.push_str("one has no report time");
            } else {
                let _ = write!(text, "{lx} was reported ");
                for (k, t) in times.iter().take(3).enumerate() {
                    if k > 0 {
                        text.push_str(", ");
                    }
                    let _ = write!(text, "{t}");
                }
                if times.len() > 3 {
                    let _ = write!(text, " and {} more", times.len() - 3);
                }
                text.push_str(if times.len() == 1 {
                    ", a time that holds"
                } else {
                    ", times that hold"
                });
                text.push_str(" reports of the series at times that do not meet");
                if x.claims.iter().any(|c| self.series_own_time(c).is_none()) {
                    text.push_str(", or not at all");
                }
            }
            if self.same_value(a, b) {
                text.push_str(
                    ", so the two are not ordered, and their values overlap, so both can hold",
                );
                return Some(Relation::new(RelationKind::Compatible, evidence, text));
            }
            text.push_str(", so the two are not ordered, and ");
            text.push_str(match &a.claims[0].value {
                Value::Date(_) => "the periods do not overlap, so the positions conflict",
                _ => "the intervals do not overlap, so the positions conflict",
            });
            self.push_shared_origin(&mut text, [a, b], corrections, AtOdds::Apart);
            push_different_units(&mut text, a, b);
            push_certainty_note(&mut text);
            return Some(Relation::new(RelationKind::Conflict, evidence, text));
        }
        // A coarse figure beside an earlier figure that still stands (a
        // total fell from it, or the latest report says nothing finer):
        // it fits it, and replaces it no more than it supports it
        // (thirteenth audit, F3). So too a coarse figure of an
        // intermediate report, which the latest supersedes, beside an
        // earlier figure that stands at the end.
        let over_standing = |coarse: &Built<'_>, earlier: &Built<'_>| {
            coarse.coarse
                && earlier.superseded_by.is_none()
                && matches!((earlier.reported, coarse.reported), (Some(e), Some(c)) if e.1 <= c.0)
        };
        if (a.coarse || b.coarse) && a.superseded_by.is_none() && b.superseded_by.is_none()
            || over_standing(a, b)
            || over_standing(b, a)
        {
            return Some(coarse_relation(a, b, [la, lb], evidence, text));
        }
        if let (Some(ta), Some(tb)) = (a.reported, b.reported)
            && ta.1 <= tb.0
        {
            let show = shown_report_time;
            // A running total does not fall: a later position wholly
            // below the earlier one contradicts it.
            // A correction stands at the time of the claim it corrects,
            // which the sentence names: that time is not its own.
            // Either side given "as of" a day not its report's: both
            // times are when the figures held (twentieth audit, G4).
            let as_of = a.as_of || b.as_of;
            let earlier = InTime {
                label: la,
                placed: a.placed.as_ref(),
                time: show(ta),
                later: false,
                as_of,
            };
            if let (Some(x), Some(y)) = (a.interval, b.interval)
                && series_of.cumulative
                && crate::relation::fell(&x, &y)
            {
                let later = InTime {
                    label: lb,
                    placed: b.placed.as_ref(),
                    time: show(tb),
                    later: true,
                    as_of,
                };
                crate::relation::push_fall_of(&mut text, &later, &earlier, "positions");
                self.push_shared_origin(&mut text, [a, b], corrections, AtOdds::Fell);
                push_different_units(&mut text, a, b);
                return Some(Relation::new(RelationKind::Conflict, evidence, text));
            }
            // Pushed piece by piece: some 6,000 sentences at 30k claims,
            // and `write!` cost several times the copies. The pieces
            // before the later side's time, and the one after it.
            let (before, after) = match (&b.placed, as_of) {
                (None, false) => ([" was reported later (", "", ""], ") than "),
                (None, true) => ([" is as of a later time (", "", ""], ") than "),
                (Some(k), false) => ([" corrects ", k.as_str(), ", reported "], ", later than "),
                (Some(k), true) => ([" corrects ", k.as_str(), ", as of "], ", later than "),
            };
            for piece in [": the property is ", series, " and ", lb]
                .into_iter()
                .chain(before)
            {
                text.push_str(piece);
            }
            show(tb).push_to(&mut text);
            text.push_str(after);
            let _ = earlier.write_to(&mut text);
            text.push_str(", so it supersedes it");
            return Some(Relation::new(RelationKind::SupersededBy, evidence, text));
        }
        // One side superseded and the other not, their report times not
        // ordered: the other holds the latest report. Two positions of
        // one report are not so: one of them fell, or a correction
        // (above) replaced it, and their values are compared below
        // (tenth audit, F5).
        let one_report = a.reported.is_some() && a.reported == b.reported;
        if let (Some(by), None, false) = (&a.superseded_by, &b.superseded_by, one_report) {
            let _ = write!(
                text,
                ": the property is {series} and {lb} holds the latest report ({by}), so it supersedes {la}"
            );
            return Some(Relation::new(RelationKind::SupersededBy, evidence, text));
        }
        if let (None, Some(by), false) = (&a.superseded_by, &b.superseded_by, one_report) {
            let _ = write!(
                text,
                ": the property is {series} and {la} holds the latest report ({by}), so it supersedes {lb}"
            );
            return Some(Relation::new(RelationKind::Supersedes, evidence, text));
        }
        // A coarse position is paired with the first and last position it
        // fits, which overlap it: not neighbours made disjoint by the sweep.
        if a.coarse || b.coarse {
            return Some(coarse_relation(a, b, [la, lb], evidence, text));
        }
        text.push_str(": ");
        let kind = match &a.claims[0].value {
            Value::Quote(_) => match negation {
                // Wordings kept apart only because one negates the other
                // say opposite things: that is a conflict over the words.
                Some((wa, wb)) => {
                    // The printed texts, where an answering "No," shows.
                    let (ta, tb) = (quote_text(a.claims[wa]), quote_text(b.claims[wb]));
                    let wa = split_words(&a.quote_texts[wa]);
                    let wb = split_words(&b.quote_texts[wb]);
                    let similarity = crate::relation::word_similarity(&wa, &wb);
                    let threshold = self.policy.quote_threshold();
                    let diff = render_diff(&word_diff(&wa, &wb));
                    // Said apart, by the claims' dates or occasions: the
                    // speaker may have changed position.
                    let apart = crate::relation::SaidApart::of((la, &a.claims), (lb, &b.claims));
                    let same_parity = negates_oddly(&wa, ta) == negates_oddly(&wb, tb);
                    let figures = if same_parity {
                        crate::relation::figures_differ(&wa, &wb)
                    } else {
                        None
                    };
                    // Or the same figures in another measure ("$8 billion",
                    // "8 billion euros").
                    let vocabulary = self.policy.vocabulary();
                    let measures = (same_parity
                        && figures.is_none()
                        && crate::relation::same_but_figures(&wa, &wb, vocabulary))
                    .then(|| crate::relation::measures_differ((&wa, ta), (&wb, tb), vocabulary))
                    .flatten();
                    if let Some((x, y)) = measures {
                        let how = if similarity < threshold {
                            format!("the same words but for the measure of a figure ({x} and {y})")
                        } else {
                            format!(
                                "near-same words (similarity {similarity}), but they state a figure in different measures ({x} and {y})"
                            )
                        };
                        write!(text, "{how}, so they conflict: {diff}{apart}").ok();
                    } else if let Some((x, y)) = figures {
                        let printed = crate::relation::printed_figure;
                        let (x, y) = (printed(ta, x), printed(tb, y));
                        let how = if similarity < threshold {
                            format!("the same words but for a figure ({x} and {y})")
                        } else {
                            format!(
                                "near-same words (similarity {similarity}), but they state different figures ({x} and {y})"
                            )
                        };
                        write!(text, "{how}, so they conflict: {diff}{apart}").ok();
                    } else {
                        match negation_reach((&wa, ta), (&wb, tb), threshold, self.policy.vocabulary())
                        .filter(|_| similarity < threshold)
                    {
                        // Below the threshold only for the negation.
                        Some(without) => write!(
                            text,
                            "the same words but for a negation (similarity {without} without it), so they conflict: {diff}{apart}"
                        ),
                        None => write!(
                            text,
                            "near-same words (similarity {similarity}), but one negates what the other says, so they conflict: {diff}{apart}"
                        ),
                    }
                    .ok();
                    }
                    RelationKind::Conflict
                }
                None => {
                    text.push_str("different words, so different quotes");
                    RelationKind::DifferentQuote
                }
            },
            Value::Statement(_) if !self.policy.is_single_valued(property) => {
                text.push_str(
                    "different objects of a property that can take several, so both can hold",
                );
                RelationKind::Compatible
            }
            Value::Statement(_) => {
                let _ = write!(
                    text,
                    "{property} takes one value, so different objects conflict"
                );
                RelationKind::Conflict
            }
            Value::Text(_) => {
                text.push_str("the texts differ, so the positions conflict");
                RelationKind::Conflict
            }
            Value::Date(_) => {
                text.push_str("the periods do not overlap, so the positions conflict");
                RelationKind::Conflict
            }
            Value::Quantity(_) => {
                text.push_str("the intervals do not overlap, so the positions conflict");
                RelationKind::Conflict
            }
        };
        if kind == RelationKind::Conflict {
            let odds = match &a.claims[0].value {
                Value::Quantity(_) | Value::Date(_) => AtOdds::Apart,
                _ => AtOdds::Differ,
            };
            self.push_shared_origin(&mut text, [a, b], corrections, odds);
            push_different_units(&mut text, a, b);
            self.push_unordered(&mut text, [a, b], [la, lb]);
        }
        push_certainty_note(&mut text);
        Some(Relation::new(kind, evidence, text))
    }

    /// Appends, for two positions of one report time in a series whose
    /// claims were reported at different but overlapping times (a day and
    /// an hour of it), that the series cannot order them: a conflict that
    /// a finer date on one side might have made a supersession. Sides
    /// whose own times do not meet, joined by a coarser report, are named
    /// with their times.
    fn push_unordered(&self, text: &mut String, [a, b]: [&Built<'_>; 2], [la, lb]: [&str; 2]) {
        use std::fmt::Write;
        let Some(span) = a.reported.filter(|_| a.reported == b.reported) else {
            return;
        };
        // Only the report times of the bucket itself: an earlier claim
        // that joined the latest report by stating its figure again, and
        // an undated one, were not reported within it.
        let within = |claims: &[&Claim]| -> Vec<Period> {
            claims
                .iter()
                .filter_map(|c| self.series_own_time(c))
                .filter(|t| {
                    let (start, end) = t.interval();
                    span.0 <= start && end <= span.1
                })
                .collect()
        };
        let (ta, tb) = (within(&a.claims), within(&b.claims));
        // A time of one that differs from a time of the other: both have
        // times, and not all of them are one (a linear check; comparing
        // every pair was quadratic in the claims of large positions).
        let all_one = ta.iter().chain(&tb).all(|t| Some(t) == ta.first());
        if ta.is_empty() || tb.is_empty() || all_one {
            return;
        }
        // Each side's own times, from its earliest start to its latest
        // end: sides whose own times do not meet (27 and 28 August) are
        // joined in one report time by a coarser report of the series
        // that spans both (one of August), which the sentence names: it
        // had said their times overlap (fifteenth audit, B4).
        let extent = |times: &[Period]| {
            let start = times.iter().map(Period::start).min();
            let end = times.iter().map(Period::end).max();
            start.zip(end)
        };
        if let (Some((sa, ea)), Some((sb, eb))) = (extent(&ta), extent(&tb))
            && (ea <= sb || eb <= sa)
        {
            let (first, first_time, second, second_time) = if ea <= sb {
                (la, &ta[0], lb, &tb[0])
            } else {
                (lb, &tb[0], la, &ta[0])
            };
            let _ = write!(
                text,
                "; {first} was reported {first_time} and {second} {second_time}, joined in one report time of the series by a report of {}, so the series does not order them",
                shown_report_time(span)
            );
            return;
        }
        let _ = write!(
            text,
            "; they were reported at times that overlap (within {}), so the series cannot tell which is later",
            shown_report_time(span)
        );
    }

    /// Appends "; one origin, X, gives both" when a claim of each position
    /// ends at the same source (the smallest such id) and those two claims
    /// are themselves at odds as `odds` says: one source giving two
    /// figures that conflict is not two sources disagreeing. An origin
    /// whose own figures agree ("at least 19", then 23, beside someone
    /// else's 25) is not named: the conflict is not its own (tenth audit,
    /// F3). Nor does a claim the origin withdrew (one that `corrections`
    /// holds) count: what it withdrew it no longer gives (eleventh audit,
    /// F12). Not for quotes, whose origin is their speaker on both sides.
    fn push_shared_origin(
        &self,
        text: &mut String,
        [a, b]: [&Built<'_>; 2],
        corrections: &HashMap<&ClaimId, ClaimId>,
        odds: AtOdds,
    ) {
        use std::fmt::Write;
        if matches!(a.claims.first().map(|c| &c.value), Some(Value::Quote(_))) {
            return;
        }
        let standing = |c: &&&Claim| !corrections.contains_key(&c.id);
        // (Kept in place for a few, as most positions have.)
        let mut origins: smallvec::SmallVec<[(&SourceId, &Claim); 8]> = a
            .claims
            .iter()
            .filter(standing)
            .filter_map(|c| Some((self.person(c.assertion.origin()?), *c)))
            .collect();
        origins.sort_unstable_by_key(|&(o, _)| o);
        let vocabulary = self.policy.vocabulary();
        let at_odds = |x: &Claim, y: &Claim| match (odds, &x.value, &y.value) {
            (AtOdds::Differ, _, _) => true,
            (AtOdds::Fell, Value::Quantity(p), Value::Quantity(q)) => {
                crate::relation::fell(&p.interval(vocabulary), &q.interval(vocabulary))
            }
            (AtOdds::Apart, Value::Quantity(p), Value::Quantity(q)) => {
                let (p, q) = (p.interval(vocabulary), q.interval(vocabulary));
                p.is_known() && q.is_known() && !p.overlaps(&q)
            }
            (AtOdds::Apart, Value::Date(p), Value::Date(q)) => !p.overlaps(q),
            _ => false,
        };
        let shared = b
            .claims
            .iter()
            .filter(standing)
            .filter_map(|c| Some((self.person(c.assertion.origin()?), *c)))
            .filter(|&(o, y)| {
                let first = origins.partition_point(|&(p, _)| p < o);
                origins[first..]
                    .iter()
                    .take_while(|&&(p, _)| p == o)
                    .any(|&(_, x)| at_odds(x, y))
            })
            .map(|(o, _)| o)
            .min();
        if let Some(shared) = shared {
            let _ = write!(
                text,
                "; one origin, {}, gives both",
                self.source_name(shared)
            );
        }
    }

    /// The voice of a claim's end where the end may cite on through the
    /// chains of its articles, as origins are counted
    /// ([`relaying_ends`](Self::relaying_ends)): an end of a chain that
    /// goes on, that is a publication or a newsroom (an outlet, or an
    /// office named as one), and not of the claim's own publication's
    /// voice. `None` for any other claim.
    fn relay_end<'c>(&self, claim: &'c Claim) -> Option<Voice<'c>>
    where
        'a: 'c,
    {
        let chain = &claim.assertion.chain;
        let end = chain.last().filter(|_| chain.len() > 1)?;
        let cites_on = match self.source_slot(end) {
            Some(k) => self.cites_on.get(k).copied().unwrap_or(false),
            None => self.newsroom(end).is_some(),
        };
        if !cites_on {
            return None;
        }
        let voice = self.voice(end);
        (voice != self.voice(&chain[0])).then_some(voice)
    }

    /// Joins, among the relay check's groups (`keyed`: (lineage, anchor),
    /// place, claim; sorted by key), the group of each claim whose end
    /// cites on ([`relay_end`](Self::relay_end)) to the group of the
    /// versions the end's own articles (the claims it published, by
    /// voice) give at that anchor, where they all go on, and to one
    /// lineage. BBC's "2,300" citing the source "Reuters", beside Reuters'
    /// article giving "at least 2,300" from the Red Crescent, is then
    /// compared with it, as the origin counter already followed the one
    /// through the other (twentieth audit, G5). Where an article of the
    /// newsroom gives the figure on its own authority, or they give it
    /// from two lineages, nothing tells which the relay relayed, and it
    /// stays in its own. Joins only groups of one anchor: Reuters relaying
    /// the Red Crescent's 2,300 and the WHO's 4,000 does not make the
    /// two one lineage. Returns whether any group was joined, the groups
    /// then to be sorted again. Sorts and searches; no pass over pairs.
    fn join_relaying_ends<'c, A: Ord>(&self, keyed: &mut [((usize, A), usize, &'c Claim)]) -> bool
    where
        'a: 'c,
    {
        // The voices of the ends that may cite on: most topics have none.
        let relay_ends: Vec<Option<Voice<'c>>> =
            keyed.iter().map(|e| self.relay_end(e.2)).collect();
        let mut ends: Vec<Voice<'c>> = relay_ends.iter().flatten().copied().collect();
        if ends.is_empty() {
            return false;
        }
        ends.sort_unstable();
        ends.dedup();
        // The versions those ends published, by (voice, anchor), each
        // with the lineage it goes on to, or `None` where it speaks for
        // itself (a chain of one link).
        let mut tails: Vec<(Voice<'c>, &A, Option<usize>)> = keyed
            .iter()
            .filter_map(|((lineage, anchor), _, claim)| {
                let chain = &claim.assertion.chain;
                let voice = self.voice(&chain[0]);
                ends.binary_search(&voice).ok()?;
                Some((voice, anchor, (chain.len() > 1).then_some(*lineage)))
            })
            .collect();
        tails.sort_unstable();
        // The one lineage each (voice, anchor) goes on to, if one (`None`
        // sorts first, so a run is all one lineage if its first and last
        // are).
        let onward: Vec<(Voice<'c>, &A, usize)> = tails
            .chunk_by(|x, y| x.0 == y.0 && x.1 == y.1)
            .filter_map(|run| {
                let lineage = run[0].2?;
                (run[run.len() - 1].2 == Some(lineage)).then_some((run[0].0, run[0].1, lineage))
            })
            .collect();
        if onward.is_empty() {
            return false;
        }
        // A group is known by the place of its first member.
        let group = |lineage: usize, anchor: &A| {
            keyed.partition_point(|e| (e.0.0, &e.0.1) < (lineage, anchor))
        };
        let mut parent: Vec<usize> = (0..keyed.len()).collect();
        let mut joined = false;
        for (((lineage, anchor), _, _), end) in keyed.iter().zip(&relay_ends) {
            let Some(voice) = *end else {
                continue;
            };
            let Ok(k) = onward.binary_search_by(|o| (o.0, o.1).cmp(&(voice, anchor))) else {
                continue;
            };
            if onward[k].2 != *lineage {
                union(
                    &mut parent,
                    group(*lineage, anchor),
                    group(onward[k].2, anchor),
                );
                joined = true;
            }
        }
        if !joined {
            return false;
        }
        // Each member takes the lineage of its joined groups' first.
        let lineages: Vec<usize> = keyed
            .iter()
            .map(|((lineage, anchor), _, _)| {
                let root = union_root(&mut parent, group(*lineage, anchor));
                keyed[root].0.0
            })
            .collect();
        for (entry, lineage) in keyed.iter_mut().zip(lineages) {
            entry.0.0 = lineage;
        }
        true
    }

    /// Relays that dropped a hedge, a bound or a projection present in the
    /// version closest to their shared origin; and the drops that claims
    /// with no finding of their own carry, as (claim, version whose drop
    /// it carries, whether a projection), sorted: a claim that lacks a
    /// bound or projection which a source its chain passes through had
    /// not used, where one of that source's versions dropped it.
    fn relay_findings<'c>(&self, claims: &[&'c Claim]) -> (Vec<RelayFinding>, Vec<Carried<'c>>)
    where
        'a: 'c,
    {
        // A finding compares two claims of one lineage, one of which keeps
        // a hedge, bound or projection that the other lacks.
        if claims.len() < 2 || !claims.iter().any(|c| Self::is_hedged(c)) {
            return (Vec::new(), Vec::new());
        }
        // Lineages: a claim whose chain ends at a source that another
        // claim's chain passes through shares that claim's lineage.
        // Sources of one newsroom are one lineage, as origins are
        // counted: a relay citing "Reuters" and Reuters' own article, or
        // a relay citing the article, are versions of one origin's words
        // (seventeenth audit, C6 rest). Each end's newsroom is looked up
        // once, when the end is first numbered.
        // Each claim's end is numbered once, here, and its number kept
        // by the claim's place in `claims`: the passes below read it
        // rather than look the end up again (twice a claim, each reading
        // the end's text address and hashing it).
        let mut index = SourceNumbers::with_capacity(claims.len());
        let mut newsrooms: Vec<(&str, usize)> = Vec::new();
        let mut end_numbers: Vec<Option<usize>> = Vec::with_capacity(claims.len());
        for claim in claims {
            let number = claim.assertion.origin().map(|end| {
                let known = index.len();
                let number = index.insert(self.person(end));
                if number == known
                    && let Some(newsroom) = self.newsroom(end)
                {
                    newsrooms.push((newsroom, number));
                }
                number
            });
            end_numbers.push(number);
        }
        let mut parent: Vec<usize> = (0..index.len()).collect();
        newsrooms.sort_unstable();
        for pair in newsrooms.windows(2) {
            if pair[0].0 == pair[1].0 {
                union(&mut parent, pair[0].1, pair[1].1);
            }
        }
        // A source a chain passes through joins it to the lineage of the
        // claims that end at that source (with its newsroom's), and not
        // through the newsroom's other articles: that made one lineage
        // of every origin one outlet relayed.
        for (claim, &end) in claims.iter().zip(&end_numbers) {
            let chain = &claim.assertion.chain;
            let Some(end) = end else {
                continue;
            };
            for link in chain.get(1..chain.len().saturating_sub(1)).unwrap_or(&[]) {
                if let Some(other) = index.get(self.person(link)) {
                    union(&mut parent, end, other);
                }
            }
        }
        // Anchors: what two wordings of one statement share. Numbers are
        // keyed by their value (the same number is the same anchor however
        // it was written), without formatting them.
        #[derive(PartialEq, Eq, PartialOrd, Ord)]
        enum Anchor<'c, 'k> {
            Number(u64),
            Phrase(&'c str),
            Date(Period),
            Entity(&'c EntityId),
            Text(&'k str),
        }
        let number = |v: f64| {
            if v.is_infinite() {
                Anchor::Number(f64::INFINITY.to_bits())
            } else {
                // -0 and 0 are one anchor, as they print alike.
                Anchor::Number(crate::quantity::signless(v).to_bits())
            }
        };
        // Groups are runs of one (lineage, anchor) key once sorted: one
        // vector for the topic rather than one per group. Findings are
        // keyed by claim, but the runs' order is not free: a pair found
        // in two runs (a range's two ends are two anchors) keeps the
        // finding of the later run, so the runs must come in key order.
        // Each entry carries its claim's index in `claims`, so that
        // sorting keeps claims in id order within a run without a stable
        // sort (a claim is at most once in a run: a range's two ends are
        // two anchors), and findings are keyed by it.
        // The key of each distinct text value, made once: a text is
        // often given word for word by many claims of a topic, and
        // making its key reads it a character at a time.
        let mut text_keys: HashMap<&str, String> = HashMap::default();
        for claim in claims {
            if let Value::Text(t) = &claim.value {
                text_keys.entry(t.as_str()).or_insert_with(|| {
                    // Made at the text's length, which the key mostly is,
                    // rather than grown a character at a time.
                    let mut key = String::with_capacity(t.len());
                    key.extend(text_key(t));
                    key
                });
            }
        }
        let mut keyed: Vec<((usize, Anchor<'_, '_>), usize, &Claim)> =
            Vec::with_capacity(claims.len());
        for (at, (claim, &end)) in claims.iter().zip(&end_numbers).enumerate() {
            let Some(end) = end else {
                continue;
            };
            let lineage = union_root(&mut parent, end);
            let mut add = |anchor| keyed.push(((lineage, anchor), at, *claim));
            match &claim.value {
                Value::Quantity(q) => match q.amount() {
                    Amount::Exact(v)
                    | Amount::AtLeast { value: v, .. }
                    | Amount::AtMost { value: v, .. }
                    | Amount::Approximate { value: v, .. } => add(number(*v)),
                    Amount::Range { min, max } => {
                        add(number(*min));
                        if min != max {
                            add(number(*max));
                        }
                    }
                    Amount::Vague { phrase } => add(Anchor::Phrase(phrase)),
                },
                Value::Date(p) => add(Anchor::Date(*p)),
                Value::Statement(s) => add(Anchor::Entity(self.resolution.canonical(&s.object))),
                Value::Text(t) => add(Anchor::Text(&text_keys[t.as_str()])),
                Value::Quote(_) => {}
            }
        }
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        // An end that cites on through its articles joins their lineage
        // at the anchors they go on by (twentieth audit, G5).
        if self.join_relaying_ends(&mut keyed) {
            keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        }
        let hedges = Self::hedge_marks;
        // The marks of the origins that speak in the topic in their own
        // voice (a chain of one link), each origin's over all its own
        // claims. A mark that a relayed version keeps and the origin's own
        // words lack was added on the way, not dropped by the versions
        // without it: BBC's "about 61%" beside the commission's own
        // 61.24% is no bound of the commission's that Reuters' "61%"
        // dropped (thirteenth audit, F13). Relaying is taken to lose
        // marks and not add them only where the origin is not heard.
        // Gathered on the first question, as most topics report nothing.
        // An origin is known by its newsroom where it is one, as origins
        // are counted: Reuters' own article speaks for the source
        // "Reuters" that relays cite (seventeenth audit, C6); else by
        // its source (a person's sources as one).
        let voice = |id: &'c SourceId| -> Voice<'c> { self.voice(id) };
        let own: std::cell::OnceCell<Vec<(Voice<'_>, [bool; 3])>> = std::cell::OnceCell::new();
        let own = || {
            own.get_or_init(|| {
                let mut own: Vec<(Voice<'_>, [bool; 3])> = claims
                    .iter()
                    .filter(|c| c.assertion.chain.len() == 1)
                    .map(|c| {
                        let (h, b, p) = hedges(c);
                        (voice(&c.assertion.chain[0]), [h, b, p])
                    })
                    .collect();
                merge_marks(&mut own);
                own
            })
        };
        // The kinds of mark that `reference` keeps but its origin's own
        // words lack: none where the origin is not heard.
        let not_the_origins = |reference: &'c Claim| -> [bool; 3] {
            let own = own();
            let origin = reference.assertion.origin().map(voice);
            match origin.and_then(|o| own.binary_search_by(|e| e.0.cmp(&o)).ok()) {
                Some(k) => own[k].1.map(|marked| !marked),
                None => [false; 3],
            }
        };
        // Findings keyed by the places of their claim and reference in
        // `claims` (id order); a pair found again (in two runs) keeps its
        // last finding.
        let mut findings: Vec<([usize; 2], usize, RelayFinding)> = Vec::new();
        let mut sentence = String::with_capacity(256);
        // The best version of one set of hedge marks, and apart from each
        // source its chain passes through after its publication (by
        // voice, sorted), the best version of that set whose chain does
        // not pass through it: the one that stands in for a claim of that
        // source, which the best relays (eighteenth audit, E2).
        struct Best<'c> {
            version: Version<'c>,
            apart: smallvec::SmallVec<[(Voice<'c>, Option<Version<'c>>); 2]>,
        }
        // A version: its place in `claims`, the claim, and the marks it
        // can be a reference for (hedge, bound, projection): its own, but
        // for those a source its chain passes through never used.
        type Version<'c> = (usize, &'c Claim, [bool; 3]);
        // The sources a version's chain passes through after its
        // publication, by voice (as origins are counted, so an article
        // and its outlet are one), sorted and without repeats.
        let through = |claim: &'c Claim| -> smallvec::SmallVec<[Voice<'c>; 4]> {
            let mut passes: smallvec::SmallVec<[Voice<'c>; 4]> =
                claim.assertion.chain.iter().skip(1).map(voice).collect();
            passes.sort_unstable();
            passes.dedup();
            passes
        };
        let mut chosen: Vec<Version<'c>> = Vec::with_capacity(8);
        // The members of a run as versions (see below): one vector for
        // the topic, refilled for each run.
        let mut versions: Vec<(Version<'c>, [bool; 3])> = Vec::new();
        // What the sources of one run said (see below): one vector for
        // the topic, refilled for each run.
        let mut spoken: Vec<(Voice<'c>, Said)> = Vec::new();
        // The drops members carry (see below): (member, version whose
        // drop it carries, whether a projection).
        let mut carried: Vec<Carried<'c>> = Vec::new();
        // When each member of a run was reported, and its timed members
        // by the start and by the end of their report (see below): one
        // vector each for the topic, refilled for each run.
        let mut times_buf: Vec<Option<Period>> = Vec::new();
        let mut by_start: Vec<(chrono::NaiveDateTime, usize)> = Vec::new();
        let mut by_end: Vec<(chrono::NaiveDateTime, usize)> = Vec::new();
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            if run.len() < 2 {
                continue;
            }
            // When each member was reported (said, or else published).
            times_buf.clear();
            times_buf.extend(run.iter().map(|&(_, _, c)| self.reported(c)));
            let times: &[Option<Period>] = &times_buf;
            // What each source that a chain of the run passes through said
            // in its own versions of the figure (the run's claims that it
            // published, by voice): when it first gave a version, and when
            // it first gave one that keeps each kind of mark. Where all of
            // a source's versions reported before a relay's report ended
            // lack a kind of mark, a relay of that source that keeps it
            // added it after the source, and one that lacks it relayed the
            // source faithfully: BBC's "at least 23" and AP's "23", both
            // via Reuters, beside Reuters' own "23" citing IGSU (eighteenth
            // audit, E2). A version reported later says nothing of what
            // the source had said when it was relayed: Reuters' "at least
            // 23" three days after AP's relay does not make AP's "23" a
            // drop of BBC's bound (nineteenth audit, F3, as A7 for the
            // references). Relaying is taken to lose marks and not add
            // them only where no such source is heard.
            // A member whose end cites on in the run (a newsroom or
            // article one of whose versions here goes on) relayed that
            // end's version: the end is a source between its publication
            // and the origin, heard as the links inside a chain are
            // (twentieth audit, G5). Looked at only where an end may.
            let mut going_on: smallvec::SmallVec<[Voice<'c>; 4]> = smallvec::SmallVec::new();
            if run.iter().any(|&(_, _, c)| self.relay_end(c).is_some()) {
                going_on.extend(
                    run.iter()
                        .filter(|&&(_, _, c)| c.assertion.chain.len() > 1)
                        .map(|&(_, _, c)| voice(&c.assertion.chain[0])),
                );
                going_on.sort_unstable();
                going_on.dedup();
            }
            // The end of a chain counted among the links between: 1 if it
            // cites on in the run, else 0.
            let end_between = |claim: &'c Claim| -> usize {
                usize::from(
                    !going_on.is_empty()
                        && self
                            .relay_end(claim)
                            .is_some_and(|v| going_on.binary_search(&v).is_ok()),
                )
            };
            let between = run
                .iter()
                .any(|&(_, _, c)| c.assertion.chain.len() > 2 || end_between(c) > 0);
            spoken.clear();
            if between {
                spoken.extend(run.iter().zip(times).filter_map(|(&(_, _, c), time)| {
                    let (h, b, p) = hedges(c);
                    // A version with no report time was heard by every relay.
                    let start = time.map_or(chrono::NaiveDateTime::MIN, |t| t.start());
                    let when = |kept: bool| kept.then_some(start);
                    Some((
                        voice(c.assertion.chain.first()?),
                        [when(h), when(b), when(p), Some(start)],
                    ))
                }));
                merge_said(&mut spoken);
            }
            // The kinds of mark that a source between a claim's
            // publication and its origin had not used in any version
            // reported before the claim's report ended (`time`; a claim
            // with no report time hears every version), where it had given
            // one by then.
            let lacked = |claim: &'c Claim, time: Option<Period>| {
                let mut lacked = [false; 3];
                let chain = &claim.assertion.chain;
                let last = chain.len() - 1 + end_between(claim);
                if spoken.is_empty() || last < 2 {
                    return lacked;
                }
                let end = time.map(|t| t.end());
                for link in &chain[1..last] {
                    if let Some(gap) = unused(&spoken, voice(link), end) {
                        for (mark, unused) in lacked.iter_mut().zip(gap) {
                            *mark |= unused;
                        }
                    }
                }
                lacked
            };
            // Each member as a version, with the marks it was passed
            // without (which it did not drop), by its place in the run.
            versions.clear();
            versions.extend(run.iter().zip(times).map(|(&(_, at, claim), &time)| {
                let (h, b, p) = hedges(claim);
                let lacked = lacked(claim, time);
                let marks = [h && !lacked[0], b && !lacked[1], p && !lacked[2]];
                ((at, claim, marks), lacked)
            }));
            // A version's reference is the version nearest what the origin
            // said among those that keep something it lacks: the most
            // hedged, then the one with the longest chain (relaying loses
            // hedges and does not add them), then the smaller id. Two
            // versions that each keep what the other lacks are each
            // reported. Only the best version of each set of hedge marks
            // can be a reference: at most eight a run. A version whose
            // chain passes through a claim's publication or newsroom is a
            // relay of that claim, and a mark it keeps that the claim lacks
            // was added on the way: for that claim the best version of its
            // marks that is not downstream stands in (eighteenth audit, E2).
            // A version's marks here are those it can be a reference for
            // (`versions`): a mark added after a heard source is not one.
            let score = |v: &Version<'c>| {
                let [h, b, p] = v.2;
                (h as u8 + b as u8 + p as u8, v.1.assertion.chain.len())
            };
            // Greater for the version nearer the origin.
            let order = |a: &Version<'c>, b: &Version<'c>| {
                score(a).cmp(&score(b)).then_with(|| b.1.id.cmp(&a.1.id))
            };
            let better =
                |a: &Version<'c>, b: &Version<'c>| order(a, b) == std::cmp::Ordering::Greater;
            // A version's place among the best of its kind of marks, and
            // among the best of them apart from each source the best passes
            // through. True if a place changed hands.
            let offer = |best: &mut [Option<Best<'c>>; 8], version: Version<'c>| {
                let (claim, [h, b, p]) = (version.1, version.2);
                let slot = &mut best[usize::from(h) | usize::from(b) << 1 | usize::from(p) << 2];
                let Some(kept) = slot else {
                    let apart = through(claim).into_iter().map(|v| (v, None)).collect();
                    *slot = Some(Best { version, apart });
                    return true;
                };
                if better(&version, &kept.version) {
                    // Apart from each source the new best passes through,
                    // the best before it that does not: the old best,
                    // unless it passes through that source too.
                    let apart = through(claim)
                        .into_iter()
                        .map(|v| match kept.apart.binary_search_by(|e| e.0.cmp(&v)) {
                            Ok(k) => (v, kept.apart[k].1),
                            Err(_) => (v, Some(kept.version)),
                        })
                        .collect();
                    *kept = Best { version, apart };
                    return true;
                }
                // Its own chain is looked at only where it could take a
                // place (most runs keep their best apart from each source).
                let mut takes = false;
                for (v, other) in &mut kept.apart {
                    if other.is_none_or(|o| better(&version, &o))
                        && !claim.assertion.chain.iter().skip(1).any(|l| voice(l) == *v)
                    {
                        *other = Some(version);
                        takes = true;
                    }
                }
                takes
            };
            // The places taken, with their best versions, nearest the
            // origin first.
            // At most eight places, so kept on the stack: ranked again
            // for most claims of a timed run, a vector for each had been
            // the run's most frequent allocation.
            let ranked = |best: &[Option<Best<'c>>; 8]| {
                let mut places: smallvec::SmallVec<[(usize, Version<'c>); 8]> = best
                    .iter()
                    .enumerate()
                    .filter_map(|(k, kept)| Some((k, kept.as_ref()?.version)))
                    .collect();
                places.sort_by(|a, b| order(&b.1, &a.1));
                places
            };
            // A claim's references, nearest the origin first, into
            // `chosen`: each best version, or where that version is
            // downstream of the claim (passes through the voice of its
            // publication), the best of its marks that is not, if any.
            let choose = |claim: &'c Claim,
                          best: &[Option<Best<'c>>; 8],
                          ranked: &[(usize, Version<'c>)],
                          chosen: &mut Vec<Version<'c>>| {
                chosen.clear();
                let publication = claim.assertion.chain.first().map(voice);
                let mut moved = false;
                for best in ranked.iter().filter_map(|&(k, _)| best[k].as_ref()) {
                    match publication
                        .and_then(|o| best.apart.binary_search_by(|e| e.0.cmp(&o)).ok())
                    {
                        Some(k) => {
                            moved = true;
                            chosen.extend(best.apart[k].1);
                        }
                        None => chosen.push(best.version),
                    }
                }
                if moved {
                    chosen.sort_by(|a, b| order(b, a));
                }
            };
            // A version reported wholly after a relay was reported is not
            // what it relayed: an origin that says "23" and three days
            // later "at least 23" did not have the earlier relay drop a
            // bound (fifteenth audit, A7). A version with no report time
            // can be any claim's reference, and a claim with none can have
            // any version. Most runs' report times all meet: one set of
            // references serves every claim.
            let latest_start = times.iter().flatten().map(Period::start).max();
            let earliest_end = times.iter().flatten().map(Period::end).min();
            let in_time = matches!((latest_start, earliest_end), (Some(s), Some(e)) if s >= e);
            let mut all: [Option<Best<'c>>; 8] = Default::default();
            for &(version, _) in &versions {
                offer(&mut all, version);
            }
            // What the findings of this run say of each reference, by its
            // place in `claims`: the reference's value, made once.
            let mut about: Vec<(usize, String)> = Vec::new();
            // The findings made in this run begin here.
            let made_from = findings.len();
            let mut find = |(claim_at, claim, _): Version<'c>,
                            passed_without: [bool; 3],
                            references: &[Version<'c>]| {
                // An origin's own words (a chain of one link) relay
                // nothing: where they differ in their marks, the origin
                // gave both. With lineages by newsroom, Reuters' unhedged
                // article had been said to relay Reuters, dropping the
                // "about" of another of its articles.
                if claim.assertion.chain.len() == 1 {
                    return;
                }
                // A kind of mark a source its chain passes through never
                // used is not one it dropped: it is counted as kept.
                let (h, b, p) = hedges(claim);
                let (h, b, p) = (
                    h || passed_without[0],
                    b || passed_without[1],
                    p || passed_without[2],
                );
                // What `claim` dropped of `reference`'s marks, but for the
                // kinds already reported (`done`), which are not written.
                let dropped_from = |reference: &'c Claim, marks: [bool; 3], done: [bool; 3]| {
                    let [rh, rb, rp] = marks;
                    let (mut rh, mut rb, mut rp) = (rh && !done[0], rb && !done[1], rp && !done[2]);
                    // Only what `claim` lacks could have been dropped.
                    if rh && !h || rb && !b || rp && !p {
                        let added = not_the_origins(reference);
                        rh &= !added[0];
                        rb &= !added[1];
                        rp &= !added[2];
                    }
                    // Gathered in place, then into a vector of their
                    // number: the report keeps it, with no room over.
                    let mut marks: [Option<Dropped>; 3] = [None, None, None];
                    if rh && !h && claim.assertion.modality.certainty == Certainty::Certain {
                        let (from, to) = (
                            reference.assertion.modality.certainty.as_str(),
                            claim.assertion.modality.certainty.as_str(),
                        );
                        let mut hedge = String::with_capacity(from.len() + to.len() + 5);
                        hedge.push_str(from);
                        hedge.push_str(" → ");
                        hedge.push_str(to);
                        marks[0] = Some(Dropped::Hedge(hedge));
                    }
                    // The bare number, or the range without the hedge over
                    // it ("40–45" for "about 40–45").
                    let bare = match (&claim.value, &reference.value) {
                        (Value::Quantity(q), Value::Quantity(r)) => {
                            q.form() == QuantityForm::Exact
                                || q.form() == QuantityForm::Range
                                    && r.form() == QuantityForm::Range
                        }
                        (Value::Quantity(q), _) => q.form() == QuantityForm::Exact,
                        _ => false,
                    };
                    if rb && !b && bare {
                        let form = match &reference.value {
                            Value::Quantity(q) if q.form() == QuantityForm::Range => {
                                "approximate range".to_string()
                            }
                            Value::Quantity(q) => q.form().as_str().to_string(),
                            _ => String::new(),
                        };
                        marks[1] = Some(Dropped::Bound(form));
                    }
                    if rp && !p {
                        marks[2] = Some(Dropped::Projection(
                            reference
                                .scope
                                .horizon
                                .as_deref()
                                .unwrap_or("unstated horizon")
                                .to_string(),
                        ));
                    }
                    let mut dropped = Vec::with_capacity(marks.iter().flatten().count());
                    dropped.extend(marks.into_iter().flatten());
                    dropped
                };
                // Each kind of mark dropped is reported once, against the
                // first reference (nearest the origin) that keeps it: a
                // version that dropped one reference's hedge and another's
                // bound gets a finding against each.
                let mut reported = [false; 3];
                // The origin the claim's own chain names, which its
                // reference's need not be: a claim citing the ministry is
                // in the lineage of a version citing Reuters where another
                // chain shows Reuters relaying the ministry (nineteenth
                // audit, F8). Named once a finding is made.
                let mut origin_name: Option<OriginName<'_>> = None;
                for &(reference_at, reference, marks) in references {
                    if std::ptr::eq(claim, reference) {
                        continue;
                    }
                    // A reference that keeps no mark the claim lacks (but
                    // for those already reported) gives no drop: told
                    // here, as `dropped_from` would find, without making
                    // its list.
                    let [rh, rb, rp] = marks;
                    let lacks = rh && !reported[0] && !h
                        || rb && !reported[1] && !b
                        || rp && !reported[2] && !p;
                    if !lacks {
                        continue;
                    }
                    let dropped = dropped_from(reference, marks, reported);
                    if dropped.is_empty() {
                        continue;
                    }
                    for d in &dropped {
                        reported[d.kind_index()] = true;
                    }
                    let k = match about.iter().position(|a| a.0 == reference_at) {
                        Some(k) => k,
                        None => {
                            about.push((reference_at, self.show_value(&reference.value)));
                            about.len() - 1
                        }
                    };
                    let (_, reference_value) = &about[k];
                    let origin_name = *origin_name.get_or_insert_with(|| {
                        self.source_name(
                            claim
                                .assertion
                                .origin()
                                .unwrap_or(&claim.assertion.chain[0]),
                        )
                    });
                    // "c7 relays UN as 10,000 fighters, dropping the hedge
                    // (possible → certain) present in c3 (up to 10,000 fighters)"
                    // Written in a buffer kept for the topic, then copied
                    // out at its length: the report keeps it, and growing
                    // a string of its own reallocated it for a finding in
                    // three.
                    let explanation = &mut sentence;
                    explanation.clear();
                    explanation.push_str(claim.id.as_str());
                    explanation.push_str(" relays ");
                    origin_name.push_to(explanation);
                    explanation.push_str(" as ");
                    self.push_value(explanation, &claim.value);
                    explanation.push_str(", dropping ");
                    for (i, d) in dropped.iter().enumerate() {
                        if i > 0 {
                            explanation.push_str(" and ");
                        }
                        // An approximation ("about 10,000") is kept as a
                        // bound's form, and named as what it is (twentieth
                        // audit, G9).
                        let (what, detail) = match d {
                            Dropped::Hedge(s) => ("the hedge (", s.as_str()),
                            Dropped::Bound(s) if s.starts_with("approximate") => {
                                explanation.push_str(if s == "approximate" {
                                    "the approximation"
                                } else {
                                    "the approximation over the range"
                                });
                                continue;
                            }
                            Dropped::Bound(s) => ("the bound (", s.as_str()),
                            Dropped::Projection(s) => ("the projection (", s.as_str()),
                        };
                        explanation.push_str(what);
                        // A bound's form is named as the data names it
                        // ("at_least"), and read in words ("at least").
                        for (k, word) in detail.split('_').enumerate() {
                            if k > 0 {
                                explanation.push(' ');
                            }
                            explanation.push_str(word);
                        }
                        explanation.push(')');
                    }
                    explanation.push_str(" present in ");
                    explanation.push_str(reference.id.as_str());
                    explanation.push_str(" (");
                    explanation.push_str(reference_value);
                    explanation.push(')');
                    let key = [claim_at, reference_at];
                    let finding = RelayFinding {
                        claim: claim.id.clone(),
                        origin_claim: reference.id.clone(),
                        dropped,
                        explanation: explanation.as_str().to_owned(),
                    };
                    findings.push((key, findings.len(), finding));
                }
            };
            // A member that lacks a bound or projection that a source its
            // chain passes through had not used (so, above, it dropped
            // nothing of that kind) carries the drop of that kind that
            // one of the source's versions made, if one did: the version
            // it relays dropped it (nineteenth audit, F4). The version
            // taken is the source's earliest with such a finding reported
            // before the member's report ended. Only runs with such a
            // member are looked at again.
            let carry = |made: &[([usize; 2], usize, RelayFinding)],
                         carried: &mut Vec<Carried<'c>>| {
                let carries = |&((_, claim, _), passed): &(Version<'c>, [bool; 3])| {
                    let (_, b, p) = hedges(claim);
                    [false, passed[1] && !b, passed[2] && !p]
                };
                if made.is_empty() || !versions.iter().any(|v| carries(v).contains(&true)) {
                    return;
                }
                // (source, kind of mark, report start, place in `claims`)
                // of each drop made in the run, earliest first.
                let mut drops: Vec<(Voice<'c>, usize, chrono::NaiveDateTime, usize)> = made
                    .iter()
                    .filter_map(|(key, _, finding)| {
                        let claim = claims[key[0]];
                        let i = run.binary_search_by_key(&key[0], |e| e.1).ok()?;
                        let start = times[i].map_or(chrono::NaiveDateTime::MIN, |t| t.start());
                        let v = voice(claim.assertion.chain.first()?);
                        Some(
                            finding
                                .dropped
                                .iter()
                                .map(move |d| (v, d.kind_index(), start, key[0])),
                        )
                    })
                    .flatten()
                    .collect();
                drops.sort_unstable();
                for (version, time) in versions.iter().zip(times) {
                    let kinds = carries(version);
                    if !kinds.contains(&true) {
                        continue;
                    }
                    let claim = version.0.1;
                    let end = time.map(|t| t.end());
                    let chain = &claim.assertion.chain;
                    for (kind, _) in kinds.iter().enumerate().filter(|k| *k.1) {
                        let last = chain.len() - 1 + end_between(claim);
                        let relayed = chain[1..last].iter().find_map(|link| {
                            let v = voice(link);
                            if !unused(&spoken, v, end).is_some_and(|gap| gap[kind]) {
                                return None;
                            }
                            let first = drops.partition_point(|d| (d.0, d.1) < (v, kind));
                            drops
                                .get(first)
                                .filter(|d| d.0 == v && d.1 == kind && end.is_none_or(|e| d.2 < e))
                        });
                        if let Some(&(_, _, _, at)) = relayed {
                            carried.push((&claim.id, &claims[at].id, kind == 2));
                        }
                    }
                }
            };
            if !in_time {
                let references = ranked(&all);
                for &(version, passed_without) in &versions {
                    choose(version.1, &all, &references, &mut chosen);
                    find(version, passed_without, &chosen);
                }
                carry(&findings[made_from..], &mut carried);
                continue;
            }
            // Timed claims in order of their report's end, each with the
            // best versions reported before it ended (and those with no
            // time); then the claims with no time, with every version.
            let mut untimed: [Option<Best<'c>>; 8] = Default::default();
            by_start.clear();
            by_end.clear();
            for (i, time) in times.iter().enumerate() {
                match time {
                    Some(t) => {
                        by_start.push((t.start(), i));
                        by_end.push((t.end(), i));
                    }
                    None => {
                        offer(&mut untimed, versions[i].0);
                    }
                }
            }
            by_start.sort_unstable();
            by_end.sort_unstable();
            // The references change only when a version heard takes a
            // place among the best: ranked again only then.
            let mut heard = untimed;
            let mut references = ranked(&heard);
            let mut next = 0;
            for &(end, i) in &by_end {
                let mut taken = false;
                while let Some(&(start, j)) = by_start.get(next)
                    && start < end
                {
                    taken |= offer(&mut heard, versions[j].0);
                    next += 1;
                }
                if taken {
                    references = ranked(&heard);
                }
                let (version, passed_without) = versions[i];
                choose(version.1, &heard, &references, &mut chosen);
                find(version, passed_without, &chosen);
            }
            let references = ranked(&all);
            for (i, time) in times.iter().enumerate() {
                if time.is_none() {
                    let (version, passed_without) = versions[i];
                    choose(version.1, &all, &references, &mut chosen);
                    find(version, passed_without, &chosen);
                }
            }
            carry(&findings[made_from..], &mut carried);
        }
        carried.sort_unstable();
        carried.dedup();
        // Of one pair, the last found; then listed in natural order of
        // the relaying claim's id, then the version's, as a position's
        // claims are (`line-2` before `line-10`).
        findings.sort_unstable_by_key(|&(key, found, _)| (key, std::cmp::Reverse(found)));
        findings.dedup_by_key(|&mut (key, _, _)| key);
        // Numbered ids (`c9`, `c10`: see [`Numbered`]) are in natural
        // order by length and then by place, which compares no text.
        let numbered = findings.first().is_some_and(|first| {
            let numbered = Numbered::after(first.2.claim.as_bytes());
            findings.iter().all(|f| {
                numbered.is(f.2.claim.as_bytes()) && numbered.is(f.2.origin_claim.as_bytes())
            })
        });
        if numbered {
            findings.sort_unstable_by_key(|&([claim, reference], _, ref f)| {
                (
                    f.claim.as_bytes().len(),
                    claim,
                    f.origin_claim.as_bytes().len(),
                    reference,
                )
            });
        } else {
            findings.sort_by(|a, b| {
                natural_cmp(a.2.claim.as_str(), b.2.claim.as_str())
                    .then_with(|| natural_cmp(a.2.origin_claim.as_str(), b.2.origin_claim.as_str()))
            });
        }
        let findings = findings
            .into_iter()
            .map(|(_, _, finding)| finding)
            .collect();
        (findings, carried)
    }

    /// The same or near-same words given to different speakers, across
    /// topics. Wordings of fewer than [`MIN_MISATTRIBUTION_WORDS`] words
    /// are left out, and counted in a diagnostic.
    ///
    /// `normalized` holds every quote claim of the corpus with its
    /// normalized wording, as the topics' quote clustering made it: each
    /// quote claim sits in exactly one topic's quote group. Their order
    /// does not matter: each block is sorted by claim id, and findings are
    /// keyed by claim ids.
    fn misattributions<'q>(
        &self,
        normalized: &'q Quotes<'a>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<Misattribution> {
        debug_assert_eq!(
            normalized.len(),
            self.corpus
                .claims()
                .iter()
                .filter(|c| matches!(c.value, Value::Quote(_)))
                .count(),
            "every quote claim reaches the misattribution check once"
        );
        // Each quote with its words, its speaker's canonical id, and
        // whether the wording negates an odd number of times (a wording
        // and its negation are opposite statements, never the same words
        // given to two speakers; within a topic they conflict): found
        // once rather than for every pair compared, on all cores with the
        // `parallel` feature (at a million claims, one core took a tenth
        // of the report's assembly over it).
        // Each wording's block keys, as numbers (`numbered_keys`), are
        // found here too: hashing the words is the costliest part of
        // blocking.
        // A short wording ("No comment.") is said by many: the same words
        // from two speakers are no sign of a misattribution (fifteenth
        // audit, A8). Left out before its keys are made, and counted.
        let prepare = |(c, n): &'q (&'a Claim, String)| {
            let words = split_words(n);
            if words.len() < MIN_MISATTRIBUTION_WORDS {
                return None;
            }
            let odd = negates_oddly(&words, quote_text(c));
            let keys = numbered_keys(&words);
            Some((
                (*c, words),
                (self.resolution.canonical(&c.subject), odd, keys),
            ))
        };
        #[cfg(feature = "parallel")]
        let prepared: Vec<_> = {
            use rayon::prelude::*;
            normalized.par_iter().filter_map(prepare).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let prepared: Vec<_> = normalized.iter().filter_map(prepare).collect();
        let short = normalized.len() - prepared.len();
        if short > 0 {
            let plural = if short == 1 { "" } else { "s" };
            diagnostics.push(Diagnostic::new(
                Severity::Skipped,
                "misattribution check".to_string(),
                format!(
                    "{short} quote wording{plural} of fewer than {MIN_MISATTRIBUTION_WORDS} words not checked for the same words given to another speaker: a short wording (\"No comment.\") is said by many; each is still compared within its topic"
                ),
            ));
        }
        // The blocks are runs of one key once every wording's keys are
        // sorted (on all cores with `parallel`): a hash map of blocks,
        // filled on one core, took most of the check's time at a
        // million claims. Each wording is in a block once. The keys are
        // gathered on all cores too: on one, with the wordings split
        // from what is known of them, that was a seventh of the check.
        /// The `i`th wording's keys, each with its place.
        fn keys_of(i: usize, keys: &[(u8, u64)]) -> impl Iterator<Item = (u8, u64, u32)> + '_ {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            keys.iter().map(move |&(tag, key)| (tag, key, i))
        }
        #[cfg(feature = "parallel")]
        let mut keyed: Vec<(u8, u64, u32)> = {
            use rayon::prelude::*;
            prepared
                .par_iter()
                .enumerate()
                .flat_map_iter(|(i, (_, about))| keys_of(i, &about.2))
                .collect()
        };
        #[cfg(not(feature = "parallel"))]
        let mut keyed: Vec<(u8, u64, u32)> = prepared
            .iter()
            .enumerate()
            .flat_map(|(i, (_, about))| keys_of(i, &about.2))
            .collect();
        let speakers: Vec<&EntityId> = prepared.iter().map(|(_, about)| about.0).collect();
        let odd: Vec<bool> = prepared.iter().map(|(_, about)| about.1).collect();
        // The `i`th wording: its claim and its words.
        let quote = |i: usize| &prepared[i].0;
        let id = |i: u32| &prepared[i as usize].0.0.id;
        sort_unstable_on_all_cores(&mut keyed, Ord::cmp);
        keyed.dedup();
        let threshold = self.policy.quote_threshold();
        // Each wording's speaker's name key's last word, hashed, found
        // the first time a pair of the wording is found: two speakers
        // that `titled_names` calls one named two ways end their keys
        // with one word, so names are looked at only for pairs whose
        // hashes meet (looking up every pair of speakers found in a map
        // had taken most of the check's time for a wording given to
        // hundreds), and the names of wordings in no pair are not looked
        // at (numbering the speakers first cost more than it saved).
        let last_words: Vec<std::sync::OnceLock<u64>> = (0..prepared.len())
            .map(|_| std::sync::OnceLock::new())
            .collect();
        let last_word = |i: usize| {
            *last_words[i].get_or_init(|| {
                use std::hash::BuildHasher;
                let key = crate::resolve::name_key(&self.entity_name(speakers[i]));
                let last = key.rsplit(' ').next().unwrap_or_default();
                foldhash::fast::FixedState::default().hash_one(last)
            })
        };
        // Each block is compared on its own (on all cores with the
        // `parallel` feature); a pair that shares both its first and its
        // last words is found in two blocks, the same both times. A
        // block's pairs join its claims into sets (union-find over its
        // members), each set's summary (`Alike`) kept at its root and
        // merged as sets join: a block gives back an edge per member of a
        // set and a summary per set, not its pairs, so what the check
        // holds grows with the claims, not with the pairs (a wording
        // given by 200 claims to as many speakers is 20,000 pairs).
        let compare = |block: &[(u8, u64, u32)]| {
            let mut members: Vec<u32> = block.iter().map(|&(_, _, i)| i).collect();
            // Ids are unique: an unstable sort gives the one order.
            members.sort_unstable_by(|&a, &b| quote(a as usize).0.id.cmp(&quote(b as usize).0.id));
            let note = (members.len() > MAX_QUOTE_BLOCK).then_some(members.len());
            // Made at the block's first pair: most blocks have none
            // (one speaker's wordings share their keys).
            let mut local: Vec<usize> = Vec::new();
            let mut sets: Vec<Option<Alike>> = Vec::new();
            // Speaker pairs one named two ways: whether, as found here.
            let mut named: HashMap<(&EntityId, &EntityId), bool> = HashMap::default();
            for (k, &a) in members.iter().enumerate() {
                for (l, &b) in members.iter().enumerate().skip(k + 1).take(MAX_QUOTE_BLOCK) {
                    let (i, j) = (a as usize, b as usize);
                    if speakers[i] == speakers[j] || odd[i] != odd[j] {
                        continue;
                    }
                    let Some(similarity) = words_reach(&quote(i).1, &quote(j).1, threshold) else {
                        continue;
                    };
                    if last_word(i) == last_word(j) {
                        let (x, y) = (speakers[i], speakers[j]);
                        let key = (x.min(y), x.max(y));
                        let twice = *named
                            .entry(key)
                            .or_insert_with(|| self.titled_names(key.0, key.1).is_some());
                        if twice {
                            continue;
                        }
                    }
                    // Members are in id order, so `a` is the first.
                    // What `relate` finds for this pair: different
                    // speakers mean different topics, and the words reach
                    // the threshold (similarity is symmetric).
                    let pair = Alike::of(FoundPair {
                        at: [a, b],
                        similarity,
                    });
                    if local.is_empty() {
                        local = (0..members.len()).collect();
                        sets = vec![None; members.len()];
                    }
                    let (rk, rl) = (union_root(&mut local, k), union_root(&mut local, l));
                    let root = rk.min(rl);
                    if rk != rl {
                        local[rk.max(rl)] = root;
                        if let Some(joined) = sets[rk.max(rl)].take() {
                            Alike::merge(&mut sets[root], joined, &id);
                        }
                    }
                    Alike::merge(&mut sets[root], pair, &id);
                }
            }
            let mut edges: Vec<(u32, u32)> = Vec::new();
            for k in 0..local.len() {
                let root = union_root(&mut local, k);
                if root != k {
                    edges.push((members[k], members[root]));
                }
            }
            let sets: Vec<Alike> = sets.into_iter().flatten().collect();
            let named: Vec<(&EntityId, &EntityId)> = named
                .into_iter()
                .filter_map(|(key, twice)| twice.then_some(key))
                .collect();
            (edges, sets, named, note)
        };
        let blocks = keyed
            .chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
            .filter(|block| block.len() > 1);
        #[cfg(feature = "parallel")]
        let compared: Vec<_> = {
            use rayon::prelude::*;
            blocks
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(compare)
                .collect()
        };
        #[cfg(not(feature = "parallel"))]
        let compared: Vec<_> = blocks.map(compare).collect();
        // The sizes of the blocks compared in windows, each named once:
        // one set of quotes can fill a block of each kind.
        let mut windowed: BTreeSet<usize> = BTreeSet::new();
        // Two speakers whose names differ only by words before one of
        // them ("Chief Joe Tyler", "Joe Tyler"; for two declared persons
        // also "Elena Vasquez", "Vasquez") are most likely one person
        // with a title, or named by surname: their shared words are not
        // called a misattribution, and a warning says why (an alias
        // merges them), once per pair of speakers however many wordings
        // they share.
        let mut titled: BTreeSet<(&EntityId, &EntityId)> = BTreeSet::new();
        // The blocks' sets joined across blocks (union-find over the
        // wordings' indices): a finding is a set of joined claims.
        let mut parent: Vec<usize> = (0..prepared.len()).collect();
        let mut sets: Vec<Alike> = Vec::new();
        let mut members: Vec<usize> = Vec::new();
        for (edges, found, named, note) in compared {
            windowed.extend(note);
            titled.extend(named);
            for (a, b) in edges {
                union(&mut parent, a as usize, b as usize);
                members.extend([a as usize, b as usize]);
            }
            sets.extend(found);
        }
        diagnostics.extend(windowed.into_iter().map(|size| {
            Diagnostic::new(
                Severity::Warning,
                "misattribution check".to_string(),
                windowed_note(size, false),
            )
        }));
        diagnostics.extend(
            titled
                .into_iter()
                .filter_map(|(x, y)| self.titled_names(x, y))
                .map(|(longer, shorter, form)| {
                    let message = match form {
                        ShortName::Surname => format!(
                            "{longer:?} and {shorter:?} are given the same words; both are declared persons and the second name is the last word of the first, most likely a surname alone, so this is not called a misattribution (list {shorter:?} as an alias of {longer:?} to make them one speaker)"
                        ),
                        ShortName::Initials => format!(
                            "{longer:?} and {shorter:?} are given the same words; both are declared persons and the second name gives the first's given names as initials, most likely one person, so this is not called a misattribution (list {shorter:?} as an alias of {longer:?} to make them one speaker)"
                        ),
                        ShortName::Title => format!(
                            "{longer:?} and {shorter:?} are given the same words; the first name is the second with words before it, most likely a title, so this is not called a misattribution (list {longer:?} as an alias of {shorter:?} to make them one speaker)"
                        ),
                    };
                    Diagnostic::new(
                        Severity::Warning,
                        "misattribution check".to_string(),
                        message,
                    )
                }),
        );
        let claims: Vec<&Claim> = prepared.iter().map(|(q, _)| q.0).collect();
        self.group_misattributions(&claims, &speakers, members, sets, &mut parent)
    }

    /// For two speakers whose names differ only by words before one of
    /// them, or by initials: the two names, longer first, and how the
    /// shorter relates to the longer. Such a pair is one speaker named
    /// two ways where the shorter name has at least two words, a name
    /// after a title ("Chief Joe Tyler" and "Joe Tyler", not "General
    /// Motors" and "Motors"), or where both speakers are declared
    /// persons (kinds keyed as `person` by the name tables), a full name
    /// and its surname ("Elena Vasquez" and "Vasquez") or its given
    /// names as initials ("E. Vasquez"; seventeenth audit, C8).
    fn titled_names(&self, x: &EntityId, y: &EntityId) -> Option<(String, String, ShortName)> {
        let (a, b) = (self.entity_name(x), self.entity_name(y));
        let (ka, kb) = (crate::resolve::name_key(&a), crate::resolve::name_key(&b));
        let (long, short, long_key, short_key) = if ka.len() >= kb.len() {
            (a, b, ka, kb)
        } else {
            (b, a, kb, ka)
        };
        let person = |id: &EntityId| {
            self.corpus
                .entity(self.resolution.canonical(id))
                .and_then(|entity| entity.kind.as_deref())
                .is_some_and(|kind| crate::names::tables().kind_key(kind) == "person")
        };
        let after_words = !short_key.is_empty()
            && long_key.len() > short_key.len()
            && long_key.ends_with(&short_key)
            && long_key[..long_key.len() - short_key.len()].ends_with(' ');
        if !after_words {
            // "E. Vasquez" for "Elena Vasquez": a person's given names
            // as initials (seventeenth audit, C8).
            return (initials_of(&long_key, &short_key) && person(x) && person(y)).then_some((
                long,
                short,
                ShortName::Initials,
            ));
        }
        if short_key.split(' ').count() >= 2 {
            return Some((long, short, ShortName::Title));
        }
        (person(x) && person(y)).then_some((long, short, ShortName::Surname))
    }

    /// One misattribution per set of joined claims: `parent` is the
    /// union-find forest over `claims` (each with its speaker in
    /// `speakers`) that the blocks' edges have joined, `members` the
    /// claims those edges name (in any order, with repeats), and `sets`
    /// the summaries of the blocks' sets. Each finding's relation is
    /// that of its most alike pair, the first by claim ids among equals;
    /// findings come out in the order of their sides' claim ids. Linear
    /// in the claims: a wording given to a thousand speakers is one
    /// finding, not half a million.
    fn group_misattributions(
        &self,
        claims: &[&Claim],
        speakers: &[&EntityId],
        mut members: Vec<usize>,
        sets: Vec<Alike>,
        parent: &mut [usize],
    ) -> Vec<Misattribution> {
        let id = |i: u32| &claims[i as usize].id;
        // Each finding's summary, by the root of its claims.
        let mut found: HashMap<usize, Option<Alike>> = HashMap::default();
        for set in sets {
            let root = union_root(parent, set.best.at[0] as usize);
            Alike::merge(found.entry(root).or_default(), set, &id);
        }
        // The claims of each finding, as runs of one root.
        members.sort_unstable();
        members.dedup();
        let mut members: Vec<(usize, usize)> = members
            .into_iter()
            .map(|i| (union_root(parent, i), i))
            .collect();
        members.sort_unstable();
        let mut out: Vec<Misattribution> = members
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|run| {
                // Every root here is a set's.
                let alike = found.get(&run[0].0)?.as_ref()?;
                let indices: Vec<usize> = run.iter().map(|&(_, i)| i).collect();
                Some(self.misattribution(claims, speakers, indices, alike))
            })
            .collect();
        out.sort_by(|a, b| a.claims.cmp(&b.claims));
        out
    }

    /// The finding for one set of joined claims (`members`, indices into
    /// `claims` and `speakers`): each side's claims, and the sentence,
    /// which names at most [`MAX_NAMED_POSITIONS`] sides and counts the
    /// rest. `alike` gives its most alike pair and its lowest
    /// similarity.
    fn misattribution(
        &self,
        claims: &[&Claim],
        speakers: &[&EntityId],
        mut members: Vec<usize>,
        alike: &Alike,
    ) -> Misattribution {
        use std::fmt::Write;
        let (best, lowest) = (&alike.best, alike.lowest);
        // The claims by speaker, each side in natural id order (`line-2`
        // before `line-10`; natural order tells apart every two ids).
        members.sort_unstable_by(|&a, &b| {
            speakers[a]
                .cmp(speakers[b])
                .then_with(|| natural_cmp(claims[a].id.as_str(), claims[b].id.as_str()))
        });
        let mut sides: Vec<(&EntityId, Vec<&Claim>)> = members
            .chunk_by(|&a, &b| speakers[a] == speakers[b])
            .map(|run| (speakers[run[0]], run.iter().map(|&i| claims[i]).collect()))
            .collect();
        // The sides in the order of their smallest id in text order.
        sides.sort_by_cached_key(|(_, side)| side.iter().map(|c| &c.id).min().cloned());
        let [a, b] = best.at.map(|i| claims[i as usize]);
        let mut relation = self.misattributed(a, b, best.similarity);
        if members.len() > 2 {
            let mut text = String::with_capacity(160);
            let shown = sides.len().min(MAX_NAMED_POSITIONS);
            let rest = &sides[shown..];
            let items = shown + usize::from(!rest.is_empty());
            let separator = |text: &mut String, k: usize| {
                if k + 1 == items && k > 0 {
                    text.push_str(" and ");
                } else if k > 0 {
                    text.push_str(", ");
                }
            };
            for (k, (_, side)) in sides[..shown].iter().enumerate() {
                separator(&mut text, k);
                push_listed_ids(&mut text, side, |c| c.id.as_str());
                let one = side.len() == 1;
                let _ = write!(
                    text,
                    " {} {} to {}",
                    if one { "gives" } else { "give" },
                    if k == 0 { "these words" } else { "them" },
                    self.entity_name(&side[0].subject)
                );
            }
            if !rest.is_empty() {
                separator(&mut text, shown);
                let more: usize = rest.iter().map(|(_, side)| side.len()).sum();
                let _ = write!(
                    text,
                    "{more} more claim{} {} them to {} more speaker{}",
                    if more == 1 { "" } else { "s" },
                    if more == 1 { "gives" } else { "give" },
                    rest.len(),
                    if rest.len() == 1 { "" } else { "s" },
                );
            }
            if lowest < best.similarity {
                let _ = write!(text, " (similarity {lowest}–{})", best.similarity);
            } else {
                let _ = write!(text, " (similarity {})", best.similarity);
            }
            text.push_str(if sides.len() == 2 {
                ": one of them is misattributed"
            } else {
                ": all but one of them are misattributed"
            });
            relation = Relation::new(
                RelationKind::Misattributed,
                relation.evidence().clone(),
                text,
            );
        }
        Misattribution {
            claims: sides
                .iter()
                .map(|(_, side)| side.iter().map(|c| c.id.clone()).collect())
                .collect(),
            speakers: sides
                .iter()
                .map(|(speaker, _)| (*speaker).clone())
                .collect(),
            relation,
        }
    }
}

/// The wording a quote position shows: the one most of its claims print
/// (by normalized words), the first in text order among equals, and of
/// those printings the first in text order. Chosen by what the claims
/// say, not by their ids, so that a table's rows in another order (ids
/// are line numbers) show the same wording.
fn representative_wording<'c>(members: &[&'c Claim], normalized: &[String]) -> &'c str {
    let mut order: Vec<usize> = (0..members.len()).collect();
    // Stable, though ids are unique, because a stable sort merges runs:
    // sources declared kind by kind are a few runs in natural order.
    order.sort_by(|&a, &b| {
        normalized[a]
            .cmp(&normalized[b])
            .then_with(|| quote_text(members[a]).cmp(quote_text(members[b])))
    });
    // Runs of one normalized wording, in text order: the longest first
    // in text order wins, and its first printing.
    let mut best: Option<(usize, usize)> = None;
    for run in order.chunk_by(|&a, &b| normalized[a] == normalized[b]) {
        if best.is_none_or(|(len, _)| run.len() > len) {
            best = Some((run.len(), run[0]));
        }
    }
    best.map_or("", |(_, k)| quote_text(members[k]))
}

/// A quote claim's text as printed ("" for any other value).
fn quote_text(claim: &Claim) -> &str {
    match &claim.value {
        Value::Quote(q) => q.text(),
        _ => "",
    }
}

/// A pair of quote claims whose words reach the quote threshold but name
/// different speakers, as the misattribution check finds it.
#[derive(Clone, Copy)]
struct FoundPair {
    /// The two wordings, as indices into the check's list, the smaller
    /// claim id first.
    at: [u32; 2],
    similarity: crate::policy::Similarity,
}

/// What a set of claims joined by found pairs keeps of its pairs: the
/// most alike (the first by claim ids among equals) and the lowest
/// similarity. Merging two sets' summaries gives the summary of their
/// union, whatever the order, so sets can be joined in any order.
#[derive(Clone, Copy)]
struct Alike {
    best: FoundPair,
    lowest: crate::policy::Similarity,
}

impl Alike {
    /// The summary of one pair.
    fn of(pair: FoundPair) -> Alike {
        Alike {
            best: pair,
            lowest: pair.similarity,
        }
    }

    /// Merges `other` into `into`, ids read by `id`.
    fn merge<'i>(into: &mut Option<Alike>, other: Alike, id: &impl Fn(u32) -> &'i ClaimId) {
        let Some(this) = into else {
            *into = Some(other);
            return;
        };
        if other.lowest < this.lowest {
            this.lowest = other.lowest;
        }
        let (a, b) = (other.best, this.best);
        if a.similarity > b.similarity
            || (a.similarity == b.similarity && a.at.map(id) < b.at.map(id))
        {
            this.best = a;
        }
    }
}

/// Appends the claim ids of `items` (each's id by `id`) as a list: "c1",
/// "c1 and c2", "c1, c2 and c3"; past [`MAX_NAMED_POSITIONS`] ids, the
/// first ones and a count of the rest ("c1, c2, c3, c4, c5 and 3 more").
fn push_listed_ids<T>(text: &mut String, items: &[T], id: impl Fn(&T) -> &str) {
    use std::fmt::Write;
    let shown = items.len().min(MAX_NAMED_POSITIONS);
    let rest = items.len() - shown;
    for (k, item) in items[..shown].iter().enumerate() {
        if k > 0 {
            text.push_str(if k + 1 == shown && rest == 0 {
                " and "
            } else {
                ", "
            });
        }
        text.push_str(id(item));
    }
    if rest > 0 {
        let _ = write!(text, " and {rest} more");
    }
}

/// Whether claims in id order are in natural id order too
/// ([`natural_cmp`]). They are unless their ids hold numbers written with
/// different numbers of digits (`line-9`, `line-10`); one pass over
/// neighbours tells, as natural order is a total order.
fn in_natural_order(claims: &[&Claim]) -> bool {
    claims
        .windows(2)
        .all(|w| natural_cmp(w[0].id.as_str(), w[1].id.as_str()) != std::cmp::Ordering::Greater)
}

/// Sorts claims given in id order into natural id order, the order a
/// report lists them in: `line-2` before `line-10`, as a reader going to
/// the file by line number expects. Left as they are where the two
/// orders agree.
///
/// The common ids, one text and then a number without leading zeros
/// (`line-9`, `c12`: a table's, a generator's), are in natural order
/// when sorted by length and then by text, so claims in id order need
/// only a stable sort by length, which compares no text; other ids are
/// checked, and sorted, with [`natural_cmp`].
fn sort_natural(claims: &mut [&Claim]) {
    let Some((first, _)) = claims.split_first() else {
        return;
    };
    let numbered = Numbered::after(first.id.as_bytes());
    if claims.iter().all(|c| numbered.is(c.id.as_bytes())) {
        // Stable: ids of one length keep their text order.
        claims.sort_by_key(|c| c.id.as_bytes().len());
    } else if !in_natural_order(claims) {
        claims.sort_by(|a, b| natural_cmp(a.id.as_str(), b.id.as_str()));
    }
}

/// Ids that are one text and a number without leading zeros (`line-9`,
/// `c12`: a table's, a generator's), the text that of a first id: ids
/// in natural order when ordered by length and then by text.
struct Numbered<'i> {
    prefix: &'i [u8],
}

impl<'i> Numbered<'i> {
    /// The ids that begin as `first` does, up to its first digit.
    fn after(first: &'i [u8]) -> Numbered<'i> {
        let prefix = first.iter().take_while(|c| !c.is_ascii_digit()).count();
        Numbered {
            prefix: &first[..prefix],
        }
    }

    /// Whether `id` is the prefix and a number without leading zeros.
    fn is(&self, id: &[u8]) -> bool {
        let prefix = self.prefix.len();
        id.len() > prefix
            && id[..prefix] == *self.prefix
            && (id[prefix] != b'0' || id.len() == prefix + 1)
            && id[prefix..].iter().all(u8::is_ascii_digit)
    }
}

/// Sorts `items`, given in id order, into natural id order
/// ([`natural_cmp`]) of the ids `id_of` gives: a position's publications
/// and origins, as a reader sees them (`p2` before `p10`). Left as they
/// are where one pass over neighbours finds the two orders agree, as
/// they mostly do. Natural order is total, so the result does not
/// depend on the order `items` came in.
fn sort_natural_by<T>(items: &mut [T], id_of: impl Fn(&T) -> &str) {
    // Numbered ids in id order (`p2`, `p10`: [`Numbered`]) are in
    // natural order when their lengths do not fall, which compares no
    // text (see [`sort_natural`]).
    let in_order = items.windows(2).all(|w| {
        let (x, y) = (id_of(&w[0]), id_of(&w[1]));
        let numbered = Numbered::after(x.as_bytes());
        if numbered.is(x.as_bytes()) && numbered.is(y.as_bytes()) {
            return (x.len(), x) <= (y.len(), y);
        }
        natural_cmp(x, y) != std::cmp::Ordering::Greater
    });
    if !in_order {
        items.sort_by(|a, b| natural_cmp(id_of(a), id_of(b)));
    }
}

/// The places of `claims` (given in id order) in natural id order: see
/// [`sort_natural`].
fn natural_order(claims: &[&Claim]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    if !in_natural_order(claims) {
        order.sort_by(|&a, &b| natural_cmp(claims[a].id.as_str(), claims[b].id.as_str()));
    }
    order
}

/// Compares two strings with runs of ASCII digits compared as numbers:
/// `a.csv:9` before `a.csv:10`. A total order: two strings compare equal
/// only when they are the same (a run with leading zeros comes after the
/// same number without them), so it orders claim ids deterministically.
///
/// The bytes the two share at their start are skipped, eight at a time,
/// back to the start of the run of digits the first difference is in
/// (if it is in one): every part before is the same in both, so compares
/// equal. Most strings compared share most of their bytes ("claim
/// c12345", "claim c12346"), which had been walked one at a time.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let same = common_prefix_len(x, y);
    let digits = x[..same]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let start = same - digits;
    natural_cmp_from(&x[start..], &y[start..])
}

/// How many bytes `x` and `y` share at their start, compared eight at a
/// time and then one at a time.
fn common_prefix_len(x: &[u8], y: &[u8]) -> usize {
    let whole = x
        .chunks_exact(8)
        .zip(y.chunks_exact(8))
        .take_while(|(p, q)| p == q)
        .count()
        * 8;
    whole
        + x[whole..]
            .iter()
            .zip(&y[whole..])
            .take_while(|(p, q)| p == q)
            .count()
}

/// [`natural_cmp`] walked part by part from the start of both: a run of
/// digits, or one other byte, at a time.
fn natural_cmp_from(mut x: &[u8], mut y: &[u8]) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    loop {
        match (x.first(), y.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(cx), Some(cy)) if cx.is_ascii_digit() && cy.is_ascii_digit() => {
                let dx = x.iter().take_while(|c| c.is_ascii_digit()).count();
                let dy = y.iter().take_while(|c| c.is_ascii_digit()).count();
                let (nx, ny) = (&x[..dx], &y[..dy]);
                // Without leading zeros, a longer run is a larger number.
                let trim = |n: &[u8]| -> usize { n.iter().take_while(|&&c| c == b'0').count() };
                let (tx, ty) = (&nx[trim(nx)..], &ny[trim(ny)..]);
                let order = tx
                    .len()
                    .cmp(&ty.len())
                    .then_with(|| tx.cmp(ty))
                    .then(dx.cmp(&dy));
                if order != Ordering::Equal {
                    return order;
                }
                x = &x[dx..];
                y = &y[dy..];
            }
            (Some(cx), Some(cy)) => {
                if cx != cy {
                    return cx.cmp(cy);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

/// Appends to a verdict's sentence the positions not compared, if any:
/// " P2 and P3 (3 claims) are not in the vocabulary and were not
/// compared; the verdict is of the others."
fn push_not_compared(explanation: &mut String, scopes: &[ScopeGroup<'_>]) {
    use std::fmt::Write;
    let positions = || scopes.iter().flat_map(|s| s.positions.iter());
    let apart: Vec<&Position<'_>> = positions().filter(|p| p.not_compared).collect();
    if apart.is_empty() {
        return;
    }
    let claims: usize = apart.iter().map(|p| p.claims.len()).sum();
    explanation.push(' ');
    for (k, position) in apart.iter().enumerate() {
        if k > 0 {
            explanation.push_str(if k + 1 == apart.len() { " and " } else { ", " });
        }
        explanation.push_str(&position.label);
    }
    let (is, was) = if apart.len() == 1 {
        ("is", "was")
    } else {
        ("are", "were")
    };
    let _ = write!(
        explanation,
        " ({claims} claim{}) {is} not in the vocabulary and {was} not compared",
        if claims == 1 { "" } else { "s" }
    );
    explanation.push_str(if apart.len() == positions().count() {
        "."
    } else {
        "; the verdict is of the others."
    });
}

#[cfg(test)]
mod natural_tests {
    use super::{natural_cmp, natural_cmp_from};
    use proptest::prelude::*;
    use std::cmp::Ordering;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Skipping the shared start gives the order of the walk from
        /// the start: strings of digits (with zeros) and a few other
        /// bytes, mostly sharing a start, as ids and locations do.
        #[test]
        fn skipping_the_shared_start_orders_as_the_walk(
            shared in "[0a1.9]{0,20}",
            x in "[0a19b.]{0,6}",
            y in "[0a19b.]{0,6}",
        ) {
            let (a, b) = (format!("{shared}{x}"), format!("{shared}{y}"));
            prop_assert_eq!(
                natural_cmp(&a, &b),
                natural_cmp_from(a.as_bytes(), b.as_bytes()),
                "{:?} against {:?}", a, b
            );
            prop_assert_eq!(
                natural_cmp(&b, &a),
                natural_cmp_from(b.as_bytes(), a.as_bytes())
            );
        }
    }

    #[test]
    fn a_difference_inside_a_number_compares_the_whole_numbers() {
        // The first difference is in the second digit, after "1".
        assert_eq!(natural_cmp("c19", "c100"), Ordering::Less);
        assert_eq!(natural_cmp("c0010", "c009"), Ordering::Greater);
        assert_eq!(natural_cmp("c12345678x9", "c12345678x10"), Ordering::Less);
        assert_eq!(natural_cmp("abcdefgh1", "abcdefgh01"), Ordering::Less);
    }

    /// Numbered ids (one text and a number without leading zeros, or
    /// the number 0) order by length and then by text as `natural_cmp`
    /// orders them; the others are not numbered.
    #[test]
    fn numbered_ids_order_by_length_as_naturally() {
        use super::Numbered;
        let numbered = Numbered::after(b"line-7");
        let ids: Vec<String> = (0..=1200).step_by(7).map(|n| format!("line-{n}")).collect();
        for a in &ids {
            assert!(numbered.is(a.as_bytes()), "{a}");
            for b in &ids {
                let by_length = (a.len(), a.as_bytes()).cmp(&(b.len(), b.as_bytes()));
                assert_eq!(by_length, natural_cmp(a, b), "{a} against {b}");
            }
        }
        for other in [
            "line-07", "line-00", "line-", "line-7a", "lane-7", "line7", "7",
        ] {
            assert!(!numbered.is(other.as_bytes()), "{other}");
        }
    }

    #[test]
    fn digits_compare_as_numbers() {
        assert_eq!(natural_cmp("a.csv:9", "a.csv:10"), Ordering::Less);
        assert_eq!(natural_cmp("a.csv:10", "a.csv:10"), Ordering::Equal);
        assert_eq!(natural_cmp("a.csv:010", "a.csv:10"), Ordering::Greater);
        assert_eq!(natural_cmp("claim c2", "claim c10"), Ordering::Less);
        assert_eq!(natural_cmp("b", "a1"), Ordering::Greater);
    }
}

#[cfg(test)]
mod sort_tests {
    use super::{id_prefix, sort_keyed};
    use crate::{Amount, Assertion, Claim, ClaimId, EntityId, Property, Quantity, SourceId, Value};
    use proptest::prelude::*;

    fn claim(id: &str) -> Claim {
        Claim::new(
            ClaimId::new(id).unwrap(),
            EntityId::new("e").unwrap(),
            Property::new("p").unwrap(),
            Value::Quantity(Quantity::new(Amount::Exact(1.0)).unwrap()),
            Assertion::new(vec![SourceId::new("a").unwrap()]),
        )
    }

    proptest! {
        /// The integer prefixes order ids exactly as their text does,
        /// including ids that share eight bytes or are prefixes of others.
        #[test]
        fn sorts_like_the_ids(ids in prop::collection::btree_set("[a-c0-9._]{1,12}", 0..40)) {
            let claims: Vec<Claim> = ids.iter().rev().map(|id| claim(id)).collect();
            let mut keyed: Vec<(u64, &Claim)> = claims.iter().map(|c| (id_prefix(&c.id), c)).collect();
            sort_keyed(&mut keyed);
            let sorted: Vec<&str> = keyed.iter().map(|(_, c)| c.id.as_str()).collect();
            let expected: Vec<&str> = ids.iter().map(String::as_str).collect();
            prop_assert_eq!(sorted, expected);
        }

        /// Claims in id order come out of `sort_natural` in the order
        /// `natural_cmp` gives, by the shortcut for one text and a number
        /// ("c12") or by comparing: ids of that shape alone (with one
        /// prefix), and of any shape.
        #[test]
        fn sort_natural_orders_as_natural_cmp(
            numbers in prop::collection::btree_set(0u32..100_000, 0..40),
            prefix in "[a-c-]{0,3}",
            ids in prop::collection::btree_set("[a-c0-9._]{1,12}", 0..40),
        ) {
            let numbered: std::collections::BTreeSet<String> =
                numbers.iter().map(|n| format!("{prefix}{n}")).collect();
            for ids in [&numbered, &ids] {
                let claims: Vec<Claim> = ids.iter().map(|id| claim(id)).collect();
                let mut sorted: Vec<&Claim> = claims.iter().collect();
                super::sort_natural(&mut sorted);
                let sorted: Vec<&str> = sorted.iter().map(|c| c.id.as_str()).collect();
                let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
                expected.sort_by(|a, b| super::natural_cmp(a, b));
                prop_assert_eq!(sorted, expected);
            }
        }
    }
}

#[cfg(test)]
mod source_table_tests {
    use super::{Analyzer, SourceTable};
    use crate::{
        Amount, Assertion, Claim, ClaimId, Corpus, EntityId, Period, Policy, Property, Quantity,
        Source, SourceId, SourceKind, Value,
    };

    /// 3,000 publications (the table probes past collisions and wraps
    /// around), a third without a date, the rest sharing 97 dates.
    fn corpus() -> Corpus {
        let sources: Vec<Source> = (0..3_000)
            .map(|k| {
                let source = Source::new(
                    SourceId::new(&format!("a{k}")).unwrap(),
                    SourceKind::Publication,
                    format!("Article {k}"),
                );
                if k % 3 == 0 {
                    source
                } else {
                    source.with_published(Period::day(2021, 8, 1 + k % 28).unwrap())
                }
            })
            .collect();
        Corpus::new(Vec::new(), sources, Vec::new()).unwrap()
    }

    #[test]
    fn every_declared_source_is_found_with_its_position_and_date() {
        let corpus = corpus();
        let table = SourceTable::new(&corpus);
        assert!(table.slots.len().is_power_of_two());
        assert!(table.slots.len() * 4 >= corpus.sources().len() * 5);
        for (k, source) in corpus.sources().iter().enumerate() {
            let slot = table
                .find(source.id.text_address())
                .unwrap_or_else(|| panic!("{} not found", source.id));
            assert_eq!(slot.position as usize, k);
            assert_eq!(table.date(slot.date), source.published);
        }
        // A copy of a declared id's text lies elsewhere: the table does
        // not know it, and the engine falls back to the corpus's index.
        let copy = SourceId::new("a1").unwrap();
        assert!(table.find(copy.text_address()).is_none());
        assert!(
            SourceTable::new(&Corpus::new(vec![], vec![], vec![]).unwrap())
                .find(copy.text_address())
                .is_none()
        );
    }

    /// A claim whose publication is a copy of the id, not the declared
    /// text, still reads its publication's date.
    #[test]
    fn a_claim_built_outside_the_corpus_reads_its_publication_date() {
        let corpus = corpus();
        let policy = Policy::default();
        let analyzer = Analyzer::new(&corpus, &policy);
        let claim = |publication: &str| {
            Claim::new(
                ClaimId::new("c1").unwrap(),
                EntityId::new("e").unwrap(),
                Property::new("p").unwrap(),
                Value::Quantity(Quantity::new(Amount::Exact(1.0)).unwrap()),
                Assertion::new(vec![SourceId::new(publication).unwrap()]),
            )
        };
        assert_eq!(
            analyzer.reported(&claim("a1")),
            corpus.sources()[1].published
        );
        assert!(corpus.sources()[1].published.is_some());
        assert_eq!(analyzer.reported(&claim("a3")), None);
        assert_eq!(analyzer.reported(&claim("undeclared")), None);
    }
}

#[cfg(test)]
mod natural_rank_tests {
    use super::{Analyzer, natural_cmp};
    use crate::{Corpus, Policy, Source, SourceId, SourceKind};
    use proptest::prelude::*;

    fn corpus(ids: &[String]) -> Corpus {
        let sources = ids
            .iter()
            .map(|id| {
                Source::new(
                    SourceId::new(id).unwrap(),
                    SourceKind::Publication,
                    id.clone(),
                )
            })
            .collect();
        Corpus::new(Vec::new(), sources, Vec::new()).unwrap()
    }

    proptest! {
        /// Sources declared in any order: sorting some of them by their
        /// numbered places gives the order of their text in natural
        /// order, whether the items hold the declared ids, copies of
        /// them, or an id the corpus does not declare (sorted by text).
        #[test]
        fn sorting_by_places_is_natural_order(
            ids in prop::collection::btree_set("[ab]{0,2}(0|[1-9][0-9]{0,3}|0[0-9]{1,2})[-.]?[0-9]?", 1..40)
                .prop_map(|ids| ids.into_iter().collect::<Vec<String>>())
                .prop_shuffle(),
            every in 1usize..4,
            stranger in any::<bool>(),
        ) {
            let corpus = corpus(&ids);
            let policy = Policy::default();
            let analyzer = Analyzer::new(&corpus, &policy);
            let texts = |items: &[&SourceId]| -> Vec<String> {
                items.iter().map(|id| id.as_str().to_owned()).collect()
            };
            let mut declared: Vec<&SourceId> =
                corpus.sources().iter().step_by(every).map(|s| &s.id).collect();
            let copies: Vec<SourceId> =
                declared.iter().map(|id| SourceId::new(id.as_str()).unwrap()).collect();
            let mut copied: Vec<&SourceId> = copies.iter().collect();
            let undeclared = SourceId::new("zz-9").unwrap();
            if stranger {
                declared.push(&undeclared);
            }
            let mut want = texts(&declared);
            want.sort_by(|a, b| natural_cmp(a, b));
            analyzer.sort_sources_natural(&mut declared, |id| id);
            prop_assert_eq!(texts(&declared), want.clone());
            want.retain(|id| id != "zz-9");
            analyzer.sort_sources_natural(&mut copied, |id| id);
            prop_assert_eq!(texts(&copied), want);
        }

        /// A position's publications, made distinct and put in natural
        /// order by their places, are the list sorted by text, made
        /// distinct and put in natural order: whatever the mix of declared
        /// ids, copies of them at other addresses, repeats, and an id the
        /// corpus does not declare.
        #[test]
        fn distinct_by_places_is_distinct_by_text(
            ids in prop::collection::btree_set("[ab]{0,2}(0|[1-9][0-9]{0,3}|0[0-9]{1,2})[-.]?[0-9]?", 1..30)
                .prop_map(|ids| ids.into_iter().collect::<Vec<String>>())
                .prop_shuffle(),
            picks in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3), 0..60),
            stranger in any::<bool>(),
        ) {
            let corpus = corpus(&ids);
            let policy = Policy::default();
            let analyzer = Analyzer::new(&corpus, &policy);
            let copies: Vec<SourceId> =
                ids.iter().map(|id| SourceId::new(id).unwrap()).collect();
            let undeclared = SourceId::new("zz-9").unwrap();
            let mut given: Vec<&SourceId> = picks
                .iter()
                .map(|(at, how)| {
                    let k = at.index(ids.len());
                    match how {
                        0 => &corpus.sources()[k].id,
                        _ => &copies[k],
                    }
                })
                .collect();
            if stranger {
                given.push(&undeclared);
            }
            let mut want = super::sorted_unique_sources(given.clone());
            analyzer.sort_sources_natural(&mut want, |id| id);
            let got = analyzer.natural_unique_sources(given);
            let texts = |items: &[&SourceId]| -> Vec<String> {
                items.iter().map(|id| id.as_str().to_owned()).collect()
            };
            prop_assert_eq!(texts(&got), texts(&want));
        }
    }
}

#[cfg(test)]
mod source_number_tests {
    use super::SourceNumbers;
    use crate::SourceId;

    #[test]
    fn copies_of_one_text_share_a_number() {
        let a = SourceId::new("un-report").unwrap();
        let copy = SourceId::new("un-report").unwrap();
        let shared = a.clone();
        let b = SourceId::new("cnn").unwrap();
        let late_copy = SourceId::new("cnn").unwrap();
        let unknown = SourceId::new("bbc").unwrap();
        assert!(!a.same_text(&copy), "the test needs two copies of the text");
        let mut numbers = SourceNumbers::default();
        assert_eq!(numbers.insert(&a), 0);
        assert_eq!(numbers.insert(&copy), 0);
        assert_eq!(numbers.insert(&b), 1);
        assert_eq!(numbers.insert(&shared), 0);
        assert_eq!(numbers.len(), 2);
        assert_eq!(numbers.get(&late_copy), Some(1));
        assert_eq!(numbers.get(&late_copy), Some(1));
        assert_eq!(numbers.get(&unknown), None);
        assert_eq!(numbers.len(), 2);
    }
}

#[cfg(test)]
mod text_pair_tests {
    use super::TextPairs;
    use crate::{Amount, Assertion, Claim, ClaimId, EntityId, Property, Quantity, SourceId, Value};

    fn claim(id: &str, subject: &str, property: &str) -> Claim {
        Claim::new(
            ClaimId::new(id).unwrap(),
            EntityId::new(subject).unwrap(),
            Property::new(property).unwrap(),
            Value::Quantity(Quantity::new(Amount::Exact(1.0)).unwrap()),
            Assertion::new(vec![SourceId::new("a").unwrap()]),
        )
    }

    /// Claims made with their own copies of the texts, as `Corpus::new`
    /// keeps them, fall in one pair per subject and property; so do
    /// claims that share one copy.
    #[test]
    fn pairs_are_of_texts_not_of_copies() {
        let mut claims = vec![
            claim("c1", "e", "p"),
            claim("c2", "e", "p"),
            claim("c3", "e", "q"),
            claim("c4", "f", "p"),
            claim("c5", "e", "p"),
        ];
        assert!(!claims[0].subject.same_text(&claims[1].subject));
        claims.push(claims[2].clone());
        let pairs = TextPairs::new(&claims);
        assert_eq!(pairs.of_claim, [0, 0, 1, 2, 0, 1]);
        assert_eq!(pairs.pairs, [(0, 3), (2, 2), (3, 1)]);
        assert!(TextPairs::new(&[]).pairs.is_empty());
    }
}

#[cfg(test)]
mod report_time_tests {
    use super::{Period, report_time_by_units, shown_report_time};
    use crate::period::Precision;

    proptest::proptest! {
        /// The shortcut for a span of one whole day shows what the long
        /// way shows, for spans of a day, a month, a year, an hour, a
        /// minute or a run of days, aligned or not.
        #[test]
        fn shown_report_time_agrees_with_the_long_way(
            year in 0i32..=10000,
            ordinal in 1u32..=366,
            minute_of_day in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..1440],
            second in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..60],
            length in 0usize..6,
        ) {
            let Some(date) = chrono::NaiveDate::from_yo_opt(year, ordinal)
                .or_else(|| chrono::NaiveDate::from_yo_opt(year, 365))
            else {
                return Ok(());
            };
            let Some(start) = date.and_hms_opt(minute_of_day / 60, minute_of_day % 60, second)
            else {
                return Ok(());
            };
            let end = match length {
                0 => start + chrono::Duration::days(1),
                1 => start + chrono::Duration::days(2),
                2 => start + chrono::Duration::hours(1),
                3 => start + chrono::Duration::minutes(1),
                4 => Period::containing(start, Precision::Month).interval().1,
                _ => Period::containing(start, Precision::Year).interval().1,
            };
            let span = (start, end);
            proptest::prop_assert_eq!(shown_report_time(span), report_time_by_units(span));
        }
    }

    /// A day at the edges of the years a period may have, and beyond.
    #[test]
    fn shown_report_time_of_edge_days() {
        for (y, m, d) in [
            (1, 1, 1),
            (9998, 12, 31),
            (9999, 1, 1),
            (0, 12, 31),
            (2024, 2, 29),
        ] {
            let start = chrono::NaiveDate::from_ymd_opt(y, m, d)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap();
            let span = (start, start + chrono::Duration::days(1));
            assert_eq!(shown_report_time(span), report_time_by_units(span));
        }
    }
}

#[cfg(test)]
mod decimal_tests {
    use super::push_decimal;

    /// A label's number is written as `Display` writes it, at the edges
    /// of every digit count and beyond.
    #[test]
    fn push_decimal_writes_what_display_writes() {
        let mut edges = vec![0, usize::MAX, usize::MAX - 1];
        let mut power = 1usize;
        while let Some(next) = power.checked_mul(10) {
            edges.extend([power - 1, power, power + 1]);
            power = next;
        }
        for n in edges {
            let mut out = String::from("P");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("P{n}"));
            assert_eq!(&*super::position_label(n), out);
        }
    }
}

#[cfg(test)]
mod twin_key_tests {
    use super::TwinKey;

    proptest::proptest! {
        /// The marking finds, through its index, every name that may be
        /// one body's with another name, and no other: the same as
        /// holding each pair against each other.
        #[test]
        fn mark_pairs_marks_the_names_some_pair_holds(
            names in proptest::collection::vec("(the |ministry of |)[abc]{1,3}( [abc]{1,3}){0,3}", 1..12),
        ) {
            let mut scratch = String::new();
            let mut keys: Vec<TwinKey> = names
                .iter()
                .filter_map(|name| TwinKey::of(name, &mut scratch))
                .collect();
            let expected: Vec<bool> = (0..keys.len())
                .map(|i| {
                    (0..keys.len()).any(|j| {
                        j != i && (keys[i].may_pair(&keys[j]) || keys[j].may_pair(&keys[i]))
                    })
                })
                .collect();
            let mut marked: Vec<&mut TwinKey> = keys.iter_mut().collect();
            TwinKey::mark_pairs(&mut marked);
            let found: Vec<bool> = keys.iter().map(|key| key.paired).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    /// "WHO" is the initials of "World Health Organization"; "the CGT"
    /// has its words all among "CGT union"'s; "Health Ministry" and
    /// "Ministry of Health" have the same words.
    #[test]
    fn a_name_may_pair_by_initials_or_words() {
        let key = |name: &str| TwinKey::of(name, &mut String::new()).unwrap();
        assert!(key("WHO").may_pair(&key("World Health Organization")));
        assert!(!key("World Health Organization").may_pair(&key("WHO")));
        assert!(key("the CGT").may_pair(&key("CGT union")));
        assert!(key("Health Ministry").may_pair(&key("Ministry of Health")));
        assert!(!key("Health Ministry").may_pair(&key("Interior Ministry")));
        assert!(!key("W").may_pair(&key("Wide")));
    }
}

#[cfg(test)]
mod run_and_word_tests {
    use super::{Span, fill_words, overlapping_runs};
    use crate::model::split_words;

    proptest::proptest! {
        /// The runs found as stretches of the sorted spans are the runs
        /// a sweep grows a claim at a time, members and spans alike.
        #[test]
        fn overlapping_runs_are_what_the_sweep_grows(
            spans in proptest::collection::vec((0i64..200, 0i64..60), 0..40),
        ) {
            let base = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap();
            let mut dated: Vec<(Span, usize, usize)> = spans
                .iter()
                .enumerate()
                .map(|(k, &(start, length))| {
                    let start = base + chrono::Duration::minutes(start);
                    ((start, start + chrono::Duration::minutes(length)), k, 7 * k)
                })
                .collect();
            dated.sort_unstable_by_key(|&(span, k, _)| (span, k));
            let mut expected: Vec<(Span, Vec<(usize, usize)>)> = Vec::new();
            for &(span, k, c) in &dated {
                match expected.last_mut() {
                    Some((run, members)) if span.0 < run.1 => {
                        run.1 = run.1.max(span.1);
                        members.push((k, c));
                    }
                    _ => expected.push((span, vec![(k, c)])),
                }
            }
            proptest::prop_assert_eq!(overlapping_runs(&dated), expected);
        }

        /// A refilled list holds the words `split_words` gives, whatever
        /// it held before.
        #[test]
        fn fill_words_splits_as_split_words(
            before in "[ab ]{0,12}",
            text in "[ab ]{0,30}",
        ) {
            let mut words = split_words(&before);
            fill_words(&mut words, &text);
            proptest::prop_assert_eq!(words, split_words(&text));
        }
    }
}

#[cfg(test)]
mod unique_sources_tests {
    use super::keep_first_of_runs;

    proptest::proptest! {
        /// The slice version keeps what `Vec::dedup_by` keeps, for a
        /// relation of equal keys (items equal by half their value, so
        /// that kept items differ from dropped ones).
        #[test]
        fn keep_first_of_runs_keeps_what_dedup_keeps(
            items in proptest::collection::vec(0u8..8, 0..40),
        ) {
            let mut expected = items.clone();
            expected.dedup_by(|b, a| *a / 2 == *b / 2);
            let mut slice = items.clone();
            let kept = keep_first_of_runs(&mut slice, |a, b| a / 2 == b / 2);
            proptest::prop_assert_eq!(&slice[..kept], &expected[..]);
        }
    }
}

#[cfg(test)]
mod relaying_end_tests {
    use super::{Analyzer, sorted_unique_sources};
    use crate::{
        Amount, Assertion, Claim, ClaimId, Corpus, EntityId, Policy, Property, Quantity, Source,
        SourceId, SourceKind, Value,
    };
    use proptest::prelude::*;

    proptest! {
        /// The publication ends that cite on in some chain and speak
        /// alone in none, found by text, whatever the number of ends (a
        /// few are compared one by one, many looked up by their places)
        /// and whether a chain holds the declared id or a copy of it.
        #[test]
        fn relaying_ends_are_found_by_text(
            count in 1usize..24,
            chains in prop::collection::vec(
                (any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..3, any::<bool>()),
                1..60,
            ),
        ) {
            let mut sources: Vec<Source> = (0..count)
                .map(|k| {
                    let id = SourceId::new(&format!("p{k}")).unwrap();
                    Source::new(id, SourceKind::Publication, format!("Paper {k}"))
                })
                .collect();
            sources.push(Source::new(
                SourceId::new("ministry").unwrap(),
                SourceKind::Office,
                "the ministry",
            ));
            let corpus = Corpus::new(Vec::new(), sources, Vec::new()).unwrap();
            let policy = Policy::default();
            let analyzer = Analyzer::new(&corpus, &policy);
            // The declared id, or a copy of its text.
            let id = |k: usize, copy: bool| -> SourceId {
                let declared = &corpus.sources()[k].id;
                if copy { SourceId::new(declared.as_str()).unwrap() } else { declared.clone() }
            };
            let claims: Vec<Claim> = chains
                .iter()
                .enumerate()
                .map(|(n, (first, next, shape, copy))| {
                    let first = first.index(count);
                    let chain = match shape {
                        0 => vec![id(first, *copy)],
                        1 => vec![id(first, *copy), id(next.index(count), !copy)],
                        _ => vec![id(first, *copy), id(count, *copy)],
                    };
                    Claim::new(
                        ClaimId::new(&format!("c{n}")).unwrap(),
                        EntityId::new("e").unwrap(),
                        Property::new("p").unwrap(),
                        Value::Quantity(Quantity::new(Amount::Exact(1.0)).unwrap()),
                        Assertion::new(chain),
                    )
                })
                .collect();
            let claims: Vec<&Claim> = claims.iter().collect();
            let ends = sorted_unique_sources(
                claims.iter().filter_map(|c| c.assertion.origin()).collect(),
            );
            let got: Vec<&str> =
                analyzer.relaying_ends(&claims, &ends).iter().map(|id| id.as_str()).collect();
            let firsts = |end: &SourceId, long: bool| {
                claims.iter().any(|c| {
                    c.assertion.chain[0].as_str() == end.as_str()
                        && (c.assertion.chain.len() > 1) == long
                })
            };
            let want: Vec<&str> = ends
                .iter()
                .filter(|end| end.as_str() != "ministry")
                .filter(|end| firsts(end, true) && !firsts(end, false))
                .map(|id| id.as_str())
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}

#[cfg(test)]
mod scope_group_tests {
    use super::{Analyzer, normalize_text, scope_kind};
    use crate::{
        Amount, Assertion, Claim, ClaimId, Corpus, EntityId, Period, Policy, Property, Quantity,
        Scope, SourceId, Status, Value,
    };
    use proptest::prelude::*;
    use std::collections::BTreeMap;
    use std::sync::Arc;

    /// Populations that normalize alike ("civilians", "Civilians.") and
    /// apart, the empty text among them: more than `Interned` compares
    /// before it hashes.
    const POPULATIONS: [&str; 13] = [
        "civilians",
        "Civilians.",
        " CIVILIANS ",
        "children",
        "Children!",
        "men; women",
        "men women",
        "",
        "adults",
        "soldiers",
        "tourists",
        "Tourists",
        "dock workers",
    ];
    const HORIZONS: [&str; 5] = ["by 2030", "By 2030.", "by 2050", "2050", ""];
    /// Units in a measure of the default vocabulary, and counted nouns.
    const UNITS: [&str; 5] = ["acres", "acre", "hectares", "ha", "fighters"];

    /// (kind, population, horizon, status, unit, a copy of its texts).
    type Spec = (u8, Option<usize>, Option<usize>, u8, Option<usize>, bool);

    fn claims(specs: &[Spec]) -> Vec<Claim> {
        // One shared text of each, as the readers lend them; or a copy.
        let shared =
            |texts: &[&str]| -> Vec<Arc<str>> { texts.iter().map(|t| Arc::from(*t)).collect() };
        let (populations, horizons, units) =
            (shared(&POPULATIONS), shared(&HORIZONS), shared(&UNITS));
        let text = |texts: &[Arc<str>], k: usize, copy: bool| -> Arc<str> {
            if copy {
                Arc::from(&*texts[k])
            } else {
                Arc::clone(&texts[k])
            }
        };
        specs
            .iter()
            .enumerate()
            .map(|(k, &(kind, population, horizon, status, unit, copy))| {
                let mut quantity = Quantity::new(Amount::Exact(k as f64)).unwrap();
                if let Some(u) = unit {
                    quantity = quantity.with_unit(text(&units, u, copy));
                }
                let value = match kind {
                    0 => Value::Quantity(quantity),
                    1 => Value::Text(format!("t{k}")),
                    _ => Value::Date(Period::year(2000 + k as i32).unwrap()),
                };
                let mut scope = Scope::default().with_status(match status {
                    0 => Status::Unspecified,
                    1 => Status::Estimated,
                    _ => Status::Projected,
                });
                if let Some(p) = population {
                    scope = scope.with_population(text(&populations, p, copy));
                }
                if let Some(h) = horizon {
                    scope = scope.with_horizon(text(&horizons, h, copy));
                }
                Claim::new(
                    ClaimId::new(&format!("c{k:03}")).unwrap(),
                    EntityId::new("e").unwrap(),
                    Property::new("p").unwrap(),
                    value,
                    Assertion::new(vec![SourceId::new("a").unwrap()]),
                )
                .with_scope(scope)
            })
            .collect()
    }

    /// The groups as a map keyed by the texts makes them: (kind,
    /// projected, normalized horizon, normalized population, measure),
    /// in key order, each with its claims' ids in order.
    fn by_texts(analyzer: &Analyzer<'_, '_>, claims: &[&Claim]) -> Vec<(String, Vec<String>)> {
        let vocabulary = analyzer.policy.vocabulary();
        let measure = |c: &Claim| match &c.value {
            Value::Quantity(q) => q.unit().and_then(|u| vocabulary.measure(u)),
            _ => None,
        };
        let measures: std::collections::BTreeSet<&str> =
            claims.iter().filter_map(|c| measure(c)).collect();
        let only = if measures.len() == 1 {
            measures.first().copied().unwrap_or_default()
        } else {
            ""
        };
        let mut keyed: BTreeMap<_, Vec<String>> = BTreeMap::new();
        for claim in claims {
            let projected = claim.scope.status == Status::Projected;
            let horizon = claim.scope.horizon.as_deref().filter(|_| projected);
            let key = (
                scope_kind(&claim.value),
                projected,
                normalize_text(horizon.unwrap_or_default()),
                normalize_text(claim.scope.population.as_deref().unwrap_or_default()),
                measure(claim).unwrap_or(match claim.value {
                    Value::Quantity(_) => only,
                    _ => "",
                }),
            );
            keyed.entry(key).or_default().push(claim.id.to_string());
        }
        keyed
            .into_iter()
            .map(|(key, ids)| (key.0.to_string(), ids))
            .collect()
    }

    proptest! {
        /// Keyed by ranks, the groups are those a map keyed by the texts
        /// gives, in its order, whether the claims share their texts or
        /// hold copies: texts that normalize alike are one group, and
        /// groups come in the order of kind, projection, horizon,
        /// population and measure. (No claim has a time, so no group is
        /// split by time.)
        #[test]
        fn groups_are_those_of_the_texts_in_their_order(
            specs in prop::collection::vec(
                (
                    prop_oneof![4 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
                    prop::option::of(0..POPULATIONS.len()),
                    prop::option::of(0..HORIZONS.len()),
                    0u8..3,
                    prop::option::of(0..UNITS.len()),
                    any::<bool>(),
                ),
                1..80,
            ),
        ) {
            let corpus = Corpus::new(Vec::new(), Vec::new(), Vec::new()).unwrap();
            let policy = Policy::default();
            let analyzer = Analyzer::new(&corpus, &policy);
            let claims = claims(&specs);
            let refs: Vec<&Claim> = claims.iter().collect();
            let groups: Vec<(String, Vec<String>)> = analyzer
                .scope_groups(&refs, false)
                .iter()
                .map(|g| {
                    let ids = g.claims.iter().map(|c| c.id.to_string()).collect();
                    (g.kind.to_string(), ids)
                })
                .collect();
            prop_assert_eq!(groups, by_texts(&analyzer, &refs));
        }
    }

    #[test]
    fn ranks_follow_the_normalized_texts() {
        let texts = ["b", "A", "", "a", "c", "B."];
        let ranks = super::rank_texts(&texts, |t| {
            std::borrow::Cow::Owned(t.to_lowercase().trim_end_matches('.').to_string())
        });
        assert_eq!(ranks, [2, 1, 0, 1, 3, 2]);
        let mut interned = super::Interned::default();
        let copy = String::from("b");
        let ids: Vec<u32> = ["b", "a", copy.as_str(), "a", "c", "b"]
            .iter()
            .map(|t| interned.id(t))
            .collect();
        assert_eq!(ids, [0, 1, 0, 1, 2, 0]);
        assert_eq!(interned.texts, ["b", "a", "c"]);
    }
}

#[cfg(test)]
mod unit_head_tests {
    use super::{cmp_ignore_ascii_case, share_a_head, unit_head};
    use proptest::prelude::*;

    /// Units of one to three words from a few letters, in mixed case, so
    /// that heads often meet up to case and sometimes only so.
    fn units() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec("[aAbB]{1,3}( [aAbBc]{1,3}){0,2}", 0..24)
    }

    proptest! {
        /// The sorted walk finds a shared head exactly when comparing
        /// every pair does.
        #[test]
        fn share_a_head_is_the_pairwise_answer(x in units(), y in units()) {
            let (x, y): (Vec<&str>, Vec<&str>) =
                (x.iter().map(String::as_str).collect(), y.iter().map(String::as_str).collect());
            let pairwise = x.iter().any(|u| {
                y.iter().any(|v| unit_head(u).eq_ignore_ascii_case(unit_head(v)))
            });
            prop_assert_eq!(share_a_head(&x, &y), pairwise);
        }

        /// The order is equal exactly where the texts are equal up to
        /// ASCII case.
        #[test]
        fn ignoring_case_orders_as_it_compares(a in "[aAbB]{0,4}", b in "[aAbB]{0,4}") {
            prop_assert_eq!(cmp_ignore_ascii_case(&a, &b).is_eq(), a.eq_ignore_ascii_case(&b));
        }
    }
}
