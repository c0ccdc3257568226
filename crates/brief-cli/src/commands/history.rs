//! `brief history BRIEF` and `brief diff BRIEF [A B]`

use std::path::PathBuf;

use anyhow::{Context, bail};
use brief_engine::editions;

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The brief folder (or its brief.toml).
    brief: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The brief folder (or its brief.toml).
    brief: PathBuf,
    /// Older edition number (default: the one before the newest).
    a: Option<u32>,
    /// Newer edition number (default: the newest).
    b: Option<u32>,
}

pub fn run_history(args: HistoryArgs) -> anyhow::Result<()> {
    let location = brief_engine::locate_brief(&args.brief)?;
    let all = editions::list(&location);
    if all.is_empty() {
        println!("no editions yet: build the brief first");
        return Ok(());
    }
    println!(
        "{:<8} {:<22} {:>7} {:>8}",
        "EDITION", "RECORDED (UTC)", "INPUTS", "OUTPUTS"
    );
    for m in &all {
        println!(
            "{:<8} {:<22} {:>7} {:>8}",
            m.number,
            utc(m.created),
            m.inputs.len(),
            m.outputs.len()
        );
    }
    Ok(())
}

pub fn run_diff(args: DiffArgs) -> anyhow::Result<()> {
    let location = brief_engine::locate_brief(&args.brief)?;
    let all = editions::list(&location);
    let (a, b) = match (args.a, args.b) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) => (a, all.last().map_or(a, |m| m.number)),
        (None, _) if all.len() >= 2 => (all[all.len() - 2].number, all[all.len() - 1].number),
        _ => bail!(
            "{}: fewer than two editions; nothing to compare",
            location.dir.display()
        ),
    };
    let text = |n: u32| -> anyhow::Result<String> {
        let manifest = all
            .iter()
            .find(|m| m.number == n)
            .with_context(|| format!("no edition {n}; see `brief history`"))?;
        let name = editions::output_named(manifest, "md")
            .with_context(|| format!("edition {n} has no Markdown output to compare"))?;
        let bytes = editions::read_output(&location, n, &name)
            .with_context(|| format!("edition {n}: {name} is missing"))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let (old, new) = (text(a)?, text(b)?);
    let diff = similar::TextDiff::from_lines(&old, &new);
    print!(
        "{}",
        diff.unified_diff()
            .context_radius(2)
            .header(&format!("edition {a}"), &format!("edition {b}"))
    );
    Ok(())
}

/// `YYYY-MM-DD HH:MM:SS` for seconds since the epoch (proleptic Gregorian, UTC).
fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // civil-from-days (Howard Hinnant's algorithm)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_utc() {
        assert_eq!(super::utc(0), "1970-01-01 00:00:00");
        assert_eq!(super::utc(1_795_869_007), "2026-11-28 12:30:07");
    }
}
