//! Choosing sentences: maximal marginal relevance under a length budget.
//!
//! Greedy: at each step take the candidate whose score, minus `redundancy ×` its highest
//! similarity to anything already chosen, is largest; near-duplicates (similarity above
//! `duplicate`) are never taken. Each step only compares candidates with the one sentence just
//! chosen, so choosing k sentences from n candidates costs O(k·n) dot products.

use crate::similarity::SparseVector;

/// How much to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// Exactly this many sentences (fewer if the text has fewer).
    Sentences(usize),
    /// Add sentences in rank order until they reach this many words (the last one may go over:
    /// the convention of ROUGE evaluations, which cut the text at the budget).
    Words(usize),
    /// At most `sentences` sentences and at most `words` words in total; a sentence that would
    /// overflow the word budget is skipped in favour of a shorter one further down the ranking.
    Within { sentences: usize, words: usize },
}

/// One sentence that may be chosen.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub score: f64,
    /// Unit vector.
    pub vector: &'a SparseVector,
    pub words: usize,
    /// Which document the sentence is from, and where in it (0 = start, 1 = end): sentences
    /// close together in one document tend to make the same point.
    pub document: usize,
    pub position: f64,
}

/// How redundancy is charged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Redundancy {
    /// Cost per unit of cosine similarity to the closest chosen sentence.
    pub similarity: f64,
    /// Similarity above which a candidate is never chosen.
    pub duplicate: f64,
    /// Cost of sitting right next to a chosen sentence of the same document, falling linearly
    /// to zero at a distance of `window` (a share of the document).
    pub proximity: f64,
    pub window: f64,
}

impl Redundancy {
    /// Similarity only, no proximity cost.
    pub fn similarity(similarity: f64, duplicate: f64) -> Self {
        Self {
            similarity,
            duplicate,
            proximity: 0.0,
            window: 0.0,
        }
    }

    fn nearness(&self, a: &Candidate<'_>, b: &Candidate<'_>) -> f64 {
        if self.proximity == 0.0 || self.window <= 0.0 || a.document != b.document {
            return 0.0;
        }
        (1.0 - (a.position - b.position).abs() / self.window).max(0.0)
    }
}

