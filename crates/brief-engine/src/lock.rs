//! One build of a brief at a time. `brief watch` rebuilding while a user runs `brief build`,
//! or two cron jobs on one brief, would otherwise race on the same temporary files, state and
//! edition numbers. The lock is `.brief/build.lock`; a second build waits for it a bounded
//! time, then says who holds it.

use std::time::Duration;

use brief_fs::lock::FileLock;

use crate::incremental::STATE_DIR;
use crate::{BriefLocation, EngineError};

/// How long `brief build` waits for another build of the same brief by default.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(30);

/// Held while a build (with its fetch) runs; released when dropped or when the process dies.
#[derive(Debug)]
pub struct BuildLock {
    _lock: FileLock,
}

impl BuildLock {
    /// Takes the brief's build lock, waiting up to `wait` for a build that holds it.
    pub fn acquire(location: &BriefLocation, wait: Duration) -> Result<Self, EngineError> {
        let state = location.dir.join(STATE_DIR);
        crate::paths::state_scope(location)?;
        let lock = FileLock::acquire(
            &state.join("build.lock"),
            wait,
            "another build of this brief is running",
        )?;
        Ok(Self { _lock: lock })
    }
}
