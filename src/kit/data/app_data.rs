//! `AppData`: the user's files and content as the screens share them, loaded and read.

use super::{ReadOnly, StoriesFolder, Writer};
use crate::domain::config::{self, PracticePrefs};
use crate::domain::content::Library;
use crate::domain::fit::SavedFit;
use crate::domain::plan::Focus;
use crate::domain::practice::{Graded, RoundLog};
use crate::domain::prep::{Debriefs, MarkKind, MarkSet};
use crate::domain::profile::Profile;
use crate::domain::schedule::{ReviewStore, Settings};
use crate::domain::sheet::SheetChoices;
use crate::domain::stories::StoryStore;
use crate::storage::datafile::Kept;
use crate::storage::lock::Holder;
use crate::storage::paths::Paths;
use chrono::NaiveDate;

/// Everything the screens share: built-in and imported content, and the user's files. Screens read
/// it freely; every change to a file of the user's goes through a [`Writer`], which only
/// [`AppData::writer`] hands out and which it refuses while another clinicprep is the writer of this
/// data folder, so a read-only window cannot write whatever key reaches it.
#[derive(Debug)]
pub struct AppData {
    pub(super) paths: Paths,
    pub(super) library: Library,
    pub(super) checklist: Kept<MarkSet>,
    pub(super) favourites: Kept<MarkSet>,
    pub(super) rounds: Kept<RoundLog>,
    /// Review history and schedule; `None` when it could not be opened (the Cards screen says why).
    pub(super) reviews: Option<ReviewStore>,
    pub(super) stories: StoriesFolder,
    /// The interview date, if the user set one.
    pub(super) interview: Option<NaiveDate>,
    /// Practice grades not yet applied to the flashcard schedule: the round log has them, and they
    /// go on to the schedule when it can take them.
    pub(super) pending_grades: Vec<Graded>,
    /// Set when another instance is the writer: every write is refused.
    read_only: Option<Holder>,
    /// Who is preparing, for which role and setting (config `[profile]`).
    pub(super) profile: Profile,
    /// The certifications from the config file, which the set-up edits with the profile.
    pub(super) certifications: Vec<String>,
    /// The practice settings last used (config `[practice]`).
    pub(super) practice: PracticePrefs,
    /// True while the user chose to see every role for this session (m), whatever the profile says.
    pub(super) all_roles: bool,
    /// What belongs to the user's interview, from the profile (or every role when `all_roles`).
    pub(super) focus: Focus,
    /// Moves whenever `focus` changes, for what is derived from it.
    pub(super) focus_version: u64,
    /// The role-fit answers (`fit.toml`).
    pub(super) fit: Kept<SavedFit>,
    /// The answer target last saved with the practice settings, so an unchanged round writes nothing.
    pub(super) practice_target: Option<u32>,
    /// The study settings as the config file sets them; the store's daily new-card number may be
    /// raised from `daily_new_limit` to pace the deck to the interview.
    pub(super) study: Settings,
    /// The one-page sheet: the introduction, pins and drops (`sheet.toml`).
    pub(super) sheet: SheetData,
    /// Notes on how each interview went (`interviews.toml`).
    pub(super) debriefs: Kept<Debriefs>,
    /// The deck files as last loaded, to notice an import from another shell.
    decks: crate::kit::decks::DeckWatch,
    /// Moves whenever the user's cards are loaded again, for what is derived from them.
    cards_version: u64,
    /// Imports handed over by `clinicprep import` while this window is the writer.
    pub(super) inbox: crate::kit::inbox::InboxWatch,
}

/// What the one-page sheet reads besides the stories, favourites, profile and content.
#[derive(Debug)]
pub(super) struct SheetData {
    pub(super) choices: Kept<SheetChoices>,
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
        let decks = crate::kit::decks::DeckWatch::new(&paths.user_content_dir());
        // Each watched from here on: a save never overwrites what another program changed.
        let fit = Kept::from_load(SavedFit::load(dir), SavedFit::default())
            .watching(dir.join(crate::domain::fit::answers::FIT_FILE));
        let sheet = SheetData {
            choices: Kept::from_load(SheetChoices::load(dir), SheetChoices::default())
                .watching(SheetChoices::path(dir)),
        };
        let debriefs =
            Kept::from_load(Debriefs::load(dir), Debriefs::default()).watching(Debriefs::path(dir));
        let marks = |kind: MarkKind| {
            Kept::from_load(MarkSet::load(dir, kind), MarkSet::new(kind))
                .watching(dir.join(kind.file()))
        };
        AppData {
            checklist: marks(MarkKind::Checklist),
            favourites: marks(MarkKind::Favourites),
            rounds: Kept::from_load(RoundLog::load(dir), RoundLog::default())
                .watching(dir.join(crate::domain::practice::ROUNDS_FILE)),
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
            inbox: crate::kit::inbox::InboxWatch::default(),
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
        crate::kit::decks::notice(&added, "")
    }

    /// Loads the user's cards again; returns the new ones by deck.
    fn reload_cards(&mut self) -> Vec<(String, usize)> {
        let dir = self.paths.user_content_dir();
        let fresh = Library::load_cached(&dir, &self.paths.data_dir);
        let added = crate::kit::decks::added(&self.library.cards, &fresh.cards);
        self.library.cards = fresh.cards;
        self.cards_version += 1;
        added
    }

    /// Imports the decks `clinicprep import` handed over while this window holds the data folder
    /// (see `interop::import_request`), through the one writer: nothing in a read-only window.
    /// Looks at once, then every couple of seconds; says what came in, or which file is stuck.
    pub fn pick_up_inbox(
        &mut self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Option<crate::kit::Status> {
        let taken = self.writer().ok()?.take_inbox(now);
        let news = if taken.imported > 0 {
            let added = self.reload_cards();
            // The watch on the content folder has seen these decks now: no second notice.
            self.decks = crate::kit::decks::DeckWatch::new(&self.paths.user_content_dir());
            crate::kit::decks::notice(&added, " (imported while clinicprep was open)")
        } else {
            None
        };
        let level = match taken.failed.is_empty() {
            true => crate::kit::Level::Info,
            false => crate::kit::Level::Warning,
        };
        Some(crate::kit::Status::new(level, taken.sentence(news)?))
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

    /// The role-fit answers, and whether the file could not be read (then they are not saved).
    pub fn fit(&self) -> &SavedFit {
        &self.fit.value
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
