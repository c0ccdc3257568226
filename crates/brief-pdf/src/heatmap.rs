//! The risk matrix as a native coloured grid: likelihood rows (highest on top), impact columns,
//! each cell shaded by rating, naming its rating band and listing its risk ids, with a legend.
//! The band word is printed in every cell so colour is never the only carrier of meaning.

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Mm, RenderResult, Size};

use crate::block::{Block, Page};
use crate::fill::fill_rect;
use crate::options::{Heatmap, Rating};
use crate::text::{Line, Run, break_lines, print_line};
use crate::theme::{MUTED, NAVY};

const LABEL_COLUMN_MM: f64 = 30.0;
const MAX_WIDTH_MM: f64 = 170.0;
const GAP_MM: f64 = 0.7;
const CELL_PAD_MM: f64 = 1.4;
const MIN_CELL_HEIGHT_MM: f64 = 13.0;
const EMPTY_FILL: Color = Color::Rgb(0xf2, 0xf3, 0xf5);

pub fn rating_fill(rating: Rating) -> Color {
    match rating {
        Rating::Low => Color::Rgb(0xcd, 0xe8, 0xc4),
        Rating::Medium => Color::Rgb(0xfb, 0xe0, 0x9c),
        Rating::High => Color::Rgb(0xf3, 0xae, 0xa6),
    }
}

/// Styles used in the grid, bound to the document's fonts.
#[derive(Debug, Clone, Copy)]
pub struct HeatmapStyles {
    pub label: Style,
    pub axis: Style,
    pub band: Style,
    pub ids: Style,
}

#[derive(Debug, Default)]
struct GridCell {
    rating: Option<Rating>,
    ids: Vec<String>,
}

#[derive(Debug)]
pub struct HeatmapBlock {
    likelihood_labels: Vec<String>,
    impact_labels: Vec<String>,
    /// `grid[row][column]`, row 0 = highest likelihood, column 0 = lowest impact.
    grid: Vec<Vec<GridCell>>,
    styles: HeatmapStyles,
    page: Page,
    space_after: Mm,
}

impl HeatmapBlock {
    /// Builds the grid; cells outside the label ranges are reported in `warnings`.
    pub fn new(
        heatmap: &Heatmap,
        styles: HeatmapStyles,
        page: Page,
        space_after: f64,
        warnings: &mut Vec<String>,
    ) -> HeatmapBlock {
        let rows = heatmap.likelihood_labels.len().max(1);
        let columns = heatmap.impact_labels.len().max(1);
        let mut grid: Vec<Vec<GridCell>> = (0..rows)
            .map(|_| (0..columns).map(|_| GridCell::default()).collect())
            .collect();
        for cell in &heatmap.cells {
            let (l, i) = (usize::from(cell.likelihood), usize::from(cell.impact));
            if l == 0 || i == 0 || l > rows || i > columns {
                warnings.push(format!(
                    "heatmap cell likelihood {l} / impact {i} is outside the {rows}×{columns} grid; not drawn"
                ));
                continue;
            }
            let slot = &mut grid[rows - l][i - 1];
            slot.rating = Some(slot.rating.map_or(cell.rating, |r| r.max(cell.rating)));
            slot.ids.extend(cell.ids.iter().cloned());
        }
        HeatmapBlock {
            likelihood_labels: heatmap.likelihood_labels.clone(),
            impact_labels: heatmap.impact_labels.clone(),
            grid,
            styles,
            page,
            space_after: Mm::from(space_after),
        }
    }

    fn geometry(&self, width: Mm) -> (f64, f64) {
        let total = f64::from(width).min(MAX_WIDTH_MM);
        let columns = self.grid.first().map_or(1, Vec::len) as f64;
        (total, (total - LABEL_COLUMN_MM) / columns)
    }

    fn cell_lines(
        &self,
        context: &Context,
        cell: &GridCell,
        cell_width: f64,
    ) -> (Vec<Line>, Vec<Line>) {
        let inner = Mm::from(cell_width - 2.0 * CELL_PAD_MM - GAP_MM);
        let band = match cell.rating {
            Some(rating) => break_lines(
                &[Run::new(rating.label(), self.styles.band)],
                context,
                inner,
            ),
            None => Vec::new(),
        };
        let ids = break_lines(
            &[Run::new(cell.ids.join(", "), self.styles.ids)],
            context,
            inner,
        );
        (band, ids)
    }

