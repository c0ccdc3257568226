//! The shared vocabulary of `brief`.
//!
//! Everything that crosses a stage boundary lives here: the article model that ingest produces
//! and plugins read ([`Article`]), and what plugins hand back ([`SectionOutput`]). The crate
//! depends on serde and serde_json only, because plugin authors compile against it and should not
//! have to compile the rest of the tool.

pub mod abi;
mod article;
mod brief;
mod options;
mod plugin;
mod printable;
mod section;

pub use article::{Article, Paragraph, ParagraphKind, Sentence, SourceInfo, Span};
pub use brief::Brief;
pub use options::Options;
pub use plugin::{BriefMeta, PluginError, SCHEMA_VERSION, SectionPlugin, SectionRequest};
pub use printable::printable;
pub use section::{Asset, Diagnostic, Item, Level, Provenance, Section, SectionOutput};
