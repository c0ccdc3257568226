//! Deontic modals: "should", "must", "ought to", "need to", "has to", "had better",
//! "would do well to", and soft "could consider" / "may wish to". The subject before the modal
//! is the actor; the clause after it is the action; negation and "be careful not to" set the
//! stance.

use crate::cue::{Cue, CueKind, Exclusion};
use crate::extract::{self, SubjectBlock};
use crate::lexicon::{self, contains};
use crate::strength::{Stance, Strength};
use crate::words::Words;

/// Which modal starts at word `i`, with the number of words it spans.
fn modal_at(words: &Words<'_>, i: usize) -> Option<(CueKind, Strength, usize, bool)> {
    let w = words.lower(i);
    let next = words.lower(i + 1);
    let found = match w {
        "should" => (CueKind::Should, Strength::Should, 1, false),
        "shouldn't" => (CueKind::Should, Strength::Should, 1, true),
        "must" => (CueKind::Must, Strength::Must, 1, false),
        "mustn't" => (CueKind::Must, Strength::Must, 1, true),
        "ought" if next == "to" => (CueKind::Should, Strength::Should, 2, false),
        "ought" if next == "not" && words.lower(i + 2) == "to" => {
            (CueKind::Should, Strength::Should, 3, true)
        }
        "need" | "needs" if next == "to" && is_verb_need(words, i) => {
            (CueKind::Should, Strength::Must, 2, false)
        }
        "has" | "have" if next == "to" && i > 0 && !words.break_before(i) => {
            (CueKind::HaveTo, Strength::Must, 2, false)
        }
        "had" if next == "better" => (CueKind::Should, Strength::Should, 2, false),
        "would" if words.matches_at(i + 1, &["do", "well", "to"]) => {
            (CueKind::Should, Strength::Should, 4, false)
        }
        "would" if words.matches_at(i + 1, &["be", "wise", "to"]) => {
            (CueKind::Should, Strength::Should, 4, false)
        }
        "would" if words.matches_at(i + 1, &["be", "well", "advised", "to"]) => {
            (CueKind::Should, Strength::Should, 5, false)
        }
        "could" | "may" | "might" if next == "consider" => {
            (CueKind::Soft, Strength::Could, 1, false)
        }
        "could" | "may" | "might"
            if matches!(next, "want" | "wish") && words.lower(i + 2) == "to" =>
        {
            (CueKind::Soft, Strength::Could, 3, false)
        }
        _ => return None,
    };
    Some(found)
}

/// "needs to" is a verb after a subject; "the need to" and "a pressing need to" are nouns.
fn is_verb_need(words: &Words<'_>, i: usize) -> bool {
    if i == 0 || words.break_before(i) {
        return false;
    }
    !matches!(
        words.lower(i - 1),
        "the"
            | "a"
            | "an"
            | "no"
            | "this"
            | "that"
            | "its"
            | "their"
            | "our"
            | "his"
            | "her"
            | "any"
            | "every"
            | "urgent"
            | "pressing"
            | "clear"
            | "real"
            | "growing"
            | "obvious"
            | "great"
            | "greater"
            | "little"
    )
}

/// All modal cues in a sentence.
pub(crate) fn find(words: &Words<'_>) -> Vec<Cue> {
    (0..words.len())
        .filter_map(|i| {
            let (kind, strength, len, negated) = modal_at(words, i)?;
            Some(read_modal(words, i, kind, strength, len, negated))
        })
        .collect()
}

