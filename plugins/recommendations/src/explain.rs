//! A readable trace of the rules on one article: for every sentence with a cue, each match,
//! its exclusion or score, actor, action and recommender. For tuning rules and for users who
//! want to know why a sentence was (not) taken. It reads sentences exactly as `analyse` does
//! (open quotations, the speaker of a neighbouring quotation) and scores with the same
//! function, so the trace and the section agree.

use std::fmt::Write;

use brief_core::Article;

use crate::analyse::{nearest_quote_speaker, voiced_sentences};
use crate::headings::{Outline, Section};
use crate::names::Names;
use crate::sentence::{self, Surroundings};

/// The trace, one block per sentence that has at least one cue match.
pub fn explain(article: &Article) -> String {
    let names = Names::new(article);
    let outline = Outline::new(article);
    let mut out = String::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        if outline.is_heading[p] || paragraph.boilerplate.is_some() {
            continue;
        }
        let sentences = voiced_sentences(
            article,
            paragraph.first_sentence..paragraph.first_sentence + paragraph.sentence_count,
        );
        for (n, (index, words, voice)) in sentences.iter().enumerate() {
            let paragraph_speaker = nearest_quote_speaker(&sentences, n);
            let around = Surroundings {
                section: outline.section[p],
                allow_imperative: outline.section[p] == Section::Recommendations,
                paragraph_speaker: paragraph_speaker.as_deref(),
                extra_cues: &[],
                names: &names,
            };
            let cues = sentence::cues(words, voice, &around);
            if cues.is_empty() {
                continue;
            }
            let s = &article.sentences[*index];
            let _ = writeln!(out, "{} [{:?}] {}", s.id, outline.section[p], s.text);
            for mut cue in cues {
                let verdict = match cue.excluded {
                    Some(why) => format!("excluded: {why:?}"),
                    None => {
                        let (score, by) = sentence::assess(words, voice, &around, &mut cue);
                        format!("score {score}, by {by:?}")
                    }
                };
                let actor = cue.actor.as_ref().map(|r| words.slice(r.start, r.end));
                let _ = writeln!(
                    out,
                    "    {:?} {:?} {} {} | actor: {:?} | action: {:?} | {:?}",
                    cue.kind,
                    cue.phrase,
                    cue.strength,
                    cue.stance.as_str(),
                    actor,
                    words.slice(cue.action.start, cue.action.end),
                    cue.signals,
                );
                let _ = writeln!(out, "    -> {verdict}");
            }
            let best = sentence::best(words, voice, &around);
            let _ = writeln!(
                out,
                "    => {}",
                best.map_or("none".to_string(), |b| format!(
                    "{} (score {}, by {:?})",
                    b.cue.phrase, b.score, b.by
                ))
            );
        }
    }
    out
}
