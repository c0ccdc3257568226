//! Builds briefs. The pipeline, one call per stage:
//!
//! brief.toml ([`brief_config`]) → sources ([`brief_ingest`]) → section plugins
//! ([`PluginRegistry`]) → assembled [`brief_core::Brief`] → renderers ([`brief_render`],
//! [`brief_pdf`]) →
//! atomic writes ([`write`]).

mod build;
mod changes;
pub mod dynamic;
pub mod editions;
pub mod incremental;
mod locate;
mod lock;
mod paths;
mod pdf;
mod provenance;
mod registry;
pub mod remote;
mod source_file;
mod stamp;
pub mod write;

pub use build::{BuildOptions, BuildReport, Input, build, build_in_memory};
pub use dynamic::{DynamicPlugin, LoadError, PluginHost, decode_plugin_response, load_plugin};
pub use locate::{BriefLocation, find_briefs, locate_brief};
pub use lock::{BuildLock, DEFAULT_LOCK_WAIT};
pub use registry::{PluginListing, PluginOrigin, PluginRegistry};

pub use brief_config::Format;

/// Why a build failed. Every variant prints as one line naming the file at fault.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Config(#[from] brief_config::ConfigError),
    #[error(transparent)]
    Ingest(#[from] brief_ingest::IngestError),
    #[error(transparent)]
    Render(#[from] brief_render::RenderError),
    /// The cause is part of the message and deliberately not `source()`: the CLI prints the
    /// whole chain, which would otherwise say it twice.
    #[error("{path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("{brief}: plugin `{plugin}` (section `{section}`): {message}")]
    Plugin {
        brief: String,
        plugin: String,
        section: String,
        message: String,
    },
    #[error(transparent)]
    PluginLoad(#[from] LoadError),
    #[error(transparent)]
    Fs(#[from] brief_fs::FsError),
    #[error("{path}: cannot render PDF: {message}")]
    Pdf { path: String, message: String },
    #[error("{0}")]
    Usage(String),
}
