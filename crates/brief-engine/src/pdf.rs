//! PDF settings from brief.toml, and the risk heatmaps the PDF draws natively.

use brief_config::{BriefConfig, Margins};
use brief_core::Brief;
use brief_pdf::{Heatmap, Paper, PdfOptions};

use crate::EngineError;

/// Page setup from `[pdf]`, and one heatmap per section that carries a `data.matrix`, in
/// document order: the n-th `<!-- brief:heatmap -->` marker in the Markdown gets the n-th.
pub fn options(config: &BriefConfig, brief: &Brief) -> Result<PdfOptions, String> {
    let paper = match config.pdf.paper.to_ascii_lowercase().as_str() {
        "letter" => Paper::Letter,
        _ => Paper::A4,
    };
    let mut options = PdfOptions {
        paper,
        ..PdfOptions::default()
    };
    match config.pdf.margins_mm {
        Some(Margins::All(mm)) => options.margins = brief_pdf::Margins::all(mm),
        Some(Margins::Sides([top, right, bottom, left])) => {
            options.margins = brief_pdf::Margins {
                top,
                right,
                bottom,
                left,
            };
        }
        None => {}
    }
    for section in &brief.sections {
        if let Some(matrix) = section.data.get("matrix") {
            let heatmap: Heatmap = serde_json::from_value(matrix.clone()).map_err(|e| {
                format!(
                    "section `{}`: `data.matrix` is not a 5×5 heatmap: {e}",
                    section.id
                )
            })?;
            options.heatmaps.push(heatmap);
        }
    }
    Ok(options)
}

pub fn error(config: &BriefConfig, message: String) -> EngineError {
    EngineError::Usage(format!("{}: [pdf]: {message}", config.display_path))
}
