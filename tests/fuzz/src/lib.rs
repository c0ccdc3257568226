//! Invariants the fuzz targets share. A failed check panics, which libFuzzer reports as a
//! crash with the input that caused it.

use brief_core::Article;

/// Errors reach the terminal and state files as single lines; a newline from input text
/// would let a source or plugin forge extra log lines.
pub fn assert_one_line(message: &str) {
    assert!(
        !message.contains('\n') && !message.contains('\r'),
        "error message spans several lines: {message:?}"
    );
}

/// Spans are how provenance points back into a source, so every one must be a valid slice
/// of the original bytes, and the model's indices must agree with each other.
pub fn assert_article_consistent(original: &[u8], article: &Article) {
    let text = std::str::from_utf8(original).expect("ingest accepted bytes that are not UTF-8");
    assert_eq!(article.source.bytes, original.len(), "source byte count");
    let valid = |what: &str, start: usize, end: usize| {
        assert!(
            start <= end && end <= text.len(),
            "{what} span {start}..{end} outside 0..{}",
            text.len()
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what} span {start}..{end} splits a character"
        );
    };
    for p in &article.paragraphs {
        valid(&p.id, p.span.start, p.span.end);
        assert!(p.sentence_count > 0, "{} has no sentences", p.id);
        assert!(
            p.first_sentence + p.sentence_count <= article.sentences.len(),
            "{} sentence range out of bounds",
            p.id
        );
        if let Some(h) = p.heading {
            assert!(h < article.paragraphs.len(), "{} heading index", p.id);
        }
    }
    for s in &article.sentences {
        valid(&s.id, s.span.start, s.span.end);
        assert!(
            !s.text.contains('\n'),
            "{} text has a newline: {:?}",
            s.id,
            s.text
        );
        let p = article
            .paragraphs
            .get(s.paragraph)
            .unwrap_or_else(|| panic!("{} points at missing paragraph {}", s.id, s.paragraph));
        assert!(
            p.span.start <= s.span.start && s.span.end <= p.span.end,
            "{} span {:?} outside its paragraph {} {:?}",
            s.id,
            s.span,
            p.id,
            p.span
        );
    }
}

/// Summarizing the article's sentences (with a title taken from its first sentence, so title
/// scoring runs too) chooses at most the budget, in document order, within range.
pub fn assert_summary_consistent(article: &Article) {
    use brief_text::summarize::{Budget, DocSentence, Document, Weights, summarize};
    let sentences: Vec<DocSentence<'_>> = article
        .sentences
        .iter()
        .map(|s| DocSentence {
            text: &s.text,
            paragraph: s.paragraph,
        })
        .collect();
    let doc = Document {
        title: article.sentences.first().map(|s| s.text.as_str()),
        sentences,
    };
    let chosen = summarize(&doc, Budget::Sentences(3), &Weights::default());
    assert!(chosen.len() <= 3.min(doc.sentences.len()), "{chosen:?}");
    assert!(chosen.windows(2).all(|w| w[0] < w[1]), "not in order: {chosen:?}");
    assert!(chosen.iter().all(|&i| i < doc.sentences.len()), "{chosen:?}");
}
