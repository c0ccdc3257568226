//! One build of one brief.

use std::path::PathBuf;

use brief_config::{BriefConfig, Format, SourceLocation};
use brief_core::{Article, Brief, BriefMeta, Level, SCHEMA_VERSION, Section, SectionRequest};
use brief_ingest::{Format as SourceFormat, SourceSpec};
use brief_render::Templates;

use crate::changes;
use crate::editions::{self, FileHash};
use crate::provenance::check_items;
use crate::write::PendingFile;
use crate::{BriefLocation, EngineError, PluginRegistry};

/// A file a build read: brief.toml, a source, a template, a plugin library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// blake3 of the bytes the build used, when the build read them itself: a file that differs
    /// from this by the end of the build was edited during it.
    pub used_hash: Option<String>,
}

impl Input {
    fn read(path: PathBuf, bytes: &[u8]) -> Self {
        Self {
            path,
            used_hash: Some(crate::stamp::hash_bytes(bytes)),
        }
    }

    fn stat(path: PathBuf) -> Self {
        Self {
            path,
            used_hash: None,
        }
    }

    /// The inputs whose bytes the build used, as an edition manifest lists them.
    pub fn file_hashes(inputs: &[Input]) -> Vec<FileHash> {
        inputs
            .iter()
            .filter_map(|i| {
                i.used_hash.as_ref().map(|h| FileHash {
                    path: i.path.display().to_string(),
                    hash: h.clone(),
                })
            })
            .collect()
    }
}

/// What to build and where; `None` means "as brief.toml says".
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub out_dir: Option<PathBuf>,
    pub formats: Option<Vec<Format>>,
    /// Validate everything but write nothing (`brief check`).
    pub dry_run: bool,
    /// Rebuild even when nothing changed.
    pub force: bool,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub slug: String,
    /// Files written (or that would be written, in a dry run).
    pub outputs: Vec<PathBuf>,
    /// Plugin diagnostics, each prefixed with the plugin name.
    pub warnings: Vec<String>,
    /// The assembled brief; `None` when the build was up to date and nothing ran.
    pub brief: Option<Brief>,
    /// Every file the build read, with the hash of the bytes it used where known.
    pub inputs: Vec<Input>,
    /// True when nothing changed since the last build and nothing was written.
    pub up_to_date: bool,
    /// Where the outputs go.
    pub out_dir: PathBuf,
    /// How many editions brief.toml keeps.
    pub keep_editions: usize,
    /// The edition this build recorded, if its outputs differed from the last one.
    pub edition: Option<u32>,
}

/// Builds a brief and writes its outputs, unless nothing changed since the last build.
/// Everything is rendered in memory first, so any failure leaves the previous outputs as they
/// were.
pub fn build(
    location: &BriefLocation,
    registry: &PluginRegistry,
    options: &BuildOptions,
) -> Result<BuildReport, EngineError> {
    if options.dry_run {
        return build_in_memory(location, registry, options).map(|(report, _)| report);
    }
    crate::incremental::build_if_changed(location, registry, options)
}

