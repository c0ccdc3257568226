//! Prints the rule trace and the section JSON for a plain-text file:
//! `cargo run -p brief-plugin-recommendations --example explain -- FILE`
use brief_core::{BriefMeta, SectionPlugin, SectionRequest};
use brief_plugin_recommendations::{RecommendationsPlugin, explain};

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let article = brief_ingest::article_from_text("source", &text);
    if std::env::var_os("QUIET").is_none() {
        println!("{}", explain(&article));
    }
    let meta = BriefMeta::default();
    let options = serde_json::Value::Null;
    let articles = [article];
    let request = SectionRequest {
        schema_version: brief_core::SCHEMA_VERSION,
        section_id: "recommendations",
        brief: &meta,
        options: &options,
        articles: &articles,
    };
    let out = RecommendationsPlugin.build(&request).expect("build");
    for item in &out.items {
        let f = &item.fields;
        println!(
            "* [{} {}] actor={} by={} cue={:?} score={}\n    action: {}\n    text: {}\n    at: {:?}",
            f["strength"],
            f["stance"],
            f["actor"],
            f["by"],
            f["cue"],
            f["score"],
            f["action"],
            item.text,
            item.provenance
                .iter()
                .map(|p| p.sentence.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        );
    }
    for note in &out.notes {
        println!("note: {note}");
    }
}
