//! Dates and periods at a precision.
//!
//! | type | what it is |
//! |---|---|
//! | [`Period`] | a half-open span of time `[start, end)` aligned to a [`Precision`] |
//! | [`Precision`] | year, month, day, hour or minute, ordered by size |
//!
//! A single date is a period one unit long: "October 2014" is
//! `[2014-10-01, 2014-11-01)` at month precision. Periods are written as
//! ISO 8601 text: `2015`, `2014-10`, `2021-08-26`, `2021-08-26T16`,
//! `2021-08-26T16:11`, and spans as `2016/2018` or `2021-01/2021-04` (both
//! ends included at their precision).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// How finely a date is known, ordered by the size of the unit:
/// `Minute < Hour < Day < Month < Year`.
///
/// ```
/// use corroborate::Precision;
/// assert!(Precision::Year > Precision::Month);
/// assert_eq!(Precision::Day.as_str(), "day");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// To the minute: "04:11 PM".
    Minute,
    /// To the hour.
    Hour,
    /// To the day: "August 26, 2021", "on Tuesday".
    Day,
    /// To the month: "October 2014".
    Month,
    /// To the year: "2015".
    Year,
}

impl Precision {
    /// The lower-case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Minute => "minute",
            Precision::Hour => "hour",
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span of time `[start, end)` whose ends fall on whole units of its
/// precision.
///
/// `Period` derives `PartialEq`: two periods are equal when they cover the
/// same span at the same precision, which is the "agree" relation for
/// dates. "2014" and "2014-01/2014-12" cover the same span at different
/// precisions and are not equal.
///
/// ```
/// use corroborate::{Period, Precision};
/// let founded: Period = "2014-10".parse()?;
/// let year: Period = "2014".parse()?;
/// assert_eq!(founded.precision(), Precision::Month);
/// assert!(year.contains(&founded));
/// assert!(!founded.overlaps(&"2015".parse()?));
/// assert_eq!(founded.end().to_string(), "2014-11-01 00:00:00");
/// # Ok::<(), corroborate::Error>(())
/// ```
// Stored as days and minutes of the day, not as two `NaiveDateTime`s
// (12 bytes each, with nanoseconds a period never has): 16 bytes instead
// of 28, and `Option<Period>` is 16 too. Every claim holds two optional
// periods, so this is 24 bytes a claim. The derived order compares the
// fields as declared: start, then end, then precision, as the instants
// would compare.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    start_date: NaiveDate,
    start_minute: u16,
    end_date: NaiveDate,
    end_minute: u16,
    precision: Precision,
}

fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// The minute of the day of `t`; seconds are dropped (a period's ends
/// fall on whole minutes).
fn minute_of_day(t: NaiveDateTime) -> u16 {
    // At most 23 * 60 + 59: fits.
    (t.hour() * 60 + t.minute()) as u16
}

/// The instant at `minute` of the day `date`.
fn at_minute(date: NaiveDate, minute: u16) -> NaiveDateTime {
    let minute = u32::from(minute);
    date.and_time(NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or(NaiveTime::MIN))
}

fn bad_date(text: impl fmt::Display, problem: &str) -> Error {
    Error::invalid_value(
        format!("{:?}", text.to_string()),
        problem,
        "an ISO 8601 date such as 2015, 2014-10, 2021-08-26 or 2021-08-26T16:11, or a span such as 2016/2018",
    )
}

/// The numbers 0 to 99 written with two digits each, one after the
/// other ("000102…99"): [`Period::write_unit`] copies a field's two
/// digits from here rather than dividing for each digit.
const DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

impl Period {
    /// The period `[start, end)` at `precision`, to the minute.
    fn new(start: NaiveDateTime, end: NaiveDateTime, precision: Precision) -> Period {
        Period {
            start_date: start.date(),
            start_minute: minute_of_day(start),
            end_date: end.date(),
            end_minute: minute_of_day(end),
            precision,
        }
    }

