//! Politeness and robustness knobs for a [`crate::Fetcher`].

use std::time::Duration;

/// Limits and timings for fetching. [`FetchConfig::default`] is a polite setting for
/// scheduled regeneration; every field can be changed by the caller (e.g. from `brief.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchConfig {
    /// Sent as `User-Agent`, so site owners can see who is fetching.
    pub user_agent: String,
    /// Time allowed to open the TCP (and TLS) connection.
    pub connect_timeout: Duration,
    /// Time allowed for the whole fetch: connecting, every redirect hop, headers and the full
    /// body. A body that trickles in past this budget is an error, not a partial success.
    pub timeout: Duration,
    /// Largest body accepted, counted after content decoding. A declared `Content-Length`
    /// above it is refused before reading; otherwise reading stops as soon as it is exceeded.
    pub max_body_bytes: u64,
    /// Minimum time between two requests to the same host (host and port).
    pub host_min_interval: Duration,
    /// Delay after the first failure; doubles with each further consecutive failure.
    pub backoff_base: Duration,
    /// Longest backoff delay. Failures never retire a source: past the cap it is retried
    /// every `backoff_max` (with jitter) for as long as it keeps failing.
    pub backoff_max: Duration,
    /// Upper bound on server-provided waits (`Retry-After`, `Cache-Control: max-age`,
    /// `Expires`), so a bogus header cannot silence a source for years.
    pub max_server_delay: Duration,
    /// Redirect hops followed in one fetch.
    pub max_redirects: u32,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: concat!(
                "brief/",
                env!("CARGO_PKG_VERSION"),
                " (policy brief generator)"
            )
            .to_string(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            host_min_interval: Duration::from_secs(1),
            backoff_base: Duration::from_secs(60),
            backoff_max: Duration::from_secs(6 * 60 * 60),
            max_server_delay: Duration::from_secs(7 * 24 * 60 * 60),
            max_redirects: 5,
        }
    }
}
