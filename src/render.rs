//! Renderers for [`Report`]: plain text for a terminal, Markdown, JSON.
//!
//! | item | what it is |
//! |---|---|
//! | [`Report::render_text`] | plain text wrapped to a width |
//! | [`Report::render_text_with`] | plain text with [`TextOptions`] (width, colour) |
//! | [`Report::render_markdown`] | Markdown |
//! | [`Report::to_json_string`] | pretty JSON of the typed report |

use std::fmt::Write as _;

use crate::model::Polarity;
use crate::report::{Position, Report, Topic, Verdict};

/// Options for the plain-text report.
///
/// ```
/// use corroborate::TextOptions;
/// let options = TextOptions::new().with_width(100).with_color(true);
/// assert_eq!(options.width(), 100);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextOptions {
    width: usize,
    color: bool,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions::new()
    }
}

impl TextOptions {
    /// 80 columns, no colour.
    pub fn new() -> TextOptions {
        TextOptions {
            width: 80,
            color: false,
        }
    }

    /// Sets the width lines wrap at (at least 40).
    pub fn with_width(mut self, width: usize) -> TextOptions {
        self.width = width.max(40);
        self
    }

    /// Turns ANSI colour on or off.
    pub fn with_color(mut self, color: bool) -> TextOptions {
        self.color = color;
        self
    }

    /// The width.
    pub fn width(&self) -> usize {
        self.width
    }

    /// True when colour is on.
    pub fn color(&self) -> bool {
        self.color
    }
}

/// Wraps `text` at `width` columns: the first line starts with `first`, the
/// rest with `indent` spaces. Words longer than a line are not broken.
fn wrap(out: &mut String, text: &str, width: usize, first: &str, indent: usize) {
    let pad = " ".repeat(indent);
    let mut line = String::from(first);
    let mut line_len = first.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !empty && line_len + 1 + len > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = pad.clone();
            line_len = indent;
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += len;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn heading(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Contested => "CONTESTED",
        Verdict::DifferentScope => "DIFFERENT SCOPE",
        Verdict::Superseded => "SUPERSEDED",
        Verdict::Corroborated => "CORROBORATED",
        Verdict::SingleOrigin => "SINGLE ORIGIN",
    }
}

fn paint(text: &str, verdict: Verdict, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let code = match verdict {
        Verdict::Contested => "1;31",
        Verdict::DifferentScope => "1;33",
        Verdict::Superseded => "1;35",
        Verdict::Corroborated => "1;32",
        Verdict::SingleOrigin => "1;36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} claim{} in {} topic{}: {} contested, {} differing in scope, {} superseded, {} corroborated, {} single-origin; {} relay finding{}, {} misattributed quote{}",
        s.claims,
        if s.claims == 1 { "" } else { "s" },
        s.topics,
        if s.topics == 1 { "" } else { "s" },
        s.contested,
        s.different_scope,
        s.superseded,
        s.corroborated,
        s.single_origin,
        s.relay_findings,
        if s.relay_findings == 1 { "" } else { "s" },
        s.misattributions,
        if s.misattributions == 1 { "" } else { "s" },
    );
    if s.skipped > 0 {
        line.push_str(&format!(
            "; {} record{} skipped",
            s.skipped,
            if s.skipped == 1 { "" } else { "s" }
        ));
    }
    line
}

fn settings_line(report: &Report) -> String {
    format!(
        "vocabulary {}, quote threshold {:.2}, name threshold {:.2}",
        report.settings.vocabulary, report.settings.quote_threshold, report.settings.name_threshold
    )
}

fn modality_note(entry: &crate::report::ClaimEntry) -> String {
    let mut parts = vec![entry.modality().certainty.as_str().to_string()];
    if entry.modality().polarity == Polarity::Negative {
        parts.push("negative".to_string());
    }
    if let Some(verb) = entry.verb() {
        parts.push(format!("\"{verb}\""));
    }
    if let Some(reported) = entry.reported {
        parts.push(format!("reported {reported}"));
    }
    if let Some(by) = &entry.superseded_by {
        parts.push(format!("superseded by {by}"));
    }
    parts.join(", ")
}

fn chain_text(entry: &crate::report::ClaimEntry) -> String {
    entry
        .chain()
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" > ")
}