/// Builds a brief without writing: the report and the files that a build would write.
pub fn build_in_memory(
    location: &BriefLocation,
    registry: &PluginRegistry,
    options: &BuildOptions,
) -> Result<(BuildReport, Vec<PendingFile>), EngineError> {
    let config = brief_config::load(&location.toml)?;
    let mut inputs = vec![Input::read(location.toml.clone(), config.text.as_bytes())];
    if config.sources.is_empty() {
        return Err(EngineError::Usage(format!(
            "{}: no [[sources]]; add at least one `[[sources]] path = \"…\"`",
            location.toml.display()
        )));
    }
    let template_dir = config.template.as_ref().map(|t| location.dir.join(t));
    let templates = Templates::load(template_dir.as_deref())?;
    if let Some(dir) = &templates.dir {
        for sub in ["", "partials", "sections"] {
            inputs.push(Input::stat(dir.join(sub)));
        }
    }
    inputs.extend(
        templates
            .files
            .iter()
            .map(|(path, text)| Input::read(path.clone(), text.as_bytes())),
    );
    for listing in registry.list() {
        if let crate::PluginOrigin::Library { path, .. } = listing.origin {
            inputs.push(Input::stat(path));
        }
    }

    let registry = with_brief_plugins(location, &config, registry, &mut inputs)?;
    let (articles, originals) = ingest_sources(location, &config, &mut inputs)?;
    let meta = BriefMeta {
        title: config.title.clone(),
        subtitle: config.subtitle.clone(),
        audience: config.audience.clone(),
        date: config.date.clone(),
    };
    let slug = location.slug();
    let assets_dir = format!("{slug}.assets");
    let out_dir = options
        .out_dir
        .clone()
        .unwrap_or_else(|| location.dir.join(&config.output.dir));
    // before any plugin runs: a build that could only write where it reads is refused now
    let reads = crate::paths::ReadFolders::of(location, &inputs, template_dir.as_deref());
    let scope = crate::paths::output_scope(location, &out_dir, options.out_dir.is_some(), &reads)?;
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut sections = Vec::new();
    let mut changes_at = Vec::new();
    for section in &config.sections {
        if section.plugin == changes::PLUGIN && registry.get(changes::PLUGIN).is_none() {
            // filled in below, once every other section exists to compare
            changes_at.push(sections.len());
            sections.push(Section {
                id: section.id.clone(),
                plugin: section.plugin.clone(),
                title: section
                    .title
                    .clone()
                    .unwrap_or_else(|| "What changed since the last edition".into()),
                items: Vec::new(),
                notes: Vec::new(),
                data: serde_json::Value::Null,
                assets: Vec::new(),
            });
            continue;
        }
        let plugin = registry.get(&section.plugin).ok_or_else(|| {
            let known = registry.names().join(", ");
            config.option_error(
                section,
                None,
                &format!(
                    "unknown plugin `{}`; known plugins: {known}",
                    section.plugin
                ),
            )
        })?;
        let request = SectionRequest {
            schema_version: SCHEMA_VERSION,
            section_id: &section.id,
            brief: &meta,
            options: &section.options,
            articles: &articles,
        };
        let output = plugin.build(&request).map_err(|e| match &e.option {
            Some(key) => EngineError::Config(config.option_error(
                section,
                Some(key),
                &format!("section `{}`: {e}", section.id),
            )),
            None => plugin_error(&config, section, e.message),
        })?;
        check_items(&output.items, &articles, &originals)
            .map_err(|m| plugin_error(&config, section, m))?;
        for d in &output.diagnostics {
            let level = match d.level {
                Level::Warning => "warning",
                Level::Info => "note",
            };
            // a plugin's words are data: one line, no control characters
            warnings.push(format!(
                "{level}: {}: {}",
                section.plugin,
                brief_core::printable(&d.message)
            ));
        }
        let mut asset_paths = Vec::new();
        for asset in &output.assets {
            let name_ok = !asset.name.is_empty()
                && asset
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                && !asset.name.starts_with('.');
            if !name_ok {
                return Err(plugin_error(
                    &config,
                    section,
                    format!("asset name `{}` is not a plain file name", asset.name),
                ));
            }
            // two sections of the same plugin must not overwrite each other's pictures
            let file = if section.id == section.plugin {
                asset.name.clone()
            } else {
                format!("{}-{}", section.id, asset.name)
            };
            asset_paths.push(format!("{assets_dir}/{file}"));
            files.push(PendingFile {
                path: out_dir.join(&assets_dir).join(&file),
                contents: asset.contents.clone().into_bytes(),
            });
        }
        sections.push(Section {
            id: section.id.clone(),
            plugin: section.plugin.clone(),
            title: section
                .title
                .clone()
                .or(output.title)
                .unwrap_or_else(|| plugin.default_title().to_string()),
            items: output.items,
            notes: output.notes,
            data: output.data,
            assets: asset_paths,
        });
    }
    if !changes_at.is_empty() {
        let hashes = Input::file_hashes(&inputs);
        let previous = editions::previous_brief(location, &hashes);
        let output = changes::changes_section(previous.as_ref().map(|(n, b)| (*n, b)), &sections);
        for i in changes_at {
            sections[i].items = output.items.clone();
            sections[i].notes = output.notes.clone();
            sections[i].data = output.data.clone();
        }
    }
    let brief = Brief {
        schema_version: SCHEMA_VERSION.to_string(),
        meta,
        sources: articles.iter().map(|a| a.source.clone()).collect(),
        sections,
    };
    let formats = options
        .formats
        .clone()
        .unwrap_or_else(|| config.output.formats.clone());
    // the PDF typesets the Markdown, so templates drive both
    let markdown = if formats
        .iter()
        .any(|f| matches!(f, Format::Md | Format::Pdf))
    {
        Some(brief_render::render_markdown(&brief, &templates)?)
    } else {
        None
    };
    for format in &formats {
        let path = out_dir.join(format!("{slug}.{}", format.extension()));
        let contents = match format {
            Format::Md => markdown.clone().expect("rendered above").into_bytes(),
            Format::Json => brief_render::render_json(&brief).into_bytes(),
            Format::Pdf => {
                let options = crate::pdf::options(&config, &brief)
                    .map_err(|m| crate::pdf::error(&config, m))?;
                let rendered =
                    brief_pdf::render_pdf(markdown.as_deref().expect("rendered above"), &options)
                        .map_err(|e| EngineError::Pdf {
                        path: path.display().to_string(),
                        message: e.to_string(),
                    })?;
                warnings.extend(
                    rendered
                        .warnings
                        .iter()
                        .map(|w| format!("warning: pdf: {w}")),
                );
                rendered.bytes
            }
        };
        files.push(PendingFile { path, contents });
    }
    let outputs: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    crate::paths::check_outputs(&scope, &reads, &outputs)?;
    let report = BuildReport {
        slug,
        outputs,
        warnings,
        brief: Some(brief),
        inputs,
        up_to_date: false,
        out_dir,
        keep_editions: config.editions.keep,
        edition: None,
    };
    Ok((report, files))
}

