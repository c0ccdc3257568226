//! How hard a recommendation pushes (must > should > could) and which way (do or avoid).

use std::fmt;

/// Strength of a recommendation. Ordered so that `Must > Should > Could`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    Could,
    Should,
    Must,
}

impl Strength {
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Could => "could",
            Strength::Should => "should",
            Strength::Must => "must",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "could" => Some(Strength::Could),
            "should" => Some(Strength::Should),
            "must" => Some(Strength::Must),
            _ => None,
        }
    }

    /// One step up, for intensifiers such as "strongly recommends".
    pub fn raised(self) -> Self {
        match self {
            Strength::Could => Strength::Should,
            _ => Strength::Must,
        }
    }
}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the source advises doing the action or avoiding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    Do,
    Avoid,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Do => "do",
            Stance::Avoid => "avoid",
        }
    }

    pub fn flipped(self) -> Self {
        match self {
            Stance::Do => Stance::Avoid,
            Stance::Avoid => Stance::Do,
        }
    }
}

/// A short generated label for rendering: "Must", "Should not", "Could avoid"…
pub fn label(strength: Strength, stance: Stance) -> &'static str {
    match (strength, stance) {
        (Strength::Must, Stance::Do) => "Must",
        (Strength::Must, Stance::Avoid) => "Must not",
        (Strength::Should, Stance::Do) => "Should",
        (Strength::Should, Stance::Avoid) => "Should not",
        (Strength::Could, Stance::Do) => "Could",
        (Strength::Could, Stance::Avoid) => "Could avoid",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn must_is_stronger_than_should_is_stronger_than_could() {
        assert!(Strength::Must > Strength::Should);
        assert!(Strength::Should > Strength::Could);
    }

    #[test]
    fn parses_option_values() {
        assert_eq!(Strength::parse("Should"), Some(Strength::Should));
        assert_eq!(Strength::parse("maybe"), None);
    }

    #[test]
    fn raising_stops_at_must() {
        assert_eq!(Strength::Could.raised(), Strength::Should);
        assert_eq!(Strength::Must.raised(), Strength::Must);
    }
}
