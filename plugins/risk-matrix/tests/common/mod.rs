//! Helpers shared by the integration tests.
#![allow(dead_code)]

use brief_core::{Article, BriefMeta, PluginError, SectionOutput, SectionPlugin, SectionRequest};
use brief_plugin_risk_matrix::RiskMatrixPlugin;
use serde_json::Value;

/// A fixture file's text, from tests/fixtures.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn article(id: &str, text: &str) -> Article {
    brief_ingest::article_from_text(id, text)
}

pub fn build(articles: &[Article], options: Value) -> Result<SectionOutput, PluginError> {
    let meta = BriefMeta {
        title: "Test brief".into(),
        ..BriefMeta::default()
    };
    let request = SectionRequest {
        schema_version: brief_core::SCHEMA_VERSION,
        section_id: "risks",
        brief: &meta,
        options: &options,
        articles,
    };
    RiskMatrixPlugin.build(&request)
}

/// The item whose source passages contain `needle`.
pub fn item_citing<'a>(
    out: &'a SectionOutput,
    texts: &[(&str, &str)],
    needle: &str,
) -> &'a brief_core::Item {
    out.items
        .iter()
        .find(|item| {
            item.provenance.iter().any(|p| {
                texts
                    .iter()
                    .any(|(id, text)| *id == p.source && text[p.start..p.end].contains(needle))
            })
        })
        .unwrap_or_else(|| {
            panic!(
                "no risk cites a passage with {needle:?}; items: {:#?}",
                titles(out)
            )
        })
}

pub fn titles(out: &SectionOutput) -> Vec<String> {
    out.items
        .iter()
        .map(|i| format!("{} {}", i.fields["id"], i.fields["title"]))
        .collect()
}

pub fn level(item: &brief_core::Item, key: &str) -> u64 {
    item.fields[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing"))
}
