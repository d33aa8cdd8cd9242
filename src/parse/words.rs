//! The word tables of the English parsers, as documented constants.
//!
//! Hedge words and vague phrases are not here: they come from the
//! [`Vocabulary`](crate::Vocabulary), so that a swapped vocabulary changes
//! what is recognized.

/// Number words below twenty, with their values.
pub(crate) const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Ordinal words, lower case: "third" in "the third quarter",
/// "twenty-first" (whose last part is one). An ordinal is a place in a
/// sequence, never a figure of its own, and a part after one ("the
/// third quarter", "the first half") names a period or a place, not a
/// fraction ([`PLACE_WORDS`] too; twentieth audit, G10, leftover).
pub(crate) const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
];

/// Words that place a part in time or in a sequence as an ordinal does,
/// lower case: "the last quarter", "the final half", "next quarter",
/// "this quarter". A part after one is no fraction ([`ORDINALS`]).
pub(crate) const PLACE_WORDS: &[&str] = &[
    "last", "final", "next", "previous", "past", "this", "coming", "same",
];

/// The words of a part of a whole that open a number ("half a million",
/// "a quarter of voters"), which are no cardinal: after an ordinal or a
/// word of [`PLACE_WORDS`] they name a period or a place ("the third
/// quarter").
pub(crate) const PART_WORDS: &[&str] = &["half", "quarter"];

/// Tens words, with their values.
pub(crate) const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Multipliers that close a group: "ten thousand", "1.2 million", and
/// the Indian scale words "lakh" (100,000) and "crore" (10,000,000),
/// which Indian and Pakistani English also write plural after a number
/// ("2 lakhs", "1.2 crores"). A lakh or crore read as a counted noun
/// made "2 lakh people" 2 "lakh people" (the seventh audit); the
/// vocabulary's scale words (`crate::vocab::scale_word`) list them too,
/// so "several lakh" is a vague quantity scaled.
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("million", 1e6),
    ("crore", 1e7),
    ("crores", 1e7),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// A bound phrase: which side it bounds and whether the bound itself is
/// excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bound {
    /// True for a lower bound ("at least"), false for an upper bound.
    pub(crate) lower: bool,
    /// True when the stated number is excluded ("more than", "under").
    pub(crate) strict: bool,
}

pub(crate) const LOWER: Bound = Bound {
    lower: true,
    strict: false,
};
const ABOVE: Bound = Bound {
    lower: true,
    strict: true,
};
const UPPER: Bound = Bound {
    lower: false,
    strict: false,
};
const BELOW: Bound = Bound {
    lower: false,
    strict: true,
};

/// Words before a number that mark it as an estimate, lower case: "an
/// estimated 7,000 to 11,000", "officials estimated 300 homes". They say
/// what kind of figure it is, not how far from it the truth may lie, so
/// they are not hedges: the figure is read as printed, as the corpus
/// format writes it (`scope.status` `estimated`), and a table row that
/// opens with one is given that status. A vocabulary that lists one as a
/// hedge still reads it as one.
pub(crate) const ESTIMATE_MARKERS: &[&str] = &["an estimated", "estimated"];

/// Words that open a projection before its verb, lower case, longest
/// first: "could" in "could rise to 4,000", "is expected to" in "is
/// expected to reach 4,000". A table cell that opens with one and a verb
/// of [`PROJECTION_VERBS`] is a projection: its row is given the status
/// `projected`, as the corpus format writes "may rise to as many as
/// 10,000" (`scope.status`), and its figure is read as printed after
/// them. In running text, a verb of passing after one is a bound ("may
/// top 10,000" is more than 10,000).
pub(crate) const PROJECTION_OPENERS: &[&str] = &[
    "are expected to",
    "are forecast to",
    "are projected to",
    "are likely to",
    "is expected to",
    "is forecast to",
    "is projected to",
    "is likely to",
    "are set to",
    "is set to",
    "expected to",
    "forecast to",
    "projected to",
    "likely to",
    "set to",
    "could",
    "might",
    "would",
    "will",
    "may",
];

