//! The file-system rules `brief` keeps everywhere, in one place so that every crate follows
//! the same ones (see docs/reliability.md, "Paths, reads and writes"):
//!
//! - **Reads** ([`read`]): only regular files, and never more than a stated limit. A FIFO
//!   would block a build forever, `/dev/zero` would never end, a folder is a mistake: each is
//!   a one-line error naming the file.
//! - **Writes** ([`atomic`]): a temporary file in the same folder, synced, renamed over the
//!   old one; a set of outputs is staged whole before any of it replaces the old set.
//! - **Where** ([`scope`]): every path brief writes or deletes is checked, after resolving
//!   `..` and symbolic links, to lie inside a folder it may write and outside the folders it
//!   only reads (sources, templates, plugins).
//! - **When** ([`lock`]): one build of a brief at a time.

pub mod atomic;
mod error;
pub mod lock;
pub mod read;
pub mod scope;

pub use error::FsError;
pub use read::{Limit, file_kind, read_regular, read_regular_string};
pub use scope::WriteScope;
