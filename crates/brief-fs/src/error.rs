//! One error type for every file-system rule: the path, what kind of failure, and a message
//! that says the cause once.

use std::io::ErrorKind;
use std::path::Path;

/// A file could not be read or written as brief's rules require. Displays as one line,
/// `PATH: message`; the cause is part of the message and deliberately not `source()`, since
/// the CLI prints the whole chain, which would otherwise say it twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct FsError {
    pub path: String,
    pub kind: ErrorKind,
    pub message: String,
}

impl FsError {
    pub fn new(path: &Path, kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            path: path.display().to_string(),
            kind,
            message: message.into(),
        }
    }

    /// An I/O error, with `doing` ("cannot read", "cannot write") before its text.
    pub fn io(path: &Path, doing: &str, cause: &std::io::Error) -> Self {
        Self::new(path, cause.kind(), format!("{doing}: {}", io_text(cause)))
    }

    pub fn is_not_found(&self) -> bool {
        self.kind == ErrorKind::NotFound
    }
}

/// An I/O error's text without Rust's " (os error 28)" suffix, which means nothing to a reader.
pub(crate) fn io_text(cause: &std::io::Error) -> String {
    let text = cause.to_string();
    // tempfile adds " at path …" after it, naming its own temporary file
    match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_drop_the_os_error_number() {
        let cause = std::io::Error::from_raw_os_error(28);
        let e = FsError::io(Path::new("out/b.pdf"), "cannot write", &cause);
        assert_eq!(
            e.to_string(),
            "out/b.pdf: cannot write: No space left on device"
        );
        assert!(std::error::Error::source(&e).is_none());
        let wrapped = std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device (os error 28) at path \"/x/.brief-tmp-1-a\"",
        );
        let e = FsError::io(Path::new("out/b.md"), "cannot write", &wrapped);
        assert_eq!(
            e.to_string(),
            "out/b.md: cannot write: No space left on device"
        );
    }
}
