//! The user's data as the screens share it, and the one writer that changes it on disk.

use super::derived::Tracked;
use crate::domain::config::{self, PracticePrefs};
use crate::domain::content::{Id, Library};
use crate::domain::fit::SavedFit;
use crate::domain::plan::{self, Focus};
use crate::domain::practice::{Graded, RoundLog, RoundRecord};
use crate::domain::prep::{Debriefs, MarkKind, MarkSet, When};
use crate::domain::profile::Profile;
use crate::domain::schedule::{DayZone, ReviewStore, Settings};
use crate::domain::sheet::SheetChoices;
use crate::domain::stories::{BadStory, StoryId, StoryStore};
use crate::storage::datafile::Kept;
use crate::storage::lock::Holder;
use crate::storage::paths::Paths;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
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
    /// The stories, if the folder could be read.
    pub fn store(&self) -> Option<&StoryStore> {
        self.store.get().as_ref()
    }

    pub fn load(paths: &Paths) -> StoriesFolder {
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
    /// Who is preparing, for which role and setting (config `[profile]`).
    profile: Profile,
    /// The certifications from the config file, which the set-up edits with the profile.
    certifications: Vec<String>,
    /// The practice settings last used (config `[practice]`).
    practice: PracticePrefs,
    /// True while the user chose to see every role for this session (m), whatever the profile says.
    all_roles: bool,
    /// What belongs to the user's interview, from the profile (or every role when `all_roles`).
    focus: Focus,
    /// Moves whenever `focus` changes, for what is derived from it.
    focus_version: u64,
    /// The role-fit answers (`fit.toml`).
    fit: Kept<SavedFit>,
    /// The answer target last saved with the practice settings, so an unchanged round writes nothing.
    practice_target: Option<u32>,
    /// The study settings as the config file sets them; the store's daily new-card number may be
    /// raised from `daily_new_limit` to pace the deck to the interview.
    study: Settings,
    /// The one-page sheet: the introduction, pins and drops (`sheet.toml`).
    sheet: SheetData,
    /// Notes on how each interview went (`interviews.toml`).
    debriefs: Kept<Debriefs>,
    /// The deck files as last loaded, to notice an import from another shell.
    decks: super::decks::DeckWatch,
    /// Moves whenever the user's cards are loaded again, for what is derived from them.
    cards_version: u64,
    /// Imports handed over by `clinicprep import` while this window is the writer.
    inbox: super::inbox::InboxWatch,
}

/// What the one-page sheet reads besides the stories, favourites, profile and content.
#[derive(Debug)]
struct SheetData {
    choices: Kept<SheetChoices>,
}

impl AppData {
    /// False when the config file is there but cannot be read as TOML at all: its settings,
    /// the profile among them, are unknown, and nothing can be saved into it until it is fixed.
    pub fn config_known(&self) -> bool {
        config::Config::read(&self.paths.config_file).settings_known
    }

    /// Loads the user's files under `paths`; a damaged one is reported (see `problems`) and left
    /// untouched on disk. The review history is opened by the caller, which reports its problems.
    pub fn load(paths: Paths, library: Library, reviews: Option<ReviewStore>) -> AppData {
        let mut data = AppData::start(paths, library);
        data.reviews = reviews;
        data.stories = StoriesFolder::load(&data.paths);
        data
    }

