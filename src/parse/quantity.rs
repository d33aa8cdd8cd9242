//! The quantity grammar: exact numbers, ranges, bounds, hedged and vague
//! quantities, and the counted noun that follows.
//!
//! ```text
//! quantity := between N and N | from N (to|-) N
//!           | [bound] N [bound-after] | [hedge] N [hedge-after] | [hedge] N (to|-|–) N
//!           | vague [of]
//!           then: an optional opposite bound ("more than 10 and less than 40"),
//!                 the unit after both or after each, one unit both times
//!                 ("more than 2 metres and less than 3 metres")
//!           then: an optional counted noun
//! ```
//!
//! Bound phrases are the constants in `words.rs`, with the symbols ">",
//! "≥", "<", "≤" before a number and "+" or "-plus" after it ("300+" is at
//! least 300); hedge words and vague phrases come from the
//! [`Vocabulary`], whose hedges may be symbols ("~300", "≈300"). A lone "one" (or "a") is a
//! determiner, not a count: "one UN member state" gives no mention in a
//! scan, though `parse_quantity("one")` reads 1.

use crate::id::{HashMap, HashSet};

use super::date::year_context;
use super::number::{Notation, Num, digits_at, number_at, starts_number_word};
use super::token::{Tokens, is_symbol};
use super::words::{
    BOUNDS_AFTER, BOUNDS_BEFORE, BOUNDS_BEFORE_NOUN, Bound, COMPARATIVES, ESTIMATE_MARKERS,
    FINAL_BOUNDS_AFTER, HORIZON_OPENERS, HORIZON_TIME_WORDS, IRREGULAR_PLURALS, LOWER,
    MAX_UNIT_WORDS, MERIDIEM, MONTHS, PROJECTION_OPENERS, PROJECTION_VERBS, PROJECTION_WORD,
    QUALIFIERS_AFTER, RANGE_WORDS, UNIT_STOP_WORDS, WEEKDAYS, lookup,
};
use crate::quantity::{Amount, Quantity};
use crate::vocab::Vocabulary;

/// The vocabulary's phrases, prepared for matching: longest first.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    hedges: Vec<String>,
    suffix_hedges: Vec<String>,
    /// The hedges the vocabulary also reads after a number where they
    /// end its clause ("300 approximately"; [`Tolerance::written_after`]).
    ///
    /// [`Tolerance::written_after`]: crate::Tolerance::written_after
    after_hedges: Vec<String>,
    vague: Vec<String>,
    first_words: HashSet<String>,
    /// The symbols that open a hedge ("~300"), for the scan's filter.
    first_symbols: Vec<char>,
    /// The vocabulary's units of measure, whose figures are not counts,
    /// and its vague phrases, whose ends a bound over one takes.
    measures: Vocabulary,
    /// The vocabulary's currency signs and scale abbreviations.
    pub(crate) notation: Notation,
    /// The unit words of the vocabulary's measures, as [`measure_unit_at`]
    /// matches them, by their first token ("km" for "km/h", "°" for
    /// "°c"), longest first: a unit no measure begins with is turned away
    /// by one lookup.
    measure_words: HashMap<String, Vec<String>>,
}

fn by_length_desc(mut phrases: Vec<String>) -> Vec<String> {
    phrases.sort_by(|a, b| {
        b.split(' ')
            .count()
            .cmp(&a.split(' ').count())
            .then(b.len().cmp(&a.len()))
    });
    phrases
}

impl Lexicon {
    pub(crate) fn new(vocabulary: &Vocabulary) -> Lexicon {
        let (suffix, prefix): (Vec<String>, Vec<String>) = vocabulary
            .approximation_words()
            .map(str::to_string)
            .partition(|w| w.starts_with("or "));
        let after_hedges: Vec<String> = prefix
            .iter()
            .filter(|w| {
                vocabulary
                    .approximation(w)
                    .is_some_and(|tolerance| tolerance.is_written_after())
            })
            .cloned()
            .collect();
        let vague: Vec<String> = vocabulary.vague_phrases().map(str::to_string).collect();
        let mut first_words = HashSet::default();
        let mut add = |phrase: &str| {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            first_words.insert(first.trim_end_matches('.').to_string());
        };
        for phrase in prefix.iter().chain(vague.iter()) {
            add(phrase);
        }
        for (phrase, _) in BOUNDS_BEFORE {
            add(phrase);
        }
        for (word, _) in COMPARATIVES {
            add(word);
        }
        for (verb, _) in PROJECTION_VERBS.iter().filter(|(_, passes)| *passes) {
            add(verb);
        }
        for word in [
            "between",
            "from",
            "equal",
            "equals",
            "equaling",
            "a",
            "an",
            "estimated",
        ] {
            add(word);
        }
        let mut first_symbols: Vec<char> = prefix
            .iter()
            .filter_map(|phrase| phrase.chars().next())
            .filter(|&c| is_symbol(c))
            .collect();
        first_symbols.sort_unstable();
        first_symbols.dedup();
        let notation = Notation::new(vocabulary);
        for start in notation.sign_starts() {
            match start {
                Ok(word) => {
                    first_words.insert(word.to_string());
                }
                Err(symbol) => first_symbols.push(symbol),
            }
        }
        first_symbols.sort_unstable();
        first_symbols.dedup();
        let mut measure_words: HashMap<String, Vec<String>> = HashMap::default();
        for word in vocabulary.measure_words() {
            let first = Tokens::new(word).lower_raw(0).to_string();
            measure_words
                .entry(first)
                .or_default()
                .push(word.to_string());
        }
        for words in measure_words.values_mut() {
            words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        }
        Lexicon {
            notation,
            measure_words,
            measures: vocabulary.measures_only(),
            first_symbols,
            hedges: by_length_desc(prefix),
            suffix_hedges: by_length_desc(suffix),
            after_hedges: by_length_desc(after_hedges),
            vague: by_length_desc(vague),
            first_words,
        }
    }

    /// Whether `unit` is in a unit of measure of the vocabulary
    /// ([`Vocabulary::measure`]).
    pub(crate) fn is_measure(&self, unit: &str) -> bool {
        self.measures.measure(unit).is_some()
    }

    /// Whether two units written after two numbers are one: the same
    /// unit of measure of the vocabulary, however spelled ("metres",
    /// "meters"), or, for what is in none, the same words without case
    /// ("people"). "metres" and "feet", or "soldiers" and "civilians",
    /// are two.
    pub(crate) fn same_unit(&self, first: &str, second: &str) -> bool {
        match (self.measures.measure(first), self.measures.measure(second)) {
            (Some(a), Some(b)) => a == b,
            (None, None) => first
                .chars()
                .flat_map(char::to_lowercase)
                .eq(second.chars().flat_map(char::to_lowercase)),
            _ => false,
        }
    }

    /// True when a quantity can start at a word (a cheap filter).
    pub(crate) fn may_start(&self, word: &str) -> bool {
        self.first_words.contains(word) || starts_number_word(word)
    }

    /// True when a quantity can start at a symbol: a bound (">", "≤") or
    /// a hedge of the vocabulary ("~").
    pub(crate) fn may_start_at_symbol(&self, c: char) -> bool {
        matches!(c, '>' | '<' | '≥' | '≤') || self.first_symbols.contains(&c)
    }
}

