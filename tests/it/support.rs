//! Helpers shared by the error tests.

use corroborate::{Corpus, Error};

/// The error of loading `json`, failing the test if it loads.
#[track_caller]
pub fn load_error(json: &str) -> Error {
    match Corpus::from_json_str(json) {
        Ok(_) => panic!("expected an error for {json}"),
        Err(e) => e,
    }
}

/// A corpus with one publication (inline text) and one claim whose parts
/// are given by the caller.
pub fn one_claim(value: &str, extra: &str) -> String {
    format!(
        r#"{{"format": "corroborate/1",
  "entities": [{{"id": "isis-k", "name": "ISIS-K"}}],
  "sources": [{{"id": "a1", "kind": "publication", "name": "A", "text": "Some 500 fighters were seen."}}],
  "claims": [{{"id": "c1", "subject": "isis-k", "property": "fighter_strength",
    "value": {value}, "assertion": {{"chain": ["a1"]{extra}}}}}]}}"#
    )
}
