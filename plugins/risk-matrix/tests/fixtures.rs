//! Placements pinned on original fixture texts (tests/fixtures), plus the section's shape.

mod common;

use common::{article, build, fixture, item_citing, level, titles};
use serde_json::json;

const ARCTIC: &str = "arctic-lanes.txt";

fn arctic() -> (String, brief_core::SectionOutput) {
    let text = fixture(ARCTIC);
    let out = build(&[article("arctic", &text)], json!(null)).unwrap();
    (text, out)
}

#[test]
fn finds_each_risk_once_with_pinned_placements() {
    let (text, out) = arctic();
    let texts = [("arctic", text.as_str())];
    assert_eq!(out.items.len(), 6, "{:#?}", titles(&out));

    let collision = item_citing(&out, &texts, "patrol vessels could escalate");
    assert_eq!(
        (level(collision, "likelihood"), level(collision, "impact")),
        (2, 4)
    );
    assert_eq!(
        collision.provenance.len(),
        2,
        "bullet and body sentence merge"
    );
    assert_eq!(collision.fields["confidence"], "moderate");

    let supply = item_citing(&out, &texts, "major supplier of fuel");
    assert_eq!(supply.fields["kind"], "ongoing");
    assert_eq!(
        (level(supply, "likelihood"), level(supply, "impact")),
        (5, 4)
    );
    assert_eq!(supply.fields["rating"], "high");
    assert!(
        supply
            .provenance
            .iter()
            .any(|p| text[p.start..p.end].contains("despite sanctions"))
    );

    let blockade = item_citing(&out, &texts, "very unlikely");
    assert_eq!(
        (level(blockade, "likelihood"), level(blockade, "impact")),
        (1, 4)
    );

    let scenario = item_citing(&out, &texts, "scenario in which");
    assert_eq!(
        (level(scenario, "likelihood"), level(scenario, "impact")),
        (2, 5)
    );
    assert_eq!(
        scenario.fields["title"],
        "An oil spill and a naval standoff occur simultaneously"
    );

    let negated = item_citing(&out, &texts, "will not clash");
    assert_eq!(level(negated, "likelihood"), 1);

    let backfire = item_citing(&out, &texts, "argue against");
    assert_eq!(backfire.fields["kind"], "backfire");
    assert_eq!(
        backfire.fields["title"],
        "Expelling Norland from the Arctic Council (argued against)"
    );
}

#[test]
fn past_events_plain_facts_and_the_bio_are_not_risks() {
    let (text, out) = arctic();
    for item in &out.items {
        for p in &item.provenance {
            let passage = &text[p.start..p.end];
            for not_a_risk in [
                "In 2007",
                "fears proved overblown",
                "already held exercises",
                "Jane Doe",
            ] {
                assert!(
                    !passage.contains(not_a_risk),
                    "{not_a_risk:?} cited by {}",
                    item.fields["id"]
                );
            }
        }
    }
}

#[test]
fn every_rating_shows_its_cue_words() {
    let (_, out) = arctic();
    for item in &out.items {
        let cues = &item.fields["cues"];
        for key in ["likelihood", "impact", "confidence"] {
            assert!(
                !cues[key].as_array().unwrap().is_empty(),
                "{} has no {key} cues",
                item.fields["id"]
            );
        }
        let band = item.fields["likelihood_band"].as_str().unwrap();
        assert!(band.contains('%'), "{band}");
        assert!(item.fields["override"].is_null());
    }
    let scenario = out
        .items
        .iter()
        .find(|i| i.fields["title"].as_str().unwrap().contains("oil spill"))
        .unwrap();
    let impact_cues = scenario.fields["cues"]["impact"].to_string();
    assert!(
        impact_cues.contains("overwhelming") && impact_cues.contains("simultaneously"),
        "{impact_cues}"
    );
}

#[test]
fn provenance_is_exactly_the_cited_sentence() {
    let (text, out) = arctic();
    let a = article("arctic", &text);
    for item in &out.items {
        assert!(!item.provenance.is_empty());
        for p in &item.provenance {
            assert_eq!(p.source, "arctic");
            let sentence = a
                .sentences
                .iter()
                .find(|s| Some(&s.id) == p.sentence.as_ref())
                .unwrap();
            assert_eq!((sentence.span.start, sentence.span.end), (p.start, p.end));
        }
        assert_eq!(
            item.text,
            a.sentences
                .iter()
                .find(|s| Some(&s.id) == item.provenance[0].sentence.as_ref())
                .unwrap()
                .text
        );
    }
}

