//! One fetch pass over a brief's remote sources: ask each politely for what changed and
//! refresh the cache from what came back.

use std::fmt;
use std::path::Path;
use std::time::{Duration, SystemTime};

use brief_config::{BriefConfig, SourceConfig, SourceLocation};
use brief_fetch::{
    DeferReason, FeedOptions, FetchOptions, Fetched, Fetcher, NetworkAccess, Outcome, SourceKind,
    SourceState, decode_html, extract_article, paragraphs_text, parse_feed,
};

use super::cache::{CachedItem, Manifest, cache_dir, read_cached_text, read_manifest, write_cache};
use super::state::FetchStates;
use crate::{BriefLocation, EngineError};

/// Which remote sources a pass asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncMode {
    /// Only those with no local copy yet (`brief build`).
    Missing,
    /// Every source whose backoff and cache freshness allow it (`brief schedule`).
    Due,
    /// Every source, ignoring validators, backoff and freshness (`brief build --force`).
    Force,
}

/// What happened to one configured remote source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSync {
    pub id: String,
    /// The URL written in brief.toml.
    pub url: String,
    pub event: SyncEvent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    /// New text is in the cache.
    Updated {
        articles: usize,
        /// Something the user should know about the new copy (e.g. no article found).
        note: Option<String>,
    },
    /// The server said nothing changed (304, or the same body again).
    Unchanged,
    /// Not asked this time: backing off, still fresh, or rate limited.
    Deferred {
        until: SystemTime,
        reason: DeferReason,
    },
    /// The source answered 410 Gone; the last copy is kept.
    Retired,
    /// The fetch or the extraction failed; the last copy, if any, is kept.
    Failed { error: String },
}

impl SyncEvent {
    /// Whether the user should hear about it even when nothing else is printed.
    pub fn is_problem(&self) -> bool {
        matches!(self, SyncEvent::Retired | SyncEvent::Failed { .. })
            || matches!(self, SyncEvent::Updated { note: Some(_), .. })
    }
}

impl fmt::Display for SourceSync {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (id, url) = (&self.id, &self.url);
        match &self.event {
            SyncEvent::Updated { articles, note } => {
                let s = if *articles == 1 { "" } else { "s" };
                if note.is_some() {
                    // printed on stderr with the other problems
                    write!(f, "warning: ")?;
                }
                write!(f, "fetched {id} ({url}): {articles} article{s}")?;
                if let Some(note) = note {
                    write!(f, "; {note}")?;
                }
                Ok(())
            }
            SyncEvent::Unchanged => write!(f, "unchanged {id} ({url})"),
            SyncEvent::Deferred { until, reason } => {
                let secs = until
                    .duration_since(SystemTime::now())
                    .unwrap_or_default()
                    .as_secs();
                let why = match reason {
                    DeferReason::Backoff => "backing off after failures",
                    DeferReason::Fresh => "the last copy is still fresh",
                    DeferReason::RateLimited => "rate limit for its host",
                };
                write!(f, "skipped {id} ({url}): {why}; next try in {secs} s")
            }
            SyncEvent::Retired => write!(
                f,
                "warning: {id} ({url}) is gone (HTTP 410); the brief keeps its last copy; remove the source from brief.toml to drop it"
            ),
            SyncEvent::Failed { error } => write!(
                f,
                "warning: source {id}: {error} (keeping the last fetched copy)"
            ),
        }
    }
}

/// Longest wait for a host's rate limit inside one pass; beyond it the source waits for the
/// next pass instead of stalling the others.
const MAX_RATE_WAIT: Duration = Duration::from_secs(30);

/// Fetches the brief's remote sources as `mode` says and refreshes their cached copies.
/// Fetch problems are reported per source, never as an error: a brief with one broken feed
/// still builds from the rest. Errors are local I/O (state, lock, cache).
pub fn sync_remote_sources(
    location: &BriefLocation,
    config: &BriefConfig,
    fetcher: &Fetcher,
    mode: SyncMode,
) -> Result<Vec<SourceSync>, EngineError> {
    let remote: Vec<&SourceConfig> = config
        .sources
        .iter()
        .filter(|s| s.location.remote_url().is_some())
        .collect();
    let needs_fetch = |s: &&SourceConfig| mode != SyncMode::Missing || !has_copy(location, s);
    if !remote.iter().any(needs_fetch) {
        return Ok(Vec::new());
    }
    let mut states = FetchStates::open(location)?;
    // forget sources removed from brief.toml, so the state file does not grow forever
    states
        .sources
        .retain(|url, _| remote.iter().any(|s| s.location.remote_url() == Some(url)));
    let mut reports = Vec::new();
    for source in remote.into_iter().filter(needs_fetch) {
        let url = source.location.remote_url().unwrap_or_default().to_string();
        let forced = mode == SyncMode::Force || !has_copy(location, source);
        let state = states
            .sources
            .entry(url.clone())
            .or_insert_with(|| SourceState::new(&url));
        let event = fetch_one(location, config, source, fetcher, state, forced)?;
        reports.push(SourceSync {
            id: source.id.clone(),
            url,
            event,
        });
    }
    states.save()?;
    Ok(reports)
}

