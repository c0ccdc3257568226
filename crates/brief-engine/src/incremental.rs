//! Incremental builds: a brief is rebuilt only when something it read changed.
//!
//! After each build we save, in `BRIEF/.brief/state.json`, a stamp of every input (brief.toml,
//! sources, templates, plugin libraries, the `brief` executable itself) and of every output.
//! The next build first compares stamps; when all match it writes nothing. Inputs are stamped
//! again at the end of a build and compared with the bytes the build actually used, so an edit
//! made while a build runs forces another build instead of being recorded as seen.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::build::{BuildReport, Input, build_in_memory};
use crate::editions;
use crate::stamp::{Freshness, Stamp, freshness, stamp, stamp_metadata_only};
use crate::write::{stage_all, write_atomic};
use crate::{BriefLocation, BuildOptions, EngineError, PluginRegistry};

/// Folder, inside a brief, for the tool's own state. Watchers ignore it.
pub const STATE_DIR: &str = ".brief";

/// Bumped when the state layout changes; an old state just means one full rebuild.
const STATE_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuildState {
    pub version: u32,
    /// What was asked for: formats and output folder. Asking for something else rebuilds.
    pub request: String,
    pub inputs: Vec<Stamp>,
    pub outputs: Vec<Stamp>,
}

pub fn state_path(location: &BriefLocation) -> PathBuf {
    location.dir.join(STATE_DIR).join("state.json")
}

/// The state of the last build; `None` when there is none or it cannot be used (a corrupt or
/// older state just means one full rebuild). A state file that is not a regular file (a FIFO
/// would block) is an error naming it.
pub fn load_state(location: &BriefLocation) -> Result<Option<BuildState>, EngineError> {
    let path = state_path(location);
    let bytes = match brief_fs::read_regular(&path, "build state", brief_fs::Limit::STATE) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) if e.kind == std::io::ErrorKind::InvalidInput => return Err(e.into()),
        Err(_) => return Ok(None),
    };
    let state: Option<BuildState> = serde_json::from_slice(&bytes).ok();
    Ok(state.filter(|s| s.version == STATE_VERSION))
}

fn request_key(options: &BuildOptions) -> String {
    format!(
        "brief {} formats={:?} out={:?}",
        env!("CARGO_PKG_VERSION"),
        options.formats,
        options
            .out_dir
            .as_ref()
            .map(|p| p.canonicalize().unwrap_or_else(|_| p.clone()))
    )
}

/// True when every input and output still matches its stamp.
pub fn is_fresh(state: &BuildState) -> bool {
    state
        .inputs
        .iter()
        .chain(&state.outputs)
        .all(|s| freshness(s) != Freshness::Changed)
}

/// The executable counts as an input: a new `brief` may render differently.
fn executable() -> Option<PathBuf> {
    std::env::current_exe().ok()
}

/// How many times to rebuild when inputs keep changing during the build.
const MAX_ATTEMPTS: usize = 3;

pub fn build_if_changed(
    location: &BriefLocation,
    registry: &PluginRegistry,
    options: &BuildOptions,
) -> Result<BuildReport, EngineError> {
    let request = request_key(options);
    let previous = load_state(location)?;
    if !options.force
        && let Some(state) = previous
        && state.request == request
        && is_fresh(&state)
    {
        // a build killed while renaming an output whose bytes ended up unchanged leaves the
        // brief up to date and its temporary file behind in an output folder; a scheduler
        // killed mid-fetch leaves one under .brief/sources/ that no later build rewrites.
        // The output folders may be shared, so only they are searched shallowly; .brief/ is
        // ours and small (editions are capped), so all of it is searched
        let mut folders: Vec<&Path> = state
            .outputs
            .iter()
            .filter_map(|s| s.path.parent())
            .collect();
        folders.sort();
        folders.dedup();
        for folder in folders {
            crate::write::remove_stale_temps_here(folder);
        }
        crate::write::remove_stale_temps(&location.dir.join(STATE_DIR));
        return Ok(BuildReport {
            slug: location.slug(),
            outputs: state.outputs.iter().map(|s| s.path.clone()).collect(),
            warnings: Vec::new(),
            brief: None,
            inputs: Vec::new(),
            up_to_date: true,
            out_dir: PathBuf::new(),
            keep_editions: 0,
            edition: None,
        });
    }
    let mut last = None;
    for _ in 0..MAX_ATTEMPTS {
        let (mut report, files) = build_in_memory(location, registry, options)?;
        crate::write::remove_stale_temps(&report.out_dir);
        crate::write::remove_stale_temps(&location.dir.join(STATE_DIR));
        // every output is staged first; if one cannot be written (a full disk) the staged
        // ones are removed and the previous outputs stay, all of them
        let staged = stage_all(&files)?;
        match stamp_inputs(&report.inputs) {
            Some(mut inputs) => {
                if let Some(exe) = executable().and_then(|p| stamp_metadata_only(&p).ok()) {
                    inputs.push(exe);
                }
                let manifest_inputs = Input::file_hashes(&report.inputs);
                report.edition = editions::record(
                    location,
                    &report.out_dir,
                    &files,
                    manifest_inputs,
                    report.keep_editions,
                )?;
                staged.commit()?;
                let outputs = report
                    .outputs
                    .iter()
                    .filter_map(|p| stamp(p).ok())
                    .collect();
                save_state(
                    location,
                    &BuildState {
                        version: STATE_VERSION,
                        request: request.clone(),
                        inputs,
                        outputs,
                    },
                )?;
                return Ok(report);
            }
            None => {
                // an input changed while the build read it: these outputs are already stale
                staged.commit()?;
                last = Some(report);
            }
        }
    }
    // Inputs kept changing: the outputs are from the last attempt, and with no state saved the
    // next build starts afresh.
    let _ = std::fs::remove_file(state_path(location));
    Ok(last.expect("at least one attempt ran"))
}

/// Stamps inputs; `None` when one changed since the build read it.
fn stamp_inputs(inputs: &[Input]) -> Option<Vec<Stamp>> {
    let mut stamps = Vec::with_capacity(inputs.len());
    for input in inputs {
        let Ok(s) = stamp(&input.path) else {
            // a template subfolder that does not exist is fine; a vanished source is not
            if input.used_hash.is_some() {
                return None;
            }
            continue;
        };
        if input.used_hash.as_ref().is_some_and(|h| *h != s.hash) {
            return None;
        }
        stamps.push(s);
    }
    Some(stamps)
}

fn save_state(location: &BriefLocation, state: &BuildState) -> Result<(), EngineError> {
    let json = serde_json::to_vec_pretty(state).expect("state serialises");
    write_atomic(&state_path(location), &json)
}

/// Paths the last build read, for watching.
pub fn watched_inputs(location: &BriefLocation) -> Vec<PathBuf> {
    let mut paths = vec![location.toml.clone()];
    if let Ok(Some(state)) = load_state(location) {
        paths.extend(state.inputs.into_iter().map(|s| s.path));
    }
    paths.sort();
    paths.dedup();
    paths
}

/// True for paths inside a brief's state folder.
pub fn is_state_path(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == STATE_DIR)
}
