//! The vocabulary of hedges and vague quantities, as data.
//!
//! | type | what it is |
//! |---|---|
//! | [`Vocabulary`] | the tables: vague phrases to intervals, hedge words to tolerances, a coding rule, units of measure, currency signs, scale abbreviations, irregular verbs |
//! | [`VagueEntry`] | one vague phrase: its interval and an optional coded point |
//! | [`Tolerance`] | how far a hedge word lets a number stray |
//! | [`CodingRule`] | how to code a range as one number |
//!
//! The default tables are listed in `data/vocabulary/default.json` and
//! documented in `data/README.md`; [`Vocabulary::acled`] is the coding
//! profile of the ACLED codebook. A user swaps the vocabulary with
//! [`Vocabulary::from_json_str`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::quantity::{Amount, MAX_AMOUNT, Quantity, normalize_phrase, shown_number};

/// The interval a vague phrase stands for, and the point a coding profile
/// records for it.
///
/// ```
/// use corroborate::Vocabulary;
/// let vocabulary = Vocabulary::default();
/// let dozens = vocabulary.vague("dozens").unwrap();
/// assert_eq!((dozens.min(), dozens.max()), (24.0, 99.0));
/// assert_eq!(Vocabulary::acled().vague("dozens").unwrap().code(), Some(12.0));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct VagueEntry {
    min: f64,
    max: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code: Option<f64>,
}

object_only!(VagueEntry, "struct VagueEntry", serialize);

impl VagueEntry {
    /// Makes an entry for the closed interval `[min, max]`.
    ///
    /// # Errors
    ///
    /// Fails when a bound is negative or not finite, or `max < min`.
    pub fn new(min: f64, max: f64) -> Result<VagueEntry, Error> {
        let entry = VagueEntry {
            min,
            max,
            code: None,
        };
        entry.check()?;
        Ok(entry)
    }

    /// Sets the single number a coding profile records for the phrase.
    pub fn with_code(mut self, code: f64) -> VagueEntry {
        self.code = Some(code);
        self
    }

    /// Each number a count, under its own field (`min`, `max`, `code`:
    /// a bad code had been reported as an "exact" amount, seventeenth
    /// audit, D10), and `max` not below `min`.
    fn check(&self) -> Result<(), Error> {
        let numbers = [("min", self.min), ("max", self.max)]
            .into_iter()
            .chain(self.code.map(|code| ("code", code)));
        for (name, value) in numbers {
            if let Some((shown, problem, expected)) = crate::quantity::count_problem(value) {
                return Err(Error::invalid_value(shown, problem, expected).in_field(name));
            }
        }
        if self.max < self.min {
            return Err(Error::invalid_value(
                shown_number(self.max),
                format!(
                    "is less than min {} (an inverted range)",
                    shown_number(self.min)
                ),
                "max >= min",
            )
            .in_field("max"));
        }
        Ok(())
    }

    /// The low end of the interval.
    pub fn min(&self) -> f64 {
        self.min
    }

    /// The high end of the interval.
    pub fn max(&self) -> f64 {
        self.max
    }

    /// The point a coding profile records, if it has one.
    pub fn code(&self) -> Option<f64> {
        self.code
    }
}

/// How far a hedge word lets a number stray, as fractions of the number.
///
/// "about 2,000" with `below = above = 0.1` is `[1,800, 2,200]`;
/// "nearly 200" with `below = 0.1` and `excludes_value` is `[180, 199]`.
///
/// ```
/// use corroborate::Vocabulary;
/// let vocabulary = Vocabulary::default();
/// let nearly = vocabulary.approximation("nearly").unwrap();
/// assert!(nearly.excludes_value());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Tolerance {
    below: f64,
    above: f64,
    #[serde(default)]
    excludes_value: bool,
    /// Also read after a number ("300 approximately"), where it ends
    /// the figure's clause.
    #[serde(default, skip_serializing_if = "is_false")]
    after: bool,
}

object_only!(Tolerance, "struct Tolerance", serialize);

fn is_false(value: &bool) -> bool {
    !*value
}

impl Tolerance {
    /// Makes a tolerance of `below` and `above`, fractions in `[0, 1]`.
    ///
    /// # Errors
    ///
    /// Fails when a fraction is outside `[0, 1]` or not finite.
    pub fn new(below: f64, above: f64) -> Result<Tolerance, Error> {
        let tolerance = Tolerance {
            below,
            above,
            excludes_value: false,
            after: false,
        };
        tolerance.check()?;
        Ok(tolerance)
    }

