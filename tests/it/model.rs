//! The model and the corpus format: round trips and error messages.

use corroborate::Corpus;
use insta::assert_snapshot;

use crate::support::{load_error, one_claim};
use proptest::prelude::*;

use crate::strategies;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Writing a corpus and reading it back gives the same corpus, and
    /// writing it again gives the same bytes.
    #[test]
    fn corpus_round_trips_through_json(corpus in strategies::corpus(12)) {
        let json = corpus.to_json_string();
        let back = Corpus::from_json_str(&json).unwrap();
        prop_assert_eq!(back.claims().len(), corpus.claims().len());
        prop_assert_eq!(back.to_json_string(), json);
    }
}

#[test]
fn unknown_field_is_named() {
    let e = load_error(r#"{"format": "corroborate/1", "claims": [], "bogus": 1}"#);
    assert_snapshot!(e, @"line 1 column 49: field bogus: unknown field `bogus`, expected one of `format`, `title`, `description`, `entities`, `sources`, `claims`");
    assert!(e.is_invalid());
}

#[test]
fn malformed_json_gives_line_and_column() {
    let e = load_error("{\"format\": \"corroborate/1\",\n \"claims\": [}");
    assert_snapshot!(e, @"line 2 column 13: field claims[0]: malformed JSON: expected a JSON value");
    assert!(e.is_syntax());
}

#[test]
fn empty_input() {
    assert_snapshot!(load_error("  \n"), @"the input is empty; expected a JSON corpus document");
}

#[test]
fn wrong_format_tag() {
    assert_snapshot!(load_error(r#"{"format": "corroborate/9"}"#), @r#"line 1: field format: "corroborate/9" is not a format this version reads; expected "corroborate/1""#);
}

#[test]
fn missing_field_has_its_path() {
    let e = load_error(r#"{"format": "corroborate/1", "entities": [{"id": "x"}]}"#);
    assert_snapshot!(e, @"line 1 column 52: field entities[0]: missing required field `name`");
}

#[test]
fn wrong_type_has_its_path() {
    let e = load_error(&one_claim(r#"{"quantity": {"exact": "twelve"}}"#, ""));
    assert_snapshot!(e, @r#"line 5 column 44: claim c1: field claims[0].value.quantity.exact: invalid type: string "twelve", expected a number"#);
}

#[test]
fn unknown_entity() {
    let json = one_claim(r#"{"statement": {"object": "haqqani"}}"#, "");
    let e = load_error(&json);
    assert_snapshot!(e, @r#"line 5: claim c1: field claims[0].value.statement.object: unknown entity "haqqani"; expected the id of an entity declared in the corpus"#);
    assert!(e.is_inconsistent());
    assert_eq!(e.claim(), Some("c1"));
}

#[test]
fn unknown_source() {
    let json = one_claim(r#"{"date": "2015"}"#, "").replace(r#"["a1"]"#, r#"["a1", "cnn"]"#);
    assert_snapshot!(load_error(&json), @r#"line 5: claim c1: field claims[0].assertion.chain[1]: unknown source "cnn"; expected the id of a source declared in the corpus"#);
}

#[test]
fn duplicate_claim_id() {
    let json = one_claim(r#"{"date": "2015"}"#, "");
    let claim = json[json.find(r#"{"id": "c1""#).unwrap()..json.rfind(']').unwrap()].to_string();
    let doubled = json.replace(&claim, &format!("{claim}, {claim}"));
    assert_snapshot!(load_error(&doubled), @r#"line 5: claim c1: field claims[1].id: duplicate claim id "c1" (first at claims[0], line 4); expected each claim id once"#);
}

#[test]
fn cycle_in_chain() {
    let json = r#"{"format": "corroborate/1",
  "entities": [{"id": "e", "name": "E"}],
  "sources": [{"id": "a1", "kind": "publication", "name": "A"},
              {"id": "x", "kind": "person", "name": "X"},
              {"id": "y", "kind": "person", "name": "Y"}],
  "claims": [{"id": "c1", "subject": "e", "property": "said", "value": {"text": "t"},
              "assertion": {"chain": ["a1", "x", "y", "x"]}}]}"#;
    assert_snapshot!(load_error(json), @r#"line 7: claim c1: field claims[0].assertion.chain[3]: attribution chain names source "x" twice (a cycle); expected each source at most once from publication to origin"#);
}

#[test]
fn chain_must_start_at_a_publication() {
    let json = r#"{"format": "corroborate/1",
  "entities": [{"id": "e", "name": "E"}],
  "sources": [{"id": "x", "kind": "person", "name": "X"}],
  "claims": [{"id": "c1", "subject": "e", "property": "said", "value": {"text": "t"},
              "assertion": {"chain": ["x"]}}]}"#;
    assert_snapshot!(load_error(json), @r#"line 5: claim c1: field claims[0].assertion.chain[0]: "x" (person) is not a publication; expected a chain whose first link is a source of kind publication"#);
}

#[test]
fn inverted_range() {
    let e = load_error(&one_claim(r#"{"quantity": {"range": [1500, 500]}}"#, ""));
    assert_snapshot!(e, @"line 5 column 49: claim c1: field claims[0].value.quantity: 500 is less than min 1500 (an inverted range); expected max >= min");
}

#[test]
fn negative_count() {
    let e = load_error(&one_claim(r#"{"quantity": {"exact": -3}}"#, ""));
    assert_snapshot!(e, @"line 5 column 40: claim c1: field claims[0].value.quantity: -3 is a negative count (exact); expected a count of zero or more");
}

#[test]
fn number_out_of_range() {
    let e = load_error(&one_claim(r#"{"quantity": {"exact": 1e300}}"#, ""));
    assert_snapshot!(e, @"line 5 column 43: claim c1: field claims[0].value.quantity: 1e300 is out of range (exact); expected a count of at most 10^15");
}

#[test]
fn non_finite_number() {
    // JSON has no NaN; an overflowing literal is how a non-finite number arrives.
    let e = load_error(&one_claim(r#"{"quantity": {"exact": 1e999}}"#, ""));
    // Named by its claim too, as other bad numbers are: the document
    // that holds it does not read as a JSON value either.
    assert_snapshot!(e, @"line 5 column 41: claim c1: field claims[0].value.quantity.exact: 1e999 is not a finite number; expected a number of at most 10^15");
}

#[test]
fn ambiguous_quantity() {
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 5, "at_least": 3}}"#,
        "",
    ));
    assert_snapshot!(e, @"line 5 column 54: claim c1: field claims[0].value.quantity: a quantity with forms exact and at_least is ambiguous; expected exactly one of exact, range, at_least, more_than, at_most, fewer_than, approximately, vague");
}

#[test]
fn quantity_without_a_form_or_with_a_stray_qualifier() {
    let e = load_error(&one_claim(r#"{"quantity": {"unit": "people"}}"#, ""));
    assert_snapshot!(e, @r#"line 5 column 45: claim c1: field claims[0].value.quantity: a quantity with no form is ambiguous; expected exactly one of exact, range, at_least, more_than, at_most, fewer_than, approximately, vague"#);
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 5, "qualifier": "roughly"}}"#,
        "",
    ));
    assert_snapshot!(e, @r#"line 5 column 63: claim c1: field claims[0].value.quantity: qualifier "roughly" is given without approximately or range; expected a qualifier only beside approximately or range"#);
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 5, "range": [1, 2], "approximately": 4}}"#,
        "",
    ));
    assert_snapshot!(e, @r#"line 5 column 76: claim c1: field claims[0].value.quantity: a quantity with forms exact and range and approximately is ambiguous; expected exactly one of exact, range, at_least, more_than, at_most, fewer_than, approximately, vague"#);
}

#[test]
fn a_hedged_range_round_trips() {
    let text = one_claim(
        r#"{"quantity": {"range": [40, 45], "qualifier": "About", "unit": "percent"}}"#,
        "",
    );
    let corpus = Corpus::from_json_str(&text).unwrap();
    let corroborate::Value::Quantity(q) = &corpus.claims()[0].value else {
        panic!("a quantity");
    };
    assert_eq!(q.to_string(), "about 40–45 percent");
    assert_eq!(q.qualifier(), Some("about"));
    let json = serde_json::to_string(q).unwrap();
    assert_eq!(
        json,
        r#"{"range":[40.0,45.0],"qualifier":"about","unit":"percent"}"#
    );
    // A qualifier the vocabulary does not know is named, as for a number.
    let unknown = one_claim(
        r#"{"quantity": {"range": [40, 45], "qualifier": "ish"}}"#,
        "",
    );
    let corpus = Corpus::from_json_str(&unknown).unwrap();
    let corroborate::Value::Quantity(q) = &corpus.claims()[0].value else {
        panic!("a quantity");
    };
    let e = corroborate::Vocabulary::default()
        .check_known(q)
        .unwrap_err();
    assert_snapshot!(e, @r#""ish" is not in vocabulary "default"; expected a hedge word the vocabulary defines"#);
    // Only a range takes one besides an approximate number.
    let e = corroborate::Quantity::new(corroborate::Amount::Exact(5.0))
        .unwrap()
        .with_range_qualifier("about")
        .unwrap_err();
    assert_snapshot!(e, @r#"qualifier "about" is given for exact, which is not a range; expected a qualifier only beside approximately or range"#);
}

/// A figure the annotator knows was rounded says so with `rounded_to`:
/// read, written back, and refused beside anything but `exact`.
#[test]
fn a_rounded_figure_round_trips() {
    let text = one_claim(
        r#"{"quantity": {"exact": 5700000, "rounded_to": 100000, "unit": "votes"}}"#,
        "",
    );
    let corpus = Corpus::from_json_str(&text).unwrap();
    let corroborate::Value::Quantity(q) = &corpus.claims()[0].value else {
        panic!("a quantity");
    };
    assert_eq!(q.rounded_to(), Some(100_000.0));
    let interval = q.interval(&corroborate::Vocabulary::default());
    assert_eq!((interval.min(), interval.max()), (5_650_000.0, 5_749_999.0));
    assert_eq!(
        serde_json::to_string(q).unwrap(),
        r#"{"exact":5700000.0,"unit":"votes","rounded_to":100000.0}"#
    );
    let e = load_error(&one_claim(
        r#"{"quantity": {"range": [1, 2], "rounded_to": 1}}"#,
        "",
    ));
    assert_snapshot!(e, @r"line 5 column 61: claim c1: field claims[0].value.quantity: rounded_to 1 is given for range, which is not an exact figure; expected rounded_to only beside exact");
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 5, "rounded_to": 0}}"#,
        "",
    ));
    assert_snapshot!(e, @r#"line 5 column 56: claim c1: field claims[0].value.quantity: rounded_to 0 is not a positive number; expected the step the figure was rounded to, such as 100000 for "5.7 million""#);
}

/// A rounding step is checked against its figure: a step larger than
/// the figure, or one the figure is not a whole number of, was printed
/// as an exact figure and compared as a huge interval (thirteenth audit,
/// F5). Floating point error in a whole number of steps is allowed.
#[test]
fn a_rounding_step_fits_its_figure() {
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 2124, "rounded_to": 1e20}}"#,
        "",
    ));
    assert_snapshot!(e, @r#"line 5 column 62: claim c1: field claims[0].value.quantity: rounded_to 1e20 is larger than the figure, exact 2124; expected a step no larger than the figure, the place of its last digit kept, such as 100000 for 5700000 ("5.7 million")"#);
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 5750000, "rounded_to": 100000}}"#,
        "",
    ));
    assert_snapshot!(e, @r#"line 5 column 67: claim c1: field claims[0].value.quantity: rounded_to 100000 does not divide the figure, exact 5750000; expected a step the figure is a whole number of, the place of its last digit kept, such as 100000 for 5700000 ("5.7 million")"#);
    let rounded = |value: f64, step: f64| {
        corroborate::Quantity::new(corroborate::Amount::Exact(value))
            .unwrap()
            .with_rounding(step)
            .map(|q| q.rounded_to())
            .map_err(|e| e.to_string())
    };
    assert_snapshot!(rounded(7.0, 1000.0).unwrap_err(), @r#"rounded_to 1000 is larger than the figure, exact 7; expected a step no larger than the figure, the place of its last digit kept, such as 100000 for 5700000 ("5.7 million")"#);
    assert!(rounded(600.0, 1000.0).is_err());
    assert_eq!(rounded(1.15e9, 1e7), Ok(Some(1e7)));
    assert_eq!(rounded(41.2, 0.1), Ok(Some(0.1)));
    assert_eq!(rounded(0.05, 0.01), Ok(Some(0.01)));
    assert_eq!(rounded(0.0, 0.1), Ok(Some(0.1)));
    assert_eq!(rounded(5_700_000.0, 5_700_000.0), Ok(Some(5_700_000.0)));
}

#[test]
fn impossible_date() {
    let e = load_error(&one_claim(r#"{"date": "2021-02-30"}"#, ""));
    assert_snapshot!(e, @r#"line 5 column 35: claim c1: field claims[0].value.date: "2021-02-30" is not a date that exists; expected an ISO 8601 date such as 2015, 2014-10, 2021-08-26 or 2021-08-26T16:11, or a span such as 2016/2018"#);
}

#[test]
fn empty_quote() {
    let e = load_error(&one_claim(r#"{"quote": {"text": " … "}}"#, ""));
    assert_snapshot!(e, @r#"line 5 column 41: claim c1: field claims[0].value.quote: " … " is an empty quote; expected a quote with at least one word"#);
}

#[test]
fn evidence_not_found() {
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 500}}"#,
        r#", "evidence": {"text": "600 fighters"}"#,
    ));
    assert_snapshot!(e, @r#"line 5: claim c1: field claims[0].assertion.evidence.text: evidence text "600 fighters" is not found in the text of publication "a1"; expected words that the publication's text holds, written as it writes them"#);
}

#[test]
fn evidence_span_is_checked() {
    let e = load_error(&one_claim(
        r#"{"quantity": {"exact": 500}}"#,
        r#", "evidence": {"text": "500 fighters", "span": [0, 12]}"#,
    ));
    assert_snapshot!(e, @r#"line 5: claim c1: field claims[0].assertion.evidence.span: evidence span 0..12 does not hold "500 fighters" in publication "a1"; the span holds "Some 500 fig"; expected the byte offsets of the evidence text in the publication's text"#);
}

#[test]
fn evidence_span_is_filled_in() {
    let corpus = Corpus::from_json_str(&one_claim(
        r#"{"quantity": {"approximately": 500, "qualifier": "some"}}"#,
        r#", "evidence": {"text": "Some 500 fighters"}"#,
    ))
    .unwrap();
    let evidence = corpus.claims()[0].assertion.evidence.as_ref().unwrap();
    assert_eq!(evidence.span, Some([0, 17]));
}

#[test]
fn bad_id() {
    let e = load_error(
        r#"{"format": "corroborate/1", "entities": [{"id": "has space", "name": "x"}]}"#,
    );
    assert_snapshot!(e, @r#"line 1 column 59: field entities[0].id: "has space" is not a valid entity id; expected 1 to 128 ASCII letters, digits or any of - _ . : /"#);
}

#[test]
fn not_utf8() {
    let e = match Corpus::from_json_slice(b"{\"format\": \"corroborate/1\", \"title\": \"\xff\"}") {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_snapshot!(e, @"line 1: byte 0xff at offset 38 is not UTF-8; expected UTF-8 text");
}

#[test]
fn byte_order_mark_is_accepted() {
    let corpus = Corpus::from_json_slice(b"\xEF\xBB\xBF{\"format\": \"corroborate/1\"}").unwrap();
    assert!(corpus.claims().is_empty());
}

#[test]
fn file_errors_name_the_file() {
    let e = Corpus::from_path("tests/data/does-not-exist.json").unwrap_err();
    assert!(e.is_io());
    assert!(
        e.to_string()
            .starts_with("tests/data/does-not-exist.json: cannot find the file"),
        "{e}"
    );
    // A folder without corpus.json says what it should hold.
    let dir = tempfile::tempdir().unwrap();
    let e = Corpus::from_path(dir.path()).unwrap_err().to_string();
    assert!(
        e.ends_with(": the folder holds no corpus.json; expected a folder holding corpus.json (its article texts beside it), or the path of a corpus file"),
        "{e}"
    );
}

/// A `text_file` that is a link leading out of the corpus folder is
/// refused as `..` is; a link within the folder is read.
#[cfg(unix)]
#[test]
fn text_file_links_stay_in_the_folder() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "not an article").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("real.txt"), "The article.").unwrap();
    std::os::unix::fs::symlink(dir.path().join("real.txt"), dir.path().join("inside.txt")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("out.txt"),
    )
    .unwrap();
    let corpus = |file: &str| {
        format!(
            r#"{{"format": "corroborate/1", "sources": [{{"id": "a", "kind": "publication", "name": "A", "text_file": "{file}"}}]}}"#
        )
    };
    std::fs::write(dir.path().join("corpus.json"), corpus("inside.txt")).unwrap();
    let read = Corpus::from_path(dir.path()).unwrap();
    let a = corroborate::SourceId::new("a").unwrap();
    assert_eq!(read.text(&a), Some("The article."));
    std::fs::write(dir.path().join("corpus.json"), corpus("out.txt")).unwrap();
    let e = Corpus::from_path(dir.path()).unwrap_err().to_string();
    assert!(
        e.contains(r#"field sources[0].text_file: "out.txt" leads out of the corpus folder"#),
        "{e}"
    );
}

#[test]
fn chain_depth_limit() {
    let mut sources = vec![r#"{"id": "a1", "kind": "publication", "name": "A"}"#.to_string()];
    let mut chain = vec!["\"a1\"".to_string()];
    for i in 0..40 {
        sources.push(format!(
            r#"{{"id": "s{i}", "kind": "person", "name": "S"}}"#
        ));
        chain.push(format!("\"s{i}\""));
    }
    let json = format!(
        r#"{{"format": "corroborate/1", "entities": [{{"id": "e", "name": "E"}}], "sources": [{}],
  "claims": [{{"id": "c1", "subject": "e", "property": "p", "value": {{"text": "t"}}, "assertion": {{"chain": [{}]}}}}]}}"#,
        sources.join(","),
        chain.join(",")
    );
    let e = load_error(&json);
    assert!(e.is_limit());
    assert_snapshot!(e, @"line 2: claim c1: field claims[0].assertion.chain: attribution chain length is 41, over the limit of 32; expected at most 32; Limits::with_max_chain_depth raises it");
}

#[test]
fn readme_example_in_data_readme_loads() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/README.md")).unwrap();
    let start = readme.find("```json\n{\n  \"format\"").unwrap() + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    // As the README says to run it: saved as a file, with `a2.txt` beside.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.json");
    std::fs::write(&path, &readme[start..end]).unwrap();
    let e = Corpus::from_path(&path).unwrap_err().to_string();
    assert!(e.contains("sources[1].text_file"), "{e}");
    assert!(e.contains("a2.txt"), "{e}");
    std::fs::write(dir.path().join("a2.txt"), "The second article.").unwrap();
    let corpus = Corpus::from_path(&path).unwrap();
    assert_eq!(
        corpus.text(&corroborate::SourceId::new("a2").unwrap()),
        Some("The second article.")
    );
    assert_eq!(corpus.claims().len(), 1);
    let claim = &corpus.claims()[0];
    let evidence = claim.assertion.evidence.as_ref().unwrap();
    let [from, to] = evidence.span.unwrap();
    let text = corpus.text(&claim.assertion.chain[0]).unwrap();
    assert_eq!(&text[from..to], &*evidence.text);
}

#[test]
fn policy_errors_name_the_field() {
    use corroborate::Policy;
    let e = Policy::from_json_str(r#"{"quote_treshold": 0.9}"#).unwrap_err();
    assert_snapshot!(e, @"line 1 column 17: field quote_treshold: unknown field `quote_treshold`, expected one of `vocabulary`, `quote_threshold`, `name_threshold`, `cumulative`, `current`, `single_valued`, `property_aliases`");
    let e = Policy::from_json_str(r#"{"quote_threshold": 1.5}"#).unwrap_err();
    assert_snapshot!(e, @"line 1 column 24: field quote_threshold: 1.5 is not a similarity; expected a number from 0 to 1");
    let e = Policy::from_json_str(r#"{"vocabulary": "newsroom"}"#).unwrap_err();
    assert_snapshot!(e, @r#"field vocabulary: "newsroom" is not a bundled vocabulary; expected "default", "acled" or an inline vocabulary object"#);
    let e = Policy::from_json_str(r#"{"cumulative": ["killed", "has space"]}"#).unwrap_err();
    assert_snapshot!(e, @r#"line 1 column 37: field cumulative[1]: "has space" is not a valid property; expected 1 to 128 ASCII letters, digits or any of - _ . : /"#);
}

/// A property listed as both cumulative and current is refused, named,
/// directly or through an alias; listed in one list only, it leaves the
/// default's other list. An alias listed as cumulative makes its
/// canonical property cumulative (a seventh audit found both ignored
/// without a word).
#[test]
fn cumulative_and_current_lists_agree_through_aliases() {
    use corroborate::{Policy, Property};
    let p = |s: &str| Property::new(s).unwrap();
    let e =
        Policy::from_json_str(r#"{"cumulative": ["hospitalised"], "current": ["hospitalised"]}"#)
            .unwrap_err();
    assert_snapshot!(e, @r#"line 1: field current: property "hospitalised" is listed both as cumulative (a running total) and as current (a figure that may fall); expected each property in at most one of cumulative and current"#);
    let e = Policy::from_json_str(
        r#"{"property_aliases": {"fatalities": "deaths"}, "cumulative": ["fatalities"], "current": ["deaths"]}"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"line 1: field current: property "deaths" (as "fatalities" and "deaths", through property_aliases) is listed both as cumulative (a running total) and as current (a figure that may fall); expected each property in at most one of cumulative and current"#);
    let policy = Policy::from_json_str(
        r#"{"property_aliases": {"fatalities": "deaths"}, "cumulative": ["fatalities"]}"#,
    )
    .unwrap();
    assert!(policy.is_cumulative(&p("deaths")) && policy.is_cumulative(&p("fatalities")));
    // "missing" is current by default; listed as cumulative alone, it
    // leaves the default current list.
    let policy = Policy::from_json_str(r#"{"cumulative": ["missing"]}"#).unwrap();
    assert!(policy.is_cumulative(&p("missing")) && !policy.is_current(&p("missing")));
    let policy = Policy::default().with_current(p("killed"));
    assert!(policy.is_current(&p("killed")) && !policy.is_cumulative(&p("killed")));
}

/// A key given twice, or two phrases matched alike, would drop an entry
/// without a word; aliases that go round would put claims in one topic or
/// another by the name they were given. All are refused, named.
#[test]
fn vocabularies_and_policies_refuse_repeats_and_cycles() {
    use corroborate::{Policy, Vocabulary};
    let vocabulary = |vague: &str| {
        Vocabulary::from_json_str(&format!(
            r#"{{"name": "v", "vague": {{{vague}}}, "approximate": {{}}}}"#
        ))
    };
    let dozens = r#""dozens": {"min": 24, "max": 99}"#;
    assert!(vocabulary(dozens).is_ok());
    let e = vocabulary(&format!("{dozens}, {dozens}")).unwrap_err();
    assert_snapshot!(e, @r#"line 1 column 66: field vague: the key "dozens" is given twice; expected each key once"#);
    let e = vocabulary(&format!(r#"{dozens}, "Dozens ": {{"min": 1, "max": 2}}"#)).unwrap_err();
    assert_snapshot!(e, @r#"field vague.dozens: "dozens" is matched as "dozens", as "Dozens " in field "vague.Dozens " is; expected each phrase once (phrases are matched without case)"#);
    let e =
        Vocabulary::from_json_str(r#"{"name": " ", "vague": {}, "approximate": {}}"#).unwrap_err();
    assert_snapshot!(e, @r#"field name: " " is empty; expected a name for the vocabulary, which reports show"#);
    let e = vocabulary(r#"" ": {"min": 1, "max": 2}"#).unwrap_err();
    assert_snapshot!(e, @r#"field vague. : " " is empty; expected a word or phrase"#);
    // Units of measure: each unit word in one measure.
    let measures = |measures: &str| {
        Vocabulary::from_json_str(&format!(
            r#"{{"name": "v", "vague": {{}}, "approximate": {{}}, "measures": {{{measures}}}}}"#
        ))
    };
    let ok = measures(r#""acres": ["acre", "Acres"], "hectares": ["ha"]"#).unwrap();
    assert_eq!(ok.measure("ACRES burned"), Some("acres"));
    assert_eq!(ok.measure("ha"), Some("hectares"));
    let e = measures(r#""acres": ["acres"], "hectares": ["hectares", "Acres"]"#).unwrap_err();
    assert_snapshot!(e, @r#"field measures.hectares[1]: "Acres" is matched as "acres", as "acres" in field "measures.acres[0]" is; expected each phrase once (phrases are matched without case)"#);
    // Entries that could never apply are refused (fourteenth audit,
    // M8): a vague phrase that begins with a digit, a phrase that is a
    // vague amount and a hedge, a scale word as an abbreviation.
    let e = vocabulary(r#""300": {"min": 1, "max": 2}"#).unwrap_err();
    assert_snapshot!(e, @r#"field vague.300: "300" begins with a digit, and a number is read as a number, never as a vague phrase; expected words for an amount ("dozens", "a few hundred")"#);
    let e = Vocabulary::from_json_str(
        r#"{"name": "v", "vague": {"about": {"min": 1, "max": 2}}, "approximate": {"About": {"below": 0.1, "above": 0.1}}}"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field approximate.About: "About" is a vague phrase of this vocabulary too; expected each phrase either a vague amount or a hedge, not both"#);
    let e = Vocabulary::from_json_str(
        r#"{"name": "v", "vague": {}, "approximate": {}, "scale_abbreviations": {"million": {"factor": 5}}}"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field scale_abbreviations.million: "million" is a scale word the parser reads already (as 1,000,000); expected an abbreviation that is not a scale word ("k", "bn")"#);
    // The same word under two measures names both (fourteenth audit, M8).
    let e = measures(r#""a": ["x"], "b": ["x"]"#).unwrap_err();
    assert_snapshot!(e, @r#"field measures.b[0]: "x" is given twice (also in field "measures.a[0]"); expected each phrase once (phrases are matched without case)"#);
    let e = measures(r#""": ["acres"]"#).unwrap_err();
    assert_snapshot!(e, @r#"field measures: "" is empty; expected the name of a unit of measure, which reports show ("acres")"#);
    // Irregular verbs: each one word, with its forms, each once.
    let verbs = |verbs: &str| {
        Vocabulary::from_json_str(&format!(
            r#"{{"name": "v", "vague": {{}}, "approximate": {{}}, "verbs": {{{verbs}}}}}"#
        ))
    };
    let ok = verbs(r#""Shoot": ["Shot"], "lie": ["lay"], "lay": ["laid"]"#).unwrap();
    assert!(ok.is_verb_form("shoot", "shot"));
    assert!(ok.is_verb_form("lie", "lay") && ok.is_verb_form("lay", "laid"));
    assert!(!ok.is_verb_form("lie", "laid"));
    let e = verbs(r#""shoot": []"#).unwrap_err();
    assert_snapshot!(e, @r#"field verbs.shoot: [] lists no form; expected the verb's irregular forms (["shot"] for "shoot")"#);
    let e = verbs(r#""shoot": ["shot", "Shot"]"#).unwrap_err();
    assert_snapshot!(e, @r#"field verbs.shoot[1]: "shot" is listed twice; expected each irregular form of the verb once (forms are matched without case)"#);
    let e = verbs(r#""cut": ["cut"]"#).unwrap_err();
    assert_snapshot!(e, @r#"field verbs.cut[0]: "cut" is the verb itself; expected each irregular form of the verb once (forms are matched without case)"#);
    let e = verbs(r#""shoot": ["shot down"]"#).unwrap_err();
    assert_snapshot!(e, @r#"field verbs.shoot[0]: "shot down" is not one word of letters; expected one word ("shoot", "shot")"#);
    let e = verbs(r#"" ": ["x"]"#).unwrap_err();
    assert_snapshot!(e, @r#"field verbs. : " " is empty; expected one word ("shoot", "shot")"#);

    let e = Policy::from_json_str(r#"{"property_aliases": {"a": "b", "a": "c"}}"#).unwrap_err();
    assert_snapshot!(e, @r#"line 1 column 35: field property_aliases: the key "a" is given twice; expected each key once"#);
    let e = Policy::from_json_str(r#"{"property_aliases": {"a": "b", "b": "c", "c": "a"}}"#)
        .unwrap_err();
    assert_snapshot!(e, @r#"field property_aliases.a: "b" makes a cycle of aliases (a → b → c → a); expected aliases that end at a property that is not an alias"#);
    // A chain that ends is fine.
    let policy = Policy::from_json_str(r#"{"property_aliases": {"a": "b", "b": "c"}}"#).unwrap();
    let a = corroborate::Property::new("a").unwrap();
    assert_eq!(policy.canonical_property(&a).as_str(), "c");
}

/// Entries of vocabulary, name-table and policy files that are refused
/// elsewhere, or make no sense, are refused, each naming its field and
/// what was expected (seventeenth audit, D10): a hedge word that is also
/// a scale abbreviation ("5 about" had been 50), a vague entry's bad
/// code (under its own field), a measure with no unit word, control
/// characters in the name tables' name, a group of gendered endings or
/// opposed words that another group gives already, and a property
/// aliased to itself. A huge number is shown compactly.
#[test]
fn configuration_files_refuse_entries_that_make_no_sense() {
    use corroborate::{NameTables, Policy, Vocabulary};
    let vocabulary = |rest: &str| {
        Vocabulary::from_json_str(&format!(
            r#"{{"name": "v", "vague": {{"dozens": {{"min": 24, "max": 99}}}}, "approximate": {{"about": {{"below": 0.1, "above": 0.1}}}}{rest}}}"#
        ))
    };
    assert!(vocabulary("").is_ok());
    let e = vocabulary(r#", "scale_abbreviations": {"About": {"factor": 10}}"#).unwrap_err();
    assert_snapshot!(e, @r#"field scale_abbreviations.About: "About" is a hedge word of this vocabulary too; expected each word either a hedge or a scale abbreviation, not both"#);
    assert!(vocabulary(r#", "scale_abbreviations": {"k": {"factor": 1000}}"#).is_ok());
    let e = Vocabulary::from_json_str(
        r#"{"name": "v", "vague": {"dozens": {"min": 24, "max": 99, "code": -7}}, "approximate": {}}"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field vague.dozens.code: -7 is a negative count; expected a count of zero or more"#);
    let e = Vocabulary::from_json_str(
        r#"{"name": "v", "vague": {"dozens": {"min": 99, "max": 24}}, "approximate": {}}"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field vague.dozens.max: 24 is less than min 99 (an inverted range); expected max >= min"#);
    let e = Vocabulary::from_json_str(
        r#"{"name": "v", "vague": {}, "approximate": {"about": {"below": 0.1, "above": 1e308}}}"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field approximate.about.above: 1e308 is not a fraction; expected a fraction from 0 to 1"#);
    let e = vocabulary(r#", "scale_abbreviations": {"k": {"factor": 1e300}}"#).unwrap_err();
    assert_snapshot!(e, @r#"field scale_abbreviations.k.factor: 1e300 is not a scale; expected a factor above 1 and at most 10^15, such as 1000 for "k""#);
    let e = vocabulary(r#", "measures": {"m": []}"#).unwrap_err();
    assert_snapshot!(e, @r#"field measures.m: [] lists no unit word; expected the words that name the unit (["acre", "acres"] for "acres")"#);
    let e = Vocabulary::from_json_str(r#"{"name": "v\u001b[31m", "vague": {}, "approximate": {}}"#)
        .unwrap_err();
    assert_snapshot!(e, @r#"field name: "v\u{1b}[31m" has the control character U+001B at byte 1; expected a name without control characters"#);

    let tables = |name: &str, rest: &str| {
        NameTables::from_json_str(&format!(
            r#"{{"name": "{name}", "legal_suffixes": ["Inc"], "gendered_endings": [{{"masculine": ["o"], "feminine": ["a"]}}]{rest}}}"#
        ))
    };
    assert!(tables("x", "").is_ok());
    let e = tables("x\\u0000", "").unwrap_err();
    assert_snapshot!(e, @r#"field name: "x\0" has the control character U+0000 at byte 1; expected a name without control characters"#);
    let e = tables("x\\u001b[31mRED\\nline2", "").unwrap_err();
    assert_snapshot!(e, @r#"field name: "x\u{1b}[31mRED\nline2" has the control character U+001B at byte 1; expected a name without control characters"#);
    let e = NameTables::from_json_str(
        r#"{"name": "x", "legal_suffixes": [], "gendered_endings": [{"masculine": ["o"], "feminine": ["a"]}, {"masculine": ["us", "O"], "feminine": ["A"]}]}"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field gendered_endings[1]: the pair "o" and "a" is given by gendered_endings[0] too; expected each pair of a masculine and a feminine ending in one group"#);
    let e = tables(
        "x",
        r#", "opposed_words": [{"words": ["North", "South"]}, {"words": ["Upper", "Lower"]}, {"words": ["south", "North"]}]"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field opposed_words[2].words: ["south", "North"] is the same group as opposed_words[0] ["North", "South"]; expected each group of opposed words once, none within another"#);
    let e = tables(
        "x",
        r#", "opposed_words": [{"words": ["North", "South"]}, {"words": ["North", "South", "East"]}]"#,
    )
    .unwrap_err();
    assert_snapshot!(e, @r#"field opposed_words[1].words: ["North", "South", "East"] holds all of opposed_words[0] ["North", "South"]; expected each group of opposed words once, none within another"#);
    // A word in two groups that each add a pair is fine ("Central").
    assert!(tables(
        "x",
        r#", "opposed_words": [{"words": ["North", "Central"]}, {"words": ["Northern", "Central"]}]"#
    )
    .is_ok());

    let e = Policy::from_json_str(r#"{"property_aliases": {"killed": "killed"}}"#).unwrap_err();
    assert_snapshot!(e, @r#"field property_aliases.killed: "killed" is the alias itself; expected another property, the canonical name of the alias"#);
    let killed = corroborate::Property::new("killed").unwrap();
    assert!(
        Policy::default()
            .try_with_property_alias(killed.clone(), killed)
            .is_err()
    );
}

#[test]
fn default_policy_round_trips() {
    use corroborate::Policy;
    let json = Policy::default().to_json_string();
    assert_eq!(Policy::from_json_str(&json).unwrap().to_json_string(), json);
}

#[test]
fn the_policy_documented_in_data_readme_is_the_default() {
    use corroborate::Policy;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/README.md")).unwrap();
    let start = readme.find("```json\n{\n  \"vocabulary\"").unwrap() + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let documented = Policy::from_json_str(&readme[start..end]).unwrap();
    assert_eq!(
        documented.to_json_string(),
        Policy::default().to_json_string()
    );
}

/// The interval `text` reads as under the default vocabulary.
fn interval(text: &str) -> (f64, f64) {
    use corroborate::{Vocabulary, parse_quantity};
    let vocabulary = Vocabulary::default();
    let i = parse_quantity(text, &vocabulary)
        .unwrap()
        .interval(&vocabulary);
    (i.min(), i.max())
}

/// A hedged count spans the whole counts nearest each end of its
/// tolerance, a tie going toward the stated number, so the interval is
/// as wide above the number as below it.
#[test]
fn hedged_counts_are_symmetric() {
    assert_eq!(interval("about 5"), (5.0, 5.0));
    assert_eq!(interval("about 15"), (14.0, 16.0));
    assert_eq!(interval("about 25"), (23.0, 27.0));
    assert_eq!(interval("around 75"), (68.0, 82.0));
    assert_eq!(interval("about 2,000"), (1800.0, 2200.0));
    assert_eq!(interval("about 8,379"), (7541.0, 9217.0));
    assert_eq!(interval("nearly 200"), (180.0, 199.0));
    assert_eq!(interval("just over 300"), (301.0, 330.0));
    assert_eq!(interval("about 1 billion"), (9e8, 1.1e9));
    assert_eq!(interval("about 10 million"), (9e6, 1.1e7));
}

/// A number with a fraction is not a count: its bounds and hedges are
/// not rounded to whole counts.
#[test]
fn fractional_values_are_not_rounded() {
    // A strict bound starts or ends just past the number: "more than 2.2"
    // and "fewer than 2.2" do not meet.
    let (more, _) = interval("more than 2.2");
    let (_, fewer) = interval("fewer than 2.2");
    assert!(more > 2.2 && more < 2.2 + 1e-9 && fewer < 2.2 && fewer > 2.2 - 1e-9);
    assert_eq!(interval("at least 2.5"), (2.5, f64::INFINITY));
    assert_eq!(interval("at most 2.3"), (0.0, 2.3));
    let (min, max) = interval("about 5.5");
    assert!(
        (min - 4.95).abs() < 1e-9 && (max - 6.05).abs() < 1e-9,
        "{min} {max}"
    );
    let (min, max) = interval("nearly 2.5");
    assert!(
        (min - 2.25).abs() < 1e-9 && max < 2.5 && max > 2.5 - 1e-9,
        "{min} {max}"
    );
    // A share is not a count, whole or not.
    assert_eq!(interval("about 5%"), (4.5, 5.5));
    assert_eq!(interval("at least 15 percent"), (15.0, f64::INFINITY));
    assert!(interval("more than 15%").0 < 15.0 + 1e-9);
    // Whole numbers are still counts.
    assert_eq!(interval("more than 2"), (3.0, f64::INFINITY));
    assert_eq!(
        interval("more than 2.5 million"),
        (2_500_001.0, f64::INFINITY)
    );
}

proptest::proptest! {
    /// "about N" reaches as far below a whole N as above it.
    #[test]
    fn hedged_whole_counts_reach_equally_both_ways(n in 0u64..10_000_000) {
        use corroborate::{Amount, Quantity, Vocabulary};
        let vocabulary = Vocabulary::default();
        let value = n as f64;
        let quantity = Quantity::new(Amount::Approximate { value, qualifier: "about".into() }).unwrap();
        let interval = quantity.interval(&vocabulary);
        proptest::prop_assert_eq!(value - interval.min(), interval.max() - value);
    }
}

/// A chain of property aliases is followed to its end however long it
/// is (it stopped after eight steps), and the checked builder refuses a
/// cycle as the policy loader does (API review).
#[test]
fn property_alias_chains_are_followed_to_their_end() {
    let property = |k: usize| corroborate::Property::new(&format!("p{k}")).unwrap();
    let mut policy = corroborate::Policy::default();
    for k in 0..12 {
        policy = policy
            .try_with_property_alias(property(k), property(k + 1))
            .unwrap();
    }
    assert_eq!(policy.canonical_property(&property(0)), &property(12));
    assert!(
        policy
            .try_with_property_alias(property(12), property(3))
            .is_err()
    );
}

/// A figure rounded to a trillion's step is written with "trillion", as
/// the news and the vocabulary write it, not as "1200 billion" (thirteenth
/// audit, F14); a scale word's count of a thousand or more has its
/// separators.
#[test]
fn rounded_trillions_are_written_in_trillions() {
    use corroborate::{Amount, Quantity};
    let shown = |value: f64, step: f64| {
        Quantity::new(Amount::Exact(value))
            .and_then(|q| q.with_rounding(step))
            .map(|q| q.with_unit("US dollars").to_string())
            .unwrap()
    };
    assert_eq!(shown(1.2e12, 1e11), "1.2 trillion US dollars");
    assert_eq!(shown(3e12, 1e12), "3 trillion US dollars");
    assert_eq!(shown(1e15, 1e12), "1,000 trillion US dollars");
    assert_eq!(shown(1.2e9, 1e8), "1.2 billion US dollars");
}

/// The chrono types the API takes and returns are reachable through the
/// crate, so a user need not add chrono, at a matching version, to use
/// them (eighteenth audit, E8).
#[test]
fn chrono_is_reexported() {
    use corroborate::chrono::{NaiveDate, NaiveTime};
    use corroborate::{Period, Precision, ScanOptions, parse_date};
    let date = NaiveDate::from_ymd_opt(2021, 8, 25).unwrap();
    let day = Period::from_date(date);
    assert_eq!(day.start_date(), date);
    assert_eq!(day.start(), date.and_time(NaiveTime::MIN));
    let month = Period::containing(date.and_time(NaiveTime::MIN), Precision::Month);
    assert!(month.contains(&day));
    let options = ScanOptions::new().with_reference_date(date);
    assert_eq!(options.vocabulary().name(), "default");
    assert_eq!(
        parse_date("yesterday", Some(date)).unwrap(),
        Period::day(2021, 8, 24).unwrap()
    );
}

/// The values data/README gives for table cells are the values the
/// report shows for them: "two thirds" had been documented as 66.67
/// percent where reports show 66.66666667, and the sentence on counts
/// that look like spans of years said nothing of what they are
/// (eighteenth audit, E10).
#[test]
fn data_readme_values_are_as_shown() {
    use corroborate::{StreamReader, TableFormat, Value};
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/README.md")).unwrap();
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let cells = [
        "three quarters",
        "two thirds",
        "1990–1995 fighters",
        "1,990–1,995",
    ];
    let mut csv = String::from("source,subject,property,value\n");
    for (i, cell) in cells.iter().enumerate() {
        csv.push_str(&format!("Paper,Thing {i},share,{cell:?}\n"));
    }
    let corpus = StreamReader::new()
        .read_table(csv.as_bytes(), "t.csv", TableFormat::Csv)
        .unwrap();
    assert!(corpus.skipped().is_empty() && corpus.warnings().is_empty());
    let shown: Vec<String> = corpus
        .claims()
        .iter()
        .map(|c| match &c.value {
            Value::Quantity(q) => q.to_string(),
            other => panic!("{other:?} is no quantity"),
        })
        .collect();
    for documented in [
        format!(r#""three quarters" is {},"#, shown[0]),
        format!(r#""two thirds" {},"#, shown[1]),
        format!(
            r#"("1990–1995 fighters") or with thousands separators ("1,990–1,995") is a count: {} and {}."#,
            shown[2], shown[3]
        ),
    ] {
        assert!(
            readme.contains(&documented),
            "data/README does not say {documented}"
        );
    }
}
