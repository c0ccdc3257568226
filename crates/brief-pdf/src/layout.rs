//! Turns the parsed Markdown blocks into typeset elements: title block, headings kept with
//! what follows, paragraphs, lists, quotes, tables, heatmaps.

use std::collections::VecDeque;

use genpdf::Mm;
use genpdf::style::Style;

use crate::block::{Block as Element, KeepWithNext, Page, Stack};
use crate::charset::Sanitizer;
use crate::heatmap::{self, HeatmapBlock};
use crate::list::{List, ListItem};
use crate::markdown::{Block, Inline};
use crate::options::Heatmap;
use crate::quote::Quote;
use crate::table::Table;
use crate::text::{RichText, Run};
use crate::theme::{BLOCK_GAP, RULE, Theme};

/// Builds the document's root element from parsed blocks.
pub struct Builder<'a> {
    pub theme: Theme,
    pub page: Page,
    pub heatmaps: &'a [Heatmap],
    pub sanitizer: Sanitizer,
    pub warnings: Vec<String>,
    /// The document title (first H1), for the PDF metadata.
    pub title: Option<String>,
}

impl std::fmt::Debug for Builder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builder")
            .field("title", &self.title)
            .finish()
    }
}

/// How line ends inside a paragraph are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SoftBreaks {
    Space,
    NewLine,
}

