//! Conformance against Recognizers-Text's English cases (to come).
