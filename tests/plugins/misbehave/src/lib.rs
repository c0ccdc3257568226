//! Misbehaves as the section's `mode` option or the environment asks:
//!
//! - `MISBEHAVE_ABI=N` reports ABI version N;
//! - `MISBEHAVE_NAME=x` describes itself as plugin `x`;
//! - `MISBEHAVE_DESCRIBE=sleep|exit` sleeps for an hour or exits while describing itself;
//! - `mode = "panic" | "invalid-json" | "wrong-shape" | "bad-provenance" | "unknown-source"`;
//! - `mode = "sleep"` (an hour), `"loop"` (forever), `"exit"` (`exit(0)`), `"abort"`,
//!   `"null-deref"` (a write through NULL), `"huge-length"` (a response length of 2^40),
//!   `"no-response"` (a null response pointer), `"stdout-noise"` (prints to stdout, then
//!   answers), `"stderr-then-abort"` (says why on stderr, then aborts),
//!   `"forged-diagnostic"` (a warning with line breaks and terminal escapes);
//! - no mode: one well-formed item.
//!
//! It writes the C ABI by hand (instead of `export_section_plugin!`) so it can send bytes a
//! well-behaved plugin never would.

use brief_core::abi::{STATUS_OK, handle_call};
use brief_core::{Item, PluginError, Provenance, SectionOutput, SectionPlugin, SectionRequest};

struct Misbehave {
    name: String,
}

impl SectionPlugin for Misbehave {
    fn name(&self) -> &str {
        &self.name
    }
    fn version(&self) -> &str {
        "0.0.1"
    }
    fn default_title(&self) -> &str {
        "Misbehaving"
    }
    fn build(&self, request: &SectionRequest<'_>) -> Result<SectionOutput, PluginError> {
        let article = &request.articles[0];
        let s = &article.sentences[0];
        let mut provenance = Provenance {
            source: article.source.id.clone(),
            start: s.span.start,
            end: s.span.end,
            sentence: None,
        };
        match request.options.get("mode").and_then(|m| m.as_str()) {
            Some("panic") => panic!("misbehave was told to panic"),
            Some("bad-provenance") => provenance.end = article.source.bytes + 100,
            Some("unknown-source") => provenance.source = "nowhere".into(),
            _ => {}
        }
        let mut output = SectionOutput::default();
        output.items.push(Item::new(s.text.clone(), vec![provenance]));
        if request.options.get("mode").and_then(|m| m.as_str()) == Some("forged-diagnostic") {
            output.warn("all fine\nerror: brief.toml: forged by the plugin\x1b[31m red\x1b]0;owned\x07");
        } else {
            output.warn("this plugin is for tests");
        }
        Ok(output)
    }
}

fn mode_of(body: &[u8]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    v["request"]["options"]["mode"].as_str().map(str::to_string)
}

fn give(bytes: Vec<u8>, resp: *mut *mut u8, resp_len: *mut usize) -> i32 {
    let boxed = bytes.into_boxed_slice();
    unsafe {
        *resp_len = boxed.len();
        *resp = Box::into_raw(boxed) as *mut u8;
    }
    STATUS_OK
}

#[unsafe(no_mangle)]
pub extern "C" fn brief_plugin_abi_version() -> u32 {
    std::env::var("MISBEHAVE_ABI").ok().and_then(|v| v.parse().ok()).unwrap_or(brief_core::abi::ABI_VERSION)
}

/// # Safety
/// As in docs/plugin-abi.md.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn brief_plugin_call(req: *const u8, len: usize, resp: *mut *mut u8, resp_len: *mut usize) -> i32 {
    let body = unsafe { std::slice::from_raw_parts(req, len) };
    if body.starts_with(br#"{"method":"describe""#) {
        match std::env::var("MISBEHAVE_DESCRIBE").as_deref() {
            Ok("sleep") => std::thread::sleep(std::time::Duration::from_secs(3600)),
            Ok("exit") => std::process::exit(0),
            _ => {}
        }
    }
    match mode_of(body).as_deref() {
        Some("invalid-json") => give(b"{\"ok\": {\"items\": [".to_vec(), resp, resp_len),
        Some("wrong-shape") => give(br#"{"ok": {"items": "several"}}"#.to_vec(), resp, resp_len),
        Some("sleep") => {
            std::thread::sleep(std::time::Duration::from_secs(3600));
            STATUS_OK
        }
        Some("loop") => {
            let mut n: u64 = 0;
            loop {
                n = std::hint::black_box(n.wrapping_add(1));
            }
        }
        Some("exit") => std::process::exit(0),
        Some("abort") => std::process::abort(),
        Some("null-deref") => {
            unsafe { std::ptr::write_volatile(std::hint::black_box(std::ptr::null_mut::<u8>()), 1) };
            STATUS_OK
        }
        Some("huge-length") => {
            let status = give(b"{}".to_vec(), resp, resp_len);
            unsafe { *resp_len = 1 << 40 };
            status
        }
        Some("no-response") => 0,
        Some("stderr-then-abort") => {
            eprintln!("misbehave: the index file is corrupt");
            std::process::abort()
        }
        Some("stdout-noise") => {
            println!("BRF1 this is not a frame, just a plugin printing to stdout");
            let name = std::env::var("MISBEHAVE_NAME").unwrap_or_else(|_| "misbehave".into());
            unsafe { handle_call(|| Misbehave { name }, req, len, resp, resp_len) }
        }
        _ => {
            let name = std::env::var("MISBEHAVE_NAME").unwrap_or_else(|_| "misbehave".into());
            unsafe { handle_call(|| Misbehave { name }, req, len, resp, resp_len) }
        }
    }
}

/// # Safety
/// As in docs/plugin-abi.md.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn brief_plugin_free(ptr: *mut u8, len: usize) {
    unsafe { brief_core::abi::free_buffer(ptr, len) }
}
