//! Sentence-level exclusions: patterns where the cue words are used to describe, quote or
//! discuss advice rather than to give it. Cue-level exclusions (question words, conditions,
//! "should have") are recorded where the cue is read.

use crate::cue::{Cue, CueKind, Exclusion};
use crate::lexicon::{self, bits, contains};
use crate::words::Words;

/// How far after a rule document its rule verb may come: "standards for internal control state".
const RULE_VERB_REACH: usize = 5;
/// How far after "according to" / "under" a rule document may come.
const RULE_DOCUMENT_REACH: usize = 8;

/// Marks the cues of one sentence that the sentence-level patterns rule out.
pub(crate) fn apply(words: &Words<'_>, cues: &mut [Cue]) {
    let earlier = cites_earlier_recommendation(words);
    for cue in cues.iter_mut() {
        if words.in_question(cue.at) {
            cue.exclude(Exclusion::Question);
        }
        if talks_about_recommendations(words, cue.at) {
            cue.exclude(Exclusion::Meta);
        }
        if quotes_a_rule(words, cue.at) {
            cue.exclude(Exclusion::QuotedRule);
        }
        if earlier && cue.kind != CueKind::Imperative {
            cue.exclude(Exclusion::Earlier);
        }
    }
}

/// "DOD concurred with our recommendation that…", "recommendations include…", "we are making
/// 12 recommendations": the noun "recommendation(s)" and a meta verb before the cue.
fn talks_about_recommendations(words: &Words<'_>, at: usize) -> bool {
    let before = 0..at.min(words.len());
    let noun = before
        .clone()
        .any(|k| words.lower(k).starts_with("recommendation"));
    noun && before
        .clone()
        .any(|k| contains(lexicon::META_VERBS, words.lower(k)))
        || (0..words.len()).any(|k| {
            words.lower(k).starts_with("recommendation")
                && matches!(words.lower(k + 1), "include" | "included" | "includes")
        })
}

/// "Federal standards state that management should…", "According to DOD guidance, …",
/// "Under the Act, agencies must…": the advice belongs to a rule the source quotes.
fn quotes_a_rule(words: &Words<'_>, at: usize) -> bool {
    for k in 0..at.min(words.len()) {
        let w = words.lower(k);
        if lexicon::word_bits(w) & bits::RULE_DOCUMENT != 0 {
            // the rule verb must govern the cue's clause: no break between verb and cue
            let verb = (k + 1..(k + 1 + RULE_VERB_REACH).min(at))
                .find(|&v| contains(lexicon::RULE_VERBS, words.lower(v)));
            if let Some(v) = verb
                && !(v + 1..=at).any(|b| {
                    let gap = words.words[b].before;
                    gap.comma || gap.clause
                })
            {
                return true;
            }
        }
        let opens_rule = words.matches_at(k, &["according", "to"])
            || (contains(lexicon::RULE_PREPOSITIONS, w) && (k == 0 || words.break_before(k)))
            || words.matches_at(k, &["in", "accordance", "with"]);
        if opens_rule
            && (k + 1..(k + RULE_DOCUMENT_REACH).min(at))
                .any(|d| lexicon::word_bits(words.lower(d)) & bits::RULE_DOCUMENT != 0)
        {
            return true;
        }
    }
    false
}

/// "We previously recommended that…", "in our prior report we recommended…": history.
fn cites_earlier_recommendation(words: &Words<'_>) -> bool {
    let recommended = (0..words.len()).any(|k| {
        matches!(
            words.lower(k),
            "recommended" | "recommendation" | "recommendations"
        )
    });
    recommended
        && (0..words.len()).any(|k| {
            matches!(words.lower(k), "previously" | "prior" | "earlier")
                || (matches!(words.lower(k), "have" | "had") && words.lower(k + 1) == "recommended")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues_modal;

    fn excluded(text: &str) -> Option<Exclusion> {
        let w = Words::new(text, false);
        let mut cues = cues_modal::find(&w);
        apply(&w, &mut cues);
        cues[0].excluded
    }

    #[test]
    fn quoted_rules_are_background() {
        assert_eq!(
            excluded(
                "Federal standards for internal control state that management should use quality data."
            ),
            Some(Exclusion::QuotedRule)
        );
        assert_eq!(
            excluded("According to department guidance, commanders should report losses."),
            Some(Exclusion::QuotedRule)
        );
        assert_eq!(
            excluded("Under the Act, agencies must publish plans."),
            Some(Exclusion::QuotedRule)
        );
    }

    #[test]
    fn a_rule_in_an_earlier_clause_does_not_exclude() {
        assert_eq!(
            excluded(
                "Although the policy requires annual reviews, the Army should develop a schedule."
            ),
            None
        );
    }

    #[test]
    fn talk_about_recommendations_is_meta() {
        assert_eq!(
            excluded("The department concurred with our recommendation that the Army should act."),
            Some(Exclusion::Meta)
        );
        assert_eq!(
            excluded("We previously recommended that the Navy should track costs."),
            Some(Exclusion::Earlier)
        );
    }

    #[test]
    fn questions_are_excluded() {
        assert_eq!(
            excluded("Should the allies pay more?"),
            Some(Exclusion::Condition)
        );
        assert_eq!(
            excluded("Why must the allies pay more?"),
            Some(Exclusion::QuestionWord)
        );
        assert_eq!(
            excluded("Can it be that allies must pay more?"),
            Some(Exclusion::Question)
        );
    }
}
