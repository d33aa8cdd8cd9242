//! Conformance against Microsoft Recognizers-Text's English test cases
//! (`../shared/specs/recognizers-text`, read at test time; the test is
//! skipped with a message when the folder is absent).
//!
//! How a case passes:
//!
//! - **NumberRangeModel**: the ranges `scan` finds (mentions of form
//!   range, at_least, at_most, and exact mentions stated with "equal(s)
//!   to") equal the expected ones as integer intervals: counts are
//!   integers, so `(100,300)` is compared as `[101, 299]`, and an open
//!   side as unbounded. Where NumberRangeModelExperimentalMode.json gives
//!   the closed reading of a case ("between 20 and 30" is `[20,30]`), the
//!   closed reading is expected: news ranges are closed. Spans are matched
//!   leniently: a found mention must overlap the expected text (our
//!   mention also takes the counted noun: "up to 700 contract workers").
//! - **NumberModel**, plain numbers only: cases whose expected results
//!   are all integers or decimals of zero or more (no fractions, powers,
//!   negatives). The multiset of numbers in the quantity mentions (a
//!   range gives both ends) equals the expected values.
//! - **DateParser** and **DatePeriodParser**, the subset in scope: cases
//!   with one expected result whose text is made only of words of our date
//!   grammar (month and weekday names, digits with ordinal suffixes, and
//!   [`SCOPE_WORDS`]). The scan, with the case's reference date, must find
//!   one date overlapping the expected text, equal to the past resolution
//!   (news looks back): the day for DateParser, `[startDate, endDate)` for
//!   DatePeriodParser.
//!
//! Deliberate differences are listed with their reasons in
//! `conformance_differences.json`; rates are printed over all cases and
//! over the cases that are not declared differences. The test fails when
//! a rate falls below its recorded level.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use corroborate::{Amount, MentionKind, ScanOptions, scan};
use serde_json::Value;

/// A char span `[start, end)`.
type CharSpan = (usize, usize);
/// Integer bounds, `None` for an open side.
type Bounds = (Option<f64>, Option<f64>);

/// Recorded pass rates over the cases not declared as differences.
const MIN_NUMBER_RANGE: f64 = 0.99;
const MIN_NUMBER: f64 = 0.55;
/// 16 of 35: two cases that passed name a weekday their date does not
/// fall on, which the scanner now refuses (declared differences, so out
/// of the count, which fell from 18 of 37).
const MIN_DATE: f64 = 0.45;
const MIN_DATE_PERIOD: f64 = 0.33;

/// Words of the date grammar, besides month and weekday names and digits.
const SCOPE_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "last",
    "this",
    "week",
    "month",
    "year",
    "between",
    "and",
    "from",
    "to",
    "the",
    "first",
    "second",
    "third",
    "fourth",
    "quarter",
    "half",
    "of",
    "months",
    "mid",
    "early",
    "late",
    "on",
    "in",
];

const MONTH_WORDS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

