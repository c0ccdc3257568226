//! Harm words found in one sentence, with their impact level after intensity modifiers.
//!
//! Most harms are plain lexicon matches (`lexicon::impact::HARMS`). A few words need their
//! neighbours to decide whether they name a harm at all: "tear" only with "apart", "strike"
//! not in "strike a deal" (and an attack, not a walkout, in "air strike" or "strikes on"),
//! and objects such as "jobs" or "lives" only after a loss verb ("cost thousands of jobs").
//! A harm right after a word that prevents or remedies it ("deter an attack", "clear the
//! backlog") is not a harm.

use crate::lexicon::impact::{self, DIMINISHERS, HARMS, INTENSIFIERS, PREVENTERS};
use crate::lexicon::senses::{
    FORCED_HARMS, FORCING, INSTITUTIONS, LOSS_VERBS, LOST_OBJECTS, RISES_AFTER, RISES_BEFORE,
    RISING_INDICATORS,
};
use crate::view::SentenceView;

/// How far before a harm a modifier or a preventer may stand, in words of its clause.
const MODIFIER_REACH: usize = 3;
/// How far before a lost object ("jobs") its loss verb ("cost") may stand, and before a forced
/// harm ("abandon") the word that forces it.
const LOSS_REACH: usize = 4;
/// How far after a rising indicator ("prices") the word saying it rises may stand.
const RISE_AFTER_REACH: usize = 3;
/// How far before a rising indicator the word saying it rises may stand.
const RISE_BEFORE_REACH: usize = 2;

/// A harm word with its level after intensity modifiers.
#[derive(Debug, Clone)]
pub(crate) struct HarmHit {
    pub first: usize,
    pub end: usize,
    pub level: u8,
    /// The level before intensity modifiers: modifiers and scope together add at most one.
    pub base: u8,
    pub concept: &'static str,
    /// The words and level shown to the reader, e.g. "shortage (3 Moderate), prolonged +1".
    pub cue: String,
}

/// Words after "strike" that make it a deal or a pose, not a walkout or an attack.
const STRIKE_NOT_HARM: &[&str] = &[
    "a", "an", "the", "up", "down", "out", "this", "that", "its", "their", "his", "her", "our",
    "deal", "deals", "balance", "chord", "gold", "lucky",
];
/// Words that make "strike" an attack ("air strike", "strikes on the port").
const STRIKE_WEAPONS: &[&str] = &[
    "air",
    "drone",
    "missile",
    "military",
    "rocket",
    "artillery",
    "cruise",
];

