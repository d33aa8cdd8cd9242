//! Numbers written in digits or in words.
//!
//! "1,500", "1.2 million", "10 thousand", "5k", "twelve", "twenty-one",
//! "one hundred and five", "ten thousand", "a dozen", "two dozen".

use super::token::Tokens;
use super::words::{PART_WORDS, SCALES, TENS, UNITS, lookup};
use crate::quantity::MAX_AMOUNT;

/// How a vocabulary writes figures around their digits, as data
/// (`currency_signs` and `scale_abbreviations` of `data/vocabulary/`): a
/// currency sign before a number ("$1.2 billion", "US$5m", "€3m"), or
/// after it where the vocabulary allows ("5 €", "3m €"), puts the figure
/// in a measure, and a scale abbreviation after it ("5k", "1.2bn", "3
/// mn") multiplies it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Notation {
    /// Each sign's parts as tokens, longest first, with its measure's
    /// index in `measures` and whether it is also read after a number.
    signs: Vec<(Vec<SignPart>, u16, bool)>,
    /// The measures the signs name.
    measures: Vec<String>,
    /// Each abbreviation, lower case, with its factor and the unit it is
    /// also the symbol of.
    scales: Vec<(String, f64, Option<String>)>,
    /// The length in bytes of the longest abbreviation.
    longest_scale: usize,
}

/// A token of a currency sign: "US$" is the word "us" and the symbol "$".
#[derive(Clone, Debug, PartialEq)]
enum SignPart {
    Word(String),
    Symbol(char),
}

impl Notation {
    /// No signs and no abbreviations: for numbers read outside a
    /// quantity (a count of months in a date).
    pub(crate) const NONE: Notation = Notation {
        signs: Vec::new(),
        measures: Vec::new(),
        scales: Vec::new(),
        longest_scale: 0,
    };

    pub(crate) fn new(vocabulary: &crate::vocab::Vocabulary) -> Notation {
        let mut notation = Notation::default();
        for (sign, measure, after) in vocabulary.currency_signs() {
            let tokens = Tokens::new(sign);
            let parts: Option<Vec<SignPart>> = (0..tokens.len())
                .map(|k| match (tokens.word(k), tokens.punct(k)) {
                    (Some(word), _) => Some(SignPart::Word(word.to_string())),
                    (None, Some(c)) => Some(SignPart::Symbol(c)),
                    _ => None,
                })
                .collect();
            // A sign the vocabulary checked has no digits; one that would
            // cut into none is not matched.
            let Some(parts) = parts.filter(|parts| !parts.is_empty()) else {
                continue;
            };
            let index = match notation.measures.iter().position(|m| m == measure) {
                Some(index) => index,
                None => {
                    notation.measures.push(measure.to_string());
                    notation.measures.len() - 1
                }
            };
            notation
                .signs
                .push((parts, u16::try_from(index).unwrap_or(u16::MAX), after));
        }
        notation
            .signs
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.1.cmp(&b.1)));
        for (abbreviation, entry) in vocabulary.scale_abbreviations() {
            notation.scales.push((
                abbreviation.to_string(),
                entry.factor,
                entry.or_unit.clone(),
            ));
            notation.longest_scale = notation.longest_scale.max(abbreviation.len());
        }
        notation
    }

    /// The currency sign that starts at token `i`, its parts written
    /// together: the token after it and its measure's index.
    pub(crate) fn sign_at(&self, tokens: &Tokens, i: usize) -> Option<(usize, u16)> {
        self.signs
            .iter()
            .find_map(|(parts, measure, _)| Some((signed_at(tokens, parts, i)?, *measure)))
    }

    /// The currency sign read after a number that starts at token `i`
    /// (the token after the number's digits and scale), glued to them or
    /// after a space on the same line ("5€", "5 €", "3m €"): one the
    /// vocabulary allows after a number, and followed by no number, so
    /// that "5 €6" is 5 and then €6. The token after it and its
    /// measure's index.
    pub(crate) fn sign_after(&self, tokens: &Tokens, i: usize) -> Option<(usize, u16)> {
        if tokens.breaks(i) {
            return None;
        }
        self.signs
            .iter()
            .filter(|(_, _, after)| *after)
            .find_map(|(parts, measure, _)| {
                let end = signed_at(tokens, parts, i)?;
                // No word glued after it ("5 €uros"), and no number
                // that it may be written before.
                let glued = tokens.joined(end) && tokens.word(end).is_some();
                let before_number = tokens.number(end).is_some() && !tokens.breaks(end);
                (!glued && !before_number).then_some((end, *measure))
            })
    }

    /// The measure of a sign, by the index [`Notation::sign_at`] gives.
    pub(crate) fn measure(&self, index: u16) -> &str {
        self.measures
            .get(usize::from(index))
            .map_or("", String::as_str)
    }

    /// The first words and symbols of the signs, for the scan's filters.
    pub(crate) fn sign_starts(&self) -> impl Iterator<Item = Result<&str, char>> {
        self.signs
            .iter()
            .filter_map(|(parts, _, _)| match parts.first()? {
                SignPart::Word(word) => Some(Ok(word.as_str())),
                SignPart::Symbol(c) => Some(Err(*c)),
            })
    }

    /// The abbreviation `word` (lower case) is, if any: its index.
    pub(crate) fn scale(&self, word: &str) -> Option<u16> {
        // Most words after digits are counted nouns, longer than any
        // abbreviation: turned away before the table is searched.
        if word.len() > self.longest_scale {
            return None;
        }
        self.scales
            .iter()
            .position(|(abbreviation, ..)| abbreviation == word)
            .and_then(|index| u16::try_from(index).ok())
    }

    /// An abbreviation by index: its text, factor, and the unit it is
    /// also the symbol of.
    pub(crate) fn abbreviation(&self, index: u16) -> Option<(&str, f64, Option<&str>)> {
        self.scales
            .get(usize::from(index))
            .map(|(text, factor, unit)| (text.as_str(), *factor, unit.as_deref()))
    }
}

