//! Errors that point at a place in brief.toml.

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// The line and column of byte `offset` in `text`.
pub fn locate(text: &str, offset: usize) -> Location {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

/// A brief.toml problem: `path:line:col: message`, on one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}{}: {message}", .location.map(|l| format!(":{}:{}", l.line, l.column)).unwrap_or_default())]
pub struct ConfigError {
    pub path: String,
    pub location: Option<Location>,
    pub message: String,
}

impl ConfigError {
    pub fn new(path: &str, location: Option<Location>, message: impl Into<String>) -> Self {
        let message: String = message.into();
        Self {
            path: path.to_string(),
            location,
            // one line: TOML errors can carry multi-line snippets
            message: message.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns() {
        let t = "a = 1\nbb = 2\n";
        assert_eq!(locate(t, 0), Location { line: 1, column: 1 });
        assert_eq!(locate(t, 9), Location { line: 2, column: 4 });
    }

    #[test]
    fn displays_on_one_line() {
        let e = ConfigError::new(
            "b/brief.toml",
            Some(Location { line: 3, column: 1 }),
            "bad\n  thing",
        );
        assert_eq!(e.to_string(), "b/brief.toml:3:1: bad thing");
    }
}
