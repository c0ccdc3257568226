//! Checks that every item a plugin returns rests on real passages of the brief's sources.
//! A plugin that points outside its sources would break the brief's central promise, so this
//! is an error, not a warning.

use brief_core::{Article, Item};

/// `Err(message)` for the first item whose provenance is empty or out of bounds.
pub fn check_items(
    items: &[Item],
    articles: &[Article],
    originals: &[Vec<u8>],
) -> Result<(), String> {
    for (n, item) in items.iter().enumerate() {
        if item.provenance.is_empty() {
            return Err(format!("item {} has no provenance", n + 1));
        }
        for p in &item.provenance {
            let Some(i) = articles.iter().position(|a| a.source.id == p.source) else {
                return Err(format!(
                    "item {} cites unknown source `{}`",
                    n + 1,
                    p.source
                ));
            };
            let bytes = &originals[i];
            let ok = p.start < p.end
                && p.end <= bytes.len()
                && std::str::from_utf8(&bytes[p.start..p.end]).is_ok();
            if !ok {
                return Err(format!(
                    "item {} has provenance {}..{} outside source `{}` ({} bytes) or off character boundaries",
                    n + 1,
                    p.start,
                    p.end,
                    p.source,
                    bytes.len()
                ));
            }
        }
    }
    Ok(())
}
