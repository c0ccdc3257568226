//! Markdown source ingest (front matter, blocks, inline markup) on arbitrary bytes: no panic,
//! spans inside the input and on character boundaries, one-line errors, and front-matter
//! metadata on one line.
#![no_main]

use brief_ingest::{DEFAULT_MAX_BYTES, Format, SourceSpec, parse_source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let spec = SourceSpec {
        id: "fuzz".to_string(),
        ..SourceSpec::default()
    };
    match parse_source(data, Format::Markdown, spec, DEFAULT_MAX_BYTES, "fuzz.md") {
        Ok(article) => {
            brief_fuzz::assert_article_consistent(data, &article);
            let info = &article.source;
            for value in [
                &info.title,
                &info.author,
                &info.publisher,
                &info.published,
                &info.url,
            ]
            .into_iter()
            .flatten()
            {
                assert!(!value.contains('\n'), "metadata spans lines: {value:?}");
            }
        }
        Err(e) => brief_fuzz::assert_one_line(&e.to_string()),
    }
});
