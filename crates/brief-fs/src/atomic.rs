//! Atomic writes. Every file goes to a temporary file in its own folder, is synced and renamed
//! over the old one, so readers and interrupted builds only ever see a whole old file or a
//! whole new one. A set of files that belong together (the outputs of one build) is staged
//! whole first and renamed into place only once every file of it is written, so a failure
//! part-way (a full disk) leaves the previous set as it was.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::FsError;

/// Start of every temporary file or folder name; the writer's pid follows, so a later build
/// can tell a temporary file of a killed build from one a running build is still writing.
pub const TEMP_PREFIX: &str = ".brief-tmp-";

/// Files written together: staged one by one, then committed at once.
#[derive(Debug, Default)]
pub struct StagedFiles {
    staged: Vec<(tempfile::TempPath, PathBuf)>,
}

impl StagedFiles {
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes `contents` to a temporary file beside `path`. Nothing is staged when `path`
    /// already holds exactly these bytes. On error nothing of this file is left behind, and
    /// dropping `self` removes what was staged before.
    pub fn stage(&mut self, path: &Path, contents: &[u8]) -> Result<(), FsError> {
        if let Some(temp) = stage_one(path, contents)? {
            self.staged.push((temp, path.to_path_buf()));
        }
        Ok(())
    }

    /// How many files will change.
    pub fn len(&self) -> usize {
        self.staged.len()
    }

    pub fn is_empty(&self) -> bool {
        self.staged.is_empty()
    }

    /// Renames every staged file over its target. Renames within a folder do not allocate, so
    /// once staging succeeded this does not fail for want of space.
    pub fn commit(self) -> Result<(), FsError> {
        for (temp, target) in self.staged {
            pause_for_crash_tests();
            temp.persist(&target)
                .map_err(|e| FsError::io(&target, "cannot write", &e.error))?;
        }
        Ok(())
    }
}

/// Writes `contents` to `path` atomically, with ordinary permissions (tempfile creates 0600).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FsError> {
    let mut set = StagedFiles::new();
    set.stage(path, contents)?;
    set.commit()
}

/// [`write_atomic`], then an fsync of the folder so the rename itself survives a power cut.
/// For state files, whose loss would repeat or skip work.
pub fn write_durable(path: &Path, contents: &[u8]) -> Result<(), FsError> {
    write_atomic(path, contents)?;
    sync_folder(path.parent().filter(|p| !p.as_os_str().is_empty()))
}

