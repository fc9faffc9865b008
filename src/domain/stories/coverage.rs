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
mod tests {
    use super::*;
    use crate::domain::content::Category;
    use chrono::{TimeZone, Utc};

    fn comp(id: &str, name: &str, core: bool) -> Competency {
        Competency {
            id: Id::new(id),
            name: name.into(),
            description: String::new(),
            core,
            signals: Vec::new(),
        }
    }

    fn question(id: &str, behavioural: bool) -> Question {
        Question {
            id: Id::new(id),
            text: format!("Question {id}?"),
            roles: vec![],
            category: Category::Teamwork,
            competencies: vec![],
            looking_for: String::new(),
            outline: vec![],
            pitfalls: vec![],
            behavioural,
            kind: None,
            source: None,
        }
    }

    fn story(id: &str, tags: &[&str], questions: &[&str]) -> Story {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut s = Story::new(StoryId::from_stem(id).unwrap(), id, now);
        s.tags = tags.iter().map(|t| t.to_string()).collect();
        s.questions = questions.iter().map(|q| Id::new(*q)).collect();
        s
    }

    fn comps() -> Vec<Competency> {
        vec![
            comp("communication", "Communication", false),
            comp("teamwork", "Teamwork", true),
            comp("patient-care", "Patient care", true),
            comp("empathy", "Empathy", false),
        ]
    }

    #[test]
    fn builtin_content_flags_the_four_core_competencies_first() {
        let lib = Library::builtin();
        let c = Coverage::from_library(&lib, &[]);
        let core: Vec<&str> = c
            .rows
            .iter()
            .filter(|r| r.core)
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(
            core,
            [
                "teamwork",
                "problem-solving",
                "patient-care",
                "admin-organization"
            ]
        );
        assert!(c.rows[..4].iter().all(|r| r.core), "core rows come first");
        assert_eq!(c.rows.len(), lib.competencies.len());
        assert_eq!(c.uncovered().count(), c.rows.len());
        assert_eq!(c.unanswered.len(), lib.questions.len());
    }

    #[test]
    fn tags_match_ids_or_names_ignoring_case_accents_and_separators() {
        for tag in [
            "patient-care",
            "Patient care",
            "PATIENT_CARE",
            "  patient   care ",
            "Pátient Care!",
        ] {
            let s = story("a", &[tag], &[]);
            let c = Coverage::new(&comps(), &[], &[&s]);
            let got: Vec<&str> = c.competencies_of(0).iter().map(|r| r.id.as_str()).collect();
            assert_eq!(got, ["patient-care"], "{tag:?}");
        }
        for tag in ["patient", "care", "patientcare", "patient-care-plan"] {
            let s = story("a", &[tag], &[]);
            let c = Coverage::new(&comps(), &[], &[&s]);
            assert!(c.competencies_of(0).is_empty(), "{tag:?}");
        }
    }

    #[test]
    fn grid_has_a_column_per_story_and_finds_the_gaps() {
        let a = story("a", &["teamwork", "Communication", "free text"], &[]);
        let b = story("b", &["TEAMWORK"], &[]);
        let c = Coverage::new(&comps(), &[], &[&a, &b]);
        assert_eq!(c.stories, [a.id.clone(), b.id.clone()]);
        let rows: Vec<(&str, bool, Vec<bool>)> = c
            .rows
            .iter()
            .map(|r| (r.id.as_str(), r.core, r.covered_by.clone()))
            .collect();
        assert_eq!(
            rows,
            [
                ("teamwork", true, vec![true, true]),
                ("patient-care", true, vec![false, false]),
                ("communication", false, vec![true, false]),
                ("empathy", false, vec![false, false]),
            ]
        );
        assert_eq!(c.rows[0].count(), 2);
        let uncovered: Vec<&str> = c.uncovered().map(|r| r.id.as_str()).collect();
        assert_eq!(uncovered, ["patient-care", "empathy"]);
        let core: Vec<&str> = c.core_uncovered().map(|r| r.id.as_str()).collect();
        assert_eq!(core, ["patient-care"]);
        assert!(
            c.competencies_of(7).is_empty(),
            "out of range is empty, not a panic"
        );
    }

    #[test]
    fn a_linked_question_counts_for_the_competencies_it_probes() {
        let mut q = question("q-time-team", true);
        q.competencies = vec![Id::new("teamwork"), Id::new("empathy")];
        let a = story("a", &["patient-care"], &["q-time-team", "q-gone"]);
        let c = Coverage::new(&comps(), &[q], &[&a]);
        let got: Vec<&str> = c.competencies_of(0).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(got, ["teamwork", "patient-care", "empathy"]);
        assert!(c.gaps().is_empty(), "{:?}", c.gaps());
    }

