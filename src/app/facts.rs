//! The facts screens share, worked out again when the stores change, and the config's settings.

use super::App;
use crate::domain::config::Config;
use crate::domain::content::Id;
use crate::domain::content::Library;
use crate::domain::plan;
use crate::domain::plan::StoryNumbers;
use crate::domain::schedule::{self, DayZone};
use crate::domain::stories::{Coverage, Order, Story, StoryStore};
use crate::kit::facts::{ShownStory, StoryOutline};
use std::collections::{BTreeMap, BTreeSet};

/// What the shared facts were last taken from: the stories' change count, and the review history's
/// last record number and size.
#[derive(Debug, Default)]
pub(super) struct FactsFrom {
    stories: Option<u64>,
    reviews: Option<(u64, usize)>,
}

impl App {
    /// Applies the user's config file: interview date, study settings, speaking pace and answer target.
    pub fn apply_config(&mut self, config: &Config) {
        if self.facts.loading {
            self.config = Some(config.clone());
        }
        self.data.use_interview_date(config.interview_date);
        self.data.set_study_settings(config.study_settings());
        self.data.use_profile(
            config.profile.clone(),
            config.certifications.clone(),
            config.practice.clone(),
        );
        self.screens.stories.set_pace(config.words_per_minute);
        self.screens.practice.set_target(config.answer_seconds);
        self.screens.practice.set_pace(config.words_per_minute);
        self.follow_profile();
        self.screens.sheet.set_pace(config.words_per_minute);
    }

    /// Refreshes every shared fact: story counts and links from the stories, due counts, due dates,
    /// recall and study days from the review history. Cheap enough to run on each screen switch.
    pub fn refresh_facts(&mut self) {
        if self.facts.loading {
            // Nothing to count from yet: the screens say "counting…".
            return;
        }
        // The story store already knows the count; the folder is only listed when it could not load.
        if self.data.stories().is_none() {
            self.facts.refresh_from_files(self.data.paths());
        }
        self.refresh_story_facts();
        self.refresh_review_facts();
        self.refresh_plan();
    }

    /// "My interview", today's new-card pace and today's plan. The pace holds for the whole day (it
    /// is worked out from what was unseen at the start of the day), so doing cards does not move it.
    fn refresh_plan(&mut self) {
        let now = self.now;
        let today = self.today();
        let deck = self.screens.cards.interview_numbers(&self.data, now);
        let Some(store) = self.data.reviews() else {
            self.facts.plan = None;
            return;
        };
        let base = *self.data.study_settings();
        let introduced = store.new_introduced_on(store.today(now));
        let reviewed = store.reviewed_on(store.today(now));
        let pace = plan::pace(
            deck.unseen,
            introduced,
            base.daily_new_limit,
            base.interview,
            store.today(now),
        );
        self.data.pace_new_cards(pace.per_day);
        let stories = self.facts.story_numbers.as_ref();
        let rounds = plan::round_counts(self.data.rounds(), DayZone::Fixed(self.offset), today);
        let inputs = plan::Inputs {
            today,
            interview: self.data.interview(),
            total: deck.total,
            unseen: deck.unseen,
            due: deck.due,
            weak: deck.weak,
            introduced_today: introduced,
            reviewed_today: reviewed,
            daily_new_limit: base.daily_new_limit,
            stories: stories.cloned(),
            rounds_today: rounds.0,
            rounds_total: rounds.1,
        };
        self.facts.cards_due_today = Some(deck.due);
        self.facts.interview_deck = Some(deck);
        self.facts.plan = Some(plan::plan(&inputs));
    }

    /// Story counts, links and coverage, worked out again only when the stories changed: with a
    /// thousand stories this is most of a screen switch.
    fn refresh_story_facts(&mut self) {
        let Some(store) = self.data.stories() else {
            return;
        };
        if self.facts_from.stories == Some(self.data.stories_changes()) {
            return;
        }
        let facts = StoryFacts::of(store, self.data.library());
        self.use_story_facts(facts);
    }

    /// Takes `facts`, worked out from the stories loaded now (at start-up, on another core while
    /// the Cards screen is built), so that they are not worked out again until the stories change.
    pub(super) fn use_story_facts(&mut self, facts: StoryFacts) {
        self.facts_from.stories = Some(self.data.stories_changes());
        self.facts.stories_written = Some(facts.written);
        self.facts.competencies_covered = Some(facts.covered);
        self.facts.story_numbers = Some(facts.numbers);
        self.facts.story_by_question = facts.by_question;
        self.facts.story_by_competency = facts.by_competency;
    }

