//! Merging near-duplicate candidates into one recommendation that lists every supporting
//! passage.
//!
//! Two candidates merge when they advise the same way (stance) and either
//! - they sit in neighbouring sentences of one paragraph and one only points back ("RAND warns
//!   against trying to do so." / "“We argue against trying to undermine…,” Cozad said."), or
//! - their actors are compatible (the same after normalising, or one unnamed), their content
//!   words overlap enough, and they do not name different entities ("the Army" / "the Navy").

use std::collections::HashMap;

use brief_text::Stemmer;

use crate::candidate::{Candidate, actors_compatible};
use crate::lexicon::WordMap;

/// Jaccard overlap of content stems at which two candidates say the same thing.
const SIMILAR: f64 = 0.5;
/// The lower overlap enough for neighbouring sentences of one paragraph, where a paraphrase is
/// typically followed by the quotation it paraphrases.
const SIMILAR_NEIGHBOURS: f64 = 0.25;
/// Stems shared by more groups than this are too common to find duplicates with (and would
/// make merging quadratic on long texts).
const COMMON_STEM: usize = 64;

/// Groups of candidate indices, each group one recommendation, in order of first member.
pub(crate) fn merge(candidates: &[Candidate]) -> Vec<Vec<usize>> {
    let n = candidates.len();
    let mut sets = DisjointSets::new(n);
    let mut stemmer = CachedStemmer::default();
    let stems: Vec<Vec<String>> = candidates
        .iter()
        .map(|c| {
            let mut s = stemmer.content_stems(&c.action);
            if let Some(actor) = &c.actor {
                s.extend(stemmer.content_stems(actor));
            }
            s.sort();
            s.dedup();
            s
        })
        .collect();

    // inverted index: stem → earlier groups (by first member) holding it
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in 0..n {
        if i > 0 && neighbours_pointing_back(&candidates[i - 1], &candidates[i]) {
            sets.union(i - 1, i);
        }
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for stem in &stems[i] {
            if let Some(list) = postings.get(stem.as_str())
                && list.len() <= COMMON_STEM
            {
                for &j in list {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        // sorted so the union order, and with it nothing observable, depends on hashing
        let mut pairs: Vec<(usize, usize)> = shared.into_iter().collect();
        pairs.sort_unstable();
        for (j, common) in pairs {
            let union_size = stems[i].len() + stems[j].len() - common;
            let jaccard = common as f64 / union_size.max(1) as f64;
            let needed = if neighbours(&candidates[j], &candidates[i]) {
                SIMILAR_NEIGHBOURS
            } else {
                SIMILAR
            };
            if jaccard >= needed && same_advice(&candidates[j], &candidates[i]) {
                sets.union(j, i);
            }
        }
        // a candidate that joined a group is represented by the group's first member
        if sets.find(i) == i {
            for stem in &stems[i] {
                postings.entry(stem.as_str()).or_default().push(i);
            }
        }
    }
    sets.groups()
}

/// Content-word stems with a cache: reports repeat their vocabulary, and stemming is the
/// costliest step of merging.
#[derive(Debug, Default)]
struct CachedStemmer {
    stemmer: Stemmer,
    cache: WordMap<String, Option<String>>,
}

impl CachedStemmer {
    /// Stems of the content words of `text`, as `Stemmer::content_stems` gives them.
    fn content_stems(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for range in brief_text::words(text) {
            let word = &text[range];
            if let Some(stem) = self.cache.get(word) {
                out.extend(stem.iter().cloned());
                continue;
            }
            let stem = self.stemmer.content_stems(word).into_iter().next();
            out.extend(stem.iter().cloned());
            self.cache.insert(word.to_string(), stem);
        }
        out
    }
}

/// Consecutive sentences of one paragraph.
fn neighbours(a: &Candidate, b: &Candidate) -> bool {
    a.source == b.source && a.paragraph == b.paragraph && b.sentence == a.sentence + 1
}

/// Neighbouring sentences, same stance, one a bare "do so".
fn neighbours_pointing_back(a: &Candidate, b: &Candidate) -> bool {
    neighbours(a, b) && a.stance == b.stance && (a.anaphoric || b.anaphoric)
}

/// Same stance, compatible actors, no entity named by one and contradicted by the other.
fn same_advice(a: &Candidate, b: &Candidate) -> bool {
    if a.stance != b.stance {
        return false;
    }
    let actors_agree = actors_compatible(a.actor.as_deref(), b.actor.as_deref());
    let only_in_a = a.entities.iter().any(|e| !b.entities.contains(e));
    let only_in_b = b.entities.iter().any(|e| !a.entities.contains(e));
    actors_agree && !(only_in_a && only_in_b)
}

/// Union–find over candidate indices.
#[derive(Debug)]
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // the smaller index stays the root, so roots are first members
        if ra < rb {
            self.parent[rb] = ra;
        } else if rb < ra {
            self.parent[ra] = rb;
        }
    }

    fn groups(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            let r = self.find(i);
            by_root[r].push(i);
        }
        by_root.into_iter().filter(|g| !g.is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strength::{Stance, Strength};

    fn cand(sentence: usize, actor: Option<&str>, action: &str, entities: &[&str]) -> Candidate {
        Candidate {
            source: 0,
            sentence,
            paragraph: 0,
            text: action.to_string(),
            cue: "should".into(),
            strength: Strength::Should,
            stance: Stance::Do,
            actor: actor.map(str::to_string),
            action: action.to_string(),
            by: None,
            score: 3.0,
            in_recommendations: false,
            anaphoric: false,
            provenance: Vec::new(),
            entities: entities.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn repeated_advice_merges() {
        let c = vec![
            cand(
                0,
                Some("the allies"),
                "deepen cooperation on air defence",
                &[],
            ),
            cand(9, None, "deepen air defence cooperation", &[]),
        ];
        assert_eq!(merge(&c), vec![vec![0, 1]]);
    }

    #[test]
    fn parallel_advice_for_different_services_stays_apart() {
        let c = vec![
            cand(
                0,
                Some("the Secretary of Defense"),
                "direct the Secretary of the Army to track depot costs",
                &["army"],
            ),
            cand(
                1,
                Some("the Secretary of Defense"),
                "direct the Secretary of the Navy to track depot costs",
                &["navy"],
            ),
        ];
        assert_eq!(merge(&c), vec![vec![0], vec![1]]);
    }

    #[test]
    fn different_actors_stay_apart() {
        let c = vec![
            cand(0, Some("Congress"), "fund the depots", &[]),
            cand(5, Some("the Army"), "fund the depots", &[]),
        ];
        assert_eq!(merge(&c).len(), 2);
    }

    #[test]
    fn a_bare_do_so_joins_its_neighbour() {
        let mut a = cand(3, None, "do so", &[]);
        a.anaphoric = true;
        let b = cand(4, None, "undermine the partnership", &[]);
        assert_eq!(merge(&[a, b]), vec![vec![0, 1]]);
    }
}
