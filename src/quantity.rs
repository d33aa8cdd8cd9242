//! Quantities: counts stated exactly, as ranges, as bounds, approximately
//! or vaguely.
//!
//! | type | what it is |
//! |---|---|
//! | [`Quantity`] | an [`Amount`] with its counted noun and optional best/low/high estimates |
//! | [`Amount`] | how the number was stated: exact, range, bound, approximate, vague |
//! | [`Interval`] | the closed integer interval a quantity stands for under a [`Vocabulary`] |
//! | [`QuantityForm`] | the machine-readable name of an amount's form |

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::vocab::{Tolerance, Vocabulary};

/// The largest magnitude accepted for an amount (10^15): far above any
/// count of people or events, far below where `f64` stops holding integers.
pub const MAX_AMOUNT: f64 = 1e15;

/// How a number was stated.
///
/// Each variant keeps what the text said, not a number derived from it: a
/// vague phrase stays a phrase until a [`Vocabulary`] turns it into an
/// interval, so swapping the vocabulary changes every comparison.
///
/// ```
/// use corroborate::{Amount, Quantity, Vocabulary};
/// let more_than = Quantity::new(Amount::AtLeast { value: 90.0, strict: true })?;
/// assert_eq!(more_than.interval(&Vocabulary::default()).min(), 91.0);
/// let nearly = Quantity::new(Amount::Approximate { value: 200.0, qualifier: "nearly".into() })?;
/// assert_eq!(nearly.interval(&Vocabulary::default()).max(), 199.0);
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    /// "12", "94 militants".
    Exact(f64),
    /// A closed range: "between 500 and 1,500", "7,000 to 11,000". A
    /// hedge over the whole range ("about 40–45") is the quantity's
    /// [`Quantity::qualifier`], set by [`Quantity::with_range_qualifier`].
    Range {
        /// The low end, included.
        min: f64,
        /// The high end, included.
        max: f64,
    },
    /// A lower bound: "at least 60" (inclusive), "more than 90" (strict).
    AtLeast {
        /// The bound.
        value: f64,
        /// True for "more than", "over": the bound itself is excluded.
        strict: bool,
    },
    /// An upper bound: "up to 700", "as many as 10,000" (inclusive),
    /// "fewer than 50" (strict).
    AtMost {
        /// The bound.
        value: f64,
        /// True for "fewer than", "under": the bound itself is excluded.
        strict: bool,
    },
    /// An approximation: "about 2,000", "nearly 200", "some 4,000".
    Approximate {
        /// The stated number.
        value: f64,
        /// The word that hedges it, lower case: "about", "nearly".
        qualifier: String,
    },
    /// A vague quantity: "dozens", "several hundred", "thousands".
    Vague {
        /// The phrase, lower case, single-spaced: "dozens".
        phrase: String,
    },
}

/// The machine-readable name of an [`Amount`]'s form.
///
/// ```
/// use corroborate::{Amount, QuantityForm};
/// assert_eq!(Amount::Exact(12.0).form(), QuantityForm::Exact);
/// assert_eq!(QuantityForm::AtLeast.as_str(), "at_least");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityForm {
    /// A single number.
    Exact,
    /// A closed range.
    Range,
    /// A lower bound.
    AtLeast,
    /// An upper bound.
    AtMost,
    /// A hedged number.
    Approximate,
    /// A vague phrase.
    Vague,
}

impl QuantityForm {
    /// The snake-case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityForm::Exact => "exact",
            QuantityForm::Range => "range",
            QuantityForm::AtLeast => "at_least",
            QuantityForm::AtMost => "at_most",
            QuantityForm::Approximate => "approximate",
            QuantityForm::Vague => "vague",
        }
    }
}

impl fmt::Display for QuantityForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Amount {
    /// The form of this amount.
    pub fn form(&self) -> QuantityForm {
        match self {
            Amount::Exact(_) => QuantityForm::Exact,
            Amount::Range { .. } => QuantityForm::Range,
            Amount::AtLeast { .. } => QuantityForm::AtLeast,
            Amount::AtMost { .. } => QuantityForm::AtMost,
            Amount::Approximate { .. } => QuantityForm::Approximate,
            Amount::Vague { .. } => QuantityForm::Vague,
        }
    }

    fn check(&self) -> Result<(), Error> {
        let check_number = |name: &str, value: f64| -> Result<(), Error> {
            match count_problem(value) {
                Some((shown, problem, expected)) => Err(Error::invalid_value(
                    shown,
                    format!("{problem} ({name})"),
                    expected,
                )),
                None => Ok(()),
            }
        };
        match self {
            Amount::Exact(value) => check_number("exact", *value),
            Amount::Range { min, max } => {
                check_number("min", *min)?;
                check_number("max", *max)?;
                if max < min {
                    return Err(Error::invalid_value(
                        shown_number(*max),
                        format!(
                            "is less than min {} (an inverted range)",
                            shown_number(*min)
                        ),
                        "max >= min",
                    ));
                }
                Ok(())
            }
            Amount::AtLeast { value, strict } => {
                check_number("value", *value)?;
                if *strict && *value >= MAX_AMOUNT {
                    return Err(Error::invalid_value(
                        value,
                        "leaves no count: more than it is over 10^15",
                        "a strict lower bound below 10^15",
                    ));
                }
                Ok(())
            }
            Amount::AtMost { value, strict } => {
                check_number("value", *value)?;
                if *strict && *value <= 0.0 {
                    return Err(Error::invalid_value(
                        value,
                        "leaves no count: fewer than it is below zero",
                        "a strict upper bound above 0",
                    ));
                }
                Ok(())
            }
            Amount::Approximate { value, qualifier } => {
                check_number("value", *value)?;
                if qualifier.trim().is_empty() {
                    return Err(Error::invalid_value(
                        "\"\"",
                        "is an empty qualifier",
                        "a hedge word such as \"about\"",
                    ));
                }
                Ok(())
            }
            Amount::Vague { phrase } => {
                if phrase.trim().is_empty() {
                    return Err(Error::invalid_value(
                        "\"\"",
                        "is an empty vague phrase",
                        "a phrase such as \"dozens\"",
                    ));
                }
                Ok(())
            }
        }
    }
}

/// A count as the text stated it, with its counted noun and optional
/// best, low and high estimates (UCDP's best/low/high, Iraq Body Count's
/// min/max, Wikidata's amount with bounds).
///
/// `Quantity` deliberately has no `PartialEq`: "about 2,000" and
/// "1,900 to 2,100" may mean the same thing under one vocabulary and not
/// under another. Compare quantities through their [`Interval`]s, or let
/// [`analyze`](fn@crate::analyze) relate whole claims.
///
/// ```
/// use corroborate::{Amount, Quantity, Vocabulary};
/// let strength = Quantity::new(Amount::Range { min: 500.0, max: 1500.0 })?
///     .with_unit("fighters");
/// let interval = strength.interval(&Vocabulary::default());
/// assert_eq!((interval.min(), interval.max()), (500.0, 1500.0));
/// assert_eq!(strength.to_string(), "500–1,500 fighters");
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "RawQuantity")]
pub struct Quantity {
    amount: Amount,
    /// Shared: a corpus repeats a few units ("fighters", "civilians")
    /// over many claims, and its readers give equal units one text.
    unit: Option<Arc<str>>,
    /// Best, low and high estimates and a range's hedge, boxed: few
    /// claims give any, and a corpus holds a quantity for most claims.
    extras: Option<Box<Extras>>,
}

/// What few quantities carry.
#[derive(Clone, Debug, Default, PartialEq)]
struct Extras {
    /// Best, low and high.
    estimates: [Option<f64>; 3],
    /// The word that hedges a whole range ("about 40–45"), lower case.
    range_qualifier: Option<String>,
    /// What an exact figure was rounded to ("5.7 million": 100,000).
    rounded_to: Option<f64>,
    /// The vague phrase a bound is over ("a few hundred" in "up to a few
    /// hundred"), lower case, single-spaced.
    bound_phrase: Option<String>,
}

