//! The section's options from brief.toml, read strictly: unknown keys and bad values are
//! errors that name the key.

use brief_core::{Options, PluginError};
use serde_json::Value;

use crate::strength::Strength;

/// Default cap on the number of recommendations shown.
pub(crate) const DEFAULT_MAX_ITEMS: usize = 25;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Settings {
    /// Weakest strength shown.
    pub min_strength: Strength,
    pub max_items: usize,
    /// Extra cue phrases, each as lowercase words.
    pub extra_cues: Vec<Vec<String>>,
    pub title: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            min_strength: Strength::Could,
            max_items: DEFAULT_MAX_ITEMS,
            extra_cues: Vec::new(),
            title: None,
        }
    }
}

impl Settings {
    pub fn from_options(value: &Value) -> Result<Self, PluginError> {
        let options = Options::new(value)?;
        let min_strength = match options.string("min_strength")? {
            None => Strength::Could,
            Some(text) => Strength::parse(text).ok_or_else(|| {
                PluginError::option(
                    "min_strength",
                    format!("expected \"could\", \"should\" or \"must\", got {text:?}"),
                )
            })?,
        };
        let max_items = options.usize("max_items", DEFAULT_MAX_ITEMS)?;
        if max_items == 0 {
            return Err(PluginError::option("max_items", "must be at least 1"));
        }
        let mut extra_cues = Vec::new();
        for phrase in options.strings("extra_cues")? {
            let words: Vec<String> = brief_text::tokenize(phrase)
                .into_iter()
                .map(|t| t.lower)
                .collect();
            if words.is_empty() {
                return Err(PluginError::option(
                    "extra_cues",
                    format!("cue {phrase:?} has no words"),
                ));
            }
            extra_cues.push(words);
        }
        let title = options.string("title")?.map(str::to_string);
        options.finish()?;
        Ok(Self {
            min_strength,
            max_items,
            extra_cues,
            title,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_option() {
        let s = Settings::from_options(&json!({
            "min_strength": "should", "max_items": 5, "extra_cues": ["It is high time that"], "title": "Advice"
        }))
        .unwrap();
        assert_eq!(s.min_strength, Strength::Should);
        assert_eq!(s.max_items, 5);
        assert_eq!(s.extra_cues, vec![vec!["it", "is", "high", "time", "that"]]);
        assert_eq!(s.title.as_deref(), Some("Advice"));
    }

    #[test]
    fn null_options_are_defaults() {
        assert_eq!(
            Settings::from_options(&Value::Null).unwrap(),
            Settings::default()
        );
    }

    #[test]
    fn bad_values_name_their_key() {
        for (v, key) in [
            (json!({"min_strength": "maybe"}), "min_strength"),
            (json!({"max_items": 0}), "max_items"),
            (json!({"extra_cues": ["  "]}), "extra_cues"),
            (json!({"extra_cues": "urge"}), "extra_cues"),
            (json!({"minimum": "must"}), "minimum"),
        ] {
            let err = Settings::from_options(&v).unwrap_err();
            assert_eq!(err.option.as_deref(), Some(key), "{v}");
        }
    }
}
