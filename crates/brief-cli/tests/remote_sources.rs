//! Remote sources: `url = …` and `feed = …` in brief.toml, fetched from a local server the
//! test starts, cached under `.brief/sources/`, refreshed by `brief schedule`.

mod common;
#[path = "common/http.rs"]
mod http;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Outcome, Scratch, snapshot_tree};
use http::{Reply, Server};

const ARTICLE: &str = include_str!("../../brief-fetch/tests/fixtures/harbour-article.html");

/// An RSS feed of invented items; `items` are (guid, title, day of February 2026, text).
fn rss(items: &[(&str, &str, u32, &str)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Delta Water Notes</title>\n",
    );
    for (guid, title, day, text) in items {
        xml.push_str(&format!(
            "<item><guid>{guid}</guid><title>{title}</title>\
             <link>https://notes.example.test/{guid}</link>\
             <pubDate>{day:02} Feb 2026 08:00:00 GMT</pubDate>\
             <description>{text}</description></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

const SLUICE: (&str, &str, u32, &str) = (
    "n-1",
    "Sluice repairs overrun",
    2,
    "Repairs to the northern sluice gate will overrun by three weeks, the water board said. \
     Engineers warned that a second storm could flood the lower polder before the gate is fixed.",
);
const PUMPS: (&str, &str, u32, &str) = (
    "n-2",
    "Pump station contract signed",
    4,
    "The water board signed a contract for two new pump stations on Tuesday. \
     The board should publish the maintenance schedule, the auditor said.",
);
const LEVEE: (&str, &str, u32, &str) = (
    "n-3",
    "Levee inspection finds cracks",
    6,
    "Inspectors found cracks along two kilometres of the eastern levee. \
     Officials said the cracks are likely to widen if the river stays high through March.",
);

fn write_brief(scratch: &Scratch, server: &Server, extra: &str) -> PathBuf {
    let toml = format!(
        "title = \"Delta water\"\noutputs = [\"md\", \"json\"]\n{extra}\n\
         [[sources]]\nurl = \"{}\"\n\n\
         [[sources]]\nid = \"notes\"\nfeed = \"{}\"\nmax_items = 2\n\n\
         [[sections]]\nplugin = \"summary\"\npoints = 3\n\n\
         [[sections]]\nplugin = \"recommendations\"\n",
        server.url("/levies.html"),
        server.url("/feed.xml"),
    );
    scratch.write("delta/brief.toml", toml);
    scratch.path().join("delta")
}

/// A brief with the article and a one-item feed, built once.
fn built_brief() -> (Server, Scratch, PathBuf) {
    let server = Server::start();
    server.serve_with_etag("/levies.html", "text/html", ARTICLE);
    server.serve_with_etag("/feed.xml", "application/rss+xml", &rss(&[SLUICE]));
    let scratch = Scratch::new();
    let dir = write_brief(&scratch, &server, "");
    brief(&scratch, &["build", "delta"]).success();
    (server, scratch, dir)
}

fn brief(scratch: &Scratch, args: &[&str]) -> Outcome {
    scratch
        .brief()
        .env("HTTP_PROXY", "")
        .env("http_proxy", "")
        .env("ALL_PROXY", "")
        .args(args)
        .run()
}

fn markdown(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("out/delta.md")).unwrap()
}

#[test]
fn build_fetches_missing_sources_then_builds_from_the_cache() {
    let server = Server::start();
    server.serve_with_etag("/levies.html", "text/html; charset=utf-8", ARTICLE);
    server.serve_with_etag(
        "/feed.xml",
        "application/rss+xml",
        &rss(&[SLUICE, PUMPS, LEVEE]),
    );
    let scratch = Scratch::new();
    let dir = write_brief(&scratch, &server, "");

    let out = brief(&scratch, &["build", "delta"]).success();
    assert!(out.stdout.contains("fetched levies ("), "{}", out.stdout);
    assert!(out.stdout.contains("fetched notes ("), "{}", out.stdout);
    let md = markdown(&dir);
    // the page's own metadata names the source; the feed gives its two newest items
    assert!(
        md.contains("Harbour levies rise as dredging costs double"),
        "{md}"
    );
    assert!(md.contains("Levee inspection finds cracks"), "{md}");
    assert!(md.contains("Pump station contract signed"), "{md}");
    assert!(
        !md.contains("Sluice repairs overrun"),
        "max_items = 2 keeps the newest two"
    );
    assert!(!md.contains("not content"), "scripts are not article text");

    // nothing missing: no request at all, and nothing rebuilt
    let out = brief(&scratch, &["build", "delta"]).success();
    assert!(out.stdout.starts_with("up to date"), "{}", out.stdout);
    assert_eq!(server.requests("/levies.html").len(), 1);
    assert_eq!(server.requests("/feed.xml").len(), 1);

    // provenance points into the cached text the JSON names
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out/delta.json")).unwrap())
            .unwrap();
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 3);
    let page = &sources[0];
    assert_eq!(page["id"], "levies");
    assert_eq!(page["url"], server.url("/levies.html"));
    let cached = dir.join(page["path"].as_str().unwrap());
    assert!(cached.starts_with(dir.join(".brief/sources/levies")));
    assert!(
        std::fs::read_to_string(cached)
            .unwrap()
            .contains("four percent")
    );
}

#[test]
fn schedule_asks_with_validators_and_rebuilds_only_when_a_feed_changes() {
    let server = Server::start();
    server.serve_with_etag("/levies.html", "text/html", ARTICLE);
    server.serve_with_etag("/feed.xml", "application/rss+xml", &rss(&[SLUICE, PUMPS]));
    let scratch = Scratch::new();
    let dir = write_brief(&scratch, &server, "[schedule]\nevery = \"1s\"\n");

    let first = brief(&scratch, &["schedule", "--once", "delta"]).success();
    assert!(first.stdout.contains("built"), "{}", first.stdout);
    std::thread::sleep(Duration::from_millis(1100));
    let second = brief(&scratch, &["schedule", "--once", "delta"]).success();
    assert!(second.stdout.contains("up to date"), "{}", second.stdout);
    let feed_requests = server.requests("/feed.xml");
    assert_eq!(feed_requests.len(), 2);
    assert!(
        feed_requests[1].headers.contains_key("if-none-match"),
        "the second pass is a conditional GET"
    );

    server.serve_with_etag(
        "/feed.xml",
        "application/rss+xml",
        &rss(&[SLUICE, PUMPS, LEVEE]),
    );
    std::thread::sleep(Duration::from_millis(1100));
    let third = brief(&scratch, &["schedule", "--once", "delta"]).success();
    assert!(third.stdout.contains("fetched notes"), "{}", third.stdout);
    assert!(third.stdout.contains("built"), "{}", third.stdout);
    let md = markdown(&dir);
    assert!(md.contains("Levee inspection finds cracks"));
    assert!(
        !md.contains("Sluice repairs overrun"),
        "the oldest item drops out"
    );
}

#[test]
fn a_failed_first_fetch_names_the_url_and_keeps_previous_outputs() {
    let (server, scratch, dir) = built_brief();
    let before = snapshot_tree(&dir.join("out"));

    // a new source whose server fails: the build stops, naming brief.toml, the source and why
    let toml = std::fs::read_to_string(dir.join("brief.toml")).unwrap();
    std::fs::write(
        dir.join("brief.toml"),
        format!(
            "{toml}\n[[sources]]\nid = \"broken\"\nurl = \"{}\"\n",
            server.url("/broken")
        ),
    )
    .unwrap();
    server.route("/broken", |_| Reply::new(500));
    let out = brief(&scratch, &["build", "delta"]).failure(1);
    // no warning about "keeping the last fetched copy": there is none, and the error says why
    assert!(
        !out.stderr.contains("warning: source broken:"),
        "{}",
        out.stderr
    );
    out.error_line_contains(&[
        "brief.toml:",
        "source `broken`",
        "has not been fetched yet",
        "HTTP 500",
    ]);
    assert_eq!(snapshot_tree(&dir.join("out")), before);
}

#[test]
fn a_later_failure_keeps_the_last_copy_and_warns() {
    let (server, scratch, dir) = built_brief();
    server.route("/feed.xml", |_| Reply::new(503));
    let out = brief(&scratch, &["build", "delta", "--force"]).success();
    assert!(
        out.stderr.contains("HTTP 503") && out.stderr.contains("keeping the last fetched copy"),
        "{}",
        out.stderr
    );
    assert!(markdown(&dir).contains("Sluice repairs overrun"));
}

#[test]
fn redirect_to_a_file_url_is_refused() {
    let server = Server::start();
    server.route("/levies.html", |_| {
        Reply::new(302).header("Location", "file:///etc/passwd")
    });
    server.serve_with_etag("/feed.xml", "application/rss+xml", &rss(&[SLUICE]));
    let scratch = Scratch::new();
    write_brief(&scratch, &server, "");
    let out = brief(&scratch, &["build", "delta"]).failure(1);
    out.error_line_contains(&["redirect to file:///etc/passwd refused"]);
}

#[test]
fn permanent_redirect_is_followed_and_remembered() {
    let server = Server::start();
    let moved = server.url("/new-home.html");
    server.route("/levies.html", move |_| {
        Reply::new(301).header("Location", &moved)
    });
    server.serve_with_etag("/new-home.html", "text/html", ARTICLE);
    server.serve_with_etag("/feed.xml", "application/rss+xml", &rss(&[SLUICE]));
    let scratch = Scratch::new();
    let dir = write_brief(&scratch, &server, "");
    brief(&scratch, &["build", "delta"]).success();
    brief(&scratch, &["build", "delta", "--force"]).success();
    assert_eq!(
        server.requests("/levies.html").len(),
        1,
        "after a 301 the new address is asked directly"
    );
    assert_eq!(server.requests("/new-home.html").len(), 2);
    let state = std::fs::read_to_string(dir.join(".brief/sources/fetch-state.json")).unwrap();
    assert!(state.contains("/new-home.html"), "{state}");
}

#[test]
fn full_text_feeds_fetch_each_items_article_once() {
    let server = Server::start();
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Ledger</title>\
         <item><guid>l-1</guid><title>Levies rise</title><link>{}</link>\
         <description>Levies rose.</description></item>\
         <item><guid>l-2</guid><title>Broken link</title><link>{}</link>\
         <description>The link of this item is broken, so its feed text stays.</description></item>\
         </channel></rss>\n",
        server.url("/levies.html"),
        server.url("/missing.html"),
    );
    server.serve_with_etag("/levies.html", "text/html", ARTICLE);
    server.serve_with_etag("/feed.xml", "application/rss+xml", &feed);
    let scratch = Scratch::new();
    scratch.write(
        "ledger/brief.toml",
        format!(
            "title = \"Ledger\"\noutputs = [\"md\"]\n[[sources]]\nid = \"ledger\"\nfeed = \"{}\"\n\
             full_text = true\n[[sections]]\nplugin = \"summary\"\npoints = 8\n",
            server.url("/feed.xml")
        ),
    );
    let out = brief(&scratch, &["build", "ledger"]).success();
    assert!(
        out.stderr.contains("1 item link(s) could not be fetched"),
        "{}",
        out.stderr
    );
    let md = std::fs::read_to_string(scratch.path().join("ledger/out/ledger.md")).unwrap();
    assert!(md.contains("dredging costs that have doubled"), "{md}");
    assert!(md.contains("its feed text stays"), "{md}");

    // the feed changes but the item does not: its article comes from the cache
    server.serve_with_etag(
        "/feed.xml",
        "application/rss+xml",
        &feed.replace("Ledger<", "Ledger news<"),
    );
    brief(&scratch, &["build", "ledger", "--force"]).success();
    assert_eq!(server.requests("/levies.html").len(), 1);
}
