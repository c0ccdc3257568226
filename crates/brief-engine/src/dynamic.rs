//! Section plugins loaded at run time from shared libraries.
//!
//! The library speaks the C ABI of [`brief_core::abi`]: we check its ABI version before
//! touching anything else, ask it to describe itself, and from then on send JSON requests and
//! read JSON responses. Libraries are never unloaded: unloading a Rust library that used thread
//! locals is undefined behaviour, and a build only ever loads a handful.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use brief_core::abi::{self, AbiVersionFn, CallFn, Description, FreeFn, WireResponse};
use brief_core::{PluginError, SectionOutput, SectionPlugin, SectionRequest};
use serde::de::DeserializeOwned;

/// Why a plugin library could not be loaded. Messages name the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

/// A plugin living in a shared library.
#[derive(Debug)]
pub struct DynamicPlugin {
    description: Description,
    path: PathBuf,
    call: CallFn,
    free: FreeFn,
}

impl DynamicPlugin {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sends one request and decodes the `ok` half of the response.
    fn request<T: DeserializeOwned>(&self, body: &[u8]) -> Result<T, PluginError> {
        let mut ptr: *mut u8 = std::ptr::null_mut();
        let mut len: usize = 0;
        // SAFETY: `call` was resolved from a library that declared ABI_VERSION, whose contract
        // is that it reads `body` and writes one buffer it owns to `ptr`/`len`.
        #[allow(unsafe_code)]
        let status = unsafe { (self.call)(body.as_ptr(), body.len(), &mut ptr, &mut len) };
        if ptr.is_null() {
            return Err(PluginError::new(format!(
                "returned no response (status {status})"
            )));
        }
        // SAFETY: the plugin handed us `len` bytes at `ptr`; we copy them and give them back to
        // the plugin's own allocator exactly once.
        #[allow(unsafe_code)]
        let bytes = unsafe {
            let copy = std::slice::from_raw_parts(ptr, len).to_vec();
            (self.free)(ptr, len);
            copy
        };
        decode_plugin_response(&bytes, status, &self.description.schema_version)
    }
}

