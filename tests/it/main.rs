//! The integration tests: one binary, through the public API.

mod bundled;
mod corpus_data;
mod engine;
mod invariants;
mod model;
mod scenarios;
mod strategies;
