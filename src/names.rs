//! The name tables, as data: the legal suffixes a name's key leaves out,
//! the gendered endings that tell two people apart, and the opposed
//! words that tell two places apart.
//!
//! | type | what it is |
//! |---|---|
//! | [`NameTables`] | the tables of `data/vocabulary/names.json`, keyed as names are |
//!
//! The tables are listed and documented in `data/vocabulary/names.json`
//! and `data/README.md` ("Name tables"). They belong to the process, not
//! to a run's policy: a name's key ([`crate::name_key`]) is shared by the
//! table reader (which matches sources by it), the relay check and name
//! resolution, and one table has to serve all of them. Other tables are
//! put in place with [`NameTables::install`], before the first name is
//! keyed.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::Error;
use crate::id::HashMap;

/// The bundled tables.
const NAMES_JSON: &str = include_str!("../data/vocabulary/names.json");

/// The least number of characters a word keeps before a gendered ending:
/// "Ivan" and "Ivana" share "ivan", "Ali" and "Alia" share "ali", but a
/// stem of one or two letters ("Li" and "Lia") is too little of a word
/// to call what follows it an ending.
pub(crate) const LEAST_STEM: usize = 3;

/// The tables in use, and whether they were installed
/// ([`NameTables::install`]) rather than bundled: set by an install, or
/// else to the bundled tables when the first name is keyed.
static TABLES: OnceLock<(NameTables, bool)> = OnceLock::new();

/// The tables in use: those installed, or else the bundled ones, from
/// then on.
pub(crate) fn tables() -> &'static NameTables {
    &TABLES.get_or_init(|| (NameTables::bundled(), false)).0
}

/// The name of the installed tables, or `None` while the bundled ones
/// are in use (or none yet): what a report's settings name. Bundled
/// tables that failed to load are named too, so that the report says so.
pub(crate) fn installed_name() -> Option<&'static str> {
    let (tables, installed) = TABLES.get()?;
    reported_name(tables, *installed)
}

/// The name a report gives `tables`: installed ones, and bundled ones
/// that failed to load; `None` for the bundled tables as they are.
fn reported_name(tables: &NameTables, installed: bool) -> Option<&str> {
    (installed || tables.failed).then_some(tables.name())
}

/// The bundled tables read from `json`; were they not to read, tables
/// without entries whose name says so and why ("names (the bundled
/// tables failed to load: …)"), which every report then prints, rather
/// than a panic or tables that look right and are empty.
fn bundled_tables(json: &str) -> NameTables {
    NameTables::from_json_str(json).unwrap_or_else(|error| NameTables {
        name: format!("names (the bundled tables failed to load: {error})"),
        failed: true,
        ..NameTables::default()
    })
}

/// The legal suffixes left out of name keys, the gendered endings that
/// tell two people apart and the opposed words that tell two places
/// apart ("East", "West"), keyed as names are (lower case, Latin and
/// Greek letters without their marks, "Inc." as `inc`, "S.A." as `sa`,
/// "ος" as `οσ`).
///
/// The crate uses [`NameTables::bundled`] unless other tables are
/// installed, once for the process, before the first name is keyed
/// ([`NameTables::install`]). The format is that of
/// `data/vocabulary/names.json`, documented in `data/README.md` ("Name
/// tables").
///
/// ```
/// use corroborate::NameTables;
/// let tables = NameTables::from_json_str(r#"{
///   "name": "suffixes-only",
///   "legal_suffixes": ["Inc.", "Holdings"],
///   "gendered_endings": []
/// }"#)?;
/// assert_eq!(tables.name(), "suffixes-only");
/// assert!(tables.is_legal_suffix("holdings"));
/// assert!(!NameTables::bundled().is_legal_suffix("holdings"));
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct NameTables {
    /// The tables' name, as reports give it.
    name: String,
    /// Whether these stand for bundled tables that failed to load
    /// ([`bundled_tables`]): reports then name them.
    failed: bool,
    /// The keys of the legal suffixes ("Inc.", "Ltd", "GmbH"), each's
    /// bytes as a number ([`packed`]), sorted.
    suffixes: Vec<u128>,
    /// The longest suffix key, in bytes: a longer last word is no suffix.
    longest_suffix: usize,
    /// The suffixes' first and last bytes, each's low 5 bits, as bits
    /// (`32 * first + last`): most last words are turned away by one
    /// bit before the search.
    suffix_ends: [u64; 16],
    /// Each masculine ending with each feminine ending of its group:
    /// ("", "a"), ("i", "a"), ("as", "iene").
    endings: Vec<(Ending, Ending)>,
    /// The same pairs, each both ways round, as the tails two words have
    /// after their common prefix, sorted by [`tails_key`]: looked up for
    /// a pair of words rather than every pair of endings tried on it.
    forms: Vec<Forms>,
    /// The longest tail of [`NameTables::forms`], in characters: two
    /// words whose tails after their common prefix are longer differ by
    /// more than an ending.
    longest_tail: usize,
    /// The keys of the opposed words ("east", "west"), each with the
    /// number of its group, sorted: two different words of one group
    /// tell two names apart.
    opposed: Vec<(Ending, usize)>,
    /// The longest opposed word, in characters: a longer word is none.
    longest_opposed: usize,
    /// The opposed words' first and last characters, each's low 5 bits,
    /// as bits (`32 * first + last`), as [`NameTables::suffix_ends`]
    /// has them: most words are turned away by one bit before the search.
    opposed_ends: [u64; 16],
    /// The keys of the spellings of one entity kind ([`kind_key`]), each
    /// with the key of its group's first spelling, sorted:
    /// ("organisation", "organization").
    kinds: Vec<(String, String)>,
}

