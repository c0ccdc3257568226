//! Performative verbs: a source putting advice forward in so many words. "The report recommends
//! that…", "experts urge Congress to…", "RAND warns against…", "calls on allies to…",
//! "argues for…". The verb's subject is who recommends (`speaker`), not who should act.

use crate::cue::{Cue, CueKind, Exclusion};
use crate::extract;
use crate::lexicon::{self, bits, contains};
use crate::strength::{Stance, Strength};
use crate::words::Words;

/// All performative cues in a sentence.
pub(crate) fn find(words: &Words<'_>) -> Vec<Cue> {
    let mut cues = Vec::new();
    for i in 0..words.len() {
        let w = words.lower(i);
        let next = words.lower(i + 1);
        let b = lexicon::word_bits(w);
        let cue = if next == "against" && b & bits::AGAINST != 0 {
            Some(against(words, i))
        } else if next == "for" && b & bits::FOR != 0 {
            Some(argue_for(words, i, 2))
        } else if matches!(w, "advocate" | "advocates" | "advocated") && !is_noun_use(words, i) {
            Some(argue_for(words, i, 1))
        } else if matches!(w, "call" | "calls" | "called" | "calling") && next == "for" {
            Some(call_for(words, i))
        } else if matches!(w, "call" | "calls" | "called" | "calling")
            && matches!(next, "on" | "upon")
        {
            urge(words, i, 2, CueKind::Urge)
        } else if b & bits::URGE != 0 {
            let kind = if w.starts_with("encourag") {
                CueKind::Encourage
            } else {
                CueKind::Urge
            };
            urge(words, i, 1, kind)
        } else if b & bits::RECOMMEND != 0 && !is_noun_use(words, i) {
            recommend(words, i)
        } else {
            None
        };
        if let Some(mut cue) = cue {
            mark_speaker(words, &mut cue, i);
            cues.push(cue);
        }
    }
    cues
}

/// "the recommended dose", "an advocate": determiner before the word.
fn is_noun_use(words: &Words<'_>, i: usize) -> bool {
    i > 0
        && matches!(
            words.lower(i - 1),
            "the" | "a" | "an" | "this" | "its" | "their" | "our"
        )
}

/// The subject of the performative, its intensifier, and "did not recommend".
fn mark_speaker(words: &Words<'_>, cue: &mut Cue, i: usize) {
    if i > 0 && contains(lexicon::INTENSIFIERS, words.lower(i - 1)) {
        cue.strength = cue.strength.raised();
        cue.signals.emphatic = true;
    }
    if i >= 2 && words.lower(i - 1) == "not" {
        match words.lower(i - 2) {
            "did" | "had" | "was" | "were" => cue.exclude(Exclusion::Earlier),
            _ => cue.stance = cue.stance.flipped(),
        }
    }
    // "ministers have long called for…": auxiliaries and adverbs are not part of the subject
    let mut at = i;
    while at > 0 && !words.break_before(at) && {
        let w = words.lower(at - 1);
        matches!(w, "not" | "long" | "repeatedly" | "publicly" | "again")
            || contains(lexicon::AUXILIARIES, w)
            || contains(lexicon::SKIPPABLE_ADVERBS, w)
            || contains(lexicon::INTENSIFIERS, w)
    } {
        at -= 1;
    }
    cue.speaker = extract::subject_before(words, at).ok().flatten();
    if let Some(speaker) = &cue.speaker {
        let head = words.lower(speaker.end - 1);
        if contains(lexicon::RULE_DOCUMENTS, head)
            || matches!(
                head,
                "plan"
                    | "plans"
                    | "budget"
                    | "proposal"
                    | "agreement"
                    | "deal"
                    | "contract"
                    | "schedule"
                    | "bill"
            )
        {
            cue.exclude(Exclusion::DocumentSubject);
        }
    }
}

/// "warns against trying to undermine the partnership".
fn against(words: &Words<'_>, i: usize) -> Cue {
    let mut cue = Cue::new(CueKind::Against, words, i..i + 2, Strength::Should);
    cue.stance = Stance::Avoid;
    cue.action = extract::strip_attempt(words, extract::action_from(words, i + 2));
    cue
}

/// "argues for closer ties", "advocates deeper cooperation".
fn argue_for(words: &Words<'_>, i: usize, len: usize) -> Cue {
    let mut cue = Cue::new(CueKind::ArgueFor, words, i..i + len, Strength::Should);
    cue.action = extract::action_from(words, i + len);
    cue
}

/// "calls for a review of…".
fn call_for(words: &Words<'_>, i: usize) -> Cue {
    let mut cue = Cue::new(CueKind::ArgueFor, words, i..i + 2, Strength::Should);
    cue.action = extract::action_from(words, i + 2);
    cue
}

