//! The PDF output: built from the same templates as the Markdown, deterministic, written
//! atomically, and carrying every heading, key point, recommendation and risk id.

mod common;

use common::{Scratch, snapshot_tree};
use serde_json::Value;

fn pdftotext(pdf: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A word's left and right edge in points, and the word.
type WordBox = (f64, f64, String);

/// Per page: its width and its words' boxes (`pdftotext -bbox`).
fn word_boxes(pdf: &std::path::Path) -> Vec<(f64, Vec<WordBox>)> {
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox".as_ref(), pdf.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let len = tag[start..].find('"').expect("closing quote");
        tag[start..start + len].parse().expect("a number")
    };
    let mut pages = Vec::new();
    for page in html.split("<page ").skip(1) {
        let width = attr(page, "width");
        let boxes = page
            .split("<word ")
            .skip(1)
            .map(|w| {
                let text = w.split_once('>').map_or("", |(_, t)| t);
                let text = text.split("</word>").next().unwrap_or("").to_string();
                (attr(w, "xMin"), attr(w, "xMax"), text)
            })
            .collect();
        pages.push((width, boxes));
    }
    pages
}

/// Text as pdftotext lays it out: compare on words, since lines wrap anywhere.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pdf_carries_title_headings_items_and_risk_ids() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("multi-source");
    scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "json,pdf".as_ref(),
        ])
        .run()
        .success();
    let pdf = brief.join("out/multi-source.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
    let Some(text) = pdftotext(&pdf) else {
        eprintln!("note: pdftotext not installed; skipping the text checks");
        return;
    };
    let text = words(&text);
    let json: Value =
        serde_json::from_slice(&std::fs::read(brief.join("out/multi-source.json")).unwrap())
            .unwrap();
    assert!(text.contains(json["title"].as_str().unwrap()), "{text}");
    assert!(text.contains("Page 1 of"), "{text}");
    for section in json["sections"].as_array().unwrap() {
        assert!(
            text.contains(section["title"].as_str().unwrap()),
            "heading {}",
            section["title"]
        );
        for item in section["items"].as_array().unwrap() {
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                assert!(text.contains(id), "risk id {id}");
            }
            if section["plugin"] == "summary" {
                // key points are sentences: their words survive, whatever the wrapping
                let head: String = words(item["text"].as_str().unwrap())
                    .chars()
                    .take(40)
                    .collect();
                assert!(text.contains(&head), "key point {head:?} in {text}");
            }
        }
    }
}

#[test]
fn pdf_is_deterministic_and_passes_qpdf() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let args = [
        "build".as_ref(),
        brief.as_os_str(),
        "--format".as_ref(),
        "pdf".as_ref(),
        "--force".as_ref(),
    ];
    scratch.brief().args(args).run().success();
    let first = std::fs::read(brief.join("out/basic.pdf")).unwrap();
    scratch.brief().args(args).run().success();
    assert_eq!(first, std::fs::read(brief.join("out/basic.pdf")).unwrap());
    match std::process::Command::new("qpdf")
        .arg("--check")
        .arg(brief.join("out/basic.pdf"))
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "qpdf --check: {}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(_) => eprintln!("note: qpdf not installed; skipping qpdf --check"),
    }
}

#[test]
fn template_edits_show_in_the_pdf_too() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("custom-template");
    scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "md,pdf".as_ref(),
        ])
        .run()
        .success();
    if let Some(text) = pdftotext(&brief.join("out/custom-template.pdf")) {
        let text = words(&text);
        assert!(text.contains("In brief (custom partial)"), "{text}");
        assert!(text.contains("Disclaimer: this note was drafted"), "{text}");
    }
}

#[test]
fn characters_the_font_lacks_are_replaced_with_a_warning() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let source = brief.join("sources/reservoir-levels.txt");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replacen("Reservoirs across", "Reservoirs (水库) across", 1),
    )
    .unwrap();
    let out = scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "pdf".as_ref(),
        ])
        .run()
        .success();
    assert!(
        out.stderr.contains("warning: pdf: U+6C34"),
        "{}",
        out.stderr
    );
}