/// The token after a sign's `parts` at token `i`, its parts written
/// together, if they are there.
fn signed_at(tokens: &Tokens, parts: &[SignPart], i: usize) -> Option<usize> {
    for (k, part) in parts.iter().enumerate() {
        let at = i + k;
        if k > 0 && !tokens.joined(at) {
            return None;
        }
        let matched = match part {
            SignPart::Word(word) => tokens.word(at) == Some(word.as_str()),
            SignPart::Symbol(c) => tokens.punct(at) == Some(*c),
        };
        if !matched {
            return None;
        }
    }
    Some(i + parts.len())
}

/// A number read from tokens `start..end`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    pub(crate) value: f64,
    /// The value before a trailing scale word: 3 in "three thousand".
    pub(crate) base: f64,
    /// The scale word's multiplier, 1 without one.
    pub(crate) scale: f64,
    pub(crate) end: usize,
    /// True for a lone "one": a determiner more often than a count.
    pub(crate) determiner: bool,
    /// True for one plain digit token without separators, decimals or
    /// scale: "2015", "1500" (a possible year).
    pub(crate) plain_digits: Option<u8>,
    /// True for digits with a comma between groups of three, and no
    /// decimals or scale word: "50,000".
    pub(crate) grouped: bool,
    /// True for a share: digits followed by "%", "percent" or "per cent",
    /// which `end` includes ("41.2%").
    pub(crate) percent: bool,
    /// What digits written with decimals or a scale word were rounded
    /// to: 100,000 for "5.7 million", 0.1 for "30.2%", 1,000,000 for "5
    /// million" and 1,000 for "5k". `None` for digits alone ("300",
    /// whose zeros may be exact) and for numbers in words.
    pub(crate) step: Option<f64>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Last {
    None,
    A,
    Unit,
    Teen,
    Ten,
    Hundred,
    Dozen,
    Scale,
    And,
}

#[derive(Clone, Copy, Debug)]
struct State {
    total: f64,
    current: f64,
    last: Last,
    last_scale: f64,
    scale: f64,
    base: f64,
}

fn word_class(part: &str) -> Option<(Last, f64)> {
    if let Some(v) = lookup(UNITS, part) {
        let class = if v < 10 { Last::Unit } else { Last::Teen };
        return Some((class, f64::from(v)));
    }
    if let Some(v) = lookup(TENS, part) {
        return Some((Last::Ten, f64::from(v)));
    }
    match part {
        "hundred" => Some((Last::Hundred, 100.0)),
        "dozen" => Some((Last::Dozen, 12.0)),
        "and" => Some((Last::And, 0.0)),
        "a" | "an" => Some((Last::A, 1.0)),
        _ => lookup(SCALES, part).map(|s| (Last::Scale, s)),
    }
}

