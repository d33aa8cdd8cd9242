//! Invariants every report must hold, checked before any snapshot.

use std::collections::{BTreeMap, BTreeSet};

use corroborate::{
    Analyzer, Claim, Corpus, Policy, REPORT_JSONL_FORMAT, RelationKind, Report, Summary,
    TextOptions, Verdict, analyze,
};

/// Checks the report of `corpus` and returns it.
#[track_caller]
pub fn checked_report<'c>(corpus: &'c Corpus, policy: &Policy) -> Report<'c> {
    let report = analyze(corpus, policy);
    check(corpus, &report);
    // The same claims in another order give the same bytes.
    let mut reversed: Vec<Claim> = corpus.claims().to_vec();
    reversed.reverse();
    let mut shuffled = Corpus::new(
        corpus.entities().to_vec(),
        corpus.sources().to_vec(),
        reversed,
    )
    .expect("a reordered corpus is valid");
    if let Some(title) = corpus.title() {
        shuffled = shuffled.with_title(title);
    }
    let again = analyze(&shuffled, policy);
    assert_eq!(
        again.render_text(100),
        report.render_text(100),
        "report depends on claim order"
    );
    assert_eq!(
        again.to_json_string(),
        report.to_json_string(),
        "JSON depends on claim order"
    );
    let streamed = check_jsonl(corpus, policy, &report);
    assert!(
        streamed == jsonl_report(&shuffled, policy),
        "JSON Lines report depends on claim order"
    );
    check_streamed_text(corpus, policy, &report);
    report
}

/// Checks that the text and Markdown written while analysing
/// ([`Analyzer::write_text`], [`Analyzer::write_markdown`]) are the bytes
/// the held `report` renders, at two widths, with and without colour;
/// and so are they, and the JSON document, written with a scratch
/// ([`Analyzer::write_text_with_scratch`] and the like).
#[track_caller]
pub fn check_streamed_text(corpus: &Corpus, policy: &Policy, report: &Report) {
    let analyzer = Analyzer::new(corpus, policy);
    for options in [
        TextOptions::new().with_width(100),
        TextOptions::new().with_width(40).with_color(true),
    ] {
        let mut out = Vec::new();
        let summary = analyzer
            .write_text(&mut out, &options)
            .expect("writing to memory does not fail");
        assert_eq!(summary, report.summary);
        assert!(
            out == report.render_text_with(&options).into_bytes(),
            "streamed text differs from the rendered report ({options:?})"
        );
    }
    let mut out = Vec::new();
    let summary = analyzer
        .write_markdown(&mut out)
        .expect("writing to memory does not fail");
    assert_eq!(summary, report.summary);
    assert!(
        out == report.render_markdown().into_bytes(),
        "streamed Markdown differs from the rendered report"
    );
    // The same bytes with the sections held in a scratch: what `write`
    // writes to memory with an empty one, and its summary.
    type Scratch = std::io::Cursor<Vec<u8>>;
    let with_scratch = |write: &dyn Fn(&mut Vec<u8>, Scratch) -> std::io::Result<Summary>| {
        let mut out = Vec::new();
        let summary =
            write(&mut out, Scratch::new(Vec::new())).expect("writing to memory does not fail");
        (out, summary)
    };
    let options = TextOptions::new();
    let (out, summary) = with_scratch(&|out, scratch| {
        analyzer.write_text_with_scratch(out, scratch, &options, |_| true)
    });
    assert_eq!(summary, report.summary);
    assert!(
        out == report.render_text_with(&options).into_bytes(),
        "text written with a scratch differs from the rendered report"
    );
    let (out, _) =
        with_scratch(&|out, scratch| analyzer.write_markdown_with_scratch(out, scratch, |_| true));
    assert!(
        out == report.render_markdown().into_bytes(),
        "Markdown written with a scratch differs from the rendered report"
    );
    let (out, summary) =
        with_scratch(&|out, scratch| analyzer.write_json_with_scratch(out, scratch, |_| true));
    assert_eq!(summary, report.summary);
    assert!(
        out == serde_json_pretty(report).into_bytes(),
        "JSON written with a scratch differs from the held report's"
    );
}

