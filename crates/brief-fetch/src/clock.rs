//! Time source for every scheduling decision in this crate.
//!
//! Backoff, cache freshness, `Retry-After` and the per-host rate limit all compare against
//! [`Clock::now`], never against `SystemTime::now()` directly, so tests can move time forward
//! with a [`FakeClock`] instead of sleeping.

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A source of the current wall-clock time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// The real wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock that only moves when told to; for tests and simulations.
#[derive(Debug)]
pub struct FakeClock {
    now: Mutex<SystemTime>,
}

impl FakeClock {
    /// A fake clock reading `unix_seconds` after the Unix epoch.
    pub fn at_unix(unix_seconds: u64) -> Self {
        FakeClock {
            now: Mutex::new(UNIX_EPOCH + Duration::from_secs(unix_seconds)),
        }
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let mut now = self.lock();
        *now += by;
    }

    /// Sets the clock to an absolute time (it may move backwards, like a corrected wall clock).
    pub fn set(&self, to: SystemTime) {
        *self.lock() = to;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SystemTime> {
        // A panic while holding this lock cannot leave the time half-written, so a poisoned
        // lock still holds a valid value.
        self.now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Clock for FakeClock {
    fn now(&self) -> SystemTime {
        *self.lock()
    }
}

/// Whole seconds since the Unix epoch; times before the epoch count as 0.
pub fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0)
}

/// The time `seconds` after the Unix epoch.
pub fn from_unix_seconds(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_clock_moves_only_when_told() {
        let clock = FakeClock::at_unix(1_000);
        assert_eq!(unix_seconds(clock.now()), 1_000);
        clock.advance(Duration::from_secs(90));
        assert_eq!(unix_seconds(clock.now()), 1_090);
        clock.set(from_unix_seconds(10));
        assert_eq!(unix_seconds(clock.now()), 10);
    }
}
