//! `brief build` and `brief check`

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};

use crate::remote::RemoteSources;
use brief_engine::remote::SyncMode;
use brief_engine::{BriefLocation, BuildOptions, BuildReport, Format, find_briefs, locate_brief};

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
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Brief folders (or their brief.toml). Default: as for `brief build`.
    briefs: Vec<PathBuf>,
}

pub fn parse_formats(names: &[String]) -> anyhow::Result<Option<Vec<Format>>> {
    let mut formats = Vec::new();
    for f in names {
        match Format::parse(f) {
            Some(format) => formats.push(format),
            None => bail!("unknown format `{f}`; expected md, json or pdf"),
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
    run_each(&args.briefs, &options, print_built)
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
    run_each(&args.briefs, &options, |loc, report, _| {
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
    on_success: impl Fn(&BriefLocation, &BuildReport, u128),
) -> anyhow::Result<()> {
    let locations = locations(briefs)?;
    let registry = crate::plugins::registry()?;
    let remote = RemoteSources::default();
    // `brief check` writes nothing, so it fetches nothing either
    let fetch = |loc: &BriefLocation| match (options.dry_run, options.force) {
        (true, _) => Ok(()),
        (false, true) => remote.sync(loc, SyncMode::Force),
        (false, false) => remote.sync(loc, SyncMode::Missing),
    };
    if let [only] = locations.as_slice() {
        let start = Instant::now();
        fetch(only)?;
        let report = brief_engine::build(only, &registry, options)?;
        for w in &report.warnings {
            eprintln!("{w}");
        }
        on_success(only, &report, start.elapsed().as_millis());
        return Ok(());
    }
    let mut failed = 0;
    for loc in &locations {
        let start = Instant::now();
        match fetch(loc)
            .and_then(|()| brief_engine::build(loc, &registry, options).map_err(Into::into))
        {
            Ok(report) => {
                for w in &report.warnings {
                    eprintln!("{w}");
                }
                on_success(loc, &report, start.elapsed().as_millis());
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of {} briefs failed", locations.len());
    }
    Ok(())
}
