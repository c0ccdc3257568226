//! The section's options from brief.toml, including the analyst's overrides:
//!
//! ```toml
//! [[sections]]
//! plugin = "risk-matrix"
//! scale = "phia"          # or "icd203" (default)
//! max_risks = 8
//! suppress = ["R-3f2a"]
//!
//! [[sections.rerate]]
//! id = "R-91c0"
//! likelihood = 4
//! reason = "Ministry confirmed the deployment on 3 May"
//!
//! [[sections.add]]
//! title = "Port strike halts exports"
//! quote = "dockworkers could walk out"   # a passage of a source, so the risk can cite it
//! likelihood = 3
//! impact = 3
//! reason = "Union ballot due next week"
//! ```
//!
//! Every error names its key so the engine can point at the brief.toml line.

use brief_core::{Options, PluginError};
use serde_json::{Map, Value};

use crate::scale::Scale;

/// Risks shown when `max_risks` is not set.
pub const DEFAULT_MAX_RISKS: usize = 12;

/// A risk added by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedRisk {
    pub title: String,
    pub text: String,
    /// The passage of a source the risk cites (defaults to `text`).
    pub quote: String,
    /// Restricts the quote search to one source id.
    pub source: Option<String>,
    pub likelihood: u8,
    pub impact: u8,
    pub reason: String,
}

/// A re-rating of a found risk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rerate {
    pub id: String,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    pub reason: String,
}

/// Everything the section's table in brief.toml says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub scale: Scale,
    pub max_risks: usize,
    pub title: Option<String>,
    pub add: Vec<AddedRisk>,
    pub rerate: Vec<Rerate>,
    pub suppress: Vec<String>,
}

impl Settings {
    /// Reads and checks the options; unknown keys are rejected.
    pub fn read(value: &Value) -> Result<Self, PluginError> {
        let options = Options::new(value)?;
        let scale = match options.string("scale")? {
            None => Scale::Icd203,
            Some(name) => Scale::parse(name).ok_or_else(|| {
                PluginError::option(
                    "scale",
                    format!("unknown scale `{name}`; expected \"icd203\" or \"phia\""),
                )
            })?,
        };
        let max_risks = options.usize("max_risks", DEFAULT_MAX_RISKS)?;
        if max_risks == 0 {
            return Err(PluginError::option("max_risks", "must be at least 1"));
        }
        let title = options.string("title")?.map(str::to_string);
        let add = tables(options.value("add"), "add")?
            .iter()
            .enumerate()
            .map(|(n, t)| read_added(t, n + 1))
            .collect::<Result<Vec<_>, _>>()?;
        let rerate = tables(options.value("rerate"), "rerate")?
            .iter()
            .enumerate()
            .map(|(n, t)| read_rerate(t, n + 1))
            .collect::<Result<Vec<_>, _>>()?;
        let suppress = options
            .strings("suppress")?
            .into_iter()
            .map(|id| id.trim().to_string())
            .collect();
        options.finish()?;
        Ok(Self {
            scale,
            max_risks,
            title,
            add,
            rerate,
            suppress,
        })
    }
}

/// An array of tables (`[[sections.add]]`), or a single table.
fn tables<'a>(
    value: Option<&'a Value>,
    key: &str,
) -> Result<Vec<&'a Map<String, Value>>, PluginError> {
    match value {
        None => Ok(Vec::new()),
        Some(Value::Object(table)) => Ok(vec![table]),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                item.as_object().ok_or_else(|| {
                    PluginError::option(key, format!("{key}[{}]: expected a table", n + 1))
                })
            })
            .collect(),
        Some(_) => Err(PluginError::option(
            key,
            format!("expected an array of tables ([[sections.{key}]])"),
        )),
    }
}

/// Reads one table's fields, rejecting unknown ones.
struct Fields<'a> {
    table: &'a Map<String, Value>,
    key: &'static str,
    n: usize,
}

impl<'a> Fields<'a> {
    fn error(&self, message: impl std::fmt::Display) -> PluginError {
        PluginError::option(self.key, format!("{}[{}]: {message}", self.key, self.n))
    }

    fn check_known(&self, known: &[&str]) -> Result<(), PluginError> {
        match self.table.keys().find(|k| !known.contains(&k.as_str())) {
            Some(k) => Err(self.error(format!(
                "unknown key `{k}`; expected one of: {}",
                known.join(", ")
            ))),
            None => Ok(()),
        }
    }

