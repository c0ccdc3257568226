//! Limits on templates, checked before and after handlebars parses them, so that no template
//! can exhaust the stack: handlebars recurses once per nested block while parsing and once
//! per partial while rendering, with no limit of its own.
//!
//! - **Nesting**: a template may nest blocks (`{{#if}}`, `{{#each}}`, …) at most
//!   [`MAX_NESTING`] deep. Checked on the text, before the parser sees it.
//! - **Partials**: the graph of which template includes which (inline partials included) must
//!   have no cycle, and no chain longer than [`MAX_PARTIAL_DEPTH`]. A partial whose name is
//!   computed at render time (`{{> (lookup …)}}`) cannot be checked, so it is refused.

use std::collections::{BTreeMap, BTreeSet};

use handlebars::Handlebars;
use handlebars::template::{Parameter, Template, TemplateElement};

use crate::RenderError;

/// Deepest block nesting a template may have.
pub const MAX_NESTING: usize = 64;

/// Longest chain of partials including partials.
pub const MAX_PARTIAL_DEPTH: usize = 32;

/// Refuses `text` when its blocks nest deeper than [`MAX_NESTING`]; `location` names it.
pub fn check_nesting(text: &str, location: &str) -> Result<(), RenderError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(found) = find(bytes, i, b"{{") {
        let start = found + 2;
        // comments and raw blocks hold no tags
        if bytes[start..].starts_with(b"!--") {
            i = find(bytes, start, b"--}}").map_or(bytes.len(), |e| e + 4);
            continue;
        }
        if bytes[start..].starts_with(b"{{") {
            // `{{{{raw}}}} … {{{{/raw}}}}`: skip to the closing raw tag
            i = find(bytes, start, b"{{{{/").map_or(bytes.len(), |e| e + 5);
            continue;
        }
        let end = find(bytes, start, b"}}").unwrap_or(bytes.len());
        let tag = &bytes[start..end];
        let tag = tag.strip_prefix(b"~").unwrap_or(tag);
        match tag.first() {
            Some(b'!') => {}
            Some(b'#') => depth += 1,
            Some(b'^')
                if tag.len() > 1
                    && !tag[1..]
                        .iter()
                        .all(|b| b.is_ascii_whitespace() || *b == b'~') =>
            {
                depth += 1;
            }
            Some(b'/') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            let line = text[..found].matches('\n').count() + 1;
            return Err(RenderError::Template {
                location: format!("{location}:{line}"),
                message: format!("blocks nest more than {MAX_NESTING} deep; flatten the template"),
            });
        }
        i = end;
    }
    Ok(())
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Refuses a template set whose partials include themselves, directly or through others, or
/// chain deeper than [`MAX_PARTIAL_DEPTH`], or whose partial names are computed.
/// `locations` maps template names to the files they came from, for messages.
pub fn check_partials(
    registry: &Handlebars<'static>,
    locations: &BTreeMap<String, String>,
) -> Result<(), RenderError> {
    // node → the partial names it includes; inline partials are nodes of their own, and a
    // name reaches every node of that name (inline ones are visible to the partials a
    // template calls, so this over-approximates, which is the safe side)
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut names = BTreeMap::<String, Vec<String>>::new();
    let mut templates: Vec<(&String, &Template)> = registry.get_templates().iter().collect();
    templates.sort_by(|a, b| a.0.cmp(b.0));
    for (name, template) in templates {
        let location = locations.get(name).cloned().unwrap_or_else(|| name.clone());
        let mut found = Found::default();
        collect(template, name, &mut found).map_err(|message| RenderError::Template {
            location: location.clone(),
            message,
        })?;
        names.entry(name.clone()).or_default().push(name.clone());
        for (node, refs) in found.edges {
            edges.entry(node).or_default().extend(refs);
        }
        for (inline, node) in found.inline {
            names.entry(inline).or_default().push(node);
        }
    }
    let targets = |name: &str| names.get(name).cloned().unwrap_or_default();
    // depth-first search with colours; recursion is bounded by the chain limit
    let mut state: BTreeMap<String, u8> = BTreeMap::new();
    let mut nodes: Vec<&String> = edges.keys().collect();
    nodes.sort();
    for node in nodes {
        walk(
            node,
            &edges,
            &targets,
            &mut state,
            &mut Vec::new(),
            locations,
        )?;
    }
    Ok(())
}

