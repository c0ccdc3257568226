//! One process at a time: an exclusive lock on a file, held as long as the value lives and
//! released by the OS if the process dies, so a crash never leaves a stale lock. The holder
//! writes its pid into the file, so a process that waits in vain can say who holds it.

use std::fs::{File, TryLockError};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::FsError;

/// How often a waiting process tries the lock again.
const RETRY: Duration = Duration::from_millis(20);

#[derive(Debug)]
pub struct FileLock {
    _file: File,
    pub path: PathBuf,
}

impl FileLock {
    /// Takes the lock at `path`, waiting up to `wait` for another holder to finish. `held`
    /// says what a holder is doing, for the error when the wait runs out ("another build of
    /// this brief is running").
    pub fn acquire(path: &Path, wait: Duration, held: &str) -> Result<Self, FsError> {
        let io = |cause: std::io::Error| FsError::io(path, "cannot lock", &cause);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        // opening a FIFO for writing would block until some reader came along
        if let Ok(meta) = std::fs::symlink_metadata(path)
            && !meta.is_file()
        {
            return Err(FsError::new(
                path,
                ErrorKind::InvalidInput,
                format!(
                    "lock file is {}, not a regular file; remove it",
                    crate::file_kind(&meta.file_type())
                ),
            ));
        }
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io)?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(
                        RETRY.min(deadline.saturating_duration_since(Instant::now())),
                    );
                }
                Err(TryLockError::WouldBlock) => {
                    let pid = holder(path).map_or(String::new(), |p| format!(" (pid {p})"));
                    let waited = if wait.is_zero() {
                        String::new()
                    } else {
                        format!(" after waiting {} s", wait.as_secs_f64().round())
                    };
                    return Err(FsError::new(
                        path,
                        ErrorKind::WouldBlock,
                        format!("{held}{pid}{waited}; try again when it finishes"),
                    ));
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        file.set_len(0).map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        Ok(Self {
            _file: file,
            path: path.to_path_buf(),
        })
    }
}

/// The pid the current holder wrote, if it wrote one.
fn holder(path: &Path) -> Option<String> {
    let bytes = crate::read_regular(path, "lock file", 64).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let pid = text.trim();
    (!pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())).then(|| pid.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_then_says_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".brief/build.lock");
        let first = FileLock::acquire(&path, Duration::ZERO, "busy").unwrap();
        let started = Instant::now();
        let e = FileLock::acquire(
            &path,
            Duration::from_millis(100),
            "another build of this brief is running",
        )
        .unwrap_err();
        assert!(started.elapsed() >= Duration::from_millis(100));
        assert_eq!(e.kind, ErrorKind::WouldBlock);
        let text = e.to_string();
        assert!(
            text.contains(&format!(
                "another build of this brief is running (pid {})",
                std::process::id()
            )),
            "{text}"
        );
        drop(first);
        FileLock::acquire(&path, Duration::ZERO, "busy").unwrap();
    }

    #[test]
    fn a_waiting_holder_gets_the_lock_once_it_is_free() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("build.lock");
        let first = FileLock::acquire(&path, Duration::ZERO, "busy").unwrap();
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(first);
        });
        FileLock::acquire(&path, Duration::from_secs(10), "busy").unwrap();
        releaser.join().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_as_lock_file_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("build.lock");
        if std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success())
        {
            let e = FileLock::acquire(&path, Duration::ZERO, "busy").unwrap_err();
            assert!(e.to_string().contains("lock file is a FIFO"), "{e}");
        }
    }
}
