//! Refuses XML feeds whose document type declares entities.
//!
//! Entity declarations are how "billion laughs" bombs (entities expanding to entities) and
//! external-entity attacks (`<!ENTITY x SYSTEM "file:///…">`) work. quick-xml, under
//! feed-rs, does not expand declared entities, so such feeds would not exhaust memory, but
//! they would parse into text full of unresolved `&name;` references. No legitimate feed
//! needs them, so they fail fast with a clear error instead. Plain DOCTYPEs (old RSS 0.91
//! feeds carry one) are accepted.

/// Why the prolog was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PrologProblem {
    /// The internal DTD subset declares at least one entity.
    EntityDeclaration,
    /// A DOCTYPE, comment or processing instruction never ends.
    Unterminated,
}

/// Checks the XML prolog (everything before the root element). Non-XML input (e.g. JSON
/// Feed) passes untouched; feed-rs decides what it is.
pub(crate) fn check_prolog(document: &[u8]) -> Result<(), PrologProblem> {
    let mut rest = strip_bom(document);
    loop {
        rest = trim_start(rest);
        if let Some(after) = rest.strip_prefix(b"<?") {
            rest = skip_past(after, b"?>")?;
        } else if let Some(after) = rest.strip_prefix(b"<!--") {
            rest = skip_past(after, b"-->")?;
        } else if rest.starts_with(b"<!DOCTYPE") || rest.starts_with(b"<!doctype") {
            return check_doctype(&rest[b"<!DOCTYPE".len()..]);
        } else {
            // The root element (or something that is not XML): the prolog is over.
            return Ok(());
        }
    }
}

/// Scans a DOCTYPE body up to its closing `>`, looking for `<!ENTITY` in the internal subset.
/// Quoted literals are skipped, so a `>` or `]` inside a public identifier does not end it.
fn check_doctype(body: &[u8]) -> Result<(), PrologProblem> {
    let mut index = 0;
    let mut quote: Option<u8> = None;
    let mut subset_depth = 0usize;
    while index < body.len() {
        let byte = body[index];
        match quote {
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None => match byte {
                b'"' | b'\'' => quote = Some(byte),
                b'[' => subset_depth += 1,
                b']' => subset_depth = subset_depth.saturating_sub(1),
                b'<' if subset_depth > 0 && body[index..].starts_with(b"<!ENTITY") => {
                    return Err(PrologProblem::EntityDeclaration);
                }
                b'<' if subset_depth > 0 && body[index..].starts_with(b"<!--") => {
                    let after = skip_past(&body[index + 4..], b"-->")?;
                    index = body.len() - after.len();
                    continue;
                }
                b'>' if subset_depth == 0 => return Ok(()),
                _ => {}
            },
        }
        index += 1;
    }
    Err(PrologProblem::Unterminated)
}

fn strip_bom(document: &[u8]) -> &[u8] {
    document.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(document)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn skip_past<'a>(bytes: &'a [u8], terminator: &[u8]) -> Result<&'a [u8], PrologProblem> {
    bytes
        .windows(terminator.len())
        .position(|window| window == terminator)
        .map(|at| &bytes[at + terminator.len()..])
        .ok_or(PrologProblem::Unterminated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billion_laughs_is_refused() {
        let bomb = br#"<?xml version="1.0"?>
<!-- a comment first -->
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>"#;
        assert_eq!(check_prolog(bomb), Err(PrologProblem::EntityDeclaration));
    }

    #[test]
    fn external_entities_are_refused() {
        let xxe = br#"<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]><rss/>"#;
        assert_eq!(check_prolog(xxe), Err(PrologProblem::EntityDeclaration));
    }

    #[test]
    fn plain_doctypes_and_bare_documents_pass() {
        let rss091 = br#"<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>x</title></channel></rss>"#;
        assert_eq!(check_prolog(rss091), Ok(()));
        assert_eq!(check_prolog(b"\xEF\xBB\xBF<feed/>"), Ok(()));
        assert_eq!(
            check_prolog(br#"{"version":"https://jsonfeed.org/version/1.1"}"#),
            Ok(())
        );
        let quoted =
            br#"<!DOCTYPE x [<!-- <!ENTITY in a comment> --> <!ATTLIST x y CDATA "]>">]><x/>"#;
        assert_eq!(check_prolog(quoted), Ok(()));
    }

    #[test]
    fn entity_text_after_the_prolog_is_not_a_declaration() {
        let cdata = b"<rss><channel><description><![CDATA[<!ENTITY is XML syntax]]></description></channel></rss>";
        assert_eq!(check_prolog(cdata), Ok(()));
    }

    #[test]
    fn unterminated_prolog_is_reported() {
        assert_eq!(
            check_prolog(b"<!DOCTYPE rss [ "),
            Err(PrologProblem::Unterminated)
        );
        assert_eq!(
            check_prolog(b"<?xml version='1.0'"),
            Err(PrologProblem::Unterminated)
        );
    }
}