/// A pair of endings as two words that share a stem differ: the letters
/// the endings begin with alike (`shared`: "is" and "iene" share "i"),
/// which the words' common prefix ends with, then the first word's tail
/// and the second's ("s" and "ene").
#[derive(Clone, Debug)]
struct Forms {
    key: u64,
    shared: Ending,
    first: Ending,
    second: Ending,
}

/// A word's ending, or part of one, as characters.
type Ending = Box<[char]>;

/// The low 5 bits of the first and of the last byte of non-empty `word`,
/// as one number below 1,024.
fn ends(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
    usize::from(first & 31) * 32 + usize::from(last & 31)
}

/// The low 5 bits of the first and of the last character of non-empty
/// `word`, as one number below 1,024 ([`ends`] for characters).
fn char_ends(word: &[char]) -> usize {
    let (first, last) = (word[0] as usize, word[word.len() - 1] as usize);
    (first & 31) * 32 + (last & 31)
}

/// The bytes of `word` as one number, when it has at most 16: equal
/// numbers for equal words (no byte of a key is 0, so no shorter word
/// packs like a longer), compared without a call to `memcmp`.
fn packed(word: &str) -> Option<u128> {
    (word.len() <= 16).then(|| {
        word.bytes()
            .fold(0u128, |number, byte| number << 8 | u128::from(byte))
    })
}

/// A number for two tails of at most 4 characters each (their lengths,
/// and 7 bits of each character): equal for equal tails, and seldom for
/// others, so that the pairs of endings a pair of words may be are
/// found by a binary search and then compared.
fn tails_key(first: &[char], second: &[char]) -> u64 {
    let pack = |tail: &[char]| {
        tail.iter().fold(tail.len() as u64, |key, &ch| {
            key << 7 | u64::from(ch) & 0x7f
        })
    };
    pack(first) << 31 | pack(second)
}

/// The file's shape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct RawTables {
    name: String,
    legal_suffixes: Vec<String>,
    gendered_endings: Vec<RawGroup>,
    /// Optional, so that tables written before it still read (with no
    /// opposed words).
    #[serde(default)]
    opposed_words: Vec<RawOpposed>,
    /// Optional, as `opposed_words` is.
    #[serde(default)]
    kind_spellings: Vec<RawKinds>,
}

/// A group of spellings of one entity kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKinds {
    /// For readers of the file: why the spellings are one kind.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    kinds: Vec<String>,
}

object_only!(RawTables, "struct RawTables");

/// A group of opposed words: any two different words of it tell two
/// names apart.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOpposed {
    /// For readers of the file: which names the group is for.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    words: Vec<String>,
}

/// A group of endings: each masculine one against each feminine one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    /// For readers of the file: which names the group is for.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    masculine: Vec<String>,
    feminine: Vec<String>,
}

impl NameTables {
    /// The tables bundled with the crate, `data/vocabulary/names.json`:
    /// the ones used unless others are installed.
    ///
    /// The file is embedded in the crate and tested to load; were it not
    /// to, these would be tables without entries whose name says that
    /// the bundled tables failed to load and why, and every report would
    /// print that name, rather than a panic.
    ///
    /// ```
    /// use corroborate::NameTables;
    /// let tables = NameTables::bundled();
    /// assert_eq!(tables.name(), "names");
    /// assert!(tables.is_legal_suffix("gmbh"));
    /// ```
    pub fn bundled() -> NameTables {
        // The file is part of the crate and is tested to read
        // (`the_bundled_tables_read`); were it not to, names would be
        // keyed and matched without tables, and reports would say so.
        bundled_tables(NAMES_JSON)
    }

    /// Reads tables from a file in the format of
    /// `data/vocabulary/names.json`.
    ///
    /// ```
    /// use corroborate::NameTables;
    /// let err = NameTables::from_path("no/such/names.json").unwrap_err();
    /// assert!(err.to_string().starts_with("no/such/names.json: "));
    /// ```
    ///
    /// # Errors
    ///
    /// As [`NameTables::from_json_str`], with the file's name; and fails
    /// when the file cannot be read or is larger than
    /// [`Limits::max_input_len`](crate::Limits::max_input_len).
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<NameTables, Error> {
        crate::corpus::read_settings_file(path.as_ref(), NameTables::from_json_str)
    }

