//! One sentence → its best recommendation, if any: run every cue family, apply the exclusions,
//! work out who recommends (`by`), score, and keep the highest-scoring match.

use crate::attribution::{self, Voice};
use crate::cue::{Cue, CueKind};
use crate::extract;
use crate::headings::Section;
use crate::lexicon::{self, contains};
use crate::names::Names;
use crate::score::{self, Context, THRESHOLD};
use crate::words::Words;
use crate::{cues_modal, cues_performative, cues_phrase, exclude};

/// How far back a carrier verb ("suggests that") may govern a cue, in words.
const CARRIER_REACH: usize = 25;

/// What the sentence's surroundings contribute.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Surroundings<'a> {
    pub section: Section,
    /// Imperatives count: under a recommendations heading or after a list introduction.
    pub allow_imperative: bool,
    /// The speaker of a quotation continued from, or attributed in, a neighbouring sentence.
    pub paragraph_speaker: Option<&'a str>,
    pub extra_cues: &'a [Vec<String>],
    pub names: &'a Names,
}

/// The recommendation a sentence makes.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub cue: Cue,
    pub score: f64,
    /// Who recommends, as written (pronouns not yet resolved, surnames not yet expanded).
    pub by: Option<String>,
}

/// Every cue match in the sentence, exclusions recorded, including a quotation attributed with
/// "recommends".
pub(crate) fn cues(words: &Words<'_>, voice: &Voice, around: &Surroundings<'_>) -> Vec<Cue> {
    let mut cues = cues_modal::find(words);
    cues.extend(cues_performative::find(words));
    cues.extend(cues_phrase::find(words));
    for phrase in around.extra_cues {
        cues.extend(cues_phrase::extra(words, phrase));
    }
    if around.allow_imperative {
        cues.extend(cues_phrase::imperative(words));
    }
    exclude::apply(words, &mut cues);
    add_quoted_advice(words, voice, &mut cues);
    cues
}

/// The best-scoring recommendation of the sentence, if one reaches the threshold.
pub(crate) fn best(words: &Words<'_>, voice: &Voice, around: &Surroundings<'_>) -> Option<Found> {
    let cues = cues(words, voice, around);
    let mut best: Option<Found> = None;
    for mut cue in cues.into_iter().filter(|c| c.excluded.is_none()) {
        let (score, by) = assess(words, voice, around, &mut cue);
        if score >= THRESHOLD && best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Found { cue, score, by });
        }
    }
    best
}

/// Scores one cue match and finds who recommends it (as written). Marks the cue carried when
/// a verb such as "suggests that" governs it. Shared by [`best`] and the `explain` trace.
pub(crate) fn assess(
    words: &Words<'_>,
    voice: &Voice,
    around: &Surroundings<'_>,
    cue: &mut Cue,
) -> (f64, Option<String>) {
    let carrier_speaker = mark_carrier(words, voice, cue);
    let by = recommender(words, voice, around, cue, carrier_speaker);
    let ctx = Context {
        section: around.section,
        attributed: by.is_some(),
        agent_actor: cue
            .actor
            .as_ref()
            .is_some_and(|a| extract::is_agent(words, a, &around.names.proper_nouns)),
        non_agent_subject: cue
            .actor
            .as_ref()
            .is_some_and(|a| extract::is_non_agent_pronoun(words, a)),
    };
    (score::score(cue, &ctx), by)
}

/// A quotation attributed with "recommends"/"urges" ("“Fund the coast guard,” the report
/// recommends.") is advice even without a cue inside; cues inside it are carried by the verb.
fn add_quoted_advice(words: &Words<'_>, voice: &Voice, cues: &mut Vec<Cue>) {
    let (Some(verb), Some(quote)) = (&voice.quote_verb, &voice.quote_words) else {
        return;
    };
    if !(contains(lexicon::RECOMMEND_VERBS, verb) || contains(lexicon::URGE_VERBS, verb)) {
        return;
    }
    let mut inside = false;
    for cue in cues.iter_mut().filter(|c| quote.contains(&c.at)) {
        cue.signals.carried = true;
        inside = true;
    }
    if !inside && !quote.is_empty() {
        let mut cue = Cue::new(
            CueKind::QuotedAdvice,
            words,
            quote.end..quote.end,
            crate::strength::Strength::Should,
        );
        cue.phrase = verb.clone();
        cue.at = quote.start;
        cue.action = quote.clone();
        cues.push(cue);
    }
}

