//! Estimative language: the words that say how likely something is, with documented default
//! probabilities. The probabilities are nominal: a scale (`crate::scale`) turns them into a row.
//!
//! The table is the single source of truth for docs/plugins/risk-matrix.md; keep them in step.

use std::sync::OnceLock;

use crate::phrases::PhraseSet;

/// How strong the evidence for a likelihood is, in order of precedence: an explicit
/// estimative term beats a harm that is already happening, which beats a modal verb, which
/// beats a mere frame such as "fears".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CueClass {
    Frame,
    Modal,
    Ongoing,
    Estimative,
}

/// What a cue says about the words it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// Needs a harm word to make a risk ("could", "fears").
    Plain,
    /// Marks what follows as adverse by itself ("the risk of", "a scenario in which").
    Adverse,
    /// Advice against an action ("warns against"): the risk is that the action backfires.
    Against,
}

/// What negation does to a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenNegated {
    /// "not likely": the complement, 100 − p.
    Complement,
    /// A fixed probability ("could not" → 5 %, "may not" → 50 %).
    Percent(u8),
    /// The sentence no longer states a risk ("no risk of", "does not fear").
    Drop,
}

/// One entry of the likelihood lexicon.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub pattern: &'static str,
    pub percent: u8,
    pub class: CueClass,
    pub framing: Framing,
    pub negated: WhenNegated,
    /// Still points forward inside a sentence about the past ("in 1990 … will"), unlike
    /// "would"/"could" (future-in-the-past, past ability) or a past "feared".
    pub forward: bool,
}

const fn cue(
    pattern: &'static str,
    percent: u8,
    class: CueClass,
    framing: Framing,
    negated: WhenNegated,
) -> Cue {
    Cue {
        pattern,
        percent,
        class,
        framing,
        negated,
        forward: matches!(class, CueClass::Estimative),
    }
}

/// A cue that keeps pointing forward in a sentence about the past.
const fn fwd(
    pattern: &'static str,
    percent: u8,
    class: CueClass,
    framing: Framing,
    negated: WhenNegated,
) -> Cue {
    Cue {
        pattern,
        percent,
        class,
        framing,
        negated,
        forward: true,
    }
}

use CueClass::{Estimative, Frame, Modal, Ongoing};
use Framing::{Adverse, Against, Plain};
use WhenNegated::{Complement, Drop, Percent};

/// The likelihood lexicon. Percentages are the defaults documented for analysts.
pub const CUES: &[Cue] = &[
    // explicit estimative terms of both yardsticks and their everyday synonyms
    cue(
        "almost|virtually|nearly certain|certainly",
        97,
        Estimative,
        Plain,
        Complement,
    ),
    cue(
        "inevitable|inevitably|inescapable",
        97,
        Estimative,
        Plain,
        Complement,
    ),
    cue(
        "very|highly likely|probable",
        87,
        Estimative,
        Plain,
        Complement,
    ),
    cue("very probably", 87, Estimative, Plain, Complement),
    cue(
        "likely|probable|probably",
        67,
        Estimative,
        Plain,
        Complement,
    ),
    cue("more likely than not", 60, Estimative, Plain, Complement),
    cue(
        "roughly|about even chance|odds",
        50,
        Estimative,
        Plain,
        Complement,
    ),
    cue("even chance|odds", 50, Estimative, Plain, Complement),
    cue("as likely as not", 50, Estimative, Plain, Complement),
    cue(
        "realistic possibility|prospect",
        45,
        Estimative,
        Plain,
        Complement,
    ),
    cue("unlikely|improbable", 30, Estimative, Plain, Complement),
    cue(
        "very|highly unlikely|improbable",
        12,
        Estimative,
        Plain,
        Complement,
    ),
    cue("slim|small chance", 10, Estimative, Plain, Complement),
    cue(
        "remote chance|possibility",
        4,
        Estimative,
        Plain,
        Complement,
    ),
    cue("almost no chance", 3, Estimative, Plain, Complement),
    // modal verbs and hedges
    fwd("will", 75, Modal, Plain, Percent(15)),
    fwd("won't", 15, Modal, Plain, Percent(15)),
    cue("would", 40, Modal, Plain, Percent(15)),
    cue("wouldn't", 15, Modal, Plain, Percent(15)),
    cue("could", 35, Modal, Plain, Percent(5)),
    cue("couldn't", 5, Modal, Plain, Percent(5)),
    fwd("may|might", 40, Modal, Plain, Percent(50)),
    cue(
        "possible|possibly|potential|potentially|perhaps|maybe",
        40,
        Modal,
        Plain,
        Drop,
    ),
    cue("suspect|suspects that", 55, Modal, Plain, Drop),
    fwd("is|are|was|were expected to", 70, Modal, Plain, Percent(20)),
    cue("expect|expects that", 70, Modal, Plain, Percent(20)),
    fwd(
        "is|are set|poised|going|bound to",
        75,
        Modal,
        Plain,
        Percent(20),
    ),
    fwd("on track to", 75, Modal, Plain, Percent(20)),
    cue("threaten|threatens|threatening to", 50, Modal, Plain, Drop),
    // frames: fears, warnings, scenarios and named risks
    cue("fear|fears|feared|fearing", 35, Frame, Plain, Drop),
    cue("worry|worries|worried", 35, Frame, Plain, Drop),
    cue(
        "concern|concerns|concerned that|about",
        35,
        Frame,
        Plain,
        Drop,
    ),
    cue(
        "warn|warns|warned|warning that|of|about",
        40,
        Frame,
        Plain,
        Drop,
    ),
    cue(
        "warn|warns|warned|warning|caution|cautions|cautioned|argue|argues|argued|advise|advises|advised against",
        35,
        Frame,
        Against,
        Drop,
    ),
    cue("scenario|scenarios in which", 30, Frame, Adverse, Drop),
    cue("scenario|scenarios where|whereby", 30, Frame, Adverse, Drop),
    cue("worst-case", 30, Frame, Adverse, Drop),
    cue("worst case", 30, Frame, Adverse, Drop),
    cue("specter|spectre|prospect of", 35, Frame, Adverse, Drop),
    cue(
        "risk|risks|danger|dangers|peril of|that",
        40,
        Frame,
        Adverse,
        Drop,
    ),
    cue("threat|threats of|to", 40, Frame, Adverse, Drop),
    cue("at risk", 40, Frame, Adverse, Drop),
    cue("risk|risks|danger|dangers", 40, Frame, Plain, Drop),
    cue("vulnerable to", 40, Frame, Plain, Drop),
    // being told to get ready for a harm names it as a risk ("towns must prepare for
    // shortages"); a bare "prepare for" is left out because the preparer may be the one who
    // causes the harm ("prepare for an invasion")
    cue("brace|braces|braced|bracing for", 40, Frame, Plain, Drop),
    cue("must|should prepare|brace for", 40, Frame, Plain, Drop),
    cue("must|should also prepare|brace for", 40, Frame, Plain, Drop),
    cue(
        "need|needs|have|has to prepare|brace for",
        40,
        Frame,
        Plain,
        Drop,
    ),
    // the harm is already happening
    cue("already", 97, Ongoing, Plain, Drop),
    cue("ongoing", 97, Ongoing, Plain, Drop),
    cue("continue|continues|continuing to", 97, Ongoing, Plain, Drop),
    cue("still", 97, Ongoing, Plain, Drop),
    cue("currently", 97, Ongoing, Plain, Drop),
];