    /// The year `year`.
    ///
    /// # Errors
    ///
    /// Fails when the year is outside chrono's range or `9999`.
    pub fn year(year: i32) -> Result<Period, Error> {
        Period::unit(year, 1, 1, 0, 0, Precision::Year)
    }

    /// The month `month` (1–12) of `year`.
    ///
    /// # Errors
    ///
    /// Fails on a month outside 1–12.
    pub fn month(year: i32, month: u32) -> Result<Period, Error> {
        Period::unit(year, month, 1, 0, 0, Precision::Month)
    }

    /// The day `year-month-day`.
    ///
    /// # Errors
    ///
    /// Fails on an impossible date such as 2021-02-30.
    pub fn day(year: i32, month: u32, day: u32) -> Result<Period, Error> {
        Period::unit(year, month, day, 0, 0, Precision::Day)
    }

    /// The day of a chrono date.
    pub fn from_date(date: NaiveDate) -> Period {
        Period::new(
            midnight(date),
            midnight(date) + Duration::days(1),
            Precision::Day,
        )
    }

    /// One unit of `precision` that contains `instant`.
    pub fn containing(instant: NaiveDateTime, precision: Precision) -> Period {
        let (y, m, d) = (instant.year(), instant.month(), instant.day());
        let (h, min) = (instant.hour(), instant.minute());
        // `instant` is a valid date-time, so truncating it gives one too.
        Period::unit(y, m, d, h, min, precision)
            .unwrap_or_else(|_| Period::new(instant, instant, precision))
    }

    /// The minute or hour at `time` on a day.
    ///
    /// # Errors
    ///
    /// Fails on an impossible date or time.
    pub fn at(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: Option<u32>,
    ) -> Result<Period, Error> {
        match minute {
            Some(minute) => Period::unit(year, month, day, hour, minute, Precision::Minute),
            None => Period::unit(year, month, day, hour, 0, Precision::Hour),
        }
    }

