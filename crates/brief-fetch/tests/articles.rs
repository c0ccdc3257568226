//! HTML article extraction, end to end from a local server, and its hardening.

mod support;

use std::time::{Duration, Instant};

use brief_fetch::{
    ExtractError, FetchConfig, FetchOptions, Fetcher, MAX_HTML_DEPTH, NetworkAccess, Outcome,
    SourceKind, SourceState, decode_html, extract_article,
};
use support::{Reply, TestServer};

/// The test server listens on loopback, which fetches reach only when allowed.
fn local() -> FetchOptions {
    FetchOptions {
        network: NetworkAccess::Any,
        ..FetchOptions::default()
    }
}

const ARTICLE: &str = include_str!("fixtures/harbour-article.html");

#[test]
fn served_article_is_extracted_to_plain_paragraphs() {
    let server = TestServer::start(|_| {
        Reply::ok(ARTICLE).header("Content-Type", "text/html; charset=utf-8")
    });
    let fetcher = Fetcher::new(FetchConfig::default());
    let mut state = SourceState::new(server.url("/levies"));
    let options = FetchOptions {
        kind: SourceKind::Article,
        ..local()
    };
    let Outcome::Fetched(fetched) = fetcher.fetch(&mut state, &options) else {
        panic!("no body")
    };
    assert!(
        server.requests()[0]
            .header("accept")
            .is_some_and(|a| a.starts_with("text/html"))
    );

    let html = decode_html(&fetched.body, fetched.content_type.as_deref());
    let article = extract_article(&html, &fetched.final_url).unwrap();
    assert!(article.readable);
    assert!(
        article.text.starts_with("The port authority"),
        "{:?}",
        article.text
    );
    assert_eq!(article.byline.as_deref(), Some("Ada Marsh"));
    assert_eq!(article.published.as_deref(), Some("2025-02-03T10:00:00Z"));
    assert_eq!(article.site_name.as_deref(), Some("Coastal Ledger"));
    assert!(
        article
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Harbour levies rise as dredging costs double"))
    );

    let paragraphs: Vec<&str> = article.text.split("\n\n").collect();
    assert!(paragraphs.contains(&"The port authority raised harbour levies by four percent on Monday, citing dredging costs that have doubled since the storm season of the previous year."));
    assert!(
        paragraphs
            .iter()
            .any(|p| p.ends_with("for the first time & invite comments."))
    );
    assert!(paragraphs.contains(&"Levies rise four percent from March."));
    assert!(paragraphs.contains(&"Dredging contracts to be published."));
    for junk in [
        "Weather",
        "Subscribe",
        "All rights reserved",
        "tracker",
        "not content",
        "color: red",
    ] {
        assert!(
            !article.text.contains(junk),
            "{junk:?} leaked into {:?}",
            article.text
        );
    }
    assert!(
        !article.text.contains("\n\n\n")
            && !article.text.starts_with('\n')
            && !article.text.ends_with('\n')
    );
    // Each paragraph is one line, so brief's plain-text ingest sees exactly these paragraphs.
    assert!(
        paragraphs
            .iter()
            .all(|p| !p.contains('\n') && !p.is_empty())
    );
}

#[test]
fn extraction_is_deterministic() {
    let a = extract_article(ARTICLE, "https://ledger.example.test/levies").unwrap();
    let b = extract_article(ARTICLE, "https://ledger.example.test/levies").unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_page_without_an_article_falls_back_to_its_visible_text() {
    let html =
        "<html><head><title>Notice</title></head><body><p>Office closed Friday.</p></body></html>";
    let article = extract_article(html, "https://ledger.example.test/notice").unwrap();
    assert_eq!(article.text, "Office closed Friday.");
    assert_eq!(article.title.as_deref(), Some("Notice"));
    let empty = extract_article("<html><body></body></html>", "https://x.test/");
    assert_eq!(
        empty,
        Err(ExtractError::NoText {
            url: "https://x.test/".to_string()
        })
    );
}

#[test]
fn deeply_nested_html_is_refused_fast_without_overflowing() {
    let depth = 200_000;
    let html = format!(
        "<html><body>{}<p>deep</p></body></html>",
        "<div>".repeat(depth)
    );
    let started = Instant::now();
    let err = extract_article(&html, "https://x.test/deep").unwrap_err();
    assert!(
        matches!(err, ExtractError::TooDeep { depth: found, limit: MAX_HTML_DEPTH, .. } if found >= depth)
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn nesting_just_under_the_limit_still_extracts_on_a_small_test_thread() {
    let depth = MAX_HTML_DEPTH - 10;
    let sentence = "Nested text that still counts as a paragraph of the article body. ";
    let html = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(depth),
        sentence.repeat(10),
        "</div>".repeat(depth)
    );
    let article = extract_article(&html, "https://x.test/nested").unwrap();
    assert!(article.text.starts_with("Nested text that still counts"));
}
