//! Where a build may write: the output folder and the brief's `.brief` state folder, and
//! never a folder the build reads from (sources, templates, plugin libraries).
//!
//! brief.toml may come from someone else, so its `out_dir` must resolve inside the brief
//! folder (symbolic links included); only `--out`, which the user types, sends outputs
//! elsewhere. Every path the engine writes or deletes is checked against these scopes.

use std::path::{Path, PathBuf};

use brief_fs::WriteScope;
use brief_fs::scope::resolve;

use crate::build::Input;
use crate::incremental::STATE_DIR;
use crate::{BriefLocation, EngineError};

/// The scope for brief's own state: `BRIEF/.brief`, which must really be inside the brief
/// folder (not a link out of it).
pub fn state_scope(location: &BriefLocation) -> Result<WriteScope, EngineError> {
    let state = location.dir.join(STATE_DIR);
    let brief = resolve(&location.dir);
    let resolved = resolve(&state);
    if !resolved.starts_with(&brief) || resolved == brief {
        return Err(brief_fs::FsError::new(
            &state,
            std::io::ErrorKind::PermissionDenied,
            format!(
                "brief's state folder resolves to {}, outside the brief folder; remove the link",
                resolved.display()
            ),
        )
        .into());
    }
    Ok(WriteScope::new().allow(&state, "state folder"))
}

/// What a build reads from, as folders it must never write into.
pub struct ReadFolders {
    folders: Vec<(PathBuf, &'static str)>,
    files: Vec<PathBuf>,
}

impl ReadFolders {
    /// The folders of the build's inputs: each file source's folder, the template folder and
    /// each plugin library's folder. A folder that holds the brief folder itself (a source
    /// beside brief.toml) is left out: the brief's own output folder lies inside it.
    pub fn of(location: &BriefLocation, inputs: &[Input], template_dir: Option<&Path>) -> Self {
        let brief = resolve(&location.dir);
        let state = resolve(&location.dir.join(STATE_DIR));
        let templates = template_dir.map(resolve);
        let mut folders = Vec::new();
        let mut files = Vec::new();
        if let Some(dir) = &templates
            && !brief.starts_with(dir)
        {
            folders.push((dir.clone(), "template folder"));
        }
        for input in inputs {
            let path = resolve(&input.path);
            if path.starts_with(&state) || path.is_dir() {
                continue;
            }
            files.push(path.clone());
            if templates.as_ref().is_some_and(|t| path.starts_with(t)) {
                continue;
            }
            let Some(parent) = path.parent() else {
                continue;
            };
            if brief.starts_with(parent) {
                continue;
            }
            let what = if is_library(&path) {
                "plugin folder"
            } else {
                "sources folder"
            };
            folders.push((parent.to_path_buf(), what));
        }
        folders.sort();
        folders.dedup();
        Self { folders, files }
    }
}

fn is_library(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "so" | "dylib" | "dll"))
}

/// The scope for a build's outputs in `out_dir`. `named_by_user` is true for `--out`; an
/// `out_dir` from brief.toml must stay inside the brief folder.
pub fn output_scope(
    location: &BriefLocation,
    out_dir: &Path,
    named_by_user: bool,
    reads: &ReadFolders,
) -> Result<WriteScope, EngineError> {
    let refuse = |message: String| -> EngineError {
        brief_fs::FsError::new(out_dir, std::io::ErrorKind::PermissionDenied, message).into()
    };
    let brief = resolve(&location.dir);
    let resolved = resolve(out_dir);
    if !named_by_user && !resolved.starts_with(&brief) {
        return Err(refuse(format!(
            "the output folder resolves to {}, outside the brief folder; remove the link, or name a folder with `brief build --out`",
            resolved.display()
        )));
    }
    let mut scope = WriteScope::new()
        .allow(out_dir, "output folder")
        .forbid(&location.dir.join(STATE_DIR), "state folder");
    for (folder, what) in &reads.folders {
        scope = scope.forbid(folder, what);
    }
    if let Some((folder, what)) = scope.forbidden_folder(out_dir) {
        return Err(refuse(format!(
            "the output folder is inside the {what} {}; brief never writes where it reads",
            folder.display()
        )));
    }
    Ok(scope)
}

/// Refuses an output that would replace one of the build's own inputs (a source beside
/// brief.toml with the brief's own name, when `--out` is the brief folder).
pub fn check_outputs(
    scope: &WriteScope,
    reads: &ReadFolders,
    outputs: &[PathBuf],
) -> Result<(), EngineError> {
    for output in outputs {
        let resolved = scope.check(output)?;
        if reads.files.contains(&resolved) {
            return Err(brief_fs::FsError::new(
                output,
                std::io::ErrorKind::PermissionDenied,
                "this output would overwrite one of the brief's own inputs; choose another output folder",
            )
            .into());
        }
    }
    Ok(())
}