    fn unit(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        precision: Precision,
    ) -> Result<Period, Error> {
        let text = || match precision {
            Precision::Year => format!("{year:04}"),
            Precision::Month => format!("{year:04}-{month:02}"),
            Precision::Day => format!("{year:04}-{month:02}-{day:02}"),
            Precision::Hour => format!("{year:04}-{month:02}-{day:02}T{hour:02}"),
            Precision::Minute => format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}"),
        };
        if !(1..=9998).contains(&year) {
            return Err(bad_date(text(), "is a year outside 1 to 9998"));
        }
        let (month, day, hour, minute) = match precision {
            Precision::Year => (1, 1, 0, 0),
            Precision::Month => (month, 1, 0, 0),
            Precision::Day => (month, day, 0, 0),
            Precision::Hour => (month, day, hour, 0),
            Precision::Minute => (month, day, hour, minute),
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| bad_date(text(), "is not a date that exists"))?;
        let time = NaiveTime::from_hms_opt(hour, minute, 0)
            .ok_or_else(|| bad_date(text(), "is not a time that exists"))?;
        let start = date.and_time(time);
        let end = match precision {
            Precision::Year => midnight(NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or(date)),
            Precision::Month => {
                let (ny, nm) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                midnight(NaiveDate::from_ymd_opt(ny, nm, 1).unwrap_or(date))
            }
            Precision::Day => start + Duration::days(1),
            Precision::Hour => start + Duration::hours(1),
            Precision::Minute => start + Duration::minutes(1),
        };
        Ok(Period::new(start, end, precision))
    }

    /// The span from the start of `from` to the end of `to`, both included,
    /// at the coarser of their precisions: "between 2016 and 2018". An end
    /// finer than that is widened to the unit of the coarser precision
    /// that holds it, so "May 2016" to "2018" is all of 2016 to 2018.
    ///
    /// (A range read from text whose ends differ in precision, "from
    /// 15 February to March 2019", is read at the finer precision,
    /// 2019-02-15/2019-03-31: the date parser brings both ends to the
    /// finer precision before it calls this.)
    ///
    /// ```
    /// use corroborate::{Period, Precision};
    /// let years = Period::span(Period::year(2016)?, Period::year(2018)?)?;
    /// assert_eq!(years.to_string(), "2016/2018");
    /// // Ends of different precisions: the coarser one, a year.
    /// let mixed = Period::span(Period::month(2016, 5)?, Period::year(2018)?)?;
    /// assert_eq!(mixed, years);
    /// assert_eq!(mixed.precision(), Precision::Year);
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when `to` ends before `from` starts.
    pub fn span(from: Period, to: Period) -> Result<Period, Error> {
        if to.end() <= from.start() {
            return Err(Error::invalid_value(
                format!("{from}/{to}"),
                "ends before it starts",
                "a span whose second end is not before its first",
            ));
        }
        let precision = from.precision.max(to.precision);
        let start = Period::containing(from.start(), precision).start();
        let last = Period::containing(to.end() - Duration::minutes(1), precision);
        Ok(Period::new(start, last.end(), precision))
    }

    /// The first instant of the period, included.
    pub fn start(&self) -> NaiveDateTime {
        at_minute(self.start_date, self.start_minute)
    }

    /// The first instant after the period, excluded.
    pub fn end(&self) -> NaiveDateTime {
        at_minute(self.end_date, self.end_minute)
    }

    /// How finely the period is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The period as a half-open interval `(start, end)`.
    pub fn interval(&self) -> (NaiveDateTime, NaiveDateTime) {
        (self.start(), self.end())
    }

    /// True when the period is exactly one unit of its precision (a date,
    /// not a span).
    pub fn is_single_unit(&self) -> bool {
        // The common cases, a day, a month or a year, without building the
        // unit to compare: reports ask this of every date they show.
        let start = self.start_date;
        if (1..=9998).contains(&start.year()) && self.start_minute == 0 && self.end_minute == 0 {
            let next = match self.precision {
                Precision::Day => start.succ_opt(),
                Precision::Month if start.day() == 1 => match start.month() {
                    12 => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
                    month => NaiveDate::from_ymd_opt(start.year(), month + 1, 1),
                },
                Precision::Year if start.ordinal() == 1 => {
                    NaiveDate::from_yo_opt(start.year() + 1, 1)
                }
                Precision::Month | Precision::Year => return false,
                Precision::Hour | Precision::Minute => {
                    return Period::containing(self.start(), self.precision) == *self;
                }
            };
            return next == Some(self.end_date);
        }
        Period::containing(self.start(), self.precision) == *self
    }

    /// True when the two periods share an instant.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.starts() < other.ends() && other.starts() < self.ends()
    }

    /// True when `other` lies within `self`.
    pub fn contains(&self, other: &Period) -> bool {
        self.starts() <= other.starts() && other.ends() <= self.ends()
    }

    /// The start as (day, minute): ordered as the instants are.
    fn starts(&self) -> (NaiveDate, u16) {
        (self.start_date, self.start_minute)
    }

    /// The end as (day, minute).
    fn ends(&self) -> (NaiveDate, u16) {
        (self.end_date, self.end_minute)
    }

    /// The day the period starts on.
    pub fn start_date(&self) -> NaiveDate {
        self.start_date
    }

    fn write_unit<W: fmt::Write>(f: &mut W, t: NaiveDateTime, p: Precision) -> fmt::Result {
        // Years 0..=9999, as good as every date a corpus holds, are
        // written two digits at a time into the full form's buffer, whose
        // separators are in place, and passed on in one piece, cut to the
        // precision: reports show a date for every dated claim, and
        // `write!` with five padded fields cost about 900 instructions a
        // date. Only the fields shown are read from the instant.
        if let Ok(year @ 0..=9999) = u32::try_from(t.year()) {
            let mut text = *b"0000-00-00T00:00";
            // The two digits of `n` (below 100) at `at`.
            let mut pair = |at: usize, n: u32| {
                let k = 2 * n as usize;
                text[at..at + 2].copy_from_slice(&DIGIT_PAIRS[k..k + 2]);
            };
            pair(0, year / 100);
            pair(2, year % 100);
            let len = match p {
                Precision::Year => 4,
                Precision::Month => 7,
                Precision::Day => 10,
                Precision::Hour => 13,
                Precision::Minute => 16,
            };
            if len > 4 {
                pair(5, t.month());
            }
            if len > 7 {
                pair(8, t.day());
            }
            if len > 10 {
                pair(11, t.hour());
            }
            if len > 13 {
                pair(14, t.minute());
            }
            return f.write_str(std::str::from_utf8(&text[..len]).map_err(|_| fmt::Error)?);
        }
        match p {
            Precision::Year => write!(f, "{:04}", t.year()),
            Precision::Month => write!(f, "{:04}-{:02}", t.year(), t.month()),
            // Written field by field: `strftime` parses its format string
            // at every call, and reports show a date for every dated claim.
            // Years outside 0..=9999 keep chrono's signed form.
            _ if !(0..=9999).contains(&t.year()) => match p {
                Precision::Day => write!(f, "{}", t.format("%Y-%m-%d")),
                Precision::Hour => write!(f, "{}", t.format("%Y-%m-%dT%H")),
                _ => write!(f, "{}", t.format("%Y-%m-%dT%H:%M")),
            },
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", t.year(), t.month(), t.day()),
            Precision::Hour => write!(
                f,
                "{:04}-{:02}-{:02}T{:02}",
                t.year(),
                t.month(),
                t.day(),
                t.hour()
            ),
            Precision::Minute => write!(
                f,
                "{:04}-{:02}-{:02}T{:02}:{:02}",
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute()
            ),
        }
    }

    /// Writes an end of the interval as an ISO 8601 date (year, month and
    /// day precision) or date-time (hour and minute precision).
    pub fn format_instant(&self, instant: NaiveDateTime) -> String {
        match self.precision {
            Precision::Hour | Precision::Minute => instant.format("%Y-%m-%dT%H:%M:%S").to_string(),
            _ => instant.format("%Y-%m-%d").to_string(),
        }
    }
}