impl Builder<'_> {
    fn runs(&mut self, inlines: &[Inline], base: Style, soft: SoftBreaks) -> Vec<Run> {
        let mut runs = Vec::new();
        for inline in inlines {
            match inline {
                Inline::Text {
                    text,
                    bold,
                    italic,
                    code,
                } => {
                    let mut style = if *code { self.theme.code(base) } else { base };
                    if *bold {
                        style.set_bold();
                    }
                    if *italic {
                        style.set_italic();
                    }
                    runs.push(Run::new(self.sanitizer.clean(text), style));
                }
                Inline::Break => runs.push(Run::line_break(base)),
                Inline::SoftBreak if soft == SoftBreaks::NewLine => {
                    runs.push(Run::line_break(base))
                }
                Inline::SoftBreak => runs.push(Run::new(" ", base)),
            }
        }
        runs
    }

    fn text(&mut self, inlines: &[Inline], base: Style, soft: SoftBreaks) -> RichText {
        let runs = self.runs(inlines, base, soft);
        RichText::new(runs, base, self.page)
    }

    /// The whole document: an optional title block, then the body.
    pub fn document(&mut self, blocks: Vec<Block>) -> Stack {
        let mut blocks: VecDeque<Block> = blocks.into();
        let mut out: Vec<(bool, Box<dyn Element>)> = Vec::new();
        if let Some(Block::Heading { level: 1, .. }) = blocks.front() {
            let Some(Block::Heading { text, .. }) = blocks.pop_front() else {
                unreachable!()
            };
            self.title = Some(self.sanitizer.clean(&crate::markdown::plain_text(&text)));
            let title = self
                .text(&text, self.theme.title(), SoftBreaks::Space)
                .spacing(0.0, 3.0);
            out.push((false, Box::new(title)));
            while let Some(Block::Paragraph(_)) = blocks.front() {
                let Some(Block::Paragraph(meta)) = blocks.pop_front() else {
                    unreachable!()
                };
                let meta = self
                    .text(&meta, self.theme.meta(), SoftBreaks::NewLine)
                    .spacing(0.0, 1.5);
                out.push((false, Box::new(meta)));
            }
            out.push((false, Box::new(Rule::new(2.0, 6.0))));
        }
        for block in blocks {
            let is_heading = matches!(block, Block::Heading { .. });
            out.push((is_heading, self.block(block, BodyContext::Body)));
        }
        Stack::new(keep_headings_with_next(out, self.page))
    }

    fn block(&mut self, block: Block, context: BodyContext) -> Box<dyn Element> {
        let body = match context {
            BodyContext::Body => self.theme.body(),
            BodyContext::Quote => self.theme.quote(),
        };
        match block {
            Block::Heading { level, text } => {
                let (before, after) = if level <= 2 { (5.0, 2.2) } else { (3.5, 1.5) };
                Box::new(
                    self.text(&text, self.theme.heading(level), SoftBreaks::Space)
                        .spacing(before, after)
                        .keep_whole(),
                )
            }
            Block::Paragraph(inlines) => Box::new(
                self.text(&inlines, body, SoftBreaks::Space)
                    .spacing(0.0, BLOCK_GAP),
            ),
            Block::List { start, items } => Box::new(self.list(start, items, context)),
            Block::Quote(children) => {
                let children = children
                    .into_iter()
                    .map(|b| (false, self.block(b, BodyContext::Quote)))
                    .collect();
                Box::new(Quote::new(
                    Stack::new(keep_headings_with_next(children, self.page)),
                    0.4,
                ))
            }
            Block::Table {
                align,
                header,
                rows,
            } => {
                let cell = self.theme.table_cell();
                let head = self.theme.table_header();
                let header = header
                    .iter()
                    .map(|c| self.runs(c, head, SoftBreaks::Space))
                    .collect();
                let rows = rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|c| self.runs(c, cell, SoftBreaks::Space))
                            .collect()
                    })
                    .collect();
                let align = align.into_iter().map(alignment).collect();
                Box::new(Table::new(
                    header,
                    rows,
                    align,
                    cell,
                    self.page,
                    BLOCK_GAP + 1.0,
                ))
            }
            Block::Heatmap { index, fallback } => self.heatmap(index, fallback, context),
            Block::Rule => Box::new(Rule::new(1.0, 4.0)),
            Block::Code(code) => {
                let style = self.theme.code(self.theme.table_cell());
                let lines: Vec<Inline> = code
                    .lines()
                    .flat_map(|line| {
                        [
                            Inline::Text {
                                text: line.to_string(),
                                bold: false,
                                italic: false,
                                code: false,
                            },
                            Inline::Break,
                        ]
                    })
                    .collect();
                Box::new(
                    self.text(&lines, style, SoftBreaks::NewLine)
                        .spacing(0.0, BLOCK_GAP),
                )
            }
        }
    }

    fn heatmap(
        &mut self,
        index: usize,
        fallback: Option<Box<Block>>,
        context: BodyContext,
    ) -> Box<dyn Element> {
        match self.heatmaps.get(index) {
            Some(data) => {
                let mut data = data.clone();
                for label in data
                    .likelihood_labels
                    .iter_mut()
                    .chain(data.impact_labels.iter_mut())
                {
                    *label = self.sanitizer.clean(label);
                }
                for cell in &mut data.cells {
                    for id in &mut cell.ids {
                        *id = self.sanitizer.clean(id);
                    }
                }
                let styles = heatmap::styles(&self.theme);
                Box::new(HeatmapBlock::new(
                    &data,
                    styles,
                    self.page,
                    BLOCK_GAP + 2.0,
                    &mut self.warnings,
                ))
            }
            None => {
                self.warnings.push(format!(
                    "heatmap marker {} has no heatmap data; printing its Markdown table instead",
                    index + 1
                ));
                match fallback {
                    Some(table) => self.block(*table, context),
                    None => Box::new(Stack::new(Vec::new())),
                }
            }
        }
    }

    fn list(&mut self, start: Option<u64>, items: Vec<Vec<Block>>, context: BodyContext) -> List {
        let base = match context {
            BodyContext::Body => self.theme.body(),
            BodyContext::Quote => self.theme.quote(),
        };
        let last_number = start.unwrap_or(1) + items.len() as u64;
        let indent = if start.is_some() && last_number >= 10 {
            8.5
        } else {
            6.5
        };
        let items = items
            .into_iter()
            .enumerate()
            .map(|(i, blocks)| {
                let marker = match start {
                    Some(first) => format!("{}.", first + i as u64),
                    None => "\u{2022}".to_string(),
                };
                let children = blocks
                    .into_iter()
                    .map(|block| {
                        // Paragraphs inside an item sit tight; the list adds its own item gap.
                        let element: Box<dyn Element> = match block {
                            Block::Paragraph(inlines) => Box::new(
                                self.text(&inlines, base, SoftBreaks::Space)
                                    .spacing(0.0, 0.8),
                            ),
                            other => self.block(other, context),
                        };
                        (false, element)
                    })
                    .collect();
                ListItem::new(
                    marker,
                    base,
                    Stack::new(keep_headings_with_next(children, self.page)),
                )
            })
            .collect();
        List::new(items, indent, 0.9, BLOCK_GAP)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum BodyContext {
    Body,
    Quote,
}

fn alignment(align: pulldown_cmark::Alignment) -> genpdf::Alignment {
    match align {
        pulldown_cmark::Alignment::Right => genpdf::Alignment::Right,
        pulldown_cmark::Alignment::Center => genpdf::Alignment::Center,
        _ => genpdf::Alignment::Left,
    }
}

/// Glues every heading to the block after it (recursively, so "H2, H3, paragraph" moves as one).
fn keep_headings_with_next(
    blocks: Vec<(bool, Box<dyn Element>)>,
    page: Page,
) -> Vec<Box<dyn Element>> {
    let mut out: VecDeque<Box<dyn Element>> = VecDeque::new();
    for (is_heading, block) in blocks.into_iter().rev() {
        match (is_heading, out.pop_front()) {
            (true, Some(next)) => out.push_front(Box::new(KeepWithNext::new(block, next, page))),
            (_, next) => {
                if let Some(next) = next {
                    out.push_front(next);
                }
                out.push_front(block);
            }
        }
    }
    out.into()
}

/// A horizontal rule with space above and below.
#[derive(Debug)]
pub struct Rule {
    before: f64,
    after: f64,
}

impl Rule {
    pub fn new(before: f64, after: f64) -> Rule {
        Rule { before, after }
    }
}

impl genpdf::Element for Rule {
    fn render(
        &mut self,
        _: &genpdf::Context,
        area: genpdf::render::Area<'_>,
        _: Style,
    ) -> Result<genpdf::RenderResult, genpdf::error::Error> {
        let width = area.size().width;
        let height = Mm::from(self.before + self.after).min_with(area.size().height);
        if f64::from(area.size().height) > self.before {
            let y = Mm::from(self.before);
            crate::fill::line(
                &area,
                genpdf::Position::new(0, y),
                genpdf::Position::new(width, y),
                RULE,
            );
        }
        Ok(genpdf::RenderResult {
            size: genpdf::Size::new(width, height),
            has_more: false,
        })
    }
}

impl Element for Rule {
    fn lead_height(&mut self, _: &genpdf::Context, _: Mm) -> Mm {
        Mm::from(self.before + self.after)
    }
}

trait MinWith {
    fn min_with(self, other: Self) -> Self;
}

impl MinWith for Mm {
    fn min_with(self, other: Mm) -> Mm {
        if self < other { self } else { other }
    }
}
