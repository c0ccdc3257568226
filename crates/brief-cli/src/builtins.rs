//! The plugins compiled into `brief`.

use brief_engine::{PluginOrigin, PluginRegistry};

pub fn registry() -> PluginRegistry {
    let mut registry = PluginRegistry::new();
    for plugin in [
        Box::new(brief_plugin_summary::SummaryPlugin) as Box<dyn brief_core::SectionPlugin>,
        Box::new(brief_plugin_recommendations::RecommendationsPlugin),
        Box::new(brief_plugin_risk_matrix::RiskMatrixPlugin),
    ] {
        registry
            .register(plugin, PluginOrigin::BuiltIn)
            .expect("built-in plugin names are distinct");
    }
    registry
}
