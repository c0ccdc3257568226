//! One case of the bad-input corpus: what `tests/bad-input/<name>/case.toml` says, and how
//! it is laid over a copy of a good brief. The format is described in tests/bad-input/README.md.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What the build must do once the case is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// Refused: one `error:` line, and the previous outputs untouched.
    Error,
    /// Built, with a `warning:` line.
    Warning,
    /// Built, no error (the input is odd but acceptable).
    Ok,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// One sentence: what is wrong with the input.
    pub about: String,
    pub expect: Expect,
    pub expect_exit: i32,
    /// Substrings of the one expected `error:` (or `warning:`) line.
    #[serde(default)]
    pub expect_stderr: Vec<String>,
    /// Substrings the Markdown output must hold after a successful build (e.g. text from a
    /// source that had to be read through a link).
    #[serde(default)]
    pub expect_markdown: Vec<String>,
    /// The file the error line must name first (the end of its path), e.g. `brief.toml`.
    #[serde(default)]
    pub error_file: Option<String>,
    /// The good brief under tests/briefs/ the case starts from.
    #[serde(default = "default_base")]
    pub base: String,
    /// The build is killed and the case fails after this long: bad input must never hang.
    #[serde(default = "default_max_seconds")]
    pub max_seconds: u64,
    #[serde(default)]
    pub brief_toml: TomlEdit,
    /// Text files written over the base, by path relative to the brief folder. A path may
    /// start with `../` to put a file outside the brief folder.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    /// Files removed from the base.
    #[serde(default)]
    pub remove: Vec<String>,
    /// Files made by the runner: big, binary, oddly encoded, links, FIFOs, libraries.
    #[serde(default)]
    pub generate: Vec<Generate>,
    /// Environment of the second build (e.g. to make the test plugin misbehave).
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Answers of the local HTTP server, for remote sources.
    #[serde(default)]
    pub serve: Vec<Serve>,
    /// The command of the second run, placeholders filled (default `build {brief}`): for
    /// cases about another subcommand or a flag.
    #[serde(default = "default_args")]
    pub args: Vec<String>,
    /// Substrings stdout must hold (cases that succeed).
    #[serde(default)]
    pub expect_stdout: Vec<String>,
}

fn default_args() -> Vec<String> {
    vec!["build".into(), "{brief}".into()]
}

fn default_base() -> String {
    "basic".into()
}

fn default_max_seconds() -> u64 {
    30
}

/// Changes to the base's brief.toml, applied in this order: `whole`, `replace`, `prepend`,
/// `append`. Placeholders (`{server}`, `{misbehave}`) are filled in afterwards.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TomlEdit {
    pub whole: Option<String>,
    /// `[from, to]` pairs; each `from` must occur in the file.
    #[serde(default)]
    pub replace: Vec<[String; 2]>,
    pub prepend: Option<String>,
    pub append: Option<String>,
}

/// Content described rather than committed. `kind` says which fields apply:
///
/// - `escaped`: `text` with `\xHH`, `\n`, `\r`, `\t` and `\\` turned into bytes;
/// - `repeat`: `text` repeated and cut to exactly `bytes` bytes;
/// - `random`: `bytes` pseudo-random bytes from `seed` (the same every run);
/// - `utf16`: `text` as UTF-16, `endian` "le" or "be", with a byte-order mark if `bom`;
/// - `latin1`: `text` in ISO-8859-1 (every character must be below U+0100);
/// - `nested`: `before`, then `open` `depth` times, `inner`, `close` `depth` times, `after`;
/// - `symlink`: a symbolic link to `target` (files only);
/// - `fifo`: a named pipe (files only);
/// - `c-library`: `text` compiled as C into a shared library (files only; the case is
///   skipped when there is no C compiler).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generate {
    /// Where, relative to the brief folder (unused for a served body).
    pub file: Option<String>,
    pub kind: String,
    pub text: Option<String>,
    pub bytes: Option<u64>,
    pub seed: Option<u64>,
    pub endian: Option<String>,
    #[serde(default)]
    pub bom: bool,
    pub open: Option<String>,
    pub close: Option<String>,
    pub depth: Option<usize>,
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    pub inner: String,
    #[serde(default)]
    pub after: String,
    pub target: Option<String>,
}

