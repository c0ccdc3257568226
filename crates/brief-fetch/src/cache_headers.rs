//! Reading the response headers that tell a polite client when to come back:
//! `Cache-Control`, `Expires`, `Age` and `Retry-After`.

use std::time::{Duration, SystemTime};

/// What `Cache-Control` (and `Expires` as a fallback) allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct CachePolicy {
    /// `no-store`: keep nothing from this response (no validators, no freshness).
    pub no_store: bool,
    /// `no-cache`: may keep validators, but must ask again every time.
    pub no_cache: bool,
    /// `max-age` in seconds, if given.
    pub max_age: Option<u64>,
}

impl CachePolicy {
    /// Parses a `Cache-Control` value; unknown directives are ignored, as HTTP requires.
    pub fn parse(cache_control: Option<&str>) -> Self {
        let mut policy = CachePolicy::default();
        let Some(value) = cache_control else {
            return policy;
        };
        for directive in value.split(',') {
            let directive = directive.trim();
            let (name, argument) = match directive.split_once('=') {
                Some((name, argument)) => (name.trim(), Some(argument.trim().trim_matches('"'))),
                None => (directive, None),
            };
            if name.eq_ignore_ascii_case("no-store") {
                policy.no_store = true;
            } else if name.eq_ignore_ascii_case("no-cache") {
                policy.no_cache = true;
            } else if name.eq_ignore_ascii_case("max-age") {
                // A malformed max-age makes the response stale (RFC 9111 §4.2.1).
                policy.max_age = Some(argument.and_then(|a| a.parse().ok()).unwrap_or(0));
            }
        }
        policy
    }
}

/// Until when the response may be reused without asking, or `None` when it must be
/// revalidated on the next fetch.
///
/// `max-age` wins over `Expires`; the `Age` header (time already spent in caches on the way)
/// is subtracted; the result is capped at `now + max_delay`.
pub(crate) fn fresh_until(
    policy: CachePolicy,
    expires: Option<&str>,
    age: Option<&str>,
    now: SystemTime,
    max_delay: Duration,
) -> Option<SystemTime> {
    if policy.no_store || policy.no_cache {
        return None;
    }
    let lifetime = match policy.max_age {
        Some(max_age) => {
            let age = age.and_then(|a| a.trim().parse::<u64>().ok()).unwrap_or(0);
            Duration::from_secs(max_age.saturating_sub(age))
        }
        None => {
            let expires = httpdate::parse_http_date(expires?.trim()).ok()?;
            expires.duration_since(now).ok()?
        }
    };
    if lifetime.is_zero() {
        return None;
    }
    Some(now + lifetime.min(max_delay))
}

/// Parses `Retry-After` as delta-seconds or as an HTTP-date, into an absolute time no later
/// than `now + max_delay`. A date in the past means "now".
pub(crate) fn retry_after(
    value: Option<&str>,
    now: SystemTime,
    max_delay: Duration,
) -> Option<SystemTime> {
    let value = value?.trim();
    let delay = if let Ok(seconds) = value.parse::<u64>() {
        Duration::from_secs(seconds)
    } else {
        let at = httpdate::parse_http_date(value).ok()?;
        at.duration_since(now).unwrap_or(Duration::ZERO)
    };
    Some(now + delay.min(max_delay))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::from_unix_seconds;

    const WEEK: Duration = Duration::from_secs(7 * 86_400);

    #[test]
    fn cache_control_directives_are_case_insensitive_and_tolerate_spacing() {
        let policy = CachePolicy::parse(Some("public, MAX-AGE=600 , must-revalidate"));
        assert_eq!(policy.max_age, Some(600));
        assert!(!policy.no_store && !policy.no_cache);
        assert!(CachePolicy::parse(Some("no-store")).no_store);
        assert!(CachePolicy::parse(Some("No-Cache")).no_cache);
        assert_eq!(CachePolicy::parse(Some("max-age=abc")).max_age, Some(0));
    }

    #[test]
    fn max_age_minus_age_sets_freshness() {
        let now = from_unix_seconds(1_000);
        let policy = CachePolicy::parse(Some("max-age=600"));
        assert_eq!(
            fresh_until(policy, None, Some("100"), now, WEEK),
            Some(from_unix_seconds(1_500))
        );
        assert_eq!(fresh_until(policy, None, Some("900"), now, WEEK), None);
    }

    #[test]
    fn no_cache_and_no_store_mean_always_revalidate() {
        let now = from_unix_seconds(1_000);
        for header in ["no-cache, max-age=600", "max-age=600, no-store"] {
            let policy = CachePolicy::parse(Some(header));
            assert_eq!(fresh_until(policy, None, None, now, WEEK), None, "{header}");
        }
    }

    #[test]
    fn expires_is_used_without_max_age_and_capped() {
        // 784111777 = Sun, 06 Nov 1994 08:49:37 GMT
        let now = from_unix_seconds(784_111_777 - 3_600);
        let policy = CachePolicy::parse(None);
        let expires = Some("Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(
            fresh_until(policy, expires, None, now, WEEK),
            Some(from_unix_seconds(784_111_777))
        );
        let short_cap = Duration::from_secs(60);
        assert_eq!(
            fresh_until(policy, expires, None, now, short_cap),
            Some(now + short_cap)
        );
        assert_eq!(fresh_until(policy, Some("0"), None, now, WEEK), None);
    }

    #[test]
    fn retry_after_accepts_seconds_and_http_dates() {
        let now = from_unix_seconds(784_111_777 - 120);
        assert_eq!(
            retry_after(Some("30"), now, WEEK),
            Some(now + Duration::from_secs(30))
        );
        assert_eq!(
            retry_after(Some("Sun, 06 Nov 1994 08:49:37 GMT"), now, WEEK),
            Some(from_unix_seconds(784_111_777))
        );
        assert_eq!(
            retry_after(
                Some("Sun, 06 Nov 1994 08:49:37 GMT"),
                from_unix_seconds(784_200_000),
                WEEK
            ),
            Some(from_unix_seconds(784_200_000))
        );
        assert_eq!(retry_after(Some("999999999"), now, WEEK), Some(now + WEEK));
        assert_eq!(retry_after(Some("soon"), now, WEEK), None);
        assert_eq!(retry_after(None, now, WEEK), None);
    }
}
