//! Plain-text source ingest on arbitrary bytes: no panic, spans inside the input and on
//! character boundaries, one-line errors. The article's sentences are then summarized, as
//! `brief summarize` does: no panic, and the chosen sentences are in order and in range.
#![no_main]

use brief_ingest::{DEFAULT_MAX_BYTES, Format, SourceSpec, parse_source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let spec = SourceSpec {
        id: "fuzz".to_string(),
        ..SourceSpec::default()
    };
    match parse_source(data, Format::Plain, spec, DEFAULT_MAX_BYTES, "fuzz.txt") {
        Ok(article) => {
            brief_fuzz::assert_article_consistent(data, &article);
            brief_fuzz::assert_summary_consistent(&article);
        }
        Err(e) => brief_fuzz::assert_one_line(&e.to_string()),
    }
});
