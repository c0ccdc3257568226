//! Directed degree centrality in linear time, and the document's keywords.
//!
//! LexRank and PacSum sum, for each sentence, its similarity to every other sentence. With unit
//! vectors that sum is a dot product with the sum of the other vectors, so one sweep that keeps
//! running sums of the vectors before and after the current sentence gives every sentence's
//! centrality in time proportional to the text, not to the square of the sentence count. That is
//! what lets a 100,000-sentence text, or a brief of thousands of articles, stay fast.
//!
//! Direction matters (PacSum): similarity to later sentences means the sentence introduces what
//! follows, similarity to earlier ones means it elaborates on what came before.

use crate::similarity::{Idf, SparseVector};
use crate::terms::TermId;

/// `forward × (similarity to later sentences) + backward × (similarity to earlier sentences)`
/// for each sentence, min-max scaled to 0..1. All zeros when there is nothing to compare.
pub fn directed_centrality(vectors: &[SparseVector], forward: f64, backward: f64) -> Vec<f64> {
    let idf = Idf::fit(vectors);
    directed_centrality_over(vectors, idf.document_frequencies(), forward, backward)
}

/// [`directed_centrality`] given the vectors' vocabulary: every term they hold, sorted by id
/// (as [`Idf::document_frequencies`] lists them; the frequencies are not used). The summarizer
/// has that list from weighing the vectors, and sorting it again cost more than the sweep.
pub fn directed_centrality_over(
    vectors: &[SparseVector],
    vocabulary: &[(TermId, u32)],
    forward: f64,
    backward: f64,
) -> Vec<f64> {
    let n = vectors.len();
    if n < 2 {
        return vec![0.0; n];
    }
    // Term ids come from an index that may be shared by many documents; map this document's
    // terms to 0..m so the running sums are as small as the document's own vocabulary.
    let slot = |t: TermId| {
        vocabulary
            .binary_search_by_key(&t, |&(u, _)| u)
            .unwrap_or(0)
    };
    let dense: Vec<Vec<(usize, f32)>> = vectors
        .iter()
        .map(|v| v.entries().iter().map(|&(t, w)| (slot(t), w)).collect())
        .collect();
    let local_len = vocabulary.len();
    // after = sum of all vectors; each sentence then moves itself from `after` to `before`.
    let mut after = vec![0.0f32; local_len];
    for v in &dense {
        for &(t, w) in v {
            after[t] += w;
        }
    }
    let mut before = vec![0.0f32; local_len];
    let mut raw = Vec::with_capacity(n);
    for v in &dense {
        let (mut later, mut earlier) = (0.0f32, 0.0f32);
        for &(t, w) in v {
            after[t] -= w;
            later += w * after[t];
            earlier += w * before[t];
        }
        raw.push(forward * f64::from(later) + backward * f64::from(earlier));
        for &(t, w) in v {
            before[t] += w;
        }
    }
    min_max(&raw)
}

/// Scales values to 0..1; all zeros when they are all equal.
pub fn min_max(values: &[f64]) -> Vec<f64> {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // also catches NaN and empty input, where `hi > lo` is false
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) {
        return vec![0.0; values.len()];
    }
    values.iter().map(|v| (v - lo) / (hi - lo)).collect()
}

/// The document's keywords: the `count` terms found in the most sentences (at least two), ties
/// broken by where the term first occurs in `terms` (the sentences' term ids in text order).
/// Returned sorted by id.
///
/// Ties used to go to the lower term id, but ids are handed out by a [`TermIndex`] shared across
/// documents, so a document's keywords changed with the documents summarized before it.
///
/// [`TermIndex`]: crate::terms::TermIndex
pub fn keywords(vectors: &[SparseVector], terms: &[Vec<u32>], count: usize) -> Vec<u32> {
    keywords_by_frequency(Idf::fit(vectors).document_frequencies(), terms, count)
}

