//! Where the time of summarizing a batch of articles goes, phase by phase.
//!
//! `cargo run --release -p brief-plugin-summary --example phases -- DATA.jsonl [ROUNDS]` reads
//! the `text` of every line and runs each phase of `brief summarize` over all of them, ROUNDS
//! times (default 20), printing the median per article. "cold" phases start every round with an
//! empty term index, as a fresh `brief summarize --jsonl` process does.

use std::time::Instant;

use brief_text::summarize::{Budget, DocSentence, Document, Weights, analyze, summarize_with};
use brief_text::terms::TermIndex;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: phases DATA.jsonl [ROUNDS]");
    let rounds: usize = args
        .next()
        .map_or(20, |r| r.parse().expect("ROUNDS is a number"));
    let data = std::fs::read_to_string(&path).expect("readable JSONL");
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v["text"].as_str()?.to_string())
        })
        .collect();
    let n = texts.len() as f64;
    let articles: Vec<_> = texts
        .iter()
        .map(|t| brief_ingest::article_from_text("input", t))
        .collect();
    let bodies: Vec<Vec<&str>> = articles
        .iter()
        .map(|a| {
            brief_plugin_summary::summary_sentences(a)
                .into_iter()
                .map(|i| a.sentences[i].text.as_str())
                .collect()
        })
        .collect();
    let docs: Vec<Document<'_>> = bodies
        .iter()
        .map(|b| Document {
            title: None,
            sentences: b
                .iter()
                .map(|&text| DocSentence { text, paragraph: 0 })
                .collect(),
        })
        .collect();
    let weights = Weights::default();

    let report = |name: &str, mut phase: Box<dyn FnMut() + '_>| {
        let mut times: Vec<f64> = (0..rounds)
            .map(|_| {
                let t = Instant::now();
                phase();
                t.elapsed().as_secs_f64() * 1e6 / n
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("{name:<44} {:>8.1} µs/article", times[times.len() / 2]);
    };
    report(
        "split_sentences (whole text)",
        Box::new(|| {
            for t in &texts {
                std::hint::black_box(brief_text::split_sentences(t));
            }
        }),
    );
    report(
        "article_from_text (ingest)",
        Box::new(|| {
            for t in &texts {
                std::hint::black_box(brief_ingest::article_from_text("input", t));
            }
        }),
    );
    report(
        "summary_sentences",
        Box::new(|| {
            for a in &articles {
                std::hint::black_box(brief_plugin_summary::summary_sentences(a));
            }
        }),
    );
    report(
        "words() over sentences",
        Box::new(|| {
            for b in &bodies {
                for s in b {
                    std::hint::black_box(brief_text::words(s).count());
                }
            }
        }),
    );
    report(
        "term lookup, cold index",
        Box::new(|| {
            let mut index = TermIndex::new();
            for b in &bodies {
                for s in b {
                    std::hint::black_box(index.terms(s));
                }
            }
        }),
    );
    let mut warm = TermIndex::new();
    report(
        "term lookup, warm index",
        Box::new(|| {
            for b in &bodies {
                for s in b {
                    std::hint::black_box(warm.terms(s));
                }
            }
        }),
    );
    let mut vocabulary: Vec<String> = bodies
        .iter()
        .flatten()
        .flat_map(|s| brief_text::words(s).map(|r| s[r].to_lowercase()))
        .collect();
    vocabulary.sort();
    vocabulary.dedup();
    let per_article = vocabulary.len() as f64 / n;
    let stemmer = brief_text::Stemmer::new();
    report(
        &format!("stem the {per_article:.0} new words per article"),
        Box::new(|| {
            for w in &vocabulary {
                std::hint::black_box(stemmer.stem_cow(w));
            }
        }),
    );
    report(
        "surface features",
        Box::new(|| {
            for b in &bodies {
                for s in b {
                    std::hint::black_box(brief_text::summarize::SurfaceFeatures::of(s));
                }
            }
        }),
    );
    let mut warm = TermIndex::new();
    report(
        "analyze, warm index",
        Box::new(|| {
            for d in &docs {
                std::hint::black_box(analyze(d, &mut warm, &weights));
            }
        }),
    );
    report(
        "summarize_with (3 sentences), cold index",
        Box::new(|| {
            let mut index = TermIndex::new();
            for d in &docs {
                std::hint::black_box(summarize_with(
                    d,
                    Budget::Sentences(3),
                    &weights,
                    &mut index,
                ));
            }
        }),
    );
}
