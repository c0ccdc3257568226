//! Usage errors: the command line itself is wrong (an unknown format name, a bad flag value).
//! They exit 2, like clap's own, where every other failure exits 1.

/// A mistake in how brief was called, as opposed to in what it was given to work on.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The exit code for a failed command: 2 for usage errors, 1 for the rest.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if err.downcast_ref::<UsageError>().is_some() {
        2
    } else {
        1
    }
}