/// The report streamed as JSON Lines by [`Analyzer::write_jsonl`].
pub fn jsonl_report(corpus: &Corpus, policy: &Policy) -> Vec<u8> {
    let mut out = Vec::new();
    Analyzer::new(corpus, policy)
        .write_jsonl(&mut out)
        .expect("writing to memory does not fail");
    out
}

/// Checks that the JSON Lines report holds exactly the records of the
/// in-memory `report`, byte for byte: its head, each topic (in subject and
/// property order instead of verdict order), each misattribution, merge
/// and diagnostic, and the summary last. Returns the streamed bytes.
#[track_caller]
pub fn check_jsonl(corpus: &Corpus, policy: &Policy, report: &Report) -> Vec<u8> {
    let streamed = jsonl_report(corpus, policy);
    let mut expected = format!("{{\"format\":\"{REPORT_JSONL_FORMAT}\",");
    if let Some(title) = &report.title {
        expected += &format!("\"title\":{},", json(title));
    }
    expected += &format!("\"settings\":{}}}\n", json(&report.settings));
    let mut topics: Vec<_> = report.topics.iter().collect();
    topics.sort_by(|a, b| (&a.subject, &a.property).cmp(&(&b.subject, &b.property)));
    for topic in topics {
        expected += &format!("{{\"topic\":{}}}\n", json(topic));
    }
    for m in &report.misattributions {
        expected += &format!("{{\"misattribution\":{}}}\n", json(m));
    }
    for m in &report.merges {
        expected += &format!("{{\"merge\":{}}}\n", json(m));
    }
    for d in &report.diagnostics {
        expected += &format!("{{\"diagnostic\":{}}}\n", json(d));
    }
    expected += &format!("{{\"summary\":{}}}\n", json(&report.summary));
    let streamed_text = String::from_utf8(streamed.clone()).expect("the report is UTF-8");
    if streamed_text != expected {
        let at = streamed_text
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b);
        panic!(
            "JSON Lines report differs from the report at line {at:?} ({} lines streamed, {} expected)",
            streamed_text.lines().count(),
            expected.lines().count()
        );
    }
    streamed
}

/// Compact JSON of a report part: serde_json's, with the crate's escapes
/// ([`JsonEscapes`]).
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, JsonEscapes(None));
    value
        .serialize(&mut serializer)
        .expect("report parts serialise");
    String::from_utf8(bytes).expect("JSON is UTF-8")
}

/// Pretty JSON as `serde_json::to_string_pretty` writes it, with the
/// crate's escapes ([`JsonEscapes`]): what the crate's JSON writers must
/// write, byte for byte.
pub fn serde_json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut bytes = Vec::new();
    let pretty = serde_json::ser::PrettyFormatter::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, JsonEscapes(Some(pretty)));
    value
        .serialize(&mut serializer)
        .expect("a value serialises");
    String::from_utf8(bytes).expect("JSON is UTF-8")
}

/// Whether the crate's JSON must not hold `c` raw: a control character
/// (Unicode's Cc), a bidirectional embedding, override or isolate, or
/// the separators U+2028 and U+2029. Written here apart from the crate's
/// own definition, as the oracle the tests check it against.
pub fn escaped_in_json(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// The characters of `json` that [`escaped_in_json`] but stand raw,
/// other than the line ends of its layout.
pub fn raw_escapable(json: &str) -> Vec<char> {
    json.chars()
        .filter(|&c| c != '\n' && escaped_in_json(c))
        .collect()
}

/// serde_json's compact formatter, or its pretty one when given, writing
/// each character that [`escaped_in_json`] as `\u0085`, as the crate
/// does.
struct JsonEscapes<'a>(Option<serde_json::ser::PrettyFormatter<'a>>);

macro_rules! delegate {
    ($($method:ident $(, $arg:ident: $ty:ty)*;)*) => {
        $(
            fn $method<W: ?Sized + std::io::Write>(&mut self, out: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
                match &mut self.0 {
                    Some(pretty) => pretty.$method(out $(, $arg)*),
                    None => serde_json::ser::CompactFormatter.$method(out $(, $arg)*),
                }
            }
        )*
    };
}

