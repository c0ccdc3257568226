//! End-to-end checks of the PDF: structure via lopdf, text via pdftotext when installed.

use std::collections::BTreeSet;
use std::process::Command;

use brief_pdf::{Heatmap, Margins, Paper, PdfError, PdfOptions, render_pdf};
use lopdf::{Document, Object};

const SAMPLE: &str = include_str!("fixtures/sample_brief.md");
const HEATMAP: &str = include_str!("fixtures/sample_heatmap.json");

fn sample_options() -> PdfOptions {
    let heatmap: Heatmap = serde_json::from_str(HEATMAP).expect("fixture heatmap parses");
    PdfOptions {
        heatmaps: vec![heatmap],
        ..Default::default()
    }
}

/// Text of the whole document (pages separated by form feeds), or None without pdftotext.
fn pdftotext(bytes: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!(
        "brief-pdf-test-{}-{:x}",
        std::process::id(),
        bytes.len()
    ));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join("doc.pdf");
    std::fs::write(&path, bytes).ok()?;
    let output = Command::new("pdftotext").arg(&path).arg("-").output();
    let _ = std::fs::remove_dir_all(&dir);
    match output {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        _ => {
            eprintln!(
                "note: pdftotext not installed; text checks skipped (apt-get install poppler-utils)"
            );
            None
        }
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn sample_brief_has_pages_fonts_and_pinned_metadata() {
    let rendered = render_pdf(SAMPLE, &sample_options()).expect("renders");
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let doc = Document::load_mem(&rendered.bytes).expect("lopdf reads the output");
    assert_eq!(doc.get_pages().len(), rendered.page_count);
    assert!(rendered.page_count >= 2);
    assert!(
        rendered.bytes.len() <= 400 * 1024,
        "{} bytes",
        rendered.bytes.len()
    );

    let mut embedded = BTreeSet::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name_str).ok() == Some("Font") {
            assert_eq!(
                dict.get(b"Subtype").and_then(Object::as_name_str).ok(),
                Some("TrueType")
            );
            let name = dict
                .get(b"BaseFont")
                .and_then(Object::as_name_str)
                .unwrap()
                .to_string();
            assert!(name.contains("+DejaVu"), "{name}");
            embedded.insert(name.split('+').nth(1).unwrap().to_string());
        }
        if dict.get(b"Type").and_then(Object::as_name_str).ok() == Some("FontDescriptor") {
            assert!(dict.has(b"FontFile2"), "font program embedded");
        }
    }
    assert!(
        embedded.contains("DejaVuSerif") && embedded.contains("DejaVuSans-Bold"),
        "{embedded:?}"
    );

    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .unwrap();
    let info = doc.get_dictionary(info).unwrap();
    assert!(!info.has(b"CreationDate") && !info.has(b"ModDate"));
    assert!(doc.trailer.has(b"ID"));
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object {
            assert!(
                stream.dict.has(b"Filter"),
                "every stream compressed: {:?}",
                stream.dict
            );
        }
    }
}

#[test]
fn same_input_gives_same_bytes() {
    let a = render_pdf(SAMPLE, &sample_options()).unwrap();
    let b = render_pdf(SAMPLE, &sample_options()).unwrap();
    assert!(a.bytes == b.bytes, "output differs between runs");
    let letter = PdfOptions {
        paper: Paper::Letter,
        ..sample_options()
    };
    assert!(render_pdf(SAMPLE, &letter).unwrap().bytes != a.bytes);
}

#[test]
fn text_survives_with_typography() {
    let rendered = render_pdf(SAMPLE, &sample_options()).unwrap();
    let Some(text) = pdftotext(&rendered.bytes) else {
        return;
    };
    let flat = squash(&text);
    for needle in [
        "Keeping the Lights On: Grid Resilience in Small Island States",
        "Key points",
        "Summary",
        "Recommendations",
        "Risk register",
        "Risk matrix",
        "Sources",
        "Ministers’ Council",
        "“manageable”",
        "past decade — each",
        "Category 4–5 storm",
        "Page 1 of",
        "Likelihood (highest at top)",
        "High risk",
        "https://example.org/reports/solar-storage-pilots-first-year-results-full-text",
    ] {
        assert!(flat.contains(needle), "missing {needle:?} in:\n{text}");
    }
    for id in ["R1", "R2", "R3", "R4", "R5", "R6"] {
        assert!(
            flat.matches(id).count() >= 2,
            "{id} in register and heatmap"
        );
    }
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(flat.contains(&format!("Page {pages} of {pages}")));
}

