//! brief's side of one plugin host process: start it, read its hello, send calls with a
//! deadline, and say in one line what happened when it does not answer.

use std::io::Read;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::frame::{
    FrameError, MAX_RESPONSE_BYTES, TAG_CALL, TAG_HELLO, TAG_LOAD_ERROR, read_frame, write_frame,
};

/// The last bytes a host wrote on stderr, for the message when it dies.
const STDERR_TAIL: usize = 4096;

/// A running host with its library loaded.
#[derive(Debug)]
pub struct HostProcess {
    child: Child,
    stream: UnixStream,
    stderr: Arc<Mutex<Vec<u8>>>,
}

/// What the host said after loading the library.
pub enum Hello {
    /// Loaded; the library declares this ABI version.
    Loaded(HostProcess, u32),
    /// The library could not be loaded, for this reason.
    Refused(String),
}

impl HostProcess {
    /// Starts `program plugin-host` for `library` and waits up to `timeout` for its hello.
    pub fn start(program: &Path, library: &Path, timeout: Duration) -> Result<Hello, String> {
        let dir = tempfile::Builder::new()
            .prefix("brief-plugin-")
            .tempdir()
            .map_err(|e| format!("cannot make a socket folder for the plugin host: {e}"))?;
        let socket = dir.path().join("s");
        let listener = UnixListener::bind(&socket)
            .map_err(|e| format!("cannot listen for the plugin host: {e}"))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("cannot listen for the plugin host: {e}"))?;
        let mut child = Command::new(program)
            .arg("plugin-host")
            .arg("--socket")
            .arg(&socket)
            .arg("--library")
            .arg(library)
            .arg("--max-response-bytes")
            .arg(MAX_RESPONSE_BYTES.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start the plugin host {}: {e}", program.display()))?;
        let stderr = Arc::new(Mutex::new(Vec::new()));
        drain(child.stdout.take(), None);
        drain(child.stderr.take(), Some(stderr.clone()));
        let deadline = Instant::now() + timeout;
        let stream = loop {
            match listener.accept() {
                Ok((stream, _)) => break stream,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(format!("cannot reach the plugin host: {e}")),
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!(
                    "ended its host process before it connected ({})",
                    describe_exit(status)
                ));
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(timed_out(timeout, "starting"));
            }
            std::thread::sleep(Duration::from_micros(200));
        };
        drop(dir);
        let _ = stream.set_nonblocking(false);
        let mut host = HostProcess {
            child,
            stream,
            stderr,
        };
        let frame = host.read(deadline, timeout, 1 << 20, "loading")?;
        match frame.tag {
            TAG_HELLO => {
                let abi = serde_json::from_slice::<serde_json::Value>(&frame.payload)
                    .ok()
                    .and_then(|v| v["abi"].as_u64())
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(|| "the plugin host sent a malformed hello".to_string())?;
                Ok(Hello::Loaded(host, abi))
            }
            TAG_LOAD_ERROR => Ok(Hello::Refused(
                String::from_utf8_lossy(&frame.payload).into_owned(),
            )),
            other => Err(format!(
                "the plugin host sent frame {other} instead of a hello"
            )),
        }
    }

    /// Sends one call and waits up to `timeout` for its answer: the tag (the plugin's status,
    /// or a host error) and the payload. `doing` names the call in messages ("building its
    /// section"). After an `Err` the host is gone.
    pub fn call(
        &mut self,
        body: &[u8],
        timeout: Duration,
        doing: &str,
    ) -> Result<(i32, Vec<u8>), String> {
        let deadline = Instant::now() + timeout;
        if write_frame(&mut self.stream, TAG_CALL, body).is_err() {
            return Err(self.death(doing));
        }
        let frame = self.read(deadline, timeout, MAX_RESPONSE_BYTES, doing)?;
        Ok((frame.tag, frame.payload))
    }

    /// Reads one frame by `deadline`; `allowed` is the time given, for the message.
    fn read(
        &mut self,
        deadline: Instant,
        allowed: Duration,
        limit: u64,
        doing: &str,
    ) -> Result<super::frame::Frame, String> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || self.stream.set_read_timeout(Some(left)).is_err() {
            self.stop();
            return Err(timed_out(allowed, doing));
        }
        match read_frame(&mut self.stream, limit) {
            Ok(frame) => Ok(frame),
            Err(FrameError::TimedOut) => {
                self.stop();
                Err(timed_out(allowed, doing))
            }
            Err(FrameError::Closed) => Err(self.death(doing)),
            Err(e @ (FrameError::TooLong { .. } | FrameError::NotAFrame)) => {
                self.stop();
                Err(format!("{e} while {doing}; brief stopped it"))
            }
            Err(FrameError::Io(e)) => {
                self.stop();
                Err(format!("lost the plugin host while {doing}: {e}"))
            }
        }
    }

    /// What became of a host whose connection closed.
    fn death(&mut self, doing: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(2);
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                _ => break None,
            }
        };
        self.stop();
        let how = status.map_or_else(
            || "closed its connection".to_string(),
            |s| format!("ended its host process ({})", describe_exit(s)),
        );
        // the drain threads read until the pipe closes; give them a moment
        std::thread::sleep(Duration::from_millis(5));
        let said = last_line(&self.stderr.lock().unwrap_or_else(|e| e.into_inner()));
        let said = said.map_or(String::new(), |l| format!("; it last printed: {l}"));
        format!("{how} while {doing}, without answering{said}")
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for HostProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

fn timed_out(timeout: Duration, doing: &str) -> String {
    format!(
        "did not answer within {} s while {doing}; brief stopped it (raise plugin_timeout_seconds in brief.toml if it needs longer)",
        timeout.as_secs_f64()
    )
}

/// "exit status 0", "signal 11, SIGSEGV: it crashed on a bad memory access", …
fn describe_exit(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    match status.signal() {
        Some(4) => "signal 4, SIGILL: it ran an illegal instruction".into(),
        Some(6) => "signal 6, SIGABRT: it aborted".into(),
        Some(7) => "signal 7, SIGBUS: it crashed on a bad memory access".into(),
        Some(8) => "signal 8, SIGFPE: it crashed on an arithmetic error".into(),
        Some(9) => "signal 9, SIGKILL: it was killed".into(),
        Some(11) => "signal 11, SIGSEGV: it crashed on a bad memory access".into(),
        Some(n) => format!("signal {n}"),
        None => "an unknown status".into(),
    }
}

/// The last non-empty line of what the host printed, shown as data.
fn last_line(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let line = text.lines().rev().find(|l| !l.trim().is_empty())?.trim();
    let mut shown = brief_core::printable(line);
    if shown.chars().count() > 200 {
        shown = shown.chars().take(199).collect::<String>() + "…";
    }
    Some(shown)
}

/// Reads a pipe to its end on its own thread, keeping its last bytes in `tail`.
fn drain(pipe: Option<impl Read + Send + 'static>, tail: Option<Arc<Mutex<Vec<u8>>>>) {
    let Some(mut pipe) = pipe else { return };
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Some(tail) = &tail {
                let mut t = tail.lock().unwrap_or_else(|e| e.into_inner());
                t.extend_from_slice(&buf[..n]);
                if t.len() > STDERR_TAIL {
                    let cut = t.len() - STDERR_TAIL;
                    t.drain(..cut);
                }
            }
        }
    });
}
