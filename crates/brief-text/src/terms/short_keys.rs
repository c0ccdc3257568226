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
    /// Packs `word` (1 to [`MAX_LEN`] bytes).
    pub fn of(word: &[u8]) -> Key {
        debug_assert!(!word.is_empty() && word.len() <= MAX_LEN);
        let mut buf = [0u8; 16];
        for (slot, &b) in buf.iter_mut().zip(word) {
            *slot = b;
        }
        buf[15] = word.len() as u8;
        let (low, high) = buf.split_at(8);
        Key(
            u64::from_le_bytes(low.try_into().unwrap_or_default()),
            u64::from_le_bytes(high.try_into().unwrap_or_default()),
        )
    }

    fn hash(self) -> u64 {
        (self.0 ^ self.1.rotate_left(31)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// What a word maps to: a term, or "no term" (a stop word, a number).
const NO_TERM: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Slot {
    key: Key,
    value: u32,
}

const EMPTY: Slot = Slot {
    key: Key(0, 0),
    value: NO_TERM,
};

/// Open addressing with linear probing, at most half full.
#[derive(Debug)]
pub struct ShortKeyTable {
    slots: Vec<Slot>,
    len: usize,
}

impl ShortKeyTable {
    pub fn with_capacity(words: usize) -> Self {
        Self {
            slots: vec![EMPTY; (words * 2).next_power_of_two().max(16)],
            len: 0,
        }
    }

    fn position(&self, key: Key) -> (usize, bool) {
        let mask = self.slots.len() - 1;
        // the high bits of the product are the well-mixed ones
        let mut i = (key.hash() >> 32) as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return (i, true);
            }
            if slot.key == EMPTY.key {
                return (i, false);
            }
            i = (i + 1) & mask;
        }
    }

    /// The cached term of a word: `None` when the word was never seen, `Some(None)` when it
    /// is no term.
    pub fn get(&self, key: Key) -> Option<Option<TermId>> {
        let (i, found) = self.position(key);
        found.then(|| {
            let value = self.slots[i].value;
            (value != NO_TERM).then_some(value)
        })
    }

    pub fn insert(&mut self, key: Key, term: Option<TermId>) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let (i, found) = self.position(key);
        if !found {
            self.len += 1;
        }
        self.slots[i] = Slot {
            key,
            value: term.unwrap_or(NO_TERM),
        };
    }

    fn grow(&mut self) {
        let doubled = vec![EMPTY; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for slot in old.into_iter().filter(|s| s.key != EMPTY.key) {
            let (i, _) = self.position(slot.key);
            self.slots[i] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
