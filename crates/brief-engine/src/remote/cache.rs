//! The local copy of a remote source: `.brief/sources/<id>/manifest.json` plus one text file
//! per article. Text files are named by their content hash and written before the manifest,
//! which is replaced atomically last: a crash at any point leaves the old manifest pointing
//! at old files that still exist, or the new one pointing at new files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::incremental::STATE_DIR;
use crate::write::{write_atomic, write_durable};
use crate::{BriefLocation, EngineError};

/// What the cache holds for one configured source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The URL written in brief.toml.
    pub url: String,
    /// Where the text came from after redirects.
    pub final_url: String,
    /// The feed's or page's own title.
    #[serde(default)]
    pub title: Option<String>,
    /// Articles in the order the brief lists them (feeds: newest first).
    pub items: Vec<CachedItem>,
}

/// One article in the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedItem {
    /// The article's source id in the brief: the configured id for a page, the feed's id
    /// plus a hash of the item's identity for a feed item, so it stays put as the feed moves.
    pub id: String,
    /// Text file name inside the cache folder.
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    /// The article's own address (a feed item's link).
    #[serde(default)]
    pub link: Option<String>,
    /// The text is the linked article's, not the feed's (feeds with `full_text`).
    #[serde(default)]
    pub full_text: bool,
}

/// `.brief/sources/<id>/`.
pub fn cache_dir(location: &BriefLocation, source_id: &str) -> PathBuf {
    location.dir.join(STATE_DIR).join("sources").join(source_id)
}

/// A cached file's path relative to the brief folder, as the brief's sources list it.
pub fn relative(location: &BriefLocation, path: &Path) -> String {
    path.strip_prefix(&location.dir)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The manifest, or `None` when the source was never fetched. A corrupt manifest counts as
/// missing, so the next fetch repairs it; so does one naming a file brief would not have
/// written (the names are content hashes), since deletion trusts these names.
pub fn read_manifest(dir: &Path) -> Option<(Manifest, Vec<u8>)> {
    let bytes = brief_fs::read_regular(
        &dir.join("manifest.json"),
        "cached manifest",
        brief_fs::Limit::STATE,
    )
    .ok()?;
    let manifest: Manifest = serde_json::from_slice(&bytes).ok()?;
    manifest
        .items
        .iter()
        .all(|i| is_cache_file_name(&i.file))
        .then_some((manifest, bytes))
}

/// `<16 hex digits>.txt`: the only names [`write_cache`] gives the texts it caches.
fn is_cache_file_name(name: &str) -> bool {
    name.strip_suffix(".txt")
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A cached text, as the cache wrote it.
pub fn read_cached_text(dir: &Path, item: &CachedItem) -> Option<String> {
    if !is_cache_file_name(&item.file) {
        return None;
    }
    brief_fs::read_regular_string(&dir.join(&item.file), "cached text", brief_fs::Limit::STATE).ok()
}

/// Replaces the cached copy with `items` (metadata and text) and removes the texts the
/// previous manifest listed that the new one does not. Nothing else is ever deleted: only
/// files this cache wrote, as its own manifest records them. `scope` is the brief's state
/// folder; every path is checked against it.
pub fn write_cache(
    scope: &brief_fs::WriteScope,
    dir: &Path,
    mut manifest: Manifest,
    items: Vec<(CachedItem, String)>,
) -> Result<(), EngineError> {
    let previous = read_manifest(dir).map(|(m, _)| m.items).unwrap_or_default();
    manifest.items.clear();
    for (mut item, text) in items {
        let hash = blake3::hash(text.as_bytes()).to_hex();
        item.file = format!("{}.txt", &hash[..16]);
        write_atomic(&scope.check(&dir.join(&item.file))?, text.as_bytes())?;
        manifest.items.push(item);
    }
    let mut json = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
    json.push(b'\n');
    write_durable(&scope.check(&dir.join("manifest.json"))?, &json)?;
    // stale texts go only after the new manifest is in place; a leftover is harmless
    for old in previous {
        if !manifest.items.iter().any(|i| i.file == old.file) {
            let path = scope.check(&dir.join(&old.file))?;
            let _ = std::fs::remove_file(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str) -> CachedItem {
        CachedItem {
            id: id.into(),
            file: String::new(),
            title: Some(format!("Title {id}")),
            author: None,
            publisher: None,
            published: None,
            link: None,
            full_text: false,
        }
    }

    fn empty_manifest() -> Manifest {
        Manifest {
            url: "https://a.test/feed".into(),
            final_url: "https://a.test/feed".into(),
            title: None,
            items: vec![],
        }
    }

    fn scope(dir: &Path) -> brief_fs::WriteScope {
        brief_fs::WriteScope::new().allow(dir, "state folder")
    }

    #[test]
    fn rewriting_the_cache_drops_texts_no_longer_listed() {
        let tmp = tempfile::tempdir().unwrap();
        let scope = scope(tmp.path());
        let manifest = empty_manifest();
        write_cache(
            &scope,
            tmp.path(),
            manifest.clone(),
            vec![(item("a"), "one".into()), (item("b"), "two".into())],
        )
        .unwrap();
        write_cache(
            &scope,
            tmp.path(),
            manifest,
            vec![(item("b"), "two".into())],
        )
        .unwrap();
        let (read, _) = read_manifest(tmp.path()).unwrap();
        assert_eq!(read.items.len(), 1);
        let mut names: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            vec![read.items[0].file.clone(), "manifest.json".into()]
        );
    }

    #[test]
    fn a_fetch_deletes_only_texts_its_own_manifest_listed() {
        // regression: a fetch used to delete every *.txt in the folder it was given
        let tmp = tempfile::tempdir().unwrap();
        let scope = scope(tmp.path());
        let theirs = tmp.path().join("notes.txt");
        std::fs::write(&theirs, "the user's own file").unwrap();
        let manifest = empty_manifest();
        write_cache(
            &scope,
            tmp.path(),
            manifest.clone(),
            vec![(item("a"), "one".into())],
        )
        .unwrap();
        write_cache(
            &scope,
            tmp.path(),
            manifest,
            vec![(item("b"), "two".into())],
        )
        .unwrap();
        assert!(theirs.exists(), "a file the cache never wrote was deleted");
        let (read, _) = read_manifest(tmp.path()).unwrap();
        assert_eq!(read.items.len(), 1);
    }

    #[test]
    fn a_manifest_naming_other_files_reads_as_never_fetched() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("manifest.json"),
            r#"{"url":"u","final_url":"u","items":[{"id":"a","file":"../../brief.toml"}]}"#,
        )
        .unwrap();
        assert!(read_manifest(tmp.path()).is_none());
    }

    #[test]
    fn a_corrupt_manifest_reads_as_never_fetched() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("manifest.json"), "{not json").unwrap();
        assert!(read_manifest(tmp.path()).is_none());
    }
}
