//! Writing a build's outputs. The rules themselves (atomic files, all-or-nothing sets, stale
//! temporaries) live in [`brief_fs::atomic`]; this module adds the engine's error type and
//! the check that every path lies where the build may write ([`crate::paths`]).

use std::path::{Path, PathBuf};

pub use brief_fs::atomic::{StagedFiles, TEMP_PREFIX, remove_stale_temps, remove_stale_temps_here};

use crate::EngineError;

/// A rendered output waiting to be written.
#[derive(Debug)]
pub struct PendingFile {
    pub path: PathBuf,
    pub contents: Vec<u8>,
}

/// Writes `contents` to `path` atomically (see [`brief_fs::atomic::write_atomic`]).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), EngineError> {
    Ok(brief_fs::atomic::write_atomic(path, contents)?)
}

/// [`write_atomic`] plus an fsync of the folder, for state whose loss would repeat or skip
/// work.
pub fn write_durable(path: &Path, contents: &[u8]) -> Result<(), EngineError> {
    Ok(brief_fs::atomic::write_durable(path, contents)?)
}

/// Stages every output beside its target; nothing visible changes until
/// [`StagedFiles::commit`]. A failure (a full disk) removes what was staged so far.
pub fn stage_all(files: &[PendingFile]) -> Result<StagedFiles, EngineError> {
    let mut staged = StagedFiles::new();
    for f in files {
        staged.stage(&f.path, &f.contents)?;
    }
    Ok(staged)
}
