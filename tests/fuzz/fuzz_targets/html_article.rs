//! A fetched web page: charset detection, readability extraction, then plain-text ingest of
//! the extracted text, as `brief build` does for `url` sources. No panic (a panic inside the
//! extractor is caught by brief-fetch, but libFuzzer's hook still reports it), one-line
//! errors, extracted text in the promised shape, and consistent spans after ingest.
#![no_main]

use brief_ingest::{DEFAULT_MAX_BYTES, Format, SourceSpec, parse_source};
use libfuzzer_sys::fuzz_target;

/// Content-Type headers to try; the first input byte picks one, so header and `<meta>`
/// charsets both get exercised.
const CONTENT_TYPES: &[Option<&str>] = &[
    None,
    Some("text/html"),
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=\"windows-1252\""),
    Some("text/html; charset=shift_jis"),
    Some("text/html; charset=utf-16le"),
    Some("text/html; charset=iso-2022-jp"),
    Some("text/html; charset=bogus"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[usize::from(selector) % CONTENT_TYPES.len()];
    let html = brief_fetch::decode_html(body, content_type);
    let url = "https://example.test/news/article.html";
    let article = match brief_fetch::extract_article(&html, url) {
        Ok(article) => article,
        Err(e) => {
            brief_fuzz::assert_one_line(&e.to_string());
            return;
        }
    };
    assert!(!article.text.is_empty(), "Ok with empty text");
    assert_eq!(article.text.trim(), article.text, "text not trimmed");
    for line in article.text.split("\n\n") {
        assert!(
            !line.is_empty() && !line.contains('\n'),
            "paragraph shape: {line:?}"
        );
    }
    let spec = SourceSpec {
        id: "page".to_string(),
        ..SourceSpec::default()
    };
    let bytes = article.text.as_bytes();
    match parse_source(bytes, Format::Plain, spec, DEFAULT_MAX_BYTES, "page.txt") {
        Ok(ingested) => brief_fuzz::assert_article_consistent(bytes, &ingested),
        Err(e) => brief_fuzz::assert_one_line(&e.to_string()),
    }
});
