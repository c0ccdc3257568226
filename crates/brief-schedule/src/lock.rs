//! One scheduler per brief: an exclusive lock on `schedule.lock`, held for the scheduler's
//! life and released by the OS if it dies, so a crash never leaves a stale lock behind.

use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path}: another `brief schedule` is already running for this brief{}", .pid.as_deref().map(|p| format!(" (pid {p})")).unwrap_or_default())]
    Held { path: String, pid: Option<String> },
    /// The cause is in the message, so it is deliberately not `source()`: the CLI prints the
    /// whole chain, which would otherwise say it twice.
    #[error("{path}: cannot lock: {cause}")]
    Io { path: String, cause: std::io::Error },
}

#[derive(Debug)]
pub struct SchedulerLock {
    _file: File,
    pub path: PathBuf,
}

impl SchedulerLock {
    pub fn acquire(path: &Path) -> Result<Self, LockError> {
        let io = |cause| LockError::Io {
            path: path.display().to_string(),
            cause,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let pid = std::fs::read_to_string(path)
                    .ok()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
                return Err(LockError::Held {
                    path: path.display().to_string(),
                    pid,
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        Ok(Self {
            _file: file,
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
