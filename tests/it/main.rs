//! The integration tests: one binary, through the public API.

mod bundled;
mod conformance;
mod corpus_data;
mod engine;
mod invariants;
mod model;
mod parse;
mod scenarios;
mod strategies;
mod stream;