/// The shared registry plus the libraries this brief's `[[plugins]]` name.
fn with_brief_plugins(
    location: &BriefLocation,
    config: &BriefConfig,
    registry: &PluginRegistry,
    inputs: &mut Vec<Input>,
) -> Result<PluginRegistry, EngineError> {
    let default = std::time::Duration::from_secs(config.plugin_timeout_seconds);
    let mut registry = registry.clone().with_host(crate::PluginHost {
        timeout: default,
        ..crate::PluginHost::default()
    });
    let mut overrides = Vec::new();
    for p in &config.plugins {
        let path = location.dir.join(&p.path);
        registry.load_library(&path).map_err(|e| crate::LoadError {
            path: e.path,
            message: format!(
                "{} (plugin listed in {} line {})",
                e.message, config.display_path, p.line
            ),
        })?;
        if let (Some(secs), Ok(canonical)) = (p.timeout_seconds, path.canonicalize()) {
            overrides.push((canonical, std::time::Duration::from_secs(secs)));
        }
        inputs.push(Input::stat(path));
    }
    registry.set_timeouts(|library| {
        overrides
            .iter()
            .find(|(p, _)| p == library)
            .map_or(default, |(_, t)| *t)
    });
    Ok(registry)
}

fn plugin_error(
    config: &BriefConfig,
    section: &brief_config::SectionConfig,
    message: String,
) -> EngineError {
    EngineError::Plugin {
        brief: config.display_path.clone(),
        plugin: section.plugin.clone(),
        section: section.id.clone(),
        message: brief_core::printable(&message),
    }
}

