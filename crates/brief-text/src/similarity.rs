//! Sparse term vectors and the cosine similarity between them, plus TF-IDF weighting over a set
//! of sentences.
//!
//! Vectors hold `(term, weight)` pairs sorted by term id, so a dot product is a merge of two
//! sorted lists: no hashing, and the result does not depend on any map's iteration order.

use crate::terms::TermId;

/// A sparse vector over term ids, sorted by id, without zero entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    entries: Vec<(TermId, f32)>,
}

impl SparseVector {
    /// Counts the terms of one text (any order, repeats allowed).
    pub fn counts(terms: &[TermId]) -> Self {
        Self::counts_of(terms.to_vec())
    }

    /// [`Self::counts`] of a list the caller no longer needs, sorted in place.
    pub fn counts_of(mut sorted: Vec<TermId>) -> Self {
        sorted.sort_unstable();
        let mut entries: Vec<(TermId, f32)> = Vec::with_capacity(sorted.len());
        for term in sorted {
            match entries.last_mut() {
                Some((last, count)) if *last == term => *count += 1.0,
                _ => entries.push((term, 1.0)),
            }
        }
        Self { entries }
    }

    /// The sum of several vectors (e.g. a centroid before normalizing).
    pub fn sum<'a>(vectors: impl IntoIterator<Item = &'a SparseVector>) -> Self {
        let mut entries: Vec<(TermId, f32)> = vectors
            .into_iter()
            .flat_map(|v| v.entries.iter().copied())
            .collect();
        entries.sort_by_key(|&(t, _)| t);
        let mut merged: Vec<(TermId, f32)> = Vec::with_capacity(entries.len());
        for (t, w) in entries {
            match merged.last_mut() {
                Some((last, acc)) if *last == t => *acc += w,
                _ => merged.push((t, w)),
            }
        }
        merged.retain(|(_, w)| *w != 0.0);
        Self { entries: merged }
    }

    pub fn entries(&self) -> &[(TermId, f32)] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn dot(&self, other: &SparseVector) -> f32 {
        let (small, large) = if self.len() <= other.len() {
            (&self.entries, &other.entries)
        } else {
            (&other.entries, &self.entries)
        };
        // A sentence against a centroid of a whole brief: look each of the few terms up
        // instead of walking the long list.
        if small.len() * 16 < large.len() {
            return small
                .iter()
                .filter_map(|&(t, w)| {
                    large
                        .binary_search_by_key(&t, |&(u, _)| u)
                        .ok()
                        .map(|i| w * large[i].1)
                })
                .sum();
        }
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < small.len() && j < large.len() {
            match small[i].0.cmp(&large[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += small[i].1 * large[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    pub fn norm(&self) -> f32 {
        self.entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
    }

    /// Scales to unit length; an empty or all-zero vector stays as it is.
    pub fn normalize(&mut self) {
        let norm = self.norm();
        if norm > 0.0 {
            for (_, w) in &mut self.entries {
                *w /= norm;
            }
        }
    }

    /// Renames every term by `rename` (which must not merge two terms) and sorts the entries
    /// by their new names.
    pub fn rename_terms(&mut self, rename: impl Fn(TermId) -> TermId) {
        for (term, _) in &mut self.entries {
            *term = rename(*term);
        }
        self.entries.sort_unstable_by_key(|&(t, _)| t);
    }

    /// Multiplies each weight by `f(term)`, dropping entries that become zero.
    pub fn reweight(&mut self, f: impl Fn(TermId) -> f32) {
        for (term, w) in &mut self.entries {
            *w *= f(*term);
        }
        self.entries.retain(|(_, w)| *w != 0.0);
    }
}

/// Cosine similarity; 0 when either vector is empty.
pub fn cosine(a: &SparseVector, b: &SparseVector) -> f32 {
    let denom = a.norm() * b.norm();
    if denom > 0.0 { a.dot(b) / denom } else { 0.0 }
}

/// Unit-length TF-IDF vectors of a set of texts given as term lists, with the inverse document
/// frequency taken over that same set (each text counts as one document). Terms are numbered
/// densely, below `terms` (as [`crate::terms::TermIndex::renumber`] numbers them), so counts
/// per term are arrays rather than sorted lists.
///
/// Term frequency is damped (`1 + ln tf`) so one word repeated in a sentence does not dominate;
/// IDF is smoothed (`ln((n + 1) / (df + 1)) + 1`) so a term found everywhere still counts a little.
pub fn tfidf_vectors(texts: Vec<Vec<TermId>>, terms: usize) -> (Vec<SparseVector>, Idf) {
    let counts: Vec<SparseVector> = texts.into_iter().map(SparseVector::counts_of).collect();
    let idf = Idf::fit(&counts, terms);
    let vectors = counts.into_iter().map(|v| idf.weigh(v)).collect();
    (vectors, idf)
}

/// Inverse document frequencies over one set of texts whose terms are numbered densely.
#[derive(Debug, Clone)]
pub struct Idf {
    /// Document frequency of each term.
    df: Vec<u32>,
    /// Weight of a term by its document frequency, 0 to the number of documents: one
    /// logarithm per frequency instead of one per term.
    by_frequency: Vec<f32>,
}

impl Idf {
    /// Fits on count vectors, each one document, whose terms are all below `terms`.
    pub fn fit(counts: &[SparseVector], terms: usize) -> Self {
        let mut df = vec![0u32; terms];
        for v in counts {
            for &(t, _) in &v.entries {
                df[t as usize] += 1;
            }
        }
        let n = counts.len() as f32;
        let by_frequency = (0..=counts.len())
            .map(|df| ((n + 1.0) / (df as f32 + 1.0)).ln() + 1.0)
            .collect();
        Self { df, by_frequency }
    }

    /// The document frequency of every term, indexed by term.
    pub fn document_frequencies(&self) -> &[u32] {
        &self.df
    }

    /// How many documents contain `term`.
    pub fn document_frequency(&self, term: TermId) -> u32 {
        self.df.get(term as usize).copied().unwrap_or(0)
    }

    /// Smoothed IDF: unseen terms get the largest weight.
    pub fn weight(&self, term: TermId) -> f32 {
        self.by_frequency[self.document_frequency(term) as usize]
    }

    /// A unit TF-IDF vector for a text outside the fitted set (e.g. a title).
    pub fn vector(&self, terms: &[TermId]) -> SparseVector {
        self.weigh(SparseVector::counts(terms))
    }

    /// Turns raw counts into a unit TF-IDF vector.
    fn weigh(&self, mut counts: SparseVector) -> SparseVector {
        for (term, w) in &mut counts.entries {
            // ln 1 is exactly 0: most terms occur once in a sentence
            let tf = if *w == 1.0 { 1.0 } else { 1.0 + w.ln() };
            *w = tf * self.weight(*term);
        }
        counts.normalize();
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_merge_repeats_and_sort() {
        let v = SparseVector::counts(&[5, 1, 5, 3]);
        assert_eq!(v.entries(), &[(1, 1.0), (3, 1.0), (5, 2.0)]);
    }

    #[test]
    fn dot_of_short_and_long_vectors_matches_either_way() {
        let short = SparseVector::counts(&[3, 40]);
        let long = SparseVector::counts(&(0..100).collect::<Vec<_>>());
        assert_eq!(short.dot(&long), 2.0);
        assert_eq!(long.dot(&short), 2.0);
    }

    #[test]
    fn sum_adds_matching_terms() {
        let a = SparseVector::counts(&[1, 2]);
        let b = SparseVector::counts(&[2, 3]);
        let s = SparseVector::sum([&a, &b]);
        assert_eq!(s.entries(), &[(1, 1.0), (2, 2.0), (3, 1.0)]);
    }

    #[test]
    fn cosine_of_identical_is_one_of_disjoint_is_zero() {
        let a = SparseVector::counts(&[1, 2, 3]);
        let b = SparseVector::counts(&[4, 5]);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&a, &b), 0.0);
        assert_eq!(cosine(&a, &SparseVector::default()), 0.0);
    }

    #[test]
    fn rare_terms_weigh_more_than_common_ones() {
        let texts = vec![vec![1, 2], vec![1, 3], vec![1, 4]];
        let (vectors, idf) = tfidf_vectors(texts, 5);
        assert!(idf.weight(2) > idf.weight(1));
        let v = &vectors[0];
        let common = v.entries()[0].1;
        let rare = v.entries()[1].1;
        assert!(rare > common);
        assert!((v.norm() - 1.0).abs() < 1e-5);
    }
}
