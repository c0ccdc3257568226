//! Reading a source file from disk, before any decoding.
//!
//! A source may be a symbolic link to anywhere (brief.toml is the user's own file, and a
//! shared corpus linked into several briefs is a normal set-up), but what it resolves to must
//! be a regular file: a FIFO would block the build forever, `/dev/zero` would never end, and a
//! folder is a mistake. The policy is documented in docs/brief-toml.md, "Source files".

use std::io::ErrorKind;
use std::path::Path;

use crate::EngineError;

/// The bytes of `file`, at most `max_bytes` of them. `not_found` is the cause given when the
/// file does not exist (it says where the source was listed, or how to repair a cache).
pub fn read(file: &Path, max_bytes: u64, not_found: &str) -> Result<Vec<u8>, EngineError> {
    match brief_fs::read_regular(file, "source", max_bytes) {
        Ok(bytes) => Ok(bytes),
        Err(mut e) if e.is_not_found() => {
            e.message = e.message.replacen("source not found", not_found, 1);
            Err(e.into())
        }
        Err(e) if e.kind == ErrorKind::FileTooLarge => {
            let size = std::fs::metadata(file).map_or(max_bytes + 1, |m| m.len());
            Err(brief_ingest::IngestError::TooLarge {
                path: file.display().to_string(),
                size: size.max(max_bytes + 1),
                limit: max_bytes,
            }
            .into())
        }
        Err(e) => Err(e.into()),
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
}
