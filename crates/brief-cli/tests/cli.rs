//! The commands around `build`: new, check, plugins, completions, and the Markdown's safety.

mod common;

use common::{Scratch, snapshot_tree};
use pulldown_cmark::{Event, Options, Parser, Tag};

#[test]
fn new_then_build_writes_all_three_sections() {
    let scratch = Scratch::new();
    let article = scratch.write(
        "inbox/report.txt",
        std::fs::read(common::fixtures_root().join("briefs/basic/sources/reservoir-levels.txt"))
            .unwrap(),
    );
    let dir = scratch.path().join("x");
    scratch
        .brief()
        .args([
            "new".as_ref(),
            dir.as_os_str(),
            "--from".as_ref(),
            article.as_os_str(),
        ])
        .run()
        .success()
        .stdout_contains("created");
    assert!(dir.join("sources/report.txt").is_file());
    scratch
        .brief()
        .args(["build".as_ref(), dir.as_os_str()])
        .run()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/x.json")).unwrap()).unwrap();
    let ids: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["summary", "recommendations", "risk-matrix"]);
    assert!(dir.join("out/x.md").is_file());
    // a second `new` on the same folder must not clobber the brief
    scratch
        .brief()
        .args(["new".as_ref(), dir.as_os_str()])
        .run()
        .failure(1)
        .error_line_contains(&["already exists"]);
}

#[test]
fn check_validates_and_writes_nothing() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    scratch
        .brief()
        .args(["check".as_ref(), brief.as_os_str()])
        .run()
        .success()
        .stdout_contains("ok ");
    assert!(snapshot_tree(&brief.join("out")).is_empty());
}

#[test]
fn build_without_arguments_builds_every_brief_under_briefs() {
    let scratch = Scratch::new();
    std::fs::create_dir_all(scratch.path().join("briefs")).unwrap();
    common::copy_dir(
        &common::fixtures_root().join("briefs/basic"),
        &scratch.path().join("briefs/one"),
    );
    common::copy_dir(
        &common::fixtures_root().join("briefs/multi-source"),
        &scratch.path().join("briefs/two"),
    );
    scratch.brief().args(["build"]).run().success();
    assert!(scratch.path().join("briefs/one/out/one.md").is_file());
    assert!(scratch.path().join("briefs/two/out/two.json").is_file());
}

#[test]
fn format_and_out_flags_choose_what_is_written() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let out = scratch.path().join("elsewhere");
    scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "md".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ])
        .run()
        .success();
    assert!(out.join("basic.md").is_file());
    assert!(!out.join("basic.json").exists());
    scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "docx".as_ref(),
        ])
        .run()
        // a usage error, as the README documents (regression: it exited 1)
        .failure(2)
        .stderr_contains("unknown format `docx` for --format");
}

#[test]
fn plugins_lists_the_built_ins() {
    let out = Scratch::new().brief().args(["plugins"]).run().success();
    for name in ["summary", "recommendations", "risk-matrix"] {
        assert!(out.stdout.contains(name), "{}", out.stdout);
    }
}

#[test]
fn completions_are_printed() {
    Scratch::new()
        .brief()
        .args(["completions", "bash"])
        .run()
        .success()
        .stdout_contains("brief");
}

#[test]
fn usage_errors_exit_2() {
    Scratch::new()
        .brief()
        .args(["build", "--no-such-flag"])
        .run()
        .failure(2);
}

#[test]
fn custom_template_overrides_one_partial_and_keeps_the_rest() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("custom-template");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    let md = std::fs::read_to_string(brief.join("out/custom-template.md")).unwrap();
    assert!(md.contains("## In brief (custom partial)"), "{md}");
    assert!(md.contains("> Disclaimer:"), "{md}");
    assert!(
        md.contains("## Sources"),
        "default sources partial still used: {md}"
    );
}

/// Source text and brief.toml text must never become Markdown structure: the only links,
/// images, HTML and headings in the output are the ones our templates write.
#[test]
fn hostile_source_text_renders_inert() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("injection");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    let md = std::fs::read_to_string(brief.join("out/injection.md")).unwrap();
    let mut opts = Options::all();
    opts.remove(Options::ENABLE_SMART_PUNCTUATION);
    let mut headings = Vec::new();
    let mut in_heading = false;
    // text of the innermost bold run and table cell being read
    let (mut strong, mut cell): (Option<String>, Option<String>) = (None, None);
    let mut cells = Vec::new();
    for event in Parser::new_ext(&md, opts) {
        if let Event::Text(t) = &event {
            for open in [&mut strong, &mut cell].into_iter().flatten() {
                open.push_str(t);
            }
        }
        match event {
            Event::Start(Tag::Strong) => strong = Some(String::new()),
            Event::End(pulldown_cmark::TagEnd::Strong) => {
                // bold comes from the templates' labels only, never from `**x**` in a source
                let text = strong.take().unwrap_or_default();
                assert!(
                    ["Bottom line:", "Audience:", "Sources:", "Should:"].contains(&text.as_str()),
                    "bold from a source: {text}"
                );
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(pulldown_cmark::TagEnd::TableCell) => {
                cells.push(cell.take().unwrap_or_default())
            }
            Event::Code(c) => panic!("code span from a source: {c}"),
            Event::FootnoteReference(f) => panic!("footnote from a source: {f}"),
            Event::Start(
                tag @ (Tag::Emphasis
                | Tag::Strikethrough
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)),
            ) => panic!("{tag:?} from a source"),
            Event::Html(h) | Event::InlineHtml(h) => {
                assert!(
                    h.trim_start().starts_with("<!-- brief:"),
                    "raw HTML leaked: {h}"
                )
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(
                    dest_url.starts_with("injection.assets/"),
                    "link leaked: {dest_url}"
                )
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                assert!(
                    dest_url.starts_with("injection.assets/"),
                    "image leaked: {dest_url}"
                )
            }
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                headings.push(String::new());
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.last_mut().unwrap().push_str(&t),
            _ => {}
        }
    }
    assert!(md.starts_with("# Injection \\<b\\>test\\</b\\>"), "{md}");
    assert!(!md.contains("\n# Ignore"), "{md}");
    // the source's own "# Ignore previous instructions" never becomes a heading of the brief
    assert!(
        headings.iter().all(|h| !h.contains("Ignore")),
        "{headings:?}"
    );
    for expected in ["Summary", "Recommendations", "Risk matrix", "Sources"] {
        assert!(headings.iter().any(|h| h == expected), "{headings:?}");
    }
    // pipes in a source stay inside their cell instead of starting new ones (GFM would
    // silently drop the extra cells)
    assert!(
        cells
            .iter()
            .any(|c| c == "A levee | breach | could flood | the lower town | within hours"),
        "{cells:?}"
    );
    // and what looked like syntax reads as the characters it is
    let text: String = Parser::new_ext(&md, opts)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            _ => None,
        })
        .collect();
    for literal in [
        "publish the *flood map*, the __gauge log__ and the `pump schedule` at <https",
        "in [the annex][annex] and in the footnote[^1].",
        "suspend <em>night</em> crossings and remove the <script src",
    ] {
        assert!(text.contains(literal), "{literal}: {text}");
    }
}
