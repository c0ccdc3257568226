//! The section-plugin interface.
//!
//! Built-in plugins implement [`SectionPlugin`] directly. Everything a plugin receives and
//! returns is plain serde data, so the same trait can sit behind a JSON-over-C-ABI boundary for
//! plugins loaded at run time without changing what plugin authors write.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Article, SectionOutput};

/// Version of the request/response schema. Minor bumps only add optional fields.
pub const SCHEMA_VERSION: &str = "1.0";

/// Facts about the brief being built that a plugin may want to show or use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefMeta {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Everything a plugin gets for building one section.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SectionRequest<'a> {
    pub schema_version: &'a str,
    /// The section's id in this brief (unique; defaults to the plugin name).
    pub section_id: &'a str,
    pub brief: &'a BriefMeta,
    /// The section's own table from brief.toml, minus `plugin`, `id` and `title`, as JSON.
    pub options: &'a Value,
    /// Every source of the brief, in brief.toml order.
    pub articles: &'a [Article],
}

/// A plugin failure. `option` names the brief.toml key at fault, when there is one, so the
/// caller can point at its line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginError {
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
}

impl PluginError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            option: None,
        }
    }

    pub fn option(option: &str, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            option: Some(option.to_string()),
        }
    }
}

impl std::fmt::Display for PluginError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.option {
            Some(option) => write!(f, "option `{option}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for PluginError {}

/// A section plugin: turns the brief's articles into one section.
///
/// Implementations must be deterministic: the same request gives the same output.
pub trait SectionPlugin: Send + Sync {
    /// The name used in brief.toml's `plugin = "…"`.
    fn name(&self) -> &str;
    fn version(&self) -> &str;
    /// The heading used when brief.toml gives no `title`.
    fn default_title(&self) -> &str;
    fn build(&self, request: &SectionRequest<'_>) -> Result<SectionOutput, PluginError>;
}