/// The verbs of a projection after its opener ([`PROJECTION_OPENERS`]),
/// lower case, longest first, with whether they say the figure will be
/// passed: "may exceed 4,000" and "may top 4,000" are more than 4,000, as
/// "more than" is; "could rise to 4,000", "expected to double to 4,000"
/// and "may reach 4,000" are 4,000. "Top" is read as a verb only here,
/// after an opener: elsewhere it is as often an adjective ("the top 10
/// universities").
pub(crate) const PROJECTION_VERBS: &[(&str, bool)] = &[
    ("increase to", false),
    ("climb to", false),
    ("double to", false),
    ("triple to", false),
    ("grow to", false),
    ("jump to", false),
    ("rise to", false),
    ("surpass", true),
    ("exceed", true),
    ("reach", false),
    ("top", true),
    ("hit", false),
];

/// A word that alone opens a table cell's figure as a projection,
/// "projected 4,000", without a verb after it.
pub(crate) const PROJECTION_WORD: &str = "projected";

/// Words that open a projection's horizon after its figure, lower case:
/// "by March", "over the medium term", "within weeks", "in 2025",
/// "before the end of the year". A horizon is one of them and words that
/// end in a date ("March", "2025") or a word of [`HORIZON_TIME_WORDS`],
/// with no other of them ("in need by March" is no horizon: "in need" is
/// not time); the table reader gives it to the claim's `scope.horizon`.
/// "Next", "this" and "later" are not here, being as often inside a
/// horizon ("by the end of this year") as before one.
pub(crate) const HORIZON_OPENERS: &[&str] = &[
    "by", "before", "until", "till", "within", "over", "in", "during", "through",
];

/// Words of a span of time that may end a projection's horizon, lower
/// case: "over the medium term", "by the end of the year", "within
/// weeks".
pub(crate) const HORIZON_TIME_WORDS: &[&str] = &[
    "term", "year", "years", "year-end", "month", "months", "week", "weeks", "day", "days",
    "decade", "decades", "quarter", "season", "summer", "winter", "spring", "autumn", "weekend",
];

/// Bound phrases before a number, lower case. Longer phrases are tried
/// first, so "no more than" wins over "more than". "upwards of" means
/// "more than" and is strict, as are "north of" and "well over"; "south
/// of" and "well under" mean "fewer than". "topped" and "topping" are
/// the verb "pass" ("deaths topped 1,000"); "top" is one only after a
/// projection's opener ([`PROJECTION_VERBS`]). "or equal to"/"or equal than" after a strict
/// phrase makes it inclusive (handled by the grammar).
pub(crate) const BOUNDS_BEFORE: &[(&str, Bound)] = &[
    ("at least", LOWER),
    ("no fewer than", LOWER),
    ("no less than", LOWER),
    ("not fewer than", LOWER),
    ("not less than", LOWER),
    ("a minimum of", LOWER),
    ("as few as", LOWER),
    ("more than", ABOVE),
    ("greater than", ABOVE),
    ("larger than", ABOVE),
    ("bigger than", ABOVE),
    ("higher than", ABOVE),
    ("over", ABOVE),
    ("above", ABOVE),
    ("upwards of", ABOVE),
    ("north of", ABOVE),
    ("well over", ABOVE),
    ("well above", ABOVE),
    ("in excess of", ABOVE),
    ("exceed", ABOVE),
    ("exceeds", ABOVE),
    ("exceeded", ABOVE),
    ("exceeding", ABOVE),
    ("surpass", ABOVE),
    ("surpassed", ABOVE),
    ("surpassing", ABOVE),
    ("topped", ABOVE),
    ("topping", ABOVE),
    ("up to", UPPER),
    ("as many as", UPPER),
    ("as much as", UPPER),
    ("at most", UPPER),
    ("no more than", UPPER),
    ("not more than", UPPER),
    ("a maximum of", UPPER),
    ("fewer than", BELOW),
    ("less than", BELOW),
    ("lower than", BELOW),
    ("smaller than", BELOW),
    ("under", BELOW),
    ("below", BELOW),
    ("south of", BELOW),
    ("well under", BELOW),
    ("well below", BELOW),
];

/// Comparatives that take "or equal than"/"or equal to" in place of
/// "than": "bigger or equal than 100" is at least 100.
pub(crate) const COMPARATIVES: &[(&str, bool)] = &[
    ("more", true),
    ("greater", true),
    ("larger", true),
    ("bigger", true),
    ("higher", true),
    ("less", false),
    ("fewer", false),
    ("lower", false),
    ("smaller", false),
];

