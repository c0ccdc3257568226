//! The matrix as an SVG picture for the brief's assets.
//!
//! Every cell shows its rating as a word and its numeric likelihood band and impact level, not
//! only a colour, and lists the ids of the risks it holds. All text is XML-escaped.

use std::fmt::Write;

use crate::lexicon::impact::impact_label;
use crate::matrix::{COLOUR_RULE, Placed, Rating, rating};
use crate::scale::Scale;

const CELL_W: u32 = 150;
const CELL_H: u32 = 84;
const LEFT: u32 = 230;
const TOP: u32 = 70;
/// Ids per line and lines per cell at the normal and at the compact size.
const ROOMY: (usize, usize, u32, u32) = (2, 3, 12, 16);
const COMPACT: (usize, usize, u32, u32) = (3, 5, 9, 11);

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // characters XML 1.0 forbids are dropped rather than breaking the file
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn fill(r: Rating) -> &'static str {
    match r {
        Rating::High => "#e8776b",
        Rating::Medium => "#fbe38e",
        Rating::Low => "#93d193",
    }
}

/// Draws the matrix. `risks` are in register order, so ids within a cell keep that order.
pub fn render(scale: Scale, risks: &[Placed<'_>]) -> String {
    let width = LEFT + 5 * CELL_W + 30;
    let height = TOP + 5 * CELL_H + 110;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" role="img">"##
    );
    let _ = writeln!(
        s,
        r##"<title>{}</title>"##,
        escape(&format!(
            "Risk matrix: likelihood on the {} scale, impact on five levels",
            scale.name()
        ))
    );
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>"##
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="28" font-size="18" font-weight="bold">{}</text>"##,
        LEFT,
        escape("Risk matrix")
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="50" font-size="12">{}</text>"##,
        LEFT,
        escape(&format!(
            "Likelihood: {} · Impact: Insignificant … Catastrophic",
            scale.name()
        ))
    );
    for (row, l) in (1..=5u8).rev().enumerate() {
        let y = TOP + row as u32 * CELL_H;
        let band = scale.band(l);
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" font-size="13" text-anchor="end" font-weight="bold">{}</text>"##,
            LEFT - 10,
            y + CELL_H / 2 - 4,
            escape(&format!("{l} · {}", band.name))
        );
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text>"##,
            LEFT - 10,
            y + CELL_H / 2 + 12,
            escape(band.band)
        );
        for i in 1..=5u8 {
            let x = LEFT + u32::from(i - 1) * CELL_W;
            let r = rating(l, i);
            let ids: Vec<&str> = risks
                .iter()
                .filter(|p| p.likelihood == l && p.impact == i)
                .map(|p| p.id)
                .collect();
            // the tooltip lists every id even when the cell is too small to show them all
            let _ = writeln!(
                s,
                r##"<g><title>{}</title>"##,
                escape(&format!(
                    "likelihood {l} ({}), impact {i} ({}): {} — {}",
                    band.band,
                    impact_label(i),
                    r.name(),
                    if ids.is_empty() {
                        "no risks".to_string()
                    } else {
                        ids.join(", ")
                    }
                ))
            );
            let _ = writeln!(
                s,
                r##"<rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" fill="{}" stroke="#444" stroke-width="1"/>"##,
                fill(r)
            );
            let _ = writeln!(
                s,
                r##"<text x="{}" y="{}" font-size="10" fill="#222">{}</text>"##,
                x + 5,
                y + 13,
                escape(&format!(
                    "{} · {} × I{i}",
                    r.name().to_uppercase(),
                    band.band
                ))
            );
            write_ids(&mut s, x, y, &ids);
            s.push_str("</g>\n");
        }
    }
    let bottom = TOP + 5 * CELL_H;
    for i in 1..=5u8 {
        let x = LEFT + u32::from(i - 1) * CELL_W + CELL_W / 2;
        let _ = writeln!(
            s,
            r##"<text x="{x}" y="{}" font-size="13" text-anchor="middle" font-weight="bold">{}</text>"##,
            bottom + 20,
            escape(&format!("{i} · {}", impact_label(i)))
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="14" text-anchor="middle">{}</text>"##,
        LEFT + 5 * CELL_W / 2,
        bottom + 44,
        escape("Impact →")
    );
    let _ = writeln!(
        s,
        r##"<text x="16" y="{}" font-size="14" text-anchor="middle" transform="rotate(-90 16 {})">{}</text>"##,
        TOP + 5 * CELL_H / 2,
        TOP + 5 * CELL_H / 2,
        escape("Likelihood →")
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11">{}</text>"##,
        LEFT,
        bottom + 72,
        escape(&format!("Colour: {COLOUR_RULE}."))
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11">{}</text>"##,
        LEFT,
        bottom + 90,
        escape(
            "Ids within a cell are in register order; see the risk register for cue words and sources."
        )
    );
    s.push_str("</svg>\n");
    s
}

fn write_ids(s: &mut String, x: u32, y: u32, ids: &[&str]) {
    let (per_line, lines, size, step) = if ids.len() <= ROOMY.0 * ROOMY.1 {
        ROOMY
    } else {
        COMPACT
    };
    let shown = per_line * lines;
    for (line, chunk) in ids.chunks(per_line).take(lines).enumerate() {
        let mut text = chunk.join(", ");
        if line + 1 == lines && ids.len() > shown {
            text = format!("{text} +{} more", ids.len() - shown);
        }
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" font-size="{size}" font-weight="bold" fill="#111">{}</text>"##,
            x + 5,
            y + 30 + line as u32 * step,
            escape(&text)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r##"a<b & "c" 'd'>"##),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("bell\u{7}"), "bell");
    }

    #[test]
    fn svg_parses_and_lists_every_id() {
        let ids: Vec<String> = (0..60).map(|n| format!("R-{n:04x}")).collect();
        let placed: Vec<Placed<'_>> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| Placed {
                id,
                likelihood: 1 + (n % 2) as u8 * 3,
                impact: 1 + (n % 5) as u8,
            })
            .collect();
        let svg = render(Scale::Phia, &placed);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert_eq!(
            doc.root_element().tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        let text: String = doc.descendants().filter_map(|n| n.text()).collect();
        for id in &ids {
            assert!(text.contains(id.as_str()), "{id} missing");
        }
        assert_eq!(
            doc.descendants().filter(|n| n.has_tag_name("rect")).count(),
            26
        );
        assert!(text.contains("realistic possibility"));
    }
}
