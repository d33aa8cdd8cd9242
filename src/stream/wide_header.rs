//! A long JSON Lines header line read on all cores.
//!
//! A header line holds every entity and source of the corpus: 21 MB for
//! the generator's million claims, which serde_json read on one thread
//! while the other core waited (about 0.15 s at that size, before any
//! claim line is read). `read` finds where each entity and source starts
//! and ends, on one thread, and has serde_json read each of them, the
//! lists' items on all cores. That costs more instructions in all (the
//! splitting, and serde_json set up once per item) and less time.
//!
//! It gives the header serde_json would give, or `None` whenever the line
//! is anything it does not split by itself: a key it does not know or
//! one given twice, a key written with an escape, a list that is not a
//! list, items not separated by one comma, anything after the object,
//! nesting deeper than `MAX_DEPTH`. The caller then reads the whole line
//! with serde_json, which gives the header or the error it always gave.
//! Every value, the lists' items included, is read by serde_json from its
//! own text, and every byte between them is checked here to be JSON's
//! punctuation or whitespace, so a line read here is a line serde_json
//! reads whole to the same header (the property tests below hold the two
//! to that, on well-formed lines and on lines broken at random).

use serde::de::DeserializeOwned;

use super::{Cursor, JsonlHeader};
use crate::model::{Entity, Source};

/// Header lines shorter than this are read whole by serde_json: splitting
/// them would cost more than it saves.
#[cfg(feature = "parallel")]
pub(super) const SPLIT_FROM: usize = 256 * 1024;

/// The deepest nesting read inside one entity or source. serde_json stops
/// at 128 levels for the whole line, of which the header object and its
/// list take two; anything near that goes to serde_json whole, so that it
/// fails as it always did.
const MAX_DEPTH: usize = 100;

/// The header on a line, its entities and sources read on all cores (with
/// the `parallel` feature), or `None` when serde_json must read the line
/// (see the module's documentation).
pub(super) fn read(line: &str) -> Option<JsonlHeader> {
    let parts = split(line)?;
    let text = |value: Option<&str>| match value {
        Some(value) => serde_json::from_str::<Option<String>>(value).ok(),
        None => Some(None),
    };
    let format = serde_json::from_str::<String>(parts.format?).ok()?;
    let title = text(parts.title)?;
    let description = text(parts.description)?;
    let (entities, sources) = both(
        || items::<Entity>(&parts.entities),
        || items::<Source>(&parts.sources),
    );
    Some(JsonlHeader {
        format,
        title,
        description,
        entities: entities?,
        sources: sources?,
    })
}

/// Runs both, on two cores with the `parallel` feature.
fn both<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(feature = "parallel")]
    return rayon::join(a, b);
    #[cfg(not(feature = "parallel"))]
    (a(), b())
}

/// Each item read by serde_json, in order; `None` if any fails. The
/// items are read into their places in one vector (a collection that
/// stops at the first failure would gather pieces and copy them all
/// again), then taken out of their `Some`s in place.
fn items<T: DeserializeOwned + Send>(texts: &[&str]) -> Option<Vec<T>> {
    let read = |text: &&str| serde_json::from_str::<T>(text).ok();
    #[cfg(feature = "parallel")]
    let read: Vec<Option<T>> = {
        use rayon::prelude::*;
        texts.par_iter().with_min_len(256).map(read).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let read: Vec<Option<T>> = texts.iter().map(read).collect();
    if read.iter().any(Option::is_none) {
        return None;
    }
    // `filter_map` collects in place; `flatten` would copy every item
    // into a new vector.
    #[allow(clippy::filter_map_identity)]
    Some(read.into_iter().filter_map(|item| item).collect())
}

/// The texts of a header line's values: each key's value, and each
/// list's items, as the line writes them.
#[derive(Debug, Default, PartialEq)]
struct Parts<'a> {
    format: Option<&'a str>,
    title: Option<&'a str>,
    description: Option<&'a str>,
    entities: Vec<&'a str>,
    sources: Vec<&'a str>,
}

