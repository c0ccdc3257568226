//! Markdown → a small block tree that the layout code typesets.
//!
//! Only what a brief template produces is modelled: headings, paragraphs, lists, block quotes,
//! GFM tables, rules and code blocks. Raw HTML is dropped, except the heatmap marker comment,
//! which swallows the table right after it.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The HTML comment that stands for a native heatmap.
pub const HEATMAP_MARKER: &str = "brief:heatmap";

/// A run of text with inline emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text {
        text: String,
        bold: bool,
        italic: bool,
        code: bool,
    },
    /// A hard line break.
    Break,
    /// A source line end inside a paragraph: a space in body text, a new line in the title block.
    SoftBreak,
}

/// One block-level element.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Table {
        align: Vec<Alignment>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// The n-th heatmap marker of the document, with the Markdown table it stands for (printed
    /// instead when no heatmap data is supplied).
    Heatmap {
        index: usize,
        fallback: Option<Box<Block>>,
    },
    Rule,
    Code(String),
}

/// Parses Markdown into blocks. Soft line breaks are kept as `Inline::Break` so the title block
/// can print one metadata line per source line; the layout turns them into spaces elsewhere.
pub fn parse(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut builder = Builder::default();
    for event in Parser::new_ext(markdown, options) {
        builder.event(event);
    }
    builder.finish()
}

