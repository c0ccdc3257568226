//! A small phrase matcher over lowercase words.
//!
//! Lexicon entries are written compactly as space-separated slots where each slot lists its
//! inflected forms with `|`, e.g. `"fall|falls|fell|falling apart"`. Entries are expanded once
//! into a map from first word to candidate phrases, so matching costs one hash lookup per word
//! (the plugin must stay fast on a megabyte of text).

use crate::fasthash::FastMap;

/// A phrase found in a sentence: which entry, and which words (`first..end`, word indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub entry: usize,
    pub first: usize,
    pub end: usize,
}

/// Phrases keyed by their first word; longest phrases are tried first.
#[derive(Debug, Default)]
pub struct PhraseSet {
    by_first: FastMap<&'static str, Vec<(Vec<&'static str>, usize)>>,
}

impl PhraseSet {
    /// Builds the set from compact patterns; `entry` of a match is the pattern's index.
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p &'static str>) -> Self {
        let mut set = Self::default();
        for (index, pattern) in patterns.into_iter().enumerate() {
            for phrase in expand(pattern) {
                set.by_first
                    .entry(phrase[0])
                    .or_default()
                    .push((phrase, index));
            }
        }
        for phrases in set.by_first.values_mut() {
            // longest first, then by entry so equal lengths resolve the same way every run
            phrases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        set
    }

    /// The longest phrase starting at word `at`, if any.
    pub fn match_at(&self, words: &[&str], at: usize) -> Option<Match> {
        let phrases = self.by_first.get(words[at])?;
        phrases.iter().find_map(|(phrase, entry)| {
            let end = at + phrase.len();
            (end <= words.len() && words[at..end] == phrase[..]).then_some(Match {
                entry: *entry,
                first: at,
                end,
            })
        })
    }

    /// All non-overlapping longest matches, left to right.
    pub fn find_all(&self, words: &[&str]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < words.len() {
            match self.match_at(words, at) {
                Some(m) => {
                    at = m.end;
                    out.push(m);
                }
                None => at += 1,
            }
        }
        out
    }
}

/// Every concrete phrase a compact pattern stands for.
fn expand(pattern: &'static str) -> Vec<Vec<&'static str>> {
    let mut phrases: Vec<Vec<&'static str>> = vec![Vec::new()];
    for slot in pattern.split_whitespace() {
        let forms: Vec<&'static str> = slot.split('|').collect();
        phrases = phrases
            .into_iter()
            .flat_map(|prefix| {
                forms.iter().map(move |form| {
                    let mut p = prefix.clone();
                    p.push(*form);
                    p
                })
            })
            .collect();
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_slots_and_prefers_longest() {
        let set = PhraseSet::new(&["fall|fell apart", "fall", "very likely", "likely"]);
        let words = ["it", "could", "fall", "apart", "very", "likely"];
        let found = set.find_all(&words);
        assert_eq!(
            found,
            vec![
                Match {
                    entry: 0,
                    first: 2,
                    end: 4
                },
                Match {
                    entry: 2,
                    first: 4,
                    end: 6
                }
            ]
        );
    }
}
