//! The plugins a build may use, by name.

use std::collections::BTreeMap;

use brief_core::SectionPlugin;

/// Where a plugin came from, for `brief plugins`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginOrigin {
    BuiltIn,
}

struct Entry {
    plugin: Box<dyn SectionPlugin>,
    origin: PluginOrigin,
}

/// Plugins by name. Names are unique: registering a second plugin of the same name fails.
#[derive(Default)]
pub struct PluginRegistry {
    plugins: BTreeMap<String, Entry>,
}

impl std::fmt::Debug for PluginRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.plugins.keys()).finish()
    }
}

/// A line of `brief plugins`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginListing {
    pub name: String,
    pub version: String,
    pub origin: PluginOrigin,
}

impl PluginRegistry {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn register(
        &mut self,
        plugin: Box<dyn SectionPlugin>,
        origin: PluginOrigin,
    ) -> Result<(), String> {
        let name = plugin.name().to_string();
        if self.plugins.contains_key(&name) {
            return Err(format!("two plugins are named `{name}`"));
        }
        self.plugins.insert(name, Entry { plugin, origin });
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&dyn SectionPlugin> {
        self.plugins.get(name).map(|e| e.plugin.as_ref())
    }

    pub fn names(&self) -> Vec<&str> {
        self.plugins.keys().map(String::as_str).collect()
    }

    pub fn list(&self) -> Vec<PluginListing> {
        self.plugins
            .values()
            .map(|e| PluginListing {
                name: e.plugin.name().to_string(),
                version: e.plugin.version().to_string(),
                origin: e.origin.clone(),
            })
            .collect()
    }
}