#[derive(Default)]
struct Found {
    edges: BTreeMap<String, BTreeSet<String>>,
    /// inline partial name → its node
    inline: Vec<(String, String)>,
}

fn collect(template: &Template, node: &str, found: &mut Found) -> Result<(), String> {
    for element in &template.elements {
        match element {
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                let Some(name) = static_name(&d.name) else {
                    return Err(
                        "a partial whose name is computed at render time cannot be checked for recursion; name the partial directly".into(),
                    );
                };
                if !name.starts_with('@') {
                    found
                        .edges
                        .entry(node.to_string())
                        .or_default()
                        .insert(name);
                }
                if let Some(t) = &d.template {
                    collect(t, node, found)?;
                }
            }
            TemplateElement::DecoratorBlock(d) | TemplateElement::DecoratorExpression(d) => {
                let inline = static_name(&d.name).is_some_and(|n| n == "inline");
                match (&d.template, inline) {
                    (Some(t), true) => {
                        let Some(name) = d.params.first().and_then(static_name) else {
                            return Err("an inline partial needs a literal name".into());
                        };
                        let inline_node = format!("{node}#inline:{name}");
                        found.inline.push((name, inline_node.clone()));
                        found.edges.entry(inline_node.clone()).or_default();
                        collect(t, &inline_node, found)?;
                    }
                    (Some(t), false) => collect(t, node, found)?,
                    (None, _) => {}
                }
            }
            TemplateElement::HelperBlock(h) => {
                for t in [&h.template, &h.inverse].into_iter().flatten() {
                    collect(t, node, found)?;
                }
            }
            _ => {}
        }
    }
    found.edges.entry(node.to_string()).or_default();
    Ok(())
}

fn static_name(p: &Parameter) -> Option<String> {
    match p {
        Parameter::Literal(serde_json::Value::String(s)) => Some(s.clone()),
        Parameter::Name(_) | Parameter::Path(_) => p.as_name().map(str::to_string),
        _ => None,
    }
}

fn walk(
    node: &str,
    edges: &BTreeMap<String, BTreeSet<String>>,
    targets: &dyn Fn(&str) -> Vec<String>,
    state: &mut BTreeMap<String, u8>,
    path: &mut Vec<String>,
    locations: &BTreeMap<String, String>,
) -> Result<(), RenderError> {
    match state.get(node) {
        Some(2) => return Ok(()),
        Some(1) => {
            let start = path.iter().position(|n| n == node).unwrap_or(0);
            let mut cycle: Vec<String> = path[start..].iter().map(|n| display(n)).collect();
            cycle.push(display(node));
            return Err(RenderError::Template {
                location: location_of(&path[start], locations),
                message: format!(
                    "partials include each other in a loop ({}), which would never end",
                    cycle.join(" → ")
                ),
            });
        }
        _ => {}
    }
    if path.len() >= MAX_PARTIAL_DEPTH {
        return Err(RenderError::Template {
            location: location_of(&path[0], locations),
            message: format!("partials nest more than {MAX_PARTIAL_DEPTH} deep"),
        });
    }
    state.insert(node.to_string(), 1);
    path.push(node.to_string());
    for name in edges.get(node).into_iter().flatten() {
        for target in targets(name) {
            walk(&target, edges, targets, state, path, locations)?;
        }
    }
    path.pop();
    state.insert(node.to_string(), 2);
    Ok(())
}

