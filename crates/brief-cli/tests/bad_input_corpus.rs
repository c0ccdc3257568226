//! The bad-input corpus, tests/bad-input/<case>/case.toml (see the README there).
//!
//! Each case starts from a copy of a good brief, built once; the case is laid over it and
//! brief runs again (`build`, or the case's own `args`). The second run must exit as the case
//! says, print exactly one `error:` line naming the file and the cause (or the expected
//! `warning:`), never hang, never panic or die by a signal, never print a control character,
//! and change nothing outside the brief's out/ and .brief/ folders; when it fails, it must
//! change nothing at all (the brief's fetch state aside). Every case runs even when some
//! fail, and the failure lists all of them.

#[path = "bad_input_corpus/case.rs"]
mod case;
mod common;
#[path = "common/http.rs"]
#[allow(dead_code)] // shared with remote_sources.rs, which uses all of it
mod http;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use case::{Case, Expect, Placeholders};
use common::{build_plugin_crate, copy_dir, fixtures_root};
use http::{Reply, Server};

/// Fewer cases than this means the corpus lost some (73 from the hardening issue, and the
/// adversarial review's cases after it).
const MIN_CASES: usize = 130;

fn corpus_dir() -> PathBuf {
    fixtures_root().join("bad-input")
}

/// Every case folder, sorted by name, with its parsed case.toml or why it does not parse.
fn load_cases() -> Vec<(String, Result<Case, String>)> {
    let mut cases: Vec<(String, Result<Case, String>)> = std::fs::read_dir(corpus_dir())
        .expect("tests/bad-input exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("case.toml").is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let parsed = std::fs::read_to_string(e.path().join("case.toml"))
                .map_err(|e| e.to_string())
                .and_then(|text| toml::from_str::<Case>(&text).map_err(|e| e.to_string()))
                .map_err(|e| format!("case.toml: {}", one_line(&e)));
            (name, parsed)
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The test plugin that misbehaves on request, built once for the cases that name it.
fn misbehave_library() -> Result<PathBuf, String> {
    static LIB: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    LIB.get_or_init(|| {
        std::panic::catch_unwind(|| {
            build_plugin_crate(
                &fixtures_root().join("plugins/misbehave"),
                "brief_plugin_misbehave",
            )
        })
        .map_err(|_| "building tests/plugins/misbehave failed".to_string())
    })
    .clone()
}

/// What one `brief build` did.
struct Ran {
    code: i32,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `brief ARGS` in `root`, killing it after `limit`: bad input must never hang.
fn run_brief(
    root: &Path,
    args: &[String],
    env: &BTreeMap<String, String>,
    limit: Duration,
) -> Result<Ran, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.current_dir(root)
        .args(args)
        .env("BRIEF_PLUGIN_DIR", root.join(".no-user-plugins"))
        // a panic must show as exit 101 and one message, not a backtrace
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // the local test server must be reached directly
    for proxy in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
    ] {
        cmd.env(proxy, "");
    }
    cmd.envs(env);
    let mut child = cmd.spawn().map_err(|e| format!("cannot run brief: {e}"))?;
    // drained on their own threads, so a chatty build cannot stall on a full pipe
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "`brief {}` still running after {limit:?}; killed it",
                    args.join(" ")
                ));
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Ok(Ran {
        code: status.code().unwrap_or(-1),
        signal,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// One entry of a folder snapshot. Special files are recorded by kind, never read: reading a
/// FIFO would block the test itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    File(Vec<u8>),
    Link(PathBuf),
    Special,
}

/// Every file under `dir` (links as their targets), by path relative to `dir`, except those
/// `skip` names.
fn snapshot(dir: &Path, skip: &dyn Fn(&Path) -> bool) -> BTreeMap<PathBuf, Entry> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
            if skip(&rel) {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let item = if kind.is_symlink() {
                Entry::Link(std::fs::read_link(&path).unwrap_or_default())
            } else if kind.is_dir() {
                stack.push(path);
                continue;
            } else if kind.is_file() {
                Entry::File(std::fs::read(&path).unwrap_or_default())
            } else {
                Entry::Special
            };
            files.insert(rel, item);
        }
    }
    files
}

