//! Merging: one risk often spans several sentences, and the same risk recurs across a text
//! and across sources.
//!
//! Two steps, both deterministic:
//! 1. Chaining. Consecutive risk sentences of one paragraph form one risk when the later one
//!    refers back ("do so", an opening "This"/"It"/"Such") or shares a content word that is
//!    not a name ("trying" … "trying"). Names are left out because a paragraph listing what
//!    China and Russia could each do names them in every sentence.
//! 2. Near-duplicates. Two risks merge when any two of their sentences share at least
//!    [`MIN_SHARED`] features (stems, with a few synonyms folded, plus harm concepts) and the
//!    shared part is at least [`MIN_OVERLAP`] of the smaller sentence's features.

use std::collections::HashMap;

use crate::fasthash::FastMap;

use brief_text::{Stemmer, is_stopword};

use crate::view::SentenceView;

/// Shared features needed for a near-duplicate.
pub const MIN_SHARED: usize = 3;
/// Overlap coefficient (shared / smaller set) needed for a near-duplicate.
pub const MIN_OVERLAP: f64 = 0.5;
/// A feature links a sentence to at most this many of the latest earlier sentences that have
/// it. Real briefs never reach it; it keeps a megabyte of repetitive text from costing a
/// comparison of every pair.
pub const MAX_POSTINGS_SCANNED: usize = 64;

/// Words that point back to the previous sentence's action or situation.
const ANAPHORIC_OPENERS: &[&str] = &["this", "that", "these", "those", "it", "such", "doing"];

/// Stems too common in policy prose to link two sentences on their own.
const GENERIC_STEMS: &[&str] = &[
    "militari", "forc", "countri", "nation", "state", "year", "new", "time", "way", "also",
    "could", "would", "may", "might", "say", "said", "report", "risk", "mani", "key", "major",
];

/// Synonyms folded together before comparing sentences (stem → canonical stem).
const SYNONYMS: &[(&str, &str)] = &[
    ("partnership", "allianc"),
    ("relationship", "allianc"),
    ("tie", "allianc"),
    ("pact", "allianc"),
    ("bloc", "allianc"),
    ("coalit", "allianc"),
    ("invad", "invas"),
    ("suppli", "support"),
    ("supplier", "support"),
    ("supporter", "support"),
];

/// Turns stems into small numbers so that comparing sentences compares integers, and
/// remembers each word's stem so a word is stemmed once per brief.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FastMap<String, u32>,
    /// Word as written → its feature id, or None for a stop word.
    words: FastMap<String, Option<u32>>,
}

impl Interner {
    fn id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(text.to_string(), id);
        id
    }

    /// The feature id of a word (None for stop words, numbers, single characters).
    fn word(&mut self, stemmer: &Stemmer, original: &str, lower: &str) -> Option<u32> {
        if let Some(&id) = self.words.get(original) {
            return id;
        }
        let id = content_stem(stemmer, original, lower).map(|stem| self.id(&stem));
        self.words.insert(original.to_string(), id);
        id
    }

    /// True when the feature id is one of the [`GENERIC_STEMS`].
    fn is_generic(&mut self, id: u32) -> bool {
        GENERIC_STEMS.iter().any(|g| self.ids.get(*g) == Some(&id))
    }
}

