//! Entity name resolution: which declared entities are one thing.
//!
//! | type | what it is |
//! |---|---|
//! | [`Resolution`] | every entity's canonical entity, and the merges that decided it |
//! | [`NameMerge`] | one merge, with the names, similarity and threshold behind it |
//!
//! Names are normalized (lower case, Latin letters without their
//! diacritics, punctuation to spaces, the particles "al", "el" and "the"
//! dropped, and legal suffixes at the end: "Inc.", "Ltd", "GmbH"), so
//! "Shahab al-Muhajir" and "Shahab Muhajir" have one key and
//! merge at similarity 1, as do "Jalālābād" and "Jalalabad", and
//! "Facebook, Inc." and "Facebook". Names whose keys, with the
//! particles kept, differ only in their spaces are one compound written
//! as one word or as two ("run-off" and "runoff", "Kahraman Maras" and
//! "Kahramanmaras", "Al-Shabaab" and "Alshabaab") and merge too, by a
//! second exact key ([`MergeRule::SpacingOnly`]), though a space between
//! two digits still parts two numbers. Other variants are
//! compared with Jaro–Winkler similarity, but only between names with the
//! same number of words that share a block (the first three letters of
//! their first or of their last word; a pair that shares both is
//! compared in the first): a longer name is a different name
//! ("ISIS" is not "ISIS-K") unless declared an alias, and blocking keeps
//! resolution near linear in the number of names. Two multi-word names
//! must also be alike word for word: each word scores at least 0.7
//! against the word in its place (or the threshold, if lower), so that a
//! long shared part does not carry a replaced word ("Islamic State
//! Khorasan" and "Islamic State Sinai" score 0.92 as wholes, but
//! "khorasan" and "sinai" are different words). And no word may be the
//! other's stem with a masculine ending against a feminine one, unless an
//! entity is declared other than a person: "Ivan Petrov" and "Ivana
//! Petrova" score 0.97, but are two people. Nor may a word differ from
//! the word in its place in its numbers ("District 1" and "District 10"
//! score 0.98; "District 01" is "District 1"), be another Roman numeral
//! ("Louis XIV" and "Louis XV"), or be its opposite in the name tables
//! ("East Timor" and "West Timor"). The suffixes, endings and opposed
//! words are data, `data/vocabulary/names.json`.
//!
//! Inside a block, a pair is scored only if an exact upper bound lets it
//! reach the threshold: Jaro–Winkler needs the two keys to have enough
//! characters in common for their lengths and common prefix, and the
//! characters in common are counted in a few instructions from a bit set
//! of each key's letters. In a block of 64 names or more, those counts
//! are first taken for one name against 64 others at once, bit-sliced,
//! so that most pairs are ruled out without being looked at one by one.
//! A pair that passes is scored from a bit mask of each character's
//! positions in one of the keys (in a `u64`, a `u128`, or a word per 64
//! characters), and its
//! scoring stops as soon as the characters left cannot make up the
//! matches it needs. Neither the bound
//! nor the early stop ever rejects a pair that reaches the threshold
//! (property tests check both against the score), so the merges are those
//! of scoring every pair of the block.
//!
//! A one-word name that is the last word of another name ("Milanović",
//! "Zoran Milanović") is not merged: it is most likely a surname alone,
//! but two people can share a surname. Such pairs are found by indexing
//! the longer names by their last word, and the report names them in a
//! warning where both have a property in common.

use std::ops::{BitAnd, BitAndAssign, BitOr, BitOrAssign, Not, Shl, Shr, Sub};

use crate::id::HashMap;

use serde::Serialize;

use crate::id::EntityId;
use crate::model::Entity;
use crate::policy::Similarity;

/// Why two entities were merged.
///
/// ```
/// use corroborate::{Entity, EntityId, MergeRule, Resolution, Similarity};
/// let entities = vec![
///     Entity::new(EntityId::new("al-shabaab")?, "Al-Shabaab"),
///     Entity::new(EntityId::new("alshabaab")?, "Alshabaab"),
///     Entity::new(EntityId::new("al-shabab")?, "al Shabab"),
/// ];
/// let resolution = Resolution::new(&entities, Similarity::new(0.9)?);
/// let rules: Vec<MergeRule> = resolution.merges().iter().map(|m| m.rule).collect();
/// // "al Shabab" is a spelling of "Al-Shabaab" alike over the
/// // threshold; "Alshabaab" differs from it in its spacing only.
/// assert_eq!(rules, [MergeRule::SimilarName, MergeRule::SpacingOnly]);
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeRule {
    /// Their names normalize to the same key.
    SameName,
    /// Their names normalize to the same key but for spaces and hyphens
    /// inside it ("run-off" and "runoff", "Kahraman Maras" and
    /// "Kahramanmaras", "Al-Shabaab" and "Alshabaab"): one compound
    /// written as one word or as two.
    SpacingOnly,
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
    /// How alike the normalized names are: 1 for a merge by one key
    /// ([`MergeRule::SameName`], [`MergeRule::SpacingOnly`]).
    pub similarity: Similarity,
    /// The threshold in force.
    pub threshold: Similarity,
    /// Why they were merged.
    pub rule: MergeRule,
}

/// An alias that two or more entities give, and none of them as its
/// name: "the attack" for both a market strike and a port raid. It names
/// none of them apart from the others, so name matching does not join
/// them by it (a name that is one entity's own still joins the others
/// that give it as an alias: they say they are that entity). Reports
/// list each with a warning.
///
/// ```
/// use corroborate::{Entity, EntityId, Resolution, Similarity};
/// let entities = vec![
///     Entity::new(EntityId::new("strike")?, "Market strike").with_aliases(["the attack"]),
///     Entity::new(EntityId::new("raid")?, "Port raid").with_aliases(["The attack"]),
/// ];
/// let resolution = Resolution::new(&entities, Similarity::new(0.9)?);
/// assert!(resolution.merges().is_empty());
/// let shared = &resolution.shared_aliases()[0];
/// assert_eq!(shared.alias, "The attack"); // as raid, first in id order, gives it
/// assert_eq!(shared.entities.len(), 2);
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SharedAlias {
    /// The alias, as the first entity (in id order) gives it.
    pub alias: String,
    /// The entities that give it, in id order.
    pub entities: Vec<EntityId>,
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
    shared_aliases: Vec<SharedAlias>,
    lone_surnames: Vec<LoneSurname>,
}

/// A name of one word that is the last word of another group's name of
/// several, both groups possibly people: "Milanović" and "Zoran
/// Milanović". Most likely a surname alone, but two people can share a
/// surname, so the two are not merged; the report warns of the pair
/// where the two have a property in common (twentieth audit, G3).
#[derive(Clone, Debug)]
pub(crate) struct LoneSurname {
    /// The canonical entity of the one-word name.
    pub(crate) surname: EntityId,
    /// The one-word name, as written.
    pub(crate) surname_name: String,
    /// The canonical entity of the longer name.
    pub(crate) full: EntityId,
    /// The longer name, as written.
    pub(crate) full_name: String,
}

/// The key names are matched by: composed (NFC), lower case, Latin and
/// Greek letters without their diacritics, apostrophes and ʿayn and hamza marks dropped inside a word,
/// other punctuation to spaces, the particles "al", "el" and "the"
/// dropped, and legal suffixes at the end ("Inc.", "Ltd", "GmbH", "S.A.":
/// the table in `data/vocabulary/names.json`) dropped while a word is
/// left before them. Two names with one key are one name to
/// [`Resolution`]; a caller can match names, or search them, the same way.
///
/// ```
/// use corroborate::name_key;
/// assert_eq!(name_key("Shahab al-Muhajir"), "shahab muhajir");
/// assert_eq!(name_key("Jalālābād"), name_key("Jalalabad"));
/// assert_eq!(name_key("Saʿid"), "said");
/// // Typed with combining accents: the same key.
/// assert_eq!(name_key("Jala\u{304}la\u{304}ba\u{304}d"), "jalalabad");
/// // A company's legal form is not part of its name; a suffix alone is
/// // a name.
/// assert_eq!(name_key("Facebook, Inc."), "facebook");
/// assert_eq!(name_key("Samsung Electronics Co., Ltd."), "samsung electronics");
/// assert_eq!(name_key("Ltd."), "ltd");
/// ```
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    push_name_key(name, &mut key);
    key
}

/// Appends the key of `name` to `key`, leaving what is already there as
/// it is, so that the keys of all names share one buffer: its words
/// ([`push_name_words`]), then legal suffixes at the end dropped while a
/// word is left before them ("facebook inc" is "facebook", "co ltd" is
/// "co", "ltd" stays "ltd").
pub(crate) fn push_name_key(name: &str, key: &mut String) {
    push_key(name, key, false);
}

/// Appends `name`'s key to `key` as [`push_name_key`] does, with its
/// particles kept when `particles` is set.
fn push_key(name: &str, key: &mut String, particles: bool) {
    let base = key.len();
    let mut last = push_words(name, key, particles);
    let tables = crate::names::tables();
    while let Some((before, start)) = last {
        if before == base || !tables.is_legal_suffix(&key[start..]) {
            break;
        }
        key.truncate(before);
        // The word before, looked for only once a suffix is dropped.
        last = Some(match key[base..].rfind(' ') {
            Some(space) => (base + space, base + space + 1),
            None => (base, base),
        });
    }
}

/// Appends the words of `name`'s key to `key`: lower case, Latin letters
/// without diacritics ([`push_folded`]), punctuation to spaces, particles
/// dropped. Apostrophes, dots and the marks that transliterate Arabic's
/// ʿayn and hamza ("ʿ", "ʾ", "ʻ", "ʼ") are dropped inside a word, so
/// "Sa'id", "Saʿid" and "Said" have one key.
///
/// Words are written straight into the key; a particle is cut off again
/// once its word ends. Returns where the last word kept begins: the
/// key's length before it (and its space), and where its own text starts.
pub(crate) fn push_name_words(name: &str, key: &mut String) -> Option<(usize, usize)> {
    push_words(name, key, false)
}

/// Appends the words of `name`'s key to `key` as [`push_name_words`]
/// does, with the particles kept when `particles` is set (for
/// [`push_unspaced_key`]).
fn push_words(name: &str, key: &mut String, particles: bool) -> Option<(usize, usize)> {
    let name = composed(name);
    let base = key.len();
    // The key's length before the word being read (and its space), and
    // where the word's own text starts; the same for the last word kept.
    let mut word: Option<(usize, usize)> = None;
    let mut last: Option<(usize, usize)> = None;
    let end_word =
        |key: &mut String, word: &mut Option<(usize, usize)>, last: &mut Option<(usize, usize)>| {
            if let Some((before, start)) = word.take() {
                if !particles && matches!(&key[start..], "al" | "el" | "the") {
                    key.truncate(before);
                } else {
                    *last = Some((before, start));
                }
            }
        };
    for ch in name.chars() {
        if is_invisible(ch) {
            // "Reu\u{200b}ters", as pasting from a web page leaves it, is
            // "Reuters": a character that shows nothing is no letter and
            // no space.
        } else if is_in_word_mark(ch) {
            // "Sa'id", "Saʿid" and "U.S." stay one word.
        } else if word.is_some() && is_loose_mark(ch) {
            // A mark with no composed letter to join stays in the word:
            // dropped after a letter whose marks are folded away,
            // kept after any other (a virama: "क्ष" is not "कष").
            if !key.ends_with(|c: char| c.is_ascii() || is_greek(c)) {
                key.push(ch);
            }
        } else if ch.is_alphanumeric() {
            if word.is_none() {
                let before = key.len();
                if before > base {
                    key.push(' ');
                }
                word = Some((before, key.len()));
            }
            push_folded(ch, key);
        } else {
            end_word(key, &mut word, &mut last);
        }
    }
    end_word(key, &mut word, &mut last);
    last
}

/// Appends the unspaced key of `name` to `key`: its name key with the
/// particles kept ("al", "el", "the") and the spaces taken out, but for
/// a space between two digits, which parts two numbers ("1 10" is not
/// "110"). Punctuation is a space in a key, so "Al-Shabaab" and
/// "Alshabaab" are both `alshabaab`, "Kahraman Maras" and
/// "Kahramanmaras" both `kahramanmaras`: names with one unspaced key and
/// two keys are one compound written as one word or as two
/// ([`MergeRule::SpacingOnly`]; twentieth audit, G3). The particles are
/// kept because a compound may begin with one ("Alshabaab"). `scratch`
/// holds the spaced key meanwhile, so that a caller keying many names
/// allocates once.
pub(crate) fn push_unspaced_key(name: &str, scratch: &mut String, key: &mut String) {
    scratch.clear();
    push_key(name, scratch, true);
    let mut before: Option<char> = None;
    let mut chars = scratch.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == ' '
            && !(before.is_some_and(char::is_numeric)
                && chars.peek().is_some_and(|c| c.is_numeric()))
        {
            continue;
        }
        key.push(ch);
        before = Some(ch);
    }
}

/// Whether `ch` is a format character that shows nothing: a soft hyphen,
/// a zero-width space, non-joiner or joiner, a word joiner, a zero-width
/// no-break space (a byte-order mark) or a Mongolian vowel separator.
/// Name keys leave them out: two names that look alike are one name. (A
/// non-joiner can matter to how Persian is written, never to which name
/// it is.)
pub(crate) fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{ad}' | '\u{180e}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Whether `ch` shows as nothing: a space of any kind or a character
/// that is invisible ([`is_invisible`]). A text made only of these is
/// empty to a reader.
pub(crate) fn shows_nothing(ch: char) -> bool {
    ch.is_whitespace() || is_invisible(ch)
}

/// `name` in Unicode's composed form (NFC), so that a name typed with
/// combining accents ("a" then U+0301) keys and slugs as the same name
/// typed with composed letters ("á"). Borrowed when it already is, which
/// every ASCII name is.
pub(crate) fn composed(name: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if name.is_ascii() || is_nfc_quick(name.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(name.nfc().collect())
    }
}

/// Whether `ch` is a combining mark that is not a letter of its own (an
/// accent left over once a name is composed, with no composed letter to
/// join, or a virama): inside a word it does not end the word; after a
/// Latin or Greek letter it is dropped, as composed letters' accents are,
/// and after any other it is kept.
pub(crate) fn is_loose_mark(ch: char) -> bool {
    !ch.is_ascii() && !ch.is_alphanumeric() && unicode_normalization::char::is_combining_mark(ch)
}

/// Whether `ch` is dropped inside a name's word: an apostrophe, a dot,
/// or a mark that transliterates ʿayn or hamza (modifier letters, which
/// Unicode counts as alphabetic).
pub(crate) fn is_in_word_mark(ch: char) -> bool {
    matches!(
        ch,
        '\'' | '.' | '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}'
    )
}

/// Latin letters that carry a stroke or are ligatures, which Unicode
/// does not decompose, as the plain letters outlets print for them; and
/// Greek's final sigma as the sigma.
const UNDECOMPOSED: &[(char, &str)] = &[
    ('ß', "ss"),
    ('ẞ', "ss"),
    ('æ', "ae"),
    ('Æ', "ae"),
    ('œ', "oe"),
    ('Œ', "oe"),
    ('ø', "o"),
    ('Ø', "o"),
    ('ł', "l"),
    ('Ł', "l"),
    ('đ', "d"),
    ('Đ', "d"),
    ('ħ', "h"),
    ('Ħ', "h"),
    ('ı', "i"),
    ('ŧ', "t"),
    ('Ŧ', "t"),
    ('ð', "d"),
    ('Ð', "d"),
    ('þ', "th"),
    ('Þ', "th"),
    // Greek's final sigma is the sigma that capitals print as "Σ".
    ('ς', "σ"),
];