/// "urges Congress to act", "called on allies to…", "advised them against…" (handled by
/// `against`), "urges that…".
fn urge(words: &Words<'_>, i: usize, len: usize, kind: CueKind) -> Option<Cue> {
    let from = i + len;
    if words.lower(from) == "that" {
        return Some(that_clause(words, i, from, kind));
    }
    let object = extract::phrase_until(words, from, "to")?;
    let mut cue = Cue::new(kind, words, i..i + len, Strength::Should);
    cue.actor = Some(object.clone());
    cue.action = extract::action_from(words, object.end + 1);
    if cue.action.is_empty() {
        return None;
    }
    Some(cue)
}

/// "recommends that X (should) do Y", "recommends creating Y", "recommends against Y" (handled
/// by `against`), or "…,” the report recommends." (handled in `sentence`).
fn recommend(words: &Words<'_>, i: usize) -> Option<Cue> {
    let next = words.lower(i + 1);
    if next == "that" {
        return Some(that_clause(words, i, i + 1, CueKind::Recommend));
    }
    // "it is recommended that…"
    if next.is_empty() || words.break_before(i + 1) {
        return None;
    }
    if matches!(next, "to" | "by" | "in" | "on" | "as" | "and" | "or") {
        return None;
    }
    let mut cue = Cue::new(CueKind::Recommend, words, i..i + 1, Strength::Should);
    cue.action = extract::action_from(words, i + 1);
    Some(cue)
}

/// "…that the Secretary of Defense direct the Army to…": the noun phrase after "that" is the
/// actor, the rest the action. If the clause has its own modal, that modal's cue will carry
/// the detail and this one only adds weight.
fn that_clause(words: &Words<'_>, i: usize, that: usize, kind: CueKind) -> Cue {
    let mut cue = Cue::new(kind, words, i..that + 1, Strength::Should);
    let start = that + 1;
    let end = that_clause_subject_end(words, start);
    if end > start {
        cue.actor = Some(start..end);
    }
    cue.action = extract::action_from(words, end);
    if words.lower(end) == "not" {
        cue.stance = Stance::Avoid;
        cue.action = extract::action_from(words, end + 1);
    }
    cue
}

/// How far into a that-clause its subject may run, in words.
const THAT_SUBJECT_REACH: usize = 7;

/// Where the subject of a subjunctive that-clause ends. Known agents and names are read by
/// [`noun_phrase_end`]; other subjects ("that the water board line the canals") end before
/// the verb, found as the first policy verb, "be"/"not"/a modal, or the word before the next
/// determiner (the verb's object starts with one).
fn that_clause_subject_end(words: &Words<'_>, start: usize) -> usize {
    let end = noun_phrase_end(words, start);
    // a phrase of determiners only ("each" in "that each grower fit…") has not found its noun
    let has_head = (start..end).any(|k| {
        let w = &words.words[k];
        w.capitalized
            || w.acronym
            || contains(lexicon::AGENT_NOUNS, &w.lower)
            || contains(lexicon::AGENT_PRONOUNS, &w.lower)
    });
    if has_head || words.break_before(start) {
        return end;
    }
    let limit = (start + THAT_SUBJECT_REACH).min(words.clause_end(start));
    // "that the river board buy back…", "that each grower fit…": the subject ends after its
    // agent noun, or a noun that names a doer by its ending
    let clause = || (start + 1..limit).take_while(|&j| !words.break_before(j));
    let is_head =
        |j: usize| contains(lexicon::AGENT_NOUNS, words.lower(j)) || is_doer_noun(words.lower(j));
    if let Some(head) = clause().find(|&j| is_head(j)) {
        let mut end = head + 1;
        while end < limit && contains(lexicon::AGENT_NOUNS, words.lower(end)) {
            end += 1;
        }
        return end;
    }
    for j in start + 1..limit {
        if words.break_before(j) {
            break;
        }
        let w = &words.words[j];
        if w.lower == "be" {
            // "that funding be increased": a passive names no actor
            return start;
        }
        let verb_here = !w.capitalized
            && (contains(lexicon::POLICY_VERBS, &w.lower)
                || matches!(w.lower.as_str(), "not" | "should" | "must")
                || (j + 1 < limit
                    && is_determiner(words.lower(j + 1))
                    && !is_preposition(&w.lower)));
        if verb_here {
            // "let them flood back the": a particle belongs to the verb before it
            let particle = matches!(w.lower.as_str(), "back" | "up" | "out" | "down" | "off");
            return if particle && j > start + 1 { j - 1 } else { j };
        }
    }
    start
}

