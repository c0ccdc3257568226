//! Fetching against a local server: validators, Retry-After, backoff, timeouts, size cap.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use brief_fetch::{
    Clock, DeferReason, FakeClock, FetchConfig, FetchError, FetchOptions, Fetcher, NetworkAccess,
    Outcome, SourceState, from_unix_seconds, unix_seconds,
};
use support::{BodyMode, Reply, TestServer};

/// The test server listens on loopback, which fetches reach only when allowed.
fn local() -> FetchOptions {
    FetchOptions {
        network: NetworkAccess::Any,
        ..FetchOptions::default()
    }
}

const START: u64 = 1_750_000_000;

fn config() -> FetchConfig {
    FetchConfig {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        host_min_interval: Duration::from_secs(1),
        ..FetchConfig::default()
    }
}

fn fetcher_with(config: FetchConfig) -> (Fetcher, Arc<FakeClock>) {
    let clock = Arc::new(FakeClock::at_unix(START));
    (Fetcher::with_clock(config, clock.clone()), clock)
}

fn fetch(fetcher: &Fetcher, state: &mut SourceState) -> Outcome {
    fetcher.fetch(state, &local())
}

#[test]
fn two_hundred_then_304_sends_both_validators() {
    let server = TestServer::start(|request| {
        if request.header("if-none-match") == Some("\"v1\"") {
            Reply::new(304).header("ETag", "\"v1\"")
        } else {
            Reply::ok("<rss/>")
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Tue, 03 Jun 2025 10:00:00 GMT")
                .header("Content-Type", "application/rss+xml")
        }
    });
    let (fetcher, clock) = fetcher_with(config());
    let mut state = SourceState::new(server.url("/feed"));

    let Outcome::Fetched(fetched) = fetch(&fetcher, &mut state) else {
        panic!("expected a body")
    };
    assert_eq!(fetched.body, b"<rss/>");
    assert_eq!(fetched.content_type.as_deref(), Some("application/rss+xml"));
    assert_eq!(fetched.final_url, server.url("/feed"));
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        state.content_hash.as_deref(),
        Some(fetched.content_hash.as_str())
    );
    assert_eq!(state.last_success_at, Some(START));

    clock.advance(Duration::from_secs(60));
    assert_eq!(fetch(&fetcher, &mut state), Outcome::NotModified);
    let second = &server.requests()[1];
    assert_eq!(second.header("if-none-match"), Some("\"v1\""));
    assert_eq!(
        second.header("if-modified-since"),
        Some("Tue, 03 Jun 2025 10:00:00 GMT")
    );
    assert_eq!(state.last_success_at, Some(START + 60));
    // The 304 had no Last-Modified: the stored one stays.
    assert!(state.last_modified.is_some());
}

#[test]
fn same_body_without_validators_is_unchanged_but_forced_fetch_returns_it() {
    let server = TestServer::start(|_| Reply::ok("same bytes"));
    let (fetcher, clock) = fetcher_with(config());
    let mut state = SourceState::new(server.url("/page"));
    assert!(matches!(fetch(&fetcher, &mut state), Outcome::Fetched(_)));
    clock.advance(Duration::from_secs(5));
    assert!(matches!(
        fetch(&fetcher, &mut state),
        Outcome::Unchanged { .. }
    ));
    clock.advance(Duration::from_secs(5));
    let forced = fetcher.fetch(
        &mut state,
        &FetchOptions {
            force: true,
            ..local()
        },
    );
    assert!(matches!(forced, Outcome::Fetched(_)));
}

