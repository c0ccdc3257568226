//! From articles to risks: detect risk sentences, attach elaborating sentences, merge, and
//! rate each merged risk from its lead sentence.

use brief_core::{Article, Provenance, Sentence};
use brief_text::Stemmer;

use crate::confidence::{self, Confidence};
use crate::detect::{self, Finding, RiskKind};
use crate::ids;
use crate::lexicon::impact::{ENABLERS, harm_set};
use crate::lexicon::likelihood::CueClass;
use crate::merge::{self, Interner, SentenceKey};
use crate::scale::Scale;
use crate::view::SentenceView;

/// Content stems an elaborating sentence must share with the risk sentence before it.
const ELABORATION_SHARED_STEMS: usize = 2;

/// A risk ready for the register, found in the sources or added by the analyst.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub id: String,
    pub title: String,
    /// The lead sentence's text (or the analyst's text).
    pub text: String,
    pub provenance: Vec<Provenance>,
    pub likelihood: u8,
    pub impact: u8,
    /// "possible", "ongoing", "backfire" or "added".
    pub kind: &'static str,
    pub likelihood_cues: Vec<String>,
    pub impact_cues: Vec<String>,
    pub confidence: Confidence,
    /// The analyst's reason, when re-rated or added.
    pub override_reason: Option<String>,
    /// (likelihood, impact) before a re-rating.
    pub original: Option<(u8, u8)>,
    /// Position of the first sentence in the brief, for stable ordering.
    pub order: (usize, usize),
}

/// One sentence that belongs to a risk.
#[derive(Debug)]
struct Evidence<'a> {
    source: usize,
    index: usize,
    sentence: &'a Sentence,
    /// None for a sentence that only elaborates the risk sentence before it.
    finding: Option<Finding>,
}

/// The reference year for past-time anchors: the source's publication year, else the brief's
/// date. Without either, tense decides (see `lexicon::time`).
fn reference_year(article: &Article, brief_date: Option<&str>) -> Option<i32> {
    let year_of = |date: &str| date.get(..4).and_then(|y| y.parse::<i32>().ok());
    article
        .source
        .published
        .as_deref()
        .and_then(year_of)
        .or_else(|| brief_date.and_then(year_of))
}

/// True when `next` adds detail to the risk sentence before it: it carries a harm or support
/// word ("sanctions", "suppliers") and shares at least two content stems (names included)
/// with it. The cheap word check runs first: stemming is only paid for likely elaborations.
fn elaborates(stemmer: &Stemmer, risk: &Sentence, next: &Sentence) -> bool {
    let view = SentenceView::new(&next.text);
    let lowers = view.lowers();
    if harm_set().find_all(&lowers).is_empty() && !lowers.iter().any(|w| ENABLERS.contains(w)) {
        return false;
    }
    let mut risk_stems = stemmer.content_stems(&risk.text);
    risk_stems.sort_unstable();
    let mut next_stems = stemmer.content_stems(&next.text);
    next_stems.sort_unstable();
    next_stems.dedup();
    let shared = next_stems
        .iter()
        .filter(|s| risk_stems.binary_search(s).is_ok())
        .count();
    shared >= ELABORATION_SHARED_STEMS
}

/// Risk sentences of all articles (and their elaborations), in brief order.
fn evidence<'a>(
    articles: &'a [Article],
    brief_date: Option<&str>,
    stemmer: &Stemmer,
) -> Vec<Evidence<'a>> {
    let mut out = Vec::new();
    for (source, article) in articles.iter().enumerate() {
        let now = reference_year(article, brief_date);
        let sentences = &article.sentences;
        let mut findings: Vec<Option<Finding>> = sentences
            .iter()
            .map(|s| {
                if s.boilerplate {
                    None
                } else {
                    detect::analyse(&s.text, now)
                }
            })
            .collect();
        let mut k = 0;
        while k < sentences.len() {
            let sentence = &sentences[k];
            let Some(finding) = findings[k].take() else {
                k += 1;
                continue;
            };
            out.push(Evidence {
                source,
                index: k,
                sentence,
                finding: Some(finding),
            });
            k += 1;
            if let Some(next) = sentences.get(k)
                && !next.boilerplate
                && next.paragraph == sentence.paragraph
                && findings[k].is_none()
                && elaborates(stemmer, sentence, next)
            {
                out.push(Evidence {
                    source,
                    index: k,
                    sentence: next,
                    finding: None,
                });
                k += 1;
            }
        }
    }
    out
}

