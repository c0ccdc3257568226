//! Editions: every build that changes a brief's outputs keeps a copy of them, with a manifest
//! of the inputs that made them, under `BRIEF/.brief/editions/NNNN/`. They let an analyst see
//! how the judgements moved between editions (`brief history`, `brief diff`, and the
//! `changes` section).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::incremental::STATE_DIR;
use crate::stamp::hash_bytes;
use crate::write::PendingFile;
use crate::{BriefLocation, EngineError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHash {
    pub path: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionManifest {
    pub number: u32,
    /// Seconds since the epoch when the edition was recorded.
    pub created: u64,
    /// Inputs by path (as the build saw them) and content hash.
    pub inputs: Vec<FileHash>,
    /// Outputs relative to the output folder.
    pub outputs: Vec<FileHash>,
}

pub fn editions_dir(location: &BriefLocation) -> PathBuf {
    location.dir.join(STATE_DIR).join("editions")
}

fn edition_dir(location: &BriefLocation, number: u32) -> PathBuf {
    editions_dir(location).join(format!("{number:04}"))
}

/// Every recorded edition, oldest first.
pub fn list(location: &BriefLocation) -> Vec<EditionManifest> {
    let Ok(entries) = std::fs::read_dir(editions_dir(location)) else {
        return Vec::new();
    };
    let mut out: Vec<EditionManifest> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            // only `NNNN` folders: a temporary folder being written is not an edition yet
            let number: u32 = e.file_name().to_str()?.parse().ok()?;
            let bytes = brief_fs::read_regular(
                &e.path().join("manifest.json"),
                "edition manifest",
                brief_fs::Limit::STATE,
            )
            .ok()?;
            let manifest: EditionManifest = serde_json::from_slice(&bytes).ok()?;
            (manifest.number == number).then_some(manifest)
        })
        .collect();
    out.sort_by_key(|m| m.number);
    out
}

/// An output file of an edition, e.g. `brief.md`.
pub fn read_output(location: &BriefLocation, number: u32, name: &str) -> Option<Vec<u8>> {
    let path = edition_dir(location, number).join("files").join(name);
    brief_fs::read_regular(&path, "edition output", brief_fs::Limit::OUTPUT).ok()
}

/// The file of an edition's outputs with this extension (`md`, `json`).
pub fn output_named(manifest: &EditionManifest, extension: &str) -> Option<String> {
    manifest
        .outputs
        .iter()
        .map(|f| f.path.clone())
        .find(|p| !p.contains('/') && p.ends_with(&format!(".{extension}")))
}

/// The brief JSON of the newest edition made from inputs other than `inputs`, the base a
/// "what changed" section compares with. Skipping editions made from the same inputs keeps a
/// forced rebuild from comparing a brief with itself.
pub fn previous_brief(
    location: &BriefLocation,
    inputs: &[FileHash],
) -> Option<(u32, brief_core::Brief)> {
    let mut current = inputs.to_vec();
    current.sort_by(|a, b| a.path.cmp(&b.path));
    list(location).into_iter().rev().find_map(|m| {
        let mut theirs = m.inputs.clone();
        theirs.sort_by(|a, b| a.path.cmp(&b.path));
        if theirs == current {
            return None;
        }
        let name = output_named(&m, "json")?;
        let bytes = read_output(location, m.number, &name)?;
        serde_json::from_slice(&bytes).ok().map(|b| (m.number, b))
    })
}

/// Records an edition unless the outputs equal the newest edition's. Returns its number.
pub fn record(
    location: &BriefLocation,
    out_dir: &Path,
    files: &[PendingFile],
    inputs: Vec<FileHash>,
    keep: usize,
) -> Result<Option<u32>, EngineError> {
    let mut named: Vec<(FileHash, &[u8])> = files
        .iter()
        .map(|f| {
            let path = f
                .path
                .strip_prefix(out_dir)
                .unwrap_or(&f.path)
                .to_string_lossy()
                .replace('\\', "/");
            let hash = hash_bytes(&f.contents);
            (FileHash { path, hash }, f.contents.as_slice())
        })
        .collect();
    named.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    let outputs: Vec<FileHash> = named.iter().map(|(f, _)| f.clone()).collect();
    let existing = list(location);
    if existing.last().is_some_and(|m| m.outputs == outputs) {
        return Ok(None);
    }
    let number = existing.last().map_or(1, |m| m.number + 1);
    let dir = edition_dir(location, number);
    let scope = crate::paths::state_scope(location)?;
    let manifest = EditionManifest {
        number,
        created: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        inputs,
        outputs,
    };
    // the edition is written whole in a temporary folder and renamed into place, so a
    // listed edition always holds every file its manifest names, whatever kills the build
    // a failure names the edition, not the temporary folder it was being written in
    let recording = |e: brief_fs::FsError| -> EngineError {
        let cause = e
            .message
            .split_once(": ")
            .map_or(e.message.as_str(), |(_, c)| c);
        brief_fs::FsError::new(&dir, e.kind, format!("cannot record this edition: {cause}")).into()
    };
    let temp = brief_fs::atomic::temp_folder_in(&editions_dir(location)).map_err(recording)?;
    for (file, contents) in &named {
        scope.check(&dir.join("files").join(&file.path))?;
        brief_fs::atomic::write_atomic(&temp.path().join("files").join(&file.path), contents)
            .map_err(recording)?;
    }
    brief_fs::atomic::write_atomic(
        &temp.path().join("manifest.json"),
        &serde_json::to_vec_pretty(&manifest).expect("manifest serialises"),
    )
    .map_err(recording)?;
    // a folder already there has no manifest (else `list` would have counted it): what an
    // older brief left when killed while recording it. Its files may be of other formats
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| brief_fs::FsError::io(&dir, "cannot remove", &e))?;
    }
    brief_fs::atomic::commit_folder(temp, &dir)?;
    prune(location, keep.max(1));
    Ok(Some(number))
}

