//! Reading a source file from disk, before any decoding.
//!
//! A source may be a symbolic link to anywhere (brief.toml is the user's own file, and a
//! shared corpus linked into several briefs is a normal set-up), but what it resolves to must
//! be a regular file: a FIFO would block the build forever, `/dev/zero` would never end, and a
//! folder is a mistake. The policy is documented in docs/brief-toml.md, "Source files".

use std::io::{Error, ErrorKind, Read};
use std::path::Path;

use crate::EngineError;

/// The bytes of `file`, at most `max_bytes` of them. `not_found` is the cause given when the
/// file does not exist (it says where the source was listed, or how to repair a cache).
pub fn read(file: &Path, max_bytes: u64, not_found: &str) -> Result<Vec<u8>, EngineError> {
    let display = file.display().to_string();
    let fail = |kind: ErrorKind, cause: String| EngineError::Io {
        path: display.clone(),
        cause: Error::new(kind, cause),
    };
    let io = |e: Error| fail(e.kind(), format!("cannot read source: {e}"));
    let link = std::fs::read_link(file).ok();
    let meta = std::fs::metadata(file).map_err(|e| match (&link, e.kind()) {
        (Some(target), ErrorKind::NotFound) => fail(
            e.kind(),
            format!(
                "{not_found}: it is a symbolic link to {}, which does not exist",
                target.display()
            ),
        ),
        (None, ErrorKind::NotFound) => fail(e.kind(), not_found.to_string()),
        _ => io(e),
    })?;
    let refuse_special = |meta: &std::fs::Metadata| {
        let linked = link.as_ref().map_or(String::new(), |t| {
            format!("a symbolic link to {}, ", t.display())
        });
        fail(
            ErrorKind::InvalidInput,
            format!(
                "source is {linked}{}, not a regular file",
                file_kind(&meta.file_type())
            ),
        )
    };
    if !meta.is_file() {
        return Err(refuse_special(&meta));
    }
    let too_large = |size: u64| brief_ingest::IngestError::TooLarge {
        path: display.clone(),
        size,
        limit: max_bytes,
    };
    if meta.len() > max_bytes {
        return Err(too_large(meta.len()).into());
    }
    let mut handle = std::fs::File::open(file).map_err(io)?;
    // the file may have been replaced or have grown since the check above: check what was
    // actually opened, and never read more than the limit from it
    let opened = handle.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(refuse_special(&opened));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(max_bytes) as usize);
    (&mut handle)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(opened.len().max(bytes.len() as u64)).into());
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, for messages.
fn file_kind(kind: &std::fs::FileType) -> &'static str {
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
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MISSING: &str = "source file not found (listed in brief.toml line 5)";

    fn message(result: Result<Vec<u8>, EngineError>) -> String {
        result.expect_err("refused").to_string()
    }

    #[test]
    fn reads_a_regular_file_and_one_linked_from_outside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let shared = tempfile::tempdir().unwrap();
        std::fs::write(shared.path().join("corpus.txt"), "Shared text.").unwrap();
        std::fs::write(dir.path().join("own.txt"), "Own text.").unwrap();
        assert_eq!(
            read(&dir.path().join("own.txt"), 100, MISSING).unwrap(),
            b"Own text."
        );
        #[cfg(unix)]
        {
            let link = dir.path().join("linked.txt");
            std::os::unix::fs::symlink(shared.path().join("corpus.txt"), &link).unwrap();
            assert_eq!(read(&link, 100, MISSING).unwrap(), b"Shared text.");
        }
    }

    #[test]
    fn io_error_states_its_cause_once() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(&dir.path().join("gone.txt"), 100, MISSING).unwrap_err();
        // the CLI prints the whole source() chain after the message
        assert!(std::error::Error::source(&e).is_none(), "{e:?}");
        assert_eq!(e.to_string().matches("not found").count(), 1, "{e}");
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let m = message(read(dir.path(), 100, MISSING));
        assert!(m.ends_with("source is a folder, not a regular file"), "{m}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big.txt");
        std::fs::File::create(&file)
            .unwrap()
            .set_len(50 << 20)
            .unwrap();
        let m = message(read(&file, 1000, MISSING));
        assert!(m.contains("52428800 bytes, over the limit of 1000"), "{m}");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_names_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("a.txt");
        std::os::unix::fs::symlink("/nonexistent/brief/a.txt", &link).unwrap();
        let m = message(read(&link, 100, MISSING));
        assert!(
            m.starts_with(&format!("{}: {MISSING}", link.display())),
            "{m}"
        );
        assert!(
            m.contains("symbolic link to /nonexistent/brief/a.txt"),
            "{m}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let m = message(read(&fifo, 100, MISSING));
            assert!(
                m.ends_with("source is a FIFO (named pipe), not a regular file"),
                "{m}"
            );
        }
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let m = message(read(&link, 100, MISSING));
        assert!(
            m.ends_with(
                "source is a symbolic link to /dev/zero, a character device, not a regular file"
            ),
            "{m}"
        );
    }
}
