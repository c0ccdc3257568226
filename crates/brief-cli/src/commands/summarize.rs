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

use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::sync::Mutex;

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
    /// Batch mode: documents summarized at once [default: the number of CPUs, at most 8]. The
    /// answers are the same, in the same order, for any value.
    #[arg(long, short = 'j', value_name = "N", requires = "jsonl", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
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
        let jobs = args.jobs.map_or_else(default_jobs, usize::from);
        return run_jsonl(&weights, jobs);
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

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
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

/// Batch mode over `jobs` workers, each with its own [`TermIndex`]. A worker takes the next line
/// of stdin, answers it and files the answer with [`Output`], which prints answers in input
/// order.
/// A document's answer depends only on its own request (see
/// `scores_do_not_depend_on_documents_the_index_saw_before`), so the output is the same bytes for
/// any number of workers. There is no reader or writer thread: each worker reads and writes
/// under a lock, because waking a separate thread for every line cost more than the parallel
/// work saved on two cores.
fn run_jsonl(weights: &Weights, jobs: usize) -> anyhow::Result<()> {
    let input = Mutex::new(Input {
        reader: std::io::BufReader::with_capacity(1 << 20, std::io::stdin()),
        next_number: 1,
        error: None,
    });
    let output = Mutex::new(Output {
        out: Vec::with_capacity(OUTPUT_BUFFER),
        pending: BTreeMap::new(),
        next_number: 1,
        failed: 0,
        error: None,
    });
    let work = || worker(&input, &output, weights);
    if jobs <= 1 {
        work();
    } else {
        std::thread::scope(|scope| {
            for _ in 0..jobs {
                scope.spawn(work);
            }
        });
    }
    let input = input.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut output = output.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(err) = input.error.or(output.error.take()) {
        return Err(err);
    }
    output.flush().context("writing stdout")?;
    if output.failed > 0 {
        bail!("{} input line(s) could not be summarized", output.failed);
    }
    Ok(())
}

struct Input {
    /// Reads whatever the pipe holds, up to 1 MB at a time, rather than stdin's 8 KB: a writer
    /// feeding a batch in small pieces then waits on the pipe less, and the worker that holds
    /// this lock blocks in fewer reads.
    reader: std::io::BufReader<std::io::Stdin>,
    /// Number of the next line to read, from 1.
    next_number: usize,
    /// Set when stdin could not be read; every worker stops.
    error: Option<anyhow::Error>,
}

/// Bytes of answers gathered before they are written: `Stdout` flushes at every line break, and
/// one write per answer cost more than summarizing it.
const OUTPUT_BUFFER: usize = 64 * 1024;

struct Output {
    out: Vec<u8>,
    /// Answers that finished before an earlier line's.
    pending: BTreeMap<usize, anyhow::Result<Option<String>>>,
    next_number: usize,
    failed: usize,
    /// Set when stdout could not be written (a closed pipe, say); every worker stops.
    error: Option<anyhow::Error>,
}

impl Output {
    /// Files the answer to line `number` and prints every answer now due, in line order.
    fn deliver(&mut self, number: usize, result: anyhow::Result<Option<String>>) {
        self.pending.insert(number, result);
        while let Some(result) = self.pending.remove(&self.next_number) {
            let written = match result {
                Ok(None) => Ok(()),
                Ok(Some(json)) => {
                    self.out.extend_from_slice(json.as_bytes());
                    self.out.push(b'\n');
                    if self.out.len() >= OUTPUT_BUFFER {
                        self.flush()
                    } else {
                        Ok(())
                    }
                }
                Err(err) => {
                    self.failed += 1;
                    // what was answered so far goes out before the error that follows it
                    let flushed = self.flush();
                    eprintln!("error: line {}: {err:#}", self.next_number);
                    flushed
                }
            };
            if let Err(err) = written {
                self.error = Some(anyhow::Error::new(err).context("writing stdout"));
                return;
            }
            self.next_number += 1;
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&self.out)?;
        self.out.clear();
        stdout.flush()
    }
}

fn worker(input: &Mutex<Input>, output: &Mutex<Output>, weights: &Weights) {
    let mut index = TermIndex::new();
    let mut line = Vec::new();
    loop {
        let number = {
            let Ok(mut input) = input.lock() else { return };
            if input.error.is_some() {
                return;
            }
            line.clear();
            match input.reader.read_until(b'\n', &mut line) {
                Ok(0) => return,
                Ok(_) => {}
                Err(err) => {
                    input.error = Some(anyhow::Error::new(err).context("reading stdin"));
                    return;
                }
            }
            input.next_number += 1;
            input.next_number - 1
        };
        let result = answer(&line, weights, &mut index);
        let Ok(mut output) = output.lock() else {
            return;
        };
        if output.error.is_some() {
            return;
        }
        output.deliver(number, result);
    }
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
    // an answer is three sentences or so: room enough not to grow while writing it
    let mut json = Vec::with_capacity(1024);
    serde_json::to_writer(&mut json, &answer)?;
    Ok(Some(String::from_utf8(json)?))
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
