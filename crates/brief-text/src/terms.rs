//! Term ids: content words of a text, stemmed and interned as small integers.
//!
//! Similarity and summarization compare sentences by the stems they share. Stemming every word
//! of a large brief is the expensive part, so a [`TermIndex`] remembers, for each surface form it
//! has seen, which term it maps to (or that it is not a content word). One index can be shared by
//! all the articles of a brief, so the same stem gets the same id everywhere.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::{Stemmer, is_stopword, words};

/// FNV-1a: short words hash several times faster than with the default SipHash, and nothing
/// here is exposed to hostile collisions that SipHash guards against (keys are one text's words).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Id of an interned stem. Dense: ids run from 0 to [`TermIndex::len`] − 1.
pub type TermId = u32;

/// Interns the stems of content words and caches the surface-form → term mapping.
#[derive(Debug, Default)]
pub struct TermIndex {
    stems: FastMap<String, TermId>,
    /// Surface form as written (case kept, because "US" and "us" differ) → term, or `None` when
    /// the word carries no topic.
    surface: FastMap<String, Option<TermId>>,
    stemmer: Stemmer,
}

impl TermIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of distinct terms interned so far.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// Appends the term ids of the content words of `text` to `out`, in text order (repeats kept).
    pub fn terms_into(&mut self, text: &str, out: &mut Vec<TermId>) {
        for range in words(text) {
            let word = &text[range];
            let term = match self.surface.get(word) {
                Some(&term) => term,
                None => {
                    let term = self.classify(word);
                    self.surface.insert(word.to_string(), term);
                    term
                }
            };
            if let Some(term) = term {
                out.push(term);
            }
        }
    }

    /// The term ids of the content words of `text`, in text order.
    pub fn terms(&mut self, text: &str) -> Vec<TermId> {
        let mut out = Vec::new();
        self.terms_into(text, &mut out);
        out
    }

    /// Decides whether a surface word is a content word, and interns its stem when it is.
    fn classify(&mut self, word: &str) -> Option<TermId> {
        let lower = word.to_lowercase().replace('’', "'");
        // "U.S." must match "US": drop the periods of dotted initials.
        let bare: String = lower.chars().filter(|&c| c != '.').collect();
        if bare.chars().count() < 2 || bare.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // An all-caps word such as "US" or "IT" is an acronym, not the stop word.
        let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !word.chars().any(char::is_lowercase);
        if !acronym && is_stopword(&lower) {
            return None;
        }
        let stem = self.stemmer.stem(&bare);
        let next = self.stems.len() as TermId;
        Some(*self.stems.entry(stem).or_insert(next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_stem_same_id_and_stopwords_dropped() {
        let mut index = TermIndex::new();
        let a = index.terms("The alliances were strengthening");
        let b = index.terms("an alliance strengthens");
        assert_eq!(a.len(), 2);
        assert_eq!(a, b);
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn acronym_us_is_a_term_pronoun_us_is_not() {
        let mut index = TermIndex::new();
        assert_eq!(index.terms("the U.S. and US"), index.terms("US US"));
        assert!(index.terms("it is up to us").is_empty());
    }

    #[test]
    fn numbers_and_single_letters_are_not_terms() {
        let mut index = TermIndex::new();
        assert!(index.terms("a 2024 b 17").is_empty());
    }

    #[test]
    fn non_latin_words_are_terms() {
        let mut index = TermIndex::new();
        let t = index.terms("Россия и Китай");
        assert!(t.len() >= 2);
    }
}
