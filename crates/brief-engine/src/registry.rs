//! The plugins a build may use, by name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use brief_core::SectionPlugin;

use crate::dynamic::{DynamicPlugin, LoadError, PluginHost, load_plugin};

/// Where a plugin came from, for `brief plugins` and for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginOrigin {
    BuiltIn,
    /// A shared library speaking C ABI `abi`.
    Library {
        path: PathBuf,
        abi: u32,
    },
}

impl std::fmt::Display for PluginOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PluginOrigin::BuiltIn => f.write_str("built-in"),
            PluginOrigin::Library { path, .. } => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Clone)]
struct Entry {
    plugin: Arc<dyn SectionPlugin>,
    origin: PluginOrigin,
    /// The same plugin, when it is a library served by a host process.
    dynamic: Option<Arc<DynamicPlugin>>,
}

/// Plugins by name. Names are unique: registering a second plugin of the same name fails.
#[derive(Default, Clone)]
pub struct PluginRegistry {
    plugins: BTreeMap<String, Entry>,
    host: PluginHost,
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

    /// Adds a plugin; fails, naming both, when the name is taken.
    pub fn register(
        &mut self,
        plugin: Arc<dyn SectionPlugin>,
        origin: PluginOrigin,
    ) -> Result<(), String> {
        let name = plugin.name().to_string();
        if let Some(existing) = self.plugins.get(&name) {
            return Err(format!(
                "two plugins are named `{name}`: {} and {origin}",
                existing.origin
            ));
        }
        self.plugins.insert(
            name,
            Entry {
                plugin,
                origin,
                dynamic: None,
            },
        );
        Ok(())
    }

    /// How user plugins are hosted (the executable, the default timeout).
    pub fn with_host(mut self, host: PluginHost) -> Self {
        self.host = host;
        self
    }

    /// Loads a plugin library (in a host process) and registers it.
    pub fn load_library(&mut self, path: &Path) -> Result<(), LoadError> {
        let plugin = load_plugin(path, &self.host)?;
        let origin = PluginOrigin::Library {
            path: plugin.path().to_path_buf(),
            abi: brief_core::abi::ABI_VERSION,
        };
        self.register(plugin.clone(), origin)
            .map_err(|message| LoadError {
                path: path.display().to_string(),
                message,
            })?;
        if let Some(entry) = self.plugins.get_mut(plugin.name()) {
            entry.dynamic = Some(plugin);
        }
        Ok(())
    }

    /// Sets each library plugin's call timeout: `timeout_of(path)` for its library.
    pub fn set_timeouts(&self, timeout_of: impl Fn(&Path) -> Duration) {
        for entry in self.plugins.values() {
            if let Some(p) = &entry.dynamic {
                p.set_timeout(timeout_of(p.path()));
            }
        }
    }

    /// Loads every shared library in `dir` (a user plugin folder), in name order.
    pub fn load_folder(&mut self, dir: &Path) -> Result<(), LoadError> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Ok(());
        };
        // a FIFO named `x.so` is refused by load_library with a message naming it
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "so" | "dylib" | "dll"))
            })
            .collect();
        paths.sort();
        for path in paths {
            self.load_library(&path)?;
        }
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
