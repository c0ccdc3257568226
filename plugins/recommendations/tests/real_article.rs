//! The seed article from the shared corpus. Skips (with a note) when the corpus is absent, so
//! CI does not depend on it; `.ci/run` runs it when `../shared/corpus` exists. The path comes
//! from `BRIEF_SHARED` (default `../shared` next to the workspace).

mod common;

use std::path::PathBuf;

fn corpus_file() -> Option<PathBuf> {
    let shared = std::env::var_os("BRIEF_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = shared.join("corpus/sino-russian-alliance.txt");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "note: {} not found; skipping the real-article check",
            path.display()
        );
        None
    }
}

#[test]
fn seed_article_advice_is_found_merged_and_attributed() {
    let Some(path) = corpus_file() else { return };
    let text = std::fs::read_to_string(path).unwrap();
    let (_, out) = common::build_text("sino-russian-alliance", &text);
    let expected = common::expected(&common::fixtures().join("sino-russian-alliance.expected"));
    let score = common::score(&out, &text, &expected);
    assert_eq!(score.found, 3, "{score:#?}");
    assert!(score.extras.len() <= 2, "{score:#?}");

    let find = |phrase: &str| {
        out.items
            .iter()
            .find(|i| {
                common::passages(i, &text)
                    .iter()
                    .any(|p| p.contains(phrase))
            })
            .unwrap_or_else(|| panic!("no item for {phrase:?}"))
    };
    let overestimate = find("careful not to overestimate");
    assert_eq!(overestimate.fields["by"], "RAND");
    assert_eq!(overestimate.fields["stance"], "avoid");

    let undermine = find("warns against trying to do so");
    assert!(
        common::passages(undermine, &text)
            .iter()
            .any(|p| p.contains("We argue against trying to undermine"))
    );
    assert_eq!(undermine.fields["stance"], "avoid");
    let by = undermine.fields["by"].as_str().unwrap();
    assert!(["RAND", "Cozad", "Mark Cozad"].contains(&by), "{by}");

    let alliances = find("the best response is for the US and its allies");
    assert!(
        common::passages(alliances, &text)
            .iter()
            .any(|p| p.contains("The most effective way"))
    );
    let by = alliances.fields["by"].as_str().unwrap();
    assert!(["RAND", "the report"].contains(&by), "{by}");
    assert_eq!(alliances.fields["stance"], "do");

    // nothing from the bio or from descriptive "should"
    let all: Vec<&str> = out
        .items
        .iter()
        .flat_map(|i| common::passages(i, &text))
        .collect();
    assert!(
        !all.iter()
            .any(|p| p.contains("what should replace it") || p.contains("Michael Peck"))
    );
}