#[test]
fn requests_to_one_host_are_rate_limited() {
    let server = TestServer::start(|_| Reply::ok("x"));
    let (fetcher, clock) = fetcher_with(FetchConfig {
        host_min_interval: Duration::from_secs(10),
        ..config()
    });
    let mut a = SourceState::new(server.url("/a"));
    let mut b = SourceState::new(server.url("/b"));
    assert!(matches!(fetch(&fetcher, &mut a), Outcome::Fetched(_)));
    let deferred = fetch(&fetcher, &mut b);
    assert_eq!(
        deferred,
        Outcome::Deferred {
            until: from_unix_seconds(START + 10),
            reason: DeferReason::RateLimited
        }
    );
    assert_eq!(fetcher.next_allowed(&b.url), from_unix_seconds(START + 10));
    // Even a forced fetch is polite.
    let forced = fetcher.fetch(
        &mut b,
        &FetchOptions {
            force: true,
            ..local()
        },
    );
    assert!(matches!(
        forced,
        Outcome::Deferred {
            reason: DeferReason::RateLimited,
            ..
        }
    ));
    assert_eq!(server.request_count(), 1);
    clock.advance(Duration::from_secs(10));
    assert!(matches!(fetch(&fetcher, &mut b), Outcome::Fetched(_)));
}

#[test]
fn retry_after_in_seconds_on_429_is_honoured() {
    let calls = AtomicUsize::new(0);
    let server = TestServer::start(move |_| match calls.fetch_add(1, Ordering::SeqCst) {
        0 => Reply::new(429).header("Retry-After", "120"),
        _ => Reply::ok("fine"),
    });
    let (fetcher, clock) = fetcher_with(config());
    let mut state = SourceState::new(server.url("/busy"));

    let Outcome::Failed { error, retry_at } = fetch(&fetcher, &mut state) else {
        panic!("expected failure")
    };
    assert_eq!(
        error,
        FetchError::Status {
            url: server.url("/busy"),
            status: 429
        }
    );
    assert_eq!(retry_at, from_unix_seconds(START + 120));
    assert_eq!(state.next_attempt_at, Some(START + 120));
    assert_eq!(state.consecutive_failures, 1);

    clock.advance(Duration::from_secs(119));
    let early = fetch(&fetcher, &mut state);
    assert_eq!(
        early,
        Outcome::Deferred {
            until: from_unix_seconds(START + 120),
            reason: DeferReason::Backoff
        }
    );
    assert_eq!(server.request_count(), 1);

    clock.advance(Duration::from_secs(1));
    assert!(matches!(fetch(&fetcher, &mut state), Outcome::Fetched(_)));
    assert_eq!(state.consecutive_failures, 0);
    assert_eq!(state.next_attempt_at, None);
}

#[test]
fn retry_after_as_http_date_on_503_is_honoured() {
    let wake = from_unix_seconds(START + 3_600);
    let date = httpdate::fmt_http_date(wake);
    let server = TestServer::start(move |_| Reply::new(503).header("Retry-After", &date));
    let (fetcher, _clock) = fetcher_with(config());
    let mut state = SourceState::new(server.url("/maintenance"));
    let Outcome::Failed { retry_at, .. } = fetch(&fetcher, &mut state) else {
        panic!("expected failure")
    };
    assert_eq!(retry_at, wake);
}

#[test]
fn server_errors_back_off_exponentially_then_success_resets() {
    let failures_left = AtomicUsize::new(4);
    let server = TestServer::start(move |_| {
        let left = failures_left.load(Ordering::SeqCst);
        if left > 0 {
            failures_left.store(left - 1, Ordering::SeqCst);
            Reply::new(500)
        } else {
            Reply::ok("recovered")
        }
    });
    let (fetcher, clock) = fetcher_with(config());
    let mut state = SourceState::new(server.url("/flaky"));
    let mut delays = Vec::new();
    for attempt in 1..=4u32 {
        let now = clock.now();
        let Outcome::Failed { error, retry_at } = fetch(&fetcher, &mut state) else {
            panic!("attempt {attempt}")
        };
        assert_eq!(
            error.to_string(),
            format!("{}: HTTP 500", server.url("/flaky"))
        );
        assert_eq!(state.consecutive_failures, attempt);
        delays.push(unix_seconds(retry_at) - unix_seconds(now));
        clock.set(retry_at);
    }
    // Equal jitter keeps each delay within [nominal/2, nominal] for nominal 60, 120, 240, 480 s.
    for (index, delay) in delays.iter().enumerate() {
        let nominal = 60u64 << index;
        assert!(
            (nominal / 2..=nominal + 1).contains(delay),
            "delay {index}: {delay}"
        );
    }
    assert!(
        delays.windows(2).all(|pair| pair[1] >= pair[0]),
        "{delays:?}"
    );

    assert!(matches!(fetch(&fetcher, &mut state), Outcome::Fetched(_)));
    assert_eq!(state.consecutive_failures, 0);
    assert_eq!(state.last_error, None);
}