impl Extras {
    fn is_empty(&self) -> bool {
        self.estimates.iter().all(Option::is_none)
            && self.range_qualifier.is_none()
            && self.rounded_to.is_none()
            && self.bound_phrase.is_none()
    }
}

impl Quantity {
    /// Wraps an amount after checking it.
    ///
    /// # Errors
    ///
    /// Fails when a number is not finite, negative or above
    /// [`MAX_AMOUNT`], when a range is inverted, or when a qualifier or
    /// vague phrase is empty.
    pub fn new(amount: Amount) -> Result<Quantity, Error> {
        let amount = match amount {
            Amount::Approximate { value, qualifier } => Amount::Approximate {
                value,
                qualifier: normalize_phrase(&qualifier),
            },
            Amount::Vague { phrase } => Amount::Vague {
                phrase: normalize_phrase(&phrase),
            },
            other => other,
        };
        amount.check()?;
        Ok(Quantity {
            amount,
            unit: None,
            extras: None,
        })
    }

    /// Hedges a range as a whole: "about 40–45 percent" is the range 40–45
    /// hedged by "about", whose interval widens each end by the word's
    /// tolerance in the vocabulary, as "about 40" and "about 45" would.
    ///
    /// ```
    /// use corroborate::{Amount, Quantity, Vocabulary};
    /// let share = Quantity::new(Amount::Range { min: 40.0, max: 45.0 })?
    ///     .with_range_qualifier("About")?;
    /// assert_eq!(share.qualifier(), Some("about"));
    /// assert_eq!(share.to_string(), "about 40–45");
    /// let interval = share.interval(&Vocabulary::default());
    /// assert_eq!((interval.min(), interval.max()), (36.0, 49.0));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when the amount is not a range (an approximate number has its
    /// qualifier in [`Amount::Approximate`]), or the qualifier is empty.
    pub fn with_range_qualifier(mut self, qualifier: impl AsRef<str>) -> Result<Quantity, Error> {
        let qualifier = normalize_phrase(qualifier.as_ref());
        if !matches!(self.amount, Amount::Range { .. }) {
            return Err(Error::invalid_value(
                format!("qualifier {qualifier:?}"),
                format!(
                    "is given for {}, which is not a range",
                    self.form().as_str()
                ),
                "a qualifier only beside approximately or range",
            ));
        }
        if qualifier.is_empty() {
            return Err(Error::invalid_value(
                "qualifier \"\"",
                "is empty",
                "a hedge word such as \"about\"",
            ));
        }
        self.extras.get_or_insert_with(Box::default).range_qualifier = Some(qualifier);
        Ok(self)
    }

    /// Names the vague phrase a bound is over, as stated: "up to a few
    /// hundred" is at most 500 (the top of "a few hundred" in the
    /// vocabulary), and is shown as stated, not as "up to 500". The bound
    /// is what is compared; the phrase is what the source said. The two
    /// must agree in the vocabulary the amount is compared by: a bound
    /// that is not the phrase's end on its side there ("at most 5" over
    /// "a few hundred"), or a phrase the vocabulary lacks, is shown but
    /// not compared ([`Quantity::interval`] is unknown;
    /// [`Vocabulary::check_known`] names the difference).
    ///
    /// ```
    /// use corroborate::{parse_quantity, Amount, Quantity, Vocabulary};
    /// let bound = Quantity::new(Amount::AtMost { value: 500.0, strict: false })?
    ///     .with_bound_phrase("A few  hundred")?;
    /// assert_eq!(bound.bound_phrase(), Some("a few hundred"));
    /// assert_eq!(bound.to_string(), "up to a few hundred");
    /// let parsed = parse_quantity("up to a few hundred people", &Vocabulary::default())?;
    /// assert_eq!(parsed.to_string(), "up to a few hundred people");
    /// assert_eq!(parsed.interval(&Vocabulary::default()).max(), 500.0);
    /// let unlike = Quantity::new(Amount::AtMost { value: 5.0, strict: false })?
    ///     .with_bound_phrase("a few hundred")?;
    /// assert!(!unlike.interval(&Vocabulary::default()).is_known());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when the amount is not a bound (at least, more than, at
    /// most, fewer than), or the phrase is empty.
    pub fn with_bound_phrase(mut self, phrase: impl AsRef<str>) -> Result<Quantity, Error> {
        let phrase = normalize_phrase(phrase.as_ref());
        if !matches!(self.amount, Amount::AtLeast { .. } | Amount::AtMost { .. }) {
            return Err(Error::invalid_value(
                format!("phrase {phrase:?}"),
                format!(
                    "is given for {}, which is not a bound",
                    self.form().as_str()
                ),
                "a phrase only beside at_least, more_than, at_most or fewer_than",
            ));
        }
        if phrase.is_empty() {
            return Err(Error::invalid_value(
                "phrase \"\"",
                "is empty",
                "the vague phrase the bound is over, such as \"a few hundred\"",
            ));
        }
        self.extras.get_or_insert_with(Box::default).bound_phrase = Some(phrase);
        Ok(self)
    }