    fn row_heights(&self, context: &Context, cell_width: f64) -> Vec<f64> {
        let band_h = f64::from(self.styles.band.line_height(&context.font_cache));
        let ids_h = f64::from(self.styles.ids.line_height(&context.font_cache));
        let label_h = f64::from(self.styles.label.line_height(&context.font_cache));
        self.grid
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let cells = row.iter().map(|cell| {
                    let (band, ids) = self.cell_lines(context, cell, cell_width);
                    band.len() as f64 * band_h + ids.len() as f64 * ids_h + 2.0 * CELL_PAD_MM
                });
                let label = self.label_lines(
                    context,
                    &self.likelihood_labels,
                    self.likelihood_labels.len().saturating_sub(r + 1),
                    LABEL_COLUMN_MM - 3.0,
                );
                let label = label.len() as f64 * label_h + 2.0 * CELL_PAD_MM;
                cells.fold(MIN_CELL_HEIGHT_MM.max(label), f64::max)
            })
            .collect()
    }

    fn label_lines(
        &self,
        context: &Context,
        labels: &[String],
        index: usize,
        width: f64,
    ) -> Vec<Line> {
        let text = labels.get(index).cloned().unwrap_or_default();
        break_lines(
            &[Run::new(text, self.styles.label)],
            context,
            Mm::from(width),
        )
    }

    fn total_height(&self, context: &Context, width: Mm) -> f64 {
        let (_, cell_width) = self.geometry(width);
        let axis_h = f64::from(self.styles.axis.line_height(&context.font_cache));
        let label_h = f64::from(self.styles.label.line_height(&context.font_cache));
        let impact_label_lines = (0..self.impact_labels.len())
            .map(|i| {
                self.label_lines(context, &self.impact_labels, i, cell_width - 2.0)
                    .len()
            })
            .max()
            .unwrap_or(1);
        axis_h + 1.0 // "Likelihood" caption
            + self.row_heights(context, cell_width).iter().sum::<f64>()
            + 1.0 + impact_label_lines as f64 * label_h // impact labels
            + axis_h + 2.0 // "Impact" caption
            + 6.0 // legend
    }

    fn draw(&self, context: &Context, area: &Area<'_>) -> Result<f64, Error> {
        let (total, cell_width) = self.geometry(area.size().width);
        let fonts = &context.font_cache;
        let axis_h = f64::from(self.styles.axis.line_height(fonts));
        let label_h = f64::from(self.styles.label.line_height(fonts));
        let band_h = f64::from(self.styles.band.line_height(fonts));
        let ids_h = f64::from(self.styles.ids.line_height(fonts));
        let mut y = 0.0;
        let caption = |text: &str, style: Style| Line {
            pieces: vec![(text.to_string(), style)],
            width: style.str_width(fonts, text),
        };
        print_line(
            area,
            context,
            &caption("Likelihood (highest at top)", self.styles.axis),
            Mm::from(0),
            Mm::from(y),
            self.styles.axis,
        )?;
        y += axis_h + 1.0;
        let rows = self.grid.len();
        for (r, (row, height)) in self
            .grid
            .iter()
            .zip(self.row_heights(context, cell_width))
            .enumerate()
        {
            let label_index = rows - 1 - r;
            let label_lines = self.label_lines(
                context,
                &self.likelihood_labels,
                label_index,
                LABEL_COLUMN_MM - 3.0,
            );
            let label_top = y + (height - label_lines.len() as f64 * label_h) / 2.0;
            for (i, text_line) in label_lines.iter().enumerate() {
                let x = LABEL_COLUMN_MM - 3.0 - f64::from(text_line.width);
                print_line(
                    area,
                    context,
                    text_line,
                    Mm::from(x),
                    Mm::from(label_top + i as f64 * label_h),
                    self.styles.label,
                )?;
            }
            for (c, cell) in row.iter().enumerate() {
                let x = LABEL_COLUMN_MM + c as f64 * cell_width;
                let fill = cell.rating.map_or(EMPTY_FILL, rating_fill);
                fill_rect(
                    area,
                    Mm::from(x),
                    Mm::from(y),
                    Mm::from(cell_width - GAP_MM),
                    Mm::from(height - GAP_MM),
                    fill,
                );
                let (band, ids) = self.cell_lines(context, cell, cell_width);
                let mut ty = y + CELL_PAD_MM;
                for text_line in &band {
                    print_line(
                        area,
                        context,
                        text_line,
                        Mm::from(x + CELL_PAD_MM),
                        Mm::from(ty),
                        self.styles.band,
                    )?;
                    ty += band_h;
                }
                for text_line in &ids {
                    print_line(
                        area,
                        context,
                        text_line,
                        Mm::from(x + CELL_PAD_MM),
                        Mm::from(ty),
                        self.styles.ids,
                    )?;
                    ty += ids_h;
                }
            }
            y += height;
        }
        y += 1.0;
        let mut impact_lines = 1;
        for c in 0..self.impact_labels.len() {
            let lines = self.label_lines(context, &self.impact_labels, c, cell_width - 2.0);
            impact_lines = impact_lines.max(lines.len());
            for (i, text_line) in lines.iter().enumerate() {
                let x = LABEL_COLUMN_MM
                    + c as f64 * cell_width
                    + (cell_width - GAP_MM - f64::from(text_line.width)) / 2.0;
                print_line(
                    area,
                    context,
                    text_line,
                    Mm::from(x),
                    Mm::from(y + i as f64 * label_h),
                    self.styles.label,
                )?;
            }
        }
        y += impact_lines as f64 * label_h;
        let impact = caption("Impact (highest at right)", self.styles.axis);
        let grid_width = total - LABEL_COLUMN_MM;
        print_line(
            area,
            context,
            &impact,
            Mm::from(LABEL_COLUMN_MM + (grid_width - f64::from(impact.width)) / 2.0),
            Mm::from(y),
            self.styles.axis,
        )?;
        y += axis_h + 2.0;
        self.draw_legend(context, area, y)?;
        Ok(y + 6.0)
    }

    fn draw_legend(&self, context: &Context, area: &Area<'_>, y: f64) -> Result<(), Error> {
        let style = self.styles.label;
        let mut x = LABEL_COLUMN_MM;
        let swatch = 4.0;
        for rating in [Rating::Low, Rating::Medium, Rating::High] {
            fill_rect(
                area,
                Mm::from(x),
                Mm::from(y),
                Mm::from(swatch),
                Mm::from(swatch),
                rating_fill(rating),
            );
            let text = format!("{} risk", rating.label());
            let width = f64::from(style.str_width(&context.font_cache, &text));
            let text_line = Line {
                pieces: vec![(text, style)],
                width: Mm::from(width),
            };
            print_line(
                area,
                context,
                &text_line,
                Mm::from(x + swatch + 1.5),
                Mm::from(y + 0.4),
                style,
            )?;
            x += swatch + 1.5 + width + 6.0;
        }
        Ok(())
    }
}

impl Element for HeatmapBlock {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, Error> {
        let width = area.size().width;
        let needed = self.total_height(context, width);
        if needed > f64::from(area.size().height) && !self.page.is_fresh(&area) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        let drawn = self.draw(context, &area)?;
        let rest = f64::from(area.size().height) - drawn;
        let height = drawn + f64::from(self.space_after).min(rest.max(0.0));
        Ok(RenderResult {
            size: Size::new(width, Mm::from(height)),
            has_more: false,
        })
    }
}

impl Block for HeatmapBlock {
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm {
        Mm::from(self.total_height(context, width))
    }
}

/// Default styles: condensed sans, small.
pub fn styles(theme: &crate::theme::Theme) -> HeatmapStyles {
    let base = theme.table_cell();
    HeatmapStyles {
        label: base.with_color(MUTED),
        axis: base.bold().with_color(NAVY),
        band: base.bold().with_font_size(7),
        ids: base,
    }
}
