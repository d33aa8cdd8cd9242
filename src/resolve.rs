//! Entity name resolution: which declared entities are one thing.
//!
//! | type | what it is |
//! |---|---|
//! | [`Resolution`] | every entity's canonical entity, and the merges that decided it |
//! | [`NameMerge`] | one merge, with the names, similarity and threshold behind it |
//!
//! Names are normalized (lower case, punctuation to spaces, the particles
//! "al", "el" and "the" dropped), so "Shahab al-Muhajir" and "Shahab
//! Muhajir" have one key and merge at similarity 1. Other variants are
//! compared with Jaro–Winkler similarity, but only between names with the
//! same number of words that share a block (the first three letters of
//! their first or of their last word): a longer name is a different name
//! ("ISIS" is not "ISIS-K") unless declared an alias, and blocking keeps
//! resolution near linear in the number of names.

use crate::id::HashMap;

use serde::Serialize;

use crate::id::EntityId;
use crate::model::Entity;
use crate::policy::Similarity;

/// Why two entities were merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeRule {
    /// Their names normalize to the same key.
    SameName,
    /// Their names are similar at or above the threshold.
    SimilarName,
}

/// One merge of two entities' names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NameMerge {
    /// The entity merged.
    pub entity: EntityId,
    /// The entity it was merged with.
    pub with: EntityId,
    /// The name of `entity` that matched.
    pub name: String,
    /// The name of `with` that matched.
    pub other_name: String,
    /// How alike the normalized names are.
    pub similarity: Similarity,
    /// The threshold in force.
    pub threshold: Similarity,
    /// Why they were merged.
    pub rule: MergeRule,
}

/// The outcome of name resolution: each entity's canonical entity (the
/// smallest id of its group) and the merges that formed the groups.
///
/// ```
/// use corroborate::{Entity, EntityId, Resolution, Similarity};
/// let entities = vec![
///     Entity::new(EntityId::new("shahab-al-muhajir")?, "Shahab al-Muhajir"),
///     Entity::new(EntityId::new("shahab-muhajir")?, "Shahab Muhajir"),
///     Entity::new(EntityId::new("isis")?, "ISIS"),
///     Entity::new(EntityId::new("isis-k")?, "ISIS-K"),
/// ];
/// let resolution = Resolution::new(&entities, Similarity::new(0.9)?);
/// assert_eq!(resolution.canonical(&EntityId::new("shahab-muhajir")?).as_str(), "shahab-al-muhajir");
/// assert_eq!(resolution.canonical(&EntityId::new("isis-k")?).as_str(), "isis-k");
/// assert_eq!(resolution.merges().len(), 1);
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Resolution {
    ids: Vec<EntityId>,
    index: HashMap<EntityId, usize>,
    /// The same index keyed by the address of each id's shared text: a
    /// checked claim's subject points at the declared id's text, so most
    /// lookups hash one integer rather than the id's bytes. `ids` keeps
    /// every text alive, so an address found here is that text.
    by_address: HashMap<usize, usize>,
    root: Vec<usize>,
    merges: Vec<NameMerge>,
}

/// Lower case, punctuation to spaces, particles dropped.
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut word = String::new();
    let flush = |word: &mut String, key: &mut String| {
        if !word.is_empty() && !matches!(word.as_str(), "al" | "el" | "the") {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(word);
        }
        word.clear();
    };
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            word.extend(ch.to_lowercase());
        } else if ch == '\'' || ch == '\u{2019}' || ch == '.' {
            // "Sa'id" and "U.S." stay one word.
        } else {
            flush(&mut word, &mut key);
        }
    }
    flush(&mut word, &mut key);
    key
}

/// How many of each character a name key holds: letters and digits by
/// value, everything else in one bucket.
struct CharProfile {
    counts: [u16; 38],
    len: usize,
}

impl CharProfile {
    fn new(key: &str) -> CharProfile {
        let mut counts = [0u16; 38];
        let mut len = 0;
        for ch in key.chars() {
            let slot = match ch {
                'a'..='z' => ch as usize - 'a' as usize,
                '0'..='9' => 26 + ch as usize - '0' as usize,
                ' ' => 36,
                _ => 37,
            };
            counts[slot] = counts[slot].saturating_add(1);
            len += 1;
        }
        CharProfile { counts, len }
    }