/// A number or a range of numbers.
struct Core {
    first: Num,
    /// `Some((min, max))` for a range.
    range: Option<(f64, f64)>,
    end: usize,
}

fn is_dash(c: Option<char>) -> bool {
    matches!(c, Some('-' | '–' | '—' | '~' | '‐'))
}

/// A number glued to a sign or to the dash of a compound ("+1-222"), or
/// after the word "minus" ("minus 5 degrees"). The signs are "+", the
/// hyphen U+2010 and every minus sign a whole value is refused with
/// (`is_minus`).
fn signed(tokens: &Tokens, i: usize) -> bool {
    (tokens.joined(i)
        && tokens
            .punct(i - 1)
            .is_some_and(|c| matches!(c, '+' | '‐') || super::is_minus(c)))
        || (i > 0 && !tokens.breaks(i) && tokens.is(i - 1, "minus"))
}

/// The second end of a range, with the first end's scale carried over:
/// "two to three thousand" is 2,000 to 3,000. Digits share the zeros of
/// a second end written in groups the same way: "40-50,000" is 40,000 to
/// 50,000, as news writes a range of thousands, when the first end (bare
/// digits, at most three) is below the second's leading group and every
/// group after that is zeros; "500 to 1,500", "100-2,000" and
/// "1-2,423,000" stay as written.
fn range_end(first: &Num, second: &Num) -> Option<(f64, f64)> {
    let mut min = first.value;
    if first.scale == 1.0 && second.scale > 1.0 && first.value < second.base {
        min = first.value * second.scale;
    } else if first.plain_digits.is_some_and(|digits| digits <= 3) && second.grouped {
        let mut lead = second.value;
        let mut zeros = 1.0;
        while lead >= 1000.0 && lead % 1000.0 == 0.0 {
            lead /= 1000.0;
            zeros *= 1000.0;
        }
        // Only a second end that is its leading group and zeros:
        // "2,423,000" shares no zeros with a "1" before it.
        if zeros > 1.0 && lead < 1000.0 && first.value < lead {
            min = first.value * zeros;
        }
    }
    (min <= second.value).then_some((min, second.value))
}

/// The two ends of a range written the wrong way round at `i` ("between
/// 1,500 and 500", "from 80 to 20", "1500-500"), which [`core_at`] does
/// not read as a range: the higher end first.
pub(crate) fn inverted_range_at(
    tokens: &Tokens,
    lexicon: &Lexicon,
    i: usize,
) -> Option<(f64, f64)> {
    let (at, joiners): (usize, &[&str]) = match tokens.word(i) {
        Some("between") => (i + 1, &["and"]),
        Some("from") => (i + 1, &["to", "through"]),
        _ => (i, &["to", "through"]),
    };
    let first = number_at(tokens, &lexicon.notation, at)?;
    let dash = is_dash(tokens.punct(first.end));
    if !dash && !tokens.word(first.end).is_some_and(|w| joiners.contains(&w)) {
        return None;
    }
    // "2024-12", "2024-02-28", "2024-1": a year and a month, not a range.
    if dash && tokens.raw(at).len() == 4 && tokens.raw(first.end + 1).len() <= 2 {
        return None;
    }
    let second = number_at(tokens, &lexicon.notation, first.end + 1)?;
    range_end(&first, &second)
        .is_none()
        .then_some((first.value, second.value))
}

fn core_at(tokens: &Tokens, lexicon: &Lexicon, i: usize) -> Option<Core> {
    if let Some(word) = tokens.word(i) {
        let joiners: &[&str] = match word {
            "between" => &["and"],
            "from" => &["to", "through"],
            _ => &[],
        };
        if !joiners.is_empty() {
            let first = number_at(tokens, &lexicon.notation, i + 1)?;
            let at = first.end;
            let joined = tokens.word(at).is_some_and(|w| joiners.contains(&w))
                || (word == "from" && is_dash(tokens.punct(at)));
            if !joined {
                return None;
            }
            let second = number_at(tokens, &lexicon.notation, at + 1)?;
            // "between 20% and 30 people": not one range.
            if first.percent && !second.percent {
                return None;
            }
            let range = range_end(&first, &second)?;
            return Some(Core {
                first,
                range: Some(range),
                end: second.end,
            });
        }
    }
    // "-40", "−40 °C", "−$300 million", "minus five": a signed number,
    // no count (and no mention rather than the number without its sign).
    if signed(tokens, i)
        && (tokens.number(i).is_some()
            || tokens.word(i).is_some_and(starts_number_word)
            || lexicon.notation.sign_at(tokens, i).is_some())
    {
        return None;
    }
    let first = number_at(tokens, &lexicon.notation, i)?;
    let at = first.end;
    let dash = is_dash(tokens.punct(at));
    let word_joiner = tokens.word(at).is_some_and(|w| RANGE_WORDS.contains(&w));
    if (dash || word_joiner)
        && !tokens.breaks(at + 1)
        && let Some(second) = number_at(tokens, &lexicon.notation, at + 1)
    {
        // "+1-222-2222-2222": a chain of dashes is a code, not a range.
        let chained = dash
            && tokens.joined(second.end)
            && (is_dash(tokens.punct(second.end)) || tokens.punct(second.end) == Some('/'));
        if chained {
            return None;
        }
        // "20% to 30 people" is a share and a count, not one range.
        if let Some(range) = range_end(&first, &second).filter(|_| !first.percent || second.percent)
        {
            return Some(Core {
                first,
                range: Some(range),
                end: second.end,
            });
        }
        if dash && tokens.joined(at) {
            // "1995-01": not a count.
            return None;
        }
    }
    Some(Core {
        first,
        range: None,
        end: at,
    })
}

enum Prefix {
    Bound(Bound),
    Hedge(String),
    Equal,
}