#[test]
fn missing_glyphs_are_replaced_and_reported() {
    let md = "# Title\n\n## Notes\n\nMeeting in 北京 with Erdoğan 🙂 and Zoë.\n";
    let rendered = render_pdf(md, &PdfOptions::default()).unwrap();
    let joined = rendered.warnings.join("\n");
    assert!(joined.contains("U+5317"), "{joined}");
    assert!(joined.contains("U+4EAC"), "{joined}");
    assert!(joined.contains("U+1F642"), "{joined}");
    assert!(joined.contains("U+011F"), "{joined}");
    assert!(!joined.contains("U+00EB"), "ë is printable: {joined}");
    if let Some(text) = pdftotext(&rendered.bytes) {
        assert!(
            squash(&text).contains("Meeting in ?? with Erdogan ? and Zoë."),
            "{text}"
        );
    }
}

#[test]
fn wide_table_wraps_instead_of_losing_text() {
    let long_word =
        "https://example.org/an/extremely/long/address/that/cannot/fit/in/a/narrow/column/at/all";
    let mut md = String::from("# T\n\n| A | B | C | D | E | F |\n|---|---|---|---|---|---|\n");
    for row in 0..3 {
        md.push_str(&format!(
            "| r{row} | {long_word} | many words that need wrapping across several lines in a narrow cell | x | y | {long_word} |\n"
        ));
    }
    let rendered = render_pdf(&md, &PdfOptions::default()).unwrap();
    let Some(text) = pdftotext(&rendered.bytes) else {
        return;
    };
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(joined.matches("needwrapping").count(), 3, "{text}");
    // The long address is broken across lines but every character is printed.
    assert_eq!(
        joined.matches("cannot/fit").count() + joined.matches("cannot/\nfit").count(),
        6,
        "{text}"
    );
}

#[test]
fn heading_never_ends_a_page() {
    // Fill the first page almost completely, then a heading and its paragraph.
    let filler = "Filler sentence for the page body that goes on for a while. ".repeat(6);
    for extra in 0..24 {
        let mut md = String::from("# Title\n\n");
        for i in 0..(10 + extra / 3) {
            md.push_str(&format!("{filler} {i}\n\n"));
        }
        for _ in 0..(extra % 3) {
            md.push_str("- short item\n");
        }
        md.push_str("\n## Watched heading\n\nFirst words of the following paragraph.\n");
        let rendered = render_pdf(&md, &PdfOptions::default()).unwrap();
        let Some(text) = pdftotext(&rendered.bytes) else {
            return;
        };
        let page = text
            .split('\u{c}')
            .find(|p| p.contains("Watched heading"))
            .expect("heading printed");
        assert!(
            page.contains("First words"),
            "heading separated from its paragraph (case {extra}):\n{page}"
        );
    }
}

#[test]
fn heatmap_without_data_falls_back_to_the_table() {
    let rendered = render_pdf(SAMPLE, &PdfOptions::default()).unwrap();
    assert!(
        rendered
            .warnings
            .iter()
            .any(|w| w.contains("no heatmap data")),
        "{:?}",
        rendered.warnings
    );
    if let Some(text) = pdftotext(&rendered.bytes) {
        assert!(text.contains("Almost certain"));
        assert!(!text.contains("High risk"), "no legend without a heatmap");
    }
}

#[test]
fn bad_options_are_errors_not_panics() {
    let huge = PdfOptions {
        margins: Margins::all(200.0),
        ..Default::default()
    };
    assert!(matches!(
        render_pdf("# T", &huge),
        Err(PdfError::Options(_))
    ));
    let nan = PdfOptions {
        margins: Margins::all(f64::NAN),
        ..Default::default()
    };
    assert!(matches!(render_pdf("# T", &nan), Err(PdfError::Options(_))));
}

#[test]
fn odd_input_renders() {
    for md in [
        "",
        "plain",
        "> > nested\n> quote",
        "- a\n  - b\n    - c",
        "| a |\n|---|",
        "```\ncode\n```",
        "<!-- brief:heatmap -->",
    ] {
        let rendered =
            render_pdf(md, &PdfOptions::default()).unwrap_or_else(|e| panic!("{md:?}: {e}"));
        assert!(rendered.page_count >= 1);
    }
}
