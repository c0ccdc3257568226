//! Errors of the fetcher. Every message names the URL and the cause on one line.

use std::time::Duration;

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The configured or stored URL cannot be requested.
    #[error("{url}: invalid URL: {reason}")]
    InvalidUrl {
        /// The offending URL.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A redirect pointed at something other than http(s), e.g. `file://` or `data:`.
    #[error("{url}: redirect to {target} refused: only http and https URLs are fetched")]
    RefusedRedirect {
        /// The URL that redirected.
        url: String,
        /// The refused `Location`.
        target: String,
    },
    /// The host resolved to an address the fetch may not reach (private, loopback,
    /// link-local…): see [`crate::NetworkAccess`].
    #[error(
        "{url}: refused to connect to {address}, a {kind} address: brief reaches only public addresses unless brief.toml sets allow_private_network = true"
    )]
    AddressRefused {
        /// The URL being fetched.
        url: String,
        /// The address it resolved to.
        address: String,
        /// What kind of address that is.
        kind: String,
    },
    /// Too many redirect hops.
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects {
        /// The URL first requested.
        url: String,
        /// The configured limit.
        limit: u32,
    },
    /// A 3xx response without a usable `Location`.
    #[error("{url}: HTTP {status} redirect without a Location header")]
    MissingLocation {
        /// The URL that redirected.
        url: String,
        /// The redirect status.
        status: u16,
    },
    /// The whole-fetch time budget ran out (connecting, waiting or reading the body).
    #[error("{url}: timed out after {} s", after.as_secs_f64())]
    Timeout {
        /// The URL being fetched.
        url: String,
        /// The configured budget.
        after: Duration,
    },
    /// The body exceeded the configured size cap.
    #[error("{url}: body larger than the limit of {limit} bytes")]
    BodyTooLarge {
        /// The URL being fetched.
        url: String,
        /// The configured cap in bytes.
        limit: u64,
    },
    /// The server answered with an error status.
    #[error("{url}: HTTP {status}")]
    Status {
        /// The URL that answered.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// Connection, DNS, TLS or protocol failure.
    #[error("{url}: {message}")]
    Transport {
        /// The URL being fetched.
        url: String,
        /// The underlying error, flattened to one line.
        message: String,
    },
}

impl FetchError {
    /// The URL the error is about.
    pub fn url(&self) -> &str {
        match self {
            FetchError::InvalidUrl { url, .. }
            | FetchError::RefusedRedirect { url, .. }
            | FetchError::AddressRefused { url, .. }
            | FetchError::TooManyRedirects { url, .. }
            | FetchError::MissingLocation { url, .. }
            | FetchError::Timeout { url, .. }
            | FetchError::BodyTooLarge { url, .. }
            | FetchError::Status { url, .. }
            | FetchError::Transport { url, .. } => url,
        }
    }
}

/// Flattens an error message to one line, so a multi-line cause cannot break log output or
/// the stored `last_error`.
pub(crate) fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
