//! The result of one call to [`crate::Fetcher::fetch`].

use std::time::SystemTime;

use crate::error::FetchError;

/// What happened when a source was (or was not) fetched. The [`crate::SourceState`] passed
/// to the fetch has already been updated to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new body arrived (or the fetch was forced).
    Fetched(Fetched),
    /// The server answered `304 Not Modified` to the conditional request.
    NotModified,
    /// The server sent `200` with a body identical to the last one (same blake3 hash):
    /// nothing to rebuild. Typical of servers that ignore validators.
    Unchanged {
        /// Where the body came from after redirects.
        final_url: String,
        /// blake3 hex of the (unchanged) body.
        content_hash: String,
    },
    /// No request was made; try again at `until`.
    Deferred {
        /// Earliest time a request is allowed.
        until: SystemTime,
        /// What imposed the wait.
        reason: DeferReason,
    },
    /// The source answered `410 Gone` (now or earlier) and is no longer requested.
    Retired {
        /// The URL that answered 410.
        url: String,
    },
    /// The request failed; the state now carries the backoff, so a non-forced fetch before
    /// `retry_at` is deferred.
    Failed {
        /// What went wrong, naming the URL.
        error: FetchError,
        /// When the next attempt is allowed.
        retry_at: SystemTime,
    },
}

/// A body received with `200 OK`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body after content decoding (gzip), as raw bytes: feeds must be parsed from
    /// bytes so the XML prolog's encoding applies; see [`crate::decode_html`] for pages.
    pub body: Vec<u8>,
    /// The `Content-Type` header as sent, if any.
    pub content_type: Option<String>,
    /// Where the body came from after redirects (equals the request URL without them).
    pub final_url: String,
    /// blake3 hex of `body`.
    pub content_hash: String,
}

/// Why a fetch was deferred without a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeferReason {
    /// Backing off after failures, or a `Retry-After` from the server.
    Backoff,
    /// The last response is still fresh per `Cache-Control: max-age` / `Expires`.
    Fresh,
    /// Another request to the same host was made too recently.
    RateLimited,
}
