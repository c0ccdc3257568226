//! Scheduler state, saved so that a killed or restarted scheduler neither skips nor repeats
//! work: write a temporary file, fsync it, rename it over the old one, fsync the folder.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SchedulerState {
    /// The last slot that completed, seconds since the epoch.
    #[serde(default)]
    pub last_slot: Option<i64>,
    /// Completed runs.
    #[serde(default)]
    pub runs: u64,
    /// The error of the last run, when it failed.
    #[serde(default)]
    pub last_error: Option<String>,
}

impl SchedulerState {
    pub fn last_slot(&self) -> Option<DateTime<Utc>> {
        self.last_slot.and_then(|t| DateTime::from_timestamp(t, 0))
    }

    /// Marks `slot` as done.
    pub fn record_run(&mut self, slot: DateTime<Utc>) {
        self.last_slot = Some(slot.timestamp());
        self.runs += 1;
    }
}

/// Reads the state; a missing file is a fresh state, a corrupt one is an error (never silently
/// reset: that would re-run everything).
pub fn load_state(path: &Path) -> Result<SchedulerState, brief_fs::FsError> {
    match brief_fs::read_regular(path, "scheduler state", brief_fs::Limit::STATE) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            brief_fs::FsError::new(
                path,
                std::io::ErrorKind::InvalidData,
                format!("corrupt scheduler state: {e}"),
            )
        }),
        Err(e) if e.is_not_found() => Ok(SchedulerState::default()),
        Err(e) => Err(e),
    }
}

/// `.schedule.json.tmp-`: the start of the temporary files [`save_state`] writes for `path`.
fn temp_stem(path: &Path) -> String {
    format!(
        ".{}.tmp-",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("state")
    )
}

/// Removes temporary files that earlier schedulers, killed mid-save, left next to `path`:
/// brief's own temporaries of dead writers, and those of older versions, which named them
/// after the state file.
/// Call it only while holding the scheduler lock: the lock makes its holder the only writer,
/// so every temporary file not of this process is stale. A scheduler calls it at start, since
/// a restart may find nothing due and save nothing for a while.
pub fn remove_stale_temps(path: &Path) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stem = temp_stem(path);
    let own = format!("{stem}{}", std::process::id());
    brief_fs::atomic::remove_stale_temps_here(dir);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&stem) && *name != own {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Saves the state durably: after this returns, a crash leaves either this state or the
/// previous one, never a torn file (see [`brief_fs::atomic::write_durable`]).
pub fn save_state(path: &Path, state: &SchedulerState) -> Result<(), brief_fs::FsError> {
    remove_stale_temps(path);
    let json = serde_json::to_vec_pretty(state).expect("state serialises");
    brief_fs::atomic::write_durable(path, &json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn round_trips_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.json");
        assert_eq!(load_state(&path).unwrap(), SchedulerState::default());
        let mut s = SchedulerState::default();
        s.record_run(Utc.with_ymd_and_hms(2026, 5, 1, 6, 0, 0).unwrap());
        save_state(&path, &s).unwrap();
        assert_eq!(load_state(&path).unwrap(), s);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temps_of_killed_schedulers_are_removed_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.json");
        let stale = dir.path().join(".schedule.json.tmp-4194305");
        let other = dir.path().join("fetch-state.json");
        std::fs::write(&stale, "{\"last_slot\":").unwrap();
        std::fs::write(&other, "{}").unwrap();
        remove_stale_temps(&path);
        assert!(!stale.exists());
        assert!(other.exists());
    }

    #[test]
    fn corrupt_state_is_an_error_not_a_reset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.json");
        std::fs::write(&path, "{not json").unwrap();
        assert!(
            load_state(&path)
                .unwrap_err()
                .to_string()
                .contains("corrupt scheduler state")
        );
    }
}
