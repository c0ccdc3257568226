//! One article → its recommendation candidates. Walks paragraphs in order, carrying what a
//! sentence needs from its neighbours: an open quotation and its speaker, the heading it sits
//! under, a "take the following actions:" introduction, the last named speaker for "he said".

use std::cell::OnceCell;

use brief_core::Article;

use crate::anaphora;
use crate::attribution::{self, Voice};
use crate::candidate::{Candidate, provenance_of};
use crate::cue::CueKind;
use crate::extract;
use crate::headings::{Outline, Section};
use crate::names::Names;
use crate::score::THRESHOLD;
use crate::sentence::{self, Found, Surroundings};
use crate::settings::Settings;
use crate::trigger;
use crate::words::Words;

/// Share of upper-case letters above which a source counts as written in capitals.
const ALL_CAPS_SHARE: f64 = 0.9;
/// Fewest letters before the all-caps test applies (a short title in capitals is fine).
const ALL_CAPS_MIN_LETTERS: usize = 40;

/// What analysing one article gives.
#[derive(Debug, Default)]
pub(crate) struct ArticleResult {
    pub candidates: Vec<Candidate>,
    pub notes: Vec<String>,
}

/// Candidates under recommendations headings that make a source a formal report.
const FORMAL_SECTION_MIN: usize = 3;
/// What a formal report's advice outside its recommendations section loses: interviewees'
/// opinions and restated findings are not the report's recommendations.
const OUTSIDE_FORMAL_PENALTY: f64 = 1.5;

/// A "…take the following actions:" sentence waiting to see whether a list follows.
#[derive(Debug)]
struct ListIntro {
    candidate: Candidate,
    items_seen: usize,
}

/// Whether the article's body is written in capitals, where names and sentence starts cannot
/// be told apart.
fn is_all_caps(article: &Article) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for s in article.body_sentences() {
        for c in s.text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    letters >= ALL_CAPS_MIN_LETTERS && upper as f64 >= ALL_CAPS_SHARE * letters as f64
}

pub(crate) fn analyse(article: &Article, source: usize, settings: &Settings) -> ArticleResult {
    let mut result = ArticleResult::default();
    if is_all_caps(article) {
        result.notes.push(format!(
            "Source {} is written entirely in capitals, so it was not searched for recommendations.",
            article.source.id
        ));
        return result;
    }
    // names cost a pass over the whole article; most long texts never need them
    let names: OnceCell<Names> = OnceCell::new();
    let outline = Outline::new(article);
    let extra_first: Vec<String> = settings
        .extra_cues
        .iter()
        .filter_map(|c| c.first().cloned())
        .collect();
    let mut intro: Option<ListIntro> = None;

    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        if outline.is_heading[p] {
            finish_intro(&mut intro, &mut result.candidates);
            continue;
        }
        if paragraph.boilerplate.is_some() {
            continue;
        }
        let range = paragraph.first_sentence..paragraph.first_sentence + paragraph.sentence_count;
        let allow_imperative = outline.section[p] == Section::Recommendations || intro.is_some();
        let worth_reading = allow_imperative
            || range.clone().any(|i| {
                let s = &article.sentences[i];
                !s.boilerplate && trigger::might_advise(&s.text, &extra_first)
            });
        if !worth_reading {
            continue;
        }
        let names = names.get_or_init(|| Names::new(article));
        let sentences = voiced_sentences(article, range);

        for (n, (index, words, voice)) in sentences.iter().enumerate() {
            let paragraph_speaker = nearest_quote_speaker(&sentences, n);
            let around = Surroundings {
                section: outline.section[p],
                allow_imperative,
                paragraph_speaker: paragraph_speaker.as_deref(),
                extra_cues: &settings.extra_cues,
                names,
            };
            let found = sentence::best(words, voice, &around);
            let is_item = found
                .as_ref()
                .is_some_and(|f| f.cue.kind == CueKind::Imperative);
            if n == 0 && !is_item {
                finish_intro(&mut intro, &mut result.candidates);
            }
            let Some(found) = found else { continue };
            let mut candidate = build(article, source, *index, words, found, names);
            candidate.in_recommendations = outline.section[p] == Section::Recommendations;
            if let Some(list) = intro.as_mut().filter(|_| is_item) {
                list.items_seen += 1;
                candidate.actor = candidate.actor.or_else(|| list.candidate.actor.clone());
                candidate.by = candidate.by.or_else(|| list.candidate.by.clone());
                result.candidates.push(candidate);
            } else if !is_item && article.sentences[*index].text.trim_end().ends_with(':') {
                finish_intro(&mut intro, &mut result.candidates);
                intro = Some(ListIntro {
                    candidate,
                    items_seen: 0,
                });
            } else {
                result.candidates.push(candidate);
            }
        }
    }
    finish_intro(&mut intro, &mut result.candidates);
    demote_outside_formal_section(&mut result.candidates);
    result
}

