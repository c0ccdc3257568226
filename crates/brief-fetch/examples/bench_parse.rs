//! Benchmark: parsing a generated 100-item RSS feed and extracting a generated article page.
//!
//! `cargo run --release -p brief-fetch --example bench_parse`

use std::time::{Duration, Instant};

use brief_fetch::{FeedOptions, extract_article, parse_feed};

fn median_of(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut timings: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    timings.sort();
    timings[runs / 2]
}

fn main() {
    let mut feed = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Generated</title>",
    );
    for n in 0..100 {
        feed.push_str(&format!(
            "<item><title>Item {n}</title><link>https://gen.example.test/{n}</link><guid>g{n}</guid>\
             <pubDate>Mon, 03 Feb 2025 {:02}:00:00 GMT</pubDate>\
             <description>&lt;p&gt;Paragraph one of item {n}.&lt;/p&gt;&lt;p&gt;Paragraph two.&lt;/p&gt;</description></item>",
            n % 24
        ));
    }
    feed.push_str("</channel></rss>");
    let feed_time = median_of(21, || {
        let parsed = parse_feed(
            feed.as_bytes(),
            "https://gen.example.test/feed",
            &FeedOptions::default(),
        )
        .unwrap();
        assert_eq!(parsed.items.len(), 100);
    });

    let mut page = String::from(
        "<html><head><title>Generated article</title></head><body><nav>Home | About</nav><article><h1>Generated</h1>",
    );
    for n in 0..60 {
        page.push_str(&format!(
            "<p>Paragraph {n} of a generated article, long enough to be scored as body text by the extractor, \
             with a few clauses, commas, and a closing sentence.</p>"
        ));
    }
    page.push_str("</article><footer>Footer</footer></body></html>");
    let page_time = median_of(21, || {
        let article = extract_article(&page, "https://gen.example.test/a").unwrap();
        assert!(article.readable);
    });

    println!(
        "feed of 100 items ({} KB): {:.2} ms; article of 60 paragraphs ({} KB): {:.2} ms (medians of 21)",
        feed.len() / 1024,
        feed_time.as_secs_f64() * 1000.0,
        page.len() / 1024,
        page_time.as_secs_f64() * 1000.0
    );
}
