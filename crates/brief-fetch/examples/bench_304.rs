//! Benchmark: one scheduler-style pass over 100 feed sources served locally, all answering
//! 304 Not Modified (the `brief schedule --once` target: well under 2 s).
//!
//! `cargo run --release -p brief-fetch --example bench_304 [-- SOURCES PASSES]`
//!
//! A first pass primes every source with an ETag (200); the timed passes then send
//! conditional requests and get 304s. All sources share one local host, so the per-host rate
//! limit is set to zero here (a real pass spreads over many hosts).

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use brief_fetch::{
    FetchConfig, FetchOptions, Fetcher, NetworkAccess, Outcome, SourceKind, SourceState,
};
use support::{Reply, TestServer};

fn main() {
    let mut args = std::env::args().skip(1);
    let sources: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let passes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);

    let server = TestServer::start(|request| {
        let etag = format!("\"{}\"", request.path.trim_start_matches('/'));
        if request.header("if-none-match") == Some(etag.as_str()) {
            Reply::new(304).header("ETag", &etag)
        } else {
            Reply::ok(format!(
                "<rss version=\"2.0\"><channel><title>{}</title></channel></rss>",
                request.path
            ))
            .header("ETag", &etag)
            .header("Content-Type", "application/rss+xml")
        }
    });
    let fetcher = Fetcher::new(FetchConfig {
        host_min_interval: Duration::ZERO,
        ..FetchConfig::default()
    });
    let options = FetchOptions {
        kind: SourceKind::Feed,
        // the local server is on loopback
        network: NetworkAccess::Any,
        ..FetchOptions::default()
    };
    let mut states: Vec<SourceState> = (0..sources)
        .map(|n| SourceState::new(server.url(&format!("/feed-{n}.xml"))))
        .collect();
    for state in &mut states {
        assert!(matches!(
            fetcher.fetch(state, &options),
            Outcome::Fetched(_)
        ));
    }

    let mut timings = Vec::new();
    for _ in 0..passes {
        let started = Instant::now();
        for state in &mut states {
            let outcome = fetcher.fetch(state, &options);
            assert_eq!(outcome, Outcome::NotModified, "{}", state.url);
        }
        timings.push(started.elapsed());
    }
    timings.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{sources} sources, 304 each: min {:.1} ms, median {:.1} ms, max {:.1} ms over {passes} passes ({} requests served)",
        ms(timings[0]),
        ms(timings[timings.len() / 2]),
        ms(timings[timings.len() - 1]),
        server.request_count()
    );
}
