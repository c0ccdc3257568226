//! Regeneration: incremental builds, `brief watch`, `brief schedule`, editions.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant, SystemTime};

use common::Scratch;

const SOURCE: &str = "sources/reservoir-levels.txt";

fn build(scratch: &Scratch, brief: &Path, extra: &[&str]) -> String {
    let mut args: Vec<&std::ffi::OsStr> = vec!["build".as_ref(), brief.as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    scratch.brief().args(args).run().success().stdout
}

fn append(path: &Path, text: &str) {
    let mut s = std::fs::read_to_string(path).unwrap();
    s.push_str(text);
    std::fs::write(path, s).unwrap();
}

#[test]
fn unchanged_brief_is_up_to_date_and_touch_does_not_rebuild() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    assert!(build(&scratch, &brief, &[]).starts_with("built"));
    assert!(build(&scratch, &brief, &[]).starts_with("up to date"));
    let later = SystemTime::now() + Duration::from_secs(10);
    std::fs::File::options()
        .write(true)
        .open(brief.join(SOURCE))
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert!(
        build(&scratch, &brief, &[]).starts_with("up to date"),
        "touch alone must not rebuild"
    );
    assert!(build(&scratch, &brief, &["--force"]).starts_with("built"));
}

#[test]
fn new_content_with_an_old_mtime_rebuilds() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    build(&scratch, &brief, &[]);
    let path = brief.join(SOURCE);
    let old = std::fs::metadata(&path).unwrap().modified().unwrap() - Duration::from_secs(86_400);
    append(&path, "The council approved the plan on Friday.\n");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    assert!(build(&scratch, &brief, &[]).starts_with("built"));
}

#[test]
fn deleted_or_edited_output_is_rebuilt() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    build(&scratch, &brief, &[]);
    std::fs::write(brief.join("out/basic.md"), "hand edit").unwrap();
    assert!(build(&scratch, &brief, &[]).starts_with("built"));
    std::fs::remove_file(brief.join("out/basic.json")).unwrap();
    assert!(build(&scratch, &brief, &[]).starts_with("built"));
    assert!(brief.join("out/basic.json").is_file());
}

#[test]
fn template_override_added_later_rebuilds() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("custom-template");
    build(&scratch, &brief, &[]);
    // git keeps no empty folders, so the partials folder may not exist yet either
    std::fs::create_dir_all(brief.join("templates/partials")).unwrap();
    std::fs::write(
        brief.join("templates/partials/sources.md.hbs"),
        "## Where this comes from\n",
    )
    .unwrap();
    assert!(build(&scratch, &brief, &[]).starts_with("built"));
    let md = std::fs::read_to_string(brief.join("out/custom-template.md")).unwrap();
    assert!(md.contains("## Where this comes from"));
}

#[test]
fn editions_history_diff_and_changes_section() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    append(
        &brief.join("brief.toml"),
        "\n[[sections]]\nplugin = \"changes\"\n",
    );
    build(&scratch, &brief, &[]);
    let md = std::fs::read_to_string(brief.join("out/basic.md")).unwrap();
    assert!(
        md.contains("## What changed since the last edition"),
        "{md}"
    );
    assert!(md.contains("first edition"), "{md}");
    // a forced rebuild of identical inputs makes no new edition
    build(&scratch, &brief, &["--force"]);
    let history = scratch
        .brief()
        .args(["history".as_ref(), brief.as_os_str()])
        .run()
        .success()
        .stdout;
    assert_eq!(history.lines().count(), 2, "{history}");
    // a new judgement in the source makes a second edition that reports it
    append(
        &brief.join(SOURCE),
        "Officials now warn that the valley could run out of drinking water by March, forcing emergency imports by truck.\n",
    );
    build(&scratch, &brief, &[]);
    let history = scratch
        .brief()
        .args(["history".as_ref(), brief.as_os_str()])
        .run()
        .success()
        .stdout;
    assert_eq!(history.lines().count(), 3, "{history}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(brief.join("out/basic.json")).unwrap()).unwrap();
    let changes = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "changes")
        .unwrap();
    assert_eq!(changes["data"]["base_edition"], 1);
    let diff = scratch
        .brief()
        .args(["diff".as_ref(), brief.as_os_str()])
        .run()
        .success()
        .stdout;
    assert!(diff.starts_with("--- edition 1\n+++ edition 2\n"), "{diff}");
    assert!(
        diff.lines()
            .any(|l| l.starts_with('+') && l.contains("Compared with edition 1")),
        "{diff}"
    );
}

