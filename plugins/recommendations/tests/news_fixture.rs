//! Pins, on original text, the behaviour the seed article needs: the three pieces of advice,
//! their recommenders and actors, the two merges, and nothing from descriptive "should",
//! quoted rules, meta talk, questions or the author bio.

mod common;

use brief_core::Item;
use serde_json::Value;

const NAME: &str = "kestria-valdoria-news.txt";

fn item_containing<'o>(items: &'o [Item], text: &str, phrase: &str) -> &'o Item {
    items
        .iter()
        .find(|i| common::passages(i, text).iter().any(|p| p.contains(phrase)))
        .unwrap_or_else(|| panic!("no item rests on a passage containing {phrase:?}"))
}

#[test]
fn finds_exactly_the_three_pieces_of_advice() {
    let text = common::fixture(NAME);
    let (_, out) = common::build_text("kv", &text);
    assert_eq!(out.items.len(), 3, "{:#?}", out.items);
    assert!(out.notes.is_empty());
}

#[test]
fn do_not_overstate_is_avoid_advice_by_the_institute_to_planners() {
    let text = common::fixture(NAME);
    let (_, out) = common::build_text("kv", &text);
    let item = item_containing(&out.items, &text, "careful not to overstate");
    assert_eq!(item.fields["by"], "the Halvorsen Institute");
    assert_eq!(item.fields["actor"], "Ministers and defense planners");
    assert_eq!(item.fields["stance"], "avoid");
    assert_eq!(item.fields["strength"], "should");
    assert_eq!(item.fields["cue"], "should");
    assert!(
        item.fields["action"]
            .as_str()
            .unwrap()
            .starts_with("overstate the depth")
    );
}

#[test]
fn warning_and_quote_against_splitting_the_partners_merge_into_one_item() {
    let text = common::fixture(NAME);
    let (_, out) = common::build_text("kv", &text);
    let item = item_containing(&out.items, &text, "cautions against trying to do so");
    let passages = common::passages(item, &text);
    assert!(
        passages
            .iter()
            .any(|p| p.contains("We argue against trying to drive a wedge"))
    );
    // the question "do so" points back to is part of the evidence
    assert!(
        passages
            .iter()
            .any(|p| p.starts_with("This raises a question"))
    );
    assert_eq!(item.fields["stance"], "avoid");
    // "firmly cautions" raises the strength
    assert_eq!(item.fields["strength"], "must");
    assert_eq!(item.fields["actor"], "Nordic governments");
    let by = item.fields["by"].as_str().unwrap();
    assert!(by == "Lena Varga" || by == "the institute", "{by}");
    assert_eq!(
        item.fields["by_all"],
        serde_json::json!(["the institute", "Lena Varga"])
    );
}

#[test]
fn best_answer_and_most_effective_way_merge_into_one_item() {
    let text = common::fixture(NAME);
    let (_, out) = common::build_text("kv", &text);
    let item = item_containing(
        &out.items,
        &text,
        "the best answer is for the European Union",
    );
    let passages = common::passages(item, &text);
    assert_eq!(passages.len(), 2);
    assert!(passages[1].contains("The most effective way for the European Union"));
    assert_eq!(item.fields["by"], "the institute");
    assert_eq!(item.fields["actor"], "the European Union and its partners");
    assert_eq!(item.fields["action"], "coordinate more tightly");
    assert_eq!(item.fields["stance"], "do");
}

#[test]
fn nothing_descriptive_quoted_meta_or_from_the_bio() {
    let text = common::fixture(NAME);
    let (_, out) = common::build_text("kv", &text);
    let all: Vec<&str> = out
        .items
        .iter()
        .flat_map(|i| common::passages(i, &text))
        .collect();
    for phrase in [
        "what should replace it",
        "accord states that each side must",
        "Earlier recommendations included",
        "Should Brussels worry",
        "Streamline the headquarters",
        "the need to protect",
        "could learn from",
        "require partners to",
        "Dana Ortiz",
    ] {
        assert!(!all.iter().any(|p| p.contains(phrase)), "{phrase}");
    }
}

#[test]
fn every_passage_is_exactly_a_sentence_of_the_file() {
    let text = common::fixture(NAME);
    let (article, out) = common::build_text("kv", &text);
    for item in &out.items {
        assert!(!item.provenance.is_empty());
        for p in &item.provenance {
            assert_eq!(p.source, "kv");
            let id = p.sentence.as_deref().unwrap();
            let s = article.sentences.iter().find(|s| s.id == id).unwrap();
            assert_eq!((s.span.start, s.span.end), (p.start, p.end));
        }
    }
}

#[test]
fn template_data_groups_by_actor_strongest_first() {
    let text = common::fixture(NAME);
    let (_, out) = common::build_text("kv", &text);
    let groups = out.data["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    assert_eq!(groups[0]["actor"], "Nordic governments");
    assert_eq!(groups[0]["items"][0]["label"], "Must not");
    assert_eq!(
        groups[0]["items"][0]["summary"],
        "drive a wedge between the two capitals"
    );
    let first_items: Vec<&Value> = groups.iter().map(|g| &g["items"][0]["strength"]).collect();
    assert_eq!(first_items, ["must", "should", "should"]);
}

#[test]
fn output_is_deterministic() {
    let text = common::fixture(NAME);
    let (_, a) = common::build_text("kv", &text);
    let (_, b) = common::build_text("kv", &text);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}
