//! The frames brief and its plugin host exchange over their socket:
//!
//! ```text
//! "BRF1"   4 bytes, so a stray byte stream is recognised as not ours
//! tag      i32, little-endian: what the frame is (a plugin's status, or one of TAG_*)
//! length   u64, little-endian: how many payload bytes follow
//! payload  `length` bytes
//! ```
//!
//! The length is checked against a limit before anything is allocated: a host (or whatever
//! took its place) that announces 2^40 bytes gets an error, not an allocation failure.

use std::io::{ErrorKind, Read, Write};

pub const MAGIC: &[u8; 4] = b"BRF1";

/// Host → brief, first frame: the library loaded; payload `{"abi": N}`.
pub const TAG_HELLO: i32 = 100;
/// Host → brief, instead of hello: the library could not be loaded; payload the reason.
pub const TAG_LOAD_ERROR: i32 = 101;
/// Host → brief, instead of a response: the plugin broke the ABI; payload the reason.
pub const TAG_HOST_ERROR: i32 = 102;
/// Brief → host: call `brief_plugin_call` with the payload.
pub const TAG_CALL: i32 = 1;

/// Largest response brief accepts from a plugin: generous for any section, small enough that
/// a runaway plugin cannot exhaust memory.
pub const MAX_RESPONSE_BYTES: u64 = 256 << 20;

const HEADER: usize = 16;

/// A frame as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub tag: i32,
    pub payload: Vec<u8>,
}

/// Why a frame could not be read.
#[derive(Debug)]
pub enum FrameError {
    /// The stream ended (cleanly, before a header, or part-way through a frame).
    Closed,
    /// The read timed out.
    TimedOut,
    /// The bytes are not a frame of ours.
    NotAFrame,
    /// The announced payload is over the limit.
    TooLong {
        length: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::Closed => f.write_str("the connection closed"),
            FrameError::TimedOut => f.write_str("timed out"),
            FrameError::NotAFrame => f.write_str("sent bytes that are not a brief plugin frame"),
            FrameError::TooLong { length, limit } => write!(
                f,
                "announced a response of {length} bytes, over the limit of {limit} bytes"
            ),
            FrameError::Io(e) => write!(f, "{e}"),
        }
    }
}

fn classify(e: std::io::Error) -> FrameError {
    match e.kind() {
        ErrorKind::UnexpectedEof | ErrorKind::ConnectionReset | ErrorKind::BrokenPipe => {
            FrameError::Closed
        }
        ErrorKind::WouldBlock | ErrorKind::TimedOut => FrameError::TimedOut,
        _ => FrameError::Io(e),
    }
}

/// Writes one frame.
pub fn write_frame(out: &mut impl Write, tag: i32, payload: &[u8]) -> std::io::Result<()> {
    let mut header = [0u8; HEADER];
    header[..4].copy_from_slice(MAGIC);
    header[4..8].copy_from_slice(&tag.to_le_bytes());
    header[8..].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    out.write_all(&header)?;
    out.write_all(payload)?;
    out.flush()
}

/// Reads one frame whose payload is at most `limit` bytes.
pub fn read_frame(input: &mut impl Read, limit: u64) -> Result<Frame, FrameError> {
    let mut header = [0u8; HEADER];
    input.read_exact(&mut header).map_err(classify)?;
    if &header[..4] != MAGIC {
        return Err(FrameError::NotAFrame);
    }
    let tag = i32::from_le_bytes(header[4..8].try_into().expect("4 bytes"));
    let length = u64::from_le_bytes(header[8..].try_into().expect("8 bytes"));
    if length > limit {
        return Err(FrameError::TooLong { length, limit });
    }
    // the length is within the limit, but the bytes may never come: grow as they arrive
    // rather than trusting the announcement with one allocation
    let mut payload = Vec::with_capacity(length.min(1 << 20) as usize);
    let read = input
        .take(length)
        .read_to_end(&mut payload)
        .map_err(classify)?;
    if (read as u64) < length {
        return Err(FrameError::Closed);
    }
    Ok(Frame { tag, payload })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let mut buf = Vec::new();
        write_frame(&mut buf, 3, b"{\"ok\":{}}").unwrap();
        write_frame(&mut buf, TAG_HELLO, b"").unwrap();
        let mut r = &buf[..];
        assert_eq!(
            read_frame(&mut r, 100).unwrap(),
            Frame {
                tag: 3,
                payload: b"{\"ok\":{}}".to_vec()
            }
        );
        assert_eq!(read_frame(&mut r, 100).unwrap().tag, TAG_HELLO);
        assert!(matches!(read_frame(&mut r, 100), Err(FrameError::Closed)));
    }

    #[test]
    fn a_huge_announced_length_is_refused_before_allocating() {
        // regression: a plugin returning resp_len = 2^40 aborted brief on allocation
        let mut buf = Vec::new();
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&0i32.to_le_bytes());
        buf.extend_from_slice(&(1u64 << 40).to_le_bytes());
        let e = read_frame(&mut &buf[..], MAX_RESPONSE_BYTES).unwrap_err();
        assert!(matches!(e, FrameError::TooLong { length, .. } if length == 1 << 40));
        assert!(
            e.to_string()
                .contains("1099511627776 bytes, over the limit")
        );
    }

    #[test]
    fn truncated_and_foreign_bytes_are_errors() {
        let mut buf = Vec::new();
        write_frame(&mut buf, 0, b"0123456789").unwrap();
        buf.truncate(buf.len() - 3);
        assert!(matches!(
            read_frame(&mut &buf[..], 100),
            Err(FrameError::Closed)
        ));
        assert!(matches!(
            read_frame(&mut &b"HTTP/1.1 200 OK\r\n\r\n"[..], 100),
            Err(FrameError::NotAFrame)
        ));
        assert!(matches!(
            read_frame(&mut &b"BR"[..], 100),
            Err(FrameError::Closed)
        ));
    }
}