/// Appends alphanumeric `ch` to `out` in lower case, and a Latin letter
/// without its diacritics: "É" as "e", "ş" as "s", "ā" as "a", "ø" as
/// "o", "ß" as "ss". A letter is folded when its canonical decomposition
/// is an ASCII letter followed only by combining marks, and so is a
/// Greek letter's tonos or dialytika ("ή" as "η"); letters of other
/// scripts keep their marks, which there make other letters (Russian "й"
/// is not "и").
pub(crate) fn push_folded(ch: char, out: &mut String) {
    if ch.is_ascii() {
        out.push(ch.to_ascii_lowercase());
        return;
    }
    if let Some(&(_, plain)) = UNDECOMPOSED.iter().find(|&&(letter, _)| letter == ch) {
        out.push_str(plain);
        return;
    }
    let mut base = None;
    let mut marks_only = true;
    unicode_normalization::char::decompose_canonical(ch, |part| {
        if base.is_none() {
            base = Some(part);
        } else if !unicode_normalization::char::is_combining_mark(part) {
            marks_only = false;
        }
    });
    match base {
        Some(letter) if letter != ch && letter.is_ascii_alphabetic() && marks_only => {
            out.push(letter.to_ascii_lowercase());
        }
        // A marked letter whose base has no decomposition either ("ǿ" is
        // "ø" with an acute): the base's plain letters.
        Some(letter) if letter != ch && marks_only => {
            match UNDECOMPOSED.iter().find(|&&(plain, _)| plain == letter) {
                Some(&(_, plain)) => out.push_str(plain),
                None if is_greek(letter) => out.extend(letter.to_lowercase()),
                None => out.extend(ch.to_lowercase()),
            }
        }
        _ => out.extend(ch.to_lowercase()),
    }
}

/// Whether `ch` is a letter of the Greek and Coptic block.
fn is_greek(ch: char) -> bool {
    ('\u{0370}'..='\u{03FF}').contains(&ch) && ch.is_alphabetic()
}

/// The least Jaro–Winkler score of each word of a multi-word name
/// against the word in its place, for the two names to merge as alike
/// (when the threshold is higher): the score below which Winkler gives
/// no bonus for a common prefix, taking the words for different ones.
const WORD_FLOOR: f64 = 0.7;

/// Whether words `x` and `y` of two names' keys, in one place, are
/// different words however alike they score, so that the names are
/// never merged as spelling variants: they differ in their numbers
/// ([`numbers_differ`]), they are different Roman numerals
/// ([`roman_numeral`]), they are two words of one group of opposed words
/// ([`crate::names::NameTables::opposed`]: "east" and "west"), or, when
/// `people`, they are one stem with a masculine ending and a feminine one
/// ([`crate::names::NameTables::gendered`]: "petrov" and "petrova",
/// "ivan" and "ivana"; such names are most likely of two people,
/// relatives or namesakes).
///
/// Checked only for pairs of names that reach the threshold, and for
/// their words that differ; numbers only when a name has a digit.
fn told_apart(x: &[char], y: &[char], pair: Pair, tables: &crate::names::NameTables) -> bool {
    x != y
        && (pair.numbered && numbers_differ(x, y)
            || roman_numeral(x).is_some() && roman_numeral(y).is_some()
            || tables.opposed(x, y)
            || pair.people && tables.gendered(x, y))
}

/// What [`told_apart`] knows of the two names a pair of words is from.
#[derive(Clone, Copy)]
struct Pair {
    /// Both entities may be people: gendered endings tell them apart.
    people: bool,
    /// Either name has a digit ([`Scan::numbered`]): numbers may tell
    /// them apart.
    numbered: bool,
}

/// Whether `x` and `y` differ in the numbers written in digits in them:
/// their runs of digits (characters Unicode counts as numeric: "0"–"9",
/// and the digits of other scripts), in order, compared as numbers
/// written in digits, leading zeros aside ("17" is not "171", "1" is not
/// "10", "01" is "1"). A number is never a spelling variant of another,
/// and a word with a number is not one of a word without: "route 9" and
/// "route 99", "mh17" and "mh171", "a1" and "ab".
fn numbers_differ(x: &[char], y: &[char]) -> bool {
    !numbers(x).eq(numbers(y))
}

/// The numbers written in digits in `word`: its runs of numeric
/// characters, each without its leading zeros ("007" is "7", and "00"
/// is "0"), as [`numbers_differ`] compares them.
fn numbers(word: &[char]) -> impl Iterator<Item = &[char]> {
    word.split(|ch| !ch.is_numeric())
        .filter(|run| !run.is_empty())
        .map(|run| {
            let zeros = run.iter().take_while(|&&ch| ch == '0').count();
            &run[zeros.min(run.len() - 1)..]
        })
}

/// The [`numbers`] of the key `key` (its characters), joined by commas;
/// empty for a key with none. Two names whose keys' numbers differ are
/// never merged as alike: one word of one differs in its numbers from
/// the word in its place in the other, and [`told_apart`] tells those
/// words apart (a name without digits has none, which differs from
/// any). So a block is split by its names' numbers.
fn number_key(key: &[char]) -> String {
    let mut out = String::new();
    for run in numbers(key) {
        if !out.is_empty() {
            out.push(',');
        }
        out.extend(run);
    }
    out
}

/// Whether `key`, whose letters are `letters`, has a digit (a character
/// Unicode counts as numeric): its letters have a bit for each of 0–9
/// it has, so only a key that is not ASCII (it has more bytes than
/// characters) is read again.
fn has_digits(key: &str, letters: Letters) -> bool {
    letters.mask & Letters::DIGITS != 0
        || key.len() != letters.len as usize && key.chars().any(char::is_numeric)
}

/// Whether `x` and `y` are both numbers in digits, and the same number
/// however many leading zeros each has ("01" and "1", "007" and "7"):
/// one word, though they have no character in place in common and
/// score 0.
fn same_number(x: &[char], y: &[char]) -> bool {
    let digits = |word: &[char]| !word.is_empty() && word.iter().all(|ch| ch.is_numeric());
    digits(x) && digits(y) && !numbers_differ(x, y)
}

/// The value of `word` (a word of a name's key, in lower case) when it
/// is a Roman numeral written the standard way, from "i" to "mmmcmxcix"
/// (3,999): "xiv" is 14, "mcmxc" 1990; "iiii", "ic" and "civic" are
/// none. Two different words that are both numerals are two numbers, as
/// in "World War I" and "World War II", "Louis XIV" and "Louis XV",
/// which score as one name's spellings (0.98 each). A word that is
/// a numeral and a word that is not are left to the other rules: such a
/// word is often a name ("Xi", "Li", "Di"), and a numeral then has no
/// numeral to differ from.
fn roman_numeral(word: &[char]) -> Option<u32> {
    /// One decimal digit's numeral, written with `one`, `five` and
    /// `ten` ("ix", "iv", "viii", "iii", or none), taken off the front
    /// of `rest`.
    fn digit(rest: &mut &[char], one: char, five: char, ten: char) -> u32 {
        match *rest {
            [first, second, ..] if *first == one && (*second == ten || *second == five) => {
                *rest = &rest[2..];
                if *second == ten { 9 } else { 4 }
            }
            _ => {
                let five = usize::from(rest.first() == Some(&five));
                let ones = rest[five..]
                    .iter()
                    .take(3)
                    .take_while(|&&ch| ch == one)
                    .count();
                *rest = &rest[five + ones..];
                5 * five as u32 + ones as u32
            }
        }
    }
    // Most words are turned away by their first letter.
    if !matches!(word.first(), Some('i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm')) || word.len() > 15 {
        return None;
    }
    let mut rest = word;
    let thousands = rest.iter().take(3).take_while(|&&ch| ch == 'm').count() as u32;
    rest = &rest[thousands as usize..];
    let hundreds = digit(&mut rest, 'c', 'd', 'm');
    let tens = digit(&mut rest, 'x', 'l', 'c');
    let units = digit(&mut rest, 'i', 'v', 'x');
    rest.is_empty()
        .then_some(1000 * thousands + 100 * hundreds + 10 * tens + units)
}

/// Names from which a block's members are themselves scanned on all
/// cores, with the `parallel` feature: one block can hold most of a
/// corpus's pairs.
#[cfg_attr(not(feature = "parallel"), allow(dead_code))]
const LARGE_BLOCK: usize = 256;

/// For each length `l` (0 to 4) of the common prefix of two keys, the
/// least `m/|a| + m/|b|` (m: their Jaro matches, |a| and |b|: their
/// lengths in characters) of a pair whose Jaro–Winkler score reaches
/// `threshold`, less a margin for rounding.
///
/// strsim adds the Winkler bonus `0.1 · l · (1 − jaro)` only above a Jaro
/// of 0.7, so a score of `t` needs a Jaro of at least `t` when `t ≤ 0.7`,
/// and of at least `max(0.7, (t − 0.1·l) / (1 − 0.1·l))` above; and Jaro
/// is at most `(m/|a| + m/|b| + 1) / 3`, since its transposition term is
/// at most 1. Any positive threshold needs one match (a Jaro of 0 scores
/// 0), so the share is then above zero; a threshold of 0 takes every pair.
fn least_match_shares(threshold: f64) -> [f64; 5] {
    let mut shares = [f64::NEG_INFINITY; 5];
    if threshold <= 0.0 {
        return shares;
    }
    for (l, share) in shares.iter_mut().enumerate() {
        let bonus = 0.1 * l as f64;
        let jaro = if threshold <= 0.7 {
            threshold
        } else {
            ((threshold - bonus) / (1.0 - bonus)).max(0.7)
        };
        *share = (3.0 * jaro - 1.0 - 1e-9).max(f64::MIN_POSITIVE);
    }
    shares
}

/// A key's letters and digits as bits, and its first four characters: an
/// upper bound on the Jaro–Winkler score of a pair in a few instructions,
/// checked before the score itself.
///
/// Bit `c` stands for the first occurrence of the letter `c` (a–z), bit
/// `26 + c` for its second, bits 52–61 for the first occurrence of each
/// digit; every other character (spaces, later occurrences, letters
/// outside a–z) is only counted, in `rest`. Two keys then have at most
/// `popcount(a & b) + min(rest_a, rest_b)` characters in common, counted
/// with multiplicity, and that bounds their Jaro matches `m`; their first
/// four characters give the common prefix the Winkler bonus rewards.
#[derive(Clone, Copy, Debug)]
struct Letters {
    mask: u64,
    rest: u32,
    len: u32,
    /// The first four characters, one in each 32 bits from the lowest.
    head: u128,
}

impl Letters {
    /// The bits of [`Letters::mask`] for the digits 0–9.
    const DIGITS: u64 = 0x3ff << 52;

    fn new(key: &str) -> Letters {
        let mut mask = 0u64;
        let mut rest = 0u32;
        let mut len = 0u32;
        let mut head = 0u128;
        for ch in key.chars() {
            if len < 4 {
                head |= u128::from(u32::from(ch)) << (32 * len);
            }
            len = len.saturating_add(1);
            let bit = match ch {
                'a'..='z' => {
                    let c = ch as u32 - 'a' as u32;
                    if mask & (1 << c) == 0 {
                        Some(c)
                    } else if mask & (1 << (26 + c)) == 0 {
                        Some(26 + c)
                    } else {
                        None
                    }
                }
                '0'..='9' => Some(52 + ch as u32 - '0' as u32).filter(|&b| mask & (1 << b) == 0),
                _ => None,
            };
            match bit {
                Some(b) => mask |= 1 << b,
                None => rest = rest.saturating_add(1),
            }
        }
        Letters {
            mask,
            rest,
            len,
            head,
        }
    }

    /// False when the two keys cannot reach the threshold of `needs`
    /// ([`Letters::need`] is `None`).
    #[cfg(test)]
    fn may_reach(self, other: Letters, needs: &Needs) -> bool {
        self.need(other, needs).is_some()
    }

    /// The Jaro matches the two keys need to reach the threshold of
    /// `needs` for their lengths and common prefix, or `None` when they
    /// have fewer characters in common than that: then they cannot reach
    /// it. (A key shorter than four characters is padded with NULs, which
    /// can only lengthen the prefix seen, and so loosen the bound, never
    /// tighten it.)
    fn need(self, other: Letters, needs: &Needs) -> Option<u32> {
        let common = (self.mask & other.mask).count_ones() + self.rest.min(other.rest);
        // Most pairs fail even with the longest prefix's bonus.
        if common < needs.least(4, self.len, other.len) {
            return None;
        }
        // The first differing bit lies in the first differing character.
        let prefix = ((self.head ^ other.head).trailing_zeros() / 32) as usize;
        let need = needs.least(prefix, self.len, other.len);
        (common >= need).then_some(need)
    }
}

/// Blocks of this many names or more have their pairs counted
/// [`Sliced`], 64 at a time.
const SLICED_BLOCK: usize = 64;

/// The width of [`Sliced`]'s counters: a count of shared bits (at most
/// 62) plus a member's `rest` (at most [`SLICED_REST`]) fits in 7 bits.
const COUNT_BITS: usize = 7;

/// The largest `rest` a member may have to be scanned [`Sliced`];
/// members with more (long keys full of spaces, repeated letters or
/// letters outside a–z) are scanned pair by pair.
const SLICED_REST: u32 = 64;

/// A large block's letter masks turned on their side, to rule out most
/// of its pairs 64 at a time before [`Letters::need`] looks at
/// any.
///
/// For each word of 64 members and each of the 62 bits of
/// [`Letters::mask`], a word says which of those members have the bit.
/// Scanning member `a` against a word, a 7-bit counter a lane (kept as
/// 7 words, bit `s` of every lane's count in word `s`) starts at
/// `a.rest` and adds one column for each bit `a` has, so that each lane
/// ends at `popcount(a & b) + a.rest`; lanes whose count is below the
/// least their two lengths need are dropped, and only the others are
/// tested pair by pair. The need is that of no common prefix (no
/// Winkler bonus) for a lane whose first character differs from `a`'s,
/// and that of a prefix of one character for one whose first character
/// agrees but not its second, as `Letters::need` has them; a lane whose
/// first two characters agree with `a`'s is always tested pair by pair
/// (its prefix is 2 to 4 characters: too few lanes to be worth telling
/// apart). With `a.rest` for `min(a.rest, b.rest)`, the test is never
/// stricter than `Letters::need`.
/// That costs a few instructions a word for each bit of `a`, instead of
/// a few a pair: the pairs a large block makes stay quadratic in number,
/// but most are ruled out many at a time.
struct Sliced {
    /// How many words of 64 members.
    words: usize,
    /// `columns[w * 62 + bit]`: which members of word `w` have `bit`.
    columns: Vec<u64>,
    /// For each length of a member in the block, ascending, the least
    /// count each member needs with it, bit-sliced like a counter,
    /// capped at 127 (no count reaches it): `needs[(w * 2 + p) *
    /// COUNT_BITS + s]`, `p` 0 for a pair whose first characters differ
    /// (no Winkler bonus), 1 for one whose common prefix is one
    /// character (a pair whose first two characters agree is not
    /// counted out).
    needs: Vec<(u32, Vec<u64>)>,
    /// For each first character of a member, ascending, which members
    /// start with it: `firsts[w]`.
    firsts: Vec<(u64, Vec<u64>)>,
    /// The same for the first two characters (as the low 64 bits of
    /// [`Letters::head`]).
    heads: Vec<(u64, Vec<u64>)>,
}

