//! brief.toml.
//!
//! The brief's own settings are typed and strict: an unknown key or a wrong type is an error
//! pointing at file:line:col. Each `[[sections]]` table is handed to its plugin untyped (as
//! JSON), because only the plugin knows its options; the plugin rejects what it does not know.

mod checks;
mod error;
mod model;
mod parse;

pub use checks::check_id;
pub use error::{ConfigError, Location, locate};
pub use model::{
    BriefConfig, DEFAULT_FEED_ITEMS, DEFAULT_PLUGIN_TIMEOUT_SECONDS, EditionsConfig, Format,
    MAX_FEED_ITEMS, MAX_PLUGIN_TIMEOUT_SECONDS, MAX_TEXT_CHARS, Margins, OutputConfig, PdfConfig,
    PluginConfig, ScheduleConfig, SectionConfig, SourceConfig, SourceLocation,
};

use std::path::Path;

/// The file name a brief folder must hold.
pub const FILE_NAME: &str = "brief.toml";

/// Reads and validates a brief.toml. `display` is the name used in messages.
pub fn load(path: &Path) -> Result<BriefConfig, ConfigError> {
    let display = path.display().to_string();
    let text = brief_fs::read_regular_string(path, "brief.toml", brief_fs::Limit::CONFIG)
        .map_err(|e| ConfigError::new(&display, None, e.message))?;
    parse(&text, &display)
}

/// Parses brief.toml text; `display` names the file in errors.
pub fn parse(text: &str, display: &str) -> Result<BriefConfig, ConfigError> {
    parse::parse(text, display)
}
