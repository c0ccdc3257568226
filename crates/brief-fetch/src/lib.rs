//! Fetching remote sources for brief: web articles and RSS/Atom/JSON feeds, politely and
//! robustly, for scheduled regeneration.
//!
//! The pieces, in the order a scheduler uses them:
//!
//! 1. [`SourceState`] — per-URL state the caller persists (validators, backoff, freshness,
//!    retirement, last content hash).
//! 2. [`Fetcher::fetch`] — one polite request: conditional GET, `Retry-After`,
//!    `Cache-Control`, backoff with deterministic jitter, timeouts, a body cap, a per-host
//!    rate limit, safe redirects. Returns an [`Outcome`] and updates the state.
//! 3. [`parse_feed`] for feeds, or [`decode_html`] + [`extract_article`] for pages, to get
//!    plain text in the shape brief's ingest expects.
//!
//! Time comes from a [`Clock`], so everything time-dependent is testable with [`FakeClock`].
//! The library never sleeps: deferrals return the time to come back.
//! See `docs/sources-remote.md` for behaviour in detail.

mod article;
mod backoff;
mod cache_headers;
mod charset;
mod clock;
mod config;
mod error;
mod exchange;
mod feed;
mod feed_guard;
mod feed_items;
mod fetcher;
mod html_depth;
mod network;
mod outcome;
mod plain_text;
mod rate_limit;
mod state;
mod url_policy;

pub use article::{ExtractError, ExtractedArticle, MAX_HTML_DEPTH, extract_article};
pub use backoff::backoff_delay;
pub use charset::decode_html;
pub use clock::{Clock, FakeClock, SystemClock, from_unix_seconds, unix_seconds};
pub use config::FetchConfig;
pub use error::FetchError;
pub use feed::{FeedError, FeedItem, FeedOptions, ParsedFeed, parse_feed};
pub use fetcher::{FetchOptions, Fetcher, SourceKind};
pub use network::{NetworkAccess, non_public};
pub use outcome::{DeferReason, Fetched, Outcome};
pub use plain_text::{html_fragment_text, paragraphs_text};
pub use state::SourceState;
