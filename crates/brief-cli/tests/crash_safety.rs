//! Crash safety: `brief build` and `brief schedule` killed with SIGKILL at pseudo-random
//! moments. Every output must be a whole old file or a whole new one, state files must
//! always parse, and the next run must clean up and produce the right outputs.

mod common;
#[path = "common/http.rs"]
#[allow(dead_code)] // each test binary uses a different part of it
mod http;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
    // kills that stranded a temporary file (the test means nothing without them), and kills
    // that left old and new outputs side by side
    let (mut plain_builds, mut mid_write, mut mixed) = (0, 0, 0);
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
        if let Ok(bytes) = std::fs::read(brief.join(".brief/state.json")) {
            assert!(
                serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                "run {run}: torn state.json"
            );
        }
        common::check_editions(&brief, &format!("run {run}"));
        let stranded =
            temps_under(&brief.join("out")).len() + temps_under(&brief.join(".brief")).len();
        mid_write += usize::from(stranded > 0);
        let of_version = |v: usize| {
            ["basic.md", "basic.json", "basic.pdf"]
                .iter()
                .any(|rel| now.get(*rel) == Some(&refs[v][*rel]))
        };
        mixed += usize::from(of_version(0) && of_version(1));
        // about one kill in three is followed by a plain build; the others pile up, so a kill
        // also lands on what an earlier kill left behind
        if rng.next_below(3) == 0 || run + 1 == runs {
            // a plain build after a kill must not trust what the killed build left
            scratch
                .brief()
                .args(build_args(&brief, false))
                .run()
                .success();
            plain_builds += 1;
            assert_eq!(files(&brief.join("out")), refs[version], "run {run}");
            assert_eq!(temps_under(&brief.join("out")), Vec::<String>::new());
            assert_eq!(temps_under(&brief.join(".brief")), Vec::<String>::new());
            // and it recorded what it did: the build after it has nothing to do
            let again = scratch
                .brief()
                .args(build_args(&brief, false))
                .run()
                .success();
            assert!(again.stdout.contains("up to date"), "run {run}: {again:?}");
        }
    }
    eprintln!(
        "{runs} kills over a {build_ms} ms build: {mid_write} mid-write, {mixed} with old and \
         new outputs side by side, {plain_builds} followed by a plain build"
    );
    assert!(plain_builds >= runs / 5, "{plain_builds} plain builds");
    assert!(mid_write > 0, "no kill landed among the writes");
    // history and diff read the editions the kills left
    assert!(common::check_editions(&brief, "end") >= 2);
    scratch
        .brief()
        .args(["history".as_ref(), brief.as_os_str()])
        .run()
        .success();
    scratch
        .brief()
        .args(["diff".as_ref(), brief.as_os_str()])
        .run()
        .success();
}

/// A fetch or build killed before renaming leaves a temporary file that no later write
/// replaces; a build with nothing to do must still remove it, and must leave alone the
/// temporary files of a writer that is still running.
#[cfg(target_os = "linux")]
#[test]
fn up_to_date_build_removes_temps_of_dead_writers_under_brief_state() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    // above the kernel's largest pid_max, so never a running process
    let dead = [
        brief.join(".brief/sources/board/.brief-tmp-4194305-a1"),
        brief.join(".brief/editions/0001/files/.brief-tmp-4194305-b2"),
        brief.join("out/.brief-tmp-4194305-c3"),
    ];
    let live = brief.join(format!(
        ".brief/sources/.brief-tmp-{}-d4",
        std::process::id()
    ));
    for f in dead.iter().chain([&live]) {
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, "half").unwrap();
    }
    let out = scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    assert!(out.stdout.contains("up to date"), "{out:?}");
    for f in &dead {
        assert!(!f.exists(), "{f:?} stayed");
    }
    assert!(
        live.exists(),
        "a running writer's temporary file was removed"
    );
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
        .env("BRIEF_WRITE_PAUSE_MS", WRITE_PAUSE_MS.to_string())
        .env("HTTP_PROXY", "")
        .env("http_proxy", "")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The basic fixture with a `[schedule]` and one feed source on `server`.
fn scheduled_brief(scratch: &Scratch, server: &http::Server, schedule: &str) -> PathBuf {
    let brief = scratch.fixture("basic");
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    std::fs::write(
        brief.join("brief.toml"),
        format!(
            "{toml}\n[schedule]\n{schedule}\n\n[[sources]]\nid = \"board\"\nfeed = \"{}\"\n",
            server.url("/feed.xml")
        ),
    )
    .unwrap();
    brief
}

/// Every state file under `.brief/` parses; returns the scheduler's `(runs, last_slot)`.
fn check_state_files(brief: &Path, context: &str) -> (u64, i64) {
    for state in ["schedule.json", "sources/fetch-state.json", "state.json"] {
        if let Ok(bytes) = std::fs::read(brief.join(".brief").join(state)) {
            assert!(
                serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                "{context}: torn {state}"
            );
        }
    }
    common::check_editions(brief, context);
    std::fs::read(brief.join(".brief/schedule.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .map_or((0, 0), |v| {
            (
                v["runs"].as_u64().unwrap_or(0),
                v["last_slot"].as_i64().unwrap_or(0),
            )
        })
}

fn schedule_once(scratch: &Scratch, brief: &Path) -> common::Outcome {
    scratch
        .brief()
        .args(["schedule".as_ref(), "--once".as_ref(), brief.as_os_str()])
        .env("HTTP_PROXY", "")
        .env("http_proxy", "")
        .run()
        .success()
}

