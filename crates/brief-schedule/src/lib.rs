//! Scheduling regeneration.
//!
//! A brief's `[schedule]` says when it is due ([`Schedule`]); its scheduler state records the
//! last slot that ran ([`SchedulerState`], saved crash-safely); a lock file keeps a second
//! scheduler off the same brief ([`SchedulerLock`]). What "running" means (fetching sources,
//! building) is the caller's: this crate only decides when.

mod clock;
mod lock;
mod spec;
mod state;

pub use clock::{Clock, FakeClock, SystemClock};
pub use lock::SchedulerLock;
pub use spec::{Schedule, ScheduleError};
pub use state::{SchedulerState, load_state, remove_stale_temps, save_state};

use chrono::{DateTime, Utc};

/// The slot a brief should run for now, if any: the latest scheduled time at or before `now`
/// that has not run yet. Several missed slots (a suspended laptop, a stopped service) give one
/// run, for the latest. A brief that never ran is due at once.
pub fn due_slot(
    schedule: &Schedule,
    state: &SchedulerState,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let Some(last) = state.last_slot() else {
        return Some(now);
    };
    let next = schedule.next_after(last)?;
    if next > now {
        return None;
    }
    // coalesce: walk to the latest slot not after now, bounded so a tiny interval after a long
    // sleep cannot spin
    let mut slot = next;
    for _ in 0..100_000 {
        match schedule.next_after(slot) {
            Some(n) if n <= now => slot = n,
            _ => return Some(slot),
        }
    }
    schedule.previous_at_or_before(now).or(Some(slot))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn every(spec: &str) -> Schedule {
        Schedule::parse(&brief_config::ScheduleConfig {
            every: Some(spec.into()),
            ..Default::default()
        })
        .unwrap()
    }

    #[test]
    fn never_run_is_due_now() {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        assert_eq!(
            due_slot(&every("1h"), &SchedulerState::default(), now),
            Some(now)
        );
    }

    #[test]
    fn missed_runs_coalesce_into_the_latest_slot() {
        let s = every("1h");
        let mut state = SchedulerState::default();
        state.record_run(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        // the machine slept for five and a half hours
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 5, 30, 0).unwrap();
        assert_eq!(
            due_slot(&s, &state, now),
            Some(Utc.with_ymd_and_hms(2026, 1, 1, 5, 0, 0).unwrap())
        );
        state.record_run(due_slot(&s, &state, now).unwrap());
        assert_eq!(
            due_slot(&s, &state, now),
            None,
            "one run for all the missed slots"
        );
    }

    #[test]
    fn not_due_before_the_next_slot() {
        let s = every("30m");
        let mut state = SchedulerState::default();
        state.record_run(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        assert_eq!(
            due_slot(
                &s,
                &state,
                Utc.with_ymd_and_hms(2026, 1, 1, 0, 29, 59).unwrap()
            ),
            None
        );
    }
}
