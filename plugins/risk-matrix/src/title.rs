//! Short risk titles, cut from the sentence itself so nothing is invented.
//!
//! The title is the clause that carries the governing cue, with its subject pulled in across
//! an aside ("China, which …, could learn" → "China could learn …"), leading discourse
//! markers dropped ("But there are many issues that could …" → "Many issues that could …"),
//! and trimmed to a dozen words. Frames that name their object give the object instead
//! ("a scenario in which X" → "X"); advice against an action gives the action and the advice
//! ("X (warned against)").

use crate::lexicon::likelihood::Framing;
use crate::view::SentenceView;

/// Longest title, in words; longer ones are cut and end with "…".
pub const MAX_TITLE_WORDS: usize = 14;
/// An object shorter than this is too thin to stand alone ("the risk of war" → keep clause).
const MIN_OBJECT_WORDS: usize = 3;

/// Words that open a reason or an example; a title stops before them.
const STOPPERS: &[&str] = &[
    "because",
    "since",
    "although",
    "though",
    "while",
    "whereas",
    "unless",
    "including",
    "given",
];

/// Verbs of saying and fearing: "X warn that <risk>" titles the risk, not the speaker.
const SAYING: &[&str] = &[
    "warn",
    "warns",
    "warned",
    "say",
    "says",
    "said",
    "fear",
    "fears",
    "feared",
    "believe",
    "believes",
    "argue",
    "argues",
    "argued",
    "suggest",
    "suggests",
    "note",
    "notes",
    "noted",
    "expect",
    "expects",
    "think",
    "thinks",
    "worry",
    "worries",
    "suspect",
    "suspects",
    "claim",
    "claims",
    "estimate",
    "estimates",
    "conclude",
    "concludes",
    "predict",
    "predicts",
    "report",
    "reports",
    "reported",
    "assess",
    "assesses",
    "judge",
    "judges",
    "concern",
    "concerns",
];

/// Words a cut title should not end on.
const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "to", "for", "with", "and", "or", "that", "which", "by",
    "at", "from", "as", "its", "their", "his", "her", "is", "are", "was", "were", "be",
];

/// Openers that add nothing to a title.
const OPENERS: &[&[&str]] = &[
    &["it", "begs", "the", "question"],
    &["there", "is"],
    &["there", "are"],
    &["there", "was"],
    &["there", "were"],
    &["but"],
    &["and"],
    &["yet"],
    &["so"],
    &["however"],
    &["meanwhile"],
    &["instead"],
    &["moreover"],
    &["also"],
    &["then"],
    &["now"],
    &["that"],
    &["and", "then"],
    &["because"],
    &["since"],
    &["finally"],
];

/// Modal verbs that open a clause whose subject is in the sentence's first clause ("Such
/// zones would be costly, would disrupt fishing").
const MODALS: &[&str] = &[
    "would", "could", "may", "might", "will", "can", "should", "must",
];

/// Words that end a sentence-opening subject.
const SUBJECT_ENDS: &[&str] = &[
    "would", "could", "may", "might", "will", "can", "should", "must", "is", "are", "was", "were",
    "has", "have",
];

/// Most words of a subject pulled in from the first clause.
const MAX_SUBJECT_WORDS: usize = 5;

/// Pronouns: a title that starts with one after dropping its speaker loses its meaning ("The
/// union said it would strike" must keep "The union").
const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we", "i", "you", "this", "that"];

/// The title for a sentence whose governing cue spans words `cue_first..cue_end`.
pub fn short_title(
    view: &SentenceView<'_>,
    cue_first: usize,
    cue_end: usize,
    framing: Framing,
) -> String {
    let words = &view.words;
    if words.is_empty() {
        return String::new();
    }
    let clause_end = |from: usize| -> usize {
        let clause = words[from.min(words.len() - 1)].clause;
        (from..words.len())
            .find(|&i| words[i].clause != clause && !words[i].aside)
            .unwrap_or(words.len())
    };
    let title = match framing {
        Framing::Adverse | Framing::Against if cue_end < words.len() => {
            let end = clause_end(cue_end);
            let object =
                stop_at_reason(view, (cue_end..end).filter(|&i| !words[i].aside).collect());
            if object.len() >= MIN_OBJECT_WORDS || framing == Framing::Against {
                let text = join_runs(view, &object);
                let text = if framing == Framing::Against {
                    format!(
                        "{} ({})",
                        trim_words(&text),
                        advice_verb(&words[cue_first].lower)
                    )
                } else {
                    trim_words(&text)
                };
                return capitalize(&text);
            }
            None
        }
        _ => None,
    };
    title.unwrap_or_else(|| capitalize(&trim_words(&clause_title(view, cue_first))))
}

