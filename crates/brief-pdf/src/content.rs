//! Rewrites the text of printpdf content streams.
//!
//! printpdf writes every character as a two-byte hex string (`<0041>`) even for the single-byte
//! built-in font slots genpdf uses, so each character is preceded by a stray code 0. This pass
//! drops those zero bytes, merges adjacent strings, and records which codes each font resource
//! prints, which is exactly what font subsetting needs.

use std::collections::{BTreeMap, BTreeSet};

/// Codes printed per font resource name.
pub type Usage = BTreeMap<Vec<u8>, BTreeSet<u8>>;

/// lopdf encodes "•" as 0x7F (the first bullet in its WinAnsi table), a code that readers do not
/// agree on; 0x95 is the bullet every reader knows.
fn canonical_code(code: u8) -> u8 {
    if code == 0x7F { 0x95 } else { code }
}

fn is_delimiter(byte: u8) -> bool {
    byte.is_ascii_whitespace() || b"()<>[]{}/%".contains(&byte)
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|v| u8::try_from(v).ok())
}

/// Returns the rewritten stream; `usage` gains the codes printed by each font.
pub fn rewrite(content: &[u8], usage: &mut Usage) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len());
    let mut last_name: Vec<u8> = Vec::new();
    let mut font: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < content.len() {
        let byte = content[i];
        match byte {
            b'<' if content.get(i + 1) == Some(&b'<') => {
                out.extend_from_slice(b"<<");
                i += 2;
            }
            b'<' => {
                let end = content[i + 1..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(content.len(), |p| i + 1 + p);
                let digits: Vec<u8> = content[i + 1..end]
                    .iter()
                    .filter_map(|&b| hex_value(b))
                    .collect();
                let bytes: Vec<u8> = digits
                    .chunks(2)
                    .map(|pair| (pair[0] << 4) | pair.get(1).copied().unwrap_or(0))
                    .collect();
                // Two-byte codes from a single-byte font: keep the low bytes.
                let codes: Vec<u8> =
                    if bytes.len().is_multiple_of(2) && bytes.iter().step_by(2).all(|&b| b == 0) {
                        bytes
                            .iter()
                            .skip(1)
                            .step_by(2)
                            .map(|&b| canonical_code(b))
                            .collect()
                    } else {
                        bytes.iter().map(|&b| canonical_code(b)).collect()
                    };
                usage
                    .entry(font.clone())
                    .or_default()
                    .extend(codes.iter().copied());
                // Merge with a string that ends right before this one.
                if out.last() == Some(&b'>') && !out.ends_with(b">>") {
                    out.pop();
                } else {
                    out.push(b'<');
                }
                for code in codes {
                    out.extend_from_slice(format!("{code:02x}").as_bytes());
                }
                out.push(b'>');
                i = end + 1;
            }
            b'/' => {
                let end = content[i + 1..]
                    .iter()
                    .position(|&b| is_delimiter(b))
                    .map_or(content.len(), |p| i + 1 + p);
                last_name = content[i + 1..end].to_vec();
                out.extend_from_slice(&content[i..end]);
                i = end;
            }
            b'T' if content.get(i + 1) == Some(&b'f')
                && content.get(i + 2).is_none_or(|&b| is_delimiter(b))
                && (i == 0 || is_delimiter(content[i - 1])) =>
            {
                font = last_name.clone();
                out.extend_from_slice(b"Tf");
                i += 2;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_zero_bytes_merges_strings_and_records_codes() {
        let mut usage = Usage::new();
        let out = rewrite(
            b"BT /Times-Roman 10.00 Tf\n[<004c> 17<006f><0072>] TJ\n/Helvetica 8 Tf [<007f>] TJ ET",
            &mut usage,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "BT /Times-Roman 10.00 Tf\n[<4c> 17<6f72>] TJ\n/Helvetica 8 Tf [<95>] TJ ET"
        );
        assert_eq!(
            usage[b"Times-Roman".as_slice()],
            BTreeSet::from([0x4c, 0x6f, 0x72])
        );
        assert_eq!(usage[b"Helvetica".as_slice()], BTreeSet::from([0x95]));
    }

    #[test]
    fn leaves_dictionaries_and_paths_alone() {
        let mut usage = Usage::new();
        let src = b"/OC /MC0 BDC q 0.1 0.2 0.3 RG 10 20 m 30 40 l S Q EMC <</A 1>>";
        assert_eq!(rewrite(src, &mut usage), src.to_vec());
        assert!(usage.is_empty());
    }
}
