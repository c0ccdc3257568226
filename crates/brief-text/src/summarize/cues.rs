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

/// How strongly a sentence reads as a judgement: cue count, saturating at `saturation`, 0..1.
pub fn judgement_strength(text: &str, saturation: usize) -> f64 {
    if saturation == 0 {
        return 0.0;
    }
    let mut hits = 0;
    let mut previous = String::new();
    let mut lower = String::new();
    for range in words(text) {
        lower.clear();
        lower.extend(text[range].chars().flat_map(char::to_lowercase));
        if is_cue_word(&lower) || CUE_PAIRS.iter().any(|&(a, b)| previous == a && lower == b) {
            hits += 1;
            if hits >= saturation {
                break;
            }
        }
        std::mem::swap(&mut previous, &mut lower);
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
    fn narrative_is_not() {
        assert_eq!(
            judgement_strength("The ship sailed from the harbour on Tuesday morning.", 3),
            0.0
        );
        assert_eq!(judgement_strength("anything", 0), 0.0);
    }
}
