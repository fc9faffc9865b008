//! The user's data as the screens share it, and the one writer that changes it on disk.

use super::derived::Tracked;
use crate::domain::config;
use crate::domain::content::{Id, Library};
use crate::domain::practice::{Graded, RoundLog, RoundRecord};
use crate::domain::prep::{MarkKind, MarkSet};
use crate::domain::schedule::{ReviewStore, Settings};
use crate::domain::stories::{BadStory, StoryStore};
use crate::storage::datafile::Kept;
use crate::storage::lock::Holder;
use crate::storage::paths::Paths;
use chrono::NaiveDate;
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

/// The stories folder as loaded: the store, the files that could not be read, or why the folder
/// could not be read at all.
#[derive(Default)]
pub struct StoriesFolder {
    /// `None` when the folder could not be read; `load_error` says why. Tracked, so what screens
    /// derive from the stories knows when they may have changed.
    store: Tracked<Option<StoryStore>>,
    /// Story files that could not be read; they are listed and never written to.
    pub bad: Vec<BadStory>,
    pub load_error: Option<String>,
}

impl fmt::Debug for StoriesFolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoriesFolder")
            .field("stories", &self.store.get().as_ref().map(StoryStore::len))
            .field("bad", &self.bad)
            .field("load_error", &self.load_error)
            .finish()
    }
}

impl StoriesFolder {
    fn load(paths: &Paths) -> StoriesFolder {
        let mut folder = StoriesFolder::default();
        folder.reload(paths);
        folder
    }

    /// Reads the folder again (after the user may have fixed it).
    fn reload(&mut self, paths: &Paths) {
        let (store, bad, load_error) = match StoryStore::load(&paths.data_dir) {
            Ok((store, bad)) => (Some(store), bad, None),
            Err(e) => (
                None,
                Vec::new(),
                Some(crate::storage::sanitize::clean_line(&e.to_string())),
            ),
        };
        self.store.set(store);
        (self.bad, self.load_error) = (bad, load_error);
    }
}

/// Everything the screens share: built-in and imported content, and the user's files. Screens read
/// it freely; every change to a file of the user's goes through a [`Writer`], which only
/// [`AppData::writer`] hands out and which it refuses while another clinicprep is the writer of this
/// data folder, so a read-only window cannot write whatever key reaches it.
#[derive(Debug)]
pub struct AppData {
    paths: Paths,
    library: Library,
    checklist: Kept<MarkSet>,
    favourites: Kept<MarkSet>,
    rounds: Kept<RoundLog>,
    /// Review history and schedule; `None` when it could not be opened (the Cards screen says why).
    reviews: Option<ReviewStore>,
    stories: StoriesFolder,
    /// The interview date, if the user set one.
    interview: Option<NaiveDate>,
    /// Practice grades not yet applied to the flashcard schedule: the round log has them, and they
    /// go on to the schedule when it can take them.
    pending_grades: Vec<Graded>,
    /// Set when another instance is the writer: every write is refused.
    read_only: Option<Holder>,
}

impl AppData {
    /// Loads the user's files under `paths`; a damaged one is reported (see `problems`) and left
    /// untouched on disk. The review history is opened by the caller, which reports its problems.
    pub fn load(paths: Paths, library: Library, reviews: Option<ReviewStore>) -> AppData {
        let dir = &paths.data_dir;
        AppData {
            checklist: Kept::from_load(
                MarkSet::load(dir, MarkKind::Checklist),
                MarkSet::new(MarkKind::Checklist),
            ),
            favourites: Kept::from_load(
                MarkSet::load(dir, MarkKind::Favourites),
                MarkSet::new(MarkKind::Favourites),
            ),
            rounds: Kept::from_load(RoundLog::load(dir), RoundLog::default()),
            stories: StoriesFolder::load(&paths),
            reviews,
            library,
            paths,
            interview: None,
            pending_grades: Vec::new(),
            read_only: None,
        }
    }

    /// Loads only what a first frame needs: the checklist, favourites and round log, over `library`
    /// (the built-in content). The stories and review history, whose cost grows with the data, are
    /// loaded by [`AppData::finish_loading`]; until then they read as not loaded.
    pub fn start(paths: Paths, library: Library) -> AppData {
        let dir = &paths.data_dir;
        AppData {
            checklist: Kept::from_load(
                MarkSet::load(dir, MarkKind::Checklist),
                MarkSet::new(MarkKind::Checklist),
            ),
            favourites: Kept::from_load(
                MarkSet::load(dir, MarkKind::Favourites),
                MarkSet::new(MarkKind::Favourites),
            ),
            rounds: Kept::from_load(RoundLog::load(dir), RoundLog::default()),
            stories: StoriesFolder::default(),
            reviews: None,
            library,
            paths,
            interview: None,
            pending_grades: Vec::new(),
            read_only: None,
        }
    }

    /// The rest of the loading after [`AppData::start`]: the whole library, the review history
    /// (opened by the caller, which reports its problems) and the stories.
    pub fn finish_loading(&mut self, library: Library, reviews: Option<ReviewStore>) {
        self.library = library;
        self.reviews = reviews;
        self.stories = StoriesFolder::load(&self.paths);
    }

