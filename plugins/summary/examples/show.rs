//! Prints the summary section of one or more text files as JSON (for looking at results).
//!
//! `cargo run -p brief-plugin-summary --example show -- FILE... [--points N]`
use brief_plugin_summary::{SummaryOptions, summarize_articles};

fn main() {
    let mut files = Vec::new();
    let mut options = SummaryOptions::read(&serde_json::Value::Null).expect("defaults");
    let mut scores = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--weights" => {
                let json: serde_json::Value =
                    serde_json::from_str(&args.next().unwrap_or_default()).expect("weights JSON");
                for (name, v) in json.as_object().expect("object") {
                    options
                        .weights
                        .set(name, v.as_f64().expect("number"))
                        .expect("known weight");
                }
            }
            "--scores" => scores = true,
            "--points" => options.points = args.next().and_then(|n| n.parse().ok()).unwrap_or(5),
            _ => files.push(arg),
        }
    }
    let articles: Vec<_> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
            brief_ingest::article_from_text(f, &text)
        })
        .collect();
    if scores {
        for article in &articles {
            let body: Vec<_> = article.body_sentences().collect();
            let doc = brief_text::summarize::Document {
                title: None,
                sentences: body
                    .iter()
                    .map(|s| brief_text::summarize::DocSentence {
                        text: &s.text,
                        paragraph: s.paragraph,
                    })
                    .collect(),
            };
            let mut index = brief_text::terms::TermIndex::new();
            let analysis = brief_text::summarize::analyze(&doc, &mut index, &options.weights);
            for (s, score) in body.iter().zip(&analysis.scores) {
                println!(
                    "{score:6.3} {:6} {}",
                    s.id,
                    s.text.chars().take(90).collect::<String>()
                );
            }
        }
        return;
    }
    let output = summarize_articles(&articles, &options);
    println!(
        "{}",
        serde_json::to_string_pretty(&output).expect("serializable")
    );
}
