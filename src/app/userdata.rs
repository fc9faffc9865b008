//! The Home and Practice files held in memory (checklist, starred questions, round log), and how the
//! two screens' effects change and save them.

use super::{App, Level, Status};
use crate::domain::practice::{ROUNDS_FILE, RoundLog};
use crate::domain::prep::charts::local_day;
use crate::domain::prep::{MarkKind, MarkSet};
use crate::screens::{home, practice};
use crate::storage::datafile::Kept;
use crate::storage::paths::Paths;
use chrono::NaiveDate;

/// The user's own files behind Home and Practice.
#[derive(Debug)]
pub struct UserData {
    pub checklist: Kept<MarkSet>,
    pub favourites: Kept<MarkSet>,
    pub rounds: Kept<RoundLog>,
}

impl UserData {
    /// Loads each file; a damaged one is reported (see `problems`) and left untouched on disk.
    pub fn load(paths: &Paths) -> UserData {
        let dir = &paths.data_dir;
        UserData {
            checklist: Kept::from_load(
                MarkSet::load(dir, MarkKind::Checklist),
                MarkSet::new(MarkKind::Checklist),
            ),
            favourites: Kept::from_load(
                MarkSet::load(dir, MarkKind::Favourites),
                MarkSet::new(MarkKind::Favourites),
            ),
            rounds: Kept::from_load(RoundLog::load(dir), RoundLog::default()),
        }
    }

    /// A sentence for each file that could not be loaded.
    pub fn problems(&self) -> Vec<String> {
        [
            self.checklist.damaged.as_ref(),
            self.favourites.damaged.as_ref(),
            self.rounds.damaged.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(|e| e.advice())
        .collect()
    }
}

impl App {
    /// The user's calendar day now, in the app's time zone offset.
    pub fn today(&self) -> NaiveDate {
        local_day(self.now, self.offset)
    }

    pub(super) fn apply_home(&mut self, effect: home::Effect) {
        let dir = self.data.paths.data_dir.clone();
        let saved = match effect {
            home::Effect::ToggleStep(id) => {
                self.data.user.checklist.value.toggle(&id);
                self.data.user.checklist.save(|m| m.save(&dir))
            }
            home::Effect::ToggleStar(id) => {
                self.data.user.favourites.value.toggle(&id);
                self.data.user.favourites.save(|m| m.save(&dir))
            }
            home::Effect::SetInterview(date) => {
                self.status = Some(Status {
                    level: Level::Info,
                    text: match date {
                        Some(d) => format!("Interview date set to {}.", d.format("%A %-d %B %Y")),
                        None => "Interview date cleared.".into(),
                    },
                });
                // A failed save replaces the message above with the reason.
                self.save_interview(date);
                Ok(())
            }
            home::Effect::Message(text) => {
                self.status = Some(Status {
                    level: Level::Warning,
                    text,
                });
                Ok(())
            }
        };
        if let Err(text) = saved {
            self.status = Some(Status {
                level: Level::Error,
                text,
            });
        }
    }

    pub(super) fn apply_practice(&mut self, effect: practice::Effect) {
        match effect {
            practice::Effect::Answered { round, graded } => {
                self.data.user.rounds.value.upsert(round);
                let dir = self.data.paths.data_dir.clone();
                let saved = self.data.user.rounds.save(|log| log.save(&dir));
                self.record_grade(graded);
                self.status = Some(match saved {
                    Ok(()) => Status {
                        level: Level::Info,
                        text: format!("Answer saved to {ROUNDS_FILE}."),
                    },
                    Err(text) => Status {
                        level: Level::Error,
                        text,
                    },
                });
            }
            practice::Effect::Message(text) => {
                self.status = Some(Status {
                    level: Level::Warning,
                    text,
                })
            }
        }
    }

    /// Retries saves that failed earlier; called when quitting. Returns false, with the reason on
    /// the status line, if something is still not on disk.
    pub(super) fn save_pending(&mut self) -> bool {
        let dir = self.data.paths.data_dir.clone();
        let user = &mut self.data.user;
        let mut failed = Vec::new();
        if user.checklist.unsaved && user.checklist.damaged.is_none() {
            failed.extend(user.checklist.save(|m| m.save(&dir)).err());
        }
        if user.favourites.unsaved && user.favourites.damaged.is_none() {
            failed.extend(user.favourites.save(|m| m.save(&dir)).err());
        }
        if user.rounds.unsaved && user.rounds.damaged.is_none() {
            failed.extend(user.rounds.save(|l| l.save(&dir)).err());
        }
        match failed.into_iter().next() {
            Some(text) => {
                self.status = Some(Status {
                    level: Level::Error,
                    text: format!("Press q again to quit without saving. {text}"),
                });
                false
            }
            None => true,
        }
    }
}
