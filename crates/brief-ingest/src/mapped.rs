//! Cleaned text that remembers where each of its bytes came from in the source file.
//!
//! Cleaning drops glosses and collapses whitespace, so cleaned offsets drift from source
//! offsets. We record one anchor per contiguous run; a cleaned offset maps back by finding its
//! run. Every emitted character has the same byte length as the source character it stands for,
//! so offsets inside a run map by plain addition.

/// A start of a run: cleaned offset `clean` corresponds to source offset `source`.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    clean: usize,
    source: usize,
}

#[derive(Debug, Default)]
pub struct MappedText {
    pub text: String,
    anchors: Vec<Anchor>,
}

impl MappedText {
    /// Appends `c`, which stands for the source character at `source`.
    pub fn push(&mut self, c: char, source: usize) {
        let clean = self.text.len();
        let continues = self
            .anchors
            .last()
            .is_some_and(|a| a.source + (clean - a.clean) == source);
        if !continues {
            self.anchors.push(Anchor { clean, source });
        }
        self.text.push(c);
    }

    /// Appends `text`, which is a verbatim copy of the source bytes starting at `source`.
    pub fn push_str(&mut self, text: &str, source: usize) {
        let clean = self.text.len();
        let continues = self
            .anchors
            .last()
            .is_some_and(|a| a.source + (clean - a.clean) == source);
        if !continues {
            self.anchors.push(Anchor { clean, source });
        }
        self.text.push_str(text);
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

    fn source_of(&self, clean: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.clean <= clean) - 1;
        let a = self.anchors[i];
        a.source + (clean - a.clean)
    }

    /// The source byte range of the cleaned range `start..end` (non-empty, on char boundaries).
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.text[start..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let s = self.source_of(start);
        let e = self.source_of(end - last) + last;
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
            m.push(c, i);
        }
        assert_eq!(m.text, "ab cd");
        assert_eq!(m.source_range(3, 5), (5, 7));
        assert_eq!(m.source_range(0, 5), (0, 7));
    }
}