    fn string(&self, field: &str) -> Result<Option<String>, PluginError> {
        match self.table.get(field) {
            None => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
            Some(Value::String(_)) => Err(self.error(format!("`{field}` is empty"))),
            Some(_) => Err(self.error(format!("`{field}` must be a string"))),
        }
    }

    fn required(&self, field: &str) -> Result<String, PluginError> {
        self.string(field)?
            .ok_or_else(|| self.error(format!("`{field}` is required")))
    }

    /// A level 1..=5.
    fn level(&self, field: &str) -> Result<Option<u8>, PluginError> {
        match self.table.get(field) {
            None => Ok(None),
            Some(v) => match v.as_i64() {
                Some(n @ 1..=5) => Ok(Some(n as u8)),
                _ => Err(self.error(format!(
                    "`{field}` must be a whole number from 1 to 5, got {v}"
                ))),
            },
        }
    }
}

fn read_added(table: &Map<String, Value>, n: usize) -> Result<AddedRisk, PluginError> {
    let f = Fields {
        table,
        key: "add",
        n,
    };
    f.check_known(&[
        "title",
        "text",
        "quote",
        "source",
        "likelihood",
        "impact",
        "reason",
    ])?;
    let title = f.required("title")?;
    let text = f.string("text")?.unwrap_or_else(|| title.clone());
    let quote = f.string("quote")?.unwrap_or_else(|| text.clone());
    Ok(AddedRisk {
        likelihood: f
            .level("likelihood")?
            .ok_or_else(|| f.error("`likelihood` is required"))?,
        impact: f
            .level("impact")?
            .ok_or_else(|| f.error("`impact` is required"))?,
        reason: f.required("reason")?,
        source: f.string("source")?,
        title,
        text,
        quote,
    })
}

fn read_rerate(table: &Map<String, Value>, n: usize) -> Result<Rerate, PluginError> {
    let f = Fields {
        table,
        key: "rerate",
        n,
    };
    f.check_known(&["id", "likelihood", "impact", "reason"])?;
    let rerate = Rerate {
        id: f.required("id")?,
        likelihood: f.level("likelihood")?,
        impact: f.level("impact")?,
        reason: f.required("reason")?,
    };
    if rerate.likelihood.is_none() && rerate.impact.is_none() {
        return Err(f.error("give `likelihood`, `impact` or both"));
    }
    Ok(rerate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults() {
        let s = Settings::read(&Value::Null).unwrap();
        assert_eq!(s.scale, Scale::Icd203);
        assert_eq!(s.max_risks, DEFAULT_MAX_RISKS);
        assert!(s.add.is_empty() && s.rerate.is_empty() && s.suppress.is_empty());
    }

    #[test]
    fn reads_overrides() {
        let s = Settings::read(&json!({
            "scale": "phia",
            "suppress": ["R-0001"],
            "rerate": [{"id": "R-3f2a", "impact": 5, "reason": "confirmed"}],
            "add": [{"title": "Strike", "quote": "could walk out", "likelihood": 3, "impact": 2, "reason": "ballot"}],
        }))
        .unwrap();
        assert_eq!(s.scale, Scale::Phia);
        assert_eq!(s.rerate[0].impact, Some(5));
        assert_eq!(s.add[0].text, "Strike");
        assert_eq!(s.suppress, vec!["R-0001"]);
    }

    #[test]
    fn level_out_of_range_names_the_key() {
        for bad in [json!(0), json!(6), json!("high"), json!(2.5)] {
            let err = Settings::read(
                &json!({"rerate": [{"id": "R-1", "likelihood": bad, "reason": "x"}]}),
            )
            .unwrap_err();
            assert_eq!(err.option.as_deref(), Some("rerate"));
            assert!(err.message.contains("rerate[1]"), "{}", err.message);
            assert!(err.message.contains("1 to 5"), "{}", err.message);
        }
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = Settings::read(&json!({"scael": "phia"})).unwrap_err();
        assert_eq!(err.option.as_deref(), Some("scael"));
        let err = Settings::read(&json!({"add": [{"title": "x", "likelihood": 1, "impact": 1, "reason": "r", "colour": "red"}]}))
            .unwrap_err();
        assert!(
            err.message.contains("unknown key `colour`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn bad_scale_and_missing_reason_are_errors() {
        assert_eq!(
            Settings::read(&json!({"scale": "nato"}))
                .unwrap_err()
                .option
                .as_deref(),
            Some("scale")
        );
        let err = Settings::read(&json!({"rerate": {"id": "R-1", "impact": 2}})).unwrap_err();
        assert!(err.message.contains("`reason` is required"));
    }
}