/// Probability given to a harm that is happening now without any cue word (a present-tense
/// "is escalating", or support that sustains a war).
pub const ONGOING_PERCENT: u8 = 97;

/// Words right before a cue (or right after a modal: "could well") that raise it one level.
pub const BOOSTERS: &[&str] = &[
    "real",
    "serious",
    "growing",
    "high",
    "clear",
    "significant",
    "major",
    "distinct",
    "heightened",
    "increased",
    "increasing",
    "genuine",
    "considerable",
    "strongly",
    "increasingly",
    "big",
    "biggest",
    "greatest",
    "very",
    "well",
    "easily",
    "imminent",
];

/// Words right before a cue (or right after a modal) that lower it one level.
pub const ATTENUATORS: &[&str] = &[
    "small",
    "slight",
    "low",
    "little",
    "minimal",
    "outside",
    "faint",
    "conceivably",
    "theoretically",
    "remote",
    "marginal",
];

/// Words that negate a cue next to them.
pub const NEGATORS: &[&str] = &["not", "never", "no", "nor", "hardly", "barely"];

/// Words after a fear or warning that say it has passed ("fears proved overblown").
pub const DEFLATORS: &[&str] = &[
    "overblown",
    "unfounded",
    "exaggerated",
    "overstated",
    "misplaced",
    "receded",
    "eased",
    "allayed",
    "dispelled",
    "subsided",
    "faded",
    "baseless",
    "groundless",
];

/// The cue matcher, built once.
pub fn cue_set() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(CUES.iter().map(|c| &c.pattern)))
}

/// True for a word that negates ("not", "never", "doesn't").
pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word) || word.ends_with("n't") || word == "cannot"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_matches_itself() {
        let set = cue_set();
        for (index, cue) in CUES.iter().enumerate() {
            let words: Vec<&str> = cue
                .pattern
                .split_whitespace()
                .map(|slot| slot.split('|').next().unwrap())
                .collect();
            let found = set.match_at(&words, 0).expect(cue.pattern);
            // a longer entry may win over this one only if it covers the same words
            assert!(
                found.end == words.len(),
                "{} matched {:?}",
                cue.pattern,
                found
            );
            if found.entry != index {
                assert_eq!(
                    CUES[found.entry].pattern.split_whitespace().count(),
                    words.len()
                );
            }
        }
    }

    #[test]
    fn contracted_negations_are_negators() {
        assert!(is_negator("doesn't"));
        assert!(is_negator("never"));
        assert!(!is_negator("now"));
    }
}
