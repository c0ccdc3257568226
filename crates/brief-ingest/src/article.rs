//! Assembles the article model from blocks: ids, sentences, spans, headings, boilerplate.

use std::path::Path;

use brief_core::{Article, Paragraph, ParagraphKind, Sentence, SourceInfo, Span};

use crate::blocks::{Block, markdown_blocks, plain_blocks};
use crate::clean::clean_block;
use crate::decode::decode;
use crate::frontmatter::split_front_matter;
use crate::{IngestError, boilerplate};

/// How to read a source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
}

impl Format {
    pub fn from_path(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if matches!(e.as_str(), "md" | "markdown" | "mdown") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// What the brief knows about a source before reading it. Configured values win over what the
/// file's front matter says.
#[derive(Debug, Clone, Default)]
pub struct SourceSpec {
    pub id: String,
    pub path: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
}

/// Ingests a source from its bytes. `display` names the file in errors.
pub fn parse_source(
    bytes: &[u8],
    format: Format,
    spec: SourceSpec,
    max_bytes: u64,
    display: &str,
) -> Result<Article, IngestError> {
    let (text, offset) = decode(bytes, display, max_bytes)?;
    let (blocks, front) = match format {
        Format::Plain => (plain_blocks(text, offset), Default::default()),
        Format::Markdown => {
            let (front, body) = split_front_matter(text).map_err(|m| IngestError::FrontMatter {
                path: display.to_string(),
                line: m.line,
                message: m.message,
            })?;
            (markdown_blocks(&text[body..], offset + body), front)
        }
    };
    let mut article = assemble(blocks, source_info(spec, bytes));
    let heading_title = first_heading(&article);
    let info = &mut article.source;
    info.title = info.title.take().or(front.title).or(heading_title);
    info.author = info.author.take().or(front.author);
    info.publisher = info.publisher.take().or(front.publisher);
    info.published = info.published.take().or(front.published);
    info.url = info.url.take().or(front.url);
    if article.body_sentences().next().is_none() {
        return Err(IngestError::NoText {
            path: display.to_string(),
        });
    }
    Ok(article)
}

/// A level-1 heading that opens the source is its title.
fn first_heading(article: &Article) -> Option<String> {
    let first = article.paragraphs.first()?;
    match first.kind {
        ParagraphKind::Heading { level: 1 } => Some(
            article
                .sentences_of(first)
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => None,
    }
}

fn source_info(spec: SourceSpec, bytes: &[u8]) -> SourceInfo {
    SourceInfo {
        id: spec.id,
        path: spec.path,
        url: spec.url,
        title: spec.title,
        author: spec.author,
        publisher: spec.publisher,
        published: spec.published,
        hash: blake3::hash(bytes).to_hex().to_string(),
        bytes: bytes.len(),
    }
}

/// Builds an article from plain text in memory (the `brief summarize` path). Never fails: text
/// with nothing readable gives an article without sentences.
pub fn article_from_text(id: &str, text: &str) -> Article {
    let spec = SourceSpec {
        id: id.to_string(),
        ..SourceSpec::default()
    };
    assemble(plain_blocks(text, 0), source_info(spec, text.as_bytes()))
}

fn assemble(blocks: Vec<Block>, source: SourceInfo) -> Article {
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    // news sentences run to about 150 bytes: room for them without growing
    let text_bytes: usize = blocks
        .iter()
        .flat_map(|b| &b.pieces)
        .map(|p| p.text.len())
        .sum();
    let mut sentences: Vec<Sentence> = Vec::with_capacity(text_bytes / 128 + 1);
    let mut heading: Option<usize> = None;
    for block in blocks {
        let clean = clean_block(&block);
        let p = paragraphs.len();
        let first = sentences.len();
        for range in sentence_ranges(&clean.text) {
            let text = &clean.text[range.clone()];
            if !text.chars().any(char::is_alphanumeric) {
                continue;
            }
            let (start, end) = clean.source_range(range.start, range.end);
            let n = sentences.len() - first + 1;
            sentences.push(Sentence {
                id: sentence_id(p + 1, n),
                paragraph: p,
                span: Span::new(start, end),
                text: text.to_string(),
                boilerplate: false,
            });
        }
        if sentences.len() == first {
            continue;
        }
        let is_heading = matches!(block.kind, ParagraphKind::Heading { .. });
        paragraphs.push(Paragraph {
            id: numbered('p', p + 1),
            kind: block.kind,
            span: Span::new(block.span.start, block.span.end),
            first_sentence: first,
            sentence_count: sentences.len() - first,
            heading: if is_heading { None } else { heading },
            boilerplate: None,
        });
        if is_heading {
            heading = Some(p);
        }
    }
    mark_boilerplate(&mut paragraphs, &mut sentences);
    Article {
        source,
        paragraphs,
        sentences,
    }
}

/// "p3.s2": the id of sentence 2 of paragraph 3, both counted from 1.
fn sentence_id(paragraph: usize, sentence: usize) -> String {
    let mut id = numbered('p', paragraph);
    id.push('.');
    push_number(&mut id, 's', sentence);
    id
}

/// "p3": `letter` followed by `n`. Written digit by digit, because ingest names every
/// paragraph and sentence of every source and the general formatter was a visible cost of it.
fn numbered(letter: char, n: usize) -> String {
    let mut id = String::with_capacity(12);
    push_number(&mut id, letter, n);
    id
}

fn push_number(out: &mut String, letter: char, n: usize) {
    out.push(letter);
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Sentence ranges of cleaned text, with an opening quote that the splitter left at the end
/// of one sentence moved to the start of the next.
fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = brief_text::split_sentences(text);
    for i in 0..ranges.len().saturating_sub(1) {
        let piece = &text[ranges[i].clone()];
        if let Some(body) = piece.strip_suffix('“') {
            let body = body.trim_end();
            if body.chars().any(char::is_alphanumeric) {
                let quote_at = ranges[i].start + piece.len() - '“'.len_utf8();
                ranges[i].end = ranges[i].start + body.len();
                ranges[i + 1].start = quote_at;
            }
        }
    }
    ranges
}

/// Flags boilerplate paragraphs; everything after an author bio is boilerplate too.
fn mark_boilerplate(paragraphs: &mut [Paragraph], sentences: &mut [Sentence]) {
    let n = paragraphs.len();
    let mut bio_from: Option<usize> = None;
    for (i, p) in paragraphs.iter_mut().enumerate() {
        let text: Vec<&str> = sentences[p.first_sentence..p.first_sentence + p.sentence_count]
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        let reason = boilerplate::classify(&text.join(" "), n - 1 - i, n);
        if reason == Some("author bio") && bio_from.is_none() {
            bio_from = Some(i);
        }
        p.boilerplate = reason.map(str::to_string);
    }
    if let Some(from) = bio_from {
        for p in &mut paragraphs[from..] {
            p.boilerplate
                .get_or_insert_with(|| "after author bio".to_string());
        }
    }
    for p in paragraphs.iter() {
        if p.boilerplate.is_some() {
            for s in &mut sentences[p.first_sentence..p.first_sentence + p.sentence_count] {
                s.boilerplate = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> SourceSpec {
        SourceSpec {
            id: "t".into(),
            ..SourceSpec::default()
        }
    }

    #[test]
    fn ids_count_paragraphs_and_sentences() {
        assert_eq!(sentence_id(3, 2), "p3.s2");
        assert_eq!(sentence_id(120, 10), "p120.s10");
        assert_eq!(numbered('p', 0), "p0");
        assert_eq!(numbered('p', usize::MAX), format!("p{}", usize::MAX));
    }

    #[test]
    fn every_sentence_span_is_its_passage() {
        let src = "- Key point one.\nA body line. [a gloss] Another “quoted” one.\n\nPat Doe is a staff writer whose work has appeared in print. Follow her on Twitter.\n";
        let a = parse_source(src.as_bytes(), Format::Plain, spec(), 1000, "t").unwrap();
        for s in &a.sentences {
            let passage = &src[s.span.start..s.span.end];
            assert!(
                passage.starts_with(&s.text[..3]),
                "{passage:?} vs {:?}",
                s.text
            );
        }
        assert_eq!(a.paragraphs[0].kind, ParagraphKind::ListItem);
        let bio: Vec<_> = a.sentences.iter().filter(|s| s.boilerplate).collect();
        assert_eq!(bio.len(), 2);
    }

    #[test]
    fn markdown_front_matter_fills_metadata_and_spans_skip_markup() {
        let src = "---\ntitle: Port report\nauthor: R. Lee\n---\n# Port report\n\nThe port **reopened** on Monday.\n";
        let a = parse_source(src.as_bytes(), Format::Markdown, spec(), 1000, "t").unwrap();
        assert_eq!(a.source.title.as_deref(), Some("Port report"));
        assert_eq!(a.source.author.as_deref(), Some("R. Lee"));
        let s = a.sentences.last().unwrap();
        assert_eq!(s.text, "The port reopened on Monday.");
        assert_eq!(
            &src[s.span.start..s.span.end],
            "The port **reopened** on Monday."
        );
        assert_eq!(a.paragraphs[1].heading, Some(0));
    }

    #[test]
    fn opening_quote_left_at_sentence_end_moves_to_next_sentence() {
        let src = "“Turnout was low,” the board said. “The count took a week.”";
        let a = parse_source(src.as_bytes(), Format::Plain, spec(), 1000, "t").unwrap();
        let texts: Vec<&str> = a.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "“Turnout was low,” the board said.",
                "“The count took a week.”"
            ]
        );
    }

    #[test]
    fn bom_shifts_spans() {
        let src = "\u{FEFF}One sentence here.";
        let a = parse_source(src.as_bytes(), Format::Plain, spec(), 1000, "t").unwrap();
        assert_eq!(
            &src[a.sentences[0].span.start..a.sentences[0].span.end],
            "One sentence here."
        );
    }

    #[test]
    fn inline_code_ending_in_a_multibyte_character_keeps_spans_on_char_boundaries() {
        // Minimized from an ingest_markdown fuzz crash: the span of a sentence ending inside
        // inline code ended at the code's start plus the last character's length, here in the
        // middle of the three bytes of U+300D.
        let src = b"r`\xE3\x80\x8D`";
        let a = parse_source(src, Format::Markdown, spec(), 1000, "t").unwrap();
        let text = std::str::from_utf8(src).unwrap();
        let s = &a.sentences[0];
        assert_eq!(s.text, "r\u{300D}");
        assert_eq!(&text[s.span.start..s.span.end], "r`\u{300D}`");
    }

    #[test]
    fn markup_only_source_has_no_text() {
        let err =
            parse_source(b"```\ncode\n```\n", Format::Markdown, spec(), 1000, "t").unwrap_err();
        assert!(matches!(err, IngestError::NoText { .. }));
    }
}
