//! The network boundary: a fetch reaches public addresses only, unless the configured URL
//! names a loopback host itself (that host and port only) or the brief allows private
//! networks. Redirects to private, link-local or other loopback addresses, in any spelling,
//! are refused before a connection is made.

mod support;

use std::time::Duration;

use brief_fetch::{
    FetchConfig, FetchError, FetchOptions, Fetcher, NetworkAccess, Outcome, SourceState,
};
use support::{Reply, TestServer};

fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        host_min_interval: Duration::ZERO,
        ..FetchConfig::default()
    })
}

fn options_for(url: &str, allow_private_network: bool) -> FetchOptions {
    FetchOptions {
        network: NetworkAccess::for_configured_url(url, allow_private_network),
        ..FetchOptions::default()
    }
}

fn refusal(outcome: Outcome) -> (String, String, String) {
    match outcome {
        Outcome::Failed {
            error: FetchError::AddressRefused { url, address, kind },
            ..
        } => (url, address, kind),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn redirects_into_private_networks_are_refused_in_every_spelling() {
    let targets = [
        (
            "http://169.254.169.254/latest/meta-data/",
            "169.254.169.254",
            "link-local",
        ),
        (
            "http://2852039166/latest/meta-data/",
            "169.254.169.254",
            "link-local",
        ),
        (
            "http://[::ffff:169.254.169.254]/",
            "::ffff:169.254.169.254",
            "link-local",
        ),
        ("http://10.0.0.1/admin", "10.0.0.1", "private"),
        ("http://0.0.0.0/", "0.0.0.0", "unspecified"),
        ("http://[fe80::1]/", "fe80::1", "link-local"),
    ];
    for (target, address, kind) in targets {
        let server = TestServer::start(move |_| Reply::new(302).header("Location", target));
        let url = server.url("/page");
        let mut state = SourceState::new(&url);
        let got = refusal(fetcher().fetch(&mut state, &options_for(&url, false)));
        assert_eq!(
            (got.1.as_str(), got.2.as_str()),
            (address, kind),
            "{target}"
        );
        assert!(
            state
                .last_error
                .as_deref()
                .is_some_and(|e| e.contains("allow_private_network"))
        );
    }
}

#[test]
fn another_loopback_port_or_name_is_refused_even_from_a_configured_loopback_url() {
    let other = TestServer::start(|_| Reply::ok("internal"));
    let other_port = other
        .url("/")
        .split(':')
        .nth(2)
        .and_then(|p| p.split('/').next())
        .unwrap()
        .to_string();
    for target in [
        other.url("/secret"),
        // a name, resolved by brief: the address connected to is what is checked
        format!("http://localhost:{other_port}/secret"),
    ] {
        let server = TestServer::start(move |_| Reply::new(302).header("Location", &target));
        let url = server.url("/page");
        let mut state = SourceState::new(&url);
        let (_, _, kind) = refusal(fetcher().fetch(&mut state, &options_for(&url, false)));
        assert_eq!(kind, "loopback");
    }
    assert_eq!(other.requests().len(), 0, "the internal server was reached");
}

#[test]
fn a_configured_loopback_url_and_its_own_redirects_are_fetched() {
    let server = TestServer::start(|req| {
        if req.path.ends_with("/old") {
            Reply::new(301).header("Location", "/new")
        } else {
            Reply::ok("here")
        }
    });
    let url = server.url("/old");
    let mut state = SourceState::new(&url);
    assert!(matches!(
        fetcher().fetch(&mut state, &options_for(&url, false)),
        Outcome::Fetched(_)
    ));
}

#[test]
fn public_only_access_refuses_a_loopback_server_and_allowing_private_networks_reaches_it() {
    let server = TestServer::start(|_| Reply::ok("here"));
    let url = server.url("/page");
    let mut state = SourceState::new(&url);
    let (_, address, kind) = refusal(fetcher().fetch(&mut state, &FetchOptions::default()));
    assert_eq!((address.as_str(), kind.as_str()), ("127.0.0.1", "loopback"));
    let mut state = SourceState::new(&url);
    assert!(matches!(
        fetcher().fetch(&mut state, &options_for(&url, true)),
        Outcome::Fetched(_)
    ));
}
