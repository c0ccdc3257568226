//! Per-host minimum interval between requests.
//!
//! The limiter never sleeps: it answers "allowed now" (and records the request) or "not
//! before T". The caller decides whether to wait, do other work, or come back later, which
//! keeps the library testable with a fake clock.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Remembers when each host was last contacted.
#[derive(Debug)]
pub(crate) struct HostRateLimiter {
    min_interval: Duration,
    last_request: Mutex<BTreeMap<String, SystemTime>>,
}

impl HostRateLimiter {
    pub fn new(min_interval: Duration) -> Self {
        HostRateLimiter {
            min_interval,
            last_request: Mutex::new(BTreeMap::new()),
        }
    }

    /// When the next request to `host` is allowed (`now` or earlier means immediately).
    pub fn next_allowed(&self, host: &str, now: SystemTime) -> SystemTime {
        match self.lock().get(host) {
            Some(&last) => last + self.min_interval,
            None => now,
        }
    }

    /// Records a request to `host` at `now` if allowed; otherwise returns the time it will be.
    pub fn try_acquire(&self, host: &str, now: SystemTime) -> Result<(), SystemTime> {
        let mut last_request = self.lock();
        if let Some(&last) = last_request.get(host) {
            let allowed_at = last + self.min_interval;
            // A clock that moved backwards must not lock a host out: only a future
            // allowed_at relative to a last request in the past defers.
            if allowed_at > now && last <= now {
                return Err(allowed_at);
            }
        }
        last_request.insert(host.to_string(), now);
        Ok(())
    }

    /// Records a request made without asking (redirect hops within one fetch).
    pub fn record(&self, host: &str, now: SystemTime) {
        self.lock().insert(host.to_string(), now);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, SystemTime>> {
        // Entries are single timestamps, always valid even after a panic elsewhere.
        self.last_request
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::from_unix_seconds;

    #[test]
    fn second_request_to_a_host_waits_for_the_interval() {
        let limiter = HostRateLimiter::new(Duration::from_secs(5));
        let t0 = from_unix_seconds(100);
        assert_eq!(limiter.try_acquire("a:443", t0), Ok(()));
        assert_eq!(
            limiter.try_acquire("a:443", from_unix_seconds(103)),
            Err(from_unix_seconds(105))
        );
        assert_eq!(limiter.try_acquire("b:443", from_unix_seconds(103)), Ok(()));
        assert_eq!(limiter.try_acquire("a:443", from_unix_seconds(105)), Ok(()));
        assert_eq!(
            limiter.next_allowed("a:443", from_unix_seconds(105)),
            from_unix_seconds(110)
        );
    }

    #[test]
    fn zero_interval_never_defers() {
        let limiter = HostRateLimiter::new(Duration::ZERO);
        let t0 = from_unix_seconds(100);
        assert_eq!(limiter.try_acquire("a:80", t0), Ok(()));
        assert_eq!(limiter.try_acquire("a:80", t0), Ok(()));
    }

    #[test]
    fn a_clock_set_backwards_does_not_lock_out_a_host() {
        let limiter = HostRateLimiter::new(Duration::from_secs(5));
        assert_eq!(
            limiter.try_acquire("a:80", from_unix_seconds(1_000)),
            Ok(())
        );
        assert_eq!(limiter.try_acquire("a:80", from_unix_seconds(10)), Ok(()));
    }
}