/// Finds a verb such as "suggests that" governing the cue; marks the cue carried (unless the
/// verb only reports, like "said that") and returns the verb's subject.
fn mark_carrier(words: &Words<'_>, voice: &Voice, cue: &mut Cue) -> Option<std::ops::Range<usize>> {
    let _ = voice;
    let low = cue.at.saturating_sub(CARRIER_REACH);
    for k in (low..cue.at).rev() {
        let gap = words.words[k + 1].before;
        if gap.quote_open || gap.quote_close || gap.clause {
            return None;
        }
        let w = words.lower(k);
        let carrier = contains(lexicon::CARRIER_VERBS, w)
            || contains(lexicon::RECOMMEND_VERBS, w)
            || contains(lexicon::URGE_VERBS, w);
        let governs =
            words.lower(k + 1) == "that" || cue.actor.as_ref().is_some_and(|a| a.start == k + 1);
        if carrier && governs {
            // "said that" only attributes; "suggests that", "argues that" put advice forward
            let reports = matches!(
                w,
                "say" | "said" | "says" | "write" | "wrote" | "writes" | "believe" | "believes"
            );
            cue.signals.carried |= !reports;
            return extract::subject_before(words, k).ok().flatten();
        }
    }
    None
}

/// Who recommends: the cue's own verb's subject, else a carrier's subject, else the quoted
/// speaker when the cue is quoted, else "according to"/", X said". First-person speakers are
/// the quoted speaker inside a quotation and the author (no `by`) outside.
fn recommender(
    words: &Words<'_>,
    voice: &Voice,
    around: &Surroundings<'_>,
    cue: &Cue,
    carrier: Option<std::ops::Range<usize>>,
) -> Option<String> {
    let quoted =
        words.words.get(cue.at).is_some_and(|w| w.in_quote) || cue.kind == CueKind::QuotedAdvice;
    let quote_speaker = || {
        voice
            .quote_speaker
            .clone()
            .or_else(|| around.paragraph_speaker.map(str::to_string))
    };
    let named = cue
        .speaker
        .clone()
        .or(carrier)
        .and_then(|r| attribution::speaker_text(words, r));
    match named {
        Some(s) if attribution::is_first_person(&s) => {
            if quoted {
                quote_speaker()
            } else {
                None
            }
        }
        Some(s) => Some(s),
        None if quoted => quote_speaker(),
        None => voice.reported_by.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<Found> {
        let names = Names::default();
        let around = Surroundings {
            section: Section::Plain,
            allow_imperative: false,
            paragraph_speaker: None,
            extra_cues: &[],
            names: &names,
        };
        let w = Words::new(text, false);
        best(&w, &attribution::voice(&w), &around)
    }

    #[test]
    fn quoted_advice_is_attributed_to_the_quoted_speaker() {
        let f =
            found("“Ministers should be careful not to overrate the pact,” the institute warned.")
                .unwrap();
        assert_eq!(f.by.as_deref(), Some("the institute"));
    }

    #[test]
    fn we_inside_a_quote_is_the_speaker() {
        let f =
            found("“We argue against trying to split the bloc because it would fail,” Varga said.")
                .unwrap();
        assert_eq!(f.by.as_deref(), Some("Varga"));
        assert_eq!(f.cue.phrase, "argue against");
    }

    #[test]
    fn carrier_subject_recommends() {
        let f = found("Instead, the institute suggests that the best response is for Japan to share radar data.").unwrap();
        assert_eq!(f.by.as_deref(), Some("the institute"));
        assert!(f.cue.signals.carried);
    }

    #[test]
    fn quote_attributed_with_recommends_counts_without_a_cue() {
        let f = found("“Fund the coast guard properly,” the report recommends.").unwrap();
        assert_eq!(f.cue.kind, CueKind::QuotedAdvice);
        assert_eq!(f.by.as_deref(), Some("the report"));
    }

    #[test]
    fn descriptive_sentences_have_no_recommendation() {
        for text in [
            "They share a deep cynicism but have different visions for what should replace it, one expert said.",
            "Capitalists and communists could agree on the need to defeat him.",
            "Successful alliances require partners to put their interests second.",
            "Could Western capitals exploit these rifts to split the pact?",
            "Prices should fall next year.",
        ] {
            assert!(found(text).is_none(), "{text}");
        }
    }
}