    fn refresh_review_facts(&mut self) {
        if self.data.reviews().is_none() {
            return;
        }
        let now = self.now;
        // The Cards screen keeps its catalogue and every card's standing, with this count, which
        // a grade updates: a switch with nothing changed counts nothing again.
        let (learning, due) = self.screens.cards.waiting(&self.data, now);
        let Some(store) = self.data.reviews() else {
            return;
        };
        let cards = store.ledger().cards();
        self.facts.cards_due_today = Some(learning + due);
        // Due dates and days studied change only with a grade or an undo, which add a record.
        let history = (store.ledger().last_seq(), cards.len());
        if self.facts_from.reviews != Some(history) {
            self.facts_from.reviews = Some(history);
            // Sorted as plain numbers from the 8-byte keys: at 100,000 cards, sorting times read
            // from the states was half of this refresh.
            self.facts.due = cards.all_keys().map(|k| k.due_ms()).collect();
            self.facts.due.sort_unstable();
            self.facts.reviews_by_day = store.daily_counts().clone();
        }
        let interview = plan::judged_at(
            self.data.interview(),
            self.data.profile().interview_time,
            DayZone::Fixed(self.offset),
            now,
        );
        let at = crate::domain::practice::select::recall_judged_at(interview, now);
        self.facts.recall = self
            .data
            .library()
            .questions
            .iter()
            .filter_map(|q| {
                let state = cards.get(&q.id)?;
                Some((q.id.clone(), schedule::recall_at(state, at)))
            })
            .collect();
    }
}

/// What the stories give the shared facts. It reads only the stories and the content, so it can be
/// worked out on any thread.
pub(super) struct StoryFacts {
    written: usize,
    covered: BTreeSet<Id>,
    numbers: StoryNumbers,
    by_question: BTreeMap<Id, StoryOutline>,
    by_competency: BTreeMap<Id, ShownStory>,
}

impl StoryFacts {
    pub(super) fn of(store: &StoryStore, lib: &Library) -> StoryFacts {
        // In id order, unsorted: what follows needs no order but the one below (at 10,000 stories,
        // sorting them all by title was a third of these facts). Of equal titles, the plan's
        // "first given" is then the smallest id, as it was in title order.
        let stories: Vec<&Story> = store.by_id().collect();
        // Only the stories linked to a question, in title order, so the first story met for a
        // question is the one kept.
        let linked = Order::Title.sorted(
            stories
                .iter()
                .copied()
                .filter(|s| !s.questions.is_empty())
                .collect(),
        );
        let mut by_question: BTreeMap<Id, StoryOutline> = BTreeMap::new();
        for s in linked {
            for q in &s.questions {
                by_question
                    .entry(q.clone())
                    .or_insert_with(|| outline_of(s));
            }
        }
        let coverage = Coverage::from_library(lib, &stories);
        let covered = coverage
            .rows
            .iter()
            .filter(|r| r.is_covered())
            .map(|r| r.id.clone())
            .collect();
        // One pass a competency, to its first story: the grid's columns are `stories`, in order.
        let mut by_competency = BTreeMap::new();
        for row in &coverage.rows {
            let Some(i) = row.covered_by.iter().position(|&b| b) else {
                continue;
            };
            let s = stories[i];
            let shows = coverage
                .competencies_of(i)
                .into_iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect();
            by_competency.insert(
                row.id.clone(),
                ShownStory {
                    outline: outline_of(s),
                    shows,
                },
            );
        }
        StoryFacts {
            written: stories.len(),
            covered,
            numbers: plan::story_inputs_covered(lib, &coverage, &stories),
            by_question,
            by_competency,
        }
    }
}

