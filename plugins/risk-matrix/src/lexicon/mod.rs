//! The word lists behind every rating. Each list is documented in docs/plugins/risk-matrix.md.

pub mod impact;
pub mod likelihood;
pub mod senses;
pub mod time;

#[cfg(test)]
mod tests {
    /// The documentation lists every lexicon entry verbatim, so it cannot drift from the code.
    #[test]
    fn docs_list_every_pattern() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/plugins/risk-matrix.md"
        );
        let doc = std::fs::read_to_string(path).expect("docs/plugins/risk-matrix.md");
        for cue in super::likelihood::CUES {
            assert!(
                doc.contains(&format!("| `{}` | {} % |", cue.pattern, cue.percent)),
                "{}",
                cue.pattern
            );
        }
        for harm in super::impact::HARMS {
            assert!(
                doc.contains(&format!("| `{}` | {} |", harm.pattern, harm.level)),
                "{}",
                harm.pattern
            );
        }
    }
}