    /// Marks the stated number itself as excluded ("nearly 200" is not
    /// 200, nor "just over 300" 300): from the top of the interval, or
    /// from its bottom for a tolerance that allows only above (`below`
    /// 0, `above` more).
    ///
    /// ```
    /// use corroborate::{Amount, Quantity, Tolerance, Vocabulary};
    /// let mut vocabulary = Vocabulary::empty("mine");
    /// let upwards = Tolerance::new(0.0, 0.1)?.excluding_value();
    /// vocabulary.insert_approximation("upwards of", upwards);
    /// let q = Quantity::new(Amount::Approximate {
    ///     value: 300.0,
    ///     qualifier: "upwards of".into(),
    /// })?;
    /// let interval = q.interval(&vocabulary);
    /// assert_eq!((interval.min(), interval.max()), (301.0, 330.0));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn excluding_value(mut self) -> Tolerance {
        self.excludes_value = true;
        self
    }

    fn check(&self) -> Result<(), Error> {
        for (name, value) in [("below", self.below), ("above", self.above)] {
            if !(0.0..=1.0).contains(&value) {
                return Err(Error::invalid_value(
                    shown_number(value),
                    "is not a fraction",
                    "a fraction from 0 to 1",
                )
                .in_field(name));
            }
        }
        Ok(())
    }

    /// The fraction the true number may lie below the stated one.
    pub fn below(&self) -> f64 {
        self.below
    }

    /// The fraction the true number may lie above the stated one.
    pub fn above(&self) -> f64 {
        self.above
    }

    /// True when the stated number itself is excluded.
    pub fn excludes_value(&self) -> bool {
        self.excludes_value
    }

    /// Marks the hedge as also written after a number, where it ends the
    /// figure's clause: "300 approximately", "300 roughly" are read as
    /// "approximately 300", "roughly 300" (`"after": true` in a
    /// vocabulary file). A hedge without it is read only before the
    /// number, since many are words that also follow one with another
    /// sense ("300 around the city"); one that opens with "or " ("or
    /// so") is read after the number whatever this says.
    ///
    /// ```
    /// use corroborate::{parse_quantity, Tolerance, Vocabulary};
    /// let mut vocabulary = Vocabulary::empty("mine");
    /// vocabulary.insert_approximation("roughly", Tolerance::new(0.1, 0.1)?.written_after());
    /// let q = parse_quantity("300 roughly", &vocabulary)?;
    /// assert_eq!(q.to_string(), "roughly 300");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn written_after(mut self) -> Tolerance {
        self.after = true;
        self
    }

    /// True when the hedge is also read after a number
    /// ([`Tolerance::written_after`]).
    pub fn is_written_after(&self) -> bool {
        self.after
    }
}

/// How [`Vocabulary::code`] turns an interval into one number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodingRule {
    /// The lowest figure (ACLED's rule for conflicting or ranged reports).
    #[default]
    Lowest,
    /// The midpoint of a closed interval, rounded down to a whole
    /// count (500 to 1,501 codes as 1,000).
    Midpoint,
    /// The highest figure of a closed interval.
    Highest,
}

/// The tables that give hedged and vague quantities their meaning.
///
/// Comparisons use intervals ([`Quantity::interval`]); a user who must
/// produce one number per quantity uses [`Vocabulary::code`] with a coding
/// profile such as [`Vocabulary::acled`].
///
/// ```
/// use corroborate::{Amount, Quantity, Vocabulary};
/// let dozens = Quantity::new(Amount::Vague { phrase: "dozens".into() })?;
/// assert_eq!(dozens.interval(&Vocabulary::default()).min(), 24.0);
/// assert_eq!(Vocabulary::acled().code(&dozens), Some(12.0));
///
/// // Swap the table: a newsroom that reads "dozens" as 20 to 99.
/// let custom = Vocabulary::from_json_str(
///     r#"{"name": "newsroom", "vague": {"dozens": {"min": 20, "max": 99}}, "approximate": {}}"#,
/// )?;
/// assert_eq!(dozens.interval(&custom).min(), 20.0);
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Vocabulary {
    name: String,
    #[serde(deserialize_with = "crate::corpus::unique_keys")]
    vague: BTreeMap<String, VagueEntry>,
    #[serde(deserialize_with = "crate::corpus::unique_keys")]
    approximate: BTreeMap<String, Tolerance>,
    #[serde(default)]
    coding: CodingRule,
    /// Units of measure, each with the unit words that name it ("acres":
    /// "acre", "acres"): figures in two measures are different scopes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    measures: BTreeMap<String, Vec<String>>,
    /// Currency signs written before a number ("$", "US$", "€"), each
    /// with the measure of `measures` its figures are in ("US dollars"):
    /// "$1.2 billion" is 1.2 billion US dollars. A sign marked `after`
    /// is also read after a number ("5 €", "5€").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    currency_signs: BTreeMap<String, CurrencySign>,
    /// Scale abbreviations written after a number ("k", "m", "bn"), with
    /// their factor and, for one that is also the symbol of a unit of
    /// measure ("m", metres), that unit: "5m" alone is then refused as
    /// ambiguous rather than read as 5 million.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    scale_abbreviations: BTreeMap<String, ScaleAbbreviation>,
    /// Irregular verbs, each with its irregular forms ("shoot": "shot"),
    /// in lower case: a wording is compared with another's negation
    /// matching a verb with these forms as well as its regular
    /// inflections ("we did not shoot" / "we shot").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    verbs: BTreeMap<String, Vec<String>>,
    /// Each unit word of `measures`, as matched, with its measure.
    #[serde(skip)]
    measure_of: BTreeMap<String, String>,
    /// The first word of each unit of `measures`: most units are counted
    /// nouns ("fighters"), turned away by one hash lookup.
    #[serde(skip)]
    measure_leads: crate::id::HashSet<String>,
    /// Each unit word of `measures` under its length in characters: a
    /// misspelt unit ("percnt") is held only against units about as
    /// long ([`crate::parse::near_miss_unit`]), not against every one.
    #[serde(skip)]
    measure_lengths: BTreeSet<(usize, String)>,
}

object_only!(Vocabulary, "struct Vocabulary", serialize);

/// A currency sign of a vocabulary: the measure its figures are in, and
/// whether it is also read after a number. Written in a vocabulary file
/// as the measure alone (`"$": "US dollars"`, read before a number only)
/// or as an object (`"€": {"measure": "euros", "after": true}`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CurrencySign {
    pub(crate) measure: String,
    /// Read after a number too: "5 €", "5€".
    pub(crate) after: bool,
}

impl Serialize for CurrencySign {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if !self.after {
            return serializer.serialize_str(&self.measure);
        }
        let mut entry = serializer.serialize_struct("CurrencySign", 2)?;
        entry.serialize_field("measure", &self.measure)?;
        entry.serialize_field("after", &self.after)?;
        entry.end()
    }
}

