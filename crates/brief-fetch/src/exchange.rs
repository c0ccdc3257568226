//! One HTTP request and its response, without following redirects.
//!
//! Redirects, status handling and state updates live in [`crate::fetcher`]; this module only
//! talks to `ureq` and turns its errors into [`FetchError`]s that name the URL.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::Agent;
use ureq::http::HeaderMap;

use crate::config::FetchConfig;
use crate::error::{FetchError, one_line};
use crate::network::{AddressRefused, NetworkAccess, checked_agent};

/// The parts of a response the fetcher uses.
#[derive(Debug, Default)]
pub(crate) struct Exchange {
    pub status: u16,
    pub location: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub cache_control: Option<String>,
    pub expires: Option<String>,
    pub age: Option<String>,
    pub retry_after: Option<String>,
    pub content_type: Option<String>,
    /// Read only for 2xx responses; empty otherwise.
    pub body: Vec<u8>,
}

/// Conditional-request validators to send.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Validators<'a> {
    pub etag: Option<&'a str>,
    pub last_modified: Option<&'a str>,
}

/// An agent that never follows redirects or turns statuses into errors by itself, and
/// connects only to the addresses `access` allows.
pub(crate) fn build_agent(config: &FetchConfig, access: NetworkAccess) -> Agent {
    let config = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(config.user_agent.as_str())
        .timeout_connect(Some(config.connect_timeout))
        .build();
    checked_agent(config, access)
}

/// Sends one GET to `url` within `budget` and reads a 2xx body up to `max_body_bytes`.
pub(crate) fn exchange(
    agent: &Agent,
    url: &str,
    accept: &str,
    validators: Validators<'_>,
    budget: Duration,
    max_body_bytes: u64,
    configured_timeout: Duration,
) -> Result<Exchange, FetchError> {
    let mut request = agent.get(url).header("Accept", accept);
    if let Some(etag) = validators.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(last_modified) = validators.last_modified {
        request = request.header("If-Modified-Since", last_modified);
    }
    let mut response = request
        .config()
        .timeout_global(Some(budget))
        .build()
        .call()
        .map_err(|err| map_error(url, err, max_body_bytes, configured_timeout))?;

    let headers = response.headers();
    let header = |name: &str| header_text(headers, name);
    let mut exchange = Exchange {
        status: response.status().as_u16(),
        location: header("location"),
        etag: header("etag"),
        last_modified: header("last-modified"),
        cache_control: header("cache-control"),
        expires: header("expires"),
        age: header("age"),
        retry_after: header("retry-after"),
        content_type: header("content-type"),
        body: Vec::new(),
    };
    if (200..300).contains(&exchange.status) {
        // Refuse before reading when the server admits the body is too large; otherwise the
        // limit stops the read as soon as it is crossed, counting decoded bytes.
        let declared = header("content-length").and_then(|len| len.trim().parse::<u64>().ok());
        if declared.is_some_and(|len| len > max_body_bytes) {
            return Err(FetchError::BodyTooLarge {
                url: url.to_string(),
                limit: max_body_bytes,
            });
        }
        exchange.body = response
            .body_mut()
            .with_config()
            .limit(max_body_bytes)
            .read_to_vec()
            .map_err(|err| map_error(url, err, max_body_bytes, configured_timeout))?;
    }
    Ok(exchange)
}

/// Multiple headers with the same name (e.g. two `Cache-Control` lines) are joined with
/// ", " as HTTP defines; values that are not visible ASCII are ignored.
fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

fn map_error(url: &str, err: ureq::Error, max_body_bytes: u64, timeout: Duration) -> FetchError {
    let url = url.to_string();
    match err {
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url,
            after: timeout,
        },
        ureq::Error::Io(io) if matches!(io.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
            FetchError::Timeout {
                url,
                after: timeout,
            }
        }
        ureq::Error::Io(io) if io.get_ref().is_some_and(|e| e.is::<AddressRefused>()) => {
            let refused = io
                .get_ref()
                .and_then(|e| e.downcast_ref::<AddressRefused>())
                .cloned();
            match refused {
                Some(r) => refused_error(&url, &r),
                None => FetchError::Transport {
                    url,
                    message: one_line(&io.to_string()),
                },
            }
        }
        ureq::Error::BodyExceedsLimit(_) => FetchError::BodyTooLarge {
            url,
            limit: max_body_bytes,
        },
        other => FetchError::Transport {
            url,
            message: one_line(&other.to_string()),
        },
    }
}

/// The error for a connection the network policy refused.
pub(crate) fn refused_error(url: &str, refused: &AddressRefused) -> FetchError {
    FetchError::AddressRefused {
        url: url.to_string(),
        address: refused.address.to_string(),
        kind: refused.kind.to_string(),
    }
}
