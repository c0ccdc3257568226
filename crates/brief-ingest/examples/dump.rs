//! Prints how a source file is read: paragraphs, kinds, sentences, boilerplate flags.
//! `cargo run -p brief-ingest --example dump -- FILE`

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let spec = brief_ingest::SourceSpec {
        id: "src".into(),
        ..Default::default()
    };
    let article = brief_ingest::read_source(path.as_ref(), spec, brief_ingest::DEFAULT_MAX_BYTES)
        .unwrap_or_else(|e| panic!("{e}"));
    for p in &article.paragraphs {
        println!("{} {:?} {:?}", p.id, p.kind, p.boilerplate);
        for s in article.sentences_of(p) {
            println!("   {} [{}..{}] {}", s.id, s.span.start, s.span.end, s.text);
        }
    }
}
