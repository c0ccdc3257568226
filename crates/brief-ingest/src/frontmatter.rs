//! Front matter at the top of a Markdown source: a block between `---` lines holding simple
//! `key: value` pairs. Only the keys we use are read; others are ignored, since front matter
//! often carries site-generator settings.

#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// Splits off front matter. Returns it and the byte offset where the body starts.
pub fn split_front_matter(text: &str) -> (FrontMatter, usize) {
    let mut fm = FrontMatter::default();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (fm, 0);
    };
    let header_len = text.len() - rest.len();
    let mut offset = header_len;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return (fm, offset);
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
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
        *slot = Some(value.to_string());
    }
    // no closing line: not front matter after all
    (FrontMatter::default(), 0)
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_body_offset() {
        let t = "---\ntitle: \"Grain and power\"\nauthor: A. Writer\nlayout: post\n---\nBody.";
        let (fm, off) = split_front_matter(t);
        assert_eq!(fm.title.as_deref(), Some("Grain and power"));
        assert_eq!(fm.author.as_deref(), Some("A. Writer"));
        assert_eq!(&t[off..], "Body.");
    }

    #[test]
    fn unterminated_block_is_body() {
        let t = "---\ntitle: x\nno end";
        assert_eq!(split_front_matter(t), (FrontMatter::default(), 0));
    }
}