/// True when `word` can start a number in words (or a fraction of a
/// scale word, "half a million").
pub(crate) fn starts_number_word(word: &str) -> bool {
    let first = word.split('-').next().unwrap_or(word);
    lookup(UNITS, first).is_some() || lookup(TENS, first).is_some() || PART_WORDS.contains(&first)
}

fn step(state: &mut State, class: Last, value: f64) -> bool {
    use Last::*;
    match class {
        Unit => {
            if !matches!(state.last, None | Ten | Hundred | Scale | And) {
                return false;
            }
            state.current += value;
        }
        Teen | Ten => {
            if !matches!(state.last, None | Hundred | Scale | And) {
                return false;
            }
            state.current += value;
        }
        Hundred => {
            if !matches!(state.last, A | Unit | Teen | Ten) || state.current >= 100.0 {
                return false;
            }
            state.base = state.current;
            state.scale = 100.0;
            state.current *= 100.0;
        }
        Dozen => {
            if !matches!(state.last, A | Unit | Teen | Ten) {
                return false;
            }
            state.base = state.current;
            state.scale = 12.0;
            state.current *= 12.0;
        }
        Scale => {
            if !matches!(state.last, A | Unit | Teen | Ten | Hundred | Dozen)
                || value >= state.last_scale
            {
                return false;
            }
            state.base = state.current;
            state.scale = value;
            state.total += state.current * value;
            state.current = 0.0;
            state.last_scale = value;
        }
        A => {
            if state.last != None {
                return false;
            }
            state.current = 1.0;
        }
        And => {
            if !matches!(state.last, Hundred | Scale) {
                return false;
            }
        }
        None => return false,
    }
    if !matches!(class, Hundred | Dozen | Scale | And) {
        state.base = state.total + state.current;
        state.scale = 1.0;
    }
    state.last = class;
    true
}

/// Reads a number in words from token `i`.
fn words_at(tokens: &Tokens, i: usize) -> Option<Num> {
    let mut state = State {
        total: 0.0,
        current: 0.0,
        last: Last::None,
        last_scale: f64::INFINITY,
        scale: 1.0,
        base: 0.0,
    };
    let mut end = i;
    let mut committed = state;
    let mut j = i;
    while let Some(word) = tokens.word(j) {
        if j > i && tokens.breaks(j) {
            break;
        }
        let mut ok = true;
        for part in word.split('-') {
            match word_class(part) {
                Some((class, value)) => {
                    if !step(&mut state, class, value) {
                        ok = false;
                        break;
                    }
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            break;
        }
        j += 1;
        // "and" and "a" commit only when something follows them.
        if !matches!(state.last, Last::And | Last::A) {
            committed = state;
            end = j;
        }
    }
    if end == i {
        return None;
    }
    let value = committed.total + committed.current;
    if !(0.0..=MAX_AMOUNT).contains(&value) {
        return None;
    }
    Some(Num {
        value,
        base: committed.base,
        scale: committed.scale,
        end,
        determiner: end == i + 1 && tokens.is(i, "one"),
        plain_digits: None,
        grouped: false,
        percent: false,
        step: None,
    })
}

/// A fraction of a scale word from token `i`: "half a million" is
/// 500,000, "half a dozen" 6, "a quarter of a million" 250,000, "three
/// quarters of a million" 750,000. Read before the words, which would
/// otherwise find "a million" inside "half a million", twice the figure.
fn fraction_at(tokens: &Tokens, i: usize) -> Option<Num> {
    const FRACTIONS: [(&str, f64); 6] = [
        ("half a", 0.5),
        ("half an", 0.5),
        ("a quarter of a", 0.25),
        ("quarter of a", 0.25),
        ("a quarter", 0.25),
        ("three quarters of a", 0.75),
    ];
    if !matches!(tokens.word(i)?, "half" | "a" | "quarter" | "three") {
        return None;
    }
    FRACTIONS.iter().find_map(|&(phrase, fraction)| {
        let at = tokens.phrase(i, phrase)?;
        let scale = tokens.word(at).and_then(scale_word)?;
        if tokens.breaks(at) {
            return None;
        }
        Some(Num {
            value: fraction * scale,
            base: fraction,
            scale,
            end: at + 1,
            determiner: false,
            plain_digits: None,
            grouped: false,
            percent: false,
            step: None,
        })
    })
}

/// A scale word after digits: "million", "thousand", "hundred", "dozen".
pub(crate) fn scale_word(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(100.0),
        "dozen" => Some(12.0),
        _ => lookup(SCALES, word),
    }
}

/// What follows a number's first scale word or abbreviation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ScaleChain {
    /// No further scale, or scales that rise as English compounds them
    /// ("5 hundred thousand", "2 thousand million", "5 lakh crore"): the
    /// number's whole factor, and the token after the last scale.
    Composed {
        /// The product of the scales.
        factor: f64,
        /// The token after them.
        end: usize,
    },
    /// A scale that does not rise over the one before it ("5 million
    /// million", "1.5 million thousand", "3 bn bn", "3 million dozen"):
    /// no one reading, as a British "million million" was 10^12 and
    /// anything else is a slip. The token after the scale refused.
    Refused {
        /// The token after the scale that does not compose.
        end: usize,
    },
}

