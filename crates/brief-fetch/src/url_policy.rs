//! Which URLs may be requested, and how redirect targets are resolved.
//!
//! Only `http` and `https` are ever requested. The check runs on the configured URL and on
//! every redirect target, so a server cannot steer the fetcher to `file://`, `ftp://`,
//! `data:` or any other scheme.

use url::Url;

use crate::error::FetchError;

/// Parses `url` and checks it is an absolute http(s) URL with a host.
pub(crate) fn parse_http_url(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url).map_err(|err| FetchError::InvalidUrl {
        url: url.to_string(),
        reason: err.to_string(),
    })?;
    if !is_http(&parsed) {
        return Err(FetchError::InvalidUrl {
            url: url.to_string(),
            reason: format!("scheme {:?} is not http or https", parsed.scheme()),
        });
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::InvalidUrl {
            url: url.to_string(),
            reason: "no host".to_string(),
        });
    }
    Ok(parsed)
}

/// Resolves a `Location` header against the URL that sent it, refusing non-http(s) targets.
pub(crate) fn redirect_target(from: &Url, location: &str) -> Result<Url, FetchError> {
    let refused = || FetchError::RefusedRedirect {
        url: from.to_string(),
        target: location.to_string(),
    };
    let target = from.join(location.trim()).map_err(|_| refused())?;
    if !is_http(&target) || target.host_str().is_none_or(str::is_empty) {
        return Err(refused());
    }
    Ok(target)
}

/// The rate-limit key of a URL: lowercase host plus the effective port.
pub(crate) fn host_key(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_accepted() {
        assert!(parse_http_url("https://example.test/feed.xml").is_ok());
        assert!(parse_http_url("http://127.0.0.1:8080/").is_ok());
        for bad in [
            "file:///etc/passwd",
            "ftp://example.test/x",
            "data:text/plain,hi",
            "example.test/x",
            "",
        ] {
            let err = parse_http_url(bad).unwrap_err();
            assert!(matches!(err, FetchError::InvalidUrl { .. }), "{bad}: {err}");
        }
    }

    #[test]
    fn redirects_resolve_relative_locations_and_refuse_other_schemes() {
        let from = Url::parse("https://example.test/a/b?x=1").unwrap();
        assert_eq!(
            redirect_target(&from, "/c").unwrap().as_str(),
            "https://example.test/c"
        );
        assert_eq!(
            redirect_target(&from, "d").unwrap().as_str(),
            "https://example.test/a/d"
        );
        assert_eq!(
            redirect_target(&from, "//other.test/e").unwrap().as_str(),
            "https://other.test/e"
        );
        for bad in [
            "file:///etc/passwd",
            "FILE:///etc/passwd",
            "ftp://x.test/",
            "data:text/html,<p>x",
            "javascript:alert(1)",
            "gopher://x.test/",
        ] {
            let err = redirect_target(&from, bad).unwrap_err();
            assert!(matches!(err, FetchError::RefusedRedirect { .. }), "{bad}");
        }
    }

    #[test]
    fn host_keys_include_the_effective_port() {
        let key = |u: &str| host_key(&Url::parse(u).unwrap());
        assert_eq!(key("https://Example.TEST/x"), "example.test:443");
        assert_eq!(key("http://example.test/x"), "example.test:80");
        assert_eq!(key("http://127.0.0.1:9000/"), "127.0.0.1:9000");
    }
}
