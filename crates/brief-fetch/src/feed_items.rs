//! Identity, deduplication and ordering of feed items.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use crate::feed::FeedItem;

/// An item's stable id: its GUID, else its link, else a URN of its content hash.
pub(crate) fn item_identity(guid: Option<&str>, link: Option<&str>, content_hash: &str) -> String {
    guid.or(link)
        .map(str::to_string)
        .unwrap_or_else(|| format!("urn:blake3:{content_hash}"))
}

/// Orders items newest first and drops duplicates; returns the kept items (at most
/// `max_items`) and how many duplicates were dropped.
///
/// Order: by publication date (the update date for items without one), newest first;
/// undated items after dated ones; ties by id, then by position in the feed. Because
/// deduplication walks this order, the newest version of a repeated item is the one kept.
///
/// An item is a duplicate if an earlier kept item has the same GUID, or else the same link,
/// or else the same content hash: feeds republish an article under a new GUID but the same
/// link, or copy an entry verbatim under new ids.
pub(crate) fn dedupe_and_order(
    items: Vec<FeedItem>,
    max_items: Option<usize>,
) -> (Vec<FeedItem>, usize) {
    let mut indexed: Vec<(usize, FeedItem)> = items.into_iter().enumerate().collect();
    indexed.sort_by(|(a_index, a), (b_index, b)| {
        let date = |item: &FeedItem| item.published.or(item.updated);
        // Some(newer) < Some(older) < None under this key.
        let key = |item: &FeedItem| (date(item).is_none(), Reverse(date(item)));
        key(a)
            .cmp(&key(b))
            .then_with(|| a.id.cmp(&b.id))
            .then_with(|| a_index.cmp(b_index))
    });

    let mut seen_guids = BTreeSet::new();
    let mut seen_links = BTreeSet::new();
    let mut seen_hashes = BTreeSet::new();
    let mut kept = Vec::new();
    let mut dropped = 0;
    for (_, item) in indexed {
        let duplicate = item
            .guid
            .as_ref()
            .is_some_and(|guid| seen_guids.contains(guid))
            || item
                .link
                .as_ref()
                .is_some_and(|link| seen_links.contains(link))
            || seen_hashes.contains(&item.content_hash);
        if duplicate {
            dropped += 1;
            continue;
        }
        if let Some(guid) = &item.guid {
            seen_guids.insert(guid.clone());
        }
        if let Some(link) = &item.link {
            seen_links.insert(link.clone());
        }
        seen_hashes.insert(item.content_hash.clone());
        kept.push(item);
    }
    if let Some(limit) = max_items {
        kept.truncate(limit);
    }
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(
        guid: Option<&str>,
        link: Option<&str>,
        hash: &str,
        published: Option<i64>,
    ) -> FeedItem {
        FeedItem {
            id: item_identity(guid, link, hash),
            guid: guid.map(str::to_string),
            link: link.map(str::to_string),
            title: None,
            published,
            updated: None,
            date: None,
            authors: Vec::new(),
            text: String::new(),
            content_hash: hash.to_string(),
        }
    }

    #[test]
    fn identity_prefers_guid_then_link_then_hash() {
        assert_eq!(item_identity(Some("g"), Some("l"), "h"), "g");
        assert_eq!(item_identity(None, Some("l"), "h"), "l");
        assert_eq!(item_identity(None, None, "h"), "urn:blake3:h");
    }

    #[test]
    fn newest_first_then_undated_then_by_id() {
        let items = vec![
            item(Some("old"), None, "1", Some(10)),
            item(Some("undated-b"), None, "2", None),
            item(Some("new"), None, "3", Some(30)),
            item(Some("undated-a"), None, "4", None),
            item(Some("tie-b"), None, "5", Some(20)),
            item(Some("tie-a"), None, "6", Some(20)),
        ];
        let (kept, dropped) = dedupe_and_order(items, None);
        let ids: Vec<&str> = kept.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            ["new", "tie-a", "tie-b", "old", "undated-a", "undated-b"]
        );
        assert_eq!(dropped, 0);
    }

    #[test]
    fn duplicates_by_guid_link_or_hash_keep_the_newest() {
        let items = vec![
            item(Some("g1"), Some("https://x.test/1"), "a", Some(10)),
            item(Some("g1"), Some("https://x.test/1"), "b", Some(50)),
            item(Some("g2"), Some("https://x.test/1"), "c", Some(5)),
            item(None, None, "a2", Some(7)),
            item(Some("g3"), None, "a2", Some(6)),
        ];
        let (kept, dropped) = dedupe_and_order(items, None);
        let hashes: Vec<&str> = kept.iter().map(|i| i.content_hash.as_str()).collect();
        assert_eq!(hashes, ["b", "a2"]);
        assert_eq!(dropped, 3);
    }

    #[test]
    fn max_items_keeps_the_newest() {
        let items = (0..5)
            .map(|n| item(Some(&format!("g{n}")), None, &n.to_string(), Some(n)))
            .collect();
        let (kept, _) = dedupe_and_order(items, Some(2));
        assert_eq!(
            kept.iter().map(|i| i.published).collect::<Vec<_>>(),
            [Some(4), Some(3)]
        );
    }
}
