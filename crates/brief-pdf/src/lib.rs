//! Typesets a brief's Markdown as a PDF.
//!
//! The engine renders a brief to Markdown through its Handlebars templates; this crate typesets
//! that Markdown (pulldown-cmark → genpdf elements), so templates drive both outputs. The only
//! thing Markdown cannot carry, the coloured risk heatmap, comes as data: the n-th
//! `<!-- brief:heatmap -->` comment (and the Markdown table right after it) is replaced by a
//! native grid drawn from `PdfOptions::heatmaps[n]`. Other raw HTML is ignored.
//!
//! genpdf stays inside this crate. Fonts are DejaVu (compiled in; see LICENSE-DejaVu), embedded
//! as subsets; output is compressed and byte-for-byte deterministic.

mod block;
mod charset;
mod content;
mod error;
mod fill;
mod fonts;
mod heatmap;
mod layout;
mod list;
mod markdown;
mod options;
mod postprocess;
mod quote;
mod sfnt;
mod table;
mod text;
mod theme;

pub use error::PdfError;
pub use markdown::HEATMAP_MARKER;
pub use options::{Heatmap, HeatmapCell, Margins, Paper, PdfOptions, Rating, RenderedPdf};

use block::Page;
use genpdf::{Mm, Size};

/// The footer needs this much room below the text; smaller bottom margins are widened to it.
const FOOTER_ROOM_MM: f64 = 10.0;

/// Renders `markdown` to PDF bytes. Never panics on bad input: problems with the content
/// (unprintable characters, missing heatmap data) become `warnings`; only an impossible layout
/// or broken font data is an error.
pub fn render_pdf(markdown: &str, options: &PdfOptions) -> Result<RenderedPdf, PdfError> {
    let (paper_width, paper_height) = options.paper.size_mm();
    let m = options.margins;
    for (side, value) in [
        ("top", m.top),
        ("right", m.right),
        ("bottom", m.bottom),
        ("left", m.left),
    ] {
        if !(0.0..=80.0).contains(&value) || !value.is_finite() {
            return Err(PdfError::Options(format!(
                "{side} margin {value} mm is outside 0..=80 mm"
            )));
        }
    }
    let body_width = paper_width - m.left - m.right;
    let bottom = m.bottom.max(FOOTER_ROOM_MM);
    let body_height = paper_height - m.top - bottom;
    if body_width < 60.0 || body_height < 80.0 {
        return Err(PdfError::Options(format!(
            "margins leave only {body_width:.0} × {body_height:.0} mm for text"
        )));
    }

    let (mut doc, families) = fonts::new_document()?;
    let theme = theme::Theme { families };
    let page = Page {
        body_height: Mm::from(body_height),
    };
    let mut builder = layout::Builder {
        theme,
        page,
        heatmaps: &options.heatmaps,
        sanitizer: charset::Sanitizer::default(),
        warnings: Vec::new(),
        title: None,
    };
    let root = builder.document(markdown::parse(markdown));
    let marker_count = markdown.matches(HEATMAP_MARKER).count();
    if options.heatmaps.len() > marker_count {
        builder.warnings.push(format!(
            "{} heatmap(s) supplied but the Markdown has {marker_count} marker(s); extra heatmaps not drawn",
            options.heatmaps.len()
        ));
    }

    doc.set_minimal_conformance();
    doc.set_paper_size(Size::new(paper_width, paper_height));
    doc.set_font_size(theme::BODY_SIZE);
    if let Some(title) = &builder.title {
        doc.set_title(title.clone());
    }
    let mut decorator = genpdf::SimplePageDecorator::new();
    decorator.set_margins(genpdf::Margins::trbl(m.top, m.right, bottom, m.left));
    doc.set_page_decorator(decorator);
    doc.push(root);
    let mut raw = Vec::new();
    doc.render(&mut raw)?;

    let mut seed = markdown.as_bytes().to_vec();
    seed.extend_from_slice(format!("{options:?}").as_bytes());
    let footer = postprocess::Footer {
        page_width_mm: paper_width,
        baseline_mm: bottom * 0.45,
        size_pt: theme::FOOTER_SIZE,
        gray: 0.35,
    };
    let identity = postprocess::Identity {
        title: builder.title.as_deref(),
        seed: &seed,
    };
    let (bytes, page_count) = postprocess::finish(&raw, footer, identity)?;

    let mut warnings = builder.sanitizer.warnings();
    warnings.extend(builder.warnings);
    Ok(RenderedPdf {
        bytes,
        warnings,
        page_count,
    })
}
