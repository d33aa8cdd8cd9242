//! The integration tests: one binary, through the public API.

#[path = "../../benches/common/mod.rs"]
mod common;

mod bundled;
mod conformance;
mod corpus_data;
mod engine;
mod errors;
mod invariants;
mod model;
mod names;
mod parse;
mod scenarios;
mod strategies;
mod stream;
mod support;
mod synth;
