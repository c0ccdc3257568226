//! Bad input gives an empty section with a note, never an error or a panic.

mod common;

use std::time::{Duration, Instant};

use brief_core::{PluginError, SectionPlugin};
use brief_plugin_recommendations::RecommendationsPlugin;
use serde_json::{Value, json};

const NOTHING: &str = "No recommendations were found in the sources.";

#[test]
fn text_without_recommendations_gives_the_note() {
    let (_, out) = common::build_text(
        "plain",
        "The port handled more cargo in 2024 than in any earlier year.\nShipping firms could expand further, analysts said.\n",
    );
    assert!(out.items.is_empty());
    assert_eq!(out.notes, vec![NOTHING.to_string()]);
    assert_eq!(out.data["groups"], json!([]));
}

#[test]
fn empty_and_blank_sources_give_the_note() {
    for text in ["", "   \n\n  ", "...", "\u{feff}"] {
        let (_, out) = common::build_text("blank", text);
        assert!(out.items.is_empty());
        assert_eq!(out.notes.last().map(String::as_str), Some(NOTHING));
    }
}

#[test]
fn all_caps_source_gives_notes_not_items() {
    let (_, out) = common::build_text(
        "shout",
        "THE MINISTRY SHOULD PUBLISH ITS DATA.\n“WE ARGUE AGAINST TRYING TO SPLIT THE PACT,” THE INSTITUTE SAID.\nCONGRESS MUST ACT NOW.\n",
    );
    assert!(out.items.is_empty());
    assert!(
        out.notes
            .iter()
            .any(|n| n.contains("shout") && n.contains("capitals"))
    );
    assert!(out.notes.iter().any(|n| n == NOTHING));
}

#[test]
fn quotes_that_never_close_do_not_break_anything() {
    let (_, out) = common::build_text(
        "open",
        "“The harbour grew busier every year, the mayor said.\nShe added: “Traffic doubled and “nobody planned for it.\n“\n",
    );
    assert!(out.items.is_empty());
    assert_eq!(out.notes, vec![NOTHING.to_string()]);
    // advice inside an unclosed quotation is still advice, attributed where possible
    let (_, out) = common::build_text(
        "open2",
        "“Ministers should fund the harbour authority properly, the mayor said.\n",
    );
    assert_eq!(out.items.len(), 1);
}

#[test]
fn a_fifty_thousand_word_report_without_advice_is_fast_and_empty() {
    let sentence = "The agency processed the claims in the order they arrived and reported the totals each quarter. ";
    let paragraph = sentence.repeat(10) + "\n";
    let words_per_paragraph = sentence.split_whitespace().count() * 10;
    let text = paragraph.repeat(50_000 / words_per_paragraph + 1);
    assert!(text.split_whitespace().count() >= 50_000);
    let start = Instant::now();
    let (_, out) = common::build_text("long", &text);
    assert!(out.items.is_empty());
    assert_eq!(out.notes, vec![NOTHING.to_string()]);
    // generous even for a debug build on a busy machine
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn a_fifty_thousand_word_report_full_of_advice_is_capped() {
    let mut text = String::new();
    for i in 0..2_500 {
        text.push_str(&format!(
            "The office of District{i} should publish inspection results for Station{i} within {i} days of each visit. Funding rose by {i} percent.\n"
        ));
    }
    assert!(text.split_whitespace().count() >= 50_000);
    let (_, out) = common::build_text("many", &text);
    assert_eq!(out.items.len(), 25);
    assert!(out.notes[0].contains("25 strongest of"));
}

#[test]
fn unknown_or_bad_options_are_errors_naming_the_key() {
    let article = brief_ingest::article_from_text("a", "The ministry should act.\n");
    let meta = brief_core::BriefMeta::default();
    let err = |options: Value| -> PluginError {
        let request = brief_core::SectionRequest {
            schema_version: brief_core::SCHEMA_VERSION,
            section_id: "recommendations",
            brief: &meta,
            options: &options,
            articles: std::slice::from_ref(&article),
        };
        RecommendationsPlugin.build(&request).unwrap_err()
    };
    assert_eq!(
        err(json!({"max_item": 3})).option.as_deref(),
        Some("max_item")
    );
    assert_eq!(
        err(json!({"min_strength": "shall"})).option.as_deref(),
        Some("min_strength")
    );
    assert_eq!(
        err(json!({"extra_cues": [1]})).option.as_deref(),
        Some("extra_cues")
    );
}

#[test]
fn plugin_identity() {
    assert_eq!(RecommendationsPlugin.name(), "recommendations");
    assert_eq!(RecommendationsPlugin.default_title(), "Recommendations");
}
