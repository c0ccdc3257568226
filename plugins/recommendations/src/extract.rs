//! Finding the actor (who is asked to act) and the action in the words around a cue.
//!
//! There is no parser: a subject is the run of words before the modal back to the nearest
//! clause break or subordinating word; an action is the rest of the clause after the cue.

use std::collections::HashSet;
use std::ops::Range;

use crate::attribution;
use crate::lexicon::{self, contains};
use crate::words::Words;

/// Longest subject we accept, in words; longer runs are not a noun phrase.
const MAX_SUBJECT_WORDS: usize = 14;

/// How a subject search ended, when it says something about the modal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectBlock {
    /// "what should replace it", "whether the US should": a question word governs the modal.
    Question,
    /// "if China should attack": a condition.
    Condition,
    /// "a plan that should include": a relative pronoun is the subject.
    Relative,
}

/// The subject of the verb or modal at word `at`: its word range, or why there is none.
pub(crate) fn subject_before(
    words: &Words<'_>,
    at: usize,
) -> Result<Option<Range<usize>>, SubjectBlock> {
    let mut end = at;
    // "the US also should": adverbs between subject and modal are not part of the subject
    while end > 0
        && contains(lexicon::SKIPPABLE_ADVERBS, words.lower(end - 1))
        && !words.break_before(end)
    {
        end -= 1;
    }
    if let Some(w) = words.words.get(end) {
        // a comma may close an inserted phrase; any other break means no subject here
        let b = w.before;
        if b.clause || b.quote_open || b.quote_close {
            return Ok(None);
        }
    }
    let mut start = end;
    while start > 0 {
        if start < end && words.break_before(start) {
            break;
        }
        let w = words.lower(start - 1);
        if matches!(w, "which" | "who" | "whom") || (w == "that" && start == end) {
            return Err(SubjectBlock::Relative);
        }
        if contains(lexicon::WH_WORDS, w) {
            return Err(SubjectBlock::Question);
        }
        // "Karlsdottir said governments must…": the subject starts after the reporting verb
        if is_reporting_verb(words, start - 1) {
            break;
        }
        if contains(lexicon::SUBORDINATORS, w) && w != "and" && w != "or" {
            if contains(lexicon::CONDITION_WORDS, w) {
                return Err(SubjectBlock::Condition);
            }
            break;
        }
        start -= 1;
        if end - start >= MAX_SUBJECT_WORDS {
            return Ok(None);
        }
    }
    // "and"/"or" may join two actors but never start one
    while start < end && matches!(words.lower(start), "and" | "or" | "but" | "then" | "so") {
        start += 1;
    }
    if start == end {
        return Ok(None);
    }
    // "The Secretary, in coordination with the Chief, should…": skip the inserted phrase
    if start > 0 && words.words[start].before.comma && is_inserted_phrase_start(words.lower(start))
    {
        return subject_before(words, start);
    }
    Ok(Some(start..end))
}

/// Whether word `k` is a verb of saying with a subject of its own ("Karlsdottir said"), not an
/// adjective ("the proposed plan") or the first word of its clause.
fn is_reporting_verb(words: &Words<'_>, k: usize) -> bool {
    k >= 1
        && !words.break_before(k)
        && lexicon::is_in(words.lower(k), lexicon::bits::REPORTING)
        && !matches!(
            words.lower(k - 1),
            "the" | "a" | "an" | "its" | "their" | "this" | "our" | "his" | "her" | "newly"
        )
}

fn is_inserted_phrase_start(word: &str) -> bool {
    matches!(
        word,
        "in" | "with"
            | "through"
            | "along"
            | "together"
            | "working"
            | "acting"
            | "as"
            | "after"
            | "before"
            | "by"
            | "for"
            | "once"
            | "where"
            | "when"
            | "at"
            | "under"
    )
}

/// A noun phrase starting at `from`, up to (not including) the first word equal to `stop`,
/// within the clause. Used for "for the US and its allies to…" and "urges Congress to…".
pub(crate) fn phrase_until(words: &Words<'_>, from: usize, stop: &str) -> Option<Range<usize>> {
    let limit = (from + MAX_SUBJECT_WORDS).min(words.len());
    (from..limit)
        .take_while(|&k| k == from || !words.words[k].before.clause)
        .find(|&k| k > from && words.lower(k) == stop)
        .map(|k| from..k)
}

