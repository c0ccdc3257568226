//! Provenance of a key point: every passage, in any source, that says the same thing.
//!
//! A chosen sentence is compared with every body sentence of every source (one pass per point,
//! so linear in the size of the brief); those at least `duplicate` similar carry the point too
//! and join its provenance. The chosen sentence comes first, the others follow in brief order.

use brief_core::{Article, Provenance};

use crate::pool::SourceAnalysis;

/// Where one sentence sits: source index and index into that source's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub source: usize,
    pub body: usize,
}

/// The passages that carry the same point as `chosen`, `chosen` first.
pub fn carriers(chosen: Passage, sources: &[SourceAnalysis], duplicate: f64) -> Vec<Passage> {
    let vector = &sources[chosen.source].analysis.vectors[chosen.body];
    let mut out = vec![chosen];
    if vector.is_empty() {
        return out;
    }
    for (source, s) in sources.iter().enumerate() {
        for (body, other) in s.analysis.vectors.iter().enumerate() {
            let passage = Passage { source, body };
            if passage != chosen && f64::from(vector.dot(other)) >= duplicate {
                out.push(passage);
            }
        }
    }
    out
}

/// The provenance entry of one passage: exactly its sentence's span.
pub fn provenance(
    passage: Passage,
    articles: &[Article],
    sources: &[SourceAnalysis],
) -> Provenance {
    let article = &articles[passage.source];
    let sentence = &article.sentences[sources[passage.source].body[passage.body]];
    Provenance {
        source: article.source.id.clone(),
        start: sentence.span.start,
        end: sentence.span.end,
        sentence: Some(sentence.id.clone()),
    }
}

/// How many distinct sources the passages come from.
pub fn source_count(passages: &[Passage]) -> usize {
    let mut ids: Vec<usize> = passages.iter().map(|p| p.source).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}
