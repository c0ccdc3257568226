//! What a section plugin produces, and the assembled section the brief carries.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A passage of a source an item rests on: `file[start..end]` of source `source`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Provenance {
    /// The source's id ([`crate::SourceInfo::id`]).
    pub source: String,
    pub start: usize,
    pub end: usize,
    /// Id of the sentence, when the passage is exactly one sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// One claim of a section: its text, where it came from, and plugin-specific fields
/// (`likelihood`, `by`, …) that are flattened into the item's JSON object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub text: String,
    pub provenance: Vec<Provenance>,
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

impl Item {
    pub fn new(text: impl Into<String>, provenance: Vec<Provenance>) -> Self {
        Self {
            text: text.into(),
            provenance,
            fields: Map::new(),
        }
    }

    /// Adds a plugin-specific field; chainable.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.fields.insert(key.to_string(), value.into());
        self
    }
}

/// A file a section ships beside the brief, such as a picture of the risk matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asset {
    /// File name inside `<slug>.assets/`; plain name, no folders.
    pub name: String,
    pub media_type: String,
    pub contents: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Info,
}

/// A message for the user, shown prefixed with the plugin's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub message: String,
}

/// What a plugin returns for one section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionOutput {
    /// Overrides the plugin's default title, e.g. from a `title` option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub items: Vec<Item>,
    /// Lines of prose shown with the section (e.g. "No risks were found in the sources.").
    #[serde(default)]
    pub notes: Vec<String>,
    /// Structured data for the section's template beyond its items (e.g. a matrix grid).
    #[serde(default)]
    pub data: Value,
    #[serde(default)]
    pub assets: Vec<Asset>,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

impl SectionOutput {
    pub fn warn(&mut self, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            level: Level::Warning,
            message: message.into(),
        });
    }
}

/// A section as it appears in the assembled brief and its JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub plugin: String,
    pub title: String,
    pub items: Vec<Item>,
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub data: Value,
    /// Asset file names, relative to the brief's output folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<String>,
}
