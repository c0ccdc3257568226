//! A readable trace of the rules on one article: for every sentence with a cue, each match,
//! its exclusion or score, actor, action and recommender. For tuning rules and for users who
//! want to know why a sentence was (not) taken.

use std::fmt::Write;

use brief_core::Article;

use crate::attribution;
use crate::extract;
use crate::headings::Outline;
use crate::names::Names;
use crate::score::{self, Context};
use crate::sentence::{self, Surroundings};
use crate::words::Words;

/// The trace, one block per sentence that has at least one cue match.
pub fn explain(article: &Article) -> String {
    let names = Names::new(article);
    let outline = Outline::new(article);
    let mut out = String::new();
    for paragraph in &article.paragraphs {
        let p = article
            .paragraphs
            .iter()
            .position(|x| x.id == paragraph.id)
            .unwrap_or(0);
        if outline.is_heading[p] || paragraph.boilerplate.is_some() {
            continue;
        }
        let mut open_quote = false;
        for s in article
            .sentences_of(paragraph)
            .iter()
            .filter(|s| !s.boilerplate)
        {
            let words = Words::new(&s.text, open_quote);
            open_quote = words.ends_in_quote;
            let voice = attribution::voice(&words);
            let around = Surroundings {
                section: outline.section[p],
                allow_imperative: outline.section[p] == crate::headings::Section::Recommendations,
                paragraph_speaker: None,
                extra_cues: &[],
                names: &names,
            };
            let cues = sentence::cues(&words, &around);
            if cues.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{} [{:?}] {}", s.id, outline.section[p], s.text);
            for cue in &cues {
                let actor = cue.actor.as_ref().map(|r| words.slice(r.start, r.end));
                let ctx = Context {
                    section: outline.section[p],
                    attributed: voice.quote_speaker.is_some()
                        || voice.reported_by.is_some()
                        || cue.speaker.is_some(),
                    agent_actor: cue
                        .actor
                        .as_ref()
                        .is_some_and(|a| extract::is_agent(&words, a, &names.proper_nouns)),
                    non_agent_subject: cue
                        .actor
                        .as_ref()
                        .is_some_and(|a| extract::is_non_agent_pronoun(&words, a)),
                };
                let verdict = match cue.excluded {
                    Some(why) => format!("excluded: {why:?}"),
                    None => format!("score ~{}", score::score(cue, &ctx)),
                };
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
            let best = sentence::best(&words, &voice, &around);
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
