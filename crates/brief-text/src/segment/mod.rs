//! Sentence segmentation for English prose: news, reports, analysis.
//!
//! A sentence ends at a terminator (`.`, `!`, `?`, an ellipsis, or a full-width `。！？`) with
//! its closing quotes and brackets, followed by white space and a word that does not start in
//! lower case. A full stop does not end a sentence after a title ("Gen."), a name initial ("J.
//! K. Rowling"), a list number at the start of a sentence ("1."), or another abbreviation
//! ("Inc.", "U.S.", "a.m.") unless the next word is a common sentence opener; nor does any
//! terminator inside brackets or inside a quotation followed by its attribution (see
//! [`quotes`]). A blank line always ends a sentence, and so does a capitalised article or
//! pronoun glued to a word in lower case, where a caption lost its full stop (see [`glued`]).
//!
//! We used to call the sentencex crate, which handles many languages. On our English sources
//! nine in ten of its sentences come out the same here, and most of the rest were its mistakes
//! on news text (see `docs/bench/summary.md`), but it took most of the time of summarizing a
//! news article, compiling its regular expressions once per process and matching several of
//! them over every paragraph; this is one pass over the bytes.
//!
//! Ranges are trimmed of surrounding white space, so callers can map each sentence back to its
//! source bytes.

mod abbreviations;
mod glued;
mod quotes;

use std::ops::Range;

use crate::literals::Literals;

pub use glued::glue_points;
pub use quotes::{binding_ranges, quoted_ranges};

/// Splits `text` into sentences and returns their byte ranges, trimmed, in order.
/// Empty and whitespace-only pieces are dropped.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    // news sentences run to about 150 bytes
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let bytes = text.as_bytes();
    let mut quoted: Option<Quoted> = None;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // most bytes are ordinary letters: find the next one that can matter in a tight loop
        match MAY_END_SEARCH.find_from(bytes, i) {
            Some(found) => i = found,
            None => break,
        }
        let b = bytes[i];
        let terminator_len = match b {
            b'.' | b'!' | b'?' => 1,
            b'\n' => {
                if let Some(end) = blank_line_after(bytes, i) {
                    push_trimmed(text, start..i, &mut out);
                    start = end;
                    i = end;
                } else {
                    i += 1;
                }
                continue;
            }
            0xE2 | 0xE3 | 0xEF => terminator_at(text, i).map_or(0, |(len, _)| len),
            _ => 0,
        };
        if terminator_len == 0 {
            i += 1;
            continue;
        }
        let cluster = Cluster::at(text, i);
        i = cluster.end;
        if !(cluster.full_width || i == bytes.len() || next_char(text, i).is_whitespace()) {
            continue;
        }
        let next = text[i..].trim_start();
        if next.is_empty() {
            break;
        }
        if !ends_sentence(text, start, &cluster, next) {
            continue;
        }
        let quoted = quoted.get_or_insert_with(|| Quoted::new(text));
        if quoted.inside(cluster.start, cluster.end) {
            continue;
        }
        push_trimmed(text, start..cluster.end, &mut out);
        start = cluster.end;
    }
    push_trimmed(text, start..bytes.len(), &mut out);
    out
}

/// Bytes that may end a sentence: ASCII terminators, a line break, and the first bytes of the
/// UTF-8 encodings of "…" (E2) and the full-width "。" (E3) and "！？" (EF).
static MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = [b'.', b'!', b'?', b'\n', 0xE2, 0xE3, 0xEF];
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// A vector search for the bytes of [`MAY_END`]: most of a paragraph is none of them.
static MAY_END_SEARCH: std::sync::LazyLock<Literals> =
    std::sync::LazyLock::new(|| Literals::bytes(&MAY_END));

/// Pushes `range` trimmed of white space, unless nothing is left, split where a caption without
/// a full stop was glued to the next sentence (see [`glued`]).
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start();
    let start = range.start + piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return;
    }
    let mut from = 0;
    for at in glue_points(trimmed) {
        out.push(start + from..start + at);
        from = at + 1;
    }
    out.push(start + from..start + trimmed.len());
}

