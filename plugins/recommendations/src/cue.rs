//! What a cue match is: the words that fired, how strong and which way, who is asked to act,
//! what they are asked to do, and the facts the scoring model looks at.

use std::ops::Range;

use crate::strength::{Stance, Strength};
use crate::words::Words;

/// The family of rule that fired. Each family has a base weight in `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// "should", "ought to", "need to".
    Should,
    /// "must".
    Must,
    /// "has to", "have to": often descriptive, so weaker evidence.
    HaveTo,
    /// "could consider", "may wish to": soft advice.
    Soft,
    /// "recommends that…", "recommends creating…".
    Recommend,
    /// "urges X to…", "calls on X to…", "advises X to…".
    Urge,
    /// "encourages X to…": weaker than urge, often descriptive.
    Encourage,
    /// "warns against", "argues against", "advises against".
    Against,
    /// "argues for", "calls for", "advocates".
    ArgueFor,
    /// "the best response is for X to…", "the most effective way … is to…".
    BestWay,
    /// "it is essential for X to…", "it is time for X to…".
    ImportantFor,
    /// "it would be a mistake to…".
    Mistake,
    /// "Develop a plan…" as a list item under a recommendations heading.
    Imperative,
    /// A quotation attributed with "recommends"/"urges" and no cue of its own.
    QuotedAdvice,
    /// A phrase from the `extra_cues` option.
    Extra,
}

/// Why a cue match is not a recommendation after all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exclusion {
    /// "what should replace it", "whether the US should".
    QuestionWord,
    /// The cue sits in a question.
    Question,
    /// "if China should attack", "Should talks fail, …".
    Condition,
    /// "a plan that should include…".
    Relative,
    /// "should have acted", "must have known".
    Counterfactual,
    /// "it should be noted that…", "it is important to note…".
    Remark,
    /// A rule quoted as background: "the guidance states that managers should…".
    QuotedRule,
    /// Talk about recommendations: "recommendations include…", "DOD concurred with…".
    Meta,
    /// An earlier recommendation cited as history: "in 2019 we recommended…".
    Earlier,
    /// The subject is a plan or document, not an adviser: "the plan calls for 12 ships".
    DocumentSubject,
}

/// Observations about a match that raise or lower its score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Signals {
    /// The verb after the modal is a policy verb ("develop", "ensure").
    pub directive_verb: bool,
    /// "should be strengthened": a passive recommendation.
    pub passive: bool,
    /// "prices should fall", "should be able to", "by 2027": a forecast.
    pub predictive: bool,
    /// "strongly recommends", "should be careful not to": explicit emphasis or caution.
    pub emphatic: bool,
    /// Governed by "suggests that", "argues that"…; or a quote attributed with "recommends".
    /// ("said that" only attributes.)
    pub carried: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub kind: CueKind,
    /// The cue words as they fired, lowercase: "should be careful not to".
    pub phrase: String,
    /// Index of the cue's first word.
    pub at: usize,
    pub strength: Strength,
    pub stance: Stance,
    /// Words naming who is asked to act.
    pub actor: Option<Range<usize>>,
    /// Words naming what they are asked to do (or avoid).
    pub action: Range<usize>,
    /// Words naming who puts the advice forward, when the cue's own verb says so ("RAND" in
    /// "RAND warns against…").
    pub speaker: Option<Range<usize>>,
    pub signals: Signals,
    pub excluded: Option<Exclusion>,
}

impl Cue {
    pub fn new(
        kind: CueKind,
        words: &Words<'_>,
        cue_words: Range<usize>,
        strength: Strength,
    ) -> Self {
        let phrase: Vec<&str> = cue_words.clone().map(|k| words.lower(k)).collect();
        Self {
            kind,
            phrase: phrase.join(" "),
            at: cue_words.start,
            strength,
            stance: Stance::Do,
            actor: None,
            action: cue_words.end..cue_words.end,
            speaker: None,
            signals: Signals::default(),
            excluded: None,
        }
    }

    /// Records an exclusion unless one is already recorded (the first reason wins).
    pub fn exclude(&mut self, why: Exclusion) {
        self.excluded.get_or_insert(why);
    }
}
