//! The `Writer` every change to the user's files goes through, and `ReadOnly`, why it is refused.

use super::AppData;
use crate::domain::config::{self, PracticePrefs};
use crate::domain::content::Id;
use crate::domain::practice::{Graded, RoundRecord};
use crate::domain::profile::Profile;
use crate::domain::schedule::ReviewStore;
use crate::domain::stories::{StoryId, StoryStore};
use chrono::{NaiveDate, NaiveTime};
use std::fmt;

/// Why a write was refused: another instance is the writer of the data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOnly;

impl fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "This window is read-only because another clinicprep has this data folder open. \
             Make changes there, or close it and start again here.",
        )
    }
}

/// Write access to the user's files, had only from [`AppData::writer`]. Each method saves at once
/// and returns a sentence for the user when the disk refused.
pub struct Writer<'a> {
    pub(super) data: &'a mut AppData,
}

impl<'a> Writer<'a> {
    /// Imports what waits in the inbox (see [`AppData::pick_up_inbox`]).
    pub(super) fn take_inbox(
        &mut self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> crate::kit::inbox::Taken {
        let d = &mut *self.data;
        d.inbox.take(&d.paths, now)
    }

    /// Ticks or unticks a checklist step.
    pub fn toggle_step(&mut self, id: &Id) -> Result<(), String> {
        let dir = self.data.paths.data_dir.clone();
        self.data.checklist.value.toggle(id);
        self.data.checklist.save(|m| m.save(&dir))
    }

    /// Stars or unstars a question to ask the interviewer.
    pub fn toggle_star(&mut self, id: &Id) -> Result<(), String> {
        let dir = self.data.paths.data_dir.clone();
        self.data.favourites.value.toggle(id);
        self.data.favourites.save(|m| m.save(&dir))
    }

    /// Sets the interview date and time and saves them to the config file (only those keys
    /// change).
    pub fn set_interview(
        &mut self,
        date: Option<NaiveDate>,
        time: Option<NaiveTime>,
    ) -> Result<(), String> {
        self.data.interview = date;
        self.data.profile.interview_time = time;
        self.data.set_interview_in_store(date);
        config::save_interview(&self.data.paths.config_file, date, time)
            .map_err(|e| format!("The interview date is set for now but could not be saved: {e}"))
    }

    /// Saves the profile, interview date and certifications to the config file (only keys that
    /// changed are rewritten; comments stay) and uses them from now on. In memory they apply even
    /// when the save fails, which the returned sentence says.
    pub fn save_profile(
        &mut self,
        profile: Profile,
        date: Option<NaiveDate>,
        certifications: Vec<String>,
    ) -> Result<(), String> {
        let saved = config::save_profile(
            &self.data.paths.config_file,
            &profile,
            date,
            &certifications,
        );
        self.data.interview = date;
        self.data.set_interview_in_store(date);
        self.data.profile = profile;
        self.data.certifications = certifications;
        self.data.all_roles = false;
        self.data.refocus();
        saved.map_err(|e| format!("Your profile is set for now but could not be saved: {e}"))
    }

    /// Makes `role` the one to prepare for (from the role-fit guide): the config's profile roles and
    /// the fit file's accepted role.
    pub fn accept_role(&mut self, role: &Id) -> Result<(), String> {
        let saved = config::save_roles(&self.data.paths.config_file, std::slice::from_ref(role));
        self.data.profile.roles = vec![role.clone()];
        self.data.all_roles = false;
        self.data.refocus();
        saved.map_err(|e| format!("Your role is set for now but could not be saved: {e}"))?;
        self.data.fit.value.accepted = Some(role.clone());
        let dir = self.data.paths.data_dir.clone();
        self.data.fit.save(|f| f.save(&dir))
    }

    /// Saves the role-fit answers.
    pub fn save_fit(&mut self, answers: crate::domain::fit::Answers) -> Result<(), String> {
        self.data.fit.value.answers = answers;
        let dir = self.data.paths.data_dir.clone();
        self.data.fit.save(|f| f.save(&dir))
    }

    /// Remembers the practice round settings (config `[practice]` and `answer_seconds`). This
    /// happens by itself at each round, so it never touches a config file with a problem in it:
    /// the user's own text there stays as written until they fix it.
    pub fn save_practice(&mut self, prefs: PracticePrefs, target_secs: u32) -> Result<(), String> {
        if self.data.practice == prefs && self.data.practice_target == Some(target_secs) {
            return Ok(());
        }
        self.data.practice = prefs.clone();
        self.data.practice_target = Some(target_secs);
        let (_, problems) = config::Config::load(&self.data.paths.config_file);
        if !problems.is_empty() {
            return Ok(());
        }
        config::save_practice(&self.data.paths.config_file, &prefs, target_secs)
            .map_err(|e| format!("Your practice settings could not be saved: {e}"))
    }

    /// Saves a practice round as it now stands, and hands its newest grade to the flashcard schedule
    /// so a weak answer comes back sooner. Returns the round log's save result, then the schedule's.
    pub fn save_answer(
        &mut self,
        round: RoundRecord,
        graded: Graded,
    ) -> (Result<(), String>, Result<(), String>) {
        let saved = self.save_round(round);
        self.data.pending_grades.push(graded);
        (saved, self.flush_grades())
    }

    /// Saves a practice round as it now stands, with no grade for the schedule: a follow-up's
    /// answer, or a question left without a grade.
    pub fn save_round(&mut self, round: RoundRecord) -> Result<(), String> {
        let dir = self.data.paths.data_dir.clone();
        self.data.rounds.value.upsert(round);
        self.data.rounds.save(|log| log.save(&dir))
    }

    /// Keeps a new text of the 30-second introduction in memory; [`Writer::save_sheet_choices`] (or
    /// quitting) writes it, so typing does not wait for the disk.
    pub fn note_intro(&mut self, text: &str) {
        if self.data.sheet.choices.value.intro != text {
            self.data.sheet.choices.value.intro = text.to_string();
            self.data.sheet.choices.unsaved = true;
        }
    }

    /// Writes `sheet.toml` now if it has unsaved changes.
    pub fn save_sheet_choices(&mut self) -> Result<(), String> {
        let dir = self.data.paths.data_dir.clone();
        let kept = &mut self.data.sheet.choices;
        if !kept.unsaved && kept.damaged.is_none() {
            return Ok(());
        }
        kept.save(|c| c.save(&dir))
    }

    /// Keeps new notes on the interview of `date` in memory; [`Writer::save_debriefs`] (or
    /// quitting) writes them, so typing does not wait for the disk.
    pub fn note_debrief(&mut self, date: NaiveDate, notes: &str) {
        if self.data.debriefs.value.set(date, notes) {
            self.data.debriefs.unsaved = true;
        }
    }

    /// Writes `interviews.toml` now if it has unsaved changes.
    pub fn save_debriefs(&mut self) -> Result<(), String> {
        let dir = self.data.paths.data_dir.clone();
        let kept = &mut self.data.debriefs;
        if !kept.unsaved {
            return Ok(());
        }
        kept.save(|d| d.save(&dir))
    }

    /// Pins a story to the one-page sheet, or unpins it; saved at once.
    pub fn toggle_sheet_pin(&mut self, id: &StoryId) -> Result<(), String> {
        self.data.sheet.choices.value.toggle_pin(id);
        self.data.sheet.choices.unsaved = true;
        self.save_sheet_choices()
    }

    /// Drops a story from the one-page sheet, or lets it back; saved at once.
    pub fn toggle_sheet_drop(&mut self, id: &StoryId) -> Result<(), String> {
        self.data.sheet.choices.value.toggle_drop(id);
        self.data.sheet.choices.unsaved = true;
        self.save_sheet_choices()
    }

    /// Writes the one-page sheet as `text` to `sheet.html` (or `sheet.md`) in the data folder,
    /// replacing it whole. Returns where it went, or a sentence on why it could not.
    pub fn write_sheet(
        &mut self,
        format: crate::domain::sheet::output::Format,
        text: &str,
    ) -> Result<std::path::PathBuf, String> {
        use crate::domain::sheet::output;
        let dir = &self.data.paths.data_dir;
        crate::storage::ensure_private_dir(dir)
            .map_err(|e| format!("The sheet was not written: {e}; {}.", e.hint()))?;
        let path = output::default_path(dir, format);
        output::write(&path, text)
            .map(|()| path)
            .map_err(|e| format!("The sheet was not written: {e}."))
    }

    /// Retries practice grades that have not reached the schedule yet.
    pub fn flush_grades(&mut self) -> Result<(), String> {
        let Some(store) = self.data.reviews.as_mut() else {
            return Ok(());
        };
        while let Some(g) = self.data.pending_grades.first() {
            if let Err(e) = store.grade(&g.question, g.grade, g.at) {
                return Err(format!(
                    "Your practice rating is in the round log but not yet in the card schedule: {e}"
                ));
            }
            self.data.pending_grades.remove(0);
        }
        Ok(())
    }

    /// The review history, to grade and undo through a study session; `None` when it is not open.
    pub fn reviews(&mut self) -> Option<&mut ReviewStore> {
        self.data.reviews.as_mut()
    }

    /// The stories, to save, delete and bring back; `None` when their folder could not be read.
    pub fn stories(&mut self) -> Option<&mut StoryStore> {
        self.data.stories.store.get_mut().as_mut()
    }

    /// Like [`Writer::stories`], for as long as the writer was lent.
    pub fn into_stories(self) -> Option<&'a mut StoryStore> {
        self.data.stories.store.get_mut().as_mut()
    }