    /// A sentence for each of the checklist, favourites and round log files that could not be loaded.
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

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn checklist(&self) -> &MarkSet {
        &self.checklist.value
    }

    pub fn favourites(&self) -> &MarkSet {
        &self.favourites.value
    }

    pub fn rounds(&self) -> &RoundLog {
        &self.rounds.value
    }

    /// True when the round log has changes that are not on disk (a failed save, a damaged file).
    pub fn rounds_unsaved(&self) -> bool {
        self.rounds.damaged.is_some() || self.rounds.unsaved
    }

    pub fn reviews(&self) -> Option<&ReviewStore> {
        self.reviews.as_ref()
    }

    /// The stories, or `None` when their folder could not be read.
    pub fn stories(&self) -> Option<&StoryStore> {
        self.stories.store.get().as_ref()
    }

    /// The stories folder: its store, unreadable files and load error.
    pub fn stories_folder(&self) -> &StoriesFolder {
        &self.stories
    }

    /// A count that moves whenever the stories may have changed, for what is derived from them.
    pub fn stories_changes(&self) -> u64 {
        self.stories.store.changes()
    }

    /// Reads the stories folder again if it could not be read before. Reading only: allowed in a
    /// read-only window too.
    pub fn retry_stories(&mut self) {
        if self.stories().is_none() {
            self.stories.reload(&self.paths);
        }
    }

    pub fn interview(&self) -> Option<NaiveDate> {
        self.interview
    }

    /// Sets the interview date for this session without saving it (from the config file at start).
    pub fn use_interview_date(&mut self, date: Option<NaiveDate>) {
        self.interview = date;
    }

    /// Changes study settings (retention, maximum interval, daily new cards) for future grades.
    pub fn set_study_settings(&mut self, settings: Settings) {
        if let Some(store) = self.reviews.as_mut() {
            store.set_settings(settings);
        }
    }

    /// Practice grades still waiting for the flashcard schedule.
    pub fn pending_grades(&self) -> &[Graded] {
        &self.pending_grades
    }

    /// Who else has the data folder open, when this window is read-only.
    pub fn read_only(&self) -> Option<&Holder> {
        self.read_only.as_ref()
    }

    /// Makes this window read-only for as long as it is open: `holder` is the writer.
    pub fn set_read_only(&mut self, holder: Holder) {
        self.read_only = Some(holder);
    }

    /// True unless another instance is the writer.
    pub fn can_write(&self) -> bool {
        self.read_only.is_none()
    }

    /// The one way to change the user's files: refused in a read-only window.
    pub fn writer(&mut self) -> Result<Writer<'_>, ReadOnly> {
        match self.read_only {
            Some(_) => Err(ReadOnly),
            None => Ok(Writer { data: self }),
        }
    }

    /// Makes every later write to the review history fail, as a full disk would.
    #[cfg(test)]
    pub(crate) fn fail_review_writes(&mut self) {
        if let Some(store) = self.reviews.as_mut() {
            store.fail_writes();
        }
    }
}

/// Write access to the user's files, had only from [`AppData::writer`]. Each method saves at once
/// and returns a sentence for the user when the disk refused.
pub struct Writer<'a> {
    data: &'a mut AppData,
}

impl<'a> Writer<'a> {
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

    /// Sets the interview date and saves it to the config file (only that key changes).
    pub fn set_interview_date(&mut self, date: Option<NaiveDate>) -> Result<(), String> {
        self.data.interview = date;
        config::save_interview_date(&self.data.paths.config_file, date)
            .map_err(|e| format!("The interview date is set for now but could not be saved: {e}"))
    }

    /// Saves a practice round as it now stands, and hands its newest grade to the flashcard schedule
    /// so a weak answer comes back sooner. Returns the round log's save result, then the schedule's.
    pub fn save_answer(
        &mut self,
        round: RoundRecord,
        graded: Graded,
    ) -> (Result<(), String>, Result<(), String>) {
        let dir = self.data.paths.data_dir.clone();
        self.data.rounds.value.upsert(round);
        let saved = self.data.rounds.save(|log| log.save(&dir));
        self.data.pending_grades.push(graded);
        (saved, self.flush_grades())
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

    /// Retries saves that failed earlier (checklist, favourites, round log). Returns the first
    /// reason something is still not on disk.
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
        match failed.into_iter().next() {
            Some(text) => Err(text),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_is_refused_in_a_read_only_window_and_only_there() {
        let now = chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap();
        let mut f = crate::kit::fixture::Fixture::new(now);
        assert!(f.data.writer().is_ok());
        let dir = f.dir.path().to_path_buf();
        let _writer = crate::storage::lock::DataLock::acquire(&dir).unwrap();
        let crate::storage::lock::Acquired::ReadOnly(holder) =
            crate::storage::lock::DataLock::acquire(&dir).unwrap()
        else {
            panic!("second lock granted");
        };
        f.data.set_read_only(holder);
        assert_eq!(f.data.writer().err(), Some(ReadOnly));
        assert!(!f.data.can_write());
    }
}
