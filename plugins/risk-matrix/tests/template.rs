//! The Markdown partial templates/sections/risk-matrix.md.hbs renders in strict mode with the
//! helpers brief-render provides (stand-ins here), shows the grid and the register, and keeps
//! source text escaped.

mod common;

use brief_core::{Section, SectionOutput};
use common::{article, build, fixture};
use handlebars::{Handlebars, handlebars_helper};
use serde_json::{Value, json};

handlebars_helper!(inc: |x: u64| x + 1);
handlebars_helper!(join: |list: array, sep: str| list
    .iter()
    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
    .collect::<Vec<_>>()
    .join(sep));
handlebars_helper!(cite: |p: array| format!(" [{}]", p.len()));

/// A stand-in for the renderer's Markdown escaping: enough to see that source text is escaped.
fn escape_markdown(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '|' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn render(out: &SectionOutput) -> String {
    let path = format!(
        "{}/../../templates/sections/risk-matrix.md.hbs",
        env!("CARGO_MANIFEST_DIR")
    );
    let template = std::fs::read_to_string(&path).unwrap();
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape_markdown);
    hb.register_helper("inc", Box::new(inc));
    hb.register_helper("join", Box::new(join));
    hb.register_helper("cite", Box::new(cite));
    hb.register_template_string("risk-matrix", template)
        .unwrap();
    let section = Section {
        id: "risks".into(),
        plugin: "risk-matrix".into(),
        title: out.title.clone().unwrap_or_else(|| "Risk matrix".into()),
        items: out.items.clone(),
        notes: out.notes.clone(),
        data: out.data.clone(),
        assets: out
            .assets
            .iter()
            .map(|a| format!("test.assets/{}", a.name))
            .collect(),
    };
    hb.render("risk-matrix", &section).unwrap()
}

/// The table that starts on the line after `after` (or on the line starting with `after`
/// when that line is itself a table row).
fn table_rows(markdown: &str, after: &str) -> Vec<String> {
    let skip = usize::from(!after.starts_with('|'));
    markdown
        .lines()
        .skip_while(|l| !l.starts_with(after))
        .skip(skip)
        .take_while(|l| l.starts_with('|'))
        .map(str::to_string)
        .collect()
}

#[test]
fn renders_grid_image_and_register() {
    let out = build(
        &[article("arctic", &fixture("arctic-lanes.txt"))],
        Value::Null,
    )
    .unwrap();
    let md = render(&out);
    assert!(md.starts_with("## Risk matrix\n"), "{md}");
    assert!(
        md.ends_with("\n\n"),
        "partial must end with a blank line: {md:?}"
    );

    let grid = table_rows(&md, "<!-- brief:heatmap -->");
    assert_eq!(
        grid.len(),
        7,
        "header, rule and five likelihood rows:\n{md}"
    );
    assert!(grid[0].contains("1 Insignificant") && grid[0].contains("5 Catastrophic"));
    assert!(grid[2].starts_with("| 5 very likely"), "{}", grid[2]);
    assert!(grid[6].starts_with("| 1 very unlikely"), "{}", grid[6]);
    for row in &grid {
        assert_eq!(row.matches(" |").count(), 6, "{row}");
    }

    assert!(md.contains("![Risk matrix: likelihood against impact](test.assets/risk-matrix.svg)"));

    let register = table_rows(&md, "| Id |");
    assert_eq!(register.len(), 2 + out.items.len(), "{md}");
    for item in &out.items {
        let id = item.fields["id"].as_str().unwrap();
        assert!(grid.iter().any(|r| r.contains(id)), "{id} not in grid");
        assert!(
            register.iter().any(|r| r.starts_with(&format!("| {id} |"))),
            "{id} not in register"
        );
    }
    assert!(md.contains("overwhelming (4 Major)"), "cue words visible");
    assert!(md.contains("likely (55–80 %)") || md.contains("unlikely (20–45 %)"));
}

#[test]
fn rerate_reason_is_shown() {
    let first = build(
        &[article("arctic", &fixture("arctic-lanes.txt"))],
        Value::Null,
    )
    .unwrap();
    let id = first.items[0].fields["id"].as_str().unwrap().to_string();
    let out = build(
        &[article("arctic", &fixture("arctic-lanes.txt"))],
        json!({"rerate": [{"id": id, "impact": 5, "reason": "Fuel depots now supply two fronts"}]}),
    )
    .unwrap();
    let md = render(&out);
    assert!(
        md.contains("re-rated from likelihood 5, impact 4: Fuel depots now supply two fronts"),
        "{md}"
    );
}

#[test]
fn source_text_stays_escaped() {
    let out = build(
        &[article("a", "The *old* dam | could collapse in a flood.\n")],
        Value::Null,
    )
    .unwrap();
    let md = render(&out);
    assert!(md.contains(r"The \*old\* dam \| could collapse"), "{md}");
}

#[test]
fn empty_matrix_shows_the_note() {
    let out = build(
        &[article("museum", &fixture("museum-opening.txt"))],
        Value::Null,
    )
    .unwrap();
    let md = render(&out);
    assert!(md.contains(brief_plugin_risk_matrix::NO_RISKS_NOTE));
    assert_eq!(table_rows(&md, "<!-- brief:heatmap -->").len(), 7);
    assert!(!md.contains("| Id |"));
}
