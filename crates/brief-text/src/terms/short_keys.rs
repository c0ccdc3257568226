//! A hash table from short words to their cached term, with the word packed into the key.
//!
//! Almost every word of English prose is at most 15 bytes. Packed with its length into two
//! `u64`s, such a word is compared in two integer comparisons and hashed in one multiply, where
//! a `HashMap<String, _>` lookup hashed byte slices and called `memcmp` on every hit: looking
//! words up was the largest cost of summarizing once stemming had been made cheap.

use super::TermId;

/// Longest word the table holds; the 16th byte of a key is the length.
pub const MAX_LEN: usize = 15;

/// A packed word: its bytes, zero-padded, and its length in the last byte. Never all zero,
/// because words are not empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(u64, u64);

impl Key {
    /// Packs `word` (1 to [`MAX_LEN`] bytes). A `const fn`, so the common vocabulary's table
    /// is built from the same keys at compile time.
    pub const fn of(word: &[u8]) -> Key {
        debug_assert!(!word.is_empty() && word.len() <= MAX_LEN);
        let (mut low, mut high) = ([0u8; 8], [0u8; 8]);
        let mut i = 0;
        while i < word.len() && i < MAX_LEN {
            if i < 8 {
                low[i] = word[i];
            } else {
                high[i - 8] = word[i];
            }
            i += 1;
        }
        high[7] = word.len() as u8;
        Key(u64::from_le_bytes(low), u64::from_le_bytes(high))
    }

    /// [`Key::of`] for the word of `len` bytes (1 to [`MAX_LEN`]) at `start` in `text`: two
    /// eight-byte loads and masks where the text runs on for 16 bytes, instead of a loop over
    /// the word's bytes (the loop was a tenth of term lookup).
    pub fn of_at(text: &[u8], start: usize, len: usize) -> Key {
        debug_assert!((1..=MAX_LEN).contains(&len));
        let Some(window) = text.get(start..start + 16) else {
            return Key::of(&text[start..start + len]);
        };
        let (low, high) = window.split_at(8);
        let low = u64::from_le_bytes(low.try_into().unwrap_or_default());
        let high = u64::from_le_bytes(high.try_into().unwrap_or_default());
        let low_mask = if len >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * len)) - 1
        };
        let high_mask = if len > 8 {
            (1u64 << (8 * (len - 8))) - 1
        } else {
            0
        };
        Key(low & low_mask, (high & high_mask) | (len as u64) << 56)
    }

    const fn same(self, other: Key) -> bool {
        self.0 == other.0 && self.1 == other.1
    }

    const fn hash(self) -> u64 {
        (self.0 ^ self.1.rotate_left(31)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// The slot of `key` in an open-addressing table of `keys` (a power of two long, never full),
/// and whether the key is there; otherwise the empty slot where it would go. Shared by the
/// tables grown at run time and the one built at compile time, so both probe alike.
pub const fn probe(keys: &[Key], key: Key) -> (usize, bool) {
    let mask = keys.len() - 1;
    // the high bits of the product are the well-mixed ones
    let mut i = (key.hash() >> 32) as usize & mask;
    loop {
        let here = keys[i];
        if here.same(key) {
            return (i, true);
        }
        if here.same(EMPTY) {
            return (i, false);
        }
        i = (i + 1) & mask;
    }
}

/// What a word maps to: a term, or "no term" (a stop word, a number).
pub const NO_TERM: u32 = u32::MAX;

/// A stored value as the term it stands for: `None` for [`NO_TERM`].
pub fn term_of(value: u32) -> Option<TermId> {
    (value != NO_TERM).then_some(value)
}

/// The key of an empty slot: no word packs to it, because words are not empty.
pub const EMPTY: Key = Key(0, 0);

/// Open addressing with linear probing, at most three quarters full. Keys and values are
/// kept apart (20 bytes a slot, not 24 with padding) and the table fills further than half:
/// a batch's vocabulary is tens of thousands of words, and first touching the pages of the
/// table as it grew was most of the page faults of summarizing a batch.
#[derive(Debug)]
pub struct ShortKeyTable {
    keys: Vec<Key>,
    values: Vec<u32>,
    len: usize,
}

impl ShortKeyTable {
    pub fn with_capacity(words: usize) -> Self {
        Self::with_slots((words + words / 3 + 1).next_power_of_two().max(16))
    }

    fn with_slots(slots: usize) -> Self {
        Self {
            keys: vec![EMPTY; slots],
            values: vec![NO_TERM; slots],
            len: 0,
        }
    }

    fn position(&self, key: Key) -> (usize, bool) {
        probe(&self.keys, key)
    }

    /// The cached term of a word: `None` when the word was never seen, `Some(None)` when it
    /// is no term.
    pub fn get(&self, key: Key) -> Option<Option<TermId>> {
        let (i, found) = self.position(key);
        found.then(|| term_of(self.values[i]))
    }

    pub fn insert(&mut self, key: Key, term: Option<TermId>) {
        if (self.len + 1) * 4 > self.keys.len() * 3 {
            self.grow();
        }
        let (i, found) = self.position(key);
        if !found {
            self.len += 1;
        }
        self.keys[i] = key;
        self.values[i] = term.unwrap_or(NO_TERM);
    }

    fn grow(&mut self) {
        let old = std::mem::replace(self, Self::with_slots(self.keys.len() * 2));
        for (key, value) in old.keys.into_iter().zip(old.values) {
            if key != EMPTY {
                let (i, _) = self.position(key);
                self.keys[i] = key;
                self.values[i] = value;
            }
        }
        self.len = old.len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_in_place_equal_packed_keys() {
        let text = b"a sentence with words of every length up to fifteen letters: x";
        for start in 0..text.len() {
            for len in 1..=MAX_LEN.min(text.len() - start) {
                let word = &text[start..start + len];
                assert_eq!(Key::of_at(text, start, len), Key::of(word), "{start} {len}");
            }
        }
    }

    #[test]
    fn keys_differ_by_length_and_bytes() {
        assert_ne!(Key::of(b"a"), Key::of(b"a\0"));
        assert_ne!(Key::of(b"abc"), Key::of(b"abd"));
        assert_eq!(Key::of(b"fifteen-letters"), Key::of(b"fifteen-letters"));
    }

    #[test]
    fn remembers_terms_and_non_terms_across_growth() {
        let mut table = ShortKeyTable::with_capacity(1);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            let term = (i % 3 != 0).then_some(i as TermId);
            table.insert(Key::of(w.as_bytes()), term);
        }
        for (i, w) in words.iter().enumerate() {
            let expected = (i % 3 != 0).then_some(i as TermId);
            assert_eq!(table.get(Key::of(w.as_bytes())), Some(expected), "{w}");
        }
        assert_eq!(table.get(Key::of(b"unseen")), None);
    }
}
