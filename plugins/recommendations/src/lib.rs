//! The recommendations section: what the sources advise, who advises it, who is asked to act,
//! and how strongly, with repeats merged.
//!
//! The rules are transparent on purpose (see `docs/plugins/recommendations.md`): cue lexicons
//! (`lexicon`), cue families (`cues_modal`, `cues_performative`, `cues_phrase`), exclusions
//! for descriptive and meta uses (`exclude`, plus cue-level checks), attribution (`attribution`,
//! `names`), a small additive scoring model (`score`), merging (`merge`) and the section
//! output (`output`). Every item records the cue that fired and its score.

mod analyse;
mod anaphora;
mod attribution;
mod candidate;
mod cue;
mod cues_modal;
mod cues_performative;
mod cues_phrase;
mod exclude;
mod explain;
mod extract;
mod headings;
mod lexicon;
mod merge;
mod names;
mod output;
mod score;
mod sentence;
mod settings;
mod strength;
mod trigger;
mod words;

use brief_core::{PluginError, SectionOutput, SectionPlugin, SectionRequest};

pub use explain::explain;
pub use strength::{Stance, Strength};

/// The `recommendations` section plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecommendationsPlugin;

impl SectionPlugin for RecommendationsPlugin {
    fn name(&self) -> &str {
        "recommendations"
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    fn default_title(&self) -> &str {
        "Recommendations"
    }

    fn build(&self, request: &SectionRequest<'_>) -> Result<SectionOutput, PluginError> {
        let settings = settings::Settings::from_options(request.options)?;
        let mut candidates = Vec::new();
        let mut notes = Vec::new();
        for (source, article) in request.articles.iter().enumerate() {
            let result = analyse::analyse(article, source, &settings);
            candidates.extend(result.candidates);
            notes.extend(result.notes);
        }
        let groups = merge::merge(&candidates);
        Ok(output::section(&candidates, &groups, &settings, notes))
    }
}