/// Decodes the response buffer of one `brief_plugin_call`: the JSON envelope, then its `ok`
/// half as `T` (a [`SectionOutput`] or a [`Description`]). `status` is what the call
/// returned; `schema_version` is the schema the plugin says it speaks (empty before it has
/// described itself), named in schema-mismatch messages.
///
/// Public so the fuzz target in `tests/fuzz` can feed it arbitrary bytes without a library.
pub fn decode_plugin_response<T: DeserializeOwned>(
    bytes: &[u8],
    status: i32,
    schema_version: &str,
) -> Result<T, PluginError> {
    // brief promises one-line errors, but both the plugin's own error and serde's complaints
    // (which quote unknown variant and field names verbatim) can carry line breaks.
    decode_envelope(bytes, status, schema_version).map_err(|e| PluginError {
        message: one_line(&e.message),
        option: e.option.as_deref().map(one_line),
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_envelope<T: DeserializeOwned>(
    bytes: &[u8],
    status: i32,
    schema_version: &str,
) -> Result<T, PluginError> {
    let envelope: WireResponse<serde_json::Value> = serde_json::from_slice(bytes)
        .map_err(|e| PluginError::new(format!("returned invalid JSON (status {status}): {e}")))?;
    match (envelope.ok, envelope.error) {
        (_, Some(error)) => Err(PluginError {
            message: error.message,
            option: error.option,
        }),
        (Some(ok), None) if status == abi::STATUS_OK => {
            serde_path_to_error::deserialize(ok).map_err(|e| {
                PluginError::new(format!(
                    "returned JSON that does not match schema {} (it says it speaks {}): at `{}`: {}",
                    brief_core::SCHEMA_VERSION,
                    schema_version,
                    e.path(),
                    e.inner()
                ))
            })
        }
        _ => Err(PluginError::new(format!(
            "returned status {status} without an error message"
        ))),
    }
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
        self.request(&abi::build_request_json(request))
    }
}

/// Loaded libraries by canonical path: a library is loaded and described once per process.
fn cache() -> &'static Mutex<BTreeMap<PathBuf, Arc<DynamicPlugin>>> {
    static CACHE: OnceLock<Mutex<BTreeMap<PathBuf, Arc<DynamicPlugin>>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Loads the plugin library at `path`.
pub fn load_plugin(path: &Path) -> Result<Arc<DynamicPlugin>, LoadError> {
    let fail = |message: String| LoadError {
        path: path.display().to_string(),
        message,
    };
    let canonical = path
        .canonicalize()
        .map_err(|e| fail(format!("cannot open plugin library: {e}")))?;
    if let Some(p) = cache().lock().expect("plugin cache lock").get(&canonical) {
        return Ok(p.clone());
    }
    // SAFETY: loading runs the library's initialisers. We only load paths the user configured.
    #[allow(unsafe_code)]
    let library = unsafe { libloading::Library::new(&canonical) }
        .map_err(|e| fail(format!("not a loadable shared library: {e}")))?;
    // never unloaded, see the module comment
    let library: &'static libloading::Library = Box::leak(Box::new(library));
    let symbol = |name: &str| {
        format!(
            "missing symbol `{name}`: not a brief plugin (build it with brief_core::export_section_plugin!)"
        )
    };
    // SAFETY: the symbol types are fixed by docs/plugin-abi.md; the version is checked before
    // the other two symbols are used.
    #[allow(unsafe_code)]
    let (version_fn, call, free) = unsafe {
        let version_fn: AbiVersionFn = *library
            .get::<AbiVersionFn>(abi::SYMBOL_ABI_VERSION.as_bytes())
            .map_err(|_| fail(symbol(abi::SYMBOL_ABI_VERSION)))?;
        let call: CallFn = *library
            .get::<CallFn>(abi::SYMBOL_CALL.as_bytes())
            .map_err(|_| fail(symbol(abi::SYMBOL_CALL)))?;
        let free: FreeFn = *library
            .get::<FreeFn>(abi::SYMBOL_FREE.as_bytes())
            .map_err(|_| fail(symbol(abi::SYMBOL_FREE)))?;
        (version_fn, call, free)
    };
    // SAFETY: a no-argument function returning u32, per the ABI.
    #[allow(unsafe_code)]
    let version = unsafe { version_fn() };
    if version != abi::ABI_VERSION {
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
    let mut plugin = DynamicPlugin {
        description: Description {
            name: String::new(),
            version: String::new(),
            default_title: String::new(),
            schema_version: String::new(),
        },
        path: canonical.clone(),
        call,
        free,
    };
    let description: Description = plugin
        .request(&abi::describe_request_json())
        .map_err(|e| fail(format!("cannot describe itself: {}", e.message)))?;
    if !abi::schema_compatible(&description.schema_version) {
        return Err(fail(format!(
            "plugin speaks schema {} but this brief speaks {}: rebuild it against brief-core {}",
            description.schema_version,
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
            description.name
        )));
    }
    plugin.description = description;
    let plugin = Arc::new(plugin);
    cache()
        .lock()
        .expect("plugin cache lock")
        .insert(canonical, plugin.clone());
    Ok(plugin)
}

#[cfg(test)]
mod tests {
    use brief_core::SectionOutput;
    use brief_core::abi::STATUS_OK;

    use super::*;

    #[test]
    fn unknown_variant_with_a_carriage_return_gives_a_one_line_error() {
        // Minimized from a plugin_response fuzz crash: serde quotes the unknown variant
        // verbatim, so the `\r` reached brief's error output.
        let body = br#"{"ok":{"items":[],"diagnostics":[{"level":"w\rning","message":"m"}]}}"#;
        let err = decode_plugin_response::<SectionOutput>(body, STATUS_OK, "1.0").unwrap_err();
        assert!(!err.message.contains(['\n', '\r']), "{:?}", err.message);
        assert!(
            err.message.contains("unknown variant `w ning`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_plugin_error_message_with_line_breaks_is_flattened() {
        let body = br#"{"error":{"message":"first\nsecond\r\nthird","option":"a\nb"}}"#;
        let err = decode_plugin_response::<SectionOutput>(body, 1, "1.0").unwrap_err();
        assert_eq!(err.message, "first second third");
        assert_eq!(err.option.as_deref(), Some("a b"));
    }
}
