//! The summary section on an original fixture report (tests/fixtures/river-pact.txt): pinned
//! key points, provenance that points at the exact passages, merging across sources, and inputs
//! that must not break it.

use brief_core::{
    Article, BriefMeta, SCHEMA_VERSION, SectionOutput, SectionPlugin, SectionRequest,
};
use brief_plugin_summary::SummaryPlugin;
use serde_json::{Value, json};

const RIVER_PACT: &str = include_str!("fixtures/river-pact.txt");

fn build(articles: &[Article], options: Value) -> SectionOutput {
    let brief = BriefMeta::default();
    let request = SectionRequest {
        schema_version: SCHEMA_VERSION,
        section_id: "summary",
        brief: &brief,
        options: &options,
        articles,
    };
    SummaryPlugin.build(&request).expect("summary builds")
}

fn sentence_ids(output: &SectionOutput) -> Vec<String> {
    output
        .items
        .iter()
        .map(|i| i.provenance[0].sentence.clone().unwrap())
        .collect()
}

fn bottom_line(output: &SectionOutput) -> &Value {
    &output.data["bottom_line"]
}

#[test]
fn key_points_of_the_fixture_are_pinned() {
    let article = brief_ingest::article_from_text("river-pact", RIVER_PACT);
    let out = build(&[article], Value::Null);
    assert_eq!(
        bottom_line(&out)["provenance"][0]["sentence"],
        "p15.s1",
        "the recommendation is the bottom line"
    );
    assert_eq!(
        sentence_ids(&out),
        vec![
            "p1.s1", "p13.s1", "p4.s1", "p10.s1", "p7.s1", "p6.s1", "p3.s1"
        ]
    );
}

/// Regression: a Markdown heading ("## Findings on the harbour budget") holds the keywords of
/// the part it opens, so it ranked as a key point.
#[test]
fn headings_are_never_key_points_or_the_bottom_line() {
    let text = "# Harbour budget and harbour dredging\n\n\
        The council approved the harbour budget on Monday after a long debate.\n\n\
        ## Harbour budget findings on harbour dredging\n\n\
        The harbour budget funds dredging of the harbour channel for three years.\n\n\
        Critics say the harbour budget ignores the fishing fleet and the dredging costs.\n";
    let article = brief_ingest::parse_source(
        text.as_bytes(),
        brief_ingest::Format::Markdown,
        brief_ingest::SourceSpec {
            id: "harbour".to_string(),
            ..Default::default()
        },
        u64::MAX,
        "harbour.md",
    )
    .expect("markdown ingests");
    let headings: Vec<String> = article
        .sentences
        .iter()
        .filter(|s| {
            matches!(
                article.paragraphs[s.paragraph].kind,
                brief_core::ParagraphKind::Heading { .. }
            )
        })
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(headings.len(), 2, "the fixture has two headings");
    let out = build(&[article], json!({"points": 10}));
    let mut picked = sentence_ids(&out);
    picked.push(
        bottom_line(&out)["provenance"][0]["sentence"]
            .as_str()
            .unwrap()
            .to_string(),
    );
    assert_eq!(
        picked.len(),
        3,
        "every body sentence, nothing else: {picked:?}"
    );
    assert!(picked.iter().all(|id| !headings.contains(id)));
}

#[test]
fn no_point_comes_from_the_author_bio() {
    let article = brief_ingest::article_from_text("river-pact", RIVER_PACT);
    let bio_start = RIVER_PACT.find("Ines Marlow").unwrap();
    let out = build(&[article], json!({"points": 12}));
    for item in &out.items {
        assert!(
            item.provenance.iter().all(|p| p.start < bio_start),
            "{}",
            item.text
        );
    }
}

#[test]
fn provenance_is_exactly_the_sentence_passage() {
    let article = brief_ingest::article_from_text("river-pact", RIVER_PACT);
    let out = build(std::slice::from_ref(&article), Value::Null);
    for item in &out.items {
        let p = &item.provenance[0];
        assert_eq!(p.source, "river-pact");
        let sentence = article
            .sentences
            .iter()
            .find(|s| Some(&s.id) == p.sentence.as_ref())
            .unwrap();
        assert_eq!((p.start, p.end), (sentence.span.start, sentence.span.end));
        assert_eq!(&RIVER_PACT[p.start..p.end], item.text);
    }
}