    /// Refreshes the review history's snapshot if enough grades piled up past it. A failure loses
    /// nothing: the journal has every grade.
    pub fn snapshot_reviews(&mut self) {
        if let Some(store) = self.data.reviews.as_mut() {
            let _ = store.maybe_snapshot();
        }
    }

    /// Retries saves that failed earlier (checklist, favourites, round log, the sheet's
    /// introduction, pins and drops, interview notes). Returns the first reason something is
    /// still not on disk.
    pub fn save_pending(&mut self) -> Result<(), String> {
        let dir = self.data.paths.data_dir.clone();
        let d = &mut *self.data;
        let mut failed = Vec::new();
        if d.checklist.unsaved && d.checklist.damaged.is_none() {
            failed.extend(d.checklist.save(|m| m.save(&dir)).err());
        }
        if d.favourites.unsaved && d.favourites.damaged.is_none() {
            failed.extend(d.favourites.save(|m| m.save(&dir)).err());
        }
        if d.rounds.unsaved && d.rounds.damaged.is_none() {
            failed.extend(d.rounds.save(|l| l.save(&dir)).err());
        }
        if d.sheet.choices.unsaved && d.sheet.choices.damaged.is_none() {
            failed.extend(d.sheet.choices.save(|c| c.save(&dir)).err());
        }
        if d.debriefs.unsaved && d.debriefs.damaged.is_none() {
            failed.extend(d.debriefs.save(|n| n.save(&dir)).err());
        }
        // Changes a damaged (or outside-changed) file could not take go to one folder of their
        // own, written again at every quit so it holds the latest, and the quit waits for a second
        // press that says where: quitting used to drop them without a word.
        let dir = [
            &d.checklist.rescued,
            &d.favourites.rescued,
            &d.rounds.rescued,
            &d.sheet.choices.rescued,
            &d.debriefs.rescued,
        ]
        .into_iter()
        .find_map(Clone::clone)
        .unwrap_or_else(crate::storage::datafile::rescue_dir);
        let rescued: Vec<&str> = [
            (
                "checklist ticks",
                d.checklist.rescue(&dir, |m, to| m.save(to)),
            ),
            (
                "starred questions",
                d.favourites.rescue(&dir, |m, to| m.save(to)),
            ),
            (
                "practice answers",
                d.rounds.rescue(&dir, |l, to| l.save(to)),
            ),
            (
                "introduction and sheet choices",
                d.sheet.choices.rescue(&dir, |c, to| c.save(to)),
            ),
            (
                "interview notes",
                d.debriefs.rescue(&dir, |n, to| n.save(to)),
            ),
        ]
        .into_iter()
        .filter_map(|(what, done)| done.then_some(what))
        .collect();
        if !rescued.is_empty() {
            // The copy's place comes first: it is what the user needs to read before quitting.
            failed.insert(
                0,
                format!(
                    "Your {} could not be saved in the data folder (the reason was on screen); \
                     a copy is in {}.",
                    crate::domain::prose::join_and(&rescued),
                    dir.display()
                ),
            );
        }
        match failed.into_iter().next() {
            Some(text) => Err(text),
            None => Ok(()),
        }
    }
}
