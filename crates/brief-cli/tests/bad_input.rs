//! Bad input: each case gets a one-line error naming the file and the cause, exit status 1,
//! and leaves the previous outputs byte-for-byte as they were.

mod common;

use common::{Scratch, snapshot_tree};

/// Builds the basic fixture once (the "previous outputs"), breaks it with `breakage`, builds
/// again and checks the error and that the outputs did not change.
fn assert_refused(breakage: impl FnOnce(&std::path::Path), needles: &[&str]) {
    let scratch = Scratch::new();
    let brief = scratch.fixture("basic");
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .success();
    let before = snapshot_tree(&brief.join("out"));
    assert!(!before.is_empty());
    breakage(&brief);
    scratch
        .brief()
        .args(["build".as_ref(), brief.as_os_str()])
        .run()
        .failure(1)
        .error_line_contains(needles);
    assert_eq!(
        before,
        snapshot_tree(&brief.join("out")),
        "outputs changed after a failed build"
    );
}

const SOURCE: &str = "sources/reservoir-levels.txt";

#[test]
fn empty_source_is_refused() {
    assert_refused(
        |b| std::fs::write(b.join(SOURCE), "  \n").unwrap(),
        &["reservoir-levels.txt", "empty"],
    );
}

#[test]
fn binary_source_is_refused() {
    assert_refused(
        |b| std::fs::write(b.join(SOURCE), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap(),
        &["reservoir-levels.txt", "binary"],
    );
}

#[test]
fn invalid_utf8_source_is_refused_with_offset() {
    assert_refused(
        |b| std::fs::write(b.join(SOURCE), b"Caf\xe9 prices rose sharply this year.").unwrap(),
        &["reservoir-levels.txt", "not valid UTF-8", "offset 3"],
    );
}

#[test]
fn oversized_source_is_refused() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(
                b.join("brief.toml"),
                format!("max_source_bytes = 100\n{toml}"),
            )
            .unwrap();
        },
        &["reservoir-levels.txt", "over the limit of 100"],
    );
}

#[test]
fn malformed_toml_points_at_line() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(
                b.join("brief.toml"),
                toml.replace("date = \"2026-11-02\"", "date = \"2026-11-02"),
            )
            .unwrap();
        },
        &["brief.toml:3:"],
    );
}

#[test]
fn unknown_key_points_at_line_and_column() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(
                b.join("brief.toml"),
                toml.replace("audience =", "audiense ="),
            )
            .unwrap();
        },
        &["brief.toml:2:1", "unknown field `audiense`"],
    );
}

#[test]
fn unknown_plugin_option_points_at_its_line() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(
                b.join("brief.toml"),
                toml.replace("points = 3", "points = 3\npionts = 4"),
            )
            .unwrap();
        },
        &["brief.toml:", "pionts"],
    );
}

#[test]
fn missing_source_is_refused() {
    assert_refused(
        |b| std::fs::remove_file(b.join(SOURCE)).unwrap(),
        &["reservoir-levels.txt", "not found"],
    );
}

#[test]
fn unknown_plugin_is_refused() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(
                b.join("brief.toml"),
                toml.replace("plugin = \"risk-matrix\"", "plugin = \"risk-matrx\""),
            )
            .unwrap();
        },
        &["brief.toml:", "unknown plugin `risk-matrx`"],
    );
}

#[test]
fn template_syntax_error_names_template_and_line() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(b.join("brief.toml"), format!("template = \"tpl\"\n{toml}")).unwrap();
            std::fs::create_dir_all(b.join("tpl/sections")).unwrap();
            std::fs::write(
                b.join("tpl/sections/summary.md.hbs"),
                "## {{title}}\n{{#each items}}\n- {{text}\n",
            )
            .unwrap();
        },
        &["summary.md.hbs:", "template error"],
    );
}

#[test]
fn template_missing_field_fails_loudly_in_strict_mode() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(b.join("brief.toml"), format!("template = \"tpl\"\n{toml}")).unwrap();
            std::fs::create_dir_all(b.join("tpl/sections")).unwrap();
            std::fs::write(
                b.join("tpl/sections/summary.md.hbs"),
                "## {{title}}\n{{no_such_field}}\n",
            )
            .unwrap();
        },
        &["sections/summary", "no_such_field"],
    );
}

#[test]
fn no_brief_here_is_a_clear_error() {
    let scratch = Scratch::new();
    scratch
        .brief()
        .args(["build"])
        .run()
        .failure(1)
        .error_line_contains(&["no brief.toml"]);
}

#[test]
fn risk_override_with_level_out_of_range_points_at_its_table() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            // basic's risk-matrix section is the last table; its sub-table lands on line 18
            let toml = format!(
                "{}\n[[sections.rerate]]\nid = \"R-0000\"\nlikelihood = 6\nreason = \"test\"\n",
                toml.trim_end()
            );
            assert_eq!(
                toml.lines().position(|l| l == "[[sections.rerate]]"),
                Some(17)
            );
            std::fs::write(b.join("brief.toml"), toml).unwrap();
        },
        &["brief.toml:18:", "rerate"],
    );
}

#[test]
fn suppressing_an_unknown_risk_id_is_refused() {
    assert_refused(
        |b| {
            let toml = std::fs::read_to_string(b.join("brief.toml")).unwrap();
            std::fs::write(
                b.join("brief.toml"),
                format!("{}\nsuppress = [\"R-nope\"]\n", toml.trim_end()),
            )
            .unwrap();
        },
        &["brief.toml:18:", "R-nope"],
    );
}
