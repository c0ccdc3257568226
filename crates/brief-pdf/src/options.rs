//! Public input and output types of the renderer.

use serde::Deserialize;

/// Paper size of every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 215.9 × 279.4 mm.
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

/// Page margins in millimetres. The footer ("Page X of Y") sits inside the bottom margin.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Margins {
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
}

impl Margins {
    /// The same margin on all four sides.
    pub fn all(mm: f64) -> Self {
        Margins {
            top: mm,
            right: mm,
            bottom: mm,
            left: mm,
        }
    }
}

impl Default for Margins {
    fn default() -> Self {
        Margins::all(20.0)
    }
}

/// Everything the renderer needs besides the Markdown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfOptions {
    pub paper: Paper,
    pub margins: Margins,
    /// The n-th `<!-- brief:heatmap -->` marker in the Markdown is drawn from `heatmaps[n]`.
    pub heatmaps: Vec<Heatmap>,
}

/// Risk rating band of a heatmap cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Low,
    Medium,
    High,
}

impl Rating {
    /// The word printed in cells and the legend, so colour is never the only carrier of meaning.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Low => "Low",
            Rating::Medium => "Medium",
            Rating::High => "High",
        }
    }
}

/// A likelihood × impact grid, as produced by the risk-matrix section (`data.matrix`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Heatmap {
    /// Labels of likelihood levels 1..=n, lowest first.
    pub likelihood_labels: Vec<String>,
    /// Labels of impact levels 1..=n, lowest first.
    pub impact_labels: Vec<String>,
    pub cells: Vec<HeatmapCell>,
}

/// One cell of the grid; levels are 1-based.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HeatmapCell {
    pub likelihood: u8,
    pub impact: u8,
    #[serde(default)]
    pub ids: Vec<String>,
    pub rating: Rating,
}

/// The finished document.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    /// Human-readable notes, e.g. characters that were replaced because the font lacks them.
    pub warnings: Vec<String>,
    pub page_count: usize,
}
