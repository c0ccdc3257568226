//! Bytes of a web page → text, honouring the declared character encoding.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page to look for a `<meta charset>`; HTML requires it within 1024 bytes.
const META_SCAN_BYTES: usize = 1024;

/// Decodes an HTML body. The encoding comes from, in order: a byte-order mark, the
/// `charset` parameter of `Content-Type`, a `<meta charset>` / `http-equiv` declaration near
/// the top, then UTF-8 if the bytes are valid UTF-8, else windows-1252 (what browsers assume
/// for undeclared legacy pages). Malformed sequences become U+FFFD rather than failing.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(body) {
        return encoding
            .decode_without_bom_handling(&body[bom_len..])
            .0
            .into_owned();
    }
    let declared = content_type
        .and_then(charset_parameter)
        .or_else(|| meta_charset(&body[..body.len().min(META_SCAN_BYTES)]))
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    let encoding = match declared {
        Some(encoding) => encoding,
        None if std::str::from_utf8(body).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    encoding.decode_without_bom_handling(body).0.into_owned()
}

/// The `charset=` parameter of a media type, unquoted.
fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// A `charset` named in the first bytes of the page: `<meta charset="…">` or the
/// `content="text/html; charset=…"` of an `http-equiv` meta. Only ASCII-compatible bytes are
/// inspected, which is all a declaration can be.
fn meta_charset(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find("charset") {
        let after = search_from + found + "charset".len();
        search_from = after;
        let rest = text[after..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let label: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if !label.is_empty() {
            return Some(label);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_charset_wins_over_guessing() {
        let latin1 = b"<p>caf\xe9</p>";
        assert_eq!(
            decode_html(latin1, Some("text/html; charset=ISO-8859-1")),
            "<p>café</p>"
        );
    }

    #[test]
    fn meta_charset_is_found_when_the_header_has_none() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>\x93quoted\x94</body>";
        assert!(decode_html(page, Some("text/html")).contains("\u{201c}quoted\u{201d}"));
        let equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\xe9";
        assert!(decode_html(equiv, None).ends_with("<p>é"));
    }

    #[test]
    fn undeclared_pages_are_utf8_if_valid_else_windows_1252() {
        assert_eq!(decode_html("naïve".as_bytes(), None), "naïve");
        assert_eq!(decode_html(b"na\xefve", None), "naïve");
        assert_eq!(decode_html(b"\xEF\xBB\xBFbom", None), "bom");
    }
}
