//! Which harms a likelihood cue governs in its sentence: its own clause, a reach forward that
//! stops at a contrast, and a subject harm across a reporting aside.

use crate::detect::CueHit;
use crate::harms::HarmHit;
use crate::lexicon::likelihood::CueClass;
use crate::view::SentenceView;

/// Words a cue reaches forward, past its own clause, to find the harm it governs (harms in
/// its own clause always count). "Already"-type cues reach less far and only forward: they
/// describe the words right after them ("ongoing operations after the attacks" does not make
/// the attacks ongoing).
const REACH: usize = 20;
const ONGOING_REACH: usize = 10;

/// Most words a reporting aside may have (", officials in the capital said,").
const REPORT_WORDS: usize = 6;
/// Most words between the start of a clause and its cue for the clause to have no subject of
/// its own (", is likely to persist", ", could also spread").
const SUBJECT_VERB_GAP: usize = 2;
/// Most words of a subject before a reporting aside ("A long drought, …").
const SUBJECT_WORDS: usize = 4;
/// Words that open an adverbial, not a subject.
const OPENING_PREPOSITIONS: &[&str] = &[
    "after",
    "before",
    "during",
    "since",
    "in",
    "following",
    "despite",
    "amid",
    "until",
    "with",
    "without",
    "unlike",
    "like",
    "for",
];
/// Verbs of a reporting aside.
const REPORTING: &[&str] = &[
    "say",
    "says",
    "said",
    "warn",
    "warns",
    "warned",
    "believe",
    "believes",
    "fear",
    "fears",
    "think",
    "thinks",
    "according",
    "told",
    "argue",
    "argues",
    "estimate",
    "estimates",
    "expect",
    "expects",
    "suggest",
    "suggests",
    "note",
    "notes",
    "added",
    "reported",
];

/// A cue governs the harms of its own clause and those up to its reach after it, but not
/// across a contrast ("It is unlikely that X, but Y could cause shortages": "unlikely" does
/// not reach the shortages). A harm that is the sentence's subject governs across a reporting
/// aside ("The drought, hydrologists say, is likely to persist").
pub(crate) fn governs(view: &SentenceView<'_>, cue: &CueHit, harm: &HarmHit) -> bool {
    let words = &view.words;
    let after = harm.first >= cue.end;
    if after && contrast_between(view, cue.end, harm.first) {
        return false;
    }
    if cue.class == CueClass::Ongoing {
        return after && harm.first - cue.end <= ONGOING_REACH;
    }
    words[cue.first].clause == words[harm.first].clause
        || (after && harm.first - cue.end <= REACH)
        || (!after && subject_across_report(view, harm.end, cue.first))
}

/// True when a contrast opens between words `from` and `to`: "but" anywhere, or a clause
/// that starts with however, yet, whereas, while, although or though.
fn contrast_between(view: &SentenceView<'_>, from: usize, to: usize) -> bool {
    let words = &view.words;
    (from..to.min(words.len())).any(|i| {
        let w = words[i].lower.as_str();
        let opens_clause = i > 0 && words[i - 1].clause != words[i].clause;
        w == "but"
            || (opens_clause
                && matches!(
                    w,
                    "however" | "yet" | "whereas" | "while" | "although" | "though"
                ))
    })
}

/// True when only short reporting clauses (", officials said,") stand between a harm ending
/// at word `harm_end` and a cue that opens its clause at word `cue_first`.
fn subject_across_report(view: &SentenceView<'_>, harm_end: usize, cue_first: usize) -> bool {
    let words = &view.words;
    let cue_clause = words[cue_first].clause;
    let clause_start = (0..=cue_first)
        .rev()
        .take_while(|&i| words[i].clause == cue_clause)
        .last()
        .unwrap_or(cue_first);
    if cue_first - clause_start > SUBJECT_VERB_GAP || harm_end > clause_start {
        return false;
    }
    // the harm must open the sentence as its subject ("The drought, …"), not sit in an
    // opening adverbial ("After the war, officials said, prices could rise")
    let harm_clause = words[harm_end - 1].clause;
    let opens_with_subject = words[0].clause == harm_clause
        && harm_end <= SUBJECT_WORDS
        && !OPENING_PREPOSITIONS.contains(&words[0].lower.as_str());
    if !opens_with_subject {
        return false;
    }
    // words between the harm's clause and the cue's clause
    let between: Vec<usize> = (harm_end..clause_start)
        .filter(|&i| words[i].clause != harm_clause)
        .collect();
    !between.is_empty()
        && between.len() <= REPORT_WORDS
        && between
            .iter()
            .any(|&i| REPORTING.contains(&words[i].lower.as_str()))
}
