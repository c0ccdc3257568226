//! What the caller persists per remote source between runs.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::clock::{from_unix_seconds, unix_seconds};
use crate::outcome::DeferReason;

/// Per-source fetch state. The fetcher reads and updates it; the caller stores it (e.g. as
/// JSON in the scheduler state file) keyed by the URL written in the configuration.
///
/// Times are whole Unix seconds so the stored file stays readable and stable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceState {
    /// The URL to request. Starts as the configured URL; a permanent redirect (301/308)
    /// replaces it, a temporary one (302/303/307) does not.
    pub url: String,
    /// `ETag` of the last stored response, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// `Last-Modified` of the last stored response, sent back verbatim as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// Set by `410 Gone`: no further requests are made until the caller clears it.
    pub retired: bool,
    /// Why the source was retired, for reporting.
    pub retired_reason: Option<String>,
    /// Failures since the last success; drives the backoff delay.
    pub consecutive_failures: u32,
    /// No request before this time (backoff or `Retry-After`), unless forced.
    pub next_attempt_at: Option<u64>,
    /// The last response may be reused without asking until this time (`Cache-Control:
    /// max-age` or `Expires`), unless forced.
    pub fresh_until: Option<u64>,
    /// blake3 hex of the last body received with 200.
    pub content_hash: Option<String>,
    /// When the last 200 or 304 arrived.
    pub last_success_at: Option<u64>,
    /// When the last request was sent.
    pub last_attempt_at: Option<u64>,
    /// One-line description of the last failure, cleared on success.
    pub last_error: Option<String>,
}

impl SourceState {
    /// Fresh state for a configured URL: nothing known yet, due immediately.
    pub fn new(url: impl Into<String>) -> Self {
        SourceState {
            url: url.into(),
            ..SourceState::default()
        }
    }

    /// Whether a non-forced fetch at `now` would wait, and until when and why.
    ///
    /// Schedulers call this to skip sources cheaply. Backoff is reported before cache
    /// freshness because it is the later of the two in practice; when both apply the later
    /// time wins. Retirement is not a deferral: check [`SourceState::retired`].
    pub fn deferred_until(&self, now: SystemTime) -> Option<(SystemTime, DeferReason)> {
        let now_secs = unix_seconds(now);
        let backoff = self
            .next_attempt_at
            .filter(|&at| at > now_secs)
            .map(|at| (at, DeferReason::Backoff));
        let fresh = self
            .fresh_until
            .filter(|&at| at > now_secs)
            .map(|at| (at, DeferReason::Fresh));
        let later = match (backoff, fresh) {
            (Some(b), Some(f)) => Some(if f.0 > b.0 { f } else { b }),
            (b, f) => b.or(f),
        };
        later.map(|(at, reason)| (from_unix_seconds(at), reason))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_state_is_due_now() {
        let state = SourceState::new("https://example.test/feed");
        assert_eq!(state.deferred_until(from_unix_seconds(5)), None);
    }

    #[test]
    fn the_later_of_backoff_and_freshness_wins() {
        let state = SourceState {
            next_attempt_at: Some(200),
            fresh_until: Some(300),
            ..SourceState::new("https://example.test/")
        };
        let deferred = state.deferred_until(from_unix_seconds(100));
        assert_eq!(deferred, Some((from_unix_seconds(300), DeferReason::Fresh)));
        assert_eq!(state.deferred_until(from_unix_seconds(300)), None);
    }

    #[test]
    fn state_round_trips_through_json_and_tolerates_missing_fields() {
        let state = SourceState {
            etag: Some("\"v1\"".into()),
            consecutive_failures: 3,
            ..SourceState::new("https://example.test/a")
        };
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<SourceState>(&json).unwrap(), state);
        let sparse: SourceState = serde_json::from_str(r#"{"url":"https://x.test/"}"#).unwrap();
        assert_eq!(sparse, SourceState::new("https://x.test/"));
    }
}