/// fsync of a folder, so renames into it are durable. A no-op off Unix.
pub fn sync_folder(dir: Option<&Path>) -> Result<(), FsError> {
    #[cfg(unix)]
    if let Some(dir) = dir {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| FsError::io(dir, "cannot sync folder", &e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A temporary copy of `contents` beside `path`, or `None` when `path` already holds them.
fn stage_one(path: &Path, contents: &[u8]) -> Result<Option<tempfile::TempPath>, FsError> {
    let io = |cause: std::io::Error| FsError::io(path, "cannot write", &cause);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    if holds(path, contents)? {
        return Ok(None);
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(contents).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    set_readable(tmp.path()).map_err(io)?;
    pause_for_crash_tests();
    Ok(Some(tmp.into_temp_path()))
}

/// Whether `path` is a regular file holding exactly `contents`. What is there must be a
/// regular file or a link (which the rename replaces); a FIFO or a folder in the way is an
/// error rather than something to read (a FIFO would block) or clobber.
fn holds(path: &Path, contents: &[u8]) -> Result<bool, FsError> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(false);
    };
    if meta.file_type().is_symlink() {
        return Ok(false);
    }
    if !meta.is_file() {
        return Err(FsError::new(
            path,
            ErrorKind::InvalidInput,
            format!(
                "{} is in the way of an output; brief writes only regular files, so move it",
                crate::file_kind(&meta.file_type())
            ),
        ));
    }
    if meta.len() != contents.len() as u64 {
        return Ok(false);
    }
    Ok(crate::read_regular(path, "output", contents.len() as u64).is_ok_and(|old| old == contents))
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

/// A temporary folder beside `dir`'s final place, renamed into place by [`commit_folder`]:
/// an edition is listed whole or not at all.
pub fn temp_folder_in(parent: &Path) -> Result<tempfile::TempDir, FsError> {
    std::fs::create_dir_all(parent).map_err(|e| FsError::io(parent, "cannot create", &e))?;
    tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .tempdir_in(parent)
        .map_err(|e| FsError::io(parent, "cannot write", &e))
}

/// Renames a folder made by [`temp_folder_in`] to `target`, which must not exist.
pub fn commit_folder(temp: tempfile::TempDir, target: &Path) -> Result<(), FsError> {
    let from = temp.keep();
    pause_for_crash_tests();
    std::fs::rename(&from, target).map_err(|e| {
        let _ = std::fs::remove_dir_all(&from);
        FsError::io(target, "cannot write", &e)
    })?;
    sync_folder(target.parent())
}

/// How deep [`remove_stale_temps`] looks: the output folder's assets, and the state folder's
/// `editions/NNNN/files/<slug>.assets`.
const TEMP_SEARCH_DEPTH: usize = 4;

/// Removes temporary files and folders left in `dir` (and its sub-folders) by writers that
/// are no longer running. A SIGKILL or power cut between creating a temporary file and
/// renaming it leaves one behind; no process can clean up after its own kill, so the next
/// build does. Only names brief gives its temporaries are ever removed.
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
        let stale = name
            .strip_prefix(TEMP_PREFIX)
            .is_some_and(|rest| !writer_is_running(rest));
        if kind.is_dir() {
            if stale {
                let _ = std::fs::remove_dir_all(entry.path());
            } else if depth > 0 {
                remove_stale_temps_within(&entry.path(), depth - 1);
            }
        } else if stale {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    #[test]
    fn writes_whole_file_with_normal_permissions_and_no_temp_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out/brief.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(names(path.parent().unwrap()), ["brief.md"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644);
        }
    }

    #[test]
    fn a_set_changes_only_on_commit_and_dropping_it_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("b.md"), dir.path().join("b.json"));
        std::fs::write(&a, "old a").unwrap();
        std::fs::write(&b, "old b").unwrap();
        let mut set = StagedFiles::new();
        set.stage(&a, b"new a").unwrap();
        set.stage(&b, b"new b").unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"old a");
        drop(set);
        assert_eq!(names(dir.path()), ["b.json", "b.md"]);
        assert_eq!(std::fs::read(&a).unwrap(), b"old a");
        let mut set = StagedFiles::new();
        set.stage(&a, b"new a").unwrap();
        set.stage(&b, b"old b").unwrap();
        assert_eq!(set.len(), 1, "an unchanged file is not staged");
        set.commit().unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"new a");
        assert_eq!(names(dir.path()), ["b.json", "b.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_the_way_of_an_output_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("b.md");
        if !std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            return;
        }
        let e = write_atomic(&fifo, b"text").unwrap_err();
        assert!(
            e.to_string().contains("a FIFO (named pipe) is in the way"),
            "{e}"
        );
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
        let dead_folder = dir.path().join(format!("{TEMP_PREFIX}0-edition"));
        std::fs::create_dir_all(dead_folder.join("files")).unwrap();
        let live = dir
            .path()
            .join(format!("{TEMP_PREFIX}{}-def", std::process::id()));
        let output = dir.path().join("out/brief.md");
        for f in [&dead, &legacy, &live, &output] {
            std::fs::write(f, "x").unwrap();
        }
        remove_stale_temps(dir.path());
        assert!(!dead.exists() && !legacy.exists() && !dead_folder.exists());
        assert!(live.exists() && output.exists());
    }

    #[test]
    fn a_folder_is_committed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let temp = temp_folder_in(dir.path()).unwrap();
        std::fs::write(temp.path().join("a"), "1").unwrap();
        commit_folder(temp, &dir.path().join("0001")).unwrap();
        assert_eq!(names(dir.path()), ["0001"]);
        assert_eq!(std::fs::read(dir.path().join("0001/a")).unwrap(), b"1");
    }
}
