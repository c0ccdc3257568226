//! The C ABI that plugins loaded at run time export: three symbols, JSON bytes in and out.
//!
//! Rust trait objects are not a stable ABI: two compilers (or one compiler with reordered trait
//! methods) lay them out differently, and a panic crossing `extern "C"` aborts the host. So a
//! dynamic plugin exposes plain C functions, speaks JSON, and catches its own panics. Authors
//! never write this by hand: [`export_section_plugin!`](crate::export_section_plugin) generates
//! it from a [`SectionPlugin`]. The contract is specified in docs/plugin-abi.md.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    Article, BriefMeta, PluginError, SCHEMA_VERSION, SectionOutput, SectionPlugin, SectionRequest,
};

/// Version of the C interface (the three symbols and their signatures). Bumped only when
/// they change; the JSON inside evolves through [`SCHEMA_VERSION`] instead.
pub const ABI_VERSION: u32 = 1;

pub const SYMBOL_ABI_VERSION: &str = "brief_plugin_abi_version";
pub const SYMBOL_CALL: &str = "brief_plugin_call";
pub const SYMBOL_FREE: &str = "brief_plugin_free";

/// `uint32_t brief_plugin_abi_version(void)`
pub type AbiVersionFn = unsafe extern "C" fn() -> u32;
/// `int32_t brief_plugin_call(const uint8_t *req, size_t req_len, uint8_t **resp, size_t *resp_len)`
pub type CallFn = unsafe extern "C" fn(*const u8, usize, *mut *mut u8, *mut usize) -> i32;
/// `void brief_plugin_free(uint8_t *ptr, size_t len)`
pub type FreeFn = unsafe extern "C" fn(*mut u8, usize);

/// Status codes of `brief_plugin_call`. The response buffer holds JSON in every case.
pub const STATUS_OK: i32 = 0;
pub const STATUS_PLUGIN_ERROR: i32 = 1;
pub const STATUS_BAD_REQUEST: i32 = 2;
pub const STATUS_PANIC: i32 = 3;

/// What a plugin says about itself, answering `{"method": "describe"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    pub name: String,
    pub version: String,
    pub default_title: String,
    pub schema_version: String,
}

/// A request as a plugin receives it: the owned twin of [`SectionRequest`].
#[derive(Debug, Clone, Deserialize)]
pub struct OwnedRequest {
    pub schema_version: String,
    pub section_id: String,
    #[serde(default)]
    pub brief: BriefMeta,
    #[serde(default)]
    pub options: Value,
    #[serde(default)]
    pub articles: Vec<Article>,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
enum WireRequest {
    Describe,
    Build { request: OwnedRequest },
}

/// The response envelope: exactly one of `ok` and `error`.
#[derive(Debug, Serialize, Deserialize)]
pub struct WireResponse<T> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<PluginError>,
}

/// True when a peer speaking `theirs` can be understood: same major version.
pub fn schema_compatible(theirs: &str) -> bool {
    let major = |v: &str| v.split('.').next().unwrap_or("").to_string();
    major(theirs) == major(SCHEMA_VERSION)
}

/// The JSON body of a `build` call for `request`.
pub fn build_request_json(request: &SectionRequest<'_>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Build<'a> {
        method: &'static str,
        request: &'a SectionRequest<'a>,
    }
    serde_json::to_vec(&Build {
        method: "build",
        request,
    })
    .expect("requests always serialise")
}

/// The JSON body of a `describe` call.
pub fn describe_request_json() -> Vec<u8> {
    br#"{"method":"describe"}"#.to_vec()
}

fn respond(plugin: &dyn SectionPlugin, body: &[u8]) -> (i32, Vec<u8>) {
    let request: WireRequest = match serde_json::from_slice(body) {
        Ok(r) => r,
        Err(e) => {
            return error_response(STATUS_BAD_REQUEST, format!("cannot read the request: {e}"));
        }
    };
    match request {
        WireRequest::Describe => {
            let d = Description {
                name: plugin.name().to_string(),
                version: plugin.version().to_string(),
                default_title: plugin.default_title().to_string(),
                schema_version: SCHEMA_VERSION.to_string(),
            };
            ok_response(&d)
        }
        WireRequest::Build { request } => {
            if !schema_compatible(&request.schema_version) {
                return error_response(
                    STATUS_BAD_REQUEST,
                    format!(
                        "the host speaks schema {} but this plugin was built for schema {SCHEMA_VERSION}",
                        request.schema_version
                    ),
                );
            }
            let borrowed = SectionRequest {
                schema_version: &request.schema_version,
                section_id: &request.section_id,
                brief: &request.brief,
                options: &request.options,
                articles: &request.articles,
            };
            match plugin.build(&borrowed) {
                Ok(output) => ok_response::<SectionOutput>(&output),
                Err(e) => (
                    STATUS_PLUGIN_ERROR,
                    serde_json::to_vec(&WireResponse::<()> {
                        ok: None,
                        error: Some(e),
                    })
                    .expect("errors serialise"),
                ),
            }
        }
    }
}

