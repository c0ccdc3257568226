//! RSS, Atom and JSON Feed parsing into deduplicated, newest-first items.

use feed_rs::model::{Entry, Text};
use serde::{Deserialize, Serialize};

use crate::feed_guard::{PrologProblem, check_prolog};
use crate::feed_items::{dedupe_and_order, item_identity};
use crate::html_depth::approximate_depth;
use crate::plain_text::{html_fragment_text, paragraphs_text};

/// How to turn a feed into items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedOptions {
    /// Keep only this many items, newest first (`None` keeps all). A brief.toml option.
    pub max_items: Option<usize>,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedFeed {
    /// The feed's title, if any.
    pub title: Option<String>,
    /// Items after deduplication, newest first, at most `max_items`.
    pub items: Vec<FeedItem>,
    /// How many items were dropped as duplicates.
    pub duplicates_dropped: usize,
}

/// One feed item (RSS item, Atom entry, JSON Feed item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedItem {
    /// Stable identity: the GUID if the item has one, else its link, else
    /// `urn:blake3:<content hash>`. The same item gets the same id on every parse.
    pub id: String,
    /// The item's own GUID / Atom id / JSON Feed id, if it has one.
    pub guid: Option<String>,
    /// The item's link (the article to fetch for the full text).
    pub link: Option<String>,
    /// The title as plain text.
    pub title: Option<String>,
    /// Publication time, Unix seconds.
    pub published: Option<i64>,
    /// Last update time, Unix seconds.
    pub updated: Option<i64>,
    /// Publication (or else update) time as RFC 3339, for display and for brief's `published`.
    pub date: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// The item's content (or, without content, its summary) as plain text: one paragraph
    /// per line, blank lines between.
    pub text: String,
    /// blake3 hex of the title and text: detects the same item under another id.
    pub content_hash: String,
}

/// Why a feed could not be parsed. Messages name the feed URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The XML declares entities (e.g. a "billion laughs" bomb or an external entity).
    #[error("{url}: feed refused: its DOCTYPE declares XML entities (entity expansion attack?)")]
    EntityDeclarations {
        /// The feed URL.
        url: String,
    },
    /// The feed is not well-formed XML/JSON or not a recognisable feed.
    #[error("{url}: malformed feed: {message}")]
    Malformed {
        /// The feed URL.
        url: String,
        /// The parser's complaint, on one line.
        message: String,
    },
}

/// Parses feed bytes fetched from `url` (also the base for relative links).
///
/// Pass the raw body: the XML prolog's encoding declaration must apply to undecoded bytes.
pub fn parse_feed(body: &[u8], url: &str, options: &FeedOptions) -> Result<ParsedFeed, FeedError> {
    match check_prolog(body) {
        Ok(()) => {}
        Err(PrologProblem::EntityDeclaration) => {
            return Err(FeedError::EntityDeclarations {
                url: url.to_string(),
            });
        }
        Err(PrologProblem::Unterminated) => {
            return Err(FeedError::Malformed {
                url: url.to_string(),
                message: "unterminated DOCTYPE, comment or processing instruction".to_string(),
            });
        }
    }
    // feed-rs otherwise invents a random UUID for items without an id. An empty id marks
    // "none given"; identity is then derived from the link or content below.
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        .id_generator(|_links, _title, _uri| String::new())
        .build();
    let feed = parser.parse(body).map_err(|err| FeedError::Malformed {
        url: url.to_string(),
        message: crate::error::one_line(&err.to_string()),
    })?;
    let items: Vec<FeedItem> = feed.entries.iter().map(item_from_entry).collect();
    let (items, duplicates_dropped) = dedupe_and_order(items, options.max_items);
    Ok(ParsedFeed {
        title: feed
            .title
            .as_ref()
            .map(one_line_text)
            .filter(|t| !t.is_empty()),
        items,
        duplicates_dropped,
    })
}

fn item_from_entry(entry: &Entry) -> FeedItem {
    let guid = Some(entry.id.trim().to_string()).filter(|id| !id.is_empty());
    let link = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or(entry.links.first())
        .map(|link| link.href.trim().to_string())
        .filter(|href| !href.is_empty());
    let title = entry
        .title
        .as_ref()
        .map(one_line_text)
        .filter(|t| !t.is_empty());
    let body = entry
        .content
        .as_ref()
        .and_then(|content| {
            let body = content.body.as_deref()?;
            Some(plain_text(
                body,
                content.content_type.to_string().contains("html"),
            ))
        })
        .filter(|text| !text.is_empty());
    let text = body
        .or_else(|| entry.summary.as_ref().map(text_of))
        .unwrap_or_default();
    let content_hash = content_hash(title.as_deref(), &text);
    let published = entry.published.map(|at| at.timestamp());
    let updated = entry.updated.map(|at| at.timestamp());
    FeedItem {
        id: item_identity(guid.as_deref(), link.as_deref(), &content_hash),
        guid,
        link,
        title,
        published,
        updated,
        date: entry.published.or(entry.updated).map(|at| at.to_rfc3339()),
        authors: entry
            .authors
            .iter()
            .filter_map(|person| person.name.as_deref())
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .collect(),
        text,
        content_hash,
    }
}

/// Plain text of a feed text construct, HTML or not.
fn text_of(text: &Text) -> String {
    plain_text(
        &text.content,
        text.content_type.to_string().contains("html"),
    )
}

fn one_line_text(text: &Text) -> String {
    text_of(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// RSS descriptions are often HTML even when not labelled so, hence the `<` test.
fn plain_text(body: &str, is_html: bool) -> String {
    if !(is_html || body.contains('<')) {
        return paragraphs_text(body);
    }
    if approximate_depth(body) > crate::article::MAX_HTML_DEPTH {
        // Too deep to parse safely: keep the words, drop the tags.
        return paragraphs_text(&strip_tags(body));
    }
    html_fragment_text(body)
}

fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    text
}

fn content_hash(title: Option<&str>, text: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(title.unwrap_or_default().as_bytes());
    hasher.update(b"\0");
    hasher.update(text.as_bytes());
    hasher.finalize().to_hex().to_string()
}
