//! The word lists behind every rating. Each list is documented in docs/plugins/risk-matrix.md.

pub mod impact;
pub mod likelihood;
pub mod time;