    /// The vague phrase a bound is over, as stated ("a few hundred" in
    /// "up to a few hundred"), if any; see
    /// [`Quantity::with_bound_phrase`].
    ///
    /// ```
    /// use corroborate::{parse_quantity, Vocabulary};
    /// let vocabulary = Vocabulary::default();
    /// let q = parse_quantity("at least dozens", &vocabulary)?;
    /// assert_eq!(q.bound_phrase(), Some("dozens"));
    /// assert_eq!(parse_quantity("at least 24", &vocabulary)?.bound_phrase(), None);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn bound_phrase(&self) -> Option<&str> {
        self.extras.as_ref()?.bound_phrase.as_deref()
    }

    /// Checks a bound over a vague phrase against `vocabulary`: the
    /// bound's number must be the phrase's end on its side there, as the
    /// parser reads the phrase ([`Quantity::with_bound_phrase`]): "up to
    /// a few hundred" is at most 500 where "a few hundred" is 200–500,
    /// "at least dozens" at least 24 where "dozens" is 24–99. Loading has
    /// no vocabulary, so the check is made where one is known: an amount
    /// that fails it is not compared ([`Quantity::interval`] is unknown),
    /// as a phrase the vocabulary lacks is not (seventeenth audit, D2).
    ///
    /// # Errors
    ///
    /// Fails, in field `value.quantity.phrase`, when the vocabulary lacks
    /// the phrase or its end on the bound's side is another number.
    pub(crate) fn check_bound_phrase(&self, vocabulary: &Vocabulary) -> Result<(), Error> {
        let Some(phrase) = self.bound_phrase() else {
            return Ok(());
        };
        let (value, lower, name) = match self.amount {
            Amount::AtLeast { value, strict } => {
                (value, true, if strict { "more_than" } else { "at_least" })
            }
            Amount::AtMost { value, strict } => {
                (value, false, if strict { "fewer_than" } else { "at_most" })
            }
            // `with_bound_phrase` takes a phrase only beside a bound.
            _ => return Ok(()),
        };
        let Some(entry) = vocabulary.vague(phrase) else {
            return Err(Error::invalid_value(
                format!("{phrase:?}"),
                format!(
                    "is not in vocabulary {:?}, so {name} {} cannot be checked against it",
                    vocabulary.name(),
                    format_number(value)
                ),
                "a vague phrase the vocabulary defines",
            )
            .in_field("value.quantity.phrase"));
        };
        let (end, side) = if lower {
            (entry.min(), "bottom")
        } else {
            (entry.max(), "top")
        };
        if end == value {
            return Ok(());
        }
        Err(Error::invalid_value(
            format!("{phrase:?}"),
            format!(
                "is {}–{} in vocabulary {:?}, so a bound over it ends at its {side}, {}, where {name} gives {}",
                format_number(entry.min()),
                format_number(entry.max()),
                vocabulary.name(),
                format_number(end),
                format_number(value),
            ),
            format!(
                "{name} {} beside this phrase, its end on the bound's side, or no phrase",
                format_number(end)
            ),
        )
        .in_field("value.quantity.phrase"))
    }

    /// Marks an exact figure as rounded to `step`: written "5.7 million"
    /// it is 5,700,000 to the nearest 100,000, and "30.2%" is 30.2 to the
    /// nearest 0.1, so it stands for every figure that rounds to it
    /// (5,650,000 to 5,749,999; 30.15 to 30.25) and agrees with the
    /// exact figure it rounds (5,714,034; 30.24). The parser marks a
    /// figure written with decimals or a scale word; a figure written in
    /// digits alone ("300") is exact, as its trailing zeros may be.
    ///
    /// ```
    /// use corroborate::{Amount, Quantity, Vocabulary};
    /// let votes = Quantity::new(Amount::Exact(5_700_000.0))?.with_rounding(100_000.0)?;
    /// assert_eq!(votes.rounded_to(), Some(100_000.0));
    /// let interval = votes.interval(&Vocabulary::default());
    /// assert_eq!((interval.min(), interval.max()), (5_650_000.0, 5_749_999.0));
    /// assert!(Quantity::new(Amount::Range { min: 1.0, max: 2.0 })?.with_rounding(1.0).is_err());
    /// // A figure is a whole number of its steps: 2,124 was not rounded
    /// // to 1,000, nor 7 to 1,000.
    /// assert!(Quantity::new(Amount::Exact(2124.0))?.with_rounding(1000.0).is_err());
    /// assert!(Quantity::new(Amount::Exact(7.0))?.with_rounding(1000.0).is_err());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when the amount is not exact; when the step is not a
    /// positive finite number; when it is larger than the figure (zero
    /// excepted, a whole number of any step: "0.0%" is zero to the nearest
    /// 0.1); or when the figure is not a whole number of steps (5,750,000
    /// is not a figure rounded to 100,000), allowing for floating point
    /// error ("1.15 billion" is 115 steps of 10 million, as near as a
    /// `f64` holds it).
    pub fn with_rounding(mut self, step: f64) -> Result<Quantity, Error> {
        let Amount::Exact(value) = self.amount else {
            return Err(Error::invalid_value(
                format!("rounded_to {}", message_number(step)),
                format!(
                    "is given for {}, which is not an exact figure",
                    self.form().as_str()
                ),
                "rounded_to only beside exact",
            ));
        };
        if !(step.is_finite() && step > 0.0) {
            return Err(Error::invalid_value(
                format!("rounded_to {}", shown_number(step)),
                "is not a positive number",
                "the step the figure was rounded to, such as 100000 for \"5.7 million\"",
            ));
        }
        // How many steps the figure is: a whole number, up to the error
        // of dividing two `f64`s (about 1e-16 of it; 1e-9 is ample, and
        // far finer than any step a figure is written to).
        let steps = value.abs() / step;
        let whole = steps.round();
        if value != 0.0 && steps < 1.0 - 1e-9 {
            return Err(Error::invalid_value(
                format!("rounded_to {}", shown_number(step)),
                format!("is larger than the figure, exact {}", shown_number(value)),
                "a step no larger than the figure, the place of its last digit kept, \
                 such as 100000 for 5700000 (\"5.7 million\")",
            ));
        }
        if (steps - whole).abs() > 1e-9 * whole.max(1.0) {
            return Err(Error::invalid_value(
                format!("rounded_to {}", shown_number(step)),
                format!("does not divide the figure, exact {}", shown_number(value)),
                "a step the figure is a whole number of, the place of its last digit \
                 kept, such as 100000 for 5700000 (\"5.7 million\")",
            ));
        }
        self.extras.get_or_insert_with(Box::default).rounded_to = Some(step);
        Ok(self)
    }

    /// What an exact figure was rounded to ([`Quantity::with_rounding`]),
    /// or `None` for a figure taken as exact.
    pub fn rounded_to(&self) -> Option<f64> {
        self.extras.as_ref()?.rounded_to
    }

    /// The word that hedges the amount, lower case: an approximate
    /// number's ("about 2,000") or a hedged range's ("about 40–45");
    /// `None` for anything else.
    ///
    /// ```
    /// use corroborate::{parse_quantity, Vocabulary};
    /// let vocabulary = Vocabulary::default();
    /// assert_eq!(parse_quantity("some 4,000", &vocabulary)?.qualifier(), Some("some"));
    /// assert_eq!(parse_quantity("roughly 40-45%", &vocabulary)?.qualifier(), Some("roughly"));
    /// assert_eq!(parse_quantity("40-45%", &vocabulary)?.qualifier(), None);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn qualifier(&self) -> Option<&str> {
        match &self.amount {
            Amount::Approximate { qualifier, .. } => Some(qualifier),
            _ => self.extras.as_ref()?.range_qualifier.as_deref(),
        }
    }

    /// Sets the counted noun: "fighters", "U.S. service members".
    ///
    /// A share's unit is `percent` however it is written: `%`, `per
    /// cent` and `pct` (in any case) are read as `percent`, as the
    /// parsers read "41%" and "41 per cent", so that every spelling of a
    /// share is one and compared as a share, never as a count.
    ///
    /// ```
    /// use corroborate::{Amount, Quantity};
    /// let three = Quantity::new(Amount::Exact(3.0))?;
    /// assert_eq!(three.clone().with_unit("%").unit(), Some("percent"));
    /// assert!(three.clone().with_unit("Per cent").is_share());
    /// assert_eq!(three.with_unit("fighters").unit(), Some("fighters"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn with_unit(mut self, unit: impl Into<Arc<str>>) -> Quantity {
        let unit = unit.into();
        self.unit = if unit.trim().is_empty() {
            None
        } else if is_percent_spelling(unit.trim()) {
            Some(Arc::from("percent"))
        } else {
            Some(unit)
        };
        self
    }

    /// Sets best, low and high estimates, any of which may be absent.
    ///
    /// The best estimate is checked against the amount as it stands when
    /// this is called: hedge a range ([`Quantity::with_range_qualifier`])
    /// first to give a best estimate past its bounds, which the hedge may
    /// reach (the analysis warns when the vocabulary's interval does not).
    ///
    /// ```
    /// use corroborate::{Amount, Quantity};
    /// let range = Quantity::new(Amount::Range { min: 40.0, max: 45.0 })?;
    /// assert!(range.clone().with_estimates(Some(47.0), None, None).is_err());
    /// let hedged = range.with_range_qualifier("about")?.with_estimates(Some(47.0), None, None)?;
    /// assert_eq!(hedged.best(), Some(47.0));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when an estimate is not a valid count, when they are out of
    /// order (low ≤ best ≤ high must hold for those given), or when the
    /// best estimate lies outside an exact, range or bound amount that no
    /// qualifier hedges.
    pub fn with_estimates(
        mut self,
        best: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
    ) -> Result<Quantity, Error> {
        // Most quantities carry no estimates and no extras: nothing to
        // check or keep, and no box to allocate and free.
        if best.is_none() && low.is_none() && high.is_none() && self.extras.is_none() {
            return Ok(self);
        }
        // Each named as its own field: "best 1e308 is out of range", not
        // "exact".
        for (name, value) in [("best", best), ("low", low), ("high", high)] {
            if let Some((shown, problem, expected)) = value.and_then(count_problem) {
                return Err(Error::invalid_value(
                    shown,
                    format!("{problem} ({name})"),
                    expected,
                ));
            }
        }
        let ordered = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        if !ordered(low, best) || !ordered(best, high) || !ordered(low, high) {
            return Err(Error::invalid_value(
                format!(
                    "low {} best {} high {}",
                    show_opt(low),
                    show_opt(best),
                    show_opt(high)
                ),
                "are out of order",
                "low <= best <= high",
            ));
        }
        // A best estimate outside what the amount states contradicts it
        // (low and high may reach past it: UCDP's exact best with a wider
        // low and high). Hedged and vague amounts, a hedged range among
        // them ("about 40-45" reaches past 45), need a vocabulary to say,
        // and are not checked here.
        if let Some(best) = best {
            let hedged = self.qualifier().is_some();
            let inside = match self.amount {
                _ if hedged => true,
                Amount::Exact(value) => best == value,
                Amount::Range { min, max } => (min..=max).contains(&best),
                Amount::AtLeast { value, strict } => best > value || !strict && best == value,
                Amount::AtMost { value, strict } => best < value || !strict && best == value,
                Amount::Approximate { .. } | Amount::Vague { .. } => true,
            };
            if !inside {
                return Err(Error::invalid_value(
                    format!("best {}", format_number(best)),
                    format!("lies outside the stated amount ({self})"),
                    "a best estimate the amount allows",
                ));
            }
        }
        let extras = self.extras.get_or_insert_with(Box::default);
        extras.estimates = [best, low, high];
        if extras.is_empty() {
            self.extras = None;
        }
        Ok(self)
    }

    /// How the number was stated.
    pub fn amount(&self) -> &Amount {
        &self.amount
    }

    /// The form of the amount.
    pub fn form(&self) -> QuantityForm {
        self.amount.form()
    }

    /// The counted noun, if the text gave one.
    pub fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// Whether this is a share rather than a count: its unit is
    /// `percent`. A share's bounds are not whole counts, and a share is
    /// never compared with a count ("30%" of a port's berths and "30"
    /// berths are not one figure).
    ///
    /// ```
    /// use corroborate::{Amount, Quantity};
    /// let thirty = Quantity::new(Amount::Exact(30.0))?;
    /// assert!(thirty.clone().with_unit("percent").is_share());
    /// assert!(!thirty.with_unit("berths").is_share());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn is_share(&self) -> bool {
        self.unit.as_deref() == Some("percent")
    }

    /// Whether this is a share or a figure in a unit of measure of
    /// `vocabulary`, whose bounds and hedges are not whole counts.
    fn is_measured(&self, vocabulary: &Vocabulary) -> bool {
        self.unit
            .as_deref()
            .is_some_and(|unit| unit == "percent" || vocabulary.measure(unit).is_some())
    }

    /// The best estimate, if given.
    pub fn best(&self) -> Option<f64> {
        self.extras.as_ref().and_then(|e| e.estimates[0])
    }

    /// The lowest reliable estimate, if given.
    pub fn low(&self) -> Option<f64> {
        self.extras.as_ref().and_then(|e| e.estimates[1])
    }

    /// The highest reliable estimate, if given.
    pub fn high(&self) -> Option<f64> {
        self.extras.as_ref().and_then(|e| e.estimates[2])
    }

    /// The unit's shared text, to share further without a copy.
    pub(crate) fn unit_shared(&self) -> Option<&Arc<str>> {
        self.unit.as_ref()
    }

    /// The unit's shared text, for readers that give equal units one
    /// allocation.
    pub(crate) fn unit_mut(&mut self) -> Option<&mut Arc<str>> {
        self.unit.as_mut()
    }

    /// The closed interval of counts this quantity stands for.
    ///
    /// Counts are integers, so strict bounds are tightened: "more than 90"
    /// is `[91, ∞)`, and a hedged count's ends are whole counts. A number
    /// stated with a fraction (2.2, a magnitude of 6.8), a share (unit
    /// `percent`) or a figure in a unit of measure of `vocabulary`
    /// ([`Vocabulary::measure`]: "3 metres", "12,000 hectares", "1.2
    /// billion US dollars") is not a count: its bounds and hedges are kept
    /// as stated ("at least 2.2" is `[2.2, ∞)`, "about 5.5" with ±10% is
    /// `[4.95, 6.05]`, "about 3 metres" `[2.7, 3.3]`), a strict bound or
    /// "nearly" starting or ending just past the number, so that "more
    /// than 2.2" and "fewer than 2.2" do not meet.
    ///
    /// ```
    /// use corroborate::{Amount, Quantity, Vocabulary};
    /// let vocabulary = Vocabulary::default();
    /// let more_than = Quantity::new(Amount::AtLeast { value: 2.0, strict: true })?;
    /// assert_eq!(more_than.interval(&vocabulary).min(), 3.0);
    /// let metres = more_than.with_unit("metres").interval(&vocabulary);
    /// assert!(metres.min() > 2.0 && metres.min() < 2.5);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    /// Approximate and vague amounts take their interval from
    /// `vocabulary`; a phrase it does not know gives `[0, ∞)` and
    /// [`Interval::is_known`] is false, as does a bound over a vague
    /// phrase ([`Quantity::bound_phrase`]) whose number is not the
    /// phrase's end on its side in `vocabulary`, or whose phrase it
    /// lacks ([`Vocabulary::check_known`] says which). When low and high estimates are
    /// given they narrow nothing: they are reported beside the interval.
    pub fn interval(&self, vocabulary: &Vocabulary) -> Interval {
        // A share is not a count, nor is a figure in a unit of measure
        // (metres, hectares, dollars), nor a number stated with a
        // fraction. The measure is looked up only for a whole number.
        let counted = |value: f64| value.fract() == 0.0 && !self.is_measured(vocabulary);
        // A bound over a phrase that is not its number here is not
        // compared (seventeenth audit, D2).
        if self.bound_phrase().is_some() && self.check_bound_phrase(vocabulary).is_err() {
            return Interval::unknown();
        }
        match &self.amount {
            // A rounded figure: every figure within half a step, whole
            // ones for a count.
            // A rounded figure: every figure that rounds to it, half a
            // step either side; for a count, whole ones, to just under
            // half a step above ("2 million" is not "2.5 million").
            Amount::Exact(value) => match self.rounded_to() {
                Some(step) if counted(*value) => Interval::new(
                    (value - step / 2.0).ceil().max(0.0),
                    ((value + step / 2.0).ceil() - 1.0).max(*value),
                ),
                Some(step) => Interval::new(
                    on_grid(value - step / 2.0, step).max(0.0),
                    on_grid(value + step / 2.0, step),
                ),
                None => Interval::new(*value, *value),
            },
            Amount::Range { min, max } => match self.qualifier() {
                None => Interval::new(*min, *max),
                // Hedged as a whole: from the low end of "about min" to the
                // high end of "about max".
                Some(qualifier) => match vocabulary.approximation(qualifier) {
                    Some(tolerance) => Interval::new(
                        approximate(*min, tolerance, counted(*min)).min(),
                        approximate(*max, tolerance, counted(*max)).max(),
                    ),
                    None => Interval::unknown(),
                },
            },
            // Not counts (a fraction, a share, a measure): bounds kept as stated, a
            // strict one just past the number.
            Amount::AtLeast { value, strict } if !counted(*value) => Interval::new(
                if *strict { next_up(*value) } else { *value },
                f64::INFINITY,
            ),
            Amount::AtMost { value, strict } if !counted(*value) => {
                Interval::new(0.0, if *strict { next_down(*value) } else { *value })
            }
            Amount::AtLeast { value, strict } => {
                let min = if *strict {
                    value.floor() + 1.0
                } else {
                    value.ceil()
                };
                Interval::new(min, f64::INFINITY)
            }
            Amount::AtMost { value, strict } => {
                let max = if *strict {
                    (value.ceil() - 1.0).max(0.0)
                } else {
                    value.floor()
                };
                Interval::new(0.0, max)
            }
            Amount::Approximate { value, qualifier } => match vocabulary.approximation(qualifier) {
                Some(tolerance) => approximate(*value, tolerance, counted(*value)),
                None => Interval::unknown(),
            },
            Amount::Vague { phrase } => match vocabulary.vague(phrase) {
                Some(entry) => Interval::new(entry.min(), entry.max()),
                None => Interval::unknown(),
            },
        }
    }
}