/// The action: from `from` to the end of its clause, without a trailing reason clause
/// ("because…"), a relative tail after a comma, an attribution (", the report said"), or a
/// second clause with its own subject and modal (", and coastguards need…").
pub(crate) fn action_from(words: &Words<'_>, from: usize) -> Range<usize> {
    if from >= words.len() {
        return from..from;
    }
    let end = words.clause_end(from);
    let cut = (from + 1..end)
        .find(|&k| {
            let w = words.lower(k);
            let after_comma = words.words[k].before.comma;
            w == "because"
                || (after_comma
                    && (matches!(w, "but" | "which" | "although" | "though" | "while")
                        || attribution::said_clause_at(words, k).is_some()
                        || (w == "and" && opens_new_clause(words, k + 1, end))))
        })
        .unwrap_or(end);
    from..cut
}

/// How far after ", and" a modal may stand and still have a subject of its own.
const NEW_CLAUSE_REACH: usize = 6;

/// Whether the words from `k` are a subject followed by a modal: ", and coastguards need the
/// power to…" starts a new clause; ", and should press for…" continues the same subject.
fn opens_new_clause(words: &Words<'_>, k: usize, end: usize) -> bool {
    let limit = (k + NEW_CLAUSE_REACH).min(end);
    (k + 1..limit)
        .take_while(|&m| !words.break_before(m))
        .any(|m| {
            matches!(
                words.lower(m),
                "should" | "must" | "need" | "needs" | "will" | "would" | "can" | "could" | "ought"
            )
        })
}

/// Drops a leading "trying to" / "attempting to" / "seeking to": warning against trying to
/// do X is advice about X.
pub(crate) fn strip_attempt(words: &Words<'_>, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    while start + 1 < range.end
        && matches!(
            words.lower(start),
            "trying"
                | "attempting"
                | "seeking"
                | "try"
                | "attempt"
                | "attempts"
                | "efforts"
                | "any"
        )
        && matches!(
            words.lower(start + 1),
            "to" | "efforts" | "attempt" | "attempts"
        )
    {
        start += 2;
    }
    start..range.end
}

/// Whether an action is only a pointer back to something said before: "do so", "doing this".
pub(crate) fn is_anaphoric(words: &Words<'_>, range: &Range<usize>) -> bool {
    let text: Vec<&str> = range.clone().map(|k| words.lower(k)).collect();
    matches!(
        text.as_slice(),
        [] | ["do" | "doing", "so" | "this" | "that" | "it"]
            | ["so"]
            | ["this"]
            | ["that"]
            | ["it"]
    )
}

/// Whether the words in `range` name an agent that can be advised: an institution, a role, a
/// proper name or acronym, or "we"/"you"/"they". A capitalized word counts as a name when it is
/// not first in its clause (where every word is capitalized) or when the article writes it
/// capitalized mid-sentence elsewhere (`proper_nouns`).
pub(crate) fn is_agent(
    words: &Words<'_>,
    range: &Range<usize>,
    proper_nouns: &HashSet<String>,
) -> bool {
    range.clone().any(|k| {
        let w = &words.words[k];
        let lower = w.lower.as_str();
        let clause_initial = k == 0 || words.break_before(k);
        lexicon::is_in(lower, lexicon::bits::AGENT)
            || contains(lexicon::AGENT_PRONOUNS, lower)
            || w.acronym
            || (w.capitalized
                && !brief_text::is_stopword(lower)
                && (!clause_initial || proper_nouns.contains(lower)))
    })
}

/// Whether the subject in `range` is a pronoun or word that cannot be an agent ("it", "this").
pub(crate) fn is_non_agent_pronoun(words: &Words<'_>, range: &Range<usize>) -> bool {
    range.len() == 1 && contains(lexicon::NON_AGENT_SUBJECTS, words.lower(range.start))
}

