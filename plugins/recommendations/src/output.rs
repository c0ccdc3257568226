//! Merged candidates → the section: one item per recommendation, strongest first, grouped by
//! actor for the template, with notes when nothing was found or the list was cut.

use brief_core::{Item, Provenance, SectionOutput};
use serde_json::{Value, json};

use crate::candidate::{Candidate, actor_key};
use crate::settings::Settings;
use crate::strength::{self, Stance, Strength};

/// The note shown when no source recommends anything.
pub(crate) const NOTHING_FOUND: &str = "No recommendations were found in the sources.";
/// Group label for recommendations whose actor the source does not name.
const UNNAMED_ACTOR: &str = "Actor not named";

/// One merged recommendation.
#[derive(Debug, Clone)]
struct Recommendation {
    text: String,
    action: String,
    cue: String,
    strength: Strength,
    stance: Stance,
    actor: Option<String>,
    by: Option<String>,
    by_all: Vec<String>,
    score: f64,
    provenance: Vec<Provenance>,
    /// (source, sentence) of the earliest member, for document order.
    first: (usize, usize),
}

/// Picks the member that speaks for the group: one that names its action outright rather than
/// "do so", then the strongest, the best scored, the earliest.
fn representative<'c>(members: &[&'c Candidate]) -> &'c Candidate {
    members
        .iter()
        .copied()
        .max_by(|a, b| {
            (!a.anaphoric, a.strength)
                .cmp(&(!b.anaphoric, b.strength))
                .then(a.score.total_cmp(&b.score))
                .then((b.source, b.sentence).cmp(&(a.source, a.sentence)))
        })
        .expect("groups are never empty")
}

fn combine(candidates: &[Candidate], group: &[usize]) -> Recommendation {
    let members: Vec<&Candidate> = group.iter().map(|&i| &candidates[i]).collect();
    let rep = representative(&members);
    let mut by_all: Vec<String> = Vec::new();
    for by in members.iter().filter_map(|m| m.by.as_ref()) {
        if !by_all.contains(by) {
            by_all.push(by.clone());
        }
    }
    let mut provenance: Vec<(usize, Provenance)> = members
        .iter()
        .flat_map(|m| m.provenance.iter().map(|p| (m.source, p.clone())))
        .collect();
    provenance.sort_by_key(|(source, p)| (*source, p.start, p.end));
    provenance.dedup_by(|a, b| a.1 == b.1);
    Recommendation {
        text: rep.text.clone(),
        action: rep.action.clone(),
        cue: rep.cue.clone(),
        strength: members
            .iter()
            .map(|m| m.strength)
            .max()
            .unwrap_or(rep.strength),
        stance: rep.stance,
        actor: rep
            .actor
            .clone()
            .or_else(|| members.iter().find_map(|m| m.actor.clone())),
        by: rep.by.clone().or_else(|| by_all.first().cloned()),
        by_all,
        score: members.iter().map(|m| m.score).fold(f64::MIN, f64::max),
        provenance: provenance.into_iter().map(|(_, p)| p).collect(),
        first: members
            .iter()
            .map(|m| (m.source, m.sentence))
            .min()
            .unwrap_or((rep.source, rep.sentence)),
    }
}

fn to_item(r: &Recommendation) -> Item {
    Item::new(r.text.clone(), r.provenance.clone())
        .with("by", r.by.clone().map_or(Value::Null, Value::from))
        .with("by_all", r.by_all.clone())
        .with("actor", r.actor.clone().map_or(Value::Null, Value::from))
        .with("action", r.action.clone())
        .with("stance", r.stance.as_str())
        .with("strength", r.strength.as_str())
        .with("cue", r.cue.clone())
        .with("score", r.score)
}