/// The scale words or spaced abbreviations of `notation` after a
/// number's first scale (`first`, whose token ends before `end`): each
/// must be larger than the one before, as in "hundred thousand",
/// "thousand million" or "lakh crore", to multiply; "dozen" composes
/// with none.
pub(crate) fn scale_chain(
    tokens: &Tokens,
    notation: &Notation,
    end: usize,
    first: f64,
) -> ScaleChain {
    let mut factor = first;
    let mut last = first;
    let mut end = end;
    loop {
        if tokens.breaks(end) || !tokens.get(end).is_some_and(|t| t.space_before) {
            return ScaleChain::Composed { factor, end };
        }
        let Some(word) = tokens.word(end) else {
            return ScaleChain::Composed { factor, end };
        };
        let next = match scale_word(word) {
            Some(next) => next,
            // A plural ("5 hundred millions"), or an abbreviation, which
            // English does not compound ("3 bn bn"): refused. One that
            // also abbreviates a unit ("m": million or metres) is read
            // as the unit ("2 thousand m").
            None if scale_or_plural(word).is_some() => return ScaleChain::Refused { end: end + 1 },
            None => match notation.scale(word).and_then(|k| notation.abbreviation(k)) {
                Some((_, _, None)) => return ScaleChain::Refused { end: end + 1 },
                _ => return ScaleChain::Composed { factor, end },
            },
        };
        if next <= last || next == 12.0 || last == 12.0 {
            return ScaleChain::Refused { end: end + 1 };
        }
        factor *= next;
        last = next;
        end += 1;
    }
}

/// Where a number's scales at token `i` (digits, with a scale word or
/// abbreviation after them) go on with one that does not compose
/// ([`ScaleChain::Refused`]): the token after it. For the scanner, which
/// skips the whole ("5 hundred millions" is not a vague "millions"), and
/// for the refusal of a whole value.
pub(crate) fn refused_scale_at(tokens: &Tokens, notation: &Notation, i: usize) -> Option<usize> {
    match scales_after(tokens, notation, i)? {
        ScaleChain::Refused { end } => Some(end),
        ScaleChain::Composed { .. } => None,
    }
}

/// The scales after the digits at token `i`: `None` when no scale word
/// or abbreviation follows them.
fn scales_after(tokens: &Tokens, notation: &Notation, i: usize) -> Option<ScaleChain> {
    tokens.number(i)?;
    let first = scale_at(tokens, notation, i + 1)?;
    Some(scale_chain(tokens, notation, i + 2, first))
}

/// The factor of the scale at token `at`, after digits: an abbreviation
/// of `notation` glued to them ("5k", "1.2bn") or after a space ("3
/// mn"), or a scale word after a space ("5 million"). `None` for any
/// other word, and at a break.
fn scale_at(tokens: &Tokens, notation: &Notation, at: usize) -> Option<f64> {
    let word = tokens.word(at)?;
    let abbreviated = || {
        notation
            .scale(word)
            .and_then(|k| notation.abbreviation(k))
            .map(|a| a.1)
    };
    if tokens.joined(at) {
        abbreviated()
    } else if tokens.breaks(at) {
        None
    } else {
        scale_word(word).or_else(abbreviated)
    }
}