/// Splits a header line into the texts of its values, or `None` (see the
/// module's documentation). The values themselves are not checked here:
/// serde_json reads each.
fn split(line: &str) -> Option<Parts<'_>> {
    let mut scan = Cursor { text: line, at: 0 };
    let mut parts = Parts::default();
    let (mut entities, mut sources) = (false, false);
    scan.eat(b'{')?;
    if scan.peek()? == b'}' {
        // No "format": serde_json says so.
        return None;
    }
    loop {
        let key = scan.key()?;
        scan.eat(b':')?;
        scan.skip_space();
        match key {
            b"format" => once(&mut parts.format, scan.value()?)?,
            b"title" => once(&mut parts.title, scan.value()?)?,
            b"description" => once(&mut parts.description, scan.value()?)?,
            b"entities" if !entities => {
                entities = true;
                parts.entities = scan.list()?;
            }
            b"sources" if !sources => {
                sources = true;
                parts.sources = scan.list()?;
            }
            _ => return None,
        }
        match scan.peek()? {
            b',' => scan.at += 1,
            b'}' => {
                scan.at += 1;
                break;
            }
            _ => return None,
        }
    }
    scan.skip_space();
    (scan.at == line.len()).then_some(parts)
}

/// Sets a value given once; `None` for a key given twice.
fn once<'a>(slot: &mut Option<&'a str>, value: &'a str) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

