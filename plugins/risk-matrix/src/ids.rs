//! Stable risk ids.
//!
//! An id is a hash of the normalised stems (Snowball stems of the content words, in order) of
//! the risk's anchor sentence: the first sentence of the risk in brief order. The same
//! sentence gives the same id on every run and after edits elsewhere in the sources, so
//! analyst overrides keyed by id survive regeneration. FNV-1a is used because it is tiny,
//! fixed and has no dependency; ids are not security-relevant.

use brief_text::Stemmer;

/// Prefix of ids of risks found in the sources.
pub const FOUND_PREFIX: &str = "R-";
/// Prefix of ids of risks added by hand in brief.toml.
pub const ADDED_PREFIX: &str = "A-";

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The hash of a text's normalised stems.
pub fn stem_hash(stemmer: &Stemmer, text: &str) -> u64 {
    fnv1a(stemmer.content_stems(text).join(" ").as_bytes())
}

/// `R-3f2a`: `hex_digits` hex digits of the hash (4 normally, more to break a collision).
pub fn format_id(prefix: &str, hash: u64, hex_digits: usize) -> String {
    let digits = hex_digits.clamp(1, 16);
    let shifted = hash >> (64 - 4 * digits as u32);
    format!("{prefix}{shifted:0digits$x}")
}

/// Gives every hash an id, lengthening all ids that would collide until they no longer do.
pub fn assign(prefix: &str, hashes: &[u64]) -> Vec<String> {
    let mut digits = vec![4usize; hashes.len()];
    loop {
        let ids: Vec<String> = hashes
            .iter()
            .zip(&digits)
            .map(|(&h, &d)| format_id(prefix, h, d))
            .collect();
        let mut changed = false;
        for i in 0..ids.len() {
            let clash = ids
                .iter()
                .enumerate()
                .any(|(j, id)| j != i && *id == ids[i] && hashes[j] != hashes[i]);
            if clash && digits[i] < 16 {
                digits[i] = (digits[i] * 2).min(16);
                changed = true;
            }
        }
        if !changed {
            return ids;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_stems_same_id_across_wording_noise() {
        let s = Stemmer::new();
        let a = stem_hash(&s, "The alliances could collapse.");
        let b = stem_hash(&s, "the alliance could  collapse");
        assert_eq!(format_id(FOUND_PREFIX, a, 4), format_id(FOUND_PREFIX, b, 4));
        let c = stem_hash(&s, "The alliance could survive.");
        assert_ne!(a, c);
    }

    #[test]
    fn ids_have_four_hex_digits() {
        let id = format_id(FOUND_PREFIX, 0x3f2a_0000_0000_0000, 4);
        assert_eq!(id, "R-3f2a");
    }

    #[test]
    fn collisions_are_lengthened() {
        let ids = assign(
            FOUND_PREFIX,
            &[
                0x3f2a_1111_0000_0000,
                0x3f2a_2222_0000_0000,
                0x0001_0000_0000_0000,
            ],
        );
        assert_eq!(ids, vec!["R-3f2a1111", "R-3f2a2222", "R-0001"]);
    }
}