/// Which files differ between two snapshots.
fn differences(before: &BTreeMap<PathBuf, Entry>, after: &BTreeMap<PathBuf, Entry>) -> Vec<String> {
    let mut changed = Vec::new();
    for (path, entry) in before {
        match after.get(path) {
            None => changed.push(format!("{} removed", path.display())),
            Some(now) if now != entry => changed.push(format!("{} changed", path.display())),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        changed.push(format!("{} added", path.display()));
    }
    changed
}

/// The path an error line names first: `error: PATH[:line[:col]]: cause`.
fn named_file(line: &str) -> &str {
    let rest = line.strip_prefix("error: ").unwrap_or(line);
    let mut head = rest.split(": ").next().unwrap_or(rest);
    while let Some((path, number)) = head.rsplit_once(':') {
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        head = path;
    }
    head
}

/// Where a run may write: a refused run nowhere (the brief's fetch state aside, which records
/// why a fetch failed), a successful one in the brief's out/ and .brief/ only.
fn may_change(case: &Case, refused: bool) -> impl Fn(&Path) -> bool {
    let brief = PathBuf::from(&case.base);
    move |rel: &Path| {
        let Ok(inside) = rel.strip_prefix(&brief) else {
            return false;
        };
        if refused {
            inside.starts_with(".brief/sources") || inside == Path::new(".brief/build.lock")
        } else {
            inside.starts_with("out") || inside.starts_with(".brief")
        }
    }
}

/// What is wrong with the second run, judged against the case. `laid` is the whole scratch
/// folder once the case was laid over the brief, `root` that folder now.
fn judge(
    case: &Case,
    fill: &Placeholders,
    ran: &Ran,
    laid: &BTreeMap<PathBuf, Entry>,
    root: &Path,
) -> Vec<String> {
    let mut problems = Vec::new();
    if ran.code == 101 {
        problems.push(format!("brief panicked (exit 101): {:?}", ran.stderr));
    }
    if let Some(signal) = ran.signal {
        problems.push(format!("brief was killed by signal {signal}"));
    }
    if ran.code != case.expect_exit {
        problems.push(format!("exit {} instead of {}", ran.code, case.expect_exit));
    }
    if ran.stderr.chars().any(|c| c.is_control() && c != '\n') {
        problems.push(format!(
            "stderr carries control characters: {:?}",
            ran.stderr
        ));
    }
    let lines: Vec<&str> = ran
        .stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    for line in &lines {
        if !["error: ", "warning: ", "note: "]
            .iter()
            .any(|p| line.starts_with(p))
        {
            problems.push(format!(
                "stray stderr line {line:?}: every message is one line"
            ));
        }
    }
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("error: "))
        .collect();
    let lacks = |line: &str| -> Vec<String> {
        case.expect_stderr
            .iter()
            .map(|n| fill.fill(n))
            .filter(|n| !line.contains(n.as_str()))
            .map(|n| format!("{n:?}"))
            .collect()
    };
    let refused = case.expect == Expect::Error;
    let skip = may_change(case, refused);
    let before: BTreeMap<PathBuf, Entry> = laid
        .iter()
        .filter(|(p, _)| !skip(p))
        .map(|(p, e)| (p.clone(), e.clone()))
        .collect();
    let after = snapshot(root, &skip);
    let changed = differences(&before, &after);
    for want in &case.expect_stdout {
        if !ran.stdout.contains(want.as_str()) {
            problems.push(format!("stdout {:?} lacks {want:?}", ran.stdout));
        }
    }
    match case.expect {
        Expect::Error => {
            // the error alone: a warning next to it would repeat or contradict it
            if errors.len() != 1 || lines.len() != 1 {
                problems.push(format!("stderr is not one error line: {lines:?}"));
            }
            if let Some(line) = errors.first() {
                let missing = lacks(line);
                if !missing.is_empty() {
                    problems.push(format!("error line {line:?} lacks {}", missing.join(", ")));
                }
                if let Some(file) = &case.error_file
                    && !named_file(line).ends_with(file.as_str())
                {
                    problems.push(format!(
                        "error line {line:?} does not start by naming {file}"
                    ));
                }
                let parts: Vec<&str> = line.split(": ").collect();
                if parts.windows(2).any(|w| w[0] == w[1]) {
                    problems.push(format!("error line {line:?} repeats its cause"));
                }
            }
            if !changed.is_empty() {
                problems.push(format!(
                    "the refused run changed files: {}",
                    changed.join(", ")
                ));
            }
        }
        Expect::Warning | Expect::Ok => {
            if !errors.is_empty() {
                problems.push(format!("unexpected error lines: {errors:?}"));
            }
            if !changed.is_empty() {
                problems.push(format!(
                    "the run changed files outside out/ and .brief/: {}",
                    changed.join(", ")
                ));
            }
            if case.expect == Expect::Warning {
                let found = lines
                    .iter()
                    .any(|l| l.starts_with("warning: ") && lacks(l).is_empty());
                if !found {
                    problems.push(format!(
                        "no warning line with all of {:?} in {:?}",
                        case.expect_stderr, ran.stderr
                    ));
                }
            } else {
                let missing = lacks(&ran.stderr);
                if !missing.is_empty() {
                    problems.push(format!(
                        "stderr {:?} lacks {}",
                        ran.stderr,
                        missing.join(", ")
                    ));
                }
            }
            if case.args.first().map(String::as_str) == Some("build") {
                let out = root.join(&case.base).join("out");
                let markdown = snapshot(&out, &|_| false)
                    .into_iter()
                    .find_map(|(p, e)| match e {
                        Entry::File(bytes) if p.extension().is_some_and(|x| x == "md") => {
                            Some(String::from_utf8_lossy(&bytes).into_owned())
                        }
                        _ => None,
                    });
                match markdown {
                    None => problems.push("no Markdown output after a successful build".into()),
                    Some(md) => {
                        for want in case
                            .expect_markdown
                            .iter()
                            .filter(|w| !md.contains(w.as_str()))
                        {
                            problems.push(format!("the Markdown output lacks {want:?}"));
                        }
                    }
                }
                if !ran.stdout.contains("built ") {
                    problems.push(format!("stdout {:?} does not report a build", ran.stdout));
                }
            }
        }
    }
    problems
}