/// In a report with its own recommendations section, advice elsewhere must score
/// [`OUTSIDE_FORMAL_PENALTY`] more to count.
fn demote_outside_formal_section(candidates: &mut Vec<Candidate>) {
    let formal = candidates.iter().filter(|c| c.in_recommendations).count();
    if formal < FORMAL_SECTION_MIN {
        return;
    }
    for c in candidates.iter_mut().filter(|c| !c.in_recommendations) {
        c.score -= OUTSIDE_FORMAL_PENALTY;
    }
    candidates.retain(|c| c.score >= THRESHOLD);
}

/// Ends a list introduction: if no list followed, the introduction is itself the advice.
fn finish_intro(intro: &mut Option<ListIntro>, out: &mut Vec<Candidate>) {
    if let Some(list) = intro.take()
        && list.items_seen == 0
    {
        out.push(list.candidate);
    }
}

/// The quoted speaker of the nearest sentence of the paragraph that names one: earlier
/// sentences first (a quotation continues after its attribution), then later ones.
/// The paragraph's analysable sentences with their words and voice; quotation state carries
/// from one sentence to the next, since a quote may span several.
pub(crate) fn voiced_sentences(
    article: &Article,
    range: std::ops::Range<usize>,
) -> Vec<(usize, Words<'_>, Voice)> {
    let mut open_quote = false;
    range
        .filter(|&i| !article.sentences[i].boilerplate)
        .map(|i| {
            let words = Words::new(&article.sentences[i].text, open_quote);
            open_quote = words.ends_in_quote;
            let voice = attribution::voice(&words);
            (i, words, voice)
        })
        .collect()
}