    /// An upper bound on `strsim::jaro_winkler(a, b)`, never below it.
    ///
    /// Jaro matches equal characters, so the number of matches `m` is at
    /// most the sum over characters of the smaller count (the catch-all
    /// bucket over-counts, which keeps the bound safe). With no
    /// transpositions Jaro is at most `(m/|a| + m/|b| + 1) / 3`, and the
    /// Winkler bonus grows with Jaro, so applying it to the bound, with
    /// the true common prefix, bounds the score (below 0.7 there is no
    /// bonus). A small margin absorbs rounding.
    fn bound(&self, other: &CharProfile, a: &str, b: &str) -> f64 {
        if self.len == 0 || other.len == 0 {
            return 1.0;
        }
        let matches: usize = self
            .counts
            .iter()
            .zip(&other.counts)
            .map(|(x, y)| usize::from(*x.min(y)))
            .sum();
        if matches == 0 {
            return 0.0;
        }
        let m = matches as f64;
        let jaro = ((m / self.len as f64) + (m / other.len as f64) + 1.0) / 3.0;
        let bound = if jaro > 0.7 {
            let prefix = a
                .chars()
                .take(4)
                .zip(b.chars())
                .take_while(|(x, y)| x == y)
                .count();
            jaro + 0.1 * prefix as f64 * (1.0 - jaro)
        } else {
            // The true Jaro is at most 0.7 too, and strsim adds no bonus.
            jaro
        };
        bound + 1e-9
    }
}

struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

