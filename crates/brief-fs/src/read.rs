//! Reading a file brief needs: only a regular file (after following symbolic links), and
//! never more than a limit.
//!
//! A symbolic link may point anywhere (a shared corpus linked into several briefs is normal),
//! but what it resolves to must be a regular file. The type is checked twice: by path before
//! opening, so that opening a FIFO cannot block, and on the opened handle, in case the file was
//! swapped in between. The limit is checked by size before reading and enforced while
//! reading, in case the file grows.

use std::io::{ErrorKind, Read};
use std::path::Path;

use crate::FsError;

/// Limits for the files brief reads that are not sources (sources have `max_source_bytes`).
/// Generous for real use; their job is to turn a runaway file into a clear error instead of
/// an exhausted machine.
#[derive(Debug)]
pub struct Limit;

impl Limit {
    /// brief.toml.
    pub const CONFIG: u64 = 1 << 20;
    /// One template file.
    pub const TEMPLATE: u64 = 1 << 20;
    /// A state file of brief's own (build state, fetch state, manifests).
    pub const STATE: u64 = 256 << 20;
    /// A previous output (to compare with, or an edition's copy to diff).
    pub const OUTPUT: u64 = 1 << 30;
}

/// The bytes of `path`, which must be a regular file of at most `limit` bytes. `what` names it
/// in messages ("template", "source", "build state"). Errors:
///
/// - missing: kind `NotFound`, "`what` not found" (a dangling link says where it points);
/// - not a regular file: kind `InvalidInput`, "`what` is a FIFO (named pipe), not a regular
///   file";
/// - too large: kind `FileTooLarge`, "`what` is N bytes, over the limit of M bytes".
pub fn read_regular(path: &Path, what: &str, limit: u64) -> Result<Vec<u8>, FsError> {
    let meta = regular_metadata(path, what)?;
    if meta.len() > limit {
        return Err(too_large(path, what, meta.len(), limit));
    }
    let io = |e: std::io::Error| FsError::io(path, &format!("cannot read {what}"), &e);
    let mut handle = std::fs::File::open(path).map_err(io)?;
    let opened = handle.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(not_regular(path, what, &opened.file_type()));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    (&mut handle)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(
            path,
            what,
            opened.len().max(bytes.len() as u64),
            limit,
        ));
    }
    Ok(bytes)
}

/// [`read_regular`], as UTF-8 text.
pub fn read_regular_string(path: &Path, what: &str, limit: u64) -> Result<String, FsError> {
    let bytes = read_regular(path, what, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        FsError::new(
            path,
            ErrorKind::InvalidData,
            format!(
                "{what} is not valid UTF-8 (at byte {}); re-save it as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The metadata of `path` when it is (or links to) a regular file; the errors of
/// [`read_regular`] otherwise. For files brief hands to something else to open (a plugin
/// library for the loader).
pub fn regular_metadata(path: &Path, what: &str) -> Result<std::fs::Metadata, FsError> {
    let link = std::fs::read_link(path).ok();
    let meta = std::fs::metadata(path).map_err(|e| match (&link, e.kind()) {
        (Some(target), ErrorKind::NotFound) => FsError::new(
            path,
            ErrorKind::NotFound,
            format!(
                "{what} not found: it is a symbolic link to {}, which does not exist",
                target.display()
            ),
        ),
        (None, ErrorKind::NotFound) => {
            FsError::new(path, ErrorKind::NotFound, format!("{what} not found"))
        }
        _ => FsError::io(path, &format!("cannot read {what}"), &e),
    })?;
    if !meta.is_file() {
        let linked = link.as_ref().map_or(String::new(), |t| {
            format!("a symbolic link to {}, ", t.display())
        });
        return Err(FsError::new(
            path,
            ErrorKind::InvalidInput,
            format!(
                "{what} is {linked}{}, not a regular file",
                file_kind(&meta.file_type())
            ),
        ));
    }
    Ok(meta)
}

fn not_regular(path: &Path, what: &str, kind: &std::fs::FileType) -> FsError {
    FsError::new(
        path,
        ErrorKind::InvalidInput,
        format!("{what} is {}, not a regular file", file_kind(kind)),
    )
}

fn too_large(path: &Path, what: &str, size: u64, limit: u64) -> FsError {
    FsError::new(
        path,
        ErrorKind::FileTooLarge,
        format!("{what} is {size} bytes, over the limit of {limit} bytes"),
    )
}

/// What a file that is not a regular file is, for messages: "a FIFO (named pipe)", "a
/// folder", "a character device"…
pub fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(r: Result<Vec<u8>, FsError>) -> String {
        r.expect_err("refused").to_string()
    }

    #[test]
    fn reads_a_regular_file_within_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "twelve bytes").unwrap();
        assert_eq!(read_regular(&file, "state", 12).unwrap(), b"twelve bytes");
        let e = read_regular(&file, "state", 11).unwrap_err();
        assert_eq!(e.kind, ErrorKind::FileTooLarge);
        assert!(
            e.to_string()
                .ends_with("state is 12 bytes, over the limit of 11 bytes")
        );
    }

    #[test]
    fn a_folder_and_a_missing_file_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let m = message(read_regular(dir.path(), "template", 10));
        assert!(
            m.ends_with("template is a folder, not a regular file"),
            "{m}"
        );
        let e = read_regular(&dir.path().join("gone"), "template", 10).unwrap_err();
        assert!(e.is_not_found());
        assert!(e.to_string().ends_with("gone: template not found"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let m = message(read_regular(&fifo, "build state", 10));
            assert!(
                m.ends_with("build state is a FIFO (named pipe), not a regular file"),
                "{m}"
            );
        }
        let link = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let m = message(read_regular(&link, "template", 1 << 30));
        assert!(
            m.ends_with(
                "template is a symbolic link to /dev/zero, a character device, not a regular file"
            ),
            "{m}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_names_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("a.txt");
        std::os::unix::fs::symlink("/nonexistent/brief/a.txt", &link).unwrap();
        let m = message(read_regular(&link, "source", 100));
        assert!(
            m.contains("symbolic link to /nonexistent/brief/a.txt"),
            "{m}"
        );
    }

    #[test]
    fn text_that_is_not_utf8_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.hbs");
        std::fs::write(&file, b"ok\xff").unwrap();
        let e = read_regular_string(&file, "template", 10).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("template is not valid UTF-8 (at byte 2); re-save it as UTF-8"),
            "{e}"
        );
    }
}
