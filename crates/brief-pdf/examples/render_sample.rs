//! Renders the sample brief and reports size and timing.
//!
//! `cargo run --release -p brief-pdf --example render_sample -- [OUT.pdf] [RUNS] [INPUT.md|long] [HEATMAP.json]`
//!
//! `long` renders the sample with its Summary-to-Recommendations part repeated four times,
//! a brief of about four pages.

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/tmp/brief-sample.pdf".into());
    let runs: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(20);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let sample = std::fs::read_to_string(format!("{dir}/sample_brief.md"))?;
    let markdown = match args.get(3).map(String::as_str) {
        Some("long") => lengthen(&sample),
        Some(path) => std::fs::read_to_string(path)?,
        None => sample,
    };
    let heatmap_json = match args.get(4) {
        Some(path) => std::fs::read_to_string(path)?,
        None => std::fs::read_to_string(format!("{dir}/sample_heatmap.json"))?,
    };
    let options = brief_pdf::PdfOptions {
        heatmaps: vec![serde_json::from_str(&heatmap_json)?],
        ..Default::default()
    };
    let mut timings = Vec::new();
    let mut rendered = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        rendered = Some(brief_pdf::render_pdf(&markdown, &options)?);
        timings.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let rendered = rendered.expect("at least one run");
    std::fs::write(&out, &rendered.bytes)?;
    timings.sort_by(f64::total_cmp);
    println!(
        "{out}: {} pages, {} bytes; render over {} runs: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        rendered.page_count,
        rendered.bytes.len(),
        timings.len(),
        timings[0],
        timings[timings.len() / 2],
        timings[timings.len() - 1]
    );
    for warning in &rendered.warnings {
        println!("warning: {warning}");
    }
    Ok(())
}

/// Repeats the part from "## Summary" up to "## Risk register" four times.
fn lengthen(sample: &str) -> String {
    let (Some(start), Some(end)) = (sample.find("## Summary"), sample.find("## Risk register"))
    else {
        return sample.to_string();
    };
    let middle = &sample[start..end];
    format!("{}{}{}", &sample[..start], middle.repeat(4), &sample[end..])
}
