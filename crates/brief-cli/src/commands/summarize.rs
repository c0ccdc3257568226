//! `brief summarize`: an extractive summary of one text, or of many texts given as JSON lines.
//!
//! The text goes through the same ingest as a brief's sources (`article_from_text`: one line is
//! one paragraph) and the same summarizer as the summary plugin, so the command and the plugin
//! pick the same sentences.
//!
//! Batch mode (`--jsonl`) speaks the protocol of the evaluation harness: one request
//! `{"id", "text", "title", "k", "max_words"}` per input line (title, k and max_words may be null
//! or absent), one answer `{"id", "sentences": [...]}` per output line, sentences in document
//! order. A line that cannot be read gets an error on stderr naming its line number; every other
//! line is still answered, and the exit status is 1 at the end if any line failed, so scripts
//! notice.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, bail};
use brief_text::summarize::{Budget, DocSentence, Document, PRESETS, Weights, summarize_with};
use brief_text::terms::TermIndex;
use serde::{Deserialize, Serialize};

/// Sentences chosen when neither a sentence count nor a word budget is given.
const DEFAULT_SENTENCES: usize = 3;

#[derive(Debug, clap::Args)]
pub struct SummarizeArgs {
    /// Text file to summarize, one paragraph per line; reads stdin when absent.
    #[arg(value_name = "FILE", conflicts_with = "jsonl")]
    file: Option<PathBuf>,
    /// Number of sentences to extract [default: 3].
    #[arg(long, value_name = "N", conflicts_with = "words")]
    sentences: Option<usize>,
    /// Word budget: sentences are added in rank order until they reach N words.
    #[arg(long, value_name = "N")]
    words: Option<usize>,
    /// Title of the text; sentences that share its words rank higher.
    #[arg(long)]
    title: Option<String>,
    /// Batch mode: read JSON requests from stdin, one per line; write one JSON answer per line.
    #[arg(long, conflicts_with_all = ["sentences", "words", "title"])]
    jsonl: bool,
    /// Weight preset: "news" (lead-heavy articles) or "report" (long analysis, as the summary
    /// section uses by default).
    #[arg(long, default_value = "news", value_parser = clap::builder::PossibleValuesParser::new(PRESETS))]
    preset: String,
    /// JSON object of summarizer weights to override by name, e.g. {"redundancy": 0.4}.
    #[arg(long, value_name = "FILE")]
    weights: Option<PathBuf>,
}

pub fn run(args: SummarizeArgs) -> anyhow::Result<()> {
    let preset = Weights::preset(&args.preset).context("unknown preset")?;
    let weights = match &args.weights {
        Some(path) => read_weights(preset, path)?,
        None => preset,
    };
    if args.jsonl {
        return run_jsonl(&weights);
    }
    let text = match &args.file {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading stdin")?;
            text
        }
    };
    let budget = budget(args.sentences, args.words);
    let sentences = summarize_text(
        &text,
        args.title.as_deref(),
        budget,
        &weights,
        &mut TermIndex::new(),
    );
    let mut out = BufWriter::new(std::io::stdout().lock());
    for sentence in sentences {
        writeln!(out, "{sentence}")?;
    }
    out.flush()?;
    Ok(())
}

fn budget(sentences: Option<usize>, words: Option<usize>) -> Budget {
    match (sentences, words) {
        (Some(k), _) => Budget::Sentences(k),
        (None, Some(w)) => Budget::Words(w),
        (None, None) => Budget::Sentences(DEFAULT_SENTENCES),
    }
}

/// The chosen sentences' text, in document order.
fn summarize_text(
    text: &str,
    title: Option<&str>,
    budget: Budget,
    weights: &Weights,
    index: &mut TermIndex,
) -> Vec<String> {
    let article = brief_ingest::article_from_text("input", text);
    // the same sentences the summary section may quote: no boilerplate, no headings
    let body: Vec<&brief_core::Sentence> = brief_plugin_summary::summary_sentences(&article)
        .into_iter()
        .map(|i| &article.sentences[i])
        .collect();
    let doc = Document {
        title,
        sentences: body
            .iter()
            .map(|s| DocSentence {
                text: &s.text,
                paragraph: s.paragraph,
            })
            .collect(),
    };
    summarize_with(&doc, budget, weights, index)
        .into_iter()
        .map(|i| body[i].text.clone())
        .collect()
}

fn read_weights(mut weights: Weights, path: &PathBuf) -> anyhow::Result<Weights> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let values: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
        .with_context(|| format!("{}: expected a JSON object of numbers", path.display()))?;
    for (name, value) in values {
        let Some(number) = value.as_f64() else {
            bail!("{}: weight `{name}` must be a number", path.display());
        };
        weights
            .set(&name, number)
            .with_context(|| path.display().to_string())?;
    }
    Ok(weights)
}

#[derive(Debug, Deserialize)]
struct Request {
    /// Echoed back as given (the harness sends strings; any JSON value is accepted).
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    k: Option<usize>,
    #[serde(default)]
    max_words: Option<usize>,
}

#[derive(Debug, Serialize)]
struct Answer<'a> {
    id: &'a serde_json::Value,
    sentences: Vec<String>,
}

fn run_jsonl(weights: &Weights) -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    // one index for the whole stream: words seen once are never stemmed again
    let mut index = TermIndex::new();
    let mut line = Vec::new();
    let mut failed = 0usize;
    for number in 1.. {
        line.clear();
        if input
            .read_until(b'\n', &mut line)
            .context("reading stdin")?
            == 0
        {
            break;
        }
        match answer(&line, weights, &mut index) {
            Ok(None) => {}
            Ok(Some(json)) => {
                out.write_all(json.as_bytes())?;
                out.write_all(b"\n")?;
            }
            Err(err) => {
                failed += 1;
                eprintln!("error: line {number}: {err:#}");
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        bail!("{failed} input line(s) could not be summarized");
    }
    Ok(())
}

/// The JSON answer for one input line; `None` for a blank line.
fn answer(line: &[u8], weights: &Weights, index: &mut TermIndex) -> anyhow::Result<Option<String>> {
    let line = std::str::from_utf8(line).context("not valid UTF-8")?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    let request: Request = serde_json::from_str(line).context("not a valid request")?;
    let budget = budget(request.k, request.max_words);
    let sentences = summarize_text(
        &request.text,
        request.title.as_deref(),
        budget,
        weights,
        index,
    );
    let answer = Answer {
        id: &request.id,
        sentences,
    };
    Ok(Some(serde_json::to_string(&answer)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(line: &str) -> anyhow::Result<Option<String>> {
        answer(line.as_bytes(), &Weights::default(), &mut TermIndex::new())
    }

    #[test]
    fn answers_in_the_harness_protocol() {
        let got = ask(r#"{"id":"a1","text":"The dam burst on Monday night. Water flooded the valley town. Rescuers worked until dawn.","title":null,"k":2,"max_words":null}"#)
            .unwrap()
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&got).unwrap();
        assert_eq!(v["id"], "a1");
        assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn bad_json_is_an_error_blank_line_is_skipped() {
        assert!(ask("{not json").is_err());
        assert!(ask(r#"{"id":"x"}"#).is_err());
        assert!(ask("   ").unwrap().is_none());
        assert!(answer(&[0xff, 0xfe], &Weights::default(), &mut TermIndex::new()).is_err());
    }

    #[test]
    fn empty_text_gives_no_sentences() {
        let got = ask(r#"{"id":7,"text":""}"#).unwrap().unwrap();
        assert_eq!(got, r#"{"id":7,"sentences":[]}"#);
    }
}