#[test]
fn items_are_ordered_by_rating_then_impact() {
    let (_, out) = arctic();
    let rank = |r: &str| {
        ["low", "medium", "high"]
            .iter()
            .position(|x| *x == r)
            .unwrap()
    };
    let keys: Vec<(usize, u64, u64)> = out
        .items
        .iter()
        .map(|i| {
            (
                rank(i.fields["rating"].as_str().unwrap()),
                level(i, "impact"),
                level(i, "likelihood"),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted);
}

#[test]
fn matrix_data_has_the_renderer_shape() {
    let (_, out) = arctic();
    let data = &out.data;
    assert_eq!(data["scale"], "ICD 203 (US)");
    let matrix = &data["matrix"];
    assert_eq!(matrix["likelihood_labels"].as_array().unwrap().len(), 5);
    assert_eq!(matrix["impact_labels"].as_array().unwrap().len(), 5);
    let cells = matrix["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 25);
    let placed: usize = cells
        .iter()
        .map(|c| c["ids"].as_array().unwrap().len())
        .sum();
    assert_eq!(placed, out.items.len());
    for item in &out.items {
        let cell = cells
            .iter()
            .find(|c| {
                c["likelihood"] == item.fields["likelihood"] && c["impact"] == item.fields["impact"]
            })
            .unwrap();
        assert!(cell["ids"].as_array().unwrap().contains(&item.fields["id"]));
        assert_eq!(cell["rating"], item.fields["rating"]);
    }
    assert_eq!(data["scale_bands"].as_array().unwrap().len(), 5);
    assert_eq!(data["rows"].as_array().unwrap().len(), 5);
}

#[test]
fn phia_scale_is_named_and_moves_may_to_realistic_possibility() {
    let text = "Officials say the border dispute may escalate into war.\n";
    let icd = build(&[article("a", text)], json!(null)).unwrap();
    let phia = build(&[article("a", text)], json!({"scale": "phia"})).unwrap();
    assert_eq!(icd.items[0].fields["likelihood_band"], "unlikely (20–45 %)");
    assert_eq!(
        phia.items[0].fields["likelihood_band"],
        "realistic possibility (40–50 %)"
    );
    assert_eq!(phia.data["scale"], "PHIA probability yardstick (UK)");
    assert_eq!(
        phia.data["matrix"]["likelihood_labels"][4],
        "highly likely (≥ 80 %)"
    );
}

#[test]
fn svg_asset_parses_and_contains_every_id() {
    let (_, out) = arctic();
    assert_eq!(out.assets.len(), 1);
    let asset = &out.assets[0];
    assert_eq!(asset.name, "risk-matrix.svg");
    assert_eq!(asset.media_type, "image/svg+xml");
    let doc = roxmltree::Document::parse(&asset.contents).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    for item in &out.items {
        assert!(text.contains(item.fields["id"].as_str().unwrap()));
    }
    for band in ["1–20 %", "20–45 %", "45–55 %", "55–80 %", "80–99 %"] {
        assert!(text.contains(band), "{band} missing");
    }
}

#[test]
fn text_without_risks_gives_an_empty_matrix_with_a_note() {
    let out = build(
        &[article("museum", &fixture("museum-opening.txt"))],
        json!(null),
    )
    .unwrap();
    assert!(out.items.is_empty());
    assert_eq!(
        out.notes,
        vec![brief_plugin_risk_matrix::NO_RISKS_NOTE.to_string()]
    );
    assert_eq!(out.data["empty"], true);
    let cells = out.data["matrix"]["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 25);
    assert!(
        cells
            .iter()
            .all(|c| c["ids"].as_array().unwrap().is_empty())
    );
    roxmltree::Document::parse(&out.assets[0].contents).unwrap();
}

#[test]
fn corroboration_from_a_second_source_merges_and_raises_confidence() {
    let a = article("arctic", &fixture(ARCTIC));
    let b = article("followup", &fixture("arctic-lanes-followup.txt"));
    let out = build(&[a, b], json!(null)).unwrap();
    let collision = out
        .items
        .iter()
        .find(|i| i.provenance.iter().any(|p| p.source == "followup"))
        .unwrap();
    assert_eq!(collision.provenance.len(), 3);
    assert_eq!(collision.fields["confidence"], "high");
}

#[test]
fn output_is_deterministic() {
    let (_, first) = arctic();
    let (_, second) = arctic();
    assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&second).unwrap()
    );
}

#[test]
fn max_risks_truncates_with_a_note() {
    let out = build(
        &[article("arctic", &fixture(ARCTIC))],
        json!({"max_risks": 2}),
    )
    .unwrap();
    assert_eq!(out.items.len(), 2);
    assert!(
        out.notes[0].contains("4 lower-rated risks are not shown"),
        "{:?}",
        out.notes
    );
}

#[test]
fn title_option_overrides_the_heading() {
    let out = build(
        &[article("arctic", &fixture(ARCTIC))],
        json!({"title": "What could go wrong"}),
    )
    .unwrap();
    assert_eq!(out.title.as_deref(), Some("What could go wrong"));
}
