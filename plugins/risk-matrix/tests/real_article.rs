//! The real article from the shared corpus: the risks a reader would list are found, each
//! placed with visible cue words, none from the author bio. Reads `$BRIEF_SHARED` (default
//! `../shared` next to the workspace) and skips with a note when it is missing, so CI without
//! the corpus still passes.

mod common;

use std::path::PathBuf;

use common::{article, build};
use serde_json::Value;

fn shared_dir() -> PathBuf {
    match std::env::var_os("BRIEF_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn load() -> Option<String> {
    let path = shared_dir().join("corpus/sino-russian-alliance.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipping: {} not found (set BRIEF_SHARED)", path.display());
            None
        }
    }
}

/// The passages (source text) an item cites, joined.
fn cited(text: &str, item: &brief_core::Item) -> String {
    item.provenance
        .iter()
        .map(|p| &text[p.start..p.end])
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn sino_russian_alliance_risks_are_found_and_placed() {
    let Some(text) = load() else { return };
    let out = build(&[article("sino-russian-alliance", &text)], Value::Null).unwrap();
    for item in &out.items {
        eprintln!(
            "{} L{} I{} {:<6} {:<8} {} | cues {}",
            item.fields["id"].as_str().unwrap(),
            item.fields["likelihood"],
            item.fields["impact"],
            item.fields["rating"].as_str().unwrap(),
            item.fields["confidence"].as_str().unwrap(),
            item.fields["title"].as_str().unwrap(),
            item.fields["cues"]
        );
    }
    let find = |needles: &[&str]| {
        out.items
            .iter()
            .find(|i| needles.iter().all(|n| cited(&text, i).contains(n)))
            .unwrap_or_else(|| panic!("no risk cites {needles:?}"))
    };
    let level = |i: &brief_core::Item, k: &str| i.fields[k].as_u64().unwrap();

    // simultaneous invasions overstretching the US: high impact
    let invasions = find(&["simultaneously", "overstretching"]);
    assert!(level(invasions, "impact") >= 4, "{:?}", invasions.fields);
    // China's supply of components sustaining Russia's war: ongoing, so likely
    let supply = find(&["supporter of Russia", "components"]);
    assert_eq!(supply.fields["kind"], "ongoing");
    assert!(level(supply, "likelihood") >= 4);
    // a demilitarised border freeing forces for Ukraine or Taiwan
    find(&["demilitarize"]);
    // China learning from Russia's combat experience
    find(&["learn from Russia"]);
    // the partnership falling apart over historical baggage (bullet and body merged)
    let apart = find(&["tear this alliance apart", "fall apart"]);
    assert!(cited(&text, apart).contains("historical baggage"));
    // Western attempts to split them backfiring
    let backfire = find(&["warns against", "undermine"]);
    assert_eq!(backfire.fields["kind"], "backfire");

    // every placement shows its cue words
    for item in &out.items {
        let cues = &item.fields["cues"];
        assert!(!cues["likelihood"].as_array().unwrap().is_empty());
        assert!(!cues["impact"].as_array().unwrap().is_empty());
    }
    // nothing from the author bio, past drills or the Cold War
    let bio_start = text.find("Michael Peck is").expect("bio present");
    for item in &out.items {
        for p in &item.provenance {
            assert!(p.start < bio_start, "{} cites the bio", item.fields["id"]);
            let passage = &text[p.start..p.end];
            assert!(!passage.contains("25 joint drills"), "past drills cited");
            assert!(!passage.contains("1950s"), "Cold War fear cited");
        }
    }
    // the SVG shows every id
    let svg = &out.assets[0].contents;
    roxmltree::Document::parse(svg).unwrap();
    assert!(
        out.items
            .iter()
            .all(|i| svg.contains(i.fields["id"].as_str().unwrap()))
    );
}
