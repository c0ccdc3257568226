//! Checks and times the risk-matrix plugin.
//!
//! ```sh
//! cargo run --release -p brief-plugin-risk-matrix --example risk_matrix_bench -- [ARTICLE.txt] [CORPUS.jsonl]
//! ```
//!
//! With an article: lists the risks found with their placements and cue words, then times the
//! plugin on that article repeated to 1 MB. With a JSON-lines corpus (objects with `id` and
//! `text`, such as the shared BBC set): times the plugin on its first 1 MB of articles, each a
//! source of one brief. Always times it on 1 MB of synthetic policy prose
//! (varied names and risk phrasings, so merging is not trivial). Ingest (sentence splitting)
//! is timed separately: it is not part of the plugin. `BENCH_SVG=path` also writes the
//! article's matrix picture there.

use std::time::{Duration, Instant};

use brief_core::{Article, BriefMeta, SectionOutput, SectionPlugin, SectionRequest};
use brief_plugin_risk_matrix::RiskMatrixPlugin;
use serde_json::Value;

const TARGET_BYTES: usize = 1 << 20;
const RUNS: usize = 15;

fn build(articles: &[Article]) -> SectionOutput {
    let meta = BriefMeta::default();
    // BENCH_MAX_RISKS=n lists more than the default dozen
    let options = match std::env::var("BENCH_MAX_RISKS") {
        Ok(n) => serde_json::json!({"max_risks": n.parse::<u64>().expect("a number")}),
        Err(_) => Value::Null,
    };
    let request = SectionRequest {
        schema_version: brief_core::SCHEMA_VERSION,
        section_id: "risks",
        brief: &meta,
        options: &options,
        articles,
    };
    RiskMatrixPlugin.build(&request).expect("build")
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time_plugin(label: &str, text: &str) {
    time_articles(label, &[("bench".to_string(), text.to_string())]);
}

fn time_articles(label: &str, sources: &[(String, String)]) {
    let started = Instant::now();
    let articles: Vec<Article> = sources
        .iter()
        .map(|(id, text)| brief_ingest::article_from_text(id, text))
        .collect();
    let ingest = started.elapsed();
    let bytes: usize = sources.iter().map(|(_, t)| t.len()).sum();
    let mut times = Vec::with_capacity(RUNS);
    let mut risks = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let out = build(&articles);
        times.push(started.elapsed());
        risks = out.items.len();
    }
    let sentences: usize = articles.iter().map(|a| a.sentences.len()).sum();
    println!(
        "{label}: {:.2} MB, {} sources, {sentences} sentences, ingest {:.1} ms, plugin median of {RUNS} {:.1} ms (min {:.1} ms), {risks} risks shown",
        bytes as f64 / 1e6,
        articles.len(),
        ingest.as_secs_f64() * 1e3,
        median(times.clone()).as_secs_f64() * 1e3,
        times.iter().min().unwrap().as_secs_f64() * 1e3,
    );
}

