//! A cheap first look at a sentence: does it have any word a risk statement needs?
//!
//! Every risk statement has a harm word or an adverse frame ("the risk of", "warns against"),
//! so a sentence without one is skipped before the full analysis. Most sentences of a long
//! text are not risks, and this check allocates nothing per word.

use std::sync::OnceLock;

use crate::fasthash::FastSet;
use crate::lexicon::impact::HARMS;
use crate::lexicon::senses::{FORCING, LOST_OBJECTS, RISING_INDICATORS};

/// Words that can open a harm phrase or name an adverse frame by themselves. Every risk
/// statement has one (a harm, "the risk of", "warns against"), so a sentence without any is
/// skipped before the full analysis: most sentences of a long text are not risks.
fn triggers() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set: FastSet<&'static str> = HARMS
            .iter()
            .flat_map(|h| {
                h.pattern
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .split('|')
            })
            .collect();
        // objects whose loss is a harm ("cost thousands of jobs")
        set.extend(LOST_OBJECTS.iter().map(|(word, _, _)| *word));
        set.extend(RISING_INDICATORS.iter().map(|(word, _, _)| *word));
        // a forced harm ("abandon") needs a word that forces it, which is rarer
        set.extend(FORCING.iter().copied());
        set.extend([
            "risk",
            "risks",
            "threat",
            "threats",
            "danger",
            "dangers",
            "peril",
            "specter",
            "spectre",
            "prospect",
            "scenario",
            "scenarios",
            "worst-case",
            "worst",
            "against",
        ]);
        set
    })
}

/// True when the sentence has a word from [`triggers`]; cheap, no allocation per word.
pub fn may_state_a_risk(text: &str) -> bool {
    let set = triggers();
    let mut lower = String::with_capacity(32);
    brief_text::words(text).any(|range| {
        lower.clear();
        for c in text[range].chars() {
            match c {
                '’' => lower.push('\''),
                c if c.is_ascii() => lower.push(c.to_ascii_lowercase()),
                c => lower.extend(c.to_lowercase()),
            }
        }
        set.contains(lower.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_keeps_every_harm_and_frame_word() {
        for harm in HARMS {
            for form in harm.pattern.split_whitespace().next().unwrap().split('|') {
                assert!(
                    may_state_a_risk(&format!("It could {form} soon.")),
                    "{form}"
                );
            }
        }
        assert!(may_state_a_risk("There is a Risk of it."));
        assert!(!may_state_a_risk("The museum reopened on Saturday."));
    }
}
