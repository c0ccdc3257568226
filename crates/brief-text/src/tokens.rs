//! Tokens and stems.
//!
//! A token is a run of letters and digits (with inner apostrophes, hyphens and periods kept, so
//! "U.S.", "don't" and "Sino-Russian" stay whole), lowercased. Stems come from the Snowball
//! English stemmer.

use std::ops::Range;

use rust_stemmers::Algorithm;

use crate::is_stopword;

/// One word of a text: its lowercased form and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub lower: String,
    pub range: Range<usize>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

/// The character at byte `i` and its length; ASCII without decoding (the common case, and the
/// tokenizer runs over every byte of a brief).
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let c = text[i..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

/// How [`words`] treats a byte; every byte from 0x80 up starts or continues a multi-byte
/// character, which is decoded.
#[derive(Clone, Copy, PartialEq)]
enum Byte {
    Letter,
    /// `'`, `-` and `.`: inside a word when a word character follows.
    Joiner,
    Other,
    Wide,
}

static BYTE_CLASS: [Byte; 256] = {
    let mut table = [Byte::Other; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c >= 0x80 {
            Byte::Wide
        } else if c.is_ascii_alphanumeric() {
            Byte::Letter
        } else if matches!(c, b'\'' | b'-' | b'.') {
            Byte::Joiner
        } else {
            Byte::Other
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> Byte {
    BYTE_CLASS[usize::from(b)]
}

/// Whether a word character starts at byte `i` (which is on a character boundary).
fn word_char_at(text: &str, i: usize) -> bool {
    match class(text.as_bytes()[i]) {
        Byte::Letter => true,
        Byte::Wide => is_word_char(char_at(text, i).0),
        Byte::Joiner | Byte::Other => false,
    }
}

/// Byte ranges of the words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // skip to the next word character; ASCII goes through a table, not a decoder
        let start = loop {
            while pos < len && matches!(class(bytes[pos]), Byte::Other | Byte::Joiner) {
                pos += 1;
            }
            if pos >= len {
                return None;
            }
            if class(bytes[pos]) == Byte::Letter {
                break pos;
            }
            let (c, n) = char_at(text, pos);
            if is_word_char(c) {
                break pos;
            }
            pos += n;
        };
        let mut dotted = false;
        let mut end = len;
        while pos < len {
            while pos < len && class(bytes[pos]) == Byte::Letter {
                pos += 1;
            }
            if pos >= len {
                break;
            }
            let (c, n) = match class(bytes[pos]) {
                Byte::Joiner => (char::from(bytes[pos]), 1),
                Byte::Wide => {
                    let (c, n) = char_at(text, pos);
                    if is_word_char(c) {
                        pos += n;
                        continue;
                    }
                    (c, n)
                }
                // neither a word character nor a joiner: the word ends here (no letter gets
                // here, the loop above ran past them)
                Byte::Other | Byte::Letter => {
                    end = pos;
                    pos += 1;
                    break;
                }
            };
            if is_joiner(c) {
                // a joiner stays inside the word only when a word character follows it
                if pos + n < len && word_char_at(text, pos + n) {
                    dotted |= c == '.';
                    pos += n;
                    continue;
                }
                // "U.S." keeps its final period when the token is dotted initials
                if c == '.' && dotted {
                    pos += n;
                    end = pos;
                    break;
                }
            }
            end = pos;
            pos += n;
            break;
        }
        Some(start..end)
    })
}

/// The words of `text`, lowercased, with their ranges.
pub fn tokenize(text: &str) -> Vec<Token> {
    words(text)
        .map(|r| Token {
            lower: text[r.clone()].to_lowercase().replace('’', "'"),
            range: r,
        })
        .collect()
}

/// A Snowball English stemmer with the conveniences analysis needs.
pub struct Stemmer {
    inner: rust_stemmers::Stemmer,
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer(english)")
    }
}

impl Default for Stemmer {
    fn default() -> Self {
        Self::new()
    }
}

impl Stemmer {
    pub fn new() -> Self {
        Self {
            inner: rust_stemmers::Stemmer::create(Algorithm::English),
        }
    }