fn origins_text(position: &Position) -> String {
    let names: Vec<String> = position
        .origins
        .iter()
        .map(|o| format!("{} ({})", o.name, o.id))
        .collect();
    format!(
        "{} independent origin{}: {}; {} publication{}: {}",
        names.len(),
        if names.len() == 1 { "" } else { "s" },
        names.join(", "),
        position.publications.len(),
        if position.publications.len() == 1 {
            ""
        } else {
            "s"
        },
        position
            .publications
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

impl Report<'_> {
    /// The report as plain text wrapped at `width` columns, without colour.
    ///
    /// Contested topics come first, then differences of scope, superseded,
    /// corroborated and single-origin topics.
    pub fn render_text(&self, width: usize) -> String {
        self.render_text_with(&TextOptions::new().with_width(width))
    }

    /// The report as plain text with options.
    pub fn render_text_with(&self, options: &TextOptions) -> String {
        let width = options.width;
        let mut out = String::new();
        let title = match &self.title {
            Some(t) => format!("corroborate report: {t}"),
            None => "corroborate report".to_string(),
        };
        wrap(&mut out, &title, width, "", 0);
        wrap(&mut out, &summary_line(self), width, "", 0);
        wrap(&mut out, &settings_line(self), width, "", 0);
        let mut current: Option<Verdict> = None;
        for topic in &self.topics {
            if current != Some(topic.verdict) {
                current = Some(topic.verdict);
                out.push('\n');
                let text = format!("== {} ==", heading(topic.verdict));
                out.push_str(&paint(&text, topic.verdict, options.color));
                out.push('\n');
            }
            out.push('\n');
            self.text_topic(&mut out, topic, options);
        }
        if !self.misattributions.is_empty() {
            out.push_str("\n== MISATTRIBUTED QUOTES ==\n\n");
            for m in &self.misattributions {
                wrap(&mut out, m.relation.explanation(), width, "- ", 2);
            }
        }
        if !self.merges.is_empty() {
            out.push_str("\n== NAME MERGES ==\n\n");
            for m in &self.merges {
                let line = format!(
                    "{} ({:?}) merged with {} ({:?}): {}, similarity {} at threshold {}",
                    m.entity,
                    m.name,
                    m.with,
                    m.other_name,
                    match m.rule {
                        crate::resolve::MergeRule::SameName => "same normalized name",
                        crate::resolve::MergeRule::SimilarName => "similar names",
                    },
                    m.similarity,
                    m.threshold
                );
                wrap(&mut out, &line, width, "- ", 2);
            }
        }
        out.push_str("\n== DIAGNOSTICS ==\n\n");
        if self.diagnostics.is_empty() {
            out.push_str("none: every claim was compared\n");
        }
        for d in &self.diagnostics {
            let line = format!(
                "{}: {}: {}",
                match d.severity {
                    crate::report::Severity::Skipped => "skipped",
                    crate::report::Severity::Warning => "warning",
                },
                d.location,
                d.message
            );
            wrap(&mut out, &line, width, "- ", 2);
        }
        out
    }

    fn text_topic(&self, out: &mut String, topic: &Topic, options: &TextOptions) {
        let width = options.width;
        let title = format!(
            "{} · {}  [{}, {} claim{}]",
            topic.subject_name,
            topic.property,
            topic.verdict.as_str(),
            topic.claim_count,
            if topic.claim_count == 1 { "" } else { "s" }
        );
        let mut wrapped = String::new();
        wrap(&mut wrapped, &title, width, "", 2);
        if options.color {
            for line in wrapped.lines() {
                let _ = writeln!(out, "\x1b[1m{line}\x1b[0m");
            }
        } else {
            out.push_str(&wrapped);
        }
        wrap(out, &topic.explanation, width, "  ", 2);
        for scope in &topic.scopes {
            wrap(out, &format!("scope: {}", scope.label), width, "  ", 4);
            for position in &scope.positions {
                let mut head = format!("{} {}", position.label, position.value);
                if position.superseded {
                    head.push_str("  (superseded)");
                }
                wrap(out, &head, width, "    ", 7);
                wrap(out, &origins_text(position), width, "       ", 7);
                for entry in &position.claims {
                    let line = format!(
                        "{}: {} [{}] via {}",
                        entry.id(),
                        entry.value(),
                        modality_note(entry),
                        chain_text(entry)
                    );
                    wrap(out, &line, width, "       - ", 9);
                    if let Some(evidence) = entry.evidence() {
                        wrap(out, &format!("“{evidence}”"), width, "         ", 9);
                    }
                }
                for w in &position.wordings {
                    let line = format!(
                        "wording {}: {}",
                        w.relation.kind().as_str(),
                        w.relation.explanation()
                    );
                    wrap(out, &line, width, "       ~ ", 9);
                }
            }
        }
        if !topic.relations.is_empty() {
            wrap(out, "relations:", width, "  ", 4);
            for r in &topic.relations {
                let line = format!(
                    "{} – {} {}: {}",
                    r.from,
                    r.to,
                    r.relation.kind().as_str(),
                    r.relation.explanation()
                );
                wrap(out, &line, width, "    ", 6);
            }
        }
        if !topic.relay_findings.is_empty() {
            wrap(out, "relay findings:", width, "  ", 4);
            for f in &topic.relay_findings {
                wrap(out, &f.explanation, width, "    ! ", 6);
            }
        }
    }

    /// The report as Markdown.
    ///
    /// ```
    /// # use corroborate::{analyze, Corpus, Policy};
    /// # let corpus = Corpus::from_json_str(r#"{"format": "corroborate/1"}"#)?;
    /// let markdown = analyze(&corpus, &Policy::default()).render_markdown();
    /// assert!(markdown.starts_with("# corroborate report"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn render_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# corroborate report");
        if let Some(t) = &self.title {
            let _ = writeln!(out, "\n{t}");
        }
        let _ = writeln!(out, "\n{}\n\n{}", summary_line(self), settings_line(self));
        let mut current: Option<Verdict> = None;
        for topic in &self.topics {
            if current != Some(topic.verdict) {
                current = Some(topic.verdict);
                let mut name = heading(topic.verdict).to_lowercase();
                if let Some(first) = name.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                let _ = writeln!(out, "\n## {name}");
            }
            let _ = writeln!(
                out,
                "\n### {} · `{}`\n\n**{}**, {} claim{}. {}\n",
                topic.subject_name,
                topic.property,
                topic.verdict.as_str(),
                topic.claim_count,
                if topic.claim_count == 1 { "" } else { "s" },
                topic.explanation
            );
            for scope in &topic.scopes {
                let _ = writeln!(out, "Scope: *{}*\n", scope.label);
                for p in &scope.positions {
                    let _ = writeln!(
                        out,
                        "- **{}** {}{} — {}",
                        p.label,
                        p.value,
                        if p.superseded { " (superseded)" } else { "" },
                        origins_text(p)
                    );
                    for e in &p.claims {
                        let _ = write!(
                            out,
                            "  - `{}` {} [{}] via {}",
                            e.id(),
                            e.value(),
                            modality_note(e),
                            chain_text(e)
                        );
                        if let Some(evidence) = e.evidence() {
                            let _ = write!(out, ": “{}”", evidence.replace('\n', " "));
                        }
                        out.push('\n');
                    }
                    for w in &p.wordings {
                        let _ = writeln!(
                            out,
                            "  - wording `{}`: {}",
                            w.relation.kind().as_str(),
                            w.relation.explanation()
                        );
                    }
                }
                out.push('\n');
            }
            if !topic.relations.is_empty() {
                let _ = writeln!(out, "Relations:\n");
                for r in &topic.relations {
                    let _ = writeln!(
                        out,
                        "- {} – {} `{}`: {}",
                        r.from,
                        r.to,
                        r.relation.kind().as_str(),
                        r.relation.explanation()
                    );
                }
                out.push('\n');
            }
            if !topic.relay_findings.is_empty() {
                let _ = writeln!(out, "Relay findings:\n");
                for f in &topic.relay_findings {
                    let _ = writeln!(out, "- {}", f.explanation);
                }
                out.push('\n');
            }
        }
        if !self.misattributions.is_empty() {
            let _ = writeln!(out, "\n## Misattributed quotes\n");
            for m in &self.misattributions {
                let _ = writeln!(out, "- {}", m.relation.explanation());
            }
        }
        if !self.merges.is_empty() {
            let _ = writeln!(out, "\n## Name merges\n");
            for m in &self.merges {
                let _ = writeln!(
                    out,
                    "- `{}` ({}) merged with `{}` ({}), similarity {} at threshold {}",
                    m.entity, m.name, m.with, m.other_name, m.similarity, m.threshold
                );
            }
        }
        let _ = writeln!(out, "\n## Diagnostics\n");
        if self.diagnostics.is_empty() {
            let _ = writeln!(out, "None: every claim was compared.");
        }
        for d in &self.diagnostics {
            let _ = writeln!(out, "- {:?} at {}: {}", d.severity, d.location, d.message);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_width_and_indent() {
        let mut out = String::new();
        wrap(
            &mut out,
            "one two three four five six seven eight nine ten",
            20,
            "- ",
            2,
        );
        for line in out.lines() {
            assert!(line.chars().count() <= 20, "{line}");
        }
        assert!(out.starts_with("- one two three four"));
        assert!(out.lines().skip(1).all(|l| l.starts_with("  ")));
    }
}
