//! The built-in `changes` section: what moved since the last edition made from other inputs.
//!
//! Items present now but not then are "added" (with their current provenance); risks whose
//! likelihood or impact moved are "re-rated", old → new. Items that disappeared have no
//! passage in today's sources to point at, so they are listed in `data.removed` and shown as
//! text rather than as items.

use std::collections::BTreeMap;

use brief_core::{Brief, Item, Section, SectionOutput};
use serde_json::{Value, json};

/// The plugin name brief.toml uses for this section.
pub const PLUGIN: &str = "changes";

fn key(item: &Item) -> String {
    if let Some(id) = item.fields.get("id").and_then(Value::as_str) {
        return format!("id:{id}");
    }
    item.text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn level(item: &Item, field: &str) -> Option<i64> {
    item.fields.get(field).and_then(Value::as_i64)
}

fn label(item: &Item) -> String {
    item.fields
        .get("title")
        .and_then(Value::as_str)
        .map_or_else(|| item.text.clone(), str::to_string)
}

/// Compares the sections built now with those of `previous` (edition number, brief).
pub fn changes_section(previous: Option<(u32, &Brief)>, current: &[Section]) -> SectionOutput {
    let mut out = SectionOutput::default();
    let Some((number, prev)) = previous else {
        out.notes
            .push("This is the first edition: there is nothing to compare with yet.".into());
        out.data = json!({"base_edition": null, "removed": []});
        return out;
    };
    let mut removed = Vec::new();
    for section in current.iter().filter(|s| s.plugin != PLUGIN) {
        let before: BTreeMap<String, &Item> = prev
            .sections
            .iter()
            .find(|s| s.id == section.id)
            .map(|s| s.items.iter().map(|i| (key(i), i)).collect())
            .unwrap_or_default();
        let now: BTreeMap<String, &Item> = section.items.iter().map(|i| (key(i), i)).collect();
        for item in &section.items {
            match before.get(&key(item)) {
                None => out.items.push(
                    Item::new(label(item), item.provenance.clone())
                        .with("change", "added")
                        .with("section", section.title.clone()),
                ),
                Some(old) => {
                    let moved = ["likelihood", "impact"]
                        .iter()
                        .any(|f| level(old, f) != level(item, f));
                    if moved && level(item, "likelihood").is_some() {
                        out.items.push(
                            Item::new(label(item), item.provenance.clone())
                                .with("change", "re-rated")
                                .with("section", section.title.clone())
                                .with("from", json!({"likelihood": level(old, "likelihood"), "impact": level(old, "impact")}))
                                .with("to", json!({"likelihood": level(item, "likelihood"), "impact": level(item, "impact")})),
                        );
                    }
                }
            }
        }
        for (k, item) in &before {
            if !now.contains_key(k) {
                removed.push(json!({"section": section.title, "text": label(item)}));
            }
        }
    }
    if out.items.is_empty() && removed.is_empty() {
        out.notes.push(format!(
            "Nothing changed in the sections since edition {number}."
        ));
    }
    out.data = json!({"base_edition": number, "removed": removed});
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::{BriefMeta, Provenance};

    fn item(text: &str, risk: Option<(&str, i64, i64)>) -> Item {
        let p = vec![Provenance {
            source: "s".into(),
            start: 0,
            end: 4,
            sentence: None,
        }];
        let mut i = Item::new(text, p);
        if let Some((id, l, im)) = risk {
            i = i
                .with("id", id)
                .with("title", text)
                .with("likelihood", l)
                .with("impact", im);
        }
        i
    }

    fn section(id: &str, items: Vec<Item>) -> Section {
        Section {
            id: id.into(),
            plugin: id.into(),
            title: id.into(),
            items,
            notes: vec![],
            data: Value::Null,
            assets: vec![],
        }
    }

    #[test]
    fn finds_added_removed_and_rerated() {
        let prev = Brief {
            schema_version: "1.0".into(),
            meta: BriefMeta::default(),
            sources: vec![],
            sections: vec![
                section(
                    "summary",
                    vec![item("Old point.", None), item("Kept point.", None)],
                ),
                section("risk-matrix", vec![item("Floods", Some(("R-1", 2, 3)))]),
            ],
        };
        let now = vec![
            section(
                "summary",
                vec![item("Kept point.", None), item("New point.", None)],
            ),
            section("risk-matrix", vec![item("Floods", Some(("R-1", 4, 3)))]),
        ];
        let out = changes_section(Some((3, &prev)), &now);
        let kinds: Vec<(&str, &str)> = out
            .items
            .iter()
            .map(|i| (i.text.as_str(), i.fields["change"].as_str().unwrap()))
            .collect();
        assert_eq!(kinds, vec![("New point.", "added"), ("Floods", "re-rated")]);
        assert_eq!(out.items[1].fields["from"]["likelihood"], 2);
        assert_eq!(out.data["removed"][0]["text"], "Old point.");
        assert_eq!(out.data["base_edition"], 3);
    }

    #[test]
    fn first_edition_says_so() {
        let out = changes_section(None, &[]);
        assert!(out.items.is_empty());
        assert!(out.notes[0].contains("first edition"));
    }
}