    /// Reads tables in the format of `data/vocabulary/names.json`, keying
    /// each entry as names are keyed.
    ///
    /// ```
    /// use corroborate::NameTables;
    /// let err = NameTables::from_json_str(r#"{"name": "x", "legal_suffixes": ["Pty Ltd"], "gendered_endings": []}"#)
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"field legal_suffixes[0]: "Pty Ltd" is keyed as "pty ltd"; expected one word of at most 16 bytes ("Inc.", "S.A."); a suffix of two words is two suffixes"#
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// Fails on malformed JSON, an unknown, missing or mistyped field, a
    /// name that is empty or holds a control character, a
    /// suffix whose key is not one word, an ending whose key is more than
    /// one word, a group with no masculine or no feminine ending, a
    /// group that gives one ending on both sides, a pair of endings two
    /// groups give, an opposed word whose
    /// key is not one word, a group of opposed words with fewer than
    /// two words or with one word twice, or that another group gives
    /// again or holds all of, or a group of kind spellings
    /// with fewer than two, an empty one, or one given twice (in any
    /// group).
    pub fn from_json_str(json: &str) -> Result<NameTables, Error> {
        let raw: RawTables = crate::corpus::settings_from_json(
            json,
            "a JSON document of name tables",
            r#"a JSON object such as {"name": "names", "legal_suffixes": [], "gendered_endings": []}"#,
        )?;
        if raw.name.trim().is_empty() {
            return Err(
                Error::invalid_value(format!("{:?}", raw.name), "is empty", "a name")
                    .in_field("name"),
            );
        }
        // The report's settings line shows the name, as it shows
        // entities' names, which are refused with control characters
        // (seventeenth audit, D10).
        crate::corpus::check_name(&raw.name).map_err(|e| e.in_field("name"))?;
        let mut tables = NameTables {
            name: raw.name.clone(),
            ..NameTables::default()
        };
        // Each suffix's key and place, to name a suffix given twice.
        let mut seen: HashMap<String, usize> = HashMap::default();
        for (k, suffix) in raw.legal_suffixes.iter().enumerate() {
            let key = word_key(suffix);
            // A word that keys to nothing is one names leave out already
            // ("the", "al", punctuation): said so, not as too long
            // (fifteenth audit, B6).
            if key.is_empty() && suffix.chars().any(char::is_alphanumeric) {
                return Err(Error::invalid_value(
                    format!("{suffix:?}"),
                    "is keyed as \"\": names leave it out already, as a particle",
                    "a legal suffix that names keep (\"Inc.\", \"S.A.\")",
                )
                .in_field(format!("legal_suffixes[{k}]")));
            }
            let Some(number) = packed(&key).filter(|_| !key.is_empty() && !key.contains(' '))
            else {
                return Err(Error::invalid_value(
                    format!("{suffix:?}"),
                    format!("is keyed as {key:?}"),
                    "one word of at most 16 bytes (\"Inc.\", \"S.A.\"); a suffix of two words is two suffixes",
                )
                .in_field(format!("legal_suffixes[{k}]")));
            };
            // Given twice, as keyed ("Inc.", "inc"): refused naming both,
            // as a vocabulary's phrase or a group's word given twice is.
            if let Some(&first) = seen.get(&key) {
                return Err(Error::invalid_value(
                    format!("{suffix:?}"),
                    format!(
                        "is keyed as {key:?}, as legal_suffixes[{first}] {:?} is",
                        raw.legal_suffixes[first]
                    ),
                    "each suffix once",
                )
                .in_field(format!("legal_suffixes[{k}]")));
            }
            seen.insert(key.clone(), k);
            tables.longest_suffix = tables.longest_suffix.max(key.len());
            let end = ends(&key);
            tables.suffix_ends[end / 64] |= 1 << (end % 64);
            tables.suffixes.push(number);
        }
        tables.suffixes.sort_unstable();
        tables.suffixes.dedup();
        // Each pair of endings (as keyed) with its group.
        let mut pairs: Vec<(Ending, Ending, usize)> = Vec::new();
        for (g, group) in raw.gendered_endings.iter().enumerate() {
            let field = format!("gendered_endings[{g}]");
            let side = |side: &str, endings: &[String]| -> Result<Vec<Ending>, Error> {
                if endings.is_empty() {
                    return Err(Error::invalid_value(
                        "[]",
                        "is empty",
                        "at least one ending (\"\" for none)",
                    )
                    .in_field(format!("{field}.{side}")));
                }
                endings
                    .iter()
                    .enumerate()
                    .map(|(k, ending)| {
                        let key = word_key(ending);
                        if key.contains(' ') {
                            return Err(Error::invalid_value(
                                format!("{ending:?}"),
                                format!("is keyed as {key:?}"),
                                "the end of one word (\"ova\", \"skaya\"), or \"\" for none",
                            )
                            .in_field(format!("{field}.{side}[{k}]")));
                        }
                        Ok(key.chars().collect())
                    })
                    .collect()
            };
            let masculine = side("masculine", &group.masculine)?;
            let feminine = side("feminine", &group.feminine)?;
            for m in &masculine {
                if let Some(f) = feminine.iter().find(|f| f == &m) {
                    return Err(Error::invalid_value(
                        format!("{:?}", f.iter().collect::<String>()),
                        "is both a masculine and a feminine ending",
                        "different endings on the two sides",
                    )
                    .in_field(field));
                }
                for f in &feminine {
                    // A pair another group gives already (a group given
                    // twice) is refused naming both, as a word given
                    // twice in a group is (seventeenth audit, D10).
                    if let Some(&(_, _, first)) =
                        pairs.iter().find(|(pm, pf, _)| pm == m && pf == f)
                    {
                        return Err(Error::invalid_value(
                            format!(
                                "the pair {:?} and {:?}",
                                m.iter().collect::<String>(),
                                f.iter().collect::<String>()
                            ),
                            format!("is given by gendered_endings[{first}] too"),
                            "each pair of a masculine and a feminine ending in one group",
                        )
                        .in_field(field));
                    }
                    pairs.push((m.clone(), f.clone(), g));
                    tables.endings.push((m.clone(), f.clone()));
                }
            }
        }
        for (m, f) in &tables.endings {
            let shared = m.iter().zip(f.iter()).take_while(|(x, y)| x == y).count();
            let (m_tail, f_tail) = (&m[shared..], &f[shared..]);
            if m_tail.len().max(f_tail.len()) > 4 {
                return Err(Error::invalid_value(
                    format!(
                        "{:?} and {:?}",
                        m.iter().collect::<String>(),
                        f.iter().collect::<String>()
                    ),
                    "differ in more than their last 4 letters",
                    "endings that differ in at most 4 letters after those they share",
                )
                .in_field("gendered_endings"));
            }
            tables.longest_tail = tables.longest_tail.max(m_tail.len()).max(f_tail.len());
            for (first, second) in [(m_tail, f_tail), (f_tail, m_tail)] {
                tables.forms.push(Forms {
                    key: tails_key(first, second),
                    shared: m[..shared].into(),
                    first: first.into(),
                    second: second.into(),
                });
            }
        }
        tables.forms.sort_by_key(|forms| forms.key);
        for (g, group) in raw.opposed_words.iter().enumerate() {
            let field = format!("opposed_words[{g}].words");
            if group.words.len() < 2 {
                return Err(Error::invalid_value(
                    format!("{:?}", group.words),
                    "has fewer than two words",
                    "two or more words that tell names apart (\"East\", \"West\")",
                )
                .in_field(field));
            }
            let start = tables.opposed.len();
            for (k, word) in group.words.iter().enumerate() {
                let key = word_key(word);
                if key.is_empty() || key.contains(' ') {
                    return Err(Error::invalid_value(
                        format!("{word:?}"),
                        format!("is keyed as {key:?}"),
                        "one word (\"North\", \"Upper\")",
                    )
                    .in_field(format!("{field}[{k}]")));
                }
                let key: Ending = key.chars().collect();
                if tables.opposed[start..]
                    .iter()
                    .any(|(other, _)| *other == key)
                {
                    return Err(Error::invalid_value(
                        format!("{word:?}"),
                        "is in the group twice (as keyed)",
                        "different words in a group",
                    )
                    .in_field(format!("{field}[{k}]")));
                }
                tables.longest_opposed = tables.longest_opposed.max(key.len());
                let end = char_ends(&key);
                tables.opposed_ends[end / 64] |= 1 << (end % 64);
                tables.opposed.push((key, g));
            }
            // A group whose words are all in another group, or that holds
            // all of another's, opposes no pair the larger one does not:
            // a group given twice is refused naming both (seventeenth
            // audit, D10). Groups are few; each is compared with those
            // before it.
            let words = &tables.opposed[start..];
            let mut groups_before: Vec<usize> = tables.opposed[..start]
                .iter()
                .map(|&(_, other)| other)
                .collect();
            groups_before.dedup();
            for other in groups_before {
                let theirs: Vec<&Ending> = tables.opposed[..start]
                    .iter()
                    .filter(|(_, h)| *h == other)
                    .map(|(word, _)| word)
                    .collect();
                let within = |a: &[&Ending], b: &[&Ending]| a.iter().all(|w| b.contains(w));
                let ours: Vec<&Ending> = words.iter().map(|(word, _)| word).collect();
                if within(&ours, &theirs) || within(&theirs, &ours) {
                    return Err(Error::invalid_value(
                        format!("{:?}", group.words),
                        format!(
                            "{} opposed_words[{other}] {:?}",
                            if ours.len() == theirs.len() {
                                "is the same group as"
                            } else if ours.len() < theirs.len() {
                                "is all within"
                            } else {
                                "holds all of"
                            },
                            raw.opposed_words[other].words
                        ),
                        "each group of opposed words once, none within another",
                    )
                    .in_field(field));
                }
            }
        }
        tables.opposed.sort_unstable();
        // Each kind's key and where it was given, to name one given twice.
        let mut given: HashMap<String, String> = HashMap::default();
        for (g, group) in raw.kind_spellings.iter().enumerate() {
            let field = format!("kind_spellings[{g}].kinds");
            if group.kinds.len() < 2 {
                return Err(Error::invalid_value(
                    format!("{:?}", group.kinds),
                    "has fewer than two spellings",
                    "two or more spellings of one kind (\"organization\", \"organisation\")",
                )
                .in_field(field));
            }
            let head = kind_key(&group.kinds[0]);
            for (k, kind) in group.kinds.iter().enumerate() {
                let key = kind_key(kind);
                if key.is_empty() {
                    return Err(Error::invalid_value(
                        format!("{kind:?}"),
                        "is empty",
                        "a kind (\"organization\")",
                    )
                    .in_field(format!("{field}[{k}]")));
                }
                if let Some(first) = given.get(&key) {
                    return Err(Error::invalid_value(
                        format!("{kind:?}"),
                        format!("is keyed as {key:?}, as {first} is"),
                        "each spelling in one group, once",
                    )
                    .in_field(format!("{field}[{k}]")));
                }
                given.insert(key.clone(), format!("{field}[{k}] {kind:?}"));
                tables.kinds.push((key, head.clone()));
            }
        }
        tables.kinds.sort_unstable();
        Ok(tables)
    }

