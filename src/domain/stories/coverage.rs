//! Which competencies the user's stories demonstrate, which have none, and which questions no story answers.

use super::story::{Story, StoryId, fold};
use crate::domain::content::{Competency, Id, Library, Question};
use crate::domain::prose::join_and;
use std::collections::{HashMap, HashSet};

/// The usual advice: this many stories, covering the core competencies, prepare for most interviews.
pub const STORIES_ADVISED: (usize, usize) = (4, 6);

/// The competencies × stories grid, and the questions left unanswered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The grid's columns, in the order the stories were given.
    pub stories: Vec<StoryId>,
    /// One row per competency: core competencies first, then the rest, each in content order.
    pub rows: Vec<CompetencyRow>,
    /// Questions no story links to: behavioural ones (which a STAR story answers) first, then the
    /// rest, each in content order.
    pub unanswered: Vec<OpenQuestion>,
}

/// One competency and the stories that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetencyRow {
    pub id: Id,
    pub name: String,
    /// One of the few every candidate's stories should cover.
    pub core: bool,
    /// Per column of [`Coverage::stories`]: does that story show this competency?
    pub covered_by: Vec<bool>,
}

impl CompetencyRow {
    /// How many stories show this competency.
    pub fn count(&self) -> usize {
        self.covered_by.iter().filter(|&&b| b).count()
    }

    pub fn is_covered(&self) -> bool {
        self.covered_by.contains(&true)
    }
}

/// Something a new story could fill: a core competency no story shows, or a behavioural question no
/// story answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    Competency(Id),
    Question(Id),
}

/// A question from the bank that no story links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenQuestion {
    pub id: Id,
    /// "Tell me about a time…" questions, which a STAR story answers.
    pub behavioural: bool,
}

impl Coverage {
    /// Builds the grid. A story covers a competency when one of its tags is the competency's id or
    /// name, ignoring case, accents and the difference between spaces, hyphens and underscores, so
    /// "Patient care", "patient-care" and "PATIENT_CARE" all count; or when it is linked to a question
    /// that probes the competency (the question's `competencies`).
    pub fn new(
        competencies: &[Competency],
        questions: &[Question],
        stories: &[&Story],
    ) -> Coverage {
        let probes: HashMap<&Id, &[Id]> = questions
            .iter()
            .map(|q| (&q.id, q.competencies.as_slice()))
            .collect();
        // Core competencies first, then the rest, each in content order; each row is found by
        // the key of its id and of its name. Each story's few keys are then looked up once, not
        // every competency against every story (10,000 stories made that a few hundred thousand
        // hashed lookups at every start).
        let order: Vec<&Competency> = competencies
            .iter()
            .filter(|c| c.core)
            .chain(competencies.iter().filter(|c| !c.core))
            .collect();
        let mut rows_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (r, c) in order.iter().enumerate() {
            for k in [key(c.id.as_str()), key(&c.name)] {
                let rows = rows_of.entry(k).or_default();
                if rows.last() != Some(&r) {
                    rows.push(r);
                }
            }
        }
        // The rows each text (a tag, a competency id) covers, its key worked out once: stories
        // share a few tags, and a key is an allocation and a Unicode fold (at 10,000 stories,
        // folding every tag of every story was a fifth of working out the story facts).
        let mut rows_by_text: HashMap<&str, &[usize]> = HashMap::new();
        let mut covered_by = vec![vec![false; stories.len()]; order.len()];
        for (i, s) in stories.iter().enumerate() {
            let linked = s
                .questions
                .iter()
                .filter_map(|q| probes.get(q))
                .flat_map(|cs| cs.iter().map(Id::as_str));
            for text in s.tags.iter().map(String::as_str).chain(linked) {
                let rows = *rows_by_text
                    .entry(text)
                    .or_insert_with(|| rows_of.get(&key(text)).map_or(&[], Vec::as_slice));
                for &r in rows {
                    if let Some(cell) = covered_by.get_mut(r).and_then(|row| row.get_mut(i)) {
                        *cell = true;
                    }
                }
            }
        }
        let rows: Vec<CompetencyRow> = order
            .into_iter()
            .zip(covered_by)
            .map(|(c, covered_by)| CompetencyRow {
                id: c.id.clone(),
                name: c.name.clone(),
                core: c.core,
                covered_by,
            })
            .collect();

        let linked: HashSet<&Id> = stories.iter().flat_map(|s| &s.questions).collect();
        let mut unanswered: Vec<OpenQuestion> = questions
            .iter()
            .filter(|q| !linked.contains(&q.id))
            .map(|q| OpenQuestion {
                id: q.id.clone(),
                behavioural: q.behavioural,
            })
            .collect();
        // Stable, so content order holds within each group.
        unanswered.sort_by_key(|q| !q.behavioural);

        Coverage {
            stories: stories.iter().map(|s| s.id.clone()).collect(),
            rows,
            unanswered,
        }
    }

