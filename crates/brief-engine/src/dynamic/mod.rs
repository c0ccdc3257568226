//! Section plugins loaded at run time from shared libraries, each in a process of its own.
//!
//! The library speaks the C ABI of [`brief_core::abi`], but brief never loads it itself: a
//! host process (`brief plugin-host`, [`host`]) does, and the two exchange the same JSON
//! requests and responses over a Unix socket ([`frame`], [`session`]). Whatever the plugin
//! does (loops, sleeps, exits, aborts, crashes, lies about a length) ends at most its own
//! process; brief enforces a timeout and a response-size limit and reports each way a plugin
//! can fail as one line naming the library. Built-in plugins stay in-process.
//!
//! A host is started when a library is first loaded (to check its ABI and ask it to describe
//! itself) and kept for later calls; one that died or was stopped is started again on the
//! next call.

mod decode;
pub mod frame;
pub mod host;
mod session;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use brief_core::abi::{self, Description};
use brief_core::{PluginError, SectionOutput, SectionPlugin, SectionRequest};
use serde::de::DeserializeOwned;

pub use decode::decode_plugin_response;
use frame::TAG_HOST_ERROR;
use session::{Hello, HostProcess};

/// Why a plugin library could not be loaded. Messages name the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

/// How user plugins are run: which executable hosts them, and how long one may take to
/// answer a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginHost {
    /// An executable that understands `plugin-host` (brief itself).
    pub program: PathBuf,
    pub timeout: Duration,
}

impl Default for PluginHost {
    fn default() -> Self {
        Self {
            program: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("brief")),
            timeout: Duration::from_secs(brief_config::DEFAULT_PLUGIN_TIMEOUT_SECONDS),
        }
    }
}

/// A plugin living in a shared library, served by a host process.
#[derive(Debug)]
pub struct DynamicPlugin {
    description: Description,
    path: PathBuf,
    program: PathBuf,
    timeout: Mutex<Duration>,
    host: Mutex<Option<HostProcess>>,
}

impl DynamicPlugin {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets how long one call may take (brief.toml's `plugin_timeout_seconds`).
    pub fn set_timeout(&self, timeout: Duration) {
        *self.timeout.lock().unwrap_or_else(|e| e.into_inner()) = timeout;
    }

    fn timeout(&self) -> Duration {
        *self.timeout.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends one request and decodes the `ok` half of the response. `doing` names the call
    /// in messages, which name the library when its process failed (a plugin's own error or
    /// malformed answer speaks for itself).
    fn request<T: DeserializeOwned>(&self, body: &[u8], doing: &str) -> Result<T, PluginError> {
        self.exchange(body, doing).map_err(|e| match e {
            Failure::Plugin(e) => e,
            Failure::Process(m) => PluginError::new(format!("library {} {m}", self.path.display())),
        })
    }

    fn exchange<T: DeserializeOwned>(&self, body: &[u8], doing: &str) -> Result<T, Failure> {
        let timeout = self.timeout();
        let mut slot = self.host.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(self.restart(timeout)?);
        }
        let host = slot.as_mut().expect("started above");
        match host.call(body, timeout, doing) {
            Ok((TAG_HOST_ERROR, message)) => Err(Failure::Process(
                String::from_utf8_lossy(&message).into_owned(),
            )),
            Ok((status, bytes)) => {
                decode_plugin_response(&bytes, status, &self.description.schema_version)
                    .map_err(Failure::Plugin)
            }
            Err(message) => {
                *slot = None;
                Err(Failure::Process(message))
            }
        }
    }

    /// A new host for a plugin whose last one died or was stopped.
    fn restart(&self, timeout: Duration) -> Result<HostProcess, Failure> {
        match HostProcess::start(&self.program, &self.path, timeout).map_err(Failure::Process)? {
            Hello::Loaded(host, abi::ABI_VERSION) => Ok(host),
            Hello::Loaded(_, other) => Err(Failure::Process(format!(
                "changed to ABI v{other} since it was loaded"
            ))),
            Hello::Refused(message) => Err(Failure::Process(message)),
        }
    }
}

/// How a call failed: the plugin answered with an error, or its process did not answer.
enum Failure {
    Plugin(PluginError),
    Process(String),
}

impl SectionPlugin for DynamicPlugin {
    fn name(&self) -> &str {
        &self.description.name
    }

    fn version(&self) -> &str {
        &self.description.version
    }

    fn default_title(&self) -> &str {
        &self.description.default_title
    }

    fn build(&self, request: &SectionRequest<'_>) -> Result<SectionOutput, PluginError> {
        self.request(&abi::build_request_json(request), "building its section")
    }
}

/// Loaded libraries by canonical path: a library is loaded and described once per process.
fn cache() -> &'static Mutex<BTreeMap<PathBuf, Arc<DynamicPlugin>>> {
    static CACHE: OnceLock<Mutex<BTreeMap<PathBuf, Arc<DynamicPlugin>>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Loads the plugin library at `path` in a host process and asks it to describe itself.
pub fn load_plugin(path: &Path, host: &PluginHost) -> Result<Arc<DynamicPlugin>, LoadError> {
    let fail = |message: String| LoadError {
        path: path.display().to_string(),
        message,
    };
    // a FIFO or a device would block or feed the loader forever
    brief_fs::read::regular_metadata(path, "plugin library").map_err(|e| fail(e.message))?;
    let canonical = path
        .canonicalize()
        .map_err(|e| fail(format!("cannot open plugin library: {e}")))?;
    if let Some(p) = cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&canonical)
    {
        p.set_timeout(host.timeout);
        return Ok(p.clone());
    }
    let process = match HostProcess::start(&host.program, &canonical, host.timeout).map_err(fail)? {
        Hello::Refused(message) => return Err(fail(message)),
        Hello::Loaded(process, version) if version != abi::ABI_VERSION => {
            drop(process);
            let age = if version < abi::ABI_VERSION {
                "an older"
            } else {
                "a newer"
            };
            return Err(fail(format!(
                "plugin uses {age} plugin ABI (v{version}); this brief speaks ABI v{}: rebuild the plugin against brief-core {}",
                abi::ABI_VERSION,
                env!("CARGO_PKG_VERSION")
            )));
        }
        Hello::Loaded(process, _) => process,
    };
    let mut plugin = DynamicPlugin {
        description: Description {
            name: String::new(),
            version: String::new(),
            default_title: String::new(),
            schema_version: String::new(),
        },
        path: canonical.clone(),
        program: host.program.clone(),
        timeout: Mutex::new(host.timeout),
        host: Mutex::new(Some(process)),
    };
    let description: Description = plugin
        .exchange(&abi::describe_request_json(), "describing itself")
        .map_err(|e| match e {
            Failure::Plugin(e) => fail(format!("cannot describe itself: {}", e.message)),
            Failure::Process(m) => fail(format!("cannot describe itself: {m}")),
        })?;
    if !abi::schema_compatible(&description.schema_version) {
        return Err(fail(format!(
            "plugin speaks schema {} but this brief speaks {}: rebuild it against brief-core {}",
            brief_core::printable(&description.schema_version),
            brief_core::SCHEMA_VERSION,
            env!("CARGO_PKG_VERSION")
        )));
    }
    if description.name.is_empty()
        || !description
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(fail(format!(
            "plugin name `{}` must be letters, digits, - or _",
            brief_core::printable(&description.name)
        )));
    }
    plugin.description = description;
    let plugin = Arc::new(plugin);
    cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(canonical, plugin.clone());
    Ok(plugin)
}