#[test]
fn failed_build_leaves_the_previous_pdf_untouched() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let args = [
        "build".as_ref(),
        brief.as_os_str(),
        "--format".as_ref(),
        "pdf".as_ref(),
    ];
    scratch.brief().args(args).run().success();
    let before = snapshot_tree(&brief.join("out"));
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    std::fs::write(
        brief.join("brief.toml"),
        format!("{toml}\n[pdf]\npaper = \"tabloid\"\n"),
    )
    .unwrap();
    scratch
        .brief()
        .args(args)
        .run()
        .failure(1)
        .error_line_contains(&["brief.toml", "tabloid"]);
    assert_eq!(before, snapshot_tree(&brief.join("out")));
}

#[test]
fn paper_and_margins_come_from_brief_toml() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    std::fs::write(
        brief.join("brief.toml"),
        format!("{toml}\n[pdf]\npaper = \"letter\"\nmargins_mm = [25, 20, 25, 20]\n"),
    )
    .unwrap();
    scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "pdf".as_ref(),
        ])
        .run()
        .success();
    let bytes = std::fs::read(brief.join("out/basic.pdf")).unwrap();
    // US Letter is 612 × 792 points
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("612") && text.contains("792"),
        "no Letter media box"
    );
}

/// Hostile source text (Markdown and HTML syntax, control, bidi and zero-width characters, a
/// 612-letter word, a very long URL) is typeset as plain, readable text: no links, no hidden
/// reordering, syntax printed as its characters, long words broken across lines instead of
/// running off the page.
#[test]
fn hostile_source_text_is_inert_and_readable_in_the_pdf() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("injection");
    scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "md,pdf".as_ref(),
        ])
        .run()
        .success();
    let md = std::fs::read_to_string(brief.join("out/injection.md")).unwrap();
    let invisible = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    assert!(
        !md.chars().any(invisible),
        "control or bidi character in the Markdown"
    );
    let bytes = std::fs::read(brief.join("out/injection.pdf")).unwrap();
    for marker in [&b"/URI"[..], b"/Annots", b"/JavaScript", b"/Launch"] {
        assert!(
            !bytes.windows(marker.len()).any(|w| w == marker),
            "the PDF has {}",
            String::from_utf8_lossy(marker)
        );
    }
    let Some(text) = pdftotext(&brief.join("out/injection.pdf")) else {
        eprintln!("note: pdftotext not installed; skipping the text checks");
        return;
    };
    assert!(
        !text.chars().any(|c| c != '\u{c}' && invisible(c)),
        "{text}"
    );
    let joined: String = text.split_whitespace().collect();
    assert!(
        joined.contains(&"Sedimentcorestudy".repeat(36)),
        "the long word is all there"
    );
    assert!(
        joined.contains("segment39?token=abc123"),
        "the long URL is all there"
    );
    let words = words(&text);
    for phrase in [
        "Injection <b>test</b>",
        "four million euros in lost fees",
        "the dredging plan should be approved by the council",
        // Markdown and HTML syntax of a plain-text source, printed as the characters it is
        "publish the *flood map*, the __gauge log__ and the `pump schedule` at <https",
        "in [the annex][annex] and in the footnote[^1].",
        "suspend <em>night</em> crossings",
        "A levee | breach |",
        // invisible characters inside words are gone, so the words read whole
        "inspect the quay walls every week",
    ] {
        assert!(words.contains(phrase), "{phrase}: {words}");
    }
    // escapes belong to the Markdown; the page shows the character alone
    for escape in ["\\*", "\\<", "\\[", "\\|", "\\:"] {
        assert!(!words.contains(escape), "{escape} printed: {words}");
    }
    // where each word sits: none may reach past the right margin (the default margins are
    // equal, so the right edge of the text block mirrors the left one)
    let pages = word_boxes(&brief.join("out/injection.pdf"));
    assert!(pages.len() > 1 && pages.iter().all(|(_, boxes)| !boxes.is_empty()));
    for (page_width, boxes) in pages {
        let left = boxes.iter().map(|b| b.0).fold(f64::MAX, f64::min);
        for (x_min, x_max, word) in &boxes {
            assert!(
                *x_min >= left - 0.5 && *x_max <= page_width - left + 0.5,
                "{word:?} spans {x_min}..{x_max} on a {page_width} pt page"
            );
        }
    }
    // without -layout, pdftotext gives one typeset line per line: a word that ran off the
    // page would come back as one line of 600+ letters
    let plain = std::process::Command::new("pdftotext")
        .args([brief.join("out/injection.pdf").as_os_str(), "-".as_ref()])
        .output()
        .unwrap();
    let plain = String::from_utf8_lossy(&plain.stdout);
    let widest = plain.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        widest < 110,
        "a line of {widest} characters ran off the page"
    );
}
