//! The summary of the real article, `corpus/sino-russian-alliance.txt` in the shared folder.
//!
//! The shared folder is not part of the repository: the path comes from `BRIEF_SHARED`
//! (default `../shared` beside the workspace), and the test skips with a note when it is absent.

use std::path::PathBuf;

use brief_plugin_summary::{SummaryOptions, summarize_articles};

fn shared_dir() -> PathBuf {
    match std::env::var_os("BRIEF_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// Each judgement the summary must carry, as alternatives of words one chosen sentence holds.
const JUDGEMENTS: &[(&str, &[&[&str]])] = &[
    ("not a NATO-style alliance", &[&["not", "alliance", "NATO"]]),
    ("exercises parallel, not joint", &[&["parallel", "joint"]]),
    (
        "mutual distrust",
        &[
            &["distrust"],
            &["confidence in each other"],
            &["trust or rely"],
        ],
    ),
    (
        "what each side gains",
        &[
            &["benefit"],
            &["learning from Russia"],
            &["Good relations would mean"],
            &["good reasons for cooperating"],
        ],
    ),
    (
        "strengthen US alliances rather than split them",
        &[
            &["strengthen", "alliances"],
            &["work together more closely"],
        ],
    ),
];

#[test]
fn key_points_carry_the_main_judgements() {
    let path = shared_dir().join("corpus/sino-russian-alliance.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found (set BRIEF_SHARED)", path.display());
        return;
    };
    let article = brief_ingest::article_from_text("sino-russian-alliance", &text);
    // the plugin's default options, as a brief without a `[sections]` table gets them
    let options = SummaryOptions::read(&serde_json::Value::Null).unwrap();
    let output = summarize_articles(std::slice::from_ref(&article), &options);

    let mut chosen: Vec<String> = output.items.iter().map(|i| i.text.clone()).collect();
    if let Some(bottom) = output.data["bottom_line"]["text"].as_str() {
        chosen.push(bottom.to_string());
    }
    for (judgement, alternatives) in JUDGEMENTS {
        let carried = chosen.iter().any(|s| {
            alternatives
                .iter()
                .any(|words| words.iter().all(|w| s.contains(w)))
        });
        assert!(carried, "no key point says: {judgement}\n{chosen:#?}");
    }

    let bio = text
        .find("Michael Peck")
        .expect("the bio is in the article");
    for item in &output.items {
        assert!(
            item.provenance.iter().all(|p| p.start < bio),
            "from the bio: {}",
            item.text
        );
    }
}
