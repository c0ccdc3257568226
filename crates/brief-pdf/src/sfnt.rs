//! Just enough TrueType table reading to describe an embedded font in PDF terms.

use crate::error::PdfError;

/// Metrics of a face, scaled to PDF glyph space (1000 units per em).
#[derive(Debug, Clone, PartialEq)]
pub struct FaceMetrics {
    pub bbox: [i64; 4],
    pub ascent: i64,
    pub descent: i64,
    pub cap_height: i64,
    pub italic_angle: f64,
    units_per_em: f64,
    advances: Vec<u16>,
}

fn table<'a>(data: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(read_u16(data, 4)?);
    (0..count).find_map(|i| {
        let record = 12 + 16 * i;
        if data.get(record..record + 4)? != tag {
            return None;
        }
        let offset = usize::try_from(read_u32(data, record + 8)?).ok()?;
        let length = usize::try_from(read_u32(data, record + 12)?).ok()?;
        data.get(offset..offset.checked_add(length)?)
    })
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn read_i16(data: &[u8], at: usize) -> Option<i16> {
    Some(i16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

impl FaceMetrics {
    /// Reads `head`, `hhea`, `hmtx`, `post` and `OS/2` of a TrueType font.
    pub fn read(data: &[u8]) -> Result<FaceMetrics, PdfError> {
        Self::try_read(data).ok_or_else(|| PdfError::Font("unreadable TrueType tables".into()))
    }

    fn try_read(data: &[u8]) -> Option<FaceMetrics> {
        let head = table(data, b"head")?;
        let hhea = table(data, b"hhea")?;
        let hmtx = table(data, b"hmtx")?;
        let post = table(data, b"post")?;
        let units_per_em = f64::from(read_u16(head, 18)?);
        if units_per_em == 0.0 {
            return None;
        }
        let scale = |v: i16| (f64::from(v) * 1000.0 / units_per_em).round() as i64;
        let bbox = [
            scale(read_i16(head, 36)?),
            scale(read_i16(head, 38)?),
            scale(read_i16(head, 40)?),
            scale(read_i16(head, 42)?),
        ];
        let ascent = scale(read_i16(hhea, 4)?);
        let descent = scale(read_i16(hhea, 6)?);
        let long_metrics = usize::from(read_u16(hhea, 34)?);
        let advances = (0..long_metrics)
            .map(|i| read_u16(hmtx, 4 * i))
            .collect::<Option<Vec<u16>>>()?;
        // post.italicAngle is a 16.16 fixed-point number.
        let italic_angle = f64::from(read_u32(post, 4)? as i32) / 65536.0;
        let cap_height = table(data, b"OS/2")
            .filter(|os2| read_u16(os2, 0).is_some_and(|version| version >= 2))
            .and_then(|os2| read_i16(os2, 88))
            .map(scale)
            .unwrap_or(ascent);
        Some(FaceMetrics {
            bbox,
            ascent,
            descent,
            cap_height,
            italic_angle,
            units_per_em,
            advances,
        })
    }

    /// Advance width of a glyph in 1000-unit glyph space.
    pub fn advance(&self, glyph_id: u16) -> i64 {
        let index = usize::from(glyph_id).min(self.advances.len().saturating_sub(1));
        let units = self.advances.get(index).copied().unwrap_or(0);
        (f64::from(units) * 1000.0 / self.units_per_em).round() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dejavu_serif_metrics() {
        let metrics = FaceMetrics::read(dejavu::serif::regular()).expect("metrics");
        assert!(metrics.ascent > 700 && metrics.ascent < 1000, "{metrics:?}");
        assert!(metrics.descent < 0);
        assert!(metrics.bbox[2] > metrics.bbox[0]);
        assert_eq!(metrics.italic_angle, 0.0);
        let italic = FaceMetrics::read(dejavu::serif::italic()).expect("metrics");
        assert!(italic.italic_angle < 0.0);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(FaceMetrics::read(b"not a font").is_err());
        assert!(FaceMetrics::read(&[0u8; 3]).is_err());
    }
}
