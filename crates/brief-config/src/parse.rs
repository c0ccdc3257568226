//! Reading brief.toml text into a [`BriefConfig`]: the raw serde shapes, the checks that need
//! more than one key, and the defaults derived from other keys (source names, section ids).

use std::collections::BTreeSet;

use serde::Deserialize;
use serde_json::{Map, Value};
use toml::Spanned;

use crate::checks::{check_id, check_out_dir, check_timeout};
use crate::model::{
    BriefConfig, DEFAULT_FEED_ITEMS, DEFAULT_PLUGIN_TIMEOUT_SECONDS, EditionsConfig, Format,
    MAX_FEED_ITEMS, MAX_TEXT_CHARS, OutputConfig, PdfConfig, PluginConfig, ScheduleConfig,
    SectionConfig, SourceConfig, SourceLocation,
};
use crate::{ConfigError, locate};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBrief {
    title: String,
    subtitle: Option<String>,
    audience: Option<String>,
    date: Option<StringOrDate>,
    template: Option<String>,
    outputs: Option<Spanned<Vec<Spanned<String>>>>,
    out_dir: Option<Spanned<String>>,
    max_source_bytes: Option<u64>,
    allow_private_network: Option<bool>,
    plugin_timeout_seconds: Option<Spanned<u64>>,
    #[serde(default)]
    sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    sections: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    plugins: Vec<Spanned<RawPlugin>>,
    #[serde(default)]
    editions: EditionsConfig,
    schedule: Option<Spanned<ScheduleConfig>>,
    pdf: Option<Spanned<PdfConfig>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlugin {
    path: String,
    timeout_seconds: Option<Spanned<u64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    path: Option<String>,
    url: Option<String>,
    feed: Option<String>,
    max_items: Option<Spanned<usize>>,
    full_text: Option<bool>,
    id: Option<String>,
    title: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    published: Option<StringOrDate>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrDate {
    String(String),
    Date(toml::value::Datetime),
}

impl StringOrDate {
    fn as_text(&self) -> Option<&str> {
        match self {
            StringOrDate::String(s) => Some(s),
            StringOrDate::Date(_) => None,
        }
    }

    fn into_string(self) -> String {
        match self {
            StringOrDate::String(s) => s,
            StringOrDate::Date(d) => d.to_string(),
        }
    }
}

pub fn parse(text: &str, display: &str) -> Result<BriefConfig, ConfigError> {
    let at = |offset: usize| Some(locate(text, offset));
    let raw: RawBrief = toml::from_str(text).map_err(|e| {
        let location = e.span().map(|s| locate(text, s.start));
        ConfigError::new(display, location, e.message())
    })?;
    if raw.title.trim().is_empty() {
        return Err(ConfigError::new(
            display,
            at(text.find("title").unwrap_or(0)),
            "`title` is empty",
        ));
    }
    check_lengths(text, display, &raw)?;
    let outputs = match raw.outputs {
        Some(list) if list.get_ref().is_empty() => {
            return Err(ConfigError::new(
                display,
                at(list.span().start),
                "`outputs` is empty; list at least one of \"md\", \"json\" or \"pdf\"",
            ));
        }
        Some(list) => list.into_inner(),
        None => vec![
            Spanned::new(0..0, "md".into()),
            Spanned::new(0..0, "json".into()),
        ],
    };
    let mut formats = Vec::new();
    for f in outputs {
        let format = Format::parse(f.get_ref()).ok_or_else(|| {
            ConfigError::new(
                display,
                at(f.span().start),
                format!(
                    "unknown output format `{}`; expected md, json or pdf",
                    f.get_ref()
                ),
            )
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    let mut sources = Vec::new();
    let mut source_ids = BTreeSet::new();
    for s in raw.sources {
        let line = locate(text, s.span().start).line;
        let span = s.span();
        let s = s.into_inner();
        let location = source_location(&s).map_err(|(m, offset)| {
            ConfigError::new(display, at(offset.unwrap_or(span.start)), m)
        })?;
        let id = match s.id {
            Some(id) => {
                check_id(&id).map_err(|m| {
                    ConfigError::new(display, at(span.start), format!("source id `{id}` {m}"))
                })?;
                id
            }
            None => unique_id(&slug(&default_source_name(&location)), &source_ids),
        };
        if !source_ids.insert(id.clone()) {
            return Err(ConfigError::new(
                display,
                at(span.start),
                format!("duplicate source id `{id}`"),
            ));
        }
        sources.push(SourceConfig {
            id,
            location,
            title: s.title,
            author: s.author,
            publisher: s.publisher,
            published: s.published.map(StringOrDate::into_string),
            line,
        });
    }
    let mut sections = Vec::new();
    let mut section_ids = BTreeSet::new();
    for table in raw.sections {
        let span = table.span();
        let mut table = table.into_inner();
        let fail = |message: String| ConfigError::new(display, at(span.start), message);
        let plugin = take_string(&mut table, "plugin")
            .map_err(fail)?
            .ok_or_else(|| fail("section is missing `plugin = \"name\"`".to_string()))?;
        let id = take_string(&mut table, "id")
            .map_err(fail)?
            .unwrap_or_else(|| plugin.clone());
        let title = take_string(&mut table, "title").map_err(fail)?;
        check_id(&plugin).map_err(|m| fail(format!("plugin name `{plugin}` {m}")))?;
        check_id(&id).map_err(|m| fail(format!("section id `{id}` {m}")))?;
        if title
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_TEXT_CHARS)
        {
            return Err(fail(format!(
                "`title` is longer than {MAX_TEXT_CHARS} characters"
            )));
        }
        if !section_ids.insert(id.clone()) {
            return Err(fail(format!(
                "duplicate section id `{id}`; give one of them `id = \"…\"`"
            )));
        }
        sections.push(SectionConfig {
            id,
            plugin,
            title,
            options: Value::Object(table_to_json(table)),
            span,
        });
    }
    Ok(BriefConfig {
        title: raw.title,
        subtitle: raw.subtitle,
        audience: raw.audience,
        date: raw.date.map(StringOrDate::into_string),
        template: raw.template,
        output: OutputConfig {
            formats,
            dir: match raw.out_dir {
                None => "out".into(),
                Some(dir) => {
                    check_out_dir(dir.get_ref())
                        .map_err(|m| ConfigError::new(display, at(dir.span().start), m))?;
                    dir.into_inner()
                }
            },
        },
        allow_private_network: raw.allow_private_network.unwrap_or(false),
        plugin_timeout_seconds: match raw.plugin_timeout_seconds {
            None => DEFAULT_PLUGIN_TIMEOUT_SECONDS,
            Some(t) => check_timeout(&t).map_err(|m| {
                ConfigError::new(
                    display,
                    at(t.span().start),
                    format!("`plugin_timeout_seconds` {m}"),
                )
            })?,
        },
        max_source_bytes: raw.max_source_bytes.unwrap_or(20_000_000),
        sources,
        sections,
        plugins: raw
            .plugins
            .into_iter()
            .map(|p| {
                let line = locate(text, p.span().start).line;
                let p = p.into_inner();
                let timeout_seconds = p
                    .timeout_seconds
                    .map(|t| {
                        check_timeout(&t).map_err(|m| {
                            ConfigError::new(
                                display,
                                at(t.span().start),
                                format!("`timeout_seconds` {m}"),
                            )
                        })
                    })
                    .transpose()?;
                Ok(PluginConfig {
                    line,
                    path: p.path,
                    timeout_seconds,
                })
            })
            .collect::<Result<_, ConfigError>>()?,
        pdf: {
            let (span, pdf) = raw
                .pdf
                .map_or((0..0, PdfConfig::default()), |p| (p.span(), p.into_inner()));
            if !matches!(pdf.paper.to_ascii_lowercase().as_str(), "a4" | "letter") {
                return Err(ConfigError::new(
                    display,
                    at(span.start),
                    format!("[pdf] paper `{}`: expected \"a4\" or \"letter\"", pdf.paper),
                ));
            }
            pdf
        },
        editions: raw.editions,
        schedule: raw.schedule.map(|s| {
            let line = locate(text, s.span().start).line;
            ScheduleConfig {
                line,
                ..s.into_inner()
            }
        }),
        text: text.to_string(),
        display_path: display.to_string(),
    })
}

/// Removes `key` from a section table; an error message when it is there but not a string.
fn take_string(table: &mut toml::Table, key: &str) -> Result<Option<String>, String> {
    match table.remove(key) {
        Some(toml::Value::String(value)) => Ok(Some(value)),
        Some(_) => Err(format!("`{key}` must be a string")),
        None => Ok(None),
    }
}

fn table_to_json(table: toml::Table) -> Map<String, Value> {
    table
        .into_iter()
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect()
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(table_to_json(t)),
    }
}

/// Where a `[[sources]]` entry's text comes from; an error message, with the offset of the
/// key at fault when it is not the entry as a whole.
fn source_location(s: &RawSource) -> Result<SourceLocation, (String, Option<usize>)> {
    let given = [&s.path, &s.url, &s.feed]
        .iter()
        .filter(|v| v.is_some())
        .count();
    if given != 1 {
        return Err((
            "a [[sources]] entry needs exactly one of `path`, `url` or `feed`".into(),
            None,
        ));
    }
    if s.feed.is_none() {
        for (key, given) in [
            ("max_items", s.max_items.is_some()),
            ("full_text", s.full_text.is_some()),
        ] {
            if given {
                return Err((format!("`{key}` applies only to `feed` sources"), None));
            }
        }
    }
    let http = |key: &str, url: &str| {
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            Ok(url.to_string())
        } else {
            Err((
                format!("`{key}` must be an http:// or https:// URL, not `{url}`"),
                None,
            ))
        }
    };
    if let Some(path) = &s.path {
        return Ok(SourceLocation::File(path.clone()));
    }
    if let Some(url) = &s.url {
        return http("url", url).map(SourceLocation::Url);
    }
    let url = http("feed", s.feed.as_deref().unwrap_or_default())?;
    let max_items = match &s.max_items {
        None => DEFAULT_FEED_ITEMS,
        Some(n) if *n.get_ref() == 0 || *n.get_ref() > MAX_FEED_ITEMS => {
            return Err((
                format!(
                    "`max_items = {}`: a feed gives between 1 and {MAX_FEED_ITEMS} items",
                    n.get_ref()
                ),
                Some(n.span().start),
            ));
        }
        Some(n) => *n.get_ref(),
    };
    Ok(SourceLocation::Feed {
        url,
        max_items,
        full_text: s.full_text.unwrap_or(false),
    })
}

/// The name a source's id is derived from when none is given: the file stem, or the last
/// meaningful part of the URL ("https://example.org/news/port-strike.html" → "port-strike").
fn default_source_name(location: &SourceLocation) -> String {
    match location {
        SourceLocation::File(path) => stem(path).to_string(),
        SourceLocation::Url(url) | SourceLocation::Feed { url, .. } => {
            let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
            let rest = rest.split(['?', '#']).next().unwrap_or(rest);
            let mut parts = rest.split('/').filter(|p| !p.is_empty());
            let host = parts.next().unwrap_or("source").to_string();
            parts
                .next_back()
                .map(stem)
                .filter(|p| !p.is_empty() && !matches!(*p, "index" | "feed" | "rss" | "atom"))
                .map_or(host, str::to_string)
        }
    }
}

fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// Lowercase ASCII letters and digits joined by single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "source".into() } else { out }
}

fn unique_id(base: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken.contains(c))
        .expect("some id is free")
}

