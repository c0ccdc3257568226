//! The decoder for a dynamic plugin's JSON response (what `brief_plugin_call` hands back),
//! both for `build` (a `SectionOutput`) and `describe` (a `Description`): no panic, and every
//! error is one line, since a plugin's words end up in brief's own error output.
#![no_main]

use brief_core::SectionOutput;
use brief_core::abi::{Description, STATUS_OK};
use brief_engine::decode_plugin_response;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    // Mostly STATUS_OK, the interesting path; sometimes the other documented codes.
    let status = match selector % 8 {
        5 => 1,
        6 => 3,
        7 => -1,
        _ => STATUS_OK,
    };
    let schema = if selector & 0x80 == 0 { "1.0" } else { "" };
    if let Err(e) = decode_plugin_response::<SectionOutput>(body, status, schema) {
        brief_fuzz::assert_one_line(&e.to_string());
    }
    if let Err(e) = decode_plugin_response::<Description>(body, status, schema) {
        brief_fuzz::assert_one_line(&e.to_string());
    }
});
