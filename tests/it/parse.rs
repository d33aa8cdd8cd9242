//! Table-driven tests of `parse_quantity`, `parse_date` and `scan`.

use chrono::NaiveDate;
use corroborate::{MentionKind, ScanOptions, Vocabulary, parse_date, parse_quantity, scan};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Renders what a scan finds as one compact line per mention.
fn render(text: &str, options: &ScanOptions) -> String {
    scan(text, options)
        .iter()
        .map(|m| match m.kind() {
            MentionKind::Quantity(q) => {
                let i = q.interval(options.vocabulary());
                let unit = q.unit().map(|u| format!(" unit={u}")).unwrap_or_default();
                format!(
                    "{} {}..={}{unit} [{}]",
                    q.form(),
                    i.min(),
                    i.max(),
                    m.text()
                )
            }
            MentionKind::Date(p) => format!("date {p} [{}]", m.text()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[track_caller]
fn check(input: &str, expect: &str) {
    let options = ScanOptions::new().with_reference_date(date(2021, 8, 25));
    assert_eq!(render(input, &options), expect, "input: {input:?}");
}

#[test]
fn quantities() {
    check(
        "between 500 and 1,500 fighters",
        "range 500..=1500 unit=fighters [between 500 and 1,500 fighters]",
    );
    check("more than 90", "at_least 91..=inf [more than 90]");
    check("nearly 200", "approximate 180..=199 [nearly 200]");
}

#[test]
fn strict_parsers() {
    let v = Vocabulary::default();
    assert!(parse_quantity("12 U.S. service members", &v).is_ok());
    assert!(parse_date("August 26, 2021", None).is_ok());
}
