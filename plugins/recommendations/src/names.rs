//! Names found in an article: which capitalized words are proper nouns, and the full name
//! behind a surname ("Cozad" → "Mark Cozad"), so attributions read the same throughout.

use std::collections::{BTreeMap, HashSet};

use brief_core::Article;

use crate::lexicon::{self, contains};

/// Per-article name facts.
#[derive(Debug, Default)]
pub(crate) struct Names {
    /// Lowercase words the article writes capitalized in mid-clause and never in lower case.
    pub proper_nouns: HashSet<String>,
    /// Lowercase surname → the first "First Last" the article writes.
    full_names: BTreeMap<String, String>,
}

impl Names {
    pub fn new(article: &Article) -> Self {
        // pass 1: words written capitalized mid-clause, and "First Last" pairs
        let mut capitalized: HashSet<String> = HashSet::new();
        let mut full_names = BTreeMap::new();
        // one reused buffer: most capitalized words repeat, and allocating a lowercase copy
        // of each was a tenth of the plugin's time on long texts
        let mut lower = String::new();
        for sentence in article.body_sentences() {
            let text = sentence.text.as_str();
            let mut previous: Option<(std::ops::Range<usize>, bool)> = None;
            let mut last_end = 0;
            for range in brief_text::words(text) {
                let joined = text[last_end..range.start].chars().all(char::is_whitespace);
                let clause_initial = previous.is_none() || !joined;
                last_end = range.end;
                let raw = &text[range.clone()];
                let is_capitalized = raw.chars().next().is_some_and(char::is_uppercase);
                if is_capitalized && !clause_initial {
                    lower.clear();
                    lower.extend(raw.chars().flat_map(char::to_lowercase));
                    if !capitalized.contains(&lower) {
                        capitalized.insert(lower.clone());
                    }
                }
                let acronym = !raw.chars().any(char::is_lowercase);
                if let Some((prev, prev_capitalized)) = previous.take()
                    && is_capitalized
                    && joined
                    && !acronym
                    && prev_capitalized
                    && is_first_name(&text[prev.clone()])
                {
                    full_names
                        .entry(raw.to_lowercase())
                        .or_insert_with(|| text[prev.start..range.end].to_string());
                }
                previous = Some((range, is_capitalized));
            }
        }
        // pass 2: drop the ones the article also writes in lower case
        let mut lowercase: HashSet<&str> = HashSet::new();
        for sentence in article.body_sentences() {
            for range in brief_text::words(&sentence.text) {
                let raw = &sentence.text[range];
                if raw.chars().next().is_some_and(char::is_lowercase) && capitalized.contains(raw) {
                    lowercase.insert(raw);
                }
            }
        }
        let proper_nouns = capitalized
            .into_iter()
            .filter(|w| !lowercase.contains(w.as_str()))
            .collect();
        Self {
            proper_nouns,
            full_names,
        }
    }

    /// The full name for a one-word speaker that is a surname seen with a first name.
    pub fn expand(&self, speaker: &str) -> String {
        if speaker.contains(' ') {
            return speaker.to_string();
        }
        let lower = speaker.to_lowercase();
        if contains(lexicon::AGENT_NOUNS, &lower) {
            return speaker.to_string();
        }
        self.full_names
            .get(&lower)
            .cloned()
            .unwrap_or_else(|| speaker.to_string())
    }
}

/// A word that can be a first name: capitalized, alphabetic, not an acronym, a function word,
/// a role or a sentence adverb.
fn is_first_name(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    raw.chars().any(char::is_lowercase)
        && lower.len() >= 2
        && lower.chars().all(char::is_alphabetic)
        && !brief_text::is_stopword(&lower)
        && !contains(lexicon::NOT_FIRST_NAMES, &lower)
        && !contains(lexicon::AGENT_NOUNS, &lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        brief_ingest::article_from_text("t", text)
    }

    #[test]
    fn surname_expands_to_the_full_name() {
        let a = article("Lena Varga, a fellow, spoke.\n“Go,” Varga said.\n");
        let names = Names::new(&a);
        assert_eq!(names.expand("Varga"), "Lena Varga");
        assert_eq!(names.expand("RAND"), "RAND");
    }

    #[test]
    fn sentence_adverbs_and_roles_are_not_first_names() {
        let a = article("Instead Varga said no.\nSecretary Okafor agreed.\n");
        let names = Names::new(&a);
        assert_eq!(names.expand("Varga"), "Varga");
        assert_eq!(names.expand("Okafor"), "Okafor");
    }

    #[test]
    fn proper_nouns_are_capitalized_mid_sentence_only() {
        let a = article("Prices rose in Tallinn.\nTallinn should act. The prices fell.\n");
        let names = Names::new(&a);
        assert!(names.proper_nouns.contains("tallinn"));
        assert!(!names.proper_nouns.contains("prices"));
    }
}
