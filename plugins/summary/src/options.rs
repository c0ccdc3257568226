//! The summary section's options in brief.toml.

use brief_core::{Options, PluginError};
use brief_text::summarize::{PRESETS, Weights};

/// Key points when brief.toml does not say. Seven, not five: a long analytical source makes
/// five or more separate judgements, and with five slots the spread-out picks of the report
/// preset left one of them out on real commentary (docs/plugins/summary.md). `max_words` is
/// the control for a shorter section.
pub const DEFAULT_POINTS: usize = 7;

/// Briefs are built from reports and analysis more than from breaking news.
pub const DEFAULT_PRESET: &str = "report";

#[derive(Debug, Clone, PartialEq)]
pub struct SummaryOptions {
    /// How many key points (not counting the bottom line).
    pub points: usize,
    /// Word budget for key points and bottom line together; `None` is unlimited.
    pub max_words: Option<usize>,
    /// Whether to open with a bottom-line paragraph.
    pub bottom_line: bool,
    /// Section heading, when set here rather than at the section level.
    pub title: Option<String>,
    /// The summarizer's weights: the `preset` (default "report"), then any overrides from a
    /// `weights` table.
    pub weights: Weights,
}

impl SummaryOptions {
    pub fn read(value: &serde_json::Value) -> Result<Self, PluginError> {
        let options = Options::new(value)?;
        let points = options.usize("points", DEFAULT_POINTS)?;
        let max_words = options.opt_usize("max_words")?;
        let bottom_line = options.bool("bottom_line", true)?;
        let title = options.string("title")?.map(str::to_string);
        let preset = options.string("preset")?.unwrap_or(DEFAULT_PRESET);
        let base = Weights::preset(preset).ok_or_else(|| {
            PluginError::option("preset", format!("expected one of: {}", PRESETS.join(", ")))
        })?;
        let weights = read_weights(base, options.value("weights"))?;
        options.finish()?;
        if points == 0 && !bottom_line {
            return Err(PluginError::option(
                "points",
                "must be at least 1 when bottom_line is false (the section would be empty)",
            ));
        }
        Ok(Self {
            points,
            max_words,
            bottom_line,
            title,
            weights,
        })
    }
}

/// `weights = { redundancy = 0.4, … }`: overrides of the summarizer's named weights.
fn read_weights(
    mut weights: Weights,
    value: Option<&serde_json::Value>,
) -> Result<Weights, PluginError> {
    let Some(value) = value else {
        return Ok(weights);
    };
    let table = value
        .as_object()
        .ok_or_else(|| PluginError::option("weights", "expected a table of numbers"))?;
    for (name, number) in table {
        let number = number.as_f64().ok_or_else(|| {
            PluginError::option("weights", format!("weight `{name}` must be a number"))
        })?;
        weights
            .set(name, number)
            .map_err(|e| PluginError::option("weights", e.to_string()))?;
    }
    Ok(weights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults() {
        let o = SummaryOptions::read(&serde_json::Value::Null).unwrap();
        assert_eq!(o.points, DEFAULT_POINTS);
        assert_eq!(o.max_words, None);
        assert!(o.bottom_line);
        assert_eq!(o.weights, Weights::report());
    }

    #[test]
    fn reads_every_option() {
        let o = SummaryOptions::read(&json!({
            "points": 3, "max_words": 80, "bottom_line": false, "title": "In short",
            "preset": "news", "weights": {"redundancy": 0.25}
        }))
        .unwrap();
        assert_eq!((o.points, o.max_words, o.bottom_line), (3, Some(80), false));
        assert_eq!(o.title.as_deref(), Some("In short"));
        assert_eq!(
            o.weights,
            Weights {
                redundancy: 0.25,
                ..Weights::news()
            }
        );
    }

    #[test]
    fn typos_and_bad_weights_name_the_option() {
        let err = SummaryOptions::read(&json!({"point": 3})).unwrap_err();
        assert_eq!(err.option.as_deref(), Some("point"));
        let err = SummaryOptions::read(&json!({"weights": {"redundant": 1}})).unwrap_err();
        assert_eq!(err.option.as_deref(), Some("weights"));
        assert!(err.message.contains("redundant"));
        let err = SummaryOptions::read(&json!({"preset": "poetry"})).unwrap_err();
        assert_eq!(err.option.as_deref(), Some("preset"));
    }

    #[test]
    fn an_empty_section_is_refused() {
        let err = SummaryOptions::read(&json!({"points": 0, "bottom_line": false})).unwrap_err();
        assert_eq!(err.option.as_deref(), Some("points"));
    }
}
