//! The integration tests: one binary, through the public API.

mod model;
mod strategies;