/// Whether word `k` looks like a past participle ("strengthened", "given").
pub(crate) fn is_participle(word: &str) -> bool {
    (word.len() > 4 && (word.ends_with("ed") || word.ends_with("en")))
        || contains(lexicon::IRREGULAR_PARTICIPLES, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(text: &str, modal: &str) -> Result<Option<String>, SubjectBlock> {
        let w = Words::new(text, false);
        let at = (0..w.len()).find(|&k| w.lower(k) == modal).unwrap();
        subject_before(&w, at).map(|r| r.map(|r| w.slice(r.start, r.end).to_string()))
    }

    #[test]
    fn subject_runs_back_to_the_clause_start() {
        assert_eq!(
            subject(
                "“Policymakers and planners should be careful,” RAND warned.",
                "should"
            ),
            Ok(Some("Policymakers and planners".into()))
        );
        assert_eq!(
            subject(
                "To that end, the Secretary of Defense should direct the Army.",
                "should"
            ),
            Ok(Some("the Secretary of Defense".into()))
        );
    }

    #[test]
    fn subject_skips_an_inserted_phrase_and_adverbs() {
        assert_eq!(
            subject(
                "The Secretary of the Army, in coordination with the Chief, should act.",
                "should"
            ),
            Ok(Some("The Secretary of the Army".into()))
        );
        assert_eq!(
            subject("Congress therefore should act.", "should"),
            Ok(Some("Congress".into()))
        );
    }

    #[test]
    fn question_words_and_conditions_block_the_subject() {
        assert_eq!(
            subject("They differ on what should replace it.", "should"),
            Err(SubjectBlock::Question)
        );
        assert_eq!(
            subject("It is unclear whether the allies should pay.", "should"),
            Err(SubjectBlock::Question)
        );
        assert_eq!(
            subject("If China should attack, all bets are off.", "should"),
            Err(SubjectBlock::Condition)
        );
        assert_eq!(
            subject("It needs a plan that should include dates.", "should"),
            Err(SubjectBlock::Relative)
        );
    }

    #[test]
    fn subject_starts_after_a_reporting_verb() {
        assert_eq!(
            subject("Varga said regional councils must act.", "must"),
            Ok(Some("regional councils".into()))
        );
        // after a determiner the participle is an adjective inside the subject
        assert_eq!(
            subject("The proposed fund should pay first.", "should"),
            Ok(Some("The proposed fund".into()))
        );
    }

    #[test]
    fn action_stops_before_an_inserted_attribution_and_a_new_subject() {
        let w = Words::new(
            "Councils must prepare for shortages, the report said, since wells are low.",
            false,
        );
        let r = action_from(&w, 2);
        assert_eq!(w.slice(r.start, r.end), "prepare for shortages");
        let w = Words::new(
            "Crews should be trained, and the coastguard needs new powers.",
            false,
        );
        let r = action_from(&w, 2);
        assert_eq!(w.slice(r.start, r.end), "be trained");
        let w = Words::new("States must agree, and should press for rules.", false);
        let r = action_from(&w, 2);
        assert_eq!(w.slice(r.start, r.end), "agree, and should press for rules");
    }

    #[test]
    fn public_bodies_roles_and_groups_are_agents() {
        for text in [
            "The authority",
            "Town councils",
            "coastguards",
            "the river board",
            "Several ministers",
            "the NATO",
        ] {
            let w = Words::new(text, false);
            assert!(is_agent(&w, &(0..w.len()), &HashSet::new()), "{text}");
        }
        let w = Words::new("The water level", false);
        assert!(!is_agent(&w, &(0..w.len()), &HashSet::new()));
    }

    #[test]
    fn complementizer_that_is_not_a_relative() {
        assert_eq!(
            subject("RAND argues that the allies should pay.", "should"),
            Ok(Some("the allies".into()))
        );
    }

    #[test]
    fn action_stops_at_reasons_and_clause_breaks() {
        let w = Words::new(
            "We argue against trying to undermine the pact because it works, he said.",
            false,
        );
        let r = strip_attempt(&w, action_from(&w, 3));
        assert_eq!(w.slice(r.start, r.end), "undermine the pact");
        let w = Words::new("work together more closely: “The most effective way", false);
        let r = action_from(&w, 0);
        assert_eq!(w.slice(r.start, r.end), "work together more closely");
    }

    #[test]
    fn anaphoric_actions_are_recognised() {
        let w = Words::new("warns against trying to do so.", false);
        let r = strip_attempt(&w, 2..6);
        assert!(is_anaphoric(&w, &r));
    }
}
