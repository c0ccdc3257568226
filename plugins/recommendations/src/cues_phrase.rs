//! Fixed phrases that carry advice without a modal: "the best response is for X to…", "the
//! most effective way for X to Z is to Y", "it is essential for X to…", "it would be a mistake
//! to…", imperatives under a recommendations heading, and the user's `extra_cues`.

use crate::cue::{Cue, CueKind, Exclusion};
use crate::cues_performative::noun_phrase_end;
use crate::extract;
use crate::lexicon::{self, bits, contains};
use crate::strength::{Stance, Strength};
use crate::words::Words;

/// Adjectives after "most" that make "the most effective way…" a cue.
const MOST_ADJECTIVES: &[&str] = &[
    "effective",
    "important",
    "productive",
    "promising",
    "prudent",
    "sensible",
    "useful",
];

/// All phrase cues in a sentence (not imperatives or extra cues, which need context).
pub(crate) fn find(words: &Words<'_>) -> Vec<Cue> {
    let mut cues = Vec::new();
    for i in 0..words.len() {
        let w = words.lower(i);
        let b = lexicon::word_bits(w);
        let cue = if b & bits::BEST != 0 {
            best_way(words, i, 1)
        } else if w == "most" && MOST_ADJECTIVES.contains(&words.lower(i + 1)) {
            best_way(words, i, 2)
        } else if b & (bits::MUST_ADJECTIVE | bits::SHOULD_ADJECTIVE) != 0 {
            important_for(words, i)
        } else if b & bits::MISTAKE != 0 {
            mistake(words, i)
        } else {
            None
        };
        cues.extend(cue);
    }
    cues
}

/// "the best response is for the US and its allies to work together", "the most effective way
/// for the United States to counter X is to ensure Y".
fn best_way(words: &Words<'_>, i: usize, adjective_len: usize) -> Option<Cue> {
    let noun = i + adjective_len;
    if !contains(lexicon::BEST_NOUNS, words.lower(noun)) {
        return None;
    }
    let end = words.clause_end(noun);
    // the copula that links the noun to the advice: "is", "would be", "remains"
    let copula = (noun + 1..end).find(|&k| {
        matches!(words.lower(k), "is" | "remains" | "was")
            || (words.lower(k) == "be" && words.lower(k.wrapping_sub(1)) == "would")
    })?;
    let mut cue = Cue::new(CueKind::BestWay, words, i..copula + 1, Strength::Should);
    // an actor before the copula: "the best way for Washington to respond is…"
    if words.lower(noun + 1) == "for" {
        cue.actor = extract::phrase_until(words, noun + 2, "to");
    }
    let mut p = copula + 1;
    if words.lower(p) == "not" {
        cue.stance = Stance::Avoid;
        p += 1;
    }
    match words.lower(p) {
        "to" => p += 1,
        "for" => {
            let actor = extract::phrase_until(words, p + 1, "to")?;
            p = actor.end + 1;
            cue.actor = Some(actor);
        }
        _ => return None,
    }
    // "the best way to understand this is to…" is a remark about understanding, not advice
    if words.lower(noun + 1) == "to" && contains(lexicon::META_INFINITIVES, words.lower(noun + 2)) {
        cue.exclude(Exclusion::Remark);
    }
    if contains(lexicon::AVOID_VERBS, words.lower(p)) {
        cue.stance = cue.stance.flipped();
        p += 1;
    }
    cue.phrase = (i..copula + 1)
        .filter(|&k| k <= noun || k == copula)
        .map(|k| words.lower(k))
        .collect::<Vec<_>>()
        .join(" ");
    cue.action = extract::action_from(words, p);
    cue.signals.directive_verb = contains(lexicon::POLICY_VERBS, words.lower(p));
    (!cue.action.is_empty()).then_some(cue)
}

