//! A sentence seen as words with clause numbers and asides marked.
//!
//! Cues only count inside the sentence's main line of thought. Non-restrictive relative
//! clauses (", which hasn't been to war since 1979,") and closed parentheticals are asides:
//! their words are neither cues, harms nor time anchors, so a past event mentioned in passing
//! does not turn a forward-looking sentence into history (or the other way round).

use brief_text::Token;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercased, curly apostrophes made straight.
    pub lower: String,
    /// Byte range in the sentence text.
    pub start: usize,
    pub end: usize,
    /// Index of the clause (text between , ; : ( ) — quotes ? !) the word sits in.
    pub clause: u16,
    /// Starts with an uppercase letter.
    pub capitalized: bool,
    /// Inside a non-restrictive relative clause or a closed parenthetical.
    pub aside: bool,
}

/// A sentence as words.
#[derive(Debug)]
pub struct SentenceView<'a> {
    pub text: &'a str,
    pub words: Vec<Word>,
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '"' | '“' | '”' | '?' | '!'
    )
}

/// Lowercase with curly apostrophes made straight, in one allocation (as
/// `brief_text::tokenize` does, without its second pass).
fn lowercase(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl<'a> SentenceView<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut words = Vec::with_capacity(text.len() / 5);
        let mut clause: u16 = 0;
        let mut previous_end = 0;
        for range in brief_text::words(text) {
            let token = Token {
                lower: lowercase(&text[range.clone()]),
                range,
            };
            let gap = &text[previous_end..token.range.start];
            // "2,600-mile" is one number, not two clauses
            let thousands = gap == ","
                && text[..previous_end].ends_with(|c: char| c.is_ascii_digit())
                && text[token.range.start..].starts_with(|c: char| c.is_ascii_digit());
            if !thousands && (gap.chars().any(is_clause_break) || gap.contains(" - ")) {
                clause += 1;
            }
            previous_end = token.range.end;
            words.push(Word {
                capitalized: text[token.range.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
                lower: token.lower,
                start: token.range.start,
                end: token.range.end,
                clause,
                aside: false,
            });
        }
        let mut view = Self { text, words };
        view.mark_asides();
        view
    }

    /// The lowercase words, for phrase matching.
    pub fn lowers(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.lower.as_str()).collect()
    }

    /// Text between the start of word `first` and the end of word `end - 1`.
    pub fn slice(&self, first: usize, end: usize) -> &'a str {
        if first >= end || end > self.words.len() {
            return "";
        }
        &self.text[self.words[first].start..self.words[end - 1].end]
    }

    /// The text just before word `i` (since the previous word).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.words[i - 1].end };
        &self.text[from..self.words[i].start]
    }

    fn mark_asides(&mut self) {
        // closed parentheticals
        let mut depth = 0usize;
        let mut open_at: Option<usize> = None;
        for i in 0..self.words.len() {
            let gap = self.gap_before(i);
            for c in gap.chars() {
                match c {
                    '(' => {
                        if depth == 0 {
                            open_at = Some(i);
                        }
                        depth += 1;
                    }
                    ')' if depth > 0 => {
                        depth -= 1;
                        if depth == 0
                            && let Some(from) = open_at.take()
                        {
                            for w in &mut self.words[from..i] {
                                w.aside = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // ", which … ," and ", who … ," that close with a comma before the sentence ends
        let n = self.words.len();
        let mut i = 0;
        while i < n {
            let relative = matches!(
                self.words[i].lower.as_str(),
                "which" | "who" | "whom" | "whose"
            );
            if relative && self.gap_before(i).contains(',') {
                let close = (i + 1..n).find(|&j| self.gap_before(j).contains(','));
                if let Some(close) = close {
                    for w in &mut self.words[i..close] {
                        w.aside = true;
                    }
                    i = close;
                    continue;
                }
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asides(text: &str) -> Vec<String> {
        SentenceView::new(text)
            .words
            .into_iter()
            .filter(|w| w.aside)
            .map(|w| w.lower)
            .collect()
    }

    #[test]
    fn relative_clause_between_commas_is_an_aside() {
        assert_eq!(
            asides("Ruritania, which last fought in 1990, could rearm quickly."),
            vec!["which", "last", "fought", "in", "1990"]
        );
    }

    #[test]
    fn trailing_relative_clause_is_kept() {
        assert!(asides("Troops massed at the border, which could lead to war.").is_empty());
    }

    #[test]
    fn closed_parentheses_are_asides_open_ones_are_not() {
        assert_eq!(
            asides("Prices (in 1990 dollars) may rise."),
            vec!["in", "1990", "dollars"]
        );
        assert!(asides("Prices (in 1990 dollars may rise.").is_empty());
    }

    #[test]
    fn thousands_separator_is_not_a_clause_break() {
        let v = SentenceView::new("They share a 2,600-mile border.");
        assert!(v.words.iter().all(|w| w.clause == 0));
    }

    #[test]
    fn clauses_split_at_punctuation() {
        let v = SentenceView::new("If talks fail, war could follow; nobody knows.");
        let clauses: Vec<u16> = v.words.iter().map(|w| w.clause).collect();
        assert_eq!(clauses, vec![0, 0, 0, 1, 1, 1, 2, 2]);
    }
}
