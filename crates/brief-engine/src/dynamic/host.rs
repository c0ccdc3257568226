//! The plugin host: the child process (`brief plugin-host`, the same executable) that loads
//! one user plugin library and answers brief's calls over a Unix socket.
//!
//! A plugin is native code. In brief's own process, one that loops, sleeps, calls `exit`,
//! aborts or dereferences NULL would hang brief, end it with nothing built, or kill it without
//! a word. Here it can only end this process, which brief watches, times and reports. The
//! host also checks what the library hands back before touching it: a response length over
//! the limit is reported, never read.

use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use brief_core::abi::{self, AbiVersionFn, CallFn, FreeFn};

use super::frame::{TAG_CALL, TAG_HELLO, TAG_HOST_ERROR, TAG_LOAD_ERROR, read_frame, write_frame};

/// Exit codes of the host, for brief's messages.
pub const EXIT_NO_SOCKET: i32 = 70;
pub const EXIT_ORPHANED: i32 = 71;

/// Serves `library` to the brief process listening on `socket` until it hangs up. Returns the
/// process exit code.
pub fn serve(socket: &Path, library: &Path, max_response: u64) -> i32 {
    let Ok(mut stream) = UnixStream::connect(socket) else {
        return EXIT_NO_SOCKET;
    };
    watch_parent();
    let symbols = match load(library) {
        Ok(symbols) => symbols,
        Err(message) => {
            let _ = write_frame(&mut stream, TAG_LOAD_ERROR, message.as_bytes());
            return 0;
        }
    };
    // SAFETY: a no-argument function returning u32, per the ABI.
    #[allow(unsafe_code)]
    let version = unsafe { (symbols.version)() };
    let hello = format!("{{\"abi\":{version}}}");
    if write_frame(&mut stream, TAG_HELLO, hello.as_bytes()).is_err() {
        return 0;
    }
    if version != abi::ABI_VERSION {
        // brief reports the mismatch; nothing else may be called
        return 0;
    }
    loop {
        let request = match read_frame(&mut stream, u64::MAX) {
            Ok(frame) if frame.tag == TAG_CALL => frame.payload,
            _ => return 0,
        };
        let (tag, payload) = call(&symbols, &request, max_response);
        if write_frame(&mut stream, tag, &payload).is_err() {
            return 0;
        }
    }
}

struct Symbols {
    version: AbiVersionFn,
    call: CallFn,
    free: FreeFn,
}

fn load(library: &Path) -> Result<Symbols, String> {
    brief_fs::read::regular_metadata(library, "plugin library").map_err(|e| e.message)?;
    // SAFETY: loading runs the library's initialisers; this process exists to contain them.
    #[allow(unsafe_code)]
    let lib = unsafe { libloading::Library::new(library) }
        .map_err(|e| format!("not a loadable shared library: {e}"))?;
    // the process ends when brief is done with it; nothing is unloaded before
    let lib: &'static libloading::Library = Box::leak(Box::new(lib));
    let missing = |name: &str| {
        format!(
            "missing symbol `{name}`: not a brief plugin (build it with brief_core::export_section_plugin!)"
        )
    };
    // SAFETY: the symbol types are fixed by docs/plugin-abi.md; brief checks the version
    // before asking for a call.
    #[allow(unsafe_code)]
    unsafe {
        Ok(Symbols {
            version: *lib
                .get::<AbiVersionFn>(abi::SYMBOL_ABI_VERSION.as_bytes())
                .map_err(|_| missing(abi::SYMBOL_ABI_VERSION))?,
            call: *lib
                .get::<CallFn>(abi::SYMBOL_CALL.as_bytes())
                .map_err(|_| missing(abi::SYMBOL_CALL))?,
            free: *lib
                .get::<FreeFn>(abi::SYMBOL_FREE.as_bytes())
                .map_err(|_| missing(abi::SYMBOL_FREE))?,
        })
    }
}

/// One `brief_plugin_call`: the frame to send back.
fn call(symbols: &Symbols, body: &[u8], max_response: u64) -> (i32, Vec<u8>) {
    let mut ptr: *mut u8 = std::ptr::null_mut();
    let mut len: usize = 0;
    // SAFETY: `call` was resolved from a library that declared ABI_VERSION, whose contract
    // is that it reads `body` and writes one buffer it owns to `ptr`/`len`.
    #[allow(unsafe_code)]
    let status = unsafe { (symbols.call)(body.as_ptr(), body.len(), &mut ptr, &mut len) };
    if ptr.is_null() {
        return (
            TAG_HOST_ERROR,
            format!("returned no response (status {status})").into_bytes(),
        );
    }
    if len as u64 > max_response {
        // never read: a length this large is a bug or a lie, and trusting it would read
        // memory the plugin does not own
        return (
            TAG_HOST_ERROR,
            format!(
                "returned a response length of {len} bytes, over the limit of {max_response} bytes"
            )
            .into_bytes(),
        );
    }
    // SAFETY: the plugin handed us `len` bytes at `ptr`; we copy them and give them back to
    // the plugin's own allocator exactly once.
    #[allow(unsafe_code)]
    let bytes = unsafe {
        let copy = std::slice::from_raw_parts(ptr, len).to_vec();
        (symbols.free)(ptr, len);
        copy
    };
    (status, bytes)
}

/// Ends the host when brief is gone (killed, crashed), even while the plugin is stuck in a
/// call that would never return, so no orphan is left spinning.
fn watch_parent() {
    let parent = std::os::unix::process::parent_id();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(200));
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(EXIT_ORPHANED);
            }
        }
    });
}
