//! Published likelihood scales and how a probability lands on the matrix's five rows.
//!
//! Cues are rated as a nominal probability (see `lexicon::likelihood`), never as a level, so
//! the same sentence can be shown on either scale. Each scale has seven published terms; the
//! matrix has five rows, so the two extreme pairs of terms share a row. The bands shown with
//! every level come straight from the published yardsticks, which keeps the scale visible
//! (Cox's "hidden scales" failure).

use serde_json::{Value, json};

/// A likelihood yardstick chosen in brief.toml with `scale = "icd203" | "phia"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// US Intelligence Community Directive 203 expressions of likelihood.
    Icd203,
    /// UK Professional Head of Intelligence Analysis probability yardstick.
    Phia,
}

/// One published term and its band, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub name: &'static str,
    pub band: &'static str,
}

/// One row of the matrix: level 1 (lowest) to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelBand {
    pub level: u8,
    /// The row's name, e.g. "likely".
    pub name: &'static str,
    /// The row's numeric band, e.g. "55–80 %".
    pub band: &'static str,
    /// Lowest and highest probability (percent) of the row, for the colour-consistency check.
    pub low: u8,
    pub high: u8,
    /// The published terms the row covers.
    pub terms: &'static [Term],
}

const ICD203: [LevelBand; 5] = [
    LevelBand {
        level: 1,
        name: "very unlikely",
        band: "1–20 %",
        low: 1,
        high: 20,
        terms: &[
            Term {
                name: "almost no chance",
                band: "1–5 %",
            },
            Term {
                name: "very unlikely",
                band: "5–20 %",
            },
        ],
    },
    LevelBand {
        level: 2,
        name: "unlikely",
        band: "20–45 %",
        low: 20,
        high: 45,
        terms: &[Term {
            name: "unlikely",
            band: "20–45 %",
        }],
    },
    LevelBand {
        level: 3,
        name: "roughly even chance",
        band: "45–55 %",
        low: 45,
        high: 55,
        terms: &[Term {
            name: "roughly even chance",
            band: "45–55 %",
        }],
    },
    LevelBand {
        level: 4,
        name: "likely",
        band: "55–80 %",
        low: 55,
        high: 80,
        terms: &[Term {
            name: "likely",
            band: "55–80 %",
        }],
    },
    LevelBand {
        level: 5,
        name: "very likely",
        band: "80–99 %",
        low: 80,
        high: 99,
        terms: &[
            Term {
                name: "very likely",
                band: "80–95 %",
            },
            Term {
                name: "almost certain",
                band: "95–99 %",
            },
        ],
    },
];

const PHIA: [LevelBand; 5] = [
    LevelBand {
        level: 1,
        name: "highly unlikely",
        band: "≤ 20 %",
        low: 0,
        high: 20,
        terms: &[
            Term {
                name: "remote chance",
                band: "≤ 5 %",
            },
            Term {
                name: "highly unlikely",
                band: "10–20 %",
            },
        ],
    },
    LevelBand {
        level: 2,
        name: "unlikely",
        band: "25–35 %",
        low: 25,
        high: 35,
        terms: &[Term {
            name: "unlikely",
            band: "25–35 %",
        }],
    },
    LevelBand {
        level: 3,
        name: "realistic possibility",
        band: "40–50 %",
        low: 40,
        high: 50,
        terms: &[Term {
            name: "realistic possibility",
            band: "40–50 %",
        }],
    },
    LevelBand {
        level: 4,
        name: "likely",
        band: "55–75 %",
        low: 55,
        high: 75,
        terms: &[Term {
            name: "likely or probable",
            band: "55–75 %",
        }],
    },
    LevelBand {
        level: 5,
        name: "highly likely",
        band: "≥ 80 %",
        low: 80,
        high: 100,
        terms: &[
            Term {
                name: "highly likely",
                band: "80–90 %",
            },
            Term {
                name: "almost certain",
                band: "≥ 95 %",
            },
        ],
    },
];

impl Scale {
    /// Parses the `scale` option.
    pub fn parse(key: &str) -> Option<Self> {
        match key.trim().to_ascii_lowercase().as_str() {
            "icd203" | "icd-203" | "icd 203" => Some(Self::Icd203),
            "phia" => Some(Self::Phia),
            _ => None,
        }
    }

    /// The option value naming this scale.
    pub fn key(self) -> &'static str {
        match self {
            Self::Icd203 => "icd203",
            Self::Phia => "phia",
        }
    }

    /// The scale's name as shown to readers.
    pub fn name(self) -> &'static str {
        match self {
            Self::Icd203 => "ICD 203 (US)",
            Self::Phia => "PHIA probability yardstick (UK)",
        }
    }

    pub fn levels(self) -> &'static [LevelBand; 5] {
        match self {
            Self::Icd203 => &ICD203,
            Self::Phia => &PHIA,
        }
    }

    /// The band of level 1..=5.
    pub fn band(self, level: u8) -> &'static LevelBand {
        &self.levels()[usize::from(level.clamp(1, 5) - 1)]
    }

    /// The row a nominal probability falls in. PHIA leaves gaps between its bands on purpose;
    /// a probability inside a gap goes to the nearer band (cut at the gap's midpoint).
    pub fn level_for(self, percent: u8) -> u8 {
        let cuts: [u8; 4] = match self {
            // ICD 203 bands touch; a shared edge belongs to the higher band, except 55,
            // which closes "roughly even chance" (45–55 %).
            Self::Icd203 => [20, 45, 56, 80],
            Self::Phia => [23, 38, 53, 78],
        };
        1 + cuts.iter().filter(|&&cut| percent >= cut).count() as u8
    }

    /// "likely (55–80 %)".
    pub fn label(self, level: u8) -> String {
        let band = self.band(level);
        format!("{} ({})", band.name, band.band)
    }

    /// `data.scale_bands`: every level with its band and the published terms it covers.
    pub fn bands_json(self) -> Value {
        Value::Array(
            self.levels()
                .iter()
                .map(|b| {
                    json!({
                        "level": b.level,
                        "name": b.name,
                        "band": b.band,
                        "label": self.label(b.level),
                        "terms": b.terms.iter().map(|t| format!("{} ({})", t.name, t.band)).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icd203_bins_follow_published_bands() {
        let s = Scale::Icd203;
        assert_eq!(s.level_for(3), 1);
        assert_eq!(s.level_for(19), 1);
        assert_eq!(s.level_for(30), 2);
        assert_eq!(s.level_for(50), 3);
        assert_eq!(s.level_for(55), 3);
        assert_eq!(s.level_for(67), 4);
        assert_eq!(s.level_for(87), 5);
        assert_eq!(s.level_for(97), 5);
    }

    #[test]
    fn phia_gaps_go_to_nearer_band() {
        let s = Scale::Phia;
        assert_eq!(s.level_for(5), 1);
        assert_eq!(s.level_for(22), 1);
        assert_eq!(s.level_for(30), 2);
        assert_eq!(s.level_for(40), 3);
        assert_eq!(s.level_for(45), 3);
        assert_eq!(s.level_for(65), 4);
        assert_eq!(s.level_for(85), 5);
    }

    #[test]
    fn labels_show_the_band() {
        assert_eq!(Scale::Icd203.label(4), "likely (55–80 %)");
        assert_eq!(Scale::Phia.label(3), "realistic possibility (40–50 %)");
    }

    #[test]
    fn parses_option_values() {
        assert_eq!(Scale::parse("ICD203"), Some(Scale::Icd203));
        assert_eq!(Scale::parse("phia"), Some(Scale::Phia));
        assert_eq!(Scale::parse("nato"), None);
    }
}
