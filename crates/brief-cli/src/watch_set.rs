//! What `brief watch` watches: exactly the files the last build read, by their folders.
//!
//! Editors save by writing a temporary file and renaming it over the original, which replaces
//! the file's inode: a watch on the file itself goes deaf after the first save. So we watch
//! each input's folder and filter events by path.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use brief_engine::BriefLocation;

/// The inputs of a set of briefs, indexed for event filtering.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WatchSet {
    /// Input file → the briefs (by index) that read it.
    files: BTreeMap<PathBuf, BTreeSet<usize>>,
    /// Input folders (template folders) whose entries matter, → briefs.
    folders: BTreeMap<PathBuf, BTreeSet<usize>>,
    /// Plugin libraries: a change means restart, not rebuild.
    libraries: BTreeSet<PathBuf>,
    /// Output folders of the briefs: never a reason to rebuild.
    outputs: Vec<PathBuf>,
}

fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    // a file that does not exist yet: canonicalise its folder
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => parent
            .canonicalize()
            .map(|p| p.join(name))
            .unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

impl WatchSet {
    /// Builds the set from each brief's last build state (or just its brief.toml when it has
    /// never built).
    pub fn new(locations: &[BriefLocation]) -> Self {
        let mut set = WatchSet::default();
        // the running binary is an input of builds, but a watcher cannot reload itself
        let exe = std::env::current_exe().ok().map(|p| absolute(&p));
        for (i, loc) in locations.iter().enumerate() {
            for path in brief_engine::incremental::watched_inputs(loc) {
                let abs = absolute(&path);
                if Some(&abs) == exe.as_ref() {
                    continue;
                }
                if abs.is_dir() {
                    set.folders.entry(abs).or_default().insert(i);
                } else {
                    if is_library(&abs) {
                        set.libraries.insert(abs.clone());
                    }
                    set.files.entry(abs).or_default().insert(i);
                }
            }
            set.outputs.push(absolute(&loc.dir.join("out")));
        }
        set
    }

    /// The folders to hand to the file watcher.
    pub fn folders_to_watch(&self) -> BTreeSet<PathBuf> {
        let mut dirs: BTreeSet<PathBuf> = self
            .files
            .keys()
            .filter_map(|f| f.parent().map(Path::to_path_buf))
            .collect();
        dirs.extend(self.folders.keys().cloned());
        dirs.retain(|d| d.is_dir());
        dirs
    }

    /// What an event on `path` means.
    pub fn classify(&self, path: &Path) -> Change {
        if is_editor_noise(path)
            || brief_engine::incremental::is_state_path(path)
            || is_own_temp(path)
        {
            return Change::Ignore;
        }
        let abs = absolute(path);
        if self.outputs.iter().any(|o| abs.starts_with(o)) {
            return Change::Ignore;
        }
        if self.libraries.contains(&abs) {
            return Change::Library(abs);
        }
        if let Some(briefs) = self.files.get(&abs) {
            return Change::Rebuild(briefs.clone());
        }
        if let Some(briefs) = abs.parent().and_then(|p| self.folders.get(p)) {
            return Change::Rebuild(briefs.clone());
        }
        if let Some(briefs) = self.folders.get(&abs) {
            return Change::Rebuild(briefs.clone());
        }
        Change::Ignore
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Ignore,
    Rebuild(BTreeSet<usize>),
    Library(PathBuf),
}

fn is_library(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "so" | "dylib" | "dll"))
}

/// Swap, backup and lock files that editors write beside the file being edited.
pub fn is_editor_noise(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return true;
    };
    name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name.ends_with(".tmp")
        || name.ends_with(".part")
        || name.ends_with(".kate-swp")
        || name == ".DS_Store"
}

/// The temporary files our own atomic writes create.
fn is_own_temp(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".brief-tmp-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_noise_is_recognised() {
        for n in [
            "a.txt.swp",
            ".a.txt.swx",
            "a.txt~",
            ".#a.txt",
            "#a.txt#",
            "4913",
            "x.tmp",
        ] {
            assert!(is_editor_noise(Path::new(n)), "{n}");
        }
        for n in ["a.txt", "brief.toml", "summary.md.hbs"] {
            assert!(!is_editor_noise(Path::new(n)), "{n}");
        }
    }
}
