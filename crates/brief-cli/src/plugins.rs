//! The plugins `brief` can use: the built-ins compiled in, plus libraries in the user plugin
//! folder. Nothing is loaded from the current folder implicitly.

use std::path::PathBuf;
use std::sync::Arc;

use brief_engine::{PluginOrigin, PluginRegistry};

/// The user plugin folder: `$BRIEF_PLUGIN_DIR`, else `$XDG_CONFIG_HOME/brief/plugins`, else
/// `~/.config/brief/plugins`.
pub fn user_plugin_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BRIEF_PLUGIN_DIR") {
        return Some(PathBuf::from(dir));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("brief").join("plugins"))
}

pub fn builtins() -> PluginRegistry {
    let mut registry = PluginRegistry::new();
    for plugin in [
        Arc::new(brief_plugin_summary::SummaryPlugin) as Arc<dyn brief_core::SectionPlugin>,
        Arc::new(brief_plugin_recommendations::RecommendationsPlugin),
        Arc::new(brief_plugin_risk_matrix::RiskMatrixPlugin),
    ] {
        registry
            .register(plugin, PluginOrigin::BuiltIn)
            .expect("built-in plugin names are distinct");
    }
    registry
}

/// Built-ins plus the user plugin folder.
pub fn registry() -> anyhow::Result<PluginRegistry> {
    let mut registry = builtins();
    if let Some(dir) = user_plugin_dir() {
        registry.load_folder(&dir)?;
    }
    Ok(registry)
}