impl Sliced {
    fn new(members: &[Member], needs: &Needs) -> Sliced {
        let words = members.len().div_ceil(64);
        let mut columns = vec![0u64; words * 62];
        for (k, (_, _, letters)) in members.iter().enumerate() {
            let (w, lane) = (k / 64, k % 64);
            let mut bits = letters.mask;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                columns[w * 62 + bit] |= 1 << lane;
            }
        }
        // Needs for the lengths the table holds: at most 65 lengths, so
        // at most 65 words of needs for each word of members, however
        // many lengths the names have. A longer key is scanned pair by
        // pair.
        let mut lengths: Vec<u32> = members
            .iter()
            .map(|m| m.2.len)
            .filter(|&len| len as usize <= Needs::TABLE)
            .collect();
        lengths.sort_unstable();
        lengths.dedup();
        let needs = lengths
            .into_iter()
            .map(|len| {
                // Lanes past the last member need 127: never reached.
                let mut sliced = vec![0u64; words * 2 * COUNT_BITS];
                for w in 0..words {
                    for (p, prefix) in [0, 1].into_iter().enumerate() {
                        for lane in 0..64 {
                            let need = members
                                .get(w * 64 + lane)
                                .map_or(127, |m| needs.least(prefix, len, m.2.len).min(127));
                            for s in 0..COUNT_BITS {
                                if (need >> s) & 1 == 1 {
                                    sliced[(w * 2 + p) * COUNT_BITS + s] |= 1 << lane;
                                }
                            }
                        }
                    }
                }
                (len, sliced)
            })
            .collect();
        let firsts = Sliced::index(members, |m| u64::from(m.2.head as u32));
        let heads = Sliced::index(members, |m| m.2.head as u64);
        Sliced {
            words,
            columns,
            needs,
            firsts,
            heads,
        }
    }

    /// For each value of `of` over the members, ascending, which members
    /// have it: a word of lanes for each word of members.
    fn index(members: &[Member], of: impl Fn(&Member) -> u64) -> Vec<(u64, Vec<u64>)> {
        let words = members.len().div_ceil(64);
        let mut by: Vec<(u64, usize)> = members
            .iter()
            .enumerate()
            .map(|(k, m)| (of(m), k))
            .collect();
        by.sort_unstable();
        let mut index: Vec<(u64, Vec<u64>)> = Vec::new();
        for (value, k) in by {
            if index.last().is_none_or(|f| f.0 != value) {
                index.push((value, vec![0u64; words]));
            }
            if let Some(last) = index.last_mut() {
                last.1[k / 64] |= 1 << (k % 64);
            }
        }
        index
    }

    /// Calls `visit` with each member after `k` whose pair with `k` the
    /// counts do not rule out, in order; false when member `k` cannot be
    /// scanned this way (its `rest` is too large, or its key longer than
    /// the needs' table), and nothing was visited.
    fn scan(&self, members: &[Member], k: usize, mut visit: impl FnMut(usize)) -> bool {
        let Some(&(_, _, a)) = members.get(k) else {
            // No member `k`, no member after it.
            return true;
        };
        if a.rest > SLICED_REST {
            return false;
        }
        let Ok(at) = self.needs.binary_search_by_key(&a.len, |n| n.0) else {
            return false;
        };
        let needs = &self.needs[at].1;
        let Ok(at) = self
            .firsts
            .binary_search_by_key(&u64::from(a.head as u32), |f| f.0)
        else {
            return false;
        };
        let firsts = &self.firsts[at].1;
        let Ok(at) = self.heads.binary_search_by_key(&(a.head as u64), |f| f.0) else {
            return false;
        };
        let heads = &self.heads[at].1;
        let start = k + 1;
        for w in start / 64..self.words {
            let mut count = [0u64; COUNT_BITS];
            for (s, slice) in count.iter_mut().enumerate() {
                if (a.rest >> s) & 1 == 1 {
                    *slice = !0;
                }
            }
            let columns = &self.columns[w * 62..w * 62 + 62];
            let mut bits = a.mask;
            while bits != 0 {
                let mut carry = columns[bits.trailing_zeros() as usize];
                bits &= bits - 1;
                for slice in &mut count {
                    let next = *slice & carry;
                    *slice ^= carry;
                    carry = next;
                    if carry == 0 {
                        break;
                    }
                }
            }
            // count >= need, lane by lane, from the highest bit down; the
            // need with no prefix where the first characters differ.
            let same = firsts[w];
            let need = &needs[w * 2 * COUNT_BITS..(w + 1) * 2 * COUNT_BITS];
            let (differ, agree) = need.split_at(COUNT_BITS);
            let (mut above, mut equal) = (0u64, !0u64);
            for s in (0..COUNT_BITS).rev() {
                let need = (differ[s] & !same) | (agree[s] & same);
                above |= equal & count[s] & !need;
                equal &= !(count[s] ^ need);
            }
            // Lanes whose first two characters agree with `a`'s are
            // all visited: their prefix is not known.
            let mut lanes = above | equal | heads[w];
            if w == start / 64 {
                lanes &= !0u64 << (start % 64);
            }
            // Lanes past the last member need more than any count, so
            // none passes; masked all the same, as `visit` indexes by lane.
            if w + 1 == self.words && !members.len().is_multiple_of(64) {
                lanes &= !(!0u64 << (members.len() % 64));
            }
            while lanes != 0 {
                visit(w * 64 + lanes.trailing_zeros() as usize);
                lanes &= lanes - 1;
            }
        }
        true
    }
}

/// How many characters two keys must have in common to reach a
/// threshold, for each common prefix (0 to 4 characters) and pair of
/// lengths: `ceil(S · |a| · |b| / (|a| + |b|))`, from
/// `m/|a| + m/|b| ≥ S` ([`least_match_shares`]). Lengths up to 64 are
/// looked up in a table (21 KB), longer ones computed.
struct Needs {
    shares: [f64; 5],
    table: Vec<u8>,
}

impl Needs {
    /// The longest length the table holds.
    const TABLE: usize = 64;

    fn new(threshold: f64) -> Needs {
        let shares = least_match_shares(threshold);
        let side = Needs::TABLE + 1;
        let mut table = vec![0u8; 5 * side * side];
        for (prefix, share) in shares.iter().enumerate() {
            for a in 0..side {
                for b in 0..side {
                    let need = Needs::compute(*share, a as u32, b as u32);
                    table[(prefix * side + a) * side + b] = need.min(255) as u8;
                }
            }
        }
        Needs { shares, table }
    }

    fn compute(share: f64, a: u32, b: u32) -> u32 {
        if a == 0 || b == 0 {
            return 0;
        }
        let (a, b) = (f64::from(a), f64::from(b));
        // `as` saturates: a share of minus infinity needs nothing.
        (share * a * b / (a + b)).ceil() as u32
    }

    fn least(&self, prefix: usize, a: u32, b: u32) -> u32 {
        let side = Needs::TABLE + 1;
        if (a as usize) < side && (b as usize) < side {
            u32::from(self.table[(prefix * side + a as usize) * side + b as usize])
        } else {
            Needs::compute(self.shares[prefix], a, b)
        }
    }
}

/// The Jaro–Winkler similarity of two keys given as characters.
///
/// It is `strsim::jaro_winkler` step for step (the same matching window,
/// the same transposition count, the same arithmetic in the same order),
/// so it gives the same score to the last bit, which a property test
/// checks; but it keeps its match flags in words of bits instead of a
/// vector of booleans, reads characters decoded once per name rather
/// than once per pair, and finds a character's first free match in the
/// window from a mask of its positions ([`Positions`] in a `u64` or a
/// `u128`, or [`WidePositions`] for keys longer than 128 characters)
/// rather than by comparing the window's characters one by one.
fn jaro_winkler(a: &[char], b: &[char]) -> f64 {
    Scorer::new(b).jaro_winkler(a, 0).unwrap_or(0.0)
}

/// A key's positions for scoring it against others, built at the first
/// pair that needs them, in words as wide as the pair's longer key needs:
/// a `u64`, a `u128`, or a word per 64 characters ([`WidePositions`]).
struct Scorer<'a> {
    key: &'a [char],
    narrow: Option<Positions<'a, u64>>,
    double: Option<Positions<'a, u128>>,
    wide: Option<WidePositions<'a>>,
}

impl<'a> Scorer<'a> {
    fn new(key: &'a [char]) -> Scorer<'a> {
        Scorer {
            key,
            narrow: None,
            double: None,
            wide: None,
        }
    }

    /// `strsim::jaro_winkler(a, key)`, or `None` as soon as fewer than
    /// `need` characters can match ([`Positions::jaro_winkler`]).
    fn jaro_winkler(&mut self, a: &[char], need: usize) -> Option<f64> {
        let key = self.key;
        let longest = a.len().max(key.len());
        if longest <= <u64 as Bits>::BITS {
            let positions = self.narrow.get_or_insert_with(|| Positions::new(key));
            positions.jaro_winkler(a, need)
        } else if longest <= <u128 as Bits>::BITS {
            let positions = self.double.get_or_insert_with(|| Positions::new(key));
            positions.jaro_winkler(a, need)
        } else {
            let positions = self.wide.get_or_insert_with(|| WidePositions::new(key));
            positions.jaro_winkler(a, need)
        }
    }
}

/// strsim's Jaro matching window for keys of `a_len` and `b_len`
/// characters (how far from its own position a character may match), or,
/// where a key is empty, the score for [`Positions::jaro_winkler`] to
/// return at once: 1 for two empty keys, 0 for one (`None` if `need`
/// asks for a match).
fn search_range(a_len: usize, b_len: usize, need: usize) -> Result<usize, Option<f64>> {
    if a_len == 0 && b_len == 0 {
        Err(Some(1.0))
    } else if a_len == 0 || b_len == 0 {
        Err((need == 0).then_some(0.0))
    } else {
        Ok((a_len.max(b_len) / 2).saturating_sub(1))
    }
}

/// strsim's Jaro–Winkler score of `a` against `b` from their `matches`
/// Jaro matches (at least one) and `transpositions` (matched characters
/// out of order, halved): the Jaro score and the Winkler bonus, in
/// strsim's order of operations.
fn score_matches(a: &[char], b: &[char], matches: usize, transpositions: usize) -> f64 {
    let m = matches as f64;
    let jaro =
        ((m / a.len() as f64) + (m / b.len() as f64) + ((matches - transpositions) as f64 / m))
            / 3.0;
    if jaro > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        jaro + 0.1 * prefix as f64 * (1.0 - jaro)
    } else {
        jaro
    }
}

/// The positions of the set bits of `words`, lowest first (bit `b` of
/// word `w` is position `64 * w + b`).
fn ones(words: &[u64]) -> Ones<'_> {
    Ones {
        words,
        at: 0,
        left: 0,
    }
}

/// The iterator of [`ones`]: `left` holds the bits of word `at - 1` not
/// yet given.
struct Ones<'a> {
    words: &'a [u64],
    at: usize,
    left: u64,
}

impl Iterator for Ones<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.left == 0 {
            self.left = *self.words.get(self.at)?;
            self.at += 1;
        }
        let bit = self.left.trailing_zeros() as usize;
        self.left &= self.left - 1;
        Some(64 * (self.at - 1) + bit)
    }
}

/// The slots of [`SLOTS`]: a–z, the space and the digits.
const SLOT_COUNT: usize = 37;

/// What [`SLOTS`] gives a character that has no slot.
const NO_SLOT: u8 = u8::MAX;

/// The slot in [`Positions`] of each ASCII character: a–z 0 to 25, the
/// space 26, the digits 27 to 36; [`NO_SLOT`] for the others.
static SLOTS: [u8; 128] = {
    let mut slots = [NO_SLOT; 128];
    let mut c = 0;
    while c < 26 {
        slots[b'a' as usize + c] = c as u8;
        c += 1;
    }
    slots[b' ' as usize] = 26;
    let mut d = 0;
    while d < 10 {
        slots[b'0' as usize + d] = 27 + d as u8;
        d += 1;
    }
    slots
};

/// The slot of a character in a mask of positions ([`SLOTS`]), or `None`
/// for a character that has none and is scanned.
fn slot(ch: char) -> Option<usize> {
    let slot = *SLOTS.get(ch as usize)?;
    (slot != NO_SLOT).then_some(usize::from(slot))
}

/// A word of position masks and match flags for [`Positions`]: `u64` for
/// keys of up to 64 characters, `u128` for up to 128.
trait Bits:
    Copy
    + Eq
    + BitAnd<Output = Self>
    + BitAndAssign
    + BitOr<Output = Self>
    + BitOrAssign
    + Not<Output = Self>
    + Shl<usize, Output = Self>
    + Shr<usize, Output = Self>
    + Sub<Output = Self>
{
    const ZERO: Self;
    const ONE: Self;
    const MAX: Self;
    /// The most characters a key may have.
    const BITS: usize;
    fn trailing_zeros(self) -> u32;
    fn wrapping_neg(self) -> Self;
}

macro_rules! bits {
    ($($word:ty),*) => {$(
        impl Bits for $word {
            const ZERO: $word = 0;
            const ONE: $word = 1;
            const MAX: $word = <$word>::MAX;
            const BITS: usize = <$word>::BITS as usize;
            fn trailing_zeros(self) -> u32 {
                <$word>::trailing_zeros(self)
            }
            fn wrapping_neg(self) -> $word {
                <$word>::wrapping_neg(self)
            }
        }
    )*};
}

bits!(u64, u128);

/// Where each letter a–z, the space and each digit stand in a key of at
/// most `W::BITS` characters, a bit a position: the first free position
/// of such a character in a Jaro matching window is the lowest bit of a
/// mask, where strsim compares the window's characters one by one.
/// Built once for a key that is scored against many.
struct Positions<'a, W: Bits = u64> {
    key: &'a [char],
    masks: [W; SLOT_COUNT],
}