impl Resolution {
    /// Resolves the names of `entities` at `threshold`.
    ///
    /// Entities declared `distinct_from` each other are never put in one
    /// group, directly or through a third.
    pub fn new(entities: &[Entity], threshold: Similarity) -> Resolution {
        let n = entities.len();
        // Work in id order so that the outcome does not depend on file order.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
        let ids: Vec<EntityId> = order.iter().map(|&i| entities[i].id.clone()).collect();
        let index: HashMap<EntityId, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        let by_address: HashMap<usize, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.text_address(), i))
            .collect();
        let sorted: Vec<&Entity> = order.iter().map(|&i| &entities[i]).collect();

        // Every name of every entity, with its key.
        struct Name<'a> {
            entity: usize,
            text: &'a str,
            key: String,
            words: usize,
        }
        let mut names = Vec::new();
        for (e, entity) in sorted.iter().enumerate() {
            for text in entity.names() {
                let key = name_key(text);
                if key.is_empty() {
                    continue;
                }
                let words = key.split(' ').count();
                names.push(Name {
                    entity: e,
                    text,
                    key,
                    words,
                });
            }
        }

        // Candidate pairs: (similarity, rule, name a, name b), a < b by entity.
        let mut candidates: Vec<(Similarity, MergeRule, usize, usize)> = Vec::new();
        let mut by_key: HashMap<&str, usize> = HashMap::default();
        for (i, name) in names.iter().enumerate() {
            match by_key.get(name.key.as_str()) {
                Some(&first) if names[first].entity != name.entity => {
                    candidates.push((Similarity::clamped(1.0), MergeRule::SameName, first, i));
                }
                Some(_) => {}
                None => {
                    by_key.insert(&name.key, i);
                }
            }
        }
        // Fuzzy: blocks of names with the same word count and the same first
        // three letters of the first or of the last word. One name per key.
        let mut blocks: HashMap<(usize, bool, &str), Vec<usize>> = HashMap::default();
        let mut unique: Vec<usize> = by_key.values().copied().collect();
        unique.sort_unstable();
        for &i in &unique {
            let name = &names[i];
            let first = name.key.split(' ').next().unwrap_or("");
            let last = name.key.rsplit(' ').next().unwrap_or("");
            let prefix =
                |w: &str| -> usize { w.char_indices().nth(3).map_or(w.len(), |(at, _)| at) };
            let first_key = &first[..prefix(first)];
            blocks
                .entry((name.words, false, first_key))
                .or_default()
                .push(i);
            if name.words > 1 {
                let last_key = &last[..prefix(last)];
                blocks
                    .entry((name.words, true, last_key))
                    .or_default()
                    .push(i);
            }
        }
        let mut block_list: Vec<&Vec<usize>> = blocks.values().collect();
        block_list.sort_unstable();
        // Character counts per unique key, for a cheap exact upper bound on
        // the similarity that skips most pairs of a large block (names
        // sharing "front" or "brigade") without computing Jaro–Winkler.
        let profiles: Vec<CharProfile> = names.iter().map(|n| CharProfile::new(&n.key)).collect();
        for block in block_list {
            for (k, &a) in block.iter().enumerate() {
                for &b in &block[k + 1..] {
                    if names[a].entity == names[b].entity {
                        continue;
                    }
                    let bound = profiles[a].bound(&profiles[b], &names[a].key, &names[b].key);
                    if bound < threshold.value() {
                        continue;
                    }
                    let score = strsim::jaro_winkler(&names[a].key, &names[b].key);
                    if score >= threshold.value() {
                        let (a, b) = if a < b { (a, b) } else { (b, a) };
                        candidates.push((Similarity::clamped(score), MergeRule::SimilarName, a, b));
                    }
                }
            }
        }
        candidates.sort_by(|x, y| {
            y.0.value()
                .total_cmp(&x.0.value())
                .then(x.1.cmp(&y.1))
                .then(names[x.2].entity.cmp(&names[y.2].entity))
                .then(names[x.3].entity.cmp(&names[y.3].entity))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });

        let mut groups = Groups {
            parent: (0..n).collect(),
        };
        let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
        let distinct: Vec<Vec<usize>> = sorted
            .iter()
            .map(|e| {
                e.distinct_from
                    .iter()
                    .filter_map(|id| index.get(id).copied())
                    .collect()
            })
            .collect();
        let mut merges = Vec::new();
        for (similarity, rule, a, b) in candidates {
            let (ea, eb) = (names[a].entity, names[b].entity);
            let (ra, rb) = (groups.find(ea), groups.find(eb));
            if ra == rb {
                continue;
            }
            let forbidden = members[ra]
                .iter()
                .any(|&m| distinct[m].iter().any(|&d| groups.find(d) == rb))
                || members[rb]
                    .iter()
                    .any(|&m| distinct[m].iter().any(|&d| groups.find(d) == ra));
            if forbidden {
                continue;
            }
            let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
            groups.parent[gone] = keep;
            let moved = std::mem::take(&mut members[gone]);
            members[keep].extend(moved);
            merges.push(NameMerge {
                entity: ids[eb.max(ea)].clone(),
                with: ids[eb.min(ea)].clone(),
                name: if eb > ea {
                    names[b].text
                } else {
                    names[a].text
                }
                .to_string(),
                other_name: if eb > ea {
                    names[a].text
                } else {
                    names[b].text
                }
                .to_string(),
                similarity,
                threshold,
                rule,
            });
        }
        let root = (0..n).map(|i| groups.find(i)).collect();
        merges.sort_by(|x, y| x.entity.cmp(&y.entity).then(x.with.cmp(&y.with)));
        Resolution {
            ids,
            index,
            by_address,
            root,
            merges,
        }
    }

    /// The canonical entity of `id`: the smallest id in its group. An id
    /// the resolution does not know is its own canonical entity.
    pub fn canonical<'a>(&'a self, id: &'a EntityId) -> &'a EntityId {
        let found = match self.by_address.get(&id.text_address()) {
            Some(&i) => Some(i),
            None => self.index.get(id).copied(),
        };
        match found {
            Some(i) => &self.ids[self.root[i]],
            None => id,
        }
    }

    /// True when the two ids resolve to one entity.
    pub fn same(&self, a: &EntityId, b: &EntityId) -> bool {
        self.canonical(a) == self.canonical(b)
    }

    /// The merges, sorted by entity.
    pub fn merges(&self) -> &[NameMerge] {
        &self.merges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(name_key("Shahab al-Muhajir"), "shahab muhajir");
        assert_eq!(name_key("Al Qaeda"), "qaeda");
        assert_eq!(name_key("al-Qaeda"), "qaeda");
        assert_eq!(name_key("U.S. Central Command"), "us central command");
        assert_eq!(name_key("ISIS-K"), "isis k");
    }

    fn entity(id: &str, name: &str) -> Entity {
        Entity::new(EntityId::new(id).unwrap(), name)
    }

    #[test]
    fn distinct_from_is_respected_through_a_third() {
        let mut a = entity("a", "Hafiz Saeed Khan");
        a.distinct_from = vec![EntityId::new("c").unwrap()];
        let b = entity("b", "Hafiz Saeed Khan");
        let c = entity("c", "Hafiz Saeed Khan");
        let r = Resolution::new(&[a, b, c], Similarity::new(0.9).unwrap());
        assert!(r.same(&EntityId::new("a").unwrap(), &EntityId::new("b").unwrap()));
        assert!(!r.same(&EntityId::new("a").unwrap(), &EntityId::new("c").unwrap()));
    }

    #[test]
    fn the_bound_is_never_below_the_score() {
        let names = [
            "shahab muhajir",
            "shahab muhajr",
            "bakdar front",
            "jannur front",
            "isis k",
            "isis",
            "sirajuddin haqqani",
            "sirajudin haqqani",
            "a",
            "ab",
            "ba",
            "us central command",
            "abcd",
            "dcba",
            "aaaa",
            "aaab",
            "x9 y",
            "y9 x",
            "émile",
            "emile",
        ];
        for a in names {
            for b in names {
                let (pa, pb) = (CharProfile::new(a), CharProfile::new(b));
                let score = strsim::jaro_winkler(a, b);
                assert!(pa.bound(&pb, a, b) >= score, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn spelling_variants_merge_at_threshold() {
        let entities = [
            entity("x", "Sirajuddin Haqqani"),
            entity("y", "Sirajudin Haqqani"),
        ];
        let loose = Resolution::new(&entities, Similarity::new(0.9).unwrap());
        assert_eq!(loose.merges().len(), 1);
        assert_eq!(loose.merges()[0].rule, MergeRule::SimilarName);
        let strict = Resolution::new(&entities, Similarity::new(1.0).unwrap());
        assert!(strict.merges().is_empty());
    }
}