/// The number at token `i` (digits, with the scales after them that
/// compose) when it is over [`MAX_AMOUNT`], with the token after it:
/// "1200 trillion", "2000000000000000". For the refusal of a whole
/// value, which names the figure.
pub(crate) fn over_largest_at(
    tokens: &Tokens,
    notation: &Notation,
    i: usize,
) -> Option<(f64, usize)> {
    let (value, ..) = tokens.number(i)?;
    let (total, end) = match scales_after(tokens, notation, i) {
        None => (value, i + 1),
        Some(ScaleChain::Composed { factor, end }) => (value * factor, end),
        Some(ScaleChain::Refused { .. }) => return None,
    };
    (total > MAX_AMOUNT).then_some((total, end))
}

/// A scale word, or its plural, after digits: what makes "1,5 million"
/// and "2,5 millions" a decimal comma rather than two numbers.
pub(crate) fn scale_or_plural(word: &str) -> Option<f64> {
    scale_word(word).or_else(|| word.strip_suffix('s').and_then(scale_word))
}

/// Whether the digits at `i` are one side of a decimal comma before a
/// scale word: one to three digits, a comma, and one or two digits glued
/// to it, then "million", "millions", "thousand"... ("1,5 million", "2,75
/// billion"), as much of Europe writes 1.5 million. English has no such
/// number: it is neither 1 and 5 million nor 15 million, so neither side
/// is read (a scan reports no mention rather than a wrong one, and
/// [`parse_quantity`](super::parse_quantity) refuses it, giving the
/// reading). Reading it as 1.5 million would guess at a convention the
/// parsers otherwise refuse to guess ("20.000" is refused the same way).
pub(crate) fn decimal_comma_at(tokens: &Tokens, i: usize) -> bool {
    let whole = |k: usize| {
        tokens
            .number(k)
            .is_some_and(|(_, digits, grouped, decimal)| digits <= 3 && !grouped && !decimal)
    };
    let fraction = |k: usize| {
        tokens
            .number(k)
            .is_some_and(|(_, digits, grouped, decimal)| digits <= 2 && !grouped && !decimal)
            && tokens.word(k + 1).and_then(scale_or_plural).is_some()
            && !tokens.breaks(k + 1)
    };
    let comma_between =
        |k: usize| tokens.punct(k) == Some(',') && tokens.joined(k) && tokens.joined(k + 1);
    // The whole part, or the fraction after it.
    (whole(i) && comma_between(i + 1) && fraction(i + 2))
        || (i >= 2 && whole(i - 2) && comma_between(i - 1) && fraction(i))
}

/// Whether the digits at `i` are the whole part of a decimal comma, with
/// or without a scale word after it: digits with no separator or dot
/// glued before them, a comma glued to them and to one or two digits,
/// and after those no further digit, separator or dot with digits ("1,5",
/// "12,50", "3,2%", "1,5 people", "1234,5"). A group of three after the
/// comma is a thousands separator ("1,500"), four digits ("1,5000"), a
/// space after the comma ("1, 5") or a further group ("12,34,567") are
/// not decimal commas, and keep their readings. English writes no such
/// number, so a whole value with one where a quantity is read is
/// refused, giving the reading (`decimal_comma_figure_error` in the
/// parser); the scanner already gives no mention for it
/// ([`foreign_grouping_beside`]).
pub(crate) fn decimal_comma_figure_at(tokens: &Tokens, i: usize) -> bool {
    let separator = |k: usize| matches!(tokens.punct(k), Some(',' | '.' | '\'' | '’'));
    let plain = |k: usize, most: u8| {
        tokens
            .number(k)
            .is_some_and(|(_, digits, grouped, decimal)| digits <= most && !grouped && !decimal)
    };
    let glued_before =
        i >= 2 && tokens.joined(i) && separator(i - 1) && tokens.number(i - 2).is_some();
    let glued_after = tokens.joined(i + 3)
        && separator(i + 3)
        && tokens.joined(i + 4)
        && tokens.number(i + 4).is_some();
    plain(i, u8::MAX)
        && !glued_before
        && tokens.punct(i + 1) == Some(',')
        && tokens.joined(i + 1)
        && tokens.joined(i + 2)
        && plain(i + 2, 2)
        && !glued_after
}