impl<'a, W: Bits> Positions<'a, W> {
    /// The positions of `key`, which has at most `W::BITS` characters.
    fn new(key: &'a [char]) -> Positions<'a, W> {
        let mut masks = [W::ZERO; SLOT_COUNT];
        for (j, &ch) in key.iter().take(W::BITS).enumerate() {
            if let Some(slot) = slot(ch) {
                masks[slot] |= W::ONE << j;
            }
        }
        Positions { key, masks }
    }

    /// `strsim::jaro_winkler(a, key)`, or `None` as soon as fewer than
    /// `need` characters can match (then the Jaro score is below any
    /// threshold that needs them: see [`Needs`]). `a` has at most
    /// `W::BITS` characters.
    fn jaro_winkler(&self, a: &[char], need: usize) -> Option<f64> {
        let b = self.key;
        let (a_len, b_len) = (a.len(), b.len());
        let search_range = match search_range(a_len, b_len, need) {
            Ok(range) => range,
            Err(score) => return score,
        };
        let (mut a_flags, mut b_flags) = (W::ZERO, W::ZERO);
        let mut matches = 0usize;
        // The window of character `i` of `a` is the positions `low..high`
        // of `b`: `low = i - search_range` (at least 0) and `high = i +
        // search_range + 1` (at most `b_len`). Its mask is `at_low &
        // below_high`, both moved on a bit as `i` moves (a shift by a
        // variable count is several instructions in a u128), and empty
        // once `low >= high`. `below_high` may run past `b_len`: `b` has
        // no positions there. `a_bit` is `i`'s own bit.
        let mut at_low = W::MAX;
        let mut below_high = W::MAX >> (W::BITS - b_len.min(search_range + 1));
        let mut a_bit = W::ONE;
        for (i, &ch) in a.iter().enumerate() {
            // Every character left of `a` matching is not enough.
            if matches + (a_len - i) < need {
                return None;
            }
            // The lowest free position of `ch` in the window, as a bit, or
            // 0: without a branch on whether there is one, which no
            // predictor guesses.
            let found = match slot(ch) {
                Some(slot) => {
                    let free = self.masks[slot] & at_low & below_high & !b_flags;
                    free & free.wrapping_neg()
                }
                None => {
                    let low = i.saturating_sub(search_range);
                    let high = b_len.min(i + search_range + 1);
                    (low..high)
                        .find(|&j| b[j] == ch && b_flags & (W::ONE << j) == W::ZERO)
                        .map_or(W::ZERO, |j| W::ONE << j)
                }
            };
            let hit = found != W::ZERO;
            b_flags |= found;
            a_flags |= if hit { a_bit } else { W::ZERO };
            matches += usize::from(hit);
            if i >= search_range {
                at_low = at_low << 1;
            }
            below_high = (below_high << 1) | W::ONE;
            a_bit = a_bit << 1;
        }
        if matches < need {
            return None;
        }
        if matches == 0 {
            return Some(0.0);
        }
        // The k-th matched character of `a` against the k-th of `b`, read
        // off the flags lowest bit first (there are `matches` of each).
        let mut transpositions = 0usize;
        let (mut left_a, mut left_b) = (a_flags, b_flags);
        while left_a != W::ZERO && left_b != W::ZERO {
            let (i, j) = (left_a.trailing_zeros(), left_b.trailing_zeros());
            transpositions += usize::from(a[i as usize] != b[j as usize]);
            left_a &= left_a - W::ONE;
            left_b &= left_b - W::ONE;
        }
        Some(score_matches(a, b, matches, transpositions / 2))
    }
}

/// [`Positions`] for keys of any length, used past 128 characters: each
/// slot's mask is as many words as the key has 64 characters, and the
/// match flags are words kept between calls. Scoring a pair costs about
/// one word per 64 characters of the matching window for each character,
/// where strsim compares the window's characters one by one.
struct WidePositions<'a> {
    key: &'a [char],
    /// Words per slot.
    words: usize,
    /// `masks[slot * words + w]`: the positions `64 * w` to `64 * w + 63`.
    masks: Vec<u64>,
    a_flags: Vec<u64>,
    b_flags: Vec<u64>,
}

impl<'a> WidePositions<'a> {
    /// The positions of `key`.
    fn new(key: &'a [char]) -> WidePositions<'a> {
        let words = key.len().div_ceil(64);
        let mut masks = vec![0u64; SLOT_COUNT * words];
        for (j, &ch) in key.iter().enumerate() {
            if let Some(slot) = slot(ch) {
                masks[slot * words + j / 64] |= 1 << (j % 64);
            }
        }
        WidePositions {
            key,
            words,
            masks,
            a_flags: Vec::new(),
            b_flags: Vec::new(),
        }
    }

    /// As [`Positions::jaro_winkler`], for keys of any length.
    fn jaro_winkler(&mut self, a: &[char], need: usize) -> Option<f64> {
        let b = self.key;
        let (a_len, b_len) = (a.len(), b.len());
        let search_range = match search_range(a_len, b_len, need) {
            Ok(range) => range,
            Err(score) => return score,
        };
        self.a_flags.clear();
        self.a_flags.resize(a_len.div_ceil(64), 0);
        self.b_flags.clear();
        self.b_flags.resize(self.words, 0);
        let words = self.words;
        let mut matches = 0usize;
        for (i, &ch) in a.iter().enumerate() {
            if matches + (a_len - i) < need {
                return None;
            }
            let low = i.saturating_sub(search_range);
            let high = b_len.min(i + search_range + 1);
            if low >= high {
                continue;
            }
            let flags = &self.b_flags;
            let found = match slot(ch) {
                Some(slot) => first_free(&self.masks[slot * words..][..words], flags, low, high),
                None => (low..high)
                    .find(|&j| b[j] == ch && flags[j / 64] & (1 << (j % 64)) == 0)
                    .unwrap_or(usize::MAX),
            };
            if found != usize::MAX {
                self.a_flags[i / 64] |= 1 << (i % 64);
                self.b_flags[found / 64] |= 1 << (found % 64);
                matches += 1;
            }
        }
        if matches < need {
            return None;
        }
        if matches == 0 {
            return Some(0.0);
        }
        // As in `Positions::jaro_winkler`, word by word.
        let transpositions = ones(&self.a_flags)
            .zip(ones(&self.b_flags))
            .filter(|&(i, j)| a[i] != b[j])
            .count();
        Some(score_matches(a, b, matches, transpositions / 2))
    }
}

/// The lowest position in `low..high` (`low < high`) set in `masks` and
/// clear in `flags`, both a bit a position, or `usize::MAX` if none is.
fn first_free(masks: &[u64], flags: &[u64], low: usize, high: usize) -> usize {
    let last = (high - 1) / 64;
    let mut w = low / 64;
    let mut free = masks[w] & !flags[w] & (u64::MAX << (low % 64));
    while w < last && free == 0 {
        w += 1;
        free = masks[w] & !flags[w];
    }
    if w == last {
        free &= u64::MAX >> (63 - (high - 1) % 64);
    }
    if free == 0 {
        usize::MAX
    } else {
        64 * w + free.trailing_zeros() as usize
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

/// One name of an entity (by its index in id order), with where its
/// key lies in the buffer of all keys and the key's number of words, and
/// whether it is an alias rather than the entity's name.
struct Name<'a> {
    entity: usize,
    text: &'a str,
    key: (usize, usize),
    words: usize,
    alias: bool,
}

impl Name<'_> {
    /// This name's key, read from the buffer of all keys.
    fn key<'k>(&self, keys: &'k str) -> &'k str {
        &keys[self.key.0..self.key.1]
    }
}

/// A block's member: its name, its name's entity and its key's letters,
/// side by side so that the loop over a block's pairs reads one small
/// array.
type Member = (usize, usize, Letters);

/// What the pairs of a block are tested and scored with: the least
/// counts for the threshold, and each name's entity, letters and
/// characters (decoded once, in one buffer).
struct Scan {
    threshold: Similarity,
    /// Each name's first-word block key (the first three characters of
    /// its first word), packed 21 bits a character.
    leads: Vec<u64>,
    needs: Needs,
    entities: Vec<usize>,
    /// Whether each entity (by index) may be a person: its kind is not
    /// declared, or is "person". Only people's names are told apart by a
    /// gendered ending ("Ivan Petrov" and "Ivana Petrova"); in other
    /// names it is agreement ("Donetsk Oblast", "Donetska Oblast").
    people: Vec<bool>,
    letters: Vec<Letters>,
    /// Whether each name's key has a digit (of any script): only then
    /// may numbers tell it from another ([`numbers_differ`]).
    numbered: Vec<bool>,
    chars: Vec<char>,
    spans: Vec<(usize, usize)>,
}

impl Scan {
    fn new(names: &[Name<'_>], keys: &str, threshold: Similarity, people: Vec<bool>) -> Scan {
        let mut chars: Vec<char> = Vec::with_capacity(keys.len());
        let mut spans: Vec<(usize, usize)> = Vec::with_capacity(names.len());
        let mut leads: Vec<u64> = Vec::with_capacity(names.len());
        for name in names {
            let start = chars.len();
            chars.extend(name.key(keys).chars());
            spans.push((start, chars.len()));
            leads.push(lead(&chars[start..]));
        }
        let letters: Vec<Letters> = names.iter().map(|n| Letters::new(n.key(keys))).collect();
        let numbered = names
            .iter()
            .zip(&letters)
            .map(|(name, letters)| has_digits(name.key(keys), *letters))
            .collect();
        Scan {
            threshold,
            leads,
            needs: Needs::new(threshold.value()),
            entities: names.iter().map(|n| n.entity).collect(),
            people,
            letters,
            numbered,
            chars,
            spans,
        }
    }

    fn chars_of(&self, name: usize) -> &[char] {
        let (start, end) = self.spans[name];
        &self.chars[start..end]
    }

    /// The pairs of a block's names that reach the threshold. With
    /// `parallel`, a block of [`LARGE_BLOCK`] names or more has its
    /// members scanned on all cores: one block can hold most of a
    /// corpus's pairs.
    fn block(&self, block: &[usize], last_word: bool) -> Vec<Candidate> {
        let members: Vec<Member> = block
            .iter()
            .map(|&i| (i, self.entities[i], self.letters[i]))
            .collect();
        let sliced = (members.len() >= SLICED_BLOCK).then(|| Sliced::new(&members, &self.needs));
        let sliced = sliced.as_ref();
        #[cfg(feature = "parallel")]
        if members.len() >= LARGE_BLOCK {
            use rayon::prelude::*;
            return (0..members.len())
                .into_par_iter()
                .fold(Vec::new, |mut found, k| {
                    self.pairs_of(&members, sliced, last_word, k, &mut found);
                    found
                })
                .reduce(Vec::new, |mut all, found| {
                    all.extend(found);
                    all
                });
        }
        let mut found = Vec::new();
        for k in 0..members.len() {
            self.pairs_of(&members, sliced, last_word, k, &mut found);
        }
        found
    }

    /// Whether each word of key `a` is like the word of key `b` in its
    /// place (the keys of a block have as many words), for names whose
    /// whole keys reach the threshold to be one name's.
    ///
    /// Alike: its Jaro–Winkler
    /// score reaches [`WORD_FLOOR`], or the threshold if that is lower,
    /// or the two words are one number in digits ([`same_number`]: "01"
    /// and "1", which score 0).
    /// A long shared part lifts the whole keys' score over the threshold
    /// whatever the other words are ("islamic state khorasan" and
    /// "islamic state sinai" score 0.92); a spelling variant changes a
    /// word, it does not replace it ("muhajir" and "mohajer" score 0.83,
    /// "afghanistan" and "pakistan" 0.65).
    ///
    /// And no word told apart from the word in its place
    /// ([`told_apart`]): by its numbers ("district 1" and "district 10"),
    /// as Roman numerals ("louis xiv" and "louis xv"), as opposed words
    /// ("east timor" and "west timor"), or, when both entities may be
    /// people, as one stem with a masculine ending and a feminine one
    /// ("petrov" and "petrova"). This holds for names of one word too.
    fn words_alike(&self, a: usize, b: usize) -> bool {
        let pair = Pair {
            people: self.people[self.entities[a]] && self.people[self.entities[b]],
            numbered: self.numbered[a] || self.numbered[b],
        };
        let tables = crate::names::tables();
        let (a, b) = (self.chars_of(a), self.chars_of(b));
        if !a.contains(&' ') {
            return !told_apart(a, b, pair, tables);
        }
        let floor = WORD_FLOOR.min(self.threshold.value());
        a.split(|&c| c == ' ')
            .zip(b.split(|&c| c == ' '))
            .all(|(x, y)| {
                (jaro_winkler(x, y) >= floor || pair.numbered && same_number(x, y))
                    && !told_apart(x, y, pair, tables)
            })
    }

    /// The pairs of member `k` with the members after it that reach the
    /// threshold, into `found`: ruled out 64 at a time first in a block
    /// that has a [`Sliced`], then by [`Letters::need`], then
    /// scored.
    fn pairs_of(
        &self,
        members: &[Member],
        sliced: Option<&Sliced>,
        last_word: bool,
        k: usize,
        found: &mut Vec<Candidate>,
    ) {
        let Some(&(a, entity_a, letters_a)) = members.get(k) else {
            return;
        };
        // `a`'s positions, built at its first pair that is scored.
        let mut scorer = Scorer::new(self.chars_of(a));
        let mut pair = |j: usize| {
            let (b, entity_b, letters_b) = members[j];
            if entity_a == entity_b {
                return;
            }
            let Some(need) = letters_a.need(letters_b, &self.needs) else {
                return;
            };
            // A pair of a last-word block whose first words share a block
            // too is that block's to score. (Tested after the letters,
            // which rule out most pairs without reading another array.)
            if last_word && self.leads[a] == self.leads[b] {
                return;
            }
            // Scored the later name first, so that the positions of the
            // earlier serve all its pairs (and strsim's score is the same
            // either way round, as far as a test of 20 million random
            // pairs could tell; any one order would do).
            let Some(score) = scorer.jaro_winkler(self.chars_of(b), need as usize) else {
                return;
            };
            if score >= self.threshold.value() && self.words_alike(a, b) {
                // The earlier name first, as `Candidate` has it.
                let (names, entities) = if a < b {
                    ((a, b), (entity_a, entity_b))
                } else {
                    ((b, a), (entity_b, entity_a))
                };
                found.push(Candidate {
                    similarity: Similarity::clamped(score),
                    rule: MergeRule::SimilarName,
                    entities,
                    names,
                });
            }
        };
        if !sliced.is_some_and(|sliced| sliced.scan(members, k, &mut pair)) {
            (k + 1..members.len()).for_each(pair);
        }
    }
}

/// Joins the entities of `candidates`, most alike first, unless a
/// member of one group is declared distinct from a member of the other
/// (`distinct[e]`: the entities `e` is declared distinct from). Returns
/// each entity's root (the smallest index of its group) and the
/// candidates that joined two groups, in the order they did.
fn merge(
    candidates: Vec<Candidate>,
    distinct: &[Vec<usize>],
    kinds: &[Option<u32>],
) -> (Vec<usize>, Vec<Candidate>) {
    let n = distinct.len();
    let mut groups = Groups {
        parent: (0..n).collect(),
    };
    // Each group's declared kind, at its root: the kind its members
    // declare (they never declare two), or none.
    let mut kind: Vec<Option<u32>> = kinds.to_vec();
    // Each group's members as a list threaded through `next`, from its
    // root to `last[root]`: read only when some entity is declared
    // distinct from another.
    let mut next: Vec<usize> = vec![usize::MAX; n];
    let mut last: Vec<usize> = (0..n).collect();
    let any_distinct = distinct.iter().any(|d| !d.is_empty());
    let mut merged = Vec::new();
    for candidate in candidates {
        let (ea, eb) = candidate.entities;
        let (ra, rb) = (groups.find(ea), groups.find(eb));
        if ra == rb {
            continue;
        }
        // Two kinds declared, and different: a person is not the place
        // that shares their name (fifteenth audit, B2: "Baghdadi", a
        // person, merged with "Baghdad", a place, at 0.97).
        if let (Some(a), Some(b)) = (kind[ra], kind[rb])
            && a != b
        {
            continue;
        }
        if any_distinct {
            // Whether a member of `root`'s group is declared distinct
            // from a member of `other`'s.
            let barred = |groups: &mut Groups, root: usize, other: usize| {
                let mut m = root;
                while m != usize::MAX {
                    if distinct[m].iter().any(|&d| groups.find(d) == other) {
                        return true;
                    }
                    m = next[m];
                }
                false
            };
            if barred(&mut groups, ra, rb) || barred(&mut groups, rb, ra) {
                continue;
            }
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        kind[keep] = kind[keep].or(kind[gone]);
        groups.parent[gone] = keep;
        next[last[keep]] = gone;
        last[keep] = last[gone];
        merged.push(candidate);
    }
    let root = (0..n).map(|i| groups.find(i)).collect();
    (root, merged)
}

/// The first three characters of the first word of `key`, packed 21
/// bits a character: the key of a name's first-word block, as a number
/// (characters are never NUL, so no shorter prefix packs like a longer).
fn lead(key: &[char]) -> u64 {
    key.iter()
        .take_while(|&&ch| ch != ' ')
        .take(3)
        .fold(0, |packed, &ch| packed << 21 | u64::from(ch))
}

/// Every name of every entity of `sorted` (in id order) that has a key,
/// and the buffer of their keys.
fn keyed_names<'a>(sorted: &[&'a Entity]) -> (Vec<Name<'a>>, String) {
    let mut names = Vec::with_capacity(sorted.len());
    let mut keys = String::new();
    for (e, entity) in sorted.iter().enumerate() {
        for (k, text) in entity.names().enumerate() {
            let start = keys.len();
            push_name_key(text, &mut keys);
            if keys.len() == start {
                continue;
            }
            let words = 1 + keys[start..].bytes().filter(|&b| b == b' ').count();
            names.push(Name {
                entity: e,
                text,
                key: (start, keys.len()),
                words,
                alias: k > 0,
            });
        }
    }
    (names, keys)
}

