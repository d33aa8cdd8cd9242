//! Policy as data: the thresholds, vocabulary and property rules that the
//! cross-reference engine applies.
//!
//! | type | what it is |
//! |---|---|
//! | [`Policy`] | everything [`analyze`](fn@crate::analyze) may be told |
//! | [`Similarity`] | a score in `[0, 1]`, for thresholds and evidence |

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::id::Property;
use crate::vocab::Vocabulary;

/// A similarity score or threshold in `[0, 1]`.
///
/// ```
/// use corroborate::Similarity;
/// let s = Similarity::new(0.92)?;
/// assert_eq!(s.value(), 0.92);
/// assert!(Similarity::new(1.5).is_err());
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Similarity(f64);

impl Similarity {
    /// Wraps a score.
    ///
    /// # Errors
    ///
    /// Fails when `value` is outside `[0, 1]` or not a number.
    pub fn new(value: f64) -> Result<Similarity, Error> {
        if (0.0..=1.0).contains(&value) {
            Ok(Similarity(value))
        } else {
            Err(Error::invalid_value(
                crate::quantity::shown_number(value),
                "is not a similarity",
                "a number from 0 to 1",
            ))
        }
    }

    /// Wraps a score computed by the crate, clamping it into `[0, 1]`.
    pub(crate) fn clamped(value: f64) -> Similarity {
        if value.is_nan() {
            Similarity(0.0)
        } else {
            Similarity(value.clamp(0.0, 1.0))
        }
    }

    /// The score.
    pub fn value(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Similarity {
    type Error = Error;
    fn try_from(value: f64) -> Result<Similarity, Error> {
        Similarity::new(value)
    }
}

impl From<Similarity> for f64 {
    fn from(s: Similarity) -> f64 {
        s.0
    }
}

impl fmt::Display for Similarity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// What the engine is told: thresholds for quote and name similarity, the
/// vague-quantity vocabulary, which properties are cumulative (running
/// totals), current (figures as they stand) or single-valued, and aliases
/// between property names.
///
/// The default never picks a winner between conflicting positions: a
/// contested topic stays contested, with every position shown.
///
/// ```
/// use corroborate::{Policy, Property, Similarity, Vocabulary};
/// let policy = Policy::default()
///     .with_quote_threshold(Similarity::new(0.9)?)
///     .with_vocabulary(Vocabulary::acled())
///     .with_cumulative(Property::new("killed")?)
///     .with_property_alias(Property::new("strength")?, Property::new("fighter_strength")?);
/// assert!(policy.is_cumulative(&Property::new("killed")?));
/// assert_eq!(policy.canonical_property(&Property::new("strength")?).as_str(), "fighter_strength");
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Policy {
    vocabulary: Vocabulary,
    quote_threshold: Similarity,
    name_threshold: Similarity,
    cumulative: BTreeSet<Property>,
    current: BTreeSet<Property>,
    single_valued: BTreeSet<Property>,
    property_aliases: BTreeMap<Property, Property>,
}

fn property(name: &str) -> Option<Property> {
    Property::new(name).ok()
}

impl Default for Policy {
    /// Quote threshold 0.8 and name threshold 0.9; the default vocabulary;
    /// `killed`, `injured`, `wounded`, `dead`, `casualties`, `deaths` and
    /// `arrested` cumulative; `displaced` and `missing` current; `leader`, `led_by`,
    /// `founded` and `headquarters` single-valued.
    fn default() -> Policy {
        Policy {
            vocabulary: Vocabulary::default(),
            quote_threshold: Similarity(0.8),
            name_threshold: Similarity(0.9),
            cumulative: [
                "killed",
                "injured",
                "wounded",
                "dead",
                "casualties",
                "deaths",
                "arrested",
            ]
            .into_iter()
            .filter_map(property)
            .collect(),
            current: ["displaced", "missing"]
                .into_iter()
                .filter_map(property)
                .collect(),
            single_valued: ["leader", "led_by", "founded", "headquarters"]
                .into_iter()
                .filter_map(property)
                .collect(),
            property_aliases: BTreeMap::new(),
        }
    }
}

/// Refuses aliases that lead back to themselves (`a` → `b` → `a`): the
/// claims under them would fall in one topic or another depending on the
/// name they were given. An alias to itself says nothing, and is most
/// likely a slip for another name: refused too (seventeenth audit, D10).
fn check_alias_cycles(aliases: &BTreeMap<Property, Property>) -> Result<(), Error> {
    for (alias, target) in aliases {
        if alias == target {
            return Err(Error::invalid_value(
                format!("{:?}", target.as_str()),
                "is the alias itself",
                "another property, the canonical name of the alias",
            )
            .in_field(format!("property_aliases.{alias}")));
        }
        let mut path = vec![alias];
        let mut current = target;
        while current != *path.last().unwrap_or(&alias) {
            if path.contains(&current) {
                path.push(current);
                let names: Vec<&str> = path.iter().map(|p| p.as_str()).collect();
                return Err(Error::invalid_value(
                    format!("{:?}", target.as_str()),
                    format!("makes a cycle of aliases ({})", names.join(" → ")),
                    "aliases that end at a property that is not an alias",
                )
                .in_field(format!("property_aliases.{alias}")));
            }
            path.push(current);
            match aliases.get(current) {
                Some(next) => current = next,
                None => break,
            }
        }
    }
    Ok(())
}

/// The JSON shape of a policy file; every field is optional.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct RawPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    vocabulary: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote_threshold: Option<Similarity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name_threshold: Option<Similarity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cumulative: Option<BTreeSet<Property>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    current: Option<BTreeSet<Property>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    single_valued: Option<BTreeSet<Property>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::corpus::unique_keys_opt"
    )]
    property_aliases: Option<BTreeMap<Property, Property>>,
}