/// The interval of `value` hedged by a word of `tolerance`: as stated
/// when it is not a count (`counted` false), each end at a whole count
/// otherwise.
///
/// A hedge that excludes the stated number excludes it from the side it
/// leans to: "nearly 200" (only below) ends just under 200, and "just
/// over 300" (only above) starts just past 300, so that it does not
/// corroborate an exact 300 (thirteenth audit, F16).
fn approximate(value: f64, tolerance: &Tolerance, counted: bool) -> Interval {
    let above_only = tolerance.below() == 0.0 && tolerance.above() > 0.0;
    if !counted {
        let mut min = ten_digits(value * (1.0 - tolerance.below())).max(0.0);
        let mut max = ten_digits(value * (1.0 + tolerance.above()));
        match (tolerance.excludes_value(), above_only) {
            (false, _) => {}
            (true, true) => min = next_up(value),
            (true, false) => max = next_down(value),
        }
        return Interval::new(min, max);
    }
    // Each end to the nearest whole count, a tie toward the stated
    // number: "about 5" (±10%, 4.5 to 5.5) is 5, and "about 15" 14 to
    // 16, where rounding both ties up made them 5 to 6 and 14 to 17.
    // `slack` keeps a tie a tie when the product lands a hair off it
    // (25 × 1.1 is 27.500000000000004): two units in the last place of
    // the product, which stays far below a half at any count (1e-9 of
    // the value, as it was, moved "about 1 billion" a whole count).
    let (low, high) = (
        value * (1.0 - tolerance.below()),
        value * (1.0 + tolerance.above()),
    );
    let slack = |x: f64| 2.0 * f64::EPSILON * x.abs();
    let mut min = (low + 0.5 + slack(low)).floor();
    let mut max = (high - 0.5 - slack(high)).ceil();
    match (tolerance.excludes_value(), above_only) {
        (false, _) => {}
        (true, true) => min = (value.floor() + 1.0).min(max),
        (true, false) => max = (value.ceil() - 1.0).max(min),
    }
    Interval::new(min.max(0.0), max)
}

