//! Helpers shared by the integration tests and the benchmark example: building the section for
//! texts, and scoring it against a list of expected recommendations.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use brief_core::{Article, BriefMeta, Item, SectionOutput, SectionPlugin, SectionRequest};
use brief_plugin_recommendations::RecommendationsPlugin;
use serde_json::Value;

/// The fixtures folder of this crate.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture's text.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).expect("fixture exists")
}

/// The expected-recommendation phrases of a fixture (`NAME.expected`, `#` comments skipped).
/// A line may hold alternatives separated by ` | `.
pub fn expected(path: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .expect("expected file exists")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split(" | ").map(|s| s.trim().to_string()).collect())
        .collect()
}

/// Builds the section for the given articles and options.
pub fn build_with(articles: &[Article], options: Value) -> SectionOutput {
    let meta = BriefMeta::default();
    let request = SectionRequest {
        schema_version: brief_core::SCHEMA_VERSION,
        section_id: "recommendations",
        brief: &meta,
        options: &options,
        articles,
    };
    RecommendationsPlugin
        .build(&request)
        .expect("the plugin never fails on text")
}

/// Builds the section for one text with default options.
pub fn build_text(id: &str, text: &str) -> (Article, SectionOutput) {
    let article = brief_ingest::article_from_text(id, text);
    let out = build_with(std::slice::from_ref(&article), Value::Null);
    (article, out)
}

/// The source passages an item rests on.
pub fn passages<'t>(item: &Item, text: &'t str) -> Vec<&'t str> {
    item.provenance
        .iter()
        .map(|p| &text[p.start..p.end])
        .collect()
}

/// How a section compares with the expected recommendations of one text.
#[derive(Debug)]
pub struct Score {
    pub expected: usize,
    pub found: usize,
    pub missing: Vec<String>,
    /// Items that support no expected recommendation: their text.
    pub extras: Vec<String>,
    pub items: usize,
}

impl Score {
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.found as f64 / self.expected as f64
        }
    }
}

/// Expected entry `e` is found when some item's passages contain one of its phrases.
pub fn score(out: &SectionOutput, text: &str, expected: &[Vec<String>]) -> Score {
    let item_passages: Vec<Vec<&str>> = out.items.iter().map(|i| passages(i, text)).collect();
    let matches = |phrases: &[String], ps: &[&str]| {
        phrases
            .iter()
            .any(|ph| ps.iter().any(|p| p.contains(ph.as_str())))
    };
    let mut missing = Vec::new();
    for e in expected {
        if !item_passages.iter().any(|ps| matches(e, ps)) {
            missing.push(e.join(" | "));
        }
    }
    let extras = out
        .items
        .iter()
        .zip(&item_passages)
        .filter(|(_, ps)| !expected.iter().any(|e| matches(e, ps)))
        .map(|(i, _)| i.text.clone())
        .collect();
    Score {
        expected: expected.len(),
        found: expected.len() - missing.len(),
        missing,
        extras,
        items: out.items.len(),
    }
}
