//! The summary section: a bottom line and key points, extracted from all the sources of a brief.
//!
//! Every source is scored by the shared summarizer (`brief_text::summarize`); the best sentences
//! of each enter one pool, where what several sources say earns support; maximal marginal
//! relevance then picks the bottom line and the key points without repeating itself. Each point
//! lists, as provenance, every passage in every source that makes the same point.
//!
//! Output:
//! - `items`: the key points, best first; each has `text` (the sentence as written),
//!   `provenance` (the chosen sentence first, then every near-duplicate passage) and `sources`
//!   (how many distinct sources carry it).
//! - `data.bottom_line`: `{text, provenance}` of the single best sentence, or `null` when the
//!   option is off or there is nothing to summarize. It is never repeated as a key point.
//! - `notes`: a line explaining an empty section.

mod merge;
mod options;
mod pool;

use brief_core::{Article, Item, PluginError, SectionOutput, SectionPlugin, SectionRequest};
use brief_text::summarize::{Budget, Candidate, redundancy, select};
use serde_json::json;

pub use options::{DEFAULT_POINTS, SummaryOptions};
pub use pool::summary_sentences;

use merge::Passage;

/// The `summary` section plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct SummaryPlugin;

impl SectionPlugin for SummaryPlugin {
    fn name(&self) -> &str {
        "summary"
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    fn default_title(&self) -> &str {
        "Summary"
    }

    fn build(&self, request: &SectionRequest<'_>) -> Result<SectionOutput, PluginError> {
        let options = SummaryOptions::read(request.options)?;
        Ok(summarize_articles(request.articles, &options))
    }
}

/// The section for these articles with these options.
pub fn summarize_articles(articles: &[Article], options: &SummaryOptions) -> SectionOutput {
    let weights = &options.weights;
    let sources = pool::analyze_sources(articles, weights);
    let pooled = pool::pool(&sources, weights);
    let candidates: Vec<Candidate<'_>> = pooled
        .iter()
        .map(|p| {
            let analysis = &sources[p.source].analysis;
            Candidate {
                score: p.score,
                vector: &analysis.vectors[p.body],
                words: analysis.features[p.body].words,
                document: p.source,
                position: p.body as f64 / analysis.scores.len().max(1) as f64,
            }
        })
        .collect();
    let wanted = options.points + usize::from(options.bottom_line);
    let budget = Budget::Within {
        sentences: wanted,
        words: options.max_words.unwrap_or(usize::MAX),
    };
    let chosen: Vec<Passage> = select(&candidates, budget, redundancy(weights))
        .into_iter()
        .map(|i| Passage {
            source: pooled[i].source,
            body: pooled[i].body,
        })
        .collect();

    let point = |passage: Passage| {
        let carriers = merge::carriers(passage, &sources, weights.duplicate);
        let provenance = carriers
            .iter()
            .map(|&p| merge::provenance(p, articles, &sources))
            .collect();
        let sentence =
            &articles[passage.source].sentences[sources[passage.source].body[passage.body]];
        Item::new(sentence.text.clone(), provenance).with("sources", merge::source_count(&carriers))
    };

    let mut chosen = chosen.into_iter();
    let bottom_line = if options.bottom_line {
        chosen.next().map(|p| {
            let item = point(p);
            json!({"text": item.text, "provenance": item.provenance})
        })
    } else {
        None
    };
    let items: Vec<Item> = chosen.map(point).collect();

    let mut output = SectionOutput {
        title: options.title.clone(),
        items,
        data: json!({ "bottom_line": bottom_line }),
        ..Default::default()
    };
    if output.items.is_empty() && bottom_line_is_null(&output) {
        output.notes.push(if articles.is_empty() {
            "The brief has no sources to summarize.".to_string()
        } else {
            "The sources have no text to summarize.".to_string()
        });
    }
    output
}

fn bottom_line_is_null(output: &SectionOutput) -> bool {
    output.data["bottom_line"].is_null()
}
