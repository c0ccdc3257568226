//! The twelve embedded DejaVu faces and how they stand in for PDF built-in font slots.
//!
//! genpdf lays text out with the real DejaVu metrics but writes it against a built-in PDF font
//! name (Times-Roman, Helvetica, …), which is fast and keeps genpdf out of its slow embedded-font
//! path. `postprocess` later replaces each built-in font dictionary by the matching DejaVu subset,
//! so the name is only a slot: Times-* = DejaVu Serif (body), Helvetica-* = DejaVu Sans
//! (headings, footer), Courier-* = DejaVu Sans Condensed (tables, heatmap).

use genpdf::fonts::{Font, FontData, FontFamily};
use printpdf::BuiltinFont;

use crate::error::PdfError;

/// One embedded font face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Face {
    SerifRegular,
    SerifBold,
    SerifItalic,
    SerifBoldItalic,
    SansRegular,
    SansBold,
    SansItalic,
    SansBoldItalic,
    CondensedRegular,
    CondensedBold,
    CondensedItalic,
    CondensedBoldItalic,
}

impl Face {
    pub const ALL: [Face; 12] = [
        Face::SerifRegular,
        Face::SerifBold,
        Face::SerifItalic,
        Face::SerifBoldItalic,
        Face::SansRegular,
        Face::SansBold,
        Face::SansItalic,
        Face::SansBoldItalic,
        Face::CondensedRegular,
        Face::CondensedBold,
        Face::CondensedItalic,
        Face::CondensedBoldItalic,
    ];

    /// The TrueType file, compiled into the binary by the `dejavu` crate.
    pub fn data(self) -> &'static [u8] {
        use dejavu::{sans, sans_condensed as cond, serif};
        match self {
            Face::SerifRegular => serif::regular(),
            Face::SerifBold => serif::bold(),
            Face::SerifItalic => serif::italic(),
            Face::SerifBoldItalic => serif::bold_italic(),
            Face::SansRegular => sans::regular(),
            Face::SansBold => sans::bold(),
            Face::SansItalic => sans::oblique(),
            Face::SansBoldItalic => sans::bold_oblique(),
            Face::CondensedRegular => cond::regular(),
            Face::CondensedBold => cond::bold(),
            Face::CondensedItalic => cond::oblique(),
            Face::CondensedBoldItalic => cond::bold_oblique(),
        }
    }

    /// The built-in font slot genpdf writes for this face.
    pub fn slot(self) -> BuiltinFont {
        match self {
            Face::SerifRegular => BuiltinFont::TimesRoman,
            Face::SerifBold => BuiltinFont::TimesBold,
            Face::SerifItalic => BuiltinFont::TimesItalic,
            Face::SerifBoldItalic => BuiltinFont::TimesBoldItalic,
            Face::SansRegular => BuiltinFont::Helvetica,
            Face::SansBold => BuiltinFont::HelveticaBold,
            Face::SansItalic => BuiltinFont::HelveticaOblique,
            Face::SansBoldItalic => BuiltinFont::HelveticaBoldOblique,
            Face::CondensedRegular => BuiltinFont::Courier,
            Face::CondensedBold => BuiltinFont::CourierBold,
            Face::CondensedItalic => BuiltinFont::CourierOblique,
            Face::CondensedBoldItalic => BuiltinFont::CourierBoldOblique,
        }
    }

    /// The PDF name of the slot (also its resource name in printpdf's output).
    pub fn slot_name(self) -> &'static str {
        self.slot().into()
    }

    /// The face occupying a slot, if any.
    pub fn from_slot_name(name: &[u8]) -> Option<Face> {
        Face::ALL
            .into_iter()
            .find(|face| face.slot_name().as_bytes() == name)
    }

    /// PostScript name of the embedded face (without the subset tag).
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::SerifRegular => "DejaVuSerif",
            Face::SerifBold => "DejaVuSerif-Bold",
            Face::SerifItalic => "DejaVuSerif-Italic",
            Face::SerifBoldItalic => "DejaVuSerif-BoldItalic",
            Face::SansRegular => "DejaVuSans",
            Face::SansBold => "DejaVuSans-Bold",
            Face::SansItalic => "DejaVuSans-Oblique",
            Face::SansBoldItalic => "DejaVuSans-BoldOblique",
            Face::CondensedRegular => "DejaVuSansCondensed",
            Face::CondensedBold => "DejaVuSansCondensed-Bold",
            Face::CondensedItalic => "DejaVuSansCondensed-Oblique",
            Face::CondensedBoldItalic => "DejaVuSansCondensed-BoldOblique",
        }
    }

    pub fn is_serif(self) -> bool {
        matches!(
            self,
            Face::SerifRegular | Face::SerifBold | Face::SerifItalic | Face::SerifBoldItalic
        )
    }

    pub fn is_italic(self) -> bool {
        matches!(
            self,
            Face::SerifItalic
                | Face::SerifBoldItalic
                | Face::SansItalic
                | Face::SansBoldItalic
                | Face::CondensedItalic
                | Face::CondensedBoldItalic
        )
    }
}

/// Font family handles registered with one genpdf document.
#[derive(Debug, Clone, Copy)]
pub struct Families {
    pub serif: FontFamily<Font>,
    pub sans: FontFamily<Font>,
    pub condensed: FontFamily<Font>,
}

fn font_data(face: Face) -> Result<FontData, PdfError> {
    FontData::new(face.data().to_vec(), Some(face.slot()))
        .map_err(|err| PdfError::Font(format!("{}: {err}", face.postscript_name())))
}

fn family(faces: [Face; 4]) -> Result<FontFamily<FontData>, PdfError> {
    Ok(FontFamily {
        regular: font_data(faces[0])?,
        bold: font_data(faces[1])?,
        italic: font_data(faces[2])?,
        bold_italic: font_data(faces[3])?,
    })
}

/// Creates a genpdf document whose default family is the serif body face, and registers the
/// sans and condensed families.
pub fn new_document() -> Result<(genpdf::Document, Families), PdfError> {
    let all = Face::ALL;
    let mut doc = genpdf::Document::new(family([all[0], all[1], all[2], all[3]])?);
    let serif = doc.font_cache().default_font_family();
    let sans = doc.add_font_family(family([all[4], all[5], all[6], all[7]])?);
    let condensed = doc.add_font_family(family([all[8], all[9], all[10], all[11]])?);
    Ok((
        doc,
        Families {
            serif,
            sans,
            condensed,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_printable_winansi_character_has_a_glyph_in_every_face() {
        for face in Face::ALL {
            let font = rusttype::Font::from_bytes(face.data()).expect("DejaVu parses");
            for code in 0u8..=255 {
                if let Some(c) = crate::charset::decode(code) {
                    assert_ne!(
                        font.glyph(c).id().0,
                        0,
                        "{} lacks {c:?}",
                        face.postscript_name()
                    );
                }
            }
        }
    }

    #[test]
    fn slots_are_distinct_and_found_by_name() {
        for face in Face::ALL {
            assert_eq!(
                Face::from_slot_name(face.slot_name().as_bytes()),
                Some(face)
            );
        }
        assert_eq!(Face::from_slot_name(b"Symbol"), None);
    }
}
