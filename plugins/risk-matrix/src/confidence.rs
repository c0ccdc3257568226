//! Confidence: how well sourced a risk is. Kept apart from likelihood on purpose (Cox's
//! "likelihood and confidence mixed up" failure): a well-attributed, corroborated risk can be
//! unlikely, and a likely one can rest on a single unattributed sentence.
//!
//! Rules (documented in docs/plugins/risk-matrix.md):
//! - 3 or more sources: high.
//! - 2 sources: high when a sentence is attributed, else moderate.
//! - 1 source: moderate when a sentence is attributed to a named person, body or report,
//!   else low.
//! - Hedged reporting ("reportedly", "allegedly") with no plainly attributed sentence lowers
//!   the result one step.

use crate::view::SentenceView;

/// The three confidence levels, low to high.
pub const LEVELS: [&str; 3] = ["low", "moderate", "high"];

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "warned",
    "warns",
    "noted",
    "notes",
    "wrote",
    "writes",
    "argued",
    "argues",
    "argue",
    "stated",
    "states",
    "added",
    "explained",
    "reported",
    "reports",
    "suggested",
    "suggests",
    "recommends",
    "recommended",
    "concluded",
    "concludes",
    "found",
    "finds",
    "believes",
    "estimates",
    "estimated",
    "assessed",
    "assesses",
    "cautioned",
    "cautions",
    "predicted",
    "predicts",
    "observed",
    "according",
];

const DOCUMENTS: &[&str] = &[
    "report",
    "study",
    "analysis",
    "paper",
    "survey",
    "assessment",
    "review",
    "memo",
    "brief",
];

const ANONYMOUS: &[&str] = &[
    "expert",
    "experts",
    "official",
    "officials",
    "analyst",
    "analysts",
    "source",
    "sources",
    "observer",
    "observers",
    "diplomat",
    "diplomats",
    "critics",
    "some",
    "many",
    "people",
];

const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "rumoured",
    "rumored",
    "unconfirmed",
    "unverified",
];

/// Who a sentence says its claim comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// A named person, organisation or document ("RAND warned", "the report said").
    Named(String),
    /// Unnamed ("officials said", "one expert said").
    Anonymous(String),
    /// Hedged reporting ("reportedly").
    Hedged(String),
    /// The author's own statement.
    None,
}

/// Finds the attribution of one sentence.
pub fn attribution(text: &str) -> Attribution {
    let view = SentenceView::new(text);
    let words = &view.words;
    if let Some(i) = words
        .iter()
        .position(|w| HEDGES.contains(&w.lower.as_str()))
    {
        return Attribution::Hedged(view.slice(i, i + 1).to_string());
    }
    for (i, w) in words.iter().enumerate() {
        if !REPORTING_VERBS.contains(&w.lower.as_str()) {
            continue;
        }
        // the speaker usually stands just before the verb ("Smith said", "officials warn");
        // after it only in inversions ("said Smith", "according to the report")
        let before = (i.saturating_sub(3)..i).rev();
        let after = i + 1..(i + 4).min(words.len());
        for j in before.chain(after) {
            let original = view.slice(j, j + 1);
            let lower = words[j].lower.as_str();
            let span = view.slice(j.min(i), j.max(i) + 1).to_string();
            if ANONYMOUS.contains(&lower) {
                return Attribution::Anonymous(span);
            }
            let acronym = original.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !original.chars().any(char::is_lowercase);
            // a capitalised name (an acronym may open the sentence), a document, or "he"/"she"
            // standing for a person named earlier
            let name = words[j].capitalized
                && (j > 0 || acronym)
                && !matches!(lower, "the" | "we" | "i" | "they" | "it" | "this");
            if name || DOCUMENTS.contains(&lower) || matches!(lower, "he" | "she") {
                return Attribution::Named(span);
            }
        }
    }
    Attribution::None
}

/// A confidence level with the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confidence {
    pub level: &'static str,
    pub reasons: Vec<String>,
}

/// Confidence of a risk resting on `sentences` (source id, sentence text), in brief order.
pub fn assess<'a>(sentences: impl IntoIterator<Item = (&'a str, &'a str)>) -> Confidence {
    let mut sources: Vec<&str> = Vec::new();
    let mut named: Option<String> = None;
    let mut anonymous: Option<String> = None;
    let mut hedged: Option<String> = None;
    for (source, text) in sentences {
        if !sources.contains(&source) {
            sources.push(source);
        }
        match attribution(text) {
            Attribution::Named(w) => {
                named.get_or_insert(w);
            }
            Attribution::Anonymous(w) => {
                anonymous.get_or_insert(w);
            }
            Attribution::Hedged(w) => {
                hedged.get_or_insert(w);
            }
            Attribution::None => {}
        }
    }
    let mut reasons = Vec::new();
    reasons.push(match sources.len() {
        1 => format!("1 source ({})", sources[0]),
        n => format!("{n} sources ({})", sources.join(", ")),
    });
    let attributed = named.is_some() || anonymous.is_some();
    let mut score: usize = match (sources.len(), attributed, named.is_some()) {
        (n, _, _) if n >= 3 => 2,
        (2, true, _) => 2,
        (2, false, _) => 1,
        (_, _, true) => 1,
        _ => 0,
    };
    match (&named, &anonymous) {
        (Some(w), _) => reasons.push(format!("attributed: “{w}”")),
        (None, Some(w)) => reasons.push(format!("unnamed source: “{w}”")),
        (None, None) => reasons.push("no attribution".to_string()),
    }
    if let Some(w) = hedged
        && !attributed
    {
        score = score.saturating_sub(1);
        reasons.push(format!("hedged reporting: “{w}” (−1)"));
    }
    Confidence {
        level: LEVELS[score],
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_named_anonymous_and_hedged_attribution() {
        assert!(matches!(
            attribution("The pact could fail, Smith said."),
            Attribution::Named(_)
        ));
        assert!(matches!(
            attribution("War could follow, the report said."),
            Attribution::Named(_)
        ));
        assert!(matches!(
            attribution("War could follow, officials said."),
            Attribution::Anonymous(_)
        ));
        assert!(matches!(
            attribution("Troops are reportedly massing."),
            Attribution::Hedged(_)
        ));
        assert_eq!(attribution("War could follow."), Attribution::None);
        assert!(matches!(
            attribution("Some officials argue against expelling Norland."),
            Attribution::Anonymous(_)
        ));
    }

    #[test]
    fn corroboration_and_attribution_raise_confidence() {
        assert_eq!(assess([("a", "War could follow.")]).level, "low");
        assert_eq!(
            assess([("a", "War could follow, Smith said.")]).level,
            "moderate"
        );
        assert_eq!(
            assess([("a", "War could follow."), ("b", "A war may follow.")]).level,
            "moderate"
        );
        assert_eq!(
            assess([
                ("a", "War could follow, Smith said."),
                ("b", "A war may follow.")
            ])
            .level,
            "high"
        );
        assert_eq!(
            assess([
                ("a", "x could fail."),
                ("b", "x may fail."),
                ("c", "x will fail.")
            ])
            .level,
            "high"
        );
    }

    #[test]
    fn hedged_reporting_lowers_confidence() {
        let c = assess([
            ("a", "Troops could reportedly attack."),
            ("b", "Troops may attack."),
        ]);
        assert_eq!(c.level, "low");
        assert!(c.reasons.iter().any(|r| r.contains("reportedly")));
    }
}
