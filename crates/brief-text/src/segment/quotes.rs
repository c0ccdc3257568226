//! Quoted and bracketed stretches of a paragraph, inside which a full stop does not end the
//! sentence: in “We will go. They will stay,” he said. the sentence runs to "said.".
//!
//! Only stretches that sit inside a longer sentence bind their sentences together: brackets,
//! and quotations cut off by a comma for the attribution that follows ("…stay,” he said").
//! A quotation that ends with its own full stop ('We were attacked. We are scared.') is split
//! like any other text, so a long quoted passage does not become one sentence.

use std::ops::Range;

use crate::literals::Literals;

/// Byte ranges of the paragraph's closed quotations and brackets, from the opening mark to just
/// past the closing one, sorted by start. A mark that is never closed opens no range: news
/// paragraphs often leave a quotation open when it continues in the next paragraph, and such a
/// quotation must not swallow the rest of the text.
pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    // open marks, innermost last: (closing mark expected, byte offset of the opening mark)
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut straight_double: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut cursor = 0;
    while cursor < bytes.len() {
        // only marks are looked at; every one of them starts with one of these bytes
        match MARK_SEARCH.find_from(bytes, cursor) {
            Some(found) => cursor = found,
            None => break,
        }
        let at = cursor;
        cursor += 1;
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let previous = text[..at].chars().next_back().unwrap_or(' ');
        let next = text[at + c.len_utf8()..].chars().next().unwrap_or(' ');
        let end = at + c.len_utf8();
        match c {
            '“' => open.push(('”', at)),
            '‘' if !previous.is_alphanumeric() => open.push(('’', at)),
            '«' => open.push(('»', at)),
            '(' => open.push((')', at)),
            '[' => open.push((']', at)),
            '”' | '»' | ')' | ']' => close(&mut open, &mut ranges, c, end),
            // an apostrophe inside a word ("don’t") closes nothing
            '’' if !next.is_alphanumeric() => close(&mut open, &mut ranges, c, end),
            '\'' if !previous.is_alphanumeric() && next.is_alphanumeric() => {
                open.push(('\'', at));
            }
            '\'' if !previous.is_whitespace() && !next.is_alphanumeric() => {
                close(&mut open, &mut ranges, c, end);
            }
            '"' => match straight_double.take() {
                Some(start) => ranges.push(start..end),
                None if !previous.is_alphanumeric() || next.is_alphanumeric() => {
                    straight_double = Some(at);
                }
                None => {}
            },
            _ => {}
        }
    }
    ranges.sort_unstable_by_key(|r| r.start);
    ranges
}

/// A vector search for the bytes of [`MARK_START`]: most of a paragraph is none of them.
static MARK_SEARCH: std::sync::LazyLock<Literals> =
    std::sync::LazyLock::new(|| Literals::bytes(&MARK_START));

/// First bytes of the marks [`quoted_ranges`] looks at: ASCII quotes and brackets, and the
/// lead bytes of the UTF-8 encodings of “ ” ‘ ’ (E2) and « » (C2).
static MARK_START: [bool; 256] = {
    let mut table = [false; 256];
    let marks = [b'"', b'\'', b'(', b')', b'[', b']', 0xE2, 0xC2];
    let mut k = 0;
    while k < marks.len() {
        table[marks[k] as usize] = true;
        k += 1;
    }
    table
};

/// The [`quoted_ranges`] that bind: brackets, and quotations whose closing mark comes after a
/// comma, semicolon, colon or dash, or is followed by a comma or a word in lower case.
pub fn binding_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = quoted_ranges(text);
    ranges.retain(|r| {
        let inner = &text[r.clone()];
        if inner.starts_with(['(', '[']) {
            return true;
        }
        let mut body = inner.chars();
        body.next_back();
        let before_close = body.next_back().unwrap_or(' ');
        let after = text[r.end..].trim_start().chars().next().unwrap_or(' ');
        matches!(before_close, ',' | ';' | ':' | '-' | '–' | '—')
            || after == ','
            || after.is_lowercase()
    });
    ranges
}

/// Closes the innermost mark that `closer` closes, dropping any marks opened inside it that
/// were left open (an unbalanced "(" inside a quotation).
fn close(open: &mut Vec<(char, usize)>, ranges: &mut Vec<Range<usize>>, closer: char, end: usize) {
    if let Some(k) = open.iter().rposition(|&(expected, _)| expected == closer) {
        ranges.push(open[k].1..end);
        open.truncate(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quoted_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_curly_straight_and_bracketed_stretches() {
        assert_eq!(
            quoted("He said “go now” and (later) \"stay\"."),
            vec!["“go now”", "(later)", "\"stay\""]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("It’s the players’ day, ‘truly’ it is."),
            vec!["‘truly’"]
        );
    }

    #[test]
    fn straight_single_quotes_pair_around_words_not_inside_them() {
        assert_eq!(
            quoted("'I'd be over the moon,' she said of the fans' song."),
            vec!["'I'd be over the moon,'"]
        );
    }

    #[test]
    fn only_brackets_and_quotations_before_an_attribution_bind() {
        let text = "“We go. They stay,” he said. 'We ran. We hid.' (One. Two.) “Yes”, she said.";
        let binding: Vec<&str> = binding_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(binding, vec!["“We go. They stay,”", "(One. Two.)", "“Yes”"]);
    }

    #[test]
    fn an_unclosed_quotation_opens_no_range() {
        assert!(quoted("“We will go. They will stay.").is_empty());
    }

    #[test]
    fn nested_marks_each_get_a_range() {
        assert_eq!(
            quoted("“One (two) three”"),
            vec!["“One (two) three”", "(two)"]
        );
    }
}
