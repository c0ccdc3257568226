//! The summarizer core alone, in the protocol of `brief summarize --jsonl`: lines are split into
//! sentences with `brief_text::split_sentences` directly, bypassing ingest (cleaning, boilerplate
//! detection), to separate the summarizer's cost and quality from ingest's. With `--ingest` the
//! text goes through `brief_ingest::article_from_text` first, as in `brief summarize` (for
//! profiling the whole path without the CLI).
//!
//! `jsonl_core [--ingest] [WEIGHTS.json] < requests.jsonl` (WEIGHTS: a JSON object of overrides).
use std::io::{BufRead, Write};

use brief_text::summarize::{Budget, DocSentence, Document, Weights, summarize_with};
use brief_text::terms::TermIndex;

fn main() {
    let mut weights = Weights::default();
    let mut ingest = false;
    for arg in std::env::args().skip(1) {
        if arg == "--ingest" {
            ingest = true;
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(arg).unwrap()).unwrap();
        for (k, x) in v.as_object().unwrap() {
            weights.set(k, x.as_f64().unwrap()).unwrap();
        }
    }
    let mut index = TermIndex::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let text = v["text"].as_str().unwrap();
        let article;
        // line = paragraph, as in ingest and eval.py
        let mut body: Vec<(usize, &str)> = Vec::new();
        if ingest {
            article = brief_ingest::article_from_text("input", text);
            body.extend(
                article
                    .body_sentences()
                    .map(|s| (s.paragraph, s.text.as_str())),
            );
        } else {
            for (p, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                for r in brief_text::split_sentences(line) {
                    body.push((p, &line[r]));
                }
            }
        }
        let doc = Document {
            title: v["title"].as_str(),
            sentences: body
                .iter()
                .map(|&(paragraph, text)| DocSentence { text, paragraph })
                .collect(),
        };
        let budget = match (v["k"].as_u64(), v["max_words"].as_u64()) {
            (Some(k), _) => Budget::Sentences(k as usize),
            (None, Some(w)) => Budget::Words(w as usize),
            _ => Budget::Sentences(3),
        };
        let picked = summarize_with(&doc, budget, &weights, &mut index);
        let sents: Vec<&str> = picked.iter().map(|&i| body[i].1).collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": v["id"], "sentences": sents})
        )
        .unwrap();
    }
}
