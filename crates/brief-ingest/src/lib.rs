//! Ingest: source bytes → [`brief_core::Article`].
//! (first cut; cleaning and Markdown land next)

use brief_core::{Article, Paragraph, ParagraphKind, Sentence, SourceInfo, Span};

/// Builds an article from plain text already in memory. Each non-empty line is a paragraph.
pub fn article_from_text(id: &str, text: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end();
        if body.trim().is_empty() {
            continue;
        }
        let p = paragraphs.len();
        let first = sentences.len();
        for (n, r) in brief_text::split_sentences(body).into_iter().enumerate() {
            sentences.push(Sentence {
                id: format!("p{}.s{}", p + 1, n + 1),
                paragraph: p,
                span: Span::new(start + r.start, start + r.end),
                text: body[r].to_string(),
                boilerplate: false,
            });
        }
        paragraphs.push(Paragraph {
            id: format!("p{}", p + 1),
            kind: ParagraphKind::Body,
            span: Span::new(start, start + body.len()),
            first_sentence: first,
            sentence_count: sentences.len() - first,
            heading: None,
            boilerplate: None,
        });
    }
    Article {
        source: SourceInfo {
            id: id.to_string(),
            path: None,
            url: None,
            title: None,
            author: None,
            publisher: None,
            published: None,
            hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
            bytes: text.len(),
        },
        paragraphs,
        sentences,
    }
}
