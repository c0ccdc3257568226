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
/// missing, so the next fetch repairs it.
pub fn read_manifest(dir: &Path) -> Option<(Manifest, Vec<u8>)> {
    let bytes = std::fs::read(dir.join("manifest.json")).ok()?;
    let manifest = serde_json::from_slice(&bytes).ok()?;
    Some((manifest, bytes))
}

/// Replaces the cached copy with `items` (metadata and text) and removes files no longer
/// referenced.
pub fn write_cache(
    dir: &Path,
    mut manifest: Manifest,
    items: Vec<(CachedItem, String)>,
) -> Result<(), EngineError> {
    manifest.items.clear();
    for (mut item, text) in items {
        let hash = blake3::hash(text.as_bytes()).to_hex();
        item.file = format!("{}.txt", &hash[..16]);
        write_atomic(&dir.join(&item.file), text.as_bytes())?;
        manifest.items.push(item);
    }
    let mut json = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
    json.push(b'\n');
    write_durable(&dir.join("manifest.json"), &json)?;
    // stale texts go only after the new manifest is in place; a leftover is harmless
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let referenced = manifest.items.iter().any(|i| i.file == name);
            if name.ends_with(".txt") && !referenced {
                let _ = std::fs::remove_file(entry.path());
            }
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

    #[test]
    fn rewriting_the_cache_drops_texts_no_longer_listed() {
        let tmp = tempfile::tempdir().unwrap();
        let manifest = Manifest {
            url: "https://a.test/feed".into(),
            final_url: "https://a.test/feed".into(),
            title: None,
            items: vec![],
        };
        write_cache(
            tmp.path(),
            manifest.clone(),
            vec![(item("a"), "one".into()), (item("b"), "two".into())],
        )
        .unwrap();
        write_cache(tmp.path(), manifest, vec![(item("b"), "two".into())]).unwrap();
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
    fn a_corrupt_manifest_reads_as_never_fetched() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("manifest.json"), "{not json").unwrap();
        assert!(read_manifest(tmp.path()).is_none());
    }
}
