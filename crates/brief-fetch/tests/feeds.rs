//! Feed parsing: stable ids, deduplication, ordering, malformed input and XML bombs.

use std::time::{Duration, Instant};

use brief_fetch::{FeedError, FeedOptions, parse_feed};

const FEED_URL: &str = "https://ledger.example.test/feed.rss";
const HARBOUR_FEED: &[u8] = include_bytes!("fixtures/harbour-feed.rss");

#[test]
fn duplicate_and_missing_guids_give_stable_deduplicated_items() {
    let first = parse_feed(HARBOUR_FEED, FEED_URL, &FeedOptions::default()).unwrap();
    let second = parse_feed(HARBOUR_FEED, FEED_URL, &FeedOptions::default()).unwrap();
    assert_eq!(
        first, second,
        "two parses of the same bytes must agree exactly"
    );

    let ids: Vec<&str> = first.items.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    // Newest first: dredging (5 Feb), northern terminal (4 Feb), the corrected levy item
    // (3 Feb 12:00, the newer of the two with GUID ledger-1001), then the undated item.
    assert_eq!(ids[0], "https://ledger.example.test/dredging");
    assert!(
        ids[1].starts_with("urn:blake3:"),
        "no guid, no link → content id: {}",
        ids[1]
    );
    assert_eq!(ids[2], "ledger-1001");
    assert!(ids[3].starts_with("urn:blake3:"));
    assert_eq!(
        first.items[2].title.as_deref(),
        Some("Harbour levies rise by four percent (corrected)")
    );
    assert_eq!(first.duplicates_dropped, 2);
    assert_eq!(first.title.as_deref(), Some("Coastal Ledger – Ports"));
    assert_eq!(first.items[3].published, None);
    assert_eq!(
        first.items[0].date.as_deref(),
        Some("2025-02-05T09:30:00+00:00")
    );
}

#[test]
fn item_text_is_plain_paragraphs() {
    let feed = parse_feed(HARBOUR_FEED, FEED_URL, &FeedOptions::default()).unwrap();
    let levy = feed
        .items
        .iter()
        .find(|item| item.id == "ledger-1001")
        .unwrap();
    assert_eq!(
        levy.text,
        "The port authority raised levies by four percent, not five."
    );
    let options = FeedOptions {
        max_items: Some(10),
    };
    let all = parse_feed(HARBOUR_FEED, FEED_URL, &options).unwrap();
    assert!(all.items.iter().all(|item| !item.text.contains('<')));
}

#[test]
fn html_descriptions_become_separate_paragraphs() {
    let rss = br#"<rss version="2.0"><channel><title>t</title><item><guid>a</guid>
        <description>&lt;p&gt;First point.&lt;/p&gt;&lt;p&gt;Second &amp;amp; last.&lt;/p&gt;</description>
        </item></channel></rss>"#;
    let feed = parse_feed(rss, FEED_URL, &FeedOptions::default()).unwrap();
    assert_eq!(feed.items[0].text, "First point.\n\nSecond & last.");
}

#[test]
fn max_items_takes_the_most_recent() {
    let options = FeedOptions { max_items: Some(2) };
    let feed = parse_feed(HARBOUR_FEED, FEED_URL, &options).unwrap();
    let titles: Vec<&str> = feed
        .items
        .iter()
        .filter_map(|item| item.title.as_deref())
        .collect();
    assert_eq!(
        titles,
        [
            "Dredging contract published",
            "Northern terminal fees frozen"
        ]
    );
}

#[test]
fn atom_and_json_feeds_parse() {
    let atom = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ledger Atom</title><id>urn:ledger</id><updated>2025-02-05T00:00:00Z</updated>
  <entry><title type="html">Tolls &lt;em&gt;rise&lt;/em&gt;</title><id>urn:ledger:1</id>
    <link rel="alternate" href="/tolls"/><updated>2025-02-05T00:00:00Z</updated>
    <author><name>R. Quay</name></author>
    <content type="html">&lt;p&gt;Tolls rise.&lt;/p&gt;</content></entry>
</feed>"#;
    let feed = parse_feed(
        atom,
        "https://ledger.example.test/atom.xml",
        &FeedOptions::default(),
    )
    .unwrap();
    let entry = &feed.items[0];
    assert_eq!(entry.id, "urn:ledger:1");
    assert_eq!(entry.title.as_deref(), Some("Tolls rise"));
    assert_eq!(
        entry.link.as_deref(),
        Some("https://ledger.example.test/tolls")
    );
    assert_eq!(entry.authors, ["R. Quay"]);
    assert_eq!(entry.text, "Tolls rise.");

    let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"Ledger JSON",
        "items":[{"id":"j1","url":"https://ledger.example.test/j1","content_text":"Plain words.",
                  "date_published":"2025-02-01T00:00:00Z"},
                 {"url":"https://ledger.example.test/j2","content_html":"<p>No id here.</p>"}]}"#;
    let feed = parse_feed(
        json,
        "https://ledger.example.test/feed.json",
        &FeedOptions::default(),
    )
    .unwrap();
    let ids: Vec<&str> = feed.items.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(ids, ["j1", "https://ledger.example.test/j2"]);
    assert_eq!(feed.items[1].text, "No id here.");
}

#[test]
fn malformed_xml_is_a_clear_error() {
    let broken = b"<rss version=\"2.0\"><channel><title>Broken</title><item><title>Unclosed</item></channel>";
    let err = parse_feed(broken, FEED_URL, &FeedOptions::default()).unwrap_err();
    assert!(matches!(err, FeedError::Malformed { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.starts_with(FEED_URL)
            && message.contains("malformed feed")
            && !message.contains('\n'),
        "{message}"
    );

    let not_a_feed = b"<html><body>Hello</body></html>";
    assert!(matches!(
        parse_feed(not_a_feed, FEED_URL, &FeedOptions::default()),
        Err(FeedError::Malformed { .. })
    ));
    assert!(matches!(
        parse_feed(b"", FEED_URL, &FeedOptions::default()),
        Err(FeedError::Malformed { .. })
    ));
}

#[test]
fn billion_laughs_feed_is_refused_fast() {
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol0 \"lol\">\n");
    for level in 1..=9 {
        let previous = format!("&lol{};", level - 1);
        bomb.push_str(&format!(
            " <!ENTITY lol{level} \"{}\">\n",
            previous.repeat(10)
        ));
    }
    bomb.push_str("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>");
    let started = Instant::now();
    let err = parse_feed(bomb.as_bytes(), FEED_URL, &FeedOptions::default()).unwrap_err();
    assert_eq!(
        err,
        FeedError::EntityDeclarations {
            url: FEED_URL.to_string()
        }
    );
    assert!(err.to_string().contains("declares XML entities"));
    assert!(started.elapsed() < Duration::from_millis(100));
}

#[test]
fn deeply_nested_xml_does_not_overflow_the_stack() {
    let depth = 50_000;
    let mut xml = String::from(
        "<rss version=\"2.0\"><channel><title>t</title><item><guid>deep</guid><extra>",
    );
    xml.push_str(&"<x>".repeat(depth));
    xml.push_str(&"</x>".repeat(depth));
    xml.push_str("</extra></item></channel></rss>");
    let feed = parse_feed(xml.as_bytes(), FEED_URL, &FeedOptions::default()).unwrap();
    assert_eq!(feed.items[0].id, "deep");
}
