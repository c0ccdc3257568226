//! Turns a block into the text a reader should see, keeping the map back to source bytes.
//!
//! Scraped news carries artifacts that would otherwise reach the brief: bracketed glosses left
//! behind by tooltips ("C2. [command and control] “Reform…"), closing quotes glued to the next
//! sentence, control and bidi characters. We drop or repair them here, once, so every plugin
//! sees the same clean sentences.

use std::ops::Range;

use crate::blocks::Block;
use crate::mapped::MappedText;

pub fn clean_block(block: &Block) -> MappedText {
    let mut out = MappedText::with_capacity(block.pieces.iter().map(|p| p.text.len()).sum());
    for piece in &block.pieces {
        let drops = gloss_ranges(&piece.text);
        let text = piece.text.as_str();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            // Fast path: a run of printable ASCII that needs no repair is copied as is. Runs
            // stop at `[` (where glosses start), at anything non-ASCII or control, and at a
            // space that would not be kept as a single space.
            if piece.exact && !(bytes[i] == b' ' && out.ends_with_space()) {
                let run = plain_run(bytes, i);
                if run > 0 {
                    out.push_str(&text[i..i + run], piece.source + i);
                    i += run;
                    continue;
                }
            }
            let c = text[i..].chars().next().expect("i is on a char boundary");
            // An inexact piece (an entity, an escape, inline code) does not match its bytes
            // character for character, so each of its characters stands for all of them.
            let source = if piece.exact {
                piece.source + i..piece.source + i + c.len_utf8()
            } else {
                piece.source..piece.source_end
            };
            // the opening bracket of a gloss becomes a space, so "C2.[gloss]“Next" still
            // separates; the rest of the gloss is dropped
            if let Some(gloss) = drops.iter().find(|r| r.start == i) {
                if !out.ends_with_space() {
                    out.push(' ', source.clone());
                }
                i = gloss.end;
                continue;
            }
            i += c.len_utf8();
            if c.is_whitespace() {
                if !out.ends_with_space() {
                    out.push(' ', source.clone());
                }
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            // a closing quote at the start of a word is an opening quote the scraper mangled
            let next_is_letter = text[i..].chars().next().is_some_and(char::is_alphabetic);
            let c = match c {
                '”' if out.ends_with_space() && next_is_letter => '“',
                _ => c,
            };
            out.push(c, source);
        }
    }
    out.trim_end();
    out
}

/// Whether the byte `b` ends a run that can be copied as is: anything but printable ASCII, a
/// `[`, or a space that is not a single space (`space_next`: white space or the end follows).
/// Without short-circuits, so a block of these tests vectorizes.
fn ends_plain_run(b: u8, space_next: bool) -> bool {
    !(0x20..=0x7E).contains(&b) | (b == b'[') | ((b == b' ') & space_next)
}

/// [`ends_plain_run`] for the byte at `j`.
fn ends_plain_run_at(bytes: &[u8], j: usize) -> bool {
    ends_plain_run(
        bytes[j],
        bytes.get(j + 1).is_none_or(u8::is_ascii_whitespace),
    )
}

/// Length of the run of bytes from `from` that [`clean_block`] copies as is.
fn plain_run(bytes: &[u8], from: usize) -> usize {
    const BLOCK: usize = 32;
    let mut at = from;
    // Whole blocks first, each tested with a reduction the compiler vectorizes (a run is
    // usually a paragraph long, so a byte-at-a-time search was the largest cost of cleaning).
    while at + BLOCK < bytes.len() {
        let block = &bytes[at..at + BLOCK];
        let next = &bytes[at + 1..at + BLOCK + 1];
        let ends = block.iter().zip(next).fold(false, |ends, (&b, &n)| {
            ends | ends_plain_run(b, n.is_ascii_whitespace())
        });
        if ends {
            break;
        }
        at += BLOCK;
    }
    let rest = (at..bytes.len()).position(|j| ends_plain_run_at(bytes, j));
    at + rest.unwrap_or(bytes.len() - at) - from
}

