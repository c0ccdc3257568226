//! Checks on single values of brief.toml that keep it from steering brief's writes or
//! resources: ids that become file names, the output folder, plugin timeouts.

use toml::Spanned;

use crate::model::MAX_PLUGIN_TIMEOUT_SECONDS;

/// Ids become parts of file names (assets, cached sources) and template names, so they are
/// kept to characters that are safe in every one of those: ASCII letters, digits, `-`, `_`
/// and `.`, starting with a letter or digit, at most 64 of them. `Err` says what is wrong.
pub fn check_id(id: &str) -> Result<(), String> {
    const RULE: &str =
        "ids are 1 to 64 ASCII letters, digits, `-`, `_` or `.`, starting with a letter or digit";
    let starts_well = id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let chars_ok = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !starts_well || !chars_ok || id.len() > 64 {
        return Err(format!("is not allowed: {RULE}"));
    }
    Ok(())
}

/// `out_dir` in brief.toml names a folder inside the brief folder: a brief.toml (which may
/// come from someone else) never makes brief write elsewhere. `brief build --out` is how a
/// user sends outputs outside it.
pub(crate) fn check_out_dir(dir: &str) -> Result<(), String> {
    let path = std::path::Path::new(dir);
    let mut depth: i64 = 0;
    let mut escapes = path.is_absolute() || path.has_root();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => depth -= 1,
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::CurDir => {}
            _ => escapes = true,
        }
        escapes |= depth < 0;
    }
    if dir.trim().is_empty() || escapes || depth == 0 {
        return Err(format!(
            "`out_dir = \"{dir}\"` must name a folder inside the brief folder (e.g. \"out\"); use `brief build --out DIR` to write elsewhere"
        ));
    }
    if path
        .components()
        .find(|c| matches!(c, std::path::Component::Normal(_)))
        .is_some_and(|c| c.as_os_str() == ".brief")
    {
        return Err(format!(
            "`out_dir = \"{dir}\"` is inside .brief, brief's own state folder"
        ));
    }
    Ok(())
}

pub(crate) fn check_timeout(t: &Spanned<u64>) -> Result<u64, String> {
    let secs = *t.get_ref();
    if secs == 0 || secs > MAX_PLUGIN_TIMEOUT_SECONDS {
        return Err(format!(
            "= {secs}: expected 1 to {MAX_PLUGIN_TIMEOUT_SECONDS} seconds"
        ));
    }
    Ok(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_to_file_name_safe_characters() {
        assert!(check_id("port-report.2_b").is_ok());
        for bad in ["", "../x", "a/b", ".hidden", "-dash", "a b", "é", "a\\b"] {
            assert!(check_id(bad).is_err(), "{bad:?}");
        }
        assert!(check_id(&"a".repeat(64)).is_ok());
        assert!(check_id(&"a".repeat(65)).is_err());
    }

    #[test]
    fn out_dirs_that_leave_the_brief_folder_are_refused() {
        for bad in [
            "../elsewhere",
            "/tmp/out",
            "out/../..",
            ".",
            "",
            ".brief/out",
        ] {
            assert!(check_out_dir(bad).is_err(), "{bad}");
        }
        for good in ["out", "build/briefs", "./out", "a/../out"] {
            assert!(check_out_dir(good).is_ok(), "{good}");
        }
    }
}
