//! The template set: the defaults compiled into the binary, overridden one file at a time by
//! a brief's own template folder.
//!
//! Overriding is per file on purpose: a brief that changes only the summary partial keeps
//! getting fixes to every other default on upgrade, instead of freezing a copied set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use handlebars::Handlebars;

use crate::RenderError;

/// A default template: (name, path under templates/, text compiled in).
macro_rules! default_template {
    ($name:literal, $file:literal) => {
        (
            $name,
            $file,
            include_str!(concat!("../../../templates/", $file)),
        )
    };
}

const DEFAULTS: &[(&str, &str, &str)] = &[
    default_template!("brief", "brief.md.hbs"),
    default_template!("title-block", "partials/title-block.md.hbs"),
    default_template!("sources", "partials/sources.md.hbs"),
    default_template!("sections/generic", "sections/generic.md.hbs"),
    default_template!("sections/summary", "sections/summary.md.hbs"),
    default_template!(
        "sections/recommendations",
        "sections/recommendations.md.hbs"
    ),
    default_template!("sections/risk-matrix", "sections/risk-matrix.md.hbs"),
    default_template!("sections/changes", "sections/changes.md.hbs"),
];

/// A loaded template set, ready to render.
#[derive(Debug)]
pub struct Templates {
    pub(crate) registry: Handlebars<'static>,
    /// Files read from the override folder, with the text that was used: for incremental
    /// builds and watching.
    pub files: Vec<(PathBuf, String)>,
    /// The override folder itself, when there is one: adding a file to it changes the build.
    pub dir: Option<PathBuf>,
    /// The file each template name came from, so a render error names the file to fix rather
    /// than the internal name (`sections/summary`), which two files could stand for.
    pub(crate) locations: BTreeMap<String, String>,
}

impl Templates {
    /// The default templates only.
    pub fn defaults() -> Result<Self, RenderError> {
        Self::load(None)
    }

    /// Defaults, with any `*.md.hbs` in `dir` (and `dir/partials`, `dir/sections`) replacing
    /// the default of the same name. A file with a new name under `sections/` adds a partial
    /// for a plugin of that name.
    pub fn load(dir: Option<&Path>) -> Result<Self, RenderError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(crate::escape::escape_markdown);
        crate::helpers::register(&mut registry);
        let mut locations = BTreeMap::new();
        for (name, path, text) in DEFAULTS {
            let location = format!("templates/{path}");
            register(&mut registry, name, &location, text)?;
            locations.insert(name.to_string(), location);
        }
        let mut files = Vec::new();
        if let Some(dir) = dir {
            if !dir.is_dir() {
                return Err(RenderError::Template {
                    location: dir.display().to_string(),
                    message: "template folder not found".into(),
                });
            }
            for (sub, prefix) in [("", ""), ("partials", ""), ("sections", "sections/")] {
                let folder = dir.join(sub);
                let Ok(entries) = std::fs::read_dir(&folder) else {
                    continue;
                };
                let mut paths: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                paths.sort();
                for path in paths {
                    let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
                        continue;
                    };
                    let Some(stem) = file.strip_suffix(".md.hbs") else {
                        continue;
                    };
                    let text =
                        brief_fs::read_regular_string(&path, "template", brief_fs::Limit::TEMPLATE)
                            .map_err(|e| RenderError::Template {
                                location: path.display().to_string(),
                                message: e.message,
                            })?;
                    let name = format!("{prefix}{stem}");
                    let location = path.display().to_string();
                    register(&mut registry, &name, &location, &text)?;
                    locations.insert(name, location);
                    files.push((path, text));
                }
            }
        }
        crate::guard::check_partials(&registry, &locations)?;
        Ok(Self {
            registry,
            files,
            dir: dir.map(Path::to_path_buf),
            locations,
        })
    }

    /// The file a template came from: an override's path, or `templates/…` for a default.
    pub(crate) fn location(&self, name: &str) -> String {
        self.locations
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("template {name}"))
    }

    /// The partial for a plugin's sections: its own, else the generic one.
    pub(crate) fn section_template(&self, plugin: &str) -> String {
        let own = format!("sections/{plugin}");
        if self.registry.has_template(&own) {
            own
        } else {
            "sections/generic".into()
        }
    }
}

fn register(
    registry: &mut Handlebars<'static>,
    name: &str,
    location: &str,
    text: &str,
) -> Result<(), RenderError> {
    crate::guard::check_nesting(text, location)?;
    registry.register_template_string(name, text).map_err(|e| {
        let (line, col) = e.pos().unwrap_or((0, 0));
        RenderError::Template {
            location: if line > 0 {
                format!("{location}:{line}:{col}")
            } else {
                location.to_string()
            },
            message: one_line(&e.reason().to_string()),
        }
    })
}

pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