/// A group separator that joins two digit tokens where English grouping
/// would have made them one ([`Tokens`] reads "1,234,567" whole): a comma
/// between groups that are not of three, as Indian grouping writes
/// lakhs and crores ("12,34,567"), or an apostrophe, as Swiss grouping
/// writes thousands ("1'234'567").
pub(crate) fn is_group_separator(c: Option<char>) -> bool {
    matches!(c, Some(',' | '\'' | '’'))
}

/// Whether the digits at `i` are one part of a number grouped in a way
/// English does not group ("12,34,567", "1'234'567", "1,000,00"): a
/// separator glued to them and to digits on its other side. Neither part
/// is read: the scanner gives no mention rather than 12 and 34,567, and
/// a whole value that is a quantity with the digits grouped by threes is
/// refused naming the group (a value error, so a table cell written so
/// skips its row with the reason); one that is no quantity either way
/// ("chapters 3,4") is kept as text with a warning.
pub(crate) fn foreign_grouping_beside(tokens: &Tokens, i: usize) -> bool {
    let after = tokens.joined(i + 1)
        && is_group_separator(tokens.punct(i + 1))
        && tokens.joined(i + 2)
        && tokens.number(i + 2).is_some();
    let before = i >= 2
        && tokens.joined(i)
        && is_group_separator(tokens.punct(i - 1))
        && tokens.joined(i - 1)
        && tokens.number(i - 2).is_some();
    after || before
}

/// Reads a number from token `i`, in digits or in words. Digits that are
/// part of a designator ("GBU-43"), a time ("04:11"), a fraction or
/// slashed date ("2/29"), a sum of money in a currency `notation` lacks
/// ("A$5"), an ordinal ("31st"), a
/// compound adjective ("43-year-old", but not "300-plus") or a decimal
/// comma ("1,5 million", [`decimal_comma_at`]) are not read. A share
/// ("41.2%", "2.1 per cent", "5 percent") is read with its sign or word,
/// marked [`Num::percent`], so that the quantity grammar gives it the
/// unit `percent` and never reads it as a count; "per" followed by
/// another word ("5 per day") is a rate, not read.
///
/// A currency sign of `notation` before the digits ("$1.2 billion",
/// "US$ 5m") is read with them (the quantity grammar gives the figure
/// its measure); a scale
/// abbreviation of `notation` after them ("5k", "1.2bn", "3 mn") scales
/// them, as a scale word does.
pub(crate) fn number_at(tokens: &Tokens, notation: &Notation, i: usize) -> Option<Num> {
    if tokens.number(i).is_none() {
        if let Some((at, _)) = notation.sign_at(tokens, i)
            && tokens.number(at).is_some()
            && !tokens.breaks(at)
        {
            return digits_at(tokens, notation, at, true);
        }
        return fraction_at(tokens, i).or_else(|| words_at(tokens, i));
    }
    digits_at(tokens, notation, i, false)
}