impl Period {
    /// Writes the [`Display`](fmt::Display) form onto `out`: the reports
    /// name a period in most sentences about dates and report times, and
    /// a string written this way skips the formatting machinery.
    pub(crate) fn write_to<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        Period::write_unit(out, self.start(), self.precision)?;
        if !self.is_single_unit() {
            out.write_str("/")?;
            let last = Period::containing(self.end() - Duration::minutes(1), self.precision);
            Period::write_unit(out, last.start(), self.precision)?;
        }
        Ok(())
    }

    /// [`write_to`](Self::write_to) a string, which cannot fail.
    pub(crate) fn push_to(&self, out: &mut String) {
        let _ = self.write_to(out);
    }
}

impl fmt::Display for Period {
    /// ISO 8601 text that [`FromStr`] reads back: `2014-10`, `2016/2018`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Period({self}, {})", self.precision)
    }
}

/// The pieces of `text` between `separator`s, at least one, when there
/// are at most `N`: read without a vector, since a corpus has a date on
/// most claims.
fn split_at_most<const N: usize>(text: &str, separator: char) -> Option<([&str; N], usize)> {
    let mut pieces = [""; N];
    let mut count = 0;
    for piece in text.split(separator) {
        *pieces.get_mut(count)? = piece;
        count += 1;
    }
    Some((pieces, count))
}