/// The header line's own readings: its keys, and the extent of each
/// value (the steps over whitespace and punctuation are the claim
/// reader's, see [`Cursor`]).
impl<'a> Cursor<'a> {
    /// A key, as the line writes it between its quotes. A key with an
    /// escape is no key this reader knows, and the caller gives up on it.
    fn key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.at;
        let len = memchr::memchr(b'"', &self.text.as_bytes()[start..])?;
        self.at = start + len + 1;
        Some(&self.text.as_bytes()[start..start + len])
    }

    /// Skips a string from its opening quote, past its closing one.
    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            let rest = self.text.as_bytes().get(self.at..)?;
            let found = memchr::memchr2(b'"', b'\\', rest)?;
            if rest[found] == b'"' {
                self.at += found + 1;
                return Some(());
            }
            // An escape: the byte after the backslash is never the end.
            self.at += found + 2;
        }
    }

    /// The text of one value from here (after whitespace): a string, an
    /// object or an array to its matching end, or any other run of bytes
    /// up to the punctuation or whitespace after it. Only its extent is
    /// found; serde_json reads it.
    fn value(&mut self) -> Option<&'a str> {
        let start = self.at;
        match *self.text.as_bytes().get(start)? {
            b'"' => self.skip_string()?,
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match *self.text.as_bytes().get(self.at)? {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => {
                            depth += 1;
                            if depth > MAX_DEPTH {
                                return None;
                            }
                        }
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while let Some(&b) = self.text.as_bytes().get(self.at) {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
            }
        }
        // Both ends are at ASCII bytes (a quote, a bracket, punctuation
        // or the line's end), so on character boundaries.
        self.text.get(start..self.at)
    }

    /// A list's items, each as the line writes it.
    fn list(&mut self) -> Option<Vec<&'a str>> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(items);
        }
        loop {
            self.skip_space();
            items.push(self.value()?);
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(items);
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// serde_json's reading of a whole line, as the reader falls back to.
    fn whole(line: &str) -> Option<JsonlHeader> {
        crate::corpus::from_json_str::<JsonlHeader>(line).ok()
    }

    #[test]
    fn a_header_is_split_into_its_values() {
        let line = r#" { "format" : "corroborate-jsonl/1", "entities": [ {"id":"e1","name":"A \"B\" ]}"} , {"id":"e2","name":"C","aliases":["c","[{"]} ],"sources":[],"title":null } "#;
        let parts = split(line).expect("a header it splits");
        assert_eq!(parts.format, Some(r#""corroborate-jsonl/1""#));
        assert_eq!(parts.title, Some("null"));
        assert_eq!(parts.description, None);
        assert_eq!(
            parts.entities,
            [
                r#"{"id":"e1","name":"A \"B\" ]}"}"#,
                r#"{"id":"e2","name":"C","aliases":["c","[{"]}"#
            ]
        );
        assert!(parts.sources.is_empty());
        let header = read(line).expect("a header it reads");
        assert_eq!(header, whole(line).expect("serde_json reads it too"));
        assert_eq!(header.entities[0].name, r#"A "B" ]}"#);
    }

    #[test]
    fn lines_it_does_not_split_are_left_to_serde_json() {
        let cases = [
            // No format, an unknown key, keys given twice, an escaped key.
            r#"{}"#,
            r#"{"format":"corroborate-jsonl/1","other":1}"#,
            r#"{"format":"corroborate-jsonl/1","format":"x"}"#,
            r#"{"format":"corroborate-jsonl/1","entities":[],"entities":[]}"#,
            r#"{"form\u0061t":"corroborate-jsonl/1"}"#,
            // Lists that are not lists, items run together or left out.
            r#"{"format":"corroborate-jsonl/1","entities":null}"#,
            r#"{"format":"corroborate-jsonl/1","entities":[{"id":"e1","name":"A"} {"id":"e2","name":"B"}]}"#,
            r#"{"format":"corroborate-jsonl/1","entities":[{"id":"e1","name":"A"},]}"#,
            r#"{"format":"corroborate-jsonl/1","entities":[,{"id":"e1","name":"A"}]}"#,
            // Cut short, or something after the object.
            r#"{"format":"corroborate-jsonl/1","entities":[{"id":"e1","name":"A"}"#,
            r#"{"format":"corroborate-jsonl/1","entities":[{"id":"e1","name":"A"#,
            r#"{"format":"corroborate-jsonl/1"} x"#,
            r#"{"format":"corroborate-jsonl/1"}}"#,
            // An item serde_json rejects.
            r#"{"format":"corroborate-jsonl/1","entities":[{"id":"e1"}]}"#,
            r#"{"format":"corroborate-jsonl/1","entities":[{"id":"e1","name":"A","colour":1}]}"#,
        ];
        for line in cases {
            assert!(read(line).is_none(), "{line}");
        }
        // Nesting deeper than MAX_DEPTH inside an item, which serde_json
        // refuses past 128 levels for the whole line.
        let deep = format!(
            r#"{{"format":"corroborate-jsonl/1","entities":[{{"id":"e1","name":"A","note":{}1{}}}]}}"#,
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        );
        assert!(split(&deep).is_none());
        assert!(whole(&deep).is_none());
    }

    /// A header line as long as a large corpus's, `bad` put in place of
    /// its 7,000th source if given.
    #[cfg(feature = "parallel")]
    fn long_line(bad: Option<&str>) -> String {
        let entities: Vec<String> = (0..8_000)
            .map(|k| format!(r#"{{"id":"e{k}","name":"Entity \"{k}\"","aliases":["E{k}"]}}"#))
            .collect();
        let sources: Vec<String> = (0..8_000)
            .map(|k| match bad {
                Some(bad) if k == 7_000 => bad.to_string(),
                _ => format!(
                    r#"{{"id":"s{k}","kind":"publication","name":"Article {k}","outlet":"Outlet {}","published":"2021-08-{:02}"}}"#,
                    k % 40,
                    k % 28 + 1
                ),
            })
            .collect();
        format!(
            r#"{{"format":"corroborate-jsonl/1","title":"A long header","entities":[{}],"sources":[{}]}}"#,
            entities.join(","),
            sources.join(", ")
        )
    }

    /// With `parallel`, the reader reads a long header line split, to
    /// what serde_json reads whole; a bad item in it is reported as
    /// serde_json reports it, by the line read whole.
    #[cfg(feature = "parallel")]
    #[test]
    fn a_long_header_line_is_read_split_and_its_errors_are_serde_jsons() {
        use crate::stream::StreamReader;
        let line = long_line(None);
        assert!(line.len() >= SPLIT_FROM, "{} bytes", line.len());
        let split = super::super::read_wide_header(&line).expect("a line it splits");
        assert_eq!(split.entities.len(), 8_000);
        assert_eq!(split.sources.len(), 8_000);
        assert_eq!(Some(split), whole(&line));
        let claim = r#"{"id":"c1","subject":"e1","property":"p","value":{"quantity":{"exact":1}},"assertion":{"chain":["s1"]}}"#;
        let corpus = StreamReader::new()
            .read_jsonl(format!("{line}\n{claim}\n").as_bytes(), "long.jsonl")
            .expect("the corpus reads");
        assert_eq!(corpus.entities().len(), 8_000);
        assert_eq!(corpus.sources()[7_999].name, "Article 7999");
        assert_eq!(corpus.claims().len(), 1);

        let bad = long_line(Some(
            r#"{"id":"s7000","kind":"publication","name":"Article","published":"2021-13-01"}"#,
        ));
        assert!(super::super::read_wide_header(&bad).is_none());
        let error = StreamReader::new()
            .read_jsonl(format!("{bad}\n").as_bytes(), "long.jsonl")
            .expect_err("a bad date");
        let message = error.to_string();
        // The column is the line's, as serde_json gives it reading the
        // whole line.
        let column = bad.find("2021-13-01").expect("the bad date") + "2021-13-01".len() + 2;
        assert!(
            message.starts_with(&format!(
                "long.jsonl:1:{column}: field sources[7000].published: \"2021-13-01\" is not a date that exists"
            )),
            "{message}"
        );
    }

    /// A string as a header writes it: escapes, quotes, brackets and
    /// characters beyond ASCII among plain letters.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                4 => "[a-z ]{1,6}",
                1 => Just("\\\"".to_string()),
                1 => Just("\\\\".to_string()),
                1 => Just("\\u00e9".to_string()),
                1 => Just("é]}[{,:".to_string()),
            ],
            0..4,
        )
        .prop_map(|pieces| format!("\"{}\"", pieces.concat()))
    }

    /// Whitespace as JSON allows it between values.
    fn gap() -> impl Strategy<Value = &'static str> {
        prop_oneof![4 => Just(""), 1 => Just(" "), 1 => Just(" \t "), 1 => Just("\r")]
    }

    fn entity() -> impl Strategy<Value = String> {
        (
            0u32..50,
            text(),
            proptest::collection::vec(text(), 0..3),
            proptest::option::of(text()),
            gap(),
        )
            .prop_map(|(id, name, aliases, note, gap)| {
                let mut item = format!(r#"{{"id":"e{id}",{gap}"name":{name}"#);
                if !aliases.is_empty() {
                    item += &format!(r#","aliases":[{}]"#, aliases.join(&format!(",{gap}")));
                }
                if let Some(note) = note {
                    item += &format!(r#","note":{gap}{note}"#);
                }
                item + "}"
            })
    }

    fn source() -> impl Strategy<Value = String> {
        (
            0u32..50,
            prop_oneof![Just("publication"), Just("person"), Just("group")],
            text(),
            proptest::option::of(prop_oneof![
                Just("\"2021-08-26\""),
                Just("\"2021-08\""),
                Just("null")
            ]),
            any::<bool>(),
            gap(),
        )
            .prop_map(|(id, kind, name, published, anonymous, gap)| {
                let mut item = format!(r#"{{"id":"s{id}",{gap}"kind":"{kind}","name":{name}"#);
                if let Some(published) = published {
                    item += &format!(r#","published":{published}"#);
                }
                if anonymous {
                    item += r#","anonymous":true"#;
                }
                item + "}"
            })
    }

    /// A header line: its keys in any order, some left out.
    fn line() -> impl Strategy<Value = String> {
        let members = (
            proptest::option::of(text()),
            proptest::collection::vec(entity(), 0..6),
            proptest::collection::vec(source(), 0..6),
            gap(),
        )
            .prop_map(|(title, entities, sources, gap)| {
                let mut members = vec![format!(r#""format":{gap}"corroborate-jsonl/1""#)];
                if let Some(title) = title {
                    members.push(format!(r#""title":{title}"#));
                }
                members.push(format!(r#""entities":[{gap}{}]"#, entities.join(",")));
                members.push(format!(
                    r#""sources":[{}{gap}]"#,
                    sources.join(&format!("{gap},"))
                ));
                members
            })
            .prop_shuffle();
        (members, gap()).prop_map(|(members, gap)| format!("{{{gap}{}}}{gap}", members.join(",")))
    }

    proptest! {
        /// A well-formed header line is read to what serde_json reads.
        #[test]
        fn headers_read_split_are_headers_read_whole(line in line()) {
            let whole = whole(&line);
            prop_assert!(whole.is_some(), "serde_json reads {}", line);
            prop_assert_eq!(read(&line), whole);
        }

        /// A line broken anywhere (a byte left out, or one of JSON's
        /// punctuation put in) is read here only if serde_json reads it,
        /// and then to the same header.
        #[test]
        fn broken_lines_are_read_only_as_serde_json_reads_them(
            line in line(),
            at in any::<prop::sample::Index>(),
            edit in prop_oneof![
                Just(None),
                Just(Some('"')),
                Just(Some('\\')),
                Just(Some(',')),
                Just(Some(':')),
                Just(Some('[')),
                Just(Some(']')),
                Just(Some('{')),
                Just(Some('}')),
                Just(Some(' ')),
                Just(Some('1')),
            ],
        ) {
            let mut chars: Vec<char> = line.chars().collect();
            let at = at.index(chars.len());
            match edit {
                None => {
                    chars.remove(at);
                }
                Some(c) => chars.insert(at, c),
            }
            let broken: String = chars.into_iter().collect();
            if let Some(header) = read(&broken) {
                prop_assert_eq!(Some(header), whole(&broken), "{}", broken);
            }
        }
    }
}