/// Harm words outside asides and outside the cue phrases `cue_spans` (`first..end` word
/// ranges), minus prevented ones, with intensity modifiers applied.
pub(crate) fn find_harms(
    view: &SentenceView<'_>,
    lowers: &[&str],
    cue_spans: &[(usize, usize)],
) -> Vec<HarmHit> {
    let words = &view.words;
    let mut out = Vec::new();
    let inside_cue =
        |first: usize, end: usize| cue_spans.iter().any(|&(f, e)| first < e && f < end);
    let same_clause_before = |at: usize, reach: usize| -> Vec<usize> {
        let clause = words[at].clause;
        (at.saturating_sub(reach)..at)
            .filter(|&i| words[i].clause == clause)
            .collect()
    };
    for m in impact::harm_set().find_all(lowers) {
        if words[m.first].aside || inside_cue(m.first, m.end) {
            continue;
        }
        let entry = &HARMS[m.entry];
        let mut level = entry.level;
        let mut concept = entry.concept;
        let mut shown = view.slice(m.first, m.end).to_string();
        let single = m.end - m.first == 1;
        let word = lowers[m.first];
        let next = (m.end < words.len() && words[m.end].clause == words[m.first].clause)
            .then(|| lowers[m.end]);
        // "tear" alone is a harm only with "apart" ("tear the alliance apart")
        if single && ["tear", "tears", "tore", "torn", "tearing"].contains(&word) {
            let clause = words[m.first].clause;
            let mut tail =
                (m.end..(m.end + 4).min(words.len())).filter(|&i| words[i].clause == clause);
            let Some(apart) = tail.find(|&i| lowers[i] == "apart") else {
                continue;
            };
            shown = format!("{shown} … {}", view.slice(apart, apart + 1));
        }
        if single && matches!(word, "strike" | "strikes") {
            if next.is_some_and(|n| STRIKE_NOT_HARM.contains(&n)) {
                continue;
            }
            let weapon = m.first > 0 && STRIKE_WEAPONS.contains(&lowers[m.first - 1]);
            if weapon || next.is_some_and(|n| matches!(n, "on" | "against")) {
                level = 4;
                concept = "attack";
            }
        }
        // "bankruptcy court", "sanctions law": the name of an institution
        if next.is_some_and(|n| INSTITUTIONS.contains(&n)) {
            continue;
        }
        let near = same_clause_before(m.first, MODIFIER_REACH);
        if near.iter().any(|&i| PREVENTERS.contains(&lowers[i])) {
            continue;
        }
        out.push(modified(
            view, lowers, &near, m.first, m.end, level, concept, shown,
        ));
    }
    let same_clause_after = |at: usize, reach: usize| -> Vec<usize> {
        let clause = words[at].clause;
        (at + 1..(at + 1 + reach).min(words.len()))
            .filter(|&i| words[i].clause == clause)
            .collect()
    };
    for (at, word) in lowers.iter().enumerate() {
        let indicator = RISING_INDICATORS.iter().find(|(w, _, _)| w == word);
        if (indicator.is_none() && !FORCED_HARMS.contains(word))
            || words[at].aside
            || inside_cue(at, at + 1)
        {
            continue;
        }
        let near = same_clause_before(at, MODIFIER_REACH);
        if near.iter().any(|&i| PREVENTERS.contains(&lowers[i])) {
            continue;
        }
        // "push food prices up", "stoke inflation"
        if let Some(&(_, level, concept)) = indicator {
            let after = same_clause_after(at, RISE_AFTER_REACH)
                .into_iter()
                .find(|&i| RISES_AFTER.contains(&lowers[i]));
            let before = same_clause_before(at, RISE_BEFORE_REACH)
                .into_iter()
                .find(|&i| RISES_BEFORE.contains(&lowers[i]));
            let shown = match (before, after) {
                (Some(b), _) => view.slice(b, at + 1).to_string(),
                (None, Some(a)) => format!("{} … {}", view.slice(at, at + 1), view.slice(a, a + 1)),
                (None, None) => continue,
            };
            out.push(modified(
                view,
                lowers,
                &near,
                at,
                at + 1,
                level,
                concept,
                shown,
            ));
            continue;
        }
        // "force growers to abandon orchards", "forced to flee"
        if FORCED_HARMS.contains(word) {
            let Some(force) = same_clause_before(at, LOSS_REACH)
                .into_iter()
                .find(|&i| FORCING.contains(&lowers[i]))
            else {
                continue;
            };
            let shown = format!(
                "{} … {}",
                view.slice(force, force + 1),
                view.slice(at, at + 1)
            );
            out.push(modified(
                view,
                lowers,
                &near,
                at,
                at + 1,
                3,
                "forced loss",
                shown,
            ));
        }
    }
    // "cost thousands of jobs", "could lose their homes"
    for (at, word) in lowers.iter().enumerate() {
        let Some(&(_, level, concept)) = LOST_OBJECTS.iter().find(|(w, _, _)| w == word) else {
            continue;
        };
        if words[at].aside || inside_cue(at, at + 1) {
            continue;
        }
        let before = same_clause_before(at, LOSS_REACH);
        let Some(&verb) = before.iter().find(|&&i| LOSS_VERBS.contains(&lowers[i])) else {
            continue;
        };
        let shown = format!(
            "{} … {}",
            view.slice(verb, verb + 1),
            view.slice(at, at + 1)
        );
        let near = same_clause_before(at, MODIFIER_REACH);
        out.push(modified(
            view,
            lowers,
            &near,
            verb,
            at + 1,
            level,
            concept,
            shown,
        ));
    }
    out.sort_by_key(|h| h.first);
    out
}

