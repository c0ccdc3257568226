//! One scheduler per brief: an exclusive lock on `schedule.lock`, held for the scheduler's
//! life and released by the OS if it dies, so a crash never leaves a stale lock behind. The
//! lock itself is [`brief_fs::lock::FileLock`], the one builds use too.

use std::path::{Path, PathBuf};
use std::time::Duration;

use brief_fs::FsError;
use brief_fs::lock::FileLock;

#[derive(Debug)]
pub struct SchedulerLock {
    _lock: FileLock,
    pub path: PathBuf,
}

impl SchedulerLock {
    /// Takes the lock at once, or says which scheduler holds it.
    pub fn acquire(path: &Path) -> Result<Self, FsError> {
        let lock = FileLock::acquire(
            path,
            Duration::ZERO,
            "another `brief schedule` is already running for this brief",
        )?;
        Ok(Self {
            _lock: lock,
            path: path.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.lock");
        let first = SchedulerLock::acquire(&path).unwrap();
        let err = SchedulerLock::acquire(&path).unwrap_err();
        assert!(err.to_string().contains("already running"), "{err}");
        assert!(err.to_string().contains(&std::process::id().to_string()));
        drop(first);
        SchedulerLock::acquire(&path).unwrap();
    }

    #[test]
    fn io_error_states_its_cause_once() {
        let dir = tempfile::tempdir().unwrap();
        // a lock file inside a regular file cannot be created
        std::fs::write(dir.path().join("file"), "x").unwrap();
        let err = SchedulerLock::acquire(&dir.path().join("file/schedule.lock")).unwrap_err();
        assert!(std::error::Error::source(&err).is_none(), "{err:?}");
        assert!(err.to_string().contains("cannot lock: "), "{err}");
    }
}
