//! Judgement cues: the words with which analytical writing states its conclusions.
//!
//! Reports and commentary put their findings in sentences that contrast ("not …, rather …"),
//! weigh ("benefit", "risk", "advantage"), attribute findings ("the study found", "warned",
//! "concludes") or advise ("should", "recommends", "the best response"). Counting these cues
//! lifts such sentences over background narrative. The lists are about how arguments are
//! phrased, never about any topic. A word scan, not a regex: a large case-insensitive
//! alternation with word boundaries made the regex engine rebuild its automaton constantly.

use crate::words;

/// Whole words that are cues (lowercase, sorted).
const CUE_WORDS: &[&str] = &[
    "although",
    "best",
    "confidence",
    "critical",
    "crucial",
    "despite",
    "distrust",
    "essential",
    "finds",
    "however",
    "important",
    "instead",
    "key",
    "likely",
    "must",
    "nevertheless",
    "not",
    "ought",
    "should",
    "trust",
    "unlike",
    "unlikely",
];

/// Word beginnings that are cues in any form ("recommends", "warned", "benefits").
const CUE_PREFIXES: &[&str] = &[
    "advantage",
    "advis",
    "argu",
    "benefit",
    "conclu",
    "cost",
    "doubt",
    "gain",
    "limit",
    "recommend",
    "risk",
    "strength",
    "suggest",
    "threat",
    "urg",
    "warn",
    "weak",
];

/// Two-word cues: `(first, second)`.
const CUE_PAIRS: &[(&str, &str)] = &[
    ("found", "that"),
    ("need", "to"),
    ("rather", "than"),
    ("show", "that"),
    ("shows", "that"),
];

fn is_cue_word(lower: &str) -> bool {
    CUE_WORDS.binary_search(&lower).is_ok() || CUE_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Longest cue word or prefix, in bytes ("nevertheless"): a word's first bytes beyond this
/// never decide whether it is a cue.
const CUE_BYTES: usize = 12;

/// How strongly a sentence reads as a judgement: cue count, saturating at `saturation`, 0..1.
pub fn judgement_strength(text: &str, saturation: usize) -> f64 {
    if saturation == 0 {
        return 0.0;
    }
    // Cues are ASCII, so ASCII lowercasing into a stack buffer decides them; this runs over
    // every word of every source, where allocating a lowercase String per word was costly.
    // A word longer than the buffer keeps its first bytes and a marker byte, so it can still
    // match a prefix ("recommendations") but never a whole cue word.
    let mut hits = 0;
    let mut previous = [0u8; CUE_BYTES + 1];
    let mut previous_len = 0;
    for range in words(text) {
        let word = text[range].as_bytes();
        let mut lower = [0u8; CUE_BYTES + 1];
        let len = word.len().min(CUE_BYTES + 1);
        for (l, b) in lower.iter_mut().zip(word) {
            *l = b.to_ascii_lowercase();
        }
        if word.len() > CUE_BYTES {
            lower[CUE_BYTES] = 0xff;
        }
        // Not valid UTF-8 after a cut inside a character or with the marker: such a word is
        // no cue word, and prefixes are compared as bytes.
        let bytes = &lower[..len];
        let cue = match std::str::from_utf8(bytes) {
            Ok(lower) => is_cue_word(lower),
            Err(_) => CUE_PREFIXES.iter().any(|p| bytes.starts_with(p.as_bytes())),
        } || CUE_PAIRS
            .iter()
            .any(|&(a, b)| &previous[..previous_len] == a.as_bytes() && bytes == b.as_bytes());
        if cue {
            hits += 1;
            if hits >= saturation {
                break;
            }
        }
        previous = lower;
        previous_len = len;
    }
    hits as f64 / saturation as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_words_are_sorted() {
        assert!(CUE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn findings_and_advice_are_judgements() {
        assert_eq!(
            judgement_strength(
                "The study found that the plan is not effective and should be dropped.",
                3
            ),
            1.0
        );
        assert!(
            judgement_strength("The report recommends closer cooperation with partners.", 3) > 0.0
        );
        assert!(judgement_strength("They planned in parallel rather than jointly.", 3) > 0.0);
    }

    #[test]
    fn long_words_match_prefixes_only() {
        assert!(judgement_strength("Recommendations followed.", 1) > 0.0);
        assert!(judgement_strength("RISKS and Warnings", 2) == 1.0);
        assert_eq!(judgement_strength("nevertheless-ish notable", 1), 0.0);
        assert_eq!(judgement_strength("Nevertheless", 1), 1.0);
    }

    #[test]
    fn narrative_is_not() {
        assert_eq!(
            judgement_strength("The ship sailed from the harbour on Tuesday morning.", 3),
            0.0
        );
        assert_eq!(judgement_strength("anything", 0), 0.0);
    }
}
