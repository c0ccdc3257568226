//! Term ids: content words of a text, stemmed and interned as small integers.
//!
//! Similarity and summarization compare sentences by the stems they share. Stemming every word
//! of a large brief is the expensive part, so a [`TermIndex`] remembers, for each surface form it
//! has seen, which term it maps to (or that it is not a content word). One index can be shared by
//! all the articles of a brief, so the same stem gets the same id everywhere.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

mod common;
mod short_keys;

use common::COMMON;
use short_keys::{Key, ShortKeyTable};

use crate::stopwords::is_stopword_bytes;
use crate::{Stemmer, is_stopword, words};

/// A multiply-rotate hash that takes eight bytes per step (the scheme of rustc's FxHash):
/// words are short, so hashing them is most of a lookup, and byte-at-a-time FNV was the single
/// largest cost of term lookup. Nothing here is exposed to hostile collisions that SipHash
/// guards against (keys are the words of the texts being analysed).
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        // the table picks buckets by the low bits, which the multiply mixes least
        self.0 ^ (self.0 >> 32)
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Id of an interned stem. Dense: ids run from 0 to [`TermIndex::len`] − 1.
pub type TermId = u32;

/// Interns the stems of content words and caches the surface-form → term mapping.
#[derive(Debug)]
pub struct TermIndex {
    /// Stems of up to 15 bytes, packed; longer ones in `long_stems`.
    stems: ShortKeyTable,
    long_stems: FastMap<Vec<u8>, TermId>,
    /// Number of distinct stems interned.
    terms: usize,
    /// Surface form as written (case kept, because "US" and "us" differ) → term, or `None` when
    /// the word carries no topic; words of up to 15 bytes in `short`, longer ones in `surface`.
    short: ShortKeyTable,
    surface: FastMap<String, Option<TermId>>,
    stemmer: Stemmer,
    /// Scratch for [`Self::renumber`]: a document's number for each term, or [`UNNUMBERED`].
    local: Vec<TermId>,
}

/// A term not (yet) numbered in the document being renumbered.
const UNNUMBERED: TermId = TermId::MAX;

impl Default for TermIndex {
    fn default() -> Self {
        Self::new()
    }
}

impl TermIndex {
    pub fn new() -> Self {
        // The packed-key tables start small, so the first article's lookups stay in cache, and
        // double as a batch's vocabulary grows.
        Self {
            stems: ShortKeyTable::with_capacity(1024),
            long_stems: FastMap::default(),
            terms: COMMON.count(),
            short: ShortKeyTable::with_capacity(1024),
            surface: FastMap::default(),
            stemmer: Stemmer::new(),
            local: Vec::new(),
        }
    }

    /// One past the largest term id: the common vocabulary's terms (see `common.rs`) and the
    /// terms interned since.
    pub fn len(&self) -> usize {
        self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms == 0
    }

    /// Numbers the terms of one document densely, in order of first occurrence: rewrites every
    /// id in `texts` (taken in order; ids from this index) to its term's position among the
    /// distinct terms, and returns the ids those positions stand for.
    ///
    /// Ids from a shared index depend on the documents it saw first (in a batch, on which
    /// documents a worker happened to take), and sums over a document's terms taken in id order
    /// round differently when the order changes. Numbering by first occurrence depends on the
    /// document alone, and lets per-term counts live in plain arrays.
    pub fn renumber(&mut self, texts: &mut [Vec<TermId>]) -> Vec<TermId> {
        self.local.resize(self.terms, UNNUMBERED);
        let mut ids = Vec::with_capacity(texts.iter().map(Vec::len).sum::<usize>() / 2);
        for term in texts.iter_mut().flatten() {
            let slot = &mut self.local[*term as usize];
            if *slot == UNNUMBERED {
                *slot = ids.len() as TermId;
                ids.push(*term);
            }
            *term = *slot;
        }
        for &id in &ids {
            self.local[id as usize] = UNNUMBERED;
        }
        ids
    }

    /// Appends the term ids of the content words of `text` to `out`, in text order (repeats kept).
    pub fn terms_into(&mut self, text: &str, out: &mut Vec<TermId>) {
        for range in words(text) {
            let start = range.start;
            let word = &text[range];
            let term = if word.len() <= short_keys::MAX_LEN {
                let key = Key::of_at(text.as_bytes(), start, word.len());
                match COMMON.surface(key).or_else(|| self.short.get(key)) {
                    Some(term) => term,
                    None => {
                        let term = self.classify(word);
                        self.short.insert(key, term);
                        term
                    }
                }
            } else {
                match self.surface.get(word) {
                    Some(&term) => term,
                    None => {
                        let term = self.classify(word);
                        self.surface.insert(word.to_string(), term);
                        term
                    }
                }
            };
            if let Some(term) = term {
                out.push(term);
            }
        }
    }