/// The cue's clause, with its subject pulled in from before an aside.
fn clause_title(view: &SentenceView<'_>, cue_first: usize) -> String {
    let words = &view.words;
    let clause = words[cue_first].clause;
    let mut start = (0..=cue_first)
        .rev()
        .take_while(|&i| words[i].clause == clause)
        .last()
        .unwrap_or(cue_first);
    // "China, which …, could" – the subject sits before the aside
    if start > 0 && words[start - 1].aside {
        let mut i = start - 1;
        while i > 0 && words[i].aside {
            i -= 1;
        }
        if !words[i].aside {
            let subject_clause = words[i].clause;
            while i > 0 && words[i - 1].clause == subject_clause && !words[i - 1].aside {
                i -= 1;
            }
            start = i;
        }
    }
    // ", which may harm growth" and ", setting the scene for a war" lean on the clause before
    // them for their subject
    let leans_back = {
        let first = words[start].lower.as_str();
        matches!(first, "which" | "who" | "whom" | "whose")
            || (first.ends_with("ing") && !words[start].capitalized)
    };
    if leans_back && start > 0 && !words[start - 1].aside {
        let previous = words[start - 1].clause;
        while start > 0 && words[start - 1].clause == previous && !words[start - 1].aside {
            start -= 1;
        }
    }
    let end = (cue_first..words.len())
        .find(|&i| words[i].clause != clause && !words[i].aside && i > cue_first)
        .unwrap_or(words.len());
    let mut picked = stop_at_reason(view, (start..end).filter(|&i| !words[i].aside).collect());
    // "Analysts warn that a collision could …" → "a collision could …"; also when the cue is
    // the warning itself ("Economists warn that a shortage could …")
    if let Some(n) = picked.iter().rposition(|&i| {
        i < cue_first.max(cue_end_of_saying(view, cue_first))
            && words[i].lower == "that"
            && i > 0
            && SAYING.contains(&words[i - 1].lower.as_str())
    }) && picked.len() > n + MIN_OBJECT_WORDS
    {
        picked.drain(..=n);
    } else if let Some(n) = picked.iter().take(4).position(|&i| {
        // "Hydrologists say the drought is likely …" → "the drought is likely …"
        i < cue_first
            && SAYING.contains(&words[i].lower.as_str())
            && picked_after(&picked, i)
                .is_some_and(|&j| j < cue_first && !PRONOUNS.contains(&words[j].lower.as_str()))
    }) {
        picked.drain(..=n);
    }
    // ", would disrupt fishing" → "Such zones would disrupt fishing"
    if let Some(&first) = picked.first()
        && first > 0
        && MODALS.contains(&words[first].lower.as_str())
    {
        // the subject ends at its verb, or with the first clause when a reporting aside
        // follows it ("The backlog, the port authority said, may spread")
        let subject_end = (0..first.min(MAX_SUBJECT_WORDS + 1)).find(|&i| {
            SUBJECT_ENDS.contains(&words[i].lower.as_str()) || words[i].clause != words[0].clause
        });
        if let Some(k) = subject_end.filter(|&k| k > 0 && words[k - 1].clause == words[0].clause) {
            let mut with_subject: Vec<usize> = (0..k).collect();
            with_subject.extend(picked.iter().copied());
            picked = with_subject;
        }
    }
    strip_openers(view, &mut picked);
    join_runs(view, &picked)
}

/// The word picked after word `i`.
fn picked_after(picked: &[usize], i: usize) -> Option<&usize> {
    picked.iter().find(|&&j| j > i)
}

/// Where a saying cue such as "warn that" ends, so the title can start after it; the cue's own
/// start for any other cue.
fn cue_end_of_saying(view: &SentenceView<'_>, cue_first: usize) -> usize {
    let words = &view.words;
    if SAYING.contains(&words[cue_first].lower.as_str())
        && words.get(cue_first + 1).is_some_and(|w| w.lower == "that")
    {
        cue_first + 2
    } else {
        cue_first
    }
}

/// Cuts before "because", "including" and the like, once the title has a few words.
fn stop_at_reason(view: &SentenceView<'_>, mut picked: Vec<usize>) -> Vec<usize> {
    if let Some(cut) = picked
        .iter()
        .position(|&i| STOPPERS.contains(&view.words[i].lower.as_str()))
        .filter(|&n| n >= MIN_OBJECT_WORDS)
    {
        picked.truncate(cut);
    }
    picked
}

