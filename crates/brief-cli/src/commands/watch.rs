//! `brief watch [BRIEF...] [--poll]`: rebuild when an input changes.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use brief_engine::{BriefLocation, BuildOptions, PluginRegistry};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::commands::build::{locations, parse_formats, print_built};
use crate::watch_set::{Change, WatchSet};

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Brief folders (or their brief.toml). Default: as for `brief build`.
    briefs: Vec<PathBuf>,
    /// Poll for changes instead of using the system's file notifications (network drives,
    /// containers). Used automatically when notifications fail.
    #[arg(long)]
    poll: bool,
    /// Quiet time after the last change before rebuilding, in milliseconds.
    #[arg(long, default_value_t = 150)]
    debounce_ms: u64,
    /// Output folder, as for `brief build`.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Comma-separated formats, as for `brief build`.
    #[arg(long, value_delimiter = ',')]
    format: Vec<String>,
}

/// Longest a burst of changes can hold back a rebuild.
const MAX_DEBOUNCE: Duration = Duration::from_secs(2);
const POLL_INTERVAL: Duration = Duration::from_millis(300);

type Events = Receiver<notify::Result<Event>>;

pub fn run(args: WatchArgs) -> anyhow::Result<()> {
    let locations = locations(&args.briefs)?;
    let registry = crate::plugins::registry()?;
    let options = BuildOptions {
        out_dir: args.out.clone(),
        formats: parse_formats(&args.format)?,
        ..BuildOptions::default()
    };
    let all: BTreeSet<usize> = (0..locations.len()).collect();
    rebuild(&locations, &all, &registry, &options);
    let debounce = Duration::from_millis(args.debounce_ms);
    let mut poll = args.poll;
    let mut announced: Option<(WatchSet, bool)> = None;
    loop {
        let set = WatchSet::new(&locations);
        let (watcher, events) = match start_watcher(&set, poll) {
            Ok(w) => w,
            Err(e) if !poll => {
                eprintln!("note: file notifications failed ({e}); polling instead");
                poll = true;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if announced.as_ref() != Some(&(set.clone(), poll)) {
            println!(
                "watching {} folder(s) for {} brief(s){}; Ctrl-C to stop",
                set.folders_to_watch().len(),
                locations.len(),
                if poll { " by polling" } else { "" }
            );
            announced = Some((set.clone(), poll));
        }
        match wait_for_changes(&set, &events, debounce) {
            Wait::Rebuild(briefs) => rebuild(&locations, &briefs, &registry, &options),
            Wait::Rescan(reason) => {
                if !poll {
                    eprintln!("note: {reason}; polling instead");
                    poll = true;
                }
                rebuild(&locations, &all, &registry, &options);
            }
        }
        drop(watcher);
    }
}

fn start_watcher(set: &WatchSet, poll: bool) -> notify::Result<(Box<dyn Watcher>, Events)> {
    let (tx, rx) = channel();
    let mut watcher: Box<dyn Watcher> = if poll {
        let config = notify::Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true);
        Box::new(PollWatcher::new(tx, config)?)
    } else {
        Box::new(RecommendedWatcher::new(tx, notify::Config::default())?)
    };
    for dir in set.folders_to_watch() {
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    }
    Ok((watcher, rx))
}

enum Wait {
    Rebuild(BTreeSet<usize>),
    Rescan(String),
}

/// Blocks until some input changes, then collects the burst it starts.
fn wait_for_changes(set: &WatchSet, events: &Events, debounce: Duration) -> Wait {
    let mut pending = BTreeSet::new();
    let mut first_change: Option<Instant> = None;
    loop {
        let next = match first_change {
            None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(start) => {
                let left = MAX_DEBOUNCE.saturating_sub(start.elapsed());
                events.recv_timeout(debounce.min(left))
            }
        };
        match next {
            Ok(Ok(event)) => {
                if event.need_rescan() {
                    return Wait::Rescan(
                        "the file watcher lost events and asked for a rescan".into(),
                    );
                }
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in &event.paths {
                    match set.classify(path) {
                        Change::Ignore => {}
                        Change::Rebuild(briefs) => {
                            pending.extend(briefs);
                            first_change.get_or_insert_with(Instant::now);
                        }
                        Change::Library(lib) => println!(
                            "plugin library {} changed: restart `brief watch` to load the new version",
                            lib.display()
                        ),
                    }
                }
            }
            Ok(Err(e)) => return Wait::Rescan(format!("the file watcher failed: {e}")),
            Err(RecvTimeoutError::Timeout) => return Wait::Rebuild(pending),
            Err(RecvTimeoutError::Disconnected) => {
                return Wait::Rescan("the file watcher stopped".into());
            }
        }
    }
}

/// Rebuilds the given briefs; a failure is printed and the last good outputs stay.
fn rebuild(
    locations: &[BriefLocation],
    which: &BTreeSet<usize>,
    registry: &PluginRegistry,
    options: &BuildOptions,
) {
    for &i in which {
        let loc = &locations[i];
        let start = Instant::now();
        let remote = crate::remote::RemoteSources::default();
        let built = crate::commands::build::build_one(
            loc,
            registry,
            &remote,
            Some(brief_engine::remote::SyncMode::Missing),
            options,
            brief_engine::DEFAULT_LOCK_WAIT,
        );
        match built {
            Ok(report) => {
                for w in &report.warnings {
                    eprintln!("{w}");
                }
                print_built(loc, &report, start.elapsed().as_millis());
            }
            Err(e) => eprintln!("error: {e:#} (keeping the last good outputs; still watching)"),
        }
    }
}
