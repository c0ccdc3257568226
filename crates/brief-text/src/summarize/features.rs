//! Surface features of one sentence: length, quotation, questions, boilerplate, and openings
//! that only make sense after the previous sentence. They become penalties in the score.

use std::sync::LazyLock;

use crate::literals::Literals;

/// What the summarizer notices about a sentence's form, independent of its topic.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SurfaceFeatures {
    /// Whitespace-separated words (the unit ROUGE word budgets count).
    pub words: usize,
    /// Share of the sentence's characters inside quotation marks, 0..1.
    pub quoted: f64,
    pub question: bool,
    pub boilerplate: bool,
    /// Opens with a pronoun or connective that refers back to earlier text.
    pub dangling: bool,
    /// Opens with a lowercase letter: a piece of a sentence (scraped link text, a split gone
    /// wrong), not a sentence.
    pub fragment: bool,
}

impl SurfaceFeatures {
    pub fn of(text: &str) -> Self {
        let scan = ByteScan::of(text.as_bytes());
        let words = if scan.ascii {
            scan.ascii_words
        } else {
            text.split_whitespace().count()
        };
        Self {
            words,
            quoted: if scan.marks {
                quoted_share_of(text, scan.ascii)
            } else {
                0.0
            },
            question: is_question(text),
            boilerplate: is_boilerplate(text),
            dangling: opens_dangling(text),
            fragment: text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_lowercase),
        }
    }
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '«' | '„')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '»' | '“')
}

/// Share of characters inside quotation marks. A quote mark opens at the start of the text or
/// after a space or bracket, and closes before a space, punctuation or the end; an apostrophe
/// inside a word ("don’t", "Russia’s") does neither.
pub fn quoted_share(text: &str) -> f64 {
    quoted_share_of(text, text.is_ascii())
}

/// What a sentence's bytes tell at a glance: whether it is ASCII, whether it has a byte that
/// may start a quotation mark, and its word count were it ASCII. Each is a plain reduction over
/// the bytes, written so the compiler turns it into vector compares: byte-at-a-time scans with
/// early exits were half the cost of a sentence's surface features.
struct ByteScan {
    ascii: bool,
    marks: bool,
    ascii_words: usize,
}

impl ByteScan {
    fn of(bytes: &[u8]) -> Self {
        // `char::is_whitespace` for ASCII: \t, \n, \x0B, \x0C, \r and space
        let space = |b: u8| (b == b' ') | (b.wrapping_sub(b'\t') < 5);
        let (mut high, mut marks) = (0u8, false);
        for &b in bytes {
            high |= b;
            marks |= is_mark_byte(b);
        }
        // a word starts at a non-space that opens the text or follows a space
        let mut words = usize::from(bytes.first().is_some_and(|&b| !space(b)));
        let (before, at) = (
            &bytes[..bytes.len().saturating_sub(1)],
            bytes.get(1..).unwrap_or(&[]),
        );
        // counted in u8 lanes, so at most 255 pairs at a time
        for (before, at) in before.chunks(255).zip(at.chunks(255)) {
            let starts = before
                .iter()
                .zip(at)
                .map(|(&a, &b)| u8::from(space(a) & !space(b)))
                .fold(0u8, u8::wrapping_add);
            words += usize::from(starts);
        }
        Self {
            ascii: high < 0x80,
            marks,
            ascii_words: words,
        }
    }
}

/// Every quotation mark is ASCII or starts with the byte 0xC2 (« ») or 0xE2 (“ ” ‘ ’ „).
fn is_mark_byte(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// [`quoted_share`] when the caller already knows whether `text` is ASCII (then characters
/// are bytes and need no counting).
fn quoted_share_of(text: &str, ascii: bool) -> f64 {
    // Only the bytes that may start a mark are looked at, found by a vector search; the
    // characters between marks are counted in bulk. No mark's first byte is ever inside
    // another character, so visiting every candidate in order is exact.
    static MARKS: LazyLock<Literals> =
        LazyLock::new(|| Literals::bytes(&std::array::from_fn(|b| is_mark_byte(b as u8))));
    quoted_share_at(text, ascii, MARKS.starts(text.as_bytes()))
}

/// [`quoted_share_of`] given the byte offsets, in order, of every possible mark.
fn quoted_share_at(text: &str, ascii: bool, candidates: impl Iterator<Item = usize>) -> f64 {
    let chars = |s: &str| if ascii { s.len() } else { s.chars().count() };
    let total = chars(text);
    let mut quoted = 0usize;
    // byte offset just past the mark that opened the quotation we are in
    let mut open: Option<usize> = None;
    for p in candidates {
        let Some(c) = text[p..].chars().next() else {
            break;
        };
        let at = p + c.len_utf8();
        let before = text[..p].chars().next_back();
        let after = text[at..].chars().next();
        match open {
            Some(start) => {
                let closes_here = is_closing_quote(c)
                    && before.is_some_and(|b| !b.is_whitespace())
                    && after
                        .is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation() || a == '—');
                if closes_here {
                    quoted += chars(&text[start..p]);
                    open = None;
                }
            }
            None => {
                let opens_here = is_opening_quote(c)
                    && before.is_none_or(|b| {
                        b.is_whitespace() || matches!(b, '(' | '[' | '—' | '-' | ':')
                    })
                    && after.is_some_and(|a| !a.is_whitespace());
                if opens_here {
                    open = Some(at);
                }
            }
        }
    }
    if let Some(start) = open {
        quoted += chars(&text[start..]);
    }
    if total == 0 {
        0.0
    } else {
        quoted as f64 / total as f64
    }
}

fn is_question(text: &str) -> bool {
    let trimmed =
        text.trim_end_matches(|c: char| is_closing_quote(c) || c.is_whitespace() || c == ')');
    trimmed.ends_with('?')
}