/// Text settings printed in the brief are kept to a length a page can hold; a title of
/// megabytes is a mistake (or an attack on the typesetter), not a title.
fn check_lengths(text: &str, display: &str, raw: &RawBrief) -> Result<(), ConfigError> {
    let top = [
        ("title", Some(raw.title.as_str())),
        ("subtitle", raw.subtitle.as_deref()),
        ("audience", raw.audience.as_deref()),
        ("date", raw.date.as_ref().and_then(StringOrDate::as_text)),
    ];
    let sources = raw.sources.iter().flat_map(|s| {
        let r = s.get_ref();
        [
            ("title", r.title.as_deref()),
            ("author", r.author.as_deref()),
            ("publisher", r.publisher.as_deref()),
            (
                "published",
                r.published.as_ref().and_then(StringOrDate::as_text),
            ),
        ]
    });
    for (key, value) in top.into_iter().chain(sources) {
        let Some(value) = value else { continue };
        let chars = value.chars().count();
        if chars > MAX_TEXT_CHARS {
            let offset = text
                .find(value.get(..value.len().min(40)).unwrap_or(""))
                .unwrap_or(0);
            return Err(ConfigError::new(
                display,
                Some(locate(text, offset)),
                format!("`{key}` is {chars} characters long; at most {MAX_TEXT_CHARS} fit a brief"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"title = "Grain corridor"
audience = "Ministers"
date = 2026-11-28
outputs = ["md"]

[[sources]]
path = "sources/Port Report.txt"

[[sources]]
path = "other/port-report.md"

[[sections]]
plugin = "summary"
points = 4

[[sections]]
plugin = "summary"
id = "short"
title = "In one line"
points = 1
"#;

    #[test]
    fn parses_sources_sections_and_options() {
        let c = parse(GOOD, "brief.toml").unwrap();
        assert_eq!(c.date.as_deref(), Some("2026-11-28"));
        assert_eq!(c.output.formats, vec![Format::Md]);
        let ids: Vec<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["port-report", "port-report-2"]);
        assert_eq!(c.sections[0].id, "summary");
        assert_eq!(c.sections[1].id, "short");
        assert_eq!(c.sections[1].options, serde_json::json!({"points": 1}));
        assert_eq!(c.sources[0].line, 6);
    }

    #[test]
    fn unknown_key_points_at_line_and_column() {
        let e = parse("title = \"x\"\ncolour = \"red\"\n", "b/brief.toml").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("b/brief.toml:2:1: unknown field `colour`"),
            "{e}"
        );
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let e = parse("title = \"x\"\nmax_source_bytes = \"big\"\n", "brief.toml").unwrap_err();
        assert_eq!(e.location.map(|l| l.line), Some(2));
    }

    #[test]
    fn unknown_output_format_message_lists_pdf_too() {
        let e = parse(
            "title = \"x\"\noutputs = [\"md\", \"docx\"]\n",
            "brief.toml",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "brief.toml:2:18: unknown output format `docx`; expected md, json or pdf"
        );
    }

    #[test]
    fn duplicate_section_ids_are_refused() {
        let t = "title = \"x\"\n[[sections]]\nplugin = \"summary\"\n[[sections]]\nplugin = \"summary\"\n";
        let e = parse(t, "brief.toml").unwrap_err();
        assert!(e.message.contains("duplicate section id `summary`"));
        assert_eq!(e.location.map(|l| l.line), Some(4));
    }

    #[test]
    fn section_keys_the_brief_reads_must_be_strings() {
        let cases = [
            (
                "[[sections]]\npoints = 3\n",
                "section is missing `plugin = \"name\"`",
            ),
            ("[[sections]]\nplugin = 3\n", "`plugin` must be a string"),
            (
                "[[sections]]\nplugin = \"summary\"\nid = 2\n",
                "`id` must be a string",
            ),
            (
                "[[sections]]\nplugin = \"summary\"\ntitle = [\"a\"]\n",
                "`title` must be a string",
            ),
        ];
        for (sections, message) in cases {
            let e = parse(&format!("title = \"x\"\n{sections}"), "brief.toml").unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("brief.toml:2:1: {message}"),
                "{sections}"
            );
        }
    }

    #[test]
    fn option_errors_point_at_the_key() {
        let c = parse(GOOD, "brief.toml").unwrap();
        let e = c.option_error(&c.sections[1], Some("points"), "too many");
        assert_eq!(e.to_string(), "brief.toml:20:1: too many");
    }

    #[test]
    fn option_errors_point_at_sub_tables() {
        let t = "title = \"x\"\n[[sections]]\nplugin = \"risk-matrix\"\n[[sections.rerate]]\nid = \"R-1\"\n[[sections.rerate]]\nid = \"R-9\"\n[[sections]]\nplugin = \"summary\"\n";
        let c = parse(t, "brief.toml").unwrap();
        let e = c.option_error(
            &c.sections[0],
            Some("rerate"),
            "rerate[2]: no risk has id `R-9`",
        );
        assert_eq!(e.location.map(|l| l.line), Some(6));
        let e = c.option_error(&c.sections[0], Some("rerate"), "rerate: bad");
        assert_eq!(e.location.map(|l| l.line), Some(4));
    }

    #[test]
    fn malformed_toml_is_one_line() {
        let e = parse("title = \"x\n", "brief.toml").unwrap_err();
        assert!(!e.to_string().contains('\n'));
        assert_eq!(e.location.map(|l| l.line), Some(1));
    }

    #[test]
    fn url_and_feed_sources_get_ids_from_their_address() {
        let c = parse(
            "title = \"x\"\n[[sources]]\nurl = \"https://example.org/news/port-strike.html?x=1\"\n\
             [[sources]]\nfeed = \"https://example.org/feed\"\nmax_items = 3\n",
            "brief.toml",
        )
        .unwrap();
        assert_eq!(c.sources[0].id, "port-strike");
        assert_eq!(
            c.sources[0].location,
            SourceLocation::Url("https://example.org/news/port-strike.html?x=1".into())
        );
        assert_eq!(c.sources[1].id, "example-org");
        assert_eq!(
            c.sources[1].location,
            SourceLocation::Feed {
                url: "https://example.org/feed".into(),
                max_items: 3,
                full_text: false,
            }
        );
    }

    #[test]
    fn a_source_needs_exactly_one_location() {
        let both = "title = \"x\"\n[[sources]]\npath = \"a.txt\"\nurl = \"https://a.test/\"\n";
        let e = parse(both, "brief.toml").unwrap_err().to_string();
        assert!(e.starts_with("brief.toml:2:"), "{e}");
        assert!(e.contains("exactly one of `path`, `url` or `feed`"), "{e}");
        let none = "title = \"x\"\n[[sources]]\ntitle = \"t\"\n";
        assert!(parse(none, "brief.toml").is_err());
    }

    #[test]
    fn non_http_urls_are_refused_at_their_line() {
        let text = "title = \"x\"\n\n[[sources]]\nurl = \"file:///etc/passwd\"\n";
        let e = parse(text, "brief.toml").unwrap_err().to_string();
        assert!(e.starts_with("brief.toml:3:"), "{e}");
        assert!(e.contains("must be an http:// or https:// URL"), "{e}");
        let items = "title = \"x\"\n[[sources]]\nurl = \"https://a.test/\"\nmax_items = 2\n";
        let e = parse(items, "brief.toml").unwrap_err().to_string();
        assert!(e.contains("only to `feed`"), "{e}");
    }

    #[test]
    fn ids_that_would_become_paths_are_refused_where_they_are_written() {
        for (toml, said) in [
            (
                "[[sources]]\npath = \"a.txt\"\nid = \"../../sources\"\n",
                "source id `../../sources` is not allowed",
            ),
            (
                "[[sources]]\nurl = \"https://a.test/x\"\nid = \"/etc\"\n",
                "source id `/etc` is not allowed",
            ),
            (
                "[[sections]]\nplugin = \"risk-matrix\"\nid = \"x/../../../y\"\n",
                "section id `x/../../../y` is not allowed",
            ),
            (
                "[[sections]]\nplugin = \"../evil\"\n",
                "plugin name `../evil` is not allowed",
            ),
            (
                "[[sections]]\nplugin = \"summary\"\nid = \".hidden\"\n",
                "section id `.hidden` is not allowed",
            ),
        ] {
            let e = parse(&format!("title = \"x\"\n{toml}"), "brief.toml")
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("brief.toml:2:1: "), "{e}");
            assert!(e.contains(said), "{e}");
            assert!(e.contains("ASCII letters, digits"), "{e}");
        }
    }

    #[test]
    fn empty_outputs_are_refused() {
        let e = parse("title = \"x\"\noutputs = []\n", "brief.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "brief.toml:2:11: `outputs` is empty; list at least one of \"md\", \"json\" or \"pdf\""
        );
    }

    #[test]
    fn max_items_has_an_upper_bound() {
        let t = |n: usize| {
            format!("title = \"x\"\n[[sources]]\nfeed = \"https://a.test/f\"\nmax_items = {n}\n")
        };
        let e = parse(&t(100_000), "brief.toml").unwrap_err().to_string();
        assert!(
            e.starts_with("brief.toml:4:13: `max_items = 100000`"),
            "{e}"
        );
        assert!(
            e.contains(&format!("between 1 and {MAX_FEED_ITEMS}")),
            "{e}"
        );
        assert!(parse(&t(MAX_FEED_ITEMS), "brief.toml").is_ok());
        assert!(parse(&t(0), "brief.toml").is_err());
    }

    #[test]
    fn a_huge_title_is_refused_before_anything_typesets_it() {
        let title = "T".repeat(MAX_TEXT_CHARS + 1);
        let e = parse(&format!("title = \"{title}\"\n"), "brief.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("`title` is 1001 characters long; at most 1000"),
            "{}",
            &e[..200.min(e.len())]
        );
    }

    #[test]
    fn plugin_timeouts_are_range_checked() {
        let c = parse("title = \"x\"\n", "brief.toml").unwrap();
        assert_eq!(c.plugin_timeout_seconds, DEFAULT_PLUGIN_TIMEOUT_SECONDS);
        assert!(!c.allow_private_network);
        let e = parse("title = \"x\"\nplugin_timeout_seconds = 0\n", "brief.toml").unwrap_err();
        assert!(e.to_string().contains("expected 1 to 3600 seconds"), "{e}");
        let c = parse(
            "title = \"x\"\n[[plugins]]\npath = \"p.so\"\ntimeout_seconds = 5\n",
            "brief.toml",
        )
        .unwrap();
        assert_eq!(c.plugins[0].timeout_seconds, Some(5));
        let e = parse(
            "title = \"x\"\n[[plugins]]\npath = \"p.so\"\ntimeout_seconds = 99999\n",
            "brief.toml",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("brief.toml:4:19: `timeout_seconds` = 99999"),
            "{e}"
        );
    }
}