/// Deletes the oldest editions beyond `keep`, and folders older than the newest edition
/// that have no manifest (what a killed prune or record left).
fn prune(location: &BriefLocation, keep: usize) {
    let all = list(location);
    if all.len() > keep {
        for m in &all[..all.len() - keep] {
            remove_edition(&edition_dir(location, m.number));
        }
    }
    let Some(newest) = all.last().map(|m| m.number) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(editions_dir(location)) else {
        return;
    };
    for entry in entries.flatten() {
        let older = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n < newest);
        if older && !entry.path().join("manifest.json").exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The manifest goes first, so an edition vanishes from `list` in one step: `remove_dir_all`
/// deletes in directory order, and a kill part-way could otherwise leave a listed edition
/// whose files are gone.
fn remove_edition(dir: &Path) {
    let _ = std::fs::remove_file(dir.join("manifest.json"));
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, BriefLocation, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let location = BriefLocation {
            dir: tmp.path().to_path_buf(),
            toml: tmp.path().join("brief.toml"),
        };
        let out = tmp.path().join("out");
        (tmp, location, out)
    }

    fn outputs(out: &Path, names: &[&str], text: &str) -> Vec<PendingFile> {
        names
            .iter()
            .map(|n| PendingFile {
                path: out.join(n),
                contents: format!("{n}: {text}").into_bytes(),
            })
            .collect()
    }

    #[test]
    fn edition_left_half_written_by_a_killed_build_is_replaced_whole() {
        let (_tmp, location, out) = setup();
        let first = outputs(&out, &["b.md", "b.json"], "one");
        assert_eq!(
            record(&location, &out, &first, vec![], 20).unwrap(),
            Some(1)
        );
        // a build with a PDF was killed after writing one file of edition 2, before its manifest
        let stray = edition_dir(&location, 2).join("files/b.pdf");
        std::fs::create_dir_all(stray.parent().unwrap()).unwrap();
        std::fs::write(&stray, "half").unwrap();
        let second = outputs(&out, &["b.md", "b.json"], "two");
        assert_eq!(
            record(&location, &out, &second, vec![], 20).unwrap(),
            Some(2)
        );
        assert!(
            !stray.exists(),
            "a file of the killed build stayed in edition 2"
        );
        assert_eq!(list(&location).len(), 2);
    }

    #[test]
    fn edition_whose_prune_was_killed_is_never_listed_and_is_swept_later() {
        let (_tmp, location, out) = setup();
        for (i, text) in ["one", "two", "three"].iter().enumerate() {
            let files = outputs(&out, &["b.md"], text);
            assert_eq!(
                record(&location, &out, &files, vec![], 20).unwrap(),
                Some(i as u32 + 1)
            );
        }
        // a prune killed after the manifest went but before the files did
        remove_edition_manifest_only(&edition_dir(&location, 1));
        let numbers: Vec<u32> = list(&location).iter().map(|m| m.number).collect();
        assert_eq!(numbers, [2, 3]);
        for m in list(&location) {
            assert!(read_output(&location, m.number, "b.md").is_some());
        }
        let files = outputs(&out, &["b.md"], "four");
        record(&location, &out, &files, vec![], 20).unwrap();
        assert!(!edition_dir(&location, 1).exists(), "leftover folder swept");
        assert!(edition_dir(&location, 2).join("manifest.json").exists());
    }

    fn remove_edition_manifest_only(dir: &Path) {
        std::fs::remove_file(dir.join("manifest.json")).unwrap();
    }

    #[test]
    fn pruning_keeps_the_newest() {
        let (_tmp, location, out) = setup();
        for text in ["one", "two", "three", "four"] {
            record(&location, &out, &outputs(&out, &["b.md"], text), vec![], 2).unwrap();
        }
        let numbers: Vec<u32> = list(&location).iter().map(|m| m.number).collect();
        assert_eq!(numbers, [3, 4]);
        let folders = std::fs::read_dir(editions_dir(&location)).unwrap().count();
        assert_eq!(folders, 2);
    }
}
