//! The date grammar: full dates, months, years, spans, relative days and
//! times, resolved against an optional reference date, looking back.
//!
//! Patterns, tried at each token (the longest wins):
//!
//! - `[Weekday[,]] Month[.] Day[st][,] [Year] [[,|at] Time]`: "Aug. 26", "Wednesday, Aug. 18, 2021";
//!   the weekday must be the date's, once resolved, or the match has no period ([`DateMatch`])
//! - `Day [of] Month[,] [Year]`: "26 August 2021"
//! - `Month[,] Year`: "October 2014"; `Year-MM-DD`: "2021-08-26"
//! - a bare month after a context word ([`MONTH_CONTEXT`]): "in May"
//! - a four-digit year 1900–2100 after a context word ([`YEAR_CONTEXT`]): "in 2015"
//! - `between Year and Year`, `from Year to Year`, `Year–Year`
//! - days of one month: `Day-Day Month [Year]`, `Month Day-Day[,] [Year]` (a hyphen or en
//!   dash, no opener), `between Day and Day Month [Year]`, `from Day to Day Month [Year]`:
//!   "13-14 August 2025", "August 13–14, 2025"; each day must exist, and the first come first
//! - `the first|last N months of Year`, `the first|second half of Year`, `the Nth quarter of Year`
//! - quarters and halves as codes: `Qn[-| |of ]Year`, `Year[-| ]Qn`, `Hn Year`, `Year-Hn`:
//!   "Q1 2026", "2026-Q1", "H2 2025"; never a code without its year
//! - `mid-|early|late Month [Year]`: days 11–20, 1–10, 21–end
//! - `mid-|early|late Year`: months 5–8, 1–4, 9–12 ("early 2023", "mid-2022")
//! - `[the] week of Day`: the seven days from a Sunday or a Monday; no date
//!   for a day in mid-week (see `week_of`)
//! - `today`, `yesterday`, `tomorrow`, `last night`, `this|last|next week|month|year`, `[last|this] Weekday`, `next|this [coming]|coming Weekday`, `this past Weekday` (ahead, see `weekday_ahead`)
//! - `last|past|this [past|coming]|coming|next Month` (see `month_named`);
//!   `Month [Day] [of] this|last|next year`: "September next year"
//! - `Weekday [of] this|last|next week`: "Monday last week", where weeks
//!   from Monday and from Sunday give one day (see `weekday_of_week`)
//! - `HH:MM [am|pm]`, `H am|pm`: on the date before or after it, or the reference day
//! - `YYYY-MM-DDTHH:MM[:SS[.f]]`: that minute; with a zone, no date (`iso_timestamp_at`)
//!
//! "may" and "march" (and the abbreviations "mar", "wed", "sat", "sun")
//! are ordinary words too: they are read as a month or a weekday only when
//! capitalized, and a bare month only after a context word, so the modal in
//! "it may rise" or "May have escaped" is never a date.
//!
//! Relative expressions resolve against the reference date looking back,
//! as news does: a weekday is the most recent such day not after the
//! reference; "Aug. 26" without a year is the most recent August 26 not
//! after it, unless this year's is at most [`AHEAD`] days after it ("the
//! Aug. 31 deadline", said on August 26); "in July" the most recent July. A day or month named ahead
//! ("next Tuesday", "this Friday", "this coming Tuesday", "next August")
//! is read forward, and only where English gives it one day or month;
//! so is a month named with "this" or "last" (see `month_named`), and a
//! month or weekday followed by the year or week it is in ("December this
//! year", "Monday last week"). A range of dates is read
//! forward instead (see [`join`]): its first end, when only it lacks a
//! year, falls in the year before its second; its second end, when it
//! lacks one, is the first such day or month not ending before its first
//! end, which is resolved back from the reference date when it lacks a
//! year too ("from 30 April to 1 May", said on 30 April, runs to the next
//! day). A range with a year at one end is placed by it, whatever the
//! reference date. A range with no year at either end, read so, may end
//! at most [`AHEAD`] days after the reference date; past that, it is
//! read from the first end's previous occurrence, the range that has
//! ended. A range without its year followed by "in 2017" is resolved
//! from the last day of 2017 instead of the reference date (see
//! [`in_year`]).

use chrono::{Datelike, Duration, Months, NaiveDate, Timelike};

use super::token::Tokens;
use super::words::{MERIDIEM, MONTH_CONTEXT, MONTHS, WEEKDAYS, YEAR_CONTEXT, lookup};
use crate::period::{Period, Precision};

