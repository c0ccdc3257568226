//! Every number the summarizer uses, named, with its default and what it does.
//!
//! The defaults (the "news" preset) were chosen on the CNN/DailyMail dev set and checked on its
//! odd and even halves separately (see docs/bench/summary.md); "report" is for long analysis. They can be overridden by name, which is how the benchmark
//! script and `brief summarize --weights` explore alternatives without recompiling.

/// Raised by [`Weights::set`] for a name that is not a weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWeight(pub String);

impl std::fmt::Display for UnknownWeight {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown summarizer weight `{}`; expected one of: {}",
            self.0,
            Weights::NAMES.join(", ")
        )
    }
}

impl std::error::Error for UnknownWeight {}

macro_rules! weights {
    ($( $(#[doc = $doc:literal])+ $name:ident = $default:expr ;)+) => {
        /// The summarizer's weights and thresholds. See the field docs; `Default` is the tuned set.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Weights {
            $( $(#[doc = $doc])+ pub $name: f64, )+
        }

        impl Default for Weights {
            fn default() -> Self {
                Self { $( $name: $default, )+ }
            }
        }

        impl Weights {
            /// Every weight's name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$( stringify!($name) ),+];

            /// Sets a weight by name.
            pub fn set(&mut self, name: &str, value: f64) -> Result<(), UnknownWeight> {
                match name {
                    $( stringify!($name) => self.$name = value, )+
                    _ => return Err(UnknownWeight(name.to_string())),
                }
                Ok(())
            }

            /// Reads a weight by name.
            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $( stringify!($name) => Some(self.$name), )+
                    _ => None,
                }
            }
        }
    };
}

weights! {
    /// Weight of the lead prior `0.5^(i / position_half_life)` for the i-th body sentence
    /// (0-based). News puts its point first; this is the strongest single signal on news.
    position = 1.0;
    /// Sentences after which the lead prior has halved.
    position_half_life = 2.0;
    /// Weight of the relative-position prior `1 − i / n`: a gentle preference for the first
    /// part of long documents, where the absolute prior has long decayed to zero.
    position_relative = 0.0;
    /// Bonus for the first sentence of a paragraph (topic sentences), in documents with more
    /// than one paragraph.
    paragraph_lead = 0.0;
    /// Weight of directed centrality (min-max scaled to 0..1 within the document).
    centrality = 0.8;
    /// How much similarity to *later* sentences counts towards centrality (PacSum's insight: a
    /// sentence that later sentences elaborate on is a good summary sentence).
    centrality_forward = 1.0;
    /// How much similarity to *earlier* sentences counts (negative: repeating earlier content
    /// is a sign of elaboration, not of a key point).
    centrality_backward = 0.0;
    /// Weight of the cosine similarity to the title, when there is one.
    title = 0.3;
    /// Weight of keyword coverage: the share of the document's top keywords a sentence holds.
    keywords = 0.2;
    /// How many keywords (terms found in the most sentences) make up the document's topic.
    keyword_count = 10.0;
    /// Penalty for a sentence mostly inside quotation marks (a quote without its context).
    quote_penalty = 0.3;
    /// Share of a sentence's characters inside quotation marks from which it counts as a quote.
    quote_share = 0.5;
    /// Penalty for a question: summaries state findings, they do not ask.
    question_penalty = 0.3;
    /// Penalty for boilerplate such as "Click here", "Scroll down", copyright lines.
    boilerplate_penalty = 1.0;
    /// Penalty for a sentence that opens with a word pointing back at earlier text
    /// ("He", "This", "But"…), which reads badly out of context.
    dangling_penalty = 0.1;
    /// Penalty for a fragment: text that starts with a lowercase letter.
    fragment_penalty = 0.5;
    /// Weight of judgement cues (contrast, evaluation, findings, advice; see `cues.rs`).
    /// Zero for news, where the lead carries the point; raised for analytical reports.
    judgement = 0.0;
    /// Number of cues at which a sentence counts as a full judgement.
    judgement_saturation = 3.0;
    /// Sentences with fewer words than this are penalised, in proportion to the shortfall.
    short_words = 8.0;
    /// Penalty for a sentence with no words; `short_words − 1` words get a fraction of it.
    short_penalty = 0.3;
    /// Sentences with more words than this are penalised, in proportion to the excess. News
    /// highlights are short; a glued run of captions is long.
    long_words = 25.0;
    /// Penalty per `long_words` words beyond `long_words`.
    long_penalty = 0.3;
    /// MMR trade-off: how much similarity to an already chosen sentence costs.
    redundancy = 0.5;
    /// Cosine similarity above which a sentence is a near-duplicate of a chosen one and is
    /// never chosen beside it (also the threshold for merging points across sources).
    duplicate = 0.6;
    /// MMR cost of sitting right next to a chosen sentence of the same document; spreads key
    /// points over a long report instead of taking one passage's neighbours.
    proximity = 0.0;
    /// Distance (share of the document) at which the proximity cost has fallen to zero.
    proximity_window = 0.1;
    /// Multi-source summaries: weight of cross-source support, the mean similarity of a sentence
    /// to the other sources' centroids (what several sources say outranks what one says).
    support = 0.5;
    /// Multi-source summaries: how many of each source's best sentences enter the shared pool
    /// the key points are chosen from. Keeps the choice linear in the number of sources.
    source_candidates = 15.0;
}

/// Names of the presets [`Weights::preset`] knows.
pub const PRESETS: &[&str] = &["news", "report"];

impl Weights {
    /// Tuned on news (CNN/DailyMail): a strong lead prior, directed centrality, penalties.
    /// The same as `Weights::default()`.
    pub fn news() -> Self {
        Self::default()
    }

    /// For long analytical texts (think-tank reports, commentary), where the key judgements
    /// are spread through the text instead of sitting in the lead: a weak lead prior, undirected
    /// centrality (conclusions restate what came before), judgement cues, a proximity cost that
    /// spreads the choice over the document, and a stronger quote penalty.
    pub fn report() -> Self {
        Self {
            position: 0.2,
            centrality: 0.7,
            centrality_backward: 1.0,
            keywords: 0.3,
            judgement: 0.6,
            proximity: 1.0,
            proximity_window: 0.15,
            quote_penalty: 0.6,
            // analysis states its judgements in longer sentences than news leads
            long_words: 40.0,
            source_candidates: 30.0,
            ..Self::default()
        }
    }

    /// A preset by name (see [`PRESETS`]).
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "news" => Some(Self::news()),
            "report" => Some(Self::report()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_get_by_name() {
        let mut w = Weights::default();
        w.set("redundancy", 0.25).unwrap();
        assert_eq!(w.get("redundancy"), Some(0.25));
        assert_eq!(w.redundancy, 0.25);
    }

    #[test]
    fn unknown_name_lists_the_known_ones() {
        let err = Weights::default().set("positon", 1.0).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("positon"));
        assert!(message.contains("position_half_life"));
    }

    #[test]
    fn presets_by_name() {
        assert_eq!(Weights::preset("news"), Some(Weights::default()));
        assert!(Weights::preset("report").unwrap().judgement > 0.0);
        assert!(PRESETS.iter().all(|p| Weights::preset(p).is_some()));
        assert_eq!(Weights::preset("poetry"), None);
    }

    #[test]
    fn every_name_is_readable() {
        let w = Weights::default();
        assert!(Weights::NAMES.iter().all(|n| w.get(n).is_some()));
    }
}