/// A harm hit with the first intensifier or diminisher of `near` applied.
#[allow(clippy::too_many_arguments)]
fn modified(
    view: &SentenceView<'_>,
    lowers: &[&str],
    near: &[usize],
    first: usize,
    end: usize,
    level: u8,
    concept: &'static str,
    shown: String,
) -> HarmHit {
    let level_before = level;
    let mut level = level;
    let mut cue = format!("{shown} ({} {})", level, impact::impact_label(level));
    if let Some(&i) = near.iter().find(|&&i| INTENSIFIERS.contains(&lowers[i])) {
        level = (level + 1).min(5);
        cue.push_str(&format!(", {} +1", view.slice(i, i + 1)));
    } else if let Some(&i) = near.iter().find(|&&i| DIMINISHERS.contains(&lowers[i])) {
        level = level.saturating_sub(1).max(1);
        cue.push_str(&format!(", {} −1", view.slice(i, i + 1)));
    }
    HarmHit {
        first,
        end,
        level,
        base: level_before,
        concept,
        cue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn harms(text: &str) -> Vec<(String, u8, &'static str)> {
        let view = SentenceView::new(text);
        let lowers = view.lowers();
        find_harms(&view, &lowers, &[])
            .into_iter()
            .map(|h| (view.slice(h.first, h.end).to_string(), h.level, h.concept))
            .collect()
    }

    #[test]
    fn strike_a_deal_is_not_a_harm_but_a_walkout_and_an_air_strike_are() {
        assert!(harms("The parties could strike a deal by Friday.").is_empty());
        assert_eq!(harms("The union could strike again.")[0].1, 3);
        assert_eq!(harms("A drone strike could hit the depot.")[0].2, "attack");
        assert_eq!(harms("Strikes on the port could resume.")[0].1, 4);
    }

    #[test]
    fn lost_jobs_need_a_loss_verb() {
        let found = harms("The closure could cost thousands of seasonal jobs.");
        assert_eq!(
            found,
            vec![("cost thousands of seasonal jobs".into(), 3, "jobs")]
        );
        assert!(harms("The plant could create thousands of jobs.").is_empty());
    }

    #[test]
    fn rising_indicators_are_harms_only_when_they_rise() {
        assert_eq!(harms("It could push food prices up.")[0].2, "prices");
        assert_eq!(harms("Cheap credit may stoke inflation.")[0].1, 3);
        assert!(harms("Inflation is expected to fall below 2% next year.").is_empty());
        assert!(harms("Unemployment is likely to remain low.").is_empty());
    }

    #[test]
    fn abandoning_is_a_harm_only_when_forced() {
        assert_eq!(
            harms("Cuts could force growers to abandon orchards.").len(),
            1
        );
        assert!(harms("The bank may abandon its currency peg.").is_empty());
    }

    #[test]
    fn harm_words_naming_an_institution_are_not_harms() {
        assert!(harms("The bankruptcy court will hear the case.").is_empty());
        assert!(harms("The firm could face bankruptcy.").len() == 1);
    }

    #[test]
    fn remedied_harms_are_not_harms() {
        assert!(harms("Clearing the backlog will take two weeks.").is_empty());
        assert!(harms("Crews could repair the damage quickly.").is_empty());
        assert_eq!(harms("The backlog will take two weeks to clear.").len(), 1);
    }

    #[test]
    fn harm_opening_a_sentence_keeps_its_modifiers_in_range() {
        let found = harms("Severe drought could return.");
        assert_eq!(found[0].1, 4);
    }
}
