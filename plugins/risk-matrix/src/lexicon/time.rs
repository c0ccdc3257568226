//! Past-time anchors: words that put a sentence in the past ("in 1969", "during the Cold War",
//! "years ago"). In such a sentence "would", "could" and "feared" talk about the past
//! (future-in-the-past, past ability, a fear held back then), so they do not make a risk.

use crate::phrases::PhraseSet;
use crate::view::Word;
use std::sync::OnceLock;

/// Phrases that place what a sentence says in the past by themselves.
pub const PAST_PHRASES: &[&str] = &[
    "ago",
    "at the time",
    "at one point",
    "back then",
    "in the past",
    "historically",
    "formerly",
    "previously",
    "last year|month|week|decade|century",
    "cold war",
    "world war i|ii|one|two|1|2",
    "soviet union|era|times",
    "ussr",
    "hitler|nazi|nazis|stalin|stalin's",
    "imperial russia|japan|china",
    "ottoman empire",
    "17th|18th|19th|20th century",
];

/// Words before a year that make it a point in time ("in 1969"), not a duration or a target
/// ("since 2014" can open an ongoing harm; "by 2030" is a deadline).
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "during", "from", "until", "till", "between", "of", "around", "circa",
];

fn past_set() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(PAST_PHRASES))
}

/// A four-digit year or a decade such as "1950s", as (year, is_decade).
fn year_of(word: &str) -> Option<(i32, bool)> {
    let (digits, decade) = match word.strip_suffix('s') {
        Some(d) => (d, true),
        None => (word, false),
    };
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1000..=2199).contains(&year).then_some((year, decade))
}

/// Finite verbs that are past tense whatever follows them.
const PAST_VERBS: &[&str] = &[
    "was", "were", "had", "did", "went", "came", "began", "fought", "took", "saw", "fell",
];

/// Words after which an "-ed" form is a participle, not a past tense ("has ended").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
    "to", "will", "would", "could", "may", "might",
];

/// True when the sentence's main line has a past-tense verb ("caused", "were").
fn has_past_tense(words: &[Word], lowers: &[&str]) -> bool {
    (0..words.len()).filter(|&i| !words[i].aside).any(|i| {
        let w = lowers[i];
        PAST_VERBS.contains(&w)
            || (w.len() >= 5
                && w.ends_with("ed")
                && w.chars().all(char::is_alphabetic)
                && i.checked_sub(1)
                    .is_none_or(|p| !AUXILIARIES.contains(&lowers[p])))
    })
}

/// The first past-time anchor in the sentence's main line (asides ignored), as its text.
/// `now` is the reference year: years before it are past. Without one, a dated point in time
/// counts as past when the sentence is in the past tense ("In 2007 … caused").
pub fn past_anchor(words: &[Word], lowers: &[&str], now: Option<i32>) -> Option<usize> {
    for (i, word) in words.iter().enumerate() {
        if word.aside {
            continue;
        }
        if past_set().match_at(lowers, i).is_some() {
            return Some(i);
        }
        if let Some((year, decade)) = year_of(&word.lower) {
            let before = i.checked_sub(1).map(|p| lowers[p]);
            let after_preposition = before.is_some_and(|b| YEAR_PREPOSITIONS.contains(&b))
                || (i >= 2 && YEAR_PREPOSITIONS.contains(&lowers[i - 2]) && lowers[i - 1] == "the");
            let last = if decade { year + 9 } else { year };
            let past = match now {
                Some(now) => last < now,
                None => has_past_tense(words, lowers),
            };
            if after_preposition && past {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::SentenceView;

    fn anchor(text: &str, now: Option<i32>) -> Option<String> {
        let v = SentenceView::new(text);
        let lowers = v.lowers();
        past_anchor(&v.words, &lowers, now).map(|i| v.words[i].lower.clone())
    }

    #[test]
    fn dated_past_and_eras_are_anchors() {
        assert_eq!(
            anchor("In 1969 the two armies clashed.", Some(2024)),
            Some("1969".into())
        );
        assert_eq!(
            anchor("In the 1950s they feared a bloc.", Some(2024)),
            Some("1950s".into())
        );
        assert_eq!(
            anchor("During the Cold War both sides could strike.", None),
            Some("cold".into())
        );
    }

    #[test]
    fn future_years_deadlines_and_durations_are_not() {
        assert_eq!(anchor("In 2030 the dam could fail.", Some(2024)), None);
        assert_eq!(anchor("By 2019 the dam could fail.", Some(2024)), None);
        assert_eq!(anchor("Raids have continued since 2014.", Some(2024)), None);
    }

    #[test]
    fn undated_text_uses_tense() {
        assert_eq!(
            anchor("In 2007 a flag caused alarm.", None),
            Some("2007".into())
        );
        assert_eq!(anchor("In 2030 the dam could fail.", None), None);
        assert_eq!(anchor("In 2030 the dam will have failed.", None), None);
    }

    #[test]
    fn years_in_asides_do_not_count() {
        assert_eq!(
            anchor(
                "Ruritania, which last fought in 1990, could rearm.",
                Some(2024)
            ),
            None
        );
    }
}