/// The number that `bytes` write in decimal, when every byte is a digit
/// (at most four here, so it cannot overflow).
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0, |n: u32, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `2014`, `2014-10` and `2014-10-25` read byte by byte: the shapes a
/// corpus writes on most claims and sources. Splitting them on `T`, `-`
/// and `:` as [`parse_unit_by_rules`] does took about 400 of the 850
/// instructions it spent on each. `None` for every other shape, which
/// the general rules read (and agree with on these).
fn parse_plain_unit(text: &str) -> Option<Result<Period, Error>> {
    let bytes = text.as_bytes();
    // Four digits are at most 9999: the year always fits an `i32`.
    let year = |digits_of: &[u8]| digits(digits_of).map(|y| y as i32);
    match bytes {
        [_, _, _, _] => year(bytes).map(Period::year),
        [_, _, _, _, b'-', _, _] => Some(Period::month(year(&bytes[..4])?, digits(&bytes[5..])?)),
        [_, _, _, _, b'-', _, _, b'-', _, _] => Some(Period::day(
            year(&bytes[..4])?,
            digits(&bytes[5..7])?,
            digits(&bytes[8..])?,
        )),
        _ => None,
    }
}

/// A single unit (`2014`, `2014-10`, `2021-08-26T16:11`): the plain
/// shapes byte by byte, every other by the rules.
fn parse_unit(text: &str) -> Result<Period, Error> {
    parse_plain_unit(text).unwrap_or_else(|| parse_unit_by_rules(text))
}

/// A single unit, split on `T`, `-` and `:`: every shape ISO 8601 allows
/// here, and the messages for those it does not.
fn parse_unit_by_rules(text: &str) -> Result<Period, Error> {
    // An ISO week or ordinal date ("2023-W41", "2023-284") is ISO 8601,
    // but the corpus format takes a span of days for it: said so, with
    // the span to write (fifteenth audit, B5: it was "not an ISO 8601
    // date").
    if let Some(Ok(period)) = iso_week_or_ordinal(text) {
        return Err(Error::invalid_value(
            format!("{text:?}"),
            "is an ISO 8601 week or ordinal date, which the corpus format does not read (weeks and ordinal days are read only in tables)",
            format!("the span of its days, {period}"),
        ));
    }
    let number = |s: &str| -> Result<u32, Error> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad_date(text, "is not an ISO 8601 date"));
        }
        s.parse::<u32>()
            .map_err(|_| bad_date(text, "is not an ISO 8601 date"))
    };
    let (date_part, time_part) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let Some((parts, count)) = split_at_most::<3>(date_part, '-') else {
        return Err(bad_date(text, "is not an ISO 8601 date"));
    };
    let parts = &parts[..count];
    if parts[0].len() != 4 || parts[1..].iter().any(|p| p.len() != 2) {
        return Err(bad_date(text, "is not an ISO 8601 date"));
    }
    let year = number(parts[0])? as i32;
    let month = parts.get(1).map(|m| number(m)).transpose()?;
    let day = parts.get(2).map(|d| number(d)).transpose()?;
    match (month, day, time_part) {
        (None, None, None) => Period::year(year),
        (Some(m), None, None) => Period::month(year, m),
        (Some(m), Some(d), None) => Period::day(year, m, d),
        (Some(m), Some(d), Some(time)) => {
            // Valid ISO 8601 that a period does not hold, said as such.
            let bad_time = || {
                let problem = if time.ends_with(['Z', 'z']) || time.contains(['+', '-']) {
                    "has a time zone, which a period does not hold (write every time of a corpus in one zone, such as UTC, without its offset)"
                } else if time.matches(':').count() >= 2 {
                    "has seconds, which a period does not hold (times are read to the minute)"
                } else {
                    "is not an ISO 8601 time"
                };
                bad_date(text, problem)
            };
            let Some((pieces, count)) = split_at_most::<2>(time, ':') else {
                return Err(bad_time());
            };
            let pieces = &pieces[..count];
            if pieces.iter().any(|p| p.len() != 2) {
                return Err(bad_time());
            }
            let hour = number(pieces[0])?;
            let minute = pieces.get(1).map(|m| number(m)).transpose()?;
            Period::at(year, m, d, hour, minute)
        }
        _ => Err(bad_date(text, "is not an ISO 8601 date")),
    }
}