/// The longest bound phrase or hedge at `i`.
fn prefix_at(tokens: &Tokens, lexicon: &Lexicon, i: usize) -> Option<(usize, Prefix)> {
    // Every phrase below opens with a word of `first_words` (or is a
    // symbol): a word not among them starts none, and most words of a
    // value ("civilians", "dozens") are told so by one lookup instead of
    // a hundred comparisons.
    if let Some(word) = tokens.word(i)
        && !lexicon.first_words.contains(word)
    {
        return None;
    }
    let mut best: Option<(usize, Prefix)> = None;
    let mut consider = |end: usize, prefix: Prefix| {
        if best.as_ref().is_none_or(|(e, _)| end > *e) {
            best = Some((end, prefix));
        }
    };
    for (phrase, bound) in BOUNDS_BEFORE {
        if let Some(end) = tokens.phrase(i, phrase) {
            let mut bound = *bound;
            let mut end = end;
            // "less than or equal to", "more than or equal"
            if bound.strict
                && let Some(after) = tokens
                    .phrase(end, "or equal to")
                    .or_else(|| tokens.phrase(end, "or equal"))
            {
                bound.strict = false;
                end = after;
            }
            consider(end, Prefix::Bound(bound));
        }
    }
    // A verb of passing after a projection's opener: "may top 10,000",
    // "is expected to top 4,000" (more than the figure, as the table
    // reader reads such a cell; twentieth audit, G8). "Top" is read so
    // only there: elsewhere it is as often an adjective ("the top 10").
    for &(verb, passes) in PROJECTION_VERBS {
        if passes
            && let Some(end) = tokens.phrase(i, verb)
            && projection_opener_ends_at(tokens, i)
        {
            consider(
                end,
                Prefix::Bound(Bound {
                    lower: true,
                    strict: true,
                }),
            );
        }
    }
    // "bigger or equal than", "equal to or more than", "at least or equal to"
    for (word, lower) in COMPARATIVES {
        for tail in ["or equal than", "or equal to"] {
            if tokens.is(i, word)
                && let Some(end) = tokens.phrase(i + 1, tail)
            {
                consider(
                    end,
                    Prefix::Bound(Bound {
                        lower: *lower,
                        strict: false,
                    }),
                );
            }
        }
    }
    for head in ["equal to or", "equals to or"] {
        if let Some(at) = tokens.phrase(i, head) {
            for (word, lower) in COMPARATIVES {
                if tokens.is(at, word) && tokens.is(at + 1, "than") {
                    consider(
                        at + 2,
                        Prefix::Bound(Bound {
                            lower: *lower,
                            strict: false,
                        }),
                    );
                }
            }
        }
    }
    if let Some(end) = tokens.phrase(i, "at least or equal to") {
        consider(
            end,
            Prefix::Bound(Bound {
                lower: true,
                strict: false,
            }),
        );
    }
    for phrase in ["equal to", "equals to", "equals", "equaling to", "equal"] {
        if let Some(end) = tokens.phrase(i, phrase) {
            consider(end, Prefix::Equal);
        }
    }
    // A symbol glued to a number before it joins a range ("200~300").
    let after_number = tokens.joined(i) && i > 0 && tokens.number(i - 1).is_some();
    for hedge in &lexicon.hedges {
        if after_number && hedge.starts_with(is_symbol) {
            continue;
        }
        if let Some(end) = tokens.phrase(i, hedge) {
            consider(end, Prefix::Hedge(hedge.clone()));
            break;
        }
    }
    // Symbols: ">", ">=", "<", "<=", "≥", "≤".
    if let Some(c) = tokens.punct(i) {
        let glued_before = tokens.joined(i) && tokens.punct(i - 1).is_some();
        let lower = match c {
            '>' | '≥' => Some(true),
            '<' | '≤' => Some(false),
            _ => None,
        };
        if let Some(lower) = lower
            && !glued_before
        {
            let mut end = i + 1;
            let mut strict = matches!(c, '>' | '<');
            if strict && tokens.punct(end) == Some('=') {
                strict = false;
                end += 1;
            }
            consider(end, Prefix::Bound(Bound { lower, strict }));
        }
    }
    best
}

/// Whether words of [`PROJECTION_OPENERS`] end right before token `i`
/// ("may" in "may top 10,000", "expected to" in "expected to top 4,000").
fn projection_opener_ends_at(tokens: &Tokens, i: usize) -> bool {
    PROJECTION_OPENERS.iter().any(|opener| {
        let words = opener.split(' ').count();
        i.checked_sub(words)
            .is_some_and(|start| tokens.phrase(start, opener) == Some(i))
    })
}

/// Whether the quantity read from token `i` is a projection's figure,
/// as a table cell that opens with the same words is
/// ([`super::after_projection_marker`]): an opener of
/// [`PROJECTION_OPENERS`] and a verb of [`PROJECTION_VERBS`] end right
/// before it ("could reach 10,000", "may rise to as many as 10,000"), or
/// the opener ends before it and the verb opens it ("may top 10,000",
/// read as more than 10,000), or [`PROJECTION_WORD`] ends right before it
/// ("a projected 4,000 cases"). All on one line.
pub(crate) fn projection_at(tokens: &Tokens, i: usize) -> bool {
    let on_line = |start: usize| (start + 1..=i).all(|k| !tokens.breaks(k));
    let verb_before = PROJECTION_VERBS.iter().any(|(verb, _)| {
        let words = verb.split(' ').count();
        i.checked_sub(words).is_some_and(|start| {
            tokens.phrase(start, verb) == Some(i)
                && projection_opener_ends_at(tokens, start)
                && on_line(start)
        })
    });
    let verb_opens = PROJECTION_VERBS
        .iter()
        .any(|(verb, _)| tokens.phrase(i, verb).is_some())
        && projection_opener_ends_at(tokens, i);
    let word_before = i
        .checked_sub(1)
        .is_some_and(|start| tokens.phrase(start, PROJECTION_WORD) == Some(i) && on_line(start));
    verb_before || verb_opens || word_before
}

/// The end of a projection's horizon that opens at token `at`, after its
/// figure, as the table reader reads one ([`super::horizon_splits`]): a
/// word of [`HORIZON_OPENERS`] and at most seven words more, on one line,
/// with no punctuation, "and", "or" or second opener among them, up to
/// the first date ("by March", "in 2030") or word of
/// [`HORIZON_TIME_WORDS`] ("over the medium term", "within 12 weeks", "by
/// the end of the year"); or words of time the date grammar reads, with
/// no opener ("next month", "this year"). `None` where the words after
/// the figure are no horizon ("in Gaza", "in need by March").
pub(crate) fn horizon_at(tokens: &Tokens, at: usize) -> Option<usize> {
    if tokens.breaks(at) {
        return None;
    }
    let first = tokens.word(at)?;
    let date_end = |k: usize| {
        super::date::date_at(tokens, k, None, false)
            .map(|read| read.end)
            .filter(|&end| end > k)
    };
    if !HORIZON_OPENERS.contains(&first) {
        return if super::date::may_start_date(first) {
            date_end(at)
        } else {
            None
        };
    }
    for k in at + 1..at + 8 {
        if tokens.breaks(k) {
            return None;
        }
        if let Some(end) = date_end(k) {
            return Some(end);
        }
        // A count of spans ("within 12 weeks").
        if tokens.number(k).is_some() {
            continue;
        }
        let word = tokens.word(k)?;
        if matches!(word, "and" | "or") || HORIZON_OPENERS.contains(&word) {
            return None;
        }
        if HORIZON_TIME_WORDS.contains(&word) {
            return Some(k + 1);
        }
    }
    None
}

fn bound_amount(bound: Bound, value: f64) -> Amount {
    if bound.lower {
        Amount::AtLeast {
            value,
            strict: bound.strict,
        }
    } else {
        Amount::AtMost {
            value,
            strict: bound.strict,
        }
    }
}

/// Two opposite bounds that make a range ("more than 10 and less than
/// 40"), as stated: the range they close depends on the unit read after
/// them ([`TwoBounds::range`]).
#[derive(Clone, Copy)]
struct TwoBounds {
    lower: (Bound, f64),
    upper: (Bound, f64),
    /// Where the first bound's number ends: what is read when the two
    /// leave no count between them.
    first: (Bound, f64, usize),
}

impl TwoBounds {
    /// The closed range the two bounds leave. A count's ends are whole
    /// counts ("more than 10 and less than 40" is 11 to 39); a number
    /// with a fraction, a share or a figure in a unit of measure
    /// (`measured`) keeps its ends as stated, a strict one just past the
    /// number ("more than 2 and less than 3 metres"), as one bound alone
    /// does in [`Quantity::interval`]. `None` when nothing lies between.
    fn range(&self, measured: bool) -> Option<(f64, f64)> {
        let end = |(bound, value): (Bound, f64)| {
            if measured || value.fract() != 0.0 {
                match (bound.lower, bound.strict) {
                    (true, true) => crate::quantity::next_up(value),
                    (false, true) => crate::quantity::next_down(value),
                    (_, false) => value,
                }
            } else {
                tightened(bound, value)
            }
        };
        let (low, high) = (end(self.lower), end(self.upper));
        (low <= high && low >= 0.0).then_some((low, high))
    }
}