fn read_modal(
    words: &Words<'_>,
    i: usize,
    kind: CueKind,
    strength: Strength,
    len: usize,
    mut negated: bool,
) -> Cue {
    let mut p = i + len;
    while contains(lexicon::SKIPPABLE_ADVERBS, words.lower(p)) {
        p += 1;
    }
    if matches!(words.lower(p), "not" | "never") {
        negated = true;
        p += 1;
        while contains(lexicon::SKIPPABLE_ADVERBS, words.lower(p)) {
            p += 1;
        }
    }
    let mut cue = Cue::new(kind, words, i..p, strength);
    cue.stance = if negated { Stance::Avoid } else { Stance::Do };

    // "should have acted", "must have known": judgement of the past, not advice
    let after = words.lower(p);
    if after == "have"
        && matches!(kind, CueKind::Should | CueKind::Must)
        && extract::is_participle(words.lower(p + 1))
    {
        cue.exclude(Exclusion::Counterfactual);
    }
    if after == "been" {
        cue.exclude(Exclusion::Counterfactual);
    }
    // "it should be noted that…"
    if after == "be" && contains(lexicon::REMARK_PARTICIPLES, words.lower(p + 1)) {
        cue.exclude(Exclusion::Remark);
    }

    let action_start = read_stance_markers(words, &mut cue, p);
    let mut action = extract::action_from(words, action_start);
    if cue.stance == Stance::Avoid {
        action = extract::strip_attempt(words, action);
    }

    let first = words.lower(action.start);
    cue.signals.directive_verb = contains(lexicon::POLICY_VERBS, first);
    cue.signals.passive = first == "be" && extract::is_participle(words.lower(action.start + 1));
    let duration = matches!(
        words.lower(action.start + 1),
        "place"
            | "time"
            | "years"
            | "months"
            | "weeks"
            | "days"
            | "longer"
            | "about"
            | "several"
            | "up"
    );
    cue.signals.predictive = contains(lexicon::PREDICTIVE_VERBS, first)
        || (first == "take" && duration)
        || (first == "be"
            && matches!(
                words.lower(action.start + 1),
                "able"
                    | "possible"
                    | "ready"
                    | "available"
                    | "complete"
                    | "operational"
                    | "likely"
                    | "over"
                    | "enough"
                    | "sufficient"
            ))
        || mentions_deadline(words, &action);

    let subject = extract::subject_before(words, i);
    // "Should talks fail, …" / "…, should talks fail": a clause-initial "should" with no
    // subject before it is a condition or a question ("The Secretary, in coordination with
    // the Chief, should…" has its subject before the inserted phrase)
    if words.lower(i) == "should"
        && (i == 0 || words.break_before(i))
        && matches!(subject, Ok(None))
    {
        cue.exclude(Exclusion::Condition);
    }
    match subject {
        Err(SubjectBlock::Question) => cue.exclude(Exclusion::QuestionWord),
        Err(SubjectBlock::Condition) => cue.exclude(Exclusion::Condition),
        Err(SubjectBlock::Relative) => cue.exclude(Exclusion::Relative),
        // "operators should be required to report…" still asks the operators to act
        Ok(Some(subject))
            if cue.signals.passive
                && contains(
                    lexicon::OBLIGATION_PARTICIPLES,
                    words.lower(action.start + 1),
                )
                && words.lower(action.start + 2) == "to" =>
        {
            cue.actor = Some(subject);
        }
        Ok(Some(subject)) if cue.signals.passive => {
            // the subject of a passive is what is acted on; the action is the whole clause
            action = subject.start..action.end;
        }
        Ok(subject) => cue.actor = subject,
    }
    cue.action = action;
    cue
}

/// Reads "be careful not to", "avoid", "refrain from", "resist the temptation to", "not
/// hesitate to" after the modal; updates the stance and returns where the action starts.
fn read_stance_markers(words: &Words<'_>, cue: &mut Cue, p: usize) -> usize {
    let w = words.lower(p);
    let avoid_after = |cue: &mut Cue, start: usize| {
        cue.stance = cue.stance.flipped();
        cue.signals.emphatic = true;
        start
    };
    if words.matches_at(p, &["be", "careful", "not", "to"])
        || words.matches_at(p, &["take", "care", "not", "to"])
    {
        return avoid_after(cue, p + 4);
    }
    if words.matches_at(p, &["be", "wary", "of"])
        || words.matches_at(p, &["be", "cautious", "about"])
        || words.matches_at(p, &["guard", "against"])
    {
        let len = if w == "guard" { 2 } else { 3 };
        return avoid_after(cue, p + len);
    }
    if w == "refrain" && words.lower(p + 1) == "from" {
        return avoid_after(cue, p + 2);
    }
    if w == "resist" && words.lower(p + 1) == "the" && words.lower(p + 3) == "to" {
        return avoid_after(cue, p + 4);
    }
    if contains(lexicon::AVOID_VERBS, w) {
        return avoid_after(cue, p + 1);
    }
    if cue.stance == Stance::Avoid && contains(lexicon::NEGATION_FLIPPERS, w) {
        cue.stance = Stance::Do;
        cue.signals.emphatic = true;
        return match words.lower(p + 1) {
            "to" => p + 2,
            _ => p + 1,
        };
    }
    p
}

