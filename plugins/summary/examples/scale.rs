//! Scale benchmark: one brief over the first N articles of a JSONL file (`{"id","text","title"}`
//! per line, e.g. the BBC set), summarized by the summary plugin with default options.
//!
//! `cargo run --release -p brief-plugin-summary --example scale -- bbc.jsonl [N]`
//!
//! Prints ingest and summary times separately; run under `/usr/bin/time -v` for peak RSS.
use std::time::Instant;

use brief_plugin_summary::{SummaryOptions, summarize_articles};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: scale FILE.jsonl [N]");
    let limit: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));

    let started = Instant::now();
    let mut bytes = 0;
    let articles: Vec<_> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(limit)
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let text = row["text"].as_str().unwrap_or_default();
            bytes += text.len();
            let id = row["id"]
                .as_str()
                .map_or_else(|| row["id"].to_string(), str::to_string);
            let mut article = brief_ingest::article_from_text(&id, text);
            article.source.title = row["title"].as_str().map(str::to_string);
            article
        })
        .collect();
    let ingest = started.elapsed();

    let options = SummaryOptions::read(&serde_json::Value::Null).expect("defaults");
    let started = Instant::now();
    let output = summarize_articles(&articles, &options);
    let summary = started.elapsed();

    let sentences: usize = articles.iter().map(|a| a.sentences.len()).sum();
    println!(
        "articles {} | {:.1} MB | sentences {} | ingest {:.3} s | summary {:.3} s | points {}",
        articles.len(),
        bytes as f64 / 1e6,
        sentences,
        ingest.as_secs_f64(),
        summary.as_secs_f64(),
        output.items.len()
    );
    if let Some(bottom) = output.data["bottom_line"]["text"].as_str() {
        println!("bottom line: {bottom}");
    }
    for item in &output.items {
        println!(
            "- [{} sources, {} passages] {}",
            item.fields["sources"],
            item.provenance.len(),
            item.text
        );
    }
}
