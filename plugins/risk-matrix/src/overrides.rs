//! Applying the analyst's overrides from brief.toml: suppress, re-rate and add.
//!
//! Overrides refer to risks by their stable id, so they keep working when the brief is
//! regenerated. An id that matches no risk is an error rather than a silent no-op: it usually
//! means the source changed and the analyst should look again.

use brief_core::{Article, PluginError, Provenance};
use brief_text::Stemmer;

use crate::collect::Risk;
use crate::confidence;
use crate::ids;
use crate::settings::{AddedRisk, Rerate};

fn same_id(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn unknown_id(key: &str, what: String, id: &str, risks: &[Risk]) -> PluginError {
    let mut known: Vec<&str> = risks.iter().map(|r| r.id.as_str()).collect();
    known.sort_unstable();
    let known = if known.is_empty() {
        "none were found".to_string()
    } else {
        known.join(", ")
    };
    PluginError::option(
        key,
        format!("{what}: no risk has id `{id}`; ids found: {known}"),
    )
}

/// Removes suppressed risks; returns them for the section's notes.
pub fn suppress(risks: &mut Vec<Risk>, ids: &[String]) -> Result<Vec<Risk>, PluginError> {
    for (n, id) in ids.iter().enumerate() {
        if !risks.iter().any(|r| same_id(&r.id, id)) {
            return Err(unknown_id(
                "suppress",
                format!("suppress[{}]", n + 1),
                id,
                risks,
            ));
        }
    }
    let (removed, kept): (Vec<Risk>, Vec<Risk>) = risks
        .drain(..)
        .partition(|r| ids.iter().any(|id| same_id(&r.id, id)));
    *risks = kept;
    Ok(removed)
}

/// Applies re-ratings, keeping the computed rating in `original` and the reason in
/// `override_reason`.
pub fn rerate(risks: &mut [Risk], rerates: &[Rerate]) -> Result<(), PluginError> {
    for (n, change) in rerates.iter().enumerate() {
        let Some(risk) = risks.iter().position(|r| same_id(&r.id, &change.id)) else {
            return Err(unknown_id(
                "rerate",
                format!("rerate[{}]", n + 1),
                &change.id,
                risks,
            ));
        };
        let risk = &mut risks[risk];
        risk.original.get_or_insert((risk.likelihood, risk.impact));
        if let Some(l) = change.likelihood {
            risk.likelihood = l;
        }
        if let Some(i) = change.impact {
            risk.impact = i;
        }
        risk.override_reason = Some(change.reason.clone());
    }
    Ok(())
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentences a quote comes from: the sentence containing it, or the run of sentences it
/// spans.
fn locate(articles: &[Article], added: &AddedRisk) -> Vec<(usize, usize)> {
    let quote = collapse_whitespace(&added.quote).to_lowercase();
    let wanted = |a: &Article| added.source.as_deref().is_none_or(|s| s == a.source.id);
    for (ai, article) in articles.iter().enumerate().filter(|(_, a)| wanted(a)) {
        let texts: Vec<String> = article
            .sentences
            .iter()
            .map(|s| collapse_whitespace(&s.text).to_lowercase())
            .collect();
        if let Some(k) = texts.iter().position(|t| t.contains(&quote)) {
            return vec![(ai, k)];
        }
        let inside: Vec<usize> = (0..texts.len())
            .filter(|&k| quote.contains(&texts[k]))
            .collect();
        if !inside.is_empty() {
            return inside.into_iter().map(|k| (ai, k)).collect();
        }
    }
    Vec::new()
}

/// Turns the analyst's added risks into register entries citing the quoted passage.
pub fn added(articles: &[Article], adds: &[AddedRisk]) -> Result<Vec<Risk>, PluginError> {
    let stemmer = Stemmer::new();
    let hashes: Vec<u64> = adds
        .iter()
        .map(|a| ids::stem_hash(&stemmer, &a.title))
        .collect();
    let ids = ids::assign(ids::ADDED_PREFIX, &hashes);
    adds.iter()
        .zip(ids)
        .enumerate()
        .map(|(n, (add, id))| {
            let found = locate(articles, add);
            if found.is_empty() {
                let scope = add.source.as_deref().map_or("any source".to_string(), |s| format!("source `{s}`"));
                return Err(PluginError::option(
                    "add",
                    format!(
                        "add[{}]: the passage \"{}\" was not found in {scope}; set `quote` to words copied from a source so the risk can cite it",
                        n + 1,
                        add.quote
                    ),
                ));
            }
            let provenance: Vec<Provenance> = found
                .iter()
                .map(|&(ai, k)| {
                    let s = &articles[ai].sentences[k];
                    Provenance {
                        source: articles[ai].source.id.clone(),
                        start: s.span.start,
                        end: s.span.end,
                        sentence: Some(s.id.clone()),
                    }
                })
                .collect();
            let mut confidence = confidence::assess(
                found.iter().map(|&(ai, k)| (articles[ai].source.id.as_str(), articles[ai].sentences[k].text.as_str())),
            );
            confidence.reasons.push("added by the analyst".to_string());
            Ok(Risk {
                id,
                title: add.title.clone(),
                text: add.text.clone(),
                provenance,
                likelihood: add.likelihood,
                impact: add.impact,
                kind: "added",
                likelihood_cues: vec![format!("set by the analyst: {}", add.likelihood)],
                impact_cues: vec![format!("set by the analyst: {}", add.impact)],
                confidence,
                override_reason: Some(add.reason.clone()),
                original: None,
                order: (usize::MAX, n),
            })
        })
        .collect()
}
