//! `brief summarize` (to be written with the summary issue).

#[derive(Debug, clap::Args)]
pub struct SummarizeArgs {}

pub fn run(_args: SummarizeArgs) -> anyhow::Result<()> {
    anyhow::bail!("summarize is not built yet")
}