/// The closed integer interval of a bound, for combining two bounds.
fn tightened(bound: Bound, value: f64) -> f64 {
    match (bound.lower, bound.strict) {
        (true, true) => value.floor() + 1.0,
        (true, false) => value.ceil(),
        (false, true) => value.ceil() - 1.0,
        (false, false) => value.floor(),
    }
}

/// The denominator a fraction noun names, when `unit` is one alone:
/// "quarters" 4, "third" 3 ("three quarters" is a share of 75 percent,
/// not three of something called quarters).
fn fraction_denominator(unit: &str) -> Option<f64> {
    const FRACTIONS: &[(&str, &str, f64)] = &[
        ("half", "halves", 2.0),
        ("third", "thirds", 3.0),
        ("quarter", "quarters", 4.0),
        ("fifth", "fifths", 5.0),
        ("sixth", "sixths", 6.0),
        ("seventh", "sevenths", 7.0),
        ("eighth", "eighths", 8.0),
        ("ninth", "ninths", 9.0),
        ("tenth", "tenths", 10.0),
    ];
    FRACTIONS
        .iter()
        .find(|(one, many, _)| unit.eq_ignore_ascii_case(one) || unit.eq_ignore_ascii_case(many))
        .map(|f| f.2)
}

/// A quantity read from tokens `start..end`.
pub(crate) struct QuantityMatch {
    pub(crate) end: usize,
    pub(crate) quantity: Quantity,
    /// A figure written with a scale abbreviation that is also the
    /// symbol of a unit ("5m": 5 million or 5 metres), with no currency
    /// sign or plural noun to say which: the figure as read, the
    /// abbreviation as written and the unit. Not to be taken as read.
    pub(crate) ambiguous: Option<Ambiguous>,
    /// A word after the figure that qualifies it and is not read
    /// ([`QUALIFIERS_AFTER`]: "20 odd", "300 perhaps"): the token after
    /// that word. `end` is then the figure's end, without a unit. Not
    /// to be taken as read.
    pub(crate) qualified: Option<usize>,
    /// A bound or hedge written after the figure that its clause goes on
    /// past ("300 max people", "300 approx. people"; [`postfix_at`]):
    /// read where it ends the clause, it may here bound the figure or
    /// describe the noun after it ("300 maximum security prisoners").
    /// The whole-value parser refuses the figure, naming it; the scanner
    /// reads the figure as before, but for a bound word of
    /// [`BOUNDS_BEFORE_NOUN`] before a counted noun of one plural word,
    /// which it reads as the bound ("300 max people": at most 300
    /// people; `postfix` is then `None`).
    pub(crate) postfix: Option<Postfix>,
}

/// A bound or hedge after a figure, before more words
/// ([`QuantityMatch::postfix`]).
pub(crate) struct Postfix {
    /// The token of its first word.
    pub(crate) at: usize,
    /// The token after it.
    pub(crate) after: usize,
    /// The same bound or hedge as written before a number: "at most" for
    /// "max", "approx." for "approx.".
    pub(crate) before: String,
}

/// A figure that reads two ways ([`QuantityMatch::ambiguous`]).
pub(crate) struct Ambiguous {
    /// The number and abbreviation as written: "5m".
    pub(crate) written: String,
    /// The number before the abbreviation: 5.
    pub(crate) base: f64,
    /// The abbreviation's factor: 10^6.
    pub(crate) factor: f64,
    /// The unit it is also the symbol of: "metres".
    pub(crate) unit: String,
}

/// How the figures of a quantity were written ([`notation_in`]).
struct Written {
    /// The measure their currency signs name, by its index in the
    /// [`Notation`].
    currency: Option<u16>,
    /// The digits' token and the index of an abbreviation after them
    /// that is also a unit's symbol ("5m").
    ambiguous: Option<(usize, u16)>,
}

/// The currency signs and scale abbreviations of the figures in tokens
/// `i..end`: the measure the signs name, before a number or, where the
/// vocabulary allows, after one ("5 €", which [`number_at`] read with
/// the number), and an abbreviation that is also a unit's symbol,
/// written after digits. `None` when two signs name different measures
/// ("between $5 and €6").
fn notation_in(tokens: &Tokens, notation: &Notation, i: usize, end: usize) -> Option<Written> {
    let mut currency = None;
    let mut ambiguous = None;
    for k in i..end {
        if tokens.number(k).is_some() {
            if k + 1 < end
                && let Some(index) = tokens.word(k + 1).and_then(|w| notation.scale(w))
                && notation
                    .abbreviation(index)
                    .is_some_and(|(_, _, unit)| unit.is_some())
            {
                ambiguous = Some((k, index));
            }
        } else if let Some((_, measure)) = notation
            .sign_at(tokens, k)
            .filter(|&(at, _)| at < end && tokens.number(at).is_some())
            .or_else(|| {
                notation
                    .sign_after(tokens, k)
                    .filter(|&(at, _)| at <= end && k > i)
            })
        {
            if currency.is_some_and(|m| m != measure) {
                return None;
            }
            currency = Some(measure);
        }
    }
    Some(Written {
        currency,
        ambiguous,
    })
}