/// [`keywords`] given how many sentences hold each term, sorted by term id (the
/// [`Idf::document_frequencies`] of the sentence vectors).
pub fn keywords_by_frequency(
    frequency: &[(TermId, u32)],
    terms: &[Vec<u32>],
    count: usize,
) -> Vec<u32> {
    let mut frequency = frequency.to_vec();
    frequency.retain(|&(_, n)| n >= 2);
    let mut top: Vec<u32>;
    if frequency.len() <= count {
        top = frequency.into_iter().map(|(t, _)| t).collect();
    } else if count == 0 {
        return Vec::new();
    } else {
        let mut counts: Vec<u32> = frequency.iter().map(|&(_, n)| n).collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let cutoff = counts[count - 1];
        top = frequency
            .iter()
            .filter(|&&(_, n)| n > cutoff)
            .map(|&(t, _)| t)
            .collect();
        // the terms tied at the cutoff share the slots left, earliest in the text first
        let mut tied: Vec<u32> = frequency
            .iter()
            .filter(|&&(_, n)| n == cutoff)
            .map(|&(t, _)| t)
            .collect();
        for t in terms.iter().flatten() {
            if top.len() == count {
                break;
            }
            if let Ok(k) = tied.binary_search(t) {
                top.push(tied.remove(k));
            }
        }
    }
    top.sort_unstable();
    top
}

/// Share of `keywords` (sorted) that the sentence vector contains, 0..1.
pub fn keyword_coverage(vector: &SparseVector, keywords: &[u32]) -> f64 {
    if keywords.is_empty() {
        return 0.0;
    }
    let hits = vector
        .entries()
        .iter()
        .filter(|(t, _)| keywords.binary_search(t).is_ok())
        .count();
    hits as f64 / keywords.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(terms: &[u32]) -> SparseVector {
        let mut v = SparseVector::counts(terms);
        v.normalize();
        v
    }

    /// The linear sweep must equal the quadratic definition it replaces.
    #[test]
    fn sweep_equals_pairwise_sums() {
        let vs = vec![unit(&[1, 2]), unit(&[2, 3]), unit(&[1, 3, 4]), unit(&[5])];
        let (f, b) = (1.0, -0.5);
        let got = directed_centrality(&vs, f, b);
        let raw: Vec<f64> = (0..vs.len())
            .map(|i| {
                (0..vs.len())
                    .filter(|&j| j != i)
                    .map(|j| {
                        let s = f64::from(vs[i].dot(&vs[j]));
                        if j > i { f * s } else { b * s }
                    })
                    .sum()
            })
            .collect();
        let want = min_max(&raw);
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() < 1e-5, "{got:?} vs {want:?}");
        }
    }

    #[test]
    fn the_sentence_later_ones_elaborate_is_most_central() {
        let vs = vec![unit(&[1, 2]), unit(&[1, 3]), unit(&[2, 4]), unit(&[9])];
        let c = directed_centrality(&vs, 1.0, 0.0);
        assert_eq!(c[0], 1.0);
        assert_eq!(c[3], 0.0);
    }

    #[test]
    fn single_sentence_has_zero_centrality() {
        assert_eq!(directed_centrality(&[unit(&[1])], 1.0, 0.0), vec![0.0]);
        assert!(directed_centrality(&[], 1.0, 0.0).is_empty());
    }

    #[test]
    fn keyword_ties_go_to_the_earlier_term_not_the_lower_id() {
        // terms 7 and 3 are each in two sentences; 7 occurs first in the text
        let vs = vec![unit(&[3, 7]), unit(&[3, 7])];
        let terms: Vec<Vec<u32>> = vec![vec![7, 3], vec![3, 7]];
        assert_eq!(keywords(&vs, &terms, 1), vec![7]);
    }

    #[test]
    fn keywords_are_terms_in_most_sentences() {
        let vs = vec![unit(&[1, 2]), unit(&[1, 3]), unit(&[1, 2]), unit(&[4])];
        let terms: Vec<Vec<u32>> = vec![vec![1, 2], vec![1, 3], vec![1, 2], vec![4]];
        assert_eq!(keywords(&vs, &terms, 1), vec![1]);
        assert_eq!(keywords(&vs, &terms, 5), vec![1, 2]);
        assert!((keyword_coverage(&vs[0], &[1, 2]) - 1.0).abs() < 1e-9);
        assert_eq!(keyword_coverage(&vs[3], &[1, 2]), 0.0);
    }
}