/// A story's title and STAR parts, copied for the practice hint.
fn outline_of(s: &Story) -> StoryOutline {
    StoryOutline {
        title: s.title.clone(),
        star: [
            s.situation.clone(),
            s.task.clone(),
            s.action.clone(),
            s.result.clone(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, Tab, Theme};
    use crate::storage::paths::Paths;
    use chrono::{DateTime, Duration, Utc};

    /// Writes a story titled `title` with `tag` through the editor, a minute after the last one, and
    /// goes back to the list, as a user makes them.
    fn write_by_keys(app: &mut App, title: &str, tag: &str) {
        use crate::kit::Action;
        app.set_now(app.now() + chrono::Duration::minutes(1));
        app.update(Action::New);
        app.update(Action::Paste(title.into()));
        // Title, Situation, Task, Action, Result, then Tags.
        for _ in 0..5 {
            app.update(Action::NextField);
        }
        app.update(Action::Paste(tag.into()));
        app.update(Action::Back);
    }

    /// Writes a story with `tag` through the editor, then goes to Home, which refreshes the facts.
    fn write_then_home(app: &mut App, title: &str, tag: &str) {
        app.update(Action::GoTo(Tab::Stories));
        write_by_keys(app, title, tag);
        app.update(Action::GoTo(Tab::Home));
    }

    /// The story facts start-up works out on another core are the ones a refresh works out: the
    /// count, what is covered, the plan's numbers and the stories linked to each question.
    #[test]
    fn story_facts_from_start_up_are_those_a_refresh_gives() {
        let dir = tempfile::tempdir().unwrap();
        let stories = dir.path().join("stories");
        std::fs::create_dir_all(&stories).unwrap();
        let story = |title: &str, question: &str| {
            format!(
                "title = \"{title}\"\nsituation = \"A patient slipped.\"\ntask = \"Keep her safe.\"\n\
                 action = \"I held her gait belt.\"\nresult = \"\"\nquestions = [\"{question}\"]\n"
            )
        };
        for (file, title, question) in [
            ("a.toml", "Slip in the gym", "q-coworker-disagreement"),
            ("b.toml", "Busy morning", "q-coworker-disagreement"),
            ("c.toml", "Unlinked", "no-such-question"),
        ] {
            std::fs::write(stories.join(file), story(title, question)).unwrap();
        }
        let now = DateTime::<Utc>::from_timestamp(1_795_424_400, 0).unwrap();
        let mut app = App::new(Paths::in_dir(dir.path()), now, Theme::PLAIN);
        let at_start = app.facts.clone();
        assert_eq!(at_start.stories_written, Some(3));
        let linked = &at_start.story_by_question;
        let titles: Vec<&str> = linked.values().map(|s| s.title.as_str()).collect();
        // By question id; two stories answer the coworker question, and the first by title is kept.
        assert_eq!(titles, ["Unlinked", "Busy morning"], "{linked:?}");
        assert!(at_start.story_numbers.is_some());

        app.facts_from.stories = None;
        app.refresh_facts();
        assert_eq!(app.facts, at_start);
    }

    #[test]
    fn story_facts_are_taken_again_only_when_the_stories_change() {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::<Utc>::from_timestamp(1_795_424_400, 0).unwrap();
        let mut app = App::new(Paths::in_dir(dir.path()), now, Theme::PLAIN);
        assert_eq!(app.facts.stories_written, Some(0));
        write_then_home(&mut app, "Calming a patient", "patient-care");
        assert_eq!(app.facts.stories_written, Some(1));
        let covered = |app: &App| app.facts.competencies_covered.clone().unwrap_or_default();
        assert!(covered(&app).iter().any(|c| c.as_str() == "patient-care"));
        write_then_home(&mut app, "Covering the desk", "teamwork");
        assert_eq!(app.facts.stories_written, Some(2));
        assert!(covered(&app).iter().any(|c| c.as_str() == "teamwork"));

        // Nothing changed: switching screens leaves the facts as they are, without working them out.
        app.facts.stories_written = Some(99);
        app.update(Action::GoTo(Tab::Cards));
        app.update(Action::GoTo(Tab::Home));
        assert_eq!(app.facts.stories_written, Some(99));

        // A delete is a change.
        app.update(Action::GoTo(Tab::Stories));
        app.update(Action::Delete);
        app.update(Action::GoTo(Tab::Home));
        assert_eq!(app.facts.stories_written, Some(1));
    }

    #[test]
    fn review_facts_follow_grades_and_the_clock() {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::<Utc>::from_timestamp(1_795_424_400, 0).unwrap();
        let mut app = App::new(Paths::in_dir(dir.path()), now, Theme::PLAIN);
        assert!(app.facts.due.is_empty());
        let today = app.today();
        app.update(Action::GoTo(Tab::Cards));
        app.update(Action::Select);
        app.update(Action::Reveal);
        app.update(Action::Grade(crate::domain::schedule::Grade::Again));
        app.update(Action::GoTo(Tab::Home));
        assert_eq!(app.facts.due.len(), 1, "the graded card's due date");
        assert_eq!(app.facts.reviews_by_day.get(&today), Some(&1));
        assert_eq!(app.facts.cards_due_today, Some(0), "not due yet");

        // No grade since: the due dates are kept as they were, and the clock still counts.
        app.facts.due.clear();
        app.now += Duration::hours(1);
        app.update(Action::GoTo(Tab::Cards));
        app.update(Action::GoTo(Tab::Home));
        assert!(app.facts.due.is_empty());
        assert_eq!(app.facts.cards_due_today, Some(1), "came due an hour later");

        // Another grade (the session's next card) is a change.
        app.update(Action::GoTo(Tab::Cards));
        app.update(Action::Reveal);
        app.update(Action::Grade(crate::domain::schedule::Grade::Good));
        app.update(Action::GoTo(Tab::Home));
        assert_eq!(app.facts.due.len(), 2);
        assert_eq!(app.facts.reviews_by_day.get(&today), Some(&2));
    }
}
