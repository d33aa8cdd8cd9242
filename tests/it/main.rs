//! The integration tests: one binary, through the public API.

mod corpus_data;
mod model;
mod strategies;