    #[test]
    fn gaps_are_core_competencies_then_behavioural_questions() {
        let qs = [question("q-why", false), question("q-time", true)];
        let c = Coverage::new(&comps(), &qs, &[]);
        assert_eq!(
            c.gaps(),
            [
                Gap::Competency(Id::new("teamwork")),
                Gap::Competency(Id::new("patient-care")),
                Gap::Question(Id::new("q-time")),
            ]
        );
    }

    #[test]
    fn questions_linked_by_any_story_are_answered() {
        let qs = [
            question("q-why", false),
            question("q-time-team", true),
            question("q-time-upset", true),
            question("q-scope", false),
        ];
        let a = story("a", &[], &["q-time-team", "q-not-in-bank"]);
        let b = story("b", &[], &["q-scope"]);
        let c = Coverage::new(&[], &qs, &[&a, &b]);
        assert_eq!(
            c.unanswered,
            [
                OpenQuestion {
                    id: Id::new("q-time-upset"),
                    behavioural: true
                },
                OpenQuestion {
                    id: Id::new("q-why"),
                    behavioural: false
                },
            ]
        );
        let behavioural: Vec<&str> = c.unanswered_behavioural().map(Id::as_str).collect();
        assert_eq!(behavioural, ["q-time-upset"]);
    }

    #[test]
    fn advice_names_what_is_missing_and_goes_quiet_when_done() {
        let qs = [question("q-time", true)];
        let c = Coverage::new(&comps(), &qs, &[]);
        assert_eq!(
            c.advice(),
            [
                "You have 0 stories: aim for 4–6 that together show Teamwork and Patient care.",
                "No story shows Teamwork yet: tag a story “teamwork” or write one about it.",
                "No story shows Patient care yet: tag a story “patient-care” or write one about it.",
                "1 behavioral question has no story yet: link one to a story, or write a new one.",
            ]
        );
        let s = [
            story("a", &["teamwork"], &["q-time"]),
            story("b", &["patient care"], &[]),
            story("c", &[], &[]),
            story("d", &[], &[]),
        ];
        let refs: Vec<&Story> = s.iter().collect();
        assert!(Coverage::new(&comps(), &qs, &refs).advice().is_empty());
        let one = Coverage::new(&[], &[], &refs[..1]);
        assert_eq!(one.advice(), ["You have 1 story: aim for 4–6."]);
    }

    proptest::proptest! {
        /// The grid says what its definition says, story by story and competency by competency:
        /// covered when one of the story's tags, or a competency a linked question probes, has the
        /// competency's id or name as its key. Two competencies may share a key; a story may
        /// repeat a tag.
        #[test]
        fn the_grid_is_its_definition(
            stories in proptest::collection::vec(
                (
                    proptest::collection::vec("(Teamwork|patient_care|EMPATHY|care|x|patient-care|Empathy )", 0..4),
                    proptest::collection::vec("q[0-3]", 0..3),
                ),
                0..8,
            )
        ) {
            let mut comps = comps();
            comps.push(comp("care", "Patient care", false));
            let mut questions: Vec<Question> = (0..4).map(|i| question(&format!("q{i}"), i % 2 == 0)).collect();
            questions[1].competencies = vec![Id::new("empathy")];
            questions[2].competencies = vec![Id::new("teamwork"), Id::new("care")];
            let stories: Vec<Story> = stories
                .iter()
                .enumerate()
                .map(|(i, (tags, qs))| {
                    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
                    let qs: Vec<&str> = qs.iter().map(String::as_str).collect();
                    story(&format!("2026-11-2{i}-s"), &tags, &qs)
                })
                .collect();
            let refs: Vec<&Story> = stories.iter().collect();
            let grid = Coverage::new(&comps, &questions, &refs);
            let order: Vec<&Competency> = comps.iter().filter(|c| c.core).chain(comps.iter().filter(|c| !c.core)).collect();
            proptest::prop_assert_eq!(grid.rows.len(), order.len());
            for (row, c) in grid.rows.iter().zip(&order) {
                proptest::prop_assert_eq!(&row.id, &c.id);
                for (j, s) in stories.iter().enumerate() {
                    let probed = s.questions.iter().filter_map(|q| questions.iter().find(|x| x.id == *q)).flat_map(|q| q.competencies.iter().map(|c| key(c.as_str())));
                    let keys: Vec<String> = s.tags.iter().map(|t| key(t)).chain(probed).collect();
                    let want = keys.contains(&key(c.id.as_str())) || keys.contains(&key(&c.name));
                    proptest::prop_assert_eq!(row.covered_by[j], want, "{} / story {}", c.id, j);
                }
            }
        }
    }
}
