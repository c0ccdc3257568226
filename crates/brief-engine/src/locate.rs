//! Finding briefs on disk.

use std::path::{Path, PathBuf};

use crate::EngineError;

/// A brief's folder and its brief.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefLocation {
    pub dir: PathBuf,
    pub toml: PathBuf,
}

impl BriefLocation {
    /// The brief's short name: its folder name, made file-name safe.
    pub fn slug(&self) -> String {
        let name = self
            .dir
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "brief".into());
        let mut slug = String::new();
        for c in name.chars() {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                slug.extend(c.to_lowercase());
            } else if !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_matches('-').to_string();
        if slug.is_empty() {
            "brief".into()
        } else {
            slug
        }
    }
}

/// `path` is a brief folder or its brief.toml. Anything else (another file, a brief.toml that
/// is a FIFO or a folder) is a one-line error naming it.
pub fn locate_brief(path: &Path) -> Result<BriefLocation, EngineError> {
    if path.is_dir() {
        let toml = path.join(brief_config::FILE_NAME);
        if std::fs::symlink_metadata(&toml).is_err() {
            return Err(EngineError::Usage(format!(
                "{}: no {} in this folder",
                path.display(),
                brief_config::FILE_NAME
            )));
        }
        brief_fs::read::regular_metadata(&toml, brief_config::FILE_NAME)?;
        return Ok(BriefLocation {
            dir: path.to_path_buf(),
            toml,
        });
    }
    if std::fs::symlink_metadata(path).is_ok() {
        if path
            .file_name()
            .is_none_or(|n| n != brief_config::FILE_NAME)
        {
            return Err(EngineError::Usage(format!(
                "{}: not a brief: name a brief folder or its {}",
                path.display(),
                brief_config::FILE_NAME
            )));
        }
        brief_fs::read::regular_metadata(path, brief_config::FILE_NAME)?;
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        return Ok(BriefLocation {
            dir,
            toml: path.to_path_buf(),
        });
    }
    Err(EngineError::Usage(format!(
        "{}: no such brief folder or file",
        path.display()
    )))
}

/// With no brief named: the brief in `cwd`, else every brief in `cwd/briefs/`, sorted.
pub fn find_briefs(cwd: &Path) -> Result<Vec<BriefLocation>, EngineError> {
    if std::fs::symlink_metadata(cwd.join(brief_config::FILE_NAME)).is_ok() {
        return Ok(vec![locate_brief(cwd)?]);
    }
    let briefs = cwd.join("briefs");
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&briefs) {
        let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for dir in dirs {
            if std::fs::symlink_metadata(dir.join(brief_config::FILE_NAME)).is_ok() {
                found.push(locate_brief(&dir)?);
            }
        }
    }
    if found.is_empty() {
        return Err(EngineError::Usage(format!(
            "{}: no brief.toml here and no briefs under ./briefs/; name a brief folder",
            cwd.display()
        )));
    }
    Ok(found)
}