/// Two sources that carry the same passages: each point appears once, citing both.
#[test]
fn near_duplicates_across_sources_merge_into_one_point() {
    let a = brief_ingest::article_from_text("first", RIVER_PACT);
    let b = brief_ingest::article_from_text("second", RIVER_PACT);
    let out = build(&[a, b], json!({"points": 4}));
    assert_eq!(out.items.len(), 4);
    let mut texts: Vec<&str> = out.items.iter().map(|i| i.text.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), 4, "no repeated point");
    for item in &out.items {
        let mut sources: Vec<&str> = item.provenance.iter().map(|p| p.source.as_str()).collect();
        sources.sort_unstable();
        sources.dedup();
        assert_eq!(sources, vec!["first", "second"], "{}", item.text);
        assert_eq!(item.fields["sources"], 2);
    }
}

#[test]
fn options_shape_the_section() {
    let article = brief_ingest::article_from_text("river-pact", RIVER_PACT);
    let out = build(
        std::slice::from_ref(&article),
        json!({"points": 2, "bottom_line": false, "title": "In brief"}),
    );
    assert_eq!(out.items.len(), 2);
    assert!(bottom_line(&out).is_null());
    assert_eq!(out.title.as_deref(), Some("In brief"));

    let out = build(&[article], json!({"points": 10, "max_words": 60}));
    let words: usize = out
        .items
        .iter()
        .map(|i| i.text.split_whitespace().count())
        .sum::<usize>()
        + bottom_line(&out)["text"]
            .as_str()
            .map_or(0, |t| t.split_whitespace().count());
    assert!(words <= 60, "{words} words");
}

#[test]
fn same_input_same_output() {
    let article = brief_ingest::article_from_text("river-pact", RIVER_PACT);
    let one = serde_json::to_string(&build(std::slice::from_ref(&article), Value::Null)).unwrap();
    let two = serde_json::to_string(&build(&[article], Value::Null)).unwrap();
    assert_eq!(one, two);
}

#[test]
fn unknown_option_is_an_error_naming_it() {
    let brief = BriefMeta::default();
    let options = json!({"pionts": 3});
    let request = SectionRequest {
        schema_version: SCHEMA_VERSION,
        section_id: "summary",
        brief: &brief,
        options: &options,
        articles: &[],
    };
    let err = SummaryPlugin.build(&request).unwrap_err();
    assert_eq!(err.option.as_deref(), Some("pionts"));
}

mod bad_input {
    use super::*;

    fn summarize_text(text: &str) -> SectionOutput {
        build(&[brief_ingest::article_from_text("s", text)], Value::Null)
    }

    #[test]
    fn no_sources_or_empty_text_explain_themselves() {
        let out = build(&[], Value::Null);
        assert!(out.items.is_empty());
        assert_eq!(out.notes.len(), 1);
        let out = summarize_text("");
        assert!(out.items.is_empty() && bottom_line(&out).is_null());
        assert_eq!(out.notes.len(), 1);
    }

    #[test]
    fn one_sentence_becomes_the_bottom_line() {
        let out = summarize_text("The harbour reopened after the storm.");
        assert_eq!(
            bottom_line(&out)["text"],
            "The harbour reopened after the storm."
        );
        assert!(out.items.is_empty());
    }

    #[test]
    fn text_without_punctuation_is_summarized() {
        let out =
            summarize_text("the harbour reopened after the storm and the boats went out again");
        assert!(!bottom_line(&out).is_null());
    }

    #[test]
    fn a_hundred_thousand_sentences_are_summarized_quickly() {
        // varied sentences from a made-up vocabulary, so they are not all near-duplicates
        let vocabulary: Vec<String> = (0..2_000).map(|n| format!("term{n}")).collect();
        let mut text = String::new();
        let mut state: u64 = 7;
        for i in 0..100_000 {
            text.push_str("The report says");
            for _ in 0..8 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push(' ');
                text.push_str(&vocabulary[(state >> 33) as usize % vocabulary.len()]);
            }
            text.push_str(". ");
            if i % 10 == 9 {
                text.push('\n');
            }
        }
        let started = std::time::Instant::now();
        let out = summarize_text(&text);
        assert_eq!(out.items.len(), brief_plugin_summary::DEFAULT_POINTS);
        // generous: this runs unoptimized in debug builds on a shared machine
        assert!(started.elapsed().as_secs() < 120);
    }

    #[test]
    fn very_long_sentences_and_words() {
        let long = format!("{} end.", "harbour ".repeat(30_000));
        let word = "x".repeat(100_000);
        let out = summarize_text(&format!(
            "{long}\n{word}\nThe harbour reopened after the storm."
        ));
        assert!(!bottom_line(&out).is_null());
    }

    #[test]
    fn non_english_text() {
        let out = summarize_text(
            "Порт снова открылся после шторма. Лодки вышли в море утром.\n港口在风暴后重新开放。渔船早上出海了。\nالميناء أعيد فتحه بعد العاصفة.",
        );
        assert!(!bottom_line(&out).is_null());
        for item in &out.items {
            assert!(!item.provenance.is_empty());
        }
    }
}
