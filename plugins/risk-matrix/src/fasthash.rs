//! A small, fixed, non-cryptographic hasher for the plugin's word maps. The standard SipHash
//! guards against hash flooding, which does not matter for lexicon lookups, and costs a
//! noticeable share of the time on a megabyte of text. Map iteration order never reaches the
//! output, so determinism does not depend on the hasher.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bit.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Builds [`Fnv`] hashers.
pub type FnvBuild = BuildHasherDefault<Fnv>;

/// A HashMap using [`Fnv`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, FnvBuild>;

/// A HashSet using [`Fnv`].
pub type FastSet<T> = std::collections::HashSet<T, FnvBuild>;