/// One route of the test server. The path is served under `/<case name>`, which is what
/// `{server}` stands for, so cases cannot see each other's routes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Serve {
    pub path: String,
    #[serde(default = "default_status")]
    pub status: u16,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    pub body: Option<String>,
    /// A generated body instead of `body`.
    pub generate: Option<Generate>,
}

fn default_status() -> u16 {
    200
}

/// Values the placeholders in a case stand for.
pub struct Placeholders {
    pub server: String,
    /// The same address by the name `localhost`, which brief must resolve to check.
    pub server_by_name: String,
    /// Path of the test plugin library, built only for cases that use `{misbehave}`.
    pub misbehave: Option<PathBuf>,
    /// The scratch folder the brief sits in.
    pub root: PathBuf,
    /// The brief's folder name (relative to `root`, where brief runs).
    pub brief: String,
}

impl Placeholders {
    pub fn fill(&self, text: &str) -> String {
        let mut text = text
            .replace("{server}", &self.server)
            .replace("{server_by_name}", &self.server_by_name)
            .replace("{root}", &self.root.display().to_string())
            .replace("{brief}", &self.brief);
        if let Some(lib) = &self.misbehave {
            text = text.replace("{misbehave}", &lib.display().to_string());
        }
        text
    }
}

impl Case {
    pub fn uses_misbehave(&self) -> bool {
        let edit = &self.brief_toml;
        [&edit.whole, &edit.prepend, &edit.append]
            .into_iter()
            .flatten()
            .chain(edit.replace.iter().map(|[_, to]| to))
            .chain(self.generate.iter().filter_map(|g| g.target.as_ref()))
            .any(|t| t.contains("{misbehave}"))
    }

