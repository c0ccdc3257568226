//! Redirects (301/308 vs 302/307), scheme hardening, 410 retirement and Cache-Control.

mod support;

use std::sync::Arc;
use std::time::Duration;

use brief_fetch::{
    DeferReason, FakeClock, FetchConfig, FetchError, FetchOptions, Fetcher, NetworkAccess, Outcome,
    SourceState, from_unix_seconds,
};
use support::{Reply, TestServer};

/// The test server listens on loopback, which fetches reach only when allowed.
fn local() -> FetchOptions {
    FetchOptions {
        network: NetworkAccess::Any,
        ..FetchOptions::default()
    }
}

const START: u64 = 1_750_000_000;

fn fetcher() -> (Fetcher, Arc<FakeClock>) {
    let clock = Arc::new(FakeClock::at_unix(START));
    let config = FetchConfig {
        timeout: Duration::from_secs(5),
        host_min_interval: Duration::ZERO,
        ..FetchConfig::default()
    };
    (Fetcher::with_clock(config, clock.clone()), clock)
}

fn fetch(fetcher: &Fetcher, state: &mut SourceState) -> Outcome {
    fetcher.fetch(state, &local())
}

fn redirecting_server() -> TestServer {
    TestServer::start(|request| match request.path.as_str() {
        "/moved" => Reply::new(301).header("Location", "/new-home"),
        "/moved-308" => Reply::new(308).header("Location", "/new-home"),
        "/temporary" => Reply::new(302).header("Location", "/new-home"),
        "/temporary-307" => Reply::new(307).header("Location", "/new-home"),
        "/temp-then-moved" => Reply::new(302).header("Location", "/moved"),
        "/to-file" => Reply::new(302).header("Location", "file:///etc/passwd"),
        "/to-ftp" => Reply::new(301).header("Location", "ftp://127.0.0.1/x"),
        "/to-data" => Reply::new(307).header("Location", "data:text/html,<p>hi</p>"),
        "/no-location" => Reply::new(301),
        "/loop" => Reply::new(302).header("Location", "/loop"),
        "/new-home" => Reply::ok("home"),
        _ => Reply::new(404),
    })
}

#[test]
fn permanent_redirects_update_the_stored_url() {
    let server = redirecting_server();
    let (fetcher, _clock) = fetcher();
    for path in ["/moved", "/moved-308"] {
        let mut state = SourceState::new(server.url(path));
        let Outcome::Fetched(fetched) = fetch(&fetcher, &mut state) else {
            panic!("{path}")
        };
        assert_eq!(fetched.final_url, server.url("/new-home"));
        assert_eq!(state.url, server.url("/new-home"), "{path}");
    }
    // The next fetch goes straight to the new URL.
    let mut state = SourceState::new(server.url("/moved"));
    fetch(&fetcher, &mut state);
    let before = server.request_count();
    fetcher.fetch(
        &mut state,
        &FetchOptions {
            force: true,
            ..local()
        },
    );
    assert_eq!(server.request_count(), before + 1);
    assert_eq!(server.requests().last().unwrap().path, "/new-home");
}

#[test]
fn temporary_redirects_keep_the_stored_url() {
    let server = redirecting_server();
    let (fetcher, _clock) = fetcher();
    for path in ["/temporary", "/temporary-307", "/temp-then-moved"] {
        let mut state = SourceState::new(server.url(path));
        let Outcome::Fetched(fetched) = fetch(&fetcher, &mut state) else {
            panic!("{path}")
        };
        assert_eq!(fetched.final_url, server.url("/new-home"));
        assert_eq!(state.url, server.url(path), "{path}");
    }
}

#[test]
fn redirects_to_non_http_schemes_are_refused() {
    let server = redirecting_server();
    let (fetcher, _clock) = fetcher();
    for (path, target) in [
        ("/to-file", "file:///etc/passwd"),
        ("/to-ftp", "ftp://127.0.0.1/x"),
        ("/to-data", "data:text/html,<p>hi</p>"),
    ] {
        let mut state = SourceState::new(server.url(path));
        let Outcome::Failed { error, .. } = fetch(&fetcher, &mut state) else {
            panic!("{path}")
        };
        assert_eq!(
            error,
            FetchError::RefusedRedirect {
                url: server.url(path),
                target: target.to_string()
            }
        );
        assert_eq!(
            state.url,
            server.url(path),
            "a refused permanent redirect must not be stored"
        );
    }
}

