//! Invariants every report must hold, checked before any snapshot.

use std::collections::{BTreeMap, BTreeSet};

use corroborate::{Claim, Corpus, Policy, RelationKind, Report, Verdict, analyze};

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
    report
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
        let positions: Vec<_> = topic.scopes.iter().flat_map(|s| &s.positions).collect();
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