/// Finds, merges and rates the risks of all articles. Ids are stable (see `ids`).
pub fn find_risks(articles: &[Article], scale: Scale, brief_date: Option<&str>) -> Vec<Risk> {
    let stemmer = Stemmer::new();
    let mut interner = Interner::default();
    let evidence = evidence(articles, brief_date, &stemmer);
    let keys: Vec<SentenceKey> = evidence
        .iter()
        .map(|e| {
            let at = (e.source, e.index);
            let p = e.sentence.paragraph;
            match &e.finding {
                Some(f) => SentenceKey::new(
                    &stemmer,
                    &mut interner,
                    at,
                    p,
                    &e.sentence.text,
                    &f.concepts,
                ),
                None => SentenceKey::elaboration(at, p),
            }
        })
        .collect();
    let groups = merge::group(&keys);
    let hashes: Vec<u64> = groups
        .iter()
        .map(|g| ids::stem_hash(&stemmer, &evidence[g[0]].sentence.text))
        .collect();
    let ids = ids::assign(ids::FOUND_PREFIX, &hashes);
    groups
        .iter()
        .zip(ids)
        .map(|(group, id)| rate(articles, scale, &evidence, group, &keys, id))
        .collect()
}

/// Rates one merged risk from its lead sentence: the strongest impact, then advice against
/// (whose title names the risky action), then the most explicit cue, then the richest
/// sentence, then the earliest.
fn rate(
    articles: &[Article],
    scale: Scale,
    evidence: &[Evidence<'_>],
    group: &[usize],
    keys: &[SentenceKey],
    id: String,
) -> Risk {
    let lead_at = group
        .iter()
        .copied()
        .filter(|&i| evidence[i].finding.is_some())
        .max_by_key(|&i| {
            let f = evidence[i].finding.as_ref().expect("filtered");
            (
                f.impact,
                f.kind == RiskKind::Backfire,
                f.class,
                keys[i].features.len(),
                std::cmp::Reverse(i),
            )
        })
        .expect("every group has a risk sentence");
    let lead = &evidence[lead_at];
    let finding = lead.finding.as_ref().expect("lead has a finding");
    let provenance_of = |e: &Evidence<'_>| Provenance {
        source: articles[e.source].source.id.clone(),
        start: e.sentence.span.start,
        end: e.sentence.span.end,
        sentence: Some(e.sentence.id.clone()),
    };
    let mut provenance = vec![provenance_of(lead)];
    provenance.extend(
        group
            .iter()
            .filter(|&&i| i != lead_at)
            .map(|&i| provenance_of(&evidence[i])),
    );
    let confidence = confidence::assess(group.iter().map(|&i| {
        (
            articles[evidence[i].source].source.id.as_str(),
            evidence[i].sentence.text.as_str(),
        )
    }));
    let base = scale.level_for(finding.percent) as i8;
    let likelihood = (base + finding.step).clamp(1, 5) as u8;
    let kind = match finding.kind {
        RiskKind::Possible => "possible",
        RiskKind::Ongoing => "ongoing",
        RiskKind::Backfire => "backfire",
    };
    let mut likelihood_cues = finding.likelihood_cues.clone();
    if finding.class == CueClass::Ongoing && !likelihood_cues.iter().any(|c| c.contains("already"))
    {
        likelihood_cues.push("already happening".to_string());
    }
    Risk {
        id,
        title: finding.title(&lead.sentence.text),
        text: lead.sentence.text.clone(),
        provenance,
        likelihood,
        impact: finding.impact,
        kind,
        likelihood_cues,
        impact_cues: finding.impact_cues.clone(),
        confidence,
        override_reason: None,
        original: None,
        order: (evidence[group[0]].source, evidence[group[0]].index),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        brief_ingest::article_from_text(id, text)
    }

    #[test]
    fn elaboration_joins_the_risk_before_it() {
        let a = article(
            "a",
            "Ruritania has been the main supplier of Borduria's war. Ruritania ships Borduria drones despite sanctions.\n",
        );
        let risks = find_risks(std::slice::from_ref(&a), Scale::Icd203, None);
        assert_eq!(risks.len(), 1);
        assert_eq!(risks[0].provenance.len(), 2);
        assert_eq!(risks[0].kind, "ongoing");
        assert_eq!(risks[0].likelihood, 5);
    }

    #[test]
    fn provenance_is_the_sentence_span() {
        let text = "Intro line.\nThe dam could collapse in a flood.\n";
        let a = article("src", text);
        let risks = find_risks(std::slice::from_ref(&a), Scale::Icd203, None);
        let p = &risks[0].provenance[0];
        assert_eq!(&text[p.start..p.end], "The dam could collapse in a flood.");
        assert_eq!(p.source, "src");
        assert_eq!(p.sentence.as_deref(), Some("p2.s1"));
    }

    #[test]
    fn duplicates_across_sources_raise_confidence() {
        let a = article(
            "a",
            "Old quarrels could tear the alliance apart, Smith said.\n",
        );
        let b = article("b", "Many quarrels could make the alliance fall apart.\n");
        let risks = find_risks(&[a, b], Scale::Icd203, None);
        assert_eq!(risks.len(), 1);
        assert_eq!(risks[0].confidence.level, "high");
        assert_eq!(risks[0].provenance.len(), 2);
    }
}