fn has_copy(location: &BriefLocation, source: &SourceConfig) -> bool {
    read_manifest(&cache_dir(location, &source.id))
        .is_some_and(|(m, _)| Some(m.url.as_str()) == source.location.remote_url())
}

fn fetch_one(
    location: &BriefLocation,
    config: &BriefConfig,
    source: &SourceConfig,
    fetcher: &Fetcher,
    state: &mut SourceState,
    force: bool,
) -> Result<SyncEvent, EngineError> {
    let kind = match source.location {
        SourceLocation::Feed { .. } => SourceKind::Feed,
        _ => SourceKind::Article,
    };
    let url = source.location.remote_url().unwrap_or_default();
    let options = FetchOptions {
        force,
        kind,
        network: NetworkAccess::for_configured_url(url, config.allow_private_network),
    };
    Ok(match fetch_waiting(fetcher, state, &options) {
        Outcome::Fetched(fetched) => {
            let dir = cache_dir(location, &source.id);
            match extract(source, &fetched) {
                Ok((manifest, mut items, mut note)) => {
                    if let SourceLocation::Feed {
                        full_text: true, ..
                    } = source.location
                    {
                        // item links come from the feed, not from brief.toml: they may reach
                        // what the feed's own URL may (its loopback host, if brief.toml named
                        // one), never another private address
                        let failures =
                            fetch_full_texts(&dir, fetcher, &options.network, &mut items);
                        if failures > 0 {
                            note = Some(format!(
                                "{failures} item link(s) could not be fetched; their feed text is used"
                            ));
                        }
                    }
                    let articles = items.len();
                    let scope = crate::paths::state_scope(location)?;
                    write_cache(&scope, &dir, manifest, items)?;
                    SyncEvent::Updated { articles, note }
                }
                Err(error) => {
                    // the server's answer was fine but unusable: forget its validators so the
                    // next pass downloads it again instead of hearing "304" forever
                    state.etag = None;
                    state.last_modified = None;
                    state.content_hash = None;
                    state.last_error = Some(error.clone());
                    SyncEvent::Failed { error }
                }
            }
        }
        Outcome::NotModified | Outcome::Unchanged { .. } => SyncEvent::Unchanged,
        Outcome::Deferred { until, reason } => SyncEvent::Deferred { until, reason },
        Outcome::Retired { .. } => SyncEvent::Retired,
        Outcome::Failed { error, .. } => SyncEvent::Failed {
            error: error.to_string(),
        },
    })
}

/// One fetch, waiting for the host's rate limit when the wait is short.
fn fetch_waiting(fetcher: &Fetcher, state: &mut SourceState, options: &FetchOptions) -> Outcome {
    let outcome = fetcher.fetch(state, options);
    if let Outcome::Deferred {
        until,
        reason: DeferReason::RateLimited,
    } = outcome
    {
        let wait = until.duration_since(fetcher.now()).unwrap_or_default();
        if wait <= MAX_RATE_WAIT {
            std::thread::sleep(wait);
            return fetcher.fetch(state, options);
        }
    }
    outcome
}

/// Replaces each feed item's text with the article its link leads to. Articles already in
/// the cache are reused, since an item's page rarely changes once published and refetching
/// every item on every pass would hammer the site; an item whose page cannot be fetched
/// keeps the feed's text. Returns how many could not be fetched.
fn fetch_full_texts(
    dir: &Path,
    fetcher: &Fetcher,
    network: &NetworkAccess,
    items: &mut [(CachedItem, String)],
) -> usize {
    let previous = read_manifest(dir).map(|(m, _)| m.items).unwrap_or_default();
    let mut failures = 0;
    for (item, text) in items.iter_mut() {
        let Some(link) = item.link.clone() else {
            continue;
        };
        let cached = previous
            .iter()
            .find(|p| p.id == item.id && p.full_text)
            .and_then(|p| read_cached_text(dir, p));
        if let Some(full) = cached {
            *text = full;
            item.full_text = true;
            continue;
        }
        let mut state = SourceState::new(&link);
        let options = FetchOptions {
            force: true,
            kind: SourceKind::Article,
            network: network.clone(),
        };
        let page = match fetch_waiting(fetcher, &mut state, &options) {
            Outcome::Fetched(fetched) => read_page(&fetched).ok(),
            _ => None,
        };
        match page {
            Some(page) if page.readable => {
                *text = page.text;
                item.full_text = true;
                if item.author.is_none() {
                    item.author = page.author;
                }
            }
            _ => failures += 1,
        }
    }
    failures
}

