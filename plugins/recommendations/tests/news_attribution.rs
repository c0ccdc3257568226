//! Regression tests for plain news advice that was once missed: public bodies and groups as
//! actors, a quotation's speaker named in the sentence before, ", the study said," in the
//! middle of a sentence, "X said governments must…", the subject of a that-clause, and
//! "several mayors have called for…". Original text: `fixtures/river-port-silt-news.txt`.

mod common;

use brief_core::Item;

const NAME: &str = "river-port-silt-news.txt";

fn items() -> (String, Vec<Item>) {
    let text = common::fixture(NAME);
    let (_, out) = common::build_text("silt", &text);
    (text, out.items)
}

fn item_with<'i>(items: &'i [Item], text: &str, phrase: &str) -> &'i Item {
    items
        .iter()
        .find(|i| common::passages(i, text).iter().any(|p| p.contains(phrase)))
        .unwrap_or_else(|| panic!("no item rests on a passage containing {phrase:?}: {items:#?}"))
}

#[test]
fn quote_whose_speaker_is_named_in_the_previous_sentence_is_found() {
    let (text, items) = items();
    let item = item_with(
        &items,
        &text,
        "The ministry should fund a permanent dredging crew",
    );
    assert_eq!(item.fields["by"], "Oskar Lindqvist");
    assert_eq!(item.fields["actor"], "The ministry");
    assert_eq!(item.fields["strength"], "should");
}

#[test]
fn that_clause_subject_is_the_actor_of_recommends_that() {
    let (text, items) = items();
    let item = item_with(&items, &text, "recommends that the river board buy back");
    assert_eq!(item.fields["actor"], "the river board");
    assert_eq!(item.fields["by"], "the waterways agency");
    assert!(
        item.fields["action"]
            .as_str()
            .unwrap()
            .starts_with("buy back the lowest fields")
    );
}

#[test]
fn inserted_said_clause_attributes_and_stays_out_of_the_action() {
    let (text, items) = items();
    let item = item_with(
        &items,
        &text,
        "Port operators must also keep an emergency berth",
    );
    assert_eq!(item.fields["by"], "the study");
    assert_eq!(item.fields["actor"], "Port operators");
    assert_eq!(item.fields["strength"], "must");
    assert_eq!(
        item.fields["action"],
        "keep an emergency berth open downstream"
    );
}

#[test]
fn leading_said_gives_the_recommender_not_the_actor() {
    let (text, items) = items();
    let item = item_with(&items, &text, "regional councils must stop approving");
    assert_eq!(item.fields["actor"], "regional councils");
    assert_eq!(item.fields["by"], "Oskar Lindqvist");
    assert_eq!(item.fields["stance"], "avoid");
}

#[test]
fn he_said_after_a_leading_said_is_that_speaker_and_obligation_passive_keeps_its_actor() {
    let (text, items) = items();
    let item = item_with(&items, &text, "Farmers should be compensated");
    assert_eq!(item.fields["by"], "Oskar Lindqvist");
    // "be compensated" is an ordinary passive: the farmers are not asked to act
    assert!(item.fields["actor"].is_null(), "{item:#?}");
    // the second clause has its own subject and is not part of the action
    assert!(
        !item.fields["action"]
            .as_str()
            .unwrap()
            .contains("the board needs")
    );
}

#[test]
fn called_for_by_several_mayors_names_them_without_the_auxiliary() {
    let (text, items) = items();
    let item = item_with(
        &items,
        &text,
        "Several mayors have called for a joint flood fund",
    );
    assert_eq!(item.fields["by"], "Several mayors");
    assert_eq!(
        item.fields["action"],
        "a joint flood fund shared by the towns along the river"
    );
}

#[test]
fn descriptive_rules_questions_forecasts_and_history_stay_out() {
    let (text, items) = items();
    let all: Vec<&str> = items
        .iter()
        .flat_map(|i| common::passages(i, &text))
        .collect();
    for phrase in [
        "Under the waterways act",
        "The council must approve the harbour budget",
        "what should happen to the old quays",
        "the water level should fall",
        "has rejected buy-backs",
        "The port company said on Monday",
    ] {
        assert!(
            !all.iter().any(|p| p.contains(phrase)),
            "{phrase:?} was taken: {items:#?}"
        );
    }
    assert_eq!(items.len(), 6, "{items:#?}");
}
