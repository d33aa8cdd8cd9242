//! Integration tests through the public API.

mod corpus_data;
