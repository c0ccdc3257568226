//! Ingest: source files → [`brief_core::Article`].
//!
//! The stages, each in its own module: [`decode`] refuses what is not text, [`frontmatter`]
//! reads Markdown metadata, [`blocks`] finds paragraphs, [`clean`] repairs scraping artifacts
//! while keeping a byte map, [`boilerplate`] flags bios and share prompts, and [`article`]
//! splits sentences and assembles the model.

mod article;
mod blocks;
mod boilerplate;
mod clean;
mod decode;
mod frontmatter;
mod mapped;

use std::path::Path;

pub use article::{Format, SourceSpec, article_from_text, parse_source};

/// Default cap on a source file's size.
pub const DEFAULT_MAX_BYTES: u64 = 20_000_000;

/// Why a source could not be read. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The cause is in the message, so it is deliberately not `source()` (see the CLI's
    /// error chain).
    #[error("{path}: cannot read source: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("{path}: source is empty")]
    Empty { path: String },
    #[error("{path}: source looks binary, not text")]
    Binary { path: String },
    #[error(
        "{path}: source is not valid UTF-8 (first bad byte at offset {offset}); re-save it as UTF-8"
    )]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: source is UTF-16; re-save it as UTF-8")]
    Utf16 { path: String },
    #[error(
        "{path}: source is {size} bytes, over the limit of {limit} (raise `max_source_bytes` in brief.toml)"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: source has no readable sentences")]
    NoText { path: String },
    #[error("{path}:{line}: front matter: {message}; fix the line or remove the `---` block")]
    FrontMatter {
        path: String,
        line: usize,
        message: String,
    },
}

/// Reads and ingests one source file. `spec.path` is the name used in messages.
pub fn read_source(file: &Path, spec: SourceSpec, max_bytes: u64) -> Result<Article, IngestError> {
    let display = spec
        .path
        .clone()
        .unwrap_or_else(|| file.display().to_string());
    let meta = std::fs::metadata(file).map_err(|cause| IngestError::Read {
        path: display.clone(),
        cause,
    })?;
    if meta.len() > max_bytes {
        return Err(IngestError::TooLarge {
            path: display,
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let bytes = std::fs::read(file).map_err(|cause| IngestError::Read {
        path: display.clone(),
        cause,
    })?;
    let format = Format::from_path(file);
    parse_source(&bytes, format, spec, max_bytes, &display)
}

pub use brief_core::Article;
