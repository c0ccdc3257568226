//! Unsupervised extractive summarization.
//!
//! Each sentence gets a salience score that adds up a lead prior, directed centrality over TF-IDF
//! similarity, similarity to the title and coverage of the document's keywords, minus penalties
//! for quotes, questions, boilerplate, out-of-context openings and extreme lengths. Sentences are
//! then chosen by maximal marginal relevance under a budget. Everything is linear in the length
//! of the text; see [`centrality`] for how centrality avoids comparing all pairs.
//!
//! Every number is a named field of [`Weights`].

pub mod centrality;
pub mod cues;
pub mod features;
pub mod mmr;
pub mod weights;

pub use features::SurfaceFeatures;
pub use mmr::{Budget, Candidate, Redundancy, select};
pub use weights::{PRESETS, UnknownWeight, Weights};

use crate::similarity::{SparseVector, tfidf_vectors};
use crate::terms::{TermId, TermIndex};

/// One sentence of the text to summarize.
#[derive(Debug, Clone, Copy)]
pub struct DocSentence<'a> {
    pub text: &'a str,
    /// Index of the paragraph it belongs to (paragraphs in document order).
    pub paragraph: usize,
}

/// The text to summarize: its sentences in document order and its title, if any.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    pub title: Option<&'a str>,
    pub sentences: Vec<DocSentence<'a>>,
}

/// Per-sentence results of [`analyze`], indexed like [`Document::sentences`].
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Salience: higher is more worth including.
    pub scores: Vec<f64>,
    /// Unit TF-IDF vectors (term ids from the [`TermIndex`] used), for redundancy checks.
    pub vectors: Vec<SparseVector>,
    pub features: Vec<SurfaceFeatures>,
}

impl Analysis {
    /// The sentences as MMR candidates.
    /// The sentences as MMR candidates of document number `document`.
    pub fn candidates(&self, document: usize) -> Vec<Candidate<'_>> {
        let n = self.scores.len().max(1) as f64;
        self.scores
            .iter()
            .zip(&self.vectors)
            .zip(&self.features)
            .enumerate()
            .map(|(i, ((&score, vector), f))| Candidate {
                score,
                vector,
                words: f.words,
                document,
                position: i as f64 / n,
            })
            .collect()
    }
}

/// Scores every sentence of `doc`. `index` interns terms; share one across the documents of a
/// brief so their vectors can be compared.
pub fn analyze(doc: &Document<'_>, index: &mut TermIndex, weights: &Weights) -> Analysis {
    let (mut analysis, ids) = analyze_numbered(doc, index, weights);
    // back to the index's ids, which mean the same in every document
    for vector in &mut analysis.vectors {
        vector.rename_terms(|t| ids[t as usize]);
    }
    analysis
}

/// [`analyze`] with the vectors' terms numbered within the document, by first occurrence
/// ([`TermIndex::renumber`]), and the index's ids of those terms. Scores depend on the
/// document alone, not on what the index saw before it.
fn analyze_numbered(
    doc: &Document<'_>,
    index: &mut TermIndex,
    weights: &Weights,
) -> (Analysis, Vec<TermId>) {
    let n = doc.sentences.len();
    let mut terms: Vec<Vec<TermId>> = doc.sentences.iter().map(|s| index.terms(s.text)).collect();
    // the title last, so it numbers only the terms the sentences do not have
    if let Some(title) = doc.title {
        terms.push(index.terms(title));
    }
    let ids = index.renumber(&mut terms);
    let title_terms = terms.drain(n..).next();
    let (vectors, idf) = tfidf_vectors(terms, ids.len());
    let features: Vec<SurfaceFeatures> = doc
        .sentences
        .iter()
        .map(|s| SurfaceFeatures::of(s.text))
        .collect();
    let centrality = centrality::directed_centrality(
        &vectors,
        ids.len(),
        weights.centrality_forward,
        weights.centrality_backward,
    );
    let keyword_count = weights.keyword_count.max(0.0) as usize;
    let keywords = centrality::keywords(idf.document_frequencies(), keyword_count);
    let title = title_terms
        .map(|t| idf.vector(&t))
        .filter(|v| !v.is_empty());
    let paragraphs = doc.sentences.last().map_or(0, |s| s.paragraph + 1);

    let scores = (0..n)
        .map(|i| {
            let sentence = &doc.sentences[i];
            let mut score = weights.position * lead_prior(i, weights.position_half_life)
                + weights.position_relative * (1.0 - i as f64 / n as f64)
                + weights.centrality * centrality[i]
                + weights.keywords * centrality::keyword_coverage(&vectors[i], &keywords);
            if weights.judgement != 0.0 {
                let saturation = weights.judgement_saturation.max(0.0) as usize;
                score += weights.judgement * cues::judgement_strength(sentence.text, saturation);
            }
            if let Some(title) = &title {
                score += weights.title * f64::from(vectors[i].dot(title));
            }
            let opens_paragraph = i == 0 || doc.sentences[i - 1].paragraph != sentence.paragraph;
            if paragraphs > 1 && opens_paragraph {
                score += weights.paragraph_lead;
            }
            score - penalty(&features[i], weights)
        })
        .collect();
    let analysis = Analysis {
        scores,
        vectors,
        features,
    };
    (analysis, ids)
}

/// `0.5^(i / half_life)`: 1 for the first sentence, halving every `half_life` sentences.
pub fn lead_prior(i: usize, half_life: f64) -> f64 {
    if half_life <= 0.0 {
        return if i == 0 { 1.0 } else { 0.0 };
    }
    0.5f64.powf(i as f64 / half_life)
}

