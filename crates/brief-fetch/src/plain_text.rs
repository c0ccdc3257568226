//! HTML → the plain-text shape brief's ingest reads best: one paragraph per line, paragraphs
//! separated by one blank line, no leading or trailing whitespace.

use dom_query::Document;

/// Re-flows extracted text so every non-empty line is its own paragraph.
///
/// The extractor ends block elements with a blank line but list items and `<br>` with a
/// single newline; brief's plain-text ingest may glue single-newline lines into one wrapped
/// paragraph, so each line is made its own paragraph. Whitespace inside a line is collapsed
/// (non-breaking spaces included) because it carries no meaning after HTML rendering.
pub fn paragraphs_text(text: &str) -> String {
    let paragraphs: Vec<String> = text
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// Plain text of an HTML fragment, such as a feed item's content or summary.
///
/// Text without markup passes through with only whitespace normalised; entities are decoded.
pub fn html_fragment_text(html: &str) -> String {
    let document = Document::fragment(html);
    paragraphs_text(&document.formatted_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_becomes_a_paragraph() {
        let text = "  First   paragraph. \n\n\n Second\u{a0}one.\nThird line\n";
        assert_eq!(
            paragraphs_text(text),
            "First paragraph.\n\nSecond one.\n\nThird line"
        );
    }

    #[test]
    fn fragments_lose_markup_and_decode_entities() {
        let html = "<p>Tariffs &amp; quotas <b>rose</b>.</p><ul><li>One</li><li>Two</li></ul>";
        assert_eq!(
            html_fragment_text(html),
            "Tariffs & quotas rose.\n\nOne\n\nTwo"
        );
        assert_eq!(html_fragment_text("just text"), "just text");
        assert_eq!(html_fragment_text(""), "");
    }
}
