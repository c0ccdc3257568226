//! The polite fetch: deferral checks, conditional GET, redirects, status handling and the
//! state updates that go with each outcome.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

use ureq::Agent;
use url::Url;

use crate::backoff::backoff_delay;
use crate::cache_headers::{CachePolicy, fresh_until, retry_after};
use crate::clock::{Clock, SystemClock, from_unix_seconds, unix_seconds};
use crate::config::FetchConfig;
use crate::error::FetchError;
use crate::exchange::{Exchange, Validators, build_agent, exchange, refused_error};
use crate::network::{NetworkAccess, precheck};
use crate::outcome::{DeferReason, Fetched, Outcome};
use crate::rate_limit::HostRateLimiter;
use crate::state::SourceState;
use crate::url_policy::{host_key, parse_http_url, redirect_target};

/// What kind of document is expected; only changes the `Accept` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceKind {
    /// A web page (HTML article).
    #[default]
    Article,
    /// An RSS, Atom or JSON feed.
    Feed,
}

impl SourceKind {
    fn accept(self) -> &'static str {
        match self {
            SourceKind::Article => "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
            SourceKind::Feed => {
                "application/rss+xml, application/atom+xml, application/feed+json, \
                 application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
            }
        }
    }
}

/// Per-call options of [`Fetcher::fetch`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FetchOptions {
    /// Ignore backoff and cache freshness and send no validators, so a 200 body comes back
    /// (reported as [`Outcome::Fetched`] even if unchanged). The per-host rate limit and
    /// retirement still apply.
    pub force: bool,
    /// Sets the `Accept` header.
    pub kind: SourceKind,
    /// Which addresses this fetch may connect to (default: public ones only).
    pub network: NetworkAccess,
}

/// Fetches remote sources politely. One fetcher should serve a whole scheduler pass so the
/// per-host rate limit sees every request; it is `Sync` and may be shared across threads.
#[derive(Debug)]
pub struct Fetcher {
    config: FetchConfig,
    /// One agent (and connection pool) per network access, so a pooled connection is only
    /// ever reused under the access it was checked for.
    agents: Mutex<BTreeMap<NetworkAccess, Agent>>,
    /// A proxy from the environment resolves names itself, so they are checked beforehand.
    proxied: bool,
    clock: Arc<dyn Clock>,
    limiter: HostRateLimiter,
}

/// The response that ended a redirect chain, and where the chain led.
struct Landed {
    response: Exchange,
    final_url: Url,
    /// Set when every hop so far was permanent (301/308): the URL to store from now on.
    permanent_url: Option<Url>,
}

impl Fetcher {
    /// A fetcher on the real clock.
    pub fn new(config: FetchConfig) -> Self {
        Fetcher::with_clock(config, Arc::new(SystemClock))
    }

    /// A fetcher on the given clock (use [`crate::FakeClock`] in tests).
    pub fn with_clock(config: FetchConfig, clock: Arc<dyn Clock>) -> Self {
        Fetcher {
            agents: Mutex::default(),
            proxied: ureq::Proxy::try_from_env().is_some(),
            limiter: HostRateLimiter::new(config.host_min_interval),
            config,
            clock,
        }
    }

    fn agent(&self, access: &NetworkAccess) -> Agent {
        let mut agents = self.agents.lock().unwrap_or_else(|e| e.into_inner());
        agents
            .entry(access.clone())
            .or_insert_with(|| build_agent(&self.config, access.clone()))
            .clone()
    }

    /// The configuration in use.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// The current time on this fetcher's clock.
    pub fn now(&self) -> SystemTime {
        self.clock.now()
    }

    /// When the per-host rate limit next allows a request to `url`'s host (now or in the
    /// past means immediately). Invalid URLs are never rate limited.
    pub fn next_allowed(&self, url: &str) -> SystemTime {
        let now = self.clock.now();
        match parse_http_url(url) {
            Ok(parsed) => self.limiter.next_allowed(&host_key(&parsed), now),
            Err(_) => now,
        }
    }

    /// Fetches `state.url` unless retired or deferred, and updates `state` to match the
    /// returned outcome. Never sleeps and never panics on network input.
    pub fn fetch(&self, state: &mut SourceState, options: &FetchOptions) -> Outcome {
        if state.retired {
            return Outcome::Retired {
                url: state.url.clone(),
            };
        }
        let now = self.clock.now();
        if !options.force
            && let Some((until, reason)) = state.deferred_until(now)
        {
            return Outcome::Deferred { until, reason };
        }
        let url = match parse_http_url(&state.url) {
            Ok(url) => url,
            Err(error) => return self.record_failure(state, now, error, None),
        };
        if let Err(until) = self.limiter.try_acquire(&host_key(&url), now) {
            return Outcome::Deferred {
                until,
                reason: DeferReason::RateLimited,
            };
        }
        state.last_attempt_at = Some(unix_seconds(now));

        let validators = if options.force {
            Validators::default()
        } else {
            Validators {
                etag: state.etag.as_deref(),
                last_modified: state.last_modified.as_deref(),
            }
        };
        let landed = match self.follow_redirects(
            url,
            validators,
            options.kind.accept(),
            &options.network,
            now,
        ) {
            Ok(landed) => landed,
            Err(error) => return self.record_failure(state, now, error, None),
        };
        if let Some(permanent) = &landed.permanent_url {
            state.url = permanent.to_string();
        }
        self.classify(state, now, landed, options.force)
    }

