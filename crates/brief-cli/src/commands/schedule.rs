//! `brief schedule [BRIEF...] [--once]`: regenerate briefs on their `[schedule]`: at each due
//! slot, ask remote sources what changed, then rebuild if the build key moved.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use brief_engine::incremental::STATE_DIR;
use brief_engine::{BriefLocation, BuildOptions, PluginRegistry};
use brief_schedule::{
    Clock, Schedule, SchedulerLock, SchedulerState, SystemClock, due_slot, load_state,
    remove_stale_temps, save_state,
};

use crate::commands::build::{locations, print_built};
use crate::remote::RemoteSources;
use brief_engine::remote::SyncMode;

#[derive(Debug, clap::Args)]
pub struct ScheduleArgs {
    /// Brief folders (or their brief.toml). Default: as for `brief build`; briefs without a
    /// `[schedule]` table are skipped.
    briefs: Vec<PathBuf>,
    /// Do one pass of whatever is due, then exit (for cron, systemd timers, CronJobs).
    #[arg(long)]
    once: bool,
}

/// Longest sleep between checks, so a changed clock or a resumed machine is noticed soon.
const MAX_SLEEP: Duration = Duration::from_secs(60);

struct Scheduled {
    location: BriefLocation,
    schedule: Schedule,
    state_path: PathBuf,
    state: SchedulerState,
    _lock: SchedulerLock,
}

pub fn run(args: ScheduleArgs) -> anyhow::Result<()> {
    let named = !args.briefs.is_empty();
    let mut briefs = Vec::new();
    for location in locations(&args.briefs)? {
        let config = brief_config::load(&location.toml)?;
        let Some(spec) = &config.schedule else {
            if named {
                bail!(
                    "{}: no [schedule] table; add `cron = \"…\"` or `every = \"…\"`",
                    location.toml.display()
                );
            }
            eprintln!("note: {}: no [schedule]; skipped", location.toml.display());
            continue;
        };
        let schedule = Schedule::parse(spec)
            .map_err(|e| anyhow::anyhow!("{}:{}: {e}", location.toml.display(), spec.line))?;
        let state_dir = location.dir.join(STATE_DIR);
        let lock = SchedulerLock::acquire(&state_dir.join("schedule.lock"))?;
        let state_path = state_dir.join("schedule.json");
        remove_stale_temps(&state_path);
        let state = load_state(&state_path)?;
        briefs.push(Scheduled {
            location,
            schedule,
            state_path,
            state,
            _lock: lock,
        });
    }
    if briefs.is_empty() {
        bail!("no brief has a [schedule]");
    }
    let registry = crate::plugins::registry()?;
    let clock = SystemClock;
    let remote = RemoteSources::default();
    if !args.once {
        for b in &briefs {
            println!("scheduling {} {}", b.location.dir.display(), b.schedule);
        }
    }
    loop {
        let ran = pass(&mut briefs, &registry, &remote, &clock)?;
        if args.once {
            if ran == 0 {
                println!("nothing due");
            }
            return Ok(());
        }
        std::thread::sleep(until_next(&briefs, &clock));
    }
}

/// Runs every brief that is due; returns how many ran.
fn pass(
    briefs: &mut [Scheduled],
    registry: &PluginRegistry,
    remote: &RemoteSources,
    clock: &dyn Clock,
) -> anyhow::Result<usize> {
    let mut ran = 0;
    for b in briefs.iter_mut() {
        let Some(slot) = due_slot(&b.schedule, &b.state, clock.now()) else {
            continue;
        };
        ran += 1;
        let start = Instant::now();
        let built = crate::commands::build::build_one(
            &b.location,
            registry,
            remote,
            Some(SyncMode::Due),
            &BuildOptions::default(),
            brief_engine::DEFAULT_LOCK_WAIT,
        );
        match built {
            Ok(report) => {
                for w in &report.warnings {
                    eprintln!("{w}");
                }
                print_built(&b.location, &report, start.elapsed().as_millis());
                b.state.last_error = None;
            }
            Err(e) => {
                eprintln!(
                    "error: {e:#} (keeping the last good outputs; will retry at the next slot)"
                );
                b.state.last_error = Some(e.to_string());
            }
        }
        // a failed run still uses up its slot: retrying in a loop would hammer sources
        b.state.record_run(slot);
        save_state(&b.state_path, &b.state)
            .with_context(|| format!("{}: cannot save scheduler state", b.state_path.display()))?;
    }
    Ok(ran)
}

fn until_next(briefs: &[Scheduled], clock: &dyn Clock) -> Duration {
    let now = clock.now();
    briefs
        .iter()
        .filter_map(|b| {
            b.state
                .last_slot()
                .and_then(|last| b.schedule.next_after(last))
        })
        .map(|next| (next - now).to_std().unwrap_or(Duration::ZERO))
        .min()
        .unwrap_or(MAX_SLEEP)
        .clamp(Duration::from_millis(200), MAX_SLEEP)
}