/// A date read from tokens `start..end`; `None` when it is relative and no
/// reference date was given, a range that ends before it starts
/// (`inverted`), or a range whose first end, read in the year before its
/// second, is a day that does not exist (`nonexistent`).
pub(crate) struct DateMatch {
    pub(crate) end: usize,
    pub(crate) period: Option<Period>,
    pub(crate) inverted: bool,
    pub(crate) nonexistent: bool,
    /// A weekday named before the date that the date does not fall on
    /// ("Monday, August 14, 2025": a Thursday): the weekday's full name
    /// and the date. The match has no period then, since one of the two
    /// is wrong and the text does not say which.
    pub(crate) wrong_weekday: Option<(&'static str, Period)>,
    /// A week named by a day that starts none ("the week of March 9,
    /// 2023", a Thursday): the day. The match has no period then, since
    /// the week starts on the Sunday or the Monday before it by the
    /// reader's custom (see [`week_of`]).
    pub(crate) midweek: Option<Period>,
}

/// The full names of the weekdays, from Monday = 0, as [`WEEKDAYS`]
/// numbers them.
const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// What a date expression becomes before resolution.
enum Value {
    Fixed(Period),
    /// Needs the reference date.
    Relative(Box<dyn Fn(NaiveDate) -> Option<Period>>),
    /// A range whose end is before its start ("between 2018 and 2016"):
    /// read as a date, so that it is not read as two numbers, but no
    /// period.
    Inverted,
    /// A range whose first end, without its year, names a day that the
    /// year before its second end does not have ("from February 29 to
    /// March 1, 2021"): read as a date, so that its numbers are not read
    /// as counts, but no period.
    Nonexistent,
}

fn fixed(period: Option<Period>) -> Option<Value> {
    period.map(Value::Fixed)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn capitalized(tokens: &Tokens, i: usize) -> bool {
    tokens.raw(i).chars().next().is_some_and(char::is_uppercase)
}

/// Words that are months or weekdays only when capitalized.
fn needs_capital(word: &str) -> bool {
    matches!(word, "may" | "march" | "mar" | "wed" | "sat" | "sun")
}

/// A month name at `i`, with an optional abbreviation dot.
fn month_at(tokens: &Tokens, i: usize) -> Option<(u32, usize)> {
    let word = strip_possessive(tokens.word(i)?);
    let month = lookup(MONTHS, word)?;
    if needs_capital(word) && !capitalized(tokens, i) {
        return None;
    }
    let mut end = i + 1;
    if word.len() <= 4 && tokens.punct(end) == Some('.') && tokens.joined(end) {
        end += 1;
    }
    Some((month, end))
}

fn weekday_at(tokens: &Tokens, i: usize) -> Option<(u32, usize)> {
    let word = strip_possessive(tokens.word(i)?);
    let day = lookup(WEEKDAYS, word)?;
    if needs_capital(word) && !capitalized(tokens, i) {
        return None;
    }
    if word.len() <= 5 && !word.ends_with("day") {
        // Abbreviations must be capitalized: "sun", "sat", "wed" are words.
        if !capitalized(tokens, i) {
            return None;
        }
    }
    let mut end = i + 1;
    if word.len() <= 5 && tokens.punct(end) == Some('.') && tokens.joined(end) {
        end += 1;
    }
    Some((day, end))
}

/// A day of the month: 1–31 in one or two digits, with an optional
/// ordinal suffix.
fn day_at(tokens: &Tokens, i: usize) -> Option<(u32, usize)> {
    let (value, digits, grouped, decimal) = tokens.number(i)?;
    if digits > 2 || grouped || decimal || !(1.0..=31.0).contains(&value) {
        return None;
    }
    let mut end = i + 1;
    if tokens.joined(end) {
        match tokens.word(end) {
            Some("st" | "nd" | "rd" | "th") => end += 1,
            Some(_) => return None,
            None => {
                if matches!(tokens.punct(end), Some(':' | '/' | '%')) {
                    return None;
                }
            }
        }
    }
    Some((value as u32, end))
}

/// A four-digit year, not the year of an ISO date ("April 30,
/// 2021-05-01": the year is 2021-05-01's, and April 30 has none).
fn year_at(tokens: &Tokens, i: usize) -> Option<(i32, usize)> {
    let (value, digits, grouped, decimal) = tokens.number(i)?;
    if digits != 4 || grouped || decimal || starts_iso_date(tokens, i) {
        return None;
    }
    let end = i + 1;
    if tokens.joined(end) && (tokens.word(end).is_some() || tokens.punct(end) == Some(':')) {
        return None;
    }
    Some((value as i32, end))
}

fn news_year(year: i32) -> bool {
    (1900..=2100).contains(&year)
}

/// True when the word before token `i` makes a four-digit number there a
/// year: "in 2015", "of 2021", "mid-2015", "2020 and 2021".
pub(crate) fn year_context(tokens: &Tokens, i: usize) -> bool {
    if i == 0 || tokens.breaks(i) {
        return false;
    }
    let before = i - 1;
    if let Some(word) = tokens.word(before) {
        if YEAR_CONTEXT.contains(&word) || lookup(MONTHS, strip_possessive(word)).is_some() {
            return true;
        }
        if matches!(word, "and" | "or" | "to") && i >= 2 {
            return year_at(tokens, i - 2).is_some_and(|(y, _)| news_year(y))
                && (i < 3 || year_context(tokens, i - 2));
        }
        return false;
    }
    if tokens.punct(before) == Some('-') && tokens.joined(i) && before > 0 {
        return matches!(tokens.word(before - 1), Some("mid" | "early" | "late"));
    }
    if tokens.punct(before) == Some('©') {
        return true;
    }
    if tokens.punct(before) == Some(',') && i >= 2 {
        return year_at(tokens, i - 2).is_some_and(|(y, _)| news_year(y))
            && year_context(tokens, i - 2);
    }
    false
}

fn resolve_month_day(month: u32, day: u32, reference: NaiveDate) -> Option<Period> {
    (0..9).find_map(|back| {
        let date = NaiveDate::from_ymd_opt(reference.year() - back, month, day)?;
        (date <= reference).then(|| Period::from_date(date))
    })
}

fn resolve_month(month: u32, reference: NaiveDate) -> Option<Period> {
    let year = if month <= reference.month() {
        reference.year()
    } else {
        reference.year() - 1
    };
    Period::month(year, month).ok()
}

fn last_day(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

fn days(year: i32, month: u32, from: u32, to: u32) -> Option<Period> {
    let to = to.min(last_day(year, month));
    Period::span(
        Period::day(year, month, from).ok()?,
        Period::day(year, month, to).ok()?,
    )
    .ok()
}

fn date_span(from: NaiveDate, to: NaiveDate) -> Option<Period> {
    Period::span(Period::from_date(from), Period::from_date(to)).ok()
}

/// A time at `i`: "04:11", "4:11 p.m.", "4 PM". Returns hour (0–23),
/// minute if given, and the end.
fn time_at(tokens: &Tokens, i: usize) -> Option<(u32, Option<u32>, usize)> {
    let (hour, digits, grouped, decimal) = tokens.number(i)?;
    if digits > 2 || grouped || decimal || hour > 23.0 {
        return None;
    }
    let mut hour = hour as u32;
    let mut end = i + 1;
    let mut minute = None;
    if tokens.punct(end) == Some(':') && tokens.joined(end) && tokens.joined(end + 1) {
        let (m, d, g, dec) = tokens.number(end + 1)?;
        if d != 2 || g || dec || m > 59.0 {
            return None;
        }
        minute = Some(m as u32);
        end += 2;
    }
    let meridiem = tokens.word(end).and_then(|w| lookup(MERIDIEM, w));
    match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            end += 1;
            if tokens.punct(end) == Some('.')
                && tokens.joined(end)
                && tokens.raw(end - 1).ends_with('m')
            {
                // "p.m" followed by its dot.
                end += 1;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        None if minute.is_none() => return None,
        None => {}
    }
    Some((hour, minute, end))
}

/// The same day (and time, to its precision) a year on, if it exists.
fn a_year_on(period: Period) -> Option<Period> {
    let start = period.start();
    let day = NaiveDate::from_ymd_opt(start.year() + 1, start.month(), start.day())?;
    match period.precision() {
        Precision::Day => Some(Period::from_date(day)),
        Precision::Hour => at_time(Period::from_date(day), start.hour(), None),
        Precision::Minute => at_time(Period::from_date(day), start.hour(), Some(start.minute())),
        Precision::Month | Precision::Year => None,
    }
}

fn at_time(day: Period, hour: u32, minute: Option<u32>) -> Option<Period> {
    let d = day.start_date();
    Period::at(d.year(), d.month(), d.day(), hour, minute).ok()
}

/// A month and day ending at `end`, then an optional `[,] Year`: fixed
/// with the year, else resolved looking back from the reference date.
fn with_optional_year(tokens: &Tokens, end: usize, month: u32, day: u32) -> Option<(usize, Value)> {
    let mut at = end;
    if tokens.punct(at) == Some(',') {
        at += 1;
    }
    if let Some((year, after_year)) = year_at(tokens, at) {
        return Some((after_year, fixed(Period::day(year, month, day).ok())?));
    }
    Some((
        end,
        Value::Relative(Box::new(move |r| resolve_month_day(month, day, r))),
    ))
}

/// A full date from `i`: month-day or day-month, with an optional year.
fn calendar_date(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    // Month Day [, Year]
    if let Some((month, after_month)) = month_at(tokens, i)
        && let Some((day, end)) = day_at(tokens, after_month)
    {
        return with_optional_year(tokens, end, month, day);
    }
    // Day [of] Month [,] [Year]
    if let Some((day, after_day)) = day_at(tokens, i) {
        let mut at = after_day;
        if tokens.is(at, "of") {
            at += 1;
        }
        if let Some((month, end)) = month_at(tokens, at) {
            return with_optional_year(tokens, end, month, day);
        }
    }
    None
}

fn year_at_iso(tokens: &Tokens, i: usize) -> Option<(i32, usize)> {
    let (value, digits, grouped, decimal) = tokens.number(i)?;
    (digits == 4 && !grouped && !decimal).then_some((value as i32, i + 1))
}

fn iso_date(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let (year, at) = year_at_iso(tokens, i)?;
    let two = |k: usize| -> Option<u32> {
        let (v, d, g, dec) = tokens.number(k)?;
        (d == 2
            && !g
            && !dec
            && tokens.joined(k)
            && tokens.punct(k - 1) == Some('-')
            && tokens.joined(k - 1))
        .then_some(v as u32)
    };
    let month = two(at + 1)?;
    let day = two(at + 3)?;
    let end = at + 4;
    if tokens.joined(end) && (tokens.number(end).is_some() || tokens.word(end).is_some()) {
        return None;
    }
    Some((end, fixed(Period::day(year, month, day).ok())?))
}

/// An ISO 8601 timestamp at `i`, its parts joined: `YYYY-MM-DDTHH:MM`,
/// with seconds and their fraction if given ("2021-08-26T16:11",
/// "2021-08-26T16:11:05.5"), and the zone after it if given ("Z",
/// "+02:00", "-0500"). The token after it, and the minute it names, to
/// which the table reader also reads a timestamp; `None` for the
/// minute when a zone is given, which the table reader refuses: the
/// scanner gives no mention for it, rather than the time alone on the
/// reference day.
pub(crate) fn iso_timestamp_at(tokens: &Tokens, i: usize) -> Option<(usize, Option<Period>)> {
    let (year, at) = year_at_iso(tokens, i)?;
    let two = |k: usize, max: f64| -> Option<u32> {
        let (v, d, g, _) = tokens.number(k)?;
        (d == 2 && !g && v < max + 1.0 && tokens.joined(k)).then_some(v as u32)
    };
    let dash = |k: usize| tokens.punct(k) == Some('-') && tokens.joined(k);
    let colon = |k: usize| tokens.punct(k) == Some(':') && tokens.joined(k);
    if !(dash(at) && dash(at + 2)) {
        return None;
    }
    let month = two(at + 1, 12.0)?;
    let day = two(at + 3, 31.0)?;
    let t = at + 4;
    if !(tokens.is(t, "t") && tokens.joined(t)) {
        return None;
    }
    let whole = |k: usize| tokens.number(k).is_some_and(|(_, _, _, decimal)| !decimal);
    if !(whole(t + 1) && colon(t + 2) && whole(t + 3)) {
        return None;
    }
    let hour = two(t + 1, 23.0)?;
    let minute = two(t + 3, 59.0)?;
    let mut end = t + 4;
    if colon(end) {
        two(end + 1, 60.0)?;
        end += 2;
    }
    let mut zoned = false;
    if tokens.is(end, "z") && tokens.joined(end) {
        zoned = true;
        end += 1;
    } else if matches!(tokens.punct(end), Some('+' | '-' | '\u{2212}'))
        && tokens.joined(end)
        && tokens.number(end + 1).is_some()
        && tokens.joined(end + 1)
    {
        zoned = true;
        end += 2;
        if colon(end) && tokens.number(end + 1).is_some() {
            end += 2;
        }
    }
    if tokens.joined(end) && (tokens.number(end).is_some() || tokens.word(end).is_some()) {
        return None;
    }
    let day = Period::day(year, month, day).ok()?;
    let minute = at_time(day, hour, Some(minute))?;
    Some((end, (!zoned).then_some(minute)))
}

/// A leap year: a day that does not exist in it exists in no year.
const LEAP_YEAR: i32 = 2000;

/// True when an ISO date is read at `i` ([`iso_date`]: `YYYY-MM-DD`
/// joined, a day that exists, nothing joined after it): its year is not
/// the year of a date before it ("April 31, 2021-05-01"). The shape alone
/// is not enough: "May 1, 2021-13-01" and "May 1, 2021-05-01T10:00" read
/// no ISO date, and "May 1, 2021" keeps its year.
fn starts_iso_date(tokens: &Tokens, i: usize) -> bool {
    iso_date(tokens, i).is_some()
}

/// When the tokens at `i` name a day that does not exist ("February 30,
/// 2021", "31 April 2020", "2021-02-30"), the token after it and that day
/// as written, for an error message. A weekday before it ("Saturday, April
/// 31, 2021") and a range's opener ("between 5 and 31 June 1999") are part
/// of it. A day without its year ("Sept. 31") is judged as a day of any
/// year: February 29 exists, September 31 does not. A year that begins an
/// ISO date ("April 31, 2021-05-01") is not the day's: the day alone is
/// judged so too, and the ISO date after it is left to be read.
pub(crate) fn impossible_date_at(tokens: &Tokens, i: usize) -> Option<(usize, String)> {
    let exists = |year: i32, month: u32, day: u32| Period::day(year, month, day).is_ok();
    let spanned = |end: usize| (end, tokens.raw_span(i, end).to_string());
    let mut i = i;
    if let Some((_, after)) = weekday_at(tokens, i) {
        i = after + usize::from(tokens.punct(after) == Some(','));
    }
    let opener = tokens.word(i).filter(|w| matches!(*w, "between" | "from"));
    if opener.is_some() {
        i += 1;
    }
    // A second day after a dash or a range's word ("30-31 April 2025",
    // "April 30-31, 2025", "30 to 31 April 2025", "between 5 and 31 June
    // 1999"): both days must exist.
    let second_day = |k: usize| -> Option<(u32, usize)> {
        let joined = matches!(tokens.punct(k), Some('-' | '–' | '‐'))
            || tokens.word(k).is_some_and(|w| match opener {
                Some("between") => w == "and",
                _ => matches!(w, "to" | "until" | "through" | "till" | "thru" | "or"),
            });
        if joined { day_at(tokens, k + 1) } else { None }
    };
    // Month Day[-Day] [,] Year
    if let Some((month, after_month)) = month_at(tokens, i)
        && let Some((day, end)) = day_at(tokens, after_month)
    {
        let (day, end) = match second_day(end) {
            Some((last, after)) => (day.max(last), after),
            None => (day, end),
        };
        let at = end + usize::from(tokens.punct(end) == Some(','));
        if starts_iso_date(tokens, at) {
            return (!exists(LEAP_YEAR, month, day)).then(|| spanned(end));
        }
        if let Some((year, after_year)) = year_at(tokens, at) {
            return (!exists(year, month, day)).then(|| spanned(after_year));
        }
        // Without its year, a day no year has ("Sept. 31").
        return (!exists(LEAP_YEAR, month, day)).then(|| spanned(end));
    }
    // Day[-Day] [of] Month [,] Year
    if let Some((day, after_day)) = day_at(tokens, i) {
        let (day, after_day) = match second_day(after_day) {
            Some((last, after)) => (day.max(last), after),
            None => (day, after_day),
        };
        let at = after_day + usize::from(tokens.is(after_day, "of"));
        if let Some((month, end)) = month_at(tokens, at) {
            let at = end + usize::from(tokens.punct(end) == Some(','));
            if starts_iso_date(tokens, at) {
                return (!exists(LEAP_YEAR, month, day)).then(|| spanned(end));
            }
            if let Some((year, after_year)) = year_at(tokens, at) {
                return (!exists(year, month, day)).then(|| spanned(after_year));
            }
            return (!exists(LEAP_YEAR, month, day)).then(|| spanned(end));
        }
    }
    // YYYY-MM-DD with a month of 1 to 12 and a day of 1 to 31
    let (year, at) = year_at_iso(tokens, i)?;
    let two = |k: usize| -> Option<u32> {
        let (v, d, g, dec) = tokens.number(k)?;
        (d == 2 && !g && !dec && tokens.joined(k) && tokens.punct(k - 1) == Some('-'))
            .then_some(v as u32)
    };
    let month = two(at + 1)?;
    let day = two(at + 3)?;
    ((1..=12).contains(&month) && (1..=31).contains(&day) && !exists(year, month, day))
        .then(|| spanned(at + 4))
}

/// A calendar date optionally followed by a time, optionally preceded by
/// a weekday.
fn full_date(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let mut start = i;
    if let Some((_, after_weekday)) = weekday_at(tokens, i) {
        start = after_weekday;
        if tokens.punct(start) == Some(',') {
            start += 1;
        }
    }
    let (mut end, value) = calendar_date(tokens, start).or_else(|| iso_date(tokens, start))?;
    // An optional time after the date.
    let mut at = end;
    if tokens.punct(at) == Some(',') || tokens.is(at, "at") {
        at += 1;
    }
    if let Some((hour, minute, after_time)) = time_at(tokens, at) {
        end = after_time;
        let value = match value {
            Value::Fixed(day) => Value::Fixed(at_time(day, hour, minute)?),
            Value::Relative(f) => Value::Relative(Box::new(move |r| at_time(f(r)?, hour, minute))),
            other @ (Value::Inverted | Value::Nonexistent) => other,
        };
        return Some((end, value));
    }
    Some((end, value))
}

/// A time, optionally followed by a date: "04:11 PM", "04:11 PM August 26".
fn time_first(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let (hour, minute, end) = time_at(tokens, i)?;
    let mut at = end;
    if tokens.punct(at) == Some(',') || tokens.is(at, "on") {
        at += 1;
    }
    if let Some((date_end, value)) = full_date(tokens, at) {
        let value = match value {
            Value::Fixed(day) if day.precision() == crate::period::Precision::Day => {
                Value::Fixed(at_time(day, hour, minute)?)
            }
            Value::Fixed(_) => return None,
            Value::Relative(f) => Value::Relative(Box::new(move |r| at_time(f(r)?, hour, minute))),
            other @ (Value::Inverted | Value::Nonexistent) => other,
        };
        return Some((date_end, value));
    }
    Some((
        end,
        Value::Relative(Box::new(move |r| {
            at_time(Period::from_date(r), hour, minute)
        })),
    ))
}

/// "Month Year": "October 2014", "May, 2021".
fn month_year(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let (month, mut at) = month_at(tokens, i)?;
    if tokens.punct(at) == Some(',') {
        at += 1;
    }
    let (year, end) = year_at(tokens, at)?;
    Some((end, fixed(Period::month(year, month).ok())?))
}

/// "Year Month": "2016 November", "2016, nov". "May" and "March" are not
/// read here, so "by 2015 May rise" stays a year.
fn year_month(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let (year, mut at) = year_at(tokens, i)?;
    if !news_year(year) {
        return None;
    }
    if tokens.punct(at) == Some(',') {
        at += 1;
    }
    let word = strip_possessive(tokens.word(at)?);
    if needs_capital(word) {
        return None;
    }
    let (month, end) = month_at(tokens, at)?;
    Some((end, fixed(Period::month(year, month).ok())?))
}

/// A bare month after a context word: "in May", "since August".
fn bare_month(tokens: &Tokens, i: usize, strict: bool) -> Option<(usize, Value)> {
    let (month, end) = month_at(tokens, i)?;
    let context = i > 0
        && !tokens.breaks(i)
        && tokens
            .word(i - 1)
            .is_some_and(|w| MONTH_CONTEXT.contains(&w));
    // A full month name, capitalized, is a month anywhere; "May" and
    // "March" need a context word, and abbreviations too ("Jan" is a name).
    let word = strip_possessive(tokens.word(i)?);
    let full_name = word.len() >= 5 && !needs_capital(word) && capitalized(tokens, i);
    if !(strict || context || full_name) {
        return None;
    }
    Some((
        end,
        Value::Relative(Box::new(move |r| resolve_month(month, r))),
    ))
}

/// "mid-August", "early May 2021", "late August".
fn part_of_month(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let word = tokens.word(i)?;
    let (part, month, mut end) = if let Some(rest) = word.strip_prefix("mid-") {
        let month = lookup(MONTHS, strip_possessive(rest))?;
        if needs_capital(rest)
            && !tokens
                .raw(i)
                .get(4..)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        {
            return None;
        }
        ("mid", month, i + 1)
    } else if matches!(word, "mid" | "early" | "late") {
        let mut at = i + 1;
        if tokens.punct(at) == Some('-') && tokens.joined(at) {
            at += 1;
        }
        let Some((month, end)) = month_at(tokens, at) else {
            return part_of_a_year(tokens, word, at);
        };
        (word_part(word), month, end)
    } else {
        return None;
    };
    let (from, to) = match part {
        "early" => (1, 10),
        "mid" => (11, 20),
        _ => (21, 31),
    };
    let mut at = end;
    if tokens.punct(at) == Some(',') {
        at += 1;
    }
    if let Some((year, after)) = year_at(tokens, at) {
        end = after;
        return Some((end, fixed(days(year, month, from, to))?));
    }
    Some((
        end,
        Value::Relative(Box::new(move |r| {
            let m = resolve_month(month, r)?;
            let d = m.start_date();
            days(d.year(), d.month(), from, to)
        })),
    ))
}

/// "early 2023", "mid-2022", "late 2022": a third of the year, four
/// months at month precision (January to April, May to August,
/// September to December), as "early March" is a third of the month
/// (days 1–10). `at` is the token after "early", "mid" or "late" and
/// its hyphen; the year must be one news would name (1900–2100).
fn part_of_a_year(tokens: &Tokens, word: &str, at: usize) -> Option<(usize, Value)> {
    let (year, end) = year_at(tokens, at)?;
    if !news_year(year) {
        return None;
    }
    let (first, last) = match word_part(word) {
        "early" => (1, 4),
        "mid" => (5, 8),
        _ => (9, 12),
    };
    let span = Period::span(
        Period::month(year, first).ok()?,
        Period::month(year, last).ok()?,
    )
    .ok()?;
    Some((end, Value::Fixed(span)))
}

fn word_part(word: &str) -> &'static str {
    match word {
        "early" => "early",
        "late" => "late",
        _ => "mid",
    }
}

/// A year in context, or a span of years.
fn years(tokens: &Tokens, i: usize, strict: bool) -> Option<(usize, Value)> {
    // between Year and Year / from Year to Year
    if let Some(word) = tokens.word(i) {
        let joiners: &[&str] = match word {
            "between" => &["and"],
            "from" => &["to", "until", "through", "till"],
            _ => return None,
        };
        let (y1, at) = year_at(tokens, i + 1)?;
        if !tokens.word(at).is_some_and(|w| joiners.contains(&w)) {
            return None;
        }
        let (y2, end) = year_at(tokens, at + 1)?;
        return year_span(y1, y2, end);
    }
    let (y1, at) = year_at(tokens, i)?;
    if !news_year(y1) {
        return None;
    }
    let context = strict || year_context(tokens, i);
    // Year–Year
    if matches!(tokens.punct(at), Some('-' | '–' | '—'))
        && let Some((y2, end)) = year_at(tokens, at + 1)
        && news_year(y2)
        && y2 > y1
    {
        return year_span(y1, y2, end);
    }
    if !context {
        return None;
    }
    Some((at, fixed(Period::year(y1).ok())?))
}

fn year_span(y1: i32, y2: i32, end: usize) -> Option<(usize, Value)> {
    if !(news_year(y1) && news_year(y2)) || y2 == y1 {
        return None;
    }
    if y2 < y1 {
        return Some((end, Value::Inverted));
    }
    let span = Period::span(Period::year(y1).ok()?, Period::year(y2).ok()?).ok()?;
    Some((end, Value::Fixed(span)))
}

/// "the first four months of 2021", "the second half of 2020", "the
/// third quarter of 2019".
fn part_of_year(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let mut at = i;
    if tokens.is(at, "the") {
        at += 1;
    }
    let which = tokens.word(at)?;
    at += 1;
    let (first, last) = match which {
        "first" | "last" => {
            let (count, unit_at) =
                match super::number::number_at(tokens, &super::number::Notation::NONE, at) {
                    Some(n) if n.value.fract() == 0.0 && (1.0..=12.0).contains(&n.value) => {
                        (n.value as u32, n.end)
                    }
                    _ => (1, at),
                };
            let unit = tokens.word(unit_at)?;
            at = unit_at + 1;
            let months = match unit {
                "months" | "month" if unit_at > i => count,
                "half" => 6,
                "quarter" => 3,
                _ => return None,
            };
            if which == "first" {
                (1, months)
            } else {
                (13 - months, 12)
            }
        }
        "second" | "third" | "fourth" => {
            let n = match which {
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            let unit = tokens.word(at)?;
            at += 1;
            match unit {
                "half" if n == 2 => (7, 12),
                "quarter" => (n * 3 - 2, n * 3),
                _ => return None,
            }
        }
        _ => return None,
    };
    if !tokens.is(at, "of") {
        return None;
    }
    let (year, end) = year_at(tokens, at + 1)?;
    let span = Period::span(
        Period::month(year, first).ok()?,
        Period::month(year, last).ok()?,
    )
    .ok()?;
    Some((end, Value::Fixed(span)))
}

/// A quarter or a half of a year written as a code: "Q1 2026",
/// "Q3-2025", "Q2 of 2024", "2026-Q1", "2026 Q4", "H1 2026", "2025-H2":
/// the three or six months it names, as "the first quarter of 2026" is.
/// The letter and its number are written together, and the number is
/// one digit that names a quarter (1–4) or a half (1–2), so "H1N1" and
/// "Q12" are not codes. A code without its year ("in Q3") is not read:
/// which year it means is not said.
fn year_part_code(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    // The code at `k`: the first and last month it names, and the token
    // after it.
    let code = |k: usize| -> Option<(u32, u32, usize)> {
        let letter = tokens.word(k)?;
        let (n, digits, grouped, decimal) = tokens.number(k + 1)?;
        let end = k + 2;
        if digits != 1
            || grouped
            || decimal
            || !tokens.joined(k + 1)
            || tokens.joined(end) && (tokens.word(end).is_some() || tokens.number(end).is_some())
        {
            return None;
        }
        let n = n as u32;
        match letter {
            "q" if (1..=4).contains(&n) => Some((n * 3 - 2, n * 3, end)),
            "h" if (1..=2).contains(&n) => Some((n * 6 - 5, n * 6, end)),
            _ => None,
        }
    };
    // Between the code and its year: a space, a hyphen written close on
    // both sides, or "of" after the code.
    let gap = |at: usize, of: bool| -> Option<usize> {
        let hyphen = tokens.punct(at) == Some('-') && tokens.joined(at) && tokens.joined(at + 1);
        if hyphen || of && tokens.is(at, "of") {
            Some(at + 1)
        } else {
            (!tokens.joined(at)).then_some(at)
        }
    };
    let (first, last, year, end) = match code(i) {
        Some((first, last, at)) => {
            let (year, end) = year_at(tokens, gap(at, true)?)?;
            (first, last, year, end)
        }
        None => {
            let (year, at) = year_at(tokens, i)?;
            let (first, last, end) = code(gap(at, false)?)?;
            (first, last, year, end)
        }
    };
    if !news_year(year) {
        return None;
    }
    let span = Period::span(
        Period::month(year, first).ok()?,
        Period::month(year, last).ok()?,
    )
    .ok()?;
    Some((end, Value::Fixed(span)))
}

/// Days, weeks, months and years named from the reference date.
fn relative(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let word = tokens.word(i)?;
    let day = |offset: i64| -> Value {
        Value::Relative(Box::new(move |r: NaiveDate| {
            Some(Period::from_date(r + Duration::days(offset)))
        }))
    };
    match word {
        "today" | "tonight" => return Some((i + 1, day(0))),
        "yesterday" => return Some((i + 1, day(-1))),
        "tomorrow" => return Some((i + 1, day(1))),
        _ => {}
    }
    // Weekdays: "Tuesday", "last Tuesday", "this Friday", "next
    // Tuesday", "this coming Tuesday", "this past Tuesday".
    let (modifier, at) = match word {
        "this" if tokens.is(i + 1, "coming") => (Some("coming"), i + 2),
        "this" if tokens.is(i + 1, "past") => (Some("past"), i + 2),
        "last" | "this" | "next" | "past" | "coming" => (Some(word), i + 1),
        _ => (None, i),
    };
    if let Some((weekday, end)) = weekday_at(tokens, at) {
        // "Monday last week", "Friday of next week": that day of the
        // week named, where English gives it one day.
        if modifier.is_none()
            && let Some((shift, after)) = relative_unit_after(tokens, end, "week")
        {
            return Some((after, weekday_of_week(weekday, shift)));
        }
        let back_at_least = match modifier {
            Some("last" | "past") => 1,
            Some("this") => return Some((end, weekday_ahead("this", weekday))),
            Some("next") => return Some((end, weekday_ahead("next", weekday))),
            Some("coming") => return Some((end, weekday_ahead("coming", weekday))),
            _ => 0,
        };
        return Some((
            end,
            Value::Relative(Box::new(move |r: NaiveDate| {
                let today = i64::from(r.weekday().num_days_from_monday());
                let mut back = (today - i64::from(weekday)).rem_euclid(7);
                if back < back_at_least {
                    back += 7;
                }
                Some(Period::from_date(r - Duration::days(back)))
            })),
        ));
    }
    let modifier = modifier?;
    // "next August", "this December", "last August": read as
    // [`month_named`] says. (Only "next" had been read; the scanner read
    // the others as the bare month, looking back, a year off: "this
    // December" said in August was last December, eighteenth audit, E1.)
    if let Some((month, end)) = month_at(tokens, at) {
        return Some((end, month_named(modifier, month)));
    }
    let unit = tokens.word(at)?;
    let shift: i64 = match modifier {
        "last" | "past" => -1,
        "this" => 0,
        _ => 1,
    };
    let end = at + 1;
    let value: Box<dyn Fn(NaiveDate) -> Option<Period>> = match unit {
        "night" if modifier == "last" => {
            Box::new(|r: NaiveDate| Some(Period::from_date(r - Duration::days(1))))
        }
        "morning" | "afternoon" | "evening" if modifier == "this" => {
            Box::new(|r: NaiveDate| Some(Period::from_date(r)))
        }
        "week" => Box::new(move |r: NaiveDate| {
            let monday = r - Duration::days(i64::from(r.weekday().num_days_from_monday()))
                + Duration::weeks(shift);
            date_span(monday, monday + Duration::days(6))
        }),
        "month" => Box::new(move |r: NaiveDate| {
            let index = i64::from(r.year()) * 12 + i64::from(r.month0()) + shift;
            let year = i32::try_from(index.div_euclid(12)).ok()?;
            Period::month(year, index.rem_euclid(12) as u32 + 1).ok()
        }),
        "year" => {
            Box::new(move |r: NaiveDate| Period::year(r.year() + i32::try_from(shift).ok()?).ok())
        }
        _ => return None,
    };
    Some((end, Value::Relative(value)))
}

/// A month named with a modifier, resolved only where English gives it
/// one month:
///
/// - "this December", "this March": the reference year's, as "December
///   this year" is, whether it is past or to come;
/// - "last August": the year before's when that August is the most
///   recent before the reference month too ("last August" or "last
///   December" said in August); one earlier in the reference year ("last
///   July" said in August) may be last month or the July of the year
///   before, and gives no date;
/// - "this past July", "past July": the most recent before the reference
///   month;
/// - "this coming September", "coming September": the first after the
///   reference month;
/// - "next August": the year after's when that August is the first after
///   the reference month too ("next August" said in August); one later
///   in the reference year ("next September" said in August) may be next
///   month or the September of the year after, and gives no date.
fn month_named(modifier: &str, month: u32) -> Value {
    let modifier = match modifier {
        "last" => "last",
        "past" => "past",
        "this" => "this",
        "coming" => "coming",
        _ => "next",
    };
    Value::Relative(Box::new(move |r: NaiveDate| {
        let (this, year) = (r.month(), r.year());
        let year = match modifier {
            "this" => year,
            "last" if month >= this => year - 1,
            "past" if month < this => year,
            "past" => year - 1,
            "coming" if month > this => year,
            "coming" => year + 1,
            "next" if month <= this => year + 1,
            _ => return None,
        };
        Period::month(year, month).ok()
    }))
}

/// "this|last|next UNIT" at `i`, with an optional "of" before it ("of
/// last week"): the shift (0, -1 or 1) and the token after the unit.
fn relative_unit_after(tokens: &Tokens, i: usize, unit: &str) -> Option<(i32, usize)> {
    let at = i + usize::from(tokens.is(i, "of"));
    if (i..at + 2).any(|k| tokens.breaks(k)) || !tokens.is(at + 1, unit) {
        return None;
    }
    let shift = match tokens.word(at)? {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    Some((shift, at + 2))
}

/// A month, or a month and its day, followed by a year named from the
/// reference date: "December this year", "September next year", "May
/// of last year", "December 5 next year". (The scanner had read the
/// month bare, looking back, and the year as a mention of its own:
/// "September next year" said in August was September of the year
/// before, eighteenth audit, E1.)
fn month_of_relative_year(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let (month, mut at) = month_at(tokens, i)?;
    let day = day_at(tokens, at).filter(|_| !tokens.breaks(at));
    if let Some((_, end)) = day {
        at = end;
    }
    let (shift, end) = relative_unit_after(tokens, at, "year")?;
    let resolve = move |r: NaiveDate| {
        let year = r.year() + shift;
        match day {
            Some((day, _)) => Period::day(year, month, day).ok(),
            None => Period::month(year, month).ok(),
        }
    };
    Some((end, Value::Relative(Box::new(resolve))))
}

/// A weekday of the week before (`shift` -1), of the reference date's
/// week (0) or of the week after (1), counted from Monday (0): "Monday
/// last week". The day only where weeks starting on Monday and weeks
/// starting on Sunday give the same one: "Monday last week" said on a
/// Sunday is the Monday six days before it, or the one thirteen days
/// before, by the reader's custom, and gives no date, as "next Tuesday"
/// said on a Sunday does (see [`weekday_ahead`]).
fn weekday_of_week(weekday: u32, shift: i32) -> Value {
    Value::Relative(Box::new(move |r: NaiveDate| {
        let week = Duration::weeks(i64::from(shift));
        let monday = r - Duration::days(i64::from(r.weekday().num_days_from_monday())) + week;
        let sunday = r - Duration::days(i64::from(r.weekday().num_days_from_sunday())) + week;
        let from_monday = monday + Duration::days(i64::from(weekday));
        let from_sunday = sunday + Duration::days(i64::from((weekday + 1) % 7));
        (from_monday == from_sunday).then(|| Period::from_date(from_monday))
    }))
}

/// A weekday named ahead of the reference date, `weekday` counted from
/// Monday (0), resolved only where English gives it one day:
///
/// - "this coming Tuesday", "coming Tuesday": the first after the
///   reference day;
/// - "this Friday": that day of the reference day's week (Monday to
///   Sunday) when it is the reference day or after it; one before it
///   ("this Monday" said on Thursday) may be the Monday past or the one
///   to come, and gives no date;
/// - "next Tuesday": the first after the reference day when that lies in
///   the next week whether weeks start on Monday or on Sunday ("next
///   Tuesday" said on a Thursday is five days on). Where it lies in the
///   reference day's own week ("next Friday" said on a Monday, "next
///   Tuesday" said on a Sunday), English means either it or the one a
///   week later, and it gives no date.
fn weekday_ahead(modifier: &'static str, weekday: u32) -> Value {
    Value::Relative(Box::new(move |r: NaiveDate| {
        let today = r.weekday().num_days_from_monday();
        let ahead = i64::from((weekday + 7 - today) % 7);
        let day = |days: i64| Some(Period::from_date(r + Duration::days(days)));
        match modifier {
            "coming" => day(if ahead == 0 { 7 } else { ahead }),
            "this" if weekday >= today => day(ahead),
            "next" => {
                // From Sunday (0) in a week that starts on Sunday.
                let from_sunday = |d: u32| (d + 1) % 7;
                let past_in_both = weekday <= today && from_sunday(weekday) <= from_sunday(today);
                past_in_both.then(|| day(if ahead == 0 { 7 } else { ahead }))?
            }
            _ => None,
        }
    }))
}

/// One end of a date range: a full date, a month and year, a bare month, a
/// year, or a relative expression.
fn range_end(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    [
        full_date(tokens, i),
        month_year(tokens, i),
        year_month(tokens, i),
        bare_month(tokens, i, true),
        year_at(tokens, i)
            .filter(|(y, _)| news_year(*y))
            .and_then(|(y, end)| Some((end, fixed(Period::year(y).ok())?))),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(end, _)| *end)
}

/// The span of a range from `first` to `second`, both included: from the
/// start of the first end to the end of the second, at the finer
/// precision of the two. A first end finer than the second starts the
/// range at its precision, and the range runs to the end of the second:
/// "from May 5 to May 2021" is May 5 to 31, "from 15 February to March
/// 2019" is 15 February to 31 March. A second end finer than the first
/// ends it, and the range starts where the first does: "from May 2021 to
/// May 5" is May 1 to 5, "from February 2019 to 15 March" is 1 February
/// to 15 March. At the coarser precision the finer end was lost: all of
/// May, or February to March.
fn range_span(first: Period, second: Period) -> Option<Period> {
    if first.precision() < second.precision() {
        let last = Period::containing(second.end() - Duration::minutes(1), first.precision());
        return Period::span(first, last).ok();
    }
    if second.precision() < first.precision() {
        let start = Period::containing(first.start(), second.precision());
        return Period::span(start, second).ok();
    }
    Period::span(first, second).ok()
}

/// Joins the two ends of a range into one span, closed at both ends as
/// news means it ("from 2014 to 2018" includes 2018).
fn join(first: Value, second: Value) -> Value {
    let span = range_span;
    match (first, second) {
        (Value::Nonexistent, _) | (_, Value::Nonexistent) => Value::Nonexistent,
        (Value::Inverted, _) | (_, Value::Inverted) => Value::Inverted,
        (Value::Fixed(a), Value::Fixed(b)) => match span(a, b) {
            Some(p) => Value::Fixed(p),
            None => Value::Inverted,
        },
        // "from 30 April 2021 to 1 May", "from May 2021 to June": an open
        // second end takes its year from the first, whatever the
        // reference date, and with none: it is the first of its days (or
        // months) that does not end before the first end starts, as
        // "from December 2020 to January" is December 2020 to January
        // 2021. (It had been resolved back from the reference, so a
        // range still running on the reference day ended a year before
        // it started; then it was kept only if it ended by [`AHEAD`]
        // days after the reference date, so "from May 2021 to June",
        // said on 3 May 2021, was no date.) The limit is for a range
        // with no year at either end, which only the reference date
        // places; here the first end places it.
        (Value::Fixed(a), Value::Relative(g)) => {
            let Some(b) = onward(&*g, a) else {
                return Value::Nonexistent;
            };
            if wraps_to_its_month(a, b) {
                return Value::Inverted;
            }
            match span(a, b) {
                Some(p) => Value::Fixed(p),
                None => Value::Inverted,
            }
        }
        // "from Feb 1st to March 2019", "30 April-1 May 2021": an open
        // first end (a month, or a day without its year) takes its year
        // from the second, resolving back from where that ends, whatever
        // the reference date, and with none: a range is read forward, and
        // its first end comes just before its second. (It had been
        // resolved back from the reference first, so a range written
        // before it happened spanned a year too many, and without a
        // reference it was no date.)
        // A second end of a whole year ("from December to 2021") is
        // reached from the year before: the first end is not inside it.
        // The first end lies within the year up to where it is resolved
        // from: a day that year lacks ("February 29" before "March 1,
        // 2021") is no date, not that day of the last leap year, which
        // made a range of thirteen months.
        (Value::Relative(f), Value::Fixed(b)) => {
            let from = if b.precision() == crate::period::Precision::Year {
                b.start().date().pred_opt()
            } else {
                b.end().date().pred_opt()
            };
            let Some(from) = from else {
                return Value::Nonexistent;
            };
            let year_before = from.checked_sub_months(Months::new(12));
            match f(from) {
                Some(first) if year_before.is_some_and(|y| first.start_date() > y) => {
                    match span(first, b) {
                        Some(p) => Value::Fixed(p),
                        None => Value::Inverted,
                    }
                }
                _ => Value::Nonexistent,
            }
        }
        // "from 30 April to 1 May", "from December 30 to January 2": the
        // first end is resolved back from the reference, the most recent
        // such day not after it, and the second read onward from the
        // first. (Each had been resolved back from the reference on its
        // own, so a range still running on the reference day, whose
        // second end is after it, was inverted and no date.)
        // Read so, the range is kept only if it ends by [`AHEAD`] days
        // after the reference date; otherwise it is read from the first
        // end's previous occurrence, the reading that has ended: "from
        // May 1 to April 30", said on 3 May 2021, is the twelve months to
        // 30 April 2021, not to 30 April 2022.
        (Value::Relative(f), Value::Relative(g)) => Value::Relative(Box::new(move |r| {
            let read = |first: Period| {
                let second = onward(&*g, first).filter(|&b| !wraps_to_its_month(first, b))?;
                span(first, second)
            };
            let first = f(r)?;
            let p = read(first)?;
            if ended_by(p, r) {
                return Some(p);
            }
            read(f(first.start_date().pred_opt()?)?).filter(|&p| ended_by(p, r))
        })),
    }
}

/// How many days after the reference date a range with no year at
/// either end, read forward from its first end, may end: one still
/// running when it is written ("from 30 April to 1 May", said on 30
/// April) ends soon after it; one that ends far after it ("from May 1 to
/// April 30", said on 3 May) is the one that has just ended, as a date
/// without its year is read looking back. A range with a year at one end
/// takes the other end's year from it, with no limit.
const AHEAD: i64 = 31;

/// True when `second`, read onward from `first`, is in the month `first`
/// starts in, a year or more later: "from May 5 to May 1" or "28 May - 5
/// May" is an inverted range, not one of eleven months and more, where
/// "from May 1 to April 30" (a fiscal year) names two months and wraps.
fn wraps_to_its_month(first: Period, second: Period) -> bool {
    use chrono::Datelike;
    let (a, b) = (first.start_date(), second.start_date());
    b.year() > a.year() && b.month() == a.month()
}

/// True when `period` ends at most [`AHEAD`] days after `reference`.
fn ended_by(period: Period, reference: NaiveDate) -> bool {
    reference
        .checked_add_signed(Duration::days(AHEAD + 1))
        .is_some_and(|limit| period.end() <= limit.and_time(chrono::NaiveTime::MIN))
}

/// The first period that `second`, an end without its year (a day or a
/// month, resolved back from the date it is given), names and that does
/// not end before `first` starts: "1 May" after 30 April 2021 is 1 May
/// 2021, "May" after 5 May 2021 is May 2021. `None` when there is none
/// within a year of `first` ("February 29" after 1 March 2021).
///
/// `second` resolved back from a later date is never earlier, so the
/// earliest date from `first` on at which it reaches `first` is found by
/// halving the year after it.
fn onward(second: &dyn Fn(NaiveDate) -> Option<Period>, first: Period) -> Option<Period> {
    let from = first.start_date();
    let reaches = |days: u64| {
        let anchor = from.checked_add_days(chrono::Days::new(days))?;
        second(anchor).filter(|p| p.end() > first.start())
    };
    let (mut low, mut high) = (0, 366);
    reaches(high)?;
    while low < high {
        let middle = low + (high - low) / 2;
        if reaches(middle).is_some() {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    reaches(low)
}

/// Days `from` to `to` of one month, each a day that exists: "30-31
/// April" names a day April does not have and is no date, where
/// [`days`] (for "late April") stops at the month's end.
fn exact_days(year: i32, month: u32, from: u32, to: u32) -> Option<Period> {
    Period::span(
        Period::day(year, month, from).ok()?,
        Period::day(year, month, to).ok()?,
    )
    .ok()
}

/// A span of days in one month whose days end at `end`, then an optional
/// `[,] Year`: fixed with the year, else resolved looking back from the
/// reference date as a single day is ("13-14 August" is the most recent
/// 13 August not after it, and the day after). `from` after `to` is a
/// range the wrong way round ("14-13 August"), read as a date so that its
/// numbers are not read as a count, but with no period.
fn day_span(tokens: &Tokens, end: usize, month: u32, from: u32, to: u32) -> Option<(usize, Value)> {
    let mut at = end;
    if tokens.punct(at) == Some(',') {
        at += 1;
    }
    let year = year_at(tokens, at);
    if from > to {
        return Some((year.map_or(end, |(_, after)| after), Value::Inverted));
    }
    if let Some((year, after_year)) = year {
        return Some((after_year, fixed(exact_days(year, month, from, to))?));
    }
    Some((
        end,
        Value::Relative(Box::new(move |r| {
            let first = resolve_month_day(month, from, r)?;
            exact_days(first.start_date().year(), month, from, to)
        })),
    ))
}

/// Ranges of dates: "between Oct. 2 and October 22", "from Feb 1st to
/// March 2019", "Oct. 2 to October 22", and day ranges within one month:
/// "from 4 to 22 January, 1995", "between 4 and 22 this month", and,
/// joined by a dash with no opener, "13-14 August 2025", "13–14 August"
/// and "August 13-14, 2025" (the audit found these read as the count
/// 13–14 and a month, or as the count 2025). A dash joins two days only
/// without an opener, and a word ("to", "and") only after one, as the
/// general ranges below are joined.
fn date_range(tokens: &Tokens, i: usize) -> Option<(usize, Value)> {
    let (opener, at) = match tokens.word(i) {
        Some("between") => (Some("between"), i + 1),
        Some("from") => (Some("from"), i + 1),
        _ => (None, i),
    };
    let joiner_ok = |w: &str| match opener {
        Some("between") => w == "and",
        _ => matches!(w, "to" | "until" | "through" | "till" | "thru"),
    };
    let dash = |k: usize| matches!(tokens.punct(k), Some('-' | '–' | '—'));
    // What joins two days: a word after an opener, a dash without one.
    let days_joined = |k: usize| match opener {
        Some(_) => tokens.word(k).is_some_and(joiner_ok),
        None => matches!(tokens.punct(k), Some('-' | '–' | '‐')),
    };
    // Month Day (joiner) Day [,] [Year]: "August 13-14, 2025".
    if let Some((month, after_month)) = month_at(tokens, at)
        && let Some((d1, after_d1)) = day_at(tokens, after_month)
        && days_joined(after_d1)
        && !tokens.breaks(after_d1 + 1)
        && let Some((d2, after_d2)) = day_at(tokens, after_d1 + 1)
        && month_at(tokens, after_d2).is_none()
        && d1 != d2
    {
        return day_span(tokens, after_d2, month, d1, d2).map(|v| in_year(tokens, v));
    }
    // Day (joiner) Day [of] Month [,] [Year] | Day (joiner) Day this|last|next month.
    // Here, with the month after the days, a range's word joins them
    // without an opener too ("13 to 14 August 2025"): two counts are not
    // followed by a month.
    // Not when the days run backwards ("voted 7 to 2 May 2021" is a
    // vote), nor when the month starts a date of its own ("20 to 25
    // March 14").
    let word_joined = |k: usize| {
        opener.is_none()
            && tokens
                .word(k)
                .is_some_and(|w| matches!(w, "to" | "until" | "through" | "till" | "thru"))
    };
    if let Some((d1, after)) = day_at(tokens, at)
        && (days_joined(after) || word_joined(after))
        && !tokens.breaks(after + 1)
        && let Some((d2, after_d2)) = day_at(tokens, after + 1)
        && d1 != d2
        && (days_joined(after) || {
            let month = after_d2 + usize::from(tokens.is(after_d2, "of"));
            d1 < d2 && month_at(tokens, month).is_some_and(|(_, end)| day_at(tokens, end).is_none())
        })
    {
        let mut k = after_d2;
        if tokens.is(k, "of") {
            k += 1;
        }
        if let Some((month, end)) = month_at(tokens, k) {
            return day_span(tokens, end, month, d1, d2).map(|v| in_year(tokens, v));
        }
        if d1 < d2
            && let Some(which) = tokens.word(k)
            && matches!(which, "this" | "last" | "next")
            && tokens.is(k + 1, "month")
        {
            let shift: i64 = match which {
                "last" => -1,
                "this" => 0,
                _ => 1,
            };
            return Some((
                k + 2,
                Value::Relative(Box::new(move |r: NaiveDate| {
                    let index = i64::from(r.year()) * 12 + i64::from(r.month0()) + shift;
                    let year = i32::try_from(index.div_euclid(12)).ok()?;
                    days(year, index.rem_euclid(12) as u32 + 1, d1, d2)
                })),
            ));
        }
    }
    let (first_end, first) = range_end(tokens, at)?;
    let joined = match tokens.word(first_end) {
        Some(w) if joiner_ok(w) => first_end + 1,
        _ if opener.is_none() && dash(first_end) => first_end + 1,
        _ => return None,
    };
    // Without an opener, only "Date to Date" with full dates on both sides
    // ("2020 to 2021" is left to the year rules, "7,000 to 11,000" to the
    // quantity grammar).
    let (end, second) = range_end(tokens, joined)?;
    // A second end that is a day that does not exist ("from Aug. 15, 2019
    // to September 31, 2021"): the range is no date, and its numbers are
    // not counts, as for "between 5 and 31 June 1999". (The second end
    // had been read as its month alone, "September", and the range
    // dated.) Without its year ("between Jan. 5 and Sept. 31") the second
    // end is read whole, as a day that never resolves, and the range is
    // no date in the same way. (It had been a range that does not
    // resolve: `parse_date` called it relative or unresolved, not a day
    // that does not exist.)
    if let Some((impossible, _)) = impossible_date_at(tokens, joined)
        && impossible >= end
        && (opener.is_some() || full_date(tokens, at).is_some())
    {
        return Some((impossible, Value::Nonexistent));
    }
    if opener.is_none() {
        full_date(tokens, at)?;
        full_date(tokens, joined)?;
    }
    Some(in_year(tokens, (end, join(first, second))))
}

/// A range without its year directly followed by "in" and a year ("from
/// April to June in 2017", "from 5 to 9 June in 2017") is read in that
/// year: resolved looking back from its last day, as if written then.
/// (It had been resolved from the reference date, beside the year it
/// names.) A range with its year, or whose year is relative ("between 4
/// and 22 this month"), is left as it is.
fn in_year(tokens: &Tokens, (end, value): (usize, Value)) -> (usize, Value) {
    let Value::Relative(resolve) = value else {
        return (end, value);
    };
    let year = tokens
        .is(end, "in")
        .then(|| year_at(tokens, end + 1))
        .flatten()
        .filter(|(y, _)| news_year(*y));
    match year {
        Some((year, after)) => match NaiveDate::from_ymd_opt(year, 12, 31).and_then(resolve) {
            Some(period) => (after, Value::Fixed(period)),
            None => (after, Value::Nonexistent),
        },
        None => (end, Value::Relative(resolve)),
    }
}

/// The place of the single calendar date (`full_date`) among
/// [`date_at`]'s candidates.
const SINGLE_DAY: usize = 1;

/// Reads a date expression at token `i`. `strict` accepts a bare year or
/// month without a context word (for [`parse_date`](super::parse_date)).
/// Returns `None` when nothing matches; a match whose `period` is `None`
/// is relative and `reference` was not given, or does not resolve.
pub(crate) fn date_at(
    tokens: &Tokens,
    i: usize,
    reference: Option<NaiveDate>,
    strict: bool,
) -> Option<DateMatch> {
    if let Some(week) = week_of(tokens, i, reference) {
        return Some(week);
    }
    // A single calendar date is at [`SINGLE_DAY`]: a day without its
    // year may be read ahead (below).
    let candidates = [
        iso_timestamp_at(tokens, i).and_then(|(end, minute)| Some((end, Value::Fixed(minute?)))),
        full_date(tokens, i),
        time_first(tokens, i),
        month_year(tokens, i),
        year_month(tokens, i),
        date_range(tokens, i),
        part_of_month(tokens, i),
        part_of_year(tokens, i),
        year_part_code(tokens, i),
        years(tokens, i, strict),
        relative(tokens, i),
        month_of_relative_year(tokens, i),
        bare_month(tokens, i, strict),
    ];
    let (kind, (end, value)) = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(k, c)| Some((k, c?)))
        .max_by_key(|(_, (end, _))| *end)?;
    let (mut period, inverted, nonexistent) = match value {
        Value::Fixed(period) => (Some(period), false, false),
        Value::Relative(resolve) => {
            let period = reference.and_then(resolve);
            // A single day without its year is read looking back, unless
            // this year's falls at most [`AHEAD`] days after the reference
            // date: "the Aug. 31 deadline", said on August 26, is days
            // away, not a year gone (fourteenth audit, H6). A range's
            // ends keep their own rules (see [`join`]).
            let ahead = match (kind, period, reference) {
                (SINGLE_DAY, Some(p), Some(r)) => a_year_on(p).filter(|next| {
                    next.start_date() > r && (next.start_date() - r).num_days() <= AHEAD
                }),
                _ => None,
            };
            (ahead.or(period), false, false)
        }
        Value::Inverted => (None, true, false),
        Value::Nonexistent => (None, false, true),
    };
    // A weekday before a date ("Wednesday, Aug. 18, 2021") must be the
    // date's: checked here, once the date is resolved, so that a date
    // with or without its year is checked alike. A weekday alone
    // ("Tuesday") is resolved to a day that has it.
    let mut wrong_weekday = None;
    if let Some((named, after)) = weekday_at(tokens, i)
        && end > after + usize::from(tokens.punct(after) == Some(','))
        && let Some(date) = period.as_ref().filter(|p| p.precision() <= Precision::Day)
        && date.start_date().weekday().num_days_from_monday() != named
    {
        let name = WEEKDAY_NAMES.get(named as usize).copied().unwrap_or("");
        wrong_weekday = Some((name, *date));
        period = None;
    }
    Some(DateMatch {
        end,
        period,
        inverted,
        nonexistent,
        wrong_weekday,
        midweek: None,
    })
}

/// "The week of DATE", "week of DATE" at token `i`, DATE one day: the
/// seven days from it when it is a Monday or a Sunday, the days a week
/// starts on ("the week of March 6, 2023", a Monday, is 6 to 12 March).
/// A day in mid-week starts no week, and the week it names begins on the
/// Sunday or on the Monday before it by the reader's custom, as "next
/// Tuesday" may name two days: the match has no period then
/// ([`DateMatch::midweek`]), and the scanner gives no mention rather
/// than the day alone. `None` when no day follows "week of" ("the week
/// of March 2023"), which is left to the other patterns.
fn week_of(tokens: &Tokens, i: usize, reference: Option<NaiveDate>) -> Option<DateMatch> {
    let at = i + usize::from(tokens.is(i, "the"));
    if !(tokens.is(at, "week") && tokens.is(at + 1, "of"))
        || (at + 1..at + 3).any(|k| tokens.breaks(k))
    {
        return None;
    }
    let mut found = date_at(tokens, at + 2, reference, false)?;
    let Some(day) = found.period else {
        // Unresolved (relative with no reference date) or no date (a
        // weekday that contradicts it): as the day alone is.
        return Some(found);
    };
    if !(day.precision() == Precision::Day && day.is_single_unit()) {
        return None;
    }
    let first = day.start_date();
    if matches!(first.weekday(), chrono::Weekday::Mon | chrono::Weekday::Sun) {
        found.period = date_span(first, first + Duration::days(6));
    } else {
        found.period = None;
        found.midweek = Some(day);
    }
    Some(found)
}

/// True when the token can start a date (a cheap filter before
/// [`date_at`]).
pub(crate) fn may_start_date(word: &str) -> bool {
    let word = strip_possessive(word);
    let head = word.split('-').next().unwrap_or(word);
    lookup(MONTHS, head).is_some()
        || lookup(WEEKDAYS, head).is_some()
        || matches!(
            head,
            "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "last"
                | "this"
                | "next"
                | "coming"
                | "past"
                | "mid"
                | "early"
                | "late"
                | "between"
                | "from"
                | "the"
                | "week"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "q"
                | "h"
        )
}