    /// The grid for all loaded competencies and questions.
    pub fn from_library(lib: &Library, stories: &[&Story]) -> Coverage {
        Coverage::new(&lib.competencies, &lib.questions, stories)
    }

    /// Keeps only the open questions `asked` says this user may be asked, so the gaps are theirs;
    /// links to any question still count for the competencies it probes.
    pub fn keep_questions(&mut self, asked: impl Fn(&Id) -> bool) {
        self.unanswered.retain(|q| asked(&q.id));
    }

    /// Competencies no story shows yet, core ones first.
    pub fn uncovered(&self) -> impl Iterator<Item = &CompetencyRow> {
        self.rows.iter().filter(|r| !r.is_covered())
    }

    /// The core competencies no story shows yet.
    pub fn core_uncovered(&self) -> impl Iterator<Item = &CompetencyRow> {
        self.uncovered().filter(|r| r.core)
    }

    /// The competencies the story in column `story` shows, in row order.
    pub fn competencies_of(&self, story: usize) -> Vec<&CompetencyRow> {
        self.rows
            .iter()
            .filter(|r| r.covered_by.get(story).copied().unwrap_or(false))
            .collect()
    }

    /// What a new story could fill, most important first: each core competency no story shows, then
    /// each behavioural question no story answers.
    pub fn gaps(&self) -> Vec<Gap> {
        self.core_uncovered()
            .map(|r| Gap::Competency(r.id.clone()))
            .chain(self.unanswered_behavioural().cloned().map(Gap::Question))
            .collect()
    }

    /// Behavioural questions no story answers: the ones worth writing a story for.
    pub fn unanswered_behavioural(&self) -> impl Iterator<Item = &Id> {
        self.unanswered
            .iter()
            .filter(|q| q.behavioural)
            .map(|q| &q.id)
    }

    /// One line per thing to do next, most important first; empty when the set of stories is complete.
    pub fn advice(&self) -> Vec<String> {
        self.advice_leaving_out(&[])
    }

    /// [`Coverage::advice`] without the "no story shows it" line of the competencies in `said`,
    /// for a caller that says more about them (a story that shows one, untagged).
    pub fn advice_leaving_out(&self, said: &[&Id]) -> Vec<String> {
        let mut out = Vec::new();
        let (lo, hi) = STORIES_ADVISED;
        let n = self.stories.len();
        if n < lo {
            let core: Vec<&str> = self
                .rows
                .iter()
                .filter(|r| r.core)
                .map(|r| r.name.as_str())
                .collect();
            let between = if core.is_empty() {
                String::new()
            } else {
                format!(" that together show {}", join_and(&core))
            };
            out.push(format!(
                "You have {n} {}: aim for {lo}–{hi}{between}.",
                if n == 1 { "story" } else { "stories" }
            ));
        }
        for r in self.core_uncovered().filter(|r| !said.contains(&&r.id)) {
            out.push(format!(
                "No story shows {} yet: tag a story “{}” or write one about it.",
                r.name, r.id
            ));
        }
        let open = self.unanswered_behavioural().count();
        if open > 0 {
            out.push(format!(
                "{open} behavioral {} no story yet: link one to a story, or write a new one.",
                if open == 1 {
                    "question has"
                } else {
                    "questions have"
                }
            ));
        }
        out
    }
}

/// A tag or competency reduced to lowercase letters and digits joined by single hyphens.
pub(super) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in fold(s).split(|c: char| !c.is_alphanumeric()) {
        if !part.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
#[path = "coverage_tests.rs"]
mod tests;
