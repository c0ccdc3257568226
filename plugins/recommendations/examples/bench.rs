//! Benchmark and check for the recommendations plugin; prints a Markdown report.
//!
//! `cargo run --release -p brief-plugin-recommendations --example bench`
//!
//! (a) the seed article (from `BRIEF_SHARED`, default `../shared`), (b) recall on the
//! government-report fixtures, (c) time to analyse 1 MB of text.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use brief_core::Article;
use serde_json::Value;

const MEGABYTE: usize = 1 << 20;
const RUNS: usize = 9;

fn shared_dir() -> PathBuf {
    std::env::var_os("BRIEF_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn quality_row(name: &str, text: &str, expected: &[Vec<String>]) {
    let (_, out) = common::build_text(name, text);
    let s = common::score(&out, text, expected);
    println!(
        "| {name} | {} | {} | {} ({:.0} %) | {} | {} |",
        text.split_whitespace().count(),
        s.expected,
        s.found,
        100.0 * s.recall(),
        s.extras.len(),
        s.items
    );
    for m in &s.missing {
        eprintln!("  missing in {name}: {m}");
    }
    for e in &s.extras {
        eprintln!("  extra in {name}: {e}");
    }
}

/// Fastest and median of the runs: on a shared machine the fastest run is the one least
/// disturbed by other processes.
fn best_and_median(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[0], times[times.len() / 2])
}

/// Ingest once, then time the plugin alone.
fn time_build(id: &str, text: &str) -> (Duration, (Duration, Duration), usize) {
    let start = Instant::now();
    let article: Article = brief_ingest::article_from_text(id, text);
    let ingest = start.elapsed();
    let mut times = Vec::new();
    let mut items = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = common::build_with(std::slice::from_ref(&article), Value::Null);
        times.push(start.elapsed());
        items = out.items.len();
    }
    (ingest, best_and_median(times), items)
}

/// `text` repeated, each copy with its numbers shifted so copies are not identical, to `bytes`.
fn megabyte_of(texts: &[String]) -> String {
    let mut out = String::with_capacity(MEGABYTE + 10_000);
    let mut copy = 0;
    while out.len() < MEGABYTE {
        for t in texts {
            out.push_str(&t.replace("2024", &format!("{}", 2024 + copy)));
            out.push('\n');
        }
        copy += 1;
    }
    out
}

fn main() {
    println!("### Quality\n");
    println!("| text | words | expected | found (recall) | extras | items |");
    println!("|---|---|---|---|---|---|");
    let seed = shared_dir().join("corpus/sino-russian-alliance.txt");
    match std::fs::read_to_string(&seed) {
        Ok(text) => {
            let expected =
                common::expected(&common::fixtures().join("sino-russian-alliance.expected"));
            quality_row("sino-russian-alliance (seed article)", &text, &expected);
        }
        Err(_) => println!("| seed article | not found at {} | | | | |", seed.display()),
    }
    let mut names: Vec<String> = std::fs::read_dir(common::fixtures())
        .expect("fixtures folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".expected").map(str::to_string))
        .filter(|n| n != "sino-russian-alliance")
        .collect();
    names.sort();
    let mut texts = Vec::new();
    for name in &names {
        let text = common::fixture(&format!("{name}.txt"));
        let expected = common::expected(&common::fixtures().join(format!("{name}.expected")));
        quality_row(name, &text, &expected);
        texts.push(text);
    }
    texts.push(common::fixture("kestria-valdoria-news.txt"));

    println!("\n### Speed (release build, plugin timed {RUNS} times: fastest / median)\n");
    println!("| input | bytes | ingest | plugin | items |");
    println!("|---|---|---|---|---|");
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let reports = megabyte_of(&texts);
    let (ingest, build, items) = time_build("reports", &reports);
    println!(
        "| fixtures repeated to 1 MB | {} | {:.1} ms | {:.1} / {:.1} ms | {items} |",
        reports.len(),
        ms(ingest),
        ms(build.0),
        ms(build.1)
    );
    let sentence = "The agency processed the claims in the order they arrived and reported the totals each quarter. ";
    let plain = (sentence.repeat(10) + "\n").repeat(MEGABYTE / (sentence.len() * 10) + 1);
    let (ingest, build, items) = time_build("plain", &plain);
    println!(
        "| 1 MB without advice | {} | {:.1} ms | {:.1} / {:.1} ms | {items} |",
        plain.len(),
        ms(ingest),
        ms(build.0),
        ms(build.1)
    );
    let mut advice = String::new();
    let mut i = 0;
    while advice.len() < MEGABYTE {
        advice.push_str(&format!(
            "The office of District{i} should publish inspection results for Station{i} within {i} days of each visit.\n"
        ));
        i += 1;
    }
    let (ingest, build, items) = time_build("advice", &advice);
    println!(
        "| 1 MB where every sentence advises | {} | {:.1} ms | {:.1} / {:.1} ms | {items} (capped) |",
        advice.len(),
        ms(ingest),
        ms(build.0),
        ms(build.1)
    );
}
