//! A sentence as a list of words, each knowing the punctuation before it and whether it sits
//! inside a quotation. The rules look at words and these marks only; they never parse.

use std::ops::Range;

/// Punctuation found between two words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Gap {
    pub comma: bool,
    /// A clause break: `;`, `:`, a dash, a bracket, or sentence punctuation left inside the
    /// sentence by the splitter.
    pub clause: bool,
    pub quote_open: bool,
    pub quote_close: bool,
    pub question: bool,
}

impl Gap {
    /// Any break a noun phrase cannot cross.
    pub fn breaks(&self) -> bool {
        self.comma || self.clause || self.quote_open || self.quote_close
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Lowercase, with typographic apostrophes made straight.
    pub lower: String,
    /// Byte range in the sentence text.
    pub range: Range<usize>,
    /// First letter is upper case.
    pub capitalized: bool,
    /// Every letter is upper case and there are at least two (an acronym such as "RAND").
    pub acronym: bool,
    pub in_quote: bool,
    /// Punctuation between the previous word (or the sentence start) and this one.
    pub before: Gap,
}

/// The words of one sentence plus what follows the last word.
#[derive(Debug, Clone)]
pub(crate) struct Words<'a> {
    pub text: &'a str,
    pub words: Vec<Word>,
    /// Punctuation after the last word.
    pub tail: Gap,
    /// Whether a quotation is still open at the end of the sentence.
    pub ends_in_quote: bool,
}

const QUOTES: &[char] = &['"', '“', '”', '«', '»', '„'];

/// Whether a quote mark at `at` opens a quotation. Scraped text mixes up curly quotes
/// (`]”As a result`), so direction comes from position: a mark glued to the next word, or
/// standing after a space, opens; a mark glued to the previous word or punctuation closes.
fn opens_quote(text: &str, at: usize, mark: char) -> bool {
    let next = text[at + mark.len_utf8()..].chars().next();
    if next.is_some_and(char::is_alphanumeric) {
        return true;
    }
    let prev = text[..at].chars().next_back();
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'),
    }
}

/// Reads the punctuation in `text[range]`, updating the open-quote state.
fn read_gap(text: &str, range: Range<usize>, in_quote: &mut bool) -> Gap {
    let mut gap = Gap::default();
    for (offset, c) in text[range.clone()].char_indices() {
        match c {
            ',' => gap.comma = true,
            ';' | ':' | '—' | '–' | '(' | ')' | '[' | ']' | '.' | '!' => gap.clause = true,
            '?' => {
                gap.clause = true;
                gap.question = true;
            }
            '-' => {
                // a spaced hyphen is a dash; an unspaced one was kept inside the word
                gap.clause = true;
            }
            c if QUOTES.contains(&c) => {
                if opens_quote(text, range.start + offset, c) {
                    gap.quote_open = true;
                    *in_quote = true;
                } else {
                    gap.quote_close = true;
                    *in_quote = false;
                }
            }
            _ => {}
        }
    }
    gap
}

impl<'a> Words<'a> {
    /// Splits `text` into words. `starts_in_quote` carries a quotation opened by an earlier
    /// sentence of the same paragraph.
    pub fn new(text: &'a str, starts_in_quote: bool) -> Self {
        let mut words = Vec::new();
        let mut in_quote = starts_in_quote;
        let mut last_end = 0;
        for range in brief_text::words(text) {
            let before = read_gap(text, last_end..range.start, &mut in_quote);
            if before.quote_close && !starts_in_quote && !words.iter().any(|w: &Word| w.in_quote) {
                // a closing mark with no opening one: the sentence began inside a quotation
                for w in &mut words {
                    w.in_quote = true;
                }
            }
            let raw = &text[range.clone()];
            let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
            words.push(Word {
                lower: raw.to_lowercase().replace('’', "'"),
                capitalized: raw.chars().next().is_some_and(char::is_uppercase),
                acronym: letters >= 2 && !raw.chars().any(char::is_lowercase),
                in_quote,
                before,
                range: range.clone(),
            });
            last_end = range.end;
        }
        let tail = read_gap(text, last_end..text.len(), &mut in_quote);
        if tail.quote_close && !starts_in_quote && !words.iter().any(|w| w.in_quote) {
            for w in &mut words {
                w.in_quote = true;
            }
        }
        Self {
            text,
            words,
            tail,
            ends_in_quote: in_quote,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The lowercase word at `i`, or "" past the end.
    pub fn lower(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower.as_str())
    }

    /// Whether the words from `i` on read `phrase` (lowercase words).
    pub fn matches_at(&self, i: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, p)| self.lower(i + k) == *p)
    }

    /// Whether any break separates word `i` from the word before it.
    pub fn break_before(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.before.breaks())
    }

    /// The source text from the start of word `from` to the end of word `to - 1`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        if from >= to || to > self.words.len() {
            return "";
        }
        &self.text[self.words[from].range.start..self.words[to - 1].range.end]
    }

    /// The index of the first word after `from` that starts a new clause (a break before it),
    /// or the sentence length.
    pub fn clause_end(&self, from: usize) -> usize {
        (from + 1..self.words.len())
            .find(|&i| {
                let b = self.words[i].before;
                b.clause || b.quote_open || b.quote_close
            })
            .unwrap_or(self.words.len())
    }

    /// Whether a question mark ends the clause that contains word `i`: the sentence is a
    /// question, or the word sits in a quoted question.
    pub fn in_question(&self, i: usize) -> bool {
        let end = (i + 1..self.words.len())
            .find(|&k| self.words[k].before.quote_close || self.words[k].before.question)
            .map_or(self.tail, |k| self.words[k].before);
        end.question
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(w: &Words<'_>) -> Vec<bool> {
        w.words.iter().map(|w| w.in_quote).collect()
    }

    #[test]
    fn marks_words_inside_quotations() {
        let w = Words::new("“Act now,” she said.", false);
        assert_eq!(quoted(&w), vec![true, true, false, false]);
        assert!(w.words[2].before.quote_close && w.words[2].before.comma);
    }

    #[test]
    fn scraped_reversed_quote_mark_still_opens() {
        let w = Words::new("gloss]”As a rule, this holds,” he said.", false);
        assert!(!w.words[0].in_quote);
        assert!(w.words[1].in_quote);
        assert!(!w.words[6].in_quote);
    }

    #[test]
    fn closing_mark_without_opening_means_the_sentence_began_quoted() {
        let w = Words::new("Plans must change,” the report said.", false);
        assert_eq!(quoted(&w), vec![true, true, true, false, false, false]);
    }

    #[test]
    fn unclosed_quotation_runs_to_the_end() {
        let w = Words::new("He said “never stop and never", false);
        assert!(w.ends_in_quote);
        assert!(w.words[5].in_quote);
    }

    #[test]
    fn questions_are_seen_in_quotes_and_at_the_end() {
        let w = Words::new("Could allies do more?", false);
        assert!(w.in_question(1));
        let w = Words::new("He asked, “Should we go?” and left.", false);
        assert!(w.in_question(3));
        assert!(!w.in_question(6));
    }

    #[test]
    fn slices_map_back_to_text() {
        let w = Words::new("The Secretary, in turn, should act.", false);
        assert_eq!(w.slice(0, 2), "The Secretary");
        // commas stay inside a clause; only clause punctuation and quotes end it
        assert_eq!(w.clause_end(0), 6);
        let w = Words::new("Act now: “go,” he said.", false);
        assert_eq!(w.clause_end(0), 2);
    }
}
