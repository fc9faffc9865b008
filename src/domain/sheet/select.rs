//! Which stories go on the sheet: pinned ones first, then, one at a time, the story that adds the most
//! of what the role's interviewers look for and is the most complete.
//!
//! Each competency weighs what the role's questions make of it: one point, one more for each
//! behavioural question of the role that probes it and half a point for each other one, and two more
//! for the four core competencies. A story gains a competency's full weight if no chosen story shows
//! it yet, a quarter if one does, and a tenth after that, so the set spreads over the competencies
//! rather than telling teamwork six times. Completeness adds up to three points (S, T, A and R
//! written) and a cue half a point. Ties go to the story updated last.

use super::{Inputs, MAX_STORIES, NotChosen, Why};
use crate::domain::content::{Competency, Id, Question};
use crate::domain::stories::{Coverage, Story};
use std::collections::HashMap;

/// Competencies named per story on the sheet.
pub const SHOWS_MAX: usize = 3;

/// A story on the sheet, with up to [`SHOWS_MAX`] of the competencies it shows: those the role
/// weighs most, named in row order (core ones first).
pub struct Chosen<'a> {
    pub story: &'a Story,
    pub shows: Vec<String>,
    pub pinned: bool,
}

pub struct Selection<'a> {
    pub chosen: Vec<Chosen<'a>>,
    pub not_chosen: Vec<NotChosen>,
}

/// The weight of each competency for the roles in focus (every role when none is chosen).
pub fn weights(
    competencies: &[Competency],
    questions: &[Question],
    roles: &[Id],
) -> HashMap<Id, f32> {
    let mut w: HashMap<Id, f32> = competencies
        .iter()
        .map(|c| (c.id.clone(), if c.core { 3.0 } else { 1.0 }))
        .collect();
    let in_focus = |q: &Question| {
        roles.is_empty() || q.roles.is_empty() || q.roles.iter().any(|r| roles.contains(r))
    };
    for q in questions.iter().filter(|q| in_focus(q)) {
        for c in &q.competencies {
            if let Some(v) = w.get_mut(c) {
                *v += if q.behavioural { 1.0 } else { 0.5 };
            }
        }
    }
    w
}

pub fn choose<'a>(inputs: &Inputs<'a>) -> Selection<'a> {
    let lib = inputs.lib;
    let weights = weights(&lib.competencies, &lib.questions, &inputs.profile.roles);
    choose_from(
        inputs.stories,
        &lib.competencies,
        &weights,
        &inputs.choices.pinned,
        &inputs.choices.dropped,
    )
}

/// The selection from `stories`, given competency weights and the user's pins and drops.
pub fn choose_from<'a>(
    stories: &[&'a Story],
    competencies: &[Competency],
    weights: &HashMap<Id, f32>,
    pinned: &[crate::domain::stories::StoryId],
    dropped: &[crate::domain::stories::StoryId],
) -> Selection<'a> {
    let coverage = Coverage::new(competencies, &[], stories);
    // Per story: the competency rows it shows.
    let shows: Vec<Vec<usize>> = (0..stories.len())
        .map(|col| {
            coverage
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.covered_by.get(col).copied().unwrap_or(false))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let row_weight: Vec<f32> = coverage
        .rows
        .iter()
        .map(|r| weights.get(&r.id).copied().unwrap_or(1.0))
        .collect();
    let mut times_covered = vec![0usize; coverage.rows.len()];
    let mut taken = vec![false; stories.len()];
    let mut chosen_idx: Vec<(usize, bool)> = Vec::new();

    let take = |i: usize,
                pinned: bool,
                taken: &mut Vec<bool>,
                times: &mut Vec<usize>,
                chosen: &mut Vec<(usize, bool)>| {
        taken[i] = true;
        for &r in &shows[i] {
            times[r] += 1;
        }
        chosen.push((i, pinned));
    };

    // Pinned stories first, in the order pinned.
    for id in pinned {
        if chosen_idx.len() >= MAX_STORIES {
            break;
        }
        if let Some(i) = stories.iter().position(|s| &s.id == id)
            && !taken[i]
        {
            take(i, true, &mut taken, &mut times_covered, &mut chosen_idx);
        }
    }
    let eligible = |s: &Story| !dropped.contains(&s.id) && s.completeness().filled() > 0;
    while chosen_idx.len() < MAX_STORIES {
        let mut best: Option<(usize, f32)> = None;
        for (i, s) in stories.iter().enumerate() {
            if taken[i] || !eligible(s) {
                continue;
            }
            let gain: f32 = shows[i]
                .iter()
                .map(|&r| {
                    row_weight[r]
                        * match times_covered[r] {
                            0 => 1.0,
                            1 => 0.25,
                            _ => 0.1,
                        }
                })
                .sum();
            let c = s.completeness();
            let score = gain
                + 3.0 * c.filled() as f32 / 4.0
                + if s.cue.trim().is_empty() { 0.0 } else { 0.5 };
            let better = match best {
                None => true,
                Some((b, bs)) => {
                    score > bs + 1e-4 || ((score - bs).abs() <= 1e-4 && newer(s, stories[b]))
                }
            };
            if better {
                best = Some((i, score));
            }
        }
        match best {
            Some((i, _)) => take(i, false, &mut taken, &mut times_covered, &mut chosen_idx),
            None => break,
        }
    }
    let chosen = chosen_idx
        .iter()
        .map(|&(i, pinned)| Chosen {
            story: stories[i],
            shows: {
                // The ones the role's interviewers weigh most, so a story tagged with everything
                // still reads at a glance.
                let mut rows = shows[i].clone();
                rows.sort_by(|&a, &b| row_weight[b].total_cmp(&row_weight[a]).then(a.cmp(&b)));
                rows.truncate(SHOWS_MAX);
                rows.sort_unstable();
                rows.iter()
                    .map(|&r| coverage.rows[r].name.clone())
                    .collect()
            },
            pinned,
        })
        .collect();
    let not_chosen = stories
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken[*i])
        .map(|(_, s)| NotChosen {
            id: s.id.clone(),
            title: super::title_of(s),
            why: if dropped.contains(&s.id) {
                Why::Dropped
            } else if s.completeness().filled() == 0 {
                Why::Empty
            } else {
                Why::NotAmongBest
            },
        })
        .collect();
    Selection { chosen, not_chosen }
}

/// True if `a` was updated after `b`; then by title, so the order never depends on the input order.
fn newer(a: &Story, b: &Story) -> bool {
    match a.updated.cmp(&b.updated) {
        std::cmp::Ordering::Equal => a.title < b.title,
        o => o == std::cmp::Ordering::Greater,
    }
}