/// A web page's article text and what it says about itself.
struct Page {
    text: String,
    title: Option<String>,
    author: Option<String>,
    site: Option<String>,
    published: Option<String>,
    /// False when no article was found and `text` is the whole page.
    readable: bool,
}

fn read_page(fetched: &Fetched) -> Result<Page, String> {
    super::content::check(SourceKind::Article, fetched)?;
    let content_type = fetched.content_type.as_deref();
    let plain = content_type.is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.starts_with("text/plain") || t.starts_with("text/markdown")
    });
    let decoded = decode_html(&fetched.body, content_type);
    let page = if plain {
        Page {
            text: paragraphs_text(&decoded),
            title: None,
            author: None,
            site: None,
            published: None,
            readable: true,
        }
    } else {
        let page = extract_article(&decoded, &fetched.final_url).map_err(|e| e.to_string())?;
        Page {
            text: page.text,
            title: page.title,
            author: page.byline,
            site: page.site_name,
            published: page.published,
            readable: page.readable,
        }
    };
    if page.text.trim().is_empty() {
        return Err(format!("{}: the page has no text", fetched.final_url));
    }
    Ok(page)
}

type Extracted = (Manifest, Vec<(CachedItem, String)>, Option<String>);

/// Turns a fetched body into cached articles: feed items, or a page's readable text.
fn extract(source: &SourceConfig, fetched: &Fetched) -> Result<Extracted, String> {
    let url = source.location.remote_url().unwrap_or_default();
    let mut manifest = Manifest {
        url: url.to_string(),
        final_url: fetched.final_url.clone(),
        title: None,
        items: Vec::new(),
    };
    let item = |id: String| CachedItem {
        id,
        file: String::new(),
        title: None,
        author: None,
        publisher: None,
        published: None,
        link: None,
        full_text: false,
    };
    match &source.location {
        SourceLocation::Feed { max_items, .. } => {
            super::content::check(SourceKind::Feed, fetched)?;
            let options = FeedOptions {
                max_items: Some(*max_items),
            };
            let feed = parse_feed(&fetched.body, &fetched.final_url, &options)
                .map_err(|e| e.to_string())?;
            manifest.title = clamp(feed.title.clone());
            let mut items = Vec::new();
            for entry in feed.items {
                let text = if entry.text.trim().is_empty() {
                    entry.title.clone().unwrap_or_default()
                } else {
                    entry.text.clone()
                };
                if text.trim().is_empty() {
                    continue;
                }
                let hash = blake3::hash(entry.id.as_bytes()).to_hex();
                let mut cached = item(format!("{}-{}", source.id, &hash[..6]));
                cached.title = clamp(entry.title);
                cached.author =
                    clamp((!entry.authors.is_empty()).then(|| entry.authors.join(", ")));
                cached.publisher = clamp(feed.title.clone());
                cached.published = clamp(entry.date);
                cached.link = entry.link;
                items.push((cached, text));
            }
            if items.is_empty() {
                return Err(format!(
                    "{}: the feed has no items with text",
                    fetched.final_url
                ));
            }
            Ok((manifest, items, None))
        }
        _ => {
            let page = read_page(fetched)?;
            let mut cached = item(source.id.clone());
            cached.link = Some(fetched.final_url.clone());
            cached.title = clamp(page.title);
            cached.author = clamp(page.author);
            cached.publisher = clamp(page.site);
            cached.published = clamp(page.published);
            let note = (!page.readable)
                .then(|| "no article found on the page; using all its text".to_string());
            manifest.title = cached.title.clone();
            Ok((manifest, vec![(cached, page.text)], note))
        }
    }
}

/// A server's metadata (a title, an author) as one line of at most
/// [`brief_config::MAX_TEXT_CHARS`] characters, cut at a word with "…": a megabyte title is
/// an attack on the typesetter, not a title.
fn clamp(value: Option<String>) -> Option<String> {
    let value = value?;
    let line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let max = brief_config::MAX_TEXT_CHARS;
    if line.chars().count() <= max {
        return Some(line);
    }
    let cut: String = line.chars().take(max - 1).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    Some(format!("{}…", cut[..at_word].trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_server_title_is_cut_to_one_line_of_bounded_length() {
        let title = "word ".repeat(1_000_000);
        let cut = clamp(Some(title)).unwrap();
        assert!(cut.chars().count() <= brief_config::MAX_TEXT_CHARS);
        assert!(cut.ends_with("word…"), "{}", &cut[cut.len() - 20..]);
        assert_eq!(
            clamp(Some("Two\nlines".into())).as_deref(),
            Some("Two lines")
        );
    }
}
