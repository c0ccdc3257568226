//! Sentence segmentation.
//!
//! sentencex does the hard part (abbreviations such as "U.S." and "Gen.", quoted questions,
//! "U.S.-led"). We add byte ranges trimmed of surrounding whitespace, so callers can map each
//! sentence back to its source bytes.

use std::ops::Range;

/// Splits `text` into sentences and returns their byte ranges, trimmed, in order.
/// Empty and whitespace-only pieces are dropped.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if text.trim().is_empty() {
        return out;
    }
    for b in sentencex::get_sentence_boundaries("en", text) {
        let (start, end) = (b.start_byte, b.end_byte.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let s = start + lead;
        out.push(s..s + trimmed.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        let t = "Gen. Smith met Mr. Jones in the U.S. capital. They spoke about U.S.-led talks.";
        assert_eq!(
            split(t),
            vec![
                "Gen. Smith met Mr. Jones in the U.S. capital.",
                "They spoke about U.S.-led talks."
            ]
        );
    }

    #[test]
    fn ranges_are_trimmed_and_map_back() {
        let t = "  One here.   Two there.  ";
        let r = split_sentences(t);
        assert_eq!(&t[r[0].clone()], "One here.");
        assert_eq!(&t[r[1].clone()], "Two there.");
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split_sentences("   \n ").is_empty());
    }

    #[test]
    fn text_without_punctuation_is_one_sentence() {
        assert_eq!(
            split("no punctuation at all here"),
            vec!["no punctuation at all here"]
        );
    }
}
