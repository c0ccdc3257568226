//! Risk-statement detection for one sentence.
//!
//! A sentence states a risk when a likelihood cue (a modal, an estimative term, a fear or
//! warning, or an already-happening marker) governs a harm word from the severity lexicon, or
//! when a frame marks its object as adverse by itself ("the risk of …", "a scenario in which
//! …"), or when it advises against an action (the action may backfire), or when it says one
//! party keeps a harm going ("a key supporter of the war"). Plain facts have no cue; past
//! events have their cues vetoed by a past-time anchor (`lexicon::time`).

use std::sync::OnceLock;

use crate::fasthash::FastSet;
use crate::lexicon::impact::{
    self, BACKFIRE_LEVEL, BROAD_SCOPE, DIMINISHERS, ENABLERS, HARMS, INTENSIFIERS, NARROW_SCOPE,
    PRESENT_MARKERS, PREVENTERS, UNNAMED_HARM_LEVEL,
};
use crate::lexicon::likelihood::{
    self, ATTENUATORS, BOOSTERS, CUES, CueClass, DEFLATORS, Framing, ONGOING_PERCENT, WhenNegated,
};
use crate::lexicon::time::past_anchor;
use crate::title;
use crate::view::SentenceView;

/// Words a cue reaches forward to find the harm it governs (harms in its own clause always
/// count). "Already"-type cues reach less far: they describe the words right after them.
const REACH: usize = 30;
const ONGOING_REACH: usize = 10;
/// How far before a harm an enabler ("supporter of") may stand.
const ENABLER_REACH: usize = 8;

/// What kind of risk a sentence states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskKind {
    /// Something that could happen.
    Possible,
    /// A harm that is already happening and goes on.
    Ongoing,
    /// An action the source advises against, which could backfire.
    Backfire,
}

/// A risk statement found in a sentence, with the words behind its ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: RiskKind,
    /// Nominal probability (percent) of the governing cue, after negation.
    pub percent: u8,
    /// Levels added by boosters (+1) or attenuators (−1).
    pub step: i8,
    pub class: CueClass,
    pub likelihood_cues: Vec<String>,
    pub impact: u8,
    pub impact_cues: Vec<String>,
    /// Harm concepts, used to merge near-duplicates.
    pub concepts: Vec<&'static str>,
    /// Words of the governing cue (`first..end`) and its framing, for the title.
    pub cue_words: (usize, usize),
    pub framing: Framing,
}

impl Finding {
    /// The short title of the sentence this finding came from (built on demand: only the
    /// lead sentence of each risk needs one).
    pub fn title(&self, text: &str) -> String {
        let view = SentenceView::new(text);
        title::short_title(&view, self.cue_words.0, self.cue_words.1, self.framing)
    }
}

/// A cue that survived vetoes, with its effective probability.
#[derive(Debug, Clone)]
pub(crate) struct CueHit {
    pub first: usize,
    pub end: usize,
    /// The lexicon's probability, before negation.
    pub base_percent: u8,
    pub percent: u8,
    pub step: i8,
    pub notes: Vec<String>,
    pub class: CueClass,
    pub framing: Framing,
}