    /// Loads only what a first frame needs: the checklist, favourites, round log, role-fit answers
    /// and sheet choices, over `library` (the built-in content). The stories and review history,
    /// whose cost grows with the data, are loaded by [`AppData::finish_loading`]; until then they
    /// read as not loaded.
    pub fn start(paths: Paths, library: Library) -> AppData {
        let dir = &paths.data_dir;
        let decks = super::decks::DeckWatch::new(&paths.user_content_dir());
        let fit = Kept::from_load(SavedFit::load(dir), SavedFit::default());
        let sheet = SheetData {
            choices: Kept::from_load(SheetChoices::load(dir), SheetChoices::default()),
        };
        let debriefs = Kept::from_load(Debriefs::load(dir), Debriefs::default());
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
            profile: Profile::default(),
            certifications: Vec::new(),
            practice: PracticePrefs::default(),
            all_roles: false,
            focus: Focus::everything(),
            focus_version: 0,
            fit,
            practice_target: None,
            study: Settings::default(),
            sheet,
            debriefs,
            decks,
            cards_version: 0,
            inbox: super::inbox::InboxWatch::default(),
        }
    }

    /// The rest of the loading after [`AppData::start`]: the whole library, the review history
    /// (opened by the caller, which reports its problems) and the stories.
    pub fn finish_loading(
        &mut self,
        library: Library,
        reviews: Option<ReviewStore>,
        stories: StoriesFolder,
    ) {
        self.library = library;
        self.reviews = reviews;
        self.stories = stories;
    }

    /// A sentence for each of the checklist, favourites and round log files that could not be loaded.
    pub fn problems(&self) -> Vec<String> {
        [
            self.checklist.damaged.as_ref(),
            self.favourites.damaged.as_ref(),
            self.rounds.damaged.as_ref(),
            self.fit.damaged.as_ref(),
            self.sheet.choices.damaged.as_ref(),
            self.debriefs.damaged.as_ref(),
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

    /// Moves whenever the user's cards were loaded again (see [`AppData::pick_up_decks`]).
    pub fn cards_version(&self) -> u64 {
        self.cards_version
    }

    /// Loads the user's decks again when their files changed on disk since the last look (an
    /// import from another shell, an edit by hand), and says what came in. Only the cards are
    /// taken: other content a user file adds keeps its place until the next start, so what the
    /// screens hold by position stays right.
    pub fn pick_up_decks(&mut self, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
        let dir = self.paths.user_content_dir();
        if !self.decks.changed(&dir, now) {
            return None;
        }
        let added = self.reload_cards();
        super::decks::notice(&added, "")
    }

    /// Loads the user's cards again; returns the new ones by deck.
    fn reload_cards(&mut self) -> Vec<(String, usize)> {
        let dir = self.paths.user_content_dir();
        let fresh = Library::load_cached(&dir, &self.paths.data_dir);
        let added = super::decks::added(&self.library.cards, &fresh.cards);
        self.library.cards = fresh.cards;
        self.cards_version += 1;
        added
    }

    /// Imports the decks `clinicprep import` handed over while this window holds the data folder
    /// (see `interop::import_request`), through the one writer: nothing in a read-only window.
    /// Looks at once, then every couple of seconds; says what came in, or which file is stuck.
    pub fn pick_up_inbox(&mut self, now: chrono::DateTime<chrono::Utc>) -> Option<super::Status> {
        let taken = self.writer().ok()?.take_inbox(now);
        let news = if taken.imported > 0 {
            let added = self.reload_cards();
            // The watch on the content folder has seen these decks now: no second notice.
            self.decks = super::decks::DeckWatch::new(&self.paths.user_content_dir());
            super::decks::notice(&added, " (imported while clinicprep was open)")
        } else {
            None
        };
        let level = match taken.failed.is_empty() {
            true => super::Level::Info,
            false => super::Level::Warning,
        };
        Some(super::Status::new(level, taken.sentence(news)?))
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
        self.stories.store()
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

    /// The interview's day with the profile's time for it, as the date field shows them.
    pub fn interview_when(&self) -> Option<When> {
        let time = self.profile().interview_time;
        self.interview().map(|date| When { date, time })
    }

    /// True once the interview is over at `now` (see [`plan::interview_over`]); days are counted
    /// at `offset`.
    pub fn interview_over(&self, offset: FixedOffset, now: DateTime<Utc>) -> bool {
        let time = self.profile().interview_time;
        self.interview()
            .is_some_and(|d| plan::interview_over(d, time, DayZone::Fixed(offset), now))
    }

    /// The one-page sheet's introduction, pins and drops.
    pub fn sheet_choices(&self) -> &SheetChoices {
        &self.sheet.choices.value
    }

    /// Why `sheet.toml` could not be read, if it could not: until it is fixed, changes to the
    /// introduction, pins and drops are kept only while the app is open.
    pub fn sheet_choices_problem(&self) -> Option<String> {
        self.sheet.choices.damaged.as_ref().map(|e| e.advice())
    }

    /// Notes on how each interview went.
    pub fn debriefs(&self) -> &Debriefs {
        &self.debriefs.value
    }

    /// Why `interviews.toml` could not be read, if it could not: until it is fixed, notes are kept
    /// only while the app is open.
    pub fn debriefs_problem(&self) -> Option<String> {
        self.debriefs.damaged.as_ref().map(|e| e.advice())
    }

    /// Sets the interview date for this session without saving it (from the config file at start).
    pub fn use_interview_date(&mut self, date: Option<NaiveDate>) {
        self.interview = date;
    }

    /// Changes study settings (retention, maximum interval, daily new cards, the interview day that
    /// limits intervals) for future grades.
    pub fn set_study_settings(&mut self, settings: Settings) {
        self.study = settings;
        if let Some(store) = self.reviews.as_mut() {
            store.set_settings(settings);
        }
    }

    /// The study settings as the config file sets them (`daily_new_limit` unpaced).
    pub fn study_settings(&self) -> &Settings {
        &self.study
    }

    /// Sets today's number of new cards from the pace (see `plan::pace`); the setting itself is kept
    /// as the floor for tomorrow's.
    pub fn pace_new_cards(&mut self, per_day: u32) {
        if let Some(store) = self.reviews.as_mut()
            && store.settings().daily_new_limit != per_day
        {
            let mut s = *store.settings();
            s.daily_new_limit = per_day;
            store.set_settings(s);
        }
    }

    /// Takes the profile, certifications and practice settings from the config file at start,
    /// without saving them.
    pub fn use_profile(
        &mut self,
        profile: Profile,
        certifications: Vec<String>,
        practice: PracticePrefs,
    ) {
        self.profile = profile;
        self.certifications = certifications;
        self.practice = practice;
        self.refocus();
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn certifications(&self) -> &[String] {
        &self.certifications
    }

    /// The practice settings last used.
    pub fn practice_prefs(&self) -> &PracticePrefs {
        &self.practice
    }

    /// What belongs to the user's interview now: their roles' material, or every role's while they
    /// chose to see all (see [`AppData::toggle_all_roles`]).
    pub fn focus(&self) -> &Focus {
        &self.focus
    }

    /// A count that moves whenever [`AppData::focus`] or the interview date changes.
    pub fn focus_version(&self) -> u64 {
        self.focus_version
    }

    /// True while every role is shown although the profile names some.
    pub fn showing_all_roles(&self) -> bool {
        self.all_roles && self.profile.has_focus()
    }

    /// Switches between the profile's roles and every role, for this session only: nothing is
    /// written, so it works in a read-only window too. Returns whether every role now shows.
    pub fn toggle_all_roles(&mut self) -> bool {
        self.all_roles = !self.all_roles && self.profile.has_focus();
        self.refocus();
        self.all_roles
    }

    fn refocus(&mut self) {
        self.focus = if self.all_roles {
            Focus::new(
                &Profile {
                    roles: Vec::new(),
                    ..self.profile.clone()
                },
                &self.library,
            )
        } else {
            Focus::new(&self.profile, &self.library)
        };
        self.focus_version += 1;
    }

    /// The role-fit answers, and whether the file could not be read (then they are not saved).
    pub fn fit(&self) -> &SavedFit {
        &self.fit.value
    }

    /// The study settings with the interview day set to `date`.
    fn set_interview_in_store(&mut self, date: Option<NaiveDate>) {
        self.study.interview = date;
        // The plan and the pace depend on the date as much as on the focus.
        self.focus_version += 1;
        if let Some(store) = self.reviews.as_mut() {
            let mut s = *store.settings();
            s.interview = date;
            store.set_settings(s);
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
    /// Imports what waits in the inbox (see [`AppData::pick_up_inbox`]).
    fn take_inbox(&mut self, now: chrono::DateTime<chrono::Utc>) -> super::inbox::Taken {
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
