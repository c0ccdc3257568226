//! Regressions from ordinary news text, where the first version found one risk in ten: hazard
//! and economic harms missing from the lexicon, harms named as the subject before a reporting
//! aside, a contrast letting "unlikely" govern the other half of a sentence, and a subject's
//! adjective ("low water") read as a likelihood attenuator. Fixture: tests/fixtures/
//! river-freight.txt (original text).

mod common;

use common::{article, build, fixture, item_citing, level, titles};
use serde_json::json;

const RIVER: &str = "river-freight.txt";

fn river() -> (String, brief_core::SectionOutput) {
    let text = fixture(RIVER);
    let out = build(&[article("river", &text)], json!(null)).unwrap();
    (text, out)
}

fn cues(item: &brief_core::Item, kind: &str) -> String {
    item.fields["cues"][kind].to_string()
}

#[test]
fn forced_abandonment_with_a_share_affected_is_found() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(&out, &texts, "abandon up to a third");
    assert_eq!((level(item, "likelihood"), level(item, "impact")), (2, 4));
    assert!(cues(item, "impact").contains("a third of (scope +1)"));
}

#[test]
fn subject_adjective_low_does_not_lower_a_modal() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(&out, &texts, "the low water could");
    assert!(!cues(item, "likelihood").contains("−1 level"), "{item:?}");
}

#[test]
fn natural_hazard_with_estimative_likely_is_level_4() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(&out, &texts, "heatwave is likely to last");
    assert_eq!(level(item, "likelihood"), 4);
    assert_eq!(
        item.fields["title"],
        "The heatwave is likely to last into September"
    );
}

#[test]
fn unlikely_does_not_reach_across_but() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(&out, &texts, "a long drought could cause severe shortages");
    assert!(cues(item, "likelihood").starts_with("[\"could"), "{item:?}");
    assert_eq!((level(item, "likelihood"), level(item, "impact")), (2, 4));
}

#[test]
fn stoppage_that_would_likely_strand_grain_is_found() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(&out, &texts, "stoppage at the lock would likely");
    assert_eq!(level(item, "likelihood"), 4);
}

#[test]
fn harm_subject_governs_across_a_reporting_aside() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(
        &out,
        &texts,
        "The backlog, the port authority said, may spread",
    );
    assert_eq!(
        item.fields["title"],
        "The backlog may spread to the canal terminals"
    );
}

#[test]
fn preparing_for_higher_costs_names_a_risk() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(&out, &texts, "Mills must prepare for higher costs");
    assert_eq!(item.fields["title"], "Mills must prepare for higher costs");
}

#[test]
fn rising_prices_and_lost_jobs_are_harms() {
    let (text, out) = river();
    let texts = [("river", text.as_str())];
    let item = item_citing(&out, &texts, "push bread prices up");
    let impact = cues(item, "impact");
    assert!(impact.contains("cost … jobs (3 Moderate)"), "{impact}");
    assert!(impact.contains("prices … up"), "{impact}");
}

#[test]
fn cleared_backlog_strike_a_deal_and_bio_are_not_risks() {
    let (text, out) = river();
    for item in &out.items {
        for p in &item.provenance {
            let passage = &text[p.start..p.end];
            assert!(
                !passage.contains("cleared last year"),
                "{:#?}",
                titles(&out)
            );
            assert!(!passage.contains("strike a deal"), "{:#?}", titles(&out));
            assert!(!passage.contains("Follow him"), "{:#?}", titles(&out));
            assert!(!passage.contains("since gauges"), "{:#?}", titles(&out));
        }
    }
    assert_eq!(out.items.len(), 7, "{:#?}", titles(&out));
}
