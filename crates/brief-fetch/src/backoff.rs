//! Exponential backoff with deterministic jitter.
//!
//! The jitter spreads retries of many sources that failed together (e.g. one host down) so
//! they do not return in lockstep. It comes from a hash of the URL and the failure count
//! instead of a random number generator, so the same state always yields the same delay and
//! tests are reproducible.

use std::time::Duration;

/// Delay before the next attempt after `consecutive_failures` failures (1 = first failure).
///
/// The nominal delay is `base * 2^(failures - 1)` capped at `max`; the returned delay lies
/// in `[nominal / 2, nominal]` ("equal jitter"). Below the cap, each delay is therefore at
/// least the previous one; at the cap it keeps jittering instead of giving up.
pub fn backoff_delay(
    url: &str,
    consecutive_failures: u32,
    base: Duration,
    max: Duration,
) -> Duration {
    let exponent = consecutive_failures.saturating_sub(1).min(63);
    let nominal = base
        .checked_mul(1u32.checked_shl(exponent).unwrap_or(u32::MAX))
        .unwrap_or(max)
        .min(max);
    let half = nominal / 2;
    half + half.mul_f64(jitter_fraction(url, consecutive_failures))
}

/// A number in [0, 1) fixed by the URL and the attempt number.
fn jitter_fraction(url: &str, consecutive_failures: u32) -> f64 {
    let mut hasher = blake3::Hasher::new();
    hasher.update(url.as_bytes());
    hasher.update(&consecutive_failures.to_le_bytes());
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest.as_bytes()[..8]);
    // 53 bits fill an f64 mantissa exactly, so the result is uniform and strictly below 1.
    (u64::from_le_bytes(first) >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Duration = Duration::from_secs(60);
    const MAX: Duration = Duration::from_secs(6 * 3600);

    #[test]
    fn same_url_and_attempt_give_the_same_delay() {
        let a = backoff_delay("https://a.test/feed", 3, BASE, MAX);
        let b = backoff_delay("https://a.test/feed", 3, BASE, MAX);
        assert_eq!(a, b);
    }

    #[test]
    fn different_urls_get_different_jitter() {
        let a = backoff_delay("https://a.test/feed", 3, BASE, MAX);
        let b = backoff_delay("https://b.test/feed", 3, BASE, MAX);
        assert_ne!(a, b);
    }

    #[test]
    fn delays_grow_until_the_cap_and_stay_within_it() {
        let mut previous = Duration::ZERO;
        for failures in 1..=8 {
            let delay = backoff_delay("https://a.test/", failures, BASE, MAX);
            let nominal = BASE * (1 << (failures - 1));
            assert!(
                delay >= nominal / 2 && delay <= nominal,
                "{failures}: {delay:?}"
            );
            assert!(delay >= previous, "backoff shrank at failure {failures}");
            previous = delay;
        }
        for failures in [9, 20, 64, 1000, u32::MAX] {
            let delay = backoff_delay("https://a.test/", failures, BASE, MAX);
            assert!(delay >= MAX / 2 && delay <= MAX, "{failures}: {delay:?}");
        }
    }
}
