//! The 5×5 grid and its colours.
//!
//! Colour rule (Cox 2008, "What's wrong with risk matrices?"): three colours, assigned by the
//! sum of the two levels:
//! - high (red) when likelihood + impact ≥ 8,
//! - low (green) when likelihood + impact ≤ 5,
//! - medium (yellow) otherwise.
//!
//! This satisfies Cox's axioms for both scales (tested below): weak consistency (every red
//! cell holds quantitatively higher risk, probability × consequence, than every green cell),
//! betweenness (no red cell touches a green cell, so any path from green to red passes through
//! yellow), and no red in the bottom row or left column. Impact levels are taken as equal
//! fifths of the consequence range for that check. Colour never ranks risks on its own: every
//! cell also carries its rating as a word and its numeric likelihood band.

use serde_json::{Value, json};

use crate::lexicon::impact::{IMPACT_LABELS, impact_label};
use crate::scale::Scale;

/// A cell's colour category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    Low,
    Medium,
    High,
}

impl Rating {
    pub fn name(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

/// The colour rule, as a sentence for readers.
pub const COLOUR_RULE: &str = "high (red) when likelihood + impact ≥ 8; low (green) when likelihood + impact ≤ 5; medium (yellow) otherwise";

/// The rating of the cell at likelihood `l`, impact `i` (levels 1..=5).
pub fn rating(l: u8, i: u8) -> Rating {
    match l + i {
        s if s >= 8 => Rating::High,
        s if s <= 5 => Rating::Low,
        _ => Rating::Medium,
    }
}

/// A risk as placed on the grid.
#[derive(Debug, Clone)]
pub struct Placed<'a> {
    pub id: &'a str,
    pub likelihood: u8,
    pub impact: u8,
}

/// Ids in the cell (l, i), in the order the risks are given (register order).
fn ids_in<'a>(risks: &[Placed<'a>], l: u8, i: u8) -> Vec<&'a str> {
    risks
        .iter()
        .filter(|r| r.likelihood == l && r.impact == i)
        .map(|r| r.id)
        .collect()
}

/// `data.matrix`: labels and 25 cells, rows likelihood 5→1, columns impact 1→5.
pub fn matrix_json(scale: Scale, risks: &[Placed<'_>]) -> Value {
    let mut cells = Vec::with_capacity(25);
    for l in (1..=5).rev() {
        for i in 1..=5 {
            cells.push(json!({
                "likelihood": l,
                "impact": i,
                "ids": ids_in(risks, l, i),
                "rating": rating(l, i).name(),
            }));
        }
    }
    json!({
        "likelihood_labels": (1..=5).map(|l| scale.label(l)).collect::<Vec<_>>(),
        "impact_labels": IMPACT_LABELS,
        "cells": cells,
    })
}

/// `data.rows`: the same grid shaped for a Markdown table (one row per likelihood, 5 first).
pub fn rows_json(scale: Scale, risks: &[Placed<'_>]) -> Value {
    let rows: Vec<Value> = (1..=5u8)
        .rev()
        .map(|l| {
            let cells: Vec<Value> = (1..=5u8)
                .map(|i| {
                    json!({
                        "impact": i,
                        "impact_label": impact_label(i),
                        "ids": ids_in(risks, l, i),
                        "rating": rating(l, i).name(),
                        "band": scale.band(l).band,
                    })
                })
                .collect();
            json!({"likelihood": l, "label": scale.label(l), "cells": cells})
        })
        .collect();
    Value::Array(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Probability × consequence range of a cell, with impact as equal fifths.
    fn risk_range(scale: Scale, l: u8, i: u8) -> (f64, f64) {
        let band = scale.band(l);
        let (c_lo, c_hi) = (f64::from(i - 1) / 5.0, f64::from(i) / 5.0);
        (
            f64::from(band.low) / 100.0 * c_lo,
            f64::from(band.high) / 100.0 * c_hi,
        )
    }

    #[test]
    fn colouring_is_weakly_consistent_on_both_scales() {
        for scale in [Scale::Icd203, Scale::Phia] {
            let cells: Vec<(u8, u8)> = (1..=5).flat_map(|l| (1..=5).map(move |i| (l, i))).collect();
            let min_red = cells
                .iter()
                .filter(|(l, i)| rating(*l, *i) == Rating::High)
                .map(|(l, i)| risk_range(scale, *l, *i).0)
                .fold(f64::INFINITY, f64::min);
            let max_green = cells
                .iter()
                .filter(|(l, i)| rating(*l, *i) == Rating::Low)
                .map(|(l, i)| risk_range(scale, *l, *i).1)
                .fold(0.0, f64::max);
            assert!(
                min_red > max_green,
                "{scale:?}: red {min_red} vs green {max_green}"
            );
        }
    }

    #[test]
    fn red_never_touches_green_nor_sits_on_the_lowest_row_or_column() {
        for l in 1..=5u8 {
            for i in 1..=5u8 {
                if rating(l, i) != Rating::High {
                    continue;
                }
                assert!(l > 1 && i > 1);
                for (dl, di) in [(0i8, 1i8), (0, -1), (1, 0), (-1, 0)] {
                    let (nl, ni) = (l as i8 + dl, i as i8 + di);
                    if (1..=5).contains(&nl) && (1..=5).contains(&ni) {
                        assert_ne!(rating(nl as u8, ni as u8), Rating::Low);
                    }
                }
            }
        }
    }

    #[test]
    fn matrix_has_25_cells_in_display_order() {
        let placed = [Placed {
            id: "R-1",
            likelihood: 4,
            impact: 5,
        }];
        let m = matrix_json(Scale::Icd203, &placed);
        let cells = m["cells"].as_array().unwrap();
        assert_eq!(cells.len(), 25);
        assert_eq!(cells[0]["likelihood"], 5);
        assert_eq!(cells[0]["impact"], 1);
        let hit = cells
            .iter()
            .find(|c| c["ids"].as_array().unwrap().len() == 1)
            .unwrap();
        assert_eq!(
            (hit["likelihood"].as_u64(), hit["impact"].as_u64()),
            (Some(4), Some(5))
        );
        assert_eq!(hit["rating"], "high");
        assert_eq!(m["likelihood_labels"][3], "likely (55–80 %)");
    }
}
