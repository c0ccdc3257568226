//! Text analysis that every plugin shares.
//!
//! Kept free of the article model on purpose: these functions take `&str` and return plain
//! data, so they are easy to test and reuse from any stage.

mod literals;
pub mod segment;
pub mod similarity;
pub mod stem;
pub mod stopwords;
pub mod summarize;
pub mod terms;
pub mod tokens;

pub use segment::split_sentences;
pub use stopwords::is_stopword;
pub use tokens::{Stemmer, Token, tokenize, words};