/// Checks that the case itself says enough to be a useful test.
fn lint(case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    if case.about.trim().is_empty() || case.about.trim_end().contains('\n') {
        problems.push("case.toml: `about` must be one sentence".into());
    }
    match case.expect {
        Expect::Error => {
            if case.expect_exit == 0 {
                problems.push("case.toml: an error case must expect a non-zero exit".into());
            }
            // a usage error (exit 2) is about the command line, which names no file
            if (case.error_file.is_none() && case.expect_exit != 2) || case.expect_stderr.is_empty()
            {
                problems
                    .push("case.toml: an error case names `error_file` and `expect_stderr`".into());
            }
        }
        Expect::Warning if case.expect_stderr.is_empty() => {
            problems.push("case.toml: a warning case needs `expect_stderr`".into());
        }
        _ if case.expect_exit != 0 => {
            problems.push("case.toml: a case that builds must expect exit 0".into());
        }
        _ => {}
    }
    problems
}

enum Verdict {
    Passed(String),
    Skipped(String),
}

/// A case's verdict, or everything wrong with it.
type CaseResult = Result<Verdict, Vec<String>>;

fn run_case(name: &str, case: &Case, server: &Server) -> CaseResult {
    let problems = lint(case);
    if !problems.is_empty() {
        return Err(problems);
    }
    let misbehave = if case.uses_misbehave() {
        Some(misbehave_library().map_err(|e| vec![e])?)
    } else {
        None
    };
    let root = tempfile::tempdir().map_err(|e| vec![e.to_string()])?;
    let fill = Placeholders {
        server: server.url(&format!("/{name}")),
        server_by_name: server
            .url(&format!("/{name}"))
            .replacen("127.0.0.1", "localhost", 1),
        misbehave,
        root: root.path().to_path_buf(),
        brief: case.base.clone(),
    };
    for s in &case.serve {
        let mut reply = Reply::new(s.status);
        for (k, v) in &s.headers {
            reply = reply.header(k, &fill.fill(v));
        }
        reply.body = match (&s.body, &s.generate) {
            (Some(text), None) => fill.fill(text).into_bytes(),
            (None, Some(g)) => g
                .bytes()
                .map_err(|e| vec![format!("serve {}: {e}", s.path)])?,
            (None, None) => Vec::new(),
            (Some(_), Some(_)) => {
                return Err(vec![format!(
                    "serve {}: body or generate, not both",
                    s.path
                )]);
            }
        };
        server.route(&format!("/{name}{}", s.path), move |_| reply.clone());
    }

    let dir = root.path().join(&case.base);
    copy_dir(&fixtures_root().join("briefs").join(&case.base), &dir);
    let first = run_brief(
        root.path(),
        &["build".to_string(), case.base.clone()],
        &BTreeMap::new(),
        Duration::from_secs(60),
    )
    .map_err(|e| vec![e])?;
    if first.code != 0 {
        return Err(vec![format!(
            "the base brief `{}` does not build: {}",
            case.base, first.stderr
        )]);
    }
    if let Some(skip) = case.apply(&dir, &fill).map_err(|e| vec![e])? {
        return Ok(Verdict::Skipped(skip));
    }
    let laid = snapshot(root.path(), &|_| false);
    let args: Vec<String> = case.args.iter().map(|a| fill.fill(a)).collect();
    let env: BTreeMap<String, String> = case
        .env
        .iter()
        .map(|(k, v)| (k.clone(), fill.fill(v)))
        .collect();
    let started = Instant::now();
    let ran = run_brief(
        root.path(),
        &args,
        &env,
        Duration::from_secs(case.max_seconds),
    )
    .map_err(|e| vec![e])?;
    let elapsed = started.elapsed();
    let problems = judge(case, &fill, &ran, &laid, root.path());
    if !problems.is_empty() {
        return Err(problems);
    }
    let said = ran
        .stderr
        .lines()
        .find(|l| l.starts_with("error: "))
        .or_else(|| ran.stderr.lines().find(|l| l.starts_with("warning: ")))
        .unwrap_or("built");
    Ok(Verdict::Passed(format!(
        "exit {} in {} ms: {said}",
        ran.code,
        elapsed.as_millis()
    )))
}

#[test]
fn every_bad_input_case_ends_as_its_case_toml_says() {
    let cases = load_cases();
    assert!(
        cases.len() >= MIN_CASES,
        "only {} cases in tests/bad-input; the corpus keeps at least {MIN_CASES}",
        cases.len()
    );
    let server = Server::start();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, CaseResult)>> = Mutex::default();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some((name, case)) = cases.get(i) else {
                        break;
                    };
                    let verdict = match case {
                        Ok(case) => run_case(name, case, &server),
                        Err(e) => Err(vec![e.clone()]),
                    };
                    results.lock().unwrap().push((name.to_string(), verdict));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut failures = Vec::new();
    for (name, verdict) in &results {
        match verdict {
            Ok(Verdict::Passed(what)) => println!("ok      {name}: {what}"),
            Ok(Verdict::Skipped(why)) => println!("skipped {name}: {why}"),
            Err(problems) => {
                println!("FAILED  {name}");
                failures.push(format!("{name}:\n    {}", problems.join("\n    ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad-input cases failed:\n{}",
        failures.len(),
        results.len(),
        failures.join("\n")
    );
}
