//! The integration tests, through the public API.

mod conformance;
mod parse;
