//! brief.toml parsing on arbitrary UTF-8 text: no panic, and every error is one
//! `path[:line:col]: message` line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = brief_config::parse(text, "fuzz/brief.toml") {
        let message = e.to_string();
        brief_fuzz::assert_one_line(&message);
        assert!(
            message.starts_with("fuzz/brief.toml"),
            "error does not name the file"
        );
        if let Some(at) = e.location {
            assert!(at.line >= 1 && at.column >= 1, "location {at:?}");
            assert!(
                at.line <= text.lines().count() + 1,
                "line {} past the end",
                at.line
            );
        }
    }
});
