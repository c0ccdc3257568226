//! Remote sources (`url = …`, `feed = …`): fetched into a local cache under the brief's
//! state folder, which builds then read like any other source file.
//!
//! Fetching is kept out of [`crate::build`] on purpose: a build only ever reads local files,
//! so it is fast, repeatable and testable offline, and the incremental build key covers the
//! cached text like any source. `brief build` fetches what is missing first; `brief schedule`
//! refreshes what is due.

mod cache;
mod content;
mod state;
mod sync;

pub use cache::{CachedItem, Manifest, cache_dir, read_manifest, relative};
pub use state::{FetchStates, fetch_state_path};
pub use sync::{SourceSync, SyncEvent, SyncMode, sync_remote_sources};