fn ok_response<T: Serialize>(value: &T) -> (i32, Vec<u8>) {
    let body = serde_json::to_vec(&WireResponse {
        ok: Some(value),
        error: None,
    })
    .expect("responses serialise");
    (STATUS_OK, body)
}

fn error_response(status: i32, message: String) -> (i32, Vec<u8>) {
    let body = WireResponse::<()> {
        ok: None,
        error: Some(PluginError::new(message)),
    };
    (status, serde_json::to_vec(&body).expect("errors serialise"))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

thread_local! {
    /// Set while this thread runs a plugin call: its panics become the call's error response.
    static IN_CALL: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic inside a call happened, for the error message.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps panics inside plugin calls off stderr. The default hook prints the message, and with
/// `RUST_BACKTRACE` a whole backtrace, around the host's own one-line error; the panic is
/// reported in that error instead, with its location. Panics outside calls (a plugin's own
/// threads) still reach the hook that was there before.
fn quiet_panics_during_calls() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_CALL.with(Cell::get) {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                PANIC_AT.with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// The body of `brief_plugin_call`, for [`export_section_plugin!`](crate::export_section_plugin).
///
/// # Safety
/// `req` must point to `req_len` readable bytes (or be null with `req_len == 0`); `resp` and
/// `resp_len` must be valid for writes.
#[doc(hidden)]
#[allow(unsafe_code)]
pub unsafe fn handle_call<P: SectionPlugin>(
    make: impl FnOnce() -> P,
    req: *const u8,
    req_len: usize,
    resp: *mut *mut u8,
    resp_len: *mut usize,
) -> i32 {
    if resp.is_null() || resp_len.is_null() {
        return STATUS_BAD_REQUEST;
    }
    let body: &[u8] = if req.is_null() || req_len == 0 {
        &[]
    } else {
        // SAFETY: the caller promises `req` points to `req_len` readable bytes.
        unsafe { std::slice::from_raw_parts(req, req_len) }
    };
    quiet_panics_during_calls();
    let was_in_call = IN_CALL.with(|c| c.replace(true));
    let answer = catch_unwind(AssertUnwindSafe(|| respond(&make(), body)));
    IN_CALL.with(|c| c.set(was_in_call));
    let (status, bytes) = match answer {
        Ok(answer) => answer,
        Err(payload) => {
            let at = PANIC_AT
                .with(|p| p.borrow_mut().take())
                .map_or(String::new(), |at| format!(" (at {at})"));
            let message = panic_message(payload.as_ref());
            // one line: the host prints it as one
            let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
            error_response(STATUS_PANIC, format!("plugin panicked: {message}{at}"))
        }
    };
    let boxed: Box<[u8]> = bytes.into_boxed_slice();
    let len = boxed.len();
    // SAFETY: the caller promises both out-pointers are valid for writes.
    unsafe {
        *resp_len = len;
        *resp = Box::into_raw(boxed) as *mut u8;
    }
    status
}

/// The body of `brief_plugin_free`: releases a buffer `handle_call` handed out.
///
/// # Safety
/// `ptr` and `len` must come from one earlier response of this library, freed once.
#[doc(hidden)]
#[allow(unsafe_code)]
pub unsafe fn free_buffer(ptr: *mut u8, len: usize) {
    if ptr.is_null() {
        return;
    }
    // SAFETY: ptr/len describe a Box<[u8]> leaked by handle_call in this same library.
    drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) });
}

