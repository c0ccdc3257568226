//! Cleaned text that remembers where each of its bytes came from in the source file.
//!
//! Cleaning drops glosses and collapses whitespace, so cleaned offsets drift from source
//! offsets. We record one anchor per contiguous run; a cleaned offset maps back by finding its
//! run. Inside a run every character has the same byte length as the source character it
//! stands for, so offsets map by plain addition. A character that stands for source bytes of
//! another length (an entity, inline code with its backticks, a wide space turned into ' ')
//! gets an anchor of its own that maps to those bytes as a whole.

use std::ops::Range;

/// A start of a run: cleaned offset `clean` corresponds to source offset `source`.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    clean: usize,
    source: usize,
    /// For a lone character standing for `source..end` as a whole, `end`.
    whole_until: Option<usize>,
}

#[derive(Debug, Default)]
pub struct MappedText {
    pub text: String,
    anchors: Vec<Anchor>,
}

impl MappedText {
    /// Room for `bytes` of text, so cleaning a block copies it without growing.
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            anchors: Vec::new(),
        }
    }

    /// Appends `c`, which stands for the source bytes `source`.
    pub fn push(&mut self, c: char, source: Range<usize>) {
        if source.len() == c.len_utf8() {
            self.anchor(source.start, None);
        } else {
            self.anchor(source.start, Some(source.end));
        }
        self.text.push(c);
    }

    /// Appends `text`, which is a verbatim copy of the source bytes starting at `source`.
    pub fn push_str(&mut self, text: &str, source: usize) {
        self.anchor(source, None);
        self.text.push_str(text);
    }

    /// Starts a new run at the end of the text unless the text so far already maps there by
    /// addition.
    fn anchor(&mut self, source: usize, whole_until: Option<usize>) {
        let clean = self.text.len();
        let continues = whole_until.is_none()
            && self
                .anchors
                .last()
                .is_some_and(|a| a.whole_until.is_none() && a.source + (clean - a.clean) == source);
        if !continues {
            self.anchors.push(Anchor {
                clean,
                source,
                whole_until,
            });
        }
    }

    pub fn ends_with_space(&self) -> bool {
        self.text.is_empty() || self.text.ends_with(' ')
    }

    /// Removes trailing spaces (they map nowhere useful).
    pub fn trim_end(&mut self) {
        let len = self.text.trim_end().len();
        self.text.truncate(len);
        while self
            .anchors
            .last()
            .is_some_and(|a| a.clean >= len && len > 0)
        {
            self.anchors.pop();
        }
    }

    fn anchor_of(&self, clean: usize) -> Anchor {
        let i = self.anchors.partition_point(|a| a.clean <= clean) - 1;
        self.anchors[i]
    }

    /// The source byte range of the cleaned range `start..end` (non-empty, on char boundaries).
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last_len = self.text[start..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let first = self.anchor_of(start);
        let s = first.source + (start - first.clean);
        let last_at = end - last_len;
        let last = self.anchor_of(last_at);
        let e = match last.whole_until {
            Some(until) => until,
            None => last.source + (last_at - last.clean) + last_len,
        };
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_across_dropped_bytes() {
        let src = "ab   cd";
        let mut m = MappedText::default();
        for (i, c) in src.char_indices() {
            if c == ' ' && m.ends_with_space() {
                continue;
            }
            m.push(c, i..i + c.len_utf8());
        }
        assert_eq!(m.text, "ab cd");
        assert_eq!(m.source_range(3, 5), (5, 7));
        assert_eq!(m.source_range(0, 5), (0, 7));
    }

    #[test]
    fn a_character_standing_for_longer_source_maps_to_all_of_it() {
        // "x&amp;\u{3000}" cleaned to "x& ": the entity and the wide space each map whole,
        // and text after them continues by addition.
        let mut m = MappedText::default();
        m.push('x', 0..1);
        m.push('&', 1..6);
        m.push(' ', 6..9);
        m.push_str("yz", 9);
        assert_eq!(m.source_range(0, 2), (0, 6));
        assert_eq!(m.source_range(1, 3), (1, 9));
        assert_eq!(m.source_range(3, 5), (9, 11));
        assert_eq!(m.source_range(0, 5), (0, 11));
    }
}