#[test]
fn backoff_never_gives_up_and_is_capped() {
    let server = TestServer::start(|_| Reply::new(500));
    let config = FetchConfig {
        host_min_interval: Duration::ZERO,
        ..config()
    };
    let (fetcher, clock) = fetcher_with(config);
    let mut state = SourceState {
        consecutive_failures: 40,
        ..SourceState::new(server.url("/down"))
    };
    let now = clock.now();
    let Outcome::Failed { retry_at, .. } = fetch(&fetcher, &mut state) else {
        panic!()
    };
    let delay = unix_seconds(retry_at) - unix_seconds(now);
    assert!((3 * 3600..=6 * 3600 + 1).contains(&delay), "{delay}");
    clock.set(retry_at);
    assert!(matches!(
        fetch(&fetcher, &mut state),
        Outcome::Failed { .. }
    ));
    assert_eq!(state.consecutive_failures, 42);
    assert!(!state.retired);
}

#[test]
fn slow_body_past_the_timeout_fails() {
    let body = vec![b'a'; 400];
    let server = TestServer::start(move |_| {
        Reply::ok(body.clone()).mode(BodyMode::Trickle {
            chunk: 10,
            pause: Duration::from_millis(50),
        })
    });
    let (fetcher, _clock) = fetcher_with(FetchConfig {
        timeout: Duration::from_millis(400),
        ..config()
    });
    let mut state = SourceState::new(server.url("/slow"));
    let started = Instant::now();
    let outcome = fetch(&fetcher, &mut state);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    let Outcome::Failed { error, .. } = outcome else {
        panic!("expected timeout, got {outcome:?}")
    };
    assert!(matches!(error, FetchError::Timeout { .. }), "{error}");
    assert!(error.to_string().starts_with(&server.url("/slow")));
    assert!(
        state
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("timed out"))
    );
}

#[test]
fn oversized_bodies_are_refused_declared_or_streamed() {
    let server = TestServer::start(|request| match request.path.as_str() {
        "/declared" => Reply::ok("").mode(BodyMode::DeclaredLength(50_000_000)),
        "/streamed" => Reply::ok("").mode(BodyMode::Endless),
        _ => Reply::ok(vec![b'z'; 4096]).mode(BodyMode::CloseDelimited),
    });
    let config = FetchConfig {
        max_body_bytes: 1_000,
        host_min_interval: Duration::ZERO,
        ..config()
    };
    let (fetcher, _clock) = fetcher_with(config);
    for path in ["/declared", "/streamed", "/close-delimited"] {
        let mut state = SourceState::new(server.url(path));
        let started = Instant::now();
        let Outcome::Failed { error, .. } = fetch(&fetcher, &mut state) else {
            panic!("{path}")
        };
        assert_eq!(
            error,
            FetchError::BodyTooLarge {
                url: server.url(path),
                limit: 1_000
            },
            "{path}"
        );
        // The endless body is refused while streaming, long before it would end.
        assert!(started.elapsed() < Duration::from_secs(2), "{path}");
    }
}

#[test]
fn connection_refused_is_a_transport_failure_naming_the_url() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let (fetcher, _clock) = fetcher_with(config());
    let url = format!("http://127.0.0.1:{port}/nothing");
    let mut state = SourceState::new(url.clone());
    let Outcome::Failed { error, .. } = fetch(&fetcher, &mut state) else {
        panic!()
    };
    assert!(matches!(error, FetchError::Transport { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with(&url) && !message.contains('\n'),
        "{message}"
    );
}