/// A harm word with its level after intensity modifiers.
#[derive(Debug, Clone)]
pub(crate) struct HarmHit {
    pub first: usize,
    pub end: usize,
    pub level: u8,
    pub concept: &'static str,
    pub cue: String,
}

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
fn may_state_a_risk(text: &str) -> bool {
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

/// Looks for a risk statement in one sentence. `now` is the reference year for past anchors.
pub fn analyse(text: &str, now: Option<i32>) -> Option<Finding> {
    if !may_state_a_risk(text) {
        return None;
    }
    let view = SentenceView::new(text);
    if view.words.len() < 3 {
        return None;
    }
    let lowers = view.lowers();
    let past = past_anchor(&view.words, &lowers, now);
    let cues = find_cues(&view, &lowers, past.is_some());
    let harms = find_harms(&view, &lowers, &cues);

    // the best governing cue: strongest harm, then explicit before ongoing before the rest,
    // then the cue nearest before that harm
    let mut best: Option<(u8, u8, usize, &CueHit, Vec<&HarmHit>)> = None;
    for cue in &cues {
        let governed: Vec<&HarmHit> = harms.iter().filter(|h| governs(&view, cue, h)).collect();
        let top = governed.iter().map(|h| h.level).max();
        let top_level = match (top, cue.framing) {
            (Some(level), Framing::Against) => level.max(BACKFIRE_LEVEL),
            (Some(level), _) => level,
            (None, Framing::Adverse) => UNNAMED_HARM_LEVEL,
            (None, Framing::Against) => BACKFIRE_LEVEL,
            (None, Framing::Plain) => continue,
        };
        let precedence = match cue.class {
            CueClass::Estimative => 2,
            CueClass::Ongoing => 1,
            CueClass::Modal | CueClass::Frame => 0,
        };
        let distance = governed
            .iter()
            .filter(|h| h.level == top_level)
            .map(|h| {
                if h.first >= cue.end {
                    h.first - cue.end
                } else {
                    100 + cue.first - h.first
                }
            })
            .min()
            .unwrap_or(50);
        let better = best.as_ref().is_none_or(|(l, p, d, _, _)| {
            (top_level, precedence, std::cmp::Reverse(distance)) > (*l, *p, std::cmp::Reverse(*d))
        });
        if better {
            best = Some((top_level, precedence, distance, cue, governed));
        }
    }

    if let Some((_, _, _, cue, governed)) = best {
        let kind = match (cue.framing, cue.class) {
            (Framing::Against, _) => RiskKind::Backfire,
            (_, CueClass::Ongoing) => RiskKind::Ongoing,
            _ => RiskKind::Possible,
        };
        let mut likelihood_cues = vec![format!(
            "{} (≈{} %)",
            view.slice(cue.first, cue.end),
            cue.base_percent
        )];
        likelihood_cues.extend(cue.notes.iter().cloned());
        let (impact, impact_cues, concepts) = rate_impact(&view, &governed, cue.framing);
        return Some(Finding {
            kind,
            percent: cue.percent,
            step: cue.step,
            class: cue.class,
            likelihood_cues,
            impact,
            impact_cues,
            concepts,
            cue_words: (cue.first, cue.end),
            framing: cue.framing,
        });
    }
    if past.is_none() {
        return ongoing_without_cue(&view, &lowers, &harms);
    }
    None
}

/// Likelihood cues outside asides, with negation, boosters and past-time vetoes applied.
fn find_cues(view: &SentenceView<'_>, lowers: &[&str], in_past: bool) -> Vec<CueHit> {
    let words = &view.words;
    let mut out = Vec::new();
    for m in likelihood::cue_set().find_all(lowers) {
        let entry = &CUES[m.entry];
        if words[m.first].aside || (in_past && !entry.forward) {
            continue;
        }
        // "warned" at the end of a quotation reports a warning; only "warned that/of/against"
        // frames one, and those patterns include the following word.
        let clause = words[m.first].clause;
        let same_clause = |i: &usize| words[*i].clause == clause && !words[*i].aside;
        let after = m.end..(m.end + 6).min(words.len());
        if entry.class == CueClass::Frame
            && after
                .clone()
                .filter(same_clause)
                .any(|i| DEFLATORS.contains(&lowers[i]))
        {
            continue;
        }
        let before = m.first.saturating_sub(2)..m.first;
        let negated = match entry.class {
            CueClass::Modal => (m.end..(m.end + 2).min(words.len()))
                .filter(same_clause)
                .any(|i| likelihood::is_negator(lowers[i])),
            _ => before
                .clone()
                .filter(same_clause)
                .any(|i| likelihood::is_negator(lowers[i])),
        };
        let mut notes = Vec::new();
        let percent = if negated {
            let p = match entry.negated {
                WhenNegated::Complement => 100 - entry.percent,
                WhenNegated::Percent(p) => p,
                WhenNegated::Drop => continue,
            };
            notes.push(format!("negated (≈{p} %)"));
            p
        } else {
            entry.percent
        };
        let mut step = 0i8;
        let mut modifiers: Vec<usize> = before.filter(same_clause).collect();
        if entry.class == CueClass::Modal && m.end < words.len() && same_clause(&m.end) {
            modifiers.push(m.end);
        }
        for i in modifiers {
            if BOOSTERS.contains(&lowers[i]) && step <= 0 {
                step += 1;
                notes.push(format!("{} (+1 level)", view.slice(i, i + 1)));
            } else if ATTENUATORS.contains(&lowers[i]) && step >= 0 {
                step -= 1;
                notes.push(format!("{} (−1 level)", view.slice(i, i + 1)));
            }
        }
        out.push(CueHit {
            first: m.first,
            end: m.end,
            base_percent: entry.percent,
            percent,
            step,
            notes,
            class: entry.class,
            framing: entry.framing,
        });
    }
    out
}

/// Harm words outside asides and outside cue phrases, minus prevented ones ("deter an
/// attack"), with intensity modifiers applied.
fn find_harms(view: &SentenceView<'_>, lowers: &[&str], cues: &[CueHit]) -> Vec<HarmHit> {
    let words = &view.words;
    let mut out = Vec::new();
    for m in impact::harm_set().find_all(lowers) {
        if words[m.first].aside || cues.iter().any(|c| m.first < c.end && c.first < m.end) {
            continue;
        }
        let clause = words[m.first].clause;
        let window = m.first.saturating_sub(3)..m.first;
        let near: Vec<usize> = window.filter(|&i| words[i].clause == clause).collect();
        // "tear" alone is a harm only with "apart" ("tear the alliance apart")
        let mut shown = view.slice(m.first, m.end).to_string();
        if m.end - m.first == 1
            && ["tear", "tears", "tore", "torn", "tearing"].contains(&lowers[m.first])
        {
            let mut tail =
                (m.end..(m.end + 4).min(words.len())).filter(|&i| words[i].clause == clause);
            let Some(apart) = tail.find(|&i| lowers[i] == "apart") else {
                continue;
            };
            shown = format!("{shown} … {}", view.slice(apart, apart + 1));
        }
        if near.iter().any(|&i| PREVENTERS.contains(&lowers[i])) {
            continue;
        }
        let entry = &HARMS[m.entry];
        let mut level = entry.level;
        let mut cue = format!("{shown} ({} {})", level, impact::impact_label(level));
        if let Some(&i) = near.iter().find(|&&i| INTENSIFIERS.contains(&lowers[i])) {
            level = (level + 1).min(5);
            cue.push_str(&format!(", {} +1", view.slice(i, i + 1)));
        } else if let Some(&i) = near.iter().find(|&&i| DIMINISHERS.contains(&lowers[i])) {
            level = level.saturating_sub(1).max(1);
            cue.push_str(&format!(", {} −1", view.slice(i, i + 1)));
        }
        out.push(HarmHit {
            first: m.first,
            end: m.end,
            level,
            concept: entry.concept,
            cue,
        });
    }
    out
}

/// A cue governs the harms of its own clause and those up to its reach after it.
fn governs(view: &SentenceView<'_>, cue: &CueHit, harm: &HarmHit) -> bool {
    let reach = if cue.class == CueClass::Ongoing {
        ONGOING_REACH
    } else {
        REACH
    };
    view.words[cue.first].clause == view.words[harm.first].clause
        || (harm.first >= cue.end && harm.first - cue.end <= reach)
}

/// Impact from the governed harms plus the sentence's scope words.
fn rate_impact(
    view: &SentenceView<'_>,
    governed: &[&HarmHit],
    framing: Framing,
) -> (u8, Vec<String>, Vec<&'static str>) {
    let mut cues: Vec<String> = Vec::new();
    let mut concepts: Vec<&'static str> = Vec::new();
    let mut level = governed.iter().map(|h| h.level).max().unwrap_or(0);
    for h in governed {
        if !cues.contains(&h.cue) {
            cues.push(h.cue.clone());
        }
        if !concepts.contains(&h.concept) {
            concepts.push(h.concept);
        }
    }
    match framing {
        Framing::Against if level <= BACKFIRE_LEVEL => {
            level = BACKFIRE_LEVEL;
            cues.push(format!(
                "advised against: may backfire ({BACKFIRE_LEVEL} Minor)"
            ));
            concepts.push("backfire");
        }
        Framing::Adverse if level == 0 => {
            level = UNNAMED_HARM_LEVEL;
            cues.push(format!(
                "named risk, no severity word ({UNNAMED_HARM_LEVEL} Minor)"
            ));
        }
        _ => {}
    }
    let scope = |list: &[&str]| {
        view.words
            .iter()
            .enumerate()
            .find(|(_, w)| !w.aside && list.contains(&w.lower.as_str()))
            .map(|(i, _)| view.slice(i, i + 1))
    };
    if let Some(word) = scope(BROAD_SCOPE) {
        level = (level + 1).min(5);
        cues.push(format!("{word} (scope +1)"));
    } else if let Some(word) = scope(NARROW_SCOPE) {
        level = level.saturating_sub(1).max(1);
        cues.push(format!("{word} (scope −1)"));
    }
    (level.clamp(1, 5), cues, concepts)
}

/// Harm that is happening now with no cue word: present-tense support of a harm ("has been a
/// key supporter of the war") or a harm verb in the present progressive ("is escalating").
fn ongoing_without_cue(
    view: &SentenceView<'_>,
    lowers: &[&str],
    harms: &[HarmHit],
) -> Option<Finding> {
    let words = &view.words;
    let present = words
        .iter()
        .any(|w| !w.aside && PRESENT_MARKERS.contains(&w.lower.as_str()));
    if !present {
        return None;
    }
    let enabled = harms.iter().filter(|h| h.level >= 3).find_map(|h| {
        let from = h.first.saturating_sub(ENABLER_REACH);
        (from..h.first)
            .find(|&i| !words[i].aside && ENABLERS.contains(&lowers[i]))
            .map(|e| (e, h))
    });
    let progressive = || {
        harms.iter().filter(|h| h.level >= 3).find_map(|h| {
            let verb = lowers[h.first];
            let aux = h.first.checked_sub(1).map(|i| lowers[i]);
            (verb.ends_with("ing") && matches!(aux, Some("is" | "are" | "am")))
                .then_some((h.first - 1, h))
        })
    };
    let (cue_at, harm) = enabled.or_else(progressive)?;
    let governed: Vec<&HarmHit> = harms.iter().filter(|h| h.first >= cue_at).collect();
    let (impact, impact_cues, concepts) = rate_impact(view, &governed, Framing::Plain);
    let cue_text = format!(
        "{} … {} (already happening, ≈{} %)",
        view.slice(cue_at, cue_at + 1),
        view.slice(harm.first, harm.end),
        ONGOING_PERCENT
    );
    Some(Finding {
        kind: RiskKind::Ongoing,
        percent: ONGOING_PERCENT,
        step: 0,
        class: CueClass::Ongoing,
        likelihood_cues: vec![cue_text],
        impact,
        impact_cues,
        concepts,
        cue_words: (cue_at, cue_at + 1),
        framing: Framing::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Option<Finding> {
        analyse(text, Some(2024))
    }

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

    #[test]
    fn modal_with_harm_is_a_risk() {
        let f =
            find("Officials say the dispute could escalate into open war by next spring.").unwrap();
        assert_eq!(f.kind, RiskKind::Possible);
        assert_eq!(f.percent, 35);
        assert!(f.likelihood_cues[0].starts_with("could"));
        assert_eq!(f.impact, 4);
    }

    #[test]
    fn plain_fact_and_past_event_are_not_risks() {
        assert!(find("The two navies have already held twelve joint drills since 2010.").is_none());
        assert!(find("In 1962, leaders feared the standoff would end in nuclear war.").is_none());
        assert!(
            find("Those fears proved overblown, and the rivals soon clashed at sea.").is_none()
        );
    }

    #[test]
    fn explicit_estimative_term_beats_modal() {
        let f = find("A blockade of the strait is very unlikely, though it could happen.").unwrap();
        assert_eq!(f.percent, 12);
        assert_eq!(f.class, CueClass::Estimative);
    }

    #[test]
    fn negation_lowers_likelihood() {
        let f = find("The ceasefire will not collapse this year.").unwrap();
        assert_eq!(f.percent, 15);
        assert!(f.likelihood_cues.iter().any(|c| c.contains("negated")));
        assert!(find("There is no risk of a famine in the region.").is_none());
    }

    #[test]
    fn boosters_raise_a_level() {
        let f = find("There is a real risk that the talks collapse.").unwrap();
        assert_eq!(f.step, 1);
        let f = find("The convoy could well come under attack.").unwrap();
        assert_eq!(f.step, 1);
    }

    #[test]
    fn prevented_harm_is_not_a_risk() {
        assert!(find("New patrols could deter an attack on the port.").is_none());
    }

    #[test]
    fn ongoing_support_of_a_war_is_a_risk() {
        let f = find("Ruritania has been the main supplier of shells for Borduria's war.").unwrap();
        assert_eq!(f.kind, RiskKind::Ongoing);
        assert_eq!(f.percent, ONGOING_PERCENT);
        assert_eq!(f.impact, 4);
    }

    #[test]
    fn advice_against_is_a_backfire_risk() {
        let f = find("Analysts warn against trying to isolate the regime.").unwrap();
        assert_eq!(f.kind, RiskKind::Backfire);
        assert_eq!(f.impact, BACKFIRE_LEVEL);
    }

    #[test]
    fn scenario_frame_scope_makes_it_catastrophic() {
        let f = find(
            "Planners fear a scenario in which two invasions happen simultaneously, overwhelming the defenders.",
        )
        .unwrap();
        assert!(f.likelihood_cues[0].starts_with("scenario in which"));
        assert_eq!(f.impact, 5);
    }

    #[test]
    fn harm_in_an_aside_does_not_count() {
        assert!(
            find("Borduria, which fought a war in 1980, could join the customs union.").is_none()
        );
    }
}