#[derive(Debug)]
enum Frame {
    Container(Vec<Block>),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Table {
        align: Vec<Alignment>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

#[derive(Debug, Default)]
struct Builder {
    stack: Vec<Frame>,
    inlines: Vec<Inline>,
    heading: Option<u8>,
    in_cell: bool,
    row: Vec<Vec<Inline>>,
    bold: usize,
    italic: usize,
    link_targets: Vec<String>,
    code_block: Option<String>,
    heatmaps_seen: usize,
    /// A heatmap marker was just emitted; the next block, if a table, is its Markdown fallback.
    swallow_table: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        if self.stack.is_empty() {
            self.stack.push(Frame::Container(Vec::new()));
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(code) = &mut self.code_block {
                    code.push_str(&text);
                } else {
                    self.text(&text, false);
                }
            }
            Event::Code(text) => self.text(&text, true),
            Event::SoftBreak => self.inlines.push(Inline::SoftBreak),
            Event::HardBreak => self.inlines.push(Inline::Break),
            Event::Html(html) | Event::InlineHtml(html) if html.contains(HEATMAP_MARKER) => {
                self.flush_paragraph();
                self.push_block(Block::Heatmap {
                    index: self.heatmaps_seen,
                    fallback: None,
                });
                self.heatmaps_seen += 1;
                self.swallow_table = true;
            }
            Event::Rule => self.push_block(Block::Rule),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, false),
            _ => {}
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        self.inlines.push(Inline::Text {
            text: text.to_string(),
            bold: self.bold > 0,
            italic: self.italic > 0,
            code,
        });
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_paragraph();
                self.heading = Some(heading_level(level));
            }
            Tag::BlockQuote(_) => {
                self.flush_paragraph();
                self.stack.push(Frame::Quote(Vec::new()));
            }
            Tag::List(start) => {
                self.flush_paragraph();
                self.stack.push(Frame::List {
                    start,
                    items: Vec::new(),
                });
            }
            Tag::Item => self.stack.push(Frame::Item(Vec::new())),
            Tag::Table(align) => {
                self.flush_paragraph();
                self.stack.push(Frame::Table {
                    align,
                    header: Vec::new(),
                    rows: Vec::new(),
                });
            }
            Tag::TableCell => {
                self.in_cell = true;
                self.inlines.clear();
            }
            Tag::CodeBlock(_) => {
                self.flush_paragraph();
                self.code_block = Some(String::new());
            }
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::Link { dest_url, .. } => self.link_targets.push(dest_url.to_string()),
            Tag::Image { dest_url, .. } => self.link_targets.push(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush_paragraph(),
            TagEnd::Heading(_) => {
                let text = std::mem::take(&mut self.inlines);
                let level = self.heading.take().unwrap_or(2);
                self.push_block(Block::Heading { level, text });
            }
            TagEnd::BlockQuote(_) => {
                self.flush_paragraph();
                if let Some(Frame::Quote(blocks)) = self.stack.pop() {
                    self.push_block(Block::Quote(blocks));
                }
            }
            TagEnd::Item => {
                self.flush_paragraph();
                if let Some(Frame::Item(blocks)) = self.stack.pop()
                    && let Some(Frame::List { items, .. }) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List { start, items }) = self.stack.pop() {
                    self.push_block(Block::List { start, items });
                }
            }
            TagEnd::TableCell => {
                self.in_cell = false;
                self.row.push(std::mem::take(&mut self.inlines));
            }
            TagEnd::TableHead => {
                let cells = std::mem::take(&mut self.row);
                if let Some(Frame::Table { header, .. }) = self.stack.last_mut() {
                    *header = cells;
                }
            }
            TagEnd::TableRow => {
                let cells = std::mem::take(&mut self.row);
                if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                    rows.push(cells);
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table {
                    align,
                    header,
                    rows,
                }) = self.stack.pop()
                {
                    let table = Block::Table {
                        align,
                        header,
                        rows,
                    };
                    if std::mem::take(&mut self.swallow_table)
                        && let Some(Block::Heatmap { fallback, .. }) = self.last_block_mut()
                    {
                        *fallback = Some(Box::new(table));
                        return;
                    }
                    self.push_block(table);
                }
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code_block.take() {
                    self.push_block(Block::Code(code.trim_end().to_string()));
                }
            }
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => self.end_link(),
            _ => {}
        }
    }

    /// Shows a link's target after its text when the target is an external address that the
    /// text does not already spell out: on paper a reader cannot click.
    fn end_link(&mut self) {
        let Some(url) = self.link_targets.pop() else {
            return;
        };
        let external = url.contains("://") || url.starts_with("mailto:");
        let shown: String = self
            .inlines
            .iter()
            .rev()
            .take(4)
            .filter_map(|inline| match inline {
                Inline::Text { text, .. } => Some(text.as_str()),
                Inline::Break | Inline::SoftBreak => None,
            })
            .collect();
        if external && !shown.contains(url.trim_start_matches("mailto:")) {
            self.text(&format!(" <{url}>"), false);
        }
    }

    fn flush_paragraph(&mut self) {
        if self.in_cell || self.heading.is_some() {
            return;
        }
        let inlines = std::mem::take(&mut self.inlines);
        if inlines
            .iter()
            .any(|inline| matches!(inline, Inline::Text { text, .. } if !text.trim().is_empty()))
        {
            self.push_block(Block::Paragraph(inlines));
        }
    }

    fn last_block_mut(&mut self) -> Option<&mut Block> {
        match self.stack.last_mut() {
            Some(Frame::Container(blocks) | Frame::Quote(blocks) | Frame::Item(blocks)) => {
                blocks.last_mut()
            }
            _ => None,
        }
    }

    fn push_block(&mut self, block: Block) {
        // Any block other than the marker itself ends the marker's claim on a following table.
        if !matches!(block, Block::Heatmap { .. }) {
            self.swallow_table = false;
        }
        match self.stack.last_mut() {
            Some(Frame::Container(blocks) | Frame::Quote(blocks) | Frame::Item(blocks)) => {
                blocks.push(block)
            }
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            Some(Frame::Table { .. }) | None => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush_paragraph();
        // Close anything left open by malformed input, innermost first.
        while self.stack.len() > 1 {
            match self.stack.pop() {
                Some(Frame::Quote(blocks) | Frame::Item(blocks)) => {
                    self.push_block(Block::Quote(blocks))
                }
                Some(Frame::List { start, items }) => self.push_block(Block::List { start, items }),
                _ => {}
            }
        }
        match self.stack.pop() {
            Some(Frame::Container(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The plain text of inline runs, with breaks as spaces.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text, .. } => text.as_str(),
            Inline::Break | Inline::SoftBreak => " ",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_resolved_and_headings_found() {
        let blocks = parse(
            "# Title\n\nAudience: ministers\\\nDate: today\n\n## Key points\n\n- a \\[1\\]\n- *b*\n",
        );
        assert_eq!(blocks.len(), 4);
        assert!(matches!(&blocks[0], Block::Heading { level: 1, .. }));
        match &blocks[3] {
            Block::List { start: None, items } => {
                assert_eq!(items.len(), 2);
                assert!(matches!(&items[0][0], Block::Paragraph(p) if plain_text(p) == "a [1]"));
            }
            other => panic!("expected list, got {other:?}"),
        }
    }

    #[test]
    fn heatmap_marker_swallows_the_following_table_only() {
        let md = "Intro\n\n<!-- brief:heatmap -->\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n";
        let blocks = parse(md);
        assert!(matches!(
            &blocks[1],
            Block::Heatmap {
                index: 0,
                fallback: Some(_)
            }
        ));
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[2], Block::Table { header, .. } if plain_text(&header[0]) == "c"));
    }

    #[test]
    fn other_html_is_dropped() {
        let blocks = parse("<div>x</div>\n\nText <span>y</span>\n");
        assert_eq!(blocks.len(), 1);
        assert!(matches!(&blocks[0], Block::Paragraph(p) if plain_text(p) == "Text y"));
    }

    #[test]
    fn external_link_targets_are_printed() {
        let blocks =
            parse("[Report](https://example.org/r) and <https://example.org/x> and [1](#s1)\n");
        let Block::Paragraph(p) = &blocks[0] else {
            panic!()
        };
        assert_eq!(
            plain_text(p),
            "Report <https://example.org/r> and https://example.org/x and 1"
        );
    }

    #[test]
    fn table_cells_and_numbered_lists() {
        let blocks = parse("| A | B |\n|:--|--:|\n| x **y** | z |\n\n3. three\n4. four\n");
        match &blocks[0] {
            Block::Table {
                align,
                header,
                rows,
            } => {
                assert_eq!(align.len(), 2);
                assert_eq!(header.len(), 2);
                assert_eq!(plain_text(&rows[0][0]), "x y");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&blocks[1], Block::List { start: Some(3), items } if items.len() == 2));
    }
}
