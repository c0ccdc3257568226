//! Bytes → text, refusing what is not a usable text file.

use crate::IngestError;

/// Checks the raw bytes and returns the text plus the byte offset where it starts in the file
/// (3 when a UTF-8 byte-order mark is skipped).
pub fn decode<'a>(
    bytes: &'a [u8],
    path: &str,
    max_bytes: u64,
) -> Result<(&'a str, usize), IngestError> {
    let path = path.to_string();
    if bytes.len() as u64 > max_bytes {
        return Err(IngestError::TooLarge {
            path,
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(IngestError::Utf16 { path });
    }
    let (bytes, offset) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if looks_utf16(bytes) {
        return Err(IngestError::Utf16 { path });
    }
    if looks_binary(bytes) {
        return Err(IngestError::Binary { path });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        path: path.clone(),
        offset: e.valid_up_to() + offset,
    })?;
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path });
    }
    Ok((text, offset))
}

/// UTF-16 without a byte-order mark. Text that is mostly ASCII has a NUL in every other
/// byte in UTF-16, which would otherwise be reported as "binary", a less useful diagnosis.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return false;
    }
    let (even, odd) = head.chunks_exact(2).fold((0, 0), |(e, o), p| {
        (e + usize::from(p[0] == 0), o + usize::from(p[1] == 0))
    });
    let (many, few) = (even.max(odd), even.min(odd));
    many * 2 >= pairs && few * 20 <= pairs
}

/// A NUL byte, or many control characters, in the first 8 KiB means the file is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 10 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_bom_and_reports_offset() {
        let (t, off) = decode(b"\xEF\xBB\xBFHello.", "a.txt", 100).unwrap();
        assert_eq!((t, off), ("Hello.", 3));
    }

    #[test]
    fn utf16_without_bom_is_named_utf16_not_binary() {
        let le: Vec<u8> = "Water levels fell."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Water levels fell."
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for bytes in [le, be] {
            assert!(matches!(
                decode(&bytes, "a", 1000),
                Err(IngestError::Utf16 { .. })
            ));
        }
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a", 100),
            Err(IngestError::Binary { .. })
        ));
    }

    #[test]
    fn refuses_empty_binary_utf16_invalid_and_large() {
        assert!(matches!(
            decode(b"  \n", "a", 100),
            Err(IngestError::Empty { .. })
        ));
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00", "a", 100),
            Err(IngestError::Binary { .. })
        ));
        assert!(matches!(
            decode(b"\xFF\xFEh\x00", "a", 100),
            Err(IngestError::Utf16 { .. })
        ));
        assert!(matches!(
            decode(b"caf\xE9 au lait", "a", 100),
            Err(IngestError::InvalidUtf8 { offset: 3, .. })
        ));
        assert!(matches!(
            decode(b"0123456789", "a", 5),
            Err(IngestError::TooLarge { .. })
        ));
    }
}