/// "by 2027", "next year", "soon": a schedule, which reads as a forecast.
fn mentions_deadline(words: &Words<'_>, action: &std::ops::Range<usize>) -> bool {
    action.clone().any(|k| {
        let w = words.lower(k);
        let year = w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit());
        (year && matches!(words.lower(k.wrapping_sub(1)), "by" | "in" | "until"))
            || (w == "next" && matches!(words.lower(k + 1), "year" | "month" | "week" | "quarter"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strength::Stance;

    fn first(text: &str) -> (Cue, Words<'_>) {
        let w = Words::new(text, false);
        let cue = find(&w).into_iter().next().expect("a modal");
        (cue, w)
    }

    fn part(w: &Words<'_>, r: &std::ops::Range<usize>) -> String {
        w.slice(r.start, r.end).to_string()
    }

    #[test]
    fn careful_not_to_is_avoid_with_the_actor_before() {
        let (c, w) =
            first("“Planners should be careful not to overrate the pact,” the study warned.");
        assert_eq!(c.phrase, "should");
        assert_eq!(c.stance, Stance::Avoid);
        assert_eq!(part(&w, c.actor.as_ref().unwrap()), "Planners");
        assert_eq!(part(&w, &c.action), "overrate the pact");
        assert!(c.excluded.is_none());
    }

    #[test]
    fn negation_and_its_flippers() {
        let (c, _) = first("Allies should not delay reforms.");
        assert_eq!(c.stance, Stance::Do);
        let (c, w) = first("Ministers must not abandon the talks.");
        assert_eq!(c.stance, Stance::Avoid);
        assert_eq!(c.strength, Strength::Must);
        assert_eq!(part(&w, &c.action), "abandon the talks");
    }

    #[test]
    fn descriptive_uses_are_excluded() {
        for text in [
            "They have different visions for what should replace it.",
            "The agency should have acted sooner.",
            "It should be noted that funds were short.",
            "Should talks fail, the border may close.",
            "It is unclear whether the allies should pay.",
        ] {
            let (c, _) = first(text);
            assert!(c.excluded.is_some(), "{text}");
        }
    }

    #[test]
    fn noun_need_is_not_a_modal() {
        let w = Words::new("They agreed on the need to defeat him.", false);
        assert!(find(&w).is_empty());
        let w = Words::new("The alliance needs to adapt.", false);
        assert_eq!(find(&w)[0].strength, Strength::Must);
    }

    #[test]
    fn passive_advice_takes_the_whole_clause_as_action() {
        let (c, w) = first("Funding for the program should be increased.");
        assert!(c.signals.passive);
        assert!(c.actor.is_none());
        assert_eq!(
            part(&w, &c.action),
            "Funding for the program should be increased"
        );
    }

    #[test]
    fn forecasts_are_flagged() {
        let (c, _) = first("Prices should fall next year.");
        assert!(c.signals.predictive);
        let (c, _) = first("The depot should be able to cope.");
        assert!(c.signals.predictive);
    }

    #[test]
    fn soft_modals_are_could() {
        let (c, w) = first("Congress may wish to revisit the statute.");
        assert_eq!(c.strength, Strength::Could);
        assert_eq!(part(&w, &c.action), "revisit the statute");
    }
}