#[test]
fn killed_schedulers_leave_parseable_state_and_restart_cleanly() {
    let server = http::Server::start();
    let scratch = Scratch::new();
    let brief = scratch_brief_every_second(&scratch, &server);
    let mut rng = Lcg(0xfeed);
    let (mut runs, mut last_slot) = (0, 0);
    for run in 0..12 {
        // the feed changes every other kill, so passes fetch and rebuild, with the writes held
        // open by the pause, while others hear 304 and find the brief up to date
        let text = format!(
            "The board said canal levels could fall further in week {}.",
            run / 2
        );
        server.serve_with_etag("/feed.xml", "application/rss+xml", &feed(&text));
        let mut child = spawn_schedule(&scratch, &brief);
        std::thread::sleep(Duration::from_millis(rng.next_below(2000)));
        let _ = child.kill();
        let _ = child.wait();
        let context = format!("run {run}");
        let (now_runs, now_slot) = check_state_files(&brief, &context);
        // a lost or reset state would show as fewer runs; a repeated slot as more runs for
        // the same slot
        assert!(
            now_runs >= runs,
            "{context}: runs went from {runs} to {now_runs}"
        );
        if now_runs > runs {
            assert!(now_slot > last_slot, "{context}: slot {now_slot} ran again");
        } else {
            assert_eq!(now_slot, last_slot, "{context}");
        }
        (runs, last_slot) = (now_runs, now_slot);
    }
    assert!(runs > 0, "no scheduler lived long enough to finish a run");
    // a restarted scheduler is not refused by a stale lock, and cleans up after the dead ones
    std::thread::sleep(Duration::from_millis(1100));
    schedule_once(&scratch, &brief);
    assert_eq!(temps_under(&brief.join(".brief")), Vec::<String>::new());
    assert_eq!(temps_under(&brief.join("out")), Vec::<String>::new());
    // it fetched the newest feed, and the build after it agrees that nothing is left to do
    let cached = files(&brief.join(".brief/sources/board"));
    assert!(
        cached
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("week 5")),
        "{:?}",
        cached.keys()
    );
    let out = scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    assert!(out.stdout.contains("up to date"), "{out:?}");
    let md = std::fs::read_to_string(brief.join("out/basic.md")).unwrap();
    assert!(md.contains("Canal levels"), "{md}");
}

fn scratch_brief_every_second(scratch: &Scratch, server: &http::Server) -> PathBuf {
    scheduled_brief(scratch, server, "every = \"1s\"")
}

/// A slot that completed is never run again, wherever the kills land: with one slot a year,
/// the first completed run is the only one, and a restarted scheduler does not even ask the
/// feed again. Each round starts from a brief that never ran, kills its first pass at a
/// random point, then kills a restarted scheduler too.
#[test]
fn killed_scheduler_never_repeats_a_completed_slot() {
    let server = http::Server::start();
    let scratch = Scratch::new();
    // midnight on 1 January: the first pass runs at once (never ran), the next slot is
    // months away
    let brief = scheduled_brief(&scratch, &server, "cron = \"0 0 1 1 *\"");
    server.serve_with_etag(
        "/feed.xml",
        "application/rss+xml",
        &feed("The board said canal levels are stable."),
    );
    let start = Instant::now();
    let mut child = spawn_schedule(&scratch, &brief);
    while check_state_files(&brief, "first pass").0 == 0 {
        std::thread::sleep(Duration::from_millis(10));
    }
    let pass_ms = start.elapsed().as_millis() as u64;
    let _ = child.kill();
    let _ = child.wait();

    let mut rng = Lcg(0x51075);
    let (rounds, mut completed_then_restarted) = (6, 0);
    for round in 0..rounds {
        // a brief that never ran
        std::fs::remove_dir_all(brief.join(".brief")).unwrap();
        let _ = std::fs::remove_dir_all(brief.join("out"));
        for attempt in 0..3 {
            let context = format!("round {round}, scheduler {attempt}");
            let (before, _) = check_state_files(&brief, &context);
            let requests = server.requests("/feed.xml").len();
            let mut child = spawn_schedule(&scratch, &brief);
            std::thread::sleep(Duration::from_millis(rng.next_below(pass_ms * 6 / 5 + 1)));
            let _ = child.kill();
            let _ = child.wait();
            let (after, _) = check_state_files(&brief, &context);
            assert!(after <= 1, "{context}: the slot ran {after} times");
            if before == 1 {
                completed_then_restarted += 1;
                assert_eq!(
                    server.requests("/feed.xml").len(),
                    requests,
                    "{context}: a scheduler restarted after the run fetched again"
                );
            }
        }
    }
    // whatever the kills did, a last scheduler completes the slot once and only once
    schedule_once(&scratch, &brief);
    let requests = server.requests("/feed.xml").len();
    let again = schedule_once(&scratch, &brief);
    assert!(again.stdout.contains("nothing due"), "{again:?}");
    assert_eq!(server.requests("/feed.xml").len(), requests);
    assert_eq!(check_state_files(&brief, "end").0, 1);
    assert_eq!(temps_under(&brief.join(".brief")), Vec::<String>::new());
    eprintln!(
        "first pass {pass_ms} ms; {completed_then_restarted} schedulers started after their slot \
         had completed"
    );
}