/// "it is essential for allies to…", "it is time for Congress to…", "it is important that the
/// agency…". Needs "it"+copula before the adjective.
fn important_for(words: &Words<'_>, i: usize) -> Option<Cue> {
    let mut k = i;
    while k > 0
        && matches!(
            words.lower(k - 1),
            "therefore"
                | "also"
                | "now"
                | "increasingly"
                | "more"
                | "equally"
                | "particularly"
                | "especially"
                | "absolutely"
                | "critically"
                | "high"
                | "so"
                | "thus"
                | "all"
        )
    {
        k -= 1;
    }
    let copula_start = if k >= 2
        && words.lower(k - 2) == "it"
        && matches!(words.lower(k - 1), "is" | "remains" | "was")
    {
        k - 2
    } else if k >= 1 && words.lower(k - 1) == "it's" {
        k - 1
    } else if k >= 3
        && words.lower(k - 3) == "it"
        && matches!(words.lower(k - 2), "would" | "will")
        && words.lower(k - 1) == "be"
    {
        k - 3
    } else {
        return None;
    };
    if words.lower(copula_start.wrapping_sub(1)) == "not" || words.lower(k.wrapping_sub(1)) == "not"
    {
        return None;
    }
    let strength = if contains(lexicon::MUST_ADJECTIVES, words.lower(i)) {
        Strength::Must
    } else {
        Strength::Should
    };
    let mut cue = Cue::new(CueKind::ImportantFor, words, copula_start..i + 1, strength);
    let mut p = i + 1;
    match words.lower(p) {
        "for" => {
            let actor = extract::phrase_until(words, p + 1, "to")?;
            p = actor.end + 1;
            cue.actor = Some(actor);
        }
        "to" => p += 1,
        "that" => {
            let end = noun_phrase_end(words, p + 1);
            if end > p + 1 {
                cue.actor = Some(p + 1..end);
            }
            p = end;
        }
        _ => return None,
    }
    if contains(lexicon::META_INFINITIVES, words.lower(p)) {
        cue.exclude(Exclusion::Remark);
    }
    if words.lower(p) == "not" {
        cue.stance = Stance::Avoid;
        p += 1;
    }
    cue.action = extract::action_from(words, p);
    cue.signals.directive_verb = contains(lexicon::POLICY_VERBS, words.lower(p));
    (!cue.action.is_empty()).then_some(cue)
}

/// "it would be a mistake (for X) to…": advice to avoid.
fn mistake(words: &Words<'_>, i: usize) -> Option<Cue> {
    let mut k = i;
    while k > 0
        && matches!(
            words.lower(k - 1),
            "a" | "an" | "big" | "serious" | "grave" | "great" | "strategic" | "costly" | "huge"
        )
    {
        k -= 1;
    }
    let start = if k >= 3
        && words.lower(k - 3) == "it"
        && words.lower(k - 1) == "be"
        && matches!(words.lower(k - 2), "would" | "will")
    {
        k - 3
    } else if k >= 2 && words.lower(k - 2) == "it" && words.lower(k - 1) == "is" {
        k - 2
    } else {
        return None;
    };
    let mut cue = Cue::new(CueKind::Mistake, words, start..i + 1, Strength::Should);
    cue.stance = Stance::Avoid;
    let mut p = i + 1;
    match words.lower(p) {
        "for" => {
            let actor = extract::phrase_until(words, p + 1, "to")?;
            p = actor.end + 1;
            cue.actor = Some(actor);
        }
        "to" => p += 1,
        _ => return None,
    }
    cue.action = extract::strip_attempt(words, extract::action_from(words, p));
    (!cue.action.is_empty()).then_some(cue)
}

/// "Develop a plan to…" as the first words of a sentence: an imperative. Only called where
/// the context makes imperatives advice (under a recommendations heading or after a "take the
/// following actions:" introduction).
pub(crate) fn imperative(words: &Words<'_>) -> Option<Cue> {
    // skip list enumerators: "1.", "(a)", "iii"
    let first = (0..words.len().min(3)).find(|&k| {
        let w = words.lower(k);
        !(w.chars().all(|c| c.is_ascii_digit())
            || (w.len() == 1 && k == 0)
            || matches!(w, "ii" | "iii" | "iv"))
    })?;
    let verb = words.lower(first);
    if !words.words[first].capitalized || !contains(lexicon::POLICY_VERBS, verb) {
        return None;
    }
    // "Support for the program grew": a noun, not an imperative
    if matches!(
        words.lower(first + 1),
        "of" | "for" | "is" | "was" | "has" | "are" | "were" | "will"
    ) {
        return None;
    }
    let mut cue = Cue::new(
        CueKind::Imperative,
        words,
        first..first + 1,
        Strength::Should,
    );
    if contains(lexicon::AVOID_VERBS, verb) {
        cue.stance = Stance::Avoid;
        cue.action = extract::action_from(words, first + 1);
    } else {
        cue.action = extract::action_from(words, first);
    }
    cue.signals.directive_verb = true;
    Some(cue)
}