/// An ISO 8601 week or ordinal date, as statistical offices and
/// databases write them: a week, "2026-W02" (or "2026W02"), is its seven
/// days from Monday, a span at day precision; a day of a week,
/// "2026-W02-3" ("2026W023"), is that day; an ordinal date, "2026-005",
/// is the 5th day of 2026. The audit found a week kept as text and an
/// ordinal date refused as an inverted range (2026 down to 5). `None`
/// for a text of neither shape; an error for a week or day the year does
/// not have, saying how many it has. The 7-digit basic ordinal
/// ("2026005") is not read: it is also a count; nor is an ordinal of a
/// year outside 1900 to 2100 or a day above 366, which is more likely a
/// count range written the wrong way round ("1500-500").
pub(crate) fn iso_week_or_ordinal(text: &str) -> Option<Result<Period, Error>> {
    use chrono::{NaiveDate, Weekday};
    let text = text.trim();
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .filter(|b| b.iter().all(u8::is_ascii_digit))
            .and_then(|_| text.get(range)?.parse::<u32>().ok())
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    let refused = |problem: String, expected: String| {
        Some(Err(Error::invalid_value(
            format!("{text:?}"),
            problem,
            expected,
        )))
    };
    // Year-DDD: an ordinal date.
    // A year of news, 1900 to 2100, and a day of at most 366: four
    // digits, a dash and three is otherwise a count range the wrong way
    // round ("1500-500"), and said to be one.
    if bytes.len() == 8
        && bytes[4] == b'-'
        && (1900..=2100).contains(&year)
        && let Some(day) = digits(5..8).filter(|&day| day <= 366)
    {
        let days = if NaiveDate::from_yo_opt(year, 366).is_some() {
            366
        } else {
            365
        };
        return match NaiveDate::from_yo_opt(year, day) {
            Some(date) => Some(Ok(Period::from_date(date))),
            None => refused(
                format!("is day {day} of {year}, which has {days} days"),
                format!("an ordinal date from {year}-001 to {year}-{days}"),
            ),
        };
    }
    // Year-Www[-D] or YearWww[D]: a week, or a day of one.
    let at = match bytes.get(4..6) {
        Some([b'-', b'W']) => 6,
        Some([b'W', _]) => 5,
        _ => return None,
    };
    let week = digits(at..at + 2)?;
    let weekday = match &bytes[at + 2..] {
        [] => None,
        [b'-', d] if at == 6 => Some(*d),
        [d] if at == 5 => Some(*d),
        _ => return None,
    };
    let weekday = match weekday {
        None => None,
        Some(d @ b'1'..=b'7') => Weekday::try_from(d - b'1').ok(),
        Some(_) => {
            return refused(
                "has a weekday that is not 1 to 7".into(),
                "a day of the week from 1 (Monday) to 7 (Sunday)".into(),
            );
        }
    };
    let weeks = if NaiveDate::from_isoywd_opt(year, 53, Weekday::Mon).is_some() {
        53
    } else {
        52
    };
    let Some(monday) = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon) else {
        return refused(
            format!("is week {week} of {year}, which has {weeks} weeks"),
            format!("an ISO week from {year}-W01 to {year}-W{weeks}"),
        );
    };
    let day = |date: NaiveDate| Period::from_date(date);
    Some(Ok(match weekday {
        Some(weekday) => {
            day(monday + chrono::Duration::days(i64::from(weekday.num_days_from_monday())))
        }
        None => match Period::span(day(monday), day(monday + chrono::Duration::days(6))) {
            Ok(week) => week,
            Err(error) => return Some(Err(error)),
        },
    }))
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(text: &str) -> Result<Period, Error> {
        let text = text.trim();
        // A byte search: `split_once`'s searcher cost more to set up than
        // the ten bytes of a date take to scan.
        match text.bytes().position(|b| b == b'/') {
            None => parse_unit(text),
            Some(at) => {
                let (from, to) = (&text[..at], &text[at + 1..]);
                let from = parse_unit(from).map_err(|e| e.in_part_of(text, "a start"))?;
                let to = parse_unit(to).map_err(|e| e.in_part_of(text, "an end"))?;
                if from.precision != to.precision {
                    return Err(bad_date(text, "has ends of different precisions"));
                }
                Period::span(from, to).map_err(|_| bad_date(text, "ends before it starts"))
            }
        }
    }
}

