//! Wrapped, styled text: the element behind paragraphs, headings, list items and table cells.
//!
//! genpdf's own `Paragraph` silently drops the rest of a paragraph when one word is wider than
//! the line (a long URL in a narrow table cell), so this element does its own line breaking:
//! words break at spaces, over-long words break between characters.

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Alignment, Context, Element, Mm, Position, RenderResult, Size};

use crate::block::{Block, Page};

/// A piece of text in one style; `"\n"` alone is a forced line break.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

impl Run {
    pub fn new(text: impl Into<String>, style: Style) -> Run {
        Run {
            text: text.into(),
            style,
        }
    }

    pub fn line_break(style: Style) -> Run {
        Run {
            text: "\n".into(),
            style,
        }
    }
}

/// One laid-out line: pieces of equal style merged, trailing space removed.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub pieces: Vec<(String, Style)>,
    pub width: Mm,
}

#[derive(Debug)]
enum Token<'a> {
    Word(&'a str, Style),
    Space(&'a str, Style),
    Break,
}

fn tokens(runs: &[Run]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for run in runs {
        if run.text == "\n" {
            out.push(Token::Break);
            continue;
        }
        let mut start = 0;
        let mut in_space = None;
        for (i, c) in run.text.char_indices() {
            // A no-break space glues words together, so it counts as part of a word.
            let space = c.is_whitespace() && c != '\u{a0}';
            if in_space != Some(space) {
                if i > start {
                    out.push(piece(
                        &run.text[start..i],
                        in_space == Some(true),
                        run.style,
                    ));
                }
                start = i;
                in_space = Some(space);
            }
        }
        if start < run.text.len() {
            out.push(piece(&run.text[start..], in_space == Some(true), run.style));
        }
    }
    out
}

fn piece(text: &str, space: bool, style: Style) -> Token<'_> {
    if space {
        Token::Space(" ", style)
    } else {
        Token::Word(text, style)
    }
}

struct LineBuilder<'c> {
    context: &'c Context,
    max: Mm,
    lines: Vec<Line>,
    current: Line,
    pending_space: Option<(Style, Mm)>,
}

impl LineBuilder<'_> {
    fn push_piece(&mut self, text: &str, style: Style, width: Mm) {
        if let Some((space_style, space_width)) = self.pending_space.take() {
            push_merged(&mut self.current, " ", space_style);
            self.current.width += space_width;
        }
        push_merged(&mut self.current, text, style);
        self.current.width += width;
    }

    fn finish_line(&mut self) {
        self.pending_space = None;
        self.lines.push(std::mem::take(&mut self.current));
    }

    /// Adds a word group (adjacent word tokens, e.g. "**bold**," = "bold" + ","), breaking
    /// it between characters when it cannot fit on a line of its own.
    fn push_group(&mut self, group: &[(&str, Style)]) {
        let widths: Vec<Mm> = group
            .iter()
            .map(|(s, st)| st.str_width(&self.context.font_cache, s))
            .collect();
        let total: Mm = widths.iter().copied().sum();
        let space = self.pending_space.map(|(_, w)| w).unwrap_or_default();
        if self.current.width + space + total <= self.max {
            for ((s, st), w) in group.iter().zip(&widths) {
                self.push_piece(s, *st, *w);
            }
            return;
        }
        if !self.current.pieces.is_empty() {
            self.finish_line();
        }
        self.pending_space = None;
        if total <= self.max {
            for ((s, st), w) in group.iter().zip(&widths) {
                self.push_piece(s, *st, *w);
            }
            return;
        }
        for (s, st) in group {
            for c in s.chars() {
                let mut buf = [0u8; 4];
                let text = c.encode_utf8(&mut buf);
                let w = st.char_width(&self.context.font_cache, c);
                if self.current.width + w > self.max && !self.current.pieces.is_empty() {
                    self.finish_line();
                }
                self.push_piece(text, *st, w);
            }
        }
    }
}

fn push_merged(line: &mut Line, text: &str, style: Style) {
    match line.pieces.last_mut() {
        Some((last, last_style)) if *last_style == style => last.push_str(text),
        _ => line.pieces.push((text.to_string(), style)),
    }
}

/// Breaks runs into lines no wider than `max` (a single character wider than `max` still gets
/// its own line rather than being lost).
pub fn break_lines(runs: &[Run], context: &Context, max: Mm) -> Vec<Line> {
    let mut builder = LineBuilder {
        context,
        max,
        lines: Vec::new(),
        current: Line::default(),
        pending_space: None,
    };
    let mut group: Vec<(&str, Style)> = Vec::new();
    for token in tokens(runs) {
        match token {
            Token::Word(text, style) => group.push((text, style)),
            Token::Space(text, style) => {
                if !group.is_empty() {
                    builder.push_group(&std::mem::take(&mut group));
                }
                if !builder.current.pieces.is_empty() {
                    let width = style.str_width(&context.font_cache, text);
                    builder.pending_space = Some((style, width));
                }
            }
            Token::Break => {
                if !group.is_empty() {
                    builder.push_group(&std::mem::take(&mut group));
                }
                builder.finish_line();
            }
        }
    }
    if !group.is_empty() {
        builder.push_group(&group);
    }
    if !builder.current.pieces.is_empty() {
        builder.finish_line();
    }
    builder.lines
}

