//! Who puts a recommendation forward (`by`). News and think-tank prose attribute advice in a
//! few fixed shapes, which are read here from the words of one sentence:
//!
//! - after a quotation: "…,” RAND warned." / "…,” said Mark Cozad." / "…,” the report recommends."
//! - before a quotation: "Cozad told reporters: “…”"
//! - "according to the report, …"
//! - indirect speech: "Allies should pool funds, the minister said."
//!
//! The cue's own verb ("RAND warns against…") and carrier verbs ("RAND suggests that…") are
//! read in `sentence`, which decides between these.

use std::ops::Range;

use crate::cues_performative::noun_phrase_end;
use crate::extract;
use crate::lexicon::{self, bits, contains};
use crate::words::Words;

/// Longest speaker phrase we accept, in words.
const MAX_SPEAKER_WORDS: usize = 8;

/// The attributions found in one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Voice {
    /// Who is quoted in this sentence.
    pub quote_speaker: Option<String>,
    /// The verb that attributes the quotation, lowercase ("recommends").
    pub quote_verb: Option<String>,
    /// Words inside the last quotation, when it is attributed after the quote.
    pub quote_words: Option<Range<usize>>,
    /// "according to X", an inserted or trailing ", X said", or a leading "X said" on
    /// unquoted text.
    pub reported_by: Option<String>,
}

/// Reads the attributions of one sentence.
pub(crate) fn voice(words: &Words<'_>) -> Voice {
    let mut voice = Voice::default();
    if let Some((speaker, verb, quote)) = after_quote(words) {
        voice.quote_speaker = Some(speaker);
        voice.quote_verb = Some(verb);
        voice.quote_words = Some(quote);
    } else if let Some(speaker) = before_quote(words) {
        voice.quote_speaker = Some(speaker);
    }
    voice.reported_by = according_to(words)
        .or_else(|| inserted_said(words))
        .or_else(|| leading_said(words));
    voice
}

/// "…,” RAND warned." / "…,” said Mark Cozad, co-author of the study."
fn after_quote(words: &Words<'_>) -> Option<(String, String, Range<usize>)> {
    let q = (1..words.len())
        .rev()
        .find(|&k| words.words[k].before.quote_close)?;
    let quote_start = (0..q)
        .rev()
        .find(|&k| words.words[k].before.quote_open)
        .unwrap_or(0);
    let limit = (q + MAX_SPEAKER_WORDS + 1).min(words.len());
    let verb = (q..limit)
        .take_while(|&k| {
            k == q || !words.words[k].before.clause && !words.words[k].before.quote_open
        })
        .find(|&k| contains(lexicon::SPEECH_VERBS, words.lower(k)))?;
    let phrase = if verb == q {
        // "said Mark Cozad, a co-author": the phrase follows the verb up to a comma
        let end = (verb + 1..words.len())
            .find(|&k| words.break_before(k))
            .unwrap_or(words.len());
        verb + 1..end.min(verb + 1 + MAX_SPEAKER_WORDS)
    } else {
        // "Mark Cozad, co-author of the study, said": drop the apposition after the comma
        let end = (q + 1..verb)
            .find(|&k| words.words[k].before.comma)
            .unwrap_or(verb);
        q..end
    };
    let speaker = speaker_text(words, phrase)?;
    Some((speaker, words.lower(verb).to_string(), quote_start..q))
}

/// "Cozad told reporters: “…”" / "Mark Cozad, co-author of the study, compared them: “…”".
fn before_quote(words: &Words<'_>) -> Option<String> {
    let open = (1..words.len()).find(|&k| words.words[k].before.quote_open)?;
    if words.words[0].in_quote {
        return None;
    }
    let colon = words.words[open].before.clause;
    let verb = (0..open).find(|&k| contains(lexicon::SPEECH_VERBS, words.lower(k)));
    let phrase = match verb {
        Some(v) => extract::subject_before(words, v).ok().flatten()?,
        None if colon => 0..noun_phrase_end(words, 0),
        None => return None,
    };
    speaker_text(words, phrase)
}