impl Serialize for Period {
    /// The [`Display`](fmt::Display) form, as a string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::compact::serialize_text(serializer, |text| self.write_to(text))
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Parsed from the text as the deserializer holds it: serde's own
        // `Cow<str>` always copies it into a `String` first.
        // A bad date is reported after the text is read, as before, so
        // that the deserializer gives the error the same position.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Result<Period, Error>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(text.parse())
            }
        }
        deserializer
            .deserialize_str(Text)?
            .map_err(crate::error::IntoSerde::into_serde)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, start: &str, end: &str, precision: Precision) {
        let p: Period = text.parse().unwrap();
        assert_eq!(p.format_instant(p.start()), start, "{text}");
        assert_eq!(p.format_instant(p.end()), end, "{text}");
        assert_eq!(p.precision(), precision, "{text}");
        assert_eq!(p.to_string(), text);
    }

    #[test]
    fn units_and_spans() {
        check("2015", "2015-01-01", "2016-01-01", Precision::Year);
        check("2014-10", "2014-10-01", "2014-11-01", Precision::Month);
        check("2014-12", "2014-12-01", "2015-01-01", Precision::Month);
        check("2021-08-26", "2021-08-26", "2021-08-27", Precision::Day);
        check(
            "2021-08-26T16:11",
            "2021-08-26T16:11:00",
            "2021-08-26T16:12:00",
            Precision::Minute,
        );
        check(
            "2021-08-26T16",
            "2021-08-26T16:00:00",
            "2021-08-26T17:00:00",
            Precision::Hour,
        );
        check("2016/2018", "2016-01-01", "2019-01-01", Precision::Year);
        check(
            "2021-01/2021-04",
            "2021-01-01",
            "2021-05-01",
            Precision::Month,
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2021-02-30",
            "2021-13",
            "21",
            "2021-8",
            "2018/2016",
            "2016/2018-01",
            "",
            "2021-08-26T25",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    fn unit() -> impl proptest::strategy::Strategy<Value = Period> {
        use proptest::prelude::*;
        prop_oneof![
            (1i32..=9998).prop_map(|y| Period::year(y).unwrap()),
            (1i32..=9998, 1u32..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
            (1i32..=9998, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Period::day(y, m, d).unwrap()),
            (2000i32..2030, 1u32..=12, 1u32..=28, 0u32..24)
                .prop_map(|(y, m, d, h)| Period::at(y, m, d, h, None).unwrap()),
            (2000i32..2030, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60)
                .prop_map(|(y, m, d, h, min)| Period::at(y, m, d, h, Some(min)).unwrap()),
        ]
    }

    fn period() -> impl proptest::strategy::Strategy<Value = Period> {
        use proptest::prelude::*;
        (unit(), unit()).prop_map(|(a, b)| {
            let (a, b) = if a.start() <= b.start() {
                (a, b)
            } else {
                (b, a)
            };
            if a.precision() == b.precision() && a.end() <= b.end() {
                Period::span(a, b).unwrap()
            } else {
                a
            }
        })
    }

    proptest::proptest! {
        /// The compact form orders, compares and prints periods as their
        /// instants and precision do, and reads back what it prints.
        #[test]
        fn compact_form_keeps_the_instants(a in period(), b in period()) {
            let key = |p: &Period| (p.start(), p.end(), p.precision());
            proptest::prop_assert_eq!(a.cmp(&b), key(&a).cmp(&key(&b)));
            proptest::prop_assert_eq!(a == b, key(&a) == key(&b));
            proptest::prop_assert_eq!(a.overlaps(&b), a.start() < b.end() && b.start() < a.end());
            proptest::prop_assert_eq!(a.contains(&b), a.start() <= b.start() && b.end() <= a.end());
            proptest::prop_assert_eq!(a.to_string().parse::<Period>().unwrap(), a);
            proptest::prop_assert!(a.start() < a.end());
        }

        /// The shortcuts for days, months and years agree with the general
        /// definitions: `is_single_unit` with building the unit, `Display`
        /// with chrono's formatting.
        #[test]
        fn unit_shortcuts_agree_with_the_general_forms(a in period()) {
            let single = Period::containing(a.start(), a.precision()) == a;
            proptest::prop_assert_eq!(a.is_single_unit(), single);
            let unit = |t: NaiveDateTime| match a.precision() {
                Precision::Year => t.format("%Y").to_string(),
                Precision::Month => t.format("%Y-%m").to_string(),
                Precision::Day => t.format("%Y-%m-%d").to_string(),
                Precision::Hour => t.format("%Y-%m-%dT%H").to_string(),
                Precision::Minute => t.format("%Y-%m-%dT%H:%M").to_string(),
            };
            let mut expected = unit(a.start());
            if !single {
                let last = Period::containing(a.end() - Duration::minutes(1), a.precision());
                expected = format!("{expected}/{}", unit(last.start()));
            }
            proptest::prop_assert_eq!(a.to_string(), expected);
        }

        /// A unit of each precision is written as chrono formats it, for
        /// every year the digit-pair shortcut takes (0 to 9999) and every
        /// hour and minute.
        #[test]
        fn units_are_written_as_chrono_formats_them(
            (y, m, d, h, min) in (0i32..=9999, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60)
        ) {
            let t = NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap();
            for (precision, format) in [
                (Precision::Year, "%Y"),
                (Precision::Month, "%Y-%m"),
                (Precision::Day, "%Y-%m-%d"),
                (Precision::Hour, "%Y-%m-%dT%H"),
                (Precision::Minute, "%Y-%m-%dT%H:%M"),
            ] {
                let mut written = String::new();
                Period::write_unit(&mut written, t, precision).unwrap();
                proptest::prop_assert_eq!(written, t.format(format).to_string());
            }
        }

        /// Plain dates read byte by byte give what the general rules give:
        /// the same period, or the same error. The texts are mostly digits
        /// and dashes in the plain shapes' lengths, with impossible months
        /// and days, years out of range, and letters, signs, spaces and
        /// non-ASCII digits where digits go.
        #[test]
        fn plain_dates_read_as_the_rules_read_them(
            text in "[0-9]{4}|[0-9]{4}-[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9+ a٣-]{4,10}"
        ) {
            let by_rules = parse_unit_by_rules(&text).map_err(|e| e.to_string());
            match parse_plain_unit(&text) {
                Some(plain) => {
                    proptest::prop_assert_eq!(plain.map_err(|e| e.to_string()), by_rules);
                }
                // Only texts outside the plain shapes are left to the rules.
                None => proptest::prop_assert!(
                    by_rules.is_err() || (text.len() != 4 && text.len() != 7 && text.len() != 10),
                    "{text:?} read {by_rules:?} by the rules but not as a plain date"
                ),
            }
        }
    }

    #[test]
    fn plain_dates_and_their_errors() {
        assert_eq!(
            parse_plain_unit("2014-10").unwrap().unwrap().to_string(),
            "2014-10"
        );
        assert_eq!(
            parse_plain_unit("0000").unwrap().unwrap_err().to_string(),
            parse_unit_by_rules("0000").unwrap_err().to_string()
        );
        assert_eq!(
            parse_plain_unit("2021-02-30")
                .unwrap()
                .unwrap_err()
                .to_string(),
            parse_unit_by_rules("2021-02-30").unwrap_err().to_string()
        );
        // Not plain: left to the rules, which read or refuse them.
        for text in [
            "2021-08-26T16",
            "201",
            "2014-1",
            "2014-10-2a",
            "٢٠١٤",
            "2014/2015",
        ] {
            assert!(parse_plain_unit(text).is_none(), "{text}");
        }
    }
}
