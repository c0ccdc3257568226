//! Words that end in a period without ending the sentence.
//!
//! Two kinds, because they behave differently before a capitalised word:
//! - *titles* ("Dr.", "Gen.", "Sen.") stand before a name, so a capital after them never starts a
//!   sentence;
//! - *other abbreviations* ("Inc.", "etc.", "U.S.", "a.m.") often end a sentence too, so a period
//!   after them ends one when the next word is a common sentence opener ("The", "He", "But").

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::terms::WordHasher;

/// The lists below as hash sets: a linear search compared a word with a hundred strings at
/// every full stop.
type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// Titles and name prefixes, compared case-sensitively without the final period.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cdr", "Cllr", "Cmdr", "Col", "Cpl", "Dr", "Drs", "Fr", "Gen",
    "Gov", "Hon", "Insp", "Lieut", "Lt", "Maj", "Messrs", "Mme", "Mr", "Mrs", "Ms", "Mssrs", "Mt",
    "Pres", "Prof", "Pte", "Pvt", "Rep", "Reps", "Rev", "Revd", "Sen", "Sens", "Sgt", "Supt",
];

/// Other abbreviations, compared without the final period; lowercase entries also match their
/// capitalised form at the start of a sentence ("No." matches "no").
const OTHERS: &[&str] = &[
    // reference and numbering
    "no", "nos", "vol", "vols", "p", "pp", "para", "paras", "fig", "figs", "ch", "chap", "sec",
    "ed", "eds", "ibid", "op", "cit", "cf", "approx", "est", "ca", "c", "v", "vs", "etc", "al",
    "viz", "tel", "ext", "dept", "div", "univ", "assn", "assoc", "ave", "blvd", "rd", "hwy", "sq",
    "st", "jr", "sr", "hr", "hrs", "yr", "yrs", "wk", "wks", "inc", "corp", "ltd", "co", "bros",
    "plc", "llc", "intl", "natl", "govt", "mfg", "dist",
    // months and days, leaving out those that are English words ("Mar.", "Sat.", "Sun.")
    "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tue", "tues",
    "thu", "thur", "thurs", "fri",
    // US states as newspapers abbreviate them, leaving out those that are English words
    // ("Ill.", "Miss.", "Wash.", "Mass.")
    "ala", "ariz", "calif", "colo", "conn", "fla", "ga", "kan", "kans", "ky", "md", "mich", "minn",
    "mont", "neb", "nev", "okla", "tenn", "tex", "va", "vt", "wis", "wyo",
];

/// True when `word` (the token before a period, without it) is a title.
pub fn is_title(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| TITLES.iter().copied().collect());
    SET.contains(word)
}

/// True when `word` (the token before a period, without it) is an abbreviation that is not a
/// title: listed, or dotted like "U.S", "a.m", "e.g", "Ph.D".
pub fn is_other(word: &str) -> bool {
    if is_dotted(word) {
        return true;
    }
    if word.len() > 6 || !word.is_ascii() {
        return false;
    }
    let mut lower = [0u8; 6];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    // "No." and "no." are the same abbreviation; "NO." in capitals is a shout, not one
    if word.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    lower.make_ascii_lowercase();
    static SET: LazyLock<WordSet> = LazyLock::new(|| OTHERS.iter().copied().collect());
    std::str::from_utf8(lower).is_ok_and(|w| SET.contains(w))
}

/// Letters joined by periods, each part one or two letters: "U.S", "a.m", "e.g", "Ph.D".
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
        })
}

/// Words that commonly open an English sentence. After an abbreviation that can also end a
/// sentence ("in the U.S. The talks…"), one of these says a new sentence has begun.
const STARTERS: &[&str] = &[
    "A",
    "After",
    "Afterwards",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "However",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Officials",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Police",
    "Since",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];

/// True when `word` is a common sentence opener.
pub fn is_starter(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| STARTERS.iter().copied().collect());
    SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_case_sensitive() {
        assert!(is_title("Dr"));
        assert!(!is_title("dr"));
        assert!(!is_title("Drive"));
    }

    #[test]
    fn others_match_lowercase_and_capitalised_but_not_shouted() {
        assert!(is_other("etc"));
        assert!(is_other("No"));
        assert!(is_other("Inc"));
        assert!(!is_other("NO"));
        assert!(!is_other("the"));
    }

    #[test]
    fn dotted_initials_are_abbreviations() {
        assert!(is_other("U.S"));
        assert!(is_other("a.m"));
        assert!(is_other("Ph.D"));
        assert!(!is_other("example.com"));
        assert!(!is_other("3.5"));
    }
}
