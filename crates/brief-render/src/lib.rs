//! Renderers: the assembled [`Brief`] → Markdown (through handlebars templates) and JSON.

mod escape;
mod guard;
mod helpers;
mod templates;

pub use escape::escape_markdown;
pub use templates::Templates;

use brief_core::Brief;
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template that does not parse, or a folder that cannot be read.
    #[error("{location}: template error: {message}")]
    Template { location: String, message: String },
    /// A template that parses but fails on this brief (e.g. a missing field in strict mode).
    #[error("{location}: render error: {message}")]
    Render { location: String, message: String },
}

/// Renders the brief as Markdown. Each section goes through its plugin's partial first; the
/// main template then places the rendered sections.
pub fn render_markdown(brief: &Brief, templates: &Templates) -> Result<String, RenderError> {
    let mut root = serde_json::to_value(brief).expect("a brief always serialises");
    let source_ids: Vec<Value> = brief.sources.iter().map(|s| json!(s.id)).collect();
    let root_obj = root
        .as_object_mut()
        .expect("a brief serialises as an object");
    for key in ["subtitle", "audience", "date"] {
        root_obj.entry(key).or_insert(Value::Null);
    }
    root_obj.insert("__source_ids".into(), Value::Array(source_ids.clone()));
    let mut sections = Vec::with_capacity(brief.sections.len());
    for section in &brief.sections {
        let mut ctx = serde_json::to_value(section).expect("a section always serialises");
        let obj = ctx
            .as_object_mut()
            .expect("a section serialises as an object");
        obj.entry("data").or_insert(Value::Null);
        obj.entry("assets").or_insert(json!([]));
        obj.insert("__source_ids".into(), Value::Array(source_ids.clone()));
        let name = templates.section_template(&section.plugin);
        let markdown = render(templates, &name, &ctx)?;
        ctx["markdown"] = Value::String(markdown.trim().to_string());
        sections.push(ctx);
    }
    root_obj.insert("sections".into(), Value::Array(sections));
    for source in root_obj["sources"].as_array_mut().into_iter().flatten() {
        let obj = source
            .as_object_mut()
            .expect("a source serialises as an object");
        for key in ["path", "url", "title", "author", "publisher", "published"] {
            obj.entry(key).or_insert(Value::Null);
        }
    }
    Ok(tidy(&render(templates, "brief", &root)?))
}

fn render(templates: &Templates, name: &str, ctx: &Value) -> Result<String, RenderError> {
    templates.registry.render(name, ctx).map_err(|e| {
        let template = e.template_name.clone().unwrap_or_else(|| name.to_string());
        let file = templates.location(&template);
        let location = match (e.line_no, e.column_no) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            _ => file,
        };
        let message = match e.reason() {
            handlebars::RenderErrorReason::MissingVariable(Some(field)) => format!(
                "no field `{field}` here (templates are strict: a misspelt or missing field is an error)"
            ),
            reason => reason.to_string(),
        };
        RenderError::Render {
            location,
            message: templates::one_line(&message),
        }
    })
}

/// At most one blank line in a row, no trailing spaces except Markdown's two-space line
/// breaks, one final newline.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    for line in markdown.lines() {
        let line = if line.ends_with("  ") && !line.trim().is_empty() {
            line
        } else {
            line.trim_end()
        };
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out.trim_start_matches('\n').to_string()
}

/// The brief as pretty JSON with a final newline; field order is fixed by the types, so the
/// bytes are deterministic.
pub fn render_json(brief: &Brief) -> String {
    let mut s = serde_json::to_string_pretty(brief).expect("a brief always serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::BriefMeta;

    fn brief() -> Brief {
        Brief {
            schema_version: brief_core::SCHEMA_VERSION.to_string(),
            meta: BriefMeta {
                title: "Test".into(),
                subtitle: None,
                audience: None,
                date: None,
            },
            sources: Vec::new(),
            sections: Vec::new(),
        }
    }

    #[test]
    fn render_error_names_the_override_file_not_the_template_name() {
        let dir = std::env::temp_dir().join(format!("brief-render-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("partials")).unwrap();
        let file = dir.join("partials/title-block.md.hbs");
        std::fs::write(&file, "# {{title}}\n{{> partials/nowhere}}\n").unwrap();
        let templates = Templates::load(Some(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        let e = render_markdown(&brief(), &templates.unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(&format!("{}:2:", file.display())),
            "{e} should start with the file's path"
        );
        assert!(e.contains("partials/nowhere"), "{e}");
    }
}
