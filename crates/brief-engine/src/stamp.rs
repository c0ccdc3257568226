//! Stamps of files and folders: size, modification time and content hash.
//!
//! Checking freshness compares size and mtime first, which costs one `stat`; any difference
//! (a newer or an older mtime) makes us hash. So `touch` alone never forces a rebuild, and new
//! content restored with an old mtime (a copy, an unpacked archive) still does.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub path: PathBuf,
    pub size: u64,
    /// Nanoseconds since the epoch.
    pub mtime_ns: u128,
    /// blake3 of the bytes, or for a folder, of its sorted entry names.
    pub hash: String,
}

/// What a file or folder is now, compared with a stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Same size and mtime: content assumed unchanged without reading it.
    Same,
    /// Size or mtime moved but the content hash is the same.
    Touched,
    Changed,
}

pub fn hash_bytes(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

fn mtime_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn content_hash(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<String> {
    if meta.is_dir() {
        let mut names: Vec<String> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        names.sort();
        Ok(hash_bytes(names.join("\n").as_bytes()))
    } else if meta.is_file() {
        Ok(hash_bytes(&std::fs::read(path)?))
    } else {
        // a FIFO would block and /dev/zero never ends; the build refuses such sources with a
        // clear message, so the freshness check must not hang on them first
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ))
    }
}

/// Stamps `path` as it is now.
pub fn stamp(path: &Path) -> std::io::Result<Stamp> {
    let meta = std::fs::metadata(path)?;
    Ok(Stamp {
        path: path.to_path_buf(),
        size: meta.len(),
        mtime_ns: mtime_ns(&meta),
        hash: content_hash(path, &meta)?,
    })
}

/// Stamps a large file by size and mtime only (its "hash" is those two), for the `brief`
/// executable: hashing megabytes on every build would cost more than the build.
pub fn stamp_metadata_only(path: &Path) -> std::io::Result<Stamp> {
    let meta = std::fs::metadata(path)?;
    let mtime_ns = mtime_ns(&meta);
    Ok(Stamp {
        path: path.to_path_buf(),
        size: meta.len(),
        mtime_ns,
        hash: format!("size {} mtime {mtime_ns}", meta.len()),
    })
}

/// Compares `stamp` with the file now; a file that is gone counts as changed.
pub fn freshness(stamp: &Stamp) -> Freshness {
    let Ok(meta) = std::fs::metadata(&stamp.path) else {
        return Freshness::Changed;
    };
    if meta.len() == stamp.size && mtime_ns(&meta) == stamp.mtime_ns {
        return Freshness::Same;
    }
    // a file of another size has other content: no need to read it (it may be a 50 MB source
    // the build is about to refuse by its size alone)
    if meta.is_file() && meta.len() != stamp.size {
        return Freshness::Changed;
    }
    match content_hash(&stamp.path, &meta) {
        Ok(h) if h == stamp.hash => Freshness::Touched,
        _ => Freshness::Changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touch_without_change_is_touched_edit_is_changed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "one").unwrap();
        let s = stamp(&p).unwrap();
        assert_eq!(freshness(&s), Freshness::Same);
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert_eq!(freshness(&s), Freshness::Touched);
        std::fs::write(&p, "two").unwrap();
        assert_eq!(freshness(&s), Freshness::Changed);
    }

    #[test]
    fn new_content_with_an_old_mtime_is_changed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "one").unwrap();
        let s = stamp(&p).unwrap();
        std::fs::write(&p, "uno").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert_eq!(freshness(&s), Freshness::Changed);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_replaced_by_a_device_is_changed_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "one").unwrap();
        let s = stamp(&p).unwrap();
        std::fs::remove_file(&p).unwrap();
        // reading /dev/zero would never end
        std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
        assert_eq!(freshness(&s), Freshness::Changed);
        assert!(stamp(&p).is_err());
    }

    #[test]
    fn folder_hash_follows_its_entries() {
        let dir = tempfile::tempdir().unwrap();
        let s = stamp(dir.path()).unwrap();
        std::fs::write(dir.path().join("new.md.hbs"), "x").unwrap();
        assert_eq!(freshness(&s), Freshness::Changed);
    }
}
