//! The assembled brief: what the renderers read and what the JSON output is.

use serde::{Deserialize, Serialize};

use crate::{BriefMeta, Section, SourceInfo};

/// A whole brief. Its JSON form is the stable machine interface (see docs/json-output.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// Version of this JSON shape; minor bumps only add fields.
    pub schema_version: String,
    #[serde(flatten)]
    pub meta: BriefMeta,
    /// In brief.toml order; item provenance refers to these by `id`.
    pub sources: Vec<SourceInfo>,
    pub sections: Vec<Section>,
}

impl Brief {
    /// 1-based number of a source in the Sources list, for citations.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id).map(|i| i + 1)
    }
}
