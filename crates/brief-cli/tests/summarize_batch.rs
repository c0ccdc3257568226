//! `brief summarize --jsonl`: the batch protocol of the evaluation harness, on several workers.

mod common;

use common::Scratch;

/// Forty small documents, each a few sentences on its own topic, as request lines.
fn requests() -> Vec<String> {
    let topics = [
        (
            "harbour",
            "The harbour board met on Monday to discuss dredging.",
        ),
        (
            "reservoir",
            "Reservoir levels fell for a third month in the north.",
        ),
        (
            "rail",
            "The regional rail line will close for repairs in May.",
        ),
        (
            "schools",
            "Ten rural schools will share one transport contract.",
        ),
        (
            "grain",
            "Grain exports through the corridor rose by a fifth.",
        ),
    ];
    (0..40)
        .map(|i| {
            let (topic, lead) = topics[i % topics.len()];
            let text = format!(
                "{lead} Officials said document {i} about the {topic} was reviewed twice. \
                 Critics of the {topic} plan asked for the full costs. \
                 A decision on the {topic} is expected within {} weeks.",
                i + 2
            );
            serde_json::json!({"id": format!("d{i}"), "text": text, "title": null, "k": 2, "max_words": null})
                .to_string()
        })
        .collect()
}

fn run_batch(scratch: &Scratch, jobs: &str, input: &str) -> common::Outcome {
    scratch
        .brief()
        .args(["summarize", "--jsonl", "-j", jobs])
        .stdin(input)
        .run()
}

#[test]
fn answers_are_the_same_bytes_in_input_order_for_any_number_of_workers() {
    let scratch = Scratch::new();
    let input = requests().join("\n") + "\n";
    let one = run_batch(&scratch, "1", &input).success();
    let four = run_batch(&scratch, "4", &input).success();
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = four
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["sentences"].as_array().unwrap().len(), 2, "{l}");
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    let expected: Vec<String> = (0..40).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn a_bad_line_is_named_by_number_and_every_other_line_is_answered() {
    let scratch = Scratch::new();
    let mut lines = requests();
    lines.insert(16, "{not json".to_string());
    let input = lines.join("\n") + "\n";
    let out = run_batch(&scratch, "3", &input).failure(1);
    assert_eq!(out.stdout.lines().count(), 40);
    out.error_line_contains(&["line 17", "not a valid request"]);
}
