//! Government-report style fixtures (original text) with numbered-style formal recommendations,
//! "(Recommendation N)" markers removed: recall of the formal recommendations, no flooding, and
//! the background "should" sentences (quoted rules, findings, agency comments) left out.

mod common;

use serde_json::json;

/// Recall the issue asks for.
const MIN_RECALL: f64 = 0.9;

fn check(name: &str, max_extras: usize) -> common::Score {
    let text = common::fixture(&format!("{name}.txt"));
    let expected = common::expected(&common::fixtures().join(format!("{name}.expected")));
    let (_, out) = common::build_text(name, &text);
    let score = common::score(&out, &text, &expected);
    assert!(score.recall() >= MIN_RECALL, "{name}: {score:#?}");
    assert!(score.extras.len() <= max_extras, "{name}: {score:#?}");
    score
}

#[test]
fn depot_report_formal_recommendations_are_all_found_without_extras() {
    let score = check("depot-maintenance-report", 1);
    assert_eq!(score.found, 12);
}

#[test]
fn wildfire_report_subjunctive_list_and_congress_matters_are_found() {
    // the one allowed extra is the "What FAO Recommends" summary, itself a recommendation
    let score = check("wildfire-fuels-report", 1);
    assert_eq!(score.found, 11);
}

#[test]
fn formal_recommendations_name_the_official_asked_to_act() {
    let text = common::fixture("depot-maintenance-report.txt");
    let (_, out) = common::build_text("depot", &text);
    let actors: Vec<&str> = out
        .items
        .iter()
        .filter_map(|i| i.fields["actor"].as_str())
        .collect();
    assert!(actors.contains(&"The Secretary of the Army"));
    assert!(actors.contains(&"The Commandant of the Marine Corps"));
    // "The Secretary of the Army, in coordination with the Director…, should establish…"
    let inserted = out
        .items
        .iter()
        .find(|i| {
            i.text.contains(
                "in coordination with the Director of the Defense Logistics Agency, should",
            )
        })
        .expect("recommendation with an inserted phrase");
    assert_eq!(inserted.fields["actor"], "The Secretary of the Army");
    // the report's own voice has no separate recommender
    assert!(out.items.iter().all(|i| i.fields["by"].is_null()));
}

#[test]
fn list_items_after_we_recommend_inherit_the_secretary() {
    let text = common::fixture("wildfire-fuels-report.txt");
    let (_, out) = common::build_text("fire", &text);
    let item = out
        .items
        .iter()
        .find(|i| i.text.starts_with("Track the condition of treated areas"))
        .unwrap();
    assert_eq!(item.fields["actor"], "the Secretary of Agriculture");
    let congress = out
        .items
        .iter()
        .find(|i| i.text.contains("may wish to consider"))
        .unwrap();
    assert_eq!(congress.fields["strength"], "could");
    assert_eq!(congress.fields["actor"], "Congress");
}

#[test]
fn background_rules_findings_and_comments_are_left_out() {
    for name in ["depot-maintenance-report.txt", "wildfire-fuels-report.txt"] {
        let text = common::fixture(name);
        let (_, out) = common::build_text("r", &text);
        let all: Vec<&str> = out
            .items
            .iter()
            .flat_map(|i| common::passages(i, &text))
            .collect();
        for phrase in [
            "states that",
            "According to",
            "Under the Act",
            "should have been updated",
            "concurred",
            "We continue to believe",
            "previously recommended",
            "What each organization should measure",
            "Should the agencies begin",
        ] {
            assert!(!all.iter().any(|p| p.contains(phrase)), "{name}: {phrase}");
        }
    }
}

#[test]
fn the_same_advice_in_two_sources_is_one_item_citing_both() {
    let a = brief_ingest::article_from_text(
        "a",
        "The ministry should publish monthly data on grain reserves.\n",
    );
    let b = brief_ingest::article_from_text(
        "b",
        "Analysts agree on one point. The ministry should publish grain reserve data every month, the panel said.\n",
    );
    let out = common::build_with(&[a, b], serde_json::Value::Null);
    assert_eq!(out.items.len(), 1, "{:#?}", out.items);
    let sources: Vec<&str> = out.items[0]
        .provenance
        .iter()
        .map(|p| p.source.as_str())
        .collect();
    assert_eq!(sources, ["a", "b"]);
    assert_eq!(out.items[0].fields["by"], "the panel");
}

#[test]
fn options_limit_strength_and_count() {
    let text = common::fixture("wildfire-fuels-report.txt");
    let article = brief_ingest::article_from_text("fire", &text);
    let out = common::build_with(
        std::slice::from_ref(&article),
        json!({"min_strength": "should", "max_items": 3}),
    );
    assert_eq!(out.items.len(), 3);
    assert!(out.items.iter().all(|i| i.fields["strength"] != "could"));
    assert!(
        out.notes
            .iter()
            .any(|n| n.starts_with("Showing the 3 strongest of"))
    );
}

#[test]
fn extra_cues_add_phrases_the_rules_do_not_know() {
    let text = "In short, we propose that the ministry publish its reserve data.\n";
    let article = brief_ingest::article_from_text("x", text);
    let plain = common::build_with(std::slice::from_ref(&article), serde_json::Value::Null);
    assert!(plain.items.is_empty());
    let out = common::build_with(
        std::slice::from_ref(&article),
        json!({"extra_cues": ["we propose that"]}),
    );
    assert_eq!(out.items.len(), 1);
    assert_eq!(out.items[0].fields["cue"], "we propose that");
    assert_eq!(out.items[0].fields["actor"], "the ministry");
}