    /// The stem of one lowercase word.
    pub fn stem(&self, lower: &str) -> String {
        match crate::stem::porter2(lower) {
            Some(stem) => stem.as_str().to_string(),
            None => self.fallback_stem(lower).into_owned(),
        }
    }

    /// The stem of one lowercase word, borrowed when stemming leaves the word as it is.
    pub fn stem_cow<'a>(&self, lower: &'a str) -> std::borrow::Cow<'a, str> {
        match crate::stem::porter2(lower) {
            Some(stem) if stem.as_str() == lower => std::borrow::Cow::Borrowed(lower),
            Some(stem) => std::borrow::Cow::Owned(stem.as_str().to_string()),
            None => self.fallback_stem(lower),
        }
    }

    /// The stem rust-stemmers gives: for words [`crate::stem::porter2`] does not take, and to
    /// check it against.
    pub(crate) fn fallback_stem<'a>(&self, lower: &'a str) -> std::borrow::Cow<'a, str> {
        self.inner.stem(lower)
    }

    /// Stems of the content words of `text`: stop words, numbers-only tokens and one-letter
    /// tokens are dropped; "u.s." becomes "us" so it matches "US".
    pub fn content_stems(&self, text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| {
                let w = t.lower.replace('.', "");
                if w.chars().count() < 2 && !w.chars().all(char::is_alphabetic) {
                    return None;
                }
                // "US" and "U.S." are the country, not the pronoun "us"
                let original = &text[t.range.clone()];
                let acronym = original.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !original.chars().any(char::is_lowercase);
                if (!acronym && is_stopword(&t.lower)) || w.chars().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                Some(self.stem(&w))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(text: &str) -> Vec<&str> {
        words(text).map(|r| &text[r]).collect()
    }

    /// The original char-by-char tokenizer, kept to check that the byte scanner agrees with it.
    fn words_reference(text: &str) -> Vec<Range<usize>> {
        let mut chars = text.char_indices().peekable();
        let mut out = Vec::new();
        loop {
            let start = loop {
                match chars.next() {
                    None => return out,
                    Some((i, c)) if is_word_char(c) => break i,
                    Some(_) => {}
                }
            };
            let mut end = text.len();
            while let Some(&(i, c)) = chars.peek() {
                if is_word_char(c) {
                    chars.next();
                    continue;
                }
                if is_joiner(c) {
                    let mut ahead = text[i + c.len_utf8()..].chars();
                    if ahead.next().is_some_and(is_word_char) {
                        chars.next();
                        continue;
                    }
                    if c == '.' && text[start..i].contains('.') {
                        chars.next();
                        end = i + 1;
                        break;
                    }
                }
                end = i;
                break;
            }
            out.push(start..end);
        }
    }

    #[test]
    fn byte_scanner_matches_the_reference_tokenizer() {
        let samples = [
            "The U.S. and Sino-Russian ties don’t end.",
            "“Yes,” he said—twice. U.S.-led talks, e.g. a.b.c. and x..y",
            "Россия и Китай — 中国 и ‘quoted’ text‑with‑nb‑hyphens. A.B",
            "end-",
            "'lead and trail' -- ... 3.5% of $1,000.00 in 2024.",
            "",
            "   ",
            "Ünïcödé wörds’ ﬁne. No.",
        ];
        for text in samples {
            let got: Vec<_> = words(text).collect();
            assert_eq!(got, words_reference(text), "{text:?}");
        }
    }

    #[test]
    fn keeps_dotted_initials_hyphens_and_apostrophes() {
        assert_eq!(
            ws("The U.S. and Sino-Russian ties don’t end."),
            vec!["The", "U.S.", "and", "Sino-Russian", "ties", "don’t", "end"]
        );
    }

    #[test]
    fn splits_on_punctuation_and_quotes() {
        assert_eq!(
            ws("“Yes,” he said—twice."),
            vec!["Yes", "he", "said", "twice"]
        );
    }

    #[test]
    fn content_stems_drop_stopwords_and_stem() {
        let s = Stemmer::new();
        assert_eq!(
            s.content_stems("The alliances were strengthening in 2024"),
            vec!["allianc", "strengthen"]
        );
    }

    #[test]
    fn initials_match_plain_form() {
        let s = Stemmer::new();
        assert_eq!(s.content_stems("U.S."), s.content_stems("US"));
    }
}