/// Bound phrases after a number: "500 or more", "200 or fewer".
pub(crate) const BOUNDS_AFTER: &[(&str, Bound)] = &[
    ("or more", LOWER),
    ("and more", LOWER),
    ("or greater", LOWER),
    ("or above", LOWER),
    ("or higher", LOWER),
    ("and above", LOWER),
    ("or over", LOWER),
    ("plus", LOWER),
    ("or less", UPPER),
    ("or fewer", UPPER),
    ("or lower", UPPER),
    ("or below", UPPER),
    ("or under", UPPER),
];

/// Bound words after a number that end its clause, lower case, longest
/// first: "300 max", "300 tops", "300 minimum", "300 at least". Unlike
/// [`BOUNDS_AFTER`] ("500 or more people"), they are read only where no
/// counted noun follows them, since "maximum" and "minimum" also
/// describe one ("300 maximum security prisoners" counts prisoners) and
/// "tops" is also a verb ("$300 million tops forecasts"). "min" is not
/// here: it is as often minutes ([`QUALIFIERS_AFTER`]).
pub(crate) const FINAL_BOUNDS_AFTER: &[(&str, Bound)] = &[
    ("at the least", LOWER),
    ("at a minimum", LOWER),
    ("at the most", UPPER),
    ("at a maximum", UPPER),
    ("at least", LOWER),
    ("at most", UPPER),
    ("minimum", LOWER),
    ("maximum", UPPER),
    ("max", UPPER),
    ("tops", UPPER),
];

/// The words of [`FINAL_BOUNDS_AFTER`] that running text also reads as
/// the figure's bound between it and its counted noun, when that noun is
/// one plural word: "300 max people" is at most 300 people. They are
/// adjectives, which before a longer noun phrase open a compound
/// modifier instead ("300 maximum security prisoners", "300 minimum
/// wage workers"); "tops" is not here, being a verb too ("$300 million
/// tops forecasts"), nor are "at most" and "at least", which no noun
/// follows.
pub(crate) const BOUNDS_BEFORE_NOUN: &[&str] = &["maximum", "minimum", "max"];

/// Words after a number that qualify it rather than name what it counts,
/// and that no grammar here reads, lower case, longest first: "20 odd"
/// and "20 something" (some number over 20), "300 est" and "300
/// estimated" (an estimate), "300 perhaps", "300 maybe", "300 ish", "300
/// min" (a minimum, or minutes), "300 fewer" and "300 less" (a
/// difference, not a total; "15 more were injured" is a count of 15,
/// another 15). Such a figure is not read as a plain
/// number: the scanner gives no mention of it, and a table cell that
/// holds one is kept as text with a warning naming the word. The hedges
/// a vocabulary marks `after` ("300 approximately") and
/// [`FINAL_BOUNDS_AFTER`] ("300 max") are read instead.
pub(crate) const QUALIFIERS_AFTER: &[&str] = &[
    "give or take",
    "more or less",
    "or thereabouts",
    "something",
    "estimated",
    "possibly",
    "probably",
    "perhaps",
    "fewer",
    "maybe",
    "less",
    "odd",
    "est",
    "ish",
    "min",
];

/// Words that join the two ends of a range: "7,000 to 11,000". Dashes
/// (hyphen, en dash, em dash) and "~" join too.
pub(crate) const RANGE_WORDS: &[&str] = &["to", "through", "thru"];

/// Words that end a counted noun: determiners, prepositions,
/// conjunctions, pronouns, auxiliary and reporting verbs, adverbs of
/// degree and time. A unit is at most [`MAX_UNIT_WORDS`] words, never
/// crosses punctuation or a line, and stops after a plural noun.
pub(crate) const UNIT_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "across",
    "after",
    "against",
    "ago",
    "all",
    "also",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "later",
    "less",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "near",
    "neither",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "old",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "percent",
    "said",
    "same",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// The most words a counted noun takes.
pub(crate) const MAX_UNIT_WORDS: usize = 3;