/// The article repeated until it reaches 1 MB.
fn repeated(text: &str) -> String {
    let mut out = String::with_capacity(TARGET_BYTES + text.len());
    while out.len() < TARGET_BYTES {
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// Deterministic synthetic prose: risk sentences of many shapes, facts and past events, with
/// names and objects drawn from small lists by a fixed linear congruential generator.
fn synthetic() -> String {
    const ACTORS: &[&str] = &[
        "Ruritania",
        "Borduria",
        "Syldavia",
        "Norland",
        "Vestria",
        "Kessia",
        "Ostmark",
        "Lurania",
        "Genovia",
        "Latveria",
        "Sokovia",
        "Zubrowka",
        "Elbonia",
        "Freedonia",
        "Qurac",
        "Corto",
    ];
    const THINGS: &[&str] = &[
        "the grain corridor",
        "the northern pipeline",
        "the river ports",
        "the border crossings",
        "the central bank",
        "the coastal radar chain",
        "the rail bridge",
        "the power grid",
        "the fishing grounds",
        "the lithium mines",
        "the undersea cables",
        "the mountain passes",
        "the refugee camps",
        "the air corridor",
        "the free-trade zone",
        "the water treaty",
    ];
    const RISKS: &[&str] = &[
        "{a} could invade {b} if talks on {t} fail.",
        "Officials fear a scenario in which {a} blockades {t}, overwhelming relief agencies across the region.",
        "{a} has been a key supplier of drones for {b}'s war, the report said.",
        "A collapse of {t} is very unlikely this year, analysts said.",
        "Experts warn against sanctioning {a} because it may push {b} closer to {c}.",
        "Sanctions on {a} may disrupt {t} and hurt exporters in {b}.",
        "There is a real risk that {a} and {b} clash over {t}.",
        "{a} will not attack {t}, its defence minister said.",
    ];
    const FACTS: &[&str] = &[
        "{a} and {b} signed a trade memorandum on {t} in 2009.",
        "The delegation from {a} visited {t} on Tuesday and met officials from {b}.",
        "In 1978, troops from {a} clashed with forces from {b} near {t}.",
        "{c} has already held nine joint exercises with {a} since 2015.",
        "Most of the traffic through {t} comes from {b} and {c}.",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut out = String::with_capacity(TARGET_BYTES + 400);
    while out.len() < TARGET_BYTES {
        for _ in 0..4 {
            let template = if next(3) == 0 {
                RISKS[next(RISKS.len())]
            } else {
                FACTS[next(FACTS.len())]
            };
            let sentence = template
                .replace("{a}", ACTORS[next(ACTORS.len())])
                .replace("{b}", ACTORS[next(ACTORS.len())])
                .replace("{c}", ACTORS[next(ACTORS.len())])
                .replace("{t}", THINGS[next(THINGS.len())]);
            out.push_str(&sentence);
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

fn list_risks(text: &str) {
    list_articles(&[brief_ingest::article_from_text("article", text)]);
}

fn list_articles(articles: &[Article]) {
    let out = build(articles);
    println!(
        "{} risks on the {} scale:",
        out.items.len(),
        out.data["scale"].as_str().unwrap_or("?")
    );
    println!(
        "| Id | Risk | Likelihood | Impact | Rating | Confidence | Likelihood cues | Impact cues | Sentences |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for item in &out.items {
        let f = &item.fields;
        let join = |v: &Value| {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default()
        };
        let sentences: Vec<&str> = item
            .provenance
            .iter()
            .filter_map(|p| p.sentence.as_deref())
            .collect();
        println!(
            "| {} | {} | {} {} | {} {} | {} | {} | {} | {} | {} |",
            f["id"].as_str().unwrap_or(""),
            f["title"].as_str().unwrap_or(""),
            f["likelihood"],
            f["likelihood_band"].as_str().unwrap_or(""),
            f["impact"],
            f["impact_label"].as_str().unwrap_or(""),
            f["rating"].as_str().unwrap_or(""),
            f["confidence"].as_str().unwrap_or(""),
            join(&f["cues"]["likelihood"]),
            join(&f["cues"]["impact"]),
            sentences.join(", "),
        );
    }
    for note in &out.notes {
        println!("note: {note}");
    }
    if let Some(path) = std::env::var_os("BENCH_SVG") {
        std::fs::write(&path, &out.assets[0].contents).expect("write SVG");
    }
}

/// The first 1 MB of articles of a JSON-lines corpus.
fn corpus(path: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut bytes = 0;
    for line in text.lines() {
        if bytes >= TARGET_BYTES {
            break;
        }
        let record: Value = serde_json::from_str(line).expect("JSON line");
        let id = record["id"].as_str().unwrap_or("doc").replace('/', "-");
        let body = record["text"].as_str().unwrap_or_default().to_string();
        bytes += body.len();
        out.push((id, body));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    for path in args.iter().filter(|a| a.ends_with(".jsonl")) {
        let sources = corpus(path);
        if std::env::var_os("BENCH_LIST_CORPUS").is_some() {
            let articles: Vec<Article> = sources
                .iter()
                .map(|(id, text)| brief_ingest::article_from_text(id, text))
                .collect();
            list_articles(&articles);
        }
        time_articles(&format!("first 1 MB of {path}"), &sources);
    }
    if let Some(path) = args.iter().find(|a| !a.ends_with(".jsonl")) {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        list_risks(&text);
        println!();
        time_plugin(&format!("{path} repeated to 1 MB"), &repeated(&text));
    }
    if std::env::var_os("BENCH_LIST_SYNTHETIC").is_some() {
        list_risks(&synthetic()[..20_000]);
    }
    if std::env::var_os("BENCH_SKIP_SYNTHETIC").is_none() {
        time_plugin("synthetic policy prose", &synthetic());
    }
}