/// The group heading for an actor: the source's words with a capital first letter.
fn group_label(actor: Option<&str>) -> String {
    match actor {
        None => UNNAMED_ACTOR.to_string(),
        Some(a) => {
            let mut chars = a.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// Builds the section from candidates and their merge groups.
pub(crate) fn section(
    candidates: &[Candidate],
    groups: &[Vec<usize>],
    settings: &Settings,
    mut notes: Vec<String>,
) -> SectionOutput {
    let mut recs: Vec<Recommendation> = groups
        .iter()
        .map(|g| combine(candidates, g))
        .filter(|r| r.strength >= settings.min_strength)
        .collect();
    let total = recs.len();
    // keep the strongest, best-supported ones when there are too many
    recs.sort_by(|a, b| {
        b.strength
            .cmp(&a.strength)
            .then(b.score.total_cmp(&a.score))
            .then(a.first.cmp(&b.first))
    });
    recs.truncate(settings.max_items);
    // show strongest first, then in document order
    recs.sort_by(|a, b| b.strength.cmp(&a.strength).then(a.first.cmp(&b.first)));

    // group by actor, groups in order of their strongest (first shown) item
    let mut order: Vec<(String, Option<String>, Vec<usize>)> = Vec::new();
    for (i, r) in recs.iter().enumerate() {
        let key = r.actor.as_deref().map(actor_key).unwrap_or_default();
        match order.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, members)) => members.push(i),
            None => order.push((key, r.actor.clone(), vec![i])),
        }
    }
    let mut items = Vec::new();
    let mut data_groups = Vec::new();
    for (_, actor, members) in &order {
        let mut entries = Vec::new();
        for &i in members {
            let r = &recs[i];
            let item = to_item(r);
            let mut entry = serde_json::to_value(&item).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut entry {
                map.insert("label".into(), strength::label(r.strength, r.stance).into());
                let summary = if r.action.trim().is_empty() {
                    &r.text
                } else {
                    &r.action
                };
                map.insert("summary".into(), summary.clone().into());
            }
            entries.push(entry);
            items.push(item);
        }
        data_groups.push(json!({
            "actor": group_label(actor.as_deref()),
            "actor_named": actor.is_some(),
            "items": entries,
        }));
    }

    if total == 0 {
        notes.push(NOTHING_FOUND.to_string());
    } else if total > items.len() {
        notes.push(format!(
            "Showing the {} strongest of {total} recommendations found.",
            items.len()
        ));
    }
    SectionOutput {
        title: settings.title.clone(),
        items,
        notes,
        data: json!({ "groups": data_groups, "total": total, "shown": recs.len() }),
        ..SectionOutput::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(
        sentence: usize,
        strength: Strength,
        actor: Option<&str>,
        by: Option<&str>,
    ) -> Candidate {
        Candidate {
            source: 0,
            sentence,
            paragraph: sentence,
            text: format!("Sentence {sentence}."),
            cue: "should".into(),
            strength,
            stance: Stance::Do,
            actor: actor.map(str::to_string),
            action: format!("act {sentence}"),
            by: by.map(str::to_string),
            score: 3.0,
            in_recommendations: false,
            anaphoric: false,
            provenance: vec![Provenance {
                source: "s".into(),
                start: sentence * 10,
                end: sentence * 10 + 5,
                sentence: Some(format!("p{sentence}.s1")),
            }],
            entities: Vec::new(),
        }
    }

    #[test]
    fn empty_input_gives_a_note_and_no_items() {
        let out = section(&[], &[], &Settings::default(), Vec::new());
        assert!(out.items.is_empty());
        assert_eq!(out.notes, vec![NOTHING_FOUND.to_string()]);
    }

    #[test]
    fn strongest_first_grouped_by_actor() {
        let c = vec![
            cand(0, Strength::Should, Some("Congress"), None),
            cand(1, Strength::Must, Some("the Army"), Some("the panel")),
            cand(2, Strength::Should, Some("The Army"), None),
        ];
        let groups = vec![vec![0], vec![1], vec![2]];
        let out = section(&c, &groups, &Settings::default(), Vec::new());
        let texts: Vec<&str> = out.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, vec!["Sentence 1.", "Sentence 2.", "Sentence 0."]);
        assert_eq!(out.data["groups"][0]["actor"], "The Army");
        assert_eq!(out.data["groups"][0]["items"].as_array().unwrap().len(), 2);
        assert_eq!(out.items[1].fields["by"], Value::Null);
    }

    #[test]
    fn merged_group_lists_every_passage_and_the_strongest_strength() {
        let c = vec![
            cand(0, Strength::Should, None, Some("Varga")),
            cand(4, Strength::Must, Some("allies"), Some("the institute")),
        ];
        let out = section(&c, &[vec![0, 1]], &Settings::default(), Vec::new());
        let item = &out.items[0];
        assert_eq!(item.provenance.len(), 2);
        assert_eq!(item.fields["strength"], "must");
        assert_eq!(item.fields["by"], "the institute");
        assert_eq!(item.fields["by_all"], json!(["Varga", "the institute"]));
    }

    #[test]
    fn max_items_and_min_strength_cut_with_a_note() {
        let c: Vec<Candidate> = (0..4)
            .map(|i| {
                cand(
                    i,
                    if i == 3 {
                        Strength::Could
                    } else {
                        Strength::Should
                    },
                    None,
                    None,
                )
            })
            .collect();
        let groups: Vec<Vec<usize>> = (0..4).map(|i| vec![i]).collect();
        let settings = Settings {
            max_items: 2,
            min_strength: Strength::Should,
            ..Settings::default()
        };
        let out = section(&c, &groups, &settings, Vec::new());
        assert_eq!(out.items.len(), 2);
        assert!(out.notes[0].contains("2 strongest of 3"));
    }
}
