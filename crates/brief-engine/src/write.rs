//! Atomic output: every file is written to a temporary file in its own folder and renamed
//! over the old one, so readers and interrupted builds only ever see a whole old file or a
//! whole new one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::EngineError;

/// Writes `contents` to `path` atomically, with ordinary permissions (tempfile creates 0600).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), EngineError> {
    let io = |cause: std::io::Error| EngineError::Io {
        path: path.display().to_string(),
        cause,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(contents).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    set_readable(tmp.path()).map_err(io)?;
    pause_for_crash_tests();
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// [`write_atomic`], then an fsync of the folder so the rename itself survives a power cut.
/// For state files, whose loss would repeat or skip work.
pub fn write_durable(path: &Path, contents: &[u8]) -> Result<(), EngineError> {
    write_atomic(path, contents)?;
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|cause| EngineError::Io {
                path: dir.display().to_string(),
                cause,
            })?;
    }
    Ok(())
}

/// `BRIEF_WRITE_PAUSE_MS` holds every write with its temporary file in place, so the crash
/// tests' SIGKILLs land mid-write often instead of by luck (a real write takes microseconds).
/// Unset, it costs one environment lookup per process.
fn pause_for_crash_tests() {
    static PAUSE: std::sync::OnceLock<Option<std::time::Duration>> = std::sync::OnceLock::new();
    let pause = PAUSE.get_or_init(|| {
        std::env::var("BRIEF_WRITE_PAUSE_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(std::time::Duration::from_millis)
    });
    if let Some(pause) = pause {
        std::thread::sleep(*pause);
    }
}

#[cfg(unix)]
fn set_readable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Start of every temporary file name; the writer's pid follows, so a later build can tell a
/// temporary file of a killed build from one a running build is still writing.
pub const TEMP_PREFIX: &str = ".brief-tmp-";

/// How deep [`remove_stale_temps`] looks: the output folder's assets, and the state folder's
/// `editions/NNNN/files/<slug>.assets`.
const TEMP_SEARCH_DEPTH: usize = 4;

/// Removes temporary files left in `dir` (and its sub-folders) by writers that are no longer
/// running. A SIGKILL or power cut between creating a temporary file and renaming it leaves
/// one behind; no process can clean up after its own kill, so the next build does.
pub fn remove_stale_temps(dir: &Path) {
    remove_stale_temps_within(dir, TEMP_SEARCH_DEPTH);
}

/// [`remove_stale_temps`] for `dir` alone, not its sub-folders: cheap enough for every
/// no-op build.
pub fn remove_stale_temps_here(dir: &Path) {
    remove_stale_temps_within(dir, 0);
}

fn remove_stale_temps_within(dir: &Path, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth > 0 {
                remove_stale_temps_within(&entry.path(), depth - 1);
            }
        } else if let Some(rest) = name.strip_prefix(TEMP_PREFIX)
            && !writer_is_running(rest)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// `rest` is what follows the prefix: `<pid>-<random>`. Names without a pid come from older
/// versions and are always stale.
fn writer_is_running(rest: &str) -> bool {
    let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    pid == std::process::id() || process_exists(pid)
}

#[cfg(target_os = "linux")]
fn process_exists(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

// without /proc there is no safe liveness check (unsafe code is denied), so a temp counts
// as running: leaving a stray file is better than deleting one a live build is writing
#[cfg(not(target_os = "linux"))]
fn process_exists(_pid: u32) -> bool {
    true
}

/// A rendered output waiting to be written.
#[derive(Debug)]
pub struct PendingFile {
    pub path: PathBuf,
    pub contents: Vec<u8>,
}

/// Writes every file; all rendering has already succeeded, so a failure here can only be I/O.
pub fn write_all(files: &[PendingFile]) -> Result<(), EngineError> {
    for f in files {
        write_atomic(&f.path, &f.contents)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_with_normal_permissions_and_no_temp_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out/brief.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
        assert!(
            !names[0].to_string_lossy().starts_with(TEMP_PREFIX),
            "{names:?}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644);
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temps_of_dead_writers_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let assets = dir.path().join("out/brief.assets");
        std::fs::create_dir_all(&assets).unwrap();
        // pid 0 is never a user process; no /proc/0 exists
        let dead = assets.join(format!("{TEMP_PREFIX}0-abc"));
        let legacy = dir.path().join(format!("{TEMP_PREFIX}xyz"));
        let live = dir
            .path()
            .join(format!("{TEMP_PREFIX}{}-def", std::process::id()));
        let output = dir.path().join("out/brief.md");
        for f in [&dead, &legacy, &live, &output] {
            std::fs::write(f, "x").unwrap();
        }
        remove_stale_temps(dir.path());
        assert!(!dead.exists() && !legacy.exists());
        assert!(live.exists() && output.exists());
    }
}
