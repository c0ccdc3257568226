//! GFM tables: columns sized to their content, cells wrapped (never overflowing), a shaded
//! header row repeated on every page the table spans, and light row striping.

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Alignment, Context, Element, Mm, Position, RenderResult, Size};

use crate::block::{Block, Page};
use crate::fill::{fill_rect, line};
use crate::text::{Line, Run, break_lines, print_line};
use crate::theme::{RULE, TABLE_HEADER_FILL, TABLE_STRIPE_FILL};

const PAD_X_MM: f64 = 1.6;
const PAD_Y_MM: f64 = 1.1;
/// Narrowest column worth having, when the page allows it.
const MIN_COLUMN_MM: f64 = 10.0;

type Cell = Vec<Run>;

#[derive(Debug)]
struct Laid {
    width: Mm,
    columns: Vec<Mm>,
    header: Vec<Vec<Line>>,
    rows: Vec<Vec<Vec<Line>>>,
}

#[derive(Debug)]
pub struct Table {
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    align: Vec<Alignment>,
    /// Base style of body cells (font size and line spacing of every line).
    cell_style: Style,
    page: Page,
    space_after: Mm,
    laid: Option<Laid>,
    next_row: usize,
    /// Lines of `next_row` already printed (a row taller than a page is split by lines).
    next_row_line: usize,
}

impl Table {
    pub fn new(
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
        align: Vec<Alignment>,
        cell_style: Style,
        page: Page,
        space_after: f64,
    ) -> Table {
        let columns = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let pad = |mut cells: Vec<Cell>| {
            cells.resize_with(columns, Vec::new);
            cells
        };
        let mut align = align;
        align.resize(columns, Alignment::Left);
        Table {
            header: pad(header),
            rows: rows.into_iter().map(pad).collect(),
            align,
            cell_style,
            page,
            space_after: Mm::from(space_after),
            laid: None,
            next_row: 0,
            next_row_line: 0,
        }
    }

    fn line_height(&self, context: &Context) -> Mm {
        self.cell_style.line_height(&context.font_cache)
    }

    fn layout(&mut self, context: &Context, width: Mm) -> &Laid {
        if !matches!(&self.laid, Some(laid) if laid.width == width) {
            let columns = column_widths(&self.header, &self.rows, context, width);
            let wrap = |cells: &[Cell]| -> Vec<Vec<Line>> {
                cells
                    .iter()
                    .zip(&columns)
                    .map(|(cell, w)| break_lines(cell, context, *w - Mm::from(2.0 * PAD_X_MM)))
                    .collect()
            };
            let header = wrap(&self.header);
            let rows = self.rows.iter().map(|row| wrap(row)).collect();
            self.laid = Some(Laid {
                width,
                columns,
                header,
                rows,
            });
        }
        self.laid.as_ref().expect("laid out above")
    }

    fn row_height(lines: &[Vec<Line>], from_line: usize, line_height: Mm) -> Mm {
        let count = lines
            .iter()
            .map(|cell| cell.len().saturating_sub(from_line))
            .max()
            .unwrap_or(0)
            .max(1);
        line_height * count as f64 + Mm::from(2.0 * PAD_Y_MM)
    }

    fn has_header(&self) -> bool {
        self.header
            .iter()
            .any(|cell| cell.iter().any(|run| !run.text.trim().is_empty()))
    }
}

/// What every row of one table is printed with.
struct RowPrinter<'a> {
    laid: &'a Laid,
    align: &'a [Alignment],
    line_height: Mm,
    base: Style,
}

impl RowPrinter<'_> {
    /// Prints lines `lines` of each cell of a row at `y`.
    fn print(
        &self,
        area: &Area<'_>,
        context: &Context,
        cells: &[Vec<Line>],
        y: Mm,
        lines: std::ops::Range<usize>,
    ) -> Result<(), Error> {
        let mut x = Mm::from(0);
        for ((cell, width), align) in cells.iter().zip(&self.laid.columns).zip(self.align) {
            let inner = *width - Mm::from(2.0 * PAD_X_MM);
            let shown = cell
                .iter()
                .skip(lines.start)
                .take(lines.end.saturating_sub(lines.start));
            for (i, text_line) in shown.enumerate() {
                let offset = match align {
                    Alignment::Right => inner - text_line.width,
                    Alignment::Center => (inner - text_line.width) / 2.0,
                    Alignment::Left => Mm::from(0),
                };
                let pos_y = y + Mm::from(PAD_Y_MM) + self.line_height * i as f64;
                let pos_x = x + Mm::from(PAD_X_MM) + offset;
                print_line(area, context, text_line, pos_x, pos_y, self.base)?;
            }
            x += *width;
        }
        Ok(())
    }
}

