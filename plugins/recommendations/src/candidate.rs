//! A recommendation found in one sentence, before merging: plain strings and positions, no
//! borrowed text, so candidates from every source can be merged together.

use brief_core::{Article, Provenance};

use crate::strength::{Stance, Strength};

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Index of the source in the request.
    pub source: usize,
    /// Index into the article's sentences.
    pub sentence: usize,
    /// Index into the article's paragraphs.
    pub paragraph: usize,
    /// The sentence's cleaned text.
    pub text: String,
    /// The cue that fired, lowercase.
    pub cue: String,
    pub strength: Strength,
    pub stance: Stance,
    pub actor: Option<String>,
    pub action: String,
    pub by: Option<String>,
    pub score: f64,
    /// The candidate sits under a recommendations heading.
    pub in_recommendations: bool,
    /// The action only pointed back ("do so") and was resolved from an earlier sentence, or
    /// could not be resolved.
    pub anaphoric: bool,
    /// The sentence and any sentence the item also rests on (the question "do so" refers to).
    pub provenance: Vec<Provenance>,
    /// Lowercase proper names in the actor and action, to keep "the Army" and "the Navy"
    /// versions of one recommendation apart.
    pub entities: Vec<String>,
}

/// The provenance entry of one sentence: exactly its span in the source file.
pub(crate) fn provenance_of(article: &Article, sentence: usize) -> Provenance {
    let s = &article.sentences[sentence];
    Provenance {
        source: article.source.id.clone(),
        start: s.span.start,
        end: s.span.end,
        sentence: Some(s.id.clone()),
    }
}

/// Normalised actor for grouping and merging: lowercase, no leading article, "U.S." and
/// "United States" as "us".
pub(crate) fn actor_key(actor: &str) -> String {
    let lower = actor.to_lowercase().replace('’', "'");
    let lower = lower
        .replace("the united states", "us")
        .replace("united states", "us")
        .replace("u.s.", "us");
    let trimmed = lower.trim();
    let trimmed = trimmed.strip_prefix("the ").unwrap_or(trimmed);
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two actors can be the same party: equal after normalising, or one is the other
/// plus more ("the European Union" / "the European Union and its partners").
pub(crate) fn actors_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (actor_key(a), actor_key(b));
            a == b || a.starts_with(&format!("{b} ")) || b.starts_with(&format!("{a} "))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_keys_ignore_articles_case_and_spelling_of_the_us() {
        assert_eq!(
            actor_key("The Secretary of Defense"),
            actor_key("the secretary of defense")
        );
        assert_eq!(actor_key("the U.S."), "us");
        assert_eq!(actor_key("the United States"), "us");
    }

    #[test]
    fn an_actor_with_partners_is_compatible_with_itself_alone() {
        assert!(actors_compatible(
            Some("the US and its allies"),
            Some("the United States")
        ));
        assert!(actors_compatible(None, Some("Congress")));
        assert!(!actors_compatible(Some("Congress"), Some("the Army")));
    }
}