/// Plural nouns that do not end in "s"; a unit stops after one.
pub(crate) const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "troops",
    "militia",
    "cattle",
    "livestock",
    "feet",
    "teeth",
    "mice",
    "geese",
    "clergy",
    "crew",
];

/// Month names and abbreviations, with their numbers. "may" and "march"
/// are also a modal verb and a verb: they are months only when
/// capitalized and in a date context (see the date grammar).
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations, numbered from Monday = 0.
pub(crate) const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("mon", 0),
    ("tuesday", 1),
    ("tue", 1),
    ("tues", 1),
    ("wednesday", 2),
    ("wed", 2),
    ("thursday", 3),
    ("thu", 3),
    ("thurs", 3),
    ("friday", 4),
    ("fri", 4),
    ("saturday", 5),
    ("sat", 5),
    ("sunday", 6),
    ("sun", 6),
];

/// Words before a bare four-digit number that make it a year: "in 2015",
/// "by 2015", "since 2001", "of 2021", "during 2020".
pub(crate) const YEAR_CONTEXT: &[&str] = &[
    "in",
    "by",
    "since",
    "of",
    "during",
    "until",
    "till",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "circa",
    "early",
    "late",
    "mid",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "between",
];

/// Words that place a date without changing it, read past at the start
/// of a whole date value: "in 2015", "on Tuesday", "during 2020", and
/// "on or about March 9, 2023", the legal phrase for a date, which a
/// `Period` holds as the date, since it has no approximate day (see
/// DESIGN.md, "Why is "the week of March 6" a week, and "on or about
/// March 9" that day?"). Longest first.
pub(crate) const DATE_PLACES: &[&str] = &[
    "on or about",
    "on or around",
    "in",
    "on",
    "during",
    "of",
    "at",
];

/// Words before a bare month name that make it a month ("in May",
/// "a May report", "since August").
pub(crate) const MONTH_CONTEXT: &[&str] = &[
    "in", "of", "since", "during", "until", "till", "by", "before", "after", "from", "through",
    "early", "late", "mid", "last", "this", "next", "a", "the", "between", "and", "or", "to",
];

/// Words of the hour after a time: "PM", "p.m.".
pub(crate) const MERIDIEM: &[(&str, bool)] = &[
    ("am", false),
    ("a.m.", false),
    ("a.m", false),
    ("pm", true),
    ("p.m.", true),
    ("p.m", true),
];

/// The words of a share after a number, lower case: "41 percent", "2.1
/// per cent" (the sign "%" too). A unit one edit from one of them, or
/// from a unit of the vocabulary's measures ("percnt", "per cnet",
/// "kilometrs"), is warned about in a table cell.
pub(crate) const SHARE_WORDS: &[&str] = &["percent", "per cent"];

/// The shortest unit a unit one edit from it is warned about by: shorter
/// units ("km", "feet", "miles") are one edit from too many words ("kms",
/// "fees", "males").
pub(crate) const NEAR_MISS_MIN_LEN: usize = 5;

/// The shortest unit a unit one changed letter from it is warned about
/// by ("percemt"); a letter added, dropped or two swapped ("percnt",
/// "per cnet") are warned about from [`NEAR_MISS_MIN_LEN`]. A changed
/// letter in a shorter unit makes other words too often ("pounds" and
/// "rounds", "miles" and "males").
pub(crate) const NEAR_MISS_MIN_LEN_CHANGED: usize = 7;

/// Looks `word` up in a table.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

#[cfg(test)]
mod projection_tests {
    use super::{HORIZON_OPENERS, PROJECTION_OPENERS, PROJECTION_VERBS};

    #[test]
    fn projection_words_are_longest_first() {
        // Longest first, so that "is expected to" is not read as a
        // shorter opener with words left over.
        for pair in PROJECTION_OPENERS.windows(2) {
            assert!(
                pair[0].split(' ').count() >= pair[1].split(' ').count(),
                "{pair:?}"
            );
        }
        for pair in PROJECTION_VERBS.windows(2) {
            assert!(
                pair[0].0.split(' ').count() >= pair[1].0.split(' ').count(),
                "{pair:?}"
            );
        }
        assert!(HORIZON_OPENERS.iter().all(|w| !w.contains(' ')));
    }
}
