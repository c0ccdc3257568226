//! Measures what a user plugin costs beyond its own work: starting its host process, dlopen +
//! ABI check + describe, and the round trip of one build call over the host's socket.
//!
//! `cargo run --release -p brief-engine --example plugin_overhead -- BRIEF LIBRARY SOURCE...`
//! BRIEF is the `brief` executable (it hosts the plugin). The library should do almost no work
//! itself (tests/plugins/misbehave does one item), so the call time is the boundary's overhead.

use std::time::Instant;

use brief_core::{BriefMeta, SCHEMA_VERSION, SectionPlugin, SectionRequest};

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: plugin_overhead BRIEF LIBRARY SOURCE...";
    let program = args.next().expect(usage);
    let library = args.next().expect(usage);
    let articles: Vec<_> = args
        .map(|path| {
            let spec = brief_ingest::SourceSpec {
                id: path.clone(),
                ..Default::default()
            };
            brief_ingest::read_source(path.as_ref(), spec, brief_ingest::DEFAULT_MAX_BYTES)
                .expect("source reads")
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.source.bytes).sum();

    let start = Instant::now();
    let host = brief_engine::PluginHost {
        program: program.into(),
        ..brief_engine::PluginHost::default()
    };
    let plugin = brief_engine::load_plugin(library.as_ref(), &host).expect("plugin loads");
    let load = start.elapsed();

    let meta = BriefMeta::default();
    let options = serde_json::json!({});
    let request = SectionRequest {
        schema_version: SCHEMA_VERSION,
        section_id: "bench",
        brief: &meta,
        options: &options,
        articles: &articles,
    };
    let start = Instant::now();
    plugin.build(&request).expect("first call works");
    let first = start.elapsed();
    let runs = 200;
    let start = Instant::now();
    for _ in 0..runs {
        plugin.build(&request).expect("call works");
    }
    let per_call = start.elapsed() / runs;
    println!("sources: {} ({} bytes)", articles.len(), bytes);
    println!(
        "host start + load + ABI check + describe: {:.1} µs",
        load.as_secs_f64() * 1e6
    );
    println!(
        "first build call (JSON both ways): {:.1} µs",
        first.as_secs_f64() * 1e6
    );
    println!(
        "later build calls, mean of {runs}: {:.1} µs",
        per_call.as_secs_f64() * 1e6
    );
    println!(
        "load + one call: {:.3} ms",
        (load + first).as_secs_f64() * 1e3
    );
}