/// A user-supplied cue phrase (lowercase words). The subject before it is the actor; after a
/// phrase ending in "that", the noun phrase after it is.
pub(crate) fn extra(words: &Words<'_>, phrase: &[String]) -> Vec<Cue> {
    let refs: Vec<&str> = phrase.iter().map(String::as_str).collect();
    let negative = refs
        .iter()
        .any(|w| matches!(*w, "not" | "against" | "avoid" | "never"));
    (0..words.len())
        .filter(|&i| !refs.is_empty() && words.matches_at(i, &refs))
        .map(|i| {
            let end = i + refs.len();
            let mut cue = Cue::new(CueKind::Extra, words, i..end, Strength::Should);
            if negative {
                cue.stance = Stance::Avoid;
            }
            let mut p = end;
            if refs.last() == Some(&"that") {
                let np_end = noun_phrase_end(words, p);
                if np_end > p {
                    cue.actor = Some(p..np_end);
                }
                p = np_end;
            } else {
                cue.actor = extract::subject_before(words, i).ok().flatten();
            }
            cue.action = extract::action_from(words, p);
            cue
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(w: &Words<'_>, r: &std::ops::Range<usize>) -> String {
        w.slice(r.start, r.end).to_string()
    }

    #[test]
    fn best_response_is_for_x_to() {
        let w = Words::new(
            "The institute suggests that the best response is for Japan and its partners to share radar data: “…",
            false,
        );
        let c = &find(&w)[0];
        assert_eq!(c.phrase, "best response is");
        assert_eq!(
            part(&w, c.actor.as_ref().unwrap()),
            "Japan and its partners"
        );
        assert_eq!(part(&w, &c.action), "share radar data");
    }

    #[test]
    fn most_effective_way_for_x_is_to() {
        let w = Words::new(
            "The most effective way for Canada to deter raids is to fund its coast guard properly.",
            false,
        );
        let c = &find(&w)[0];
        assert_eq!(c.phrase, "most effective way is");
        assert_eq!(part(&w, c.actor.as_ref().unwrap()), "Canada");
        assert_eq!(part(&w, &c.action), "fund its coast guard properly");
    }

    #[test]
    fn best_way_to_understand_is_a_remark() {
        let w = Words::new("The best way to understand the pact is to read it.", false);
        assert_eq!(find(&w)[0].excluded, Some(Exclusion::Remark));
    }

    #[test]
    fn it_is_essential_for_x_to_is_must() {
        let w = Words::new(
            "It is therefore essential for donors to coordinate their aid.",
            false,
        );
        let c = &find(&w)[0];
        assert_eq!(c.strength, Strength::Must);
        assert_eq!(part(&w, c.actor.as_ref().unwrap()), "donors");
        let w = Words::new("It is important to note that costs rose.", false);
        assert_eq!(find(&w)[0].excluded, Some(Exclusion::Remark));
        let w = Words::new("It is not necessary to act.", false);
        assert!(find(&w).is_empty());
    }

    #[test]
    fn mistake_is_avoid() {
        let w = Words::new(
            "It would be a mistake for Brussels to ignore the warning.",
            false,
        );
        let c = &find(&w)[0];
        assert_eq!(c.stance, Stance::Avoid);
        assert_eq!(part(&w, &c.action), "ignore the warning");
    }

    #[test]
    fn imperatives_skip_enumerators_and_nouns() {
        let w = Words::new("2. Develop a staffing plan for depots.", false);
        assert!(imperative(&w).is_some());
        let w = Words::new("Support for the program grew.", false);
        assert!(imperative(&w).is_none());
    }

    #[test]
    fn extra_cues_fire_on_their_words() {
        let w = Words::new(
            "The panel believes it is high time that the ministry publish data.",
            false,
        );
        let phrase: Vec<String> = ["high", "time", "that"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = extra(&w, &phrase);
        assert_eq!(part(&w, c[0].actor.as_ref().unwrap()), "the ministry");
        assert_eq!(part(&w, &c[0].action), "publish data");
    }
}