/// Writes a figure rounded to `step` (a thousand or more) with the
/// largest scale word it reaches and the decimals its step gives, as
/// news writes it: 1,200,000,000 rounded to 100,000,000 is "1.2
/// billion", 5,700,000 to 100,000 "5.7 million", 5,000 to 1,000 "5
/// thousand", and 3,000,000,000,000 to a trillion "3 trillion" (not "3000
/// billion"). Written in full ("1,200,000,000"), a rounded figure reads
/// as exact, and beside the exact figure it rounds it looks like another
/// number. False, and nothing written, for a smaller step (whose
/// decimals show the rounding already: "30.2") or a figure off its
/// step's grid.
fn write_scaled<W: fmt::Write>(out: &mut W, value: f64, step: f64) -> Result<bool, fmt::Error> {
    const SCALES: [(f64, &str); 4] = [
        (1e12, "trillion"),
        (1e9, "billion"),
        (1e6, "million"),
        (1e3, "thousand"),
    ];
    if !(step >= 1e3 && value.is_finite()) {
        return Ok(false);
    }
    let Some(&(scale, word)) = SCALES.iter().find(|(scale, _)| value >= *scale) else {
        return Ok(false);
    };
    let decimals = (-(step / scale).log10()).ceil().clamp(0.0, 9.0) as i32;
    let power = 10f64.powi(decimals);
    let shown = (value / scale * power).round() / power;
    if ((shown * scale - value) / value).abs() > 1e-9 {
        return Ok(false);
    }
    if decimals == 0 {
        // A whole count of the scale, with its separators: "1,000
        // trillion" at the largest figure read (10^15).
        write_number(out, shown)?;
        write!(out, " {word}")?;
    } else {
        let decimals = decimals as usize;
        write!(out, "{shown:.decimals$} {word}")?;
    }
    Ok(true)
}

/// `x` to ten significant digits, as numbers are shown: the product of a
/// number and a tolerance lands a hair off the figure it means (6 × 1.1
/// is 6.6000000000000005, 0.1 × 0.9 is 0.09000000000000001), and the
/// JSON report and the `parse` records would print the hair.
fn ten_digits(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(9 - x.abs().log10().floor() as i32);
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() { rounded } else { x }
}

/// The number a bound that excludes it starts just past: `Some(2)` for
/// the least value above 2, where "more than 2 metres" starts; `None` for
/// a number as stated (ten significant digits or fewer).
pub(crate) fn just_past(x: f64) -> Option<f64> {
    let stated = x.next_down();
    (x.is_finite() && ten_digits(x) != x && ten_digits(stated) == stated).then_some(stated)
}

/// The number a bound that excludes it ends just short of: `Some(3)` for
/// the greatest value below 3, where "less than 3 metres" and "nearly 3
/// metres" end; `None` for a number as stated.
pub(crate) fn just_under(x: f64) -> Option<f64> {
    let stated = x.next_up();
    (x.is_finite() && ten_digits(x) != x && ten_digits(stated) == stated).then_some(stated)
}

/// The least value above `x` (which is finite and not negative here).
pub(crate) fn next_up(x: f64) -> f64 {
    if x == 0.0 {
        f64::from_bits(1)
    } else {
        f64::from_bits(x.to_bits() + 1)
    }
}

/// The greatest value below `x`, or 0 (counts and shares are not
/// negative).
pub(crate) fn next_down(x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else {
        f64::from_bits(x.to_bits() - 1)
    }
}

fn show_opt(value: Option<f64>) -> String {
    value.map_or_else(|| "none".to_string(), format_number)
}

pub(crate) fn normalize_phrase(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    // Most phrases are lowercase ASCII already: no second string.
    if joined
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        joined
    } else {
        joined.to_lowercase()
    }
}

/// What is wrong with `value` as a count, if anything: the value as an
/// error shows it ([`shown_number`]), the problem and what was expected.
/// A count is finite, zero or more, and at most 10^15.
pub(crate) fn count_problem(value: f64) -> Option<(String, &'static str, &'static str)> {
    if value.is_finite() && (0.0..=MAX_AMOUNT).contains(&value) {
        return None;
    }
    // Written only for an error: every number of a corpus is checked.
    let shown = shown_number(value);
    Some(if !value.is_finite() {
        (shown, "is not a finite number", "a finite number")
    } else if value < 0.0 {
        (shown, "is a negative count", "a count of zero or more")
    } else {
        (shown, "is out of range", "a count of at most 10^15")
    })
}

