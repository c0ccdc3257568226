//! Error type of the PDF renderer.

/// Why a PDF could not be produced. Rendering never panics on bad input; every failure ends here.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// genpdf could not lay out or write the document (e.g. an element larger than a page).
    #[error("PDF layout failed: {0}")]
    Layout(String),
    /// The embedded font data could not be read or subset.
    #[error("font error: {0}")]
    Font(String),
    /// The PDF written by genpdf could not be post-processed (compression, fonts, metadata).
    #[error("PDF post-processing failed: {0}")]
    Postprocess(String),
    /// The options cannot be honoured (e.g. margins wider than the paper).
    #[error("invalid PDF options: {0}")]
    Options(String),
}

impl From<genpdf::error::Error> for PdfError {
    fn from(err: genpdf::error::Error) -> Self {
        PdfError::Layout(err.to_string())
    }
}

impl From<lopdf::Error> for PdfError {
    fn from(err: lopdf::Error) -> Self {
        PdfError::Postprocess(format!("{err:?}"))
    }
}
