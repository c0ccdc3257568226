//! Resolving advice that only points back: "Could Western countries exploit these rifts? RAND
//! warns against trying to do so." The question before names the actor and the action.

use brief_core::Article;

use crate::cues_performative::noun_phrase_end;
use crate::extract;
use crate::words::Words;

/// The actor and action of a yes/no question such as "Could X do Y?", read from its last
/// clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Antecedent {
    pub sentence: usize,
    pub actor: Option<String>,
    pub action: String,
}

/// Looks at the body sentence before `sentence` (same or previous paragraph); if it is a
/// modal yes/no question, returns what it asks about.
pub(crate) fn antecedent(article: &Article, sentence: usize) -> Option<Antecedent> {
    let previous = (0..sentence)
        .rev()
        .find(|&k| !article.sentences[k].boilerplate)?;
    let text = article.sentences[previous].text.as_str();
    if !text
        .trim_end_matches(['"', '”', '\'', '’', ' '])
        .ends_with('?')
    {
        return None;
    }
    let words = Words::new(text, false);
    // the question's own clause: after "It begs the question:" and the like
    let start = (0..words.len())
        .rev()
        .find(|&k| k == 0 || words.words[k].before.clause || words.words[k].before.quote_open)?;
    if !matches!(
        words.lower(start),
        "could" | "should" | "can" | "would" | "will" | "might" | "may" | "must"
    ) {
        return None;
    }
    let subject_end = noun_phrase_end(&words, start + 1);
    let actor = (subject_end > start + 1).then(|| words.slice(start + 1, subject_end).to_string());
    let action = extract::action_from(&words, subject_end);
    if action.is_empty() {
        return None;
    }
    Some(Antecedent {
        sentence: previous,
        actor,
        action: words.slice(action.start, action.end).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_question_before() {
        let a = brief_ingest::article_from_text(
            "t",
            "It raises a question: Could Nordic states exploit these rifts to split the pact? The institute warns against trying to do so.\n",
        );
        let ante = antecedent(&a, 1).unwrap();
        assert_eq!(ante.sentence, 0);
        assert_eq!(ante.actor.as_deref(), Some("Nordic states"));
        assert_eq!(ante.action, "exploit these rifts to split the pact");
    }

    #[test]
    fn statements_are_not_antecedents() {
        let a = brief_ingest::article_from_text(
            "t",
            "Nordic states could split the pact. Do not do so.\n",
        );
        assert!(antecedent(&a, 1).is_none());
    }
}
