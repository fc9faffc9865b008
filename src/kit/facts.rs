//! Plain facts Home and Practice read that other parts of the app own (cards, stories), so those
//! screens depend on data, not on the stores behind it.

use crate::domain::content::Id;
use crate::domain::plan::{DeckNumbers, Plan, StoryNumbers};
use crate::storage::paths::Paths;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The outline of a story linked to a question, for the practice hint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryOutline {
    pub title: String,
    /// Situation, Task, Action, Result, each as written (the screen shortens them).
    pub star: [String; 4],
}

/// A story and the competencies it shows, so the practice hint can offer it for a story question
/// no story is linked to yet: a user with a fitting story should not read "write one".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShownStory {
    pub outline: StoryOutline,
    /// The competencies it shows, as (id, name), in the coverage grid's order.
    pub shows: Vec<(Id, String)>,
}

/// What the rest of the app knows, as plain data. `App::refresh_facts` fills what exists today; each
/// field says where the rest comes from. `None` means "not known": screens leave it out rather than
/// show a made-up number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Predicted recall (0–1) of each question card on the interview day, or a week out with no
    /// interview ahead (`practice::select::recall_judged_at`), for every question with a state.
    /// Feeds round selection.
    pub recall: BTreeMap<Id, f64>,
    /// The story linked to each question id (`Story::questions`) that comes first by title, for
    /// the practice hint and the card's back, and so round selection can favour questions no story
    /// answers. One a question, not all: only the first is ever shown, and copying every linked
    /// story's text was most of working out these facts at 10,000 stories.
    pub story_by_question: BTreeMap<Id, StoryOutline>,
    /// For each competency some story shows, the first story (by id) that shows it: few enough
    /// to keep whole, and what [`Facts::fitting_story`] chooses among.
    pub story_by_competency: BTreeMap<Id, ShownStory>,
    /// Cards due now across every deck (learning steps included), from the review schedule.
    pub cards_due_today: Option<usize>,
    /// Due time of every scheduled card in unix milliseconds, in time order, for the 14-day chart.
    /// Numbers rather than times: sorted as they come from the review history's keys, with no
    /// conversion of 100,000 of them at each refresh.
    pub due: Vec<i64>,
    /// Reviews per local day from the review journal (`ReviewStore::daily_counts`). Practice answers
    /// are added to these for the study heatmap.
    pub reviews_by_day: BTreeMap<NaiveDate, u32>,
    /// Stories written. Today: `*.toml` files in the stories folder.
    pub stories_written: Option<usize>,
    /// Competency ids the stories cover (from their linked questions), for "competencies covered".
    pub competencies_covered: Option<BTreeSet<Id>>,
    /// True while start-up is still loading the user's decks, stories and review history (the first
    /// frame is drawn before): what depends on them is shown as "counting…", never as a number.
    pub loading: bool,
    /// The stories as today's plan needs them: how many, the first core competency none shows, the
    /// first story missing a STAR part.
    pub story_numbers: Option<StoryNumbers>,
    /// "My interview" now: its size, what is unseen and what is due.
    pub interview_deck: Option<DeckNumbers>,
    /// Today's plan (cards, story, practice), from the above, the date and what was done today.
    pub plan: Option<Plan>,
}

impl Facts {
    /// A story that answers a question probing `competencies` though it is not linked to it: of
    /// the stories [`Facts::story_by_competency`] keeps for them, the one showing the most (the
    /// first competency's on a tie), with the names of those it shows.
    pub fn fitting_story(&self, competencies: &[Id]) -> Option<(&ShownStory, Vec<&str>)> {
        let shared = |s: &'_ ShownStory| -> Vec<usize> {
            (0..s.shows.len())
                .filter(|&i| competencies.contains(&s.shows[i].0))
                .collect()
        };
        let mut best: Option<(&ShownStory, Vec<usize>)> = None;
        for story in competencies
            .iter()
            .filter_map(|c| self.story_by_competency.get(c))
        {
            let fits = shared(story);
            if best.as_ref().is_none_or(|(_, b)| fits.len() > b.len()) {
                best = Some((story, fits));
            }
        }
        best.map(|(s, fits)| (s, fits.iter().map(|&i| s.shows[i].1.as_str()).collect()))
    }

    /// Question ids some story answers.
    pub fn linked_questions(&self) -> HashSet<Id> {
        self.story_by_question.keys().cloned().collect()
    }

    /// Refreshes what can be read from files without the stores of other screens: the number of
    /// story files. No folder yet means 0 stories; a folder that cannot be read leaves it unknown.
    pub fn refresh_from_files(&mut self, paths: &Paths) {
        self.stories_written = match std::fs::read_dir(paths.stories_dir()) {
            Ok(dir) => Some(
                dir.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
                    .count(),
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(0),
            Err(_) => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_counted_from_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::in_dir(dir.path());
        let mut facts = Facts::default();
        facts.refresh_from_files(&paths);
        assert_eq!(facts.stories_written, Some(0));
        std::fs::create_dir(paths.stories_dir()).unwrap();
        std::fs::write(paths.stories_dir().join("a.toml"), "").unwrap();
        std::fs::write(paths.stories_dir().join("notes.txt"), "").unwrap();
        facts.refresh_from_files(&paths);
        assert_eq!(facts.stories_written, Some(1));
    }

    #[test]
    fn only_questions_with_a_story_count_as_linked() {
        let mut facts = Facts::default();
        facts
            .story_by_question
            .insert(Id::new("q-a"), StoryOutline::default());
        assert_eq!(facts.linked_questions(), [Id::new("q-a")].into());
    }

    #[test]
    fn the_fitting_story_is_the_one_showing_most_of_what_the_question_asks() {
        let story = |title: &str, shows: &[&str]| ShownStory {
            outline: StoryOutline {
                title: title.into(),
                ..StoryOutline::default()
            },
            shows: shows
                .iter()
                .map(|c| (Id::new(*c), c.to_uppercase()))
                .collect(),
        };
        let mut facts = Facts::default();
        let asked = [Id::new("safety"), Id::new("teamwork")];
        assert!(
            facts.fitting_story(&asked).is_none(),
            "no stories, none fits"
        );
        facts
            .story_by_competency
            .insert(Id::new("safety"), story("Fall", &["safety"]));
        facts.story_by_competency.insert(
            Id::new("teamwork"),
            story("Busy shift", &["empathy", "safety", "teamwork"]),
        );
        let (s, names) = facts.fitting_story(&asked).unwrap();
        assert_eq!(s.outline.title, "Busy shift");
        assert_eq!(names, ["SAFETY", "TEAMWORK"], "only what the question asks");
        let (s, _) = facts.fitting_story(&[Id::new("safety")]).unwrap();
        assert_eq!(
            s.outline.title, "Fall",
            "a tie goes to the first competency's"
        );
        assert!(facts.fitting_story(&[Id::new("empathy")]).is_none());
    }
}