    /// Sends the request and follows up to `max_redirects` redirects within the time budget.
    fn follow_redirects(
        &self,
        start: Url,
        validators: Validators<'_>,
        accept: &str,
        access: &NetworkAccess,
        now: SystemTime,
    ) -> Result<Landed, FetchError> {
        let agent = self.agent(access);
        let began = Instant::now();
        let first_url = start.to_string();
        let mut current = start;
        let mut permanent_url = None;
        let mut all_permanent = true;
        for hop in 0..=self.config.max_redirects {
            let remaining = self.config.timeout.saturating_sub(began.elapsed());
            if remaining.is_zero() {
                return Err(FetchError::Timeout {
                    url: current.to_string(),
                    after: self.config.timeout,
                });
            }
            if self.proxied {
                precheck(&current, access).map_err(|r| refused_error(current.as_str(), &r))?;
            }
            let response = exchange(
                &agent,
                current.as_str(),
                accept,
                validators,
                remaining,
                self.config.max_body_bytes,
                self.config.timeout,
            )?;
            if !matches!(response.status, 301 | 302 | 303 | 307 | 308) {
                return Ok(Landed {
                    response,
                    final_url: current,
                    permanent_url,
                });
            }
            let location =
                response
                    .location
                    .as_deref()
                    .ok_or_else(|| FetchError::MissingLocation {
                        url: current.to_string(),
                        status: response.status,
                    })?;
            let target = redirect_target(&current, location)?;
            all_permanent &= matches!(response.status, 301 | 308);
            if all_permanent {
                permanent_url = Some(target.clone());
            }
            if hop == self.config.max_redirects {
                break;
            }
            // The hop is a request to that host too; later fetches in this pass must see it.
            self.limiter.record(&host_key(&target), now);
            current = target;
        }
        Err(FetchError::TooManyRedirects {
            url: first_url,
            limit: self.config.max_redirects,
        })
    }

    /// Turns the final response into an outcome and the matching state update.
    fn classify(
        &self,
        state: &mut SourceState,
        now: SystemTime,
        landed: Landed,
        force: bool,
    ) -> Outcome {
        let Landed {
            response,
            final_url,
            ..
        } = landed;
        let final_url_text = final_url.to_string();
        match response.status {
            200..=299 => {
                self.record_success(state, now, &response);
                let content_hash = blake3::hash(&response.body).to_hex().to_string();
                let unchanged = state.content_hash.as_deref() == Some(content_hash.as_str());
                state.content_hash = Some(content_hash.clone());
                if unchanged && !force {
                    return Outcome::Unchanged {
                        final_url: final_url_text,
                        content_hash,
                    };
                }
                Outcome::Fetched(Fetched {
                    body: response.body,
                    content_type: response.content_type,
                    final_url: final_url_text,
                    content_hash,
                })
            }
            304 => {
                self.record_success(state, now, &response);
                Outcome::NotModified
            }
            410 => {
                state.retired = true;
                state.retired_reason = Some(format!("{final_url_text}: HTTP 410 Gone"));
                state.next_attempt_at = None;
                state.fresh_until = None;
                Outcome::Retired {
                    url: final_url_text,
                }
            }
            status => {
                let error = FetchError::Status {
                    url: final_url_text,
                    status,
                };
                let server_wait = match status {
                    429 | 503 => retry_after(
                        response.retry_after.as_deref(),
                        now,
                        self.config.max_server_delay,
                    ),
                    _ => None,
                };
                self.record_failure(state, now, error, server_wait)
            }
        }
    }

    /// 2xx and 304: reset backoff, store validators and freshness per `Cache-Control`.
    fn record_success(&self, state: &mut SourceState, now: SystemTime, response: &Exchange) {
        let policy = CachePolicy::parse(response.cache_control.as_deref());
        if policy.no_store {
            state.etag = None;
            state.last_modified = None;
        } else if response.status == 304 {
            // A 304 may refresh validators; absent ones keep their stored values.
            if response.etag.is_some() {
                state.etag.clone_from(&response.etag);
            }
            if response.last_modified.is_some() {
                state.last_modified.clone_from(&response.last_modified);
            }
        } else {
            // Validators describe the representation just received, so old ones go.
            state.etag.clone_from(&response.etag);
            state.last_modified.clone_from(&response.last_modified);
        }
        state.fresh_until = fresh_until(
            policy,
            response.expires.as_deref(),
            response.age.as_deref(),
            now,
            self.config.max_server_delay,
        )
        .map(unix_seconds);
        state.consecutive_failures = 0;
        state.next_attempt_at = None;
        state.last_success_at = Some(unix_seconds(now));
        state.last_error = None;
    }

    /// Any failure: count it and schedule the next attempt, honouring a server-given wait
    /// (`Retry-After`) over the computed backoff.
    fn record_failure(
        &self,
        state: &mut SourceState,
        now: SystemTime,
        error: FetchError,
        server_wait: Option<SystemTime>,
    ) -> Outcome {
        state.consecutive_failures = state.consecutive_failures.saturating_add(1);
        let retry_at = server_wait.unwrap_or_else(|| {
            now + backoff_delay(
                &state.url,
                state.consecutive_failures,
                self.config.backoff_base,
                self.config.backoff_max,
            )
        });
        // Stored in whole seconds, rounded up so no attempt happens before the wait is over.
        let retry_secs = ceil_unix_seconds(retry_at);
        state.next_attempt_at = Some(retry_secs);
        state.last_error = Some(error.to_string());
        Outcome::Failed {
            error,
            retry_at: from_unix_seconds(retry_secs),
        }
    }
}

fn ceil_unix_seconds(time: SystemTime) -> u64 {
    let whole = unix_seconds(time);
    if from_unix_seconds(whole) < time {
        whole + 1
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_fetcher_can_be_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Fetcher>();
    }

    #[test]
    fn retry_times_round_up_to_whole_seconds() {
        let t = from_unix_seconds(10);
        assert_eq!(ceil_unix_seconds(t), 10);
        assert_eq!(ceil_unix_seconds(t + Duration::from_millis(1)), 11);
    }
}
