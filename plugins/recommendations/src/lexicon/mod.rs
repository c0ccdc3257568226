//! Word lists the rules are built from. Every list is lowercase and sorted, so membership is a
//! binary search and a unit test keeps them tidy. The lists are the whole "model": to change
//! what counts as a recommendation, change a list here and its entry in
//! `docs/plugins/recommendations.md`.

mod verbs;
mod words;

pub(crate) use verbs::*;
pub(crate) use words::*;

/// True when `word` (lowercase) is in the sorted `list`.
pub(crate) fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Membership bits of the lists that are looked up for every word of a text; one hash lookup
/// instead of a binary search per list keeps long texts fast.
pub(crate) mod bits {
    pub const RECOMMEND: u32 = 1;
    pub const URGE: u32 = 1 << 1;
    pub const AGAINST: u32 = 1 << 2;
    pub const FOR: u32 = 1 << 3;
    pub const BEST: u32 = 1 << 4;
    pub const MUST_ADJECTIVE: u32 = 1 << 5;
    pub const SHOULD_ADJECTIVE: u32 = 1 << 6;
    pub const MISTAKE: u32 = 1 << 7;
    pub const RULE_DOCUMENT: u32 = 1 << 8;
    /// A word that can start a cue on its own (see `trigger`).
    pub const TRIGGER: u32 = 1 << 9;
    pub const SPEECH: u32 = 1 << 10;
    pub const REPORTING: u32 = 1 << 11;
    pub const AGENT: u32 = 1 << 12;
}

/// Words that can start a cue on their own, beyond the verb and adjective lists.
const TRIGGER_WORDS: &[&str] = &[
    "advocate",
    "advocated",
    "advocates",
    "against",
    "best",
    "better",
    "call",
    "called",
    "calling",
    "calls",
    "most",
    "must",
    "mustn't",
    "optimal",
    "prudent",
    "right",
    "safest",
    "should",
    "shouldn't",
    "smartest",
    "surest",
    "wisest",
];

/// FNV-1a: short words hash several times faster than with SipHash, and the keys here are
/// fixed word lists, not attacker-chosen.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map keyed by words, hashed with [`Fnv`].
pub(crate) type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

static WORD_BITS: std::sync::LazyLock<WordMap<&'static str, u32>> =
    std::sync::LazyLock::new(|| {
        let mut map = WordMap::default();
        for (list, bit) in [
            (RECOMMEND_VERBS, bits::RECOMMEND),
            (URGE_VERBS, bits::URGE),
            (AGAINST_VERBS, bits::AGAINST),
            (FOR_VERBS, bits::FOR),
            (BEST_ADJECTIVES, bits::BEST),
            (MUST_ADJECTIVES, bits::MUST_ADJECTIVE),
            (SHOULD_ADJECTIVES, bits::SHOULD_ADJECTIVE),
            (MISTAKE_WORDS, bits::MISTAKE),
            (RULE_DOCUMENTS, bits::RULE_DOCUMENT),
            (TRIGGER_WORDS, bits::TRIGGER),
            (RECOMMEND_VERBS, bits::TRIGGER),
            (URGE_VERBS, bits::TRIGGER),
            (MUST_ADJECTIVES, bits::TRIGGER),
            (SHOULD_ADJECTIVES, bits::TRIGGER),
            (MISTAKE_WORDS, bits::TRIGGER),
            (SPEECH_VERBS, bits::SPEECH),
            (REPORTING_VERBS, bits::REPORTING),
            (AGENT_NOUNS, bits::AGENT),
        ] {
            for word in list {
                *map.entry(*word).or_insert(0) |= bit;
            }
        }
        map
    });

/// The `bits` of the hot lists that `word` (lowercase) belongs to; 0 for most words.
pub(crate) fn word_bits(word: &str) -> u32 {
    WORD_BITS.get(word).copied().unwrap_or(0)
}

/// Whether `word` (lowercase) is in any of the lists named by `mask`: one hash lookup.
pub(crate) fn is_in(word: &str, mask: u32) -> bool {
    word_bits(word) & mask != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[(&str, &[&str])] = &[
        ("RECOMMEND_VERBS", RECOMMEND_VERBS),
        ("URGE_VERBS", URGE_VERBS),
        ("AGAINST_VERBS", AGAINST_VERBS),
        ("FOR_VERBS", FOR_VERBS),
        ("CARRIER_VERBS", CARRIER_VERBS),
        ("SPEECH_VERBS", SPEECH_VERBS),
        ("BEST_ADJECTIVES", BEST_ADJECTIVES),
        ("BEST_NOUNS", BEST_NOUNS),
        ("MUST_ADJECTIVES", MUST_ADJECTIVES),
        ("SHOULD_ADJECTIVES", SHOULD_ADJECTIVES),
        ("MISTAKE_WORDS", MISTAKE_WORDS),
        ("META_INFINITIVES", META_INFINITIVES),
        ("NEGATION_FLIPPERS", NEGATION_FLIPPERS),
        ("AVOID_VERBS", AVOID_VERBS),
        ("AGENT_NOUNS", AGENT_NOUNS),
        ("AGENT_PRONOUNS", AGENT_PRONOUNS),
        ("NON_AGENT_SUBJECTS", NON_AGENT_SUBJECTS),
        ("RULE_DOCUMENTS", RULE_DOCUMENTS),
        ("RULE_VERBS", RULE_VERBS),
        ("RULE_PREPOSITIONS", RULE_PREPOSITIONS),
        ("META_VERBS", META_VERBS),
        ("REMARK_PARTICIPLES", REMARK_PARTICIPLES),
        ("PREDICTIVE_VERBS", PREDICTIVE_VERBS),
        ("SUBORDINATORS", SUBORDINATORS),
        ("WH_WORDS", WH_WORDS),
        ("CONDITION_WORDS", CONDITION_WORDS),
        ("SKIPPABLE_ADVERBS", SKIPPABLE_ADVERBS),
        ("INTENSIFIERS", INTENSIFIERS),
        ("POLICY_VERBS", POLICY_VERBS),
        ("IRREGULAR_PARTICIPLES", IRREGULAR_PARTICIPLES),
        ("NAME_JOINERS", NAME_JOINERS),
        ("NOT_FIRST_NAMES", NOT_FIRST_NAMES),
        ("TRIGGER_WORDS", TRIGGER_WORDS),
        ("REPORTING_VERBS", REPORTING_VERBS),
        ("AUXILIARIES", AUXILIARIES),
        ("OBLIGATION_PARTICIPLES", OBLIGATION_PARTICIPLES),
    ];

    #[test]
    fn every_list_is_sorted_unique_and_lowercase() {
        for (name, list) in ALL {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{name} must be sorted and unique"
            );
            assert!(
                list.iter().all(|w| *w == w.to_lowercase()),
                "{name} must be lowercase"
            );
        }
    }
}
