//! Compares `brief_text::split_sentences` with the sentencex crate it replaced, over the `text`
//! fields of JSONL files (one line of text is one paragraph, as `brief` ingests plain text).
//!
//! `cargo run --release -p brief-text --example segment_compare -- A.jsonl [B.jsonl…]`
//! prints agreement and timing, and writes up to 200 differing paragraphs to
//! `target/segment-differences.txt`.

use std::collections::BTreeSet;
use std::io::Write;
use std::ops::Range;
use std::time::Instant;

fn sentencex_split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", text) {
        let (start, end) = (b.start_byte, b.end_byte.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
    }
    out
}

fn main() {
    let mut paragraphs: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&path).expect("readable JSONL");
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            if let Some(text) = v["text"].as_str() {
                paragraphs.extend(
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_string),
                );
            }
        }
    }
    let t = Instant::now();
    let ours: Vec<_> = paragraphs
        .iter()
        .map(|p| brief_text::split_sentences(p))
        .collect();
    let ours_time = t.elapsed();
    let t = Instant::now();
    let theirs: Vec<_> = paragraphs.iter().map(|p| sentencex_split(p)).collect();
    let theirs_time = t.elapsed();

    let (mut same_paragraphs, mut same_sentences, mut our_count, mut their_count) = (0, 0, 0, 0);
    let mut differences = Vec::new();
    for ((p, a), b) in paragraphs.iter().zip(&ours).zip(&theirs) {
        our_count += a.len();
        their_count += b.len();
        let a_set: BTreeSet<_> = a.iter().map(|r| (r.start, r.end)).collect();
        let b_set: BTreeSet<_> = b.iter().map(|r| (r.start, r.end)).collect();
        same_sentences += a_set.intersection(&b_set).count();
        if a == b {
            same_paragraphs += 1;
        } else if differences.len() < 200 {
            let only_ours: Vec<&str> = a
                .iter()
                .filter(|r| !b_set.contains(&(r.start, r.end)))
                .map(|r| &p[r.clone()])
                .collect();
            let only_theirs: Vec<&str> = b
                .iter()
                .filter(|r| !a_set.contains(&(r.start, r.end)))
                .map(|r| &p[r.clone()])
                .collect();
            differences.push(format!(
                "OURS:   {only_ours:#?}\nSENTENCEX: {only_theirs:#?}\n"
            ));
        }
    }
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    println!(
        "paragraphs {} ({:.1} MB); identical {} ({:.2} %)",
        paragraphs.len(),
        bytes as f64 / 1e6,
        same_paragraphs,
        100.0 * same_paragraphs as f64 / paragraphs.len().max(1) as f64
    );
    println!(
        "sentences: ours {our_count}, sentencex {their_count}; identical {same_sentences} \
         ({:.2} % of sentencex's, {:.2} % of ours)",
        100.0 * same_sentences as f64 / their_count.max(1) as f64,
        100.0 * same_sentences as f64 / our_count.max(1) as f64
    );
    println!(
        "time: ours {:.1} ms ({:.0} MB/s), sentencex {:.1} ms ({:.0} MB/s)",
        ours_time.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / ours_time.as_secs_f64(),
        theirs_time.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / theirs_time.as_secs_f64()
    );
    let mut f = std::fs::File::create("target/segment-differences.txt").expect("writable target/");
    for d in differences {
        writeln!(f, "{d}").expect("write");
    }
}
