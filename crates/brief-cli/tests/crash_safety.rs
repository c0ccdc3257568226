//! Crash safety: `brief build` and `brief schedule` killed with SIGKILL at pseudo-random
//! moments. Every output must be a whole old file or a whole new one, state files must
//! always parse, and the next run must clean up and produce the right outputs.

mod common;
#[path = "common/http.rs"]
#[allow(dead_code)] // each test binary uses a different part of it
mod http;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Scratch;

const SOURCE: &str = "sources/reservoir-levels.txt";
const TEMP_PREFIX: &str = ".brief-tmp-";
/// Holds each write open (temporary file written, not yet renamed) so kills land mid-write.
const WRITE_PAUSE_MS: u64 = 40;

/// A small deterministic generator, so a failing run can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound.max(1)
    }
}

/// Relative path → bytes of every file under `dir`.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::snapshot_tree(dir)
        .into_iter()
        .map(|(p, bytes)| {
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (rel, bytes)
        })
        .collect()
}

fn temps_under(dir: &Path) -> Vec<String> {
    files(dir)
        .into_keys()
        .filter(|rel| {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            name.starts_with(TEMP_PREFIX) || name.contains(".tmp-")
        })
        .collect()
}

fn build_args(brief: &Path, force: bool) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec!["build".into(), brief.into()];
    args.extend(["--format".into(), "md,json,pdf".into()]);
    if force {
        args.push("--force".into());
    }
    args
}

/// The outputs a clean build gives for `source`.
fn reference_outputs(scratch: &Scratch, name: &str, source: &str) -> BTreeMap<String, Vec<u8>> {
    // same folder name as the brief under test, since outputs are named after it
    let brief = scratch.path().join(name).join("basic");
    common::copy_dir(&common::fixtures_root().join("briefs/basic"), &brief);
    std::fs::write(brief.join(SOURCE), source).unwrap();
    scratch
        .brief()
        .args(build_args(&brief, false))
        .run()
        .success();
    files(&brief.join("out"))
}

#[test]
fn killed_builds_leave_whole_outputs_and_the_next_build_repairs() {
    let scratch = Scratch::new();
    let original =
        std::fs::read_to_string(common::fixtures_root().join("briefs/basic").join(SOURCE)).unwrap();
    // changes a key point, a risk and the text, so every output differs between versions
    let changed = format!(
        "{}\nOfficials now warn that the valley could run out of drinking water by March, \
         forcing emergency imports by truck.\n",
        original.replace("31 percent", "29 percent")
    );
    let versions = [original.clone(), changed];
    let refs = [
        reference_outputs(&scratch, "ref-a", &versions[0]),
        reference_outputs(&scratch, "ref-b", &versions[1]),
    ];
    for rel in ["basic.md", "basic.json", "basic.pdf"] {
        assert_ne!(
            refs[0][rel], refs[1][rel],
            "{rel} must differ between the versions"
        );
    }

    let brief = scratch.fixture("basic");
    // how long a forced build takes here decides where the kills land
    let start = Instant::now();
    scratch
        .brief()
        .args(build_args(&brief, true))
        .env("BRIEF_WRITE_PAUSE_MS", WRITE_PAUSE_MS.to_string())
        .run()
        .success();
    let build_ms = start.elapsed().as_millis() as u64;

    let mut rng = Lcg(0x5eed);
    let runs = 40;
    for run in 0..runs {
        let version = run % 2;
        std::fs::write(brief.join(SOURCE), &versions[version]).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(build_args(&brief, true))
            .current_dir(scratch.path())
            .env("BRIEF_PLUGIN_DIR", scratch.path().join(".no-user-plugins"))
            .env("BRIEF_WRITE_PAUSE_MS", WRITE_PAUSE_MS.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let delay = rng.next_below(build_ms * 6 / 5 + 1);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();

        let now = files(&brief.join("out"));
        let new = now
            .iter()
            .filter(|(r, b)| refs[version].get(*r) == Some(b))
            .count();
        // visible with --nocapture: how often the kills land mid-write
        eprintln!(
            "run {run}: killed after {delay} of {build_ms} ms; {new}/{} files of the new version",
            now.len()
        );
        for (rel, bytes) in files(&brief.join("out")) {
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            if name.starts_with(TEMP_PREFIX) {
                eprintln!("run {run}: stranded {rel}");
                continue; // a kill can always strand one; the next build removes it
            }
            let whole = refs.iter().any(|r| r.get(&rel) == Some(&bytes));
            assert!(
                whole,
                "run {run}: {rel} is neither the old nor the new file"
            );
        }
        for state in ["state.json"] {
            if let Ok(bytes) = std::fs::read(brief.join(".brief").join(state)) {
                assert!(
                    serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                    "run {run}: torn {state}"
                );
            }
        }
        if run % 5 == 4 {
            // a plain build after a kill must not trust what the killed build left
            scratch
                .brief()
                .args(build_args(&brief, false))
                .run()
                .success();
            assert_eq!(files(&brief.join("out")), refs[version], "run {run}");
            assert_eq!(temps_under(&brief.join("out")), Vec::<String>::new());
            assert_eq!(temps_under(&brief.join(".brief")), Vec::<String>::new());
        }
    }
}

fn feed(text: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Board</title>\
         <item><guid>b-1</guid><title>Canal levels</title><description>{text}</description>\
         </item></channel></rss>"
    )
}

fn spawn_schedule(scratch: &Scratch, brief: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["schedule".as_ref(), brief.as_os_str()])
        .current_dir(scratch.path())
        .env("BRIEF_PLUGIN_DIR", scratch.path().join(".no-user-plugins"))
        .env("HTTP_PROXY", "")
        .env("http_proxy", "")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn killed_schedulers_leave_parseable_state_and_restart_cleanly() {
    let server = http::Server::start();
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    std::fs::write(
        brief.join("brief.toml"),
        format!(
            "{toml}\n[schedule]\nevery = \"1s\"\n\n[[sources]]\nid = \"board\"\nfeed = \"{}\"\n",
            server.url("/feed.xml")
        ),
    )
    .unwrap();
    let mut rng = Lcg(0xfeed);
    for run in 0..12 {
        // the feed changes now and then, so some passes fetch and rebuild
        let text = format!(
            "The board said canal levels could fall further in week {}.",
            run / 3
        );
        server.serve_with_etag("/feed.xml", "application/rss+xml", &feed(&text));
        let mut child = spawn_schedule(&scratch, &brief);
        std::thread::sleep(Duration::from_millis(200 + rng.next_below(1800)));
        let _ = child.kill();
        let _ = child.wait();
        for state in ["schedule.json", "sources/fetch-state.json", "state.json"] {
            if let Ok(bytes) = std::fs::read(brief.join(".brief").join(state)) {
                assert!(
                    serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                    "run {run}: torn {state}"
                );
            }
        }
    }
    // a restarted scheduler is not refused by a stale lock, and cleans up after the dead ones
    std::thread::sleep(Duration::from_millis(1100));
    scratch
        .brief()
        .args(["schedule".as_ref(), "--once".as_ref(), brief.as_os_str()])
        .env("HTTP_PROXY", "")
        .run()
        .success();
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    assert_eq!(temps_under(&brief.join(".brief")), Vec::<String>::new());
    assert_eq!(temps_under(&brief.join("out")), Vec::<String>::new());
    let md = std::fs::read_to_string(brief.join("out/basic.md")).unwrap();
    assert!(md.contains("Canal levels"), "{md}");
}
