//! `brief build` and `brief check`

use std::path::PathBuf;
use std::time::Instant;

use std::time::Duration;

use anyhow::{Context, bail};

use crate::remote::RemoteSources;
use crate::usage::UsageError;
use brief_engine::remote::SyncMode;
use brief_engine::{
    BriefLocation, BuildLock, BuildOptions, BuildReport, DEFAULT_LOCK_WAIT, Format, PluginRegistry,
    find_briefs, locate_brief,
};

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Brief folders (or their brief.toml). Default: ./brief.toml, else every brief in ./briefs/.
    briefs: Vec<PathBuf>,
    /// Output folder (default: the brief's `out_dir`, normally BRIEF/out).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Comma-separated formats: md, json, pdf (default: brief.toml's `outputs`).
    #[arg(long, value_delimiter = ',')]
    format: Vec<String>,
    /// Rebuild even when nothing changed since the last build, and fetch every remote
    /// source afresh.
    #[arg(long)]
    force: bool,
    /// Seconds to wait when another build of the same brief (a `brief watch`, a cron job) is
    /// running, before giving up.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_LOCK_WAIT.as_secs())]
    wait: u64,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Brief folders (or their brief.toml). Default: as for `brief build`.
    briefs: Vec<PathBuf>,
}

/// `--format md,json`: an unknown name is a usage error (exit 2).
pub fn parse_formats(names: &[String]) -> anyhow::Result<Option<Vec<Format>>> {
    let mut formats = Vec::new();
    for f in names {
        match Format::parse(f) {
            Some(format) => formats.push(format),
            None => {
                return Err(UsageError(format!(
                    "unknown format `{}` for --format; expected md, json or pdf",
                    brief_core::printable(f)
                ))
                .into());
            }
        }
    }
    Ok((!formats.is_empty()).then_some(formats))
}

pub fn run_build(args: BuildArgs) -> anyhow::Result<()> {
    let options = BuildOptions {
        out_dir: args.out,
        formats: parse_formats(&args.format)?,
        dry_run: false,
        force: args.force,
    };
    let wait = Duration::from_secs(args.wait);
    run_each(&args.briefs, &options, wait, print_built)
}

/// One build of one brief as every command does it: take the brief's build lock (waiting up
/// to `wait` for another build), fetch what `mode` asks of its remote sources, build. The
/// lock covers the fetch too, since the fetch writes the cache the build reads.
pub fn build_one(
    location: &BriefLocation,
    registry: &PluginRegistry,
    remote: &RemoteSources,
    mode: Option<SyncMode>,
    options: &BuildOptions,
    wait: Duration,
) -> anyhow::Result<BuildReport> {
    let _lock = if options.dry_run {
        None
    } else {
        Some(BuildLock::acquire(location, wait)?)
    };
    if let Some(mode) = mode {
        remote.sync(location, mode)?;
    }
    Ok(brief_engine::build(location, registry, options)?)
}

/// The line `brief build` (and `brief watch`) prints after a successful build.
pub fn print_built(location: &BriefLocation, report: &BuildReport, elapsed_ms: u128) {
    if report.up_to_date {
        println!("up to date: {}", location.dir.display());
        return;
    }
    let outputs: Vec<String> = report
        .outputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    println!(
        "built {} in {elapsed_ms} ms: {}",
        location.dir.display(),
        outputs.join(", ")
    );
}

pub fn run_check(args: CheckArgs) -> anyhow::Result<()> {
    let options = BuildOptions {
        dry_run: true,
        ..BuildOptions::default()
    };
    run_each(&args.briefs, &options, Duration::ZERO, |loc, report, _| {
        let Some(brief) = &report.brief else { return };
        let items: usize = brief.sections.iter().map(|s| s.items.len()).sum();
        println!(
            "ok {}: {} sources, {} sections, {} items",
            loc.dir.display(),
            brief.sources.len(),
            brief.sections.len(),
            items
        );
    })
}

/// The briefs named, or the default ones when none is.
pub fn locations(briefs: &[PathBuf]) -> anyhow::Result<Vec<BriefLocation>> {
    if briefs.is_empty() {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        Ok(find_briefs(&cwd)?)
    } else {
        Ok(briefs
            .iter()
            .map(|b| locate_brief(b))
            .collect::<Result<_, _>>()?)
    }
}

/// Builds each brief; one failing brief does not stop the others, but fails the command.
fn run_each(
    briefs: &[PathBuf],
    options: &BuildOptions,
    wait: Duration,
    on_success: impl Fn(&BriefLocation, &BuildReport, u128),
) -> anyhow::Result<()> {
    let locations = locations(briefs)?;
    let registry = crate::plugins::registry()?;
    let remote = RemoteSources::default();
    // `brief check` writes nothing, so it fetches nothing either
    let mode = match (options.dry_run, options.force) {
        (true, _) => None,
        (false, true) => Some(SyncMode::Force),
        (false, false) => Some(SyncMode::Missing),
    };
    let one = |loc: &BriefLocation| -> anyhow::Result<BuildReport> {
        if options.dry_run {
            check_schedule(loc)?;
        }
        build_one(loc, &registry, &remote, mode, options, wait)
    };
    if let [only] = locations.as_slice() {
        let start = Instant::now();
        let report = one(only)?;
        for w in &report.warnings {
            eprintln!("{w}");
        }
        on_success(only, &report, start.elapsed().as_millis());
        return Ok(());
    }
    let mut failed = 0;
    for loc in &locations {
        let start = Instant::now();
        match one(loc) {
            Ok(report) => {
                for w in &report.warnings {
                    eprintln!("{w}");
                }
                on_success(loc, &report, start.elapsed().as_millis());
            }
            Err(e) => {
                eprintln!("error: {e:#}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of {} briefs failed", locations.len());
    }
    Ok(())
}

/// `brief check` also checks `[schedule]`, which only `brief schedule` reads: a schedule that
/// can never run, or would overflow the clock, is an error now rather than at 06:00.
fn check_schedule(location: &BriefLocation) -> anyhow::Result<()> {
    let config = brief_config::load(&location.toml)?;
    if let Some(spec) = &config.schedule {
        brief_schedule::Schedule::parse(spec)
            .map_err(|e| anyhow::anyhow!("{}:{}: {e}", location.toml.display(), spec.line))?;
    }
    Ok(())
}
