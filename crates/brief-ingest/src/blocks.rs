//! Source text → blocks (paragraph candidates), for plain text and for Markdown.
//!
//! A block is a list of text pieces, each tied to where it starts in the file. Plain-text
//! pieces are exact slices of the file; Markdown pieces can differ from their bytes (entities,
//! escapes), and are marked inexact so offsets inside them are not trusted.

use std::ops::Range;

use brief_core::ParagraphKind;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// Byte offset of the piece in the file.
    pub source: usize,
    /// Byte offset where the piece's bytes end in the file, markup included (for inline code,
    /// after the closing backtick). An inexact piece's characters all stand for
    /// `source..source_end` as a whole.
    pub source_end: usize,
    /// True when `text` equals the file's bytes at `source`.
    pub exact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: ParagraphKind,
    /// Bytes of the whole block in the file, markup included.
    pub span: Range<usize>,
    pub pieces: Vec<Piece>,
}

/// Splits plain text (starting at byte `base` of the file) into blocks.
///
/// Scraped text usually has one paragraph per line; hand-wrapped text has paragraphs of several
/// lines separated by blank lines. A blank-line-separated group whose lines mostly end without
/// sentence punctuation is taken as one wrapped paragraph; otherwise each line stands alone.
pub fn plain_blocks(text: &str, base: usize) -> Vec<Block> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        lines.push((offset, raw.trim_end_matches(['\n', '\r'])));
        offset += raw.len();
    }
    let mut blocks = Vec::new();
    let mut group: Vec<(usize, &str)> = Vec::new();
    let flush = |group: &mut Vec<(usize, &str)>, blocks: &mut Vec<Block>| {
        if group.is_empty() {
            return;
        }
        let wrapped = group.len() > 1
            && group.iter().filter(|(_, l)| !ends_sentence(l)).count() * 2 > group.len()
            && !group.iter().any(|(_, l)| list_marker(l).is_some());
        if wrapped {
            let (start, _) = group[0];
            let (last_start, last) = group[group.len() - 1];
            let end = last_start + last.len();
            blocks.push(Block {
                kind: ParagraphKind::Body,
                span: base + start..base + end,
                pieces: vec![Piece {
                    text: text[start..end].to_string(),
                    source: base + start,
                    source_end: base + end,
                    exact: true,
                }],
            });
        } else {
            for &(start, line) in group.iter() {
                blocks.push(line_block(line, base + start));
            }
        }
        group.clear();
    };
    for (start, line) in lines {
        if line.trim().is_empty() {
            flush(&mut group, &mut blocks);
        } else {
            group.push((start, line));
        }
    }
    flush(&mut group, &mut blocks);
    mark_plain_headings(&mut blocks);
    blocks
}

fn line_block(line: &str, start: usize) -> Block {
    let lead = line.len() - line.trim_start().len();
    let body = line.trim();
    let (kind, skip) = match list_marker(body) {
        Some(n) => (ParagraphKind::ListItem, n),
        None => (ParagraphKind::Body, 0),
    };
    let content_start = start + lead + skip;
    Block {
        kind,
        span: start + lead..start + lead + body.len(),
        pieces: vec![Piece {
            text: body[skip..].to_string(),
            source: content_start,
            source_end: start + lead + body.len(),
            exact: true,
        }],
    }
}

/// Length of a leading list marker ("- ", "• ", "3. ", "(b) ") including its space.
fn list_marker(line: &str) -> Option<usize> {
    let line = line.trim_start();
    for m in ["- ", "* ", "• ", "– ", "· ", "+ "] {
        if line.starts_with(m) {
            return Some(m.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some(digits + 2);
        }
    }
    None
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ':', ';', ')'])
}

/// A short, unpunctuated, capitalised line followed by more text reads as a heading.
fn mark_plain_headings(blocks: &mut [Block]) {
    let n = blocks.len();
    for (i, b) in blocks.iter_mut().enumerate() {
        if b.kind != ParagraphKind::Body || i + 1 == n || b.pieces.len() != 1 {
            continue;
        }
        let t = b.pieces[0].text.trim();
        let words = t.split_whitespace().count();
        let starts_upper = t
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if words == 0 || words > 12 || t.len() > 100 || !starts_upper || t.contains('\n') {
            continue;
        }
        if t.ends_with(['.', '!', '?', ',', ';', ':', '"', '”', '’', ')']) {
            continue;
        }
        let level = if i == 0 { 1 } else { 2 };
        b.kind = ParagraphKind::Heading { level };
    }
}

