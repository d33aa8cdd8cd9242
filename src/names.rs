//! The name tables, as data: the legal suffixes a name's key leaves out.
//!
//! | type | what it is |
//! |---|---|
//! | [`NameTables`] | the tables of `data/vocabulary/names.json`, keyed as names are |
//!
//! The tables are listed and documented in `data/vocabulary/names.json`
//! and `data/README.md` ("Name tables"). They are part of the build, not
//! of a run's policy: a name's key ([`crate::name_key`]) is shared by the
//! table reader (which matches sources by it), the relay check and name
//! resolution, and one table has to serve all of them.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::error::{Error, ErrorKind};

/// The bundled tables.
const NAMES_JSON: &str = include_str!("../data/vocabulary/names.json");

/// The tables, read once from `data/vocabulary/names.json`. The file is
/// part of the crate and is tested to read (`the_bundled_tables_read`);
/// were it not to, names would be keyed and matched without them.
pub(crate) fn tables() -> &'static NameTables {
    static TABLES: LazyLock<NameTables> =
        LazyLock::new(|| NameTables::from_json_str(NAMES_JSON).unwrap_or_default());
    &TABLES
}

/// The legal suffixes, keyed as names are (lower case, Latin and Greek
/// letters without their marks, "Inc." as `inc`, "S.A." as `sa`).
#[derive(Debug, Default)]
pub(crate) struct NameTables {
    /// The keys of the legal suffixes ("Inc.", "Ltd", "GmbH"), each's
    /// bytes as a number ([`packed`]), sorted.
    suffixes: Vec<u128>,
    /// The longest suffix key, in bytes: a longer last word is no suffix.
    longest_suffix: usize,
    /// The suffixes' first and last bytes, each's low 5 bits, as bits
    /// (`32 * first + last`): most last words are turned away by one
    /// bit before the search.
    suffix_ends: [u64; 16],
}

/// The low 5 bits of the first and of the last byte of non-empty `word`,
/// as one number below 1,024.
fn ends(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
    usize::from(first & 31) * 32 + usize::from(last & 31)
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

/// The file's shape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTables {
    name: String,
    legal_suffixes: Vec<String>,
}

impl NameTables {
    /// Reads tables in the format of `data/vocabulary/names.json`, keying
    /// each entry as names are keyed.
    ///
    /// # Errors
    ///
    /// Fails on malformed JSON, an unknown, missing or mistyped field, or
    /// a suffix whose key is not one word of at most 16 bytes.
    pub(crate) fn from_json_str(json: &str) -> Result<NameTables, Error> {
        use crate::corpus::json_error;
        const EXPECTED: &str = r#"a JSON object such as {"name": "names", "legal_suffixes": []}"#;
        let json = crate::corpus::strip_bom(json);
        if json.trim().is_empty() {
            return Err(Error::new(ErrorKind::Empty {
                expected: "a JSON document of name tables",
            }));
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let raw: RawTables = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| json_error(json, e.path().to_string(), e.into_inner(), EXPECTED))?;
        de.end()
            .map_err(|e| json_error(json, String::new(), e, EXPECTED))?;
        if raw.name.trim().is_empty() {
            return Err(
                Error::invalid_value(format!("{:?}", raw.name), "is empty", "a name")
                    .in_field("name"),
            );
        }
        let mut tables = NameTables::default();
        for (k, suffix) in raw.legal_suffixes.iter().enumerate() {
            let key = word_key(suffix);
            let Some(number) = packed(&key).filter(|_| !key.is_empty() && !key.contains(' '))
            else {
                return Err(Error::invalid_value(
                    format!("{suffix:?}"),
                    format!("is keyed as {key:?}"),
                    "one word of at most 16 bytes (\"Inc.\", \"S.A.\"); a suffix of two words is two suffixes",
                )
                .in_field(format!("legal_suffixes[{k}]")));
            };
            tables.longest_suffix = tables.longest_suffix.max(key.len());
            let end = ends(&key);
            tables.suffix_ends[end / 64] |= 1 << (end % 64);
            tables.suffixes.push(number);
        }
        tables.suffixes.sort_unstable();
        tables.suffixes.dedup();
        Ok(tables)
    }

    /// Whether `word` (a word of a name's key) is a legal suffix: "inc",
    /// "ltd", "gmbh".
    pub(crate) fn is_legal_suffix(&self, word: &str) -> bool {
        if word.is_empty() || word.len() > self.longest_suffix {
            return false;
        }
        let end = ends(word);
        self.suffix_ends[end / 64] & 1 << (end % 64) != 0
            && packed(word).is_some_and(|word| self.suffixes.binary_search(&word).is_ok())
    }
}

/// `text` keyed as a name's words are ([`crate::resolve`]'s key without
/// its legal suffixes dropped, which would need these very tables).
fn word_key(text: &str) -> String {
    let mut key = String::new();
    crate::resolve::push_name_words(text, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_tables_read() {
        let tables = NameTables::from_json_str(NAMES_JSON).unwrap();
        assert!(tables.is_legal_suffix("inc"));
        assert!(tables.is_legal_suffix("sa"));
        assert!(tables.is_legal_suffix("spa"));
        assert!(!tables.is_legal_suffix("company"));
        assert!(!tables.is_legal_suffix("group"));
    }

    #[test]
    fn bad_tables_are_refused() {
        let refused = |json: &str| NameTables::from_json_str(json).unwrap_err().to_string();
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": ["Pty Ltd"]}"#),
            @r#"field legal_suffixes[0]: "Pty Ltd" is keyed as "pty ltd"; expected one word of at most 16 bytes ("Inc.", "S.A."); a suffix of two words is two suffixes"#
        );
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": ["..."]}"#),
            @r#"field legal_suffixes[0]: "..." is keyed as ""; expected one word of at most 16 bytes ("Inc.", "S.A."); a suffix of two words is two suffixes"#
        );
        insta::assert_snapshot!(
            refused(r#"{"name": "n", "legal_suffixes": [], "x": 1}"#),
            @"line 1 column 39: field x: unknown field `x`, expected `name` or `legal_suffixes`"
        );
    }
}