    /// The key by which two entities' declared kinds are compared: the
    /// kind in lower case, its spaces, hyphens and underscores as one
    /// space ("Armed group", "armed_group"), and a spelling of a
    /// group of `kind_spellings` as the group's first ("organisation" as
    /// "organization"). Entities of different kinds are never merged
    /// ([`Resolution`](crate::Resolution)).
    ///
    /// ```
    /// use corroborate::NameTables;
    /// let tables = NameTables::bundled();
    /// assert_eq!(tables.kind_key("Organisation"), "organization");
    /// assert_eq!(tables.kind_key(" Armed_group "), "armed group");
    /// assert_eq!(tables.kind_key("place"), "place");
    /// ```
    pub fn kind_key(&self, kind: &str) -> String {
        let key = kind_key(kind);
        match self.kinds.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(at) => self.kinds[at].1.clone(),
            Err(_) => key,
        }
    }

    /// The tables' name: `names` for the bundled ones.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Makes these the tables of every name keyed from now on in this
    /// process: by the readers, name resolution and the relay check
    /// alike, so that one name is never keyed two ways in one run.
    ///
    /// Call it before anything keys a name (reading a corpus, analysing
    /// it, [`name_key`](crate::name_key)): the first name keyed puts the
    /// bundled tables in place for good. Reports then name the installed
    /// tables in their settings.
    ///
    /// ```
    /// use corroborate::{NameTables, name_key};
    /// let tables = NameTables::from_json_str(
    ///     r#"{"name": "holdings", "legal_suffixes": ["Holdings"], "gendered_endings": []}"#,
    /// )?;
    /// tables.install()?;
    /// assert_eq!(name_key("Acme Holdings"), "acme");
    /// // Too late for others: "Acme Holdings" has been keyed.
    /// let err = NameTables::bundled().install().unwrap_err();
    /// assert!(err.to_string().contains("already in use"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails when tables are already in place: installed before, or the
    /// bundled ones, put in place by the first name keyed.
    pub fn install(self) -> Result<(), Error> {
        let name = self.name.clone();
        TABLES.set((self, true)).map_err(|_| {
            let in_use = TABLES.get().map_or("", |t| t.0.name());
            Error::invalid_value(
                format!("name tables {name:?}"),
                format!("cannot be installed: the name tables {in_use:?} are already in use"),
                "NameTables::install before the first name is keyed (before reading or analysing a corpus)",
            )
        })
    }

    /// Whether `word` (a word of a name's key, as [`crate::name_key`]
    /// writes it) is a legal suffix: "inc", "ltd", "gmbh".
    pub fn is_legal_suffix(&self, word: &str) -> bool {
        if word.is_empty() || word.len() > self.longest_suffix {
            return false;
        }
        let end = ends(word);
        self.suffix_ends[end / 64] & 1 << (end % 64) != 0
            && packed(word).is_some_and(|word| self.suffixes.binary_search(&word).is_ok())
    }

    /// Whether `a` and `b`, words of names' keys as [`crate::name_key`]
    /// writes them, are two different words of one group of opposed
    /// words: "east" and "west", "upper" and "lower". Names whose words
    /// in one place are opposed are two names, however alike they
    /// score ("East Timor" and "West Timor").
    ///
    /// ```
    /// use corroborate::NameTables;
    /// let tables = NameTables::bundled();
    /// assert!(tables.is_opposed("east", "west"));
    /// assert!(tables.is_opposed("upper", "lower"));
    /// assert!(!tables.is_opposed("east", "east"));
    /// // Different groups: "North" and "Northern" may be one name's.
    /// assert!(!tables.is_opposed("north", "northern"));
    /// ```
    pub fn is_opposed(&self, a: &str, b: &str) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        self.opposed(&a, &b)
    }

    /// [`NameTables::is_opposed`] for words as characters: checked for
    /// the differing words of every pair of names that would merge, at
    /// the cost of a length test for most words and two binary searches
    /// for the rest.
    pub(crate) fn opposed(&self, a: &[char], b: &[char]) -> bool {
        let known = |word: &[char]| {
            !word.is_empty() && word.len() <= self.longest_opposed && {
                let end = char_ends(word);
                self.opposed_ends[end / 64] & 1 << (end % 64) != 0
            }
        };
        if !known(a) || !known(b) || a == b {
            return false;
        }
        let entries = |word: &[char]| {
            let start = self.opposed.partition_point(|(key, _)| **key < *word);
            let end = start
                + self.opposed[start..]
                    .iter()
                    .take_while(|(key, _)| **key == *word)
                    .count();
            &self.opposed[start..end]
        };
        let others = entries(b);
        entries(a)
            .iter()
            .any(|(_, group)| others.iter().any(|(_, other)| other == group))
    }

    /// Whether two words of names' keys are one stem of at least
    /// [`LEAST_STEM`] characters with a masculine ending on one and a
    /// feminine ending of its group on the other: "petrov" and "petrova",
    /// "kowalski" and "kowalska", "mario" and "maria". A doubled letter
    /// is a long vowel, not an ending: "sana" and "sanaa" are one name.
    ///
    /// A pair of words is looked up by the tails it has after its common
    /// prefix (where a stem and the letters its two endings share end),
    /// so that it costs a binary search whatever the number of endings:
    /// it is checked for every pair of names that would merge.
    pub(crate) fn gendered(&self, a: &[char], b: &[char]) -> bool {
        let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let (tail_a, tail_b) = (&a[common..], &b[common..]);
        if tail_a.len() > self.longest_tail
            || tail_b.len() > self.longest_tail
            || tail_a.is_empty() && tail_b.is_empty()
        {
            return false;
        }
        let key = tails_key(tail_a, tail_b);
        let start = self.forms.partition_point(|forms| forms.key < key);
        self.forms[start..]
            .iter()
            .take_while(|forms| forms.key == key)
            .any(|forms| {
                let Some(stem) = common
                    .checked_sub(forms.shared.len())
                    .filter(|&stem| stem >= LEAST_STEM)
                else {
                    return false;
                };
                // A doubled letter is a long vowel: a bare stem against
                // the stem and an ending that starts with its last letter.
                let bare = forms.shared.is_empty() && (tail_a.is_empty() || tail_b.is_empty());
                let ending = if tail_a.is_empty() { tail_b } else { tail_a };
                *forms.first == *tail_a
                    && *forms.second == *tail_b
                    && a[stem..common] == *forms.shared
                    && !(bare && ending.first() == a.get(stem - 1))
            })
    }
}

