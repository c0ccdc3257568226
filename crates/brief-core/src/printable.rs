//! Text that came from outside brief (a plugin's diagnostics, a server's error, a file name)
//! made safe to print on one terminal line.

/// `text` with every character that could end the line or drive the terminal shown as an
/// escape instead: line breaks as `\n` and `\r`, tab as `\t`, other C0 and C1 controls, DEL
/// and bidi controls as `\u{…}`. A plugin can then neither forge an `error:` line of its own
/// nor send escape sequences to the user's terminal.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_and_escapes_cannot_forge_lines_or_drive_the_terminal() {
        let forged = "fine\nerror: brief.toml: forged\x1b[2J\x1b]0;title\x07\u{202e}";
        let shown = printable(forged);
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert_eq!(
            shown,
            "fine\\nerror: brief.toml: forged\\u{1b}[2J\\u{1b}]0;title\\u{7}\\u{202e}"
        );
        assert_eq!(printable("plain «text» — ok"), "plain «text» — ok");
    }
}