/// "according to the report, …" anywhere in the sentence.
fn according_to(words: &Words<'_>) -> Option<String> {
    let k = (0..words.len()).find(|&k| words.matches_at(k, &["according", "to"]))?;
    let start = k + 2;
    let end = (start + 1..words.len())
        .find(|&e| words.break_before(e))
        .unwrap_or(words.len())
        .min(start + MAX_SPEAKER_WORDS);
    speaker_text(words, start..end)
}

/// Words after a reporting verb that still belong to its clause: "the report said on Tuesday".
const SAID_TAIL_WORDS: usize = 3;

/// The first unquoted ", X said" / ", said X" clause of the sentence, wherever it sits:
/// "Councils must prepare, the report said, since…" or "…, Nand said."
fn inserted_said(words: &Words<'_>) -> Option<String> {
    (1..words.len())
        .filter_map(|k| said_clause_at(words, k))
        .find_map(|(speaker, _)| speaker_text(words, speaker))
}

/// An attribution clause starting at word `k` right after a comma: ", the report said," /
/// ", Nand said on Tuesday." / ", said Priya Nand, a fellow". Returns the speaker's words and
/// the index where the clause ends. Used for `by` and to keep the clause out of actions.
pub(crate) fn said_clause_at(words: &Words<'_>, k: usize) -> Option<(Range<usize>, usize)> {
    let w = words.words.get(k)?;
    if k == 0 || !w.before.comma || w.before.clause || w.in_quote {
        return None;
    }
    let end = (k + 1..words.len())
        .find(|&e| words.break_before(e))
        .unwrap_or(words.len());
    if end - k > MAX_SPEAKER_WORDS + SAID_TAIL_WORDS + 1 {
        return None;
    }
    let is_said = |v: usize| is_unambiguous_speech_verb(words.lower(v));
    // ", as the report notes,": "as" is not part of the speaker
    let from = if words.lower(k) == "as" { k + 1 } else { k };
    if is_said(from) {
        return (end > from + 1).then_some((from + 1..end, end));
    }
    let verb = (from + 1..end).find(|&v| is_said(v))?;
    let tail = end - verb - 1;
    let timed = matches!(
        words.lower(verb + 1),
        "on" | "in" | "last" | "this" | "yesterday" | "today" | "earlier" | "recently"
    );
    (tail == 0 || (timed && tail <= SAID_TAIL_WORDS)).then_some((from..verb, end))
}

/// A verb of saying that is not also a noun of an agent: "states" in "Coastal states must…" is
/// the subject, so it only counts as a verb when "that" follows.
fn is_unambiguous_speech_verb(word: &str) -> bool {
    lexicon::word_bits(word) & (bits::SPEECH | bits::AGENT) == bits::SPEECH
}

/// "Karlsdottir said governments must…" / "Economists warn that…": the subject of a reporting
/// verb near the start of an unquoted sentence.
fn leading_said(words: &Words<'_>) -> Option<String> {
    let limit = (MAX_SPEAKER_WORDS + 1).min(words.len());
    let verb = (1..limit)
        .take_while(|&v| !words.break_before(v) && !words.words[v].in_quote)
        .find(|&v| {
            let b = lexicon::word_bits(words.lower(v));
            b & (bits::SPEECH | bits::REPORTING) != 0
                && (b & bits::AGENT == 0 || words.lower(v + 1) == "that")
        })?;
    if words.words[0].in_quote || verb + 1 >= words.len() || words.break_before(verb + 1) {
        return None;
    }
    let subject = extract::subject_before(words, verb).ok().flatten()?;
    speaker_text(words, subject)
}