fn ingest_sources(
    location: &BriefLocation,
    config: &BriefConfig,
    inputs: &mut Vec<Input>,
) -> Result<(Vec<Article>, Vec<Vec<u8>>), EngineError> {
    let mut articles = Vec::with_capacity(config.sources.len());
    let mut originals = Vec::with_capacity(config.sources.len());
    for source in &config.sources {
        let spec = SourceSpec {
            id: source.id.clone(),
            path: None,
            url: None,
            title: source.title.clone(),
            author: source.author.clone(),
            publisher: source.publisher.clone(),
            published: source.published.clone(),
        };
        match &source.location {
            SourceLocation::File(path) => {
                let file = location.dir.join(path);
                let not_found = format!(
                    "source file not found (listed in {} line {})",
                    config.display_path, source.line
                );
                let spec = SourceSpec {
                    path: Some(path.clone()),
                    ..spec
                };
                let (article, bytes) = ingest_file(
                    config,
                    &file,
                    spec,
                    SourceFormat::from_path(&file),
                    &not_found,
                )?;
                inputs.push(Input::read(file, &bytes));
                articles.push(article);
                originals.push(bytes);
            }
            SourceLocation::Url(url) | SourceLocation::Feed { url, .. } => {
                let dir = crate::remote::cache_dir(location, &source.id);
                let Some((manifest, manifest_bytes)) =
                    crate::remote::read_manifest(&dir).filter(|(m, _)| &m.url == url)
                else {
                    let why = crate::remote::FetchStates::peek(location)
                        .get(url)
                        .and_then(|s| s.last_error.clone())
                        .map_or(String::new(), |e| format!(": {e}"));
                    return Err(EngineError::Usage(format!(
                        "{}:{}: source `{}` ({url}) has not been fetched yet{why}",
                        config.display_path, source.line, source.id
                    )));
                };
                inputs.push(Input::read(dir.join("manifest.json"), &manifest_bytes));
                let feed = matches!(source.location, SourceLocation::Feed { .. });
                for item in &manifest.items {
                    let file = dir.join(&item.file);
                    let spec = cached_spec(&spec, item, feed, location, &file);
                    let missing = format!(
                        "cached copy of {url} is incomplete; run `brief build --force` to fetch it again"
                    );
                    let (article, bytes) =
                        ingest_file(config, &file, spec, SourceFormat::Plain, &missing)?;
                    inputs.push(Input::read(file, &bytes));
                    articles.push(article);
                    originals.push(bytes);
                }
            }
        }
    }
    Ok((articles, originals))
}

/// Metadata of a cached remote article. For a page, brief.toml's values win over what the
/// page says about itself; for a feed, the item's own title and date win, and brief.toml's
/// title names the feed (shown as the publisher when none is given).
fn cached_spec(
    configured: &SourceSpec,
    item: &crate::remote::CachedItem,
    feed: bool,
    location: &BriefLocation,
    file: &std::path::Path,
) -> SourceSpec {
    let or = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
    let path = Some(crate::remote::relative(location, file));
    if feed {
        SourceSpec {
            id: item.id.clone(),
            path,
            url: item.link.clone(),
            title: item.title.clone(),
            author: or(&item.author, &configured.author),
            publisher: configured
                .publisher
                .clone()
                .or_else(|| configured.title.clone())
                .or_else(|| item.publisher.clone()),
            published: item.published.as_deref().map(calendar_date),
        }
    } else {
        SourceSpec {
            id: configured.id.clone(),
            path,
            url: item.link.clone(),
            title: or(&configured.title, &item.title),
            author: or(&configured.author, &item.author),
            publisher: or(&configured.publisher, &item.publisher),
            published: or(&configured.published, &item.published),
        }
    }
}

/// "2026-02-04" from a feed's "2026-02-04T08:00:00+00:00": the time of day adds noise to a
/// sources list, and feeds rarely mean it precisely.
fn calendar_date(stamp: &str) -> String {
    let date = stamp.get(..10).unwrap_or(stamp);
    let shaped = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if shaped {
        date.to_string()
    } else {
        stamp.to_string()
    }
}

/// Reads one source file within the size limit and ingests it.
fn ingest_file(
    config: &BriefConfig,
    file: &std::path::Path,
    spec: SourceSpec,
    format: SourceFormat,
    not_found: &str,
) -> Result<(Article, Vec<u8>), EngineError> {
    let bytes = crate::source_file::read(file, config.max_source_bytes, not_found)?;
    let display = file.display().to_string();
    let article =
        brief_ingest::parse_source(&bytes, format, spec, config.max_source_bytes, &display)?;
    Ok((article, bytes))
}
