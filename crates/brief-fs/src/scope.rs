//! Where brief may write: one rule for every path it writes or deletes.
//!
//! A path is allowed when, after resolving `..` and the symbolic links of the folders it
//! passes through, it lies inside one of the folders brief may write (a brief's output
//! folder, its `.brief` state folder) and inside none of the folders it only reads (sources,
//! templates, plugins). The last component is not followed: brief replaces or removes a link
//! there, never what it points to, so a link in the output folder cannot aim a write
//! elsewhere.

use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use crate::FsError;

/// Folders brief may write, and folders it must not, for one build.
#[derive(Debug, Clone, Default)]
pub struct WriteScope {
    allowed: Vec<(PathBuf, String)>,
    forbidden: Vec<(PathBuf, String)>,
}

impl WriteScope {
    pub fn new() -> Self {
        Self::default()
    }

    /// Lets brief write inside `dir`; `what` names it in messages ("output folder").
    pub fn allow(mut self, dir: &Path, what: &str) -> Self {
        self.allowed.push((resolve(dir), what.to_string()));
        self
    }

    /// Keeps brief from writing inside `dir`, even where an allowed folder contains it.
    pub fn forbid(mut self, dir: &Path, what: &str) -> Self {
        self.forbidden.push((resolve(dir), what.to_string()));
        self
    }

    /// `path` resolved, when brief may write or delete it; otherwise a one-line error naming
    /// it and the rule it breaks.
    pub fn check(&self, path: &Path) -> Result<PathBuf, FsError> {
        let resolved = resolve_final_unfollowed(path);
        if let Some((dir, what)) = self
            .forbidden
            .iter()
            .find(|(dir, _)| resolved.starts_with(dir))
        {
            return Err(FsError::new(
                path,
                ErrorKind::PermissionDenied,
                format!(
                    "refusing to write inside the {what} ({}); brief only reads there",
                    dir.display()
                ),
            ));
        }
        if self
            .allowed
            .iter()
            .any(|(dir, _)| resolved.starts_with(dir))
        {
            return Ok(resolved);
        }
        let allowed: Vec<String> = self
            .allowed
            .iter()
            .map(|(dir, what)| format!("the {what} ({})", dir.display()))
            .collect();
        Err(FsError::new(
            path,
            ErrorKind::PermissionDenied,
            format!(
                "refusing to write outside {}: the path resolves to {}",
                if allowed.is_empty() {
                    "the brief's folders".to_string()
                } else {
                    allowed.join(" and ")
                },
                resolved.display()
            ),
        ))
    }

    /// True when `dir` lies inside (or is) a forbidden folder; the folder's name in messages.
    pub fn forbidden_folder(&self, dir: &Path) -> Option<(&Path, &str)> {
        let resolved = resolve(dir);
        self.forbidden
            .iter()
            .find(|(f, _)| resolved.starts_with(f))
            .map(|(f, w)| (f.as_path(), w.as_str()))
    }
}

/// `path` made absolute, with the symbolic links of the longest part that exists resolved and
/// the rest (which cannot hold links, as it does not exist yet) normalised by its `.` and `..`.
pub fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut existing = absolute.as_path();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            let mut out = canonical;
            for part in rest.iter().rev() {
                push_lexically(&mut out, part);
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last.as_os_str().to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    // nothing of it exists (not even `/`): lexical normalisation alone
    let mut out = PathBuf::new();
    for c in absolute.components() {
        push_lexically(&mut out, c.as_os_str());
    }
    out
}

/// [`resolve`] of the folder, plus the last component as it is (not followed if a link).
fn resolve_final_unfollowed(path: &Path) -> PathBuf {
    match (path.parent(), path.components().next_back()) {
        (Some(parent), Some(Component::Normal(name))) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            resolve(parent).join(name)
        }
        _ => resolve(path),
    }
}

fn push_lexically(out: &mut PathBuf, part: &std::ffi::OsStr) {
    match Path::new(part).components().next() {
        Some(Component::ParentDir) => {
            out.pop();
        }
        Some(Component::CurDir) | None => {}
        _ => out.push(part),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(root: &Path) -> WriteScope {
        WriteScope::new()
            .allow(&root.join("brief/out"), "output folder")
            .allow(&root.join("brief/.brief"), "state folder")
            .forbid(&root.join("brief/sources"), "sources folder")
    }

    #[test]
    fn paths_inside_allowed_folders_pass_even_before_they_exist() {
        let tmp = tempfile::tempdir().unwrap();
        let s = scope(tmp.path());
        assert!(s.check(&tmp.path().join("brief/out/b.md")).is_ok());
        assert!(
            s.check(&tmp.path().join("brief/out/b.assets/x.svg"))
                .is_ok()
        );
        assert!(
            s.check(&tmp.path().join("brief/.brief/sources/feed/1.txt"))
                .is_ok()
        );
    }

    #[test]
    fn dot_dot_cannot_climb_out() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("brief/out")).unwrap();
        let s = scope(tmp.path());
        let e = s
            .check(&tmp.path().join("brief/out/x/../../../elsewhere.svg"))
            .unwrap_err();
        assert!(e.to_string().contains("refusing to write outside"), "{e}");
        let e = s
            .check(&tmp.path().join("brief/.brief/sources/../../sources/a.txt"))
            .unwrap_err();
        assert!(e.to_string().contains("inside the sources folder"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_is_followed_a_linked_file_is_not() {
        let tmp = tempfile::tempdir().unwrap();
        let brief = tmp.path().join("brief");
        std::fs::create_dir_all(brief.join("sources")).unwrap();
        std::fs::create_dir_all(brief.join("out")).unwrap();
        // out/assets is a link into the sources: writing through it is refused
        std::os::unix::fs::symlink(brief.join("sources"), brief.join("out/assets")).unwrap();
        let s = scope(tmp.path());
        assert!(s.check(&brief.join("out/assets/x.svg")).is_err());
        // out/b.md is a link to a source: replacing the link itself stays in out/
        std::fs::write(brief.join("sources/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(brief.join("sources/a.txt"), brief.join("out/b.md")).unwrap();
        assert_eq!(
            s.check(&brief.join("out/b.md")).unwrap(),
            resolve(&brief.join("out")).join("b.md")
        );
    }

    #[test]
    fn an_output_folder_inside_the_sources_is_forbidden() {
        let tmp = tempfile::tempdir().unwrap();
        let brief = tmp.path().join("brief");
        let s = WriteScope::new()
            .allow(&brief.join("sources"), "output folder")
            .forbid(&brief.join("sources"), "sources folder");
        let e = s.check(&brief.join("sources/brief.md")).unwrap_err();
        assert!(e.to_string().contains("inside the sources folder"), "{e}");
        assert!(s.forbidden_folder(&brief.join("sources")).is_some());
    }
}
