//! A cheap first look at a sentence: does it contain any word a cue could start with? Most
//! sentences of a long report do not, and skipping them keeps 1 MB well under 100 ms.

use crate::lexicon::{self, bits, contains};
/// Longer than any trigger word, in bytes.
const MAX_TRIGGER_BYTES: usize = 16;

/// Whether `text` may hold a cue: a single trigger word, a word of a cue list, or a pair such
/// as "has to", "had better", "could consider". `extra_first` are the first words of the user's
/// extra cues.
pub(crate) fn might_advise(text: &str, extra_first: &[String]) -> bool {
    let mut previous = String::new();
    let mut word = String::new();
    for range in brief_text::words(text) {
        let raw = &text[range];
        // every trigger word is short; skip long words without lowercasing them
        if raw.len() > MAX_TRIGGER_BYTES {
            previous.clear();
            continue;
        }
        word.clear();
        if raw.is_ascii() {
            word.push_str(raw);
            word.make_ascii_lowercase();
        } else {
            word.extend(
                raw.chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c }),
            );
        }
        let w = word.as_str();
        let p = previous.as_str();
        let hit = lexicon::word_bits(w) & bits::TRIGGER != 0
            || (w == "to" && matches!(p, "has" | "have" | "need" | "needs" | "ought"))
            || (w == "for" && contains(lexicon::FOR_VERBS, p))
            || (p == "had" && w == "better")
            || (p == "would" && matches!(w, "do" | "be"))
            || (matches!(p, "could" | "may" | "might")
                && matches!(w, "consider" | "want" | "wish"))
            || extra_first.iter().any(|e| e == w);
        if hit {
            return true;
        }
        std::mem::swap(&mut previous, &mut word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_words_and_pairs_trigger() {
        for text in [
            "They should act.",
            "The Navy has to act.",
            "Congress may wish to act.",
            "RAND strongly warns against it.",
            "Experts urge restraint.",
            "It is essential for allies to act.",
            "It would be a mistake to act.",
        ] {
            assert!(might_advise(text, &[]), "{text}");
        }
    }

    #[test]
    fn plain_sentences_do_not() {
        assert!(!might_advise(
            "The agency processed the claims in the order they arrived.",
            &[]
        ));
        assert!(!might_advise("They have two ships and may sail.", &[]));
    }

    #[test]
    fn extra_cue_words_trigger() {
        assert!(might_advise("We propose that X.", &["propose".to_string()]));
    }
}