    /// The term ids of the content words of `text`, in text order.
    pub fn terms(&mut self, text: &str) -> Vec<TermId> {
        // about one content word in every eight bytes of English: room enough to rarely grow
        let mut out = Vec::with_capacity(text.len() / 4);
        self.terms_into(text, &mut out);
        out
    }

    /// Decides whether a surface word is a content word, and interns its stem when it is.
    fn classify(&mut self, word: &str) -> Option<TermId> {
        if word.is_ascii() && word.len() <= ASCII_WORD_MAX {
            return self.classify_ascii(word);
        }
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
        Some(self.intern_stem_of(bare.as_bytes()))
    }

    /// [`Self::classify`] for an ASCII word, with the same rules but no allocation before
    /// stemming: nearly every word of English text takes this path, and classifying the words
    /// of a batch's first documents was the largest cost of summarizing them.
    fn classify_ascii(&mut self, word: &str) -> Option<TermId> {
        let mut lower_buf = [0u8; ASCII_WORD_MAX];
        let lower = &mut lower_buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let mut bare_buf = [0u8; ASCII_WORD_MAX];
        let mut bare_len = 0;
        for &b in lower.iter().filter(|&&b| b != b'.') {
            bare_buf[bare_len] = b;
            bare_len += 1;
        }
        let bare = &bare_buf[..bare_len];
        if bare.len() < 2 || bare.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let bytes = word.as_bytes();
        let acronym = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
            && !bytes.iter().any(u8::is_ascii_lowercase);
        if !acronym && is_stopword_bytes(lower) {
            return None;
        }
        Some(self.intern_stem_of(bare))
    }

    /// The term id of the stem of `bare` (lowercase, periods removed, UTF-8), interning it if
    /// new. Bytes, so the ASCII path hands over its stack buffer without a UTF-8 check.
    fn intern_stem_of(&mut self, bare: &[u8]) -> TermId {
        match crate::stem::porter2_bytes(bare) {
            Some(stem) => self.intern(stem.as_bytes()),
            None => {
                // both callers pass the bytes of a str
                let bare = std::str::from_utf8(bare).unwrap_or_default();
                let stem = self.stemmer.fallback_stem(bare);
                self.intern(stem.as_bytes())
            }
        }
    }

    fn intern(&mut self, stem: &[u8]) -> TermId {
        let next = self.terms as TermId;
        if stem.is_empty() || stem.len() > short_keys::MAX_LEN {
            let id = *self.long_stems.entry(stem.to_vec()).or_insert(next);
            self.terms += usize::from(id == next);
            return id;
        }
        let key = Key::of(stem);
        if let Some(id) = COMMON.term(key) {
            return id;
        }
        if let Some(Some(id)) = self.stems.get(key) {
            return id;
        }
        self.stems.insert(key, Some(next));
        self.terms += 1;
        next
    }
}

/// Longest word [`TermIndex::classify_ascii`] handles on the stack; longer ones (rare: URLs,
/// glued tokens) take the general path.
const ASCII_WORD_MAX: usize = 48;

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
        // words off the common list are interned after its terms, once per stem
        let before = index.len();
        let rare = index.terms("Zanzibaris zanzibari");
        assert_eq!(rare.len(), 2);
        assert_eq!(rare[0], rare[1]);
        assert_eq!(index.len(), before + 1);
    }

    #[test]
    fn an_unlisted_form_of_a_common_term_gets_the_common_id() {
        let mut index = TermIndex::new();
        let listed = index.terms("alliance");
        let unlisted = index.terms("allianced");
        assert_eq!(listed, unlisted);
        assert!((listed[0] as usize) < COMMON.count());
        assert_eq!(index.len(), COMMON.count());
    }

    #[test]
    fn acronym_us_is_a_term_pronoun_us_is_not() {
        let mut index = TermIndex::new();
        assert_eq!(index.terms("the U.S. and US"), index.terms("US US"));
        assert!(index.terms("it is up to us").is_empty());
    }

    #[test]
    fn renumbering_follows_first_occurrence_whatever_the_ids() {
        let mut index = TermIndex::new();
        index.terms("harbour storm council railway");
        let mut texts = vec![
            index.terms("railway storm railway"),
            index.terms("harbour railway"),
        ];
        let ids = index.renumber(&mut texts);
        assert_eq!(texts, vec![vec![0, 1, 0], vec![2, 0]]);
        assert_eq!(ids, index.terms("railway storm harbour"));
        // the scratch is left clean for the next document
        let mut again = vec![index.terms("harbour")];
        index.renumber(&mut again);
        assert_eq!(again, vec![vec![0]]);
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
