//! Lists the risks the plugin finds in some source files, read as the sources of one brief.
//!
//! ```sh
//! cargo run -q -p brief-plugin-risk-matrix --example risk_matrix_list -- FILE...
//! ```
//!
//! Files are read the way `brief build` reads them (Markdown front matter and blocks for
//! `.md`, plain paragraphs otherwise; author bios flagged as boilerplate). Every risk is shown
//! (no `max_risks` cut) with its ratings, cue words and the exact passages it cites, so a
//! reader can compare what was found with what the sources say.

use std::path::Path;

use brief_core::{Article, BriefMeta, SectionPlugin, SectionRequest};
use brief_ingest::{DEFAULT_MAX_BYTES, SourceSpec, read_source};
use brief_plugin_risk_matrix::RiskMatrixPlugin;
use serde_json::Value;

fn read(path: &str) -> (Article, String) {
    let file = Path::new(path);
    let id = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("source")
        .to_string();
    let spec = SourceSpec {
        id,
        path: Some(path.to_string()),
        ..SourceSpec::default()
    };
    let article = read_source(file, spec, DEFAULT_MAX_BYTES).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{path}: {e}"));
    (article, text)
}

fn joined(value: &Value) -> String {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let read: Vec<(Article, String)> = paths.iter().map(|p| read(p)).collect();
    let articles: Vec<Article> = read.iter().map(|(a, _)| a.clone()).collect();
    let meta = BriefMeta::default();
    let options = serde_json::json!({"max_risks": 1000});
    let request = SectionRequest {
        schema_version: brief_core::SCHEMA_VERSION,
        section_id: "risks",
        brief: &meta,
        options: &options,
        articles: &articles,
    };
    let out = RiskMatrixPlugin.build(&request).expect("build");
    println!("{} risks", out.items.len());
    for item in &out.items {
        let f = &item.fields;
        println!(
            "{} L{} I{} {} [{}] {}",
            f["id"].as_str().unwrap_or(""),
            f["likelihood"],
            f["impact"],
            f["rating"].as_str().unwrap_or(""),
            f["kind"].as_str().unwrap_or(""),
            f["title"].as_str().unwrap_or(""),
        );
        println!("    likelihood: {}", joined(&f["cues"]["likelihood"]));
        println!("    impact: {}", joined(&f["cues"]["impact"]));
        for p in &item.provenance {
            let text = read
                .iter()
                .find(|(a, _)| a.source.id == p.source)
                .map(|(_, t)| &t[p.start..p.end])
                .unwrap_or("?");
            println!(
                "    - {} {}: {text}",
                p.source,
                p.sentence.as_deref().unwrap_or("")
            );
        }
    }
    for note in &out.notes {
        println!("note: {note}");
    }
}
