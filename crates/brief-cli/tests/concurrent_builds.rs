//! Two builds of one brief at once (a `brief watch` and a manual `brief build`, or two cron
//! jobs). Before the build lock, one of the two failed with a raw ENOENT or ENOTEMPTY in 18
//! of 20 rounds, and an edition's manifest could list files that did not exist. Now the
//! second waits for the first; both succeed, and every listed edition is whole.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::Scratch;

const SOURCE: &str = "sources/reservoir-levels.txt";

fn brief_command(root: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.current_dir(root)
        .env("BRIEF_PLUGIN_DIR", root.join(".no-user-plugins"))
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

#[test]
fn two_builds_of_one_brief_at_once_both_succeed_and_editions_stay_whole() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let original = std::fs::read_to_string(brief.join(SOURCE)).unwrap();
    for round in 0..20 {
        // a new source each round, so every round records a new edition
        std::fs::write(
            brief.join(SOURCE),
            format!("{original}\nGauge reading {round} was logged at the east weir.\n"),
        )
        .unwrap();
        let children: Vec<_> = (0..2)
            .map(|_| {
                brief_command(scratch.path())
                    .args(["build", "basic", "--force", "--format", "md,json"])
                    // hold each write open a little so the two builds overlap for sure
                    .env("BRIEF_WRITE_PAUSE_MS", "5")
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: a concurrent build failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(common::check_editions(&brief, &format!("round {round}")) >= 1);
    }
    // the newest edition's outputs are what out/ holds
    let listed = brief_command(scratch.path())
        .args(["history", "basic"])
        .output()
        .unwrap();
    assert!(listed.status.success());
}

/// Takes the build lock the way brief does, from this test, writing a pid of our own.
fn hold_lock(brief: &Path) -> std::fs::File {
    let path = brief.join(".brief/build.lock");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut file = std::fs::File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(&path)
        .unwrap();
    file.lock().unwrap();
    write!(file, "{}", std::process::id()).unwrap();
    file
}

#[test]
fn a_build_that_cannot_get_the_lock_in_time_names_the_holder() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let lock = hold_lock(&brief);
    let out = brief_command(scratch.path())
        .args(["build", "basic", "--wait", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "basic/.brief/build.lock: another build of this brief is running (pid {})",
            std::process::id()
        )),
        "{stderr}"
    );
    assert!(!brief.join("out").exists(), "it built anyway");

    // with time to wait, the build goes ahead once the holder is done
    let waiting = brief_command(scratch.path())
        .args(["build", "basic", "--wait", "20"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    drop(lock);
    let out = waiting.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(brief.join("out/basic.md").is_file());
}
