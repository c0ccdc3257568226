//! Prints what brief would ingest from a saved web page or feed.
//!
//! `cargo run -p brief-fetch --example extract -- page.html https://site.example/page`
//! `cargo run -p brief-fetch --example extract -- --feed feed.xml https://site.example/feed`

use brief_fetch::{FeedOptions, decode_html, extract_article, parse_feed};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (feed, rest) = match args.first().map(String::as_str) {
        Some("--feed") => (true, &args[1..]),
        _ => (false, &args[..]),
    };
    let [path, url] = rest else {
        eprintln!("usage: extract [--feed] FILE URL");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|err| {
        eprintln!("{path}: {err}");
        std::process::exit(1);
    });
    if feed {
        match parse_feed(&bytes, url, &FeedOptions::default()) {
            Ok(feed) => println!(
                "{}",
                serde_json::to_string_pretty(&feed).unwrap_or_default()
            ),
            Err(err) => {
                eprintln!("{err}");
                std::process::exit(1);
            }
        }
        return;
    }
    match extract_article(&decode_html(&bytes, None), url) {
        Ok(article) => {
            println!("title:     {:?}", article.title);
            println!("byline:    {:?}", article.byline);
            println!("published: {:?}", article.published);
            println!("site:      {:?}", article.site_name);
            println!("readable:  {}", article.readable);
            println!("---\n{}", article.text);
        }
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    }
}