/// The sum of the penalties that apply to a sentence of this form.
pub fn penalty(f: &SurfaceFeatures, w: &Weights) -> f64 {
    let mut p = 0.0;
    if f.quoted >= w.quote_share {
        p += w.quote_penalty;
    }
    if f.question {
        p += w.question_penalty;
    }
    if f.boilerplate {
        p += w.boilerplate_penalty;
    }
    if f.dangling {
        p += w.dangling_penalty;
    }
    if f.fragment {
        p += w.fragment_penalty;
    }
    let words = f.words as f64;
    if words < w.short_words && w.short_words > 0.0 {
        p += w.short_penalty * (w.short_words - words) / w.short_words;
    }
    if words > w.long_words && w.long_words > 0.0 {
        p += w.long_penalty * (words - w.long_words) / w.long_words;
    }
    p
}

/// The redundancy settings of `weights`.
pub fn redundancy(weights: &Weights) -> Redundancy {
    Redundancy {
        similarity: weights.redundancy,
        duplicate: weights.duplicate,
        proximity: weights.proximity,
        window: weights.proximity_window,
    }
}

/// Summarizes one document: indices of the chosen sentences, in document order.
pub fn summarize(doc: &Document<'_>, budget: Budget, weights: &Weights) -> Vec<usize> {
    summarize_with(doc, budget, weights, &mut TermIndex::new())
}

/// [`summarize`] with a caller-owned [`TermIndex`]: reusing one across many documents saves
/// stemming words already seen (batch mode).
pub fn summarize_with(
    doc: &Document<'_>,
    budget: Budget,
    weights: &Weights,
    index: &mut TermIndex,
) -> Vec<usize> {
    // redundancy compares sentences of this document only: its own numbering will do
    let (analysis, _) = analyze_numbered(doc, index, weights);
    let mut chosen = select(&analysis.candidates(0), budget, redundancy(weights));
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(sentences: &[&'a str]) -> Document<'a> {
        Document {
            title: None,
            sentences: sentences
                .iter()
                .map(|&text| DocSentence { text, paragraph: 0 })
                .collect(),
        }
    }

    #[test]
    fn lead_prior_halves_every_half_life() {
        assert_eq!(lead_prior(0, 2.0), 1.0);
        assert!((lead_prior(2, 2.0) - 0.5).abs() < 1e-12);
        assert_eq!(lead_prior(3, 0.0), 0.0);
    }

    #[test]
    fn penalties_add_up_and_grow_with_length() {
        let w = Weights::default();
        let plain = SurfaceFeatures {
            words: 20,
            ..Default::default()
        };
        assert_eq!(penalty(&plain, &w), 0.0);
        let quoted_question = SurfaceFeatures {
            quoted: 0.9,
            question: true,
            ..plain
        };
        assert!(
            (penalty(&quoted_question, &w) - (w.quote_penalty + w.question_penalty)).abs() < 1e-12
        );
        let long = SurfaceFeatures { words: 80, ..plain };
        let longer = SurfaceFeatures {
            words: 120,
            ..plain
        };
        assert!(penalty(&longer, &w) > penalty(&long, &w));
        assert!(penalty(&SurfaceFeatures { words: 2, ..plain }, &w) > 0.0);
    }

    #[test]
    fn output_is_in_document_order_and_within_k() {
        let d = doc(&[
            "The council approved the new harbour budget after a long debate on Monday.",
            "Harbour traffic has doubled since the budget was last revised in the spring.",
            "“I am delighted,” said one member.",
            "Critics say the harbour budget ignores the fishing fleet entirely this year.",
        ]);
        let got = summarize(&d, Budget::Sentences(2), &Weights::default());
        assert_eq!(got.len(), 2);
        assert!(got.windows(2).all(|w| w[0] < w[1]));
        assert!(
            !got.contains(&2),
            "a bare quote should not be chosen: {got:?}"
        );
    }

    #[test]
    fn title_pulls_matching_sentences_up() {
        let w = Weights {
            position: 0.0,
            centrality: 0.0,
            keywords: 0.0,
            ..Weights::default()
        };
        let mut d = doc(&[
            "Farmers in the valley planted more wheat than ever before this season.",
            "The new bridge over the river opened to traffic on a rainy Tuesday morning.",
        ]);
        d.title = Some("River bridge opens");
        assert_eq!(summarize(&d, Budget::Sentences(1), &w), vec![1]);
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let w = Weights::default();
        assert!(summarize(&doc(&[]), Budget::Sentences(3), &w).is_empty());
        assert_eq!(
            summarize(&doc(&["just one"]), Budget::Sentences(3), &w),
            vec![0]
        );
        assert!(summarize(&doc(&["a", "b"]), Budget::Sentences(0), &w).is_empty());
        let long = "word ".repeat(50_000);
        // the very long sentence is penalised, so the short one comes first
        let got = summarize(
            &doc(&[&long, "short one here."]),
            Budget::Within {
                sentences: 3,
                words: 10,
            },
            &w,
        );
        assert_eq!(got, vec![1]);
    }

    #[test]
    fn scores_do_not_depend_on_documents_the_index_saw_before() {
        // Regression: keyword ties went to the lower term id, and ids depend on what a shared
        // index interned first, so one document's summary changed with the batch around it.
        let d = doc(&[
            "Storm damage closed the coastal railway on Sunday.",
            "Engineers said the railway embankment and the harbour wall both failed.",
            "The council will pay for the harbour repairs first.",
            "Ferry crews and railway staff worked through the night at the harbour.",
        ]);
        let w = Weights {
            keyword_count: 1.0,
            ..Weights::default()
        };
        let fresh = analyze(&d, &mut TermIndex::new(), &w).scores;
        let mut primed = TermIndex::new();
        primed.terms("harbour harbour council ferry railway storm");
        let after_other = analyze(&d, &mut primed, &w).scores;
        assert_eq!(fresh, after_other);
    }
}