/// Exports a [`SectionPlugin`] through the C ABI, so `brief` can load the library at run time.
///
/// ```ignore
/// struct WordCount;
/// impl brief_core::SectionPlugin for WordCount { /* … */ }
/// brief_core::export_section_plugin!(WordCount);
/// ```
///
/// The argument is an expression that builds the plugin; it is evaluated on every call.
#[macro_export]
macro_rules! export_section_plugin {
    ($make:expr) => {
        #[unsafe(no_mangle)]
        pub extern "C" fn brief_plugin_abi_version() -> u32 {
            $crate::abi::ABI_VERSION
        }

        /// # Safety
        /// See docs/plugin-abi.md.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn brief_plugin_call(
            req: *const u8,
            req_len: usize,
            resp: *mut *mut u8,
            resp_len: *mut usize,
        ) -> i32 {
            unsafe { $crate::abi::handle_call(|| $make, req, req_len, resp, resp_len) }
        }

        /// # Safety
        /// See docs/plugin-abi.md.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn brief_plugin_free(ptr: *mut u8, len: usize) {
            unsafe { $crate::abi::free_buffer(ptr, len) }
        }
    };
}

#[cfg(test)]
#[allow(unsafe_code)]
mod tests {
    use super::*;
    use crate::Item;

    struct Echo;
    impl SectionPlugin for Echo {
        fn name(&self) -> &str {
            "echo"
        }
        fn version(&self) -> &str {
            "1.2.3"
        }
        fn default_title(&self) -> &str {
            "Echo"
        }
        fn build(&self, request: &SectionRequest<'_>) -> Result<SectionOutput, PluginError> {
            if request.options.get("boom").is_some() {
                panic!("asked to explode");
            }
            Ok(SectionOutput {
                items: vec![Item::new(request.section_id, vec![])],
                ..SectionOutput::default()
            })
        }
    }

    fn call(body: &[u8]) -> (i32, serde_json::Value) {
        let mut ptr = std::ptr::null_mut();
        let mut len = 0usize;
        let status = unsafe { handle_call(|| Echo, body.as_ptr(), body.len(), &mut ptr, &mut len) };
        let bytes = unsafe { std::slice::from_raw_parts(ptr, len) }.to_vec();
        unsafe { free_buffer(ptr, len) };
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[test]
    fn describe_names_the_plugin() {
        let (status, v) = call(&describe_request_json());
        assert_eq!(status, STATUS_OK);
        assert_eq!(v["ok"]["name"], "echo");
        assert_eq!(v["ok"]["schema_version"], SCHEMA_VERSION);
    }

    #[test]
    fn build_round_trips_and_ignores_unknown_fields() {
        let meta = BriefMeta::default();
        let options = serde_json::json!({});
        let req = SectionRequest {
            schema_version: "1.7",
            section_id: "s1",
            brief: &meta,
            options: &options,
            articles: &[],
        };
        let mut body: serde_json::Value =
            serde_json::from_slice(&build_request_json(&req)).unwrap();
        body["request"]["added_in_a_later_minor"] = serde_json::json!(true);
        let (status, v) = call(&serde_json::to_vec(&body).unwrap());
        assert_eq!(status, STATUS_OK, "{v}");
        assert_eq!(v["ok"]["items"][0]["text"], "s1");
    }

    #[test]
    fn panic_becomes_an_error_response() {
        let body = br#"{"method":"build","request":{"schema_version":"1.0","section_id":"s","options":{"boom":1}}}"#;
        let (status, v) = call(body);
        assert_eq!(status, STATUS_PANIC);
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .contains("asked to explode")
        );
    }

    #[test]
    fn a_panic_is_reported_in_one_line_with_its_location() {
        let body = br#"{"method":"build","request":{"schema_version":"1.0","section_id":"s","options":{"boom":1}}}"#;
        let (_, v) = call(body);
        let message = v["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with("plugin panicked: asked to explode (at "),
            "{message}"
        );
        assert!(message.contains("abi.rs:"), "{message}");
        assert!(!message.contains('\n'), "{message}");
        assert!(
            !IN_CALL.with(Cell::get),
            "the flag is cleared after the call"
        );
    }

    #[test]
    fn other_major_schema_is_refused_by_the_plugin() {
        let body = br#"{"method":"build","request":{"schema_version":"2.0","section_id":"s"}}"#;
        let (status, v) = call(body);
        assert_eq!(status, STATUS_BAD_REQUEST);
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .contains("schema 2.0")
        );
    }

    #[test]
    fn garbage_request_is_a_bad_request() {
        let (status, _) = call(b"not json");
        assert_eq!(status, STATUS_BAD_REQUEST);
    }
}
