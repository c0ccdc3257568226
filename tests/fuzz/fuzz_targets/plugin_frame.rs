//! The frames brief reads from a plugin host (`brief_engine::dynamic::frame::read_frame`):
//! whatever bytes arrive, and whatever lengths they announce, no panic, no allocation beyond
//! the limit, every frame's payload within the limit, and errors that print on one line.
#![no_main]

use brief_engine::dynamic::frame::{FrameError, read_frame};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    // small limits reach the "too long" path often; the largest is brief's own
    let limit = match selector % 4 {
        0 => 0,
        1 => 16,
        2 => 4096,
        _ => brief_engine::dynamic::frame::MAX_RESPONSE_BYTES,
    };
    let mut input = body;
    for _ in 0..64 {
        match read_frame(&mut input, limit) {
            Ok(frame) => assert!(frame.payload.len() as u64 <= limit),
            Err(e) => {
                brief_fuzz::assert_one_line(&e.to_string());
                if let FrameError::TooLong { length, limit: l } = e {
                    assert!(length > l);
                }
                break;
            }
        }
    }
});