/// A number as an error message shows it: as written for one below
/// 10^16, and in scientific notation above (`1e308`), so that a huge
/// number is not written out in its 309 digits (seventeenth audit,
/// D10).
pub(crate) fn shown_number(value: f64) -> String {
    if value.abs() >= 1e16 {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

/// A number as a message about a written value shows it: with thousands
/// separators below 10^16, as [`format_number`] writes it ("1,500"), and
/// in scientific notation from there ("1e308", "9.999999999999e18"):
/// "1e308" had been written out in its 309 digits, and past 10^16 a
/// float's digits are not the ones written ("9,999,999,999,999,000,576"
/// for 9999999999999 million; seventeenth audit, inputs 5).
pub(crate) fn message_number(value: f64) -> String {
    if value.abs() >= 1e16 {
        format!("{value:e}")
    } else {
        format_number(value)
    }
}

/// Formats a count with thousands separators: `1500.0` → `"1,500"`,
/// `2.5` → `"2.5"`, infinity → `"∞"`.
pub(crate) fn format_number(value: f64) -> String {
    let mut out = String::new();
    push_number(&mut out, value);
    out
}

/// Appends `value` as [`format_number`] writes it.
pub(crate) fn push_number(out: &mut String, value: f64) {
    let _ = write_number(out, value);
}

/// A short text written on the stack; writing past its 64 bytes fails.
struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl Default for StackText {
    fn default() -> StackText {
        StackText {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl StackText {
    fn as_str(&self) -> &str {
        // Only whole `str`s were written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Writes the decimal digits of `n` into `buffer` so that they end just
/// before `end`, without the formatting machinery, and returns where they
/// start: numbers in reports (figures, position labels, floats in JSON)
/// are written this way. `buffer[..end]` must have room for them (20
/// bytes hold any `u64`).
pub(crate) fn decimal_digits_before(buffer: &mut [u8], end: usize, n: u64) -> usize {
    let mut at = end;
    let mut rest = n;
    loop {
        at -= 1;
        buffer[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    at
}

/// Writes `value` as [`format_number`] does. Whole numbers are written
/// digit by digit, and fractions through `write!`, into a buffer on the
/// stack rather than a fresh `String`: a report formats one or two
/// numbers for every claim.
pub(crate) fn write_number<W: fmt::Write>(out: &mut W, value: f64) -> fmt::Result {
    if value.is_infinite() {
        return out.write_char('∞');
    }
    if value.abs() >= 1e19 {
        return write!(out, "{value}");
    }
    // A fraction that is a whole number to ten significant digits (the
    // end of "nearly 20,000 acres", just under 20,000) is written as one,
    // with its separators.
    let value = if value.fract() != 0.0 {
        ten_digits(value)
    } else {
        value
    };
    if value.fract() != 0.0 {
        // Ten significant digits, trailing zeros dropped: arithmetic on
        // the stated number (a tolerance, the next value past a strict
        // bound) shows as 27.06, not 27.060000000000002.
        let magnitude = value.abs().log10().floor() as i32;
        let decimals = (9 - magnitude).clamp(0, 15) as usize;
        // Written into a buffer on the stack (under 1e19 with at most 15
        // decimals, 36 bytes at most), not a fresh `String`.
        use fmt::Write as _;
        let mut text = StackText::default();
        write!(text, "{value:.decimals$}")?;
        let text = text.as_str();
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            text
        };
        // The whole part with its separators, as a whole number is
        // written: "1,234.56", not "1234.56".
        let (sign, unsigned) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text),
        };
        let (whole, fraction) = unsigned.split_at(unsigned.find('.').unwrap_or(unsigned.len()));
        out.write_str(sign)?;
        for (k, digit) in whole.char_indices() {
            if k > 0 && (whole.len() - k) % 3 == 0 {
                out.write_char(',')?;
            }
            out.write_char(digit)?;
        }
        return out.write_str(fraction);
    }
    let mut buffer = [0u8; 20];
    let start = decimal_digits_before(&mut buffer, 20, value.abs() as u64);
    let digits = &buffer[start..];
    // Sign, digits and a comma between every three: at most 27 bytes.
    let mut text = [0u8; 28];
    let mut at = 0;
    if value < 0.0 {
        text[at] = b'-';
        at += 1;
    }
    for (k, &digit) in digits.iter().enumerate() {
        text[at] = digit;
        at += 1;
        // Digits after this one.
        let after = digits.len() - 1 - k;
        if after > 0 && after % 3 == 0 {
            text[at] = b',';
            at += 1;
        }
    }
    // Only ASCII digits, '-' and ',' were written.
    out.write_str(std::str::from_utf8(&text[..at]).unwrap_or_default())
}

impl Quantity {
    /// Writes the best, low and high estimates given, as a claim's line
    /// shows them after its value: ` (best 1,750, low 1,000, high
    /// 2,000)`; nothing when none is given. A best estimate that is the
    /// exact amount itself is not repeated: ` (low 1,000, high 2,000)`
    /// after `1,200` (seventeenth audit, C5). The estimates are shown,
    /// not compared: the amount is.
    pub(crate) fn write_estimates<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        let best = self
            .best()
            .filter(|best| !matches!(self.amount, Amount::Exact(v) if v == *best));
        let mut first = true;
        for (word, value) in [
            ("best ", best),
            ("low ", self.low()),
            ("high ", self.high()),
        ] {
            let Some(value) = value else {
                continue;
            };
            out.write_str(if first { " (" } else { ", " })?;
            first = false;
            out.write_str(word)?;
            write_number(out, value)?;
        }
        if !first {
            out.write_char(')')?;
        }
        Ok(())
    }

    /// Appends the [`Display`](fmt::Display) form to `out`.
    pub(crate) fn push_shown(&self, out: &mut String) {
        let _ = self.write_shown(out);
    }

    /// Writes the [`Display`](fmt::Display) form, piece by piece, without
    /// the formatting machinery: the report shows every claim's value.
    pub(crate) fn write_shown<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        match &self.amount {
            Amount::Exact(v) => match self.rounded_to() {
                Some(step) if write_scaled(out, *v, step)? => {}
                _ => write_number(out, *v)?,
            },
            // Two bounds that exclude their numbers, in a unit of
            // measure ("more than 2 and less than 3 metres"): as stated,
            // not as the ends just past the numbers, which would show as
            // the numbers themselves.
            Amount::Range { min, max }
                if just_past(*min).is_some() || just_under(*max).is_some() =>
            {
                // Each end as its number: after the word for an end that
                // excludes it (`open`), or the word for one that holds it.
                let mut bound = |open: Option<f64>, end: f64, [excludes, holds]: [&str; 2]| {
                    out.write_str(if open.is_some() { excludes } else { holds })?;
                    write_number(out, open.unwrap_or(end))
                };
                bound(just_past(*min), *min, ["more than ", "at least "])?;
                bound(just_under(*max), *max, [" and fewer than ", " and up to "])?;
            }
            Amount::Range { min, max } => {
                if let Some(qualifier) = self.qualifier() {
                    out.write_str(qualifier)?;
                    out.write_char(' ')?;
                }
                write_number(out, *min)?;
                out.write_char('–')?;
                write_number(out, *max)?;
            }
            Amount::AtLeast { value, strict } => {
                out.write_str(if *strict { "more than " } else { "at least " })?;
                match self.bound_phrase() {
                    Some(phrase) => out.write_str(phrase)?,
                    None => write_number(out, *value)?,
                }
            }
            Amount::AtMost { value, strict } => {
                out.write_str(if *strict { "fewer than " } else { "up to " })?;
                match self.bound_phrase() {
                    Some(phrase) => out.write_str(phrase)?,
                    None => write_number(out, *value)?,
                }
            }
            // A hedge of two words or more opening with "or" follows the
            // number, as the parser reads it: "200 or so".
            Amount::Approximate { value, qualifier } if qualifier.starts_with("or ") => {
                write_number(out, *value)?;
                out.write_char(' ')?;
                out.write_str(qualifier)?;
            }
            Amount::Approximate { value, qualifier } => {
                out.write_str(qualifier)?;
                out.write_char(' ')?;
                write_number(out, *value)?;
            }
            Amount::Vague { phrase } => {
                out.write_str(phrase)?;
                // "dozens of prisoners", but "several fighters": English
                // puts "of" after a plural number noun.
                let last = phrase.rsplit(' ').next().unwrap_or("");
                // And after a noun counted with "a": "a handful of homes",
                // "a couple of", "a slew of", but "a few homes" and "a
                // great many homes", where the last word is no noun.
                let collective = (phrase.starts_with("a ") || phrase.starts_with("an "))
                    && !matches!(last, "few" | "little" | "many" | "several");
                let number_noun = collective
                    || crate::vocab::number_noun(last).is_some()
                        && crate::vocab::scale_word(last).is_none();
                // Not before what befell them: "dozens killed", "hundreds
                // killed or injured".
                if number_noun
                    && self
                        .unit
                        .as_deref()
                        .is_some_and(|u| !crate::parse::is_participle_caption(u.split(' ')))
                {
                    out.write_str(" of")?;
                }
            }
        }
        if let Some(unit) = &self.unit {
            out.write_char(' ')?;
            out.write_str(unit)?;
        }
        Ok(())
    }
}

impl fmt::Display for Quantity {
    /// A compact, readable form: `500–1,500 fighters`, `at least 60`,
    /// `about 2,000`, `dozens of prisoners`. A figure rounded to a
    /// thousand or more ([`Quantity::with_rounding`]) is written with a
    /// scale word, as rounded: `1.2 billion US dollars`, `5.7 million`.
    ///
    /// ```
    /// use corroborate::{Amount, Quantity};
    /// let damage = Quantity::new(Amount::Exact(1_200_000_000.0))?
    ///     .with_rounding(100_000_000.0)?
    ///     .with_unit("US dollars");
    /// assert_eq!(damage.to_string(), "1.2 billion US dollars");
    /// let exact = Quantity::new(Amount::Exact(1_150_000_000.0))?.with_unit("US dollars");
    /// assert_eq!(exact.to_string(), "1,150,000,000 US dollars");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_shown(f)
    }
}

/// A closed interval of counts, `[min, max]`, where `max` may be infinite.
///
/// ```
/// use corroborate::Interval;
/// let a = Interval::new(500.0, 1500.0);
/// let b = Interval::new(0.0, 10_000.0);
/// assert!(b.contains(&a));
/// assert!(a.overlaps(&b));
/// assert!(!a.overlaps(&Interval::new(2000.0, 3000.0)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    #[serde(with = "signless_zero")]
    min: f64,
    #[serde(with = "infinite_as_null")]
    max: f64,
    known: bool,
}

/// `x` with a negative zero made zero: a count has no sign, and
/// `ceil(-0.5)` is `-0.0`, which JSON would show as `-0.0` (eighteenth
/// audit, E9). Adding zero leaves every other value as it is.
/// The engine keys figures by it too, so that -0 and 0 are one figure.
pub(crate) fn signless(x: f64) -> f64 {
    x + 0.0
}

mod signless_zero {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(super::signless(*value))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(super::signless(f64::deserialize(d)?))
    }
}

mod infinite_as_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
        if value.is_finite() {
            s.serialize_f64(super::signless(*value))
        } else {
            s.serialize_none()
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.map_or(f64::INFINITY, super::signless))
    }
}

