//! The bundled corpus in `data/`: it loads, its evidence is verbatim, its
//! omissions are verbatim, and its article texts match the seed set.

use std::path::{Path, PathBuf};

use corroborate::{Corpus, SourceKind};

/// The five article files of the seed set, by name.
const ARTICLES: [&str; 5] = [
    "000_e486f3cafe923da6.txt",
    "001_d29c33b937cdb019.txt",
    "002_dc9cf6c775a2d27f.txt",
    "003_c50cba31c2404db5.txt",
    "004_fa8557c005fb274b.txt",
];

/// The corpus folder bundled with the crate.
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Loads the bundled corpus, failing the test with the loader's message.
fn load() -> Corpus {
    match Corpus::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data")) {
        Ok(corpus) => corpus,
        Err(error) => panic!("the bundled corpus does not load: {error}"),
    }
}

#[test]
fn bundled_corpus_loads() {
    let corpus = load();
    assert!(!corpus.entities().is_empty());
    assert!(!corpus.sources().is_empty());
}

#[test]
fn bundled_corpus_has_more_than_sixty_claims() {
    let corpus = load();
    assert!(
        corpus.claims().len() > 60,
        "only {} claims",
        corpus.claims().len()
    );
}

#[test]
fn every_publication_has_its_text() {
    let corpus = load();
    let publications: Vec<_> = corpus
        .sources()
        .iter()
        .filter(|s| s.kind == SourceKind::Publication)
        .collect();
    assert_eq!(publications.len(), ARTICLES.len());
    for source in publications {
        let text = corpus.text(&source.id);
        assert!(
            text.is_some_and(|t| !t.is_empty()),
            "publication {} has no text",
            source.id
        );
    }
}

#[test]
fn every_claim_has_verbatim_evidence() {
    let corpus = load();
    for claim in corpus.claims() {
        let evidence = claim
            .assertion
            .evidence
            .as_ref()
            .unwrap_or_else(|| panic!("claim {} has no evidence", claim.id));
        assert!(
            !evidence.text.trim().is_empty(),
            "claim {} has empty evidence",
            claim.id
        );
        let publication = claim
            .assertion
            .publication()
            .unwrap_or_else(|| panic!("claim {} has an empty chain", claim.id));
        let text = corpus
            .text(publication)
            .unwrap_or_else(|| panic!("claim {}: publication {publication} has no text", claim.id));
        assert!(
            text.contains(&*evidence.text),
            "claim {}: evidence {:?} is not in {publication}",
            claim.id,
            evidence.text
        );
        if let Some([start, end]) = evidence.span {
            assert_eq!(text.get(start..end), Some(&*evidence.text));
        }
    }
}

#[test]
fn every_omission_is_verbatim_in_its_article() {
    let path = data_dir().join("omissions.json");
    let json = std::fs::read_to_string(&path).expect("data/omissions.json is readable");
    let omissions: serde_json::Value =
        serde_json::from_str(&json).expect("data/omissions.json is JSON");
    let omissions = omissions.as_array().expect("omissions.json is an array");
    assert!(!omissions.is_empty());
    for (index, omission) in omissions.iter().enumerate() {
        let object = omission
            .as_object()
            .unwrap_or_else(|| panic!("omission {index} is not an object"));
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["article", "reason", "text"], "omission {index}");
        let field = |name: &str| {
            object[name]
                .as_str()
                .unwrap_or_else(|| panic!("omission {index}: {name} is not a string"))
        };
        let article = field("article");
        assert!(ARTICLES.contains(&article), "omission {index}: {article}");
        assert!(!field("reason").trim().is_empty(), "omission {index}");
        let text = std::fs::read_to_string(data_dir().join(article)).expect("article readable");
        let omitted = field("text");
        assert!(
            !omitted.is_empty() && text.contains(omitted),
            "omission {index}: {omitted:?} is not in {article}"
        );
    }
}

#[test]
fn article_texts_match_the_seed_set() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        println!(
            "skipped: {} does not exist, so the texts cannot be compared",
            seeds.display()
        );
        return;
    }
    for name in ARTICLES {
        let ours = std::fs::read(data_dir().join(name)).expect("bundled article readable");
        let seed = std::fs::read(seeds.join(name)).expect("seed article readable");
        assert!(ours == seed, "data/{name} differs from the seed");
    }
}

/// The byte ranges of each text's occurrences of `needle`.
fn occurrences(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(at, m)| at..at + m.len())
        .collect()
}

/// The quoted passages of a text: between curly double quotes, or between
/// two straight double quotes on one line.
fn quoted_passages(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, ch) in text.char_indices() {
        match ch {
            '“' => open = Some(at),
            '”' => {
                if let Some(start) = open.take() {
                    out.push(start..at + ch.len_utf8());
                }
            }
            '\n' => open = None,
            _ => {}
        }
    }
    for line_start in text.split('\n').scan(0, |pos, line| {
        let start = *pos;
        *pos += line.len() + 1;
        Some((start, line))
    }) {
        let (start, line) = line_start;
        let marks: Vec<usize> = line.match_indices('"').map(|(i, _)| start + i).collect();
        for pair in marks.chunks(2) {
            if let [a, b] = pair {
                out.push(*a..*b + 1);
            }
        }
    }
    out
}

/// Every quantity, date and direct-quote mention the scanner finds in the
/// articles is annotated (it overlaps the evidence of a claim of that
/// article) or listed in `data/omissions.json` with a reason.
#[test]
fn every_scanned_mention_is_annotated_or_omitted() {
    let corpus = load();
    let omissions: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(data_dir().join("omissions.json")).unwrap())
            .unwrap();
    let mut missing = Vec::new();
    let mut checked = 0;
    for source in corpus
        .sources()
        .iter()
        .filter(|s| s.kind == SourceKind::Publication)
    {
        let text = corpus.text(&source.id).unwrap();
        let file = source.text_file.as_deref().unwrap();
        let mut covered: Vec<std::ops::Range<usize>> = corpus
            .claims()
            .iter()
            .filter(|c| c.assertion.chain[0] == source.id)
            .filter_map(|c| c.assertion.evidence.as_ref()?.span)
            .map(|[a, b]| a..b)
            .collect();
        for omission in &omissions {
            if omission["article"] == file {
                assert!(
                    omission["reason"]
                        .as_str()
                        .is_some_and(|r| !r.trim().is_empty()),
                    "omission without a reason: {omission}"
                );
                covered.extend(occurrences(text, omission["text"].as_str().unwrap_or("")));
            }
        }
        let overlaps = |span: &std::ops::Range<usize>| {
            covered
                .iter()
                .any(|c| c.start < span.end && span.start < c.end)
        };
        // Relative dates resolve against the publication day, when known.
        let mut options = corroborate::ScanOptions::new();
        if let Some(published) = source.published
            && published.precision() <= corroborate::Precision::Day
        {
            options = options.with_reference_date(published.start_date());
        }
        for mention in corroborate::scan(text, &options) {
            checked += 1;
            if !overlaps(&mention.span()) {
                missing.push(format!("{file}: {:?} ({})", mention.text(), mention));
            }
        }
        for passage in quoted_passages(text) {
            checked += 1;
            if !overlaps(&passage) {
                missing.push(format!("{file}: quote {:?}", &text[passage]));
            }
        }
    }
    // The articles hold well over a hundred numbers, dates and quotes; a
    // scan that found few would make this test vacuous.
    assert!(checked > 100, "only {checked} mentions scanned");
    assert!(
        missing.is_empty(),
        "{} mentions neither annotated nor omitted:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
