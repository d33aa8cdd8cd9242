//! Name tables installed for the process ([`NameTables::install`]), in a
//! test binary of their own: the tables belong to the process, and every
//! other test uses the bundled ones.

use corroborate::{Analyzer, Corpus, NameTables, Policy, StreamReader, name_key};

/// One test, as the tables can be installed once: they key every name
/// from then on (keys, the table reader's sources, name resolution), the
/// report names them, and a second install is refused.
#[test]
fn installed_tables_key_every_name_of_the_process() {
    let tables = NameTables::from_json_str(
        r#"{"name": "holdings", "legal_suffixes": ["Holdings"],
            "gendered_endings": [{"note": "Czech surnames", "masculine": [""], "feminine": ["ova"]}]}"#,
    )
    .unwrap();
    assert_eq!(tables.name(), "holdings");
    tables.install().unwrap();

    // Keys: the installed suffix is left out, the bundled ones are not.
    assert_eq!(name_key("Acme Holdings"), "acme");
    assert_eq!(name_key("Acme Inc."), "acme inc");

    // Resolution: "Acme" and "Acme Holdings" are one entity. The bundled
    // "-a" ending that tells "Ivan Petrov" from "Ivana Petrova" is not in
    // these tables, so the two are merged; "Novak" and "Novakova" are
    // told apart by the installed "-ova".
    let corpus = Corpus::from_json_str(
        r#"{"format": "corroborate/1",
        "entities": [
            {"id": "acme", "name": "Acme"}, {"id": "acme-h", "name": "Acme Holdings"},
            {"id": "ivan", "name": "Ivan Petrov", "kind": "person"},
            {"id": "ivana", "name": "Ivana Petrova", "kind": "person"},
            {"id": "jan", "name": "Jan Novak", "kind": "person"},
            {"id": "jana", "name": "Jan Novakova", "kind": "person"}
        ],
        "sources": [{"id": "a1", "kind": "publication", "name": "A"},
                    {"id": "b1", "kind": "publication", "name": "B"}],
        "claims": [
            {"id": "c1", "subject": "acme", "property": "employees",
             "value": {"quantity": {"exact": 500}}, "assertion": {"chain": ["a1"]}},
            {"id": "c2", "subject": "acme-h", "property": "employees",
             "value": {"quantity": {"exact": 700}}, "assertion": {"chain": ["b1"]}}
        ]}"#,
    )
    .unwrap();
    let policy = Policy::default();
    let analyzer = Analyzer::new(&corpus, &policy);
    let merged: Vec<(String, String)> = analyzer
        .resolution()
        .merges()
        .iter()
        .map(|m| (m.with.to_string(), m.entity.to_string()))
        .collect();
    assert_eq!(
        merged,
        [
            ("acme".to_string(), "acme-h".to_string()),
            ("ivan".to_string(), "ivana".to_string())
        ]
    );
    let report = analyzer.report();
    assert_eq!(report.topics.len(), 1, "Acme's two names are one topic");
    assert_eq!(report.settings.name_tables.as_deref(), Some("holdings"));
    let text = report.render_text(100);
    assert!(
        text.contains("vocabulary default, name tables holdings, quote threshold"),
        "{text}"
    );

    // The table reader matches sources by the same keys: "Reuters
    // Holdings" and "Reuters" are one source.
    let csv = "source,subject,property,value\nReuters Holdings,Acme,employees,500\nReuters,Acme,employees,700\n";
    let corpus = StreamReader::new()
        .read_table(csv.as_bytes(), "sources.csv", corroborate::TableFormat::Csv)
        .unwrap();
    assert_eq!(corpus.sources().len(), 1, "{:?}", corpus.sources());

    // Too late for others.
    let err = NameTables::bundled().install().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"name tables "names" cannot be installed: the name tables "holdings" are already in use; expected NameTables::install before the first name is keyed (before reading or analysing a corpus)"#
    );
}
