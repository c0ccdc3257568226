//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: started and stopped by the test, one
//! thread per connection, every response closes its connection. No external traffic.

#![allow(dead_code)] // each test binary uses a different subset

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lowercased.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// How the body goes out.
#[derive(Debug, Clone)]
pub enum BodyMode {
    /// With `Content-Length`, all at once.
    Whole,
    /// With `Content-Length` declared as given, but the body itself is not sent.
    DeclaredLength(u64),
    /// Without `Content-Length`, ended by closing the connection.
    CloseDelimited,
    /// With `Content-Length`, sent in `chunk`-byte pieces with `pause` between them.
    Trickle { chunk: usize, pause: Duration },
    /// Without `Content-Length`, bytes until the client hangs up.
    Endless,
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub mode: BodyMode,
}

impl Reply {
    pub fn new(status: u16) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            mode: BodyMode::Whole,
        }
    }

    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Reply {
            body: body.into(),
            ..Reply::new(200)
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn mode(mut self, mode: BodyMode) -> Self {
        self.mode = mode;
        self
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running server; dropping it stops it.
pub struct TestServer {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

/// The server refuses to serve more than this many requests, so a runaway client loop in a
/// test fails instead of spinning.
const MAX_REQUESTS: usize = 20_000;

impl TestServer {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let acceptor = {
            let requests = Arc::clone(&requests);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut served = 0;
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) || served >= MAX_REQUESTS {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    served += 1;
                    let requests = Arc::clone(&requests);
                    let handler = Arc::clone(&handler);
                    std::thread::spawn(move || serve(stream, &*handler, &requests));
                }
            })
        };
        TestServer {
            addr,
            requests,
            stop,
            acceptor: Some(acceptor),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    pub fn request_count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the thread sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn serve(stream: TcpStream, handler: &Handler, requests: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() {
            return;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let request = Request { path, headers };
    requests.lock().unwrap().push(request.clone());
    let reply = handler(&request);
    let _ = write_reply(stream, &reply);
}

fn write_reply(mut stream: TcpStream, reply: &Reply) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} Test\r\nConnection: close\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    match &reply.mode {
        BodyMode::Whole | BodyMode::Trickle { .. } => {
            head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
        }
        BodyMode::DeclaredLength(len) => head.push_str(&format!("Content-Length: {len}\r\n")),
        BodyMode::CloseDelimited | BodyMode::Endless => {}
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    match &reply.mode {
        BodyMode::Whole | BodyMode::CloseDelimited => stream.write_all(&reply.body)?,
        BodyMode::DeclaredLength(_) => {}
        BodyMode::Trickle { chunk, pause } => {
            for piece in reply.body.chunks(*chunk) {
                stream.write_all(piece)?;
                stream.flush()?;
                std::thread::sleep(*pause);
            }
        }
        BodyMode::Endless => {
            let block = vec![b'x'; 64 * 1024];
            // Bounded so a client that never stops reading cannot keep the thread forever.
            for _ in 0..16 * 1024 {
                stream.write_all(&block)?;
            }
        }
    }
    stream.flush()
}