/// `text` keyed as a name's words are ([`crate::resolve`]'s key without
/// its legal suffixes dropped, which would need these very tables).
/// A kind as written, in lower case, with each run of spaces, hyphens
/// and underscores as one space, trimmed.
fn kind_key(kind: &str) -> String {
    kind.split(|ch: char| ch.is_whitespace() || matches!(ch, '-' | '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_key(text: &str) -> String {
    let mut key = String::new();
    crate::resolve::push_name_words(text, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(word: &str) -> Vec<char> {
        word.chars().collect()
    }

    #[test]
    fn the_bundled_tables_read() {
        let tables = NameTables::from_json_str(NAMES_JSON).unwrap();
        assert!(tables.is_legal_suffix("inc"));
        assert!(tables.is_legal_suffix("sa"));
        assert!(tables.is_legal_suffix("spa"));
        assert!(!tables.is_legal_suffix("company"));
        assert!(!tables.is_legal_suffix("group"));
        assert!(tables.endings.len() > 20);
        assert_eq!(tables.forms.len(), 2 * tables.endings.len());
        assert_eq!(tables.longest_tail, 4);
        assert!(tables.is_opposed("east", "west"));
        assert!(tables.is_opposed("nord", "sud"));
        assert!(!tables.is_opposed("nord", "south"));
    }

    /// Two different words of one group are opposed, either way round;
    /// a word and itself, words of different groups and words of no
    /// group are not. A word may be in several groups.
    #[test]
    fn opposed_words_are_those_of_one_group() {
        let tables = NameTables::from_json_str(
            r#"{"name": "n", "legal_suffixes": [], "gendered_endings": [],
                "opposed_words": [{"note": "compass", "words": ["North", "South", "Central"]},
                                  {"words": ["Northern", "Southern", "Central"]},
                                  {"words": ["Upper", "Lower"]}]}"#,
        )
        .unwrap();
        for (a, b) in [
            ("north", "south"),
            ("south", "north"),
            ("north", "central"),
            ("central", "southern"),
            ("upper", "lower"),
        ] {
            assert!(tables.is_opposed(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("north", "north"),
            ("north", "northern"),
            ("north", "lower"),
            ("north", "east"),
            ("east", "west"),
            ("", "north"),
        ] {
            assert!(!tables.is_opposed(a, b), "{a} / {b}");
        }
        // Tables written before the list read, with no opposed words.
        let older = NameTables::from_json_str(
            r#"{"name": "n", "legal_suffixes": [], "gendered_endings": []}"#,
        )
        .unwrap();
        assert!(!older.is_opposed("north", "south"));
    }

    /// Bundled tables that failed to load would say so in their name,
    /// and a report would name them though they were not installed;
    /// the bundled tables as they are go unnamed.
    #[test]
    fn bundled_tables_that_fail_to_load_say_so_in_the_report() {
        let broken = bundled_tables("{");
        assert!(
            broken
                .name()
                .starts_with("names (the bundled tables failed to load: "),
            "{}",
            broken.name()
        );
        assert!(!broken.is_legal_suffix("inc"));
        assert_eq!(reported_name(&broken, false), Some(broken.name()));
        let bundled = bundled_tables(NAMES_JSON);
        assert_eq!(bundled.name(), "names");
        assert_eq!(reported_name(&bundled, false), None);
        assert_eq!(reported_name(&bundled, true), Some("names"));
    }

    /// Whether `a` is a stem ending in `m` and `b` the same stem ending
    /// in `f`, the stem at least [`LEAST_STEM`] characters and not
    /// doubling its last letter: the rule, tried ending by ending.
    fn forms(a: &[char], m: &[char], b: &[char], f: &[char]) -> bool {
        let (Some(stem), Some(other)) = (a.strip_suffix(m), b.strip_suffix(f)) else {
            return false;
        };
        if stem.len() < LEAST_STEM || stem != other {
            return false;
        }
        let doubled = |ending: &[char]| ending.first() == stem.last();
        !(m.is_empty() && doubled(f) || f.is_empty() && doubled(m))
    }

    proptest::proptest! {
        /// The lookup by tails finds what trying every pair of endings
        /// on the two words finds.
        #[test]
        fn the_lookup_is_the_rule(
            stem in "[a-z]{0,6}",
            a in "(|a|i|o|y|s|e|k|ov|ova|ia|ii|iy|oy|aya|aia|as|is|us|ys|iene|aite|yte|ute|ek|kova|ec|cova|er|ra|ou|os|ab|x)",
            b in "(|a|i|o|y|s|e|k|ov|ova|ia|ii|iy|oy|aya|aia|as|is|us|ys|iene|aite|yte|ute|ek|kova|ec|cova|er|ra|ou|os|ab|x)",
            more in "[a-z]{0,2}",
        ) {
            let tables = tables();
            let (a, b): (Vec<char>, Vec<char>) =
                (format!("{stem}{a}").chars().collect(), format!("{stem}{more}{b}").chars().collect());
            let by_scan = a != b
                && tables
                    .endings
                    .iter()
                    .any(|(m, f)| forms(&a, m, &b, f) || forms(&b, m, &a, f));
            proptest::prop_assert_eq!(tables.gendered(&a, &b), by_scan);
        }
    }

    #[test]
    fn gendered_forms_of_one_stem() {
        let tables = tables();
        let gendered = |a: &str, b: &str| tables.gendered(&chars(a), &chars(b));
        for (a, b) in [
            ("petrov", "petrova"),
            ("ivan", "ivana"),
            ("ali", "alia"),
            ("aliyev", "aliyeva"),
            ("kowalski", "kowalska"),
            ("zelensky", "zelenskaya"),
            ("zelenskyy", "zelenska"),
            ("tolstoy", "tolstaya"),
            ("mario", "maria"),
            ("alexander", "alexandra"),
            ("julius", "julia"),
            ("novak", "novakova"),
            ("svoboda", "svobodova"),
            ("hasek", "haskova"),
            ("kazlauskas", "kazlauskiene"),
            ("grybauskas", "grybauskaite"),
            ("berzins", "berzina"),
            ("papadopoulos", "papadopoulou"),
            ("παπαδοπουλοσ", "παπαδοπουλου"),
            ("петров", "петрова"),
            ("зеленский", "зеленская"),
        ] {
            assert!(gendered(a, b), "{a} / {b}");
            assert!(gendered(b, a), "{b} / {a}");
        }
        for (a, b) in [
            // Spelling variants.
            ("aleksandr", "alexander"),
            ("mohamed", "mohammed"),
            ("haitham", "haytham"),
            ("ramadan", "ramadhan"),
            ("othman", "osman"),
            ("sylvia", "silvia"),
            ("gedaref", "gadaref"),
            ("dernah", "derna"),
            ("nova", "novaya"),
            // A doubled letter is a long vowel.
            ("sana", "sanaa"),
            ("juma", "jumaa"),
            // Too short a stem; both masculine; one word.
            ("li", "lia"),
            ("velikiy", "veliky"),
            ("petrov", "petrov"),
            // English plurals are no gendered ending.
            ("houthi", "houthis"),
            ("peshmerga", "peshmergas"),
        ] {
            assert!(!gendered(a, b), "{a} / {b}");
            assert!(!gendered(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn bad_tables_are_refused() {
        let refused = |json: &str| NameTables::from_json_str(json).unwrap_err().to_string();
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": ["Pty Ltd"], "gendered_endings": []}"#),
            @r#"field legal_suffixes[0]: "Pty Ltd" is keyed as "pty ltd"; expected one word of at most 16 bytes ("Inc.", "S.A."); a suffix of two words is two suffixes"#
        );
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": ["..."], "gendered_endings": []}"#),
            @r#"field legal_suffixes[0]: "..." is keyed as ""; expected one word of at most 16 bytes ("Inc.", "S.A."); a suffix of two words is two suffixes"#
        );
        // A particle keys to nothing, and is said to (fifteenth audit,
        // B6); a suffix given twice as keyed is refused naming both.
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": ["the"], "gendered_endings": []}"#),
            @r#"field legal_suffixes[0]: "the" is keyed as "": names leave it out already, as a particle; expected a legal suffix that names keep ("Inc.", "S.A.")"#
        );
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": ["Inc.", "Ltd", "INC"], "gendered_endings": []}"#),
            @r#"field legal_suffixes[2]: "INC" is keyed as "inc", as legal_suffixes[0] "Inc." is; expected each suffix once"#
        );
        insta::assert_snapshot!(
            refused(
                r#"{"name": "n", "legal_suffixes": [], "gendered_endings": [{"masculine": ["a"], "feminine": ["a", "b"]}]}"#
            ),
            @r#"field gendered_endings[0]: "a" is both a masculine and a feminine ending; expected different endings on the two sides"#
        );
        insta::assert_snapshot!(
            refused(
                r#"{"name": "n", "legal_suffixes": [], "gendered_endings": [{"masculine": [], "feminine": ["a"]}]}"#
            ),
            @r#"field gendered_endings[0].masculine: [] is empty; expected at least one ending ("" for none)"#
        );
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": [], "gendered_endings": [], "x": 1}"#),
            @"line 1 column 63: field x: unknown field `x`, expected one of `name`, `legal_suffixes`, `gendered_endings`, `opposed_words`, `kind_spellings`"
        );
        let opposed = |groups: &str| {
            refused(&format!(
                r#"{{"name": "n", "legal_suffixes": [], "gendered_endings": [], "opposed_words": {groups}}}"#
            ))
        };
        insta::assert_snapshot!(
            opposed(r#"[{"words": ["East", "West"]}, {"words": ["Upper"]}]"#),
            @r#"field opposed_words[1].words: ["Upper"] has fewer than two words; expected two or more words that tell names apart ("East", "West")"#
        );
        insta::assert_snapshot!(
            opposed(r#"[{"words": ["East", "North West"]}]"#),
            @r#"field opposed_words[0].words[1]: "North West" is keyed as "north west"; expected one word ("North", "Upper")"#
        );
        insta::assert_snapshot!(
            opposed(r#"[{"words": ["East", "--"]}]"#),
            @r#"field opposed_words[0].words[1]: "--" is keyed as ""; expected one word ("North", "Upper")"#
        );
        insta::assert_snapshot!(
            opposed(r#"[{"words": ["East", "West", "east"]}]"#),
            @r#"field opposed_words[0].words[2]: "east" is in the group twice (as keyed); expected different words in a group"#
        );
        insta::assert_snapshot!(
            opposed(r#"[{"words": ["East", "West"], "kind": "place"}]"#),
            @"line 1 column 112: field opposed_words[0].kind: unknown field `kind`, expected `note` or `words`"
        );
        let kinds = |groups: &str| {
            refused(&format!(
                r#"{{"name": "n", "legal_suffixes": [], "gendered_endings": [], "kind_spellings": {groups}}}"#
            ))
        };
        insta::assert_snapshot!(
            kinds(r#"[{"kinds": ["organization"]}]"#),
            @r#"field kind_spellings[0].kinds: ["organization"] has fewer than two spellings; expected two or more spellings of one kind ("organization", "organisation")"#
        );
        insta::assert_snapshot!(
            kinds(r#"[{"kinds": ["organization", " _ "]}]"#),
            @r#"field kind_spellings[0].kinds[1]: " _ " is empty; expected a kind ("organization")"#
        );
        insta::assert_snapshot!(
            kinds(r#"[{"kinds": ["armed group", "militia"]}, {"kinds": ["rebels", "Armed_Group"]}]"#),
            @r#"field kind_spellings[1].kinds[1]: "Armed_Group" is keyed as "armed group", as kind_spellings[0].kinds[0] "armed group" is; expected each spelling in one group, once"#
        );
    }

    /// A kind is keyed in lower case with its spaces, hyphens and
    /// underscores as one space, and a listed spelling as its group's
    /// first; tables without the list key each kind as written.
    #[test]
    fn kinds_are_keyed_by_their_groups() {
        let tables = NameTables::from_json_str(
            r#"{"name": "n", "legal_suffixes": [], "gendered_endings": [],
                "kind_spellings": [{"kinds": ["armed group", "Militia", "rebel-group"]}]}"#,
        )
        .unwrap();
        for kind in [
            "armed group",
            "Armed_Group",
            " militia ",
            "Rebel Group",
            "rebel--group",
        ] {
            assert_eq!(tables.kind_key(kind), "armed group", "{kind:?}");
        }
        assert_eq!(tables.kind_key("Place"), "place");
        assert_eq!(tables.kind_key("organisation"), "organisation");
        assert_eq!(
            NameTables::bundled().kind_key("Organisation"),
            "organization"
        );
        let older = NameTables::from_json_str(
            r#"{"name": "n", "legal_suffixes": [], "gendered_endings": []}"#,
        )
        .unwrap();
        assert_eq!(older.kind_key("Militia"), "militia");
    }
}
