//! RSS, Atom and JSON Feed parsing on arbitrary bytes: no panic, one-line errors, items
//! deduplicated and capped, item text in the shape plain-text ingest expects, and ingest of
//! that text consistent.
#![no_main]

use std::collections::BTreeSet;

use brief_fetch::{FeedOptions, parse_feed};
use brief_ingest::{DEFAULT_MAX_BYTES, Format, SourceSpec, parse_source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let options = FeedOptions {
        max_items: (selector & 0x80 == 0).then_some(usize::from(selector & 0x07)),
    };
    let feed = match parse_feed(body, "https://example.test/feed.xml", &options) {
        Ok(feed) => feed,
        Err(e) => {
            brief_fuzz::assert_one_line(&e.to_string());
            return;
        }
    };
    if let Some(max) = options.max_items {
        assert!(feed.items.len() <= max, "more than max_items");
    }
    if let Some(title) = &feed.title {
        assert!(!title.contains('\n'), "feed title spans lines: {title:?}");
    }
    let mut ids = BTreeSet::new();
    for item in &feed.items {
        assert!(
            ids.insert(item.id.as_str()),
            "duplicate item id {:?}",
            item.id
        );
        assert_eq!(item.text.trim(), item.text, "item text not trimmed");
        let spec = SourceSpec {
            id: "item".to_string(),
            ..SourceSpec::default()
        };
        let bytes = item.text.as_bytes();
        match parse_source(bytes, Format::Plain, spec, DEFAULT_MAX_BYTES, "item.txt") {
            Ok(article) => brief_fuzz::assert_article_consistent(bytes, &article),
            Err(e) => brief_fuzz::assert_one_line(&e.to_string()),
        }
    }
});