#[test]
fn edition_retention_keeps_the_newest() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    append(&brief.join("brief.toml"), "\n[editions]\nkeep = 2\n");
    for n in 0..4 {
        append(
            &brief.join(SOURCE),
            &format!("Update number {n} was published today.\n"),
        );
        build(&scratch, &brief, &[]);
    }
    let history = scratch
        .brief()
        .args(["history".as_ref(), brief.as_os_str()])
        .run()
        .success()
        .stdout;
    let numbers: Vec<&str> = history
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(numbers, vec!["3", "4"]);
}

/// A running `brief watch` whose stdout lines arrive on a channel.
struct Watch {
    child: Child,
    lines: Receiver<String>,
}

impl Watch {
    fn start(brief: &Path, poll: bool) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
        cmd.arg("watch")
            .arg(brief)
            .env("BRIEF_PLUGIN_DIR", brief.join(".none"));
        if poll {
            cmd.arg("--poll");
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut w = Watch { child, lines };
        assert!(
            w.wait_for("watching", Duration::from_secs(20)),
            "watch did not start"
        );
        w
    }

    fn wait_for(&mut self, prefix: &str, timeout: Duration) -> bool {
        let end = Instant::now() + timeout;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with(prefix) => return true,
                Ok(_) => {}
                Err(_) => return false,
            }
        }
        false
    }

    /// Rebuilds ("built" lines) seen within `window`.
    fn builds_within(&mut self, window: Duration) -> usize {
        let end = Instant::now() + window;
        let mut n = 0;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with("built") => n += 1,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        n
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn watch_cases(poll: bool) {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let mut watch = Watch::start(&brief, poll);
    let settle = Duration::from_millis(if poll { 2500 } else { 1500 });
    let source = brief.join(SOURCE);

    // save by atomic rename, as most editors do
    let tmp = brief.join("sources/.reservoir-levels.txt.new");
    std::fs::write(
        &tmp,
        std::fs::read_to_string(&source).unwrap() + "The first new sentence arrived.\n",
    )
    .unwrap();
    std::fs::rename(&tmp, &source).unwrap();
    assert_eq!(watch.builds_within(settle), 1, "atomic rename save");

    // vim: probe file 4913, swap file, backup, then the write
    std::fs::write(brief.join("sources/4913"), "").unwrap();
    std::fs::remove_file(brief.join("sources/4913")).unwrap();
    std::fs::write(brief.join("sources/.reservoir-levels.txt.swp"), "swap").unwrap();
    std::fs::write(brief.join("sources/reservoir-levels.txt~"), "backup").unwrap();
    append(&source, "A second new sentence arrived.\n");
    assert_eq!(watch.builds_within(settle), 1, "vim-style save");

    // swap file churn alone rebuilds nothing
    std::fs::write(brief.join("sources/.reservoir-levels.txt.swp"), "swap 2").unwrap();
    assert_eq!(watch.builds_within(settle), 0, "swap file only");

    // a burst of edits is one rebuild
    for n in 0..8 {
        append(&source, &format!("Burst sentence {n} arrived.\n"));
        std::thread::sleep(Duration::from_millis(15));
    }
    assert_eq!(watch.builds_within(settle), 1, "burst of edits");

    // touch without a content change: no rebuild
    let later = SystemTime::now() + Duration::from_secs(30);
    std::fs::File::options()
        .write(true)
        .open(&source)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(watch.builds_within(settle), 0, "touch");

    // a broken brief.toml: an error, the old outputs stay, and watching goes on
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    let before = std::fs::read(brief.join("out/basic.md")).unwrap();
    std::fs::write(
        brief.join("brief.toml"),
        toml.replace("title =", "title = = "),
    )
    .unwrap();
    assert_eq!(watch.builds_within(settle), 0, "broken config");
    assert_eq!(std::fs::read(brief.join("out/basic.md")).unwrap(), before);
    std::fs::write(brief.join("brief.toml"), toml).unwrap();
    assert!(watch.builds_within(settle) <= 1);
    append(&source, "Watching survived the error.\n");
    assert_eq!(
        watch.builds_within(settle),
        1,
        "still watching after an error"
    );
}

/// Regression: a template override replaced by a FIFO wedged `brief watch` (its rebuild
/// blocked reading the FIFO forever). Now the rebuild fails at once and watching goes on.
#[cfg(unix)]
fn watch_survives_a_template_that_becomes_a_fifo(poll: bool) {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    std::fs::write(
        brief.join("brief.toml"),
        format!("template = \"tpl\"\n{toml}"),
    )
    .unwrap();
    let partial = brief.join("tpl/sections/summary.md.hbs");
    std::fs::create_dir_all(partial.parent().unwrap()).unwrap();
    std::fs::write(&partial, "## {{title}}\n").unwrap();
    let mut watch = Watch::start(&brief, poll);
    let settle = Duration::from_millis(if poll { 2500 } else { 1500 });
    std::fs::remove_file(&partial).unwrap();
    let made = Command::new("mkfifo").arg(&partial).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    assert_eq!(
        watch.builds_within(settle),
        0,
        "a FIFO template cannot build"
    );
    std::fs::remove_file(&partial).unwrap();
    std::fs::write(&partial, "## Summary, again\n").unwrap();
    assert!(
        watch.wait_for("built", Duration::from_secs(10)),
        "watch wedged on the FIFO"
    );
    assert!(
        std::fs::read_to_string(brief.join("out/basic.md"))
            .unwrap()
            .contains("Summary, again")
    );
}

#[cfg(unix)]
#[test]
fn watch_survives_a_template_that_becomes_a_fifo_with_native_events() {
    watch_survives_a_template_that_becomes_a_fifo(false);
}

#[cfg(unix)]
#[test]
fn watch_survives_a_template_that_becomes_a_fifo_when_polling() {
    watch_survives_a_template_that_becomes_a_fifo(true);
}

#[test]
fn watch_rebuilds_once_per_save_with_native_events() {
    watch_cases(false);
}

#[test]
fn watch_rebuilds_once_per_save_when_polling() {
    watch_cases(true);
}

fn schedule_brief(scratch: &Scratch) -> std::path::PathBuf {
    let brief = scratch.fixture("basic");
    append(&brief.join("brief.toml"), "\n[schedule]\nevery = \"1h\"\n");
    brief
}

#[test]
fn schedule_once_runs_what_is_due_then_nothing() {
    let scratch = Scratch::new();
    let brief = schedule_brief(&scratch);
    let first = scratch
        .brief()
        .args(["schedule".as_ref(), brief.as_os_str(), "--once".as_ref()])
        .run()
        .success();
    assert!(first.stdout.starts_with("built"), "{}", first.stdout);
    let second = scratch
        .brief()
        .args(["schedule".as_ref(), brief.as_os_str(), "--once".as_ref()])
        .run()
        .success();
    assert_eq!(second.stdout.trim(), "nothing due");
}

#[test]
fn second_scheduler_is_refused_and_killed_scheduler_does_not_rerun() {
    let scratch = Scratch::new();
    let brief = schedule_brief(&scratch);
    let mut first = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["schedule".as_ref(), brief.as_os_str()])
        .env("BRIEF_PLUGIN_DIR", brief.join(".none"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until its first run is recorded
    let state = brief.join(".brief/schedule.json");
    let end = Instant::now() + Duration::from_secs(20);
    while !state.exists() && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(state.exists(), "scheduler never ran");
    scratch
        .brief()
        .args(["schedule".as_ref(), brief.as_os_str(), "--once".as_ref()])
        .run()
        .failure(1)
        .error_line_contains(&["schedule.lock", "already running"]);
    // SIGKILL: no chance to clean up
    first.kill().unwrap();
    first.wait().unwrap();
    let again = scratch
        .brief()
        .args(["schedule".as_ref(), brief.as_os_str(), "--once".as_ref()])
        .run()
        .success();
    assert_eq!(
        again.stdout.trim(),
        "nothing due",
        "the slot the killed scheduler ran must not run twice"
    );
}