#[test]
fn configured_non_http_urls_are_refused_without_a_request() {
    let (fetcher, _clock) = fetcher();
    let mut state = SourceState::new("file:///etc/passwd");
    let Outcome::Failed { error, .. } = fetch(&fetcher, &mut state) else {
        panic!()
    };
    assert!(matches!(error, FetchError::InvalidUrl { .. }), "{error}");
}

#[test]
fn redirect_loops_and_missing_locations_fail_clearly() {
    let server = redirecting_server();
    let (fetcher, _clock) = fetcher();
    let mut state = SourceState::new(server.url("/loop"));
    let Outcome::Failed { error, .. } = fetch(&fetcher, &mut state) else {
        panic!()
    };
    assert_eq!(
        error,
        FetchError::TooManyRedirects {
            url: server.url("/loop"),
            limit: 5
        }
    );
    let mut state = SourceState::new(server.url("/no-location"));
    let Outcome::Failed { error, .. } = fetch(&fetcher, &mut state) else {
        panic!()
    };
    assert_eq!(
        error,
        FetchError::MissingLocation {
            url: server.url("/no-location"),
            status: 301
        }
    );
}

#[test]
fn gone_retires_the_source_and_stops_requests() {
    let server = TestServer::start(|_| Reply::new(410));
    let (fetcher, clock) = fetcher();
    let mut state = SourceState::new(server.url("/withdrawn"));
    assert_eq!(
        fetch(&fetcher, &mut state),
        Outcome::Retired {
            url: server.url("/withdrawn")
        }
    );
    assert!(state.retired);
    assert_eq!(
        state.retired_reason.as_deref(),
        Some(format!("{}: HTTP 410 Gone", server.url("/withdrawn")).as_str())
    );
    clock.advance(Duration::from_secs(86_400));
    let forced = fetcher.fetch(
        &mut state,
        &FetchOptions {
            force: true,
            ..local()
        },
    );
    assert_eq!(
        forced,
        Outcome::Retired {
            url: server.url("/withdrawn")
        }
    );
    assert_eq!(server.request_count(), 1);
}

#[test]
fn max_age_defers_refetching_until_it_expires_unless_forced() {
    let server = TestServer::start(|_| {
        Reply::ok("fresh")
            .header("Cache-Control", "public, max-age=600")
            .header("ETag", "\"e\"")
    });
    let (fetcher, clock) = fetcher();
    let mut state = SourceState::new(server.url("/cached"));
    assert!(matches!(fetch(&fetcher, &mut state), Outcome::Fetched(_)));
    assert_eq!(state.fresh_until, Some(START + 600));

    clock.advance(Duration::from_secs(599));
    let deferred = fetch(&fetcher, &mut state);
    assert_eq!(
        deferred,
        Outcome::Deferred {
            until: from_unix_seconds(START + 600),
            reason: DeferReason::Fresh
        }
    );
    assert_eq!(server.request_count(), 1);

    let forced = fetcher.fetch(
        &mut state,
        &FetchOptions {
            force: true,
            ..local()
        },
    );
    assert!(matches!(forced, Outcome::Fetched(_)));
    // A forced fetch asks unconditionally, so a body always comes back.
    assert_eq!(server.requests()[1].header("if-none-match"), None);

    clock.advance(Duration::from_secs(601));
    assert!(matches!(
        fetch(&fetcher, &mut state),
        Outcome::Unchanged { .. }
    ));
    assert_eq!(server.requests()[2].header("if-none-match"), Some("\"e\""));
}

#[test]
fn no_store_keeps_no_validators_and_no_cache_always_revalidates() {
    let server = TestServer::start(|request| match request.path.as_str() {
        "/no-store" => Reply::ok("a")
            .header("Cache-Control", "no-store")
            .header("ETag", "\"s\""),
        _ => Reply::ok("b")
            .header("Cache-Control", "no-cache, max-age=600")
            .header("ETag", "\"c\""),
    });
    let (fetcher, _clock) = fetcher();
    let mut no_store = SourceState::new(server.url("/no-store"));
    fetch(&fetcher, &mut no_store);
    assert_eq!((no_store.etag, no_store.fresh_until), (None, None));
    let mut no_cache = SourceState::new(server.url("/no-cache"));
    fetch(&fetcher, &mut no_cache);
    assert_eq!(no_cache.etag.as_deref(), Some("\"c\""));
    assert_eq!(no_cache.fresh_until, None);
}