/// What merging needs to know about one risk sentence. Sets are sorted, deduplicated ids.
#[derive(Debug, Clone, Default)]
pub struct SentenceKey {
    /// Position of the sentence in the brief: (source index, sentence index).
    pub at: (usize, usize),
    pub paragraph: usize,
    /// Stems of content words that are not names and not generic (for chaining).
    pub topic_stems: Vec<u32>,
    /// True when the sentence opens with or contains a back-reference.
    pub refers_back: bool,
    /// Stems (synonyms folded) and harm concepts, for near-duplicates.
    pub features: Vec<u32>,
    /// The features that are names (capitalised inside the sentence).
    pub names: Vec<u32>,
    /// The first word's feature: a name when it is capitalised inside other sentences.
    pub first_word: Option<u32>,
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

/// The stem of one content word, as `Stemmer::content_stems` would give it, or None for a
/// stop word, a number or a single character.
fn content_stem(stemmer: &Stemmer, original: &str, lower: &str) -> Option<String> {
    let w = lower.replace('.', "");
    if w.chars().count() < 2 || w.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let acronym = original.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !original.chars().any(char::is_lowercase);
    if !acronym && is_stopword(lower) {
        return None;
    }
    let stem = stemmer.stem(&w);
    Some(
        SYNONYMS
            .iter()
            .find(|(from, _)| *from == stem)
            .map_or(stem, |(_, to)| (*to).to_string()),
    )
}

impl SentenceKey {
    pub fn new(
        stemmer: &Stemmer,
        interner: &mut Interner,
        at: (usize, usize),
        paragraph: usize,
        text: &str,
        concepts: &[&str],
    ) -> Self {
        let view = SentenceView::new(text);
        let mut topic_stems = Vec::new();
        let mut features = Vec::new();
        let mut names = Vec::new();
        let mut first_word = None;
        for (i, word) in view.words.iter().enumerate() {
            // asides ("which fought a war in 1979") are not what the risk is about
            if word.aside {
                continue;
            }
            let Some(id) = interner.word(stemmer, view.slice(i, i + 1), &word.lower) else {
                continue;
            };
            if i == 0 && word.capitalized {
                first_word = Some(id);
            }
            // a capital inside the sentence marks a name; the first word is ambiguous
            if word.capitalized && i > 0 {
                names.push(id);
            } else if i > 0 && !interner.is_generic(id) {
                topic_stems.push(id);
            }
            features.push(id);
        }
        for concept in concepts {
            features.push(interner.id(&format!("#{concept}")));
        }
        let lowers = view.lowers();
        let refers_back = lowers
            .first()
            .is_some_and(|w| ANAPHORIC_OPENERS.contains(w))
            || lowers
                .windows(2)
                .any(|w| matches!(w, ["do" | "doing", "so"]));
        Self {
            at,
            paragraph,
            topic_stems: sorted(topic_stems),
            refers_back,
            features: sorted(features),
            names: sorted(names),
            first_word,
        }
    }

