//! The `brief` command line.

mod commands;
mod plugins;
mod remote;
mod usage;
mod watch_set;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  brief new briefs/grain --title \"Grain corridor\" --from notes/article.txt
  brief build briefs/grain              writes briefs/grain/out/grain.md and grain.json
  brief build                           builds ./brief.toml, or every brief under ./briefs/
  brief build briefs/grain --format md --out /tmp/out
  brief check briefs/grain              validates everything, writes nothing
  brief watch briefs/grain              rebuilds when a source, brief.toml or template changes
  brief schedule --once                 one pass over every brief whose [schedule] is due
  brief summarize article.txt --sentences 3
  brief plugins
  brief plugin new key-figures --dir ~/brief-plugins";

#[derive(Debug, Parser)]
#[command(name = "brief", version, about = "Turn source articles into policy briefs with traceable key points, recommendations and risks", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Scaffold a new brief folder with brief.toml and its sources.
    New(commands::new::NewArgs),
    /// Build briefs: Markdown and JSON (as brief.toml's `outputs` says, or --format).
    Build(commands::build::BuildArgs),
    /// Rebuild briefs whenever a file they read changes.
    Watch(commands::watch::WatchArgs),
    /// Regenerate briefs on their [schedule]: cron or a fixed interval.
    Schedule(commands::schedule::ScheduleArgs),
    /// List a brief's editions: every build that changed its outputs.
    History(commands::history::HistoryArgs),
    /// Show what changed in the Markdown between two editions (default: the last two).
    Diff(commands::history::DiffArgs),
    /// Validate config, sources, templates and plugins without writing anything.
    Check(commands::build::CheckArgs),
    /// List the section plugins: name, version, ABI and where each comes from.
    Plugins(commands::plugins::PluginsArgs),
    /// Work on section plugins of your own.
    #[command(subcommand)]
    Plugin(commands::plugin_new::PluginCommand),
    /// Print an extractive summary of one text, or summarize JSON lines in batch.
    Summarize(commands::summarize::SummarizeArgs),
    /// Print shell completions.
    Completions(commands::completions::CompletionsArgs),
    /// Internal: serve one user plugin library to a brief process.
    #[command(hide = true)]
    PluginHost(commands::plugin_host::PluginHostArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::PluginHost(args) => return commands::plugin_host::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Build(args) => commands::build::run_build(args),
        Command::Watch(args) => commands::watch::run(args),
        Command::Check(args) => commands::build::run_check(args),
        Command::Schedule(args) => commands::schedule::run(args),
        Command::History(args) => commands::history::run_history(args),
        Command::Diff(args) => commands::history::run_diff(args),
        Command::Plugins(args) => commands::plugins::run(args),
        Command::Plugin(cmd) => commands::plugin_new::run(cmd),
        Command::Summarize(args) => commands::summarize::run(args),
        Command::Completions(args) => commands::completions::run::<Cli>(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(usage::exit_code(&err))
        }
    }
}