/// The speaker as shown: the source words, with a sentence-initial "The" lowercased so that
/// "The report recommends" and "the report said" give the same `by`.
pub(crate) fn speaker_text(words: &Words<'_>, phrase: Range<usize>) -> Option<String> {
    if phrase.is_empty() || phrase.len() > MAX_SPEAKER_WORDS || phrase.end > words.len() {
        return None;
    }
    let text = words.slice(phrase.start, phrase.end);
    let first = words.lower(phrase.start);
    if phrase.len() == 1 && contains(lexicon::NON_AGENT_SUBJECTS, first) {
        return None;
    }
    let text = match first {
        "the" | "a" | "an" | "one" => format!("{first}{}", &text[first.len()..]),
        _ => text.to_string(),
    };
    Some(text)
}

/// True for "we", "I", "us": the quoted speaker or the author, never a name.
pub(crate) fn is_first_person(speaker: &str) -> bool {
    matches!(speaker.to_lowercase().as_str(), "we" | "i" | "us")
}

/// True for "he", "she", "they": resolved to the last named speaker.
pub(crate) fn is_third_person_pronoun(speaker: &str) -> bool {
    matches!(speaker.to_lowercase().as_str(), "he" | "she" | "they")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Voice {
        voice(&Words::new(text, false))
    }

    #[test]
    fn speaker_after_the_quote() {
        let x = v("“Planners should be careful,” the Institute warned.");
        assert_eq!(x.quote_speaker.as_deref(), Some("the Institute"));
        assert_eq!(x.quote_verb.as_deref(), Some("warned"));
        let x = v("“Act now,” said Lena Varga, a fellow at the institute.");
        assert_eq!(x.quote_speaker.as_deref(), Some("Lena Varga"));
        let x = v("“We argue against it,” Varga told a newspaper.");
        assert_eq!(x.quote_speaker.as_deref(), Some("Varga"));
    }

    #[test]
    fn apposition_is_dropped() {
        let x = v("“Act now,” Lena Varga, a fellow at the institute, said.");
        assert_eq!(x.quote_speaker.as_deref(), Some("Lena Varga"));
    }

    #[test]
    fn speaker_before_the_quote() {
        let x = v("Lena Varga, a co-author, compared the two: “They drill apart.”");
        assert_eq!(x.quote_speaker.as_deref(), Some("Lena Varga"));
    }

    #[test]
    fn according_to_and_trailing_said() {
        let x = v("According to the study, donors should pool funds.");
        assert_eq!(x.reported_by.as_deref(), Some("the study"));
        let x = v("Donors should pool funds, the minister said.");
        assert_eq!(x.reported_by.as_deref(), Some("the minister"));
    }

    #[test]
    fn inserted_said_clause_mid_sentence() {
        let x = v("Town boards must prepare, the review said, since wells are low.");
        assert_eq!(x.reported_by.as_deref(), Some("the review"));
        let x = v("Donors should pool funds, said Lena Varga, a fellow.");
        assert_eq!(x.reported_by.as_deref(), Some("Lena Varga"));
        let x = v("Donors should pool funds, the minister said on Friday.");
        assert_eq!(x.reported_by.as_deref(), Some("the minister"));
    }

    #[test]
    fn leading_said_names_the_speaker() {
        let x = v("Varga said governments must stop waiting.");
        assert_eq!(x.reported_by.as_deref(), Some("Varga"));
        let x = v("Economists warn that prices could rise.");
        assert_eq!(x.reported_by.as_deref(), Some("Economists"));
    }

    #[test]
    fn states_as_a_noun_is_not_a_speech_verb() {
        let x = v("Coastal states must agree on common rules, and member states should pay.");
        assert_eq!(x.reported_by, None);
        let x = v("Aid should reach the coast, with member states, by June.");
        assert_eq!(x.reported_by, None);
    }

    #[test]
    fn sentence_initial_the_is_lowercased() {
        let x = v("“Fund it,” The report recommends.");
        assert_eq!(x.quote_speaker.as_deref(), Some("the report"));
    }
}
