//! Plugins loaded at run time: a scaffolded plugin end to end, and every way a plugin library
//! can be wrong, each a clear error naming the file, exit 1, and the previous outputs kept.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{Scratch, build_plugin_crate, fixtures_root, snapshot_tree};

fn misbehave_library() -> &'static PathBuf {
    static LIB: OnceLock<PathBuf> = OnceLock::new();
    LIB.get_or_init(|| {
        build_plugin_crate(
            &fixtures_root().join("plugins/misbehave"),
            "brief_plugin_misbehave",
        )
    })
}

/// Appends a `[[plugins]]` entry and a section using it to a brief.toml.
fn add_plugin(brief: &Path, library: &Path, section: &str) {
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    let extra = format!(
        "\n[[plugins]]\npath = {:?}\n\n[[sections]]\n{section}\n",
        library.display().to_string()
    );
    std::fs::write(brief.join("brief.toml"), toml + &extra).unwrap();
}

/// Builds the basic fixture, adds the plugin, builds again: the second build must fail with
/// an error line holding every needle, and leave the first build's outputs untouched.
fn assert_plugin_refused(library: &Path, section: &str, env: &[(&str, &str)], needles: &[&str]) {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    let before = snapshot_tree(&brief.join("out"));
    add_plugin(&brief, library, section);
    let mut run = scratch.brief().args(["build".as_ref(), brief.as_os_str()]);
    for (k, v) in env {
        run = run.env(k, v);
    }
    run.run().failure(1).error_line_contains(needles);
    assert_eq!(
        before,
        snapshot_tree(&brief.join("out")),
        "outputs changed after a failed build"
    );
}

#[test]
fn scaffolded_plugin_builds_loads_and_renders_its_section() {
    let scratch = Scratch::new();
    scratch
        .brief()
        .args([
            "plugin".as_ref(),
            "new".as_ref(),
            "key-figures".as_ref(),
            "--dir".as_ref(),
            scratch.path().as_os_str(),
        ])
        .run()
        .success();
    let crate_dir = scratch.path().join("brief-plugin-key-figures");
    let library = build_plugin_crate(&crate_dir, "brief_plugin_key_figures");
    let brief = scratch.fixture("basic");
    add_plugin(&brief, &library, "plugin = \"key-figures\"\nmax_items = 1");
    scratch
        .brief()
        .args([
            "build".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            "md,json,pdf".as_ref(),
        ])
        .run()
        .success();
    let pdf = brief.join("out/basic.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // .ci/run installs poppler; without it the PDF is only checked to exist
    if let Ok(out) = std::process::Command::new("pdftotext")
        .args([pdf.as_os_str(), "-".as_ref()])
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Key figures"), "{text}");
    }
    let md = std::fs::read_to_string(brief.join("out/basic.md")).unwrap();
    assert!(md.contains("## Key figures"), "{md}");
    assert!(md.contains("31 percent"), "{md}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(brief.join("out/basic.json")).unwrap()).unwrap();
    let section = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["plugin"] == "key-figures")
        .unwrap();
    assert_eq!(
        section["items"].as_array().unwrap().len(),
        1,
        "max_items reaches the plugin"
    );
    scratch
        .brief()
        .args(["plugins".as_ref(), brief.as_os_str()])
        .run()
        .success()
        .stdout_contains("key-figures")
        .stdout_contains("libbrief_plugin_key_figures");
}

#[test]
fn plugin_warnings_are_shown_with_the_plugin_name() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    add_plugin(&brief, misbehave_library(), "plugin = \"misbehave\"");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success()
        .stderr_contains("warning: misbehave: this plugin is for tests");
}

#[test]
fn path_that_is_not_a_shared_library() {
    let scratch = Scratch::new();
    let fake = scratch.write("fake/libnotes.so", "just some text");
    assert_plugin_refused(
        &fake,
        "plugin = \"x\"",
        &[],
        &["libnotes.so", "not a loadable shared library"],
    );
}

#[test]
fn missing_plugin_file() {
    assert_plugin_refused(
        Path::new("/nonexistent/libnothing.so"),
        "plugin = \"x\"",
        &[],
        &["libnothing.so", "plugin library not found"],
    );
}