/// Reads the digits at token `i`, a number token; `after_sign` when a
/// currency sign read before them is glued to them.
pub(crate) fn digits_at(
    tokens: &Tokens,
    notation: &Notation,
    i: usize,
    after_sign: bool,
) -> Option<Num> {
    let (value, digits, grouped, decimal) = tokens.number(i)?;
    if decimal_comma_at(tokens, i) || foreign_grouping_beside(tokens, i) {
        return None;
    }
    // What is glued before the digits.
    if tokens.joined(i) && !after_sign {
        match tokens.punct(i - 1) {
            Some('$' | '£' | '€' | '¥' | '#' | '/' | ':' | '.' | '@') => return None,
            Some('-' | '‐' | '+') => {
                // "GBU-43", "F-16": a word glued before the hyphen.
                let glued_word = tokens.joined(i - 1) && tokens.word(i - 2).is_some();
                // "5k-20k" is a range, not a designator.
                let thousands = tokens
                    .word(i - 2)
                    .is_some_and(|w| notation.scale(w).is_some())
                    && tokens.number(i - 3).is_some();
                if i >= 2 && glued_word && !thousands {
                    return None;
                }
            }
            Some(_) => {}
            None => {
                if tokens.word(i - 1).is_some() {
                    return None;
                }
            }
        }
    }
    let mut end = i + 1;
    let mut scale = 1.0;
    let mut percent = false;
    // What is glued after the digits.
    if tokens.joined(end)
        && tokens.punct(end) == Some('%')
        && !(tokens.joined(end + 1) && tokens.number(end + 1).is_some())
    {
        // "41.2%": a share.
        percent = true;
        end += 1;
    } else if tokens.joined(end) {
        // "1.500.000": dots between groups, which no English number has
        // (the first "1.500" would read as 1.5).
        if decimal
            && tokens.punct(end) == Some('.')
            && tokens.joined(end + 1)
            && tokens.number(end + 1).is_some()
        {
            return None;
        }
        match tokens.punct(end) {
            Some(':' | '/' | '%')
                if tokens.number(end + 1).is_some() || tokens.punct(end) == Some('%') =>
            {
                return None;
            }
            // "300-plus" is a bound, read by the quantity grammar.
            Some('-' | '‐')
                if tokens.word(end + 1).is_some_and(|w| w != "plus") && tokens.joined(end + 1) =>
            {
                return None;
            }
            _ => {}
        }
        // "5k", "1.2bn": an abbreviation of the vocabulary; any other
        // word glued to digits ("31st") makes them no number.
        if tokens.word(end).is_some() {
            scale = scale_at(tokens, notation, end)?;
            end += 1;
        }
    }
    // "5 million", "1.2 bn", "3 mn": a scale word or an abbreviation
    // after a space.
    if !percent
        && scale == 1.0
        && let Some(factor) = scale_at(tokens, notation, end)
    {
        scale = factor;
        end += 1;
    }
    if scale > 1.0 {
        match scale_chain(tokens, notation, end, scale) {
            ScaleChain::Composed { factor, end: after } => {
                scale = factor;
                end = after;
            }
            ScaleChain::Refused { .. } => return None,
        }
    }
    // "5 €", "5€", "3m €": a sign the vocabulary reads after a number.
    if !percent
        && !after_sign
        && let Some((after, _)) = notation.sign_after(tokens, end)
    {
        end = after;
    }
    if !percent && !tokens.breaks(end) {
        match tokens.word(end) {
            Some("percent") => {
                percent = true;
                end += 1;
            }
            Some("per") if tokens.is(end + 1, "cent") && !tokens.breaks(end + 1) => {
                percent = true;
                end += 2;
            }
            Some("per") => return None,
            _ => {}
        }
    }
    let total = value * scale;
    if !(0.0..=MAX_AMOUNT).contains(&total) {
        return None;
    }
    // The last digit written, and the scale after it, say what the
    // figure was rounded to.
    let decimals = if decimal {
        tokens
            .raw(i)
            .rsplit_once('.')
            .map_or(0, |(_, fraction)| fraction.len())
    } else {
        0
    };
    let step = if decimals > 0 {
        Some(scale / 10f64.powi(i32::try_from(decimals).unwrap_or(i32::MAX)))
    } else {
        (scale > 1.0).then_some(scale)
    };
    Some(Num {
        value: total,
        base: value,
        scale,
        end,
        determiner: false,
        plain_digits: (!grouped && !decimal && scale == 1.0 && !percent).then_some(digits),
        grouped: grouped && !decimal && scale == 1.0 && !percent,
        percent,
        step: step.filter(|step| *step > 0.0 && step.is_finite()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: Option<f64>) {
        let tokens = Tokens::new(text);
        let notation = Notation::new(&crate::vocab::Vocabulary::default());
        let got = number_at(&tokens, &notation, 0).filter(|n| n.end == tokens.len());
        assert_eq!(got.map(|n| n.value), expect, "{text}");
    }

    #[test]
    fn digits_and_words() {
        check("1,500", Some(1500.0));
        check("1.2 million", Some(1_200_000.0));
        check("10 thousand", Some(10_000.0));
        check("5k", Some(5000.0));
        check("twelve", Some(12.0));
        check("twenty-one", Some(21.0));
        check("twenty one", Some(21.0));
        check("one hundred and five", Some(105.0));
        check("ten thousand", Some(10_000.0));
        check("a dozen", Some(12.0));
        check("two dozen", Some(24.0));
        check("a thousand", Some(1000.0));
        check("three thousand nine hundred and sixty five", Some(3965.0));
        check("one thousand and five hundred", Some(1500.0));
        check("five six", None);
        check("a", None);
        check("31st", None);
        check("half a million", Some(500_000.0));
        check("half a dozen", Some(6.0));
        check("a quarter of a million", Some(250_000.0));
        check("a quarter million", Some(250_000.0));
        check("three quarters of a billion", Some(750_000_000.0));
        check("half a", None);
    }
}
