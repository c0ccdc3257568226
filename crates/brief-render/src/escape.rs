//! Markdown escaping: source text is data, never markup.
//!
//! Handlebars escapes for HTML by default, which is wrong for Markdown: it leaves `*`, `[`,
//! `#` and `|` live, so a source could add links, headings or table cells to a brief. We
//! backslash-escape every character CommonMark (and GFM's tables, strikethrough and autolinks)
//! can read as structure, collapse line breaks so text cannot start a new block, and drop
//! invisible control and bidi characters.

/// Characters escaped wherever they appear.
const ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!',
];

/// Escapes `text` so it renders as exactly its characters, inline, in Markdown.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            i += 1;
            continue;
        }
        if c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
        {
            i += 1;
            continue;
        }
        if ALWAYS.contains(&c) {
            out.push('\\');
        } else if out.is_empty() && matches!(c, '-' | '+' | '=') {
            // list markers and setext underlines only matter at the start of a line
            out.push('\\');
        } else if matches!(c, '.' | ')') && at_start_digits(&out) {
            // "1." or "1)" at the start would open an ordered list
            out.push('\\');
        } else if c == ':' && ends_with_scheme(&out) {
            // breaks GFM's bare-URL autolinks (http://, mailto:) without hiding the text
            out.push('\\');
        } else if c == '.' && out.to_ascii_lowercase().ends_with("www") {
            out.push('\\');
        }
        out.push(c);
        i += 1;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn at_start_digits(out: &str) -> bool {
    !out.is_empty() && out.chars().all(|c| c.is_ascii_digit())
}

fn ends_with_scheme(out: &str) -> bool {
    let lower = out.to_ascii_lowercase();
    [
        "http",
        "https",
        "ftp",
        "mailto",
        "javascript",
        "data",
        "file",
        "vbscript",
    ]
    .iter()
    .any(|s| lower.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    /// Renders `- {escaped}` as GFM and returns what a reader would see, failing on any
    /// structure other than the one list item and its paragraph.
    fn rendered_text(source: &str) -> String {
        let md = format!("- {}{}\n", escape_markdown(source), " [1]");
        let mut text = String::new();
        let mut opts = Options::all();
        opts.remove(Options::ENABLE_SMART_PUNCTUATION);
        for event in Parser::new_ext(&md, opts) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::Start(Tag::List(_) | Tag::Item | Tag::Paragraph) | Event::End(_) => {}
                other => panic!("source {source:?} produced {other:?} in {md:?}"),
            }
        }
        text
    }

    #[test]
    fn hostile_sources_render_inert_and_verbatim() {
        for source in [
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "# Title",
            "a | b | c",
            "**bold** and _em_ and `code` and ~~gone~~",
            "1. not a list",
            "- not a bullet",
            "![img](http://x.invalid/a.png)",
            "visit http://evil.invalid/path or www.evil.invalid now",
            "&lt;b&gt; &amp; &#60;",
            "back\\slash \\* star",
            "line one\n\n# heading two\n---",
            "[1]: http://evil.invalid",
        ] {
            let seen = rendered_text(source);
            let expected: String = source.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(seen, format!("{expected} [1]"), "for {source:?}");
        }
    }

    #[test]
    fn plain_prose_is_untouched() {
        assert_eq!(
            escape_markdown("The U.S.-led order, 2,600-mile border."),
            "The U.S.-led order, 2,600-mile border."
        );
        assert_eq!(escape_markdown("2026-11-28"), "2026-11-28");
    }

    #[test]
    fn bidi_and_controls_are_dropped() {
        assert_eq!(escape_markdown("ab\u{202E}cd\u{0007}"), "abcd");
    }
}
