//! Risk-statement detection for one sentence.
//!
//! A sentence states a risk when a likelihood cue (a modal, an estimative term, a fear or
//! warning, or an already-happening marker) governs a harm word from the severity lexicon, or
//! when a frame marks its object as adverse by itself ("the risk of …", "a scenario in which
//! …"), or when it advises against an action (the action may backfire), or when it says one
//! party keeps a harm going ("a key supporter of the war"). Plain facts have no cue; past
//! events have their cues vetoed by a past-time anchor (`lexicon::time`).

use crate::govern::governs;
use crate::harms::{HarmHit, find_harms};
use crate::lexicon::impact::{
    BACKFIRE_LEVEL, ENABLERS, PRESENT_MARKERS, UNNAMED_HARM_LEVEL, broad_scope_set,
    narrow_scope_set,
};
use crate::lexicon::likelihood::{
    self, ATTENUATORS, BOOSTERS, CUES, CueClass, DEFLATORS, Framing, ONGOING_PERCENT, WhenNegated,
};
use crate::lexicon::time::past_anchor;
use crate::phrases::PhraseSet;
use crate::prefilter;
use crate::title;
use crate::view::SentenceView;

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

/// Looks for a risk statement in one sentence. `now` is the reference year for past anchors.
pub fn analyse(text: &str, now: Option<i32>) -> Option<Finding> {
    if !prefilter::may_state_a_risk(text) {
        return None;
    }
    let view = SentenceView::new(text);
    if view.words.len() < 3 {
        return None;
    }
    let lowers = view.lowers();
    let past = past_anchor(&view.words, &lowers, now);
    let cues = find_cues(&view, &lowers, past.is_some());
    let cue_spans: Vec<(usize, usize)> = cues.iter().map(|c| (c.first, c.end)).collect();
    let harms = find_harms(&view, &lowers, &cue_spans);

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
        // "if the dollar continues to weaken" is a condition, not a harm under way
        if entry.class == CueClass::Ongoing
            && (0..m.first)
                .any(|i| same_clause(&i) && matches!(lowers[i], "if" | "unless" | "whether"))
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
        // before a modal stands its subject, whose adjectives say nothing about likelihood
        // ("the low water could"): only adverbs count there ("conceivably could")
        let mut modifiers: Vec<usize> = before
            .filter(same_clause)
            .filter(|&i| entry.class != CueClass::Modal || lowers[i].ends_with("ly"))
            .collect();
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
    let lowers = view.lowers();
    let scope = |set: &PhraseSet| {
        // a capitalised scope word inside the sentence is part of a name ("World Bank",
        // "Nationwide"), not a scope
        set.find_all(&lowers)
            .into_iter()
            .find(|m| {
                !view.words[m.first].aside && (m.first == 0 || !view.words[m.first].capitalized)
            })
            .map(|m| view.slice(m.first, m.end))
    };
    // an intensifier and a broad scope together raise a harm one level, not two: "a prolonged
    // shortage across the region" is Major, not Catastrophic
    let ceiling = governed
        .iter()
        .map(|h| h.base)
        .max()
        .unwrap_or(level)
        .max(level.saturating_sub(1))
        + 1;
    if let Some(words) = scope(broad_scope_set()) {
        if level < ceiling.min(5) {
            level += 1;
            cues.push(format!("{words} (scope +1)"));
        } else {
            cues.push(format!(
                "{words} (scope, no change: at most one level above the harm word)"
            ));
        }
    } else if let Some(words) = scope(narrow_scope_set()) {
        level = level.saturating_sub(1).max(1);
        cues.push(format!("{words} (scope −1)"));
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
    // the harm must belong to someone ("Borduria's war", "the war in Carpathia"): "his
    // support for the war" is a political stance, not material support of a harm
    let owned = |h: &HarmHit| {
        let possessive = h.first > 0
            && (lowers[h.first - 1].ends_with("'s") || lowers[h.first - 1].ends_with("s'"));
        let placed = h.end + 1 < words.len()
            && matches!(lowers[h.end], "in" | "against" | "on")
            && words[h.end + 1].capitalized;
        possessive || placed
    };
    let enabled = harms
        .iter()
        .filter(|h| h.level >= 3 && owned(h))
        .find_map(|h| {
            let from = h.first.saturating_sub(ENABLER_REACH);
            (from..h.first)
                .find(|&i| {
                    let stance = i > 0
                        && matches!(
                            lowers[i - 1],
                            "his" | "her" | "their" | "my" | "our" | "your"
                        );
                    !words[i].aside && ENABLERS.contains(&lowers[i]) && !stance
                })
                .map(|e| (e, h))
        });
    let progressive = || {
        harms.iter().filter(|h| h.level >= 3).find_map(|h| {
            let verb = lowers[h.first];
            let aux = h.first.checked_sub(1).map(|i| lowers[i]);
            // lazily: a harm opening the sentence has no word before it
            (verb.ends_with("ing") && matches!(aux, Some("is" | "are" | "am")))
                .then(|| (h.first - 1, h))
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
    fn political_support_for_a_war_is_not_ongoing_harm() {
        assert!(find("He says he has been consistent on his support for the war.").is_none());
        assert!(
            find("The party is a supporter of the war but critical of the minister.").is_none()
        );
        assert!(find("Norland is supplying shells for the war in Carpathia.").is_some());
    }

    #[test]
    fn already_type_cues_look_forward_and_not_inside_conditions() {
        assert!(find("Deficits grew after the attacks and ongoing operations abroad.").is_none());
        assert!(find("If the currency continues to weaken, exporters gain.").is_none());
        let f = find("Fighting continues to escalate along the river.").unwrap();
        assert_eq!(f.kind, RiskKind::Ongoing);
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
    fn harm_word_opening_a_sentence_does_not_panic() {
        assert!(find("Hostile crews are rare in these waters.").is_none());
        assert!(find("Fighting is escalating along the river.").is_some());
    }

    #[test]
    fn contrast_stops_a_cue_from_reaching_the_next_clause() {
        let f =
            find("It is unlikely that prices move, but a strike could halt the ferries.").unwrap();
        assert_eq!(f.percent, 35);
        assert!(f.likelihood_cues[0].starts_with("could"));
    }

    #[test]
    fn subject_harm_before_a_reporting_aside_is_governed() {
        let f = find("The drought, officials said, is likely to persist.").unwrap();
        assert_eq!(f.percent, 67);
        assert!(find("After the war, officials said, exports could recover.").is_none());
    }

    #[test]
    fn capitalised_scope_word_is_a_name_not_a_scope() {
        let f = find("The World Bank says a recession could follow.").unwrap();
        assert_eq!(f.impact, 3);
        let f = find("A recession could follow across the region.").unwrap();
        assert_eq!(f.impact, 4);
    }

    #[test]
    fn intensifier_and_scope_raise_impact_one_level_only() {
        let f = find("A prolonged shortage could hit thousands of farms.").unwrap();
        assert_eq!(f.impact, 4);
    }

    #[test]
    fn harm_in_an_aside_does_not_count() {
        assert!(
            find("Borduria, which fought a war in 1980, could join the customs union.").is_none()
        );
    }
}