/// A noun naming a doer by its ending ("grower", "lenders", "florist"), for subjects the agent
/// list does not know. Common nouns with the same endings are left out.
fn is_doer_noun(word: &str) -> bool {
    let stem = word.strip_suffix('s').unwrap_or(word);
    stem.len() >= 5
        && (stem.ends_with("er") || stem.ends_with("or") || stem.ends_with("ist"))
        && !matches!(
            stem,
            "water"
                | "order"
                | "other"
                | "under"
                | "after"
                | "never"
                | "either"
                | "rather"
                | "further"
                | "border"
                | "sector"
                | "number"
                | "matter"
                | "center"
                | "centre"
                | "winter"
                | "summer"
                | "river"
                | "power"
                | "paper"
                | "letter"
                | "chapter"
                | "member"
                | "factor"
                | "error"
                | "floor"
                | "major"
                | "minor"
                | "together"
        )
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "on" | "in"
            | "at"
            | "for"
            | "with"
            | "to"
            | "of"
            | "from"
            | "by"
            | "into"
            | "over"
            | "under"
            | "across"
            | "along"
    )
}

fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "all" | "every" | "each"
    )
}

/// Where a noun phrase that starts at `start` ends: it runs over determiners, capitalized
/// words, name joiners ("of", "and") and agent nouns, and stops at the first other word, which
/// in "that the Secretary direct the Army" is the verb.
pub(crate) fn noun_phrase_end(words: &Words<'_>, start: usize) -> usize {
    let mut k = start;
    while k < words.len() && k - start < 12 {
        if k > start && words.words[k].before.breaks() {
            break;
        }
        let w = &words.words[k];
        let lower = w.lower.as_str();
        let fits = w.capitalized
            || w.acronym
            || contains(lexicon::NAME_JOINERS, lower)
            || contains(lexicon::AGENT_NOUNS, lower)
            || contains(lexicon::AGENT_PRONOUNS, lower)
            || matches!(
                lower,
                "a" | "an"
                    | "its"
                    | "their"
                    | "our"
                    | "all"
                    | "each"
                    | "both"
                    | "other"
                    | "relevant"
                    | "western"
                    | "federal"
                    | "state"
                    | "local"
                    | "key"
            );
        if !fits || (contains(lexicon::POLICY_VERBS, lower) && k > start && !w.capitalized) {
            break;
        }
        k += 1;
    }
    // a phrase never ends on "of", "and", "the"
    while k > start && contains(lexicon::NAME_JOINERS, words.lower(k - 1)) {
        k -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> (Vec<Cue>, Words<'_>) {
        let w = Words::new(text, false);
        (find(&w), w)
    }

    fn part(w: &Words<'_>, r: &std::ops::Range<usize>) -> String {
        w.slice(r.start, r.end).to_string()
    }

    #[test]
    fn warns_against_is_avoid_with_a_speaker() {
        let (c, w) = cues("The institute strongly warns against trying to split the bloc.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].stance, Stance::Avoid);
        assert_eq!(c[0].strength, Strength::Must);
        assert_eq!(part(&w, c[0].speaker.as_ref().unwrap()), "The institute");
        assert_eq!(part(&w, &c[0].action), "split the bloc");
    }

    #[test]
    fn urge_names_the_actor_after_the_verb() {
        let (c, w) = cues("Analysts urged European capitals to pool their air defenses.");
        assert_eq!(part(&w, c[0].actor.as_ref().unwrap()), "European capitals");
        assert_eq!(part(&w, &c[0].action), "pool their air defenses");
        assert_eq!(part(&w, c[0].speaker.as_ref().unwrap()), "Analysts");
    }

    #[test]
    fn subjunctive_recommendation_splits_actor_and_verb() {
        let (c, w) =
            cues("We recommend that the Secretary of Agriculture direct the Chief to act.");
        assert_eq!(
            part(&w, c[0].actor.as_ref().unwrap()),
            "the Secretary of Agriculture"
        );
        assert_eq!(part(&w, &c[0].action), "direct the Chief to act");
    }

    #[test]
    fn that_clause_subject_is_the_actor() {
        for (text, actor, action) in [
            (
                "The office recommends that the authority line the canals.",
                "the authority",
                "line the canals",
            ),
            (
                "The study recommends that the river board buy back the fields.",
                "the river board",
                "buy back the fields",
            ),
            (
                "Auditors recommend that each grower fit meters on the intakes.",
                "each grower",
                "fit meters on the intakes",
            ),
        ] {
            let (c, w) = cues(text);
            assert_eq!(part(&w, c[0].actor.as_ref().unwrap()), actor, "{text}");
            assert_eq!(part(&w, &c[0].action), action, "{text}");
        }
        let (c, _) = cues("The office recommends that funding be increased.");
        assert!(c[0].actor.is_none());
    }

    #[test]
    fn auxiliaries_are_not_part_of_the_speaker() {
        let (c, w) = cues("Several ministers have long called for a shared fund.");
        assert_eq!(
            part(&w, c[0].speaker.as_ref().unwrap()),
            "Several ministers"
        );
    }

    #[test]
    fn documents_calling_for_things_are_not_advisers() {
        let (c, _) = cues("The plan calls for twelve new ships.");
        assert_eq!(c[0].excluded, Some(Exclusion::DocumentSubject));
    }

    #[test]
    fn noun_uses_do_not_fire() {
        let (c, _) = cues("Patients took the recommended dose.");
        assert!(c.is_empty());
    }
}
