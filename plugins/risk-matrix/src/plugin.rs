//! The plugin glue: options in, section out (items, matrix data, SVG asset, notes).

use brief_core::{Asset, Item, PluginError, SectionOutput, SectionPlugin, SectionRequest};
use serde_json::{Value, json};

use crate::collect::{self, Risk};
use crate::lexicon::impact::{IMPACT_LABELS, impact_label};
use crate::matrix::{self, COLOUR_RULE, Placed, rating};
use crate::overrides;
use crate::scale::Scale;
use crate::settings::Settings;
use crate::svg;

/// File name of the matrix picture among the brief's assets.
pub const SVG_NAME: &str = "risk-matrix.svg";

/// Note shown when the sources state no risk.
pub const NO_RISKS_NOTE: &str =
    "No risk statements were found in the sources, so the matrix is empty.";

/// The risk-matrix section: risks with likelihood from estimative language, impact from a
/// severity lexicon, confidence from sourcing, on a 5×5 matrix.
#[derive(Debug, Clone, Copy, Default)]
pub struct RiskMatrixPlugin;

impl SectionPlugin for RiskMatrixPlugin {
    fn name(&self) -> &str {
        "risk-matrix"
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    fn default_title(&self) -> &str {
        "Risk matrix"
    }

    fn build(&self, request: &SectionRequest<'_>) -> Result<SectionOutput, PluginError> {
        let settings = Settings::read(request.options)?;
        let mut risks = collect::find_risks(
            request.articles,
            settings.scale,
            request.brief.date.as_deref(),
        );
        let suppressed = overrides::suppress(&mut risks, &settings.suppress)?;
        overrides::rerate(&mut risks, &settings.rerate)?;
        risks.extend(overrides::added(request.articles, &settings.add)?);
        risks.sort_by(|a, b| {
            let key = |r: &Risk| (rating(r.likelihood, r.impact), r.impact, r.likelihood);
            key(b).cmp(&key(a)).then(a.order.cmp(&b.order))
        });
        let mut notes = Vec::new();
        if risks.is_empty() {
            notes.push(NO_RISKS_NOTE.to_string());
        }
        if risks.len() > settings.max_risks {
            let hidden: Vec<String> = risks[settings.max_risks..]
                .iter()
                .map(|r| r.id.clone())
                .collect();
            notes.push(format!(
                "{} lower-rated risks are not shown (max_risks = {}): {}.",
                hidden.len(),
                settings.max_risks,
                hidden.join(", ")
            ));
            risks.truncate(settings.max_risks);
        }
        for r in &suppressed {
            notes.push(format!(
                "Suppressed by the analyst: {} ({}).",
                r.id, r.title
            ));
        }
        Ok(SectionOutput {
            title: settings.title.clone(),
            items: risks.iter().map(|r| item(settings.scale, r)).collect(),
            notes,
            data: data(settings.scale, &risks),
            assets: vec![Asset {
                name: SVG_NAME.to_string(),
                media_type: "image/svg+xml".to_string(),
                contents: svg::render(settings.scale, &placed(&risks)),
            }],
            diagnostics: Vec::new(),
        })
    }
}

fn placed(risks: &[Risk]) -> Vec<Placed<'_>> {
    risks
        .iter()
        .map(|r| Placed {
            id: &r.id,
            likelihood: r.likelihood,
            impact: r.impact,
        })
        .collect()
}

/// One register entry as a JSON item.
fn item(scale: Scale, r: &Risk) -> Item {
    let original = match r.original {
        Some((l, i)) => json!({
            "likelihood": l,
            "impact": i,
            "likelihood_band": scale.label(l),
            "impact_label": impact_label(i),
        }),
        None => Value::Null,
    };
    Item::new(r.text.clone(), r.provenance.clone())
        .with("id", r.id.clone())
        .with("title", r.title.clone())
        .with("kind", r.kind)
        .with("likelihood", r.likelihood)
        .with("likelihood_band", scale.label(r.likelihood))
        .with("impact", r.impact)
        .with("impact_label", impact_label(r.impact))
        .with("rating", rating(r.likelihood, r.impact).name())
        .with("confidence", r.confidence.level)
        .with(
            "cues",
            json!({
                "likelihood": r.likelihood_cues,
                "impact": r.impact_cues,
                "confidence": r.confidence.reasons,
            }),
        )
        .with(
            "override",
            r.override_reason.clone().map_or(Value::Null, Value::String),
        )
        .with("original", original)
}

/// The section's `data`: scale, bands, the matrix (for the PDF renderer) and rows (for the
/// Markdown table).
fn data(scale: Scale, risks: &[Risk]) -> Value {
    let placed = placed(risks);
    json!({
        "scale": scale.name(),
        "scale_key": scale.key(),
        "scale_bands": scale.bands_json(),
        "impact_levels": IMPACT_LABELS
            .iter()
            .enumerate()
            .map(|(n, label)| json!({"level": n + 1, "label": label}))
            .collect::<Vec<_>>(),
        "colour_rule": COLOUR_RULE,
        "matrix": matrix::matrix_json(scale, &placed),
        "rows": matrix::rows_json(scale, &placed),
        "empty": risks.is_empty(),
    })
}