/// Reads a quantity at token `i`. With `strict` false (scanning), a lone
/// "one" and a year in a date context are not read.
pub(crate) fn quantity_at(
    tokens: &Tokens,
    lexicon: &Lexicon,
    i: usize,
    strict: bool,
) -> Option<QuantityMatch> {
    let AmountRead {
        amount,
        end,
        allow_of,
        bounds,
        phrase,
    } = amount_at(tokens, lexicon, i, strict)?;
    // "20 odd", "300 perhaps": a figure qualified by a word no grammar
    // here reads, not a count of "odd" or "perhaps".
    if !matches!(amount, Amount::Vague { .. })
        && let Some(after) = qualifier_after(tokens, end)
    {
        let quantity = Quantity::new(amount).ok()?;
        return Some(QuantityMatch {
            end,
            quantity,
            ambiguous: None,
            qualified: Some(after),
            postfix: None,
        });
    }
    // "300 max people": a bound or hedge after the figure that does not
    // end its clause, which `amount_at` left unread.
    let postfix = if matches!(amount, Amount::Vague { .. }) {
        None
    } else {
        postfix_at(tokens, lexicon, end)
    };
    // A share ("41.2%", "between 62 and 65 per cent", "about 40-45
    // percent") has the unit `percent`, as a table cell's share has, and
    // no counted noun: "41.2% of voters" is a share of voters, not a
    // count of them.
    let percent = (i..end).any(|k| {
        tokens.punct(k) == Some('%')
            || tokens.is(k, "percent")
            || (k > i && tokens.is(k, "cent") && tokens.is(k - 1, "per"))
    });
    let Written {
        currency,
        ambiguous,
    } = notation_in(tokens, &lexicon.notation, i, end)?;
    // "300 max people", in running text: a bound adjective between an
    // exact figure and its counted noun, one plural word, bounds the
    // figure ([`bound_before_noun`]); the whole-value parser refuses it.
    let noun_bound = postfix
        .as_ref()
        .filter(|_| !strict && !percent && currency.is_none())
        .and_then(|postfix| match amount {
            Amount::Exact(value) => bound_before_noun(tokens, lexicon, postfix, value),
            _ => None,
        });
    let (amount, postfix, noun_bound) = match noun_bound {
        Some((amount, after, noun)) => (amount, None, Some((after, noun))),
        None => (amount, postfix, None),
    };
    let (end, unit) = if let Some((after, noun)) = noun_bound {
        (after, Some(noun))
    } else if percent {
        (end, Some("percent".to_string()))
    } else {
        match currency.map(|index| lexicon.notation.measure(index)) {
            // "$1.2 billion": in the sign's measure. A noun after it is
            // taken only when it names that measure again ("$5 million
            // dollars"); "$5 million aid" goes on past the quantity.
            Some(measure) => match unit_at(tokens, end, false) {
                (after, Some(noun)) if lexicon.measures.measure(&noun) == Some(measure) => {
                    (after, Some(measure.to_string()))
                }
                _ => (end, Some(measure.to_string())),
            },
            None => unit_or_measure_at(tokens, lexicon, end, allow_of),
        }
    };
    // "5m": million or metres. A currency sign ("$5m") or a plural noun
    // after it ("5m people", "1.2m barrels") says million; without one
    // the figure is not taken as read.
    let ambiguous = ambiguous
        .filter(|_| currency.is_none())
        .filter(|_| {
            !unit
                .as_deref()
                .and_then(|unit| unit.rsplit(' ').next())
                .is_some_and(|last| is_plural(&last.to_lowercase()))
        })
        .and_then(|(k, index)| {
            let (_, factor, unit) = lexicon.notation.abbreviation(index)?;
            Some(Ambiguous {
                written: tokens.raw_span(k, k + 2).to_string(),
                base: tokens.number(k)?.0,
                factor,
                unit: unit?.to_string(),
            })
        });
    // Two bounds close a range by the unit after them: whole counts, or
    // a measure's ends as stated. Where they leave no count between them
    // ("more than 2 and less than 3 people"), the first bound alone.
    let (amount, end, unit) = match bounds {
        None => (amount, end, unit),
        Some(bounds) => {
            let measured = unit
                .as_deref()
                .is_some_and(|unit| unit == "percent" || lexicon.is_measure(unit));
            match bounds.range(measured) {
                Some((min, max)) => (Amount::Range { min, max }, end, unit),
                None => {
                    let (bound, value, first_end) = bounds.first;
                    let (end, unit) = unit_at(tokens, first_end, false);
                    (bound_amount(bound, value), end, unit)
                }
            }
        }
    };
    // "three quarters", "two thirds": a share, not a count of quarters.
    let (amount, unit) = match (&amount, unit.as_deref().and_then(fraction_denominator)) {
        (Amount::Exact(n), Some(d)) if n.fract() == 0.0 && *n >= 1.0 && *n < d => {
            (Amount::Exact(n / d * 100.0), Some("percent".to_string()))
        }
        _ => (amount, unit),
    };
    // "300 fighters at most.", "500 people or more,": a bound after the
    // counted noun bounds the figure, as one before it does, where the
    // clause ends with it ("300 fighters at least 20 km away" bounds the
    // next figure, and is left to it).
    // So does a hedge the vocabulary reads after a number ("300 people
    // approx.", "300 people or so"), as it would right after the figure.
    let (amount, end) = match amount {
        Amount::Exact(value) if unit.is_some() => match bound_closing_clause(tokens, end) {
            Some((after, bound)) => (bound_amount(bound, value), after),
            None => match hedge_closing_clause(tokens, lexicon, end) {
                Some((after, qualifier)) => (Amount::Approximate { value, qualifier }, after),
                None => (amount, end),
            },
        },
        _ => (amount, end),
    };
    // "about 40-45": a range after a hedge is hedged as a whole (the only
    // way `amount_at` makes a range after one).
    let hedge = match amount {
        Amount::Range { .. } => match prefix_at(tokens, lexicon, i) {
            Some((_, Prefix::Hedge(qualifier))) => Some(qualifier),
            _ => None,
        },
        _ => None,
    };
    // An exact figure written with decimals or a scale word was rounded
    // to its last digit ("5.7 million", "30.2%"): the number it was read
    // from says to what.
    let rounded_to = match amount {
        // Read from the digits: a currency sign before them was read.
        Amount::Exact(value) => (i..end)
            .find(|&k| tokens.number(k).is_some())
            .and_then(|k| digits_at(tokens, &lexicon.notation, k, true))
            .filter(|num| num.value == value)
            .and_then(|num| num.step),
        _ => None,
    };
    let mut quantity = Quantity::new(amount).ok()?;
    if let Some(qualifier) = hedge {
        quantity = quantity.with_range_qualifier(qualifier).ok()?;
    }
    if let Some(step) = rounded_to {
        quantity = quantity.with_rounding(step).ok()?;
    }
    if let Some(phrase) = phrase.filter(|_| bounds.is_none()) {
        quantity = quantity.with_bound_phrase(phrase).ok()?;
    }
    if let Some(unit) = unit {
        quantity = quantity.with_unit(unit);
    }
    Some(QuantityMatch {
        end,
        quantity,
        ambiguous,
        qualified: None,
        postfix,
    })
}

/// The token after a word at `end`, after a figure, that qualifies the
/// figure and is not read ([`QUALIFIERS_AFTER`]), on the same line.
fn qualifier_after(tokens: &Tokens, end: usize) -> Option<usize> {
    if tokens.breaks(end) || tokens.word(end).is_none() {
        return None;
    }
    QUALIFIERS_AFTER
        .iter()
        .find_map(|phrase| tokens.phrase(end, phrase))
}

/// A bound or hedge after a number at `end` that ends the figure's
/// clause: "300 max", "300 minimum", "300 tops" ([`FINAL_BOUNDS_AFTER`])
/// and the hedges the vocabulary reads after a number ("300
/// approximately"). Not one that a counted noun follows, which it
/// describes ("300 maximum security prisoners", "300 roughly equal
/// parts"): the token after it, and the amount it makes of `value`.
fn final_qualifier_at(
    tokens: &Tokens,
    lexicon: &Lexicon,
    end: usize,
    value: f64,
) -> Option<(usize, Amount)> {
    if tokens.breaks(end) || tokens.word(end).is_none() {
        return None;
    }
    let (after, amount) = FINAL_BOUNDS_AFTER
        .iter()
        .find_map(|(phrase, bound)| {
            Some((tokens.phrase(end, phrase)?, bound_amount(*bound, value)))
        })
        .or_else(|| {
            lexicon.after_hedges.iter().find_map(|hedge| {
                Some((
                    tokens.phrase(end, hedge)?,
                    Amount::Approximate {
                        value,
                        qualifier: hedge.clone(),
                    },
                ))
            })
        })?;
    unit_at(tokens, after, false)
        .1
        .is_none()
        .then_some((after, amount))
}

