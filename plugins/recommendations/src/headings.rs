//! Headings and what they say about the text under them. A "Recommendations" or "What X
//! Recommends" heading makes advice likelier (and lets imperatives count); "Background",
//! "Scope and Methodology" or "Agency Comments" make "should" likelier to be quoted rules.

use brief_core::{Article, ParagraphKind};

/// What the nearest classified heading says about the text under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Section {
    #[default]
    Plain,
    Recommendations,
    Background,
}

/// Longest line, in words, the plain-text heading heuristic accepts.
const MAX_HEADING_WORDS: usize = 12;

/// A colon-ended line this long is a list introduction, not a heading.
const MIN_INTRO_WORDS: usize = 6;

/// Per paragraph: whether it is a heading, and the section it sits in.
#[derive(Debug)]
pub(crate) struct Outline {
    pub is_heading: Vec<bool>,
    pub section: Vec<Section>,
}

/// Classifies a heading's text.
pub(crate) fn classify(text: &str) -> Section {
    let t = text.to_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|n| t.contains(n));
    if has(&[
        "prior recommendation",
        "previous recommendation",
        "status of",
        "implemented",
    ]) {
        return Section::Background;
    }
    if has(&[
        "recommend",
        "congressional consideration",
        "policy implications",
        "way forward",
        "what should be done",
        "policy options",
    ]) {
        return Section::Recommendations;
    }
    if has(&[
        "background",
        "methodology",
        "scope",
        "objectives",
        "agency comments",
        "comments from",
        "appendix",
        "about the author",
        "related work",
        "glossary",
        "abbreviations",
    ]) {
        return Section::Background;
    }
    Section::Plain
}

/// Heading level of a paragraph: from ingest when it marks headings, else a plain-text guess
/// (one short line without closing punctuation, starting with a capital).
fn heading_level(article: &Article, index: usize) -> Option<u8> {
    let paragraph = &article.paragraphs[index];
    let text = article
        .sentences_of(paragraph)
        .first()
        .map_or("", |s| s.text.trim());
    if let ParagraphKind::Heading { level } = paragraph.kind {
        // a longer line ending in a colon introduces a list ("…take the following actions:")
        let introduces_list =
            text.ends_with(':') && brief_text::words(text).count() >= MIN_INTRO_WORDS;
        return (!introduces_list).then_some(level);
    }
    if paragraph.kind != ParagraphKind::Body || paragraph.sentence_count != 1 {
        return None;
    }
    let last = text.chars().next_back()?;
    let first = text.chars().find(|c| c.is_alphanumeric())?;
    let words = brief_text::words(text).count();
    let looks_like_heading = (1..=MAX_HEADING_WORDS).contains(&words)
        && !matches!(
            last,
            '.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '\'' | '’' | ')'
        )
        && (first.is_uppercase() || first.is_ascii_digit())
        && !text.starts_with(['-', '*', '•']);
    looks_like_heading.then_some(2)
}

impl Outline {
    pub fn new(article: &Article) -> Self {
        let n = article.paragraphs.len();
        let mut is_heading = vec![false; n];
        let mut section = vec![Section::Plain; n];
        // open headings, outermost first: (level, class)
        let mut stack: Vec<(u8, Section)> = Vec::new();
        for i in 0..n {
            if let Some(level) = heading_level(article, i) {
                is_heading[i] = true;
                while stack.last().is_some_and(|(l, _)| *l >= level) {
                    stack.pop();
                }
                let text: Vec<&str> = article
                    .sentences_of(&article.paragraphs[i])
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect();
                stack.push((level, classify(&text.join(" "))));
            }
            section[i] = stack
                .iter()
                .rev()
                .map(|(_, s)| *s)
                .find(|s| *s != Section::Plain)
                .unwrap_or_default();
        }
        Self {
            is_heading,
            section,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_heading_texts() {
        assert_eq!(
            classify("Recommendations for Executive Action"),
            Section::Recommendations
        );
        assert_eq!(
            classify("What the Office Recommends"),
            Section::Recommendations
        );
        assert_eq!(
            classify("Matter for Congressional Consideration"),
            Section::Recommendations
        );
        assert_eq!(
            classify("Agency Comments and Our Evaluation"),
            Section::Background
        );
        assert_eq!(
            classify("Status of Prior Recommendations"),
            Section::Background
        );
        assert_eq!(classify("Depot Backlogs Grew"), Section::Plain);
    }

    #[test]
    fn plain_text_headings_open_sections() {
        let a = brief_ingest::article_from_text(
            "t",
            "Background\nRules say managers should act.\nRecommendations\nThe Secretary should act.\n- Key point without a stop\n",
        );
        let o = Outline::new(&a);
        assert_eq!(o.is_heading, vec![true, false, true, false, false]);
        assert_eq!(o.section[1], Section::Background);
        assert_eq!(o.section[3], Section::Recommendations);
        assert_eq!(o.section[4], Section::Recommendations);
    }
}
