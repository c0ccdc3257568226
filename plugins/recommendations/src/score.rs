//! The scoring model: a base weight per cue family plus a few additive adjustments. A match is
//! a recommendation when its score reaches [`THRESHOLD`]. Every weight is a multiple of 0.5 so
//! scores are exact and print the same everywhere.

use crate::cue::{Cue, CueKind};
use crate::headings::Section;

/// The score a match needs to count as a recommendation.
pub(crate) const THRESHOLD: f64 = 3.0;

/// Facts about a match that come from outside the cue itself.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    pub section: Section,
    /// Someone other than the article's author puts the advice forward.
    pub attributed: bool,
    /// The actor is an institution, role, name or "we".
    pub agent_actor: bool,
    /// The subject is "it", "this", "there"…
    pub non_agent_subject: bool,
}

/// Base weight of each cue family: how often the words alone are advice.
pub(crate) fn base_weight(kind: CueKind) -> f64 {
    match kind {
        CueKind::Should | CueKind::Soft => 2.0,
        // "must" and "has to" describe obligations as often as they advise
        CueKind::Must => 1.5,
        CueKind::HaveTo => 1.0,
        CueKind::Recommend | CueKind::Urge | CueKind::Against | CueKind::BestWay => 3.0,
        CueKind::Extra => 3.0,
        CueKind::ArgueFor | CueKind::ImportantFor | CueKind::Mistake => 2.5,
        CueKind::QuotedAdvice | CueKind::Imperative => 2.5,
        CueKind::Encourage => 1.5,
    }
}

/// The score of a match.
pub(crate) fn score(cue: &Cue, ctx: &Context) -> f64 {
    let s = cue.signals;
    let mut score = base_weight(cue.kind);
    if ctx.agent_actor {
        score += 1.0;
    }
    if ctx.non_agent_subject {
        score -= 1.0;
    }
    if s.directive_verb {
        score += 0.5;
    }
    // "funding should be increased" is usually advice, but a goal ("should be returned within
    // 180 days") reads the same; a passive needs one more signal to pass
    if s.passive {
        score += 0.5;
    }
    if s.predictive {
        score -= 1.5;
    }
    if s.emphatic {
        score += 0.5;
    }
    // "said that" only attributes, which `attributed` already counts
    if s.carried {
        score += 1.0;
    }
    if ctx.attributed {
        score += 0.5;
    }
    score += match ctx.section {
        Section::Recommendations => 1.5,
        Section::Background => -1.5,
        Section::Plain => 0.0,
    };
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues_modal;
    use crate::words::Words;

    fn modal_score(text: &str, ctx: Context) -> f64 {
        let w = Words::new(text, false);
        score(&cues_modal::find(&w)[0], &ctx)
    }

    #[test]
    fn agent_with_should_passes_forecast_does_not() {
        let agent = Context {
            agent_actor: true,
            ..Context::default()
        };
        assert!(modal_score("The ministry should publish its data.", agent) >= THRESHOLD);
        assert!(modal_score("Prices should fall next year.", Context::default()) < THRESHOLD);
    }

    #[test]
    fn descriptive_must_needs_more_than_an_agent() {
        let agent = Context {
            agent_actor: true,
            ..Context::default()
        };
        assert!(
            modal_score("The Navy must compete with shipyards for workers.", agent) < THRESHOLD
        );
        assert!(modal_score("The Navy must strengthen its training.", agent) >= THRESHOLD);
    }

    #[test]
    fn background_sections_lower_the_score() {
        let ctx = Context {
            agent_actor: true,
            section: Section::Background,
            ..Context::default()
        };
        assert!(modal_score("The ministry should publish its data.", ctx) < THRESHOLD);
    }
}