/// Prints one line at vertical offset `y` of `area`. Returns false if it did not fit.
pub fn print_line(
    area: &Area<'_>,
    context: &Context,
    line: &Line,
    x: Mm,
    y: Mm,
    base: Style,
) -> Result<bool, Error> {
    let Some(mut section) = area.text_section(&context.font_cache, Position::new(x, y), base)
    else {
        return Ok(false);
    };
    for (text, style) in &line.pieces {
        section.print_str(text, *style)?;
    }
    Ok(true)
}

/// A block of wrapped text with spacing around it.
#[derive(Debug)]
pub struct RichText {
    runs: Vec<Run>,
    /// Font size and line spacing of every line (runs may differ in face and colour only).
    base: Style,
    align: Alignment,
    space_before: Mm,
    space_after: Mm,
    /// Headings: never split, and the whole block is its lead.
    keep_whole: bool,
    page: Page,
    laid_out: Option<(Mm, Vec<Line>)>,
    next_line: usize,
}

impl RichText {
    pub fn new(runs: Vec<Run>, base: Style, page: Page) -> RichText {
        RichText {
            runs,
            base,
            align: Alignment::Left,
            space_before: Mm::from(0),
            space_after: Mm::from(0),
            keep_whole: false,
            page,
            laid_out: None,
            next_line: 0,
        }
    }

    pub fn spacing(mut self, before: f64, after: f64) -> Self {
        self.space_before = Mm::from(before);
        self.space_after = Mm::from(after);
        self
    }

    pub fn keep_whole(mut self) -> Self {
        self.keep_whole = true;
        self
    }

    fn line_height(&self, context: &Context) -> Mm {
        self.base.line_height(&context.font_cache)
    }

    fn lines(&mut self, context: &Context, width: Mm) -> &[Line] {
        let stale = !matches!(&self.laid_out, Some((w, _)) if *w == width);
        if stale {
            let lines = break_lines(&self.runs, context, width);
            self.laid_out = Some((width, lines));
        }
        self.laid_out
            .as_ref()
            .map(|(_, lines)| lines.as_slice())
            .unwrap_or(&[])
    }

    /// Total height at `width`, including spacing.
    pub fn height(&mut self, context: &Context, width: Mm) -> Mm {
        let count = self.lines(context, width).len();
        self.line_height(context) * count as f64 + self.space_before + self.space_after
    }
}

impl Element for RichText {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, Error> {
        let width = area.size().width;
        let line_height = self.line_height(context);
        let fresh = self.page.is_fresh(&area);
        let mut used = Mm::from(0);
        if self.next_line == 0 && !fresh && self.space_before > Mm::from(0) {
            let gap = if self.space_before < area.size().height {
                self.space_before
            } else {
                area.size().height
            };
            area.add_offset(Position::new(0, gap));
            used += gap;
        }
        let total = self.lines(context, width).len();
        let remaining = total - self.next_line;
        let fits = ((f64::from(area.size().height) + 1e-6) / f64::from(line_height))
            .floor()
            .max(0.0) as usize;
        let mut count = remaining.min(fits);
        if count < remaining && !fresh {
            // Orphan: one line of a longer paragraph alone at the bottom → move it all over.
            // A heading is never split: it moves whole.
            if (self.next_line == 0 && count < 2) || self.keep_whole {
                return Ok(RenderResult {
                    size: Size::new(0, 0),
                    has_more: true,
                });
            }
            // Widow: leave at least two lines for the next page.
            if remaining - count == 1 && count >= 3 {
                count -= 1;
            }
        }
        if count == 0 && remaining > 0 && fresh {
            count = 1;
        }
        let start = self.next_line;
        let base = self.base;
        let align = self.align;
        let lines = self.lines(context, width);
        for (i, line) in lines[start..start + count].iter().enumerate() {
            let x = match align {
                Alignment::Left => Mm::from(0),
                Alignment::Center => (width - line.width) / 2.0,
                Alignment::Right => width - line.width,
            };
            print_line(&area, context, line, x, line_height * i as f64, base)?;
        }
        self.next_line += count;
        used += line_height * count as f64;
        let has_more = self.next_line < total;
        if !has_more {
            let rest = area.size().height - line_height * count as f64;
            used += if self.space_after < rest {
                self.space_after
            } else {
                rest.max(Mm::from(0))
            };
        }
        Ok(RenderResult {
            size: Size::new(width, used),
            has_more,
        })
    }
}

impl Block for RichText {
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm {
        if self.keep_whole {
            return self.height(context, width);
        }
        let count = self
            .lines(context, width)
            .len()
            .saturating_sub(self.next_line)
            .min(2);
        self.line_height(context) * count as f64
            + if self.next_line == 0 {
                self.space_before
            } else {
                Mm::from(0)
            }
    }
}
