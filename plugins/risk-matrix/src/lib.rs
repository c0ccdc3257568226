//! The risk-matrix section of `brief`.
//!
//! Finds risk statements in the sources (threats, fears, scenarios, what could happen, and
//! harms that are already under way), rates each one's likelihood from estimative language on
//! a published scale (ICD 203 by default, or the UK PHIA yardstick), its impact from a severity
//! lexicon, and its confidence from corroboration and attribution, and places them on a 5×5
//! matrix. Every rating carries the words that produced it. Analysts can add, re-rate and
//! suppress risks by stable id in brief.toml. See docs/plugins/risk-matrix.md.

mod collect;
mod confidence;
mod detect;
mod fasthash;
mod govern;
mod harms;
mod ids;
mod lexicon;
mod matrix;
mod merge;
mod overrides;
mod phrases;
mod plugin;
mod prefilter;
mod scale;
mod settings;
mod svg;
mod title;
mod view;

pub use plugin::{NO_RISKS_NOTE, RiskMatrixPlugin, SVG_NAME};
pub use scale::Scale;