/// A node's name as a reader knows it: `title-block`, or `inline partial "x" in brief`.
fn display(node: &str) -> String {
    match node.split_once("#inline:") {
        Some((template, name)) => format!("inline \"{name}\" of {template}"),
        None => node.to_string(),
    }
}

fn location_of(node: &str, locations: &BTreeMap<String, String>) -> String {
    let template = node.split('#').next().unwrap_or(node);
    locations
        .get(template)
        .cloned()
        .unwrap_or_else(|| format!("template {template}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(templates: &[(&str, &str)]) -> (Handlebars<'static>, BTreeMap<String, String>) {
        let mut r = Handlebars::new();
        let mut locations = BTreeMap::new();
        for (name, text) in templates {
            r.register_template_string(name, *text).unwrap();
            locations.insert(name.to_string(), format!("tpl/{name}.md.hbs"));
        }
        (r, locations)
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!(
            "{}x{}",
            "{{#if a}}".repeat(10_000),
            "{{/if}}".repeat(10_000)
        );
        let e = check_nesting(&deep, "tpl/brief.md.hbs")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("tpl/brief.md.hbs:1: template error: blocks nest more than 64 deep"),
            "{e}"
        );
        let fine = format!("{}x{}", "{{#if a}}".repeat(64), "{{/if}}".repeat(64));
        assert!(check_nesting(&fine, "t").is_ok());
        // siblings do not add up, and comments and else do not count
        let wide = "{{#each a}}{{^}}{{else}}{{/each}}{{!-- {{#if}} --}}".repeat(1000);
        assert!(check_nesting(&wide, "t").is_ok());
    }

    #[test]
    fn mutually_recursive_partials_are_refused_naming_the_loop() {
        let (r, l) = registry(&[
            ("a", "{{> b}}"),
            ("b", "x {{#if y}}{{> a}}{{/if}}"),
            ("c", "{{> b}}"),
        ]);
        let e = check_partials(&r, &l).unwrap_err().to_string();
        assert!(
            e.contains("partials include each other in a loop (a → b → a)"),
            "{e}"
        );
        assert!(e.starts_with("tpl/a.md.hbs: "), "{e}");
    }

    #[test]
    fn inline_partial_recursion_is_refused() {
        let (r, l) = registry(&[("brief", "{{#*inline \"x\"}}again {{> x}}{{/inline}}{{> x}}")]);
        let e = check_partials(&r, &l).unwrap_err().to_string();
        assert!(
            e.contains("inline \"x\" of brief → inline \"x\" of brief"),
            "{e}"
        );
    }

    #[test]
    fn computed_partial_names_are_refused() {
        let (r, l) = registry(&[("brief", "{{> (lookup this \"p\")}}")]);
        let e = check_partials(&r, &l).unwrap_err().to_string();
        assert!(e.contains("computed at render time"), "{e}");
    }

    #[test]
    fn the_default_shapes_pass() {
        let (r, l) = registry(&[
            (
                "brief",
                "{{> title-block}}{{#each s}}{{{m}}}{{/each}}{{> sources}}",
            ),
            ("title-block", "# {{title}}"),
            ("sources", "{{#each sources}}{{> line}}{{/each}}"),
            ("line", "- {{id}}"),
        ]);
        check_partials(&r, &l).unwrap();
    }

    #[test]
    fn a_long_chain_is_refused() {
        let names: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
        let texts: Vec<String> = (0..40)
            .map(|i| {
                if i + 1 < 40 {
                    format!("{{{{> p{}}}}}", i + 1)
                } else {
                    "end".into()
                }
            })
            .collect();
        let pairs: Vec<(&str, &str)> = names
            .iter()
            .map(String::as_str)
            .zip(texts.iter().map(String::as_str))
            .collect();
        let (r, l) = registry(&pairs);
        let e = check_partials(&r, &l).unwrap_err().to_string();
        assert!(e.contains("partials nest more than 32 deep"), "{e}");
    }
}
