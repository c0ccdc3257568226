//! Fluent helpers for running `brief` against fixture briefs in a scratch folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace's top-level `tests/` folder.
pub fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

/// Names of the fixture briefs under tests/briefs/, sorted.
pub fn fixture_briefs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_root().join("briefs"))
        .expect("tests/briefs exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("brief.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() == "expected" || entry.file_name() == "out" {
                continue;
            }
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A scratch folder holding copies of fixture briefs.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Copies tests/briefs/NAME into the scratch folder and returns its path.
    pub fn fixture(&self, name: &str) -> PathBuf {
        let to = self.dir.path().join(name);
        copy_dir(&fixtures_root().join("briefs").join(name), &to);
        to
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    pub fn brief(&self) -> Run {
        Run::new(self.dir.path())
    }
}

/// One `brief` invocation, built up fluently.
pub struct Run {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

impl Run {
    pub fn new(cwd: &Path) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
        cmd.current_dir(cwd);
        // keep the developer's own plugin folder out of the tests
        cmd.env("BRIEF_PLUGIN_DIR", cwd.join(".no-user-plugins"));
        Self { cmd, stdin: None }
    }

    /// Bytes to feed the command on stdin (otherwise stdin is empty).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    pub fn run(mut self) -> Outcome {
        use std::io::Write;
        use std::process::Stdio;
        self.cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("brief runs");
        let input = self.stdin.take().unwrap_or_default();
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // written from another thread, so a large input cannot deadlock against full output pipes
        let writer = std::thread::spawn(move || pipe.write_all(&input));
        let out = child.wait_with_output().expect("brief runs");
        // a command that exits without reading stdin closes the pipe; that is not our failure
        let _ = writer.join();
        Outcome {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    #[track_caller]
    pub fn success(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success, got {}: {}",
            self.code, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn failure(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "expected exit {code}: stdout {} stderr {}",
            self.stdout, self.stderr
        );
        self
    }

    /// The first `error:` line, asserting it is one line that contains every `needle`.
    #[track_caller]
    pub fn error_line_contains(self, needles: &[&str]) -> Self {
        let line = self
            .stderr
            .lines()
            .find(|l| l.starts_with("error:"))
            .unwrap_or_else(|| panic!("no error line in {:?}", self.stderr))
            .to_string();
        for n in needles {
            assert!(line.contains(n), "error line {line:?} lacks {n:?}");
        }
        self
    }

    #[track_caller]
    pub fn stderr_contains(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "stderr {:?} lacks {needle:?}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_contains(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "stdout {:?} lacks {needle:?}",
            self.stdout
        );
        self
    }
}

/// Every file under `dir` with its bytes, sorted by path: to compare a folder before and after.
pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    if !dir.exists() {
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Builds a plugin crate with cargo, offline, into a target folder shared by all tests, and
/// returns the path of its shared library. Builds are serialised: cargo would wait anyway.
pub fn build_plugin_crate(dir: &Path, lib_name: &str) -> PathBuf {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/plugin-tests");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["build", "--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "building {} failed: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let file = if cfg!(target_os = "macos") {
        format!("lib{lib_name}.dylib")
    } else {
        format!("lib{lib_name}.so")
    };
    target.join("debug").join(file)
}

/// Every edition `brief history` can list is whole: its manifest parses and each output it
/// names is there with the hash it records. Returns how many there are.
pub fn check_editions(brief: &Path, context: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(brief.join(".brief/editions")) else {
        return 0;
    };
    let mut listed = 0;
    for entry in entries.flatten() {
        let Ok(bytes) = std::fs::read(entry.path().join("manifest.json")) else {
            continue; // not listed: a killed build was recording it
        };
        let manifest: serde_json::Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("{context}: torn edition manifest {:?}: {e}", entry.path()));
        for output in manifest["outputs"].as_array().unwrap() {
            let rel = output["path"].as_str().unwrap();
            let file = entry.path().join("files").join(rel);
            let bytes = std::fs::read(&file)
                .unwrap_or_else(|e| panic!("{context}: listed edition lacks {file:?}: {e}"));
            assert_eq!(
                blake3::hash(&bytes).to_hex().as_str(),
                output["hash"].as_str().unwrap(),
                "{context}: {file:?} is not the file its edition recorded"
            );
        }
        listed += 1;
    }
    listed
}
