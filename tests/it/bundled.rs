//! The report of the bundled corpus in data/, as people read it.

use corroborate::{Corpus, EntityId, Policy, Property, Verdict};

use crate::invariants::checked_report;

fn bundled() -> Corpus {
    Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).unwrap()
}

#[test]
fn text_report() {
    let corpus = bundled();
    let report = checked_report(&corpus, &Policy::default());
    insta::assert_snapshot!(report.render_text(100));
}

/// The Markdown report, pinned as the text is: checked_report has
/// compared it with the Markdown written while analysing.
#[test]
fn markdown_report() {
    let corpus = bundled();
    let report = checked_report(&corpus, &Policy::default());
    let markdown = report.render_markdown();
    assert!(markdown.starts_with("# corroborate report\n"));
    assert_eq!(
        markdown.matches("\n### ").count(),
        report.topics.len(),
        "one heading a topic"
    );
    insta::assert_snapshot!(markdown);
}

#[test]
fn json_report() {
    let corpus = bundled();
    let report = checked_report(&corpus, &Policy::default());
    let json = report.to_json_string();
    // Written topic by topic, the bytes serde_json makes of the whole.
    assert!(
        json == serde_json::to_string_pretty(&report).unwrap(),
        "to_json_string differs from serde_json's"
    );
    insta::assert_snapshot!(json);
}

#[track_caller]
fn verdict(subject: &str, property: &str) -> Verdict {
    let corpus = bundled();
    let report = corroborate::analyze(&corpus, &Policy::default());
    report
        .topic(
            &EntityId::new(subject).unwrap(),
            &Property::new(property).unwrap(),
        )
        .unwrap_or_else(|| panic!("no topic {subject} {property}"))
        .verdict
}

/// The running example of the mission: each case seen for what it is.
#[test]
fn the_running_example() {
    // An estimate against a projection: a difference of scope.
    assert_eq!(
        verdict("isis-k", "fighter_strength"),
        Verdict::DifferentScope
    );
    // "dozens" against "hundreds ... may have escaped": a conflict.
    assert_eq!(
        verdict("isis-k", "members_escaped_prison"),
        Verdict::Contested
    );
    // October 2014 against 2015: a conflict of dates at their precision.
    assert_eq!(verdict("isis-k", "founded"), Verdict::Contested);
}

#[test]
fn the_un_report_counts_once() {
    let corpus = bundled();
    let report = corroborate::analyze(&corpus, &Policy::default());
    let topic = report
        .topic(
            &EntityId::new("isis-k").unwrap(),
            &Property::new("fighter_strength").unwrap(),
        )
        .unwrap();
    let projection = topic
        .scopes
        .iter()
        .flat_map(|s| &s.positions)
        .find(|p| p.publications.len() == 2)
        .expect("the projection is carried by two articles");
    assert_eq!(projection.origins.len(), 1, "{:?}", projection.origins);
}

/// `Report::topic` finds a topic by any id of its subject's merged group,
/// as the corpus declares it, not only by the group's canonical (smallest)
/// id; a property is looked up by its canonical name, which
/// `Policy::canonical_property` gives for an alias (eighteenth audit, E7).
#[test]
fn a_topic_is_found_by_any_id_of_its_subject() {
    let corpus = bundled();
    let id = |s: &str| EntityId::new(s).unwrap();
    let property = |s: &str| Property::new(s).unwrap();
    let report = corroborate::analyze(&corpus, &Policy::default());
    let declared = id("shahab-muhajir");
    let canonical = id("shahab-al-muhajir");
    assert!(
        report
            .merges
            .iter()
            .any(|m| [&m.entity, &m.with] == [&declared, &canonical]
                || [&m.entity, &m.with] == [&canonical, &declared]),
        "{:?}",
        report.merges
    );
    let by_canonical = report
        .topic(&canonical, &property("former_commander_in"))
        .expect("the canonical id finds the topic");
    let by_declared = report
        .topic(&declared, &property("former_commander_in"))
        .expect("the merged id finds the same topic");
    assert!(std::ptr::eq(by_canonical, by_declared));
    assert!(
        report
            .topic(&declared, &property("fighter_strength"))
            .is_none()
    );
    assert!(
        report
            .topic(&id("nobody"), &property("former_commander_in"))
            .is_none()
    );

    // A property alias is the policy's: the report holds topics by their
    // canonical property, which the policy gives.
    let policy =
        Policy::default().with_property_alias(property("fighters"), property("fighter_strength"));
    let report = corroborate::analyze(&corpus, &policy);
    assert!(report.topic(&id("isis-k"), &property("fighters")).is_none());
    let alias = property("fighters");
    assert!(
        report
            .topic(&id("isis-k"), policy.canonical_property(&alias))
            .is_some()
    );
}

/// The README shows the first lines of the real report; they must stay
/// true.
#[test]
fn readme_shows_the_real_report() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```text\ncorroborate report")
        .expect("README has the report excerpt")
        + "```text\n".len();
    let excerpt = &readme[start..start + readme[start..].find("```").unwrap()];
    let report = corroborate::analyze(&bundled(), &Policy::default()).render_text(100);
    assert!(
        report.starts_with(excerpt),
        "README excerpt is stale; the report begins:\n{}",
        report
            .lines()
            .take(excerpt.lines().count())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Two outlets print slightly different wordings of one Biden quote: one
/// position, the second wording a variant of the first with its diff.
#[test]
fn the_biden_quote_is_a_variant() {
    let corpus = bundled();
    let report = corroborate::analyze(&corpus, &Policy::default());
    let topic = report
        .topic(
            &EntityId::new("joe-biden").unwrap(),
            &Property::new("said").unwrap(),
        )
        .unwrap();
    let variants: Vec<_> = topic
        .scopes
        .iter()
        .flat_map(|s| &s.positions)
        .flat_map(|p| &p.wordings)
        .filter(|w| w.relation.kind() == corroborate::RelationKind::Variant)
        .collect();
    assert_eq!(variants.len(), 1, "{variants:?}");
    assert!(!variants[0].relation.evidence().diff.is_empty());
}
