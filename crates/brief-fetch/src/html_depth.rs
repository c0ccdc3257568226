//! A cheap, conservative estimate of how deeply an HTML document nests, computed before
//! parsing.
//!
//! Deep nesting is an attack on two fronts: the HTML tree builder slows down roughly
//! quadratically with depth, and readability-style extraction walks the tree recursively,
//! so a page of a hundred thousand nested `<div>`s could stall or overflow the stack. This
//! scan runs in linear time without building a tree. It errs towards over-counting (for
//! instance an unclosed `<b>` stays open), never towards under-counting: a self-closing
//! `<div/>` opens a `div` in HTML, so it counts.

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag is optional. The parser closes them implicitly when a sibling
/// starts, so they cannot nest without a counted element between them (a nested list needs a
/// `ul`, a nested cell a `table`); not counting them keeps sloppy pages from over-counting.
const IMPLICITLY_CLOSED: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Elements whose content is raw text: a `<` inside them is not a tag.
const RAW_TEXT: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// Foreign (SVG, MathML) content, where `<x/>` really is self-closing.
const FOREIGN_ROOTS: &[&str] = &["math", "svg"];

/// The deepest element nesting found by the scan.
pub(crate) fn approximate_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut foreign_depth = 0usize;
    let mut index = 0;
    while let Some(offset) = bytes[index..].iter().position(|&b| b == b'<') {
        index += offset;
        let rest = &bytes[index..];
        if rest.starts_with(b"<!--") {
            index = find(bytes, index + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            index = find(bytes, index, b">").map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = index + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // A bare '<' in text.
            index += 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (tag_end, self_closing) = tag_end(bytes, name_start + name_len);
        index = tag_end;
        let counted = !VOID.contains(&name.as_str()) && !IMPLICITLY_CLOSED.contains(&name.as_str());
        let is_foreign_root = FOREIGN_ROOTS.contains(&name.as_str());
        if closing {
            if counted {
                depth = depth.saturating_sub(1);
            }
            if is_foreign_root {
                foreign_depth = foreign_depth.saturating_sub(1);
            }
            continue;
        }
        if !counted || (self_closing && foreign_depth > 0) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if is_foreign_root && !self_closing {
            foreign_depth += 1;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            index = raw_text_end(html, index, &name);
            depth -= 1;
        }
    }
    deepest
}

/// Position after the `>` closing a tag whose name ends at `from`, skipping quoted attribute
/// values, and whether the tag ended with `/>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote: Option<u8> = None;
    for (offset, &byte) in bytes[from..].iter().enumerate() {
        match quote {
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None if byte == b'"' || byte == b'\'' => quote = Some(byte),
            None if byte == b'>' => {
                let at = from + offset;
                return (at + 1, at > from && bytes[at - 1] == b'/');
            }
            None => {}
        }
    }
    (bytes.len(), false)
}

/// Position after the end tag of a raw-text element (case-insensitive), or the end of input.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let closing = format!("</{name}");
    let bytes = html.as_bytes();
    let mut index = from;
    while let Some(offset) = bytes[index..].iter().position(|&b| b == b'<') {
        index += offset;
        let candidate = &bytes[index..];
        if candidate.len() >= closing.len()
            && candidate[..closing.len()].eq_ignore_ascii_case(closing.as_bytes())
        {
            return find(bytes, index, b">").map_or(bytes.len(), |end| end + 1);
        }
        index += 1;
    }
    bytes.len()
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack[from..]
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_depth_counts_structural_elements() {
        let html = "<!DOCTYPE html><html><head><title>a < b</title></head><body>\
                    <div class=\"x>y\"><p>One<br>two<img src=a.png></p><ul><li>i<li>j</ul></div></body></html>";
        assert_eq!(approximate_depth(html), 2);
    }

    #[test]
    fn script_and_comment_contents_are_not_tags() {
        let html = "<div><script>for(i=0;i<9;i++){document.write('<div><div><div>')}</script>\
                    <!-- <div><div><div> --></div>";
        // The div and the script inside it; nothing written inside the script or comment.
        assert_eq!(approximate_depth(html), 2);
    }

    #[test]
    fn self_closing_html_elements_count_but_svg_ones_do_not() {
        assert_eq!(approximate_depth("<div/><div/><div/>"), 3);
        let svg = "<div><svg><path d='M0 0'/><path/><g><circle/></g></svg></div>";
        assert_eq!(approximate_depth(svg), 3);
    }

    #[test]
    fn deep_nesting_is_measured_in_linear_time() {
        let html = "<div>".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(approximate_depth(&html), 200_000);
        assert!(started.elapsed().as_secs() < 2);
    }

    #[test]
    fn stray_angle_brackets_and_unterminated_tags_do_not_panic() {
        assert_eq!(approximate_depth("a < b and c <3 d"), 0);
        assert_eq!(approximate_depth("<div class='unterminated"), 1);
        assert_eq!(approximate_depth("<"), 0);
        assert_eq!(approximate_depth("</"), 0);
        assert_eq!(approximate_depth("<script>never closed"), 1);
    }
}