/// Indices into `candidates` in the order they were chosen (best first).
///
/// Lazy greedy: a candidate's value is its score minus costs that are never negative, so once
/// candidates are visited in falling score order, none whose score is below the best value
/// found so far can win. Each step therefore looks at the top of the ranking only, and a
/// candidate's costs are brought up to date (against the sentences chosen since it was last
/// looked at) only when it is visited. The result is exactly that of the plain greedy loop,
/// ties included (the earliest candidate wins), but a brief with tens of thousands of pooled
/// sentences no longer pays for comparing every one of them with every point chosen.
pub fn select(candidates: &[Candidate<'_>], budget: Budget, redundancy: Redundancy) -> Vec<usize> {
    let n = candidates.len();
    // falling score, earlier candidate first on equal scores
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        candidates[b]
            .score
            .total_cmp(&candidates[a].score)
            .then(a.cmp(&b))
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = vec![false; n];
    // highest similarity of each candidate to the first `checked[i]` chosen sentences, and its
    // highest nearness to a chosen sentence of its document among those
    let mut closest = vec![0.0f64; n];
    let mut nearest = vec![0.0f64; n];
    let mut checked = vec![0usize; n];
    let mut words = 0usize;
    loop {
        let room = match budget {
            Budget::Sentences(k) => chosen.len() < k,
            Budget::Words(w) => words < w,
            Budget::Within {
                sentences,
                words: w,
            } => chosen.len() < sentences && words < w,
        };
        if !room {
            break;
        }
        let mut best: Option<(usize, f64)> = None;
        for &i in &order {
            let c = &candidates[i];
            if let Some((b, value)) = best
                && (c.score < value || (c.score == value && i > b))
            {
                // everything further down scores lower still: no later candidate can win
                break;
            }
            if taken[i] {
                continue;
            }
            for &picked in &chosen[checked[i]..] {
                let p = &candidates[picked];
                closest[i] = closest[i].max(f64::from(c.vector.dot(p.vector)));
                nearest[i] = nearest[i].max(redundancy.nearness(c, p));
            }
            checked[i] = chosen.len();
            if closest[i] > redundancy.duplicate {
                continue;
            }
            if let Budget::Within { words: w, .. } = budget
                && words + c.words > w
            {
                continue;
            }
            let value =
                c.score - redundancy.similarity * closest[i] - redundancy.proximity * nearest[i];
            let better = match best {
                None => true,
                Some((b, v)) => value > v || (value == v && i < b),
            };
            if better {
                best = Some((i, value));
            }
        }
        let Some((pick, _)) = best else { break };
        taken[pick] = true;
        chosen.push(pick);
        words += candidates[pick].words;
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIM: Redundancy = Redundancy {
        similarity: 0.5,
        duplicate: 0.6,
        proximity: 0.0,
        window: 0.0,
    };

    fn cand(score: f64, vector: &SparseVector, words: usize, position: f64) -> Candidate<'_> {
        Candidate {
            score,
            vector,
            words,
            document: 0,
            position,
        }
    }

    fn unit(terms: &[u32]) -> SparseVector {
        let mut v = SparseVector::counts(terms);
        v.normalize();
        v
    }

    #[test]
    fn near_duplicate_of_a_chosen_sentence_is_skipped() {
        let (a, b, c) = (unit(&[1, 2, 3]), unit(&[1, 2, 3]), unit(&[7, 8]));
        let cands = [
            cand(1.0, &a, 5, 0.0),
            cand(0.9, &b, 5, 0.1),
            cand(0.2, &c, 5, 0.2),
        ];
        assert_eq!(select(&cands, Budget::Sentences(2), SIM), vec![0, 2]);
    }

    #[test]
    fn ties_go_to_the_earlier_candidate() {
        let (a, b) = (unit(&[1]), unit(&[2]));
        let cands = [cand(0.5, &a, 5, 0.0), cand(0.5, &b, 5, 0.5)];
        assert_eq!(select(&cands, Budget::Sentences(1), SIM), vec![0]);
    }

    #[test]
    fn word_budgets_reach_or_stay_within() {
        let (a, b, c) = (unit(&[1]), unit(&[2]), unit(&[3]));
        let cands = [
            cand(0.9, &a, 10, 0.0),
            cand(0.8, &b, 30, 0.5),
            cand(0.7, &c, 5, 1.0),
        ];
        assert_eq!(select(&cands, Budget::Words(12), SIM), vec![0, 1]);
        let within = Budget::Within {
            sentences: 5,
            words: 20,
        };
        assert_eq!(select(&cands, within, SIM), vec![0, 2]);
    }

    #[test]
    fn proximity_spreads_choices_over_the_document() {
        let (a, b, c) = (unit(&[1]), unit(&[2]), unit(&[3]));
        let cands = [
            cand(0.9, &a, 5, 0.0),
            cand(0.8, &b, 5, 0.05),
            cand(0.6, &c, 5, 0.9),
        ];
        assert_eq!(select(&cands, Budget::Sentences(2), SIM), vec![0, 1]);
        let spread = Redundancy {
            proximity: 0.5,
            window: 0.2,
            ..SIM
        };
        assert_eq!(select(&cands, Budget::Sentences(2), spread), vec![0, 2]);
    }

    /// The plain greedy loop the lazy one replaces: every candidate, every step.
    fn select_plain(cands: &[Candidate<'_>], k: usize, r: Redundancy) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < k {
            let mut best: Option<(usize, f64)> = None;
            for (i, c) in cands.iter().enumerate() {
                if chosen.contains(&i) {
                    continue;
                }
                let closest = chosen
                    .iter()
                    .map(|&p| f64::from(c.vector.dot(cands[p].vector)))
                    .fold(0.0, f64::max);
                if closest > r.duplicate {
                    continue;
                }
                let nearest = chosen
                    .iter()
                    .map(|&p| r.nearness(c, &cands[p]))
                    .fold(0.0, f64::max);
                let value = c.score - r.similarity * closest - r.proximity * nearest;
                if best.is_none_or(|(_, b)| value > b) {
                    best = Some((i, value));
                }
            }
            let Some((pick, _)) = best else { break };
            chosen.push(pick);
        }
        chosen
    }

    #[test]
    fn lazy_selection_equals_the_plain_greedy_loop() {
        let mut state: u64 = 11;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as u32
        };
        let vectors: Vec<SparseVector> = (0..200)
            .map(|_| unit(&(0..4).map(|_| next() % 30).collect::<Vec<_>>()))
            .collect();
        let cands: Vec<Candidate<'_>> = vectors
            .iter()
            .enumerate()
            .map(|(i, v)| Candidate {
                // coarse scores so that ties occur
                score: f64::from(next() % 10) / 10.0,
                vector: v,
                words: 10,
                document: i % 3,
                position: f64::from(next() % 100) / 100.0,
            })
            .collect();
        let spread = Redundancy {
            proximity: 0.7,
            window: 0.2,
            ..SIM
        };
        for r in [SIM, spread] {
            for k in [1, 5, 20] {
                assert_eq!(
                    select(&cands, Budget::Sentences(k), r),
                    select_plain(&cands, k, r)
                );
            }
        }
    }

    #[test]
    fn empty_input_chooses_nothing() {
        assert!(select(&[], Budget::Sentences(3), SIM).is_empty());
    }
}