/// Phrases of page furniture, not of an article: navigation, sharing, credits, copyright.
/// Lowercase: a sentence is ASCII-lowercased before the match, which is the same as matching
/// these case-insensitively in ASCII (the phrases are ASCII but for ©, which has no case). A
/// packed (SIMD) multi-literal search over the lowercased bytes is several times cheaper than a
/// case-folding automaton, and cheaper than a regex around the same literals.
const BOILERPLATE_PHRASES: &[&str] = &[
    "all rights reserved",
    "click here",
    "copyright ©",
    "follow us on",
    "for more information",
    "getty images",
    "last updated",
    "newsletter",
    "privacy policy",
    "published:",
    "read more:",
    "scroll down",
    "share this",
    "sign up for",
    "subscribe to",
    "terms of use",
    "updated:",
    "watch the video",
];

static BOILERPLATE: LazyLock<Literals> = LazyLock::new(|| Literals::new(BOILERPLATE_PHRASES));

fn is_boilerplate(text: &str) -> bool {
    // Sentences are short; a stack buffer avoids an allocation for nearly all of them.
    let mut buffer = [0u8; 512];
    let bytes = text.as_bytes();
    if bytes.len() <= buffer.len() {
        let lower = &mut buffer[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        return BOILERPLATE.find_from(lower, 0).is_some();
    }
    BOILERPLATE
        .find_from(&bytes.to_ascii_lowercase(), 0)
        .is_some()
}

/// First words that point back at something the reader of a lone sentence has not seen.
const DANGLING_OPENERS: &[&str] = &[
    "also",
    "and",
    "but",
    "he",
    "her",
    "his",
    "however",
    "it",
    "its",
    "meanwhile",
    "she",
    "so",
    "that",
    "their",
    "these",
    "they",
    "this",
    "those",
    "thus",
];

fn opens_dangling(text: &str) -> bool {
    let first = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    first.len() <= 8
        && DANGLING_OPENERS
            .iter()
            .any(|opener| opener.eq_ignore_ascii_case(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangling_list_is_sorted() {
        assert!(DANGLING_OPENERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_full_quote_is_quoted_an_apostrophe_is_not() {
        assert!(quoted_share("“We will win,” he said.") > 0.5);
        assert!(quoted_share("‘I’d be over the moon,’ said Locke.") > 0.5);
        assert_eq!(quoted_share("Russia’s army didn’t move."), 0.0);
    }

    #[test]
    fn the_mark_search_visits_the_marks_a_byte_scan_finds() {
        for text in [
            "“We will win,” he said.",
            "«Nous partons», dit-il, “and ‘soon’” — 'fine'.",
            "A\u{a0}“quoted” phrase and Russia’s army.",
            "\"Plain\" 'ASCII' quotes.",
        ] {
            let ascii = text.is_ascii();
            let scan = text.bytes().enumerate().filter(|(_, b)| is_mark_byte(*b));
            let by_scan = quoted_share_at(text, ascii, scan.map(|(i, _)| i));
            assert_eq!(quoted_share(text), by_scan, "{text}");
            assert!(by_scan > 0.0, "{text}");
        }
    }

    #[test]
    fn a_short_quoted_phrase_is_a_small_share() {
        let share = quoted_share(
            "Exercises were described as “parallel rather than joint” by the authors of the long study.",
        );
        assert!(share > 0.1 && share < 0.5, "{share}");
    }

    #[test]
    fn questions_are_found_even_inside_quotes() {
        assert!(is_question("Is this the end?"));
        assert!(is_question("He asked: “Is this the end?”"));
        assert!(!is_question("This is the end."));
    }

    #[test]
    fn boilerplate_and_dangling_openers() {
        assert!(SurfaceFeatures::of("Scroll down for video.").boilerplate);
        assert!(!SurfaceFeatures::of("The army scrolled nothing.").boilerplate);
        assert!(SurfaceFeatures::of("But the talks failed.").dangling);
        assert!(SurfaceFeatures::of("“They left,” she said.").dangling);
        assert!(!SurfaceFeatures::of("The talks failed.").dangling);
        assert!(SurfaceFeatures::of("report A report on the talks.").fragment);
        assert!(!SurfaceFeatures::of("“Report” is a word.").fragment);
    }

    #[test]
    fn word_count_matches_split_whitespace() {
        for text in [
            "",
            " a  b\tc\n",
            "x",
            "\x0b\x0cy\rz ",
            "naïve  café\u{a0}bar",
            " \u{3000}q",
        ] {
            assert_eq!(
                SurfaceFeatures::of(text).words,
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        // words and spaces across the 255-pair chunks of the scan, cut at every length
        let long: String = (0..300)
            .map(|i| if i % 7 == 0 || i % 11 == 3 { ' ' } else { 'w' })
            .collect();
        for end in 0..long.len() {
            let text = &long[..end];
            assert_eq!(
                SurfaceFeatures::of(text).words,
                text.split_whitespace().count(),
                "{end}"
            );
        }
    }

    #[test]
    fn boilerplate_ignores_ascii_case_even_in_long_sentences() {
        assert!(is_boilerplate("CLICK HERE for more"));
        assert!(is_boilerplate("Copyright © 2024 Example"));
        assert!(is_boilerplate(&format!(
            "{} Scroll Down",
            "word ".repeat(200)
        )));
        assert!(!is_boilerplate("Ünïcödé text without furniture"));
    }

    #[test]
    fn words_count_whitespace_separated_pieces() {
        assert_eq!(SurfaceFeatures::of("One two  three.").words, 3);
        assert_eq!(SurfaceFeatures::of("").words, 0);
    }
}