impl serde_json::ser::Formatter for JsonEscapes<'_> {
    delegate! {
        begin_array;
        end_array;
        begin_array_value, first: bool;
        end_array_value;
        begin_object;
        end_object;
        begin_object_key, first: bool;
        end_object_key;
        begin_object_value;
        end_object_value;
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        for c in fragment.chars() {
            if escaped_in_json(c) {
                write!(out, "\\u{:04x}", u32::from(c))?;
            } else {
                out.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?;
            }
        }
        Ok(())
    }
}

#[track_caller]
pub fn check(corpus: &Corpus, report: &Report) {
    // Every claim sits in exactly one position.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for topic in &report.topics {
        let mut in_topic = 0;
        for scope in &topic.scopes {
            assert!(
                !scope.positions.is_empty(),
                "empty scope in {}",
                topic.property
            );
            for position in &scope.positions {
                assert!(!position.claims.is_empty(), "empty position");
                assert!(
                    !position.origins.is_empty(),
                    "position {} has no origin",
                    position.label
                );
                let publications: BTreeSet<_> =
                    position.claims.iter().map(|c| c.publication()).collect();
                assert_eq!(publications.len(), position.publications.len());
                let ends: BTreeSet<_> = position
                    .claims
                    .iter()
                    .filter_map(|c| c.chain().last())
                    .collect();
                for origin in &position.origins {
                    assert!(
                        ends.contains(&origin.id),
                        "origin {} is no chain's end",
                        origin.id
                    );
                }
                for claim in &position.claims {
                    *seen.entry(claim.id().as_str()).or_default() += 1;
                    in_topic += 1;
                }
            }
        }
        assert_eq!(in_topic, topic.claim_count);
        // The verdict follows from the relations and positions.
        let positions: Vec<_> = topic.positions().collect();
        let superseded: BTreeSet<&str> = positions
            .iter()
            .filter(|p| p.superseded)
            .map(|p| &*p.label)
            .collect();
        let open_conflict = topic.relations.iter().any(|r| {
            r.relation.kind() == RelationKind::Conflict
                && !superseded.contains(&*r.from)
                && !superseded.contains(&*r.to)
        });
        assert_eq!(
            open_conflict,
            topic.verdict == Verdict::Contested,
            "verdict of {} {}",
            topic.subject,
            topic.property
        );
        if topic.verdict == Verdict::Corroborated {
            assert!(positions.iter().any(|p| p.origins.len() >= 2));
        }
        if topic.verdict == Verdict::SingleOrigin {
            assert!(positions.iter().all(|p| p.origins.len() == 1));
        }
        assert!(!topic.explanation.is_empty());
    }
    assert_eq!(
        seen.len(),
        corpus.claims().len(),
        "claims missing from the report"
    );
    assert!(
        seen.values().all(|&n| n == 1),
        "a claim sits in two positions"
    );

    // Summary and order.
    assert_eq!(report.summary.topics, report.topics.len());
    assert_eq!(report.summary.claims, corpus.claims().len());
    let by_verdict = |v: Verdict| report.topics.iter().filter(|t| t.verdict == v).count();
    assert_eq!(report.summary.contested, by_verdict(Verdict::Contested));
    assert_eq!(
        report.summary.corroborated,
        by_verdict(Verdict::Corroborated)
    );
    assert_eq!(
        report.summary.single_origin,
        by_verdict(Verdict::SingleOrigin)
    );
    let keys: Vec<_> = report
        .topics
        .iter()
        .map(|t| (t.verdict, &t.subject, &t.property))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "topics out of order");

    // Renderings: JSON parses, text fits its width but for single long words.
    let json: serde_json::Value =
        serde_json::from_str(&report.to_json_string()).expect("JSON report parses");
    assert!(json["topics"].is_array());
    for line in report.render_text(80).lines() {
        if line.chars().count() > 80 {
            assert!(
                !line.trim().contains(' ')
                    || line.trim_start().split(' ').any(|w| w.chars().count() > 40),
                "line too long: {line}"
            );
        }
    }
    assert!(report.render_markdown().starts_with("# corroborate report"));
}