impl Element for Table {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, Error> {
        let width = area.size().width;
        let line_height = self.line_height(context);
        let base = self.cell_style;
        let fresh = self.page.is_fresh(&area);
        let has_header = self.has_header();
        self.layout(context, width);
        let laid = self.laid.as_ref().expect("laid out above");
        let header_height = if has_header {
            Table::row_height(&laid.header, 0, line_height)
        } else {
            Mm::from(0)
        };
        let available = area.size().height;
        let printer = RowPrinter {
            laid,
            align: &self.align,
            line_height,
            base,
        };
        let first_row_height = laid
            .rows
            .get(self.next_row)
            .map(|row| Table::row_height(row, self.next_row_line, line_height))
            .unwrap_or(Mm::from(0));
        // Start only where the header and a whole first row fit, unless the page is empty.
        if header_height + first_row_height > available && !fresh {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        let mut y = Mm::from(0);
        if has_header {
            fill_rect(
                &area,
                Mm::from(0),
                y,
                width,
                header_height,
                TABLE_HEADER_FILL,
            );
            printer.print(&area, context, &laid.header, y, 0..usize::MAX)?;
            y += header_height;
        }
        while let Some(row) = laid.rows.get(self.next_row) {
            let height = Table::row_height(row, self.next_row_line, line_height);
            let printed_any = y > header_height;
            let room = available - y;
            let (lines, row_done) = if height <= room {
                (usize::MAX, true)
            } else if !printed_any && fresh {
                // A row taller than the page: print what fits, continue on the next page.
                let fit = ((f64::from(room) - 2.0 * PAD_Y_MM) / f64::from(line_height))
                    .floor()
                    .max(1.0) as usize;
                (fit, false)
            } else {
                break;
            };
            let shown = if row_done {
                height
            } else {
                line_height * lines as f64 + Mm::from(2.0 * PAD_Y_MM)
            };
            if self.next_row % 2 == 1 {
                // Starts below the previous row's rule so it does not paint over it.
                fill_rect(
                    &area,
                    Mm::from(0),
                    y + Mm::from(0.2),
                    width,
                    shown - Mm::from(0.2),
                    TABLE_STRIPE_FILL,
                );
            }
            let from = self.next_row_line;
            printer.print(&area, context, row, y, from..from.saturating_add(lines))?;
            y += shown;
            line(&area, Position::new(0, y), Position::new(width, y), RULE);
            if row_done {
                self.next_row += 1;
                self.next_row_line = 0;
            } else {
                self.next_row_line += lines;
                return Ok(RenderResult {
                    size: Size::new(width, y),
                    has_more: true,
                });
            }
        }
        let has_more = self.next_row < laid.rows.len();
        if !has_more {
            let rest = available - y;
            y += if self.space_after < rest {
                self.space_after
            } else {
                rest.max(Mm::from(0))
            };
        }
        Ok(RenderResult {
            size: Size::new(width, y),
            has_more,
        })
    }
}

impl Block for Table {
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm {
        let line_height = self.line_height(context);
        let has_header = self.has_header();
        let next_row = self.next_row;
        let laid = self.layout(context, width);
        let header = if has_header {
            Table::row_height(&laid.header, 0, line_height)
        } else {
            Mm::from(0)
        };
        let first = laid
            .rows
            .get(next_row)
            .map(|row| Table::row_height(row, 0, line_height))
            .unwrap_or(Mm::from(0));
        header + first
    }
}

fn run_width(runs: &[Run], context: &Context) -> f64 {
    runs.iter()
        .filter(|r| r.text != "\n")
        .map(|r| f64::from(r.style.str_width(&context.font_cache, &r.text)))
        .sum()
}

fn longest_word(runs: &[Run], context: &Context) -> f64 {
    runs.iter()
        .flat_map(|r| {
            r.text
                .split_whitespace()
                .map(move |word| f64::from(r.style.str_width(&context.font_cache, word)))
        })
        .fold(0.0, f64::max)
}

/// Column widths filling `width`: content that fits keeps its natural width (spare room shared
/// out); otherwise every column gets at least its longest word and the rest goes to the
/// columns with the most text.
fn column_widths(header: &[Cell], rows: &[Vec<Cell>], context: &Context, width: Mm) -> Vec<Mm> {
    let total = f64::from(width);
    let columns = header.len();
    let pad = 2.0 * PAD_X_MM;
    let mut natural = vec![0.0f64; columns];
    let mut minimum = vec![0.0f64; columns];
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        for (c, cell) in row.iter().enumerate().take(columns) {
            natural[c] = natural[c].max(run_width(cell, context) + pad);
            minimum[c] = minimum[c].max(longest_word(cell, context) + pad);
        }
    }
    let floor = MIN_COLUMN_MM.min(total / columns as f64);
    for c in 0..columns {
        minimum[c] = minimum[c]
            .max(floor)
            .min(total * 0.45_f64.max(1.0 / columns as f64));
        natural[c] = natural[c].max(minimum[c]);
    }
    let sum_natural: f64 = natural.iter().sum();
    let sum_minimum: f64 = minimum.iter().sum();
    let widths: Vec<f64> = if sum_natural <= total {
        natural
            .iter()
            .map(|n| n + (total - sum_natural) * n / sum_natural)
            .collect()
    } else if sum_minimum <= total {
        let flexible: f64 = natural.iter().zip(&minimum).map(|(n, m)| n - m).sum();
        natural
            .iter()
            .zip(&minimum)
            .map(|(n, m)| {
                if flexible > 0.0 {
                    m + (total - sum_minimum) * (n - m) / flexible
                } else {
                    total / columns as f64
                }
            })
            .collect()
    } else {
        minimum.iter().map(|m| total * m / sum_minimum).collect()
    };
    widths.into_iter().map(Mm::from).collect()
}
