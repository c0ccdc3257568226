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
        let mut sorted = terms.to_vec();
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
/// frequency taken over that same set (each text counts as one document).
///
/// Term frequency is damped (`1 + ln tf`) so one word repeated in a sentence does not dominate;
/// IDF is smoothed (`ln((n + 1) / (df + 1)) + 1`) so a term found everywhere still counts a little.
pub fn tfidf_vectors(texts: &[Vec<TermId>]) -> (Vec<SparseVector>, Idf) {
    let counts: Vec<SparseVector> = texts.iter().map(|t| SparseVector::counts(t)).collect();
    let idf = Idf::fit(&counts);
    // every fitted term's frequency is at most the number of texts: one logarithm per
    // frequency instead of one per entry
    let by_frequency: Vec<f32> = (0..=texts.len())
        .map(|df| idf.weight_of_frequency(df as f32))
        .collect();
    let vectors = counts
        .into_iter()
        .map(|v| {
            idf.weigh_with(v, |term| {
                by_frequency[idf.document_frequency(term) as usize]
            })
        })
        .collect();
    (vectors, idf)
}

/// Inverse document frequencies over one set of texts.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    /// Sorted `(term, document frequency)`.
    df: Vec<(TermId, u32)>,
    documents: usize,
}

impl Idf {
    /// Fits on count vectors: each vector is one document.
    pub fn fit(counts: &[SparseVector]) -> Self {
        let mut all: Vec<TermId> = counts
            .iter()
            .flat_map(|v| v.entries.iter().map(|&(t, _)| t))
            .collect();
        all.sort_unstable();
        let mut df: Vec<(TermId, u32)> = Vec::new();
        for t in all {
            match df.last_mut() {
                Some((last, n)) if *last == t => *n += 1,
                _ => df.push((t, 1)),
            }
        }
        Self {
            df,
            documents: counts.len(),
        }
    }

    /// Every term of the fitted documents with the number of documents that contain it,
    /// sorted by term.
    pub fn document_frequencies(&self) -> &[(TermId, u32)] {
        &self.df
    }

    /// How many documents contain `term`.
    pub fn document_frequency(&self, term: TermId) -> u32 {
        self.df
            .binary_search_by_key(&term, |&(t, _)| t)
            .map_or(0, |i| self.df[i].1)
    }

    /// Smoothed IDF: unseen terms get the largest weight.
    pub fn weight(&self, term: TermId) -> f32 {
        self.weight_of_frequency(self.document_frequency(term) as f32)
    }

    fn weight_of_frequency(&self, df: f32) -> f32 {
        let n = self.documents as f32;
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// A unit TF-IDF vector for a text outside the fitted set (e.g. a title).
    pub fn vector(&self, terms: &[TermId]) -> SparseVector {
        self.weigh(SparseVector::counts(terms))
    }

    /// Turns raw counts into a unit TF-IDF vector.
    fn weigh(&self, counts: SparseVector) -> SparseVector {
        self.weigh_with(counts, |term| self.weight(term))
    }

    fn weigh_with(&self, mut counts: SparseVector, weight: impl Fn(TermId) -> f32) -> SparseVector {
        for (term, w) in &mut counts.entries {
            // ln 1 is exactly 0: most terms occur once in a sentence
            let tf = if *w == 1.0 { 1.0 } else { 1.0 + w.ln() };
            *w = tf * weight(*term);
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
        let (vectors, idf) = tfidf_vectors(&texts);
        assert!(idf.weight(2) > idf.weight(1));
        let v = &vectors[0];
        let common = v.entries()[0].1;
        let rare = v.entries()[1].1;
        assert!(rare > common);
        assert!((v.norm() - 1.0).abs() < 1e-5);
    }
}