/// The token after the words at `i` that mark an estimate
/// ([`ESTIMATE_MARKERS`]), unless the vocabulary lists them as a hedge.
pub(crate) fn estimate_marker_at(tokens: &Tokens, lexicon: &Lexicon, i: usize) -> Option<usize> {
    ESTIMATE_MARKERS
        .iter()
        .filter(|phrase| !lexicon.hedges.iter().any(|hedge| hedge == *phrase))
        .find_map(|phrase| tokens.phrase(i, phrase))
}

/// An amount read at a token.
struct AmountRead {
    amount: Amount,
    /// The token after it.
    end: usize,
    /// Whether an "of" may join the counted noun ("dozens of prisoners").
    allow_of: bool,
    /// Two opposite bounds, which close a range by the unit after them
    /// (`amount` is then a placeholder).
    bounds: Option<TwoBounds>,
    /// The vague phrase a bound is over, as stated ("a few hundred").
    phrase: Option<String>,
}

impl From<(Amount, usize, bool)> for AmountRead {
    fn from((amount, end, allow_of): (Amount, usize, bool)) -> AmountRead {
        AmountRead {
            amount,
            end,
            allow_of,
            bounds: None,
            phrase: None,
        }
    }
}

/// The amount at `i`: after the words that mark an estimate, the amount
/// as printed ("an estimated 7,000 to 11,000" is 7,000 to 11,000).
fn amount_at(tokens: &Tokens, lexicon: &Lexicon, i: usize, strict: bool) -> Option<AmountRead> {
    match estimate_marker_at(tokens, lexicon, i) {
        Some(after) if !tokens.breaks(after) => amount_unmarked(tokens, lexicon, after, strict),
        _ => amount_unmarked(tokens, lexicon, i, strict),
    }
}

fn amount_unmarked(
    tokens: &Tokens,
    lexicon: &Lexicon,
    i: usize,
    strict: bool,
) -> Option<AmountRead> {
    if let Some((after, prefix)) = prefix_at(tokens, lexicon, i)
        && !tokens.breaks(after)
    {
        let Some(core) = core_at(tokens, lexicon, after) else {
            return match prefix {
                Prefix::Bound(bound) => bound_over_vague(tokens, lexicon, bound, after, strict),
                _ => None,
            };
        };
        let amount = match (prefix, core.range) {
            (Prefix::Hedge(_), Some((min, max))) => {
                return Some((Amount::Range { min, max }, core.end, false).into());
            }
            (Prefix::Hedge(qualifier), None) => {
                // "about 500 or more": the bound is the firmer statement.
                if let Some((after, bound)) = bound_after(tokens, lexicon, core.first.end) {
                    return Some((bound_amount(bound, core.first.value), after, false).into());
                }
                Amount::Approximate {
                    value: core.first.value,
                    qualifier,
                }
            }
            (Prefix::Equal, _) => {
                if let Some((after, bound)) = bound_after(tokens, lexicon, core.first.end) {
                    return Some((bound_amount(bound, core.first.value), after, false).into());
                }
                Amount::Exact(core.first.value)
            }
            (Prefix::Bound(mut bound), _) => {
                let mut first_end = core.first.end;
                let value = core.first.value;
                // "less than 5000 or equal", "more than 5000 or equal to"
                if bound.strict
                    && let Some(after) = tokens
                        .phrase(first_end, "or equal to")
                        .or_else(|| tokens.phrase(first_end, "or equal"))
                    && number_at(tokens, &lexicon.notation, after).is_none()
                {
                    bound.strict = false;
                    first_end = after;
                }
                let amount = bound_amount(bound, value);
                // "more than 10 and less than 40": both bounds make a range.
                // So do two bounds each with its unit, when the units are
                // one ("more than 2 metres and less than 3 metres"); the
                // unit after the second is read as the range's.
                let first_unit = match unit_at(tokens, first_end, false) {
                    (after, Some(unit)) => Some((after, unit)),
                    (_, None) => None,
                };
                let mut at = first_unit.as_ref().map_or(first_end, |(after, _)| *after);
                if matches!(tokens.word(at), Some("and" | "but")) || tokens.punct(at) == Some(',') {
                    at += 1;
                    if tokens.is(at, "and") || tokens.is(at, "but") {
                        at += 1;
                    }
                    if let Some((after2, Prefix::Bound(other))) = prefix_at(tokens, lexicon, at)
                        && other.lower != bound.lower
                        && let Some(second) = number_at(tokens, &lexicon.notation, after2)
                        && first_unit.as_ref().is_none_or(|(_, first)| {
                            unit_at(tokens, second.end, false)
                                .1
                                .is_some_and(|second| lexicon.same_unit(first, &second))
                        })
                    {
                        let (lower, upper) = if bound.lower {
                            ((bound, value), (other, second.value))
                        } else {
                            ((other, second.value), (bound, value))
                        };
                        let bounds = TwoBounds {
                            lower,
                            upper,
                            first: (bound, value, first_end),
                        };
                        // A range either way, a measure's or a count's:
                        // the unit after it decides which.
                        if bounds.range(true).is_some() || bounds.range(false).is_some() {
                            return Some(AmountRead {
                                amount,
                                end: second.end,
                                allow_of: false,
                                bounds: Some(bounds),
                                phrase: None,
                            });
                        }
                    }
                }
                return Some((amount, first_end, false).into());
            }
        };
        let end = core.first.end;
        return Some((amount, end, false).into());
    }
    if let Some(core) = core_at(tokens, lexicon, i) {
        if let Some((min, max)) = core.range {
            return Some((Amount::Range { min, max }, core.end, false).into());
        }
        let value = core.first.value;
        let end = core.first.end;
        if let Some((after, bound)) = bound_after(tokens, lexicon, end) {
            return Some((bound_amount(bound, value), after, false).into());
        }
        if let Some((after, amount)) = final_qualifier_at(tokens, lexicon, end, value) {
            return Some((amount, after, false).into());
        }
        for hedge in &lexicon.suffix_hedges {
            if let Some(after) = tokens.phrase(end, hedge) {
                return Some(
                    (
                        Amount::Approximate {
                            value,
                            qualifier: hedge.clone(),
                        },
                        after,
                        false,
                    )
                        .into(),
                );
            }
        }
        if !strict {
            if core.first.determiner {
                return None;
            }
            if core.first.plain_digits == Some(4)
                && (1900.0..=2100.0).contains(&value)
                && year_context(tokens, i)
            {
                return None;
            }
        }
        return Some((Amount::Exact(value), end, false).into());
    }
    // A vague phrase, longest first.
    for phrase in &lexicon.vague {
        if let Some(end) = tokens.phrase(i, phrase) {
            // Scale words after it ("a few dozen", "several hundred
            // thousand") scale it, as the vocabulary reads such a phrase,
            // unless the phrase ends in a plural number noun ("dozens",
            // "hundreds", which "of" joins to a scale: "tens of
            // thousands").
            let last = phrase.rsplit(' ').next().unwrap_or_default();
            let plural = crate::vocab::number_noun(last).is_some()
                && crate::vocab::scale_word(last).is_none();
            // Each larger than the one before ("hundred thousand").
            let mut scaled = end;
            let mut previous = crate::vocab::scale_word(last).unwrap_or(0.0);
            while !plural
                && let Some(scale) = tokens
                    .word(scaled)
                    .and_then(crate::vocab::scale_word)
                    .filter(|&scale| scale > previous)
            {
                previous = scale;
                scaled += 1;
            }
            // Or one scale joined by "of": "a couple of dozen", and a
            // plural one after a plural number noun, "dozens of thousands"
            // (what the vocabulary lists itself, "tens of thousands", was
            // matched whole first).
            if scaled == end
                && tokens.is(end, "of")
                && let Some(scale) = tokens.word(end + 1).filter(|w| {
                    let size = if plural {
                        crate::vocab::number_noun(w).filter(|_| w.ends_with('s'))
                    } else {
                        crate::vocab::scale_word(w)
                    };
                    size.is_some_and(|size| size > crate::vocab::number_noun(last).unwrap_or(0.0))
                })
            {
                return Some(
                    (
                        Amount::Vague {
                            phrase: format!("{phrase} of {scale}"),
                        },
                        end + 2,
                        true,
                    )
                        .into(),
                );
            }
            if scaled > end {
                let mut phrase = phrase.clone();
                for k in end..scaled {
                    phrase.push(' ');
                    phrase.push_str(tokens.word(k).unwrap_or_default());
                }
                return Some((Amount::Vague { phrase }, scaled, true).into());
            }
            return Some(
                (
                    Amount::Vague {
                        phrase: phrase.clone(),
                    },
                    end,
                    true,
                )
                    .into(),
            );
        }
    }
    None
}

