//! The partial `templates/sections/recommendations.md.hbs` renders this plugin's output in
//! strict mode: grouped by actor, strongest first, attribution and citation; notes when empty.

mod common;

use brief_core::{Brief, BriefMeta, Section, SectionOutput};

fn render(out: SectionOutput, source: brief_core::SourceInfo) -> String {
    let meta = BriefMeta {
        title: "Test brief".into(),
        ..BriefMeta::default()
    };
    let section = Section {
        id: "recommendations".into(),
        plugin: "recommendations".into(),
        title: "Recommendations".into(),
        items: out.items,
        notes: out.notes,
        data: out.data,
        assets: Vec::new(),
    };
    let brief = Brief {
        schema_version: brief_core::SCHEMA_VERSION.into(),
        meta,
        sources: vec![source],
        sections: vec![section],
    };
    let templates = brief_render::Templates::defaults().expect("default templates parse");
    brief_render::render_markdown(&brief, &templates).expect("the partial renders in strict mode")
}

#[test]
fn renders_groups_labels_attribution_and_citations() {
    let text = common::fixture("kestria-valdoria-news.txt");
    let (article, out) = common::build_text("kv", &text);
    let md = render(out, article.source.clone());
    assert!(md.contains("## Recommendations"), "{md}");
    assert!(md.contains("### Nordic governments"), "{md}");
    assert!(
        md.contains(
            "- **Must not:** drive a wedge between the two capitals — the institute, Lena Varga [1]"
        ),
        "{md}"
    );
    assert!(md.contains("### Ministers and defense planners"), "{md}");
    // strongest first
    assert!(md.find("Must not").unwrap() < md.find("Should not").unwrap());
}

#[test]
fn renders_the_note_when_nothing_is_found() {
    let (article, out) = common::build_text("calm", "The port was busy.\n");
    let md = render(out, article.source.clone());
    assert!(
        md.contains("No recommendations were found in the sources."),
        "{md}"
    );
}
