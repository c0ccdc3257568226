//! Fetching a brief's remote sources before it is built, and saying what happened.

use std::cell::OnceCell;

use brief_engine::BriefLocation;
use brief_engine::remote::{SyncEvent, SyncMode, cache_dir, read_manifest, sync_remote_sources};
use brief_fetch::{FetchConfig, Fetcher};

/// One fetcher per command, created on first use: briefs without remote sources never pay
/// for an HTTP client, and all briefs share one per-host rate limit.
#[derive(Default)]
pub struct RemoteSources {
    fetcher: OnceCell<Fetcher>,
}

impl RemoteSources {
    /// Refreshes the brief's remote sources as `mode` says. Fetch problems are warnings
    /// (the last copy is used); only local failures are errors.
    pub fn sync(&self, location: &BriefLocation, mode: SyncMode) -> anyhow::Result<()> {
        let config = brief_config::load(&location.toml)?;
        if !config
            .sources
            .iter()
            .any(|s| s.location.remote_url().is_some())
        {
            return Ok(());
        }
        let fetcher = self
            .fetcher
            .get_or_init(|| Fetcher::new(FetchConfig::default()));
        for report in sync_remote_sources(location, &config, fetcher, mode)? {
            match report.event {
                SyncEvent::Updated { .. } if !report.event.is_problem() => println!("{report}"),
                // with no copy to keep, the build stops on this source and its error line
                // gives the cause; a warning claiming a kept copy would be wrong and repeat it
                SyncEvent::Failed { .. } if !has_copy(location, &report.id, &report.url) => {}
                _ if report.event.is_problem() => eprintln!("{report}"),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Whether the cache holds a copy of the source fetched from this URL, as the build reads it.
fn has_copy(location: &BriefLocation, id: &str, url: &str) -> bool {
    read_manifest(&cache_dir(location, id)).is_some_and(|(m, _)| m.url == url)
}