pub(crate) fn nearest_quote_speaker(
    sentences: &[(usize, Words<'_>, Voice)],
    n: usize,
) -> Option<String> {
    let before = sentences[..n].iter().rev();
    let after = sentences[n + 1..].iter();
    before
        .chain(after)
        .find_map(|(_, _, v)| v.quote_speaker.clone())
}

/// Turns a sentence's best match into a candidate: text fields, resolved `by`, and the
/// question a "do so" points back to.
fn build(
    article: &Article,
    source: usize,
    index: usize,
    words: &Words<'_>,
    found: Found,
    names: &Names,
) -> Candidate {
    let Found { cue, score, by } = found;
    let by = by.and_then(|b| {
        if attribution::is_third_person_pronoun(&b) {
            previous_named_speaker(article, names, index)
        } else {
            Some(names.expand(&b))
        }
    });
    let sentence = &article.sentences[index];
    let mut candidate = Candidate {
        source,
        sentence: index,
        paragraph: sentence.paragraph,
        text: sentence.text.clone(),
        cue: cue.phrase.clone(),
        strength: cue.strength,
        stance: cue.stance,
        actor: cue
            .actor
            .as_ref()
            .map(|r| words.slice(r.start, r.end).to_string()),
        action: words.slice(cue.action.start, cue.action.end).to_string(),
        by,
        score,
        in_recommendations: false,
        anaphoric: extract::is_anaphoric(words, &cue.action),
        provenance: vec![provenance_of(article, index)],
        entities: entities(words, cue.actor.iter().chain(std::iter::once(&cue.action))),
    };
    if candidate.anaphoric
        && let Some(ante) = anaphora::antecedent(article, index)
    {
        candidate.actor = candidate.actor.or(ante.actor);
        candidate.action = ante.action;
        candidate
            .provenance
            .insert(0, provenance_of(article, ante.sentence));
    }
    candidate
}

/// How far back "he said" looks for the person it means, in sentences.
const PRONOUN_REACH: usize = 300;

/// The last named speaker before sentence `index`, for resolving "he said" / "she warned".
fn previous_named_speaker(article: &Article, names: &Names, index: usize) -> Option<String> {
    (index.saturating_sub(PRONOUN_REACH)..index)
        .rev()
        .filter(|&i| !article.sentences[i].boilerplate)
        .find_map(|i| {
            let voice = attribution::voice(&Words::new(&article.sentences[i].text, false));
            [voice.quote_speaker, voice.reported_by]
                .into_iter()
                .flatten()
                .find(|s| {
                    !attribution::is_first_person(s) && !attribution::is_third_person_pronoun(s)
                })
        })
        .map(|s| names.expand(&s))
}

/// Lowercase capitalized words inside the given word ranges, skipping clause-initial ones.
fn entities<'r>(
    words: &Words<'_>,
    ranges: impl Iterator<Item = &'r std::ops::Range<usize>>,
) -> Vec<String> {
    let mut out: Vec<String> = ranges
        .flat_map(|r| r.clone())
        .filter(|&k| {
            let w = &words.words[k];
            (w.capitalized || w.acronym)
                && k > 0
                && !words.break_before(k)
                && !brief_text::is_stopword(&w.lower)
        })
        .map(|k| words.lower(k).to_string())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> ArticleResult {
        let a = brief_ingest::article_from_text("t", text);
        analyse(&a, 0, &Settings::default())
    }

    #[test]
    fn all_caps_source_is_skipped_with_a_note() {
        let r = run(
            "THE MINISTRY SHOULD PUBLISH ITS DATA AND THE AGENCY MUST ACT NOW ON THE REPORT.\n",
        );
        assert!(r.candidates.is_empty());
        assert!(r.notes[0].contains("capitals"));
    }

    #[test]
    fn list_items_after_an_introduction_inherit_its_actor() {
        let r = run(
            "We recommend that the Secretary of Agriculture direct the Chief of the Forest Service to take the following actions:\n\
             - Develop a schedule for clearing fuel loads near towns.\n\
             - Track treatment costs by district.\n\
             Officials described the terrain.\n",
        );
        assert_eq!(r.candidates.len(), 2);
        assert_eq!(
            r.candidates[0].actor.as_deref(),
            Some("the Secretary of Agriculture")
        );
        assert_eq!(r.candidates[1].action, "Track treatment costs by district");
    }

    #[test]
    fn an_introduction_without_a_list_is_kept() {
        let r = run("The Secretary of the Navy should take two steps:\nFunding was cut in 2021.\n");
        assert_eq!(r.candidates.len(), 1);
    }

    #[test]
    fn do_so_takes_actor_and_action_from_the_question() {
        let r = run(
            "It raises a question: Could Nordic states exploit these rifts to split the pact? The institute strongly warns against trying to do so.\n",
        );
        let c = &r.candidates[0];
        assert_eq!(c.actor.as_deref(), Some("Nordic states"));
        assert_eq!(c.action, "exploit these rifts to split the pact");
        assert_eq!(
            c.by.as_deref(),
            Some("The institute").map(|_| "the institute")
        );
        assert_eq!(c.provenance.len(), 2);
    }

    #[test]
    fn he_said_is_the_last_named_speaker() {
        let r = run(
            "“Funding is thin,” Lena Varga said.\nThe port grew.\nDonors should pool their money, she said.\n",
        );
        assert_eq!(r.candidates[0].by.as_deref(), Some("Lena Varga"));
    }

    #[test]
    fn continued_quotation_keeps_its_speaker() {
        let r = run("“Funding is thin,” the report said. “Donors should pool their money.\n");
        assert_eq!(r.candidates[0].by.as_deref(), Some("the report"));
    }
}
