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

use crate::similarity::SparseVector;
use crate::terms::TermId;

/// `forward × (similarity to later sentences) + backward × (similarity to earlier sentences)`
/// for each sentence, min-max scaled to 0..1. All zeros when there is nothing to compare.
/// The vectors' terms are numbered densely, below `terms`, so the running sums are arrays.
pub fn directed_centrality(
    vectors: &[SparseVector],
    terms: usize,
    forward: f64,
    backward: f64,
) -> Vec<f64> {
    let n = vectors.len();
    if n < 2 {
        return vec![0.0; n];
    }
    // after = sum of all vectors; each sentence then moves itself from `after` to `before`.
    let mut after = vec![0.0f32; terms];
    for v in vectors {
        for &(t, w) in v.entries() {
            after[t as usize] += w;
        }
    }
    let mut before = vec![0.0f32; terms];
    let mut raw = Vec::with_capacity(n);
    for v in vectors {
        let (mut later, mut earlier) = (0.0f32, 0.0f32);
        for &(t, w) in v.entries() {
            let t = t as usize;
            after[t] -= w;
            later += w * after[t];
            earlier += w * before[t];
        }
        raw.push(forward * f64::from(later) + backward * f64::from(earlier));
        for &(t, w) in v.entries() {
            before[t as usize] += w;
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

/// The document's keywords: the `count` terms found in the most sentences (at least two), given
/// `frequency`, the number of sentences that hold each term. Terms are numbered in order of
/// first occurrence ([`TermIndex::renumber`]), so ties go to the term that occurs first.
/// Returned sorted.
///
/// Ties used to go to the lower id of an index shared across documents, so a document's
/// keywords changed with the documents summarized before it.
///
/// [`TermIndex::renumber`]: crate::terms::TermIndex::renumber
pub fn keywords(frequency: &[u32], count: usize) -> Vec<TermId> {
    let mut found: Vec<(u32, TermId)> = frequency
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n >= 2)
        .map(|(t, &n)| (n, t as TermId))
        .collect();
    if found.len() > count {
        found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate(count);
    }
    let mut top: Vec<TermId> = found.into_iter().map(|(_, t)| t).collect();
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
        let got = directed_centrality(&vs, 6, f, b);
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
        let c = directed_centrality(&vs, 10, 1.0, 0.0);
        assert_eq!(c[0], 1.0);
        assert_eq!(c[3], 0.0);
    }

    #[test]
    fn single_sentence_has_zero_centrality() {
        assert_eq!(directed_centrality(&[unit(&[1])], 2, 1.0, 0.0), vec![0.0]);
        assert!(directed_centrality(&[], 0, 1.0, 0.0).is_empty());
    }

    #[test]
    fn keyword_ties_go_to_the_term_numbered_first() {
        // terms 1 and 3 are each in two sentences
        assert_eq!(keywords(&[1, 2, 0, 2], 1), vec![1]);
        assert_eq!(keywords(&[1, 2, 0, 2], 2), vec![1, 3]);
    }

    #[test]
    fn keywords_are_terms_in_most_sentences() {
        let vs = [unit(&[1, 2]), unit(&[1, 3]), unit(&[1, 2]), unit(&[4])];
        let frequency = [0, 3, 2, 1, 1];
        assert_eq!(keywords(&frequency, 1), vec![1]);
        assert_eq!(keywords(&frequency, 5), vec![1, 2]);
        assert!(keywords(&frequency, 0).is_empty());
        assert!((keyword_coverage(&vs[0], &[1, 2]) - 1.0).abs() < 1e-9);
        assert_eq!(keyword_coverage(&vs[3], &[1, 2]), 0.0);
    }
}
