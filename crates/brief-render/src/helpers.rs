//! Template helpers. Their output is written unescaped, so each one escapes any source text it
//! emits itself.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, JsonRender, Output, RenderContext,
    RenderErrorReason, handlebars_helper,
};
use serde_json::Value;

handlebars_helper!(inc: |n: u64| n + 1);
handlebars_helper!(eq: |a: Json, b: Json| a == b);
handlebars_helper!(gt: |a: f64, b: f64| a > b);
handlebars_helper!(count: |v: Json| match v {
    Value::Array(a) => a.len(),
    Value::Object(o) => o.len(),
    _ => 0,
});

pub fn register(registry: &mut Handlebars<'static>) {
    registry.register_helper("inc", Box::new(inc));
    registry.register_helper("eq", Box::new(eq));
    registry.register_helper("gt", Box::new(gt));
    registry.register_helper("count", Box::new(count));
    registry.register_helper("join", Box::new(join));
    registry.register_helper("cite", Box::new(cite));
}

/// `{{join list ", "}}`: the escaped strings of `list`, joined.
fn join(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let list = h.param(0).map(|p| p.value().clone()).unwrap_or(Value::Null);
    let sep = h.param(1).and_then(|p| p.value().as_str()).unwrap_or(", ");
    let parts: Vec<String> = match list {
        Value::Array(items) => items
            .iter()
            .map(|v| crate::escape::escape_markdown(&v.render()))
            .collect(),
        Value::Null => Vec::new(),
        other => vec![crate::escape::escape_markdown(&other.render())],
    };
    out.write(&parts.join(sep))?;
    Ok(())
}

/// `{{cite provenance}}`: " [1]" or " [1, 3]", numbering sources by their place in the brief's
/// Sources list. Reads the list from the root context's `sources`.
fn cite(
    h: &Helper,
    _: &Handlebars,
    ctx: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let provenance = h
        .param(0)
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("cite", 0))?
        .value();
    let sources = ctx.data().get("__source_ids").and_then(Value::as_array);
    let mut numbers: Vec<usize> = provenance
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.get("source").and_then(Value::as_str))
        .filter_map(|id| {
            sources?
                .iter()
                .position(|s| s.as_str() == Some(id))
                .map(|i| i + 1)
        })
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    if !numbers.is_empty() {
        let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
        out.write(&format!(" [{}]", list.join(", ")))?;
    }
    Ok(())
}
