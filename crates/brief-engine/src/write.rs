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
        .prefix(".brief-tmp-")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(contents).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    set_readable(tmp.path()).map_err(io)?;
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

#[cfg(unix)]
fn set_readable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_: &Path) -> std::io::Result<()> {
    Ok(())
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
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644);
        }
    }
}