/// Drops leading discourse markers ("But", "there are").
fn strip_openers(view: &SentenceView<'_>, picked: &mut Vec<usize>) {
    loop {
        let lowers: Vec<&str> = picked
            .iter()
            .map(|&i| view.words[i].lower.as_str())
            .collect();
        let opener = OPENERS
            .iter()
            .filter(|o| lowers.len() > o.len() + 1 && lowers[..o.len()] == o[..])
            .map(|o| o.len())
            .max();
        match opener {
            Some(n) => {
                picked.drain(..n);
            }
            None => break,
        }
    }
}

/// Joins the words, keeping the original text within each contiguous run.
fn join_runs(view: &SentenceView<'_>, picked: &[usize]) -> String {
    let mut out = String::new();
    let mut run_start: Option<usize> = None;
    let mut previous: Option<usize> = None;
    let flush = |out: &mut String, from: usize, to: usize| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(view.slice(from, to + 1));
    };
    for &i in picked {
        match (run_start, previous) {
            (Some(_), Some(p)) if p + 1 == i => {}
            (Some(s), Some(p)) => {
                flush(&mut out, s, p);
                run_start = Some(i);
            }
            _ => run_start = Some(i),
        }
        previous = Some(i);
    }
    if let (Some(s), Some(p)) = (run_start, previous) {
        flush(&mut out, s, p);
    }
    // straight quotes and stray brackets from the source do not belong in a title
    out.trim_matches(|c: char| {
        matches!(c, '"' | '“' | '”' | '\'' | '(' | ')' | '[' | ']') || c.is_whitespace()
    })
    .to_string()
}

/// Cuts to [`MAX_TITLE_WORDS`] words.
fn trim_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= MAX_TITLE_WORDS {
        return words.join(" ");
    }
    // end on a content word, not "in the…"
    let mut keep = MAX_TITLE_WORDS;
    while keep > MIN_OBJECT_WORDS
        && DANGLING.contains(
            &words[keep - 1]
                .trim_end_matches([',', ';', ':'])
                .to_lowercase()
                .as_str(),
        )
    {
        keep -= 1;
    }
    let cut = words[..keep].join(" ");
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "warns against" → "warned against".
fn advice_verb(cue_word: &str) -> &'static str {
    match cue_word {
        w if w.starts_with("caution") => "cautioned against",
        w if w.starts_with("argu") => "argued against",
        w if w.starts_with("advis") => "advised against",
        _ => "warned against",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_at(text: &str, cue: &str, len: usize, framing: Framing) -> String {
        let view = SentenceView::new(text);
        let first = view.words.iter().position(|w| w.lower == cue).unwrap();
        short_title(&view, first, first + len, framing)
    }

    #[test]
    fn subject_is_pulled_across_an_aside() {
        assert_eq!(
            title_at(
                "Ruritania, which last fought in 1990, could rearm within a year.",
                "could",
                1,
                Framing::Plain
            ),
            "Ruritania could rearm within a year"
        );
    }

    #[test]
    fn the_speaker_is_dropped() {
        assert_eq!(
            title_at(
                "Analysts at the institute warn that the levee could fail, the report said.",
                "could",
                1,
                Framing::Plain
            ),
            "The levee could fail"
        );
    }

    #[test]
    fn trailing_relative_clause_keeps_its_subject() {
        assert_eq!(
            title_at(
                "Rates rose again, which may harm growth.",
                "may",
                1,
                Framing::Plain
            ),
            "Rates rose again, which may harm growth"
        );
    }

    #[test]
    fn openers_are_dropped() {
        assert_eq!(
            title_at(
                "But there are many quarrels that could split the league, for example money.",
                "could",
                1,
                Framing::Plain
            ),
            "Many quarrels that could split the league"
        );
    }

    #[test]
    fn adverse_frame_gives_its_object() {
        assert_eq!(
            title_at(
                "Planners fear a scenario in which both ports are closed at once, stranding ships.",
                "scenario",
                3,
                Framing::Adverse
            ),
            "Both ports are closed at once"
        );
    }

    #[test]
    fn advice_against_names_the_action() {
        assert_eq!(
            title_at(
                "Experts warn against trying to isolate the regime.",
                "warn",
                2,
                Framing::Against
            ),
            "Trying to isolate the regime (warned against)"
        );
    }

    #[test]
    fn title_stops_before_a_reason() {
        assert_eq!(
            title_at(
                "We argue against trying to isolate the regime because it has few friends.",
                "argue",
                2,
                Framing::Against
            ),
            "Trying to isolate the regime (argued against)"
        );
    }

    #[test]
    fn long_titles_are_cut() {
        let t = title_at(
            "The council could vote to raise tariffs on steel and aluminium and copper imports from every single neighbour state.",
            "could",
            1,
            Framing::Plain,
        );
        assert!(t.ends_with('…'));
        assert!(!t.ends_with("the…"), "{t}");
        assert!(t.split_whitespace().count() <= MAX_TITLE_WORDS);
    }
}
