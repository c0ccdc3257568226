//! Readability-style extraction of the article in a web page.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::html_depth::approximate_depth;
use crate::plain_text::paragraphs_text;

/// Pages nesting deeper than this (as estimated before parsing) are refused. Real articles
/// nest a few dozen levels; the limit is far above that and far below what could stall the
/// parser or exhaust the extraction thread's stack.
pub const MAX_HTML_DEPTH: usize = 1_000;

/// Extraction runs on its own thread with this stack, so the recursion depth it can reach
/// under [`MAX_HTML_DEPTH`] does not depend on the caller's thread (test threads get 2 MiB).
const EXTRACTION_STACK_BYTES: usize = 64 * 1024 * 1024;

/// The readable part of a web page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedArticle {
    /// The page URL the text came from.
    pub url: String,
    /// The article title, if the page has one.
    pub title: Option<String>,
    /// The author line, if found.
    pub byline: Option<String>,
    /// The publication date as written in the page metadata (often RFC 3339).
    pub published: Option<String>,
    /// The site's name, if declared.
    pub site_name: Option<String>,
    /// The declared language, if any.
    pub lang: Option<String>,
    /// Plain text: one paragraph per line, paragraphs separated by a blank line. Feed it to
    /// brief's plain-text ingest.
    pub text: String,
    /// False when readability found no article and `text` is the whole page body instead.
    pub readable: bool,
}

/// Why no text could be extracted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The page nests elements deeper than [`MAX_HTML_DEPTH`].
    #[error("{url}: HTML nests at least {depth} elements deep (limit {limit}); refusing to parse")]
    TooDeep {
        /// The page URL.
        url: String,
        /// The estimated depth.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// Neither the article nor the page body holds any text.
    #[error("{url}: no readable text in the page")]
    NoText {
        /// The page URL.
        url: String,
    },
    /// The extractor itself failed (it panicked; reported rather than propagated).
    #[error("{url}: article extraction failed: {message}")]
    Failed {
        /// The page URL.
        url: String,
        /// What went wrong.
        message: String,
    },
}

/// Extracts the article from decoded HTML (see [`crate::decode_html`]) fetched from `url`.
pub fn extract_article(html: &str, url: &str) -> Result<ExtractedArticle, ExtractError> {
    let depth = approximate_depth(html);
    if depth > MAX_HTML_DEPTH {
        return Err(ExtractError::TooDeep {
            url: url.to_string(),
            depth,
            limit: MAX_HTML_DEPTH,
        });
    }
    let html_owned = html.to_string();
    let url_owned = url.to_string();
    let worker = std::thread::Builder::new()
        .name("brief-fetch-extract".to_string())
        .stack_size(EXTRACTION_STACK_BYTES)
        .spawn(move || extract_on_this_thread(&html_owned, &url_owned));
    let failed = |message: String| ExtractError::Failed {
        url: url.to_string(),
        message,
    };
    match worker {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(failed("the extractor panicked".to_string()))),
        Err(err) => Err(failed(format!("cannot start extraction thread: {err}"))),
    }
}

/// Removes a first paragraph that only repeats the byline ("By Ada Marsh"): it is metadata,
/// already in [`ExtractedArticle::byline`], and would otherwise be analysed as a sentence.
fn drop_leading_byline(text: String, byline: Option<&str>) -> String {
    let Some(byline) = byline else { return text };
    let (first, rest) = text.split_once("\n\n").unwrap_or((text.as_str(), ""));
    let normalized = first.trim().to_lowercase();
    let without_by = normalized.strip_prefix("by ").unwrap_or(&normalized);
    if without_by.trim() == byline.trim().to_lowercase() {
        rest.to_string()
    } else {
        text
    }
}

fn extract_on_this_thread(html: &str, url: &str) -> Result<ExtractedArticle, ExtractError> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    // Readability rejects relative document URLs; without one it still extracts, it just
    // cannot absolutise links, which plain text does not need.
    let document_url = url::Url::parse(url).ok().map(|_| url);
    let readability = Readability::new(html, document_url, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)));
    let parsed = readability
        .ok()
        .and_then(|mut readability| readability.parse().ok());
    let non_empty = |value: Option<String>| {
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };

    if let Some(article) = parsed {
        let byline = non_empty(article.byline);
        let text = drop_leading_byline(paragraphs_text(&article.text_content), byline.as_deref());
        if !text.is_empty() {
            return Ok(ExtractedArticle {
                url: url.to_string(),
                title: non_empty(Some(article.title)),
                byline,
                published: non_empty(article.published_time),
                site_name: non_empty(article.site_name),
                lang: non_empty(article.lang),
                text,
                readable: true,
            });
        }
    }
    // No article found: keep the page's visible text so the source is not silently empty.
    let document = Document::from(html);
    let text = paragraphs_text(&document.select("body").formatted_text());
    if text.is_empty() {
        return Err(ExtractError::NoText {
            url: url.to_string(),
        });
    }
    let title = document.select("title").text().to_string();
    Ok(ExtractedArticle {
        url: url.to_string(),
        title: non_empty(Some(title)),
        byline: None,
        published: None,
        site_name: None,
        lang: None,
        text,
        readable: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_byline_paragraph_is_dropped_only_when_it_matches() {
        let text = "By Ada Marsh\n\nBody.".to_string();
        assert_eq!(
            drop_leading_byline(text.clone(), Some("Ada Marsh")),
            "Body."
        );
        assert_eq!(
            drop_leading_byline("ada marsh\n\nBody.".into(), Some("Ada Marsh")),
            "Body."
        );
        assert_eq!(
            drop_leading_byline(text.clone(), Some("Someone Else")),
            text
        );
        assert_eq!(drop_leading_byline(text.clone(), None), text);
    }
}