/// The unit after a number: what [`unit_at`] reads, or a unit of
/// measure of the vocabulary written there ([`measure_unit_at`]) where
/// that goes further ("120 km/h", where the words stop at "km"), or
/// where the words name no measure ("46.2 degrees Celsius", where they
/// stop at the capital; "46.2°C", which has no words).
fn unit_or_measure_at(
    tokens: &Tokens,
    lexicon: &Lexicon,
    at: usize,
    allow_of: bool,
) -> (usize, Option<String>) {
    let read = unit_at(tokens, at, allow_of);
    match measure_unit_at(tokens, lexicon, at) {
        Some((after, unit))
            if after > read.0 || read.1.as_deref().is_none_or(|u| !lexicon.is_measure(u)) =>
        {
            (after, Some(unit))
        }
        _ => read,
    }
}

/// A unit word of the vocabulary's measures written from token `at`,
/// without case, spaced as the vocabulary spells it and with nothing
/// between its signs that it lacks ("km/h", "°C", "degrees Celsius"),
/// against the number or after a space: the token after it, and the unit
/// as written. The longest such word; none that runs on into a word or
/// a number ("km/hr").
fn measure_unit_at(tokens: &Tokens, lexicon: &Lexicon, at: usize) -> Option<(usize, String)> {
    if tokens.breaks(at) {
        return None;
    }
    lexicon
        .measure_words
        .get(tokens.lower_raw(at))?
        .iter()
        .find_map(|word| {
            let mut rest = word.as_str();
            let mut k = at;
            while !rest.is_empty() {
                if k > at {
                    if tokens.breaks(k) {
                        return None;
                    }
                    if tokens.get(k)?.space_before {
                        rest = rest.strip_prefix(' ')?;
                    }
                }
                let text = tokens.lower_raw(k);
                if text.is_empty() {
                    return None;
                }
                rest = rest.strip_prefix(text)?;
                k += 1;
            }
            if tokens.joined(k) && (tokens.word(k).is_some() || tokens.number(k).is_some()) {
                return None;
            }
            Some((k, tokens.raw_span(at, k).to_string()))
        })
}

/// A bound over a vague phrase: "up to a few hundred", "as many as
/// several thousand", "at least dozens". The bound takes the phrase's
/// end on its side, as the vocabulary gives it: an upper bound its top
/// ("up to a few hundred" is at most 500, where "a few hundred" is
/// 200–500), a lower bound its bottom ("at least dozens" is 24 or more).
/// The bound is the firmer statement: it lifts the floor or the ceiling
/// the phrase alone would set, so "up to a few hundred" agrees with 150.
/// A phrase the vocabulary cannot give an interval for is no amount.
fn bound_over_vague(
    tokens: &Tokens,
    lexicon: &Lexicon,
    bound: Bound,
    at: usize,
    strict: bool,
) -> Option<AmountRead> {
    let read = amount_unmarked(tokens, lexicon, at, strict)?;
    let Amount::Vague { phrase } = &read.amount else {
        return None;
    };
    let entry = lexicon.measures.vague(phrase)?;
    let value = if bound.lower {
        entry.min()
    } else {
        entry.max()
    };
    let mut bounded: AmountRead = (bound_amount(bound, value), read.end, read.allow_of).into();
    bounded.phrase = Some(phrase.clone());
    Some(bounded)
}

/// A bound phrase at `end`, after a figure's counted noun, that ends the
/// clause ("300 fighters at most.", "500 people or more,"): the token
/// after it, and the bound. The phrases are those read after a number
/// ([`BOUNDS_AFTER`], [`FINAL_BOUNDS_AFTER`]); the clause ends at the
/// end of the text or the line, or at a comma, full stop, semicolon,
/// colon, closing bracket, exclamation or question mark.
fn bound_closing_clause(tokens: &Tokens, end: usize) -> Option<(usize, Bound)> {
    if tokens.breaks(end) {
        return None;
    }
    let (after, bound) = BOUNDS_AFTER
        .iter()
        .chain(FINAL_BOUNDS_AFTER)
        .find_map(|&(phrase, bound)| Some((tokens.phrase(end, phrase)?, bound)))?;
    clause_ends_at(tokens, after).then_some((after, bound))
}

/// Whether the clause of a figure ends at token `after`: at the end of
/// the text or the line, or at a comma, full stop, semicolon, colon,
/// closing bracket, exclamation or question mark.
fn clause_ends_at(tokens: &Tokens, after: usize) -> bool {
    after >= tokens.len()
        || tokens.breaks(after)
        || matches!(
            tokens.punct(after),
            Some(',' | '.' | ';' | ':' | ')' | '!' | '?')
        )
}

/// A hedge at `end`, after a figure's counted noun, that ends the clause
/// ("300 people approx.", "300 people or so"): one the vocabulary reads
/// after a number ([`Lexicon::after_hedges`], or one opening with "or
/// "). The token after it, and the hedge.
fn hedge_closing_clause(tokens: &Tokens, lexicon: &Lexicon, end: usize) -> Option<(usize, String)> {
    if tokens.breaks(end) {
        return None;
    }
    let (after, hedge) = lexicon
        .after_hedges
        .iter()
        .chain(&lexicon.suffix_hedges)
        .find_map(|hedge| Some((tokens.phrase(end, hedge)?, hedge)))?;
    clause_ends_at(tokens, after).then(|| (after, hedge.clone()))
}