/// The pairs of a one-word name and a name of several words whose
/// last word is its key ("milanovic", "zoran milanovic"), as (one-word
/// name, longer name), of two groups (by `root`) that may both be
/// people (`people`, by entity), among the names `unique` (one name a
/// key, in order). One pair per pair of groups: the first, in name
/// order. The longer names are indexed by their last word in a hash
/// map, so the pairs are found in linear time, and there are at most as
/// many as there are longer names (each one-word key is looked up once).
fn lone_surnames(
    names: &[Name<'_>],
    keys: &str,
    unique: &[usize],
    people: &[bool],
    root: &[usize],
) -> Vec<(usize, usize)> {
    let person = |i: usize| people[names[i].entity];
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    for &i in unique {
        if names[i].words < 2 || !person(i) {
            continue;
        }
        let key = names[i].key(keys);
        let last = key.rsplit(' ').next().unwrap_or(key);
        by_last.entry(last).or_default().push(i);
    }
    if by_last.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
    for &short in unique {
        if names[short].words != 1 || !person(short) {
            continue;
        }
        let Some(longs) = by_last.get(names[short].key(keys)) else {
            continue;
        };
        let group = root[names[short].entity];
        for &long in longs {
            let other = root[names[long].entity];
            if other != group {
                found.push((group, other, short, long));
            }
        }
    }
    found.sort_unstable();
    found.dedup_by_key(|&mut (group, other, _, _)| (group, other));
    found
        .into_iter()
        .map(|(_, _, short, long)| (short, long))
        .collect()
}

/// The pairs of names whose keys differ and whose unspaced keys
/// ([`push_unspaced_key`]) are one: "croatian presidential run off" and
/// "croatian presidential runoff". Each name of an unspaced key is
/// joined to the key's first own name (names are in id order) as a
/// candidate of similarity 1; through aliases alone the key joins
/// nobody, as a key does ([`Resolution::new`]). Only names that `joins`
/// are looked at: an alias several entities give joins none of them.
/// One hash map, so linear in the names.
fn unspaced_candidates(
    names: &[Name<'_>],
    keys: &str,
    joins: impl Fn(usize) -> bool,
) -> Vec<Candidate> {
    let mut unspaced = String::with_capacity(keys.len());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(names.len());
    let mut scratch = String::new();
    for name in names {
        let start = unspaced.len();
        push_unspaced_key(name.text, &mut scratch, &mut unspaced);
        spans.push((start, unspaced.len()));
    }
    let key_of = |i: usize| &unspaced[spans[i].0..spans[i].1];
    // Each unspaced key's first name that joins, and its first own name.
    let mut first: HashMap<&str, (usize, Option<usize>)> = HashMap::default();
    for (i, name) in names.iter().enumerate() {
        if key_of(i).is_empty() || !joins(i) {
            continue;
        }
        let own = (!name.alias).then_some(i);
        first
            .entry(key_of(i))
            .and_modify(|found| {
                if found.1.is_none() {
                    found.1 = own;
                }
            })
            .or_insert((i, own));
    }
    let mut found = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if !joins(i) {
            continue;
        }
        let Some(&(_, Some(joined))) = first.get(key_of(i)) else {
            continue;
        };
        // A name of the same key is joined by it already (or joins
        // nobody, as an alias that several entities give).
        if names[joined].entity == name.entity || names[joined].key(keys) == name.key(keys) {
            continue;
        }
        let (a, b) = if joined < i { (joined, i) } else { (i, joined) };
        found.push(Candidate {
            similarity: Similarity::clamped(1.0),
            rule: MergeRule::SpacingOnly,
            entities: (names[a].entity, names[b].entity),
            names: (a, b),
        });
    }
    found
}

/// A pair of names that may merge their entities: their similarity, the
/// rule that found them, and their entities and the names themselves as
/// indices. The earlier name comes first, and names are listed in id
/// order of their entities, so `entities.0 < entities.1` (the two are
/// never one entity) and `names.0` is a name of `entities.0`.
struct Candidate {
    similarity: Similarity,
    rule: MergeRule,
    entities: (usize, usize),
    names: (usize, usize),
}

impl Resolution {
    /// Resolves the names of `entities` at `threshold`: names of one key
    /// merge, and so do names of one unspaced key ("run-off" and
    /// "runoff"), whatever the threshold; other names merge when alike at
    /// or above it.
    ///
    /// Entities declared `distinct_from` each other are never put in one
    /// group, directly or through a third; nor are entities that declare
    /// different kinds ("person", "place"; compared without regard to
    /// case), directly or through a third that declares none.
    pub fn new(entities: &[Entity], threshold: Similarity) -> Resolution {
        Resolution::with_blocks(entities, threshold, true)
    }

    /// [`Resolution::new`], with blocks split by their names' numbers
    /// ([`number_key`]) or not: the tests check that the split changes
    /// no merge.
    fn with_blocks(entities: &[Entity], threshold: Similarity, by_numbers: bool) -> Resolution {
        let n = entities.len();
        // Work in id order so that the outcome does not depend on file order.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
        let sorted: Vec<&Entity> = order.iter().map(|&i| &entities[i]).collect();
        let ids: Vec<EntityId> = sorted.iter().map(|e| e.id.clone()).collect();
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
        let (names, keys) = keyed_names(&sorted);

        // Candidate pairs, name a before name b (so a's entity before b's).
        let mut candidates: Vec<Candidate> = Vec::new();
        // Each key's first name, and its first that is an entity's own
        // name rather than an alias (names are in id order).
        let mut by_key: HashMap<&str, (usize, Option<usize>)> = HashMap::default();
        for (i, name) in names.iter().enumerate() {
            let own = (!name.alias).then_some(i);
            match by_key.get_mut(name.key(&keys)) {
                Some(first) => {
                    if first.1.is_none() {
                        first.1 = own;
                    }
                }
                None => {
                    by_key.insert(name.key(&keys), (i, own));
                }
            }
        }
        // One name per key for the fuzzy blocks below, and the names of
        // keys that several entities give, in a second pass: a key is
        // joined through its first own name when one entity has it as its
        // name; through aliases alone it joins nobody.
        let mut shared: HashMap<usize, Vec<usize>> = HashMap::default();
        for (i, name) in names.iter().enumerate() {
            let (first, own) = by_key[name.key(&keys)];
            let joined = own.unwrap_or(first);
            if i == joined || names[joined].entity == name.entity {
                continue;
            }
            if own.is_none() {
                shared.entry(first).or_default().push(i);
                continue;
            }
            let (a, b) = if joined < i { (joined, i) } else { (i, joined) };
            candidates.push(Candidate {
                similarity: Similarity::clamped(1.0),
                rule: MergeRule::SameName,
                entities: (names[a].entity, names[b].entity),
                names: (a, b),
            });
        }
        // A key that several entities give as an alias and none as its
        // name joins nobody by a near spelling either: its first name
        // stays out of the fuzzy blocks (seventeenth audit, D1).
        let shared_keys: Vec<usize> = {
            let mut firsts: Vec<usize> = shared.keys().copied().collect();
            firsts.sort_unstable();
            firsts
        };
        let mut shared_aliases: Vec<SharedAlias> = shared
            .into_iter()
            .map(|(first, others)| {
                let mut entities: Vec<usize> = std::iter::once(first)
                    .chain(others)
                    .map(|n| names[n].entity)
                    .collect();
                entities.sort_unstable();
                entities.dedup();
                SharedAlias {
                    alias: names[first].text.to_string(),
                    entities: entities.into_iter().map(|e| ids[e].clone()).collect(),
                }
            })
            .filter(|shared| shared.entities.len() > 1)
            .collect();
        shared_aliases
            .sort_unstable_by(|a, b| a.entities.cmp(&b.entities).then(a.alias.cmp(&b.alias)));
        let by_key: HashMap<&str, usize> = by_key
            .into_iter()
            .map(|(key, (first, own))| (key, own.unwrap_or(first)))
            .collect();
        let joins = |i: usize| {
            shared_keys.is_empty()
                || shared_keys
                    .binary_search(&by_key[names[i].key(&keys)])
                    .is_err()
        };
        candidates.extend(unspaced_candidates(&names, &keys, joins));
        // Fuzzy: blocks of names with the same word count and the same first
        // three letters of the first or of the last word. One name per key.
        let mut blocks: HashMap<(usize, bool, &str), Vec<usize>> = HashMap::default();
        let mut unique: Vec<usize> = by_key
            .values()
            .copied()
            .filter(|first| shared_keys.binary_search(first).is_err())
            .collect();
        unique.sort_unstable();
        for &i in &unique {
            let name = &names[i];
            let key = name.key(&keys);
            let first = key.split(' ').next().unwrap_or("");
            let last = key.rsplit(' ').next().unwrap_or("");
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
        let tables = crate::names::tables();
        let people: Vec<bool> = sorted
            .iter()
            .map(|e| {
                e.kind
                    .as_deref()
                    .map(|kind| tables.kind_key(kind))
                    .is_none_or(|kind| kind.is_empty() || kind == "person")
            })
            .collect();
        let scan = Scan::new(&names, &keys, threshold, people);
        // A block that holds a name with digits is split by the names'
        // numbers ([`number_key`]): names whose numbers differ are never
        // merged, so only names of one set of numbers are paired. Names
        // such as "ent1" to "ent40000", which a table's subjects often
        // are, had all been one block, scored pair by pair.
        let mut split: Vec<(bool, Vec<usize>)> = Vec::new();
        let mut block_list: Vec<(bool, &[usize])> = Vec::with_capacity(blocks.len());
        for (&(_, last_word, _), block) in &blocks {
            if by_numbers && block.len() > 1 && block.iter().any(|&i| scan.numbered[i]) {
                let mut numbered: Vec<(String, usize)> = block
                    .iter()
                    .map(|&i| {
                        let numbers = if scan.numbered[i] {
                            number_key(scan.chars_of(i))
                        } else {
                            String::new()
                        };
                        (numbers, i)
                    })
                    .collect();
                numbered.sort_unstable();
                split.extend(
                    numbered
                        .chunk_by(|a, b| a.0 == b.0)
                        .filter(|part| part.len() > 1)
                        .map(|part| (last_word, part.iter().map(|&(_, i)| i).collect())),
                );
            } else {
                block_list.push((last_word, block));
            }
        }
        block_list.extend(
            split
                .iter()
                .map(|(last_word, block)| (*last_word, &block[..])),
        );
        block_list.sort_unstable();
        // Blocks are independent, and the candidates are sorted below on
        // a total order: blocks are scanned on all cores (and so are the
        // members of a large block, by `Scan::block`).
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            let found: Vec<Vec<Candidate>> = block_list
                .par_iter()
                .map(|&(last_word, block)| scan.block(block, last_word))
                .collect();
            candidates.extend(found.into_iter().flatten());
        }
        #[cfg(not(feature = "parallel"))]
        for (last_word, block) in block_list {
            candidates.extend(scan.block(block, last_word));
        }
        // Most alike first; ties by rule, then by entity (index order is
        // id order) and by name: a total order, whatever order the blocks
        // were scanned in. (A pair is scored in one block only: a
        // last-word block leaves the pairs a first-word block also holds
        // to that block.)
        candidates.sort_unstable_by(|x, y| {
            y.similarity
                .value()
                .total_cmp(&x.similarity.value())
                .then(x.rule.cmp(&y.rule))
                .then(x.entities.cmp(&y.entities))
                .then(x.names.cmp(&y.names))
        });

        let distinct: Vec<Vec<usize>> = sorted
            .iter()
            .map(|e| {
                e.distinct_from
                    .iter()
                    .filter_map(|id| index.get(id).copied())
                    .collect()
            })
            .collect();
        // Each entity's declared kind, as a number per kind, by its key
        // (case, spacing and the name tables' spellings aside: "Armed
        // group" is "armed_group", "organisation" is "organization");
        // a kind of no letters is none.
        let mut kind_numbers: HashMap<String, u32> = HashMap::default();
        let kinds: Vec<Option<u32>> = sorted
            .iter()
            .map(|e| {
                let kind = tables.kind_key(e.kind.as_deref()?);
                if kind.is_empty() {
                    return None;
                }
                let next = u32::try_from(kind_numbers.len()).unwrap_or(u32::MAX);
                Some(*kind_numbers.entry(kind).or_insert(next))
            })
            .collect();
        let (root, mut merged) = merge(candidates, &distinct, &kinds);
        let lone_surnames = lone_surnames(&names, &keys, &unique, &scan.people, &root)
            .into_iter()
            .map(|(short, long)| LoneSurname {
                surname: ids[root[names[short].entity]].clone(),
                surname_name: names[short].text.to_string(),
                full: ids[root[names[long].entity]].clone(),
                full_name: names[long].text.to_string(),
            })
            .collect();
        // Each merge names the later entity (in id order) as the one
        // merged, with its name first. Sorted by that entity, then by the
        // other: index order is id order, and no two merges join the
        // same two entities.
        merged.sort_unstable_by_key(|m| (m.entities.1, m.entities.0));
        let merges = merged
            .iter()
            .map(|m| NameMerge {
                entity: ids[m.entities.1].clone(),
                with: ids[m.entities.0].clone(),
                name: names[m.names.1].text.to_string(),
                other_name: names[m.names.0].text.to_string(),
                similarity: m.similarity,
                threshold,
                rule: m.rule,
            })
            .collect();
        Resolution {
            ids,
            index,
            by_address,
            root,
            merges,
            shared_aliases,
            lone_surnames,
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

    /// The aliases that several entities give and none as its name, which
    /// join none of them ([`SharedAlias`]), sorted by entities.
    pub fn shared_aliases(&self) -> &[SharedAlias] {
        &self.shared_aliases
    }

    /// The one-word names that are the last word of another group's
    /// name ([`LoneSurname`]), one per pair of groups, sorted by the
    /// one-word name's group, then the other's.
    pub(crate) fn lone_surnames(&self) -> &[LoneSurname] {
        &self.lone_surnames
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
        assert_eq!(name_key("Jalālābād"), "jalalabad");
        assert_eq!(name_key("Éric Zemmour"), "eric zemmour");
        assert_eq!(name_key("Łódź"), "lodz");
        // Marked letters whose base does not decompose either.
        assert_eq!(name_key("Ǿrsted Ǽsir"), "orsted aesir");
        assert_eq!(name_key("Þórður Ŧ"), "thordur t");
        assert_eq!(name_key("Ørsted Straße"), "orsted strasse");
        assert_eq!(name_key("Đorđe Şahin"), "dorde sahin");
        assert_eq!(name_key("Tiếng Việt"), "tieng viet");
        // ʿayn and hamza marks go, as apostrophes do.
        assert_eq!(name_key("al-Qāʿida"), "qaida");
        assert_eq!(name_key("Saʾid"), "said");
        // Other scripts keep their marks: "й" is a letter of its own.
        assert_eq!(name_key("Київ Й"), "київ й");
        assert_eq!(name_key("Мой"), "мой");
        assert_ne!(name_key("Мой"), name_key("Мои"));
        // Greek accents are not letters: "Αθήνα" is "ΑΘΗΝΑ".
        assert_eq!(name_key("Αθήνα"), name_key("ΑΘΗΝΑ"));
        assert_eq!(name_key("Αθήνα"), "αθηνα");
        assert_eq!(name_key("Αθήνας"), name_key("ΑΘΗΝΑΣ"));
        // Typed with combining marks (NFD): composed first, so the same
        // keys, in every script; a mark with no composed letter to join
        // is dropped, not a break between words.
        assert_eq!(name_key("Jala\u{304}la\u{304}ba\u{304}d"), "jalalabad");
        assert_eq!(name_key("Мои\u{306}"), name_key("Мой"));
        assert_eq!(name_key("Αθη\u{301}να"), "αθηνα");
        assert_eq!(name_key("Jacx\u{301}l"), "jacxl");
        // Other scripts keep such a mark in the word: a virama joins
        // letters, and "क्ष" is not "कष" nor two words.
        assert_eq!(name_key("क्षत्रिय"), "क्षत्रिय");
        assert_ne!(name_key("क्ष"), name_key("कष"));
        // Characters that show nothing are left out, neither letters nor
        // spaces: pasted names key as they look.
        assert_eq!(name_key("Reu\u{200b}ters"), "reuters");
        assert_eq!(name_key("Nd\u{ad}ola\u{feff}"), "ndola");
        assert_eq!(name_key("\u{2060}Ridge\u{200d} Fire"), "ridge fire");
        assert_eq!(name_key("\u{200b}\u{200c}"), "");
        // Legal suffixes at the end go, while a word is left before them.
        assert_eq!(name_key("Facebook, Inc."), "facebook");
        assert_eq!(name_key("Meta Platforms Inc"), "meta platforms");
        assert_eq!(
            name_key("Samsung Electronics Co., Ltd."),
            "samsung electronics"
        );
        assert_eq!(name_key("Nestlé S.A."), "nestle");
        assert_eq!(name_key("Deutsche Bank AG"), "deutsche bank");
        assert_eq!(name_key("The Co."), "co");
        assert_eq!(name_key("Ltd"), "ltd");
        assert_eq!(name_key("Co Ltd"), "co");
        assert_eq!(name_key("Inc. Magazine"), "inc magazine");
        assert_eq!(name_key("Wagner Group"), "wagner group");
    }

    fn entity(id: &str, name: &str) -> Entity {
        Entity::new(EntityId::new(id).unwrap(), name)
    }

    /// A name key's numbers as `numbers_differ` reads them.
    #[test]
    fn number_keys_read_numbers_as_names_are_told_apart() {
        let chars = |key: &str| -> Vec<char> { key.chars().collect() };
        assert_eq!(number_key(&chars("district 01")), "1");
        assert_eq!(number_key(&chars("district 10")), "10");
        assert_eq!(number_key(&chars("mh17")), "17");
        assert_eq!(number_key(&chars("route 9 a10b")), "9,10");
        assert_eq!(number_key(&chars("00 and 007")), "0,7");
        assert_eq!(number_key(&chars("kabul")), "");
        assert_eq!(number_key(&chars("\u{0663}0\u{0664}")), "\u{0663}0\u{0664}");
        assert_eq!(number_key(&chars("0\u{0663}")), "\u{0663}");
    }

    proptest::proptest! {
        /// Blocks split by their names' numbers merge exactly what
        /// unsplit blocks merge: names whose numbers differ are told
        /// apart in any block. Names of one to three words, alike but for
        /// a letter, a number, a leading zero or a word, so that many
        /// pairs reach the threshold and many are told apart.
        #[test]
        fn blocks_split_by_numbers_merge_as_unsplit_blocks(
            names in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["district", "distric", "route", "rout", "mh", "ward", "wardo"]),
                    proptest::sample::select(vec!["", " ", "-"]),
                    proptest::sample::select(vec!["", "0", "00", "1", "01", "10", "17", "171", "9", "99"]),
                    proptest::sample::select(vec!["", " north", " nort", " a", " 2", " 02"]),
                ),
                2..40,
            ),
            threshold in proptest::sample::select(vec![0.8, 0.85, 0.9, 0.95]),
        ) {
            let entities: Vec<Entity> = names
                .iter()
                .enumerate()
                .map(|(k, (word, gap, number, more))| {
                    entity(&format!("e{k:02}"), &format!("{word}{gap}{number}{more}"))
                })
                .collect();
            let threshold = Similarity::new(threshold).unwrap();
            let split = Resolution::with_blocks(&entities, threshold, true);
            let unsplit = Resolution::with_blocks(&entities, threshold, false);
            proptest::prop_assert_eq!(split.merges(), unsplit.merges());
        }
    }

    /// A pair whose first words share a block is scored there, not again
    /// in the block of its last words, which scores the others.
    #[test]
    fn a_last_word_block_leaves_shared_first_words_to_their_block() {
        let texts = ["xalu kemo", "xalo kemo", "dalu kemo"];
        let keys: String = texts.concat();
        let mut start = 0;
        let names: Vec<Name<'_>> = texts
            .iter()
            .enumerate()
            .map(|(entity, text)| {
                let key = (start, start + text.len());
                start += text.len();
                Name {
                    entity,
                    text,
                    key,
                    words: 2,
                    alias: false,
                }
            })
            .collect();
        let scan = Scan::new(&names, &keys, Similarity::new(0.85).unwrap(), vec![true; 3]);
        let pairs = |last_word: bool| -> Vec<(usize, usize)> {
            let mut pairs: Vec<_> = scan
                .block(&[0, 1, 2], last_word)
                .iter()
                .map(|c| c.names)
                .collect();
            pairs.sort_unstable();
            pairs
        };
        // Scanned as a first-word block, every pair at the threshold; as a
        // last-word block, not the pair of "xalu" and "xalo", whose first
        // words share a block. ("xalo" and "dalu" are not alike as words.)
        assert_eq!(pairs(false), vec![(0, 1), (0, 2)]);
        assert_eq!(pairs(true), vec![(0, 2)]);
    }

    /// A block larger than the size at which its members are scanned on
    /// all cores (with `parallel`): every pair of entities whose keys
    /// reach the threshold is merged, and nothing else, whatever the order
    /// the entities are given in.
    #[test]
    fn a_large_block_finds_every_pair() {
        // Every seventh name has a one-letter variant.
        let names = one_block(600, 6, 26, 7);
        assert!(names.len() > 2 * LARGE_BLOCK);
        every_pair_at_the_threshold_merges(&names, 600 / 7);
    }

    /// The same for keys of 65 to 128 characters, scored from `u128`
    /// positions, and of over 128, scored from [`WidePositions`]: tails
    /// of four letters make most pairs nearly alike, so that many fall
    /// on either side of the threshold.
    #[test]
    fn a_block_of_long_names_finds_every_pair() {
        let names = one_block(120, 75, 4, 5);
        assert!(names.iter().all(|name| (65..=128).contains(&name.len())));
        every_pair_at_the_threshold_merges(&names, 120 / 5);
        let names = one_block(50, 150, 4, 5);
        assert!(names.iter().all(|name| name.len() > 128));
        every_pair_at_the_threshold_merges(&names, 50 / 5);
    }

    /// `count` one-word names sharing their first three letters (one
    /// block), each with a tail of `tail` letters drawn from the first
    /// `letters` of the alphabet by a small generator; every `every`-th
    /// name also has a variant with one letter changed.
    fn one_block(count: usize, tail: usize, letters: u64, every: usize) -> Vec<String> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut letter = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            char::from(b'a' + (state % letters) as u8)
        };
        let mut names: Vec<String> = Vec::new();
        for k in 0..count {
            let tail: String = (0..tail).map(|_| letter()).collect();
            let name = format!("kor{tail}");
            if k % every == 0 {
                let mut variant: Vec<char> = name.chars().collect();
                variant[5] = if variant[5] == 'z' { 'y' } else { 'z' };
                names.push(variant.into_iter().collect());
            }
            names.push(name);
        }
        names
    }

    /// Resolves `names` (keys already: lower case, one word) in either
    /// order, and checks that the groups are those of scoring every pair
    /// with strsim, that each merge's similarity is strsim's score of its
    /// names, and that at least `least` pairs reach the threshold.
    fn every_pair_at_the_threshold_merges(names: &[String], least: usize) {
        let entities: Vec<Entity> = names
            .iter()
            .enumerate()
            .map(|(k, name)| entity(&format!("e{k:04}"), name))
            .collect();
        let threshold = Similarity::new(0.9).unwrap();
        let r = Resolution::new(&entities, threshold);
        let mut reversed = entities.clone();
        reversed.reverse();
        assert_eq!(r.merges(), Resolution::new(&reversed, threshold).merges());
        // Every pair at the threshold is in one group; groups are joined
        // only through such pairs.
        let mut pairs = 0;
        let mut parent: Vec<usize> = (0..entities.len()).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for a in 0..entities.len() {
            for b in a + 1..entities.len() {
                if strsim::jaro_winkler(&names[a], &names[b]) >= threshold.value() {
                    pairs += 1;
                    assert!(
                        r.same(&entities[a].id, &entities[b].id),
                        "{} {}",
                        names[a],
                        names[b]
                    );
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra] = rb;
                }
            }
        }
        assert!(pairs >= least, "{pairs} pairs");
        for m in r.merges() {
            assert_eq!(
                m.similarity.value().to_bits(),
                strsim::jaro_winkler(&m.name, &m.other_name).to_bits(),
                "{} / {}",
                m.name,
                m.other_name
            );
        }
        for a in 0..entities.len() {
            for b in a + 1..entities.len() {
                let joined = root(&mut parent, a) == root(&mut parent, b);
                assert_eq!(r.same(&entities[a].id, &entities[b].id), joined);
            }
        }
    }

    /// Entities that declare different kinds never merge, directly or
    /// through a third that declares none; one kind, or none, merges as
    /// before (fifteenth audit, B2: "Baghdadi", a person, had merged with
    /// "Baghdad", a place).
    #[test]
    fn entities_of_different_declared_kinds_never_merge() {
        let id = |s: &str| EntityId::new(s).unwrap();
        let of_kind = |id: &str, name: &str, kind: Option<&str>| {
            let mut e = entity(id, name);
            e.kind = kind.map(str::to_string);
            e
        };
        let threshold = Similarity::new(0.9).unwrap();
        let r = Resolution::new(
            &[
                of_kind("a", "Baghdadi", Some("person")),
                of_kind("b", "Baghdad", Some("place")),
            ],
            threshold,
        );
        assert!(!r.same(&id("a"), &id("b")));
        assert!(r.merges().is_empty());
        // Through a third with no kind: it joins the first it meets, and
        // the other stays apart.
        let r = Resolution::new(
            &[
                of_kind("a", "Baghdadi", Some("person")),
                of_kind("b", "Baghdad", Some("place")),
                of_kind("c", "Baghdadi", None),
            ],
            threshold,
        );
        assert!(!r.same(&id("a"), &id("b")));
        assert!(r.same(&id("a"), &id("c")) != r.same(&id("b"), &id("c")));
        // One kind, written in two cases, spaced or spelled two ways, or
        // no kind: merged.
        for kinds in [
            (Some("Place"), Some("place ")),
            (Some("organization"), Some("Organisation")),
            (Some("armed group"), Some("Armed_Group")),
            (Some(" "), Some("place")),
            (None, Some("place")),
            (None, None),
        ] {
            let r = Resolution::new(
                &[
                    of_kind("a", "Kabul Airport", kinds.0),
                    of_kind("b", "Kabul airport", kinds.1),
                ],
                threshold,
            );
            assert!(r.same(&id("a"), &id("b")), "{kinds:?}");
        }
    }

    /// An alias several entities give, and none as its name, joins
    /// nobody, by its spelling or by a spelling near it: a table's "the
    /// attak" had been matched to it and merged into the first entity
    /// that gives it (seventeenth audit, D1).
    #[test]
    fn a_shared_alias_joins_nobody_by_a_near_spelling() {
        let threshold = Similarity::new(0.9).unwrap();
        let id = |s: &str| EntityId::new(s).unwrap();
        let r = Resolution::new(
            &[
                entity("a", "Kabul attack").with_aliases(["the attack"]),
                entity("b", "Kandahar attack").with_aliases(["the attack"]),
                entity("c", "the attak"),
            ],
            threshold,
        );
        assert!(!r.same(&id("a"), &id("c")), "{:?}", r.merges());
        assert!(!r.same(&id("b"), &id("c")), "{:?}", r.merges());
        assert_eq!(r.shared_aliases().len(), 1);
        // An alias one entity gives still joins a near spelling.
        let r = Resolution::new(
            &[
                entity("a", "Kabul attack").with_aliases(["the attack"]),
                entity("c", "the attak"),
            ],
            threshold,
        );
        assert!(r.same(&id("a"), &id("c")), "{:?}", r.merges());
    }

    /// The unspaced key: the name key with its particles, without its
    /// spaces but for one between two digits (twentieth audit, G3).
    #[test]
    fn unspaced_keys() {
        let unspaced = |name: &str| {
            let mut key = String::from("kept ");
            push_unspaced_key(name, &mut String::from("old"), &mut key);
            key
        };
        assert_eq!(unspaced("Al-Shabaab"), "kept alshabaab");
        assert_eq!(unspaced("Alshabaab"), "kept alshabaab");
        assert_eq!(unspaced("Kahraman Maraş"), "kept kahramanmaras");
        assert_eq!(
            unspaced("Croatian presidential run-off"),
            "kept croatianpresidentialrunoff"
        );
        assert_eq!(unspaced("Facebook, Inc."), "kept facebook");
        assert_eq!(unspaced("F-16"), "kept f16");
        assert_eq!(unspaced("Unit 1-10"), "kept unit1 10");
        assert_eq!(unspaced("١ ٢"), "kept ١ ٢");
        assert_eq!(unspaced("--"), "kept ");
    }

    /// Names of one unspaced key merge, by the rule that says so; an
    /// alias that two entities give joins neither by it, and declared
    /// kinds and `distinct_from` part them as they part any merge.
    #[test]
    fn names_that_differ_in_spacing_merge_unless_told_apart() {
        let threshold = Similarity::new(0.9).unwrap();
        let id = |s: &str| EntityId::new(s).unwrap();
        let r = Resolution::new(
            &[
                entity("a", "Al-Shabaab"),
                entity("b", "Alshabaab"),
                entity("c", "Kahraman Maras"),
                entity("d", "Kahramanmaras"),
            ],
            threshold,
        );
        let rules: Vec<(&str, &str, MergeRule)> = r
            .merges()
            .iter()
            .map(|m| (m.entity.as_str(), m.with.as_str(), m.rule))
            .collect();
        assert_eq!(
            rules,
            [
                ("b", "a", MergeRule::SpacingOnly),
                ("d", "c", MergeRule::SpacingOnly)
            ]
        );
        assert_eq!(r.merges()[0].similarity.value(), 1.0);

        let r = Resolution::new(
            &[
                entity("a", "Mogadishu raid").with_aliases(["the run-off"]),
                entity("b", "Kismayo raid").with_aliases(["The run-off"]),
                entity("c", "the runoff"),
            ],
            threshold,
        );
        assert!(r.merges().is_empty(), "{:?}", r.merges());
        // One entity's alias joins by it.
        let r = Resolution::new(
            &[
                entity("a", "Mogadishu raid").with_aliases(["the run-off"]),
                entity("c", "the runoff"),
            ],
            threshold,
        );
        assert!(r.same(&id("a"), &id("c")), "{:?}", r.merges());

        let mut city = entity("a", "Al Ain");
        city.kind = Some("place".to_string());
        let mut person = entity("b", "Alain");
        person.kind = Some("person".to_string());
        let r = Resolution::new(&[city, person], threshold);
        assert!(r.merges().is_empty(), "{:?}", r.merges());
        let mut city = entity("c", "Al-Ain");
        city.distinct_from = vec![id("d")];
        let r = Resolution::new(&[city.clone(), entity("d", "Alain")], threshold);
        assert!(r.merges().is_empty(), "{:?}", r.merges());
        city.distinct_from.clear();
        let r = Resolution::new(&[city, entity("d", "Alain")], threshold);
        assert!(r.same(&id("c"), &id("d")), "{:?}", r.merges());
    }

    /// A one-word name that is the last word of another group's name is
    /// listed, once per pair of groups, not merged; names of entities
    /// declared other than people are not (twentieth audit, G3).
    #[test]
    fn a_surname_alone_is_listed_and_not_merged() {
        let threshold = Similarity::new(0.9).unwrap();
        let mut place = entity("p", "Maras");
        place.kind = Some("place".to_string());
        let mut full_place = entity("q", "Kahraman Maras");
        full_place.kind = Some("place".to_string());
        let r = Resolution::new(
            &[
                entity("a", "Zoran Milanović"),
                entity("b", "Milanovic"),
                entity("c", "Ana Milanović").with_aliases(["A. Milanović"]),
                entity("d", "Milanović"),
                place,
                full_place,
            ],
            threshold,
        );
        let lone: Vec<(&str, &str, &str, &str)> = r
            .lone_surnames()
            .iter()
            .map(|l| {
                (
                    l.surname.as_str(),
                    l.surname_name.as_str(),
                    l.full.as_str(),
                    l.full_name.as_str(),
                )
            })
            .collect();
        // "Milanovic" and "Milanović" are one group ("b"), beside two.
        assert_eq!(
            lone,
            [
                ("b", "Milanovic", "a", "Zoran Milanović"),
                ("b", "Milanovic", "c", "Ana Milanović"),
            ]
        );
        let id = |s: &str| EntityId::new(s).unwrap();
        assert!(!r.same(&id("a"), &id("b")));
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
    fn distinct_from_is_respected_from_any_member_of_a_group() {
        // "b", not the group's root "a", declares itself distinct from "c";
        // and "d" joins "c" first, so both groups have two members.
        let a = entity("a", "Hafiz Saeed Khan");
        let mut b = entity("b", "Hafiz Saeed Khan");
        b.distinct_from = vec![EntityId::new("d").unwrap()];
        let c = entity("c", "Hafiz Sayeed Khan");
        let d = entity("d", "Hafiz Sayeed Khan");
        let r = Resolution::new(&[d, c, b, a], Similarity::new(0.9).unwrap());
        let id = |s: &str| EntityId::new(s).unwrap();
        assert!(r.same(&id("a"), &id("b")));
        assert!(r.same(&id("c"), &id("d")));
        assert!(!r.same(&id("a"), &id("c")), "{:?}", r.merges());
        assert!(!r.same(&id("b"), &id("d")));
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
        let mut rejected = 0;
        for a in names {
            for b in names {
                let score = strsim::jaro_winkler(a, b);
                // At a threshold equal to the score, the tightest case.
                assert!(
                    Letters::new(a).may_reach(Letters::new(b), &Needs::new(score)),
                    "{a:?} {b:?}"
                );
                if !Letters::new(a).may_reach(Letters::new(b), &Needs::new(0.9)) {
                    rejected += 1;
                }
            }
        }
        // The bound is not vacuous: at 0.9 it rejects most of these pairs.
        assert!(rejected > names.len() * names.len() / 2, "{rejected}");
    }

    #[test]
    fn letters_count_characters_in_common() {
        let needs = Needs::new;
        let (x, y) = (Letters::new("anna"), Letters::new("nana"));
        assert_eq!((x.mask & y.mask).count_ones(), 4);
        // "zzz" and "zzz": two occurrences as bits, the third counted.
        let z = Letters::new("zzz");
        assert_eq!((z.mask.count_ones(), z.rest, z.len), (2, 1, 3));
        assert!(z.may_reach(z, &needs(1.0)));
        // Nothing in common reaches nothing above zero.
        assert!(!Letters::new("abc").may_reach(Letters::new("xyz"), &needs(0.1)));
        // One letter in six in common cannot reach 0.9.
        assert!(!Letters::new("bakdar").may_reach(Letters::new("jennuk"), &needs(0.9)));
        assert!(Letters::new("bakdar").may_reach(Letters::new("bakder"), &needs(0.9)));
    }

    /// Each member of `keys` after `k` that [`Sliced::scan`] visits, or
    /// `None` when it does not scan `k`; and each that `may_reach` keeps.
    fn sliced_and_kept(keys: &[String], threshold: f64) -> Vec<(Option<Vec<usize>>, Vec<usize>)> {
        let needs = Needs::new(threshold);
        let members: Vec<Member> = keys
            .iter()
            .enumerate()
            .map(|(i, key)| (i, i, Letters::new(key)))
            .collect();
        let sliced = Sliced::new(&members, &needs);
        (0..members.len())
            .map(|k| {
                let mut visited = Vec::new();
                let scanned = sliced.scan(&members, k, |j| visited.push(j));
                let kept = (k + 1..members.len())
                    .filter(|&j| members[k].2.may_reach(members[j].2, &needs))
                    .collect();
                (scanned.then_some(visited), kept)
            })
            .collect()
    }

    /// In a block of random eight-letter keys, the counts rule out most
    /// pairs before any is looked at, and keep every pair `may_reach`
    /// keeps.
    #[test]
    fn sliced_counts_rule_out_most_pairs() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let keys: Vec<String> = (0..300)
            .map(|_| {
                (0..8)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        char::from(b'a' + (state % 26) as u8)
                    })
                    .collect()
            })
            .collect();
        let (mut visited, mut pairs) = (0, 0);
        for (k, (scanned, kept)) in sliced_and_kept(&keys, 0.9).into_iter().enumerate() {
            let scanned = scanned.expect("short keys are scanned");
            assert!(kept.iter().all(|j| scanned.contains(j)), "member {k}");
            visited += scanned.len();
            pairs += keys.len() - k - 1;
        }
        assert!(visited * 10 < pairs, "{visited} of {pairs} pairs visited");
    }

    proptest::proptest! {
        /// The bound never rejects a pair that reaches the threshold.
        #[test]
        fn the_bounds_never_reject_a_pair_at_the_threshold(
            a in "[abkné0 ]{1,14}|[a-z]{1,20}|[a-e ]{60,75}",
            b in "[abkné0 ]{1,14}|[a-z]{1,20}|[a-e ]{60,75}",
            threshold in 0.0f64..=1.0,
        ) {
            let score = strsim::jaro_winkler(&a, &b);
            // At the pair's own score, the tightest threshold it meets.
            proptest::prop_assert!(
                Letters::new(&a).may_reach(Letters::new(&b), &Needs::new(score)),
                "letters reject {a:?} / {b:?} at their own score {score}"
            );
            if score >= threshold {
                proptest::prop_assert!(
                    Letters::new(&a).may_reach(Letters::new(&b), &Needs::new(threshold)),
                    "letters reject {a:?} / {b:?} at {score} ≥ {threshold}"
                );
            }
        }

        /// The counts taken 64 members at a time keep every pair that
        /// `may_reach` keeps, visit members after `k` only, in order, and
        /// scan every member whose `rest` fits their counters and whose
        /// length the needs' table holds.
        #[test]
        fn sliced_counts_keep_what_the_letters_keep(
            keys in proptest::collection::vec(
                "[abkné0 ]{1,14}|[a-d]{1,12}|[a-z ]{1,30}|[a-c ]{60,75}",
                1..200,
            ),
            threshold in 0.0f64..=1.0,
        ) {
            for (k, (scanned, kept)) in sliced_and_kept(&keys, threshold).into_iter().enumerate() {
                match scanned {
                    Some(visited) => {
                        proptest::prop_assert!(visited.windows(2).all(|w| w[0] < w[1]));
                        proptest::prop_assert!(visited.first().is_none_or(|&j| j > k));
                        proptest::prop_assert!(
                            kept.iter().all(|j| visited.contains(j)),
                            "member {} ({:?}) at {}", k, keys[k], threshold
                        );
                    }
                    None => {
                        let letters = Letters::new(&keys[k]);
                        proptest::prop_assert!(
                            letters.rest > SLICED_REST || letters.len as usize > Needs::TABLE
                        );
                    }
                }
            }
        }

        /// Near-verbatim pairs: a key and the same key with one letter
        /// doubled or changed, which is where the threshold bites.
        #[test]
        fn the_letters_keep_near_variants(
            a in "[a-z]{2,10} [a-z]{2,10}",
            at in 0usize..20,
            with in proptest::char::range('a', 'z'),
            threshold in 0.7f64..=1.0,
        ) {
            let at = at % a.len();
            let mut b = a.clone();
            if a.as_bytes()[at] != b' ' {
                b.replace_range(at..=at, &with.to_string());
            }
            let doubled = format!("{}{}", &a[..=at], &a[at..]);
            for other in [b, doubled] {
                let score = strsim::jaro_winkler(&a, &other);
                if score >= threshold {
                    proptest::prop_assert!(
                        Letters::new(&a).may_reach(Letters::new(&other), &Needs::new(threshold))
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// The crate's Jaro–Winkler is strsim's, to the last bit.
        #[test]
        fn jaro_winkler_is_strsims(
            a in "[abkné0 ]{0,14}|[a-z ]{0,70}|\\PC{0,8}|[abé -]{60,200}",
            b in "[abkné0 ]{0,14}|[a-z ]{0,70}|\\PC{0,8}|[abé -]{60,200}",
        ) {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let want = strsim::jaro_winkler(&a, &b).to_bits();
            proptest::prop_assert_eq!(jaro_winkler(&ca, &cb).to_bits(), want, "{:?} / {:?}", a, b);
            // The wider positions at any length they hold, not only past
            // the narrower ones'.
            let wide = WidePositions::new(&cb).jaro_winkler(&ca, 0).map(f64::to_bits);
            proptest::prop_assert_eq!(wide, Some(want), "wide: {:?} / {:?}", a, b);
            if ca.len().max(cb.len()) <= 128 {
                let score = Positions::<u128>::new(&cb).jaro_winkler(&ca, 0).map(f64::to_bits);
                proptest::prop_assert_eq!(score, Some(want), "u128: {:?} / {:?}", a, b);
            }
        }

        /// Scoring stops early only for pairs below the threshold: a pair
        /// that reaches it is scored to the end, to strsim's score, and so
        /// is every pair scored to the end.
        #[test]
        fn scoring_stops_early_only_below_the_threshold(
            a in "[abkné0 ]{0,14}|[a-d ]{0,20}|[a-z ]{0,64}|[a-d é]{60,150}",
            b in "[abkné0 ]{0,14}|[a-d ]{0,20}|[a-z ]{0,64}|[a-d é]{60,150}",
            threshold in 0.0f64..=1.0,
        ) {
            let needs = Needs::new(threshold);
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let want = strsim::jaro_winkler(&a, &b);
            let need = Letters::new(&b).need(Letters::new(&a), &needs);
            let wide = need.and_then(|need| WidePositions::new(&cb).jaro_winkler(&ca, need as usize));
            let mut scores = vec![("wide", wide)];
            let longest = ca.len().max(cb.len());
            if longest <= 64 {
                let narrow = need.and_then(|need| Positions::<u64>::new(&cb).jaro_winkler(&ca, need as usize));
                scores.push(("u64", narrow));
            }
            if longest <= 128 {
                let narrow = need.and_then(|need| Positions::<u128>::new(&cb).jaro_winkler(&ca, need as usize));
                scores.push(("u128", narrow));
            }
            for (how, scored) in scores {
                if want >= threshold {
                    proptest::prop_assert_eq!(
                        scored.map(f64::to_bits),
                        Some(want.to_bits()),
                        "{}: {:?} / {:?} at {}", how, a, b, threshold
                    );
                }
                if let Some(score) = scored {
                    proptest::prop_assert_eq!(score.to_bits(), want.to_bits(), "{}", how);
                }
            }
        }
    }

    /// A pair that cannot have the matches it needs is left unscored, as
    /// soon as that is certain.
    #[test]
    fn scoring_stops_when_the_matches_cannot_be_had() {
        let (a, b): (Vec<char>, Vec<char>) =
            ("abcdefgh".chars().collect(), "abcdwxyz".chars().collect());
        let want = Some(strsim::jaro_winkler("abcdefgh", "abcdwxyz").to_bits());
        let positions = Positions::<u64>::new(&b);
        assert_eq!(positions.jaro_winkler(&a, 5), None);
        assert_eq!(positions.jaro_winkler(&a, 4).map(f64::to_bits), want);
        let positions = Positions::<u128>::new(&b);
        assert_eq!(positions.jaro_winkler(&a, 5), None);
        assert_eq!(positions.jaro_winkler(&a, 4).map(f64::to_bits), want);
        let mut wide = WidePositions::new(&b);
        assert_eq!(wide.jaro_winkler(&a, 5), None);
        assert_eq!(wide.jaro_winkler(&a, 4).map(f64::to_bits), want);
    }

    #[test]
    fn jaro_winkler_on_known_pairs() {
        let pairs = [
            ("sirajuddin haqqani", "sirajudin haqqani"),
            ("martha", "marhta"),
            ("dixon", "dicksonx"),
            ("bakdar front", "jannur front"),
            ("", ""),
            ("a", ""),
            ("ab", "ba"),
        ];
        for (a, b) in pairs {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(
                jaro_winkler(&ca, &cb).to_bits(),
                strsim::jaro_winkler(a, b).to_bits()
            );
        }
        let (a, b): (Vec<char>, Vec<char>) =
            ("martha".chars().collect(), "marhta".chars().collect());
        assert!((jaro_winkler(&a, &b) - 0.9611).abs() < 1e-4);
    }

    /// The key as first written: each word gathered on its own, then
    /// appended unless it is a particle; then the last word dropped
    /// while it is a legal suffix and another word is left.
    fn name_key_by_words(name: &str) -> String {
        let mut key = String::new();
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
        for ch in composed(name).chars() {
            if is_in_word_mark(ch) {
            } else if !word.is_empty() && is_loose_mark(ch) {
                if !word.ends_with(|c: char| c.is_ascii() || is_greek(c)) {
                    word.push(ch);
                }
            } else if ch.is_alphanumeric() {
                push_folded(ch, &mut word);
            } else {
                flush(&mut word, &mut key);
            }
        }
        flush(&mut word, &mut key);
        let mut words: Vec<&str> = key.split(' ').collect();
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| crate::names::tables().is_legal_suffix(w))
        {
            words.pop();
        }
        words.join(" ")
    }

    proptest::proptest! {
        #[test]
        fn name_keys_are_the_words_without_particles(
            name in "((al|el|the|Al|THE|İl|x|Sa'id|U\\.S\\.|émile|ẞ|Inc\\.|LTD|Co|S\\.A\\.|Group)[ ,.'’-]{0,2}){0,6}|\\PC{0,12}",
        ) {
            proptest::prop_assert_eq!(name_key(&name), name_key_by_words(&name));
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

    /// A name printed with its diacritics and without them is one name,
    /// even where the first letter differs and the pair would share no
    /// block; other scripts' marked letters stay letters of their own.
    #[test]
    fn diacritics_do_not_part_latin_names() {
        let threshold = Similarity::new(0.9).unwrap();
        for (a, b, rule) in [
            ("Éric Zemmour", "Eric Zemmour", Some(MergeRule::SameName)),
            ("Jalālābād", "Jalalabad", Some(MergeRule::SameName)),
            (
                "Jalālābād",
                "Jala\u{304}la\u{304}ba\u{304}d",
                Some(MergeRule::SameName),
            ),
            ("al-Qāʿida", "Al Qaida", Some(MergeRule::SameName)),
            ("Łukasz Wróbel", "Lukasz Wrobel", Some(MergeRule::SameName)),
            ("Ömer Çelik", "Omer Celic", Some(MergeRule::SimilarName)),
            ("Мой", "Мои", None),
        ] {
            let resolution = Resolution::new(&[entity("a", a), entity("b", b)], threshold);
            let rules: Vec<MergeRule> = resolution.merges().iter().map(|m| m.rule).collect();
            assert_eq!(rules, Vec::from_iter(rule), "{a} and {b}");
        }
    }

    /// Names that share all words but one merge only if that word is a
    /// variant of the other: a long shared part lifts the whole names'
    /// score over the threshold whatever the odd word is.
    #[test]
    fn a_replaced_word_is_another_name() {
        let threshold = Similarity::new(0.9).unwrap();
        for (a, b, merge) in [
            ("Islamic State Khorasan", "Islamic State Sinai", false),
            (
                "Military Forces of Afghanistan",
                "Military Forces of Pakistan",
                false,
            ),
            (
                "Unidentified Armed Group (Afghanistan)",
                "Unidentified Armed Group (Pakistan)",
                false,
            ),
            ("Shahab al-Muhajir", "Shahab al-Mohajer", true),
            ("Qari Baryal", "Kari Baryal", true),
        ] {
            // The whole names reach the threshold: only the words decide.
            assert!(
                strsim::jaro_winkler(&name_key(a), &name_key(b)) >= threshold.value(),
                "{a} / {b}"
            );
            let r = Resolution::new(&[entity("a", a), entity("b", b)], threshold);
            assert_eq!(r.merges().len(), usize::from(merge), "{a} / {b}");
        }
    }

    /// A company's name with its legal form and without is one name:
    /// "Facebook, Inc." is the "Facebook" another entity lists as an
    /// alias (audit 8, B1), merged as the same name.
    #[test]
    fn a_legal_suffix_is_not_part_of_a_name() {
        let threshold = Similarity::new(0.9).unwrap();
        let meta = entity("meta", "Meta Platforms").with_aliases(["Meta", "Facebook"]);
        let r = Resolution::new(&[meta, entity("facebook-inc", "Facebook, Inc.")], threshold);
        assert_eq!(r.merges().len(), 1);
        let merge = &r.merges()[0];
        assert_eq!(
            (merge.name.as_str(), merge.other_name.as_str(), merge.rule),
            ("Facebook", "Facebook, Inc.", MergeRule::SameName)
        );
        // A name that is only a suffix is still a name, and another.
        let r = Resolution::new(&[entity("a", "Ltd."), entity("b", "Co.")], threshold);
        assert!(r.merges().is_empty());
    }

    /// A word that is another's stem with a masculine ending against a
    /// feminine one names another person, however alike the whole names
    /// score (audit 8, A2: "Ivan Petrov" and "Ivana Petrova", 0.97):
    /// relatives and namesakes, not spellings. Spelling variants still
    /// merge, and so do names of entities declared to be other than
    /// people, in which such an ending is agreement.
    #[test]
    fn gendered_forms_are_two_people() {
        let threshold = Similarity::new(0.9).unwrap();
        let merges = |a: &Entity, b: &Entity| {
            let r = Resolution::new(&[a.clone(), b.clone()], threshold);
            r.merges().len()
        };
        for (a, b) in [
            ("Ivan Petrov", "Ivana Petrova"),
            ("Ivan Petrov", "Ivan Petrova"),
            ("Aleksandr Petrov", "Aleksandra Petrova"),
            ("Mario Rossi", "Maria Rossi"),
            ("Jan Novak", "Jan Novakova"),
            ("Andrzej Kowalski", "Andrzej Kowalska"),
            ("Dalia Grybauskas", "Dalia Grybauskaite"),
            ("Nikos Papadopoulos", "Nikos Papadopoulou"),
            ("Zelensky", "Zelenska"),
            ("Kowalski", "Kowalska"),
            ("Петров", "Петрова"),
        ] {
            let (x, y) = (entity("a", a), entity("b", b));
            // Alike enough to merge but for the ending.
            assert!(
                strsim::jaro_winkler(&name_key(a), &name_key(b)) >= threshold.value(),
                "{a} / {b}"
            );
            assert_eq!(merges(&x, &y), 0, "{a} / {b}");
            // Declared people or not, the same; another kind merges.
            let person = |mut e: Entity| {
                e.kind = Some("Person".into());
                e
            };
            assert_eq!(
                merges(&person(x.clone()), &person(y.clone())),
                0,
                "{a} / {b}"
            );
            let mut place = y.clone();
            place.kind = Some("place".into());
            assert_eq!(merges(&x, &place), 1, "{a} / {b}");
        }
        let mut donetsk = entity("a", "Donetsk Oblast");
        donetsk.kind = Some("place".into());
        let mut donetska = entity("b", "Donetska Oblast");
        donetska.kind = Some("place".into());
        assert_eq!(merges(&donetsk, &donetska), 1);
        for (a, b) in [
            ("Aleksandr Zhukov", "Alexander Zhukov"),
            ("Haitham Mohamed Ibrahim", "Haytham Mohammed Ibrahim"),
            ("Tamer Ramadan", "Tamer Ramadhan"),
            ("Othman Abduljalil", "Osman Abduljalil"),
            ("Gedaref State", "Gadaref State"),
            ("Sylvia Masebo", "Silvia Masebo"),
            ("Sirajuddin Haqqani", "Sirajudin Haqqani"),
            ("Sanaa", "Sana'a"),
            ("Mohamed Juma", "Mohamed Jumaa"),
        ] {
            assert_eq!(merges(&entity("a", a), &entity("b", b)), 1, "{a} / {b}");
        }
    }

    /// Resolves two entities named `a` and `b` at `threshold`, after
    /// checking that their whole keys reach it (so that only the rules
    /// for words decide), and gives the similarity of their merge, if
    /// they merge.
    #[track_caller]
    fn merged_at(a: &Entity, b: &Entity, threshold: f64) -> Option<f64> {
        let score = strsim::jaro_winkler(&name_key(&a.name), &name_key(&b.name));
        assert!(score >= threshold, "{} / {}: {score}", a.name, b.name);
        let r = Resolution::new(&[a.clone(), b.clone()], Similarity::new(threshold).unwrap());
        assert!(r.merges().len() <= 1);
        r.merges().first().map(|m| m.similarity.value())
    }

    /// Names that differ in a number written in digits are two names,
    /// however alike they score (audit 14, M1/G3: "District 1" and
    /// "District 10" merged at 0.98, and their tolls made a false
    /// conflict), whatever the entities' kinds; a number written with
    /// leading zeros is the same number, and names that agree in their
    /// numbers still merge as spelling variants.
    #[test]
    fn a_different_number_is_another_name() {
        for (a, b) in [
            ("District 1", "District 10"),
            ("District 9", "District 91"),
            ("Flight 17", "Flight 171"),
            ("Route 6", "Route 66"),
            ("Route 9", "Route 99"),
            ("Flight MH17", "Flight MH171"),
            ("MH17", "MH171"),
            ("3rd Brigade", "33rd Brigade"),
            ("Sector 12 North", "Sector 21 North"),
            ("Highway 7", "Highway"),
            ("Brigade 7 Front", "Brigade 7 Front 2"),
        ] {
            let (mut x, mut y) = (entity("a", a), entity("b", b));
            if x.name.split(' ').count() != y.name.split(' ').count() {
                // Never compared: a longer name is another name.
                assert!(
                    Resolution::new(&[x, y], Similarity::new(0.9).unwrap())
                        .merges()
                        .is_empty()
                );
                continue;
            }
            assert_eq!(merged_at(&x, &y, 0.9), None, "{a} / {b}");
            assert_eq!(merged_at(&x, &y, 0.5), None, "{a} / {b} at 0.5");
            x.kind = Some("place".into());
            y.kind = Some("place".into());
            assert_eq!(merged_at(&x, &y, 0.9), None, "{a} / {b}, places");
        }
        // "01" and "1" score 0 as words, but are one number.
        for (a, b) in [
            ("District 01", "District 1"),
            ("Route 007", "Route 7"),
            ("Flight MH017", "Flight MH17"),
            ("Brigade 7 Front", "Brigade 7 Frnt"),
            ("Kataib Hezbollah 45", "Kataib Hizbollah 45"),
            ("Kharkiv", "Kharkov"),
        ] {
            let similarity = merged_at(&entity("a", a), &entity("b", b), 0.9);
            assert!(similarity.is_some_and(|s| s < 1.0), "{a} / {b}");
        }
    }

    #[test]
    fn numbers_are_compared_as_numbers_in_digits() {
        let differ = |x: &str, y: &str| {
            let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
            numbers_differ(&x, &y)
        };
        for (x, y) in [
            ("17", "171"),
            ("1", "10"),
            ("10", "100"),
            ("mh17", "mh71"),
            ("a1b2", "a1b"),
            ("a1b2", "a12b"),
            ("7", "seven"),
            ("0", "1"),
            ("١٧", "١٧١"),
        ] {
            assert!(differ(x, y), "{x} / {y}");
            assert!(differ(y, x), "{y} / {x}");
        }
        for (x, y) in [
            ("01", "1"),
            ("0", "00"),
            ("a007", "7b"),
            ("district", "distrikt"),
            ("١٧", "١٧"),
        ] {
            assert!(!differ(x, y), "{x} / {y}");
        }
    }

    /// Roman numerals are numbers too: two words that are different
    /// numerals are two names ("World War I" and "World War II" score
    /// 0.96). A word that reads as a numeral and one that does not are
    /// left to the other rules, as such words are often names.
    #[test]
    fn a_different_roman_numeral_is_another_name() {
        for (a, b) in [
            ("World War I", "World War II"),
            ("Louis XIV", "Louis XV"),
            ("Mohammed V", "Mohammed VI"),
            ("Henry VII", "Henry VIII"),
            ("Vatican I", "Vatican II"),
        ] {
            assert_eq!(
                merged_at(&entity("a", a), &entity("b", b), 0.9),
                None,
                "{a} / {b}"
            );
        }
        for (a, b) in [("Xi Jinping", "Xi Jingping"), ("Louis XIV", "Louis XIV.")] {
            assert!(
                merged_at(&entity("a", a), &entity("b", b), 0.9).is_some(),
                "{a} / {b}"
            );
        }
        let numeral = |word: &str| roman_numeral(&word.chars().collect::<Vec<char>>());
        for (word, value) in [
            ("i", 1),
            ("iv", 4),
            ("ix", 9),
            ("xiv", 14),
            ("xl", 40),
            ("xc", 90),
            ("cd", 400),
            ("mix", 1009),
            ("mcmxc", 1990),
            ("mmmcmxcix", 3999),
        ] {
            assert_eq!(numeral(word), Some(value), "{word}");
        }
        for word in [
            "", "iiii", "ic", "iiv", "vv", "ivi", "civic", "mmmm", "xi1", "ali",
        ] {
            assert_eq!(numeral(word), None, "{word}");
        }
    }

    /// Names whose words in one place are two opposed words of the name
    /// tables are two names ("East Timor" and "West Timor" score 0.93),
    /// whatever their kinds; words of different groups are not opposed.
    #[test]
    fn opposed_words_tell_places_apart() {
        for (a, b, threshold) in [
            ("East Timor", "West Timor", 0.9),
            ("East Jerusalem", "West Jerusalem", 0.9),
            ("Eastern Equatoria", "Western Equatoria", 0.9),
            ("Northeast Province", "Northwest Province", 0.9),
            ("Nord-Est", "Nord-Ouest", 0.9),
            ("North Korea", "South Korea", 0.85),
            ("Upper Dir", "Lower Dir", 0.6),
            ("Inner Mongolia", "Outer Mongolia", 0.6),
        ] {
            let (x, mut y) = (entity("a", a), entity("b", b));
            assert_eq!(merged_at(&x, &y, threshold), None, "{a} / {b}");
            y.kind = Some("place".into());
            assert_eq!(merged_at(&x, &y, threshold), None, "{a} / {b}");
        }
        for (a, b) in [
            ("North Kordofan", "Northern Kordofan"),
            ("East Timor", "East Timur"),
        ] {
            assert!(
                merged_at(&entity("a", a), &entity("b", b), 0.9).is_some(),
                "{a} / {b}"
            );
        }
    }

    proptest::proptest! {
        /// Two-word names that share their last word (so one block) merge
        /// exactly when the whole keys reach the threshold and their first
        /// words reach the lesser of it and the word floor.
        #[test]
        fn names_merge_when_whole_and_words_alike(
            a in "[a-e]{2,8}",
            b in "[a-e]{2,8}",
            threshold in 0.5f64..=1.0,
        ) {
            let (ka, kb) = (format!("{a} front"), format!("{b} front"));
            proptest::prop_assume!(ka != kb);
            // (Unless the first words are one stem with a masculine and a
            // feminine ending, "abc" and "abca", as "ivan" and "ivana", or
            // two Roman numerals, "cd" and "dc".)
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let alike = strsim::jaro_winkler(&ka, &kb) >= threshold
                && strsim::jaro_winkler(&a, &b) >= WORD_FLOOR.min(threshold)
                && !told_apart(&ca, &cb, Pair { people: true, numbered: false }, crate::names::tables());
            let r = Resolution::new(
                &[entity("a", &ka), entity("b", &kb)],
                Similarity::new(threshold).unwrap(),
            );
            proptest::prop_assert_eq!(r.merges().len(), usize::from(alike), "{} / {}", ka, kb);
        }
    }
}