    /// Lays the case over the brief in `dir`. `Ok(Some(reason))` means the case cannot run
    /// here (e.g. no C compiler) and is skipped.
    pub fn apply(&self, dir: &Path, fill: &Placeholders) -> Result<Option<String>, String> {
        let toml_path = dir.join("brief.toml");
        let edit = &self.brief_toml;
        let mut toml = match &edit.whole {
            Some(whole) => whole.clone(),
            None => std::fs::read_to_string(&toml_path).map_err(|e| e.to_string())?,
        };
        for [from, to] in &edit.replace {
            if !toml.contains(from.as_str()) {
                return Err(format!("brief_toml.replace: {from:?} is not in brief.toml"));
            }
            toml = toml.replacen(from.as_str(), to, 1);
        }
        if let Some(prepend) = &edit.prepend {
            toml = format!("{prepend}{toml}");
        }
        if let Some(append) = &edit.append {
            toml = format!("{}\n{append}", toml.trim_end());
        }
        write(&toml_path, fill.fill(&toml).as_bytes())?;
        for rel in &self.remove {
            std::fs::remove_file(dir.join(rel)).map_err(|e| format!("remove {rel}: {e}"))?;
        }
        for (rel, text) in &self.files {
            write(&dir.join(rel), fill.fill(text).as_bytes())?;
        }
        for g in &self.generate {
            let rel = g
                .file
                .as_deref()
                .ok_or("a [[generate]] entry needs `file`")?;
            let path = dir.join(rel);
            match path.symlink_metadata() {
                Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(&path),
                Ok(_) => std::fs::remove_file(&path),
                Err(_) => Ok(()),
            }
            .map_err(|e| format!("replace {rel}: {e}"))?;
            if let Some(skip) = g.make_file(&path, fill)? {
                return Ok(Some(skip));
            }
        }
        Ok(None)
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

impl Generate {
    /// Makes the file at `path`; `Some(reason)` when it cannot be made on this machine.
    fn make_file(&self, path: &Path, fill: &Placeholders) -> Result<Option<String>, String> {
        match self.kind.as_str() {
            "symlink" => {
                let target = fill.fill(self.target.as_deref().ok_or("symlink needs `target`")?);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                if let Some(skip) = symlink(&target, path)? {
                    return Ok(Some(skip));
                }
            }
            "fifo" => {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                let made = std::process::Command::new("mkfifo").arg(path).status();
                if !made.is_ok_and(|s| s.success()) {
                    return Ok(Some("cannot make a FIFO (no mkfifo)".into()));
                }
            }
            "c-library" => {
                let c = path.with_extension("c");
                write(&c, self.need_text()?.as_bytes())?;
                let built = std::process::Command::new("cc")
                    .args(["-shared", "-fPIC", "-o"])
                    .arg(path)
                    .arg(&c)
                    .status();
                if !built.is_ok_and(|s| s.success()) {
                    return Ok(Some("no C compiler".into()));
                }
            }
            _ => write(path, &self.bytes()?)?,
        }
        Ok(None)
    }

    fn need_text(&self) -> Result<&str, String> {
        self.text
            .as_deref()
            .ok_or_else(|| format!("kind `{}` needs `text`", self.kind))
    }

    fn need_bytes(&self) -> Result<u64, String> {
        self.bytes
            .ok_or_else(|| format!("kind `{}` needs `bytes`", self.kind))
    }

    /// The generated content.
    pub fn bytes(&self) -> Result<Vec<u8>, String> {
        Ok(match self.kind.as_str() {
            "escaped" => unescape(self.need_text()?)?,
            "repeat" => {
                let unit = self.need_text()?.as_bytes();
                if unit.is_empty() {
                    return Err("repeat needs a non-empty `text`".into());
                }
                unit.iter()
                    .copied()
                    .cycle()
                    .take(self.need_bytes()? as usize)
                    .collect()
            }
            "random" => {
                // xorshift: the same bytes on every machine and run, no dependency needed
                let mut state = self.seed.unwrap_or(1).max(1);
                (0..self.need_bytes()?)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        (state >> 24) as u8
                    })
                    .collect()
            }
            "utf16" => {
                let big = match self.endian.as_deref() {
                    Some("le") => false,
                    Some("be") => true,
                    other => return Err(format!("utf16 `endian` must be le or be, not {other:?}")),
                };
                let bom = self.bom.then_some(0xFEFF);
                bom.into_iter()
                    .chain(self.need_text()?.encode_utf16())
                    .flat_map(|u| {
                        if big {
                            u.to_be_bytes()
                        } else {
                            u.to_le_bytes()
                        }
                    })
                    .collect()
            }
            "latin1" => self
                .need_text()?
                .chars()
                .map(|c| u8::try_from(u32::from(c)).map_err(|_| format!("{c:?} is not Latin-1")))
                .collect::<Result<_, _>>()?,
            "nested" => {
                let depth = self.depth.ok_or("nested needs `depth`")?;
                let open = self.open.as_deref().ok_or("nested needs `open`")?;
                let close = self.close.as_deref().unwrap_or("");
                let mut out = self.before.clone();
                out.push_str(&open.repeat(depth));
                out.push_str(&self.inner);
                out.push_str(&close.repeat(depth));
                out.push_str(&self.after);
                out.into_bytes()
            }
            other => return Err(format!("unknown generate kind `{other}`")),
        })
    }
}

/// `\xHH`, `\n`, `\r`, `\t`, `\\` → bytes; everything else as UTF-8.
fn unescape(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next() {
            Some('n') => out.push(b'\n'),
            Some('r') => out.push(b'\r'),
            Some('t') => out.push(b'\t'),
            Some('\\') => out.push(b'\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(u8::from_str_radix(&hex, 16).map_err(|_| format!("bad \\x{hex}"))?);
            }
            other => return Err(format!("unknown escape \\{}", other.unwrap_or(' '))),
        }
    }
    Ok(out)
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) -> Result<Option<String>, String> {
    std::os::unix::fs::symlink(target, link)
        .map(|()| None)
        .map_err(|e| format!("{}: {e}", link.display()))
}

#[cfg(not(unix))]
fn symlink(_: &str, _: &Path) -> Result<Option<String>, String> {
    Ok(Some("symbolic links are only tested on Unix".into()))
}