/// Control characters, bidi overrides and zero-width characters carry no text and can be used
/// to disguise it; they never reach the brief.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Byte ranges of bracketed glosses to drop, brackets included.
///
/// A gloss is a short bracketed run of words (no digits, so citations like "[12]" stay) that
/// either follows the end of a sentence, is glued to the next word, or spells out an acronym
/// just before it ("The PLA has [People's Liberation Army]"). Editorial insertions inside
/// quotes ("[the alliance] is strong") match none of these and are kept.
fn gloss_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| i + from) {
        let Some(close) = text[open + 1..].find(']').map(|i| i + open + 1) else {
            break;
        };
        from = close + 1;
        let inner = &text[open + 1..close];
        let words: Vec<&str> = inner.split_whitespace().collect();
        let wordy = !words.is_empty()
            && words.len() <= 8
            && inner
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '\'' | '’' | '-'));
        if !wordy {
            continue;
        }
        let before = text[..open].trim_end();
        let after_sentence =
            before.ends_with(['.', '!', '?']) || before.ends_with(".”") || before.ends_with(".\"");
        let glued = text[close + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || matches!(c, '”' | '“' | '"'));
        if after_sentence || glued || expands_recent_acronym(before, &words) {
            out.push(open..close + 1);
        }
    }
    out
}

fn expands_recent_acronym(before: &str, words: &[&str]) -> bool {
    let initials: String = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    if initials.chars().count() < 2 {
        return false;
    }
    before
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == initials)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::Piece;
    use brief_core::ParagraphKind;

    fn clean(text: &str) -> String {
        let block = Block {
            kind: ParagraphKind::Body,
            span: 0..text.len(),
            pieces: vec![Piece {
                text: text.into(),
                source: 0,
                source_end: text.len(),
                exact: true,
            }],
        };
        clean_block(&block).text
    }

    #[test]
    fn plain_runs_end_where_the_byte_scan_ends_them() {
        let text = "A plain run of words that goes on past one block.  Then a double space, \
                    [a gloss] and “quotes”, a tab\there and a final space ";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            let want = (from..bytes.len())
                .position(|j| ends_plain_run_at(bytes, j))
                .unwrap_or(bytes.len() - from);
            assert_eq!(plain_run(bytes, from), want, "from {from}");
        }
    }

    #[test]
    fn drops_gloss_after_sentence_end_and_repairs_glued_quote() {
        assert_eq!(
            clean("joint C3. [command and control]”As a result, it failed,” she said."),
            "joint C3. “As a result, it failed,” she said."
        );
    }

    #[test]
    fn drops_gloss_that_spells_out_an_acronym() {
        assert_eq!(
            clean("The WHO has [World Health Organization] sent staff."),
            "The WHO has sent staff."
        );
    }

    #[test]
    fn keeps_editorial_insertions_and_citations() {
        assert_eq!(
            clean("“[The plan] will work,” she said [12]."),
            "“[The plan] will work,” she said [12]."
        );
    }

    #[test]
    fn removes_bidi_overrides_and_collapses_whitespace() {
        assert_eq!(clean("a\u{202E}b \t\n c\u{0007}"), "ab c");
    }

    #[test]
    fn cleaned_offsets_map_to_source() {
        let src = "Alpha. [some gloss] Beta  gamma.";
        let block = Block {
            kind: ParagraphKind::Body,
            span: 0..src.len(),
            pieces: vec![Piece {
                text: src.into(),
                source: 0,
                source_end: src.len(),
                exact: true,
            }],
        };
        let m = clean_block(&block);
        assert_eq!(m.text, "Alpha. Beta gamma.");
        let b = m.text.find("Beta").unwrap();
        let (s, e) = m.source_range(b, m.text.len());
        assert_eq!(&src[s..e], "Beta  gamma.");
    }
}