/// A bound or hedge at `end`, after a figure, that would end its clause
/// ([`FINAL_BOUNDS_AFTER`], [`Lexicon::after_hedges`]) but that more
/// words follow ("300 max people", "300 approx. people", "300 at most
/// people"), with the same bound or hedge as written before a number:
/// the phrase itself where [`BOUNDS_BEFORE`] has it, or else that
/// table's first phrase of the same bound that is written after a
/// number too ("at most" for "max").
fn postfix_at(tokens: &Tokens, lexicon: &Lexicon, end: usize) -> Option<Postfix> {
    if end >= tokens.len() || tokens.breaks(end) || tokens.word(end).is_none() {
        return None;
    }
    let (after, before) = FINAL_BOUNDS_AFTER
        .iter()
        .find_map(|&(phrase, bound)| {
            let after = tokens.phrase(end, phrase)?;
            let before = BOUNDS_BEFORE
                .iter()
                .find(|&&(before, _)| before == phrase)
                .or_else(|| {
                    BOUNDS_BEFORE.iter().find(|&&(before, b)| {
                        b == bound && FINAL_BOUNDS_AFTER.iter().any(|&(after, _)| after == before)
                    })
                })
                .or_else(|| BOUNDS_BEFORE.iter().find(|&&(_, b)| b == bound))
                .map(|&(before, _)| before.to_string())?;
            Some((after, before))
        })
        .or_else(|| {
            lexicon
                .after_hedges
                .iter()
                .find_map(|hedge| Some((tokens.phrase(end, hedge)?, hedge.clone())))
        })?;
    (!clause_ends_at(tokens, after)).then_some(Postfix {
        at: end,
        after,
        before,
    })
}

/// In running text, a bound word of [`BOUNDS_BEFORE_NOUN`] that
/// `postfix` found after an exact figure of `value`, directly before the
/// figure's counted noun when that noun is one plural word ("300 max
/// people", "300 minimum fighters"): the bounded amount, the token after
/// the noun and the noun. A noun of one word is what the figure counts,
/// which "max" does not describe; before a longer noun phrase the word
/// opens a compound modifier ("300 maximum security prisoners", "300
/// minimum wage workers") and `None` leaves the figure counting it.
fn bound_before_noun(
    tokens: &Tokens,
    lexicon: &Lexicon,
    postfix: &Postfix,
    value: f64,
) -> Option<(Amount, usize, String)> {
    let bound = FINAL_BOUNDS_AFTER
        .iter()
        .filter(|(phrase, _)| BOUNDS_BEFORE_NOUN.contains(phrase))
        .find(|(phrase, _)| tokens.phrase(postfix.at, phrase) == Some(postfix.after))?
        .1;
    match unit_or_measure_at(tokens, lexicon, postfix.after, false) {
        (after, Some(noun)) if after == postfix.after + 1 && is_plural(&noun.to_lowercase()) => {
            Some((bound_amount(bound, value), after, noun))
        }
        _ => None,
    }
}

/// A bound phrase after a number: "500 or more", "200 or greater than".
fn bound_after(tokens: &Tokens, lexicon: &Lexicon, end: usize) -> Option<(usize, Bound)> {
    // "300+" and "300-plus": at least 300 (but "2+2" is a sum).
    if tokens.joined(end) {
        let after = match tokens.punct(end) {
            Some('+') => Some(end + 1),
            Some('-' | '‐') if tokens.is(end + 1, "plus") && tokens.joined(end + 1) => {
                Some(end + 2)
            }
            _ => None,
        };
        if let Some(after) = after
            && !(tokens.joined(after) && tokens.number(after).is_some())
        {
            return Some((after, LOWER));
        }
    }
    for (phrase, bound) in BOUNDS_AFTER {
        if let Some(after) = tokens.phrase(end, phrase) {
            // "200 or more than 190" is two mentions, not one.
            if tokens.number(after).is_some()
                || tokens.is(after, "than")
                    && number_at(tokens, &lexicon.notation, after + 1).is_some()
            {
                return None;
            }
            let after = if tokens.is(after, "than") {
                after + 1
            } else {
                after
            };
            return Some((after, *bound));
        }
    }
    None
}

/// Whether words of time open at token `k`: words the date grammar
/// reads ("next month", "last week", "yesterday", "next year",
/// "this coming Friday"), which say when, never what is counted
/// ([`unit_at`]; twenty-first audit, leftover of the twentieth's G8).
fn time_phrase_at(tokens: &Tokens, k: usize) -> bool {
    tokens.word(k).is_some_and(super::date::may_start_date)
        && super::date::date_at(tokens, k, None, false).is_some_and(|read| read.end > k)
}

fn looks_like_nationality_or_abbreviation(raw: &str, lower: &str) -> bool {
    let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    raw.contains('.')
        || all_caps
        || ["an", "ans", "ese", "ish", "i", "is"]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
}

fn is_plural(lower: &str) -> bool {
    IRREGULAR_PLURALS.contains(&lower)
        || (lower.ends_with('s')
            && !lower.ends_with("ss")
            && !lower.ends_with("us")
            && !lower.ends_with("is")
            && lower.len() > 2)
}

/// The counted noun after a quantity: at most [`MAX_UNIT_WORDS`] words
/// that look like a noun phrase, on the same line, without punctuation;
/// it ends before a stop word, a number, a month or weekday, "am" or
/// "pm" ("5 pm" is a time of day, not five of something, eighteenth
/// audit, E4), words of time the date grammar reads ("4,000 next
/// month", "12 last week": [`time_phrase_at`]), or a capitalized word that is not an abbreviation or
/// nationality; it ends after a plural noun. After a vague phrase an "of" is skipped: "dozens
/// of prisoners".
///
/// A lower-case word ending in "-ed" or "-ly" is taken only on the
/// strength of a plural noun after it, as its modifier: "40,000
/// displaced people", "3 confirmed deaths", "12 elderly people",
/// "1,200 newly displaced families". Without one it is a verb or an
/// adverb that begins a clause of its own, and the noun stops before it
/// ("50 fighters killed two guards", "300 killed in the attack",
/// "15 died overnight"). A singular noun does not vouch for it ("1
/// confirmed case"): after a number, "-ed" before a singular is as
/// often a verb and its object.
fn unit_at(tokens: &Tokens, at: usize, allow_of: bool) -> (usize, Option<String>) {
    let mut start = at;
    if allow_of && tokens.is(at, "of") && !tokens.breaks(at) {
        start += 1;
    }
    let mut end = start;
    // The end of the words taken for sure: an "-ed" or "-ly" word, and
    // the words after it, wait for a plural noun.
    let mut sure = start;
    let mut modifier = false;
    while end - start < MAX_UNIT_WORDS {
        let Some(lower) = tokens.word(end) else { break };
        if tokens.breaks(end) || !tokens.get(end).is_some_and(|t| t.space_before) {
            break;
        }
        let raw = tokens.raw(end);
        if UNIT_STOP_WORDS.contains(&lower)
            || starts_number_word(lower)
            || lookup(MONTHS, lower).is_some()
            || lookup(WEEKDAYS, lower).is_some()
            || lookup(MERIDIEM, lower).is_some()
            || time_phrase_at(tokens, end)
        {
            break;
        }
        let capitalized = raw.starts_with(char::is_uppercase);
        if capitalized && !looks_like_nationality_or_abbreviation(raw, lower) {
            break;
        }
        end += 1;
        if lower.ends_with("ly") || (lower.ends_with("ed") && !capitalized) {
            modifier = true;
            continue;
        }
        if is_plural(lower) {
            sure = end;
            break;
        }
        if !modifier {
            sure = end;
        }
    }
    let end = sure;
    if end == start {
        return (at, None);
    }
    let span = tokens.span(start, end);
    let unit = tokens.text.get(span).map(str::to_string);
    (end, unit)
}
