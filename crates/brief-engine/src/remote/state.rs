//! The fetch state of a brief's remote sources (validators, backoff, retirement), saved
//! crash-safely next to the cache and guarded by a lock while a process fetches.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use brief_fetch::SourceState;

use crate::incremental::STATE_DIR;
use crate::write::write_durable;
use crate::{BriefLocation, EngineError};

/// `.brief/sources/fetch-state.json`.
pub fn fetch_state_path(location: &BriefLocation) -> PathBuf {
    location
        .dir
        .join(STATE_DIR)
        .join("sources")
        .join("fetch-state.json")
}

/// Per-source fetch states keyed by the URL written in brief.toml (not the current URL,
/// which a permanent redirect changes), with the lock that lets one process fetch at a time.
#[derive(Debug)]
pub struct FetchStates {
    path: PathBuf,
    pub sources: BTreeMap<String, SourceState>,
    _lock: File,
}

impl FetchStates {
    /// Takes the fetch lock and reads the states. A second process fetching the same brief
    /// is refused with a clear message rather than left to race on the state file.
    pub fn open(location: &BriefLocation) -> Result<Self, EngineError> {
        let path = fetch_state_path(location);
        let dir = path.parent().unwrap_or(Path::new("."));
        let io = |p: &Path| {
            let p = p.display().to_string();
            move |cause| EngineError::Io { path: p, cause }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let lock_path = dir.join("fetch.lock");
        if let Ok(meta) = std::fs::symlink_metadata(&lock_path)
            && !meta.is_file()
        {
            return Err(brief_fs::FsError::new(
                &lock_path,
                std::io::ErrorKind::InvalidInput,
                format!(
                    "lock file is {}, not a regular file; remove it",
                    brief_fs::file_kind(&meta.file_type())
                ),
            )
            .into());
        }
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        if lock.try_lock().is_err() {
            return Err(EngineError::Usage(format!(
                "{}: another brief process is fetching this brief's sources; try again when it finishes",
                lock_path.display()
            )));
        }
        // holding the lock, this process is the only one writing here: temporary files of
        // writers that are gone are what a killed fetch left behind
        crate::write::remove_stale_temps(dir);
        let sources = match brief_fs::read_regular(&path, "fetch state", brief_fs::Limit::STATE) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| EngineError::Io {
                path: path.display().to_string(),
                cause: std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("corrupt fetch state ({e}); delete it to fetch every source afresh"),
                ),
            })?,
            Err(e) if e.is_not_found() => BTreeMap::new(),
            Err(e) => return Err(e.into()),
        };
        Ok(FetchStates {
            path,
            sources,
            _lock: lock,
        })
    }

    /// Reads the states without locking, for reporting (e.g. why a source has no copy).
    pub fn peek(location: &BriefLocation) -> BTreeMap<String, SourceState> {
        brief_fs::read_regular(
            &fetch_state_path(location),
            "fetch state",
            brief_fs::Limit::STATE,
        )
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
    }

    /// Saves durably: a crash leaves the old file or the new one.
    pub fn save(&self) -> Result<(), EngineError> {
        let mut json = serde_json::to_vec_pretty(&self.sources).expect("states serialise");
        json.push(b'\n');
        write_durable(&self.path, &json)
    }
}
