//! Builds every fixture brief under tests/briefs/ and compares its outputs with the snapshots
//! in its `expected/` folder. Run with BRIEF_BLESS=1 to rewrite the snapshots after a change
//! you have reviewed.

mod common;

use common::{Scratch, fixture_briefs, fixtures_root, snapshot_tree};
use serde_json::Value;

#[test]
fn fixture_briefs_match_their_snapshots() {
    let bless = std::env::var_os("BRIEF_BLESS").is_some();
    let mut mismatches = Vec::new();
    for name in fixture_briefs() {
        let scratch = Scratch::new();
        let brief = scratch.fixture(&name);
        scratch
            .brief()
            .args(["build".as_ref(), brief.as_os_str()])
            .run()
            .success();
        let expected_dir = fixtures_root().join("briefs").join(&name).join("expected");
        let out = brief.join("out");
        let got = snapshot_tree(&out);
        if bless {
            let _ = std::fs::remove_dir_all(&expected_dir);
            common::copy_dir(&out, &expected_dir);
            continue;
        }
        let want = snapshot_tree(&expected_dir);
        let rel = |v: Vec<(std::path::PathBuf, Vec<u8>)>,
                   base: &std::path::Path|
         -> Vec<(String, Vec<u8>)> {
            v.into_iter()
                .map(|(p, b)| (p.strip_prefix(base).unwrap().display().to_string(), b))
                .collect()
        };
        let (got, want) = (rel(got, &out), rel(want, &expected_dir));
        if got != want {
            let names =
                |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            let differing: Vec<String> = got
                .iter()
                .filter(|(n, b)| !want.iter().any(|(wn, wb)| wn == n && wb == b))
                .map(|(n, _)| n.clone())
                .collect();
            mismatches.push(format!(
                "{name}: got {:?}, expected {:?}, differing {:?}",
                names(&got),
                names(&want),
                differing
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "snapshots differ (review, then BRIEF_BLESS=1):\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn every_item_provenance_is_a_real_passage_of_its_source() {
    for name in fixture_briefs() {
        let scratch = Scratch::new();
        let brief = scratch.fixture(&name);
        scratch
            .brief()
            .args([
                "build".as_ref(),
                brief.as_os_str(),
                "--format".as_ref(),
                "json".as_ref(),
            ])
            .run()
            .success();
        let json: Value = serde_json::from_slice(
            &std::fs::read(brief.join("out").join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        let sources = json["sources"].as_array().unwrap();
        let mut items = 0;
        for section in json["sections"].as_array().unwrap() {
            for item in section["items"].as_array().unwrap() {
                let prov = item["provenance"].as_array().unwrap();
                assert!(!prov.is_empty(), "{name}: item without provenance: {item}");
                for p in prov {
                    let src = sources
                        .iter()
                        .find(|s| s["id"] == p["source"])
                        .expect("provenance names a listed source");
                    let bytes = std::fs::read(brief.join(src["path"].as_str().unwrap())).unwrap();
                    assert_eq!(
                        src["hash"].as_str().unwrap(),
                        blake3_hex(&bytes),
                        "{name}: hash of {}",
                        src["id"]
                    );
                    let (s, e) = (
                        p["start"].as_u64().unwrap() as usize,
                        p["end"].as_u64().unwrap() as usize,
                    );
                    let passage =
                        std::str::from_utf8(&bytes[s..e]).expect("passage is whole UTF-8");
                    // the item's words come from the passage it cites, in the plugins that quote
                    assert!(
                        passage.chars().any(char::is_alphabetic),
                        "{name}: empty passage for {item}"
                    );
                    items += 1;
                }
            }
        }
        assert!(items > 0, "{name}: no items at all");
    }
}

fn blake3_hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

#[test]
fn same_inputs_give_same_bytes() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("multi-source");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    let first = snapshot_tree(&brief.join("out"));
    std::fs::remove_dir_all(brief.join("out")).unwrap();
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    assert_eq!(first, snapshot_tree(&brief.join("out")));
}
