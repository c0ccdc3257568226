//! The common vocabulary: a few thousand frequent English words with their terms, in tables
//! built at compile time.
//!
//! A batch of news articles meets the same frequent words in every process and in every worker
//! of a process, and classifying a word the first time (lowercasing, the stop-word test,
//! Porter2, interning the stem) cost several times a lookup. About three in five of the
//! distinct words a worker meets in a batch of CNN/DailyMail articles are among the 10,000
//! listed in `common-words.txt` (the words in most BBC articles of the shared speed set), so
//! those cost a lookup from the first article on. The tables sit in the binary's read-only
//! data: nothing to build at start-up, no memory of the process's own to fill (each page a
//! process touches for the first time costs a fault, and on a cold virtual machine a slow one),
//! and every worker reads the same copy.
//!
//! Only speed depends on the list. A word that is not on it is classified at run time to the
//! same term, and `data_matches_the_classifier` checks every line against the code.

use super::TermId;
use super::short_keys::{EMPTY, Key, MAX_LEN, NO_TERM, probe, term_of};

/// `word term` per line, or `word -` for a stop word; `#` starts a comment line.
const DATA: &str = include_str!("common-words.txt");

/// Slots for the lowercase and the capitalised form of each word, at most three quarters full.
const SURFACE_SLOTS: usize = 1 << 15;
/// Slots for the distinct terms, at most three quarters full.
const TERM_SLOTS: usize = 1 << 14;

/// An open-addressing table probed like the run-time ones (see [`probe`]).
pub struct Table<const N: usize> {
    keys: [Key; N],
    values: [TermId; N],
    len: usize,
}

impl<const N: usize> Table<N> {
    const EMPTY: Self = Self {
        keys: [EMPTY; N],
        values: [NO_TERM; N],
        len: 0,
    };

    const fn insert(&mut self, key: Key, value: TermId) {
        let (i, found) = probe(&self.keys, key);
        if !found {
            assert!(
                (self.len + 1) * 4 <= N * 3,
                "common vocabulary table too full"
            );
            self.keys[i] = key;
            self.values[i] = value;
            self.len += 1;
        }
    }

    /// The value stored for `key`, if any (at compile time and at run time alike).
    const fn find(&self, key: Key) -> Option<TermId> {
        let (i, found) = probe(&self.keys, key);
        if found { Some(self.values[i]) } else { None }
    }
}

/// The common vocabulary: surface forms to terms (or [`NO_TERM`]), and terms to their ids.
pub struct Common {
    surface: Table<SURFACE_SLOTS>,
    terms: Table<TERM_SLOTS>,
}

impl Common {
    /// Ids `0..count()` belong to the common terms; a [`super::TermIndex`] numbers the terms
    /// it interns after them.
    pub fn count(&self) -> usize {
        self.terms.len
    }

    /// The term a surface form of up to 15 bytes maps to: `None` when the word is not listed,
    /// `Some(None)` when it is a stop word.
    pub fn surface(&self, key: Key) -> Option<Option<TermId>> {
        self.surface.find(key).map(term_of)
    }

    /// The id of a common term (a stem of up to 15 bytes), if it is one.
    pub fn term(&self, stem: Key) -> Option<TermId> {
        self.terms.find(stem)
    }

    const fn build(data: &str) -> Common {
        let mut common = Common {
            surface: Table::EMPTY,
            terms: Table::EMPTY,
        };
        let bytes = data.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let mut end = start;
            while end < bytes.len() && bytes[end] != b'\n' {
                end += 1;
            }
            if end > start && bytes[start] != b'#' {
                common.add_line(bytes, start, end);
            }
            start = end + 1;
        }
        common
    }

    /// Adds the line `bytes[start..end]`: `word term` or `word -`.
    const fn add_line(&mut self, bytes: &[u8], start: usize, end: usize) {
        let mut space = start;
        while space < end && bytes[space] != b' ' {
            space += 1;
        }
        assert!(space > start && space + 1 < end, "a line is `word term`");
        let (word, _) = bytes.split_at(space);
        let (_, word) = word.split_at(start);
        let (term, _) = bytes.split_at(end);
        let (_, term) = term.split_at(space + 1);
        assert!(
            word.len() <= MAX_LEN && term.len() <= MAX_LEN,
            "listed words and terms fit a packed key"
        );
        let value = if term.len() == 1 && term[0] == b'-' {
            NO_TERM
        } else {
            let key = Key::of(term);
            match self.terms.find(key) {
                Some(id) => id,
                None => {
                    let id = self.terms.len as TermId;
                    self.terms.insert(key, id);
                    id
                }
            }
        };
        self.surface.insert(Key::of(word), value);
        // "Government" opening a sentence is the same word: a capitalised word with a letter
        // in lower case is no acronym, so it classifies as its lowercase form
        let mut capital = [0u8; MAX_LEN];
        let mut i = 0;
        while i < word.len() {
            capital[i] = word[i];
            i += 1;
        }
        capital[0] = capital[0].to_ascii_uppercase();
        let (capital, _) = capital.split_at(word.len());
        self.surface.insert(Key::of(capital), value);
    }
}

/// Built by the compiler from `common-words.txt` (some 12,000 insertions: more steps than
/// the lint against endless constant evaluation expects, and a second of compile time).
#[allow(long_running_const_eval)]
pub static COMMON: Common = Common::build(DATA);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Stemmer, is_stopword};

    #[test]
    fn data_matches_the_classifier() {
        let stemmer = Stemmer::new();
        let mut listed = 0;
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let (word, term) = line.split_once(' ').expect("word term");
            assert!(
                word.len() >= 2 && word.len() <= 15 && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word}"
            );
            if term == "-" {
                assert!(is_stopword(word), "{word} is listed as a stop word");
            } else {
                assert!(!is_stopword(word), "{word} is a stop word");
                assert_eq!(stemmer.stem(word), term, "the term of {word}");
            }
            listed += 1;
        }
        assert!(listed > 1000);
    }

    #[test]
    fn both_forms_of_a_word_and_its_term_share_an_id() {
        let id = |w: &str| COMMON.surface(Key::of(w.as_bytes()));
        let government = id("government").expect("listed").expect("a term");
        assert_eq!(id("Government"), Some(Some(government)));
        assert_eq!(id("governments"), Some(Some(government)));
        assert_eq!(COMMON.term(Key::of(b"govern")), Some(government));
        assert_eq!(id("The"), Some(None));
        assert_eq!(id("qwzx"), None);
        assert!((government as usize) < COMMON.count());
    }
}
