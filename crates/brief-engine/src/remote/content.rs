//! What a fetched body is. A `url` source must be a web page or text and a `feed` source a
//! feed; a server that answers with a picture, a PDF or an archive gets a clear error instead
//! of a brief built from binary noise.

use brief_fetch::{Fetched, SourceKind};

/// Refuses a body brief cannot read as `kind`, naming what the server sent.
pub fn check(kind: SourceKind, fetched: &Fetched) -> Result<(), String> {
    let declared = fetched
        .content_type
        .as_deref()
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|t| !t.is_empty());
    let sniffed = sniff_binary(&fetched.body);
    let refuse = |what: &str| {
        let expected = match kind {
            SourceKind::Article => "a web page or text (HTML, plain text, Markdown)",
            SourceKind::Feed => "a feed (RSS, Atom or JSON Feed)",
        };
        Err(format!(
            "{}: the server sent {what}, not {expected}",
            fetched.final_url
        ))
    };
    if let Some(magic) = sniffed {
        return refuse(&format!(
            "{} ({magic})",
            declared.as_deref().unwrap_or("no content type")
        ));
    }
    let Some(declared) = declared else {
        return Ok(());
    };
    let (top, sub) = declared.split_once('/').unwrap_or((&declared, ""));
    let readable = match kind {
        SourceKind::Article => top == "text" || matches!(sub, "xhtml+xml" | "xml" | "markdown"),
        SourceKind::Feed => {
            top == "text"
                || sub.ends_with("xml")
                || sub.ends_with("json")
                // servers send feeds under odd types; the body was sniffed as text above
                || declared == "application/octet-stream"
        }
    };
    if readable { Ok(()) } else { refuse(&declared) }
}

/// The kind of binary file `body` starts like, if it does.
fn sniff_binary(body: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1f\x8b", "gzip data"),
        (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
        (b"\x00\x00\x01\x00", "an icon"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| body.starts_with(m)) {
        return Some(what);
    }
    let head = &body[..body.len().min(4096)];
    head.contains(&0).then_some("binary data")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(content_type: Option<&str>, body: &[u8]) -> Fetched {
        Fetched {
            body: body.to_vec(),
            content_type: content_type.map(str::to_string),
            final_url: "https://a.test/x".into(),
            content_hash: String::new(),
        }
    }

    #[test]
    fn a_png_is_not_an_article_whatever_it_claims() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        for declared in [Some("image/png"), Some("text/html"), None] {
            let e = check(SourceKind::Article, &fetched(declared, png)).unwrap_err();
            assert!(e.contains("a PNG image"), "{e}");
            assert!(e.starts_with("https://a.test/x: the server sent "), "{e}");
        }
        let e = check(
            SourceKind::Article,
            &fetched(Some("application/pdf"), b"text?"),
        )
        .unwrap_err();
        assert!(
            e.contains("sent application/pdf, not a web page or text"),
            "{e}"
        );
    }

    #[test]
    fn pages_text_and_feeds_pass() {
        for t in [
            "text/html; charset=utf-8",
            "application/xhtml+xml",
            "text/plain",
            "text/markdown",
        ] {
            assert!(
                check(SourceKind::Article, &fetched(Some(t), b"<p>hi</p>")).is_ok(),
                "{t}"
            );
        }
        for t in [
            "application/rss+xml",
            "application/atom+xml",
            "application/feed+json",
            "text/xml",
            "application/octet-stream",
        ] {
            assert!(
                check(SourceKind::Feed, &fetched(Some(t), b"<rss/>")).is_ok(),
                "{t}"
            );
        }
        assert!(check(SourceKind::Feed, &fetched(Some("image/gif"), b"<rss/>")).is_err());
        assert!(check(SourceKind::Article, &fetched(None, b"plain words")).is_ok());
    }
}