impl Interval {
    /// Makes `[min, max]`; the ends are swapped if given in reverse. A
    /// negative zero is made zero, so that no end is written `-0`.
    pub fn new(min: f64, max: f64) -> Interval {
        let (min, max) = if max < min { (max, min) } else { (min, max) };
        Interval {
            min: signless(min),
            max: signless(max),
            known: true,
        }
    }

    /// `[0, ∞)`, flagged unknown: what a phrase outside the vocabulary
    /// stands for.
    pub fn unknown() -> Interval {
        Interval {
            min: 0.0,
            max: f64::INFINITY,
            known: false,
        }
    }

    /// The low end, included.
    pub fn min(&self) -> f64 {
        self.min
    }

    /// The high end, included; infinite for a lower bound.
    pub fn max(&self) -> f64 {
        self.max
    }

    /// False when the interval is a placeholder for a phrase the vocabulary
    /// does not know.
    pub fn is_known(&self) -> bool {
        self.known
    }

    /// True when the two intervals share at least one count.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.min <= other.max && other.min <= self.max
    }

    /// True when `other` lies within `self`.
    pub fn contains(&self, other: &Interval) -> bool {
        self.min <= other.min && other.max <= self.max
    }

    /// The width `max - min` (infinite for a bound).
    pub fn width(&self) -> f64 {
        self.max - self.min
    }

    /// The intersection, or `None` when the intervals are disjoint.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        if !self.overlaps(other) {
            return None;
        }
        Some(Interval {
            min: self.min.max(other.min),
            max: self.max.min(other.max),
            known: self.known && other.known,
        })
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.known {
            return f.write_str("[unknown]");
        }
        write!(
            f,
            "[{}, {}]",
            format_number(self.min),
            format_number(self.max)
        )
    }
}

/// `x` on the grid of a tenth of `step`, where a decimal step puts it:
/// 41.2 less half of 0.1 is 41.15, not 41.150000000000006.
fn on_grid(x: f64, step: f64) -> f64 {
    let per = (10.0 / step).round();
    if (1.0..1e15).contains(&per) {
        (x * per).round() / per
    } else {
        x
    }
}

/// The JSON shape of a quantity: exactly one form key, plus optional unit
/// and estimates. See `data/README.md`. (The JSON Lines reader's fast path,
/// `stream::quick`, fills one by hand and checks it with the same
/// `TryFrom`.)
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, remote = "Self")]
pub(crate) struct RawQuantity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) exact: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) range: Option<[f64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) at_least: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) more_than: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) at_most: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) fewer_than: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) approximately: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) qualifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) vague: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::deserialize_shared_text"
    )]
    pub(crate) unit: Option<Arc<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) best: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) high: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) rounded_to: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) phrase: Option<String>,
}

object_only!(RawQuantity, "struct RawQuantity", serialize);

const FORMS: &str =
    "exactly one of exact, range, at_least, more_than, at_most, fewer_than, approximately, vague";

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Quantity, D::Error> {
        Quantity::try_from(RawQuantity::deserialize(deserializer)?)
            .map_err(crate::error::IntoSerde::into_serde)
    }
}

impl TryFrom<RawQuantity> for Quantity {
    type Error = Error;

    fn try_from(raw: RawQuantity) -> Result<Quantity, Error> {
        // The forms given, counted without a vector: a corpus has a
        // quantity on most claims, and exactly one form is the rule.
        let mut names: [&str; 8] = [""; 8];
        let mut count = 0;
        let mut amount = None;
        let mut add = |name: &'static str, form: Amount| {
            // Eight forms at most, each given once: `names` has room.
            if let Some(slot) = names.get_mut(count) {
                *slot = name;
            }
            count += 1;
            amount = Some(form);
        };
        if let Some(v) = raw.exact {
            add("exact", Amount::Exact(v));
        }
        if let Some([min, max]) = raw.range {
            add("range", Amount::Range { min, max });
        }
        if let Some(value) = raw.at_least {
            add(
                "at_least",
                Amount::AtLeast {
                    value,
                    strict: false,
                },
            );
        }
        if let Some(value) = raw.more_than {
            add(
                "more_than",
                Amount::AtLeast {
                    value,
                    strict: true,
                },
            );
        }
        if let Some(value) = raw.at_most {
            add(
                "at_most",
                Amount::AtMost {
                    value,
                    strict: false,
                },
            );
        }
        if let Some(value) = raw.fewer_than {
            add(
                "fewer_than",
                Amount::AtMost {
                    value,
                    strict: true,
                },
            );
        }
        // A qualifier hedges an approximate number ("about" when none is
        // given), or a whole range.
        let mut range_qualifier = None;
        match (raw.approximately, raw.qualifier) {
            (Some(value), qualifier) => {
                let qualifier = qualifier.unwrap_or_else(|| "about".to_string());
                add("approximately", Amount::Approximate { value, qualifier });
            }
            (None, Some(q)) if raw.range.is_some() => range_qualifier = Some(q),
            (None, Some(q)) => {
                return Err(Error::invalid_value(
                    format!("qualifier {q:?}"),
                    "is given without approximately or range",
                    "a qualifier only beside approximately or range",
                ));
            }
            (None, None) => {}
        }
        if let Some(phrase) = raw.vague {
            add("vague", Amount::Vague { phrase });
        }
        let (Some(amount), 1) = (amount, count) else {
            return Err(Error::invalid_value(
                if count == 0 {
                    "a quantity with no form".to_string()
                } else {
                    format!(
                        "a quantity with forms {}",
                        names[..count.min(8)].join(" and ")
                    )
                },
                "is ambiguous",
                FORMS,
            ));
        };
        let mut quantity = Quantity::new(amount)?;
        if let Some(qualifier) = range_qualifier {
            quantity = quantity.with_range_qualifier(qualifier)?;
        }
        let mut quantity = quantity.with_estimates(raw.best, raw.low, raw.high)?;
        if let Some(step) = raw.rounded_to {
            quantity = quantity.with_rounding(step)?;
        }
        if let Some(phrase) = raw.phrase {
            quantity = quantity.with_bound_phrase(phrase)?;
        }
        if let Some(unit) = raw.unit {
            quantity = quantity.with_unit(unit);
        }
        Ok(quantity)
    }
}

impl From<Quantity> for RawQuantity {
    fn from(q: Quantity) -> RawQuantity {
        let (estimates, range_qualifier, rounded_to, phrase) = match q.extras {
            Some(extras) => (
                extras.estimates,
                extras.range_qualifier,
                extras.rounded_to,
                extras.bound_phrase,
            ),
            None => ([None; 3], None, None, None),
        };
        let [best, low, high] = estimates;
        let mut raw = RawQuantity {
            best,
            low,
            high,
            unit: q.unit,
            qualifier: range_qualifier,
            rounded_to,
            phrase,
            ..RawQuantity::default()
        };
        match q.amount {
            Amount::Exact(v) => raw.exact = Some(v),
            Amount::Range { min, max } => raw.range = Some([min, max]),
            Amount::AtLeast {
                value,
                strict: false,
            } => raw.at_least = Some(value),
            Amount::AtLeast {
                value,
                strict: true,
            } => raw.more_than = Some(value),
            Amount::AtMost {
                value,
                strict: false,
            } => raw.at_most = Some(value),
            Amount::AtMost {
                value,
                strict: true,
            } => raw.fewer_than = Some(value),
            Amount::Approximate { value, qualifier } => {
                raw.approximately = Some(value);
                raw.qualifier = Some(qualifier);
            }
            Amount::Vague { phrase } => raw.vague = Some(phrase),
        }
        raw
    }
}