/// Splits Markdown (starting at byte `base` of the file) into blocks. Code, raw HTML, tables
/// and image descriptions are not prose and are left out; link text is kept, link targets are
/// not.
pub fn markdown_blocks(text: &str, base: usize) -> Vec<Block> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let (mut quote_depth, mut item_depth, mut skip_depth) = (0usize, 0usize, 0usize);
    let kind_here = |quote: usize, item: usize| {
        if item > 0 {
            ParagraphKind::ListItem
        } else if quote > 0 {
            ParagraphKind::Quote
        } else {
            ParagraphKind::Body
        }
    };
    fn flush(current: &mut Option<Block>, blocks: &mut Vec<Block>) {
        if let Some(b) = current.take()
            && b.pieces.iter().any(|p| !p.text.trim().is_empty())
        {
            blocks.push(b);
        }
    }
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        let range = base + range.start..base + range.end;
        match event {
            // table cells are data fragments, not sentences anyone should quote as prose
            Event::Start(
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::Table(_),
            ) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock | TagEnd::Table) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            _ if skip_depth > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut blocks);
                current = Some(Block {
                    kind: ParagraphKind::Heading { level: level as u8 },
                    span: range,
                    pieces: Vec::new(),
                });
            }
            Event::Start(Tag::Paragraph) => {
                flush(&mut current, &mut blocks);
                current = Some(Block {
                    kind: kind_here(quote_depth, item_depth),
                    span: range,
                    pieces: Vec::new(),
                });
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut blocks);
                item_depth += 1;
                current = Some(Block {
                    kind: ParagraphKind::ListItem,
                    span: range,
                    pieces: Vec::new(),
                });
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut current, &mut blocks);
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut current, &mut blocks);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::End(TagEnd::Item) => {
                flush(&mut current, &mut blocks);
                item_depth = item_depth.saturating_sub(1);
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => {
                flush(&mut current, &mut blocks);
            }
            Event::Text(t) | Event::Code(t) => {
                let block = current.get_or_insert_with(|| Block {
                    kind: kind_here(quote_depth, item_depth),
                    span: range.clone(),
                    pieces: Vec::new(),
                });
                let exact = text.get(range.start - base..range.end - base) == Some(&*t);
                block.pieces.push(Piece {
                    text: t.into_string(),
                    source: range.start,
                    source_end: range.end,
                    exact,
                });
                block.span.end = block.span.end.max(range.end);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = current.as_mut() {
                    b.pieces.push(Piece {
                        text: " ".into(),
                        source: range.start,
                        source_end: range.end,
                        exact: false,
                    });
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| b.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_when_lines_end_sentences() {
        let b = plain_blocks("First line here.\nSecond line here.\n", 0);
        assert_eq!(texts(&b), vec!["First line here.", "Second line here."]);
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let t = "This paragraph was\nwrapped by hand at\nforty columns.\n\nNext one.";
        let b = plain_blocks(t, 0);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].span, 0..t.find("\n\n").unwrap());
    }

    #[test]
    fn bullets_lose_their_marker_but_keep_offsets() {
        let t = "- Point one.\n- Point two.\nBody text.";
        let b = plain_blocks(t, 10);
        assert_eq!(b[0].kind, ParagraphKind::ListItem);
        assert_eq!(b[0].pieces[0].text, "Point one.");
        assert_eq!(b[0].pieces[0].source, 12);
    }

    #[test]
    fn short_unpunctuated_line_is_a_heading() {
        let b = plain_blocks(
            "Intro sentence here.\nWhat the Panel Recommends\nIt says things.",
            0,
        );
        assert_eq!(b[1].kind, ParagraphKind::Heading { level: 2 });
        assert_eq!(b[0].kind, ParagraphKind::Body);
    }

    #[test]
    fn markdown_blocks_keep_link_text_and_drop_code_and_html() {
        let t = "# Title\n\nSee [the report](http://x.invalid) now.\n\n```\ncode\n```\n\n<div>raw</div>\n\n> Quoted line.\n\n- item *one*\n";
        let b = markdown_blocks(t, 0);
        assert_eq!(
            texts(&b),
            vec!["Title", "See the report now.", "Quoted line.", "item one"]
        );
        assert_eq!(b[0].kind, ParagraphKind::Heading { level: 1 });
        assert_eq!(b[2].kind, ParagraphKind::Quote);
        assert_eq!(b[3].kind, ParagraphKind::ListItem);
        assert!(
            b.iter()
                .flat_map(|b| &b.pieces)
                .all(|p| !p.exact || t[p.source..].starts_with(&p.text))
        );
    }
}