fn specs() -> Option<PathBuf> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/specs/recognizers-text"
    ));
    if dir.is_dir() {
        Some(dir.to_path_buf())
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn load(dir: &Path, file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    serde_json::from_str(text).unwrap()
}

fn differences() -> HashSet<(String, String)> {
    let text = include_str!("conformance_differences.json");
    let list: Vec<Value> = serde_json::from_str(text).unwrap();
    list.iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["input"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Byte span to char span `[start, end)`.
fn char_span(text: &str, span: std::ops::Range<usize>) -> (usize, usize) {
    (
        text[..span.start].chars().count(),
        text[..span.end].chars().count(),
    )
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// An expected math interval as integer bounds: `None` for an open side.
fn integer_interval(value: &str) -> Option<(Option<f64>, Option<f64>)> {
    let open = value.chars().next()?;
    let close = value.chars().last()?;
    let inner = value.get(1..value.len() - 1)?;
    let (lo, hi) = inner.split_once(',')?;
    let lo = if lo.is_empty() {
        None
    } else {
        let v: f64 = lo.parse().ok()?;
        Some(if open == '(' {
            v.floor() + 1.0
        } else {
            v.ceil()
        })
    };
    let hi = if hi.is_empty() {
        None
    } else {
        let v: f64 = hi.parse().ok()?;
        Some(if close == ')' {
            v.ceil() - 1.0
        } else {
            v.floor()
        })
    };
    Some((lo, hi))
}

struct Rate {
    name: &'static str,
    passed: usize,
    total: usize,
    passed_in_scope: usize,
    in_scope: usize,
}

impl Rate {
    fn new(name: &'static str) -> Rate {
        Rate {
            name,
            passed: 0,
            total: 0,
            passed_in_scope: 0,
            in_scope: 0,
        }
    }

    fn add(&mut self, pass: bool, declared: bool, input: &str) {
        self.total += 1;
        self.passed += usize::from(pass);
        if declared {
            if pass {
                eprintln!("  {}: declared difference now passes: {input:?}", self.name);
            }
        } else {
            self.in_scope += 1;
            self.passed_in_scope += usize::from(pass);
            if !pass {
                eprintln!("  {}: FAIL {input:?}", self.name);
            }
        }
    }

    fn report(&self, min: f64) {
        let rate = self.passed_in_scope as f64 / self.in_scope.max(1) as f64;
        eprintln!(
            "{}: {}/{} cases pass ({:.1}%) outside declared differences; {}/{} ({:.1}%) of all",
            self.name,
            self.passed_in_scope,
            self.in_scope,
            rate * 100.0,
            self.passed,
            self.total,
            self.passed as f64 / self.total.max(1) as f64 * 100.0,
        );
        assert!(
            rate >= min,
            "{}: pass rate {rate:.3} fell below the recorded {min}",
            self.name
        );
    }
}

fn reference(case: &Value) -> Option<NaiveDate> {
    let text = case["Context"]["ReferenceDateTime"].as_str()?;
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

#[test]
fn number_range_model() {
    let Some(dir) = specs() else { return };
    let declared = differences();
    let closed: Vec<Value> = load(&dir, "Number/English/NumberRangeModelExperimentalMode.json");
    let options = ScanOptions::new();
    let mut rate = Rate::new("NumberRangeModel");
    for case in load(&dir, "Number/English/NumberRangeModel.json") {
        let input = case["Input"].as_str().unwrap();
        let results = closed
            .iter()
            .find(|c| c["Input"].as_str() == Some(input))
            .map_or(&case["Results"], |c| &c["Results"]);
        let mut expected: Vec<(CharSpan, Bounds)> = Vec::new();
        for r in results.as_array().unwrap() {
            let start = r["Start"].as_u64().unwrap() as usize;
            let end = r["End"].as_u64().unwrap() as usize + 1;
            let value = r["Resolution"]["value"].as_str().unwrap();
            expected.push((
                (start, end),
                integer_interval(value).unwrap_or((None, None)),
            ));
        }
        let mut found = Vec::new();
        for m in scan(input, &options) {
            let MentionKind::Quantity(q) = m.kind() else {
                continue;
            };
            let interval = match q.amount() {
                Amount::Range { min, max } => (Some(*min), Some(*max)),
                Amount::AtLeast { .. } => (Some(q.interval(options.vocabulary()).min()), None),
                Amount::AtMost { .. } => (None, Some(q.interval(options.vocabulary()).max())),
                Amount::Exact(v) if m.text().to_lowercase().starts_with("equal") => {
                    (Some(*v), Some(*v))
                }
                _ => continue,
            };
            found.push((char_span(input, m.span()), interval));
        }
        let mut pass = found.len() == expected.len();
        for (span, interval) in &expected {
            let hit = found
                .iter()
                .position(|(s, i)| i == interval && overlaps(*s, *span));
            match hit {
                Some(k) => {
                    found.remove(k);
                }
                None => pass = false,
            }
        }
        let is_declared = declared.contains(&("NumberRangeModel".to_string(), input.to_string()));
        rate.add(pass, is_declared, input);
    }
    rate.report(MIN_NUMBER_RANGE);
}

#[test]
fn number_model_plain_numbers() {
    let Some(dir) = specs() else { return };
    let declared = differences();
    let options = ScanOptions::new();
    let mut rate = Rate::new("NumberModel (plain numbers)");
    for case in load(&dir, "Number/English/NumberModel.json") {
        let input = case["Input"].as_str().unwrap();
        let results = case["Results"].as_array().unwrap();
        let mut expected = Vec::new();
        let mut plain = true;
        for r in results {
            let subtype = r["Resolution"]["subtype"].as_str().unwrap_or("integer");
            let value: f64 = r["Resolution"]["value"]
                .as_str()
                .and_then(|v| v.parse().ok())
                .unwrap_or(-1.0);
            if !matches!(subtype, "integer" | "decimal") || value < 0.0 {
                plain = false;
            }
            expected.push(value);
        }
        if !plain {
            continue;
        }
        let mut found = Vec::new();
        for m in scan(input, &options) {
            let MentionKind::Quantity(q) = m.kind() else {
                continue;
            };
            match q.amount() {
                Amount::Exact(v)
                | Amount::AtLeast { value: v, .. }
                | Amount::AtMost { value: v, .. }
                | Amount::Approximate { value: v, .. } => found.push(*v),
                Amount::Range { min, max } => found.extend([*min, *max]),
                Amount::Vague { .. } => {}
            }
        }
        let sorted = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v
        };
        let pass = sorted(found) == sorted(expected);
        let is_declared = declared.contains(&("NumberModel".to_string(), input.to_string()));
        rate.add(pass, is_declared, input);
    }
    rate.report(MIN_NUMBER);
}

fn in_scope(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let numeric_format = text.contains(['/', '-', ':'])
        || text
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
    !words.is_empty()
        && !numeric_format
        && words
            .iter()
            .any(|w| !w.chars().all(|c| c.is_ascii_digit()) && *w != "the")
        && words.iter().all(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            let suffix = &w[digits.len()..];
            SCOPE_WORDS.contains(w)
                || MONTH_WORDS.contains(w)
                || (!digits.is_empty()
                    && digits.chars().all(|c| c.is_ascii_digit())
                    && matches!(suffix, "" | "st" | "nd" | "rd" | "th"))
        })
}

fn date_cases(file: &'static str, name: &'static str, min: f64, period: bool) {
    let Some(dir) = specs() else { return };
    let declared = differences();
    let mut rate = Rate::new(name);
    for case in load(&dir, file) {
        let input = case["Input"].as_str().unwrap();
        let results = case["Results"].as_array().unwrap();
        let [result] = results.as_slice() else {
            continue;
        };
        let text = result["Text"].as_str().unwrap_or("");
        if !in_scope(text) {
            continue;
        }
        let value = &result["Value"];
        let resolution = if value["PastResolution"].is_object() {
            &value["PastResolution"]
        } else {
            &value["FutureResolution"]
        };
        let start = result["Start"].as_u64().unwrap_or(0) as usize;
        let expected_span = (
            start,
            start + result["Length"].as_u64().unwrap_or(0) as usize,
        );
        let mut options = ScanOptions::new();
        if let Some(r) = reference(&case) {
            options = options.with_reference_date(r);
        }
        let dates: Vec<_> = scan(input, &options)
            .into_iter()
            .filter_map(|m| {
                let span = char_span(input, m.span());
                match m.kind() {
                    MentionKind::Date(p) if overlaps(span, expected_span) => Some(*p),
                    _ => None,
                }
            })
            .collect();
        let pass = match dates.as_slice() {
            [p] if period => {
                Some(p.start_date().to_string().as_str()) == resolution["startDate"].as_str()
                    && Some(p.end().date().to_string().as_str()) == resolution["endDate"].as_str()
            }
            [p] => {
                p.precision() == corroborate::Precision::Day
                    && Some(p.start_date().to_string().as_str()) == resolution["date"].as_str()
            }
            _ => false,
        };
        // A deliberate difference: news means "from 2014 to 2018" and
        // "Oct. 2 to October 22" closed, with the last year or day included;
        // Recognizers ends the range where the last unit starts. The last
        // unit is whole, at the range's precision or a coarser one: "from
        // Feb 1st to March 2019" is read at day precision and ends with
        // all of March.
        let closed_reading = match dates.as_slice() {
            [p] if period && !pass => {
                use corroborate::Precision;
                let last = p.end() - chrono::Duration::minutes(1);
                let last_unit_starts_at_end = [Precision::Day, Precision::Month, Precision::Year]
                    .into_iter()
                    .chain([p.precision()])
                    .filter(|&unit| unit >= p.precision())
                    .map(|unit| corroborate::Period::containing(last, unit))
                    .any(|last_unit| {
                        last_unit.end() == p.end()
                            && Some(last_unit.start_date().to_string().as_str())
                                == resolution["endDate"].as_str()
                    });
                Some(p.start_date().to_string().as_str()) == resolution["startDate"].as_str()
                    && last_unit_starts_at_end
            }
            _ => false,
        };
        let is_declared =
            closed_reading || declared.contains(&(name.to_string(), input.to_string()));
        rate.add(pass, is_declared, input);
    }
    rate.report(min);
}

#[test]
fn date_parser_subset() {
    date_cases(
        "DateTime/English/DateParser.json",
        "DateParser",
        MIN_DATE,
        false,
    );
}

#[test]
fn date_period_parser_subset() {
    date_cases(
        "DateTime/English/DatePeriodParser.json",
        "DatePeriodParser",
        MIN_DATE_PERIOD,
        true,
    );
}