/// When the line break at `at` begins a blank line, the offset just past it.
fn blank_line_after(bytes: &[u8], at: usize) -> Option<usize> {
    let mut j = at + 1;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
        j += 1;
    }
    (j < bytes.len() && bytes[j] == b'\n').then_some(j + 1)
}

fn next_char(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or(' ')
}

/// A non-ASCII terminator starting at `at`: its length in bytes and whether it is full width
/// (ends a sentence without a following space).
fn terminator_at(text: &str, at: usize) -> Option<(usize, bool)> {
    match text[at..].chars().next()? {
        '…' => Some(('…'.len_utf8(), false)),
        c @ ('。' | '！' | '？') => Some((c.len_utf8(), true)),
        _ => None,
    }
}

/// A run of terminators and the closing quotes and brackets after them: `.`, `?!`, `...”`, `.)`.
struct Cluster {
    start: usize,
    end: usize,
    /// Exactly one `.`: the only terminator that abbreviations and initials also use.
    single_period: bool,
    full_width: bool,
}

impl Cluster {
    fn at(text: &str, start: usize) -> Cluster {
        let bytes = text.as_bytes();
        let mut end = start;
        let mut periods = 0;
        let mut terminators = 0;
        let mut full_width = false;
        loop {
            match bytes.get(end) {
                Some(b'.') => {
                    periods += 1;
                    terminators += 1;
                    end += 1;
                }
                Some(b'!' | b'?') => {
                    terminators += 1;
                    end += 1;
                }
                Some(_) => match terminator_at(text, end) {
                    Some((len, wide)) => {
                        full_width |= wide;
                        terminators += 1;
                        end += len;
                    }
                    None => break,
                },
                None => break,
            }
        }
        while let Some(c) = text[end..].chars().next() {
            if matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        Cluster {
            start,
            end,
            single_period: periods == 1 && terminators == 1,
            full_width,
        }
    }
}

/// Whether the terminator `cluster` ends the sentence that began at `start`, given the text
/// after it (`next`, white space skipped, not empty). Quotations are checked by the caller.
fn ends_sentence(text: &str, start: usize, cluster: &Cluster, next: &str) -> bool {
    // a mark standing alone, such as what is left of Markdown's image syntax ("fund ! (url)")
    if text[..cluster.start].ends_with(char::is_whitespace) {
        return false;
    }
    let first = next.chars().next().unwrap_or(' ');
    let word = word_before(&text[start..cluster.start]);
    if first.is_lowercase() {
        // "“Why?” he asked", "wait… and see", "approx. five": the sentence goes on. But a full
        // stop after an ordinary word, then lower case, is a fragment of scraped text starting
        // ("…the report said. report A report on…"): edited prose does not do that.
        return cluster.single_period && is_ordinary_word(word);
    }
    if !cluster.single_period {
        return true;
    }
    if word.is_empty() {
        return true;
    }
    if abbreviations::is_title(word) {
        return false;
    }
    let next_word = leading_word(next);
    let opens_sentence = abbreviations::is_starter(next_word) || is_opening_mark(first);
    if is_initial(word) || abbreviations::is_other(word) {
        return opens_sentence;
    }
    // "1. First item": a number that is the whole of the sentence so far is a list marker
    if word.bytes().all(|b| b.is_ascii_digit()) && text[start..cluster.start].trim() == word {
        return false;
    }
    true
}

/// The token just before a full stop, without the opening quotes or brackets in front of it.
fn word_before(head: &str) -> &str {
    let token = head.rsplit(char::is_whitespace).next().unwrap_or_default();
    token.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// The first word of `text`, without trailing punctuation.
fn leading_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .unwrap_or(text.len());
    &text[..end]
}

/// A word of three or more letters that is not an abbreviation.
fn is_ordinary_word(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && !abbreviations::is_title(word)
        && !abbreviations::is_other(word)
}

/// One capital letter: a name initial such as the "K" of "J. K. Rowling".
fn is_initial(word: &str) -> bool {
    word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase()
}

fn is_opening_mark(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[' | '«')
}

/// The quoted stretches of a paragraph, found only once a full stop needs them.
struct Quoted {
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// Ranges that start at or before the last cluster looked at, and that end by it.
    started: usize,
    ended: usize,
}

impl Quoted {
    fn new(text: &str) -> Quoted {
        let ranges = binding_ranges(text);
        let starts = ranges.iter().map(|r| r.start).collect();
        let mut ends: Vec<usize> = ranges.iter().map(|r| r.end).collect();
        ends.sort_unstable();
        Quoted {
            starts,
            ends,
            started: 0,
            ended: 0,
        }
    }

    /// True when a quotation or bracket opened before `start` is still open after `end`.
    /// Clusters come in text order, so both cursors only move forward.
    fn inside(&mut self, start: usize, end: usize) -> bool {
        while self.started < self.starts.len() && self.starts[self.started] <= start {
            self.started += 1;
        }
        while self.ended < self.ends.len() && self.ends[self.ended] <= end {
            self.ended += 1;
        }
        self.started > self.ended
    }
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
    fn a_detached_exclamation_mark_does_not_end_the_sentence() {
        assert_eq!(
            split("The mayor should fund ! (https://example.invalid/a.png) for every street."),
            vec!["The mayor should fund ! (https://example.invalid/a.png) for every street."]
        );
    }

    #[test]
    fn abbreviations_initials_and_list_numbers_do_not_end_sentences() {
        assert_eq!(
            split("Sen. Ann Lee met J. K. Rowling at 9 a.m. on Friday. 1. The first item."),
            vec![
                "Sen. Ann Lee met J. K. Rowling at 9 a.m. on Friday.",
                "1. The first item."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_the_sentence_before_a_sentence_opener() {
        assert_eq!(
            split(
                "Talks were held in the U.S. The next round is in Oslo. Smith & Co. Ltd. agreed."
            ),
            vec![
                "Talks were held in the U.S.",
                "The next round is in Oslo.",
                "Smith & Co. Ltd. agreed."
            ]
        );
    }

    #[test]
    fn a_quotation_before_its_attribution_stays_in_one_sentence() {
        assert_eq!(
            split("“We will go. They will stay,” he said. ‘We ran. We hid.’ Then it ended."),
            vec![
                "“We will go. They will stay,” he said.",
                "‘We ran.",
                "We hid.’",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn lower_case_after_a_stop_continues_and_blank_lines_break() {
        assert_eq!(
            split("Prices rose 3.5 per cent in May… and fell, i.e. twice\n\nNew paragraph"),
            vec![
                "Prices rose 3.5 per cent in May… and fell, i.e. twice",
                "New paragraph"
            ]
        );
    }

    #[test]
    fn a_scraped_fragment_in_lower_case_starts_a_sentence() {
        assert_eq!(
            split("He studied at Rutgers University. twitter and LinkedIn."),
            vec!["He studied at Rutgers University.", "twitter and LinkedIn."]
        );
    }

    #[test]
    fn full_width_stops_end_sentences_without_a_space() {
        assert_eq!(
            split("今日は晴れ。明日は雨。"),
            vec!["今日は晴れ。", "明日は雨。"]
        );
    }

    #[test]
    fn a_caption_glued_to_a_sentence_is_split_off() {
        let t = "Shooter: Terry Martin, 48, pictured in 2012 A man who won $500 shot his girlfriend. He fled.";
        assert_eq!(
            split(t),
            vec![
                "Shooter: Terry Martin, 48, pictured in 2012",
                "A man who won $500 shot his girlfriend.",
                "He fled."
            ]
        );
    }

    #[test]
    fn capitalised_words_inside_a_sentence_are_not_glue() {
        for t in [
            "He read it in The Times on Monday morning.",
            "She said that I would be late again today.",
            "Plan A is cheaper than the others.",
            "They met at the office In Bloom last year.",
            "Bell played when England A beat France A in the final.",
            "She was known for her roles in the Carry On films.",
        ] {
            assert_eq!(split(t), vec![t], "{t}");
        }
        // too short to be a caption on its own
        assert_eq!(
            split("Big day The crowd cheered all afternoon."),
            vec!["Big day The crowd cheered all afternoon."]
        );
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
