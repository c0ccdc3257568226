//! `brief plugins [BRIEF]`

use std::path::PathBuf;

use brief_engine::PluginOrigin;

#[derive(Debug, clap::Args)]
pub struct PluginsArgs {
    /// Also list the plugins this brief loads with `[[plugins]]`.
    brief: Option<PathBuf>,
}

pub fn run(args: PluginsArgs) -> anyhow::Result<()> {
    let mut registry = crate::plugins::registry()?;
    if let Some(brief) = args.brief {
        let location = brief_engine::locate_brief(&brief)?;
        let config = brief_config::load(&location.toml)?;
        for p in &config.plugins {
            registry.load_library(&location.dir.join(&p.path))?;
        }
    }
    println!("{:<18} {:<9} {:<4} PATH", "NAME", "VERSION", "ABI");
    for p in registry.list() {
        let (abi, path) = match &p.origin {
            PluginOrigin::BuiltIn => ("-".to_string(), "built-in".to_string()),
            PluginOrigin::Library { path, abi } => (abi.to_string(), path.display().to_string()),
        };
        println!("{:<18} {:<9} {:<4} {path}", p.name, p.version, abi);
    }
    Ok(())
}