object_only!(RawPolicy, "struct RawPolicy", serialize);

impl Policy {
    /// Reads a policy from JSON. Every field is optional and defaults to
    /// [`Policy::default`]'s; a list given replaces the default list.
    ///
    /// `vocabulary` is `"default"`, `"acled"`, or an inline vocabulary in
    /// the format of `data/vocabulary/default.json`.
    ///
    /// ```
    /// use corroborate::{Policy, Property};
    /// let policy = Policy::from_json_str(r#"{
    ///   "vocabulary": "acled",
    ///   "quote_threshold": 0.9,
    ///   "cumulative": ["killed", "injured", "arrested"],
    ///   "property_aliases": {"strength": "fighter_strength"}
    /// }"#)?;
    /// assert_eq!(policy.vocabulary().name(), "acled");
    /// assert!(!policy.is_cumulative(&Property::new("wounded")?));
    /// assert_eq!(Policy::from_json_str(&policy.to_json_string())?.to_json_string(), policy.to_json_string());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails on malformed JSON, an unknown field (named), a threshold
    /// outside `[0, 1]`, an invalid property name, or a bad vocabulary.
    pub fn from_json_str(json: &str) -> Result<Policy, Error> {
        Policy::read(json)
    }

    /// Reads a policy file, as [`Policy::from_json_str`] reads its text;
    /// an error names the file, as a corpus file's do
    /// (`policy.json:1:22: field name_threshold: …`).
    ///
    /// ```
    /// use corroborate::Policy;
    /// let dir = std::env::temp_dir().join(format!("corroborate-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let file = dir.join("policy.json");
    /// std::fs::write(&file, r#"{"quote_threshold": 0.9}"#)?;
    /// assert_eq!(Policy::from_path(&file)?.quote_threshold().value(), 0.9);
    /// std::fs::write(&file, r#"{"name_threshold": 1.5}"#)?;
    /// let err = Policy::from_path(&file).unwrap_err();
    /// assert!(err.to_string().ends_with(
    ///     "policy.json:1:23: field name_threshold: 1.5 is not a similarity; expected a number from 0 to 1"
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Policy::from_json_str`], and fails when the file cannot be
    /// read, is not UTF-8, or is larger than
    /// [`Limits::max_input_len`](crate::Limits::max_input_len).
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Policy, Error> {
        crate::corpus::read_settings_file(path.as_ref(), Policy::read)
    }

    fn read(json: &str) -> Result<Policy, Error> {
        let raw: RawPolicy = crate::corpus::settings_from_json(
            json,
            "a JSON policy document",
            r#"a JSON object such as {"vocabulary": "default", "quote_threshold": 0.8}"#,
        )?;
        let mut policy = Policy::default();
        match raw.vocabulary {
            None => {}
            Some(serde_json::Value::String(name)) => {
                policy.vocabulary = match name.as_str() {
                    "default" => Vocabulary::default(),
                    "acled" => Vocabulary::acled(),
                    other => {
                        return Err(Error::invalid_value(
                            format!("{other:?}"),
                            "is not a bundled vocabulary",
                            "\"default\", \"acled\" or an inline vocabulary object",
                        )
                        .in_field("vocabulary"));
                    }
                }
            }
            Some(object @ serde_json::Value::Object(_)) => {
                // Read again from its own text, whose lines are not the
                // policy's: the error is placed at its field in the
                // policy, or else at the vocabulary.
                policy.vocabulary =
                    Vocabulary::from_json_str(&object.to_string()).map_err(|e| {
                        let e = e.in_field("vocabulary").without_position();
                        let line = e
                            .field()
                            .and_then(|field| crate::corpus::line_of_path(json, field))
                            .or_else(|| crate::corpus::line_of_path(json, "vocabulary"));
                        match line {
                            Some(line) => e.with_position(line, None),
                            None => e,
                        }
                    })?;
            }
            Some(other) => {
                return Err(Error::invalid_value(
                    other,
                    "is not a vocabulary",
                    "\"default\", \"acled\" or an inline vocabulary object",
                )
                .in_field("vocabulary"));
            }
        }
        if let Some(t) = raw.quote_threshold {
            policy.quote_threshold = t;
        }
        if let Some(t) = raw.name_threshold {
            policy.name_threshold = t;
        }
        let (cumulative_given, current_given) = (raw.cumulative.is_some(), raw.current.is_some());
        if let Some(c) = raw.cumulative {
            policy.cumulative = c;
        }
        if let Some(c) = raw.current {
            policy.current = c;
        }
        if let Some(c) = raw.single_valued {
            policy.single_valued = c;
        }
        if let Some(a) = raw.property_aliases {
            check_alias_cycles(&a)?;
            policy.property_aliases = a;
        }
        // A property (after aliases) both cumulative and current: refused
        // when the file lists it in both; when it lists one, that one
        // overrides the default's other list.
        let overlap: Vec<(Property, Property)> = policy
            .current
            .iter()
            .filter_map(|p| {
                let canonical = policy.canonical_property(p);
                policy
                    .cumulative
                    .iter()
                    .find(|q| policy.canonical_property(q) == canonical)
                    .map(|q| (q.clone(), p.clone()))
            })
            .collect();
        for (cumulative, current) in overlap {
            if cumulative_given && current_given {
                let canonical = policy.canonical_property(&current).as_str();
                let value = if cumulative == current {
                    format!("property {canonical:?}")
                } else {
                    format!(
                        "property {canonical:?} (as {:?} and {:?}, through property_aliases)",
                        cumulative.as_str(),
                        current.as_str()
                    )
                };
                let e = Error::invalid_value(
                    value,
                    "is listed both as cumulative (a running total) and as current (a figure that may fall)",
                    "each property in at most one of cumulative and current",
                )
                .in_field("current");
                return Err(match crate::corpus::line_of_path(json, "current") {
                    Some(line) => e.with_position(line, None),
                    None => e,
                });
            } else if current_given {
                policy.cumulative.remove(&cumulative);
            } else {
                policy.current.remove(&current);
            }
        }
        Ok(policy)
    }

    /// Writes the policy as pretty JSON, with its vocabulary inline.
    ///
    /// Characters that act on a terminal (control characters, bidirectional
    /// embeddings, overrides and isolates) and U+2028 and U+2029 are written
    /// as JSON escapes, `\u0085`: the strings parse back unchanged.
    pub fn to_json_string(&self) -> String {
        let raw = RawPolicy {
            vocabulary: serde_json::to_value(&self.vocabulary).ok(),
            quote_threshold: Some(self.quote_threshold),
            name_threshold: Some(self.name_threshold),
            cumulative: Some(self.cumulative.clone()),
            current: Some(self.current.clone()),
            single_valued: Some(self.single_valued.clone()),
            property_aliases: Some(self.property_aliases.clone()),
        };
        crate::json::to_string_pretty(&raw).unwrap_or_default()
    }

    /// Sets the vocabulary for hedged and vague quantities. A table's
    /// cells are read with the [`StreamReader`](crate::StreamReader)'s
    /// vocabulary, set apart: make the reader with
    /// [`StreamReader::for_policy`](crate::StreamReader::for_policy), as
    /// the example binary does, or a phrase only this one knows is read
    /// as text.
    pub fn with_vocabulary(mut self, vocabulary: Vocabulary) -> Policy {
        self.vocabulary = vocabulary;
        self
    }

    /// Sets the similarity at or above which two quote wordings are
    /// variants of one quote.
    pub fn with_quote_threshold(mut self, threshold: Similarity) -> Policy {
        self.quote_threshold = threshold;
        self
    }

    /// Sets the similarity at or above which two entity names are taken
    /// for one entity. Each word of two multi-word names must also reach
    /// 0.7 (or this threshold, if lower) against the word in its place
    /// (see [`Resolution`](crate::Resolution)).
    pub fn with_name_threshold(mut self, threshold: Similarity) -> Policy {
        self.name_threshold = threshold;
        self
    }

    /// Marks a property as cumulative: it changes over time (a death toll),
    /// so a later report supersedes an earlier one, unless it is wholly
    /// lower: a running total does not fall, so that is a conflict (or a
    /// correction, if the later claim says so with `corrects`). A property
    /// marked cumulative is no longer current.
    pub fn with_cumulative(mut self, property: Property) -> Policy {
        self.current.remove(&property);
        self.cumulative.insert(property);
        self
    }

    /// Marks a property as current: a figure as it stands (people
    /// displaced, held, in shelters), which rises and falls, so a later
    /// report supersedes an earlier one whatever the numbers. A property
    /// marked current is no longer cumulative.
    ///
    /// ```
    /// use corroborate::{Policy, Property};
    /// let policy = Policy::default().with_current(Property::new("detained")?);
    /// assert!(policy.is_current(&Property::new("detained")?));
    /// assert!(!policy.is_cumulative(&Property::new("detained")?));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn with_current(mut self, property: Property) -> Policy {
        self.cumulative.remove(&property);
        self.current.insert(property);
        self
    }

    /// Marks a statement property as single-valued: two different objects
    /// conflict ("led by A" against "led by B").
    pub fn with_single_valued(mut self, property: Property) -> Policy {
        self.single_valued.insert(property);
        self
    }

    /// Declares `alias` another name of `canonical`, so their claims form
    /// one topic. Unchecked: aliases that go round (`a` → `b` → `a`)
    /// leave their properties apart. [`Policy::try_with_property_alias`]
    /// refuses them, as a policy file's loader does.
    pub fn with_property_alias(mut self, alias: Property, canonical: Property) -> Policy {
        self.property_aliases.insert(alias, canonical);
        self
    }

    /// As [`Policy::with_property_alias`], refusing an alias that would
    /// make the aliases go round.
    ///
    /// ```
    /// use corroborate::{Policy, Property};
    /// let (a, b) = (Property::new("dead")?, Property::new("killed")?);
    /// let policy = Policy::default().try_with_property_alias(a.clone(), b.clone())?;
    /// assert_eq!(policy.canonical_property(&a), &b);
    /// let err = policy.try_with_property_alias(b, a).unwrap_err();
    /// assert!(err.to_string().contains("makes a cycle of aliases"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when `canonical` is `alias`, or leads back to it through
    /// the aliases.
    pub fn try_with_property_alias(
        mut self,
        alias: Property,
        canonical: Property,
    ) -> Result<Policy, Error> {
        self.property_aliases.insert(alias, canonical);
        check_alias_cycles(&self.property_aliases)?;
        Ok(self)
    }

    /// Removes every cumulative, current and single-valued mark.
    pub fn without_property_rules(mut self) -> Policy {
        self.cumulative.clear();
        self.current.clear();
        self.single_valued.clear();
        self
    }

    /// The vocabulary.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The quote threshold.
    pub fn quote_threshold(&self) -> Similarity {
        self.quote_threshold
    }

    /// The name threshold.
    pub fn name_threshold(&self) -> Similarity {
        self.name_threshold
    }

    /// True when the property (after aliases) is cumulative: listed as
    /// cumulative under its canonical name or any alias of it.
    pub fn is_cumulative(&self, property: &Property) -> bool {
        self.listed(&self.cumulative, property)
    }

    /// Whether `property`, after aliases, is in `list`, under its
    /// canonical name or under an alias that leads to it ("fatalities"
    /// listed as cumulative, with "fatalities" an alias of "deaths").
    fn listed(&self, list: &BTreeSet<Property>, property: &Property) -> bool {
        let canonical = self.canonical_property(property);
        list.contains(canonical)
            || (!self.property_aliases.is_empty()
                && list.iter().any(|p| self.canonical_property(p) == canonical))
    }

    /// True when the property (after aliases) is current: a figure as it
    /// stands, whose later report supersedes whatever the numbers.
    pub fn is_current(&self, property: &Property) -> bool {
        self.listed(&self.current, property)
    }

    /// What a later report of the property is, in a sentence: "cumulative"
    /// (a running total), "a current figure", or `None` when a later report
    /// is no newer figure; and whether it is cumulative
    /// ([`Policy::is_cumulative`]). Callers need both, so the lists are
    /// looked in once each.
    pub(crate) fn series(&self, property: &Property) -> (Option<&'static str>, bool) {
        if self.is_cumulative(property) {
            (Some("cumulative"), true)
        } else if self.is_current(property) {
            (Some("a current figure"), false)
        } else {
            (None, false)
        }
    }

    /// True when the property (after aliases) is single-valued.
    pub fn is_single_valued(&self, property: &Property) -> bool {
        self.single_valued
            .contains(self.canonical_property(property))
    }

    /// The canonical name of a property, following declared aliases.
    pub fn canonical_property<'a>(&'a self, property: &'a Property) -> &'a Property {
        let mut current = property;
        // Alias chains are followed at most once round all the aliases, so
        // a cycle (which only the unchecked builder can make) cannot hang
        // the engine, and a long chain is followed to its end.
        for _ in 0..=self.property_aliases.len() {
            match self.property_aliases.get(current) {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `series` names each list's properties, through aliases, and a
    /// property of none; and it agrees with `is_cumulative`.
    #[test]
    fn series_agrees_with_the_lists() {
        let policy = Policy::from_json_str(
            r#"{"property_aliases": {"fatalities": "deaths", "holding": "held"}, "cumulative": ["fatalities"], "current": ["held"]}"#,
        )
        .unwrap();
        for (name, expected) in [
            ("deaths", (Some("cumulative"), true)),
            ("fatalities", (Some("cumulative"), true)),
            ("held", (Some("a current figure"), false)),
            ("holding", (Some("a current figure"), false)),
            ("fighters", (None, false)),
        ] {
            let property = Property::new(name).unwrap();
            assert_eq!(policy.series(&property), expected, "{name}");
            assert_eq!(policy.is_cumulative(&property), expected.1, "{name}");
        }
    }
}