    /// A sentence that only elaborates the one before it: it always chains to it and never
    /// merges with anything else.
    pub fn elaboration(at: (usize, usize), paragraph: usize) -> Self {
        Self {
            at,
            paragraph,
            refers_back: true,
            ..Self::default()
        }
    }
}

/// True when two sorted id lists share an element.
fn meet(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// True when `later` directly follows `earlier` in the same paragraph and continues it.
fn continues(earlier: &SentenceKey, later: &SentenceKey) -> bool {
    let adjacent = earlier.at.0 == later.at.0
        && earlier.paragraph == later.paragraph
        && earlier.at.1 + 1 == later.at.1;
    adjacent && (later.refers_back || meet(&earlier.topic_stems, &later.topic_stems))
}

/// What two sentences share, counted once.
#[derive(Debug, Clone, Copy, Default)]
struct Shared {
    all: usize,
    /// Shared features that are a name in neither sentence.
    topical: usize,
    /// Shared features that are a name in either sentence.
    names: usize,
}

/// True when two sentences state the same risk: enough shared features, a large enough part
/// of the smaller sentence, at least one shared word that is not a name (two risks about the
/// same countries share all their names), and, when both name someone, two thirds of the
/// smaller list of names shared (the same threat from a different actor is a different risk).
fn duplicates(a: &SentenceKey, b: &SentenceKey, shared: Shared) -> bool {
    let smaller = a.features.len().min(b.features.len()).max(1);
    let names_agree = a.names.is_empty()
        || b.names.is_empty()
        || shared.names * 3 >= 2 * a.names.len().min(b.names.len());
    shared.all >= MIN_SHARED
        && shared.topical >= 1
        && names_agree
        && shared.all as f64 / smaller as f64 >= MIN_OVERLAP
}

/// Groups sentence keys (given in brief order) into risks; each group lists indices into
/// `keys` in brief order, and groups are ordered by their first sentence.
pub fn group(keys: &[SentenceKey]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            // the earlier sentence stays the root so groups keep brief order
            let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[drop] = keep;
        }
    };
    for i in 1..keys.len() {
        if continues(&keys[i - 1], &keys[i]) {
            union(&mut parent, i - 1, i);
        }
    }
    // a capitalised first word is a name when some sentence has it as a name inside
    let known_names: std::collections::HashSet<u32> =
        keys.iter().flat_map(|k| k.names.iter().copied()).collect();
    let named: Vec<SentenceKey> = keys
        .iter()
        .map(|k| match k.first_word {
            Some(w) if known_names.contains(&w) && k.names.binary_search(&w).is_err() => {
                let mut k = k.clone();
                k.names = sorted([k.names, vec![w]].concat());
                k
            }
            _ => k.clone(),
        })
        .collect();
    let keys = &named;
    // near-duplicates, found through an index from feature to the earlier sentences that
    // have it (with whether it is a name there), so a large text does not compare every pair
    let mut postings: FastMap<u32, Vec<(u32, bool)>> = FastMap::default();
    let mut shared = vec![Shared::default(); keys.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        for &feature in &key.features {
            let name_here = key.names.binary_search(&feature).is_ok();
            let earlier = postings.get(&feature).map_or(&[][..], Vec::as_slice);
            let latest = &earlier[earlier.len().saturating_sub(MAX_POSTINGS_SCANNED)..];
            for &(j, name_there) in latest {
                let s = &mut shared[j as usize];
                if s.all == 0 {
                    touched.push(j as usize);
                }
                s.all += 1;
                if name_here || name_there {
                    s.names += 1;
                } else {
                    s.topical += 1;
                }
            }
        }
        // the order of unions does not change the groups, so `touched` needs no sorting
        for &j in &touched {
            if shared[j].all >= MIN_SHARED && duplicates(&keys[j], key, shared[j]) {
                union(&mut parent, j, i);
            }
            shared[j] = Shared::default();
        }
        touched.clear();
        for &feature in &key.features {
            let name_here = key.names.binary_search(&feature).is_ok();
            postings
                .entry(feature)
                .or_default()
                .push((i as u32, name_here));
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index_of_root: HashMap<usize, usize> = HashMap::new();
    for i in 0..keys.len() {
        let r = root(&mut parent, i);
        let g = *index_of_root.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (position, paragraph, text, harm concepts)
    type Spec<'a> = ((usize, usize), usize, &'a str, &'a [&'a str]);

    fn keys(specs: &[Spec<'_>]) -> Vec<SentenceKey> {
        let stemmer = Stemmer::new();
        let mut interner = Interner::default();
        specs
            .iter()
            .map(|(at, p, text, concepts)| {
                SentenceKey::new(&stemmer, &mut interner, *at, *p, text, concepts)
            })
            .collect()
    }

    #[test]
    fn back_reference_chains_adjacent_sentences() {
        let keys = keys(&[
            ((0, 0), 0, "Could the council expel the rebels?", &[][..]),
            (
                (0, 1),
                0,
                "Experts warn against trying to do so.",
                &["backfire"],
            ),
            ((0, 2), 1, "Floods could hit the coast.", &["damage"]),
        ]);
        assert_eq!(group(&keys), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn names_alone_do_not_chain() {
        let keys = keys(&[
            (
                (0, 0),
                0,
                "Ruritania could learn from Borduria's battles.",
                &["conflict"],
            ),
            (
                (0, 1),
                0,
                "Borduria would gain Ruritanian sanctioned goods.",
                &["sanctions"],
            ),
        ]);
        assert_eq!(group(&keys).len(), 2);
    }

    #[test]
    fn shared_names_alone_are_not_duplicates() {
        let keys = keys(&[
            (
                (0, 0),
                0,
                "So far Ruritania has been arming Borduria for its war in Carpathia.",
                &["war"],
            ),
            (
                (0, 9),
                4,
                "Then Ruritania, which lost a war, could train with Borduria in Carpathia.",
                &[][..],
            ),
        ]);
        assert_eq!(group(&keys).len(), 2);
    }

    #[test]
    fn same_threat_from_different_actors_is_two_risks() {
        let keys = keys(&[
            (
                (0, 0),
                0,
                "Ruritania could invade Borduria if the talks on the grain corridor fail.",
                &["invasion"][..],
            ),
            (
                (0, 3),
                1,
                "Syldavia could invade Vestria if the talks on the grain corridor fail.",
                &["invasion"],
            ),
            (
                (0, 6),
                2,
                "Talks on the grain corridor may fail, and then Ruritania could invade Borduria.",
                &["invasion"],
            ),
        ]);
        assert_eq!(group(&keys), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn near_duplicates_merge_across_sources_and_synonyms() {
        let keys = keys(&[
            (
                (0, 0),
                0,
                "Many quarrels could make the partnership fall apart.",
                &["breakup"],
            ),
            ((0, 5), 3, "A cold war could start at sea.", &["war"]),
            (
                (1, 2),
                0,
                "Old quarrels could tear the alliance apart.",
                &["breakup"],
            ),
        ]);
        assert_eq!(group(&keys), vec![vec![0, 2], vec![1]]);
    }
}
