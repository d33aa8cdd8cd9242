//! One small corpus per behaviour, under tests/data/scenarios/, each
//! checked and its rendered report snapshotted.

use corroborate::{Corpus, Policy, Verdict};

use crate::invariants::checked_report;

/// What each scenario must show, beyond its snapshot.
fn expected(name: &str) -> (Verdict, usize, usize) {
    // (verdict of the first topic, relay findings, misattributions)
    match name {
        "assertion-and-denial" => (Verdict::Contested, 0, 0),
        "coarse-date" => (Verdict::Contested, 0, 0),
        "current-figure" => (Verdict::Superseded, 0, 0),
        "falling-toll" => (Verdict::Contested, 0, 0),
        "negated-quote" => (Verdict::Contested, 0, 0),
        "corroborated" => (Verdict::Corroborated, 0, 0),
        "date-precision" => (Verdict::Contested, 0, 0),
        "explicit-correction" => (Verdict::Superseded, 0, 0),
        "hedge-dropped" => (Verdict::DifferentScope, 1, 0),
        "name-variant" => (Verdict::SingleOrigin, 0, 0),
        "projection-vs-estimate" => (Verdict::DifferentScope, 0, 0),
        "quote-two-speakers" => (Verdict::SingleOrigin, 0, 1),
        "rising-toll" => (Verdict::Superseded, 0, 0),
        "two-articles-one-origin" => (Verdict::SingleOrigin, 0, 0),
        "vague-conflict" => (Verdict::Contested, 0, 0),
        other => panic!("scenario {other} has no expectation: add one"),
    }
}

#[test]
fn scenarios() {
    insta::glob!("../data/scenarios", "*.json", |path| {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let corpus = Corpus::from_path(path).unwrap();
        let report = checked_report(&corpus, &Policy::default());
        let (verdict, relays, misattributions) = expected(name);
        assert_eq!(report.topics[0].verdict, verdict, "{name}");
        assert_eq!(report.summary.relay_findings, relays, "{name}");
        assert_eq!(report.summary.misattributions, misattributions, "{name}");
        insta::assert_snapshot!(report.render_text(100));
    });
}

#[test]
fn two_articles_relaying_one_origin_count_once() {
    let corpus = Corpus::from_path("tests/data/scenarios/two-articles-one-origin.json").unwrap();
    let report = checked_report(&corpus, &Policy::default());
    let position = &report.topics[0].scopes[0].positions[0];
    assert_eq!(position.publications.len(), 2);
    assert_eq!(position.origins.len(), 1);
    assert_eq!(position.origins[0].id.as_str(), "member-state-a");
}

#[test]
fn name_variants_resolve_to_one_topic_and_object() {
    let corpus = Corpus::from_path("tests/data/scenarios/name-variant.json").unwrap();
    let report = checked_report(&corpus, &Policy::default());
    assert_eq!(report.topics.len(), 1);
    assert_eq!(report.topics[0].scopes[0].positions.len(), 1);
    assert_eq!(report.merges.len(), 1);
    assert_eq!(report.merges[0].similarity.value(), 1.0);
}
