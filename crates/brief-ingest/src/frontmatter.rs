//! Front matter at the top of a Markdown source: a block between `---` lines holding simple
//! `key: value` pairs. Only the keys we use are read; others are ignored, since front matter
//! often carries site-generator settings (nested values, lists and comments included).
//!
//! A block that is closed but holds a line that is none of those, or a value whose quotes do
//! not close, is an error naming the line: using it silently would put a wrong title or date
//! on the brief.

#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// A front-matter line that is not `key: value`: its 1-based line number and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub message: String,
}

/// The longest metadata value kept, in characters; longer ones are cut with "…".
const MAX_VALUE_CHARS: usize = 1000;

/// Splits off front matter. Returns it and the byte offset where the body starts.
pub fn split_front_matter(text: &str) -> Result<(FrontMatter, usize), Malformed> {
    let mut fm = FrontMatter::default();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((fm, 0));
    };
    let header_len = text.len() - rest.len();
    let mut offset = header_len;
    let mut problem = None;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return match problem {
                Some(p) => Err(p),
                None => Ok((fm, offset)),
            };
        }
        let number = n + 2;
        let nested = line.starts_with([' ', '\t']) || line.trim_start().starts_with('-');
        if line.trim().is_empty() || line.trim_start().starts_with('#') || nested {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            problem.get_or_insert(Malformed {
                line: number,
                // quoted as data: a stray `\r` or escape must not reach the terminal
                message: format!(
                    "`{}` is not `key: value`",
                    brief_core::printable(&line.chars().take(60).collect::<String>())
                ),
            });
            continue;
        };
        let value = value.trim();
        let Some(value) = unquote(value) else {
            problem.get_or_insert(Malformed {
                line: number,
                message: format!(
                    "the quotes of `{}` do not close",
                    brief_core::printable(key.trim())
                ),
            });
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut fm.title,
            "author" | "authors" | "byline" => &mut fm.author,
            "publisher" | "site" | "source" => &mut fm.publisher,
            "date" | "published" | "published_date" => &mut fm.published,
            "url" | "link" | "canonical_url" => &mut fm.url,
            _ => continue,
        };
        *slot = Some(clamp(value));
    }
    // no closing line: not front matter after all, but a thematic break and text
    Ok((FrontMatter::default(), 0))
}

/// The value inside its quotes, or `None` when an opening quote does not close.
fn unquote(v: &str) -> Option<&str> {
    for q in ['"', '\''] {
        if v.starts_with(q) {
            return (v.len() >= 2 && v.ends_with(q)).then(|| &v[1..v.len() - 1]);
        }
    }
    Some(v)
}

fn clamp(value: &str) -> String {
    if value.chars().count() <= MAX_VALUE_CHARS {
        return value.to_string();
    }
    let cut: String = value.chars().take(MAX_VALUE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_body_offset() {
        let t = "---\ntitle: \"Grain and power\"\nauthor: A. Writer\nlayout: post\n---\nBody.";
        let (fm, off) = split_front_matter(t).unwrap();
        assert_eq!(fm.title.as_deref(), Some("Grain and power"));
        assert_eq!(fm.author.as_deref(), Some("A. Writer"));
        assert_eq!(&t[off..], "Body.");
    }

    #[test]
    fn unterminated_block_is_body() {
        let t = "---\ntitle: x\nno end";
        assert_eq!(split_front_matter(t), Ok((FrontMatter::default(), 0)));
    }

    #[test]
    fn nested_values_lists_and_comments_are_front_matter_too() {
        let t = "---\ntitle: T\n# a comment\ntags:\n  - one\n- two\nextra:\n  deep: 1\n---\nBody.";
        let (fm, _) = split_front_matter(t).unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
    }

    #[test]
    fn a_malformed_line_with_a_carriage_return_is_quoted_on_one_line() {
        // found by the ingest_markdown fuzz target: the line was quoted with its `\r`
        let t = "---\ntitle: x\n\u{a0}.\r-y\n---\nBody.";
        let e = split_front_matter(t).unwrap_err();
        assert!(!e.message.contains(['\r', '\n']), "{e:?}");
        assert!(e.message.contains("\\r"), "{e:?}");
    }

    #[test]
    fn malformed_front_matter_is_an_error_naming_its_line() {
        // regression: such lines were skipped and the rest used silently
        let t = "---\ntitle: Fine\nauthor A. Writer\n---\nBody.";
        assert_eq!(
            split_front_matter(t),
            Err(Malformed {
                line: 3,
                message: "`author A. Writer` is not `key: value`".into()
            })
        );
        let t = "---\ntitle: \"Unclosed\n---\nBody.";
        let e = split_front_matter(t).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("quotes of `title` do not close"),
            "{e:?}"
        );
    }
}