/// A spelling of a share's unit other than `percent` itself: `%`, `per
/// cent`, `pct`, or `percent` in another case.
fn is_percent_spelling(unit: &str) -> bool {
    ["%", "percent", "per cent", "pct"]
        .iter()
        .any(|spelling| unit.eq_ignore_ascii_case(spelling))
        && unit != "percent"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hedge that opens with "or" is shown after the number, where the
    /// parser reads it.
    #[test]
    fn a_hedge_opening_with_or_follows_the_number() {
        let shown = |qualifier: &str| {
            Quantity::new(Amount::Approximate {
                value: 200.0,
                qualifier: qualifier.into(),
            })
            .unwrap()
            .to_string()
        };
        assert_eq!(shown("or so"), "200 or so");
        assert_eq!(shown("about"), "about 200");
    }

    /// "of" goes between a number noun and the counted, not before what
    /// befell them.
    #[test]
    fn vague_amounts_take_of_before_a_noun() {
        let shown = |unit: &str| {
            Quantity::new(Amount::Vague {
                phrase: "dozens".into(),
            })
            .unwrap()
            .with_unit(unit)
            .to_string()
        };
        assert_eq!(shown("prisoners"), "dozens of prisoners");
        assert_eq!(shown("armed men"), "dozens of armed men");
        assert_eq!(shown("killed"), "dozens killed");
        assert_eq!(shown("killed or injured"), "dozens killed or injured");
        assert_eq!(shown("were killed"), "dozens were killed");
        assert_eq!(shown("Red"), "dozens of Red");
    }

    #[test]
    fn numbers_format_with_separators() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(1500.0), "1,500");
        assert_eq!(format_number(1_200_000.0), "1,200,000");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(f64::INFINITY), "∞");
        assert_eq!(format_number(-1234.0), "-1,234");
        assert_eq!(format_number(1e15), "1,000,000,000,000,000");
        assert_eq!(format_number(1e20), "100000000000000000000");
        // Fractions, to ten significant digits, written on the stack.
        assert_eq!(format_number(27.060000000000002), "27.06");
        assert_eq!(format_number(-0.000001234), "-0.000001234");
        // With separators in the whole part, as whole numbers have
        // (fourteenth audit, L9).
        assert_eq!(format_number(12_345_678.5), "12,345,678.5");
        assert_eq!(format_number(1234.56), "1,234.56");
        assert_eq!(format_number(-1234.5), "-1,234.5");
        assert_eq!(format_number(999.5), "999.5");
        assert_eq!(format_number(1e-300), "0");
        // Whole to ten significant digits: with separators.
        assert_eq!(format_number(19_999.999999999996), "20,000");
    }

    proptest::proptest! {
        /// The digits are those `Display` writes, for any number.
        #[test]
        fn decimal_digits_are_display_s(n in proptest::prelude::any::<u64>(), small in 0u64..1000) {
            for n in [n, small] {
                let mut buffer = [b'x'; 22];
                let start = decimal_digits_before(&mut buffer, 21, n);
                let expected = n.to_string();
                proptest::prop_assert_eq!(&buffer[start..21], expected.as_bytes());
                proptest::prop_assert!(buffer[..start].iter().chain(&buffer[21..]).all(|&b| b == b'x'));
            }
        }
    }

    proptest::proptest! {
        /// Digit-by-digit formatting agrees with grouping the digits that
        /// `format!` writes, for every whole count the model accepts.
        #[test]
        fn numbers_format_like_grouped_format(n in 0u64..=1_000_000_000_000_000) {
            let digits = n.to_string();
            let mut expected = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    expected.push(',');
                }
                expected.push(ch);
            }
            proptest::prop_assert_eq!(format_number(n as f64), expected);
        }

        /// A phrase is normalised as joining its words with one space and
        /// lowercasing the whole (final sigma included) would.
        #[test]
        fn phrases_normalise_like_join_then_lowercase(
            text in "[ \t\nA-Za-zΣσςÉé]{0,24}",
            any in proptest::prelude::any::<String>(),
        ) {
            for text in [text, any] {
                let expected = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                proptest::prop_assert_eq!(normalize_phrase(&text), expected);
            }
        }
    }

    /// A hedged figure that is not a count has ends to ten significant
    /// digits, not the float product's (audit 12, finding 3).
    #[test]
    fn hedged_ends_are_kept_to_ten_digits() {
        let v = Vocabulary::default();
        let about = |value: f64, unit: &str| {
            let q = Quantity::new(Amount::Approximate {
                value,
                qualifier: "about".into(),
            })
            .unwrap()
            .with_unit(unit);
            let i = q.interval(&v);
            (i.min(), i.max())
        };
        assert_eq!(about(6.0, "percent"), (5.4, 6.6));
        assert_eq!(about(0.1, "percent"), (0.09, 0.11));
        assert_eq!(about(3.0, "metres"), (2.7, 3.3));
        assert_eq!(ten_digits(1.0e15 * 1.1), 1.1e15);
        assert_eq!(ten_digits(2.0000000000000004), 2.0);
    }

    #[test]
    fn strict_bounds_tighten_to_integers() {
        let v = Vocabulary::default();
        let q = Quantity::new(Amount::AtLeast {
            value: 90.0,
            strict: true,
        })
        .unwrap();
        assert_eq!(q.interval(&v).min(), 91.0);
        let q = Quantity::new(Amount::AtMost {
            value: 50.0,
            strict: true,
        })
        .unwrap();
        assert_eq!(q.interval(&v).max(), 49.0);
    }

    /// A zero end is written `0.0`, never `-0.0`: "about 0" counted
    /// rounds its top end up from -0.5, which is negative zero, and a JSON
    /// report showed `"max": -0.0` (eighteenth audit, E9).
    #[test]
    fn no_end_is_negative_zero() {
        let v = Vocabulary::default();
        let hedged = |qualifier: &str, unit: Option<&str>| {
            let q = Quantity::new(Amount::Approximate {
                value: 0.0,
                qualifier: qualifier.into(),
            })
            .unwrap();
            let q = match unit {
                Some(unit) => q.with_unit(unit),
                None => q,
            };
            q.interval(&v)
        };
        let mut intervals = vec![
            Interval::new(-0.0, -0.0),
            Interval::new(0.0, -0.0),
            Interval::new(-0.0, f64::INFINITY),
        ];
        for qualifier in ["about", "nearly", "just over", "up to"] {
            intervals.push(hedged(qualifier, None));
            intervals.push(hedged(qualifier, Some("percent")));
        }
        let read: Interval =
            serde_json::from_str(r#"{"min": -0.0, "max": -0.0, "known": true}"#).unwrap();
        intervals.push(read);
        for i in intervals {
            let json = serde_json::to_string(&i).unwrap();
            assert!(!json.contains("-0"), "{json}");
            if i.is_known() && i.min() == 0.0 {
                assert!(i.min().is_sign_positive(), "{i:?}");
            }
            if i.max() == 0.0 {
                assert!(i.max().is_sign_positive(), "{i:?}");
                assert_eq!(i.to_string(), "[0, 0]");
            }
        }
    }

    #[test]
    fn rejects_bad_amounts() {
        assert!(Quantity::new(Amount::Exact(-1.0)).is_err());
        assert!(Quantity::new(Amount::Exact(f64::NAN)).is_err());
        assert!(Quantity::new(Amount::Range { min: 2.0, max: 1.0 }).is_err());
        assert!(Quantity::new(Amount::Vague { phrase: " ".into() }).is_err());
    }
}