#[test]
fn library_without_the_symbols() {
    let scratch = Scratch::new();
    let c = scratch.write("empty.c", "int unrelated(void) { return 4; }\n");
    let lib = scratch.path().join("libempty.so");
    let built = std::process::Command::new("cc")
        .args([
            "-shared".as_ref(),
            "-fPIC".as_ref(),
            "-o".as_ref(),
            lib.as_os_str(),
            c.as_os_str(),
        ])
        .status();
    if !built.is_ok_and(|s| s.success()) {
        eprintln!("note: no C compiler; skipping the missing-symbol case");
        return;
    }
    assert_plugin_refused(
        &lib,
        "plugin = \"x\"",
        &[],
        &["libempty.so", "missing symbol `brief_plugin_abi_version`"],
    );
}

#[test]
fn abi_version_from_an_older_plugin() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"misbehave\"",
        &[("MISBEHAVE_ABI", "0")],
        &["misbehave", "older plugin ABI (v0)", "rebuild"],
    );
}

#[test]
fn abi_version_from_a_newer_plugin() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"misbehave\"",
        &[("MISBEHAVE_ABI", "7")],
        &["misbehave", "newer plugin ABI (v7)"],
    );
}

#[test]
fn plugin_that_panics() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"misbehave\"\nmode = \"panic\"",
        &[],
        &[
            "plugin `misbehave`",
            "plugin panicked: misbehave was told to panic",
        ],
    );
}

#[test]
fn plugin_that_returns_invalid_json() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"misbehave\"\nmode = \"invalid-json\"",
        &[],
        &["plugin `misbehave`", "invalid JSON"],
    );
}

#[test]
fn plugin_that_returns_json_of_the_wrong_shape() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"misbehave\"\nmode = \"wrong-shape\"",
        &[],
        &["plugin `misbehave`", "does not match schema 1.0", "items"],
    );
}

#[test]
fn plugin_that_cites_bytes_outside_its_source() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"misbehave\"\nmode = \"bad-provenance\"",
        &[],
        &["plugin `misbehave`", "outside source"],
    );
}

#[test]
fn plugin_that_cites_an_unknown_source() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"misbehave\"\nmode = \"unknown-source\"",
        &[],
        &["unknown source `nowhere`"],
    );
}

#[test]
fn two_plugins_with_the_same_name() {
    assert_plugin_refused(
        misbehave_library(),
        "plugin = \"summary\"\nid = \"second-summary\"",
        &[("MISBEHAVE_NAME", "summary")],
        &["two plugins are named `summary`", "built-in"],
    );
}

/// The pids of plugin hosts serving `library`, from /proc.
#[cfg(target_os = "linux")]
fn hosts_of(library: &Path) -> Vec<u32> {
    let needle = library.display().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| {
                let c = String::from_utf8_lossy(&c);
                c.contains("plugin-host") && c.contains(&needle)
            })
        })
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn a_plugin_stuck_in_a_call_is_stopped_when_brief_is_killed() {
    // regression: a plugin that looped hung brief; now it runs in a host process, which must
    // not outlive brief either (a killed brief cannot stop it, so the host watches brief)
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let library = scratch.path().join("libstuck.so");
    std::fs::copy(misbehave_library(), &library).unwrap();
    add_plugin(&brief, &library, "plugin = \"misbehave\"\nmode = \"loop\"");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .current_dir(scratch.path())
        .args(["build", "basic"])
        .env("BRIEF_PLUGIN_DIR", scratch.path().join(".no-user-plugins"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while hosts_of(&library).is_empty() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "no host started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // let the build reach the looping call
    std::thread::sleep(std::time::Duration::from_millis(500));
    child.kill().unwrap();
    child.wait().unwrap();
    let killed = std::time::Instant::now();
    while !hosts_of(&library).is_empty() {
        assert!(
            killed.elapsed() < std::time::Duration::from_secs(5),
            "the plugin host outlived brief: {:?}",
            hosts_of(&library)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_plugin_that_timed_out_leaves_no_process() {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    let library = scratch.path().join("libslow.so");
    std::fs::copy(misbehave_library(), &library).unwrap();
    let toml = std::fs::read_to_string(brief.join("brief.toml")).unwrap();
    std::fs::write(
        brief.join("brief.toml"),
        format!("plugin_timeout_seconds = 1\n{toml}"),
    )
    .unwrap();
    add_plugin(&brief, &library, "plugin = \"misbehave\"\nmode = \"sleep\"");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .failure(1)
        .error_line_contains(&["did not answer within 1 s", "libslow.so"]);
    assert!(hosts_of(&library).is_empty(), "{:?}", hosts_of(&library));
}
