//! How the screens share what they know: the config's settings, practice grades into the flashcard
//! schedule, and the facts Home, Practice and Cards read from the review history and the stories.

use super::{App, Level, Status};
use crate::config::{self, Config};
use crate::content::Id;
use crate::practice::Graded;
use crate::schedule;
use crate::stories::{Coverage, Order};
use crate::study::{Deck, Filter};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::{BTreeMap, BTreeSet};

use super::facts::StoryOutline;

impl App {
    /// Applies the user's config file: interview date, study settings, speaking pace and answer target.
    pub fn apply_config(&mut self, config: &Config) {
        self.set_interview_date(config.interview_date);
        self.set_study_settings(config.study_settings());
        self.stories.coach.guidance.words_per_minute = config.words_per_minute;
        self.practice.setup.target_secs = config.answer_seconds;
        self.refresh_facts();
    }

    /// Saves a new interview date to the config file (only that key changes) and tells Cards.
    pub(super) fn save_interview(&mut self, date: Option<NaiveDate>) {
        self.set_interview_date(date);
        let path = self.data.paths.config_file.clone();
        match config::save_interview_date(&path, date) {
            Ok(()) => self.settings_changed = false,
            Err(e) => {
                self.settings_changed = true;
                self.status = Some(Status {
                    level: Level::Error,
                    text: format!("The interview date is set for now but could not be saved: {e}"),
                });
            }
        }
    }

    /// Hands a practice grade to the flashcard schedule, so a weak answer comes back sooner. The
    /// round log already holds it; if the schedule cannot take it now, it waits in `pending_grades`.
    pub(super) fn record_grade(&mut self, graded: Graded) {
        self.pending_grades.push(graded);
        self.flush_grades();
    }

    /// Retries practice grades that have not reached the schedule yet.
    pub(super) fn flush_grades(&mut self) {
        let Some(store) = self.data.reviews.as_mut() else {
            return;
        };
        while let Some(g) = self.pending_grades.first() {
            match store.grade(&g.question, g.grade, g.at) {
                Ok(_) => {
                    self.pending_grades.remove(0);
                }
                Err(e) => {
                    self.status = Some(Status {
                        level: Level::Error,
                        text: format!(
                            "Your practice rating is in the round log but not yet in the card schedule: {e}"
                        ),
                    });
                    return;
                }
            }
        }
    }

    /// Refreshes every shared fact: story counts and links from the stories, due counts, due dates,
    /// recall and study days from the review history. Cheap enough to run on each screen switch.
    pub fn refresh_facts(&mut self) {
        // The story store already knows the count; the folder is only listed when it could not load.
        if self.stories.store().is_none() {
            self.facts.refresh_from_files(&self.data.paths);
        }
        self.refresh_story_facts();
        self.refresh_review_facts();
    }

    fn refresh_story_facts(&mut self) {
        let Some(store) = self.stories.store() else {
            return;
        };
        let stories = store.list(Order::Title);
        let mut by_question: BTreeMap<Id, Vec<StoryOutline>> = BTreeMap::new();
        for s in &stories {
            for q in &s.questions {
                by_question
                    .entry(q.clone())
                    .or_default()
                    .push(StoryOutline {
                        title: s.title.clone(),
                        star: [
                            s.situation.clone(),
                            s.task.clone(),
                            s.action.clone(),
                            s.result.clone(),
                        ],
                    });
            }
        }
        let coverage = Coverage::from_library(&self.data.library, &stories);
        let covered: BTreeSet<Id> = coverage
            .rows
            .iter()
            .filter(|r| r.is_covered())
            .map(|r| r.id.clone())
            .collect();
        let titles: Vec<(Id, String)> = by_question
            .iter()
            .filter_map(|(q, v)| v.first().map(|o| (q.clone(), o.title.clone())))
            .collect();
        self.facts.stories_written = Some(stories.len());
        self.facts.competencies_covered = Some(covered);
        self.facts.stories_by_question = by_question;
        self.set_story_titles(titles);
    }

    fn refresh_review_facts(&mut self) {
        let Some(store) = self.data.reviews.as_ref() else {
            return;
        };
        let now = self.now;
        // The Cards screen built its catalogue from the same library at start; reuse it.
        let ids = self.cards.catalogue.select(&Deck::All, &Filter::default());
        let counts = schedule::counts(
            &ids,
            store.ledger(),
            store.settings(),
            store.today(now),
            now,
        );
        let cards = store.ledger().cards();
        self.facts.cards_due_today = Some(counts.learning + counts.due);
        self.facts.due = cards.values().filter_map(|c| at_ms(c.due_ms)).collect();
        self.facts.reviews_by_day = store.daily_counts().clone();
        self.facts.recall = self
            .data
            .library
            .questions
            .iter()
            .filter_map(|q| {
                let state = cards.get(&q.id)?;
                Some((q.id.clone(), schedule::recall_at(state, now)))
            })
            .collect();
    }
}

fn at_ms(ms: i64) -> Option<DateTime<Utc>> {
    Utc.timestamp_millis_opt(ms).single()
}
