//! Analyst control from brief.toml: add, re-rate, suppress, by stable id.

mod common;

use common::{article, build, fixture, titles};
use serde_json::json;

fn arctic() -> brief_core::Article {
    article("arctic", &fixture("arctic-lanes.txt"))
}

fn id_of(out: &brief_core::SectionOutput, title_part: &str) -> String {
    out.items
        .iter()
        .find(|i| i.fields["title"].as_str().unwrap().contains(title_part))
        .unwrap_or_else(|| panic!("no {title_part:?} in {:#?}", titles(out)))
        .fields["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn ids_are_stable_when_unrelated_text_is_added() {
    let text = fixture("arctic-lanes.txt");
    let before = build(&[article("arctic", &text)], json!(null)).unwrap();
    let edited = format!(
        "An unrelated opening line about harbour tourism.\n{text}\nA closing remark on the weather.\n"
    );
    let after = build(&[article("arctic", &edited)], json!(null)).unwrap();
    let ids = |out: &brief_core::SectionOutput| {
        let mut v: Vec<String> = out
            .items
            .iter()
            .map(|i| i.fields["id"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&before), ids(&after));
    assert!(
        ids(&before)
            .iter()
            .all(|id| id.starts_with("R-") && id.len() == 6)
    );
}

#[test]
fn rerate_changes_the_placement_and_shows_the_reason() {
    let first = build(&[arctic()], json!(null)).unwrap();
    let id = id_of(&first, "blockade");
    let out = build(
        &[arctic()],
        json!({"rerate": [{"id": id, "likelihood": 4, "reason": "Naval build-up confirmed by satellite images"}]}),
    )
    .unwrap();
    let item = out
        .items
        .iter()
        .find(|i| i.fields["id"] == id.as_str())
        .unwrap();
    assert_eq!(item.fields["likelihood"], 4);
    assert_eq!(item.fields["impact"], 4);
    assert_eq!(item.fields["rating"], "high");
    assert_eq!(
        item.fields["override"],
        "Naval build-up confirmed by satellite images"
    );
    assert_eq!(item.fields["original"]["likelihood"], 1);
    let cell = out.data["matrix"]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["likelihood"] == 4 && c["impact"] == 4)
        .unwrap();
    assert!(
        cell["ids"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == id.as_str())
    );
}

#[test]
fn suppress_removes_the_risk_and_notes_it() {
    let first = build(&[arctic()], json!(null)).unwrap();
    let id = id_of(&first, "fishing quotas");
    let out = build(&[arctic()], json!({"suppress": [id.clone()]})).unwrap();
    assert_eq!(out.items.len(), first.items.len() - 1);
    assert!(out.items.iter().all(|i| i.fields["id"] != id.as_str()));
    assert!(out.notes.iter().any(|n| n.contains(&id)), "{:?}", out.notes);
}

#[test]
fn added_risk_cites_its_quote() {
    let text = fixture("arctic-lanes.txt");
    let out = build(
        &[article("arctic", &text)],
        json!({"add": [{
            "title": "Shipping lanes become a flashpoint",
            "quote": "coastal states are racing to control them",
            "likelihood": 3,
            "impact": 3,
            "reason": "Three incidents reported this spring"
        }]}),
    )
    .unwrap();
    let item = out
        .items
        .iter()
        .find(|i| i.fields["kind"] == "added")
        .unwrap();
    assert!(item.fields["id"].as_str().unwrap().starts_with("A-"));
    assert_eq!(
        item.fields["override"],
        "Three incidents reported this spring"
    );
    assert_eq!(item.provenance.len(), 1);
    let p = &item.provenance[0];
    assert!(text[p.start..p.end].contains("racing to control them"));
}

#[test]
fn unknown_id_is_an_option_error() {
    for options in [
        json!({"rerate": [{"id": "R-zzzz", "impact": 2, "reason": "x"}]}),
        json!({"suppress": ["R-zzzz"]}),
    ] {
        let err = build(&[arctic()], options.clone()).unwrap_err();
        let key = options.as_object().unwrap().keys().next().unwrap().clone();
        assert_eq!(err.option.as_deref(), Some(key.as_str()));
        assert!(
            err.message.contains("R-zzzz") && err.message.contains("ids found"),
            "{}",
            err.message
        );
    }
}

#[test]
fn level_0_or_6_is_an_option_error() {
    let first = build(&[arctic()], json!(null)).unwrap();
    let id = id_of(&first, "blockade");
    for bad in [0, 6] {
        let err = build(
            &[arctic()],
            json!({"rerate": [{"id": id, "likelihood": bad, "reason": "x"}]}),
        )
        .unwrap_err();
        assert_eq!(err.option.as_deref(), Some("rerate"));
        assert!(err.message.contains("from 1 to 5"), "{}", err.message);
        let err = build(
            &[arctic()],
            json!({"add": [{"title": "t", "quote": "patrol vessels", "likelihood": 2, "impact": bad, "reason": "r"}]}),
        )
        .unwrap_err();
        assert_eq!(err.option.as_deref(), Some("add"));
    }
}

#[test]
fn added_risk_without_a_source_passage_is_an_error() {
    let err = build(
        &[arctic()],
        json!({"add": [{"title": "Cyber attack on ports", "likelihood": 2, "impact": 4, "reason": "analyst judgement"}]}),
    )
    .unwrap_err();
    assert_eq!(err.option.as_deref(), Some("add"));
    assert!(err.message.contains("not found"), "{}", err.message);
}

#[test]
fn unknown_option_is_rejected() {
    let err = build(&[arctic()], json!({"colour": "red"})).unwrap_err();
    assert_eq!(err.option.as_deref(), Some("colour"));
}
