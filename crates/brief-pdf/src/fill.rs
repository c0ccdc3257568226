//! Solid colour fills, which genpdf lacks.
//!
//! genpdf only strokes lines, with the PDF default width of 1 pt. A rectangle is filled by one
//! zig-zag polyline whose horizontal strokes are closer together than the stroke width, so they
//! overlap into a solid area (one path per rectangle keeps the content stream small).

use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Mm, Position};

/// Half the default stroke width (1 pt = 0.3528 mm): strokes are inset by this much so the
/// painted area ends exactly at the rectangle's edges.
const HALF_STROKE_MM: f64 = 0.1764;
/// Distance between strokes, below the stroke width so that they overlap.
const STEP_MM: f64 = 0.3;

/// Paints the rectangle at (`x`, `y`) of size `width` × `height` (mm, relative to `area`).
pub fn fill_rect(area: &Area<'_>, x: Mm, y: Mm, width: Mm, height: Mm, color: Color) {
    let (x, y, width, height) = (
        f64::from(x),
        f64::from(y),
        f64::from(width),
        f64::from(height),
    );
    if width <= 2.0 * HALF_STROKE_MM || height <= 2.0 * HALF_STROKE_MM {
        return;
    }
    let left = x + HALF_STROKE_MM;
    let right = x + width - HALF_STROKE_MM;
    let top = y + HALF_STROKE_MM;
    let bottom = y + height - HALF_STROKE_MM;
    let strokes = ((bottom - top) / STEP_MM).ceil().max(1.0) as usize;
    let step = (bottom - top) / strokes as f64;
    let mut points = Vec::with_capacity(2 * (strokes + 1));
    for i in 0..=strokes {
        let row = top + step * i as f64;
        let (from, to) = if i % 2 == 0 {
            (left, right)
        } else {
            (right, left)
        };
        points.push(Position::new(Mm::from(from), Mm::from(row)));
        points.push(Position::new(Mm::from(to), Mm::from(row)));
    }
    area.draw_line(points, Style::new().with_color(color));
}

/// Draws a thin straight line (1 pt) in `color`.
pub fn line(area: &Area<'_>, from: Position, to: Position, color: Color) {
    area.draw_line(vec![from, to], Style::new().with_color(color));
}
