//! The shape of brief.toml.

use serde::Deserialize;
use serde_json::Value;

use crate::{ConfigError, locate};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Md,
    Json,
    Pdf,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Pdf => "pdf",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "json" => Some(Format::Json),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputConfig {
    pub formats: Vec<Format>,
    /// Output folder, relative to the brief folder.
    pub dir: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceConfig {
    pub id: String,
    /// Where the text comes from.
    pub location: SourceLocation,
    pub title: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    /// Where the entry starts in brief.toml, for messages.
    pub line: usize,
}

/// One of `path`, `url` or `feed` in a `[[sources]]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceLocation {
    /// A file, relative to the brief folder.
    File(String),
    /// A web page, fetched and reduced to its article text.
    Url(String),
    /// An RSS, Atom or JSON feed; its newest `max_items` items become sources. With
    /// `full_text`, each item's link is fetched for the whole article instead of the feed's
    /// (often abridged) text.
    Feed {
        url: String,
        max_items: usize,
        full_text: bool,
    },
}

impl SourceLocation {
    /// The remote address, for `url` and `feed` sources.
    pub fn remote_url(&self) -> Option<&str> {
        match self {
            SourceLocation::File(_) => None,
            SourceLocation::Url(url) | SourceLocation::Feed { url, .. } => Some(url),
        }
    }
}

/// Feed items a `feed` source takes when `max_items` is not given.
pub const DEFAULT_FEED_ITEMS: usize = 5;

/// The most items one feed source may give: each becomes a source of the brief.
pub const MAX_FEED_ITEMS: usize = 200;

/// The longest title, subtitle, audience or source metadata value brief.toml may give, in
/// characters.
pub const MAX_TEXT_CHARS: usize = 1000;

/// How long a user plugin may take to answer one call, unless brief.toml says otherwise.
pub const DEFAULT_PLUGIN_TIMEOUT_SECONDS: u64 = 30;

/// The longest timeout brief.toml may set for a plugin.
pub const MAX_PLUGIN_TIMEOUT_SECONDS: u64 = 3600;

#[derive(Debug, Clone, PartialEq)]
pub struct SectionConfig {
    pub id: String,
    pub plugin: String,
    pub title: Option<String>,
    /// Everything else in the table, for the plugin.
    pub options: Value,
    /// Byte range of the table in brief.toml, to point at its keys.
    pub span: std::ops::Range<usize>,
}

/// A plugin library the brief loads: `[[plugins]] path = "…"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginConfig {
    /// Relative to the brief folder.
    pub path: String,
    pub line: usize,
    /// Overrides the brief's `plugin_timeout_seconds` for this library.
    pub timeout_seconds: Option<u64>,
}

/// `[schedule]`: when `brief schedule` rebuilds the brief. Checked by brief-schedule, which
/// knows cron syntax; here it is only shape.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleConfig {
    /// Standard 5-field cron expression, e.g. "0 6 * * 1-5".
    pub cron: Option<String>,
    /// Or a fixed interval: "90s", "30m", "6h", "1d".
    pub every: Option<String>,
    /// IANA time zone for `cron`, e.g. "America/New_York" (default UTC).
    pub timezone: Option<String>,
    /// Line of the `[schedule]` table, for messages.
    #[serde(skip)]
    pub line: usize,
}

/// `[pdf]`: page setup.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PdfConfig {
    /// "a4" (default) or "letter".
    #[serde(default = "default_paper")]
    pub paper: String,
    /// Margins in millimetres: one number for all sides, or [top, right, bottom, left].
    #[serde(default)]
    pub margins_mm: Option<Margins>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Margins {
    All(f64),
    Sides([f64; 4]),
}

fn default_paper() -> String {
    "a4".into()
}

impl Default for PdfConfig {
    fn default() -> Self {
        Self {
            paper: default_paper(),
            margins_mm: None,
        }
    }
}

/// `[editions]`: how many past editions to keep.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionsConfig {
    #[serde(default = "default_keep")]
    pub keep: usize,
}

fn default_keep() -> usize {
    20
}

impl Default for EditionsConfig {
    fn default() -> Self {
        Self {
            keep: default_keep(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BriefConfig {
    pub title: String,
    pub subtitle: Option<String>,
    pub audience: Option<String>,
    pub date: Option<String>,
    /// A folder of templates that override the defaults one partial at a time.
    pub template: Option<String>,
    pub output: OutputConfig,
    pub max_source_bytes: u64,
    /// Lets remote sources reach private, loopback and link-local addresses (an intranet
    /// feed, a test server). Off by default: see docs/sources-remote.md.
    pub allow_private_network: bool,
    /// How long a user plugin may take to answer one call.
    pub plugin_timeout_seconds: u64,
    pub sources: Vec<SourceConfig>,
    pub sections: Vec<SectionConfig>,
    pub plugins: Vec<PluginConfig>,
    pub editions: EditionsConfig,
    pub schedule: Option<ScheduleConfig>,
    pub pdf: PdfConfig,
    /// The file's text, kept to point at lines after parsing.
    pub text: String,
    pub display_path: String,
}

impl BriefConfig {
    /// `path:line:col` of an option key inside a section, or of the section itself. `option`
    /// may name a plain key (`points = 5`) or a sub-table array (`[[sections.rerate]]`); a
    /// message mentioning `rerate[2]` points at the second such table.
    pub fn option_error(
        &self,
        section: &SectionConfig,
        option: Option<&str>,
        message: &str,
    ) -> ConfigError {
        // the span toml gives an array-of-tables entry may cover only its header, so the
        // section runs to the next `[[sections]]` header (its sub-tables included)
        let rest = &self.text[section.span.start..];
        let end = rest
            .match_indices("[[sections]]")
            .map(|(i, _)| i)
            .find(|&i| i > 0)
            .unwrap_or(rest.len());
        let table = &rest[..end];
        let line_start = |i: usize| table[..i].rfind('\n').map_or(0, |n| n + 1);
        let at = option
            .and_then(|key| {
                let assignment = table.match_indices(key).find(|(i, _)| {
                    table[line_start(*i)..*i].trim().is_empty()
                        && table[i + key.len()..].trim_start().starts_with('=')
                });
                if let Some((i, _)) = assignment {
                    return Some(i);
                }
                let marker = format!("{key}[");
                let nth = message
                    .find(&marker)
                    .map(|i| &message[i + marker.len()..])
                    .and_then(|m| m.split(']').next())
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or(1);
                let headers: Vec<usize> = table
                    .match_indices(&format!("[sections.{key}]"))
                    .map(|(i, _)| line_start(i))
                    .collect();
                headers
                    .get(nth.saturating_sub(1))
                    .or(headers.first())
                    .copied()
            })
            .map_or(section.span.start, |i| section.span.start + i);
        ConfigError::new(&self.display_path, Some(locate(&self.text, at)), message)
    }
}