impl<'de> Deserialize<'de> for CurrencySign {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The object form, whose unknown fields are refused by name.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Entry {
            measure: String,
            #[serde(default)]
            after: bool,
        }
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = CurrencySign;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a measure such as \"US dollars\", or an object such as {\"measure\": \"euros\", \"after\": true}",
                )
            }
            fn visit_str<E: serde::de::Error>(self, measure: &str) -> Result<CurrencySign, E> {
                Ok(CurrencySign {
                    measure: measure.to_string(),
                    after: false,
                })
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                map: M,
            ) -> Result<CurrencySign, M::Error> {
                let entry = Entry::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(CurrencySign {
                    measure: entry.measure,
                    after: entry.after,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A scale abbreviation of a vocabulary: what a number written before it
/// is multiplied by ("bn": 10^9), and the unit of measure it is also the
/// symbol of, if any ("m": metres).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub(crate) struct ScaleAbbreviation {
    pub(crate) factor: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) or_unit: Option<String>,
}

object_only!(ScaleAbbreviation, "struct ScaleAbbreviation", serialize);

/// A phrase of a vocabulary file as it is matched (lower case, spaces
/// collapsed), refused when that is empty or when another phrase of the
/// same table (in `seen`, by the key it is matched as, with the phrase
/// and its field) is matched alike.
fn checked_phrase(
    phrase: &str,
    field: &str,
    seen: &mut BTreeMap<String, (String, String)>,
) -> Result<String, Error> {
    let key = normalize_phrase(phrase);
    if key.is_empty() {
        return Err(
            Error::invalid_value(format!("{phrase:?}"), "is empty", "a word or phrase")
                .in_field(field.to_string()),
        );
    }
    if let Some((other, at)) = seen.get(&key) {
        let problem = if other == phrase {
            format!("is given twice (also in field {at:?})")
        } else {
            format!("is matched as {key:?}, as {other:?} in field {at:?} is")
        };
        return Err(Error::invalid_value(
            format!("{phrase:?}"),
            problem,
            "each phrase once (phrases are matched without case)",
        )
        .in_field(field.to_string()));
    }
    seen.insert(key.clone(), (phrase.to_string(), field.to_string()));
    Ok(key)
}

/// A verb or verb form of a vocabulary file as it is matched (lower
/// case), refused unless it is one word of letters, as quotes' words
/// are compared.
fn checked_word(word: &str, field: &str) -> Result<String, Error> {
    let key = normalize_phrase(word);
    if key.is_empty() || !key.chars().all(char::is_alphabetic) {
        return Err(Error::invalid_value(
            format!("{word:?}"),
            if key.is_empty() {
                "is empty"
            } else {
                "is not one word of letters"
            },
            "one word (\"shoot\", \"shot\")",
        )
        .in_field(field.to_string()));
    }
    Ok(key)
}

const DEFAULT_JSON: &str = include_str!("../data/vocabulary/default.json");
const ACLED_JSON: &str = include_str!("../data/vocabulary/acled.json");

/// A vocabulary bundled with the crate, `json` embedded at compile time.
///
/// A bundled table that fails to read is a bug of the crate, never of its
/// input, and the unit test `bundled_vocabularies_load` fails on it
/// before any release. Should one slip through all the same, the
/// constructors that call this do not panic: they give an empty
/// vocabulary whose name says that the table failed to load and why
/// ("default (the bundled table failed to load: …)"), so that every
/// report, which names its vocabulary, shows it, and no vague phrase is
/// silently unknown under a name that looks right.
fn bundled(json: &str, name: &str) -> Vocabulary {
    Vocabulary::from_json_str(json).unwrap_or_else(|error| {
        Vocabulary::empty(format!(
            "{name} (the bundled table failed to load: {error})"
        ))
    })
}

impl Default for Vocabulary {
    /// The default vocabulary, `data/vocabulary/default.json`.
    ///
    /// The table is embedded in the crate and tested to load; were it
    /// not to, the vocabulary would be empty and its name would say so
    /// (see [`Vocabulary::name`]), rather than a panic.
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let vocabulary = Vocabulary::default();
    /// assert_eq!(vocabulary.name(), "default");
    /// assert!(vocabulary.vague("dozens").is_some());
    /// ```
    fn default() -> Vocabulary {
        bundled(DEFAULT_JSON, "default")
    }
}

/// The factor a scale word after a vague phrase multiplies it by:
/// "a few dozen", "several thousand", and the Indian "lakh" (100,000)
/// and "crore" (10,000,000): "several lakh", "a few thousand crore".
/// The parser's number words (`parse/words.rs`, `SCALES`) hold the same
/// words, for "2 lakh" and "1.2 crore".
pub(crate) fn scale_word(word: &str) -> Option<f64> {
    match word {
        "dozen" => Some(12.0),
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "lakh" => Some(1e5),
        "million" => Some(1e6),
        "crore" => Some(1e7),
        "billion" => Some(1e9),
        _ => None,
    }
}

/// The size of a number noun, singular or plural ("dozen", "dozens",
/// "scores", "thousands"): what a scale word after it must exceed.
pub(crate) fn number_noun(word: &str) -> Option<f64> {
    scale_word(word).or(match word {
        "dozens" => Some(12.0),
        "scores" => Some(20.0),
        "tens" => Some(10.0),
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "lakhs" => Some(1e5),
        "millions" => Some(1e6),
        "crores" => Some(1e7),
        "billions" => Some(1e9),
        _ => None,
    })
}

impl Vocabulary {
    /// A vocabulary with no entries: every vague or hedged quantity is
    /// unknown.
    pub fn empty(name: impl Into<String>) -> Vocabulary {
        Vocabulary {
            name: name.into(),
            vague: BTreeMap::new(),
            approximate: BTreeMap::new(),
            coding: CodingRule::Lowest,
            measures: BTreeMap::new(),
            verbs: BTreeMap::new(),
            measure_of: BTreeMap::new(),
            measure_leads: crate::id::HashSet::default(),
            measure_lengths: BTreeSet::new(),
            currency_signs: BTreeMap::new(),
            scale_abbreviations: BTreeMap::new(),
        }
    }

    /// ACLED's coding profile, `data/vocabulary/acled.json`: the default
    /// intervals, with the codebook's points ("several" = 10,
    /// "dozens" = 12, "hundreds" = 100) and the lowest figure of a range.
    ///
    /// The table is embedded in the crate and tested to load; were it
    /// not to, the vocabulary would be empty and its name would say so,
    /// rather than a panic, as for [`Vocabulary::default`].
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let acled = Vocabulary::acled();
    /// assert_eq!(acled.name(), "acled");
    /// assert_eq!(acled.vague("several").unwrap().code(), Some(10.0));
    /// ```
    pub fn acled() -> Vocabulary {
        bundled(ACLED_JSON, "acled")
    }

    /// Reads a vocabulary from JSON (the format of
    /// `data/vocabulary/default.json`).
    ///
    /// # Errors
    ///
    /// Fails on empty input, malformed JSON (with line and column), an
    /// unknown, missing or mistyped field (with its path), an empty name
    /// or phrase, a name with a control character, a key given twice or
    /// two phrases matched alike ("dozens" and "Dozens"), a bad interval,
    /// code or tolerance (named by its own field, `vague.dozens.code`),
    /// a measure with no unit word, a hedge word or a scale word given as
    /// a scale abbreviation, or an entry that could never be read. A
    /// leading byte-order mark is accepted.
    pub fn from_json_str(json: &str) -> Result<Vocabulary, Error> {
        let raw: Vocabulary = crate::corpus::settings_from_json(
            json,
            "a JSON vocabulary document",
            r#"a JSON object such as {"name": "newsroom", "vague": {}, "approximate": {}}"#,
        )?;
        if raw.name.trim().is_empty() {
            return Err(Error::invalid_value(
                format!("{:?}", raw.name),
                "is empty",
                "a name for the vocabulary, which reports show",
            )
            .in_field("name"));
        }
        // Reports show the name, as they show entities' names, which
        // are refused with control characters (seventeenth audit, D10).
        crate::corpus::check_name(&raw.name).map_err(|e| e.in_field("name"))?;
        let mut vocabulary = Vocabulary::empty(raw.name);
        vocabulary.coding = raw.coding;
        let mut seen = BTreeMap::new();
        for (phrase, entry) in raw.vague {
            let field = format!("vague.{phrase}");
            entry.check().map_err(|e| e.in_field(field.clone()))?;
            let key = checked_phrase(&phrase, &field, &mut seen)?;
            // Digits are read as a number before any phrase is looked
            // up, so a phrase that begins with one is never matched.
            if key.starts_with(|c: char| c.is_ascii_digit()) {
                return Err(Error::invalid_value(
                    format!("{phrase:?}"),
                    "begins with a digit, and a number is read as a number, never as a vague phrase",
                    "words for an amount (\"dozens\", \"a few hundred\")",
                )
                .in_field(field));
            }
            vocabulary.vague.insert(key, entry);
        }
        let mut seen = BTreeMap::new();
        for (word, tolerance) in raw.approximate {
            let field = format!("approximate.{word}");
            tolerance.check().map_err(|e| e.in_field(field.clone()))?;
            let key = checked_phrase(&word, &field, &mut seen)?;
            // One text is read one way: a hedge before a number, or a
            // vague amount on its own, not both.
            if vocabulary.vague.contains_key(&key) {
                return Err(Error::invalid_value(
                    format!("{word:?}"),
                    "is a vague phrase of this vocabulary too",
                    "each phrase either a vague amount or a hedge, not both",
                )
                .in_field(field));
            }
            vocabulary.approximate.insert(key, tolerance);
        }
        let mut seen = BTreeMap::new();
        for (measure, units) in raw.measures {
            if measure.trim().is_empty() {
                return Err(Error::invalid_value(
                    format!("{measure:?}"),
                    "is empty",
                    "the name of a unit of measure, which reports show (\"acres\")",
                )
                .in_field("measures"));
            }
            // A measure no word names is never read (seventeenth audit,
            // D10), as a verb with no forms is refused below.
            if units.is_empty() {
                return Err(Error::invalid_value(
                    "[]",
                    "lists no unit word",
                    "the words that name the unit ([\"acre\", \"acres\"] for \"acres\")",
                )
                .in_field(format!("measures.{measure}")));
            }
            for (k, unit) in units.iter().enumerate() {
                let field = format!("measures.{measure}[{k}]");
                let key = checked_phrase(unit, &field, &mut seen)?;
                vocabulary.insert_measure(&key, &measure);
            }
        }
        let mut seen = BTreeMap::new();
        for (sign, entry) in raw.currency_signs {
            let measure = &entry.measure;
            let field = format!("currency_signs.{sign}");
            let key = checked_phrase(&sign, &field, &mut seen)?;
            if key.contains(' ') || key.chars().any(|c| c.is_numeric()) {
                return Err(Error::invalid_value(
                    format!("{sign:?}"),
                    "holds a space or a digit",
                    "a sign written before a number, without a space or digit (\"$\", \"US$\", \"€\")",
                )
                .in_field(field));
            }
            if !vocabulary.measures.contains_key(measure) {
                return Err(Error::invalid_value(
                    format!("{measure:?}"),
                    "is not a measure of the vocabulary's `measures`",
                    "the name of one of its measures, such as \"US dollars\"",
                )
                .in_field(field));
            }
            vocabulary.currency_signs.insert(key, entry);
        }
        let mut seen = BTreeMap::new();
        for (abbreviation, entry) in raw.scale_abbreviations {
            let field = format!("scale_abbreviations.{abbreviation}");
            let key = checked_phrase(&abbreviation, &field, &mut seen)?;
            // A scale word is read by the number words, whatever this
            // table says of it.
            if let Some(scale) = crate::parse::scale_word(&key) {
                return Err(Error::invalid_value(
                    format!("{abbreviation:?}"),
                    format!(
                        "is a scale word the parser reads already (as {})",
                        crate::quantity::format_number(scale)
                    ),
                    "an abbreviation that is not a scale word (\"k\", \"bn\")",
                )
                .in_field(field));
            }
            // A hedge is read before a number ("about 5"), and a scale
            // abbreviation after one ("5 k"): one word both would read
            // "5 about" as 50 (seventeenth audit, D10), as a phrase that
            // is a vague amount and a hedge is refused above.
            if vocabulary.approximate.contains_key(&key) {
                return Err(Error::invalid_value(
                    format!("{abbreviation:?}"),
                    "is a hedge word of this vocabulary too",
                    "each word either a hedge or a scale abbreviation, not both",
                )
                .in_field(field));
            }
            if !key.chars().all(char::is_alphabetic) {
                return Err(Error::invalid_value(
                    format!("{abbreviation:?}"),
                    "is not one word of letters",
                    "letters written after a number (\"k\", \"bn\")",
                )
                .in_field(field));
            }
            if !(entry.factor.is_finite() && entry.factor > 1.0 && entry.factor <= MAX_AMOUNT) {
                return Err(Error::invalid_value(
                    shown_number(entry.factor),
                    "is not a scale",
                    "a factor above 1 and at most 10^15, such as 1000 for \"k\"",
                )
                .in_field(format!("{field}.factor")));
            }
            if entry
                .or_unit
                .as_deref()
                .is_some_and(|unit| unit.trim().is_empty())
            {
                return Err(Error::invalid_value(
                    "\"\"",
                    "is empty",
                    "the unit the abbreviation is also the symbol of, such as \"metres\"",
                )
                .in_field(format!("{field}.or_unit")));
            }
            vocabulary.scale_abbreviations.insert(key, entry);
        }
        for (verb, forms) in raw.verbs {
            let field = format!("verbs.{verb}");
            let verb = checked_word(&verb, &field)?;
            if forms.is_empty() {
                return Err(Error::invalid_value(
                    "[]",
                    "lists no form",
                    "the verb's irregular forms ([\"shot\"] for \"shoot\")",
                )
                .in_field(field));
            }
            for (k, form) in forms.iter().enumerate() {
                let field = format!("{field}[{k}]");
                let form = checked_word(form, &field)?;
                if form == verb || vocabulary.is_verb_form(&verb, &form) {
                    return Err(Error::invalid_value(
                        format!("{form:?}"),
                        if form == verb {
                            "is the verb itself"
                        } else {
                            "is listed twice"
                        },
                        "each irregular form of the verb once (forms are matched without case)",
                    )
                    .in_field(field));
                }
                vocabulary.insert_verb_form(&verb, &form);
            }
        }
        Ok(vocabulary)
    }

    /// Reads a vocabulary from JSON bytes, accepting a UTF-8 byte-order
    /// mark.
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let err = Vocabulary::from_json_slice(b"{\"name\": \"\xff\"}").unwrap_err();
    /// assert!(err.is_syntax());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Vocabulary::from_json_str`], and fails on bytes that are not
    /// UTF-8.
    pub fn from_json_slice(bytes: &[u8]) -> Result<Vocabulary, Error> {
        Vocabulary::from_json_str(crate::corpus::decode_utf8(bytes)?)
    }

    /// Reads a vocabulary file, as [`Vocabulary::from_json_slice`] reads
    /// its bytes; an error names the file, as a corpus file's do.
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/vocabulary/acled.json");
    /// assert_eq!(Vocabulary::from_path(file)?.name(), "acled");
    /// let err = Vocabulary::from_path("no/such/vocabulary.json").unwrap_err();
    /// assert!(err.to_string().starts_with("no/such/vocabulary.json: "));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Vocabulary::from_json_slice`], and fails when the file cannot
    /// be read or is larger than
    /// [`Limits::max_input_len`](crate::Limits::max_input_len).
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Vocabulary, Error> {
        crate::corpus::read_settings_file(path.as_ref(), Vocabulary::from_json_str)
    }

    /// Writes the vocabulary as pretty JSON.
    ///
    /// Characters that act on a terminal (control characters, bidirectional
    /// embeddings, overrides and isolates) and U+2028 and U+2029 are written
    /// as JSON escapes, `\u0085`: the strings parse back unchanged.
    pub fn to_json_string(&self) -> String {
        crate::json::to_string_pretty(self).unwrap_or_default()
    }

    /// The vocabulary's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The coding rule for ranges.
    pub fn coding(&self) -> CodingRule {
        self.coding
    }

    /// Renames the vocabulary: reports name the table they were made
    /// with, so a changed table should not go by "default".
    ///
    /// ```
    /// use corroborate::{VagueEntry, Vocabulary};
    /// let mut vocabulary = Vocabulary::default().with_name("newsroom");
    /// vocabulary.insert_vague("scores", VagueEntry::new(40.0, 100.0)?);
    /// assert_eq!(vocabulary.name(), "newsroom");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn with_name(mut self, name: impl Into<String>) -> Vocabulary {
        self.name = name.into();
        self
    }

    /// Sets the coding rule.
    pub fn with_coding(mut self, rule: CodingRule) -> Vocabulary {
        self.coding = rule;
        self
    }

    /// Adds or replaces a vague phrase; the phrase is lower-cased and
    /// single-spaced.
    pub fn insert_vague(&mut self, phrase: &str, entry: VagueEntry) {
        self.vague.insert(normalize_phrase(phrase), entry);
    }

    /// Adds or replaces a hedge word.
    pub fn insert_approximation(&mut self, word: &str, tolerance: Tolerance) {
        self.approximate.insert(normalize_phrase(word), tolerance);
    }

    /// Names `unit` (lower-cased and single-spaced) as a unit of the
    /// measure `measure`, taking it from any measure that had it.
    /// Figures in two measures are different scopes, shown side by side
    /// and not compared: 12,000 acres and 12,000 hectares are not one
    /// figure.
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let mut vocabulary = Vocabulary::default();
    /// assert_eq!(vocabulary.measure("acres of forest"), Some("acres"));
    /// vocabulary.insert_measure("dunams", "dunams");
    /// assert_eq!(vocabulary.measure("Dunams"), Some("dunams"));
    /// assert_eq!(vocabulary.measure("fighters"), None);
    /// ```
    pub fn insert_measure(&mut self, unit: &str, measure: &str) {
        let unit = normalize_phrase(unit);
        let lead = unit.split(' ').next().unwrap_or_default();
        self.measure_leads.insert(lead.to_string());
        self.measure_lengths
            .insert((unit.chars().count(), unit.clone()));
        if let Some(old) = self.measure_of.insert(unit.clone(), measure.to_string())
            && let Some(units) = self.measures.get_mut(&old)
        {
            units.retain(|u| *u != unit);
            if units.is_empty() {
                self.measures.remove(&old);
            }
        }
        self.measures
            .entry(measure.to_string())
            .or_default()
            .push(unit);
    }

    /// Names `form` an irregular form of the verb `verb` (both matched in
    /// lower case): a wording and another's negation then match the two
    /// ("we did not shoot" against "we shot"), as they match a verb's
    /// regular inflections ("fire", "fired") without a table.
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let mut vocabulary = Vocabulary::empty("newsroom");
    /// assert!(!vocabulary.is_verb_form("shoot", "shot"));
    /// vocabulary.insert_verb_form("Shoot", "shot");
    /// assert!(vocabulary.is_verb_form("shoot", "shot"));
    /// assert!(!vocabulary.is_verb_form("shot", "shoot"));
    /// ```
    pub fn insert_verb_form(&mut self, verb: &str, form: &str) {
        let forms = self.verbs.entry(normalize_phrase(verb)).or_default();
        let form = normalize_phrase(form);
        if let Err(at) = forms.binary_search(&form) {
            forms.insert(at, form);
        }
    }

    /// Whether `form` is an irregular form of the verb `verb` in this
    /// vocabulary, both given in lower case, as quotes' words are
    /// compared. The bundled vocabularies list common English irregular
    /// verbs.
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let vocabulary = Vocabulary::default();
    /// assert!(vocabulary.is_verb_form("say", "said"));
    /// assert!(vocabulary.is_verb_form("go", "went"));
    /// // Regular inflections are known without a table.
    /// assert!(!vocabulary.is_verb_form("fire", "fired"));
    /// ```
    pub fn is_verb_form(&self, verb: &str, form: &str) -> bool {
        self.verbs
            .get(verb)
            .is_some_and(|forms| forms.binary_search_by(|f| f.as_str().cmp(form)).is_ok())
    }

    /// The currency signs, lower case, each with its measure and whether
    /// it is also read after a number.
    pub(crate) fn currency_signs(&self) -> impl Iterator<Item = (&str, &str, bool)> {
        self.currency_signs
            .iter()
            .map(|(sign, entry)| (sign.as_str(), entry.measure.as_str(), entry.after))
    }

    /// Whether a normalized word is a unit word of a measure that one of
    /// the currency signs stands for ("dollars", "usd" for "$"): in a
    /// quote, normalizing drops the sign, so "$8 billion" and "8 billion
    /// dollars" differ by the word alone.
    pub(crate) fn is_currency_word(&self, word: &str) -> bool {
        self.measure_of.get(word).is_some_and(|measure| {
            self.currency_signs
                .values()
                .any(|entry| entry.measure == *measure)
        })
    }

    /// The scale abbreviations, lower case, each with its factor and the
    /// unit it is also the symbol of.
    pub(crate) fn scale_abbreviations(&self) -> impl Iterator<Item = (&str, &ScaleAbbreviation)> {
        self.scale_abbreviations
            .iter()
            .map(|(abbreviation, entry)| (abbreviation.as_str(), entry))
    }

    /// A vocabulary with this one's units of measure and vague phrases
    /// only, for the parser, which looks units up, and a vague phrase's
    /// ends under a bound ("up to a few hundred"), but needs no other
    /// table.
    pub(crate) fn measures_only(&self) -> Vocabulary {
        Vocabulary {
            vague: self.vague.clone(),
            measures: self.measures.clone(),
            measure_of: self.measure_of.clone(),
            measure_leads: self.measure_leads.clone(),
            measure_lengths: self.measure_lengths.clone(),
            ..Vocabulary::empty(self.name.clone())
        }
    }

    /// Whether `word` (lower case, single-spaced) is a unit word of one of
    /// the vocabulary's measures ([`Vocabulary::measure_words`]).
    pub(crate) fn is_measure_word(&self, word: &str) -> bool {
        self.measure_of.contains_key(word)
    }

    /// Every unit word of the vocabulary's measures, as matched: lower
    /// case, single-spaced ("km/h", "degrees celsius", "°c").
    pub(crate) fn measure_words(&self) -> impl Iterator<Item = &str> {
        self.measure_of.keys().map(String::as_str)
    }

    /// The unit words of [`Vocabulary::measure_words`] from `min` to
    /// `max` characters long, shortest first, then in alphabetical order.
    pub(crate) fn measure_words_of_length(
        &self,
        min: usize,
        max: usize,
    ) -> impl Iterator<Item = &str> {
        self.measure_lengths
            .range((min, String::new())..(max.saturating_add(1), String::new()))
            .map(|(_, unit)| unit.as_str())
    }

    /// The measure a quantity's unit is in, if the vocabulary names it:
    /// the whole unit, or its first three, two or one words ("square
    /// kilometres of farmland" is in square kilometres), matched without
    /// case. Counted nouns ("fighters", "people") are in none.
    pub fn measure(&self, unit: &str) -> Option<&str> {
        if self.measure_of.is_empty() {
            return None;
        }
        // Most units are counted nouns ("fighters", "people killed"): a
        // first word of lower-case letters is as it is matched, and one
        // no measure begins with is turned away by one lookup, before
        // the whole unit is looked at. This runs every time a figure's
        // interval is made.
        let first = unit.split(' ').next().unwrap_or_default();
        if !first.is_empty()
            && first.bytes().all(|b| b.is_ascii_lowercase())
            && !self.measure_leads.contains(first)
        {
            return None;
        }
        // Most units are lower case and single-spaced already, and are
        // looked up as they are: this runs for every claim with a unit.
        let plain = unit
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            && !unit.starts_with(' ')
            && !unit.ends_with(' ')
            && !unit.contains("  ")
            && !unit.contains(['\t', '\n', '\r']);
        let unit: std::borrow::Cow<'_, str> = if plain {
            std::borrow::Cow::Borrowed(unit)
        } else {
            std::borrow::Cow::Owned(normalize_phrase(unit))
        };
        let lead = unit.split(' ').next().unwrap_or_default();
        if !self.measure_leads.contains(lead) {
            return None;
        }
        // The whole unit, then its first three, two and one words.
        let mut ends = [unit.len(); 4];
        for (k, (at, _)) in unit.match_indices(' ').take(3).enumerate() {
            ends[k] = at;
        }
        ends.iter()
            .rev()
            .find_map(|&end| self.measure_of.get(&unit[..end]))
            .map(String::as_str)
    }

    /// The entry for a vague phrase, matched case-insensitively; a phrase
    /// the vocabulary lacks that is one it has followed by scale words
    /// ("dozen", "hundred", "thousand", "lakh", "million", "crore",
    /// "billion") is that
    /// entry scaled: "a few dozen" is "a few" (2–5) dozen, 24–60. An entry
    /// of tens or more that ends one below a power of ten ("several
    /// hundred", 300–999), scaled by a power of ten, ends one below the
    /// next order: "several hundred thousand" is 300,000–999,999. An entry of its own ("hundreds of thousands")
    /// comes first.
    ///
    /// ```
    /// use corroborate::Vocabulary;
    /// let vocabulary = Vocabulary::default();
    /// let few = vocabulary.vague("a few dozen").unwrap();
    /// assert_eq!((few.min(), few.max()), (24.0, 60.0));
    /// assert!(vocabulary.vague("a few dozens").is_none());
    /// let many = vocabulary.vague("several hundred thousand").unwrap();
    /// assert_eq!((many.min(), many.max()), (300_000.0, 999_999.0));
    /// let tens = vocabulary.vague("tens of millions").unwrap();
    /// assert_eq!((tens.min(), tens.max()), (20_000_000.0, 99_999_999.0));
    /// // Each scale word larger than the one before.
    /// assert!(vocabulary.vague("several thousand thousand").is_none());
    /// ```
    pub fn vague(&self, phrase: &str) -> Option<std::borrow::Cow<'_, VagueEntry>> {
        use std::borrow::Cow;
        if let Some(entry) = self
            .vague
            .get(phrase)
            .or_else(|| self.vague.get(&normalize_phrase(phrase)))
        {
            return Some(Cow::Borrowed(entry));
        }
        // Scale words from the end, until what is left is an entry:
        // "several hundred thousand" is "several hundred" thousand.
        // Each scale word is larger than the one before it ("hundred
        // thousand", not "thousand thousand").
        let phrase = normalize_phrase(phrase);
        let mut stem = phrase.as_str();
        let mut factor = 1.0;
        let mut outer = f64::INFINITY;
        let entry = loop {
            let (rest, word) = stem.rsplit_once(' ')?;
            // "of" joins a scale to a phrase: "a couple of dozen", and a
            // plural one to a plural number noun, "dozens of thousands".
            let (rest, scale) = match rest.strip_suffix(" of") {
                Some(rest) => (rest, number_noun(word)?),
                None => (rest, scale_word(word)?),
            };
            if scale >= outer {
                return None;
            }
            outer = scale;
            factor *= scale;
            stem = rest;
            if let Some(entry) = self.vague.get(stem) {
                let inner = stem.rsplit(' ').next().and_then(number_noun);
                if inner.is_some_and(|inner| inner >= outer) {
                    return None;
                }
                break entry;
            }
        };
        // An entry of tens or more that ends one below a power of ten
        // ("tens", 20–99; "hundreds", 200–999) means fewer than the next
        // order, and scaled by a power of ten it ends one below the next
        // order scaled: "tens of millions" runs to 99,999,999, not
        // 99,000,000, which "99.6 million" lay past (thirteenth audit,
        // F21). A count of the scale's units ("several", 3–9) and a
        // dozen's scale are scaled as they are: "several dozen" is 36–108.
        let power_of_ten = |x: f64| x == 10f64.powi(x.log10().round() as i32);
        let next = entry.max + 1.0;
        let below_order = entry.max >= 99.0 && power_of_ten(next) && power_of_ten(factor);
        Some(Cow::Owned(VagueEntry {
            min: entry.min * factor,
            max: if below_order {
                next * factor - 1.0
            } else {
                entry.max * factor
            },
            code: entry.code.map(|code| code * factor),
        }))
    }

    /// The tolerance of a hedge word, matched case-insensitively.
    pub fn approximation(&self, word: &str) -> Option<&Tolerance> {
        self.approximate
            .get(word)
            .or_else(|| self.approximate.get(&normalize_phrase(word)))
    }

    /// The vague phrases, in sorted order.
    pub fn vague_phrases(&self) -> impl Iterator<Item = &str> {
        self.vague.keys().map(String::as_str)
    }

    /// The hedge words, in sorted order.
    pub fn approximation_words(&self) -> impl Iterator<Item = &str> {
        self.approximate.keys().map(String::as_str)
    }

    /// Codes a quantity as one number, for users who must record one.
    ///
    /// Exact and approximate amounts give their number; bounds give the
    /// bound (tightened for strict bounds); ranges follow the coding rule;
    /// vague phrases give their coded point, or else follow the rule on
    /// their interval. `None` for a phrase the vocabulary does not know.
    ///
    /// ```
    /// use corroborate::{parse_quantity, CodingRule, Vocabulary};
    /// let vocabulary = Vocabulary::default();
    /// let range = parse_quantity("between 500 and 1,501", &vocabulary)?;
    /// assert_eq!(vocabulary.code(&range), Some(500.0));
    /// let midpoint = vocabulary.clone().with_coding(CodingRule::Midpoint);
    /// assert_eq!(midpoint.code(&range), Some(1000.0));
    /// let highest = vocabulary.with_coding(CodingRule::Highest);
    /// assert_eq!(highest.code(&range), Some(1501.0));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn code(&self, quantity: &Quantity) -> Option<f64> {
        let by_rule = |min: f64, max: f64| match self.coding {
            CodingRule::Lowest => min,
            CodingRule::Midpoint => ((min + max) / 2.0).floor(),
            CodingRule::Highest => max,
        };
        match quantity.amount() {
            Amount::Exact(v) | Amount::Approximate { value: v, .. } => Some(*v),
            Amount::Range { min, max } => Some(by_rule(*min, *max)),
            Amount::AtLeast { .. } | Amount::AtMost { .. } => {
                let interval = quantity.interval(self);
                Some(if interval.max().is_finite() {
                    interval.max()
                } else {
                    interval.min()
                })
            }
            Amount::Vague { phrase } => {
                let entry = self.vague(phrase)?;
                Some(entry.code.unwrap_or_else(|| by_rule(entry.min, entry.max)))
            }
        }
    }

    /// Checks that the vocabulary has an entry for every vague phrase and
    /// hedge word in `quantity`, and that a bound over a vague phrase
    /// ("up to a few hundred") is the phrase's end on its side here
    /// ([`Quantity::with_bound_phrase`]).
    ///
    /// # Errors
    ///
    /// Fails naming the phrase or word that is missing, or the phrase
    /// whose end is not the bound, with the end and the bound.
    pub fn check_known(&self, quantity: &Quantity) -> Result<(), Error> {
        quantity.check_bound_phrase(self)?;
        match quantity.amount() {
            Amount::Vague { phrase } if self.vague(phrase).is_none() => {
                Err(Error::new(ErrorKind::InvalidValue {
                    value: format!("{phrase:?}"),
                    problem: format!("is not in vocabulary {:?}", self.name),
                    expected: "a vague phrase the vocabulary defines".into(),
                }))
            }
            _ => match quantity.qualifier() {
                Some(qualifier) if self.approximation(qualifier).is_none() => {
                    Err(Error::new(ErrorKind::InvalidValue {
                        value: format!("{qualifier:?}"),
                        problem: format!("is not in vocabulary {:?}", self.name),
                        expected: "a hedge word the vocabulary defines".into(),
                    }))
                }
                _ => Ok(()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled table loads with no error, through the constructors
    /// users call, and holds entries: the fallback of `bundled` is for a
    /// bug this test catches first.
    #[test]
    fn bundled_vocabularies_load() {
        for (json, constructed, name) in [
            (DEFAULT_JSON, Vocabulary::default(), "default"),
            (ACLED_JSON, Vocabulary::acled(), "acled"),
        ] {
            if let Err(error) = Vocabulary::from_json_str(json) {
                panic!("the bundled vocabulary {name} does not load: {error}");
            }
            assert_eq!(constructed.name(), name);
            assert!(constructed.vague_phrases().count() > 10, "{name}");
            assert!(constructed.approximation_words().count() > 5, "{name}");
            assert!(constructed.is_verb_form("shoot", "shot"), "{name}");
            assert!(constructed.is_verb_form("have", "has"), "{name}");
            assert_eq!(constructed.currency_signs().count(), 5, "{name}");
            assert_eq!(constructed.scale_abbreviations().count(), 4, "{name}");
            // The tables written out read back the same.
            let again = Vocabulary::from_json_str(&constructed.to_json_string()).unwrap();
            assert_eq!(again, constructed, "{name}");
        }
    }

    /// A bundled table that failed to load would say so in its name, the
    /// name every report prints, rather than go by its own name empty.
    #[test]
    fn a_bundled_table_that_fails_to_load_says_so_in_its_name() {
        let broken = bundled("{", "default");
        assert!(
            broken
                .name()
                .starts_with("default (the bundled table failed to load: "),
            "{}",
            broken.name()
        );
        assert_eq!(broken.vague_phrases().count(), 0);
    }

    #[test]
    fn bundled_vocabularies_parse() {
        let default = Vocabulary::from_json_str(DEFAULT_JSON).unwrap();
        assert!(default.vague("hundreds").is_some());
        let acled = Vocabulary::from_json_str(ACLED_JSON).unwrap();
        assert_eq!(acled.vague("hundreds").unwrap().code(), Some(100.0));
        // every phrase of the default table is in the ACLED profile too
        for phrase in default.vague_phrases() {
            assert!(acled.vague(phrase).is_some(), "{phrase}");
        }
    }
}
