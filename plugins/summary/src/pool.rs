//! Pooling candidates across the sources of a brief.
//!
//! Each source is scored on its own (its own lead, its own centrality), then its best
//! `source_candidates` sentences enter a shared pool. A pooled sentence also earns *support*:
//! its similarity to the other sources' centroids, so a point several sources make outranks one
//! only a single source makes. Centroids make this linear in the number of sentences; no pair of
//! sentences from different sources is ever compared while ranking.

use brief_core::{Article, ParagraphKind};
use brief_text::similarity::SparseVector;
use brief_text::summarize::{Analysis, DocSentence, Document, Weights, analyze};
use brief_text::terms::TermIndex;

/// Indices into `article.sentences` of the sentences a summary may quote: not boilerplate
/// (bios, share prompts) and not a heading. A heading ("# Title", "## Findings") labels a part
/// of the text; it states nothing, yet its words are the part's keywords, so centrality and
/// keyword coverage would otherwise rank it high.
pub fn summary_sentences(article: &Article) -> Vec<usize> {
    article
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            !s.boilerplate
                && !matches!(
                    article.paragraphs.get(s.paragraph).map(|p| &p.kind),
                    Some(ParagraphKind::Heading { .. })
                )
        })
        .map(|(i, _)| i)
        .collect()
}

/// One source's body sentences and their scores.
#[derive(Debug)]
pub struct SourceAnalysis {
    /// Indices into the article's `sentences` of the body sentences ([`summary_sentences`]).
    pub body: Vec<usize>,
    /// Indexed like `body`.
    pub analysis: Analysis,
}

/// Scores every source's body sentences with one shared term index, so vectors compare
/// across sources.
pub fn analyze_sources(articles: &[Article], weights: &Weights) -> Vec<SourceAnalysis> {
    let mut index = TermIndex::new();
    articles
        .iter()
        .map(|article| {
            let body = summary_sentences(article);
            let doc = Document {
                title: article.source.title.as_deref(),
                sentences: body
                    .iter()
                    .map(|&i| DocSentence {
                        text: &article.sentences[i].text,
                        paragraph: article.sentences[i].paragraph,
                    })
                    .collect(),
            };
            let analysis = analyze(&doc, &mut index, weights);
            SourceAnalysis { body, analysis }
        })
        .collect()
}

/// A sentence in the shared pool.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pooled {
    /// Index of the source (article) in the brief.
    pub source: usize,
    /// Index into that source's `body`.
    pub body: usize,
    /// Own score plus weighted cross-source support.
    pub score: f64,
}

/// The pool, in brief order (source, then sentence), so ties favour earlier sources and
/// earlier sentences.
pub fn pool(sources: &[SourceAnalysis], weights: &Weights) -> Vec<Pooled> {
    let per_source = weights.source_candidates.max(1.0) as usize;
    let centroids: Vec<SparseVector> = sources
        .iter()
        .map(|s| centroid(&s.analysis.vectors))
        .collect();
    // The sum of all centroids, dense over term ids (they run from 0 to the vocabulary size):
    // a sentence's dot product with it is one array read per term instead of a binary search
    // in a brief-wide vocabulary.
    let terms = centroids
        .iter()
        .filter_map(|c| c.entries().last().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0);
    let mut total = vec![0.0f32; terms];
    for c in &centroids {
        for &(t, w) in c.entries() {
            total[t as usize] += w;
        }
    }
    let others = sources.len().saturating_sub(1);
    let mut out = Vec::new();
    for (source, s) in sources.iter().enumerate() {
        let scores = &s.analysis.scores;
        let mut best: Vec<usize> = (0..scores.len()).collect();
        best.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        best.truncate(per_source);
        best.sort_unstable();
        for body in best {
            let support = if others == 0 {
                0.0
            } else {
                let v = &s.analysis.vectors[body];
                let with_own: f32 = v
                    .entries()
                    .iter()
                    .map(|&(t, w)| w * total[t as usize])
                    .sum();
                f64::from(with_own - v.dot(&centroids[source])) / others as f64
            };
            out.push(Pooled {
                source,
                body,
                score: scores[body] + weights.support * support,
            });
        }
    }
    out
}

/// Unit-length mean direction of a source's sentence vectors.
fn centroid(vectors: &[SparseVector]) -> SparseVector {
    let mut c = SparseVector::sum(vectors);
    c.normalize();
    c
}
